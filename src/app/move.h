/* An organiser moves one meeting on the forum's day, as the help desk must
 * when a person is late or a table is broken: where it may go, and the move
 * itself. The agendas stay published; only that meeting changes. */
#ifndef DFNC_APP_MOVE_H
#define DFNC_APP_MOVE_H

#include "app/words.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* A slot and table: start and end the event's wall clock with its offset
 * then ("2027-02-16T10:40:00+01:00"), as agendas say them. */
struct app_move_place {
    const char *slot, *start, *end, *location, *location_name;
    bool online;   /* held by video, in a room (location NULL) */
};

/* One thing that keeps a meeting from a slot and table (struct app_why,
 * app/words.h), for a page to say in its language. Codes and their values:
 * slot_begun (slot), table_taken (table, request), person_meets (person,
 * request), person_away (person), no_interpreter_free (pair),
 * interpreter_busy (interpreter, request), interpreter_off (interpreter),
 * table_out (table: out of use then, app/table_out.h), no_table (none),
 * no_table_free (none: the first table's reasons follow it).
 *
 * Said to a participant (a viewer: a person id), a meeting in the way is
 * named (its request's id, in "request" and in the English) only when it is
 * one of hers (she is one of its people), for a page to link it; another's
 * is "another meeting", its id left out, so that no refusal tells one
 * person of others' requests. Said to organisers (viewer NULL), every one
 * is named: the desk moves them. */

struct app_move_person {
    const char *id, *name, *email;   /* email NULL when none */
    const char *languages;           /* "uk;en", NULL when not known */
};

/* n people copied into a, every string; NULL when out of memory. */
struct app_move_person *app_move_people_copy(const struct app_move_person *people, int n,
                                             struct arena *a);

/* A meeting, where it is and where it may go. */
struct app_meeting_moves {
    const char *meeting, *event, *interpreter;   /* interpreter: an id, or NULL */
    int sequence;                                /* its calendar SEQUENCE */
    struct app_move_place at;
    struct app_move_place was;                   /* app_meeting_move: where it was */
    struct app_move_person *people;              /* requester, addressee, attendees */
    int people_n;
    /* the places free for it, the nearest first: the same day as it is
     * before other days, then the nearest start (a later one before an
     * earlier one as near), its own table before the others, then tables
     * in the programme's order */
    struct app_move_place *options;
    int options_n;
    bool online;   /* held by video: its places are slots alone (location NULL) */
};

/* Where meeting (its id, its request's) may go at `now` (Unix seconds): a
 * b2b slot of its event that has not begun (its event's wall clock) and a
 * table of the event free then, or online (a hybrid forum: the meeting is
 * held so, or the event names a video service to hold it in; the place's
 * location NULL), with every person of the meeting free (in no other
 * meeting, not marked away) and its interpreter, if it has one, free and
 * working then. A meeting held online is offered the free tables too (after
 * online at each time), though one of its people takes part online: she
 * may have come after all, and the move takes a table all the same.
 * DF_ERR_NOT_FOUND when it has no meeting.
 * Strings and arrays in a. */
int app_meeting_moves(struct store *s, const char *meeting, long long now, struct arena *a,
                      struct app_meeting_moves *out, struct df_err *err);

/* Moves meeting to slot and location, or online (to_online, location NULL:
 * held by video in a room of its own, made when it has none; a meeting held
 * online already stays so with location NULL either way), checked as
 * app_meeting_moves lists them, in one transaction with an audit line
 * ("meeting.move", by login):
 * it stays locked and its SEQUENCE rises, and its people's agendas say where
 * it was. DF_ERR_NOT_FOUND (no such meeting), DF_ERR_INPUT (slot not a b2b
 * slot of its event, location not a table of it), DF_ERR_CONFLICT (the
 * meeting or the slot has begun, it is there already, online asked of an
 * event that names no video service, or what is in the
 * way, each named, and in why when not NULL: cleared first, filled
 * only then). *out as app_meeting_moves gives it after the move, without
 * options, and with `was`. */
