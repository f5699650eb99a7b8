/* The JSON API's meeting requests (docs/api.md): asking, answering and
 * withdrawing; the rules live in app/requests.c. */
#include <string.h>

#include "app/attendees.h"
#include "app/forum_day.h"
#include "app/introduce.h"
#include "app/requests.h"
#include "http/api.h"
#include "http/internal.h"
#include "http/server.h"
#include "store/api.h"
#include "store/web.h"
#include "store/store.h"

static const char *const statuses[] = {"pending", "accepted", "declined", "cancelled", NULL};

/* A time as the pages read it; its location null when it is held online. */
static json_t *time_json(const struct app_move_place *p)
{
    return json_pack("{ss ss ss so so}", "slot", p->slot, "start", p->start, "end", p->end,
                     "location", api_str_or_null(p->location), "location_name",
                     api_str_or_null(p->location_name));
}

/* p as j's "proposed" (api_request_json sets it null), when it proposes a
 * time: {slot, start, end, location, location_name, free, reason} and,
 * when it is no longer free, what is in the way by code ("reasons"). */
static void proposal_json(json_t *j, const struct app_request_proposal *p)
{
    if (!p->at.slot)
        return;
    json_t *o = json_pack("{ss so so so so sb so}", "slot", p->at.slot, "start",
                          api_str_or_null(p->at.start), "end", api_str_or_null(p->at.end),
                          "location", api_str_or_null(p->at.location), "location_name",
                          api_str_or_null(p->at.location_name), "free", p->free, "reason",
                          api_str_or_null(p->reason));
    if (!p->free)
        json_object_set_new(o, "reasons", api_whys_json(&p->whys));
    json_object_set_new(j, "proposed", o);
}

/* Whom what is in the way of a proposed time is said to: the caller's
 * person, whose own meetings alone it names; NULL for organisers, who read
 * every one (app/move.h). */
static const char *viewer(const struct http_req *r)
{
    return api_is_organiser(r) ? NULL : r->user.person;
}

/* j's "proposed": the time q proposes, as app_request_proposal reads it at
 * the forum's clock; where it is no longer free, no table and the reason.
 * false when it replied (500). */
static bool set_proposal(struct http_req *r, json_t *j, const struct store_request *q)
{
    struct df_err err = {0};
    struct app_request_proposal p;
    if (app_request_proposal(r->s, q, viewer(r), http_server_forum_now(r->srv), &r->a, &p,
                             &err) < 0) {
        http_reply_df_err(r, &err);
        return false;
    }
    proposal_json(j, &p);
    return true;
}

/* j's "attendees": q's colleagues who join its meeting. false when it
 * replied (500). */
static bool set_attendees(struct http_req *r, json_t *j, const struct store_request *q)
{
    struct df_err err = {0};
    const char *list;
    if (store_request_attendees_json(r->s, q->id, &r->a, &list, &err) < 0) {
        http_reply_df_err(r, &err);
        return false;
    }
    api_attendees_set(j, list);
    return true;
}

/* The request's JSON with its proposal and attendees, or NULL when it replied. */
static json_t *request_json(struct http_req *r, const struct store_request *q)
{
    json_t *j = api_request_json(q);
    if (!set_proposal(r, j, q) || !set_attendees(r, j, q)) {
        json_decref(j);
        return NULL;
    }
    return j;
}

struct req_list_ctx {
    json_t *list;
    const char *me;    /* whose requests: direction is theirs */
    bool reasons;      /* an organiser's: why an accepted one has no meeting */
};

