/* The organisers' report's counts (store/report.h). */
#include "store/report.h"

#include "store/store_internal.h"

int store_report_orgs_each(struct store *s, store_report_org_fn fn, void *ud,
                           struct df_err *err)
{
    static const char sql[] = "SELECT rid, country, kind, sme FROM organisations ORDER BY rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_org o = {.rid = sqlite3_column_int64(st, 0),
                                     .country = store_col(st, 1), .kind = store_col(st, 2),
                                     .sme = sqlite3_column_int(st, 3) != 0};
        stop = fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the organisations");
    sqlite3_reset(st);
    return stop;
}

int store_report_people_each(struct store *s, store_report_person_fn fn, void *ud,
                             struct df_err *err)
{
    static const char sql[] = "SELECT rid, org_rid FROM people ORDER BY rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_person p = {.rid = sqlite3_column_int64(st, 0),
                                        .org = sqlite3_column_int64(st, 1)};
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the people");
    sqlite3_reset(st);
    return stop;
}

int store_report_came_each(struct store *s, store_report_came_fn fn, void *ud,
                           struct df_err *err)
{
    static const char sql[] = "SELECT person_rid, day FROM arrivals ORDER BY person_rid, day";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, sqlite3_column_int64(st, 0), store_col(st, 1));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the arrivals");
    sqlite3_reset(st);
    return stop;
}

int store_report_arrivals_each(struct store *s, const char *event, store_report_arrivals_fn fn,
                               void *ud, struct df_err *err)
{
    /* at most 366 days: an event's days are checked on import, a year at most
     * counted here whatever they say */
    static const char sql[] =
        "WITH RECURSIVE e(first, last) AS (SELECT starts_on, ends_on FROM events WHERE id = ?1),"
        " d(day, n) AS (SELECT first, 1 FROM e"
        "   UNION ALL SELECT date(day, '+1 day'), n + 1 FROM d, e WHERE day < last AND n < 366)"
        " SELECT d.day, (SELECT count(*) FROM arrivals v WHERE v.day = d.day) FROM d ORDER BY d.day";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), sqlite3_column_int64(st, 1));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "counting the arrivals of each day");
    sqlite3_reset(st);
    return stop;
}

int store_report_capabilities_each(struct store *s, store_report_capability_fn fn, void *ud,
                                   struct df_err *err)
{
    static const char sql[] = "SELECT org_rid, direction = 'offer', cpv FROM capabilities"
                              " WHERE confidential = 0";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_capability c = {.org = sqlite3_column_int64(st, 0),
                                            .offer = sqlite3_column_int(st, 1) != 0,
                                            .cpv = store_col(st, 2)};
        stop = fn(ud, &c);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the offers and needs");
    sqlite3_reset(st);
    return stop;
}

int store_report_area_labels_each(struct store *s, store_report_label_fn fn, void *ud,
                                  struct df_err *err)
{
    static const char sql[] = "SELECT code, label_en, label_uk FROM cpv"
                              " WHERE code GLOB '[0-9][0-9]000000-?'"
                              " OR code GLOB '35[0-9]00000-?'";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), store_col(st, 1), store_col(st, 2));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the CPV labels");
    sqlite3_reset(st);
    return stop;
}

int store_report_requests_each(struct store *s, const char *event, store_report_requests_fn fn,
                               void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT r.status, COUNT(*), COUNT(m.rid) FROM requests r"
        " JOIN events e ON e.rid = r.event_rid AND e.id = ?1"
        " LEFT JOIN meetings m ON m.request_rid = r.rid GROUP BY r.status ORDER BY r.status";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_requests r = {.status = store_col(st, 0),
                                          .requests = sqlite3_column_int64(st, 1),
                                          .meetings = sqlite3_column_int64(st, 2)};
        stop = fn(ud, &r);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "counting the event's requests");
    sqlite3_reset(st);
    return stop;
}

int store_report_meetings_each(struct store *s, const char *event, store_report_meeting_fn fn,
                               void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT r.rid, r.from_rid, r.to_rid, m.slot_rid, se.day"
        " FROM requests r JOIN meetings m ON m.request_rid = r.rid"
        " JOIN slots sl ON sl.rid = m.slot_rid JOIN sessions se ON se.rid = sl.session_rid"
        " WHERE r.event_rid = (SELECT rid FROM events WHERE id = ?1) AND r.status = 'accepted'"
        " ORDER BY r.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_meeting m = {
            .request = sqlite3_column_int64(st, 0), .from = sqlite3_column_int64(st, 1),
            .to = sqlite3_column_int64(st, 2), .slot = sqlite3_column_int64(st, 3),
            .day = store_col(st, 4)};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the event's meetings");
    sqlite3_reset(st);
    return stop;
}

long long store_report_begun_n(struct store *s, long long now, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM slots WHERE julianday(starts_at) <= julianday(?1, 'unixepoch')";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0)
                                                : store_fail(s, err, "counting the slots begun");
    sqlite3_reset(st);
    return n;
}

int store_report_marks_each(struct store *s, enum store_report_mark kind, long long now,
                            store_report_mark_fn fn, void *ud, struct df_err *err)
{
    static const char *const sql[] = {
        [STORE_REPORT_BEGUN] = "SELECT rid, 0, NULL FROM slots"
                               " WHERE julianday(starts_at) <= julianday(?1, 'unixepoch')"
                               " ORDER BY rid",
        [STORE_REPORT_OUTCOME] = "SELECT DISTINCT request_rid, 0, outcome FROM meeting_outcomes",
        [STORE_REPORT_ABSENCE] = "SELECT DISTINCT request_rid, 0, NULL FROM absence_reports",
        [STORE_REPORT_ATTENDEE] = "SELECT request_rid, person_rid, NULL FROM request_attendees",
    };
    sqlite3_stmt *st = store_stmt(s, sql[kind], err);
    if (!st)
        return -1;
    if (kind == STORE_REPORT_BEGUN)
        sqlite3_bind_int64(st, 1, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                  store_col(st, 2));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading what was said of the meetings");
    sqlite3_reset(st);
    return stop;
}
