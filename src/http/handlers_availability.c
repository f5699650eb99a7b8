/* A person's availability at an event: GET/PUT /api/v1/me/availability for
 * the caller's own person, /api/v1/people/{id}/availability for organisers
 * (and a participant's own id). The app layer checks the slot ids. */
#include <string.h>

#include "app/availability.h"
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
