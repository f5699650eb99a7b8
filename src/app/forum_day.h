/* The forum's day: "today" where each event is (its own time zone, by the
 * forum's clock that the caller reads: the server's, a rehearsal's, or the
 * real one on the command line), the event the forum is at now, and the
 * events not over yet, for what waits for an answer. */
#ifndef DFNC_APP_FORUM_DAY_H
#define DFNC_APP_FORUM_DAY_H

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* The day ("YYYY-MM-DD") in zone tzid at instant now (seconds since 1970
 * UTC) into out; UTC's day for a NULL zone or one dfnc does not know. */
void app_forum_day_in(const char *tzid, long long now, char out[11]);

/* The forum's event at instant now, its id in a: the one under way or next
 * to come (its last day today or later in its own zone; of several, the
 * first to start, then by id), else the one that ended last (then by id).
 * NULL with DF_ERR_NOT_FOUND when there is no event. */
const char *app_forum_event(struct store *s, long long now, struct arena *a, struct df_err *err);

/* The event a report after the forum is about at instant now, its id in a:
 * the one under way (begun, its last day not over, in its own zone; of
 * several, the first to start), else the one that ended last, else the next
 * to come (nothing held yet). Once next year's event exists, last year's is
 * still the one that was held. NULL with DF_ERR_NOT_FOUND without an event. */
const char *app_forum_event_held(struct store *s, long long now, struct arena *a,
                                 struct df_err *err);

/* The forum's day at instant now into out: the day in the zone of the
 * forum's event (app_forum_event), UTC's without an event. What a demand's
 * delivery date, which names no event, is judged by. 0, or -1 with err. */
int app_forum_today(struct store *s, long long now, char out[11], struct df_err *err);

/* The events not over at instant now (their last day today or later, each
 * in its own zone) as a JSON array of their ids in a ("[]" for none), as
 * store_requests_to_answer and the console's people list take them. NULL
 * with err on failure. */
const char *app_forum_open_events(struct store *s, long long now, struct arena *a,
                                  struct df_err *err);

#endif
