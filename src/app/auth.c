/* Logins, sessions and feed tokens (see auth.h). */
#include "app/auth.h"
#include "app/fields.h"
#include "app/invite.h"
#include "core/utf8.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void app_auth_limits_default(struct app_auth_limits *l)
{
    if (l->session_ttl <= 0)
        l->session_ttl = 12 * 3600;
    if (l->window <= 0)
        l->window = 900;
    if (l->per_account <= 0)
        l->per_account = 5;
    if (l->per_ip <= 0)
        l->per_ip = 50;
    if (l->per_device <= 0)
        l->per_device = l->per_account;
    if (l->device_ttl <= 0)
        l->device_ttl = 180 * 24 * 3600;
}

int app_auth_init(struct df_err *err)
{
    if (sodium_init() < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "libsodium could not initialise");
    return 0;
}

void app_token_new(char token[APP_TOKEN_LEN])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(token, APP_TOKEN_LEN, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
}

bool app_token_is_well_formed(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            return false;
        if (n >= 60)
            return false;
    }
    return n == 43; /* 32 bytes in unpadded base64 */
}

_Static_assert(APP_HASH_LEN == crypto_pwhash_STRBYTES, "APP_HASH_LEN is libsodium's");

const char *app_password_fault(const char *password)
{
    size_t n = strlen(password), bad;
    if (n > APP_PASSWORD_MAX)
        return "password_too_long";
    if (!utf8_is_valid(password, n, &bad))
        return "password_not_utf8";
    /* counted as a person counts, in characters (a combining mark is part
     * of its letter, so й typed as и + U+0306 is one): the web page counts so too */
    if (utf8_letters(password, n) < APP_PASSWORD_MIN)
        return "password_too_short";
    return NULL;
}

int app_password_check(const char *password, struct df_err *err)
{
    const char *fault = app_password_fault(password);
    size_t bad = 0;
    if (!fault)
        return 0;
    if (strcmp(fault, "password_too_long") == 0)
        return df_err_set(err, DF_ERR_INPUT,
                          "the password is longer than %d bytes (in UTF-8, some 500 Cyrillic "
                          "letters)", APP_PASSWORD_MAX);
    if (strcmp(fault, "password_not_utf8") == 0) {
        utf8_is_valid(password, strlen(password), &bad);
        return df_err_set(err, DF_ERR_INPUT,
                          "the password is not valid UTF-8 (byte %zu): type it in a UTF-8 "
                          "terminal or page", bad + 1);
    }
    return df_err_set(err, DF_ERR_INPUT, "the password is shorter than %d characters",
                      APP_PASSWORD_MIN);
}

/* password hashed into hash as app_user_add says: 0, or -1 with err. */
static int hash_password(const char *password, bool low_cost, char hash[APP_HASH_LEN],
                         struct df_err *err)
{
    size_t n = strlen(password);
    if (app_password_check(password, err) < 0)
        return -1;
    unsigned long long ops = low_cost ? crypto_pwhash_OPSLIMIT_MIN
                                      : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    size_t mem = low_cost ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(hash, password, n, ops, mem) != 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory while hashing the password");
    return 0;
}

int app_user_prepare(const char *email, const char *role, const char *person,
                     const char *password, bool low_cost, struct app_new_login *out,
                     struct df_err *err)
{
    if (strcmp(role, "organiser") != 0 && strcmp(role, "participant") != 0)
        return df_err_set(err, DF_ERR_USAGE, "role \"%s\" is neither organiser nor participant",
                          role);
    if (strcmp(role, "participant") == 0 && !person)
        return df_err_set(err, DF_ERR_USAGE, "a participant login needs --person");
    *out = (struct app_new_login){.email = email, .role = role, .person = person};
    if (app_email_check("email", email, err) < 0 ||
        hash_password(password, low_cost, out->hash, err) < 0)
        return -1;
    return 0;
}

int app_user_store(struct store *s, const struct app_new_login *n, struct df_err *err)
{
    return store_user_add(s, n->email, n->hash, n->role, n->person, NULL, err);
}

int app_user_add(struct store *s, const char *email, const char *role, const char *person,
                 const char *password, bool low_cost, struct df_err *err)
{
    struct app_new_login n;
    if (app_user_prepare(email, role, person, password, low_cost, &n, err) < 0)
        return -1;
    return app_user_store(s, &n, err);
}

