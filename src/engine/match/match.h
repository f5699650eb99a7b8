/* Partner recommendation: organisation profiles and their past projects in,
 * a ranked list with scores and readable reasons out. Two questions, one engine:
 *  - partners for a project idea (a lead organisation and a text): text
 *    relevance (BM25 over projects and profile texts, English and Ukrainian)
 *    plus the collaboration graph (the lead's past partners, their partners,
 *    how often an organisation takes part at all), needs met by offers
 *    either way; among the organisations these find, EU-Ukraine pairs rise;
 *  - whom to meet at a forum (an organisation's needs and offers): CPV
 *    complementarity with the hierarchy, EU-Ukraine pairs, text likeness.
 * Pure: no I/O, no SQL, no JSON. The index is read-only once built, so many
 * threads may query it at once, each with its own arena. */
#ifndef DFNC_ENGINE_MATCH_MATCH_H
#define DFNC_ENGINE_MATCH_MATCH_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "engine/match/lexicon.h"

/* A CPV code ("35613000-4" or its first 8 digits) with a label for reasons. */
struct match_cap {
    const char *cpv, *label;
    const char *aliases;   /* other names of the code that the profile's text carries (the
                              classifier's English and Ukrainian labels), or NULL: a text
                              reason leaves their words out when a CPV reason names the code */
};

struct match_profile {
    const char *id, *name;
    const char *name_other;   /* its name in the other language ("ТОВ «Обрій Аеро»"), or NULL */
    const char *country;      /* ISO 3166 alpha-2 */
    const char *city;         /* may be NULL */
    const char *kind;         /* company|research|government|association|other */
    bool sme;
    const char *languages;    /* "en;uk", may be NULL */
    const char *text;         /* own words: description, offers' titles; may be NULL */
    const char *labels;       /* a classifier's names of its codes, in both languages: matched
                                 as its text is, but they do not say which language it
                                 writes in; may be NULL */
    const char *wants;        /* own words of what it needs (its needs' titles), and ... */
    const char *wants_labels; /* ... the classifier's names of their codes; both may be NULL.
                                 Words it has only here count needs_text as much (it is
                                 no maker of what it looks for), but in full to a meeting
                                 question that offers them */
    const struct match_cap *offers, *needs;
    int offers_n, needs_n;
};

/* A past project: its text and members (indices into the profile array). */
struct match_project {
    const char *id, *text;
    const int *members;
    int members_n;
    int year;                 /* start year; 0 = unknown (counts as the oldest) */
    int coordinator;          /* profile index of the coordinator, or -1 (set it: 0 is a profile) */
};

/* Weights of the signals; match_weights_default gives the ones tuned on the
 * CORDIS development split (bench/). */
struct match_weights {
    double text;         /* BM25 of the query over the candidate's documents, normalised */
    double text_profile; /* BM25 of the query over the candidate's whole profile text */
    double text_beta;    /* weight of a candidate's further matching documents after its best */
    int doc_top;         /* only the doc_top best documents count (0 = all) */
    double text_recency; /* exponent on a document's recency in the text scores (0 = none) */
    double partner;      /* past partner of the lead (co-participations, damped) */
    double two_hop;      /* partner of the lead's partners (Adamic-Adar) */
    double popularity;   /* log of the number of projects */
    double partner_recent;     /* co-participations weighted by recency (x0.7 a year) */
    double popularity_recent;  /* projects weighted by recency */
    double partner_text;       /* a past partner that also matches the text */
    double same_country;       /* same country as the lead */
    double walk;               /* two steps from the lead's and the query's projects */
    double chosen;             /* in a consortium the lead coordinated (it chose them) */
    double country_spread;     /* cost of each organisation already chosen from a country */
    double profile_b;          /* BM25 length normalisation of whole profiles (0..1) */
    double profile_k1, doc_k1; /* BM25 term-frequency saturation of whole profiles and of
                                  single documents (0 = the usual 1.2) */
    double circle;       /* with the lead or its partners in the projects most like the query */
    double ppr;          /* personalised PageRank from the lead's and the query's projects */
    double country_pair; /* how often the lead's country brings in the candidate's (lift) */
    double kind_pair;    /* how often consortia led by the lead's kind take the candidate's */
    double cpv;          /* needs met by offers and offers wanted by needs */
    double eu_ua;        /* an EU (or EEA) - Ukraine pair */
    double named;        /* the text names the organisation ("University of Bristol") */
    double stand_in;     /* no lead: partner of the best first-pass matches */
    double end_user;     /* a government body's projects beyond its first (end users) */
    double language;     /* meeting: the two organisations' people share a language, so
                            they can meet without an interpreter */
    double cognate;      /* a query word also counts in the profiles' words of the other
                            script spelled alike (технології, technology; cognate.h) at
                            this weight of its own (0 = not at all) */
    double needs_text;   /* a word a profile has only among its needs (match_profile.wants)
                            counts this much of one among its own words: in a partner
                            question's text, and in a meeting question's where the lead
                            needs it too (1 = as any other) */
};
void match_weights_default(struct match_weights *w);
/* Weights for meeting suggestions: complementarity and EU-Ukraine pairs first,
 * text and track record as tie-breakers. */
