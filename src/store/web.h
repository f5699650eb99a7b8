/* Queries the web interface needs beyond store.h and store/api.h: organisation
 * search with every filter of the search page, CPV lookup for the picker, the
 * participant list with check-in, the event's meetings with both parties for
 * the table plan and the dashboard, and requests with both parties' names.
 * The organiser's lists come a page at a time (LIMIT and OFFSET in SQL, in a
 * stable order) with the number of every row that matches: a forum of 5,000
 * people has 25,000 requests. Records passed to callbacks are valid only
 * during the call (as in store.h). */
#ifndef DFNC_STORE_WEB_H
#define DFNC_STORE_WEB_H

#include "store/store.h"

struct store_web_org_query {
    const char *q;        /* substring of name, Ukrainian name or description; NULL = any */
    const char *country;  /* ISO code; NULL = any */
    const char *kind;     /* NULL = any */
    int sme;              /* -1 any, 0 or 1 */
    int region;           /* 0 any, 1 the forum's European side (not Ukraine), 2 Ukraine */
    const char *cpv;      /* leading digits (2 to 8) of an offer or need; NULL = any */
    const char *direction; /* "offer" or "need": only those count for cpv (with no cpv,
                              any one of them does); NULL = both */
    int limit;
    int confidential_too; /* 1: confidential needs match the cpv filter (organisers) */
};
int store_web_org_search(struct store *s, const struct store_web_org_query *q, store_org_fn fn,
                         void *ud, struct df_err *err);

struct store_web_cpv {
    const char *code, *label_en, *label_uk;
};
typedef int (*store_web_cpv_fn)(void *ud, const struct store_web_cpv *c);
/* Every code of the classifier in code order (the picker filters and ranks). */
int store_web_cpv_each(struct store *s, store_web_cpv_fn fn, void *ud, struct df_err *err);

struct store_web_person {
    const char *id, *name, *title, *email, *org, *org_name, *country;
    const char *checked_in_at;   /* her arrival on the query's day (her last, for any) */
    int offers, needs;   /* the organisation's capabilities: without any, suggestions are weak */
    const char *org_name_uk;   /* the organisation's Ukrainian name, or NULL */
    int to_answer;             /* meeting requests waiting for their answer (store.h) */
    int meetings;              /* requests accepted with them at the query's event:
                                  requester, addressee, attendee */
};
typedef int (*store_web_person_fn)(void *ud, const struct store_web_person *p);
struct store_web_people_query {
    const char *q;          /* a person id as it is, or a substring of the name, email or
                               organisation's name (English or Ukrainian), case folded in
                               both scripts; NULL = anyone */
    bool no_capabilities;   /* only those whose organisation states no offer or need */
    bool to_answer;         /* only those with meeting requests waiting for their answer */
    const char *day;        /* the day whose arrivals count ("YYYY-MM-DD": the desk's
                               today during the forum), NULL: any day (who came at all) */
    bool not_arrived;       /* only those not checked in that day: the desk's morning;
                               the week after, who did not come */
    const char *open_events;   /* the events whose requests wait for an answer, a JSON
                                  array of ids (app_forum_open_events); NULL: none */
    const char *event;      /* the event whose accepted requests `meetings` counts and
                               no_meetings asks; NULL: none (every count 0) */
    bool no_meetings;       /* only those with no request accepted there: whom to introduce */
    int limit, offset;      /* at most limit (-1: all) from the offset-th */
};
/* The people q picks, by name then id; *total gets how many it picks in all,
 * *checked_in how many of them have arrived (either may be NULL). */
int store_web_people_page(struct store *s, const struct store_web_people_query *q,
                          store_web_person_fn fn, void *ud, int64_t *total,
                          int64_t *checked_in, struct df_err *err);
/* Marks person arrived on day ("YYYY-MM-DD") at instant now (seconds since
 * 1970 UTC), the day's first time kept; DF_ERR_NOT_FOUND for an unknown or
 * erased person. The day's time (UTC, ISO 8601) goes into *at, in a. */
int store_web_checkin(struct store *s, const char *person, const char *day, int64_t now,
                      struct arena *a, const char **at, struct df_err *err);
/* person's arrival on day (its time, UTC) into *at, in a; NULL when she
 * did not come that day (or there is no such person). */
