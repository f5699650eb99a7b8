/* The mail dfnc sends people, over the API: a participant's own switch
 * (GET and PUT /me/mail) and the organisers' view of the outbox (GET
 * /console/mail). What is queued and sent is app/mail.c's. */
#include "app/people_list.h"
#include "app/people_mail.h"
#include "app/reminders.h"
#include "http/api.h"
#include "store/mail.h"

void api_me_mail(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    int notify = store_mail_notify_get(r->s, r->user.person, &err);
    if (notify < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sb}", "notify", notify));
}

void api_me_mail_put(struct http_req *r)
{
    static const struct http_field f[] = {{"notify", HJ_BOOL, .required = true}, {NULL}};
    if (!api_need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    bool notify = json_is_true(json_object_get(b, "notify"));
    json_decref(b);
    struct df_err err = {0};
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (store_mail_notify_set(r->s, r->user.person, notify, &err) < 0 ||
        store_audit(r->s, r->user.email, "person.mail", "person", r->user.person,
                    notify ? "on" : "off", &err) < 0 ||
        store_commit(r->s, &err) < 0) {
        store_rollback(r->s);
        goto fail;
    }
    http_reply_json(r, 200, json_pack("{sb}", "notify", notify));
    return;
fail:
    http_reply_df_err(r, &err);
}

void api_console_mail(struct http_req *r)
{
    struct df_err err = {0};
    struct store_mail_counts c;
    const char *url = NULL;
    int on = store_mail_config_get(r->s, &r->a, &url, &err);
    if (on < 0 || store_mail_counts(r->s, &r->a, &c, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = json_pack("{sb sI sI sI}", "on", on, "queued", (json_int_t)c.queued, "sent",
                          (json_int_t)c.sent, "failed", (json_int_t)c.failed);
    if (j && c.last_error)
        json_object_set_new(j, "last_error", json_string(c.last_error));
    http_reply_json(r, 200, j);
}

/* A mailing's body {"dry_run"?}, itself optional, into *dry: false when
 * refused (the reply made). */
static bool dry_run_of(struct http_req *r, bool *dry)
{
    static const struct http_field f[] = {{"dry_run", HJ_BOOL, .required = false}, {NULL}};
    json_t *b = NULL;
    if (r->body.len && !(b = http_body(r, f)))
        return false;
    *dry = json_is_true(json_object_get(b, "dry_run"));
    json_decref(b);
    return true;
}

/* POST /console/events/{id}/remind-to-answer {"dry_run"?} (body optional):
 * the people whose requests at the event wait for their answer, mailed a
 * reminder each (app/reminders.h). */
void api_console_remind(struct http_req *r)
{
    bool dry;
    if (!dry_run_of(r, &dry))
        return;
    struct df_err err = {0};
    struct app_remind o;
    if (app_remind_to_answer(r->s, r->user.email, r->params[0], dry,
                             http_server_forum_now(r->srv), &o, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200,
                    json_pack("{ss sb si si si si si}", "event", r->params[0], "dry_run", dry,
                              "people", o.people, "requests", o.requests, "mailed", o.mailed,
                              "reminded_lately", o.reminded_lately, "not_mailed", o.not_mailed));
}

/* POST /console/events/{id}/day-mail {"day","dry_run"?}: each person's
 * meetings of that day of the event, mailed to her (app/reminders.h). */
void api_console_day_mail(struct http_req *r)
{
    static const struct http_field f[] = {{"day", HJ_STRING, .required = true, .min = 10, .max = 10},
                                          {"dry_run", HJ_BOOL, .required = false},
                                          {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    bool dry = json_is_true(json_object_get(b, "dry_run"));
    struct df_err err = {0};
    struct app_day_mail o;
    int rc = app_day_mail(r->s, r->user.email, r->params[0], http_json_str(b, "day"), dry,
                          http_server_forum_now(r->srv), &r->a, &o, &err);
    json_t *before = rc < 0 || !o.before_at ? json_null()
                     : json_pack("{ss ss si}", "at", o.before_at, "by", o.before_by,
                                 "mailed", o.before_people);
    json_t *reply = rc < 0 ? NULL
                    : json_pack("{ss ss sb si si si so}", "event", r->params[0], "day",
                                http_json_str(b, "day"), "dry_run", dry, "people", o.people,
                                "meetings", o.meetings, "mailed", o.mailed, "before", before);
    json_decref(b);
    if (rc < 0)
        http_reply_df_err(r, &err);
    else
        http_reply_json(r, 200, reply);
}

/* POST /console/events/{id}/ask-outcomes {"dry_run"?} (body optional): the
 * people of the event's meetings begun who said no outcome of one, asked
 * by mail what they led to (app/reminders.h). */
void api_console_ask_outcomes(struct http_req *r)
{
    bool dry;
    if (!dry_run_of(r, &dry))
        return;
    struct df_err err = {0};
    struct app_ask_outcomes o;
    if (app_ask_outcomes(r->s, r->user.email, r->params[0], dry, http_server_forum_now(r->srv),
                         &o, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200,
                    json_pack("{ss sb si si si si si}", "event", r->params[0], "dry_run", dry,
                              "people", o.people, "meetings", o.meetings, "mailed", o.mailed,
                              "asked_lately", o.asked_lately, "not_mailed", o.not_mailed));
}

/* POST /console/people/mail {"filters": {"q"?, "no_capabilities"?,
 * "to_answer"?, "not_arrived"?, "no_meetings"?, "event"?}, "subject",
 * "text", "subject_uk"?, "text_uk"?, "dry_run"?, "again"?}: the organisers'
 * words mailed to everyone GET /console/people lists with those filters,
 * every page (app/people_mail.h). */
void api_console_people_mail(struct http_req *r)
{
    static const struct http_field filters[] = {
        {"q", HJ_STRING, .nullable = true, .max = API_QUERY_MAX},
        {"no_capabilities", HJ_BOOL, .required = false},
        {"to_answer", HJ_BOOL, .required = false},
        {"not_arrived", HJ_BOOL, .required = false},
        {"no_meetings", HJ_BOOL, .required = false},
        {"event", HJ_STRING, .nullable = true, .min = 1, .max = 64},
        {NULL}};
    static const struct http_field f[] = {
        {"filters", HJ_OBJECT, .nullable = true, .of = filters},
        {"subject", HJ_STRING, .required = true, .min = 1, .max = APP_PEOPLE_MAIL_SUBJECT_MAX,
         .why = "a subject is one line a mail program shows whole"},
        {"text", HJ_STRING, .required = true, .min = 1, .max = APP_PEOPLE_MAIL_TEXT_MAX,
         .lines = true, .why = "a note to the people, not a newsletter"},
        {"subject_uk", HJ_STRING, .nullable = true, .max = APP_PEOPLE_MAIL_SUBJECT_MAX,
         .why = "a subject is one line a mail program shows whole"},
        {"text_uk", HJ_STRING, .nullable = true, .max = APP_PEOPLE_MAIL_TEXT_MAX, .lines = true,
         .why = "a note to the people, not a newsletter"},
        {"dry_run", HJ_BOOL, .required = false},
        {"again", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    json_t *fl = json_object_get(b, "filters");
    const char *q = http_json_str(fl, "q");
    struct store_web_people_query query = {
        .q = q && *q ? q : NULL,
        .no_capabilities = json_is_true(json_object_get(fl, "no_capabilities")),
        .to_answer = json_is_true(json_object_get(fl, "to_answer")),
        .not_arrived = json_is_true(json_object_get(fl, "not_arrived")),
        .no_meetings = json_is_true(json_object_get(fl, "no_meetings"))};
    struct app_people_mail_in in = {
        .subject = http_json_str(b, "subject"), .text = http_json_str(b, "text"),
        .subject_uk = http_json_str(b, "subject_uk"), .text_uk = http_json_str(b, "text_uk"),
        .dry_run = json_is_true(json_object_get(b, "dry_run")),
        .again = json_is_true(json_object_get(b, "again"))};
    struct df_err err = {0};
    struct app_people_mail o;
    long long now = http_server_forum_now(r->srv);
    int rc = app_people_list_query(r->s, http_json_str(fl, "event"), now, &r->a, &query, &err);
    if (rc == 0)
        rc = app_people_mail(r->s, r->user.email, &query, &in, now, &o, &err);
    json_decref(b);
    if (rc < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sb si si si}", "dry_run", in.dry_run, "people", o.people,
                                      "mailed", o.mailed, "not_mailed", o.not_mailed));
}
