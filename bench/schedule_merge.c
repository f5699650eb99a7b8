/* How long an organiser's schedule run holds the write transaction, everyone
 * else's writes waiting, when participants changed things while it solved:
 * each repetition copies DB, runs app_schedule_event on the copy with a hook
 * that executes SQL between the solve and the write (as another connection
 * would), and times the hook's end to the run's return: the write
 * transaction, with the merge of what SQL changed. Prints the median and the
 * fastest, and the run's own log line (stderr) says what was merged.
 *   build/bench/schedule_merge DB EVENT SQL [REPS] [TIME_LIMIT]
 * bench/README.md has the SQL of the changes measured. */
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

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: schedule_merge DB EVENT SQL [REPS] [TIME_LIMIT]\n");
        return 2;
    }
    int reps = argc > 4 ? atoi(argv[4]) : 5;
    double limit = argc > 5 ? atof(argv[5]) : 3;
    if (reps < 1 || reps > 100 || limit <= 0) {
        fprintf(stderr, "schedule_merge: REPS is 1-100, TIME_LIMIT above 0\n");
        return 2;
    }
    double *ms = calloc((size_t)reps, sizeof *ms);
    char copy[64];
    snprintf(copy, sizeof copy, "/tmp/schedule_merge-%d.db", (int)getpid());
    struct df_err err = {0};
    struct store *src = NULL;
    if (!ms || store_open(&src, argv[1], &err) < 0) {
        fprintf(stderr, "schedule_merge: %s\n", err.msg);
        return 1;
    }
    for (int i = 0; i < reps; i++) {
        struct store *s = NULL;
        unlink(copy);
        struct hook h = {.sql = argv[3]};
        struct app_schedule_opts o = {.event = argv[2], .time_limit = limit, .seed = 1,
                                      .before_write = change, .before_write_ud = &h};
        struct app_schedule_report rep;
        struct arena a;
        arena_init(&a, 0);
        if (store_backup(src, copy, &err) < 0 || store_open(&s, copy, &err) < 0 ||
            app_schedule_event(s, &o, &a, &rep, &err) < 0) {
            fprintf(stderr, "schedule_merge: %s\n", err.msg);
            return 1;
        }
        ms[i] = 1000 * (clock_seconds() - h.done);
        arena_free(&a);
        store_close(s);
    }
    unlink(copy);
    qsort(ms, (size_t)reps, sizeof *ms, by_value);
    printf("write transaction: median %.1f ms, fastest %.1f ms over %d runs\n", ms[reps / 2],
           ms[0], reps);
    store_close(src);
    free(ms);
    return 0;
}
