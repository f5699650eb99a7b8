/* Queries for the web interface (see web.h): the search page's filters, the
 * CPV picker, participants with check-in, and meetings with both parties. */
#include "store/web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "store/store_internal.h"

int store_web_org_search(struct store *s, const struct store_web_org_query *q, store_org_fn fn,
                         void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT o.id, o.name, o.name_uk, o.country, o.kind, o.sme, o.city, o.website,"
        " o.description, o.description_uk FROM organisations o"
        " WHERE (?1 IS NULL OR instr(lower(o.name), lower(?1)) > 0"
        "        OR instr(lower(coalesce(o.name_uk, '')), lower(?1)) > 0"
        "        OR instr(lower(coalesce(o.description, '')), lower(?1)) > 0"
        "        OR instr(lower(coalesce(o.description_uk, '')), lower(?1)) > 0)"
        " AND (?2 IS NULL OR o.country = ?2)"
        " AND (?3 IS NULL OR o.kind = ?3)"
        " AND (?4 < 0 OR o.sme = ?4)"
        " AND (?8 = 0 OR (?8 = 2) = (o.country = 'UA'))"
        " AND ((?5 IS NULL AND ?9 IS NULL) OR EXISTS (SELECT 1 FROM capabilities c"
        "      WHERE c.org_rid = o.rid AND (?5 IS NULL OR substr(c.cpv, 1, length(?5)) = ?5)"
        "      AND (?9 IS NULL OR c.direction = ?9) AND (c.confidential = 0 OR ?7)))"
        " ORDER BY o.name COLLATE dfnc_name LIMIT ?6";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, q->q);
    store_bind_text(st, 2, q->country);
    store_bind_text(st, 3, q->kind);
    sqlite3_bind_int(st, 4, q->sme);
    store_bind_text(st, 5, q->cpv);
    sqlite3_bind_int(st, 6, q->limit > 0 ? q->limit : 500);
    sqlite3_bind_int(st, 7, q->confidential_too ? 1 : 0);
    sqlite3_bind_int(st, 8, q->region);
    store_bind_text(st, 9, q->direction);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_org o;
        store_org_from_row(st, &o);
        stop = fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "searching organisations");
    sqlite3_reset(st);
    return stop;
}

int store_web_cpv_each(struct store *s, store_web_cpv_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT code, label_en, label_uk FROM cpv ORDER BY code";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_web_cpv c = {store_col(st, 0), store_col(st, 1), store_col(st, 2)};
        stop = fn(ud, &c);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the CPV classifier");
    sqlite3_reset(st);
    return stop;
}

/* The number(s) a count statement answers, into n[0..k) (each may be NULL). */
static int count_rows(struct store *s, sqlite3_stmt *st, int64_t **n, int k, struct df_err *err,
                      const char *doing)
{
    int rc = sqlite3_step(st), out = 0;
    if (rc == SQLITE_ROW) {
        for (int i = 0; i < k; i++)
            if (n[i])
                *n[i] = sqlite3_column_int64(st, i);
    } else {
        out = store_fail(s, err, doing);
    }
    sqlite3_reset(st);
    return out;
}

/* The name NAME (an SQL expression) holds the Latin spelling of ?N
 * (dfnc_latin): never when ?N spells as nothing, as ь or ъ alone does (an
 * empty text is in every name). */
#define LATIN_MATCH(NAME, N) \
    " (dfnc_latin(?" N ") <> '' AND instr(dfnc_latin(" NAME "), dfnc_latin(?" N ")) > 0)"

/* The people ?N finds: their ids as they are, or a substring of their
 * names or their organisations' names, case folded in both scripts (instr,
 * not LIKE: % and _ are no wildcards), a name also as its Latin spelling
 * ("Marchenko" finds Марченко, dfnc_latin). */
#define PEOPLE_MATCHING(N) \
    " SELECT p.rid FROM people p JOIN organisations o ON o.rid = p.org_rid" \
    " WHERE p.erased_at IS NULL AND (p.id = ?" N \
    "  OR instr(dfnc_fold(p.name), dfnc_fold(?" N ")) > 0" \
    "  OR" LATIN_MATCH("p.name", N) \
    "  OR instr(dfnc_fold(o.name), dfnc_fold(?" N ")) > 0" \
    "  OR instr(dfnc_fold(coalesce(o.name_uk, '')), dfnc_fold(?" N ")) > 0)"

/* The people ?N finds, once per statement: a statement whose WHERE holds
 * PARTY_MATCH(N) begins with it. MATERIALIZED: SQLite lists them once
 * (10,000 people folded once, not once for each side of 25,000 requests);
 * with no text the list is never made. */