int app_meeting_move(struct store *s, const char *login, const char *meeting, const char *slot,
                     const char *location, bool to_online, long long now, struct arena *a,
                     struct app_meeting_moves *out, struct app_whys *why, struct df_err *err);

/* Whether person, already one of meeting's (its request's) attendees in
 * the caller's transaction, may sit in it where it is at `now`: its slot
 * not begun, she in no other meeting then and not marked away (its table
 * and interpreter are the meeting's own, judged when it was placed). 0
 * when she may (or it is in no b2b slot); 1 when not, *why (in a) what is
 * in the way and whys (may be NULL) each thing by code, said to viewer
 * (above); -1 with err, DF_ERR_NOT_FOUND when it has no meeting. */
int app_meeting_person_fits(struct store *s, const char *meeting, const char *person,
                            const char *viewer, long long now, struct arena *a,
                            const char **why, struct app_whys *whys, struct df_err *err);

/* The interpreter of meeting (its request's id), its people changed in the
 * caller's transaction (a colleague joined or left), as an accept's placing
 * books one (app_request_place): when they share no language and its
 * interpreter (if any) does not serve the pair they now need in its slot,
 * the first of that pair working then and in no other meeting is booked
 * instead; when they share one, its interpreter is let go (its SEQUENCE
 * rises either way). Nothing for a meeting in no b2b slot or begun at
 * `now`. 0 (done, or nothing to do); 1 when no interpreter of the pair is
 * free and the need is person's (the one who joined: without her they
 * needed none, or another pair), *why (in a) saying so and whys (may be
 * NULL) by code interpreter_needed (person: her name, pair), nothing
 * written; a need the meeting had before her leaves it as it is then (0).
 * person NULL (someone left): 1 when the pair the rest need has no
 * interpreter free and its own serves not that pair, the meeting left as
 * it is (its interpreter kept), *why and whys by code
 * no_interpreter_free (pair) saying so, for the desk to find one. -1
 * with err, DF_ERR_NOT_FOUND when it has no meeting. */
int app_meeting_interpreter_fit(struct store *s, const char *meeting, const char *person,
                                long long now, struct arena *a, const char **why,
                                struct app_whys *whys, struct df_err *err);

/* ---- a request's meeting, placed by its people at a published event ---- */

/* The times request (pending; or one not yet sent, its id "", from and to
 * its people) may meet at `now`, as app_meeting_moves finds
 * a meeting's places: b2b slots of its event not begun, every person of the
 * request free (in no meeting, not marked away), a table free (the booth of
 * the first of them with one, as the scheduler places it; else the first
 * free in the programme's order) and, when they share no language, an
 * interpreter of the pair free and working. In time order, at most max,
 * each with the table it would get, in *times (in a). Read outside a
 * transaction. Returns how many of its b2b slots have not begun, or -1. */
int app_request_free_times(struct store *s, const struct store_request *request,
                           long long now, int max, struct arena *a,
                           struct app_move_place **times, int *n, struct df_err *err);

/* A pending request's free times, as app_request_free_times gives them. */
struct app_request_free {
    const struct store_request *request;   /* in (first: move.c walks it so) */
    struct app_move_place *times;          /* out: in time order, at most max */
    int times_n;
    int to_come;                           /* out: its event's b2b slots not begun */
};

/* The free times of n pending requests, each as app_request_free_times gives
 * them, each event's board loaded once (a page with forty requests reads
 * its event once, not forty times) in an arena of its own. Times in a. -1
 * with err. */
int app_requests_free_times(struct store *s, struct app_request_free *fs, int n, long long now,
                            int max, struct arena *a, struct df_err *err);

/* The free times, the proposals' states, a request's placing and the
 * desk's moves (above) read an event's board once per call; each thread
 * keeps its last one while its connection's board mark (store_board_mark)
 * stands: nothing a board reads changed since, by anyone (a check-in, a
 * message, an outcome leave it), and loads it again after. Reads inside a
 * transaction use the kept one while the transaction has changed nothing
 * it reads, else load their own, never kept. app_board_cache_free lets go
 * of the thread's (a server's thread as it ends); app_board_loads counts
 * the loads in the process (app_board_open's too). */
