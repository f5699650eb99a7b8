/* Organisations named in a question (match_internal.h): each profile's name
 * as a sequence of words, and the places in a question's words where a
 * whole name occurs. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "engine/match/match_internal.h"

/* Words that end a company's name without being said in a text about it, or
 * too generic to name it ("... Solutions and Services Ltd"). */
static bool legal_form(const char *w)
{
    static const char *const forms[] = {
        "ab", "ag", "as", "asbl", "bv", "co", "company", "consulting", "corp", "corporation",
        "ev", "gmbh", "group", "inc", "international", "kg", "limited", "ltd", "mbh", "nv",
        "oy", "plc", "sa", "sarl", "sas", "services", "sl", "solutions", "spa", "srl", "sro",
        "systems", "technologies"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strcmp(w, forms[i]) == 0)
            return true;
    return false;
}

#define NAME_TERMS_MAX 12

struct name_ctx {
    struct match_index *ix;
    int ids[NAME_TERMS_MAX];
    bool legal[NAME_TERMS_MAX];
    size_t len[NAME_TERMS_MAX];
    int n;
    bool rare[NAME_TERMS_MAX];
    bool unknown, oom;
};

static int collect_name(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct name_ctx *c = ud;
    if (c->n == NAME_TERMS_MAX) {
        c->unknown = true;   /* too long to be written out in a text */
        return 1;
    }
    int id = strmap_put(&c->ix->name_words, stem, (int)c->ix->name_words.n);
    if (id < 0) {
        c->oom = true;
        return 1;
    }
    int t = strmap_get(&c->ix->terms, stem);
    c->rare[c->n] = t < 0 || (c->ix->post_off[t + 1] - c->ix->post_off[t]) * 50 <= c->ix->docs_n;
    c->legal[c->n] = legal_form(word);
    c->len[c->n] = strlen(word);
    c->ids[c->n++] = id;
    return 0;
}

/* Each profile's name as a sequence of word ids, legal forms at its end left
 * out, and per word the names that start with it. Only names of two words or
 * more (8+ letters, stop words aside) with one word in at most 2% of the
 * documents count: one-word names are too often a common word or the field
 * itself ("CBRNE Ltd", "Overview Ltd"), and "European Research" is no name.
 * -1 when out of memory. */
int match_index_build_names(struct match_index *ix)
{
    int n = ix->n, total = 0;
    ix->name_off = calloc((size_t)n + 1, sizeof *ix->name_off);
    ix->name_term = malloc(((size_t)n * NAME_TERMS_MAX + 1) * sizeof *ix->name_term);
    int *first_n = calloc((size_t)n * NAME_TERMS_MAX + 1, sizeof *first_n);
    if (!ix->name_off || !ix->name_term || !first_n) {
        free(first_n);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        const char *nm = ix->profiles[i].name;
        struct name_ctx c = {.ix = ix};
        if (nm && match_tokenize(nm, strlen(nm), collect_name, &c) != 0 && c.oom) {
            free(first_n);
            return -1;
        }
        while (c.n > 0 && c.legal[c.n - 1])
            c.n--;
        size_t letters = 0;
        bool rare = false;
        for (int k = 0; k < c.n; k++) {
            letters += c.len[k];
            rare |= c.rare[k];
        }
        if (c.unknown || c.n < 2 || c.legal[0] || letters < 8 || !rare)
            c.n = 0;
        for (int k = 0; k < c.n; k++)
            ix->name_term[total++] = c.ids[k];
        ix->name_off[i + 1] = total;
        if (c.n > 0)
            first_n[c.ids[0]]++;
    }
    int words = (int)ix->name_words.n;
    ix->first_off = calloc((size_t)words + 2, sizeof *ix->first_off);
    ix->first_org = malloc(((size_t)n + 1) * sizeof *ix->first_org);
    int *at = calloc((size_t)words + 1, sizeof *at);
    if (!ix->first_off || !ix->first_org || !at) {
        free(first_n);
        free(at);
        return -1;
    }
    for (int t = 0; t < words; t++)
        ix->first_off[t + 1] = ix->first_off[t] + first_n[t];
    free(first_n);
    for (int i = 0; i < n; i++)
        if (ix->name_off[i + 1] > ix->name_off[i]) {
            int t = ix->name_term[ix->name_off[i]];
            ix->first_org[ix->first_off[t] + at[t]++] = i;
        }
    free(at);
    return 0;
}

void match_find_names(const struct match_index *ix, const int *seq, int n, char *named)
{
    for (int i = 0; i < n; i++) {
        int t = seq[i];
        if (t < 0)
            continue;
        for (int k = ix->first_off[t]; k < ix->first_off[t + 1]; k++) {
            int o = ix->first_org[k], len = ix->name_off[o + 1] - ix->name_off[o], j = 1;
            if (i + len > n)
                continue;
            while (j < len && seq[i + j] == ix->name_term[ix->name_off[o] + j])
                j++;
            if (j == len)
                named[o] = 1;
        }
    }
}
