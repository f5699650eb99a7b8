/* The store's reads for `dfnc check` (see check.h). */
#include "store/check.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>

int store_snapshot_begin(struct store *s, struct df_err *err) { return store_read_begin(s, err); }

void store_snapshot_end(struct store *s) { store_read_end(s); }

/* One row of a walk: fn is the caller's callback, as the walk's caller
 * typed it. */
typedef int (*row_fn)(struct store *s, sqlite3_stmt *st, void *fn, void *ud);

/* Runs sql and hands each row to row; a non-zero return stops the walk and
 * is returned. */
static int walk(struct store *s, const char *sql, row_fn row, void *fn, void *ud,
                struct df_err *err, const char *doing)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = row(s, st, fn, ud);
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, doing);
    sqlite3_reset(st);
    return stop;
}

static int integrity_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    (void)s;
    const char *what = store_col(st, 0);
    return what && strcmp(what, "ok") != 0 ? ((store_integrity_fn)fn)(ud, what) : 0;
}

int store_integrity_each(struct store *s, store_integrity_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "PRAGMA integrity_check";
    return walk(s, sql, integrity_row, (void *)fn, ud, err, "checking the database's integrity");
}

/* The string id of row rowid of table into out ("row N" when the table has
 * no id column; "" for no rowid). The table's name comes from SQLite's own
 * schema; it is quoted as an identifier all the same (%w). */
static void row_id(struct store *s, const char *table, sqlite3_stmt *fk, char *out, size_t cap)
{
    out[0] = '\0';
    if (sqlite3_column_type(fk, 1) == SQLITE_NULL)
        return;
    sqlite3_int64 rowid = sqlite3_column_int64(fk, 1);
    snprintf(out, cap, "row %lld", (long long)rowid);
    char *sql = sqlite3_mprintf("SELECT id FROM \"%w\" WHERE rowid = ?", table);
    sqlite3_stmt *st = NULL;
    if (sql && sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, rowid);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);   /* a table without an id column fails to prepare: "row N" */
    sqlite3_free(sql);
}

static int foreign_key_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    char table[128], id[160];
    snprintf(table, sizeof table, "%s", store_col(st, 0) ? store_col(st, 0) : "");
    row_id(s, table, st, id, sizeof id);
    return ((store_foreign_key_fn)fn)(ud, table, id, store_col(st, 2) ? store_col(st, 2) : "");
}

int store_foreign_key_each(struct store *s, store_foreign_key_fn fn, void *ud,
                           struct df_err *err)
{
    static const char sql[] = "PRAGMA foreign_key_check";
    return walk(s, sql, foreign_key_row, (void *)fn, ud, err, "checking the foreign keys");
}

static int meeting_place_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    (void)s;
    struct store_meeting_place m = {
        .meeting = store_col(st, 0), .request = store_col(st, 1), .event = store_col(st, 2),
        .slot = store_col(st, 3), .slot_event = store_col(st, 4), .location = store_col(st, 5),
        .location_event = store_col(st, 6), .status = store_col(st, 7)};
    return ((store_meeting_place_fn)fn)(ud, &m);
}

int store_meeting_place_each(struct store *s, store_meeting_place_fn fn, void *ud,
                             struct df_err *err)
{
    /* left joins: a row whose links are broken is still seen (the foreign
     * key check names it too) */
    static const char sql[] =
        "SELECT m.id, r.id, re.id, t.id, se.id, l.id, le.id, r.status FROM meetings m"
        " LEFT JOIN requests r ON r.rid = m.request_rid"
        " LEFT JOIN events re ON re.rid = r.event_rid"
        " LEFT JOIN slots t ON t.rid = m.slot_rid"
        " LEFT JOIN sessions x ON x.rid = t.session_rid"
        " LEFT JOIN events se ON se.rid = x.event_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " LEFT JOIN events le ON le.rid = l.event_rid"
        " ORDER BY m.id";
    return walk(s, sql, meeting_place_row, (void *)fn, ud, err, "listing meetings' places");
}

static int outcome_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    (void)s;
    struct store_outcome_row o = {
        .request_rid = sqlite3_column_int64(st, 0), .person_rid = sqlite3_column_int64(st, 1),
        .request = store_col(st, 2), .person = store_col(st, 3), .outcome = store_col(st, 4),
        .note = store_col(st, 5), .attends = sqlite3_column_int(st, 6) != 0};
    return ((store_outcome_row_fn)fn)(ud, &o);
}

int store_outcome_row_each(struct store *s, store_outcome_row_fn fn, void *ud,
                           struct df_err *err)
{
    static const char sql[] =
        "SELECT o.request_rid, o.person_rid, r.id, p.id, o.outcome, o.note,"
        " r.from_rid = o.person_rid OR r.to_rid = o.person_rid OR EXISTS (SELECT 1 FROM"
        "  request_attendees a WHERE a.request_rid = r.rid AND a.person_rid = o.person_rid)"
        " FROM meeting_outcomes o LEFT JOIN requests r ON r.rid = o.request_rid"
        " LEFT JOIN people p ON p.rid = o.person_rid ORDER BY r.id, p.id, o.request_rid";
    return walk(s, sql, outcome_row, (void *)fn, ud, err, "listing meeting outcomes");
}

static int clash_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    (void)s;
    return ((store_meeting_clash_fn)fn)(ud, store_col(st, 0), store_col(st, 1), store_col(st, 2),
                                        store_col(st, 3));
}

int store_meeting_clash_each(struct store *s, store_meeting_clash_fn fn, void *ud,
                             struct df_err *err)
{
    static const char sql[] =
        "WITH seats(meeting_rid, person_rid) AS ("
        "  SELECT m.rid, r.from_rid FROM meetings m JOIN requests r ON r.rid = m.request_rid"
        "  UNION SELECT m.rid, r.to_rid FROM meetings m JOIN requests r ON r.rid = m.request_rid"
        "  UNION SELECT m.rid, a.person_rid FROM meetings m"
        "  JOIN request_attendees a ON a.request_rid = m.request_rid)"
        " SELECT 'person', p.id, t.id, group_concat(m.id, ', ') FROM seats x"
        " JOIN meetings m ON m.rid = x.meeting_rid JOIN people p ON p.rid = x.person_rid"
        " JOIN slots t ON t.rid = m.slot_rid"
        " GROUP BY x.person_rid, m.slot_rid HAVING count(*) > 1"
        " UNION ALL"
        " SELECT 'table', l.id, t.id, group_concat(m.id, ', ') FROM meetings m"
        " JOIN locations l ON l.rid = m.location_rid JOIN slots t ON t.rid = m.slot_rid"
        " GROUP BY m.location_rid, m.slot_rid HAVING count(*) > 1"
        " ORDER BY 1, 2, 3";
    return walk(s, sql, clash_row, (void *)fn, ud, err, "looking for meetings at one time");
}

static int login_row(struct store *s, sqlite3_stmt *st, void *fn, void *ud)
{
    (void)s;
    struct store_login l = {.email = store_col(st, 0), .role = store_col(st, 1),
                            .person = store_col(st, 2), .password_hash = store_col(st, 3)};
    return ((store_login_fn)fn)(ud, &l);
}

int store_login_each(struct store *s, store_login_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT u.email, u.role, p.id, u.password_hash FROM users u"
        " LEFT JOIN people p ON p.rid = u.person_rid ORDER BY u.email";
    return walk(s, sql, login_row, (void *)fn, ud, err, "listing logins");
}
