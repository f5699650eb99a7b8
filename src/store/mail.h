/* The mail dfnc sends people (migration 33): an outbox of composed texts
 * that a sender takes, sends over SMTP and marks; whether the forum sends
 * mail at all; a person's word that she wants none. */
#ifndef DFNC_STORE_MAIL_H
#define DFNC_STORE_MAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "store/store.h"

/* The public address the forum's mail links to (its web pages' base, no
 * trailing slash) into *url (in a): 1 when the forum sends mail, 0 when
 * not (*url NULL), -1 with err. */
int store_mail_config_get(struct store *s, struct arena *a, const char **url,
                          struct df_err *err);
/* Turns mail on with links to url, or off (url NULL): mail queued before
 * stays in the outbox. */
int store_mail_config_set(struct store *s, const char *url, struct df_err *err);

/* Whether person id wants mail from dfnc: 1 yes (the default), 0 no, -1
 * with err (DF_ERR_NOT_FOUND for no such person). */
int store_mail_notify_get(struct store *s, const char *person, struct df_err *err);
int store_mail_notify_set(struct store *s, const char *person, bool notify, struct df_err *err);

/* Someone a forum-wide mail may go to, with what app_person_language
 * reads; valid during the call only. */
struct store_mail_reader {
    const char *person, *email, *ui_language, *languages, *country;
};
typedef int (*store_mail_reader_fn)(void *ud, const struct store_mail_reader *r);
/* Everyone with an e-mail address who has not turned mail off and was not
 * erased, by person id, in one read (a mail to all: an announcement); fn
 * may queue mail. A non-zero return from fn stops the walk and is
 * returned. */
int store_mail_readers_each(struct store *s, store_mail_reader_fn fn, void *ud,
                            struct df_err *err);

/* A meeting request waiting for its addressee's answer, with what a
 * reminder to her reads; valid during the call only. */
struct store_to_answer {
    const char *person, *email, *ui_language, *languages, *country;   /* her */
    bool mail_off;          /* she turned mail off, or she was erased */
    bool reminded_lately;   /* reminded of this event's within STORE_REMINDED_HOURS
                               (store_answer_reminded, by the machine's clock) */
    const char *request;
    const char *from, *from_org, *from_org_uk;   /* who asks, and her organisation */
};
typedef int (*store_to_answer_fn)(void *ud, const struct store_to_answer *t);
/* Hours within which a reminder of requests to answer is not sent again. */
#define STORE_REMINDED_HOURS 20
/* Every request of event still pending, by addressee (person id), then
 * oldest first, in one read; fn may queue mail. A non-zero return from fn
 * stops the walk and is returned. */
int store_to_answer_each(struct store *s, const char *event, store_to_answer_fn fn, void *ud,
                         struct df_err *err);

/* Keeps that person was reminded now of her requests to answer at event.
 * In the caller's transaction. */
int store_answer_reminded(struct store *s, const char *event, const char *person,
                          struct df_err *err);

/* A meeting that has begun and one of its people has said no outcome of,
 * with what the mail asking her reads; valid during the call only. */
struct store_unsaid {
    const char *person, *email, *ui_language, *languages, *country;   /* her */
    bool mail_off;       /* she turned mail off, or she was erased */
    bool asked_lately;   /* asked of this event's within STORE_OUTCOMES_ASKED_HOURS
                            (store_outcomes_asked, by the machine's clock) */
    const char *request;
    const char *starts_at, *ends_at;   /* its slot's (the event's wall clock, with offset) */
    /* whom she met, as the day's mail names them (store_mail_person's
     * partner), and the partner's organisation */
    const char *partner, *partner_org, *partner_org_uk;
};
typedef int (*store_unsaid_fn)(void *ud, const struct store_unsaid *u);
/* Hours within which the mail asking what meetings led to is not sent
 * again to one person for one event. */
#define STORE_OUTCOMES_ASKED_HOURS 72
/* Every meeting of event that has begun by now (Unix seconds: the rule of
 * store_outcome_attendance) and is not cancelled, a row for each of its
 * people (requester, addressee, attendee, each once) who has said no
 * outcome of it, by person id, then start, in one read; fn may queue mail.
 * A non-zero return from fn stops the walk and is returned. */
int store_unsaid_each(struct store *s, const char *event, int64_t now, store_unsaid_fn fn,
                      void *ud, struct df_err *err);
/* Keeps that person was asked now what her meetings at event led to. In
 * the caller's transaction. */
int store_outcomes_asked(struct store *s, const char *event, const char *person,
                         struct df_err *err);

/* When the mail of each person's meetings of event's day went (migration
 * 60), by whom, to how many people. */
struct store_day_mail {
    const char *mailed_at, *mailed_by;
    int people;
};
/* 1 with *m (in a) when day's mail went at event, 0 when it never did, -1
 * with err. */
int store_day_mail_get(struct store *s, const char *event, const char *day, struct arena *a,
                       struct store_day_mail *m, struct df_err *err);
/* Keeps that day's mail went now, by `by`, to people (replacing a send
 * before). In the caller's transaction. */
int store_day_mail_put(struct store *s, const char *event, const char *day, const char *by,
                       int people, struct df_err *err);

/* The organisers' mails to the people their list shows (migration 65):
 * each send kept by its digest (64 hex digits of its filters and words),
 * so that the same send twice within a short while is seen. 1 when one
 * with digest went within the last `seconds` (by the machine's clock), 0
 * when not, -1 with err. */
int store_people_mailing_recent(struct store *s, const char *digest, int seconds,
                                struct df_err *err);
/* Keeps that the send of digest went now, to people. In the caller's
 * transaction. */
int store_people_mailing_put(struct store *s, const char *digest, int people,
                             struct df_err *err);