int store_arrival_on(struct store *s, const char *person, const char *day, struct arena *a,
                     const char **at, struct df_err *err);
/* Every arrival: the person's id and the day, by person then day; a
 * non-zero return from fn stops the walk and is returned. */
typedef int (*store_arrival_fn)(void *ud, const char *person, const char *day);
int store_arrival_each(struct store *s, store_arrival_fn fn, void *ud, struct df_err *err);
/* Takes person's arrival on day back (one given to the wrong person at the
 * desk): her other days' stay. DF_ERR_NOT_FOUND for an unknown person. */
int store_web_checkin_undo(struct store *s, const char *person, const char *day,
                           struct df_err *err);

struct store_web_party {
    const char *id, *name, *org, *org_name, *country;
    const char *org_name_uk;   /* or NULL */
};
struct store_web_meeting {
    const char *id, *request, *slot, *starts_at, *ends_at, *location, *location_name;
    struct store_web_party a, b;     /* requester, addressee */
    const char *cpv;                 /* an offer of one meeting a need of the other, same
                                        CPV group (three digits); NULL if none */
    const char *cpv_label_en, *cpv_label_uk;   /* the group's label */
    const char *interpreter;         /* "Iryna Savchuk (uk-en)", or NULL */
    bool online;                     /* held by video in a room of its own, at no table */
};
typedef int (*store_web_meeting_fn)(void *ud, const struct store_web_meeting *m);
struct store_web_meeting_query {
    const char *event;
    const char *q;          /* a request's or a party's id as it is, or a substring of a
                               party's name or organisation's name (English or Ukrainian),
                               case folded in both scripts; NULL = any */
    const char *slot, *location;   /* ids; NULL = any */
    int limit, offset;      /* at most limit (-1: all) from the offset-th */
};
/* One figure of an event's scheduled meetings, for the dashboard's charts: a
 * pair of countries (a, b as from and to), an hour of the day ("10", the
 * event's wall clock), or a three-digit CPV group one side offers and the
 * other needs ("356", its first code's labels; "" for meetings with none). */
enum store_web_figure { STORE_WEB_PAIR, STORE_WEB_HOUR, STORE_WEB_CPV };
struct store_web_count {
    enum store_web_figure kind;
    const char *a, *b;                /* the pair's countries; a also the hour or the group */
    const char *label_en, *label_uk;  /* a group's */
    long long n;
};
typedef int (*store_web_count_fn)(void *ud, const struct store_web_count *c);
/* The counts of event's scheduled meetings by country pair, by hour and by
 * CPV group, read in one state of the database; fn gets each. */
int store_web_meeting_counts(struct store *s, const char *event, store_web_count_fn fn,
                             void *ud, struct df_err *err);
/* The event's meetings q picks in time order, then table; *total (may be
 * NULL) gets how many it picks in all. */
int store_web_meeting_page(struct store *s, const struct store_web_meeting_query *q,
                           store_web_meeting_fn fn, void *ud, int64_t *total,
                           struct df_err *err);

/* A request with both parties (from, to) named. */
struct store_web_request {
    struct store_request r;
    struct store_web_party from, to;
    /* why the event's last schedule run left it without a meeting, or NULL
     * (store_unscheduled_reasons_replace) */
    const char *unscheduled_reason;
    /* its code and values (a JSON object's text), NULL for one kept before
     * codes (migration 32) */
    const char *unscheduled_code, *unscheduled_values;
    /* its attendees, store_request_attendees_json's array (store.h) */
    const char *attendees_json;
};
typedef int (*store_web_request_fn)(void *ud, const struct store_web_request *q);
struct store_web_request_query {
    const char *person;     /* sent or received by this person; NULL = anyone's */
    bool attending;         /* and those person is an attendee of (her own list) */
    const char *event, *status;    /* NULL = any */
    const char *q;          /* as store_web_meeting_query's */
    bool unscheduled;       /* only those with no meeting */
    int limit, offset;      /* at most limit (-1: all) from the offset-th */
};
/* The requests q picks, oldest first; *total (may be NULL) gets how many it
 * picks in all. */
int store_web_request_page(struct store *s, const struct store_web_request_query *q,
                           store_web_request_fn fn, void *ud, int64_t *total,
                           struct df_err *err);

#endif
