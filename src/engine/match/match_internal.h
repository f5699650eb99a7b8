/* The matchmaking engine's insides, shared by its files: index.c builds
 * the index, query_terms.c reads a question's words, text_score.c and
 * graph.c score, complement.c weighs CPV codes and pairs, reason.c says why
 * (spelled.c tells it which documents name an abbreviation's thing whole),
 * and match.c ranks. Nothing outside src/engine/match includes it: match.h
 * is the engine's face. */
#ifndef DFNC_ENGINE_MATCH_INTERNAL_H
#define DFNC_ENGINE_MATCH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/strmap.h"
#include "engine/match/abbrev.h"
#include "engine/match/cognate.h"
#include "engine/match/match.h"
#include "engine/match/stem.h"
#include "engine/match/text.h"

/* CPV affinity from which a need counts as met: the same code or one inside
 * the other (1), or one sharing the first four digits (0.5, "related") */
#define CPV_MET 0.5
/* A need met by a code inside or around it, not the code itself: a buyer of
 * military aircraft in general is less surely one for drones than a buyer of
 * drones (match_cpv_best) */
#define CPV_WITHIN 0.9

/* Language masks: a bit per distinct code (lowercased) met in the profiles,
 * at most LANG_CODES of them; any other code sets LANG_OTHER, which tells
 * that a language is known but matches nothing. */
#define LANG_CODES 63
#define LANG_OTHER ((uint64_t)1 << LANG_CODES)

struct lang_table {
    char code[LANG_CODES][8];
    int n;
};

/* The scripts a term can be written in; a word of digits belongs to none. */
enum { SCRIPT_NONE, SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPTS };

struct match_index {
    const struct match_profile *profiles;
    const struct match_project *projects;   /* the caller's, for reasons */
    int n;                    /* profiles */
    int docs_n;               /* projects first, then one per profile with own text */
    int projects_n;
    struct strmap terms, ids;
    int terms_n;
    const char **term_word;   /* the shortest surface form of each term, for reasons */
    struct arena term_words;
    struct match_cognates cognates;   /* the terms by skeleton: технології meets technology */
    int *post_off;            /* terms_n + 1 */
    int *post_doc;            /* sorted by doc within a term */
    uint16_t *post_tf;
    uint8_t *post_want;       /* per posting: all its occurrences among a profile's needs
                                 (match_profile.wants); NULL when no profile has any */
    int *doc_len;
    double avgdl;
    int *doc_mem_off, *doc_mem;   /* members of each document */
    int *org_doc_off, *org_doc;   /* documents of each profile */
    int *adj_off, *adj_to;        /* partners, with co-participation counts */
    float *adj_w, *adj_rw;        /* counts, and counts weighted by recency */
    float *adj_cw;                /* projects the from-organisation coordinated */
    int *projects_of;
    int *org_len;                 /* words in all of a profile's documents */
    double avg_org_len;
    float *recent_of;             /* projects weighted by recency */
    float *doc_recency;           /* RECENCY_DECAY^age of each document (own texts: 1) */
    int max_year;
    int *joined;                  /* each term's, or the other stem it joined (NULL: none) */
    struct strmap alt_of;         /* the other stem of a term that had no one to join -> it */
    uint8_t *alt_kind;            /* while building: the other stem all of a term's forms gave
                                     (match_stem_uk_alt's kind; 0: none, or not the same) */
    /* Each language's own pool, for how common a word is: the documents (and
     * organisations) whose own words, not a classifier's labels, include some
     * of that script. */
    uint8_t *term_script;         /* SCRIPT_* of each term */
    int *prose_df, *prose_odf;    /* documents, organisations, with the term in their own words */
    int script_docs[SCRIPTS], script_orgs[SCRIPTS];
    int text_docs, text_orgs;     /* with any own words at all */
    int *opost_off, *opost_org;   /* organisation postings: terms_n + 1, then (org, tf) */
    float *opost_tf;              /* tf summed over its documents x recency^opost_exp */
    uint8_t *opost_want;          /* the same as post_want, of the organisation's */
    double opost_exp;             /* the default text_recency, which they were built with */
    int *country_of, *kind_of;    /* small ids (-1 = none) */
    uint64_t *lang_mask;          /* the languages its people speak (match_languages_mask; 0 = unknown) */
    struct lang_table langs;      /* the codes behind the masks' bits */
    char *end_user;               /* a government body: police, border guards, ministries */
    int *name_off, *name_term;    /* each profile's name as term ids (none: not matchable) */
    struct strmap name_words;     /* the words of names, their own ids */
    int *first_off, *first_org;   /* per name word: the profiles whose name starts with it */
    int countries_n, kinds_n;
    float *country_lift;          /* countries_n^2: lead's country x member's, squashed to (0,1) */
    float *kind_lift;             /* kinds_n^2, the same for kinds */
    double max_recent;
    int max_projects;
    struct strmap spelled_ids;    /* an abbreviation's words, a compound's key -> its id (spelled.c) */
    int *spelled_off, *spelled_doc;   /* per id: the documents that name its thing whole */
};

