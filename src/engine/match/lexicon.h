/* A bilingual lexicon learned from parallel labels: the CPV classifier names
 * each of its 9,454 codes in English and in Ukrainian, so words that keep
 * appearing in the same codes' two labels ("radar" and "радари", "unmanned"
 * and "безпілотні") translate each other. A query's words gain their
 * translations, and a Ukrainian project idea reaches English profiles (CORDIS
 * track records, EU companies' descriptions) and the reverse. Stems are the
 * tokeniser's (text.h). Pure; read-only once built, so threads may share it. */
#ifndef DFNC_ENGINE_MATCH_LEXICON_H
#define DFNC_ENGINE_MATCH_LEXICON_H

#include <stdbool.h>

#include "core/err.h"

/* At most this many translations of one stem are kept. */
#define MATCH_LEXICON_MAX 3
/* A pair with a side longer than this (bytes) is text, not a label: skipped,
 * which bounds the work a pair costs (its two sides' words, multiplied). */
#define MATCH_LEXICON_LABEL_MAX 1024

struct match_translation {
    const char *stem;    /* the other language's stem, as the tokeniser makes it */
    const char *word;    /* its most frequent surface form in the labels, for reasons */
    double weight;       /* association in (0,1]: Dice of the two stems over the label pairs */
    const char *from;    /* a glossary pair's: its word on the looked-up side ("shelling"
                            for обстріл, "shell" for снаряд, which share the stem "shell"),
                            for the reasons to pick; NULL for a learned link */
};

struct match_lexicon;

/* A hand-written glossary (data/glossary_en_uk.tsv, then an organiser's):
 * en[i] and uk[i], one word each, translate each other at weight 1 (both
 * ways, beside what the labels taught); or, where drop[i], they do not: the
 * learned link goes, and so does the same pair from an earlier line ("counter"
 * is not "лічильник" at a defence forum). drop may be NULL; source and line
 * (both or neither) name each pair's file and line in errors. */
struct match_glossary {
    const char *const *en, *const *uk;
    const bool *drop;
    const char *const *source;
    const int *line;
    int n;
};

/* Learns from n label pairs (en[i] and uk[i] name the same thing; either may
 * be NULL, empty or longer than MATCH_LEXICON_LABEL_MAX, then the pair is
 * skipped). In each pair the two sides'
 * stems are linked one to one, the pairs that co-occur most (by Dice over all
 * label pairs) first; two stems translate each other when they were linked in
 * at least two pairs, or in one pair whose labels hold one word each, and
 * their Dice over the links is at least 0.15 and half the source's best.
 * Then the glossary (may be NULL) adds and removes translations; a stem keeps
 * its MATCH_LEXICON_MAX strongest.
 * Copies what it keeps; the caller frees it with match_lexicon_free. NULL on
 * failure (out of memory, a label not valid UTF-8, a glossary pair that is
 * not one word a side or a word with more than MATCH_LEXICON_MAX
 * translations in it) with err filled. */
struct match_lexicon *match_lexicon_build(const char *const *en, const char *const *uk, int n,
                                          const struct match_glossary *glossary,
                                          struct df_err *err);
void match_lexicon_free(struct match_lexicon *lx);

/* Whether g reads as match_lexicon_build reads it: 0, or -1 with err, and
 * *pair the pair an input error names (DF_ERR_INPUT: a pair that is not one
 * word a side, translates to itself, or gives a word more than
 * MATCH_LEXICON_MAX translations in g), else -1. */
int match_glossary_check(const struct match_glossary *g, int *pair, struct df_err *err);

/* Number of stems with at least one translation. */
int match_lexicon_size(const struct match_lexicon *lx);

/* The translations of stem (either language), strongest first, into *out
 * (owned by lx). Returns their number, 0 when none; lx may be NULL. */
int match_lexicon_lookup(const struct match_lexicon *lx, const char *stem,
                         const struct match_translation **out);

#endif
