/* Words for text relevance over English and Ukrainian: a UTF-8 tokeniser that
 * lowercases Latin and Cyrillic, drops stop words, and stems with a light
 * English stemmer or a light Ukrainian suffix stripper (Snowball has none for
 * Ukrainian). Pure functions; no allocation. */
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

/* Stem a lowercased word in place (NUL-terminated); return its new length in bytes. */
size_t match_stem_en(char *w);
size_t match_stem_uk(char *w);
/* The other stem a Ukrainian word's ending may give, where the same surface
 * ending belongs to two declensions and the stemmer, which cannot tell them
 * apart, keeps the commoner:
 * 1. the к of a -ка noun turned ц before -і (доставці: доставк, beside -ець
 *    nouns' plurals: фахівці);
 * 2. the г of a -га noun turned з (вимозі: вимог, beside -за nouns: загрозі);
 * 3. a bare word's і before its last consonant that the other cases turn
 *    into о (засіб: засоб, beside досвід, досвіду);
 * 4. a soft stem's instrumental -ем after л, н or р (кораблем: корабл,
 *    кабелем: кабл, beside -ема nouns' genitive plurals: проблем);
 * 5. a genitive plural in -ень read the other way (лікарень: лікарн, a -ня
 *    noun's, beside рішень: ріше, a verbal noun's);
 * 6. a nominative in -ом that the stemmer took for an instrumental (шолом:
 *    шолом, beside дроном: дрон); 10, 11 and 12 the same in -им, -их and -іх
 *    (режим, beside новим; успіх, beside нових and синіх);
 * 7. a nominative in -ів that it took for a genitive plural (Харків: харков,
 *    beside дронів: дрон);
 * 8. a dative in -ові, -еві or -єві, whose ов, ев or єв it keeps
 *    (партнерові: партнер, кораблеві: корабл, героєві: гер, beside Харкові:
 *    харков, and the plurals of adjectives in -овий and -евий: військові,
 *    мережеві);
 * 9. a nominative in -їв that it took for a genitive plural (Миколаїв:
 *    миколаєв, beside героїв: гер);
 * 13. a vowel that comes and goes before a last н (човен: човн, суден:
 *    судн, вікон: вікн).
 * Kind 3 may be ьо too (політ: польот, after a vowel and л), and has a
 * second reading, е (match_stem_uk_alt_second).
 * word is the surface form stem came from. The other stem is written to out
 * (size bytes); a caller takes it only where its vocabulary has it (index.c's
 * join_alt_stems). Returns which of those it was (two forms of one stem that
 * return the same give the same other stem), or 0 when there is none or out
 * is too small. */
int match_stem_uk_alt(const char *stem, const char *word, char *out, size_t size);
/* The second other stem of a kind 3 word, whose і the other cases may turn
 * into е instead (причіп: причеп, папір: папер); the caller
 * takes it where its vocabulary lacks the first. Returns 3, or 0 for a
 * word of another kind. */
int match_stem_uk_alt_second(const char *stem, const char *word, char *out, size_t size);
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
