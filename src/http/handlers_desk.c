/* The organiser's help desk (docs/web.md): one participant's page, for "my
 * meeting vanished" or "I have nothing on Thursday": who they are, whether
 * they have arrived, and their agenda as they see it. Their requests come
 * from GET /requests?person= (handlers_requests.c), a page at a time. */
#include "http/api.h"
#include "store/store.h"

/* GET /console/people/{id}: the person with their e-mail, languages and
 * check-in, and their organisation's names and country. */
void api_console_person(struct http_req *r)
{
    struct df_err err = {0};
    struct store_person p;
    struct store_org o;
    if (store_person_get(r->s, r->params[0], &r->a, &p, &err) < 0 ||
        store_org_get(r->s, p.org, &r->a, &o, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = api_person_json(&p, true);
    json_object_set_new(j, "organisation_name", json_string(o.name));
    json_object_set_new(j, "organisation_name_uk", api_str_or_null(o.name_uk));
    json_object_set_new(j, "country", json_string(o.country));
    json_object_set_new(j, "checked_in_at", api_str_or_null(p.checked_in_at));
    http_reply_json(r, 200, j);
}

/* GET /console/people/{id}/agenda: what GET /me/agenda gives that person. */
void api_console_person_agenda(struct http_req *r)
{
    api_reply_agenda(r, r->params[0], false);
}
