/* Per-thread reply cache (see cache.h): an open-addressing table of at most
 * CACHE_SLOTS / 2 entries, emptied when full or stale; and the partner
 * engine's index, kept while the store's match generation stands. */
#include "http/cache.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/api.h"

#define CACHE_SLOTS 4096
#define CACHE_ENTRY_MAX (256u << 10)

struct entry {
    char *key, *data;
    size_t len;
};

static _Thread_local struct entry *slots;
static _Thread_local int used;
static _Thread_local int64_t version = -1;
static _Thread_local struct app_match_data *match_data;
static _Thread_local int64_t match_generation = -1; /* the store's when match_data was loaded */
static _Thread_local unsigned long match_loads;
static atomic_bool disabled;

void http_cache_disable(bool off) { atomic_store(&disabled, off); }

static size_t slot_of(const char *key)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ull;
    return (size_t)(h & (CACHE_SLOTS - 1));
}

static void match_forget(void)
{
    if (match_data) {
        app_match_data_free(match_data);
        free(match_data);
        match_data = NULL;
    }
    match_generation = -1;
}

void http_cache_clear(void)
{
    if (!slots)
        return;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        free(slots[i].key);
        free(slots[i].data);
    }
    memset(slots, 0, sizeof *slots * CACHE_SLOTS);
    used = 0;
}

/* Clears everything once another connection has committed; true when what
 * is kept may be used. */
static bool still_valid(struct store *s)
{
    int64_t v = store_api_data_version(s);
    if (v >= 0 && v == version)
        return true;
    http_cache_clear();
    version = v;
    return false;
}

char *http_cache_get(struct store *s, const char *key, size_t *len)
{
    if (atomic_load(&disabled) || !slots || !still_valid(s))
        return NULL;
    for (size_t i = slot_of(key); slots[i].key; i = (i + 1) & (CACHE_SLOTS - 1))
        if (strcmp(slots[i].key, key) == 0) {
            char *copy = malloc(slots[i].len + 1);
            if (!copy)
                return NULL;
            memcpy(copy, slots[i].data, slots[i].len + 1);
            *len = slots[i].len;
            return copy;
        }
    return NULL;
}

void http_cache_put(const char *key, const char *data, size_t len)
{
    if (atomic_load(&disabled) || len > CACHE_ENTRY_MAX)
        return;
    if (!slots && !(slots = calloc(CACHE_SLOTS, sizeof *slots)))
        return;
    if (used >= CACHE_SLOTS / 2)
        http_cache_clear();
    size_t i = slot_of(key);
    for (; slots[i].key; i = (i + 1) & (CACHE_SLOTS - 1))
        if (strcmp(slots[i].key, key) == 0)
            return; /* already there */
    char *k = strdup(key), *d = malloc(len + 1);
    if (!k || !d) {
        free(k);
        free(d);
        return;
    }
    memcpy(d, data, len);
    d[len] = '\0';
    slots[i] = (struct entry){k, d, len};
    used++;
}

const struct app_match_data *http_cache_match(struct store *s, struct df_err *err)
{
    /* read before loading: a change committed meanwhile only costs a rebuild */
    int64_t generation = atomic_load(&disabled) ? -1 : store_api_match_generation(s);
    if (match_data && generation >= 0 && generation == match_generation)
        return match_data;
    match_forget();
    struct app_match_data *d = malloc(sizeof *d);
    if (!d) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    if (app_match_load(s, NULL, d, err) < 0) {
        app_match_data_free(d);
        free(d);
        return NULL;
    }
    match_generation = generation;
    match_loads++;
    return match_data = d;
}

unsigned long http_cache_match_loads(void) { return match_loads; }

void http_cache_free(void)
{
    http_cache_clear();
    match_forget();
    free(slots);
    slots = NULL;
    version = -1;
}
