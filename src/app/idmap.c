/* The schedule run's arena containers (see idmap.h). */
#include "app/idmap.h"

#include <stdint.h>

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

int idmap_init(struct idmap *m, struct arena *a, size_t n)
{
    m->cap = 64;
    while (m->cap < 2 * n + 2)
        m->cap *= 2;
    m->key = arena_alloc(a, m->cap * sizeof *m->key);
    m->val = arena_alloc(a, m->cap * sizeof *m->val);
    return m->key && m->val ? 0 : -1;
}

int idmap_get(const struct idmap *m, const char *k)
{
    for (size_t i = hash_str(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->key[i])
            return -1;
        if (strcmp(m->key[i], k) == 0)
            return m->val[i];
    }
}

void idmap_put(struct idmap *m, const char *k, int v)
{
    size_t i = hash_str(k) & (m->cap - 1);
    while (m->key[i] && strcmp(m->key[i], k) != 0)
        i = (i + 1) & (m->cap - 1);
    m->key[i] = k;
    m->val[i] = v;
}

void *idmap_vec_push(struct idmap_vec *v, struct arena *a)
{
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 64;
        void *d = arena_alloc(a, (size_t)nc * v->size);
        if (!d)
            return NULL;
        if (v->n)
            memcpy(d, v->data, (size_t)v->n * v->size);
        v->data = d;
        v->cap = nc;
    }
    return (char *)v->data + (size_t)v->n++ * v->size;
}
