/* The mail organisers send when they choose (app/reminders.h). */
#include "app/reminders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/forum_day.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "core/date.h"
#include "core/forum_clock.h"
#include "core/grow.h"
#include "core/log.h"
#include "core/strset.h"
#include "core/ticker.h"
#include "io/ics.h"
#include "io/mailmsg.h"
#include "store/mail.h"
#include "store/outcomes.h"

struct mailing_way;

/* A mailing of one mail per person, each listing her rows (requests
 * waiting for her answer, meetings she has said nothing of) as the store
 * walks them, grouped by person. */
struct mailing {
    struct store *s;
    const struct store_event *ev;
    const char *url;          /* the forum's pages */
    const struct mailing_way *way;
    bool dry_run;
    long long now;
    struct df_err *err;
    struct strset seen;       /* the rows' requests, each counted once */
    int people, rows, mailed, lately, not_mailed;
    /* the person being gathered (person NULL: none yet), in `one` */
    struct arena one;
    const char *person;
    struct app_mail_to to;
    bool mails;               /* a mail goes to her */
    struct app_mail_item items[APP_REMIND_LISTED];
    int n;                    /* her rows, listed or not */
};

/* What tells one mailing from another. */
struct mailing_way {
    const char *kind;         /* the outbox's */
    const char *action;       /* the audit line's */
    const char *lately;       /* the audit line's word for those mailed lately */
    /* keeps that person was mailed now, at event */
    int (*keep)(struct store *s, const char *event, const char *person, struct df_err *err);
    /* 0 when the mailing may go at m->now, else -1 with m->err */
    int (*may)(struct mailing *m);
    /* the store's walk of the rows (a gather below), 0 or -1 with m->err */
    int (*walk)(struct mailing *m);
};

/* Sends (or, in a dry run, counts) the mail of the person gathered, and
 * forgets her. */
static int flush(struct mailing *m)
{
    int rc = 0;
    if (m->person && m->mails) {
        struct app_mail_facts f = {
            .kind = m->way->kind, .event = app_mail_event_name(m->ev, m->to.lang),
            .timezone = m->ev->timezone, .items = m->items,
            .items_n = m->n < APP_REMIND_LISTED ? m->n : APP_REMIND_LISTED,
            .items_more = m->n > APP_REMIND_LISTED ? m->n - APP_REMIND_LISTED : 0};
        rc = m->dry_run ? 0
             : app_mail_queue(m->s, &m->to, &f, &m->one, m->err) < 0 ||
                       m->way->keep(m->s, m->ev->id, m->person, m->err) < 0
                 ? -1
                 : 0;
        m->mailed += rc == 0;
    }
    arena_free(&m->one);
    arena_init(&m->one, 0);
    m->person = NULL;
    m->n = 0;
    return rc;
}

/* A row's person as the store reads her: when she is not the one being
 * gathered, the one before is flushed and she is counted and judged. */
struct mailee {
    const char *person, *email, *ui_language, *languages, *country;
    bool mail_off, lately;
};

/* A row of p's: its request, and what the mail lists of it (other, the
 * organisation as other_org or, in Ukrainian, other_org_uk when it has
 * one, and its times: NULL when none). 0, or -1 with m->err. */
static int gather(struct mailing *m, const struct mailee *p, const char *request,
                  const char *other, const char *other_org, const char *other_org_uk,
                  const char *starts_at, const char *ends_at)
{
    if (!m->person || strcmp(m->person, p->person) != 0) {
        if (flush(m) < 0)
            return -1;
        m->people++;
        if (!(m->person = arena_strdup(&m->one, p->person)))
            goto oom;
        m->mails = false;
        if (p->mail_off || !p->email || !mailmsg_address_ok(p->email)) {
            m->not_mailed++;
        } else if (p->lately) {
            m->lately++;
        } else {
            m->mails = true;
            if (app_mail_to_of_row(&m->to, m->person, p->email, p->ui_language, p->languages,
                                   p->country, m->url, &m->one) < 0)
                goto oom;
        }
    }
    int added = strset_add(&m->seen, request);
    if (added < 0)
        goto oom;
    m->rows += added;
    if (m->mails && m->n < APP_REMIND_LISTED) {
        bool uk = strcmp(m->to.lang, "uk") == 0;
        const char *org = uk && other_org_uk && *other_org_uk ? other_org_uk : other_org;
        struct app_mail_item *it = &m->items[m->n];
        *it = (struct app_mail_item){.other = arena_strdup(&m->one, other),
                                     .other_org = org ? arena_strdup(&m->one, org) : NULL,
                                     .starts_at = starts_at ? arena_strdup(&m->one, starts_at)
                                                            : NULL,
                                     .ends_at = ends_at ? arena_strdup(&m->one, ends_at) : NULL};
        if (!it->other || (org && !it->other_org) || (starts_at && !it->starts_at) ||
            (ends_at && !it->ends_at))
            goto oom;
    }
    m->n++;
    return 0;
oom:
    df_err_set(m->err, DF_ERR_RUNTIME, "out of memory writing the mail");
    return -1;
}

