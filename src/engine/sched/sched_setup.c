/* The scheduler's set-up (sched_internal.h): a problem's checks, the search's
 * state built from it (domains, each person's meetings, resources,
 * successors) and freed, precedences propagated into the domains, and the
 * upper bound the solver reports. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/sched/sched.h"
#include "engine/sched/sched_internal.h"

static int fail(char *msg, int msg_n, const char *fmt, ...)
{
    if (msg && msg_n > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)msg_n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int sched_check_problem(const struct sched_problem *p, char *msg, int msg_n)
{
    if (p->n_people < 0 || p->n_meetings < 0 || p->n_slots < 1 || p->n_tables < 0)
        return fail(msg, msg_n, "negative sizes or no slots");
    if (p->n_slots > 100000 || p->n_people > 10000000 || p->n_meetings > 10000000)
        return fail(msg, msg_n, "problem too large");
    for (int s = 1; p->slot_session && s < p->n_slots; s++)
        if (p->slot_session[s] < p->slot_session[s - 1])
            return fail(msg, msg_n, "slot %d: sessions must not go back in time", s);
    for (int m = 0; m < p->n_meetings; m++) {
        if (p->people_off[m + 1] - p->people_off[m] < 2)
            return fail(msg, msg_n, "meeting %d has fewer than two participants", m);
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            if (p->people[i] < 0 || p->people[i] >= p->n_people)
                return fail(msg, msg_n, "meeting %d names person %d", m, p->people[i]);
        if (p->fixed && (p->fixed[m] < -1 || p->fixed[m] >= p->n_slots))
            return fail(msg, msg_n, "meeting %d fixed to slot %d", m, p->fixed[m]);
        if (p->locked_slot && (p->locked_slot[m] < -1 || p->locked_slot[m] >= p->n_slots))
            return fail(msg, msg_n, "meeting %d locked to slot %d", m, p->locked_slot[m]);
        if (p->locked_slot && p->locked_slot[m] >= 0 && p->locked_table &&
            !sched_is_online(p, m) && (p->locked_table[m] < 0 || p->locked_table[m] >= p->n_tables))
            return fail(msg, msg_n, "meeting %d locked to table %d", m, p->locked_table[m]);
        if (p->table_need && (p->table_need[m] < -1 || p->table_need[m] >= p->n_kinds))
            return fail(msg, msg_n, "meeting %d needs table kind %d", m, p->table_need[m]);
        if (p->online && p->online[m] && p->table_need && p->table_need[m] >= 0)
            return fail(msg, msg_n, "meeting %d is online and needs a table kind", m);
        if (p->meet_pair && (p->meet_pair[m] < -1 || p->meet_pair[m] >= p->n_pairs))
            return fail(msg, msg_n, "meeting %d needs interpreter pair %d", m, p->meet_pair[m]);
        if (p->priority && p->priority[m] < 1)
            return fail(msg, msg_n, "meeting %d has priority %d", m, p->priority[m]);
        for (int i = p->prec_off ? p->prec_off[m] : 0; p->prec_off && i < p->prec_off[m + 1]; i++)
            if (p->prec[i] < 0 || p->prec[i] >= p->n_meetings || p->prec[i] == m)
                return fail(msg, msg_n, "meeting %d: bad precedence %d", m, p->prec[i]);
    }
    for (int k = 0; p->table_kind && k < p->n_tables; k++)
        if (p->table_kind[k] < -1 || p->table_kind[k] >= p->n_kinds)
            return fail(msg, msg_n, "table %d has kind %d", k, p->table_kind[k]);
    return 0;
}

int sched_online_n(const struct sched_problem *p)
{
    int n = 0;
    for (int m = 0; p->online && m < p->n_meetings; m++)
        n += p->online[m] != 0;
    return n;
}

void sched_state_free(struct sched_state *t)
{
    free(t->sess);
    free(t->bsess);
    free(t->dom_off);
    free(t->dom);
    free(t->pm_off);
    free(t->pm);
    free(t->res_off);
    free(t->res);
    free(t->succ_off);
    free(t->succ);
    free(t->slot);
    free(t->occ);
    free(t->load);
    free(t->cap);
    free(t->pbreaks);
    free(t->pcount);
    free(t->pidle);
    free(t->bad);
    free(t->bad_pos);
    free(t->deg);
    free(t->frozen);
    free(t->busy);
    free(t->members);
    free(t->member_n);
    free(t->member_pos);
}

bool sched_slot_allowed(const struct sched_problem *p, int m, int s)
{
    if (p->locked_slot && p->locked_slot[m] >= 0)
        return s == p->locked_slot[m];
    if (p->fixed && p->fixed[m] >= 0 && s != p->fixed[m])
        return false;
    if (p->session && p->session[m] >= 0 && p->slot_session &&
        p->slot_session[s] != p->session[m])
        return false;
    if (p->session && p->session[m] > 0 && !p->slot_session)
        return false;
    if (p->unavail)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            if (p->unavail[(size_t)p->people[i] * p->n_slots + s])
                return false;
    return true;
}

/* The lists of n rows (row m: idx[off[m] .. off[m+1]), entries < n_to)
 * turned around: out[out_off[q] ..] = the rows that name q, in row order.
 * out_off is given (the counts' prefix sums). -1 when out of memory. */
