/* The directory's search (see org_search.h). */
#include "app/org_search.h"

#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "core/utf8.h"

/* Room for a text's 200 bytes folded (HTTP refuses longer ones), and for
 * the names it is looked for in (longer names are not searched). */
#define FOLD_MAX 512
/* A text's hit scoring less than this share of the best is no find (a
 * need met scores about a quarter of an offer's own words: kept). */
#define ORG_TEXT_SHARE 0.125

/* With a text, an organisation found, to be put in order once all are in. */
struct found {
    struct app_org_found o;
    int tier;   /* 0: its name holds the text; 1: its words meet the text */
    int rank;   /* among the text's finds, or its place among the names */
    int org;    /* tier 1: its profile in the index */
};

struct ctx {
    struct arena *a;
    struct app_org_search *out;
    int limit;
    /* with a text: */
    const char *needle;   /* the text folded, looked for in the names */
    const struct app_match_data *d;
    struct app_text_finds finds;
    struct found *found;
    int found_n, found_cap;
};

/* The place of o among the text's finds (*tier, *rank, *org), or false
 * when neither its name holds the text nor its words meet it. */
static bool found_at(const struct ctx *k, const struct store_org *o, int *tier, int *rank,
                     int *org)
{
    char f[FOLD_MAX];
    if ((utf8_fold_str(o->name, f, sizeof f) && strstr(f, k->needle)) ||
        (o->name_uk && utf8_fold_str(o->name_uk, f, sizeof f) && strstr(f, k->needle))) {
        *tier = 0;
        *rank = k->found_n;
        return true;
    }
    int i = match_index_find(k->d->ix, o->id);
    if (i < 0 || k->finds.rank[i] < 0)
        return false;
    *tier = 1;
    *rank = k->finds.rank[i];
    *org = i;
    return true;
}

static int found_cmp(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    return x->tier != y->tier ? x->tier - y->tier : x->rank - y->rank;
}

static int on_org(void *ud, const struct store_org *o)
{
    struct ctx *k = ud;
    int tier = 0, rank = 0, org = -1;
    if (k->needle && !found_at(k, o, &tier, &rank, &org))
        return 0;
    if (++k->out->total > k->limit && !k->needle)
        return 0; /* counted; a text's finds are all kept, to be put in order */
    struct app_org_found f = {
        .id = arena_strdup(k->a, o->id), .name = arena_strdup(k->a, o->name),
        .name_uk = arena_strdup(k->a, o->name_uk), .country = arena_strdup(k->a, o->country),
        .kind = arena_strdup(k->a, o->kind), .city = arena_strdup(k->a, o->city),
        .sme = o->sme};
    if (!f.id || !f.name || !f.country || !f.kind || (o->name_uk && !f.name_uk) ||
        (o->city && !f.city))
        return 1;
    if (!k->needle) {
        k->out->list[k->out->n++] = f;
        return 0;
    }
    if (df_grow((void **)&k->found, &k->found_cap, k->found_n, sizeof *k->found))
        return 1;
    k->found[k->found_n++] = (struct found){f, tier, rank, org};
    return 0;
}

/* The text's finds put in order (names first, in the store's order, then
 * those whose words meet it: all of them, then some, app_text_finds's
 * order), the first k->limit into the list,
 * each found by its words with its hit. 0, or -1 with err. */
static int list_found(struct ctx *k, const char *text, struct df_err *err)
{
    if (k->found_n > 1)
        qsort(k->found, (size_t)k->found_n, sizeof *k->found, found_cmp);
    int listed = k->found_n < k->limit ? k->found_n : k->limit, later_n = 0;
    /* those past the engine's hits with reasons, when the filters left out
     * many before them: their reasons asked for now */
    int *later = arena_alloc(k->a, ((size_t)listed + 1) * sizeof *later);
    struct match_hit *later_hits = arena_alloc(k->a, ((size_t)listed + 1) * sizeof *later_hits);
    if (!later || !later_hits)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < listed; i++)
        if (k->found[i].tier == 1 && k->finds.hits[k->found[i].rank].org < 0)
            later[later_n++] = k->found[i].org;
    if (later_n > 0 &&
        app_match_search_hits_of(k->d, text, later, later_n, k->a, later_hits, err) < 0)
        return -1;
    for (int i = 0, m = 0; i < listed; i++) {
        struct found *f = &k->found[i];
        if (f->tier == 1) {
            f->o.hit = k->finds.hits[f->rank].org >= 0 ? &k->finds.hits[f->rank]
                                                       : &later_hits[m++];
            f->o.some_words = f->rank >= k->finds.all_n;
        }
        k->out->list[k->out->n++] = f->o;
    }
    return 0;
}

int app_org_search(struct store *s, const struct app_match_data *d,
                   const struct store_web_org_query *q, int limit, struct arena *a,
                   struct app_org_search *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    struct ctx k = {.a = a, .out = out, .limit = limit};
    struct store_web_org_query filters = *q;
    char needle[FOLD_MAX];
    if (!(out->list = arena_alloc(a, ((size_t)limit + 1) * sizeof *out->list)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (q->q) {
        /* a text finds an organisation by its name, or by its words in either
         * language and through their translations, as the partner pages do:
         * "радари" finds the radar makers that write in English */
        if (!utf8_fold_str(q->q, needle, sizeof needle))
            return df_err_set(err, DF_ERR_INPUT, "q is too long to search for");
        if (app_match_search_finds(d, q->q, ORG_TEXT_SHARE, a, &k.finds, err) < 0) {
            if (err->kind == DF_ERR_USAGE)
                err->kind = DF_ERR_INPUT;
            return -1;
        }
        k.d = d;
        k.needle = needle;
        filters.q = NULL;   /* the store applies the filters only */
    }
    int rc = store_web_org_search(s, &filters, on_org, &k, err);
    if (rc == 1)
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (rc == 0 && k.needle)
        rc = list_found(&k, q->q, err);
    free(k.found);
    return rc;
}
