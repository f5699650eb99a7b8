/* Finding what changed while a schedule run solved (see schedule_merge.h). */
#include "app/schedule_merge.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A hash of a tuple of strings (NULL told apart from ""); an order-free
 * digest of a set is the sum of its tuples' hashes. */
static uint64_t hash_tuple(const char *const *f, int n)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        for (const char *c = f[i] ? f[i] : ""; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        h = (h ^ (f[i] ? 0x1fu : 0x1eu)) * 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

/* What a schedule rests on besides the meetings: the event's b2b slots,
 * tables, the windows its tables are out of use (migration 56: the solve
 * kept its meetings off a table then, and one taken out or given back
 * meanwhile would let the write seat one there, or keep a table idle for
 * nothing) and interpreters (*programme), the attendees of l's requests that
 * are also in `both` (*attendees), and its people's unavailability (*away). */
static void digest_load(const struct schedule_load *l, const struct idmap *both,
                        uint64_t *programme, uint64_t *attendees, uint64_t *away)
{
    uint64_t d = 0;
    const struct store_slot *sl = l->slots.data;
    for (int i = 0; i < l->slots.n; i++)
        d += hash_tuple((const char *[]){"slot", sl[i].id, sl[i].session}, 3);
    const struct store_location *tb = l->tables.data;
    for (int i = 0; i < l->tables.n; i++)
        d += hash_tuple((const char *[]){"table", tb[i].id, tb[i].kind}, 3);
    const struct store_table_out *ws = l->outs.data;
    for (int i = 0; i < l->outs.n; i++) {
        char from[24], until[24];
        snprintf(from, sizeof from, "%lld", ws[i].from);
        snprintf(until, sizeof until, "%lld", ws[i].until);
        d += hash_tuple((const char *[]){"out", ws[i].location, from, until}, 4);
    }
    const struct store_interpreter *iv = l->interp.data;
    for (int i = 0; i < l->interp.n; i++)
        d += hash_tuple((const char *[]){"interpreter", iv[i].id, iv[i].lang_a, iv[i].lang_b,
                                         iv[i].session}, 5);
    *programme = d;
    d = 0;
    const struct schedule_load_req *r = l->reqs.data;
    for (int i = 0; i < l->reqs.n; i++)
        for (int j = 0; j < r[i].attendees.n && idmap_get(both, r[i].id) >= 0; j++)
            d += hash_tuple(
                (const char *[]){"attendee", r[i].id, schedule_load_req_person(r + i, j)}, 3);
    *attendees = d;
    d = 0;
    const char **un = l->unav.data;
    for (int i = 0; i < l->unav.n; i++)
        d += hash_tuple((const char *[]){"unavailable", un[2 * i], un[2 * i + 1]}, 3);
    *away = d;
}

static bool same_mtg(const struct schedule_load_mtg *x, const struct schedule_load_mtg *y)
{
    return y && idmap_str_same(x->slot, y->slot) && idmap_str_same(x->location, y->location) &&
           idmap_str_same(x->interpreter, y->interpreter) && x->locked == y->locked;
}

static int on_person_now(void *ud, const struct store_person *p)
{
    struct schedule_merge_people *pn = ud;
    struct schedule_merge_person *x = idmap_vec_push(&pn->rows, pn->a);
    if (!x)
        return pn->oom = 1;
    *x = (struct schedule_merge_person){.id = arena_strdup(pn->a, p->id)};
    if (!x->id || (p->booth && *p->booth && !(x->booth = arena_strdup(pn->a, p->booth))) ||
        (p->languages && !(x->langs = arena_strdup(pn->a, p->languages))))
        return pn->oom = 1;
    return 0;
}

int schedule_merge_people_load(struct store *s, struct arena *a, struct schedule_merge_people *pn,
                               struct df_err *err)
{
    memset(pn, 0, sizeof *pn);
    pn->a = a;
    pn->rows.size = sizeof(struct schedule_merge_person);
    if (store_person_each(s, on_person_now, pn, err) < 0)
        return -1;
    if (pn->oom || idmap_init(&pn->ix, a, (size_t)pn->rows.n) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
    const struct schedule_merge_person *x = pn->rows.data;
    for (int i = 0; i < pn->rows.n; i++)
        idmap_put(&pn->ix, x[i].id, i);
    return 0;
}

const struct schedule_merge_person *
schedule_merge_person_now(const struct schedule_merge_people *pn, const char *id)
{
    int i = idmap_get(&pn->ix, id);
    return i >= 0 ? (const struct schedule_merge_person *)pn->rows.data + i : NULL;
}

int schedule_merge_booth_table(const struct schedule_build *b,
                               const struct schedule_merge_people *pn,
                               const struct schedule_load_req *r)
{
    for (int j = -2; j < r->attendees.n; j++) {
        const struct schedule_merge_person *x =
            schedule_merge_person_now(pn, schedule_load_req_person(r, j));
        int t = x && x->booth ? idmap_get(&b->tix, x->booth) : -1;
        if (t >= 0)
            return t;
    }
    return -1;
}

/* Numbers the people of l's rows in v (bits NULL), or marks their slots in
 * bits. */
static void avail_mark(struct schedule_merge_avail *v, const struct schedule_build *b,
                       const struct schedule_load *l, unsigned char *bits)
{
    const char **un = l->unav.data;
    for (int i = 0; i < l->unav.n; i++) {
        int q = idmap_get(&v->pix, un[2 * i]), k = idmap_get(&b->six, un[2 * i + 1]);
        if (q < 0 && !bits)
            idmap_put(&v->pix, un[2 * i], q = v->n++);
        if (bits && q >= 0 && k >= 0)
            bits[(size_t)q * v->S + k] = 1;
    }
}

int schedule_merge_avail_init(struct schedule_merge_avail *v, struct arena *a,
                              const struct schedule_build *b, const struct schedule_load *was,
                              const struct schedule_load *now)
{
    memset(v, 0, sizeof *v);
    v->S = b->S;
    if (idmap_init(&v->pix, a, (size_t)was->unav.n + (size_t)now->unav.n) < 0)
        return -1;
    avail_mark(v, b, was, NULL);
    avail_mark(v, b, now, NULL);
    v->was = arena_alloc(a, (size_t)v->n * (size_t)v->S + 1);
    v->now = arena_alloc(a, (size_t)v->n * (size_t)v->S + 1);
    if (!v->was || !v->now)
        return -1;
    avail_mark(v, b, was, v->was);
    avail_mark(v, b, now, v->now);
    return 0;
}

bool schedule_merge_avail_away(const struct schedule_merge_avail *v, const char *person, int k)
{
    int q = idmap_get(&v->pix, person);
    return q >= 0 && v->now[(size_t)q * v->S + k];
}

bool schedule_merge_avail_changed(const struct schedule_merge_avail *v, const char *person)
{
    int q = idmap_get(&v->pix, person);
    return q >= 0 && memcmp(v->was + (size_t)q * v->S, v->now + (size_t)q * v->S,
                            (size_t)v->S) != 0;
}

const struct schedule_load_mtg *schedule_merge_meeting_now(const struct schedule_merge *mg,
                                                           const char *id)
{
    int j = idmap_get(&mg->now_mix, id);
    return j >= 0 ? (const struct schedule_load_mtg *)mg->now->meets.data + j : NULL;
}

int schedule_merge_check(const struct schedule_load *was, const struct schedule_load *now,
                         const struct schedule_build *b, const struct schedule_merge_people *pn,
                         const char *published_was, const char *published_now, bool *people_changed,
                         struct df_err *err)
{
    static const char again[] = "nothing was written; run it again";
    if (!idmap_str_same(published_was, published_now))
        return df_err_set(err, DF_ERR_CONFLICT, "the agendas of event \"%s\" were %s while the "
                                                "scheduler ran: %s", was->event,
                          published_now ? "published" : "unpublished", again);
    uint64_t prog_was, prog_now, att_was, att_now, away_was, away_now;
    digest_load(was, &now->req_ix, &prog_was, &att_was, &away_was);
    digest_load(now, &was->req_ix, &prog_now, &att_now, &away_now);
    if (prog_was != prog_now)
        return df_err_set(err, DF_ERR_CONFLICT, "the b2b slots, tables (or when they are out "
                                                "of use) or interpreters of event \"%s\" "
                                                "changed while the scheduler ran: %s",
                          was->event, again);
    if (att_was != att_now)
        return df_err_set(err, DF_ERR_CONFLICT, "the people of a request at event \"%s\" "
                                                "changed while the scheduler ran: %s",
                          was->event, again);
    bool same = away_was == away_now;
    for (int q = 0; q < b->P0 && same; q++) {
        const struct schedule_merge_person *x = schedule_merge_person_now(pn, b->who[q]);
        same = x && idmap_str_same(b->booth[q], x->booth) && idmap_str_same(b->langs[q], x->langs);
    }
    *people_changed = !same;
    return 0;
}

int schedule_merge_find_late(const struct schedule_load *was, const struct schedule_load *now,
                             const struct idmap *solve_ix, const struct schedule_build *b,
                             const struct sched_solution *sol, const struct idmap *now_ix,
                             struct arena *a, struct schedule_merge_late **late, int *late_n,
                             struct df_err *err)
{
    struct idmap was_ix;
    const struct schedule_load_mtg *wm = was->meets.data, *nm = now->meets.data;
    if (idmap_init(&was_ix, a, (size_t)was->meets.n) < 0)
        goto oom;
    for (int i = 0; i < was->meets.n; i++)
        idmap_put(&was_ix, wm[i].request, i);
    for (int i = 0; i < was->meets.n; i++) {
        if (idmap_get(&now->req_ix, wm[i].request) < 0)
            continue;   /* no longer accepted: its meeting goes */
        int j = idmap_get(now_ix, wm[i].request);
        const struct schedule_load_mtg *n = j >= 0 ? nm + j : NULL;
        if (wm[i].locked ? !same_mtg(wm + i, n) : n && n->locked)
            return df_err_set(err, DF_ERR_CONFLICT,
                              "the published meeting of request %s at event \"%s\" changed "
                              "while the scheduler ran (another run moved it, or the agendas "
                              "were published): nothing was written; run it again",
                              wm[i].request, was->event);
    }
    *late_n = 0;
    /* room for the solve's own that schedule_place_late and schedule_merge_find_displaced add */
    *late = arena_alloc(a, ((size_t)now->reqs.n + (size_t)b->M + 1) * sizeof **late);
    if (!*late)
        goto oom;
    const struct schedule_load_req *nr = now->reqs.data;
    for (int i = 0; i < now->reqs.n; i++) {
        int j = idmap_get(now_ix, nr[i].id);
        const struct schedule_load_mtg *had = j >= 0 ? nm + j : NULL;
        int m = -1;
        if (idmap_get(&was->req_ix, nr[i].id) >= 0) {
            /* the solve's own, unless it left the request out and an
             * accept's run placed it meanwhile */
            m = idmap_get(solve_ix, nr[i].id);
            if (m < 0 || sol->slot[m] >= 0 || b->lslot[m] >= 0 || !had ||
                idmap_get(&was_ix, nr[i].id) >= 0)
                continue;
        }
        (*late)[(*late_n)++] = (struct schedule_merge_late){
            .req = m >= 0 ? b->reqs + m : nr + i, .had = had, .ours = m,
            .cause = m >= 0 ? "placed_meanwhile" : "accepted",
            .why = {.code = "accepted_during_run",
                    .message = "accepted while the schedule ran; no free slot: run Schedule again"},
            .slot = -1, .table = -1};
    }
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}

/* Did the languages of person, one of the solve's, change while it solved? */
static bool langs_changed(const struct schedule_build *b, const struct schedule_merge_people *pn,
                          const char *person)
{
    int q = idmap_get(&b->pix, person);
    const struct schedule_merge_person *x = schedule_merge_person_now(pn, person);
    return q >= 0 && q < b->P0 && x && !idmap_str_same(b->langs[q], x->langs);
}

int schedule_merge_find_displaced(const struct schedule_build *b, const struct sched_solution *sol,
                                  const unsigned char *still, struct schedule_merge *mg,
                                  struct arena *a, struct schedule_merge_late *late, int *late_n)
{
    for (int m = 0; m < b->M; m++) {
        if (!still[m] || mg->merged[m] || b->lslot[m] >= 0)
            continue;   /* gone, late already, or published and held where it is */
        const struct schedule_load_req *r = b->reqs + m;
        int k = sol->slot[m];
        const char *cause = "availability", *who = NULL;
        struct app_why why = {.values_n = 1, .name = {"person"}};
        for (int j = -2; j < r->attendees.n && !who; j++)
            if (k >= 0 ? schedule_merge_avail_away(mg->av, schedule_load_req_person(r, j), k)
                       : schedule_merge_avail_changed(mg->av, schedule_load_req_person(r, j)))
                who = schedule_load_req_person(r, j);
        /* one left out that needed an interpreter may need none now, or
         * one of another pair */
        for (int j = -2; j < r->attendees.n && k < 0 && !who && b->needs[m] >= 0; j++)
            if (langs_changed(b, mg->pn, schedule_load_req_person(r, j))) {
                who = schedule_load_req_person(r, j);
                cause = "languages";
            }
        int tb = k >= 0 && !who ? schedule_merge_booth_table(b, mg->pn, r) : -1;
        bool langs = strcmp(cause, "languages") == 0;
        why.value[0] = who;
        if (who && k >= 0) {
            why.code = "away_during_run";
            why.name[why.values_n] = "slot";
            why.value[why.values_n++] = arena_printf(a, "%d", k + 1);
            why.message = arena_printf(a, "%s became unavailable in slot %d while the schedule "
                                          "ran; no other free slot: run Schedule again", who, k + 1);
        } else if (who) {
            why.code = langs ? "languages_changed_during_run" : "availability_during_run";
            why.message = arena_printf(a, "%s's %s changed while the schedule ran; still no free "
                                          "slot: run Schedule again", who,
                                       langs ? "languages" : "availability");
        } else if (tb >= 0 && tb != sol->table[m]) {
            cause = "booth";
            why = (struct app_why){.code = "booth_during_run", .values_n = 1, .name = {"booth"},
                                   .value = {b->tabs[tb].id}};
            why.message = arena_printf(a, "its host's booth became %s while the schedule ran; "
                                          "no free slot there: run Schedule again", b->tabs[tb].id);
        } else
            continue;
        if (!why.message || !why.value[why.values_n - 1])
            return -1;
        mg->merged[m] = 1;
        late[(*late_n)++] = (struct schedule_merge_late){
            .req = r, .had = schedule_merge_meeting_now(mg, r->id), .ours = m, .solved = k >= 0,
            .cause = cause, .why = why, .slot = -1, .table = -1};
    }
    return 0;
}
