/* Shared by the store's own files only: the connection and the statement cache. */
#ifndef DFNC_STORE_INTERNAL_H
#define DFNC_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

/* A prepared statement kept for the connection's life, found by its SQL
 * text's address. */
struct store_cached_stmt {
    const char *sql;
    sqlite3_stmt *st;
};

struct store {
    sqlite3 *db;
    struct store_cached_stmt *stmts;   /* every query this connection has run, grown as
                                          new ones come: a server thread's connection
                                          meets them all over its life */
    int stmts_n, stmts_cap;
    uint64_t serial;   /* this connection's, unique in the process (store_mark) */
};

/* A prepared statement for sql (a string literal: its address is the key), reset
 * and with bindings cleared. NULL with err filled on failure. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct df_err *err);
/* Binds a C string or NULL as TEXT/NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Fills err from the connection's last error, with what we were doing. */
int store_fail(struct store *s, struct df_err *err, const char *doing);
/* Column text (NULL for SQL NULL). */
const char *store_col(sqlite3_stmt *st, int i);
/* Runs a statement expected to be done (no rows); resets it. */
int store_step_done(struct store *s, sqlite3_stmt *st, struct df_err *err, const char *doing);
/* A read of several statements that must see one state of the database (a
 * page and the count beside it): a savepoint, which is a read transaction
 * outside any other and nests inside one. store_read_end releases it. */
int store_read_begin(struct store *s, struct df_err *err);
void store_read_end(struct store *s);
/* Returns what call returns, run in one read (store_read_begin): a list's
 * page and the count beside it, or several counts, from one state of the
 * database, where a write between them (a check-in, an accept) would make
 * "1-200 of N" disagree with the rows. */
#define IN_ONE_READ(s, err, call)                                                  \
    do {                                                                           \
        if (store_read_begin((s), (err)) < 0)                                      \
            return -1;                                                             \
        int in_one_read_rc = (call);                                               \
        store_read_end(s);                                                         \
        return in_one_read_rc;                                                     \
    } while (0)
/* The requests waiting for the answer of the person whose rid is P (an SQL
 * expression): pending, addressed to them, at one of the events parameter ?N
 * names, a JSON array of ids: those not over yet, each by its own zone's
 * day, which the caller knows (app_forum_open_events); FROM r, for a count. */
#define STORE_TO_ANSWER_OF(P, N)                                                       \
    " FROM requests r JOIN events e ON e.rid = r.event_rid"                           \
    " WHERE r.to_rid = " P " AND r.status = 'pending'"                                 \
    " AND e.id IN (SELECT value FROM json_each(?" N "))"
/* The row sql (its one parameter bound to id) selects, for the caller to read
 * and then sqlite3_reset; NULL with DF_ERR_NOT_FOUND ("no WHAT \"ID\"") when
 * there is none, or with the database's error. */
sqlite3_stmt *store_row_by_id(struct store *s, const char *sql, const char *id, const char *what,
                              struct df_err *err);
/* rid of the row of table with that string id: >0 found, 0 not found, -1 error. */
sqlite3_int64 store_rid(struct store *s, const char *sql, const char *id, struct df_err *err);

/* Fills o from a row whose first columns are, in order: id, name, name_uk,
 * country, kind, sme, city, website, description, description_uk (the strings
 * point into the statement's row). */
void store_org_from_row(sqlite3_stmt *st, struct store_org *o);

/* A request's (its table alias q) attendees as one JSON array's text,
 * [{"id","name","org","org_name","org_name_uk","country"}] by name then
 * id, for a query's column: web.c's list and store_request_attendees_json
 * share it. */
#define STORE_ATTENDEES_JSON(q)                                                            \
    "(SELECT json_group_array(json_object('id', x.id, 'name', x.name, 'org', x.org,"       \
    " 'org_name', x.org_name, 'org_name_uk', x.org_name_uk, 'country', x.country))"        \
    " FROM (SELECT ap.id, ap.name, ao.id AS org, ao.name AS org_name,"                     \
    " ao.name_uk AS org_name_uk, ao.country FROM request_attendees aa"                     \
    " JOIN people ap ON ap.rid = aa.person_rid JOIN organisations ao ON ao.rid = ap.org_rid" \
    " WHERE aa.request_rid = " q ".rid ORDER BY ap.name, ap.id) x)"

#endif
