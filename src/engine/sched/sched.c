/* The scheduler's search (see sched.h): domains from sessions, fixed slots,
 * availability, locks and precedences; a most-constrained-first greedy start;
 * then simulated annealing over slot moves, ejection moves (a meeting takes a
 * slot and the meetings that clash with it go to its old slot or out) and swaps
 * of one person's meetings, on a penalty cost: clashes and over-used resources
 * (hard), unscheduled meetings by priority, people left without a meeting,
 * fairness excess and breaks. Tables are given per slot at the end. */
#include "engine/sched/sched.h"
#include "core/clock.h"
#include "engine/sched/sched_exact.h"
#include "engine/sched/sched_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static uint64_t rnd(struct sched_state *t)
{
    uint64_t x = t->rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    t->rng = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static int rndn(struct sched_state *t, int n)
{
    return (int)((rnd(t) >> 33) % (uint64_t)n);
}

static double rndf(struct sched_state *t)
{
    return (double)(rnd(t) >> 11) / 9007199254740992.0;
}

static int person_breaks(const int *sess, int S, const int *occ)
{
    int breaks = 0, runs = 0, cur = -1;
    bool prev = false;
    for (int s = 0; s < S; s++) {
        if (sess[s] != cur) {
            if (runs > 1)
                breaks += runs - 1;
            runs = 0;
            cur = sess[s];
            prev = false;
        }
        bool busy = occ[s] > 0;
        if (busy && !prev)
            runs++;
        prev = busy;
    }
    if (runs > 1)
        breaks += runs - 1;
    return breaks;
}

int sched_person_breaks(const struct sched_problem *p, const unsigned char *occ)
{
    int breaks = 0, runs = 0, cur = -1;
    bool prev = false;
    for (int s = 0; s < p->n_slots; s++) {
        int ss = p->slot_session && !p->breaks_span_sessions ? p->slot_session[s] : 0;
        if (ss != cur) {
            if (runs > 1)
                breaks += runs - 1;
            runs = 0;
            cur = ss;
            prev = false;
        }
        bool busy = occ[s] != 0;
        if (busy && !prev)
            runs++;
        prev = busy;
    }
    if (runs > 1)
        breaks += runs - 1;
    return breaks;
}

static long fair_excess(const struct sched_state *t, int b)
{
    return t->fcap >= 0 && b > t->fcap ? b - t->fcap : 0;
}

/* Moves meeting m to slot ns (-1 = out), updating every counter; returns the
 * change of cost. */
static long set_slot(struct sched_state *t, int m, int ns)
{
    const struct sched_problem *p = t->p;
    int os = t->slot[m], S = t->S;
    if (os == ns)
        return 0;
    long d = 0, dh = 0, dx = 0;
    for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
        int q = p->people[i];
        int *o = t->occ + (size_t)q * S;
        int ob = t->pbreaks[q];
        if (os >= 0 && --o[os] >= 1)
            dh--;
        if (ns >= 0 && o[ns]++ >= 1)
            dh++;
        if (os < 0 && t->pcount[q]++ == 0)
            d -= W_ZERO;
        if (ns < 0 && --t->pcount[q] == 0)
            d += W_ZERO;
        int nb;
        if (t->busy) {
            uint64_t b = t->busy[q];
            if (os >= 0 && o[os] == 0)
                b &= ~(1ULL << os);
            if (ns >= 0)
                b |= 1ULL << ns;
            t->busy[q] = b;
            uint64_t starts = b & ~((b << 1) & ~t->first_bits);
            nb = __builtin_popcountll(starts);
            int ni = 0;
            for (int g = 0; g < t->n_groups; g++) {
                uint64_t bg = b & t->group_mask[g];
                if (bg) {
                    nb--;
                    ni += 63 - __builtin_clzll(bg) - __builtin_ctzll(bg) + 1 -
                          __builtin_popcountll(bg);
                }
            }
            d += ni - t->pidle[q];
            t->idle_total += ni - t->pidle[q];
            t->pidle[q] = ni;
        } else {
            nb = person_breaks(t->bsess, S, o);
        }
        t->pbreaks[q] = nb;
        t->breaks_total += nb - ob;
        if (ob == 0 && nb > 0) {
            t->bad_pos[q] = t->bad_n;
            t->bad[t->bad_n++] = q;
        } else if (ob > 0 && nb == 0) {
            int i = t->bad_pos[q], last = t->bad[--t->bad_n];
            t->bad[i] = last;
            t->bad_pos[last] = i;
            t->bad_pos[q] = -1;
        }
        d += W_BREAK * (nb - ob);
        dx += fair_excess(t, nb) - fair_excess(t, ob);
    }
    for (int i = t->res_off[m]; i < t->res_off[m + 1]; i++) {
        int r = t->res[i];
        if (os >= 0) {
            int *l = &t->load[(size_t)r * S + os];
            if ((*l)-- > t->cap[(size_t)r * S + os])
                dh--;
        }
        if (ns >= 0) {
            int *l = &t->load[(size_t)r * S + ns];
            if (++(*l) > t->cap[(size_t)r * S + ns])
                dh++;
        }
    }
    for (int i = p->prec_off ? p->prec_off[m] : 0; p->prec_off && i < p->prec_off[m + 1]; i++) {
        int qs = t->slot[p->prec[i]];
        if (qs < 0)
            continue;
        dh -= os >= 0 && qs >= os;
        dh += ns >= 0 && qs >= ns;
    }
    for (int i = t->succ_off[m]; i < t->succ_off[m + 1]; i++) {
        int qs = t->slot[t->succ[i]];
        if (qs < 0)
            continue;
        dh -= os >= 0 && os >= qs;
        dh += ns >= 0 && ns >= qs;
    }
    if (os < 0) {
        d -= W_UNSCHED * sched_priority(t, m);
        t->unsched--;
    }
    if (ns < 0) {
        d += W_UNSCHED * sched_priority(t, m);
        t->unsched++;
    }
    if (t->members) {
        if (os >= 0) {
            int *l = t->members + (size_t)os * t->M, i = t->member_pos[m], last = l[--t->member_n[os]];
            l[i] = last;
            t->member_pos[last] = i;
        }
        if (ns >= 0) {
            t->members[(size_t)ns * t->M + t->member_n[ns]] = m;
            t->member_pos[m] = t->member_n[ns]++;
        }
    }
    t->slot[m] = ns;
    t->hard += dh;
    t->excess += dx;
    d += dh * t->w_hard + dx * t->w_fair;
    t->cost += d;
    return d;
}

