/* Removing sessions, locations and interpreters from an event (programme.h). */
#include "store/programme.h"
#include "store/store_internal.h"

/* rid of the row whose id is id in event, 0 when none, -1 on error. */
static sqlite3_int64 rid_in_event(struct store *s, const char *sql, const char *event,
                                  const char *id, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, event);
    int rc = sqlite3_step(st);
    sqlite3_int64 rid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "finding a programme item");
    return rid;
}

/* The count a one-row, one-column query over rid gives, -1 on error. */
static int count_of(struct store *s, const char *sql, sqlite3_int64 rid, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    int rc = sqlite3_step(st);
    int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    if (n < 0)
        return store_fail(s, err, "checking what depends on a programme item");
    return n;
}

/* Runs a statement over rid; the number of rows it changed, -1 on error. */
static int change(struct store *s, const char *sql, sqlite3_int64 rid, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    if (store_step_done(s, st, err, "removing from the programme") < 0)
        return -1;
    return sqlite3_changes(s->db);
}

int store_session_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                         struct df_err *err)
{
    static const char find[] = "SELECT x.rid FROM sessions x JOIN events e ON e.rid = x.event_rid"
                               " WHERE x.id = ?1 AND e.id = ?2";
    static const char published[] = "SELECT count(*) FROM meetings m JOIN slots t"
                                    " ON t.rid = m.slot_rid WHERE t.session_rid = ? AND m.locked";
    static const char interpreters[] = "SELECT count(*) FROM interpreters WHERE session_rid = ?";
    static const char drop_meetings[] = "DELETE FROM meetings WHERE slot_rid IN"
                                        " (SELECT rid FROM slots WHERE session_rid = ?)";
    static const char drop[] = "DELETE FROM sessions WHERE rid = ?";   /* slots cascade */
    *unscheduled = 0;
    sqlite3_int64 rid = rid_in_event(s, find, event, id, err);
    if (rid <= 0)
        return rid < 0 ? -1
                       : df_err_set(err, DF_ERR_NOT_FOUND, "no session \"%s\" in event \"%s\"",
                                    id, event);
    int held = count_of(s, published, rid, err);
    if (held != 0)
        return held < 0 ? -1
                        : df_err_set(err, DF_ERR_CONFLICT,
                                     "session \"%s\" holds %d published meeting(s); they would "
                                     "lose their slot", id, held);
    int bound = count_of(s, interpreters, rid, err);
    if (bound != 0)
        return bound < 0 ? -1
                         : df_err_set(err, DF_ERR_CONFLICT,
                                      "%d interpreter(s) work session \"%s\" only; remove them "
                                      "or book them for another session first", bound, id);
    if ((*unscheduled = change(s, drop_meetings, rid, err)) < 0 || change(s, drop, rid, err) < 0)
        return -1;
    return 0;
}

int store_location_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                          struct df_err *err)
{
    static const char find[] = "SELECT l.rid FROM locations l JOIN events e ON e.rid = l.event_rid"
                               " WHERE l.id = ?1 AND e.id = ?2";
    static const char published[] =
        "SELECT count(*) FROM meetings WHERE location_rid = ? AND locked";
    static const char hosts[] = "SELECT count(*) FROM people WHERE booth ="
                                " (SELECT id FROM locations WHERE rid = ?)";
    static const char drop_meetings[] = "DELETE FROM meetings WHERE location_rid = ?";
    static const char drop[] = "DELETE FROM locations WHERE rid = ?";
    *unscheduled = 0;
    sqlite3_int64 rid = rid_in_event(s, find, event, id, err);
    if (rid <= 0)
        return rid < 0 ? -1
                       : df_err_set(err, DF_ERR_NOT_FOUND, "no location \"%s\" in event \"%s\"",
                                    id, event);
    int held = count_of(s, published, rid, err);
    if (held != 0)
        return held < 0 ? -1
                        : df_err_set(err, DF_ERR_CONFLICT,
                                     "%d published meeting(s) sit at \"%s\"; they would lose "
                                     "their table", held, id);
    int hosting = count_of(s, hosts, rid, err);
    if (hosting != 0)
        return hosting < 0 ? -1
                           : df_err_set(err, DF_ERR_CONFLICT,
                                        "%d participant(s) host at booth \"%s\"", hosting, id);
    if ((*unscheduled = change(s, drop_meetings, rid, err)) < 0 || change(s, drop, rid, err) < 0)
        return -1;
    return 0;
}

int store_interpreter_remove(struct store *s, const char *event, const char *id, int *orphaned,
                             struct df_err *err)
{
    static const char find[] = "SELECT i.rid FROM interpreters i JOIN events e"
                               " ON e.rid = i.event_rid WHERE i.id = ?1 AND e.id = ?2";
    static const char release[] = "UPDATE meetings SET interpreter_rid = NULL, sequence = sequence + 1,"
                                  " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                  " WHERE interpreter_rid = ?";
    static const char drop[] = "DELETE FROM interpreters WHERE rid = ?";
    *orphaned = 0;
    sqlite3_int64 rid = rid_in_event(s, find, event, id, err);
    if (rid <= 0)
        return rid < 0 ? -1
                       : df_err_set(err, DF_ERR_NOT_FOUND,
                                    "no interpreter \"%s\" in event \"%s\"", id, event);
    if ((*orphaned = change(s, release, rid, err)) < 0 || change(s, drop, rid, err) < 0)
        return -1;
    return 0;
}