void app_board_cache_free(void);
unsigned long app_board_loads(void);

/* ---- many meetings of one event moved in one transaction -------------- */

/* An event's board held by the caller through its own transaction, loaded
 * once and kept true as the caller moves meetings (app/table_out.c moves a
 * table's thirty meetings reading the event once, not thirty times). */
struct app_board;

/* event's board as it stands in the caller's transaction, into *out (the
 * caller frees it with app_board_free, before its transaction ends or
 * after: it is never shared). -1 with err. */
int app_board_open(struct store *s, const char *event, struct app_board **out,
                   struct df_err *err);
void app_board_free(struct app_board *b);

/* What app_meeting_moves says of meeting (of b's event), its places judged
 * on b: the same, while b has been told of every move since it was opened
 * (app_board_moved) and nothing else a board reads changed; same_slot:
 * only the places in its own slot, in the same order (a table out of use
 * moves each meeting at its time: the whole list is a megabyte at 10,000
 * people). DF_ERR_INPUT when the meeting is of another event. Strings and
 * arrays in a. */
int app_board_meeting_moves(struct app_board *b, struct store *s, const char *meeting,
                            long long now, bool same_slot, struct arena *a,
                            struct app_meeting_moves *out, struct df_err *err);

/* Tells b that meeting (its request's id) has moved (store_meeting_move in
 * the caller's transaction): where it is now read back from the store into
 * b. -1 with err. */
int app_board_moved(struct app_board *b, struct store *s, const char *meeting,
                    struct df_err *err);

/* How many b2b slots of event have not begun at `now` (its wall clock), or
 * -1 with err: none when the whole event's slots have. */
int app_event_slots_to_come(struct store *s, const char *event, long long now,
                            struct arena *a, struct df_err *err);

/* Slot (an id) for request's meeting at `now`, judged as
 * app_request_free_times judges its times: 0 when free, *at with the table
 * it would get; 1 when not (taken, begun, someone away), *at saying when
 * with no table, *why (in a) what is in the way and whys (may be NULL)
 * each thing by code, said to viewer (above); -1 with err, DF_ERR_INPUT
 * when slot is not a b2b slot of its event. Read in the caller's
 * transaction or outside one. */
int app_request_slot_state(struct store *s, const struct store_request *request,
                           const char *slot, const char *viewer, long long now, struct arena *a,
                           struct app_move_place *at, const char **why, struct app_whys *whys,
                           struct df_err *err);

/* A slot judged for a request, as app_request_slot_state judges it. */
struct app_request_slot {
    const struct store_request *request;   /* in (first: move.c walks it so) */
    const char *slot;                      /* in: an id */
    const char *viewer;                    /* in: whom what is in the way is said to */
    /* out: 0 free, 1 not (why and whys say what is in the way), -1 not a
     * b2b slot of its event any more (why says so, whys none) */
    int state;
    struct app_move_place at;   /* when; its table only when free */
    const char *why;
    struct app_whys whys;
};

/* The slots of n requests judged at `now`, each as app_request_slot_state
 * judges it, each event's board loaded once (a list with fifteen proposals
 * reads its event once, not fifteen times) in an arena of its own: only
 * what each says is in a. -1 with err. */
int app_requests_slot_states(struct store *s, struct app_request_slot *ss, int n,
                             long long now, struct arena *a, struct df_err *err);

/* Places accepted request's meeting in slot, in the caller's transaction:
 * on the table app_request_free_times names, locked, with an interpreter when
 * they need one. DF_ERR_INPUT (not a b2b slot of its event),
 * DF_ERR_CONFLICT (begun, or what is in the way, named, and in why when
 * not NULL: cleared first, filled only then; said to viewer, above); *at
 * gets where. */
int app_request_place(struct store *s, const struct store_request *request, const char *slot,
                      const char *viewer, long long now, struct arena *a, struct app_move_place *at,
                      struct app_whys *why, struct df_err *err);

#endif
