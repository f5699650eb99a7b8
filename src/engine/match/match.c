/* The matchmaking engine (match.h): an inverted index over documents (each
 * past project once, each profile's own text), a collaboration graph, and the
 * scoring that mixes them. Memory is linear in words + members + edges. */
#include "engine/match/match.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/country.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "core/utf8.h"
#include "engine/match/cognate.h"
#include "engine/match/text.h"

#define BM25_K1 1.2
#define BM25_B 0.75
#define WHY_MAX 6
/* CPV affinity from which a need counts as met: the same code or one inside
 * the other (1), or one sharing the first four digits (0.5, "related") */
#define CPV_MET 0.5
/* A need met by a code inside or around it, not the code itself: a buyer of
 * military aircraft in general is less surely one for drones than a buyer of
 * drones (cpv_match) */
#define CPV_WITHIN 0.9

void match_weights_default(struct match_weights *w)
{
    /* Linear weights: a logistic regression of "is a member of the query's
     * consortium" on each signal's value for every candidate (read back from
     * the engine, match_query.signals), fit on the CORDIS development split
     * only (`bench_match --learn --set profile_k1=0.5 --drop country_pair
     * --drop kind_pair`, "pointwise, weights >= 0, whole development split";
     * signals whose weight came out negative, collinear with others, are
     * dropped and the rest refit). Cross-validated over 5 folds of the
     * queries it gives recall@20 0.221, against 0.216 for the same fit with
     * profile_k1 1.2. A low profile_k1 makes the profile text count how many
     * of the query's words an organisation has used at all rather than how
     * often (alone: recall@20 0.200 against 0.156 at 1.2). The other shape
     * parameters (text_recency, doc_top, profile_b, text_beta) are the
     * coordinate ascent's.
     * named (the text names the organisation) is rare and nearly always
     * right: 6 puts it above any mix of the others. stand_in (no lead: the
     * first pass's 5 best matches stand in for it and their partners rise)
     * lifts the development queries without a lead. Both were checked on a
     * second split before the development years (`bench_match --early`,
     * profiles < 2014, queries 2014-2015): recall@20 0.251 without them,
     * 0.250 with them, 0.232 -> 0.234 on development.
     * cognate (a word counts in the other script's words spelled alike) is
     * 0.3 by the CPV classifier's cross-validation (bench_lexicon --cognate:
     * 0.2, 0.3 and 0.5 within 0.002 of recall@10; 1.0 lower); it changes no
     * English query against English profiles.
     * Measured and left out: end_user (a government body's projects beyond
     * its first; development 0.227 -> 0.235 but early 0.251 -> 0.242) and a
     * listwise refit of every weight with it (development 0.248, early
     * 0.245): both fitted the development years rather than consortia. */
    *w = (struct match_weights){
        .text = 0.809, .text_profile = 4.906, .text_recency = 0.6, .text_beta = 0.0,
        .doc_top = 80, .partner = 0.450, .two_hop = 0.661, .popularity = 0.308,
        .partner_recent = 0.0, .popularity_recent = 0.0, .partner_text = 0.0,
        .same_country = 0.827, .walk = 0.0, .chosen = 0.661, .circle = 0.237, .ppr = 0.870,
        .end_user = 0.0, .named = 6.0, .stand_in = 1.0, .profile_b = 0.75,
        .profile_k1 = 0.5, .cpv = 1.0, .eu_ua = 0.3, .cognate = 0.3,
    };
}

void match_weights_meet(struct match_weights *w)
{
    /* set by hand on the demo forum and the unit tests: a need met by an offer
     * (either way) is the reason to meet; EU-Ukraine pairs are what the forum is for */
    *w = (struct match_weights){
        .text = 0.3, .text_profile = 0.2, .text_beta = 0.05, .doc_top = 80, .profile_b = 0.75,
        .partner = 0.2,
        .two_hop = 0.1, .popularity = 0.1, .cpv = 1.0, .eu_ua = 0.5, .language = 0.2,
        .cognate = 0.3,
    };
}

/* Language masks: a bit per distinct code (lowercased) met in the profiles,
 * at most LANG_CODES of them; any other code sets LANG_OTHER, which tells
 * that a language is known but matches nothing. */
#define LANG_CODES 63
#define LANG_OTHER ((uint64_t)1 << LANG_CODES)

struct lang_table {
    char code[LANG_CODES][8];
    int n;
};

/* ---- the index ---------------------------------------------------------- */

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
    double opost_exp;             /* the default text_recency, which they were built with */
    int *country_of, *kind_of;    /* small ids (-1 = none) */
    uint64_t *lang_mask;          /* the languages its people speak (languages_mask; 0 = unknown) */
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
};

int match_index_size(const struct match_index *ix) { return ix->n; }
const struct match_profile *match_index_profile(const struct match_index *ix, int i)
{
    return &ix->profiles[i];
}
int match_index_projects_of(const struct match_index *ix, int i) { return ix->projects_of[i]; }
int match_index_find(const struct match_index *ix, const char *id)
{
    return id ? strmap_get(&ix->ids, id) : -1;
}

void match_index_free(struct match_index *ix)
{
    if (!ix)
        return;
    strmap_free(&ix->terms);
    strmap_free(&ix->ids);
    free(ix->term_word);
    arena_free(&ix->term_words);
    match_cognates_free(&ix->cognates);
    free(ix->post_off);
    free(ix->post_doc);
    free(ix->post_tf);
    free(ix->doc_len);
    free(ix->doc_mem_off);
    free(ix->doc_mem);
    free(ix->org_doc_off);
    free(ix->org_doc);
    free(ix->adj_off);
    free(ix->adj_to);
    free(ix->adj_w);
    free(ix->adj_rw);
    free(ix->adj_cw);
    free(ix->recent_of);
    free(ix->org_len);
    free(ix->doc_recency);
    free(ix->projects_of);
    free(ix->joined);
    strmap_free(&ix->alt_of);
    free(ix->alt_kind);
    free(ix->term_script);
    free(ix->prose_df);
    free(ix->prose_odf);
    free(ix->opost_off);
    free(ix->opost_org);
    free(ix->opost_tf);
    free(ix->country_of);
    free(ix->lang_mask);
    free(ix->kind_of);
    free(ix->end_user);
    free(ix->name_off);
    free(ix->name_term);
    free(ix->first_off);
    strmap_free(&ix->name_words);
    free(ix->first_org);
    free(ix->country_lift);
    free(ix->kind_lift);
    free(ix);
}

/* Growable arrays used while building. */
struct ivec {
    int *v;
    size_t n, cap;
};

static int ivec_push(struct ivec *a, int x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        int *v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

struct tok_ctx {
    struct match_index *ix;
    struct ivec *ids;
    int words_cap, flags_cap;
    int oom;
};

static int collect_term(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct tok_ctx *c = ud;
    struct match_index *ix = c->ix;
    int fresh = (int)ix->terms.n;
    int id = strmap_put(&ix->terms, stem, fresh);
    if (id < 0 || ivec_push(c->ids, id) < 0)
        goto oom;
    /* a term keeps the shortest form it came in, for reasons: "sensor", not
     * "sensory" or "sensors" */
    if (id == fresh &&
        df_grow((void **)&ix->term_word, &c->words_cap, id, sizeof *ix->term_word) < 0)
        goto oom;
    if ((id == fresh || strlen(word) < strlen(ix->term_word[id])) &&
        !(ix->term_word[id] = arena_strdup(&ix->term_words, word)))
        goto oom;
    /* a ц-stem seen in a form other than -ці is a ц-noun's (танець, танців,
     * станції), not a -ка noun's dative or locative; so for the other
     * shared endings (join_alt_stems) */
    char alt[MATCH_TOKEN_MAX + 8];
    int kind = match_stem_uk_alt(stem, word, alt, sizeof alt);
    if (id == fresh) {
        if (df_grow((void **)&ix->alt_kind, &c->flags_cap, id, sizeof *ix->alt_kind) < 0)
            goto oom;
        ix->alt_kind[id] = (uint8_t)kind;
    } else if (ix->alt_kind[id] != kind) {
        ix->alt_kind[id] = 0;
    }
    return 0;
oom:
    c->oom = 1;
    return 1;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Some endings belong to two declensions, and the stemmer keeps the
 * commoner reading (match_stem_uk_alt lists them): a -ка noun's dative and
 * locative turn к into ц (доставка, доставці) as -ець nouns' plurals end
 * (фахівці); a soft stem's instrumental ends in -ем (корабель, кораблем) as
 * -ема nouns' genitive plural does (проблем); a bare word's і may be the о of
 * its other cases (засіб, засоби) or not (досвід, досвіду); and more.
 * Where the texts have such a stem only ever in that form, and its other stem
 * (match_stem_uk_alt) too, the stem's postings join the other's, summed
 * within a document; where the texts lack the other stem, ix->alt_of
 * remembers it, for a question that asks in it. The triples, (term, doc, tf
 * | own << 16), stay in document order. Sets ix->joined (NULL when nothing
 * joined). -1 when out of memory. */
static int join_alt_stems(struct match_index *ix, struct ivec *triples)
{
    for (size_t i = 0; i < ix->terms.cap; i++) {
        char k[MATCH_TOKEN_MAX + 8];
        if (!ix->terms.keys[i])
            continue;
        /* every form gave the same other stem: the shortest one too */
        int id = ix->terms.vals[i];
        if (!ix->alt_kind[id] ||
            !match_stem_uk_alt(ix->terms.keys[i], ix->term_word[id], k, sizeof k))
            continue;
        int kid = strmap_get(&ix->terms, k);
        if (kid < 0) {
            if (strmap_put(&ix->alt_of, k, id) == -2)
                return -1;
            continue;
        }
        if (!ix->joined) {
            ix->joined = malloc(((size_t)ix->terms_n + 1) * sizeof *ix->joined);
            if (!ix->joined)
                return -1;
            for (int t = 0; t < ix->terms_n; t++)
                ix->joined[t] = t;
        }
        ix->joined[id] = kid;
    }
    free(ix->alt_kind);
    ix->alt_kind = NULL;
    if (!ix->joined)
        return 0;
    int *v = triples->v;
    size_t n = triples->n / 3, out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[3 * j + 1] == v[3 * i + 1])
            j++;
        for (size_t k = i; k < j; k++)
            v[3 * k] = ix->joined[v[3 * k]];
        qsort(v + 3 * i, j - i, 3 * sizeof *v, cmp_int);   /* by term */
        for (size_t k = i; k < j; k++) {
            if (out > 0 && v[3 * (out - 1)] == v[3 * k] && v[3 * (out - 1) + 1] == v[3 * k + 1]) {
                int *m = &v[3 * (out - 1) + 2], tf = (*m & 0xffff) + (v[3 * k + 2] & 0xffff);
                *m = (tf > 65535 ? 65535 : tf) | ((*m | v[3 * k + 2]) & ~0xffff);
                continue;
            }
            memmove(&v[3 * out], &v[3 * k], 3 * sizeof *v);
            out++;
        }
        i = j;
    }
    triples->n = 3 * out;
    return 0;
}

/* The terms' skeletons, from the vocabulary's keys in term order. */
static int build_cognates(struct match_index *ix)
{
    const char **stems = malloc(((size_t)ix->terms_n + 1) * sizeof *stems);
    if (!stems)
        return -1;
    for (size_t i = 0; i < ix->terms.cap; i++)
        if (ix->terms.keys[i])
            stems[ix->terms.vals[i]] = ix->terms.keys[i];
    int rc = match_cognates_build(&ix->cognates, stems, ix->terms_n);
    free(stems);
    return rc;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static const char *doc_text(const struct match_index *ix, const struct match_project *pr,
                            const int *own_of_doc, int d)
{
    return d < ix->projects_n ? pr[d].text : ix->profiles[own_of_doc[d - ix->projects_n]].text;
}

#define RECENCY_DECAY 0.7

static double recency(const struct match_index *ix, int year)
{
    int age = year > 0 ? ix->max_year - year : 30;
    return pow(RECENCY_DECAY, age < 0 ? 0 : age);
}

/* Term t's frequency per organisation, summed over its documents' members
 * (weighted by rw[d] when rw is not NULL) into tf; the organisations met, in
 * walk order, into touched. Returns how many. tf is 0 for all on entry. */
static int term_org_tf(const struct match_index *ix, int t, const float *rw, float *tf,
                       int *touched)
{
    int tn = 0;
    for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++) {
        int d = ix->post_doc[k];
        for (int m = ix->doc_mem_off[d]; m < ix->doc_mem_off[d + 1]; m++) {
            int o = ix->doc_mem[m];
            if (tf[o] == 0)
                touched[tn++] = o;
            tf[o] += rw ? ix->post_tf[k] * rw[d] : ix->post_tf[k];
        }
    }
    return tn;
}