#define PARTY_FOUND(N) "WITH found(rid) AS MATERIALIZED (" PEOPLE_MATCHING(N) ") "

/* ?N matches a row of request r: its id as it is, or either party among
 * those PARTY_FOUND(N) found. */
#define PARTY_MATCH(N) \
    " (?" N " IS NULL OR r.id = ?" N \
    "  OR r.from_rid IN found OR r.to_rid IN found)"

#define PARTIES \
    " JOIN people fa ON fa.rid = r.from_rid JOIN organisations oa ON oa.rid = fa.org_rid" \
    " JOIN people fb ON fb.rid = r.to_rid JOIN organisations ob ON ob.rid = fb.org_rid"

/* The requests accepted with person P (a column) at the event ?9 names: as
 * requester, addressee or attendee. The unary + keeps SQLite (without
 * statistics) from walking every accepted request of the event for each
 * person: it looks up hers by requester, addressee and attendee instead
 * (the people list: 50 rows 0.4 s -> 5 ms, no_meetings 7.5 s -> 12 ms at
 * 5,000 people). */
#define MEETINGS_OF(P) \
    " FROM requests ar WHERE ar.status = 'accepted'" \
    "  AND +ar.event_rid = (SELECT rid FROM events WHERE id = ?9) AND (ar.from_rid = " P \
    "  OR ar.to_rid = " P " OR ar.rid IN (SELECT request_rid FROM request_attendees" \
    "  WHERE person_rid = " P "))"

/* An arrival of person P on the day ?10 names (any day for a NULL ?10). */
#define ARRIVED_ON(P) \
    " FROM arrivals v WHERE v.person_rid = " P " AND (?10 IS NULL OR v.day = ?10)"

/* ?1 the text, ?2 organisations without capabilities only, ?5 those with
 * requests waiting for their answer (at the events ?7 names) only, ?6 those
 * not checked in (on the day ?10 names, or ever) only, ?8 those with no request accepted (at the event ?9
 * names) only; a
 * name is found by its Latin spelling too, as a passport or a badge writes
 * it */
#define PEOPLE_WHERE \
    " FROM people p JOIN organisations o ON o.rid = p.org_rid" \
    " WHERE p.erased_at IS NULL" \
    " AND (?1 IS NULL OR p.id = ?1 OR instr(dfnc_fold(p.name), dfnc_fold(?1)) > 0" \
    "        OR" LATIN_MATCH("p.name", "1") \
    "        OR instr(dfnc_fold(coalesce(p.email, '')), dfnc_fold(?1)) > 0" \
    "        OR instr(dfnc_fold(o.name), dfnc_fold(?1)) > 0" \
    "        OR instr(dfnc_fold(coalesce(o.name_uk, '')), dfnc_fold(?1)) > 0)" \
    " AND (?2 = 0 OR NOT EXISTS (SELECT 1 FROM capabilities c WHERE c.org_rid = o.rid))" \
    " AND (?5 = 0 OR EXISTS (SELECT 1" STORE_TO_ANSWER_OF("p.rid", "7") "))" \
    " AND (?6 = 0 OR NOT EXISTS (SELECT 1" ARRIVED_ON("p.rid") "))" \
    " AND (?8 = 0 OR NOT EXISTS (SELECT 1" MEETINGS_OF("p.rid") "))"
#define PEOPLE_ORDER " ORDER BY p.name COLLATE dfnc_name, p.id"

/* sql (PEOPLE_WHERE's) with q's filters bound, or NULL. */
static sqlite3_stmt *people_stmt(struct store *s, const char *sql,
                                 const struct store_web_people_query *q, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (st) {
        store_bind_text(st, 1, q->q);
        sqlite3_bind_int(st, 2, q->no_capabilities);
        sqlite3_bind_int(st, 5, q->to_answer);
        sqlite3_bind_int(st, 6, q->not_arrived);
        store_bind_text(st, 7, q->open_events);
        sqlite3_bind_int(st, 8, q->no_meetings);
        store_bind_text(st, 9, q->event);
        store_bind_text(st, 10, q->day);
    }
    return st;
}

