/* A per-worker-thread cache of rendered replies (agendas), and of the partner
 * engine's index over the whole store (suggestions, partners), so the hot
 * paths skip the queries, the indexing and the JSON rendering while nothing
 * changed. Replies are valid while SQLite's data_version of the thread's
 * connection is unchanged (no other connection committed) and this thread
 * wrote nothing (the dispatcher clears them after every state-changing
 * request). The index is valid while the store's match generation stands: a
 * change to a profile, by anyone, moves it; the forum's other writes (meeting
 * requests, check-ins, schedules) do not. No locks: each thread has its own. */
#ifndef DFNC_HTTP_CACHE_H
#define DFNC_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "app/match.h"
#include "core/err.h"
#include "store/store.h"

/* A malloc'd copy of the cached reply for key (caller frees), or NULL. */
char *http_cache_get(struct store *s, const char *key, size_t *len);
/* Remembers data[0..len) under key (copied). Large replies are not kept. */
void http_cache_put(const char *key, const char *data, size_t len);
/* The matchmaking data of the whole store, loaded and indexed on first use and
 * kept until the match generation moves (rebuilt every call when caching is
 * off); owned by the cache, valid until this thread's next http_cache_match
 * or http_cache_free. NULL with err on failure. */
const struct app_match_data *http_cache_match(struct store *s, struct df_err *err);
/* How many times this thread has loaded and indexed the matchmaking data. */
unsigned long http_cache_match_loads(void);
/* Forgets this thread's replies (after it wrote to the database). */
void http_cache_clear(void);
/* Frees this thread's cache (at thread exit). */
void http_cache_free(void);
/* Turns caching off process-wide (for measuring without it). */
void http_cache_disable(bool off);

#endif
