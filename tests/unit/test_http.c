/* Unit tests of src/http's readers (request target, JSON bodies, route patterns)
 * and of the account store and use-cases (src/store/auth.c, src/app/auth.c). */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/agenda.h"
#include "app/auth.h"
#include "app/capabilities.h"
#include "app/requests.h"
#include "core/utf8.h"
#include "http/api.h"
#include "http/cache.h"
#include "http/headers.h"
#include "http/internal.h"
#include "http/json_in.h"
#include "http/peers.h"
#include "http/url.h"
#include "store/api.h"
#include "store/auth.h"
#include "store/day.h"
#include "store/messages.h"
#include "store/outcomes.h"
#include "store/web.h"
#include "scratch_db.h"

/* a request's party acting as themself */
#define AS_PERSON(p) (&(struct app_request_actor){.person = (p)})

static struct arena a;
static struct df_err err;

static int parse(const char *s, struct http_url *u)
{
    return http_url_parse(s, strlen(s), &a, u, &err);
}

Test(http_url, splits_and_decodes_segments_and_query)
{
    struct http_url u;
    arena_init(&a, 0);
    cr_assert_eq(parse("/api//v1/organisations/org%2D1?q=%D0%A3%D0%BA%D1%80+x&country=UA&flag", &u),
                 0, "%s", err.msg);
    cr_assert_eq(u.segs_n, 4);
    cr_assert_str_eq(u.segs[3], "org-1");
    cr_assert_str_eq(u.path, "/api/v1/organisations/org-1");
    cr_assert_str_eq(http_url_param(&u, "q"), "Укр x");
    cr_assert_str_eq(http_url_param(&u, "country"), "UA");
    cr_assert_str_eq(http_url_param(&u, "flag"), "");
    cr_assert_null(http_url_param(&u, "kind"));
    arena_free(&a);
}

Test(http_url, refuses_what_could_escape_or_confuse)
{
    struct http_url u;
    arena_init(&a, 0);
    const char *bad[] = {"", "api", "/a/../b", "/a/%2e%2e/b", "/a/%2fb", "/a%00", "/a%zz",
                         "/a%4", "/a?x=%ff", "/a\x01", "/a#frag", "/%C0%AF"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(parse(bad[i], &u), -1, "accepted \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_USAGE);
    }
    char long_target[HTTP_URL_MAX + 10];
    memset(long_target, 'a', sizeof long_target - 1);
    long_target[0] = '/';
    long_target[sizeof long_target - 1] = '\0';
    cr_assert_eq(parse(long_target, &u), -1);
    arena_free(&a);
}

Test(http_url, integer_parameters_are_digits_and_nothing_else)
{
    struct http_url u;
    arena_init(&a, 0);
    int v = -1;
    cr_assert_eq(parse("/x?top=5&z=007&big=1000000", &u), 0, "%s", err.msg);
    cr_assert_eq(http_url_param_int(&u, "top", 1, 100, 10, &v), 0);
    cr_assert_eq(v, 5);
    cr_assert_eq(http_url_param_int(&u, "z", 0, 100, 10, &v), 0);
    cr_assert_eq(v, 7);
    cr_assert_eq(http_url_param_int(&u, "none", 1, 100, 10, &v), 0);
    cr_assert_eq(v, 10, "absent: the default");
    cr_assert_eq(http_url_param_int(&u, "big", 0, 1000000, 0, &v), 0);
    cr_assert_eq(v, 1000000);
    cr_assert_eq(http_url_param_int(&u, "big", 0, 999999, 0, &v), -1);
    const char *bad[] = {"/x?n=", "/x?n=5abc", "/x?n=%205", "/x?n=5%20", "/x?n=+5", "/x?n=-1",
                         "/x?n=4294967297", "/x?n=-4294967295", "/x?n=99999999999999999999",
                         "/x?n=0x10", "/x?n=1e2", "/x?n=0", "/x?n=101"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(parse(bad[i], &u), 0, "%s", err.msg);
        v = -1;
        cr_assert_eq(http_url_param_int(&u, "n", 1, 100, 10, &v), -1, "took %s", bad[i]);
        cr_assert_eq(v, -1, "%s changed the value", bad[i]);
    }
    arena_free(&a);
}

Test(http_route, matches_parameters_and_suffixes)
{
    const char *p[HTTP_ROUTE_PARAMS] = {0};
    const char *segs[] = {"api", "v1", "requests", "req-1", "accept"};
    cr_assert(http_route_match("/api/v1/requests/{id}/accept", segs, 5, p));
    cr_assert_str_eq(p[0], "req-1");
    cr_assert_not(http_route_match("/api/v1/requests/{id}/decline", segs, 5, p));
    cr_assert_not(http_route_match("/api/v1/requests/{id}", segs, 5, p));
    const char *feed[] = {"api", "v1", "feeds", "TOKEN.ics"};
    cr_assert(http_route_match("/api/v1/feeds/{token}.ics", feed, 4, p));
    cr_assert_str_eq(p[0], "TOKEN");
    const char *bare[] = {"api", "v1", "feeds", ".ics"};
    cr_assert_not(http_route_match("/api/v1/feeds/{token}.ics", bare, 4, p));
}

/* What the access log writes for a path: a feed token never, whatever the
 * method (the dispatcher may find no route) or however near the path is. */
static const char *redacted(const char *target)
{
    static char out[256];
    struct http_url u;
    cr_assert_eq(parse(target, &u), 0, "%s", err.msg);
    return http_route_redact(http_routes, http_routes_n, u.segs, u.segs_n, out, sizeof out)
               ? out : NULL;
}

Test(http_route, invitation_tokens_are_redacted_for_the_log)
{
    arena_init(&a, 0);
    cr_assert_str_eq(redacted("/api/v1/invitations/SECRET"), "/api/v1/invitations/{token}");
    const char *near[][2] = {
        {"/api/v1/invitations/SECRET/x", "/api/v1/invitations/{redacted}"},
        {"/API/v1/Invitations/SECRET", "/API/v1/Invitations/{redacted}"},
        {"/invitations/SECRET", "/invitations/{redacted}"},
        {"/api/v2/INVITATIONS/SECRET", "/api/v2/INVITATIONS/{redacted}"}};
    for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
        cr_assert_str_eq(redacted(near[i][0]), near[i][1]);
    /* the list itself holds no secret */
    cr_assert_null(redacted("/api/v1/invitations"));
    arena_free(&a);
}

Test(http_route, secret_paths_are_redacted_for_the_log)
{
    arena_init(&a, 0);
    cr_assert_str_eq(redacted("/api/v1/feeds/SECRET.ics"), "/api/v1/feeds/{token}.ics");
    const char *near[] = {"/api/v1/feeds/SECRET.ICS", "/api/v1/feeds/SECRET.ics/x",
                          "/api/v1/feeds/SECRET", "/API/V1/Feeds/SECRET.ics",
                          "/api//v1/feeds/SECRET.icsx"};
    for (size_t i = 0; i < sizeof near / sizeof near[0]; i++) {
        const char *got = redacted(near[i]);
        cr_assert_not_null(got, "%s is logged in clear", near[i]);
        cr_assert_null(strstr(got, "SECRET"), "%s logged as %s", near[i], got);
    }
    cr_assert_str_eq(redacted("/api/v1/feeds/SECRET.ics/x"), "/api/v1/feeds/{redacted}");
    /* a feed URL under another prefix, or none, holds the token as well */
    const char *elsewhere[][2] = {
        {"/feeds/SECRET.ics", "/feeds/{redacted}"},
        {"/api/v2/feeds/SECRET.ics", "/api/v2/feeds/{redacted}"},
        {"/api/feeds/SECRET.ics", "/api/feeds/{redacted}"},
        {"/FEEDS/SECRET", "/FEEDS/{redacted}"},
        {"/x/Feeds/SECRET.ics/more", "/x/Feeds/{redacted}"},
        {"/%66eeds/SECRET.ics", "/feeds/{redacted}"}};
    for (size_t i = 0; i < sizeof elsewhere / sizeof elsewhere[0]; i++) {
        const char *got = redacted(elsewhere[i][0]);
        cr_assert_not_null(got, "%s is logged in clear", elsewhere[i][0]);
        cr_assert_str_eq(got, elsewhere[i][1], "%s", elsewhere[i][0]);
    }
    cr_assert_null(redacted("/feeds"), "nothing after feeds: logged as it is");
    cr_assert_null(redacted("/feedsx/abc"));
    cr_assert_null(redacted("/api/v1/feeds"), "nothing secret: logged as it is");
    cr_assert_null(redacted("/api/v1/me/agenda.ics"));
    cr_assert_null(redacted("/api/v1/organisations/org-1"));
    arena_free(&a);
}

Test(http_headers, media_types_compare_whole)
{
    cr_assert(http_media_type_is("application/json", "application/json"));
    cr_assert(http_media_type_is("Application/JSON; charset=utf-8", "application/json"));
    cr_assert(http_media_type_is("application/json ;charset=utf-8", "application/json"));
    cr_assert(http_media_type_is(" application/json\t", "application/json"));
    const char *not[] = {"application/jsonfoo", "application/json x", "application/jso",
                         "text/plain", "", "application/json,text/plain", "application/json-seq"};
    for (size_t i = 0; i < sizeof not / sizeof not[0]; i++)
        cr_assert_not(http_media_type_is(not[i], "application/json"), "took \"%s\"", not[i]);
    cr_assert_not(http_media_type_is(NULL, "application/json"));
}

Test(http_headers, gzip_is_sent_only_to_whom_takes_it)
{
    const char *takes[] = {"gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5", "x-gzip",
                           "deflate, *", "identity;q=1, gzip ; q=0.001", " gzip\t", "*;q=1.000",
                           "gzip;level=9"};
    for (size_t i = 0; i < sizeof takes / sizeof takes[0]; i++)
        cr_assert(http_accepts_gzip(takes[i]), "refused \"%s\"", takes[i]);
    const char *refuses[] = {"", "identity", "deflate, br", "gzip;q=0", "gzip;Q=0.000",
                             "*, gzip;q=0", "gzip;q=0, *", "*;q=0", "gzipped", "gzip;q=1.5",
                             "gzip;q=0.0001", "gzip;q=-1", "gzip;q=", "x-gzip;q=0, gzip",
                             "gzips, *;q=0"};
    for (size_t i = 0; i < sizeof refuses / sizeof refuses[0]; i++)
        cr_assert_not(http_accepts_gzip(refuses[i]), "took \"%s\"", refuses[i]);
    cr_assert_not(http_accepts_gzip(NULL), "no header: as it is");
}

static int framing(const char *const *fields, int n)
{
    struct http_framing f = {0};
    const char *why = NULL;
    for (int i = 0; i < n; i += 2)
        http_framing_see(&f, fields[i], fields[i + 1]);
    int status = http_framing_refusal(&f, &why);
    cr_assert(status == 0 || (why && *why));
    return status;
}

Test(http_headers, a_body_framed_two_ways_is_refused)
{
    const char *one[] = {"Content-Length", "7", "Host", "x"};
    cr_assert_eq(framing(one, 4), 0);
    const char *same[] = {"Content-Length", "7", "content-length", "7"};
    cr_assert_eq(framing(same, 4), 0);
    const char *differ[] = {"Content-Length", "5", "content-length", "7"};
    cr_assert_eq(framing(differ, 4), 400);
    const char *third[] = {"Content-Length", "5", "Content-Length", "5", "CONTENT-LENGTH", "07"};
    cr_assert_eq(framing(third, 6), 400);
    const char *chunked[] = {"Transfer-Encoding", "Chunked"};
    cr_assert_eq(framing(chunked, 2), 0);
    const char *both[] = {"Transfer-Encoding", "chunked", "Content-Length", "5"};
    cr_assert_eq(framing(both, 4), 400);
    const char *gzip[] = {"Transfer-Encoding", "gzip"};
    cr_assert_eq(framing(gzip, 2), 501);
    const char *list[] = {"Transfer-Encoding", "gzip, chunked"};
    cr_assert_eq(framing(list, 2), 501);
    const char *twice[] = {"Transfer-Encoding", "chunked", "transfer-encoding", "chunked"};
    cr_assert_eq(framing(twice, 4), 501);
}

static const struct http_field inner[] = {
    {"seq", HJ_INT, .required = true, .min = 1, .max = 9}, {NULL}};
static const struct http_field fields[] = {
    {"to", HJ_STRING, .required = true, .min = 1, .max = 5},
    {"note", HJ_STRING, .nullable = true, .max = 100},
    {"flag", HJ_BOOL, .required = false},
    {"items", HJ_ARRAY_OF_OBJECTS, .max = 2, .of = inner},
    {NULL}};

static int read_json(const char *s)
{
    json_t *j = NULL;
    err.kind = DF_OK;
    int rc = http_json_read(s, strlen(s), fields, &j, &err);
    json_decref(j);
    return rc < 0 ? (int)err.kind : 0;
}

Test(http_json, accepts_the_right_shape_and_says_what_is_wrong_otherwise)
{
    cr_assert_eq(read_json("{\"to\":\"p-1\",\"note\":null,\"flag\":true,\"items\":[{\"seq\":3}]}"),
                 0, "%s", err.msg);
    cr_assert_eq(read_json("{\"to\":\"p-1\""), DF_ERR_USAGE);        /* malformed: 400 */
    cr_assert_eq(read_json("{\"to\":\"a\",\"to\":\"b\"}"), DF_ERR_USAGE); /* duplicate key */
    cr_assert_eq(read_json(""), DF_ERR_USAGE);
    cr_assert_eq(read_json("[1]"), DF_ERR_INPUT);                   /* not an object: 422 */
    cr_assert_eq(read_json("{\"to\":7}"), DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "to must be a string"), "%s", err.msg);
    cr_assert_eq(read_json("{\"to\":\"p\",\"admin\":true}"), DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "unknown field admin"), "%s", err.msg);
    cr_assert_eq(read_json("{\"note\":\"x\"}"), DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "to is required"), "%s", err.msg);
    cr_assert_eq(read_json("{\"to\":\"toolong\"}"), DF_ERR_INPUT);
    cr_assert_eq(read_json("{\"to\":null}"), DF_ERR_INPUT);
    cr_assert_eq(read_json("{\"to\":\"p\",\"items\":[{\"seq\":10}]}"), DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "items[0].seq"), "%s", err.msg);
    cr_assert_eq(read_json("{\"to\":\"p\",\"items\":[{},{},{}]}"), DF_ERR_INPUT);
    cr_assert_eq(read_json("{\"to\":\"p\",\"items\":[3]}"), DF_ERR_INPUT);
    cr_assert_eq(read_json("{\"to\":\"\\u0000\"}"), DF_ERR_USAGE);  /* NUL refused by jansson */
}

