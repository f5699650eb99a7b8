/* The organisers' reminder to the people whose meeting requests wait for
 * their answer: a run of the scheduler places accepted requests only, so a
 * request nobody answers gets no meeting. One mail to each addressee with
 * requests pending at an event, listing who asks, in her language. */
#ifndef DFNC_APP_REMINDERS_H
#define DFNC_APP_REMINDERS_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* Requests a reminder names one by one; it counts the rest. */
#define APP_REMIND_LISTED 20

struct app_remind {
    int people;            /* addressees with requests pending at the event */
    int requests;          /* those requests */
    int mailed;            /* people mailed (a dry run: who would be) */
    int reminded_lately;   /* people left out: reminded within STORE_REMINDED_HOURS */
    int not_mailed;        /* people no mail reaches: no usable address, mail off, erased */
};

/* Reminds, by mail, everyone with requests pending at event to answer
 * them, in one transaction with an audit line by actor; a dry run counts
 * and writes nothing. Someone reminded within the last STORE_REMINDED_HOURS
 * (by the machine's clock) is not mailed again. -1 with err: DF_ERR_NOT_FOUND
 * for an unknown event, DF_ERR_CONFLICT with code event_over once its last
 * day is over (at now, in its zone), or mail_off while the forum sends no
 * mail. */
int app_remind_to_answer(struct store *s, const char *actor, const char *event, bool dry_run,
                         long long now, struct app_remind *out, struct df_err *err);

#endif
