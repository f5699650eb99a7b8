/* Placing the late requests around a new schedule (see schedule_place.h). */
#include "app/schedule_place.h"

#include "app/auth.h"

#include <assert.h>
#include <string.h>

/* Who and what is taken in each b2b slot while schedule_place_late puts the late
 * meetings around the new schedule: people (numbered as met), tables and
 * interpreters, each cell with the meeting of the solve placed fresh that
 * holds it (one that may make way), or -1. */
struct grid {
    int S, np;
    struct idmap pix;
    unsigned char *busy, *tbusy, *ibusy;   /* people, tables, interpreters by S */
    int *pown, *town, *iown;
};

static int grid_init(struct grid *g, struct arena *a, size_t people, int S, int T, int n_iv)
{
    memset(g, 0, sizeof *g);
    g->S = S;
    size_t np = people * (size_t)S, nt = (size_t)T * (size_t)S, ni = ((size_t)n_iv + 1) * (size_t)S;
    g->busy = arena_alloc(a, np + 1);
    g->tbusy = arena_alloc(a, nt + 1);
    g->ibusy = arena_alloc(a, ni + 1);
    g->pown = arena_alloc(a, (np + 1) * sizeof(int));
    g->town = arena_alloc(a, (nt + 1) * sizeof(int));
    g->iown = arena_alloc(a, (ni + 1) * sizeof(int));
    if (!g->busy || !g->tbusy || !g->ibusy || !g->pown || !g->town || !g->iown ||
        idmap_init(&g->pix, a, people) < 0)
        return -1;
    memset(g->pown, 0xff, np * sizeof(int));   /* -1 */
    memset(g->town, 0xff, nt * sizeof(int));
    memset(g->iown, 0xff, ni * sizeof(int));
    return 0;
}

/* The row of person id (people get the next number when new). */
static int grid_row(struct grid *g, const char *id)
{
    int q = idmap_get(&g->pix, id);
    if (q < 0)
        idmap_put(&g->pix, id, q = g->np++);
    return q;
}

/* The cell of person id in slot k. */
static size_t grid_person(struct grid *g, const char *id, int k)
{
    return (size_t)grid_row(g, id) * g->S + k;
}

/* r's people, table t (-1 none) and interpreter iv (-1 none) in slot k:
 * taken (take, held by own) or freed. */
static void grid_set(struct grid *g, const struct schedule_load_req *r, int k, int t, int iv,
                     bool take, int own)
{
    for (int j = -2; j < r->attendees.n; j++) {
        size_t c = grid_person(g, schedule_load_req_person(r, j), k);
        g->busy[c] = take;
        g->pown[c] = take ? own : -1;
    }
    if (t >= 0) {
        g->tbusy[(size_t)t * g->S + k] = take;
        g->town[(size_t)t * g->S + k] = take ? own : -1;
    }
    if (iv >= 0) {
        g->ibusy[(size_t)iv * g->S + k] = take;
        g->iown[(size_t)iv * g->S + k] = take ? own : -1;
    }
}

/* Adds owner o to the set in[*n] (once); false for a cell no one may free. */
static bool add_owner(int o, int *in, int *n)
{
    if (o < 0)
        return false;
    for (int i = 0; i < *n; i++)
        if (in[i] == o)
            return true;
    in[(*n)++] = o;
    return true;
}

/* Is anything r would take in slot k (its people, table t, interpreter iv)
 * taken? *n_own gets how many meetings placed fresh hold them (into own), or
 * -1 when something else does. */
static bool grid_taken(struct grid *g, const struct schedule_load_req *r, int k, int t, int iv,
                       int *own, int *n_own)
{
    bool any = false, movable = true;
    *n_own = 0;
    for (int j = -2; j < r->attendees.n; j++) {
        size_t c = grid_person(g, schedule_load_req_person(r, j), k);
        if (g->busy[c]) {
            any = true;
            movable &= add_owner(g->pown[c], own, n_own);
        }
    }
    size_t ct = (size_t)t * g->S + k, ci = (size_t)iv * g->S + k;
    if (t >= 0 && g->tbusy[ct]) {
        any = true;
        movable &= add_owner(g->town[ct], own, n_own);
    }
    if (iv >= 0 && g->ibusy[ci]) {
        any = true;
        movable &= add_owner(g->iown[ci], own, n_own);
    }
    if (!movable)
        *n_own = -1;
    return any;
}

