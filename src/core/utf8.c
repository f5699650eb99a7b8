/* UTF-8 validation and decoding (see utf8.h). */
#include "core/utf8.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

long utf8_decode(const char **sp, const char *end)
{
    const unsigned char *s = (const unsigned char *)*sp;
    const unsigned char *e = (const unsigned char *)end;
    if (s >= e)
        return -1;
    unsigned c = s[0];
    long cp;
    int n;
    if (c < 0x80) {
        *sp += 1;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1; cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2; cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3; cp = c & 0x07;
    } else {
        return -1;
    }
    if (e - s <= n)
        return -1;
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *sp += n + 1;
    return cp;
}

bool utf8_is_valid(const char *s, size_t n, size_t *bad_offset)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        if ((unsigned char)*p < 0x80) {
            p++;
            continue;
        }
        if (utf8_decode(&p, end) < 0) {
            if (bad_offset)
                *bad_offset = (size_t)(p - s);
            return false;
        }
    }
    return true;
}

bool utf8_is_bidi_control(long c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool utf8_is_format(long c)
{
    /* Unicode 15.0 DerivedGeneralCategory.txt, Cf */
    static const long cf[][2] = {
        {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
        {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
        {0x200B, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
        {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
        {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
        {0xE0020, 0xE007F}};
    for (size_t i = 0; i < sizeof cf / sizeof cf[0] && c >= cf[i][0]; i++)
        if (c <= cf[i][1])
            return true;
    return false;
}

long utf8_find(const char *s, size_t n, bool (*is_bad)(long c), long *cp)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *at = p;
        long c = utf8_decode(&p, end);
        if (c < 0) {
            p = at + 1;
            continue;
        }
        if (is_bad(c)) {
            if (cp)
                *cp = c;
            return (long)(at - s);
        }
    }
    return -1;
}

bool utf8_is_control(long c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

/* A text's refusal by code (src/core/codes.h): what as "col", the code
 * point as "cp" (hex digits, as U+ writes them) and its byte as "n". */
static int coded_at(struct df_err *err, const char *code, const char *what, long cp, long at)
{
    char hex[16];
    snprintf(hex, sizeof hex, "%04lX", cp);
    return df_err_code(err, code, "col", what, "cp", hex, "n", DF_NUM(at), NULL);
}

int utf8_text_check(const char *what, const char *s, struct df_err *err)
{
    long cp;
    long at = s ? utf8_find(s, strlen(s), utf8_is_bidi_control, &cp) : -1;
    if (at >= 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s holds a Unicode bidirectional control (U+%04lX at byte %ld), which shows "
                   "the text after it in another order than it is written: remove it",
                   what, cp, at);
        return coded_at(err, "bidi_control", what, cp, at);
    }
    at = s ? utf8_find(s, strlen(s), utf8_is_control, &cp) : -1;
    if (at >= 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s holds a control character (U+%04lX at byte %ld), which is no text (a "
                   "terminal or a calendar would act on it): remove it", what, cp, at);
        return coded_at(err, "control_char", what, cp, at);
    }
    return 0;
}

int utf8_line_check(const char *what, const char *s, struct df_err *err)
{
    const char *nl = s ? strpbrk(s, "\r\n") : NULL;
    if (nl) {
        df_err_set(err, DF_ERR_INPUT, "%s holds a line break (at byte %td): it is one line", what,
                   nl - s);
        return df_err_code(err, "line_break", "col", what, "n", DF_NUM(nl - s), NULL);
    }
    return utf8_text_check(what, s, err);
}

size_t utf8_length(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

bool utf8_is_combining(long c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

size_t utf8_letters(const char *s, size_t n)
{
    size_t count = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        long c = utf8_decode(&p, end);
        if (c < 0)
            p++; /* a malformed byte counts as one, and is stepped over */
        if (count == 0 || !utf8_is_combining(c))
            count++;
    }
    return count;
}

/* The simple case folding (Unicode's CaseFolding.txt, status C and S) of a
 * code point of two bytes in UTF-8 whose folding takes two bytes too: Latin-1
 * and Latin Extended-A (À, Ł, Š, Ő, Ÿ), Greek (Ω, Ά, final ς as σ) and
 * Cyrillic (Я, Ѐ, Ґ, Ӂ); any other stays. İ and ſ fold to one byte, ß to
 * two letters: they stay too. */
static unsigned fold_two_byte(unsigned cp)
{
    bool even = cp % 2 == 0;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
        return cp + 0x20;
    if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) ||
        (cp >= 0x14A && cp <= 0x177) || (cp >= 0x460 && cp <= 0x481) ||
        (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x4FF))
        return even ? cp + 1 : cp;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E) ||
        (cp >= 0x4C1 && cp <= 0x4CE))
        return even ? cp : cp + 1;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0x388 && cp <= 0x38A)
        return cp + 0x25;
    switch (cp) {
    case 0x178: return 0xFF;
    case 0x386: return 0x3AC;
    case 0x38C: return 0x3CC;
    case 0x38E: return 0x3CD;
    case 0x38F: return 0x3CE;
    case 0x3C2: return 0x3C3;
    case 0x4C0: return 0x4CF;
    default: return cp;
    }
}

