/* Procurement plans shared by the server's threads (procure_cache.h): a few
 * slots under one mutex, each holding a finished plan with a reference
 * count; planning itself runs outside the lock, one plan at a time. */
#include "app/procure_cache.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/api.h"

/* One plan and what it was made of. The plan comes first: the pointer a
 * reader holds is the entry's. */
struct cached {
    struct app_procure_plan plan;
    struct app_procure_cache *cache;    /* NULL: one call's own, never kept */
    char *db, *instrument;              /* the database's path; the name lower-cased */
    char as_of[11];
    int64_t generation;
    int refs;                           /* under the lock: the slot's and each reader's */
    unsigned long used;                 /* the cache's clock when last given out */
};

struct app_procure_cache {
    pthread_mutex_t lock;
    pthread_cond_t built;               /* a plan was made, kept or not, or failed */
    bool building;                      /* one plan made at a time */
    unsigned long clock, builds;
    int n;
    struct cached *slot[];              /* n, NULL where free */
};

struct app_procure_cache *app_procure_cache_new(int entries)
{
    if (entries < 1)
        entries = 1;
    struct app_procure_cache *c = calloc(1, sizeof *c + (size_t)entries * sizeof c->slot[0]);
    if (!c)
        return NULL;
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->built, NULL);
    c->n = entries;
    return c;
}

static void cached_free(struct cached *e)
{
    app_procure_plan_free(&e->plan);
    free(e->db);
    free(e->instrument);
    free(e);
}

/* Drops a reference (under the lock of the entry's cache, if it has one);
 * true when it was the last, for the caller to free outside the lock. */
static bool drop_locked(struct cached *e) { return --e->refs == 0; }

void app_procure_cache_free(struct app_procure_cache *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        if (c->slot[i] && drop_locked(c->slot[i]))
            cached_free(c->slot[i]);
    pthread_cond_destroy(&c->built);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static struct app_procure_cache *shared;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;
static void shared_make(void) { shared = app_procure_cache_new(APP_PROCURE_CACHE_ENTRIES); }

struct app_procure_cache *app_procure_cache_shared(void)
{
    pthread_once(&shared_once, shared_make);
    return shared;
}

unsigned long app_procure_cache_builds(struct app_procure_cache *c)
{
    pthread_mutex_lock(&c->lock);
    unsigned long n = c->builds;
    pthread_mutex_unlock(&c->lock);
    return n;
}

int app_procure_cache_kept(struct app_procure_cache *c)
{
    int n = 0;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < c->n; i++)
        n += c->slot[i] != NULL;
    pthread_mutex_unlock(&c->lock);
    return n;
}

static bool same_key(const struct cached *e, const char *db, const char *instrument,
                     const char *as_of)
{
    return strcmp(e->db, db) == 0 && strcmp(e->instrument, instrument) == 0 &&
           strcmp(e->as_of, as_of) == 0;
}

