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
#include <stdint.h>

#include "core/arena.h"
#include "io/smtp.h"
#include "store/store.h"

/* The one rule for the language dfnc writes to a person in (mail,
 * invitations, the follow-up list): the one she chose for the pages
 * (ui_language, "en" or "uk") when set; else the first of "uk" and "en" in
 * her languages (people.languages, like "de;uk;en", each a whole item);
 * else "uk" for a Ukrainian organisation's people (country "UA"); else
 * "en". A static string, or ui_language itself. */
const char *app_person_language(const char *ui_language, const char *languages,
                                const char *country);

/* One meeting an agenda or a change lists. */
struct app_mail_item {
    /* "new", "moved", "cancelled", "removed" (off the agendas, still
     * agreed: to be placed again); NULL in an agenda */
    const char *change;
    const char *other, *other_org;    /* her partner in it, and the partner's organisation */
    /* its slot's times (the event's zone's wall clock) and table (NULL:
     * none); a cancelled one's where it was (NULL: it was in no
     * published agenda) */
    const char *starts_at, *ends_at, *table;
    const char *video_url;   /* held online (no table): its room's link, NULL if none named */
    const char *was_starts, *was_ends, *was_table;   /* a moved one's before */
};

/* What a mail tells, for app_mail_compose. */
struct app_mail_facts {
    /* "request", "accepted", "declined"; "booked" (the organisers booked
     * the meeting), "introduced" (they made the request), "message" (a new
     * message in a request's thread), "agenda" (the agendas published:
     * items), "changed" (her published meetings changed: items),
     * "video_link" (the link to join her online meetings: items, each held
     * online with its link); "attendee", "attendee_off" (she was added to
     * a meeting as a colleague, or taken off it: joins, other, by, its
     * time when placed); "to_answer" (the organisers remind her of the
     * requests at event waiting for her answer: items, items_more); "day"
     * (her meetings of one day, the organisers' mail on its eve: items);
     * "outcomes" (the organisers ask what her meetings at event led to:
     * items, those begun she has said nothing of, and items_more);
     * "organisers" (the organisers write to the people their list shows:
     * subject, message, their words in her language, and event) */
    const char *kind;
    const char *lang;                 /* "en" or "uk" */
    /* "reset" (a sign-in link she asked for herself), "signin" (one the
     * help desk made and sent), "approved" (her application approved, with
     * her first link): the link (BASE/welcome#TOKEN, a secret) and its life
     * in seconds and end (Unix seconds), for the outbox to wipe and give it
     * up by; "invitation" (the organisers invite her: her first link, with
     * event, timezone for when it stops working); "not_approved" (her
     * application declined) tells none */
    const char *link;
    int64_t link_seconds, link_expires_at;
    const char *other, *other_org;    /* the other person: the requester of a request,
                                         the addressee of an answer, the partner of a
                                         booking or an introduction, a message's author;
                                         and her organisation */
    const char *message;              /* the request's message, the organisers' words of an
                                         introduction, a message's text (NULL: none) */
    const char *subject;              /* organisers: the subject they wrote */
    const char *thread;               /* message: its request (the outbox keeps which
                                         message it told of) */
    bool to_addressee;                /* introduced: she is the one who answers it */
    /* accepted, booked: she attends the meeting (neither its requester nor
     * its addressee), joining this party (and organisation) to meet other;
     * NULL: she is a party */
    const char *joins, *joins_org;
    const char *by;                   /* changed, attendee, attendee_off: the participant
                                         who did it (NULL: the organisers) */
    bool pending;                     /* attendee: the request is not answered yet */
    /* changed, by NULL: no one's hand moved them; a schedule run that an
     * accept or a booking started re-planned the schedule around it */
    bool replanned;
    /* video_link: the organisers changed the event's video service (the
     * links sent before no longer work); false: they named it. changed,
     * with video: the same edit named (or, relinked, changed) the service
     * too, and items list her online meetings with their links, those the
     * edit did not change as they stand (change NULL) */
    bool relinked, video;
    const struct app_mail_item *items;   /* agenda, changed, outcomes: in time order;
                                            to_answer: the requests waiting for her
                                            answer, oldest first, each its requester
                                            (other, other_org) alone */
    int items_n;
    int items_more;                      /* to_answer, outcomes: those not listed */
    const char *event;                /* the event's name, in lang when it has one */
    /* the meeting of an accepted request when placed (starts_at NULL: not
     * yet): its slot's times (wall-clock digits of the event's zone
     * timezone), its table's name */
    const char *timezone, *starts_at, *ends_at, *table;
    const char *video_url;   /* held online: its room's link (table NULL) */
    const char *public_url;           /* the forum's pages, no trailing slash */
};

/* The subject and body (lines end in \n) of the mail f tells, in a. -1
 * when out of memory or an unknown kind. */
int app_mail_compose(const struct app_mail_facts *f, struct arena *a, const char **subject,
                     const char **body);

/* The day of starts_at ("2025-06-05", or a time from it) as a mail says it
 * in lang: "Thursday 5 June 2025", "четвер, 5 червня 2025"; in a (NULL when
 * out of memory or not a day). */
const char *app_mail_day(const char *starts_at, const char *lang, struct arena *a);

/* The time of a meeting as its mail says it, in lang, at its event's zone:
 * "Thursday 5 June 2025, 10:00–10:20 (Europe/Brussels, UTC+02:00)" or
 * "четвер, 5 червня 2025, 10:00–10:20 (Europe/Brussels, UTC+02:00)"; an
 * instant (ends_at NULL: when a link stops working) without the "–10:20";
 * in a (NULL when out of memory or a time that is not one). */