static int web_people_page_in(struct store *s, const struct store_web_people_query *q,
                          store_web_person_fn fn, void *ud, int64_t *total,
                          int64_t *checked_in, struct df_err *err)
{
    static const char count_sql[] =
        "SELECT count(*), count(CASE WHEN EXISTS (SELECT 1" ARRIVED_ON("p.rid") ") THEN 1 END)"
        PEOPLE_WHERE;
    /* the page picked first, so that the capability counts are made for its
     * rows only */
    static const char sql[] =
        "SELECT p.id, p.name, p.title, p.email, o.id, o.name, o.country,"
        " (SELECT max(v.at)" ARRIVED_ON("p.rid") "),"
        " (SELECT count(*) FROM capabilities c WHERE c.org_rid = o.rid AND c.direction = 'offer'),"
        " (SELECT count(*) FROM capabilities c WHERE c.org_rid = o.rid AND c.direction = 'need'),"
        " o.name_uk, (SELECT count(*)" STORE_TO_ANSWER_OF("p.rid", "7") "),"
        " (SELECT count(*)" MEETINGS_OF("p.rid") ")"
        " FROM people p JOIN organisations o ON o.rid = p.org_rid"
        " WHERE p.rid IN (SELECT p.rid" PEOPLE_WHERE PEOPLE_ORDER " LIMIT ?3 OFFSET ?4)"
        PEOPLE_ORDER;
    int64_t *n[] = {total, checked_in};
    sqlite3_stmt *st;
    if ((total || checked_in) &&
        (!(st = people_stmt(s, count_sql, q, err)) ||
         count_rows(s, st, n, 2, err, "counting participants") < 0))
        return -1;
    if (!(st = people_stmt(s, sql, q, err)))
        return -1;
    sqlite3_bind_int(st, 3, q->limit);
    sqlite3_bind_int(st, 4, q->offset > 0 ? q->offset : 0);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_web_person p = {
            .id = store_col(st, 0), .name = store_col(st, 1), .title = store_col(st, 2),
            .email = store_col(st, 3), .org = store_col(st, 4), .org_name = store_col(st, 5),
            .country = store_col(st, 6), .checked_in_at = store_col(st, 7),
            .offers = sqlite3_column_int(st, 8), .needs = sqlite3_column_int(st, 9),
            .org_name_uk = store_col(st, 10), .to_answer = sqlite3_column_int(st, 11),
            .meetings = sqlite3_column_int(st, 12)};
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing participants");
    sqlite3_reset(st);
    return stop;
}

int store_web_people_page(struct store *s, const struct store_web_people_query *q,
                          store_web_person_fn fn, void *ud, int64_t *total,
                          int64_t *checked_in, struct df_err *err)
{
    IN_ONE_READ(s, err, web_people_page_in(s, q, fn, ud, total, checked_in, err));
}

int store_web_checkin(struct store *s, const char *person, const char *day, int64_t now,
                      struct arena *a, const char **at, struct df_err *err)
{
    /* the day's first arrival stays: a conflict rewrites nothing but
     * returns the kept row */
    static const char sql[] =
        "INSERT INTO arrivals (person_rid, day, at)"
        " SELECT rid, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', ?3, 'unixepoch') FROM people"
        " WHERE id = ?1 AND erased_at IS NULL"
        " ON CONFLICT (person_rid, day) DO UPDATE SET at = arrivals.at RETURNING at";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    store_bind_text(st, 2, day);
    sqlite3_bind_int64(st, 3, now);
    int rc = sqlite3_step(st);
    int out = 0;
    if (rc == SQLITE_ROW) {
        *at = arena_strdup(a, store_col(st, 0));
        rc = sqlite3_step(st);
        if (!*at)
            out = df_err_set(err, DF_ERR_RUNTIME, "out of memory checking a participant in");
    } else if (rc == SQLITE_DONE) {
        out = df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", person);
    }
    if (out == 0 && rc != SQLITE_DONE)
        out = store_fail(s, err, "checking a participant in");
    sqlite3_reset(st);
    return out;
}

int store_arrival_on(struct store *s, const char *person, const char *day, struct arena *a,
                     const char **at, struct df_err *err)
{
    static const char sql[] = "SELECT v.at FROM arrivals v JOIN people p ON p.rid = v.person_rid"
                              " WHERE p.id = ?1 AND v.day = ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    store_bind_text(st, 2, day);
    int rc = sqlite3_step(st), out = 0;
    *at = NULL;
    if (rc == SQLITE_ROW && !(*at = arena_strdup(a, store_col(st, 0))))
        out = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an arrival");
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        out = store_fail(s, err, "reading an arrival");
    sqlite3_reset(st);
    return out;
}

int store_arrival_each(struct store *s, store_arrival_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT p.id, v.day FROM arrivals v"
                              " JOIN people p ON p.rid = v.person_rid ORDER BY p.id, v.day";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), store_col(st, 1));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the arrivals");
    sqlite3_reset(st);
    return stop;
}

