/* How long an organiser's schedule run holds the write transaction, everyone
 * else's writes waiting, when participants changed things while it solved:
 * each repetition copies DB, runs app_schedule_event on the copy with a hook
 * that executes SQL between the solve and the write (as another connection
 * would), and times the hook's end to the run's return: the write
 * transaction, with the merge of what SQL changed. Prints the median and the
 * fastest, and the run's own log line (stderr) says what was merged. With
 * MOVES (the solve's effort, app_schedule_opts.max_moves) and a time limit
 * that does not cut it short, a seed gives one schedule: the digest of the
 * meetings the last run wrote then tells two builds' merges apart, and the
 * breaks in them (idle gaps between a person's meetings inside a session, as
 * the engine counts them) say how well the merge placed what it moved.
 *   build/bench/schedule_merge DB EVENT SQL [REPS] [TIME_LIMIT] [MOVES]
 * bench/README.md has the SQL of the changes measured. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/schedule.h"
#include "core/clock.h"
#include "core/grow.h"
#include "core/strmap.h"

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

/* The breaks in the meetings written: slots in the store's order, a
 * session's slots together; each person of an accepted request that meets
 * is busy in its slot. */
struct days {
    struct strmap slot, session, person, req;
    int *slot_sess, slots_n, slots_cap;
    int *mslot, mslot_cap;           /* per request: its meeting's slot, -1 */
    int *who_req, *who, who_n, req_cap, who_cap;   /* (request, person) pairs */
    int bad;
};

static int day_person(struct days *d, int r, const char *person)
{
    int q = strmap_put(&d->person, person, (int)d->person.n);
    if (q < 0 || df_grow((void **)&d->who_req, &d->req_cap, d->who_n, sizeof(int)) < 0 ||
        df_grow((void **)&d->who, &d->who_cap, d->who_n, sizeof(int)) < 0)
        return d->bad = 1;
    d->who_req[d->who_n] = r;
    d->who[d->who_n++] = q;
    return 0;
}

static int day_slot(void *ud, const struct store_slot *x)
{
    struct days *d = ud;
    int k = strmap_put(&d->slot, x->id, d->slots_n);
    int g = strmap_put(&d->session, x->session, (int)d->session.n);
    if (k < 0 || g < 0 || df_grow((void **)&d->slot_sess, &d->slots_cap, d->slots_n, sizeof(int)) < 0)
        return d->bad = 1;
    d->slot_sess[d->slots_n++] = g;
    return 0;
}

static int day_request(void *ud, const struct store_request *x)
{
    struct days *d = ud;
    int r = (int)d->req.n;
    if (strmap_put(&d->req, x->id, r) < 0 ||
        df_grow((void **)&d->mslot, &d->mslot_cap, r, sizeof(int)) < 0)
        return d->bad = 1;
    d->mslot[r] = -1;
    return day_person(d, r, x->from) || day_person(d, r, x->to);
}

static int day_attendee(void *ud, const char *request, const char *person)
{
    struct days *d = ud;
    int r = strmap_get(&d->req, request);
    return r >= 0 ? day_person(d, r, person) : 0;
}

static int day_meeting(void *ud, const struct store_meeting *m)
{
    struct days *d = ud;
    int r = strmap_get(&d->req, m->request);
    if (r >= 0)
        d->mslot[r] = strmap_get(&d->slot, m->slot);
    return 0;
}

/* The breaks of event's meetings in s, or -1. */
static long count_breaks(struct store *s, const char *event, struct df_err *err)
{
    struct days d = {0};
    long breaks = -1;
    if (store_slot_each(s, event, day_slot, &d, err) < 0 ||
        store_request_each(s, event, "accepted", day_request, &d, err) < 0 ||
        store_attendee_each(s, event, day_attendee, &d, err) < 0 ||
        store_meeting_each(s, event, NULL, day_meeting, &d, err) < 0 || d.bad)
        goto out;
    int S = d.slots_n;
    unsigned char *busy = calloc(d.person.n * (size_t)S + 1, 1);
    if (!busy)
        goto out;
    for (int i = 0; i < d.who_n; i++)
        if (d.mslot[d.who_req[i]] >= 0)
            busy[(size_t)d.who[i] * S + d.mslot[d.who_req[i]]] = 1;
    breaks = 0;
    for (size_t q = 0; q < d.person.n; q++) {
        int runs = 0;
        for (int k = 0; k < S; k++) {
            bool start = busy[q * S + k] && (k == 0 || !busy[q * S + k - 1] ||
                                             d.slot_sess[k - 1] != d.slot_sess[k]);
            if (k > 0 && d.slot_sess[k - 1] != d.slot_sess[k]) {
                breaks += runs > 1 ? runs - 1 : 0;
                runs = 0;
            }
            runs += start;
        }
        breaks += runs > 1 ? runs - 1 : 0;
    }
    free(busy);
out:
    strmap_free(&d.slot);
    strmap_free(&d.session);
    strmap_free(&d.person);
    strmap_free(&d.req);
    free(d.slot_sess);
    free(d.mslot);
    free(d.who_req);
    free(d.who);
    return breaks;
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
    long breaks = 0;
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
        if (store_meeting_each(s, argv[2], NULL, add_meeting, &dg, &err) < 0 ||
            (breaks = count_breaks(s, argv[2], &err)) < 0) {
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
    printf("meetings written: %d, digest %016llx, breaks %ld\n", dg.n,
           (unsigned long long)dg.sum, breaks);
    store_close(src);
    free(ms);
    return 0;
}