/* The index in l->interp of the interpreter id, -1 when none or gone. */
static int interpreter_ix(const struct schedule_load *l, const char *id)
{
    const struct store_interpreter *iv = l->interp.data;
    for (int j = 0; id && j < l->interp.n; j++)
        if (strcmp(iv[j].id, id) == 0)
            return j;
    return -1;
}

/* Frees meeting m of b2, which build held where it was, for the engine to
 * place: it needs its host's booth now (r's, by b's tables, which b2 shares),
 * else any table, and its pair's interpreter as planned. */
static void release(struct schedule_build *b2, const struct schedule_build *b,
                    const struct schedule_merge_people *pn, const struct schedule_load_req *r,
                    int m)
{
    int tb = schedule_merge_booth_table(b, pn, r);
    b2->lslot[m] = b2->ltab[m] = -1;
    b2->tneed[m] = tb >= 0 && b2->p.table_kind[tb] >= 0 ? b2->p.table_kind[tb] : -1;
    b2->ip.meet_pair[m] = b2->needs[m];
}

/* A slot, table and interpreter (-1 none). */
struct place {
    int k, t, iv;
};

/* Where the meetings of the solve are held: slot, table, interpreter. */
struct held {
    const int *fslot, *ftab, *who;
};

/* The late ones and, by index, whether and where each is held. */
struct late_room {
    struct schedule_merge_late *late;
    int *n;
    unsigned char *hold;
    int *hk, *ht;
};

/* The idle gaps (breaks, counted inside a session as the engine counts them)
 * the person of grid row q gains when they meet in slot k too, where they
 * have no meeting yet: none beside one of their meetings, one fewer when it
 * joins two, one when it stands apart from their others in the session. */
static int gaps_added(const struct grid *g, const int *sess, int q, int k)
{
    const unsigned char *busy = g->busy + (size_t)q * g->S;
    bool left = k > 0 && sess[k - 1] == sess[k] && busy[k - 1];
    bool right = k + 1 < g->S && sess[k + 1] == sess[k] && busy[k + 1];
    if (left || right)
        return left && right ? -1 : 0;
    for (int x = 0; x < g->S; x++)
        if (busy[x] && sess[x] == sess[k])
            return 1;
    return 0;
}

/* A place free in g for the solve's meeting m (its people available and
 * free, a table of the kind it needs, an interpreter of its pair if it needs
 * one) into *p: of those, the slot that adds the fewest idle gaps to its
 * people's days (the earliest of equals), so that a meeting moved inside the
 * write leaves no hole the engine would not have left; false when there is
 * none. */
static bool grid_spot(struct grid *g, const struct schedule_load *l, const struct schedule_build *b,
                      const struct schedule_merge *mg, int m, struct place *p)
{
    const struct schedule_load_req *r = b->reqs + m;
    int S = b->S, tb = schedule_merge_booth_table(b, mg->pn, r), best_gaps = 0;
    const char *pair = b->needs[m] >= 0 ? b->ip.pair_name[b->needs[m]] : NULL;
    const struct store_interpreter *ivs = l->interp.data;
    bool found = false;
    for (int k = 0; k < S; k++) {
        bool free = !schedule_build_has_begun(b, k);
        int gaps = 0;
        for (int j = -2; free && j < r->attendees.n; j++) {
            const char *who = schedule_load_req_person(r, j);
            int q = grid_row(g, who);
            free = !g->busy[(size_t)q * S + k] && !schedule_merge_avail_away(mg->av, who, k);
            gaps += free ? gaps_added(g, b->p.slot_session, q, k) : 0;
        }
        if (!free || (found && gaps >= best_gaps))
            continue;
        struct place at = {.k = k, .t = -1, .iv = -1};
        /* held online: no table (t stays -1); else its host's booth, else a
         * plain table first, as the engine seats */
        bool online = b->online && b->online[m];
        for (int x = 0; !online && x < b->T && at.t < 0; x++)
            if (!g->tbusy[(size_t)x * S + k] && !schedule_build_table_off(b, x, k) &&
                (tb >= 0 ? x == tb : b->p.table_kind[x] < 0))
                at.t = x;
        for (int x = 0; !online && tb < 0 && x < b->T && at.t < 0; x++)
            if (!g->tbusy[(size_t)x * S + k] && !schedule_build_table_off(b, x, k))
                at.t = x;
        for (int j = 0; pair && j < l->interp.n && at.iv < 0; j++)
            if (!g->ibusy[(size_t)j * S + k] && app_interpreter_serves(ivs + j, pair, b->slots + k))
                at.iv = j;
        if ((online || at.t >= 0) && (!pair || at.iv >= 0)) {
            *p = at;
            best_gaps = gaps;
            found = true;
        }
    }
    return found;
}

