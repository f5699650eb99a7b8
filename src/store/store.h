/* The store: dfnc's SQLite database and the only code that writes SQL.
 * Typed records in, typed records out; stable string ids outside, rowids never.
 *
 * Records handed to a callback (the *_each functions) point into SQLite's own
 * memory and are valid only during the call: copy what you keep. Records filled
 * by *_get functions point into the arena the caller passes. */
#ifndef DFNC_STORE_STORE_H
#define DFNC_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

struct store;

/* Opens (creating if needed) the database at path, in WAL mode with foreign keys
 * on, and applies missing migrations. One struct store per thread. */
int store_open(struct store **out, const char *path, struct df_err *err);
/* Opens without migrating (for tests of the migration itself and for `init`
 * to report what it did). */
int store_open_raw(struct store **out, const char *path, struct df_err *err);
/* Opens the database at path only to read it (dfnc check), while a server
 * may serve and write it: nothing is written to the file (SQLite's -wal and
 * -shm beside it are made, empty, if they are missing, as for any reader).
 * *version gets the file's schema version; one older than this dfnc's is
 * copied into memory and migrated there, so what is read has today's
 * columns. A missing file is an error, never created; a newer schema is
 * refused. */
int store_open_read_only(struct store **out, const char *path, int *version,
                         struct df_err *err);
/* Applies migrations after the current version; *applied gets how many. */
int store_migrate(struct store *s, int *applied, struct df_err *err);
int store_schema_version(struct store *s);
int store_latest_version(void);
void store_close(struct store *s);
/* The database file's full path, "" for an in-memory or temporary one: which
 * database a connection reads, for what connections to one database share. */
const char *store_path(struct store *s);

/* Where what an event's board reads stands as this connection sees it, for
 * a cache of boards (app/move.c): two marks of one connection are equal
 * (store_board_mark_same) while nothing a board reads changed in between,
 * by this connection or another: the board generation, raised by triggers
 * on every such write (migration 57), and a serial of the connection, as
 * one opened later at the same address may be of another database. A
 * check-in, a message, an outcome or a login leaves it. */
struct store_board_mark {
    uint64_t serial;
    int64_t generation;
};
/* s's mark into out: 0; 1 inside a transaction or a read, where it is this
 * transaction's view (its own writes so far counted): a board read there
 * may be compared with one kept, never kept (what is read there may be
 * undone, and the generation it saw given again to another change); -1 on
 * error. */
int store_board_mark_get(struct store *s, struct store_board_mark *out);
bool store_board_mark_same(const struct store_board_mark *a, const struct store_board_mark *b);

/* One transaction around many writes (an import is one transaction). */
int store_begin(struct store *s, struct df_err *err);
int store_commit(struct store *s, struct df_err *err);
void store_rollback(struct store *s);
/* A part of the caller's transaction that can be undone alone (an import's
 * row that wrote some of itself before it was refused), so that the rows
 * after it are checked against the database without it. */
int store_part_begin(struct store *s, struct df_err *err);
void store_part_end(struct store *s, bool keep);

/* A consistent copy of the whole database into a new file at path (VACUUM
 * INTO: one read, so a server may go on writing meanwhile; the copy holds
 * what was committed when it began), checked whole (PRAGMA
 * integrity_check) before it takes the name path. A file already at path
 * is never overwritten (DF_ERR_CONFLICT), and on any failure nothing is
 * left at path. */
int store_backup(struct store *s, const char *path, struct df_err *err);

/* Runs raw SQL (no parameters). Only for tests that build an old schema. */
int store_exec_for_tests(struct store *s, const char *sql, struct df_err *err);

/* ---- organisations -------------------------------------------------- */
struct store_org {
    const char *id, *name, *name_uk, *country, *kind;
    int sme;
    const char *city, *website, *description, *description_uk;
};
/* Inserts or updates by id; *added (may be NULL) is 1 when inserted, 0 when updated. */
int store_org_upsert(struct store *s, const struct store_org *o, int *added, struct df_err *err);
/* 1 exists, 0 not, -1 error. */
int store_org_exists(struct store *s, const char *id, struct df_err *err);
/* Fills *o (strings in arena); DF_ERR_NOT_FOUND when absent. */
int store_org_get(struct store *s, const char *id, struct arena *a, struct store_org *o,
                  struct df_err *err);
