/* Min-cost maximum flow by successive shortest paths (Dijkstra with Johnson
 * potentials). The procurement planner routes units from suppliers' capacity
 * over time to demands with it; it knows nothing of procurement. Costs must be
 * non-negative on the edges as added. */
#ifndef DFNC_ENGINE_PROCURE_MCF_H
#define DFNC_ENGINE_PROCURE_MCF_H

#include <stdint.h>

struct mcf;

/* A network of nodes_n nodes (0 .. nodes_n-1) without edges. NULL when out of
 * memory. The caller frees it with mcf_free. */
struct mcf *mcf_new(int nodes_n);
void mcf_free(struct mcf *g);
/* Adds a directed edge with capacity cap >= 0 and cost >= 0 per unit. Returns
 * the edge's index (for mcf_edge_flow), -1 when out of memory. */
int mcf_add_edge(struct mcf *g, int from, int to, int64_t cap, int64_t cost);
/* Sends as much flow as possible from s to t at the least cost among maximum
 * flows. *flow and *cost (may be NULL) get the totals (the cost saturates at
 * INT64_MAX). 0 ok, -1 out of memory. */
int mcf_solve(struct mcf *g, int s, int t, int64_t *flow, int64_t *cost);
/* Flow on an edge after mcf_solve. */
int64_t mcf_edge_flow(const struct mcf *g, int edge);

#endif