/* The late request r, already in its people's agendas at place `at`, keeps
 * it when the meetings the new schedule placed fresh there (own[0..n_own))
 * can each go to another place free for them: then they are held there as
 * late ones (appended to lr, cause "made_way"), and 1; else g is as it was,
 * 0; -1 when memory ran out. */
static int make_way(struct grid *g, const struct schedule_load *l, const struct schedule_build *b,
                    struct schedule_merge *mg, const struct schedule_load_req *r, struct place at,
                    const int *own, int n_own, const struct held *h, struct late_room *lr,
                    struct arena *a)
{
    struct place *to = arena_alloc(a, (size_t)n_own * sizeof *to);
    if (!to)
        return -1;
    for (int i = 0; i < n_own; i++)
        grid_set(g, b->reqs + own[i], h->fslot[own[i]], h->ftab[own[i]], h->who[own[i]], false,
                 -1);
    grid_set(g, r, at.k, at.t, at.iv, true, -1);
    int moved = 0;
    while (moved < n_own && grid_spot(g, l, b, mg, own[moved], to + moved)) {
        grid_set(g, b->reqs + own[moved], to[moved].k, to[moved].t, to[moved].iv, true, -1);
        moved++;
    }
    if (moved < n_own) {   /* as it was */
        for (int i = 0; i < moved; i++)
            grid_set(g, b->reqs + own[i], to[i].k, to[i].t, to[i].iv, false, -1);
        grid_set(g, r, at.k, at.t, at.iv, false, -1);
        for (int i = 0; i < n_own; i++)
            grid_set(g, b->reqs + own[i], h->fslot[own[i]], h->ftab[own[i]], h->who[own[i]],
                     true, own[i]);
        return 0;
    }
    for (int i = 0; i < n_own; i++) {
        const struct schedule_load_req *x = b->reqs + own[i];
        struct app_why why = {.code = "made_way", .values_n = 1, .name = {"request"},
                              .value = {r->id}};
        why.message = arena_printf(a, "made way for request %s, already in its people's "
                                      "agendas, and then found no free slot: run Schedule "
                                      "again", r->id);
        if (!why.message)
            return -1;
        mg->merged[own[i]] = 1;
        int j = (*lr->n)++;
        lr->late[j] = (struct schedule_merge_late){
            .req = x, .had = schedule_merge_meeting_now(mg, x->id), .ours = own[i], .solved = true,
            .cause = "made_way", .why = why, .slot = -1, .table = -1};
        lr->hold[j] = 1;
        lr->hk[j] = to[i].k;
        lr->ht[j] = to[i].t;
    }
    return 1;
}

