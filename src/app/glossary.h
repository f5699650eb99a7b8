/* The partner engine's English-Ukrainian glossary: dfnc's own, compiled in
 * (data/glossary_en_uk.tsv), then the organiser's (dfnc import glossary
 * FILE, kept in the store), in the engine's form (engine/match/lexicon.h).
 *
 * The file format, both: one pair a line, an English word, a tab, a
 * Ukrainian word, and optionally a tab and "not" when the two do not
 * translate each other; blank lines and lines starting with # are skipped. */
#ifndef DFNC_APP_GLOSSARY_H
#define DFNC_APP_GLOSSARY_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "engine/match/lexicon.h"
#include "store/store.h"

/* Where dfnc's own glossary's lines say they come from. */
#define APP_GLOSSARY_SHIPPED "data/glossary_en_uk.tsv"
/* Where the organiser's stored lines say they come from, in messages. */
#define APP_GLOSSARY_ORGANISERS "the organiser's glossary"
/* A word is at most this many bytes (a stem is at most MATCH_TOKEN_MAX). */
#define APP_GLOSSARY_WORD_MAX 64
/* An organiser's glossary file is at most this many bytes. */
#define APP_GLOSSARY_FILE_MAX (1 << 20)

/* dfnc's own glossary; strings in a. -1 with err naming the line for a
 * malformed one (a build defect: the tests read it). */
int app_glossary_shipped(struct arena *a, struct match_glossary *g, struct df_err *err);

struct app_glossary_result {
    int pairs;   /* lines read, "not" ones included */
    int nots;
    struct df_problems problems;   /* the lines that do not fit, when the file is refused */
};

/* Replaces the organiser's glossary with the file at path (an empty one, or
 * one of comments only, clears it). Every line is checked first, as the
 * engine will read it after dfnc's own (an English word, a tab, a Ukrainian
 * word; one word a side, at most three translations a word): when a line
 * does not fit, nothing is written, r->problems names the lines that do not
 * (DF_PROBLEMS_NAMED of them at most, all counted) and err the first (DF_ERR_INPUT,
 * FILE:LINE). */
int app_import_glossary(struct store *s, const char *path, struct app_glossary_result *r,
                        struct df_err *err);

/* The organiser's glossary as partner questions read it now. */
struct app_glossary_status {
    int pairs;     /* the organiser's lines, "not" ones included */
    int nots;
    /* the lines left out: they no longer fit beside dfnc's own glossary and
     * the organiser's earlier lines (a newer dfnc gives a word its own
     * translations, meets two words at one stem, or reads a word as two) */
    struct df_problems left_out;
};

/* dfnc's glossary followed by the organiser's lines from the store, less the
 * ones that no longer fit (st, when not NULL, counts and names them: partner
 * questions read the rest). -1 with err when the store cannot be read. */
int app_glossary_load(struct store *s, struct arena *a, struct match_glossary *g,
                      struct app_glossary_status *st, struct df_err *err);

/* Fills st from the store: 0, or -1 with err when the store cannot be read. */
int app_glossary_status(struct store *s, struct app_glossary_status *st, struct df_err *err);

/* The organiser's glossary as stored, in the import format (a file that
 * imports back to the same), appended to out; *pairs gets its lines. */
int app_export_glossary(struct store *s, struct buf *out, int *pairs, struct df_err *err);

#endif
