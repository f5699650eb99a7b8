/* Scheduling use-cases shared by the CLI and the HTTP server: a forum's accepted
 * requests from the store through the engine back into meetings, and a JAIR
 * .dzn instance through the engine. */
#ifndef DFNC_APP_SCHEDULE_H
#define DFNC_APP_SCHEDULE_H

#include <stdbool.h>

#include <jansson.h>

#include "app/words.h"
#include "core/arena.h"
#include "core/err.h"
#include "engine/sched/sched.h"
#include "io/dzn.h"
#include "store/store.h"

struct app_schedule_opts {
    const char *event;
    double time_limit;
    unsigned seed;
    /* The search's effort in moves (sched_problem.max_moves): 0 the engine's
     * default, paced by the clock; more: the same seed gives the same
     * schedule, unless time_limit cuts it short (the demo). */
    long max_moves;
    bool reschedule_locked;
    /* Who ran it, kept with its figures as the event's last run
     * (store_schedule_run): via "web" (ran_by the organiser's email), "cli"
     * (ran_by the command) or "accept" (ran_by the accepting person); NULL
     * via is "cli". */
    const char *via, *ran_by;
    /* An "event.schedule" audit line by ran_by, written in the run's own
     * transaction (the organiser's run from the web), so that a run is never
     * kept without it nor it without the run. */
    bool audit;
    /* How many times to run again when something changed while the run
     * solved that cannot be merged into its schedule (DF_ERR_CONFLICT
     * otherwise, nothing written; see app_schedule_event): an accept's
     * short run retries, an organiser's long one reports it. */
    int retries;
    /* The wall clock (Unix seconds) of a run on the forum's day, an
     * accept's: b2b slots that began by then take no meeting not already
     * in them (schedule_build_close_begun); 0 none. */
    long long now;
    /* The request an accept or a booking committed just before the run
     * (NULL: none) and its mail's kind ("accepted", "booked"): queued in
     * the run's write transaction with the time the run gave its meeting
     * (app_mail_on_request), instead of as a change of the agendas. */
    const struct store_request *mail_request;
    const char *mail_kind;
    /* Tests only (NULL otherwise): called after the solve, before the write
     * transaction, to change the store meanwhile as a concurrent request
     * would (a cancel while the organiser's run is solving). */
    void (*before_write)(struct store *s, void *ud);
    void *before_write_ud;
};

/* A request the run left without a meeting, and why (why.message the
 * English; by code, app/words.h): the engine's no_common_slot,
 * people_busy (slots), tables_full (slots), no_interpreter_left (pair,
 * slots), precedence (slots), where slots is "N" or "N-M" when it names
 * some; no_b2b_slots and no_tables; and one a change while the run solved
 * left without a slot: accepted_during_run, away_during_run (person,
 * slot), availability_during_run (person), languages_changed_during_run
 * (person), booth_during_run (booth), made_way (request),
 * languages_during_run (pair). GET .../unscheduled's not_yet is the
 * API's. */
struct app_unscheduled {
    const char *request;
    struct app_why why;
};

/* A scheduled meeting the organiser should look at: a locked meeting that
 * kept its slot although the interpreter it needs is no longer free then. */
struct app_schedule_warning {
    const char *request;
    const char *warning;
};

/* A request the run's write placed around its new schedule, and why (cause):
 * "accepted" while the run solved; "placed_meanwhile", one the run left out
 * whose meeting an accept's short run placed meanwhile; or one of the run's
 * own that no longer fit what changed meanwhile: "availability" (one of its
 * people became unavailable in its slot, or, for one the run left out, their
 * availability changed), "booth" (its host's booth became another table),
 * "languages" (its people now need another interpreter, or one none is left
 * for in its slot; or, for one the run left out that needed an interpreter,
 * their languages changed), "made_way" (a meeting it placed fresh that moved
 * for an accept's, already in its people's agendas, to the free slot adding
 * the fewest idle gaps to their days). Where it went when the run wrote:
 * "kept" where its meeting in the store was, "moved" (that clashed with the
 * new schedule) or "placed" (it had none) into a slot and table, or
 * "unscheduled", with the reason the organiser reads. */
struct app_schedule_late {
    const char *request, *outcome, *cause;
    const char *slot, *table;   /* NULL when unscheduled */
    const char *reason;         /* when unscheduled; NULL for "placed_meanwhile" */
};

struct app_schedule_report {
    const char *event;
    int accepted, scheduled, upper_bound, breaks;
    double seconds;
    int unscheduled_n;
    struct app_unscheduled *unscheduled;
    int warnings_n;
    struct app_schedule_warning *warnings;
    /* requests accepted while the run solved, of late_n; how many of late_n
     * went where (struct app_schedule_late's outcomes) */
    int late_accepted, late_kept, late_moved, late_placed, late_unscheduled;
    int late_displaced;   /* the run's own among them, moved off by a change of people */
    int late_n;
    struct app_schedule_late *late;
    /* the event's meetings held online once the run wrote, and whether the
     * event has a video service (video_url) to give them a link: without
     * one their people's agendas say "online" and nothing to join */
    int online;
    bool video_service;
};

/* Schedules the accepted requests of event o->event (NULL: the forum's event
 * now by the real clock, app_forum_event):
 * loads requests, attendees, b2b slots, tables, unavailability, languages and
 * locked meetings; solves; replaces the unlocked meetings in one transaction
 * (locked ones stay unless o->reschedule_locked). The solve runs outside any
 * transaction; inside the write one, what changed meanwhile is merged: the
 * meetings of requests no longer accepted go; requests accepted meanwhile
 * keep the meeting their accept placed when it clashes with nothing in the
 * new schedule (or, at a published event, only with meetings the run placed
 * fresh that can go elsewhere), else are placed where their people, a table
 * and an interpreter are free, else stay unscheduled; the run's own meetings
 * that no longer fit someone's new availability, booth or languages are
 * placed again the same way (out->late says where each went).
 * DF_ERR_CONFLICT, nothing written, when the agendas were published or
 * unpublished, a b2b slot, table or interpreter or a request's attendees
 * changed, or another run moved a published meeting, meanwhile. The run works
 * in an arena of its own; only the report (its strings and arrays) is copied
 * into a, before the write commits (DF_ERR_RUNTIME and nothing written when a
 * cannot hold it), so a caller's small arena (an HTTP request's) does not
 * bound the forum's size. */
int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err);

/* What the CLI and the API say of r's late requests: {"accepted", "kept",
 * "moved", "placed", "unscheduled", "requests": [{"request", "outcome",
 * "slot", "table"}]} (slot and table null when unscheduled). A new reference. */
json_t *app_schedule_late_json(const struct app_schedule_report *r);

/* The JAIR problem of a .dzn instance: every meeting scheduled, breaks counted
 * inside the morning and the afternoon, fairness d (-1 none). Arrays in a. */
int app_dzn_problem(const struct dzn_b2b *d, int fairness, struct arena *a,
                    struct sched_problem *p, struct df_err *err);

struct app_dzn_result {
    int meetings;
    struct sched_solution sol;   /* free with sched_solution_free */
};

/* Reads path, solves it. */
int app_schedule_dzn(const char *path, int fairness, double time_limit, unsigned seed, int threads,
                     struct app_dzn_result *out, struct df_err *err);

#endif
