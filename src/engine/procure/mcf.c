/* Successive shortest paths for min-cost flow (see mcf.h). Edges are stored in
 * pairs (forward 2k, residual 2k+1) and copied at solve time into adjacency
 * (CSR) order. Each round runs Dijkstra on reduced costs (stopping at the
 * sink), raises the potentials by the distances, then pushes blocking flow
 * along the admissible (zero reduced cost) subgraph with a depth-first search,
 * so one shortest-path round usually saturates many paths. The search runs
 * over a copy of the admissible arcs into nodes that can still reach the
 * sink, and again while it finds a path, before the next Dijkstra: the same
 * flow, arc for arc, as a round per search gave (the planner's output does
 * not move by a unit), without the Dijkstra of rounds that found the sink at
 * distance 0: most of them on the 10,000-person demo (bench/README.md, "The
 * plan at forum scale"). */
#include "engine/procure/mcf.h"

#include <assert.h>
#include <stdbool.h>
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

/* An arc of the admissible subgraph, copied so that the search reads a small
 * array: cap is the residual capacity while the potentials stay, rev the
 * position of its paired arc (also admissible: its reduced cost is the
 * negation of this one's). */
struct adm_arc {
    int to, rev;
    int64_t cap;
};

/* A node on push's path: what it was given to send on, and has sent. */
struct push_step {
    int v;
    int64_t limit, pushed;
};

struct solver {
    struct arc *arcs;
    int *start;               /* arcs leaving node v: arcs[start[v] .. start[v+1]) */
    int64_t *pot, *dist;      /* potentials; Dijkstra distances */
    char *done;               /* distance final in this round's Dijkstra */
    struct heap_item *heap;
    /* The admissible subgraph of the current potentials: of node v's arcs,
     * those of zero reduced cost into a live node, in adjacency order:
     * adm[adm_start[v] .. adm_start[v+1]), adm_of[k] the position in arcs
     * of adm[k] and where its capacity goes back to; at_adm[a] the reverse
     * map while building. */
    struct adm_arc *adm;
    int *adm_start, *adm_of, *at_adm;
    int adm_n;
    int *iter;                /* DFS cursor per node, into adm */
    char *live;               /* reaches t along admissible arcs with capacity */
    int *queue;
    char *on_path;
    struct push_step *path;   /* push's path from s, a step per node on it */
    int n, s, t;
};

/* The distances from s in reduced costs, Dijkstra stopping at t: dist[v] is
 * final for the nodes done, and every node not done is at least dist[t] away.
 * A node reached at the distance being settled (an arc of reduced cost 0, as
 * most are once the potentials are good) goes on a stack settled before the
 * heap is looked at again, not through the heap. Returns dist[t], INF64 when
 * t is unreachable. */
static int64_t shortest_paths(struct solver *S)
{
    int n = S->n, hn = 0;
    struct heap_item *heap = S->heap;
    int *level = S->queue;    /* the nodes found at distance d, not yet done */
    for (int v = 0; v < n; v++)
        S->dist[v] = INF64;
    memset(S->done, 0, (size_t)n);
    S->dist[S->s] = 0;
    heap_push(heap, &hn, 0, S->s);
    while (hn > 0) {
        struct heap_item it = heap_pop(heap, &hn);
        if (it.d != S->dist[it.v] || S->done[it.v])
            continue;
        int64_t d = it.d;
        int level_n = 0;
        level[level_n++] = it.v;
        while (level_n > 0) {
            int v = level[--level_n];
            if (S->done[v])
                continue;
            S->done[v] = 1;
            if (v == S->t)
                return d;   /* everything not yet final is at least this far */
            int64_t base = d + S->pot[v];
            for (int a = S->start[v]; a < S->start[v + 1]; a++) {
                const struct arc *e = &S->arcs[a];
                if (e->cap <= 0)
                    continue;
                int64_t nd = base + e->cost - S->pot[e->to];
                if (nd < S->dist[e->to]) {
                    S->dist[e->to] = nd;
                    if (nd == d)
                        level[level_n++] = e->to;
                    else
                        heap_push(heap, &hn, nd, e->to);
                }
            }
        }
    }
    return S->dist[S->t];
}

