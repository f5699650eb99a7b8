/* A sign-in link a participant asks for herself (app/reset.h). */
#include "app/reset.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/auth.h"
#include "app/invite.h"
#include "app/mail.h"
#include "core/clock.h"
#include "store/auth.h"
#include "store/mail.h"

int app_reset_available(struct store *s, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 1024);
    const char *url;
    int on = store_mail_config_get(s, &a, &url, err);
    arena_free(&a);
    return on;
}

/* The key an e-mail address's asks are counted under: a hash of it, letter
 * case aside, so that the counts table holds no address. */
static void address_key(const char *email, char out[80])
{
    unsigned char h[16];
    char hex[2 * sizeof h + 1];
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, sizeof h);
    for (const char *p = email; *p; p++) {
        unsigned char c = (unsigned char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        crypto_generichash_update(&st, &c, 1);
    }
    crypto_generichash_final(&st, h, sizeof h);
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    snprintf(out, 80, "reset-to:%s", hex);
}

/* The link for the login u (a participant's, with a person), mailed, in
 * the caller's transaction: 0 made, 1 none (an address no mail can carry:
 * her earlier link stays), -1 with err. */
static int link_mailed(struct store *s, const struct store_user *u, const char *url,
                       int64_t now, struct arena *a, struct df_err *err)
{
    struct app_mail_to to;
    int goes = app_mail_to_asked(s, u->person, u->email, NULL, NULL, a, &to, err);
    if (goes <= 0)
        return goes < 0 ? -1 : 1;
    char link[APP_INVITE_LINK_MAX];
    int64_t expires_at = 0;
    int rc = app_invite_one(s, "self-service", u->person, APP_RESET_SECONDS, now, url, link,
                            &expires_at, NULL, a, err) < 0 ||
                     app_mail_link(s, &to, "reset", link, now, expires_at, a, err) < 0 ||
                     store_audit(s, "self-service", "person.signin_link", "person", u->person,
                                 "a new sign-in link she asked for on the sign-in page, mailed; "
                                 "her earlier link no longer works",
                                 err) < 0
                 ? -1
                 : 0;
    sodium_memzero(link, sizeof link);
    return rc;
}

/* The ask, in the caller's transaction: 0 done, 1 limited, -1 with err. */
static int ask_in(struct store *s, const char *email, const char *client, const char *url,
                  int64_t now, struct arena *a, struct df_err *err)
{
    char address[80];
    address_key(email, address);
    int64_t since = now - APP_RESET_WINDOW;
    int64_t asked = store_auth_failure_count(s, client, since, err);
    if (asked < 0)
        return -1;
    if (asked >= APP_RESET_PER_CLIENT)
        return 1;
    int64_t made = store_auth_failure_count(s, address, since, err);
    if (made < 0 || store_auth_failure_add(s, client, now, err) < 0)
        return -1;
    if (made >= APP_RESET_PER_ADDRESS)
        return 0;   /* the same answer, and no mail: her mailbox is not flooded */
    struct store_user u;
    struct df_err lookup = {0};
    if (store_user_by_email(s, email, a, &u, &lookup) < 0) {
        if (lookup.kind == DF_ERR_NOT_FOUND)
            return 0;
        *err = lookup;
        return -1;
    }
    /* organisers' logins keep the command line: a mailbox is not a second factor */
    if (strcmp(u.role, "participant") != 0 || !u.person)
        return 0;
    int rc = link_mailed(s, &u, url, now, a, err);
    if (rc < 0)
        return -1;
    return rc == 0 ? (store_auth_failure_add(s, address, now, err) < 0 ? -1 : 0) : 0;
}

/* Waits until APP_RESET_FLOOR seconds after began (clock_seconds). */
static void wait_floor(double began)
{
    double left = APP_RESET_FLOOR - (clock_seconds() - began);
    if (left <= 0)
        return;
    struct timespec ts = {.tv_sec = (time_t)left, .tv_nsec = (long)((left - (time_t)left) * 1e9)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

enum app_reset_result app_reset_ask(struct store *s, const char *email, const char *ip,
                                    int64_t now, struct df_err *err)
{
    double began = clock_seconds();
    struct arena a;
    arena_init(&a, 0);
    char ip_key[80], client[96];
    app_auth_ip_key(ip, ip_key, sizeof ip_key);
    snprintf(client, sizeof client, "reset:%s", ip_key);
    enum app_reset_result res = APP_RESET_ERROR;
    const char *url;
    int on = store_mail_config_get(s, &a, &url, err);
    if (on <= 0) {
        if (on == 0) {
            res = APP_RESET_OFF;
            df_err_set(err, DF_ERR_CONFLICT,
                       "the forum sends no mail: ask the organisers' help desk for a new "
                       "sign-in link");
        }
        goto out;
    }
    if (store_begin(s, err) < 0)
        goto out;
    int rc = ask_in(s, email, client, url, now, &a, err);
    if (rc < 0 || (rc == 0 && store_commit(s, err) < 0)) {
        store_rollback(s);
        goto out;
    }
    if (rc == 1) {
        store_rollback(s);
        res = APP_RESET_LIMITED;
        df_err_set(err, DF_ERR_FORBIDDEN,
                   "too many sign-in links asked from this address; try again in an hour");
        goto out;
    }
    res = APP_RESET_ASKED;
    if (randombytes_uniform(64) == 0)   /* best effort: old counts go now and then */
        store_auth_prune(s, now, now - APP_AUTH_KEEP_FAILURES, err);
out:
    arena_free(&a);
    /* after the commit: no lock is held while it waits */
    if (res == APP_RESET_ASKED)
        wait_floor(began);
    return res;
}
