/* Projects, project members and the FTS5 profile-text index (projects.h). */
#include "store/projects.h"

#include "store/store_internal.h"

static const char project_rid_sql[] = "SELECT rid FROM projects WHERE id = ?";
static const char org_rid_sql[] = "SELECT rid FROM organisations WHERE id = ?";

int store_project_upsert(struct store *s, const struct store_project *p, int *added,
                         struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO projects(id, acronym, title, objective, programme, start_date, end_date)"
        " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET acronym=excluded.acronym,"
        " title=excluded.title, objective=excluded.objective, programme=excluded.programme,"
        " start_date=excluded.start_date, end_date=excluded.end_date";
    sqlite3_int64 rid = store_rid(s, project_rid_sql, p->id, err);
    if (rid < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, p->id);
    store_bind_text(st, 2, p->acronym);
    store_bind_text(st, 3, p->title ? p->title : "");
    store_bind_text(st, 4, p->objective);
    store_bind_text(st, 5, p->programme);
    store_bind_text(st, 6, p->start_date);
    store_bind_text(st, 7, p->end_date);
    if (store_step_done(s, st, err, "saving a project") < 0)
        return -1;
    if (added)
        *added = rid == 0;
    return 0;
}

int store_project_member_upsert(struct store *s, const char *project, const char *org,
                                const char *role, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO project_members(project_rid, org_rid, role) VALUES (?,?,coalesce(?,'participant'))"
        " ON CONFLICT(project_rid, org_rid) DO UPDATE SET role=excluded.role";
    sqlite3_int64 prid = store_rid(s, project_rid_sql, project, err);
    if (prid < 0)
        return -1;
    if (prid == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "project \"%.128s\" does not exist", project);
    sqlite3_int64 orid = store_rid(s, org_rid_sql, org, err);
    if (orid < 0)
        return -1;
    if (orid == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "organisation \"%.128s\" does not exist", org);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, prid);
    sqlite3_bind_int64(st, 2, orid);
    store_bind_text(st, 3, role);
    return store_step_done(s, st, err, "saving a project member");
}

int store_project_each(struct store *s, store_project_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT id, acronym, title, objective, programme, start_date, end_date FROM projects"
        " ORDER BY start_date, id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_project p = {
            .id = store_col(st, 0), .acronym = store_col(st, 1), .title = store_col(st, 2),
            .objective = store_col(st, 3), .programme = store_col(st, 4),
            .start_date = store_col(st, 5), .end_date = store_col(st, 6),
        };
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing projects");
    sqlite3_reset(st);
    return stop;
}

int store_project_member_each(struct store *s, const char *project, store_project_member_fn fn,
                              void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, o.id, m.role FROM project_members m"
        " JOIN projects p ON p.rid = m.project_rid JOIN organisations o ON o.rid = m.org_rid"
        " WHERE ?1 IS NULL OR p.id = ?1 ORDER BY p.id, o.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, project);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_project_member m = {
            .project = store_col(st, 0), .org = store_col(st, 1), .role = store_col(st, 2),
        };
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing project members");
    sqlite3_reset(st);
    return stop;
}

int64_t store_project_count(struct store *s, struct df_err *err)
{
    static const char sql[] = "SELECT count(*) FROM projects";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        store_fail(s, err, "counting projects");
    sqlite3_reset(st);
    return n;
}

/* ---- FTS5 ---------------------------------------------------------------- */

int store_textindex_reset(struct store *s, struct df_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.profile_text"
                     " USING fts5(key UNINDEXED, body);"
                     "DELETE FROM temp.profile_text;",
                     NULL, NULL, &msg) != SQLITE_OK) {
        df_err_set(err, DF_ERR_RUNTIME, "creating the text index: %s", msg ? msg : "?");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_textindex_add(struct store *s, const char *key, const char *text, struct df_err *err)
{
    static const char sql[] = "INSERT INTO temp.profile_text(key, body) VALUES (?, ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, key);
    store_bind_text(st, 2, text ? text : "");
    return store_step_done(s, st, err, "indexing a text");
}

int store_textindex_query(struct store *s, const char *match, int limit, store_textindex_fn fn,
                          void *ud, struct df_err *err)
{
    static const char sql[] =
        "SELECT key, bm25(profile_text) AS r FROM temp.profile_text WHERE profile_text MATCH ?"
        " ORDER BY r LIMIT ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, match);
    sqlite3_bind_int(st, 2, limit);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), sqlite3_column_double(st, 1));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "searching the text index");
    sqlite3_reset(st);
    return stop;
}
