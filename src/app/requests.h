/* The meeting-request workflow, shared by the CLI and the HTTP API: send,
 * accept, decline, cancel, with the forum's rules (no request to oneself, one
 * open request per pair, a per-event cap on a participant's open requests,
 * only the addressee answers; the requester cancels a pending or agreed
 * request, the addressee an agreed one, an organiser either). Accepting after
 * the agendas are published re-schedules the event keeping published meetings. */
#ifndef DFNC_APP_REQUESTS_H
#define DFNC_APP_REQUESTS_H

#include "app/move.h"
#include "core/arena.h"
#include "store/store.h"

struct app_schedule_report;

enum app_request_action { APP_REQUEST_ACCEPT, APP_REQUEST_DECLINE, APP_REQUEST_CANCEL };

/* What an accept at a published event says of its meeting, when it was not
 * placed as asked: text, the English sentence (NULL when none), and its
 * parts in text's order by code (app/words.h), each with what it names in
 * reasons: proposal_not_free (reasons: what is in the way of the time
 * proposed, struct app_why's move codes), then one of placed_elsewhere,
 * not_placed (reasons: the run's one, struct app_unscheduled's codes),
 * all_begun (every B2B slot of the event has begun) or placing_failed (the
 * run failed: the organisers' next one places it). */
#define APP_ACCEPT_PARTS 2
struct app_accept_warning {
    const char *text;
    int n;
    struct app_why part[APP_ACCEPT_PARTS];
    struct app_whys reasons[APP_ACCEPT_PARTS];
};

/* Who acts on a request. */
struct app_request_actor {
    const char *person;   /* the caller's person, or NULL (an organiser without one) */
    const char *login;    /* the audit line's name for an organiser: the login's e-mail */
    bool organiser;       /* may cancel any pending or accepted request at the forum */
    /* The wall clock (Unix seconds) an accept at a published event places
     * its meeting by: never in a slot begun by then; 0 any slot (tests). */
    long long now;
};

/* A new request's id: "req-" and 16 hex digits from the CSPRNG. */
enum { APP_REQUEST_ID_SIZE = 24 };
void app_request_new_id(char id[APP_REQUEST_ID_SIZE]);

/* 0 when person id exists and is not erased (a tombstone is no one to
 * meet), else -1 with err: DF_ERR_NOT_FOUND naming it. */
int app_person_known(struct store *s, const char *id, struct df_err *err);

/* Sends a request from person `from`, proposing slot (NULL: no time) for
 * its meeting. Errors: DF_ERR_INPUT (to oneself, a slot not of the event:
 * 422), DF_ERR_NOT_FOUND (no such event or person), DF_ERR_CONFLICT (an
 * open request between the pair, the cap reached; a slot before the
 * agendas are published, or not free at `now` as app_request_free_times
 * judges, what is in the way named, and by code in why when not NULL:
 * 409). Nothing is written on an error. *out is filled in a. */
int app_request_send(struct store *s, const char *from, const char *event, const char *to,
                     const char *message, int priority, const char *slot, long long now,
                     struct arena *a, struct store_request *out, struct app_whys *why,
                     struct df_err *err);

/* Request id into *out (in a) for who may read it: organiser, or person one
 * of its people (its requester, its addressee, one of its attendees, as its
 * thread's rule says). DF_ERR_NOT_FOUND for anyone else, as for an id that
 * is none. */
int app_request_read(struct store *s, const char *person, bool organiser, const char *id,
                     struct arena *a, struct store_request *out, struct df_err *err);

/* who answers or cancels request id. DF_ERR_NOT_FOUND when the request does
 * not exist, and alike for who is none of its people nor an organiser (who
 * reads every request): no answer tells that another's request exists;
 * DF_ERR_FORBIDDEN when one of its people or an organiser may never do it:
 * accept and decline are the addressee's, cancel its two parties' and
 * organisers' (its requester, an attendee or an organiser answering it; an
 * attendee cancelling it); DF_ERR_CONFLICT
 * when its status does not allow it (an answered request; a cancel of one
 * neither pending nor accepted, or the addressee's of a pending one: that is
 * a decline). A cancel keeps who did it (store_request.cancelled_by), removes
 * the meeting and writes an audit line naming the person, or an organiser's
 * login. *out gets the request
 * after the change; *rescheduled (may be NULL) is 1 when a re-schedule ran. An
 * accept at a published event is committed before the re-schedule: when that
 * fails the accept still succeeds, *rescheduled is 0 and *warning (may be
 * NULL; struct app_accept_warning, its strings in a) says why; when it runs
 * but finds no place for the meeting (at `now`: no slot to come), *warning
 * says that. An accept of a request proposing a time at a published event
 * places its meeting there, in the answer's transaction, while it is free
 * (no run); when it is not, the run places it and *warning says the proposal
 * was not free any more, and why. */
