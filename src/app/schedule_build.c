/* Building the engine's problem from a loaded event (see schedule_build.h). */
#include "app/schedule_build.h"

#include <string.h>

#include "io/ics.h"

struct booths {
    struct arena *a;
    const struct idmap *pix;
    const char **booth;   /* per person index */
    const char **langs;   /* per person index: "uk;en" */
    unsigned char *online; /* per person index: takes part online */
    int oom;
};

static int on_person(void *ud, const struct store_person *p)
{
    struct booths *b = ud;
    int q = idmap_get(b->pix, p->id);
    if (q >= 0 && p->booth && *p->booth && !(b->booth[q] = arena_strdup(b->a, p->booth)))
        return b->oom = 1;
    if (q >= 0 && p->languages && !(b->langs[q] = arena_strdup(b->a, p->languages)))
        return b->oom = 1;
    if (q >= 0)
        b->online[q] = p->attendance && strcmp(p->attendance, "online") == 0;
    return 0;
}

/* Published meetings that no longer fit where they are: one of their people
 * is not available then, or meets in another published meeting then (a
 * request changed after publishing). They stay where they are and the
 * organiser is told (w, *wn). The scheduler sees a doubly-booked one with two
 * stand-ins for its people, so that it keeps its table and its people are
 * busy in the first meeting only and get nothing else then. Replaces *P, *off,
 * *parts, *unavail and *langs when it adds stand-ins; -1 when memory ran out. */
static int check_published(struct arena *a, int M, int S, const int *lslot,
                           const char *const *people, const struct schedule_load_req *reqs, int *P,
                           int **off, int **parts, unsigned char **unavail, const char ***langs,
                           struct app_schedule_warning *w, int *wn)
{
    bool any = false;
    for (int m = 0; m < M && !any; m++)
        any = lslot[m] >= 0;
    if (!any)
        return 0;   /* nothing published yet */
    int *owner = arena_alloc(a, ((size_t)*P * (size_t)S + 1) * sizeof(int));
    int *clash = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!owner || !clash)
        return -1;
    for (size_t i = 0; i < (size_t)*P * (size_t)S; i++)
        owner[i] = -1;
    int n_clash = 0;
    for (int m = 0; m < M; m++) {
        clash[m] = -1;
        int k = lslot[m], who = -1, away = -1;
        if (k < 0)
            continue;
        for (int i = (*off)[m]; i < (*off)[m + 1]; i++) {
            int q = (*parts)[i];
            if (who < 0 && owner[(size_t)q * S + k] >= 0) {
                who = q;
                clash[m] = owner[(size_t)q * S + k];
            }
            if (away < 0 && (*unavail)[(size_t)q * S + k])
                away = q;
        }
        const char *why = NULL;
        if (who >= 0) {
            n_clash++;
            why = arena_printf(a, "keeps its published slot %d, but %s also meets in request %s "
                                  "then", k + 1, people[who], reqs[clash[m]].id);
        } else {
            for (int i = (*off)[m]; i < (*off)[m + 1]; i++)
                owner[(size_t)(*parts)[i] * S + k] = m;
            if (away >= 0)
                why = arena_printf(a, "keeps its published slot %d, but %s is not available then",
                                   k + 1, people[away]);
        }
        if ((who >= 0 || away >= 0) && !why)
            return -1;
        if (why) {
            w[*wn].request = reqs[m].id;
            w[(*wn)++].warning = why;
        }
    }
    if (n_clash == 0)
        return 0;
    int P2 = *P + 2 * n_clash, n_parts = (*off)[M] + 2 * n_clash;
    int *off2 = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *parts2 = arena_alloc(a, ((size_t)n_parts + 1) * sizeof(int));
    unsigned char *un2 = arena_alloc(a, (size_t)P2 * (size_t)S + 1);
    const char **langs2 = arena_alloc(a, ((size_t)P2 + 1) * sizeof(char *));
    if (!off2 || !parts2 || !un2 || !langs2)
        return -1;
    memcpy(un2, *unavail, (size_t)*P * (size_t)S);
    memset(un2 + (size_t)*P * (size_t)S, 0, (size_t)(P2 - *P) * (size_t)S);
    memcpy(langs2, *langs, (size_t)*P * sizeof(char *));
    int np = 0, stand_in = *P;
    for (int m = 0; m < M; m++) {
        off2[m] = np;
        if (clash[m] < 0) {
            for (int i = (*off)[m]; i < (*off)[m + 1]; i++)
                parts2[np++] = (*parts)[i];
            continue;
        }
        for (int i = (*off)[m]; i < (*off)[m + 1]; i++)   /* busy there, in this meeting */
            un2[(size_t)(*parts)[i] * S + lslot[m]] = 1;
        for (int j = 0; j < 2; j++) {
            langs2[stand_in] = NULL;
            parts2[np++] = stand_in++;
        }
    }
    off2[M] = np;
    *P = P2;
    *off = off2;
    *parts = parts2;
    *unavail = un2;
    *langs = langs2;
    return 0;
}

