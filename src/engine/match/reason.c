/* Reasons a person can read (match_internal.h): projects like the
 * question, partners met there, the question's words a profile shares, and
 * the forum's needs met by offers. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/strmap.h"
#include "engine/match/lexicon.h"
#include "engine/match/match_internal.h"

/* The posting of term t in document d, or -1. */
static int term_posting(const struct match_index *ix, int t, int d)
{
    int lo = ix->post_off[t], hi = ix->post_off[t + 1] - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ix->post_doc[mid] == d)
            return mid;
        if (ix->post_doc[mid] < d)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static void cpv_digits(const char *cpv, char out[9])
{
    snprintf(out, 9, "%s", cpv ? cpv : "");
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

const char *match_similar_reason(const struct match_index *ix, const double *seed, int o,
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

int match_circle_count(const struct match_index *ix, const double *seed, const char *in_circle,
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

enum term_in_org { TERM_ABSENT, TERM_OWN, TERM_NEEDED };

/* Whether term t occurs in one of profile o's documents, marked in mark[]
 * (od of them): among its own words (or its projects'), only among its
 * needs' (match_profile.wants), or not at all. */
static enum term_in_org org_term(const struct match_index *ix, int t, int o, int od,
                                 const char *mark)
{
    bool needed = false;
    if (ix->post_off[t + 1] - ix->post_off[t] <= od) {
        for (int k = ix->post_off[t]; k < ix->post_off[t + 1]; k++)
            if (mark[ix->post_doc[k]]) {
                if (!ix->post_want || !ix->post_want[k])
                    return TERM_OWN;
                needed = true;
            }
        return needed ? TERM_NEEDED : TERM_ABSENT;
    }
    for (int j = ix->org_doc_off[o]; j < ix->org_doc_off[o + 1]; j++) {
        int k = term_posting(ix, t, ix->org_doc[j]);
        if (k < 0)
            continue;
        if (!ix->post_want || !ix->post_want[k])
            return TERM_OWN;
        needed = true;
    }
    return needed ? TERM_NEEDED : TERM_ABSENT;
}

static bool org_has_term(const struct match_index *ix, int t, int o, int od, const char *mark)
{
    return org_term(ix, t, o, od, mark) != TERM_ABSENT;
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

/* Whether profile o names compound whole: has every word of it ("long-range":
 * "long" and "range") and writes it as one (match_spelled_in); their term
 * ids into *p. */
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
    /* an abbreviation's words (UGV: unmanned, ground, vehicle) are in many
     * a profile that never names the thing (unmanned aerial vehicles,
     * ground control stations), and a compound's parts in many that never
     * write it (long-endurance ... range): either is said whole only where
     * the profile writes it (an abbreviation also as its words in a row) */
    return match_spelled_in(ix, compound, mark);
}

/* How many words the tokeniser reads in s (-1: not UTF-8). */
static int word_count(const struct match_index *ix, const char *s)
{
    struct term_ids p = {.ix = ix};
    return match_tokenize(s, strlen(s), collect_term_id, &p) == 0 ? p.words : -1;
}

/* A word more than one in REASON_COMMON_SHARE organisations have, and more
 * than REASON_COMMON_MIN, is no reason. */
#define REASON_COMMON_SHARE 2
#define REASON_COMMON_MIN 20

/* At most this many more translated words of one compound join a reason. */
#define COMPOUND_SAID 3

/* Whether phrase (a query term's word: the phrase that named its thing,
 * words joined by spaces) has word, a single word, among its words. */
static bool phrase_has_word(const char *phrase, const char *word)
{
    size_t n = strlen(word);
    if (strchr(word, ' ') || n == 0)
        return false;
    for (const char *s = phrase; (s = strstr(s, word)) != NULL; s++)
        if ((s == phrase || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return true;
    return false;
}

static bool in_ids(const int *ids, int n, int id)
{
    for (int k = 0; k < n; k++)
        if (ids[k] == id)
            return true;
    return false;
}

/* The query terms a phrase named (their word has a space), a few. */
#define PHRASES_SAID 16
struct phrase_terms {
    int idx[PHRASES_SAID];
    int n;
};

static void phrase_terms_of(const struct qterm *qt, int qn, struct phrase_terms *p)
{
    p->n = 0;
    for (int j = 0; j < qn && p->n < PHRASES_SAID; j++)
        if (strchr(qt[j].word, ' '))
            p->idx[p->n++] = j;
}

/* Whether query term i's word is said by a phrase of the question (ph)
 * that profile o has ("unmanned ground" says "ground"), one that is neither
 * common nor among the cited codes' words (cited, cited_n: the thing is
 * said there, and the words here). An abbreviation's words are said as the
 * abbreviation ("ugv"), which names the phrase's thing too. */
static bool said_by_phrase(const struct match_index *ix, const struct qterm *qt,
                           const struct phrase_terms *ph, int i, int o, int od, const char *mark,
                           double common, const int *cited, int cited_n)
{
    if (ph->n == 0 || (qt[i].compound[0] && !match_compound_has_parts(qt[i].compound)))
        return false;
    for (int k = 0; k < ph->n; k++) {
        int j = ph->idx[k];
        if (j != i && phrase_has_word(qt[j].word, qt[i].word) &&
            match_term_org_df(ix, qt[j].id) <= common && !in_ids(cited, cited_n, qt[j].id) &&
            org_has_term(ix, qt[j].id, o, od, mark))
            return true;
    }
    return false;
}

/* Whether term id is one of q's translations. */
/* A unit of measure ("155 mm", "40 km", "5 кг"): it matches, as the text
 * says it, but alone it tells no one why ("text: mm, artillery"). */
static bool is_unit(const char *word)
{
    static const char *const units[] = {
        "mm", "cm", "km", "kg", "kw", "mw", "kv", "hz", "khz", "mhz", "ghz", "kmh",
        "мм", "см", "км", "кг", "квт", "мвт", "кв", "гц", "кгц", "мгц", "ггц",
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(word, units[i]) == 0)
            return true;
    return false;
}

static bool translates(const struct qterm *q, int id)
{
    for (int j = 0; j < q->tr_n; j++)
        if (q->tr_id[j] == id)
            return true;
    return false;
}

/* Whether term t reads as a compound's part: a single word of the text
 * brought it (not only a phrase's thing), no compound of the text's own, and
 * what it matched is one word. */
static bool single_word(const struct qterm *t)
{
    const char *w = t->via[0] ? t->via : t->single;
    return t->places_n > 0 && !t->compound[0] && !strchr(w, ' ') && !strchr(w, '-');
}

/* 1 when a word that brought term b comes right after one that brought a
 * in the question, -1 when right before, 0 when neither. */
static int next_to(const struct qterm *a, const struct qterm *b)
{
    for (int x = 0; x < a->places_n; x++)
        for (int y = 0; y < b->places_n; y++)
            if (b->places[y] - a->places[x] == 1 || b->places[y] - a->places[x] == -1)
                return b->places[y] - a->places[x];
    return 0;
}

/* The term of the question next to term i in its text whose word and i's,
 * joined by a hyphen in the text's order, profile o writes as one ("long
 * range": long-range; "протидія дронам", through the words they translate
 * to: counter-drone): its index, with the compound in joined (cap bytes)
 * and its term ids in *p; -1 for none. Both are the text's own words, or
 * both translations. */
static int adjacent_compound(const struct match_index *ix, const struct qterm *qt, int qn, int i,
                             int o, int od, const char *mark, char *joined, size_t cap,
                             struct term_ids *p)
{
    if (!single_word(&qt[i]))
        return -1;
    for (int j = 0; j < qn; j++) {
        if (j == i || !qt[i].via[0] != !qt[j].via[0] || !single_word(&qt[j]))
            continue;
        int d = next_to(&qt[i], &qt[j]);
        if (!d || !org_has_term(ix, qt[j].id, o, od, mark))
            continue;   /* (no compound of the two where the profile lacks the other) */
        const struct qterm *a = d > 0 ? &qt[i] : &qt[j], *b = d > 0 ? &qt[j] : &qt[i];
        int w = snprintf(joined, cap, "%s-%s", a->via[0] ? a->via : a->single,
                         b->via[0] ? b->via : b->single);
        if (w > 0 && (size_t)w < cap && w < MATCH_TOKEN_MAX &&
            compound_found(ix, joined, o, od, mark, p))
            return j;
    }
    return -1;
}

/* Whether word begins in Cyrillic (UTF-8 lead bytes of U+0400..U+04FF),
 * or in a Latin letter. */
static bool is_cyrillic(const char *word)
{
    return (unsigned char)word[0] >= 0xD0 && (unsigned char)word[0] <= 0xD3;
}

static bool is_latin(const char *word)
{
    return (word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z');
}

/* Whether term id is the index's term of stem, itself or the one it joined. */
static bool stem_is_term(const struct match_index *ix, const char *stem, int id)
{
    int t = strmap_get(&ix->terms, stem);
    return t >= 0 && (t == id || (ix->joined && ix->joined[t] == id));
}

/* The first and last stems of a run of text between spaces ("control." is
 * one, "and" none: a stop word), and their words as written (lowercased). */
struct chunk_stems {
    char first[MATCH_TOKEN_MAX], last[MATCH_TOKEN_MAX];
    char first_word[MATCH_TOKEN_MAX], last_word[MATCH_TOKEN_MAX];
    int n;
};

static int chunk_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct chunk_stems *c = ud;
    if (strchr(word, ' '))
        return 0;   /* the thing a phrase names is no word written */
    if (c->n++ == 0) {
        snprintf(c->first, sizeof c->first, "%s", stem);
        snprintf(c->first_word, sizeof c->first_word, "%s", word);
    }
    snprintf(c->last, sizeof c->last, "%s", stem);
    snprintf(c->last_word, sizeof c->last_word, "%s", word);
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A line ends a row: a profile's labels are one a line ("... systems" and
 * "Електронні ..." are not in a row). */
static bool breaks_row(const char *from, const char *to)
{
    return memchr(from, '\n', (size_t)(to - from)) != NULL ||
           memchr(from, '\r', (size_t)(to - from)) != NULL;
}

/* Whether a byte ends or starts a word: a letter or digit, or part of a
 * Cyrillic one (not ASCII punctuation: "radar, fire" is not in a row). */
static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether s starts with a capital letter, Latin or Cyrillic (А-Я, Є, І,
 * Ї, Ґ). */
static bool is_capital(const char *s)
{
    unsigned char a = (unsigned char)s[0], b = a ? (unsigned char)s[1] : 0;
    return (a >= 'A' && a <= 'Z') || (a == 0xD0 && ((b >= 0x90 && b <= 0xAF) || b == 0x84 ||
                                                    b == 0x86 || b == 0x87)) ||
           (a == 0xD2 && b == 0x90);
}

/* Most documents of a profile read for two words in a row: a frequent
 * CORDIS participant has hundreds with both words somewhere. */
#define IN_ROW_DOCS 8

/* Calls fn(ud, first, second) for each two words text writes in a row,
 * with nothing but a space between them ("fire control"; not "fire and
 * control", "fire, control", nor across a line), until fn returns true;
 * whether one did. Each is a chunk's stems and words (its last, then the
 * next one's first). */
typedef bool (*row_fn)(void *ud, const struct chunk_stems *first, const struct chunk_stems *second);

/* The first two letters of a stem a chunk must hold somewhere (any case)
 * to be read for it: a cheap look before the tokeniser, where both are
 * ASCII letters ("" for none: every chunk is read). */
struct prefilter {
    char two[2][3];
};

static bool may_hold(const char *two, const char *p, const char *end)
{
    if (!two[0])
        return true;
    for (const char *q = p; q + 1 < end; q++)
        if ((*q | 0x20) == two[0] && (q[1] | 0x20) == two[1])
            return true;
    return false;
}

static bool each_in_row_filtered(const char *text, row_fn fn, void *ud,
                                 const struct prefilter *f);

static bool each_in_row(const char *text, row_fn fn, void *ud)
{
    return each_in_row_filtered(text, fn, ud, NULL);
}

/* each_in_row, reading only the chunks that may hold f's first stem (or
 * follow one that did) and f's second (f NULL: all). */
static bool each_in_row_filtered(const char *text, row_fn fn, void *ud,
                                 const struct prefilter *f)
{
    struct chunk_stems c[2] = {{.n = 0}, {.n = 0}};
    bool after = false, capital = false;   /* the chunk before: a word ends it; a capital starts it */
    int cur = 0;
    for (const char *p = text; p && *p;) {
        const char *gap = p;
        while (*p && is_space(*p))
            p++;
        after &= !breaks_row(gap, p);
        const char *end = p;
        while (*end && !is_space(*end))
            end++;
        if (end == p)
            break;
        c[cur] = (struct chunk_stems){.n = 0};
        bool wanted = !f || may_hold(f->two[0], p, end) || (after && may_hold(f->two[1], p, end));
        if (!wanted) {   /* neither word: nothing in a row with it either */
            after = false;
            cur = 1 - cur;
            p = end;
            continue;
        }
        if (match_tokenize(p, (size_t)(end - p), chunk_stem, &c[cur]) != 0)
            return false;
        /* (a capital after a small letter starts what follows a title:
         * "Ammunition Looking for ..." is no phrase) */
        if (after && c[cur].n > 0 && word_byte((unsigned char)*p) && (!is_capital(p) || capital) &&
            fn(ud, &c[1 - cur], &c[cur]))
            return true;
        after = c[cur].n > 0 && word_byte((unsigned char)end[-1]);
        capital = is_capital(p);
        cur = 1 - cur;
        p = end;
    }
    return false;
}

struct pair_sought {
    const struct match_index *ix;
    int a, b;
};

static bool is_pair_sought(void *ud, const struct chunk_stems *first,
                           const struct chunk_stems *second)
{
    const struct pair_sought *k = ud;
    return stem_is_term(k->ix, first->last, k->a) && stem_is_term(k->ix, second->first, k->b);
}

static int first_stem(void *ud, const char *stem, const char *word, const char *compound);

/* The prefilter's two letters for term t: its stem's (the stem of its
 * shortest form), where they are ASCII letters. A synonym spelt another
 * way (UAV for drone's stem) is not looked for. */
static void two_letters(const struct match_index *ix, int t, char two[3])
{
    char stem[MATCH_TOKEN_MAX] = "";
    const char *w = ix->term_word[t];
    (void)match_tokenize(w, strlen(w), first_stem, stem);
    bool ascii = stem[0] >= 'a' && stem[0] <= 'z' && stem[1] >= 'a' && stem[1] <= 'z';
    two[0] = ascii ? stem[0] : '\0';
    two[1] = ascii ? stem[1] : '\0';
    two[2] = '\0';
}

/* Whether text writes a word of term a right before one of term b
 * (each_in_row: "fire control", "fire controls"), f the two terms'
 * prefilter. */
static bool text_in_row(const struct match_index *ix, const char *text, int a, int b,
                        const struct prefilter *f)
{
    struct pair_sought k = {ix, a, b};
    return each_in_row_filtered(text, is_pair_sought, &k, f);
}

/* Whether profile o writes a word of term a right before one of term b in
 * one of its texts (text_in_row), looked for in its first IN_ROW_DOCS
 * documents that have both. */
static bool written_in_row(const struct match_index *ix, int o, int a, int b)
{
    int read = 0;
    struct prefilter f;
    two_letters(ix, a, f.two[0]);
    two_letters(ix, b, f.two[1]);
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1] && read < IN_ROW_DOCS; k++) {
        int d = ix->org_doc[k];
        if (term_posting(ix, a, d) < 0 || term_posting(ix, b, d) < 0)
            continue;
        read++;
        const struct match_profile *p = d >= ix->projects_n ? &ix->profiles[o] : NULL;
        const char *texts[4] = {p ? p->text : ix->projects[d].text, p ? p->labels : NULL,
                                p ? p->wants : NULL, p ? p->wants_labels : NULL};
        for (int t = 0; t < 4; t++)
            if (texts[t] && text_in_row(ix, texts[t], a, b, &f))
                return true;
    }
    return false;
}

/* A word more organisations have than this is no reason alone (below). */
static double common_bound(const struct match_index *ix, bool common_too);

struct pairs_ctx {
    const struct match_index *ix;
    double common;
    struct asked_pair *v;
    int n;
};

static bool collect_pair(void *ud, const struct chunk_stems *first,
                         const struct chunk_stems *second)
{
    struct pairs_ctx *c = ud;
    int a = strmap_get(&c->ix->terms, first->last), b = strmap_get(&c->ix->terms, second->first);
    if (a < 0 || b < 0 || match_term_org_df(c->ix, b) <= c->common)
        return false;
    for (int k = 0; k < c->n; k++)
        if (c->v[k].a == a && c->v[k].b == b)
            return false;
    c->v[c->n] = (struct asked_pair){.a = a, .b = b};
    snprintf(c->v[c->n].words, sizeof c->v[c->n].words, "%s %s", first->last_word,
             second->first_word);
    return ++c->n == ASKED_PAIRS;
}

int match_asked_pairs(const struct match_index *ix, const char *const asked[4], bool common_too,
                      struct arena *a, struct asked_pair **pairs)
{
    struct pairs_ctx c = {ix, common_bound(ix, common_too),
                          arena_alloc(a, ASKED_PAIRS * sizeof *c.v), 0};
    if (!c.v)
        return -1;
    for (int t = 0; t < 4 && c.n < ASKED_PAIRS; t++)
        if (asked[t])
            (void)each_in_row(asked[t], collect_pair, &c);
    *pairs = c.v;
    return c.n;
}

/* At most this many terms a text reason notes as said: the cited codes'
 * 64, and 8 places filled with a compound's (64) or a pair's (2) each; a
 * spelled-out run's terms too, as far as they fit. */
#define COVERED_MAX (64 + 8 * (64 + 2))

/* A query word a text reason says. */
struct said {
    const struct qterm *t;   /* the term that says it: the word itself, or translated */
    const char *say, *via;   /* as said: its word, its compound or two words in a row;
                                and what it matched ("" for its own word) */
    bool needed;             /* only among the profile's needs: "looks for" */
    bool dropped;            /* said since, beside another word in a row */
    /* the other translated words of a compound said through this one, in
     * the order the text brought them: "реб (electronic warfare)", where
     * РЕБ is радіоелектронна боротьба */
    const struct qterm *more[COMPOUND_SAID];
    int more_n;
    char joined[MATCH_TOKEN_MAX], pair[2 * MATCH_TOKEN_MAX + 1];
    char spelled[4 * MATCH_TOKEN_MAX];   /* a spelled-out run, as the question writes it */
    char across[4 * MATCH_TOKEN_MAX];    /* and what its words translate to */
};

/* The words said so far to one profile o (its documents marked in mark). */
struct saying {
    const struct match_index *ix;
    const struct spelled_run *runs;   /* the abbreviations the question spells out */
    int runs_n;
    int o, od;
    const char *mark;
    const struct asked_pair *pairs;   /* the question's words in a row (text_say.pairs) */
    int pairs_n;
    struct said said[4];   /* each query word once, itself or translated, and
                              never beside its translation */
    int shown;
    /* terms named already: the cited codes' words, then each said compound's
     * and pair's (a place is filled at most twice: once among the needs, once
     * among the profile's own words), and a spelled-out run's */
    int covered[COVERED_MAX], covered_n;
};

/* Notes term id as said (past COVERED_MAX it may be said again); -1, a
 * word the index lacks, is no term. */
static void cover(struct saying *w, int id)
{
    if (id >= 0 && w->covered_n < COVERED_MAX)
        w->covered[w->covered_n++] = id;
}

/* Whether one of the words that brought term t stands between places
 * first and last of the question. */
static bool brought_within(const struct qterm *t, int first, int last)
{
    if (t->at >= first && t->at <= last)
        return true;
    for (int k = 0; k < t->places_n; k++)
        if (t->places[k] >= first && t->places[k] <= last)
            return true;
    return false;
}

/* The question's run of words that spells out an abbreviation, within
 * which a word brought term t (its own word: a translation matched the
 * other language), and that the profile spells out too ("unmanned ground
 * vehicle", where the text's "unmanned ground vehicles" brought ugv,
 * unmanned and ground), or NULL. */
static const struct spelled_run *spelled_out(const struct saying *w, const struct qterm *t)
{
    for (int r = 0; r < w->runs_n; r++)
        if (!t->via[0] && brought_within(t, w->runs[r].first, w->runs[r].last) &&
            match_spelled_words_in(w->ix, w->runs[r].words, w->mark))
            return &w->runs[r];
    return NULL;
}

/* Whether place holds the thing a phrase of the words before it names
 * (no word of its own). */
static bool thing_at(const struct qterm *qt, int qn, int place)
{
    for (int j = 0; j < qn; j++)
        if (qt[j].at == place && strchr(qt[j].word, ' '))
            return true;
    return false;
}

/* The question's run of words that spells out an abbreviation, within
 * which the word translation t translates stands, where the profile has a
 * translation of each of the run's words and spells out what they say in
 * its language ("радіоелектронна боротьба": electronic warfare, which the
 * profile writes): the run, with those words in out (cap bytes); or NULL. */
static const struct spelled_run *spelled_across(const struct saying *w, const struct qterm *qt,
                                                int qn, const struct qterm *t, char *out,
                                                size_t cap)
{
    if (!t->via[0])
        return NULL;
    for (int r = 0; r < w->runs_n; r++) {
        const struct spelled_run *run = &w->runs[r];
        if (!brought_within(t, run->first, run->last))
            continue;
        size_t len = 0;
        bool whole = true;
        for (int place = run->first; place <= run->last && whole; place++) {
            const struct qterm *pick = NULL;
            for (int j = 0; j < qn && !pick; j++)
                for (int k = 0; qt[j].via[0] && k < qt[j].places_n && !pick; k++)
                    if (qt[j].places[k] == place && !strchr(qt[j].via, ' ') &&
                        org_has_term(w->ix, qt[j].id, w->o, w->od, w->mark))
                        pick = &qt[j];
            if (!pick) {
                whole = thing_at(qt, qn, place);
                continue;
            }
            int n = snprintf(out + len, cap - len, "%s%s", len ? " " : "", pick->via);
            whole = n > 0 && (size_t)n < cap - len;
            len += whole ? (size_t)n : 0;
        }
        if (whole && len && match_spelled_words_in(w->ix, out, w->mark))
            return run;
    }
    return NULL;
}

/* The question's own words in run, as it writes them, into out (cap
 * bytes), each the first form of its word; the abbreviation's words as the
 * tables spell them where one is not known (a word the question repeats
 * more often than QTERM_PLACES) or where they hold a stop word the
 * question's places do not ("command and control"). */
static const char *run_words(const struct qterm *qt, int qn, const struct spelled_run *run,
                             char *out, size_t cap)
{
    size_t len = 0;
    int words = 1, said = 0;
    for (const char *c = run->words; *c; c++)
        words += *c == ' ';
    for (int place = run->first; place <= run->last; place++) {
        const char *word = NULL;
        for (int j = 0; j < qn && !word; j++)
            for (int k = 0; !qt[j].via[0] && k < qt[j].places_n; k++)
                if (qt[j].places[k] == place)
                    word = qt[j].single;
        if (!word) {
            if (thing_at(qt, qn, place))   /* the thing a phrase of them names */
                continue;
            return run->words;
        }
        int n = snprintf(out + len, cap - len, "%s%s", len ? " " : "", word);
        if (n < 0 || (size_t)n >= cap - len)
            return run->words;
        len += (size_t)n;
        said++;
    }
    return said == words ? out : run->words;
}

/* Notes every term the question's words in run brought as said, and takes
 * back the places of those said apart already (other than g). */
static void cover_run(struct saying *w, const struct qterm *qt, int qn,
                      const struct spelled_run *run, int g)
{
    for (int j = 0; j < qn; j++)
        if (brought_within(&qt[j], run->first, run->last)) {
            cover(w, qt[j].id);
            cover(w, qt[j].from_id);   /* and so every translation of its word */
        }
    for (int c = 0; c < w->shown; c++)
        w->said[c].dropped |= c != g && brought_within(w->said[c].t, run->first, run->last);
}

/* The pair of the question (w->pairs) whose words are terms a and b, or
 * NULL. */
static const struct asked_pair *asked_pair_of(const struct saying *w, int a, int b)
{
    for (int k = 0; k < w->pairs_n; k++) {
        const struct asked_pair *p = &w->pairs[k];
        if ((p->a == a || (w->ix->joined && w->ix->joined[p->a] == a)) &&
            (p->b == b || (w->ix->joined && w->ix->joined[p->b] == b)))
            return p;
    }
    return NULL;
}

/* The word of the question's own right after term i, in the same script,
 * which no reason says alone (more than common organisations have it:
 * "control") and which the question (w->pairs) and profile w->o both write
 * right after i's ("fire control"; "fire" alone cut the phrase): its index,
 * with the two words as the question writes them in pair (cap bytes); -1
 * for none. (A common word before, "supply battlefield", is no phrase.) */
static int adjacent_phrase(const struct saying *w, const struct qterm *qt, int qn, int i,
                           char *pair, size_t cap)
{
    if (w->pairs_n == 0 || qt[i].via[0] || !single_word(&qt[i]))
        return -1;
    for (int j = 0; j < qn; j++) {
        const struct asked_pair *p;
        if (j == i || qt[j].via[0] || !single_word(&qt[j]) ||
            is_cyrillic(qt[j].word) != is_cyrillic(qt[i].word) ||
            next_to(&qt[i], &qt[j]) <= 0 || !(p = asked_pair_of(w, qt[i].id, qt[j].id)) ||
            !org_has_term(w->ix, qt[j].id, w->o, w->od, w->mark) ||
            !written_in_row(w->ix, w->o, qt[i].id, qt[j].id))
            continue;
        snprintf(pair, cap, "%s", p->words);
        return j;
    }
    return -1;
}

/* Notes the question's word j as said with the word in place g (a
 * compound or a phrase of the two): said apart already (as a need), it is
 * said there no more. */
static void say_other_too(struct saying *w, const struct qterm *qt, int j, int g)
{
    cover(w, qt[j].id);
    cover(w, qt[j].from_id);
    for (int c = 0; c < w->shown; c++) {
        const struct qterm *t = w->said[c].t;
        w->said[c].dropped |= c != g && (t->id == qt[j].id ||
                                         (qt[j].from_id >= 0 && (t->id == qt[j].from_id ||
                                                                 t->from_id == qt[j].from_id)));
    }
}

/* Says query term i in place g (needed: only among the needs): its
 * compound where the profile writes it, the abbreviation's words the
 * question spells out where the profile does too, or with the word next to
 * it in the text where the profile writes the two as one. */
static void say_term(struct saying *w, const struct qterm *qt, int qn, int i, int g, bool needed)
{
    struct said *s = &w->said[g];
    s->t = &qt[i];
    s->needed = needed;
    s->say = qt[i].word;
    s->via = qt[i].via;
    struct term_ids p;   /* the words of what it was said as */
    int j;
    const struct spelled_run *run = NULL;
    if (qt[i].compound[0] && compound_found(w->ix, qt[i].compound, w->o, w->od, w->mark, &p)) {
        s->say = qt[i].compound;   /* as the text writes it: "counter-drone", "ew" */
    } else if ((run = spelled_out(w, &qt[i])) != NULL) {
        s->say = run_words(qt, qn, run, s->spelled, sizeof s->spelled);
        cover_run(w, qt, qn, run, g);
        p.n = 0;
    } else if ((run = spelled_across(w, qt, qn, &qt[i], s->across, sizeof s->across)) != NULL) {
        s->say = run_words(qt, qn, run, s->spelled, sizeof s->spelled);
        s->via = s->across;   /* "радіоелектронна боротьба (electronic warfare)" */
        cover_run(w, qt, qn, run, g);
        p.n = 0;
    } else if ((j = adjacent_compound(w->ix, qt, qn, i, w->o, w->od, w->mark, s->joined,
                                      sizeof s->joined, &p)) >= 0) {
        if (qt[i].via[0]) {   /* the text's two words, and what they matched */
            bool first = next_to(&qt[i], &qt[j]) > 0;
            snprintf(s->pair, sizeof s->pair, "%s %s", first ? qt[i].single : qt[j].single,
                     first ? qt[j].single : qt[i].single);
            s->say = s->pair;
            s->via = s->joined;
        } else {
            s->say = s->joined;
        }
        say_other_too(w, qt, j, g);
    } else if ((j = adjacent_phrase(w, qt, qn, i, s->pair, sizeof s->pair)) >= 0) {
        s->say = s->pair;   /* "fire control": both write it so */
        say_other_too(w, qt, j, g);
        p.n = 0;
    } else {
        p.n = 0;   /* (what the searches left there is no word said) */
    }
    for (int c = 0; c < p.n; c++)
        cover(w, p.id[c]);
}

static int first_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    snprintf(ud, MATCH_TOKEN_MAX, "%s", stem);
    return 1;
}

/* lx's translations of the question's word (its stem's), into *tr; their
 * number, 0 for none. */
static int translations_of(const struct match_lexicon *lx, const char *word,
                           const struct match_translation **tr)
{
    char stem[MATCH_TOKEN_MAX] = "";
    (void)match_tokenize(word, strlen(word), first_stem, stem);
    return stem[0] ? match_lexicon_lookup(lx, stem, tr) : 0;
}

/* How well the glossary word a translation came from (NULL: a learned
 * link, which names none) fits the question's word: the letters they share
 * at the start less those either has beyond them, so "shells" takes
 * "shell"'s снаряд before "shelling"'s обстріл, whose words share the stem
 * "shell"; 0 for a learned link. */
static int source_fit(const char *from, const char *word)
{
    if (!from)
        return 0;
    size_t p = 0, fl = strlen(from), wl = strlen(word);
    while (p < fl && p < wl && from[p] == word[p])
        p++;
    return (int)p - (int)(fl - p) - (int)(wl - p);
}

/* source_fit of the translation tr[0..n) that spells uk, for word. */
static int fit_of(const struct match_translation *tr, int n, const char *uk, const char *word)
{
    for (int k = 0; k < n; k++)
        if (strcmp(tr[k].word, uk) == 0)
            return source_fit(tr[k].from, word);
    return 0;
}

/* A word as a page in one language says it: the word, and its term id
 * (-1 where the index lacks it). */
struct rendering {
    const char *word;
    int id;
};

static bool in_script(const char *word, bool cyrillic)
{
    return cyrillic ? is_cyrillic(word) : is_latin(word);
}

/* A translation weaker than this is no word to say in a page's language:
 * the classifier's labels link автомобілі to carriages (0.34), комплекси to
 * suits (0.24); медичні is medical at 0.62, захисту protection at 0.49. */
#define RENDER_MIN 0.4

/* The weight of the translation tr[0..n) that is term id; RENDER_MIN for
 * none. */
static double weight_of(const struct match_index *ix, const struct match_translation *tr, int n,
                        int id)
{
    for (int k = 0; k < n; k++)
        if (strmap_get(&ix->terms, tr[k].stem) == id)
            return tr[k].weight;
    return RENDER_MIN;   /* a cognate (технології, technology), or a link lx keeps no more */
}

/* The question's own word t, alone (not a compound or a phrase), in the
 * other language (Cyrillic when cyrillic, else Latin): the question's own
 * word in that language among its translations (a bilingual profile's),
 * else the heaviest translation of it (RENDER_MIN at least) that the index
 * has, else lx's strongest (the lexicon's and the glossary's word); of
 * equally heavy ones, the one whose glossary word is the question's
 * (source_fit); {NULL, -1} for none, or for a word already in that
 * language. */
static struct rendering in_other_language(const struct match_index *ix, const struct qterm *qt,
                                          int qn, const struct qterm *t,
                                          const struct match_lexicon *lx, bool cyrillic)
{
    const struct qterm *best = NULL, *own = NULL;
    if (t->via[0] || !in_script(t->word, !cyrillic) || strpbrk(t->word, " -"))
        return (struct rendering){NULL, -1};
    const struct match_translation *tr = NULL;
    int n = translations_of(lx, t->word, &tr);
    double own_weight = -1;
    for (int j = 0; j < qn; j++) {
        const struct qterm *u = &qt[j];
        double uw = weight_of(ix, tr, n, u->id);
        if (!u->via[0] && translates(t, u->id) && in_script(u->word, cyrillic) &&
            uw >= RENDER_MIN && uw > own_weight) {   /* наземні: ground, not land */
            own = u;
            own_weight = uw;
        }
        /* (a translation another word brought first is t's too: its from_id
         * is that word's) */
        if (u->via[0] && u->lexical && (u->from_id == t->id || translates(t, u->id)) &&
            in_script(u->via, cyrillic) && u->scale >= RENDER_MIN &&
            (!best || u->scale > best->scale ||
             (u->scale == best->scale &&
              fit_of(tr, n, u->via, t->word) > fit_of(tr, n, best->via, t->word))))
            best = u;
    }
    if (own && (!best || own_weight >= best->scale))
        return (struct rendering){own->word, own->id};
    if (best)
        return (struct rendering){best->via, best->id};
    int pick = -1;
    for (int k = 0; k < n; k++)
        if (in_script(tr[k].word, cyrillic) && tr[k].weight >= RENDER_MIN &&
            (pick < 0 || tr[k].weight > tr[pick].weight ||
             (tr[k].weight == tr[pick].weight &&
              source_fit(tr[k].from, t->word) > source_fit(tr[pick].from, t->word))))
            pick = k;
    return pick >= 0 ? (struct rendering){tr[pick].word, strmap_get(&ix->terms, tr[pick].stem)}
                     : (struct rendering){NULL, -1};
}

/* The page's language (say): PAGE_AS_WRITTEN says every word as the
 * question writes it. */
enum page { PAGE_AS_WRITTEN, PAGE_ENGLISH, PAGE_UKRAINIAN };

static enum page page_of(const struct text_say *say)
{
    return !say ? PAGE_AS_WRITTEN
           : say->ukrainian ? PAGE_UKRAINIAN
           : say->english  ? PAGE_ENGLISH
                           : PAGE_AS_WRITTEN;
}

/* A word of the question's own said alone ("artillery", not a compound, a
 * pair or a translation) in the page's language, where the page is in the
 * other one: in_other_language; {NULL, -1} for none. */
static struct rendering on_page(const struct match_index *ix, const struct qterm *qt, int qn,
                                const struct said *s, const struct text_say *say)
{
    enum page page = page_of(say);
    if (page == PAGE_AS_WRITTEN || s->say != s->t->word)
        return (struct rendering){NULL, -1};
    return in_other_language(ix, qt, qn, s->t, say->lexicon, page == PAGE_UKRAINIAN);
}

/* Appends "word (beside)" (or the word alone) to line at *at (cap bytes),
 * after sep; on a page in one language, a word of the other language said
 * beside one of the page's comes second: "protection (захисту)" on an
 * English page, "снаряд (shells)" on a Ukrainian one. -1 when it does not
 * fit. */
static int put_word(char *line, size_t *at, size_t cap, const char *sep, const char *word,
                    const char *beside, enum page page)
{
    bool cyrillic = page == PAGE_UKRAINIAN;
    if (page != PAGE_AS_WRITTEN && beside[0] && !in_script(word, cyrillic) &&
        in_script(beside, cyrillic)) {
        const char *w = word;
        word = beside;
        beside = w;
    }
    int n = snprintf(line + *at, cap - *at, "%s%s%s%s%s", sep, word, beside[0] ? " (" : "",
                     beside, beside[0] ? ")" : "");
    if (n < 0 || (size_t)n >= cap - *at)
        return -1;
    *at += (size_t)n;
    return 0;
}

/* Appends s to line (its length *len, cap bytes), after lead_in: a
 * translated word says what it matched, "радари (radar)"; a translated
 * compound all of whose words matched, all it matched; a word said in the
 * page's language (first, else NULL) says it before the word, "артилерійські
 * (artillery)"; put_word puts the page's language first. A word with no
 * room left leaves the line as it was. */
static void write_said(const struct match_index *ix, const struct said *s, const char *first,
                       enum page page, const char *lead_in, char *line, size_t *len,
                       size_t cap)
{
    const struct qterm *part[1 + COMPOUND_SAID];
    int pn = 1;
    part[0] = s->t;
    for (int k = 0; k < s->more_n; k++) {   /* in the text's order; a few, so by insertion */
        int j = pn++;
        for (; j > 0 && part[j - 1]->at > s->more[k]->at; j--)
            part[j] = part[j - 1];
        part[j] = s->more[k];
    }
    size_t at = *len;
    int rc = 0;
    if (pn > 1 && pn == word_count(ix, s->t->compound)) {   /* "реб (electronic warfare)" */
        char vias[(1 + COMPOUND_SAID) * (MATCH_TOKEN_MAX + 1)];   /* each a word, and a space */
        size_t vn = 0;
        for (int k = 0; k < pn; k++)
            vn += (size_t)snprintf(vias + vn, sizeof vias - vn, "%s%s", k ? " " : "",
                                   part[k]->via);
        rc = put_word(line, &at, cap, lead_in, s->t->compound, vias, page);
    } else {
        for (int k = 0; k < pn && rc == 0; k++) {
            const struct qterm *t = part[k];
            const char *word = t == s->t ? s->say : t->word, *via = t == s->t ? s->via : t->via;
            if (t == s->t && first) {
                via = word;
                word = first;
            }
            rc = put_word(line, &at, cap, k ? ", " : lead_in, word, via, page);
        }
    }
    if (rc < 0)
        line[*len] = '\0';
    else
        *len = at;
}

/* Whether term id is said already: among the words named (the cited
 * codes', a said compound's) or said by one of w's but place g. */
static bool said_already(const struct saying *w, int id, int g)
{
    if (id < 0)
        return false;
    for (int c = 0; c < w->covered_n; c++)
        if (w->covered[c] == id)
            return true;
    for (int c = 0; c < w->shown; c++)
        if (c != g && !w->said[c].dropped &&
            (w->said[c].t->id == id || w->said[c].t->from_id == id))
            return true;
    return false;
}

/* Whether t, a Ukrainian word that no language translates, is half of a
 * phrase of the question whose thing is said already in English: the
 * classifier's Ukrainian labels say in two words what the English ones say
 * in one ("програмного забезпечення", software; "спеціального призначення",
 * special-purpose), and the half the lexicon links to no English word says
 * nothing beside the English one. A word next to it in the text, of the
 * question's own and in Ukrainian, whose English translation is said (not
 * the word itself, unless an English page says it in English). An English
 * word is not read so: "medical consumables" is two things, whichever
 * language says "medical". */
static bool half_of_a_phrase_said(const struct saying *w, const struct qterm *qt, int qn,
                                  const struct qterm *t, int g, const struct text_say *say)
{
    const struct match_translation *tr;
    const struct match_lexicon *lx = say ? say->lexicon : NULL;
    if (t->via[0] || !is_cyrillic(t->word) || t->tr_n > 0 ||
        translations_of(lx, t->word, &tr) > 0)
        return false;
    for (int j = 0; j < qn; j++) {
        const struct qterm *u = &qt[j];
        if (u == t || u->via[0] || !is_cyrillic(u->word) || !next_to(t, u))
            continue;
        for (int c = 0; c < w->shown; c++) {
            const struct said *x = &w->said[c];
            const struct qterm *xt = x->t;
            bool in_english = xt == u ? page_of(say) == PAGE_ENGLISH &&
                                            on_page(w->ix, qt, qn, x, say).word != NULL
                                      : is_latin(xt->via[0] ? xt->via : xt->word) &&
                                            (translates(u, xt->id) || xt->from_id == u->id);
            if (c != g && !x->dropped && in_english)
                return true;
        }
    }
    return false;
}

/* Whether the word just said in place g says something: a word said alone
 * whose rendering in the page's language is said already is not
 * ("безпеки" on an English page, security, beside a code of security
 * software), nor half of a phrase said already (half_of_a_phrase_said). */
static bool worth_saying(const struct saying *w, const struct qterm *qt, int qn, int g,
                         const struct text_say *say)
{
    const struct said *s = &w->said[g];
    if (s->say != s->t->word || s->t->via[0] || s->more_n)
        return true;   /* a compound, a pair, a run, a translation: said as it is */
    struct rendering r = on_page(w->ix, qt, qn, s, say);
    if (r.word)
        return !said_already(w, r.id, g);
    return !half_of_a_phrase_said(w, qt, qn, s->t, g, say);
}

/* The words said, chosen heaviest first, in the order the question wrote
 * them ("tactical, medicine", not "medicine, tactical"): their indices in
 * w->said into order. */
static void said_in_text_order(const struct saying *w, int order[4])
{
    for (int k = 0; k < w->shown; k++) {
        int g = k;
        for (; g > 0 && w->said[order[g - 1]].t->at > w->said[k].t->at; g--)
            order[g] = order[g - 1];
        order[g] = k;
    }
}

/* Whether the word s says through a translation ("shells (обстріл)") is
 * better said through u, another translation of the same question word
 * that profile o has as s has its (as its own or among its needs), whose
 * glossary word is the question's (source_fit: "shells (снаряд)", not the
 * обстріл of "shelling"): only a word said plainly, not as a compound, a
 * pair or a spelled-out run. */
static bool said_better_through(const struct match_index *ix, const struct said *s,
                                const struct qterm *u, const struct text_say *say, int o,
                                int od, char *mark)
{
    const struct qterm *t = s->t;
    if (!say || !say->lexicon || !t->via[0] || !u->via[0] || t->from_id < 0 ||
        t->from_id != u->from_id || s->say != t->word || s->via != t->via || s->more_n ||
        s->dropped)
        return false;
    const struct match_translation *tr = NULL;
    int n = translations_of(say->lexicon, u->word, &tr);
    return fit_of(tr, n, u->via, u->word) > fit_of(tr, n, t->via, u->word) &&
           org_term(ix, u->id, o, od, mark) == (s->needed ? TERM_NEEDED : TERM_OWN);
}

static double common_bound(const struct match_index *ix, bool common_too)
{
    return common_too ? (double)ix->n + 1
           : (double)ix->n / REASON_COMMON_SHARE > REASON_COMMON_MIN
               ? (double)ix->n / REASON_COMMON_SHARE
               : REASON_COMMON_MIN;
}

int match_text_reasons(const struct match_index *ix, const struct qterm *qt, int qn,
                       const struct spelled_run *runs, int runs_n, int o,
                       const struct match_cap *const cited[2], const struct text_say *say,
                       char *mark, struct arena *a, const char *out[2])
{
    const char *quiet = say ? say->quiet : NULL;
    struct saying w = {.ix = ix, .runs = runs, .runs_n = runs_n, .o = o,
                       .od = ix->org_doc_off[o + 1] - ix->org_doc_off[o], .mark = mark};
    struct term_ids said = {.ix = ix};   /* quiet's words, the cited codes' (up to 64) */
    if (quiet)
        (void)match_tokenize(quiet, strlen(quiet), collect_term_id, &said);
    int quiet_n = said.n;   /* w.covered[0..quiet_n): quiet's words */
    for (int l = 0; l < 2; l++)
        for (int k = 0; cited[l] && k < 2; k++) {
            const char *t = k ? cited[l]->aliases : cited[l]->label;
            if (t)
                (void)match_tokenize(t, strlen(t), collect_term_id, &said);
        }
    memcpy(w.covered, said.id, (size_t)said.n * sizeof *w.covered);
    w.covered_n = said.n;
    /* a frequent participant has thousands of documents: mark them once and
     * walk each term's postings instead of searching them per document */
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
        mark[ix->org_doc[k]] = 1;
    int od = w.od;
    /* a word most profiles have ("working on", "partners", "supply" in a
     * forum's descriptions) tells no one why: the commonest are left out, a
     * translation with its word ("sme (мсп)") */
    struct phrase_terms phrases;
    phrase_terms_of(qt, qn, &phrases);
    double common = common_bound(ix, say && say->common_too);
    w.pairs = say ? say->pairs : NULL;
    w.pairs_n = say ? say->pairs_n : 0;
    for (int i = 0; i < qn; i++) {
        bool any_needed = false;
        for (int c = 0; c < w.shown; c++)
            any_needed |= w.said[c].needed;
        if (w.shown == 4 && !any_needed && !(qt[i].via[0] && qt[i].compound[0]))
            continue;   /* no room for it, and it can join no compound said */
        if (match_term_org_df(ix, qt[i].id) > common ||
            (qt[i].from_id >= 0 && match_term_org_df(ix, qt[i].from_id) > common) ||
            is_unit(qt[i].word))
            continue;
        bool named = said_by_phrase(ix, qt, &phrases, i, o, od, mark, common, said.id, said.n);
        /* a translation of a word named too, and a word whose translation is
         * quiet ("Київ" where the asker's city is stored "Kyiv"; not one
         * whose translation a cited label has: "combat" is not the
         * "боротьба" of "радіоелектронна боротьба", electronic warfare) */
        for (int c = 0; c < w.covered_n && !named; c++) {
            named = w.covered[c] == qt[i].id || (qt[i].via[0] && w.covered[c] == qt[i].from_id);
            for (int k = 0; c < quiet_n && k < qt[i].tr_n && !named; k++)
                named = w.covered[c] == qt[i].tr_id[k];
        }
        int g = w.shown;   /* its place: a new one, or that of its word said only as a need */
        for (int c = 0; c < w.shown && !named && g == w.shown; c++) {
            /* or another spelling the same word brought */
            struct said *s = &w.said[c];
            bool same = strcmp(s->t->word, qt[i].word) == 0 || translates(s->t, qt[i].id) ||
                        translates(&qt[i], s->t->id) ||
                        (qt[i].from_id >= 0 && s->t->from_id == qt[i].from_id);
            /* which, where the word was said as a need and this spelling is
             * among the profile's own words ("дронам" matched a need's label,
             * its translation "drone" the description), says it as its own */
            if (same && s->needed && !s->dropped && !s->more_n &&
                org_term(ix, qt[i].id, o, od, mark) == TERM_OWN) {
                g = c;
                break;
            }
            named = same;
            if (same && said_better_through(w.ix, s, &qt[i], say, o, od, mark)) {
                s->t = &qt[i];
                s->via = qt[i].via;
            }
            if (!named && s->t->via[0] && qt[i].via[0] && qt[i].compound[0] &&
                strcmp(s->t->compound, qt[i].compound) == 0 && s->more_n < COMPOUND_SAID &&
                org_has_term(ix, qt[i].id, o, od, mark)) {
                s->more[s->more_n++] = &qt[i];
                named = true;
            }
        }
        enum term_in_org in = g < w.shown                  ? TERM_OWN
                              : named || w.shown == 4 ? TERM_ABSENT
                                                      : org_term(ix, qt[i].id, o, od, mark);
        if (in == TERM_ABSENT)
            continue;
        say_term(&w, qt, qn, i, g, in == TERM_NEEDED);
        if (g == w.shown && worth_saying(&w, qt, qn, g, say))
            w.shown++;
    }
    /* the words among its own (or its projects'), then those only among its
     * needs: "text: ...", "looks for: ..." */
    static const char *const prefix[2] = {"text: ", "looks for: "};
    char line[2][256];
    size_t len[2] = {0, 0};
    int order[4];
    said_in_text_order(&w, order);
    for (int k = 0; k < w.shown; k++) {
        const struct said *s = &w.said[order[k]];
        int grp = s->needed;
        if (!s->dropped)
            write_said(ix, s, on_page(ix, qt, qn, s, say).word, page_of(say),
                       len[grp] ? ", " : prefix[grp], line[grp], &len[grp], sizeof line[grp]);
    }
    for (int k = ix->org_doc_off[o]; k < ix->org_doc_off[o + 1]; k++)
        mark[ix->org_doc[k]] = 0;
    int n = 0;
    for (int grp = 0; grp < 2; grp++) {
        if (!len[grp])
            continue;
        if (!(out[n] = arena_strdup(a, line[grp])))
            return -1;
        n++;
    }
    return n;
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
    match_cpv_best(wants, wants_n, has, has_n, &bi, &bj, &bv);
    if (bv < CPV_MET || bi < 0 || bj < 0)
        return NULL;
    cpv_digits(has[bj].cpv, code);
    *cited = &has[bj];
    return arena_printf(a, "%s %s %s, which you %s%s", verb, code,
                        has[bj].label ? has[bj].label : "", other, bv < 1 ? " (related)" : "");
}

int match_forum_reasons(const struct match_profile *lead, const struct match_profile *c,
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
    if (match_is_eu_ua_pair(lead->country, c->country))
        why[m++] = arena_printf(a, "EU-Ukraine pair (%s)", c->country);
    return m;
}
