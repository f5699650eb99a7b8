/* The JSON API's organisations and people (docs/api.md): the directory,
 * a profile, its edits and its capabilities. */
#include <string.h>

#include "app/capabilities.h"
#include "app/fields.h"
#include "core/country.h"
#include "http/api.h"
#include "store/api.h"
#include "store/store.h"

static int org_list_cb(void *ud, const struct store_org *o)
{
    json_array_append_new(ud, api_org_json(o));
    return 0;
}

static const char *const org_kinds[] = {"company", "research", "government", "association",
                                        "other", NULL};

void api_orgs(struct http_req *r)
{
    struct store_org_query q = {.q = http_url_param(&r->url, "q"),
                                .country = http_url_param(&r->url, "country"),
                                .kind = http_url_param(&r->url, "kind"), .limit = 100};
    if (q.q && (!*q.q || strlen(q.q) > 200)) {
        http_reply_error(r, 422, "invalid", "q must have 1 to 200 bytes");
        return;
    }
    if (q.country && !country_is_known(q.country)) {
        http_reply_error(r, 422, "invalid", "country must be an ISO 3166 alpha-2 code");
        return;
    }
    if (q.kind && !api_is_one_of(q.kind, org_kinds)) {
        http_reply_error(r, 422, "invalid", "kind must be company, research, government, "
                                            "association or other");
        return;
    }
    if (!api_int_param(r, "limit", 0, 500, q.limit, &q.limit) ||
        !api_int_param(r, "offset", 0, 1000000, 0, &q.offset))
        return;
    json_t *list = json_array();
    struct df_err err = {0};
    int64_t total = 0;
    if (store_api_org_search(r->s, &q, org_list_cb, list, &total, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)total, "organisations", list));
}

struct caps_ctx {
    json_t *offers, *needs;
    bool confidential_too;
};

static int caps_cb(void *ud, const struct store_capability *c)
{
    struct caps_ctx *k = ud;
    if (c->confidential && !k->confidential_too)
        return 0;
    json_t *j = json_object();
    json_object_set_new(j, "cpv", json_string(c->cpv));
    json_object_set_new(j, "title", json_string(c->title));
    json_object_set_new(j, "description", api_str_or_null(c->description));
    json_object_set_new(j, "confidential", json_boolean(c->confidential));
    json_array_append_new(strcmp(c->direction, "offer") == 0 ? k->offers : k->needs, j);
    return 0;
}

struct people_ctx {
    json_t *list;
    bool with_email;    /* everyone's (an organiser asks) */
    const char *self;   /* the asking person, who sees their own; NULL for none */
};

static int people_cb(void *ud, const struct store_person *p)
{
    struct people_ctx *k = ud;
    bool self = k->self && strcmp(k->self, p->id) == 0;
    json_array_append_new(k->list, api_person_json(p, k->with_email || self));
    return 0;
}

