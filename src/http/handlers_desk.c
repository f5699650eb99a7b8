/* The organiser's help desk (docs/web.md): one participant's page, for "my
 * meeting vanished" or "I have nothing on Thursday": who they are, whether
 * they have arrived, and their agenda as they see it. Their requests come
 * from GET /requests?person= (handlers_requests.c), a page at a time. And
 * a walk-in registered there (POST /console/people, app/walkin.h) with her
 * sign-in link. */
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "app/checkin.h"
#include "app/invite.h"
#include "app/privacy.h"
#include "app/walkin.h"
#include "core/date.h"
#include "http/api.h"
#include "http/internal.h"
#include "store/store.h"
#include "store/web.h"

/* GET /console/people/{id}: the person with their e-mail, languages and
 * check-in (the forum's day's during it, as the people list says it), and
 * their organisation's names and country. */
void api_console_person(struct http_req *r)
{
    struct df_err err = {0};
    struct store_person p;
    struct store_org o;
    char today[11], yesterday[11];
    bool within;
    const char *came = NULL;   /* during the forum today's arrival, else her last */
    const char *came_before = NULL;   /* her arrival of the forum's day before today */
    long long now = http_server_forum_now(r->srv);
    int has_yesterday = 0;
    if (store_person_get(r->s, r->params[0], &r->a, &p, &err) < 0 ||
        store_org_get(r->s, p.org, &r->a, &o, &err) < 0 ||
        app_checkin_day(r->s, NULL, now, today, &within, &err) < 0 ||
        (within && store_arrival_on(r->s, p.id, today, &r->a, &came, &err) < 0) ||
        (has_yesterday = app_checkin_yesterday(r->s, now, yesterday, &err)) < 0 ||
        (has_yesterday &&
         store_arrival_on(r->s, p.id, yesterday, &r->a, &came_before, &err) < 0)) {
        http_reply_df_err(r, &err);
        return;
    }
    if (!within)
        came = p.checked_in_at;
    json_t *j = api_person_json(&p, true);
    json_object_set_new(j, "organisation_name", json_string(o.name));
    json_object_set_new(j, "organisation_name_uk", api_str_or_null(o.name_uk));
    json_object_set_new(j, "country", json_string(o.country));
    json_object_set_new(j, "checked_in_at", api_str_or_null(came));
    json_object_set_new(j, "last_checked_in_at", api_str_or_null(p.checked_in_at));
    /* the day that arrival counts for: one recorded later for a day before
       has its time of recording */
    json_object_set_new(j, "last_checked_in_day", api_str_or_null(p.checked_in_day));
    json_object_set_new(j, "day", within ? json_string(today) : json_null());
    /* the forum's day before today and her arrival then, for the desk to
     * record one it forgot (README "Arrivals by day") */
    json_object_set_new(j, "yesterday", has_yesterday ? json_string(yesterday) : json_null());
    json_object_set_new(j, "yesterday_checked_in_at", api_str_or_null(came_before));
    http_reply_json(r, 200, j);
}

/* GET /console/people/{id}/data: what GET /me/data gives her. */
void api_console_person_data(struct http_req *r)
{
    api_reply_person_data(r, r->params[0]);
}

/* POST /console/people/{id}/erase {"confirm": id}: her erasure, by an
 * organiser, who names her again in the body (a request replayed, or sent
 * for the wrong page, erases nobody by mistake). */
