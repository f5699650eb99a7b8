/* Interpreters given on the day (store/interpreting.h). */
#include "store/interpreting.h"

#include "store/store_internal.h"

int store_uninterpreted_each(struct store *s, const char *event, int64_t now,
                             store_uninterpreted_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT r.id, t.id, se.id, t.starts_at, p.id, p.languages"
        " FROM meetings m JOIN requests r ON r.rid = m.request_rid"
        " JOIN events e ON e.rid = r.event_rid"
        " JOIN slots t ON t.rid = m.slot_rid JOIN sessions se ON se.rid = t.session_rid"
        " JOIN (SELECT rid AS req, from_rid AS person FROM requests"
        "       UNION SELECT rid, to_rid FROM requests"
        "       UNION SELECT request_rid, person_rid FROM request_attendees) x"
        "   ON x.req = r.rid"
        " JOIN people p ON p.rid = x.person"
        " WHERE e.id = ?1 AND m.locked = 1 AND m.interpreter_rid IS NULL"
        "   AND r.status = 'accepted' AND julianday(t.starts_at) > julianday(?2, 'unixepoch')"
        /* julianday() reads the offset: the instant, whatever the zone */
        " ORDER BY julianday(t.starts_at), t.starts_at, r.id, p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_uninterpreted x = {
            .request = store_col(st, 0), .slot = store_col(st, 1), .session = store_col(st, 2),
            .starts_at = store_col(st, 3), .person = store_col(st, 4),
            .languages = store_col(st, 5)};
        stop = fn(ud, &x);
    }
    sqlite3_reset(st);
    if (stop)
        return stop;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "listing the published meetings without an interpreter");
    return 0;
}

int store_interpreter_taken_each(struct store *s, const char *event,
                                 store_interpreter_taken_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT t.id, i.id FROM meetings m JOIN interpreters i ON i.rid = m.interpreter_rid"
        " JOIN events e ON e.rid = i.event_rid JOIN slots t ON t.rid = m.slot_rid"
        " WHERE e.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), store_col(st, 1));
    sqlite3_reset(st);
    if (stop)
        return stop;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "listing the interpreters taken");
    return 0;
}

int store_meeting_give_interpreter(struct store *s, const char *request, const char *interpreter,
                                   struct df_err *err)
{
    static const char sql[] =
        "UPDATE meetings SET interpreter_rid = (SELECT i.rid FROM interpreters i"
        "   WHERE i.id = ?2 AND i.event_rid = (SELECT event_rid FROM requests WHERE id = ?1)),"
        " sequence = sequence + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, interpreter);
    return store_step_done(s, st, err, "giving a meeting its interpreter");
}
