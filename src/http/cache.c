/* Per-thread reply cache (see cache.h): an open-addressing table of at most
 * CACHE_SLOTS / 2 entries for each kind of reply, emptied when full or
 * stale; and the partner engine's index, one snapshot shared by every
 * thread while the store's match generation stands. */
#include "http/cache.h"

#include <malloc.h>
#include <pthread.h>
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

/* One thread's replies of one kind, kept while its stamp stands: SQLite's
 * data_version (commits), or the agenda generation (agendas). */
struct table {
    struct entry *slots;
    int used;
    int64_t stamp;   /* -1: none yet */
    bool keeping;    /* the last get's view may be kept (not a transaction's) */
};

static _Thread_local struct table tables[HTTP_CACHE_KINDS] = {
    [HTTP_CACHE_COMMITS] = {.stamp = -1},
    [HTTP_CACHE_AGENDAS] = {.stamp = -1},
};
static atomic_bool disabled;

/* The partner engine's data of one database at one match generation:
 * built by one thread, only read after (the engine's queries take it const
 * and keep their scratch in the caller's arena), freed by whoever lets go
 * of it last. */
struct match_snapshot {
    struct app_match_data d;
    int64_t generation;   /* the store's when it was loaded; -1: one call's own, never shared */
    char *db;             /* the database's path (store_path) */
    int refs;             /* under share.lock: the shared slot's, and each reader's */
};

/* The newest snapshot, which every thread reads. A mutex rather than an
 * atomic count alone: taking a reference must be one step with reading the
 * pointer (else a reader could load it, the builder replace it and free
 * it, and the reader count a reference on freed memory), and the threads
 * that have no snapshot to read wait for the one build under way (the
 * condition variable). It is held for a few instructions, never while
 * building or freeing, once per request that needs the index. */
static struct {
    pthread_mutex_t lock;
    pthread_cond_t built;              /* a build ended, published or failed */
    struct match_snapshot *current;    /* NULL before the first build; holds a reference */
    bool building;                     /* one build at a time, of any generation */
} share = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, false};

static atomic_ulong match_loads;     /* builds, process-wide */
static atomic_int match_snapshots;   /* snapshots not yet freed */
static _Thread_local struct match_snapshot *held;   /* what this thread's request reads */

void http_cache_disable(bool off) { atomic_store(&disabled, off); }

static size_t slot_of(const char *key)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ull;
    return (size_t)(h & (CACHE_SLOTS - 1));
}

static void table_clear(struct table *t)
{
    if (!t->slots)
        return;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        free(t->slots[i].key);
        free(t->slots[i].data);
    }
    memset(t->slots, 0, sizeof *t->slots * CACHE_SLOTS);
    t->used = 0;
}

void http_cache_clear(void) { table_clear(&tables[HTTP_CACHE_COMMITS]); }

/* Clears t once what its replies read has changed (its stamp moved); true
 * when what is kept may be used. A view inside a transaction (the agendas'
 * generation says so) may use what was kept while it stands there too, but
 * neither clears nor keeps: what the transaction wrote may be undone. */
static bool still_valid(struct store *s, enum http_cache_kind kind, struct table *t)
{
    int64_t v = -1;
    int in_transaction = 0;
    if (kind == HTTP_CACHE_AGENDAS)
        in_transaction = store_api_agenda_generation(s, &v);
    else
        v = store_api_data_version(s);
    t->keeping = v >= 0 && in_transaction == 0;
    if (v >= 0 && v == t->stamp)
        return true;
    if (t->keeping) {
        table_clear(t);
        t->stamp = v;
    }
    return false;
}

char *http_cache_get(struct store *s, enum http_cache_kind kind, const char *key, size_t *len)
{
    struct table *t = &tables[kind];
    if (atomic_load(&disabled) || !still_valid(s, kind, t) || !t->slots)
        return NULL;
    for (size_t i = slot_of(key); t->slots[i].key; i = (i + 1) & (CACHE_SLOTS - 1))
        if (strcmp(t->slots[i].key, key) == 0) {
            char *copy = malloc(t->slots[i].len + 1);
            if (!copy)
                return NULL;
            memcpy(copy, t->slots[i].data, t->slots[i].len + 1);
            *len = t->slots[i].len;
            return copy;
        }
    return NULL;
}