int schedule_build_problem(struct store *s, struct schedule_load *l, bool release_locks,
                           struct arena *a, struct schedule_build *b, struct df_err *err)
{
    memset(b, 0, sizeof *b);
    struct schedule_load_req *reqs = l->reqs.data;

    /* slots (sessions numbered in time order) and tables by id */
    struct store_slot *slots = b->slots = l->slots.data;
    struct store_location *tabs = b->tabs = l->tables.data;
    int S = b->S = l->slots.n, T = b->T = l->tables.n;
    int *sess = arena_alloc(a, ((size_t)S + 1) * sizeof(int));
    if (!sess || idmap_init(&b->six, a, (size_t)S) < 0 || idmap_init(&b->tix, a, (size_t)T) < 0)
        goto oom;
    for (int k = 0; k < S; k++) {
        sess[k] = k == 0 ? 0 : sess[k - 1] + (strcmp(slots[k].session, slots[k - 1].session) != 0);
        idmap_put(&b->six, slots[k].id, k);
    }
    for (int k = 0; k < T; k++)
        idmap_put(&b->tix, tabs[k].id, k);

    /* published meetings the scheduler cannot hold in their slot and table:
     * never moved (only reschedule_locked moves a published meeting), so
     * they stay out of the solve, where they are, and are said */
    struct schedule_build_kept *kept = b->kept =
        arena_alloc(a, ((size_t)l->locks.n + 1) * sizeof *kept);
    unsigned char *out_of_solve = arena_alloc(a, (size_t)l->reqs.n + 1);
    if (!kept || !out_of_solve)
        goto oom;
    int kept_n = 0;
    struct schedule_load_lock *locks = l->locks.data;
    for (int i = 0; i < l->locks.n && !release_locks; i++) {
        int m = idmap_get(&l->req_ix, locks[i].request);
        int k = idmap_get(&b->six, locks[i].slot);
        int t = locks[i].location ? idmap_get(&b->tix, locks[i].location) : -1;
        if (m < 0 || (k >= 0 && (t >= 0 || locks[i].online)))
            continue;   /* a request no longer accepted (its meeting goes), or held */
        const char *why =
            k < 0 ? arena_printf(a, "stays in its published slot %s, which is no longer in a b2b "
                                    "session: the scheduler leaves it there (reschedule_locked "
                                    "moves it)", locks[i].slot)
                  : arena_printf(a, "stays in its published slot %d without a table of this "
                                    "event (%s%s): the scheduler leaves it there "
                                    "(reschedule_locked moves it)", k + 1,
                                 locks[i].location ? "its table is gone: " : "it had none",
                                 locks[i].location ? locks[i].location : "");
        if (!why)
            goto oom;
        out_of_solve[m] = 1;
        kept[kept_n++] =
            (struct schedule_build_kept){.req = reqs + m, .lock = locks + i, .slot = k, .why = why};
    }
    b->kept_n = kept_n;
    if (kept_n) {
        /* the solve sees the other requests only; kept[].req still points
         * into the old array (the arena keeps it) */
        struct schedule_load_req *rest = arena_alloc(a, ((size_t)l->reqs.n + 1) * sizeof *rest);
        if (!rest || idmap_init(&l->req_ix, a, (size_t)l->reqs.n) < 0)
            goto oom;
        int n = 0;
        for (int i = 0; i < l->reqs.n; i++)
            if (!out_of_solve[i]) {
                rest[n] = reqs[i];
                idmap_put(&l->req_ix, rest[n].id, n);
                n++;
            }
        reqs = rest;
        l->reqs.data = rest;
        l->reqs.n = n;
    }
    b->reqs = reqs;

