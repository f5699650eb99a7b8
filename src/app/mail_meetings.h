/* The mail that tells people their published meetings: the whole list
 * when the organisers publish an event's agendas, then what each later
 * action changed (a meeting moved, cancelled, new), one mail per person per
 * action: a run that moves 30 meetings mails each of their people once.
 * Everything is queued in the action's own transaction (app/mail.h). */
#ifndef DFNC_APP_MAIL_MEETINGS_H
#define DFNC_APP_MAIL_MEETINGS_H

#include <stdbool.h>

#include "store/store.h"

/* An event's published meetings as they stood before an action. */
struct app_mail_watch;

/* In the caller's transaction, before an action that may change event's
 * published meetings (event NULL: every published event's, an import's;
 * only request's when not NULL): *w what stands, or NULL when there is
 * nothing to tell (the forum sends no mail, the event's agendas are not
 * published, or it does not exist yet). 0, or -1 with err and *w NULL. */
int app_mail_watch_begin(struct store *s, const char *event, const char *request,
                         struct app_mail_watch **w, struct df_err *err);

/* Who made an action's changes, as its mail says. */
enum app_mail_cause {
    /* the organisers' hand: a move, an event's edit, an import, their
     * cancel, their own schedule run */
    APP_MAIL_BY_ORGANISERS,
    APP_MAIL_BY_PERSON,   /* a participant's: her cancel (by_person) */
    /* a schedule run an accept or a booking started, which re-planned
     * the schedule around its meeting: nobody's hand moved the others */
    APP_MAIL_BY_RUN,
};

/* After the action, in the same transaction: each person whose meetings in
 * w changed (requesters, addressees, attendees) gets one mail (one per
 * event) listing the changes (app_mail_to_get says who gets mail), saying
 * who made them (cause), but by_person (the participant who acted, with
 * APP_MAIL_BY_PERSON; else NULL), whose name the others read; request
 * skip's (may be NULL) are left to its own mail. Frees w (NULL: nothing).
 * -1 with err. */
int app_mail_watch_end(struct store *s, struct app_mail_watch *w, enum app_mail_cause cause,
                       const char *by_person, const char *skip, struct df_err *err);

/* Whether w (NULL: none) holds a published meeting: one its action's mail
 * will tell of. */
bool app_mail_watch_holds(const struct app_mail_watch *w);

/* Frees w without telling anyone (an action that failed). */
void app_mail_watch_free(struct app_mail_watch *w);

/* In the caller's transaction, as event's agendas are published: each of
 * its people with meetings there gets one mail listing them (when, table,
 * partner and organisation) and the link to her agenda. -1 with err. */
int app_mail_agendas(struct store *s, const char *event, struct df_err *err);

/* The meetings of event's day ("YYYY-MM-DD" of its wall clock) by mail:
 * each of their people (requester, addressee, attendee) one mail ("day")
 * listing hers that day (when, table or link, partner and organisation)
 * and the link to her agenda; with dry_run nothing is queued. *people and
 * *meetings count those of the day, *mailed the people a mail goes (or
 * would go) to. In the caller's transaction; -1 with err. */
int app_mail_meetings_of_day(struct store *s, const char *event, const char *day, bool dry_run,
                             int *people, int *meetings, int *mailed, struct df_err *err);

/* In the caller's transaction, after event's video service (its
 * video_url) was named (relinked false) or changed to another (true) while
 * its agendas are published: each person with a meeting held online there
 * (requester, addressee, attendee) gets one mail ("video_link") listing
 * those meetings, each with its time at the event's clock, her partner and
 * its link (app_mail_to_get says who gets mail). With the action's watch w
 * (NULL: none) nothing is queued now: app_mail_watch_end tells the links
 * in the one mail a person gets of the action, with what else it changed
 * of her meetings ("changed", saying the service was named or changed
 * too), or as this "video_link" mail when it changed nothing else of hers.
 * *mailed: how many people are mailed the links (0 too while the forum
 * sends no mail, before publication, or with no meeting online). -1 with
 * err. Removing the service mails nothing: the caller does not call it
 * then. */
int app_mail_video(struct store *s, const char *event, bool relinked, struct app_mail_watch *w,
                   int *mailed, struct df_err *err);

#endif
