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

/* sql prepared with ?1 bound to person's rid, or NULL with err
 * (DF_ERR_NOT_FOUND for no such person). */
static sqlite3_stmt *person_stmt(struct store *s, const char *sql, const char *person,
                                 struct df_err *err)
{
    sqlite3_int64 rid = person_rid(s, person, err);
    sqlite3_stmt *st = rid > 0 ? store_stmt(s, sql, err) : NULL;
    if (st)
        sqlite3_bind_int64(st, 1, rid);
    return st;
}

/* Runs sql, its ?1 person's rid, through its rows in struct
 * store_agenda_row's column order (then, after the withdrawn or moved
 * columns, the request's introduced), calling fn for each until it returns
 * nonzero. */
static int walk(struct store *s, const char *sql, const char *person, int withdrawn,
                store_agenda_fn fn, void *ud, struct df_err *err)
{
    sqlite3_stmt *st = person_stmt(s, sql, person, err);
    if (!st)
        return -1;
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
            .introduced = sqlite3_column_int(st, withdrawn ? 27 : 26),
            .online = !withdrawn && sqlite3_column_int(st, 27),
            .video_url = withdrawn ? NULL : store_col(st, 28),
            .moved_from_online = !withdrawn && sqlite3_column_int(st, 29),
            .attending = sqlite3_column_count(st) > 30 && sqlite3_column_int(st, 30),
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
        "  m.moved_from_start, m.moved_from_location, r.introduced,"
        "  m.location_rid IS NULL AND m.video_room IS NOT NULL, CASE WHEN m.location_rid IS NULL AND m.video_room IS NOT NULL"
        "   THEN rtrim(e.video_url, '/') || '/' || m.video_room END, m.moved_from_online,"
        "  r.from_rid <> ?1 AND r.to_rid <> ?1"
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
        "  r.status, r.cancelled_by, w.withdrawn_at, r.introduced"
        " FROM mine JOIN withdrawn_meetings w ON w.request_rid = mine.req"
        " JOIN requests r ON r.rid = w.request_rid"
        " JOIN events e ON e.rid = r.event_rid"
        EVERYONE_OF_R
        " ORDER BY julianday(w.starts_at), w.starts_at, w.meeting_id, p.id";
    return walk(s, sql, person, 1, fn, ud, err);
}

/* The meetings person was taken off as a colleague attending them
 * (withdrawn_attendance): as withdrawn meetings, at her last time and table,
 * a row for each of their people now (she is none of them). */
static int taken_off_each(struct store *s, const char *person, store_agenda_fn fn, void *ud,
                          struct df_err *err)
{
    static const char sql[] =
        "SELECT w.meeting_id, r.id, e.id, e.name, e.venue, e.timezone, w.starts_at, w.ends_at,"
        "  w.location, r.message, w.sequence, 0, p.id, p.name, o.id, o.name, o.country,"
        "  NULL, e.published_at IS NOT NULL, o.name_uk, e.name_uk, e.venue_uk, NULL, NULL,"
        "  r.status, r.cancelled_by, w.withdrawn_at, r.introduced"
        " FROM withdrawn_attendance w JOIN requests r ON r.rid = w.request_rid"
        " JOIN events e ON e.rid = r.event_rid"
        EVERYONE_OF_R
        " WHERE w.person_rid = ?1"
        " ORDER BY julianday(w.starts_at), w.starts_at, w.meeting_id, p.id";
    return walk(s, sql, person, 1, fn, ud, err);
}

static int calendar_each(struct store *s, const char *person, store_agenda_fn fn, void *ud,
                         struct df_err *err)
{
    int rc = store_agenda_each(s, person, fn, ud, err);
    rc = rc ? rc : store_agenda_withdrawn_each(s, person, fn, ud, err);
    return rc ? rc : taken_off_each(s, person, fn, ud, err);
}

int store_agenda_calendar_each(struct store *s, const char *person, store_agenda_fn fn,
                               void *ud, struct df_err *err)
{
    IN_ONE_READ(s, err, calendar_each(s, person, fn, ud, err));
}

/* The events of person's calendar: those of her meetings, of her meetings
 * withdrawn, of those she was taken off, and ?2 (NULL: none). */
#define CALENDAR_EVENTS                                                                      \
    "ev(rid) AS (SELECT r.event_rid FROM requests r WHERE (r.from_rid = ?1 OR r.to_rid = ?1"   \
    "   OR r.rid IN (SELECT request_rid FROM request_attendees WHERE person_rid = ?1))"      \
    "  AND (EXISTS (SELECT 1 FROM meetings m WHERE m.request_rid = r.rid)"                   \
    "   OR EXISTS (SELECT 1 FROM withdrawn_meetings w WHERE w.request_rid = r.rid))"         \
    " UNION SELECT r.event_rid FROM withdrawn_attendance w JOIN requests r"                  \
    "  ON r.rid = w.request_rid WHERE w.person_rid = ?1"                                     \
    " UNION SELECT rid FROM events WHERE id = ?2)"

