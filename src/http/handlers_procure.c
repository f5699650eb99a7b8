/* Joint procurement over the API: the instruments (any signed-in user: the
 * rules are public law), a plan as the caller may see it (an organiser the
 * whole plan; a participant their organisation's demands and supplies, an
 * empty view when it has none) and the OCDS package (organisers only, by
 * the route's flag). The cutting is app/procure_view.c's. Demands and supplies
 * stated, read one by one, changed and withdrawn (POST, GET, PUT, DELETE):
 * app/procure_edit.c says who may; the bodies' fields are read as the
 * importer reads its columns. */
#include <string.h>

#include "app/fields.h"
#include "app/procure_cache.h"
#include "app/procure_edit.h"
#include "app/procure_view.h"
#include "http/api.h"

void api_procure_instruments(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = app_procure_instruments(&err);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}

/* Replies with the plan of the query's instrument and as_of, as the caller
 * may see it, or as an OCDS package (a file to save). */
static void reply_plan(struct http_req *r, bool ocds)
{
    const char *instrument, *as_of;
    struct df_err err = {0};
    const struct app_procure_plan *p = NULL;
    json_t *j = NULL;
    if (!api_text_param(r, "instrument", &instrument) || !api_text_param(r, "as_of", &as_of))
        return;
    if (!instrument) {
        http_reply_error(r, 422, "invalid", "instrument is required: edirpa, edip or safe");
        return;
    }
    /* shared with the other threads: each caller's view is cut per request */
    if (!(p = app_procure_plan_asked(r->s, instrument, as_of, &err)))
        goto out;
    j = ocds                  ? app_procure_ocds(r->s, p, &err)
        : api_is_organiser(r) ? app_procure_whole_view(r->s, p, &err)
                              : app_procure_org_view(r->s, p, r->user.org, &err);
    if (j && ocds)   /* the header's value lives as long as the request: in its arena */
        http_reply_header(r, "Content-Disposition",
                          arena_printf(&r->a, "attachment; filename=\"dfnc-ocds-%s-%s.json\"",
                                       p->inst.rules.name, p->as_of));
out:
    app_procure_cache_release(p);
    if (j)
        http_reply_json(r, 200, j);
    else
        http_reply_df_err(r, &err);
}

void api_procure_plan(struct http_req *r) { reply_plan(r, false); }

/* organisers only, by the route's flag */
void api_procure_ocds(struct http_req *r) { reply_plan(r, true); }

/* ---- demands and supplies stated over the API ------------------------------ */

/* A body's field as the importer's text: a string as it is, a number written
 * out, funder_countries joined by ';' (in the request's arena); NULL when
 * absent or null. */
struct body_in {
    json_t *b;
    struct arena *a;
};

static const char *body_field(void *ud, const char *name)
{
    const struct body_in *in = ud;
    json_t *v = json_object_get(in->b, name);
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v))
        return arena_printf(in->a, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    if (json_is_real(v))
        return arena_printf(in->a, "%.17g", json_real_value(v));
    if (!json_is_array(v))
        return NULL;
    struct buf list;
    buf_init(&list, 0);
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e)
        if (buf_printf(&list, "%s%s", i ? ";" : "", json_string_value(e)) < 0)
            break;
    const char *s = arena_strdup(in->a, list.data ? list.data : "");
    buf_free(&list);
    return s;
}

static const struct http_field demand_fields[] = {
    {"buyer", HJ_STRING, .nullable = true, .max = API_ID_MAX},
    {"country", HJ_STRING, .nullable = true, .max = 8},
    {"cpv", HJ_STRING, .nullable = true, .max = 32},
    {"description", HJ_STRING, .nullable = true, .max = API_TEXT_MAX, .lines = true},
    {"quantity", HJ_NUMBER, .nullable = true},
    {"unit", HJ_STRING, .nullable = true, .max = APP_UNIT_MAX},
    {"deliver_by", HJ_STRING, .nullable = true, .max = 32},
    {"max_unit_price_eur", HJ_NUMBER, .nullable = true},
    {"funder_countries", HJ_ARRAY_OF_STRINGS, .nullable = true, .max = APP_FUNDERS_MAX},
    {NULL}};