static int script_of(const char *word)
{
    unsigned char c = (unsigned char)word[0];
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return SCRIPT_LATIN;
    return c >= 0xd0 && c <= 0xd3 ? SCRIPT_CYRILLIC : SCRIPT_NONE;   /* U+0400-U+04FF */
}

/* Each script's pool of documents and organisations, and how many of each
 * have a term in their own words (post_own: the posting's occurrences
 * include some outside the labels). -1 when out of memory. */
static int build_script_pools(struct match_index *ix, const uint8_t *post_own)
{
    uint8_t *doc_scripts = calloc((size_t)ix->docs_n + 1, 1);
    int *seen = malloc(((size_t)ix->n + 1) * sizeof *seen);
    ix->term_script = malloc((size_t)ix->terms_n + 1);
    ix->prose_df = calloc((size_t)ix->terms_n + 1, sizeof *ix->prose_df);
    ix->prose_odf = calloc((size_t)ix->terms_n + 1, sizeof *ix->prose_odf);
    int rc = -1;
    if (!doc_scripts || !seen || !ix->term_script || !ix->prose_df || !ix->prose_odf)
        goto out;
    for (int o = 0; o < ix->n; o++)
        seen[o] = -1;
    for (int t = 0; t < ix->terms_n; t++) {
        int sc = script_of(ix->term_word[t]);
        ix->term_script[t] = (uint8_t)sc;
        for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++) {
            if (!post_own[k])
                continue;
            int d = ix->post_doc[k];
            ix->prose_df[t]++;
            doc_scripts[d] |= (uint8_t)(1u << sc);
            for (int m = ix->doc_mem_off[d]; m < ix->doc_mem_off[d + 1]; m++)
                if (seen[ix->doc_mem[m]] != t) {
                    seen[ix->doc_mem[m]] = t;
                    ix->prose_odf[t]++;
                }
        }
    }
    for (int d = 0; d < ix->docs_n; d++) {
        for (int sc = 0; sc < SCRIPTS; sc++)
            ix->script_docs[sc] += doc_scripts[d] >> sc & 1;
        ix->text_docs += doc_scripts[d] != 0;
    }
    for (int o = 0; o < ix->n; o++) {
        unsigned mask = 0;
        for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
            mask |= doc_scripts[ix->org_doc[k]];
        for (int sc = 0; sc < SCRIPTS; sc++)
            ix->script_orgs[sc] += mask >> sc & 1;
        ix->text_orgs += mask != 0;
    }
    rc = 0;
out:
    free(doc_scripts);
    free(seen);
    return rc;
}

/* Organisation postings for whole-profile BM25 (score_profiles) at the
 * default text_recency: each term's organisations, in the order a walk of the
 * term's documents meets them, with their recency-weighted term frequency
 * summed in that order, so that a query reads them instead of walking every
 * document's members (the same floats either way). -1 when out of memory. */
static int build_org_postings(struct match_index *ix)
{
    struct match_weights dw;
    match_weights_default(&dw);
    ix->opost_exp = dw.text_recency;
    size_t cap = 1024, n = 0;
    float *rw = malloc(((size_t)ix->docs_n + 1) * sizeof *rw);
    float *tf = calloc((size_t)ix->n + 1, sizeof *tf);
    int *touched = malloc(((size_t)ix->n + 1) * sizeof *touched);
    ix->opost_off = calloc((size_t)ix->terms_n + 1, sizeof *ix->opost_off);
    ix->opost_org = malloc(cap * sizeof *ix->opost_org);
    ix->opost_tf = malloc(cap * sizeof *ix->opost_tf);
    int rc = -1;
    if (!rw || !tf || !touched || !ix->opost_off || !ix->opost_org || !ix->opost_tf)
        goto out;
    for (int d = 0; d < ix->docs_n && ix->opost_exp > 0; d++)
        rw[d] = (float)pow(ix->doc_recency[d], ix->opost_exp);
    for (int t = 0; t < ix->terms_n; t++) {
        int tn = term_org_tf(ix, t, ix->opost_exp > 0 ? rw : NULL, tf, touched);
        if (n + (size_t)tn > cap) {
            while (n + (size_t)tn > cap)
                cap *= 2;
            int *org = realloc(ix->opost_org, cap * sizeof *org);
            if (org)
                ix->opost_org = org;
            float *f = realloc(ix->opost_tf, cap * sizeof *f);
            if (f)
                ix->opost_tf = f;
            if (!org || !f)
                goto out;
        }
        for (int j = 0; j < tn; j++) {
            ix->opost_org[n] = touched[j];
            ix->opost_tf[n++] = tf[touched[j]];
            tf[touched[j]] = 0;
        }
        ix->opost_off[t + 1] = (int)n;
    }
    rc = 0;
out:
    free(rw);
    free(tf);
    free(touched);
    return rc;
}

/* The next code of a list ("en;uk", also split at commas and spaces) into
 * code (lowercased; "" when too long), advancing *p; false at the end. */
static bool next_language(const char **p, char code[8])
{
    while (**p == ';' || **p == ',' || **p == ' ')
        (*p)++;
    if (!**p)
        return false;
    size_t len = strcspn(*p, ";, ");
    code[0] = '\0';
    if (len < 8) {
        for (size_t k = 0; k < len; k++)
            code[k] = (char)((*p)[k] >= 'A' && (*p)[k] <= 'Z' ? (*p)[k] + 32 : (*p)[k]);
        code[len] = '\0';
    }
    *p += len;
    return true;
}

static int language_bit(const struct lang_table *t, const char *code)
{
    for (int bit = 0; bit < t->n; bit++)
        if (strcmp(t->code[bit], code) == 0)
            return bit;
    return -1;
}

/* Gives the list's new codes bits while there are bits left. */
static void languages_add(struct lang_table *t, const char *p)
{
    char code[8];
    while (p && next_language(&p, code))
        if (code[0] && t->n < LANG_CODES && language_bit(t, code) < 0)
            memcpy(t->code[t->n++], code, strlen(code) + 1);
}

static uint64_t languages_mask(const struct lang_table *t, const char *p)
{
    uint64_t mask = 0;
    char code[8];
    while (p && next_language(&p, code)) {
        int bit = code[0] ? language_bit(t, code) : -1;
        mask |= bit >= 0 ? (uint64_t)1 << bit : LANG_OTHER;
    }
    return mask;
}

/* 1 when two masks share a language, -1 when both are known and share none,
 * 0 when either is unknown. */
static int shared_language(uint64_t x, uint64_t y)
{
    if (!x || !y)
        return 0;
    return x & y & ~LANG_OTHER ? 1 : -1;
}

/* Small ids for a string attribute of the profiles (country or kind). */
static int attribute_ids(const struct match_profile *profiles, int n, bool kind, int *of)
{
    struct strmap m = {0};
    for (int i = 0; i < n; i++) {
        const char *v = kind ? profiles[i].kind : profiles[i].country;
        of[i] = v && *v ? strmap_put(&m, v, (int)m.n) : -1;
        if (of[i] == -2) {
            strmap_free(&m);
            return -1;
        }
    }
    int k = (int)m.n;
    strmap_free(&m);
    return k;
}

/* How much more often than on average consortia whose coordinator has
 * attribute a take members with attribute b: (count + 10 x base share) /
 * (row + 10) / base share, smoothed toward 1, squashed to lift / (1 + lift). */
static float *attribute_lift(const struct match_project *projects, int projects_n, const int *of,
                             int k)
{
    size_t kk = (size_t)k * (size_t)k;
    double *cnt = calloc(kk + 1, sizeof *cnt), *row = calloc((size_t)k + 1, sizeof *row),
           *col = calloc((size_t)k + 1, sizeof *col);
    float *lift = malloc((kk + 1) * sizeof *lift);
    if (!cnt || !row || !col || !lift) {
        free(lift);
        lift = NULL;
        goto out;
    }
    double total = 0;
    for (int p = 0; p < projects_n; p++) {
        int c = projects[p].coordinator;
        if (c < 0 || of[c] < 0)
            continue;
        for (int i = 0; i < projects[p].members_n; i++) {
            int m = projects[p].members[i];
            if (m == c || of[m] < 0)
                continue;
            cnt[(size_t)of[c] * k + of[m]]++;
            row[of[c]]++;
            col[of[m]]++;
            total++;
        }
    }
    for (int a = 0; a < k; a++)
        for (int b = 0; b < k; b++) {
            double base = total > 0 ? (col[b] + 0.5) / (total + 0.5 * k) : 1.0 / k;
            double l = (cnt[(size_t)a * k + b] + 10 * base) / (row[a] + 10) / base;
            lift[(size_t)a * k + b] = (float)(l / (1 + l));
        }
out:
    free(cnt);
    free(row);
    free(col);
    return lift;
}

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
static int build_names(struct match_index *ix)
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

/* Marks in named[] the profiles whose whole name occurs in the query's word
 * sequence seq (ids of name_words, -1 for a word no name has). */
static void find_names(const struct match_index *ix, const int *seq, int n, char *named)
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

struct match_index *match_index_build(const struct match_profile *profiles, int profiles_n,
                                      const struct match_project *projects, int projects_n,
                                      struct df_err *err)
{
    struct match_index *ix = calloc(1, sizeof *ix);
    struct ivec triples = {0}, ids = {0}, edges = {0};
    int *own_of_doc = NULL, *cnt = NULL;
    uint8_t *post_own = NULL;
    if (!ix)
        goto oom;
    ix->profiles = profiles;
    ix->projects = projects;
    ix->n = profiles_n;
    ix->projects_n = projects_n;
    for (int i = 0; i < profiles_n; i++) {
        if (!profiles[i].id)
            goto bad_profile;
        int r = strmap_put(&ix->ids, profiles[i].id, i);
        if (r == -2)
            goto oom;
        if (r != i) {
            df_err_set(err, DF_ERR_INPUT, "organisation \"%s\" appears twice", profiles[i].id);
            goto fail;
        }
    }
    own_of_doc = malloc(((size_t)profiles_n + 1) * sizeof *own_of_doc);
    if (!own_of_doc)
        goto oom;
    int own_n = 0;
    for (int i = 0; i < profiles_n; i++)
        if ((profiles[i].text && profiles[i].text[0]) ||
            (profiles[i].labels && profiles[i].labels[0]))
            own_of_doc[own_n++] = i;
    ix->docs_n = projects_n + own_n;