/* Queues (a dry run: counts) way's mail to each person its walk gives at
 * event, in one transaction with an audit line by actor; *m's counts say
 * what it did. 0, or -1 with err. */
static int mail_each(struct store *s, const char *actor, const char *event, bool dry_run,
                     long long now, const struct mailing_way *way, struct mailing *m,
                     struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    *m = (struct mailing){.s = s, .way = way, .dry_run = dry_run, .now = now, .err = err};
    arena_init(&m->one, 0);
    strset_init(&m->seen);
    struct store_event ev;
    struct app_mail_forum forum;
    int rc = -1;
    if (store_begin(s, err) < 0)
        goto done;
    if (store_event_get(s, event, &a, &ev, err) < 0)
        goto undo;
    m->ev = &ev;
    if (way->may(m) < 0)
        goto undo;
    if (app_mail_forum_open(s, now, &a, &forum, err) < 0 ||
        !(m->url = arena_strndup(&a, forum.url, (size_t)forum.url_n)))
        goto undo;
    if (way->walk(m) != 0 || flush(m) < 0)
        goto undo;
    if (dry_run)
        goto undo_ok;
    char said[96];
    snprintf(said, sizeof said, "mailed %d of %d (%d %s, %d without mail)", m->mailed,
             m->people, m->lately, way->lately, m->not_mailed);
    if (store_audit(s, actor, way->action, "event", event, said, err) < 0 ||
        store_commit(s, err) < 0)
        goto undo;
    rc = 0;
    goto done;
undo_ok:
    rc = 0;
undo:
    store_rollback(s);
done:
    m->ev = NULL;
    strset_free(&m->seen);
    arena_free(&m->one);
    arena_free(&a);
    return rc;
}

static int gather_to_answer(void *ud, const struct store_to_answer *t)
{
    struct mailee p = {t->person, t->email, t->ui_language, t->languages, t->country,
                       t->mail_off, t->reminded_lately};
    return gather(ud, &p, t->request, t->from, t->from_org, t->from_org_uk, NULL, NULL);
}

static int walk_to_answer(struct mailing *m)
{
    return store_to_answer_each(m->s, m->ev->id, gather_to_answer, m, m->err);
}

/* Nobody answers the requests of an event over (its last day, in its zone). */
static int may_remind(struct mailing *m)
{
    char today[11];
    app_forum_day_in(m->ev->timezone, m->now, today);
    if (strcmp(m->ev->ends_on, today) >= 0)
        return 0;
    df_err_set(m->err, DF_ERR_CONFLICT,
               "event %s is over (its last day was %s): nobody is reminded to answer "
               "requests for it", m->ev->id, m->ev->ends_on);
    df_err_code(m->err, "event_over", "event", m->ev->id, NULL);
    return -1;
}

int app_remind_to_answer(struct store *s, const char *actor, const char *event, bool dry_run,
                         long long now, struct app_remind *out, struct df_err *err)
{
    static const struct mailing_way way = {"to_answer", "reminders.to_answer",
                                           "reminded lately", store_answer_reminded,
                                           may_remind, walk_to_answer};
    struct mailing m;
    int rc = mail_each(s, actor, event, dry_run, now, &way, &m, err);
    *out = (struct app_remind){.people = m.people, .requests = m.rows, .mailed = m.mailed,
                               .reminded_lately = m.lately, .not_mailed = m.not_mailed};
    return rc;
}

