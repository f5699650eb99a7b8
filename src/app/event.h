/* An organiser's edit of an event and its programme (POST and PUT
 * /api/v1/events/{id}): the event's own fields and the sessions, slots,
 * locations and interpreters to add or update by id (each an API path
 * segment, app_id_check), checked and written in one transaction, so that a
 * refused edit keeps nothing. */
#ifndef DFNC_APP_EVENT_H
#define DFNC_APP_EVENT_H

#include <stdbool.h>

#include "app/interpreting_day.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* A session with its slots; app_event_save fills in .event and each slot's
 * .session. */
struct app_event_session {
    struct store_session session;
    struct store_slot *slots;
    int slots_n;
    /* The session's slots are these and no others: a stored slot of it not
     * among them goes, with the unpublished meetings in it (counted in the
     * report), and is refused (DF_ERR_CONFLICT) while a published one sits
     * there. Else slots are added or updated by id and the others stay. */
    bool replace_slots;
};

struct app_mail_watch;

struct app_event_edit {
    const char *id;
    bool create;                       /* the event must not exist yet (else it must) */
    /* The event's own fields. A change keeps the stored value of each one
     * left out (NULL, request_cap 0, venue_given false); a new event needs
     * name, starts_on and ends_on, and gets Europe/Brussels, no venue and a
     * cap of 20 for the others. */
    const char *name, *venue, *timezone, *starts_on, *ends_on;
    bool venue_given;                  /* venue NULL and given: no venue */
    /* The Ukrainian name and venue beside the English (or only) ones: kept
     * when not given, removed when given NULL; a new event has none. */
    const char *name_uk, *venue_uk;
    bool name_uk_given, venue_uk_given;
    /* the video service of its online meetings: kept when not given,
     * removed when given NULL */
    const char *video_url;
    bool video_url_given;
    /* when its participants' meeting requests stop being taken, the wall
     * clock "YYYY-MM-DDTHH:MM" in its zone: kept when not given, open again
     * when given NULL; a new event is open */
    const char *requests_close;
    bool requests_close_given;
    /* each day's mail by itself (store_event's): day_mail_on "eve",
     * "morning" or NULL (none), at "HH:MM" (needed with an on); both kept
     * when day_mail_given is false */
    const char *day_mail_on, *day_mail_at;
    bool day_mail_given;
    /* day_mail_on itself given (day_mail_at alone keeps the stored one) */
    bool day_mail_on_given;
    int request_cap;
    struct app_event_session *sessions;
    int sessions_n;
    struct store_location *locations; /* .event filled in; kind NULL: a table */
    int locations_n;
    struct store_interpreter *interpreters; /* .event filled in */
    int interpreters_n;
    int64_t now;                       /* the caller's clock, Unix seconds: which
                                          published meetings are still to come
                                          for the interpreters to go to */
    bool dry_run;                      /* checked and reported, then nothing kept */
    /* The action's mail watch (app/mail_meetings.h; app_event_save sets
     * its own, an import passes its): the links of a video service the edit
     * names go in the one mail a person gets of the action. NULL: mailed
     * at once, apart. */
    struct app_mail_watch *mail_watch;
};

/* Where and when a meeting is. */
struct app_event_place {
    const char *starts, *ends;         /* wall clock, "2027-02-16T10:40" */
    const char *table;                 /* its name, NULL: none */
    bool online;                       /* no table: held by video, in a room of its own */
};
/* A published (locked) meeting the edit moved: it stays where the edit put
 * it and its calendar SEQUENCE rose, so participants' calendars follow, but
 * the organiser should tell them. */
struct app_event_warning {
    const char *request;
    const char *warning;               /* in English, as the command line says it */
    /* the same for a page to say in its language: "meeting_moved" (was and
     * now; zone_was and zone_now too when the event's zone changed) or
     * "meeting_venue" (its venue alone changed); venue_was and venue_now
     * when the venue changed (NULL: none), with either */
    const char *code;
    struct app_event_place was, now;
    const char *zone_was, *zone_now;
    const char *venue_was, *venue_now;
    bool venue_changed;
    int sequence;                      /* its calendar SEQUENCE now */
};

/* w's values by name for a page to say it in its language (docs/api.md
 * "Words for a page"): "request", "from_starts", "from_ends", "from_table",
 * "to_starts", "to_ends", "to_table", "zone_from", "zone_to", "venue"
 * ("changed" when it did), "venue_from", "venue_to", "sequence"; a value NULL
 * when there is none (a table, a zone, a venue). Into pairs (name, value,
 * ..., NULL: APP_EVENT_WARNING_PAIRS room), the sequence written into seq;
 * the values point into w and seq. */
#define APP_EVENT_WARNING_PAIRS 31
void app_event_warning_values(const struct app_event_warning *w, char seq[16],
                              const char **pairs);