static bool is_admissible(const struct solver *S, int from, const struct arc *e)
{
    return e->cost + S->pot[from] - S->pot[e->to] == 0;
}

/* Builds the admissible subgraph of the current potentials. A node is live
 * when t is reachable from it along admissible arcs with capacity left; the
 * others stay dead until the potentials change, since flow only moves along
 * paths of live nodes and so never opens an arc out of a dead one. An arc
 * into a dead node is left out: the search would find nothing behind it. */
static void build_admissible(struct solver *S)
{
    int n = S->n, head = 0, tail = 0;
    memset(S->live, 0, (size_t)n);
    S->live[S->t] = 1;
    S->queue[tail++] = S->t;
    while (head < tail) {
        int v = S->queue[head++];
        for (int a = S->start[v]; a < S->start[v + 1]; a++) {
            int u = S->arcs[a].to;
            const struct arc *into = &S->arcs[S->arcs[a].rev];   /* u -> v */
            if (!S->live[u] && into->cap > 0 && is_admissible(S, u, into)) {
                S->live[u] = 1;
                S->queue[tail++] = u;
            }
        }
    }
    int k = 0;
    for (int v = 0; v < n; v++) {
        S->adm_start[v] = k;
        if (!S->live[v])
            continue;
        for (int a = S->start[v]; a < S->start[v + 1]; a++)
            if (S->live[S->arcs[a].to] && is_admissible(S, v, &S->arcs[a])) {
                S->adm[k] = (struct adm_arc){S->arcs[a].to, 0, S->arcs[a].cap};
                S->adm_of[k] = a;
                S->at_adm[a] = k++;
            }
    }
    S->adm_start[n] = k;
    S->adm_n = k;
    for (int j = 0; j < k; j++) {
        /* the paired arc is admissible too (its reduced cost is -0) between
         * the same live nodes, so it was copied in this build */
        S->adm[j].rev = S->at_adm[S->arcs[S->adm_of[j]].rev];
        assert(S->adm_of[S->adm[j].rev] == S->arcs[S->adm_of[j]].rev);
    }
}

/* Writes the admissible arcs' capacities back before the potentials change. */
static void put_back_admissible(struct solver *S)
{
    for (int j = 0; j < S->adm_n; j++)
        S->arcs[S->adm_of[j]].cap = S->adm[j].cap;
}

/* Pushes up to limit units from s to t along admissible arcs (shortest paths)
 * with capacity, avoiding cycles; returns what it pushed. A depth-first
 * search: from each node on the path, its arcs in turn from its cursor, each
 * given what the node has still to send; what comes back through an arc moves
 * its capacity to the paired arc, and a node that sent all it was given keeps
 * its cursor (the arc may have room left). An arc into a node on the path is
 * passed for the rest of the search like a full one. The path is kept in
 * S->path, not on the call stack: it is as long as the network is deep (a
 * supplier's deadlines, one after the other), and a server thread's stack is
 * a few megabytes. */
static int64_t push(struct solver *S, int64_t limit)
{
    if (S->s == S->t)
        return limit;
    struct push_step *path = S->path;
    int depth = 0;
    path[0] = (struct push_step){S->s, limit, 0};
    S->on_path[S->s] = 1;
    for (;;) {
        struct push_step *f = &path[depth];
        int v = f->v, *it = &S->iter[v];
        int64_t got;          /* what came back through adm[*it] */
        while (*it < S->adm_start[v + 1] && f->pushed < f->limit &&
               (S->adm[*it].cap <= 0 || S->on_path[S->adm[*it].to]))
            ++*it;
        if (*it < S->adm_start[v + 1] && f->pushed < f->limit) {
            const struct adm_arc *e = &S->adm[*it];
            int64_t ask = f->limit - f->pushed < e->cap ? f->limit - f->pushed : e->cap;
            if (e->to != S->t) {                  /* a step on, to e->to */
                path[++depth] = (struct push_step){e->to, ask, 0};
                S->on_path[e->to] = 1;
                continue;
            }
            got = ask;
        } else {              /* v has sent what it could: a step back */
            S->on_path[v] = 0;
            if (depth == 0)
                return f->pushed;
            got = f->pushed;
            f = &path[--depth];
            it = &S->iter[f->v];
        }
        struct adm_arc *e = &S->adm[*it];
        if (got > 0) {
            e->cap -= got;
            S->adm[e->rev].cap += got;
            f->pushed += got;
            if (f->pushed == f->limit)
                continue;     /* keep the cursor: the arc may have room left */
        }
        ++*it;
    }
}

