/* Events and their programme (sessions, slots, locations), availability,
 * meeting requests and meetings. */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char event_rid_sql[] = "SELECT rid FROM events WHERE id = ?";
static const char session_rid_sql[] = "SELECT rid FROM sessions WHERE id = ?";
static const char slot_rid_sql[] = "SELECT rid FROM slots WHERE id = ?";
static const char location_rid_sql[] = "SELECT rid FROM locations WHERE id = ?";
static const char interpreter_rid_sql[] = "SELECT rid FROM interpreters WHERE id = ?";
static const char person_rid_sql[] = "SELECT rid FROM people WHERE id = ?";
static const char request_rid_sql[] = "SELECT rid FROM requests WHERE id = ?";

/* rid of a required reference, or -1 with DF_ERR_NOT_FOUND naming what is
 * missing, by code too (a static string, "value" the id: an import's page
 * says it in its language, src/core/codes.h). */
static sqlite3_int64 need_rid(struct store *s, const char *sql, const char *what,
                              const char *id, const char *code, struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, sql, id, err);
    if (rid == 0) {
        char cut[129];   /* an id from outside is named cut, in the value too */
        snprintf(cut, sizeof cut, "%s", id ? id : "");
        df_err_set(err, DF_ERR_NOT_FOUND, "%s \"%s\" does not exist", what, cut);
        rid = df_err_code(err, code, "value", cut, NULL);
    }
    return rid;
}

/* Ids are unique across events, so an upsert naming a row of another event
 * (or a slot of another session) would carry it off, published meetings and
 * all. 0 when id is new or its row's parent (the first column sql selects by
 * id) is parent; -1 with DF_ERR_CONFLICT naming the owner (the second column:
 * in words; the third its event's id, the fourth its session's or NULL)
 * otherwise. */
static int check_owner(struct store *s, const char *sql, const char *what, const char *id,
                       sqlite3_int64 parent, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW && sqlite3_column_int64(st, 0) != parent) {
        df_err_set(err, DF_ERR_CONFLICT, "%s \"%s\" belongs to %s; ids are unique across events",
                   what, id, store_col(st, 1));
        /* by code: the owner's event, and session when it is one */
        result = df_err_code(err, store_col(st, 3) ? "belongs_session" : "belongs", "value", id,
                             "event", store_col(st, 2), "session", store_col(st, 3), NULL);
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = store_fail(s, err, "finding whose a programme item is");
    sqlite3_reset(st);
    return result;
}

static const char session_owner_sql[] =
    "SELECT x.event_rid, 'event \"' || e.id || '\"', e.id, NULL FROM sessions x"
    " JOIN events e ON e.rid = x.event_rid WHERE x.id = ?";
static const char slot_owner_sql[] =
    "SELECT t.session_rid, 'session \"' || x.id || '\" of event \"' || e.id || '\"', e.id, x.id"
    " FROM slots t JOIN sessions x ON x.rid = t.session_rid"
    " JOIN events e ON e.rid = x.event_rid WHERE t.id = ?";
static const char location_owner_sql[] =
    "SELECT l.event_rid, 'event \"' || e.id || '\"', e.id, NULL FROM locations l"
    " JOIN events e ON e.rid = l.event_rid WHERE l.id = ?";
static const char interpreter_owner_sql[] =
    "SELECT i.event_rid, 'event \"' || e.id || '\"', e.id, NULL FROM interpreters i"
    " JOIN events e ON e.rid = i.event_rid WHERE i.id = ?";

/* Walks the rows of a prepared statement, giving each to row_fn; shared by the
 * *_each functions. */
typedef int (*row_fn)(void *ud, sqlite3_stmt *st);
static int walk(struct store *s, sqlite3_stmt *st, row_fn fn, void *ud, struct df_err *err,
                const char *doing)
{
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, st);
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, doing);
    sqlite3_reset(st);
    return stop;
}

/* ---- events ------------------------------------------------------------ */

int store_event_upsert(struct store *s, const struct store_event *e, int *added,
                       struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO events(id, name, venue, timezone, starts_on, ends_on, request_cap,"
        " name_uk, venue_uk, requests_close)"
        " VALUES (?,?,?,coalesce(?,'Europe/Brussels'),?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name, venue=excluded.venue,"
        " timezone=excluded.timezone, starts_on=excluded.starts_on, ends_on=excluded.ends_on,"
        " request_cap=excluded.request_cap, name_uk=excluded.name_uk,"
        " venue_uk=excluded.venue_uk, requests_close=excluded.requests_close";
    sqlite3_int64 rid = store_rid(s, event_rid_sql, e->id, err);
    if (rid < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, e->id);
    store_bind_text(st, 2, e->name);
    store_bind_text(st, 3, e->venue);
    store_bind_text(st, 4, e->timezone);
    store_bind_text(st, 5, e->starts_on);
    store_bind_text(st, 6, e->ends_on);
    sqlite3_bind_int(st, 7, e->request_cap > 0 ? e->request_cap : 20);
    store_bind_text(st, 8, e->name_uk);
    store_bind_text(st, 9, e->venue_uk);
    store_bind_text(st, 10, e->requests_close);
    if (store_step_done(s, st, err, "saving an event") < 0)
        return -1;
    if (added)
        *added = rid == 0;
    return 0;
}

#define EVENT_COLUMNS                                                                      \
    "id, name, venue, timezone, starts_on, ends_on, published_at, request_cap, name_uk,"   \
    " venue_uk, video_url, requests_close, day_mail_on, day_mail_at, day_mail_from FROM events"

static void event_from_row(sqlite3_stmt *st, struct store_event *e)
{
    e->id = store_col(st, 0);
    e->name = store_col(st, 1);
    e->venue = store_col(st, 2);
    e->timezone = store_col(st, 3);
    e->starts_on = store_col(st, 4);
    e->ends_on = store_col(st, 5);
    e->published_at = store_col(st, 6);
    e->request_cap = sqlite3_column_int(st, 7);
    e->name_uk = store_col(st, 8);
    e->venue_uk = store_col(st, 9);
    e->video_url = store_col(st, 10);
    e->requests_close = store_col(st, 11);
    e->day_mail_on = store_col(st, 12);
    e->day_mail_at = store_col(st, 13);
    e->day_mail_from = sqlite3_column_int64(st, 14);
}

int store_event_get(struct store *s, const char *id, struct arena *a, struct store_event *e,
                    struct df_err *err)
{
    static const char sql[] = "SELECT " EVENT_COLUMNS " WHERE id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "event", err);
    if (!st)
        return -1;
    struct store_event row;
    event_from_row(st, &row);
    e->id = arena_strdup(a, row.id);
    e->name = arena_strdup(a, row.name);
    e->venue = arena_strdup(a, row.venue);
    e->timezone = arena_strdup(a, row.timezone);
    e->starts_on = arena_strdup(a, row.starts_on);
    e->ends_on = arena_strdup(a, row.ends_on);
    e->published_at = arena_strdup(a, row.published_at);
    e->request_cap = row.request_cap;
    e->name_uk = arena_strdup(a, row.name_uk);
    e->venue_uk = arena_strdup(a, row.venue_uk);
    e->video_url = arena_strdup(a, row.video_url);
    e->requests_close = arena_strdup(a, row.requests_close);
    e->day_mail_on = arena_strdup(a, row.day_mail_on);
    e->day_mail_at = arena_strdup(a, row.day_mail_at);
    e->day_mail_from = row.day_mail_from;
    sqlite3_reset(st);
    return 0;
}

int store_event_day_mail_set(struct store *s, const char *id, const char *on, const char *at,
                             int64_t from, struct df_err *err)
{
    /* from moves only when the setting does: an edit that sends it again
     * unchanged keeps the days it already covers */
    static const char sql[] =
        "UPDATE events SET day_mail_from = CASE WHEN day_mail_on IS ?2"
        " AND day_mail_at IS (CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END)"
        " THEN day_mail_from ELSE ?4 END,"
        " day_mail_on = ?2, day_mail_at = CASE WHEN ?2 IS NULL THEN NULL"
        " ELSE ?3 END WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, on);
    store_bind_text(st, 3, at);
    sqlite3_bind_int64(st, 4, from);
    return store_step_done(s, st, err, "saving when an event's day mails go");
}

int store_event_video_set(struct store *s, const char *id, const char *url, struct df_err *err)
{
    /* An online meeting's link (its calendar entry's LOCATION and
     * DESCRIPTION) is the service's address and its room: a service named,
     * changed or removed changes it, and calendars take the change only
     * when the SEQUENCE rises (RFC 5545, 3.8.7.4). The same address with
     * another trailing slash gives the same links and raises nothing. */
    static const char bump[] =
        "UPDATE meetings SET sequence = sequence + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE location_rid IS NULL AND video_room IS NOT NULL AND request_rid IN"
        " (SELECT r.rid FROM requests r JOIN events e ON e.rid = r.event_rid"
        "  WHERE e.id = ?1 AND rtrim(e.video_url, '/') IS NOT rtrim(?2, '/'))";
    static const char sql[] = "UPDATE events SET video_url = ?2 WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, bump, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, url);
    if (store_step_done(s, st, err, "raising the online meetings' calendar SEQUENCE") < 0 ||
        !(st = store_stmt(s, sql, err)))
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, url);
    return store_step_done(s, st, err, "saving an event's video service");
}

