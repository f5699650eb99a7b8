/* An organiser moves one meeting (see move.h): the event loaded as a
 * schedule run loads it, what each slot and table holds found in one pass,
 * then each place judged by what is in its way. */
#include "app/move.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/interpreting.h"
#include "app/schedule_load.h"
#include "core/buf.h"
#include "core/date.h"
#include "io/ics.h"

/* The meeting's event as loaded, and what is in each slot for it. */
struct board {
    struct schedule_load l;
    struct store_event ev;
    struct store_meeting m;
    const struct store_slot *slots;
    const struct store_location *tables;
    int S, T;
    struct idmap six, tix;
    long long *start;           /* per slot: its instant */
    const char **table_by;      /* T*S: the other meeting at table t in slot k, or NULL */
    const char **person_by;     /* S: "NAME meets in REQUEST then", the first, or NULL */
    const char **away;          /* S: the name of one of its people marked away, or NULL */
    const char **interp_by;     /* S: the other meeting its interpreter is in, or NULL */
    const struct store_interpreter *iv;   /* its interpreter, or NULL */
    struct app_move_person *people;
    int people_n;
    int here_k, here_t;         /* where it is, -1 when not in a b2b slot or at no table */
};

/* The name of person id of the meeting (the id when not one of them). */
static const char *person_name(const struct board *b, const char *id)
{
    for (int i = 0; i < b->people_n; i++)
        if (strcmp(b->people[i].id, id) == 0)
            return b->people[i].name;
    return id;
}

/* The meeting's people, named, into b->people; -1 with err. */
static int load_people(struct store *s, struct board *b, const struct schedule_load_req *r,
                       struct arena *a, struct df_err *err)
{
    b->people = arena_alloc(a, ((size_t)r->attendees.n + 2) * sizeof *b->people);
    if (!b->people)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    for (int j = -2; j < r->attendees.n; j++) {
        struct store_person p;
        const char *id = schedule_load_req_person(r, j);
        bool dup = false;
        for (int i = 0; i < b->people_n; i++)
            dup |= strcmp(b->people[i].id, id) == 0;
        if (dup)
            continue;
        if (store_person_get(s, id, a, &p, err) < 0)
            return -1;
        b->people[b->people_n++] = (struct app_move_person){.id = p.id, .name = p.name,
                                                            .email = p.email};
    }
    return 0;
}

/* Marks what the other meetings hold in each slot: their tables, the
 * meeting's people, its interpreter. */
static void mark_meetings(struct board *b, const struct schedule_load_req *mine, struct arena *a)
{
    const struct schedule_load_mtg *mt = b->l.meets.data;
    const struct schedule_load_req *reqs = b->l.reqs.data;
    for (int i = 0; i < b->l.meets.n; i++) {
        if (strcmp(mt[i].request, b->m.request) == 0)
            continue;
        int k = idmap_get(&b->six, mt[i].slot);
        if (k < 0)
            continue;
        int t = mt[i].location ? idmap_get(&b->tix, mt[i].location) : -1;
        if (t >= 0 && !b->table_by[(size_t)t * b->S + k])
            b->table_by[(size_t)t * b->S + k] = mt[i].request;
        if (b->iv && mt[i].interpreter && strcmp(mt[i].interpreter, b->iv->id) == 0)
            b->interp_by[k] = mt[i].request;
        int q = idmap_get(&b->l.req_ix, mt[i].request);
        for (int j = -2; q >= 0 && j < reqs[q].attendees.n && !b->person_by[k]; j++) {
            const char *who = schedule_load_req_person(reqs + q, j);
            for (int x = -2; x < mine->attendees.n; x++)
                if (strcmp(who, schedule_load_req_person(mine, x)) == 0) {
                    b->person_by[k] = arena_printf(a, "%s meets in %s then",
                                                   person_name(b, who), mt[i].request);
                    break;
                }
        }
    }
}

/* Marks the slots one of the meeting's people is away in. */
static void mark_away(struct board *b, const struct schedule_load_req *mine)
{
    const char **un = b->l.unav.data;
    for (int i = 0; i < b->l.unav.n; i++) {
        int k = idmap_get(&b->six, un[2 * i + 1]);
        for (int x = -2; k >= 0 && x < mine->attendees.n && !b->away[k]; x++)
            if (strcmp(un[2 * i], schedule_load_req_person(mine, x)) == 0)
                b->away[k] = person_name(b, un[2 * i]);
    }
}

/* Loads meeting's event into b inside the caller's transaction (or read):
 * -1 with err. */
