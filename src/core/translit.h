/* Ukrainian names in Latin letters, as a Ukrainian passport spells them:
 * the help desk in Brussels types "Marchenko" from a badge or a passport
 * and must find Марченко. Used to compare, both sides going through it. */
#ifndef DFNC_CORE_TRANSLIT_H
#define DFNC_CORE_TRANSLIT_H

#include <stddef.h>

/* s[0..n) with its Cyrillic letters spelled by Ukraine's national
 * transliteration (Cabinet of Ministers resolution 55 of 27 January 2010,
 * the passports' since: Євген Марченко is yevhen marchenko, Згурський
 * zghurskyi, є ї й ю я spelled ye yi y yu ya at a word's start and ie i i iu
 * ia within it, ь and the apostrophe left out), lower case; ASCII letters
 * lower-cased, every other byte copied. A Russian letter is given its
 * nearest (ы y, э e, ё io, ъ left out). Writes at most 2 * n bytes to out
 * and a terminating NUL (out holds 2 * n + 1 bytes; no Cyrillic letter of
 * two bytes is spelled with more than four, зг with more than three);
 * returns the length written. s need not be valid UTF-8: a malformed byte
 * is copied. */
size_t translit_uk_latin(const char *s, size_t n, char *out);

#endif
