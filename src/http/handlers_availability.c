/* A person's availability at an event: GET/PUT /api/v1/me/availability for
 * the caller's own person, /api/v1/people/{id}/availability for organisers
 * (and a participant's own id). The app layer checks the slot ids. And a
 * day she cannot come: POST /me/day-off, /console/people/{id}/day-off. */
#include <string.h>

#include "app/availability.h"
#include "app/dayoff.h"
#include "app/forum_day.h"
#include "http/api.h"

static json_t *availability_json(const struct app_availability *av, bool with_conflicts)
{
    json_t *slots = json_array();
    for (int i = 0; i < av->slots_n; i++) {
        const struct app_avail_slot *x = &av->slots[i];
        json_array_append_new(slots, json_pack("{ss ss ss ss ss sb so}", "id", x->id, "session",
                                               x->session, "day", x->day, "start", x->starts_at,
                                               "end", x->ends_at, "available", x->available,
                                               "set_by", api_str_or_null(x->set_by)));
    }
    json_t *j = json_pack("{ss ss sb so}", "person", av->person, "event", av->event, "published",
                          av->published, "slots", slots);
    if (with_conflicts) {
        json_t *c = json_array();
        for (int i = 0; i < av->conflicts_n; i++) {
            const struct app_avail_conflict *x = &av->conflicts[i];
            json_array_append_new(c, json_pack("{ss ss ss ss s{ss so}}", "request", x->request,
                                               "slot", x->slot, "start", x->starts_at, "end",
                                               x->ends_at, "with", "id", x->with, "name",
                                               api_str_or_null(x->with_name)));
        }
        json_object_set_new(j, "conflicts", c);
    }
    return j;
}

/* The person whose availability the caller may see and change: their own,
 * or anyone's for an organiser; NULL after replying. */
static const char *whose(struct http_req *r, const char *id)
{
    if (!id)
        return api_need_person(r) ? r->user.person : NULL;
    if (api_is_organiser(r) || (r->user.person && strcmp(r->user.person, id) == 0))
        return id;
    http_reply_error(r, 403, "forbidden", "only organisers set another person's availability");
    return NULL;
}

/* event, or when the caller names none the forum's event now (by the forum's
 * clock), as a request's default; NULL with err when there is none. */
static const char *event_or_forum(struct http_req *r, const char *event, struct df_err *err)
{
    return event ? event : app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, err);
}

static void get_availability(struct http_req *r, const char *id)
{
    const char *person = whose(r, id), *event;
    if (!person || !api_text_param(r, "event", &event))
        return;
    struct df_err err = {0};
    struct app_availability av;
    if (!(event = event_or_forum(r, event, &err)) ||
        app_availability_get(r->s, person, event, &r->a, &av, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, availability_json(&av, false));
}

static void put_availability(struct http_req *r, const char *id)
{
    static const struct http_field f[] = {
        {"event", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"away", HJ_ARRAY_OF_STRINGS, .required = true, .max = 1000},
        {NULL}};
    const char *person = whose(r, id);
    if (!person)
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    json_t *away = json_object_get(b, "away");
    size_t n = json_array_size(away);
    const char **ids = arena_alloc(&r->a, (n ? n : 1) * sizeof *ids);
    bool copied = ids != NULL;
    for (size_t i = 0; copied && i < n; i++)
        copied = (ids[i] = arena_strdup(&r->a, json_string_value(json_array_get(away, i)))) != NULL;
    const char *event = http_json_str(b, "event");
    if (event && !(event = arena_strdup(&r->a, event)))
        copied = false;
    json_decref(b);
    struct app_availability av;
    /* the person's own word, else an organiser's (whose() let no one else by) */
    enum app_avail_setter by = r->user.person && strcmp(r->user.person, person) == 0
                                   ? APP_AVAIL_BY_PERSON
                                   : APP_AVAIL_BY_ORGANISER;
    if (!copied)
        df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (!copied || !(event = event_or_forum(r, event, &err)) ||
        app_availability_set(r->s, r->user.email, by, person, event, ids, (int)n,
                                        &r->a, &av, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, availability_json(&av, true));
}

void api_me_availability(struct http_req *r)
{
    get_availability(r, NULL);
}

void api_me_availability_put(struct http_req *r)
{
    put_availability(r, NULL);
}

void api_person_availability(struct http_req *r)
{
    get_availability(r, r->params[0]);
}

void api_person_availability_put(struct http_req *r)
{
    put_availability(r, r->params[0]);
}

static json_t *dayoff_list(const struct app_dayoff_meeting *v, int n, bool warnings)
{
    json_t *list = json_array();
    for (int i = 0; i < n; i++) {
        /* an erased partner of a meeting kept (held) has no name */
        json_t *m = json_pack("{ss ss ss so ss s{ss ss?}}", "request", v[i].request, "start",
                              v[i].starts_at, "end", v[i].ends_at, "table",
                              api_str_or_null(v[i].table), "as", v[i].as, "with", "id",
                              v[i].with, "name", v[i].with_name);
        if (warnings)
            json_object_set_new(m, "warnings", api_whys_json(&v[i].warnings));
        json_array_append_new(list, m);
    }
    return list;
}

/* POST {"event"?, "day", "dry_run"?}: person's meetings of the day given up
 * by who (app_dayoff). */
static void day_off(struct http_req *r, const struct app_request_actor *who, const char *person)
{
    static const struct http_field f[] = {
        {"event", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"day", HJ_STRING, .required = true, .min = 1, .max = 32},
        {"dry_run", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct app_dayoff o;
    int rc = app_dayoff(r->s, who, person, http_json_str(b, "event"), http_json_str(b, "day"),
                        json_is_true(json_object_get(b, "dry_run")), &r->a, &o, &err);
    json_decref(b);
    if (rc < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200,
                    json_pack("{ss ss ss sb so so so si si}", "person", o.person, "event",
                              o.event, "day", o.day, "dry_run", o.dry_run, "cancelled",
                              dayoff_list(o.cancelled, o.cancelled_n, false), "left",
                              dayoff_list(o.left, o.left_n, true), "kept",
                              dayoff_list(o.kept, o.kept_n, false), "away", o.away_n,
                              "mailed", o.mailed));
}

void api_me_day_off(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    const struct app_request_actor who = {.person = r->user.person, .login = r->user.email,
                                          .now = http_server_forum_now(r->srv)};
    day_off(r, &who, r->user.person);
}

void api_console_person_day_off(struct http_req *r)
{
    /* the organisers' hand: their cancels, as her partners read them */
    const struct app_request_actor who = {.login = r->user.email, .organiser = true,
                                          .now = http_server_forum_now(r->srv)};
    day_off(r, &who, r->params[0]);
}