static int req_list_cb(void *ud, const struct store_web_request *w)
{
    struct req_list_ctx *k = ud;
    json_t *j = api_request_row_json(w);
    if (k->me)   /* an attendee's: a colleague's meeting she joins */
        json_object_set_new(j, "direction",
                            json_string(strcmp(w->r.from, k->me) == 0 ? "sent"
                                        : strcmp(w->r.to, k->me) == 0 ? "received"
                                                                       : "attending"));
    if (k->reasons && w->unscheduled_reason) {
        json_object_set_new(j, "reason", json_string(w->unscheduled_reason));
        api_reason_code_set(j, w->unscheduled_code, w->unscheduled_values);
    }
    if (w->r.proposed_slot && strcmp(w->r.status, "pending") == 0)   /* read after the walk */
        json_object_set_new(j, "proposed", json_pack("{ss}", "slot", w->r.proposed_slot));
    json_array_append_new(k->list, j);
    return 0;
}

/* The "proposed" of each request of list that proposes a time (req_list_cb
 * left its slot), judged once the page is read, each event's board read
 * once for all of them. false when it replied (500). */
static bool set_proposals(struct http_req *r, json_t *list)
{
    size_t n = json_array_size(list), m = 0, i;
    struct store_request *qs = arena_alloc(&r->a, (n + 1) * sizeof *qs);
    const struct store_request **rs = arena_alloc(&r->a, (n + 1) * sizeof *rs);
    struct app_request_proposal *ps = arena_alloc(&r->a, (n + 1) * sizeof *ps);
    json_t **of = arena_alloc(&r->a, (n + 1) * sizeof *of);
    struct df_err err = {0};
    if (!qs || !rs || !ps || !of) {
        http_reply_error(r, 500, "internal", "out of memory reading proposed times");
        return false;
    }
    json_t *j;
    json_array_foreach(list, i, j) {
        json_t *slot = json_object_get(json_object_get(j, "proposed"), "slot");
        if (!slot)
            continue;
        qs[m] = (struct store_request){.id = json_string_value(json_object_get(j, "id")),
                                       .event = json_string_value(json_object_get(j, "event")),
                                       .from = json_string_value(json_object_get(j, "from")),
                                       .to = json_string_value(json_object_get(j, "to")),
                                       .status = "pending",
                                       .proposed_slot = json_string_value(slot)};
        rs[m] = qs + m;
        of[m++] = j;
    }
    if (app_request_proposals(r->s, rs, (int)m, viewer(r), http_server_forum_now(r->srv),
                              &r->a, ps, &err) < 0) {
        http_reply_df_err(r, &err);
        return false;
    }
    for (i = 0; i < m; i++)
        proposal_json(of[i], ps + i);
    return true;
}

/* Whose requests GET /requests lists: ?person= (organisers only, at the help
 * desk), else the caller's own; NULL (every one) for an organiser without
 * a profile. false when it replied (403, 404). */
static bool requests_of(struct http_req *r, const char **person)
{
    const char *asked = http_url_param(&r->url, "person");
    *person = r->user.person;
    if (!asked)
        return true;
    if (!api_is_organiser(r)) {
        http_reply_error(r, 403, "forbidden", "only organisers list another person's requests");
        return false;
    }
    struct df_err err = {0};
    int ex = store_person_exists(r->s, asked, &err);
    if (ex <= 0) {
        if (ex == 0)
            http_reply_error(r, 404, "not_found", "no person \"%.*s\"", API_ID_MAX, asked);
        else
            http_reply_df_err(r, &err);
        return false;
    }
    *person = asked;
    return true;
}

/* GET /requests?event=&status=&q=&person=&limit=&offset=: a participant's own
 * (sent, received, and those she attends) come whole unless a limit is
 * asked (they are few, and the pages read them so); every request, which an organiser without a profile sees, and one
 * person's, which an organiser asks at the desk, a page at a time. */