void utf8_fold_case(const char *s, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c >= 'A' && c <= 'Z') {
            out[i] = (char)(c + 32);
        } else if (c >= 0xC3 && c <= 0xD3 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            unsigned cp = fold_two_byte(((c & 0x1F) << 6) | (p[i + 1] & 0x3F));
            out[i] = (char)(0xC0 | (cp >> 6));
            out[i + 1] = (char)(0x80 | (cp & 0x3F));
            i++;
        } else {
            out[i] = (char)c;
        }
    }
}

bool utf8_fold_str(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n + 1 > cap)
        return false;
    utf8_fold_case(s, n, out);
    out[n] = '\0';
    return true;
}

size_t utf8_replace_folded(const char *s, size_t n, const char *word, size_t wn,
                           const char *with, char *out, char *folded)
{
    size_t with_n = strlen(with), len = 0, i = 0;
    assert(wn > 0 && with_n <= wn);
    utf8_fold_case(s, n, folded);
    /* a folded letter keeps its bytes' length, and a word of whole letters
     * matches only where a letter begins: the same bytes of s go */
    while (i < n) {
        const char *at = wn <= n - i ? memmem(folded + i, n - i, word, wn) : NULL;
        size_t upto = at ? (size_t)(at - folded) : n;
        memcpy(out + len, s + i, upto - i);
        len += upto - i;
        if (!at)
            break;
        memcpy(out + len, with, with_n);
        len += with_n;
        i = upto + wn;
    }
    out[len] = '\0';
    return len;
}

/* A letter's place when names are sorted: ASCII and other code points as
 * they are, lower-cased; Cyrillic after every other script's letters below
 * it, in the Ukrainian alphabet's order (Russian's own letters beside their
 * neighbours). */
static long name_key(long cp)
{
    static const char order[] = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя";
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x4ff) {
        char low[8];
        const char *p = low;
        size_t n = 0;
        long l = cp >= 0x410 && cp <= 0x42f ? cp + 0x20
                 : cp >= 0x400 && cp <= 0x40f ? cp + 0x50
                 : cp == 0x490 ? 0x491 : cp;
        low[n++] = (char)(0xc0 | (l >> 6));
        low[n++] = (char)(0x80 | (l & 0x3f));
        low[n] = '\0';
        const char *at = strstr(order, p);
        /* past every Latin-script code point, in the alphabet's order */
        return at ? 0x10000 + (at - order) : 0x10000 + 0x100 + l;
    }
    return cp;
}

int utf8_collate_names(const char *a, size_t an, const char *b, size_t bn)
{
    const char *ae = a + an, *be = b + bn;
    while (a < ae && b < be) {
        const char *a0 = a, *b0 = b;
        long x = utf8_decode(&a, ae), y = utf8_decode(&b, be);
        if (x < 0) {
            x = (unsigned char)*a0;
            a = a0 + 1;
        }
        if (y < 0) {
            y = (unsigned char)*b0;
            b = b0 + 1;
        }
        long kx = name_key(x), ky = name_key(y);
        if (kx != ky)
            return kx < ky ? -1 : 1;
    }
    return (a < ae) - (b < be);
}

size_t utf8_prefix(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}
