/* Words for text relevance over English and Ukrainian: a UTF-8 tokeniser that
 * lowercases Latin and Cyrillic, drops stop words, and stems each word with
 * stem.h's light English stemmer or light Ukrainian suffix stripper.
 * Pure functions; no allocation. */
#ifndef DFNC_ENGINE_MATCH_TEXT_H
#define DFNC_ENGINE_MATCH_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Longest token in bytes; longer words are cut at a code point boundary. */
#define MATCH_TOKEN_MAX 64

/* stem: the normalised token; word: the lowercased surface form; compound: the
 * lowercased hyphenated whole the word is part of ("counter-drone" for
 * "counter" and for "drone"; "cybersecurity" for "cyber" and "security", a
 * combining form read as its own part), NULL for a word on its own (or a
 * compound longer than MATCH_TOKEN_MAX). All are NUL-terminated and valid during the call. A
 * non-zero return stops the walk.
 * Abbreviations and synonyms are read through abbrev.h: a synonym comes with
 * its thing's stem and its own word (uav: "dron", "uav"); an abbreviation as
 * the words it stands for, each with the abbreviation as its compound
 * ("electronic" and "warfare", both of "ew"); and a phrase that names one
 * thing gives that thing's stem after its words, the phrase (words joined
 * by spaces, the only words with a space) as its word and no compound. */
typedef int (*match_token_fn)(void *ud, const char *stem, const char *word,
                              const char *compound);

/* Calls fn for each token of s[0..n). Returns 0, fn's non-zero value, or -1
 * when s is not valid UTF-8. */
int match_tokenize(const char *s, size_t n, match_token_fn fn, void *ud);

/* The words a lowercased word stands for when the tokeniser reads it as an
 * abbreviation ("ew", "ugvs": "electronic warfare", "unmanned ground
 * vehicle"; abbrev.h), NULL for any other word. */
const char *match_abbreviation_words(const char *word);
/* Whether a token's compound is a word of parts, a hyphenated one
 * ("counter-drone") or one that begins with a combining form and is read
 * as hyphened there ("cybersecurity": cyber, security), rather than the
 * abbreviation its words spell out ("ew"). */
bool match_compound_has_parts(const char *compound);
/* True for a stop word (lowercased, before stemming). */
bool match_is_stopword(const char *w);

#endif
