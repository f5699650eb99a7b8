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

/* Keeps one by actor (a login's e-mail): text the English (or only) words,
 * text_uk the Ukrainian or NULL (an empty one is none). Returns it as the
 * list gives it, or NULL with err. */
json_t *app_announcement_add(struct store *s, const char *actor, const char *text,
                             const char *text_uk, struct df_err *err);
/* Withdraws announcement id ("12"); DF_ERR_NOT_FOUND when none such is shown. */
int app_announcement_withdraw(struct store *s, const char *actor, const char *id,
                              struct df_err *err);
/* {"announcements": [{"id","text","text_uk","created_at"}]}: those shown, newest
 * first; with_author adds "created_by" (for organisers). NULL with err. */
json_t *app_announcements_json(struct store *s, bool with_author, struct df_err *err);

#endif
