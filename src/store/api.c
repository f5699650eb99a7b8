/* Queries for the HTTP API and the request workflow (see api.h). */
#include "store/api.h"

#include <string.h>

#include "store/store_internal.h"

static int64_t count(struct store *s, sqlite3_stmt *st, struct df_err *err, const char *doing)
{
    int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        store_fail(s, err, doing);
    sqlite3_reset(st);
    return n;
}

int64_t store_api_open_sent(struct store *s, const char *event, const char *person,
                            struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM requests r WHERE r.status = 'pending'"
        " AND +r.event_rid = (SELECT rid FROM events WHERE id = ?1)"   /* + : by requester */
        " AND r.from_rid = (SELECT rid FROM people WHERE id = ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, person);
    return count(s, st, err, "counting open requests");
}

int store_api_pair_open(struct store *s, const char *event, const char *a, const char *b,
                        struct arena *ar, const char **id, const char **status,
                        struct df_err *err)
{
    /* one at most: a second open request between them is refused */
    static const char sql[] =
        "SELECT r.id, r.status FROM requests r WHERE r.status IN ('pending','accepted')"
        " AND +r.event_rid = (SELECT rid FROM events WHERE id = ?1)"   /* + : by the pair */
        " AND ((r.from_rid = (SELECT rid FROM people WHERE id = ?2)"
        "       AND r.to_rid = (SELECT rid FROM people WHERE id = ?3))"
        "   OR (r.from_rid = (SELECT rid FROM people WHERE id = ?3)"
        "       AND r.to_rid = (SELECT rid FROM people WHERE id = ?2)))"
        " ORDER BY r.status = 'accepted' DESC, r.id LIMIT 1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, a);
    store_bind_text(st, 3, b);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        rc = 1;
        if (id && !(*id = arena_strdup(ar, store_col(st, 0))))
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a request");
        if (status && rc > 0 && !(*status = arena_strdup(ar, store_col(st, 1))))
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a request");
    } else {
        rc = rc == SQLITE_DONE ? 0 : store_fail(s, err, "looking for an open request");
    }
    sqlite3_reset(st);
    return rc;
}

int store_api_pair_is_open(struct store *s, const char *event, const char *a, const char *b,
                           struct df_err *err)
{
    return store_api_pair_open(s, event, a, b, NULL, NULL, NULL, err);
}

/* instr() rather than LIKE: the user's text is matched literally, so % and _
 * are not wildcards; dfnc_fold() folds case in Cyrillic too (store.c).
 * ?1 the text, ?2 the country, ?3 the kind */
#define ORG_WHERE \
    " FROM organisations" \
    " WHERE (?1 IS NULL OR instr(dfnc_fold(name), dfnc_fold(?1)) > 0" \
    "        OR instr(dfnc_fold(coalesce(name_uk,'')), dfnc_fold(?1)) > 0" \
    "        OR instr(dfnc_fold(coalesce(description,'')), dfnc_fold(?1)) > 0" \
    "        OR instr(dfnc_fold(coalesce(description_uk,'')), dfnc_fold(?1)) > 0)" \
    " AND (?2 IS NULL OR country = ?2) AND (?3 IS NULL OR kind = ?3)"

/* sql (ORG_WHERE's) with q's filters bound, or NULL. */
static sqlite3_stmt *org_stmt(struct store *s, const char *sql, const struct store_org_query *q,
                              struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (st) {
        store_bind_text(st, 1, q->q);
        store_bind_text(st, 2, q->country);
        store_bind_text(st, 3, q->kind);
    }
    return st;
}

static int org_search_in(struct store *s, const struct store_org_query *q, store_org_fn fn,
                         void *ud, int64_t *total, struct df_err *err)
{
    static const char count_sql[] = "SELECT count(*)" ORG_WHERE;
    static const char sql[] =
        "SELECT id, name, name_uk, country, kind, sme, city, website, description,"
        " description_uk" ORG_WHERE " ORDER BY id LIMIT ?4 OFFSET ?5";
    sqlite3_stmt *st;
    if (total && (!(st = org_stmt(s, count_sql, q, err)) ||
                  (*total = count(s, st, err, "counting organisations")) < 0))
        return -1;
    if (!(st = org_stmt(s, sql, q, err)))
        return -1;
    sqlite3_bind_int(st, 4, q->limit);
    sqlite3_bind_int(st, 5, q->offset > 0 ? q->offset : 0);
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

int store_api_org_search(struct store *s, const struct store_org_query *q, store_org_fn fn,
                         void *ud, int64_t *total, struct df_err *err)
{
    IN_ONE_READ(s, err, org_search_in(s, q, fn, ud, total, err));
}

int store_api_person_each_in_org(struct store *s, const char *org, store_person_fn fn,
                                 void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, o.id, p.name, p.email, p.title, p.languages, p.booth,"
        " (SELECT max(at) FROM arrivals WHERE person_rid = p.rid),"
        " p.attendance FROM people p JOIN organisations o ON o.rid = p.org_rid"
        " WHERE o.id = ? AND p.erased_at IS NULL ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, org);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_person p = {
            .id = store_col(st, 0), .org = store_col(st, 1), .name = store_col(st, 2),
            .email = store_col(st, 3), .title = store_col(st, 4), .languages = store_col(st, 5),
            .booth = store_col(st, 6), .checked_in_at = store_col(st, 7),
            .attendance = store_col(st, 8),
        };
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing an organisation's people");
    sqlite3_reset(st);
    return stop;
}

int store_api_capability_clear(struct store *s, const char *org, struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM capabilities WHERE org_rid = (SELECT rid FROM organisations WHERE id = ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, org);
    return store_step_done(s, st, err, "clearing capabilities");
}

/* The single integer sql answers (a statement kept by the store), or -1. */
static int64_t one_integer(struct store *s, const char *sql)
{
    sqlite3_stmt *st = store_stmt(s, sql, NULL);
    if (!st)
        return -1;
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return v;
}

int64_t store_api_data_version(struct store *s)
{
    return one_integer(s, "PRAGMA data_version");
}

int64_t store_api_match_generation(struct store *s)
{
    return one_integer(s, "SELECT n FROM match_generation");
}

int64_t store_api_procure_generation(struct store *s)
{
    return one_integer(s, "SELECT n FROM procure_generation");
}

int store_api_agenda_generation(struct store *s, int64_t *n)
{
    *n = one_integer(s, "SELECT n FROM agenda_generation");
    return *n < 0 ? -1 : sqlite3_get_autocommit(s->db) ? 0 : 1;
}

int64_t store_api_outcome_generation(struct store *s)
{
    return one_integer(s, "SELECT n FROM outcome_generation");
}
