/* The mail organisers send when they choose (app/reminders.h). */
#include "app/reminders.h"

#include <stdio.h>
#include <string.h>

#include "app/forum_day.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "core/date.h"
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
