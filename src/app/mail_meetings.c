/* The mail of published meetings (app/mail_meetings.h): what stood before
 * an action is kept, compared with what stands after it, and the changes
 * grouped by person, each group one mail. */
#include "app/mail_meetings.h"

#include <stdlib.h>
#include <string.h>

#include "app/mail.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "core/strset.h"
#include "io/mailmsg.h"
#include "store/mail.h"

/* How a row's event's video service went in the action: not at all,
 * named (from none), changed to another (relinked). */
enum video { VIDEO_SAME, VIDEO_NAMED, VIDEO_RELINKED };

/* One meeting as one of its people reads it; change "new", "moved",
 * "cancelled", or NULL (as it stands); video: of a meeting held online at
 * an event whose service the action named or changed, its link to tell. */
struct row {
    struct store_mail_meeting m;
    const char *was_starts, *was_ends, *was_table;
    const char *change;
    enum video video;
};

struct rows {
    struct row *v;
    int n, cap;
    struct arena *a;
    int oom;
};

/* An event whose video service the action named or changed
 * (app_mail_video with a watch): its online meetings' links go in the
 * action's mail. */
struct video_event {
    const char *event;
    enum video how;
};

struct app_mail_watch {
    struct arena a;
    char *event, *request;
    struct rows before;
    struct video_event *video;
    int video_n, video_cap;
};

static const char *dup(struct rows *r, const char *s)
{
    if (!s)
        return NULL;
    const char *d = arena_strdup(r->a, s);
    r->oom |= !d;
    return d;
}

static int keep_row(void *ud, const struct store_mail_meeting *m)
{
    struct rows *r = ud;
    if (df_grow((void **)&r->v, &r->cap, r->n, sizeof *r->v) < 0)
        return r->oom = 1;
    r->v[r->n++] = (struct row){
        .m = {.event = dup(r, m->event), .request = dup(r, m->request),
              .person = dup(r, m->person),
              .partner = dup(r, m->partner), .starts_at = dup(r, m->starts_at),
              .ends_at = dup(r, m->ends_at), .table = dup(r, m->table),
              .video_url = dup(r, m->video_url)}};
    return r->oom;
}

