/* The JSON API under /api/v1 (docs/api.md): one function per endpoint.
 * Here the public ones, sessions and the caller's own pages (profile,
 * agenda, suggestions, partners), and the route table at the end; the
 * other resources in handlers_orgs.c, handlers_events.c and
 * handlers_requests.c (api.h). Handlers translate HTTP to app/ and store/
 * calls and results to JSON; the rules live in app/ (requests.c, auth.c). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/agenda.h"
#include "app/auth.h"
#include "app/fields.h"
#include "app/forum_day.h"
#include "app/match.h"
#include "app/privacy.h"
#include "app/procure_view.h"
#include "app/reset.h"
#include "app/stats.h"
#include "core/date.h"
#include "http/api.h"
#include "http/cache.h"
#include "store/applications.h"
#include "store/auth.h"
#include "store/messages.h"
#include "store/store.h"

static void set_cookie(struct http_req *r, const char *token, int max_age)
{
    r->set_cookie = arena_printf(&r->a, "dfnc_session=%s; Path=/; HttpOnly; SameSite=Lax; "
                                        "Max-Age=%d%s", token, max_age,
                                 r->secure ? "; Secure" : "");
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
    json_object_set_new(j, "person", api_str_or_null(u->person));
    json_object_set_new(j, "organisation", api_str_or_null(u->org));
    return j;
}

/* A password in a body: never read back into an error message. */
#define PASSWORD_FIELD                                                                    \
    { "password", HJ_STRING, .required = true, .min = 1, .max = APP_PASSWORD_MAX,          \
      .unread = true }

/* The reply of a session opened (a login, an invitation used): its cookie,
 * and the CSRF token and the user in the body. */
static void reply_session(struct http_req *r, const struct store_user *u, const char *token,
                          const char *csrf)
{
    /* the access log then says whose login this opened, from where */
    r->user = *u;
    r->has_user = true;
    set_cookie(r, token, http_server_options(r->srv)->limits.session_ttl);
    http_reply_json(r, 200, json_pack("{ss so sI}", "csrf_token", csrf, "user", user_json(u),
                                      "expires_at", (json_int_t)u->expires_at));
}

static void h_login(struct http_req *r)
{
    static const struct http_field f[] = {
        {"email", HJ_STRING, .required = true, .min = 3, .max = 254},
        PASSWORD_FIELD,
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    char token[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN], device[APP_TOKEN_LEN];
    struct store_user u;
    struct df_err err = {0};
    const struct http_options *o = http_server_options(r->srv);
    const char *dc = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, DEVICE_COOKIE);
    snprintf(device, sizeof device, "%s", dc && strlen(dc) < sizeof device ? dc : "");
    enum app_login_result res =
        app_login(r->s, &o->limits, http_json_str(b, "email"), http_json_str(b, "password"),
                  r->ip, (int64_t)time(NULL), token, csrf, &r->a, &u, device, &err);
    json_decref(b);
    if (res == APP_LOGIN_LIMITED) {
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
    } else if (res == APP_LOGIN_BAD) {
        http_reply_error(r, 401, "bad_credentials", "%s", err.msg);
    } else if (res != APP_LOGIN_OK) {
        http_reply_df_err(r, &err);
    } else if (r->session_token && app_logout(r->s, r->session_token, &err) < 0) {
        /* the browser's previous session ends with its cookie, on the server too */
        http_reply_df_err(r, &err);
    } else {
        /* Sent to the login only, never read by a script, never cross-site. */
        http_reply_header(r, "Set-Cookie",
                          arena_printf(&r->a, DEVICE_COOKIE "=%s; Path=/api/v1/session; "
                                       "HttpOnly; SameSite=Strict; Max-Age=%d%s", device,
                                       o->limits.device_ttl, r->secure ? "; Secure" : ""));
        reply_session(r, &u, token, csrf);
    }
    sodium_memzero(token, sizeof token);
    sodium_memzero(device, sizeof device);
}

/* ---- "forgot your password?" ----------------------------------------------------------- */

/* GET /session/reset: whether the sign-in page may offer a link by mail
 * (the forum sends mail), {"available"}. */
static void h_reset_available(struct http_req *r)
{
    struct df_err err = {0};
    int on = app_reset_available(r->s, &err);
    if (on < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sb si}", "available", on > 0, "expires_in",
                                      APP_RESET_SECONDS));
}

