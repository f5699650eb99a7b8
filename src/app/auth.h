/* Accounts as use-cases shared by `dfnc user add`, `dfnc demo` and the HTTP
 * server: argon2id password hashes (libsodium), login with rate limiting,
 * sessions with a CSRF token, private calendar feed tokens. Only hashes of
 * passwords and tokens reach the store; the clear tokens go back to the caller
 * once, to be put in a cookie or a URL. */
#ifndef DFNC_APP_AUTH_H
#define DFNC_APP_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "store/auth.h"
#include "store/invite.h"

#define APP_TOKEN_LEN 64          /* room for a base64url token and its NUL */
#define APP_PASSWORD_MIN 8        /* characters, as a person counts them (utf8_letters) */
#define APP_PASSWORD_MAX 1024     /* bytes of UTF-8; longer passwords are refused, not truncated */

enum app_login_result {
    APP_LOGIN_OK = 0,
    APP_LOGIN_ERROR = -1,         /* err says what failed */
    APP_LOGIN_LIMITED = -2,       /* too many recent failures: HTTP 429 */
    APP_LOGIN_BAD = -3,           /* wrong email or password: HTTP 401 */
};

#define APP_DEVICES_PER_LOGIN 32   /* device cookies kept per login, the newest */

struct app_auth_limits {
    int session_ttl;              /* seconds a session lives (default 12 h) */
    int window;                   /* seconds failures are counted over (default 900) */
    int per_account, per_ip;      /* failures allowed in the window (default 5, 50) */
    int per_device;               /* failures of one device cookie before it is revoked
                                     (default per_account) */
    int device_ttl;               /* seconds a device cookie lives unused (default 180 days) */
};

/* The key a client's failures are counted under for its address ip, into
 * out (n bytes; 80 hold any): "ip:" and the address, or its /64. */
void app_auth_ip_key(const char *ip, char *out, size_t n);

/* Seconds the counted failures are kept at least, whatever the logins'
 * window: the public applications count their sends per address over an
 * hour in the same table (app/applications.h). */
#define APP_AUTH_KEEP_FAILURES 3600
/* The time before which counted failures may go, when the logins count
 * from since: the earlier of since and APP_AUTH_KEEP_FAILURES ago. */
static inline int64_t app_auth_keep_since(int64_t since, int64_t now)
{
    return since < now - APP_AUTH_KEEP_FAILURES ? since : now - APP_AUTH_KEEP_FAILURES;
}

/* Fills unset (zero) fields with the defaults above. */
void app_auth_limits_default(struct app_auth_limits *l);

/* Must be called once before any other app_auth function (sodium_init). */
int app_auth_init(struct df_err *err);

/* The one rule for a password being set (dfnc user add and password, an
 * invitation used; web/js/pages/welcome.js says the same): valid UTF-8, at
 * least APP_PASSWORD_MIN characters and at most APP_PASSWORD_MAX bytes. 0,
 * or -1 with DF_ERR_INPUT saying which (never the password). A login's
 * password is not judged by it: one set under an older rule still signs in. */
int app_password_check(const char *password, struct df_err *err);
/* What app_password_check finds wrong with password, as a stable word the
 * API gives as its error's code for the web pages to say in their own
 * language: "password_too_long", "password_not_utf8" or
 * "password_too_short"; NULL when the rule holds. */
const char *app_password_fault(const char *password);

/* Creates a login. role is "organiser" or "participant"; person may be NULL for
 * organisers. low_cost uses libsodium's minimum argon2id cost: only for tests'
 * throwaway logins. A served login never takes it, the demo's included: a wrong
 * password must cost what an unknown email costs, or the time of a refusal
 * tells which emails have logins. */
int app_user_add(struct store *s, const char *email, const char *role, const char *person,
                 const char *password, bool low_cost, struct df_err *err);

/* The two halves of app_user_add and app_user_set_password, for a caller
 * that writes in a transaction others wait for (the CLI beside a running
 * server): the prepare functions check what is given and hash the password
 * (argon2id, some 70 ms and 64 MiB) before the transaction begins; the store
 * functions write what they prepared inside it. */
#define APP_HASH_LEN 128          /* crypto_pwhash_STRBYTES */

struct app_new_login {
    const char *email, *role, *person;   /* the caller's strings */
    char hash[APP_HASH_LEN];
};

struct app_new_password {
    char hash[APP_HASH_LEN];
};

int app_user_prepare(const char *email, const char *role, const char *person,
                     const char *password, bool low_cost, struct app_new_login *out,
                     struct df_err *err);
int app_user_store(struct store *s, const struct app_new_login *n, struct df_err *err);
int app_password_prepare(const char *password, struct app_new_password *out, struct df_err *err);
int app_user_store_password(struct store *s, const char *email, const struct app_new_password *p,
                            struct df_err *err);

/* A new password for the login of email, hashed as app_user_add hashes
 * (never at the low cost); its sessions end and its device cookies are
 * revoked. DF_ERR_NOT_FOUND for no such
 * login. Call it inside the caller's transaction. */
int app_user_set_password(struct store *s, const char *email, const char *password,
                          struct df_err *err);

/* A stored password hash (store_user.password_hash) judged as dfnc hashes
 * now: argon2id at libsodium's interactive cost at least (app_user_add
 * without low_cost). Only the form and the cost are read; the message never
 * holds the hash. 0, or -1 with DF_ERR_INPUT saying what to do. */
int app_password_hash_check(const char *hash, struct df_err *err);

