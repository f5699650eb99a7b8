/* The organiser's glossary lines (glossary.h). */
#include "store/glossary.h"

#include "store/store_internal.h"

int store_glossary_replace(struct store *s, const struct store_glossary_line *lines, int n,
                           struct df_err *err)
{
    static const char clear_sql[] = "DELETE FROM glossary";
    static const char insert_sql[] =
        "INSERT INTO glossary(line, en, uk, negated) VALUES (?1, ?2, ?3, ?4)";
    if (store_begin(s, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, clear_sql, err);
    if (!st || store_step_done(s, st, err, "clearing the glossary") < 0)
        goto fail;
    for (int i = 0; i < n; i++) {
        if (!(st = store_stmt(s, insert_sql, err)))
            goto fail;
        sqlite3_bind_int(st, 1, lines[i].line);
        store_bind_text(st, 2, lines[i].en);
        store_bind_text(st, 3, lines[i].uk);
        sqlite3_bind_int(st, 4, lines[i].negated);
        if (store_step_done(s, st, err, "saving a glossary line") < 0)
            goto fail;
    }
    return store_commit(s, err);
fail:
    store_rollback(s);
    return -1;
}

int store_glossary_each(struct store *s, store_glossary_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT line, en, uk, negated FROM glossary ORDER BY seq";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_glossary_line l = {sqlite3_column_int(st, 0), store_col(st, 1),
                                        store_col(st, 2), sqlite3_column_int(st, 3) != 0};
        stop = fn(ud, &l);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing the glossary");
    sqlite3_reset(st);
    return stop;
}
