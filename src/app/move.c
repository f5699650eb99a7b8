/* An organiser moves one meeting (see move.h): the event loaded as a
 * schedule run loads it, what each slot and table holds found in one pass,
 * then each place judged by what is in its way. */
#include "app/move.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/interpreting.h"
#include "app/mail_meetings.h"
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
    const unsigned char *table_off;   /* T*S: table t out of use in slot k (migration 56) */
    const char **person_by;     /* S: the other meeting one of its people is in, the first, or NULL */
    const char **person_who;    /* S: that person's name */
    const char **away;          /* S: the name of one of its people marked away, or NULL */
    const char **interp_by;     /* S: the other meeting its interpreter is in, or NULL */
    const struct store_interpreter *iv;   /* its interpreter, or NULL */
    struct app_move_person *people;
    int people_n;
    int here_k, here_t;         /* where it is, -1 when not in a b2b slot or at no table */
    /* a request not yet placed (app_request_free_times): the table its people's
     * booth is, -1 when none, and when they share no language the pair they
     * need and per slot an interpreter of it free then, or NULL */
    int booth_t;
    /* held by video (a hybrid forum): a meeting in a video room (no table),
     * or a request one of whose people takes part online; it needs no table,
     * and t == T stands for "online" where a table index is asked */
    bool online;
    bool anyone_online;         /* one of its people takes part online */
    /* where an organiser's move may take the meeting: a free table (an
     * online meeting too, though one of its people takes part online: she
     * may have come after all, as the move itself allows), and online when
     * to_online (it is held so, or the event names a video service to hold
     * it in) */
    bool to_online;
    const char *pair;
    const char **interp_free;
    /* what every marking reads, found once per loaded board (board_index):
     * per meeting its slot, table and request by index (-1 when none), and
     * people by index, so that marking the board for each of many requests
     * compares numbers instead of looking up strings */
    struct idmap pix;           /* person id -> index */
    int *meet_k, *meet_t, *meet_q;   /* per meeting */
    int *req_off, *req_people;  /* request q's people: req_people[req_off[q]..req_off[q+1]) */
    int *away_k, *away_p;       /* per unavailability row: its slot and person */
    int *mine_p;                /* the marked request's people by index (-1 unknown) */
    int mine_n;
    /* whom what is in the way is said to: a person, whose own meetings
     * alone are named (move.h); NULL an organiser, who reads every one */
    const char *viewer;
};

/* Boards loaded in the process (app_board_loads). */
static atomic_ulong board_loads;

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
                                                            .email = p.email,
                                                            .languages = p.languages};
        b->anyone_online |= p.attendance && strcmp(p.attendance, "online") == 0;
        /* the scheduler's booth rule: the first of its people with a booth hosts */
        int t = p.booth ? idmap_get(&b->tix, p.booth) : -1;
        if (b->booth_t < 0 && t >= 0)
            b->booth_t = t;
    }
    return 0;
}

/* Whether person index p is one of the marked request's people. */
static bool is_mine(const struct board *b, int p)
{
    for (int x = 0; p >= 0 && x < b->mine_n; x++)
        if (b->mine_p[x] == p)
            return true;
    return false;
}

/* Marks what the other meetings hold in each slot: their tables, the
 * meeting's people, its interpreter. own is the marked request's index among
 * the accepted ones, -1 when it is not one of them. */
static void mark_meetings(struct board *b, int own)
{
    const struct schedule_load_mtg *mt = b->l.meets.data;
    for (int i = 0; i < b->l.meets.n; i++) {
        int q = b->meet_q[i];
        if (q >= 0 ? q == own : strcmp(mt[i].request, b->m.request) == 0)
            continue;
        int k = b->meet_k[i];
        if (k < 0)
            continue;
        int t = b->meet_t[i];
        if (t >= 0 && !b->table_by[(size_t)t * b->S + k])
            b->table_by[(size_t)t * b->S + k] = mt[i].request;
        if (b->iv && mt[i].interpreter && strcmp(mt[i].interpreter, b->iv->id) == 0)
            b->interp_by[k] = mt[i].request;
        for (int j = q >= 0 ? b->req_off[q] : 0; q >= 0 && j < b->req_off[q + 1] && !b->person_by[k]; j++)
            if (is_mine(b, b->req_people[j])) {
                const struct schedule_load_req *r = (const struct schedule_load_req *)b->l.reqs.data + q;
                b->person_by[k] = mt[i].request;
                b->person_who[k] = person_name(b, schedule_load_req_person(r, j - b->req_off[q] - 2));
            }
    }
}

/* Marks the slots one of the meeting's people is away in. */
static void mark_away(struct board *b)
{
    const char **un = b->l.unav.data;
    for (int i = 0; i < b->l.unav.n; i++) {
        int k = b->away_k[i];
        if (k >= 0 && !b->away[k] && is_mine(b, b->away_p[i]))
            b->away[k] = person_name(b, un[2 * i]);
    }
}

/* Pending requests' attendees, read into their loads as a schedule run
 * reads an accepted one's: ix maps a request's id to its index in r. */
struct pending_attendees {
    struct schedule_load_req *r;
    struct idmap ix;
    struct arena *a;
    int oom;
};

static int on_pending_attendee(void *ud, const char *request, const char *person)
{
    struct pending_attendees *k = ud;
    int i = idmap_get(&k->ix, request);
    if (i < 0)
        return 0;
    const char **c = idmap_vec_push(&k->r[i].attendees, k->a);
    if (!c || !(*c = arena_strdup(k->a, person)))
        return k->oom = 1;
    return 0;
}

/* The n pending requests rs of event (not among the accepted ones a schedule
 * run loads) into out[0..n), each with its attendees, in one pass over the
 * event's attendees: -1 with err. */
