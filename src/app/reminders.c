/* The mail organisers send when they choose (app/reminders.h). */
#include "app/reminders.h"

#include <stdio.h>
#include <string.h>

#include "app/forum_day.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "core/date.h"
#include "core/strset.h"
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
            m->to = (struct app_mail_to){
                .person = m->person, .email = arena_strdup(&m->one, p->email),
                .lang = app_person_language(p->ui_language, p->languages, p->country),
                .public_url = m->url};
            /* app_person_language may answer with ui_language itself */
            m->to.lang = strcmp(m->to.lang, "uk") == 0 ? "uk" : "en";
            if (!m->to.email)
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
