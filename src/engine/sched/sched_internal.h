/* Inside the scheduler engine only: the exact SAT search (sched_sat.c) that
 * sched.c calls for "every meeting scheduled" problems. */
#ifndef DFNC_ENGINE_SCHED_INTERNAL_H
#define DFNC_ENGINE_SCHED_INTERNAL_H

#include "engine/sched/sched.h"

/* The SAT encoding of the problem with every meeting scheduled, each person's
 * breaks capped by the fairness d (exact when someone cannot have a break, as
 * the minimum is then 0) and a unary counter of all breaks up to kmax. Tables
 * are the only resource encoded. Stops solving at deadline. NULL when out of
 * memory or out of time while encoding. Free with sched_sat_free. */
struct sched_sat;
struct sched_sat *sched_sat_new(const struct sched_problem *p, const int *dom_off,
                                const int *dom, int kmax, double deadline);
/* Solves with total breaks <= bound (-1: no bound) and meetings with
 * fix[m] >= 0 held in that slot (fix may be NULL), within conflicts (0: no
 * limit). 10 = found (slot_out filled), 20 = refuted (*bound_failed says whether
 * the bound took part), 0 = undecided. */
int sched_sat_solve(struct sched_sat *z, int bound, const int *fix, int conflicts, int *slot_out,
                    bool *bound_failed);
void sched_sat_free(struct sched_sat *z);

#endif
