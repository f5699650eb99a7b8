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
#include "store/table_out.h"

struct schedule_load_req {
    const char *id, *from, *to;
    int priority;
    struct idmap_vec attendees;   /* const char * */
};

struct schedule_load_lock {
    const char *request, *slot, *location;
    const char *interpreter;   /* the published meeting's, or NULL */
    bool online;               /* held online: no location, by video */
};

struct schedule_load {
    struct arena *a;
    const char *event;
    struct idmap b2b;           /* b2b session ids */
    struct idmap_vec slots;           /* struct store_slot copies */
    struct idmap_vec tables;          /* struct store_location copies */
    struct idmap_vec people;          /* const char * ids */
    struct idmap_vec reqs;            /* struct schedule_load_req */
    struct idmap_vec unav;            /* const char *[2] */
    struct idmap_vec locks;           /* struct schedule_load_lock */
    struct idmap_vec interp;          /* struct store_interpreter copies */
    struct idmap_vec meets;           /* struct schedule_load_mtg: every meeting of the event */
    struct idmap_vec outs;            /* struct store_table_out copies: tables out of use */
    struct idmap req_ix;
    int oom;
};

/* A meeting as a run found it in the store: a change meanwhile is told by
 * comparing it with the same meeting read again. */
struct schedule_load_mtg {
    const char *request, *slot, *location, *interpreter;
    int locked;
    bool online;   /* held online: no location, by video */
};

/* l empty, for event; its copies go into a. */
void schedule_load_init(struct schedule_load *l, struct arena *a, const char *event);

/* The j-th person of request r: -2 its sender, -1 its addressee, then its
 * attendees (j < r->attendees.n). */
const char *schedule_load_req_person(const struct schedule_load_req *r, int j);

/* Per table and slot of l (table t, slot k at [t * slots + k]), 1 when a
 * window of l->outs covers the slot: the slot begins before the window ends
 * and ends after it begins (a slot half in the window cannot be held at that
 * table), its times read in zone tz; in a, NULL when out of memory. */
unsigned char *schedule_load_tables_off(const struct schedule_load *l, const char *tz,
                                        struct arena *a);

/* The event's data from the store into l (set up by schedule_load_init): its b2b
 * slots, tables, interpreters, accepted requests and their attendees,
 * unavailability, meetings and the tables' windows out of use. */
int schedule_load_event(struct store *s, struct schedule_load *l, struct df_err *err);

#endif
