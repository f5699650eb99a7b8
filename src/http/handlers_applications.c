/* Applications to take part (app/applications.h): the public form's two
 * endpoints, which need no login, and the organisers' list, decisions and
 * switch. The public POST has no session and so no CSRF token, as the
 * login: its body must be application/json, which a cross-site form cannot
 * send without a preflight the server never grants. */
#include <string.h>
#include <time.h>

#include "app/applications.h"
#include "app/forum_day.h"
#include "http/api.h"
#include "http/internal.h"
#include "store/store.h"

/* GET /applications/open: whether the forum takes applications, and its
 * event's names and dates for the form to say (event null without one). */
void api_applications_open(struct http_req *r)
{
    struct df_err err = {0};
    int open = store_applications_open_get(r->s, &err);
    if (open < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *ev = json_null();
    struct store_event e;
    const char *id = app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, &err);
    if (id && store_event_get(r->s, id, &r->a, &e, &err) == 0)
        ev = json_pack("{ss so ss ss so so}", "name", e.name, "name_uk",
                       api_str_or_null(e.name_uk), "starts_on", e.starts_on, "ends_on",
                       e.ends_on, "venue", api_str_or_null(e.venue), "venue_uk",
                       api_str_or_null(e.venue_uk));
    else if (err.kind != DF_ERR_NOT_FOUND) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sb so}", "open", open > 0, "event", ev));
}

/* The application the body describes (checked by the field list). */
static struct store_application application_of(json_t *b)
{
    return (struct store_application){
        .name = http_json_str(b, "name"), .email = http_json_str(b, "email"),
        .title = http_json_str(b, "title"), .languages = http_json_str(b, "languages"),
        .org = http_json_str(b, "organisation"), .org_name = http_json_str(b, "organisation_name"),
        .org_country = http_json_str(b, "organisation_country"),
        .org_kind = http_json_str(b, "organisation_kind"),
        .org_sme = json_is_true(json_object_get(b, "organisation_sme")),
        .message = http_json_str(b, "message")};
}

/* Her organisation is one she names by id or a new one with its name,
 * country and kind: NULL when the body says one of them, else the field at
 * fault, *why what is wrong. */
static const char *org_fault(const struct store_application *ap, json_t *b, const char **why)
{
    static const char *const own[] = {"organisation_country", "organisation_kind",
                                      "organisation_sme"};
    if (ap->org && ap->org_name) {
        *why = "give organisation (an existing one's id) or organisation_name (a new one), "
               "not both";
        return "organisation_name";
    }
    *why = "a new organisation needs its name, country and kind";
    if (!ap->org)
        return !ap->org_name ? "organisation_name" : !ap->org_country ? "organisation_country"
               : !ap->org_kind  ? "organisation_kind" : NULL;
    *why = "an existing organisation's fields are not sent: give organisation_name for a new one";
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (json_object_get(b, own[i]))
            return own[i];
    return NULL;
}

/* POST /applications (anyone): 201 {id, status}. */
void api_application_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"name", HJ_STRING, .required = true, .min = 1, .max = 300},
        {"email", HJ_STRING, .required = true, .min = 3, .max = 254},
        {"title", HJ_STRING, .nullable = true, .max = 300},
        {"languages", HJ_STRING, .nullable = true, .max = 200},
        {"organisation", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"organisation_name", HJ_STRING, .min = 1, .max = 300},
        {"organisation_country", HJ_STRING, .min = 2, .max = 2},
        {"organisation_kind", HJ_STRING, .min = 1, .max = 20},
        {"organisation_sme", HJ_BOOL, .required = false},
        /* past its bytes: app_application_send's to refuse, on its field; bounded still */
        {"message", HJ_STRING, .nullable = true, .max = 2 * APP_APPLY_MESSAGE_MAX, .lines = true},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct store_application ap = application_of(b);
    const char *why = NULL, *field = org_fault(&ap, b, &why);
    if (field) {
        http_reply_field_error(r, 422, "invalid", field, why);
        json_decref(b);
        return;
    }
    struct df_err err = {0};
    enum app_apply_refusal refusal;
    int rc = app_application_send(r->s, &ap, r->ip, (int64_t)time(NULL), &r->a, &refusal,
                                  &field, &err);
    json_decref(b); /* ap's strings are b's: read no more of them */
    if (rc == 0) {
        http_reply_json(r, 201, json_pack("{ss ss}", "id", ap.id, "status", "pending"));
        return;
    }
    switch (refusal) {
    case APP_APPLY_CLOSED:
        http_reply_error(r, 409, "closed", "%s", err.msg);
        break;
    case APP_APPLY_INVALID:
        http_reply_df_err_field(r, &err, field);
        break;
    case APP_APPLY_EMAIL_TAKEN:
        http_reply_field_error(r, 409, "email_taken", "email", err.msg);
        break;
    case APP_APPLY_LIMITED:
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
        break;
    case APP_APPLY_FULL:
        http_reply_error(r, 503, "too_many_applications", "%s", err.msg);
        break;
    default:
        http_reply_df_err(r, &err);
    }
}

