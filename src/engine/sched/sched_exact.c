/* Exact break minimiser (see sched_exact.h): x[m,s] meeting m in slot s,
 * u[p,s] person p busy, a[p,s] p met someone by s, b[p,s] a break of p ends at
 * s, all defined both ways so that per-person totalizers count breaks exactly;
 * fairness through a unary minimum mn (mn <= breaks_p <= mn + d); a global
 * totalizer over the person counters bounds the total (those clauses:
 * sched_exact_cnf.c). Search: alternately "total <= lower bound" and
 * "total <= best - 1" under growing conflict budgets. */
#include "engine/sched/sched_exact.h"
#include "engine/sched/sched_internal.h"
#include "engine/sched/sched_exact_cnf.h"
#include "engine/sched/sched_cnf.h"
#include "core/clock.h"

#include <ccadical.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The best schedule two searches share: the one that proves (cores, global
 * bound, neighbourhoods) and, on a second core, one that only searches
 * neighbourhoods; either publishes what it finds and takes what the other
 * found; the prover's end stops both. */
struct shared {
    pthread_mutex_t mu;
    atomic_int best;  /* -1: none yet; written under mu, read also without */
    int *slot;        /* n_meetings */
    int M;
    atomic_int done;
};

/* Offers schedule slot with `breaks` breaks to the other search. */
static void publish(struct shared *sh, const int *slot, int breaks)
{
    if (!sh)
        return;
    pthread_mutex_lock(&sh->mu);
    if (sh->best < 0 || breaks < sh->best) {
        sh->best = breaks;
        memcpy(sh->slot, slot, (size_t)sh->M * sizeof(int));
    }
    pthread_mutex_unlock(&sh->mu);
}

/* Takes the other search's schedule into slot when it has fewer breaks than
 * *best. */
static bool adopt(struct shared *sh, int *slot, int *best)
{
    if (!sh)
        return false;
    bool took = false;
    pthread_mutex_lock(&sh->mu);
    if (sh->best >= 0 && sh->best < *best) {
        *best = sh->best;
        memcpy(slot, sh->slot, (size_t)sh->M * sizeof(int));
        took = true;
    }
    pthread_mutex_unlock(&sh->mu);
    return took;
}

/* Has the other search already found a schedule with at most lb breaks? Then
 * the prover's lower bound makes it optimal and both can stop. */
static bool settled(struct shared *sh, int lb)
{
    if (!sh)
        return false;
    int b = atomic_load(&sh->best);
    return b >= 0 && b <= lb;
}

/* CaDiCaL's terminate callback and the searches' loop test: the deadline,
 * the prover's end, or (in the prover) the other search's schedule at the
 * lower bound. */
static int stop_now(void *state)
{
    const struct exact_solver *e = state;
    return clock_seconds() > e->deadline || (e->sh && atomic_load(&e->sh->done)) ||
           (e->lb >= 0 && settled(e->sh, e->lb));
}

static bool unsupported(const struct sched_problem *p)
{
    if (!p->must_all || p->n_slots <= 0 || p->n_meetings < 0 || p->n_people < 0)
        return true;
    if (p->table_need)
        for (int m = 0; m < p->n_meetings; m++)
            if (p->table_need[m] >= 0)
                return true;
    if (p->table_kind)
        for (int t = 0; t < p->n_tables; t++)
            if (p->table_kind[t] >= 0)
                return true;
    if (p->meet_pair)
        for (int m = 0; m < p->n_meetings; m++)
            if (p->meet_pair[m] >= 0)
                return true;
    if (p->online) /* online meetings take no table: not in this encoding */
        for (int m = 0; m < p->n_meetings; m++)
            if (p->online[m])
                return true;
    if (p->locked_slot)
        for (int m = 0; m < p->n_meetings; m++)
            if (p->locked_slot[m] >= 0)
                return true;
    return false;
}

/* A meeting to pin to the first half when time reversal maps every domain
 * onto itself and keeps each person's breaks; else -1. */
static int reversible(const struct sched_problem *p, const int *dom_off, const int *dom)
{
    int M = p->n_meetings, S = p->n_slots, pick = -1;
    if (p->prec_off)
        for (int m = 0; m < M; m++)
            if (p->prec_off[m + 1] > p->prec_off[m])
                return -1;
    if (!exact_one_segment(p))
        for (int s = 0; s + 1 < S; s++)
            if ((p->slot_session[s] != p->slot_session[s + 1]) !=
                (p->slot_session[S - 2 - s] != p->slot_session[S - 1 - s]))
                return -1;
    for (int m = 0; m < M; m++) {
        int lo = dom_off[m], n = dom_off[m + 1] - lo;
        for (int i = 0; i < n; i++)
            if (dom[lo + i] + dom[lo + n - 1 - i] != S - 1)
                return -1;
        if (pick < 0 && n >= 2)
            pick = m;
    }
    return pick;
}

/* Person q's breaks in the schedule inc (pm[pmo[q] ..]: q's meetings); occ:
 * S bytes of scratch. */
static int breaks_in(const struct sched_problem *p, const int *inc, const int *pmo,
                     const int *pm, int q, unsigned char *occ)
{
    memset(occ, 0, (size_t)p->n_slots);
    for (int k = pmo[q]; k < pmo[q + 1]; k++)
        occ[inc[pm[k]]] = 1;
    return sched_person_breaks(p, occ);
}

