/* Exact break minimiser for the "every meeting scheduled" problem (the JAIR B2B
 * model): a SAT encoding solved by CaDiCaL, searching the total number of
 * breaks between a proven lower bound and the best schedule found. Pure engine:
 * no I/O. */
#ifndef DFNC_ENGINE_SCHED_SCHED_EXACT_H
#define DFNC_ENGINE_SCHED_SCHED_EXACT_H

#include "engine/sched/sched.h"

/* Minimises the total breaks of p (must_all, sessions, fixed slots, precedences,
 * unavailability, n_tables plain tables, fairness) until the absolute
 * CLOCK_MONOTONIC time `deadline` (seconds). hint_slot (may be NULL) is a
 * complete valid schedule to start from. slot_out (n_meetings, caller-owned)
 * receives the best schedule; *breaks_out its breaks; *lower_bound_out a proven
 * lower bound (== *breaks_out when optimal, -1 if none).
 * Returns 1 found, 0 none found in time, -1 proven infeasible, -2 error or a
 * problem this solver does not handle (table kinds, interpreters, locked
 * meetings, meetings of more than two people are fine but not must_all). */
int sched_exact_breaks(const struct sched_problem *p, const int *hint_slot, double deadline,
                       int *slot_out, int *breaks_out, int *lower_bound_out);

#endif
