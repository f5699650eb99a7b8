/* Name badges (app/badges.h): the store's people and organisations drawn by
 * io/badges. */
#include "app/badges.h"

#include <stdlib.h>
#include <string.h>

#include "app/forum_day.h"
#include "core/arena.h"
#include "core/country.h"
#include "core/grow.h"
#include "io/badges.h"
#include "store/check.h"

struct badges {
    struct store *s;
    struct arena *a;
    struct badge *v;
    int n, cap;
    struct df_err *err;
};

/* p's badge added to b, with its organisation's name, country and side:
 * 0, or -1 with b->err. */
static int add(struct badges *b, const struct store_person *p)
{
    struct store_org o;
    if (store_org_get(b->s, p->org, b->a, &o, b->err) < 0)
        return -1;
    if (df_grow((void **)&b->v, &b->cap, b->n, sizeof *b->v) < 0)
        return df_err_set(b->err, DF_ERR_RUNTIME, "out of memory making badges");
    const char *country = o.country ? country_name_en(o.country) : NULL;
    b->v[b->n++] = (struct badge){
        .id = arena_strdup(b->a, p->id), .name = arena_strdup(b->a, p->name),
        .title = p->title ? arena_strdup(b->a, p->title) : NULL, .organisation = o.name,
        .organisation_uk = o.name_uk,
        .country = country ? country : o.country,
        .side = country_is_ukraine(o.country)  ? BADGE_UKRAINE
                : country_is_europe(o.country) ? BADGE_EU
                                               : BADGE_OTHER};
    if (!b->v[b->n - 1].id || !b->v[b->n - 1].name || (p->title && !b->v[b->n - 1].title))
        return df_err_set(b->err, DF_ERR_RUNTIME, "out of memory making badges");
    return 0;
}

static int on_person(void *ud, const struct store_person *p)
{
    return !p->erased_at && add(ud, p) < 0;   /* an erased person gets no badge */
}

static int by_name(const void *x, const void *y)
{
    const struct badge *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : strcmp(a->id, b->id);
}

/* The badges into b: the n ids, or everyone by name. */
static int gather(struct badges *b, const char *const *ids, size_t n)
{
    if (n == 0) {
        int rc = store_person_each(b->s, on_person, b, b->err);
        if (rc)
            return -1;
        if (b->n > 1)
            qsort(b->v, (size_t)b->n, sizeof *b->v, by_name);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        struct store_person p;
        if (store_person_get(b->s, ids[i], b->a, &p, b->err) < 0)
            return -1;
        if (p.erased_at)
            return df_err_set(b->err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", ids[i]);
        if (add(b, &p) < 0)
            return -1;
    }
    return 0;
}

/* The event's two lines: its name, and its days and venue. */
static int event_lines(struct store *s, const char *event, long long now, struct arena *a,
                       struct badge_event *ev, struct df_err *err)
{
    *ev = (struct badge_event){0};
    if (!event) {
        /* a forum with no event yet: badges that name none */
        event = app_forum_event(s, now, a, err);
        if (!event && err->kind == DF_ERR_NOT_FOUND)
            *err = (struct df_err){0};
        if (!event)
            return err->kind ? -1 : 0;
    }
    struct store_event e;
    if (store_event_get(s, event, a, &e, err) < 0)
        return -1;
    ev->name = e.name;
    ev->line = strcmp(e.starts_on, e.ends_on) == 0
                   ? arena_printf(a, "%s%s%s", e.starts_on, e.venue ? " \xc2\xb7 " : "",
                                  e.venue ? e.venue : "")
                   : arena_printf(a, "%s \xe2\x80\x93 %s%s%s", e.starts_on, e.ends_on,
                                  e.venue ? " \xc2\xb7 " : "", e.venue ? e.venue : "");
    return ev->line ? 0 : df_err_set(err, DF_ERR_RUNTIME, "out of memory making badges");
}

int app_badges_pdf(struct store *s, const char *event, const char *const *ids, size_t n,
                   long long now, FILE *out, size_t *count, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct badges b = {.s = s, .a = &a, .err = err};
    struct badge_event ev;
    int rc = -1;
    if (store_snapshot_begin(s, err) == 0) {
        rc = event_lines(s, event, now, &a, &ev, err) < 0 || gather(&b, ids, n) < 0 ? -1 : 0;
        store_snapshot_end(s);
    }
    if (rc == 0)
        rc = badges_pdf(b.v, (size_t)b.n, &ev, out, err);
    if (rc == 0)
        *count = (size_t)b.n;
    free(b.v);
    arena_free(&a);
    return rc;
}
