/* Invitations in bulk (dfnc user invite): each person with an e-mail and no
 * login yet gets a participant login without a password and a one-time
 * link to choose one, so that an organiser never invents nor mails
 * passwords. The links' tokens go to the caller once, for a mail merge; the
 * store keeps their hashes only (app/auth.c takes the link's side). */
#ifndef DFNC_APP_INVITE_H
#define DFNC_APP_INVITE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "app/auth.h"
#include "app/fields.h"
#include "core/arena.h"
#include "store/store.h"

#define APP_INVITE_DAYS 14        /* how long a link lives unless told */
#define APP_INVITE_DAYS_MAX 365

struct app_invite_opts {
    const char *const *persons;   /* the people named, or NULL for everyone */
    int persons_n;
    int days;                     /* 1 to APP_INVITE_DAYS_MAX */
    int64_t seconds;              /* the links' life in seconds when not 0 (a link she
                                     asked for herself lives an hour), else days */
    bool no_contact;              /* make nobody her organisation's contact */
    /* mail each invitation made too ("invitation", to her login's address, in
     * her language, whatever she said of mail), queued in the run's
     * transaction with its link at the forum's mail address (mail_config's,
     * which may differ from the caller's base) */
    bool mail;
    int64_t now;
    /* the forum's clock (a rehearsal's on the server), which picks the
     * event the mail names (app_forum_event); 0: now */
    int64_t forum_now;
};

/* One invitation made: the person, the e-mail of their login, their
 * organisation's name, the language to write to them in ("uk" or "en", by
 * app_person_language's rule), the clear token (the link's secret) and when it
 * expires. */
struct app_invitation {
    const char *person, *name, *email, *org, *language;
    char token[APP_TOKEN_LEN];
    int64_t expires_at;
};

#define APP_INVITE_TAKEN_NAMED 20

/* What a run did and left, for its summary line. */
struct app_invite_summary {
    int invited, new_logins;      /* invitations made; logins made for them */
    int renewed;                  /* of invited: invited before, link expired or replaced */
    int pending;                  /* skipped: invited, link live, not used yet */
    int has_password;             /* skipped: their login has a password */
    int no_email;                 /* skipped: no e-mail, or not a valid one */
    int email_taken;              /* skipped: another login has their e-mail */
    /* those of email_taken by name, the first APP_INVITE_TAKEN_NAMED in person id
     * order, for the organiser to mend (pointers into the run's arena) */
    struct app_invite_taken {
        const char *person, *email;
    } taken[APP_INVITE_TAKEN_NAMED];
    int taken_named;
    int contacts;                 /* of invited: made the contact of their organisation,
                                     which had none (the first of it, by id) */
    int mailed;                   /* of invited, with o->mail: their invitation queued */
    /* with o->mail, those whose address no mail header can carry (not ASCII
     * local@domain): invited, their link in emit's hands alone; with emit
     * NULL, not invited (nobody would hold their link) */
    int not_mailed;
};

/* Called once per invitation made, in person id order; a failure (-1 with
 * err) undoes the run. NULL: none (the mail alone carries the links). */
typedef int (*app_invitation_fn)(void *ud, const struct app_invitation *inv,
                                 struct df_err *err);

/* Invites, inside the caller's transaction (the caller commits once it has
 * put every link where it belongs, so a link lost is a link never made).
 * Expired invitations are removed first (app_invitations_prune). Everyone
 * (o->persons NULL): the people with an e-mail and no login get a
 * participant login and an invitation; those whose link expired get a new
 * one; the rest are skipped, counted by why. The people named: each gets a
 * new invitation whatever they had (their previous link stops working; a
 * login with a password keeps it until the new link is used), a login made
 * if they have none; a person unknown (DF_ERR_NOT_FOUND), or without a
 * usable e-mail or whose e-mail another login has (DF_ERR_INPUT), is an
 * error and nothing is made. o->mail: each invitation is mailed too (the
 * ones to an address a mail cannot carry counted, not mailed);
 * DF_ERR_CONFLICT before anything is made when the forum sends no mail.
 * One line in the audit trail (actor), saying how many were mailed. */
int app_invite(struct store *s, const char *actor, const struct app_invite_opts *o,
               app_invitation_fn emit, void *ud, struct app_invite_summary *sum,
               struct arena *a, struct df_err *err);

/* Removes the invitations that expired unused by now (with hash not NULL,
 * only that token's: a link presented too late), inside the caller's
 * transaction, with a line in the audit trail for each
 * (user.invitation_expire, the login's e-mail, when it expired) naming
 * actor. Their logins stay, without a password, for a new link. app_invite
 * calls it first. 0, or -1 with err. */
int app_invitations_prune(struct store *s, const char *actor, const unsigned char *hash,
                          int64_t now, struct arena *a, struct df_err *err);

/* The link of an invitation: BASE/welcome#TOKEN (base_n bytes of base, its
 * trailing slashes dropped by the caller) into link; after '#', the token
 * never reaches a server's log. 0, or -1 with DF_ERR_INPUT when base is too
 * long for it (link is then wiped: a cut link would cut its token). */
#define APP_INVITE_LINK_MAX (APP_PUBLIC_URL_MAX + sizeof "/welcome#" + APP_TOKEN_LEN)
int app_invite_link(const char *base, int base_n, const char *token,
                    char link[APP_INVITE_LINK_MAX], struct df_err *err);

/* One person's new sign-in link, inside the caller's transaction: app_invite
 * of her alone (a login made if she has none; her organisation's contact
 * when it had none: *contact; contact NULL: left as it is), living `life` seconds, its link
 * BASE/welcome#TOKEN into link (base's trailing slashes dropped) and when it
 * stops working into *expires_at. A password she has works until the link
 * is used. -1 with err as app_invite (link wiped). */
int app_invite_one(struct store *s, const char *actor, const char *person, int64_t life,
                   int64_t now,
                   const char *base, char link[APP_INVITE_LINK_MAX], int64_t *expires_at,
                   bool *contact, struct arena *a, struct df_err *err);

/* The same in a transaction of its own, with a person.signin_link line in
 * the audit trail naming her: the help desk's "New sign-in link" for a
 * participant who lost her invitation or forgot her password. mail: the
 * link is also mailed to her login's address in that transaction (whether
 * or not she turned mail off: she asked), DF_ERR_CONFLICT when the forum
 * sends no mail or that address can carry none. */
int app_invite_person(struct store *s, const char *actor, const char *person, int days,
                      bool mail, int64_t now, const char *base, char link[APP_INVITE_LINK_MAX],
                      int64_t *expires_at, struct arena *a, struct df_err *err);

/* The invitations as a CSV for a mail merge: app_invite_csv_open writes the
 * header (person,name,email,organisation,language,link,expires) to f and
 * keeps base (the forum's public address, trailing slashes dropped); pass
 * app_invite_csv_row and the struct to app_invite. The link is
 * BASE/welcome#TOKEN: after '#', the token never reaches a server's log. */
struct app_invite_csv {
    FILE *f;
    const char *base;
    int base_n;
};
void app_invite_csv_open(struct app_invite_csv *c, FILE *f, const char *base);
int app_invite_csv_row(void *ud, const struct app_invitation *inv, struct df_err *err);

#endif
