/* Interpreters given on the day to published meetings (interpreting_day.h). */
#include "app/interpreting_day.h"

#include <stdio.h>
#include <string.h>

#include "app/idmap.h"
#include "app/interpreting.h"
#include "core/strset.h"
#include "store/interpreting.h"

/* The published meetings without an interpreter, each with its people's
 * languages: person q of meeting m is langs[off[m] + q]. */
struct open_meetings {
    struct arena *a;
    struct idmap_vec meets;   /* struct store_uninterpreted: the first row of each */
    struct idmap_vec langs;   /* const char *, one per row */
    struct idmap_vec off;     /* int: meets.n + 1 once read */
    int oom;
};

static int on_uninterpreted(void *ud, const struct store_uninterpreted *x)
{
    struct open_meetings *o = ud;
    const struct store_uninterpreted *last =
        o->meets.n ? (struct store_uninterpreted *)o->meets.data + o->meets.n - 1 : NULL;
    if (!last || strcmp(last->request, x->request) != 0) {
        struct store_uninterpreted *m = idmap_vec_push(&o->meets, o->a);
        int *at = idmap_vec_push(&o->off, o->a);
        if (!m || !at)
            return o->oom = 1;
        *at = o->langs.n;
        *m = (struct store_uninterpreted){.request = arena_strdup(o->a, x->request),
                                          .slot = arena_strdup(o->a, x->slot),
                                          .session = arena_strdup(o->a, x->session),
                                          .starts_at = arena_strdup(o->a, x->starts_at)};
        if (!m->request || !m->slot || !m->session || !m->starts_at)
            return o->oom = 1;
    }
    const char **l = idmap_vec_push(&o->langs, o->a);
    if (!l || !(*l = arena_strdup(o->a, x->languages ? x->languages : "")))
        return o->oom = 1;
    return 0;
}

struct booked {
    struct arena *a;
    struct idmap_vec iv;   /* struct store_interpreter copies */
    int oom;
};

static int keep_interpreter(void *ud, const struct store_interpreter *x)
{
    struct booked *b = ud;
    struct store_interpreter *c = idmap_vec_push(&b->iv, b->a);
    if (!c || app_interpreter_copy(b->a, c, x) < 0)
        return b->oom = 1;
    return 0;
}

/* "slot\x1finterpreter": the key of an interpreter taken in a slot. */
static int taken_key(char *key, size_t n, const char *slot, const char *interpreter)
{
    return snprintf(key, n, "%s\x1f%s", slot, interpreter) < (int)n ? 0 : -1;
}

static int on_taken(void *ud, const char *slot, const char *interpreter)
{
    char key[512];
    if (taken_key(key, sizeof key, slot, interpreter) < 0)
        return 0;   /* ids are bounded far below: never so long */
    return strset_add(ud, key) < 0;
}

/* The first interpreter of iv serving pair in meeting m's slot and not
 * taken there (then marked taken), or -1. */
static int free_interpreter(const struct store_interpreter *iv, int n_iv, const char *pair,
                            const struct store_uninterpreted *m, struct strset *taken,
                            int *oom)
{
    struct store_slot k = {.id = m->slot, .session = m->session};
    char key[512];
    for (int i = 0; i < n_iv; i++) {
        if (!app_interpreter_serves(&iv[i], pair, &k) ||
            taken_key(key, sizeof key, m->slot, iv[i].id) < 0 || strset_has(taken, key))
            continue;
        if (strset_add(taken, key) < 0)
            *oom = 1;
        return i;
    }
    return -1;
}

int app_interpreting_fill(struct store *s, const char *event, int64_t now, struct arena *a,
                          struct app_interpreting_day *out, struct df_err *err)
{
    struct open_meetings o = {.a = a, .meets.size = sizeof(struct store_uninterpreted),
                              .langs.size = sizeof(const char *), .off.size = sizeof(int)};
    struct booked b = {.a = a, .iv.size = sizeof(struct store_interpreter)};
    struct strset taken;
    struct app_interpreting ip;
    int rc = -1, oom = 0;
    *out = (struct app_interpreting_day){0};
    strset_init(&taken);
    if (store_uninterpreted_each(s, event, now, on_uninterpreted, &o, err) < 0 ||
        store_interpreter_each(s, event, keep_interpreter, &b, err) < 0 ||
        store_interpreter_taken_each(s, event, on_taken, &taken, err) < 0)
        goto out;
    int *end = idmap_vec_push(&o.off, a);
    if (o.oom || b.oom || !end)
        goto oom;
    *end = o.langs.n;
    int n = o.meets.n, *off = o.off.data;
    int *people = arena_alloc(a, ((size_t)o.langs.n + 1) * sizeof *people);
    out->gaps = arena_alloc(a, ((size_t)n + 1) * sizeof *out->gaps);
    if (!people || !out->gaps)
        goto oom;
    for (int q = 0; q < o.langs.n; q++)
        people[q] = q;
    /* no slots: every booked pair counts alike, the need is what matters */
    if (app_interpreting_plan(b.iv.data, b.iv.n, NULL, 0, o.langs.data, o.langs.n, off,
                              people, n, a, &ip) < 0)
        goto oom;
    const struct store_uninterpreted *meets = o.meets.data;
    for (int m = 0; m < n && !oom; m++) {
        if (ip.meet_pair[m] < 0)
            continue;
        const char *pair = ip.pair_name[ip.meet_pair[m]];
        int i = free_interpreter(b.iv.data, b.iv.n, pair, &meets[m], &taken, &oom);
        if (i < 0) {
            out->gaps[out->gaps_n++] = (struct app_interpreting_gap){
                .request = meets[m].request, .starts_at = meets[m].starts_at, .pair = pair};
            continue;
        }
        const struct store_interpreter *given = (const struct store_interpreter *)b.iv.data + i;
        if (store_meeting_give_interpreter(s, meets[m].request, given->id, err) < 0)
            goto out;
        out->given++;
    }
    if (oom)
        goto oom;
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory giving interpreters to meetings");
out:
    strset_free(&taken);
    if (rc < 0)
        *out = (struct app_interpreting_day){0};
    return rc;
}