struct app_event_report {
    int warnings_n;
    struct app_event_warning *warnings;
    int meetings_moved;                /* meetings whose time or table changed, published or not */
    int meetings_unscheduled;          /* unpublished meetings whose slot went (replace_slots) */
    /* An edit that books interpreters gives them at once to the published
     * meetings still to come that need one (app/interpreting_day.h): how
     * many got one, and those still without. */
    struct app_interpreting_day interpreting;
    /* An edit that names the event's video service, or changes it to
     * another, while its agendas are published mails each person with an
     * online meeting there the links (app_mail_video): how many mails (a
     * dry run: how many it would queue). Removing it mails nothing. */
    int video_mailed;
};

/* Saves the edit as actor (for the audit log); a holds what it reads on the
 * way and the report's strings. A dry run does every check and fills the
 * report as the save would, then rolls back (and writes no audit line). Errors: DF_ERR_INPUT (a date, time, kind or programme that does not
 * fit: 422), DF_ERR_NOT_FOUND (no such event to change, an interpreter's
 * unknown session), DF_ERR_CONFLICT (the event exists already when created).
 * Nothing is kept on error. The edit's sessions, locations and interpreters
 * get their .event (and slots their .session) set. */
int app_event_save(struct store *s, const char *actor, struct app_event_edit *in,
                   struct arena *a, struct app_event_report *rep, struct df_err *err);

/* The checks and writes of app_event_save inside the caller's transaction
 * (an import's), without its audit line; in->dry_run is not read. On error
 * the transaction holds what the edit wrote so far: the caller undoes it. */
int app_event_apply(struct store *s, struct app_event_edit *in, struct arena *a,
                    struct app_event_report *rep, struct df_err *err);

/* Publishes event id's agendas as actor: every meeting locked where it is and
 * confirmed (its calendar SEQUENCE raised once), the time and an audit line
 * kept, in one transaction. Once only: meetings placed after it are locked
 * and confirmed as they are placed, so publishing again would change nothing
 * but move the publication time; DF_ERR_CONFLICT (saying since when) then,
 * and nothing is written. DF_ERR_NOT_FOUND for no such event. a holds the
 * message's strings. */
int app_event_publish(struct store *s, const char *actor, const char *id, struct arena *a,
                      struct df_err *err);

/* An event's dates as an edit must give them: real days YYYY-MM-DD (years
 * DATE_YEAR_MIN to DATE_YEAR_MAX), starts_on not after ends_on. */
int app_event_dates_check(const struct store_event *e, struct df_err *err);

/* A requests_close as an event takes it: its wall clock to the minute,
 * "YYYY-MM-DDTHH:MM", a real day and time. 0, or -1 with err (DF_ERR_INPUT,
 * code time, col requests_close). */
int app_requests_close_check(const char *v, struct df_err *err);

/* When event e stops taking its participants' meeting requests, as an
 * instant: its requests_close read at its own zone's clock, written to out
 * as "YYYY-MM-DDTHH:MM:SS+HH:MM" (UTC's clock for a zone dfnc does not know),
 * seconds since 1970 in *utc unless NULL. 1 when it has one, 0 when it is
 * open (no close set). */
int app_requests_close_at(const struct store_event *e, char out[32], long long *utc);

/* 0 while event e takes its participants' meeting requests at now (seconds
 * since 1970), else -1 with err: DF_ERR_CONFLICT, code requests_closed
 * (values event, at: the instant above). The organisers' own requests
 * (introductions, the desk's bookings, imports) are not asked. */
int app_requests_open_check(const struct store_event *e, long long now, struct df_err *err);

/* Where a programme check sends a refusal of a session's or slot's field
 * (kind "session" or "slot", its id), the sentence in err: 0 goes on to the
 * next session or slot, non-zero stops the walk. */
typedef int (*app_programme_fault_fn)(void *ud, const char *kind, const char *id,
                                      const char *field, struct df_err *err);

/* The stored programme of ev as an edit leaves it: each session on a day of
 * the event, starting and ending on its day, ending after it starts; each
 * slot within its session. fault NULL: the first refusal is returned (-1,
 * DF_ERR_INPUT), as an edit does; else each goes to fault (dfnc check). -1
 * also for the store's errors. */
int app_event_programme_check(struct store *s, const struct store_event *ev,
                              app_programme_fault_fn fault, void *ud, struct df_err *err);

/* Whether event id exists: 0; -1 with DF_ERR_INPUT when it does not, err
 * naming the events that do (the first APP_EVENTS_NAMED ids, and how many
 * more) and the command that lists them all, or saying there is none yet,
 * for a file that names an event to be mended at once; -1 with the store's
 * error. */
#define APP_EVENTS_NAMED 3
int app_event_known_check(struct store *s, const char *id, struct df_err *err);

/* Appends a copy of slot y (its strings into a: the store's rows live for a
 * callback) to the growing array *v of *n (capacity *cap). 0, or -1 when out
 * of memory. */
int app_slot_append(struct arena *a, struct store_slot **v, int *n, int *cap,
                    const struct store_slot *y);

#endif
