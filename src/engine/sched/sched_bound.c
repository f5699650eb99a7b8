/* Bounds on a schedule (sched_internal.h): how many meetings can be
 * scheduled at most (each person's meetings matched into distinct slots, then
 * a fractional b-matching by max flow, the interpreters and the tables), and
 * cheap proofs that "every meeting scheduled" is impossible. Run once a
 * solve, on the state sched.c built. */
#include "engine/sched/sched_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- bipartite matching of one person's meetings into slots ---------------- */

static bool aug(const struct sched_state *t, const int *ms, int i, int *slot_of, int *seen, int stamp,
                int *match_slot)
{
    int m = ms[i];
    for (int k = t->dom_off[m]; k < t->dom_off[m + 1]; k++) {
        int s = t->dom[k];
        if (seen[s] == stamp)
            continue;
        seen[s] = stamp;
        if (slot_of[s] < 0 || aug(t, ms, slot_of[s], slot_of, seen, stamp, match_slot)) {
            slot_of[s] = i;
            match_slot[i] = s;
            return true;
        }
    }
    return false;
}

/* How many of person q's meetings fit into distinct allowed slots. */
static int person_capacity(const struct sched_state *t, int q, int *slot_of, int *seen, int *stamp,
                           int *match_slot)
{
    const int *ms = t->pm + t->pm_off[q];
    int n = t->pm_off[q + 1] - t->pm_off[q], got = 0;
    for (int s = 0; s < t->S; s++)
        slot_of[s] = -1;
    for (int i = 0; i < n && got < t->S; i++) {
        ++*stamp;
        got += aug(t, ms, i, slot_of, seen, *stamp, match_slot);
    }
    return got;
}

/* ---- upper bound: fractional b-matching by max flow (Dinic) --------------- */

struct flow {
    int n, m_n, m_cap;
    int *head, *nxt, *to, *capa, *level, *it, *queue;
};

static int flow_edge(struct flow *f, int u, int v, int c)
{
    if (f->m_n + 2 > f->m_cap) {
        int nc = f->m_cap ? f->m_cap * 2 : 1024;
        int *a = realloc(f->nxt, (size_t)nc * sizeof(int));
        if (!a)
            return -1;
        f->nxt = a;
        if (!(a = realloc(f->to, (size_t)nc * sizeof(int))))
            return -1;
        f->to = a;
        if (!(a = realloc(f->capa, (size_t)nc * sizeof(int))))
            return -1;
        f->capa = a;
        f->m_cap = nc;
    }
    f->to[f->m_n] = v;
    f->capa[f->m_n] = c;
    f->nxt[f->m_n] = f->head[u];
    f->head[u] = f->m_n++;
    f->to[f->m_n] = u;
    f->capa[f->m_n] = 0;
    f->nxt[f->m_n] = f->head[v];
    f->head[v] = f->m_n++;
    return 0;
}

static bool flow_bfs(struct flow *f, int src, int snk)
{
    for (int i = 0; i < f->n; i++)
        f->level[i] = -1;
    int qh = 0, qt = 0;
    f->queue[qt++] = src;
    f->level[src] = 0;
    while (qh < qt) {
        int u = f->queue[qh++];
        for (int e = f->head[u]; e >= 0; e = f->nxt[e])
            if (f->capa[e] > 0 && f->level[f->to[e]] < 0) {
                f->level[f->to[e]] = f->level[u] + 1;
                f->queue[qt++] = f->to[e];
            }
    }
    return f->level[snk] >= 0;
}

static int flow_dfs(struct flow *f, int u, int snk, int push)
{
    if (u == snk)
        return push;
    for (; f->it[u] >= 0; f->it[u] = f->nxt[f->it[u]]) {
        int e = f->it[u], v = f->to[e];
        if (f->capa[e] > 0 && f->level[v] == f->level[u] + 1) {
            int got = flow_dfs(f, v, snk, push < f->capa[e] ? push : f->capa[e]);
            if (got > 0) {
                f->capa[e] -= got;
                f->capa[e ^ 1] += got;
                return got;
            }
        }
    }
    return 0;
}

/* Has meeting m an interpreter of its pair in some slot of its domain (or
 * no need of one)? */
static bool interpretable(const struct sched_state *t, int m)
{
    const struct sched_problem *p = t->p;
    if (!p->n_pairs || !p->meet_pair || !p->pair_cap || p->meet_pair[m] < 0)
        return true;
    for (int k = t->dom_off[m]; k < t->dom_off[m + 1]; k++)
        if (p->pair_cap[(size_t)p->meet_pair[m] * t->S + t->dom[k]] > 0)
            return true;
    return false;
}

/* Meetings that need an interpreter fit at most their pair's capacity summed
 * over the slots: a bound on what can be scheduled, or t->M. */
