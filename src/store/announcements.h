/* The organisers' announcements to every participant (migration 26): a
 * line on every page, in English and, where given, Ukrainian, until they
 * withdraw it. */
#ifndef DFNC_STORE_ANNOUNCEMENTS_H
#define DFNC_STORE_ANNOUNCEMENTS_H

#include <stdint.h>

#include "store/store.h"

/* Keeps a new announcement by author (a login's e-mail); text_uk NULL for
 * none. Its id into *id. */
int store_announcement_add(struct store *s, const char *text, const char *text_uk,
                           const char *author, int64_t *id, struct df_err *err);
/* Withdraws announcement id: 1 when it was shown, 0 when there is no such
 * announcement shown (unknown or withdrawn before), -1 with err. */
int store_announcement_withdraw(struct store *s, int64_t id, struct df_err *err);

struct store_announcement {
    int64_t id;
    const char *text, *text_uk, *created_at, *created_by;
};
typedef int (*store_announcement_fn)(void *ud, const struct store_announcement *a);
/* The announcements shown now, newest first, at most limit; a non-zero
 * return from fn stops the walk and is returned. */
int store_announcement_each(struct store *s, int limit, store_announcement_fn fn, void *ud,
                            struct df_err *err);

#endif