    /* documents -> (term, doc, tf) triples */
    ix->doc_len = calloc((size_t)ix->docs_n + 1, sizeof *ix->doc_len);
    if (!ix->doc_len)
        goto oom;
    double total_len = 0;
    int words_cap = 0, flags_cap = 0;
    for (int d = 0; d < ix->docs_n; d++) {
        const char *t = doc_text(ix, projects, own_of_doc, d);
        const char *labels = d < projects_n ? NULL : profiles[own_of_doc[d - projects_n]].labels;
        if (!t && !labels)
            continue;
        ids.n = 0;
        struct tok_ctx c = {ix, &ids, words_cap, flags_cap, 0};
        int rc = t ? match_tokenize(t, strlen(t), collect_term, &c) : 0;
        size_t own_words = ids.n;
        if (rc >= 0 && !c.oom && labels)
            rc = match_tokenize(labels, strlen(labels), collect_term, &c);
        words_cap = c.words_cap;
        flags_cap = c.flags_cap;
        if (c.oom)
            goto oom;
        if (rc < 0) {
            df_err_set(err, DF_ERR_INPUT, "%s \"%s\": text is not valid UTF-8",
                       d < projects_n ? "project" : "organisation",
                       d < projects_n ? projects[d].id : profiles[own_of_doc[d - projects_n]].id);
            goto fail;
        }
        ix->doc_len[d] = (int)ids.n;
        total_len += (double)ids.n;
        /* each occurrence as term * 2 + 1 when among the document's own
         * words, so that a term's run ends with an odd one if any was */
        for (size_t i = 0; i < ids.n; i++)
            ids.v[i] = ids.v[i] * 2 + (i < own_words);
        if (ids.n)
            qsort(ids.v, ids.n, sizeof *ids.v, cmp_int);
        for (size_t i = 0; i < ids.n;) {
            size_t j = i;
            while (j < ids.n && ids.v[j] >> 1 == ids.v[i] >> 1)
                j++;
            int tf = (int)(j - i > 65535 ? 65535 : j - i), own = ids.v[j - 1] & 1;
            if (ivec_push(&triples, ids.v[i] >> 1) < 0 || ivec_push(&triples, d) < 0 ||
                ivec_push(&triples, tf | own << 16) < 0)
                goto oom;
            i = j;
        }
    }
    ix->avgdl = ix->docs_n ? total_len / ix->docs_n : 1.0;
    if (ix->avgdl <= 0)
        ix->avgdl = 1.0;
    ix->terms_n = (int)ix->terms.n;
    if (build_cognates(ix) < 0 || join_alt_stems(ix, &triples) < 0)
        goto oom;

    /* postings in CSR order; documents were visited in order, so each list is sorted */
    size_t posts = triples.n / 3;
    ix->post_off = calloc((size_t)ix->terms_n + 1, sizeof *ix->post_off);
    ix->post_doc = malloc((posts + 1) * sizeof *ix->post_doc);
    ix->post_tf = malloc((posts + 1) * sizeof *ix->post_tf);
    cnt = calloc((size_t)ix->terms_n + 1, sizeof *cnt);
    post_own = malloc(posts + 1);
    if (!ix->post_off || !ix->post_doc || !ix->post_tf || !cnt || !post_own)
        goto oom;
    for (size_t i = 0; i < posts; i++)
        ix->post_off[triples.v[3 * i] + 1]++;
    for (int t = 0; t < ix->terms_n; t++)
        ix->post_off[t + 1] += ix->post_off[t];
    for (size_t i = 0; i < posts; i++) {
        int t = triples.v[3 * i];
        int at = ix->post_off[t] + cnt[t]++;
        ix->post_doc[at] = triples.v[3 * i + 1];
        ix->post_tf[at] = (uint16_t)(triples.v[3 * i + 2] & 0xffff);
        post_own[at] = (uint8_t)(triples.v[3 * i + 2] >> 16);
    }


    /* members of documents and documents of profiles */
    size_t mem = (size_t)own_n;
    for (int p = 0; p < projects_n; p++) {
        if (projects[p].members_n < 0 || (projects[p].members_n > 0 && !projects[p].members))
            goto bad_project;
        mem += (size_t)projects[p].members_n;
    }
    ix->doc_mem_off = calloc((size_t)ix->docs_n + 1, sizeof *ix->doc_mem_off);
    ix->doc_mem = malloc((mem + 1) * sizeof *ix->doc_mem);
    ix->org_doc_off = calloc((size_t)profiles_n + 1, sizeof *ix->org_doc_off);
    ix->org_doc = malloc((mem + 1) * sizeof *ix->org_doc);
    ix->projects_of = calloc((size_t)profiles_n + 1, sizeof *ix->projects_of);
    ix->recent_of = calloc((size_t)profiles_n + 1, sizeof *ix->recent_of);
    ix->org_len = calloc((size_t)profiles_n + 1, sizeof *ix->org_len);
    ix->doc_recency = calloc((size_t)ix->docs_n + 1, sizeof *ix->doc_recency);
    if (!ix->org_len || !ix->doc_recency)
        goto oom;
    if (!ix->doc_mem_off || !ix->doc_mem || !ix->org_doc_off || !ix->org_doc || !ix->projects_of ||
        !ix->recent_of)
        goto oom;
    for (int p = 0; p < projects_n; p++)
        if (projects[p].year > ix->max_year)
            ix->max_year = projects[p].year;
    size_t at = 0;
    for (int d = 0; d < ix->docs_n; d++) {
        if (d < projects_n) {
            for (int k = 0; k < projects[d].members_n; k++) {
                int o = projects[d].members[k];
                if (o < 0 || o >= profiles_n)
                    goto bad_project;
                ix->doc_mem[at++] = o;
                ix->org_doc_off[o + 1]++;
                ix->projects_of[o]++;
                ix->recent_of[o] += (float)recency(ix, projects[d].year);
            }
            ix->doc_recency[d] = (float)recency(ix, projects[d].year);
        } else {
            int o = own_of_doc[d - projects_n];
            ix->doc_mem[at++] = o;
            ix->org_doc_off[o + 1]++;
            ix->doc_recency[d] = 1;
        }
        ix->doc_mem_off[d + 1] = (int)at;
    }
    for (int o = 0; o < profiles_n; o++) {
        ix->org_doc_off[o + 1] += ix->org_doc_off[o];
        if (ix->projects_of[o] > ix->max_projects)
            ix->max_projects = ix->projects_of[o];
        if (ix->recent_of[o] > ix->max_recent)
            ix->max_recent = ix->recent_of[o];
    }
    free(cnt);
    cnt = calloc((size_t)profiles_n + 1, sizeof *cnt);
    if (!cnt)
        goto oom;
    for (int d = 0; d < ix->docs_n; d++)
        for (int k = ix->doc_mem_off[d]; k < ix->doc_mem_off[d + 1]; k++) {
            int o = ix->doc_mem[k];
            ix->org_doc[ix->org_doc_off[o] + cnt[o]++] = d;
            ix->org_len[o] += ix->doc_len[d];
        }
    double sum_len = 0;
    for (int o = 0; o < profiles_n; o++)
        sum_len += ix->org_len[o];
    ix->avg_org_len = profiles_n && sum_len > 0 ? sum_len / profiles_n : 1.0;

    /* the collaboration graph: (a, b) pairs of every project, merged with counts */
    for (int p = 0; p < projects_n; p++)
        for (int i = 0; i < projects[p].members_n; i++)
            for (int j = 0; j < projects[p].members_n; j++)
                if (projects[p].members[i] != projects[p].members[j] &&
                    (ivec_push(&edges, projects[p].members[i]) < 0 ||
                     ivec_push(&edges, projects[p].members[j]) < 0 || ivec_push(&edges, p) < 0))
                    goto oom;
    size_t en = edges.n / 3;
    int *from_n = calloc((size_t)profiles_n + 1, sizeof *from_n);
    int *tmp_to = malloc((en + 1) * sizeof *tmp_to);
    if (!from_n || !tmp_to) {
        free(from_n);
        free(tmp_to);
        goto oom;
    }
    for (size_t e = 0; e < en; e++)
        from_n[edges.v[3 * e] + 1]++;
    for (int o = 0; o < profiles_n; o++)
        from_n[o + 1] += from_n[o];
    memset(cnt, 0, ((size_t)profiles_n + 1) * sizeof *cnt);
    /* (partner, project) pairs, sorted per organisation by partner */
    int64_t *tmp_pair = malloc((en + 1) * sizeof *tmp_pair);
    if (!tmp_pair) {
        free(from_n);
        free(tmp_to);
        goto oom;
    }
    for (size_t e = 0; e < en; e++) {
        int a = edges.v[3 * e];
        tmp_pair[from_n[a] + cnt[a]++] = (int64_t)edges.v[3 * e + 1] << 32 | edges.v[3 * e + 2];
    }
    ix->adj_off = calloc((size_t)profiles_n + 1, sizeof *ix->adj_off);
    ix->adj_to = malloc((en + 1) * sizeof *ix->adj_to);
    ix->adj_w = malloc((en + 1) * sizeof *ix->adj_w);
    ix->adj_rw = malloc((en + 1) * sizeof *ix->adj_rw);
    ix->adj_cw = malloc((en + 1) * sizeof *ix->adj_cw);
    if (!ix->adj_off || !ix->adj_to || !ix->adj_w || !ix->adj_rw || !ix->adj_cw) {
        free(from_n);
        free(tmp_to);
        free(tmp_pair);
        goto oom;
    }
    size_t out = 0;
    for (int o = 0; o < profiles_n; o++) {
        int64_t *seg = tmp_pair + from_n[o];
        int k = from_n[o + 1] - from_n[o];
        qsort(seg, (size_t)k, sizeof *seg, cmp_i64);
        for (int i = 0; i < k;) {
            int j = i;
            double rw = 0, cw = 0;
            while (j < k && (seg[j] >> 32) == (seg[i] >> 32)) {
                const struct match_project *pj = &projects[(int)(seg[j] & 0xffffffff)];
                rw += recency(ix, pj->year);
                cw += pj->coordinator == o;
                j++;
            }
            ix->adj_to[out] = (int)(seg[i] >> 32);
            ix->adj_w[out] = (float)(j - i);
            ix->adj_rw[out] = (float)rw;
            ix->adj_cw[out] = (float)cw;
            out++;
            i = j;
        }
        ix->adj_off[o + 1] = (int)out;
    }
    free(from_n);
    free(tmp_to);
    free(tmp_pair);

    ix->country_of = malloc(((size_t)profiles_n + 1) * sizeof *ix->country_of);
    ix->kind_of = malloc(((size_t)profiles_n + 1) * sizeof *ix->kind_of);
    ix->end_user = calloc((size_t)profiles_n + 1, 1);
    if (!ix->country_of || !ix->kind_of || !ix->end_user)
        goto oom;
    for (int i = 0; i < profiles_n; i++)
        ix->end_user[i] = profiles[i].kind && strcmp(profiles[i].kind, "government") == 0;
    ix->lang_mask = calloc((size_t)profiles_n + 1, sizeof *ix->lang_mask);
    if (!ix->lang_mask)
        goto oom;
    for (int i = 0; i < profiles_n; i++) {
        languages_add(&ix->langs, profiles[i].languages);
        ix->lang_mask[i] = languages_mask(&ix->langs, profiles[i].languages);
    }
    ix->countries_n = attribute_ids(profiles, profiles_n, false, ix->country_of);
    ix->kinds_n = attribute_ids(profiles, profiles_n, true, ix->kind_of);
    if (ix->countries_n < 0 || ix->kinds_n < 0)
        goto oom;
    if (build_org_postings(ix) < 0 || build_names(ix) < 0 || build_script_pools(ix, post_own) < 0)
        goto oom;
    ix->country_lift = attribute_lift(projects, projects_n, ix->country_of, ix->countries_n);
    ix->kind_lift = attribute_lift(projects, projects_n, ix->kind_of, ix->kinds_n);
    if (!ix->country_lift || !ix->kind_lift)
        goto oom;

    free(triples.v);
    free(ids.v);
    free(edges.v);
    free(own_of_doc);
    free(cnt);
    free(post_own);
    return ix;

bad_profile:
    df_err_set(err, DF_ERR_INPUT, "a profile has no id");
    goto fail;
bad_project:
    df_err_set(err, DF_ERR_INPUT, "a project's member is not a profile");
    goto fail;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory building the matchmaking index");
fail:
    free(triples.v);
    free(ids.v);
    free(edges.v);
    free(own_of_doc);
    free(cnt);
    free(post_own);
    match_index_free(ix);
    return NULL;
}

/* ---- CPV ------------------------------------------------------------------ */

static int cpv_sig(const char *c)
{
    int n = 0;
    while (n < 8 && c[n] >= '0' && c[n] <= '9')
        n++;
    if (n < 8)
        return 0;
    int sig = 8;
    while (sig > 2 && c[sig - 1] == '0')
        sig--;
    return sig;
}

double match_cpv_affinity(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    int sa = cpv_sig(a), sb = cpv_sig(b);
    if (!sa || !sb)
        return 0;
    int l = 0;
    while (l < 8 && a[l] == b[l])
        l++;
    if (l >= (sa < sb ? sa : sb))
        return 1.0;
    static const double by_prefix[] = {0, 0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0};
    return by_prefix[l];
}