static const struct http_field supply_fields[] = {
    {"organisation", HJ_STRING, .nullable = true, .max = API_ID_MAX},
    {"cpv", HJ_STRING, .nullable = true, .max = 32},
    {"description", HJ_STRING, .nullable = true, .max = API_TEXT_MAX, .lines = true},
    {"capacity_per_month", HJ_NUMBER, .nullable = true},
    {"unit", HJ_STRING, .nullable = true, .max = APP_UNIT_MAX},
    {"unit_price_eur", HJ_NUMBER, .nullable = true},
    {"lead_time_days", HJ_NUMBER, .nullable = true},
    {"production_country", HJ_STRING, .nullable = true, .max = 8},
    {"eu_content_pct", HJ_NUMBER, .nullable = true},
    {"ua_content_pct", HJ_NUMBER, .nullable = true},
    {NULL}};

static struct app_procure_actor actor_of(const struct http_req *r)
{
    return (struct app_procure_actor){r->user.email, r->user.org, api_is_organiser(r)};
}

/* POST (id NULL) or PUT of a demand or supply: 201 or 200 with its id; a
 * field found wrong is a 422 whose error names it ("field"). */
static void save(struct http_req *r, enum app_procure_kind kind, const char *id)
{
    json_t *b = http_body(r, kind == APP_PROCURE_DEMAND ? demand_fields : supply_fields);
    if (!b)
        return;
    struct df_err err = {0};
    struct body_in body = {b, &r->a};
    struct app_procure_in in = {.get = body_field, .ud = &body};
    struct app_procure_actor who = actor_of(r);
    const char *saved = NULL;
    int rc = app_procure_save(r->s, &who, kind, id, &in, http_server_forum_now(r->srv),
                              &r->a, &saved, &err);
    json_decref(b);
    if (rc == 0)
        http_reply_json(r, id ? 200 : 201, json_pack("{ss}", "id", saved));
    else
        http_reply_df_err_field(r, &err, err.kind == DF_ERR_INPUT ? in.bad : NULL);
}

static void withdraw(struct http_req *r, enum app_procure_kind kind)
{
    struct df_err err = {0};
    struct app_procure_actor who = actor_of(r);
    if (app_procure_remove(r->s, &who, kind, r->params[0], &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss}", "withdrawn", r->params[0]));
}

/* GET of one demand or supply as stored, under the names PUT takes: what a
 * form to change it is filled with (app_procure_get says who may read it). */
static void read_one(struct http_req *r, enum app_procure_kind kind)
{
    struct df_err err = {0};
    struct app_procure_actor who = actor_of(r);
    struct store_demand d;
    struct store_supply x;
    if (app_procure_get(r->s, &who, kind, r->params[0], &r->a, &d, &x, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, app_procure_item_json(kind == APP_PROCURE_DEMAND ? &d : NULL, &x));
}

void api_procure_demand_get(struct http_req *r) { read_one(r, APP_PROCURE_DEMAND); }
void api_procure_supply_get(struct http_req *r) { read_one(r, APP_PROCURE_SUPPLY); }
void api_procure_demand_post(struct http_req *r) { save(r, APP_PROCURE_DEMAND, NULL); }
void api_procure_demand_put(struct http_req *r) { save(r, APP_PROCURE_DEMAND, r->params[0]); }
void api_procure_demand_delete(struct http_req *r) { withdraw(r, APP_PROCURE_DEMAND); }
void api_procure_supply_post(struct http_req *r) { save(r, APP_PROCURE_SUPPLY, NULL); }
void api_procure_supply_put(struct http_req *r) { save(r, APP_PROCURE_SUPPLY, r->params[0]); }
void api_procure_supply_delete(struct http_req *r) { withdraw(r, APP_PROCURE_SUPPLY); }
