/* Scheduling a forum event from the store (see schedule.h): the accepted
 * requests become meetings of their people (sender, addressee and named
 * attendees), the event's b2b slots and tables the resources; the engine's
 * answer replaces the unlocked meetings in one transaction. */
#include "app/schedule.h"

#include "app/interpreting.h"
#include "core/log.h"

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
    struct idmap req_ix;
    int oom;
};

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
    if (!m->locked)
        return 0;
    struct lock *c = vec_push(&l->locks, l->a);
    if (!c)
        return l->oom = 1;
    c->request = arena_strdup(l->a, m->request);
    c->slot = arena_strdup(l->a, m->slot);
    c->location = m->location ? arena_strdup(l->a, m->location) : NULL;
    return 0;
}

/* A published meeting the scheduler cannot hold where it is (its slot is no
 * longer in a b2b session, or it has no table of the event): it stays as it
 * stands, out of the solve, and the organiser is told. */
struct kept {
    const struct req *req;
    int slot;          /* its b2b slot, -1 when its slot is not one */
    const char *why;
};

/* Marks the requests still accepted when the schedule is written. */
struct still {
    const struct idmap *req_ix;
    unsigned char *accepted;
};

static int on_still_accepted(void *ud, const struct store_request *r)
{
    struct still *k = ud;
    int m = idmap_get(k->req_ix, r->id);
    if (m >= 0)
        k->accepted[m] = 1;
    return 0;
}

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