int app_password_prepare(const char *password, struct app_new_password *out, struct df_err *err)
{
    return hash_password(password, false, out->hash, err);
}

int app_user_store_password(struct store *s, const char *email, const struct app_new_password *p,
                            struct df_err *err)
{
    return store_user_set_password_hash(s, email, p->hash, err);
}

int app_user_set_password(struct store *s, const char *email, const char *password,
                          struct df_err *err)
{
    struct app_new_password p;
    if (app_password_prepare(password, &p, err) < 0)
        return -1;
    return app_user_store_password(s, email, &p, err);
}

int app_password_hash_check(const char *hash, struct df_err *err)
{
    if (hash && !*hash)
        return 0; /* an invited login's: no password yet, so none to guess */
    /* libsodium's form: $argon2id$v=19$m=KIB,t=OPS,p=1$SALT$HASH */
    unsigned long m = 0, t = 0, p = 0;
    int n = 0;
    if (!hash || sscanf(hash, "$argon2id$v=19$m=%lu,t=%lu,p=%lu$%n", &m, &t, &p, &n) != 3 ||
        n == 0)
        return df_err_set(err, DF_ERR_INPUT,
                          "password_hash is not an argon2id hash, so no password signs in "
                          "with it: set a new password");
    if (t < crypto_pwhash_OPSLIMIT_INTERACTIVE || m * 1024 < crypto_pwhash_MEMLIMIT_INTERACTIVE)
        return df_err_set(err, DF_ERR_INPUT,
                          "password_hash is below the argon2id cost logins are hashed at now "
                          "(an older demo's or test's): a wrong password is refused faster "
                          "than an unknown e-mail, which tells which e-mails have logins; "
                          "rehash by resetting the password (dfnc user password)");
    return 0;
}

/* A verification against a fixed hash, so an unknown email costs the same time
 * as a wrong password and does not tell which emails have logins. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
    if (crypto_pwhash_str(dummy_hash, "dfnc-dummy", 10, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        dummy_hash[0] = '\0'; /* out of memory: verification then fails fast */
}

static void burn_verify(const char *password)
{
    pthread_once(&dummy_once, dummy_make);
    size_t n = strlen(password);
    if (crypto_pwhash_str_verify(dummy_hash, password, n > 64 ? 64 : n) == 0)
        return; /* never: nobody knows the dummy's password */
}

/* An IPv6 client usually owns a whole /64 and can rotate through it, so
 * IPv6 failures count per /64; IPv4 (also when mapped into IPv6) counts per
 * address. */
void app_auth_ip_key(const char *ip, char *out, size_t n)
{
    struct in6_addr a6;
    if (ip && strchr(ip, ':') && inet_pton(AF_INET6, ip, &a6) == 1 &&
        !IN6_IS_ADDR_V4MAPPED(&a6)) {
        memset(a6.s6_addr + 8, 0, 8);
        char net[INET6_ADDRSTRLEN];
        if (inet_ntop(AF_INET6, &a6, net, sizeof net)) {
            snprintf(out, n, "ip:%s/64", net);
            return;
        }
    }
    snprintf(out, n, "ip:%s", ip ? ip : "-");
}

/* The key a login's failures are counted under: "acct:" and its address in
 * lower case, into out (n bytes; 300 hold any). */
static void acct_key_of(const char *email, char *out, size_t n)
{
    snprintf(out, n, "acct:%s", email);
    for (char *p = out; *p; p++)   /* emails are matched case-insensitively */
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
}

/* The device cookie of device (a clear token) if it is a live one of the
 * login of email: its rowid, 0 when it is not, -1 on error. */
static int64_t device_of_login(struct store *s, const char *device, const char *email,
                               int64_t now, struct df_err *err)
{
    if (!app_token_is_well_formed(device))
        return 0;
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(device, hash);
    return store_device_find(s, hash, email, now, err);
}

/* A wrong password through device cookie dev (counted under dev_key): at
 * per_device failures in the window the cookie is revoked, and its browser
 * is counted as a stranger's from then on. 0, or -1 with err. */
