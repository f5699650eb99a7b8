/* The JSON API's events (docs/api.md): the programme, its edits, and the
 * organiser's scheduling and publishing. */
#include <stdio.h>
#include <string.h>

#include "app/event.h"
#include "app/fields.h"
#include "app/forum_day.h"
#include "app/interpreting.h"
#include "app/reminders.h"
#include "app/schedule.h"
#include "http/api.h"
#include "http/server.h"
#include "store/programme.h"
#include "store/store.h"

static int event_list_cb(void *ud, const struct store_event *e)
{
    json_array_append_new(ud, api_event_json(e));
    return 0;
}

/* GET /events: every event, and which the forum's is now (GET /forum's,
 * by the forum's clock): the pages' event when the address names none. */
void api_events(struct http_req *r)
{
    struct df_err err = {0};
    json_t *list = json_array();
    if (store_event_each(r->s, event_list_cb, list, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    const char *forum = app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, &err);
    if (!forum && err.kind != DF_ERR_NOT_FOUND) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{so so}", "events", list, "forum", api_str_or_null(forum)));
}

static int session_cb(void *ud, const struct store_session *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss ss ss ss so so so so so}", "id", x->id, "day",
                                        x->day, "name", x->name, "kind", x->kind, "starts_at",
                                        x->starts_at, "ends_at", x->ends_at, "name_uk",
                                        api_str_or_null(x->name_uk), "place",
                                        api_str_or_null(x->place), "place_uk",
                                        api_str_or_null(x->place_uk), "description",
                                        api_str_or_null(x->description), "description_uk",
                                        api_str_or_null(x->description_uk)));
    return 0;
}

static int slot_cb(void *ud, const struct store_slot *x)
{
    json_array_append_new(ud, json_pack("{ss ss si ss ss}", "id", x->id, "session", x->session,
                                        "seq", x->seq, "starts_at", x->starts_at, "ends_at",
                                        x->ends_at));
    return 0;
}

static int location_cb(void *ud, const struct store_location *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss si}", "id", x->id, "name", x->name, "kind",
                                        x->kind, "seats", x->seats));
    return 0;
}

static int interpreter_cb(void *ud, const struct store_interpreter *x)
{
    char pair[8];
    snprintf(pair, sizeof pair, "%.2s-%.2s", x->lang_a, x->lang_b);
    json_array_append_new(ud, json_pack("{ss ss ss ss?}", "id", x->id, "name", x->name, "pair",
                                        pair, "session", x->session));
    return 0;
}

/* The event as GET, with report's members (an object, taken: the edit's
 * warnings and counts) when not NULL. */
static void reply_event_warned(struct http_req *r, const char *id, int status, json_t *report)
{
    struct df_err err = {0};
    struct store_event e;
    if (store_event_get(r->s, id, &r->a, &e, &err) < 0) {
        json_decref(report);
        http_reply_df_err(r, &err);
        return;
    }
    const char *next_day, *next_at;
    if (app_day_mail_next(r->s, &e, http_server_forum_now(r->srv), &r->a, &next_day, &next_at,
                          &err) < 0) {
        json_decref(report);
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = api_event_json(&e), *ss = json_array(), *sl = json_array(), *lo = json_array(),
           *in = json_array();
    /* when the next day's mail goes by itself, by the forum's clock */
    json_object_set_new(j, "day_mail_next",
                        next_day ? json_pack("{ss ss}", "day", next_day, "at", next_at)
                                 : json_null());
    json_object_set_new(j, "sessions", ss);
    json_object_set_new(j, "slots", sl);
    json_object_set_new(j, "locations", lo);
    json_object_set_new(j, "interpreters", in);
    if (report)
        json_object_update(j, report);
    json_decref(report);
    if (store_session_each(r->s, id, session_cb, ss, &err) != 0 ||
        store_slot_each(r->s, id, slot_cb, sl, &err) != 0 ||
        store_location_each(r->s, id, location_cb, lo, &err) != 0 ||
        store_interpreter_each(r->s, id, interpreter_cb, in, &err) != 0) {
        json_decref(j);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, status, j);
}

static void reply_event(struct http_req *r, const char *id, int status)
{
    reply_event_warned(r, id, status, NULL);
}

void api_event(struct http_req *r) { reply_event(r, r->params[0], 200); }

static const struct http_field slot_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
    {"seq", HJ_INT, .required = true, .min = 1, .max = 100000},
    {"starts_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"ends_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {NULL}};
/* a session's id leaves its slots' ids ("ID-01") room within API_ID_MAX:
 * said on the session, before its slots are read */
static const struct http_field session_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = APP_SESSION_ID_MAX,
     .why = "its slots are named after it (\"ID-01\" up to \"ID-200\"), and an id is at "
            "most 128 bytes"},
    {"day", HJ_STRING, .required = true, .min = 10, .max = 10},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"name_uk", HJ_STRING, .nullable = true, .max = 200},
    {"place", HJ_STRING, .nullable = true, .max = 200},
    {"place_uk", HJ_STRING, .nullable = true, .max = 200},
    {"description", HJ_STRING, .nullable = true, .max = 500},
    {"description_uk", HJ_STRING, .nullable = true, .max = 500},
    {"kind", HJ_STRING, .required = true, .min = 3, .max = 10},
    {"starts_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"ends_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"slots", HJ_ARRAY_OF_OBJECTS, .max = 200, .of = slot_fields},
    {"replace_slots", HJ_BOOL, .required = false},
    {NULL}};