/* One mail of the outbox. */
struct store_mail {
    const char *id;          /* "mail-" and hex: the Message-ID's left part */
    const char *to;          /* the address */
    const char *person;      /* whose (NULL: removed since) */
    const char *kind;        /* request, accepted, declined, ... (migration 37's list) */
    const char *subject, *body;   /* UTF-8; body lines end in \n */
    const char *created_at;
    int attempts;
    /* a mail that carries a sign-in link: when the link stops working (ISO
     * 8601 UTC), NULL for any other. Its body is wiped ("") once it is sent
     * or given up, and it is given up, never sent, from then on. */
    const char *link_expires_at;
    /* a "message" mail: the request whose newest message (the one just
     * written, in the caller's transaction) it tells of; NULL for any
     * other */
    const char *thread;
};

/* Queues m (its id, to, person, kind, subject, body, link_expires_at,
 * thread; the rest is the outbox's) due at once, in the caller's
 * transaction. */
int store_mail_enqueue(struct store *s, const struct store_mail *m, struct df_err *err);

/* Takes at most max queued mails due at now (ISO 8601 UTC, as
 * date_utc_text writes) for sending, oldest due first but one person's
 * mails (a meeting's, a message's, a sign-in link) before the mails to
 * everyone (invitations, announcements): a reply to a request does not wait
 * behind 5,000 invitations. Having given up
 * first (failed, body wiped) the queued ones whose link expired: each is leased
 * until lease_until (another sender does not take it meanwhile; one whose
 * sender died is due again then), into *out (an array in a) and *n. */
int store_mail_take_due(struct store *s, const char *now, const char *lease_until, int max,
                        struct arena *a, struct store_mail **out, int *n, struct df_err *err);
/* Mail id was sent at now (a sign-in link's body wiped). */
int store_mail_mark_sent(struct store *s, const char *id, const char *now, struct df_err *err);
/* A try of mail id failed at now with error: one more attempt, due again
 * at next_try (NULL: given up, kept as failed; a sign-in link's is given up
 * too when next_try is not before its link expires, and its body wiped). */
int store_mail_mark_failed(struct store *s, const char *id, const char *now,
                           const char *next_try, const char *error, struct df_err *err);

/* The name the forum's mail is from (in a): its first event's, by date;
 * NULL when it has none. */
int store_mail_sender_name(struct store *s, struct arena *a, const char **name,
                           struct df_err *err);

/* A meeting as its mail tells it to one of its two people. */
struct store_mail_meeting {
    const char *event, *request, *person, *partner;
    const char *starts_at, *ends_at, *table;   /* table NULL: none */
    const char *video_url;   /* held online: its room's link (NULL: none named) */
};
typedef int (*store_mail_meeting_fn)(void *ud, const struct store_mail_meeting *m);
/* Event's meetings (event NULL: every published event's; only request's
 * when not NULL), a row for each of its people (store_mail_request_people:
 * requester, addressee, attendees, each once, with the partner her mail
 * names), by person, start and request. A non-zero return from fn stops
 * the walk and is returned. */
int store_mail_meeting_each(struct store *s, const char *event, const char *request,
                            store_mail_meeting_fn fn, void *ud, struct df_err *err);

/* A meeting of a day as one of its people reads it in her mail of that
 * day's meetings, with what the mail needs of her (is_mail_off: she turned
 * mail off) and of her partner; valid during the call only. */
struct store_mail_day_row {
    struct store_mail_meeting m;
    const char *email, *ui_language, *languages, *country;   /* hers */
    bool is_mail_off;
    const char *partner_name, *partner_org, *partner_org_uk;
};
typedef int (*store_mail_day_fn)(void *ud, const struct store_mail_day_row *d);
/* Event's meetings whose slot starts on day ("YYYY-MM-DD" of the slots'
 * wall clock, the event's zone), a row for each of its people as
 * store_mail_meeting_each gives them, by person, start and request, in one
 * read (the day's slots found through their sessions, not the event's
 * every meeting); fn may queue mail. A non-zero return from fn stops the
 * walk and is returned. */
int store_mail_day_each(struct store *s, const char *event, const char *day,
                           store_mail_day_fn fn, void *ud, struct df_err *err);

/* A request's people as its mail reaches them. */
enum store_mail_role { STORE_MAIL_REQUESTER, STORE_MAIL_ADDRESSEE, STORE_MAIL_ATTENDEE };
struct store_mail_person {
    const char *person;
    /* the one her mail names as whom she meets: the other party of a
     * requester or an addressee; an attendee's, the side not of her
     * organisation (the requester when she is the addressee's colleague
     * and not the requester's, else the addressee) */
    const char *partner;
    enum store_mail_role role;
};
/* Request's people into *out (an array in a): its requester, its addressee,
 * then its attendees by id, each once (an attendee who is also a party is
 * one as the party); how many (none: no such request, at most 64), or -1
 * with err. */
int store_mail_request_people(struct store *s, const char *request, struct arena *a,
                              struct store_mail_person **out, struct df_err *err);

/* The outbox's figures: how many queued, sent, failed (given up), and the
 * newest error of a mail not sent (NULL when none; in a). */
/* The outbox's last row so far (0 for none): a mark for
 * store_mail_people_since. */
int64_t store_mail_mark(struct store *s, struct df_err *err);
/* How many addresses the mails queued after mark go to (people told, not
 * mails: one told twice counts once); -1 with err. */
int64_t store_mail_people_since(struct store *s, int64_t mark, struct df_err *err);

struct store_mail_counts {
    int64_t queued, sent, failed;
    const char *last_error;
};
int store_mail_counts(struct store *s, struct arena *a, struct store_mail_counts *c,
                      struct df_err *err);

#endif
