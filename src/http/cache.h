/* A per-worker-thread cache of rendered replies (agendas), so the hot GET path
 * skips the queries and the JSON rendering while nothing changed. Valid while
 * SQLite's data_version of the thread's connection is unchanged (no other
 * connection committed) and this thread wrote nothing (the dispatcher clears it
 * after every state-changing request). No locks: each thread has its own. */
#ifndef DFNC_HTTP_CACHE_H
#define DFNC_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* A malloc'd copy of the cached reply for key (caller frees), or NULL. */
char *http_cache_get(struct store *s, const char *key, size_t *len);
/* Remembers data[0..len) under key (copied). Large replies are not kept. */
void http_cache_put(const char *key, const char *data, size_t len);
/* Forgets this thread's entries (after it wrote to the database). */
void http_cache_clear(void);
/* Frees this thread's cache (at thread exit). */
void http_cache_free(void);
/* Turns caching off process-wide (for measuring without it). */
void http_cache_disable(bool off);

#endif