static const struct http_field location_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"kind", HJ_STRING, .min = 4, .max = 5},
    {"seats", HJ_INT, .min = 1, .max = 1000},
    {NULL}};
static const struct http_field interpreter_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"pair", HJ_STRING, .required = true, .min = 5, .max = 5},
    {"session", HJ_STRING, .nullable = true, .min = 1, .max = API_ID_MAX},
    {NULL}};
/* name, starts_on and ends_on: required to create, kept when a PUT leaves
 * them out (like every field). */
#define EVENT_FIELDS(needed)                                                         \
    {"name", HJ_STRING, .required = needed, .min = 1, .max = 300},                   \
    {"venue", HJ_STRING, .nullable = true, .max = 300},                              \
    {"name_uk", HJ_STRING, .nullable = true, .max = 300},                            \
    {"venue_uk", HJ_STRING, .nullable = true, .max = 300},                           \
    {"video_url", HJ_STRING, .nullable = true, .max = 200},                          \
    {"day_mail_on", HJ_STRING, .nullable = true, .max = 10},                         \
    {"day_mail_at", HJ_STRING, .nullable = true, .max = 10},                         \
    {"timezone", HJ_STRING, .max = 64},                                              \
    {"starts_on", HJ_STRING, .required = needed, .min = 10, .max = 10},              \
    {"ends_on", HJ_STRING, .required = needed, .min = 10, .max = 10},                \
    {"request_cap", HJ_INT, .min = 1, .max = 1000},                                  \
    {"requests_close", HJ_STRING, .nullable = true, .max = 16},                      \
    {"sessions", HJ_ARRAY_OF_OBJECTS, .max = 100, .of = session_fields},             \
    {"locations", HJ_ARRAY_OF_OBJECTS, .max = 5000, .of = location_fields},         \
    {"interpreters", HJ_ARRAY_OF_OBJECTS, .max = 500, .of = interpreter_fields},   \
    {"dry_run", HJ_BOOL, .required = false}

static const struct http_field event_post_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX}, EVENT_FIELDS(true),
    {NULL}};
static const struct http_field event_put_fields[] = {EVENT_FIELDS(false), {NULL}};

/* A Ukrainian text of the body: "" is none, as null is (the console's
 * empty input). */
static const char *text_or_null(json_t *b, const char *key)
{
    const char *v = http_json_str(b, key);
    return v && *v ? v : NULL;
}

/* The edit a POST or PUT body asks for, its arrays in the request's arena;
 * NULL with err filled when an interpreter's pair is not one or memory ran out. */
