/* Queries the HTTP API and the request workflow need beyond store.h: a person's
 * open-request counts, organisation search, people of an organisation,
 * replacing an organisation's capabilities. Records passed to callbacks are valid
 * only during the call (as in store.h). */
#ifndef DFNC_STORE_API_H
#define DFNC_STORE_API_H

#include "store/store.h"

/* Pending requests person sent at event; -1 on error. */
int64_t store_api_open_sent(struct store *s, const char *event, const char *person,
                            struct df_err *err);
/* 1 when a pending or accepted request links a and b (either way) at event, 0 when
 * none, -1 on error. */
/* The open (pending or accepted) request between a and b (either way) at
 * event, an accepted one first: 1 with *id and *status (either may be NULL)
 * in ar, 0 when none, -1 on error. */
int store_api_pair_open(struct store *s, const char *event, const char *a, const char *b,
                        struct arena *ar, const char **id, const char **status,
                        struct df_err *err);
int store_api_pair_is_open(struct store *s, const char *event, const char *a, const char *b,
                           struct df_err *err);

struct store_org_query {
    const char *q;         /* substring of a name or description, English or Ukrainian,
                              case folded in both scripts; NULL = any */
    const char *country;   /* exact ISO code; NULL = any */
    const char *kind;      /* exact kind; NULL = any */
    int limit, offset;     /* at most limit rows (0: none), from the offset-th */
};
/* The page of q's organisations, by id, and in *total (unless NULL) the count
 * of every one that matches, both from one state of the database. */
int store_api_org_search(struct store *s, const struct store_org_query *q, store_org_fn fn,
                         void *ud, int64_t *total, struct df_err *err);
int store_api_person_each_in_org(struct store *s, const char *org, store_person_fn fn,
                                 void *ud, struct df_err *err);
/* Deletes every capability of org (before writing its new list, in one transaction). */
int store_api_capability_clear(struct store *s, const char *org, struct df_err *err);

/* SQLite's data_version of this connection: it changes when another connection
 * commits (not when this one does). -1 on error. */
int64_t store_api_data_version(struct store *s);
/* A counter raised by every committed change to what the partner engine
 * indexes (organisations, people's languages, capabilities, CPV labels,
 * projects and members; migration 6; the organiser's glossary, migration 7), by
 * any connection. -1 on error. */
int64_t store_api_match_generation(struct store *s);
/* A counter raised by every committed change to what a procurement plan and
 * its views read (demands and their funders, supplies, organisations' ids,
 * names and countries, CPV labels; migration 16), by any connection. -1 on
 * error. */
int64_t store_api_procure_generation(struct store *s);
/* The counter raised by every committed change to what a person's agenda
 * reads (her meetings, their people and organisations, the programme of her
 * calendar: migration 63), by any connection, into *n: 0; 1 inside a
 * transaction or a read, where it is this transaction's view (its own writes
 * so far counted): what is read there may be compared with what was kept,
 * never kept (it may be undone, and the number it saw given again to another
 * change); -1 on error. A check-in, a message, an outcome, mail sent or a
 * login leaves it. */
int store_api_agenda_generation(struct store *s, int64_t *n);
/* A counter raised by every committed change to what the meetings led to
 * (an outcome said, changed or taken back; not its note: migration 63), by
 * any connection. -1 on error. */
int64_t store_api_outcome_generation(struct store *s);

#endif