/* ---- queries -------------------------------------------------------------- */

/* A query word's translations, and the thing a phrase it ends names, with
 * that thing's translations (collect_qterm) */
#define QTERM_TR_MAX (2 * MATCH_LEXICON_MAX + 1)

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
    int tr_id[QTERM_TR_MAX];          /* the query's own word: its translations' term ids */
    int at;                           /* the place of the query's word that first brought it */
    int tr_n;
};


struct qctx {
    const struct match_index *ix;
    const struct match_lexicon *lx;
    double cognate;   /* the weight of a cognate's term (0: none) */
    struct qterm *t;
    int n, cap;
    int oom;
    struct ivec seq;   /* every word's id among the names' words in order, -1 for others */
    int last_own;            /* the last word's query term (-1: none) */
    int at;                  /* the words read so far */
};

/* The query term of id; a new zeroed one (qtf 0) when absent, NULL when out of memory. */
static struct qterm *qterm_of(struct qctx *c, int id)
{
    for (int i = 0; i < c->n; i++)
        if (c->t[i].id == id)
            return &c->t[i];
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        struct qterm *t = realloc(c->t, (size_t)cap * sizeof *t);
        if (!t) {
            c->oom = 1;
            return NULL;
        }
        c->t = t;
        c->cap = cap;
    }
    struct qterm *q = &c->t[c->n++];
    *q = (struct qterm){.id = id, .from_id = -1};
    return q;
}

/* The query's word (its term id, or -1 when the index lacks it; own, its
 * query term's index, or -1; compound, its compound or NULL) also counts in
 * the index's term tid, a translation (lexical) or cognate of it, with
 * weight, spelled via in the reasons ("радари (radar)"). */
static int add_translation(struct qctx *c, int own, int id, const char *word,
                           const char *compound, int tid, const char *via, double weight,
                           bool lexical)
{
    struct qterm *q = qterm_of(c, tid);
    if (!q)
        return 1;
    if (own >= 0 && c->t[own].tr_n < QTERM_TR_MAX) {
        struct qterm *o = &c->t[own];
        bool known = false;
        for (int j = 0; j < o->tr_n && !known; j++)
            known = o->tr_id[j] == tid;
        if (!known)
            o->tr_id[o->tr_n++] = tid;
    }
    if (q->qtf > 0 && !q->via[0])
        return 0;   /* the query has the word itself */
    if (q->qtf == 0) {
        snprintf(q->word, sizeof q->word, "%s", word);
        snprintf(q->via, sizeof q->via, "%s", via);
        snprintf(q->compound, sizeof q->compound, "%s", compound ? compound : "");
        q->from_id = id;
        q->at = c->at;
    }
    if (weight > q->scale)
        q->scale = weight;
    q->lexical |= lexical;
    q->qtf++;
    return 0;
}

struct cognate_ctx {
    struct qctx *c;
    int own, id;
    const char *word, *compound;
    const struct match_translation *tr;   /* the lexicon's translations, not repeated */
    int tn;
};

static int add_cognate(void *ud, int tid)
{
    struct cognate_ctx *g = ud;
    const struct match_index *ix = g->c->ix;
    for (int k = 0; k < g->tn; k++)
        if (strmap_get(&ix->terms, g->tr[k].stem) == tid)
            return 0;
    return add_translation(g->c, g->own, g->id, g->word, g->compound, tid, ix->term_word[tid],
                           g->c->cognate, false);
}

/* The thing a phrase names ("unmanned aerial": drone, spelled as the
 * phrase), after the phrase's last word (last, its query term): one thing
 * with that word, so the text says it once, and a profile that writes only
 * "UAV" matches it as one that writes "aerial" does. Its own term carries
 * no via: the reasons say the phrase as the text wrote it. */
static int add_phrase(struct qctx *c, const char *stem, const char *word, int last)
{
    const struct match_index *ix = c->ix;
    int last_id = c->t[last].id, id = strmap_get(&ix->terms, stem);
    if (id >= 0 && add_translation(c, last, last_id, word, NULL, id, "", 1.0, true))
        return 1;
    const struct match_translation *tr;
    int tn = match_lexicon_lookup(c->lx, stem, &tr);
    for (int k = 0; k < tn; k++) {
        int tid = strmap_get(&ix->terms, tr[k].stem);
        if (tid >= 0 && add_translation(c, last, last_id, word, NULL, tid, tr[k].word,
                                        tr[k].weight, true))
            return 1;
    }
    return 0;
}

static int collect_qterm(void *ud, const char *stem, const char *word, const char *compound)
{
    struct qctx *c = ud;
    c->at++;
    if (ivec_push(&c->seq, strmap_get(&c->ix->name_words, stem)) < 0) {
        c->oom = 1;
        return 1;
    }
    /* the thing a phrase names (text.h: its word is the phrase, with
     * spaces) joins the phrase's last word where the index has that word */
    if (strchr(word, ' ') && c->last_own >= 0) {
        int last = c->last_own;
        c->last_own = -1;
        return add_phrase(c, stem, word, last);
    }
    /* доставці is доставка's (кораблем корабель's ...) where the index joined
     * them (join_alt_stems), or where neither the index nor the lexicon knows
     * доставці but one of them knows доставка (the lexicon knows танці:
     * dance, not tank) */
    char k[MATCH_TOKEN_MAX + 8];
    const struct match_translation *kt;
    if (match_stem_uk_alt(stem, word, k, sizeof k)) {
        int cid = strmap_get(&c->ix->terms, stem);
        if (cid >= 0 ? c->ix->joined && c->ix->joined[cid] != cid
                     : match_lexicon_lookup(c->lx, stem, &kt) == 0 &&
                           (strmap_get(&c->ix->terms, k) >= 0 ||
                            match_lexicon_lookup(c->lx, k, &kt) > 0))
            stem = k;
    }
    int id = strmap_get(&c->ix->terms, stem), own = -1;
    /* and back: доставка finds доставці where the texts have no доставка,
     * unless the lexicon knows that word as its own (танці: dance, which
     * танки must not find) */
    if (id < 0 && (id = strmap_get(&c->ix->alt_of, stem)) >= 0) {
        char w[MATCH_TOKEN_MAX + 8];
        snprintf(w, sizeof w, "%s", c->ix->term_word[id]);
        match_stem_uk(w);
        if (match_lexicon_lookup(c->lx, w, &kt) > 0)
            id = -1;
    }
    if (id >= 0) {
        struct qterm *q = qterm_of(c, id);
        if (!q)
            return 1;
        own = (int)(q - c->t);
        if (q->qtf == 0 || q->via[0]) {   /* new, or only a translation so far */
            q->at = c->at;
            q->scale = 1;
            q->via[0] = '\0';
            snprintf(q->word, sizeof q->word, "%s", word);
            snprintf(q->compound, sizeof q->compound, "%s", compound ? compound : "");
        }
        q->qtf++;
    }
    /* the word's translations, where the index has them: "радари" finds "radar" */
    const struct match_translation *tr;
    int tn = match_lexicon_lookup(c->lx, stem, &tr);
    for (int k = 0; k < tn; k++) {
        int tid = strmap_get(&c->ix->terms, tr[k].stem);
        if (tid >= 0 &&
            add_translation(c, own, id, word, compound, tid, tr[k].word, tr[k].weight, true))
            return 1;
    }
    /* and its cognates in the other script: "технології" finds "technology" */
    if (c->cognate > 0) {
        struct cognate_ctx g = {c, own, id, word, compound, tr, tn};
        if (match_cognates_each(&c->ix->cognates, stem, add_cognate, &g))
            return 1;
    }
    c->last_own = own;
    return 0;
}

static int cmp_qterm(const void *a, const void *b)
{
    double x = ((const struct qterm *)a)->weight, y = ((const struct qterm *)b)->weight;
    return (x < y) - (x > y);
}

static bool term_in_doc(const struct match_index *ix, int t, int d)
{
    int lo = ix->post_off[t], hi = ix->post_off[t + 1] - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ix->post_doc[mid] == d)
            return true;
        if (ix->post_doc[mid] < d)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

/* How common term t is among the documents (or organisations) of the
 * index: in how many it stands, or, when fewer write in its script than
 * write at all, as common as it is among those that do, scaled to all. A
 * forum's Ukrainian descriptions are few; where 31 of 34 say "шукає
 * партнерів", "шукає" is no rare word, though 31 of 500 profiles have it.
 * A classifier's labels, in both languages in every profile with a code,
 * do not make a profile one that writes in Ukrainian. The share among the
 * writers is drawn towards the share among all by SCRIPT_PRIOR documents,
 * so that one Ukrainian description does not make each of its words as
 * common as a word can be. An index in one script is unchanged. */
#define SCRIPT_PRIOR 10.0

static double word_df(const struct match_index *ix, bool of_orgs, int t)
{
    const int *off = of_orgs ? ix->opost_off : ix->post_off;
    double df = off[t + 1] - off[t];
    int sc = ix->term_script[t];
    int writers = of_orgs ? ix->script_orgs[sc] : ix->script_docs[sc];
    int with_text = of_orgs ? ix->text_orgs : ix->text_docs;
    double all = of_orgs ? ix->n : ix->docs_n;
    if (sc != SCRIPT_NONE && writers > 0 && writers < with_text) {
        int own = of_orgs ? ix->prose_odf[t] : ix->prose_df[t];
        double share = (own + SCRIPT_PRIOR * df / with_text) / (writers + SCRIPT_PRIOR);
        double among = share * with_text;
        if (among > df)
            df = among < all ? among : all;
    }
    return df;
}

/* How common the thing a query word names is, by the postings (of
 * documents or of organisations): as common as its commonest spelling among
 * the word and its translations. In a forum's index Ukrainian descriptions
 * are few beside English ones, so "партнерів", in a few Ukrainian profiles,
 * would count as rare while "partner" stands in every English one; both say
 * the same, and neither should bring a partner forward. */
static double concept_df(const struct match_index *ix, bool of_orgs, const struct qterm *q)
{
    double df = word_df(ix, of_orgs, q->id);
    for (int k = 0; k < q->tr_n; k++) {
        double n = word_df(ix, of_orgs, q->tr_id[k]);
        if (n > df)
            df = n;
    }
    return df;
}

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