static int gather_unsaid(void *ud, const struct store_unsaid *u)
{
    struct mailee p = {u->person, u->email, u->ui_language, u->languages, u->country,
                       u->mail_off, u->asked_lately};
    return gather(ud, &p, u->request, u->partner, u->partner_org, u->partner_org_uk,
                  u->starts_at, u->ends_at);
}

static int walk_unsaid(struct mailing *m)
{
    return store_unsaid_each(m->s, m->ev->id, m->now, gather_unsaid, m, m->err);
}

/* Nothing is said of a meeting before it begins (app_outcome_set's rule). */
static int may_ask(struct mailing *m)
{
    int begun = store_outcome_begun_n(m->s, m->ev->id, m->now, m->err);
    if (begun != 0)
        return begun < 0 ? -1 : 0;
    df_err_set(m->err, DF_ERR_CONFLICT,
               "no meeting of event %s has begun yet: nobody is asked what meetings led to "
               "before they take place", m->ev->id);
    df_err_code(m->err, "nothing_begun", "event", m->ev->id, NULL);
    return -1;
}

int app_ask_outcomes(struct store *s, const char *actor, const char *event, bool dry_run,
                     long long now, struct app_ask_outcomes *out, struct df_err *err)
{
    static const struct mailing_way way = {"outcomes", "outcomes.ask", "asked lately",
                                           store_outcomes_asked, may_ask, walk_unsaid};
    struct mailing m;
    int rc = mail_each(s, actor, event, dry_run, now, &way, &m, err);
    *out = (struct app_ask_outcomes){.people = m.people, .meetings = m.rows,
                                     .mailed = m.mailed, .asked_lately = m.lately,
                                     .not_mailed = m.not_mailed};
    return rc;
}

/* app_day_mail, and, first_only (the pass's own send), nothing done when
 * the day was sent before: judged inside the write transaction, so a send
 * by hand or another process's pass at the same moment is not doubled. */
static int day_mail(struct store *s, const char *actor, const char *event, const char *day,
                    bool dry_run, bool first_only, long long now, struct arena *a,
                    struct app_day_mail *out, struct df_err *err)
{
    *out = (struct app_day_mail){0};
    struct store_event ev;
    struct app_mail_forum forum;
    struct store_day_mail before;
    char today[11];
    if (store_begin(s, err) < 0)
        return -1;
    if (store_event_get(s, event, a, &ev, err) < 0)
        goto undo;
    app_forum_day_in(ev.timezone, now, today);
    if (!date_is_valid(day) || strcmp(day, ev.starts_on) < 0 || strcmp(day, ev.ends_on) > 0 ||
        strcmp(day, today) < 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "day \"%.10s\" is not a day of event %s still to come (%s to %s; today is %s "
                   "there)", day, ev.id, ev.starts_on, ev.ends_on, today);
        goto undo;
    }
    if (!ev.published_at) {
        df_err_set(err, DF_ERR_CONFLICT, "the agendas of event %s are not published: "
                   "nobody is mailed meetings they cannot see yet", ev.id);
        df_err_code(err, "not_published", NULL);
        goto undo;
    }
    int got = store_day_mail_get(s, event, day, a, &before, err);
    if (got < 0)
        goto undo;
    if (got) {
        out->before_at = before.mailed_at;
        out->before_by = before.mailed_by;
        out->before_people = before.people;
        if (first_only) {
            store_rollback(s);
            return 0;
        }
    }
    if (app_mail_forum_open(s, now, a, &forum, err) < 0 ||
        app_mail_meetings_of_day(s, event, day, dry_run, &out->people, &out->meetings,
                                 &out->mailed, err) < 0)
        goto undo;
    if (dry_run) {
        store_rollback(s);
        return 0;
    }
    char said[64];
    snprintf(said, sizeof said, "%s: mailed %d of %d", day, out->mailed, out->people);
    if (store_day_mail_put(s, event, day, actor, out->mailed, err) < 0 ||
        store_audit(s, actor, "agendas.day_mail", "event", event, said, err) < 0 ||
        store_commit(s, err) < 0)
        goto undo;
    return 0;
undo:
    store_rollback(s);
    return -1;
}

