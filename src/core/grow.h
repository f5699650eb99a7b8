/* Growing a malloc'd array by doubling: the one helper the loaders and the
 * lexicon share instead of each writing its own realloc. */
#ifndef DFNC_CORE_GROW_H
#define DFNC_CORE_GROW_H

#include <stddef.h>

/* Makes room for element n in *p (*cap elements of size bytes each),
 * doubling from 256. 0 on success; -1 when out of memory or past INT_MAX
 * elements, *p and *cap then unchanged. */
int df_grow(void **p, int *cap, int n, size_t size);

#endif
