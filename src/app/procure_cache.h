/* Procurement plans kept for the server's threads: planning 2,000 demands
 * takes a quarter of a second of CPU, and any signed-in person may ask, so
 * a plan is made once per (database, instrument, as_of) and kept, shared
 * read-only by every thread, while the store's procurement generation
 * stands (migration 16: any change to demands, supplies, organisations'
 * names and countries or CPV labels, by any connection, moves it). Each
 * caller's view is cut from the shared plan per request (procure_view.h);
 * no view is kept. Bounded by entries: a new plan takes the place of the
 * plans of an older generation, else of the one asked for least recently.
 * One plan is made at a time, process-wide: a thread that misses while
 * another plans waits for it and then looks again, so two threads asking
 * the same missing plan plan it once, and a caller cycling through dates
 * keeps at most one core planning (the threads that wait for it serve
 * nothing meanwhile). A plan that fails is not kept: the next to ask tries
 * again. */
#ifndef DFNC_APP_PROCURE_CACHE_H
#define DFNC_APP_PROCURE_CACHE_H

#include "app/procure.h"

struct app_procure_cache;

/* A cache of at most entries plans (at least 1); NULL when out of memory.
 * Free with app_procure_cache_free once no plan it gave is held. */
struct app_procure_cache *app_procure_cache_new(int entries);
void app_procure_cache_free(struct app_procure_cache *c);

/* The server's cache (APP_PROCURE_CACHE_ENTRIES plans), made on first use,
 * kept to the end of the process. */
#define APP_PROCURE_CACHE_ENTRIES 8
struct app_procure_cache *app_procure_cache_shared(void);

/* The plan of s's demands and supplies under the embedded instrument as of
 * as_of (as app_procure_as_of takes it, named "as_of" when refused; NULL:
 * today, UTC), from c when it holds one of s's current generation, else
 * planned and kept in c (c NULL, a database with no path, or no counter:
 * planned for this call alone).
 * Read-only; hold it until app_procure_cache_release. NULL with err as
 * app_procure_plan's. */
const struct app_procure_plan *app_procure_cache_get(struct app_procure_cache *c, struct store *s,
                                                     const char *instrument, const char *as_of,
                                                     struct df_err *err);
/* Lets go of what app_procure_cache_get returned (NULL: nothing); the plan is
 * freed with its last holder once the cache no longer keeps it. */
void app_procure_cache_release(const struct app_procure_plan *p);

/* How many plans c has made, and how many it keeps (for tests and benchmarks). */
unsigned long app_procure_cache_builds(struct app_procure_cache *c);
int app_procure_cache_kept(struct app_procure_cache *c);

#endif
