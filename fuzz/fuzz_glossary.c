/* libFuzzer harness for the glossary's reader in the partner engine
 * (src/engine/match/lexicon.c): any bytes, cut into lines of an English word,
 * a tab, a Ukrainian word and optionally a tab and "not", as an organiser's
 * glossary stored by an older dfnc. match_glossary_check must accept exactly
 * the glossaries match_lexicon_build reads; when it refuses one for its
 * input, the pair it names must be in range and named in the message; leaving
 * the named pairs out one at a time (as app/glossary.c does) must end, within
 * as many steps as there are pairs, in a glossary that builds; and every
 * translation the built lexicon holds must be valid UTF-8 at weight 1 or less. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "engine/match/lexicon.h"
#include "engine/match/text.h"

enum { MAX_PAIRS = 64 };

static int first_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    char *out = ud;
    if (!*out)
        snprintf(out, MATCH_TOKEN_MAX + 1, "%s", stem);
    return 0;
}

/* Each side's stem has translations that are valid UTF-8, at most
 * MATCH_LEXICON_MAX of them, weighing (0, 1]. */
static void check_lexicon(const struct match_lexicon *lx, const struct match_glossary *g)
{
    for (int i = 0; i < g->n; i++) {
        const char *sides[2] = {g->en[i], g->uk[i]};
        for (int k = 0; k < 2; k++) {
            char stem[MATCH_TOKEN_MAX + 1] = "";
            assert(match_tokenize(sides[k], strlen(sides[k]), first_stem, stem) == 0 && *stem);
            const struct match_translation *tr;
            int n = match_lexicon_lookup(lx, stem, &tr);
            assert(n >= 0 && n <= MATCH_LEXICON_MAX);
            for (int t = 0; t < n; t++) {
                assert(utf8_is_valid(tr[t].stem, strlen(tr[t].stem), NULL));
                assert(utf8_is_valid(tr[t].word, strlen(tr[t].word), NULL));
                assert(tr[t].weight > 0 && tr[t].weight <= 1);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *en[MAX_PAIRS], *uk[MAX_PAIRS];
    bool drop[MAX_PAIRS];
    int n = 0;
    for (char *next, *l = text; l && n < MAX_PAIRS; l = next) {
        next = strchr(l, '\n');
        if (next)
            *next++ = '\0';
        char *tab = strchr(l, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        char *third = strchr(tab + 1, '\t');
        if (third)
            *third++ = '\0';
        en[n] = l;
        uk[n] = tab + 1;
        drop[n++] = third && strcmp(third, "not") == 0;
    }
    struct match_glossary g = {.en = en, .uk = uk, .drop = drop, .n = n};
    struct df_err err = {0};
    int pair = -2;
    int ok = match_glossary_check(&g, &pair, &err);
    struct match_lexicon *lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    assert((ok == 0) == (lx != NULL));
    assert(ok == 0 ? pair == -1 : (pair >= 0 && pair < n && err.kind == DF_ERR_INPUT));
    match_lexicon_free(lx);

    /* leave out what the check names until the rest reads */
    int steps = 0;
    while (match_glossary_check(&g, &pair, &err) < 0) {
        assert(err.kind == DF_ERR_INPUT && pair >= 0 && pair < g.n);
        char named[32];
        snprintf(named, sizeof named, "glossary pair %d:", pair + 1);
        assert(strstr(err.msg, named));
        memmove(en + pair, en + pair + 1, (size_t)(g.n - pair - 1) * sizeof *en);
        memmove(uk + pair, uk + pair + 1, (size_t)(g.n - pair - 1) * sizeof *uk);
        memmove(drop + pair, drop + pair + 1, (size_t)(g.n - pair - 1) * sizeof *drop);
        g.n--;
        assert(++steps <= n);
    }
    lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    assert(lx);
    check_lexicon(lx, &g);
    match_lexicon_free(lx);
    free(text);
    return 0;
}
