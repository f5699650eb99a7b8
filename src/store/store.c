/* Opening, migrating and transactions; the statement cache every query uses. */
#include "store/store_internal.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/grow.h"
#include "core/translit.h"
#include "core/utf8.h"
#include "store/migrations.h"

sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct df_err *err)
{
    for (int i = 0; i < s->stmts_n; i++)
        if (s->stmts[i].sql == sql) {
            sqlite3_reset(s->stmts[i].st);
            sqlite3_clear_bindings(s->stmts[i].st);
            return s->stmts[i].st;
        }
    if (df_grow((void **)&s->stmts, &s->stmts_cap, s->stmts_n, sizeof *s->stmts) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory preparing a query");
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        store_fail(s, err, "preparing a query");
        return NULL;
    }
    s->stmts[s->stmts_n++] = (struct store_cached_stmt){.sql = sql, .st = st};
    return st;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* The database's last error as a person reads it. SQLITE_BUSY after the busy
 * timeout (5 s, store_open_raw) means another process holds the write lock. */
static int db_error(struct store *s, struct df_err *err, const char *doing, const char *msg)
{
    if ((sqlite3_errcode(s->db) & 0xff) == SQLITE_BUSY)
        return df_err_set(err, DF_ERR_RUNTIME, "the database is busy: another dfnc (a command "
                          "or the server) kept it locked for 5 s; try again when it is done");
    return df_err_set(err, DF_ERR_RUNTIME, "database error while %s: %s", doing,
                      msg ? msg : sqlite3_errmsg(s->db));
}

int store_fail(struct store *s, struct df_err *err, const char *doing)
{
    return db_error(s, err, doing, NULL);
}

const char *store_col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

int store_step_done(struct store *s, sqlite3_stmt *st, struct df_err *err, const char *doing)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_fail(s, err, doing);
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

sqlite3_int64 store_rid(struct store *s, const char *sql, const char *id, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_int64 rid = 0;
    if (rc == SQLITE_ROW)
        rid = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        rid = store_fail(s, err, "looking up an id");
    sqlite3_reset(st);
    return rid;
}

sqlite3_stmt *store_row_by_id(struct store *s, const char *sql, const char *id, const char *what,
                              struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return NULL;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return st;
    if (rc == SQLITE_DONE) {
        df_err_set(err, DF_ERR_NOT_FOUND, "no %s \"%.128s\"", what, id);   /* an id is at most 128 */
        /* the two an import's rows name (app/import_codes.h) */
        if (strcmp(what, "person") == 0 || strcmp(what, "event") == 0) {
            char cut[129];   /* as the message names it */
            snprintf(cut, sizeof cut, "%.128s", id);
            df_err_code(err, what[0] == 'p' ? "no_person" : "no_event", "value", cut, NULL);
        }
    } else
        df_err_set(err, DF_ERR_RUNTIME, "database error while reading %s \"%.128s\": %s", what, id,
                   sqlite3_errmsg(s->db));
    sqlite3_reset(st);
    return NULL;
}

static int exec(struct store *s, const char *sql, struct df_err *err, const char *doing)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        db_error(s, err, doing, msg);
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_exec_for_tests(struct store *s, const char *sql, struct df_err *err)
{
    return exec(s, sql, err, "running test SQL");
}

/* A text rewritten for a search: into out, which holds grow * n + 1 bytes,
 * terminated; its length. */
struct text_rewrite {
    size_t (*fn)(const char *s, size_t n, char *out);
    size_t grow;
};

static size_t fold_text(const char *s, size_t n, char *out)
{
    utf8_fold_case(s, n, out);
    out[n] = '\0';
    return n;
}

/* dfnc_fold(text): text lower-cased in ASCII and Cyrillic (utf8_fold_case),
 * which SQLite's lower() leaves alone past ASCII. */
static const struct text_rewrite FOLD = {fold_text, 1};
/* dfnc_latin(text): text with its Cyrillic spelled in Latin letters as
 * Ukrainian passports spell them, lower case (translit_uk_latin), for a
 * search typed in either script. */
static const struct text_rewrite LATIN = {translit_uk_latin, 2};

/* The SQL function of a struct text_rewrite (its user data); NULL stays NULL. */
static void sql_rewrite(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const struct text_rewrite *rw = sqlite3_user_data(ctx);
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    int n = sqlite3_value_bytes(argv[0]);
    char *out = sqlite3_malloc64(rw->grow * (sqlite3_uint64)n + 1);
    if (!out) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t len = rw->fn(text, (size_t)n, out);
    sqlite3_result_text(ctx, out, (int)len, sqlite3_free);
}

/* dfnc_replace_nocase(text, word, with): text with each occurrence of word,
 * its case ignored as dfnc_fold ignores it, replaced by with, which is not
 * longer (utf8_replace_folded); NULL text stays NULL, an empty word or a
 * longer with leaves text as it is. Erasure scrubs a name with it. */
static void sql_replace_nocase(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    const char *word = (const char *)sqlite3_value_text(argv[1]);
    const char *with = (const char *)sqlite3_value_text(argv[2]);
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    size_t n = (size_t)sqlite3_value_bytes(argv[0]);
    size_t wn = word ? (size_t)sqlite3_value_bytes(argv[1]) : 0;
    if (!wn || !with || strlen(with) > wn) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    /* the word folded, then the text's copy and its folded scratch */
    char *buf = sqlite3_malloc64((sqlite3_uint64)wn + 2 * (sqlite3_uint64)n + 1);
    if (!buf) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    utf8_fold_case(word, wn, buf);
    char *out = buf + wn, *folded = out + n + 1;
    size_t len = utf8_replace_folded(text, n, buf, wn, with, out, folded);
    sqlite3_result_text(ctx, out, (int)len, SQLITE_TRANSIENT);
    sqlite3_free(buf);
}

/* COLLATE dfnc_name: names in the order a reader of either language expects
 * (utf8_collate_names), which NOCASE's code points are not for Cyrillic. */
static int sql_collate_names(void *ud, int an, const void *a, int bn, const void *b)
{
    (void)ud;
    return utf8_collate_names(a, (size_t)an, b, (size_t)bn);
}

/* SQLite's "unable to open database file" for a path whose directory is
 * missing: the directory named, the one thing a person can act on. */
static int open_failed(const char *path, sqlite3 *db, int rc, struct df_err *err)
{
    char dir[1024];
    const char *slash = strrchr(path, '/');
    struct stat st;
    if ((rc & 0xff) == SQLITE_CANTOPEN && slash && slash > path &&
        (size_t)(slash - path) < sizeof dir) {
        memcpy(dir, path, (size_t)(slash - path));
        dir[slash - path] = '\0';
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            return df_err_set(err, DF_ERR_RUNTIME,
                              "cannot open database %s: there is no directory %s", path, dir);
    }
    return df_err_set(err, DF_ERR_RUNTIME, "cannot open database %s: %s", path,
                      db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* What every connection of dfnc's needs: the busy timeout, extended result
 * codes, dfnc_fold, dfnc_latin, dfnc_replace_nocase and COLLATE dfnc_name
 * (queries use them). */
static int connection_setup(struct store *s, const char *path, struct df_err *err)
{
    sqlite3_busy_timeout(s->db, 5000);      /* the 5 s db_error names */
    sqlite3_extended_result_codes(s->db, 1);
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function(s->db, "dfnc_fold", 1, flags, (void *)&FOLD, sql_rewrite,
                                     NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(s->db, "dfnc_latin", 1, flags, (void *)&LATIN, sql_rewrite,
                                     NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(s->db, "dfnc_replace_nocase", 3, flags, NULL,
                                     sql_replace_nocase, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_collation(s->db, "dfnc_name", SQLITE_UTF8, NULL, sql_collate_names);
    if (rc != SQLITE_OK)
        return df_err_set(err, DF_ERR_RUNTIME, "%s: cannot add dfnc's SQL functions: %s", path,
                          sqlite3_errstr(rc));
    return 0;
}

/* A connection to path opened with flags and set up (connection_setup);
 * NULL with err filled. */
static struct store *connect_to(const char *path, int flags, struct df_err *err)
{
    struct store *s = calloc(1, sizeof *s);
    if (!s) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    static atomic_uint_fast64_t serials;
    s->serial = atomic_fetch_add(&serials, 1) + 1;
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        open_failed(path, s->db, rc, err);
    else if (connection_setup(s, path, err) == 0)
        return s;
    sqlite3_close(s->db);
    free(s);
    return NULL;
}

int store_open_raw(struct store **out, const char *path, struct df_err *err)
{
    struct store *s = connect_to(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
    if (!s)
        return -1;
    if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                "PRAGMA cache_size=-32768;",
             err, "configuring the database") < 0) {
        /* every command may migrate, and WAL keeps two files beside the database */
        if ((sqlite3_errcode(s->db) & 0xff) == SQLITE_READONLY)
            df_err_set(err, DF_ERR_RUNTIME, "read-only here: dfnc writes to the database and "
                       "beside it (%s-wal, %s-shm); copy it where you may write", path, path);
        df_err_prefix(err, "%s", path);
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

/* The file's database copied whole into a new in-memory one, in place of
 * s->db (one read: what was committed when it began). */
static int copy_to_memory(struct store *s, const char *path, struct df_err *err)
{
    sqlite3 *mem = NULL;
    sqlite3_backup *b = NULL;
    int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK && !(b = sqlite3_backup_init(mem, "main", s->db, "main")))
        rc = sqlite3_errcode(mem);
    if (b) {
        while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
        sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc != SQLITE_OK) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot copy %s into memory to migrate it there: %s",
                   path, sqlite3_errstr(rc));
        sqlite3_close(mem);
        return -1;
    }
    sqlite3_close(s->db);
    s->db = mem;
    return connection_setup(s, path, err);
}

int store_open_read_only(struct store **out, const char *path, int *version,
                         struct df_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)   /* SQLite would say "unable to open database file" */
        return df_err_set(err, DF_ERR_RUNTIME, "there is no database %s: %s", path,
                          strerror(errno));
    struct store *s = connect_to(path, SQLITE_OPEN_READONLY, err);
    if (!s)
        return -1;
    *version = store_schema_version(s);
    if (*version < 0 && sqlite3_extended_errcode(s->db) == SQLITE_READONLY_DIRECTORY) {
        /* SQLite reads a WAL database through PATH-shm, which a reader makes
         * when it is missing: "attempt to write a readonly database" would
         * say nothing of that */
        df_err_set(err, DF_ERR_RUNTIME,
                   "%s cannot be read here: SQLite reads it through %s-shm beside it, which "
                   "is missing and which this user may not make in that folder; check a copy "
                   "in a folder you may write to", path, path);
        goto fail;
    }
    if (*version < 0) {
        store_fail(s, err, "reading the schema version");
        df_err_prefix(err, "%s", path);
        goto fail;
    }
    if (*version > store_latest_version()) {
        df_err_set(err, DF_ERR_RUNTIME,
                   "%s has schema version %d, newer than this dfnc knows (%d)", path, *version,
                   store_latest_version());
        goto fail;
    }
    if (*version < store_latest_version() &&
        (copy_to_memory(s, path, err) < 0 || store_migrate(s, NULL, err) < 0))
        goto fail;
    /* whatever a caller runs, nothing is written: the file, or the copy */
    if (exec(s, "PRAGMA query_only=ON", err, "configuring the database") < 0)
        goto fail;
    *out = s;
    return 0;
fail:
    store_close(s);
    return -1;
}

/* The copy at path opened read-only and checked whole: 0, or -1 with err
 * naming it as name. */
static int backup_check(const char *path, const char *name, struct df_err *err)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0)
        rc = 0;
    else
        df_err_set(err, DF_ERR_RUNTIME, "the backup %s is not sound: %s", name,
                   st && sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0)
                                                    : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc == 0 ? 0 : -1;
}

static int backup_exists(const char *path, struct df_err *err)
{
    return df_err_set(err, DF_ERR_CONFLICT, "%s exists: a backup never overwrites a file; give "
                      "a new name", path);
}

int store_backup(struct store *s, const char *path, struct df_err *err)
{
    /* Written beside path under a name of its own, checked, then linked to
     * path, which fails if path exists: a file there is never overwritten,
     * and path never holds a partial or unsound copy. */
    struct stat st;
    if (stat(path, &st) == 0) /* said before the copy's work; link() below decides */
        return backup_exists(path, err);
    size_t n = strlen(path);
    char *tmp = malloc(n + sizeof ".partial-XXXXXX");
    if (!tmp)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".partial-XXXXXX", sizeof ".partial-XXXXXX");
    int fd = mkstemp(tmp); /* VACUUM INTO writes into an empty file */
    if (fd < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot write the backup %s: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    close(fd);
    int rc = -1;
    sqlite3_stmt *vacuum = NULL;
    if (sqlite3_prepare_v2(s->db, "VACUUM INTO ?", -1, &vacuum, NULL) != SQLITE_OK) {
        store_fail(s, err, "preparing the backup");
        goto done;
    }
    store_bind_text(vacuum, 1, tmp);
    if (sqlite3_step(vacuum) != SQLITE_DONE) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot write the backup %s: %s", path,
                   sqlite3_errmsg(s->db));
        goto done;
    }
    if (backup_check(tmp, path, err) < 0)
        goto done;
    if (link(tmp, path) != 0) {
        if (errno == EEXIST)
            backup_exists(path, err);
        else
            df_err_set(err, DF_ERR_RUNTIME, "cannot write the backup %s: %s", path,
                       strerror(errno));
        goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(vacuum);
    unlink(tmp);
    free(tmp);
    return rc;
}

