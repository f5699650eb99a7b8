/* What meetings led to (store/outcomes.h). */
#include "store/outcomes.h"

#include "store/store_internal.h"

/* The request's rid where person is one of its people and it is accepted,
 * with whether it has a meeting. */
#define THEIRS_SQL                                                                   \
    "SELECT r.rid, p.rid, EXISTS (SELECT 1 FROM meetings m WHERE m.request_rid = r.rid)," \
    " (SELECT julianday(sl.starts_at) <= julianday(?3, 'unixepoch') FROM meetings m"    \
    "   JOIN slots sl ON sl.rid = m.slot_rid WHERE m.request_rid = r.rid)"              \
    " FROM requests r JOIN people p ON p.id = ?2"                                    \
    " WHERE r.id = ?1 AND r.status = 'accepted' AND (r.from_rid = p.rid OR r.to_rid = p.rid" \
    "  OR p.rid IN (SELECT person_rid FROM request_attendees WHERE request_rid = r.rid))"

int store_outcome_attendance(struct store *s, const char *request, const char *person,
                             int64_t now, struct df_err *err)
{
    static const char sql[] = THEIRS_SQL;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    sqlite3_bind_int64(st, 3, now);
    int rc = sqlite3_step(st), out;
    if (rc == SQLITE_ROW)
        out = !sqlite3_column_int(st, 2) ? STORE_NOT_SCHEDULED
              : sqlite3_column_int(st, 3) ? STORE_ATTENDS
                                          : STORE_NOT_BEGUN;
    else if (rc == SQLITE_DONE)
        out = STORE_NOT_THEIRS;
    else
        out = store_fail(s, err, "reading who attends a meeting");
    sqlite3_reset(st);
    return out;
}

int store_outcome_begun_n(struct store *s, const char *event, int64_t now, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM requests r JOIN events e ON e.rid = r.event_rid"
        " JOIN meetings m ON m.request_rid = r.rid JOIN slots sl ON sl.rid = m.slot_rid"
        " WHERE e.id = ?1 AND r.status = 'accepted'"
        " AND julianday(sl.starts_at) <= julianday(?2, 'unixepoch')";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st);
    int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    return n >= 0 ? n : store_fail(s, err, "counting the meetings begun");
}

int store_outcome_set(struct store *s, const char *request, const char *person,
                      const char *outcome, const char *note, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO meeting_outcomes(request_rid, person_rid, outcome, note)"
        " SELECT r.rid, p.rid, ?3, ?4 FROM requests r, people p WHERE r.id = ?1 AND p.id = ?2"
        " ON CONFLICT (request_rid, person_rid) DO UPDATE SET outcome = excluded.outcome,"
        "  note = excluded.note, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    store_bind_text(st, 3, outcome);
    store_bind_text(st, 4, note ? note : "");
    return store_step_done(s, st, err, "keeping a meeting's outcome");
}

int store_outcome_remove(struct store *s, const char *request, const char *person,
                         struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM meeting_outcomes WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)"
        " AND person_rid = (SELECT rid FROM people WHERE id = ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    if (store_step_done(s, st, err, "removing a meeting's outcome") < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}

int store_outcome_each(struct store *s, const char *person, store_outcome_fn fn, void *ud,
                       struct df_err *err)
{
    static const char sql[] =
        "SELECT r.id, o.outcome, o.note, o.updated_at FROM meeting_outcomes o"
        " JOIN people p ON p.rid = o.person_rid AND p.id = ?1"
        " JOIN requests r ON r.rid = o.request_rid AND r.status = 'accepted'"
        " JOIN meetings m ON m.request_rid = r.rid ORDER BY r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_outcome o = {.request = store_col(st, 0), .outcome = store_col(st, 1),
                                  .note = store_col(st, 2), .updated_at = store_col(st, 3),
                                  .person = person};
        stop = fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading meeting outcomes");
    sqlite3_reset(st);
    return stop;
}

