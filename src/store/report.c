/* The organisers' report's counts (store/report.h): each table read once,
 * its rowids turned into the reading's numbers here. */
#include "store/report.h"

#include <stdlib.h>

#include "core/grow.h"
#include "store/store_internal.h"

/* The rowids of one kind of row given so far, in the order given (their
 * numbers), which is rowid order: found by binary search. */
struct rids {
    long long *v;
    int n, cap;
};

struct store_report_ids {
    struct rids orgs, people, meetings;   /* meetings: their requests' rowids */
};

struct store_report_ids *store_report_ids_new(void)
{
    return calloc(1, sizeof(struct store_report_ids));
}

void store_report_ids_free(struct store_report_ids *ids)
{
    if (!ids)
        return;
    free(ids->orgs.v);
    free(ids->people.v);
    free(ids->meetings.v);
    free(ids);
}

/* Numbers rid, the next of r (rids come in rising order): its number, or -1
 * when out of memory. */
static int rids_add(struct rids *r, long long rid)
{
    if (df_grow((void **)&r->v, &r->cap, r->n, sizeof *r->v) < 0)
        return -1;
    r->v[r->n] = rid;
    return r->n++;
}

static int by_rid(const void *key, const void *elem)
{
    long long k = *(const long long *)key, e = *(const long long *)elem;
    return (k > e) - (k < e);
}

/* The number of rid in r, or -1 for a row not given. */
static int rids_find(const struct rids *r, long long rid)
{
    const long long *at = r->n ? bsearch(&rid, r->v, (size_t)r->n, sizeof *r->v, by_rid) : NULL;
    return at ? (int)(at - r->v) : -1;
}

static int out_of_memory(struct df_err *err, const char *doing)
{
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory %s", doing);
}

int store_report_orgs_each(struct store *s, struct store_report_ids *ids,
                           store_report_org_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT rid, country, kind, sme FROM organisations ORDER BY rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_org o = {.i = rids_add(&ids->orgs, sqlite3_column_int64(st, 0)),
                                     .country = store_col(st, 1), .kind = store_col(st, 2),
                                     .sme = sqlite3_column_int(st, 3) != 0};
        stop = o.i < 0 ? out_of_memory(err, "reading the organisations") : fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the organisations");
    sqlite3_reset(st);
    return stop;
}

int store_report_people_each(struct store *s, struct store_report_ids *ids,
                             store_report_person_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT rid, org_rid FROM people ORDER BY rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_person p = {.org = rids_find(&ids->orgs,
                                                         sqlite3_column_int64(st, 1))};
        if (p.org < 0)
            continue;   /* of no organisation (the foreign key forbids it): not numbered */
        p.i = rids_add(&ids->people, sqlite3_column_int64(st, 0));
        stop = p.i < 0 ? out_of_memory(err, "reading the people") : fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the people");
    sqlite3_reset(st);
    return stop;
}

int store_report_came_each(struct store *s, const struct store_report_ids *ids,
                           store_report_came_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT person_rid, day FROM arrivals ORDER BY person_rid, day";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    /* the arrivals by person rowid, as the people were numbered: one walk
     * along both, no search */
    int person = 0;
    const struct rids *p = &ids->people;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        long long rid = sqlite3_column_int64(st, 0);
        while (person < p->n && p->v[person] < rid)
            person++;
        if (person < p->n && p->v[person] == rid)
            stop = fn(ud, person, store_col(st, 1));
    }
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

int store_report_capabilities_each(struct store *s, const struct store_report_ids *ids,
                                   store_report_capability_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT org_rid, direction = 'offer', cpv FROM capabilities"
                              " WHERE confidential = 0";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_capability c = {
            .org = rids_find(&ids->orgs, sqlite3_column_int64(st, 0)),
            .offer = sqlite3_column_int(st, 1) != 0, .cpv = store_col(st, 2)};
        if (c.org >= 0)
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

/* The rowids of the slots (of any event) begun by now, in order, into
 * *begun (the caller frees begun->v). 0, or -1 with err. */
static int begun_slots(struct store *s, long long now, struct rids *begun, struct df_err *err)
{
    static const char sql[] = "SELECT rid FROM slots"
                              " WHERE julianday(starts_at) <= julianday(?1, 'unixepoch')"
                              " ORDER BY rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (rids_add(begun, sqlite3_column_int64(st, 0)) < 0)
            stop = out_of_memory(err, "reading the slots begun");
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the slots begun");
    sqlite3_reset(st);
    return stop;
}

int store_report_meetings_each(struct store *s, struct store_report_ids *ids, const char *event,
                               long long now, store_report_meeting_fn fn, void *ud,
                               struct df_err *err)
{
    static const char sql[] =
        "SELECT r.rid, r.from_rid, r.to_rid, m.slot_rid, se.day"
        " FROM requests r JOIN meetings m ON m.request_rid = r.rid"
        " JOIN slots sl ON sl.rid = m.slot_rid JOIN sessions se ON se.rid = sl.session_rid"
        " WHERE r.event_rid = (SELECT rid FROM events WHERE id = ?1) AND r.status = 'accepted'"
        " ORDER BY r.rid";
    struct rids begun = {0};   /* the slots begun, each judged once rather than per meeting */
    sqlite3_stmt *st = begun_slots(s, now, &begun, err) < 0 ? NULL : store_stmt(s, sql, err);
    if (!st) {
        free(begun.v);
        return -1;
    }
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_report_meeting m = {
            .from = rids_find(&ids->people, sqlite3_column_int64(st, 1)),
            .to = rids_find(&ids->people, sqlite3_column_int64(st, 2)),
            .begun = rids_find(&begun, sqlite3_column_int64(st, 3)) >= 0,
            .day = store_col(st, 4)};
        if (m.from < 0 || m.to < 0)
            continue;   /* not in the register: no meeting of anyone's (the foreign keys forbid it) */
        m.i = rids_add(&ids->meetings, sqlite3_column_int64(st, 0));
        stop = m.i < 0 ? out_of_memory(err, "reading the event's meetings") : fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the event's meetings");
    sqlite3_reset(st);
    free(begun.v);
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

int store_report_marks_each(struct store *s, const struct store_report_ids *ids,
                            enum store_report_mark kind, store_report_mark_fn fn, void *ud,
                            struct df_err *err)
{
    static const char *const sql[] = {
        [STORE_REPORT_OUTCOME] = "SELECT DISTINCT request_rid, NULL, outcome FROM meeting_outcomes",
        [STORE_REPORT_ABSENCE] = "SELECT DISTINCT request_rid, NULL, NULL FROM absence_reports",
        [STORE_REPORT_ATTENDEE] = "SELECT request_rid, person_rid, NULL FROM request_attendees",
    };
    sqlite3_stmt *st = store_stmt(s, sql[kind], err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int meeting = rids_find(&ids->meetings, sqlite3_column_int64(st, 0)), other = -1;
        if (meeting < 0)
            continue;   /* of another event's meeting, or of no meeting */
        if (kind == STORE_REPORT_ATTENDEE &&
            (other = rids_find(&ids->people, sqlite3_column_int64(st, 1))) < 0)
            continue;
        stop = fn(ud, meeting, other, store_col(st, 2));
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading what was said of the meetings");
    sqlite3_reset(st);
    return stop;
}