static struct app_event_edit *edit_of(struct http_req *r, const char *id, bool create, json_t *b,
                                      struct df_err *err)
{
    struct app_event_edit *in = arena_alloc(&r->a, sizeof *in);
    json_t *ss = json_object_get(b, "sessions"), *lo = json_object_get(b, "locations"),
           *iv = json_object_get(b, "interpreters");
    if (!in)
        goto oom;
    *in = (struct app_event_edit){
        .id = id, .create = create, .name = http_json_str(b, "name"),
        .venue = http_json_str(b, "venue"), .venue_given = json_object_get(b, "venue") != NULL,
        .name_uk = text_or_null(b, "name_uk"),
        .name_uk_given = json_object_get(b, "name_uk") != NULL,
        .venue_uk = text_or_null(b, "venue_uk"),
        .venue_uk_given = json_object_get(b, "venue_uk") != NULL,
        .video_url = text_or_null(b, "video_url"),
        .video_url_given = json_object_get(b, "video_url") != NULL,
        .requests_close = text_or_null(b, "requests_close"),
        .requests_close_given = json_object_get(b, "requests_close") != NULL,
        /* the two go together: day_mail_on left out or null is none */
        .day_mail_on = text_or_null(b, "day_mail_on"),
        .day_mail_at = http_json_str(b, "day_mail_at"),
        .day_mail_given =
            json_object_get(b, "day_mail_on") != NULL || json_object_get(b, "day_mail_at") != NULL,
        .day_mail_on_given = json_object_get(b, "day_mail_on") != NULL,
        .timezone = http_json_str(b, "timezone"),
        .starts_on = http_json_str(b, "starts_on"), .ends_on = http_json_str(b, "ends_on"),
        .request_cap = (int)http_json_int(b, "request_cap", 0),
        .sessions_n = (int)json_array_size(ss), .locations_n = (int)json_array_size(lo),
        .interpreters_n = (int)json_array_size(iv),
        .dry_run = json_is_true(json_object_get(b, "dry_run"))};
    in->sessions = arena_alloc(&r->a, (size_t)(in->sessions_n + 1) * sizeof *in->sessions);
    in->locations = arena_alloc(&r->a, (size_t)(in->locations_n + 1) * sizeof *in->locations);
    in->interpreters =
        arena_alloc(&r->a, (size_t)(in->interpreters_n + 1) * sizeof *in->interpreters);
    if (!in->sessions || !in->locations || !in->interpreters)
        goto oom;
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(ss, i, x) {
        struct app_event_session *se = &in->sessions[i];
        json_t *sl = json_object_get(x, "slots");
        *se = (struct app_event_session){
            .session = {.id = http_json_str(x, "id"), .day = http_json_str(x, "day"),
                        .name = http_json_str(x, "name"), .kind = http_json_str(x, "kind"),
                        .name_uk = text_or_null(x, "name_uk"),
                        .keep_name_uk = json_object_get(x, "name_uk") == NULL,
                        /* each left out keeps its stored text; null or "" removes it */
                        .place = text_or_null(x, "place"),
                        .place_uk = text_or_null(x, "place_uk"),
                        .description = text_or_null(x, "description"),
                        .description_uk = text_or_null(x, "description_uk"),
                        .keep_place = json_object_get(x, "place") == NULL,
                        .keep_place_uk = json_object_get(x, "place_uk") == NULL,
                        .keep_description = json_object_get(x, "description") == NULL,
                        .keep_description_uk = json_object_get(x, "description_uk") == NULL,
                        .starts_at = http_json_str(x, "starts_at"),
                        .ends_at = http_json_str(x, "ends_at")},
            .slots_n = (int)json_array_size(sl),
            .replace_slots = json_is_true(json_object_get(x, "replace_slots"))};
        if (!(se->slots = arena_alloc(&r->a, (size_t)(se->slots_n + 1) * sizeof *se->slots)))
            goto oom;
        json_array_foreach(sl, k, y)
            se->slots[k] = (struct store_slot){.id = http_json_str(y, "id"),
                                               .seq = (int)http_json_int(y, "seq", 1),
                                               .starts_at = http_json_str(y, "starts_at"),
                                               .ends_at = http_json_str(y, "ends_at")};
    }
    json_array_foreach(lo, i, x)
        in->locations[i] = (struct store_location){
            .id = http_json_str(x, "id"), .name = http_json_str(x, "name"),
            .kind = http_json_str(x, "kind"), .seats = (int)http_json_int(x, "seats", 4)};
    json_array_foreach(iv, i, x) {
        char *la = arena_alloc(&r->a, 3), *lb = arena_alloc(&r->a, 3);
        struct df_err bad = {0};
        if (!la || !lb)
            goto oom;
        if (app_language_pair(http_json_str(x, "pair"), la, lb, &bad) < 0) {
            df_err_set(err, DF_ERR_INPUT, "interpreters[%zu]: %s", i, bad.msg);
            return NULL;
        }
        in->interpreters[i] = (struct store_interpreter){
            .id = http_json_str(x, "id"), .name = http_json_str(x, "name"), .lang_a = la,
            .lang_b = lb, .session = http_json_str(x, "session")};
    }
    return in;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event");
    return NULL;
}

/* The interpreters an edit gave to published meetings, and the meetings
 * still without one. */