/* Plans into a new entry with one reference (the caller's); NULL with err. */
static struct cached *plan_new(struct store *s, const char *db, const char *instrument,
                               const char *as_of, int64_t generation, struct df_err *err)
{
    struct cached *e = calloc(1, sizeof *e);
    if (!e || !(e->db = strdup(db)) || !(e->instrument = strdup(instrument))) {
        if (e)
            cached_free(e);
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    memcpy(e->as_of, as_of, sizeof e->as_of);
    e->generation = generation;
    e->refs = 1;
    if (app_procure_plan(s, instrument, NULL, as_of, &e->plan, err) < 0) {
        cached_free(e);
        return NULL;
    }
    return e;
}

/* Keeps e in c (under c's lock), taking the slot of the same plan, of a plan
 * of an older generation of the same database (never asked again: the
 * counter only rises), else the least recently given out. What leaves its
 * slot goes into gone[] (at most c->n) for the caller to drop. Not kept when
 * c already holds the same plan of a newer generation. */
static int keep_locked(struct app_procure_cache *c, struct cached *e, struct cached **gone)
{
    int gone_n = 0, i = -1;
    for (int k = 0; k < c->n; k++) {
        struct cached *x = c->slot[k];
        if (x && same_key(x, e->db, e->instrument, e->as_of) && x->generation > e->generation)
            return 0;
    }
    for (int k = 0; k < c->n; k++) {
        struct cached *x = c->slot[k];
        if (x && strcmp(x->db, e->db) == 0 &&
            (x->generation < e->generation || same_key(x, e->db, e->instrument, e->as_of))) {
            gone[gone_n++] = x;
            c->slot[k] = NULL;
        }
    }
    for (int k = 0; k < c->n && i < 0; k++)
        if (!c->slot[k])
            i = k;
    if (i < 0) {   /* all taken, all current: the least recently given out goes */
        i = 0;
        for (int k = 1; k < c->n; k++)
            if (c->slot[k]->used < c->slot[i]->used)
                i = k;
        gone[gone_n++] = c->slot[i];
    }
    c->slot[i] = e;
    e->cache = c;
    e->refs++;
    return gone_n;
}

const struct app_procure_plan *app_procure_cache_get(struct app_procure_cache *c, struct store *s,
                                                     const char *instrument, const char *as_of,
                                                     struct df_err *err)
{
    char day[11], name[32];
    int d;
    if (as_of && app_procure_as_of("as_of", as_of, &d, err) < 0)
        return NULL;
    procure_date_format(as_of ? d : (int)(time(NULL) / 86400), day);
    size_t len = strlen(instrument);
    if (len >= sizeof name) {   /* no instrument has so long a name: app_procure_plan says so */
        struct cached *own = plan_new(s, "", instrument, day, -1, err);
        return own ? &own->plan : NULL;
    }
    for (size_t i = 0; i <= len; i++)
        name[i] = (char)tolower((unsigned char)instrument[i]);
    const char *db = store_path(s);
    /* read before planning: a change committed meanwhile costs a plan more, never a stale one */
    int64_t generation = c && *db ? store_api_procure_generation(s) : -1;
    if (generation < 0) {
        struct cached *own = plan_new(s, db, name, day, -1, err);
        return own ? &own->plan : NULL;
    }
    pthread_mutex_lock(&c->lock);
    for (;;) {
        for (int i = 0; i < c->n; i++) {
            struct cached *x = c->slot[i];
            /* as new as this connection's view, or newer (another thread
             * planned after a later change); never older */
            if (x && same_key(x, db, name, day) && x->generation >= generation) {
                x->refs++;
                x->used = ++c->clock;
                pthread_mutex_unlock(&c->lock);
                return &x->plan;
            }
        }
        if (!c->building)
            break;
        pthread_cond_wait(&c->built, &c->lock);   /* it may be this plan: look again */
    }
    c->building = true;
    pthread_mutex_unlock(&c->lock);
    struct cached *e = plan_new(s, db, name, day, generation, err);
    struct cached *gone[APP_PROCURE_CACHE_ENTRIES + 1], **gonep = gone;
    int gone_n = 0;
    pthread_mutex_lock(&c->lock);
    c->building = false;
    if (e) {
        c->builds++;
        e->used = ++c->clock;
        if (c->n > APP_PROCURE_CACHE_ENTRIES)
            gonep = malloc((size_t)c->n * sizeof *gonep);
        if (gonep)
            gone_n = keep_locked(c, e, gonep);
        for (int i = 0; i < gone_n; i++)
            if (!drop_locked(gonep[i]))
                gonep[i] = NULL;
    }
    pthread_cond_broadcast(&c->built);
    pthread_mutex_unlock(&c->lock);
    for (int i = 0; i < gone_n; i++)   /* freed outside the lock, unless still read */
        if (gonep[i])
            cached_free(gonep[i]);
    if (gonep != gone)
        free(gonep);
    return e ? &e->plan : NULL;
}

void app_procure_cache_release(const struct app_procure_plan *p)
{
    if (!p)
        return;
    struct cached *e = (struct cached *)p;
    struct app_procure_cache *c = e->cache;
    bool last;
    if (c) {
        pthread_mutex_lock(&c->lock);
        last = drop_locked(e);
        pthread_mutex_unlock(&c->lock);
    } else {
        last = drop_locked(e);
    }
    if (last)
        cached_free(e);
}