int store_schema_version(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

int store_latest_version(void) { return store_migrations[store_migrations_n - 1].version; }

int store_migrate(struct store *s, int *applied, struct df_err *err)
{
    int current = store_schema_version(s);
    int n = 0;
    if (current < 0)
        return store_fail(s, err, "reading the schema version");
    if (current > store_latest_version())
        return df_err_set(err, DF_ERR_RUNTIME,
                          "the database has schema version %d, newer than this dfnc knows (%d)",
                          current, store_latest_version());
    for (int i = 0; i < store_migrations_n; i++) {
        const struct store_migration *m = &store_migrations[i];
        if (m->version <= current)
            continue;
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d;", m->version);
        if (exec(s, "BEGIN IMMEDIATE", err, "starting a migration") < 0)
            return -1;
        /* Another process may have migrated while we waited for the lock. */
        if (store_schema_version(s) >= m->version) {
            exec(s, "ROLLBACK", NULL, "");
            continue;
        }
        if (exec(s, m->sql, err, "migrating the schema") < 0 ||
            exec(s, pragma, err, "recording the schema version") < 0) {
            df_err_prefix(err, "migration %d (%s)", m->version, m->what);
            exec(s, "ROLLBACK", NULL, "");
            return -1;
        }
        if (exec(s, "COMMIT", err, "committing a migration") < 0)
            return -1;
        n++;
    }
    if (applied)
        *applied = n;
    return 0;
}

int store_open(struct store **out, const char *path, struct df_err *err)
{
    if (store_open_raw(out, path, err) < 0)
        return -1;
    if (store_migrate(*out, NULL, err) < 0) {
        store_close(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->stmts_n; i++)
        sqlite3_finalize(s->stmts[i].st);
    free(s->stmts);
    sqlite3_close(s->db);
    free(s);
}

int store_board_mark_get(struct store *s, struct store_board_mark *out)
{
    static const char sql[] = "SELECT n FROM board_generation";
    struct df_err err = {0};
    sqlite3_stmt *st = store_stmt(s, sql, &err);
    int rc = st && sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
    if (rc == 0)
        *out = (struct store_board_mark){.serial = s->serial,
                                         .generation = sqlite3_column_int64(st, 0)};
    if (st)
        sqlite3_reset(st);
    return rc < 0 ? -1 : sqlite3_get_autocommit(s->db) ? 0 : 1;
}

bool store_board_mark_same(const struct store_board_mark *a, const struct store_board_mark *b)
{
    return a->serial == b->serial && a->generation == b->generation;
}

const char *store_path(struct store *s)
{
    const char *p = sqlite3_db_filename(s->db, "main");
    return p ? p : "";
}

int store_begin(struct store *s, struct df_err *err)
{
    return exec(s, "BEGIN IMMEDIATE", err, "starting a transaction");
}

int store_commit(struct store *s, struct df_err *err)
{
    return exec(s, "COMMIT", err, "committing");
}

int store_read_begin(struct store *s, struct df_err *err)
{
    return exec(s, "SAVEPOINT store_read", err, "starting a read");
}

int store_part_begin(struct store *s, struct df_err *err)
{
    return exec(s, "SAVEPOINT store_part", err, "starting a part of a transaction");
}

void store_part_end(struct store *s, bool keep)
{
    if (!keep)
        exec(s, "ROLLBACK TO store_part", NULL, "undoing a part of a transaction");
    exec(s, "RELEASE store_part", NULL, "ending a part of a transaction");
}

void store_read_end(struct store *s) { exec(s, "RELEASE store_read", NULL, "ending a read"); }

void store_rollback(struct store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        exec(s, "ROLLBACK", NULL, "rolling back");
}

int store_audit(struct store *s, const char *actor, const char *action, const char *entity,
                const char *entity_id, const char *detail, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO audit_log(actor, action, entity, entity_id, detail) VALUES (?,?,?,?,?)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, actor);
    store_bind_text(st, 2, action);
    store_bind_text(st, 3, entity);
    store_bind_text(st, 4, entity_id);
    store_bind_text(st, 5, detail);
    return store_step_done(s, st, err, "writing the audit log");
}

int64_t store_audit_count(struct store *s, struct df_err *err)
{
    static const char sql[] = "SELECT count(*) FROM audit_log";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return n;
}