void api_requests(struct http_req *r)
{
    struct df_err err = {0};
    /* a login with no person sees every request only as an organiser (a
     * participant's person may be gone: people.person_rid is SET NULL) */
    if (!api_is_organiser(r) && !api_need_person(r))
        return;
    const char *person;
    if (!requests_of(r, &person))
        return;
    bool own = person && r->user.person && strcmp(person, r->user.person) == 0;
    struct store_web_request_query q = {.person = person,
                                        .event = http_url_param(&r->url, "event"),
                                        .status = http_url_param(&r->url, "status"),
                                        /* one person's list, hers or the desk's
                                         * of her, holds those she attends too
                                         * (her thread rule lets her read them) */
                                        .attending = person != NULL};
    if (q.status && !api_is_one_of(q.status, statuses)) {
        http_reply_error(r, 422, "invalid", "status must be pending, accepted, declined or "
                                            "cancelled");
        return;
    }
    if (!api_text_param(r, "q", &q.q) ||
        !api_page_params(r, own ? -1 : API_PAGE_DEFAULT, &q.limit, &q.offset))
        return;
    struct req_list_ctx k = {json_array(), person, api_is_organiser(r)};
    int64_t total = 0;
    if (store_web_request_page(r->s, &q, req_list_cb, &k, &total, &err) != 0) {
        json_decref(k.list);
        http_reply_df_err(r, &err);
        return;
    }
    if (!set_proposals(r, k.list)) {
        json_decref(k.list);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)total, "requests", k.list));
}

/* err's refusal; a time taken (409) with each thing in the way by code,
 * for the page's words. */
static void reply_taken(struct http_req *r, const struct df_err *err, const struct app_whys *why)
{
    bool taken = err->kind == DF_ERR_CONFLICT && why->n > 0;
    /* not a time taken: the refusal's own code, if it has one */
    if (taken)
        http_reply_df_err_with(r, err, "reasons", api_whys_json(why));
    else
        http_reply_df_err(r, err);
}

/* A write's reply: the request q as written (with status), or, rc < 0, its
 * refusal as reply_taken says it. */
static void reply_request(struct http_req *r, int rc, int status, const struct store_request *q,
                          const struct df_err *err, const struct app_whys *why)
{
    json_t *j;
    if (rc < 0)
        reply_taken(r, err, why);
    else if ((j = request_json(r, q)))
        http_reply_json(r, status, j);
}

/* The event a request's body names, else the forum's now (by its clock);
 * NULL with err when there is none. */
static const char *body_event(struct http_req *r, json_t *b, struct df_err *err)
{
    const char *event = http_json_str(b, "event");
    return event ? event : app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, err);
}

void api_request_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"event", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"to", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
        {"message", HJ_STRING, .nullable = true, .max = 2000, .lines = true},
        {"priority", HJ_INT, .min = 0, .max = 9},
        {"slot", HJ_STRING, .nullable = true, .min = 1, .max = API_ID_MAX},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_request q;
    const char *event = body_event(r, b, &err);
    if (!event) {
        json_decref(b);
        http_reply_df_err(r, &err);
        return;
    }
    struct app_whys why = {.n = 0};
    int rc = app_request_send(r->s, r->user.person, event, http_json_str(b, "to"),
                              http_json_str(b, "message"), (int)http_json_int(b, "priority", 1),
                              http_json_str(b, "slot"), http_server_forum_now(r->srv), &r->a,
                              &q, &why, &err);
    json_decref(b);
    reply_request(r, rc, 201, &q, &err, &why);
}

