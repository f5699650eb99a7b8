/* Light stemmers for the tokeniser (text.h): an English one and a Ukrainian
 * suffix stripper (Snowball has none for Ukrainian). They aim at
 * consistency, not linguistics: "detection", "detecting", "detected" and
 * "дрони", "дронів", "дронами" must meet at one stem; over-stemming is
 * cheap. Pure functions; no allocation. */
#ifndef DFNC_ENGINE_MATCH_STEM_H
#define DFNC_ENGINE_MATCH_STEM_H

#include <stddef.h>

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
 *    noun's, beside рішень: ріше, a verbal noun's), and a dative in -енню
 *    alike (мішенню: мішн), whose second reading is a -ень noun that keeps
 *    its е (мішень, мішенню: мішен, as мішені);
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
 *    судн, вікон: вікн);
 * 14. a -лля or -ччя noun's dative, whose doubled consonant the stemmer
 *    halved as a soft stem's instrumental's (довкіллю: довкілл, beside
 *    моделлю: модел);
 * 15. a listed short word whose alternation no rule tells from the words
 *    like it (вазі: ваг, beside базі; піч: печ).
 * Kind 3 may be ьо too (політ: польот, after a vowel and л), and has a
 * second reading, е (match_stem_uk_alt_second); so has kind 5.
 * word is the surface form stem came from. The other stem is written to out
 * (size bytes); a caller takes it only where its vocabulary has it (index.c's
 * join_alt_stems). Returns which of those it was (two forms of one stem that
 * return the same give the same other stem), or 0 when there is none or out
 * is too small. */
int match_stem_uk_alt(const char *stem, const char *word, char *out, size_t size);
/* The second other stem of a kind 3 word, whose і the other cases may turn
 * into е instead (причіп: причеп, папір: папер), or of a kind 5 word read
 * as a verbal noun's, a -ень noun's that keeps its е (мішень: мішен); the
 * caller takes it where its vocabulary lacks the first. Returns 3 or 5, or
 * 0 for a word of another kind. */
int match_stem_uk_alt_second(const char *stem, const char *word, char *out, size_t size);

#endif
