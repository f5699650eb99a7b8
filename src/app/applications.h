/* Applications to take part (README "Applications"): a company's
 * representative asks on the forum's own site, without a login; an
 * organiser approves her (the person, her organisation when new and her
 * invitation link made as a walk-in's, app/walkin.h) or declines. Closed
 * until the organisers open them. The public side is bounded: one pending
 * application per address, APP_APPLY_PER_CLIENT sends per client address
 * an hour, APP_APPLY_PENDING_MAX pending in all; and it never says whose an
 * address taken is. */
#ifndef DFNC_APP_APPLICATIONS_H
#define DFNC_APP_APPLICATIONS_H

#include <stdint.h>

#include "app/walkin.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/applications.h"
#include "store/store.h"

#define APP_APPLY_MESSAGE_MAX 2000    /* bytes of "why I come, what I offer" */
#define APP_APPLY_PENDING_MAX 5000    /* pending applications in all */
#define APP_APPLY_PER_CLIENT 5        /* sends judged per client address ... */
#define APP_APPLY_WINDOW 3600         /* ... in these seconds */

/* Why an application was refused. */
enum app_apply_refusal {
    APP_APPLY_ERROR,        /* err says (the store's, or out of memory) */
    APP_APPLY_CLOSED,       /* the forum takes none now */
    APP_APPLY_INVALID,      /* a value refused by the imports' rules: field names it */
    APP_APPLY_EMAIL_TAKEN,  /* a person's, a login's or a pending application's address */
    APP_APPLY_LIMITED,      /* the client's sends this hour are spent */
    APP_APPLY_FULL,         /* APP_APPLY_PENDING_MAX are pending */
};

/* Keeps ap (its id, status and dates the store's; ap->id set to the new
 * one, in a) sent from client address ip at now. 0, or -1 with *why, err
 * (a message that names nobody) and, for APP_APPLY_INVALID, *field. Every
 * send that reaches the e-mail's check counts against the client, so that
 * the addresses the forum knows cannot be tried in bulk. */
int app_application_send(struct store *s, struct store_application *ap, const char *ip,
                         int64_t now, struct arena *a, enum app_apply_refusal *why,
                         const char **field, struct df_err *err);

/* Approves pending application id as actor: her organisation (the one she
 * named, else one of the name she gave if its proposed id has it, else a
 * new one under a free id from its name), she, and her invitation link to
 * base (made->link: wipe it once shown), with the mark, and when the forum
 * sends mail the link mailed to her (made->mailed), in one transaction.
 * -1 with err: DF_ERR_NOT_FOUND, DF_ERR_CONFLICT when it is decided already
 * or (made->field "email") her address is taken meanwhile, DF_ERR_INPUT
 * (made->field) for a value the rules refuse now. */
int app_application_approve(struct store *s, const char *actor, const char *id,
                            const char *base, int64_t now, struct arena *a,
                            struct app_walkin_made *made, struct df_err *err);

/* Declines pending application id as actor, and when the forum sends mail
 * mails her a short, polite note with no reason (*mailed, may be NULL), in
 * one transaction: 0, or -1 with DF_ERR_NOT_FOUND, DF_ERR_CONFLICT (decided
 * already) or the store's error. */
int app_application_decline(struct store *s, const char *actor, const char *id, bool *mailed,
                            struct df_err *err);

/* Opens or closes applications as actor, with an audit line. */
int app_applications_open_set(struct store *s, const char *actor, bool open, struct df_err *err);

#endif
