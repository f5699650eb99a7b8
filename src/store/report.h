/* What the organisers' report of an event and its outcome figures read:
 * the register (organisations, people, check-ins), the event's meetings and
 * requests, what was said of the meetings, each table in one pass. The
 * store numbers the organisations, people and meetings it gives (0..n-1,
 * in the order given) and gives every reference between them as such a
 * number, for app/report.c to join them in arrays: no rowid leaves the
 * store. Counts and numbers only: no name, no note. */
#ifndef DFNC_STORE_REPORT_H
#define DFNC_STORE_REPORT_H

#include <stdbool.h>

#include "store/store.h"

/* The numbering of one reading (inside one store_snapshot_begin): what
 * each number stands for, kept here for the reading's later walks. A number
 * means nothing outside its reading. */
struct store_report_ids;
/* A new, empty numbering (NULL when out of memory); the caller frees it
 * with store_report_ids_free. */
struct store_report_ids *store_report_ids_new(void);
void store_report_ids_free(struct store_report_ids *ids);

/* An organisation of the forum's register: its number, country, kind and
 * size. */
struct store_report_org {
    int i;
    const char *country, *kind;
    bool sme;
};
typedef int (*store_report_org_fn)(void *ud, const struct store_report_org *o);
/* Every organisation, numbered 0, 1, ... in ids (first walk of a
 * reading); a non-zero return from fn stops the walk and is returned; -1
 * with err, out of memory too. */
int store_report_orgs_each(struct store *s, struct store_report_ids *ids,
                           store_report_org_fn fn, void *ud, struct df_err *err);

/* A person of the register: her number and her organisation's. */
struct store_report_person {
    int i, org;
};
typedef int (*store_report_person_fn)(void *ud, const struct store_report_person *p);
/* Every person of a numbered organisation, numbered 0, 1, ... in ids
 * (after store_report_orgs_each); as store_report_orgs_each. */
int store_report_people_each(struct store *s, struct store_report_ids *ids,
                             store_report_person_fn fn, void *ud, struct df_err *err);

/* Every check-in at the desk of a numbered person, of any event: her
 * number and the day ("2027-02-16"), by person then day (the caller judges
 * which are of its event: one read of the arrivals rather than a look-up
 * per person and per meeting); after store_report_people_each, as
 * store_report_orgs_each. */
typedef int (*store_report_came_fn)(void *ud, int person, const char *day);
int store_report_came_each(struct store *s, const struct store_report_ids *ids,
                           store_report_came_fn fn, void *ud, struct df_err *err);

/* How many people arrived on each day of event, in day order: every day
 * from its first to its last, 0 for a day nobody was checked in (a
 * non-zero return from fn stops the walk and is returned). */
typedef int (*store_report_arrivals_fn)(void *ud, const char *day, long long people);
int store_report_arrivals_each(struct store *s, const char *event, store_report_arrivals_fn fn,
                               void *ud, struct df_err *err);

/* An offer or need of the register, for the report's capability areas: its
 * organisation's number and its CPV code. A need marked confidential (for
 * organisers only) is left out: the report leaves the organisers' hands. */
struct store_report_capability {
    int org;
    bool offer;
    const char *cpv;
};
typedef int (*store_report_capability_fn)(void *ud, const struct store_report_capability *c);
/* Every capability of a numbered organisation but the confidential ones;
 * after store_report_orgs_each, as it. */
int store_report_capabilities_each(struct store *s, const struct store_report_ids *ids,
                                   store_report_capability_fn fn, void *ud, struct df_err *err);

/* The CPV classifier's labels (`dfnc import cpv`; none before) of its
 * divisions ("33000000-0") and of division 35's groups ("35300000-7"): the
 * code and its English and Ukrainian labels (either NULL); as
 * store_report_orgs_each. */
typedef int (*store_report_label_fn)(void *ud, const char *code, const char *en,
                                     const char *uk);
int store_report_area_labels_each(struct store *s, store_report_label_fn fn, void *ud,
                                  struct df_err *err);

/* The event's requests of one status, and how many of them have a meeting. */
struct store_report_requests {
    const char *status;
    long long requests, meetings;
};
typedef int (*store_report_requests_fn)(void *ud, const struct store_report_requests *r);
/* One call per status the event's requests have (none for an event without
 * requests, or with no such id: the caller looks the event up). */
int store_report_requests_each(struct store *s, const char *event, store_report_requests_fn fn,
                               void *ud, struct df_err *err);

/* A meeting of the event (of an accepted request): its number, its
 * requester's and addressee's, whether its slot has begun by now, and its
 * day (its session's: a forum of several days checks its people in each
 * morning). */
struct store_report_meeting {
    int i, from, to;
    bool begun;
    const char *day;
};
typedef int (*store_report_meeting_fn)(void *ud, const struct store_report_meeting *m);
/* Every meeting of event between numbered people, numbered 0, 1, ... in
 * ids, its slot judged begun at now (seconds since 1970); after
 * store_report_people_each, as store_report_orgs_each. */
int store_report_meetings_each(struct store *s, struct store_report_ids *ids, const char *event,
                               long long now, store_report_meeting_fn fn, void *ud,
                               struct df_err *err);

/* What is said of the numbered meetings (those of other events are left
 * out): */
enum store_report_mark {
    STORE_REPORT_OUTCOME,    /* an outcome one of its people reported (text), each once */
    STORE_REPORT_ABSENCE,    /* someone told the desk the other side was not there */
    STORE_REPORT_ATTENDEE,   /* a numbered person (other) who attends it beside the two */
};
typedef int (*store_report_mark_fn)(void *ud, int meeting, int other, const char *text);
/* How many slots (of any event) have begun by now: a number that moves when
 * a slot begins, or when a slot is added, moved or removed, which is a
 * commit. -1 with err. */
long long store_report_begun_n(struct store *s, long long now, struct df_err *err);
/* Every row of kind: (meeting, other, text) are (meeting, -1, outcome),
 * (meeting, -1, NULL), (meeting, person, NULL); after
 * store_report_meetings_each, as store_report_orgs_each. */
int store_report_marks_each(struct store *s, const struct store_report_ids *ids,
                            enum store_report_mark kind, store_report_mark_fn fn, void *ud,
                            struct df_err *err);

#endif
