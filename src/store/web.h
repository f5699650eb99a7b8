/* Queries the web interface needs beyond store.h and store/api.h: organisation
 * search with every filter of the search page, CPV lookup for the picker, the
 * participant list with check-in, and the event's meetings with both parties
 * for the table plan and the dashboard. Records passed to callbacks are valid
 * only during the call (as in store.h). */
#ifndef DFNC_STORE_WEB_H
#define DFNC_STORE_WEB_H

#include "store/store.h"

struct store_web_org_query {
    const char *q;        /* substring of name, Ukrainian name or description; NULL = any */
    const char *country;  /* ISO code; NULL = any */
    const char *kind;     /* NULL = any */
    int sme;              /* -1 any, 0 or 1 */
    const char *cpv;      /* leading digits (2 to 8) of an offer or need; NULL = any */
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
    const char *id, *name, *title, *email, *org, *org_name, *country, *checked_in_at;
    int offers, needs;   /* the organisation's capabilities: without any, suggestions are weak */
    const char *org_name_uk;   /* the organisation's Ukrainian name, or NULL */
};
typedef int (*store_web_person_fn)(void *ud, const struct store_web_person *p);
/* Everyone, by name. */
int store_web_people_each(struct store *s, store_web_person_fn fn, void *ud, struct df_err *err);
/* Marks an arrival (keeps the first time); DF_ERR_NOT_FOUND for an unknown person.
 * The time (UTC, ISO 8601) goes into *at, in the arena. */
int store_web_checkin(struct store *s, const char *person, struct arena *a, const char **at,
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
};
typedef int (*store_web_meeting_fn)(void *ud, const struct store_web_meeting *m);
/* The event's meetings in time order, then table. */
int store_web_meeting_each(struct store *s, const char *event, store_web_meeting_fn fn,
                           void *ud, struct df_err *err);

#endif
