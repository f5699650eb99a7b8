/* Accounts in the store: logins, sessions, login failures, feed tokens and
 * organisation contacts (see auth.h). Tokens arrive here already hashed. */
#include "store/auth.h"

#include <sodium.h>
#include <string.h>

#include "store/store_internal.h"

static const char person_rid_sql[] = "SELECT rid FROM people WHERE id = ?";
static const char org_rid_sql[] = "SELECT rid FROM organisations WHERE id = ?";

void store_auth_token_hash(const char *token, unsigned char out[STORE_TOKEN_HASH_LEN])
{
    crypto_generichash(out, STORE_TOKEN_HASH_LEN, (const unsigned char *)token, strlen(token),
                       NULL, 0);
}

int store_user_add(struct store *s, const char *email, const char *password_hash,
                   const char *role, const char *person, int64_t *id, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO users(email, password_hash, role, person_rid) VALUES (?,?,?,?)";
    static const char exists_sql[] = "SELECT rid FROM users WHERE email = ?";
    sqlite3_int64 p = 0;
    if (person) {
        if ((p = store_rid(s, person_rid_sql, person, err)) < 0)
            return -1;
        if (p == 0)
            return df_err_set(err, DF_ERR_NOT_FOUND, "person \"%.128s\" does not exist", person);
    }
    sqlite3_int64 old = store_rid(s, exists_sql, email, err);
    if (old < 0)
        return -1;
    if (old > 0)
        return df_err_set(err, DF_ERR_CONFLICT, "a login for \"%s\" exists already", email);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, email);
    store_bind_text(st, 2, password_hash);
    store_bind_text(st, 3, role);
    if (p)
        sqlite3_bind_int64(st, 4, p);
    else
        sqlite3_bind_null(st, 4);
    if (store_step_done(s, st, err, "adding a login") < 0)
        return -1;
    if (id)
        *id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

int store_user_set_password_hash(struct store *s, const char *email, const char *password_hash,
                                 struct df_err *err)
{
    static const char sql[] = "UPDATE users SET password_hash = ? WHERE email = ?";
    static const char sessions_sql[] =
        "DELETE FROM user_sessions WHERE user_rid = (SELECT rid FROM users WHERE email = ?)";
    static const char devices_sql[] =
        "DELETE FROM device_tokens WHERE user_rid = (SELECT rid FROM users WHERE email = ?)";
    /* a password set by hand voids a pending invitation, whose link would
     * set another one */
    static const char invitation_sql[] =
        "DELETE FROM invitations WHERE user_rid = (SELECT rid FROM users WHERE email = ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, password_hash);
    store_bind_text(st, 2, email);
    if (store_step_done(s, st, err, "setting a password") < 0)
        return -1;
    if (sqlite3_changes(s->db) == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no login for \"%.128s\"", email);
    if (!(st = store_stmt(s, sessions_sql, err)))
        return -1;
    store_bind_text(st, 1, email);
    if (store_step_done(s, st, err, "ending a login's sessions") < 0)
        return -1;
    if (!(st = store_stmt(s, devices_sql, err)))
        return -1;
    store_bind_text(st, 1, email);
    if (store_step_done(s, st, err, "revoking a login's device cookies") < 0)
        return -1;
    if (!(st = store_stmt(s, invitation_sql, err)))
        return -1;
    store_bind_text(st, 1, email);
    return store_step_done(s, st, err, "voiding a login's invitation");
}

#define USER_COLUMNS "u.rid, u.email, u.role, u.password_hash, p.id, o.id"
#define USER_JOINS \
    " LEFT JOIN people p ON p.rid = u.person_rid LEFT JOIN organisations o ON o.rid = p.org_rid"

static void user_from_row(sqlite3_stmt *st, struct arena *a, struct store_user *u)
{
    memset(u, 0, sizeof *u);
    u->id = sqlite3_column_int64(st, 0);
    u->email = arena_strdup(a, store_col(st, 1));
    u->role = arena_strdup(a, store_col(st, 2));
    u->password_hash = arena_strdup(a, store_col(st, 3));
    u->person = arena_strdup(a, store_col(st, 4));
    u->org = arena_strdup(a, store_col(st, 5));
}

int store_user_by_email(struct store *s, const char *email, struct arena *a,
                        struct store_user *u, struct df_err *err)
{
    static const char sql[] = "SELECT " USER_COLUMNS " FROM users u" USER_JOINS " WHERE u.email = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, email);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW)
        user_from_row(st, a, u);
    else if (rc == SQLITE_DONE)
        result = df_err_set(err, DF_ERR_NOT_FOUND, "no login for that email");
    else
        result = store_fail(s, err, "reading a login");
    sqlite3_reset(st);
    return result;
}

