/* Matchmaking use-cases shared by the CLI and the HTTP server: load profiles
 * (organisations, capabilities, people's languages, projects) from the store,
 * build the engine's index, run queries, answer in JSON.
 *
 * JSON shape of one suggestion: {"org","name","country","score","why":[...]}. */
#ifndef DFNC_APP_MATCH_H
#define DFNC_APP_MATCH_H

#include <stdbool.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "engine/match/lexicon.h"
#include "engine/match/match.h"
#include "store/store.h"

struct app_match_opts {
    const char *before;        /* only projects that started before this date (NULL: all) */
    bool with_projects_only;   /* only organisations with such a project (benchmarks) */
};

/* Everything the engine needs, owned here: strings in the arena. */
struct app_match_data {
    struct arena arena;
    struct match_profile *profiles;
    int profiles_n;
    struct match_project *projects;
    int projects_n;
    struct match_index *ix;
    struct match_lexicon *lexicon;   /* from the CPV classifier's label pairs (when
                                        loaded) and the glossary (app/glossary.h) */
};

/* Loads and indexes; free with app_match_data_free (also after a failure). */
int app_match_load(struct store *s, const struct app_match_opts *opts, struct app_match_data *d,
                   struct df_err *err);
void app_match_data_free(struct app_match_data *d);

/* Where suggested partners may come from. */
enum app_region {
    APP_REGION_ANY,
    APP_REGION_EUROPE,    /* EU member states and the EEA */
    APP_REGION_UKRAINE,
};
/* "eu", "ua", or NULL / "" for any; -1 for anything else. */
int app_region_parse(const char *s);

/* The words of a short text as the partner engine reads them: stems, and the
 * thing a synonym or a phrase names ("дрон" and "БПЛА": безпілотник;
 * "Unmanned aerial vehicles": also "dron", as "drone" and "UAV" are), each
 * once, at most APP_TERMS_MAX (the rest left out). For finding a CPV code
 * whose label never writes the word a person types. */
#define APP_TERMS_MAX 16
#define APP_TERM_BYTES 64
struct app_terms {
    int n;
    char stem[APP_TERMS_MAX][APP_TERM_BYTES];
};
void app_terms_of(const char *text, struct app_terms *t);
/* Whether every term of q is among t's. */
bool app_terms_cover(const struct app_terms *t, const struct app_terms *q);

/* Which organisations may be suggested (NULL: any): from a region, SMEs only
 * (a prime contractor looking for SME suppliers); and the page's language:
 * whether the reasons say the asker's English words in Ukrainian first
 * (match_query.say_ukrainian: a Ukrainian page), or its Ukrainian words in
 * English first (say_english: an English page); neither: as written. */
struct app_match_filter {
    enum app_region region;
    bool sme_only;
    bool in_ukrainian;
    bool in_english;
};

/* Partners for a project idea led by `lead`, among those filter lets through:
 * a new JSON array (caller decrefs), NULL with err (DF_ERR_NOT_FOUND for an
 * unknown lead, DF_ERR_USAGE for an invalid text or one with no word the
 * engine reads: blank, punctuation, only stop words). Each partner is
 * {"org","name","country","kind","sme","score","why"}. */
json_t *app_match_partners_json(const struct app_match_data *d, const char *lead,
                                const char *text, int top,
                                const struct app_match_filter *filter, struct df_err *err);

/* The organisations whose words meet text (a directory's search), in
 * either language and through translations, best first: at most top (1 ..
 * 1000) into *hits (in arena a; each hit's org indexes d->ix, its why says
 * the words met). DF_ERR_USAGE for an empty or invalid text. */
int app_match_search_text(const struct app_match_data *d, const char *text, int top,
                          struct arena *a, struct match_hit **hits, int *hits_n,
                          struct df_err *err);

/* What a directory's search by words finds among d's profiles: those
 * with every word of the text (match_query.words_met: any form, either
 * language), then those with some scoring at least share (0..1) of the
 * best; each group best first: app_match_search_text's hits, then the
 * others by score (ties by the lower index). */
struct app_text_finds {
    int *rank;                 /* per profile of d->ix: its place, best first; -1: not found */
    int n;                     /* how many are found */
    int all_n;                 /* the first all_n places have every word of the text */
    int words;                 /* how many words the text has (none: all_n is 0) */
    struct match_hit *hits;    /* per place (0 .. n), its hit with its reasons (why), or
                                  one with org -1 where the engine's first 1000 lack it */
    int hits_n;                /* how many places have theirs */
};
/* Fills *f (in arena a). DF_ERR_USAGE for an empty or invalid text. */
int app_match_search_finds(const struct app_match_data *d, const char *text, double share,
                           struct arena *a, struct app_text_finds *f, struct df_err *err);
/* The hits of profiles orgs[0..n) (n <= 1000; found by app_match_search_finds
 * for the same text) with their reasons, into out[0..n) in that order. */
int app_match_search_hits_of(const struct app_match_data *d, const char *text, const int *orgs,
                             int n, struct arena *a, struct match_hit *out, struct df_err *err);

/* The same, loading from the store; the array is appended to json_out. */
int app_partners(struct store *s, const char *lead, const char *text, int top,
                 struct buf *json_out, struct df_err *err);
/* The same over data already loaded (a server keeps it while nothing changed). */
int app_partners_in(const struct app_match_data *d, const char *lead, const char *text, int top,
                    const struct app_match_filter *filter, struct buf *json_out,
                    struct df_err *err);

/* Whom a person (or their organisation) should meet at an event (NULL = the
 * default event): complementary needs and offers, EU-Ukraine pairs favoured,
 * never the own organisation nor one already in a request with it; only those
 * filter lets through (a ministry looking for Ukrainian suppliers). */
int app_recommend(struct store *s, const char *person_or_org, const char *event, int top,
                  const struct app_match_filter *filter, struct buf *json_out,
                  struct df_err *err);
/* The same with the profiles already loaded in d (NULL: load them here); the
 * people and requests are read from the store either way. */
int app_recommend_in(struct store *s, const struct app_match_data *d,
                     const char *person_or_org, const char *event, int top,
                     const struct app_match_filter *filter, struct buf *json_out,
                     struct df_err *err);

#endif