/* Every string a body brings is text people may read: a bidi control is
 * refused wherever it is, in an array's object too; a field no one reads (a
 * password) takes it. */
Test(http_json, refuses_bidi_controls_in_strings)
{
    cr_assert_eq(read_json("{\"to\":\"p\",\"note\":\"Acme \\u202Egnp.exe\"}"), DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "note holds a Unicode bidirectional control (U+202E"), "%s",
              err.msg);
    cr_assert_eq(read_json("{\"to\":\"\u2066p\"}"), DF_ERR_INPUT, "raw UTF-8 too");
    cr_assert_eq(read_json("{\"to\":\"p\",\"note\":\"\u041a\u0438\u0457\u0432 \u200F\"}"), 0,
                 "Ukrainian, and a right-to-left mark, pass: %s", err.msg);
    static const struct http_field secret[] = {
        {"password", HJ_STRING, .required = true, .max = 100, .unread = true}, {NULL}};
    json_t *j = NULL;
    const char *body = "{\"password\":\"pa\\u202Ess\"}";
    cr_assert_eq(http_json_read(body, strlen(body), secret, &j, &err), 0, "%s", err.msg);
    json_decref(j);
}

/* ---- accounts ------------------------------------------------------------------ */

static char db_path[64];
static struct store *s;