typedef int (*store_org_fn)(void *ud, const struct store_org *o);
/* Calls fn for each organisation in id order; a non-zero return from fn stops
 * the walk and is returned. */
int store_org_each(struct store *s, store_org_fn fn, void *ud, struct df_err *err);

/* ---- people --------------------------------------------------------- */
struct store_person {
    const char *id, *org, *name, *email, *title, *languages, *booth;
    /* her last arrival at the desk: its time (UTC) and its day (the forum's
     * event's, "YYYY-MM-DD"); both NULL until she first came (read only) */
    const char *checked_in_at, *checked_in_day;
    const char *attendance;   /* "onsite" or "online" (a hybrid forum); NULL on upsert: kept */
    /* when she was erased (app/privacy.h): a tombstone, its personal fields
     * cleared; NULL for everyone else. Read only: no upsert writes it. */
    const char *erased_at;
};
/* The organisation (by id) must exist: DF_ERR_NOT_FOUND otherwise. A new
 * person without attendance takes part on site. An erased person's id stays
 * hers: DF_ERR_CONFLICT, nothing written, when p names one (an import would
 * otherwise bring back whom she asked to go). */
int store_person_upsert(struct store *s, const struct store_person *p, int *added,
                        struct df_err *err);
int store_person_exists(struct store *s, const char *id, struct df_err *err);
/* 1 when person id is erased (a tombstone), 0 when not or unknown, -1 with err. */
int store_person_is_erased(struct store *s, const char *id, struct df_err *err);
/* Who else has e-mail address email (letter case aside), person except
 * aside: the id of another person whose address it is (*is_login false),
 * else of another person whose login it is (*is_login true), into *holder
 * (allocated in a). 1 when there is one, 0 when none (*holder NULL), -1 with
 * err. Logins and invitations key on the address, so two people cannot
 * share one. */
int store_person_email_holder(struct store *s, const char *email, const char *except,
                              struct arena *a, const char **holder, bool *is_login,
                              struct df_err *err);
int store_person_get(struct store *s, const char *id, struct arena *a, struct store_person *p,
                     struct df_err *err);
typedef int (*store_person_fn)(void *ud, const struct store_person *p);
int store_person_each(struct store *s, store_person_fn fn, void *ud, struct df_err *err);
/* The language ("en" or "uk") person id reads the web UI in, into *lang
 * (allocated in a; NULL when never said). DF_ERR_NOT_FOUND for no such person. */
int store_person_ui_language(struct store *s, const char *id, struct arena *a, const char **lang,
                             struct df_err *err);
/* Sets it: lang is "en" or "uk" (DF_ERR_INPUT otherwise). */
int store_person_ui_language_set(struct store *s, const char *id, const char *lang,
                                 struct df_err *err);

/* ---- capabilities (offers and needs) -------------------------------- */
struct store_capability {
    const char *org, *direction, *cpv, *title, *description;
    int confidential;
    const char *label_en, *label_uk;  /* the classifier's labels of cpv (read only:
                                         filled by store_capability_each, NULL when none) */
};
/* Keyed by (org, direction, cpv). */
int store_capability_upsert(struct store *s, const struct store_capability *c, int *added,
                            struct df_err *err);
typedef int (*store_capability_fn)(void *ud, const struct store_capability *c);
/* org NULL walks all organisations' capabilities. */
int store_capability_each(struct store *s, const char *org, store_capability_fn fn, void *ud,
                          struct df_err *err);

/* ---- CPV classifier ------------------------------------------------- */
/* label_en / label_uk may be NULL to keep what is there. */
int store_cpv_upsert(struct store *s, const char *code, const char *label_en,
                     const char *label_uk, int *added, struct df_err *err);
/* Whether code may be stored: 1 when it is in the classifier, or when no
 * classifier is loaded (then only the form of codes is checked); 0 when a
 * classifier is loaded without it; -1 error. One indexed look-up: it runs
 * for every capability, demand and supply row of an import. */
