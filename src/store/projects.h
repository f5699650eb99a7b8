/* Projects and their members: the track record behind partner matchmaking
 * (CORDIS imports fill it), and a full-text index of profile texts that serves
 * as the SQLite FTS5 (bm25) baseline in the matchmaking benchmark.
 *
 * Records handed to callbacks point into SQLite's memory: valid during the call. */
#ifndef DFNC_STORE_PROJECTS_H
#define DFNC_STORE_PROJECTS_H

#include "store/store.h"

struct store_project {
    const char *id, *acronym, *title, *objective, *programme, *start_date, *end_date;
};
/* Inserts or updates by id; *added (may be NULL) is 1 when inserted. */
int store_project_upsert(struct store *s, const struct store_project *p, int *added,
                         struct df_err *err);
/* Project and organisation must exist (DF_ERR_NOT_FOUND naming which); a second
 * call for the same pair updates the role. */
int store_project_member_upsert(struct store *s, const char *project, const char *org,
                                const char *role, struct df_err *err);
typedef int (*store_project_fn)(void *ud, const struct store_project *p);
/* In (start_date, id) order; a non-zero return from fn stops the walk. */
int store_project_each(struct store *s, store_project_fn fn, void *ud, struct df_err *err);

struct store_project_member {
    const char *project, *org, *role;
};
typedef int (*store_project_member_fn)(void *ud, const struct store_project_member *m);
/* project NULL walks every project's members; in (project, org) order. */
int store_project_member_each(struct store *s, const char *project, store_project_member_fn fn,
                              void *ud, struct df_err *err);
int64_t store_project_count(struct store *s, struct df_err *err);

/* ---- FTS5 text index (a temporary table of this connection) ---------- */
/* Empties (creating if needed) the index. */
int store_textindex_reset(struct store *s, struct df_err *err);
int store_textindex_add(struct store *s, const char *key, const char *text, struct df_err *err);
typedef int (*store_textindex_fn)(void *ud, const char *key, double rank);
/* Runs an FTS5 MATCH expression and calls fn for the best `limit` rows, best
 * first (rank = bm25(), lower is better). */
int store_textindex_query(struct store *s, const char *match, int limit, store_textindex_fn fn,
                          void *ud, struct df_err *err);

#endif
