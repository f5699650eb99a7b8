/* Scores from the collaboration graph (match_internal.h): a walk and a
 * personalised PageRank from the projects like the question and the lead's
 * own, the lead's circle in those projects, and partners of the best
 * matches when there is no lead. */
#include <math.h>
#include <string.h>

#include "engine/match/match_internal.h"

int match_score_walk(const struct match_index *ix, const double *seed, int lead,
                     struct arena *a, double *walk)
{
    int P = ix->projects_n;
    double *proj = arena_alloc(a, ((size_t)P + 1) * sizeof *proj);
    double *org = arena_alloc(a, ((size_t)ix->n + 1) * sizeof *org);
    if (!proj || !org)
        return -1;
    for (int p = 0; p < P; p++)
        proj[p] = seed ? seed[p] : 0;
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                proj[ix->org_doc[k]] += ix->doc_recency[ix->org_doc[k]];
    for (int p = 0; p < P; p++) {
        int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        if (proj[p] <= 0 || size == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            org[ix->doc_mem[m]] += proj[p] / size;
    }
    for (int p = 0; p < P; p++) {
        double s = 0;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
            int o = ix->doc_mem[m];
            if (org[o] > 0 && o != lead)
                s += org[o] / (ix->projects_of[o] ? ix->projects_of[o] : 1);
        }
        proj[p] = s * ix->doc_recency[p];
    }
    for (int p = 0; p < P; p++) {
        int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        if (proj[p] <= 0 || size == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            walk[ix->doc_mem[m]] += proj[p];
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++)
        if (o != lead && walk[o] > best)
            best = walk[o];
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            walk[o] /= best;
    return 0;
}

void match_score_circle(const struct match_index *ix, const double *seed, const char *in_circle,
                        double *circle)
{
    double best = 0;
    for (int p = 0; p < ix->projects_n; p++) {
        if (seed[p] <= 0)
            continue;
        int c = 0, size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            c += in_circle[ix->doc_mem[m]];
        if (c == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
            int o = ix->doc_mem[m], others = c - in_circle[o];
            if (others > 0)
                circle[o] += seed[p] * others / size;
        }
    }
    for (int o = 0; o < ix->n; o++)
        if (circle[o] > best)
            best = circle[o];
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            circle[o] /= best;
}

#define PPR_RESTART 0.3
#define PPR_STEPS 6

int match_score_ppr(const struct match_index *ix, const double *seed, int lead, struct arena *a,
                    double *ppr)
{
    int P = ix->projects_n;
    double *r = arena_alloc(a, ((size_t)P + 1) * sizeof *r);
    double *x = arena_alloc(a, ((size_t)P + 1) * sizeof *x);
    if (!r || !x)
        return -1;
    double ss = 0, ls = 0;
    for (int p = 0; seed && p < P; p++)
        ss += seed[p];
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                ls += ix->doc_recency[ix->org_doc[k]];
    double sw = ss > 0 ? (ls > 0 ? 0.5 : 1.0) / ss : 0, lw = ls > 0 ? (ss > 0 ? 0.5 : 1.0) / ls : 0;
    if (sw == 0 && lw == 0)
        return 0;
    for (int p = 0; seed && p < P; p++)
        r[p] = seed[p] * sw;
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                r[ix->org_doc[k]] += ix->doc_recency[ix->org_doc[k]] * lw;
    memcpy(x, r, (size_t)P * sizeof *x);
    for (int step = 0; step < PPR_STEPS; step++) {
        memset(ppr, 0, (size_t)ix->n * sizeof *ppr);
        for (int p = 0; p < P; p++) {
            int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
            if (x[p] <= 0 || size == 0)
                continue;
            for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
                ppr[ix->doc_mem[m]] += x[p] / size;
        }
        if (step == PPR_STEPS - 1)
            break;
        for (int p = 0; p < P; p++) {
            double s = 0;
            for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
                int o = ix->doc_mem[m];
                if (ppr[o] > 0)
                    s += ppr[o] / (ix->projects_of[o] ? ix->projects_of[o] : 1);
            }
            x[p] = PPR_RESTART * r[p] + (1 - PPR_RESTART) * s;
        }
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++)
        if (o != lead && ppr[o] > best)
            best = ppr[o];
    for (int o = 0; o < ix->n; o++)
        ppr[o] = best > 0 && o != lead ? ppr[o] / best : 0;
    return 0;
}

bool match_worked_together(const struct match_index *ix, int a, int b)
{
    for (int j = ix->adj_off[a]; j < ix->adj_off[a + 1]; j++)
        if (ix->adj_to[j] == b)
            return true;
    return false;
}

void match_stand_in_scores(const struct match_index *ix, const struct cand *best, int n,
                           double *si)
{
    double top = 0;
    for (int i = 0; i < n; i++) {
        int c = best[i].org, deg = ix->adj_off[c + 1] - ix->adj_off[c];
        for (int j = ix->adj_off[c]; j < ix->adj_off[c + 1]; j++)
            si[ix->adj_to[j]] += best[i].score / log(2.0 + deg);
    }
    for (int o = 0; o < ix->n; o++)
        if (si[o] > top)
            top = si[o];
    if (top > 0)
        for (int o = 0; o < ix->n; o++)
            si[o] /= top;
}