static json_t *interpreting_json(const struct app_interpreting_day *d)
{
    json_t *without = json_array();
    for (int i = 0; i < d->gaps_n; i++)
        json_array_append_new(without, json_pack("{ss ss ss}", "request", d->gaps[i].request,
                                                 "starts_at", d->gaps[i].starts_at, "pair",
                                                 d->gaps[i].pair));
    return json_pack("{si so}", "given", d->given, "without", without);
}

/* What an edit did (or, dry, would do) to the event's meetings; with the
 * interpreters it gave when it books any. */
static json_t *report_json(const struct app_event_report *rep, bool books_interpreters)
{
    json_t *warn = json_array();
    for (int i = 0; i < rep->warnings_n; i++) {
        const struct app_event_warning *w = &rep->warnings[i];
        const char *values[APP_EVENT_WARNING_PAIRS];
        char seq[16];
        app_event_warning_values(w, seq, values);
        json_array_append_new(warn, json_pack("{ss ss ss so}", "request", w->request, "warning",
                                              w->warning, "code", w->code, "values",
                                              api_values_json(values)));
    }
    json_t *j = json_pack("{so si si si}", "warnings", warn, "meetings_moved",
                          rep->meetings_moved, "meetings_unscheduled", rep->meetings_unscheduled,
                          "video_mailed", rep->video_mailed);
    if (books_interpreters)
        json_object_set_new(j, "interpreting", interpreting_json(&rep->interpreting));
    return j;
}

/* POST and PUT: the body's edit saved, then the event as GET with status
 * and what the edit did; a dry run's reply is that report alone. */
