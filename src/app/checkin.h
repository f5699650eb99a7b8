/* The forum desk's check-in (the console's participants page): a person
 * marked arrived, or a check-in given to the wrong person taken back, each
 * with its audit line in the same transaction, so that an arrival is never
 * changed without the line that says who changed it. */
#ifndef DFNC_APP_CHECKIN_H
#define DFNC_APP_CHECKIN_H

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* Marks person arrived as actor (the first time stays); the time (UTC, ISO
 * 8601) into *at, in a. DF_ERR_NOT_FOUND for an unknown person; on any
 * error nothing is written. */
int app_checkin(struct store *s, const char *actor, const char *person, struct arena *a,
                const char **at, struct df_err *err);
/* The same inside the caller's transaction (a walk-in registered and
 * checked in at once): the arrival and its audit line, no commit. */
int app_checkin_in(struct store *s, const char *actor, const char *person, struct arena *a,
                   const char **at, struct df_err *err);
/* Takes person's check-in back as actor. DF_ERR_NOT_FOUND for an unknown
 * person; on any error the check-in stays as it was. */
int app_checkin_undo(struct store *s, const char *actor, const char *person, struct df_err *err);

#endif