static int board_load(struct store *s, const char *meeting, struct arena *a, struct board *b,
                      struct df_err *err)
{
    memset(b, 0, sizeof *b);
    if (store_meeting_of_request(s, meeting, a, &b->m, err) < 0)
        return -1;
    schedule_load_init(&b->l, a, b->m.event);
    if (store_event_get(s, b->m.event, a, &b->ev, err) < 0 ||
        schedule_load_event(s, &b->l, err) < 0)
        return -1;
    int q = idmap_get(&b->l.req_ix, b->m.request);
    if (q < 0)
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s: its request is no longer accepted",
                          meeting);
    const struct schedule_load_req *mine = (const struct schedule_load_req *)b->l.reqs.data + q;
    b->slots = b->l.slots.data;
    b->tables = b->l.tables.data;
    b->S = b->l.slots.n;
    b->T = b->l.tables.n;
    size_t S = (size_t)b->S, T = (size_t)b->T;
    b->start = arena_alloc(a, (S + 1) * sizeof *b->start);
    b->table_by = arena_alloc(a, (T * S + 1) * sizeof *b->table_by);
    b->person_by = arena_alloc(a, (S + 1) * sizeof *b->person_by);
    b->away = arena_alloc(a, (S + 1) * sizeof *b->away);
    b->interp_by = arena_alloc(a, (S + 1) * sizeof *b->interp_by);
    if (!b->start || !b->table_by || !b->person_by || !b->away || !b->interp_by ||
        idmap_init(&b->six, a, S) < 0 || idmap_init(&b->tix, a, T) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    memset(b->table_by, 0, T * S * sizeof *b->table_by);
    memset(b->person_by, 0, S * sizeof *b->person_by);
    memset(b->away, 0, S * sizeof *b->away);
    memset(b->interp_by, 0, S * sizeof *b->interp_by);
    char zoned[32];
    for (int k = 0; k < b->S; k++) {
        idmap_put(&b->six, b->slots[k].id, k);
        /* a time that cannot be read (the programme refuses those) never opens */
        if (ics_zoned_time(b->ev.timezone, b->slots[k].starts_at, zoned, b->start + k) < 0)
            b->start[k] = 0;
    }
    for (int t = 0; t < b->T; t++)
        idmap_put(&b->tix, b->tables[t].id, t);
    const struct store_interpreter *ivs = b->l.interp.data;
    for (int i = 0; b->m.interpreter && i < b->l.interp.n; i++)
        if (strcmp(ivs[i].id, b->m.interpreter) == 0)
            b->iv = ivs + i;
    b->here_k = idmap_get(&b->six, b->m.slot);
    b->here_t = b->m.location ? idmap_get(&b->tix, b->m.location) : -1;
    if (load_people(s, b, mine, a, err) < 0)
        return -1;
    mark_meetings(b, mine, a);
    mark_away(b, mine);
    return 0;
}

/* Has the meeting begun by now (its slot's start, in its event's zone)? */
static bool meeting_has_begun(const struct board *b, long long now)
{
    char zoned[32];
    long long at = 0;
    return ics_zoned_time(b->ev.timezone, b->m.starts_at, zoned, &at) == 0 && at <= now;
}

/* What keeps the meeting out of slot k at table t at `now`, in words ("; "
 * between them, in a), or NULL when nothing does. */
static const char *in_the_way(const struct board *b, int k, int t, long long now,
                              struct arena *a)
{
    struct buf w;
    buf_init(&w, 4096);
    if (b->start[k] == 0 || b->start[k] <= now)
        buf_printf(&w, "; slot %s has begun", b->slots[k].id);
    const char *other = b->table_by[(size_t)t * b->S + k];
    if (other)
        buf_printf(&w, "; %s is taken then by %s", b->tables[t].name, other);
    if (b->person_by[k])
        buf_printf(&w, "; %s", b->person_by[k]);
    if (b->away[k])
        buf_printf(&w, "; %s is marked away then", b->away[k]);
    if (b->iv) {
        char pair[8];
        snprintf(pair, sizeof pair, "%.2s-%.2s", b->iv->lang_a, b->iv->lang_b);
        if (b->interp_by[k])
            buf_printf(&w, "; its interpreter %s interprets %s then", b->iv->id,
                        b->interp_by[k]);
        else if (!app_interpreter_serves(b->iv, pair, b->slots + k))
            buf_printf(&w, "; its interpreter %s does not work then", b->iv->id);
    }
    const char *why = w.len ? arena_strdup(a, w.data + 2) : NULL;
    buf_free(&w);
    return why;
}

/* Slot k at table t as agendas say it; false when out of memory. */
static bool place_of(const struct board *b, int k, int t, struct arena *a,
                     struct app_move_place *p)
{
    char start[32], end[32];
    if (ics_zoned_time(b->ev.timezone, b->slots[k].starts_at, start, NULL) < 0 ||
        ics_zoned_time(b->ev.timezone, b->slots[k].ends_at, end, NULL) < 0)
        start[0] = end[0] = '\0';
    *p = (struct app_move_place){.slot = b->slots[k].id, .start = arena_strdup(a, start),
                                 .end = arena_strdup(a, end), .location = b->tables[t].id,
                                 .location_name = b->tables[t].name};
    return p->start && p->end;
}

/* Where the meeting is, as agendas say it (its table may be none). */
static int here_of(const struct board *b, struct arena *a, struct app_move_place *p)
{
    char start[32] = "", end[32] = "";
    if (ics_zoned_time(b->ev.timezone, b->m.starts_at, start, NULL) < 0 ||
        ics_zoned_time(b->ev.timezone, b->m.ends_at, end, NULL) < 0)
        start[0] = end[0] = '\0';
    *p = (struct app_move_place){.slot = b->m.slot, .start = arena_strdup(a, start),
                                 .end = arena_strdup(a, end), .location = b->m.location,
                                 .location_name = b->m.location_name};
    return p->start && p->end ? 0 : -1;
}