int schedule_place_late(struct store *s, const struct app_schedule_opts *o, struct schedule_load *l,
                        const struct schedule_build *b, const struct sched_solution *sol, int *who,
                        const unsigned char *still, const struct idmap *accepted,
                        struct schedule_merge *mg, struct schedule_merge_late *late, int *late_n,
                        struct arena *a, struct app_schedule_warning **w, int *wn,
                        struct df_err *err)
{
    int S = b->S, rc = -1, n_late = *late_n;
    struct sched_solution sol2 = {0};
    char msg[256];
    const struct store_interpreter *ivs = l->interp.data;
    /* where the new schedule's meetings are: placed, or locked ones left;
     * the grid has a row for each person of the solve, of the published
     * meetings kept out of it and of the late requests */
    size_t cap = (size_t)l->people.n + 16, most = 2;
    for (int i = 0; i < n_late; i++) {
        cap += 2 + (size_t)late[i].req->attendees.n;
        if (most < 4 + (size_t)late[i].req->attendees.n)
            most = 4 + (size_t)late[i].req->attendees.n;
    }
    for (int i = 0; i < b->kept_n; i++)
        cap += 2 + (size_t)b->kept[i].req->attendees.n;
    struct grid g;
    int *fslot = arena_alloc(a, ((size_t)b->M + 1) * sizeof(int));
    int *ftab = arena_alloc(a, ((size_t)b->M + 1) * sizeof(int));
    size_t room = (size_t)n_late + (size_t)b->M + 1;   /* late ones to come */
    unsigned char *hold = arena_alloc(a, room);
    int *hk = arena_alloc(a, room * sizeof(int)), *ht = arena_alloc(a, room * sizeof(int));
    int *own = arena_alloc(a, most * sizeof(int));
    if (!fslot || !ftab || !hold || !hk || !ht || !own ||
        grid_init(&g, a, cap, S, b->T, l->interp.n) < 0)
        goto oom;
    for (int m = 0; m < b->M; m++) {
        fslot[m] = sol->slot[m] >= 0 ? sol->slot[m] : b->lslot[m];
        ftab[m] = sol->slot[m] >= 0 ? sol->table[m] : b->ltab[m];
        if (!still[m] || mg->merged[m] || fslot[m] < 0)
            continue;
        const struct schedule_load_mtg *h = schedule_merge_meeting_now(mg, b->reqs[m].id);
        bool fresh = sol->slot[m] >= 0 && b->lslot[m] < 0 && !(h && h->locked);
        grid_set(&g, b->reqs + m, fslot[m], ftab[m], sol->slot[m] >= 0 ? who[m] : -1, true,
                 fresh ? m : -1);
    }
    for (int i = 0; i < b->kept_n; i++)
        if (b->kept[i].slot >= 0 && idmap_get(accepted, b->kept[i].req->id) >= 0)
            grid_set(&g, b->kept[i].req, b->kept[i].slot, -1,
                     interpreter_ix(l, b->kept[i].lock->interpreter), true, -1);
    /* the late ones that fit where they are stay there; one already in its
     * people's agendas (an accept placed it at the published event) whose
     * place a meeting the new schedule placed fresh takes stays too, when
     * that one can go to another slot and table free for it */
    for (int i = 0; i < n_late; i++) {
        const struct schedule_load_mtg *h = late[i].had;
        int k = h ? idmap_get(&b->six, h->slot) : -1;
        int t = h && h->location ? idmap_get(&b->tix, h->location) : -1;
        int iv = h ? interpreter_ix(l, h->interpreter) : -1;
        int tb = schedule_merge_booth_table(b, mg->pn, late[i].req);
        /* held online (no table) it keeps its slot with no table to take */
        bool can = k >= 0 && (t >= 0 || h->online) && (tb < 0 || tb == t || h->online) &&
                   !(h->interpreter && iv < 0);
        for (int j = -2; can && j < late[i].req->attendees.n; j++)
            can = !schedule_merge_avail_away(mg->av, schedule_load_req_person(late[i].req, j), k);
        int n_own = 0;
        if (!can)
            continue;
        if (grid_taken(&g, late[i].req, k, t, iv, own, &n_own)) {
            if (n_own <= 0 || !h->locked || !mg->ev->published_at)
                continue;
            struct place at = {.k = k, .t = t, .iv = iv};
            struct held held = {.fslot = fslot, .ftab = ftab, .who = who};
            struct late_room lr = {.late = late, .n = late_n, .hold = hold, .hk = hk, .ht = ht};
            int made = make_way(&g, l, b, mg, late[i].req, at, own, n_own, &held, &lr, a);
            if (made < 0)
                goto oom;
            if (!made)
                continue;
        }
        hold[i] = 1;
        hk[i] = k;
        ht[i] = t;
        grid_set(&g, late[i].req, k, t, iv, true, -1);
    }

