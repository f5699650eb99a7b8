/* A person's availability at an event (see availability.h). */
#include "app/availability.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/fields.h"
#include "core/date.h"

/* Room for one more element of size bytes in *v (n in use, *cap allotted),
 * doubling into the arena: 0, or -1 with err when memory ran out. */
static int make_room(struct arena *a, void **v, int n, int *cap, size_t size, struct df_err *err)
{
    if (n < *cap)
        return 0;
    int more = *cap ? 2 * *cap : 16;
    void *w = arena_alloc(a, (size_t)more * size);
    if (!w)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (n)
        memcpy(w, *v, (size_t)n * size);
    *v = w;
    *cap = more;
    return 0;
}

struct collect {
    struct arena *a;
    struct app_avail_slot *v;
    int n, cap;
    struct df_err *err;
};

static int on_slot(void *ud, const struct store_avail_slot *x)
{
    struct collect *c = ud;
    if (make_room(c->a, (void **)&c->v, c->n, &c->cap, sizeof *c->v, c->err) < 0)
        return -1;
    struct app_avail_slot *o = &c->v[c->n++];
    o->id = arena_strdup(c->a, x->id);
    o->session = arena_strdup(c->a, x->session);
    o->day = arena_strdup(c->a, x->day);
    o->starts_at = arena_strdup(c->a, x->starts_at);
    o->ends_at = arena_strdup(c->a, x->ends_at);
    o->set_by = x->set_by ? arena_strdup(c->a, x->set_by) : NULL;
    o->available = !x->away;
    if (!o->id || !o->session || !o->day || !o->starts_at || !o->ends_at ||
        (x->set_by && !o->set_by))
        return df_err_set(c->err, DF_ERR_RUNTIME, "out of memory");
    return 0;
}

/* The event's B2B slots for person, after checking both exist. */
static int load_slots(struct store *s, const char *person, const char *event, struct arena *a,
                      struct app_availability *out, struct df_err *err)
{
    struct store_person p;
    struct store_event e;
    if (store_person_get(s, person, a, &p, err) < 0 || store_event_get(s, event, a, &e, err) < 0)
        return -1;
    struct collect c = {.a = a, .err = err};
    if (store_availability_each(s, person, event, on_slot, &c, err) != 0)
        return -1;
    *out = (struct app_availability){.person = p.id, .event = e.id,
                                     .published = e.published_at != NULL,
                                     .slots = c.v, .slots_n = c.n};
    return 0;
}

int app_availability_get(struct store *s, const char *person, const char *event,
                         struct arena *a, struct app_availability *out, struct df_err *err)
{
    return load_slots(s, person, event, a, out, err);
}

static const struct app_avail_slot *find_slot(const struct app_availability *av, const char *id)
{
    for (int i = 0; i < av->slots_n; i++)
        if (strcmp(av->slots[i].id, id) == 0)
            return &av->slots[i];
    return NULL;
}

/* The slot that starts at when, the event's wall clock as the programme
 * shows it ("2027-02-16 10:40" or "2027-02-16T10:40"): an organiser's file
 * may name slots so, since their ids are shown nowhere but in an export. */
static bool names_a_start(const char *when)
{
    return strlen(when) == 16 && (when[10] == ' ' || when[10] == 'T') && when[4] == '-' &&
           when[13] == ':';
}

static const struct app_avail_slot *slot_starting(const struct app_availability *av,
                                                  const char *when)
{
    if (!names_a_start(when))
        return NULL;
    for (int i = 0; i < av->slots_n; i++) {
        const char *at = av->slots[i].starts_at;
        if (strlen(at) >= 16 && strncmp(at, when, 10) == 0 && at[10] == 'T' &&
            strncmp(at + 11, when + 11, 5) == 0)
            return &av->slots[i];
    }
    return NULL;
}

/* The start of the event's slot whose id is id (a plenary's, say), in
 * minutes into want, which stays -1 when the event has no such slot. */
struct slot_start {
    const char *id;
    long want;
};

static int on_event_slot(void *ud, const struct store_slot *x)
{
    struct slot_start *f = ud;
    if (strcmp(x->id, f->id) == 0)
        f->want = date_wall_minutes(x->starts_at);
    return 0;
}

/* Where what lies in time: its own start when it names one, or the start
 * of the event's slot of that id (not a B2B one); -1 when neither. */
static long named_minutes(struct store *s, const char *event, const char *what)
{
    if (names_a_start(what))
        return date_wall_minutes(what);
    struct slot_start f = {what, -1};
    struct df_err ignored = {0};   /* no start known: the first slots serve */
    if (store_slot_each(s, event, on_event_slot, &f, &ignored) < 0)
        return -1;
    return f.want;
}

/* The B2B slot nearest to the minutes want, skip aside: one on the same
 * day before one on another, then the nearest start, then the earlier. */
static int nearest_slot(const struct app_availability *av, long want, int skip)
{
    int best = -1;
    long best_day = 0, best_gap = 0;
    for (int i = 0; i < av->slots_n; i++) {
        if (i == skip)
            continue;
        long at = date_wall_minutes(av->slots[i].starts_at);
        long day = at / 1440 != want / 1440, gap = at > want ? at - want : want - at;
        if (best < 0 || day < best_day || (day == best_day && gap < best_gap)) {
            best = i;
            best_day = day;
            best_gap = gap;
        }
    }
    return best;
}

/* DF_ERR_INPUT: what is not a slot, and how the event's slots are named:
 * by id and start, the two nearest to what it names (its start, or that
 * of the event's slot it names), else the event's first two; its only
 * one when it has one. */
