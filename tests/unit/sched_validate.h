/* An independent checker of scheduler output, used only by tests: it re-derives
 * every constraint from the problem struct without any of the engine's code. */
#ifndef DFNC_TESTS_SCHED_VALIDATE_H
#define DFNC_TESTS_SCHED_VALIDATE_H

#include "engine/sched/sched.h"

/* Returns NULL when sol is a valid answer to p, else a static message naming
 * the first broken rule. */
const char *sched_validate(const struct sched_problem *p, const struct sched_solution *sol);

#endif