static void open_fresh(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-http-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(app_auth_init(&err), 0);
    cr_assert_eq(store_open(&s, db_path, &err), 0, "%s", err.msg);
    struct store_org o = {.id = "org-1", .name = "Org", .country = "UA", .kind = "company"};
    struct store_person p = {.id = "p-1", .org = "org-1", .name = "Олена"};
    struct store_person q = {.id = "p-2", .org = "org-1", .name = "Petro"};
    struct store_event e = {.id = "ev", .name = "E", .starts_on = "2025-01-01",
                            .ends_on = "2025-01-01", .request_cap = 1};
    cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_person_upsert(s, &q, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    arena_init(&a, 0);
}

static void close_all(void)
{
    store_close(s);
    arena_free(&a);
    scratch_db_remove(db_path);
}

Test(auth, login_sessions_expiry_logout_and_limits, .init = open_fresh, .fini = close_all)
{
    struct app_auth_limits l = {.per_account = 2, .per_ip = 100};
    app_auth_limits_default(&l);
    cr_assert_eq(app_user_add(s, "o@x.test", "participant", "p-1", "long-password", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_user_add(s, "O@X.test", "participant", "p-1", "long-password", true, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(app_user_add(s, "n@x.test", "participant", NULL, "long-password", true, &err),
                 -1);
    cr_assert_eq(app_user_add(s, "n@x.test", "participant", "p-2", "short", true, &err), -1);
    char tok[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN];
    struct store_user u;
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.2.3.4", 1000, tok, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert(app_token_is_well_formed(tok) && app_token_is_well_formed(csrf));
    cr_assert_str_eq(u.person, "p-1");
    cr_assert_str_eq(u.org, "org-1");
    /* Only the hash is stored: the token itself is nowhere in the table. */
    struct store_user found;
    cr_assert_eq(app_session_find(s, tok, 1001, &a, &found, &err), 0, "%s", err.msg);
    cr_assert_str_eq(found.csrf, csrf);
    cr_assert_eq(app_session_find(s, tok, 1000 + l.session_ttl, &a, &found, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(app_logout(s, tok, &err), 0);
    cr_assert_eq(app_session_find(s, tok, 1001, &a, &found, &err), -1);
    /* Two failures allowed per account, then 429 even with the right password. */
    cr_assert_eq(app_login(s, &l, "o@x.test", "wrong-one", "1.2.3.4", 2000, tok, csrf, &a, &u, NULL,
                           &err), APP_LOGIN_BAD);
    cr_assert_eq(app_login(s, &l, "nobody@x.test", "wrong-one", "1.2.3.4", 2000, tok, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_BAD);
    cr_assert_eq(app_login(s, &l, "o@x.test", "wrong-two", "5.6.7.8", 2001, tok, csrf, &a, &u, NULL,
                           &err), APP_LOGIN_BAD);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "9.9.9.9", 2002, tok, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_LIMITED);
    /* After the window the account may log in again. */
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "9.9.9.9", 2002 + l.window, tok,
                           csrf, &a, &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
}

/* A password's length as a person counts it: й typed as и + U+0306 (a
 * combining breve, as some keyboards and macOS's decomposed text give it) is
 * one letter, not two, so seven such letters are too few and eight enough. */
Test(auth, a_combining_mark_is_part_of_its_letter_in_a_passwords_length)
{
    const char *seven = "ча\u0438\u0306ови\u0438\u0306"; /* чайовий, 9 code points */
    const char *eight = "га\u0438\u0306кови\u0438\u0306"; /* гайковий, 10 code points */
    cr_assert_eq(utf8_length(seven, strlen(seven)), 9);
    cr_assert_eq(utf8_letters(seven, strlen(seven)), 7);
    cr_assert_eq(app_password_check(seven, &err), -1, "7 letters passed");
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "shorter than 8 characters"), "%s", err.msg);
    cr_assert_eq(app_password_check(eight, &err), 0, "%s", err.msg);
    /* Each of the ranges joins its letter; a mark opening the text counts alone. */
    const char *marks = "a\u0301b\u1AB0c\u1DC0d\u20D7e\uFE20";
    cr_assert_eq(utf8_letters(marks, strlen(marks)), 5);
    cr_assert_eq(utf8_letters("\u0301a", strlen("\u0301a")), 2);
    cr_assert_eq(app_password_check("\u0456\u0308\u0456\u0308\u0456\u0308\u0456\u0308"
                                    "\u0456\u0308\u0456\u0308\u0456\u0308", &err),
                 -1, "seven ї of two code points each are 7 letters, not 14");
}

/* An IPv6 client owns a /64: rotating through it must not reset its count,
 * while a neighbouring /64 and IPv4-mapped addresses count on their own. */
Test(auth, ipv6_failures_count_per_64, .init = open_fresh, .fini = close_all)
{
    struct app_auth_limits l = {.per_account = 100, .per_ip = 3};
    app_auth_limits_default(&l);
    char tok[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN];
    struct store_user u;
    cr_assert_eq(app_user_add(s, "o@x.test", "participant", "p-1", "long-password", true, &err),
                 0, "%s", err.msg);
    const char *rotating[] = {"2001:db8:1:2::1", "2001:db8:1:2:aaaa::9", "2001:db8:1:2:ffff:1:2:3"};
    for (int i = 0; i < 3; i++)
        cr_assert_eq(app_login(s, &l, "o@x.test", "wrong", rotating[i], 3000, tok, csrf, &a, &u, NULL,
                               &err), APP_LOGIN_BAD);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "2001:db8:1:2::77", 3001, tok,
                           csrf, &a, &u, NULL, &err), APP_LOGIN_LIMITED);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "2001:db8:1:3::1", 3001, tok,
                           csrf, &a, &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
    for (int i = 0; i < 3; i++)
        cr_assert_eq(app_login(s, &l, "o@x.test", "wrong", "::ffff:10.0.0.1", 3002, tok, csrf, &a,
                               &u, NULL, &err), APP_LOGIN_BAD);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "::ffff:10.0.0.2", 3003, tok,
                           csrf, &a, &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
}

/* Device cookies: an attacker's failures from elsewhere, against the account
 * or from a shared address, do not keep out a browser that signed in before;
 * the same attempts without its cookie are limited as ever; a cookie of
 * another login, an unknown one, one that failed too often and one whose
 * login got a new password do not help. */
Test(auth, a_device_cookie_outlasts_an_attackers_failures, .init = open_fresh,
     .fini = close_all)
{
    struct app_auth_limits l = {.per_account = 3, .per_ip = 5};
    app_auth_limits_default(&l);
    cr_assert_eq(l.per_device, 3);
    char tok[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN], dev[APP_TOKEN_LEN] = "", dq[APP_TOKEN_LEN] = "";
    char d[APP_TOKEN_LEN];
    struct store_user u;
    cr_assert_eq(app_user_add(s, "o@x.test", "participant", "p-1", "long-password", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_user_add(s, "q@x.test", "participant", "p-2", "other-password", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1000, tok, csrf, &a,
                           &u, dev, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert(app_token_is_well_formed(dev));
    cr_assert_eq(app_login(s, &l, "q@x.test", "other-password", "1.1.1.2", 1000, tok, csrf, &a,
                           &u, dq, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert(app_token_is_well_formed(dq) && strcmp(dq, dev) != 0);
    /* the attacker locks the account from other addresses */
    for (int i = 0; i < 3; i++) {
        snprintf(d, sizeof d, "%s", "");
        cr_assert_eq(app_login(s, &l, "o@x.test", "guess", i ? "6.6.6.6" : "6.6.6.7", 1010, tok,
                               csrf, &a, &u, d, &err), APP_LOGIN_BAD);
        cr_assert_str_empty(d);
    }
    d[0] = '\0';
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1020, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    cr_assert_str_empty(d);
    snprintf(d, sizeof d, "%s", dev);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1020, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert_str_eq(d, dev);
    /* the owner's sign-in did not reset the attacker's count */
    d[0] = '\0';
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1021, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    /* a shared address (a venue's NAT) that others' failures locked */
    for (int i = 0; i < 5; i++) {
        char who[32];
        snprintf(who, sizeof who, "who%d@x.test", i);
        d[0] = '\0';
        cr_assert_eq(app_login(s, &l, who, "guess", "9.9.9.9", 1030, tok, csrf, &a, &u, d, &err),
                     APP_LOGIN_BAD);
    }
    snprintf(d, sizeof d, "%s", dq);
    cr_assert_eq(app_login(s, &l, "q@x.test", "other-password", "9.9.9.9", 1031, tok, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_LIMITED);
    cr_assert_eq(app_login(s, &l, "q@x.test", "other-password", "9.9.9.9", 1031, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_OK, "%s", err.msg);
    /* another login's cookie, or one never issued, is no cookie */
    snprintf(d, sizeof d, "%s", dq);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1040, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    cr_assert_str_empty(d);
    app_token_new(d);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1040, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    /* a device cookie that fails per_device times is revoked */
    for (int i = 0; i < 3; i++) {
        snprintf(d, sizeof d, "%s", dev);
        cr_assert_eq(app_login(s, &l, "o@x.test", "typo", "1.1.1.1", 1050, tok, csrf, &a, &u, d,
                               &err), APP_LOGIN_BAD);
    }
    snprintf(d, sizeof d, "%s", dev);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1051, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    /* once the window has passed it stays revoked: the sign-in issues a new one */
    snprintf(d, sizeof d, "%s", dev);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1051 + l.window, tok,
                           csrf, &a, &u, d, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert(app_token_is_well_formed(d) && strcmp(d, dev) != 0);
    snprintf(dev, sizeof dev, "%s", d);
    /* a new password revokes the login's device cookies */
    cr_assert_eq(app_user_set_password(s, "o@x.test", "newer-password", &err), 0, "%s", err.msg);
    int64_t t = 1100 + l.window;
    for (int i = 0; i < 3; i++)
        cr_assert_eq(app_login(s, &l, "o@x.test", "guess", "6.6.6.6", t, tok, csrf, &a, &u, NULL,
                               &err), APP_LOGIN_BAD);
    snprintf(d, sizeof d, "%s", dev);
    cr_assert_eq(app_login(s, &l, "o@x.test", "newer-password", "1.1.1.1", t, tok, csrf, &a, &u,
                           d, &err), APP_LOGIN_LIMITED);
}

/* A device cookie outlives a session but not its ttl, and a login keeps
 * only its APP_DEVICES_PER_LOGIN newest. */
Test(auth, device_cookies_expire_and_are_bounded, .init = open_fresh, .fini = close_all)
{
    struct app_auth_limits l = {.per_account = 1, .device_ttl = 100};
    app_auth_limits_default(&l);
    char tok[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN], first[APP_TOKEN_LEN] = "", d[APP_TOKEN_LEN];
    struct store_user u;
    cr_assert_eq(app_user_add(s, "o@x.test", "participant", "p-1", "long-password", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1000, tok, csrf, &a,
                           &u, first, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert_eq(app_login(s, &l, "o@x.test", "guess", "6.6.6.6", 1001, tok, csrf, &a, &u, NULL,
                           &err), APP_LOGIN_BAD);
    snprintf(d, sizeof d, "%s", first);  /* used at 1050: lives on to 1150 */
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1050, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_OK, "%s", err.msg);
    snprintf(d, sizeof d, "%s", first);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1150, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 2000, tok, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
    char many[APP_DEVICES_PER_LOGIN + 1][APP_TOKEN_LEN];
    for (int i = 0; i <= APP_DEVICES_PER_LOGIN; i++) {
        many[i][0] = '\0';
        cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 3000 + i, tok,
                               csrf, &a, &u, many[i], &err), APP_LOGIN_OK, "%s", err.msg);
    }
    cr_assert_eq(app_login(s, &l, "o@x.test", "guess", "6.6.6.6", 3040, tok, csrf, &a, &u, NULL,
                           &err), APP_LOGIN_BAD);
    snprintf(d, sizeof d, "%s", many[0]);   /* the oldest went */
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 3041, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_LIMITED);
    snprintf(d, sizeof d, "%s", many[1]);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 3041, tok, csrf, &a,
                           &u, d, &err), APP_LOGIN_OK, "%s", err.msg);
}

Test(auth, feed_tokens_rotate, .init = open_fresh, .fini = close_all)
{
    char t1[APP_TOKEN_LEN], t2[APP_TOKEN_LEN];
    int64_t audited = store_audit_count(s, &err);
    cr_assert_eq(app_feed_rotate(s, "o@x.test", "p-1", t1, &err), 0, "%s", err.msg);
    cr_assert_str_eq(app_feed_person(s, t1, &a, &err), "p-1");
    cr_assert_eq(app_feed_rotate(s, "o@x.test", "p-1", t2, &err), 0);
    cr_assert_str_neq(t1, t2);
    cr_assert_null(app_feed_person(s, t1, &a, &err));
    cr_assert_str_eq(app_feed_person(s, t2, &a, &err), "p-1");
    cr_assert_null(app_feed_person(s, "not a token", &a, &err));
    cr_assert_eq(app_feed_rotate(s, "o@x.test", "p-none", t1, &err), -1);
    cr_assert_eq(store_audit_count(s, &err), audited + 2, "each new feed URL is in the audit trail, "
                 "the refused one is not");
    cr_assert_eq(app_feed_off(s, "o@x.test", "p-1", &err), 0, "%s", err.msg);
    cr_assert_null(app_feed_person(s, t2, &a, &err), "switched off");
    cr_assert_eq(store_audit_count(s, &err), audited + 3, "switching it off is too");
}

/* Event ev's B2B session ev-s with its one slot ev-t. */
static void add_b2b_slot(void)
{
    struct store_session x = {.id = "ev-s", .event = "ev", .day = "2025-01-01", .name = "B2B",
                              .kind = "b2b", .starts_at = "2025-01-01T10:00:00+01:00",
                              .ends_at = "2025-01-01T11:00:00+01:00"};
    struct store_slot t = {.id = "ev-t", .session = "ev-s", .seq = 1,
                           .starts_at = "2025-01-01T10:00:00+01:00",
                           .ends_at = "2025-01-01T10:30:00+01:00"};
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    cr_assert_eq(store_slot_upsert(s, &t, &err), 0, "%s", err.msg);
}

static int count_meeting(void *ud, const struct store_meeting *m)
{
    (void)m;
    ++*(int *)ud;
    return 0;
}

Test(requests, the_workflow_rules, .init = open_fresh, .fini = close_all)
{
    struct store_request r, r2;
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-1", NULL, 1, NULL, 0, &a, &r, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-2", "Привіт'; --", 1, NULL, 0, &a, &r, NULL, &err), 0,
                 "%s", err.msg);
    cr_assert_str_eq(r.message, "Привіт'; --");
    cr_assert_eq(app_request_send(s, "p-2", "ev", "p-1", NULL, 1, NULL, 0, &a, &r2, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT); /* the pair, either way round */
    cr_assert_eq(app_request_act(s, AS_PERSON("p-1"), r.id, APP_REQUEST_ACCEPT, &a, &r2, NULL, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    /* the addressee of a pending request declines it: not cancel (409, not 403) */
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_CANCEL, &a, &r2, NULL, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_DECLINE, &a, &r2, NULL, NULL, &err), 0);
    cr_assert_str_eq(r2.status, "declined");
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_ACCEPT, &a, &r2, NULL, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    /* The cap of the event is one open request: the second one waits. */
    cr_assert_eq(app_request_send(s, "p-2", "ev", "p-1", NULL, 1, NULL, 0, &a, &r2, NULL, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r2.id, APP_REQUEST_CANCEL, &a, &r2, NULL, NULL, &err), 0);
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-2", NULL, 1, NULL, 0, &a, &r, NULL, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-none"), "req-none", APP_REQUEST_ACCEPT, &a, &r, NULL,
                                 NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* An agreed meeting is cancelled by either of its people, or by an organiser
 * for someone at the desk; each says who, and the meeting goes. */
Test(requests, cancels_by_the_addressee_and_by_an_organiser, .init = open_fresh,
     .fini = close_all)
{
    struct store_person third = {.id = "p-3", .org = "org-1", .name = "Ivan"};
    cr_assert_eq(store_person_upsert(s, &third, NULL, &err), 0, "%s", err.msg);
    add_b2b_slot();
    const struct app_request_actor desk = {.login = "desk@forum.test", .organiser = true};
    struct store_request r, out;
    /* the addressee cancels an agreed meeting: it leaves the schedule */
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-2", NULL, 1, NULL, 0, &a, &r, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_ACCEPT, &a, &out, NULL,
                                 NULL, &err), 0, "%s", err.msg);
    struct store_meeting m = {.id = "m-1", .request = r.id, .event = "ev", .slot = "ev-t"};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0, "%s", err.msg);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-3"), r.id, APP_REQUEST_CANCEL, &a, &out, NULL,
                                 NULL, &err), -1, "a third person may not");
    /* told as for an id that is none: no answer says another's request exists */
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_CANCEL, &a, &out, NULL,
                                 NULL, &err), 0, "%s", err.msg);
    cr_assert_str_eq(out.status, "cancelled");
    cr_assert_str_eq(out.cancelled_by, "addressee");
    int meetings = 0;
    cr_assert_eq(store_meeting_each(s, "ev", NULL, count_meeting, &meetings, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(meetings, 0, "the meeting left both agendas");
    cr_assert_eq(app_request_act(s, &desk, r.id, APP_REQUEST_CANCEL, &a, &out, NULL, NULL,
                                 &err), -1, "cancelled once");
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    /* an organiser cancels a pending request for someone, but answers none */
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-3", NULL, 1, NULL, 0, &a, &r, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(app_request_act(s, &desk, r.id, APP_REQUEST_ACCEPT, &a, &out, NULL, NULL, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    cr_assert_eq(app_request_act(s, &desk, r.id, APP_REQUEST_CANCEL, &a, &out, NULL, NULL, &err),
                 0, "%s", err.msg);
    cr_assert_str_eq(out.cancelled_by, "organiser");
    /* a re-import of the request as it stands, cancelled, keeps who did it */
    struct store_request again = {.id = r.id, .event = "ev", .from = "p-1", .to = "p-3",
                                  .status = "cancelled", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &again, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_request_get(s, r.id, &a, &out, &err), 0, "%s", err.msg);
    cr_assert_str_eq(out.cancelled_by, "organiser");
    /* a re-import of the request as pending forgets who cancelled it */
    again.status = "pending";
    cr_assert_eq(store_request_upsert(s, &again, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_request_get(s, r.id, &a, &out, &err), 0, "%s", err.msg);
    cr_assert_null(out.cancelled_by);
}

/* An organiser who is a request's addressee is a party first: a pending
 * request to them is theirs to decline, not to cancel as the organisers, and
 * the requester is told it was declined. */
Test(requests, an_organiser_addressed_declines_rather_than_cancels, .init = open_fresh,
     .fini = close_all)
{
    const struct app_request_actor desk_person = {.person = "p-2", .login = "desk@forum.test",
                                                  .organiser = true};
    struct store_request r, out;
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-2", NULL, 1, NULL, 0, &a, &r, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(app_request_act(s, &desk_person, r.id, APP_REQUEST_CANCEL, &a, &out, NULL, NULL,
                                 &err), -1, "the addressee declines a pending request");
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(store_request_get(s, r.id, &a, &out, &err), 0, "%s", err.msg);
    cr_assert_str_eq(out.status, "pending", "nothing changed");
    /* once agreed, they cancel it as its addressee, which the other is told */
    cr_assert_eq(app_request_act(s, &desk_person, r.id, APP_REQUEST_ACCEPT, &a, &out, NULL, NULL,
                                 &err), 0, "%s", err.msg);
    cr_assert_eq(app_request_act(s, &desk_person, r.id, APP_REQUEST_CANCEL, &a, &out, NULL, NULL,
                                 &err), 0, "%s", err.msg);
    cr_assert_str_eq(out.cancelled_by, "addressee");
}

