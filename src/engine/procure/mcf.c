/* Successive shortest paths for min-cost flow (see mcf.h). Edges are stored in
 * pairs (forward 2k, residual 2k+1) and copied at solve time into adjacency
 * (CSR) order. Each round runs Dijkstra on reduced costs (stopping at the
 * sink), raises the potentials by the distances, then pushes blocking flow
 * along the admissible (zero reduced cost) subgraph with a depth-first search,
 * so one shortest-path round usually saturates many paths. */
#include "engine/procure/mcf.h"

#include <stdlib.h>
#include <string.h>

#define INF64 INT64_MAX

struct mcf_edge {
    int to;
    int64_t cap, cost;   /* residual capacity; cost per unit */
};

struct mcf {
    int nodes_n, edges_n, edges_cap;
    struct mcf_edge *e;
    int *from;           /* tail of each edge, for building adjacency */
    int64_t *orig_cap;   /* capacity as added, to report flow */
};

struct mcf *mcf_new(int nodes_n)
{
    struct mcf *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->nodes_n = nodes_n;
    return g;
}

void mcf_free(struct mcf *g)
{
    if (!g)
        return;
    free(g->e);
    free(g->from);
    free(g->orig_cap);
    free(g);
}

int mcf_add_edge(struct mcf *g, int from, int to, int64_t cap, int64_t cost)
{
    if (g->edges_n + 2 > g->edges_cap) {
        int n = g->edges_cap ? g->edges_cap * 2 : 256;
        struct mcf_edge *e = realloc(g->e, (size_t)n * sizeof *e);
        if (!e)
            return -1;
        g->e = e;
        int *f = realloc(g->from, (size_t)n * sizeof *f);
        if (!f)
            return -1;
        g->from = f;
        int64_t *c = realloc(g->orig_cap, (size_t)n * sizeof *c);
        if (!c)
            return -1;
        g->orig_cap = c;
        g->edges_cap = n;
    }
    int k = g->edges_n;
    g->e[k] = (struct mcf_edge){to, cap, cost};
    g->from[k] = from;
    g->orig_cap[k] = cap;
    g->e[k + 1] = (struct mcf_edge){from, 0, -cost};
    g->from[k + 1] = to;
    g->orig_cap[k + 1] = 0;
    g->edges_n += 2;
    return k;
}

int64_t mcf_edge_flow(const struct mcf *g, int edge)
{
    return g->orig_cap[edge] - g->e[edge].cap;
}

/* A binary min-heap of (distance, node) with lazy deletion. */
struct heap_item {
    int64_t d;
    int v;
};

static void heap_push(struct heap_item *h, int *n, int64_t d, int v)
{
    int i = (*n)++;
    while (i > 0) {
        int p = (i - 1) / 2;
        if (h[p].d <= d)
            break;
        h[i] = h[p];
        i = p;
    }
    h[i] = (struct heap_item){d, v};
}

static struct heap_item heap_pop(struct heap_item *h, int *n)
{
    struct heap_item top = h[0], last = h[--*n];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= *n)
            break;
        if (c + 1 < *n && h[c + 1].d < h[c].d)
            c++;
        if (h[c].d >= last.d)
            break;
        h[i] = h[c];
        i = c;
    }
    if (*n > 0)
        h[i] = last;
    return top;
}

/* The residual arcs in adjacency (CSR) order, so that scanning a node's arcs
 * reads consecutive memory; rev is the position of the paired arc. */
struct arc {
    int to, rev;
    int64_t cap, cost;
};

struct solver {
    struct arc *arcs;
    int *start;               /* arcs leaving node v: arcs[start[v] .. start[v+1]) */
    int *iter;                /* DFS cursor per node */
    int64_t *pot, *dist;      /* potentials; Dijkstra distances */
    char *on_path;
    char *done;               /* distance final in this round's Dijkstra */
    int t;
};

/* Pushes up to limit units from v to t along residual arcs of zero reduced
 * cost (shortest paths), avoiding cycles; returns what it pushed. */
static int64_t push(struct solver *S, int v, int64_t limit)
{
    if (v == S->t)
        return limit;
    int64_t pushed = 0;
    S->on_path[v] = 1;
    for (int *it = &S->iter[v]; *it < S->start[v + 1] && pushed < limit; ++*it) {
        struct arc *e = &S->arcs[*it];
        if (e->cap <= 0 || S->on_path[e->to] || e->cost + S->pot[v] - S->pot[e->to] != 0)
            continue;
        int64_t got = push(S, e->to, limit - pushed < e->cap ? limit - pushed : e->cap);
        if (got > 0) {
            e->cap -= got;
            S->arcs[e->rev].cap += got;
            pushed += got;
            if (pushed == limit)
                break;      /* keep the cursor: the arc may have room left */
        }
    }
    S->on_path[v] = 0;
    return pushed;
}

