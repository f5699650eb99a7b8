/* A bilingual lexicon from parallel labels (lexicon.h): each label pair is
 * tokenised into distinct stems per side; within each pair the stems are
 * linked one to one, strongest co-occurrence first (competitive linking,
 * Melamed 2000), and two stems' association is their Dice coefficient over
 * those links (2 links / (pairs of one + pairs of the other)); each stem keeps
 * its strongest few. Built once per index load. */
#include "engine/match/lexicon.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "engine/match/text.h"

/* Chosen on bench/bench_lexicon's cross-validation over the classifier's codes
 * (competitive linking on): 0.1 / 0.15 / 0.2 / 0.3 found 0.711 / 0.707 /
 * 0.700 / 0.676 of Ukrainian labels among the best 10 English ones; below
 * 0.15 the gain is within the noise and weak links translate noise. */
#define MIN_DICE 0.15
#define MIN_OF_BEST 0.5     /* a stem's further translations: at least half its best */

struct entry {
    const char *stem;
    struct match_translation tr[MATCH_LEXICON_MAX];
    int n;
};

struct match_lexicon {
    struct arena arena;
    struct entry *entries;   /* sorted by stem */
    int n;
};

/* The vocabulary: one row per (side, stem). */
struct vocab {
    const char *stem, *word;   /* word: its most frequent surface form so far */
    int count;                 /* label pairs it appears in */
    int word_count;            /* how often word was its form */
};

/* A stem of one side of one label pair. */
struct tok {
    int label;
    int side;   /* 0 English, 1 Ukrainian */
    int id;     /* the (side, stem)'s vocabulary id; -1 once dropped */
};

struct builder {
    struct arena *a;         /* scratch: the vocabulary's strings */
    struct tok *t;
    int n, cap;
    struct vocab *v;
    int vn, vcap;
    struct strmap ids;       /* side letter + stem -> vocabulary id */
    struct strmap forms;     /* side letter + stem + tab + word -> index in form_count */
    int *form_count;
    int fn, fcap;
    int label, side, from;   /* the label being read; its first token */
    int oom;
};

static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static int collect(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct builder *b = ud;
    if (stem[0] == '\0' || stem[1] == '\0' || all_digits(stem))
        return 0;
    /* keys: a side letter, the stem, then for forms a tab and the word */
    char key[2 * MATCH_TOKEN_MAX + 4];
    size_t sl = strlen(stem), wl = strlen(word);
    key[0] = b->side ? 'u' : 'e';
    memcpy(key + 1, stem, sl + 1);
    int id = strmap_put(&b->ids, key, b->vn);
    if (id == -2)
        return b->oom = 1;
    if (id == b->vn) {   /* a new stem */
        if (df_grow((void **)&b->v, &b->vcap, b->vn, sizeof *b->v))
            return b->oom = 1;
        b->v[b->vn] = (struct vocab){.stem = arena_strdup(b->a, stem)};
        if (!b->v[b->vn++].stem)
            return b->oom = 1;
    }
    for (int i = b->from; i < b->n; i++)
        if (b->t[i].id == id)
            return 0;   /* distinct stems per label side */
    /* the surface form, counted: the most frequent one names the stem in reasons */
    key[1 + sl] = '\t';
    memcpy(key + 2 + sl, word, wl + 1);
    int f = strmap_put(&b->forms, key, b->fn);
    if (f == -2)
        return b->oom = 1;
    if (f == b->fn) {
        if (df_grow((void **)&b->form_count, &b->fcap, b->fn, sizeof *b->form_count))
            return b->oom = 1;
        b->form_count[b->fn++] = 0;
    }
    struct vocab *v = &b->v[id];
    int seen = ++b->form_count[f];
    if (seen > v->word_count) {
        v->word_count = seen;
        v->word = arena_strdup(b->a, word);
        if (!v->word)
            return b->oom = 1;
    }
    v->count++;
    if (df_grow((void **)&b->t, &b->cap, b->n, sizeof *b->t))
        return b->oom = 1;
    b->t[b->n++] = (struct tok){.label = b->label, .side = b->side, .id = id};
    return 0;
}

/* How often an English and a Ukrainian stem share a label pair: a hash table
 * keyed by their ids (English id << 32 | Ukrainian id), count 0 an empty slot. */
struct pair {
    uint64_t key;
    int count;
    int linked;     /* label pairs where competitive linking paired them (3b) */
    int solo;       /* at least one of the label pairs they share has one word a side */
};

