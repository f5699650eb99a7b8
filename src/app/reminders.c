/* The mail organisers send when they choose (app/reminders.h). */
#include "app/reminders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/forum_day.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/grow.h"
#include "core/log.h"
#include "core/ticker.h"
#include "io/ics.h"
#include "io/mailmsg.h"
#include "store/mail.h"

/* The walk over the event's pending requests, one addressee at a time. */
struct reminding {
    struct store *s;
    const struct store_event *ev;
    const char *url;          /* the forum's pages */
    bool dry_run;
    struct app_remind *out;
    struct df_err *err;
    /* the addressee being gathered (person NULL: none yet), in `one` */
    struct arena one;
    const char *person;
    struct app_mail_to to;
    bool mails;               /* a reminder goes to her */
    struct app_mail_item items[APP_REMIND_LISTED];
    int n;                    /* her requests, listed or not */
};

/* Sends (or, in a dry run, counts) the reminder of the addressee gathered,
 * and forgets her. */
static int flush(struct reminding *m)
{
    int rc = 0;
    if (m->person && m->mails) {
        struct app_mail_facts f = {
            .kind = "to_answer", .event = app_mail_event_name(m->ev, m->to.lang),
            .items = m->items, .items_n = m->n < APP_REMIND_LISTED ? m->n : APP_REMIND_LISTED,
            .items_more = m->n > APP_REMIND_LISTED ? m->n - APP_REMIND_LISTED : 0};
        rc = m->dry_run ? 0
             : app_mail_queue(m->s, &m->to, &f, &m->one, m->err) < 0 ||
                       store_answer_reminded(m->s, m->ev->id, m->person, m->err) < 0
                 ? -1
                 : 0;
        m->out->mailed += rc == 0;
    }
    arena_free(&m->one);
    arena_init(&m->one, 0);
    m->person = NULL;
    m->n = 0;
    return rc;
}

static int gather(void *ud, const struct store_to_answer *t)
{
    struct reminding *m = ud;
    if (!m->person || strcmp(m->person, t->person) != 0) {
        if (flush(m) < 0)
            return -1;
        m->out->people++;
        if (!(m->person = arena_strdup(&m->one, t->person)))
            goto oom;
        m->mails = false;
        if (t->mail_off || !t->email || !mailmsg_address_ok(t->email)) {
            m->out->not_mailed++;
        } else if (t->reminded_lately) {
            m->out->reminded_lately++;
        } else {
            m->mails = true;
            m->to = (struct app_mail_to){
                .person = m->person, .email = arena_strdup(&m->one, t->email),
                .lang = app_person_language(t->ui_language, t->languages, t->country),
                .public_url = m->url};
            /* app_person_language may answer with ui_language itself */
            m->to.lang = strcmp(m->to.lang, "uk") == 0 ? "uk" : "en";
            if (!m->to.email)
                goto oom;
        }
    }
    m->out->requests++;
    if (m->mails && m->n < APP_REMIND_LISTED) {
        bool uk = strcmp(m->to.lang, "uk") == 0;
        const char *org = uk && t->from_org_uk && *t->from_org_uk ? t->from_org_uk : t->from_org;
        struct app_mail_item *it = &m->items[m->n];
        *it = (struct app_mail_item){.other = arena_strdup(&m->one, t->from),
                                     .other_org = org ? arena_strdup(&m->one, org) : NULL};
        if (!it->other || (org && !it->other_org))
            goto oom;
    }
    m->n++;
    return 0;
oom:
    df_err_set(m->err, DF_ERR_RUNTIME, "out of memory writing the reminders");
    return -1;
}

int app_remind_to_answer(struct store *s, const char *actor, const char *event, bool dry_run,
                         long long now, struct app_remind *out, struct df_err *err)
{
    *out = (struct app_remind){0};
    struct arena a;
    arena_init(&a, 0);
    struct reminding m = {.s = s, .dry_run = dry_run, .out = out, .err = err};
    arena_init(&m.one, 0);
    struct store_event ev;
    struct app_mail_forum forum;
    char today[11];
    int rc = -1;
    if (store_begin(s, err) < 0)
        goto done;
    if (store_event_get(s, event, &a, &ev, err) < 0)
        goto undo;
    app_forum_day_in(ev.timezone, now, today);
    if (strcmp(ev.ends_on, today) < 0) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "event %s is over (its last day was %s): nobody is reminded to answer "
                   "requests for it", ev.id, ev.ends_on);
        df_err_code(err, "event_over", "event", ev.id, NULL);
        goto undo;
    }
    if (app_mail_forum_open(s, now, &a, &forum, err) < 0 ||
        !(m.url = arena_strndup(&a, forum.url, (size_t)forum.url_n)))
        goto undo;
    m.ev = &ev;
    if (store_to_answer_each(s, event, gather, &m, err) != 0 || flush(&m) < 0)
        goto undo;
    if (dry_run)
        goto undo_ok;
    char said[96];
    snprintf(said, sizeof said, "mailed %d of %d (%d reminded lately, %d without mail)",
             out->mailed, out->people, out->reminded_lately, out->not_mailed);
    if (store_audit(s, actor, "reminders.to_answer", "event", event, said, err) < 0 ||
        store_commit(s, err) < 0)
        goto undo;
    rc = 0;
    goto done;
