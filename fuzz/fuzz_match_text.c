/* libFuzzer harness for the partner engine's text path (src/engine/match): any
 * bytes as the text of POST /me/partners. The tokeniser must refuse invalid
 * UTF-8 and otherwise hand out stems, words and compounds that are valid
 * UTF-8, shorter than MATCH_TOKEN_MAX, with each compound holding its word and
 * a hyphen (or being an abbreviation that reads as two words or more, text.h),
 * and each stem's cognate skeleton ASCII letters or none; a query
 * over a small fixed index (a profile says "technology platforms", for the
 * cognates, and one says радари and radar, so a word and its translation
 * both match it), with and without a bilingual lexicon, must answer (or
 * refuse an empty text) with finite scores and readable reasons that are
 * valid UTF-8; and the agency's own meeting question, which reads its needs
 * (match_profile.wants) apart, must answer too. The same bytes, cut
 * into lines, are also label pairs for a lexicon (English, Ukrainian,
 * English, ...: the classifier comes from an import): it is refused only for
 * a line that is not UTF-8, and what it learns is valid UTF-8 with weights in
 * (0,1] (a line over MATCH_LEXICON_LABEL_MAX bytes is skipped unread). */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "engine/match/cognate.h"
#include "engine/match/match.h"
#include "engine/match/text.h"

static int count_token(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)stem;
    (void)word;
    (void)compound;
    (*(int *)ud)++;
    return 0;
}

static int check_token(void *ud, const char *stem, const char *word, const char *compound)
{
    (*(int *)ud)++;
    assert(strlen(stem) < MATCH_TOKEN_MAX && strlen(word) < MATCH_TOKEN_MAX);
    assert(utf8_is_valid(stem, strlen(stem), NULL) && utf8_is_valid(word, strlen(word), NULL));
    assert(!strchr(word, ' ') || !compound);   /* a phrase's thing has no compound */
    if (compound) {
        assert(strlen(compound) < MATCH_TOKEN_MAX && !strchr(compound, ' '));
        assert(utf8_is_valid(compound, strlen(compound), NULL));
        if (strchr(compound, '-')) {   /* a hyphenated whole holds its word (C- reads counter) */
            assert(strstr(compound, word) || strcmp(word, "counter") == 0);
        } else {   /* or an abbreviation, which reads as two words or more */
            int n = 0;
            assert(match_tokenize(compound, strlen(compound), count_token, &n) == 0 && n >= 2);
        }
    }
    /* a skeleton is ASCII letters that fit its buffer, or none at all */
    char key[MATCH_COGNATE_KEY_MAX];
    enum match_script sc = match_cognate_key(stem, key, sizeof key);
    assert(sc != MATCH_SCRIPT_NONE || key[0] == '\0');
    assert(strlen(key) < sizeof key);
    for (const char *k = key; *k; k++)
        assert((*k >= 'a' && *k <= 'z') || *k == 'S' || *k == 'Z');   /* ш, ж */
    return 0;
}

static const struct match_cap uav[] = {{.cpv = "35613000-4", .label = "Unmanned aerial vehicles"}};
static const struct match_profile profiles[] = {
    {.id = "ua", .name = "Sokil Drones", .country = "UA", .kind = "company",
     .text = "Ударні дрони, радари, доставка, вимоги, кораблі, засоби, long-range FPV drones, "
             "counter-drone radar",
     .offers = uav, .offers_n = 1},
    {.id = "pl", .name = "Polish procurement agency", .country = "PL", .kind = "government",
     .text = "Border surveillance: unmanned aerial vehicles, state-of-the-art radar",
     .labels = "Unmanned aerial vehicles Безпілотні літальні апарати", .needs = uav, .needs_n = 1,
     .wants = "Looking for long-range drones and радари", .wants_labels = "Unmanned aerial vehicles"},
    {.id = "de", .name = "Shield GmbH", .country = "DE", .kind = "company",
     .text = "Counter-terrorism, військово-технічна співпраця у доставці, radar, "
             "technology platforms, згідно з вимозі, за кораблем, засіб, на дорозі, "
             "electronic warfare, засоби радіоелектронної боротьби"},
};
static const int members[] = {0, 1, 2};
static const struct match_project projects[] = {
    {.id = "p1", .text = "Counter-drone radar for airports", .members = members,
     .members_n = 3, .year = 2020, .coordinator = 0},
};

static const char *label_en[] = {"Radar", "Unmanned aerial vehicles", "Unmanned ground vehicles",
                                 "Surveillance system"};
static const char *label_uk[] = {"Радари", "Безпілотні літальні апарати",
                                 "Безпілотні наземні машини", "Система спостереження"};