int store_cpv_accepts(struct store *s, const char *code, struct df_err *err);
/* The label in "en" or "uk" into the arena; NULL when none. */
const char *store_cpv_label(struct store *s, const char *code, const char *lang,
                            struct arena *a);
/* Every code with both labels, in code order (the matchmaking's bilingual
 * lexicon learns from them). The strings are valid during the call. */
typedef int (*store_cpv_fn)(void *ud, const char *code, const char *label_en,
                            const char *label_uk);
int store_cpv_each(struct store *s, store_cpv_fn fn, void *ud, struct df_err *err);

/* ---- events, sessions, slots, locations ----------------------------- */
/* name and venue are the English (or only) text; name_uk and venue_uk the
 * Ukrainian, NULL where there is none. */
struct store_event {
    const char *id, *name, *venue, *timezone, *starts_on, *ends_on, *published_at;
    const char *name_uk, *venue_uk;
    int request_cap;
    /* the video service whose rooms hold its online meetings, "https://meet.jit.si",
     * or NULL; read by get and each, written by store_event_video_set only */
    const char *video_url;
    /* when its participants' meeting requests stop being taken: the wall
     * clock "YYYY-MM-DDTHH:MM" in its zone, or NULL (open) */
    const char *requests_close;
    /* each day's meetings mailed by themselves: "eve" (the day before) or
     * "morning" (the day itself) at day_mail_at ("HH:MM", its zone), or
     * both NULL: none; read by get and each, written by
     * store_event_day_mail_set only */
    const char *day_mail_on, *day_mail_at;
    /* the instant (forum's clock, seconds since 1970) the setting was last
     * changed: a day whose time had passed then is not sent by itself */
    int64_t day_mail_from;
};
struct store_session {
    const char *id, *event, *day, *name, *kind, *starts_at, *ends_at;
    const char *name_uk;       /* the Ukrainian name, or NULL */
    bool keep_name_uk;         /* an update keeps the stored name_uk (not given) */
    /* where it takes place ("Hall A") and a short word on it, each in English
     * and Ukrainian (NULL: none); an update keeps the stored ones not given */
    const char *place, *place_uk, *description, *description_uk;
    bool keep_place, keep_place_uk, keep_description, keep_description_uk;
};
struct store_slot {
    const char *id, *session, *starts_at, *ends_at;
    int seq;
};
struct store_location {
    const char *id, *event, *name, *kind;
    int seats;
};
int store_event_upsert(struct store *s, const struct store_event *e, int *added,
                       struct df_err *err);
/* Sets event id's video service (url NULL: none); when that changes its
 * online meetings' links (url other than the stored one, trailing slashes
 * aside), their calendar SEQUENCE rises. */
int store_event_video_set(struct store *s, const char *id, const char *url, struct df_err *err);
/* Sets when event id's day mails go by themselves (on NULL: never; at is
 * then ignored), from instant from on when the setting changes (kept when
 * it is the stored one). */
int store_event_day_mail_set(struct store *s, const char *id, const char *on, const char *at,
                             int64_t from, struct df_err *err);
int store_event_get(struct store *s, const char *id, struct arena *a, struct store_event *e,
                    struct df_err *err);
typedef int (*store_event_fn)(void *ud, const struct store_event *e);
int store_event_each(struct store *s, store_event_fn fn, void *ud, struct df_err *err);
/* Publishes (or withdraws) the event's agendas and, when that changes whether
 * it is published, raises the calendar SEQUENCE of each of its meetings (their
 * STATUS goes from TENTATIVE to CONFIRMED). Two writes: call it inside the
 * caller's transaction (store_begin), as POST /events/{id}/publish does. */
int store_event_set_published(struct store *s, const char *id, bool published,
                              struct df_err *err);

/* The programme's upserts add or update by id, within their own event (a
 * slot within its own session): ids are unique across events, and one that
 * belongs to another event (a slot to another session) is refused with
 * DF_ERR_CONFLICT naming its owner, never taken over. */
