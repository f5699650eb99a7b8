/* The forum's day (docs/api.md, docs/web.md): the check-in desk's word on
 * where a person goes next; "my partner is not here", said by a participant
 * and listed for the desk. */

#include "app/absence.h"
#include "http/api.h"
#include "http/internal.h"
#include "store/day.h"

json_t *api_next_meeting_json(struct http_req *r, const char *person, struct df_err *err)
{
    struct store_day_meeting m;
    bool found;
    if (store_day_next_meeting(r->s, person, http_server_forum_now(r->srv), &r->a, &m, &found,
                               err) < 0)
        return NULL;
    if (!found)
        return json_null();
    json_t *with = json_array();
    for (int i = 0; i < m.with_n && i < STORE_DAY_PARTIES_MAX; i++)
        json_array_append_new(with, json_pack("{ss ss ss so}", "id", m.with[i].id, "name",
                                              m.with[i].name, "organisation_name",
                                              m.with[i].org_name, "organisation_name_uk",
                                              api_str_or_null(m.with[i].org_name_uk)));
    /* online: held by video, its room's link where the table would be */
    return json_pack("{ss ss ss ss ss so sb so si so}", "request", m.request, "event", m.event,
                     "timezone", m.timezone, "starts_at", m.starts_at, "ends_at", m.ends_at,
                     "location", api_str_or_null(m.location), "online", m.online, "video_url",
                     api_str_or_null(m.video_url), "with_n", m.with_n, "with", with);
}

/* POST /me/meetings/{request}/absent: "my partner is not here", said by one
 * of the meeting's people during it (app/absence.h decides). */
void api_me_absent(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    const char *id;
    if (app_absence_report(r->s, r->user.email, r->user.person, r->params[0],
                           http_server_forum_now(r->srv), &r->a, &id, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss ss}", "id", id, "request", r->params[0]));
}

static json_t *party_json(const struct store_day_party *x)
{
    return json_pack("{ss ss ss so so so}", "id", x->id, "name", x->name, "organisation_name",
                     x->org_name, "organisation_name_uk", api_str_or_null(x->org_name_uk),
                     "email", api_str_or_null(x->email), "checked_in_at",
                     api_str_or_null(x->checked_in_at));
}

static int absence_cb(void *ud, const struct store_absence *x)
{
    json_t *with = json_array();
    for (int i = 0; i < x->with_n && i < STORE_DAY_PARTIES_MAX; i++)
        json_array_append_new(with, party_json(&x->with[i]));
    json_t *j = json_pack("{ss ss ss s{ss ss} ss so so}", "id", x->id, "request", x->request,
                          "event", x->event, "reporter", "id", x->reporter, "name",
                          x->reporter_name, "reported_at", x->reported_at, "dealt_at",
                          api_str_or_null(x->dealt_at), "dealt_by", api_str_or_null(x->dealt_by));
    json_object_set_new(j, "timezone", json_string(x->timezone));
    json_object_set_new(j, "starts_at", api_str_or_null(x->starts_at));
    json_object_set_new(j, "ends_at", api_str_or_null(x->ends_at));
    json_object_set_new(j, "location", api_str_or_null(x->location));
    json_object_set_new(j, "online", json_boolean(x->online));
    json_object_set_new(j, "video_url", api_str_or_null(x->video_url));
    json_object_set_new(j, "with_n", json_integer(x->with_n));
    json_object_set_new(j, "with", with);
    json_array_append_new(ud, j);
    return 0;
}

/* GET /console/absences?event=&open=0|1&limit=&offset=: the words newest
 * first, with how many there are and how many are open. */
void api_console_absences(struct http_req *r)
{
    const char *event = NULL;
    bool open_only;
    int limit, offset;
    if (!api_text_param(r, "event", &event) || !api_flag_param(r, "open", &open_only) ||
        !api_page_params(r, API_PAGE_DEFAULT, &limit, &offset))
        return;
    struct df_err err = {0};
    json_t *list = json_array();
    int64_t total = 0, open_n = 0;
    if (store_absence_each(r->s, event, open_only, limit, offset, absence_cb, list,
                           &total, &open_n, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI sI so}", "count", (json_int_t)total, "open",
                                      (json_int_t)open_n, "absences", list));
}

/* POST /console/absences/{id}/dealt: the desk looked into it. */
void api_console_absence_dealt(struct http_req *r)
{
    struct df_err err = {0};
    const char *at;
    if (app_absence_deal(r->s, r->user.email, r->params[0], &r->a, &at, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss ss}", "id", r->params[0], "dealt_at", at));
}
