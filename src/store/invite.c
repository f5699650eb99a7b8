/* Invitations in the store (see invite.h). */
#include "store/invite.h"

#include <string.h>

#include "store/store_internal.h"

int store_invitees(struct store *s, const char *person, struct arena *a,
                   struct store_invitee **out, int *n, struct df_err *err)
{
    static const char count_sql[] =
        "SELECT count(*) FROM people WHERE (?1 IS NULL OR id = ?1) AND erased_at IS NULL";
    static const char sql[] =
        "SELECT p.id, p.name, p.email, o.name, o.country, p.ui_language,"
        " u.rid, u.email, u.password_hash <> '', i.expires_at, p.languages"
        " FROM people p JOIN organisations o ON o.rid = p.org_rid"
        " LEFT JOIN users u ON u.rid ="
        "  (SELECT min(rid) FROM users WHERE person_rid = p.rid)"
        " LEFT JOIN invitations i ON i.user_rid = u.rid"
        " WHERE (?1 IS NULL OR p.id = ?1) AND p.erased_at IS NULL ORDER BY p.id";
    *out = NULL;
    *n = 0;
    if (store_read_begin(s, err) < 0)
        return -1;
    int rc = -1, cap = 0;
    sqlite3_stmt *st = store_stmt(s, count_sql, err);
    if (!st)
        goto out;
    store_bind_text(st, 1, person);
    if (sqlite3_step(st) == SQLITE_ROW)
        cap = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (person && cap == 0) {
        df_err_set(err, DF_ERR_NOT_FOUND, "person \"%.128s\" does not exist", person);
        goto out;
    }
    *out = arena_alloc(a, (size_t)(cap ? cap : 1) * sizeof **out);
    if (!*out) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing people to invite");
        goto out;
    }
    if (!(st = store_stmt(s, sql, err)))
        goto out;
    store_bind_text(st, 1, person);
    int step = SQLITE_DONE;
    bool lost = false;   /* a copy the arena had no room for: a NULL e-mail would read as none */
    while (!lost && *n < cap && (step = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_invitee *p = &(*out)[(*n)++];
        const char **text[] = {&p->person, &p->name, &p->email, &p->org_name, &p->country,
                               &p->ui_language, NULL, &p->user_email, NULL, NULL,
                               &p->languages};
        for (int i = 0; i < 11; i++)
            if (text[i] && !(*text[i] = arena_strdup(a, store_col(st, i))) && store_col(st, i))
                lost = true;
        p->user = sqlite3_column_int64(st, 6);
        p->has_password = sqlite3_column_int(st, 8) != 0;
        p->invite_expires = sqlite3_column_int64(st, 9);
    }
    if (lost) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing people to invite");
        sqlite3_reset(st);
        goto out;
    }
    if (*n < cap && step != SQLITE_DONE) {
        store_fail(s, err, "listing people to invite");
        sqlite3_reset(st);
        goto out;
    }
    sqlite3_reset(st);
    rc = 0;
out:
    store_read_end(s);
    return rc;
}

int store_invitation_set(struct store *s, int64_t user,
                         const unsigned char hash[STORE_TOKEN_HASH_LEN], int64_t now,
                         int64_t expires_at, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO invitations(user_rid, token_hash, created_at, expires_at) VALUES (?,?,?,?)"
        " ON CONFLICT(user_rid) DO UPDATE SET token_hash = excluded.token_hash,"
        " created_at = excluded.created_at, expires_at = excluded.expires_at";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_blob(st, 2, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, now);
    sqlite3_bind_int64(st, 4, expires_at);
    return store_step_done(s, st, err, "saving an invitation");
}

int store_invitation_find(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
                          int64_t now, struct arena *a, struct store_invitation *out,
                          struct df_err *err)
{
    static const char sql[] =
        "SELECT u.rid, u.email, p.name, i.expires_at FROM invitations i"
        " JOIN users u ON u.rid = i.user_rid LEFT JOIN people p ON p.rid = u.person_rid"
        " WHERE i.token_hash = ?1 AND i.expires_at > ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, now);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW) {
        out->user = sqlite3_column_int64(st, 0);
        out->email = arena_strdup(a, store_col(st, 1));
        out->name = arena_strdup(a, store_col(st, 2));
        out->expires_at = sqlite3_column_int64(st, 3);
    } else if (rc == SQLITE_DONE) {
        result = df_err_set(err, DF_ERR_NOT_FOUND, "no such invitation");
    } else {
        result = store_fail(s, err, "reading an invitation");
    }
    sqlite3_reset(st);
    return result;
}

int store_invitation_delete(struct store *s, int64_t user, struct df_err *err)
{
    static const char sql[] = "DELETE FROM invitations WHERE user_rid = ?";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, user);
    return store_step_done(s, st, err, "using an invitation");
}

int store_invitation_prune(struct store *s, const unsigned char *hash, int64_t now,
                           struct arena *a, struct store_expired_invitation **out, int *n,
                           struct df_err *err)
{
    /* one login, one row at most: a scan costs little, and one statement
     * serves both callers */
    static const char sql[] =
        "DELETE FROM invitations WHERE expires_at <= ?1 AND (?2 IS NULL OR token_hash = ?2)"
        " RETURNING (SELECT email FROM users WHERE rid = user_rid), expires_at";
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, now);
    if (hash)
        sqlite3_bind_blob(st, 2, hash, STORE_TOKEN_HASH_LEN, SQLITE_TRANSIENT);
    int cap = 0, rc, result = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            struct store_expired_invitation *grown = arena_alloc(a, (size_t)cap * sizeof *grown);
            if (!grown) {
                result = df_err_set(err, DF_ERR_RUNTIME, "out of memory pruning invitations");
                break;
            }
            if (*n)
                memcpy(grown, *out, (size_t)*n * sizeof *grown);
            *out = grown;
        }
        struct store_expired_invitation *x = &(*out)[(*n)++];
        x->email = arena_strdup(a, store_col(st, 0));
        x->expires_at = sqlite3_column_int64(st, 1);
        if (!x->email) {
            result = df_err_set(err, DF_ERR_RUNTIME, "out of memory pruning invitations");
            break;
        }
    }
    if (result == 0 && rc != SQLITE_DONE)
        result = store_fail(s, err, "pruning invitations");
    sqlite3_reset(st);
    return result;
}

int store_org_contact_claim(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO org_contacts(org_rid, person_rid)"
        " SELECT org_rid, rid FROM people WHERE id = ?1"
        " ON CONFLICT(org_rid) DO NOTHING";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    if (store_step_done(s, st, err, "making an organisation's contact") < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}
