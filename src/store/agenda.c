/* A person's agenda (see agenda.h). */
#include "store/agenda.h"

#include "store/store_internal.h"

/* person's rid, 0 (and DF_ERR_NOT_FOUND set) for none, -1 on error. */
static sqlite3_int64 person_rid(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] = "SELECT rid FROM people WHERE id = ?";
    sqlite3_int64 rid = store_rid(s, sql, person, err);
    if (rid == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", person);
    return rid;
}

/* Runs sql, its ?1 person's rid, through its rows in struct
 * store_agenda_row's column order, calling fn for each until it returns
 * nonzero. */
static int walk(struct store *s, const char *sql, const char *person, int withdrawn,
                store_agenda_fn fn, void *ud, struct df_err *err)
{
    sqlite3_int64 rid = person_rid(s, person, err);
    if (rid <= 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_agenda_row row = {
            .meeting = store_col(st, 0), .request = store_col(st, 1), .event = store_col(st, 2),
            .event_name = store_col(st, 3), .venue = store_col(st, 4),
            .timezone = store_col(st, 5), .starts_at = store_col(st, 6),
            .ends_at = store_col(st, 7), .location = store_col(st, 8),
            .message = store_col(st, 9), .sequence = sqlite3_column_int(st, 10),
            .locked = sqlite3_column_int(st, 11), .person = store_col(st, 12),
            .person_name = store_col(st, 13), .org = store_col(st, 14),
            .org_name = store_col(st, 15), .org_country = store_col(st, 16),
            .interpreter = store_col(st, 17), .published = sqlite3_column_int(st, 18),
            .org_name_uk = store_col(st, 19), .event_name_uk = store_col(st, 20),
            .venue_uk = store_col(st, 21), .session_name = store_col(st, 22),
            .session_name_uk = store_col(st, 23), .withdrawn = withdrawn,
            .status = withdrawn ? store_col(st, 24) : NULL,
            .cancelled_by = withdrawn ? store_col(st, 25) : NULL,
            .withdrawn_at = withdrawn ? store_col(st, 26) : NULL,
            .moved_from_start = withdrawn ? NULL : store_col(st, 24),
            .moved_from_location = withdrawn ? NULL : store_col(st, 25),
        };
        stop = fn(ud, &row);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading an agenda");
    sqlite3_reset(st);
    return stop;
}

/* A row for each person of request r (requester, addressee, attendees), as
 * p, with their organisation o. */
#define EVERYONE_OF_R                                                                        \
    " JOIN people p ON p.rid = r.from_rid OR p.rid = r.to_rid"                               \
    "   OR p.rid IN (SELECT person_rid FROM request_attendees WHERE request_rid = r.rid)"    \
    " JOIN organisations o ON o.rid = p.org_rid"

int store_agenda_each(struct store *s, const char *person, store_agenda_fn fn, void *ud,
                      struct df_err *err)
{
    static const char sql[] =
        "WITH mine(req) AS ("
        "  SELECT rid FROM requests WHERE from_rid = ?1 AND status = 'accepted'"
        "  UNION SELECT rid FROM requests WHERE to_rid = ?1 AND status = 'accepted'"
        "  UNION SELECT a.request_rid FROM request_attendees a JOIN requests r"
        "    ON r.rid = a.request_rid AND r.status = 'accepted' WHERE a.person_rid = ?1)"
        " SELECT m.id, r.id, e.id, e.name, e.venue, e.timezone, t.starts_at, t.ends_at, l.name,"
        "  r.message, m.sequence, m.locked, p.id, p.name, o.id, o.name, o.country,"
        "  i.name || ' (' || i.lang_a || '-' || i.lang_b || ')', e.published_at IS NOT NULL,"
        "  o.name_uk, e.name_uk, e.venue_uk, x.name, x.name_uk,"
        "  m.moved_from_start, m.moved_from_location"
        " FROM mine JOIN requests r ON r.rid = mine.req"
        " JOIN meetings m ON m.request_rid = r.rid"
        " JOIN events e ON e.rid = r.event_rid"
        " JOIN slots t ON t.rid = m.slot_rid"
        " JOIN sessions x ON x.rid = t.session_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " LEFT JOIN interpreters i ON i.rid = m.interpreter_rid"
        EVERYONE_OF_R
        /* julianday() reads the offset: 09:00-05:00 comes after 10:40+01:00 */
        " ORDER BY julianday(t.starts_at), t.starts_at, m.id, p.id";
    return walk(s, sql, person, 0, fn, ud, err);
}

int store_agenda_withdrawn_each(struct store *s, const char *person, store_agenda_fn fn,
                                void *ud, struct df_err *err)
{
    static const char sql[] =
        "WITH mine(req) AS ("
        "  SELECT rid FROM requests WHERE from_rid = ?1"
        "  UNION SELECT rid FROM requests WHERE to_rid = ?1"
        "  UNION SELECT request_rid FROM request_attendees WHERE person_rid = ?1)"
        " SELECT w.meeting_id, r.id, e.id, e.name, e.venue, e.timezone, w.starts_at, w.ends_at,"
        "  w.location, r.message, w.sequence, 0, p.id, p.name, o.id, o.name, o.country,"
        "  NULL, e.published_at IS NOT NULL, o.name_uk, e.name_uk, e.venue_uk, NULL, NULL,"
        "  r.status, r.cancelled_by, w.withdrawn_at"
        " FROM mine JOIN withdrawn_meetings w ON w.request_rid = mine.req"
        " JOIN requests r ON r.rid = w.request_rid"
        " JOIN events e ON e.rid = r.event_rid"
        EVERYONE_OF_R
        " ORDER BY julianday(w.starts_at), w.starts_at, w.meeting_id, p.id";
    return walk(s, sql, person, 1, fn, ud, err);
}

static int calendar_each(struct store *s, const char *person, store_agenda_fn fn, void *ud,
                         struct df_err *err)
{
    int rc = store_agenda_each(s, person, fn, ud, err);
    return rc ? rc : store_agenda_withdrawn_each(s, person, fn, ud, err);
}

int store_agenda_calendar_each(struct store *s, const char *person, store_agenda_fn fn,
                               void *ud, struct df_err *err)
{
    IN_ONE_READ(s, err, calendar_each(s, person, fn, ud, err));
}