struct list_out {
    json_t *list;
};

static int application_cb(void *ud, const struct store_application *ap)
{
    struct list_out *o = ud;
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(ap->id));
    json_object_set_new(j, "created_at", json_string(ap->created_at));
    json_object_set_new(j, "status", json_string(ap->status));
    json_object_set_new(j, "name", json_string(ap->name));
    json_object_set_new(j, "email", json_string(ap->email));
    json_object_set_new(j, "title", api_str_or_null(ap->title));
    json_object_set_new(j, "languages", api_str_or_null(ap->languages));
    json_object_set_new(j, "organisation", api_str_or_null(ap->org));
    json_object_set_new(j, "organisation_name", api_str_or_null(ap->org_name));
    json_object_set_new(j, "organisation_country", api_str_or_null(ap->org_country));
    json_object_set_new(j, "organisation_kind", api_str_or_null(ap->org_kind));
    json_object_set_new(j, "organisation_sme", ap->org_name ? json_boolean(ap->org_sme)
                                                            : json_null());
    json_object_set_new(j, "message", api_str_or_null(ap->message));
    json_object_set_new(j, "decided_at", api_str_or_null(ap->decided_at));
    json_object_set_new(j, "decided_by", api_str_or_null(ap->decided_by));
    json_object_set_new(j, "person", api_str_or_null(ap->person));
    json_array_append_new(o->list, j);
    return 0;
}

/* GET /console/applications?status=&limit=&offset=: newest first, with the
 * count of that status and of the pending ones (the console's badge). */
void api_console_applications(struct http_req *r)
{
    static const char *const statuses[] = {"pending", "approved", "declined", "all"};
    const char *status = http_url_param(&r->url, "status");
    bool known = !status;
    for (size_t i = 0; status && i < sizeof statuses / sizeof statuses[0]; i++)
        known = known || strcmp(status, statuses[i]) == 0;
    if (!known) {
        http_reply_field_error(r, 422, "invalid", "status",
                               "status is pending, approved, declined or all");
        return;
    }
    if (status && strcmp(status, "all") == 0)
        status = NULL;
    int limit, offset;
    if (!api_page_params(r, API_PAGE_DEFAULT, &limit, &offset))
        return;
    struct df_err err = {0};
    struct list_out out = {json_array()};
    int64_t total = 0, pending = store_applications_pending_n(r->s, NULL, &err);
    int open = pending < 0 ? -1 : store_applications_open_get(r->s, &err);
    if (open < 0 || store_application_page(r->s, status, limit, offset, application_cb, &out,
                                           &total, &err) != 0) {
        json_decref(out.list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI sI sb so}", "count", (json_int_t)total, "pending",
                                      (json_int_t)pending, "open", open > 0, "applications",
                                      out.list));
}

/* PUT /console/applications/open {open} */
void api_console_applications_open_put(struct http_req *r)
{
    static const struct http_field f[] = {{"open", HJ_BOOL, .required = true}, {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    bool open = json_is_true(json_object_get(b, "open"));
    json_decref(b);
    struct df_err err = {0};
    if (app_applications_open_set(r->s, r->user.email, open, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sb}", "open", open));
}

/* POST /console/applications/{id}/approve: 201 with the person made and her
 * link, once (as a walk-in's), and whether it was mailed to her too. */
void api_console_application_approve(struct http_req *r)
{
    if (!api_invitation_links_reach(r))
        return;
    struct df_err err = {0};
    struct app_walkin_made made;
    if (app_application_approve(r->s, r->user.email, r->params[0],
                                http_server_base_url(r->srv), (int64_t)time(NULL), &r->a,
                                &made, &err) < 0) {
        if (err.kind == DF_ERR_INPUT && made.field)
            http_reply_df_err_field(r, &err, made.field);
        else if (err.kind == DF_ERR_CONFLICT && made.field && strcmp(made.field, "email") == 0)
            http_reply_field_error(r, 409, "email_taken", "email", err.msg);
        else
            http_reply_df_err(r, &err);
        return;
    }
    api_reply_walkin_made(r, 201, &made);
}

/* POST /console/applications/{id}/decline: 200, and whether she was told
 * by mail. */
void api_console_application_decline(struct http_req *r)
{
    struct df_err err = {0};
    bool mailed = false;
    if (app_application_decline(r->s, r->user.email, r->params[0], &mailed, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss ss sb}", "id", r->params[0], "status", "declined",
                                      "mailed", mailed));
}