/* Growable arrays used while building. */
struct ivec {
    int *v;
    size_t n, cap;
};

int match_ivec_push(struct ivec *a, int x);   /* -1 when out of memory */

/* ---- the index (index.c) ------------------------------------------------- */

/* Term t's frequency per organisation, summed over its documents' members
 * (weighted by rw[d] when rw is not NULL) into tf; the organisations met, in
 * walk order, into touched; and when plain is not NULL, whether any of an
 * organisation's occurrences is outside its needs into plain (set for those
 * met). Returns how many. tf is 0 for all on entry. */
int match_term_org_tf(const struct match_index *ix, int t, const float *rw, float *tf,
                      int *touched, uint8_t *plain);

/* ---- the profiles' attributes (attributes.c) ------------------------------ */

/* Fills ix's country_of, kind_of, their lifts, end_user, langs and
 * lang_mask from its profiles and projects. -1 when out of memory. */
int match_index_build_attributes(struct match_index *ix);
/* A list of language codes ("en;uk") as a mask of t's bits. */
uint64_t match_languages_mask(const struct lang_table *t, const char *p);

/* ---- organisations named in a question (names.c) -------------------------- */

/* Fills ix's name_words, name_off, name_term, first_off and first_org from
 * its profiles' names (after its terms' postings, which say which words are
 * rare). -1 when out of memory. */
int match_index_build_names(struct match_index *ix);
/* Marks in named[] the profiles whose whole name occurs in the query's word
 * sequence seq (ids of name_words, -1 for a word no name has). */
void match_find_names(const struct match_index *ix, const int *seq, int n, char *named);

/* ---- compounds named whole (spelled.c) ----------------------------------- */

/* The most words an abbreviation's spelled-out form is looked for in a row. */
#define SPELLED_WORDS 8

/* While the index reads its documents: each abbreviation's words as stems,
 * the last stems read, the hyphenated compounds met so far (by their stems:
 * hyphened_key), and the (id, document) pairs found so far. Abbreviations
 * take the first ids, compounds the ones after. */
struct spelled {
    struct strmap ids;       /* an abbreviation's words, or a compound's key -> its id */
    int abbrevs;             /* ids below this are abbreviations' */
    struct strmap by_last;   /* a spelled-out form's last stem -> the first id ending in it */
    char (*stem)[SPELLED_WORDS][MATCH_TOKEN_MAX];   /* per abbreviation; len[id] of them (0: too long) */
    int *len, *next_same_last;
    struct ivec last_doc;    /* per id: the last document that named it */
    char recent[SPELLED_WORDS][MATCH_TOKEN_MAX];
    int recent_n, doc, parts_left;   /* parts_left: of the compound being read */
    struct ivec pairs;
};
/* -1 when out of memory (match_spelled_free it either way). */
int match_spelled_init(struct spelled *s);
/* The tokens that follow are document doc's, or a new text of it (its labels). */
void match_spelled_doc(struct spelled *s, int doc);
/* A token as the tokeniser gave it; -1 when out of memory. */
int match_spelled_token(struct spelled *s, const char *stem, const char *compound);
/* Moves the lists into ix (spelled_ids, spelled_off, spelled_doc); -1 when
 * out of memory. */