int store_auth_session_create(struct store *s, int64_t user,
                              const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *csrf,
                              int64_t now, int64_t expires_at, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO user_sessions(token_hash, user_rid, csrf, created_at, expires_at)"
        " VALUES (?,?,?,?,?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, user);
    store_bind_text(st, 3, csrf);
    sqlite3_bind_int64(st, 4, now);
    sqlite3_bind_int64(st, 5, expires_at);
    return store_step_done(s, st, err, "creating a session");
}

int store_auth_session_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                            int64_t now, struct arena *a, struct store_user *u,
                            struct df_err *err)
{
    static const char sql[] =
        "SELECT " USER_COLUMNS ", us.csrf, us.expires_at FROM user_sessions us"
        " JOIN users u ON u.rid = us.user_rid" USER_JOINS
        " WHERE us.token_hash = ?1 AND us.expires_at > ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW) {
        user_from_row(st, a, u);
        u->csrf = arena_strdup(a, store_col(st, 6));
        u->expires_at = sqlite3_column_int64(st, 7);
    } else if (rc == SQLITE_DONE) {
        result = df_err_set(err, DF_ERR_NOT_FOUND, "no live session");
    } else {
        result = store_fail(s, err, "reading a session");
    }
    sqlite3_reset(st);
    return result;
}

int store_auth_session_delete(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                              struct df_err *err)
{
    static const char sql[] = "DELETE FROM user_sessions WHERE token_hash = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "ending a session");
}

