/* Clauses shared by the scheduler's SAT encodings (see sched_cnf.h). */
#include "engine/sched/sched_cnf.h"

#include <stddef.h>

void sched_cnf_clause(CCaDiCaL *s, int a, int b, int c, int d)
{
    if (a)
        ccadical_add(s, a);
    if (b)
        ccadical_add(s, b);
    if (c)
        ccadical_add(s, c);
    if (d)
        ccadical_add(s, d);
    ccadical_add(s, 0);
}

static void clause2(CCaDiCaL *s, int a, int b)
{
    sched_cnf_clause(s, a, b, 0, 0);
}

void sched_cnf_one_slot(CCaDiCaL *s, int M, const int *dom_off, const int *x)
{
    for (int m = 0; m < M; m++) {
        for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
            ccadical_add(s, x[i]);
        ccadical_add(s, 0);
        for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
            for (int j = i + 1; j < dom_off[m + 1]; j++)
                clause2(s, -x[i], -x[j]);
    }
}

void sched_cnf_busy(CCaDiCaL *s, int *nv, int P, int S, const int *pmo, const int *pm,
                    const int *dom_off, const int *dom, const int *x, int *lits, int *u)
{
    for (int q = 0; q < P; q++) {
        if (pmo[q] == pmo[q + 1])
            continue;
        for (int t = 0; t < S; t++) {
            int n = 0;
            for (int k = pmo[q]; k < pmo[q + 1]; k++) {
                int m = pm[k];
                for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
                    if (dom[i] == t)
                        lits[n++] = x[i];
            }
            int v = u[(size_t)q * S + t] = ++*nv;
            ccadical_add(s, -v);
            for (int i = 0; i < n; i++)
                ccadical_add(s, lits[i]);
            ccadical_add(s, 0);
            for (int i = 0; i < n; i++) {
                clause2(s, -lits[i], v);
                for (int j = i + 1; j < n; j++)
                    clause2(s, -lits[i], -lits[j]);
            }
        }
    }
}
