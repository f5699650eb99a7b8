/* Skeletons of English and Ukrainian stems, and a vocabulary by skeleton (cognate.h). */
#include "engine/match/cognate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* Cyrillic а..я (U+0430..U+044F) as Latin letters; "" drops one, NULL is not
 * Ukrainian (ъ, ы, э, ё). Vowels are classed as the skeleton is made. */
static const char *const cyrillic[32] = {
    "a", "b", "v", "g", "d", "e", "Z", "s", "i", "",  "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "k", "k", "k", "S", "S", NULL, NULL, "", NULL, "u", "a",
};

static const char *cyrillic_letter(long c)
{
    if (c >= 0x430 && c <= 0x44F)
        return cyrillic[c - 0x430];
    switch (c) {
    case 0x454: /* є */
        return "e";
    case 0x456: /* і */
    case 0x457: /* ї */
        return "i";
    case 0x491: /* ґ */
        return "g";
    default:
        return NULL;
    }
}

/* English spelling folded to the same letters: digraphs first, then c, z, q,
 * x, w, h and j ("" drops the letter); other letters as they are, in one.
 * NULL for anything but a-z. */
static const char *latin_letters(const char *s, size_t *used, char one[2])
{
    static const struct {
        const char *from, *to;
    } digraph[] = {{"ph", "f"}, {"th", "t"}, {"ch", "k"}, {"sh", "S"}, {"ck", "k"},
                   /* Ukrainian names in the national transliteration: Zhytomyr
                    * and Житомир, Kharkiv and Харків */
                   {"zh", "Z"}, {"kh", "k"}};
    for (size_t i = 0; i < sizeof digraph / sizeof digraph[0]; i++)
        if (strncmp(s, digraph[i].from, 2) == 0) {
            *used = 2;
            return digraph[i].to;
        }
    *used = 1;
    switch (*s) {
    case 'c':
    case 'q':
        return "k";
    case 'z':
        return "s";
    case 'x':
        return "ks";
    case 'w':
        return "v";
    case 'h':
        return "g";
    case 'j':
        return "";
    default:
        if (*s < 'a' || *s > 'z')
            return NULL;
        one[0] = *s;
        one[1] = '\0';
        return one;
    }
}

/* Vowels fold into three classes, since the two spellings of a loanword
 * differ most in them (system, систем; technology, технолог): a and o, e i
 * and y, u. */
static char vowel_class(char c)
{
    switch (c) {
    case 'a':
    case 'o':
        return 'o';
    case 'e':
    case 'i':
    case 'y':
        return 'i';
    case 'u':
        return 'u';
    default:
        return c;
    }
}

static bool is_vowel_class(char c)
{
    return c == 'o' || c == 'i' || c == 'u';
}

/* Appends letters to the skeleton of n letters so far, a letter equal to the
 * last one once. false when it would not fit in cap (with its NUL). */
static bool put(char *key, size_t *n, size_t cap, const char *letters)
{
    for (const char *l = letters; *l; l++) {
        char c = vowel_class(*l);
        if (*n > 0 && key[*n - 1] == c)
            continue;
        if (*n + 1 >= cap)
            return false;
        key[(*n)++] = c;
    }
    return true;
}

static enum match_script none(char *key)
{
    key[0] = '\0';
    return MATCH_SCRIPT_NONE;
}

enum match_script match_cognate_key(const char *stem, char *key, size_t cap)
{
    if (cap == 0)
        return MATCH_SCRIPT_NONE;
    size_t n = 0;
    bool latin = false, cyr = false;
    const char *p = stem, *end = stem + strlen(stem);
    while (p < end) {
        const char *letters;
        char one[2];
        if ((unsigned char)*p < 0x80) {
            size_t used;
            letters = latin_letters(p, &used, one);
            latin = true;
            p += used;
        } else {
            long c = utf8_decode(&p, end);
            letters = c < 0 ? NULL : cyrillic_letter(c);
            cyr = true;
        }
        if (!letters || !put(key, &n, cap, letters))
            return none(key);
    }
    key[n] = '\0';
    size_t consonants = 0;
    for (size_t i = 0; i < n; i++)
        consonants += !is_vowel_class(key[i]);
    if (latin == cyr || consonants < MATCH_COGNATE_MIN || n < MATCH_COGNATE_MIN_LETTERS)
        return none(key);
    return latin ? MATCH_SCRIPT_LATIN : MATCH_SCRIPT_CYRILLIC;
}

