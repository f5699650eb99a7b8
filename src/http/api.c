/* The JSON API's shared pieces (api.h): the JSON shapes of the store's
 * records, and the checks more than one resource's handlers make. */
#include <string.h>

#include "app/event.h"
#include "http/api.h"
#include "http/cache.h"
#include "store/auth.h"

/* ---- checks -------------------------------------------------------------------- */

bool api_is_organiser(const struct http_req *r)
{
    return r->has_user && strcmp(r->user.role, "organiser") == 0;
}

bool api_need_person(struct http_req *r)
{
    if (r->user.person)
        return true;
    http_reply_error(r, 404, "no_person", "this login has no participant profile");
    return false;
}

void api_reply_json_or_error(struct http_req *r, json_t *j, struct df_err *err)
{
    if (j)
        http_reply_json(r, 200, j);
    else
        http_reply_df_err(r, err);
}

bool api_reply_kept(struct http_req *r, enum http_cache_kind kind, const char *key)
{
    size_t len;
    char *hit = key ? http_cache_get(r->s, kind, key, &len) : NULL;
    if (hit)
        http_reply_owned(r, 200, HTTP_JSON_CTYPE, hit, len);
    return hit != NULL;
}

void api_reply_json_keeping(struct http_req *r, enum http_cache_kind kind, const char *key,
                            json_t *j, struct df_err *err)
{
    api_reply_json_or_error(r, j, err);
    /* the text http_reply_json wrote, kept (copied) when it is j's: not an
     * error, nor the 500 of a JSON text that could not be made */
    if (j && key && r->status == 200 && r->reply)
        http_cache_put(kind, key, r->reply, r->reply_len);
}

json_t *api_str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

json_t *api_values_json(const char *const *pairs)
{
    json_t *j = json_object();
    for (int i = 0; j && pairs[i]; i += 2)
        if (pairs[i + 1])
            json_object_set_new(j, pairs[i], json_string(pairs[i + 1]));
    return j;
}

json_t *api_why_json(const struct app_why *y)
{
    const char *pairs[2 * APP_WHY_VALUES + 1] = {NULL};
    for (int v = 0; v < y->values_n; v++) {
        pairs[2 * v] = y->name[v];
        pairs[2 * v + 1] = y->value[v];
    }
    return json_pack("{ss so ss?}", "code", y->code, "values", api_values_json(pairs), "message",
                     y->message);
}

void api_reason_code_set(json_t *j, const char *code, const char *values)
{
    if (!j || !code)
        return;
    json_t *v = values ? json_loads(values, 0, NULL) : NULL;
    if (!json_is_object(v)) {
        json_decref(v);
        v = json_object();
    }
    json_object_set_new(j, "code", json_string(code));
    json_object_set_new(j, "values", v);
}

json_t *api_whys_json(const struct app_whys *w)
{
    json_t *list = json_array();
    for (int i = 0; list && i < w->n; i++)
        json_array_append_new(list, api_why_json(&w->v[i]));
    return list;
}

bool api_int_param(struct http_req *r, const char *name, int min, int max, int dflt, int *out)
{
    if (http_url_param_int(&r->url, name, min, max, dflt, out) == 0)
        return true;
    http_reply_error(r, 422, "invalid", "%s must be an integer from %d to %d", name, min, max);
    return false;
}

bool api_page_params(struct http_req *r, int dflt, int *limit, int *offset)
{
    return api_int_param(r, "limit", 0, API_PAGE_MAX, dflt, limit) &&
           api_int_param(r, "offset", 0, API_OFFSET_MAX, 0, offset);
}

bool api_text_param(struct http_req *r, const char *name, const char **out)
{
    const char *v = http_url_param(&r->url, name);
    *out = v && *v ? v : NULL;
    if (*out && strlen(*out) > API_QUERY_MAX) {
        http_reply_error(r, 422, "invalid", "%s must have at most %d bytes", name, API_QUERY_MAX);
        return false;
    }
    return true;
}

bool api_is_contact_of(struct http_req *r, const char *org)
{
    if (!r->user.person || !org)
        return false;
    struct df_err err = {0};
    const char *c = store_org_contact(r->s, org, &r->a, &err);
    return c && strcmp(c, r->user.person) == 0;
}

bool api_is_one_of(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(v, *set) == 0)
            return true;
    return false;
}

/* ---- JSON shapes -------------------------------------------------------------- */