/* ---- search ------------------------------------------------------------ */
/* Best slot for m with no new hard violation and least cost; -1 if none. */
static int greedy_slot(struct sched_state *t, int m)
{
    int best = -1;
    long best_d = 0;
    long hard0 = t->hard;
    int n = t->dom_off[m + 1] - t->dom_off[m];
    int start = n ? rndn(t, n) : 0;
    for (int k = 0; k < n; k++) {
        int s = t->dom[t->dom_off[m] + (start + k) % n];
        long d = set_slot(t, m, s);
        bool ok = t->hard == hard0;
        set_slot(t, m, -1);
        if (ok && (best < 0 || d < best_d)) {
            best = s;
            best_d = d;
        }
    }
    return best;
}

struct change {
    int m, old;
};

struct search {
    struct sched_state *t;
    struct change *log;
    int log_n, log_cap;
    int *best;
    int *chain, *chain_to;
    unsigned char *mark;
    long best_cost;     /* of the best valid state (no hard violation), idle slots aside */
    long best_idle;
    int best_breaks, best_unsched;
    int target_unsched; /* reaching it with no break ends the search */
    bool have_best;
};

static long apply(struct search *x, int m, int s)
{
    x->log[x->log_n].m = m;
    x->log[x->log_n].old = x->t->slot[m];
    x->log_n++;
    return set_slot(x->t, m, s);
}

static void undo(struct search *x)
{
    while (x->log_n > 0) {
        x->log_n--;
        set_slot(x->t, x->log[x->log_n].m, x->log[x->log_n].old);
    }
}

static bool in_domain(const struct sched_state *t, int m, int s)
{
    for (int k = t->dom_off[m]; k < t->dom_off[m + 1]; k++)
        if (t->dom[k] == s)
            return true;
    return false;
}

/* The valid state this one would be after dropping clashing meetings is not
 * computed: only states with no hard violation (and, when every meeting must be
 * met, no fairness excess) count as candidates. */
