/* The allocation as a linear program solved by GLPK's simplex: the optimum the
 * min-cost flow must reach, for tests and benchmarks (a bound measured in the
 * same run). Not used by `procure plan`. */
#ifndef DFNC_ENGINE_PROCURE_LP_H
#define DFNC_ENGINE_PROCURE_LP_H

#include "engine/procure/procure.h"

/* For the demands placed in lots of sol, the most units any allocation
 * delivers (*units) and the least cost in EUR at that many units (*cost_eur),
 * under the same eligibility and capacity-over-time rules as the planner.
 * 0 ok; -1 when GLPK finds no optimum or memory runs out (err filled). */
int procure_lp_optimum(const struct procure_problem *p, const struct procure_solution *sol,
                       double *units, double *cost_eur, struct df_err *err);

#endif
