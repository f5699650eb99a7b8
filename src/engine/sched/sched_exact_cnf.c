/* The exact break minimiser's clauses (see sched_exact_cnf.h): unary
 * numbers built by totalizers, the break count of one person with the
 * redundant clauses that let break-free schedules propagate, and cardinality
 * caps. */
#include "engine/sched/sched_exact_cnf.h"
#include "engine/sched/sched_cnf.h"

#include <stdlib.h>
#include <string.h>

int exact_var(struct exact_solver *e)
{
    return ++e->nv;
}

void exact_clause3(struct exact_solver *e, int a, int b, int c)
{
    sched_cnf_clause(e->s, a, b, c, 0);
}

/* (a or b or c or d), none of them 0. */
static void clause4(struct exact_solver *e, int a, int b, int c, int d)
{
    sched_cnf_clause(e->s, a, b, c, d);
}

/* Reserves n ints in the pool; returns their offset or (size_t)-1. */
size_t exact_pool_take(struct exact_solver *e, size_t n)
{
    if (e->pool_n + n > e->pool_cap) {
        size_t cap = e->pool_cap ? e->pool_cap : 1024;
        while (cap < e->pool_n + n)
            cap *= 2;
        int *np = realloc(e->pool, cap * sizeof(int));
        if (!np) {
            e->oom = true;
            return (size_t)-1;
        }
        e->pool = np;
        e->pool_cap = cap;
    }
    size_t off = e->pool_n;
    e->pool_n += n;
    return off;
}


/* Totalizer node: O = L + R capped at k outputs. up: count >= t+1 forces O[t];
 * down: O[t] forces count >= t+1. */
static struct exact_unary merge(struct exact_solver *e, struct exact_unary L,
                                struct exact_unary R, int k, bool down)
{
    struct exact_unary O = {0, L.n + R.n < k ? L.n + R.n : k};
    if (O.n <= 0 || e->oom)
        return (struct exact_unary){0, 0};
    O.off = exact_pool_take(e, (size_t)O.n);
    if (O.off == (size_t)-1)
        return (struct exact_unary){0, 0};
    for (int t = 0; t < O.n; t++)
        e->pool[O.off + t] = exact_var(e);
    const int *l = e->pool + L.off, *r = e->pool + R.off, *o = e->pool + O.off;
    for (int i = 0; i <= L.n; i++)
        for (int j = 0; j <= R.n; j++) {
            int sg = i + j;
            if (sg >= 1 && sg <= O.n)
                exact_clause3(e, i ? -l[i - 1] : 0, j ? -r[j - 1] : 0, o[sg - 1]);
            if (down && sg + 1 <= O.n)
                exact_clause3(e, i < L.n ? l[i] : 0, j < R.n ? r[j] : 0, -o[sg]);
        }
    return O;
}

/* Merges v[0..n) pairwise into one number (n >= 1); v is overwritten. */
struct exact_unary exact_unary_tree(struct exact_solver *e, struct exact_unary *v, int n, int k,
                                    bool down)
{
    while (n > 1 && !e->oom) {
        int w = 0;
        for (int i = 0; i + 1 < n; i += 2)
            v[w++] = merge(e, v[i], v[i + 1], k, down);
        if (n % 2)
            v[w++] = v[n - 1];
        n = w;
    }
    return n ? v[0] : (struct exact_unary){0, 0};
}

struct exact_unary exact_unary_leaf(struct exact_solver *e, int lit)
{
    size_t off = exact_pool_take(e, 1);
    if (off == (size_t)-1)
        return (struct exact_unary){0, 0};
    e->pool[off] = lit;
    return (struct exact_unary){off, 1};
}

/* Breaks stop at segment bounds: the session of slot s, or 0 for all when
 * breaks span sessions (JAIR) or there is one session. */
static int segment(const struct sched_problem *p, int s)
{
    return p->slot_session && !p->breaks_span_sessions ? p->slot_session[s] : 0;
}

bool exact_one_segment(const struct sched_problem *p)
{
    return !p->slot_session || p->breaks_span_sessions;
}

/* Kuhn's augmenting path: can meeting ms[i] take one of the slots lo ..
 * lo + k - 1 in its domain, moving others along? own[j]: the meeting (index
 * into ms) in slot lo + j, or -1. */
static bool augment(int i, const int *ms, int k, int lo, const int *dom_off, const int *dom,
                    int *own, unsigned char *seen)
{
    for (int di = dom_off[ms[i]]; di < dom_off[ms[i] + 1]; di++) {
        int j = dom[di] - lo;
        if (j < 0 || j >= k || seen[j])
            continue;
        seen[j] = 1;
        if (own[j] < 0 || augment(own[j], ms, k, lo, dom_off, dom, own, seen)) {
            own[j] = i;
            return true;
        }
    }
    return false;
}

/* fits[t] for each block start t (S - k + 1 of them): can a person's k
 * meetings ms[] fill slots t .. t + k - 1, one each, within their domains?
 * A person without breaks has such a block; the solver would find the
 * pigeonhole arguments against the others (seven morning meetings, six
 * morning slots in the block) only one conflict at a time. own: k ints,
 * seen: k bytes. */