struct each_ctx {
    void *fn;
    void *ud;
};

static int event_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_event e;
    event_from_row(st, &e);
    return ((store_event_fn)c->fn)(c->ud, &e);
}

int store_event_each(struct store *s, store_event_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT " EVENT_COLUMNS " ORDER BY starts_on, id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, event_row, &c, err, "listing events");
}

int store_event_set_published(struct store *s, const char *id, bool published,
                              struct df_err *err)
{
    /* Publishing turns every meeting of the event from TENTATIVE to CONFIRMED
     * in calendars (and withdrawing, back): a change a client must take, so
     * their SEQUENCE rises (RFC 5545, 3.8.7.4). Publishing again changes
     * nothing a calendar shows, and raises nothing. */
    static const char bump[] =
        "UPDATE meetings SET sequence = sequence + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE request_rid IN"
        " (SELECT r.rid FROM requests r JOIN events e ON e.rid = r.event_rid"
        "  WHERE e.id = ?1 AND (e.published_at IS NOT NULL) <> ?2)";
    static const char sql[] =
        "UPDATE events SET published_at = CASE WHEN ?2 THEN"
        " strftime('%Y-%m-%dT%H:%M:%SZ','now') ELSE NULL END WHERE id = ?1";
    if (need_rid(s, event_rid_sql, "event", id, "no_event", err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, bump, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    sqlite3_bind_int(st, 2, published);
    if (store_step_done(s, st, err, "confirming an event's meetings") < 0)
        return -1;
    if (!(st = store_stmt(s, sql, err)))
        return -1;
    store_bind_text(st, 1, id);
    sqlite3_bind_int(st, 2, published);
    return store_step_done(s, st, err, "publishing an event");
}

/* ---- sessions, slots, locations ----------------------------------------- */

int store_session_upsert(struct store *s, const struct store_session *x, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at, name_uk,"
        " place, place_uk, description, description_uk)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?10,?11,?12,?13) ON CONFLICT(id) DO UPDATE SET"
        " day=excluded.day, name=excluded.name, kind=excluded.kind,"
        " starts_at=excluded.starts_at, ends_at=excluded.ends_at,"
        " name_uk=CASE WHEN ?9 THEN name_uk ELSE excluded.name_uk END,"
        " place=CASE WHEN ?14 THEN place ELSE excluded.place END,"
        " place_uk=CASE WHEN ?15 THEN place_uk ELSE excluded.place_uk END,"
        " description=CASE WHEN ?16 THEN description ELSE excluded.description END,"
        " description_uk=CASE WHEN ?17 THEN description_uk ELSE excluded.description_uk END";
    sqlite3_int64 ev = need_rid(s, event_rid_sql, "event", x->event, "no_event", err);
    if (ev < 0 || check_owner(s, session_owner_sql, "session", x->id, ev, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, x->id);
    sqlite3_bind_int64(st, 2, ev);
    store_bind_text(st, 3, x->day);
    store_bind_text(st, 4, x->name);
    store_bind_text(st, 5, x->kind);
    store_bind_text(st, 6, x->starts_at);
    store_bind_text(st, 7, x->ends_at);
    store_bind_text(st, 8, x->name_uk);
    sqlite3_bind_int(st, 9, x->keep_name_uk);
    store_bind_text(st, 10, x->place);
    store_bind_text(st, 11, x->place_uk);
    store_bind_text(st, 12, x->description);
    store_bind_text(st, 13, x->description_uk);
    sqlite3_bind_int(st, 14, x->keep_place);
    sqlite3_bind_int(st, 15, x->keep_place_uk);
    sqlite3_bind_int(st, 16, x->keep_description);
    sqlite3_bind_int(st, 17, x->keep_description_uk);
    return store_step_done(s, st, err, "saving a session");
}

static int session_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_session x = {
        .id = store_col(st, 0), .event = store_col(st, 1), .day = store_col(st, 2),
        .name = store_col(st, 3), .kind = store_col(st, 4), .starts_at = store_col(st, 5),
        .ends_at = store_col(st, 6), .name_uk = store_col(st, 7), .place = store_col(st, 8),
        .place_uk = store_col(st, 9), .description = store_col(st, 10),
        .description_uk = store_col(st, 11),
    };
    return ((store_session_fn)c->fn)(c->ud, &x);
}

int store_session_each(struct store *s, const char *event, store_session_fn fn, void *ud,
                       struct df_err *err)
{
    static const char sql[] =
        "SELECT x.id, e.id, x.day, x.name, x.kind, x.starts_at, x.ends_at, x.name_uk,"
        " x.place, x.place_uk, x.description, x.description_uk"
        " FROM sessions x JOIN events e ON e.rid = x.event_rid"
        " WHERE ?1 IS NULL OR e.id = ?1 ORDER BY x.starts_at, x.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, session_row, &c, err, "listing sessions");
}

int store_slot_upsert(struct store *s, const struct store_slot *x, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO slots(id, session_rid, seq, starts_at, ends_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET seq=excluded.seq,"
        " starts_at=excluded.starts_at, ends_at=excluded.ends_at";
    sqlite3_int64 se = need_rid(s, session_rid_sql, "session", x->session, "no_session", err);
    if (se < 0 || check_owner(s, slot_owner_sql, "slot", x->id, se, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, x->id);
    sqlite3_bind_int64(st, 2, se);
    sqlite3_bind_int(st, 3, x->seq);
    store_bind_text(st, 4, x->starts_at);
    store_bind_text(st, 5, x->ends_at);
    return store_step_done(s, st, err, "saving a slot");
}

int store_slot_renumber(struct store *s, const char *event, struct df_err *err)
{
    /* a time's text orders as the time within one event: every one carries
     * the event's zone's offset (app_event_save) */
    static const char sql[] =
        "WITH mine AS (SELECT t.rid, row_number() OVER (ORDER BY t.starts_at, t.rid) AS n"
        "  FROM slots t JOIN sessions x ON x.rid = t.session_rid"
        "  JOIN events e ON e.rid = x.event_rid WHERE e.id = ?1)"
        " UPDATE slots SET seq = mine.n FROM mine"
        " WHERE slots.rid = mine.rid AND slots.seq IS NOT mine.n";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    return store_step_done(s, st, err, "numbering the slots");
}

static int slot_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_slot x = {
        .id = store_col(st, 0), .session = store_col(st, 1), .seq = sqlite3_column_int(st, 2),
        .starts_at = store_col(st, 3), .ends_at = store_col(st, 4),
    };
    return ((store_slot_fn)c->fn)(c->ud, &x);
}

int store_slot_each(struct store *s, const char *event, store_slot_fn fn, void *ud,
                    struct df_err *err)
{
    static const char sql[] =
        "SELECT t.id, x.id, t.seq, t.starts_at, t.ends_at FROM slots t"
        " JOIN sessions x ON x.rid = t.session_rid JOIN events e ON e.rid = x.event_rid"
        " WHERE ?1 IS NULL OR e.id = ?1 ORDER BY e.rid, t.seq";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, slot_row, &c, err, "listing slots");
}

int store_location_upsert(struct store *s, const struct store_location *x, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO locations(id, event_rid, name, kind, seats) VALUES (?,?,?,coalesce(?,'table'),?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
        " kind=excluded.kind, seats=excluded.seats";
    sqlite3_int64 ev = need_rid(s, event_rid_sql, "event", x->event, "no_event", err);
    if (ev < 0 || check_owner(s, location_owner_sql, "location", x->id, ev, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, x->id);
    sqlite3_bind_int64(st, 2, ev);
    store_bind_text(st, 3, x->name);
    store_bind_text(st, 4, x->kind);
    sqlite3_bind_int(st, 5, x->seats > 0 ? x->seats : 4);
    return store_step_done(s, st, err, "saving a location");
}

static int location_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_location x = {
        .id = store_col(st, 0), .event = store_col(st, 1), .name = store_col(st, 2),
        .kind = store_col(st, 3), .seats = sqlite3_column_int(st, 4),
    };
    return ((store_location_fn)c->fn)(c->ud, &x);
}

int store_location_each(struct store *s, const char *event, store_location_fn fn, void *ud,
                        struct df_err *err)
{
    static const char sql[] =
        "SELECT l.id, e.id, l.name, l.kind, l.seats FROM locations l"
        " JOIN events e ON e.rid = l.event_rid WHERE ?1 IS NULL OR e.id = ?1 ORDER BY l.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, location_row, &c, err, "listing locations");
}

int store_interpreter_upsert(struct store *s, const struct store_interpreter *x, int *added,
                             struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO interpreters(id, event_rid, name, lang_a, lang_b, session_rid)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
        " name=excluded.name, lang_a=excluded.lang_a, lang_b=excluded.lang_b,"
        " session_rid=excluded.session_rid";
    sqlite3_int64 ev = need_rid(s, event_rid_sql, "event", x->event, "no_event", err);
    if (ev < 0 || check_owner(s, interpreter_owner_sql, "interpreter", x->id, ev, err) < 0)
        return -1;
    static const char session_event_sql[] = "SELECT event_rid FROM sessions WHERE id = ?";
    sqlite3_int64 se = 0;
    if (x->session) {
        if ((se = need_rid(s, session_rid_sql, "session", x->session, "no_session", err)) < 0)
            return -1;
        sqlite3_int64 sev = store_rid(s, session_event_sql, x->session, err);
        if (sev < 0)
            return -1;
        if (sev != ev) {
            df_err_set(err, DF_ERR_INPUT, "session \"%s\" is not part of event \"%s\"",
                       x->session, x->event);
            return df_err_code(err, "session_not_event", "value", x->session, "event", x->event,
                               NULL);
        }
    }
    sqlite3_int64 rid = store_rid(s, interpreter_rid_sql, x->id, err);
    if (rid < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, x->id);
    sqlite3_bind_int64(st, 2, ev);
    store_bind_text(st, 3, x->name);
    store_bind_text(st, 4, x->lang_a);
    store_bind_text(st, 5, x->lang_b);
    if (x->session)
        sqlite3_bind_int64(st, 6, se);
    else
        sqlite3_bind_null(st, 6);
    if (store_step_done(s, st, err, "saving an interpreter") < 0)
        return -1;
    if (added)
        *added = rid == 0;
    return 0;
}

static int interpreter_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_interpreter x = {
        .id = store_col(st, 0), .event = store_col(st, 1), .name = store_col(st, 2),
        .lang_a = store_col(st, 3), .lang_b = store_col(st, 4), .session = store_col(st, 5),
    };
    return ((store_interpreter_fn)c->fn)(c->ud, &x);
}

int store_interpreter_each(struct store *s, const char *event, store_interpreter_fn fn,
                           void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT i.id, e.id, i.name, i.lang_a, i.lang_b, x.id FROM interpreters i"
        " JOIN events e ON e.rid = i.event_rid LEFT JOIN sessions x ON x.rid = i.session_rid"
        " WHERE ?1 IS NULL OR e.id = ?1 ORDER BY i.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, interpreter_row, &c, err, "listing interpreters");
}

int store_unavailable_add(struct store *s, const char *person, const char *slot,
                          const char *reason, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO unavailability(person_rid, slot_rid, reason) VALUES (?,?,?)"
        " ON CONFLICT DO UPDATE SET reason = excluded.reason";
    sqlite3_int64 p = need_rid(s, person_rid_sql, "person", person, "no_person", err);
    if (p < 0)
        return -1;
    sqlite3_int64 t = need_rid(s, slot_rid_sql, "slot", slot, "no_slot", err);
    if (t < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p);
    sqlite3_bind_int64(st, 2, t);
    store_bind_text(st, 3, reason);
    return store_step_done(s, st, err, "saving availability");
}

static int unavailable_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    return ((store_unavailable_fn)c->fn)(c->ud, store_col(st, 0), store_col(st, 1));
}

int store_unavailable_each(struct store *s, const char *event, store_unavailable_fn fn,
                           void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, t.id FROM unavailability u JOIN people p ON p.rid = u.person_rid"
        " JOIN slots t ON t.rid = u.slot_rid JOIN sessions x ON x.rid = t.session_rid"
        " JOIN events e ON e.rid = x.event_rid WHERE ?1 IS NULL OR e.id = ?1"
        " ORDER BY p.id, t.seq";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, unavailable_row, &c, err, "listing availability");
}

