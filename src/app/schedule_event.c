/* Scheduling a forum event from the store (see schedule.h): the accepted
 * requests become meetings of their people (sender, addressee and named
 * attendees), the event's b2b slots and tables the resources; the engine's
 * answer replaces the unlocked meetings in one transaction. */
#include "app/schedule.h"

#include "app/interpreting.h"
#include "core/clock.h"
#include "core/log.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A string -> index map in the arena (open addressing, power-of-two size). */
struct idmap {
    const char **key;
    int *val;
    size_t cap;
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int idmap_init(struct idmap *m, struct arena *a, size_t n)
{
    m->cap = 64;
    while (m->cap < 2 * n + 2)
        m->cap *= 2;
    m->key = arena_alloc(a, m->cap * sizeof *m->key);
    m->val = arena_alloc(a, m->cap * sizeof *m->val);
    return m->key && m->val ? 0 : -1;
}

static int idmap_get(const struct idmap *m, const char *k)
{
    for (size_t i = hash_str(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->key[i])
            return -1;
        if (strcmp(m->key[i], k) == 0)
            return m->val[i];
    }
}

/* k must outlive the map (arena copy). */
static void idmap_put(struct idmap *m, const char *k, int v)
{
    size_t i = hash_str(k) & (m->cap - 1);
    while (m->key[i] && strcmp(m->key[i], k) != 0)
        i = (i + 1) & (m->cap - 1);
    m->key[i] = k;
    m->val[i] = v;
}

/* A growable array of pointers or ints in the arena (the old block is left). */
struct vec {
    void *data;
    int n, cap;
    size_t size;
};

static void *vec_push(struct vec *v, struct arena *a)
{
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 64;
        void *d = arena_alloc(a, (size_t)nc * v->size);
        if (!d)
            return NULL;
        if (v->n)
            memcpy(d, v->data, (size_t)v->n * v->size);
        v->data = d;
        v->cap = nc;
    }
    return (char *)v->data + (size_t)v->n++ * v->size;
}

struct req {
    const char *id, *from, *to;
    int priority;
    struct vec attendees;   /* const char * */
};

struct lock {
    const char *request, *slot, *location;
    const char *interpreter;   /* the published meeting's, or NULL */
};

struct load {
    struct arena *a;
    const char *event;
    struct idmap b2b;           /* b2b session ids */
    struct vec slots;           /* struct store_slot copies */
    struct vec tables;          /* struct store_location copies */
    struct vec people;          /* const char * ids */
    struct vec reqs;            /* struct req */
    struct vec unav;            /* const char *[2] */
    struct vec locks;           /* struct lock */
    struct vec interp;          /* struct store_interpreter copies */
    struct vec meets;           /* struct mtg: every meeting of the event */
    struct idmap req_ix;
    int oom;
};

/* A meeting as a run found it in the store: a change meanwhile is told by
 * comparing it with the same meeting read again. */
struct mtg {
    const char *request, *slot, *location, *interpreter;
    int locked;
};

static void load_init(struct load *l, struct arena *a, const char *event)
{
    memset(l, 0, sizeof *l);
    l->a = a;
    l->event = event;
    l->slots.size = sizeof(struct store_slot);
    l->tables.size = sizeof(struct store_location);
    l->people.size = sizeof(const char *);
    l->reqs.size = sizeof(struct req);
    l->unav.size = 2 * sizeof(const char *);
    l->locks.size = sizeof(struct lock);
    l->interp.size = sizeof(struct store_interpreter);
    l->meets.size = sizeof(struct mtg);
}

/* The j-th person of request r: -2 its sender, -1 its addressee, then its
 * attendees (j < r->attendees.n). */
static const char *req_person(const struct req *r, int j)
{
    return j == -2 ? r->from : j == -1 ? r->to : ((const char **)r->attendees.data)[j];
}

static int on_session(void *ud, const struct store_session *x)
{
    struct load *l = ud;
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
    struct load *l = ud;
    if (idmap_get(&l->b2b, x->session) < 0)
        return 0;
    struct store_slot *c = vec_push(&l->slots, l->a);
    if (!c)
        return l->oom = 1;
    c->id = arena_strdup(l->a, x->id);
    c->session = arena_strdup(l->a, x->session);
    c->seq = x->seq;
    return 0;
}

static int on_location(void *ud, const struct store_location *x)
{
    struct load *l = ud;
    struct store_location *c = vec_push(&l->tables, l->a);
    if (!c)
        return l->oom = 1;
    c->id = arena_strdup(l->a, x->id);
    c->kind = arena_strdup(l->a, x->kind);
    c->name = arena_strdup(l->a, x->name);
    return 0;
}

static int on_interpreter(void *ud, const struct store_interpreter *x)
{
    struct load *l = ud;
    struct store_interpreter *c = vec_push(&l->interp, l->a);
    if (!c)
        return l->oom = 1;
    *c = (struct store_interpreter){.id = arena_strdup(l->a, x->id),
                                    .lang_a = arena_strdup(l->a, x->lang_a),
                                    .lang_b = arena_strdup(l->a, x->lang_b),
                                    .session = x->session ? arena_strdup(l->a, x->session) : NULL};
    if (!c->id || !c->lang_a || !c->lang_b || (x->session && !c->session))
        return l->oom = 1;
    return 0;
}

static int on_request(void *ud, const struct store_request *r)
{
    struct load *l = ud;
    struct req *c = vec_push(&l->reqs, l->a);
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
    struct load *l = ud;
    int i = idmap_get(&l->req_ix, request);
    if (i < 0)
        return 0;
    struct req *r = (struct req *)l->reqs.data + i;
    const char **c = vec_push(&r->attendees, l->a);
    if (!c || !(*c = arena_strdup(l->a, person)))
        return l->oom = 1;
    return 0;
}

static int on_unavailable(void *ud, const char *person, const char *slot)
{
    struct load *l = ud;
    const char **c = vec_push(&l->unav, l->a);
    if (!c)
        return l->oom = 1;
    c[0] = arena_strdup(l->a, person);
    c[1] = arena_strdup(l->a, slot);
    return 0;
}

struct booths {
    struct arena *a;
    const struct idmap *pix;
    const char **booth;   /* per person index */
    const char **langs;   /* per person index: "uk;en" */
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
    return 0;
}

static int on_meeting(void *ud, const struct store_meeting *m)
{
    struct load *l = ud;
    struct mtg *c = vec_push(&l->meets, l->a);
    if (!c)
        return l->oom = 1;
    *c = (struct mtg){.request = arena_strdup(l->a, m->request),
                      .slot = arena_strdup(l->a, m->slot),
                      .location = m->location ? arena_strdup(l->a, m->location) : NULL,
                      .interpreter = m->interpreter ? arena_strdup(l->a, m->interpreter) : NULL,
                      .locked = m->locked};
    if (!c->request || !c->slot || (m->location && !c->location) ||
        (m->interpreter && !c->interpreter))
        return l->oom = 1;
    if (!m->locked)
        return 0;
    struct lock *k = vec_push(&l->locks, l->a);
    if (!k)
        return l->oom = 1;
    *k = (struct lock){.request = c->request, .slot = c->slot, .location = c->location,
                       .interpreter = c->interpreter};
    return 0;
}