/* POST /console/requests with "agreed": the meeting booked, and where. */
static void console_book(struct http_req *r, json_t *b, const char *event)
{
    struct df_err err = {0};
    struct app_whys why = {.n = 0};
    struct app_booked out;
    struct app_booking bk = {.login = r->user.email, .event = event,
                             .from = http_json_str(b, "from"), .to = http_json_str(b, "to"),
                             .message = http_json_str(b, "message"),
                             .slot = http_json_str(b, "slot"),
                             .now = http_server_forum_now(r->srv)};
    int rc = app_request_book(r->s, &bk, &r->a, &out, &why, &err);
    if (rc < 0) {
        /* a time taken: each thing in the way by code, for the page's words */
        bool taken = err.kind == DF_ERR_CONFLICT && why.n > 0;
        http_reply_df_err_with(r, &err, "reasons", taken ? api_whys_json(&why) : NULL);
        return;
    }
    json_t *j = request_json(r, &out.request);
    if (!j)
        return;
    json_object_set_new(j, "created", json_boolean(out.created));
    json_object_set_new(j, "rescheduled", json_boolean(out.rescheduled));
    json_object_set_new(j, "warning", api_str_or_null(out.warning));
    /* where it is: placed now, or by the run (none before publication) */
    struct store_meeting m;
    if (out.placed)
        json_object_set_new(j, "meeting", time_json(&out.at));
    else if (store_meeting_of_request(r->s, out.request.id, &r->a, &m, &err) == 0)
        json_object_set_new(j, "meeting",
                            json_pack("{ss ss ss so so}", "slot", m.slot, "start", m.starts_at,
                                      "end", m.ends_at, "location", api_str_or_null(m.location),
                                      "location_name", api_str_or_null(m.location_name)));
    else
        json_object_set_new(j, "meeting", json_null());
    http_reply_json(r, out.created ? 201 : 200, j);
}

/* POST /console/requests {event, from, to, message, agreed, slot}: the
 * organisers' introduction, or with "agreed" the meeting they book. */