static size_t pair_slot(uint64_t k, size_t cap)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k & (cap - 1);
}

static struct pair *pair_find(struct pair *t, size_t cap, uint64_t key)
{
    size_t j = pair_slot(key, cap);
    while (t[j].count && t[j].key != key)
        j = (j + 1) & (cap - 1);
    return t[j].count ? &t[j] : NULL;
}

/* A candidate link within one label pair: tokens x and y, their Dice. */
struct cand_link {
    int x, y;
    double dice;
    struct pair *pair;
};

static int cmp_cand_link(const void *a, const void *b)
{
    const struct cand_link *p = a, *q = b;
    if (p->dice != q->dice)
        return (p->dice < q->dice) - (p->dice > q->dice);
    return p->x != q->x ? p->x - q->x : p->y - q->y;   /* ties in a fixed order */
}

static uint64_t pair_key(const struct tok *en, const struct tok *uk)
{
    return (uint64_t)en->id << 32 | (uint32_t)uk->id;
}

/* Counts key in the table *t of *cap slots (*n used), doubling it at half full. */
static int pair_count(struct pair **t, size_t *cap, size_t *n, uint64_t key, int solo)
{
    if ((*n + 1) * 2 > *cap) {
        size_t nc = *cap ? *cap * 2 : 65536;
        struct pair *nt = calloc(nc, sizeof *nt);
        if (!nt)
            return -1;
        for (size_t i = 0; i < *cap; i++) {
            if (!(*t)[i].count)
                continue;
            size_t j = pair_slot((*t)[i].key, nc);
            while (nt[j].count)
                j = (j + 1) & (nc - 1);
            nt[j] = (*t)[i];
        }
        free(*t);
        *t = nt;
        *cap = nc;
    }
    size_t j = pair_slot(key, *cap);
    while ((*t)[j].count && (*t)[j].key != key)
        j = (j + 1) & (*cap - 1);
    if (!(*t)[j].count) {
        (*t)[j].key = key;
        (*n)++;
    }
    (*t)[j].count++;
    (*t)[j].solo |= solo;
    return 0;
}

struct link {
    int src, dst;
    double dice;
};

static int cmp_link(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    if (a->src != b->src)
        return a->src - b->src;
    if (a->dice != b->dice)
        return (a->dice < b->dice) - (a->dice > b->dice);
    return a->dst - b->dst;   /* ties in a fixed order, whatever the table's layout */
}

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const struct entry *)x)->stem, ((const struct entry *)y)->stem);
}

/* Adds a translation to e, keeping the strongest MATCH_LEXICON_MAX. */
static void entry_add(struct entry *e, struct match_translation t)
{
    for (int i = 0; i < e->n; i++)
        if (strcmp(e->tr[i].stem, t.stem) == 0)
            return;
    int at;
    if (e->n < MATCH_LEXICON_MAX)
        at = e->n++;
    else if (e->tr[MATCH_LEXICON_MAX - 1].weight < t.weight)
        at = MATCH_LEXICON_MAX - 1;
    else
        return;
    e->tr[at] = t;
    for (; at > 0 && e->tr[at - 1].weight < e->tr[at].weight; at--) {
        struct match_translation s = e->tr[at];
        e->tr[at] = e->tr[at - 1];
        e->tr[at - 1] = s;
    }
}

/* The one stem of a glossary word: its stem and surface form. */
struct one_word {
    int n;
    char stem[MATCH_TOKEN_MAX + 1], word[MATCH_TOKEN_MAX + 1];
    char abbrev[MATCH_TOKEN_MAX + 1];   /* the abbreviation the first token spells out, or "" */
    int spelled;   /* tokens that are its words (text.h: its compound) or its phrase's thing */
    bool glued;    /* a combining form and a word, written as one (cybersecurity) */
};

static int one_word_collect(void *ud, const char *stem, const char *word, const char *compound)
{
    struct one_word *w = ud;
    if (w->n++ == 0) {
        snprintf(w->stem, sizeof w->stem, "%s", stem);
        snprintf(w->word, sizeof w->word, "%s", word);
        /* an abbreviation's words have it as their compound, which is no compound of parts */
        snprintf(w->abbrev, sizeof w->abbrev, "%s",
                 compound && !match_compound_has_parts(compound) ? compound : "");
    }
    w->spelled += w->abbrev[0] && ((compound && strcmp(compound, w->abbrev) == 0) ||
                                   (!compound && strchr(word, ' ')));
    w->glued |= compound && !strchr(compound, '-') && match_compound_has_parts(compound);
    return 0;
}

