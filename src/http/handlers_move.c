/* An organiser moves one meeting on the forum's day (app/move.h): where it
 * may go, GET /console/meetings/{id}/moves, and the move, POST
 * /console/meetings/{id}/move {"slot","location"} or {"slot","online":true}. */
#include "app/move.h"
#include "http/api.h"
#include "http/internal.h"
#include "http/server.h"

static json_t *place_json(const struct app_move_place *p)
{
    return json_pack("{ss ss ss so so sb}", "slot", p->slot, "start", p->start, "end", p->end,
                     "location", api_str_or_null(p->location), "location_name",
                     api_str_or_null(p->location_name), "online", p->online);
}

/* The meeting, where it is, its people (the organiser tells them). */
static json_t *moves_json(const struct app_meeting_moves *m)
{
    json_t *people = json_array();
    for (int i = 0; i < m->people_n; i++)
        json_array_append_new(people, json_pack("{ss ss so}", "id", m->people[i].id, "name",
                                                m->people[i].name, "email",
                                                api_str_or_null(m->people[i].email)));
    return json_pack("{ss ss so si so so sb}", "meeting", m->meeting, "event", m->event,
                     "interpreter", api_str_or_null(m->interpreter), "sequence", m->sequence,
                     "at", place_json(&m->at), "people", people, "online", m->online);
}

void api_console_meeting_moves(struct http_req *r)
{
    struct df_err err = {0};
    struct app_meeting_moves m;
    if (app_meeting_moves(r->s, r->params[0], http_server_forum_now(r->srv), &r->a, &m,
                          &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = moves_json(&m), *options = json_array();
    for (int i = 0; i < m.options_n; i++)
        json_array_append_new(options, place_json(m.options + i));
    json_object_set_new(j, "options", options);
    http_reply_json(r, 200, j);
}

void api_console_meeting_move(struct http_req *r)
{
    static const struct http_field f[] = {
        {"slot", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
        /* null or left out: online, for a meeting held by video */
        {"location", HJ_STRING, .nullable = true, .min = 1, .max = API_ID_MAX},
        /* true: a meeting at a table goes online (held by video) */
        {"online", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct app_meeting_moves m;
    struct app_whys why = {.n = 0};
    int rc = app_meeting_move(r->s, r->user.email, r->params[0], http_json_str(b, "slot"),
                              http_json_str(b, "location"),
                              json_is_true(json_object_get(b, "online")),
                              http_server_forum_now(r->srv), &r->a,
                              &m, &why, &err);
    json_decref(b);
    if (rc < 0) {
        /* what is in the way by code, for the desk's words */
        bool taken = err.kind == DF_ERR_CONFLICT && why.n > 0;
        /* else its own code, when it has one (no video service) */
        http_reply_df_err_with(r, &err, taken ? "reasons" : NULL,
                               taken ? api_whys_json(&why) : NULL);
        return;
    }
    json_t *j = moves_json(&m);
    json_object_set_new(j, "was", place_json(&m.was));
    http_reply_json(r, 200, j);
}