static int avail_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_avail_slot x = {
        .id = store_col(st, 0), .session = store_col(st, 1), .day = store_col(st, 2),
        .seq = sqlite3_column_int(st, 3), .starts_at = store_col(st, 4),
        .ends_at = store_col(st, 5), .away = sqlite3_column_int(st, 6) != 0,
        .set_by = store_col(st, 7),
    };
    return ((store_avail_fn)c->fn)(c->ud, &x);
}

int store_availability_each(struct store *s, const char *person, const char *event,
                            store_avail_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT t.id, x.id, x.day, t.seq, t.starts_at, t.ends_at, u.slot_rid IS NOT NULL,"
        " u.set_by FROM slots t JOIN sessions x ON x.rid = t.session_rid"
        " JOIN events e ON e.rid = x.event_rid"
        " LEFT JOIN unavailability u ON u.slot_rid = t.rid"
        "  AND u.person_rid = (SELECT rid FROM people WHERE id = ?1)"
        " WHERE e.id = ?2 AND x.kind = 'b2b' ORDER BY t.seq";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    store_bind_text(st, 2, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, avail_row, &c, err, "listing availability");
}

static bool among(const char *id, const char *const *ids, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

int store_availability_set(struct store *s, const char *person, const char *event,
                           const char *const *slots, int n, const char *set_by,
                           struct df_err *err)
{
    static const char away_sql[] =
        "SELECT u.slot_rid, t.id FROM unavailability u JOIN slots t ON t.rid = u.slot_rid"
        " JOIN sessions x ON x.rid = t.session_rid WHERE u.person_rid = ?1 AND x.event_rid = ?2";
    static const char drop_sql[] =
        "DELETE FROM unavailability WHERE person_rid = ?1 AND slot_rid = ?2";
    /* a slot away already keeps its row, and with it who set it */
    static const char add_sql[] =
        "INSERT INTO unavailability(person_rid, slot_rid, set_by) VALUES (?,?,?)"
        " ON CONFLICT DO NOTHING";
    sqlite3_int64 p = need_rid(s, person_rid_sql, "person", person, "no_person", err);
    if (p < 0)
        return -1;
    sqlite3_int64 ev = need_rid(s, event_rid_sql, "event", event, "no_event", err);
    if (ev < 0)
        return -1;
    /* the slots no longer away, read whole before any is deleted */
    sqlite3_int64 *gone = NULL;
    int gone_n = 0, gone_cap = 0, rc, result = -1;
    sqlite3_stmt *st = store_stmt(s, away_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p);
    sqlite3_bind_int64(st, 2, ev);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (among(store_col(st, 1), slots, n))
            continue;
        if (gone_n == gone_cap) {
            gone_cap = gone_cap ? 2 * gone_cap : 16;
            sqlite3_int64 *more = realloc(gone, (size_t)gone_cap * sizeof *gone);
            if (!more) {
                df_err_set(err, DF_ERR_RUNTIME, "out of memory");
                goto out;
            }
            gone = more;
        }
        gone[gone_n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "listing availability");
        goto out;
    }
    for (int i = 0; i < gone_n; i++) {
        if (!(st = store_stmt(s, drop_sql, err)))
            goto out;
        sqlite3_bind_int64(st, 1, p);
        sqlite3_bind_int64(st, 2, gone[i]);
        if (store_step_done(s, st, err, "clearing availability") < 0)
            goto out;
    }
    for (int i = 0; i < n; i++) {
        sqlite3_int64 t = need_rid(s, slot_rid_sql, "slot", slots[i], "no_slot", err);
        if (t < 0 || !(st = store_stmt(s, add_sql, err)))
            goto out;
        sqlite3_bind_int64(st, 1, p);
        sqlite3_bind_int64(st, 2, t);
        store_bind_text(st, 3, set_by);
        if (store_step_done(s, st, err, "saving availability") < 0)
            goto out;
    }
    result = 0;
out:
    free(gone);
    return result;
}