/* A glossary translation from one stem to another, or (drop) its negation;
 * order: the line's place in the glossary, twice, plus the direction. */
struct gloss_link {
    const char *src;
    struct match_translation tr;
    int order;
    bool drop;
};

static int cmp_gloss_link(const void *x, const void *y)
{
    const struct gloss_link *a = x, *b = y;
    int c = strcmp(a->src, b->src);
    if (!c)
        c = strcmp(a->tr.stem, b->tr.stem);
    return c ? c : a->order - b->order;
}

static int cmp_gloss_order(const void *x, const void *y)
{
    const struct gloss_link *a = x, *b = y;
    int c = strcmp(a->src, b->src);
    return c ? c : a->order - b->order;
}

/* Where glossary pair i comes from, for messages: FILE:LINE when g says,
 * else its number. */
static const char *pair_where(const struct match_glossary *g, int i, char *buf, size_t n)
{
    if (g->source && g->line)
        snprintf(buf, n, "%s:%d", g->source[i], g->line[i]);
    else
        snprintf(buf, n, "glossary pair %d", i + 1);
    return buf;
}

/* Tokenises one side of glossary pair i into *w: exactly one stem, or an error. */
static int glossary_word(const struct match_glossary *g, int i, bool ukrainian,
                         struct one_word *w, struct df_err *err)
{
    const char *s = ukrainian ? g->uk[i] : g->en[i];
    char at[512];
    *w = (struct one_word){0};
    if (!s || match_tokenize(s, strlen(s), one_word_collect, w) < 0) {
        df_err_set(err, DF_ERR_INPUT, "%s: the %s word is missing or not UTF-8",
                   pair_where(g, i, at, sizeof at), ukrainian ? "Ukrainian" : "English");
        return df_err_code(err, ukrainian ? "word_missing_uk" : "word_missing_en", NULL);
    }
    if (w->n > 1 && w->spelled == w->n) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s: \"%s\" is an abbreviation dfnc reads as the %d words it stands for: "
                   "translate those, one a line",
                   pair_where(g, i, at, sizeof at), s, w->n);
        return df_err_code(err, "abbreviation", "value", s, "n", DF_NUM(w->n), NULL);
    }
    if (w->n > 1 && w->glued) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s: \"%s\" is read as the %d words it joins (cyber security for "
                   "cybersecurity): translate those, one a line",
                   pair_where(g, i, at, sizeof at), s, w->n);
        return df_err_code(err, "glued", "value", s, "n", DF_NUM(w->n), NULL);
    }
    if (w->n != 1) {
        df_err_set(err, DF_ERR_INPUT, "%s: \"%s\" is not one word (%d stems)",
                   pair_where(g, i, at, sizeof at), s, w->n);
        return df_err_code(err, "not_one_word", "value", s, "n", DF_NUM(w->n), NULL);
    }
    return 0;
}

/* Removes the translation stem dst from src's entry, if it has one. */
static void entry_drop(struct match_lexicon *lx, const char *src, const char *dst)
{
    struct entry key = {.stem = src};
    struct entry *e = bsearch(&key, lx->entries, (size_t)lx->n, sizeof *lx->entries, cmp_entry);
    if (!e)
        return;
    int k = 0;
    for (int t = 0; t < e->n; t++)
        if (strcmp(e->tr[t].stem, dst) != 0)
            e->tr[k++] = e->tr[t];
    e->n = k;
}

/* Applies g to the learned entries: its "not" pairs leave them, its other
 * pairs join them at weight 1 (the strongest MATCH_LEXICON_MAX of a stem are
 * kept, so a learned translation may give way); the entries stay sorted. On
 * an input error *bad is the pair it names. */