static int cmp_id_index(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

static int concepts_of(const struct qterm *qt, int qn, struct arena *a, struct concepts *c)
{
    size_t n = (size_t)qn + 1;
    c->lead = arena_alloc(a, n * sizeof *c->lead);
    c->first = arena_alloc(a, n * sizeof *c->first);
    c->next = arena_alloc(a, n * sizeof *c->next);
    c->qtf = arena_alloc(a, n * sizeof *c->qtf);
    c->par = arena_alloc(a, n * sizeof *c->par);
    int *by_id = arena_alloc(a, 2 * n * sizeof *by_id);   /* (term id, index) pairs */
    if (!c->lead || !c->first || !c->next || !c->qtf || !c->par || !by_id)
        return -1;
    c->grouped = 0;
    for (int i = 0; i < qn; i++) {
        c->qtf[i] = qt[i].qtf;
        c->par[i] = 0;
        c->lead[i] = i;
        c->first[i] = c->next[i] = -1;
        by_id[2 * i] = qt[i].id;
        by_id[2 * i + 1] = i;
    }
    qsort(by_id, (size_t)qn, 2 * sizeof *by_id, cmp_id_index);
    int *last = arena_alloc(a, n * sizeof *last);   /* a thing's last translation so far */
    if (!last)
        return -1;
    for (int L = 0; L < qn; L++) {
        if (qt[L].via[0] || c->lead[L] != L)
            continue;   /* a translation leads no thing, nor does a word in one */
        for (int k = 0; k < qt[L].tr_n; k++) {
            int key[2] = {qt[L].tr_id[k], 0};
            const int *hit = bsearch(key, by_id, (size_t)qn, 2 * sizeof *by_id, cmp_id_index);
            int i = hit ? hit[1] : -1;
            if (i < 0 || i == L || c->lead[i] != i || c->first[i] >= 0)
                continue;   /* already in a thing, or leading one */
            c->lead[i] = L;
            /* radar and радари in one text: the thing is said twice, whichever
             * spelling counted the translation of the other */
            if (qt[i].qtf > c->qtf[L])
                c->qtf[L] = qt[i].qtf;
            /* a cognate alone may be a false friend (preservation and
             * презервативи): only what the lexicon gave, or the text itself,
             * sets the thing's par */
            if ((qt[i].lexical || !qt[i].via[0]) && qt[i].scale > c->par[L])
                c->par[L] = qt[i].scale;
            if (c->first[L] < 0) {
                c->first[L] = i;
                c->grouped++;
            } else {
                c->next[last[L]] = i;
            }
            last[L] = i;
        }
    }
    return 0;
}

/* One thing's score per target (a document or an organisation): the word's
 * own matches or its translations' together, whichever say more, so a
 * profile in both languages counts the thing once, not once a language. */
struct thing_sum {
    double *own, *tr;   /* per target, during one thing */
    int *touched, tn;
};

static int thing_sum_init(struct thing_sum *t, int targets, struct arena *a)
{
    size_t n = (size_t)targets + 1;
    t->own = arena_alloc(a, n * sizeof *t->own);
    t->tr = arena_alloc(a, n * sizeof *t->tr);
    t->touched = arena_alloc(a, n * sizeof *t->touched);
    t->tn = 0;
    return t->own && t->tr && t->touched ? 0 : -1;
}

static void thing_add(struct thing_sum *t, int x, double v, bool translation)
{
    if (v <= 0)
        return;
    if (t->own[x] == 0 && t->tr[x] == 0)
        t->touched[t->tn++] = x;
    if (translation)
        t->tr[x] += v;
    else
        t->own[x] += v;
}

static void thing_flush(struct thing_sum *t, double *acc)
{
    for (int j = 0; j < t->tn; j++) {
        int x = t->touched[j];
        acc[x] += t->own[x] > t->tr[x] ? t->own[x] : t->tr[x];
        t->own[x] = t->tr[x] = 0;
    }
    t->tn = 0;
}

/* Adds v, a term's match with target x, to acc when its thing is the term
 * alone, else to the thing's sum (as its own word's or a translation's). */
static void thing_put(struct thing_sum *t, double *acc, int x, double v, bool alone,
                      bool translation)
{
    if (alone)
        acc[x] += v;
    else
        thing_add(t, x, v, translation);
}

/* BM25's idf of a term in df of N. */
static double bm25_idf(double N, double df)
{
    return log(1.0 + (N - df + 0.5) / (df + 0.5));
}

/* The query-frequency factor of term i's BM25 weight: 9 qtf / (8 + qtf), a
 * translation's scaled by its association. qtf is its thing's: every
 * spelling of a thing weighs as the thing is said. And the thing's best
 * translation weighs as its own word (the others in proportion): a profile
 * should not lead for the language it is written in. Without it, with half
 * the CPV profiles in both languages, the others' recall@1 fell from 0.553
 * to 0.432 (bench_lexicon). */
static double thing_qw(const struct qterm *qt, const struct concepts *c, int i)
{
    int L = c->lead[i], qtf = c->qtf[L];
    double scale = qt[i].scale;
    if (i != L && c->par[L] > 0)
        scale /= c->par[L];
    return scale * (qtf * 9.0) / (8.0 + qtf);
}

/* The next term of L's thing after i (L itself first), -1 after the last. */
static int thing_next(const struct concepts *c, int L, int i)
{
    return i == L ? c->first[L] : c->next[i];
}

/* Scores every profile's text against the query terms into text[] (normalised
 * to a best of 1). Returns -1 when out of memory. */
static int score_text(const struct match_index *ix, struct qterm *qt, int qn,
                      const struct concepts *c, const struct match_weights *w, struct arena *a,
                      double *text, double **doc_out)
{
    double *doc = arena_alloc(a, ((size_t)ix->docs_n + 1) * sizeof *doc);
    struct thing_sum ts = {0};
    if (!doc || (c->grouped && thing_sum_init(&ts, ix->docs_n, a) < 0))
        return -1;
    *doc_out = doc;
    double N = ix->docs_n;
    double k1 = w->doc_k1 > 0 ? w->doc_k1 : BM25_K1;
    for (int i = 0; i < qn; i++)   /* a translation is as common as its thing */
        qt[i].weight = bm25_idf(N, concept_df(ix, false, &qt[c->lead[i]])) * thing_qw(qt, c, i);
    for (int L = 0; L < qn; L++) {
        if (c->lead[L] != L)
            continue;
        bool alone = c->first[L] < 0;
        for (int i = L; i >= 0; i = thing_next(c, L, i)) {
            int t = qt[i].id;
            for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++) {
                int d = ix->post_doc[k];
                double tf = ix->post_tf[k];
                double norm = k1 * (1 - BM25_B + BM25_B * ix->doc_len[d] / ix->avgdl);
                thing_put(&ts, doc, d, qt[i].weight * tf * (k1 + 1) / (tf + norm), alone, i != L);
            }
        }
        if (!alone)
            thing_flush(&ts, doc);
    }
    /* recent similar projects say more about who works on the topic now */
    if (w->text_recency > 0)
        for (int d = 0; d < ix->docs_n; d++)
            if (doc[d] > 0)
                doc[d] *= pow(ix->doc_recency[d], w->text_recency);
    /* only the doc_top best documents speak: the candidates' similar projects */
    double floor_score = 0;
    if (w->doc_top > 0 && w->doc_top < ix->docs_n) {
        /* the doc_top-th best score, through a min-heap of the best seen */
        double *h = arena_alloc(a, (size_t)w->doc_top * sizeof *h);
        if (!h)
            return -1;
        int m = 0, k = w->doc_top;
        for (int d = 0; d < ix->docs_n; d++) {
            double v = doc[d];
            if (v <= 0 || (m == k && v <= h[0]))
                continue;
            if (m < k) {
                int i = m++;
                for (; i > 0 && h[(i - 1) / 2] > v; i = (i - 1) / 2)
                    h[i] = h[(i - 1) / 2];
                h[i] = v;
                continue;
            }
            int i = 0;   /* replace the root and sift down */
            for (;;) {
                int l = 2 * i + 1, r = l + 1, c = i;
                double cv = v;
                if (l < k && h[l] < cv)
                    c = l, cv = h[l];
                if (r < k && h[r] < cv)
                    c = r;
                if (c == i)
                    break;
                h[i] = h[c];
                i = c;
            }
            h[i] = v;
        }
        if (m == k)
            floor_score = h[0];
    }
    double best_doc = 0;
    for (int d = 0; d < ix->docs_n; d++)
        if (doc[d] > best_doc)
            best_doc = doc[d];
    if (best_doc <= 0) {
        memset(doc, 0, (size_t)ix->docs_n * sizeof *doc);
        return 0;
    }
    double *mx = arena_alloc(a, ((size_t)ix->n + 1) * sizeof *mx);
    if (!mx)
        return -1;
    for (int d = 0; d < ix->docs_n; d++) {
        if (doc[d] <= 0 || doc[d] < floor_score) {
            doc[d] = 0;
            continue;
        }
        double s = doc[d] / best_doc;
        doc[d] = s;
        for (int k = ix->doc_mem_off[d]; k < ix->doc_mem_off[d + 1]; k++) {
            int o = ix->doc_mem[k];
            text[o] += s;
            if (s > mx[o])
                mx[o] = s;
        }
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++) {
        text[o] = mx[o] + w->text_beta * (text[o] - mx[o]);
        if (text[o] > best)
            best = text[o];
    }
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            text[o] /= best;
    return 0;
}

/* A term's organisations and their term frequencies, for score_profiles:
 * read from the organisation postings when they were built for the
 * text_recency asked (the default), else walked from the term's documents
 * and their members (recency^text_recency once per document, in rw). */
struct org_terms {
    const float *rw;
    float *tf, *ftf;   /* per organisation, zero between terms; per place */
    int *touched;
};

static int org_terms_of(const struct match_index *ix, const struct org_terms *ot, int t,
                        const int **orgs, const float **tf)
{
    if (!ot->tf) {
        *orgs = ix->opost_org + ix->opost_off[t];
        *tf = ix->opost_tf + ix->opost_off[t];
        return ix->opost_off[t + 1] - ix->opost_off[t];
    }
    int tn = term_org_tf(ix, t, ot->rw, ot->tf, ot->touched);
    for (int j = 0; j < tn; j++) {
        ot->ftf[j] = ot->tf[ot->touched[j]];
        ot->tf[ot->touched[j]] = 0;
    }
    *orgs = ot->touched;
    *tf = ot->ftf;
    return tn;
}

/* BM25 over each profile's whole text (all its documents as one), the way a
 * keyword search over profiles ranks; into prof[] normalised to a best of 1. */
static int score_profiles(const struct match_index *ix, const struct qterm *qt, int qn,
                          const struct concepts *c, const struct match_weights *w,
                          struct arena *a, double *prof)
{
    double N = ix->n;
    double K1P = w->profile_k1 > 0 ? w->profile_k1 : BM25_K1;
    double b = w->profile_b < 0 ? 0 : w->profile_b > 1 ? 1 : w->profile_b;
    struct org_terms ot = {0};
    if (w->text_recency != ix->opost_exp && (w->text_recency > 0 || ix->opost_exp > 0)) {
        size_t n = (size_t)ix->n + 1;
        ot.tf = arena_alloc(a, n * sizeof *ot.tf);
        ot.ftf = arena_alloc(a, n * sizeof *ot.ftf);
        ot.touched = arena_alloc(a, n * sizeof *ot.touched);
        if (!ot.tf || !ot.ftf || !ot.touched)
            return -1;
        if (w->text_recency > 0) {
            float *rw = arena_alloc(a, ((size_t)ix->docs_n + 1) * sizeof *rw);
            if (!rw)
                return -1;
            for (int d = 0; d < ix->docs_n; d++)
                rw[d] = (float)pow(ix->doc_recency[d], w->text_recency);
            ot.rw = rw;
        }
    }
    struct thing_sum ts = {0};
    if (c->grouped && thing_sum_init(&ts, ix->n, a) < 0)
        return -1;
    for (int L = 0; L < qn; L++) {
        if (c->lead[L] != L)
            continue;
        bool alone = c->first[L] < 0;
        double idf = bm25_idf(N, concept_df(ix, true, &qt[L]));
        for (int i = L; i >= 0; i = thing_next(c, L, i)) {
            const int *orgs;
            const float *tf;
            int m = org_terms_of(ix, &ot, qt[i].id, &orgs, &tf);
            double qw = thing_qw(qt, c, i);
            for (int j = 0; j < m; j++) {
                int o = orgs[j];
                double norm = K1P * (1 - b + b * ix->org_len[o] / ix->avg_org_len);
                thing_put(&ts, prof, o, qw * idf * tf[j] * (K1P + 1) / (tf[j] + norm), alone,
                          i != L);
            }
        }
        if (!alone)
            thing_flush(&ts, prof);
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++)
        if (prof[o] > best)
            best = prof[o];
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            prof[o] /= best;
    return 0;
}

/* Two steps of a walk over the organisation-project graph, seeded by the
 * projects like the query (seed[], normalised) and the lead's own projects:
 * who works with the people who work on this topic. Into walk[], best = 1. */