int store_device_create(struct store *s, int64_t user,
                        const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                        int64_t expires_at, int keep, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO device_tokens(token_hash, user_rid, created_at, expires_at) VALUES (?,?,?,?)";
    /* A login's browsers are few; one signing in from a script must not grow
     * the table without bound: only its `keep` newest tokens stay. */
    static const char trim_sql[] =
        "DELETE FROM device_tokens WHERE user_rid = ?1 AND rid NOT IN"
        " (SELECT rid FROM device_tokens WHERE user_rid = ?1"
        "  ORDER BY created_at DESC, rid DESC LIMIT ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, user);
    sqlite3_bind_int64(st, 3, now);
    sqlite3_bind_int64(st, 4, expires_at);
    if (store_step_done(s, st, err, "creating a device cookie") < 0)
        return -1;
    if (!(st = store_stmt(s, trim_sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_int64(st, 2, keep);
    return store_step_done(s, st, err, "trimming a login's device cookies");
}

int64_t store_device_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                          const char *email, int64_t now, struct df_err *err)
{
    static const char sql[] =
        "SELECT d.rid FROM device_tokens d JOIN users u ON u.rid = d.user_rid"
        " WHERE d.token_hash = ?1 AND u.email = ?2 AND d.expires_at > ?3";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    store_bind_text(st, 2, email);
    sqlite3_bind_int64(st, 3, now);
    int rc = sqlite3_step(st);
    int64_t rid = -1;
    if (rc == SQLITE_ROW)
        rid = sqlite3_column_int64(st, 0);
    else if (rc == SQLITE_DONE)
        rid = 0;
    else
        store_fail(s, err, "reading a device cookie");
    sqlite3_reset(st);
    return rid;
}

int store_device_extend(struct store *s, int64_t device, int64_t expires_at,
                        struct df_err *err)
{
    static const char sql[] = "UPDATE device_tokens SET expires_at = ? WHERE rid = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, expires_at);
    sqlite3_bind_int64(st, 2, device);
    return store_step_done(s, st, err, "extending a device cookie");
}

int store_device_revoke(struct store *s, int64_t device, struct df_err *err)
{
    static const char sql[] = "DELETE FROM device_tokens WHERE rid = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, device);
    return store_step_done(s, st, err, "revoking a device cookie");
}

int store_auth_end_others(struct store *s, int64_t user,
                          const unsigned char keep[STORE_TOKEN_HASH_LEN], int64_t keep_device,
                          int64_t *sessions_n, int64_t *devices_n, struct df_err *err)
{
    static const char sessions_sql[] =
        "DELETE FROM user_sessions WHERE user_rid = ? AND token_hash <> ?";
    static const char devices_sql[] = "DELETE FROM device_tokens WHERE user_rid = ? AND rid <> ?";
    sqlite3_stmt *st = store_stmt(s, sessions_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_blob(st, 2, keep, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    if (store_step_done(s, st, err, "ending a login's other sessions") < 0)
        return -1;
    *sessions_n = sqlite3_changes(s->db);
    if (!(st = store_stmt(s, devices_sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_int64(st, 2, keep_device);
    if (store_step_done(s, st, err, "revoking a login's other device cookies") < 0)
        return -1;
    *devices_n = sqlite3_changes(s->db);
    return 0;
}

int store_auth_prune(struct store *s, int64_t now, int64_t before, struct df_err *err)
{
    static const char sessions_sql[] = "DELETE FROM user_sessions WHERE expires_at <= ?";
    static const char devices_sql[] = "DELETE FROM device_tokens WHERE expires_at <= ?";
    static const char failures_sql[] = "DELETE FROM login_failures WHERE at < ?";
    sqlite3_stmt *st = store_stmt(s, sessions_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    if (store_step_done(s, st, err, "pruning sessions") < 0)
        return -1;
    if (!(st = store_stmt(s, devices_sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, now);
    if (store_step_done(s, st, err, "pruning device cookies") < 0)
        return -1;
    if (!(st = store_stmt(s, failures_sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, before);
    return store_step_done(s, st, err, "pruning login failures");
}

int store_auth_failure_add(struct store *s, const char *key, int64_t now, struct df_err *err)
{
    static const char sql[] = "INSERT INTO login_failures(key, at) VALUES (?,?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, key);
    sqlite3_bind_int64(st, 2, now);
    return store_step_done(s, st, err, "recording a login failure");
}

int64_t store_auth_failure_count(struct store *s, const char *key, int64_t since,
                                 struct df_err *err)
{
    static const char sql[] = "SELECT count(*) FROM login_failures WHERE key = ? AND at >= ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, key);
    sqlite3_bind_int64(st, 2, since);
    int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    else
        store_fail(s, err, "counting login failures");
    sqlite3_reset(st);
    return n;
}

int store_auth_failure_clear(struct store *s, const char *key, struct df_err *err)
{
    static const char sql[] = "DELETE FROM login_failures WHERE key = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, key);
    return store_step_done(s, st, err, "clearing login failures");
}

int store_feed_set(struct store *s, const char *person,
                   const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                   struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO feed_tokens(person_rid, token_hash, created_at) VALUES (?,?,?)"
        " ON CONFLICT(person_rid) DO UPDATE SET token_hash = excluded.token_hash,"
        " created_at = excluded.created_at";
    sqlite3_int64 p = store_rid(s, person_rid_sql, person, err);
    if (p < 0)
        return -1;
    if (p == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "person \"%.128s\" does not exist", person);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p);
    sqlite3_bind_blob(st, 2, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, now);
    return store_step_done(s, st, err, "saving a feed token");
}

int store_feed_delete(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] =
        "DELETE FROM feed_tokens WHERE person_rid = (SELECT rid FROM people WHERE id = ?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    return store_step_done(s, st, err, "switching a feed off");
}

int store_feed_exists(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] = "SELECT f.person_rid FROM feed_tokens f"
                              " JOIN people p ON p.rid = f.person_rid WHERE p.id = ?";
    sqlite3_int64 rid = store_rid(s, sql, person, err);
    return rid < 0 ? -1 : rid > 0;
}

const char *store_feed_person(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                              struct arena *a, struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id FROM feed_tokens f JOIN people p ON p.rid = f.person_rid"
        " WHERE f.token_hash = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return NULL;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    const char *id = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = arena_strdup(a, store_col(st, 0));
    else if (rc == SQLITE_DONE)
        df_err_set(err, DF_ERR_NOT_FOUND, "no such feed");
    else
        store_fail(s, err, "reading a feed token");
    sqlite3_reset(st);
    return id;
}

int store_org_contact_set(struct store *s, const char *org, const char *person,
                          struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO org_contacts(org_rid, person_rid) VALUES (?,?)"
        " ON CONFLICT(org_rid) DO UPDATE SET person_rid = excluded.person_rid";
    sqlite3_int64 o = store_rid(s, org_rid_sql, org, err);
    if (o < 0)
        return -1;
    if (o == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "organisation \"%.128s\" does not exist", org);
    sqlite3_int64 p = store_rid(s, person_rid_sql, person, err);
    if (p < 0)
        return -1;
    if (p == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "person \"%.128s\" does not exist", person);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, o);
    sqlite3_bind_int64(st, 2, p);
    return store_step_done(s, st, err, "setting an organisation's contact");
}

const char *store_org_contact(struct store *s, const char *org, struct arena *a,
                              struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id FROM org_contacts c JOIN organisations o ON o.rid = c.org_rid"
        " JOIN people p ON p.rid = c.person_rid WHERE o.id = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return NULL;
    store_bind_text(st, 1, org);
    const char *id = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = arena_strdup(a, store_col(st, 0));
    else if (rc != SQLITE_DONE)
        store_fail(s, err, "reading an organisation's contact");
    sqlite3_reset(st);
    return id;
}
