/* Doubling arrays (grow.h). */
#include "core/grow.h"

#include <limits.h>
#include <stdlib.h>

int df_grow(void **p, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    if (*cap > INT_MAX / 2)
        return -1;
    int c = *cap ? *cap * 2 : 256;
    void *q = realloc(*p, (size_t)c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}
