/* The organisers' announcements to every participant (migration 26): a
 * line on every page, in English and, where given, Ukrainian, until they
 * withdraw it. */
#ifndef DFNC_STORE_ANNOUNCEMENTS_H
#define DFNC_STORE_ANNOUNCEMENTS_H

#include <stdint.h>

#include "store/store.h"

/* Keeps a new announcement by author (a login's e-mail); text_uk NULL for
 * none; shown from shows_from until shows_until (UTC "YYYY-MM-DDTHH:MM:SSZ",
 * NULL: at once, until withdrawn). Its id into *id. */
int store_announcement_add(struct store *s, const char *text, const char *text_uk,
                           const char *author, const char *shows_from,
                           const char *shows_until, int64_t *id, struct df_err *err);
/* Withdraws announcement id: 1 when it was shown, 0 when there is no such
 * announcement shown (unknown or withdrawn before), -1 with err. */
int store_announcement_withdraw(struct store *s, int64_t id, struct df_err *err);

struct store_announcement {
    int64_t id;
    const char *text, *text_uk, *created_at, *created_by;
    const char *shows_from, *shows_until;   /* NULL: at once; until withdrawn */
};
typedef int (*store_announcement_fn)(void *ud, const struct store_announcement *a);
/* The announcements shown at now (UTC "YYYY-MM-DDTHH:MM:SSZ": begun, not
 * ended, not withdrawn), the newest to show first, at most limit; a
 * non-zero return from fn stops the walk and is returned. */
int store_announcement_each(struct store *s, const char *now, int limit,
                            store_announcement_fn fn, void *ud, struct df_err *err);
/* Those written ahead, to show after now, the soonest first, at most limit. */
int store_announcement_each_ahead(struct store *s, const char *now, int limit,
                                  store_announcement_fn fn, void *ud, struct df_err *err);

#endif
