/* A question's words (match_internal.h): each word's term in the index,
 * its translations through the lexicon and its cognates in the other
 * script, and the thing a two-word phrase names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "engine/match/match_internal.h"

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
    *q = (struct qterm){.id = id, .from_id = -1, .want = true};
    return q;
}

/* Notes that word, at place at, brought q: as one of its first few single
 * words (a phrase's thing is none). */
static void add_place(struct qterm *q, int at, const char *word)
{
    if (strchr(word, ' ') || q->places_n == QTERM_PLACES ||
        (q->places_n > 0 && q->places[q->places_n - 1] == at))
        return;
    if (q->places_n == 0)
        snprintf(q->single, sizeof q->single, "%s", word);
    q->places[q->places_n++] = at;
}

/* Notes that the word at the place now read brought term id (a phrase's
 * thing is no word of the text); -1 when out of memory. */
static int note_brought(struct qctx *c, int id, const char *word)
{
    if (!c->count_words || strchr(word, ' '))
        return 0;
    if (match_ivec_push(&c->brought, c->at) < 0 || match_ivec_push(&c->brought, id) < 0) {
        c->oom = 1;
        return -1;
    }
    return 0;
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
    if (!q || note_brought(c, tid, word) < 0)
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
    add_place(q, c->at, word);
    if (weight > q->scale)
        q->scale = weight;
    q->lexical |= lexical;
    q->want &= c->reading_wants;
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

/* The other stem (match_stem_uk_alt, or its second reading) a question's
 * word is read as, into k: the one the index joined its stem to, or, where
 * neither the index nor the lexicon knows its stem, one that either knows.
 * False for none. */
static bool other_stem(const struct qctx *c, const char *stem, const char *word, char *k,
                       size_t size)
{
    const struct match_translation *kt;
    const struct match_index *ix = c->ix;
    int cid = strmap_get(&ix->terms, stem);
    if (cid >= 0 ? !ix->joined || ix->joined[cid] == cid
                 : match_lexicon_lookup(c->lx, stem, &kt) > 0)
        return false;
    for (int second = 0; second < 2; second++) {
        if (!(second ? match_stem_uk_alt_second : match_stem_uk_alt)(stem, word, k, size))
            continue;
        int kid = strmap_get(&ix->terms, k);
        if (cid >= 0 ? kid == ix->joined[cid]
                     : kid >= 0 || match_lexicon_lookup(c->lx, k, &kt) > 0)
            return true;
    }
    return false;
}

static int collect_qterm(void *ud, const char *stem, const char *word, const char *compound)
{
    struct qctx *c = ud;
    c->at++;
    if (match_ivec_push(&c->seq, strmap_get(&c->ix->name_words, stem)) < 0) {
        c->oom = 1;
        return 1;
    }
    /* the thing a phrase names (text.h: its word is the phrase, with
     * spaces; "unmanned ground": ugv) is a thing of its own beside the
     * phrase's words, as rare as it is: a robot maker's "unmanned ground
     * vehicles" says it, a drone maker's "unmanned ... ground control
     * stations" does not. The reasons say the phrase as the text wrote it. */
    bool phrase = strchr(word, ' ') != NULL;
    /* доставці is доставка's (кораблем корабель's ...) where the index joined
     * them (join_alt_stems), or where neither the index nor the lexicon knows
     * доставці but one of them knows доставка (the lexicon knows танці:
     * dance, not tank) */
    char k[MATCH_TOKEN_MAX + 8];
    const struct match_translation *kt;
    if (!phrase && other_stem(c, stem, word, k, sizeof k))
        stem = k;
    int id = strmap_get(&c->ix->terms, stem), own = -1;
    /* and back: доставка finds доставці where the texts have no доставка,
     * unless the lexicon knows that word as its own (танці: dance, which
     * танки must not find) */
    if (id < 0 && !phrase && (id = strmap_get(&c->ix->alt_of, stem)) >= 0) {
        char w[MATCH_TOKEN_MAX + 8];
        snprintf(w, sizeof w, "%s", c->ix->term_word[id]);
        match_stem_uk(w);
        if (match_lexicon_lookup(c->lx, w, &kt) > 0)
            id = -1;
    }
    if (match_ivec_push(&c->place_term, phrase ? -2 : id) < 0 ||
        note_brought(c, -1, word) < 0) {   /* a word of the text, whatever it brings */
        c->oom = 1;
        return 1;
    }
    if (id >= 0) {
        struct qterm *q = qterm_of(c, id);
        if (!q || note_brought(c, id, word) < 0)
            return 1;
        own = (int)(q - c->t);
        if (q->qtf == 0 || q->via[0]) {   /* new, or only a translation so far */
            q->at = c->at;
            q->places_n = 0;
            q->scale = 1;
            q->via[0] = '\0';
            snprintf(q->word, sizeof q->word, "%s", word);
            snprintf(q->compound, sizeof q->compound, "%s", compound ? compound : "");
        }
        add_place(q, c->at, word);
        q->want &= c->reading_wants;
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
    if (c->cognate > 0 && !phrase) {
        struct cognate_ctx g = {c, own, id, word, compound, tr, tn};
        if (match_cognates_each(&c->ix->cognates, stem, add_cognate, &g))
            return 1;
    }
    return 0;
}

static int cmp_pair(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

/* Whether the term ids p[0..pn) and q[0..qn) (each in order) are the same. */
static bool same_ids(const int *p, int pn, const int *q, int qn)
{
    return pn == qn && memcmp(p, q, (size_t)pn * sizeof *p) == 0;
}

int match_qterms_words_met(const struct qctx *c, struct arena *a, int *met, int *words)
{
    const struct match_index *ix = c->ix;
    int pn = (int)c->brought.n / 2;
    int *pair = arena_alloc(a, ((size_t)pn + 1) * 2 * sizeof *pair);
    int *start = arena_alloc(a, ((size_t)pn + 1) * sizeof *start);   /* a place's first pair */
    int *word = arena_alloc(a, ((size_t)pn + 1) * sizeof *word);     /* a word's first place */
    int *stamp = arena_alloc(a, ((size_t)ix->n + 1) * sizeof *stamp);
    if (!pair || !start || !word || !stamp)
        return -1;
    if (pn > 0)
        memcpy(pair, c->brought.v, (size_t)pn * 2 * sizeof *pair);
    qsort(pair, (size_t)pn, 2 * sizeof *pair, cmp_pair);
    /* each place's terms, once each and in order */
    int places = 0, m = 0;
    for (int k = 0; k < pn; k++) {
        if (m > 0 && pair[2 * k] == pair[2 * (m - 1)] && pair[2 * k + 1] == pair[2 * m - 1])
            continue;
        if (m == 0 || pair[2 * k] != pair[2 * (m - 1)])
            start[places++] = m;
        pair[2 * m] = pair[2 * k];
        pair[2 * m + 1] = pair[2 * k + 1];
        m++;
    }
    start[places] = m;
    int *ids = arena_alloc(a, ((size_t)m + 1) * sizeof *ids);
    if (!ids)
        return -1;
    for (int k = 0; k < m; k++)
        ids[k] = pair[2 * k + 1];
    /* a word is a place's terms (with -1, which every place has): the same
     * word again (радари, радарів; or radar beside радар, which bring each
     * other) is one word, not two; the words no profile has are one, which
     * none meets */
    int wn = 0;
    for (int p = 0; p < places; p++) {
        bool again = false;
        for (int w = 0; w < wn && !again; w++)
            again = same_ids(ids + start[word[w]], start[word[w] + 1] - start[word[w]],
                             ids + start[p], start[p + 1] - start[p]);
        if (!again)
            word[wn++] = p;
    }
    for (int o = 0; o < ix->n; o++) {
        met[o] = 0;
        stamp[o] = -1;
    }
    for (int w = 0; w < wn; w++)
        for (int k = start[word[w]]; k < start[word[w] + 1]; k++) {
            int t = ids[k];
            for (int j = t < 0 ? 0 : ix->opost_off[t]; t >= 0 && j < ix->opost_off[t + 1]; j++)
                if (stamp[ix->opost_org[j]] != w) {
                    stamp[ix->opost_org[j]] = w;
                    met[ix->opost_org[j]]++;
                }
        }
    *words = wn;
    return 0;
}

static int cmp_qterm(const void *a, const void *b)
{
    double x = ((const struct qterm *)a)->weight, y = ((const struct qterm *)b)->weight;
    return (x < y) - (x > y);
}

/* The index's term ids of an abbreviation's words, n of them in ids (cap
 * at most); unknown when one is not in the index or they are too many. */
struct run_ids {
    const struct match_index *ix;
    int *ids, n, cap;
    bool unknown;
};

static int collect_run_id(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct run_ids *r = ud;
    if (strchr(word, ' '))
        return 0;   /* the thing a phrase of them names sits between them */
    int t = strmap_get(&r->ix->terms, stem);
    if (t < 0 || r->n == r->cap) {
        r->unknown = true;
        return 1;
    }
    r->ids[r->n++] = t;
    return 0;
}

int match_qterms_runs(const struct qctx *c, struct arena *a, struct spelled_run **runs)
{
    const struct match_index *ix = c->ix;
    const int *pt = c->place_term.v;
    int places = (int)c->place_term.n, n = 0, cap = 0;
    *runs = NULL;
    for (int e = 0; e < match_abbrev_expansions_n(); e++) {
        const char *words = match_abbrev_expansion_words(e);
        if (strmap_get(&ix->spelled_ids, words) < 0)
            continue;   /* no document spells it out */
        bool again = false;   /* several abbreviations may stand for the same words */
        for (int f = 0; f < e && !again; f++)
            again = strcmp(match_abbrev_expansion_words(f), words) == 0;
        if (again)
            continue;
        int ids[8];
        struct run_ids r = {ix, ids, 0, 8, false};
        if (match_tokenize(words, strlen(words), collect_run_id, &r) != 0 || r.unknown ||
            r.n < 2)
            continue;
        /* the question's places in order, a phrase's thing passed over */
        for (int p = 0; p < places; p++) {
            int k = 0, q = p, last = p;
            for (; q < places && k < r.n; q++) {
                if (pt[q] == -2 && k > 0)
                    continue;
                if (pt[q] != r.ids[k])
                    break;
                last = q;
                k++;
            }
            if (k < r.n)
                continue;
            if (n == cap) {
                int ncap = cap ? 2 * cap : 8;
                struct spelled_run *m = arena_alloc(a, (size_t)ncap * sizeof *m);
                if (!m)
                    return -1;
                if (n)
                    memcpy(m, *runs, (size_t)n * sizeof *m);
                *runs = m;
                cap = ncap;
            }
            (*runs)[n++] = (struct spelled_run){words, p + 1, last + 1};
            p = last;
        }
    }
    return n;
}

int match_qterms_read(struct qctx *c, const char *s, size_t n)
{
    return match_tokenize(s, n, collect_qterm, c);
}

void match_qterms_sort(struct qterm *qt, int qn)
{
    if (qn > 0)
        qsort(qt, (size_t)qn, sizeof *qt, cmp_qterm);
}
