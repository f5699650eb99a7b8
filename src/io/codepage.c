/* Guessing a spreadsheet file's 8-bit code page from its words, and
 * converting its lines to UTF-8 with glibc's iconv (no tables of our own).
 * The guess is made only when the file is not UTF-8 and its words agree: a
 * Cyrillic word is a run of bytes over 0x7F (Київ is CA E8 BF E2 in
 * Windows-1251), a Western European one has them alone among ASCII letters
 * (Soci\xE9t\xE9); a file that mixes UTF-8 with other bytes, or whose words
 * do not agree, is read as UTF-8 and refused by its first bad line. */
#include "io/codepage.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"

static const struct {
    enum codepage cp;
    const char *name, *label, *iconv;
} pages[] = {
    {CODEPAGE_AUTO, "auto", "automatic", NULL},
    {CODEPAGE_UTF8, "utf-8", "UTF-8", NULL},
    {CODEPAGE_CP1251, "windows-1251", "Windows-1251", "WINDOWS-1251"},
    {CODEPAGE_CP1252, "windows-1252", "Windows-1252", "WINDOWS-1252"},
};

const char *codepage_name(enum codepage cp) { return pages[cp].name; }

const char *codepage_label(enum codepage cp) { return pages[cp].label; }

int codepage_parse(const char *name, enum codepage *out)
{
    static const struct {
        const char *alias;
        enum codepage cp;
    } aliases[] = {{"utf8", CODEPAGE_UTF8}, {"cp1251", CODEPAGE_CP1251},
                   {"cp1252", CODEPAGE_CP1252}};
    for (size_t i = 0; name && i < sizeof pages / sizeof pages[0]; i++)
        if (strcasecmp(name, pages[i].name) == 0) {
            *out = pages[i].cp;
            return 0;
        }
    for (size_t i = 0; name && i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(name, aliases[i].alias) == 0) {
            *out = aliases[i].cp;
            return 0;
        }
    return -1;
}

/* ---- the guess --------------------------------------------------------------------- */

/* Bytes over 0x7F that both code pages read as one character: quotes,
 * dashes, the no-break space, « », §, °, µ... (glibc's tables agree). */
static int is_shared(unsigned char c)
{
    static const unsigned char shared[] = {
        0x82, 0x84, 0x85, 0x86, 0x87, 0x89, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
        0x97, 0x99, 0x9B, 0xA0, 0xA4, 0xA6, 0xA7, 0xA9, 0xAB, 0xAC, 0xAD, 0xAE, 0xB0,
        0xB1, 0xB5, 0xB6, 0xB7, 0xBB};
    return c >= 0x80 && memchr(shared, c, sizeof shared) != NULL;
}

/* Whether a byte over 0x7F is a letter in one code page at least: not the
 * shared punctuation (µ aside), nor €/ˆ, ˜ or №/¹: those end a word. */
static int is_high_letter(unsigned char c)
{
    return c >= 0x80 && c != 0x88 && c != 0x98 && c != 0xB9 && (c == 0xB5 || !is_shared(c));
}

static int is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* A letter's case in Windows-1251 (ASCII's below 0x80): 1 capital, -1 small,
 * 0 neither. Its capitals are C0-DF and Ђ Ѓ Љ Њ Ќ Ћ Џ Ў Ј Ґ Ё Є Ї І Ѕ. */
static int cp1251_case(unsigned char c)
{
    static const unsigned char upper[] = {0x80, 0x81, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0xA1,
                                          0xA3, 0xA5, 0xA8, 0xAA, 0xAF, 0xB2, 0xBD};
    static const unsigned char lower[] = {0x83, 0x90, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F, 0xA2,
                                          0xB3, 0xB4, 0xB8, 0xBA, 0xBC, 0xBE, 0xBF};
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? 1 : c >= 'a' && c <= 'z' ? -1 : 0;
    if (c >= 0xC0)
        return c < 0xE0 ? 1 : -1;
    return memchr(upper, c, sizeof upper) ? 1 : memchr(lower, c, sizeof lower) ? -1 : 0;
}

/* Counts one word w[0..n) (letters only): more bytes over 0x7F than ASCII
 * letters, and at least two, is a Cyrillic word (Київ; Киiв typed with a
 * Latin i too); as many ASCII letters as such bytes or more, an accented
 * Latin one (Société, Müßig). A lone letter (і, в, à) says nothing. */