static int read_rows(struct store *s, const char *event, const char *request, struct rows *r,
                     struct df_err *err)
{
    int rc = store_mail_meeting_each(s, event, request, keep_row, r, err);
    if (rc > 0 || r->oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the meetings to mail");
    return rc;
}

void app_mail_watch_free(struct app_mail_watch *w)
{
    if (!w)
        return;
    free(w->before.v);
    free(w->video);
    arena_free(&w->a);
    free(w);
}

int app_mail_watch_begin(struct store *s, const char *event, const char *request,
                         struct app_mail_watch **w, struct df_err *err)
{
    *w = NULL;
    struct app_mail_watch *k = calloc(1, sizeof *k);
    if (!k)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory watching the meetings");
    arena_init(&k->a, 0);
    k->before.a = &k->a;
    const char *url;
    struct store_event ev;
    int on = store_mail_config_get(s, &k->a, &url, err);
    ev.published_at = "";   /* every published event's: the query picks them */
    if (on > 0 && event && store_event_get(s, event, &k->a, &ev, err) < 0) {
        on = err->kind == DF_ERR_NOT_FOUND ? 0 : -1;   /* a new event has none */
        if (on == 0)
            *err = (struct df_err){0};
    }
    if (on <= 0 || !ev.published_at) {
        app_mail_watch_free(k);
        return on < 0 ? -1 : 0;
    }
    k->event = event ? arena_strdup(&k->a, event) : NULL;
    k->request = request ? arena_strdup(&k->a, request) : NULL;
    if ((event && !k->event) || (request && !k->request)) {
        app_mail_watch_free(k);
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory watching the meetings");
    }
    if (read_rows(s, event, request, &k->before, err) < 0) {
        app_mail_watch_free(k);
        return -1;
    }
    *w = k;
    return 0;
}

static int by_person_then_time(const void *x, const void *y)
{
    const struct row *p = x, *q = y;
    int c = strcmp(p->m.person, q->m.person);
    if (!c)
        c = strcmp(p->m.event, q->m.event);
    return c ? c : strcmp(p->m.starts_at, q->m.starts_at);
}

/* Whether rows x and y go in one mail: one person's, at one event. */
static bool same_mail(const struct row *x, const struct row *y)
{
    return strcmp(x->m.person, y->m.person) == 0 && strcmp(x->m.event, y->m.event) == 0;
}

static bool texts_differ(const char *x, const char *y)
{
    return (x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0);
}

/* What a person's mail says besides her rows: by_name (NULL: the
 * organisers, or a run when replanned); a "video_link" mail, whether the
 * service was changed (relinked) rather than named. */
struct mail_why {
    const char *by_name;
    bool replanned, relinked;
    bool video;   /* "changed": the service named or changed too (relinked) */
};

/* The mail of one person's rows v[0..n) (kind "agenda", "changed" or
 * "video_link"): 1 queued, 0 none goes to her, -1 with err. */
static int queue_person(struct store *s, const struct store_event *ev, const char *kind,
                        const struct row *v, int n, const struct mail_why *why,
                        struct arena *a, struct df_err *err)
{
    struct app_mail_to to;
    int goes = app_mail_to_get(s, v[0].m.person, a, &to, err);
    if (goes <= 0)
        return goes;
    struct app_mail_item *items = arena_alloc(a, (size_t)n * sizeof *items);
    if (!items)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory writing a mail");
    for (int i = 0; i < n; i++) {
        struct store_person p;
        if (store_person_get(s, v[i].m.partner, a, &p, err) < 0)
            return -1;
        items[i] = (struct app_mail_item){
            .change = v[i].change, .other = p.name,
            .other_org = app_mail_org_name(s, p.org, to.lang, a, err),
            .starts_at = v[i].m.starts_at, .ends_at = v[i].m.ends_at, .table = v[i].m.table,
            .video_url = v[i].m.video_url,
            .was_starts = v[i].was_starts, .was_ends = v[i].was_ends,
            .was_table = v[i].was_table};
        if (!items[i].other_org)
            return -1;
    }
    struct app_mail_facts f = {.kind = kind, .event = app_mail_event_name(ev, to.lang),
                               .timezone = ev->timezone, .by = why->by_name,
                               .replanned = why->replanned, .relinked = why->relinked,
                               .video = why->video, .items = items, .items_n = n};
    return app_mail_queue(s, &to, &f, a, err) < 0 ? -1 : 1;
}

/* Sorts v[0..n) by person and event and queues each person's mail of
 * each event, but by_person's, saying cause (and relinked: a "video_link"
 * mail's). A "changed" mail whose rows hold a link to tell (their video)
 * says the service was named or changed too; one whose rows are only
 * such links, none changed, is that "video_link" mail. How many were
 * queued, or -1 with err. */
static int queue_each_person(struct store *s, const char *kind, struct row *v, int n,
                             enum app_mail_cause cause, const char *by_person, bool relinked,
                             struct df_err *err)
{
    if (n == 0)
        return 0;
    qsort(v, (size_t)n, sizeof *v, by_person_then_time);
    struct arena a;
    arena_init(&a, 0);
    struct store_event ev = {.id = NULL};
    struct store_person by;
    int rc = by_person ? store_person_get(s, by_person, &a, &by, err) : 0, queued = 0;
    for (int i = 0, j; rc >= 0 && i < n; i = j) {
        for (j = i + 1; j < n && same_mail(&v[j], &v[i]); j++) {
        }
        if (by_person && strcmp(v[i].m.person, by_person) == 0)
            continue;
        if ((!ev.id || strcmp(ev.id, v[i].m.event) != 0) &&
            (rc = store_event_get(s, v[i].m.event, &a, &ev, err)) < 0)
            break;
        struct mail_why why = {.by_name = by_person ? by.name : NULL,
                               .replanned = cause == APP_MAIL_BY_RUN, .relinked = relinked};
        const char *as = kind;
        if (strcmp(kind, "changed") == 0) {
            enum video how = VIDEO_SAME;
            bool changed = false;
            for (int k = i; k < j; k++) {
                how = v[k].video > how ? v[k].video : how;
                changed |= v[k].change != NULL;
            }
            why.video = how != VIDEO_SAME && changed;
            why.relinked = how == VIDEO_RELINKED;
            as = changed ? kind : "video_link";
        }
        rc = queue_person(s, &ev, as, v + i, j - i, &why, &a, err);
        queued += rc > 0;
    }
    arena_free(&a);
    return rc < 0 ? -1 : queued;
}

/* The key of a meeting's row for one of its people. */
static const char *row_key(struct arena *a, const struct row *r)
{
    return arena_printf(a, "%s\x1f%s", r->m.request, r->m.person);
}

/* How a meeting in w->before that is no longer there went: "cancelled"
 * with its request, else "removed" (off the agendas, still agreed: a run
 * places it again); NULL with err. */
static const char *gone_how(struct store *s, struct app_mail_watch *w, const struct row *r,
                            struct df_err *err)
{
    struct store_request q;
    if (store_request_get(s, r->m.request, &w->a, &q, err) < 0)
        return NULL;
    return strcmp(q.status, "accepted") == 0 ? "removed" : "cancelled";
}

/* The changes from w->before to after into *out (in w's arena). */
static int diff(struct store *s, struct app_mail_watch *w, struct rows *after, const char *skip,
                struct rows *out, struct df_err *err)
{
    struct strmap was = {0};
    int rc = -1;
    for (int i = 0; i < w->before.n; i++) {
        const char *k = row_key(&w->a, &w->before.v[i]);
        if (!k || strmap_put(&was, k, i) < 0)
            goto oom;
    }
    char *seen = calloc((size_t)w->before.n + 1, 1);
    if (!seen)
        goto oom;
    for (int i = 0; i < after->n; i++) {
        struct row r = after->v[i];
        const char *k = row_key(&w->a, &r);
        if (!k) {
            free(seen);
            goto oom;
        }
        int b = strmap_get(&was, k);
        if (b >= 0) {
            const struct row *o = &w->before.v[b];
            seen[b] = 1;
            if (!strcmp(o->m.starts_at, r.m.starts_at) && !strcmp(o->m.ends_at, r.m.ends_at) &&
                !texts_differ(o->m.table, r.m.table))
                continue;
            r.change = "moved";
            r.was_starts = o->m.starts_at;
            r.was_ends = o->m.ends_at;
            r.was_table = o->m.table;
        } else {
            r.change = "new";
        }
        if (skip && strcmp(r.m.request, skip) == 0)
            continue;
        if (df_grow((void **)&out->v, &out->cap, out->n, sizeof *out->v) < 0) {
            free(seen);
            goto oom;
        }
        out->v[out->n++] = r;
    }
    for (int i = 0; i < w->before.n; i++) {
        if (seen[i] || (skip && strcmp(w->before.v[i].m.request, skip) == 0))
            continue;
        if (df_grow((void **)&out->v, &out->cap, out->n, sizeof *out->v) < 0) {
            free(seen);
            goto oom;
        }
        out->v[out->n] = w->before.v[i];
        if (!(out->v[out->n++].change = gone_how(s, w, &w->before.v[i], err))) {
            free(seen);
            strmap_free(&was);
            return -1;
        }
    }
    free(seen);
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory comparing the meetings");
out:
    strmap_free(&was);
    return rc;
}

bool app_mail_watch_holds(const struct app_mail_watch *w)
{
    return w && w->before.n > 0;
}

/* Keeps a row of a meeting held online (its link: the service is named). */
static int keep_online_row(void *ud, const struct store_mail_meeting *m)
{
    return m->video_url ? keep_row(ud, m) : 0;
}

/* The online meetings of each event whose service w's action named or
 * changed, into changes: a changed one marked with its link to tell, one
 * as it stands added so. */
static int add_links(struct store *s, struct app_mail_watch *w, struct rows *changes,
                     struct df_err *err)
{
    struct strmap at = {0};
    struct rows online = {.a = &w->a};
    int rc = 0;
    for (int i = 0; rc == 0 && i < changes->n; i++) {
        const char *k = row_key(&w->a, &changes->v[i]);
        if (!k || strmap_put(&at, k, i) < 0)
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory comparing the meetings");
    }
    for (int e = 0; rc == 0 && e < w->video_n; e++) {
        online.n = 0;
        rc = store_mail_meeting_each(s, w->video[e].event, w->request, keep_online_row, &online,
                                     err);
        if (rc > 0 || online.oom) {
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the meetings to mail");
            break;
        }
        for (int i = 0; rc == 0 && i < online.n; i++) {
            const char *k = row_key(&w->a, &online.v[i]);
            int c = k ? strmap_get(&at, k) : -1;
            if (!k) {
                rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory comparing the meetings");
            } else if (c >= 0) {
                changes->v[c].video = w->video[e].how;
            } else if (df_grow((void **)&changes->v, &changes->cap, changes->n,
                               sizeof *changes->v) < 0) {
                rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory comparing the meetings");
            } else {
                changes->v[changes->n] = online.v[i];
                changes->v[changes->n++].video = w->video[e].how;
            }
        }
    }
    free(online.v);
    strmap_free(&at);
    return rc;
}

int app_mail_watch_end(struct store *s, struct app_mail_watch *w, enum app_mail_cause cause,
                       const char *by_person, const char *skip, struct df_err *err)
{
    if (!w)
        return 0;
    if (cause != APP_MAIL_BY_PERSON)
        by_person = NULL;
    struct rows after = {.a = &w->a}, changes = {.a = &w->a};
    int rc = read_rows(s, w->event, w->request, &after, err);
    if (rc == 0)
        rc = diff(s, w, &after, skip, &changes, err);
    if (rc == 0 && w->video_n)
        rc = add_links(s, w, &changes, err);
    if (rc == 0)
        rc = queue_each_person(s, "changed", changes.v, changes.n, cause, by_person, false,
                               err) < 0 ? -1 : 0;
    free(after.v);
    free(changes.v);
    app_mail_watch_free(w);
    return rc;
}

int app_mail_agendas(struct store *s, const char *event, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    const char *url;
    struct rows now = {.a = &a};
    int rc = store_mail_config_get(s, &a, &url, err);
    if (rc > 0)
        rc = read_rows(s, event, NULL, &now, err);
    if (rc == 0)
        rc = queue_each_person(s, "agenda", now.v, now.n, APP_MAIL_BY_ORGANISERS, NULL, false,
                               err);
    free(now.v);
    arena_free(&a);
    return rc < 0 ? -1 : 0;
}

/* How many of the people of rows v[0..n) (by person) a mail goes to now;
 * -1 with err. */
static int people_mailed(struct store *s, const struct row *v, int n, struct arena *a,
                         struct df_err *err)
{
    int mailed = 0;
    for (int i = 0; i < n; i++) {
        if (i && strcmp(v[i].m.person, v[i - 1].m.person) == 0)
            continue;
        struct app_mail_to to;
        int goes = app_mail_to_get(s, v[i].m.person, a, &to, err);
        if (goes < 0)
            return -1;
        mailed += goes;
    }
    return mailed;
}

/* The walk over a day's rows (by person), one person's mail at a time. */
struct day_walk {
    struct store *s;
    const struct store_event *ev;
    const char *url;          /* the forum's mail links (store_mail_config_get's) */
    bool dry_run;
    struct strset requests;   /* the day's meetings, each counted once */
    int *people, *meetings, *mailed;
    /* the person gathered (NULL: none yet), in `one` */
    struct arena one;
    const char *person;
    bool goes;                /* a mail goes to her (as app_mail_to_get says) */
    struct app_mail_to to;
    struct app_mail_item *items;
    int n, cap;
    struct df_err *err;
};

/* Queues (or, dry, counts) the mail of the person gathered, and forgets her. */
static int day_flush(struct day_walk *w)
{
    int rc = 0;
    if (w->person && w->goes) {
        struct app_mail_facts f = {.kind = "day", .event = app_mail_event_name(w->ev, w->to.lang),
                                   .timezone = w->ev->timezone, .items = w->items,
                                   .items_n = w->n};
        rc = w->dry_run ? 0 : app_mail_queue(w->s, &w->to, &f, &w->one, w->err);
        *w->mailed += rc == 0;
    }
    arena_free(&w->one);
    arena_init(&w->one, 0);
    w->person = NULL;
    w->n = 0;
    return rc;
}

static int day_row(void *ud, const struct store_mail_day_row *d)
{
    struct day_walk *w = ud;
    int added = strset_add(&w->requests, d->m.request);
    if (added < 0)
        goto oom;
    *w->meetings += added > 0;
    if (!w->person || strcmp(w->person, d->m.person) != 0) {
        if (day_flush(w) < 0)
            return -1;
        ++*w->people;
        if (!(w->person = arena_strdup(&w->one, d->m.person)))
            goto oom;
        /* app_mail_to_get's rule, from the row: an address a header can
         * carry, and mail not turned off */
        w->goes = mailmsg_address_ok(d->email) && !d->is_mail_off;
        if (w->goes && app_mail_to_of_row(&w->to, w->person, d->email, d->ui_language,
                                          d->languages, d->country, w->url, &w->one) < 0)
            goto oom;
    }
    if (!w->goes || w->dry_run)
        return 0;
    if (df_grow((void **)&w->items, &w->cap, w->n, sizeof *w->items) < 0)
        goto oom;
    bool uk = strcmp(w->to.lang, "uk") == 0;
    const char *org = uk && d->partner_org_uk && *d->partner_org_uk ? d->partner_org_uk
                                                                     : d->partner_org;
    struct app_mail_item *it = &w->items[w->n++];
    *it = (struct app_mail_item){
        .other = arena_strdup(&w->one, d->partner_name), .other_org = arena_strdup(&w->one, org),
        .starts_at = arena_strdup(&w->one, d->m.starts_at),
        .ends_at = arena_strdup(&w->one, d->m.ends_at),
        .table = d->m.table ? arena_strdup(&w->one, d->m.table) : NULL,
        .video_url = d->m.video_url ? arena_strdup(&w->one, d->m.video_url) : NULL};
    if (!it->other || !it->other_org || !it->starts_at || !it->ends_at ||
        (d->m.table && !it->table) || (d->m.video_url && !it->video_url))
        goto oom;
    return 0;
oom:
    df_err_set(w->err, DF_ERR_RUNTIME, "out of memory writing the day's meetings");
    return -1;
}

int app_mail_meetings_of_day(struct store *s, const char *event, const char *day, bool dry_run,
                             int *people, int *meetings, int *mailed, struct df_err *err)
{
    *people = *meetings = *mailed = 0;
    struct arena a;
    arena_init(&a, 0);
    struct store_event ev;
    struct day_walk w = {.s = s, .ev = &ev, .dry_run = dry_run, .people = people,
                         .meetings = meetings, .mailed = mailed, .err = err};
    strset_init(&w.requests);
    arena_init(&w.one, 0);
    int on = store_mail_config_get(s, &a, &w.url, err), rc = -1;
    if (on < 0 || store_event_get(s, event, &a, &ev, err) < 0)
        goto out;
    if (!on) {
        /* no mail goes: the day's figures alone */
        w.dry_run = true;
    }
    rc = store_mail_day_each(s, event, day, day_row, &w, err) != 0 || day_flush(&w) < 0 ? -1 : 0;
    if (!on)
        *mailed = 0;
out:
    free(w.items);
    arena_free(&w.one);
    strset_free(&w.requests);
    arena_free(&a);
    return rc;
}

/* Keeps in w that event's service was named or changed (relinked), for
 * its mail to tell the links, once an event: as the action first found it
 * (an import that names a service, then changes it, sent no link between). -1
 * with err. */
static int watch_video(struct app_mail_watch *w, const char *event, bool relinked,
                       struct df_err *err)
{
    for (int i = 0; i < w->video_n; i++)
        if (strcmp(w->video[i].event, event) == 0)
            return 0;
    const char *id = arena_strdup(&w->a, event);
    if (!id || df_grow((void **)&w->video, &w->video_cap, w->video_n, sizeof *w->video) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory watching the meetings");
    w->video[w->video_n++] = (struct video_event){id, relinked ? VIDEO_RELINKED : VIDEO_NAMED};
    return 0;
}

int app_mail_video(struct store *s, const char *event, bool relinked, struct app_mail_watch *w,
                   int *mailed, struct df_err *err)
{
    *mailed = 0;
    struct arena a;
    arena_init(&a, 0);
    const char *url;
    struct store_event ev;
    struct rows online = {.a = &a};
    int on = store_mail_config_get(s, &a, &url, err);
    int rc = on > 0 ? store_event_get(s, event, &a, &ev, err) : on;
    /* before publication her agenda is provisional: the agendas' mail will
     * carry the links */
    if (on > 0 && rc == 0 && ev.published_at) {
        rc = store_mail_meeting_each(s, event, NULL, keep_online_row, &online, err);
        if (rc > 0 || online.oom)
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the meetings to mail");
    }
    /* with the action's watch, its mail tells the links with its changes:
     * one mail a person, counted here as the same people */
    if (rc == 0 && w && online.n)
        rc = watch_video(w, event, relinked, err) < 0 ? -1
                                                      : people_mailed(s, online.v, online.n, &a,
                                                                      err);
    else if (rc == 0)
        rc = queue_each_person(s, "video_link", online.v, online.n, APP_MAIL_BY_ORGANISERS,
                               NULL, relinked, err);
    if (rc > 0)
        *mailed = rc;
    free(online.v);
    arena_free(&a);
    return rc < 0 ? -1 : 0;
}
