/* Unit tests of the exact break minimiser (sched_exact.c): small random
 * problems against a brute force over every schedule (its own checker, none of
 * the engine's code), also with three-party meetings, problem kinds it
 * refuses, and two real JAIR originals. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/schedule.h"
#include "engine/sched/sched_exact.h"
#include "io/dzn.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#define MAXP 30
#define MAXM 20
#define MAXS 10
#define TINYP 6   /* make_tiny's problems: 3 .. TINYP people, */
#define TINYM 7   /* 2 .. TINYM meetings, */
#define TINYS 6   /* 3 .. TINYS slots */

struct tiny {
    struct sched_problem p;
    int off[MAXM + 1], people[3 * MAXM], session[MAXM], fixed[MAXM];
    int prec_off[MAXM + 1], prec[MAXM];
    int sess[MAXS];
    unsigned char unavail[MAXP * MAXS];
};

static unsigned rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 1103515245u + 12345u;
    return (rng >> 8) % n;
}

/* Points t's problem at its own arrays: P people, M meetings, S slots. */
static void wire(struct tiny *t, int P, int M, int S)
{
    struct sched_problem *p = &t->p;
    p->n_people = P;
    p->n_meetings = M;
    p->n_slots = S;
    p->slot_session = t->sess;
    p->people_off = t->off;
    p->people = t->people;
    p->session = t->session;
    p->fixed = t->fixed;
    p->prec_off = t->prec_off;
    p->prec = t->prec;
    p->unavail = t->unavail;
    p->must_all = true;
}

static void make_tiny(struct tiny *t, unsigned seed)
{
    memset(t, 0, sizeof *t);
    rng = seed;
    int P = 3 + (int)rnd(TINYP - 2), M = 2 + (int)rnd(TINYM - 1), S = 3 + (int)rnd(TINYS - 2);
    int morning = 1 + (int)rnd((unsigned)S - 1);
    for (int s = 0; s < S; s++)
        t->sess[s] = s < morning ? 0 : 1;
    for (int m = 0; m < M; m++) {
        int a = (int)rnd((unsigned)P), b = (int)rnd((unsigned)P - 1);
        if (b >= a)
            b++;
        t->off[m] = 2 * m;
        t->people[2 * m] = a;
        t->people[2 * m + 1] = b;
        int r = (int)rnd(10);
        t->session[m] = r == 0 ? 0 : r == 1 ? 1 : -1;
        t->fixed[m] = rnd(12) == 0 ? (int)rnd((unsigned)S) : -1;
        t->prec_off[m + 1] = t->prec_off[m];
        if (m > 0 && rnd(6) == 0)
            t->prec[t->prec_off[m + 1]++] = (int)rnd((unsigned)m);
    }
    t->off[M] = 2 * M;
    for (int i = 0; i < P * S; i++)
        t->unavail[i] = rnd(8) == 0;
    struct sched_problem *p = &t->p;
    wire(t, P, M, S);
    p->breaks_span_sessions = rnd(2) == 0;
    p->n_tables = 1 + (int)rnd(3);
    p->fairness = (int)rnd(4) - 1;   /* -1 (none), 0, 1, 2 */
}

/* M meetings of three among P people (3M = 2P), each person in two of them,
 * in a random order (the second half shifted by one); no session, fixed slot
 * or precedence. */
static void three_each_twice(struct tiny *t, int P, int M)
{
    int perm[MAXP];
    for (int q = 0; q < P; q++)
        perm[q] = q;
    for (int q = P - 1; q > 0; q--) {
        int j = (int)rnd((unsigned)q + 1), x = perm[q];
        perm[q] = perm[j];
        perm[j] = x;
    }
    for (int m = 0; m < M; m++) {
        t->off[m] = 3 * m;
        for (int k = 0; k < 3; k++)
            t->people[3 * m + k] = perm[(3 * m + k + (m >= M / 2)) % P];
        t->session[m] = -1;
        t->fixed[m] = -1;
        t->prec_off[m + 1] = 0;
    }
    t->off[M] = 3 * M;
    t->p.n_people = P;
    t->p.n_meetings = M;
}

/* Six meetings of three among nine people, each in two of them: more people
 * who can have a break than there are meetings. */
static void make_tiny3(struct tiny *t, unsigned seed)
{
    make_tiny(t, seed);   /* slots, sessions, tables, fairness */
    three_each_twice(t, 9, 6);
    for (int i = 0; i < 9 * t->p.n_slots; i++)
        t->unavail[i] = rnd(10) == 0;
}

