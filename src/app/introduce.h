/* The organisers' introductions: a meeting request they make between two
 * people ("you two should meet": a Ukrainian SME nobody asked yet and the
 * buyer whose needs it meets), which its addressee answers as any other;
 * or, when both have said yes at the help desk or on the phone, the meeting
 * they book for them. */
#ifndef DFNC_APP_INTRODUCE_H
#define DFNC_APP_INTRODUCE_H

#include <stdbool.h>

#include "app/move.h"
#include "core/arena.h"
#include "store/store.h"

/* Organiser `login` makes a pending request at event from person `from` to
 * person `to`, marked as the organisers' (store_request.introduced), with
 * their message (may be NULL), and one `request.introduce` audit line by the
 * login. The forum's rules but the requester's cap: not to oneself
 * (DF_ERR_INPUT), one open request per pair (DF_ERR_CONFLICT naming it), the
 * event and both people known (DF_ERR_NOT_FOUND naming which). *out is
 * filled in a. */
int app_request_introduce(struct store *s, const char *login, const char *event, const char *from,
                          const char *to, const char *message, struct arena *a,
                          struct store_request *out, struct df_err *err);

/* A meeting two people agreed, which an organiser books. */
struct app_booking {
    const char *login;                 /* the organiser's, for the audit line */
    const char *event, *from, *to;     /* from: in whose name, if a request is made */
    const char *message;               /* may be NULL */
    const char *slot;                  /* where (an id), or NULL: as an accept places it */
    long long now;                     /* the forum's clock: no slot begun by then */
};

/* What a booking did. */
struct app_booked {
    struct store_request request;      /* accepted, introduced */
    bool created;                      /* false: the pair's pending request was accepted */
    bool placed;                       /* its meeting placed at `at` in the booking */
    struct app_move_place at;
    int rescheduled;                   /* the accept's run ran (published, no slot) */
    const char *warning;               /* the run failed or left it unplaced: why */
};

/* Organiser b->login books the meeting b->from and b->to agreed at
 * b->event: an accepted request marked as the organisers', one
 * `request.book` audit line by the login. When a pending request links
 * them (either way) it is that one, accepted (its requester, message and
 * priority kept; b->message, the organisers' words, added after its own
 * as store_request_add_note adds it, so that both still read them): the
 * organiser at the desk wants the meeting, not an error; an accepted one is DF_ERR_CONFLICT naming it (they meet already).
 * With b->slot, at a published event, the meeting is placed there in the
 * same transaction as app_request_place places it (DF_ERR_CONFLICT and
 * why, when not NULL, when it is not free; DF_ERR_INPUT for a slot not of
 * the event; before publication DF_ERR_CONFLICT); without, a time the
 * pending request proposed is taken while free, else the accept's run
 * places it (app_request_run_place; before publication the next run).
 * Pair rules as app_request_introduce's. Nothing written on an error.
 * Strings in a. */
int app_request_book(struct store *s, const struct app_booking *b, struct arena *a,
                     struct app_booked *out, struct app_whys *why, struct df_err *err);

#endif