int match_spelled_finish(struct spelled *s, struct match_index *ix);
void match_spelled_free(struct spelled *s);
/* Whether one of the documents marked in mark[] names compound whole: an
 * abbreviation by itself or its words in a row, a hyphenated compound as a
 * compound with the same stems ("counter-drones" for "C-UAS"); false for
 * any other compound. */
bool match_spelled_in(const struct match_index *ix, const char *compound, const char *mark);
/* The same for an abbreviation's words as the tables spell them out
 * ("unmanned ground vehicle"). */
bool match_spelled_words_in(const struct match_index *ix, const char *words, const char *mark);

/* ---- a question's words (query_terms.c) ---------------------------------- */

/* A query word's translations (collect_qterm); the thing a phrase names
 * is a query word of its own, its word the phrase */
#define QTERM_TR_MAX (2 * MATCH_LEXICON_MAX + 1)
/* The places a query term keeps of the words that brought it: enough for a
 * word the text repeats, or that a phrase brought first ("безпілотні
 * літальні апарати ... протидія дронам": дрон at the phrase and at дронам) */
#define QTERM_PLACES 4

struct qterm {
    int id;
    int qtf;
    double scale;    /* 1 for the query's own words; a translation's association */
    double weight;   /* idf x query-frequency saturation x scale */
    char word[MATCH_TOKEN_MAX];
    char compound[MATCH_TOKEN_MAX];   /* "counter-drone" at its first use; "" for none */
    char via[MATCH_TOKEN_MAX];        /* a translation's own word ("radar" for "радари"); "" */
    int from_id;                      /* a translation: the query word's own term id, or -1
                                         (-1 too for the query's own word) */
    bool lexical;                     /* a translation the lexicon gave, not only a cognate */
    bool want;                        /* every occurrence among the lead's needs (a meeting
                                         question's match_profile.wants) */
    double on_needs;                  /* what its match among a profile's needs counts
                                         (match_weights.needs_text, or 1 where the lead
                                         offers what the profile needs) */
    int tr_id[QTERM_TR_MAX];          /* the query's own word: its translations' term ids */
    int at;                           /* the place of the query's word that first brought it */
    /* the places of the first few single words (no phrase's) that brought
     * it, and the first of those words: "дронам" for дрон, which "безпілотні
     * літальні" brought first ("" and 0 places for none) */
    int places[QTERM_PLACES];
    int places_n;
    char single[MATCH_TOKEN_MAX];
    int tr_n;
};

/* A question being read: its terms so far. */
struct qctx {
    const struct match_index *ix;
    const struct match_lexicon *lx;
    double cognate;   /* the weight of a cognate's term (0: none) */
    struct qterm *t;
    int n, cap;
    int oom;
    struct ivec seq;   /* every word's id among the names' words in order, -1 for others */
    struct ivec place_term;   /* at each place, the word's own term id; -1 for none, -2
                                 for the thing a phrase names */
    int at;                  /* the words read so far */
    bool count_words;        /* keep brought (match_query.words_met asks) */
    struct ivec brought;     /* (place, term id) pairs: each term a single word of the text
                                brought, itself, a translation or a cognate (no phrase's),
                                and -1 at every place */
    bool reading_wants;      /* the words now read are the lead's needs' */
};

/* The words an abbreviation stands for, spelled out in a row by the
 * question (as the tables spell them, "unmanned ground vehicle"), from
 * place first to place last. */
struct spelled_run {
    const char *words;
    int first, last;
};

/* The runs of c's question that spell out an abbreviation some document of
 * the index spells out too, into *runs (in a); their number, -1 when out
 * of memory. */
int match_qterms_runs(const struct qctx *c, struct arena *a, struct spelled_run **runs);

/* Reads s[0..n) into c's terms (their translations and cognates too);
 * match_tokenize's result: nonzero when c->oom or s is not UTF-8. */
