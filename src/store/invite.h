/* Invitations in the store: the people an organiser may invite, with the
 * login and invitation each has, and the invitations themselves (a login's
 * one-time link to choose its password). Tokens arrive here already hashed
 * (store_auth_token_hash); the clear ones never reach the database. */
#ifndef DFNC_STORE_INVITE_H
#define DFNC_STORE_INVITE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/auth.h"

/* A person as an invitation sees them. Strings point into the caller's arena. */
struct store_invitee {
    const char *person, *name, *email;   /* email NULL when the person has none */
    const char *org_name, *country;      /* their organisation's */
    const char *ui_language;             /* "en", "uk" or NULL (never chosen) */
    const char *languages;               /* what they speak, like "uk;en" */
    int64_t user;                        /* their login's rowid, 0 for none */
    const char *user_email;              /* that login's email, NULL for none */
    bool has_password;                   /* that login has one (it signed in before) */
    int64_t invite_expires;              /* its invitation's expiry, 0 for none */
};

/* The people, by id, with their logins and invitations into *out (n of them,
 * in a); person given: that one only, DF_ERR_NOT_FOUND when unknown. A
 * person with two logins is seen through the older one. */
int store_invitees(struct store *s, const char *person, struct arena *a,
                   struct store_invitee **out, int *n, struct df_err *err);

/* Makes person the contact of their organisation when it has none, so that
 * someone of it may edit its profile: 1 when made, 0 when it had one (or the
 * person is unknown); -1 with err. */
int store_org_contact_claim(struct store *s, const char *person, struct df_err *err);

/* A new invitation for login user: it replaces the one the login had, whose
 * link stops working. */
int store_invitation_set(struct store *s, int64_t user,
                         const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                         int64_t expires_at, struct df_err *err);

/* The login a live invitation (expires_at > now) belongs to: its rowid and
 * email, and the name of its person (NULL for a login without one), in a.
 * DF_ERR_NOT_FOUND for an unknown, used or expired one alike. */
struct store_invitation {
    int64_t user;
    const char *email, *name;
    int64_t expires_at;
};
int store_invitation_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                          int64_t now, struct arena *a, struct store_invitation *out,
                          struct df_err *err);
/* The invitation of login user is used: it goes. */
int store_invitation_delete(struct store *s, int64_t user, struct df_err *err);

/* Removes the invitations that expired unused by now (expires_at <= now):
 * all of them, or with hash not NULL only that token's. Their logins'
 * e-mails and expiry times into *out (n of them, in a), for the audit
 * trail. Call it inside the caller's transaction. */
struct store_expired_invitation {
    const char *email;
    int64_t expires_at;
};
int store_invitation_prune(struct store *s, const unsigned char *hash, int64_t now,
                           struct arena *a, struct store_expired_invitation **out, int *n,
                           struct df_err *err);

#endif
