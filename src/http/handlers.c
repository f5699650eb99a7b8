/* The JSON API under /api/v1 (docs/api.md): one function per endpoint, the
 * route table at the end. Handlers translate HTTP to app/ and store/ calls and
 * results to JSON; the rules live in app/ (requests.c, auth.c). */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/agenda.h"
#include "app/auth.h"
#include "app/interpreting.h"
#include "app/match.h"
#include "app/requests.h"
#include "app/schedule.h"
#include "app/stats.h"
#include "core/country.h"
#include "core/cpv.h"
#include "core/log.h"
#include "http/cache.h"
#include "http/internal.h"
#include "store/api.h"
#include "store/auth.h"
#include "store/programme.h"
#include "store/store.h"

#define ID_MAX 128
#define TEXT_MAX 4000

static bool is_organiser(const struct http_req *r)
{
    return r->has_user && strcmp(r->user.role, "organiser") == 0;
}

/* jansson refuses NULL strings in "s": this gives JSON null instead. */
static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static void set_cookie(struct http_req *r, const char *token, int max_age)
{
    r->set_cookie = arena_printf(&r->a, "dfnc_session=%s; Path=/; HttpOnly; SameSite=Lax; "
                                        "Max-Age=%d%s", token, max_age,
                                 r->secure ? "; Secure" : "");
}

/* ---- JSON shapes -------------------------------------------------------------- */

static json_t *org_json(const struct store_org *o)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(o->id));
    json_object_set_new(j, "name", json_string(o->name));
    json_object_set_new(j, "name_uk", str_or_null(o->name_uk));
    json_object_set_new(j, "country", json_string(o->country));
    json_object_set_new(j, "kind", json_string(o->kind));
    json_object_set_new(j, "sme", json_boolean(o->sme));
    json_object_set_new(j, "city", str_or_null(o->city));
    json_object_set_new(j, "website", str_or_null(o->website));
    json_object_set_new(j, "description", str_or_null(o->description));
    json_object_set_new(j, "description_uk", str_or_null(o->description_uk));
    return j;
}

/* Email only for organisers and the person themself. */
static json_t *person_json(const struct store_person *p, bool with_email)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(p->id));
    json_object_set_new(j, "organisation", json_string(p->org));
    json_object_set_new(j, "name", json_string(p->name));
    json_object_set_new(j, "title", str_or_null(p->title));
    json_object_set_new(j, "languages", json_string(p->languages ? p->languages : ""));
    if (with_email)
        json_object_set_new(j, "email", str_or_null(p->email));
    return j;
}

static json_t *request_json(const struct store_request *q)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(q->id));
    json_object_set_new(j, "event", json_string(q->event));
    json_object_set_new(j, "from", json_string(q->from));
    json_object_set_new(j, "to", json_string(q->to));
    json_object_set_new(j, "status", json_string(q->status));
    json_object_set_new(j, "priority", json_integer(q->priority));
    json_object_set_new(j, "message", str_or_null(q->message));
    json_object_set_new(j, "created_at", str_or_null(q->created_at));
    return j;
}

static json_t *event_json(const struct store_event *e)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(e->id));
    json_object_set_new(j, "name", json_string(e->name));
    json_object_set_new(j, "venue", str_or_null(e->venue));
    json_object_set_new(j, "timezone", str_or_null(e->timezone));
    json_object_set_new(j, "starts_on", json_string(e->starts_on));
    json_object_set_new(j, "ends_on", json_string(e->ends_on));
    json_object_set_new(j, "request_cap", json_integer(e->request_cap));
    json_object_set_new(j, "published_at", str_or_null(e->published_at));
    return j;
}

/* ---- public --------------------------------------------------------------------- */

static void h_health(struct http_req *r)
{
    http_reply_json(r, 200, json_pack("{ss}", "status", "ok"));
}

static void h_stats(struct http_req *r)
{
    struct df_err err = {0};
    json_t *figures = app_stats_json(r->s, false, &err);
    if (!figures) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, figures);
}

/* ---- sessions -------------------------------------------------------------------- */

static json_t *user_json(const struct store_user *u)
{
    json_t *j = json_object();
    json_object_set_new(j, "email", json_string(u->email));
    json_object_set_new(j, "role", json_string(u->role));
    json_object_set_new(j, "person", str_or_null(u->person));
    json_object_set_new(j, "organisation", str_or_null(u->org));
    return j;
}

