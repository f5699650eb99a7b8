/* Reading an event's scheduling data from the store (see schedule_load.h). */
#include "app/schedule_load.h"
#include "app/interpreting.h"
#include "io/ics.h"

#include <string.h>

void schedule_load_init(struct schedule_load *l, struct arena *a, const char *event)
{
    memset(l, 0, sizeof *l);
    l->a = a;
    l->event = event;
    l->slots.size = sizeof(struct store_slot);
    l->tables.size = sizeof(struct store_location);
    l->people.size = sizeof(const char *);
    l->reqs.size = sizeof(struct schedule_load_req);
    l->unav.size = 2 * sizeof(const char *);
    l->locks.size = sizeof(struct schedule_load_lock);
    l->interp.size = sizeof(struct store_interpreter);
    l->meets.size = sizeof(struct schedule_load_mtg);
    l->outs.size = sizeof(struct store_table_out);
}

const char *schedule_load_req_person(const struct schedule_load_req *r, int j)
{
    return j == -2 ? r->from : j == -1 ? r->to : ((const char **)r->attendees.data)[j];
}

static int on_session(void *ud, const struct store_session *x)
{
    struct schedule_load *l = ud;
    if (strcmp(x->kind, "b2b") == 0) {
        const char *k = arena_strdup(l->a, x->id);
        if (!k)
            return l->oom = 1;
        idmap_put(&l->b2b, k, 1);
    }
    return 0;
}

static int on_slot(void *ud, const struct store_slot *x)
{
    struct schedule_load *l = ud;
    if (idmap_get(&l->b2b, x->session) < 0)
        return 0;
    struct store_slot *c = idmap_vec_push(&l->slots, l->a);
    if (!c)
        return l->oom = 1;
    c->id = arena_strdup(l->a, x->id);
    c->session = arena_strdup(l->a, x->session);
    /* its start, for a run on the forum's day (schedule_build_close_begun) */
    c->starts_at = x->starts_at ? arena_strdup(l->a, x->starts_at) : NULL;
    c->ends_at = x->ends_at ? arena_strdup(l->a, x->ends_at) : NULL;
    c->seq = x->seq;
    if (!c->id || !c->session || (x->starts_at && !c->starts_at) ||
        (x->ends_at && !c->ends_at))
        return l->oom = 1;
    return 0;
}

static int on_location(void *ud, const struct store_location *x)
{
    struct schedule_load *l = ud;
    struct store_location *c = idmap_vec_push(&l->tables, l->a);
    if (!c)
        return l->oom = 1;
    c->id = arena_strdup(l->a, x->id);
    c->kind = arena_strdup(l->a, x->kind);
    c->name = arena_strdup(l->a, x->name);
    return 0;
}

static int on_interpreter(void *ud, const struct store_interpreter *x)
{
    struct schedule_load *l = ud;
    struct store_interpreter *c = idmap_vec_push(&l->interp, l->a);
    if (!c || app_interpreter_copy(l->a, c, x) < 0)
        return l->oom = 1;
    return 0;
}

static int on_request(void *ud, const struct store_request *r)
{
    struct schedule_load *l = ud;
    struct schedule_load_req *c = idmap_vec_push(&l->reqs, l->a);
    if (!c)
        return l->oom = 1;
    memset(c, 0, sizeof *c);
    c->id = arena_strdup(l->a, r->id);
    c->from = arena_strdup(l->a, r->from);
    c->to = arena_strdup(l->a, r->to);
    c->priority = r->priority;
    c->attendees.size = sizeof(const char *);
    return 0;
}

static int on_attendee(void *ud, const char *request, const char *person)
{
    struct schedule_load *l = ud;
    int i = idmap_get(&l->req_ix, request);
    if (i < 0)
        return 0;
    struct schedule_load_req *r = (struct schedule_load_req *)l->reqs.data + i;
    const char **c = idmap_vec_push(&r->attendees, l->a);
    if (!c || !(*c = arena_strdup(l->a, person)))
        return l->oom = 1;
    return 0;
}

static int on_unavailable(void *ud, const char *person, const char *slot)
{
    struct schedule_load *l = ud;
    const char **c = idmap_vec_push(&l->unav, l->a);
    if (!c)
        return l->oom = 1;
    c[0] = arena_strdup(l->a, person);
    c[1] = arena_strdup(l->a, slot);
    return 0;
}

