/* "My partner is not here": a participant at her meeting under way tells the
 * desk, which lists the words newest first and marks them dealt with. Who
 * may say so, and when, is decided here. */
#ifndef DFNC_APP_ABSENCE_H
#define DFNC_APP_ABSENCE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* Minutes after a meeting's end that its people may still say their partner
 * did not come (she may say so on the way out). */
#define APP_ABSENCE_GRACE_MINUTES 15

/* Whether now (Unix seconds) lies from starts_at to ends_at plus the grace
 * (ISO 8601 times with their UTC offset, as slots keep them): 0, or -1 with
 * DF_ERR_CONFLICT saying too early or too late. */
int app_absence_window_check(const char *starts_at, const char *ends_at, int64_t now,
                             struct df_err *err);

/* person (actor's) says the others of request's meeting are not at the
 * table, at now: kept with an audit line in one transaction, its id into
 * *id (in a). DF_ERR_NOT_FOUND when request is no meeting of hers (no such
 * request, not one of its people, or not scheduled); DF_ERR_CONFLICT outside
 * its time (app_absence_window_check). */
int app_absence_report(struct store *s, const char *actor, const char *person,
                       const char *request, int64_t now, struct arena *a, const char **id,
                       struct df_err *err);

/* Report id marked dealt with by actor (an organiser), with an audit line;
 * the time into *at (in a). DF_ERR_NOT_FOUND for no such report. */
int app_absence_deal(struct store *s, const char *actor, const char *id, struct arena *a,
                     const char **at, struct df_err *err);

#endif