static void h_login(struct http_req *r)
{
    static const struct http_field f[] = {
        {"email", HJ_STRING, .required = true, .min = 3, .max = 254},
        {"password", HJ_STRING, .required = true, .min = 1, .max = APP_PASSWORD_MAX},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    char token[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN];
    struct store_user u;
    struct df_err err = {0};
    const struct http_options *o = http_server_options(r->srv);
    enum app_login_result res =
        app_login(r->s, &o->limits, http_json_str(b, "email"), http_json_str(b, "password"),
                  r->ip, (int64_t)time(NULL), token, csrf, &r->a, &u, &err);
    json_decref(b);
    if (res == APP_LOGIN_LIMITED) {
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
    } else if (res == APP_LOGIN_BAD) {
        http_reply_error(r, 401, "bad_credentials", "%s", err.msg);
    } else if (res != APP_LOGIN_OK) {
        http_reply_df_err(r, &err);
    } else {
        set_cookie(r, token, o->limits.session_ttl);
        json_t *j = json_pack("{ss so sI}", "csrf_token", csrf, "user", user_json(&u),
                              "expires_at", (json_int_t)u.expires_at);
        http_reply_json(r, 200, j);
    }
    sodium_memzero(token, sizeof token);
}

static void h_logout(struct http_req *r)
{
    struct df_err err = {0};
    if (app_logout(r->s, r->session_token, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    set_cookie(r, "", 0);
    http_reply_json(r, 200, json_pack("{ss}", "status", "logged_out"));
}

/* ---- me ------------------------------------------------------------------------------ */

static bool is_contact_of(struct http_req *r, const char *org)
{
    if (!r->user.person || !org)
        return false;
    struct df_err err = {0};
    const char *c = store_org_contact(r->s, org, &r->a, &err);
    return c && strcmp(c, r->user.person) == 0;
}

static void h_me(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = json_object();
    json_object_set_new(j, "user", user_json(&r->user));
    json_object_set_new(j, "csrf_token", json_string(r->user.csrf));
    json_object_set_new(j, "expires_at", json_integer(r->user.expires_at));
    struct store_person p;
    struct store_org o;
    if (r->user.person && store_person_get(r->s, r->user.person, &r->a, &p, &err) == 0)
        json_object_set_new(j, "person", person_json(&p, true));
    else
        json_object_set_new(j, "person", json_null());
    if (r->user.org && store_org_get(r->s, r->user.org, &r->a, &o, &err) == 0)
        json_object_set_new(j, "organisation", org_json(&o));
    else
        json_object_set_new(j, "organisation", json_null());
    json_object_set_new(j, "is_contact", json_boolean(is_contact_of(r, r->user.org)));
    http_reply_json(r, 200, j);
}

static bool need_person(struct http_req *r)
{
    if (r->user.person)
        return true;
    http_reply_error(r, 404, "no_person", "this login has no participant profile");
    return false;
}

static void h_me_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"name", HJ_STRING, .min = 1, .max = 200},
        {"title", HJ_STRING, .nullable = true, .max = 200},
        {"languages", HJ_STRING, .max = 100},
        {NULL}};
    if (!need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_person p;
    if (store_person_get(r->s, r->user.person, &r->a, &p, &err) < 0)
        goto fail;
    if (json_object_get(b, "name"))
        p.name = http_json_str(b, "name");
    if (json_object_get(b, "title"))
        p.title = http_json_str(b, "title");
    if (json_object_get(b, "languages"))
        p.languages = http_json_str(b, "languages");
    if (store_person_upsert(r->s, &p, NULL, &err) < 0 ||
        store_audit(r->s, r->user.email, "person.update", "person", p.id, NULL, &err) < 0)
        goto fail;
    http_reply_json(r, 200, person_json(&p, true));
    json_decref(b);
    return;
fail:
    json_decref(b);
    http_reply_df_err(r, &err);
}

/* JSON agendas are wrapped as {"person": ID, "meetings": [...]}, so every API
 * reply is an object. */
static void reply_agenda(struct http_req *r, const char *person, bool ics)
{
    struct buf out = BUF_INIT(8u << 20);
    struct df_err err = {0};
    const char *ctype = ics ? "text/calendar; charset=utf-8" : "application/json; charset=utf-8";
    char *key = arena_printf(&r->a, "%s:%s", ics ? "ics" : "json", person);
    size_t len;
    char *hit = key ? http_cache_get(r->s, key, &len) : NULL;
    if (hit) {
        out.data = hit;
        out.len = len;
        out.cap = len + 1;
        http_reply_buf(r, 200, ctype, &out);
        return;
    }
    int rc;
    if (ics) {
        rc = app_agenda_ics(r->s, person, &out, &err);
    } else {
        json_t *id = json_string(person);
        char *quoted = id ? json_dumps(id, JSON_ENCODE_ANY) : NULL;
        json_decref(id);
        rc = quoted && buf_printf(&out, "{\"person\":%s,\"meetings\":", quoted) == 0
                 ? app_agenda_json(r->s, person, &out, &err)
                 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
        free(quoted);
        if (rc == 0 && buf_putc(&out, '}') < 0)
            rc = df_err_set(&err, DF_ERR_RUNTIME, "the agenda is too big");
    }
    if (rc < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    if (key)
        http_cache_put(key, buf_str(&out), out.len);
    http_reply_buf(r, 200, ctype, &out);
}

static void h_agenda(struct http_req *r)
{
    if (need_person(r))
        reply_agenda(r, r->user.person, false);
}

static void h_agenda_ics(struct http_req *r)
{
    if (need_person(r))
        reply_agenda(r, r->user.person, true);
}

static void h_feed_rotate(struct http_req *r)
{
    if (!need_person(r))
        return;
    char token[APP_TOKEN_LEN];
    struct df_err err = {0};
    if (app_feed_rotate(r->s, r->user.person, token, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    char url[512];
    snprintf(url, sizeof url, "%s/api/v1/feeds/%s.ics", http_server_base_url(r->srv), token);
    http_reply_json(r, 201, json_pack("{ss}", "url", url));
    sodium_memzero(token, sizeof token);
}

static void h_feed(struct http_req *r)
{
    struct df_err err = {0};
    const char *person = app_feed_person(r->s, r->params[0], &r->a, &err);
    if (!person) {
        if (err.kind == DF_ERR_NOT_FOUND)
            http_reply_error(r, 404, "not_found", "no such feed");
        else
            http_reply_df_err(r, &err);
        return;
    }
    reply_agenda(r, person, true);
}

/* Starts a reply {"KEY":"VALUE","LIST": into out (the app layer appends the
 * list, the caller the closing brace); VALUE is JSON-escaped. */
static int open_list_reply(struct buf *out, const char *key, const char *value, const char *list)
{
    json_t *v = json_string(value);
    char *quoted = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
    json_decref(v);
    int rc = quoted && buf_printf(out, "{\"%s\":%s,\"%s\":", key, quoted, list) == 0 ? 0 : -1;
    free(quoted);
    return rc;
}

static void h_suggestions(struct http_req *r)
{
    struct df_err err = {0};
    const char *event = http_url_param(&r->url, "event");
    const char *top_s = http_url_param(&r->url, "top");
    int top = top_s ? atoi(top_s) : 10;
    if (top < 1 || top > 100) {
        http_reply_error(r, 422, "invalid", "top must be between 1 and 100");
        return;
    }
    int region = app_region_parse(http_url_param(&r->url, "region"));
    if (region < 0) {
        http_reply_error(r, 422, "invalid", "region must be eu or ua");
        return;
    }
    const char *sme = http_url_param(&r->url, "sme");
    if (sme && *sme && strcmp(sme, "0") != 0 && strcmp(sme, "1") != 0) {
        http_reply_error(r, 422, "invalid", "sme must be 0 or 1");
        return;
    }
    struct app_match_filter filter = {region, sme && strcmp(sme, "1") == 0};
    if (!need_person(r))
        return;
    struct buf out = BUF_INIT(4u << 20);
    const struct app_match_data *d = http_cache_match(r->s, &err);
    int rc = !d ? -1
             : open_list_reply(&out, "for", r->user.person, "suggestions") == 0
                 ? app_recommend_in(r->s, d, r->user.person, event, top, &filter, &out, &err)
                 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (rc == 0 && buf_putc(&out, '}') < 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "too many suggestions");
    if (rc < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_buf(r, 200, "application/json; charset=utf-8", &out);
}

/* Partners for a project idea led by the caller's organisation: the engine's
 * partner question (dfnc partners) for a participant on the web. */
static void h_partners(struct http_req *r)
{
    static const struct http_field f[] = {
        {"text", HJ_STRING, true, .min = 1, .max = 20000},
        {"top", HJ_INT, .min = 1, .max = 100},
        {"region", HJ_STRING, .nullable = true, .max = 2},
        {"sme", HJ_BOOL, .nullable = true},
        {NULL}};
    if (!need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    int region = app_region_parse(http_json_str(b, "region"));
    if (region < 0) {
        json_decref(b);
        http_reply_error(r, 422, "invalid", "region must be eu or ua");
        return;
    }
    struct app_match_filter filter = {region, json_is_true(json_object_get(b, "sme"))};
    struct df_err err = {0};
    struct store_person p;
    struct buf out = BUF_INIT(4u << 20);
    const struct app_match_data *d = NULL;
    int rc = store_person_get(r->s, r->user.person, &r->a, &p, &err);
    if (rc == 0 && !(d = http_cache_match(r->s, &err)))
        rc = -1;
    if (rc == 0)
        rc = open_list_reply(&out, "lead", p.org, "partners") == 0
                 ? app_partners_in(d, p.org, http_json_str(b, "text"),
                                   (int)http_json_int(b, "top", 10), &filter, &out, &err)
                 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    json_decref(b);
    if (rc == 0 && buf_putc(&out, '}') < 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "too many partners");
    if (rc < 0) {
        buf_free(&out);
        if (err.kind == DF_ERR_USAGE) /* the engine's word for a text it cannot use */
            err.kind = DF_ERR_INPUT;
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_buf(r, 200, "application/json; charset=utf-8", &out);
}

/* ---- organisations and people -------------------------------------------------- */

static int org_list_cb(void *ud, const struct store_org *o)
{
    json_array_append_new(ud, org_json(o));
    return 0;
}

static const char *const org_kinds[] = {"company", "research", "government", "association",
                                        "other", NULL};

static bool is_one_of(const char *v, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(v, *set) == 0)
            return true;
    return false;
}

static bool small_int_param(struct http_req *r, const char *name, int max, int *out)
{
    const char *v = http_url_param(&r->url, name);
    if (!v)
        return true;
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 0 || n > max) {
        http_reply_error(r, 422, "invalid", "%s must be an integer from 0 to %d", name, max);
        return false;
    }
    *out = (int)n;
    return true;
}

static void h_orgs(struct http_req *r)
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
    if (q.kind && !is_one_of(q.kind, org_kinds)) {
        http_reply_error(r, 422, "invalid", "kind must be company, research, government, "
                                            "association or other");
        return;
    }
    if (!small_int_param(r, "limit", 500, &q.limit) ||
        !small_int_param(r, "offset", 1000000, &q.offset))
        return;
    json_t *list = json_array();
    struct df_err err = {0};
    if (store_api_org_search(r->s, &q, org_list_cb, list, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)json_array_size(list),
                                      "organisations", list));
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
    json_object_set_new(j, "description", str_or_null(c->description));
    json_object_set_new(j, "confidential", json_boolean(c->confidential));
    json_array_append_new(strcmp(c->direction, "offer") == 0 ? k->offers : k->needs, j);
    return 0;
}

struct people_ctx {
    json_t *list;
    bool with_email;
};

static int people_cb(void *ud, const struct store_person *p)
{
    struct people_ctx *k = ud;
    json_array_append_new(k->list, person_json(p, k->with_email));
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
    struct caps_ctx k = {json_array(), json_array(), is_organiser(r) || own};
    struct people_ctx pk = {json_array(), is_organiser(r)};
    json_t *j = org_json(&o);
    json_object_set_new(j, "offers", k.offers);
    json_object_set_new(j, "needs", k.needs);
    json_object_set_new(j, "people", pk.list);
    const char *contact = store_org_contact(r->s, id, &r->a, &err);
    json_object_set_new(j, "contact", str_or_null(contact));
    if (store_capability_each(r->s, id, caps_cb, &k, &err) != 0 ||
        store_api_person_each_in_org(r->s, id, people_cb, &pk, &err) != 0) {
        json_decref(j);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, status, j);
}

static void h_org(struct http_req *r) { reply_org(r, r->params[0], 200); }

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
    if (is_organiser(r) || is_contact_of(r, id))
        return true;
    http_reply_error(r, 403, "forbidden", "only the organisation's contact may edit it");
    return false;
}

static void h_org_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"name", HJ_STRING, .min = 1, .max = 300},
        {"name_uk", HJ_STRING, .nullable = true, .max = 300},
        {"country", HJ_STRING, .min = 2, .max = 2},
        {"kind", HJ_STRING, .min = 1, .max = 20},
        {"sme", HJ_BOOL, .required = false},
        {"city", HJ_STRING, .nullable = true, .max = 200},
        {"website", HJ_STRING, .nullable = true, .max = 500},
        {"description", HJ_STRING, .nullable = true, .max = TEXT_MAX},
        {"description_uk", HJ_STRING, .nullable = true, .max = TEXT_MAX},
        {"contact", HJ_STRING, .min = 1, .max = ID_MAX},
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
    if (!country_is_known(o.country)) {
        df_err_set(&err, DF_ERR_INPUT, "country \"%s\" is not an ISO 3166 code", o.country);
        goto fail;
    }
    if (!is_one_of(o.kind, org_kinds)) {
        df_err_set(&err, DF_ERR_INPUT, "kind \"%s\" is not one of company, research, "
                                       "government, association, other", o.kind);
        goto fail;
    }
    /* Organisers name the contact, a person of the organisation. */
    const char *contact = http_json_str(b, "contact");
    struct store_person cp;
    if (contact && !is_organiser(r)) {
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

static void h_org_caps_put(struct http_req *r)
{
    static const struct http_field cap[] = {
        {"direction", HJ_STRING, .required = true, .min = 4, .max = 5},
        {"cpv", HJ_STRING, .required = true, .min = 10, .max = 10},
        {"title", HJ_STRING, .required = true, .min = 1, .max = 300},
        {"description", HJ_STRING, .nullable = true, .max = TEXT_MAX},
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
    json_t *list = json_object_get(b, "capabilities"), *c;
    size_t i;
    json_array_foreach(list, i, c) {
        const char *dir = http_json_str(c, "direction");
        if (strcmp(dir, "offer") != 0 && strcmp(dir, "need") != 0) {
            df_err_set(&err, DF_ERR_INPUT, "capabilities[%zu].direction must be offer or need",
                       i);
            goto fail;
        }
        if (!cpv_is_well_formed(http_json_str(c, "cpv"))) {
            df_err_set(&err, DF_ERR_INPUT, "capabilities[%zu].cpv is not a CPV code like "
                                           "35613000-4", i);
            goto fail;
        }
        /* With the classifier loaded, the code must be in it. */
        int known = store_cpv_count(r->s, &err) > 0
                        ? store_cpv_is_known(r->s, http_json_str(c, "cpv"), &err) : 1;
        if (known < 0)
            goto fail;
        if (!known) {
            df_err_set(&err, DF_ERR_INPUT, "capabilities[%zu].cpv %s is not in the CPV "
                                           "classifier", i, http_json_str(c, "cpv"));
            goto fail;
        }
    }
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (store_api_capability_clear(r->s, id, &err) < 0)
        goto rollback;
    json_array_foreach(list, i, c) {
        struct store_capability sc = {
            .org = id, .direction = http_json_str(c, "direction"),
            .cpv = http_json_str(c, "cpv"), .title = http_json_str(c, "title"),
            .description = http_json_str(c, "description"),
            .confidential = json_is_true(json_object_get(c, "confidential"))};
        if (store_capability_upsert(r->s, &sc, NULL, &err) < 0)
            goto rollback;
    }
    if (store_audit(r->s, r->user.email, "organisation.capabilities", "organisation", id, NULL,
                    &err) < 0 || store_commit(r->s, &err) < 0)
        goto rollback;
    json_decref(b);
    reply_org(r, id, 200);
    return;
rollback:
    store_rollback(r->s);
fail:
    json_decref(b);
    http_reply_df_err(r, &err);
}

static void h_person(struct http_req *r)
{
    struct df_err err = {0};
    struct store_person p;
    if (store_person_get(r->s, r->params[0], &r->a, &p, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    bool self = r->user.person && strcmp(r->user.person, p.id) == 0;
    http_reply_json(r, 200, person_json(&p, self || is_organiser(r)));
}

/* ---- events -------------------------------------------------------------------------- */

static int event_list_cb(void *ud, const struct store_event *e)
{
    json_array_append_new(ud, event_json(e));
    return 0;
}

static void h_events(struct http_req *r)
{
    struct df_err err = {0};
    json_t *list = json_array();
    if (store_event_each(r->s, event_list_cb, list, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{so}", "events", list));
}

static int session_cb(void *ud, const struct store_session *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss ss ss ss}", "id", x->id, "day", x->day,
                                        "name", x->name, "kind", x->kind, "starts_at",
                                        x->starts_at, "ends_at", x->ends_at));
    return 0;
}

static int slot_cb(void *ud, const struct store_slot *x)
{
    json_array_append_new(ud, json_pack("{ss ss si ss ss}", "id", x->id, "session", x->session,
                                        "seq", x->seq, "starts_at", x->starts_at, "ends_at",
                                        x->ends_at));
    return 0;
}

static int location_cb(void *ud, const struct store_location *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss si}", "id", x->id, "name", x->name, "kind",
                                        x->kind, "seats", x->seats));
    return 0;
}

static int interpreter_cb(void *ud, const struct store_interpreter *x)
{
    char pair[8];
    snprintf(pair, sizeof pair, "%.2s-%.2s", x->lang_a, x->lang_b);
    json_array_append_new(ud, json_pack("{ss ss ss ss?}", "id", x->id, "name", x->name, "pair",
                                        pair, "session", x->session));
    return 0;
}

static void reply_event(struct http_req *r, const char *id, int status)
{
    struct df_err err = {0};
    struct store_event e;
    if (store_event_get(r->s, id, &r->a, &e, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = event_json(&e), *ss = json_array(), *sl = json_array(), *lo = json_array(),
           *in = json_array();
    json_object_set_new(j, "sessions", ss);
    json_object_set_new(j, "slots", sl);
    json_object_set_new(j, "locations", lo);
    json_object_set_new(j, "interpreters", in);
    if (store_session_each(r->s, id, session_cb, ss, &err) != 0 ||
        store_slot_each(r->s, id, slot_cb, sl, &err) != 0 ||
        store_location_each(r->s, id, location_cb, lo, &err) != 0 ||
        store_interpreter_each(r->s, id, interpreter_cb, in, &err) != 0) {
        json_decref(j);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, status, j);
}

static void h_event(struct http_req *r) { reply_event(r, r->params[0], 200); }

static const struct http_field slot_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = ID_MAX},
    {"seq", HJ_INT, .required = true, .min = 1, .max = 100000},
    {"starts_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"ends_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {NULL}};
static const struct http_field session_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = ID_MAX},
    {"day", HJ_STRING, .required = true, .min = 10, .max = 10},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"kind", HJ_STRING, .required = true, .min = 3, .max = 10},
    {"starts_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"ends_at", HJ_STRING, .required = true, .min = 16, .max = 40},
    {"slots", HJ_ARRAY_OF_OBJECTS, .max = 200, .of = slot_fields},
    {NULL}};
