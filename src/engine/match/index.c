/* The matchmaking index (match_internal.h): postings of every document's
 * words (each past project once, each profile's own text), the
 * collaboration graph, and the profiles' attributes, built once and read-only
 * after. Memory is linear in words + members + edges. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "engine/match/match_internal.h"

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
    free(ix->post_want);
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
    free(ix->opost_want);
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
    strmap_free(&ix->spelled_ids);
    free(ix->spelled_off);
    free(ix->spelled_doc);
    free(ix);
}

int match_ivec_push(struct ivec *a, int x)
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
    struct spelled *spelled;
};

static int collect_term(void *ud, const char *stem, const char *word, const char *compound)
{
    struct tok_ctx *c = ud;
    /* the thing a phrase names (its word has a space) is no word in the row */
    if (!strchr(word, ' ') && match_spelled_token(c->spelled, stem, compound) < 0)
        goto oom;
    struct match_index *ix = c->ix;
    int fresh = (int)ix->terms.n;
    int id = strmap_put(&ix->terms, stem, fresh);
    if (id < 0 || match_ivec_push(c->ids, id) < 0)
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

/* What a term's occurrences in a document were, ORed over them: some among
 * the document's own words (not its labels), some outside its needs. */
#define OCC_OWN 1
#define OCC_PLAIN 2

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
        char k2[MATCH_TOKEN_MAX + 8];   /* і may be е instead of о (причіп, причепа) */
        bool second = kid < 0 && match_stem_uk_alt_second(ix->terms.keys[i], ix->term_word[id],
                                                          k2, sizeof k2);
        if (second)
            kid = strmap_get(&ix->terms, k2);
        if (kid < 0) {
            if (strmap_put(&ix->alt_of, k, id) == -2 ||
                (second && strmap_put(&ix->alt_of, k2, id) == -2))
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

int match_term_org_tf(const struct match_index *ix, int t, const float *rw, float *tf,
                      int *touched, uint8_t *plain)
{
    int tn = 0;
    for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++) {
        int d = ix->post_doc[k];
        for (int m = ix->doc_mem_off[d]; m < ix->doc_mem_off[d + 1]; m++) {
            int o = ix->doc_mem[m];
            if (tf[o] == 0) {
                touched[tn++] = o;
                if (plain)
                    plain[o] = 0;
            }
            tf[o] += rw ? ix->post_tf[k] * rw[d] : ix->post_tf[k];
            if (plain)
                plain[o] |= !ix->post_want || !ix->post_want[k];
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

/* Organisation postings for whole-profile BM25 (match_score_profiles) at the
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
    /* and, where profiles have needs, whether all of an organisation's
     * occurrences of the term are among them */
    uint8_t *plain = ix->post_want ? malloc((size_t)ix->n + 1) : NULL;
    if (ix->post_want)
        ix->opost_want = malloc(cap);
    int rc = -1;
    if (!rw || !tf || !touched || !ix->opost_off || !ix->opost_org || !ix->opost_tf ||
        (ix->post_want && (!plain || !ix->opost_want)))
        goto out;
    for (int d = 0; d < ix->docs_n && ix->opost_exp > 0; d++)
        rw[d] = (float)pow(ix->doc_recency[d], ix->opost_exp);
    for (int t = 0; t < ix->terms_n; t++) {
        int tn = match_term_org_tf(ix, t, ix->opost_exp > 0 ? rw : NULL, tf, touched, plain);
        if (n + (size_t)tn > cap) {
            while (n + (size_t)tn > cap)
                cap *= 2;
            int *org = realloc(ix->opost_org, cap * sizeof *org);
            if (org)
                ix->opost_org = org;
            float *f = realloc(ix->opost_tf, cap * sizeof *f);
            if (f)
                ix->opost_tf = f;
            uint8_t *wt = plain ? realloc(ix->opost_want, cap) : NULL;
            if (wt)
                ix->opost_want = wt;
            if (!org || !f || (plain && !wt))
                goto out;
        }
        for (int j = 0; j < tn; j++) {
            if (plain)
                ix->opost_want[n] = !plain[touched[j]];
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
    free(plain);
    return rc;
}

static int out_of_memory(struct df_err *err)
{
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory building the matchmaking index");
}

/* Reads every document (each project, then each profile's own words and
 * labels, own_of_doc giving the profile of each): the vocabulary, each
 * document's length, which documents name an abbreviation whole, and its
 * words as (term, doc, tf | own << 16) triples in document order (own: some
 * of the term's occurrences are among its own words, not its labels). -1
 * with err filled. */
static int read_documents(struct match_index *ix, const int *own_of_doc, struct ivec *triples,
                          struct df_err *err)
{
    const struct match_profile *profiles = ix->profiles;
    const struct match_project *projects = ix->projects;
    int projects_n = ix->projects_n;
    struct ivec ids = {0};
    struct spelled spelled;
    int rc = -1;
    if (match_spelled_init(&spelled) < 0 ||
        !(ix->doc_len = calloc((size_t)ix->docs_n + 1, sizeof *ix->doc_len)))
        goto oom;
    double total_len = 0;
    int words_cap = 0, flags_cap = 0;
    for (int d = 0; d < ix->docs_n; d++) {
        const struct match_profile *p = d < projects_n ? NULL : &profiles[own_of_doc[d - projects_n]];
        /* its own words, its labels, then its needs' words and their labels:
         * where each text's words end in ids */
        const char *texts[4] = {doc_text(ix, projects, own_of_doc, d), p ? p->labels : NULL,
                                p ? p->wants : NULL, p ? p->wants_labels : NULL};
        size_t ends[4];
        ids.n = 0;
        struct tok_ctx c = {ix, &ids, words_cap, flags_cap, 0, &spelled};
        int tr = 0;
        for (int k = 0; k < 4; k++) {
            if (texts[k] && tr >= 0 && !c.oom) {
                match_spelled_doc(&spelled, d);   /* no row across the texts */
                tr = match_tokenize(texts[k], strlen(texts[k]), collect_term, &c);
            }
            ends[k] = ids.n;
        }
        words_cap = c.words_cap;
        flags_cap = c.flags_cap;
        if (c.oom)
            goto oom;
        if (tr < 0) {
            df_err_set(err, DF_ERR_INPUT, "%s \"%s\": text is not valid UTF-8",
                       d < projects_n ? "project" : "organisation",
                       d < projects_n ? projects[d].id : profiles[own_of_doc[d - projects_n]].id);
            goto out;
        }
        ix->doc_len[d] = (int)ids.n;
        total_len += (double)ids.n;
        /* each occurrence as term * 4, + OWN when among the document's own
         * words (not labels), + PLAIN when not among its needs' */
        for (size_t i = 0; i < ids.n; i++) {
            bool own = i < ends[0] || (i >= ends[1] && i < ends[2]);
            ids.v[i] = ids.v[i] * 4 + (own ? OCC_OWN : 0) + (i < ends[1] ? OCC_PLAIN : 0);
        }
        if (ids.n)
            qsort(ids.v, ids.n, sizeof *ids.v, cmp_int);
        for (size_t i = 0; i < ids.n;) {
            size_t j = i;
            int kinds = 0;
            while (j < ids.n && ids.v[j] >> 2 == ids.v[i] >> 2)
                kinds |= ids.v[j++] & 3;
            int tf = (int)(j - i > 65535 ? 65535 : j - i);
            if (match_ivec_push(triples, ids.v[i] >> 2) < 0 || match_ivec_push(triples, d) < 0 ||
                match_ivec_push(triples, tf | kinds << 16) < 0)
                goto oom;
            i = j;
        }
    }
    ix->avgdl = ix->docs_n ? total_len / ix->docs_n : 1.0;
    if (ix->avgdl <= 0)
        ix->avgdl = 1.0;
    ix->terms_n = (int)ix->terms.n;
    if (match_spelled_finish(&spelled, ix) < 0)
        goto oom;
    rc = 0;
    goto out;
oom:
    out_of_memory(err);
out:
    free(ids.v);
    match_spelled_free(&spelled);
    return rc;
}

/* The postings in CSR order from the triples (documents were read in order,
 * so each term's list is sorted by document); into *post_own, per posting,
 * whether its occurrences include the document's own words; ix->post_want,
 * whether they are all among a profile's needs (left NULL when none is).
 * -1 when out of memory. */
static int build_postings(struct match_index *ix, const struct ivec *triples,
                          uint8_t **post_own)
{
    size_t posts = triples->n / 3;
    const int *v = triples->v;
    bool wants = false;
    for (size_t i = 0; i < posts && !wants; i++)
        wants = !(v[3 * i + 2] >> 16 & OCC_PLAIN);
    ix->post_off = calloc((size_t)ix->terms_n + 1, sizeof *ix->post_off);
    ix->post_doc = malloc((posts + 1) * sizeof *ix->post_doc);
    ix->post_tf = malloc((posts + 1) * sizeof *ix->post_tf);
    int *cnt = calloc((size_t)ix->terms_n + 1, sizeof *cnt);
    uint8_t *own = *post_own = malloc(posts + 1);
    if (wants)
        ix->post_want = malloc(posts + 1);
    int rc = -1;
    if (!ix->post_off || !ix->post_doc || !ix->post_tf || !cnt || !own ||
        (wants && !ix->post_want))
        goto out;
    for (size_t i = 0; i < posts; i++)
        ix->post_off[v[3 * i] + 1]++;
    for (int t = 0; t < ix->terms_n; t++)
        ix->post_off[t + 1] += ix->post_off[t];
    for (size_t i = 0; i < posts; i++) {
        int t = v[3 * i];
        int at = ix->post_off[t] + cnt[t]++;
        ix->post_doc[at] = v[3 * i + 1];
        ix->post_tf[at] = (uint16_t)(v[3 * i + 2] & 0xffff);
        own[at] = (uint8_t)(v[3 * i + 2] >> 16 & OCC_OWN);
        if (ix->post_want)
            ix->post_want[at] = !(v[3 * i + 2] >> 16 & OCC_PLAIN);
    }
    rc = 0;
out:
    free(cnt);
    return rc;
}

/* The members of each document and the documents of each profile, with
 * each document's recency, each profile's projects (counted and by
 * recency) and length in words. -1 with err filled (a member that is no
 * profile, or out of memory). */
static int build_membership(struct match_index *ix, const int *own_of_doc, int own_n,
                            struct df_err *err)
{
    const struct match_project *projects = ix->projects;
    int projects_n = ix->projects_n, profiles_n = ix->n;
    int *cnt = NULL, rc = -1;
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
    cnt = calloc((size_t)profiles_n + 1, sizeof *cnt);
    if (!ix->doc_mem_off || !ix->doc_mem || !ix->org_doc_off || !ix->org_doc ||
        !ix->projects_of || !ix->recent_of || !ix->org_len || !ix->doc_recency || !cnt) {
        out_of_memory(err);
        goto out;
    }
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
    rc = 0;
    goto out;
bad_project:
    df_err_set(err, DF_ERR_INPUT, "a project's member is not a profile");
out:
    free(cnt);
    return rc;
}

/* The collaboration graph: each profile's partners (the members of its
 * projects), sorted, with how many projects they shared, that count weighted
 * by recency, and how many of them it coordinated. -1 when out of memory. */
static int build_graph(struct match_index *ix)
{
    const struct match_project *projects = ix->projects;
    int profiles_n = ix->n;
    /* (a, b, project) for every ordered pair of members of every project */
    struct ivec edges = {0};
    for (int p = 0; p < ix->projects_n; p++)
        for (int i = 0; i < projects[p].members_n; i++)
            for (int j = 0; j < projects[p].members_n; j++)
                if (projects[p].members[i] != projects[p].members[j] &&
                    (match_ivec_push(&edges, projects[p].members[i]) < 0 ||
                     match_ivec_push(&edges, projects[p].members[j]) < 0 ||
                     match_ivec_push(&edges, p) < 0)) {
                    free(edges.v);
                    return -1;
                }
    size_t en = edges.n / 3;
    int *from_n = calloc((size_t)profiles_n + 1, sizeof *from_n);
    int *cnt = calloc((size_t)profiles_n + 1, sizeof *cnt);
    /* (partner, project) pairs, sorted per organisation by partner */
    int64_t *pair = malloc((en + 1) * sizeof *pair);
    ix->adj_off = calloc((size_t)profiles_n + 1, sizeof *ix->adj_off);
    ix->adj_to = malloc((en + 1) * sizeof *ix->adj_to);
    ix->adj_w = malloc((en + 1) * sizeof *ix->adj_w);
    ix->adj_rw = malloc((en + 1) * sizeof *ix->adj_rw);
    ix->adj_cw = malloc((en + 1) * sizeof *ix->adj_cw);
    int rc = -1;
    if (!from_n || !cnt || !pair || !ix->adj_off || !ix->adj_to || !ix->adj_w || !ix->adj_rw ||
        !ix->adj_cw)
        goto out;
    for (size_t e = 0; e < en; e++)
        from_n[edges.v[3 * e] + 1]++;
    for (int o = 0; o < profiles_n; o++)
        from_n[o + 1] += from_n[o];
    for (size_t e = 0; e < en; e++) {
        int a = edges.v[3 * e];
        pair[from_n[a] + cnt[a]++] = (int64_t)edges.v[3 * e + 1] << 32 | edges.v[3 * e + 2];
    }
    size_t out = 0;
    for (int o = 0; o < profiles_n; o++) {
        int64_t *seg = pair + from_n[o];
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
    rc = 0;
out:
    free(edges.v);
    free(from_n);
    free(cnt);
    free(pair);
    return rc;
}

struct match_index *match_index_build(const struct match_profile *profiles, int profiles_n,
                                      const struct match_project *projects, int projects_n,
                                      struct df_err *err)
{
    struct match_index *ix = calloc(1, sizeof *ix);
    struct ivec triples = {0};
    int *own_of_doc = NULL;
    uint8_t *post_own = NULL;
    if (!ix)
        goto oom;
    ix->profiles = profiles;
    ix->projects = projects;
    ix->n = profiles_n;
    ix->projects_n = projects_n;
    for (int i = 0; i < profiles_n; i++) {
        if (!profiles[i].id) {
            df_err_set(err, DF_ERR_INPUT, "a profile has no id");
            goto fail;
        }
        int r = strmap_put(&ix->ids, profiles[i].id, i);
        if (r == -2)
            goto oom;
        if (r != i) {
            df_err_set(err, DF_ERR_INPUT, "organisation \"%s\" appears twice", profiles[i].id);
            goto fail;
        }
    }
    /* the documents: the projects, then each profile with words of its own */
    own_of_doc = malloc(((size_t)profiles_n + 1) * sizeof *own_of_doc);
    if (!own_of_doc)
        goto oom;
    int own_n = 0;
    for (int i = 0; i < profiles_n; i++)
        if ((profiles[i].text && profiles[i].text[0]) ||
            (profiles[i].labels && profiles[i].labels[0]) ||
            (profiles[i].wants && profiles[i].wants[0]) ||
            (profiles[i].wants_labels && profiles[i].wants_labels[0]))
            own_of_doc[own_n++] = i;
    ix->docs_n = projects_n + own_n;

    if (read_documents(ix, own_of_doc, &triples, err) < 0)
        goto fail;
    if (build_cognates(ix) < 0 || join_alt_stems(ix, &triples) < 0 ||
        build_postings(ix, &triples, &post_own) < 0)
        goto oom;
    if (build_membership(ix, own_of_doc, own_n, err) < 0)
        goto fail;
    if (build_graph(ix) < 0 || match_index_build_attributes(ix) < 0 || build_org_postings(ix) < 0 ||
        match_index_build_names(ix) < 0 || build_script_pools(ix, post_own) < 0)
        goto oom;
    free(triples.v);
    free(own_of_doc);
    free(post_own);
    return ix;

oom:
    out_of_memory(err);
fail:
    free(triples.v);
    free(own_of_doc);
    free(post_own);
    match_index_free(ix);
    return NULL;
}
