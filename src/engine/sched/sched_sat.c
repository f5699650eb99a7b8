/* Exact search for the "every meeting scheduled" problem through CaDiCaL (SAT):
 * x[m,s] meeting m in slot s, u[p,s] person p busy, a[p,s] p met someone by s,
 * b[p,s] a break of p ends at s (p busy at s, idle at s-1, busy before). Breaks
 * are counted by a unary counter; the bound is raised one by one from 0, so the
 * first satisfiable bound is optimal and every refuted one is a proven lower
 * bound. Used by sched.c only (sched_internal.h). */
#include "engine/sched/sched_internal.h"
#include "engine/sched/sched_cnf.h"
#include "core/clock.h"

#include <ccadical.h>
#include <stdlib.h>
#include <string.h>

struct enc {
    CCaDiCaL *s;
    int nv;
    double deadline;
};

static int newv(struct enc *e)
{
    return ++e->nv;
}

static void cl(struct enc *e, int a, int b, int c, int d)
{
    sched_cnf_clause(e->s, a, b, c, d);
}

/* sum(lits) <= k (Sinz's sequential counter). */
static void at_most(struct enc *e, const int *lits, int n, int k)
{
    if (n <= k)
        return;
    if (k == 0) {
        for (int i = 0; i < n; i++)
            cl(e, -lits[i], 0, 0, 0);
        return;
    }
    int *prev = malloc((size_t)k * sizeof(int)), *cur = malloc((size_t)k * sizeof(int));
    if (!prev || !cur) {
        free(prev);
        free(cur);
        return;
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++)
            cur[j] = newv(e);
        cl(e, -lits[i], cur[0], 0, 0);
        if (i > 0) {
            for (int j = 0; j < k; j++)
                cl(e, -prev[j], cur[j], 0, 0);
            for (int j = 1; j < k; j++)
                cl(e, -lits[i], -prev[j - 1], cur[j], 0);
            cl(e, -lits[i], -prev[k - 1], 0, 0);
        }
        int *t = prev;
        prev = cur;
        cur = t;
    }
    free(prev);
    free(cur);
}

/* Unary counter: out[j] (j = 0..k-1) is forced true when sum(lits) >= j + 1. */
static int *counter(struct enc *e, const int *lits, int n, int k)
{
    int *prev = malloc((size_t)k * sizeof(int)), *cur = malloc((size_t)k * sizeof(int));
    if (!prev || !cur) {
        free(prev);
        free(cur);
        return NULL;
    }
    for (int j = 0; j < k; j++) {
        prev[j] = newv(e);
        cl(e, -prev[j], 0, 0, 0);   /* nothing counted yet (j+1 > 0) */
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++)
            cur[j] = newv(e);
        cl(e, -lits[i], cur[0], 0, 0);
        for (int j = 0; j < k; j++)
            cl(e, -prev[j], cur[j], 0, 0);
        for (int j = 1; j < k; j++)
            cl(e, -lits[i], -prev[j - 1], cur[j], 0);
        int *t = prev;
        prev = cur;
        cur = t;
    }
    free(cur);
    return prev;
}

static int stop_now(void *state)
{
    const struct enc *e = state;
    return clock_seconds() > e->deadline;
}

struct sched_sat {
    struct enc e;
    const int *dom_off, *dom;
    int M, kmax;
    int *x, *cnt;
};