/* Accepting at a published event commits the answer, then places the new
 * meeting around the published ones. When that fails (here the meetings
 * table refuses writes, as a full disk would) the answer stands: success,
 * not rescheduled, and a warning that says why. */
Test(requests, an_accept_stands_when_the_reschedule_fails, .init = open_fresh,
     .fini = close_all)
{
    struct store_location l = {.id = "ev-l", .event = "ev", .name = "Table 1", .kind = "table",
                               .seats = 4};
    add_b2b_slot();
    cr_assert_eq(store_location_upsert(s, &l, &err), 0, "%s", err.msg);
    cr_assert_eq(store_event_set_published(s, "ev", true, &err), 0, "%s", err.msg);
    struct store_request r, r2;
    cr_assert_eq(app_request_send(s, "p-1", "ev", "p-2", NULL, 1, NULL, 0, &a, &r, NULL, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(store_exec_for_tests(s, "CREATE TEMP TRIGGER meetings_refused BEFORE INSERT"
                                         " ON main.meetings BEGIN"
                                         " SELECT RAISE(ABORT, 'database or disk is full'); END;",
                                      &err), 0, "%s", err.msg);
    int rescheduled = -1;
    struct app_accept_warning warning = {.n = 0};
    cr_assert_eq(app_request_act(s, AS_PERSON("p-2"), r.id, APP_REQUEST_ACCEPT, &a, &r2, &rescheduled,
                                 &warning, &err), 0, "%s", err.msg);
    cr_assert_str_eq(r2.status, "accepted");
    cr_assert_eq(rescheduled, 0);
    cr_assert_not_null(warning.text);
    cr_assert(strstr(warning.text, "the request is accepted") && strstr(warning.text, "disk is full"),
              "%s", warning.text);
    /* and by code, for a page's words: the run failed, the next one places it */
    cr_assert_eq(warning.n, 1);
    cr_assert_str_eq(warning.part[0].code, "placing_failed");
    cr_assert_str_eq(warning.part[0].message, warning.text);
    struct store_request again;
    cr_assert_eq(store_request_get(s, r.id, &a, &again, &err), 0, "%s", err.msg);
    cr_assert_str_eq(again.status, "accepted", "the answer was kept");
}

/* A profile page saved without a change writes nothing, so that no server
 * thread rebuilds its partner index for it; the list counts as the store
 * keeps it (one per direction and code, the last given, in the store's
 * order), and any real change is written. */
Test(capabilities, a_save_without_a_change_writes_nothing, .init = open_fresh, .fini = close_all)
{
    struct store_capability two[] = {
        {.direction = "offer", .cpv = "35613000-4", .title = "Drones", .description = "FPV"},
        {.direction = "need", .cpv = "35300000-5", .title = "Ammunition"}};
    bool changed = false;
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", two, 2, &changed, &err), 0, "%s",
                 err.msg);
    cr_assert(changed);
    int64_t g = store_api_match_generation(s), audits = store_audit_count(s, &err);
    struct store_capability again[] = {
        {.direction = "need", .cpv = "35300000-5", .title = "Ammunition", .description = ""},
        {.direction = "offer", .cpv = "35613000-4", .title = "old title"},
        {.direction = "offer", .cpv = "35613000-4", .title = "Drones", .description = "FPV"}};
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", again, 3, &changed, &err), 0, "%s",
                 err.msg);
    cr_assert_not(changed, "another order, a key given twice (the last kept): the same list");
    cr_assert_eq(store_api_match_generation(s), g, "nothing written");
    cr_assert_eq(store_audit_count(s, &err), audits, "no audit line for nothing");

    again[2].confidential = 1;
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", again, 3, &changed, &err), 0, "%s",
                 err.msg);
    cr_assert(changed, "an offer made confidential is a change");
    cr_assert_gt(store_api_match_generation(s), g);
    g = store_api_match_generation(s);
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", two, 1, &changed, &err), 0, "%s",
                 err.msg);
    cr_assert(changed, "one dropped is a change");
    cr_assert_gt(store_api_match_generation(s), g);
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", NULL, 0, &changed, &err), 0);
    cr_assert(changed);
    g = store_api_match_generation(s);
    cr_assert_eq(app_capabilities_replace(s, "t", "org-1", NULL, 0, &changed, &err), 0);
    cr_assert_not(changed, "none, and none again");
    cr_assert_eq(store_api_match_generation(s), g);
}

