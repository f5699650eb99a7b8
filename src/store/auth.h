/* Logins, their sessions, login failures (rate limiting), private calendar feed
 * tokens and organisation contacts: the store side of accounts. Secrets never
 * reach the database in the clear: the caller hashes session and feed tokens
 * (store_auth_token_hash) and passwords (app/auth.c) before calling. */
#ifndef DFNC_STORE_AUTH_H
#define DFNC_STORE_AUTH_H

#include <stdint.h>

#include "store/store.h"

#define STORE_TOKEN_HASH_LEN 32

/* A login as the HTTP layer sees it. Strings point into the caller's arena. */
struct store_user {
    int64_t id;                 /* the users rowid: stays inside dfnc, never in JSON */
    const char *email, *role, *password_hash;
    const char *person, *org;   /* NULL when the login has no person */
    const char *csrf;           /* filled by store_auth_session_find only */
    int64_t expires_at;
};

/* Hashes a token (session cookie, feed token) for storage and lookup. */
void store_auth_token_hash(const char *token, unsigned char out[STORE_TOKEN_HASH_LEN]);

/* Adds a login; DF_ERR_CONFLICT when the email is taken, DF_ERR_NOT_FOUND when the
 * person does not exist. person may be NULL (organisers without a profile). */
int store_user_add(struct store *s, const char *email, const char *password_hash,
                   const char *role, const char *person, int64_t *id, struct df_err *err);
/* Replaces the password hash of the login of email (case-insensitive), ends
 * its sessions, revokes its device cookies and voids a pending invitation:
 * whoever signed in with the old password is signed out, their browsers are
 * trusted no more, and no link sets another password. DF_ERR_NOT_FOUND when
 * no login has that email. Four writes: call it inside the caller's
 * transaction. */
int store_user_set_password_hash(struct store *s, const char *email, const char *password_hash,
                                 struct df_err *err);
/* DF_ERR_NOT_FOUND when no login has that email (case-insensitive). */
int store_user_by_email(struct store *s, const char *email, struct arena *a,
                        struct store_user *u, struct df_err *err);

int store_auth_session_create(struct store *s, int64_t user,
                              const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *csrf,
                              int64_t now, int64_t expires_at, struct df_err *err);
/* The login behind a live session (expires_at > now); DF_ERR_NOT_FOUND otherwise. */
int store_auth_session_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                            int64_t now, struct arena *a, struct store_user *u,
                            struct df_err *err);
int store_auth_session_delete(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                              struct df_err *err);
/* Removes expired sessions and device tokens, and failures older than `before`. */
int store_auth_prune(struct store *s, int64_t now, int64_t before, struct df_err *err);

/* Device cookies (app/auth.c): a browser's token, bound to one login. */
int store_device_create(struct store *s, int64_t user,
                        const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                        int64_t expires_at, int keep, struct df_err *err);
/* The rowid (> 0) of a live device token (expires_at > now) bound to the login
 * of email (case-insensitive); 0 when there is none (unknown, expired,
 * revoked, or another login's); -1 on error. */
int64_t store_device_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                          const char *email, int64_t now, struct df_err *err);
/* A device token lives on to expires_at (it was used to sign in). */
int store_device_extend(struct store *s, int64_t device, int64_t expires_at,
                        struct df_err *err);
/* Revokes one device token. */
int store_device_revoke(struct store *s, int64_t device, struct df_err *err);
/* "Sign out everywhere else": ends every session of login user but the one
 * of keep (the caller's), and revokes its device tokens but keep_device (the
 * caller's browser's; 0 for none kept). *sessions_n and *devices_n count
 * what went. Two writes: call it inside the caller's transaction. */
int store_auth_end_others(struct store *s, int64_t user,
                          const unsigned char keep[STORE_TOKEN_HASH_LEN], int64_t keep_device,
                          int64_t *sessions_n, int64_t *devices_n, struct df_err *err);

/* Login failures by key ("acct:EMAIL", "ip:ADDR"). */
int store_auth_failure_add(struct store *s, const char *key, int64_t now, struct df_err *err);
/* Failures since `since`; -1 on error. */
int64_t store_auth_failure_count(struct store *s, const char *key, int64_t since,
                                 struct df_err *err);
int store_auth_failure_clear(struct store *s, const char *key, struct df_err *err);

/* A person's calendar feed: one live token each; setting replaces the old one. */
int store_feed_set(struct store *s, const char *person,
                   const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                   struct df_err *err);
/* Switches a person's feed off: its token is forgotten, so its URL answers
 * as an unknown one does (404) until store_feed_set gives a new one. */
int store_feed_delete(struct store *s, const char *person, struct df_err *err);
/* 1 when person's feed is on (a live token), 0 when not, -1 with err. */
int store_feed_exists(struct store *s, const char *person, struct df_err *err);
/* The person id (in the arena) of a feed token; NULL with DF_ERR_NOT_FOUND if none. */
const char *store_feed_person(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                              struct arena *a, struct df_err *err);

/* The contact person who may edit an organisation's profile. */
int store_org_contact_set(struct store *s, const char *org, const char *person,
                          struct df_err *err);
/* The contact's id in the arena, or NULL (no contact, or an error in err). */
const char *store_org_contact(struct store *s, const char *org, struct arena *a,
                              struct df_err *err);

#endif