static void note_best(struct search *x)
{
    struct sched_state *t = x->t;
    if (t->hard != 0)
        return;
    if (t->p->must_all && (t->unsched > 0 || t->excess > 0))
        return;
    long key = t->cost - t->idle_total;
    if (x->have_best && (key > x->best_cost || (key == x->best_cost && t->idle_total >= x->best_idle)))
        return;
    memcpy(x->best, t->slot, (size_t)t->M * sizeof(int));
    x->best_cost = key;
    x->best_idle = t->idle_total;
    x->best_breaks = (int)t->breaks_total;
    x->best_unsched = t->unsched;
    x->have_best = true;
}

/* The meeting of person q in slot s other than skip, or -1. */
static int meeting_at(const struct sched_state *t, int q, int s, int skip)
{
    if (t->occ[(size_t)q * t->S + s] == 0)
        return -1;
    for (int k = t->pm_off[q]; k < t->pm_off[q + 1]; k++)
        if (t->pm[k] != skip && t->slot[t->pm[k]] == s)
            return t->pm[k];
    return -1;
}

/* Kempe chain: m and every meeting linked to it through shared people in slots
 * s1 and s2 swap slots, so no new clash appears. Refused (cost 0, nothing
 * applied) when a meeting of the chain may not go to the other slot. */
static long kempe(struct search *x, int m, int s1, int s2)
{
    struct sched_state *t = x->t;
    const struct sched_problem *p = t->p;
    int *chain = x->chain, n = 0;
    chain[n++] = m;
    x->mark[m] = 1;
    for (int i = 0; i < n; i++) {
        int c = chain[i], other = t->slot[c] == s1 ? s2 : s1;
        if (t->frozen[c] || !in_domain(t, c, other) || n > t->M) {
            for (int k = 0; k < n; k++)
                x->mark[chain[k]] = 0;
            return 0;
        }
        for (int j = p->people_off[c]; j < p->people_off[c + 1]; j++) {
            int q = p->people[j];
            int m2 = meeting_at(t, q, other, c);
            if (m2 >= 0 && !x->mark[m2]) {
                x->mark[m2] = 1;
                chain[n++] = m2;
            }
        }
    }
    long d = 0;
    int *to = x->chain_to;
    for (int i = 0; i < n; i++)
        to[i] = t->slot[chain[i]] == s1 ? s2 : s1;
    for (int i = 0; i < n; i++) {
        x->mark[chain[i]] = 0;
        d += apply(x, chain[i], to[i]);
    }
    return d;
}

/* One neighbourhood move; returns its cost change (applied, logged). */
static long propose(struct search *x)
{
    struct sched_state *t = x->t;
    const struct sched_problem *p = t->p;
    int m = -1;
    int tries = 0;
    if (t->bad_n > 0 && rndn(t, 2) == 0) {
        /* focus: a meeting of someone with a break */
        int q = t->bad[rndn(t, t->bad_n)];
        int n = t->pm_off[q + 1] - t->pm_off[q];
        m = t->pm[t->pm_off[q] + rndn(t, n)];
    }
    if (m < 0)
        m = rndn(t, t->M);
    while ((t->frozen[m] || t->dom_off[m] == t->dom_off[m + 1]) && ++tries < 50)
        m = rndn(t, t->M);
    if (t->frozen[m] || t->dom_off[m] == t->dom_off[m + 1])
        return 0;
    int os = t->slot[m];
    int kind = rndn(t, 100);
    if (!p->must_all && os >= 0 && kind < 3)
        return apply(x, m, -1);
    if (kind < 35 && os >= 0) {
        /* swap with another meeting of one of m's people */
        int q = p->people[p->people_off[m] + rndn(t, p->people_off[m + 1] - p->people_off[m])];
        int n = t->pm_off[q + 1] - t->pm_off[q];
        int m2 = t->pm[t->pm_off[q] + rndn(t, n)];
        int s2 = t->slot[m2];
        if (m2 == m || t->frozen[m2] || s2 < 0 || !in_domain(t, m, s2) || !in_domain(t, m2, os))
            return 0;
        long d = apply(x, m, s2);
        return d + apply(x, m2, os);
    }
    int n = t->dom_off[m + 1] - t->dom_off[m];
    int s = t->dom[t->dom_off[m] + rndn(t, n)];
    if (kind >= 35 && kind < 55 && os >= 0) {
        /* next to another meeting of one of m's people, when allowed */
        int q = p->people[p->people_off[m] + rndn(t, p->people_off[m + 1] - p->people_off[m])];
        int nq = t->pm_off[q + 1] - t->pm_off[q];
        int m2 = t->pm[t->pm_off[q] + rndn(t, nq)];
        int s2 = t->slot[m2] + (rndn(t, 2) ? 1 : -1);
        if (m2 != m && t->slot[m2] >= 0 && s2 >= 0 && s2 < t->S && in_domain(t, m, s2))
            s = s2;
    }
    if (s == os)
        return 0;
    if (kind >= 85 && os >= 0)
        return kempe(x, m, os, s);
    long d = apply(x, m, s);
    if (kind < 70) {
        /* ejection: meetings now clashing with m in s leave for m's old slot
         * (or go out when meetings may stay unscheduled) */
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
            int q = p->people[i];
            if (t->occ[(size_t)q * t->S + s] < 2)
                continue;
            for (int k = t->pm_off[q]; k < t->pm_off[q + 1]; k++) {
                int m2 = t->pm[k];
                if (m2 == m || t->slot[m2] != s || t->frozen[m2])
                    continue;
                int to = -1;
                if (os >= 0 && in_domain(t, m2, os))
                    to = os;
                if (to < 0 && p->must_all) {
                    int n2 = t->dom_off[m2 + 1] - t->dom_off[m2];
                    to = t->dom[t->dom_off[m2] + rndn(t, n2)];
                }
                d += apply(x, m2, to);
                break;
            }
        }
        /* tables full in s: another meeting there takes m's old slot (or goes out) */
        if (t->members && t->load[s] > t->cap[s] && t->member_n[s] > 1) {
            int m2 = t->members[(size_t)s * t->M + rndn(t, t->member_n[s])];
            if (m2 != m && !t->frozen[m2]) {
                int to = os >= 0 && in_domain(t, m2, os) ? os : -1;
                if (to >= 0 || !p->must_all)
                    d += apply(x, m2, to);
            }
        }
    }
    return d;
}