static void count_word(struct codepage_sniff *s, const unsigned char *w, size_t n)
{
    size_t high = 0;
    for (size_t i = 0; i < n; i++)
        high += w[i] >= 0x80;
    size_t ascii = n - high;
    if (high == 0 || (high == 1 && ascii == 0))
        return;
    if (high <= ascii) {
        s->western++;
        return;
    }
    if (high < 2)
        return;
    s->cyrillic++;
    /* read as Windows-1251, a word of another Cyrillic code page (KOI8-U
     * swaps capitals and small letters) has capitals inside it: пРЙУ */
    int seen_small = 0;
    for (size_t i = 0; i < n; i++) {
        int c = cp1251_case(w[i]);
        if (c > 0 && seen_small) {
            s->odd_case++;
            return;
        }
        seen_small |= c < 0;
    }
}

/* The length of the UTF-8 sequence its lead byte c starts, 0 for no lead. */
static size_t utf8_lead_len(unsigned char c)
{
    return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

void codepage_sniff_line(struct codepage_sniff *s, const char *line, size_t n)
{
    const unsigned char *p = (const unsigned char *)line;
    if (++s->lines == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        s->bom = 1;
        p += 3;
        n -= 3;
    }
    s->nul |= memchr(p, '\0', n) != NULL;
    if (utf8_is_valid((const char *)p, n, NULL)) {
        /* a UTF-8 line says only whether it holds more than ASCII: its words
         * would be read as they are whatever the verdict */
        for (size_t i = 0; !s->utf8_line && i < n; i++)
            if (p[i] >= 0x80)
                s->utf8_line = s->lines;
        return;
    }
    if (!s->bad_line)
        s->bad_line = s->lines;
    size_t word = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_ascii_letter(p[i]) || is_high_letter(p[i])) {
            word++;
            continue;
        }
        count_word(s, p + i - word, word);
        word = 0;
    }
    count_word(s, p + n - word, word);
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = utf8_lead_len(p[i]);
        if (len && i + len <= n && utf8_is_valid((const char *)p + i, len, NULL))
            s->in_utf8 += len;
        else
            len = 1;
        for (size_t k = 0; k < len; k++)
            s->unshared += !is_shared(p[i + k]);
        s->high += len;
        i += len;
    }
}

enum codepage codepage_sniff_verdict(const struct codepage_sniff *v, char *why, size_t cap,
                                     struct codepage_why *coded)
{
    why[0] = '\0';
    *coded = (struct codepage_why){0};
    if (!v->bad_line)
        return CODEPAGE_UTF8;
    if (v->bom) {
        snprintf(why, cap, ": the file begins with UTF-8's byte order mark, so it is read as "
                           "UTF-8 only");
        coded->code = "bom_utf8";
        return CODEPAGE_UTF8;
    }
    if (v->nul) {
        snprintf(why, cap, ": the file holds NUL bytes too (UTF-16 or binary?)");
        coded->code = "not_utf8";   /* the NUL bytes are said where they are */
        return CODEPAGE_UTF8;
    }
    if (v->utf8_line) {
        snprintf(why, cap, ": line %d holds UTF-8 text, so the file mixes UTF-8 with another "
                           "encoding (or a byte was damaged), and no reading keeps all its "
                           "letters (name the encoding if line %d is not UTF-8)", v->utf8_line,
                 v->utf8_line);
        *coded = (struct codepage_why){"mixed", v->utf8_line, 0};
        return CODEPAGE_UTF8;
    }
    /* Windows-1251 text forms a UTF-8 sequence here and there (a capital
     * before і, ї or є: 0.6% of the CPV labels' bytes, 13% in capitals
     * alone); UTF-8 text with a damaged byte is nearly all sequences */
    if (v->in_utf8 * 2 >= v->high) {
        snprintf(why, cap, ": the file's other letters are UTF-8, so this byte was damaged "
                           "or pasted in from another file");
        coded->code = "damaged";
        return CODEPAGE_UTF8;
    }
    if (v->cyrillic && v->cyrillic >= 4 * v->western) {
        /* none of the CPV labels' 33,436 Cyrillic words in Windows-1251 has
         * a capital inside it; 8,771 of their 37,913 in KOI8-U do, read so */
        if (v->odd_case * 20 > v->cyrillic) {
            snprintf(why, cap, ": the file looks like 8-bit Cyrillic, but not Windows-1251 (read "
                               "so, %zu of its %zu Cyrillic words would have capitals inside "
                               "them: KOI8-U?)", v->odd_case, v->cyrillic);
            *coded = (struct codepage_why){"not_cp1251", (long long)v->odd_case,
                                           (long long)v->cyrillic};
            return CODEPAGE_UTF8;
        }
        snprintf(why, cap, ", its words being Cyrillic");
        return CODEPAGE_CP1251;
    }
    if (v->western && v->western >= 4 * v->cyrillic) {
        snprintf(why, cap, ", its words being Western European");
        return CODEPAGE_CP1252;
    }
    /* an English file with O\x92Brien or "CEO \x96 R&D": no word tells,
     * but the two readings are one text */
    if (!v->cyrillic && !v->western && !v->unshared) {
        snprintf(why, cap, ", its only bytes over 0x7F being punctuation that "
                           "Windows-1251 reads alike");
        return CODEPAGE_CP1252;
    }
    snprintf(why, cap, ": the file looks like 8-bit text, but its words (%zu Cyrillic, %zu "
                       "Western European) do not tell Windows-1251 from Windows-1252 (name "
                       "its encoding if you know it)", v->cyrillic, v->western);
    *coded = (struct codepage_why){"undecided", (long long)v->cyrillic, (long long)v->western};
    return CODEPAGE_UTF8;
}