/* Breaks and fairness of a complete schedule; -1 when it breaks fairness. */
static int score(const struct sched_problem *p, const int *slot, const int *pmo, const int *pm,
                 unsigned char *occ)
{
    int total = 0, bmin = -1, bmax = 0;
    for (int q = 0; q < p->n_people; q++) {
        int b = breaks_in(p, slot, pmo, pm, q, occ);
        total += b;
        if (pmo[q + 1] == pmo[q])
            continue;
        bmin = bmin < 0 || b < bmin ? b : bmin;
        bmax = b > bmax ? b : bmax;
    }
    if (p->fairness >= 0 && bmin >= 0 && bmax - bmin > p->fairness)
        return -1;
    return total;
}

struct cut_ctx {
    const struct sched_problem *p;
    const int *dom_off, *dom, *x;
    int *cur, *lits, *count;
    unsigned char *added;
    const int *u;   /* busy literals, 0 for people without meetings */
    int size;       /* people per meeting when all meetings have as many, else 0 */
    bool busy_cut;  /* the capacity also on each slot's busy people (needs size) */
};

/* The literal "meeting m in slot s", or 0 when s is not in m's domain. */
static int slot_lit(const struct cut_ctx *c, int m, int s)
{
    for (int i = c->dom_off[m]; i < c->dom_off[m + 1]; i++)
        if (c->dom[i] == s)
            return c->x[i];
    return 0;
}

/* Slot s's table capacity, on its meetings and (busy_cut) on its busy people. */
static void add_cut(struct exact_solver *e, struct cut_ctx *c, int s)
{
    const struct sched_problem *p = c->p;
    int M = p->n_meetings, S = p->n_slots, n = 0;
    for (int m = 0; m < M; m++)
        for (int i = c->dom_off[m]; i < c->dom_off[m + 1]; i++)
            if (c->dom[i] == s)
                c->lits[n++] = c->x[i];
    exact_at_most(e, c->lits, n, sched_slot_tables(p, s));
    /* the same on the busy people: it reaches no-break blocks directly */
    n = 0;
    bool busy = c->busy_cut && c->size > 0;
    for (int q = 0; q < p->n_people && busy; q++)
        if (c->u[(size_t)q * S + s])
            c->lits[n++] = c->u[(size_t)q * S + s];
    if (busy)
        exact_at_most(e, c->lits, n, c->size * sched_slot_tables(p, s));
    c->added[s] = 1;
}

/* Solves under one assumption (0 = none) and a conflict budget; a model that
 * puts more than n_tables meetings in a slot gets that slot's cardinality
 * constraint and is solved again. 10 model in c->cur, 20 refuted, 0 unknown,
 * -2 a bug (an overfilled slot that already has its constraint). */
static int solve_cuts(struct exact_solver *e, struct cut_ctx *c, const int *assume, int na,
                      long budget)
{
    const struct sched_problem *p = c->p;
    int M = p->n_meetings, S = p->n_slots;
    for (;;) {
        for (int i = 0; i < na; i++)
            ccadical_assume(e->s, assume[i]);
        if (budget > 0)
            ccadical_limit(e->s, "conflicts", budget > 1000000000L ? 1000000000 : (int)budget);
        int r = ccadical_solve(e->s);
        if (r != 10)
            return r == 20 ? 20 : 0;
        memset(c->count, 0, (size_t)S * sizeof(int));
        for (int m = 0; m < M; m++)
            for (int i = c->dom_off[m]; i < c->dom_off[m + 1]; i++)
                if (ccadical_val(e->s, c->x[i]) > 0) {
                    c->cur[m] = c->dom[i];
                    c->count[c->dom[i]]++;
                }
        int cuts = 0;
        for (int s = 0; s < S; s++) {
            if (c->count[s] <= sched_slot_tables(p, s))
                continue;
            if (c->added[s])
                return -2;
            add_cut(e, c, s);
            cuts++;
        }
        if (e->oom)
            return -2;
        if (!cuts)
            return 10;
    }
}

/* Every meeting not marked free assumed in its incumbent slot: assume[],
 * returns how many (-1 when a slot is outside a domain: a bug). */
static int assume_kept(const struct cut_ctx *c, const int *inc, const unsigned char *freed,
                       int *assume)
{
    int na = 0;
    for (int m = 0; m < c->p->n_meetings; m++) {
        if (freed[m])
            continue;
        int lit = slot_lit(c, m, inc[m]);
        if (!lit)
            return -1;
        assume[na++] = lit;
    }
    return na;
}

/* hold[q]: person q has breaks in the incumbent `inc`; returns how many of
 * the people who can have breaks (a unary count in pc) have none there. */
static int mark_holders(const struct sched_problem *p, const struct exact_unary *pc, const int *inc,
                        const int *pmo, const int *pm, unsigned char *occ, unsigned char *hold)
{
    int free_of_breaks = 0;
    memset(hold, 0, (size_t)p->n_people);
    for (int q = 0; q < p->n_people; q++) {
        if (pc[q].n == 0)
            continue;
        if (breaks_in(p, inc, pmo, pm, q, occ) > 0)
            hold[q] = 1;
        else
            free_of_breaks++;
    }
    return free_of_breaks;
}

/* "No break" (the first output of the unary count pc[q], false) for every
 * person who can have breaks and is not in may: appended to assume[na..];
 * returns the new length. */
static int assume_no_break(const struct sched_problem *p, const struct exact_solver *e,
                           const struct exact_unary *pc, const unsigned char *may, int *assume,
                           int na)
{
    for (int q = 0; q < p->n_people; q++)
        if (pc[q].n > 0 && !may[q])
            assume[na++] = -e->pool[pc[q].off];
    return na;
}

/* A neighbourhood of the incumbent `inc`: from a random person with breaks
 * (hold[q], mark_holders), people and their partners are freed until frac of
 * the meetings are; every other meeting is assumed in its slot (assume[],
 * returns how many). */
