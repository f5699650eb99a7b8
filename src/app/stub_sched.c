/* STUB (see stub_sched.h): stands in for the scheduler until its branch is
 * merged; deleted then. */
#include "app/stub_sched.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- a greedy placement: first slot where both are free and a table is left -- */

#define BUSY_BITS 17
struct busy { const char **keys; int n; };

static unsigned long hash_str(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* Adds key (copied into a) and returns 1 if it was absent, 0 if present. */
static int busy_add(struct busy *b, struct arena *a, const char *key)
{
    size_t mask = ((size_t)1 << BUSY_BITS) - 1, i = hash_str(key) & mask;
    while (b->keys[i]) {
        if (strcmp(b->keys[i], key) == 0)
            return 0;
        i = (i + 1) & mask;
    }
    if (b->n >= (int)(mask / 2))
        return 0; /* full: treat as busy */
    b->keys[i] = arena_strdup(a, key);
    b->n++;
    return 1;
}

static int busy_has(struct busy *b, const char *key)
{
    size_t mask = ((size_t)1 << BUSY_BITS) - 1, i = hash_str(key) & mask;
    for (; b->keys[i]; i = (i + 1) & mask)
        if (strcmp(b->keys[i], key) == 0)
            return 1;
    return 0;
}

struct sched_ctx {
    struct store *s;
    struct arena *a;
    struct busy busy;
    const char **slots, **tables;
    int slots_n, tables_n, *used;
    int slots_cap, tables_cap;
    struct app_schedule_report *rep;
    struct df_err *err;
};

static int slot_cb(void *ud, const struct store_slot *x)
{
    struct sched_ctx *c = ud;
    if (c->slots_n < c->slots_cap)
        c->slots[c->slots_n++] = arena_strdup(c->a, x->id);
    return 0;
}

static int table_cb(void *ud, const struct store_location *x)
{
    struct sched_ctx *c = ud;
    if (c->tables_n < c->tables_cap)
        c->tables[c->tables_n++] = arena_strdup(c->a, x->id);
    return 0;
}

static int slot_index(struct sched_ctx *c, const char *slot)
{
    for (int i = 0; i < c->slots_n; i++)
        if (strcmp(c->slots[i], slot) == 0)
            return i;
    return -1;
}

static int unavailable_cb(void *ud, const char *person, const char *slot)
{
    struct sched_ctx *c = ud;
    char key[300];
    snprintf(key, sizeof key, "%s|%s", person, slot);
    busy_add(&c->busy, c->a, key);
    return 0;
}

static int kept_cb(void *ud, const struct store_meeting *m)
{
    struct sched_ctx *c = ud;
    struct store_request r;
    struct df_err e = {0};
    if (store_request_get(c->s, m->request, c->a, &r, &e) < 0)
        return 0;
    char key[300];
    snprintf(key, sizeof key, "%s|%s", r.from, m->slot);
    busy_add(&c->busy, c->a, key);
    snprintf(key, sizeof key, "%s|%s", r.to, m->slot);
    busy_add(&c->busy, c->a, key);
    snprintf(key, sizeof key, "m|%s", r.id);
    busy_add(&c->busy, c->a, key);
    int i = slot_index(c, m->slot);
    if (i >= 0)
        c->used[i]++;
    c->rep->scheduled++;
    return 0;
}

struct pending { const char *id, *from, *to; };
struct req_list { struct pending *v; int n, cap; struct arena *a; };

static int accepted_cb(void *ud, const struct store_request *r)
{
    struct req_list *l = ud;
    if (l->n < l->cap)
        l->v[l->n++] = (struct pending){arena_strdup(l->a, r->id), arena_strdup(l->a, r->from),
                                        arena_strdup(l->a, r->to)};
    return 0;
}

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(out, 0, sizeof *out);
    out->event = arena_strdup(a, o->event);
    struct sched_ctx c = {.s = s, .a = a, .rep = out, .err = err, .slots_cap = 512,
                          .tables_cap = 4096};
    struct req_list l = {.cap = 100000, .a = a};
    c.busy.keys = arena_alloc(a, sizeof(char *) << BUSY_BITS);
    c.slots = arena_alloc(a, sizeof(char *) * (size_t)c.slots_cap);
    c.tables = arena_alloc(a, sizeof(char *) * (size_t)c.tables_cap);
    c.used = arena_alloc(a, sizeof(int) * (size_t)c.slots_cap);
    l.v = arena_alloc(a, sizeof *l.v * (size_t)l.cap);
    if (!c.busy.keys || !c.slots || !c.tables || !c.used || !l.v)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory while scheduling");
    struct store_event ev;
    if (store_event_get(s, o->event, a, &ev, err) < 0 || store_begin(s, err) < 0)
        return -1;
    if ((o->reschedule_locked && store_meeting_lock_all(s, o->event, false, err) < 0) ||
        store_meeting_clear_unlocked(s, o->event, err) < 0 ||
        store_slot_each(s, o->event, slot_cb, &c, err) != 0 ||
        store_location_each(s, o->event, table_cb, &c, err) != 0 ||
        store_unavailable_each(s, o->event, unavailable_cb, &c, err) != 0 ||
        store_meeting_each(s, o->event, NULL, kept_cb, &c, err) != 0 ||
        store_request_each(s, o->event, "accepted", accepted_cb, &l, err) != 0)
        goto fail;
    out->accepted = l.n;
    out->upper_bound = l.n;
    out->unscheduled = arena_alloc(a, sizeof *out->unscheduled * (size_t)(l.n + 1));
    for (int k = 0; k < l.n; k++) {
        char key[300], kf[300], kt[300];
        snprintf(key, sizeof key, "m|%s", l.v[k].id);
        if (busy_has(&c.busy, key))
            continue; /* kept where it was */
        int placed = 0;
        for (int i = 0; i < c.slots_n && !placed; i++) {
            snprintf(kf, sizeof kf, "%s|%s", l.v[k].from, c.slots[i]);
            snprintf(kt, sizeof kt, "%s|%s", l.v[k].to, c.slots[i]);
            if (c.used[i] >= c.tables_n || busy_has(&c.busy, kf) || busy_has(&c.busy, kt))
                continue;
            struct store_meeting m = {.request = l.v[k].id, .slot = c.slots[i],
                                      .location = c.tables[c.used[i]]};
            if (store_meeting_upsert(s, &m, err) < 0)
                goto fail;
            busy_add(&c.busy, a, kf);
            busy_add(&c.busy, a, kt);
            c.used[i]++;
            out->scheduled++;
            placed = 1;
        }
        if (!placed)
            out->unscheduled[out->unscheduled_n++] = (struct app_unscheduled){
                l.v[k].id, "no slot where both are free and a table is left"};
    }
    if (store_commit(s, err) < 0)
        goto fail;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    out->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return 0;
fail:
    store_rollback(s);
    return -1;
}