static int invert_lists(const int *off, const int *idx, int n, int n_to, const int *out_off,
                        int *out)
{
    int *fill = calloc((size_t)n_to + 1, sizeof(int));
    if (!fill)
        return -1;
    for (int m = 0; m < n; m++)
        for (int i = off[m]; i < off[m + 1]; i++) {
            int q = idx[i];
            out[out_off[q] + fill[q]++] = m;
        }
    free(fill);
    return 0;
}

int sched_state_init(struct sched_state *t, const struct sched_problem *p)
{
    int M = p->n_meetings, P = p->n_people, S = p->n_slots;
    memset(t, 0, sizeof *t);
    t->p = p;
    t->M = M;
    t->P = P;
    t->S = S;
    t->R = 1 + p->n_kinds + p->n_pairs;
    t->fcap = p->fairness;
    t->rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)p->seed * 0x100000001B3ULL);
    if (!t->rng)
        t->rng = 1;
    t->sess = malloc((size_t)S * sizeof(int));
    t->bsess = malloc((size_t)S * sizeof(int));
    t->w_hard = p->must_all ? 4 * W_BREAK : 1000 * W_BREAK;
    t->w_fair = p->must_all ? 3 * W_BREAK : 6 * W_BREAK;
    t->dom_off = calloc((size_t)M + 1, sizeof(int));
    t->pm_off = calloc((size_t)P + 1, sizeof(int));
    t->res_off = calloc((size_t)M + 1, sizeof(int));
    t->succ_off = calloc((size_t)M + 1, sizeof(int));
    t->slot = malloc(((size_t)M + 1) * sizeof(int));
    t->occ = calloc((size_t)P * S + 1, sizeof(int));
    t->load = calloc((size_t)t->R * S, sizeof(int));
    t->cap = calloc((size_t)t->R * S, sizeof(int));
    t->pbreaks = calloc((size_t)P + 1, sizeof(int));
    t->pcount = calloc((size_t)P + 1, sizeof(int));
    t->pidle = calloc((size_t)P + 1, sizeof(int));
    t->bad = malloc(((size_t)P + 1) * sizeof(int));
    t->bad_pos = malloc(((size_t)P + 1) * sizeof(int));
    if (!t->bad || !t->bad_pos)
        return -1;
    t->deg = calloc((size_t)P + 1, sizeof(int));
    t->frozen = calloc((size_t)M + 1, 1);
    if (!t->sess || !t->bsess || !t->dom_off || !t->pm_off || !t->res_off || !t->succ_off || !t->slot ||
        !t->occ || !t->load || !t->cap || !t->pbreaks || !t->pcount || !t->pidle || !t->deg || !t->frozen)
        return -1;
    for (int s = 0; s < S; s++) {
        t->sess[s] = p->slot_session ? p->slot_session[s] : 0;
        t->bsess[s] = p->breaks_span_sessions ? 0 : t->sess[s];
    }
    if ((size_t)S * (size_t)M <= 20000000u) {
        t->members = malloc(((size_t)S * M + 1) * sizeof(int));
        t->member_n = calloc((size_t)S + 1, sizeof(int));
        t->member_pos = malloc(((size_t)M + 1) * sizeof(int));
        if (!t->members || !t->member_n || !t->member_pos)
            return -1;
    }
    if (S <= 64) {
        t->busy = calloc((size_t)P + 1, sizeof(uint64_t));
        if (!t->busy)
            return -1;
        for (int s = 0; s < S; s++) {
            if (s == 0 || t->bsess[s] != t->bsess[s - 1]) {
                t->first_bits |= 1ULL << s;
                t->n_groups++;
            }
            t->group_mask[t->n_groups - 1] |= 1ULL << s;
        }
    }

    /* domains */
    size_t nd = 0;
    for (int m = 0; m < M; m++)
        for (int s = 0; s < S; s++)
            nd += sched_slot_allowed(p, m, s);
    t->dom = malloc((nd + 1) * sizeof(int));
    if (!t->dom)
        return -1;
    nd = 0;
    for (int m = 0; m < M; m++) {
        t->dom_off[m] = (int)nd;
        for (int s = 0; s < S; s++)
            if (sched_slot_allowed(p, m, s))
                t->dom[nd++] = s;
        t->frozen[m] = (p->locked_slot && p->locked_slot[m] >= 0) ||
                       (p->fixed && p->fixed[m] >= 0);
    }
    t->dom_off[M] = (int)nd;

    /* meetings per person */
    for (int m = 0; m < M; m++)
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            t->deg[p->people[i]]++;
    for (int q = 0; q < P; q++)
        t->pm_off[q + 1] = t->pm_off[q] + t->deg[q];
    t->pm = malloc(((size_t)t->pm_off[P] + 1) * sizeof(int));
    if (!t->pm)
        return -1;
    if (invert_lists(p->people_off, p->people, M, P, t->pm_off, t->pm) < 0)
        return -1;

    /* resources: 0 = all tables, 1 + k = tables of kind k, 1 + n_kinds + i = pair i */
    t->res = malloc(((size_t)M * 3 + 1) * sizeof(int));
    if (!t->res)
        return -1;
    int nr = 0;
    for (int m = 0; m < M; m++) {
        t->res_off[m] = nr;
        if (!sched_is_online(p, m)) /* an online meeting takes no table */
            t->res[nr++] = 0;
        if (p->table_need && p->table_need[m] >= 0)
            t->res[nr++] = 1 + p->table_need[m];
        if (p->meet_pair && p->meet_pair[m] >= 0)
            t->res[nr++] = 1 + p->n_kinds + p->meet_pair[m];
    }
    t->res_off[M] = nr;
    for (int s = 0; s < S; s++) {
        t->cap[s] = sched_slot_tables(p, s);
        for (int k = 0; k < p->n_tables; k++)
            if (p->table_kind && p->table_kind[k] >= 0 && !sched_table_off(p, k, s))
                t->cap[(size_t)(1 + p->table_kind[k]) * S + s]++;
        for (int i = 0; i < p->n_pairs; i++)
            t->cap[(size_t)(1 + p->n_kinds + i) * S + s] = p->pair_cap[(size_t)i * S + s];
    }

    /* successors */
    if (p->prec_off) {
        for (int m = 0; m < M; m++)
            for (int i = p->prec_off[m]; i < p->prec_off[m + 1]; i++)
                t->succ_off[p->prec[i] + 1]++;
        for (int m = 0; m < M; m++)
            t->succ_off[m + 1] += t->succ_off[m];
    }
    t->succ = malloc(((size_t)t->succ_off[M] + 1) * sizeof(int));
    if (!t->succ)
        return -1;
    if (p->prec_off && invert_lists(p->prec_off, p->prec, M, M, t->succ_off, t->succ) < 0)
        return -1;
    for (int m = 0; m < M; m++)
        t->slot[m] = -1;
    t->unsched = M;
    for (int m = 0; m < M; m++)
        t->cost += W_UNSCHED * sched_priority(t, m);
    for (int q = 0; q < P; q++)
        if (t->deg[q] > 0)
            t->cost += W_ZERO;
    return 0;
}