/* The bucket of a skeleton of the script: the script's digit, then the
 * skeleton's letters up to its MATCH_COGNATE_MIN-th consonant (every skeleton
 * has that many), which two skeletons that match share. A query looks in the
 * other script's bucket only, so it never walks its own script's terms. */
static void bucket_key(enum match_script script, const char *skeleton, char *out)
{
    size_t k = 0;
    for (int consonants = 0; consonants < MATCH_COGNATE_MIN; k++)
        consonants += !is_vowel_class(skeleton[k]);
    out[0] = (char)('0' + script);
    memcpy(out + 1, skeleton, k);
    out[k + 1] = '\0';
}

static bool skeletons_match(const char *x, const char *y)
{
    size_t nx = strlen(x), ny = strlen(y);
    size_t shorter = nx < ny ? nx : ny, longer = nx < ny ? ny : nx;
    return longer - shorter <= MATCH_COGNATE_SLACK && strncmp(x, y, shorter) == 0;
}

int match_cognates_build(struct match_cognates *c, const char *const *stems, int n)
{
    *c = (struct match_cognates){.n = n};
    arena_init(&c->a, 0);
    int *last = malloc(((size_t)n + 1) * sizeof *last);
    c->first = malloc(((size_t)n + 1) * sizeof *c->first);
    c->next = malloc(((size_t)n + 1) * sizeof *c->next);
    c->skeleton = calloc((size_t)n + 1, sizeof *c->skeleton);
    if (!last || !c->first || !c->next || !c->skeleton)
        goto oom;
    for (int t = 0; t < n; t++) {
        char key[MATCH_COGNATE_KEY_MAX], head[MATCH_COGNATE_KEY_MAX + 1];
        c->next[t] = -1;
        enum match_script s = match_cognate_key(stems[t], key, sizeof key);
        if (s == MATCH_SCRIPT_NONE)
            continue;
        if (!(c->skeleton[t] = arena_strdup(&c->a, key)))
            goto oom;
        bucket_key(s, key, head);
        int fresh = (int)c->bucket.n;
        int b = strmap_put(&c->bucket, head, fresh);
        if (b == -2)
            goto oom;
        if (b == fresh)
            c->first[b] = t;
        else
            c->next[last[b]] = t;
        last[b] = t;
    }
    free(last);
    return 0;
oom:
    free(last);
    match_cognates_free(c);
    return -1;
}

void match_cognates_free(struct match_cognates *c)
{
    strmap_free(&c->bucket);
    free(c->first);
    free(c->next);
    free(c->skeleton);
    arena_free(&c->a);
    *c = (struct match_cognates){0};
}

int match_cognates_each(const struct match_cognates *c, const char *stem,
                        int (*fn)(void *ud, int term), void *ud)
{
    char key[MATCH_COGNATE_KEY_MAX], head[MATCH_COGNATE_KEY_MAX + 1];
    enum match_script s = match_cognate_key(stem, key, sizeof key);
    if (s == MATCH_SCRIPT_NONE || c->n == 0)
        return 0;
    bucket_key(s == MATCH_SCRIPT_LATIN ? MATCH_SCRIPT_CYRILLIC : MATCH_SCRIPT_LATIN, key, head);
    int b = strmap_get(&c->bucket, head);
    for (int t = b >= 0 ? c->first[b] : -1; t >= 0; t = c->next[t]) {
        if (!skeletons_match(key, c->skeleton[t]))
            continue;
        int rc = fn(ud, t);
        if (rc)
            return rc;
    }
    return 0;
}