void api_console_person_erase(struct http_req *r)
{
    static const struct http_field f[] = {
        {"confirm", HJ_STRING, .required = true, .min = 1, .max = 128}, {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    bool same = strcmp(http_json_str(b, "confirm"), r->params[0]) == 0;
    json_decref(b);
    if (!same) {
        http_reply_field_error(r, 422, "confirm_mismatch", "confirm",
                               "confirm must be the id of the person to erase");
        return;
    }
    struct df_err err = {0};
    const struct app_erasure_by by = {.actor = r->user.email,
                                      .now = http_server_forum_now(r->srv)};
    struct app_erasure done;
    if (app_person_erase(r->s, &by, r->params[0], &r->a, &done, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss si si}", "erased", r->params[0], "requests_cancelled",
                                      done.cancelled, "meetings_kept", done.held));
}

/* GET /console/people/{id}/agenda: what GET /me/agenda gives that person. */
void api_console_person_agenda(struct http_req *r)
{
    api_reply_agenda(r, r->params[0], false);
}

bool api_invitation_links_reach(struct http_req *r)
{
    /* links go to people elsewhere: one built from a wildcard or a proxied
     * listening address would not reach them, and those invited would count
     * as pending until it expired */
    if (http_server_links_reach_others(r->srv))
        return true;
    http_reply_error(r, 409, "no_public_url",
                     "invitation links need the forum's public address: serve listens on "
                     "0.0.0.0 or behind a proxy without --public-url (the address "
                     "participants reach it at)");
    return false;
}

bool api_invitation_ask(struct http_req *r, int *days, bool *mail)
{
    static const struct http_field f[] = {
        {"days", HJ_INT, .min = 1, .max = APP_INVITE_DAYS_MAX},
        {"mail", HJ_BOOL, .required = false},
        {NULL}};
    if (!api_invitation_links_reach(r))
        return false;
    json_t *b = NULL;
    if (r->body.len && !(b = http_body(r, f)))
        return false;
    *days = (int)http_json_int(b, "days", APP_INVITE_DAYS);
    *mail = json_is_true(json_object_get(b, "mail"));
    json_decref(b);
    return true;
}

/* The walk-in the body describes (checked by http_body's field list). */
static struct app_walkin walkin_of(json_t *b, const char *base)
{
    json_t *sme = json_object_get(b, "organisation_sme");
    return (struct app_walkin){
        .person = {.id = http_json_str(b, "id"), .org = http_json_str(b, "organisation"),
                   .name = http_json_str(b, "name"), .email = http_json_str(b, "email"),
                   .title = http_json_str(b, "title"),
                   .languages = http_json_str(b, "languages")},
        .org = {.name = http_json_str(b, "organisation_name"),
                .country = http_json_str(b, "organisation_country"),
                .kind = http_json_str(b, "organisation_kind"), .sme = json_is_true(sme)},
        .check_in = json_is_true(json_object_get(b, "check_in")),
        .days = (int)http_json_int(b, "days", APP_INVITE_DAYS),
        .now = (int64_t)time(NULL),
        .base = base};
}

/* A new organisation needs its country and kind; an existing one takes none
 * of its fields. NULL when the body agrees, else the field at fault. */
static const char *org_fields_missing(const struct app_walkin *w, json_t *b)
{
    if (!w->org.name) {
        static const char *const own[] = {"organisation_country", "organisation_kind",
                                          "organisation_sme"};
        for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
            if (json_object_get(b, own[i]))
                return own[i];
        return NULL;
    }
    return !w->org.country ? "organisation_country" : !w->org.kind ? "organisation_kind" : NULL;
}

void api_console_walkin(struct http_req *r)
{
    static const struct http_field f[] = {
        {"id", HJ_STRING, .min = 1, .max = API_ID_MAX},
        {"name", HJ_STRING, .required = true, .min = 1, .max = 300},
        {"email", HJ_STRING, .required = true, .min = 3, .max = 254},
        {"title", HJ_STRING, .nullable = true, .max = 300},
        {"languages", HJ_STRING, .nullable = true, .max = 200},
        {"organisation", HJ_STRING, .required = true, .min = 1, .max = API_ID_MAX},
        {"organisation_name", HJ_STRING, .min = 1, .max = 300},
        {"organisation_country", HJ_STRING, .min = 2, .max = 2},
        {"organisation_kind", HJ_STRING, .min = 1, .max = 20},
        {"organisation_sme", HJ_BOOL, .required = false},
        {"check_in", HJ_BOOL, .required = false},
        {"days", HJ_INT, .min = 1, .max = APP_INVITE_DAYS_MAX},
        {NULL}};
    if (!api_invitation_links_reach(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct app_walkin w = walkin_of(b, http_server_base_url(r->srv));
    w.forum_now = http_server_forum_now(r->srv);
    const char *missing = org_fields_missing(&w, b);
    if (missing) {
        http_reply_field_error(r, 422, "invalid", missing,
                               w.org.name ? "a new organisation needs its country and kind"
                                          : "an existing organisation's fields are not sent: "
                                            "give organisation_name for a new one");
        json_decref(b);
        return;
    }
    struct df_err err = {0};
    struct app_walkin_made made;
    if (app_walkin(r->s, r->user.email, &w, &r->a, &made, &err) < 0) {
        json_decref(b);
        if (err.kind == DF_ERR_INPUT && made.field)
            http_reply_df_err_field(r, &err, made.field); /* its code, for the desk's words */
        else if (err.kind == DF_ERR_CONFLICT && made.field)
            /* who has the address, by code (email_stored, email_login) */
            http_reply_coded_error(r, 409, strcmp(made.field, "email") == 0 ? "email_taken"
                                           : "id_taken", made.field, &err);
        else
            http_reply_df_err(r, &err);
        return;
    }
    json_decref(b);
    api_reply_walkin_made(r, 201, &made);
}

void api_reply_walkin_made(struct http_req *r, int status, struct app_walkin_made *made)
{
    struct df_err err = {0};
    struct store_person p;
    json_t *j = NULL;
    if (store_person_get(r->s, made->person, &r->a, &p, &err) == 0) {
        j = api_person_json(&p, true);
        char expires[DATE_UTC_TEXT_SIZE];
        date_utc_text(made->expires_at, expires);
        json_object_set_new(j, "checked_in_at", api_str_or_null(made->checked_in_at));
        json_object_set_new(j, "contact", json_boolean(made->contact));
        json_object_set_new(j, "link", json_string(made->link));
        json_object_set_new(j, "link_expires_at", json_string(expires));
        json_object_set_new(j, "mailed", json_boolean(made->mailed));
    }
    sodium_memzero(made->link, sizeof made->link);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, status, j);
}

/* POST /console/people/{id}/invitation {"days"?, "mail"?}: a new sign-in
 * link for one participant, made at the desk when she lost her invitation
 * or forgot her password (app_invite_person): 201 {"person","link",
 * "link_expires_at","mailed"}, the link in this reply only. mail true: it
 * is also mailed to her, in the same transaction (409 mail_off when the
 * forum sends no mail). Her earlier link stops working; a password she has
 * works until the new link is used. */
void api_console_person_invitation(struct http_req *r)
{
    int days;
    bool mail;
    if (!api_invitation_ask(r, &days, &mail))
        return;
    struct df_err err = {0};
    char link[APP_INVITE_LINK_MAX];
    int64_t expires_at = 0;
    if (app_invite_person(r->s, r->user.email, r->params[0], days, mail, (int64_t)time(NULL),
                          http_server_base_url(r->srv), link, &expires_at, &r->a, &err) < 0) {
        /* an address another login has, or none: said on the field to mend,
         * by code (no_email, email_invalid, email_other_login) */
        if (err.kind == DF_ERR_INPUT)
            http_reply_coded_error(r, 422, "invalid", "email", &err);
        else if (err.kind == DF_ERR_CONFLICT)
            http_reply_field_error(r, 409, "mail_off", "mail", err.msg);
        else
            http_reply_df_err(r, &err);
        return;
    }
    char expires[DATE_UTC_TEXT_SIZE];
    date_utc_text(expires_at, expires);
    json_t *j = json_pack("{ss ss ss sb}", "person", r->params[0], "link", link,
                          "link_expires_at", expires, "mailed", mail);
    sodium_memzero(link, sizeof link);
    http_reply_json(r, 201, j);
}

/* GET /console/organisation-id?name=: the id a new organisation's name
 * proposes (app_walkin_org_id), for the walk-in form to show before it is
 * saved; "" when the name spells none. */
void api_console_org_id(struct http_req *r)
{
    const char *name = http_url_param(&r->url, "name");
    char id[APP_ORG_ID_PROPOSED_MAX + 1];
    if (!name || !*name) {
        http_reply_field_error(r, 400, "bad_request", "name", "name is required");
        return;
    }
    app_walkin_org_id(name, id);
    http_reply_json(r, 200, json_pack("{ss}", "id", id));
}
