/* The forum's day at the desk (store/day.h). */
#include "store/day.h"

#include <string.h>

#include "store/store_internal.h"

/* The accepted requests person ?1 is one of the people of, by rid. */
#define MINE_SQL                                                                           \
    "WITH me(rid) AS (SELECT rid FROM people WHERE id = ?1),"                               \
    " mine(req) AS (SELECT r.rid FROM requests r, me WHERE r.from_rid = me.rid"             \
    "   UNION SELECT r.rid FROM requests r, me WHERE r.to_rid = me.rid"                     \
    "   UNION SELECT a.request_rid FROM request_attendees a, me WHERE a.person_rid = me.rid)"

/* Of meeting m at event e: whether it is held online (no table, a video
 * room), then its room's link (NULL while the event names no service). */
#define ONLINE_SQL                                                                         \
    "coalesce(m.location_rid IS NULL AND m.video_room IS NOT NULL, 0),"                    \
    " CASE WHEN m.location_rid IS NULL AND m.video_room IS NOT NULL"                        \
    "  THEN rtrim(e.video_url, '/') || '/' || m.video_room END"

static char *dup_col(struct arena *a, sqlite3_stmt *st, int i, int *oom)
{
    const char *v = store_col(st, i);
    char *c = v ? arena_strdup(a, v) : NULL;
    if (v && !c)
        *oom = 1;
    return c;
}

/* The others of request rid beside person into with[] (*with_n counts them
 * all), their strings in a. */
static int read_parties(struct store *s, sqlite3_int64 rid, const char *person, struct arena *a,
                        struct store_day_party *with, int *with_n, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.name, o.name, o.name_uk, p.email,"
        " (SELECT v.at FROM arrivals v WHERE v.person_rid = p.rid AND v.day = (SELECT se.day"
        "   FROM meetings m JOIN slots sl ON sl.rid = m.slot_rid"
        "   JOIN sessions se ON se.rid = sl.session_rid WHERE m.request_rid = ?1))"
        " FROM people p JOIN organisations o ON o.rid = p.org_rid"
        " WHERE p.id <> ?2 AND p.rid IN (SELECT from_rid FROM requests WHERE rid = ?1"
        "   UNION SELECT to_rid FROM requests WHERE rid = ?1"
        "   UNION SELECT person_rid FROM request_attendees WHERE request_rid = ?1)"
        " ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    store_bind_text(st, 2, person);
    int rc, oom = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*with_n < STORE_DAY_PARTIES_MAX) {
            struct store_day_party *x = &with[*with_n];
            x->id = dup_col(a, st, 0, &oom);
            x->name = dup_col(a, st, 1, &oom);
            x->org_name = dup_col(a, st, 2, &oom);
            x->org_name_uk = dup_col(a, st, 3, &oom);
            x->email = dup_col(a, st, 4, &oom);
            x->checked_in_at = dup_col(a, st, 5, &oom);
        }
        (*with_n)++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "reading who a meeting is with");
    return oom ? df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a meeting") : 0;
}

int store_day_next_meeting(struct store *s, const char *person, int64_t now, struct arena *a,
                           struct store_day_meeting *m, bool *found, struct df_err *err)
{
    static const char sql[] =
        MINE_SQL
        " SELECT r.rid, r.id, e.id, e.timezone, t.starts_at, t.ends_at, l.name, " ONLINE_SQL
        " FROM mine JOIN requests r ON r.rid = mine.req AND r.status = 'accepted'"
        " JOIN events e ON e.rid = r.event_rid"
        " JOIN meetings m ON m.request_rid = r.rid JOIN slots t ON t.rid = m.slot_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " WHERE julianday(t.ends_at) > julianday(?2, 'unixepoch')"
        " ORDER BY julianday(t.starts_at), t.starts_at, r.id LIMIT 1";
    memset(m, 0, sizeof *m);
    *found = false;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st), oom = 0;
    sqlite3_int64 rid = 0;
    if (rc == SQLITE_ROW) {
        rid = sqlite3_column_int64(st, 0);
        m->request = dup_col(a, st, 1, &oom);
        m->event = dup_col(a, st, 2, &oom);
        m->timezone = dup_col(a, st, 3, &oom);
        m->starts_at = dup_col(a, st, 4, &oom);
        m->ends_at = dup_col(a, st, 5, &oom);
        m->location = dup_col(a, st, 6, &oom);
        m->online = sqlite3_column_int(st, 7);
        m->video_url = dup_col(a, st, 8, &oom);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "reading a person's next meeting");
    if (oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a meeting");
    if (rc == SQLITE_DONE)
        return 0;
    *found = true;
    return read_parties(s, rid, person, a, m->with, &m->with_n, err);
}

/* ---- "my partner is not here" ---------------------------------------- */

/* Steps st, an INSERT or UPDATE ... RETURNING one text column: its value into
 * *out (in a) and 1, or 0 when it changed no row; -1 with err. Resets st. */
