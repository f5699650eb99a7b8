/* The organisers' announcements to every participant: a line on every page
 * ("The B2B area moved to hall B"), in English and, where given, Ukrainian,
 * until they withdraw it. Each change leaves an audit line. */
#ifndef DFNC_APP_ANNOUNCEMENTS_H
#define DFNC_APP_ANNOUNCEMENTS_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* Longest text of an announcement, in either language: a line a phone shows
 * whole, not a newsletter. */
#define APP_ANNOUNCEMENT_MAX 500
/* How many are shown at once: the newest. */
#define APP_ANNOUNCEMENTS_SHOWN 5

/* How many written ahead an organiser's list gives: the soonest. */
#define APP_ANNOUNCEMENTS_AHEAD 100

/* What an announcement says and when: text the English (or only) words,
 * text_uk the Ukrainian or NULL (an empty one is none); shows_from and
 * shows_until ISO 8601 times with their offset ("2027-02-16T12:15+01:00"),
 * NULL for at once and until withdrawn. */
struct app_announcement_in {
    const char *text, *text_uk, *shows_from, *shows_until;
    /* also mailed, now, to everyone a mail may go to (app_mail_to_get: an
     * address a header can carry, her mail not turned off), in her
     * language: one shown at once only */
    bool mail;
};

/* Keeps one by actor (a login's e-mail), now being the forum's clock
 * (seconds since 1970): a time that is not ISO 8601 with its offset, an
 * end not after its start, or an end already past, is DF_ERR_INPUT naming
 * its field; in->mail for one written ahead is DF_ERR_INPUT (mail_ahead),
 * and while the forum sends no mail DF_ERR_CONFLICT (mail_off), nothing
 * kept. Returns it as the organisers' list gives it, with "mailed" (how
 * many mails were queued) when in->mail, or NULL with err. */
json_t *app_announcement_add(struct store *s, const char *actor,
                             const struct app_announcement_in *in, long long now,
                             struct df_err *err);
/* Withdraws announcement id ("12"); DF_ERR_NOT_FOUND when none such is shown. */
int app_announcement_withdraw(struct store *s, const char *actor, const char *id,
                              struct df_err *err);
/* {"announcements": [{"id","text","text_uk","created_at","shows_from",
 * "shows_until"}]}: those shown at now (the forum's clock), newest first;
 * for organisers (organiser true) each with "created_by", and "ahead":
 * those written to show later, the soonest first. NULL with err. */
json_t *app_announcements_json(struct store *s, bool organiser, long long now,
                               struct df_err *err);

#endif