/* A published meeting the scheduler cannot hold where it is (its slot is no
 * longer in a b2b session, or it has no table of the event): it stays as it
 * stands, out of the solve, and the organiser is told. */
struct kept {
    const struct req *req;
    const struct lock *lock;
    int slot;          /* its b2b slot, -1 when its slot is not one */
    const char *why;
};

/* Marks the requests still accepted when the schedule is written. */
struct still {
    const struct idmap *req_ix;
    unsigned char *accepted;
};

/* The report speaks of the requests still accepted when the schedule was
 * written: the others are neither accepted nor scheduled, and their reasons
 * and warnings are moot. */
static void forget_gone(struct app_schedule_report *out, const struct still *k, const int *slot,
                        int M)
{
    int n = 0;
    for (int m = 0; m < M; m++)
        if (!k->accepted[m]) {
            out->accepted--;
            out->scheduled -= slot[m] >= 0;
            n++;
        }
    if (out->upper_bound > out->accepted)
        out->upper_bound = out->accepted;
    int j = 0;
    for (int i = 0; i < out->unscheduled_n; i++) {
        int m = idmap_get(k->req_ix, out->unscheduled[i].request);
        if (m < 0 || k->accepted[m])
            out->unscheduled[j++] = out->unscheduled[i];
    }
    out->unscheduled_n = j;
    j = 0;
    for (int i = 0; i < out->warnings_n; i++) {
        int m = idmap_get(k->req_ix, out->warnings[i].request);
        if (m < 0 || k->accepted[m])
            out->warnings[j++] = out->warnings[i];
    }
    out->warnings_n = j;
    log_msg(LOG_INFO, "event=schedule_requests_gone schedule=\"%s\" requests=%d", out->event, n);
}

/* "slots 3-7" for a reason, 1-based like a printed programme; a missing
 * interpreter is named by its pair ("no uk-en interpreter left ..."). */
static const char *reason_text(struct arena *a, const struct sched_solution *sol,
                               const struct app_interpreting *ip, int m)
{
    const char *base = sched_reason_name((enum sched_reason)sol->reason[m]);
    const char *named = sol->reason[m] == SCHED_R_INTERPRETER && ip->meet_pair[m] >= 0
                            ? arena_printf(a, "no %s interpreter left in the common free slots",
                                           ip->pair_name[ip->meet_pair[m]])
                            : NULL;
    if (named)
        base = named;
    int lo = sol->reason_lo[m], hi = sol->reason_hi[m];
    if (sol->reason[m] == SCHED_R_NO_COMMON_SLOT || lo < 0)
        return base;
    if (lo == hi)
        return arena_printf(a, "%s (slot %d)", base, lo + 1);
    return arena_printf(a, "%s (slots %d-%d)", base, lo + 1, hi + 1);
}

/* Published meetings that no longer fit where they are: one of their people
 * is not available then, or meets in another published meeting then (a
 * request changed after publishing). They stay where they are and the
 * organiser is told (w, *wn). The scheduler sees a doubly-booked one with two
 * stand-ins for its people, so that it keeps its table and its people are
 * busy in the first meeting only and get nothing else then. Replaces *P, *off,
 * *parts, *unavail and *langs when it adds stand-ins; -1 when memory ran out. */
static int check_published(struct arena *a, int M, int S, const int *lslot,
                           const char *const *people, const struct req *reqs, int *P, int **off,
                           int **parts, unsigned char **unavail, const char ***langs,
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

/* The event's data from the store into l (set up by load_init): its b2b
 * slots, tables, interpreters, accepted requests and their attendees,
 * unavailability and meetings. */
static int load_event(struct store *s, struct load *l, struct df_err *err)
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
    struct req *reqs = l->reqs.data;
    for (int i = 0; i < l->reqs.n; i++)
        idmap_put(&l->req_ix, reqs[i].id, i);
    if (store_attendee_each(s, l->event, on_attendee, l, err) < 0 ||
        store_unavailable_each(s, l->event, on_unavailable, l, err) < 0 ||
        store_meeting_each(s, l->event, NULL, on_meeting, l, err) < 0)
        return -1;
    if (l->oom)
        goto oom;
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}

/* A loaded event made into the engine's problem, with what the write and the
 * report need of it; every array in the run's arena. */
struct built {
    struct req *reqs;            /* the solve's requests: the loaded ones but the kept */
    int M, P, S, T;
    struct kept *kept;
    int kept_n;
    struct idmap pix, six, tix;  /* people of the solve (l->people), slots, tables */
    struct store_slot *slots;
    struct store_location *tabs;
    const char **booth, **langs; /* per person of the solve, before any stand-in */
    const char *const *who;      /* their ids */
    int P0;                      /* those people (P counts the stand-ins too) */
    int *lslot, *ltab, *needs;
    int *tneed;                  /* the table kind each meeting needs (p.table_need) */
    struct app_interpreting ip;
    struct app_schedule_warning *warnings;
    int warnings_n;
    struct sched_problem p;      /* seed, effort and time limit the caller's */
};

/* Builds b from l, whose reqs, req_ix and people it changes (kept requests
 * out, the solve's people in); locked meetings hold unless release_locks. */
