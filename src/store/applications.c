/* Applications to take part and whether the forum takes them
 * (store/applications.h). */
#include "store/applications.h"

#include "store/store_internal.h"

int store_applications_open_get(struct store *s, struct df_err *err)
{
    static const char sql[] = "SELECT open FROM applications_config WHERE one = 1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc = sqlite3_step(st), open = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "reading whether the forum takes applications");
    return open;
}

int store_applications_open_set(struct store *s, bool open, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO applications_config(one, open) VALUES (1, ?1) ON CONFLICT(one) DO UPDATE"
        " SET open = excluded.open, set_at = excluded.set_at";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, open);
    return store_step_done(s, st, err, "keeping whether the forum takes applications");
}

int store_application_add(struct store *s, const struct store_application *ap, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO applications(id, name, email, title, languages, org, org_name, org_country,"
        " org_kind, org_sme, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    const char *text[] = {ap->id, ap->name, ap->email, ap->title, ap->languages, ap->org,
                          ap->org_name, ap->org_country, ap->org_kind};
    for (int i = 0; i < (int)(sizeof text / sizeof text[0]); i++)
        store_bind_text(st, i + 1, text[i]);
    sqlite3_bind_int(st, 10, ap->org_sme != 0);
    store_bind_text(st, 11, ap->message);
    int rc = sqlite3_step(st), out = 0;
    if (rc != SQLITE_DONE && sqlite3_extended_errcode(s->db) == SQLITE_CONSTRAINT_UNIQUE)
        out = df_err_set(err, DF_ERR_CONFLICT, "an application from this address is pending");
    else if (rc != SQLITE_DONE)
        out = store_fail(s, err, "keeping an application");
    sqlite3_reset(st);
    return out;
}

int64_t store_applications_pending_n(struct store *s, const char *email, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM applications WHERE status = 'pending'"
        " AND (?1 IS NULL OR email = ?1 COLLATE NOCASE)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, email);
    int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        store_fail(s, err, "counting the pending applications");
    sqlite3_reset(st);
    return n;
}

#define APPLICATION_COLUMNS                                                                  \
    "id, created_at, status, name, email, title, languages, org, org_name, org_country,"      \
    " org_kind, org_sme, message, decided_at, decided_by, person"

/* *ap from a row of APPLICATION_COLUMNS (its strings the statement's). */
static void application_of_row(sqlite3_stmt *st, struct store_application *ap)
{
    *ap = (struct store_application){
        .id = store_col(st, 0), .created_at = store_col(st, 1), .status = store_col(st, 2),
        .name = store_col(st, 3), .email = store_col(st, 4), .title = store_col(st, 5),
        .languages = store_col(st, 6), .org = store_col(st, 7), .org_name = store_col(st, 8),
        .org_country = store_col(st, 9), .org_kind = store_col(st, 10),
        .org_sme = sqlite3_column_int(st, 11), .message = store_col(st, 12),
        .decided_at = store_col(st, 13), .decided_by = store_col(st, 14),
        .person = store_col(st, 15)};
}

int store_application_get(struct store *s, const char *id, struct arena *a,
                          struct store_application *ap, struct df_err *err)
{
    static const char sql[] = "SELECT " APPLICATION_COLUMNS " FROM applications WHERE id = ?1";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "application", err);
    if (!st)
        return -1;
    struct store_application row;
    application_of_row(st, &row);
    const char **src[] = {&row.id, &row.created_at, &row.status, &row.name, &row.email,
                          &row.title, &row.languages, &row.org, &row.org_name,
                          &row.org_country, &row.org_kind, &row.message, &row.decided_at,
                          &row.decided_by, &row.person};
    bool ok = true;
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
        if (*src[i] && !(*src[i] = arena_strdup(a, *src[i])))
            ok = false;
    sqlite3_reset(st);
    if (!ok)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading an application");
    *ap = row;
    return 0;
}

int store_application_decide(struct store *s, const char *id, const char *status, const char *by,
                             const char *person, struct df_err *err)
{
    static const char sql[] =
        "UPDATE applications SET status = ?2, decided_by = ?3, person = ?4,"
        " decided_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?1 AND status = 'pending'";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, status);
    store_bind_text(st, 3, by);
    store_bind_text(st, 4, person);
    if (store_step_done(s, st, err, "keeping an application's decision") < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}

int store_application_page(struct store *s, const char *status, int limit, int offset,
                           store_application_fn fn, void *ud, int64_t *total,
                           struct df_err *err)
{
    static const char count_sql[] =
        "SELECT count(*) FROM applications WHERE ?1 IS NULL OR status = ?1";
    static const char sql[] =
        "SELECT " APPLICATION_COLUMNS " FROM applications WHERE ?1 IS NULL OR status = ?1"
        " ORDER BY rid DESC LIMIT ?2 OFFSET ?3";
    sqlite3_stmt *st = store_stmt(s, count_sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, status);
    int rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, "counting the applications");
    if (!(st = store_stmt(s, sql, err)))
        return -1;
    store_bind_text(st, 1, status);
    sqlite3_bind_int(st, 2, limit);
    sqlite3_bind_int(st, 3, offset);
    int stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_application ap;
        application_of_row(st, &ap);
        stop = fn(ud, &ap);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the applications");
    sqlite3_reset(st);
    return stop;
}
