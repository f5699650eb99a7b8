/* A loaded event made into the scheduling engine's problem: people and
 * their meetings, slots by session, tables and booths, published meetings
 * held (or kept out of the solve, and said), interpreters planned. The
 * organiser's solve and the merge's placement both build with it. */
#ifndef DFNC_APP_SCHEDULE_BUILD_H
#define DFNC_APP_SCHEDULE_BUILD_H

#include <stdbool.h>

#include "app/interpreting.h"
#include "app/schedule.h"
#include "app/schedule_load.h"
#include "engine/sched/sched.h"

/* A published meeting the scheduler cannot hold where it is (its slot is no
 * longer in a b2b session, or it has no table of the event): it stays as it
 * stands, out of the solve, and the organiser is told. */
struct schedule_build_kept {
    const struct schedule_load_req *req;
    const struct schedule_load_lock *lock;
    int slot;          /* its b2b slot, -1 when its slot is not one */
    const char *why;   /* NULL for one held online in its slot: nothing to say */
};

/* A loaded event made into the engine's problem, with what the write and the
 * report need of it; every array in the run's arena. */
struct schedule_build {
    struct schedule_load_req *reqs;       /* the solve's requests: the loaded ones but the kept */
    int M, P, S, T;
    struct schedule_build_kept *kept;
    int kept_n;
    struct idmap pix, six, tix;  /* people of the solve (l->people), slots, tables */
    struct store_slot *slots;
    struct store_location *tabs;
    const char **booth, **langs; /* per person of the solve, before any stand-in */
    const char *const *who;      /* their ids */
    int P0;                      /* those people (P counts the stand-ins too) */
    int *lslot, *ltab, *needs;
    int *tneed;                  /* the table kind each meeting needs (p.table_need) */
    unsigned char *online;       /* per meeting: held online, without a table (p.online) */
    struct app_interpreting ip;
    struct app_schedule_warning *warnings;
    int warnings_n;
    struct sched_problem p;      /* seed, effort and time limit the caller's */
    const unsigned char *begun;  /* per slot: begun, closed to new meetings; NULL none */
};

/* Builds b from l, whose reqs, req_ix and people it changes (kept requests
 * out, the solve's people in); locked meetings hold unless release_locks. */
int schedule_build_problem(struct store *s, struct schedule_load *l, bool release_locks,
                           struct arena *a, struct schedule_build *b, struct df_err *err);

/* Closes b's slots that began by now (Unix seconds; a slot's wall-clock
 * start read in its event's zone tz) to every meeting not held there: a
 * meeting placed in a slot that has begun is one nobody attends. Sets
 * b->begun; now 0 closes none. -1 when memory ran out. */
int schedule_build_close_begun(struct schedule_build *b, const char *tz, long long now,
                               struct arena *a);

/* Closes the tables out of use (l's windows, schedule_load_tables_off; the
 * slots' times in zone tz) to every meeting but one locked there (it has
 * begun, or the desk left it): sets b->p.table_off. -1 when memory ran
 * out. */
int schedule_build_close_tables(struct schedule_build *b, const struct schedule_load *l,
                                const char *tz, struct arena *a);

/* Whether table t is out of use in slot k of b (schedule_build_close_tables). */
bool schedule_build_table_off(const struct schedule_build *b, int t, int k);

/* Has slot k of b begun (schedule_build_close_begun)? */
bool schedule_build_has_begun(const struct schedule_build *b, int k);

/* Warnings for the scheduled meetings of b (those marked in only, or all when
 * only is NULL) that need an interpreter and have none (who[m] < 0): a locked
 * one kept its place without, a new one found none free. */
int schedule_build_warn_interpreters(struct arena *a, const struct schedule_build *b,
                                     const struct sched_solution *sol, const int *who,
                                     const unsigned char *only, struct app_schedule_warning *w,
                                     int *wn);

#endif