static int returned_text(struct store *s, sqlite3_stmt *st, struct arena *a, const char **out,
                         const char *doing, struct df_err *err)
{
    int rc = sqlite3_step(st), got = 0;
    if (rc == SQLITE_ROW) {
        got = 1;
        if (!(*out = arena_strdup(a, store_col(st, 0))))
            got = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        else
            rc = sqlite3_step(st);
    }
    if (got >= 0 && rc != SQLITE_DONE)
        got = store_fail(s, err, doing);
    sqlite3_reset(st);
    return got;
}

int store_absence_report(struct store *s, const char *request, const char *person,
                         struct arena *a, const char **id, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO absence_reports(request_rid, reporter_rid)"
        " SELECT r.rid, p.rid FROM requests r, people p WHERE r.id = ?1 AND p.id = ?2"
        " ON CONFLICT (request_rid, reporter_rid) DO UPDATE SET dealt_at = NULL,"
        "  dealt_by = NULL, reported_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " RETURNING id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    int got = returned_text(s, st, a, id, "keeping a word that a partner is not here", err);
    if (got == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\" of \"%.128s\"",
                          request, person);
    return got < 0 ? -1 : 0;
}

#define ABSENCE_FROM                                                                       \
    " FROM absence_reports x JOIN requests r ON r.rid = x.request_rid"                      \
    " JOIN events e ON e.rid = r.event_rid JOIN people p ON p.rid = x.reporter_rid"
#define ABSENCE_WHERE " WHERE (?1 IS NULL OR e.id = ?1) AND (?2 = 0 OR x.dealt_at IS NULL)"

static int absence_count(struct store *s, const char *event, bool open_only, int64_t *total,
                         int64_t *open_n, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*), count(*) FILTER (WHERE x.dealt_at IS NULL)" ABSENCE_FROM ABSENCE_WHERE;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int(st, 2, open_only);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (total)
            *total = sqlite3_column_int64(st, 0);
        if (open_n)
            *open_n = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : store_fail(s, err, "counting words that partners are not here");
}

/* The page's rows, each with its meeting's others (read as each row comes,
 * into one arena freed at the end: a page is bounded). */
static int absence_rows(struct store *s, const char *event, bool open_only, int limit,
                        int offset, store_absence_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT x.id, r.id, e.id, p.id, p.name, x.reported_at, x.dealt_at, x.dealt_by,"
        " e.timezone, t.starts_at, t.ends_at, l.name, r.rid, " ONLINE_SQL ABSENCE_FROM
        " LEFT JOIN meetings m ON m.request_rid = r.rid"
        " LEFT JOIN slots t ON t.rid = m.slot_rid LEFT JOIN locations l ON l.rid = m.location_rid"
        ABSENCE_WHERE " ORDER BY x.reported_at DESC, x.rid DESC LIMIT ?3 OFFSET ?4";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int(st, 2, open_only);
    sqlite3_bind_int(st, 3, limit);
    sqlite3_bind_int(st, 4, offset > 0 ? offset : 0);
    struct arena a;
    arena_init(&a, 0);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_absence x = {
            .id = store_col(st, 0), .request = store_col(st, 1), .event = store_col(st, 2),
            .reporter = store_col(st, 3), .reporter_name = store_col(st, 4),
            .reported_at = store_col(st, 5), .dealt_at = store_col(st, 6),
            .dealt_by = store_col(st, 7), .timezone = store_col(st, 8),
            .starts_at = store_col(st, 9), .ends_at = store_col(st, 10),
            .location = store_col(st, 11), .online = sqlite3_column_int(st, 13),
            .video_url = store_col(st, 14)};
        if (read_parties(s, sqlite3_column_int64(st, 12), x.reporter, &a, x.with, &x.with_n,
                         err) < 0)
            stop = -1;
        else
            stop = fn(ud, &x);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing words that partners are not here");
    sqlite3_reset(st);
    arena_free(&a);
    return stop;
}

static int absence_page(struct store *s, const char *event, bool open_only, int limit,
                        int offset, store_absence_fn fn, void *ud, int64_t *total,
                        int64_t *open_n, struct df_err *err)
{
    if ((total || open_n) && absence_count(s, event, open_only, total, open_n, err) < 0)
        return -1;
    return limit == 0 ? 0 : absence_rows(s, event, open_only, limit, offset, fn, ud, err);
}

int store_absence_each(struct store *s, const char *event, bool open_only, int limit, int offset,
                       store_absence_fn fn, void *ud, int64_t *total, int64_t *open_n,
                       struct df_err *err)
{
    IN_ONE_READ(s, err,
                absence_page(s, event, open_only, limit, offset, fn, ud, total, open_n, err));
}

int store_absence_deal(struct store *s, const char *id, const char *by, struct arena *a,
                       const char **at, struct df_err *err)
{
    static const char sql[] =
        "UPDATE absence_reports SET dealt_at = coalesce(dealt_at,"
        " strftime('%Y-%m-%dT%H:%M:%SZ','now')), dealt_by = coalesce(dealt_by, ?2)"
        " WHERE id = ?1 RETURNING dealt_at";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, by);
    int got = returned_text(s, st, a, at, "marking a report dealt with", err);
    if (got == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no report \"%.128s\"", id);
    return got < 0 ? -1 : 0;
}