int store_web_checkin_undo(struct store *s, const char *person, const char *day,
                           struct df_err *err)
{
    static const char who[] = "SELECT rid FROM people WHERE id = ?1 AND erased_at IS NULL";
    static const char sql[] = "DELETE FROM arrivals WHERE person_rid = ?1 AND day = ?2";
    sqlite3_stmt *st = store_stmt(s, who, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    int rc = sqlite3_step(st);
    sqlite3_int64 rid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", person);
    if (rc != SQLITE_ROW || !(st = store_stmt(s, sql, err)))
        return rc != SQLITE_ROW ? store_fail(s, err, "taking a check-in back") : -1;
    sqlite3_bind_int64(st, 1, rid);
    store_bind_text(st, 2, day);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "taking a check-in back");
}

/* ?1 the event, ?2 a slot, ?3 a table, ?4 the text */
#define MEETING_JOINS \
    " FROM meetings m JOIN requests r ON r.rid = m.request_rid" \
    " JOIN events e ON e.rid = r.event_rid" \
    " JOIN slots sl ON sl.rid = m.slot_rid" \
    " LEFT JOIN locations lo ON lo.rid = m.location_rid" PARTIES
#define MEETING_WHERE \
    MEETING_JOINS " WHERE e.id = ?1 AND (?2 IS NULL OR sl.id = ?2) AND (?3 IS NULL OR lo.id = ?3)" \
    " AND" PARTY_MATCH("4")
/* tables in the order they were set up (Table 2 before Table 10), as the
 * event lists them */
#define MEETING_ORDER " ORDER BY sl.starts_at, sl.seq, lo.rid, m.id"

/* sql (MEETING_WHERE's) with q's filters bound, or NULL. */
static sqlite3_stmt *meeting_stmt(struct store *s, const char *sql,
                                  const struct store_web_meeting_query *q, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (st) {
        store_bind_text(st, 1, q->event);
        store_bind_text(st, 2, q->slot);
        store_bind_text(st, 3, q->location);
        store_bind_text(st, 4, q->q);
    }
    return st;
}

/* One short key (a country, an hour, a three-digit CPV group: the schema
 * holds each to 2 or 3 characters) and how many meetings have it. */
struct mc_key {
    char key[8];
    long long n;
};

/* An organisation's three-digit CPV group, and whether it offers or needs
 * something in it; sorted by organisation, then group. */
struct mc_group {
    long long org;
    char g[4];
    bool offer, need;
};

/* A row of the register by rowid, and what it stands for here: an
 * organisation's country (its index in countries), a person's organisation
 * (its index in orgs, -1 for none), a slot's hour (its index in hours). */
struct mc_ref {
    long long rid;
    int i;
};

enum mc_table { MC_ORGS, MC_PEOPLE, MC_SLOTS };

struct mc {
    struct mc_group *groups;
    int groups_n, groups_cap;
    struct mc_ref *refs[3];   /* by enum mc_table, each sorted by rowid */
    int refs_n[3], refs_cap[3];
    struct mc_key *countries, *hours, *cpv;   /* each few: looked up one by one */
    int countries_n, countries_cap, hours_n, hours_cap, cpv_n, cpv_cap;
    int *pairs;   /* each meeting's two countries' indexes in countries */
    int pairs_n, pairs_cap;
};

/* key's index in *v (added, count 0, when it has none), or -1 when out of memory. */
static int mc_key_of(struct mc_key **v, int *n, int *cap, const char *key)
{
    for (int i = 0; i < *n; i++)
        if (strcmp((*v)[i].key, key) == 0)
            return i;
    if (df_grow((void **)v, cap, *n, sizeof **v) < 0)
        return -1;
    (*v)[*n] = (struct mc_key){0};
    snprintf((*v)[*n].key, sizeof (*v)[*n].key, "%s", key);
    return (*n)++;
}

