/* The organisers' announcements (store/announcements.h). */
#include "store/announcements.h"

#include "store/store_internal.h"

int store_announcement_add(struct store *s, const char *text, const char *text_uk,
                           const char *author, const char *shows_from,
                           const char *shows_until, int64_t *id, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO announcements(text, text_uk, created_by, shows_from, shows_until)"
        " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, text);
    store_bind_text(st, 2, text_uk);
    store_bind_text(st, 3, author);
    store_bind_text(st, 4, shows_from);
    store_bind_text(st, 5, shows_until);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        store_fail(s, err, "keeping an announcement");
        sqlite3_reset(st);
        return -1;
    }
    *id = sqlite3_column_int64(st, 0);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "keeping an announcement");
}

int store_announcement_withdraw(struct store *s, int64_t id, struct df_err *err)
{
    static const char sql[] =
        "UPDATE announcements SET withdrawn_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE rid = ?1 AND withdrawn_at IS NULL";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    if (store_step_done(s, st, err, "withdrawing an announcement") < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}

/* Walks the rows of sql (the columns below; ?1 now, ?2 limit) into fn. */
static int announcements_walk(struct store *s, const char *sql, const char *now, int limit,
                              store_announcement_fn fn, void *ud, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, now);
    sqlite3_bind_int(st, 2, limit);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_announcement a = {sqlite3_column_int64(st, 0), store_col(st, 1),
                                       store_col(st, 2), store_col(st, 3), store_col(st, 4),
                                       store_col(st, 5), store_col(st, 6)};
        stop = fn(ud, &a);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the announcements");
    sqlite3_reset(st);
    return stop;
}

#define ANNOUNCEMENT_COLUMNS \
    "SELECT rid, text, text_uk, created_at, created_by, shows_from, shows_until FROM announcements"

int store_announcement_each(struct store *s, const char *now, int limit,
                            store_announcement_fn fn, void *ud, struct df_err *err)
{
    /* the newest to show first: one written ahead counts from when it shows */
    static const char sql[] = ANNOUNCEMENT_COLUMNS
        " WHERE withdrawn_at IS NULL AND coalesce(shows_from <= ?1, 1)"
        " AND coalesce(shows_until > ?1, 1)"
        " ORDER BY max(created_at, coalesce(shows_from, '')) DESC, rid DESC LIMIT ?2";
    return announcements_walk(s, sql, now, limit, fn, ud, err);
}

int store_announcement_each_ahead(struct store *s, const char *now, int limit,
                                  store_announcement_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = ANNOUNCEMENT_COLUMNS
        " WHERE withdrawn_at IS NULL AND shows_from > ?1 ORDER BY shows_from, rid LIMIT ?2";
    return announcements_walk(s, sql, now, limit, fn, ud, err);
}
