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

static char *dup_col(struct arena *a, sqlite3_stmt *st, int i, int *oom)
{
    const char *v = store_col(st, i);
    char *c = v ? arena_strdup(a, v) : NULL;
    if (v && !c)
        *oom = 1;
    return c;
}

/* The others of request rid beside person into m->with. */
static int read_parties(struct store *s, sqlite3_int64 rid, const char *person, struct arena *a,
                        struct store_day_meeting *m, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.name, o.name, o.name_uk FROM people p"
        " JOIN organisations o ON o.rid = p.org_rid"
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
        if (m->with_n < STORE_DAY_PARTIES_MAX) {
            struct store_day_party *x = &m->with[m->with_n];
            x->id = dup_col(a, st, 0, &oom);
            x->name = dup_col(a, st, 1, &oom);
            x->org_name = dup_col(a, st, 2, &oom);
            x->org_name_uk = dup_col(a, st, 3, &oom);
        }
        m->with_n++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "reading who a meeting is with");
    return oom ? df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a meeting") : 0;
}

int store_day_next_meeting(struct store *s, const char *person, struct arena *a,
                           struct store_day_meeting *m, bool *found, struct df_err *err)
{
    static const char sql[] =
        MINE_SQL
        " SELECT r.rid, r.id, e.id, e.timezone, t.starts_at, t.ends_at, l.name"
        " FROM mine JOIN requests r ON r.rid = mine.req AND r.status = 'accepted'"
        " JOIN events e ON e.rid = r.event_rid"
        " JOIN meetings m ON m.request_rid = r.rid JOIN slots t ON t.rid = m.slot_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " WHERE julianday(t.ends_at) > julianday('now')"
        " ORDER BY julianday(t.starts_at), t.starts_at, r.id LIMIT 1";
    memset(m, 0, sizeof *m);
    *found = false;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
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
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "reading a person's next meeting");
    if (oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a meeting");
    if (rc == SQLITE_DONE)
        return 0;
    *found = true;
    return read_parties(s, rid, person, a, m, err);
}