/* app_schedule_event's work, all of it in a, report strings included. */
static int schedule_in(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    struct load l;
    struct sched_solution sol;
    char msg[256];
    int rc = -1;
    bool in_tx = false;
    memset(&l, 0, sizeof l);
    memset(&sol, 0, sizeof sol);
    memset(out, 0, sizeof *out);
    l.a = a;
    l.slots.size = sizeof(struct store_slot);
    l.tables.size = sizeof(struct store_location);
    l.people.size = sizeof(const char *);
    l.reqs.size = sizeof(struct req);
    l.unav.size = 2 * sizeof(const char *);
    l.locks.size = sizeof(struct lock);
    l.interp.size = sizeof(struct store_interpreter);
    l.event = o->event ? arena_strdup(a, o->event) : store_event_default(s, a, err);
    if (!l.event)
        goto out;
    /* read before anything is loaded: a change after it, even one during
     * the load, is seen when the run writes */
    long long version;
    if (store_event_schedule_version(s, l.event, &version, err) < 0)
        goto out;
    struct store_event ev;
    if (store_event_get(s, l.event, a, &ev, err) < 0)
        goto out;
    if (idmap_init(&l.b2b, a, 256) < 0)
        goto oom;
    if (store_session_each(s, l.event, on_session, &l, err) < 0 ||
        store_slot_each(s, l.event, on_slot, &l, err) < 0 ||
        store_location_each(s, l.event, on_location, &l, err) < 0 ||
        store_interpreter_each(s, l.event, on_interpreter, &l, err) < 0 ||
        store_request_each(s, l.event, "accepted", on_request, &l, err) < 0)
        goto out;
    if (l.oom || idmap_init(&l.req_ix, a, (size_t)l.reqs.n) < 0)
        goto oom;
    struct req *reqs = l.reqs.data;
    for (int i = 0; i < l.reqs.n; i++)
        idmap_put(&l.req_ix, reqs[i].id, i);
    if (store_attendee_each(s, l.event, on_attendee, &l, err) < 0 ||
        store_unavailable_each(s, l.event, on_unavailable, &l, err) < 0 ||
        store_meeting_each(s, l.event, NULL, on_meeting, &l, err) < 0)
        goto out;
    if (l.oom)
        goto oom;

    /* slots (sessions numbered in time order) and tables by id */
    struct store_slot *slots = l.slots.data;
    struct store_location *tabs = l.tables.data;
    int S = l.slots.n, T = l.tables.n;
    struct idmap six, tix;
    int *sess = arena_alloc(a, ((size_t)S + 1) * sizeof(int));
    if (!sess || idmap_init(&six, a, (size_t)S) < 0 || idmap_init(&tix, a, (size_t)T) < 0)
        goto oom;
    for (int k = 0; k < S; k++) {
        sess[k] = k == 0 ? 0 : sess[k - 1] + (strcmp(slots[k].session, slots[k - 1].session) != 0);
        idmap_put(&six, slots[k].id, k);
    }
    for (int k = 0; k < T; k++)
        idmap_put(&tix, tabs[k].id, k);

    /* published meetings the scheduler cannot hold in their slot and table:
     * never moved (only reschedule_locked moves a published meeting), so
     * they stay out of the solve, where they are, and are said */
    struct kept *kept = arena_alloc(a, ((size_t)l.locks.n + 1) * sizeof *kept);
    unsigned char *out_of_solve = arena_alloc(a, (size_t)l.reqs.n + 1);
    if (!kept || !out_of_solve)
        goto oom;
    memset(out_of_solve, 0, (size_t)l.reqs.n + 1);
    int kept_n = 0;
    struct lock *locks = l.locks.data;
    for (int i = 0; i < l.locks.n && !o->reschedule_locked; i++) {
        int m = idmap_get(&l.req_ix, locks[i].request);
        int k = idmap_get(&six, locks[i].slot);
        int t = locks[i].location ? idmap_get(&tix, locks[i].location) : -1;
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
        kept[kept_n++] = (struct kept){.req = reqs + m, .slot = k, .why = why};
    }
    if (kept_n) {
        /* the solve sees the other requests only; kept[].req still points
         * into the old array (the arena keeps it) */
        struct req *rest = arena_alloc(a, ((size_t)l.reqs.n + 1) * sizeof *rest);
        if (!rest || idmap_init(&l.req_ix, a, (size_t)l.reqs.n) < 0)
            goto oom;
        int n = 0;
        for (int i = 0; i < l.reqs.n; i++)
            if (!out_of_solve[i]) {
                rest[n] = reqs[i];
                idmap_put(&l.req_ix, rest[n].id, n);
                n++;
            }
        reqs = rest;
        l.reqs.data = rest;
        l.reqs.n = n;
    }

    /* people: everyone named in a request */
    struct idmap pix;
    if (idmap_init(&pix, a, (size_t)l.reqs.n * 4 + 16) < 0)
        goto oom;
    int P = 0, M = l.reqs.n;
    struct vec parts = {.size = sizeof(int)};
    int *off = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *prio = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!off || !prio)
        goto oom;
    for (int m = 0; m < M; m++) {
        off[m] = parts.n;
        prio[m] = reqs[m].priority >= 1 ? reqs[m].priority : 1;
        const char **att = reqs[m].attendees.data;
        for (int k = -2; k < reqs[m].attendees.n; k++) {
            const char *pid = k == -2 ? reqs[m].from : k == -1 ? reqs[m].to : att[k];
            int q = idmap_get(&pix, pid);
            if (q < 0) {
                q = P++;
                idmap_put(&pix, pid, q);
                const char **pp = vec_push(&l.people, a);
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

    unsigned char *unavail = arena_alloc(a, (size_t)P * (size_t)(S ? S : 1) + 1);
    if (!unavail)
        goto oom;
    const char **un = l.unav.data;
    for (int i = 0; i < l.unav.n; i++) {
        int q = idmap_get(&pix, un[2 * i]), k = idmap_get(&six, un[2 * i + 1]);
        if (q >= 0 && k >= 0)
            unavail[(size_t)q * S + k] = 1;
    }
    /* the people of a published meeting kept out of the solve are busy there */
    for (int i = 0; i < kept_n; i++) {
        const struct req *r = kept[i].req;
        const char **att = r->attendees.data;
        for (int j = -2; j < r->attendees.n && kept[i].slot >= 0; j++) {
            int q = idmap_get(&pix, j == -2 ? r->from : j == -1 ? r->to : att[j]);
            if (q >= 0)
                unavail[(size_t)q * S + kept[i].slot] = 1;
        }
    }
    /* tables: closed rooms are kind 0; a participant's booth is a kind of its
     * own that their meetings need (so they host there); plain meetings may sit
     * anywhere free */
    int *tkind = arena_alloc(a, ((size_t)T + 1) * sizeof(int));
    int *need = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    struct booths bo = {.a = a, .pix = &pix,
                        .booth = arena_alloc(a, ((size_t)P + 1) * sizeof(char *)),
                        .langs = arena_alloc(a, ((size_t)P + 1) * sizeof(char *))};
    if (!tkind || !need || !bo.booth || !bo.langs)
        goto oom;
    for (int k = 0; k < T; k++)
        tkind[k] = strcmp(tabs[k].kind, "room") == 0 ? 0 : -1;
    if (store_person_each(s, on_person, &bo, err) < 0)
        goto out;
    if (bo.oom)
        goto oom;
    int n_kinds = 1;
    for (int m = 0; m < M; m++) {
        need[m] = -1;
        for (int i = off[m]; i < off[m + 1] && need[m] < 0; i++) {
            const char *b = bo.booth[((int *)parts.data)[i]];
            int k = b ? idmap_get(&tix, b) : -1;
            if (k < 0)
                continue;
            if (tkind[k] < 1)
                tkind[k] = n_kinds++;
            need[m] = tkind[k];
        }
    }
    /* locks */
    int *lslot = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    int *ltab = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!lslot || !ltab)
        goto oom;
    for (int m = 0; m < M; m++)
        lslot[m] = ltab[m] = -1;
    for (int i = 0; i < l.locks.n && !o->reschedule_locked; i++) {
        int m = idmap_get(&l.req_ix, locks[i].request);
        int k = idmap_get(&six, locks[i].slot);
        int t = locks[i].location ? idmap_get(&tix, locks[i].location) : -1;
        if (m >= 0 && k >= 0 && t >= 0) {
            lslot[m] = k;
            ltab[m] = t;
            need[m] = tkind[t];   /* what it holds, even if a booth changed since */
        }
    }

    /* published meetings that no longer fit: kept, and said */
    out->warnings = arena_alloc(a, ((size_t)M * 2 + (size_t)kept_n + 1) * sizeof *out->warnings);
    int *people_of = parts.data;
    if (!out->warnings)
        goto oom;
    for (int i = 0; i < kept_n; i++)
        out->warnings[out->warnings_n++] =
            (struct app_schedule_warning){.request = kept[i].req->id, .warning = kept[i].why};
    if (
        check_published(a, M, S, lslot, l.people.data, reqs, &P, &off, &people_of, &unavail,
                        &bo.langs, out->warnings, &out->warnings_n) < 0)
        goto oom;

    struct app_interpreting ip;
    if (app_interpreting_plan(l.interp.data, l.interp.n, slots, S, bo.langs, P, off, people_of,
                              M, a, &ip) < 0)
        goto oom;
    int *needs = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!needs)
        goto oom;
    if (app_interpreting_keep_locked(&ip, lslot, S, M, needs) < 0)
        goto oom;

    out->event = l.event;
    out->accepted = M + kept_n;
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
        out->scheduled = out->upper_bound = kept_n;
        rc = 0;
        goto out;
    }
    struct sched_problem p = {
        .n_people = P, .n_meetings = M, .n_slots = S, .slot_session = sess,
        .people_off = off, .people = people_of, .priority = prio, .unavail = unavail,
        .n_tables = T, .table_kind = tkind, .table_need = need, .n_kinds = n_kinds,
        .n_pairs = ip.n_pairs, .meet_pair = ip.meet_pair, .pair_cap = ip.pair_cap,
        .locked_slot = lslot,
        .locked_table = ltab, .fairness = 2, .seed = o->seed, .max_moves = o->max_moves,
        .time_limit = o->time_limit > 0 ? o->time_limit : 10.0};
    if (sched_solve(&p, &sol, msg, sizeof msg) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "scheduling %s: %s", l.event, msg);
        goto out;
    }
    out->scheduled = sol.scheduled + kept_n;
    out->upper_bound = sol.upper_bound + kept_n;
    out->breaks = sol.breaks;
    out->seconds = sol.seconds;
    out->unscheduled = arena_alloc(a, ((size_t)(M - sol.scheduled) + 1) * sizeof *out->unscheduled);
    if (!out->unscheduled)
        goto oom;
    for (int m = 0; m < M; m++)
        if (sol.slot[m] < 0) {
            out->unscheduled[out->unscheduled_n].request = reqs[m].id;
            out->unscheduled[out->unscheduled_n++].reason = reason_text(a, &sol, &ip, m);
        }

    /* the interpreter who joins each interpreted meeting; a locked meeting
     * whose interpreter is no longer free then (moved to another session, say)
     * keeps its place with none, and the organiser is told */
    const struct store_interpreter *ivs = l.interp.data;
    int *interp_of = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!interp_of)
        goto oom;
    if (app_interpreting_assign(&ip, ivs, l.interp.n, slots, S, sol.slot, M, interp_of) < 0)
        goto oom;
    for (int m = 0; m < M; m++) {
        if (sol.slot[m] < 0 || needs[m] < 0 || interp_of[m] >= 0)
            continue;
        const char *w =
            lslot[m] >= 0
                ? arena_printf(a, "keeps its published slot %d without a %s interpreter: "
                                  "none is free then", sol.slot[m] + 1, ip.pair_name[needs[m]])
                : arena_printf(a, "has no %s interpreter free in slot %d",
                               ip.pair_name[needs[m]], sol.slot[m] + 1);
        if (!w)
            goto oom;
        out->warnings[out->warnings_n].request = reqs[m].id;
        out->warnings[out->warnings_n++].warning = w;
    }
    if (out->warnings_n)
        log_msg(LOG_WARN, "event=schedule_warnings schedule=\"%s\" meetings=%d", l.event,
                out->warnings_n);

    if (o->before_write)
        o->before_write(s, o->before_write_ud);
    if (store_begin(s, err) < 0)
        goto out;
    in_tx = true;
    /* The solve ran outside any transaction: meetings another run placed
     * meanwhile (an accept on the other worker thread) or a publication that
     * locked them were not in what it solved, and writing now would put a
     * meeting where one already is, or unlock published ones. Nothing is
     * written; the caller may run again (app_schedule_opts.retries). */
    long long now;
    if (store_event_schedule_version(s, l.event, &now, err) < 0)
        goto out;
    if (now != version) {
        df_err_set(err, DF_ERR_CONFLICT, "the meetings of event \"%s\" changed while the "
                                         "scheduler ran (a request accepted, or the agendas "
                                         "published): nothing was written; run it again",
                   l.event);
        goto out;
    }
    /* A request cancelled or declined
     * meanwhile must get no meeting (publishing would then lock a meeting
     * nobody wants). Read inside the write transaction, which no one else
     * writes into until it commits, the statuses are those the meetings are
     * written against. */
    struct still still = {.req_ix = &l.req_ix, .accepted = arena_alloc(a, (size_t)M + 1)};
    if (!still.accepted)
        goto oom;
    memset(still.accepted, 0, (size_t)M + 1);
    if (store_request_each(s, l.event, "accepted", on_still_accepted, &still, err) < 0)
        goto out;
    /* each placed meeting is updated where it stands, so that one that moved
     * raises its calendar SEQUENCE (store_meeting_upsert) and one that did
     * not keeps it; deleting and inserting them again would start every one
     * at 0 */
    int gone = 0;
    for (int m = 0; m < M; m++) {
        if (!still.accepted[m]) {
            gone++;   /* its meeting, if it had one, goes below */
            continue;
        }
        if (sol.slot[m] < 0) {
            /* no slot: an unlocked meeting, or a locked one the organiser
             * released (reschedule_locked), that no longer fits; a locked
             * one stays where it is */
            if (lslot[m] < 0 && store_meeting_delete_for_request(s, reqs[m].id, err) < 0)
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
                                   .locked = lslot[m] >= 0 || ev.published_at != NULL};
        if (store_meeting_upsert(s, &mt, err) < 0)
            goto out;
    }
    /* meetings of requests no longer accepted, whenever they stopped being */
    if (store_meeting_clear_unaccepted(s, l.event, err) < 0 || store_commit(s, err) < 0)
        goto out;
    in_tx = false;
    if (gone)
        forget_gone(out, &still, sol.slot, M);
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
    if (!u || !w || !copy_str(a, &r->event))
        return -1;
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
    return 0;
}

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    struct arena work;
    arena_init(&work, SCHEDULE_WORK_MAX);
    int rc = schedule_in(s, o, &work, out, err);
    for (int again = 0; rc < 0 && err->kind == DF_ERR_CONFLICT && again < o->retries; again++) {
        arena_free(&work);
        arena_init(&work, SCHEDULE_WORK_MAX);
        *err = (struct df_err){0};
        rc = schedule_in(s, o, &work, out, err);
    }
    if (rc == 0 && copy_report(out, a) < 0)
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reporting the schedule");
    if (rc < 0)
        memset(out, 0, sizeof *out);   /* nothing pointing into the freed run */
    arena_free(&work);
    return rc;
}