/* Total breaks of a complete schedule, or -1 when it breaks a rule. */
static int judge(const struct sched_problem *p, const int *slot)
{
    int P = p->n_people, S = p->n_slots, M = p->n_meetings;
    unsigned char busy[MAXP * MAXS] = {0};
    int per_slot[MAXS] = {0}, deg[MAXP] = {0};
    for (int m = 0; m < M; m++) {
        int s = slot[m];
        if (s < 0 || s >= S)
            return -1;
        if (p->session[m] >= 0 && p->slot_session[s] != p->session[m])
            return -1;
        if (p->fixed[m] >= 0 && p->fixed[m] != s)
            return -1;
        if (++per_slot[s] > p->n_tables)
            return -1;
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
            int q = p->people[i];
            deg[q]++;
            if (p->unavail[q * S + s] || busy[q * S + s]++)
                return -1;
        }
        for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++)
            if (slot[p->prec[k]] >= s)
                return -1;
    }
    int total = 0, lo = 1 << 20, hi = 0;
    for (int q = 0; q < P; q++) {
        int b = 0, seen = 0;
        for (int s = 0; s < S; s++) {
            bool boundary = s > 0 && !p->breaks_span_sessions && p->slot_session[s] != p->slot_session[s - 1];
            if (boundary)
                seen = 0;
            if (busy[q * S + s]) {
                if (seen && !busy[q * S + s - 1])
                    b++;
                seen = 1;
            }
        }
        total += b;
        if (deg[q]) {
            lo = b < lo ? b : lo;
            hi = b > hi ? b : hi;
        }
    }
    if (p->fairness >= 0 && hi - lo > p->fairness && lo <= hi)
        return -1;
    return total;
}

/* The fewest breaks over every schedule, -1 when none is valid. */
static int brute(const struct sched_problem *p)
{
    int M = p->n_meetings, S = p->n_slots, slot[MAXM] = {0}, best = -1;
    for (;;) {
        int v = judge(p, slot);
        if (v >= 0 && (best < 0 || v < best))
            best = v;
        int m = 0;
        while (m < M && ++slot[m] == S)
            slot[m++] = 0;
        if (m == M)
            return best;
    }
}

/* Solves t from scratch and asserts the brute force's answer: no schedule, or
 * a valid one with the optimum, proven. Returns the optimum, -1 for none. */
static int solve_as_brute(struct tiny *t, unsigned seed, int *slot)
{
    int want = brute(&t->p), br = -7, lb = -7;
    int r = sched_exact_breaks(&t->p, NULL, now_s() + 10, slot, &br, &lb);
    if (want < 0) {
        cr_assert_eq(r, -1, "seed %u: no schedule exists, got %d", seed, r);
        return -1;
    }
    cr_assert_eq(r, 1, "seed %u: a schedule exists, got %d", seed, r);
    cr_assert_eq(judge(&t->p, slot), br, "seed %u: the schedule is invalid or miscounted", seed);
    cr_assert_eq(br, want, "seed %u: %d breaks, the optimum is %d", seed, br, want);
    cr_assert_eq(lb, want, "seed %u: optimality not proven (lb %d)", seed, lb);
    return want;
}

Test(sched_exact, matches_brute_force_on_small_problems)
{
    int feasible = 0, infeasible = 0;
    for (unsigned seed = 1; seed <= 60; seed++) {
        struct tiny t;
        make_tiny(&t, seed);
        int slot[MAXM], want = solve_as_brute(&t, seed, slot);
        if (want < 0) {
            infeasible++;
            continue;
        }
        feasible++;
        /* started from a hint: the same optimum */
        int slot2[MAXM], br2, lb2;
        cr_assert_eq(sched_exact_breaks(&t.p, slot, now_s() + 10, slot2, &br2, &lb2), 1);
        cr_assert_eq(br2, want);
        /* with a second search beside it: the same optimum, proven */
        t.p.threads = 2;
        cr_assert_eq(sched_exact_breaks(&t.p, NULL, now_s() + 10, slot2, &br2, &lb2), 1);
        cr_assert_eq(judge(&t.p, slot2), br2, "seed %u: two searches, an invalid schedule", seed);
        cr_assert_eq(br2, want);
        cr_assert_eq(lb2, want);
        t.p.threads = 0;
    }
    cr_assert(feasible >= 20 && infeasible >= 3, "the generator covers both cases (%d, %d)",
              feasible, infeasible);
}