static bool done(const struct search *x)
{
    return x->have_best && x->best_breaks == 0 && x->best_unsched <= x->target_unsched;
}

/* Simulated annealing: four rounds of moves / 4, each cooling from its heat
 * as the moves are done; the deadline cuts it short. by_clock: each round
 * cools by the larger of its move and time fractions, so that a default
 * effort too large for the time limit still ends cool inside it (the heat,
 * and so the schedule, then depend on the machine's speed and load);
 * otherwise a seed gives one schedule, unless the deadline cuts in. */
static void anneal(struct search *x, long moves, double deadline, bool by_clock)
{
    struct sched_state *t = x->t;
    double t0 = (x->t->p->must_all ? 2.0 : 3.0) * W_BREAK, t1 = 0.05 * W_BREAK;
    int rounds = 4;

    long per = moves / rounds > 0 ? moves / rounds : 1;
    double begin = clock_seconds(), span = (deadline - begin) / rounds;
    for (int r = 0; r < rounds; r++) {
        if (r > 0 && x->have_best) {
            /* restart from the best state at a lower heat */
            for (int m = 0; m < t->M; m++)
                set_slot(t, m, x->best[m]);
        }
        double hot = r == 0 ? t0 : t0 / (1 + r);
        double temp = hot, round_start = clock_seconds();
        for (long i = 0; i < per; i++) {
            x->log_n = 0;
            long d = propose(x);
            if (d > 0 && rndf(t) >= exp(-(double)d / temp))
                undo(x);
            else if (d < 0 || x->log_n > 0)
                note_best(x);
            if ((i & 255) == 0) {
                double f = (double)i / (double)per;
                double ft = by_clock ? (clock_seconds() - round_start) / span : 0.0;
                if (ft > f)
                    f = ft;
                if (f >= 1.0)
                    break;
                temp = hot * pow(t1 / hot, f);
                if (clock_seconds() > deadline)
                    return;
                if (done(x))
                    return;
            }
        }
    }
}

/* ---- exact phase: SAT proofs of lower bounds and SAT-based LNS ---------- */

/* Makes sol the current state and keeps it when it is a better valid one. */
static void take(struct search *x, const int *sol)
{
    struct sched_state *t = x->t;
    for (int m = 0; m < t->M; m++)
        set_slot(t, m, sol[m]);
    note_best(x);
    if (!x->have_best) /* sol was refused and none was kept before: x->best holds nothing */
        return;
    for (int m = 0; m < t->M; m++)
        set_slot(t, m, x->best[m]);
}

/* ---- few free meetings: every placement tried --------------------------- */