static int lns_pick(const struct sched_problem *p, const struct cut_ctx *c, const int *inc,
                    const int *pmo, const int *pm, const int *deg, const unsigned char *hold,
                    unsigned char *mark, unsigned *lcg, double frac, int *assume)
{
    int M = p->n_meetings, P = p->n_people;
    unsigned char *pmark = mark + M;
    memset(mark, 0, (size_t)M + (size_t)P);
    int want = (int)(frac * M), freed = 0, tries = 0;
    while (freed < want && tries++ < 4 * P) {
        *lcg = *lcg * 1103515245u + 12345u;
        int q = (int)((*lcg >> 8) % (unsigned)P);
        if (pmark[q] || deg[q] < 2)
            continue;
        if (!hold[q] && tries < 2 * P)
            continue;   /* prefer people with breaks, then anyone */
        /* q and, one by one, q's partners */
        int stack[2] = {q, -1};
        for (int h = 0; h < 2 && freed < want; h++) {
            int r = stack[h];
            if (r < 0 || pmark[r])
                continue;
            pmark[r] = 1;
            for (int k = pmo[r]; k < pmo[r + 1] && freed < want; k++) {
                int m = pm[k];
                if (!mark[m]) {
                    mark[m] = 1;
                    freed++;
                }
                for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
                    int o = p->people[i];
                    if (!pmark[o] && h == 0) {
                        pmark[o] = 1;
                        for (int k2 = pmo[o]; k2 < pmo[o + 1] && freed < want; k2++)
                            if (!mark[pm[k2]]) {
                                mark[pm[k2]] = 1;
                                freed++;
                            }
                    }
                }
            }
        }
    }
    return assume_kept(c, inc, mark, assume);
}

/* A time window of the incumbent `inc` freed across all people: the
 * meetings in about frac of the slots, from a random first slot; every other
 * meeting is assumed in its slot (assume[], returns how many). */
static int lns_window(const struct sched_problem *p, const struct cut_ctx *c, const int *inc,
                      unsigned char *mark, unsigned *lcg, double frac, int *assume)
{
    int M = p->n_meetings, S = p->n_slots;
    int w = (int)(frac * S + 0.5);
    w = w < 2 ? 2 : w > S ? S : w;
    *lcg = *lcg * 1103515245u + 12345u;
    int lo = (int)((*lcg >> 8) % (unsigned)(S - w + 1));
    for (int m = 0; m < M; m++)
        mark[m] = inc[m] >= lo && inc[m] < lo + w;
    return assume_kept(c, inc, mark, assume);
}

/* A neighbourhood of who may have breaks rather than of slots: the people
 * with breaks in the incumbent (hold[q], mark_holders) and about frac of the
 * free_of_breaks others may have them (may[]), everyone else is assumed to
 * have none (assume[], returns how many), and every meeting may move. The
 * other two keep most meetings in their slots, so a better schedule that
 * shifts whole days lies outside them; this one keeps the incumbent's shape
 * instead, and its assumptions give the solver each person's block at once. */
static int lns_holders(const struct sched_problem *p, const struct exact_solver *e,
                       const struct exact_unary *pc, const unsigned char *hold,
                       int free_of_breaks, unsigned char *may, unsigned *lcg, double frac,
                       int *assume)
{
    int P = p->n_people;
    int want = (int)(frac * free_of_breaks);
    memcpy(may, hold, (size_t)P);
    for (int tries = 0; tries < 4 * P && want > 0; tries++) {
        *lcg = *lcg * 1103515245u + 12345u;
        int q = (int)((*lcg >> 8) % (unsigned)P);
        if (pc[q].n == 0 || may[q])
            continue;
        may[q] = 1;
        want--;
    }
    return assume_no_break(p, e, pc, may, assume, 0);
}

/* Core-guided lower bound (OLL): the soft literals are the outputs of unary
 * numbers, "breaks_q >= 1" at first; each failed set of their negations
 * (a core) raises the bound by one, its literals give way to their next
 * outputs and a new unary number over the core adds "at least two of them". */
struct soft {
    size_t off;   /* a unary number in the pool */
    int n, t;     /* its size, the output that is soft now */
};

struct oll {
    struct soft *sv;
    int n, cap;
    int *as, *core;
};

static int oll_push(struct exact_solver *e, struct oll *o, struct soft sf)
{
    if (o->n == o->cap) {
        int cap = o->cap ? 2 * o->cap : 64;
        struct soft *nv = realloc(o->sv, (size_t)cap * sizeof *nv);
        int *na = realloc(o->as, (size_t)cap * sizeof *na);
        if (na)
            o->as = na;
        int *nc = na ? realloc(o->core, (size_t)cap * sizeof *nc) : NULL;
        if (nc)
            o->core = nc;
        if (nv)
            o->sv = nv;
        if (!nv || !na || !nc) {
            e->oom = true;
            return -1;
        }
        o->cap = cap;
    }
    o->sv[o->n++] = sf;
    return 0;
}

/* One solve under every soft literal false: 20 a core was relaxed (*lb one
 * higher), 10 a model (of cost *lb), 0 unknown, -1 no model at all, -2 a bug. */
