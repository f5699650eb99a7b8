/* The exact break minimiser (sched_exact.c) on the 20 original JAIR instances
 * with fairness d: a hint from sched_solve's annealing (short limit), then
 * sched_exact_breaks under a deadline; every schedule is checked here against
 * the .dzn data without the engine's code, and compared with best_known.csv.
 *   build/bench/jair_exact_bench [--data DIR] [--time S] [--hint-time S] [--fairness D]
 *                                [--full-hint] [NAME...] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/schedule.h"
#include "engine/sched/sched_exact.h"
#include "io/dzn.h"

static const char *names[] = {
    "forum-13", "forum-13crafb", "forum-13crafc", "forum-14", "forumt-14", "forumt-14crafc",
    "forumt-14crafd", "forumt-14crafe", "tic-12", "tic-12crafc", "tic-13", "tic-13crafb",
    "tic-13crafc", "tic-14crafa", "tic-14crafc", "tic-14crafd", "ticf-13crafa", "ticf-13crafb",
    "ticf-13crafc", "ticf-14crafa",
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Best known breaks for FILE with fairness d from best_known.csv, -1 unknown. */
static int best_known(const char *dir, const char *file, int d)
{
    char path[1100], line[512];
    if ((size_t)snprintf(path, sizeof path, "%.1024s/best_known.csv", dir) >= sizeof path)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int v = -1;
    while (fgets(line, sizeof line, f)) {
        char *c1 = strchr(line, ',');
        if (!c1)
            continue;
        *c1 = 0;
        if (strcmp(line, file) != 0 || atoi(c1 + 1) != d)
            continue;
        char *c2 = strchr(c1 + 1, ',');
        if (c2 && c2[1] >= '0' && c2[1] <= '9')
            v = atoi(c2 + 1);
    }
    fclose(f);
    return v;
}

/* Independent check of slot[] against the raw .dzn data (1-based there);
 * returns the total breaks (gaps between a participant's meetings over the
 * whole day, as in JAIR) or -1 with *why set. */
static int check(const struct dzn_b2b *d, const int *slot, int fair, const char **why)
{
    int P = d->n_business, S = d->n_slots, M = d->n_meetings, total = 0, bmin = 1 << 30, bmax = 0;
    int *per_slot = calloc((size_t)S, sizeof(int));
    unsigned char *busy = calloc((size_t)P * S, 1);
    int *deg = calloc((size_t)P, sizeof(int));
    *why = NULL;
    if (!per_slot || !busy || !deg) {
        *why = "out of memory";
        goto out;
    }
    for (int m = 0; m < M && !*why; m++) {
        int s = slot[m];
        if (s < 0 || s >= S) {
            *why = "meeting without a slot";
            break;
        }
        int ses = d->meet_session[m];
        if ((ses == 1 && s >= d->n_morning) || (ses == 2 && s < d->n_morning))
            *why = "session";
        if (d->fixed[m] > 0 && d->fixed[m] - 1 != s)
            *why = "fixed slot";
        if (++per_slot[s] > d->n_tables)
            *why = "tables";
        int who[2] = {d->meet_a[m] - 1, d->meet_b[m] - 1};
        for (int k = 0; k < 2; k++) {
            int q = who[k];
            deg[q]++;
            if (busy[(size_t)q * S + s]++)
                *why = "participant double-booked";
            for (int i = d->forbid_off[q]; i < d->forbid_off[q + 1]; i++)
                if (d->forbid[i] - 1 == s)
                    *why = "forbidden slot";
        }
        for (int i = d->prec_off[m]; i < d->prec_off[m + 1]; i++)
            if (slot[d->prec[i] - 1] >= s)
                *why = "precedence";
    }
    for (int q = 0; q < P && !*why; q++) {
        int first = -1, b = 0;
        for (int s = 0; s < S; s++)
            if (busy[(size_t)q * S + s]) {
                if (first >= 0 && !busy[(size_t)q * S + s - 1])
                    b++;
                if (first < 0)
                    first = s;
            }
        total += b;
        if (deg[q] > 0) {
            bmin = b < bmin ? b : bmin;
            bmax = b > bmax ? b : bmax;
        }
    }
    if (!*why && fair >= 0 && bmax - bmin > fair)
        *why = "fairness";
out:
    free(per_slot);
    free(busy);
    free(deg);
    return *why ? -1 : total;
}

