/* The forum's day (docs/api.md): the check-in desk's word on where a person
 * goes next. */
#include "http/api.h"
#include "http/internal.h"
#include "store/day.h"

json_t *api_next_meeting_json(struct http_req *r, const char *person, struct df_err *err)
{
    struct store_day_meeting m;
    bool found;
    if (store_day_next_meeting(r->s, person, &r->a, &m, &found, err) < 0)
        return NULL;
    if (!found)
        return json_null();
    json_t *with = json_array();
    for (int i = 0; i < m.with_n && i < STORE_DAY_PARTIES_MAX; i++)
        json_array_append_new(with, json_pack("{ss ss ss so}", "id", m.with[i].id, "name",
                                              m.with[i].name, "organisation_name",
                                              m.with[i].org_name, "organisation_name_uk",
                                              api_str_or_null(m.with[i].org_name_uk)));
    return json_pack("{ss ss ss ss ss so si so}", "request", m.request, "event", m.event,
                     "timezone", m.timezone, "starts_at", m.starts_at, "ends_at", m.ends_at,
                     "location", api_str_or_null(m.location), "with_n", m.with_n, "with", with);
}