static int device_failed(struct store *s, const struct app_auth_limits *l, int64_t dev,
                         const char *dev_key, int64_t now, int64_t since, struct df_err *err)
{
    if (store_auth_failure_add(s, dev_key, now, err) < 0)
        return -1;
    int64_t n = store_auth_failure_count(s, dev_key, since, err);
    if (n < 0)
        return -1;
    if (n < l->per_device)
        return 0;
    if (store_device_revoke(s, dev, err) < 0 || store_auth_failure_clear(s, dev_key, err) < 0)
        return -1;
    return 0;
}

/* A new session for login u: its cookie token into token, its CSRF token
 * into csrf, and u's csrf and expires_at set (in a); the hash forgotten. */
static int session_open(struct store *s, const struct app_auth_limits *l, struct store_user *u,
                        int64_t now, char token[APP_TOKEN_LEN], char csrf[APP_TOKEN_LEN],
                        struct arena *a, struct df_err *err)
{
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    app_token_new(token);
    app_token_new(csrf);
    store_auth_token_hash(token, hash);
    if (store_auth_session_create(s, u->id, hash, csrf, now, now + l->session_ttl, err) < 0)
        return -1;
    u->csrf = arena_strdup(a, csrf);
    u->expires_at = now + l->session_ttl;
    u->password_hash = NULL;
    return 0;
}

enum app_login_result app_login(struct store *s, const struct app_auth_limits *l,
                                const char *email, const char *password, const char *ip,
                                int64_t now, char token[APP_TOKEN_LEN], char csrf[APP_TOKEN_LEN],
                                struct arena *a, struct store_user *u, char device[APP_TOKEN_LEN],
                                struct df_err *err)
{
    char acct_key[300], ip_key[80], dev_key[40] = "";
    acct_key_of(email, acct_key, sizeof acct_key);
    app_auth_ip_key(ip, ip_key, sizeof ip_key);
    int64_t since = now - l->window;
    char device_in[APP_TOKEN_LEN] = "";
    if (device) {
        snprintf(device_in, sizeof device_in, "%s", device);
        device[0] = '\0'; /* from here on: the cookie to set, if any */
    }
    int64_t dev = device ? device_of_login(s, device_in, email, now, err) : 0;
    if (dev < 0)
        return APP_LOGIN_ERROR;
    /* A browser with this login's device cookie is judged by its own
     * failures only: the account's lock and the address's count are what an
     * attacker elsewhere can raise, and must not keep it out. */
    if (dev > 0) {
        snprintf(dev_key, sizeof dev_key, "dev:%lld", (long long)dev);
        int64_t fd = store_auth_failure_count(s, dev_key, since, err);
        if (fd < 0)
            return APP_LOGIN_ERROR;
        if (fd >= l->per_device) {
            df_err_set(err, DF_ERR_FORBIDDEN, "too many failed logins; try again later");
            return APP_LOGIN_LIMITED;
        }
    } else {
        int64_t fa = store_auth_failure_count(s, acct_key, since, err);
        int64_t fi = fa < 0 ? -1 : store_auth_failure_count(s, ip_key, since, err);
        if (fa < 0 || fi < 0)
            return APP_LOGIN_ERROR;
        if (fa >= l->per_account || fi >= l->per_ip) {
            df_err_set(err, DF_ERR_FORBIDDEN, "too many failed logins; try again later");
            return APP_LOGIN_LIMITED;
        }
    }
    struct df_err lookup = {0};
    int found = store_user_by_email(s, email, a, u, &lookup) == 0;
    if (!found && lookup.kind != DF_ERR_NOT_FOUND) {
        *err = lookup;
        return APP_LOGIN_ERROR;
    }
    size_t n = strlen(password);
    bool ok = false;
    /* an invited login without a password yet costs what an unknown email
     * costs: the time of a refusal must not tell who was invited */
    if (!found || n > APP_PASSWORD_MAX || !*u->password_hash)
        burn_verify(password);
    else
        ok = crypto_pwhash_str_verify(u->password_hash, password, n) == 0;
    if (!ok) {
        /* A device's failures are its own. Now and then forget old
         * failures, so a flood of bad logins cannot grow the table without
         * bound. */
        int rc;
        if (dev > 0)
            rc = device_failed(s, l, dev, dev_key, now, since, err);
        else
            rc = store_auth_failure_add(s, acct_key, now, err) < 0 ||
                 store_auth_failure_add(s, ip_key, now, err) < 0 ? -1 : 0;
        if (rc < 0 || (randombytes_uniform(64) == 0 && store_auth_prune(s, now, app_auth_keep_since(since, now), err) < 0))
            return APP_LOGIN_ERROR;
        df_err_set(err, DF_ERR_FORBIDDEN, "wrong email or password");
        return APP_LOGIN_BAD;
    }
    /* A sign-in through a device cookie leaves the account's failures be: an
     * attacker's count must not start over each time the owner signs in. */
    if ((dev > 0 ? store_auth_failure_clear(s, dev_key, err)
                 : store_auth_failure_clear(s, acct_key, err)) < 0 ||
        store_auth_prune(s, now, app_auth_keep_since(since, now), err) < 0 ||
        session_open(s, l, u, now, token, csrf, a, err) < 0)
        return APP_LOGIN_ERROR;
    if (device) {
        unsigned char dhash[STORE_TOKEN_HASH_LEN];
        int rc;
        if (dev > 0) {
            rc = store_device_extend(s, dev, now + l->device_ttl, err);
            snprintf(device, APP_TOKEN_LEN, "%s", device_in);
        } else {
            app_token_new(device);
            store_auth_token_hash(device, dhash);
            rc = store_device_create(s, u->id, dhash, now, now + l->device_ttl,
                                     APP_DEVICES_PER_LOGIN, err);
        }
        if (rc < 0)
            return APP_LOGIN_ERROR;
    }
    return APP_LOGIN_OK;
}