static int oll_step(struct exact_solver *e, struct cut_ctx *c, struct oll *o, long budget, int *lb)
{
    for (int i = 0; i < o->n; i++)
        o->as[i] = -e->pool[o->sv[i].off + o->sv[i].t];
    int r = solve_cuts(e, c, o->as, o->n, budget);
    if (r != 20)
        return r;
    int k = 0;
    for (int i = 0; i < o->n; i++)
        if (ccadical_failed(e->s, o->as[i]))
            o->core[k++] = i;
    if (k == 0)
        return -1;
    /* trimmed: solved again under the core alone, while that shrinks it */
    for (int it = 0; it < 3 && k > 2; it++) {
        for (int j = 0; j < k; j++)
            o->as[j] = -e->pool[o->sv[o->core[j]].off + o->sv[o->core[j]].t];
        if (solve_cuts(e, c, o->as, k, 1000) != 20)
            break;
        int k2 = 0;
        for (int j = 0; j < k; j++)
            if (ccadical_failed(e->s, o->as[j]))
                o->core[k2++] = o->core[j];
        if (k2 == 0)
            return -1;
        bool same = k2 == k;
        k = k2;
        if (same)
            break;
    }
    /* the core's literals, then each soft gives way to its next output */
    int *lits = malloc((size_t)k * sizeof(int));
    struct exact_unary *v = malloc((size_t)k * sizeof *v);
    if (!lits || !v) {
        free(lits);
        free(v);
        e->oom = true;
        return -2;
    }
    for (int j = 0; j < k; j++) {
        const struct soft *sf = &o->sv[o->core[j]];
        lits[j] = e->pool[sf->off + sf->t];
    }
    int w = 0;
    for (int i = 0, j = 0; i < o->n; i++) {
        if (j < k && o->core[j] == i) {
            j++;
            if (o->sv[i].t + 1 < o->sv[i].n) {
                o->sv[w] = o->sv[i];
                o->sv[w++].t++;
            }
        } else {
            o->sv[w++] = o->sv[i];
        }
    }
    o->n = w;
    for (int j = 0; j < k; j++)
        ccadical_add(e->s, lits[j]);
    ccadical_add(e->s, 0);
    if (k >= 2) {
        for (int j = 0; j < k; j++)
            v[j] = exact_unary_leaf(e, lits[j]);
        struct exact_unary t = exact_unary_tree(e, v, k, k, false);
        if (!e->oom && t.n >= 2)
            oll_push(e, o, (struct soft){t.off, t.n, 1});
    }
    free(lits);
    free(v);
    if (e->oom)
        return -2;
    (*lb)++;
    return 20;
}

/* A neighbourhood call's time: at most the time left over this. */
#define LNS_CALL_SHARE 20

