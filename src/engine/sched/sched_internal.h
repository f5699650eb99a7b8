/* Inside the scheduler engine only: the exact SAT search (sched_sat.c) that
 * sched.c calls for "every meeting scheduled" problems. */
#ifndef DFNC_ENGINE_SCHED_INTERNAL_H
#define DFNC_ENGINE_SCHED_INTERNAL_H

#include "engine/sched/sched.h"

/* Looks for a schedule with fewer than best breaks (best < 0: any schedule),
 * raising the bound from *lb_out. On success writes slot_io and returns 1; that
 * schedule is then optimal. Refuted bounds raise *lb_out and a refutation of
 * every schedule sets *infeasible, both only when exact (the encoding bounds
 * each person's breaks by the fairness d, which is exact when someone cannot
 * have a break). Tables are the only resource encoded. Stops at deadline. */
int sched_sat_search(const struct sched_problem *p, const int *dom_off, const int *dom,
                     int best, double deadline, bool exact, int *slot_io, int *lb_out,
                     bool *infeasible);

#endif
