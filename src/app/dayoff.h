/* "I can't come that day": a person's meetings of one day of an event given
 * up in one step (POST /me/day-off, and the organisers' desk for her): the
 * meetings she has as requester or addressee cancelled, those she attends
 * as a colleague left, her B2B slots of that day marked away, each of the
 * other people mailed once for the whole of it. Built on the single
 * actions (app_request_cancel_in, app_attendee_remove_in,
 * app_availability_replace), so their rules, audit lines and warnings hold. */
#ifndef DFNC_APP_DAYOFF_H
#define DFNC_APP_DAYOFF_H

#include <stdbool.h>

#include "app/move.h"
#include "app/requests.h"

/* One of her meetings of the day. */
struct app_dayoff_meeting {
    const char *request, *starts_at, *ends_at;
    const char *table;            /* its table's name, or NULL (online) */
    const char *as;               /* hers as "requester", "addressee" or "attendee" */
    const char *with, *with_name; /* the party she meets: the other one, or the
                                     other organisation's for an attendee */
    struct app_whys warnings;     /* of one left: what its interpreter lacks */
};

struct app_dayoff {
    const char *person, *event, *day;
    bool dry_run;
    /* in time order: cancelled (hers as a party), left (as a colleague),
     * kept (begun or over at `now`: left alone) */
    struct app_dayoff_meeting *cancelled, *left, *kept;
    int cancelled_n, left_n, kept_n;
    int away_n;    /* her B2B slots of the day, not begun, marked away now */
    int mailed;    /* people told by mail (or who would be), each once */
};

/* who gives up person's meetings of day ("YYYY-MM-DD") at event (NULL: the
 * forum's, app_forum_event at who->now) in one transaction, in one mail
 * action (a watch over the event: each other person one mail), as
 * struct app_dayoff says; with dry_run the same is worked out and *out
 * filled, then nothing is kept. who is the person herself (who->person ==
 * person: her cancels are "requester" or "addressee") or an organiser
 * acting for her (who->person NULL: "organiser"). Her away slots are set
 * by herself or the organisers as who is. Errors: DF_ERR_NOT_FOUND (no
 * such event; person unknown or erased), DF_ERR_INPUT code day_off_day
 * (field day: not a day of the event, or before today in its zone),
 * else the single actions'. *out and its strings in a. */
int app_dayoff(struct store *s, const struct app_request_actor *who, const char *person,
               const char *event, const char *day, bool dry_run, struct arena *a,
               struct app_dayoff *out, struct df_err *err);

#endif