/* Checks every translation of each token's stem. */
static int check_lookup(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    const struct match_translation *t;
    int n = match_lexicon_lookup(ud, stem, &t);
    assert(n >= 0 && n <= MATCH_LEXICON_MAX);
    for (int i = 0; i < n; i++) {
        assert(strlen(t[i].stem) < MATCH_TOKEN_MAX && strlen(t[i].word) < MATCH_TOKEN_MAX);
        assert(utf8_is_valid(t[i].stem, strlen(t[i].stem), NULL));
        assert(utf8_is_valid(t[i].word, strlen(t[i].word), NULL));
        assert(t[i].weight > 0 && t[i].weight <= 1 && (i == 0 || t[i].weight <= t[i - 1].weight));
        assert(strcmp(t[i].stem, stem) != 0);
    }
    return 0;
}

/* The input's lines as label pairs: a lexicon learned from them. */
static void fuzz_lexicon(const char *text, size_t size)
{
    char *copy = malloc(size + 1);
    const char *lines[64];
    int n = 0;
    bool all_valid = true;
    assert(copy);
    memcpy(copy, text, size);
    copy[size] = '\0';
    for (char *p = copy, *nl; n < 64 && p <= copy + size; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(copy + size - p));
        if (!nl)
            nl = copy + size;
        *nl = '\0';
        lines[n++] = p;
    }
    int pairs = n / 2;
    const char *en[32], *uk[32];
    for (int i = 0; i < pairs; i++) {
        en[i] = lines[2 * i];
        uk[i] = lines[2 * i + 1];
        /* a pair with an empty or overlong side is skipped before it is read */
        if (*en[i] && *uk[i] && strlen(en[i]) <= MATCH_LEXICON_LABEL_MAX &&
            strlen(uk[i]) <= MATCH_LEXICON_LABEL_MAX)
            all_valid &= utf8_is_valid(en[i], strlen(en[i]), NULL) &&
                         utf8_is_valid(uk[i], strlen(uk[i]), NULL);
    }
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(en, uk, pairs, NULL, &err);
    if (!lx) {
        assert(!all_valid && err.kind == DF_ERR_INPUT);
    } else {
        assert(all_valid);
        for (int i = 0; i < pairs; i++) {
            if (!*en[i] || !*uk[i])
                continue;
            (void)match_tokenize(en[i], strlen(en[i]), check_lookup, lx);
            (void)match_tokenize(uk[i], strlen(uk[i]), check_lookup, lx);
        }
    }
    match_lexicon_free(lx);
    /* the same lines as a glossary (every third pair a "not"): refused only
     * as input (not one word a side, too many translations, not UTF-8) */
    bool drop[32];
    for (int i = 0; i < pairs; i++)
        drop[i] = i % 3 == 2;
    struct match_glossary g = {.en = en, .uk = uk, .drop = drop, .n = pairs};
    lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    if (!lx) {
        assert(err.kind == DF_ERR_INPUT);
    } else {
        for (int i = 0; i < pairs; i++) {
            (void)match_tokenize(en[i], strlen(en[i]), check_lookup, lx);
            (void)match_tokenize(uk[i], strlen(uk[i]), check_lookup, lx);
        }
    }
    match_lexicon_free(lx);
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct match_index *ix;
    static struct match_lexicon *lx;
    struct df_err err = {0};
    if (!ix)
        ix = match_index_build(profiles, 3, projects, 1, &err);
    if (!lx)
        lx = match_lexicon_build(label_en, label_uk, 4, NULL, &err);
    assert(ix && lx);
    if (size < 4096 && !memchr(data, 0, size))
        fuzz_lexicon((const char *)data, size);
    const char *text = (const char *)data;
    int tokens = 0;
    int rc = match_tokenize(text, size, check_token, &tokens);
    bool valid = utf8_is_valid(text, size, NULL);
    assert(rc == (valid ? 0 : -1));
    if (!valid || memchr(text, 0, size))
        return 0;
    char buf[4096];
    if (size >= sizeof buf)
        return 0;
    memcpy(buf, text, size);
    buf[size] = '\0';
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    static bool own_question_asked;
    for (int mode = 0; mode < 5; mode++) {
        /* the fifth: the agency's own meeting question, its needs read as
         * such; it reads no input, so once a run is enough */
        if (mode == 4 && own_question_asked)
            break;
        own_question_asked |= mode == 4;
        struct match_query q = {.mode = mode & 1 || mode == 4 ? MATCH_MEET : MATCH_PARTNERS,
                                .lead = mode & 1 || mode == 4 ? 1 : 0,
                                .text = mode == 4 ? NULL : buf, .top = 5,
                                .lexicon = mode & 2 ? lx : NULL};
        if (match_query_run(ix, &q, &a, &h, &n, &err) < 0) {
            assert(err.kind == DF_ERR_USAGE);   /* an empty text, for partners */
            continue;
        }
        for (int i = 0; i < n; i++) {
            assert(isfinite(h[i].score) && h[i].score >= 0);
            for (int k = 0; k < h[i].why_n; k++)
                assert(h[i].why[k] && utf8_is_valid(h[i].why[k], strlen(h[i].why[k]), NULL));
        }
    }
    arena_free(&a);
    return 0;
}
