/* Scheduling use-cases shared by the CLI and the HTTP server: a forum's accepted
 * requests from the store through the engine back into meetings, and a JAIR
 * .dzn instance through the engine. */
#ifndef DFNC_APP_SCHEDULE_H
#define DFNC_APP_SCHEDULE_H

#include <stdbool.h>

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
    /* How many times to run again when the event's meetings changed while
     * the run solved (DF_ERR_CONFLICT otherwise, nothing written): an
     * accept's short run retries, an organiser's long one reports it. */
    int retries;
    /* Tests only (NULL otherwise): called after the solve, before the write
     * transaction, to change the store meanwhile as a concurrent request
     * would (a cancel while the organiser's run is solving). */
    void (*before_write)(struct store *s, void *ud);
    void *before_write_ud;
};

struct app_unscheduled {
    const char *request;
    const char *reason;
};

/* A scheduled meeting the organiser should look at: a locked meeting that
 * kept its slot although the interpreter it needs is no longer free then. */
struct app_schedule_warning {
    const char *request;
    const char *warning;
};

struct app_schedule_report {
    const char *event;
    int accepted, scheduled, upper_bound, breaks;
    double seconds;
    int unscheduled_n;
    struct app_unscheduled *unscheduled;
    int warnings_n;
    struct app_schedule_warning *warnings;
};

/* Schedules the accepted requests of event o->event (NULL = the default event):
 * loads requests, attendees, b2b slots, tables, unavailability, languages and
 * locked meetings; solves; replaces the unlocked meetings in one transaction
 * (locked ones stay unless o->reschedule_locked). The run works in an arena
 * of its own; only the report (its strings and arrays) is copied into a, so a
 * caller's small arena (an HTTP request's) does not bound the forum's size. */
int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err);

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