enum app_login_result app_password_confirm(struct store *s, const struct app_auth_limits *l,
                                           const char *email, const char *password,
                                           const char *ip, int64_t now, struct df_err *err)
{
    char acct_key[300], ip_key[80];
    acct_key_of(email, acct_key, sizeof acct_key);
    app_auth_ip_key(ip, ip_key, sizeof ip_key);
    int64_t since = now - l->window;
    int64_t fa = store_auth_failure_count(s, acct_key, since, err);
    int64_t fi = fa < 0 ? -1 : store_auth_failure_count(s, ip_key, since, err);
    if (fa < 0 || fi < 0)
        return APP_LOGIN_ERROR;
    if (fa >= l->per_account || fi >= l->per_ip) {
        df_err_set(err, DF_ERR_FORBIDDEN, "too many wrong passwords; try again later");
        return APP_LOGIN_LIMITED;
    }
    struct arena a;
    arena_init(&a, 16u << 10);
    struct store_user u;
    struct df_err lookup = {0};
    bool found = store_user_by_email(s, email, &a, &u, &lookup) == 0;
    size_t n = strlen(password);
    bool ok = found && n <= APP_PASSWORD_MAX && *u.password_hash &&
              crypto_pwhash_str_verify(u.password_hash, password, n) == 0;
    arena_free(&a);
    if (!found && lookup.kind != DF_ERR_NOT_FOUND) {
        *err = lookup;
        return APP_LOGIN_ERROR;
    }
    if (ok)
        return APP_LOGIN_OK;
    if (store_auth_failure_add(s, acct_key, now, err) < 0 ||
        store_auth_failure_add(s, ip_key, now, err) < 0)
        return APP_LOGIN_ERROR;
    df_err_set(err, DF_ERR_FORBIDDEN, "the password is not this login's");
    return APP_LOGIN_BAD;
}

int app_session_find(struct store *s, const char *token, int64_t now, struct arena *a,
                     struct store_user *u, struct df_err *err)
{
    if (!app_token_is_well_formed(token))
        return df_err_set(err, DF_ERR_NOT_FOUND, "no live session");
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(token, hash);
    return store_auth_session_find(s, hash, now, a, u, err);
}

int app_logout(struct store *s, const char *token, struct df_err *err)
{
    if (!app_token_is_well_formed(token))
        return 0;
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(token, hash);
    return store_auth_session_delete(s, hash, err);
}