static int load_pending(struct store *s, const char *event,
                        const struct store_request *const *rs, int n,
                        struct schedule_load_req *out, struct arena *a, struct df_err *err)
{
    struct pending_attendees k = {.r = out, .a = a};
    if (idmap_init(&k.ix, a, (size_t)n) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing free times");
    for (int i = 0; i < n; i++) {
        out[i] = (struct schedule_load_req){.id = rs[i]->id, .from = rs[i]->from,
                                            .to = rs[i]->to, .priority = rs[i]->priority};
        out[i].attendees.size = sizeof(const char *);
        idmap_put(&k.ix, rs[i]->id, i);
    }
    if (store_attendee_each(s, event, on_pending_attendee, &k, err) < 0)
        return -1;
    if (k.oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing free times");
    return 0;
}

/* The index of person id, put in b->pix when new (n counts them). */
static int person_ix(struct board *b, const char *id, int *n)
{
    int p = idmap_get(&b->pix, id);
    if (p < 0)
        idmap_put(&b->pix, id, p = (*n)++);
    return p;
}

/* What every marking of the loaded board b reads, by index (struct board):
 * -1 with err when memory ran out. */
static int board_index(struct arena *a, struct board *b, struct df_err *err)
{
    const struct schedule_load_mtg *mt = b->l.meets.data;
    const struct schedule_load_req *reqs = b->l.reqs.data;
    const char **un = b->l.unav.data;
    size_t M = (size_t)b->l.meets.n, R = (size_t)b->l.reqs.n, U = (size_t)b->l.unav.n;
    size_t people = U;
    for (size_t q = 0; q < R; q++)
        people += 2 + (size_t)reqs[q].attendees.n;
    b->meet_k = arena_alloc(a, (M + 1) * sizeof *b->meet_k);
    b->meet_t = arena_alloc(a, (M + 1) * sizeof *b->meet_t);
    b->meet_q = arena_alloc(a, (M + 1) * sizeof *b->meet_q);
    b->req_off = arena_alloc(a, (R + 1) * sizeof *b->req_off);
    b->req_people = arena_alloc(a, (people - U + 1) * sizeof *b->req_people);
    b->away_k = arena_alloc(a, (U + 1) * sizeof *b->away_k);
    b->away_p = arena_alloc(a, (U + 1) * sizeof *b->away_p);
    if (!b->meet_k || !b->meet_t || !b->meet_q || !b->req_off || !b->req_people || !b->away_k ||
        !b->away_p || idmap_init(&b->pix, a, people) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    int n = 0, j = 0;
    for (size_t q = 0; q < R; q++) {
        b->req_off[q] = j;
        for (int x = -2; x < reqs[q].attendees.n; x++)
            b->req_people[j++] = person_ix(b, schedule_load_req_person(reqs + q, x), &n);
    }
    b->req_off[R] = j;
    for (size_t i = 0; i < M; i++) {
        b->meet_k[i] = idmap_get(&b->six, mt[i].slot);
        b->meet_t[i] = mt[i].location ? idmap_get(&b->tix, mt[i].location) : -1;
        b->meet_q[i] = idmap_get(&b->l.req_ix, mt[i].request);
    }
    for (size_t i = 0; i < U; i++) {
        b->away_k[i] = idmap_get(&b->six, un[2 * i + 1]);
        b->away_p[i] = person_ix(b, un[2 * i], &n);
    }
    return 0;
}

/* Loads the event b->m.event (with its slots and tables indexed, and room
 * for what is in each slot) into b, which is otherwise zero, inside the
 * caller's transaction (or read): -1 with err. */
static int board_load_shared(struct store *s, struct arena *a, struct board *b,
                             struct df_err *err)
{
    schedule_load_init(&b->l, a, b->m.event);
    if (store_event_get(s, b->m.event, a, &b->ev, err) < 0 ||
        schedule_load_event(s, &b->l, err) < 0)
        return -1;
    b->slots = b->l.slots.data;
    b->tables = b->l.tables.data;
    b->S = b->l.slots.n;
    b->T = b->l.tables.n;
    size_t S = (size_t)b->S, T = (size_t)b->T;
    b->start = arena_alloc(a, (S + 1) * sizeof *b->start);
    b->table_by = arena_alloc(a, (T * S + 1) * sizeof *b->table_by);
    b->person_by = arena_alloc(a, (S + 1) * sizeof *b->person_by);
    b->person_who = arena_alloc(a, (S + 1) * sizeof *b->person_who);
    b->away = arena_alloc(a, (S + 1) * sizeof *b->away);
    b->interp_by = arena_alloc(a, (S + 1) * sizeof *b->interp_by);
    b->table_off = schedule_load_tables_off(&b->l, b->ev.timezone, a);
    if (!b->start || !b->table_by || !b->person_by || !b->person_who || !b->away ||
        !b->interp_by || !b->table_off ||
        idmap_init(&b->six, a, S) < 0 || idmap_init(&b->tix, a, T) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    char zoned[32];
    for (int k = 0; k < b->S; k++) {
        idmap_put(&b->six, b->slots[k].id, k);
        /* a time that cannot be read (the programme refuses those) never opens */
        if (ics_zoned_time(b->ev.timezone, b->slots[k].starts_at, zoned, b->start + k) < 0)
            b->start[k] = 0;
    }
    for (int t = 0; t < b->T; t++)
        idmap_put(&b->tix, b->tables[t].id, t);
    return board_index(a, b, err);
}

/* What is in the way of b->m (its request mine; its slot, table and
 * interpreter when it has a meeting) in each slot, over what an earlier
 * request of the same loaded event left: -1 with err. */
static int board_mark(struct store *s, const struct schedule_load_req *mine, struct arena *a,
                      struct board *b, struct df_err *err)
{
    size_t S = (size_t)b->S, T = (size_t)b->T;
    memset(b->table_by, 0, T * S * sizeof *b->table_by);
    memset(b->person_by, 0, S * sizeof *b->person_by);
    memset(b->away, 0, S * sizeof *b->away);
    memset(b->interp_by, 0, S * sizeof *b->interp_by);
    b->booth_t = -1;
    b->people_n = 0;
    b->iv = NULL;
    b->pair = NULL;
    b->interp_free = NULL;
    const struct store_interpreter *ivs = b->l.interp.data;
    for (int i = 0; b->m.interpreter && i < b->l.interp.n; i++)
        if (strcmp(ivs[i].id, b->m.interpreter) == 0)
            b->iv = ivs + i;
    b->here_k = b->m.slot ? idmap_get(&b->six, b->m.slot) : -1;
    b->here_t = b->m.location ? idmap_get(&b->tix, b->m.location) : -1;
    b->anyone_online = false;
    if (load_people(s, b, mine, a, err) < 0)
        return -1;
    /* a meeting keeps how it is held (at its table, or online in its room:
     * one with neither lost its table); one not placed yet is held online
     * when one of its people takes part so */
    b->online = b->m.slot ? b->m.online : b->anyone_online;
    if (b->online)
        b->here_t = b->T;
    b->to_online = b->online || b->ev.video_url;
    b->mine_n = 0;
    b->mine_p = arena_alloc(a, ((size_t)mine->attendees.n + 2) * sizeof *b->mine_p);
    if (!b->mine_p)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    for (int x = -2; x < mine->attendees.n; x++)
        b->mine_p[b->mine_n++] = idmap_get(&b->pix, schedule_load_req_person(mine, x));
    mark_meetings(b, idmap_get(&b->l.req_ix, b->m.request));
    mark_away(b);
    return 0;
}

static int board_shared(struct store *s, const char *event, struct arena *scratch,
                        struct board *b, struct df_err *err);
static int board_mark_own(struct store *s, const struct store_request *pending,
                          struct arena *a, struct board *b, struct df_err *err);

/* Loads the event of b->m (its request and event set; its slot, table and
 * interpreter when it has a meeting) into b inside the caller's transaction
 * (or read): the thread's kept board while nothing changed (board_shared),
 * else read into a; pending, when not NULL, is b->m's request not yet
 * accepted: -1 with err. */
static int board_load_event(struct store *s, const struct store_request *pending,
                            struct arena *a, struct board *b, struct df_err *err)
{
    struct store_meeting m = b->m;   /* the thread's kept board comes without it */
    if (board_shared(s, m.event, a, b, err) < 0)
        return -1;
    b->m = m;
    return board_mark_own(s, pending, a, b, err);
}

/* Marks loaded board b for b->m (as board_load_event): its request
 * accepted, or pending when not NULL, else DF_ERR_CONFLICT. -1 with err. */
static int board_mark_own(struct store *s, const struct store_request *pending,
                          struct arena *a, struct board *b, struct df_err *err)
{
    int q = idmap_get(&b->l.req_ix, b->m.request);
    struct schedule_load_req own;
    const struct schedule_load_req *mine = NULL;
    if (q >= 0) {
        mine = (const struct schedule_load_req *)b->l.reqs.data + q;
    } else if (pending) {
        if (load_pending(s, b->m.event, &pending, 1, &own, a, err) < 0)
            return -1;
        mine = &own;
    } else if (q < 0) {
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s: its request is no longer accepted",
                          b->m.request);
    }
    return board_mark(s, mine, a, b, err);
}

/* Loads meeting's event into b inside the caller's transaction (or read):
 * the meeting itself (b->m) in a, the rest of the board in scratch (the
 * board of a forum of thousands is megabytes: 10,000 people's went past an
 * HTTP request's arena). -1 with err. */
static int board_load(struct store *s, const char *meeting, struct arena *a,
                      struct arena *scratch, struct board *b, struct df_err *err)
{
    memset(b, 0, sizeof *b);
    if (store_meeting_of_request(s, meeting, a, &b->m, err) < 0)
        return -1;
    return board_load_event(s, NULL, scratch, b, err);
}

/* Has the meeting begun by now (its slot's start, in its event's zone)? */
static bool meeting_has_begun(const struct board *b, long long now)
{
    char zoned[32];
    long long at = 0;
    return ics_zoned_time(b->ev.timezone, b->m.starts_at, zoned, &at) == 0 && at <= now;
}

/* Other meeting (its request's id) as what is in the way names it to
 * b->viewer: its id when she reads every one (an organiser) or is one of
 * its people; else NULL, "another meeting". */
static const char *named(const struct board *b, const char *other)
{
    if (!b->viewer)
        return other;
    int q = idmap_get(&b->l.req_ix, other), p = idmap_get(&b->pix, b->viewer);
    for (int j = q >= 0 && p >= 0 ? b->req_off[q] : 0; q >= 0 && p >= 0 && j < b->req_off[q + 1];
         j++)
        if (b->req_people[j] == p)
            return other;
    return NULL;
}

/* Adds what is in the way (code, its values: up to two names and values)
 * to w, its English in a; a w full or NULL takes nothing. */
static void why_add(struct app_whys *w, struct arena *a, const char *message, const char *code,
                    const char *n1, const char *v1, const char *n2, const char *v2)
{
    if (!w || w->n == APP_WHYS_MAX)
        return;
    struct app_why *y = &w->v[w->n++];
    *y = (struct app_why){.code = code, .message = arena_strdup(a, message)};
    if (n1)
        y->name[y->values_n] = n1, y->value[y->values_n++] = v1;
    if (n2)
        y->name[y->values_n] = n2, y->value[y->values_n++] = v2;
}

/* One thing in the way: its English after "; " in words, and into why; with
 * no arena, only that something is (is_blocked). */
#define IN_THE_WAY(code, n1, v1, n2, v2, ...)                                            \
    do {                                                                                 \
        if (!a)                                                                          \
            return "in the way";                                                         \
        size_t at_ = words.len + 2;                                                      \
        if (buf_printf(&words, "; " __VA_ARGS__) == 0)                                   \
            why_add(why, a, words.data + at_, code, n1, v1, n2, v2);                     \
    } while (0)

/* What keeps the meeting out of slot k at table t (-1: at any table) at `now`, in words ("; "
 * between them, in a), or NULL when nothing does; each thing also into why
 * when not NULL. With a NULL, nothing is written out: the first thing found
 * says that the place is taken (is_blocked). */
static const char *in_the_way(const struct board *b, int k, int t, long long now,
                              struct arena *a, struct app_whys *why)
{
    struct buf words;
    buf_init(&words, 4096);
    if (b->start[k] == 0 || b->start[k] <= now)
        IN_THE_WAY("slot_begun", "slot", b->slots[k].id, NULL, NULL, "slot %s has begun",
                   b->slots[k].id);
    if (t >= 0 && b->table_off[(size_t)t * b->S + k])
        IN_THE_WAY("table_out", "table", b->tables[t].name, NULL, NULL,
                   "%s is out of use then", b->tables[t].name);
    /* another's meeting unnamed to a participant (named) */
    const char *other = t >= 0 ? b->table_by[(size_t)t * b->S + k] : NULL, *said;
    if (other && (said = named(b, other)))
        IN_THE_WAY("table_taken", "table", b->tables[t].name, "request", said,
                   "%s is taken then by %s", b->tables[t].name, said);
    else if (other)
        IN_THE_WAY("table_taken", "table", b->tables[t].name, NULL, NULL,
                   "%s is taken then by another meeting", b->tables[t].name);
    if (b->person_by[k] && (said = named(b, b->person_by[k])))
        IN_THE_WAY("person_meets", "person", b->person_who[k], "request", said,
                   "%s meets in %s then", b->person_who[k], said);
    else if (b->person_by[k])
        IN_THE_WAY("person_meets", "person", b->person_who[k], NULL, NULL,
                   "%s meets in another meeting then", b->person_who[k]);
    if (b->away[k])
        IN_THE_WAY("person_away", "person", b->away[k], NULL, NULL, "%s is marked away then",
                   b->away[k]);
    if (b->pair && !b->interp_free[k])
        IN_THE_WAY("no_interpreter_free", "pair", b->pair, NULL, NULL,
                   "no %s interpreter is free then", b->pair);
    if (b->iv) {
        char pair[8];
        snprintf(pair, sizeof pair, "%.2s-%.2s", b->iv->lang_a, b->iv->lang_b);
        if (b->interp_by[k] && (said = named(b, b->interp_by[k])))
            IN_THE_WAY("interpreter_busy", "interpreter", b->iv->id, "request", said,
                       "its interpreter %s interprets %s then", b->iv->id, said);
        else if (b->interp_by[k])
            IN_THE_WAY("interpreter_busy", "interpreter", b->iv->id, NULL, NULL,
                       "its interpreter %s interprets another meeting then", b->iv->id);
        else if (!app_interpreter_serves(b->iv, pair, b->slots + k))
            IN_THE_WAY("interpreter_off", "interpreter", b->iv->id, NULL, NULL,
                       "its interpreter %s does not work then", b->iv->id);
    }
    const char *text = words.len ? arena_strdup(a, words.data + 2) : NULL;
    buf_free(&words);
    return text;
}

/* The things in w copied into a, out of the board's arena about to go;
 * those that cannot be (out of memory) left out. */
static void whys_keep(struct app_whys *w, struct arena *a)
{
    for (int i = 0; w && i < w->n; i++) {
        struct app_why *y = &w->v[i];
        bool kept = (y->message = arena_strdup(a, y->message)) != NULL;
        for (int j = 0; kept && j < y->values_n; j++)
            kept = !y->value[j] || (y->value[j] = arena_strdup(a, y->value[j])) != NULL;
        if (!kept) {
            w->n = i;
            return;
        }
    }
}

/* Whether anything keeps the meeting out of slot k at table t at `now`:
 * in_the_way's tests, none written out (the free times ask it of every
 * slot and table). */
static bool is_blocked(const struct board *b, int k, int t, long long now)
{
    return in_the_way(b, k, t, now, NULL, NULL) != NULL;
}

/* Slot k at table t as agendas say it, every string in a (the board may
 * be in another arena); false when out of memory. */
static bool place_of(const struct board *b, int k, int t, struct arena *a,
                     struct app_move_place *p)
{
    char start[32], end[32];
    if (ics_zoned_time(b->ev.timezone, b->slots[k].starts_at, start, NULL) < 0 ||
        ics_zoned_time(b->ev.timezone, b->slots[k].ends_at, end, NULL) < 0)
        start[0] = end[0] = '\0';
    bool table = t < b->T;   /* else online, without one */
    *p = (struct app_move_place){.slot = arena_strdup(a, b->slots[k].id),
                                 .start = arena_strdup(a, start), .end = arena_strdup(a, end),
                                 .location = table ? arena_strdup(a, b->tables[t].id) : NULL,
                                 .location_name = table ? arena_strdup(a, b->tables[t].name) : NULL,
                                 .online = !table};
    return p->slot && p->start && p->end && (!table || (p->location && p->location_name));
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
                                 .location_name = b->m.location_name, .online = b->online};
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

/* The options, ranked, into out (only slot only_k's, -1: every slot's);
 * -1 when out of memory. */
static int list_options(const struct board *b, long long now, int only_k, struct arena *a,
                        struct app_meeting_moves *out)
{
    long here = date_wall_minutes(b->m.starts_at);
    size_t n = (size_t)b->S * ((size_t)b->T + 1);
    struct ranked *r = malloc((n + 1) * sizeof *r);
    if (!r)
        return -1;
    int rn = 0;
    for (int k = 0; k < b->S; k++)
        for (int t = 0; (only_k < 0 || k == only_k) && t < b->T + b->to_online; t++) {
            /* online: one option a slot, its people's time alone judged */
            if ((k == b->here_k && t == b->here_t) || is_blocked(b, k, t < b->T ? t : -1, now))
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

struct app_move_person *app_move_people_copy(const struct app_move_person *people, int n,
                                             struct arena *a)
{
    struct app_move_person *c = arena_alloc(a, ((size_t)n + 1) * sizeof *c);
    for (int i = 0; c && i < n; i++) {
        const struct app_move_person *p = people + i;
        c[i] = (struct app_move_person){
            .id = arena_strdup(a, p->id), .name = arena_strdup(a, p->name),
            .email = p->email ? arena_strdup(a, p->email) : NULL,
            .languages = p->languages ? arena_strdup(a, p->languages) : NULL};
        if (!c[i].id || !c[i].name || (p->email && !c[i].email) ||
            (p->languages && !c[i].languages))
            return NULL;
    }
    return c;
}

/* The meeting of b into out: where it is, its people, every string in a
 * (b->m's are; its people are copied out of the board's arena). */
static int describe(const struct board *b, struct arena *a, struct app_meeting_moves *out,
                    struct df_err *err)
{
    memset(out, 0, sizeof *out);
    struct app_move_person *people = app_move_people_copy(b->people, b->people_n, a);
    *out = (struct app_meeting_moves){.meeting = b->m.id, .event = b->m.event,
                                      .interpreter = b->m.interpreter, .online = b->online,
                                      .sequence = b->m.sequence, .people = people,
                                      .people_n = b->people_n};
    if (!people || here_of(b, a, &out->at) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    return 0;
}

/* The meeting of marked board b and its options at `now` into out (in a;
 * same_slot: only those in its own slot): none once it has begun. -1 with
 * err. */
static int moves_of(const struct board *b, long long now, bool same_slot, struct arena *a,
                    struct app_meeting_moves *out, struct df_err *err)
{
    if (describe(b, a, out, err) < 0)
        return -1;
    if (meeting_has_begun(b, now))
        return 0;   /* nowhere to go: it has begun */
    if (same_slot && b->here_k < 0)
        return 0;   /* in no b2b slot of its event: no place at its time */
    if (list_options(b, now, same_slot ? b->here_k : -1, a, out) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
    return 0;
}

int app_meeting_moves(struct store *s, const char *meeting, long long now, struct arena *a,
                      struct app_meeting_moves *out, struct df_err *err)
{
    /* read outside a transaction: a list the move itself checks again */
    struct arena scratch;
    arena_init(&scratch, 0);
    struct board b;
    int rc = board_load(s, meeting, a, &scratch, &b, err) < 0 ? -1
             : moves_of(&b, now, false, a, out, err);
    arena_free(&scratch);
    return rc;
}

/* An event's board held by the caller through its transaction (move.h):
 * loaded once, its meetings' places written in as they move. */
struct app_board {
    struct arena a;   /* the board's */
    struct board b;
    struct idmap mix;   /* a meeting's request id -> its index in b.l.meets */
};

int app_board_open(struct store *s, const char *event, struct app_board **out,
                   struct df_err *err)
{
    struct app_board *h = calloc(1, sizeof *h);
    *out = NULL;
    if (!h)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    arena_init(&h->a, 0);
    atomic_fetch_add(&board_loads, 1);
    const struct schedule_load_mtg *mt;
    if (!(h->b.m.event = arena_strdup(&h->a, event))) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
        goto fail;
    }
    if (board_load_shared(s, &h->a, &h->b, err) < 0)
        goto fail;
    mt = h->b.l.meets.data;
    if (idmap_init(&h->mix, &h->a, (size_t)h->b.l.meets.n) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
        goto fail;
    }
    for (int i = 0; i < h->b.l.meets.n; i++)
        idmap_put(&h->mix, mt[i].request, i);
    *out = h;
    return 0;
fail:
    app_board_free(h);
    return -1;
}

void app_board_free(struct app_board *h)
{
    if (!h)
        return;
    arena_free(&h->a);
    free(h);
}

int app_board_meeting_moves(struct app_board *h, struct store *s, const char *meeting,
                            long long now, bool same_slot, struct arena *a,
                            struct app_meeting_moves *out, struct df_err *err)
{
    struct arena scratch;   /* what marking it for this meeting takes */
    arena_init(&scratch, 0);
    struct board b = h->b;   /* its arrays shared: each marking clears what it writes */
    int rc = -1;
    if (store_meeting_of_request(s, meeting, a, &b.m, err) < 0)
        goto out;
    if (strcmp(b.m.event, h->b.m.event) != 0) {
        df_err_set(err, DF_ERR_INPUT, "meeting %s is not of event %s", meeting, h->b.m.event);
        goto out;
    }
    if (board_mark_own(s, NULL, &scratch, &b, err) < 0)
        goto out;
    rc = moves_of(&b, now, same_slot, a, out, err);
out:
    arena_free(&scratch);
    return rc;
}

int app_board_moved(struct app_board *h, struct store *s, const char *meeting,
                    struct df_err *err)
{
    struct arena scratch;
    arena_init(&scratch, 0);
    struct store_meeting m;
    int rc = -1;
    if (store_meeting_of_request(s, meeting, &scratch, &m, err) < 0)
        goto out;
    int i = idmap_get(&h->mix, meeting);
    if (i < 0) {
        df_err_set(err, DF_ERR_INPUT, "meeting %s is not on event %s's board", meeting,
                   h->b.m.event);
        goto out;
    }
    struct schedule_load_mtg *mt = (struct schedule_load_mtg *)h->b.l.meets.data + i;
    /* its strings into the board's arena: tens of moves add little */
    const char *slot = arena_strdup(&h->a, m.slot);
    const char *location = m.location ? arena_strdup(&h->a, m.location) : NULL;
    const char *interpreter = m.interpreter ? arena_strdup(&h->a, m.interpreter) : NULL;
    if (!slot || (m.location && !location) || (m.interpreter && !interpreter)) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
        goto out;
    }
    mt->slot = slot;
    mt->location = location;
    mt->interpreter = interpreter;
    mt->locked = m.locked;
    mt->online = m.online;
    h->b.meet_k[i] = idmap_get(&h->b.six, slot);
    h->b.meet_t[i] = location ? idmap_get(&h->b.tix, location) : -1;
    rc = 0;
out:
    arena_free(&scratch);
    return rc;
}

int app_meeting_person_fits(struct store *s, const char *meeting, const char *person,
                            const char *viewer, long long now, struct arena *a,
                            const char **why, struct app_whys *whys, struct df_err *err)
{
    struct arena scratch;   /* the board's: only what is said is in a */
    arena_init(&scratch, 0);
    struct board b;
    int rc = -1;
    *why = NULL;
    if (whys)
        whys->n = 0;
    if (board_load(s, meeting, a, &scratch, &b, err) < 0)
        goto out;
    rc = 0;
    if (b.here_k < 0)
        goto out;   /* in no b2b slot: nothing of hers to judge there */
    /* only her: the meeting's other people were judged as it was placed,
     * and its interpreter is not hers to find */
    b.viewer = viewer;
    b.mine_p[0] = idmap_get(&b.pix, person);
    b.mine_n = 1;
    memset(b.person_by, 0, (size_t)b.S * sizeof *b.person_by);
    memset(b.away, 0, (size_t)b.S * sizeof *b.away);
    b.iv = NULL;
    b.pair = NULL;
    mark_meetings(&b, idmap_get(&b.l.req_ix, b.m.request));
    mark_away(&b);
    *why = in_the_way(&b, b.here_k, -1, now, a, whys);
    whys_keep(whys, a);   /* their values are the board's, in scratch */
    rc = *why != NULL;
out:
    arena_free(&scratch);
    return rc;
}

/* Whether b's meeting may go to slot at location (to_online: online, location
 * NULL) at `now`: 0, or -1 with err saying what is in the way; *k and *t get
 * them. */
static int check_move(const struct board *b, const char *slot, const char *location,
                      bool to_online, long long now, struct arena *a, int *k, int *t,
                      struct app_whys *why, struct df_err *err)
{
    *k = idmap_get(&b->six, slot);
    /* no location: online, where one held by video stays and one at a table
     * goes when asked; a table seats one held online there (its person came
     * after all) */
    *t = location ? idmap_get(&b->tix, location) : to_online || b->online ? b->T : -1;
    if (*k < 0)
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not a B2B slot of event %s", slot,
                          b->m.event);
    if (location && to_online)
        return df_err_set(err, DF_ERR_INPUT, "a move goes to a table (location) or online, "
                          "not both");
    if (!location && *t < 0)
        return df_err_set(err, DF_ERR_INPUT, "meeting %s is held at a table: location must "
                          "name one, or online be true to hold it by video", b->m.id);
    if (*t < 0)
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not a table of event %s", location,
                          b->m.event);
    if (*t == b->T && !b->online && !b->ev.video_url) {
        df_err_set(err, DF_ERR_CONFLICT, "event %s names no video service to hold meeting %s "
                   "online: set the event's video_url first", b->m.event, b->m.id);
        return df_err_code(err, "no_video_service", "event", b->m.event, NULL);
    }
    if (meeting_has_begun(b, now))
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s has begun: it stays where it is",
                          b->m.id);
    const char *where = *t < b->T ? b->tables[*t].name : "online";
    if (*k == b->here_k && *t == b->here_t)
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s is in slot %s %s%s already",
                          b->m.id, slot, *t < b->T ? "at " : "", where);
    const char *words = in_the_way(b, *k, *t < b->T ? *t : -1, now, a, why);
    if (words)
        return df_err_set(err, DF_ERR_CONFLICT, "meeting %s cannot move to slot %s %s%s: %s",
                          b->m.id, slot, *t < b->T ? "at " : "", where, words);
    return 0;
}

int app_meeting_move(struct store *s, const char *login, const char *meeting, const char *slot,
                     const char *location, bool to_online, long long now, struct arena *a,
                     struct app_meeting_moves *out, struct app_whys *why, struct df_err *err)
{
    struct arena scratch;   /* the board's: only what out says is in a */
    arena_init(&scratch, 0);
    struct board b;
    int k, t, rc = -1;
    if (why)
        why->n = 0;
    if (store_begin(s, err) < 0)
        goto out;
    if (board_load(s, meeting, a, &scratch, &b, err) < 0)
        goto fail;
    if (check_move(&b, slot, location, to_online, now, a, &k, &t, why, err) < 0) {
        whys_keep(why, a);   /* their values are the board's, in scratch */
        goto fail;
    }
    struct app_move_place was;
    if (here_of(&b, a, &was) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
        goto fail;
    }
    /* the audit line names each place: a table, online (by video), or none */
    const char *detail = arena_printf(a, "from %s %s%s to %s %s%s", b.m.slot,
                                      b.m.location ? "at " : b.online ? "" : "at ",
                                      b.m.location ? b.m.location : b.online ? "online" : "no table",
                                      slot, location ? "at " : "", location ? location : "online");
    if (!detail) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a meeting");
        goto fail;
    }
    struct app_mail_watch *w;
    if (app_mail_watch_begin(s, b.m.event, b.m.request, &w, err) < 0)
        goto fail;
    char room[APP_TOKEN_LEN];   /* its video room, when it goes online without one */
    app_token_new(room);
    if (store_meeting_move(s, b.m.request, slot, location, room, err) < 0) {
        app_mail_watch_free(w);
        goto fail;
    }
    if (app_mail_watch_end(s, w, APP_MAIL_BY_ORGANISERS, NULL, NULL, err) < 0 ||
        store_audit(s, login, "meeting.move", "meeting", b.m.id, detail, err) < 0 ||
        store_meeting_of_request(s, b.m.request, a, &b.m, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    b.online = b.m.online;   /* how it is held now */
    if (describe(&b, a, out, err) < 0)
        goto out;
    out->was = was;
    rc = 0;
    goto out;
fail:
    store_rollback(s);
out:
    arena_free(&scratch);
    return rc;
}

/* ---- a request's meeting (move.h) ------------------------------------- */

/* The pair b's people, without person `without` (NULL: all of them),
 * need when they share no language (the scheduler's rule,
 * app_interpreting_plan), into *pair; NULL when none. -1 out of memory. */
static int pair_needed(const struct board *b, struct arena *a, const char *without,
                       const char **pair)
{
    int P = 0;
    const char **langs = arena_alloc(a, ((size_t)b->people_n + 1) * sizeof *langs);
    int *people = arena_alloc(a, ((size_t)b->people_n + 1) * sizeof *people);
    if (!langs || !people)
        return -1;
    for (int i = 0; i < b->people_n; i++)
        if (!without || strcmp(b->people[i].id, without) != 0) {
            langs[P] = b->people[i].languages;
            people[P] = P;
            P++;
        }
    int off[2] = {0, P};
    struct app_interpreting ip;
    if (app_interpreting_plan(b->l.interp.data, b->l.interp.n, b->slots, b->S, langs, P, off,
                              people, 1, a, &ip) < 0)
        return -1;
    *pair = ip.meet_pair[0] >= 0 ? ip.pair_name[ip.meet_pair[0]] : NULL;
    return 0;
}

/* The pair request's people need, into b->pair (pair_needed). */
static int plan_pair(struct board *b, struct arena *a)
{
    return pair_needed(b, a, NULL, &b->pair);
}

/* Per slot, an interpreter of b->pair working then and in no meeting then,
 * into b->interp_free (the first in the programme's order); -1 when out of
 * memory. What each interpreter is in is read in one pass over the meetings. */
static int mark_interpreters_free(struct board *b, struct arena *a)
{
    const struct store_interpreter *iv = b->l.interp.data;
    const struct schedule_load_mtg *mt = b->l.meets.data;
    size_t I = (size_t)b->l.interp.n, S = (size_t)b->S;
    struct idmap ix;
    bool *busy = arena_alloc(a, I * S + 1);
    b->interp_free = arena_alloc(a, (S + 1) * sizeof *b->interp_free);
    if (!busy || !b->interp_free || idmap_init(&ix, a, I) < 0)
        return -1;
    for (int i = 0; i < b->l.interp.n; i++)
        idmap_put(&ix, iv[i].id, i);
    for (int m = 0; m < b->l.meets.n; m++) {
        int i = mt[m].interpreter ? idmap_get(&ix, mt[m].interpreter) : -1;
        int k = i >= 0 ? idmap_get(&b->six, mt[m].slot) : -1;
        if (k >= 0)
            busy[(size_t)i * S + (size_t)k] = true;
    }
    for (int k = 0; k < b->S; k++) {
        b->interp_free[k] = NULL;
        for (int i = 0; i < b->l.interp.n && !b->interp_free[k]; i++)
            if (!busy[(size_t)i * S + (size_t)k] &&
                app_interpreter_serves(iv + i, b->pair, b->slots + k))
                b->interp_free[k] = iv[i].id;
    }
    return 0;
}

/* Loads request's event into b (the request pending or accepted): -1 with err. */
static int board_load_request(struct store *s, const struct store_request *r, struct arena *a,
                              struct board *b, struct df_err *err)
{
    memset(b, 0, sizeof *b);
    b->m.id = b->m.request = r->id;
    b->m.event = r->event;
    if (board_load_event(s, r, a, b, err) < 0)
        return -1;
    if (plan_pair(b, a) < 0 || (b->pair && mark_interpreters_free(b, a) < 0))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing free times");
    return 0;
}

int app_meeting_interpreter_fit(struct store *s, const char *meeting, const char *person,
                                long long now, struct arena *a, const char **why,
                                struct app_whys *whys, struct df_err *err)
{
    struct arena scratch;   /* the board's: only what is said is in a */
    arena_init(&scratch, 0);
    struct board b;
    const char *before = NULL;
    int rc = -1;
    *why = NULL;
    if (whys)
        whys->n = 0;
    if (board_load(s, meeting, a, &scratch, &b, err) < 0)
        goto out;
    rc = 0;
    if (b.here_k < 0 || meeting_has_begun(&b, now))
        goto out;   /* in no b2b slot, or begun: its interpreter stays as it is */
    if (plan_pair(&b, &scratch) < 0 ||
        (person && pair_needed(&b, &scratch, person, &before) < 0)) {
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory finding an interpreter");
        goto out;
    }
    const char *pick = NULL;
    if (b.pair) {
        /* its own interpreter stays when they serve the pair needed then */
        if (b.iv && app_interpreter_serves(b.iv, b.pair, b.slots + b.here_k))
            goto out;
        if (mark_interpreters_free(&b, &scratch) < 0) {
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory finding an interpreter");
            goto out;
        }
        pick = b.interp_free[b.here_k];
        /* none free: refused only when the need is hers (a meeting that
         * lacked one already is no reason to keep a colleague out); someone
         * left: the meeting stays as it is, and the desk is told it lacks one */
        if (!pick) {
            if (person && (!before || strcmp(before, b.pair) != 0)) {
                const char *name = person_name(&b, person);
                *why = arena_printf(a, "%s shares no language with the others, and no %s "
                                       "interpreter is free then", name, b.pair);
                why_add(whys, a, *why, "interpreter_needed", "person", name, "pair", b.pair);
                whys_keep(whys, a);   /* their values are the board's, in scratch */
                rc = *why ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            } else if (!person) {
                *why = arena_printf(a, "the meeting needs an interpreter for %s, and none is free "
                                       "then", b.pair);
                why_add(whys, a, *why, "no_interpreter_free", "pair", b.pair, NULL, NULL);
                whys_keep(whys, a);
                rc = *why ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            }
            goto out;
        }
    } else if (!b.m.interpreter || person) {
        goto out;   /* none needed and none held; or someone joined, who never ends a need */
    }
    /* the meeting as it is, its interpreter booked (pick) or let go (NULL) */
    struct store_meeting m = {.request = b.m.request, .slot = b.m.slot,
                              .location = b.m.location, .video_room = b.m.video_room,
                              .interpreter = pick, .locked = b.m.locked};
    if (store_meeting_upsert(s, &m, err) < 0)
        rc = -1;
out:
    arena_free(&scratch);
    return rc;
}

/* The table request's meeting gets in slot k at `now`: its booth, or the
 * first free, or b->T when it is held online (no table); -1 when none,
 * *words (may be NULL) saying what is in the way,
 * and why (may be NULL) each thing: for several tables, no_table_free and
 * then the first table's (both NULL: nothing is written out, as the free
 * times ask for every slot). */
static int request_table(const struct board *b, int k, long long now, struct arena *a,
                         const char **words, struct app_whys *why)
{
    /* what keeps them out at every table is said alone, not once per table */
    if (is_blocked(b, k, -1, now)) {
        const char *w = words || why ? in_the_way(b, k, -1, now, a, why) : NULL;
        if (words)
            *words = w;
        return -1;
    }
    if (b->online)
        return b->T;   /* held by video: no table to find */
    if (b->booth_t >= 0) {
        if (!is_blocked(b, k, b->booth_t, now))
            return b->booth_t;
        const char *w = words || why ? in_the_way(b, k, b->booth_t, now, a, why) : NULL;
        if (words)
            *words = w;
        return -1;
    }
    for (int t = 0; t < b->T; t++)
        if (!is_blocked(b, k, t, now))
            return t;
    if (!words && !why)
        return -1;
    if (b->T > 1)
        why_add(why, a, "no table is free then", "no_table_free", NULL, NULL, NULL, NULL);
    /* the first table's reasons only: the others' would say the same of each */
    const char *first = b->T > 0 ? in_the_way(b, k, 0, now, a, why) : NULL;
    if (b->T == 0)
        why_add(why, a, "the event has no table", "no_table", NULL, NULL, NULL, NULL);
    if (words)
        *words = b->T == 0 ? "the event has no table" : b->T == 1 ? first
                 : arena_printf(a, "no table is free then (%s, and the others)", first);
    return -1;
}

/* How many of n slots starting at start[] (0: unreadable) have not begun by now. */
static int slots_to_come(const long long *start, int n, long long now)
{
    int c = 0;
    for (int k = 0; k < n; k++)
        c += start[k] != 0 && start[k] > now;
    return c;
}

/* b's slots in time order into order (an insertion sort: a forum has tens). */
static void slots_by_start(const struct board *b, int *order)
{
    for (int k = 0; k < b->S; k++) {
        int i = k;
        for (; i > 0 && b->start[order[i - 1]] > b->start[k]; i--)
            order[i] = order[i - 1];
        order[i] = k;
    }
}

/* The free times of b's request (marked) into f, its strings in a. */
static int free_times_of(const struct board *b, long long now, int max, struct arena *a,
                         struct arena *scratch, struct app_request_free *f)
{
    int *order = arena_alloc(scratch, ((size_t)b->S + 1) * sizeof *order);
    f->times = arena_alloc(a, ((size_t)b->S + 1) * sizeof *f->times);
    f->times_n = 0;
    if (!order || !f->times)
        return -1;
    slots_by_start(b, order);
    for (int i = 0; i < b->S && f->times_n < max; i++) {
        int t = request_table(b, order[i], now, scratch, NULL, NULL);
        if (t >= 0 && !place_of(b, order[i], t, a, f->times + f->times_n++))
            return -1;
    }
    f->to_come = slots_to_come(b->start, b->S, now);
    return 0;
}

/* What each_on_board does with item i of its list, its board b marked for
 * its request (in scratch, which goes with the board): 0, or -1 with err. */
typedef int (*on_board_fn)(void *ud, int i, const struct board *b, struct arena *scratch,
                           struct df_err *err);

/* The items each_on_board walks: n of `size` bytes each, every one opening
 * with its request (app_request_free, app_request_slot). */
struct board_items {
    const void *v;
    int n;
    size_t size;
};

static const struct store_request *item_request(const struct board_items *it, int i)
{
    const struct store_request *r;
    memcpy(&r, (const char *)it->v + (size_t)i * it->size, sizeof r);
    return r;
}

/* The thread's last board of an event (board_load_shared's: the event, its
 * slots, tables, accepted requests, meetings and absences, indexed), in an
 * arena of its own, kept while its connection's board mark stands: nothing
 * a board reads changed since, by this connection or another (a check-in,
 * a message, an outcome leave it: store_board_mark_get). Each participant's
 * requests page reads the free times, which need the whole event's board
 * (90 ms of CPU at 10,000 people); the pages read between two changes
 * share one. Marking it for a request (board_mark) only writes the arrays
 * it clears first, so one board serves one call after another; each thread
 * has its own connection and its own board. */
static _Thread_local struct {
    struct arena a;
    struct board b;
    struct store_board_mark mark;
    const char *event;   /* in a; NULL: none kept */
} kept;

void app_board_cache_free(void)
{
    if (kept.event)
        arena_free(&kept.a);
    kept.event = NULL;
}

unsigned long app_board_loads(void)
{
    return atomic_load(&board_loads);
}

/* event's board as board_load_shared loads it into b: the thread's kept
 * one while what a board reads is as it was when it was loaded (inside a
 * transaction too, while it has changed none of it), else loaded again:
 * kept, unless read inside a transaction (then into scratch, and the kept
 * one stays for after). -1 with err. */
static int board_shared(struct store *s, const char *event, struct arena *scratch,
                        struct board *b, struct df_err *err)
{
    /* read before loading: a change committed meanwhile only costs a load */
    struct store_board_mark now;
    int marked = store_board_mark_get(s, &now);
    if (marked >= 0 && kept.event && strcmp(kept.event, event) == 0 &&
        store_board_mark_same(&kept.mark, &now)) {
        *b = kept.b;
        return 0;
    }
    atomic_fetch_add(&board_loads, 1);
    memset(b, 0, sizeof *b);
    b->m.event = event;
    if (marked != 0)
        return board_load_shared(s, scratch, b, err);
    app_board_cache_free();
    arena_init(&kept.a, 0);
    if (!(b->m.event = kept.event = arena_strdup(&kept.a, event))) {
        arena_free(&kept.a);
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    }
    if (board_load_shared(s, &kept.a, b, err) < 0) {
        app_board_cache_free();
        return -1;
    }
    kept.b = *b;
    kept.mark = now;
    return 0;
}

/* The items whose request's event is item first's, its board loaded once
 * into scratch and marked for each in turn, each passed to fn; done[i] set
 * for each: -1 with err. */
static int event_on_board(struct store *s, const struct board_items *it, int first, bool *done,
                          struct arena *scratch, on_board_fn fn, void *ud, struct df_err *err)
{
    const char *event = item_request(it, first)->event;
    const struct store_request **mine = arena_alloc(scratch, (size_t)it->n * sizeof *mine);
    int *which = arena_alloc(scratch, (size_t)it->n * sizeof *which);
    struct schedule_load_req *loads = arena_alloc(scratch, (size_t)it->n * sizeof *loads);
    if (!mine || !which || !loads)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    int m = 0;
    for (int i = first; i < it->n; i++)
        if (strcmp(item_request(it, i)->event, event) == 0) {
            mine[m] = item_request(it, i);
            which[m++] = i;
        }
    struct board b;
    if (board_shared(s, event, scratch, &b, err) < 0 ||
        load_pending(s, event, mine, m, loads, scratch, err) < 0)
        return -1;
    for (int j = 0; j < m; j++) {
        b.m.id = b.m.request = mine[j]->id;
        if (board_mark(s, loads + j, scratch, &b, err) < 0)
            return -1;
        if (plan_pair(&b, scratch) < 0 || (b.pair && mark_interpreters_free(&b, scratch) < 0))
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
        if (fn(ud, which[j], &b, scratch, err) < 0)
            return -1;
        done[which[j]] = true;
    }
    return 0;
}

/* fn for each item of it (each request pending, or not yet sent), each
 * event's board loaded once: the board of a forum of thousands is
 * megabytes, so each event's is in an arena of its own, freed before the
 * next one's; only what fn copies into its caller's arena stays. -1 with err. */
static int each_on_board(struct store *s, const struct board_items *it, on_board_fn fn,
                         void *ud, struct df_err *err)
{
    bool *done = calloc((size_t)it->n + 1, sizeof *done);
    if (!done)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an event's board");
    int rc = 0;
    for (int i = 0; rc == 0 && i < it->n; i++) {
        if (done[i])
            continue;
        struct arena scratch;
        arena_init(&scratch, 0);
        rc = event_on_board(s, it, i, done, &scratch, fn, ud, err);
        arena_free(&scratch);
    }
    free(done);
    return rc;
}

/* The free times of fs[i] (each_on_board's fn): into the caller's arena. */
struct free_times_ctx {
    struct app_request_free *fs;
    long long now;
    int max;
    struct arena *a;
};

static int on_free_times(void *ud, int i, const struct board *b, struct arena *scratch,
                         struct df_err *err)
{
    struct free_times_ctx *k = ud;
    if (free_times_of(b, k->now, k->max, k->a, scratch, k->fs + i) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing free times");
    return 0;
}

int app_requests_free_times(struct store *s, struct app_request_free *fs, int n, long long now,
                            int max, struct arena *a, struct df_err *err)
{
    struct free_times_ctx k = {fs, now, max, a};
    return each_on_board(s, &(struct board_items){fs, n, sizeof *fs}, on_free_times, &k, err);
}

int app_request_free_times(struct store *s, const struct store_request *request,
                           long long now, int max, struct arena *a,
                           struct app_move_place **times, int *n, struct df_err *err)
{
    struct app_request_free f = {.request = request};
    *n = 0;
    if (app_requests_free_times(s, &f, 1, now, max, a, err) < 0)
        return -1;
    *times = f.times;
    *n = f.times_n;
    return f.to_come;
}

int app_event_slots_to_come(struct store *s, const char *event, long long now,
                            struct arena *a, struct df_err *err)
{
    struct board b = {0};
    b.m.event = event;
    schedule_load_init(&b.l, a, event);
    if (store_event_get(s, event, a, &b.ev, err) < 0 || schedule_load_event(s, &b.l, err) < 0)
        return -1;
    const struct store_slot *slots = b.l.slots.data;
    long long *start = arena_alloc(a, ((size_t)b.l.slots.n + 1) * sizeof *start);
    if (!start)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the slots");
    char zoned[32];
    for (int k = 0; k < b.l.slots.n; k++)
        if (ics_zoned_time(b.ev.timezone, slots[k].starts_at, zoned, start + k) < 0)
            start[k] = 0;
    return slots_to_come(start, b.l.slots.n, now);
}

/* Slot (an id) of b's request judged at `now`: its index and the table it
 * would get (-1, with *why and each thing into whys (may be NULL), when
 * something is in the way), or -1 with err when it is not a b2b slot of the
 * event. */
static int judge_slot(const struct board *b, const char *slot, long long now, struct arena *a,
                      int *t, const char **why, struct app_whys *whys, struct df_err *err)
{
    int k = idmap_get(&b->six, slot);
    if (k < 0)
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not a B2B slot of event %s", slot,
                          b->m.event);
    *why = NULL;
    *t = request_table(b, k, now, a, why, whys);
    if (*t < 0 && !*why)
        *why = "something is in the way";
    return k;
}

/* Slot k of b as agendas say it, at no table (taken or begun), strings in
 * a: false when out of memory. */
static bool when_of(const struct board *b, int k, struct arena *a, struct app_move_place *at)
{
    char start[32] = "", end[32] = "";
    if (ics_zoned_time(b->ev.timezone, b->slots[k].starts_at, start, NULL) < 0 ||
        ics_zoned_time(b->ev.timezone, b->slots[k].ends_at, end, NULL) < 0)
        start[0] = end[0] = '\0';
    *at = (struct app_move_place){.slot = arena_strdup(a, b->slots[k].id),
                                  .start = arena_strdup(a, start), .end = arena_strdup(a, end)};
    return at->slot && at->start && at->end;
}

/* ss[i]'s slot judged (each_on_board's fn): what it says into the caller's arena. */
struct slot_states_ctx {
    struct app_request_slot *ss;
    long long now;
    struct arena *a;
};

static int on_slot_state(void *ud, int i, const struct board *b, struct arena *scratch,
                         struct df_err *err)
{
    struct slot_states_ctx *k = ud;
    struct app_request_slot *x = k->ss + i;
    struct df_err not_slot = {0};
    int t = -1;
    x->why = NULL;
    x->whys.n = 0;
    struct board seen = *b;   /* what is in the way, as said to x's viewer */
    seen.viewer = x->viewer;
    int at = judge_slot(&seen, x->slot, k->now, scratch, &t, &x->why, &x->whys, &not_slot);
    if (at < 0) {
        /* not a b2b slot of its event (a programme changed under it) */
        x->state = -1;
        x->at = (struct app_move_place){.slot = x->slot};
        x->why = arena_strdup(k->a, not_slot.msg);
    } else if (t >= 0) {
        x->state = 0;
        if (!place_of(b, at, t, k->a, &x->at))
            x->state = -2;
    } else {
        x->state = 1;
        x->why = arena_strdup(k->a, x->why);
        whys_keep(&x->whys, k->a);   /* their words and values are the board's */
        if (!when_of(b, at, k->a, &x->at))
            x->state = -2;
    }
    if (x->state == -2 || (x->state != 0 && !x->why))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a proposed time");
    return 0;
}

int app_requests_slot_states(struct store *s, struct app_request_slot *ss, int n,
                             long long now, struct arena *a, struct df_err *err)
{
    struct slot_states_ctx k = {ss, now, a};
    return each_on_board(s, &(struct board_items){ss, n, sizeof *ss}, on_slot_state, &k, err);
}

int app_request_slot_state(struct store *s, const struct store_request *request,
                           const char *slot, const char *viewer, long long now, struct arena *a,
                           struct app_move_place *at, const char **why, struct app_whys *whys,
                           struct df_err *err)
{
    struct app_request_slot x = {.request = request, .slot = slot, .viewer = viewer};
    if (app_requests_slot_states(s, &x, 1, now, a, err) < 0)
        return -1;
    *at = x.at;
    *why = x.why;
    if (whys)
        *whys = x.whys;
    if (x.state < 0)
        return df_err_set(err, DF_ERR_INPUT, "%s", x.why);
    return x.state;
}

int app_request_place(struct store *s, const struct store_request *request, const char *slot,
                      const char *viewer, long long now, struct arena *a, struct app_move_place *at,
                      struct app_whys *why, struct df_err *err)
{
    /* the board in its own arena, as for the free times: only *at in a */
    struct arena scratch;
    arena_init(&scratch, 0);
    struct board b;
    int rc = -1;
    if (why)
        why->n = 0;
    if (board_load_request(s, request, &scratch, &b, err) < 0)
        goto out;
    b.viewer = viewer;
    const char *words = NULL;
    int t = -1;
    int k = judge_slot(&b, slot, now, &scratch, &t, &words, why, err);
    if (k < 0)
        goto out;
    if (t < 0) {
        df_err_set(err, DF_ERR_CONFLICT, "slot %s is no longer free: %s", slot, words);
        whys_keep(why, a);   /* their words and values are the board's, in scratch */
        goto out;
    }
    char room[APP_TOKEN_LEN];   /* its video room, when held online */
    app_token_new(room);
    struct store_meeting m = {.request = request->id, .slot = slot,
                              .location = t < b.T ? b.tables[t].id : NULL, .video_room = room,
                              .interpreter = b.pair ? b.interp_free[k] : NULL, .locked = 1};
    if (store_meeting_upsert(s, &m, err) < 0)
        goto out;
    if (!place_of(&b, k, t, a, at)) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory placing a meeting");
        goto out;
    }
    rc = 0;
out:
    arena_free(&scratch);
    return rc;
}