static const struct http_field location_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = ID_MAX},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"kind", HJ_STRING, .min = 4, .max = 5},
    {"seats", HJ_INT, .min = 1, .max = 1000},
    {NULL}};
static const struct http_field interpreter_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = ID_MAX},
    {"name", HJ_STRING, .required = true, .min = 1, .max = 200},
    {"pair", HJ_STRING, .required = true, .min = 5, .max = 5},
    {"session", HJ_STRING, .nullable = true, .min = 1, .max = ID_MAX},
    {NULL}};
#define EVENT_FIELDS                                                                 \
    {"name", HJ_STRING, .required = true, .min = 1, .max = 300},                     \
    {"venue", HJ_STRING, .nullable = true, .max = 300},                              \
    {"timezone", HJ_STRING, .max = 64},                                              \
    {"starts_on", HJ_STRING, .required = true, .min = 10, .max = 10},                \
    {"ends_on", HJ_STRING, .required = true, .min = 10, .max = 10},                  \
    {"request_cap", HJ_INT, .min = 1, .max = 1000},                                  \
    {"sessions", HJ_ARRAY_OF_OBJECTS, .max = 100, .of = session_fields},             \
    {"locations", HJ_ARRAY_OF_OBJECTS, .max = 5000, .of = location_fields},         \
    {"interpreters", HJ_ARRAY_OF_OBJECTS, .max = 500, .of = interpreter_fields}