/* The order of options (move.h): their sort keys. */
struct ranked {
    long key[4];
    int k, t;
};

static int by_rank(const void *x, const void *y)
{
    const struct ranked *p = x, *q = y;
    for (int i = 0; i < 4; i++)
        if (p->key[i] != q->key[i])
            return p->key[i] < q->key[i] ? -1 : 1;
    return 0;
}

/* The options, ranked, into out; -1 when out of memory. */
static int list_options(const struct board *b, long long now, struct arena *a,
                        struct app_meeting_moves *out)
{
    long here = date_wall_minutes(b->m.starts_at);
    size_t n = (size_t)b->S * (size_t)b->T;
    struct ranked *r = malloc((n + 1) * sizeof *r);
    if (!r)
        return -1;
    int rn = 0;
    for (int k = 0; k < b->S; k++)
        for (int t = 0; t < b->T; t++) {
            if ((k == b->here_k && t == b->here_t) || in_the_way(b, k, t, now, a))
                continue;
            long at = date_wall_minutes(b->slots[k].starts_at), d = at - here;
            r[rn++] = (struct ranked){
                .key = {at / 1440 != here / 1440, labs(d) * 2 + (d < 0), t != b->here_t, t},
                .k = k, .t = t};
        }
    qsort(r, (size_t)rn, sizeof *r, by_rank);
    out->options = arena_alloc(a, ((size_t)rn + 1) * sizeof *out->options);
    int rc = out->options ? 0 : -1;
    for (int i = 0; rc == 0 && i < rn; i++)
        if (!place_of(b, r[i].k, r[i].t, a, out->options + i))
            rc = -1;
    out->options_n = rc == 0 ? rn : 0;
    free(r);
    return rc;
}

/* The meeting of b into out: where it is, its people. */
static int describe(const struct board *b, struct arena *a, struct app_meeting_moves *out,
                    struct df_err *err)
{
    memset(out, 0, sizeof *out);
    *out = (struct app_meeting_moves){.meeting = b->m.id, .event = b->m.event,
                                      .interpreter = b->m.interpreter,
                                      .sequence = b->m.sequence, .people = b->people,
                                      .people_n = b->people_n};
    if (here_of(b, a, &out->at) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    return 0;
}

int app_meeting_moves(struct store *s, const char *meeting, long long now, struct arena *a,
                      struct app_meeting_moves *out, struct df_err *err)
{
    /* read outside a transaction: a list the move itself checks again */
    struct board b;
    if (board_load(s, meeting, a, &b, err) < 0 || describe(&b, a, out, err) < 0)
        return -1;
    if (meeting_has_begun(&b, now))
        return 0;   /* nowhere to go: it has begun */
    if (list_options(&b, now, a, out) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    return 0;
}

/* Whether b's meeting may go to slot at location at `now`: 0, or -1 with
 * err saying what is in the way; *k and *t get them. */
static int check_move(const struct board *b, const char *slot, const char *location,
                      long long now, struct arena *a, int *k, int *t, struct df_err *err)
{
    *k = idmap_get(&b->six, slot);
    *t = idmap_get(&b->tix, location);
    if (*k < 0)
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not a B2B slot of event %s", slot,
                          b->m.event);
    if (*t < 0)
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not a table of event %s", location,
                          b->m.event);
    if (meeting_has_begun(b, now))
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s has begun: it stays where it is",
                          b->m.id);
    if (*k == b->here_k && *t == b->here_t)
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s is in slot %s at %s already",
                          b->m.id, slot, b->tables[*t].name);
    const char *why = in_the_way(b, *k, *t, now, a);
    if (why)
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s cannot move to slot %s at %s: %s",
                          b->m.id, slot, b->tables[*t].name, why);
    return 0;
}

int app_meeting_move(struct store *s, const char *login, const char *meeting, const char *slot,
                     const char *location, long long now, struct arena *a,
                     struct app_meeting_moves *out, struct df_err *err)
{
    struct board b;
    int k, t;
    if (store_begin(s, err) < 0)
        return -1;
    if (board_load(s, meeting, a, &b, err) < 0 ||
        check_move(&b, slot, location, now, a, &k, &t, err) < 0)
        goto fail;
    struct app_move_place was;
    if (here_of(&b, a, &was) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
        goto fail;
    }
    const char *detail = arena_printf(a, "from %s at %s to %s at %s", b.m.slot,
                                      b.m.location ? b.m.location : "no table", slot, location);
    if (!detail) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
        goto fail;
    }
    if (store_meeting_move(s, b.m.request, slot, location, err) < 0 ||
        store_audit(s, login, "meeting.move", "meeting", b.m.id, detail, err) < 0 ||
        store_meeting_of_request(s, b.m.request, a, &b.m, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    if (describe(&b, a, out, err) < 0)
        return -1;
    out->was = was;
    return 0;
fail:
    store_rollback(s);
    return -1;
}
