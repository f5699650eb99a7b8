/* What changed while a schedule run solved, read inside its write
 * transaction: whether the new schedule may be written beside it at all, the
 * requests accepted meanwhile, and the run's own meetings that no longer fit
 * someone's availability or booth (the late ones schedule_place.h places). */
#ifndef DFNC_APP_SCHEDULE_MERGE_H
#define DFNC_APP_SCHEDULE_MERGE_H

#include <stdbool.h>

#include "app/schedule_build.h"

/* A request whose meeting the merge places around the new schedule: one
 * accepted while the run solved, one the solve left out that an accept's
 * short run placed meanwhile, or one of the solve's own that no longer fits
 * what changed meanwhile (someone's availability, a host's booth, the
 * languages of its people); where it went when the run wrote. */
struct schedule_merge_late {
    const struct schedule_load_req *req;
    const struct schedule_load_mtg *had; /* its meeting in the store now, or NULL */
    int ours;                   /* its index in the solve, or -1 when accepted meanwhile */
    bool solved;                /* the solve placed it (ours >= 0): counted as scheduled */
    const char *cause;          /* app_schedule_late.cause */
    struct app_why why;         /* what changed, its reason when it finds no place
                                 * (codes: struct app_unscheduled's) */
    int slot, table;            /* where it was written, -1 nowhere */
};

/* Everyone's booth and languages as the store holds them now, by id. */
struct schedule_merge_person {
    const char *id, *booth, *langs;   /* booth NULL when none */
};

struct schedule_merge_people {
    struct arena *a;
    struct idmap_vec rows;   /* struct schedule_merge_person */
    struct idmap ix;
    int oom;
};

/* Everyone's booth and languages now into pn (its copies in a). */
int schedule_merge_people_load(struct store *s, struct arena *a, struct schedule_merge_people *pn,
                               struct df_err *err);

/* The row of person id, or NULL. */
const struct schedule_merge_person *
schedule_merge_person_now(const struct schedule_merge_people *pn, const char *id);

/* The table r's meeting must sit at now: the booth of its first person (in
 * request order, as build reads them) whose booth is a table of the event;
 * -1 when it may sit at any. */
int schedule_merge_booth_table(const struct schedule_build *b,
                               const struct schedule_merge_people *pn,
                               const struct schedule_load_req *r);

/* Who is away in which b2b slot, as the run loaded it (was) and now. */
struct schedule_merge_avail {
    struct idmap pix;   /* the people named in either's rows */
    int n, S;
    unsigned char *was, *now;   /* n * S */
};

/* v from the unavailability as loaded (was) and now; -1 when out of memory. */
int schedule_merge_avail_init(struct schedule_merge_avail *v, struct arena *a,
                              const struct schedule_build *b, const struct schedule_load *was,
                              const struct schedule_load *now);

/* Is person away in b2b slot k now? */
bool schedule_merge_avail_away(const struct schedule_merge_avail *v, const char *person, int k);

/* Did person's availability change while the run solved? */
bool schedule_merge_avail_changed(const struct schedule_merge_avail *v, const char *person);

/* What the merge works from, read inside the write transaction. */
struct schedule_merge {
    const struct schedule_load *now;
    const struct schedule_merge_people *pn; /* booths and languages now */
    const struct schedule_merge_avail *av;  /* who is away where, then and now */
    struct idmap now_mix;          /* now's meetings (now->meets) by request */
    const struct store_event *ev;
    unsigned char *merged;         /* per meeting of the solve: a late one (placed by
                                      schedule_place_late) */
};

/* now's meeting of request id, or NULL. */
const struct schedule_load_mtg *schedule_merge_meeting_now(const struct schedule_merge *mg,
                                                           const char *id);

/* DF_ERR_CONFLICT unless what changed since the load (was) can be merged
 * into the run's schedule: the publication, the event's b2b slots, tables and
 * interpreters, and the attendees of its requests are as the run found them.
 * now: read again inside the write transaction; b: the solve built from was;
 * pn: everyone's booth and languages now. *people_changed: someone's
 * availability, or the booth or languages of someone in the solve, changed
 * (schedule_place_late merges those). */
int schedule_merge_check(const struct schedule_load *was, const struct schedule_load *now,
                         const struct schedule_build *b, const struct schedule_merge_people *pn,
                         const char *published_was, const char *published_now, bool *people_changed,
                         struct df_err *err);

/* The late requests (struct schedule_merge_late) into *late and *late_n, from the meetings
 * and accepted requests as loaded (was) and now; solve_ix and sol: the
 * solve's requests and answer. DF_ERR_CONFLICT when a published meeting of a
 * request still accepted was moved, taken out or locked meanwhile (another
 * organiser's run, a publication): the run cannot keep it and write its own. */
int schedule_merge_find_late(const struct schedule_load *was, const struct schedule_load *now,
                             const struct idmap *solve_ix, const struct schedule_build *b,
                             const struct sched_solution *sol, const struct idmap *now_ix,
                             struct arena *a, struct schedule_merge_late **late, int *late_n,
                             struct df_err *err);

/* The solve's own meetings that no longer fit what changed while it solved,
 * made late (appended to late, *late_n counting) for schedule_place_late to place
 * again: one placed fresh (not a published one held where it is) whose
 * person is now away in its slot or whose host's booth is now another table;
 * one it left out whose person's availability changed, or, when it needed
 * an interpreter, whose person's languages changed, which may fit now.
 * Marks them in mg->merged. */
int schedule_merge_find_displaced(const struct schedule_build *b, const struct sched_solution *sol,
                                  const unsigned char *still, struct schedule_merge *mg,
                                  struct arena *a, struct schedule_merge_late *late, int *late_n);

#endif
