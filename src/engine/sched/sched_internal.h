/* Inside the scheduler engine only: the search's state, which sched.c builds
 * and moves; the bounds (sched_bound.c) and the table plan (sched_tables.c)
 * read it; and the exact SAT search (sched_sat.c) that sched.c calls for
 * "every meeting scheduled" problems. */
#ifndef DFNC_ENGINE_SCHED_INTERNAL_H
#define DFNC_ENGINE_SCHED_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/sched/sched.h"

/* ---- the search's state (sched.c) ------------------------------------------ */

struct sched_state {
    const struct sched_problem *p;
    int M, P, S, R;
    int *sess;                  /* per slot */
    int *bsess;                 /* per slot: the group inside which breaks are counted */
    long w_hard, w_fair;        /* penalty weights of hard violations and fairness excess */
    int *dom_off, *dom;         /* allowed slots per meeting */
    int *pm_off, *pm;           /* meetings of each person */
    int *res_off, *res;         /* resources used per meeting */
    int *succ_off, *succ;       /* meetings that must come after m */
    int *slot;
    int *occ;                   /* P * S */
    int *load, *cap;            /* R * S */
    int *pbreaks, *pcount, *deg;
    /* with at most 64 slots, each person's busy slots as a bit mask: breaks are
     * then a popcount (run starts, a session's first slot always starting one) */
    uint64_t *busy;
    /* meetings in each slot (when S * M is small enough): members[s * M + i],
     * i < member_n[s]; member_pos[m] is m's index in its slot's list */
    int *members, *member_n, *member_pos;
    /* people with at least one break: bad[0 .. bad_n), bad_pos[q] or -1 */
    int *bad, *bad_pos, bad_n;
    uint64_t first_bits;        /* slots that open a break group */
    uint64_t group_mask[64];    /* slots of each break group */
    int n_groups;
    int fcap;                   /* break cap from fairness (-1 none) */
    long cost;
    long hard;                  /* number of hard violations now */
    long excess;                /* fairness excess now */
    long breaks_total, idle_total;
    int *pidle;
    int unsched;
    uint64_t rng;
    bool frozen_any;
    unsigned char *frozen;      /* fixed or locked meetings never move */
};

/* The search's cost weights: a hard violation outweighs everything else; an
 * unscheduled meeting outweighs any number of breaks a local move can save.
 * Breaks weigh W_BREAK; each idle slot inside a person's day weighs 1, a
 * gradient towards fewer breaks (a gap that shrinks is progress). */
#define W_BREAK 4L
#define W_UNSCHED (60L * W_BREAK)
#define W_ZERO (30L * W_BREAK)

/* Meeting m's priority (1 when the problem gives none). */
static inline int sched_priority(const struct sched_state *t, int m)
{
    return t->p->priority ? t->p->priority[m] : 1;
}

/* Whether table k is out of use in slot s (sched_problem.table_off). */
static inline bool sched_table_off(const struct sched_problem *p, int k, int s)
{
    return p->table_off && p->table_off[(size_t)k * (size_t)p->n_slots + (size_t)s];
}

/* The tables in use in slot s: how many meetings it can seat. */
static inline int sched_slot_tables(const struct sched_problem *p, int s)
{
    int n = p->n_tables;
    for (int k = 0; p->table_off && k < p->n_tables; k++)
        n -= sched_table_off(p, k, s);
    return n;
}

/* Whether meeting m is held online, so that it takes no table. */
static inline bool sched_is_online(const struct sched_problem *p, int m)
{
    return p->online && p->online[m];
}

/* How many meetings are held online. */
int sched_online_n(const struct sched_problem *p);

/* ---- set-up (sched_setup.c) ------------------------------------------------ */

/* Whether meeting m may take slot s: its session, everyone's availability,
 * fixed and locked slots (precedences aside). */
bool sched_slot_allowed(const struct sched_problem *p, int m, int s);
/* 0 when p is well formed, else -1 with what is wrong in msg. */
int sched_check_problem(const struct sched_problem *p, char *msg, int msg_n);
/* Builds t from p: domains, each person's meetings, resources, successors,
 * every meeting out (its cost counted). -1 when out of memory (t is then
 * still freed by sched_state_free). */
int sched_state_init(struct sched_state *t, const struct sched_problem *p);
void sched_state_free(struct sched_state *t);
/* Narrows domains by precedences (earliest and latest slot). Returns false
 * when some meeting is left with no slot (only meaningful when all must be
 * met). */
bool sched_propagate_precedences(struct sched_state *t);

/* ---- bounds (sched_bound.c) ------------------------------------------------ */

/* An upper bound on the meetings that can be scheduled together: each
 * person's meetings matched into distinct allowed slots, a fractional
 * b-matching of meetings to slot capacities by max flow, the interpreters,
 * and the tables. t->M when out of memory. */
int sched_bound_meetings(struct sched_state *t);

/* True when "every meeting scheduled" is proven impossible by a cheap check:
 * a meeting with no allowed slot, a person with more meetings than distinct
 * slots for them, or more meetings than tables. */
bool sched_bound_infeasible(struct sched_state *t);

/* ---- tables and reasons (sched_tables.c) ----------------------------------- */

/* Gives every meeting with a slot a table (table[m], -1 for none); a meeting
 * left without one is unscheduled (slot[m] = -1, reason[m] says why). -1 when
 * out of memory. */
int sched_tables_assign(struct sched_state *t, int *slot, int *table, int *reason);

/* Why unscheduled meeting m found no slot, given the others' in t: fills
 * out->reason[m] and the range of slots it was allowed. */
void sched_tables_explain(struct sched_state *t, int m, struct sched_solution *out);

/* ---- the exact SAT search (sched_sat.c) ------------------------------------ */

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
