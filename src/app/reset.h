/* "Forgot your password?": a participant asks the sign-in page for a new
 * sign-in link by her e-mail address, and it is mailed to her (app/mail.h)
 * when the address is a participant's login: a one-time link as the help
 * desk's (app/invite.h), living an hour. The answer is one whatever the
 * address, so that nobody learns who has an account; the asks are bounded
 * per client address and per e-mail address. Organisers' logins keep the
 * command line (dfnc user password). */
#ifndef DFNC_APP_RESET_H
#define DFNC_APP_RESET_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

#define APP_RESET_SECONDS 3600     /* how long a link she asked for works */
#define APP_RESET_PER_ADDRESS 3    /* links made per e-mail address ... */
#define APP_RESET_PER_CLIENT 20    /* asks per client address (an IPv6 /64) ... */
#define APP_RESET_WINDOW 3600      /* ... in these seconds */
/* Seconds an ask takes at least: making a link writes rows an unknown
 * address does not (some 10 ms more in a debug build), and the time of the
 * answer must not tell whose the address is. */
#define APP_RESET_FLOOR 0.2

/* Whether a participant can ask for a link now: 1 when the forum sends
 * mail (the link has somewhere to go), 0 not, -1 with err. */
int app_reset_available(struct store *s, struct df_err *err);

enum app_reset_result {
    APP_RESET_ASKED = 0,           /* the one answer: a link is on its way if ... */
    APP_RESET_ERROR = -1,          /* err says (the store's) */
    APP_RESET_LIMITED = -2,        /* the client's asks this hour are spent */
    APP_RESET_OFF = -3,            /* the forum sends no mail: ask the help desk */
};

/* Asks for a sign-in link for the login of email, from client address ip
 * at now, in one transaction: when email is a participant's login with a
 * person, and fewer than APP_RESET_PER_ADDRESS links were made for it in
 * the window, a new invitation of APP_RESET_SECONDS (her earlier link stops
 * working, her password works until the new one is used) is made and its
 * mail queued in her language, whatever her mail switch says, with a
 * person.signin_link line in the audit trail naming her (never the address
 * or the link). Else nothing but the counts. Neither the result nor the
 * time it takes (APP_RESET_FLOOR at least, the database left meanwhile)
 * depends on whose the address is. */
enum app_reset_result app_reset_ask(struct store *s, const char *email, const char *ip,
                                    int64_t now, struct df_err *err);

#endif
