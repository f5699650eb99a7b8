/* Forum-scale scheduling benchmark: a synthetic forum (N participants, about ten
 * requests each to Zipf-popular targets, 80% accepted, 24 slots in four
 * sessions, tables = 1.15 x meetings / slots, 40% of people with partial
 * availability) scheduled by dfnc's engine and by CBC on the time-indexed MIP
 * of the meeting-count objective, side by side. Each solver runs in a child
 * process so its peak memory (getrusage) is its own.
 *   build/bench/forum_sched [--sizes 500,2000,5000] [--mip-max N] [--time-limit S] */
#include <coin/Cbc_C_Interface.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/clock.h"
#include "engine/sched/sched.h"

#define SLOTS 24

struct forum {
    struct sched_problem p;
    int *off, *people, *sess;
    unsigned char *unavail;
};

static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}
static double rndf(void)
{
    return (double)(rnd() >> 11) / 9007199254740992.0;
}

/* The generator: deterministic for (n, seed). */
static void forum_make(struct forum *f, int n, unsigned seed)
{
    rng_state = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)seed * 7919 + (uint64_t)n);
    double *cum = malloc((size_t)n * sizeof(double));
    int *perm = malloc((size_t)n * sizeof(int));
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(rnd() % (uint64_t)(i + 1)), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    double tot = 0;
    for (int r = 0; r < n; r++) {
        tot += 1.0 / (r + 1);   /* Zipf, exponent 1, over a random popularity order */
        cum[r] = tot;
    }
    int cap = n * 12 + 16, m = 0;
    f->off = malloc(((size_t)cap + 1) * sizeof(int));
    f->people = malloc((size_t)cap * 2 * sizeof(int));
    /* pairs seen, to avoid duplicate requests (a simple open hash) */
    size_t hcap = 1;
    while (hcap < (size_t)cap * 4)
        hcap <<= 1;
    uint64_t *seen = calloc(hcap, sizeof(uint64_t));
    for (int a = 0; a < n; a++) {
        int k = 5 + (int)(rnd() % 11);   /* 5..15 requests, about ten */
        for (int j = 0; j < k && m < cap; j++) {
            double u = rndf() * tot;
            int lo = 0, hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (cum[mid] < u)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            int b = perm[lo];
            if (b == a)
                continue;
            uint64_t key = a < b ? ((uint64_t)a << 32 | (uint64_t)b) + 1 : ((uint64_t)b << 32 | (uint64_t)a) + 1;
            size_t h = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (hcap - 1);
            while (seen[h] && seen[h] != key)
                h = (h + 1) & (hcap - 1);
            if (seen[h])
                continue;
            seen[h] = key;
            if (rndf() >= 0.8)
                continue;   /* declined */
            f->off[m] = 2 * m;
            f->people[2 * m] = a;
            f->people[2 * m + 1] = b;
            m++;
        }
    }
    f->off[m] = 2 * m;
    f->sess = malloc(SLOTS * sizeof(int));
    for (int s = 0; s < SLOTS; s++)
        f->sess[s] = s / 6;   /* two days, morning and afternoon, six slots each */
    f->unavail = calloc((size_t)n * SLOTS, 1);
    for (int q = 0; q < n; q++) {
        if (rndf() >= 0.4)
            continue;
        int kind = (int)(rnd() % 3);
        for (int s = 0; s < SLOTS; s++) {
            bool away = kind == 0 ? s < 12                      /* arrives on day two */
                      : kind == 1 ? s >= 18                     /* leaves early */
                                  : f->sess[s] == (int)(q % 4); /* speaks in one session */
            f->unavail[(size_t)q * SLOTS + s] = away;
        }
    }
    memset(&f->p, 0, sizeof f->p);
    f->p.n_people = n;
    f->p.n_meetings = m;
    f->p.n_slots = SLOTS;
    f->p.slot_session = f->sess;
    f->p.people_off = f->off;
    f->p.people = f->people;
    f->p.unavail = f->unavail;
    f->p.n_tables = (int)ceil(1.15 * m / SLOTS);
    f->p.fairness = 2;
    f->p.seed = seed;
    free(cum);
    free(perm);
    free(seen);
}

static void forum_free(struct forum *f)
{
    free(f->off);
    free(f->people);
    free(f->sess);
    free(f->unavail);
}