/* POST /session/reset {"email"}: 202 and one body whether or not the
 * address has a login (app_reset_ask); 429 past the client's asks, 409
 * mail_off when the forum sends no mail. No CSRF token, as the login: there
 * is no session, and a cross-site form cannot send JSON. */
static void h_reset(struct http_req *r)
{
    static const struct http_field f[] = {
        {"email", HJ_STRING, .required = true, .min = 3, .max = 254},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    const char *email = http_json_str(b, "email");
    if (app_email_check("email", email, &err) < 0) {
        json_decref(b);
        http_reply_df_err_field(r, &err, "email");
        return;
    }
    enum app_reset_result res = app_reset_ask(r->s, email, r->ip, (int64_t)time(NULL), &err);
    json_decref(b);
    if (res == APP_RESET_LIMITED)
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
    else if (res == APP_RESET_OFF)
        http_reply_error(r, 409, "mail_off", "%s", err.msg);
    else if (res != APP_RESET_ASKED)
        http_reply_df_err(r, &err);
    else
        http_reply_json(r, 202, json_pack("{ss si}", "status", "asked", "expires_in",
                                          APP_RESET_SECONDS));
}

/* ---- her data and her erasure (GDPR Arts. 15, 17, 20; app/privacy.h) --------------------- */

/* A person's whole copy, as a file to keep. */
void api_reply_person_data(struct http_req *r, const char *person)
{
    struct buf out = BUF_INIT(64u << 20);
    struct df_err err = {0};
    if (app_person_data(r->s, person, (long long)time(NULL), &out, &err) < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_header(r, "Content-Disposition",
                      "attachment; filename=\"dfnc-personal-data.json\"");
    http_reply_buf(r, 200, HTTP_JSON_CTYPE, &out);
}

static void h_me_data(struct http_req *r)
{
    if (api_need_person(r))
        api_reply_person_data(r, r->user.person);
}

/* "Delete my account": her password again (a session left open on a shared
 * computer must not be enough), then her erasure; her session went with
 * her login, and its cookie goes too. */
static void h_me_delete(struct http_req *r)
{
    static const struct http_field f[] = {PASSWORD_FIELD, {NULL}};
    if (!api_need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    enum app_login_result res =
        app_password_confirm(r->s, &http_server_options(r->srv)->limits, r->user.email,
                             http_json_str(b, "password"), r->ip, (int64_t)time(NULL), &err);
    json_decref(b);
    const struct app_erasure_by by = {.actor = r->user.person, .herself = true,
                                      .now = http_server_forum_now(r->srv)};
    struct app_erasure done;
    if (res == APP_LOGIN_LIMITED)
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
    else if (res == APP_LOGIN_BAD)
        http_reply_field_error(r, 403, "wrong_password", "password", err.msg);
    else if (res != APP_LOGIN_OK ||
             app_person_erase(r->s, &by, r->user.person, &r->a, &done, &err) < 0)
        http_reply_df_err(r, &err);
    else {
        set_cookie(r, "", 0);
        http_reply_json(r, 200, json_pack("{ss si si}", "status", "erased", "requests_cancelled",
                                          done.cancelled, "meetings_kept", done.held));
    }
}

/* ---- invitations (dfnc user invite) ---------------------------------------------------- */

/* The reply of an invitation that cannot be used: one answer for unknown,
 * used and expired alike, and 429 past the client's failures. */
static void reply_invitation_refused(struct http_req *r, enum app_login_result res,
                                     const struct df_err *err)
{
    if (res == APP_LOGIN_LIMITED)
        http_reply_error(r, 429, "rate_limited", "%s", err->msg);
    else if (res == APP_LOGIN_BAD)
        http_reply_error(r, 404, "not_found", "%s", err->msg);
    else
        http_reply_df_err(r, err);
}

static void h_invitation(struct http_req *r)
{
    struct df_err err = {0};
    struct store_invitation inv;
    enum app_login_result res =
        app_invitation_get(r->s, &http_server_options(r->srv)->limits, r->params[0], r->ip,
                           (int64_t)time(NULL), &r->a, &inv, &err);
    if (res != APP_LOGIN_OK) {
        reply_invitation_refused(r, res, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{so ss sI}", "name", api_str_or_null(inv.name), "email",
                                      inv.email, "expires_at", (json_int_t)inv.expires_at));
}

/* The password chosen: the login's session opens as a login's does. No
 * CSRF token (there is no session yet): the link's secret in the path is
 * what a forged request cannot have, and the JSON body a cross-site form
 * cannot send. */
static void h_invitation_accept(struct http_req *r)
{
    /* a password past the rule's bytes is app_password_check's to refuse,
     * with its code; the body is still bounded */
    static const struct http_field f[] = {
        {"password", HJ_STRING, .required = true, .min = 1, .max = 4 * APP_PASSWORD_MAX,
         .unread = true},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    char token[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN];
    struct store_user u;
    struct df_err err = {0};
    const struct http_options *o = http_server_options(r->srv);
    enum app_login_result res =
        app_invitation_accept(r->s, &o->limits, r->params[0], http_json_str(b, "password"),
                              r->ip, (int64_t)time(NULL), token, csrf, &r->a, &u, &err);
    /* a password refused: its code, against its field, for the page to say
     * in its own language (the message stays the English one) */
    const char *fault = res == APP_LOGIN_ERROR && err.kind == DF_ERR_INPUT
                            ? app_password_fault(http_json_str(b, "password"))
                            : NULL;
    json_decref(b);
    /* the browser's previous session (another login's, say) ends with its cookie */
    const char *old = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "dfnc_session");
    if (fault) {
        http_reply_field_error(r, 422, fault, "password", err.msg);
    } else if (res != APP_LOGIN_OK) {
        reply_invitation_refused(r, res, &err);
    } else if (old && app_logout(r->s, old, &err) < 0) {
        http_reply_df_err(r, &err);
    } else {
        reply_session(r, &u, token, csrf);
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

/* "Sign out everywhere else": the caller's browser keeps its session and,
 * when it sends one (the cookie's path covers this one), its device cookie. */
static void h_sign_out_others(struct http_req *r)
{
    struct df_err err = {0};
    int64_t sessions_n = 0, devices_n = 0;
    const char *dc = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, DEVICE_COOKIE);
    if (app_sign_out_others(r->s, &r->user, r->session_token, dc, (int64_t)time(NULL),
                            &sessions_n, &devices_n, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sI sI}", "status", "signed_out_elsewhere",
                                      "sessions_ended", (json_int_t)sessions_n,
                                      "devices_revoked", (json_int_t)devices_n));
}

/* ---- me ------------------------------------------------------------------------------ */

static void h_me(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = json_object();
    json_object_set_new(j, "user", user_json(&r->user));
    json_object_set_new(j, "csrf_token", json_string(r->user.csrf));
    json_object_set_new(j, "expires_at", json_integer(r->user.expires_at));
    /* the forum's clock (a rehearsal's, dfnc serve --forum-clock): the pages
     * tell what has begun by it, not by the device's */
    char now[DATE_UTC_TEXT_SIZE];
    date_utc_text(http_server_forum_now(r->srv), now);
    json_object_set_new(j, "now", json_string(now));
    struct store_person p;
    struct store_org o;
    const char *ui_language = NULL;
    if (r->user.person && store_person_get(r->s, r->user.person, &r->a, &p, &err) == 0)
        json_object_set_new(j, "person", api_person_json(&p, true));
    else
        json_object_set_new(j, "person", json_null());
    if (r->user.person)
        (void)store_person_ui_language(r->s, r->user.person, &r->a, &ui_language, &err);
    json_object_set_new(j, "ui_language", api_str_or_null(ui_language));
    bool has_org = r->user.org && store_org_get(r->s, r->user.org, &r->a, &o, &err) == 0;
    json_object_set_new(j, "organisation", has_org ? api_org_json(&o) : json_null());
    json_object_set_new(j, "is_contact", json_boolean(api_is_contact_of(r, r->user.org)));
    /* whether the organisation buys or supplies in joint procurement: its
     * people then have the page (organisers see the whole plan anyway) */
    bool procures = false;
    if (app_procure_org_takes_part(r->s, has_org ? r->user.org : NULL, has_org ? o.kind : NULL,
                                   &procures, &err) < 0)
        procures = false;
    json_object_set_new(j, "procurement", json_boolean(procures));
    /* whether the person's calendar feed is on: the agenda offers to switch
     * off only one that is */
    int feed = r->user.person ? store_feed_exists(r->s, r->user.person, &err) : 0;
    json_object_set_new(j, "feed", json_boolean(feed > 0));
    /* the meeting requests waiting for the person's answer (at events not
     * over by the forum's clock, each in its own zone): the page points at
     * them wherever the person lands */
    const char *open = r->user.person
                           ? app_forum_open_events(r->s, http_server_forum_now(r->srv), &r->a, &err)
                           : NULL;
    int to_answer = open ? store_requests_to_answer(r->s, r->user.person, open, &err) : 0;
    json_object_set_new(j, "to_answer", json_integer(to_answer > 0 ? to_answer : 0));
    /* the threads with messages she has not read: the header counts them */
    int unread = r->user.person ? store_messages_unread(r->s, r->user.person, &err) : 0;
    json_object_set_new(j, "messages_unread", json_integer(unread > 0 ? unread : 0));
    /* the applications waiting for the organisers: the console's link counts them */
    if (strcmp(r->user.role, "organiser") == 0) {
        int64_t pending = store_applications_pending_n(r->s, NULL, &err);
        json_object_set_new(j, "applications_pending", json_integer(pending > 0 ? pending : 0));
    }
    http_reply_json(r, 200, j);
}

static void h_me_put(struct http_req *r)
{
    static const struct http_field f[] = {
        {"name", HJ_STRING, .min = 1, .max = 200},
        {"title", HJ_STRING, .nullable = true, .max = 200},
        {"languages", HJ_STRING, .max = 100},
        {"ui_language", HJ_STRING, .max = 2},
        {"attendance", HJ_STRING, .max = 20},
        {NULL}};
    if (!api_need_person(r))
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
    if (json_object_get(b, "languages")) {
        p.languages = http_json_str(b, "languages");
        if (app_languages_check(p.languages, &err) < 0)
            goto fail;
    }
    /* on site or online; meetings already published keep their table or room */
    if (json_object_get(b, "attendance") &&
        app_attendance_check("attendance", p.attendance = http_json_str(b, "attendance"),
                             &err) < 0)
        goto fail;
    const char *ui_language = http_json_str(b, "ui_language");
    if (ui_language && strcmp(ui_language, "en") != 0 && strcmp(ui_language, "uk") != 0) {
        df_err_set(&err, DF_ERR_INPUT, "ui_language must be \"en\" or \"uk\"");
        goto fail;
    }
    if (store_person_upsert(r->s, &p, NULL, &err) < 0 ||
        (ui_language && store_person_ui_language_set(r->s, p.id, ui_language, &err) < 0) ||
        store_audit(r->s, r->user.email, "person.update", "person", p.id, NULL, &err) < 0)
        goto fail;
    http_reply_json(r, 200, api_person_json(&p, true));
    json_decref(b);
    return;
fail:
    json_decref(b);
    http_reply_df_err(r, &err);
}

/* Appends {"person": person, "meetings": [what list appends]} to out: JSON
 * agendas are wrapped so, so that every API reply is an object. */
static int person_meetings_json(struct store *s, const char *person,
                                int (*list)(struct store *, const char *, struct buf *,
                                            struct df_err *),
                                struct buf *out, struct df_err *err)
{
    json_t *id = json_string(person);
    char *quoted = id ? json_dumps(id, JSON_ENCODE_ANY) : NULL;
    json_decref(id);
    int rc = quoted && buf_printf(out, "{\"person\":%s,\"meetings\":", quoted) == 0
                 ? list(s, person, out, err)
                 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    free(quoted);
    if (rc == 0 && buf_putc(out, '}') < 0)
        rc = df_err_set(err, DF_ERR_RUNTIME, "the agenda is too big");
    return rc;
}

void api_reply_agenda(struct http_req *r, const char *person, bool ics)
{
    struct buf out = BUF_INIT(8u << 20);
    struct df_err err = {0};
    const char *ctype = ics ? "text/calendar; charset=utf-8" : HTTP_JSON_CTYPE;
    /* a calendar holds the programme of the forum's event too, unless
     * ?programme=0 leaves the talks out */
    int programme = 1;
    const char *forum = NULL;
    if (ics) {
        if (!api_int_param(r, "programme", 0, 1, 1, &programme))
            return;
        forum = app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, &err);
        if (!forum && err.kind != DF_ERR_NOT_FOUND) {
            http_reply_df_err(r, &err);
            return;
        }
        err = (struct df_err){0};
    }
    char *key = ics ? arena_printf(&r->a, "ics:%s:%d:%s", person, programme, forum ? forum : "")
                    : arena_printf(&r->a, "json:%s", person);
    size_t len;
    char *hit = key ? http_cache_get(r->s, HTTP_CACHE_AGENDAS, key, &len) : NULL;
    if (hit) {
        out.data = hit;
        out.len = len;
        out.cap = len + 1;
        http_reply_buf(r, 200, ctype, &out);
        return;
    }
    int rc;
    if (ics) {
        rc = app_agenda_ics(r->s, person, forum, programme, &out, &err);
    } else {
        rc = person_meetings_json(r->s, person, app_agenda_json, &out, &err);
    }
    if (rc < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    if (key)
        http_cache_put(HTTP_CACHE_AGENDAS, key, buf_str(&out), out.len);
    http_reply_buf(r, 200, ctype, &out);
}

static void h_agenda(struct http_req *r)
{
    if (api_need_person(r))
        api_reply_agenda(r, r->user.person, false);
}

/* GET /me/agenda/cancelled: the meetings that left the person's agenda. */
static void h_agenda_cancelled(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct buf out = BUF_INIT(8u << 20);
    struct df_err err = {0};
    if (person_meetings_json(r->s, r->user.person, app_agenda_cancelled_json, &out, &err) < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_buf(r, 200, HTTP_JSON_CTYPE, &out);
}

static void h_agenda_ics(struct http_req *r)
{
    if (api_need_person(r))
        api_reply_agenda(r, r->user.person, true);
}

/* GET /me/met: the people the participant met, with their organisations'
 * profiles (app_met_json): the agenda's "People you met". */
static void h_met(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    json_t *j = app_met_json(r->s, r->user.person, http_server_forum_now(r->srv), &err);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}

/* GET /me/contacts.vcf: the people the participant met, for her phone's
 * address book (app_contacts_vcard; no one's e-mail). */
static void h_contacts(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct buf out = BUF_INIT(8u << 20);
    struct df_err err = {0};
    int cards = 0;
    if (app_contacts_vcard(r->s, r->user.person, http_server_forum_now(r->srv), &out, &cards,
                           &err) < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_header(r, "Content-Disposition", "attachment; filename=\"contacts.vcf\"");
    http_reply_buf(r, 200, "text/vcard; charset=utf-8", &out);
}

static void h_feed_rotate(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    char token[APP_TOKEN_LEN];
    struct df_err err = {0};
    if (app_feed_rotate(r->s, r->user.email, r->user.person, token, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    char url[512];
    snprintf(url, sizeof url, "%s/api/v1/feeds/%s.ics", http_server_base_url(r->srv), token);
    http_reply_json(r, 201, json_pack("{ss}", "url", url));
    sodium_memzero(token, sizeof token);
}

static void h_feed_off(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    if (app_feed_off(r->s, r->user.email, r->user.person, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss}", "status", "feed_off"));
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
    api_reply_agenda(r, person, true);
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

/* The page's language a matchmaking answer's reasons are said for (lang:
 * "en", "uk", or absent or empty for as written) into f; false for another
 * value (422). */
static bool page_language(const char *lang, struct app_match_filter *f)
{
    if (lang && *lang && strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0)
        return false;
    f->in_ukrainian = lang && strcmp(lang, "uk") == 0;
    f->in_english = lang && strcmp(lang, "en") == 0;
    return true;
}

/* Whom person should meet (GET /me/suggestions' answer), their
 * query's filters read first; person NULL: the caller's own (404 without). */
static void suggestions_for(struct http_req *r, const char *person)
{
    struct df_err err = {0};
    const char *event = http_url_param(&r->url, "event");
    int top;
    if (!api_int_param(r, "top", 1, 100, 10, &top))
        return;
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
    /* the page's language: a Ukrainian page reads the asker's English words
     * in Ukrainian first, an English one its Ukrainian words in English */
    struct app_match_filter filter = {.region = region,
                                      .sme_only = sme && strcmp(sme, "1") == 0};
    if (!page_language(http_url_param(&r->url, "lang"), &filter)) {
        http_reply_error(r, 422, "invalid", "lang must be en or uk");
        return;
    }
    if (!person && !api_need_person(r))
        return;
    if (!person)
        person = r->user.person;
    struct buf out = BUF_INIT(4u << 20);
    const struct app_match_data *d = http_cache_match(r->s, &err);
    int rc = !d ? -1
             : open_list_reply(&out, "for", person, "suggestions") == 0
                 ? app_recommend_in(r->s, d, person, event, top, &filter, &out, &err)
                 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (rc == 0 && buf_putc(&out, '}') < 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "too many suggestions");
    if (rc < 0) {
        buf_free(&out);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_buf(r, 200, HTTP_JSON_CTYPE, &out);
}

static void h_suggestions(struct http_req *r) { suggestions_for(r, NULL); }

/* GET /console/people/{id}/suggestions: whom the organisers might introduce
 * person {id} to, as that person's own suggestions read. */
static void h_console_suggestions(struct http_req *r)
{
    struct df_err err = {0};
    int ex = store_person_exists(r->s, r->params[0], &err);
    if (ex < 0)
        http_reply_df_err(r, &err);
    else if (ex == 0)
        http_reply_error(r, 404, "not_found", "no person \"%.128s\"", r->params[0]);
    else
        suggestions_for(r, r->params[0]);
}

/* Partners for a project idea led by the caller's organisation: the engine's
 * partner question (dfnc partners) for a participant on the web. */
static void h_partners(struct http_req *r)
{
    static const struct http_field f[] = {
        {"text", HJ_STRING, true, .min = 1, .max = 20000, .lines = true},
        {"top", HJ_INT, .min = 1, .max = 100},
        {"region", HJ_STRING, .nullable = true, .max = 2},
        {"sme", HJ_BOOL, .nullable = true},
        {"lang", HJ_STRING, .nullable = true, .max = 2},
        {NULL}};
    if (!api_need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    /* the page's language, as GET /me/suggestions takes it */
    struct app_match_filter filter = {.sme_only = json_is_true(json_object_get(b, "sme"))};
    if (!page_language(http_json_str(b, "lang"), &filter)) {
        json_decref(b);
        http_reply_error(r, 422, "invalid", "lang must be en or uk");
        return;
    }
    /* absent or null is anywhere; "" names no region (docs/api.md) */
    const char *region_s = http_json_str(b, "region");
    int region = region_s && !*region_s ? -1 : app_region_parse(region_s);
    if (region < 0) {
        json_decref(b);
        http_reply_error(r, 422, "invalid", "region must be eu or ua");
        return;
    }
    filter.region = region;
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
    http_reply_buf(r, 200, HTTP_JSON_CTYPE, &out);
}

/* ---- the route table ------------------------------------------------------------------ */

const struct http_route http_routes[] = {
    {"GET", "/api/v1/health", h_health, ROUTE_PUBLIC},
    {"GET", "/api/v1/stats", h_stats, ROUTE_PUBLIC},
    {"POST", "/api/v1/session", h_login, ROUTE_PUBLIC | ROUTE_NO_CSRF},
    {"DELETE", "/api/v1/session", h_logout, 0},
    {"DELETE", "/api/v1/session/others", h_sign_out_others, 0},
    /* "forgot your password?": a new sign-in link by mail, asked by anyone */
    {"GET", "/api/v1/session/reset", h_reset_available, ROUTE_PUBLIC},
    {"POST", "/api/v1/session/reset", h_reset, ROUTE_PUBLIC | ROUTE_NO_CSRF},
    {"GET", "/api/v1/me", h_me, 0},
    {"PUT", "/api/v1/me", h_me_put, 0},
    /* her data as a file, and "delete my account" (GDPR) */
    {"GET", "/api/v1/me/data", h_me_data, 0},
    {"DELETE", "/api/v1/me", h_me_delete, 0},
    {"GET", "/api/v1/me/agenda", h_agenda, 0},
    {"GET", "/api/v1/me/agenda.ics", h_agenda_ics, 0},
    {"GET", "/api/v1/me/agenda/cancelled", h_agenda_cancelled, 0},
    {"GET", "/api/v1/me/contacts.vcf", h_contacts, 0},
    {"GET", "/api/v1/me/met", h_met, 0},
    {"GET", "/api/v1/me/availability", api_me_availability, 0},
    {"PUT", "/api/v1/me/availability", api_me_availability_put, 0},
    /* "I can't come that day": her meetings of the day given up in one step */
    {"POST", "/api/v1/me/day-off", api_me_day_off, 0},
    {"POST", "/api/v1/me/feed", h_feed_rotate, 0},
    {"DELETE", "/api/v1/me/feed", h_feed_off, 0},
    {"GET", "/api/v1/me/outcomes", api_me_outcomes, 0},
    {"PUT", "/api/v1/me/outcomes/{id}", api_me_outcome_put, 0},
    {"DELETE", "/api/v1/me/outcomes/{id}", api_me_outcome_delete, 0},
    {"GET", "/api/v1/me/suggestions", h_suggestions, 0},
    {"GET", "/api/v1/me/mail", api_me_mail, 0},
    {"PUT", "/api/v1/me/mail", api_me_mail_put, 0},
    {"POST", "/api/v1/me/partners", h_partners, ROUTE_NO_WRITE},
    {"GET", "/api/v1/feeds/{token}.ics", h_feed, ROUTE_PUBLIC | ROUTE_SECRET_PATH},
    {"GET", "/api/v1/invitations/{token}", h_invitation, ROUTE_PUBLIC | ROUTE_SECRET_PATH},
    {"POST", "/api/v1/invitations/{token}", h_invitation_accept,
     ROUTE_PUBLIC | ROUTE_SECRET_PATH | ROUTE_NO_CSRF},
    {"GET", "/api/v1/organisations", api_orgs, 0},
    {"GET", "/api/v1/organisations/{id}", api_org, 0},
    {"PUT", "/api/v1/organisations/{id}", api_org_put, 0},
    {"PUT", "/api/v1/organisations/{id}/capabilities", api_org_caps_put, 0},
    {"GET", "/api/v1/people/{id}", api_person, 0},
    {"GET", "/api/v1/people/{id}/availability", api_person_availability, 0},
    {"GET", "/api/v1/people/{id}/times", api_person_times, 0},
    {"PUT", "/api/v1/people/{id}/availability", api_person_availability_put, 0},
    {"GET", "/api/v1/events", api_events, 0},
    {"POST", "/api/v1/events", api_event_post, ROUTE_ORGANISER},
    {"GET", "/api/v1/events/{id}", api_event, 0},
    {"PUT", "/api/v1/events/{id}", api_event_put, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/sessions/{item}", api_session_delete, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/locations/{item}", api_location_delete, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/events/{id}/interpreters/{item}", api_interpreter_delete, ROUTE_ORGANISER},
    {"POST", "/api/v1/events/{id}/schedule", api_schedule,
     ROUTE_ORGANISER | ROUTE_SLOT(HTTP_SLOT_SCHEDULE)},
    {"GET", "/api/v1/events/{id}/schedule", api_schedule_last, ROUTE_ORGANISER},
    {"POST", "/api/v1/events/{id}/publish", api_publish, ROUTE_ORGANISER},
    {"GET", "/api/v1/events/{id}/unscheduled", api_unscheduled, ROUTE_ORGANISER},
    {"GET", "/api/v1/consortium/programmes", api_consortium_programmes, 0},
    {"POST", "/api/v1/consortium/check", api_consortium_check, ROUTE_NO_WRITE},
    {"GET", "/api/v1/procurement/instruments", api_procure_instruments, 0},
    {"GET", "/api/v1/procurement/plan", api_procure_plan, 0},
    {"GET", "/api/v1/procurement/ocds", api_procure_ocds, ROUTE_ORGANISER},
    {"POST", "/api/v1/procurement/demands", api_procure_demand_post, 0},
    {"GET", "/api/v1/procurement/demands/{id}", api_procure_demand_get, 0},
    {"PUT", "/api/v1/procurement/demands/{id}", api_procure_demand_put, 0},
    {"DELETE", "/api/v1/procurement/demands/{id}", api_procure_demand_delete, 0},
    {"POST", "/api/v1/procurement/supplies", api_procure_supply_post, 0},
    {"GET", "/api/v1/procurement/supplies/{id}", api_procure_supply_get, 0},
    {"PUT", "/api/v1/procurement/supplies/{id}", api_procure_supply_put, 0},
    {"DELETE", "/api/v1/procurement/supplies/{id}", api_procure_supply_delete, 0},
    {"GET", "/api/v1/requests", api_requests, 0},
    {"POST", "/api/v1/requests", api_request_post, 0},
    {"GET", "/api/v1/requests/{id}", api_request_get, 0},
    {"POST", "/api/v1/requests/{id}/accept", api_request_accept, 0},
    {"GET", "/api/v1/requests/{id}/times", api_request_times, 0},
    {"GET", "/api/v1/me/request-times", api_me_request_times, 0},
    {"PUT", "/api/v1/requests/{id}/proposal", api_request_proposal_put, 0},
    {"POST", "/api/v1/requests/{id}/decline", api_request_decline, 0},
    {"POST", "/api/v1/requests/{id}/cancel", api_request_cancel, 0},
    /* colleagues who join a request's meeting */
    {"POST", "/api/v1/requests/{id}/attendees", api_request_attendee_post, 0},
    {"DELETE", "/api/v1/requests/{id}/attendees/{item}", api_request_attendee_delete, 0},
    /* messages between a request's people: theirs alone */
    {"GET", "/api/v1/requests/{id}/messages", api_request_messages, 0},
    {"POST", "/api/v1/requests/{id}/messages", api_request_message_post, 0},
    {"GET", "/api/v1/me/messages", api_me_messages, 0},
    /* the help desk's view of one participant */
    {"GET", "/api/v1/console/people/{id}", api_console_person, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/people/{id}/agenda", api_console_person_agenda, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/people/{id}/suggestions", h_console_suggestions, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/people/{id}/times", api_console_pair_times, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/requests", api_console_introduce, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/people", api_console_walkin, ROUTE_ORGANISER},
    /* a new sign-in link for one participant (a lost invitation, a forgotten password) */
    {"POST", "/api/v1/console/people/{id}/invitation", api_console_person_invitation,
     ROUTE_ORGANISER},
    /* a participant's data, and her erasure, on a request that came by letter */
    {"GET", "/api/v1/console/people/{id}/data", api_console_person_data, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/people/{id}/erase", api_console_person_erase, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/people/{id}/day-off", api_console_person_day_off, ROUTE_ORGANISER},
    /* applications to take part: sent on the forum's site, judged by organisers */
    {"GET", "/api/v1/applications/open", api_applications_open, ROUTE_PUBLIC},
    {"POST", "/api/v1/applications", api_application_post, ROUTE_PUBLIC | ROUTE_NO_CSRF},
    {"GET", "/api/v1/console/applications", api_console_applications, ROUTE_ORGANISER},
    {"PUT", "/api/v1/console/applications/open", api_console_applications_open_put,
     ROUTE_ORGANISER},
    {"POST", "/api/v1/console/applications/{id}/approve", api_console_application_approve,
     ROUTE_ORGANISER},
    {"POST", "/api/v1/console/applications/{id}/decline", api_console_application_decline,
     ROUTE_ORGANISER},
    /* the organisers' announcements, a line on every participant's page */
    {"GET", "/api/v1/announcements", api_announcements, 0},
    {"POST", "/api/v1/console/announcements", api_announcement_post, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/mail", api_console_mail, ROUTE_ORGANISER},
    /* the people whose requests wait for their answer, reminded by mail */
    {"POST", "/api/v1/console/events/{id}/remind-to-answer", api_console_remind,
     ROUTE_ORGANISER},
    /* each person's meetings of a day of the forum, mailed on its eve */
    {"POST", "/api/v1/console/events/{id}/day-mail", api_console_day_mail, ROUTE_ORGANISER},
    /* the people of meetings begun, asked by mail what they led to */
    {"POST", "/api/v1/console/events/{id}/ask-outcomes", api_console_ask_outcomes,
     ROUTE_ORGANISER},
    /* the organisers' words mailed to the people their list shows */
    {"POST", "/api/v1/console/people/mail", api_console_people_mail, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/backups", api_console_backups, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/console/announcements/{id}", api_announcement_delete, ROUTE_ORGANISER},
    /* a walk-in's new organisation: the id its name proposes */
    {"GET", "/api/v1/console/organisation-id", api_console_org_id, ROUTE_ORGANISER},
    /* one meeting moved on the forum's day */
    {"GET", "/api/v1/console/meetings/{id}/moves", api_console_meeting_moves, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/meetings/{id}/move", api_console_meeting_move, ROUTE_ORGANISER},
    /* a table out of use: its meetings moved in one go, and given back */
    {"GET", "/api/v1/console/events/{id}/out-of-use", api_console_tables_out, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/events/{id}/locations/{item}/out-of-use", api_console_table_out,
     ROUTE_ORGANISER},
    {"DELETE", "/api/v1/console/events/{id}/locations/{item}/out-of-use",
     api_console_table_back, ROUTE_ORGANISER},
};

const int http_routes_n = sizeof http_routes / sizeof http_routes[0];