static int programme_walk(struct store *s, const char *person, const char *event,
                          store_programme_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "WITH " CALENDAR_EVENTS
        " SELECT x.id, e.id, e.name, e.name_uk, e.venue, e.venue_uk, e.timezone, x.name,"
        "  x.name_uk, x.kind, x.starts_at, x.ends_at, x.place, x.place_uk, x.description,"
        "  x.description_uk, x.sequence, 0, e.published_at IS NOT NULL"
        " FROM ev JOIN events e ON e.rid = ev.rid JOIN sessions x ON x.event_rid = e.rid"
        " WHERE x.kind <> 'b2b'"
        " UNION ALL SELECT w.session_id, e.id, e.name, e.name_uk, e.venue, e.venue_uk,"
        "  e.timezone, w.name, w.name_uk, w.kind, w.starts_at, w.ends_at, w.place, w.place_uk,"
        "  w.description, w.description_uk, w.sequence, 1, 1"
        " FROM ev JOIN events e ON e.rid = ev.rid"
        " JOIN withdrawn_sessions w ON w.event_rid = e.rid"
        " ORDER BY 11, 1";
    sqlite3_stmt *st = person_stmt(s, sql, person, err);
    if (!st)
        return -1;
    store_bind_text(st, 2, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_programme_row row = {
            .session = store_col(st, 0), .event = store_col(st, 1),
            .event_name = store_col(st, 2), .event_name_uk = store_col(st, 3),
            .venue = store_col(st, 4), .venue_uk = store_col(st, 5),
            .timezone = store_col(st, 6), .name = store_col(st, 7),
            .name_uk = store_col(st, 8), .kind = store_col(st, 9),
            .starts_at = store_col(st, 10), .ends_at = store_col(st, 11),
            .place = store_col(st, 12), .place_uk = store_col(st, 13),
            .description = store_col(st, 14), .description_uk = store_col(st, 15),
            .sequence = sqlite3_column_int(st, 16), .withdrawn = sqlite3_column_int(st, 17),
            .published = sqlite3_column_int(st, 18) != 0,
        };
        stop = fn(ud, &row);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the programme of a calendar");
    sqlite3_reset(st);
    return stop;
}

int store_programme_calendar_each(struct store *s, const char *person, const char *event,
                                  store_programme_fn fn, void *ud, struct df_err *err)
{
    IN_ONE_READ(s, err, programme_walk(s, person, event, fn, ud, err));
}

static int met_walk(struct store *s, const char *person, int64_t now, store_met_fn fn,
                    void *ud, struct df_err *err)
{
    static const char sql[] =
        /* her requests by the indexes of each side (an OR of the sides
         * scanned every request of the forum: 7 ms at 10,000 people) */
        "WITH mine(request_rid) AS ("
        "  SELECT rid FROM requests WHERE from_rid = ?1 AND status = 'accepted'"
        "  UNION SELECT rid FROM requests WHERE to_rid = ?1 AND status = 'accepted'"
        "  UNION SELECT a.request_rid FROM request_attendees a JOIN requests r"
        "    ON r.rid = a.request_rid AND r.status = 'accepted' WHERE a.person_rid = ?1),"
        " held(request_rid, starts_at, event_name) AS (SELECT m.request_rid, sl.starts_at, e.name"
        "  FROM mine JOIN meetings m ON m.request_rid = mine.request_rid"
        "  JOIN slots sl ON sl.rid = m.slot_rid JOIN requests r ON r.rid = m.request_rid"
        "  JOIN events e ON e.rid = r.event_rid"
        "  WHERE julianday(sl.starts_at) <= julianday(?2, 'unixepoch') AND NOT EXISTS (SELECT 1"
        "   FROM meeting_outcomes o WHERE o.request_rid = m.request_rid AND o.outcome = 'not_held')),"
        " mp(request_rid, person_rid) AS ("
        "  SELECT h.request_rid, r.from_rid FROM held h JOIN requests r ON r.rid = h.request_rid"
        "  UNION SELECT h.request_rid, r.to_rid FROM held h JOIN requests r ON r.rid = h.request_rid"
        "  UNION SELECT a.request_rid, a.person_rid FROM held h"
        "   JOIN request_attendees a ON a.request_rid = h.request_rid)"
        " SELECT q.id, q.name, q.title, q.languages, o.id, o.name, o.name_uk, o.country,"
        "  o.website, o.description, o.description_uk, h.event_name,"
        "  MIN(h.starts_at)"   /* SQLite: the bare columns come from this row */
        " FROM held h JOIN mp ON mp.request_rid = h.request_rid"
        " JOIN people q ON q.rid = mp.person_rid JOIN organisations o ON o.rid = q.org_rid"
        " JOIN people me ON me.rid = ?1"
        " WHERE q.org_rid <> me.org_rid GROUP BY q.rid ORDER BY q.name, q.id";
    sqlite3_stmt *st = person_stmt(s, sql, person, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 2, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_met m = {
            .person = store_col(st, 0), .name = store_col(st, 1), .title = store_col(st, 2),
            .languages = store_col(st, 3), .org = store_col(st, 4), .org_name = store_col(st, 5),
            .org_name_uk = store_col(st, 6), .org_country = store_col(st, 7),
            .org_website = store_col(st, 8), .org_description = store_col(st, 9),
            .org_description_uk = store_col(st, 10), .event_name = store_col(st, 11),
            .starts_at = store_col(st, 12)};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the people met");
    sqlite3_reset(st);
    return stop;
}

int store_met_each(struct store *s, const char *person, int64_t now, store_met_fn fn,
                   void *ud, struct df_err *err)
{
    IN_ONE_READ(s, err, met_walk(s, person, now, fn, ud, err));
}