const char *codepage_field_guess(const void *data, size_t len, size_t bad,
                                 struct codepage_why *coded)
{
    const unsigned char *s = data;
    *coded = (struct codepage_why){"not_utf8", 0, 0};
    for (size_t i = 0; i < bad; i++)
        if (s[i] >= 0x80)
            return "";
    size_t high = 0, in_runs = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80)
            continue;
        high++;
        if ((i > 0 && s[i - 1] >= 0x80) || (i + 1 < len && s[i + 1] >= 0x80))
            in_runs++;
    }
    coded->code = in_runs * 2 >= high ? "cyrillic" : "western";
    if (in_runs * 2 >= high)
        return ": the file looks like 8-bit Cyrillic (Windows-1251, as Excel's plain \"CSV\" "
               "writes it on a Ukrainian Windows)";
    return ": the file looks like 8-bit Western European (Windows-1252, as Excel's plain "
           "\"CSV\" writes it on a French or German Windows)";
}

/* ---- the conversion ------------------------------------------------------------------ */

int codepage_conv_open(struct codepage_conv *c, enum codepage cp, struct df_err *err)
{
    memset(c, 0, sizeof *c);
    c->cd = (iconv_t)-1;
    if (!pages[cp].iconv)
        return df_err_set(err, DF_ERR_RUNTIME, "%s is not an 8-bit code page", pages[cp].label);
    c->cd = iconv_open("UTF-8", pages[cp].iconv);
    if (c->cd == (iconv_t)-1)
        return df_err_set(err, DF_ERR_RUNTIME, "iconv cannot convert %s: %s", pages[cp].label,
                          strerror(errno));
    return 0;
}

int codepage_convert(struct codepage_conv *c, const char *in, size_t n, const char **out,
                     size_t *out_n, size_t *bad)
{
    /* a byte of these code pages is one character, of at most 3 bytes in UTF-8 */
    size_t need = 3 * n + 1;
    if (need > c->out_cap) {
        char *grown = realloc(c->out, need);
        if (!grown)
            return -2;
        c->out = grown;
        c->out_cap = need;
    }
    iconv(c->cd, NULL, NULL, NULL, NULL);
    char *src = (char *)in, *dst = c->out;
    size_t left = n, room = c->out_cap;
    if (iconv(c->cd, &src, &left, &dst, &room) == (size_t)-1) {
        *bad = (size_t)(src - in);
        return -1;
    }
    *dst = '\0';
    *out = c->out;
    *out_n = (size_t)(dst - c->out);
    return 0;
}

void codepage_conv_close(struct codepage_conv *c)
{
    if (c->cd != (iconv_t)-1 && c->cd != NULL)
        iconv_close(c->cd);
    c->cd = (iconv_t)-1;
    free(c->out);
    c->out = NULL;
    c->out_cap = 0;
}