/* ---- requests ------------------------------------------------------------- */

/* A person erased at her request (app/privacy.h) in a request's row: her
 * requests were cancelled or kept as held by the erasure, and a file from
 * before it must not make or change one of hers again. -1 with err
 * (person_erased) for one erased, 0 otherwise. */
static int erased_refused(struct store *s, const char *person, struct df_err *err)
{
    int erased = store_person_is_erased(s, person, err);
    if (erased <= 0)
        return erased;
    df_err_set(err, DF_ERR_INPUT,
               "person \"%.128s\" was erased at her request: her requests are not imported "
               "(take her rows out of the file)", person);
    return df_err_code(err, "person_erased", "value", person, NULL);
}

int store_request_upsert(struct store *s, const struct store_request *r, int *added,
                         struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO requests(id, event_rid, from_rid, to_rid, priority, status, message)"
        " VALUES (?,?,?,?,?,coalesce(?,'pending'),?) ON CONFLICT(id) DO UPDATE SET"
        " priority=excluded.priority, status=excluded.status, message=excluded.message,"
        /* who cancelled it holds while it stays cancelled */
        " cancelled_by=CASE WHEN excluded.status = 'cancelled' THEN requests.cancelled_by END,"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        /* a request never moves: its meeting lies in its event's slots */
        " WHERE event_rid=excluded.event_rid AND from_rid=excluded.from_rid"
        " AND to_rid=excluded.to_rid";
    sqlite3_int64 ev = need_rid(s, event_rid_sql, "event", r->event, "no_event", err);
    if (ev < 0)
        return -1;
    sqlite3_int64 from = need_rid(s, person_rid_sql, "person", r->from, "no_person", err);
    if (from < 0)
        return -1;
    sqlite3_int64 to = need_rid(s, person_rid_sql, "person", r->to, "no_person", err);
    if (to < 0 || erased_refused(s, r->from, err) < 0 || erased_refused(s, r->to, err) < 0)
        return -1;
    if (from == to) {
        df_err_set(err, DF_ERR_INPUT, "a request from \"%s\" to themself", r->from);
        return df_err_code(err, "same_person", "value", r->from, NULL);
    }
    sqlite3_int64 rid = store_rid(s, request_rid_sql, r->id, err);
    if (rid < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, r->id);
    sqlite3_bind_int64(st, 2, ev);
    sqlite3_bind_int64(st, 3, from);
    sqlite3_bind_int64(st, 4, to);
    sqlite3_bind_int(st, 5, r->priority);
    store_bind_text(st, 6, r->status);
    store_bind_text(st, 7, r->message);
    if (store_step_done(s, st, err, "saving a request") < 0)
        return -1;
    if (rid != 0 && sqlite3_changes(s->db) == 0)
        return df_err_set(err, DF_ERR_CONFLICT,
                          "request \"%s\" belongs to another event or other people", r->id);
    if (added)
        *added = rid == 0;
    return 0;
}

