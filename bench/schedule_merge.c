/* How long an organiser's schedule run holds the write transaction, everyone
 * else's writes waiting, when participants changed things while it solved:
 * each repetition copies DB, runs app_schedule_event on the copy with a hook
 * that executes SQL between the solve and the write (as another connection
 * would), and times the hook's end to the run's return: the write
 * transaction, with the merge of what SQL changed. Prints the median and the
 * fastest, and the run's own log line (stderr) says what was merged. With
 * MOVES (the solve's effort, app_schedule_opts.max_moves) and a time limit
 * that does not cut it short, a seed gives one schedule: the digest of the
 * meetings the last run wrote then tells two builds' merges apart.
 *   build/bench/schedule_merge DB EVENT SQL [REPS] [TIME_LIMIT] [MOVES]
 * bench/README.md has the SQL of the changes measured. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/schedule.h"
#include "core/clock.h"

struct hook {
    const char *sql;
    double done;
};

static void change(struct store *s, void *ud)
{
    struct hook *h = ud;
    struct df_err err = {0};
    if (*h->sql && store_exec_for_tests(s, h->sql, &err) < 0) {
        fprintf(stderr, "schedule_merge: the change failed: %s\n", err.msg);
        exit(1);
    }
    h->done = clock_seconds();
}

/* An order-free digest of the meetings written: the sum of a hash of each
 * one's request, slot, table, interpreter and lock. */
struct digest {
    uint64_t sum;
    int n;
};

static uint64_t hash_fields(const char *const *f, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        for (const char *c = f[i] ? f[i] : ""; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        h = (h ^ 0x1fu) * 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static int add_meeting(void *ud, const struct store_meeting *m)
{
    struct digest *d = ud;
    d->sum += hash_fields((const char *[]){m->request, m->slot, m->location, m->interpreter,
                                           m->locked ? "locked" : "free"}, 5);
    d->n++;
    return 0;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: schedule_merge DB EVENT SQL [REPS] [TIME_LIMIT] [MOVES]\n");
        return 2;
    }
    int reps = argc > 4 ? atoi(argv[4]) : 5;
    double limit = argc > 5 ? atof(argv[5]) : 3;
    long moves = argc > 6 ? atol(argv[6]) : 0;
    if (reps < 1 || reps > 100 || limit <= 0 || moves < 0) {
        fprintf(stderr, "schedule_merge: REPS is 1-100, TIME_LIMIT above 0, MOVES 0 or more\n");
        return 2;
    }
    double *ms = calloc((size_t)reps, sizeof *ms);
    char copy[64];
    snprintf(copy, sizeof copy, "/tmp/schedule_merge-%d.db", (int)getpid());
    struct df_err err = {0};
    struct store *src = NULL;
    struct digest dg = {0};
    if (!ms || store_open(&src, argv[1], &err) < 0) {
        fprintf(stderr, "schedule_merge: %s\n", err.msg);
        return 1;
    }
    for (int i = 0; i < reps; i++) {
        struct store *s = NULL;
        unlink(copy);
        struct hook h = {.sql = argv[3]};
        struct app_schedule_opts o = {.event = argv[2], .time_limit = limit, .seed = 1,
                                      .max_moves = moves, .before_write = change, .before_write_ud = &h};
        struct app_schedule_report rep;
        struct arena a;
        arena_init(&a, 0);
        if (store_backup(src, copy, &err) < 0 || store_open(&s, copy, &err) < 0 ||
            app_schedule_event(s, &o, &a, &rep, &err) < 0) {
            fprintf(stderr, "schedule_merge: %s\n", err.msg);
            return 1;
        }
        ms[i] = 1000 * (clock_seconds() - h.done);
        dg = (struct digest){0};
        if (store_meeting_each(s, argv[2], NULL, add_meeting, &dg, &err) < 0) {
            fprintf(stderr, "schedule_merge: %s\n", err.msg);
            return 1;
        }
        arena_free(&a);
        store_close(s);
    }
    unlink(copy);
    qsort(ms, (size_t)reps, sizeof *ms, by_value);
    printf("write transaction: median %.1f ms, fastest %.1f ms over %d runs\n", ms[reps / 2],
           ms[0], reps);
    printf("meetings written: %d, digest %016llx\n", dg.n, (unsigned long long)dg.sum);
    store_close(src);
    free(ms);
    return 0;
}