int mcf_solve(struct mcf *g, int s, int t, int64_t *flow_out, int64_t *cost_out)
{
    int rc = -1, n = g->nodes_n, m = g->edges_n;
    int64_t flow = 0;
    __int128 cost = 0;        /* units x path cost may pass 2^63 on big instances */
    struct solver S = {.n = n, .s = s, .t = t};
    int *pos = malloc(((size_t)m + 1) * sizeof *pos);
    S.arcs = malloc(((size_t)m + 1) * sizeof *S.arcs);
    S.start = calloc((size_t)n + 1, sizeof *S.start);
    S.pot = calloc((size_t)n, sizeof *S.pot);
    S.dist = malloc((size_t)n * sizeof *S.dist);
    S.done = calloc((size_t)n, 1);
    S.heap = malloc(((size_t)m + (size_t)n + 1) * sizeof *S.heap);
    S.adm = malloc(((size_t)m + 1) * sizeof *S.adm);
    S.adm_of = malloc(((size_t)m + 1) * sizeof *S.adm_of);
    S.at_adm = malloc(((size_t)m + 1) * sizeof *S.at_adm);
    S.adm_start = malloc(((size_t)n + 1) * sizeof *S.adm_start);
    S.iter = malloc(((size_t)n + 1) * sizeof *S.iter);
    S.live = calloc((size_t)n, 1);
    S.queue = malloc((size_t)n * sizeof *S.queue);
    S.on_path = calloc((size_t)n, 1);
    S.path = malloc(((size_t)n + 1) * sizeof *S.path);
    if (!pos || !S.arcs || !S.start || !S.pot || !S.dist || !S.done || !S.heap || !S.adm ||
        !S.adm_of || !S.at_adm || !S.adm_start || !S.iter || !S.live || !S.queue || !S.on_path ||
        !S.path)
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

    /* Costs start non-negative, so zero potentials are feasible. Each round
     * finds the shortest paths, raises the potentials by the distances, then
     * sends flow along the admissible subgraph in passes: each pass a search
     * from s with fresh cursors until it finds nothing, and another pass
     * while one still finds a path. A pass that finds none means the sink is
     * further away now: the next round. (Dijkstra between two passes would
     * find the sink at distance 0 and leave the potentials as they are, so
     * the passes send exactly the flow that rounds of one pass each did.) */
    while (shortest_paths(&S) != INF64) {
        /* Raising potentials by min(dist, dist[t]) keeps every residual arc's
         * reduced cost >= 0 (also for nodes beyond the sink, unreached, or not
         * final when Dijkstra stopped at the sink) and makes every
         * zero-reduced-cost s-t path a shortest one. */
        int64_t dt = S.dist[t];
        for (int v = 0; v < n; v++)
            S.pot[v] += S.done[v] && S.dist[v] < dt ? S.dist[v] : dt;
        int64_t path_cost = S.pot[t] - S.pot[s];
        build_admissible(&S);
        for (;;) {
            memcpy(S.iter, S.adm_start, (size_t)n * sizeof *S.iter);
            int64_t got = push(&S, INF64);
            if (got == 0)
                break;
            for (; got > 0; got = push(&S, INF64)) {
                flow += got;
                cost += (__int128)got * path_cost;
            }
        }
        put_back_admissible(&S);
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
    free(S.pot);
    free(S.dist);
    free(S.done);
    free(S.heap);
    free(S.adm);
    free(S.adm_of);
    free(S.at_adm);
    free(S.adm_start);
    free(S.iter);
    free(S.live);
    free(S.queue);
    free(S.on_path);
    free(S.path);
    return rc;
}