#define REQUEST_COLUMNS \
    "r.id, e.id, f.id, t.id, r.status, r.message, r.created_at, r.priority, r.cancelled_by," \
    " ps.id, pe.id, r.introduced" \
    " FROM requests r JOIN events e ON e.rid = r.event_rid" \
    " JOIN people f ON f.rid = r.from_rid JOIN people t ON t.rid = r.to_rid" \
    " LEFT JOIN slots ps ON ps.rid = r.proposed_slot_rid" \
    " LEFT JOIN sessions px ON px.rid = ps.session_rid" \
    " LEFT JOIN events pe ON pe.rid = px.event_rid"

static void request_from_row(sqlite3_stmt *st, struct store_request *r)
{
    r->id = store_col(st, 0);
    r->event = store_col(st, 1);
    r->from = store_col(st, 2);
    r->to = store_col(st, 3);
    r->status = store_col(st, 4);
    r->message = store_col(st, 5);
    r->created_at = store_col(st, 6);
    r->priority = sqlite3_column_int(st, 7);
    r->cancelled_by = store_col(st, 8);
    r->proposed_slot = store_col(st, 9);
    r->proposed_event = store_col(st, 10);
    r->introduced = sqlite3_column_int(st, 11) != 0;
}

int store_request_get(struct store *s, const char *id, struct arena *a,
                      struct store_request *r, struct df_err *err)
{
    static const char sql[] = "SELECT " REQUEST_COLUMNS " WHERE r.id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "request", err);
    if (!st)
        return -1;
    struct store_request row;
    request_from_row(st, &row);
    r->id = arena_strdup(a, row.id);
    r->event = arena_strdup(a, row.event);
    r->from = arena_strdup(a, row.from);
    r->to = arena_strdup(a, row.to);
    r->status = arena_strdup(a, row.status);
    r->message = arena_strdup(a, row.message);
    r->created_at = arena_strdup(a, row.created_at);
    r->priority = row.priority;
    r->cancelled_by = arena_strdup(a, row.cancelled_by);
    r->proposed_slot = arena_strdup(a, row.proposed_slot);
    r->proposed_event = arena_strdup(a, row.proposed_event);
    r->introduced = row.introduced;
    sqlite3_reset(st);
    return 0;
}

/* Writes request id's status and who cancelled it (NULL unless cancelled). */
static int request_status_write(struct store *s, const char *id, const char *status,
                                const char *cancelled_by, struct df_err *err)
{
    static const char sql[] =
        "UPDATE requests SET status = ?2, cancelled_by = ?3,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    if (need_rid(s, request_rid_sql, "request", id, "no_request", err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, status);
    store_bind_text(st, 3, cancelled_by);
    return store_step_done(s, st, err, "updating a request");
}

int store_request_set_status(struct store *s, const char *id, const char *status,
                             struct df_err *err)
{
    return request_status_write(s, id, status, NULL, err);
}

int store_request_introduce(struct store *s, const char *id, struct df_err *err)
{
    static const char sql[] = "UPDATE requests SET introduced = 1 WHERE id = ?1";
    if (need_rid(s, request_rid_sql, "request", id, "no_request", err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    return store_step_done(s, st, err, "marking a request the organisers' introduction");
}

int store_request_add_note(struct store *s, const char *id, const char *note, struct df_err *err)
{
    static const char sql[] =
        "UPDATE requests SET message = CASE WHEN message IS NULL OR message = '' THEN ?2"
        " ELSE message || char(10) || char(10) || ?2 END WHERE id = ?1";
    if (!note || !*note)
        return 0;
    if (need_rid(s, request_rid_sql, "request", id, "no_request", err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, note);
    return store_step_done(s, st, err, "adding the organisers' note to a request");
}

int store_requests_to_answer(struct store *s, const char *person, const char *open_events,
                             struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*)" STORE_TO_ANSWER_OF("(SELECT rid FROM people WHERE id = ?1)", "2");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    store_bind_text(st, 2, open_events);
    int rc = sqlite3_step(st);
    int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0)
                             : store_fail(s, err, "counting the requests to answer");
    sqlite3_reset(st);
    return n;
}

int store_request_cancel(struct store *s, const char *id, const char *by, struct df_err *err)
{
    return request_status_write(s, id, "cancelled", by, err);
}

int store_request_set_proposal(struct store *s, const char *id, const char *slot,
                               struct df_err *err)
{
    static const char sql[] =
        "UPDATE requests SET proposed_slot_rid = ?2,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    if (need_rid(s, request_rid_sql, "request", id, "no_request", err) < 0)
        return -1;
    sqlite3_int64 k = 0;
    if (slot && (k = need_rid(s, slot_rid_sql, "slot", slot, "no_slot", err)) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    if (slot)
        sqlite3_bind_int64(st, 2, k);
    else
        sqlite3_bind_null(st, 2);
    return store_step_done(s, st, err, "saving a request's proposed time");
}

int store_request_add_attendee(struct store *s, const char *request, const char *person,
                               struct df_err *err)
{
    static const char sql[] =
        "INSERT OR IGNORE INTO request_attendees(request_rid, person_rid) VALUES (?,?)";
    sqlite3_int64 r = need_rid(s, request_rid_sql, "request", request, "no_request", err);
    if (r < 0)
        return -1;
    sqlite3_int64 p = need_rid(s, person_rid_sql, "person", person, "no_person", err);
    if (p < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, r);
    sqlite3_bind_int64(st, 2, p);
    return store_step_done(s, st, err, "adding an attendee");
}

int store_request_is_attendee(struct store *s, const char *request, const char *person,
                              struct df_err *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT 1 FROM request_attendees a"
        " JOIN requests r ON r.rid = a.request_rid JOIN people p ON p.rid = a.person_rid"
        " WHERE r.id = ?1 AND p.id = ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    int rc = sqlite3_step(st), out;
    out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) != 0
                           : store_fail(s, err, "reading a request's attendees");
    sqlite3_reset(st);
    return out;
}

int store_request_remove_attendee(struct store *s, const char *request, const char *person,
                                  struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM request_attendees WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)"
        " AND person_rid = (SELECT rid FROM people WHERE id = ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    if (store_step_done(s, st, err, "removing an attendee") < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}

int store_request_attendees_n(struct store *s, const char *request, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM request_attendees"
        " WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    int rc = sqlite3_step(st);
    int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0)
                             : store_fail(s, err, "counting a request's attendees");
    sqlite3_reset(st);
    return n;
}

