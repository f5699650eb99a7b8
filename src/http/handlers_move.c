/* An organiser moves one meeting on the forum's day (app/move.h): where it
 * may go, GET /console/meetings/{id}/moves, and the move, POST
 * /console/meetings/{id}/move {"slot","location"} or {"slot","online":true};
 * and a table's meetings in one go when it is out of use (app/table_out.h). */
#include "app/move.h"
#include "app/table_out.h"
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

/* ---- a table out of use (app/table_out.h) ------------------------------ */

static json_t *people_json(const struct app_move_person *p, int n)
{
    json_t *people = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(people, json_pack("{ss ss so}", "id", p[i].id, "name", p[i].name,
                                                "email", api_str_or_null(p[i].email)));
    return people;
}

/* POST /console/events/{id}/locations/{item}/out-of-use {"from","until"?,"dry_run"?}:
 * what moved (or would move) where, and what is left for the desk to call. */
void api_console_table_out(struct http_req *r)
{
    static const struct http_field f[] = {
        {"from", HJ_STRING, .required = true, .min = 1, .max = 40},
        {"until", HJ_STRING, .nullable = true, .min = 1, .max = 40},
        {"dry_run", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct app_table_out o;
    bool dry = json_is_true(json_object_get(b, "dry_run"));
    int rc = app_table_out(r->s, r->user.email, r->params[0], r->params[1],
                           http_json_str(b, "from"), http_json_str(b, "until"), dry,
                           http_server_forum_now(r->srv), &r->a, &o, &err);
    json_decref(b);
    if (rc < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *moves = json_array();
    for (int i = 0; i < o.moves_n; i++) {
        const struct app_table_out_move *x = o.moves + i;
        json_array_append_new(moves, json_pack("{ss so so sb so}", "meeting", x->meeting, "was",
                                               place_json(&x->was), "to", place_json(&x->to),
                                               "placed", x->placed, "people",
                                               people_json(x->people, x->people_n)));
    }
    http_reply_json(r, 200,
                    json_pack("{ss ss ss ss so sb si si si so}", "event", o.event, "location",
                              o.location, "location_name", o.location_name, "from", o.from,
                              "until", api_str_or_null(o.until), "dry_run", o.dry_run,
                              "to_tables", o.to_tables, "to_online", o.to_online, "unplaced",
                              o.unplaced, "moves", moves));
}

/* DELETE /console/events/{id}/locations/{item}/out-of-use[?from=&until=]:
 * the table given back, every window of it or the one from names. */
void api_console_table_back(struct http_req *r)
{
    struct df_err err = {0};
    int n = 0;
    if (app_table_back(r->s, r->user.email, r->params[0], r->params[1],
                       http_url_param(&r->url, "from"), http_url_param(&r->url, "until"),
                       http_server_forum_now(r->srv), &n, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss si}", "location", r->params[1], "windows_removed", n));
}

/* GET /console/events/{id}/out-of-use: the event's tables out of use, when. */
void api_console_tables_out(struct http_req *r)
{
    struct df_err err = {0};
    struct app_table_window *ws;
    int n;
    if (app_tables_out(r->s, r->params[0], &r->a, &ws, &n, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *v = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(v, json_pack("{ss ss ss so ss}", "location", ws[i].location,
                                           "location_name", ws[i].location_name, "from",
                                           ws[i].from, "until", api_str_or_null(ws[i].until),
                                           "set_by", ws[i].set_by));
    http_reply_json(r, 200, json_pack("{so}", "out_of_use", v));
}