    /* the engine's problem, as the store holds it now: the new schedule and
     * the kept late ones held (in the solve's order, so the interpreters go
     * as they went), the kept published ones out as before, the other late
     * ones free */
    struct schedule_load l2;
    schedule_load_init(&l2, a, l->event);
    l2.slots = l->slots;
    l2.tables = l->tables;
    l2.interp = l->interp;
    l2.unav = mg->now->unav;
    l2.outs = l->outs;
    for (int m = 0; m < b->M; m++) {
        if (!still[m] || mg->merged[m] || fslot[m] < 0)
            continue;
        struct schedule_load_req *r = idmap_vec_push(&l2.reqs, a);
        struct schedule_load_lock *k = idmap_vec_push(&l2.locks, a);
        if (!r || !k)
            goto oom;
        *r = b->reqs[m];
        *k = (struct schedule_load_lock){
            .request = r->id, .slot = b->slots[fslot[m]].id,
            /* no table: held online, and so it stays (schedule_build_problem) */
            .location = ftab[m] >= 0 ? b->tabs[ftab[m]].id : NULL, .online = ftab[m] < 0};
    }
    for (int i = 0; i < b->kept_n; i++) {
        if (idmap_get(accepted, b->kept[i].req->id) < 0)
            continue;   /* its meeting goes */
        struct schedule_load_req *r = idmap_vec_push(&l2.reqs, a);
        struct schedule_load_lock *k = idmap_vec_push(&l2.locks, a);
        if (!r || !k)
            goto oom;
        *r = *b->kept[i].req;
        *k = *b->kept[i].lock;
    }
    for (int i = 0; i < *late_n; i++) {
        struct schedule_load_req *r = idmap_vec_push(&l2.reqs, a);
        if (!r)
            goto oom;
        *r = *late[i].req;
        if (!hold[i])
            continue;
        struct schedule_load_lock *k = idmap_vec_push(&l2.locks, a);
        if (!k)
            goto oom;
        *k = (struct schedule_load_lock){
            .request = r->id, .slot = b->slots[hk[i]].id,
            .location = ht[i] >= 0 ? b->tabs[ht[i]].id : NULL, .online = ht[i] < 0};
    }
    if (idmap_init(&l2.req_ix, a, (size_t)l2.reqs.n) < 0)
        goto oom;
    const struct schedule_load_req *r2 = l2.reqs.data;
    for (int i = 0; i < l2.reqs.n; i++)
        idmap_put(&l2.req_ix, r2[i].id, i);
    struct schedule_build b2;
    if (schedule_build_problem(s, &l2, false, a, &b2, err) < 0)
        goto out;
    if (schedule_build_close_begun(&b2, mg->ev->timezone, o->now, a) < 0 ||
        schedule_build_close_tables(&b2, &l2, mg->ev->timezone, a) < 0)
        goto oom;
    int *at = arena_alloc(a, room * sizeof(int));
    if (!at)
        goto oom;
    for (int i = 0; i < *late_n; i++) {
        at[i] = idmap_get(&l2.req_ix, late[i].req->id);
        assert(at[i] >= 0);
        /* one kept in place whose interpreter's pair is full then moves */
        int m = at[i];
        if (hold[i] && b2.needs[m] >= 0 && b2.ip.meet_pair[m] < 0)
            release(&b2, b, mg->pn, late[i].req, m);
    }
    /* a meeting the new schedule placed fresh whose people's languages
     * changed meanwhile: if it now needs another interpreter than the solve
     * gave it room for, or one its slot has none left of, it moves too; one
     * that needs none now keeps its place without */
    for (int m = 0; m < b->M; m++) {
        int m2 = mg->merged[m] || !still[m] || fslot[m] < 0 || b->lslot[m] >= 0
                     ? -1 : idmap_get(&l2.req_ix, b->reqs[m].id);
        if (m2 < 0 || b2.needs[m2] < 0)
            continue;
        const char *pair = b2.ip.pair_name[b2.needs[m2]];
        if (b2.ip.meet_pair[m2] >= 0 &&
            idmap_str_same(b->needs[m] >= 0 ? b->ip.pair_name[b->needs[m]] : NULL, pair))
            continue;
        struct app_why why = {.code = "languages_during_run", .values_n = 1, .name = {"pair"},
                              .value = {pair}};
        why.message = arena_printf(a, "its people's languages changed while the schedule "
                                      "ran: it needs a %s interpreter, and no slot has one "
                                      "free for it: run Schedule again", pair);
        if (!why.message)
            goto oom;
        release(&b2, b, mg->pn, b->reqs + m, m2);
        mg->merged[m] = 1;
        at[*late_n] = m2;
        late[(*late_n)++] = (struct schedule_merge_late){
            .req = b->reqs + m, .had = schedule_merge_meeting_now(mg, b->reqs[m].id), .ours = m,
            .solved = true, .cause = "languages", .why = why, .slot = -1, .table = -1};
    }
    /* inside the write transaction, which everyone else waits for: a fixed
     * effort, small beside the new schedule's (with a few free meetings the
     * engine tries each placement and stops; with more, these moves place
     * them in some 30 ms at 5,000 people, where a time limit alone would
     * anneal until it ran out) */
    b2.p.seed = o->seed;
    b2.p.max_moves = 50000;
    b2.p.time_limit = 0.5;
    if (sched_solve(&b2.p, &sol2, msg, sizeof msg) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "scheduling %s: %s", l->event, msg);
        goto out;
    }
    int *who2 = arena_alloc(a, ((size_t)b2.M + 1) * sizeof(int));
    struct app_schedule_warning *w2 =
        arena_alloc(a, ((size_t)b2.warnings_n + (size_t)b2.M + 1) * sizeof *w2);
    if (!who2 || !w2 ||
        app_interpreting_assign(&b2.ip, ivs, l->interp.n, b->slots, S, sol2.slot, b2.M,
                                who2) < 0)
        goto oom;
    /* the warnings as of the merged schedule: those of the published
     * meetings by who is away now, the interpreters as now assigned */
    memcpy(w2, b2.warnings, (size_t)b2.warnings_n * sizeof *w2);
    *w = w2;
    *wn = b2.warnings_n;
    if (schedule_build_warn_interpreters(a, &b2, &sol2, who2, NULL, w2, wn) < 0)
        goto oom;
    for (int m = 0; m < b->M; m++) {
        int m2 = mg->merged[m] || !still[m] || fslot[m] < 0
                     ? -1 : idmap_get(&l2.req_ix, b->reqs[m].id);
        if (m2 >= 0 && sol->slot[m] >= 0)
            who[m] = who2[m2];
    }
    for (int i = 0; i < *late_n; i++) {
        int m = at[i];
        late[i].slot = sol2.slot[m];
        late[i].table = sol2.table[m];
        if (sol2.slot[m] < 0) {
            if (late[i].had && store_meeting_delete_for_request(s, late[i].req->id, err) < 0)
                goto out;
            continue;
        }
        char room[APP_TOKEN_LEN];   /* a new video room, for an online one without */
        app_token_new(room);
        struct store_meeting mt = {
            .id = late[i].req->id, .request = late[i].req->id,
            .slot = b->slots[sol2.slot[m]].id,
            .location = sol2.table[m] >= 0 ? b->tabs[sol2.table[m]].id : NULL,
            .video_room = room,
            .interpreter = who2[m] >= 0 ? ivs[who2[m]].id : NULL,
            .locked = (late[i].had && late[i].had->locked) || mg->ev->published_at != NULL};
        if (store_meeting_upsert(s, &mt, err) < 0)
            goto out;
    }
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
out:
    sched_solution_free(&sol2);
    return rc;
}