/* Placements of the free meetings tried at most, leaves of the search tree. */
#define FEW_PLACEMENTS 20000L

struct few {
    struct search *x;
    int n;              /* free meetings with a slot they could take */
    int *meet;          /* [n] */
    int *off, *cand;    /* their candidate slots: cand[off[i] .. off[i+1]) */
};

static void few_walk(struct few *f, int i)
{
    struct sched_state *t = f->x->t;
    if (i == f->n) {
        note_best(f->x);
        return;
    }
    int m = f->meet[i];
    few_walk(f, i + 1);   /* m left out */
    for (int k = f->off[i]; k < f->off[i + 1]; k++) {
        long h = t->hard;
        set_slot(t, m, f->cand[k]);
        if (t->hard == h)   /* a clash only grows with more meetings placed */
            few_walk(f, i + 1);
        set_slot(t, m, -1);
    }
}

/* When nearly every meeting is locked (an accept at a published event: the
 * new meeting and those no slot is left for), tries every placement of the
 * free ones instead of annealing until the deadline: the best one is then
 * proven, nothing more can be gained. A slot a free meeting cannot take next
 * to the locked meetings alone is no candidate (clashes and full tables only
 * grow as meetings are added). true when it searched them all (x->best is
 * then the best state and the current one); false when there are too many,
 * or memory ran out, leaving the state as it was. */
static bool few_free(struct search *x)
{
    struct sched_state *t = x->t;
    int M = t->M, nf = 0, nc = 0;
    for (int m = 0; m < M; m++)
        if (!t->frozen[m]) {
            nf++;
            nc += t->dom_off[m + 1] - t->dom_off[m];
        }
    if (!x->have_best || (long)nf > FEW_PLACEMENTS)
        return false;
    struct few f = {.x = x, .meet = malloc(((size_t)nf + 1) * sizeof(int)),
                    .off = malloc(((size_t)nf + 2) * sizeof(int)),
                    .cand = malloc(((size_t)nc + 1) * sizeof(int))};
    bool all = f.meet && f.off && f.cand;
    for (int m = 0; m < M && all; m++)
        if (!t->frozen[m])
            set_slot(t, m, -1);
    long leaves = 1;
    if (all)
        f.off[0] = 0;
    for (int m = 0; m < M && all && leaves <= FEW_PLACEMENTS; m++) {
        if (t->frozen[m])
            continue;
        int n0 = f.off[f.n], n = n0;
        for (int k = t->dom_off[m]; k < t->dom_off[m + 1]; k++) {
            long h = t->hard;
            set_slot(t, m, t->dom[k]);
            if (t->hard == h)
                f.cand[n++] = t->dom[k];
            set_slot(t, m, -1);
        }
        if (n == n0)
            continue;   /* no slot left for it: it stays out */
        f.meet[f.n++] = m;
        f.off[f.n] = n;
        leaves *= n - n0 + 1;
    }
    all = all && leaves <= FEW_PLACEMENTS;
    if (all)
        few_walk(&f, 0);
    for (int m = 0; m < M; m++)   /* the best state (as it was, when not searched) */
        set_slot(t, m, x->best[m]);
    free(f.meet);
    free(f.off);
    free(f.cand);
    return all;
}

/* Frees about frac of the meetings around the best state's trouble spots:
 * the meetings of people with breaks, a window of slots, or random people. */
static void pick_fixed(struct search *x, int *fix, double frac)
{
    struct sched_state *t = x->t;
    int M = t->M, want = (int)(frac * M) + 1, freed = 0;
    for (int m = 0; m < M; m++)
        fix[m] = x->best[m];
    int kind = rndn(t, 3);
    if (kind == 1) {
        int w = (int)(frac * t->S) + 2;
        int a = rndn(t, t->S);
        for (int m = 0; m < M; m++)
            if (fix[m] >= a && fix[m] < a + w)
                fix[m] = -1;
        return;
    }
    const struct sched_problem *p = t->p;
    for (int tries = 0; freed < want && tries < 4 * t->P; tries++) {
        int q = rndn(t, t->P);
        if (kind == 0 && tries < 2 * t->P && t->pbreaks[q] == 0)
            continue;
        /* q's meetings and, for someone with a break, their partners' meetings
         * too: a day can only close up when the partners' days may move */
        for (int k = t->pm_off[q]; k < t->pm_off[q + 1]; k++) {
            int m = t->pm[k];
            for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
                int r = p->people[i];
                if (r != q && kind != 0)
                    continue;
                for (int j = t->pm_off[r]; j < t->pm_off[r + 1]; j++)
                    if (fix[t->pm[j]] >= 0) {
                        fix[t->pm[j]] = -1;
                        freed++;
                    }
            }
        }
    }
}