/* Three-party meetings, with the neighbourhood search beside the prover (its
 * neighbourhoods assume something of every person who can have a break). */
Test(sched_exact, three_party_meetings_match_brute_force)
{
    int feasible = 0, with_breaks = 0;
    for (unsigned seed = 1; seed <= 40; seed++) {
        struct tiny t;
        make_tiny3(&t, seed);
        t.p.threads = 2;
        int slot[MAXM], want = solve_as_brute(&t, seed, slot);
        if (want < 0)
            continue;
        feasible++;
        with_breaks += want > 0;
    }
    cr_assert(feasible >= 10 && with_breaks >= 3,
              "the generator covers the case (%d feasible, %d with breaks)", feasible, with_breaks);
}

/* Twenty meetings of three among thirty people, each in two: no brute force,
 * but the schedules of both searches are checked, and the neighbourhoods that
 * assume something of every person who may have a break get more of them
 * than there are meetings. */
Test(sched_exact, three_party_meetings_at_forum_scale)
{
    int solved = 0;
    for (unsigned seed = 1; seed <= 6; seed++) {
        struct tiny t;
        memset(&t, 0, sizeof t);
        rng = seed;
        int P = MAXP, M = MAXM, S = MAXS;
        three_each_twice(&t, P, M);
        for (int s = 0; s < S; s++)
            t.sess[s] = s < S / 2 ? 0 : 1;
        for (int i = 0; i < P * S; i++)
            t.unavail[i] = rnd(20) == 0;
        struct sched_problem *p = &t.p;
        wire(&t, P, M, S);
        p->breaks_span_sessions = true;
        p->n_tables = 3;
        p->fairness = 2;
        p->threads = 2;
        int slot[MAXM], br = -7, lb = -7;
        int r = sched_exact_breaks(p, NULL, now_s() + 1.5, slot, &br, &lb);
        cr_assert(r == 1 || r == -1 || r == 0, "seed %u: %d", seed, r);
        if (r != 1)
            continue;
        solved++;
        cr_assert_eq(judge(p, slot), br, "seed %u: the schedule is invalid or miscounted", seed);
        cr_assert(lb >= 0 && lb <= br, "seed %u: bound %d above %d breaks", seed, lb, br);
    }
    cr_assert(solved >= 3, "only %d of 6 solved", solved);
}

/* Problems that look the same backwards in time (the solver pins one meeting
 * to the first half): still the brute force's optimum, also from a hint that
 * lies in the other half. */
Test(sched_exact, time_reversal_keeps_the_optimum)
{
    int reversed_hints = 0;
    for (unsigned seed = 1; seed <= 40; seed++) {
        struct tiny t;
        make_tiny(&t, seed);
        for (int m = 0; m < t.p.n_meetings; m++) {
            t.session[m] = -1;
            t.fixed[m] = -1;
            t.prec_off[m + 1] = 0;
        }
        memset(t.unavail, 0, sizeof t.unavail);
        t.p.breaks_span_sessions = true;
        int want = brute(&t.p);
        int slot[MAXM], br = -7, lb = -7;
        int r = sched_exact_breaks(&t.p, NULL, now_s() + 10, slot, &br, &lb);
        if (want < 0) {
            cr_assert_eq(r, -1, "seed %u: no schedule exists, got %d", seed, r);
            continue;
        }
        cr_assert_eq(r, 1, "seed %u", seed);
        cr_assert_eq(judge(&t.p, slot), br, "seed %u: invalid or miscounted", seed);
        cr_assert_eq(br, want, "seed %u: %d breaks, the optimum is %d", seed, br, want);
        cr_assert_eq(lb, want, "seed %u: lb %d", seed, lb);
        int hint[MAXM], slot2[MAXM], br2, lb2;
        for (int m = 0; m < t.p.n_meetings; m++)
            hint[m] = t.p.n_slots - 1 - slot[m];
        reversed_hints += hint[0] != slot[0];
        cr_assert_eq(sched_exact_breaks(&t.p, hint, now_s() + 10, slot2, &br2, &lb2), 1);
        cr_assert_eq(judge(&t.p, slot2), br2, "seed %u: from the reversed hint", seed);
        cr_assert_eq(br2, want, "seed %u: from the reversed hint", seed);
    }
    cr_assert(reversed_hints >= 10, "hints in the other half: %d", reversed_hints);
}

