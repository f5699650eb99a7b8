/* A table out of use on the forum's day (broken, taken by a delegation, its
 * part of the hall shut): its meetings from then on moved in one go to free
 * tables at the same times, else online, else left at no table for the desk
 * to call their people; and no schedule run, accept or move seats a meeting
 * there in that window (migration 56) until the table is given back. */
#ifndef DFNC_APP_TABLE_OUT_H
#define DFNC_APP_TABLE_OUT_H

#include "app/move.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* One meeting of the table and where it went (or would go: a dry run). */
struct app_table_out_move {
    const char *meeting;               /* its request's id */
    struct app_move_place was, to;     /* to: same slot; no table, not online when unplaced */
    bool placed;                       /* false: left at no table, its people to be called */
    struct app_move_person *people;    /* requester, addressee, attendees */
    int people_n;
};

/* What taking a table out did (or would do). Times in the event's zone,
 * "2027-02-16T14:00:00+01:00"; strings in the caller's arena. */
struct app_table_out {
    const char *event, *location, *location_name;
    const char *from, *until;   /* until NULL: to the event's end */
    bool dry_run;
    struct app_table_out_move *moves;   /* in time order */
    int moves_n;
    int to_tables, to_online, unplaced;
};

/* A time the desk types for event's zone tz, read at `now` (the forum's
 * clock, Unix seconds): "14:00" (today there), "2027-02-16T14:00" (its wall
 * clock) or with an offset ("...+01:00", "Z"): the instant into *at. -1 with
 * err (DF_ERR_INPUT) naming field. */
int app_table_out_time(const char *tz, const char *field, const char *text, long long now,
                       long long *at, struct df_err *err);

/* Takes location (one of event's tables) out of use from `from` until
 * `until` (NULL: to the event's end), both as app_table_out_time reads
 * them, by login at `now`: in one transaction, the window kept and each of
 * its meetings in a slot not begun that the window covers (the slot begins
 * before it ends and ends after it begins) moved, in time order, to the
 * first table free at the same time (the programme's order), else online
 * when the event names a video service (or the meeting is held so), else
 * to no table: each as the desk's move (app_meeting_move) moves it, its
 * SEQUENCE raised, its people mailed one mail per person, an audit line
 * each ("meeting.move") and one for the table ("location.out_of_use").
 * dry_run: the same found and said, nothing kept (rolled back).
 * DF_ERR_NOT_FOUND (no event, no such table of it), DF_ERR_INPUT (a time
 * unreadable, until not after from, or passed). */
int app_table_out(struct store *s, const char *login, const char *event, const char *location,
                  const char *from, const char *until, bool dry_run, long long now,
                  struct arena *a, struct app_table_out *out, struct df_err *err);

/* Gives location (one of event's) back: its windows removed (*n of them),
 * an audit line ("location.back_in_use") when there were any; meetings
 * stay where they went. With from (NULL: every window), only the window
 * starting then and, with until too, ending then (both as
 * app_table_out_time reads them at `now`; the times GET .../out-of-use
 * lists): the audit line names it, and none such is DF_ERR_NOT_FOUND.
 * DF_ERR_NOT_FOUND as app_table_out; DF_ERR_INPUT for a time unreadable or
 * until without from. */
int app_table_back(struct store *s, const char *login, const char *event, const char *location,
                   const char *from, const char *until, long long now, int *n,
                   struct df_err *err);

/* One window of event's tables out of use, its times in the event's zone. */
struct app_table_window {
    const char *location, *location_name, *from, *until;   /* until NULL: to the end */
    const char *set_by;
};

/* Event's windows, by table then start, into *ws (in a). -1 with err
 * (DF_ERR_NOT_FOUND: no such event). */
int app_tables_out(struct store *s, const char *event, struct arena *a,
                   struct app_table_window **ws, int *n, struct df_err *err);

#endif