static void exact_phase(struct search *x, double deadline, bool exact, int *lb, bool *opt,
                        bool *infeasible)
{
    struct sched_state *t = x->t;
    int M = t->M;
    int kmax = x->have_best ? x->best_breaks : 64;
    struct sched_sat *z = sched_sat_new(t->p, t->dom_off, t->dom, kmax > 0 ? kmax : 1, deadline);
    int *sol = malloc(((size_t)M + 1) * sizeof(int)), *fix = malloc(((size_t)M + 1) * sizeof(int));
    if (!z || !sol || !fix)
        goto out;
    if (x->have_best)
        for (int m = 0; m < M; m++)
            set_slot(t, m, x->best[m]);
    int proof_conf = 1000, lns_conf = 500, fails = 0;
    double frac = 0.3;

    bool proving = exact;
    while (clock_seconds() < deadline) {
        bool bf = false;
        if (!x->have_best) {
            int r = sched_sat_solve(z, -1, NULL, proof_conf, sol, &bf);
            if (r == 20) {
                *infeasible = exact;
                break;
            }
            if (r == 10)
                take(x, sol);
            proof_conf *= 2;
            continue;
        }
        int best = x->best_breaks;
        if (*lb >= best) {
            *opt = exact;
            break;
        }
        if (proving) {
            int r = sched_sat_solve(z, *lb, NULL, proof_conf, sol, &bf);
            if (r == 20 && bf)
                (*lb)++;
            else if (r == 20)
                break;   /* cannot be: a valid schedule is known */
            else if (r == 10)
                take(x, sol);
            else
                proof_conf = proof_conf * 3 / 2;
            if (r != 0)
                continue;
        }
        for (int k = 0; k < 6 && clock_seconds() < deadline; k++) {
            pick_fixed(x, fix, frac);
            int r = sched_sat_solve(z, best - 1, fix, lns_conf, sol, &bf);
            if (r == 10) {
                take(x, sol);
                fails = 0;
                break;
            }
            /* refuted or undecided: widen the neighbourhood slowly */
            if (++fails % 20 == 0 && frac < 0.8)
                frac += 0.05;
        }
    }
out:
    sched_sat_free(z);
    free(sol);
    free(fix);
}

static void out_of_memory(char *msg, int msg_n)
{
    if (msg && msg_n > 0)
        snprintf(msg, (size_t)msg_n, "out of memory");
}

const char *sched_reason_name(enum sched_reason r)
{
    switch (r) {
    case SCHED_R_NONE: return "scheduled";
    case SCHED_R_NO_COMMON_SLOT: return "no common free slot";
    case SCHED_R_PEOPLE_BUSY: return "participants are busy in every common free slot";
    case SCHED_R_TABLES_FULL: return "all tables taken in the common free slots";
    case SCHED_R_INTERPRETER: return "no interpreter left in the common free slots";
    case SCHED_R_PRECEDENCE: return "no slot respects the required order of meetings";
    }
    return "unknown";
}

void sched_solution_free(struct sched_solution *s)
{
    if (!s)
        return;
    free(s->slot);
    free(s->table);
    free(s->reason);
    free(s->reason_lo);
    free(s->reason_hi);
    memset(s, 0, sizeof *s);
}

