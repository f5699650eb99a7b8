/* Text scores (match_internal.h): BM25 of a question's things over single
 * documents (a project like the question) and over whole profiles (all of
 * an organisation's words), a word and its translations counted as one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/match/match_internal.h"

#define BM25_K1 1.2
#define BM25_B 0.75

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

double match_term_org_df(const struct match_index *ix, int t)
{
    return word_df(ix, true, t);
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

static int cmp_id_index(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

int match_concepts_of(const struct qterm *qt, int qn, struct arena *a, struct concepts *c)
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

int match_score_text(const struct match_index *ix, struct qterm *qt, int qn,
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
                double v = qt[i].weight * tf * (k1 + 1) / (tf + norm);
                if (ix->post_want && ix->post_want[k])
                    v *= qt[i].on_needs;
                thing_put(&ts, doc, d, v, alone, i != L);
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

/* A term's organisations and their term frequencies, for match_score_profiles:
 * read from the organisation postings when they were built for the
 * text_recency asked (the default), else walked from the term's documents
 * and their members (recency^text_recency once per document, in rw). */
struct org_terms {
    const float *rw;
    float *tf, *ftf;   /* per organisation, zero between terms; per place */
    int *touched;
    uint8_t *plain, *fwant;   /* where profiles have needs: per organisation; per place */
};

/* Also, into *want, whether each organisation has the term only among its
 * needs (NULL when no profile has needs). */
static int org_terms_of(const struct match_index *ix, const struct org_terms *ot, int t,
                        const int **orgs, const float **tf, const uint8_t **want)
{
    if (!ot->tf) {
        *orgs = ix->opost_org + ix->opost_off[t];
        *tf = ix->opost_tf + ix->opost_off[t];
        *want = ix->opost_want ? ix->opost_want + ix->opost_off[t] : NULL;
        return ix->opost_off[t + 1] - ix->opost_off[t];
    }
    int tn = match_term_org_tf(ix, t, ot->rw, ot->tf, ot->touched, ot->plain);
    for (int j = 0; j < tn; j++) {
        ot->ftf[j] = ot->tf[ot->touched[j]];
        ot->tf[ot->touched[j]] = 0;
        if (ot->plain)
            ot->fwant[j] = !ot->plain[ot->touched[j]];
    }
    *orgs = ot->touched;
    *tf = ot->ftf;
    *want = ot->plain ? ot->fwant : NULL;
    return tn;
}

int match_score_profiles(const struct match_index *ix, const struct qterm *qt, int qn,
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
        if (ix->post_want) {
            ot.plain = arena_alloc(a, n);
            ot.fwant = arena_alloc(a, n);
        }
        if (!ot.tf || !ot.ftf || !ot.touched || (ix->post_want && (!ot.plain || !ot.fwant)))
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
            const uint8_t *want;
            int m = org_terms_of(ix, &ot, qt[i].id, &orgs, &tf, &want);
            double qw = thing_qw(qt, c, i);
            for (int j = 0; j < m; j++) {
                int o = orgs[j];
                double norm = K1P * (1 - b + b * ix->org_len[o] / ix->avg_org_len);
                double v = qw * idf * tf[j] * (K1P + 1) / (tf[j] + norm);
                if (want && want[j])
                    v *= qt[i].on_needs;
                thing_put(&ts, prof, o, v, alone, i != L);
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