    /* people: everyone named in a request (the map sized for every name,
     * as a request may bring any number of attendees) */
    size_t names = 16;
    for (int m = 0; m < l->reqs.n; m++)
        names += 2 + (size_t)reqs[m].attendees.n;
    if (idmap_init(&b->pix, a, names) < 0)
        goto oom;
    int P = 0, M = b->M = l->reqs.n;
    struct idmap_vec parts = {.size = sizeof(int)};
    int *off = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *prio = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!off || !prio)
        goto oom;
    for (int m = 0; m < M; m++) {
        off[m] = parts.n;
        prio[m] = reqs[m].priority >= 1 ? reqs[m].priority : 1;
        for (int k = -2; k < reqs[m].attendees.n; k++) {
            const char *pid = schedule_load_req_person(reqs + m, k);
            int q = idmap_get(&b->pix, pid);
            if (q < 0) {
                q = P++;
                idmap_put(&b->pix, pid, q);
                const char **pp = idmap_vec_push(&l->people, a);
                if (!pp)
                    goto oom;
                *pp = pid;
            }
            bool dup = false;
            for (int j = off[m]; j < parts.n; j++)
                dup |= ((int *)parts.data)[j] == q;
            if (!dup) {
                int *v = idmap_vec_push(&parts, a);
                if (!v)
                    goto oom;
                *v = q;
            }
        }
    }
    off[M] = parts.n;
    b->who = l->people.data;

    unsigned char *unavail = arena_alloc(a, (size_t)P * (size_t)(S ? S : 1) + 1);
    if (!unavail)
        goto oom;
    const char **un = l->unav.data;
    for (int i = 0; i < l->unav.n; i++) {
        int q = idmap_get(&b->pix, un[2 * i]), k = idmap_get(&b->six, un[2 * i + 1]);
        if (q >= 0 && k >= 0)
            unavail[(size_t)q * S + k] = 1;
    }
    /* the people of a published meeting kept out of the solve are busy there */
    for (int i = 0; i < kept_n; i++)
        for (int j = -2; j < kept[i].req->attendees.n && kept[i].slot >= 0; j++) {
            int q = idmap_get(&b->pix, schedule_load_req_person(kept[i].req, j));
            if (q >= 0)
                unavail[(size_t)q * S + kept[i].slot] = 1;
        }
    /* tables: closed rooms are kind 0; a participant's booth is a kind of its
     * own that their meetings need (so they host there); plain meetings may sit
     * anywhere free */
    int *tkind = arena_alloc(a, ((size_t)T + 1) * sizeof(int));
    int *need = b->tneed = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    struct booths bo = {.a = a, .pix = &b->pix,
                        .booth = arena_alloc(a, ((size_t)P + 1) * sizeof(char *)),
                        .langs = arena_alloc(a, ((size_t)P + 1) * sizeof(char *)),
                        .online = arena_alloc(a, (size_t)P + 1)};
    unsigned char *online = b->online = arena_alloc(a, (size_t)M + 1);
    if (!tkind || !need || !bo.booth || !bo.langs || !bo.online || !online)
        goto oom;
    for (int k = 0; k < T; k++)
        tkind[k] = strcmp(tabs[k].kind, "room") == 0 ? 0 : -1;
    if (store_person_each(s, on_person, &bo, err) < 0)
        return -1;
    if (bo.oom)
        goto oom;
    b->booth = bo.booth;
    b->langs = bo.langs;
    b->P0 = P;
    int n_kinds = 1;
    for (int m = 0; m < M; m++) {
        need[m] = -1;
        /* someone who takes part online: the meeting is held by video, even
         * with a host at her booth (she takes the call there) */
        online[m] = 0;
        for (int i = off[m]; i < off[m + 1]; i++)
            online[m] |= bo.online[((int *)parts.data)[i]];
        for (int i = off[m]; i < off[m + 1] && need[m] < 0 && !online[m]; i++) {
            const char *bt = bo.booth[((int *)parts.data)[i]];
            int k = bt ? idmap_get(&b->tix, bt) : -1;
            if (k < 0)
                continue;
            if (tkind[k] < 1)
                tkind[k] = n_kinds++;
            need[m] = tkind[k];
        }
    }
    /* locks */
    int *lslot = b->lslot = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *ltab = b->ltab = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!lslot || !ltab)
        goto oom;
    for (int m = 0; m < M; m++)
        lslot[m] = ltab[m] = -1;
    for (int i = 0; i < l->locks.n && !release_locks; i++) {
        int m = idmap_get(&l->req_ix, locks[i].request);
        int k = idmap_get(&b->six, locks[i].slot);
        int t = locks[i].location ? idmap_get(&b->tix, locks[i].location) : -1;
        if (m >= 0 && k >= 0 && t >= 0) {
            lslot[m] = k;
            ltab[m] = t;
            need[m] = tkind[t];   /* what it holds, even if a booth changed since */
            online[m] = 0;        /* and at its table, though someone went online since */
        } else if (m >= 0 && k >= 0 && locks[i].online) {
            lslot[m] = k;         /* held online: it stays so, though all are on site now */
            need[m] = -1;
            online[m] = 1;
        }
    }

    /* published meetings that no longer fit: kept, and said */
    b->warnings = arena_alloc(a, ((size_t)M * 2 + (size_t)kept_n + 1) * sizeof *b->warnings);
    int *people_of = parts.data;
    if (!b->warnings)
        goto oom;
    for (int i = 0; i < kept_n; i++)
        b->warnings[b->warnings_n++] =
            (struct app_schedule_warning){.request = kept[i].req->id, .warning = kept[i].why};
    const char **langs = bo.langs;
    if (check_published(a, M, S, lslot, l->people.data, reqs, &P, &off, &people_of, &unavail,
                        &langs, b->warnings, &b->warnings_n) < 0)
        goto oom;
    b->P = P;

    if (app_interpreting_plan(l->interp.data, l->interp.n, slots, S, langs, P, off, people_of,
                              M, a, &b->ip) < 0)
        goto oom;
    /* and so is the interpreter of one kept out of the solve */
    for (int i = 0; i < kept_n; i++)
        app_interpreting_hold(&b->ip, l->interp.data, slots, kept[i].lock->interpreter,
                              kept[i].slot);
    b->needs = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!b->needs || app_interpreting_keep_locked(&b->ip, lslot, S, M, b->needs) < 0)
        goto oom;
    b->p = (struct sched_problem){
        .n_people = P, .n_meetings = M, .n_slots = S, .slot_session = sess,
        .people_off = off, .people = people_of, .priority = prio, .unavail = unavail,
        .n_tables = T, .table_kind = tkind, .table_need = need, .n_kinds = n_kinds,
        .online = online,
        .n_pairs = b->ip.n_pairs, .meet_pair = b->ip.meet_pair, .pair_cap = b->ip.pair_cap,
        .locked_slot = lslot, .locked_table = ltab, .fairness = 2};
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}