int app_request_act(struct store *s, const struct app_request_actor *who, const char *id,
                    enum app_request_action act, struct arena *a, struct store_request *out,
                    int *rescheduled, struct app_accept_warning *warning, struct df_err *err);

/* Request id, pending or accepted, withdrawn as its person `person`
 * leaves the forum (her erasure, app/privacy.h), in the caller's
 * transaction: cancelled as any cancel is (the meeting removed, the other
 * side's mail when published, an audit line "by ROLE (erasure)"), whatever
 * its status would let her do herself. By her (organiser NULL) as its
 * requester or addressee; by the organisers (organiser the audit line's
 * name for them: a login's e-mail, "cli") as an organiser's cancel, so the
 * other side reads that the organisers cancelled it, not that she did. */
int app_request_withdraw(struct store *s, const char *person, const char *organiser,
                         const char *id, struct arena *a, struct df_err *err);

/* Request id cancelled by who, checked and written as app_request_act's
 * cancel (its rules and errors, the meeting removed, the audit line "by
 * ROLE (why)", why may be NULL), in the caller's transaction. watched: the
 * caller holds a watch over its event (app_mail_watch_begin, not NULL)
 * whose end mails its people, one mail each for the caller's whole action;
 * else its people are mailed of it alone, as any cancel. */
int app_request_cancel_in(struct store *s, const struct app_request_actor *who, const char *id,
                          const char *why, bool watched, struct arena *a, struct df_err *err);

/* After accepted request r's answer is committed at a published event
 * without its meeting placed: the run (by ran_by: the person who accepted,
 * or the login of the organiser who booked it; organiser: whether an
 * organiser reads what it says) that
 * places it around the published agendas at `now`, queueing in its
 * transaction the mail of r's mail_kind ("accepted", "booked":
 * app_mail_on_request) with the time it found (without when it found
 * none; in a transaction of its own when the run fails). *rescheduled (may be
 * NULL) 1 when the run ran; returns what the person who accepted is to
 * hear (the run failed, or left it unplaced and why; in a), or NULL when
 * it is placed. The same is added to *w by code (a part, and its reasons). */
const char *app_request_run_place(struct store *s, const struct store_request *r,
                                  const char *ran_by, bool organiser, const char *mail_kind,
                                  long long now, struct arena *a, int *rescheduled,
                                  struct app_accept_warning *w);

/* What the accept's run (its report rep) says of request r when it left
 * it without a meeting (no slot to come with both people and a table free,
 * say), for the one who accepted (in its own words when every slot of the
 * event has begun by `now`: nobody places it then), as one more part of w;
 * NULL when it placed it. A participant (organiser false) reads no other
 * request's id: the reason a merge gives, that it made way for another
 * request already in agendas (made_way), names none for her. */
const char *app_request_unplaced_warning(struct store *s, const struct app_schedule_report *rep,
                                         const struct store_request *r, bool organiser,
                                         long long now, struct arena *a,
                                         struct app_accept_warning *w);

/* Why a run left a request without a meeting, as a participant reads a
 * made_way reason (it made way for another's request, already in agendas,
 * which is not hers to read): her accept's warning and her copy of her
 * data (app_person_data) say it so. */
extern const char app_request_made_way_said[];

/* The most free times app_request_times lists. */
enum { APP_REQUEST_TIMES_MAX = 50 };

/* A request's free times, for its people to choose one. */
struct app_request_time_list {
    struct store_request request;
    struct app_move_place *times;   /* in time order (app_request_free_times) */
    int times_n;
    const char *reason;             /* why none, or NULL */
    bool published;                 /* its event's agendas are: its people may choose */
};

