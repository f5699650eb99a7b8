/* The console's list of participants (store/web.h's query: a text, those
 * whose organisation states nothing, those with requests to answer) as a
 * file for the organisers to write to them: a reminder to answer requests
 * or to state offers and needs, mail-merged in their own mail program. */
#ifndef DFNC_APP_PEOPLE_LIST_H
#define DFNC_APP_PEOPLE_LIST_H

#include <stdio.h>

#include "app/export.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/web.h"

/* Completes q, its filters set (q, no_capabilities, to_answer,
 * not_arrived, no_meetings), as the console's list reads them at now (the
 * forum's clock): q->event the event given (DF_ERR_NOT_FOUND when unknown)
 * or, for NULL, the forum's (none without an event); q->open_events those
 * whose requests wait for an answer; q->day the day whose arrivals count
 * (today, during that event's days; else NULL: any). In a. 0, or -1 with
 * err. GET /console/people and the mail to the people it lists both read
 * their filters through it: the same filters pick the same people. */
int app_people_list_query(struct store *s, const char *event, long long now, struct arena *a,
                          struct store_web_people_query *q, struct df_err *err);

/* Every person q picks (its limit and offset ignored), by name, as CSV or an
 * .xlsx sheet of the columns id,name,email,organisation,organisation_name,
 * country,offers,needs,to_answer,checked_in_at (a CSV value a spreadsheet
 * would run as a formula behind an apostrophe, as exports write it), or as a
 * JSON array of objects with those keys. *rows gets how many people. 0, or
 * -1 with err. */
int app_people_list_write(struct store *s, const struct store_web_people_query *q,
                          enum app_export_format format, FILE *out, int *rows,
                          struct df_err *err);

#endif
