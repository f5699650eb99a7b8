/* The test-only validator (see sched_validate.h). Deliberately naive: loops over
 * everything, recomputes breaks from scratch. */
#include "sched_validate.h"

#include <stdio.h>
#include <stdlib.h>

static char why[256];

#define BAD(...) do { snprintf(why, sizeof why, __VA_ARGS__); goto out; } while (0)

const char *sched_validate(const struct sched_problem *p, const struct sched_solution *sol)
{
    const char *res = why;
    int M = p->n_meetings, S = p->n_slots, P = p->n_people;
    int *busy = calloc((size_t)P * S + 1, sizeof(int));
    int scheduled = 0;
    for (int m = 0; m < M; m++) {
        int s = sol->slot[m];
        if (s < -1 || s >= S)
            BAD("meeting %d in slot %d", m, s);
        if (s < 0) {
            if (p->locked_slot && p->locked_slot[m] >= 0)
                BAD("locked meeting %d unscheduled", m);
            if (sol->reason[m] == 0)
                BAD("meeting %d unscheduled without a reason", m);
            continue;
        }
        scheduled++;
        if (p->fixed && p->fixed[m] >= 0 && p->fixed[m] != s)
            BAD("meeting %d fixed to %d is in %d", m, p->fixed[m], s);
        bool online = p->online && p->online[m];
        if (p->locked_slot && p->locked_slot[m] >= 0 &&
            (p->locked_slot[m] != s ||
             (p->locked_table && !online && p->locked_table[m] != sol->table[m])))
            BAD("locked meeting %d moved", m);
        if (p->session && p->session[m] >= 0) {
            int ss = p->slot_session ? p->slot_session[s] : 0;
            if (ss != p->session[m])
                BAD("meeting %d of session %d in slot %d of session %d", m, p->session[m], s, ss);
        }
        if (online && sol->table[m] != -1)
            BAD("online meeting %d has table %d", m, sol->table[m]);
        if (!online && (sol->table[m] < 0 || sol->table[m] >= p->n_tables))
            BAD("meeting %d has table %d", m, sol->table[m]);
        if (!online && p->table_off &&
            p->table_off[(size_t)sol->table[m] * (size_t)p->n_slots + (size_t)s])
            BAD("meeting %d at table %d, out of use in slot %d", m, sol->table[m], s);
        if (!online && p->table_need && p->table_need[m] >= 0 &&
            (!p->table_kind || p->table_kind[sol->table[m]] != p->table_need[m]))
            BAD("meeting %d needs a kind %d table", m, p->table_need[m]);
        for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++) {
            int q = p->people[i];
            if (p->unavail && p->unavail[(size_t)q * S + s])
                BAD("person %d unavailable in slot %d has meeting %d", q, s, m);
            if (busy[(size_t)q * S + s]++)
                BAD("person %d double-booked in slot %d", q, s);
        }
        for (int m2 = 0; m2 < m; m2++)
            if (!online && sol->slot[m2] == s && sol->table[m2] == sol->table[m])
                BAD("meetings %d and %d share table %d in slot %d", m2, m, sol->table[m], s);
        if (p->prec_off)
            for (int i = p->prec_off[m]; i < p->prec_off[m + 1]; i++) {
                int q = p->prec[i];
                if (sol->slot[q] >= 0 && sol->slot[q] >= s)
                    BAD("meeting %d (slot %d) must come before %d (slot %d)", q, sol->slot[q], m, s);
            }
        if (p->meet_pair && p->meet_pair[m] >= 0) {
            int used = 0;
            for (int m2 = 0; m2 < M; m2++)
                used += sol->slot[m2] == s && p->meet_pair[m2] == p->meet_pair[m];
            if (used > p->pair_cap[(size_t)p->meet_pair[m] * S + s])
                BAD("interpreter pair %d over capacity in slot %d", p->meet_pair[m], s);
        }
    }
    if (scheduled != sol->scheduled)
        BAD("scheduled says %d, counted %d", sol->scheduled, scheduled);
    if (p->must_all && (sol->status == SCHED_FEASIBLE || sol->status == SCHED_OPTIMAL) &&
        scheduled != M)
        BAD("status says complete but %d of %d scheduled", scheduled, M);
    /* breaks: idle gaps between two meetings of a person (inside a session unless
     * the problem counts them across) */
    int total = 0, bmin = 1 << 30, bmax = 0;
    for (int q = 0; q < P; q++) {
        int b = 0, last = -1, n = 0;
        for (int s = 0; s < S; s++) {
            if (!busy[(size_t)q * S + s])
                continue;
            n++;
            bool same = last >= 0 && (p->breaks_span_sessions || !p->slot_session ||
                                      p->slot_session[last] == p->slot_session[s]);
            if (same && s > last + 1)
                b++;
            last = s;
        }
        total += b;
        bool has = false;
        for (int m = 0; m < M; m++)
            for (int i = p->people_off[m]; i < p->people_off[m + 1]; i++)
                has |= p->people[i] == q;
        if (has) {
            bmin = b < bmin ? b : bmin;
            bmax = b > bmax ? b : bmax;
        }
        (void)n;
    }
    if (total != sol->breaks)
        BAD("breaks says %d, counted %d", sol->breaks, total);
    if (p->fairness >= 0 && p->must_all &&
        (sol->status == SCHED_FEASIBLE || sol->status == SCHED_OPTIMAL) && bmax - bmin > p->fairness)
        BAD("spread %d exceeds fairness %d", bmax - bmin, p->fairness);
    if (sol->status == SCHED_OPTIMAL && p->must_all && sol->lower_bound != sol->breaks)
        BAD("optimal without a matching lower bound");
    res = NULL;
out:
    free(busy);
    return res;
}