int main(int argc, char **argv)
{
    const char *dir = getenv("DFNC_SHARED_DATA") ? NULL : "/work/shared/data/b2b";
    char dirbuf[1024];
    if (!dir) {
        snprintf(dirbuf, sizeof dirbuf, "%s/b2b", getenv("DFNC_SHARED_DATA"));
        dir = dirbuf;
    }
    double tl = 10, hint_tl = 0.3;
    int fair = 2, full_hint = 0;
    static const struct option opts[] = {
        {"data", required_argument, 0, 'd'},      {"time", required_argument, 0, 't'},
        {"hint-time", required_argument, 0, 'h'}, {"fairness", required_argument, 0, 'f'},
        {"full-hint", no_argument, 0, 'F'},
        {0, 0, 0, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "d:t:h:f:F", opts, NULL)) != -1) {
        if (c == 'd')
            dir = optarg;
        else if (c == 't')
            tl = atof(optarg);
        else if (c == 'h')
            hint_tl = atof(optarg);
        else if (c == 'f')
            fair = atoi(optarg);
        else if (c == 'F')
            full_hint = 1;
        else {
            fprintf(stderr, "usage: jair_exact_bench [--data DIR] [--time S] [--hint-time S] "
                            "[--fairness D] [--full-hint] [NAME...]\n");
            return 2;
        }
    }
    printf("%-16s %5s %6s %6s %6s %8s %8s  %s\n", "instance", "best", "hint", "found", "lb",
           "hint_s", "exact_s", "check");
    int matched = 0, optimal = 0, n = 0, invalid = 0;
    double total_s = 0, worst_s = 0;
    size_t n_names = sizeof names / sizeof names[0];
    if (optind < argc) {   /* instance names given on the command line */
        for (int i = optind; i < argc && i - optind < (int)n_names; i++)
            names[i - optind] = argv[i];
        n_names = (size_t)(argc - optind) < n_names ? (size_t)(argc - optind) : n_names;
    }
    for (size_t k = 0; k < n_names; k++) {
        char file[256], path[1400];
        snprintf(file, sizeof file, "%s.original.dzn", names[k]);
        snprintf(path, sizeof path, "%s/%s", dir, file);
        struct arena a;
        arena_init(&a, 0);
        struct dzn_b2b d;
        struct sched_problem p;
        struct df_err err = {0};
        if (dzn_read_file(path, &a, &d, &err) < 0 || app_dzn_problem(&d, fair, &a, &p, &err) < 0) {
            printf("%-16s error: %s\n", names[k], err.msg);
            arena_free(&a);
            continue;
        }
        n++;
        int bk = best_known(dir, file, fair);
        double t0 = now_s();
        struct sched_solution sol;
        char msg[200];
        const int *hint = NULL;
        int hint_b = -1;
        bool have_sol = false;
        if (hint_tl > 0) {
            p.time_limit = hint_tl;
            p.local_only = !full_hint;   /* full: the engine's own SAT search too */
            if (sched_solve(&p, &sol, msg, sizeof msg) == 0) {
                have_sol = true;
                if (sol.scheduled == p.n_meetings &&
                    (sol.status == SCHED_FEASIBLE || sol.status == SCHED_OPTIMAL)) {
                    hint = sol.slot;
                    hint_b = sol.breaks;
                }
            }
        }
        double t1 = now_s();
        int *slot = malloc((size_t)p.n_meetings * sizeof(int) + 1);
        int br = -1, lb = -1;
        int r = slot ? sched_exact_breaks(&p, hint, t1 + tl, slot, &br, &lb) : -2;
        double t2 = now_s();
        const char *why = "no schedule";
        int chk = r == 1 ? check(&d, slot, fair, &why) : -1;
        if (r == 1 && chk != br)
            why = why ? why : "break count differs";
        bool ok = r == 1 && chk == br;
        if (r == 1 && !ok)
            invalid++;
        if (ok && bk >= 0 && br <= bk)
            matched++;
        if (ok && lb == br)
            optimal++;
        double sec = t2 - t0;
        total_s += sec;
        worst_s = sec > worst_s ? sec : worst_s;
        printf("%-16s %5d %6d %6d %6d %8.2f %8.2f  %s\n", names[k], bk, hint_b, br, lb, t1 - t0,
               t2 - t1, ok ? "valid" : r == -1 ? "infeasible?" : why);
        fflush(stdout);
        free(slot);
        if (have_sol)
            sched_solution_free(&sol);
        arena_free(&a);
    }
    printf("matched best known: %d/%d, proven optimal: %d/%d, invalid: %d, "
           "total %.1f s, slowest %.2f s (hint %.1f s + exact <= %.0f s each)\n",
           matched, n, optimal, n, invalid, total_s, worst_s, hint_tl, tl);
    return invalid ? 1 : 0;
}