static int apply_glossary(struct match_lexicon *lx, const struct match_glossary *g, int *bad,
                          struct df_err *err)
{
    struct gloss_link *links = malloc(((size_t)g->n * 2 + 1) * sizeof *links);
    struct entry *merged = NULL;
    char at[512];
    int rc = -1, ln = 0;
    if (!links)
        goto oom;
    for (int i = 0; i < g->n; i++) {
        struct one_word e, u;
        *bad = i;
        if (glossary_word(g, i, false, &e, err) < 0 || glossary_word(g, i, true, &u, err) < 0)
            goto out;
        if (strcmp(e.stem, u.stem) == 0) {
            df_err_set(err, DF_ERR_INPUT, "%s: \"%s\" translates to itself",
                       pair_where(g, i, at, sizeof at), g->en[i]);
            df_err_code(err, "itself", "value", g->en[i], NULL);
            goto out;
        }
        bool drop = g->drop && g->drop[i];
        if (drop) {   /* what the labels taught goes now; earlier lines, below */
            entry_drop(lx, e.stem, u.stem);
            entry_drop(lx, u.stem, e.stem);
        }
        const char *es = arena_strdup(&lx->arena, e.stem), *ew = arena_strdup(&lx->arena, e.word);
        const char *us = arena_strdup(&lx->arena, u.stem), *uw = arena_strdup(&lx->arena, u.word);
        if (!es || !ew || !us || !uw)
            goto oom;
        links[ln++] = (struct gloss_link){es, {us, uw, 1.0, ew}, 2 * i, drop};
        links[ln++] = (struct gloss_link){us, {es, ew, 1.0, uw}, 2 * i + 1, drop};
    }
    *bad = -1;
    /* by source, then target, then line: a pair's later "not" cancels its
     * earlier lines, and a later line brings it back */
    if (ln > 1)
        qsort(links, (size_t)ln, sizeof *links, cmp_gloss_link);
    int kept_links = 0;
    for (int i = 0; i < ln;) {
        int j = i;
        while (j < ln && strcmp(links[j].src, links[i].src) == 0 &&
               strcmp(links[j].tr.stem, links[i].tr.stem) == 0)
            j++;
        if (!links[j - 1].drop)
            links[kept_links++] = links[j - 1];
        i = j;
    }
    ln = kept_links;
    /* back in line order within a source, for the order of its translations */
    if (ln > 1)
        qsort(links, (size_t)ln, sizeof *links, cmp_gloss_order);
    merged = arena_alloc(&lx->arena, ((size_t)lx->n + (size_t)ln + 1) * sizeof *merged);
    if (!merged)
        goto oom;
    int m = 0, k = 0;
    for (int i = 0; i < ln;) {
        int j = i;
        struct entry e = {.stem = links[i].src};
        for (; j < ln && strcmp(links[j].src, links[i].src) == 0; j++) {
            if (e.n == MATCH_LEXICON_MAX) {
                int pair = *bad = links[j].order / 2;
                df_err_set(err, DF_ERR_INPUT, "%s: \"%s\" has more than %d translations",
                           pair_where(g, pair, at, sizeof at),
                           links[j].order % 2 ? g->uk[pair] : g->en[pair], MATCH_LEXICON_MAX);
                df_err_code(err, "translations", "value",
                            links[j].order % 2 ? g->uk[pair] : g->en[pair], "n",
                            DF_NUM(MATCH_LEXICON_MAX), NULL);
                goto out;
            }
            e.tr[e.n++] = links[j].tr;
        }
        while (k < lx->n && strcmp(lx->entries[k].stem, e.stem) < 0)
            merged[m++] = lx->entries[k++];
        if (k < lx->n && strcmp(lx->entries[k].stem, e.stem) == 0) {
            for (int t = 0; t < lx->entries[k].n; t++)
                entry_add(&e, lx->entries[k].tr[t]);
            k++;
        }
        merged[m++] = e;
        i = j;
    }
    while (k < lx->n)
        merged[m++] = lx->entries[k++];
    /* a stem whose every learned translation was dropped has none left */
    int kept = 0;
    for (int i = 0; i < m; i++)
        if (merged[i].n > 0)
            merged[kept++] = merged[i];
    lx->entries = merged;
    lx->n = kept;
    rc = 0;
    goto out;
oom:
    *bad = -1;
    df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the glossary");
out:
    free(links);
    return rc;
}

/* match_lexicon_build; on a glossary's input error *bad is the pair it
 * names, else -1. */
static struct match_lexicon *lexicon_build(const char *const *en, const char *const *uk, int n,
                                           const struct match_glossary *glossary, int *bad,
                                           struct df_err *err)
{
    struct match_lexicon *lx = calloc(1, sizeof *lx);
    *bad = -1;
    struct arena scratch;
    arena_init(&scratch, 0);
    struct builder b = {.a = &scratch};
    struct pair *pairs = NULL;
    struct link *links = NULL;
    struct cand_link *cands = NULL;
    char *used = NULL;
    size_t ccap = 0;
    bool ok = false;
    if (!lx)
        goto oom;
    arena_init(&lx->arena, 0);