int app_day_mail(struct store *s, const char *actor, const char *event, const char *day,
                 bool dry_run, long long now, struct arena *a, struct app_day_mail *out,
                 struct df_err *err)
{
    return day_mail(s, actor, event, day, dry_run, false, now, a, out, err);
}

/* Day ("YYYY-MM-DD") moved by delta days into out; false for no date. */
static bool day_plus(const char *day, int delta, char out[11])
{
    int y, m, d;
    if (!date_is_valid(day) || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return false;
    char utc[DATE_UTC_TEXT_SIZE];
    date_utc_text(((long long)date_days_from_civil(y, m, d) + delta) * 86400, utc);
    snprintf(out, 11, "%.10s", utc);
    return true;
}

int app_day_mail_time(const char *day, const char *on, const char *at, const char *tzid,
                      long long *when, char wall[32])
{
    bool eve = on && strcmp(on, "eve") == 0;
    if (!on || (!eve && strcmp(on, "morning") != 0) || !app_day_mail_at_ok(at))
        return -1;
    char sends_on[11], clock[17], zoned[32];
    if (!day_plus(day, eve ? -1 : 0, sends_on))
        return -1;
    snprintf(clock, sizeof clock, "%.10sT%.5s", sends_on, at);
    if (ics_zoned_time(tzid, clock, zoned, when) < 0)
        return -1;
    if (wall)
        memcpy(wall, zoned, sizeof zoned);
    return 0;
}

bool app_day_mail_due(const char *day, const char *on, const char *at, const char *tzid,
                      long long from, long long now)
{
    long long when;
    char today[11];
    if (app_day_mail_time(day, on, at, tzid, &when, NULL) < 0 || when < from || now < when ||
        ics_zone_day(tzid, now, today) < 0)
        return false;
    return strcmp(day, today) >= 0;
}

bool app_day_mail_at_ok(const char *at)
{
    return at && strlen(at) == 5 && at[0] >= '0' && at[0] <= '2' && at[1] >= '0' &&
           at[1] <= '9' && at[2] == ':' && at[3] >= '0' && at[3] <= '5' && at[4] >= '0' &&
           at[4] <= '9' && strcmp(at, "24:00") < 0;
}

/* The events a pass looks at: published, with a setting (ids and what
 * the rule reads, in a). */
struct auto_events {
    struct arena *a;
    struct store_event *v;
    int n, cap;
    bool oom;
};

static int keep_auto_event(void *ud, const struct store_event *e)
{
    struct auto_events *w = ud;
    if (!e->published_at || !e->day_mail_on)
        return 0;
    if (df_grow((void **)&w->v, &w->cap, w->n, sizeof *w->v) < 0)
        return w->oom = true;
    struct store_event *k = &w->v[w->n++];
    *k = (struct store_event){
        .id = arena_strdup(w->a, e->id), .timezone = arena_strdup(w->a, e->timezone),
        .starts_on = arena_strdup(w->a, e->starts_on), .ends_on = arena_strdup(w->a, e->ends_on),
        .day_mail_on = arena_strdup(w->a, e->day_mail_on),
        .day_mail_at = e->day_mail_at ? arena_strdup(w->a, e->day_mail_at) : NULL,
        .day_mail_from = e->day_mail_from};
    w->oom = !k->id || !k->timezone || !k->starts_on || !k->ends_on || !k->day_mail_on ||
             (e->day_mail_at && !k->day_mail_at);
    return w->oom;
}

/* The first day of ev to look at, at now: its first, or today in its zone
 * when later (a day over sends nothing), into from. False when its dates
 * are no dates (a row an older version stored: dfnc check names it), whose
 * days could not be counted through. */
static bool first_open_day(const struct store_event *ev, long long now, char from[11])
{
    if (!date_is_valid(ev->starts_on) || !date_is_valid(ev->ends_on))
        return false;
    app_forum_day_in(ev->timezone, now, from);
    if (strcmp(ev->starts_on, from) > 0)
        snprintf(from, 11, "%s", ev->starts_on);
    return true;
}

int app_day_mail_pass(struct store *s, long long now, struct app_day_mail_pass *out,
                      struct df_err *err)
{
    *out = (struct app_day_mail_pass){0};
    struct arena a;
    arena_init(&a, 0);
    struct auto_events w = {.a = &a};
    const char *url;
    int rc = store_mail_config_get(s, &a, &url, err);
    if (rc <= 0)
        goto out;   /* the forum sends no mail: nothing is due */
    rc = store_event_each(s, keep_auto_event, &w, err);
    if (rc != 0 || w.oom) {
        rc = w.oom ? df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the events") : -1;
        goto out;
    }
    for (int i = 0; rc == 0 && i < w.n; i++) {
        const struct store_event *ev = &w.v[i];
        char day[11];
        /* the eve's mail of tomorrow may be due today: every day left is
         * looked at, a forum holds few */
        for (bool more = first_open_day(ev, now, day); more && rc == 0 &&
                                                       strcmp(day, ev->ends_on) <= 0;
             more = day_plus(day, 1, day)) {
            if (!app_day_mail_due(day, ev->day_mail_on, ev->day_mail_at, ev->timezone,
                                  ev->day_mail_from, now))
                continue;
            struct store_day_mail before;
            int went = store_day_mail_get(s, ev->id, day, &a, &before, err);
            if (went < 0) {
                rc = -1;
                break;
            }
            if (went)
                continue;
            struct app_day_mail done;
            struct df_err why = {0};
            if (day_mail(s, "auto", ev->id, day, false, true, now, &a, &done, &why) < 0) {
                out->failed++;
                log_msg(LOG_ERROR, "event=day_mail_failed forum_event=%s day=%s error=\"%s\"",
                        ev->id, day, why.msg);
                continue;
            }
            if (done.before_at)
                continue;   /* sent meanwhile, by hand or by another pass */
            out->sent++;
            log_msg(LOG_INFO, "event=day_mail_sent forum_event=%s day=%s by=auto mailed=%d",
                    ev->id, day, done.mailed);
        }
    }
out:
    free(w.v);
    arena_free(&a);
    return rc < 0 ? -1 : 0;
}

int app_day_mail_next(struct store *s, const struct store_event *ev, long long now,
                      struct arena *a, const char **day, const char **at, struct df_err *err)
{
    *day = *at = NULL;
    if (!ev->day_mail_on)
        return 0;
    char d[11];
    for (bool more = first_open_day(ev, now, d); more && strcmp(d, ev->ends_on) <= 0;
         more = day_plus(d, 1, d)) {
        struct store_day_mail before;
        long long when;
        char wall[32];
        int went = store_day_mail_get(s, ev->id, d, a, &before, err);
        if (went < 0)
            return -1;
        /* a day whose time had passed when the setting was saved goes by
         * hand only */
        if (went || app_day_mail_time(d, ev->day_mail_on, ev->day_mail_at, ev->timezone, &when,
                                      wall) < 0 || when < ev->day_mail_from)
            continue;
        if (!(*day = arena_strdup(a, d)) || !(*at = arena_strdup(a, wall)))
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return 0;
    }
    return 0;
}

struct app_day_mail_thread {
    struct ticker *ticker;
    struct store *s;
    struct forum_clock clock;   /* as the server's pages read theirs (http/server.h) */
};

static void day_mail_tick(void *ud)
{
    struct app_day_mail_thread *t = ud;
    long long now = forum_clock_now(&t->clock);
    struct app_day_mail_pass run;
    struct df_err err = {0};
    if (app_day_mail_pass(t->s, now, &run, &err) < 0)
        log_msg(LOG_ERROR, "event=day_mail_pass_failed error=\"%s\"", err.msg);
}

int app_day_mail_thread_start(const char *db_path, struct forum_clock clock, int every,
                              struct app_day_mail_thread **out, struct df_err *err)
{
    struct app_day_mail_thread *t = calloc(1, sizeof *t);
    if (!t)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the day mails");
    *t = (struct app_day_mail_thread){.clock = clock};
    if (store_open(&t->s, db_path, err) < 0) {
        free(t);
        return -1;
    }
    t->ticker = ticker_start(every > 0 ? every : 60, day_mail_tick, t);
    if (!t->ticker) {
        store_close(t->s);
        free(t);
        return df_err_set(err, DF_ERR_RUNTIME, "could not start the day mails' thread");
    }
    *out = t;
    return 0;
}

void app_day_mail_thread_stop(struct app_day_mail_thread *t)
{
    if (!t)
        return;
    ticker_stop(t->ticker);
    store_close(t->s);
    free(t);
}
