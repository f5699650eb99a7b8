/* A table out of use for a while (table_out.h). */
#include "store/table_out.h"
#include "store/store_internal.h"

/* rid of location, one of event's; 0 with DF_ERR_NOT_FOUND when not. */
static sqlite3_int64 location_of_event(struct store *s, const char *event, const char *location,
                                       struct df_err *err)
{
    static const char sql[] =
        "SELECT l.rid FROM locations l JOIN events e ON e.rid = l.event_rid"
        " WHERE l.id = ?1 AND e.id = ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, location);
    store_bind_text(st, 2, event);
    int rc = sqlite3_step(st);
    sqlite3_int64 rid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "finding a table");
    if (rid == 0) {
        df_err_set(err, DF_ERR_NOT_FOUND, "event %s has no table \"%.128s\"", event, location);
        return df_err_code(err, "no_location", "location", location, NULL);
    }
    return rid;
}

int store_table_out_add(struct store *s, const char *event, const char *location,
                        long long from, long long until, const char *set_by,
                        struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO location_out_of_use(location_rid, from_at, until_at, set_by)"
        " VALUES (?,?,?,?)";
    sqlite3_int64 l = location_of_event(s, event, location, err);
    if (l < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, l);
    sqlite3_bind_int64(st, 2, from);
    if (until > 0)
        sqlite3_bind_int64(st, 3, until);
    else
        sqlite3_bind_null(st, 3);
    store_bind_text(st, 4, set_by);
    return store_step_done(s, st, err, "marking a table out of use");
}

/* Removes location's windows (one of event's): all, or those starting at
 * from and ending at until (-1: whenever; 0: to the end); how many in *n. */
static int windows_remove(struct store *s, const char *event, const char *location, bool all,
                          long long from, long long until, int *n, struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM location_out_of_use WHERE location_rid = ?1"
        " AND (?4 OR (from_at = ?2 AND (?3 = -1 OR until_at IS nullif(?3, 0))))";
    *n = 0;
    sqlite3_int64 l = location_of_event(s, event, location, err);
    if (l < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, l);
    sqlite3_bind_int64(st, 2, from);
    sqlite3_bind_int64(st, 3, until);
    sqlite3_bind_int(st, 4, all);
    if (store_step_done(s, st, err, "giving a table back") < 0)
        return -1;
    *n = sqlite3_changes(s->db);
    return 0;
}

int store_table_out_clear(struct store *s, const char *event, const char *location, int *n,
                          struct df_err *err)
{
    return windows_remove(s, event, location, true, 0, -1, n, err);
}

int store_table_out_remove(struct store *s, const char *event, const char *location,
                           long long from, long long until, int *n, struct df_err *err)
{
    return windows_remove(s, event, location, false, from, until, n, err);
}

int store_table_out_each(struct store *s, const char *event, store_table_out_fn fn, void *ud,
                         struct df_err *err)
{
    static const char sql[] =
        "SELECT l.id, l.name, w.from_at, w.until_at, w.set_by FROM location_out_of_use w"
        " JOIN locations l ON l.rid = w.location_rid JOIN events e ON e.rid = l.event_rid"
        " WHERE e.id = ? ORDER BY l.rid, w.from_at, w.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_table_out w = {.location = store_col(st, 0), .location_name = store_col(st, 1),
                                    .from = sqlite3_column_int64(st, 2),
                                    .until = sqlite3_column_int64(st, 3),
                                    .set_by = store_col(st, 4)};
        stop = fn(ud, &w);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing tables out of use");
    sqlite3_reset(st);
    return stop;
}