const char *app_mail_when(const char *timezone, const char *starts_at, const char *ends_at,
                          const char *lang, struct arena *a);

/* Someone a mail goes to, and how to write to her. */
struct app_mail_to {
    const char *person, *email;
    const char *lang;                 /* app_person_language's */
    const char *public_url;           /* the forum's pages, no trailing slash */
};

/* Whether a mail goes to person now: 1 (the forum sends mail, she has a
 * usable address and did not turn mail off), *to filled in a; 0 when
 * none goes; -1 with err. */
int app_mail_to_get(struct store *s, const char *person, struct arena *a,
                    struct app_mail_to *to, struct df_err *err);

/* Fills *to for person (kept as given: the caller's to keep, in a say) from
 * a walk's row of her, once the caller judged that a mail goes to her: her
 * address (copied into a), and the language to write to her in, "uk" or
 * "en" (app_person_language of the language she chose for the web UI, her
 * languages and her organisation's country), with the forum's pages at
 * public_url. The reminders', the outcomes' and the day's mailings, which
 * read their people in the walk rather than one by one (app_mail_to_get).
 * 0, or -1 when out of memory. */
int app_mail_to_of_row(struct app_mail_to *to, const char *person, const char *email,
                       const char *ui_language, const char *languages, const char *country,
                       const char *public_url, struct arena *a);

/* Whether a mail someone asked for (a sign-in link, her application's
 * answer) can go to address email now: 1 when the forum sends mail and the
 * address can carry one, *to filled in a (its lang the person's by
 * app_person_language when person is not NULL, else from languages and
 * country: an applicant's); 0 when not; -1 with err. A person's word that
 * she wants no mail (people.mail_off) does not stop it: she asked for it. */
int app_mail_to_asked(struct store *s, const char *person, const char *email,
                      const char *languages, const char *country, struct arena *a,
                      struct app_mail_to *to, struct df_err *err);

/* In the caller's transaction: queues the mail f tells (f->lang and
 * f->public_url to's) to `to`. -1 with err. */
int app_mail_queue(struct store *s, const struct app_mail_to *to, struct app_mail_facts *f,
                   struct arena *a, struct df_err *err);

/* In the caller's transaction: queues the mail of kind ("reset",
 * "signin", "approved": app_mail_facts; app_invite queues "invitation"
 * itself, with its event) carrying link, which works from
 * now until expires_at, to `to`. The outbox wipes its body once it is sent
 * or given up, and gives it up once the link expired. -1 with err. */
int app_mail_link(struct store *s, const struct app_mail_to *to, const char *kind,
                  const char *link, int64_t now, int64_t expires_at, struct arena *a,
                  struct df_err *err);

/* Organisation id's name in lang (its Ukrainian one on a Ukrainian mail
 * when it has one), in a; NULL with err. */
const char *app_mail_org_name(struct store *s, const char *id, const char *lang,
                              struct arena *a, struct df_err *err);

/* Event ev's name in lang. */
const char *app_mail_event_name(const struct store_event *ev, const char *lang);

/* What a mail to many (invitations, an announcement) reads once: the base
 * of its links (the forum's mail URL without its trailing slashes, url_n
 * bytes of url) and the forum's event at now (the forum's clock), which
 * it names (has_event false: none). */
struct app_mail_forum {
    const char *url;
    int url_n;
    struct store_event ev;
    bool has_event;
};
/* m at now, in a; DF_ERR_CONFLICT (code mail_off, field mail) while the
 * forum sends no mail. */
int app_mail_forum_open(struct store *s, long long now, struct arena *a,
                        struct app_mail_forum *m, struct df_err *err);

/* In the caller's transaction: queues the mail that request r's kind tells
 * ("request": sent, to its addressee; "accepted", "declined": answered, to
 * its requester, an accept with its meeting's time when it has one, and to
 * its attendees too, whose meeting it is; "booked": the organisers booked
 * it, to all its people; "introduced": they made it, to its two), to each
 * who gets mail (app_mail_to_get), once each (store_mail_request_people
 * says who and whom each meets). -1 with err. */
int app_mail_on_request(struct store *s, const struct store_request *r, const char *kind,
                        struct arena *a, struct df_err *err);

/* In the caller's transaction, after accepted request r was cancelled by
 * by_person (NULL: the organisers) while its meeting was in no published
 * agenda (not placed, or not published yet): each of its people but
 * by_person who gets mail is told it is cancelled ("changed", without a
 * time: none was published), by whom. -1 with err. */
int app_mail_on_cancel(struct store *s, const struct store_request *r, const char *by_person,
                       struct arena *a, struct df_err *err);

/* In the caller's transaction, after person wrote a message in request's
 * thread: its other people each get "a new message" with her name and the
 * text, unless a mail already told them of a message of the thread they
 * have not read (one mail per thread until they read it; messages that
 * came while mail was off told them nothing, so the first one after it is
 * on is mailed). -1 with err. */
int app_mail_on_message(struct store *s, const char *request, const char *person,
                        const char *text, struct arena *a, struct df_err *err);

/* How a sender sends. */
enum { APP_MAIL_FROM_MAX = 256 };
struct app_mail_sender {
    struct smtp_server smtp;
    char from[APP_MAIL_FROM_MAX];        /* the From address ("" none) */
    /* its display name ("": the name of the forum's first event) */
    char from_name[APP_MAIL_FROM_MAX];
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