int app_sign_out_others(struct store *s, const struct store_user *u, const char *token,
                        const char *device, int64_t now, int64_t *sessions_n,
                        int64_t *devices_n, struct df_err *err)
{
    if (!app_token_is_well_formed(token))
        return df_err_set(err, DF_ERR_RUNTIME, "no session to keep");
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(token, hash);
    if (store_begin(s, err) < 0)
        return -1;
    int64_t keep = device ? device_of_login(s, device, u->email, now, err) : 0;
    if (keep < 0 ||
        store_auth_end_others(s, u->id, hash, keep, sessions_n, devices_n, err) < 0) {
        store_rollback(s);
        return -1;
    }
    /* in the audit trail: after a stolen phone, who ended what, and when */
    char detail[64];
    snprintf(detail, sizeof detail, "%lld sessions, %lld devices", (long long)*sessions_n,
             (long long)*devices_n);
    if (store_audit(s, u->email, "user.sign_out_others", "user", u->email, detail, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

/* Ends a feed change: its audit line, then the commit; on failure nothing stays. */
static int feed_change_done(struct store *s, int changed, const char *actor, const char *action,
                            const char *person, struct df_err *err)
{
    if (changed < 0 || store_audit(s, actor, action, "person", person, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_feed_off(struct store *s, const char *actor, const char *person, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    return feed_change_done(s, store_feed_delete(s, person, err), actor, "person.feed_off",
                            person, err);
}

int app_feed_rotate(struct store *s, const char *actor, const char *person,
                    char token[APP_TOKEN_LEN], struct df_err *err)
{
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    app_token_new(token);
    store_auth_token_hash(token, hash);
    if (store_begin(s, err) < 0)
        return -1;
    return feed_change_done(s, store_feed_set(s, person, hash, (int64_t)time(NULL), err), actor,
                            "person.feed_new", person, err);
}

const char *app_feed_person(struct store *s, const char *token, struct arena *a,
                            struct df_err *err)
{
    if (!app_token_is_well_formed(token)) {
        df_err_set(err, DF_ERR_NOT_FOUND, "no such feed");
        return NULL;
    }
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(token, hash);
    return store_feed_person(s, hash, a, err);
}

int app_demo_logins(struct store *s, const char *const *persons, int n, struct arena *a,
                    struct app_demo_login *out, int *out_n, struct df_err *err)
{
    *out_n = 0;
    /* every password hashed (about 0.1 s each) before the write lock is taken */
    struct app_new_login *hashed = arena_alloc(a, (size_t)(n + 1) * sizeof *hashed);
    if (!hashed)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory for the demo logins");
    out[0] = (struct app_demo_login){"organiser@demo.dfnc", "demo-organiser", "organiser", NULL};
    for (int i = 0; i < n; i++) {
        struct app_demo_login *l = &out[i + 1];
        l->email = arena_printf(a, "participant%d@demo.dfnc", i + 1);
        l->password = arena_printf(a, "demo-participant-%d", i + 1);
        l->role = "participant";
        l->person = arena_strdup(a, persons[i]);
    }
    for (int i = 0; i <= n; i++)
        if (app_user_prepare(out[i].email, out[i].role, out[i].person, out[i].password, false,
                             &hashed[i], err) < 0)
            return -1;
    if (store_begin(s, err) < 0)
        return -1;
    for (int i = 0; i <= n; i++) {
        struct store_person p;
        if (app_user_store(s, &hashed[i], err) < 0)
            goto fail;
        if (out[i].person && (store_person_get(s, out[i].person, a, &p, err) < 0 ||
                              store_org_contact_set(s, p.org, out[i].person, err) < 0))
            goto fail;
    }
    if (store_audit(s, "demo", "user.add", "user", "demo logins", NULL, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    *out_n = n + 1;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

/* ---- invitations: the link's side (the batch is app/invite.c) ------------------------ */

/* Whether the client at ip has failed too often: its key into ip_key. The
 * same count as the logins', so guessing links adds to guessing passwords.
 * 1 limited, 0 not, -1 on error. */
static int invitation_limited(struct store *s, const struct app_auth_limits *l, const char *ip,
                              int64_t now, char *ip_key, size_t cap, struct df_err *err)
{
    app_auth_ip_key(ip, ip_key, cap);
    int64_t n = store_auth_failure_count(s, ip_key, now - l->window, err);
    if (n < 0)
        return -1;
    if (n >= l->per_ip) {
        df_err_set(err, DF_ERR_FORBIDDEN, "too many failed attempts; try again later");
        return 1;
    }
    return 0;
}

/* The live invitation of token into *inv, the client's limit checked first;
 * an unknown one counts as a failure of the client. */
static enum app_login_result invitation_of(struct store *s, const struct app_auth_limits *l,
                                           const char *token, const char *ip, int64_t now,
                                           struct arena *a, struct store_invitation *inv,
                                           struct df_err *err)
{
    char ip_key[80];
    int limited = invitation_limited(s, l, ip, now, ip_key, sizeof ip_key, err);
    if (limited)
        return limited > 0 ? APP_LOGIN_LIMITED : APP_LOGIN_ERROR;
    struct df_err lookup = {0};
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    int rc = -1;
    bool well_formed = app_token_is_well_formed(token);
    if (well_formed) {
        store_auth_token_hash(token, hash);
        rc = store_invitation_find(s, hash, now, a, inv, &lookup);
    } else {
        df_err_set(&lookup, DF_ERR_NOT_FOUND, "no such invitation");
    }
    if (rc == 0)
        return APP_LOGIN_OK;
    if (lookup.kind != DF_ERR_NOT_FOUND) {
        *err = lookup;
        return APP_LOGIN_ERROR;
    }
    /* a link presented too late: its row goes (one transaction with the
     * failure counted), so no invitation nobody can use stays behind */
    if (store_begin(s, err) < 0)
        return APP_LOGIN_ERROR;
    if ((well_formed && app_invitations_prune(s, "anonymous", hash, now, a, err) < 0) ||
        store_auth_failure_add(s, ip_key, now, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return APP_LOGIN_ERROR;
    }
    df_err_set(err, DF_ERR_NOT_FOUND,
               "this invitation is unknown, used or expired: ask the organiser for a new one");
    return APP_LOGIN_BAD;
}

enum app_login_result app_invitation_get(struct store *s, const struct app_auth_limits *l,
                                         const char *token, const char *ip, int64_t now,
                                         struct arena *a, struct store_invitation *inv,
                                         struct df_err *err)
{
    return invitation_of(s, l, token, ip, now, a, inv, err);
}

enum app_login_result app_invitation_accept(struct store *s, const struct app_auth_limits *l,
                                            const char *invitation, const char *password,
                                            const char *ip, int64_t now,
                                            char token[APP_TOKEN_LEN], char csrf[APP_TOKEN_LEN],
                                            struct arena *a, struct store_user *u,
                                            struct df_err *err)
{
    struct store_invitation inv;
    struct app_new_password np;
    enum app_login_result res = invitation_of(s, l, invitation, ip, now, a, &inv, err);
    if (res != APP_LOGIN_OK)
        return res;
    /* hashed before the write lock is taken (some 70 ms) */
    if (app_password_prepare(password, &np, err) < 0)
        return APP_LOGIN_ERROR;
    if (store_begin(s, err) < 0)
        return APP_LOGIN_ERROR;
    /* again inside the transaction: of two uses at once, one wins */
    struct df_err gone = {0};
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    store_auth_token_hash(invitation, hash);
    if (store_invitation_find(s, hash, now, a, &inv, &gone) < 0) {
        store_rollback(s);
        if (gone.kind != DF_ERR_NOT_FOUND) {
            *err = gone;
            return APP_LOGIN_ERROR;
        }
        df_err_set(err, DF_ERR_NOT_FOUND,
                   "this invitation is unknown, used or expired: ask the organiser for a new one");
        return APP_LOGIN_BAD;
    }
    /* a new password ends the login's other sessions and device cookies,
     * as dfnc user password does: a re-invited login's old ones go */
    if (store_invitation_delete(s, inv.user, err) < 0 ||
        store_user_set_password_hash(s, inv.email, np.hash, err) < 0 ||
        store_user_by_email(s, inv.email, a, u, err) < 0 ||
        session_open(s, l, u, now, token, csrf, a, err) < 0 ||
        store_audit(s, u->email, "user.invitation_accept", "user", u->email, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        sodium_memzero(&np, sizeof np);
        return APP_LOGIN_ERROR;
    }
    sodium_memzero(&np, sizeof np);
    return APP_LOGIN_OK;
}
