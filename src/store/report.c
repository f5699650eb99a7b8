/* The organisers' report's counts (store/report.h). */
#include "store/report.h"

#include "store/store_internal.h"

int store_report_people_each(struct store *s, const char *event, store_report_people_fn fn,
                             void *ud, struct df_err *err)
{
    static const char sql[] =
        "WITH held(req) AS (SELECT r.rid FROM requests r JOIN meetings m ON m.request_rid = r.rid"
        "   WHERE r.event_rid = (SELECT rid FROM events WHERE id = ?1) AND r.status = 'accepted'),"
        " met(person) AS (SELECT from_rid FROM requests JOIN held ON rid = req"
        "   UNION SELECT to_rid FROM requests JOIN held ON rid = req"
        "   UNION SELECT person_rid FROM request_attendees JOIN held ON request_rid = req)"
        " SELECT o.country, o.kind, o.sme, COUNT(DISTINCT o.rid), COUNT(p.rid),"
        " COUNT(CASE WHEN EXISTS (SELECT 1 FROM arrivals v WHERE v.person_rid = p.rid)"
        "  THEN 1 END), COUNT(DISTINCT CASE WHEN x.person IS NOT NULL THEN o.rid END),"
        " COUNT(x.person)"
        " FROM organisations o LEFT JOIN people p ON p.org_rid = o.rid"
        " LEFT JOIN met x ON x.person = p.rid"
        " GROUP BY o.country, o.kind, o.sme ORDER BY o.country, o.kind, o.sme";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_people p = {
            .country = store_col(st, 0), .kind = store_col(st, 1),
            .sme = sqlite3_column_int(st, 2) != 0, .organisations = sqlite3_column_int64(st, 3),
            .people = sqlite3_column_int64(st, 4), .checked_in = sqlite3_column_int64(st, 5),
            .organisations_met = sqlite3_column_int64(st, 6),
            .people_met = sqlite3_column_int64(st, 7)};
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "counting the participants");
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

int store_report_attendance_each(struct store *s, const char *event, long long now,
                                 store_report_attendance_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT fo.country, tor.country, julianday(sl.starts_at) <= julianday(?2, 'unixepoch'),"
        " EXISTS (SELECT 1 FROM arrivals v WHERE v.person_rid = fp.rid AND v.day = se.day)"
        "  AND EXISTS (SELECT 1 FROM arrivals v WHERE v.person_rid = tp.rid AND v.day = se.day),"
        " EXISTS (SELECT 1 FROM meeting_outcomes mo WHERE mo.request_rid = r.rid"
        "   AND mo.outcome = 'not_held'),"
        " EXISTS (SELECT 1 FROM meeting_outcomes mo WHERE mo.request_rid = r.rid"
        "   AND mo.outcome <> 'not_held'),"
        " EXISTS (SELECT 1 FROM absence_reports ar WHERE ar.request_rid = r.rid), r.id"
        " FROM requests r JOIN meetings m ON m.request_rid = r.rid"
        " JOIN slots sl ON sl.rid = m.slot_rid JOIN sessions se ON se.rid = sl.session_rid"
        " JOIN people fp ON fp.rid = r.from_rid JOIN organisations fo ON fo.rid = fp.org_rid"
        " JOIN people tp ON tp.rid = r.to_rid JOIN organisations tor ON tor.rid = tp.org_rid"
        " WHERE r.event_rid = (SELECT rid FROM events WHERE id = ?1) AND r.status = 'accepted'";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_attendance m = {
            .from_country = store_col(st, 0), .to_country = store_col(st, 1),
            .request = store_col(st, 7),
            .begun = sqlite3_column_int(st, 2) != 0,
            .both_checked_in = sqlite3_column_int(st, 3) != 0,
            .said_not_held = sqlite3_column_int(st, 4) != 0,
            .said_outcome = sqlite3_column_int(st, 5) != 0,
            .absence_reported = sqlite3_column_int(st, 6) != 0};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading whether the event's meetings took place");
    sqlite3_reset(st);
    return stop;
}

int store_report_meeting_people_each(struct store *s, const char *event,
                                     store_report_meeting_person_fn fn, void *ud,
                                     struct df_err *err)
{
    static const char sql[] =
        "WITH met(rid, id, from_rid, to_rid) AS (SELECT r.rid, r.id, r.from_rid, r.to_rid"
        "   FROM requests r JOIN meetings m ON m.request_rid = r.rid"
        "   WHERE r.event_rid = (SELECT rid FROM events WHERE id = ?1) AND r.status = 'accepted'),"
        " who(request, person) AS (SELECT id, from_rid FROM met UNION ALL SELECT id, to_rid FROM met"
        "   UNION ALL SELECT met.id, a.person_rid FROM met"
        "   JOIN request_attendees a ON a.request_rid = met.rid)"
        " SELECT who.request, p.id, o.id, o.country, o.kind, o.sme FROM who"
        " JOIN people p ON p.rid = who.person JOIN organisations o ON o.rid = p.org_rid"
        " ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_meeting_person m = {
            .request = store_col(st, 0), .person = store_col(st, 1),
            .organisation = store_col(st, 2), .country = store_col(st, 3),
            .kind = store_col(st, 4), .sme = sqlite3_column_int(st, 5) != 0};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading who was in the event's meetings");
    sqlite3_reset(st);
    return stop;
}
