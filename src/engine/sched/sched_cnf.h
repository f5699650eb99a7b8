/* Clauses the two SAT encodings of the scheduler (sched_sat.c, sched_exact.c)
 * share: a meeting in one slot of its domain, and a person busy in a slot. */
#ifndef DFNC_ENGINE_SCHED_CNF_H
#define DFNC_ENGINE_SCHED_CNF_H

#include <ccadical.h>

/* The clause (a or b or c or d); a literal 0 is left out. */
void sched_cnf_clause(CCaDiCaL *s, int a, int b, int c, int d);

/* Meeting m (of M) in exactly one of its slots: literals x[dom_off[m] ..
 * dom_off[m + 1]). */
void sched_cnf_one_slot(CCaDiCaL *s, int M, const int *dom_off, const int *x);

/* For each of P people with meetings (pm[pmo[q] .. pmo[q + 1]) lists them),
 * u[q * S + s] gets a new variable (numbered from ++*nv) true exactly when one
 * of q's meetings is in slot s, and at most one is; u stays 0 for people with
 * no meeting. lits: scratch for as many literals as a person has in a slot. */
void sched_cnf_busy(CCaDiCaL *s, int *nv, int P, int S, const int *pmo, const int *pm,
                    const int *dom_off, const int *dom, const int *x, int *lits, int *u);

#endif
