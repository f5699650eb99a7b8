/* What meetings led to over the API: a participant's own outcomes
 * (GET /me/outcomes, PUT and DELETE /me/outcomes/{request}) and an
 * event's figures for organisers (GET /console/events/{id}/outcomes), which
 * count meetings and hold no one's note. app/outcomes.c decides. */
#include <string.h>

#include "app/outcomes.h"
#include "http/api.h"

void api_me_outcomes(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    api_reply_json_or_error(r, app_outcomes_of(r->s, r->user.person, &err), &err);
}

void api_me_outcome_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"outcome", HJ_STRING, .required = true, .min = 1, .max = 32},
        {"note", HJ_STRING, .nullable = true, .max = APP_OUTCOME_NOTE_MAX, .lines = true},
        {NULL}};
    if (!api_need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    const char *request = r->params[0];
    int rc = app_outcome_set(r->s, r->user.email, r->user.person, request,
                             http_json_str(b, "outcome"), http_json_str(b, "note"),
                             http_server_forum_now(r->srv), &err);
    json_decref(b);
    if (rc == APP_OUTCOME_NOT_BEGUN) {   /* its own code: the page says it in its language */
        http_reply_error(r, 409, "not_begun", "%s", err.msg);
        return;
    }
    if (rc < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    /* the stored row, as GET /me/outcomes gives it */
    json_t *all = app_outcomes_of(r->s, r->user.person, &err), *x, *mine = NULL;
    size_t i;
    json_array_foreach(json_object_get(all, "outcomes"), i, x)
        if (!mine && strcmp(json_string_value(json_object_get(x, "request")), request) == 0)
            mine = json_incref(x);
    json_decref(all);
    if (!mine)
        df_err_set(&err, DF_ERR_RUNTIME, "the outcome was kept but could not be read back");
    api_reply_json_or_error(r, mine, &err);
}

void api_me_outcome_delete(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    if (app_outcome_remove(r->s, r->user.email, r->user.person, r->params[0], &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sb}", "request", r->params[0], "removed", 1));
}

void api_event_outcomes(struct http_req *r)
{
    /* the dashboard's, each minute: kept while the meetings, their people
     * and organisations (the agenda generation), the organisations' kinds
     * (the match generation's) and what the meetings led to (the outcome
     * generation) are unchanged; a check-in or a message leaves it */
    long long match = store_api_match_generation(r->s), said = store_api_outcome_generation(r->s);
    const char *key = match >= 0 && said >= 0
                          ? arena_printf(&r->a, "outcomes:%lld:%lld:%s", match, said, r->params[0])
                          : NULL;
    if (api_reply_kept(r, HTTP_CACHE_AGENDAS, key))
        return;
    struct df_err err = {0};
    api_reply_json_keeping(r, HTTP_CACHE_AGENDAS, key,
                           app_outcome_figures(r->s, r->params[0], &err), &err);
}