/* The first of org's groups in m->groups (its index), or m->groups_n when it has none. */
static int mc_groups_of(const struct mc *m, long long org)
{
    int lo = 0, hi = m->groups_n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (m->groups[mid].org < org)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The lowest group one of organisations a and b offers and the other needs,
 * into g ("" for none): both lists are sorted by group, walked once. */
static void mc_common_group(const struct mc *m, long long a, long long b, char g[4])
{
    int i = mc_groups_of(m, a), j = mc_groups_of(m, b);
    g[0] = '\0';
    while (i < m->groups_n && m->groups[i].org == a && j < m->groups_n && m->groups[j].org == b) {
        const struct mc_group *x = &m->groups[i], *y = &m->groups[j];
        int c = strcmp(x->g, y->g);
        if (c == 0 && ((x->offer && y->need) || (x->need && y->offer))) {
            memcpy(g, x->g, 4);
            return;
        }
        i += c <= 0;
        j += c >= 0;
    }
}

/* Groups most first, then by code. */
static int mc_by_count_then_key(const void *p, const void *q)
{
    const struct mc_key *x = p, *y = q;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int mc_by_key(const void *p, const void *q)
{
    return strcmp(((const struct mc_key *)p)->key, ((const struct mc_key *)q)->key);
}

struct mc_pair {
    const char *a, *b;
    long long n;
};

/* Pairs most first, then by their countries. */
static int mc_by_pair(const void *p, const void *q)
{
    const struct mc_pair *x = p, *y = q;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    int c = strcmp(x->a, y->a);
    return c ? c : strcmp(x->b, y->b);
}

/* The index of rid's row in table t, or -1. */
static int mc_find(const struct mc *m, enum mc_table t, long long rid)
{
    int lo = 0, hi = m->refs_n[t];
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (m->refs[t][mid].rid < rid)
            lo = mid + 1;
        else if (m->refs[t][mid].rid > rid)
            hi = mid;
        else
            return mid;
    }
    return -1;
}

static int mc_oom(struct df_err *err)
{
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory counting the meetings");
}

/* Every row of table t (rowid, then what it stands for) into m->refs[t]. */
static int mc_refs_read(struct store *s, struct mc *m, enum mc_table t, struct df_err *err)
{
    static const char *const sql[] = {
        [MC_ORGS] = "SELECT rid, country FROM organisations ORDER BY rid",
        [MC_PEOPLE] = "SELECT rid, org_rid FROM people ORDER BY rid",
        [MC_SLOTS] = "SELECT rid, substr(starts_at, 12, 2) FROM slots ORDER BY rid",
    };
    sqlite3_stmt *st = store_stmt(s, sql[t], err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = store_col(st, 1);
        int i = t == MC_PEOPLE ? mc_find(m, MC_ORGS, sqlite3_column_int64(st, 1))
                : t == MC_ORGS ? mc_key_of(&m->countries, &m->countries_n, &m->countries_cap,
                                           text ? text : "")
                               : mc_key_of(&m->hours, &m->hours_n, &m->hours_cap, text ? text : "");
        if ((t != MC_PEOPLE && i < 0) ||
            df_grow((void **)&m->refs[t], &m->refs_cap[t], m->refs_n[t], sizeof *m->refs[t]) < 0)
            stop = mc_oom(err);
        else
            m->refs[t][m->refs_n[t]++] = (struct mc_ref){sqlite3_column_int64(st, 0), i};
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the forum's register");
    sqlite3_reset(st);
    return stop ? -1 : 0;
}

/* The organisations' CPV groups, the register, then the event's meetings,
 * each meeting counted by its pair of countries, its hour and its group
 * (those of MEETING_JOINS: a meeting whose person, organisation or slot is
 * not there counts nowhere). */
static int mc_read(struct store *s, const char *event, struct mc *m, struct df_err *err)
{
    static const char groups_sql[] =
        "SELECT org_rid, substr(cpv, 1, 3), max(direction = 'offer'), max(direction = 'need')"
        " FROM capabilities GROUP BY org_rid, substr(cpv, 1, 3) ORDER BY org_rid, 2";
    static const char meetings_sql[] =
        "SELECT r.from_rid, r.to_rid, m.slot_rid FROM meetings m"
        " JOIN requests r ON r.rid = m.request_rid JOIN events e ON e.rid = r.event_rid"
        " WHERE e.id = ?1";
    sqlite3_stmt *st = store_stmt(s, groups_sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (df_grow((void **)&m->groups, &m->groups_cap, m->groups_n, sizeof *m->groups) < 0) {
            stop = mc_oom(err);
            break;
        }
        struct mc_group *g = &m->groups[m->groups_n++];
        *g = (struct mc_group){.org = sqlite3_column_int64(st, 0),
                               .offer = sqlite3_column_int(st, 2) != 0,
                               .need = sqlite3_column_int(st, 3) != 0};
        snprintf(g->g, sizeof g->g, "%s", store_col(st, 1) ? store_col(st, 1) : "");
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the organisations' CPV groups");
    sqlite3_reset(st);
    for (enum mc_table t = MC_ORGS; !stop && t <= MC_SLOTS; t++)
        stop = mc_refs_read(s, m, t, err);
    if (stop || !(st = store_stmt(s, meetings_sql, err)))
        return -1;
    store_bind_text(st, 1, event);
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int pa = mc_find(m, MC_PEOPLE, sqlite3_column_int64(st, 0)),
            pb = mc_find(m, MC_PEOPLE, sqlite3_column_int64(st, 1)),
            sl = mc_find(m, MC_SLOTS, sqlite3_column_int64(st, 2));
        int oa = pa < 0 ? -1 : m->refs[MC_PEOPLE][pa].i, ob = pb < 0 ? -1 : m->refs[MC_PEOPLE][pb].i;
        if (oa < 0 || ob < 0 || sl < 0)
            continue;
        char g[4];
        mc_common_group(m, m->refs[MC_ORGS][oa].rid, m->refs[MC_ORGS][ob].rid, g);
        int ig = mc_key_of(&m->cpv, &m->cpv_n, &m->cpv_cap, g);
        if (ig < 0 ||
            df_grow((void **)&m->pairs, &m->pairs_cap, m->pairs_n + 1, sizeof *m->pairs) < 0) {
            stop = mc_oom(err);
            break;
        }
        m->pairs[m->pairs_n++] = m->refs[MC_ORGS][oa].i;
        m->pairs[m->pairs_n++] = m->refs[MC_ORGS][ob].i;
        m->hours[m->refs[MC_SLOTS][sl].i].n++;
        m->cpv[ig].n++;
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "counting the event's meetings");
    sqlite3_reset(st);
    return stop ? -1 : 0;
}

/* The figures fn gets, in their order: the pairs, the hours, the groups. */
static int mc_give(struct store *s, struct mc *m, store_web_count_fn fn, void *ud,
                   struct df_err *err)
{
    int nc = m->countries_n, stop = 0;
    /* one cell per ordered pair of countries: a forum's 20-40 countries */
    struct mc_pair *pairs = calloc((size_t)nc * (size_t)nc + 1, sizeof *pairs);
    if (!pairs)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory counting the meetings");
    for (int i = 0; i < m->pairs_n; i += 2)
        pairs[m->pairs[i] * nc + m->pairs[i + 1]].n++;
    int n = 0;
    for (int i = 0; i < nc * nc; i++)
        if (pairs[i].n)
            pairs[n++] = (struct mc_pair){m->countries[i / nc].key, m->countries[i % nc].key,
                                          pairs[i].n};
    if (n > 1)
        qsort(pairs, (size_t)n, sizeof *pairs, mc_by_pair);
    for (int i = 0; !stop && i < n; i++)
        stop = fn(ud, &(struct store_web_count){.kind = STORE_WEB_PAIR, .a = pairs[i].a,
                                                .b = pairs[i].b, .n = pairs[i].n});
    free(pairs);
    if (m->hours_n > 1)
        qsort(m->hours, (size_t)m->hours_n, sizeof *m->hours, mc_by_key);
    for (int i = 0; !stop && i < m->hours_n; i++)   /* the hours of slots with a meeting */
        if (m->hours[i].n)
            stop = fn(ud, &(struct store_web_count){.kind = STORE_WEB_HOUR, .a = m->hours[i].key,
                                                    .n = m->hours[i].n});
    if (m->cpv_n > 1)
        qsort(m->cpv, (size_t)m->cpv_n, sizeof *m->cpv, mc_by_count_then_key);
    /* a group's labels are its first code's (codes are digits: g || ':' is past the group's) */
    static const char label_sql[] =
        "SELECT label_en, label_uk FROM cpv WHERE code >= ?1 AND code < ?1 || ':'"
        " ORDER BY code LIMIT 1";
    for (int i = 0; !stop && i < m->cpv_n; i++) {
        struct store_web_count c = {.kind = STORE_WEB_CPV, .a = m->cpv[i].key, .n = m->cpv[i].n};
        sqlite3_stmt *st = NULL;
        if (c.a[0]) {
            if (!(st = store_stmt(s, label_sql, err)))
                return -1;
            store_bind_text(st, 1, c.a);
            int rc = sqlite3_step(st);
            if (rc == SQLITE_ROW) {
                c.label_en = store_col(st, 0);
                c.label_uk = store_col(st, 1);
            } else if (rc != SQLITE_DONE) {
                sqlite3_reset(st);
                return store_fail(s, err, "reading a CPV group's label");
            }
        }
        stop = fn(ud, &c);
        if (st)
            sqlite3_reset(st);
    }
    return stop;
}

/* The three figures from one pass over the event's meetings, grouped here:
 * by their organisations' countries (most first, then by the countries),
 * by the hour their slot starts (in order), and by the meetings page's
 * capability column, grouped: the lowest three-digit CPV group one side
 * offers and the other needs, "" for none (most first, then by group),
 * with the group's labels (its first code's; none for "" and for a group
 * the classifier lacks). Counted in SQL with a correlated look-up per
 * meeting this cost 90-100 ms of CPU at 10,000 people; each table read once
 * and joined here by rowid, 25-30. */
static int meeting_counts_in(struct store *s, const char *event, store_web_count_fn fn,
                             void *ud, struct df_err *err)
{
    struct mc m = {0};
    int rc = mc_read(s, event, &m, err);
    if (rc == 0)
        rc = mc_give(s, &m, fn, ud, err);
    for (int t = 0; t < 3; t++)
        free(m.refs[t]);
    free(m.groups);
    free(m.countries);
    free(m.hours);
    free(m.cpv);
    free(m.pairs);
    return rc;
}

int store_web_meeting_counts(struct store *s, const char *event, store_web_count_fn fn,
                             void *ud, struct df_err *err)
{
    IN_ONE_READ(s, err, meeting_counts_in(s, event, fn, ud, err));
}

static int web_meeting_page_in(struct store *s, const struct store_web_meeting_query *q,
                           store_web_meeting_fn fn, void *ud, int64_t *total,
                           struct df_err *err)
{
    static const char count_sql[] = PARTY_FOUND("4") "SELECT count(*)" MEETING_WHERE;
    /* The capability column: the lowest code of an offer of one side in the same
     * three-digit CPV group as a need of the other; made for the page's rows
     * only (picked first), as it costs a join of two organisations' lists. */
    static const char sql[] =
        PARTY_FOUND("4")
        "SELECT m.id, r.id, sl.id, sl.starts_at, sl.ends_at, lo.id, lo.name,"
        " fa.id, fa.name, oa.id, oa.name, oa.country,"
        " fb.id, fb.name, ob.id, ob.name, ob.country,"
        " (SELECT min(ca.cpv) FROM capabilities ca JOIN capabilities cb"
        "   ON substr(ca.cpv, 1, 3) = substr(cb.cpv, 1, 3) AND ca.direction <> cb.direction"
        "   WHERE ca.org_rid = oa.rid AND cb.org_rid = ob.rid) AS cpv,"
        " i.name || ' (' || i.lang_a || '-' || i.lang_b || ')', oa.name_uk, ob.name_uk,"
        " m.location_rid IS NULL AND m.video_room IS NOT NULL"
        MEETING_JOINS
        " LEFT JOIN interpreters i ON i.rid = m.interpreter_rid"
        " WHERE m.rid IN (SELECT m.rid" MEETING_WHERE MEETING_ORDER " LIMIT ?5 OFFSET ?6)"
        MEETING_ORDER;
    static const char label_sql[] =
        "SELECT label_en, label_uk FROM cpv WHERE code >= ?1 AND code < ?2 ORDER BY code LIMIT 1";
    int64_t *n[] = {total};
    sqlite3_stmt *st;
    if (total && (!(st = meeting_stmt(s, count_sql, q, err)) ||
                  count_rows(s, st, n, 1, err, "counting meetings") < 0))
        return -1;
    if (!(st = meeting_stmt(s, sql, q, err)))
        return -1;
    sqlite3_bind_int(st, 5, q->limit);
    sqlite3_bind_int(st, 6, q->offset > 0 ? q->offset : 0);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_web_meeting m = {
            .id = store_col(st, 0), .request = store_col(st, 1), .slot = store_col(st, 2),
            .starts_at = store_col(st, 3), .ends_at = store_col(st, 4),
            .location = store_col(st, 5), .location_name = store_col(st, 6),
            .a = {store_col(st, 7), store_col(st, 8), store_col(st, 9), store_col(st, 10),
                  store_col(st, 11), store_col(st, 19)},
            .b = {store_col(st, 12), store_col(st, 13), store_col(st, 14), store_col(st, 15),
                  store_col(st, 16), store_col(st, 20)},
            .cpv = store_col(st, 17), .interpreter = store_col(st, 18),
            .online = sqlite3_column_int(st, 21) != 0};
        /* The group's own label: the code "DDD00000-c" (its check digit unknown here). */
        sqlite3_stmt *ls = NULL;
        char lo[11], hi[11];
        if (m.cpv && strlen(m.cpv) >= 3 && (ls = store_stmt(s, label_sql, err))) {
            memcpy(lo, m.cpv, 3);
            memcpy(lo + 3, "00000-0", 8);
            memcpy(hi, m.cpv, 3);
            memcpy(hi + 3, "00000-:", 8);
            store_bind_text(ls, 1, lo);
            store_bind_text(ls, 2, hi);
            if (sqlite3_step(ls) == SQLITE_ROW) {
                m.cpv_label_en = store_col(ls, 0);
                m.cpv_label_uk = store_col(ls, 1);
            }
        }
        stop = fn(ud, &m);
        if (ls)
            sqlite3_reset(ls);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing meetings");
    sqlite3_reset(st);
    return stop;
}

int store_web_meeting_page(struct store *s, const struct store_web_meeting_query *q,
                           store_web_meeting_fn fn, void *ud, int64_t *total,
                           struct df_err *err)
{
    IN_ONE_READ(s, err, web_meeting_page_in(s, q, fn, ud, total, err));
}

/* ?1 a party, ?2 the event, ?3 the status, ?4 unscheduled only, ?5 the text,
 * ?8 the requests ?1 attends too. A party's requests through the two
 * indexes by person, not a scan; those she attends through the attendees'. */
#define REQUEST_WHERE \
    " FROM requests r JOIN events e ON e.rid = r.event_rid" PARTIES \
    " WHERE (?1 IS NULL OR r.rid IN (" \
    "   SELECT rid FROM requests WHERE from_rid = (SELECT rid FROM people WHERE id = ?1)" \
    "   UNION ALL" \
    "   SELECT rid FROM requests WHERE to_rid = (SELECT rid FROM people WHERE id = ?1)" \
    "   UNION ALL" \
    "   SELECT request_rid FROM request_attendees WHERE ?8" \
    "    AND person_rid = (SELECT rid FROM people WHERE id = ?1)))" \
    " AND (?2 IS NULL OR e.id = ?2) AND (?3 IS NULL OR r.status = ?3)" \
    " AND (?4 = 0 OR NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_rid = r.rid))" \
    " AND" PARTY_MATCH("5")

/* sql (REQUEST_WHERE's) with q's filters bound, or NULL. */
static sqlite3_stmt *request_stmt(struct store *s, const char *sql,
                                  const struct store_web_request_query *q, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (st) {
        store_bind_text(st, 1, q->person);
        store_bind_text(st, 2, q->event);
        store_bind_text(st, 3, q->status);
        sqlite3_bind_int(st, 4, q->unscheduled);
        store_bind_text(st, 5, q->q);
        sqlite3_bind_int(st, 8, q->attending);
    }
    return st;
}

static int web_request_page_in(struct store *s, const struct store_web_request_query *q,
                           store_web_request_fn fn, void *ud, int64_t *total,
                           struct df_err *err)
{
    static const char count_sql[] = PARTY_FOUND("5") "SELECT count(*)" REQUEST_WHERE;
    static const char sql[] =
        PARTY_FOUND("5")
        "SELECT r.id, e.id, fa.id, fb.id, r.status, r.message, r.created_at, r.priority,"
        " fa.name, oa.id, oa.name, oa.country, oa.name_uk,"
        " fb.name, ob.id, ob.name, ob.country, ob.name_uk,"
        " (SELECT u.reason FROM unscheduled_reasons u WHERE u.request_rid = r.rid),"
        " r.cancelled_by, (SELECT ps.id FROM slots ps WHERE ps.rid = r.proposed_slot_rid),"
        " r.introduced,"
        " (SELECT u.code FROM unscheduled_reasons u WHERE u.request_rid = r.rid),"
        " (SELECT u.vals FROM unscheduled_reasons u WHERE u.request_rid = r.rid),"
        " " STORE_ATTENDEES_JSON("r")
        REQUEST_WHERE " ORDER BY r.rid LIMIT ?6 OFFSET ?7";
    int64_t *n[] = {total};
    sqlite3_stmt *st;
    if (total && (!(st = request_stmt(s, count_sql, q, err)) ||
                  count_rows(s, st, n, 1, err, "counting requests") < 0))
        return -1;
    if (!(st = request_stmt(s, sql, q, err)))
        return -1;
    sqlite3_bind_int(st, 6, q->limit);
    sqlite3_bind_int(st, 7, q->offset > 0 ? q->offset : 0);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_web_request w = {
            .r = {.id = store_col(st, 0), .event = store_col(st, 1), .from = store_col(st, 2),
                  .to = store_col(st, 3), .status = store_col(st, 4),
                  .message = store_col(st, 5), .created_at = store_col(st, 6),
                  .priority = sqlite3_column_int(st, 7), .cancelled_by = store_col(st, 19),
                  .proposed_slot = store_col(st, 20),
                  .introduced = sqlite3_column_int(st, 21) != 0},
            .from = {store_col(st, 2), store_col(st, 8), store_col(st, 9), store_col(st, 10),
                     store_col(st, 11), store_col(st, 12)},
            .to = {store_col(st, 3), store_col(st, 13), store_col(st, 14), store_col(st, 15),
                   store_col(st, 16), store_col(st, 17)},
            .unscheduled_reason = store_col(st, 18),
            .unscheduled_code = store_col(st, 22),
            .unscheduled_values = store_col(st, 23),
            .attendees_json = store_col(st, 24)};
        stop = fn(ud, &w);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing requests");
    sqlite3_reset(st);
    return stop;
}

int store_web_request_page(struct store *s, const struct store_web_request_query *q,
                           store_web_request_fn fn, void *ud, int64_t *total,
                           struct df_err *err)
{
    IN_ONE_READ(s, err, web_request_page_in(s, q, fn, ud, total, err));
}