static int not_a_slot(struct store *s, const struct app_availability *av, const char *what,
                      struct df_err *err)
{
    if (av->slots_n == 0) {
        df_err_set(err, DF_ERR_INPUT, "away: event \"%s\" has no B2B slots", av->event);
        return df_err_code(err, "no_b2b_slots", "col", "away", "event", av->event, NULL);
    }
    long want = named_minutes(s, av->event, what);
    int first = want < 0 ? 0 : nearest_slot(av, want, -1);
    int second = av->slots_n < 2 ? -1 : want < 0 ? 1 : nearest_slot(av, want, first);
    if (second >= 0 && second < first) {   /* said in time order */
        int t = first;
        first = second;
        second = t;
    }
    const struct app_avail_slot *x = &av->slots[first];
    char other[APP_ID_MAX + 32] = "", at1[17], at2[17] = "";
    snprintf(at1, sizeof at1, "%.10s %.5s", x->starts_at, x->starts_at + 11);
    if (second >= 0) {
        snprintf(at2, sizeof at2, "%.10s %.5s", av->slots[second].starts_at,
                 av->slots[second].starts_at + 11);
        snprintf(other, sizeof other, ", %s or %s", av->slots[second].id, at2);
    }
    df_err_set(err, DF_ERR_INPUT,
               "away: \"%.64s\" is not a B2B slot of event \"%s\": name a slot by its id or its "
               "start, e.g. %s or %s%s (`dfnc export events - --format json` lists them)",
               what, av->event, x->id, at1, other);
    return df_err_code(err, second >= 0 ? "not_b2b_slot" : "not_b2b_slot_one", "col", "away",
                       "value", what, "event", av->event, "id1", x->id, "at1", at1, "id2",
                       second >= 0 ? av->slots[second].id : NULL, "at2",
                       second >= 0 ? at2 : NULL, NULL);
}

/* The word the store keeps for by. */
static const char *setter_word(enum app_avail_setter by)
{
    switch (by) {
    case APP_AVAIL_BY_ORGANISER: return "organiser";
    case APP_AVAIL_BY_IMPORT: return "import";
    case APP_AVAIL_BY_PERSON: break;
    }
    return "person";
}

int app_availability_replace(struct store *s, const char *actor, enum app_avail_setter by,
                             const char *person, const char *event, const char *const *away,
                             int away_n, struct arena *a, struct df_err *err)
{
    struct app_availability av;
    if (load_slots(s, person, event, a, &av, err) < 0)
        return -1;
    const char **set = arena_alloc(a, (size_t)(away_n > 0 ? away_n : 1) * sizeof *set);
    if (!set)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (away_n > av.slots_n) {
        df_err_set(err, DF_ERR_INPUT, "away: %d slot ids, but event \"%s\" has %d B2B slots",
                   away_n, av.event, av.slots_n);
        return df_err_code(err, "too_many_slots", "col", "away", "n", DF_NUM(away_n), "event",
                           av.event, "max", DF_NUM(av.slots_n), NULL);
    }
    int n = 0;
    for (int i = 0; i < away_n; i++) {
        const struct app_avail_slot *slot = slot_starting(&av, away[i]);
        if (!slot && !names_a_start(away[i]) && app_id_check("away", away[i], err) < 0)
            return -1;
        if (!slot && !(slot = find_slot(&av, away[i])))
            return not_a_slot(s, &av, away[i], err);
        bool seen = false;
        for (int j = 0; j < n && !seen; j++)
            seen = strcmp(set[j], slot->id) == 0;
        if (!seen)
            set[n++] = slot->id;
    }
    char detail[96];
    snprintf(detail, sizeof detail, "event %.40s: away in %d of %d B2B slots", av.event, n,
             av.slots_n);
    if (store_availability_set(s, av.person, av.event, set, n, setter_word(by), err) < 0 ||
        (actor && store_audit(s, actor, "availability.set", "person", av.person, detail, err) < 0))
        return -1;
    return 0;
}

struct conflicts {
    struct store *s;
    struct arena *a;
    const struct app_availability *av;
    struct app_avail_conflict *v;
    int n, cap;
    struct df_err *err;
};

static int on_meeting(void *ud, const struct store_meeting *m)
{
    struct conflicts *c = ud;
    const struct app_avail_slot *x = find_slot(c->av, m->slot);
    if (!x || x->available)
        return 0;
    struct store_request q;
    struct store_person other;
    if (make_room(c->a, (void **)&c->v, c->n, &c->cap, sizeof *c->v, c->err) < 0)
        return -1;
    if (store_request_get(c->s, m->request, c->a, &q, c->err) < 0)
        return -1;
    const char *with = strcmp(q.from, c->av->person) == 0 ? q.to : q.from;
    if (store_person_get(c->s, with, c->a, &other, c->err) < 0)
        return -1;
    c->v[c->n++] = (struct app_avail_conflict){
        .request = q.id, .slot = x->id, .starts_at = x->starts_at, .ends_at = x->ends_at,
        .with = other.id, .with_name = other.name};
    return 0;
}

int app_availability_set(struct store *s, const char *actor, enum app_avail_setter by,
                         const char *person, const char *event, const char *const *away,
                         int away_n, struct arena *a, struct app_availability *out,
                         struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (app_availability_replace(s, actor, by, person, event, away, away_n, a, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    if (load_slots(s, person, event, a, out, err) < 0)
        return -1;
    struct conflicts c = {.s = s, .a = a, .av = out, .err = err};
    if (store_meeting_each(s, out->event, out->person, on_meeting, &c, err) != 0)
        return -1;
    out->conflicts = c.v;
    out->conflicts_n = c.n;
    return 0;
}