static int score_walk(const struct match_index *ix, const double *seed, int lead,
                      struct arena *a, double *walk)
{
    int P = ix->projects_n;
    double *proj = arena_alloc(a, ((size_t)P + 1) * sizeof *proj);
    double *org = arena_alloc(a, ((size_t)ix->n + 1) * sizeof *org);
    if (!proj || !org)
        return -1;
    for (int p = 0; p < P; p++)
        proj[p] = seed ? seed[p] : 0;
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                proj[ix->org_doc[k]] += ix->doc_recency[ix->org_doc[k]];
    for (int p = 0; p < P; p++) {
        int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        if (proj[p] <= 0 || size == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            org[ix->doc_mem[m]] += proj[p] / size;
    }
    for (int p = 0; p < P; p++) {
        double s = 0;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
            int o = ix->doc_mem[m];
            if (org[o] > 0 && o != lead)
                s += org[o] / (ix->projects_of[o] ? ix->projects_of[o] : 1);
        }
        proj[p] = s * ix->doc_recency[p];
    }
    for (int p = 0; p < P; p++) {
        int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        if (proj[p] <= 0 || size == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            walk[ix->doc_mem[m]] += proj[p];
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++)
        if (o != lead && walk[o] > best)
            best = walk[o];
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            walk[o] /= best;
    return 0;
}

/* The lead's circle in the projects most like the query: each such project
 * (seed > 0) gives each member seed x the number of other members that are
 * the lead or its past partners (in_circle), over the project's size. Into
 * circle[], best = 1. */
static void score_circle(const struct match_index *ix, const double *seed, const char *in_circle,
                         double *circle)
{
    double best = 0;
    for (int p = 0; p < ix->projects_n; p++) {
        if (seed[p] <= 0)
            continue;
        int c = 0, size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
            c += in_circle[ix->doc_mem[m]];
        if (c == 0)
            continue;
        for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
            int o = ix->doc_mem[m], others = c - in_circle[o];
            if (others > 0)
                circle[o] += seed[p] * others / size;
        }
    }
    for (int o = 0; o < ix->n; o++)
        if (circle[o] > best)
            best = circle[o];
    if (best > 0)
        for (int o = 0; o < ix->n; o++)
            circle[o] /= best;
}

#define PPR_RESTART 0.3
#define PPR_STEPS 6

/* Personalised PageRank over the organisation-project graph: restarts on the
 * projects like the query (seed) and the lead's own (by recency), half each;
 * from a project to its members evenly, from an organisation to its projects
 * evenly. Into ppr[] the organisations' mass after PPR_STEPS, best = 1. */
static int score_ppr(const struct match_index *ix, const double *seed, int lead, struct arena *a,
                     double *ppr)
{
    int P = ix->projects_n;
    double *r = arena_alloc(a, ((size_t)P + 1) * sizeof *r);
    double *x = arena_alloc(a, ((size_t)P + 1) * sizeof *x);
    if (!r || !x)
        return -1;
    double ss = 0, ls = 0;
    for (int p = 0; seed && p < P; p++)
        ss += seed[p];
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                ls += ix->doc_recency[ix->org_doc[k]];
    double sw = ss > 0 ? (ls > 0 ? 0.5 : 1.0) / ss : 0, lw = ls > 0 ? (ss > 0 ? 0.5 : 1.0) / ls : 0;
    if (sw == 0 && lw == 0)
        return 0;
    for (int p = 0; seed && p < P; p++)
        r[p] = seed[p] * sw;
    if (lead >= 0)
        for (int k = ix->org_doc_off[lead]; k < ix->org_doc_off[lead + 1]; k++)
            if (ix->org_doc[k] < P)
                r[ix->org_doc[k]] += ix->doc_recency[ix->org_doc[k]] * lw;
    memcpy(x, r, (size_t)P * sizeof *x);
    for (int step = 0; step < PPR_STEPS; step++) {
        memset(ppr, 0, (size_t)ix->n * sizeof *ppr);
        for (int p = 0; p < P; p++) {
            int size = ix->doc_mem_off[p + 1] - ix->doc_mem_off[p];
            if (x[p] <= 0 || size == 0)
                continue;
            for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++)
                ppr[ix->doc_mem[m]] += x[p] / size;
        }
        if (step == PPR_STEPS - 1)
            break;
        for (int p = 0; p < P; p++) {
            double s = 0;
            for (int m = ix->doc_mem_off[p]; m < ix->doc_mem_off[p + 1]; m++) {
                int o = ix->doc_mem[m];
                if (ppr[o] > 0)
                    s += ppr[o] / (ix->projects_of[o] ? ix->projects_of[o] : 1);
            }
            x[p] = PPR_RESTART * r[p] + (1 - PPR_RESTART) * s;
        }
    }
    double best = 0;
    for (int o = 0; o < ix->n; o++)
        if (o != lead && ppr[o] > best)
            best = ppr[o];
    for (int o = 0; o < ix->n; o++)
        ppr[o] = best > 0 && o != lead ? ppr[o] / best : 0;
    return 0;
}

static bool is_eu_ua_pair(const char *a, const char *b)
{
    return a && b &&
           ((country_is_ukraine(a) && country_is_europe(b)) ||
            (country_is_europe(a) && country_is_ukraine(b)));
}

/* Whether two codes are one: the same significant digits. */
static bool same_code(const char *a, const char *b)
{
    int sa = cpv_sig(a), sb = cpv_sig(b);
    return sa > 0 && sa == sb && memcmp(a, b, (size_t)sa) == 0;
}

/* Best affinity of each of mine against theirs, summed, a code within the
 * other at CPV_WITHIN; best_i, best_j and best_v the strongest pair. */
static double cpv_match(const struct match_cap *mine, int mine_n, const struct match_cap *theirs,
                        int theirs_n, int *best_i, int *best_j, double *best_v)
{
    double sum = 0;
    *best_v = 0;
    for (int i = 0; i < mine_n; i++) {
        double b = 0;
        int bj = -1;
        for (int j = 0; j < theirs_n; j++) {
            double v = match_cpv_affinity(mine[i].cpv, theirs[j].cpv);
            if (v >= 1 && !same_code(mine[i].cpv, theirs[j].cpv))
                v = CPV_WITHIN;
            if (v > b)
                b = v, bj = j;
        }
        sum += b;
        if (b > *best_v)
            *best_v = b, *best_i = i, *best_j = bj;
    }
    return sum;
}

static void cpv_digits(const char *cpv, char out[9])
{
    snprintf(out, 9, "%s", cpv ? cpv : "");
}

struct cand {
    int org;
    double score;
};

static void heap_down(struct cand *h, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && h[l].score < h[m].score)
            m = l;
        if (r < n && h[r].score < h[m].score)
            m = r;
        if (m == i)
            return;
        struct cand t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Whether a and b took part in a project together. */
static bool partners(const struct match_index *ix, int a, int b)
{
    for (int j = ix->adj_off[a]; j < ix->adj_off[a + 1]; j++)
        if (ix->adj_to[j] == b)
            return true;
    return false;
}

/* Keeps the k best (org, s) seen in a min-heap of hn entries. */
static void heap_push(struct cand *heap, int *hn, int k, int o, double s)
{
    struct cand c = {o, s};
    if (*hn < k) {
        heap[(*hn)++] = c;
        if (*hn == k)
            for (int i = k / 2 - 1; i >= 0; i--)
                heap_down(heap, k, i);
    } else if (s > heap[0].score || (s == heap[0].score && o < heap[0].org)) {
        heap[0] = c;
        heap_down(heap, k, 0);
    }
}

#define STAND_INS 5

/* Without a lead, the best first-pass matches (best[0..n), by score) stand in
 * for it: each gives its past partners its score over log(2 + its partners),
 * Adamic-Adar style. Into si[], best = 1. */
static void stand_in_scores(const struct match_index *ix, const struct cand *best, int n,
                            double *si)
{
    double top = 0;
    for (int i = 0; i < n; i++) {
        int c = best[i].org, deg = ix->adj_off[c + 1] - ix->adj_off[c];
        for (int j = ix->adj_off[c]; j < ix->adj_off[c + 1]; j++)
            si[ix->adj_to[j]] += best[i].score / log(2.0 + deg);
    }
    for (int o = 0; o < ix->n; o++)
        if (si[o] > top)
            top = si[o];
    if (top > 0)
        for (int o = 0; o < ix->n; o++)
            si[o] /= top;
}

static int cmp_cand(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->score != y->score)
        return (x->score < y->score) - (x->score > y->score);
    return (x->org > y->org) - (x->org < y->org);
}

/* The first sentence of a project's text (its title when the text is "title.
 * objective"), at most 60 bytes, cut at a character boundary. */
static void project_title(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    while (text[n] && n + 1 < cap && n < 60 &&
           !(text[n] == '.' && (text[n + 1] == ' ' || !text[n + 1])))
        n++;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;   /* never split a UTF-8 sequence */
    while (n > 0 && text[n - 1] == ' ')
        n--;
    memcpy(out, text, n);
    out[n] = '\0';
}

/* "worked on N projects similar to this one: T1; T2": the candidate's past
 * projects among the query's doc_top most similar (seed > 0), most similar
 * first. NULL when none. */
static const char *similar_reason(const struct match_index *ix, const double *seed, int o,
                                  struct arena *a)
{
    int cnt = 0, best[2] = {-1, -1};
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++) {
        int d = ix->org_doc[k];
        if (d >= ix->projects_n || seed[d] <= 0)
            continue;
        cnt++;
        if (best[0] < 0 || seed[d] > seed[best[0]]) {
            best[1] = best[0];
            best[0] = d;
        } else if (best[1] < 0 || seed[d] > seed[best[1]]) {
            best[1] = d;
        }
    }
    if (cnt == 0)
        return NULL;
    char t0[64], t1[64] = "";
    project_title(ix->projects[best[0]].text ? ix->projects[best[0]].text : "", t0, sizeof t0);
    if (best[1] >= 0)
        project_title(ix->projects[best[1]].text ? ix->projects[best[1]].text : "", t1,
                      sizeof t1);
    return arena_printf(a, "worked on %d project%s similar to this one: %s%s%s", cnt,
                        cnt > 1 ? "s" : "", t0, best[1] >= 0 ? "; " : "", t1);
}

/* How many distinct partners of the lead (in_circle, the lead itself left
 * out) share one of the query's most similar projects (seed > 0) with o; at
 * most 64 are told apart. */
static int circle_count(const struct match_index *ix, const double *seed, const char *in_circle,
                        int lead, int o)
{
    int seen[64], n = 0;
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1] && n < 64; k++) {
        int d = ix->org_doc[k];
        if (d >= ix->projects_n || seed[d] <= 0)
            continue;
        for (int m = ix->doc_mem_off[d]; m < ix->doc_mem_off[d + 1] && n < 64; m++) {
            int p = ix->doc_mem[m], j = 0;
            if (p == o || p == lead || !in_circle[p])
                continue;
            while (j < n && seen[j] != p)
                j++;
            if (j == n)
                seen[n++] = p;
        }
    }
    return n;
}

/* Whether term t occurs in one of profile o's documents, marked in mark[]
 * (od of them). */
static bool org_has_term(const struct match_index *ix, int t, int o, int od, const char *mark)
{
    if (ix->post_off[t + 1] - ix->post_off[t] <= od) {
        for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++)
            if (mark[ix->post_doc[k]])
                return true;
        return false;
    }
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
        if (term_in_doc(ix, t, ix->org_doc[k]))
            return true;
    return false;
}

/* The index's term ids of a short text's words (a compound, a CPV label);
 * unknown when one of them is not in the index or they are too many; words,
 * how many the tokeniser read, known or not. */
struct term_ids {
    const struct match_index *ix;
    int id[64];
    int n, words;
    bool unknown;
};

static int collect_term_id(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    struct term_ids *p = ud;
    p->words++;
    int t = strmap_get(&p->ix->terms, stem);
    if (t < 0 || p->n == (int)(sizeof p->id / sizeof p->id[0]))
        p->unknown = true;
    else
        p->id[p->n++] = t;
    return 0;
}

/* Whether profile o has every word of compound ("long-range": "long" and
 * "range"); their term ids into *p. */
static bool compound_found(const struct match_index *ix, const char *compound, int o, int od,
                           const char *mark, struct term_ids *p)
{
    *p = (struct term_ids){.ix = ix};
    if (match_tokenize(compound, strlen(compound), collect_term_id, p) != 0 || p->unknown ||
        p->n < 2)
        return false;
    for (int i = 0; i < p->n; i++)
        if (!org_has_term(ix, p->id[i], o, od, mark))
            return false;
    return true;
}

/* How many words the tokeniser reads in s (-1: not UTF-8). */
static int word_count(const struct match_index *ix, const char *s)
{
    struct term_ids p = {.ix = ix};
    return match_tokenize(s, strlen(s), collect_term_id, &p) == 0 ? p.words : -1;
}

