/* A person's agenda in one query: their scheduled meetings with everyone who
 * attends each (the hot path of GET /api/v1/me/agenda). */
#ifndef DFNC_STORE_AGENDA_H
#define DFNC_STORE_AGENDA_H

#include "store/store.h"

/* One row per (meeting, attendee), in time order (the instant, whatever the
 * events' zones), attendees by id. */
struct store_agenda_row {
    const char *meeting, *request, *event, *event_name, *venue;
    const char *timezone;      /* the meeting's event's IANA zone, "America/New_York" */
    const char *starts_at, *ends_at, *location, *message;
    const char *interpreter;   /* the interpreter's name and pair, "Iryna Savchuk (uk-en)", or NULL */
    int sequence, locked;
    int published;             /* the event's agendas are published; 0: provisional */
    const char *person, *person_name, *org, *org_name, *org_country;
    const char *org_name_uk;   /* the organisation's Ukrainian name, or NULL */
    /* the programme in Ukrainian beside the English (or only) text above:
     * the event's name and venue, the name of the session the meeting's
     * slot lies in; NULL where none is given */
    const char *event_name_uk, *venue_uk, *session_name, *session_name_uk;
    int withdrawn;             /* no longer in the agendas (store_agenda_calendar_each) */
    /* of a withdrawn meeting (NULL otherwise): its request's status now
     * ("cancelled", "declined", "pending", or "accepted": left out by a later
     * run), who cancelled it ("requester", "addressee", "organiser" or NULL),
     * and when it left the agendas (UTC, "2027-02-16T09:12:00Z") */
    const char *status, *cancelled_by, *withdrawn_at;
    /* of a meeting an organiser moved (NULL otherwise, and once a run moved
     * it again): its slot's start then, as stored, and its table's name */
    const char *moved_from_start, *moved_from_location;
    int moved_from_online;     /* moved from online (no table, its room) */
    int introduced;            /* its request the organisers' (store_request.introduced):
                                  an introduction, or a meeting they booked */
    /* held online, by video, without a table (a hybrid forum): online 1, and
     * the room's link (the event's video service and the meeting's room), or
     * NULL while the event names no service */
    int online;
    const char *video_url;
    /* the person whose agenda it is joins it as one of its request's
     * attendees, neither its requester nor its addressee (store_agenda_each) */
    int attending;
};

typedef int (*store_agenda_fn)(void *ud, const struct store_agenda_row *row);

/* Walks the accepted, scheduled meetings of person (DF_ERR_NOT_FOUND if no
 * such person). */
int store_agenda_each(struct store *s, const char *person, store_agenda_fn fn, void *ud,
                      struct df_err *err);

/* Walks what store_agenda_each walks, then, in the same rows, the meetings
 * of person's requests that left the agendas (cancelled, or left out by a
 * later run) and were not placed again: their last time and table, sequence
 * the calendar SEQUENCE their withdrawal takes, withdrawn 1, locked 0, no
 * interpreter or session (its slot may be gone), a row for everyone of the
 * request; then the same of the meetings she was taken off as a colleague
 * attending them (as she last had them; a row for each of their people now).
 * All in one read, so that no meeting is in two. What a calendar holding the
 * agenda must know. */
int store_agenda_calendar_each(struct store *s, const char *person, store_agenda_fn fn,
                               void *ud, struct df_err *err);

/* A talk or break (a session not of B2B meetings) of the programme of an
 * event in a person's calendar, or one that left it (withdrawn: removed, or
 * made a B2B session), as it was then. Texts NULL where none is given. */
struct store_programme_row {
    const char *session, *event, *event_name, *event_name_uk, *venue, *venue_uk;
    const char *timezone;          /* the event's IANA zone */
    const char *name, *name_uk, *kind, *starts_at, *ends_at;
    const char *place, *place_uk, *description, *description_uk;
    int sequence;                  /* its calendar SEQUENCE (a withdrawn one's raised) */
    int withdrawn;                 /* taken out once the event's agendas were published */
    bool published;                /* the event's agendas are: confirmed, else tentative */
};
typedef int (*store_programme_fn)(void *ud, const struct store_programme_row *row);

/* Walks the talks and breaks, and those withdrawn once their event's
 * agendas were published (migration 58 keeps no others), of the events in
 * person's calendar: those of her meetings (scheduled or withdrawn, or
 * that she was taken off as a colleague) and event (NULL: none; the
 * forum's, which the programme page shows her). By start then id; fn's
 * non-zero return stops the walk and is returned. DF_ERR_NOT_FOUND if
 * no such person. */
int store_programme_calendar_each(struct store *s, const char *person, const char *event,
                                  store_programme_fn fn, void *ud, struct df_err *err);

/* Walks only the withdrawn meetings store_agenda_calendar_each walks, with
 * their status, cancelled_by and withdrawn_at: what the agenda page lists as
 * cancelled. */
int store_agenda_withdrawn_each(struct store *s, const char *person, store_agenda_fn fn,
                                void *ud, struct df_err *err);

/* One person met: someone of another organisation at one of person's
 * meetings that has begun (its slot's start, with its UTC offset, against
 * now, the caller's clock in Unix seconds) and that nobody said did not take
 * place (not_held). No e-mail: a participant sees only her own (docs/api.md). */
struct store_met {
    const char *person, *name, *title, *languages;
    const char *org, *org_name, *org_name_uk, *org_country, *org_website;
    const char *org_description, *org_description_uk;
    const char *event_name, *starts_at;   /* their first such meeting's */
};
typedef int (*store_met_fn)(void *ud, const struct store_met *m);
/* The people person met, once each, by name then id (DF_ERR_NOT_FOUND if
 * no such person); fn's non-zero return stops the walk and is returned. */
int store_met_each(struct store *s, const char *person, int64_t now, store_met_fn fn,
                   void *ud, struct df_err *err);

#endif