int store_request_attendees_json(struct store *s, const char *request, struct arena *a,
                                 const char **json, struct df_err *err)
{
    static const char sql[] =
        "SELECT " STORE_ATTENDEES_JSON("r") " FROM requests r WHERE r.id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    int rc = sqlite3_step(st), out = 0;
    if (rc == SQLITE_ROW) {
        *json = arena_strdup(a, store_col(st, 0) ? store_col(st, 0) : "[]");
        if (!*json)
            out = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading attendees");
    } else if (rc == SQLITE_DONE) {
        out = df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\"", request);
    } else {
        out = store_fail(s, err, "reading a request's attendees");
    }
    sqlite3_reset(st);
    return out;
}

int store_meeting_bump(struct store *s, const char *request, struct df_err *err)
{
    static const char sql[] =
        "UPDATE meetings SET sequence = sequence + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    return store_step_done(s, st, err, "raising a meeting's calendar sequence");
}

static int request_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_request r;
    request_from_row(st, &r);
    return ((store_request_fn)c->fn)(c->ud, &r);
}

int store_request_each(struct store *s, const char *event, const char *status,
                       store_request_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT " REQUEST_COLUMNS " WHERE (?1 IS NULL OR e.id = ?1)"
        " AND (?2 IS NULL OR r.status = ?2) ORDER BY r.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, status);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, request_row, &c, err, "listing requests");
}

static int attendee_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    return ((store_attendee_fn)c->fn)(c->ud, store_col(st, 0), store_col(st, 1));
}

int store_attendee_each(struct store *s, const char *event, store_attendee_fn fn, void *ud,
                        struct df_err *err)
{
    static const char sql[] =
        "SELECT r.id, p.id FROM request_attendees a JOIN requests r ON r.rid = a.request_rid"
        " JOIN people p ON p.rid = a.person_rid JOIN events e ON e.rid = r.event_rid"
        " WHERE ?1 IS NULL OR e.id = ?1 ORDER BY r.rid, p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, attendee_row, &c, err, "listing attendees");
}

/* ---- meetings ---------------------------------------------------------------- */

