/* The forum desk's check-in (the console's participants page): a person
 * marked arrived on the forum's day, or a check-in given to the wrong person
 * taken back, each with its audit line in the same transaction, so that an
 * arrival is never changed without the line that says who changed it.
 *
 * A forum of two or three days checks its people in each morning: an
 * arrival is a person's on one day, the day in the forum's event's zone by
 * the forum's clock (the programme's sessions name their days so), and a
 * meeting was held when its people came on its day. */
#ifndef DFNC_APP_CHECKIN_H
#define DFNC_APP_CHECKIN_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* The desk's day at instant now (seconds since 1970 UTC, the forum's
 * clock): today in the zone of event (the forum's event when NULL; UTC's
 * without any) into today, and *within whether today is one of that
 * event's days, when what the desk shows is the day's arrivals (else, before
 * or after the forum, whether a person came at all). 0, or -1 with err. */
int app_checkin_day(struct store *s, const char *event, long long now, char today[11],
                    bool *within, struct df_err *err);

/* Marks person arrived today (app_checkin_day's today at now) as actor (the
 * day's first time stays); the time (UTC, ISO 8601) into *at, in a.
 * DF_ERR_NOT_FOUND for an unknown person; on any error nothing is written. */
int app_checkin(struct store *s, const char *actor, const char *person, long long now,
                struct arena *a, const char **at, struct df_err *err);
/* The same inside the caller's transaction (a walk-in registered and
 * checked in at once): the arrival and its audit line, no commit. */
int app_checkin_in(struct store *s, const char *actor, const char *person, long long now,
                   struct arena *a, const char **at, struct df_err *err);
/* Takes person's arrival of today (at now) back as actor: her other days'
 * stay. DF_ERR_NOT_FOUND for an unknown person; on any error the check-in
 * stays as it was. */
int app_checkin_undo(struct store *s, const char *actor, const char *person, long long now,
                     struct df_err *err);

/* The same for another day of the forum (a person the desk forgot to check
 * in yesterday): day "YYYY-MM-DD", one of the forum's event's days (the
 * event app_checkin_day reads) not after today there; NULL is today. The
 * arrival's time is now, when the desk recorded it; the audit line names
 * day. Another day (or none, or one to come) is DF_ERR_INPUT, code
 * checkin_day (day; field "day"), nothing written. */
int app_checkin_on(struct store *s, const char *actor, const char *person, const char *day,
                   long long now, struct arena *a, const char **at, struct df_err *err);
int app_checkin_undo_on(struct store *s, const char *actor, const char *person,
                        const char *day, long long now, struct df_err *err);

/* The forum's day before today at now into yesterday, when today is one of
 * the forum's event's days and not its first (the day the desk may have
 * forgotten someone): 1; else 0, yesterday "". -1 with err. */
int app_checkin_yesterday(struct store *s, long long now, char yesterday[11],
                          struct df_err *err);

#endif
