/* What the organisers' report of an event reads beside the outcome figures
 * (store/outcomes.h): who came, by their organisation's country, kind and
 * size, and the event's requests by status. Counts only: no name, no note. */
#ifndef DFNC_STORE_REPORT_H
#define DFNC_STORE_REPORT_H

#include <stdbool.h>

#include "store/store.h"

/* The organisations of one country, kind and size (sme), with their people
 * and how many of those checked in at the desk (on any day); and how many of them (and of
 * the organisations) have at least one meeting at the event: as requester,
 * addressee or attendee of an accepted request with a meeting. */
struct store_report_people {
    const char *country, *kind;
    bool sme;
    long long organisations, people, checked_in;
    long long organisations_met, people_met;
};
typedef int (*store_report_people_fn)(void *ud, const struct store_report_people *p);
/* Every group, ordered by country, kind, sme, its meetings those of event; a
 * non-zero return from fn stops the walk and is returned. */
int store_report_people_each(struct store *s, const char *event, store_report_people_fn fn,
                             void *ud, struct df_err *err);

/* How many people arrived on each day of event, in day order: every day
 * from its first to its last, 0 for a day nobody was checked in (a
 * non-zero return from fn stops the walk and is returned). */
typedef int (*store_report_arrivals_fn)(void *ud, const char *day, long long people);
int store_report_arrivals_each(struct store *s, const char *event, store_report_arrivals_fn fn,
                               void *ud, struct df_err *err);

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

/* What is known of whether one meeting of the event took place: its
 * requester's and addressee's organisations' countries, whether its slot has
 * begun by now, whether both of them checked in at the desk on its day (its
 * session's: a two-day forum checks people in each day), whether one of
 * its people said it was not held, whether one said what it led to (any
 * other outcome), and whether one told the desk the other was not there. */
struct store_report_attendance {
    const char *request;   /* its request's id */
    const char *from_country, *to_country;
    bool begun, both_checked_in, said_not_held, said_outcome, absence_reported;
};
typedef int (*store_report_attendance_fn)(void *ud, const struct store_report_attendance *m);
/* One call per meeting of an accepted request of event, begun judged at now
 * (seconds since 1970); a non-zero return from fn stops the walk and is
 * returned. */
int store_report_attendance_each(struct store *s, const char *event, long long now,
                                 store_report_attendance_fn fn, void *ud, struct df_err *err);

/* One person of one meeting of the event (requester, addressee or
 * attendee of an accepted request with a meeting), with their
 * organisation's id, country, kind and size. */
struct store_report_meeting_person {
    const char *request, *person, *organisation, *country, *kind;
    bool sme;
};
typedef int (*store_report_meeting_person_fn)(void *ud,
                                              const struct store_report_meeting_person *m);
/* Every person of every meeting of event, ordered by person id (one call
 * per meeting they are in); a non-zero return from fn stops the walk and is
 * returned. */
int store_report_meeting_people_each(struct store *s, const char *event,
                                     store_report_meeting_person_fn fn, void *ud,
                                     struct df_err *err);

#endif