static int search(const struct sched_problem *p, const int *hint_slot, double deadline,
                  int *slot_out, int *breaks_out, int *lower_bound_out, struct shared *sh,
                  bool lns_only)
{
    *breaks_out = -1;
    *lower_bound_out = -1;
    if (unsupported(p))
        return -2;
    int M = p->n_meetings, P = p->n_people, S = p->n_slots, d = p->fairness;
    int rc = -2;
    struct exact_solver e = {.deadline = deadline, .sh = sh, .lb = lns_only ? -1 : 0};
    struct oll ol = {0};
    int *deg = calloc((size_t)P + 1, sizeof(int)), *pmo = calloc((size_t)P + 2, sizeof(int));
    int *pm = NULL, *dom_off = calloc((size_t)M + 1, sizeof(int)), *dom = NULL, *x = NULL;
    int *est = malloc(((size_t)M + 1) * sizeof(int)), *lst = malloc(((size_t)M + 1) * sizeof(int));
    int *u = calloc((size_t)P * S + 1, sizeof(int));
    int *lits = malloc(((size_t)M * S + (size_t)P * S + 1) * sizeof(int));
    int *cur = malloc(((size_t)M + 1) * sizeof(int));
    unsigned char *occ = malloc((size_t)S + 1), *added = calloc((size_t)S + 1, 1);
    unsigned char *seen = malloc((size_t)S + 1), *fits = malloc((size_t)S + 1);
    int *own = malloc(((size_t)S + 1) * sizeof(int));
    int *count = malloc(((size_t)S + 1) * sizeof(int));
    /* the meetings kept and the people kept without breaks, and a bound */
    int *assume = malloc(((size_t)M + (size_t)P + 2) * sizeof(int));
    unsigned char *free_m = malloc((size_t)M + (size_t)P + 1), *hold = malloc((size_t)P + 1);
    struct exact_unary *pc = calloc((size_t)P + 1, sizeof(struct exact_unary));
    struct exact_unary *work = malloc(((size_t)P * S + 1) * sizeof(struct exact_unary));
    if (!deg || !pmo || !dom_off || !est || !lst || !u || !lits || !cur || !occ || !pc ||
        !work || !added || !count || !seen || !fits || !own ||
        !assume || !free_m || !hold)
        goto out;
    for (int m = 0; m < M; m++)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            deg[p->people[i]]++;
    for (int q = 0; q < P; q++)
        pmo[q + 1] = pmo[q] + deg[q];
    pm = malloc(((size_t)pmo[P] + 1) * sizeof(int));
    if (!pm)
        goto out;
    memset(lits, 0, (size_t)P * sizeof(int));
    for (int m = 0; m < M; m++)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
            int q = p->people[i];
            pm[pmo[q] + lits[q]++] = m;
        }

    /* domains: session, fixed slot, everyone available; precedences tighten
     * earliest/latest starts to a fixed point */
    for (int m = 0; m < M; m++) {
        est[m] = 0;
        lst[m] = S - 1;
    }
    for (bool changed = true; changed;) {
        changed = false;
        if (p->prec_off)
            for (int m = 0; m < M; m++)
                for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++) {
                    int q = p->prec[k];
                    if (est[m] < est[q] + 1) {
                        est[m] = est[q] + 1;
                        changed = true;
                    }
                    if (lst[q] > lst[m] - 1) {
                        lst[q] = lst[m] - 1;
                        changed = true;
                    }
                }
        for (int m = 0; m < M && changed; m++)
            if (est[m] > lst[m] || est[m] >= S) {
                rc = -1;   /* a precedence cycle or chain longer than the day */
                goto out;
            }
    }
    dom = malloc(((size_t)M * S + 1) * sizeof(int));
    if (!dom)
        goto out;
    for (int m = 0; m < M; m++) {
        dom_off[m + 1] = dom_off[m];
        for (int s = est[m]; s <= lst[m]; s++) {
            if (p->fixed && p->fixed[m] >= 0 && p->fixed[m] != s)
                continue;
            if (p->session && p->session[m] >= 0 && p->slot_session &&
                p->slot_session[s] != p->session[m])
                continue;
            bool free_all = true;
            for (int i = p->people_off[m]; i < p->people_off[m + 1] && free_all; i++)
                if (p->unavail && p->unavail[(size_t)p->people[i] * S + s])
                    free_all = false;
            if (free_all)
                dom[dom_off[m + 1]++] = s;
        }
        if (dom_off[m + 1] == dom_off[m]) {
            rc = -1;   /* a meeting with no possible slot */
            goto out;
        }
    }

    e.s = ccadical_init();
    if (!e.s)
        goto out;
    ccadical_set_terminate(e.s, &e, stop_now);
    ccadical_set_option(e.s, "quiet", 1);
    /* stable mode only (target phases, reluctant doubling restarts): measured on
     * the JAIR originals without a hint, ticf-14crafa went from 92 breaks in
     * 8 s to the optimal 0, forum-14 from 78 to 32 */
    ccadical_set_option(e.s, "stabilizeonly", 1);
    x = malloc(((size_t)dom_off[M] + 1) * sizeof(int));
    if (!x)
        goto out;
    for (int i = 0; i < dom_off[M]; i++)
        x[i] = exact_var(&e);
    sched_cnf_one_slot(e.s, M, dom_off, x);
    /* symmetry: when every domain, the sessions' bounds (if breaks stop at
     * them) and the precedences (none) look the same backwards in time, a
     * schedule reversed has the same breaks: one meeting starts in the first
     * half */
    int rev_m = reversible(p, dom_off, dom);
    if (rev_m >= 0)
        for (int i = dom_off[rev_m]; i < dom_off[rev_m + 1]; i++)
            if (dom[i] > S - 1 - dom[i])
                exact_clause3(&e, -x[i], 0, 0);
    /* busy: u[q,s] <-> one of q's meetings in s; at most one */
    sched_cnf_busy(e.s, &e.nv, P, S, pmo, pm, dom_off, dom, x, lits, u);
    /* tables: at most n_tables meetings per slot (tables are interchangeable);
     * added lazily, for the slots that a model overfills (solve_cuts) */
    /* precedences: q ends before m starts */
    if (p->prec_off)
        for (int m = 0; m < M; m++)
            for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++) {
                int q = p->prec[k];
                for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
                    for (int j = dom_off[q]; j < dom_off[q + 1]; j++)
                        if (dom[j] >= dom[i])
                            exact_clause3(&e, -x[i], -x[j], 0);
            }
    if (clock_seconds() > deadline) {
        rc = 0;
        goto out;
    }
    /* breaks, exactly: a[s] <-> u[s] | a[s-1]; b[s] <-> u[s] & !u[s-1] & a[s-2],
     * within a segment (the whole day when breaks span sessions) */
    bool fair = d >= 0;
    int maxb = 0;
    for (int q = 0; q < P; q++) {
        if (deg[q] < 2) {
            pc[q] = (struct exact_unary){0, 0};
            continue;
        }
        if (exact_one_segment(p))
            exact_block_starts(pm + pmo[q], deg[q], S, dom_off, dom, own, seen, fits);
        pc[q] = exact_person_breaks(&e, p, u + (size_t)q * S, deg[q],
                                    exact_one_segment(p) ? fits : NULL, fair, lits, work);
        if (pc[q].n > maxb)
            maxb = pc[q].n;
    }
    if (e.oom)
        goto out;
    /* fairness: mn[j] "every person with meetings has >= j+1 breaks";
     * mn <= breaks_q <= mn + d */
    if (fair && maxb > d) {
        size_t mo = exact_pool_take(&e, (size_t)maxb);
        if (mo == (size_t)-1)
            goto out;
        for (int j = 0; j < maxb; j++) {
            e.pool[mo + j] = exact_var(&e);
            if (j > 0)
                exact_clause3(&e, -e.pool[mo + j], e.pool[mo + j - 1], 0);
        }
        for (int q = 0; q < P; q++) {
            if (deg[q] == 0)
                continue;
            const int *c = e.pool + pc[q].off, *mn = e.pool + mo;
            for (int j = 0; j < maxb; j++)
                exact_clause3(&e, -mn[j], j < pc[q].n ? c[j] : 0, 0);
            /* breaks_q >= t + 1 with t >= d: mn >= t + 1 - d */
            for (int t = d; t < pc[q].n; t++)
                exact_clause3(&e, -c[t], mn[t - d], 0);
        }
    }
    if (clock_seconds() > deadline) {
        rc = 0;
        goto out;
    }

    int best = -1, lb = 0;
    /* a first schedule: the hint (its values become the saved phases), else any */
    int r = 0;
    if (hint_slot) {
        bool ok = true;
        for (int m = 0; m < M && ok; m++) {
            cur[m] = 0;
            for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
                if (dom[i] == hint_slot[m])
                    cur[m] = x[i];
            ok = cur[m] != 0;
        }
        /* checked here rather than by the solver: solving under the hint
         * would make its values the saved phases, and starting from them was
         * measured worse (ticf-14crafa: 5 breaks from a hint of 8, 0 without) */
        if (p->prec_off)
            for (int m = 0; m < M && ok; m++)
                for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++)
                    ok = ok && hint_slot[p->prec[k]] < hint_slot[m];
        memset(count, 0, (size_t)S * sizeof(int));
        for (int m = 0; m < M && ok; m++)
            ok = ++count[hint_slot[m]] <= sched_slot_tables(p, hint_slot[m]);
        for (int q = 0; q < P && ok; q++) {
            memset(occ, 0, (size_t)S);
            for (int k = pmo[q]; k < pmo[q + 1] && ok; k++)
                ok = !occ[hint_slot[pm[k]]]++;
        }
        r = ok ? 10 : 0;
    }
    int size = M > 0 ? p->people_off[1] - p->people_off[0] : 0;
    for (int m = 1; m < M; m++)
        if (p->people_off[m + 1] - p->people_off[m] != size)
            size = 0;
    /* the busy people's cut (add_cut) only in the prover: it helps proofs
     * and some searches (ticf-13crafb) but slows others down, and in
     * the neighbourhood search alone it measured better (the four hard
     * originals, 5 labellings each, three rounds: 42 of 60 runs at the best
     * known against 21; given who may have breaks, ticf-13crafc's schedules
     * came 3-4 times faster without it; bench/README.md) */
    struct cut_ctx cc = {p, dom_off, dom, x, cur, lits, count, added, u, size, !lns_only};
    if (r == 10) {
        /* the hint, reversed when it breaks the symmetry clause */
        bool flip = rev_m >= 0 && hint_slot[rev_m] > S - 1 - hint_slot[rev_m];
        for (int m = 0; m < M; m++)
            cur[m] = flip ? S - 1 - hint_slot[m] : hint_slot[m];
        if (score(p, cur, pmo, pm, occ) < 0)
            r = 0;   /* unfair: not a valid start */
    }
    if (r != 10)
        r = solve_cuts(&e, &cc, NULL, 0, 0);
    if (r == 20) {
        rc = -1;
        goto out;
    }
    if (r != 10) {
        rc = r == -2 ? -2 : 0;
        goto out;
    }
    best = score(p, cur, pmo, pm, occ);
    if (best < 0)
        goto out;   /* the encoding and the checker disagree: a bug */
    memcpy(slot_out, cur, (size_t)M * sizeof(int));
    /* the total, capped at best outputs: tot[t] forced when total >= t + 1 */
    int nw = 0;
    for (int q = 0; q < P; q++)
        if (pc[q].n > 0)
            work[nw++] = pc[q];
    struct exact_unary tot =
        nw ? exact_unary_tree(&e, work, nw, best, false) : (struct exact_unary){0, 0};
    if (e.oom)
        goto out;
    for (int q = 0; q < P; q++)
        if (pc[q].n > 0 && oll_push(&e, &ol, (struct soft){pc[q].off, pc[q].n, 0}) < 0)
            goto out;
    long budget = 2000;
    unsigned lcg = (p->seed + (lns_only ? 7919u : 0u)) * 2654435761u + 1;
    /* each neighbourhood's share (of meetings, slots, people without breaks),
     * widened after "nothing better there", narrowed after "too hard" */
    double share[3] = {0.3, 0.3, 0.2}, lns_x = 1;
    int lns_i = 0;
    publish(sh, slot_out, best);
    while (lb < best && !stop_now(&e)) {
        double round_start = clock_seconds();
        /* the lower bound: cores for as long as they come within the budget */
        while (!lns_only && lb < best && !stop_now(&e)) {
            r = oll_step(&e, &cc, &ol, budget, &lb);
            e.lb = lb;
            if (r == -2 || r == -1)
                goto out;
            if (r == 10) {
                int v = score(p, cur, pmo, pm, occ);
                if (v < 0 || v != lb)
                    goto out;
                best = v;
                memcpy(slot_out, cur, (size_t)M * sizeof(int));
                publish(sh, slot_out, best);
            }
            if (r != 20)
                break;
        }
        /* any schedule better than the best (when best - 1 is the bound
         * itself, the cores' call asked the same) */
        if (!lns_only && lb < best - 1 && !stop_now(&e)) {
            int bound = best - 1;
            int blit = bound < tot.n ? -e.pool[tot.off + bound] : 0;
            r = solve_cuts(&e, &cc, &blit, blit != 0, budget);
            if (r == -2)
                goto out;
            if (r == 20) {
                lb = bound + 1;
                e.lb = lb;
            } else if (r == 10) {
                int v = score(p, cur, pmo, pm, occ);
                if (v < 0 || v > bound)
                    goto out;
                best = v;
                memcpy(slot_out, cur, (size_t)M * sizeof(int));
                publish(sh, slot_out, best);
            }
        }
        /* large neighbourhoods, in turn: the best schedule kept but for the
         * meetings of some people with breaks and their partners; kept but
         * for those in a window of slots (in both, whoever has no break
         * keeps none); every meeting free but only some people allowed
         * breaks. Each asks for fewer breaks under a small budget, for as
         * long as the two calls took */
        double slice = clock_seconds() - round_start;
        double lns_end = lns_only ? deadline : clock_seconds() + slice * lns_x;
        int lns_best = best;
        while (lb < best && clock_seconds() < lns_end && !stop_now(&e)) {
            int na;
            lns_i++;
            /* only the neighbourhood search takes the other's schedules: the
             * prover's own bound calls find better ones from a worse start
             * (forum-13 relabelled: 0 breaks in about 1 s alone, 2-8 s when
             * it took the other's) */
            if (lns_only)
                adopt(sh, slot_out, &best);
            int kind = lns_i % 3;
            int free_of_breaks = mark_holders(p, pc, slot_out, pmo, pm, occ, hold);
            if (kind == 2)
                na = lns_holders(p, &e, pc, hold, free_of_breaks, free_m, &lcg, share[2], assume);
            else if (kind == 1)
                na = lns_window(p, &cc, slot_out, free_m, &lcg, share[1], assume);
            else
                na = lns_pick(p, &cc, slot_out, pmo, pm, deg, hold, free_m, &lcg, share[0],
                              assume);
            if (na < 0)
                goto out;
            /* in the slot neighbourhoods, whoever has no break keeps none:
             * a freed person's meetings move as one block, which the solver
             * propagates (the four hard originals, 4 labellings each: 48% of
             * the runs at the best known against 31% without this, 0.8
             * breaks above it a run against 1.2; bench/README.md) */
            if (kind != 2)
                na = assume_no_break(p, &e, pc, hold, assume, na);
            if (best - 1 < tot.n)
                assume[na++] = -e.pool[tot.off + best - 1];
            /* a call may take 3,000 conflicts but no more than a twentieth of
             * the time left: one that runs long under a short limit would
             * take the time of a dozen that pay (bench/README.md) */
            double now = clock_seconds();
            e.deadline = now + (deadline - now) / LNS_CALL_SHARE;
            r = solve_cuts(&e, &cc, assume, na, 3000);
            e.deadline = deadline;
            if (r == -2)
                goto out;
            if (r == 10) {
                int v = score(p, cur, pmo, pm, occ);
                if (v < 0 || v >= best)
                    goto out;
                best = v;
                memcpy(slot_out, cur, (size_t)M * sizeof(int));
                publish(sh, slot_out, best);
            } else if (r == 20) {
                share[kind] = share[kind] * 1.1 > 0.9 ? 0.9 : share[kind] * 1.1;   /* widen */
            } else {
                double lo = kind == 2 ? 0.02 : 0.05;   /* too hard: narrow */
                share[kind] = share[kind] * 0.9 < lo ? lo : share[kind] * 0.9;
            }
        }
        /* the neighbourhoods get more time while they pay, less when not */
        if (best < lns_best)
            lns_x = lns_x * 2 > 8 ? 8 : lns_x * 2;
        else
            lns_x = lns_x / 2 < 0.5 ? 0.5 : lns_x / 2;
        if (budget < 1000000000L / 2)
            budget *= 2;
    }
    *breaks_out = best;
    *lower_bound_out = lb;
    rc = 1;