    /* 1. the distinct stems of each label pair's two sides */
    for (int i = 0; i < n; i++) {
        if (!en[i] || !uk[i] || !*en[i] || !*uk[i] ||
            strnlen(en[i], MATCH_LEXICON_LABEL_MAX + 1) > MATCH_LEXICON_LABEL_MAX ||
            strnlen(uk[i], MATCH_LEXICON_LABEL_MAX + 1) > MATCH_LEXICON_LABEL_MAX)
            continue;
        int from = b.n;
        b.label = i;
        b.from = from;
        for (b.side = 0; b.side < 2; b.side++) {
            const char *s = b.side ? uk[i] : en[i];
            int rc = match_tokenize(s, strlen(s), collect, &b);
            if (rc < 0) {
                df_err_set(err, DF_ERR_INPUT, "label %d (%s) is not valid UTF-8", i + 1,
                           b.side ? "Ukrainian" : "English");
                goto out;
            }
            if (b.oom)
                goto oom;
        }
        /* a stem on both sides ("gps") is a shared word, not a translation */
        for (int x = from; x < b.n; x++)
            for (int y = from; y < b.n; y++)
                if (b.t[x].side == 0 && b.t[y].side == 1 && b.t[x].id >= 0 && b.t[y].id >= 0 &&
                    strcmp(b.v[b.t[x].id].stem, b.v[b.t[y].id].stem) == 0) {
                    b.v[b.t[x].id].count--;
                    b.v[b.t[y].id].count--;
                    b.t[x].id = b.t[y].id = -1;
                }
        int k = from;
        for (int x = from; x < b.n; x++)
            if (b.t[x].id >= 0)
                b.t[k++] = b.t[x];
        b.n = k;
    }
    const struct vocab *v = b.v;

    /* 3. co-occurrence of every English and Ukrainian stem of a label pair */
    size_t pn = 0, pcap = 0;
    for (int i = 0; i < b.n;) {
        int j = i;
        while (j < b.n && b.t[j].label == b.t[i].label)
            j++;
        int ne = 0, nu = 0;
        for (int x = i; x < j; x++)
            b.t[x].side ? nu++ : ne++;
        for (int x = i; x < j; x++) {
            if (b.t[x].side)
                continue;
            for (int y = i; y < j; y++)
                if (b.t[y].side &&
                    pair_count(&pairs, &pcap, &pn, pair_key(&b.t[x], &b.t[y]), ne == 1 && nu == 1) <
                        0)
                    goto oom;
        }
        i = j;
    }

    /* 3b. competitive linking: in each label pair the strongest pairs by
     * Dice take their two words, one to one, so that a word's frequent
     * neighbour ("vehicles" beside "безпілотні") is not its translation */
    used = calloc((size_t)b.n + 1, 1);   /* a token already linked in its label pair */
    if (!used)
        goto oom;
    for (int i = 0; i < b.n;) {
        int j = i, ne = 0, nu = 0;
        while (j < b.n && b.t[j].label == b.t[i].label)
            b.t[j++].side ? nu++ : ne++;
        if ((size_t)ne * (size_t)nu > ccap) {
            ccap = (size_t)ne * (size_t)nu;
            struct cand_link *c = realloc(cands, ccap * sizeof *c);
            if (!c)
                goto oom;
            cands = c;
        }
        int cn = 0;
        for (int x = i; x < j; x++)
            for (int y = i; y < j && !b.t[x].side; y++) {
                if (!b.t[y].side)
                    continue;
                struct pair *pp = pair_find(pairs, pcap, pair_key(&b.t[x], &b.t[y]));
                cands[cn++] = (struct cand_link){
                    x, y, 2.0 * pp->count / (v[b.t[x].id].count + v[b.t[y].id].count), pp};
            }
        if (cn > 1)
            qsort(cands, (size_t)cn, sizeof *cands, cmp_cand_link);
        for (int c = 0; c < cn; c++) {
            if (used[cands[c].x] || used[cands[c].y])
                continue;
            used[cands[c].x] = used[cands[c].y] = 1;
            cands[c].pair->linked++;
        }
        i = j;
    }