struct result {
    int scheduled, upper_bound, breaks, status;
    double seconds, bound;
};

/* The time-indexed MIP: x[m,s] for slots where both people are available. */
static void run_cbc(const struct forum *f, double limit, struct result *r)
{
    const struct sched_problem *p = &f->p;
    int M = p->n_meetings, P = p->n_people, S = SLOTS;
    int nrows = M + P * S + S;
    size_t cap = (size_t)M * S;
    int *start = malloc((cap + 1) * sizeof(int));
    int *index = malloc(cap * 4 * sizeof(int));
    double *value = malloc(cap * 4 * sizeof(double));
    int *col_m = malloc(cap * sizeof(int)), *col_s = malloc(cap * sizeof(int));
    int nc = 0, nz = 0;
    for (int m = 0; m < M; m++) {
        int a = p->people[2 * m], b = p->people[2 * m + 1];
        for (int s = 0; s < S; s++) {
            if (p->unavail[(size_t)a * S + s] || p->unavail[(size_t)b * S + s])
                continue;
            start[nc] = nz;
            col_m[nc] = m;
            col_s[nc] = s;
            index[nz] = m;
            value[nz++] = 1;
            int r1 = M + a * S + s, r2 = M + b * S + s;
            index[nz] = r1 < r2 ? r1 : r2;
            value[nz++] = 1;
            index[nz] = r1 < r2 ? r2 : r1;
            value[nz++] = 1;
            index[nz] = M + P * S + s;
            value[nz++] = 1;
            nc++;
        }
    }
    /* four entries per column: fix the sizes */
    int *st2 = realloc(start, ((size_t)nc + 1) * sizeof(int));
    start = st2 ? st2 : start;
    start[nc] = nz;
    int *idx2 = malloc((size_t)nz * sizeof(int));
    double *val2 = malloc((size_t)nz * sizeof(double));
    memcpy(idx2, index, (size_t)nz * sizeof(int));
    memcpy(val2, value, (size_t)nz * sizeof(double));
    free(index);
    free(value);
    double *collb = calloc((size_t)nc, sizeof(double)), *colub = malloc((size_t)nc * sizeof(double));
    double *obj = malloc((size_t)nc * sizeof(double));
    double *rowlb = malloc((size_t)nrows * sizeof(double)), *rowub = malloc((size_t)nrows * sizeof(double));
    for (int c = 0; c < nc; c++) {
        colub[c] = 1;
        obj[c] = 1;
    }
    for (int i = 0; i < nrows; i++) {
        rowlb[i] = -1e30;
        rowub[i] = i >= M + P * S ? p->n_tables : 1;
    }
    double t0 = clock_seconds();
    Cbc_Model *model = Cbc_newModel();
    Cbc_loadProblem(model, nc, nrows, start, idx2, val2, collb, colub, obj, rowlb, rowub);
    for (int c = 0; c < nc; c++)
        Cbc_setInteger(model, c);
    Cbc_setObjSense(model, -1);
    Cbc_setMaximumSeconds(model, limit);
    Cbc_setLogLevel(model, 0);
    Cbc_solve(model);
    r->seconds = clock_seconds() - t0;
    const double *x = Cbc_getColSolution(model);
    r->scheduled = 0;
    unsigned char *busy = calloc((size_t)P * S, 1);
    int *slot = malloc((size_t)M * sizeof(int));
    for (int m = 0; m < M; m++)
        slot[m] = -1;
    for (int c = 0; x && c < nc; c++)
        if (x[c] > 0.5) {
            slot[col_m[c]] = col_s[c];
            r->scheduled++;
        }
    /* breaks of the MIP's schedule, for the side-by-side table */
    for (int m = 0; m < M; m++)
        if (slot[m] >= 0)
            for (int k = 0; k < 2; k++)
                busy[(size_t)p->people[2 * m + k] * S + slot[m]] = 1;
    r->breaks = 0;
    for (int q = 0; q < P; q++)
        r->breaks += sched_person_breaks(p, busy + (size_t)q * S);
    r->bound = Cbc_getBestPossibleObjValue(model);
    Cbc_deleteModel(model);
    free(busy);
    free(slot);
    free(start);
    free(idx2);
    free(val2);
    free(col_m);
    free(col_s);
    free(collb);
    free(colub);
    free(obj);
    free(rowlb);
    free(rowub);
}

