/* A string -> int hash map (open addressing, copies its keys): the matchmaking
 * engine's vocabularies and id lookups. A zeroed struct is an empty map. */
#ifndef DFNC_CORE_STRMAP_H
#define DFNC_CORE_STRMAP_H

#include <stddef.h>

struct strmap {
    char **keys;
    int *vals;
    size_t cap, n;   /* n: keys held */
};

/* The value of k, or -1 when absent. */
int strmap_get(const struct strmap *m, const char *k);
/* Returns the value of k, inserting it with value v when absent; -2 when out of memory. */
int strmap_put(struct strmap *m, const char *k, int v);
void strmap_free(struct strmap *m);

#endif