Test(sched_exact, fairness_costs_breaks)
{
    /* person 0 meets 1, 2, 3; person 1 is free only in slots 0 and 2, so with
     * meeting 0-1 and 1-4 (1 must use both 0 and 2) person 1 has a break: with
     * fairness 0 everyone with meetings needs one break too, which is impossible
     * for people with one meeting: no schedule */
    int off[] = {0, 2, 4}, people[] = {0, 1, 1, 2};
    unsigned char unavail[3 * 3] = {0, 0, 0, 0, 1, 0, 0, 0, 0};
    struct sched_problem p = {.n_people = 3, .n_meetings = 2, .n_slots = 3,
                              .people_off = off, .people = people, .unavail = unavail,
                              .n_tables = 2, .fairness = 0, .must_all = true,
                              .breaks_span_sessions = true};
    int slot[2], br, lb;
    cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 5, slot, &br, &lb), -1);
    p.fairness = 1;
    cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 5, slot, &br, &lb), 1);
    cr_assert_eq(br, 1);
    cr_assert_eq(lb, 1);
}

Test(sched_exact, refuses_what_it_does_not_model)
{
    int off[] = {0, 2}, people[] = {0, 1}, pair[] = {0}, cap[] = {1, 1};
    struct sched_problem p = {.n_people = 2, .n_meetings = 1, .n_slots = 2, .people_off = off,
                              .people = people, .n_tables = 1, .fairness = 2, .must_all = true};
    int slot[1], br, lb;
    cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 5, slot, &br, &lb), 1);
    p.n_pairs = 1;
    p.meet_pair = pair;
    p.pair_cap = cap;
    cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 5, slot, &br, &lb), -2);
    p.n_pairs = 0;
    p.meet_pair = NULL;
    p.must_all = false;
    cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 5, slot, &br, &lb), -2);
}

/* Two real originals whose best known (0 breaks, fairness 2) is found and proven. */
Test(sched_exact, jair_originals, .timeout = 120)
{
    const char *root = getenv("DFNC_SHARED_DATA");
    cr_assert_not_null(root, "DFNC_SHARED_DATA must point at the shared data");
    const char *names[] = {"tic-12.original.dzn", "tic-13.original.dzn"};
    for (int k = 0; k < 2; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/b2b/%s", root, names[k]);
        struct arena a;
        arena_init(&a, 0);
        struct dzn_b2b d;
        struct sched_problem p;
        struct df_err err = {0};
        cr_assert_eq(dzn_read_file(path, &a, &d, &err), 0, "%s", err.msg);
        cr_assert_eq(app_dzn_problem(&d, 2, &a, &p, &err), 0, "%s", err.msg);
        int *slot = malloc((size_t)p.n_meetings * sizeof(int));
        int br = -1, lb = -1;
        p.threads = k + 1;   /* one search, then two */
        cr_assert_eq(sched_exact_breaks(&p, NULL, now_s() + 60, slot, &br, &lb), 1, "%s", names[k]);
        cr_assert_eq(br, 0, "%s: %d breaks, best known 0", names[k], br);
        cr_assert_eq(lb, 0);
        /* an independent look at the raw data: nobody double-booked, tables */
        int *per = calloc((size_t)d.n_slots, sizeof(int));
        unsigned char *busy = calloc((size_t)d.n_business * d.n_slots, 1);
        for (int m = 0; m < d.n_meetings; m++) {
            cr_assert(slot[m] >= 0 && slot[m] < d.n_slots);
            cr_assert(++per[slot[m]] <= d.n_tables, "tables overfilled");
            cr_assert_eq(busy[(size_t)(d.meet_a[m] - 1) * d.n_slots + slot[m]]++, 0);
            cr_assert_eq(busy[(size_t)(d.meet_b[m] - 1) * d.n_slots + slot[m]]++, 0);
        }
        for (int q = 0; q < d.n_business; q++) {
            int runs = 0;
            for (int s = 0; s < d.n_slots; s++)
                if (busy[(size_t)q * d.n_slots + s] && (s == 0 || !busy[(size_t)q * d.n_slots + s - 1]))
                    runs++;
            cr_assert(runs <= 1, "%s: participant %d has a break", names[k], q + 1);
        }
        free(per);
        free(busy);
        free(slot);
        arena_free(&a);
    }
}