static int build(struct store *s, struct load *l, bool release_locks, struct arena *a,
                 struct built *b, struct df_err *err)
{
    memset(b, 0, sizeof *b);
    struct req *reqs = l->reqs.data;

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
    struct kept *kept = b->kept = arena_alloc(a, ((size_t)l->locks.n + 1) * sizeof *kept);
    unsigned char *out_of_solve = arena_alloc(a, (size_t)l->reqs.n + 1);
    if (!kept || !out_of_solve)
        goto oom;
    int kept_n = 0;
    struct lock *locks = l->locks.data;
    for (int i = 0; i < l->locks.n && !release_locks; i++) {
        int m = idmap_get(&l->req_ix, locks[i].request);
        int k = idmap_get(&b->six, locks[i].slot);
        int t = locks[i].location ? idmap_get(&b->tix, locks[i].location) : -1;
        if (m < 0 || (k >= 0 && t >= 0))
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
        kept[kept_n++] = (struct kept){.req = reqs + m, .lock = locks + i, .slot = k, .why = why};
    }
    b->kept_n = kept_n;
    if (kept_n) {
        /* the solve sees the other requests only; kept[].req still points
         * into the old array (the arena keeps it) */
        struct req *rest = arena_alloc(a, ((size_t)l->reqs.n + 1) * sizeof *rest);
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
    struct vec parts = {.size = sizeof(int)};
    int *off = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *prio = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!off || !prio)
        goto oom;
    for (int m = 0; m < M; m++) {
        off[m] = parts.n;
        prio[m] = reqs[m].priority >= 1 ? reqs[m].priority : 1;
        for (int k = -2; k < reqs[m].attendees.n; k++) {
            const char *pid = req_person(reqs + m, k);
            int q = idmap_get(&b->pix, pid);
            if (q < 0) {
                q = P++;
                idmap_put(&b->pix, pid, q);
                const char **pp = vec_push(&l->people, a);
                if (!pp)
                    goto oom;
                *pp = pid;
            }
            bool dup = false;
            for (int j = off[m]; j < parts.n; j++)
                dup |= ((int *)parts.data)[j] == q;
            if (!dup) {
                int *v = vec_push(&parts, a);
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
            int q = idmap_get(&b->pix, req_person(kept[i].req, j));
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
                        .langs = arena_alloc(a, ((size_t)P + 1) * sizeof(char *))};
    if (!tkind || !need || !bo.booth || !bo.langs)
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
        for (int i = off[m]; i < off[m + 1] && need[m] < 0; i++) {
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
        .n_pairs = b->ip.n_pairs, .meet_pair = b->ip.meet_pair, .pair_cap = b->ip.pair_cap,
        .locked_slot = lslot, .locked_table = ltab, .fairness = 2};
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}

/* Warnings for the scheduled meetings of b (those marked in only, or all when
 * only is NULL) that need an interpreter and have none (who[m] < 0): a locked
 * one kept its place without, a new one found none free. */
static int warn_interpreters(struct arena *a, const struct built *b,
                             const struct sched_solution *sol, const int *who,
                             const unsigned char *only, struct app_schedule_warning *w, int *wn)
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
 * tables and interpreters (*programme), the attendees of l's requests that
 * are also in `both` (*attendees), and its people's unavailability (*away). */
static void digest_load(const struct load *l, const struct idmap *both, uint64_t *programme,
                        uint64_t *attendees, uint64_t *away)
{
    uint64_t d = 0;
    const struct store_slot *sl = l->slots.data;
    for (int i = 0; i < l->slots.n; i++)
        d += hash_tuple((const char *[]){"slot", sl[i].id, sl[i].session}, 3);
    const struct store_location *tb = l->tables.data;
    for (int i = 0; i < l->tables.n; i++)
        d += hash_tuple((const char *[]){"table", tb[i].id, tb[i].kind}, 3);
    const struct store_interpreter *iv = l->interp.data;
    for (int i = 0; i < l->interp.n; i++)
        d += hash_tuple((const char *[]){"interpreter", iv[i].id, iv[i].lang_a, iv[i].lang_b,
                                         iv[i].session}, 5);
    *programme = d;
    d = 0;
    const struct req *r = l->reqs.data;
    for (int i = 0; i < l->reqs.n; i++)
        for (int j = 0; j < r[i].attendees.n && idmap_get(both, r[i].id) >= 0; j++)
            d += hash_tuple((const char *[]){"attendee", r[i].id, req_person(r + i, j)}, 3);
    *attendees = d;
    d = 0;
    const char **un = l->unav.data;
    for (int i = 0; i < l->unav.n; i++)
        d += hash_tuple((const char *[]){"unavailable", un[2 * i], un[2 * i + 1]}, 3);
    *away = d;
}

static bool same_str(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

static bool same_mtg(const struct mtg *x, const struct mtg *y)
{
    return y && same_str(x->slot, y->slot) && same_str(x->location, y->location) &&
           same_str(x->interpreter, y->interpreter) && x->locked == y->locked;
}

/* A request whose meeting the merge places around the new schedule: one
 * accepted while the run solved, one the solve left out that an accept's
 * short run placed meanwhile, or one of the solve's own that no longer fits
 * what changed meanwhile (someone's availability, a host's booth, the
 * languages of its people); where it went when the run wrote. */
struct late {
    const struct req *req;
    const struct mtg *had;   /* its meeting in the store now, or NULL */
    int ours;                /* its index in the solve, or -1 when accepted meanwhile */
    bool solved;             /* the solve placed it (ours >= 0): counted as scheduled */
    const char *cause;       /* app_schedule_late.cause */
    const char *why;         /* what changed, to open its reason when it finds no place */
    int slot, table;         /* where it was written, -1 nowhere */
};

/* Everyone's booth and languages as the store holds them now, by id. */
struct person_now {
    const char *id, *booth, *langs;   /* booth NULL when none */
};

struct people_now {
    struct arena *a;
    struct vec rows;   /* struct person_now */
    struct idmap ix;
    int oom;
};

static int on_person_now(void *ud, const struct store_person *p)
{
    struct people_now *pn = ud;
    struct person_now *x = vec_push(&pn->rows, pn->a);
    if (!x)
        return pn->oom = 1;
    *x = (struct person_now){.id = arena_strdup(pn->a, p->id)};
    if (!x->id || (p->booth && *p->booth && !(x->booth = arena_strdup(pn->a, p->booth))) ||
        (p->languages && !(x->langs = arena_strdup(pn->a, p->languages))))
        return pn->oom = 1;
    return 0;
}

static int load_people_now(struct store *s, struct arena *a, struct people_now *pn,
                           struct df_err *err)
{
    memset(pn, 0, sizeof *pn);
    pn->a = a;
    pn->rows.size = sizeof(struct person_now);
    if (store_person_each(s, on_person_now, pn, err) < 0)
        return -1;
    if (pn->oom || idmap_init(&pn->ix, a, (size_t)pn->rows.n) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
    const struct person_now *x = pn->rows.data;
    for (int i = 0; i < pn->rows.n; i++)
        idmap_put(&pn->ix, x[i].id, i);
    return 0;
}

static const struct person_now *person_now(const struct people_now *pn, const char *id)
{
    int i = idmap_get(&pn->ix, id);
    return i >= 0 ? (const struct person_now *)pn->rows.data + i : NULL;
}

/* The table r's meeting must sit at now: the booth of its first person (in
 * request order, as build reads them) whose booth is a table of the event;
 * -1 when it may sit at any. */
static int booth_table(const struct built *b, const struct people_now *pn, const struct req *r)
{
    for (int j = -2; j < r->attendees.n; j++) {
        const struct person_now *x = person_now(pn, req_person(r, j));
        int t = x && x->booth ? idmap_get(&b->tix, x->booth) : -1;
        if (t >= 0)
            return t;
    }
    return -1;
}

/* Who is away in which b2b slot, as the run loaded it (was) and now. */
struct avail {
    struct idmap pix;   /* the people named in either's rows */
    int n, S;
    unsigned char *was, *now;   /* n * S */
};

/* Numbers the people of l's rows in v (bits NULL), or marks their slots in
 * bits. */
static void avail_mark(struct avail *v, const struct built *b, const struct load *l,
                       unsigned char *bits)
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

static int avail_init(struct avail *v, struct arena *a, const struct built *b,
                      const struct load *was, const struct load *now)
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

/* Is person away in b2b slot k now? */
static bool avail_away(const struct avail *v, const char *person, int k)
{
    int q = idmap_get(&v->pix, person);
    return q >= 0 && v->now[(size_t)q * v->S + k];
}

/* Did person's availability change while the run solved? */
static bool avail_changed(const struct avail *v, const char *person)
{
    int q = idmap_get(&v->pix, person);
    return q >= 0 && memcmp(v->was + (size_t)q * v->S, v->now + (size_t)q * v->S,
                            (size_t)v->S) != 0;
}

/* Who and what is taken in each b2b slot while place_late puts the late
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

/* The cell of person id in slot k (people get the next number when new). */
static size_t grid_person(struct grid *g, const char *id, int k)
{
    int q = idmap_get(&g->pix, id);
    if (q < 0)
        idmap_put(&g->pix, id, q = g->np++);
    return (size_t)q * g->S + k;
}

/* r's people, table t (-1 none) and interpreter iv (-1 none) in slot k:
 * taken (take, held by own) or freed. */
static void grid_set(struct grid *g, const struct req *r, int k, int t, int iv, bool take,
                     int own)
{
    for (int j = -2; j < r->attendees.n; j++) {
        size_t c = grid_person(g, req_person(r, j), k);
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
static bool grid_taken(struct grid *g, const struct req *r, int k, int t, int iv, int *own,
                       int *n_own)
{
    bool any = false, movable = true;
    *n_own = 0;
    for (int j = -2; j < r->attendees.n; j++) {
        size_t c = grid_person(g, req_person(r, j), k);
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
static int interpreter_ix(const struct load *l, const char *id)
{
    const struct store_interpreter *iv = l->interp.data;
    for (int j = 0; id && j < l->interp.n; j++)
        if (strcmp(iv[j].id, id) == 0)
            return j;
    return -1;
}

/* What the merge works from, read inside the write transaction. */
struct merge {
    const struct load *now;
    const struct people_now *pn;   /* booths and languages now */
    const struct avail *av;        /* who is away where, then and now */
    struct idmap now_mix;          /* now's meetings (now->meets) by request */
    const struct store_event *ev;
    unsigned char *merged;         /* per meeting of the solve: a late one (place_late's) */
};

/* Frees meeting m of b2, which build held where it was, for the engine to
 * place: it needs its host's booth now (r's, by b's tables, which b2 shares),
 * else any table, and its pair's interpreter as planned. */
static void release(struct built *b2, const struct built *b, const struct people_now *pn,
                    const struct req *r, int m)
{
    int tb = booth_table(b, pn, r);
    b2->lslot[m] = b2->ltab[m] = -1;
    b2->tneed[m] = tb >= 0 && b2->p.table_kind[tb] >= 0 ? b2->p.table_kind[tb] : -1;
    b2->ip.meet_pair[m] = b2->needs[m];
}

/* now's meeting of request id, or NULL. */
static const struct mtg *meeting_now(const struct merge *mg, const char *id)
{
    int j = idmap_get(&mg->now_mix, id);
    return j >= 0 ? (const struct mtg *)mg->now->meets.data + j : NULL;
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
    struct late *late;
    int *n;
    unsigned char *hold;
    int *hk, *ht;
};

/* A place free in g for the solve's meeting m (its people available and
 * free, a table of the kind it needs, an interpreter of its pair if it needs
 * one) into *p; false when there is none. */
static bool grid_spot(struct grid *g, const struct load *l, const struct built *b,
                      const struct merge *mg, int m, struct place *p)
{
    const struct req *r = b->reqs + m;
    int S = b->S, tb = booth_table(b, mg->pn, r);
    const char *pair = b->needs[m] >= 0 ? b->ip.pair_name[b->needs[m]] : NULL;
    const struct store_interpreter *ivs = l->interp.data;
    for (int k = 0; k < S; k++) {
        bool free = true;
        for (int j = -2; free && j < r->attendees.n; j++) {
            const char *who = req_person(r, j);
            free = !g->busy[grid_person(g, who, k)] && !avail_away(mg->av, who, k);
        }
        *p = (struct place){.k = k, .t = -1, .iv = -1};
        /* its host's booth, else a plain table first, as the engine seats */
        for (int x = 0; free && x < b->T && p->t < 0; x++)
            if (!g->tbusy[(size_t)x * S + k] && (tb >= 0 ? x == tb : b->p.table_kind[x] < 0))
                p->t = x;
        for (int x = 0; free && tb < 0 && x < b->T && p->t < 0; x++)
            if (!g->tbusy[(size_t)x * S + k])
                p->t = x;
        for (int j = 0; free && pair && j < l->interp.n && p->iv < 0; j++)
            if (!g->ibusy[(size_t)j * S + k] && app_interpreter_serves(ivs + j, pair, b->slots + k))
                p->iv = j;
        if (free && p->t >= 0 && (!pair || p->iv >= 0))
            return true;
    }
    return false;
}

/* The late request r, already in its people's agendas at place `at`, keeps
 * it when the meetings the new schedule placed fresh there (own[0..n_own))
 * can each go to another place free for them: then they are held there as
 * late ones (appended to lr, cause "made_way"), and 1; else g is as it was,
 * 0; -1 when memory ran out. */
static int make_way(struct grid *g, const struct load *l, const struct built *b,
                    struct merge *mg, const struct req *r, struct place at, const int *own,
                    int n_own, const struct held *h, struct late_room *lr, struct arena *a)
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
        const struct req *x = b->reqs + own[i];
        const char *why = arena_printf(a, "made way for request %s, already in its people's "
                                          "agendas, and then found no free slot: run Schedule "
                                          "again", r->id);
        if (!why)
            return -1;
        mg->merged[own[i]] = 1;
        int j = (*lr->n)++;
        lr->late[j] = (struct late){.req = x, .had = meeting_now(mg, x->id), .ours = own[i],
                                    .solved = true, .cause = "made_way", .why = why,
                                    .slot = -1, .table = -1};
        lr->hold[j] = 1;
        lr->hk[j] = to[i].k;
        lr->ht[j] = to[i].t;
    }
    return 1;
}


/* The new schedule of b (sol, with who[m] its interpreters; still[m] the
 * requests still accepted) stands, but for its meetings in mg->merged; the
 * late requests (those too) are placed around it, inside the write
 * transaction: each keeps the meeting it had when that shares no person's
 * slot, table's slot or interpreter with the new schedule (nor with a late one
 * kept before it), sits at its host's booth if one hosts, and its people are
 * available then; the others are placed by the engine where everybody and a
 * table (and an interpreter, when needed) are free, all else held; left out
 * otherwise. A meeting of the new schedule placed fresh (not a published one
 * held) whose people's languages now ask for another interpreter, or for one
 * none is left for, joins the late ones (late has room for b->M more; *late_n
 * counts). accepted: the requests accepted now. Writes the late meetings,
 * leaves the others to the caller with their interpreters in who (changed
 * where the languages did); the warnings, as of the merged schedule, replace
 * *w (*wn counts). */
static int place_late(struct store *s, const struct app_schedule_opts *o, struct load *l,
                      const struct built *b, const struct sched_solution *sol, int *who,
                      const unsigned char *still, const struct idmap *accepted,
                      struct merge *mg, struct late *late, int *late_n, struct arena *a,
                      struct app_schedule_warning **w, int *wn, struct df_err *err)
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
        const struct mtg *h = meeting_now(mg, b->reqs[m].id);
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
        const struct mtg *h = late[i].had;
        int k = h ? idmap_get(&b->six, h->slot) : -1;
        int t = h && h->location ? idmap_get(&b->tix, h->location) : -1;
        int iv = h ? interpreter_ix(l, h->interpreter) : -1;
        int tb = booth_table(b, mg->pn, late[i].req);
        bool can = k >= 0 && t >= 0 && (tb < 0 || tb == t) && !(h->interpreter && iv < 0);
        for (int j = -2; can && j < late[i].req->attendees.n; j++)
            can = !avail_away(mg->av, req_person(late[i].req, j), k);
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
    struct load l2;
    load_init(&l2, a, l->event);
    l2.slots = l->slots;
    l2.tables = l->tables;
    l2.interp = l->interp;
    l2.unav = mg->now->unav;
    for (int m = 0; m < b->M; m++) {
        if (!still[m] || mg->merged[m] || fslot[m] < 0)
            continue;
        struct req *r = vec_push(&l2.reqs, a);
        struct lock *k = vec_push(&l2.locks, a);
        if (!r || !k)
            goto oom;
        *r = b->reqs[m];
        *k = (struct lock){.request = r->id, .slot = b->slots[fslot[m]].id,
                           .location = b->tabs[ftab[m]].id};
    }
    for (int i = 0; i < b->kept_n; i++) {
        if (idmap_get(accepted, b->kept[i].req->id) < 0)
            continue;   /* its meeting goes */
        struct req *r = vec_push(&l2.reqs, a);
        struct lock *k = vec_push(&l2.locks, a);
        if (!r || !k)
            goto oom;
        *r = *b->kept[i].req;
        *k = *b->kept[i].lock;
    }
    for (int i = 0; i < *late_n; i++) {
        struct req *r = vec_push(&l2.reqs, a);
        if (!r)
            goto oom;
        *r = *late[i].req;
        if (!hold[i])
            continue;
        struct lock *k = vec_push(&l2.locks, a);
        if (!k)
            goto oom;
        *k = (struct lock){.request = r->id, .slot = b->slots[hk[i]].id,
                           .location = b->tabs[ht[i]].id};
    }
    if (idmap_init(&l2.req_ix, a, (size_t)l2.reqs.n) < 0)
        goto oom;
    const struct req *r2 = l2.reqs.data;
    for (int i = 0; i < l2.reqs.n; i++)
        idmap_put(&l2.req_ix, r2[i].id, i);
    struct built b2;
    if (build(s, &l2, false, a, &b2, err) < 0)
        goto out;
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
            same_str(b->needs[m] >= 0 ? b->ip.pair_name[b->needs[m]] : NULL, pair))
            continue;
        const char *why = arena_printf(a, "its people's languages changed while the schedule "
                                          "ran: it needs a %s interpreter, and no slot has one "
                                          "free for it: run Schedule again", pair);
        if (!why)
            goto oom;
        release(&b2, b, mg->pn, b->reqs + m, m2);
        mg->merged[m] = 1;
        at[*late_n] = m2;
        late[(*late_n)++] = (struct late){.req = b->reqs + m, .had = meeting_now(mg, b->reqs[m].id),
                                          .ours = m, .solved = true, .cause = "languages",
                                          .why = why, .slot = -1, .table = -1};
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
    if (warn_interpreters(a, &b2, &sol2, who2, NULL, w2, wn) < 0)
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
        struct store_meeting mt = {
            .id = late[i].req->id, .request = late[i].req->id,
            .slot = b->slots[sol2.slot[m]].id, .location = b->tabs[sol2.table[m]].id,
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

/* DF_ERR_CONFLICT unless what changed since the load (was) can be merged
 * into the run's schedule: the publication, the event's b2b slots, tables and
 * interpreters, and the attendees of its requests are as the run found them.
 * now: read again inside the write transaction; b: the solve built from was;
 * pn: everyone's booth and languages now. *people_changed: someone's
 * availability, or the booth or languages of someone in the solve, changed
 * (place_late merges those). */
static int check_mergeable(const struct load *was, const struct load *now,
                           const struct built *b, const struct people_now *pn,
                           const char *published_was, const char *published_now,
                           bool *people_changed, struct df_err *err)
{
    static const char again[] = "nothing was written; run it again";
    if (!same_str(published_was, published_now))
        return df_err_set(err, DF_ERR_CONFLICT, "the agendas of event \"%s\" were %s while the "
                                                "scheduler ran: %s", was->event,
                          published_now ? "published" : "unpublished", again);
    uint64_t prog_was, prog_now, att_was, att_now, away_was, away_now;
    digest_load(was, &now->req_ix, &prog_was, &att_was, &away_was);
    digest_load(now, &was->req_ix, &prog_now, &att_now, &away_now);
    if (prog_was != prog_now)
        return df_err_set(err, DF_ERR_CONFLICT, "the b2b slots, tables or interpreters of event "
                                                "\"%s\" changed while the scheduler ran: %s",
                          was->event, again);
    if (att_was != att_now)
        return df_err_set(err, DF_ERR_CONFLICT, "the people of a request at event \"%s\" "
                                                "changed while the scheduler ran: %s",
                          was->event, again);
    bool same = away_was == away_now;
    for (int q = 0; q < b->P0 && same; q++) {
        const struct person_now *x = person_now(pn, b->who[q]);
        same = x && same_str(b->booth[q], x->booth) && same_str(b->langs[q], x->langs);
    }
    *people_changed = !same;
    return 0;
}

/* The late requests (struct late) into *late and *late_n, from the meetings
 * and accepted requests as loaded (was) and now; solve_ix and sol: the
 * solve's requests and answer. DF_ERR_CONFLICT when a published meeting of a
 * request still accepted was moved, taken out or locked meanwhile (another
 * organiser's run, a publication): the run cannot keep it and write its own. */
static int find_late(const struct load *was, const struct load *now,
                     const struct idmap *solve_ix, const struct built *b,
                     const struct sched_solution *sol, const struct idmap *now_ix,
                     struct arena *a, struct late **late, int *late_n, struct df_err *err)
{
    struct idmap was_ix;
    const struct mtg *wm = was->meets.data, *nm = now->meets.data;
    if (idmap_init(&was_ix, a, (size_t)was->meets.n) < 0)
        goto oom;
    for (int i = 0; i < was->meets.n; i++)
        idmap_put(&was_ix, wm[i].request, i);
    for (int i = 0; i < was->meets.n; i++) {
        if (idmap_get(&now->req_ix, wm[i].request) < 0)
            continue;   /* no longer accepted: its meeting goes */
        int j = idmap_get(now_ix, wm[i].request);
        const struct mtg *n = j >= 0 ? nm + j : NULL;
        if (wm[i].locked ? !same_mtg(wm + i, n) : n && n->locked)
            return df_err_set(err, DF_ERR_CONFLICT,
                              "the published meeting of request %s at event \"%s\" changed "
                              "while the scheduler ran (another run moved it, or the agendas "
                              "were published): nothing was written; run it again",
                              wm[i].request, was->event);
    }
    *late_n = 0;
    /* room for the solve's own that place_late and find_displaced add */
    *late = arena_alloc(a, ((size_t)now->reqs.n + (size_t)b->M + 1) * sizeof **late);
    if (!*late)
        goto oom;
    const struct req *nr = now->reqs.data;
    for (int i = 0; i < now->reqs.n; i++) {
        int j = idmap_get(now_ix, nr[i].id);
        const struct mtg *had = j >= 0 ? nm + j : NULL;
        int m = -1;
        if (idmap_get(&was->req_ix, nr[i].id) >= 0) {
            /* the solve's own, unless it left the request out and an
             * accept's run placed it meanwhile */
            m = idmap_get(solve_ix, nr[i].id);
            if (m < 0 || sol->slot[m] >= 0 || b->lslot[m] >= 0 || !had ||
                idmap_get(&was_ix, nr[i].id) >= 0)
                continue;
        }
        (*late)[(*late_n)++] = (struct late){
            .req = m >= 0 ? b->reqs + m : nr + i, .had = had, .ours = m,
            .cause = m >= 0 ? "placed_meanwhile" : "accepted",
            .why = "accepted while the schedule ran; no free slot: run Schedule again",
            .slot = -1, .table = -1};
    }
    return 0;
oom:
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
}

/* The solve's own meetings that no longer fit what changed while it solved,
 * made late (appended to late, *late_n counting) for place_late to place
 * again: one placed fresh (not a published one held where it is) whose
 * person is now away in its slot or whose host's booth is now another table;
 * one it left out whose person's availability changed, which may fit now.
 * Marks them in mg->merged. */
static int find_displaced(const struct built *b, const struct sched_solution *sol,
                          const unsigned char *still, struct merge *mg, struct arena *a,
                          struct late *late, int *late_n)
{
    for (int m = 0; m < b->M; m++) {
        if (!still[m] || mg->merged[m] || b->lslot[m] >= 0)
            continue;   /* gone, late already, or published and held where it is */
        const struct req *r = b->reqs + m;
        int k = sol->slot[m];
        const char *cause = "availability", *why = NULL, *who = NULL;
        for (int j = -2; j < r->attendees.n && !who; j++)
            if (k >= 0 ? avail_away(mg->av, req_person(r, j), k)
                       : avail_changed(mg->av, req_person(r, j)))
                who = req_person(r, j);
        int tb = k >= 0 && !who ? booth_table(b, mg->pn, r) : -1;
        if (who && k >= 0)
            why = arena_printf(a, "%s became unavailable in slot %d while the schedule ran; "
                                  "no other free slot: run Schedule again", who, k + 1);
        else if (who)
            why = arena_printf(a, "%s's availability changed while the schedule ran; still no "
                                  "free slot: run Schedule again", who);
        else if (tb >= 0 && tb != sol->table[m]) {
            cause = "booth";
            why = arena_printf(a, "its host's booth became %s while the schedule ran; no free "
                                  "slot there: run Schedule again", b->tabs[tb].id);
        } else
            continue;
        if (!why)
            return -1;
        mg->merged[m] = 1;
        late[(*late_n)++] = (struct late){.req = r, .had = meeting_now(mg, r->id), .ours = m,
                                          .solved = k >= 0, .cause = cause, .why = why,
                                          .slot = -1, .table = -1};
    }
    return 0;
}

/* The report once the late requests went where place_late put them: those
 * accepted meanwhile count as accepted, the placed ones as scheduled, the
 * others are unscheduled with their reason (the solve's own reason dropped,
 * but for one an accept's run had placed); out->late says where each went. */
static int report_late(struct arena *a, const struct built *b, const struct late *late,
                       int late_n, struct app_schedule_report *out)
{
    struct app_unscheduled *u =
        arena_alloc(a, ((size_t)out->unscheduled_n + (size_t)late_n + 1) * sizeof *u);
    out->late = arena_alloc(a, ((size_t)late_n + 1) * sizeof *out->late);
    if (!u || !out->late)
        return -1;
    int un = 0;
    for (int i = 0; i < out->unscheduled_n; i++) {
        bool said = false;
        for (int j = 0; j < late_n && !said; j++)
            said = late[j].ours >= 0 &&
                   (late[j].slot >= 0 || strcmp(late[j].cause, "placed_meanwhile") != 0) &&
                   strcmp(late[j].req->id, out->unscheduled[i].request) == 0;
        if (!said)
            u[un++] = out->unscheduled[i];
    }
    for (int i = 0; i < late_n; i++) {
        const struct late *x = late + i;
        bool placed = x->slot >= 0;
        /* the solve's placed ones count as scheduled already */
        out->scheduled += x->solved ? -!placed : placed;
        if (x->ours < 0) {
            out->accepted++;
            out->late_accepted++;
            out->upper_bound++;
        }
        bool own_reason = x->ours < 0 || strcmp(x->cause, "placed_meanwhile") != 0;
        if (!placed && own_reason)
            u[un++] = (struct app_unscheduled){.request = x->req->id, .reason = x->why};
        const char *slot = placed ? b->slots[x->slot].id : NULL;
        const char *table = placed ? b->tabs[x->table].id : NULL;
        bool stayed = placed && x->had && same_str(x->had->slot, slot) &&
                      same_str(x->had->location, table);
        out->late_unscheduled += !placed;
        out->late_placed += placed && !x->had;
        out->late_kept += stayed;
        out->late_moved += placed && x->had && !stayed;
        out->late_displaced += x->ours >= 0 && strcmp(x->cause, "placed_meanwhile") != 0;
        out->late[i] = (struct app_schedule_late){
            .request = x->req->id, .slot = slot, .table = table, .cause = x->cause,
            .reason = placed ? NULL : own_reason ? x->why : NULL,
            .outcome = !placed ? "unscheduled" : !x->had ? "placed" : stayed ? "kept" : "moved"};
    }
    out->late_n = late_n;
    out->unscheduled = u;
    out->unscheduled_n = un;
    if (out->upper_bound < out->scheduled)
        out->upper_bound = out->scheduled;
    if (out->upper_bound > out->accepted)
        out->upper_bound = out->accepted;
    return 0;
}

/* A copy of s in a (NULL stays NULL); false when out of memory. */
static bool copy_str(struct arena *a, const char **s)
{
    return !*s || (*s = arena_strdup(a, *s)) != NULL;
}

/* The report's strings and arrays, from the run's arena into a. */
static int copy_report(struct app_schedule_report *r, struct arena *a)
{
    struct app_unscheduled *u = arena_alloc(a, ((size_t)r->unscheduled_n + 1) * sizeof *u);
    struct app_schedule_warning *w =
        arena_alloc(a, ((size_t)r->warnings_n + 1) * sizeof *w);
    struct app_schedule_late *l = arena_alloc(a, ((size_t)r->late_n + 1) * sizeof *l);
    if (!u || !w || !l || !copy_str(a, &r->event))
        return -1;
    for (int i = 0; i < r->late_n; i++) {
        l[i] = r->late[i];
        if (!copy_str(a, &l[i].request) || !copy_str(a, &l[i].slot) ||
            !copy_str(a, &l[i].table) || !copy_str(a, &l[i].reason))
            return -1;   /* outcome and cause: string constants */
    }
    for (int i = 0; i < r->unscheduled_n; i++) {
        u[i] = r->unscheduled[i];
        if (!copy_str(a, &u[i].request) || !copy_str(a, &u[i].reason))
            return -1;
    }
    for (int i = 0; i < r->warnings_n; i++) {
        w[i] = r->warnings[i];
        if (!copy_str(a, &w[i].request) || !copy_str(a, &w[i].warning))
            return -1;
    }
    r->unscheduled = u;
    r->warnings = w;
    r->late = l;
    return 0;
}

/* app_schedule_event's work, all of it in a, but the report, which is copied
 * into `into` before the write commits. */
static int schedule_in(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct arena *into, struct app_schedule_report *out, struct df_err *err)
{
    struct load l, now;
    struct built b;
    struct sched_solution sol;
    char msg[256];
    int rc = -1;
    bool in_tx = false;
    memset(&sol, 0, sizeof sol);
    memset(out, 0, sizeof *out);
    const char *event = o->event ? arena_strdup(a, o->event) : store_event_default(s, a, err);
    if (!event)
        goto out;
    load_init(&l, a, event);
    struct store_event ev;
    if (store_event_get(s, l.event, a, &ev, err) < 0 || load_event(s, &l, err) < 0)
        goto out;
    struct load was = l;   /* as loaded: build changes l's requests and people */
    if (build(s, &l, o->reschedule_locked, a, &b, err) < 0)
        goto out;
    struct req *reqs = b.reqs;
    int M = b.M, S = b.S, T = b.T;
    struct store_slot *slots = b.slots;
    struct store_location *tabs = b.tabs;

    out->event = l.event;
    out->accepted = M + b.kept_n;
    out->warnings = b.warnings;
    out->warnings_n = b.warnings_n;
    if (S == 0 || T == 0) {
        /* nothing to schedule into: every request waits, said plainly */
        out->unscheduled = arena_alloc(a, ((size_t)M + 1) * sizeof *out->unscheduled);
        if (!out->unscheduled)
            goto oom;
        for (int m = 0; m < M; m++) {
            out->unscheduled[m].request = reqs[m].id;
            out->unscheduled[m].reason = S == 0 ? "the event has no b2b slots" : "the event has no tables";
        }
        out->unscheduled_n = M;
        out->scheduled = out->upper_bound = b.kept_n;
        if (copy_report(out, into) < 0)
            goto oom;
        rc = 0;
        goto out;
    }
    b.p.seed = o->seed;
    b.p.max_moves = o->max_moves;
    b.p.time_limit = o->time_limit > 0 ? o->time_limit : 10.0;
    if (sched_solve(&b.p, &sol, msg, sizeof msg) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "scheduling %s: %s", l.event, msg);
        goto out;
    }
    out->scheduled = sol.scheduled + b.kept_n;
    out->upper_bound = sol.upper_bound + b.kept_n;
    out->breaks = sol.breaks;
    out->seconds = sol.seconds;
    out->unscheduled = arena_alloc(a, ((size_t)(M - sol.scheduled) + 1) * sizeof *out->unscheduled);
    if (!out->unscheduled)
        goto oom;
    for (int m = 0; m < M; m++)
        if (sol.slot[m] < 0) {
            out->unscheduled[out->unscheduled_n].request = reqs[m].id;
            out->unscheduled[out->unscheduled_n++].reason = reason_text(a, &sol, &b.ip, m);
        }

    /* the interpreter who joins each interpreted meeting; a locked meeting
     * whose interpreter is no longer free then (moved to another session, say)
     * keeps its place with none, and the organiser is told */
    const struct store_interpreter *ivs = l.interp.data;
    int *interp_of = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!interp_of)
        goto oom;
    if (app_interpreting_assign(&b.ip, ivs, l.interp.n, slots, S, sol.slot, M, interp_of) < 0 ||
        warn_interpreters(a, &b, &sol, interp_of, NULL, out->warnings, &out->warnings_n) < 0)
        goto oom;

    if (o->before_write)
        o->before_write(s, o->before_write_ud);
    if (store_begin(s, err) < 0)
        goto out;
    in_tx = true;
    double tx_start = clock_seconds();
    /* The solve ran outside any transaction, for up to a minute, while
     * participants kept accepting (each accept placing its meeting at a
     * published event) or cancelling, and changed their availability or
     * languages. Read again inside the write transaction, which no one else
     * writes into until it commits, what changed is merged into the new
     * schedule: the meetings of requests cancelled or declined go, requests
     * accepted meanwhile are placed around it, and so are its own meetings
     * that no longer fit someone's availability, booth or languages. A change
     * the solve's schedule may not stand beside (a publication, which locks
     * meetings; a slot, table or interpreter changed; a request's attendees;
     * a published meeting moved) writes nothing: the caller may run again
     * (app_schedule_opts.retries). */
    load_init(&now, a, l.event);
    struct store_event ev_now;
    struct people_now pn;
    struct avail av;
    struct late *late = NULL;
    int late_n = 0;
    bool people_changed = false;
    struct merge mg = {.now = &now, .pn = &pn, .av = &av, .ev = &ev,
                       .merged = arena_alloc(a, (size_t)M + 1)};
    if (store_event_get(s, l.event, a, &ev_now, err) < 0 || load_event(s, &now, err) < 0 ||
        load_people_now(s, a, &pn, err) < 0 ||
        check_mergeable(&was, &now, &b, &pn, ev.published_at, ev_now.published_at,
                        &people_changed, err) < 0)
        goto out;
    const struct mtg *nm = now.meets.data;
    if (!mg.merged || idmap_init(&mg.now_mix, a, (size_t)now.meets.n) < 0 ||
        avail_init(&av, a, &b, &was, &now) < 0)
        goto oom;
    for (int i = 0; i < now.meets.n; i++)
        idmap_put(&mg.now_mix, nm[i].request, i);
    double merge_start = clock_seconds();   /* the store read again: what changed, merged */
    if (find_late(&was, &now, &l.req_ix, &b, &sol, &mg.now_mix, a, &late, &late_n, err) < 0)
        goto out;
    struct still still = {.req_ix = &l.req_ix, .accepted = arena_alloc(a, (size_t)M + 1)};
    if (!still.accepted)
        goto oom;
    for (int m = 0; m < M; m++)
        still.accepted[m] = idmap_get(&now.req_ix, reqs[m].id) >= 0;
    for (int i = 0; i < late_n; i++)
        if (late[i].ours >= 0)
            mg.merged[late[i].ours] = 1;
    if (people_changed && find_displaced(&b, &sol, still.accepted, &mg, a, late, &late_n) < 0)
        goto oom;
    /* the late ones first: place_late may move more of the solve's own (and
     * gives the others their interpreters anew when languages changed) */
    if ((late_n || people_changed) &&
        place_late(s, o, &l, &b, &sol, interp_of, still.accepted, &now.req_ix, &mg, late,
                   &late_n, a, &out->warnings, &out->warnings_n, err) < 0)
        goto out;
    /* each placed meeting is updated where it stands, so that one that moved
     * raises its calendar SEQUENCE (store_meeting_upsert) and one that did
     * not keeps it; deleting and inserting them again would start every one
     * at 0 */
    double merge_ms = 1000 * (clock_seconds() - merge_start);
    int gone = 0;
    for (int m = 0; m < M; m++) {
        if (!still.accepted[m]) {
            gone++;   /* its meeting, if it had one, goes below */
            continue;
        }
        if (mg.merged[m])
            continue;   /* placed by place_late */
        if (sol.slot[m] < 0) {
            /* no slot: an unlocked meeting, or a locked one the organiser
             * released (reschedule_locked), that no longer fits; a locked
             * one stays where it is */
            if (b.lslot[m] < 0 && store_meeting_delete_for_request(s, reqs[m].id, err) < 0)
                goto out;
            continue;
        }
        struct store_meeting mt = {.id = reqs[m].id, .request = reqs[m].id,
                                   .slot = slots[sol.slot[m]].id,
                                   .location = tabs[sol.table[m]].id,
                                   .interpreter = interp_of[m] >= 0 ? ivs[interp_of[m]].id : NULL,
                                   /* once the agendas are published, a meeting
                                      placed since (an accept) is as final as
                                      the others: it reads "published" */
                                   .locked = b.lslot[m] >= 0 || ev.published_at != NULL};
        if (store_meeting_upsert(s, &mt, err) < 0)
            goto out;
    }
    /* meetings of requests no longer accepted, whenever they stopped being */
    if (store_meeting_clear_unaccepted(s, l.event, err) < 0)
        goto out;
    /* the report, in the caller's arena, before the commit: running out of
     * memory for it writes nothing, rather than answer an error for a
     * schedule that was written */
    if (gone)
        forget_gone(out, &still, sol.slot, M);
    if (late_n && report_late(a, &b, late, late_n, out) < 0)
        goto oom;
    if (copy_report(out, into) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reporting the schedule: nothing was "
                                        "written");
        goto out;
    }
    if (store_commit(s, err) < 0)
        goto out;
    in_tx = false;
    /* how long everyone else waited for the write (the merge's share) */
    double write_ms = 1000 * (clock_seconds() - tx_start);
    if (late_n || people_changed)
        log_msg(LOG_INFO, "event=schedule_merged schedule=\"%s\" requests=%d accepted=%d "
                          "displaced=%d kept=%d moved=%d placed=%d unscheduled=%d "
                          "people_changed=%d merge_ms=%.1f write_ms=%.1f", l.event, late_n,
                out->late_accepted, out->late_displaced, out->late_kept, out->late_moved,
                out->late_placed, out->late_unscheduled, people_changed, merge_ms, write_ms);
    else
        log_msg(LOG_INFO, "event=schedule_written schedule=\"%s\" meetings=%d merge_ms=%.1f "
                          "write_ms=%.1f", l.event, out->scheduled, merge_ms, write_ms);
    if (out->warnings_n)
        log_msg(LOG_WARN, "event=schedule_warnings schedule=\"%s\" meetings=%d", l.event,
                out->warnings_n);
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
out:
    if (in_tx)
        store_rollback(s);
    sched_solution_free(&sol);
    return rc;
}

/* The most a schedule run may take for its own data: the event, its people's
 * meetings by slot, the solver's problem. A 5,000-person forum with 15,000
 * accepted meetings takes about 10 MB; the cap only stops a runaway. It is
 * its own arena, not the caller's: an HTTP request's is capped at 8 MiB,
 * which a forum of some 4,000 people outgrew. */
#define SCHEDULE_WORK_MAX ((size_t)1 << 30)

json_t *app_schedule_late_json(const struct app_schedule_report *r)
{
    json_t *list = json_array();
    for (int i = 0; i < r->late_n; i++) {
        const struct app_schedule_late *x = r->late + i;
        json_t *one = json_pack("{ss ss ss? ss? ss}", "request", x->request, "outcome",
                                x->outcome, "slot", x->slot, "table", x->table, "cause",
                                x->cause);
        if (x->reason)
            json_object_set_new(one, "reason", json_string(x->reason));
        json_array_append_new(list, one);
    }
    return json_pack("{si si si si si si so}", "accepted", r->late_accepted, "displaced",
                     r->late_displaced, "kept", r->late_kept, "moved", r->late_moved, "placed",
                     r->late_placed, "unscheduled", r->late_unscheduled, "requests", list);
}

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    struct arena work;
    arena_init(&work, SCHEDULE_WORK_MAX);
    int rc = schedule_in(s, o, &work, a, out, err);
    for (int again = 0; rc < 0 && err->kind == DF_ERR_CONFLICT && again < o->retries; again++) {
        arena_free(&work);
        arena_init(&work, SCHEDULE_WORK_MAX);
        *err = (struct df_err){0};
        rc = schedule_in(s, o, &work, a, out, err);
    }
    if (rc < 0)
        memset(out, 0, sizeof *out);   /* nothing pointing into the freed run */
    arena_free(&work);
    return rc;
}