struct sched_sat *sched_sat_new(const struct sched_problem *p, const int *dom_off,
                                const int *dom, int kmax, double deadline)
{
    int M = p->n_meetings, P = p->n_people, S = p->n_slots;
    struct sched_sat *z = calloc(1, sizeof *z);
    if (!z)
        return NULL;
    struct enc e = {.deadline = deadline};
    int ok = 0;
    int *x = NULL, *u = NULL, *a = NULL, *b = NULL, *lits = NULL, *cnt = NULL, *deg = NULL;
    int *pmo = NULL, *pm = NULL;
    e.s = ccadical_init();
    if (!e.s) {
        free(z);
        return NULL;
    }
    ccadical_set_terminate(e.s, &e, stop_now);
    /* many short incremental calls under assumptions: inprocessing costs more
     * than it saves here (measured: a 1,500-conflict call went from 6 s to 0.1 s) */
    ccadical_set_option(e.s, "quiet", 1);   /* an engine never prints */
    ccadical_set_option(e.s, "elim", 0);
    ccadical_set_option(e.s, "subsume", 0);
    ccadical_set_option(e.s, "probe", 0);
    ccadical_set_option(e.s, "vivify", 0);
    ccadical_set_option(e.s, "lucky", 0);
    ccadical_set_option(e.s, "walk", 0);
    size_t nd = (size_t)dom_off[M];
    x = malloc((nd + 1) * sizeof(int));
    u = calloc((size_t)P * S + 1, sizeof(int));
    a = calloc((size_t)P * S + 1, sizeof(int));
    b = calloc((size_t)P * S + 1, sizeof(int));
    lits = malloc(((size_t)P * S + nd + (size_t)M + 1) * sizeof(int));
    deg = calloc((size_t)P + 1, sizeof(int));
    pmo = calloc((size_t)P + 2, sizeof(int));
    if (!x || !u || !a || !b || !lits || !deg || !pmo)
        goto out;
    for (size_t i = 0; i < nd; i++)
        x[i] = newv(&e);
    /* each meeting in exactly one of its slots */
    sched_cnf_one_slot(e.s, M, dom_off, x);
    if (clock_seconds() > deadline)
        goto out;
    /* meetings per person */
    for (int m = 0; m < M; m++)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            deg[p->people[i]]++;
    for (int q = 0; q < P; q++)
        pmo[q + 1] = pmo[q] + deg[q];
    pm = malloc(((size_t)pmo[P] + 1) * sizeof(int));
    if (!pm)
        goto out;
    {
        int *fill = calloc((size_t)P + 1, sizeof(int));
        if (!fill)
            goto out;
        for (int m = 0; m < M; m++)
            for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
                int q = p->people[i];
                pm[pmo[q] + fill[q]++] = m;
            }
        free(fill);
    }
    /* u[p,s] <-> some meeting of p in s; at most one */
    sched_cnf_busy(e.s, &e.nv, P, S, pmo, pm, dom_off, dom, x, lits, u);
    if (clock_seconds() > deadline)
        goto out;
    /* tables per slot (and kinds are not used by the JAIR problem) */
    for (int s = 0; s < S; s++) {
        int n = 0;
        for (int m = 0; m < M; m++)
            for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
                if (dom[i] == s)
                    lits[n++] = x[i];
        at_most(&e, lits, n, sched_slot_tables(p, s));
    }
    if (clock_seconds() > deadline)
        goto out;
    /* precedences: q before m */
    if (p->prec_off)
        for (int m = 0; m < M; m++)
            for (int k = p->prec_off[m]; k < p->prec_off[m + 1]; k++) {
                int q = p->prec[k];
                for (int i = dom_off[m]; i < dom_off[m + 1]; i++)
                    for (int j = dom_off[q]; j < dom_off[q + 1]; j++)
                        if (dom[j] >= dom[i])
                            cl(&e, -x[i], -x[j], 0, 0);
            }
    if (clock_seconds() > deadline)
        goto out;
    /* breaks: a[p,s] = busy at or before s; b[p,s] <- u[s] & !u[s-1] & a[s-2] */
    int nb = 0;
    for (int q = 0; q < P; q++) {
        if (deg[q] < 2)
            continue;
        int *uq = u + (size_t)q * S, *aq = a + (size_t)q * S, *bq = b + (size_t)q * S;
        for (int s = 0; s < S; s++) {
            aq[s] = newv(&e);
            cl(&e, -uq[s], aq[s], 0, 0);
            if (s > 0)
                cl(&e, -aq[s - 1], aq[s], 0, 0);
        }
        int pn = 0;
        for (int s = 2; s < S; s++) {
            bq[s] = newv(&e);
            cl(&e, -uq[s], uq[s - 1], -aq[s - 2], bq[s]);
            lits[nb + pn++] = bq[s];
        }
        if (p->fairness >= 0)
            at_most(&e, lits + nb, pn, p->fairness);
        nb += pn;
    }
    if (clock_seconds() > deadline)
        goto out;
    if (kmax > nb)
        kmax = nb;
    if (kmax > 0) {
        cnt = counter(&e, lits, nb, kmax);
        if (!cnt)
            goto out;
    }
    ok = 1;
out:
    free(u);
    free(a);
    free(b);
    free(lits);
    free(deg);
    free(pmo);
    free(pm);
    if (!ok) {
        ccadical_release(e.s);
        free(x);
        free(cnt);
        free(z);
        return NULL;
    }
    z->e = e;
    z->dom_off = dom_off;
    z->dom = dom;
    z->M = M;
    z->kmax = kmax;
    z->x = x;
    z->cnt = cnt;
    /* the terminate callback must see the struct's own copy */
    ccadical_set_terminate(z->e.s, &z->e, stop_now);
    return z;
}

int sched_sat_solve(struct sched_sat *z, int bound, const int *fix, int conflicts, int *slot_out,
                    bool *bound_failed)
{
    *bound_failed = false;
    if (clock_seconds() > z->e.deadline)
        return 0;
    int blit = 0;
    if (bound >= 0 && bound < z->kmax)
        blit = -z->cnt[bound];
    else if (bound >= 0 && bound >= z->kmax)
        blit = 0;   /* the counter stops at kmax: any sum is allowed */
    if (bound == 0 && z->kmax == 0)
        blit = 0;
    if (blit)
        ccadical_assume(z->e.s, blit);
    if (fix)
        for (int m = 0; m < z->M; m++)
            if (fix[m] >= 0)
                for (int i = z->dom_off[m]; i < z->dom_off[m + 1]; i++)
                    if (z->dom[i] == fix[m])
                        ccadical_assume(z->e.s, z->x[i]);
    if (conflicts > 0)
        ccadical_limit(z->e.s, "conflicts", conflicts);
    int r = ccadical_solve(z->e.s);
    if (r == 20 && blit)
        *bound_failed = ccadical_failed(z->e.s, blit) != 0;
    if (r == 10)
        for (int m = 0; m < z->M; m++)
            for (int i = z->dom_off[m]; i < z->dom_off[m + 1]; i++)
                if (ccadical_val(z->e.s, z->x[i]) > 0)
                    slot_out[m] = z->dom[i];
    return r == 10 || r == 20 ? r : 0;
}

void sched_sat_free(struct sched_sat *z)
{
    if (!z)
        return;
    ccadical_release(z->e.s);
    free(z->x);
    free(z->cnt);
    free(z);
}
