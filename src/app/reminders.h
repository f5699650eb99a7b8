/* The mail organisers send participants when they choose: a reminder to
 * the people whose meeting requests wait for their answer (a run of the
 * scheduler places accepted requests only, so a request nobody answers
 * gets no meeting), one mail each listing who asks; on the eve or
 * morning of each day of the forum, each person's meetings of that day;
 * after meetings, a question to their people of what they led to. */
#ifndef DFNC_APP_REMINDERS_H
#define DFNC_APP_REMINDERS_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* Requests a reminder (meetings a question of outcomes) names one by one;
 * it counts the rest. */
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

struct app_ask_outcomes {
    int people;         /* people of meetings begun who said no outcome of one of them */
    int meetings;       /* those meetings */
    int mailed;         /* people mailed (a dry run: who would be) */
    int asked_lately;   /* people left out: asked within STORE_OUTCOMES_ASKED_HOURS */
    int not_mailed;     /* people no mail reaches: no usable address, mail off, erased */
};

/* Asks, by mail ("outcomes"), each person of event's meetings that have
 * begun by now (the outcomes' rule, app_outcome_set's) and are not
 * cancelled, who has said no outcome of one of them (an attendee too:
 * she may say one), what they led to: one mail each listing those
 * meetings (when, at the event's zone; whom she met, as the day's mail
 * names them), in one transaction with an audit line by actor; a dry run
 * counts and writes nothing. Someone asked of this event within the last
 * STORE_OUTCOMES_ASKED_HOURS (by the machine's clock) is not mailed again.
 * -1 with err: DF_ERR_NOT_FOUND for an unknown event, DF_ERR_CONFLICT with
 * code nothing_begun while none of its meetings has begun, or mail_off
 * while the forum sends no mail. */
int app_ask_outcomes(struct store *s, const char *actor, const char *event, bool dry_run,
                     long long now, struct app_ask_outcomes *out, struct df_err *err);

/* What the mail of a day's meetings did (or, a dry run, would do). */
struct app_day_mail {
    int people, meetings;   /* the day's, at the event */
    int mailed;             /* people mailed */
    /* when that day's mail went before (NULL: never), by whom, to how many */
    const char *before_at, *before_by;
    int before_people;
};

/* Mails each person with meetings at event on day ("YYYY-MM-DD", one of
 * its days, today or later at now in its zone) those meetings (mail kind
 * "day"), in one transaction that keeps when it went and an audit line by
 * actor; a dry run counts and writes nothing. out->before_* say the send
 * before, if any (in a): a second send mails everyone again. -1 with err:
 * DF_ERR_NOT_FOUND for an unknown event, DF_ERR_INPUT for a
 * day not of the event or over, DF_ERR_CONFLICT not_published while its
 * agendas are not published, or mail_off while the forum sends no mail. */
int app_day_mail(struct store *s, const char *actor, const char *event, const char *day,
                 bool dry_run, long long now, struct arena *a, struct app_day_mail *out,
                 struct df_err *err);

#endif