int match_qterms_read(struct qctx *c, const char *s, size_t n);
/* How many of the question's words (match_query.words_met) each profile
 * has into met[0..ix->n), in any spelling the question's reading gave them;
 * their number into *words. -1 when out of memory. */
int match_qterms_words_met(const struct qctx *c, struct arena *a, int *met, int *words);
/* Sorts the terms heaviest first (by their weight). */
void match_qterms_sort(struct qterm *qt, int qn);

/* ---- text scores (text_score.c) ------------------------------------------ */

/* The query's things: a word the query has itself (its index L) with its
 * translations and cognates (its tr_id) is one thing, unless one of them is
 * already another thing's; every other term is one alone. A translation the
 * query also has itself joins too (a text in both languages, as a profile's
 * is when the meeting suggestions ask with it, says radar and радари of one
 * thing). first[L] is a thing's first other term and next[i] the one after
 * (-1: none); lead[i] is the index of i's thing. */
struct concepts {
    int *lead, *first, *next;
    int *qtf;      /* per thing (at its lead): how often the text says it, in any spelling */
    double *par;   /* per thing: its best lexical translation's scale (0: none) */
    int grouped;   /* how many things have translations */
};
int match_concepts_of(const struct qterm *qt, int qn, struct arena *a, struct concepts *c);
/* In how many organisations term t stands, or as many as it would if it were
 * as common among all as among those that write in its script (text_score.c). */
double match_term_org_df(const struct match_index *ix, int t);
/* Scores every profile's text against the query terms into text[] (normalised
 * to a best of 1). Returns -1 when out of memory. */
int match_score_text(const struct match_index *ix, struct qterm *qt, int qn,
                     const struct concepts *c, const struct match_weights *w, struct arena *a,
                     double *text, double **doc_out);
/* BM25 over each profile's whole text (all its documents as one), the way a
 * keyword search over profiles ranks; into prof[] normalised to a best of 1. */
int match_score_profiles(const struct match_index *ix, const struct qterm *qt, int qn,
                         const struct concepts *c, const struct match_weights *w,
                         struct arena *a, double *prof);

/* ---- the collaboration graph (graph.c) ----------------------------------- */

/* A candidate and its score, as the ranking keeps them. */
struct cand {
    int org;
    double score;
};

/* Two steps of a walk over the organisation-project graph, seeded by the
 * projects like the query (seed[], normalised) and the lead's own projects:
 * who works with the people who work on this topic. Into walk[], best = 1. */
int match_score_walk(const struct match_index *ix, const double *seed, int lead,
                     struct arena *a, double *walk);
/* The lead's circle in the projects most like the query: each such project
 * (seed > 0) gives each member seed x the number of other members that are
 * the lead or its past partners (in_circle), over the project's size. Into
 * circle[], best = 1. */
void match_score_circle(const struct match_index *ix, const double *seed, const char *in_circle,
                        double *circle);
/* Personalised PageRank over the organisation-project graph: restarts on the
 * projects like the query (seed) and the lead's own (by recency), half each;
 * from a project to its members evenly, from an organisation to its projects
 * evenly. Into ppr[] the organisations' mass after PPR_STEPS, best = 1. */
int match_score_ppr(const struct match_index *ix, const double *seed, int lead, struct arena *a,
                    double *ppr);
/* Without a lead, the best first-pass matches (best[0..n), by score) stand in
 * for it: each gives its past partners its score over log(2 + its partners),
 * Adamic-Adar style. Into si[], best = 1. */
void match_stand_in_scores(const struct match_index *ix, const struct cand *best, int n,
                           double *si);
/* Whether a and b took part in a project together. */
bool match_worked_together(const struct match_index *ix, int a, int b);

/* ---- CPV codes and pairs (complement.c) ---------------------------------- */

/* Best affinity of each of mine against theirs, summed, a code within the
 * other at CPV_WITHIN; best_i, best_j and best_v the strongest pair. */
double match_cpv_best(const struct match_cap *mine, int mine_n, const struct match_cap *theirs,
                      int theirs_n, int *best_i, int *best_j, double *best_v);
/* An EU (or EEA) organisation's country and Ukraine, either way round. */
bool match_is_eu_ua_pair(const char *a, const char *b);