int store_session_upsert(struct store *s, const struct store_session *x, struct df_err *err);
typedef int (*store_session_fn)(void *ud, const struct store_session *x);
int store_session_each(struct store *s, const char *event, store_session_fn fn, void *ud,
                       struct df_err *err);
int store_slot_upsert(struct store *s, const struct store_slot *x, struct df_err *err);
typedef int (*store_slot_fn)(void *ud, const struct store_slot *x);
/* The event's slots numbered 1..n (seq) in the order of their times, as
 * the scheduler reads them, after a change of some of them. */
int store_slot_renumber(struct store *s, const char *event, struct df_err *err);
/* In seq order. */
int store_slot_each(struct store *s, const char *event, store_slot_fn fn, void *ud,
                    struct df_err *err);
int store_location_upsert(struct store *s, const struct store_location *x, struct df_err *err);
typedef int (*store_location_fn)(void *ud, const struct store_location *x);
int store_location_each(struct store *s, const char *event, store_location_fn fn, void *ud,
                        struct df_err *err);
/* An interpreter between lang_a and lang_b (ISO 639-1), free in every B2B slot
 * of the event or, when session is not NULL, of that session only. */
struct store_interpreter {
    const char *id, *event, *name, *lang_a, *lang_b, *session;
};
int store_interpreter_upsert(struct store *s, const struct store_interpreter *x, int *added,
                             struct df_err *err);
typedef int (*store_interpreter_fn)(void *ud, const struct store_interpreter *x);
int store_interpreter_each(struct store *s, const char *event, store_interpreter_fn fn,
                           void *ud, struct df_err *err);
/* A person cannot meet in a slot. */
int store_unavailable_add(struct store *s, const char *person, const char *slot,
                          const char *reason, struct df_err *err);
typedef int (*store_unavailable_fn)(void *ud, const char *person, const char *slot);
int store_unavailable_each(struct store *s, const char *event, store_unavailable_fn fn,
                           void *ud, struct df_err *err);
/* One B2B slot of an event as a person sees their availability: away is
 * whether they cannot meet in it, set_by who said so ("person",
 * "organiser", "import"; NULL when not away or not recorded). */
struct store_avail_slot {
    const char *id, *session, *day, *starts_at, *ends_at, *set_by;
    int seq;
    bool away;
};
typedef int (*store_avail_fn)(void *ud, const struct store_avail_slot *x);
/* The event's B2B slots in time (seq) order, each with whether person is away
 * in it. An unknown event or person gives no rows: the caller checks them. */
int store_availability_each(struct store *s, const char *person, const char *event,
                            store_avail_fn fn, void *ud, struct df_err *err);
/* Replaces person's unavailability among the event's slots with slots[0..n)
 * (unique ids the caller checked are B2B slots of that event): a slot away
 * already keeps who set it, a new one is set_by's ("person", "organiser" or
 * "import"); their unavailability at other events stays. Several writes:
 * call it inside the caller's transaction (store_begin). */
int store_availability_set(struct store *s, const char *person, const char *event,
                           const char *const *slots, int n, const char *set_by,
                           struct df_err *err);

/* ---- meeting requests ----------------------------------------------- */
struct store_request {
    const char *id, *event, *from, *to, *status, *message, *created_at;
    int priority;
    /* "requester", "addressee" or "organiser" when cancelled (NULL when not,
     * or cancelled before dfnc kept who); an upsert keeps it while the
     * request stays cancelled and clears it otherwise */
    const char *cancelled_by;
    /* the slot its requester proposes (a pending request's only: one that
     * leaves pending drops it), and that slot's event (a problem for `dfnc
     * check` when not the request's); NULL when none. An upsert keeps it. */
    const char *proposed_slot, *proposed_event;
    /* the organisers made it: their introduction (store_request_introduce) */
    bool introduced;
};
/* Event, from and to must exist (DF_ERR_NOT_FOUND naming which). A request
 * that exists keeps its event and its two people (its meeting lies in its
 * event's slots): DF_ERR_CONFLICT, nothing changed, when r names others. */
int store_request_upsert(struct store *s, const struct store_request *r, int *added,
                         struct df_err *err);