out:
    if (e.s)
        ccadical_release(e.s);
    free(e.pool);
    free(ol.sv);
    free(ol.as);
    free(ol.core);
    free(deg);
    free(pmo);
    free(pm);
    free(dom_off);
    free(dom);
    free(x);
    free(est);
    free(lst);
    free(u);
    free(lits);
    free(cur);
    free(occ);
    free(added);
    free(seen);
    free(fits);
    free(own);
    free(count);
    free(assume);
    free(free_m);
    free(hold);
    free(pc);
    free(work);
    return rc;
}

/* The problem with its meetings in another order: order[i] is the original
 * index of meeting i. */
struct reordered {
    struct sched_problem p;
    int *order, *people_off, *people, *session, *fixed, *prec_off, *prec, *hint;
};

static void reordered_free(struct reordered *r)
{
    free(r->order);
    free(r->people_off);
    free(r->people);
    free(r->session);
    free(r->fixed);
    free(r->prec_off);
    free(r->prec);
    free(r->hint);
}

static int cmp_key(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

/* The meetings grouped by their busiest person (people ranked by how many
 * meetings they have, ties by index), each group by session, then by the
 * next busiest person: the order the search numbers its variables in. The
 * order given matters to CDCL: the JAIR originals list each requester's
 * meetings together, and shuffling only the meetings of forum-13crafc and
 * ticf-13crafc took them from 5 of 6 runs at 1 break within 20 s to 0 of 6.
 * This order does not depend on the one given; relabelled (4 labellings
 * each, 10 s) they reached 1 break in 6 of 24 runs with it, 2 of 72 without
 * (the earlier code and seven variants of it).
 * Returns 0, -1 out of memory or too large. */
static int busiest_first(const struct sched_problem *p, const int *hint, struct reordered *r)
{
    int M = p->n_meetings, P = p->n_people, rc = -1;
    memset(r, 0, sizeof *r);
    int *deg = calloc((size_t)P + 1, sizeof(int)), *rank = malloc(((size_t)P + 1) * sizeof(int));
    unsigned long long *key = malloc(((size_t)M + 1) * sizeof *key);
    int *inv = malloc(((size_t)M + 1) * sizeof(int));
    r->order = malloc(((size_t)M + 1) * sizeof(int));
    r->people_off = malloc(((size_t)M + 1) * sizeof(int));
    r->people = malloc(((size_t)p->people_off[M] + 1) * sizeof(int));
    bool ok = deg && rank && key && inv && r->order && r->people_off && r->people;
    if (ok && p->session)
        ok = (r->session = malloc((size_t)M * sizeof(int))) != NULL;
    if (ok && p->fixed)
        ok = (r->fixed = malloc((size_t)M * sizeof(int))) != NULL;
    if (ok && p->prec_off)
        ok = (r->prec_off = malloc(((size_t)M + 1) * sizeof(int))) &&
             (r->prec = malloc(((size_t)p->prec_off[M] + 1) * sizeof(int)));
    if (ok && hint)
        ok = (r->hint = malloc((size_t)M * sizeof(int))) != NULL;
    int *start = NULL;
    if (!ok)
        goto out;
    for (int m = 0; m < M; m++)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            deg[p->people[i]]++;
    /* rank: busiest first, ties by index (a counting sort by degree) */
    int maxd = 0;
    for (int q = 0; q < P; q++)
        maxd = deg[q] > maxd ? deg[q] : maxd;
    start = calloc((size_t)maxd + 2, sizeof(int));
    if (!start)
        goto out;
    for (int q = 0; q < P; q++)
        start[maxd - deg[q] + 1]++;
    for (int d = 1; d <= maxd + 1; d++)
        start[d] += start[d - 1];
    for (int q = 0; q < P; q++)
        rank[q] = start[maxd - deg[q]]++;
    unsigned long long nS = (unsigned long long)p->n_slots + 2, nP = (unsigned long long)P + 1;
    if ((double)nP * (double)nS * (double)nP * (double)M > 1e19)
        goto out;   /* too large for one 64-bit key: keep the order given */
    for (int m = 0; m < M; m++) {
        int first = P, second = P;
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
            int k = rank[p->people[i]];
            if (k < first) {
                second = first;
                first = k;
            } else if (k < second) {
                second = k;
            }
        }
        unsigned long long sess = p->session ? (unsigned long long)(p->session[m] + 1) : 0;
        key[m] = (((unsigned long long)first * nS + sess) * nP + (unsigned long long)second) *
                     (unsigned long long)M + (unsigned long long)m;
    }
    qsort(key, (size_t)M, sizeof *key, cmp_key);
    for (int i = 0; i < M; i++) {
        r->order[i] = (int)(key[i] % (unsigned long long)M);
        inv[r->order[i]] = i;
    }
    r->people_off[0] = 0;
    if (r->prec_off)
        r->prec_off[0] = 0;
    for (int i = 0; i < M; i++) {
        int m = r->order[i], n = 0;
        for (int k = p->people_off[m]; k < p->people_off[m + 1]; k++)
            r->people[r->people_off[i] + n++] = p->people[k];
        r->people_off[i + 1] = r->people_off[i] + n;
        if (r->session)
            r->session[i] = p->session[m];
        if (r->fixed)
            r->fixed[i] = p->fixed[m];
        if (r->hint)
            r->hint[i] = hint[m];
        if (r->prec_off) {
            n = 0;
            for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++)
                r->prec[r->prec_off[i] + n++] = inv[p->prec[k]];
            r->prec_off[i + 1] = r->prec_off[i] + n;
        }
    }
    r->p = *p;
    r->p.people_off = r->people_off;
    r->p.people = r->people;
    r->p.session = r->session;
    r->p.fixed = r->fixed;
    r->p.prec_off = r->prec_off;
    r->p.prec = r->prec;
    rc = 0;