    /* 4. links both ways where the association holds */
    links = malloc((2 * pn + 1) * sizeof *links);
    if (!links)
        goto oom;
    int ln = 0;
    for (size_t i = 0; i < pcap; i++) {
        int c = pairs[i].linked;
        if (!c)
            continue;
        int e = (int)(pairs[i].key >> 32), u = (int)(pairs[i].key & 0xffffffffu);
        double dice = 2.0 * c / (v[e].count + v[u].count);
        if ((c >= 2 || pairs[i].solo) && dice >= MIN_DICE) {
            links[ln++] = (struct link){e, u, dice};
            links[ln++] = (struct link){u, e, dice};
        }
    }
    if (ln)
        qsort(links, (size_t)ln, sizeof *links, cmp_link);

    /* 5. entries: each source stem's strongest links, sorted by stem for lookup */
    int en_n = 0;
    for (int i = 0; i < ln; i++)
        en_n += i == 0 || links[i].src != links[i - 1].src;
    lx->entries = arena_alloc(&lx->arena, ((size_t)en_n + 1) * sizeof *lx->entries);
    if (!lx->entries)
        goto oom;
    for (int i = 0; i < ln;) {
        int j = i;
        while (j < ln && links[j].src == links[i].src)
            j++;
        struct entry *e = &lx->entries[lx->n];
        *e = (struct entry){.stem = arena_strdup(&lx->arena, v[links[i].src].stem)};
        if (!e->stem)
            goto oom;
        for (int k = i; k < j && e->n < MATCH_LEXICON_MAX; k++) {
            if (links[k].dice < MIN_OF_BEST * links[i].dice)
                break;
            const struct vocab *d = &v[links[k].dst];
            struct match_translation t = {arena_strdup(&lx->arena, d->stem),
                                          arena_strdup(&lx->arena, d->word), links[k].dice, NULL};
            if (!t.stem || !t.word)
                goto oom;
            e->tr[e->n++] = t;
        }
        lx->n++;
        i = j;
    }
    qsort(lx->entries, (size_t)lx->n, sizeof *lx->entries, cmp_entry);
    /* a stem spelled alike in both languages ("gps" in another label) has two
     * rows: merge them */
    int k = 0;
    for (int i = 0; i < lx->n; i++) {
        if (k > 0 && strcmp(lx->entries[k - 1].stem, lx->entries[i].stem) == 0) {
            for (int t = 0; t < lx->entries[i].n; t++)
                entry_add(&lx->entries[k - 1], lx->entries[i].tr[t]);
            continue;
        }
        lx->entries[k++] = lx->entries[i];
    }
    lx->n = k;
    if (glossary && glossary->n > 0 && apply_glossary(lx, glossary, bad, err) < 0)
        goto out;
    ok = true;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory building the bilingual lexicon");
out:
    free(pairs);
    free(links);
    free(cands);
    free(used);
    free(b.t);
    free(b.v);
    free(b.form_count);
    strmap_free(&b.ids);
    strmap_free(&b.forms);
    arena_free(&scratch);
    if (!ok) {
        match_lexicon_free(lx);
        lx = NULL;
    }
    return lx;
}

void match_lexicon_free(struct match_lexicon *lx)
{
    if (!lx)
        return;
    arena_free(&lx->arena);
    free(lx);
}

int match_lexicon_size(const struct match_lexicon *lx) { return lx ? lx->n : 0; }

int match_lexicon_lookup(const struct match_lexicon *lx, const char *stem,
                         const struct match_translation **out)
{
    if (!lx || !lx->n)
        return 0;
    struct entry key = {.stem = stem};
    const struct entry *e =
        bsearch(&key, lx->entries, (size_t)lx->n, sizeof *lx->entries, cmp_entry);
    if (!e)
        return 0;
    *out = e->tr;
    return e->n;
}

struct match_lexicon *match_lexicon_build(const char *const *en, const char *const *uk, int n,
                                          const struct match_glossary *glossary,
                                          struct df_err *err)
{
    int bad;
    return lexicon_build(en, uk, n, glossary, &bad, err);
}

int match_glossary_check(const struct match_glossary *g, int *pair, struct df_err *err)
{
    struct match_lexicon *lx = lexicon_build(NULL, NULL, 0, g, pair, err);
    if (!lx)
        return -1;
    match_lexicon_free(lx);
    return 0;
}
