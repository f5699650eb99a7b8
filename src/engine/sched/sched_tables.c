/* The table plan of a schedule and the reasons a meeting stayed out
 * (sched_internal.h): once the search has chosen slots, every meeting gets a
 * table, slot by slot, people keeping the table they sat at. */
#include "engine/sched/sched_internal.h"

#include <stdlib.h>

/* Gives every scheduled meeting a table, slot by slot: locked tables first,
 * then meetings needing a kind, then the rest, each preferring the table one of
 * its people sat at in the previous slot. Meetings left without a table are
 * unscheduled (only possible with inconsistent locks). */
int sched_tables_assign(struct sched_state *t, int *slot, int *table, int *reason)
{
    const struct sched_problem *p = t->p;
    int S = t->S, T = p->n_tables;
    int *used = malloc(((size_t)T + 1) * sizeof(int));
    int *last = malloc(((size_t)t->P + 1) * sizeof(int));
    int *at = malloc(((size_t)t->M + 1) * sizeof(int));
    int *cnt = calloc((size_t)S + 1, sizeof(int));
    if (!used || !last || !at || !cnt) {
        free(used);
        free(last);
        free(at);
        free(cnt);
        return -1;
    }
    for (int q = 0; q < t->P; q++)
        last[q] = -1;
    for (int m = 0; m < t->M; m++)
        table[m] = -1;
    /* meetings grouped by slot */
    for (int m = 0; m < t->M; m++)
        if (slot[m] >= 0)
            cnt[slot[m]]++;
    int *first = calloc((size_t)S + 1, sizeof(int));
    if (!first) {
        free(used);
        free(last);
        free(at);
        free(cnt);
        return -1;
    }
    for (int s = 0; s < S; s++)
        first[s + 1] = first[s] + cnt[s];
    for (int s = 0; s < S; s++)
        cnt[s] = 0;
    for (int m = 0; m < t->M; m++)
        if (slot[m] >= 0)
            at[first[slot[m]] + cnt[slot[m]]++] = m;
    for (int s = 0; s < S; s++) {
        if (s > 0 && t->sess[s] != t->sess[s - 1])
            for (int q = 0; q < t->P; q++)
                last[q] = -1;
        for (int k = 0; k < T; k++)
            used[k] = sched_table_off(p, k, s);   /* out of use: taken by nobody */
        for (int pass = 0; pass < 3; pass++)
            for (int i = first[s]; i < first[s + 1]; i++) {
                int m = at[i];
                if (sched_is_online(p, m))
                    continue; /* held online: scheduled without a table */
                bool locked = p->locked_slot && p->locked_slot[m] >= 0 && p->locked_table;
                int need = p->table_need ? p->table_need[m] : -1;
                if ((pass == 0) != locked || (pass == 1 && need < 0) || (pass == 2 && need >= 0))
                    continue;
                int pick = -1;
                if (locked) {
                    if (!used[p->locked_table[m]])
                        pick = p->locked_table[m];
                } else {
                    for (int j = p->people_off[m]; j < p->people_off[m + 1] && pick < 0; j++) {
                        int k = last[p->people[j]];
                        int kk = k >= 0 && p->table_kind ? p->table_kind[k] : -1;
                        if (k >= 0 && !used[k] && (need < 0 ? kk < 0 : kk == need))
                            pick = k;
                    }
                    /* plain tables for plain meetings first, kinds kept for who needs them */
                    for (int k = 0; k < T && pick < 0; k++) {
                        int kk = p->table_kind ? p->table_kind[k] : -1;
                        if (!used[k] && (need < 0 ? kk < 0 : kk == need))
                            pick = k;
                    }
                    for (int k = 0; k < T && pick < 0 && need < 0; k++)
                        if (!used[k])
                            pick = k;
                }
                if (pick < 0) {
                    slot[m] = -1;
                    reason[m] = SCHED_R_TABLES_FULL;
                    continue;
                }
                used[pick] = 1;
                table[m] = pick;
            }
        for (int i = first[s]; i < first[s + 1]; i++) {
            int m = at[i];
            if (table[m] >= 0)
                for (int j = p->people_off[m]; j < p->people_off[m + 1]; j++)
                    last[p->people[j]] = table[m];
        }
    }
    free(used);
    free(last);
    free(at);
    free(cnt);
    free(first);
    return 0;
}

/* Why m is unscheduled, given the others' slots in t. */
void sched_tables_explain(struct sched_state *t, int m, struct sched_solution *out)
{
    const struct sched_problem *p = t->p;
    int a = t->dom_off[m], b = t->dom_off[m + 1];
    out->reason_lo[m] = a < b ? t->dom[a] : -1;
    out->reason_hi[m] = a < b ? t->dom[b - 1] : -1;
    if (a == b) {
        /* say which slots the people share, if any, ignoring precedences */
        out->reason[m] = SCHED_R_NO_COMMON_SLOT;
        for (int s = 0; s < t->S; s++)
            if (sched_slot_allowed(p, m, s)) {
                out->reason[m] = SCHED_R_PRECEDENCE;
                break;
            }
        return;
    }
    int tables = 0, interp = 0, prec = 0;
    for (int k = a; k < b; k++) {
        int s = t->dom[k];
        bool busy = false;
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
            busy |= t->occ[(size_t)p->people[i] * t->S + s] > 0;
        if (busy)
            continue;
        bool tfull = false, ifull = false;
        for (int i = t->res_off[m]; i < t->res_off[m + 1]; i++) {
            int r = t->res[i];
            if (t->load[(size_t)r * t->S + s] >= t->cap[(size_t)r * t->S + s]) {
                if (r < 1 + p->n_kinds)
                    tfull = true;
                else
                    ifull = true;
            }
        }
        interp += ifull && !tfull;
        tables += tfull;
        prec += !tfull && !ifull;
    }
    out->reason[m] = tables ? SCHED_R_TABLES_FULL
                     : interp ? SCHED_R_INTERPRETER
                     : prec   ? SCHED_R_PRECEDENCE
                              : SCHED_R_PEOPLE_BUSY;
}