static int on_meeting(void *ud, const struct store_meeting *m)
{
    struct schedule_load *l = ud;
    struct schedule_load_mtg *c = idmap_vec_push(&l->meets, l->a);
    if (!c)
        return l->oom = 1;
    *c = (struct schedule_load_mtg){
        .request = arena_strdup(l->a, m->request),
        .slot = arena_strdup(l->a, m->slot),
        .location = m->location ? arena_strdup(l->a, m->location) : NULL,
        .interpreter = m->interpreter ? arena_strdup(l->a, m->interpreter) : NULL,
        .locked = m->locked, .online = m->online};
    if (!c->request || !c->slot || (m->location && !c->location) ||
        (m->interpreter && !c->interpreter))
        return l->oom = 1;
    if (!m->locked)
        return 0;
    struct schedule_load_lock *k = idmap_vec_push(&l->locks, l->a);
    if (!k)
        return l->oom = 1;
    *k = (struct schedule_load_lock){.request = c->request, .slot = c->slot,
                                     .location = c->location, .interpreter = c->interpreter,
                                     .online = c->online};
    return 0;
}

static int on_table_out(void *ud, const struct store_table_out *w)
{
    struct schedule_load *l = ud;
    struct store_table_out *c = idmap_vec_push(&l->outs, l->a);
    if (!c)
        return l->oom = 1;
    *c = (struct store_table_out){.location = arena_strdup(l->a, w->location),
                                  .location_name = arena_strdup(l->a, w->location_name),
                                  .from = w->from, .until = w->until,
                                  .set_by = arena_strdup(l->a, w->set_by)};
    if (!c->location || !c->location_name || !c->set_by)
        return l->oom = 1;
    return 0;
}

unsigned char *schedule_load_tables_off(const struct schedule_load *l, const char *tz,
                                        struct arena *a)
{
    size_t S = (size_t)l->slots.n, T = (size_t)l->tables.n;
    unsigned char *off = arena_alloc(a, T * S + 1);
    if (!off)
        return NULL;
    memset(off, 0, T * S + 1);
    const struct store_slot *slots = l->slots.data;
    const struct store_location *tabs = l->tables.data;
    const struct store_table_out *ws = l->outs.data;
    char zoned[32];
    for (int i = 0; i < l->outs.n; i++)
        for (size_t t = 0; t < T; t++) {
            if (strcmp(tabs[t].id, ws[i].location) != 0)
                continue;
            for (size_t k = 0; k < S; k++) {
                long long start = 0, end = 0;
                if (ics_zoned_time(tz, slots[k].starts_at, zoned, &start) < 0 ||
                    ics_zoned_time(tz, slots[k].ends_at, zoned, &end) < 0)
                    continue;   /* a time that cannot be read never opens */
                if (end > ws[i].from && (ws[i].until == 0 || start < ws[i].until))
                    off[t * S + k] = 1;
            }
        }
    return off;
}

int schedule_load_event(struct store *s, struct schedule_load *l, struct df_err *err)
{
    if (idmap_init(&l->b2b, l->a, 256) < 0)
        goto oom;
    if (store_session_each(s, l->event, on_session, l, err) < 0 ||
        store_slot_each(s, l->event, on_slot, l, err) < 0 ||
        store_location_each(s, l->event, on_location, l, err) < 0 ||
        store_interpreter_each(s, l->event, on_interpreter, l, err) < 0 ||
        store_request_each(s, l->event, "accepted", on_request, l, err) < 0)
        return -1;
    if (l->oom || idmap_init(&l->req_ix, l->a, (size_t)l->reqs.n) < 0)
        goto oom;
    struct schedule_load_req *reqs = l->reqs.data;
    for (int i = 0; i < l->reqs.n; i++)
        idmap_put(&l->req_ix, reqs[i].id, i);
    if (store_attendee_each(s, l->event, on_attendee, l, err) < 0 ||
        store_unavailable_each(s, l->event, on_unavailable, l, err) < 0 ||
        store_meeting_each(s, l->event, NULL, on_meeting, l, err) < 0 ||
        store_table_out_each(s, l->event, on_table_out, l, err) < 0)
        return -1;
    if (l->oom)
        goto oom;
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}