/* Narrows domains by precedences (earliest and latest slot). Returns false when
 * some meeting is left with no slot (only meaningful when all must be met). */
bool sched_propagate_precedences(struct sched_state *t)
{
    const struct sched_problem *p = t->p;
    if (!p->prec_off)
        return true;
    int M = t->M;
    int *est = malloc((size_t)M * sizeof(int)), *lst = malloc((size_t)M * sizeof(int));
    bool ok = true;
    if (!est || !lst) {
        free(est);
        free(lst);
        return true;
    }
    for (int m = 0; m < M; m++) {
        int a = t->dom_off[m], b = t->dom_off[m + 1];
        est[m] = a < b ? t->dom[a] : t->S;
        lst[m] = a < b ? t->dom[b - 1] : -1;
    }
    for (int round = 0, changed = 1; changed && round < M + 2; round++) {
        changed = 0;
        for (int m = 0; m < M; m++)
            for (int i = p->prec_off[m]; i < p->prec_off[m + 1]; i++) {
                int q = p->prec[i];
                if (est[m] < est[q] + 1) {
                    est[m] = est[q] + 1;
                    changed = 1;
                }
                if (lst[q] > lst[m] - 1) {
                    lst[q] = lst[m] - 1;
                    changed = 1;
                }
            }
        /* snap to the domain */
        for (int m = 0; m < M; m++) {
            int a = t->dom_off[m], b = t->dom_off[m + 1];
            int lo = t->S, hi = -1;
            for (int i = a; i < b; i++)
                if (t->dom[i] >= est[m] && t->dom[i] <= lst[m]) {
                    if (lo == t->S)
                        lo = t->dom[i];
                    hi = t->dom[i];
                }
            if (lo != est[m] || hi != lst[m])
                changed = 1;
            est[m] = lo;
            lst[m] = hi;
        }
    }
    /* rebuild domains in place (they only shrink) */
    int w = 0;
    for (int m = 0; m < M; m++) {
        int a = t->dom_off[m], b = t->dom_off[m + 1];
        t->dom_off[m] = w;
        for (int i = a; i < b; i++)
            if (t->dom[i] >= est[m] && t->dom[i] <= lst[m])
                t->dom[w++] = t->dom[i];
        if (t->dom_off[m] == w && p->people_off[m + 1] > p->people_off[m])
            ok = false;
    }
    t->dom_off[M] = w;
    free(est);
    free(lst);
    return ok;
}

int sched_upper_bound(const struct sched_problem *p)
{
    struct sched_state t;
    int ub = -1;
    if (sched_check_problem(p, NULL, 0) == 0 && sched_state_init(&t, p) == 0)
        ub = sched_bound_meetings(&t);
    sched_state_free(&t);
    return ub;
}
