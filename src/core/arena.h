/* A bump allocator freed in one go, like h2o's memory pools: an import, a
 * solve or an HTTP request takes an arena and releases everything at the end. */
#ifndef DFNC_CORE_ARENA_H
#define DFNC_CORE_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
    struct arena_block *head;
    size_t used;      /* bytes handed out, for limits and reports */
    size_t limit;     /* 0 = none; allocation past it returns NULL */
};

void arena_init(struct arena *a, size_t limit);
/* Zeroed memory aligned for any type; NULL when out of memory or past the limit.
 * Valid until arena_free. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies of strings into the arena (NULL in gives NULL out). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);

#endif
