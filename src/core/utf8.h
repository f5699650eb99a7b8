/* UTF-8 checks for everything that comes from outside (CSV, JSON, query text):
 * Ukrainian names must come through intact, and invalid bytes are refused. */
#ifndef DFNC_CORE_UTF8_H
#define DFNC_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
 * When false and bad_offset is not NULL, it receives the offset of the first bad byte. */
bool utf8_is_valid(const char *s, size_t n, size_t *bad_offset);

/* Decodes one code point at *s (advancing it); returns -1 on malformed input. */
long utf8_decode(const char **s, const char *end);

/* Unicode's bidirectional embedding, override and isolate controls
 * (U+202A-U+202E, U+2066-U+2069): the text after one is shown in another
 * order than it is stored, so a name can disguise what follows it in a list. */
bool utf8_is_bidi_control(long c);

/* The invisible format characters (Unicode 15's category Cf: the bidi
 * controls and marks, zero-width space and joiners, word joiner, invisible
 * operators, soft hyphen, byte order mark, tags...). */
bool utf8_is_format(long c);

/* The C0 controls but tab, line feed and carriage return, DEL and the C1
 * controls (U+0080-U+009F): bytes a terminal or a calendar acts on (an
 * escape sequence, a bell), which RFC 5545 forbids in text. */
bool utf8_is_control(long c);

/* A text that people read (a name, a title, a description, a message),
 * from the API or an import: no bidi control (utf8_is_bidi_control), which
 * would show it otherwise than it is written, and no control character
 * (utf8_is_control). 0 (s NULL too), or -1 with DF_ERR_INPUT naming what,
 * the code point and its byte, coded bidi_control or control_char ("col"
 * what, "cp" the code point's hex digits, "n" its byte). */
int utf8_text_check(const char *what, const char *s, struct df_err *err);
/* A text of one line (a name, a title, a city): utf8_text_check's rules and
 * no line break (CR or LF), which would forge a line of dfnc agenda's text or
 * of a calendar feed. The API, the imports and dfnc check judge by it. A
 * line break is coded line_break ("col" what, "n" its byte). */
int utf8_line_check(const char *what, const char *s, struct df_err *err);

/* The first code point of s[0..n) that is_bad takes: its byte offset, with
 * the code point in *cp (may be NULL); -1 when there is none. Malformed bytes
 * are stepped over (check utf8_is_valid first). */
long utf8_find(const char *s, size_t n, bool (*is_bad)(long c), long *cp);

/* Number of code points in a valid string. */
size_t utf8_length(const char *s, size_t n);

/* A combining mark (U+0300-036F, 1AB0-1AFF, 1DC0-1DFF, 20D0-20FF,
 * FE20-FE2F): part of the letter before it, as in й typed as и + U+0306. */
bool utf8_is_combining(long c);

/* Number of characters of a valid string as a person counts them: a
 * combining mark counts with the letter before it (one that opens the
 * string counts alone). web/js/forms.js counts a password the same way. */
size_t utf8_letters(const char *s, size_t n);

/* The length of the longest prefix of s[0..n) of at most max bytes that
 * does not end inside a character, to cut a value quoted in a message. */
size_t utf8_prefix(const char *s, size_t n, size_t max);

/* Folds the case of s[0..n) into out[0..n) as Unicode's simple case folding
 * does for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (Müller,
 * Łukasz, Ωmega, Ґанна): every such letter keeps its byte length, so out
 * holds exactly n bytes (not terminated); other bytes are copied (İ, ſ and
 * ß too, whose foldings change the length). out may be s. */
void utf8_fold_case(const char *s, size_t n, char *out);
/* The same for a C string into out, which holds cap bytes (terminated);
 * false when s does not fit. */
bool utf8_fold_str(const char *s, char *out, size_t cap);

/* s[0..n) with each occurrence of word[0..wn) (wn > 0, folded as
 * utf8_fold_case folds), its case ignored, replaced by with (wn bytes at
 * most), left to right, into out (n + 1 bytes, terminated); folded is n
 * bytes of scratch. The length of out. */
size_t utf8_replace_folded(const char *s, size_t n, const char *word, size_t wn,
                           const char *with, char *out, char *folded);

/* Compares a[0..an) and b[0..bn) as a list of names is read: case folded,
 * Latin letters before Cyrillic ones, and Cyrillic in the Ukrainian
 * alphabet's order (Г Ґ, Е Є, И І Ї Й, not by code point, which puts Є, І
 * and Ї after Я). <0, 0 or >0. Bytes that are not UTF-8 compare as they are. */
int utf8_collate_names(const char *a, size_t an, const char *b, size_t bn);

#endif