out:
    if (rc < 0)
        reordered_free(r);
    free(deg);
    free(rank);
    free(key);
    free(inv);
    free(start);
    return rc;
}

struct helper_args {
    const struct sched_problem *p;
    const int *hint;
    double deadline;
    int *slot;
    struct shared *sh;
};

static void *neighbourhood_search(void *arg)
{
    struct helper_args *h = arg;
    int b = -1, lb = -1;
    search(h->p, h->hint, h->deadline, h->slot, &b, &lb, h->sh, true);
    return NULL;
}

/* The prover, and beside it (threads >= 2) the neighbourhood search. */
static int exact(const struct sched_problem *p, const int *hint_slot, double deadline,
                 int *slot_out, int *breaks_out, int *lower_bound_out)
{
    int M = p->n_meetings;
    struct shared sh = {.best = -1, .M = M};
    struct helper_args h = {p, hint_slot, deadline, NULL, &sh};
    pthread_t th;
    bool two = p->threads >= 2 && M > 0 && pthread_mutex_init(&sh.mu, NULL) == 0;
    if (two) {
        sh.slot = malloc((size_t)M * sizeof(int));
        h.slot = malloc((size_t)M * sizeof(int));
        two = sh.slot && h.slot && pthread_create(&th, NULL, neighbourhood_search, &h) == 0;
        if (!two) {
            free(sh.slot);
            free(h.slot);
            pthread_mutex_destroy(&sh.mu);
        }
    }
    if (!two)
        return search(p, hint_slot, deadline, slot_out, breaks_out, lower_bound_out, NULL, false);
    int rc = search(p, hint_slot, deadline, slot_out, breaks_out, lower_bound_out, &sh, false);
    atomic_store(&sh.done, 1);
    pthread_join(th, NULL);
    if ((rc == 1 || rc == 0) && sh.best >= 0 && (rc == 0 || sh.best < *breaks_out)) {
        /* a prover stopped before its first schedule (out of time, or the
         * other search found one with no break) knows only the bound 0 */
        if (rc == 0)
            *lower_bound_out = 0;
        *breaks_out = sh.best;
        memcpy(slot_out, sh.slot, (size_t)M * sizeof(int));
        rc = 1;
    }
    free(sh.slot);
    free(h.slot);
    pthread_mutex_destroy(&sh.mu);
    return rc;
}

int sched_exact_breaks(const struct sched_problem *p, const int *hint_slot, double deadline,
                       int *slot_out, int *breaks_out, int *lower_bound_out)
{
    struct reordered ro;
    int M = p->n_meetings;
    int *slot = M > 0 && !unsupported(p) ? malloc((size_t)M * sizeof(int)) : NULL;
    if (!slot || busiest_first(p, hint_slot, &ro) < 0) {
        free(slot);
        return exact(p, hint_slot, deadline, slot_out, breaks_out, lower_bound_out);
    }
    int rc = exact(&ro.p, ro.hint, deadline, slot, breaks_out, lower_bound_out);
    if (rc == 1)
        for (int i = 0; i < M; i++)
            slot_out[ro.order[i]] = slot[i];
    free(slot);
    reordered_free(&ro);
    return rc;
}
