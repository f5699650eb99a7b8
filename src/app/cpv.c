/* The CPV lookup (cpv.h): every code of the store's classifier read once
 * (twice when the page's language finds nothing), ranked by where the text
 * meets its label. */
#include "app/cpv.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "app/match.h"
#include "core/utf8.h"
#include "store/web.h"

#define FOLD_MAX 512

struct found {
    struct app_cpv_hit hit;
    int rank;   /* lower is better */
};

struct lookup {
    struct arena *a;
    const char *needle;       /* folded text, or the code's digits */
    struct app_terms terms;   /* the text's words as the partner engine reads them */
    bool by_code, uk;
    bool other;               /* reading the other language's labels (nothing in the page's) */
    struct found *found;
    int n, cap;
};

/* Broader codes (more trailing zeros in the eight digits) rank first. */
static int code_level(const char *code)
{
    int z = 0;
    for (int i = 7; i >= 0 && code[i] == '0'; i--)
        z++;
    return 8 - z;
}

/* The label c is read by: the page's language's (or the other's where the
 * code has none); in the second pass, the other language's only. */
static const char *label_read(const struct lookup *k, const struct store_web_cpv *c)
{
    if (k->other)
        return k->uk ? c->label_en : c->label_uk;
    return k->uk ? (c->label_uk ? c->label_uk : c->label_en)
                 : (c->label_en ? c->label_en : c->label_uk);
}

/* The first place in label where needle starts a word (after the start, a
 * space, a hyphen or other punctuation, not inside a word: "дрон" is not in
 * "гудроновий"), or NULL. Both are folded. */
static const char *word_start_match(const char *label, const char *needle)
{
    for (const char *at = strstr(label, needle); at; at = strstr(at + 1, needle)) {
        unsigned char before = at == label ? ' ' : (unsigned char)at[-1];
        if (before < 0x80 && !isalnum(before))
            return at;
    }
    return NULL;
}

static int cpv_cb(void *ud, const struct store_web_cpv *c)
{
    struct lookup *k = ud;
    int rank;
    if (k->by_code) {
        if (strncmp(c->code, k->needle, strlen(k->needle)) != 0)
            return 0;
        rank = code_level(c->code);
    } else {
        char f[FOLD_MAX];
        const char *label = label_read(k, c);
        if (!label || !utf8_fold_str(label, f, sizeof f))
            return 0;
        const char *at = word_start_match(f, k->needle);
        struct app_terms words;
        if (at) {
            rank = (at == f ? 0 : 20) + code_level(c->code);
        } else {
            /* a label that names the thing in other words: "дрон" or "UAV"
             * finds "Безпілотні літальні апарати", after the labels that
             * hold what was typed (not read at all for a text with no word) */
            if (k->terms.n == 0)
                return 0;
            app_terms_of(label, &words);
            if (!app_terms_cover(&words, &k->terms))
                return 0;
            rank = 40 + code_level(c->code);
        }
    }
    if (k->n == k->cap)
        return 1; /* enough: APP_CPV_FOUND_MAX */
    k->found[k->n++] = (struct found){
        {arena_strdup(k->a, c->code), c->label_en ? arena_strdup(k->a, c->label_en) : NULL,
         c->label_uk ? arena_strdup(k->a, c->label_uk) : NULL},
        rank};
    return 0;
}

static int found_cmp(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    return x->rank != y->rank ? x->rank - y->rank : strcmp(x->hit.code, y->hit.code);
}

int app_cpv_lookup(struct store *s, const char *q, bool uk, int limit, struct arena *a,
                   struct app_cpv_hit **hits, int *hits_n, int *found, struct df_err *err)
{
    struct lookup k = {.a = a, .uk = uk, .cap = APP_CPV_FOUND_MAX};
    char needle[FOLD_MAX];
    size_t digits = 0;
    while (isdigit((unsigned char)q[digits]) && digits < 8)
        digits++;
    if (digits >= 2 && (q[digits] == '\0' || q[digits] == '-')) {
        memcpy(needle, q, digits);
        needle[digits] = '\0';
        k.by_code = true;
    } else if (!utf8_fold_str(q, needle, sizeof needle)) {
        return df_err_set(err, DF_ERR_INPUT, "q is too long");
    } else {
        app_terms_of(q, &k.terms);
    }
    k.needle = needle;
    if (!(k.found = malloc(sizeof *k.found * APP_CPV_FOUND_MAX)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    /* "дрон" typed in the English picker: no English label has it, the
     * Ukrainian ones do; the codes come back with both labels, and the
     * picker shows its own language's */
    int rc = store_web_cpv_each(s, cpv_cb, &k, err);
    if (rc >= 0 && k.n == 0 && !k.by_code) {
        k.other = true;
        rc = store_web_cpv_each(s, cpv_cb, &k, err);
    }
    int n = k.n < limit ? k.n : limit;
    if (rc >= 0 && !(*hits = arena_alloc(a, ((size_t)n + 1) * sizeof **hits)))
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (rc >= 0) {
        qsort(k.found, (size_t)k.n, sizeof *k.found, found_cmp);
        for (int i = 0; i < n; i++)
            (*hits)[i] = k.found[i].hit;
        *hits_n = n;
        *found = k.n;
        rc = 0;
    }
    free(k.found);
    return rc;
}
