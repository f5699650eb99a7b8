/* Agendas on paper (app/agenda_pdf.h): the people and the event checked,
 * then each person's agenda gathered (app/agenda.h) and drawn in turn. */
#include "app/agenda_pdf.h"

#include <stdlib.h>
#include <string.h>

#include "app/agenda.h"
#include "app/forum_day.h"
#include "core/arena.h"
#include "core/grow.h"
#include "io/agenda_pdf.h"
#include "store/check.h"

struct person_ref {
    const char *id, *name;   /* in the caller's arena */
};

struct everyone {
    struct arena *a;
    struct person_ref *v;
    int n, cap;
};

static int on_person(void *ud, const struct store_person *p)
{
    struct everyone *e = ud;
    if (p->erased_at)
        return 0;   /* an erased person has no agenda */
    if (df_grow((void **)&e->v, &e->cap, e->n, sizeof *e->v) < 0)
        return 1;
    e->v[e->n] = (struct person_ref){arena_strdup(e->a, p->id), arena_strdup(e->a, p->name)};
    return !e->v[e->n].id || !e->v[e->n++].name;
}

static int by_name(const void *x, const void *y)
{
    const struct person_ref *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    return c ? c : strcmp(a->id, b->id);
}

/* The people whose agendas are drawn into e: the n ids, each known and not
 * erased, or everyone by name. 0, or -1 with err. */
static int people(struct store *s, const char *const *ids, size_t n, struct everyone *e,
                  struct df_err *err)
{
    if (n == 0) {
        int rc = store_person_each(s, on_person, e, err);
        if (rc > 0 && !err->kind)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the people");
        if (rc)
            return -1;
        if (e->n > 1)
            qsort(e->v, (size_t)e->n, sizeof *e->v, by_name);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        int erased = store_person_is_erased(s, ids[i], err);
        int known = erased == 0 ? store_person_exists(s, ids[i], err) : 0;
        if (erased < 0 || known < 0)
            return -1;
        if (erased || !known)
            return df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", ids[i]);
        if (df_grow((void **)&e->v, &e->cap, e->n, sizeof *e->v) < 0)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the people");
        e->v[e->n++] = (struct person_ref){ids[i], ids[i]};
    }
    return 0;
}

/* The event asked for (NULL: the forum's at now) into ev, its agendas published. */
static int published_event(struct store *s, const char *event, long long now, struct arena *a,
                           struct store_event *ev, struct df_err *err)
{
    if (!event && !(event = app_forum_event(s, now, a, err)))
        return -1;
    if (store_event_get(s, event, a, ev, err) < 0)
        return -1;
    if (!ev->published_at) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "the agendas of event \"%.128s\" are not published yet: participants do not "
                   "see them, so they are not printed",
                   ev->id);
        return df_err_code(err, "not_published", NULL);
    }
    return 0;
}

int app_agendas_pdf(struct store *s, const char *event, const char *const *ids, size_t n,
                    bool skip_empty, long long now, FILE *out, struct app_agendas_count *count,
                    struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct everyone e = {.a = &a};
    struct store_event ev;
    struct app_agendas_count k = {0};
    int rc = -1;
    if (store_snapshot_begin(s, err) < 0)
        goto out;
    if (published_event(s, event, now, &a, &ev, err) == 0 && people(s, ids, n, &e, err) == 0) {
        struct agenda_pdf *d = agenda_pdf_begin(out, "Agendas");
        rc = d ? 0 : df_err_set(err, DF_ERR_RUNTIME, "out of memory drawing the agendas");
        for (int i = 0; rc == 0 && i < e.n; i++) {
            int meetings, pages;
            rc = app_agenda_pdf_add(s, e.v[i].id, &ev, skip_empty, d, &meetings, &pages, err);
            k.agendas += rc == 0 && pages > 0;
            k.skipped += rc == 0 && pages == 0;
            k.pages += rc == 0 ? (size_t)pages : 0;
        }
        if (d) {
            struct df_err drawn = {0};   /* an earlier error is the one said */
            if (agenda_pdf_end(d, rc == 0 ? err : &drawn) < 0)
                rc = -1;
        }
    }
    store_snapshot_end(s);
out:
    if (rc == 0 && count)
        *count = k;
    free(e.v);
    arena_free(&a);
    return rc;
}
