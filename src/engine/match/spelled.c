/* Which documents name a compound whole (match_internal.h): an
 * abbreviation's thing, by the abbreviation itself (UGV) or the words it
 * stands for in a row (unmanned ground vehicle); a hyphenated compound, by
 * a compound with the same stems (long-range; counter-drones for C-UAS).
 * The index reads an abbreviation as its words and a compound as its parts,
 * so a profile that writes "unmanned aerial vehicles ... ground control
 * stations" has every word of UGV, and "long-endurance ... range" every
 * part of long-range; only these lists tell the reasons that it never names
 * either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/match/match_internal.h"

struct stems_ctx {
    struct spelled *s;
    int id;
    bool too_long;
};

static int collect_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct stems_ctx *c = ud;
    if (strchr(word, ' '))
        return 0;   /* the thing a phrase names, as the index's row leaves it out */
    struct spelled *s = c->s;
    if (s->len[c->id] == SPELLED_WORDS) {
        c->too_long = true;
        return 1;
    }
    size_t n = strlen(stem) + 1;
    memcpy(s->stem[c->id][s->len[c->id]++], stem, n);
    return 0;
}

int match_spelled_init(struct spelled *s)
{
    *s = (struct spelled){0};
    int n = match_abbrev_expansions_n();
    s->stem = calloc((size_t)n + 1, sizeof *s->stem);
    s->len = calloc((size_t)n + 1, sizeof *s->len);
    s->next_same_last = malloc(((size_t)n + 1) * sizeof *s->next_same_last);
    if (!s->stem || !s->len || !s->next_same_last)
        return -1;
    for (int i = 0; i < n; i++) {
        const char *words = match_abbrev_expansion_words(i);
        int fresh = (int)s->ids.n, id = strmap_put(&s->ids, words, fresh);
        if (id == -2)
            return -1;
        if (id != fresh)
            continue;   /* words another abbreviation stands for too */
        /* the stems a text that spells them out gives, by the same tokeniser */
        struct stems_ctx c = {s, id, false};
        if (match_tokenize(words, strlen(words), collect_stem, &c) < 0 || c.too_long ||
            s->len[id] == 0) {
            s->len[id] = 0;   /* found only as the abbreviation */
            continue;
        }
        int first = strmap_put(&s->by_last, s->stem[id][s->len[id] - 1], id);
        if (first == -2)
            return -1;
        s->next_same_last[id] = -1;
        if (first != id) {   /* chain it after the others ending in the same stem */
            int k = first;
            while (s->next_same_last[k] >= 0)
                k = s->next_same_last[k];
            s->next_same_last[k] = id;
        }
    }
    s->abbrevs = (int)s->ids.n;
    for (int id = 0; id < s->abbrevs; id++)
        if (match_ivec_push(&s->last_doc, -1) < 0)
            return -1;
    return 0;
}

void match_spelled_doc(struct spelled *s, int doc)
{
    s->doc = doc;
    s->recent_n = 0;
    s->parts_left = 0;
}

static int seen(struct spelled *s, int id)
{
    if (s->last_doc.v[id] == s->doc)
        return 0;
    s->last_doc.v[id] = s->doc;
    return match_ivec_push(&s->pairs, id) < 0 || match_ivec_push(&s->pairs, s->doc) < 0 ? -1 : 0;
}

/* A compound's key as its parts come (hyphened_key). */
struct key_ctx {
    char *key;
    size_t cap, len;
    int parts;
};

static int collect_part(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct key_ctx *k = ud;
    if (strchr(word, ' '))
        return 0;   /* the thing a phrase names is no part (index.c leaves it out too) */
    int w = snprintf(k->key + k->len, k->cap - k->len, "%s%s", k->parts ? "-" : "", stem);
    if (w < 0 || (size_t)w >= k->cap - k->len)
        return 1;
    k->len += (size_t)w;
    k->parts++;
    return 0;
}

/* A hyphenated compound's stems joined by hyphens, as the tokeniser reads
 * it alone ("C-UAS" and "counter-drones": "count-dron"), into key (cap
 * bytes); returns how many parts, 0 when it does not fit or is not UTF-8. */
static int hyphened_key(const char *compound, char *key, size_t cap)
{
    struct key_ctx k = {key, cap, 0, 0};
    key[0] = '\0';
    return match_tokenize(compound, strlen(compound), collect_part, &k) == 0 ? k.parts : 0;
}

