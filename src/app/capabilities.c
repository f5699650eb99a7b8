/* An organisation's capabilities replaced as a whole (capabilities.h). */
#include "app/capabilities.h"

#include <stdlib.h>
#include <string.h>

#include "store/api.h"

/* Walks the stored list beside the new one; stops at the first difference. */
struct same_ctx {
    const struct store_capability *const *caps;
    int n, seen;
    bool same;
};

static bool text_equal(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static int same_cb(void *ud, const struct store_capability *c)
{
    struct same_ctx *k = ud;
    const struct store_capability *w = k->seen < k->n ? k->caps[k->seen] : NULL;
    k->seen++;
    if (!w || !text_equal(c->direction, w->direction) || !text_equal(c->cpv, w->cpv) ||
        !text_equal(c->title, w->title) || !text_equal(c->description, w->description) ||
        !c->confidential != !w->confidential) {
        k->same = false;
        return 1;
    }
    return 0;
}

/* The store's order (offers first, then by code); equal keys by place. */
static int by_key(const void *a, const void *b)
{
    const struct store_capability *x = *(const struct store_capability *const *)a;
    const struct store_capability *y = *(const struct store_capability *const *)b;
    int d = strcmp(y->direction, x->direction);
    if (!d)
        d = strcmp(x->cpv, y->cpv);
    return d ? d : (x < y ? -1 : x > y);
}

/* Whether caps, as the store would keep them (one per direction and code,
 * the last one given; in the store's order), are what org has. */
static int same_as_stored(struct store *s, const char *org, const struct store_capability *caps,
                          int n, bool *same, struct df_err *err)
{
    const struct store_capability **v = malloc(((size_t)n + 1) * sizeof *v);
    if (!v)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < n; i++)
        v[i] = &caps[i];
    qsort(v, (size_t)n, sizeof *v, by_key);
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (i + 1 < n && strcmp(v[i]->direction, v[i + 1]->direction) == 0 &&
            strcmp(v[i]->cpv, v[i + 1]->cpv) == 0)
            continue; /* a later one of the same key replaces it */
        v[kept++] = v[i];
    }
    struct same_ctx k = {.caps = v, .n = kept, .same = true};
    int rc = store_capability_each(s, org, same_cb, &k, err);
    free(v);
    if (rc < 0)
        return -1;
    *same = k.same && k.seen == kept;
    return 0;
}

int app_capabilities_replace(struct store *s, const char *actor, const char *org,
                             const struct store_capability *caps, int n, bool *changed,
                             struct df_err *err)
{
    bool same = false;
    if (same_as_stored(s, org, caps, n, &same, err) < 0)
        return -1;
    bool differs = !same;
    if (changed)
        *changed = differs;
    if (!differs)
        return 0;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_api_capability_clear(s, org, err) < 0)
        goto rollback;
    for (int i = 0; i < n; i++) {
        struct store_capability c = caps[i];
        c.org = org;
        if (store_capability_upsert(s, &c, NULL, err) < 0)
            goto rollback;
    }
    if (store_audit(s, actor, "organisation.capabilities", "organisation", org, NULL, err) < 0 ||
        store_commit(s, err) < 0)
        goto rollback;
    return 0;
rollback:
    store_rollback(s);
    return -1;
}