int store_request_get(struct store *s, const char *id, struct arena *a,
                      struct store_request *r, struct df_err *err);
int store_request_set_status(struct store *s, const char *id, const char *status,
                             struct df_err *err);
/* Marks request id as made by the organisers (their introduction). */
int store_request_introduce(struct store *s, const char *id, struct df_err *err);
/* Adds note (the organisers' words on a meeting they booked) to request id's
 * message after a blank line, or as its message when it has none; the
 * requester's own words stay first. NULL or "" changes nothing. */
int store_request_add_note(struct store *s, const char *id, const char *note, struct df_err *err);
/* Marks request id cancelled by `by` ("requester", "addressee" or "organiser"). */
int store_request_cancel(struct store *s, const char *id, const char *by, struct df_err *err);
/* Sets (slot an id) or clears (slot NULL) the slot request id proposes;
 * DF_ERR_NOT_FOUND naming the request or the slot. The caller checks that
 * the slot is of its event and free (app/requests.c). */
int store_request_set_proposal(struct store *s, const char *id, const char *slot,
                               struct df_err *err);
int store_request_add_attendee(struct store *s, const char *request, const char *person,
                               struct df_err *err);
/* Takes person off request's attendees: 1 when she was one, 0 when not
 * (or no such request or person), -1 with err. */
int store_request_remove_attendee(struct store *s, const char *request, const char *person,
                                  struct df_err *err);
/* How many attendees request has (0 for no such request), or -1 with err. */
int store_request_attendees_n(struct store *s, const char *request, struct df_err *err);
/* Request's attendees as one JSON array's text,
 * [{"id","name","org","org_name","org_name_uk","country"}] by name then id,
 * into *json (in a); DF_ERR_NOT_FOUND for no such request. */
int store_request_attendees_json(struct store *s, const char *request, struct arena *a,
                                 const char **json, struct df_err *err);
/* Whether person is one of request's attendees (a colleague who joins its
 * meeting): 1, 0 (not one, or no such request or person), -1 with err. */
int store_request_is_attendee(struct store *s, const char *request, const char *person,
                              struct df_err *err);
/* How many requests wait for person's answer: pending, addressed to them, of
 * one of open_events (a JSON array of event ids: those not over yet, as
 * app_forum_open_events makes it); -1 on error. */
int store_requests_to_answer(struct store *s, const char *person, const char *open_events,
                             struct df_err *err);
typedef int (*store_request_fn)(void *ud, const struct store_request *r);
/* event NULL = all events; status NULL = any status. */
int store_request_each(struct store *s, const char *event, const char *status,
                       store_request_fn fn, void *ud, struct df_err *err);
typedef int (*store_attendee_fn)(void *ud, const char *request, const char *person);
int store_attendee_each(struct store *s, const char *event, store_attendee_fn fn, void *ud,
                        struct df_err *err);

/* ---- meetings --------------------------------------------------------- */
struct store_meeting {
    const char *id, *request, *event, *slot, *location;
    const char *interpreter;                          /* an interpreter id, or NULL */
    const char *starts_at, *ends_at, *location_name;  /* joined in by *_each */
    const char *interpreter_name;                     /* joined in by *_each */
    const char *event_name, *session_name;            /* joined in by *_each */
    const char *video_url;   /* joined in: held online, its room's link (NULL: none named) */
    /* read: held online, by video (no table, a room); a meeting at no table
     * without a room (its table was removed) is not: it has no table */
    int online;
    int locked, sequence;
    /* held online (no location): its video room's name, kept once it has one
     * (upsert: the name to give it if it has none yet); NULL at a table */
    const char *video_room;
};
/* Keyed by request; raises sequence when slot, location or interpreter changes. */
int store_meeting_upsert(struct store *s, const struct store_meeting *m, struct df_err *err);
/* At a re-schedule: deletes the event's meetings, locked or not, whose request
 * is no longer accepted (changed by an import). */
int store_meeting_clear_unaccepted(struct store *s, const char *event, struct df_err *err);
int store_meeting_delete_for_request(struct store *s, const char *request, struct df_err *err);
/* Raises request's meeting's calendar SEQUENCE (its people changed: a
 * colleague joined or left); nothing when it has none. -1 with err. */