/* Checks the password; on success writes a new session token into token (the
 * cookie value) and its CSRF token into csrf, and fills *u (strings in a).
 * Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device
 * Cookies"): device holds the browser's device cookie on the way in ("" for
 * none), and on the way out the one to set ("" for none): the same token
 * after a sign-in with it, a new one bound to the login after a sign-in
 * without. An attempt with a live device cookie of this login counts only
 * that device's failures (per_device in the window; at that many the cookie
 * is revoked); any other counts failures per account and per client address
 * (per_account, per_ip), and is refused past either, so that neither an
 * attacker's failures nor a shared address keeps a known browser out.
 * device NULL: no device cookies at all (today's limits, nothing issued). */
enum app_login_result app_login(struct store *s, const struct app_auth_limits *l,
                                const char *email, const char *password, const char *ip,
                                int64_t now, char token[APP_TOKEN_LEN], char csrf[APP_TOKEN_LEN],
                                struct arena *a, struct store_user *u, char device[APP_TOKEN_LEN],
                                struct df_err *err);
/* The password of the login of email asked again before what cannot be
 * undone (her account deleted): APP_LOGIN_OK when it is the login's,
 * APP_LOGIN_BAD (err DF_ERR_FORBIDDEN) when not, counted as a failed
 * sign-in of the login and of the client at ip, and APP_LOGIN_LIMITED
 * past either limit as app_login refuses, so a session left open is no
 * way to guess the password. */
enum app_login_result app_password_confirm(struct store *s, const struct app_auth_limits *l,
                                           const char *email, const char *password,
                                           const char *ip, int64_t now, struct df_err *err);
/* The login behind a cookie token; DF_ERR_NOT_FOUND when unknown or expired. */
int app_session_find(struct store *s, const char *token, int64_t now, struct arena *a,
                     struct store_user *u, struct df_err *err);
int app_logout(struct store *s, const char *token, struct df_err *err);
/* "Sign out everywhere else" for login u, called through its live session
 * token: every other session of the login ends and its device cookies are
 * revoked, all but device (the caller's browser's cookie, "" or NULL for
 * none) when that is a live one of this login, so a lost phone or a shared
 * computer is signed out and trusted no more while the caller stays. One
 * transaction; *sessions_n and *devices_n count what went. */
int app_sign_out_others(struct store *s, const struct store_user *u, const char *token,
                        const char *device, int64_t now, int64_t *sessions_n,
                        int64_t *devices_n, struct df_err *err);

/* A new feed token for person (the old one stops working). Each of these two
 * leaves a line in the audit trail naming actor (who asked), as a feed URL
 * lets anyone holding it read the person's agenda. */
int app_feed_rotate(struct store *s, const char *actor, const char *person,
                    char token[APP_TOKEN_LEN], struct df_err *err);
/* Switches person's feed off: its URL answers 404, as an unknown one does,
 * until app_feed_rotate makes a new one. */
int app_feed_off(struct store *s, const char *actor, const char *person, struct df_err *err);
/* The person of a feed token, in a; NULL with DF_ERR_NOT_FOUND when unknown. */
const char *app_feed_person(struct store *s, const char *token, struct arena *a,
                            struct df_err *err);

/* Invitations (dfnc user invite makes them: app/invite.h). Both count an
 * unknown, used or expired token as a failed attempt of the client at ip,
 * under the same limit as failed logins from there (per_ip in the window),
 * and refuse past it (APP_LOGIN_LIMITED) whatever the token.
 * app_invitation_get: the live invitation of token into *inv (strings in a);
 * APP_LOGIN_BAD (err DF_ERR_NOT_FOUND) for an unknown, used or expired one
 * alike. */
enum app_login_result app_invitation_get(struct store *s, const struct app_auth_limits *l,
                                         const char *token, const char *ip, int64_t now,
                                         struct arena *a, struct store_invitation *inv,
                                         struct df_err *err);
/* Uses the invitation: password (the rules of app_user_set_password; a bad
 * one is APP_LOGIN_ERROR with DF_ERR_INPUT and the invitation stays) becomes
 * the login's, the invitation goes, the login's other sessions end and its
 * device cookies are revoked, and a session opens as app_login's does (token,
 * csrf, *u). One transaction, with its line in the audit trail; of two uses
 * at once one wins, the other is APP_LOGIN_BAD. */
enum app_login_result app_invitation_accept(struct store *s, const struct app_auth_limits *l,
                                            const char *invitation, const char *password,
                                            const char *ip, int64_t now,
                                            char token[APP_TOKEN_LEN], char csrf[APP_TOKEN_LEN],
                                            struct arena *a, struct store_user *u,
                                            struct df_err *err);

/* Demo logins for `dfnc demo`: organiser@demo.dfnc and participantK@demo.dfnc
 * for persons[0..n), each made the contact of their organisation. Passwords are
 * fixed and meant to be printed on the console: a local demo only. Fills
 * out[0..n] (n + 1 entries; static strings and copies in a). */
struct app_demo_login {
    const char *email, *password, *role, *person;
};
int app_demo_logins(struct store *s, const char *const *persons, int n, struct arena *a,
                    struct app_demo_login *out, int *out_n, struct df_err *err);

/* A fresh random token (base64url, 256 bits). */
void app_token_new(char token[APP_TOKEN_LEN]);
/* True when s has the shape of our tokens (so junk never reaches a query). */
bool app_token_is_well_formed(const char *s);

#endif