int sched_solve(const struct sched_problem *p, struct sched_solution *out, char *msg, int msg_n)
{
    double start = clock_seconds();
    double limit = p->time_limit > 0 ? p->time_limit : 10.0;
    double deadline = start + limit * 0.9;   /* leaves room for tables, output and a loaded machine */
    struct sched_state t;
    struct search x = {0};
    int rc = -1;
    memset(out, 0, sizeof *out);
    memset(&t, 0, sizeof t);
    if (sched_check_problem(p, msg, msg_n) < 0)
        return -1;
    int M = p->n_meetings;
    out->slot = malloc(((size_t)M + 1) * sizeof(int));
    out->table = malloc(((size_t)M + 1) * sizeof(int));
    out->reason = calloc((size_t)M + 1, sizeof(int));
    out->reason_lo = malloc(((size_t)M + 1) * sizeof(int));
    out->reason_hi = malloc(((size_t)M + 1) * sizeof(int));
    if (!out->slot || !out->table || !out->reason || !out->reason_lo || !out->reason_hi ||
        sched_state_init(&t, p) < 0) {
        out_of_memory(msg, msg_n);
        goto out;
    }
    bool prec_ok = sched_propagate_precedences(&t);
    bool infeasible = p->must_all && (!prec_ok || sched_bound_infeasible(&t));
    int sat_lb = 0;
    bool sat_opt = false;
    out->upper_bound = sched_bound_meetings(&t);
    x.target_unsched = p->must_all ? 0 : M - out->upper_bound;
    out->lower_bound = p->must_all ? 0 : -1;

    x.t = &t;
    x.log_cap = 2 * M + 16;   /* a Kempe chain moves at most every meeting once */
    x.log = malloc((size_t)x.log_cap * sizeof *x.log);
    x.best = malloc(((size_t)M + 1) * sizeof(int));
    x.chain = malloc(((size_t)M + 1) * sizeof(int));
    x.chain_to = malloc(((size_t)M + 1) * sizeof(int));
    x.mark = calloc((size_t)M + 1, 1);
    if (!x.log || !x.best || !x.chain || !x.chain_to || !x.mark) {
        out_of_memory(msg, msg_n);
        goto out;
    }

    /* greedy start: locked and fixed first, then by priority, fewest slots first */
    int *order = malloc(((size_t)M + 1) * sizeof(int));
    long *key = malloc(((size_t)M + 1) * sizeof(long));
    if (!order || !key) {
        free(order);
        free(key);
        out_of_memory(msg, msg_n);
        goto out;
    }
    for (int m = 0; m < M; m++) {
        order[m] = m;
        int dn = t.dom_off[m + 1] - t.dom_off[m];
        key[m] = (t.frozen[m] ? 0 : 1L << 40) - (long)sched_priority(&t, m) * (1L << 24) + dn * 4096L +
                 (long)(rnd(&t) & 4095);
    }
    /* shell sort by key (deterministic, no callback state needed) */
    for (int gap = M / 2; gap > 0; gap /= 2)
        for (int i = gap; i < M; i++)
            for (int j = i; j >= gap && key[order[j - gap]] > key[order[j]]; j -= gap) {
                int tmp = order[j];
                order[j] = order[j - gap];
                order[j - gap] = tmp;
            }
    for (int i = 0; i < M && !infeasible; i++) {
        int m = order[i];
        if (t.dom_off[m] == t.dom_off[m + 1])
            continue;
        int s = t.frozen[m] ? t.dom[t.dom_off[m]] : greedy_slot(&t, m);
        if (s < 0 && p->must_all)
            s = t.dom[t.dom_off[m] + rndn(&t, t.dom_off[m + 1] - t.dom_off[m])];
        if (s >= 0)
            set_slot(&t, m, s);
    }
    free(order);
    free(key);
    if (!infeasible) {
        note_best(&x);
        long moves = p->max_moves > 0 ? p->max_moves : 200000L + 20000L * M;
        if (moves > 400000000L)
            moves = 400000000L;
        bool exact_ok = p->must_all && p->n_kinds == 0 && p->n_pairs == 0 && !p->local_only &&
                        sched_online_n(p) == 0;
        /* the annealing first (it finds a good schedule fast, the exact search's
         * first bound), then the exact SAT search for better schedules and proofs */
        double ls_deadline = exact_ok ? start + (limit * 0.05 < 0.5 ? limit * 0.05 : 0.5) : deadline;
        if (!done(&x) && !(!p->must_all && few_free(&x)))
            anneal(&x, moves, ls_deadline, p->max_moves <= 0);
        out->moves = moves;
        int exact_rc = -2;
        if (exact_ok && !done(&x) && clock_seconds() < deadline) {
            int *sol = malloc(((size_t)M + 1) * sizeof(int));
            int b = -1, lb = -1;
            exact_rc = sol ? sched_exact_breaks(p, x.have_best ? x.best : NULL, deadline, sol,
                                                &b, &lb)
                           : -2;
            if (exact_rc == 1)
                take(&x, sol);
            if (exact_rc == -1 && !x.have_best)
                infeasible = true;
            if (exact_rc >= 0 && lb > sat_lb)
                sat_lb = lb;
            /* the exact encoding counts breaks and fairness exactly */
            sat_opt = exact_rc >= 0 && x.have_best && sat_lb >= x.best_breaks;
            free(sol);
        }
        if (exact_ok && exact_rc == -2 && !done(&x) && clock_seconds() < deadline) {
            /* min breaks is 0 when someone cannot have a break: then the
             * encoding's per-person cap d is exactly the fairness rule */
            bool exact = p->fairness < 0;
            for (int q = 0; q < t.P && !exact; q++)
                exact = t.deg[q] < 2;
            bool none = false;
            exact_phase(&x, deadline, exact, &sat_lb, &sat_opt, &none);
            infeasible = none && !x.have_best;
        }
    }

    /* the answer: the best valid state, else the current one with clashes dropped */
    if (x.have_best) {
        for (int m = 0; m < M; m++)
            set_slot(&t, m, x.best[m]);
    } else {
        for (int m = 0; m < M; m++)
            if (t.slot[m] >= 0 && !t.frozen[m]) {
                long h = t.hard;
                int s = t.slot[m];
                set_slot(&t, m, -1);
                if (t.hard == h)
                    set_slot(&t, m, s);
            }
        for (int m = 0; m < M && t.hard > 0; m++)
            if (t.slot[m] >= 0) {
                long h = t.hard;
                int s = t.slot[m];
                set_slot(&t, m, -1);
                if (t.hard == h)
                    set_slot(&t, m, s);
            }
    }
    memcpy(out->slot, t.slot, (size_t)M * sizeof(int));
    if (sched_tables_assign(&t, out->slot, out->table, out->reason) < 0) {
        out_of_memory(msg, msg_n);
        goto out;
    }
    for (int m = 0; m < M; m++)
        if (out->slot[m] != t.slot[m])
            set_slot(&t, m, out->slot[m]);
    out->scheduled = 0;
    out->breaks = 0;
    int bmin = -1, bmax = 0;
    for (int m = 0; m < M; m++) {
        out->reason_lo[m] = out->reason_hi[m] = -1;
        if (out->slot[m] >= 0) {
            out->scheduled++;
            out->reason[m] = SCHED_R_NONE;
        } else {
            sched_tables_explain(&t, m, out);
        }
    }
    for (int q = 0; q < t.P; q++) {
        out->breaks += t.pbreaks[q];
        if (t.deg[q] == 0)
            continue;
        bmin = bmin < 0 || t.pbreaks[q] < bmin ? t.pbreaks[q] : bmin;
        bmax = t.pbreaks[q] > bmax ? t.pbreaks[q] : bmax;
    }
    out->spread = bmin < 0 ? 0 : bmax - bmin;
    /* table changes between consecutive meetings of a person in a session */
    out->table_changes = 0;
    for (int q = 0; q < t.P; q++) {
        int prev_s = -1, prev_t = -1;
        for (int s = 0; s < t.S; s++)
            for (int k = t.pm_off[q]; k < t.pm_off[q + 1]; k++) {
                int m = t.pm[k];
                if (out->slot[m] != s)
                    continue;
                if (prev_s >= 0 && t.sess[prev_s] == t.sess[s] && prev_t >= 0 &&
                    out->table[m] >= 0 && prev_t != out->table[m]) /* online: no table */
                    out->table_changes++;
                prev_s = s;
                prev_t = out->table[m];
            }
    }

    if (sat_opt && x.have_best)
        out->lower_bound = out->breaks;
    else if (p->must_all && sat_lb > out->lower_bound)
        out->lower_bound = sat_lb;
    bool complete = out->scheduled == M;
    bool fair_ok = p->fairness < 0 || out->spread <= p->fairness;
    if (infeasible) {
        out->status = SCHED_INFEASIBLE;
        out->lower_bound = -1;
    }
    else if (p->must_all && !(complete && fair_ok && t.hard == 0))
        out->status = SCHED_UNKNOWN;
    else if (p->must_all && out->breaks == out->lower_bound)
        out->status = SCHED_OPTIMAL;
    else if (!p->must_all && out->scheduled == out->upper_bound && out->breaks == 0)
        out->status = SCHED_OPTIMAL;
    else
        out->status = SCHED_FEASIBLE;
    out->seconds = clock_seconds() - start;
    rc = 0;
out:
    free(x.log);
    free(x.best);
    free(x.chain);
    free(x.chain_to);
    free(x.mark);
    sched_state_free(&t);
    if (rc < 0)
        sched_solution_free(out);
    return rc;
}
