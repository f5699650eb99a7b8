/* What the organisers' report of an event and its outcome figures read:
 * the register (organisations, people, check-ins), the event's meetings and
 * requests, what was said of the meetings, each table in one pass, for
 * app/report.c to join by rowid (a rowid is never shown). Counts and
 * rowids only: no name, no note. */
#ifndef DFNC_STORE_REPORT_H
#define DFNC_STORE_REPORT_H

#include <stdbool.h>

#include "store/store.h"

/* An organisation of the forum's register: its rowid (never shown: the
 * report joins by it), country, kind and size. */
struct store_report_org {
    long long rid;
    const char *country, *kind;
    bool sme;
};
typedef int (*store_report_org_fn)(void *ud, const struct store_report_org *o);
/* Every organisation, by rowid; a non-zero return from fn stops the walk
 * and is returned. */
int store_report_orgs_each(struct store *s, store_report_org_fn fn, void *ud,
                           struct df_err *err);

/* A person of the register: rowids of the person and of her organisation. */
struct store_report_person {
    long long rid, org;
};
typedef int (*store_report_person_fn)(void *ud, const struct store_report_person *p);
/* Every person, by rowid; as store_report_orgs_each. */
int store_report_people_each(struct store *s, store_report_person_fn fn, void *ud,
                             struct df_err *err);

/* Every check-in at the desk, of any event: the person's rowid and the day
 * ("2027-02-16"), by person then day (the caller judges which are of its
 * event: one read of the arrivals rather than a look-up per person and per
 * meeting); as store_report_orgs_each. */
typedef int (*store_report_came_fn)(void *ud, long long person, const char *day);
int store_report_came_each(struct store *s, store_report_came_fn fn, void *ud,
                           struct df_err *err);

/* How many people arrived on each day of event, in day order: every day
 * from its first to its last, 0 for a day nobody was checked in (a
 * non-zero return from fn stops the walk and is returned). */
typedef int (*store_report_arrivals_fn)(void *ud, const char *day, long long people);
int store_report_arrivals_each(struct store *s, const char *event, store_report_arrivals_fn fn,
                               void *ud, struct df_err *err);

/* An offer or need of the register, for the report's capability areas: its
 * organisation's rowid and its CPV code. A need marked confidential (for
 * organisers only) is left out: the report leaves the organisers' hands. */
struct store_report_capability {
    long long org;
    bool offer;
    const char *cpv;
};
typedef int (*store_report_capability_fn)(void *ud, const struct store_report_capability *c);
/* Every capability but the confidential ones; as store_report_orgs_each. */
int store_report_capabilities_each(struct store *s, store_report_capability_fn fn, void *ud,
                                   struct df_err *err);

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

/* A meeting of the event (of an accepted request): rowids of its request,
 * requester, addressee and slot, and its day (its session's: a forum of
 * several days checks its people in each morning). */
struct store_report_meeting {
    long long request, from, to, slot;
    const char *day;
};
typedef int (*store_report_meeting_fn)(void *ud, const struct store_report_meeting *m);
/* Every meeting of event, by request rowid; as store_report_orgs_each. */
int store_report_meetings_each(struct store *s, const char *event, store_report_meeting_fn fn,
                               void *ud, struct df_err *err);

/* What is said of meetings, by request rowid, each of every event (the
 * caller keeps those of its own): */
enum store_report_mark {
    STORE_REPORT_BEGUN,      /* a slot begun by now: its rowid (no request) */
    STORE_REPORT_OUTCOME,    /* an outcome one of its people reported (text), each once */
    STORE_REPORT_ABSENCE,    /* someone told the desk the other side was not there */
    STORE_REPORT_ATTENDEE,   /* a person (other) who attends it beside the two */
};
typedef int (*store_report_mark_fn)(void *ud, long long rid, long long other, const char *text);
/* How many slots (of any event) have begun by now: a number that moves when
 * a slot begins, or when a slot is added, moved or removed, which is a
 * commit. -1 with err. */
long long store_report_begun_n(struct store *s, long long now, struct df_err *err);
/* Every row of kind: (rid, other, text) are (slot, 0, NULL) for
 * STORE_REPORT_BEGUN (by rowid) judged at now (seconds since 1970; now is read by no
 * other), (request, 0, outcome), (request, 0, NULL), (request, person,
 * NULL). As store_report_orgs_each. */
int store_report_marks_each(struct store *s, enum store_report_mark kind, long long now,
                            store_report_mark_fn fn, void *ud, struct df_err *err);

#endif