/* The per-thread index of the partner engine: kept while no profile changed,
 * through the forum's other writes (a meeting request, a check-in), and
 * rebuilt once a profile changes, whether this thread or another connection
 * wrote it (the store's match generation). */
Test(http_cache, the_match_index_is_kept_until_a_profile_changes)
{
    char dir[] = "/tmp/dfnc-test-cache-XXXXXX", db[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    struct store *mine, *other;
    cr_assert_eq(store_open(&mine, db, &err), 0, "%s", err.msg);
    cr_assert_eq(store_open(&other, db, &err), 0, "%s", err.msg);
    struct store_org o = {.id = "org-a", .name = "A", .country = "FR", .kind = "company"};
    cr_assert_eq(store_org_upsert(mine, &o, NULL, &err), 0, "%s", err.msg);
    struct store_person pa = {.id = "p-a", .org = "org-a", .name = "Anne", .languages = "fr"};
    cr_assert_eq(store_person_upsert(mine, &pa, NULL, &err), 0, "%s", err.msg);

    unsigned long loads = http_cache_match_loads();
    const struct app_match_data *d1 = http_cache_match(mine, &err);
    cr_assert_not_null(d1, "%s", err.msg);
    cr_assert_eq(d1->profiles_n, 1);
    cr_assert_eq(http_cache_match(mine, &err), d1);
    cr_assert_eq(http_cache_match_loads(), loads + 1, "nothing changed: the same index");

    o = (struct store_org){.id = "org-b", .name = "B", .country = "UA", .kind = "company"};
    cr_assert_eq(store_org_upsert(mine, &o, NULL, &err), 0, "%s", err.msg);
    const struct app_match_data *d2 = http_cache_match(mine, &err);
    cr_assert_not_null(d2, "%s", err.msg);
    cr_assert_eq(d2->profiles_n, 2, "this thread's write shows");

    o = (struct store_org){.id = "org-c", .name = "C", .country = "PL", .kind = "government"};
    cr_assert_eq(store_org_upsert(other, &o, NULL, &err), 0, "%s", err.msg);
    const struct app_match_data *d3 = http_cache_match(mine, &err);
    cr_assert_not_null(d3, "%s", err.msg);
    cr_assert_eq(d3->profiles_n, 3, "another connection's commit shows");

    /* the forum's traffic: a meeting request and a check-in, from elsewhere */
    struct store_person pc = {.id = "p-c", .org = "org-c", .name = "Cezary", .languages = "pl"};
    cr_assert_eq(store_person_upsert(other, &pc, NULL, &err), 0, "%s", err.msg);
    const struct app_match_data *d4 = http_cache_match(mine, &err);
    cr_assert_not_null(d4, "%s", err.msg);
    cr_assert_str_eq(d4->profiles[2].languages, "pl", "a new person's languages show");
    loads = http_cache_match_loads();
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2026-12-01",
                            .ends_on = "2026-12-01", .request_cap = 20};
    cr_assert_eq(store_event_upsert(other, &e, NULL, &err), 0, "%s", err.msg);
    struct store_request rq = {.id = "rq", .event = "ev", .from = "p-a", .to = "p-c",
                               .status = "pending"};
    cr_assert_eq(store_request_upsert(other, &rq, NULL, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    const char *at;
    cr_assert_eq(store_web_checkin(other, "p-c", "2026-12-01", 1764576000, &a, &at, &err), 0, "%s", err.msg);
    arena_free(&a);
    cr_assert_eq(http_cache_match(mine, &err), d4);
    http_cache_clear(); /* as the dispatcher does after any write: replies only */
    cr_assert_eq(http_cache_match(mine, &err), d4);
    cr_assert_eq(http_cache_match_loads(), loads, "a request and a check-in keep the index");

    struct store_capability c = {.org = "org-c", .direction = "need", .cpv = "35613000-4",
                                 .title = "UAVs"};
    cr_assert_eq(store_capability_upsert(other, &c, NULL, &err), 0, "%s", err.msg);
    const struct app_match_data *d5 = http_cache_match(mine, &err);
    cr_assert_not_null(d5, "%s", err.msg);
    cr_assert_eq(d5->profiles[2].needs_n, 1, "a new need is a profile change");
    cr_assert_eq(http_cache_match_loads(), loads + 1);

    /* the same row written again (a file imported twice) is no change */
    cr_assert_eq(store_org_upsert(other, &o, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(http_cache_match(mine, &err), d5);
    cr_assert_eq(http_cache_match_loads(), loads + 1, "an unchanged row keeps the index");
    o.description = "Border guard: counter-drone radar";
    cr_assert_eq(store_org_upsert(other, &o, NULL, &err), 0, "%s", err.msg);
    const struct app_match_data *d6 = http_cache_match(mine, &err);
    cr_assert_not_null(d6, "%s", err.msg);
    cr_assert_eq(http_cache_match_loads(), loads + 2, "a new description is a profile change");
    cr_assert_not_null(strstr(d6->profiles[2].text, "counter-drone"));

    http_cache_free();
    store_close(other);
    store_close(mine);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* ---- one partner index for every server thread -------------------------------- */

#define SHARE_THREADS 4

struct share_reader {
    const char *db;
    pthread_barrier_t *go;   /* NULL: ask at once */
    bool change;             /* first add a profile (org-z) */
    const struct app_match_data *got;
    int profiles_n, snapshots;
};

/* A worker thread's request: its own connection, one partner index. */
static void *share_read(void *arg)
{
    struct share_reader *t = arg;
    struct df_err e = {0};
    struct store *s;
    struct store_org o = {.id = "org-z", .name = "Z", .country = "LT", .kind = "company"};
    if (store_open(&s, t->db, &e) == 0) {
        if (t->go)
            pthread_barrier_wait(t->go);   /* all ask at once */
        if (!t->change || store_org_upsert(s, &o, NULL, &e) == 0)
            t->got = http_cache_match(s, &e);
        t->profiles_n = t->got ? t->got->profiles_n : -1;
        t->snapshots = http_cache_match_snapshots();
        http_cache_free();
        store_close(s);
    }
    return NULL;
}

/* SHARE_THREADS threads ask at once; into t[]. */
static void share_round(const char *db, struct share_reader t[SHARE_THREADS])
{
    pthread_barrier_t go;
    pthread_t th[SHARE_THREADS];
    pthread_barrier_init(&go, NULL, SHARE_THREADS);
    for (int i = 0; i < SHARE_THREADS; i++) {
        t[i] = (struct share_reader){.db = db, .go = &go};
        cr_assert_eq(pthread_create(&th[i], NULL, share_read, &t[i]), 0);
    }
    for (int i = 0; i < SHARE_THREADS; i++)
        pthread_join(th[i], NULL);
    pthread_barrier_destroy(&go);
}

/* A dashboard's reply kept (api_reply_json_keeping) is the very text the
 * reply gave, as JSON replies are written (http_reply_json), and is given
 * again by api_reply_kept while nothing is committed; an error is replied
 * and not kept. */
Test(http_cache, a_reply_kept_is_the_text_replied_and_an_error_is_not_kept)
{
    char dir[] = "/tmp/dfnc-test-kept-XXXXXX", db[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    struct store *mine;
    cr_assert_eq(store_open(&mine, db, &err), 0, "%s", err.msg);
    /* the cache learns the connection's data version at its first look
     * with something kept (before, it has no table to look in) */
    size_t len;
    http_cache_put(HTTP_CACHE_COMMITS, "prime", "x", 1);
    free(http_cache_get(mine, HTTP_CACHE_COMMITS, "prime", &len));
    struct http_req r = {.s = mine, .reply_fd = -1};
    cr_assert_not(api_reply_kept(&r, HTTP_CACHE_COMMITS, "figures:ev"), "nothing kept yet");
    api_reply_json_keeping(&r, HTTP_CACHE_COMMITS, "figures:ev", json_pack("{ss si}", "event", "ev", "n", 3), &err);
    cr_assert_eq(r.status, 200);
    cr_assert_str_eq(r.ctype, "application/json; charset=utf-8");
    cr_assert_str_eq(r.reply, "{\"event\":\"ev\",\"n\":3}", "compact, in order");
    struct http_req again = {.s = mine, .reply_fd = -1};
    cr_assert(api_reply_kept(&again, HTTP_CACHE_COMMITS, "figures:ev"));
    cr_assert_eq(again.status, 200);
    cr_assert_eq(again.reply_len, r.reply_len);
    cr_assert_str_eq(again.reply, r.reply);
    cr_assert_str_eq(again.ctype, r.ctype);

    struct df_err no = {0};
    df_err_set(&no, DF_ERR_NOT_FOUND, "no event \"gone\"");
    struct http_req bad = {.s = mine, .reply_fd = -1};
    api_reply_json_keeping(&bad, HTTP_CACHE_COMMITS, "figures:gone", NULL, &no);
    cr_assert_eq(bad.status, 404);
    cr_assert(strstr(bad.reply, "no event"), "%s", bad.reply);
    struct http_req none = {.s = mine, .reply_fd = -1};
    cr_assert_not(api_reply_kept(&none, HTTP_CACHE_COMMITS, "figures:gone"), "an error is not kept");

    free(r.reply);
    free(again.reply);
    free(bad.reply);
    http_cache_clear();
    store_close(mine);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* The server's threads share one index: asked by several at once it is
 * built once, and after a change once again (the threads that ask while it
 * is built wait for it); an old index is freed when the last thread
 * reading it lets go, not before. */
Test(http_cache, one_match_index_for_all_threads)
{
    char dir[] = "/tmp/dfnc-test-share-XXXXXX", db[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/t.db", dir);
    struct store *mine;
    cr_assert_eq(store_open(&mine, db, &err), 0, "%s", err.msg);
    struct store_org o = {.id = "org-a", .name = "A", .country = "FR", .kind = "company"};
    cr_assert_eq(store_org_upsert(mine, &o, NULL, &err), 0, "%s", err.msg);

    unsigned long loads = http_cache_match_loads();
    struct share_reader t[SHARE_THREADS];
    share_round(db, t);
    for (int i = 0; i < SHARE_THREADS; i++) {
        cr_assert_not_null(t[i].got, "thread %d", i);
        cr_assert_eq(t[i].got, t[0].got, "thread %d reads the same index", i);
        cr_assert_eq(t[i].profiles_n, 1);
    }
    cr_assert_eq(http_cache_match_loads(), loads + 1, "built once, not once a thread");
    cr_assert_eq(http_cache_match_snapshots(), 1);

    o = (struct store_org){.id = "org-b", .name = "B", .country = "UA", .kind = "company"};
    cr_assert_eq(store_org_upsert(mine, &o, NULL, &err), 0, "%s", err.msg);
    share_round(db, t);
    for (int i = 0; i < SHARE_THREADS; i++) {
        cr_assert_not_null(t[i].got, "thread %d", i);
        cr_assert_eq(t[i].profiles_n, 2,
                     "thread %d: nobody is answered from before a change its connection saw", i);
    }
    cr_assert_eq(http_cache_match_loads(), loads + 2, "a change: one rebuild");
    cr_assert_eq(http_cache_match_snapshots(), 1, "the last one is freed: nobody reads it");
    const struct app_match_data *second = http_cache_match(mine, &err);
    cr_assert_not_null(second, "%s", err.msg);
    cr_assert_eq(second->profiles_n, 2);
    cr_assert_eq(http_cache_match_loads(), loads + 2, "every thread now reads the new one");

    /* this thread still reads `second` while another changes a profile and
     * builds the next: both are in memory until this one lets go */
    struct share_reader w = {.db = db, .change = true};
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, share_read, &w), 0);
    pthread_join(th, NULL);
    cr_assert_not_null(w.got);
    cr_assert_eq(w.profiles_n, 3, "the writer reads its change");
    cr_assert_eq(w.snapshots, 2, "the old one is kept for its reader");
    cr_assert_eq(http_cache_match_snapshots(), 2);
    cr_assert_eq(second->profiles_n, 2, "still readable");
    cr_assert_str_eq(second->profiles[1].id, "org-b");
    http_cache_match_release();
    cr_assert_eq(http_cache_match_snapshots(), 1, "freed once its last reader let go");
    cr_assert_eq(http_cache_match(mine, &err), w.got, "the writer's is the shared one");
    cr_assert_eq(http_cache_match_loads(), loads + 3);

    http_cache_free();
    store_close(mine);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* ---- peers ------------------------------------------------------------------------ */

static struct sockaddr_storage sa_of(const char *text)
{
    struct sockaddr_storage ss = {0};
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, text, &v4->sin_addr) == 1)
        v4->sin_family = AF_INET;
    else if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1)
        v6->sin6_family = AF_INET6;
    else
        cr_assert_fail("%s is no address", text);
    return ss;
}

/* An IPv6 client owns a /64: libmicrohttpd counted each of its addresses
 * apart, so one client could take every connection. */
Test(http_peers, ipv6_clients_count_per_64)
{
    struct http_peer_counts c;
    cr_assert_eq(http_peer_counts_init(&c, 3, 8, &err), 0);
    const char *one_64[] = {"2001:db8:1:2::1", "2001:db8:1:2:aaaa::9", "2001:db8:1:2:ffff:1:2:3",
                            "2001:db8:1:2::77"};
    struct in6_addr key;
    for (int i = 0; i < 3; i++) {
        struct sockaddr_storage ss = sa_of(one_64[i]);
        cr_assert(http_peer_key((struct sockaddr *)&ss, &key));
        cr_assert(http_peer_counts_admits(&c, &key), "%s", one_64[i]);
        cr_assert(http_peer_counts_open(&c, &key));
    }
    struct sockaddr_storage ss = sa_of(one_64[3]);
    cr_assert(http_peer_key((struct sockaddr *)&ss, &key));
    cr_assert_not(http_peer_counts_admits(&c, &key), "a fourth address of the /64 is admitted");
    cr_assert_eq(http_peer_counts_of(&c, &key), 3);
    /* the neighbouring /64 and IPv4 clients count on their own */
    const char *others[] = {"2001:db8:1:3::1", "10.0.0.1", "10.0.0.2"};
    for (int i = 0; i < 3; i++) {
        struct in6_addr k;
        struct sockaddr_storage o = sa_of(others[i]);
        cr_assert(http_peer_key((struct sockaddr *)&o, &k));
        cr_assert(http_peer_counts_admits(&c, &k), "%s", others[i]);
        cr_assert_eq(http_peer_counts_of(&c, &k), 0, "%s", others[i]);
    }
    /* an IPv4 client mapped into IPv6 (a dual-stack socket) is the same client */
    struct in6_addr k4, k4m;
    struct sockaddr_storage v4 = sa_of("10.0.0.1"), v4m = sa_of("::ffff:10.0.0.1");
    cr_assert(http_peer_key((struct sockaddr *)&v4, &k4));
    cr_assert(http_peer_key((struct sockaddr *)&v4m, &k4m));
    cr_assert_eq(memcmp(&k4, &k4m, sizeof k4), 0);
    struct sockaddr_storage v4n = sa_of("10.0.0.2");
    struct in6_addr k4n;
    cr_assert(http_peer_key((struct sockaddr *)&v4n, &k4n));
    cr_assert_neq(memcmp(&k4, &k4n, sizeof k4), 0, "IPv4 addresses are not grouped");
    /* a closed connection makes room again */
    http_peer_counts_close(&c, &key);
    cr_assert(http_peer_counts_admits(&c, &key));
    cr_assert_eq(http_peer_counts_of(&c, &key), 2);
    http_peer_counts_free(&c);
}

Test(http_peers, proxies_are_addresses_and_only_those_are_believed)
{
    struct http_proxies p;
    cr_assert_eq(http_proxies_parse("10.0.0.1,2001:db8::5", &p, &err), 0, "%s", err.msg);
    cr_assert_eq(p.n, 2);
    struct sockaddr_storage a1 = sa_of("10.0.0.1"), a1m = sa_of("::ffff:10.0.0.1"),
                            a2 = sa_of("2001:db8::5"), b = sa_of("10.0.0.2"),
                            b6 = sa_of("2001:db8::6");
    cr_assert(http_proxies_has(&p, (struct sockaddr *)&a1));
    cr_assert(http_proxies_has(&p, (struct sockaddr *)&a1m));
    cr_assert(http_proxies_has(&p, (struct sockaddr *)&a2));
    cr_assert_not(http_proxies_has(&p, (struct sockaddr *)&b));
    cr_assert_not(http_proxies_has(&p, (struct sockaddr *)&b6), "not per /64: one address");
    const char *bad[] = {"", "--public-url", "10.0.0.1,", ",10.0.0.1", "10.0.0.1,proxy",
                         "10.0.0.256", "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/+8",
                         "10.0.0.0/8x", "2001:db8::1/64", "2001:db8::/129", "/8"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(http_proxies_parse(bad[i], &p, &err), -1, "\"%s\" taken", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_USAGE);
        cr_assert(strstr(err.msg, "--behind-proxy"), "%s", err.msg);
    }
    char many[400] = "";
    for (int i = 0; i <= HTTP_PROXIES_MAX; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "%s10.0.0.%d", i ? "," : "", i);
    cr_assert_eq(http_proxies_parse(many, &p, &err), -1);
    cr_assert(strstr(err.msg, "at most"), "%s", err.msg);
}

/* A load balancer's pool is a range: every address in it is believed, the
 * neighbours outside it are not, in both families and at odd lengths. */
Test(http_peers, proxies_may_be_ranges)
{
    struct http_proxies p;
    cr_assert_eq(http_proxies_parse("10.1.0.0/16,0.0.0.0/0x", &p, &err), -1,
                 "a bad length anywhere refuses the list");
    cr_assert_eq(http_proxies_parse("10.1.0.0/16,192.168.4.0/22,2001:db8:aa00::/40", &p, &err), 0,
                 "%s", err.msg);
    const char *in[] = {"10.1.0.0", "10.1.255.255", "::ffff:10.1.2.3", "192.168.4.1",
                        "192.168.7.254", "2001:db8:aa00::1", "2001:db8:aaff:ffff::9"};
    const char *out[] = {"10.0.255.255", "10.2.0.0", "192.168.3.255", "192.168.8.0",
                         "2001:db8:ab00::1", "2001:db8:a900::1", "::a01:203"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        struct sockaddr_storage a = sa_of(in[i]);
        cr_assert(http_proxies_has(&p, (struct sockaddr *)&a), "%s is in the ranges", in[i]);
    }
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        struct sockaddr_storage a = sa_of(out[i]);
        cr_assert_not(http_proxies_has(&p, (struct sockaddr *)&a), "%s is not", out[i]);
    }
    cr_assert_eq(http_proxies_parse("0.0.0.0/0", &p, &err), 0, "%s", err.msg);
    struct sockaddr_storage any4 = sa_of("203.0.113.9"), any6 = sa_of("2001:db8::1");
    cr_assert(http_proxies_has(&p, (struct sockaddr *)&any4), "/0 is every IPv4 address");
    cr_assert_not(http_proxies_has(&p, (struct sockaddr *)&any6), "and no IPv6 one");
}

/* X-Forwarded-For through a chain (a CDN, then the venue's balancer): read
 * from the right, trusted hops skipped; what a client wrote itself on the
 * left is never reached while an untrusted hop comes first. */
Test(http_peers, the_client_is_the_last_address_no_trusted_proxy_holds)
{
    struct http_proxies p;
    char ip[64];
    cr_assert_eq(http_proxies_parse("10.0.0.0/8", &p, &err), 0, "%s", err.msg);
    struct { const char *xff, *client; } cases[] = {
        {"203.0.113.7", "203.0.113.7"},
        {"203.0.113.7, 10.0.0.5", "203.0.113.7"},
        {"6.6.6.6, 203.0.113.7, 10.0.0.5,10.9.9.9", "203.0.113.7"},   /* 6.6.6.6 forged */
        {"  2001:db8::7 ,10.0.0.5 ", "2001:db8::7"},
        {"not-an-address, 10.0.0.5", "10.0.0.5"},   /* stops; the trusted hop's word */
        {"10.0.0.4, 10.0.0.5", "10.0.0.4"},         /* only proxies: the first */
        {"203.0.113.7, 10.0.0.5, junk", NULL},
        {"", NULL},
        {" , ", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        snprintf(ip, sizeof ip, "peer");
        bool found = http_proxies_client(&p, cases[i].xff, ip, sizeof ip);
        cr_assert_eq(found, cases[i].client != NULL, "\"%s\"", cases[i].xff);
        cr_assert_str_eq(ip, cases[i].client ? cases[i].client : "peer", "\"%s\"", cases[i].xff);
    }
}

/* Signing out everywhere else ends the login's other sessions, keeps the
 * caller's, and leaves a line in the audit trail saying who and how many. */
Test(auth, signing_out_elsewhere_is_in_the_audit_trail, .init = open_fresh, .fini = close_all)
{
    struct app_auth_limits l = {0};
    app_auth_limits_default(&l);
    char mine[APP_TOKEN_LEN], other[APP_TOKEN_LEN], csrf[APP_TOKEN_LEN];
    struct store_user u, found;
    cr_assert_eq(app_user_add(s, "o@x.test", "participant", "p-1", "long-password", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.1", 1000, other, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
    cr_assert_eq(app_login(s, &l, "o@x.test", "long-password", "1.1.1.2", 1001, mine, csrf, &a,
                           &u, NULL, &err), APP_LOGIN_OK, "%s", err.msg);
    int64_t before = store_audit_count(s, &err), sessions = -1, devices = -1;
    cr_assert_eq(app_sign_out_others(s, &u, mine, NULL, 1002, &sessions, &devices, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(sessions, 1);
    cr_assert_eq(store_audit_count(s, &err), before + 1, "one line in the audit trail");
    cr_assert_eq(app_session_find(s, mine, 1003, &a, &found, &err), 0, "the caller's session "
                 "stays: %s", err.msg);
    cr_assert_eq(app_session_find(s, other, 1003, &a, &found, &err), -1, "the other one is gone");
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* ---- the agendas kept per thread through the forum day's writes ----------------- */

/* A forum where a's agenda and calendar read every table the agenda
 * generation watches: she meets b in t1 at Table 1 with an interpreter (r1)
 * and c in t2 (r2); c meets b (r3); the B2B session and a talk before it. */
static const char agenda_forum[] =
    "INSERT INTO organisations(id, name, country, kind) VALUES"
    " ('oa', 'Org A', 'DE', 'company'), ('ob', 'Org B', 'UA', 'company');"
    "INSERT INTO people(id, org_rid, name) SELECT x.id, o.rid, x.name FROM organisations o,"
    " (SELECT 'a' id, 'oa' org, 'Anna' name UNION ALL SELECT 'b', 'ob', 'Bohdan'"
    "  UNION ALL SELECT 'c', 'ob', 'Chrystia' UNION ALL SELECT 'e', 'oa', 'Emil') x"
    " WHERE o.id = x.org;"
    "INSERT INTO events(id, name, venue, timezone, starts_on, ends_on)"
    " VALUES ('ev', 'Forum', 'Expo', 'Europe/Brussels', '2027-02-16', '2027-02-17');"
    "INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at)"
    " SELECT 's1', rid, '2027-02-16', 'B2B', 'b2b', '2027-02-16T09:00:00+01:00',"
    "  '2027-02-16T12:00:00+01:00' FROM events;"
    "INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at, place)"
    " SELECT 's2', rid, '2027-02-16', 'Opening', 'conference', '2027-02-16T08:00:00+01:00',"
    "  '2027-02-16T09:00:00+01:00', 'Hall A' FROM events;"
    "INSERT INTO slots(id, session_rid, seq, starts_at, ends_at) SELECT x.id, s.rid, x.seq,"
    " x.st, x.en FROM sessions s, (SELECT 't1' id, 1 seq, '2027-02-16T09:00:00+01:00' st,"
    "  '2027-02-16T09:20:00+01:00' en UNION ALL SELECT 't2', 2, '2027-02-16T09:20:00+01:00',"
    "  '2027-02-16T09:40:00+01:00') x WHERE s.id = 's1';"
    "INSERT INTO locations(id, event_rid, name) SELECT 'L1', rid, 'Table 1' FROM events;"
    "INSERT INTO interpreters(id, event_rid, name, lang_a, lang_b)"
    " SELECT 'iv', rid, 'Iryna', 'uk', 'en' FROM events;"
    "INSERT INTO requests(id, event_rid, from_rid, to_rid, status, message)"
    " SELECT x.id, e.rid, f.rid, t.rid, 'accepted', 'hi' FROM events e,"
    " (SELECT 'r1' id, 'a' f, 'b' t UNION ALL SELECT 'r2', 'a', 'c'"
    "  UNION ALL SELECT 'r3', 'c', 'b') x JOIN people f ON f.id = x.f JOIN people t ON t.id = x.t;"
    "INSERT INTO meetings(id, request_rid, slot_rid, location_rid, interpreter_rid)"
    " SELECT 'm1', r.rid, t.rid, l.rid, i.rid FROM requests r, slots t, locations l, interpreters i"
    " WHERE r.id = 'r1' AND t.id = 't1';"
    "INSERT INTO meetings(id, request_rid, slot_rid, location_rid)"
    " SELECT x.m, r.rid, t.rid, l.rid FROM requests r, slots t, locations l,"
    " (SELECT 'm2' m, 'r2' r, 't2' t UNION ALL SELECT 'm3', 'r3', 't1') x"
    " WHERE r.id = x.r AND t.id = x.t;"
    "UPDATE events SET published_at = '2027-02-01T10:00:00Z'";

static char agenda_db[64];
static struct store *mine;

static void agenda_setup(void)
{
    snprintf(agenda_db, sizeof agenda_db, "/tmp/dfnc-test-agenda-kept-%d.db", (int)getpid());
    scratch_db_remove(agenda_db);
    cr_assert_eq(store_open(&mine, agenda_db, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(mine, agenda_forum, &err), 0, "%s", err.msg);
    arena_init(&a, 0);
}

static void agenda_teardown(void)
{
    http_cache_free();
    arena_free(&a);
    store_close(mine);
    scratch_db_remove(agenda_db);
}

/* sql committed by another connection to the file (another server thread,
 * dfnc's CLI). */
static void other_writes(const char *sql)
{
    struct store *other;
    cr_assert_eq(store_open(&other, agenda_db, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(other, sql, &err), 0, "%s: %s", sql, err.msg);
    store_close(other);
}

/* What a's agenda says, JSON then her calendar with the forum's programme,
 * into out (a malloc'd string: the caller frees). */
static char *agenda_of_a(void)
{
    struct buf out = BUF_INIT(1u << 20);
    cr_assert_eq(app_agenda_json(mine, "a", &out, &err), 0, "%s", err.msg);
    cr_assert_eq(app_agenda_ics(mine, "a", "ev", true, &out, &err), 0, "%s", err.msg);
    char *text = strdup(buf_str(&out));
    buf_free(&out);
    /* the calendar's DTSTAMP lines are the clock's second when it was
     * written, not what the agenda says: left out, so that two renderings a
     * second apart compare equal */
    char *w = text;
    for (const char *r = text; *r;) {
        const char *end = strchr(r, '\n');
        size_t n = end ? (size_t)(end - r) + 1 : strlen(r);
        if (strncmp(r, "DTSTAMP:", 8) != 0) {
            memmove(w, r, n);
            w += n;
        }
        r += n;
    }
    *w = '\0';
    return text;
}

/* a's agenda as the server answers it: the kept one, or rendered and kept;
 * *kept says which. A malloc'd string. */
static char *agenda_asked(bool *kept)
{
    size_t len;
    char *hit = http_cache_get(mine, HTTP_CACHE_AGENDAS, "agenda:a", &len);
    *kept = hit != NULL;
    if (hit)
        return hit;
    char *text = agenda_of_a();
    http_cache_put(HTTP_CACHE_AGENDAS, "agenda:a", text, strlen(text));
    return text;
}

/* One write to each table and column an agenda reads (migration 63's
 * triggers), each changing what a's agenda or calendar says. */
static const char *const agenda_writes[] = {
    "UPDATE requests SET message = 'see you at the stand' WHERE id = 'r1'",
    "UPDATE requests SET status = 'pending' WHERE id = 'r2'",
    "UPDATE requests SET introduced = 1 WHERE id = 'r1'",
    "DELETE FROM requests WHERE id = 'r2'",
    "INSERT INTO request_attendees(request_rid, person_rid) SELECT r.rid, p.rid"
    " FROM requests r, people p WHERE r.id = 'r1' AND p.id = 'e'",
    "UPDATE meetings SET sequence = sequence + 1 WHERE id = 'm1'",
    "UPDATE meetings SET location_rid = NULL WHERE id = 'm2'",
    "UPDATE meetings SET moved_from_start = '2027-02-16T09:20:00+01:00',"
    " moved_from_location = 'Table 2' WHERE id = 'm1'",
    "DELETE FROM meetings WHERE id = 'm2'",
    "INSERT INTO withdrawn_meetings(meeting_id, request_rid, starts_at, ends_at, location,"
    " sequence) SELECT 'm9', rid, '2027-02-17T09:00:00+01:00', '2027-02-17T09:20:00+01:00',"
    " 'Table 3', 2 FROM requests WHERE id = 'r2'",
    "INSERT INTO withdrawn_attendance(request_rid, person_rid, meeting_id, starts_at, ends_at,"
    " sequence) SELECT r.rid, p.rid, 'm3', '2027-02-16T09:00:00+01:00',"
    " '2027-02-16T09:20:00+01:00', 1 FROM requests r, people p WHERE r.id = 'r3' AND p.id = 'a'",
    "INSERT INTO withdrawn_sessions(session_id, event_rid, name, kind, starts_at, ends_at,"
    " sequence) SELECT 's9', rid, 'Closing', 'conference', '2027-02-17T17:00:00+01:00',"
    " '2027-02-17T18:00:00+01:00', 1 FROM events",
    "UPDATE people SET name = 'Bohdana' WHERE id = 'b'",
    "UPDATE people SET ui_language = 'uk' WHERE id = 'a'",
    "UPDATE people SET org_rid = (SELECT rid FROM organisations WHERE id = 'oa') WHERE id = 'c'",
    "UPDATE organisations SET name_uk = 'Орг Б' WHERE id = 'ob'",
    "UPDATE organisations SET country = 'PL' WHERE id = 'ob'",
    "UPDATE events SET published_at = NULL",
    "UPDATE events SET timezone = 'Europe/Kyiv'",
    "UPDATE events SET venue_uk = 'Експо'",
    "UPDATE sessions SET name = 'Morning B2B' WHERE id = 's1'",
    "UPDATE sessions SET place = 'Hall B' WHERE id = 's2'",
    "INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at) SELECT 's3', rid,"
    " '2027-02-16', 'Lunch', 'break', '2027-02-16T12:00:00+01:00', '2027-02-16T13:00:00+01:00'"
    " FROM events",
    "DELETE FROM sessions WHERE id = 's2'",
    "UPDATE slots SET starts_at = '2027-02-16T09:05:00+01:00' WHERE id = 't1'",
    "UPDATE locations SET name = 'Table 9' WHERE id = 'L1'",
    "UPDATE interpreters SET name = 'Iryna Savchuk' WHERE id = 'iv'",
    "DELETE FROM interpreters WHERE id = 'iv'",
};

static int agenda_write_ix[sizeof agenda_writes / sizeof agenda_writes[0]];

ParameterizedTestParameters(http_cache_agenda, a_change_to_what_it_reads_drops_it)
{
    size_t n = sizeof agenda_writes / sizeof agenda_writes[0];
    for (size_t i = 0; i < n; i++)
        agenda_write_ix[i] = (int)i;
    return cr_make_param_array(int, agenda_write_ix, n);
}

ParameterizedTest(int *ix, http_cache_agenda, a_change_to_what_it_reads_drops_it,
                  .init = agenda_setup, .fini = agenda_teardown)
{
    const char *sql = agenda_writes[*ix];
    bool kept;
    char *first = agenda_asked(&kept);
    cr_assert_not(kept);
    free(agenda_asked(&kept));
    cr_assert(kept, "nothing changed: the kept one");
    other_writes(sql);
    char *now = agenda_asked(&kept);
    cr_assert_not(kept, "dropped after %s", sql);
    cr_assert_str_neq(now, first, "the write changes the agenda: %s", sql);
    char *fresh = agenda_of_a();
    cr_assert_str_eq(now, fresh);
    free(fresh);
    free(first);
    free(now);
    free(agenda_asked(&kept));
    cr_assert(kept, "kept again");
}

Test(http_cache_agenda, the_forum_days_other_writes_leave_it, .init = agenda_setup,
     .fini = agenda_teardown)
{
    bool kept;
    char *first = agenda_asked(&kept);
    int64_t g, g2;
    cr_assert_eq(store_api_agenda_generation(mine, &g), 0);
    int64_t said = store_api_outcome_generation(mine);
    /* by this thread's connection: a check-in, a message, an outcome, a
     * partner said absent, a request sent and declined */
    const char *when, *id;
    cr_assert_eq(store_web_checkin(mine, "a", "2027-02-16", 1802764800, &a, &when, &err), 0,
                 "%s", err.msg);
    cr_assert_eq(store_message_add(mine, "r1", "a", "I'm at the stand", &err), 0, "%s", err.msg);
    cr_assert_eq(store_outcome_set(mine, "r1", "a", "follow_up", "call back", &err), 0, "%s",
                 err.msg);
    cr_assert_eq(store_absence_report(mine, "r1", "a", &a, &id, &err), 0, "%s", err.msg);
    /* and by another connection: mail sent, a login, a walk-in, words on
     * people no agenda says, a request sent then declined, a time proposed,
     * a meeting's row rewritten unchanged, an offer, an outcome's note */
    other_writes(
        "INSERT INTO mail_outbox(id, to_addr, person_rid, kind, subject, body, next_try_at)"
        " SELECT 'ml1', 'anna@example.org', rid, 'message', 'A message', 'Hello',"
        " '2027-02-16T08:00:00Z' FROM people WHERE id = 'a';"
        "UPDATE mail_outbox SET status = 'sent', sent_at = '2027-02-16T08:00:10Z',"
        " attempts = 1, body = '' WHERE id = 'ml1';"
        "INSERT INTO users(email, password_hash, role, person_rid)"
        " SELECT 'anna@example.org', 'x', 'participant', rid FROM people WHERE id = 'a';"
        "INSERT INTO user_sessions(token_hash, user_rid, csrf, created_at, expires_at)"
        " SELECT x'0102', rid, 'c', 1802764800, 1802851200 FROM users;"
        "INSERT INTO people(id, org_rid, name) SELECT 'w', rid, 'Walk-in' FROM organisations"
        " WHERE id = 'oa';"
        "UPDATE people SET title = 'CEO', languages = 'en;uk', email = 'b@example.org'"
        " WHERE id = 'b';"
        "INSERT INTO requests(id, event_rid, from_rid, to_rid) SELECT 'r7', e.rid, f.rid, t.rid"
        " FROM events e, people f, people t WHERE f.id = 'b' AND t.id = 'a';"
        "UPDATE requests SET status = 'declined' WHERE id = 'r7';"
        "UPDATE requests SET proposed_slot_rid = (SELECT rid FROM slots WHERE id = 't2'),"
        " priority = 3 WHERE id = 'r1';"
        "UPDATE meetings SET updated_at = '2027-02-16T08:00:00Z' WHERE id = 'm1';"
        "UPDATE meetings SET sequence = sequence WHERE id = 'm2';"
        "INSERT INTO capabilities(org_rid, direction, cpv, title) SELECT rid, 'offer',"
        " '35613000-4', 'Drones' FROM organisations WHERE id = 'oa';"
        "UPDATE meeting_outcomes SET note = 'call back on Monday';");
    char *now = agenda_asked(&kept);
    cr_assert(kept, "the kept agenda is answered");
    cr_assert_str_eq(now, first);
    char *fresh = agenda_of_a();
    cr_assert_str_eq(fresh, first, "and it is still true");
    cr_assert_eq(store_api_agenda_generation(mine, &g2), 0);
    cr_assert_eq(g2, g);
    cr_assert_eq(store_api_outcome_generation(mine), said + 1,
                 "the outcome moves the outcome figures' counter, its note does not");
    free(fresh);
    free(first);
    free(now);
}

Test(http_cache_agenda, its_own_connections_write_drops_it, .init = agenda_setup,
     .fini = agenda_teardown)
{
    bool kept;
    free(agenda_asked(&kept));
    cr_assert_eq(store_exec_for_tests(mine, "UPDATE people SET name = 'Bo' WHERE id = 'b'",
                                      &err), 0, "%s", err.msg);
    http_cache_clear();   /* as the dispatcher does after a write: the agendas stay */
    char *now = agenda_asked(&kept);
    cr_assert_not(kept, "this thread's own commit moves the generation");
    cr_assert_not_null(strstr(now, "\"Bo\""));
    free(now);
    free(agenda_asked(&kept));
    cr_assert(kept);
}

Test(http_cache_agenda, a_transaction_is_never_answered_stale_nor_kept, .init = agenda_setup,
     .fini = agenda_teardown)
{
    bool kept;
    char *first = agenda_asked(&kept);
    int64_t g;
    cr_assert_eq(store_begin(mine, &err), 0, "%s", err.msg);
    cr_assert_eq(store_message_add(mine, "r1", "a", "hello", &err), 0, "%s", err.msg);
    cr_assert_eq(store_api_agenda_generation(mine, &g), 1, "inside a transaction");
    free(agenda_asked(&kept));
    cr_assert(kept, "a message is on no agenda: the kept one is true here too");
    cr_assert_eq(store_exec_for_tests(mine, "UPDATE people SET name = 'Bo' WHERE id = 'b'",
                                      &err), 0, "%s", err.msg);
    char *mid = agenda_asked(&kept);
    cr_assert_not(kept, "its own write is seen, not the kept reply");
    cr_assert_not_null(strstr(mid, "\"Bo\""));
    free(mid);
    mid = agenda_asked(&kept);
    cr_assert_not(kept, "what a transaction read is not kept: it may be undone");
    free(mid);
    store_rollback(mine);
    char *now = agenda_asked(&kept);
    cr_assert(kept, "undone: the one kept before, still true");
    cr_assert_str_eq(now, first);
    free(first);
    free(now);
}