json_t *api_org_json(const struct store_org *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(o->id));
    json_object_set_new(j, "name", json_string(o->name));
    json_object_set_new(j, "name_uk", api_str_or_null(o->name_uk));
    json_object_set_new(j, "country", json_string(o->country));
    json_object_set_new(j, "kind", json_string(o->kind));
    json_object_set_new(j, "sme", json_boolean(o->sme));
    json_object_set_new(j, "city", api_str_or_null(o->city));
    json_object_set_new(j, "website", api_str_or_null(o->website));
    json_object_set_new(j, "description", api_str_or_null(o->description));
    json_object_set_new(j, "description_uk", api_str_or_null(o->description_uk));
    return j;
}

/* Email only for organisers and the person themself. */
json_t *api_person_json(const struct store_person *p, bool with_email)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(p->id));
    json_object_set_new(j, "organisation", json_string(p->org));
    json_object_set_new(j, "name", json_string(p->name));
    json_object_set_new(j, "title", api_str_or_null(p->title));
    json_object_set_new(j, "languages", json_string(p->languages ? p->languages : ""));
    /* on site or online: her partners see how they will meet her */
    json_object_set_new(j, "attendance", json_string(p->attendance ? p->attendance : "onsite"));
    if (with_email)
        json_object_set_new(j, "email", api_str_or_null(p->email));
    /* an erased person's tombstone: the pages say "Erased participant" */
    if (p->erased_at)
        json_object_set_new(j, "erased_at", json_string(p->erased_at));
    return j;
}

json_t *api_request_json(const struct store_request *q)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(q->id));
    json_object_set_new(j, "event", json_string(q->event));
    json_object_set_new(j, "from", json_string(q->from));
    json_object_set_new(j, "to", json_string(q->to));
    json_object_set_new(j, "status", json_string(q->status));
    json_object_set_new(j, "priority", json_integer(q->priority));
    json_object_set_new(j, "message", api_str_or_null(q->message));
    json_object_set_new(j, "created_at", api_str_or_null(q->created_at));
    json_object_set_new(j, "cancelled_by", api_str_or_null(q->cancelled_by));
    json_object_set_new(j, "proposed", json_null());   /* handlers_requests.c reads it */
    json_object_set_new(j, "introduced", json_boolean(q->introduced));
    return j;
}

void api_attendees_set(json_t *j, const char *attendees_json)
{
    json_t *list = attendees_json ? json_loads(attendees_json, 0, NULL) : NULL;
    json_object_set_new(j, "attendees", json_is_array(list) ? list : json_array());
    if (list && !json_is_array(list))
        json_decref(list);
}

json_t *api_party_json(const struct store_web_party *p)
{
    return json_pack("{ss ss ss ss so ss}", "id", p->id, "name", p->name, "org", p->org,
                     "org_name", p->org_name, "org_name_uk", api_str_or_null(p->org_name_uk),
                     "country", p->country);
}

json_t *api_request_row_json(const struct store_web_request *w)
{
    json_t *j = api_request_json(&w->r);
    json_object_set_new(j, "people", json_pack("[oo]", api_party_json(&w->from),
                                               api_party_json(&w->to)));
    api_attendees_set(j, w->attendees_json);
    return j;
}

json_t *api_event_json(const struct store_event *e)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(e->id));
    json_object_set_new(j, "name", json_string(e->name));
    json_object_set_new(j, "venue", api_str_or_null(e->venue));
    json_object_set_new(j, "timezone", api_str_or_null(e->timezone));
    json_object_set_new(j, "starts_on", json_string(e->starts_on));
    json_object_set_new(j, "ends_on", json_string(e->ends_on));
    json_object_set_new(j, "request_cap", json_integer(e->request_cap));
    json_object_set_new(j, "published_at", api_str_or_null(e->published_at));
    json_object_set_new(j, "name_uk", api_str_or_null(e->name_uk));
    json_object_set_new(j, "venue_uk", api_str_or_null(e->venue_uk));
    json_object_set_new(j, "video_url", api_str_or_null(e->video_url));
    char at[32];
    bool closes = app_requests_close_at(e, at, NULL);
    json_object_set_new(j, "requests_close", api_str_or_null(e->requests_close));
    json_object_set_new(j, "requests_close_at", closes ? json_string(at) : json_null());
    json_object_set_new(j, "day_mail_on", api_str_or_null(e->day_mail_on));
    json_object_set_new(j, "day_mail_at", api_str_or_null(e->day_mail_at));
    return j;
}

bool api_flag_param(struct http_req *r, const char *name, bool *on)
{
    const char *v = http_url_param(&r->url, name);
    if (v && strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
        http_reply_error(r, 422, "invalid", "%s must be 0 or 1", name);
        return false;
    }
    *on = v && strcmp(v, "1") == 0;
    return true;
}
