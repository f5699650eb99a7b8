/* A schedule run's view of an event as the store holds it: b2b slots,
 * tables, interpreters, accepted requests with their attendees, who is away
 * when, and the meetings. Read once before the solve and again inside the
 * write transaction, where the two are compared (schedule_merge.h). */
#ifndef DFNC_APP_SCHEDULE_LOAD_H
#define DFNC_APP_SCHEDULE_LOAD_H

#include "app/idmap.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

struct load_req {
    const char *id, *from, *to;
    int priority;
    struct vec attendees;   /* const char * */
};

struct load_lock {
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
    struct vec reqs;            /* struct load_req */
    struct vec unav;            /* const char *[2] */
    struct vec locks;           /* struct load_lock */
    struct vec interp;          /* struct store_interpreter copies */
    struct vec meets;           /* struct load_mtg: every meeting of the event */
    struct idmap req_ix;
    int oom;
};

/* A meeting as a run found it in the store: a change meanwhile is told by
 * comparing it with the same meeting read again. */
struct load_mtg {
    const char *request, *slot, *location, *interpreter;
    int locked;
};

/* l empty, for event; its copies go into a. */
void load_init(struct load *l, struct arena *a, const char *event);

/* The j-th person of request r: -2 its sender, -1 its addressee, then its
 * attendees (j < r->attendees.n). */
const char *load_req_person(const struct load_req *r, int j);

/* The event's data from the store into l (set up by load_init): its b2b
 * slots, tables, interpreters, accepted requests and their attendees,
 * unavailability and meetings. */
int load_event(struct store *s, struct load *l, struct df_err *err);

#endif
