/* The mail dfnc sends people: "X asks to meet you" to a request's
 * addressee, "your request was accepted (when, which table)" or
 * "declined" to its requester, each in the person's language, queued in
 * the outbox in the same transaction as the action (store/mail.h), then
 * sent over SMTP by app_mail_send_due (dfnc mail send, or serve --smtp's
 * sender thread). Nothing is queued while the forum has no mail set up,
 * for a person without an address, or one who said she wants none. */
#ifndef DFNC_APP_MAIL_H
#define DFNC_APP_MAIL_H

#include <stdbool.h>

#include "core/arena.h"
#include "io/smtp.h"
#include "store/store.h"

/* The language to write to a person whose languages (people.languages,
 * like "uk;en") are given: "uk" when Ukrainian comes before English (or
 * without English), else "en". */
const char *app_mail_language(const char *languages);

/* What a mail tells, for app_mail_compose. */
struct app_mail_facts {
    const char *kind;                 /* "request", "accepted", "declined" */
    const char *lang;                 /* "en" or "uk" */
    const char *other, *other_org;    /* the other person: the requester of a request,
                                         the addressee of an answer; and her organisation */
    const char *message;              /* the request's message (NULL: none) */
    const char *event;                /* the event's name, in lang when it has one */
    /* the meeting of an accepted request when placed (starts_at NULL: not
     * yet): its slot's times (wall-clock digits of the event's zone
     * timezone), its table's name */
    const char *timezone, *starts_at, *ends_at, *table;
    const char *public_url;           /* the forum's pages, no trailing slash */
};

/* The subject and body (lines end in \n) of the mail f tells, in a. -1
 * when out of memory or an unknown kind. */
int app_mail_compose(const struct app_mail_facts *f, struct arena *a, const char **subject,
                     const char **body);

/* The time of a meeting as its mail says it, in lang, at its event's zone:
 * "Thursday 5 June 2025, 10:00–10:20 (Europe/Brussels, UTC+02:00)" or
 * "четвер, 5 червня 2025, 10:00–10:20 (Europe/Brussels, UTC+02:00)"; in a
 * (NULL when out of memory or a time that is not one). */
const char *app_mail_when(const char *timezone, const char *starts_at, const char *ends_at,
                          const char *lang, struct arena *a);

/* In the caller's transaction: queues the mail that request r's kind
 * ("request": sent, to its addressee; "accepted", "declined": answered, to
 * its requester) tells, when the forum sends mail and that person has an
 * address and wants mail (else nothing, 0). -1 with err. */
int app_mail_on_request(struct store *s, const struct store_request *r, const char *kind,
                        struct arena *a, struct df_err *err);

/* How a sender sends. */
struct app_mail_sender {
    struct smtp_server smtp;
    const char *from;                 /* the From address */
};

/* What one run of the sender did. */
struct app_mail_run {
    int sent, failed;                 /* failed: tries that failed (given_up of them the last) */
    int given_up;
};

/* Seconds before a mail whose try number `attempts` (1 the first) failed
 * is tried again: 1, 5, 30 minutes, 2 and 6 hours; -1 after the sixth
 * (given up, kept as failed). */
long long app_mail_retry_after(int attempts);

/* Sends every mail due at now (Unix seconds) once, a database lock held
 * only to take them and to mark each: never while talking to the server.
 * One that fails is tried again later (app_mail_retry_after), the others
 * go on. -1 with err only when the database fails. */
int app_mail_send_due(struct store *s, const struct app_mail_sender *o, long long now,
                      struct app_mail_run *run, struct df_err *err);

/* serve --smtp's sender: a thread with its own connection to the database
 * at db_path that sends what is due every `every` seconds until stopped.
 * o's strings must outlive it. */
struct app_mail_thread;
int app_mail_thread_start(const char *db_path, const struct app_mail_sender *o, int every,
                          struct app_mail_thread **out, struct df_err *err);
/* Stops it (a send under way ends first, within its timeout) and frees it. */
void app_mail_thread_stop(struct app_mail_thread *t);

#endif
