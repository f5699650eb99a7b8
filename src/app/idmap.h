/* The schedule run's containers, all in its arena: a string -> index map
 * (the ids of people, slots, tables and requests) and a growable array; and
 * string equality that tells NULL apart. */
#ifndef DFNC_APP_IDMAP_H
#define DFNC_APP_IDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/arena.h"

/* A string -> index map in the arena (open addressing, power-of-two size). */
struct idmap {
    const char **key;
    int *val;
    size_t cap;
};

/* An empty map for about n keys; -1 when a cannot hold it. */
int idmap_init(struct idmap *m, struct arena *a, size_t n);

/* The value of k, or -1 when absent. */
int idmap_get(const struct idmap *m, const char *k);

/* k must outlive the map (arena copy). */
void idmap_put(struct idmap *m, const char *k, int v);

/* A growable array of pointers or ints in the arena (the old block is left). */
struct idmap_vec {
    void *data;
    int n, cap;
    size_t size;
};

/* Room for one more element at the end (v->size bytes, not cleared); NULL
 * when a cannot hold the grown array. */
void *idmap_vec_push(struct idmap_vec *v, struct arena *a);

/* x and y both NULL or equal strings. */
static inline bool idmap_str_same(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

#endif