int store_outcome_each_meeting(struct store *s, store_outcome_fn fn, void *ud,
                               struct df_err *err)
{
    static const char sql[] =
        "SELECT r.id, o.outcome, o.note, o.updated_at, p.id FROM meeting_outcomes o"
        " JOIN people p ON p.rid = o.person_rid"
        " JOIN requests r ON r.rid = o.request_rid AND r.status = 'accepted'"
        " JOIN meetings m ON m.request_rid = r.rid ORDER BY r.id, p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_outcome o = {.request = store_col(st, 0), .outcome = store_col(st, 1),
                                  .note = store_col(st, 2), .updated_at = store_col(st, 3),
                                  .person = store_col(st, 4)};
        stop = fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading meeting outcomes");
    sqlite3_reset(st);
    return stop;
}

/* 0 when event exists, else -1 with err (DF_ERR_NOT_FOUND naming it). */
static int event_check(struct store *s, const char *event, struct df_err *err)
{
    static const char sql[] = "SELECT rid FROM events WHERE id = ?";
    sqlite3_int64 rid = store_rid(s, sql, event, err);
    if (rid < 0)
        return -1;
    return rid ? 0 : df_err_set(err, DF_ERR_NOT_FOUND, "no event \"%.128s\"", event);
}

/* The people of the event's (?1) meetings: requester, addressee, attendees. */
#define MEETING_PEOPLE_SQL                                                                  \
    "WITH held(request_rid, starts_at) AS (SELECT r.rid, sl.starts_at FROM meetings m"       \
    "  JOIN requests r ON r.rid = m.request_rid AND r.status = 'accepted'"                   \
    "  JOIN events e ON e.rid = r.event_rid AND e.id = ?1 JOIN slots sl ON sl.rid = m.slot_rid)," \
    " mp(request_rid, starts_at, person_rid) AS ("                                            \
    "  SELECT h.request_rid, h.starts_at, r.from_rid FROM held h JOIN requests r ON r.rid = h.request_rid" \
    "  UNION SELECT h.request_rid, h.starts_at, r.to_rid FROM held h"                         \
    "   JOIN requests r ON r.rid = h.request_rid"                                             \
    "  UNION SELECT h.request_rid, h.starts_at, a.person_rid FROM held h"                     \
    "   JOIN request_attendees a ON a.request_rid = h.request_rid)"

static int follow_up_walk(struct store *s, const char *event, store_follow_up_fn fn, void *ud,
                          struct df_err *err)
{
    static const char sql[] = MEETING_PEOPLE_SQL
        " SELECT p.id, p.name, p.email, po.name, po.country, p.ui_language,"
        "  (SELECT min(v.at) FROM arrivals v WHERE v.person_rid = p.rid),"
        "  r.id, q.id, q.name, q.email, qo.name,"
        "  (SELECT o.outcome FROM meeting_outcomes o"
        "    WHERE o.request_rid = a.request_rid AND o.person_rid = a.person_rid),"
        "  EXISTS (SELECT 1 FROM meeting_outcomes o WHERE o.request_rid = a.request_rid"
        "   AND o.outcome = 'not_held'), p.languages"
        " FROM mp a JOIN people p ON p.rid = a.person_rid"
        " JOIN organisations po ON po.rid = p.org_rid"
        " JOIN requests r ON r.rid = a.request_rid"
        " LEFT JOIN (mp b JOIN people q ON q.rid = b.person_rid"
        "   JOIN organisations qo ON qo.rid = q.org_rid)"
        "  ON b.request_rid = a.request_rid AND q.org_rid <> p.org_rid"
        " WHERE p.erased_at IS NULL"
        " ORDER BY p.name, p.id, a.starts_at, r.id, q.name, q.id";
    if (event_check(s, event, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_follow_up f = {
            .person = store_col(st, 0), .name = store_col(st, 1), .email = store_col(st, 2),
            .org_name = store_col(st, 3), .country = store_col(st, 4),
            .ui_language = store_col(st, 5), .checked_in_at = store_col(st, 6),
            .request = store_col(st, 7), .partner = store_col(st, 8),
            .partner_name = store_col(st, 9), .partner_email = store_col(st, 10),
            .partner_org_name = store_col(st, 11), .outcome = store_col(st, 12),
            .not_held = sqlite3_column_int(st, 13) != 0, .languages = store_col(st, 14)};
        stop = fn(ud, &f);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the follow-up list");
    sqlite3_reset(st);
    return stop;
}

int store_follow_up_each(struct store *s, const char *event, store_follow_up_fn fn, void *ud,
                         struct df_err *err)
{
    IN_ONE_READ(s, err, follow_up_walk(s, event, fn, ud, err));
}

