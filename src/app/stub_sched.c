/* STUB (see stub_sched.h): stands in for the scheduler and matchmaking helpers
 * until their branches are merged; deleted then. */
#include "app/stub_sched.h"

#include <jansson.h>
#include <stdlib.h>
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

/* ---- agendas ---------------------------------------------------------------- */

struct agenda_ctx {
    struct store *s;
    const char *person;
    json_t *list;
    struct arena a;
};

static int agenda_cb(void *ud, const struct store_meeting *m)
{
    struct agenda_ctx *c = ud;
    struct store_request r;
    struct store_person p = {0};
    struct df_err e = {0};
    if (store_request_get(c->s, m->request, &c->a, &r, &e) < 0)
        return 0;
    const char *other = strcmp(r.from, c->person) == 0 ? r.to : r.from;
    store_person_get(c->s, other, &c->a, &p, &e);
    json_array_append_new(
        c->list, json_pack("{ss ss ss ss ss s{ss ss? ss?} ss? ss? si}", "id", m->id, "request",
                           m->request, "slot", m->slot, "starts_at", m->starts_at, "ends_at",
                           m->ends_at, "with", "id", other, "name", p.name, "organisation",
                           p.org, "location", m->location, "location_name", m->location_name,
                           "sequence", m->sequence));
    return 0;
}

static int agenda_list(struct store *s, const char *person, json_t *list, struct df_err *err)
{
    struct agenda_ctx c = {.s = s, .person = person, .list = list};
    arena_init(&c.a, 0);
    int rc = store_meeting_each(s, NULL, person, agenda_cb, &c, err);
    arena_free(&c.a);
    return rc;
}

int app_agenda_json(struct store *s, const char *person, struct buf *out, struct df_err *err)
{
    json_t *list = json_array();
    if (agenda_list(s, person, list, err) != 0) {
        json_decref(list);
        return -1;
    }
    json_t *o = json_pack("{ss so}", "person", person, "meetings", list);
    char *txt = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    int rc = txt && buf_puts(out, txt) == 0 ? 0
                                             : df_err_set(err, DF_ERR_RUNTIME, "agenda too big");
    free(txt);
    return rc;
}

/* "2025-11-04T09:00:00+01:00" -> "20251104T080000Z". */
static void ics_utc(const char *iso, char out[20])
{
    struct tm tm = {0};
    int oh = 0, om = 0;
    char sign = '+';
    if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d%c%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                       &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &sign, &oh, &om) < 6) {
        snprintf(out, 20, "19700101T000000Z");
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm) - (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    gmtime_r(&t, &tm);
    strftime(out, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static void ics_text(struct buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',')
            buf_putc(b, '\\');
        if (*s == '\n')
            buf_puts(b, "\\n");
        else if (*s != '\r')
            buf_putc(b, *s);
    }
}

int app_agenda_ics(struct store *s, const char *person, struct buf *out, struct df_err *err)
{
    json_t *list = json_array();
    if (agenda_list(s, person, list, err) != 0) {
        json_decref(list);
        return -1;
    }
    char stamp[20], a[20], b[20];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    buf_puts(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dfnc//agenda//EN\r\n"
                  "CALSCALE:GREGORIAN\r\n");
    size_t i;
    json_t *m;
    json_array_foreach(list, i, m) {
        ics_utc(json_string_value(json_object_get(m, "starts_at")), a);
        ics_utc(json_string_value(json_object_get(m, "ends_at")), b);
        buf_printf(out, "BEGIN:VEVENT\r\nUID:%s@dfnc\r\nDTSTAMP:%s\r\nDTSTART:%s\r\nDTEND:%s\r\n"
                        "SEQUENCE:%d\r\nSUMMARY:Meeting with ",
                   json_string_value(json_object_get(m, "id")), stamp, a, b,
                   (int)json_integer_value(json_object_get(m, "sequence")));
        json_t *w = json_object_get(m, "with");
        ics_text(out, json_string_value(json_object_get(w, "name")));
        buf_puts(out, "\r\nLOCATION:");
        ics_text(out, json_string_value(json_object_get(m, "location_name")));
        buf_puts(out, "\r\nEND:VEVENT\r\n");
    }
    json_decref(list);
    if (buf_puts(out, "END:VCALENDAR\r\n") < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "agenda too big");
    return 0;
}