/* ---- reasons (reason.c) --------------------------------------------------- */

/* "worked on N projects similar to this one: T1; T2": the candidate's past
 * projects among the query's doc_top most similar (seed > 0), most similar
 * first. NULL when none. */
const char *match_similar_reason(const struct match_index *ix, const double *seed, int o,
                                 struct arena *a);
/* How many distinct partners of the lead (in_circle, the lead itself left
 * out) share one of the query's most similar projects (seed > 0) with o; at
 * most 64 are told apart. */
int match_circle_count(const struct match_index *ix, const double *seed, const char *in_circle,
                       int lead, int o);
/* "text: counter-drone, radar": the query's heaviest words the profile shares
 * among its own words (or its projects'), in the order the query writes them,
 * and "looks for: drones" those it
 * has only among its needs (match_profile.wants), none that more than half
 * of the organisations have, into out[0..n); returns n
 * (0-2), -1 when out of memory. A hyphenated compound is written whole where
 * the profile writes it (match_spelled_in), and so are two words in a row
 * whose compound it writes ("long range": long-range; "протидія дронам
 * (counter-drone)" through their translations), and words that spell out
 * an abbreviation (runs) where it spells it out too ("electronic warfare",
 * not "electronic, warfare"), and a word with one too common to say alone
 * after it where the question and the profile both write the two in a row
 * ("fire control"); on a page in one language (say->english, ->ukrainian)
 * the question's own words in it first where a translation is known, and a
 * word matched through a translation with the page's language first; a
 * Ukrainian word with no translation beside one said in English is not
 * said (програмне забезпечення: software); a word is said as a need
 * only when no spelling of it is among the profile's own; none of the words that name the
 * codes in cited[0..2) (a CPV reason names them already; NULL for none),
 * nor of say->quiet; say may be NULL.
 * mark: ix->docs_n zeroed bytes, zeroed again on return. */
/* Two words the question writes in a row, the second more common than a
 * reason says alone ("fire control": control), as terms of the index (its
 * own, before joins) and as written. */
#define ASKED_PAIRS 64
struct asked_pair {
    int a, b;
    char words[2 * MATCH_TOKEN_MAX + 1];
};
/* The question's texts asked[0..4) (each may be NULL) read once for such
 * pairs (at most ASKED_PAIRS), into *pairs (in a); common_too as
 * text_say's. Their number, -1 when out of memory. */
int match_asked_pairs(const struct match_index *ix, const char *const asked[4], bool common_too,
                      struct arena *a, struct asked_pair **pairs);
struct text_say {
    const char *quiet;   /* words never said, nor their translations (NULL: none): a
                            meeting question's own country and city, which its
                            description names and which are no reason to meet */
    bool common_too;     /* say the words most organisations have too (a directory's
                            search says what it met, however common) */
    bool ukrainian;      /* say the question's own English words in Ukrainian first
                            (match_query.say_ukrainian), through lexicon (may be NULL) */
    bool english;        /* the question's own Ukrainian words in English first
                            (match_query.say_english) */
    const struct asked_pair *pairs;   /* match_asked_pairs (NULL: none) */
    int pairs_n;
    const struct match_lexicon *lexicon;
};
int match_text_reasons(const struct match_index *ix, const struct qterm *qt, int qn,
                       const struct spelled_run *runs, int runs_n, int o,
                       const struct match_cap *const cited[2], const struct text_say *say,
                       char *mark, struct arena *a, const char *out[2]);
/* The forum's reasons for candidate c and lead, into why[0..3): a need of
 * either met by an offer of the other (the closest pair), an EU-Ukraine pair.
 * The codes named go to cited[0..2) (NULL for none), so the text reason need
 * not repeat their words. Returns the count (a NULL entry is
 * out of memory; a need-met reason that could not be written is left out). */
#define FORUM_REASONS 3
int match_forum_reasons(const struct match_profile *lead, const struct match_profile *c,
                        const char *why[FORUM_REASONS], const struct match_cap *cited[2],
                        struct arena *a);

#endif