void api_console_introduce(struct http_req *r)
{
    static const struct http_field f[] = {
        {"event", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"from", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
        {"to", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
        {"message", HJ_STRING, .nullable = true, .max = 2000, .lines = true},
        {"agreed", HJ_BOOL, .required = false},
        {"slot", HJ_STRING, .nullable = true, .min = 1, .max = API_ID_MAX},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    bool agreed = json_is_true(json_object_get(b, "agreed"));
    if (!agreed && http_json_str(b, "slot")) {
        json_decref(b);
        http_reply_error(r, 422, "invalid", "a slot is for a meeting agreed: \"agreed\": true");
        return;
    }
    struct df_err err = {0};
    struct store_request q;
    const char *event = body_event(r, b, &err);
    if (event && agreed) {
        console_book(r, b, event);
        json_decref(b);
        return;
    }
    int rc = !event ? -1
                    : app_request_introduce(r->s, r->user.email, event, http_json_str(b, "from"),
                                            http_json_str(b, "to"), http_json_str(b, "message"),
                                            &r->a, &q, &err);
    json_decref(b);
    json_t *j;
    if (rc < 0)
        http_reply_df_err(r, &err);
    else if ((j = request_json(r, &q)))
        http_reply_json(r, 201, j);
}

void api_request_get(struct http_req *r)
{
    struct df_err err = {0};
    struct store_request q;
    if (app_request_read(r->s, r->user.person, api_is_organiser(r), r->params[0], &r->a, &q,
                         &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = request_json(r, &q);
    if (j)
        http_reply_json(r, 200, j);
}

static void request_act(struct http_req *r, enum app_request_action act)
{
    struct df_err err = {0};
    struct store_request q;
    int rescheduled = 0;
    struct app_accept_warning warning = {.n = 0};
    struct app_request_actor who = {.person = r->user.person, .login = r->user.email,
                                    .organiser = api_is_organiser(r),
                                    .now = http_server_forum_now(r->srv)};
    if (app_request_act(r->s, &who, r->params[0], act, &r->a, &q, &rescheduled, &warning,
                        &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = api_request_json(&q);
    json_object_set_new(j, "rescheduled", json_boolean(rescheduled));
    if (warning.text) {
        /* and by code, its parts each with what it names, for a page's words */
        json_t *parts = json_array();
        for (int i = 0; parts && i < warning.n; i++) {
            json_t *part = api_why_json(&warning.part[i]);
            if (part && warning.reasons[i].n)
                json_object_set_new(part, "reasons", api_whys_json(&warning.reasons[i]));
            json_array_append_new(parts, part);
        }
        json_object_set_new(j, "warning", json_string(warning.text));
        json_object_set_new(j, "warnings", parts);
    }
    /* an accept that took the proposed time says where, as one at a chosen time */
    struct store_meeting m;
    if (act == APP_REQUEST_ACCEPT && !rescheduled &&
        store_meeting_of_request(r->s, q.id, &r->a, &m, &err) == 0)
        json_object_set_new(j, "meeting",
                            json_pack("{ss ss ss so so}", "slot", m.slot, "start", m.starts_at,
                                      "end", m.ends_at, "location", api_str_or_null(m.location),
                                      "location_name", api_str_or_null(m.location_name)));
    http_reply_json(r, 200, j);
}

/* A list of free times: {key: id, event, published, times, reason}. */
static json_t *times_json(const struct app_request_time_list *t, const char *key,
                          const char *id)
{
    json_t *times = json_array();
    for (int i = 0; i < t->times_n; i++)
        json_array_append_new(times, time_json(t->times + i));
    return json_pack("{ss ss sb so so}", key, id, "event", t->request.event, "published",
                     t->published, "times", times, "reason", api_str_or_null(t->reason));
}

/* GET /requests/{id}/times: the free times its two people may choose. */
void api_request_times(struct http_req *r)
{
    struct df_err err = {0};
    struct app_request_time_list t;
    struct app_request_actor who = {.person = r->user.person,
                                    .now = http_server_forum_now(r->srv)};
    if (app_request_times(r->s, &who, r->params[0], &r->a, &t, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, times_json(&t, "request", t.request.id));
}

/* GET /me/request-times: the free times of every pending request the caller
 * received, one object each as GET /requests/{id}/times gives it: the
 * requests page reads them in one call, each event's board once. */
void api_me_request_times(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    struct app_request_time_list *t;
    int n;
    struct app_request_actor who = {.person = r->user.person,
                                    .now = http_server_forum_now(r->srv)};
    if (app_request_times_received(r->s, &who, &r->a, &t, &n, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *list = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(list, times_json(t + i, "request", t[i].request.id));
    http_reply_json(r, 200, json_pack("{so}", "requests", list));
}

/* The times who->person and person `to` may meet at ?event= (the forum's
 * by default), replied as {person: to, ...}. */
static void pair_times_reply(struct http_req *r, const struct app_request_actor *who,
                             const char *to)
{
    struct df_err err = {0};
    struct app_request_time_list t;
    const char *event = http_url_param(&r->url, "event");
    if (!event && !(event = app_forum_event(r->s, who->now, &r->a, &err))) {
        http_reply_df_err(r, &err);
        return;
    }
    if (app_pair_times(r->s, who, event, to, &r->a, &t, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = times_json(&t, "person", to);
    json_object_set_new(j, "for", json_string(who->person));
    http_reply_json(r, 200, j);
}

/* GET /people/{id}/times?event=: the times the caller and person id may
 * meet, for her to propose one when she sends a request. */
void api_person_times(struct http_req *r)
{
    struct app_request_actor who = {.person = r->user.person,
                                    .now = http_server_forum_now(r->srv)};
    if (api_need_person(r))
        pair_times_reply(r, &who, r->params[0]);
}

/* GET /console/people/{id}/times?with=&event=: the times person id and
 * person `with` may meet, for an organiser to book one they agreed. */
void api_console_pair_times(struct http_req *r)
{
    struct df_err err = {0};
    const char *with = http_url_param(&r->url, "with");
    if (!with || !*with) {
        http_reply_error(r, 422, "invalid", "with is required: the id of the person to meet");
        return;
    }
    if (app_person_known(r->s, r->params[0], &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    struct app_request_actor who = {.person = r->params[0], .organiser = true,
                                    .now = http_server_forum_now(r->srv)};
    pair_times_reply(r, &who, with);
}

/* PUT /requests/{id}/proposal {"slot": ID or null}: its requester proposes
 * a time, changes it or takes it back. */
void api_request_proposal_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"slot", HJ_STRING, .nullable = true, .min = 1, .max = API_ID_MAX}, {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    if (!json_object_get(b, "slot")) {   /* null takes it back: absent says nothing */
        json_decref(b);
        http_reply_error(r, 422, "invalid", "slot is required: a slot's id, or null for none");
        return;
    }
    struct df_err err = {0};
    struct store_request q;
    struct app_request_actor who = {.person = r->user.person,
                                    .now = http_server_forum_now(r->srv)};
    struct app_whys why = {.n = 0};
    int rc = app_request_propose(r->s, &who, r->params[0], http_json_str(b, "slot"), &r->a, &q,
                                 &why, &err);
    json_decref(b);
    reply_request(r, rc, 200, &q, &err, &why);
}

/* POST /requests/{id}/accept {"slot"}: the meeting in the slot its addressee chose. */
static void request_accept_at(struct http_req *r)
{
    static const struct http_field f[] = {
        {"slot", HJ_STRING, .min = 1, .max = API_ID_MAX}, {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    const char *slot = http_json_str(b, "slot");
    if (!slot) {
        json_decref(b);
        request_act(r, APP_REQUEST_ACCEPT);
        return;
    }
    struct df_err err = {0};
    struct store_request q;
    struct app_move_place at;
    struct app_whys why = {.n = 0};
    struct app_request_actor who = {.person = r->user.person, .login = r->user.email,
                                    .organiser = api_is_organiser(r),
                                    .now = http_server_forum_now(r->srv)};
    int rc = app_request_accept_at(r->s, &who, r->params[0], slot, &r->a, &q, &at, &why, &err);
    json_decref(b);
    if (rc < 0) {
        reply_taken(r, &err, &why);
        return;
    }
    json_t *j = api_request_json(&q);
    json_object_set_new(j, "rescheduled", json_false());
    json_object_set_new(j, "meeting", time_json(&at));
    http_reply_json(r, 200, j);
}

/* An accept with no body is answered as before: the scheduler places it. */
void api_request_accept(struct http_req *r)
{
    if (r->body.len == 0)
        request_act(r, APP_REQUEST_ACCEPT);
    else
        request_accept_at(r);
}
void api_request_decline(struct http_req *r) { request_act(r, APP_REQUEST_DECLINE); }
void api_request_cancel(struct http_req *r) { request_act(r, APP_REQUEST_CANCEL); }

/* The caller as she acts on a request's attendees. */
static struct app_request_actor actor_of(struct http_req *r)
{
    return (struct app_request_actor){.person = r->user.person, .login = r->user.email,
                                      .organiser = api_is_organiser(r),
                                      .now = http_server_forum_now(r->srv)};
}

/* POST /requests/{id}/attendees {"person"}: a colleague joins its meeting. */
void api_request_attendee_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"person", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX}, {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_request q;
    struct app_whys why = {.n = 0};
    struct app_request_actor who = actor_of(r);
    int rc = app_attendee_add(r->s, &who, r->params[0], http_json_str(b, "person"), &r->a, &q,
                              &why, &err);
    json_decref(b);
    reply_request(r, rc, 200, &q, &err, &why);
}

/* DELETE /requests/{id}/attendees/{person}: she no longer joins it; its
 * "warnings" what the desk should see to (an interpreter none is free of). */
void api_request_attendee_delete(struct http_req *r)
{
    struct df_err err = {0};
    struct store_request q;
    struct app_whys warn = {.n = 0};
    struct app_request_actor who = actor_of(r);
    if (app_attendee_remove(r->s, &who, r->params[0], r->params[1], &r->a, &q, &warn, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = request_json(r, &q);
    if (!j)
        return;   /* it replied */
    json_object_set_new(j, "warnings", api_whys_json(&warn));
    http_reply_json(r, 200, j);
}