static const struct http_field event_post_fields[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = ID_MAX}, EVENT_FIELDS, {NULL}};
static const struct http_field event_put_fields[] = {EVENT_FIELDS, {NULL}};

/* "YYYY-MM-DD" (and, for times, "YYYY-MM-DDTHH:MM" followed by anything ISO
 * 8601 allows): the shape only; the store keeps the text as given. */
static bool is_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    for (int i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return false;
    return s[10] == '\0';
}

static bool is_datetime(const char *s)
{
    static const char shape[] = "dddd-dd-ddTdd:dd";
    for (int i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
            return false;
    return true;
}

/* Checks the dates and times of an event body before anything is written. */
static int check_event_times(json_t *b, struct df_err *err)
{
    if (!is_date(http_json_str(b, "starts_on")) || !is_date(http_json_str(b, "ends_on")))
        return df_err_set(err, DF_ERR_INPUT, "starts_on and ends_on must be dates YYYY-MM-DD");
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(json_object_get(b, "sessions"), i, x) {
        if (!is_date(http_json_str(x, "day")) || !is_datetime(http_json_str(x, "starts_at")) ||
            !is_datetime(http_json_str(x, "ends_at")))
            return df_err_set(err, DF_ERR_INPUT, "sessions[%zu]: day must be YYYY-MM-DD and "
                                                 "starts_at, ends_at ISO 8601 times", i);
        /* Times are local to the event and a session lies within its day, so
         * "YYYY-MM-DDTHH:MM" prefixes compare as times. */
        const char *day = http_json_str(x, "day"), *s0 = http_json_str(x, "starts_at"),
                   *s1 = http_json_str(x, "ends_at");
        if (strncmp(s0, day, 10) || strncmp(s1, day, 10))
            return df_err_set(err, DF_ERR_INPUT, "sessions[%zu] must start and end on its day", i);
        if (strcmp(day, http_json_str(b, "starts_on")) < 0 ||
            strcmp(day, http_json_str(b, "ends_on")) > 0)
            return df_err_set(err, DF_ERR_INPUT, "sessions[%zu].day is outside the event's dates",
                              i);
        if (strncmp(s1, s0, 16) <= 0)
            return df_err_set(err, DF_ERR_INPUT, "sessions[%zu] ends before it starts", i);
        json_array_foreach(json_object_get(x, "slots"), k, y) {
            const char *t0 = http_json_str(y, "starts_at"), *t1 = http_json_str(y, "ends_at");
            if (!is_datetime(t0) || !is_datetime(t1))
                return df_err_set(err, DF_ERR_INPUT, "sessions[%zu].slots[%zu]: starts_at and "
                                                     "ends_at must be ISO 8601 times", i, k);
            if (strncmp(t1, t0, 16) <= 0 || strncmp(t0, s0, 16) < 0 || strncmp(t1, s1, 16) > 0)
                return df_err_set(err, DF_ERR_INPUT, "sessions[%zu].slots[%zu] must end after it "
                                                     "starts and lie within its session", i, k);
        }
    }
    return 0;
}

/* Writes an event and its programme in one transaction. */
static int save_event(struct http_req *r, const char *id, json_t *b, struct df_err *err)
{
    struct store_event e = {.id = id, .name = http_json_str(b, "name"),
                            .venue = http_json_str(b, "venue"),
                            .timezone = http_json_str(b, "timezone"),
                            .starts_on = http_json_str(b, "starts_on"),
                            .ends_on = http_json_str(b, "ends_on"),
                            .request_cap = (int)http_json_int(b, "request_cap", 20)};
    if (check_event_times(b, err) < 0)
        return -1;
    if (strcmp(e.starts_on, e.ends_on) > 0)
        return df_err_set(err, DF_ERR_INPUT, "starts_on is after ends_on");
    if (store_begin(r->s, err) < 0)
        return -1;
    if (store_event_upsert(r->s, &e, NULL, err) < 0)
        goto fail;
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(json_object_get(b, "sessions"), i, x) {
        const char *kind = http_json_str(x, "kind");
        if (strcmp(kind, "b2b") && strcmp(kind, "conference") && strcmp(kind, "break")) {
            df_err_set(err, DF_ERR_INPUT, "sessions[%zu].kind must be b2b, conference or break",
                       i);
            goto fail;
        }
        struct store_session ss = {.id = http_json_str(x, "id"), .event = id,
                                   .day = http_json_str(x, "day"),
                                   .name = http_json_str(x, "name"), .kind = kind,
                                   .starts_at = http_json_str(x, "starts_at"),
                                   .ends_at = http_json_str(x, "ends_at")};
        if (store_session_upsert(r->s, &ss, err) < 0)
            goto fail;
        json_array_foreach(json_object_get(x, "slots"), k, y) {
            struct store_slot sl = {.id = http_json_str(y, "id"), .session = ss.id,
                                    .seq = (int)http_json_int(y, "seq", 1),
                                    .starts_at = http_json_str(y, "starts_at"),
                                    .ends_at = http_json_str(y, "ends_at")};
            if (store_slot_upsert(r->s, &sl, err) < 0)
                goto fail;
        }
    }
    json_array_foreach(json_object_get(b, "locations"), i, x) {
        const char *kind = http_json_str(x, "kind");
        if (kind && strcmp(kind, "table") && strcmp(kind, "room") && strcmp(kind, "booth")) {
            df_err_set(err, DF_ERR_INPUT, "locations[%zu].kind must be table, room or booth", i);
            goto fail;
        }
        struct store_location lo = {.id = http_json_str(x, "id"), .event = id,
                                    .name = http_json_str(x, "name"),
                                    .kind = kind ? kind : "table",
                                    .seats = (int)http_json_int(x, "seats", 4)};
        if (store_location_upsert(r->s, &lo, err) < 0)
            goto fail;
    }
    json_array_foreach(json_object_get(b, "interpreters"), i, x) {
        char la[3], lb[3];
        struct df_err bad = {0};
        if (app_language_pair(http_json_str(x, "pair"), la, lb, &bad) < 0) {
            df_err_set(err, DF_ERR_INPUT, "interpreters[%zu]: %s", i, bad.msg);
            goto fail;
        }
        struct store_interpreter in = {.id = http_json_str(x, "id"), .event = id,
                                       .name = http_json_str(x, "name"), .lang_a = la,
                                       .lang_b = lb, .session = http_json_str(x, "session")};
        if (store_interpreter_upsert(r->s, &in, NULL, err) < 0)
            goto fail;
    }
    if (store_audit(r->s, r->user.email, "event.save", "event", id, NULL, err) < 0 ||
        store_commit(r->s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(r->s);
    return -1;
}

static void h_event_post(struct http_req *r)
{
    json_t *b = http_body(r, event_post_fields);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_event old;
    const char *id = arena_strdup(&r->a, http_json_str(b, "id"));
    if (store_event_get(r->s, id, &r->a, &old, &err) == 0) {
        json_decref(b);
        http_reply_error(r, 409, "conflict", "event \"%s\" exists already; PUT changes it", id);
        return;
    }
    err = (struct df_err){0};
    int rc = save_event(r, id, b, &err);
    json_decref(b);
    if (rc < 0)
        http_reply_df_err(r, &err);
    else
        reply_event(r, id, 201);
}

static void h_event_put(struct http_req *r)
{
    struct df_err err = {0};
    struct store_event old;
    if (store_event_get(r->s, r->params[0], &r->a, &old, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *b = http_body(r, event_put_fields);
    if (!b)
        return;
    int rc = save_event(r, r->params[0], b, &err);
    json_decref(b);
    if (rc < 0)
        http_reply_df_err(r, &err);
    else
        reply_event(r, r->params[0], 200);
}

/* DELETE /events/{id}/{sessions,locations,interpreters}/{item}: the item goes,
 * with what store/programme.h says; the reply counts the meetings touched. */
typedef int (*remove_fn)(struct store *, const char *, const char *, int *, struct df_err *);

static void remove_item(struct http_req *r, remove_fn fn, const char *action, const char *counted)
{
    struct df_err err = {0};
    int n = 0;
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (fn(r->s, r->params[0], r->params[1], &n, &err) < 0 ||
        store_audit(r->s, r->user.email, action, "event", r->params[0], r->params[1], &err) < 0 ||
        store_commit(r->s, &err) < 0) {
        store_rollback(r->s);
        goto fail;
    }
    http_reply_json(r, 200, json_pack("{ss si}", "removed", r->params[1], counted, n));
    return;
fail:
    http_reply_df_err(r, &err);
}

static void h_session_delete(struct http_req *r)
{
    remove_item(r, store_session_remove, "session.remove", "meetings_unscheduled");
}

static void h_location_delete(struct http_req *r)
{
    remove_item(r, store_location_remove, "location.remove", "meetings_unscheduled");
}

static void h_interpreter_delete(struct http_req *r)
{
    remove_item(r, store_interpreter_remove, "interpreter.remove", "meetings_without_interpreter");
}

/* The last schedule run's reasons per event, for GET .../unscheduled. */
static pthread_mutex_t reasons_lock = PTHREAD_MUTEX_INITIALIZER;
static json_t *reasons; /* {event: {request: reason}} */

static void remember_reasons(const struct app_schedule_report *rep)
{
    json_t *m = json_object();
    for (int i = 0; i < rep->unscheduled_n; i++)
        json_object_set_new(m, rep->unscheduled[i].request,
                            json_string(rep->unscheduled[i].reason));
    pthread_mutex_lock(&reasons_lock);
    if (!reasons)
        reasons = json_object();
    json_object_set_new(reasons, rep->event, m);
    pthread_mutex_unlock(&reasons_lock);
}

static void h_schedule(struct http_req *r)
{
    static const struct http_field f[] = {
        {"time_limit", HJ_INT, .min = 1, .max = 600},
        {"seed", HJ_INT, .min = 0, .max = 1000000},
        {"reschedule_locked", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = NULL;
    if (r->body.len && !(b = http_body(r, f)))
        return;
    struct df_err err = {0};
    struct app_schedule_opts o = {
        .event = r->params[0], .time_limit = (double)http_json_int(b, "time_limit", 10),
        .seed = (unsigned)http_json_int(b, "seed", 1),
        .reschedule_locked = json_is_true(json_object_get(b, "reschedule_locked"))};
    json_decref(b);
    struct app_schedule_report rep;
    if (app_schedule_event(r->s, &o, &r->a, &rep, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    remember_reasons(&rep);
    store_audit(r->s, r->user.email, "event.schedule", "event", o.event, NULL, &err);
    json_t *warn = json_array();
    for (int i = 0; i < rep.warnings_n; i++)
        json_array_append_new(warn, json_pack("{ss ss}", "request", rep.warnings[i].request,
                                              "warning", rep.warnings[i].warning));
    http_reply_json(r, 200, json_pack("{ss si si si si sf si so}", "event", rep.event,
                                      "accepted", rep.accepted, "scheduled", rep.scheduled,
                                      "upper_bound", rep.upper_bound, "breaks", rep.breaks,
                                      "seconds", rep.seconds, "unscheduled", rep.unscheduled_n,
                                      "warnings", warn));
}

static void h_publish(struct http_req *r)
{
    struct df_err err = {0};
    const char *id = r->params[0];
    struct store_event e;
    if (store_event_get(r->s, id, &r->a, &e, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    if (store_begin(r->s, &err) < 0)
        goto fail;
    if (store_meeting_lock_all(r->s, id, true, &err) < 0 ||
        store_event_set_published(r->s, id, true, &err) < 0 ||
        store_audit(r->s, r->user.email, "event.publish", "event", id, NULL, &err) < 0 ||
        store_commit(r->s, &err) < 0) {
        store_rollback(r->s);
        goto fail;
    }
    reply_event(r, id, 200);
    return;
fail:
    http_reply_df_err(r, &err);
}

struct unsched_ctx {
    json_t *scheduled, *list, *why;
};

static int meeting_mark_cb(void *ud, const struct store_meeting *m)
{
    struct unsched_ctx *k = ud;
    json_object_set_new(k->scheduled, m->request, json_true());
    return 0;
}

static int unsched_cb(void *ud, const struct store_request *q)
{
    struct unsched_ctx *k = ud;
    if (json_object_get(k->scheduled, q->id))
        return 0;
    const char *why = json_string_value(json_object_get(k->why, q->id));
    json_t *j = request_json(q);
    json_object_set_new(j, "reason", json_string(why ? why : "not scheduled yet"));
    json_array_append_new(k->list, j);
    return 0;
}

static void h_unscheduled(struct http_req *r)
{
    struct df_err err = {0};
    struct store_event e;
    if (store_event_get(r->s, r->params[0], &r->a, &e, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    struct unsched_ctx k = {json_object(), json_array(), NULL};
    pthread_mutex_lock(&reasons_lock);
    k.why = json_deep_copy(json_object_get(reasons, e.id));
    pthread_mutex_unlock(&reasons_lock);
    int rc = store_meeting_each(r->s, e.id, NULL, meeting_mark_cb, &k, &err);
    if (rc == 0)
        rc = store_request_each(r->s, e.id, "accepted", unsched_cb, &k, &err);
    json_decref(k.scheduled);
    json_decref(k.why);
    if (rc != 0) {
        json_decref(k.list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sI so}", "event", e.id, "count",
                                      (json_int_t)json_array_size(k.list), "unscheduled",
                                      k.list));
}

/* ---- requests ------------------------------------------------------------------------ */

static const char *const statuses[] = {"pending", "accepted", "declined", "cancelled", NULL};

struct req_list_ctx {
    json_t *list;
    const char *status, *me;
};

static int req_list_cb(void *ud, const struct store_request *q)
{
    struct req_list_ctx *k = ud;
    if (k->status && strcmp(q->status, k->status) != 0)
        return 0;
    json_t *j = request_json(q);
    if (k->me)
        json_object_set_new(j, "direction",
                            json_string(strcmp(q->from, k->me) == 0 ? "sent" : "received"));
    json_array_append_new(k->list, j);
    return 0;
}

static void h_requests(struct http_req *r)
{
    struct df_err err = {0};
    const char *event = http_url_param(&r->url, "event");
    const char *status = http_url_param(&r->url, "status");
    if (status && !is_one_of(status, statuses)) {
        http_reply_error(r, 422, "invalid", "status must be pending, accepted, declined or "
                                            "cancelled");
        return;
    }
    struct req_list_ctx k = {json_array(), status, r->user.person};
    int rc;
    if (r->user.person) /* a participant (or an organiser with a profile) sees their own */
        rc = store_api_request_each_for(r->s, r->user.person, event, req_list_cb, &k, &err);
    else
        rc = store_request_each(r->s, event, status, req_list_cb, &k, &err);
    if (rc != 0) {
        json_decref(k.list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)json_array_size(k.list),
                                      "requests", k.list));
}

static void h_request_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"event", HJ_STRING, .min = 1, .max = ID_MAX},
        {"to", HJ_STRING, .required = true, .min = 1, .max = ID_MAX},
        {"message", HJ_STRING, .nullable = true, .max = 2000},
        {"priority", HJ_INT, .min = 0, .max = 9},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct store_request q;
    const char *event = http_json_str(b, "event");
    if (!event && !(event = store_event_default(r->s, &r->a, &err))) {
        json_decref(b);
        http_reply_df_err(r, &err);
        return;
    }
    int rc = app_request_send(r->s, r->user.person, event, http_json_str(b, "to"),
                              http_json_str(b, "message"), (int)http_json_int(b, "priority", 1),
                              &r->a, &q, &err);
    json_decref(b);
    if (rc < 0)
        http_reply_df_err(r, &err);
    else
        http_reply_json(r, 201, request_json(&q));
}

static void h_request_get(struct http_req *r)
{
    struct df_err err = {0};
    struct store_request q;
    if (store_request_get(r->s, r->params[0], &r->a, &q, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    bool party = r->user.person &&
                 (strcmp(q.from, r->user.person) == 0 || strcmp(q.to, r->user.person) == 0);
    if (!party && !is_organiser(r)) {
        http_reply_error(r, 404, "not_found", "no request \"%s\"", r->params[0]);
        return;
    }
    http_reply_json(r, 200, request_json(&q));
}

static void request_act(struct http_req *r, enum app_request_action act)
{
    struct df_err err = {0};
    struct store_request q;
    int rescheduled = 0;
    /* Organisers without a profile are no party: 404 like anyone else's. */
    if (app_request_act(r->s, r->user.person, r->params[0], act, &r->a, &q, &rescheduled,
                        &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *j = request_json(&q);
    json_object_set_new(j, "rescheduled", json_boolean(rescheduled));
    http_reply_json(r, 200, j);
}

static void h_accept(struct http_req *r) { request_act(r, APP_REQUEST_ACCEPT); }
static void h_decline(struct http_req *r) { request_act(r, APP_REQUEST_DECLINE); }
static void h_cancel(struct http_req *r) { request_act(r, APP_REQUEST_CANCEL); }

/* ---- the route table ------------------------------------------------------------------ */

const struct http_route http_routes[] = {
    {"GET", "/api/v1/health", h_health, ROUTE_PUBLIC},
    {"GET", "/api/v1/stats", h_stats, ROUTE_PUBLIC},
    {"POST", "/api/v1/session", h_login, ROUTE_PUBLIC | ROUTE_NO_CSRF},
    {"DELETE", "/api/v1/session", h_logout, 0},
    {"GET", "/api/v1/me", h_me, 0},
    {"PUT", "/api/v1/me", h_me_put, 0},
    {"GET", "/api/v1/me/agenda", h_agenda, 0},
    {"GET", "/api/v1/me/agenda.ics", h_agenda_ics, 0},
    {"POST", "/api/v1/me/feed", h_feed_rotate, 0},
    {"GET", "/api/v1/me/suggestions", h_suggestions, 0},
    {"POST", "/api/v1/me/partners", h_partners, ROUTE_NO_WRITE},
    {"GET", "/api/v1/feeds/{token}.ics", h_feed, ROUTE_PUBLIC | ROUTE_SECRET_PATH},
    {"GET", "/api/v1/organisations", h_orgs, 0},
    {"GET", "/api/v1/organisations/{id}", h_org, 0},
    {"PUT", "/api/v1/organisations/{id}", h_org_put, 0},
    {"PUT", "/api/v1/organisations/{id}/capabilities", h_org_caps_put, 0},
    {"GET", "/api/v1/people/{id}", h_person, 0},
    {"GET", "/api/v1/events", h_events, 0},
    {"POST", "/api/v1/events", h_event_post, ROUTE_ORGANISER},
    {"GET", "/api/v1/events/{id}", h_event, 0},
    {"PUT", "/api/v1/events/{id}", h_event_put, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/sessions/{item}", h_session_delete, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/locations/{item}", h_location_delete, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/interpreters/{item}", h_interpreter_delete, ROUTE_ORGANISER},
    {"POST", "/api/v1/events/{id}/schedule", h_schedule, ROUTE_ORGANISER},
    {"POST", "/api/v1/events/{id}/publish", h_publish, ROUTE_ORGANISER},
    {"GET", "/api/v1/events/{id}/unscheduled", h_unscheduled, ROUTE_ORGANISER},
    {"GET", "/api/v1/requests", h_requests, 0},
    {"POST", "/api/v1/requests", h_request_post, 0},
    {"GET", "/api/v1/requests/{id}", h_request_get, 0},
    {"POST", "/api/v1/requests/{id}/accept", h_accept, 0},
    {"POST", "/api/v1/requests/{id}/decline", h_decline, 0},
    {"POST", "/api/v1/requests/{id}/cancel", h_cancel, 0},
};

const int http_routes_n = sizeof http_routes / sizeof http_routes[0];