void exact_block_starts(const int *ms, int k, int S, const int *dom_off, const int *dom,
                         int *own, unsigned char *seen, unsigned char *fits)
{
    for (int t = 0; t + k <= S; t++) {
        bool ok = true;
        for (int j = 0; j < k; j++)
            own[j] = -1;
        for (int i = 0; i < k && ok; i++) {
            memset(seen, 0, (size_t)k);
            ok = augment(i, ms, k, t, dom_off, dom, own, seen);
        }
        fits[t] = ok;
    }
}

/* The breaks of a person with k >= 2 meetings and busy literals uq[0..S): a
 * unary count (exact both ways when fair), with redundant clauses that let
 * schedules without a break propagate; with one segment, fits[t]
 * (exact_block_starts) says where a block of k meetings may start (else NULL).
 * scratch: 3 * S ints, work: S. */
struct exact_unary exact_person_breaks(struct exact_solver *e, const struct sched_problem *p,
                                       const int *uq, int k, const unsigned char *fits,
                                       bool fair, int *scratch, struct exact_unary *work)
{
    int S = p->n_slots, *aq = scratch, nb = 0;
    int seg_lo = 0;
    for (int s = 0; s < S; s++) {
        if (s > 0 && segment(p, s) != segment(p, s - 1))
            seg_lo = s;
        aq[s] = exact_var(e);
        exact_clause3(e, -uq[s], aq[s], 0);
        if (s > seg_lo) {
            exact_clause3(e, -aq[s - 1], aq[s], 0);
            exact_clause3(e, -aq[s], uq[s], aq[s - 1]);
        } else {
            exact_clause3(e, -aq[s], uq[s], 0);
        }
        if (s >= seg_lo + 2) {
            int b = exact_var(e);
            clause4(e, -uq[s], uq[s - 1], -aq[s - 2], b);
            exact_clause3(e, -b, uq[s], 0);
            exact_clause3(e, -b, -uq[s - 1], 0);
            exact_clause3(e, -b, aq[s - 2], 0);
            work[nb++] = exact_unary_leaf(e, b);
        }
    }
    if (nb == 0)
        return (struct exact_unary){0, 0};
    struct exact_unary c = exact_unary_tree(e, work, nb, k - 1, fair);
    if (e->oom)
        return c;
    /* redundant: l[s] "meets at or after s"; an idle slot between a meeting
     * and a later one means at least one break (propagates both ways) */
    int c0 = e->pool[c.off], *lq = scratch + S;
    for (int s = S - 1; s >= 0; s--) {
        lq[s] = exact_var(e);
        exact_clause3(e, -uq[s], lq[s], 0);
        if (s < S - 1 && segment(p, s + 1) == segment(p, s)) {
            exact_clause3(e, -lq[s + 1], lq[s], 0);
            exact_clause3(e, -lq[s], uq[s], lq[s + 1]);
            if (s > 0 && segment(p, s - 1) == segment(p, s))
                clause4(e, uq[s], -aq[s - 1], -lq[s + 1], c0);
        } else {
            exact_clause3(e, -lq[s], uq[s], 0);
        }
    }
    /* redundant: with no break, p's meetings are one block of deg slots
     * starting at some st[t] (decisions on blocks, as a CP solver would) */
    if (exact_one_segment(p)) {
        int nst = S - k + 1, *st = scratch + 2 * S;
        if (nst >= 1) {
            ccadical_add(e->s, c0);
            for (int t = 0; t < nst; t++)
                ccadical_add(e->s, st[t] = exact_var(e));
            ccadical_add(e->s, 0);
            for (int t = 0; t < nst; t++) {
                for (int t2 = t + 1; t2 < nst; t2++)
                    exact_clause3(e, -st[t], -st[t2], 0);
                for (int s = t; s < t + k; s++)
                    exact_clause3(e, -st[t], uq[s], 0);
                if (!fits[t])
                    exact_clause3(e, -st[t], 0, 0);
            }
            for (int s = 0; s < S; s++) {
                ccadical_add(e->s, -uq[s]);
                ccadical_add(e->s, c0);
                for (int t = s - k + 1 < 0 ? 0 : s - k + 1; t <= s && t < nst; t++)
                    ccadical_add(e->s, st[t]);
                ccadical_add(e->s, 0);
            }
        } else {
            exact_clause3(e, c0, 0, 0);
        }
    }
    /* redundant: with no break, the span of deg meetings is deg slots */
    for (int s = 0; s + k < S; s++) {
        bool same = true;
        for (int t = s; t < s + k && same; t++)
            same = segment(p, t + 1) == segment(p, s);
        if (same)
            exact_clause3(e, -aq[s], -lq[s + k], c0);
    }
    return c;
}

/* sum(lits) <= k through a totalizer with k + 1 outputs, the last one false. */
void exact_at_most(struct exact_solver *e, const int *lits, int n, int k)
{
    if (n <= k)
        return;
    size_t mark = e->pool_n;
    struct exact_unary *v = malloc((size_t)n * sizeof *v);
    if (!v) {
        e->oom = true;
        return;
    }
    for (int i = 0; i < n; i++)
        v[i] = exact_unary_leaf(e, lits[i]);
    struct exact_unary o = exact_unary_tree(e, v, n, k + 1, false);
    if (!e->oom && o.n == k + 1)
        exact_clause3(e, -e->pool[o.off + k], 0, 0);
    free(v);
    e->pool_n = mark;
}