void http_cache_put(enum http_cache_kind kind, const char *key, const char *data, size_t len)
{
    struct table *t = &tables[kind];
    if (atomic_load(&disabled) || !t->keeping || len > CACHE_ENTRY_MAX)
        return;
    if (!t->slots && !(t->slots = calloc(CACHE_SLOTS, sizeof *t->slots)))
        return;
    if (t->used >= CACHE_SLOTS / 2)
        table_clear(t);
    size_t i = slot_of(key);
    for (; t->slots[i].key; i = (i + 1) & (CACHE_SLOTS - 1))
        if (strcmp(t->slots[i].key, key) == 0)
            return; /* already there */
    char *k = strdup(key), *d = malloc(len + 1);
    if (!k || !d) {
        free(k);
        free(d);
        return;
    }
    memcpy(d, data, len);
    d[len] = '\0';
    t->slots[i] = (struct entry){k, d, len};
    t->used++;
}

static void snapshot_free(struct match_snapshot *m)
{
    bool shared = m->generation >= 0;
    app_match_data_free(&m->d);
    free(m->db);
    free(m);
    atomic_fetch_sub(&match_snapshots, 1);
    /* Each build runs on whichever thread asked, in that thread's malloc
     * arena, and glibc keeps what an arena freed: without this, every
     * thread that ever built kept an index's worth of memory. */
    if (shared)
        malloc_trim(0);
}

/* Lets go of a reference to m (NULL: none), freeing it after the last one
 * (outside the lock: freeing a large index takes a while). */
static void snapshot_drop(struct match_snapshot *m)
{
    if (!m)
        return;
    pthread_mutex_lock(&share.lock);
    bool last = --m->refs == 0;
    pthread_mutex_unlock(&share.lock);
    if (last)
        snapshot_free(m);
}

/* Loads and indexes the store's matchmaking data into a new snapshot with
 * one reference (the caller's); NULL with err. */
static struct match_snapshot *snapshot_build(struct store *s, int64_t generation,
                                             struct df_err *err)
{
    struct match_snapshot *m = calloc(1, sizeof *m);
    char *db = strdup(store_path(s));
    if (!m || !db) {
        free(m);
        free(db);
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    atomic_fetch_add(&match_snapshots, 1);
    *m = (struct match_snapshot){.generation = generation, .db = db, .refs = 1};
    if (app_match_load(s, NULL, &m->d, err) < 0) {
        snapshot_free(m);
        return NULL;
    }
    atomic_fetch_add(&match_loads, 1);
    return m;
}

void http_cache_match_release(void)
{
    snapshot_drop(held);
    held = NULL;
}

const struct app_match_data *http_cache_match(struct store *s, struct df_err *err)
{
    http_cache_match_release();
    const char *db = store_path(s);
    /* read before loading: a change committed meanwhile only costs a rebuild */
    int64_t generation = atomic_load(&disabled) || !*db ? -1 : store_api_match_generation(s);
    if (generation < 0) {   /* caching off, a database of this connection's own, or no counter */
        held = snapshot_build(s, -1, err);
        return held ? &held->d : NULL;
    }
    pthread_mutex_lock(&share.lock);
    for (;;) {
        struct match_snapshot *cur =
            share.current && strcmp(share.current->db, db) == 0 ? share.current : NULL;
        /* one as new as this connection's view (another thread may have built
         * a later one); never an older one, or a participant who has just
         * saved their needs could be suggested partners for the old ones:
         * while another thread builds, wait for it, as long as a build of
         * one's own would have taken */
        if (cur && cur->generation >= generation) {
            cur->refs++;
            pthread_mutex_unlock(&share.lock);
            held = cur;
            return &cur->d;
        }
        if (!share.building)
            break;
        pthread_cond_wait(&share.built, &share.lock);   /* nothing to read yet */
    }
    share.building = true;
    pthread_mutex_unlock(&share.lock);
    struct match_snapshot *m = snapshot_build(s, generation, err), *old = NULL;
    pthread_mutex_lock(&share.lock);
    share.building = false;
    if (m) {
        old = share.current;
        share.current = m;
        m->refs++;   /* the shared slot's */
    }
    pthread_cond_broadcast(&share.built);
    pthread_mutex_unlock(&share.lock);
    snapshot_drop(old);   /* freed here unless a request still reads it */
    held = m;
    return m ? &m->d : NULL;
}

unsigned long http_cache_match_loads(void) { return atomic_load(&match_loads); }

int http_cache_match_snapshots(void) { return atomic_load(&match_snapshots); }

void http_cache_free(void)
{
    for (int k = 0; k < HTTP_CACHE_KINDS; k++) {
        table_clear(&tables[k]);
        free(tables[k].slots);
        tables[k] = (struct table){.stamp = -1};
    }
    http_cache_match_release();
}