int store_meeting_upsert(struct store *s, const struct store_meeting *m, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO meetings(id, request_rid, slot_rid, location_rid, locked, interpreter_rid,"
        " video_room) VALUES (?1,?2,?3,?4,?5,?6,CASE WHEN ?4 IS NULL THEN ?7 END)"
        " ON CONFLICT(request_rid) DO UPDATE SET"
        /* an online meeting keeps its room (its link) however it moves */
        " video_room = CASE WHEN excluded.location_rid IS NULL"
        "   THEN coalesce(video_room, ?7) END,"
        " sequence = sequence + (slot_rid IS NOT excluded.slot_rid"
        "   OR location_rid IS NOT excluded.location_rid"
        "   OR interpreter_rid IS NOT excluded.interpreter_rid),"
        /* moved again by a run: where an organiser had moved it from no
         * longer says what changed (the right-hand sides read the old row) */
        " moved_from_start = CASE WHEN slot_rid IS NOT excluded.slot_rid"
        "   OR location_rid IS NOT excluded.location_rid THEN NULL ELSE moved_from_start END,"
        " moved_from_location = CASE WHEN slot_rid IS NOT excluded.slot_rid"
        "   OR location_rid IS NOT excluded.location_rid THEN NULL ELSE moved_from_location END,"
        " moved_from_online = CASE WHEN slot_rid IS NOT excluded.slot_rid"
        "   OR location_rid IS NOT excluded.location_rid THEN 0 ELSE moved_from_online END,"
        " slot_rid = excluded.slot_rid, location_rid = excluded.location_rid,"
        " interpreter_rid = excluded.interpreter_rid,"
        " locked = excluded.locked, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    sqlite3_int64 r = need_rid(s, request_rid_sql, "request", m->request, "no_request", err);
    if (r < 0)
        return -1;
    sqlite3_int64 t = need_rid(s, slot_rid_sql, "slot", m->slot, "no_slot", err);
    if (t < 0)
        return -1;
    sqlite3_int64 l = 0;
    if (m->location &&
        (l = need_rid(s, location_rid_sql, "location", m->location, "no_location", err)) < 0)
        return -1;
    sqlite3_int64 in = 0;
    if (m->interpreter &&
        (in = need_rid(s, interpreter_rid_sql, "interpreter", m->interpreter, "no_interpreter",
                       err)) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, m->id ? m->id : m->request);
    sqlite3_bind_int64(st, 2, r);
    sqlite3_bind_int64(st, 3, t);
    if (l)
        sqlite3_bind_int64(st, 4, l);
    else
        sqlite3_bind_null(st, 4);
    sqlite3_bind_int(st, 5, m->locked);
    if (in)
        sqlite3_bind_int64(st, 6, in);
    else
        sqlite3_bind_null(st, 6);
    store_bind_text(st, 7, m->video_room);
    return store_step_done(s, st, err, "saving a meeting");
}

int store_meeting_clear_unaccepted(struct store *s, const char *event, struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM meetings WHERE EXISTS (SELECT 1 FROM requests r"
        " JOIN events e ON e.rid = r.event_rid WHERE r.rid = meetings.request_rid"
        " AND e.id = ?1 AND r.status <> 'accepted')";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    return store_step_done(s, st, err, "clearing meetings");
}

int store_unscheduled_reasons_replace(struct store *s, const char *event,
                                      const char *const *requests, const char *const *reasons,
                                      const char *const *codes, const char *const *values,
                                      int n, struct df_err *err)
{
    static const char forget[] =
        "DELETE FROM unscheduled_reasons WHERE request_rid IN (SELECT r.rid FROM requests r"
        " JOIN events e ON e.rid = r.event_rid WHERE e.id = ?)";
    static const char keep[] =
        "INSERT OR REPLACE INTO unscheduled_reasons(request_rid, reason, code, vals)"
        " SELECT rid, ?2, ?3, ?4 FROM requests WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, forget, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    if (store_step_done(s, st, err, "forgetting a schedule run's reasons") < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        if (!(st = store_stmt(s, keep, err)))
            return -1;
        store_bind_text(st, 1, requests[i]);
        store_bind_text(st, 2, reasons[i]);
        store_bind_text(st, 3, codes ? codes[i] : NULL);
        store_bind_text(st, 4, values ? values[i] : NULL);
        if (store_step_done(s, st, err, "keeping a schedule run's reasons") < 0)
            return -1;
    }
    return 0;
}

int store_schedule_run_replace(struct store *s, const struct store_schedule_run *run,
                               struct df_err *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO schedule_runs(event_rid, ran_at, via, ran_by, accepted,"
        " scheduled, upper_bound, breaks, seconds, unscheduled)"
        " SELECT rid, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
        " FROM events WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, run->event);
    store_bind_text(st, 2, run->via);
    store_bind_text(st, 3, run->ran_by);
    sqlite3_bind_int(st, 4, run->accepted);
    sqlite3_bind_int(st, 5, run->scheduled);
    sqlite3_bind_int(st, 6, run->upper_bound);
    sqlite3_bind_int(st, 7, run->breaks);
    sqlite3_bind_double(st, 8, run->seconds);
    sqlite3_bind_int(st, 9, run->unscheduled);
    return store_step_done(s, st, err, "keeping a schedule run's figures");
}

static int schedule_run_read(struct store *s, const char *event, struct arena *a,
                             struct store_schedule_run *run, bool *found, struct df_err *err)
{
    static const char sql[] =
        "SELECT e.id, x.ran_at, x.via, x.ran_by, x.accepted, x.scheduled, x.upper_bound,"
        " x.breaks, x.seconds, x.unscheduled FROM schedule_runs x"
        " JOIN events e ON e.rid = x.event_rid WHERE e.id = ?";
    *found = false;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW) {
        *run = (struct store_schedule_run){
            .event = arena_strdup(a, store_col(st, 0)), .ran_at = arena_strdup(a, store_col(st, 1)),
            .via = arena_strdup(a, store_col(st, 2)), .ran_by = arena_strdup(a, store_col(st, 3)),
            .accepted = sqlite3_column_int(st, 4), .scheduled = sqlite3_column_int(st, 5),
            .upper_bound = sqlite3_column_int(st, 6), .breaks = sqlite3_column_int(st, 7),
            .seconds = sqlite3_column_double(st, 8), .unscheduled = sqlite3_column_int(st, 9)};
        *found = true;
        if (!run->event || !run->ran_at || !run->via)
            result = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    } else if (rc != SQLITE_DONE) {
        result = store_fail(s, err, "reading a schedule run's figures");
    }
    sqlite3_reset(st);
    return result;
}

/* "not scheduled yet" as GET .../unscheduled says it: accepted, no meeting,
 * no reason the last run kept; the requests still unanswered; and the
 * meetings held online, with whether the event has a video service to give
 * them a link. */
static int schedule_since_read(struct store *s, const char *event,
                               struct store_schedule_since *since, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*), coalesce(sum(NOT EXISTS (SELECT 1 FROM meetings m"
        "   WHERE m.request_rid = r.rid) AND NOT EXISTS (SELECT 1 FROM unscheduled_reasons u"
        "   WHERE u.request_rid = r.rid)), 0),"
        " (SELECT count(*) FROM requests WHERE event_rid = ?1 AND status = 'pending'),"
        " (SELECT count(DISTINCT to_rid) FROM requests WHERE event_rid = ?1 AND status = 'pending'),"
        " (SELECT count(*) FROM meetings m JOIN requests q ON q.rid = m.request_rid"
        "   WHERE q.event_rid = ?1 AND q.status = 'accepted'"
        "   AND m.location_rid IS NULL AND m.video_room IS NOT NULL),"
        " (SELECT video_url IS NOT NULL FROM events WHERE rid = ?1)"
        " FROM requests r WHERE r.event_rid = ?1 AND r.status = 'accepted'";
    sqlite3_int64 rid = need_rid(s, event_rid_sql, "event", event, "no_event", err);
    if (rid < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW)
        *since = (struct store_schedule_since){.accepted = sqlite3_column_int(st, 0),
                                               .waiting = sqlite3_column_int(st, 1),
                                               .pending = sqlite3_column_int(st, 2),
                                               .pending_people = sqlite3_column_int(st, 3),
                                               .online = sqlite3_column_int(st, 4),
                                               .video_service = sqlite3_column_int(st, 5) != 0};
    else
        result = store_fail(s, err, "counting what changed since a schedule run");
    sqlite3_reset(st);
    return result;
}

static int schedule_run_get_in(struct store *s, const char *event, struct arena *a,
                               struct store_schedule_run *run, bool *found,
                               struct store_schedule_since *since, struct df_err *err)
{
    if (schedule_since_read(s, event, since, err) < 0)
        return -1;
    return schedule_run_read(s, event, a, run, found, err);
}

int store_schedule_since_get(struct store *s, const char *event,
                             struct store_schedule_since *since, struct df_err *err)
{
    IN_ONE_READ(s, err, schedule_since_read(s, event, since, err));
}

int store_schedule_run_get(struct store *s, const char *event, struct arena *a,
                           struct store_schedule_run *run, bool *found,
                           struct store_schedule_since *since, struct df_err *err)
{
    IN_ONE_READ(s, err, schedule_run_get_in(s, event, a, run, found, since, err));
}

int store_meeting_delete_for_request(struct store *s, const char *request, struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM meetings WHERE request_rid = (SELECT rid FROM requests WHERE id = ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    return store_step_done(s, st, err, "deleting a meeting");
}

int store_meeting_move(struct store *s, const char *request, const char *slot,
                       const char *location, const char *video_room, struct df_err *err)
{
    static const char sql[] =
        "UPDATE meetings SET"
        " moved_from_start = (SELECT starts_at FROM slots WHERE rid = meetings.slot_rid),"
        " moved_from_location = (SELECT name FROM locations WHERE rid = meetings.location_rid),"
        " moved_from_online = (location_rid IS NULL AND video_room IS NOT NULL),"
        " slot_rid = ?2, location_rid = ?3, locked = 1, sequence = sequence + 1,"
        " video_room = CASE WHEN ?3 IS NULL THEN coalesce(video_room, ?4) END,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE request_rid = (SELECT rid FROM requests WHERE id = ?1)";
    sqlite3_int64 t = need_rid(s, slot_rid_sql, "slot", slot, "no_slot", err);
    if (t < 0)
        return -1;
    sqlite3_int64 l = 0;
    if (location &&
        (l = need_rid(s, location_rid_sql, "location", location, "no_location", err)) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    sqlite3_bind_int64(st, 2, t);
    if (l)
        sqlite3_bind_int64(st, 3, l);
    else
        sqlite3_bind_null(st, 3);
    store_bind_text(st, 4, video_room);
    return store_step_done(s, st, err, "moving a meeting");
}

int store_meeting_lock_all(struct store *s, const char *event, bool locked, struct df_err *err)
{
    static const char sql[] =
        "UPDATE meetings SET locked = ?2 WHERE request_rid IN"
        " (SELECT r.rid FROM requests r JOIN events e ON e.rid = r.event_rid WHERE e.id = ?1)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int(st, 2, locked);
    return store_step_done(s, st, err, "locking meetings");
}

#define MEETING_COLUMNS \
    "m.id, r.id, e.id, t.id, l.id, t.starts_at, t.ends_at, l.name, m.locked," \
    " m.sequence, i.id, i.name, e.name, x.name," \
    " CASE WHEN m.location_rid IS NULL AND m.video_room IS NOT NULL" \
    "  THEN rtrim(e.video_url, '/') || '/' || m.video_room END," \
    " m.location_rid IS NULL AND m.video_room IS NOT NULL" \
    " FROM meetings m JOIN requests r ON r.rid = m.request_rid" \
    " JOIN events e ON e.rid = r.event_rid JOIN slots t ON t.rid = m.slot_rid" \
    " JOIN sessions x ON x.rid = t.session_rid" \
    " LEFT JOIN locations l ON l.rid = m.location_rid" \
    " LEFT JOIN interpreters i ON i.rid = m.interpreter_rid"

static void meeting_from_row(sqlite3_stmt *st, struct store_meeting *m)
{
    *m = (struct store_meeting){
        .id = store_col(st, 0), .request = store_col(st, 1), .event = store_col(st, 2),
        .slot = store_col(st, 3), .location = store_col(st, 4), .starts_at = store_col(st, 5),
        .ends_at = store_col(st, 6), .location_name = store_col(st, 7),
        .locked = sqlite3_column_int(st, 8), .sequence = sqlite3_column_int(st, 9),
        .interpreter = store_col(st, 10), .interpreter_name = store_col(st, 11),
        .event_name = store_col(st, 12), .session_name = store_col(st, 13),
        .video_url = store_col(st, 14), .online = sqlite3_column_int(st, 15),
    };
}

static int meeting_row(void *ud, sqlite3_stmt *st)
{
    struct each_ctx *c = ud;
    struct store_meeting m;
    meeting_from_row(st, &m);
    return ((store_meeting_fn)c->fn)(c->ud, &m);
}

int store_meeting_of_request(struct store *s, const char *request, struct arena *a,
                             struct store_meeting *m, struct df_err *err)
{
    static const char sql[] = "SELECT " MEETING_COLUMNS " WHERE r.id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, request, "meeting for request", err);
    if (!st)
        return -1;
    struct store_meeting row;
    meeting_from_row(st, &row);
    const char **text[] = {&m->id, &m->request, &m->event, &m->slot, &m->location,
                           &m->starts_at, &m->ends_at, &m->location_name, &m->interpreter,
                           &m->interpreter_name, &m->event_name, &m->session_name,
                           &m->video_url};
    const char *from[] = {row.id, row.request, row.event, row.slot, row.location,
                          row.starts_at, row.ends_at, row.location_name, row.interpreter,
                          row.interpreter_name, row.event_name, row.session_name,
                          row.video_url};
    int rc = 0;
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (!(*text[i] = from[i] ? arena_strdup(a, from[i]) : NULL) && from[i])
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a meeting");
    m->locked = row.locked;
    m->sequence = row.sequence;
    m->online = row.online;
    sqlite3_reset(st);
    return rc;
}

int store_meeting_each(struct store *s, const char *event, const char *person,
                       store_meeting_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT " MEETING_COLUMNS
        " WHERE (?1 IS NULL OR e.id = ?1) AND (?2 IS NULL OR EXISTS ("
        "   SELECT 1 FROM people p WHERE p.id = ?2 AND (p.rid IN (r.from_rid, r.to_rid)"
        "   OR EXISTS (SELECT 1 FROM request_attendees a"
        "              WHERE a.request_rid = r.rid AND a.person_rid = p.rid))))"
        " ORDER BY e.rid, t.seq, l.rid, m.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, person);
    struct each_ctx c = {(void *)fn, ud};
    return walk(s, st, meeting_row, &c, err, "listing meetings");
}

/* ---- figures ------------------------------------------------------------------- */

int store_stats_get(struct store *s, struct store_stats *out, struct df_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM people WHERE erased_at IS NULL),"
        " (SELECT count(*) FROM organisations),"
        " (SELECT count(DISTINCT country) FROM organisations),"
        " (SELECT count(*) FROM organisations WHERE country IN ('AT','BE','BG','HR','CY','CZ',"
        "   'DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT',"
        "   'RO','SK','SI','ES','SE')),"
        " (SELECT count(*) FROM organisations WHERE country = 'UA'),"
        " (SELECT count(*) FROM requests),"
        " (SELECT count(*) FROM requests WHERE status = 'accepted'),"
        " (SELECT count(*) FROM requests WHERE status = 'pending'),"
        " (SELECT count(*) FROM requests WHERE status = 'declined'),"
        " (SELECT count(*) FROM meetings m JOIN requests r ON r.rid = m.request_rid"
        "   WHERE r.status = 'accepted'),"
        " (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM capabilities)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        int64_t *f[] = {&out->participants, &out->organisations, &out->countries,
                        &out->eu_organisations, &out->ua_organisations, &out->requests,
                        &out->accepted, &out->pending, &out->declined, &out->scheduled,
                        &out->events, &out->capabilities};
        for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++)
            *f[i] = sqlite3_column_int64(st, i);
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW ? 0 : store_fail(s, err, "counting the forum figures");
}