static void reply_org(struct http_req *r, const char *id, int status)
{
    struct df_err err = {0};
    struct store_org o;
    if (store_org_get(r->s, id, &r->a, &o, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    /* A confidential need is for organisers (and the organisation's own people). */
    bool own = r->user.org && strcmp(r->user.org, id) == 0;
    struct caps_ctx k = {json_array(), json_array(), api_is_organiser(r) || own};
    struct people_ctx pk = {json_array(), api_is_organiser(r), r->user.person};
    json_t *j = api_org_json(&o);
    json_object_set_new(j, "offers", k.offers);
    json_object_set_new(j, "needs", k.needs);
    json_object_set_new(j, "people", pk.list);
    const char *contact = store_org_contact(r->s, id, &r->a, &err);
    json_object_set_new(j, "contact", api_str_or_null(contact));
    if (store_capability_each(r->s, id, caps_cb, &k, &err) != 0 ||
        store_api_person_each_in_org(r->s, id, people_cb, &pk, &err) != 0) {
        json_decref(j);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, status, j);
}

void api_org(struct http_req *r) { reply_org(r, r->params[0], 200); }

/* Organisers, and the organisation's contact, may edit it. 404 when it does not
 * exist, 403 otherwise. */
static bool may_edit_org(struct http_req *r, const char *id)
{
    struct df_err err = {0};
    int ex = store_org_exists(r->s, id, &err);
    if (ex <= 0) {
        if (ex < 0)
            http_reply_df_err(r, &err);
        else
            http_reply_error(r, 404, "not_found", "no organisation \"%s\"", id);
        return false;
    }
    if (api_is_organiser(r) || api_is_contact_of(r, id))
        return true;
    http_reply_error(r, 403, "forbidden", "only the organisation's contact may edit it");
    return false;
}

void api_org_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"name", HJ_STRING, .min = 1, .max = 300},
        {"name_uk", HJ_STRING, .nullable = true, .max = 300},
        {"country", HJ_STRING, .min = 2, .max = 2},
        {"kind", HJ_STRING, .min = 1, .max = 20},
        {"sme", HJ_BOOL, .required = false},
        {"city", HJ_STRING, .nullable = true, .max = 200},
        {"website", HJ_STRING, .nullable = true, .max = 500},
        {"description", HJ_STRING, .nullable = true, .max = API_TEXT_MAX, .lines = true},
        {"description_uk", HJ_STRING, .nullable = true, .max = API_TEXT_MAX,
         .lines = true},
        {"contact", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {NULL}};
    const char *id = r->params[0];
    if (!may_edit_org(r, id))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_org o;
    if (store_org_get(r->s, id, &r->a, &o, &err) < 0)
        goto fail;
    const char **fields[] = {&o.name, &o.name_uk, &o.country, &o.kind, &o.city,
                             &o.website, &o.description, &o.description_uk};
    const char *names[] = {"name", "name_uk", "country", "kind", "city",
                           "website", "description", "description_uk"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (json_object_get(b, names[i]))
            *fields[i] = http_json_str(b, names[i]);
    if (json_object_get(b, "sme"))
        o.sme = json_is_true(json_object_get(b, "sme"));
    if (app_country_check("country", o.country, &err) < 0 ||
        app_org_kind_check(o.kind, &err) < 0)
        goto fail;
    /* the web UI links it: only a web address, a bare host read as http://
     * as the import reads it (a stored one is judged when it is sent again) */
    char website[APP_WEBSITE_MAX + sizeof "http://"];
    if (http_json_str(b, "website") &&
        !(o.website = app_website_read(o.website, website, sizeof website, &err))) {
        json_decref(b);
        http_reply_df_err_field(r, &err, "website");   /* what is wrong with it, by code */
        return;
    }
    /* Organisers name the contact, a person of the organisation. */
    const char *contact = http_json_str(b, "contact");
    struct store_person cp;
    if (contact && !api_is_organiser(r)) {
        df_err_set(&err, DF_ERR_FORBIDDEN, "only organisers name an organisation's contact");
        goto fail;
    }
    if (contact && (store_person_get(r->s, contact, &r->a, &cp, &err) < 0 ||
                    strcmp(cp.org, id) != 0)) {
        if (err.kind != DF_ERR_RUNTIME)
            df_err_set(&err, DF_ERR_INPUT, "contact \"%s\" is not a person of \"%s\"", contact,
                       id);
        goto fail;
    }
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (store_org_upsert(r->s, &o, NULL, &err) < 0 ||
        (contact && store_org_contact_set(r->s, id, contact, &err) < 0) ||
        store_audit(r->s, r->user.email, "organisation.update", "organisation", id, NULL,
                    &err) < 0 || store_commit(r->s, &err) < 0) {
        store_rollback(r->s);
        goto fail;
    }
    json_decref(b);
    reply_org(r, id, 200);
    return;
fail:
    json_decref(b);
    http_reply_df_err(r, &err);
}

void api_org_caps_put(struct http_req *r)
{
    static const struct http_field cap[] = {
        {"direction", HJ_STRING, .required = true, .min = 4, .max = 5},
        {"cpv", HJ_STRING, .required = true, .min = 10, .max = 10},
        {"title", HJ_STRING, .required = true, .min = 1, .max = 300},
        {"description", HJ_STRING, .nullable = true, .max = API_TEXT_MAX, .lines = true},
        {"confidential", HJ_BOOL, .required = false},
        {NULL}};
    static const struct http_field f[] = {
        {"capabilities", HJ_ARRAY_OF_OBJECTS, .required = true, .max = 200, .of = cap},
        {NULL}};
    const char *id = r->params[0];
    if (!may_edit_org(r, id))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    const char *field = NULL; /* the item's field refused, for the page */
    json_t *list = json_object_get(b, "capabilities"), *c;
    size_t i;
    json_array_foreach(list, i, c) {
        const char *dir = http_json_str(c, "direction");
        if (strcmp(dir, "offer") != 0 && strcmp(dir, "need") != 0) {
            df_err_set(&err, DF_ERR_INPUT, "capabilities[%zu].direction must be offer or need",
                       i);
            goto fail;
        }
        /* the form, and with the classifier loaded, the code must be in it */
        if (app_cpv_check(r->s, http_json_str(c, "cpv"), &err) < 0) {
            if (err.kind == DF_ERR_INPUT) {
                df_err_prefix(&err, "capabilities[%zu]", i);
                field = arena_printf(&r->a, "capabilities[%zu].cpv", i);
            }
            goto fail;
        }
    }
    size_t n = json_array_size(list);
    struct store_capability *caps = arena_alloc(&r->a, (n + 1) * sizeof *caps);
    if (!caps) {
        df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    json_array_foreach(list, i, c)
        caps[i] = (struct store_capability){
            .org = id, .direction = http_json_str(c, "direction"),
            .cpv = http_json_str(c, "cpv"), .title = http_json_str(c, "title"),
            .description = http_json_str(c, "description"),
            .confidential = json_is_true(json_object_get(c, "confidential"))};
    if (app_capabilities_replace(r->s, r->user.email, id, caps, (int)n, NULL, &err) < 0)
        goto fail;
    json_decref(b);
    reply_org(r, id, 200);
    return;
fail:
    json_decref(b);
    http_reply_df_err_field(r, &err, field);
}

void api_person(struct http_req *r)
{
    struct df_err err = {0};
    struct store_person p;
    if (store_person_get(r->s, r->params[0], &r->a, &p, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    /* gone from the directory; the organisers still see her tombstone */
    if (p.erased_at && !api_is_organiser(r)) {
        http_reply_error(r, 404, "not_found", "no person \"%.128s\"", p.id);
        return;
    }
    bool self = r->user.person && strcmp(r->user.person, p.id) == 0;
    http_reply_json(r, 200, api_person_json(&p, self || api_is_organiser(r)));
}
