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
#include "core/forum_clock.h"
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

/* Each day's mail by itself (events' day_mail_on and day_mail_at): the
 * mail of a day goes at day_mail_at ("HH:MM") of the event's zone, on the
 * day before ("eve") or on the day itself ("morning"), once: a day whose
 * mail went already, by hand or by itself, is not sent again. */

/* Whether at is a time of day "HH:MM", 00:00 to 23:59. */
bool app_day_mail_at_ok(const char *at);

/* The instant (Unix seconds) day's ("YYYY-MM-DD") mail goes by on and at
 * in zone tzid into *when, and that time as the zone's clock reads it
 * ("2027-02-15T18:00:00+01:00") into wall (may be NULL). As libical reads
 * the zone: a time the clocks skip as they go forward (02:30) takes the
 * offset after the change (the instant of 01:30 before it), one they pass
 * twice as they go back the later, winter offset. -1 when on is NULL or
 * not "eve" or "morning", at not "HH:MM", day not a date, or the zone
 * unknown. */
int app_day_mail_time(const char *day, const char *on, const char *at, const char *tzid,
                      long long *when, char wall[32]);

/* Whether day's mail is due by itself at instant now: its time
 * (app_day_mail_time) has come, was still to come at instant from (when
 * the setting was saved: a setting saved at 20:00 for the eve at 18:00
 * does not mail everyone that minute; that day goes by hand), and the day
 * is not over in zone tzid (a server down at its time sends it once up
 * again, that day still; not after). False for no setting or one that is
 * not valid. Pure: whether it went already is the caller's to know. */
bool app_day_mail_due(const char *day, const char *on, const char *at, const char *tzid,
                      long long from, long long now);

/* What a pass of the day mails by themselves did. */
struct app_day_mail_pass {
    int sent;     /* days whose mail went */
    int failed;   /* days whose send failed (logged; tried again next pass) */
};

/* One pass at instant now (the forum's clock): while the forum sends mail,
 * each published event with a day_mail setting gets, for each of its days
 * not over whose mail is due (app_day_mail_due) and never went, that day's
 * mail (app_day_mail, actor "auto": its audit line and day_mails row).
 * A day's send that fails is logged and counted, the others go on. -1 with
 * err only when the database fails to be read. */
int app_day_mail_pass(struct store *s, long long now, struct app_day_mail_pass *out,
                      struct df_err *err);

/* The next day mail event ev (published or not) sends by itself at
 * instant now: the first of its days not over whose mail never went and
 * whose time was still to come when the setting was saved, into
 * *day and its time as the zone's clock reads it (app_day_mail_time's
 * wall) into *at, both in a; both NULL when none is left or ev has no
 * setting. 0, or -1 with err. */
int app_day_mail_next(struct store *s, const struct store_event *ev, long long now,
                      struct arena *a, const char **day, const char **at, struct df_err *err);

/* The server's thread of day mails by themselves: a connection of its own
 * to the database at db_path and a pass (app_day_mail_pass) at once, then
 * every `every` seconds, by the forum's clock (core/forum_clock.h), as the
 * server's pages read theirs. */
struct app_day_mail_thread;
int app_day_mail_thread_start(const char *db_path, struct forum_clock clock, int every,
                              struct app_day_mail_thread **out, struct df_err *err);
/* Stops it (a pass under way ends first) and frees it (NULL: nothing). */
void app_day_mail_thread_stop(struct app_day_mail_thread *t);

#endif