static long interpreter_bound(const struct sched_state *t)
{
    const struct sched_problem *p = t->p;
    if (!p->n_pairs || !p->meet_pair || !p->pair_cap)
        return t->M;
    long *need = calloc((size_t)p->n_pairs, sizeof *need), free_m = 0, ub;
    if (!need)
        return t->M;
    for (int m = 0; m < t->M; m++) {
        if (t->dom_off[m] == t->dom_off[m + 1] || !interpretable(t, m))
            continue;
        if (p->meet_pair[m] < 0)
            free_m++;
        else
            need[p->meet_pair[m]]++;
    }
    ub = free_m;
    for (int i = 0; i < p->n_pairs; i++) {
        long cap = 0;
        for (int s = 0; s < t->S; s++)
            cap += p->pair_cap[(size_t)i * t->S + s];
        ub += need[i] < cap ? need[i] : cap;
    }
    free(need);
    return ub;
}

static long bound_from(struct sched_state *t, const int *pcap)
{
    const struct sched_problem *p = t->p;
    int P = t->P;
    struct flow f = {0};
    long total = -1;
    f.n = 2 * P + 2;
    f.head = malloc((size_t)f.n * sizeof(int));
    f.level = malloc((size_t)f.n * sizeof(int));
    f.it = malloc((size_t)f.n * sizeof(int));
    f.queue = malloc((size_t)f.n * sizeof(int));
    if (!f.head || !f.level || !f.it || !f.queue)
        goto out;
    for (int i = 0; i < f.n; i++)
        f.head[i] = -1;
    int src = 2 * P, snk = 2 * P + 1;
    for (int q = 0; q < P; q++)
        if (pcap[q] > 0 && (flow_edge(&f, src, q, pcap[q]) < 0 ||
                            flow_edge(&f, P + q, snk, pcap[q]) < 0))
            goto out;
    for (int m = 0; m < t->M; m++) {
        if (t->dom_off[m] == t->dom_off[m + 1] || !interpretable(t, m))
            continue;
        /* a meeting of 3+ people is relaxed to its first two: the bound stays valid */
        int a = p->people[p->people_off[m]], b = p->people[p->people_off[m] + 1];
        if (flow_edge(&f, a, P + b, 1) < 0 || flow_edge(&f, b, P + a, 1) < 0)
            goto out;
    }
    total = 0;
    while (flow_bfs(&f, src, snk)) {
        for (int i = 0; i < f.n; i++)
            f.it[i] = f.head[i];
        for (int got; (got = flow_dfs(&f, src, snk, 1 << 30)) > 0;)
            total += got;
    }
out:
    free(f.head);
    free(f.nxt);
    free(f.to);
    free(f.capa);
    free(f.level);
    free(f.it);
    free(f.queue);
    return total < 0 ? total : total / 2;
}

/* Per-person capacities into pcap (P ints); the sum of meetings that can each
 * be placed at all into *placeable. */
static int capacities(struct sched_state *t, int *pcap, int *placeable)
{
    int S = t->S;
    int *slot_of = malloc((size_t)S * sizeof(int)), *seen = calloc((size_t)S, sizeof(int));
    int maxdeg = 1;
    for (int q = 0; q < t->P; q++)
        maxdeg = t->deg[q] > maxdeg ? t->deg[q] : maxdeg;
    int *match_slot = malloc((size_t)maxdeg * sizeof(int));
    if (!slot_of || !seen || !match_slot) {
        free(slot_of);
        free(seen);
        free(match_slot);
        return -1;
    }
    int stamp = 0;
    for (int q = 0; q < t->P; q++)
        pcap[q] = person_capacity(t, q, slot_of, seen, &stamp, match_slot);
    *placeable = 0;
    for (int m = 0; m < t->M; m++)
        *placeable += t->dom_off[m] < t->dom_off[m + 1];
    free(slot_of);
    free(seen);
    free(match_slot);
    return 0;
}

int sched_bound_meetings(struct sched_state *t)
{
    int *pcap = malloc(((size_t)t->P + 1) * sizeof(int));
    int placeable = 0;
    if (!pcap || capacities(t, pcap, &placeable) < 0) {
        free(pcap);
        return t->M;
    }
    long ub = bound_from(t, pcap), ib = interpreter_bound(t);
    free(pcap);
    if (ub < 0 || ub > placeable)
        ub = placeable;
    if (ib < ub)
        ub = ib;
    long tables = sched_online_n(t->p); /* online meetings take no table */
    for (int s = 0; s < t->S; s++)
        tables += t->cap[s];
    return (int)(ub < tables ? ub : tables);
}


/* Proves infeasibility of "every meeting scheduled" where cheap checks can. */
bool sched_bound_infeasible(struct sched_state *t)
{
    for (int m = 0; m < t->M; m++)
        if (t->dom_off[m] == t->dom_off[m + 1])
            return true;
    int *pcap = malloc(((size_t)t->P + 1) * sizeof(int));
    int placeable = 0;
    bool bad = false;
    if (pcap && capacities(t, pcap, &placeable) == 0)
        for (int q = 0; q < t->P && !bad; q++)
            bad = pcap[q] < t->deg[q];
    free(pcap);
    long tables = sched_online_n(t->p);
    for (int s = 0; s < t->S; s++)
        tables += t->cap[s];
    return bad || tables < t->M;
}
