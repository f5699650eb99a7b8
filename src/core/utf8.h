/* UTF-8 checks for everything that comes from outside (CSV, JSON, query text):
 * Ukrainian names must come through intact, and invalid bytes are refused. */
#ifndef DFNC_CORE_UTF8_H
#define DFNC_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
 * When false and bad_offset is not NULL, it receives the offset of the first bad byte. */
bool utf8_is_valid(const char *s, size_t n, size_t *bad_offset);

/* Decodes one code point at *s (advancing it); returns -1 on malformed input. */
long utf8_decode(const char **s, const char *end);

/* Number of code points in a valid string. */
size_t utf8_length(const char *s, size_t n);

/* Lower-cases ASCII and Cyrillic (А-Я, Ѐ-Џ, Ґ) of s[0..n) into out[0..n): every
 * such letter keeps its byte length, so out holds exactly n bytes (not
 * terminated); other bytes are copied. out may be s. */
void utf8_fold_case(const char *s, size_t n, char *out);

#endif