/* At most this many more translated words of one compound join a reason. */
#define COMPOUND_SAID 3

/* Whether term id is one of q's translations. */
static bool translates(const struct qterm *q, int id)
{
    for (int j = 0; j < q->tr_n; j++)
        if (q->tr_id[j] == id)
            return true;
    return false;
}

/* "text: counter-drone, radar": the query's heaviest words the profile shares,
 * a hyphenated compound written whole when the profile has all its words,
 * none of the words that name the codes in cited[0..2) (a CPV reason names
 * them already; NULL for none). */
static const char *text_reason(const struct match_index *ix, const struct qterm *qt, int qn,
                               int o, const struct match_cap *const cited[2], char *mark,
                               struct arena *a)
{
    char line[256];
    size_t len = 0;
    int shown = 0, od = ix->org_doc_off[o + 1] - ix->org_doc_off[o];
    struct term_ids said = {.ix = ix};   /* the cited codes' words (up to 64) */
    for (int l = 0; l < 2; l++)
        for (int k = 0; cited[l] && k < 2; k++) {
            const char *t = k ? cited[l]->aliases : cited[l]->label;
            if (t)
                (void)match_tokenize(t, strlen(t), collect_term_id, &said);
        }
    int covered[64 + 4 * 64], covered_n = said.n;   /* terms named already */
    memcpy(covered, said.id, (size_t)said.n * sizeof *covered);
    /* a frequent participant has thousands of documents: mark them once and
     * walk each term's postings instead of searching them per document */
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
        mark[ix->org_doc[k]] = 1;
    const struct qterm *said_terms[4];   /* each query word once, itself or translated,
                                            and never beside its translation */
    const char *say[4];
    /* and the other translated words of a compound said through one, in the
     * order the text brought them: "реб (electronic warfare)", where РЕБ is
     * радіоелектронна боротьба */
    const struct qterm *more[4][COMPOUND_SAID];
    int more_n[4] = {0};
    for (int i = 0; i < qn; i++) {
        if (shown == 4 && !(qt[i].via[0] && qt[i].compound[0]))
            continue;   /* no room for it, and it can join no compound said */
        bool named = false;
        for (int c = 0; c < covered_n && !named; c++)   /* a translation of a word named too */
            named = covered[c] == qt[i].id || (qt[i].via[0] && covered[c] == qt[i].from_id);
        for (int c = 0; c < shown && !named; c++) {   /* or another spelling the same word brought */
            named = strcmp(said_terms[c]->word, qt[i].word) == 0 ||
                    translates(said_terms[c], qt[i].id) || translates(&qt[i], said_terms[c]->id) ||
                    (qt[i].from_id >= 0 && said_terms[c]->from_id == qt[i].from_id);
            if (!named && said_terms[c]->via[0] && qt[i].via[0] && qt[i].compound[0] &&
                strcmp(said_terms[c]->compound, qt[i].compound) == 0 &&
                more_n[c] < COMPOUND_SAID && org_has_term(ix, qt[i].id, o, od, mark)) {
                more[c][more_n[c]++] = &qt[i];
                named = true;
            }
        }
        if (named || shown == 4 || !org_has_term(ix, qt[i].id, o, od, mark))
            continue;
        say[shown] = qt[i].word;
        struct term_ids p;
        if (qt[i].compound[0] && compound_found(ix, qt[i].compound, o, od, mark, &p)) {
            say[shown] = qt[i].compound;
            for (int c = 0; c < p.n; c++)
                covered[covered_n++] = p.id[c];
        }
        said_terms[shown++] = &qt[i];
    }
    for (int g = 0; g < shown; g++) {
        /* a translated word says what it matched: "радари (radar)"; a
         * translated compound all of whose words matched, all it matched */
        const struct qterm *part[1 + COMPOUND_SAID];
        int pn = 1;
        part[0] = said_terms[g];
        for (int k = 0; k < more_n[g]; k++) {   /* in the text's order; a few, so by insertion */
            int j = pn++;
            for (; j > 0 && part[j - 1]->at > more[g][k]->at; j--)
                part[j] = part[j - 1];
            part[j] = more[g][k];
        }
        bool whole = pn > 1 && pn == word_count(ix, said_terms[g]->compound);
        size_t at = len;
        int w = 0;
        for (int k = 0; k < pn && w >= 0 && at < sizeof line; k++) {
            const struct qterm *t = part[k];
            if (whole)
                w = k ? snprintf(line + at, sizeof line - at, " %s", t->via)
                      : snprintf(line + at, sizeof line - at, "%s%s (%s", g ? ", " : "text: ",
                                 t->compound, t->via);
            else
                w = snprintf(line + at, sizeof line - at, "%s%s%s%s%s",
                             g || k ? ", " : "text: ", t == said_terms[g] ? say[g] : t->word,
                             t->via[0] ? " (" : "", t->via, t->via[0] ? ")" : "");
            at += w < 0 ? sizeof line : (size_t)w;
        }
        if (whole && w >= 0 && at < sizeof line)
            at += (size_t)snprintf(line + at, sizeof line - at, ")");
        if (w < 0 || at >= sizeof line) {
            line[len] = '\0';
            shown = g;
            break;
        }
        len = at;
    }
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
        mark[ix->org_doc[k]] = 0;
    return shown ? arena_strdup(a, line) : NULL;
}

/* "offers CODE LABEL, which you need" (verb "offers", other "need"): the
 * closest pair of the lead's wants and the candidate's has, when a need is
 * met; NULL when none is (or out of memory), the code it names into *cited. */
static const char *met_reason(const struct match_cap *wants, int wants_n,
                              const struct match_cap *has, int has_n, const char *verb,
                              const char *other, const struct match_cap **cited,
                              struct arena *a)
{
    int bi = -1, bj = -1;
    double bv;
    char code[9];
    cpv_match(wants, wants_n, has, has_n, &bi, &bj, &bv);
    if (bv < CPV_MET || bi < 0 || bj < 0)
        return NULL;
    cpv_digits(has[bj].cpv, code);
    *cited = &has[bj];
    return arena_printf(a, "%s %s %s, which you %s%s", verb, code,
                        has[bj].label ? has[bj].label : "", other, bv < 1 ? " (related)" : "");
}

/* The forum's reasons for candidate c and lead, into why[0..3): a need of
 * either met by an offer of the other (the closest pair), an EU-Ukraine pair.
 * The codes named go to cited[0..2) (NULL for none), so the text reason need
 * not repeat their words. Returns the count (a NULL entry is
 * out of memory; a need-met reason that could not be written is left out). */
#define FORUM_REASONS 3
static int forum_reasons(const struct match_profile *lead, const struct match_profile *c,
                         const char *why[FORUM_REASONS], const struct match_cap *cited[2],
                         struct arena *a)
{
    int m = 0;
    cited[0] = cited[1] = NULL;
    const char *r = met_reason(lead->needs, lead->needs_n, c->offers, c->offers_n, "offers",
                               "need", &cited[0], a);
    if (r)
        why[m++] = r;
    if ((r = met_reason(lead->offers, lead->offers_n, c->needs, c->needs_n, "needs", "offer",
                        &cited[1], a)))
        why[m++] = r;
    if (is_eu_ua_pair(lead->country, c->country))
        why[m++] = arena_printf(a, "EU-Ukraine pair (%s)", c->country);
    return m;
}

int match_query_run(const struct match_index *ix, const struct match_query *q, struct arena *a,
                    struct match_hit **hits, int *hits_n, struct df_err *err)
{
    struct match_weights def;
    const struct match_weights *w = q->w;
    if (!w) {
        if (q->mode == MATCH_MEET)
            match_weights_meet(&def);
        else
            match_weights_default(&def);
        w = &def;
    }
    *hits = NULL;
    *hits_n = 0;
    if (q->top < 1 || q->top > 1000)
        return df_err_set(err, DF_ERR_USAGE, "top must be between 1 and 1000, not %d", q->top);
    if (q->lead < -1 || q->lead >= ix->n)
        return df_err_set(err, DF_ERR_USAGE, "the lead is not a known organisation");
    if (q->mode == MATCH_MEET && q->lead < 0)
        return df_err_set(err, DF_ERR_USAGE, "meeting suggestions need an organisation");
    /* without a text, meeting suggestions ask with the organisation's own
     * words and its codes' labels */
    const char *text = q->text, *labels = NULL;
    if (q->mode == MATCH_MEET && !text) {
        text = ix->profiles[q->lead].text;
        labels = ix->profiles[q->lead].labels;
    }
    size_t text_len = text ? strlen(text) : 0;
    if (text && !utf8_is_valid(text, text_len, NULL))
        return df_err_set(err, DF_ERR_USAGE, "the text is not valid UTF-8");