int store_meeting_bump(struct store *s, const char *request, struct df_err *err);
/* The last schedule run of event left requests[i] without a meeting because
 * of reasons[i], i < n, by code codes[i] with values[i] (a JSON object's
 * text; either array, or an entry, may be NULL: none): the event's earlier
 * reasons go, these are kept (an id the store does not know is skipped). */
int store_unscheduled_reasons_replace(struct store *s, const char *event,
                                      const char *const *requests, const char *const *reasons,
                                      const char *const *codes, const char *const *values,
                                      int n, struct df_err *err);
/* A request's kept reason is read with it: store_web_request.unscheduled_reason. */
/* The last schedule run of an event: when (UTC, ISO 8601), how it was started
 * (via "web", ran_by the organiser's email; "cli", ran_by the command;
 * "accept", ran_by the person whose accept placed its meeting), and its
 * figures. */
struct store_schedule_run {
    const char *event, *ran_at, *via, *ran_by;
    int accepted, scheduled, upper_bound, breaks, unscheduled;
    double seconds;
};
/* Keeps run (ran_at ignored: now) as its event's last, replacing the one
 * before; inside the run's write transaction. */
int store_schedule_run_replace(struct store *s, const struct store_schedule_run *run,
                               struct df_err *err);
/* What has changed since an event's last run, by the store's own rules: the
 * accepted requests now, and those of them waiting for a run (no meeting,
 * and no reason kept by the last run: accepted, or their meeting removed,
 * since). */
struct store_schedule_since {
    int accepted, waiting;
    int pending, pending_people;   /* requests still unanswered, and how many people they wait for */
    int online;                    /* accepted requests' meetings held online (no table) */
    bool video_service;            /* the event has a video_url: those meetings have a link */
};
/* What changed since event's last run (as store_schedule_run_get), alone. */
int store_schedule_since_get(struct store *s, const char *event,
                             struct store_schedule_since *since, struct df_err *err);
/* The last run of event into *run (strings in a) and what changed since into
 * *since, read together; *found false when no run is kept (the event never
 * ran since migration 21, or has no such id: DF_ERR_NOT_FOUND for that). */
int store_schedule_run_get(struct store *s, const char *event, struct arena *a,
                           struct store_schedule_run *run, bool *found,
                           struct store_schedule_since *since, struct df_err *err);
/* The meeting of a request, its strings in a (with its slot's times and its
 * table's name); DF_ERR_NOT_FOUND when the request has none. */
int store_meeting_of_request(struct store *s, const char *request, struct arena *a,
                             struct store_meeting *m, struct df_err *err);
/* An organiser moves the meeting of request to slot and location (checked
 * free by the caller; location NULL: online, in its video room, video_room
 * the name it gets if it has none): it stays locked, its calendar SEQUENCE
 * rises, and where it was (its slot's start, its table's name) is kept for
 * its people's agendas (store_agenda_row.moved_from_start). */
int store_meeting_move(struct store *s, const char *request, const char *slot,
                       const char *location, const char *video_room, struct df_err *err);
/* Locks (or unlocks) every meeting of the event: publishing agendas. */
int store_meeting_lock_all(struct store *s, const char *event, bool locked, struct df_err *err);
typedef int (*store_meeting_fn)(void *ud, const struct store_meeting *m);
/* event NULL = all; person NULL = everyone's; in time order. */
int store_meeting_each(struct store *s, const char *event, const char *person,
                       store_meeting_fn fn, void *ud, struct df_err *err);

/* ---- figures ----------------------------------------------------------- */
struct store_stats {
    int64_t participants, organisations, countries, eu_organisations, ua_organisations;
    int64_t requests, accepted, pending, declined, scheduled, events, capabilities;
};
int store_stats_get(struct store *s, struct store_stats *st, struct df_err *err);

/* ---- audit log ----------------------------------------------------------- */
int store_audit(struct store *s, const char *actor, const char *action, const char *entity,
                const char *entity_id, const char *detail, struct df_err *err);
int64_t store_audit_count(struct store *s, struct df_err *err);

#endif
