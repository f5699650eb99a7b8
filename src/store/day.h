/* The forum's day at the desk: a person's next meeting, for the check-in
 * desk to send her there; a participant's word that her partner is not at
 * the table (migration 27), for the desk to look for them. */
#ifndef DFNC_STORE_DAY_H
#define DFNC_STORE_DAY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "store/store.h"

/* Another person of a meeting. */
struct store_day_party {
    const char *id, *name, *org_name, *org_name_uk;   /* org_name_uk may be NULL */
    /* NULL when none; NULL when not arrived on the meeting's day */
    const char *email, *checked_in_at;
};

#define STORE_DAY_PARTIES_MAX 8

/* A person's meeting not yet over (its slot ends after now), the first by
 * the instant it starts: its time in its event's zone, its table (NULL when
 * none, or held online) and the others in it (the first STORE_DAY_PARTIES_MAX by id; with_n
 * counts them all). */
struct store_day_meeting {
    const char *request, *event, *timezone, *starts_at, *ends_at, *location;
    /* held online (no table, a video room: a hybrid forum), and its room's
     * link (NULL while the event names no video service) */
    bool online;
    const char *video_url;
    int with_n;
    struct store_day_party with[STORE_DAY_PARTIES_MAX];
};

/* person's next meeting (accepted, scheduled, not over by now: the caller's
 * clock, Unix seconds) into *m, its strings in a; *found false when they
 * have none (or there is no such person). */
int store_day_next_meeting(struct store *s, const char *person, int64_t now, struct arena *a,
                           struct store_day_meeting *m, bool *found, struct df_err *err);

/* ---- "my partner is not here" ---------------------------------------- */

/* person says the others of request's meeting are not there: kept once per
 * meeting and person, a second word re-opening it with its new time; its id
 * into *id (in a). The caller checks she is one of its people and when. */
int store_absence_report(struct store *s, const char *request, const char *person,
                         struct arena *a, const char **id, struct df_err *err);

/* A report as the desk lists it: who said so, the meeting (its time, its
 * event's zone, its table or NULL), the others in it (parties, with their
 * e-mail and arrival), when it was said and dealt with (NULL: open). */
struct store_absence {
    const char *id, *request, *event, *reporter, *reporter_name, *reported_at;
    const char *dealt_at, *dealt_by;
    const char *timezone, *starts_at, *ends_at, *location;
    bool online;              /* held by video, as store_day_meeting's */
    const char *video_url;
    int with_n;
    struct store_day_party with[STORE_DAY_PARTIES_MAX];
};
typedef int (*store_absence_fn)(void *ud, const struct store_absence *x);
/* The reports of event's meetings (event NULL: all), open ones only when
 * open_only, newest first, at most limit (-1: all) from offset; *total
 * (may be NULL) how many in all, *open_n (may be NULL) how many of them
 * are open. Strings live for fn's call. */
int store_absence_each(struct store *s, const char *event, bool open_only, int limit, int offset,
                       store_absence_fn fn, void *ud, int64_t *total, int64_t *open_n,
                       struct df_err *err);
/* Marks report id dealt with by `by` (kept the first time); its time into
 * *at (in a). DF_ERR_NOT_FOUND for no such report. */
int store_absence_deal(struct store *s, const char *id, const char *by, struct arena *a,
                       const char **at, struct df_err *err);

#endif