/* The times pending request id may meet at who->now (move.h,
 * app_request_free_times), for its two people only (DF_ERR_FORBIDDEN for
 * its attendees, DF_ERR_NOT_FOUND for others, as if it were not there).
 * None, and a reason, before its event's agendas are published (the
 * organisers' scheduler places it then), when it is no longer pending, or
 * when no time is free. */
int app_request_times(struct store *s, const struct app_request_actor *who, const char *id,
                      struct arena *a, struct app_request_time_list *out, struct df_err *err);

/* The free times of every pending request who->person received, each as
 * app_request_times gives it (the same reason when none), in the order
 * GET /requests lists them, each event's board read once: *out (in a),
 * *n of them. DF_ERR_FORBIDDEN without a person. */
int app_request_times_received(struct store *s, const struct app_request_actor *who,
                               struct arena *a, struct app_request_time_list **out, int *n,
                               struct df_err *err);

/* who (the addressee) accepts pending request id with its meeting in slot,
 * in one transaction: placed as app_request_place does (locked, on the table
 * app_request_times named), and one audit line saying where. Errors as
 * app_request_act's accept, and DF_ERR_CONFLICT before publication or when
 * the slot is no longer free (what is in the way named, and in why when
 * not NULL, as app_request_place fills it; nothing written), DF_ERR_INPUT
 * for a slot not of its event. *at gets where it is. */
int app_request_accept_at(struct store *s, const struct app_request_actor *who, const char *id,
                          const char *slot, struct arena *a, struct store_request *out,
                          struct app_move_place *at, struct app_whys *why,
                          struct df_err *err);

/* who, the requester of pending request id at a published event, proposes
 * slot (an id; NULL clears the proposal) for its meeting, checked as
 * app_request_send checks it at who->now (what is in the way by code in why
 * when not NULL), with an audit line ("request.propose", the slot or
 * "cleared"). DF_ERR_NOT_FOUND for anyone but its people,
 * DF_ERR_FORBIDDEN for its addressee and attendees, DF_ERR_CONFLICT when it is not
 * pending and as app_request_send. *out as after. */
int app_request_propose(struct store *s, const struct app_request_actor *who, const char *id,
                        const char *slot, struct arena *a, struct store_request *out,
                        struct app_whys *why, struct df_err *err);

/* The time a request proposes, as its people read it. */
struct app_request_proposal {
    /* slot (NULL: none), start, end; the table it would get when free */
    struct app_move_place at;
    bool free;                  /* still free for its people at `now` */
    const char *reason;         /* when not: what is in the way */
    struct app_whys whys;       /* and each thing by code (none for a slot gone) */
};

/* Request r's proposal at `now` into *p (strings in a): 0; 1 when it has
 * none (or is not pending: an answer ends it); -1 with err. A slot that has
 * been taken, has begun or is no longer of its event stays, not free, with
 * why, said to viewer (a person, whose own meetings alone are named; NULL
 * an organiser: app/move.h). */
int app_request_proposal(struct store *s, const struct store_request *r, const char *viewer,
                         long long now, struct arena *a, struct app_request_proposal *p,
                         struct df_err *err);

/* The proposals of the n requests rs into ps[0..n), each as
 * app_request_proposal reads it (at.slot NULL for one with none), each
 * event's board read once, in an arena of its own: only what is said is
 * in a. -1 with err. */
int app_request_proposals(struct store *s, const struct store_request *const *rs, int n,
                          const char *viewer, long long now, struct arena *a,
                          struct app_request_proposal *ps, struct df_err *err);

/* The times `who` (a participant) and person `to` may meet at event at
 * who->now, as app_request_times lists a request's (at most
 * APP_REQUEST_TIMES_MAX), for her to propose one when sending a request.
 * out->request is the request not yet sent (no id). DF_ERR_NOT_FOUND (no
 * such event or person), DF_ERR_INPUT (herself), DF_ERR_FORBIDDEN (no
 * person of her own). */
int app_pair_times(struct store *s, const struct app_request_actor *who, const char *event,
                   const char *to, struct arena *a, struct app_request_time_list *out,
                   struct df_err *err);

#endif