static void save_event(struct http_req *r, const char *id, bool create, json_t *b, int status)
{
    struct df_err err = {0};
    struct app_event_edit *in = edit_of(r, id, create, b, &err);
    struct app_event_report rep;
    if (in)
        in->now = http_server_forum_now(r->srv);
    int rc = in ? app_event_save(r->s, r->user.email, in, &r->a, &rep, &err) : -1;
    json_decref(b);
    if (rc < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *report = report_json(&rep, in->interpreters_n > 0);
    if (in->dry_run) {
        json_object_set_new(report, "dry_run", json_true());
        http_reply_json(r, 200, report);
        return;
    }
    reply_event_warned(r, id, status, report);
}

void api_event_post(struct http_req *r)
{
    json_t *b = http_body(r, event_post_fields);
    if (b)
        save_event(r, arena_strdup(&r->a, http_json_str(b, "id")), true, b, 201);
}

void api_event_put(struct http_req *r)
{
    json_t *b = http_body(r, event_put_fields);
    if (b)
        save_event(r, r->params[0], false, b, 200);
}

/* DELETE /events/{id}/{sessions,locations,interpreters}/{item}: the item goes,
 * with what store/programme.h says; the reply counts the meetings touched. */
typedef int (*remove_fn)(struct store *, const char *, const char *, int *, struct df_err *);

static void remove_item(struct http_req *r, remove_fn fn, const char *action, const char *counted)
{
    struct df_err err = {0};
    int n = 0;
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (fn(r->s, r->params[0], r->params[1], &n, &err) < 0 ||
        store_audit(r->s, r->user.email, action, "event", r->params[0], r->params[1], &err) < 0 ||
        store_commit(r->s, &err) < 0) {
        store_rollback(r->s);
        goto fail;
    }
    http_reply_json(r, 200, json_pack("{ss si}", "removed", r->params[1], counted, n));
    return;
fail:
    http_reply_df_err(r, &err);
}

void api_session_delete(struct http_req *r)
{
    remove_item(r, store_session_remove, "session.remove", "meetings_unscheduled");
}

void api_location_delete(struct http_req *r)
{
    remove_item(r, store_location_remove, "location.remove", "meetings_unscheduled");
}

void api_interpreter_delete(struct http_req *r)
{
    remove_item(r, store_interpreter_remove, "interpreter.remove", "meetings_without_interpreter");
}

void api_schedule(struct http_req *r)
{
    static const struct http_field f[] = {
        /* seconds the run solves for, in a thread of its own (server.c):
           the demo forum's full run takes 3 s, so a minute is plenty and
           bounds what one call holds (and how long a stopping server waits) */
        {"time_limit", HJ_INT, .min = 1, .max = 60},
        {"seed", HJ_INT, .min = 0, .max = 1000000},
        {"reschedule_locked", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = NULL;
    if (r->body.len && !(b = http_body(r, f)))
        return;
    struct df_err err = {0};
    struct app_schedule_opts o = {
        .event = r->params[0], .time_limit = (double)http_json_int(b, "time_limit", 10),
        .seed = (unsigned)http_json_int(b, "seed", 1),
        .reschedule_locked = json_is_true(json_object_get(b, "reschedule_locked")),
        .via = "web", .ran_by = r->user.email, .audit = true};
    json_decref(b);
    struct app_schedule_report rep;
    if (app_schedule_event(r->s, &o, &r->a, &rep, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *warn = json_array();
    for (int i = 0; i < rep.warnings_n; i++)
        json_array_append_new(warn, json_pack("{ss ss}", "request", rep.warnings[i].request,
                                              "warning", rep.warnings[i].warning));
    http_reply_json(r, 200, json_pack("{ss si si si si sf si so so si sb}", "event", rep.event,
                                      "accepted", rep.accepted, "scheduled", rep.scheduled,
                                      "upper_bound", rep.upper_bound, "breaks", rep.breaks,
                                      "seconds", rep.seconds, "unscheduled", rep.unscheduled_n,
                                      "warnings", warn, "during_run", app_schedule_late_json(&rep),
                                      "online", rep.online, "video_service", rep.video_service));
}

void api_publish(struct http_req *r)
{
    struct df_err err = {0};
    if (app_event_publish(r->s, r->user.email, r->params[0], &r->a, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    reply_event(r, r->params[0], 200);
}

/* The kept figures of a run, as POST .../schedule answered them, and who ran
 * it. A new reference. */
static json_t *schedule_run_json(const struct store_schedule_run *x)
{
    return json_pack("{ss ss ss* si si si si sf si}", "ran_at", x->ran_at, "via", x->via, "ran_by",
                     x->ran_by, "accepted", x->accepted, "scheduled", x->scheduled,
                     "upper_bound", x->upper_bound, "breaks", x->breaks, "seconds", x->seconds,
                     "unscheduled", x->unscheduled);
}

/* Whether a run now would start from other requests than the last one did:
 * some accepted wait for a run, or the accepted count is no longer the run's
 * (cancelled since, or changed by an import). Without a kept run, any
 * accepted one waits. */
static bool schedule_differs(const struct store_schedule_run *x, bool ran,
                             const struct store_schedule_since *now)
{
    if (!ran)
        return now->accepted > 0;
    return now->waiting > 0 || now->accepted != x->accepted;
}

void api_schedule_last(struct http_req *r)
{
    struct df_err err = {0};
    struct store_schedule_run x = {0};
    struct store_schedule_since now = {0};
    bool ran = false;
    if (store_schedule_run_get(r->s, r->params[0], &r->a, &x, &ran, &now, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss so s{si si si si si sb} sb}", "event", r->params[0],
                                      "last_run", ran ? schedule_run_json(&x) : json_null(),
                                      "now", "accepted", now.accepted, "waiting", now.waiting,
                                      "pending", now.pending, "pending_people",
                                      now.pending_people, "online", now.online,
                                      "video_service", now.video_service, "differs",
                                      schedule_differs(&x, ran, &now)));
}

static int unsched_cb(void *ud, const struct store_web_request *w)
{
    json_t *j = api_request_row_json(w);
    const char *why = w->unscheduled_reason;
    json_object_set_new(j, "reason", json_string(why ? why : "not scheduled yet"));
    /* and by code, for a page's words (a reason kept before codes has none) */
    api_reason_code_set(j, why ? w->unscheduled_code : "not_yet", why ? w->unscheduled_values : NULL);
    json_array_append_new(ud, j);
    return 0;
}

/* GET /events/{id}/unscheduled?q=&limit=&offset=: the accepted requests
 * without a meeting, a page at a time, with the last run's reasons. */
void api_unscheduled(struct http_req *r)
{
    struct df_err err = {0};
    struct store_event e;
    struct store_web_request_query q = {.status = "accepted", .unscheduled = true};
    if (!api_text_param(r, "q", &q.q) ||
        !api_page_params(r, API_PAGE_DEFAULT, &q.limit, &q.offset))
        return;
    if (store_event_get(r->s, r->params[0], &r->a, &e, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    q.event = e.id;
    json_t *list = json_array();
    int64_t total = 0;
    if (store_web_request_page(r->s, &q, unsched_cb, list, &total, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sI so}", "event", e.id, "count", (json_int_t)total,
                                      "unscheduled", list));
}