undo_ok:
    rc = 0;
undo:
    store_rollback(s);
done:
    arena_free(&m.one);
    arena_free(&a);
    return rc;
}

int app_day_mail(struct store *s, const char *actor, const char *event, const char *day,
                 bool dry_run, long long now, struct arena *a, struct app_day_mail *out,
                 struct df_err *err)
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
    if (got < 0 || app_mail_forum_open(s, now, a, &forum, err) < 0 ||
        app_mail_meetings_of_day(s, event, day, dry_run, &out->people, &out->meetings,
                                 &out->mailed, err) < 0)
        goto undo;
    if (got) {
        out->before_at = before.mailed_at;
        out->before_by = before.mailed_by;
        out->before_people = before.people;
    }
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
                      long long now)
{
    long long when;
    char today[11];
    if (app_day_mail_time(day, on, at, tzid, &when, NULL) < 0 || now < when ||
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
        .day_mail_at = e->day_mail_at ? arena_strdup(w->a, e->day_mail_at) : NULL};
    w->oom = !k->id || !k->timezone || !k->starts_on || !k->ends_on || !k->day_mail_on ||
             (e->day_mail_at && !k->day_mail_at);
    return w->oom;
}

/* The first day of ev to look at, at now: its first, or today in its zone
 * when later (a day over sends nothing), into from. */
static void first_open_day(const struct store_event *ev, long long now, char from[11])
{
    app_forum_day_in(ev->timezone, now, from);
    if (strcmp(ev->starts_on, from) > 0)
        snprintf(from, 11, "%s", ev->starts_on);
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
        first_open_day(ev, now, day);
        /* the eve's mail of tomorrow may be due today: every day left is
         * looked at, a forum holds few */
        for (; rc == 0 && strcmp(day, ev->ends_on) <= 0; day_plus(day, 1, day)) {
            if (!app_day_mail_due(day, ev->day_mail_on, ev->day_mail_at, ev->timezone, now))
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
            if (app_day_mail(s, "auto", ev->id, day, false, now, &a, &done, &why) < 0) {
                out->failed++;
                log_msg(LOG_ERROR, "event=day_mail_failed forum_event=%s day=%s error=\"%s\"",
                        ev->id, day, why.msg);
                continue;
            }
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
    first_open_day(ev, now, d);
    for (; strcmp(d, ev->ends_on) <= 0; day_plus(d, 1, d)) {
        struct store_day_mail before;
        long long when;
        char wall[32];
        int went = store_day_mail_get(s, ev->id, d, a, &before, err);
        if (went < 0)
            return -1;
        if (went || app_day_mail_time(d, ev->day_mail_on, ev->day_mail_at, ev->timezone, &when,
                                      wall) < 0)
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
    long long clock;   /* the rehearsal's start (0: the real clock) */
    bool still;
    double started;    /* clock_seconds() as it started */
};

static void day_mail_tick(void *ud)
{
    struct app_day_mail_thread *t = ud;
    /* the forum's clock as the server's pages read it (http/server.h) */
    long long now = !t->clock ? (long long)time(NULL)
                    : t->still ? t->clock
                               : t->clock + (long long)(clock_seconds() - t->started);
    struct app_day_mail_pass run;
    struct df_err err = {0};
    if (app_day_mail_pass(t->s, now, &run, &err) < 0)
        log_msg(LOG_ERROR, "event=day_mail_pass_failed error=\"%s\"", err.msg);
}

int app_day_mail_thread_start(const char *db_path, long long clock, bool still, int every,
                              struct app_day_mail_thread **out, struct df_err *err)
{
    struct app_day_mail_thread *t = calloc(1, sizeof *t);
    if (!t)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the day mails");
    *t = (struct app_day_mail_thread){.clock = clock, .still = still, .started = clock_seconds()};
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