/* A hyphenated compound's first part: the compound is named here; the
 * parts that follow are its own. */
static int hyphened(struct spelled *s, const char *compound)
{
    char key[4 * MATCH_TOKEN_MAX];
    int parts = hyphened_key(compound, key, sizeof key);
    if (parts < 2)
        return 0;
    s->parts_left = parts - 1;
    int fresh = (int)s->ids.n, id = strmap_put(&s->ids, key, fresh);
    if (id == -2 || (id == fresh && match_ivec_push(&s->last_doc, -1) < 0))
        return -1;
    return seen(s, id);
}

int match_spelled_token(struct spelled *s, const char *stem, const char *compound)
{
    bool parts = compound && match_compound_has_parts(compound);
    if (parts) {
        if (s->parts_left > 0)
            s->parts_left--;
        else if (hyphened(s, compound) < 0)
            return -1;
    }
    /* a word the text wrote as an abbreviation: its compound is that word
     * (a compound of parts, hyphenated or glued, is none) */
    if (compound && !parts) {
        const char *words = match_abbreviation_words(compound);
        int id = words ? strmap_get(&s->ids, words) : -1;
        if (id >= 0 && seen(s, id) < 0)
            return -1;
    }
    /* the last SPELLED_WORDS stems, oldest first */
    size_t n = strlen(stem);
    if (n >= MATCH_TOKEN_MAX)
        n = MATCH_TOKEN_MAX - 1;
    if (s->recent_n == SPELLED_WORDS) {
        memmove(s->recent[0], s->recent[1], (SPELLED_WORDS - 1) * sizeof s->recent[0]);
        s->recent_n--;
    }
    memcpy(s->recent[s->recent_n], stem, n);
    s->recent[s->recent_n++][n] = '\0';
    for (int id = strmap_get(&s->by_last, stem); id >= 0; id = s->next_same_last[id]) {
        int len = s->len[id], k = 0;
        if (len > s->recent_n)
            continue;
        while (k < len && strcmp(s->stem[id][k], s->recent[s->recent_n - len + k]) == 0)
            k++;
        if (k == len && seen(s, id) < 0)
            return -1;
    }
    return 0;
}

int match_spelled_finish(struct spelled *s, struct match_index *ix)
{
    size_t pairs = s->pairs.n / 2;
    int ids = (int)s->ids.n;
    ix->spelled_off = calloc((size_t)ids + 2, sizeof *ix->spelled_off);
    ix->spelled_doc = malloc((pairs + 1) * sizeof *ix->spelled_doc);
    int *at = calloc((size_t)ids + 1, sizeof *at);
    int rc = -1;
    if (!ix->spelled_off || !ix->spelled_doc || !at)
        goto out;
    for (size_t i = 0; i < pairs; i++)
        ix->spelled_off[s->pairs.v[2 * i] + 1]++;
    for (int id = 0; id < ids; id++)
        ix->spelled_off[id + 1] += ix->spelled_off[id];
    /* the documents were read in order: each list comes out sorted */
    for (size_t i = 0; i < pairs; i++) {
        int id = s->pairs.v[2 * i];
        ix->spelled_doc[ix->spelled_off[id] + at[id]++] = s->pairs.v[2 * i + 1];
    }
    ix->spelled_ids = s->ids;
    s->ids = (struct strmap){0};
    rc = 0;
out:
    free(at);
    return rc;
}

void match_spelled_free(struct spelled *s)
{
    strmap_free(&s->ids);
    strmap_free(&s->by_last);
    free(s->stem);
    free(s->len);
    free(s->next_same_last);
    free(s->last_doc.v);
    free(s->pairs.v);
}

bool match_spelled_words_in(const struct match_index *ix, const char *words, const char *mark)
{
    int id = words ? strmap_get(&ix->spelled_ids, words) : -1;
    if (id < 0)
        return false;
    for (int k = ix->spelled_off[id]; k < ix->spelled_off[id + 1]; k++)
        if (mark[ix->spelled_doc[k]])
            return true;
    return false;
}

bool match_spelled_in(const struct match_index *ix, const char *compound, const char *mark)
{
    char key[4 * MATCH_TOKEN_MAX];
    const char *words = match_compound_has_parts(compound)
                            ? (hyphened_key(compound, key, sizeof key) >= 2 ? key : NULL)
                            : match_abbreviation_words(compound);
    return match_spelled_words_in(ix, words, mark);
}
