/* JAIR .dzn instances through the scheduler (see schedule.h): participants
 * become people, the morning and afternoon two sessions, nTables the tables. */
#include "app/schedule.h"

#include <string.h>

int app_dzn_problem(const struct dzn_b2b *d, int fairness, struct arena *a,
                    struct sched_problem *p, struct df_err *err)
{
    int M = d->n_meetings, P = d->n_business, S = d->n_slots;
    memset(p, 0, sizeof *p);
    int *sess = arena_alloc(a, (size_t)S * sizeof(int));
    int *off = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *people = arena_alloc(a, ((size_t)2 * M + 1) * sizeof(int));
    int *session = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *fixed = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *prec = arena_alloc(a, ((size_t)d->prec_off[M] + 1) * sizeof(int));
    unsigned char *unavail = arena_alloc(a, (size_t)P * S + 1);
    if (!sess || !off || !people || !session || !fixed || !prec || !unavail)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory building the problem");
    bool two = d->n_morning > 0 && d->n_morning < S;
    for (int s = 0; s < S; s++)
        sess[s] = two && s >= d->n_morning ? 1 : 0;
    for (int m = 0; m < M; m++) {
        off[m] = 2 * m;
        people[2 * m] = d->meet_a[m] - 1;
        people[2 * m + 1] = d->meet_b[m] - 1;
        int ss = d->meet_session[m];
        /* a morning-only meeting in an instance with no afternoon is just "any" */
        session[m] = ss == 3 || !two ? -1 : ss - 1;
        if (!two && ss == 2 && d->n_morning == S)
            session[m] = 1;   /* afternoon asked, none exists: no slot */
        if (!two && ss == 1 && d->n_morning == 0)
            session[m] = 1;
        fixed[m] = d->fixed[m] - 1;
    }
    off[M] = 2 * M;
    for (int i = 0; i < d->prec_off[M]; i++)
        prec[i] = d->prec[i] - 1;
    for (int q = 0; q < P; q++)
        for (int i = d->forbid_off[q]; i < d->forbid_off[q + 1]; i++)
            unavail[(size_t)q * S + d->forbid[i] - 1] = 1;
    p->n_people = P;
    p->n_meetings = M;
    p->n_slots = S;
    p->slot_session = sess;
    p->people_off = off;
    p->people = people;
    p->session = session;
    p->fixed = fixed;
    p->prec_off = d->prec_off;
    p->prec = prec;
    p->unavail = unavail;
    p->n_tables = d->n_tables;
    p->fairness = fairness;
    p->must_all = true;
    p->breaks_span_sessions = true;   /* JAIR Def. 2.3: any idle gap between two meetings */
    return 0;
}

int app_schedule_dzn(const char *path, int fairness, double time_limit, unsigned seed, int threads,
                     struct app_dzn_result *out, struct df_err *err)
{
    struct arena a;
    struct dzn_b2b d;
    struct sched_problem p;
    char msg[256];
    int rc = -1;
    arena_init(&a, 0);
    memset(out, 0, sizeof *out);
    if (dzn_read_file(path, &a, &d, err) < 0 || app_dzn_problem(&d, fairness, &a, &p, err) < 0)
        goto out;
    p.time_limit = time_limit;
    p.seed = seed;
    p.threads = threads;
    out->meetings = d.n_meetings;
    if (sched_solve(&p, &out->sol, msg, sizeof msg) < 0) {
        df_err_set(err, DF_ERR_INPUT, "%s:1: %s", path, msg);
        goto out;
    }
    rc = 0;
out:
    arena_free(&a);
    return rc;
}
