/* Ukrainian Cyrillic to Latin letters by the national transliteration of
 * 2010 (translit.h), lower case, for a search that finds Марченко when
 * "Marchenko" is typed. */
#include "core/translit.h"

#include <stdbool.h>
#include <string.h>

#include "core/utf8.h"

/* а (U+0430) to я (U+044F): the letter within a word; NULL for the five
 * spelled otherwise at a word's start (start_spelling) */
static const char *const LOWER[32] = {
    "a", "b", "v", "h", "d", "e", "zh", "z", "y", NULL, "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", NULL, NULL,
};

/* The lower case of a Cyrillic capital; c itself otherwise. */
static long lower_cyrillic(long c)
{
    if (c >= 0x0410 && c <= 0x042F)
        return c + 0x20;
    if (c >= 0x0400 && c <= 0x040F)
        return c + 0x50;
    if (c == 0x0490)
        return 0x0491;
    return c;
}

/* й є ї ю я: their spelling at a word's start (first) and within it */
static const char *start_spelling(long c, bool first)
{
    switch (c) {
    case 0x0439: return first ? "y" : "i";
    case 0x0454: return first ? "ye" : "ie";
    case 0x0457: return first ? "yi" : "i";
    case 0x044E: return first ? "yu" : "iu";
    case 0x044F: return first ? "ya" : "ia";
    default: return NULL;
    }
}

/* The Latin spelling of the lower-case Cyrillic letter c (after prev, the
 * code point before it), or NULL when c is no Cyrillic letter. */
static const char *spelling(long c, long prev, bool first)
{
    const char *s = start_spelling(c, first);
    if (s)
        return s;
    if (c == 0x0433 && prev == 0x0437)
        return "gh";    /* зг is zgh, told from zh (ж) */
    if (c >= 0x0430 && c <= 0x044F)
        return LOWER[c - 0x0430];
    switch (c) {
    case 0x0456: return "i";       /* і */
    case 0x0491: return "g";       /* ґ */
    case 0x0451: return "io";      /* ё */
    default: return NULL;
    }
}

static bool is_apostrophe(long c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static bool is_letter(long c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x00C0 && c <= 0x024F) ||
           (c >= 0x0400 && c <= 0x052F) || utf8_is_combining(c);
}

size_t translit_uk_latin(const char *s, size_t n, char *out)
{
    const char *p = s, *end = s + n;
    size_t len = 0;
    long prev = 0;      /* the last code point, lower case; 0 at the start */
    while (p < end) {
        const char *at = p;
        long c = utf8_decode(&p, end);
        if (c < 0) {
            p = at + 1;
            out[len++] = *at;
            prev = 0;
            continue;
        }
        c = lower_cyrillic(c);
        /* an apostrophe within a word (Мар'яна) is no word's end, and is
         * left out as ь is */
        const char *latin = is_apostrophe(c) && is_letter(prev) ? "" : spelling(c, prev, !is_letter(prev));
        if (latin) {
            size_t k = strlen(latin);
            memcpy(out + len, latin, k);
            len += k;
        } else if (c >= 'A' && c <= 'Z') {
            out[len++] = (char)(c - 'A' + 'a');
        } else {
            memcpy(out + len, at, (size_t)(p - at));
            len += (size_t)(p - at);
        }
        if (!is_apostrophe(c))
            prev = c;
    }
    out[len] = '\0';
    return len;
}