    struct qctx qc = {.ix = ix, .lx = q->lexicon, .cognate = w->cognate, .last_own = -1};
    int rc = -1;
    if (((text && match_tokenize(text, text_len, collect_qterm, &qc) != 0) ||
         (labels && match_tokenize(labels, strlen(labels), collect_qterm, &qc) != 0)) &&
        qc.oom) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the query");
        goto out;
    }
    if (q->mode == MATCH_PARTNERS) {
        bool blank = true;
        for (size_t i = 0; i < text_len && blank; i++)
            blank = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (blank) {
            df_err_set(err, DF_ERR_USAGE, "the project text is empty");
            goto out;
        }
    }

    size_t n = (size_t)ix->n + 1;
    double *tx = arena_alloc(a, n * sizeof *tx), *pp = arena_alloc(a, n * sizeof *pp),
           *pr = arena_alloc(a, n * sizeof *pr), *tp = arena_alloc(a, n * sizeof *tp),
           *wk = arena_alloc(a, n * sizeof *wk), *seed = NULL,
           *pc = arena_alloc(a, n * sizeof *pc),
           *th = arena_alloc(a, n * sizeof *th), *score = arena_alloc(a, n * sizeof *score),
           *cc = arena_alloc(a, n * sizeof *cc), *pg = arena_alloc(a, n * sizeof *pg),
           *si = arena_alloc(a, n * sizeof *si);
    int *common = arena_alloc(a, n * sizeof *common);
    char *banned = arena_alloc(a, n), *circle = arena_alloc(a, n), *named = arena_alloc(a, n);
    if (!tx || !tp || !wk || !si || !pc || !pp || !pr || !th || !score || !common || !banned ||
        !cc || !pg || !circle || !named)
        goto oom;
    if (q->mode == MATCH_PARTNERS)
        find_names(ix, qc.seq.v, (int)qc.seq.n, named);
    bool want_all = q->signals != NULL;
    struct concepts things;
    if (qc.n > 0 && (concepts_of(qc.t, qc.n, a, &things) < 0 ||
                     score_text(ix, qc.t, qc.n, &things, w, a, tx, &seed) < 0 ||
                     ((w->text_profile > 0 || want_all) &&
                      score_profiles(ix, qc.t, qc.n, &things, w, a, tp) < 0)))
        goto oom;
    if ((w->walk > 0 || want_all) && score_walk(ix, seed, q->lead, a, wk) < 0)
        goto oom;
    if ((w->ppr > 0 || want_all) && score_ppr(ix, seed, q->lead, a, pg) < 0)
        goto oom;
    if (qc.n)
        qsort(qc.t, (size_t)qc.n, sizeof *qc.t, cmp_qterm);

    /* the collaboration graph around the lead */
    double th_best = 0;
    if (q->lead >= 0) {
        int L = q->lead;
        for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++) {
            int p = ix->adj_to[k];
            pp[p] = ix->adj_w[k];
            pr[p] = ix->adj_rw[k];
            pc[p] = ix->adj_cw[k];
            int deg = ix->adj_off[p + 1] - ix->adj_off[p];
            double aa = 1.0 / log(2.0 + deg);
            for (int j = ix->adj_off[p]; j < ix->adj_off[p + 1]; j++) {
                int o = ix->adj_to[j];
                th[o] += aa;
                common[o]++;
            }
        }
        for (int o = 0; o < ix->n; o++)
            if (o != L && th[o] > th_best)
                th_best = th[o];
        banned[L] = 1;
        if (seed && (w->circle > 0 || want_all)) {
            circle[L] = 1;
            for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++)
                circle[ix->adj_to[k]] = 1;
            score_circle(ix, seed, circle, cc);
        }
    }
    for (int i = 0; i < q->exclude_n; i++)
        if (q->exclude[i] >= 0 && q->exclude[i] < ix->n)
            banned[q->exclude[i]] = 1;

    const struct match_profile *lead = q->lead >= 0 ? &ix->profiles[q->lead] : NULL;
    /* the asking person's languages when given, else all of the lead's people's */
    uint64_t lead_langs = q->lead_languages && *q->lead_languages
                              ? languages_mask(&ix->langs, q->lead_languages)
                              : lead ? ix->lang_mask[q->lead] : 0;
    double pop_norm = ix->max_projects > 0 ? log1p(ix->max_projects) : 1.0;
    /* with a country spread wanted, rank a wider pool, then pick greedily */
    int k = w->country_spread > 0 ? (q->top * 3 < ix->n ? q->top * 3 : ix->n) : q->top;
    if (k < q->top)
        k = q->top;
    struct cand *heap = arena_alloc(a, (size_t)k * sizeof *heap);
    if (!heap)
        goto oom;
    int hn = 0;
    for (int o = 0; o < ix->n; o++) {
        if (banned[o])
            continue;
        double f[MATCH_SIGNALS] = {0};
        f[MATCH_SIG_TEXT] = tx[o];
        f[MATCH_SIG_TEXT_PROFILE] = tp[o];
        f[MATCH_SIG_WALK] = wk[o];
        if (pp[o] > 0) {
            double damped = log1p(pp[o]) / log(4.0);
            f[MATCH_SIG_PARTNER] = damped;
            f[MATCH_SIG_PARTNER_RECENT] = pr[o] < 1 ? pr[o] : 1;
            f[MATCH_SIG_PARTNER_TEXT] = tx[o] * (damped < 1 ? damped : 1);
        }
        if (pc[o] > 0)
            f[MATCH_SIG_CHOSEN] = (pc[o] < 2 ? pc[o] : 2) / 2;
        if (th_best > 0)
            f[MATCH_SIG_TWO_HOP] = th[o] / th_best;
        f[MATCH_SIG_POPULARITY] = log1p(ix->projects_of[o]) / pop_norm;
        if (ix->max_recent > 0)
            f[MATCH_SIG_POPULARITY_RECENT] = log1p(ix->recent_of[o]) / log1p(ix->max_recent);
        if (lead && lead->country && ix->profiles[o].country &&
            strcmp(lead->country, ix->profiles[o].country) == 0)
            f[MATCH_SIG_SAME_COUNTRY] = 1;
        f[MATCH_SIG_CIRCLE] = cc[o];
        f[MATCH_SIG_PPR] = pg[o];
        if (lead) {
            int lc = ix->country_of[q->lead], oc = ix->country_of[o];
            int lk = ix->kind_of[q->lead], ok = ix->kind_of[o];
            if (lc >= 0 && oc >= 0)
                f[MATCH_SIG_COUNTRY_PAIR] = ix->country_lift[(size_t)lc * ix->countries_n + oc];
            if (lk >= 0 && ok >= 0)
                f[MATCH_SIG_KIND_PAIR] = ix->kind_lift[(size_t)lk * ix->kinds_n + ok];
        }
        f[MATCH_SIG_NAMED] = named[o];
        if (ix->end_user[o] && ix->projects_of[o] > 1 && ix->max_projects > 1)
            f[MATCH_SIG_END_USER] = (log1p(ix->projects_of[o]) - log(2.0)) /
                                    (log1p(ix->max_projects) - log(2.0));
        if (q->signals)
            memcpy(q->signals + (size_t)o * MATCH_SIGNALS, f, sizeof f);
        double s = w->text * f[MATCH_SIG_TEXT] + w->text_profile * f[MATCH_SIG_TEXT_PROFILE] +
                   w->walk * f[MATCH_SIG_WALK] + w->partner * f[MATCH_SIG_PARTNER] +
                   w->partner_recent * f[MATCH_SIG_PARTNER_RECENT] +
                   w->partner_text * f[MATCH_SIG_PARTNER_TEXT] + w->chosen * f[MATCH_SIG_CHOSEN] +
                   w->two_hop * f[MATCH_SIG_TWO_HOP] + w->popularity * f[MATCH_SIG_POPULARITY] +
                   w->popularity_recent * f[MATCH_SIG_POPULARITY_RECENT] +
                   w->same_country * f[MATCH_SIG_SAME_COUNTRY] + w->circle * f[MATCH_SIG_CIRCLE] +
                   w->ppr * f[MATCH_SIG_PPR] + w->country_pair * f[MATCH_SIG_COUNTRY_PAIR] +
                   w->kind_pair * f[MATCH_SIG_KIND_PAIR] +
                   w->end_user * f[MATCH_SIG_END_USER] + w->named * f[MATCH_SIG_NAMED];
        if (lead) {
            /* needs met by offers either way, and EU-Ukraine pairs: the
             * forum's reasons to meet. For a project, a need met (CPV_MET, as
             * the reasons show it) finds an organisation on its own; a looser
             * CPV kinship or an EU-Ukraine pair only lifts one that the text
             * or the record found */
            const struct match_profile *c = &ix->profiles[o];
            int bi, bj;
            double bv;
            double cp = cpv_match(lead->needs, lead->needs_n, c->offers, c->offers_n, &bi, &bj,
                                  &bv);
            double best = bv;
            cp += cpv_match(lead->offers, lead->offers_n, c->needs, c->needs_n, &bi, &bj, &bv);
            if (bv > best)
                best = bv;
            if (q->mode == MATCH_MEET || s > 0 || best >= CPV_MET) {
                s += w->cpv * cp;
                if (is_eu_ua_pair(lead->country, c->country))
                    s += w->eu_ua;
                if (shared_language(lead_langs, ix->lang_mask[o]) > 0)
                    s += w->language;
            }
        }
        if (s <= 0)
            continue;
        score[o] = s;
        heap_push(heap, &hn, k, o, s);
    }
    qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    int stand[STAND_INS], ns = 0;
    if (q->lead < 0 && q->mode == MATCH_PARTNERS && (w->stand_in > 0 || q->signals) && hn > 0) {
        /* no lead: the best matches stand in for it, their partners rise */
        ns = hn < STAND_INS ? hn : STAND_INS;
        for (int i = 0; i < ns; i++)
            stand[i] = heap[i].org;
        stand_in_scores(ix, heap, ns, si);
        hn = 0;
        for (int o = 0; o < ix->n; o++) {
            if (q->signals)
                q->signals[(size_t)o * MATCH_SIGNALS + MATCH_SIG_STAND_IN] = si[o];
            double v = score[o] + w->stand_in * si[o];
            if (!banned[o] && v > 0)
                heap_push(heap, &hn, k, o, v);
        }
        qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    }
    if (w->country_spread > 0 && hn > 0) {
        /* consortia spread over countries: each already chosen organisation of
         * the same country costs country_spread */
        for (int i = 0; i < hn && i < q->top; i++) {
            int best = i;
            double best_v = -1e300;
            for (int j = i; j < hn; j++) {
                int same = 0;
                const char *cj = ix->profiles[heap[j].org].country;
                for (int m = 0; m < i && cj; m++) {
                    const char *cm = ix->profiles[heap[m].org].country;
                    same += cm && strcmp(cm, cj) == 0;
                }
                double v = heap[j].score - w->country_spread * same;
                if (v > best_v)
                    best_v = v, best = j;
            }
            struct cand t = heap[best];
            memmove(heap + i + 1, heap + i, (size_t)(best - i) * sizeof *heap);
            heap[i] = t;
        }
        if (hn > q->top)
            hn = q->top;
    }

    struct match_hit *out = arena_alloc(a, ((size_t)hn + 1) * sizeof *out);
    char *mark = arena_alloc(a, (size_t)ix->docs_n + 1);
    if (!out || !mark)
        goto oom;
    for (int i = 0; i < hn; i++) {
        int o = heap[i].org;
        const struct match_profile *c = &ix->profiles[o];
        out[i].org = o;
        out[i].score = heap[i].score;
        out[i].why = arena_alloc(a, WHY_MAX * sizeof *out[i].why);
        if (!out[i].why)
            goto oom;
        int m = 0;
        const char *forum[FORUM_REASONS];
        const struct match_cap *cited[2] = {NULL, NULL};
        int fn = lead ? forum_reasons(lead, c, forum, cited, a) : 0;
        if (q->mode == MATCH_MEET) {   /* complementarity is the reason to meet: first */
            for (int j = 0; j < fn && m < WHY_MAX; j++)
                out[i].why[m++] = forum[j];
            if (w->language > 0 && shared_language(lead_langs, ix->lang_mask[o]) < 0 &&
                m < WHY_MAX)
                out[i].why[m++] = arena_printf(a, "no language in common: an interpreter is needed");
        }
        if (named[o] && w->named > 0)
            out[i].why[m++] = arena_printf(a, "named in the text");
        if (pp[o] > 0 && m < WHY_MAX)
            out[i].why[m++] = arena_printf(a, "worked with you on %d project%s", (int)pp[o],
                                           pp[o] > 1 ? "s" : "");
        if (common[o] > 0 && m < WHY_MAX) {
            /* of them, how many it met on projects like this one */
            int near = 0;
            if (seed && q->mode == MATCH_PARTNERS) {
                if (!circle[q->lead]) {   /* marked only when its signal was asked for */
                    circle[q->lead] = 1;
                    for (int k2 = ix->adj_off[q->lead]; k2 < ix->adj_off[q->lead + 1]; k2++)
                        circle[ix->adj_to[k2]] = 1;
                }
                near = circle_count(ix, seed, circle, q->lead, o);
            }
            if (near > 0 && near >= common[o])
                out[i].why[m++] = arena_printf(a,
                                               "worked with %d of your past partners, all of "
                                               "them on projects like this one", common[o]);
            else if (near > 0)
                out[i].why[m++] = arena_printf(a,
                                               "worked with %d of your past partners, %d%s of "
                                               "them on projects like this one",
                                               common[o], near, near >= 64 ? "+" : "");
            else
                out[i].why[m++] = arena_printf(a, "worked with %d of your past partners",
                                               common[o]);
        }
        if (si[o] > 0 && w->stand_in > 0 && m < WHY_MAX) {
            int with = 0;
            for (int j = 0; j < ns; j++)
                with += stand[j] != o && partners(ix, stand[j], o);
            if (with > 0)
                out[i].why[m++] = arena_printf(a, "worked with %d of the other best matches",
                                               with);
        }
        if (seed && tx[o] > 0 && m < WHY_MAX) {
            const char *r = similar_reason(ix, seed, o, a);
            if (r)
                out[i].why[m++] = r;
        }
        if ((tx[o] > 0 || tp[o] > 0) && m < WHY_MAX) {
            const char *r = text_reason(ix, qc.t, qc.n, o, cited, mark, a);
            if (r)
                out[i].why[m++] = r;
        }
        if (ix->projects_of[o] >= 3 && m < WHY_MAX)
            out[i].why[m++] = arena_printf(a, "%s %d projects",
                                           ix->end_user[o] && w->end_user > 0
                                               ? "a public body (end user) that took part in"
                                               : "took part in",
                                           ix->projects_of[o]);
        if (q->mode == MATCH_PARTNERS)   /* the text and the track record first */
            for (int j = 0; j < fn && m < WHY_MAX; j++)
                out[i].why[m++] = forum[j];
        if (m == 0 && lead && lead->country && c->country && w->same_country > 0 &&
            strcmp(lead->country, c->country) == 0)
            out[i].why[m++] = arena_printf(a, "based in %s, like you", c->country);
        for (int j = 0; j < m; j++)
            if (!out[i].why[j])
                goto oom;
        out[i].why_n = m;
    }
    *hits = out;
    *hits_n = hn;
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory ranking partners");
out:
    free(qc.t);
    free(qc.seq.v);
    return rc;
}