void match_weights_meet(struct match_weights *w);
/* Weights for a directory's search: the text signals alone, shaped as in
 * match_weights_default (a partner question without a lead then finds the
 * profiles whose words, or their translations, the text has). */
void match_weights_search(struct match_weights *w);

struct match_index;

/* Builds the index. profiles, projects and every string they point to must
 * outlive the index (it keeps pointers, copies nothing but the words). NULL on
 * failure (out of memory, a member index out of range) with err filled. */
struct match_index *match_index_build(const struct match_profile *profiles, int profiles_n,
                                      const struct match_project *projects, int projects_n,
                                      struct df_err *err);
void match_index_free(struct match_index *ix);
/* Index of the profile with that id, or -1. */
int match_index_find(const struct match_index *ix, const char *id);
int match_index_size(const struct match_index *ix);
const struct match_profile *match_index_profile(const struct match_index *ix, int i);
/* Number of projects the profile took part in. */
int match_index_projects_of(const struct match_index *ix, int i);

enum match_mode {
    MATCH_PARTNERS,   /* a consortium for `text` led by `lead` */
    MATCH_MEET,       /* whom `lead` should meet: its needs and offers, then its text */
};

/* The signals of a partner query, each in [0,1] (before weighting), in the
 * order of match_query.signals rows. */
enum match_signal {
    MATCH_SIG_TEXT, MATCH_SIG_TEXT_PROFILE, MATCH_SIG_WALK, MATCH_SIG_PARTNER,
    MATCH_SIG_PARTNER_RECENT, MATCH_SIG_PARTNER_TEXT, MATCH_SIG_CHOSEN, MATCH_SIG_TWO_HOP,
    MATCH_SIG_POPULARITY, MATCH_SIG_POPULARITY_RECENT, MATCH_SIG_SAME_COUNTRY,
    MATCH_SIG_CIRCLE, MATCH_SIG_PPR, MATCH_SIG_COUNTRY_PAIR, MATCH_SIG_KIND_PAIR,
    MATCH_SIG_END_USER, MATCH_SIG_NAMED, MATCH_SIG_STAND_IN,
    MATCH_SIGNALS
};

struct match_query {
    enum match_mode mode;
    int lead;                  /* profile index; -1 = none (partners mode only) */
    const char *text;          /* valid UTF-8; partners mode needs a non-empty one */
    const int *exclude;        /* profile indices never suggested (the lead always is) */
    int exclude_n;
    int top;                   /* how many to return, 1..1000 */
    const struct match_weights *w;   /* NULL = match_weights_default or _meet by mode */
    double *signals;           /* optional (benchmarks): match_index_size() x MATCH_SIGNALS
                                  values, row per profile, filled for every candidate */
    double *scores;            /* optional: match_index_size() values, each profile's final
                                  score as the ranking weighs it (0: excluded, or nothing
                                  found): a directory's search counts all it finds */
    int *words_met;            /* optional: match_index_size() values, how many of the
                                  text's words each profile has (among its own words, its
                                  needs' or its projects'), in any form the text's reading
                                  gives a word: its stem, a translation, a cognate (a
                                  word no profile has in any form: none has every word).
                                  With it: */
    int *words_n;              /* how many words the text has */
    const struct match_lexicon *lexicon;   /* optional: each query word also counts in its
                                              translations, weighted by their association */
    const char *lead_languages;  /* meeting: the asking person's languages ("uk;en"); NULL
                                    = those of all of the lead's people */
    bool say_common_words;     /* the text reason also says words most profiles have
                                  (a directory's search: what it met, however common) */
    bool say_ukrainian;        /* the text reason says a word the question has in English
                                  in Ukrainian first, where the question has it in
                                  Ukrainian too or the lexicon a translation the index
                                  has: "артилерійські (artillery)" (a Ukrainian page) */
    bool say_english;          /* the same the other way (an English page): "ground
                                  (наземні)"; with either, a word matched through a
                                  translation says the page's language first,
                                  "protection (захисту)"; a word whose rendering in the
                                  page's language is said already is left out */
};

struct match_hit {
    int org;                   /* profile index */
    double score;
    const char **why;          /* readable reasons, strongest first */
    int why_n;
};

/* Ranks the profiles for q. *hits (in arena a, best first) gets at most q->top
 * entries, fewer when fewer have any signal. Errors: DF_ERR_USAGE for an empty
 * text, invalid UTF-8, a lead out of range or a bad top. */
int match_query_run(const struct match_index *ix, const struct match_query *q, struct arena *a,
                    struct match_hit **hits, int *hits_n, struct df_err *err);

/* CPV affinity of two codes in [0,1]: 1 when one lies inside the other
 * (35613000 inside 35600000), less the shorter their common prefix. */
double match_cpv_affinity(const char *a, const char *b);

#endif
