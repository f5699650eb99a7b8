/* Applications to take part in the forum (migration 36): sent on its site by
 * people it does not know yet, kept pending until an organiser approves or
 * declines them (app/applications.h); and whether the forum takes them. */
#ifndef DFNC_STORE_APPLICATIONS_H
#define DFNC_STORE_APPLICATIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "store/store.h"

/* One application. Her organisation is org (an existing one's id) or, when
 * org is NULL, a new one: org_name, org_country, org_kind, org_sme. */
struct store_application {
    const char *id, *created_at, *status;   /* status pending|approved|declined */
    const char *name, *email, *title, *languages;
    const char *org, *org_name, *org_country, *org_kind;
    int org_sme;
    const char *message;
    const char *decided_at, *decided_by, *person;   /* NULL while pending; person on approval */
};

/* Whether the forum takes applications: 1 open, 0 closed (the default), -1
 * with err. */
int store_applications_open_get(struct store *s, struct df_err *err);
int store_applications_open_set(struct store *s, bool open, struct df_err *err);

/* Keeps a pending application (its id given; created_at, status and the
 * decision's fields are the store's). DF_ERR_CONFLICT when one from the
 * same e-mail (letter case aside) is pending already. */
int store_application_add(struct store *s, const struct store_application *ap, struct df_err *err);

/* The pending applications: all of them, or from email (letter case aside)
 * when email is not NULL. The count, or -1 with err. */
int64_t store_applications_pending_n(struct store *s, const char *email, struct df_err *err);

/* Application id into *ap (strings in a); DF_ERR_NOT_FOUND when none. */
int store_application_get(struct store *s, const char *id, struct arena *a,
                          struct store_application *ap, struct df_err *err);

/* Marks pending application id status ("approved" or "declined") by by,
 * with the person approval made (NULL on a decline): 1 done, 0 when it is
 * not pending (or there is none), -1 with err. */
int store_application_decide(struct store *s, const char *id, const char *status, const char *by,
                             const char *person, struct df_err *err);

/* Calls fn for the applications of status (NULL: all), newest first, limit
 * from the offset-th; a non-zero return from fn stops the walk and is
 * returned. *total: how many there are of that status. */
typedef int (*store_application_fn)(void *ud, const struct store_application *ap);
int store_application_page(struct store *s, const char *status, int limit, int offset,
                           store_application_fn fn, void *ud, int64_t *total,
                           struct df_err *err);

#endif
