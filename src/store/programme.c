/* Removing sessions, locations and interpreters from an event (programme.h). */
#include "store/programme.h"
#include "store/store_internal.h"

/* rid of the row whose id is id in event (a slot: in session; sql says
 * which), 0 when none, -1 on error. */
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

/* A removal that a non-zero count over the item's rid refuses; why follows
 * "<noun> \"<id>\": <count> " in the error. */
struct guard {
    const char *sql, *why;
    const char *code;   /* the refusal's code (app/import_codes.h) */
};

/* Taking out a session or a location: found in the event, refused by its
 * guards, then its unpublished meetings and the item go. */
struct removal {
    const char *noun;
    const char *within;          /* what holds it: "event", or "session" for a slot */
    const char *find;            /* the item's rid by ?1 id and ?2 its holder's id */
    struct guard guards[2];      /* the second's sql NULL: one guard */
    const char *drop_meetings;   /* the unpublished meetings there, by rid */
    const char *drop;
};

static int remove_guarded(struct store *s, const struct removal *rm, const char *holder,
                          const char *id, int *unscheduled, struct df_err *err)
{
    *unscheduled = 0;
    sqlite3_int64 rid = rid_in_event(s, rm->find, holder, id, err);
    if (rid <= 0)
        return rid < 0 ? -1
                       : df_err_set(err, DF_ERR_NOT_FOUND, "no %s \"%.128s\" in %s \"%.128s\"",
                                    rm->noun, id, rm->within, holder);
    for (int g = 0; g < 2 && rm->guards[g].sql; g++) {
        int n = count_of(s, rm->guards[g].sql, rid, err);
        if (n < 0)
            return -1;
        if (n > 0) {
            df_err_set(err, DF_ERR_CONFLICT, "%s \"%s\": %d %s", rm->noun, id, n,
                       rm->guards[g].why);
            return df_err_code(err, rm->guards[g].code, "value", id, "n", DF_NUM(n), NULL);
        }
    }
    if ((*unscheduled = change(s, rm->drop_meetings, rid, err)) < 0 ||
        change(s, rm->drop, rid, err) < 0)
        return -1;
    return 0;
}

/* The published meetings in a session's slots, by the session's rid. */
static const char session_published_sql[] =
    "SELECT count(*) FROM meetings m JOIN slots t ON t.rid = m.slot_rid"
    " WHERE t.session_rid = ? AND m.locked";

static const char session_find_sql[] =
    "SELECT x.rid FROM sessions x JOIN events e ON e.rid = x.event_rid"
    " WHERE x.id = ?1 AND e.id = ?2";

int store_session_published_n(struct store *s, const char *event, const char *id,
                              struct df_err *err)
{
    sqlite3_int64 rid = rid_in_event(s, session_find_sql, event, id, err);
    if (rid <= 0)
        return rid < 0 ? -1 : 0;
    return count_of(s, session_published_sql, rid, err);
}

int store_session_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                         struct df_err *err)
{
    static const struct removal rm = {
        "session",
        "event",
        session_find_sql,
        {{session_published_sql, "published meeting(s) there would lose their slot",
          "session_published"},
         {"SELECT count(*) FROM interpreters WHERE session_rid = ?",
          "interpreter(s) work in it only; remove them or book them for another session "
          "first", "session_interpreters"}},
        "DELETE FROM meetings WHERE slot_rid IN (SELECT rid FROM slots WHERE session_rid = ?)",
        "DELETE FROM sessions WHERE rid = ?",   /* slots cascade */
    };
    return remove_guarded(s, &rm, event, id, unscheduled, err);
}

int store_slot_remove(struct store *s, const char *session, const char *id, int *unscheduled,
                      struct df_err *err)
{
    static const struct removal rm = {
        "slot",
        "session",
        "SELECT t.rid FROM slots t JOIN sessions x ON x.rid = t.session_rid"
        " WHERE t.id = ?1 AND x.id = ?2",
        {{"SELECT count(*) FROM meetings WHERE slot_rid = ? AND locked",
          "published meeting(s) sit in it and would lose their slot", "slot_published"}},
        "DELETE FROM meetings WHERE slot_rid = ?",
        "DELETE FROM slots WHERE rid = ?",   /* its unavailability cascades */
    };
    return remove_guarded(s, &rm, session, id, unscheduled, err);
}

int store_location_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                          struct df_err *err)
{
    static const struct removal rm = {
        "location",
        "event",
        "SELECT l.rid FROM locations l JOIN events e ON e.rid = l.event_rid"
        " WHERE l.id = ?1 AND e.id = ?2",
        {{"SELECT count(*) FROM meetings WHERE location_rid = ? AND locked",
          "published meeting(s) sit there and would lose their table", "location_published"},
         {"SELECT count(*) FROM people WHERE booth = (SELECT id FROM locations WHERE rid = ?)",
          "participant(s) host at this booth", "booth_hosts"}},
        "DELETE FROM meetings WHERE location_rid = ?",
        "DELETE FROM locations WHERE rid = ?",
    };
    return remove_guarded(s, &rm, event, id, unscheduled, err);
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