int mcf_solve(struct mcf *g, int s, int t, int64_t *flow_out, int64_t *cost_out)
{
    int rc = -1, n = g->nodes_n, m = g->edges_n;
    int64_t flow = 0;
    __int128 cost = 0;        /* units x path cost may pass 2^63 on big instances */
    struct solver S = {.t = t};
    struct heap_item *heap = NULL;
    int *pos = malloc(((size_t)m + 1) * sizeof *pos);
    S.arcs = malloc(((size_t)m + 1) * sizeof *S.arcs);
    S.start = calloc((size_t)n + 1, sizeof *S.start);
    S.iter = malloc(((size_t)n + 1) * sizeof *S.iter);
    S.pot = calloc((size_t)n, sizeof *S.pot);
    S.dist = malloc((size_t)n * sizeof *S.dist);
    S.on_path = calloc((size_t)n, 1);
    S.done = calloc((size_t)n, 1);
    heap = malloc(((size_t)m + (size_t)n + 1) * sizeof *heap);
    if (!pos || !S.arcs || !S.start || !S.iter || !S.pot || !S.dist || !S.on_path || !S.done ||
        !heap)
        goto out;
    for (int k = 0; k < m; k++)
        S.start[g->from[k] + 1]++;
    for (int v = 0; v < n; v++)
        S.start[v + 1] += S.start[v];
    memcpy(S.iter, S.start, (size_t)n * sizeof *S.iter);
    for (int k = 0; k < m; k++)
        pos[k] = S.iter[g->from[k]]++;
    for (int k = 0; k < m; k++)
        S.arcs[pos[k]] = (struct arc){g->e[k].to, pos[k ^ 1], g->e[k].cap, g->e[k].cost};

    /* Costs start non-negative, so zero potentials are feasible. */
    for (;;) {
        for (int v = 0; v < n; v++)
            S.dist[v] = INF64;
        int hn = 0;
        S.dist[s] = 0;
        heap_push(heap, &hn, 0, s);
        memset(S.done, 0, (size_t)n);
        while (hn > 0) {
            struct heap_item it = heap_pop(heap, &hn);
            if (it.d != S.dist[it.v] || S.done[it.v])
                continue;
            int v = it.v;
            S.done[v] = 1;
            if (v == t)
                break;      /* everything not yet final is at least this far */
            int64_t base = it.d + S.pot[v];
            for (int a = S.start[v]; a < S.start[v + 1]; a++) {
                const struct arc *e = &S.arcs[a];
                if (e->cap <= 0)
                    continue;
                int64_t nd = base + e->cost - S.pot[e->to];
                if (nd < S.dist[e->to]) {
                    S.dist[e->to] = nd;
                    heap_push(heap, &hn, nd, e->to);
                }
            }
        }
        if (S.dist[t] == INF64)
            break;
        /* Raising potentials by min(dist, dist[t]) keeps every residual arc's
         * reduced cost >= 0 (also for nodes beyond the sink, unreached, or not
         * final when Dijkstra stopped at the sink) and makes every
         * zero-reduced-cost s-t path a shortest one. */
        int64_t dt = S.dist[t];
        for (int v = 0; v < n; v++)
            S.pot[v] += S.done[v] && S.dist[v] < dt ? S.dist[v] : dt;
        memcpy(S.iter, S.start, (size_t)n * sizeof *S.iter);
        int64_t path_cost = S.pot[t] - S.pot[s];
        for (int64_t got; (got = push(&S, s, INF64)) > 0;) {
            flow += got;
            cost += (__int128)got * path_cost;
        }
    }
    for (int k = 0; k < m; k++)
        g->e[k].cap = S.arcs[pos[k]].cap;
    rc = 0;
out:
    if (rc == 0) {
        if (flow_out)
            *flow_out = flow;
        if (cost_out)
            *cost_out = cost > INT64_MAX ? INT64_MAX : (int64_t)cost;
    }
    free(pos);
    free(S.arcs);
    free(S.start);
    free(S.iter);
    free(S.pot);
    free(S.dist);
    free(S.on_path);
    free(S.done);
    free(heap);
    return rc;
}