/* Has the slot starting at starts_at (wall clock in zone tz) begun by now?
 * A time that cannot be read counts as not begun: the programme's editor
 * refuses those, and the run places as it always did. */
static bool slot_has_begun(const char *tz, const char *starts_at, long long now)
{
    char zoned[32];
    long long utc = 0;
    return ics_zoned_time(tz, starts_at, zoned, &utc) == 0 && utc <= now;
}

int schedule_build_close_begun(struct schedule_build *b, const char *tz, long long now,
                               struct arena *a)
{
    b->begun = NULL;
    if (now <= 0 || b->S == 0)
        return 0;
    unsigned char *begun = arena_alloc(a, (size_t)b->S);
    unsigned char *unavail = arena_alloc(a, (size_t)b->P * (size_t)b->S + 1);
    if (!begun || !unavail)
        return -1;
    memcpy(unavail, b->p.unavail, (size_t)b->P * (size_t)b->S);
    /* the engine holds a locked meeting where it is whoever is away then,
     * so marking everyone away closes a begun slot to the others only */
    for (int k = 0; k < b->S; k++) {
        begun[k] = slot_has_begun(tz, b->slots[k].starts_at, now);
        for (int q = 0; begun[k] && q < b->P; q++)
            unavail[(size_t)q * b->S + k] = 1;
    }
    b->begun = begun;
    b->p.unavail = unavail;
    return 0;
}

int schedule_build_close_tables(struct schedule_build *b, const struct schedule_load *l,
                                const char *tz, struct arena *a)
{
    b->p.table_off = NULL;
    if (l->outs.n == 0 || b->T == 0 || b->S == 0)
        return 0;
    unsigned char *off = schedule_load_tables_off(l, tz, a);
    if (!off)
        return -1;
    /* the engine holds a locked meeting where it is: its table stays its own */
    for (int m = 0; m < b->M; m++)
        if (b->lslot[m] >= 0 && b->ltab[m] >= 0)
            off[(size_t)b->ltab[m] * (size_t)b->S + (size_t)b->lslot[m]] = 0;
    b->p.table_off = off;
    return 0;
}

bool schedule_build_table_off(const struct schedule_build *b, int t, int k)
{
    return b->p.table_off && b->p.table_off[(size_t)t * (size_t)b->S + (size_t)k];
}

bool schedule_build_has_begun(const struct schedule_build *b, int k)
{
    return b->begun && b->begun[k];
}

int schedule_build_warn_interpreters(struct arena *a, const struct schedule_build *b,
                                     const struct sched_solution *sol, const int *who,
                                     const unsigned char *only, struct app_schedule_warning *w,
                                     int *wn)
{
    for (int m = 0; m < b->M; m++) {
        if (sol->slot[m] < 0 || b->needs[m] < 0 || who[m] >= 0 || (only && !only[m]))
            continue;
        const char *text =
            b->lslot[m] >= 0
                ? arena_printf(a, "keeps its published slot %d without a %s interpreter: "
                                  "none is free then", sol->slot[m] + 1,
                               b->ip.pair_name[b->needs[m]])
                : arena_printf(a, "has no %s interpreter free in slot %d",
                               b->ip.pair_name[b->needs[m]], sol->slot[m] + 1);
        if (!text)
            return -1;
        w[*wn].request = b->reqs[m].id;
        w[(*wn)++].warning = text;
    }
    return 0;
}
