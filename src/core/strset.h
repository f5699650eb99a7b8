/* A set of strings (open addressing, copies its keys): duplicate-id checks in
 * imports and similar bounded bookkeeping. */
#ifndef DFNC_CORE_STRSET_H
#define DFNC_CORE_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset {
    char **slots;
    size_t cap, n;
};

void strset_init(struct strset *s);
/* Adds key; returns 1 if added, 0 if it was already there, -1 out of memory. */
int strset_add(struct strset *s, const char *key);
bool strset_has(const struct strset *s, const char *key);
void strset_free(struct strset *s);

#endif
