/* Inside the exact break minimiser only (sched_exact.c): its solver and the
 * clauses it builds its model from, unary numbers (totalizers) that count a
 * person's breaks and cap a slot's meetings, over CaDiCaL. */
#ifndef DFNC_ENGINE_SCHED_EXACT_CNF_H
#define DFNC_ENGINE_SCHED_EXACT_CNF_H

#include <ccadical.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/sched/sched.h"

struct shared;   /* what the two searches share (sched_exact.c) */

/* One search's solver and its variables; the search's own fields beside. */
struct exact_solver {
    CCaDiCaL *s;
    int nv;
    double deadline;
    struct shared *sh;  /* NULL when searching alone */
    int lb;             /* the prover's lower bound, kept here for stop_now (-1 in
                           the other search) */
    int *pool;          /* unary numbers (totalizer outputs) live here */
    size_t pool_n, pool_cap;
    bool oom;           /* a pool or scratch allocation failed: give up */
};

/* A unary number: pool[off + t] true iff (down: exactly iff) the count >= t + 1. */
struct exact_unary {
    size_t off;
    int n;
};

/* A new variable. */
int exact_var(struct exact_solver *e);
/* The clause (a or b or c), a 0 left out. */
void exact_clause3(struct exact_solver *e, int a, int b, int c);
/* Reserves n ints in e->pool: their offset, or (size_t)-1 with e->oom set. */
size_t exact_pool_take(struct exact_solver *e, size_t n);

/* The unary number of one literal. */
struct exact_unary exact_unary_leaf(struct exact_solver *e, int lit);
/* The sum of v[0..n) (n >= 1; v is overwritten), capped at k outputs; down:
 * the outputs also force the count (exact both ways). */
struct exact_unary exact_unary_tree(struct exact_solver *e, struct exact_unary *v, int n, int k,
                                    bool down);

/* Whether breaks run across every slot (JAIR, or one session). */
bool exact_one_segment(const struct sched_problem *p);

/* fits[t] for each start t of a block of a person's k meetings ms[]: can
 * they fill slots t .. t + k - 1 within their domains? own: k ints, seen: k
 * bytes of scratch. */
void exact_block_starts(const int *ms, int k, int S, const int *dom_off, const int *dom,
                        int *own, unsigned char *seen, unsigned char *fits);

/* The breaks of a person with k >= 2 meetings and busy literals uq[0..S), a
 * unary number (exact both ways when fair); fits from exact_block_starts
 * with one segment, else NULL. scratch: 3 * S ints, work: S. */
struct exact_unary exact_person_breaks(struct exact_solver *e, const struct sched_problem *p,
                                       const int *uq, int k, const unsigned char *fits,
                                       bool fair, int *scratch, struct exact_unary *work);

/* sum(lits[0..n)) <= k, through a totalizer whose pool space is given back. */
void exact_at_most(struct exact_solver *e, const int *lits, int n, int k);

#endif