static void run_dfnc(const struct forum *f, double limit, struct result *r)
{
    struct sched_problem p = f->p;
    p.time_limit = limit;
    struct sched_solution s;
    char msg[200];
    double t0 = clock_seconds();
    if (sched_solve(&p, &s, msg, sizeof msg) < 0) {
        fprintf(stderr, "dfnc: %s\n", msg);
        exit(1);
    }
    r->seconds = clock_seconds() - t0;
    r->scheduled = s.scheduled;
    r->upper_bound = s.upper_bound;
    r->breaks = s.breaks;
    sched_solution_free(&s);
}

/* Runs fn in a child; returns its peak resident memory in MiB (-1 on failure). */
static bool no_fork;

static double in_child(void (*fn)(const struct forum *, double, struct result *),
                       const struct forum *f, double limit, struct result *r)
{
    if (no_fork) {
        struct rusage ru;
        fn(f, limit, r);
        getrusage(RUSAGE_SELF, &ru);
        return (double)ru.ru_maxrss / 1024.0;
    }
    int fd[2];
    if (pipe(fd) < 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        struct result x = {0};
        fn(f, limit, &x);
        ssize_t w = write(fd[1], &x, sizeof x);
        _exit(w == (ssize_t)sizeof x ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], r, sizeof *r);
    close(fd[0]);
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0 || got != (ssize_t)sizeof *r) {
        fprintf(stderr, "solver child failed (status %d)\n", st);
        return -1;
    }
    return (double)ru.ru_maxrss / 1024.0;
}

int main(int argc, char **argv)
{
    int sizes[8] = {500, 2000, 5000}, n_sizes = 3, mip_max = 500;
    double limit = 10.0, mip_limit = 60.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sizes") == 0 && i + 1 < argc) {
            n_sizes = 0;
            for (char *t = strtok(argv[++i], ","); t && n_sizes < 8; t = strtok(NULL, ","))
                sizes[n_sizes++] = atoi(t);
        } else if (strcmp(argv[i], "--no-fork") == 0) {
            no_fork = true;   /* one process: peak memory is then cumulative */
        } else if (strcmp(argv[i], "--mip-max") == 0 && i + 1 < argc) {
            mip_max = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--time-limit") == 0 && i + 1 < argc) {
            limit = atof(argv[++i]);
        } else if (strcmp(argv[i], "--mip-time-limit") == 0 && i + 1 < argc) {
            mip_limit = atof(argv[++i]);
        } else {
            fprintf(stderr, "usage: %s [--sizes 500,2000,5000] [--mip-max N] [--time-limit S] "
                            "[--mip-time-limit S] [--no-fork]\n", argv[0]);
            return 2;
        }
    }
    printf("%-6s %-8s %-6s %-10s %-7s %-9s %-7s %-8s %-8s\n", "people", "meetings", "tables",
           "solver", "sched", "ratio_ub", "breaks", "seconds", "peak_MiB");
    for (int i = 0; i < n_sizes; i++) {
        struct forum f;
        forum_make(&f, sizes[i], 1);
        struct result d = {0}, c = {0};
        double md = in_child(run_dfnc, &f, limit, &d);
        printf("%-6d %-8d %-6d %-10s %-7d %-9.4f %-7d %-8.2f %-8.1f  (upper bound %d)\n", sizes[i],
               f.p.n_meetings, f.p.n_tables, "dfnc", d.scheduled,
               (double)d.scheduled / d.upper_bound, d.breaks, d.seconds, md, d.upper_bound);
        fflush(stdout);
        if (sizes[i] <= mip_max) {
            double mc = in_child(run_cbc, &f, mip_limit, &c);
            printf("%-6d %-8d %-6d %-10s %-7d %-9.4f %-7d %-8.2f %-8.1f  (CBC bound %.0f)\n",
                   sizes[i], f.p.n_meetings, f.p.n_tables, "cbc", c.scheduled,
                   (double)c.scheduled / d.upper_bound, c.breaks, c.seconds, mc, c.bound);
        } else {
            printf("%-6d %-8d %-6d %-10s skipped (--mip-max %d; CBC needs minutes for the LP alone)\n",
                   sizes[i], f.p.n_meetings, f.p.n_tables, "cbc", mip_max);
        }
        fflush(stdout);
        forum_free(&f);
    }
    return 0;
}
