/* What `dfnc check` reads beside the rows' own walks (store.h, procure.h):
 * one consistent read of the whole store, SQLite's own integrity checks,
 * where each meeting lies, and the logins with their password hashes. The
 * rules that judge them are the app layer's (app/check.c). */
#ifndef DFNC_STORE_CHECK_H
#define DFNC_STORE_CHECK_H

#include "store/store.h"

/* Every read between the two sees one state of the database, while a server
 * may go on writing (a read transaction). */
int store_snapshot_begin(struct store *s, struct df_err *err);
void store_snapshot_end(struct store *s);

/* PRAGMA integrity_check: fn gets each problem SQLite names (nothing when the
 * file is sound). A non-zero return from fn stops the walk and is returned. */
typedef int (*store_integrity_fn)(void *ud, const char *problem);
int store_integrity_each(struct store *s, store_integrity_fn fn, void *ud, struct df_err *err);

/* PRAGMA foreign_key_check: fn gets each row naming a row that is not there:
 * its table, its string id (its rowid as "row N" when the table has no id
 * column, or "" without a rowid) and the table it names. */
typedef int (*store_foreign_key_fn)(void *ud, const char *table, const char *id,
                                    const char *parent);
int store_foreign_key_each(struct store *s, store_foreign_key_fn fn, void *ud,
                           struct df_err *err);

/* Where each meeting lies: its request's event (and status) and the event
 * its slot's session belongs to, and its table's event (NULL without a
 * table). */
struct store_meeting_place {
    const char *meeting, *request, *status, *event, *slot, *slot_event, *location,
        *location_event;
};
typedef int (*store_meeting_place_fn)(void *ud, const struct store_meeting_place *m);
int store_meeting_place_each(struct store *s, store_meeting_place_fn fn, void *ud,
                             struct df_err *err);

/* Two or more meetings in one slot with one person (a requester, an
 * addressee or an attendee; what "person") or at one table (what "table"):
 * fn gets the person's or table's id, the slot's and the meetings' ids
 * joined by ", ". */
typedef int (*store_meeting_clash_fn)(void *ud, const char *what, const char *id,
                                      const char *slot, const char *meetings);
int store_meeting_clash_each(struct store *s, store_meeting_clash_fn fn, void *ud,
                             struct df_err *err);

/* Every meeting outcome (migration 22), by request and person: their ids
 * (NULL when the row named is not there: the foreign key check names it
 * too) with their rowids, the outcome and the note, and whether the person
 * is one of the request's people (its requester, addressee or an
 * attendee). The note is read to be judged, never to be shown. */
struct store_outcome_row {
    long long request_rid, person_rid;
    const char *request, *person, *outcome, *note;
    bool attends;
};
typedef int (*store_outcome_row_fn)(void *ud, const struct store_outcome_row *o);
int store_outcome_row_each(struct store *s, store_outcome_row_fn fn, void *ud,
                           struct df_err *err);

/* Every login in email order, its person's id (NULL for none) and password
 * hash: for judging the hash's form and cost, never to be shown. */
struct store_login {
    const char *email, *role, *person, *password_hash;
};
typedef int (*store_login_fn)(void *ud, const struct store_login *l);
int store_login_each(struct store *s, store_login_fn fn, void *ud, struct df_err *err);

#endif
