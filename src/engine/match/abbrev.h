/* Abbreviations and synonyms a defence forum writes for one thing: "UAV",
 * "UAS", "RPAS", "drone" and "unmanned aerial vehicle"; "EW" and "electronic
 * warfare"; "РЕБ" and "радіоелектронна боротьба"; "БПЛА", "дрон" and
 * "безпілотник". A ministry buyer asks for "C-UAS" and a firm offers
 * "counter-drone systems"; keyword search sees no word in common. The
 * tokeniser (text.h) reads them through these tables, in profiles and
 * questions alike, so the two meet:
 * - a synonym is read as the one stem chosen for its thing (uav as drone);
 * - an abbreviation is read as the words it stands for (EW as electronic
 *   warfare), so a text that says it counts as one that spells it out;
 * - a phrase of two words that names one thing gives that thing's stem
 *   after its words ("unmanned aerial vehicles" also says drone, "first aid
 *   kit" medkit);
 * - a lone C before a hyphen and a word it counters reads counter (C-UAS).
 * Only abbreviations a defence text means one way are listed (not SAR:
 * search and rescue, or synthetic aperture radar), and not CBRN, which
 * security research writes as one word far more than spelled out. Stems are
 * the tokeniser's. Pure; static tables. */
#ifndef DFNC_ENGINE_MATCH_ABBREV_H
#define DFNC_ENGINE_MATCH_ABBREV_H

#include <stdbool.h>

/* False for a stem that is in none of the tables below (most words): the
 * tokeniser asks it first. True for every stem that is, and for a few
 * others. */
bool match_abbrev_known(const char *stem);

/* The stem a synonym's stem is read as ("uav": "dron"), or NULL for a stem
 * that is not one. */
const char *match_abbrev_synonym(const char *stem);

/* What an abbreviation's stem stands for, as a text writes it ("ew":
 * "electronic warfare"), or NULL for a stem that is not one. */
const char *match_abbrev_expansion(const char *stem);

/* How many abbreviations the tables spell out, and the i-th one's words
 * (0 <= i < that; several abbreviations may stand for the same words). */
int match_abbrev_expansions_n(void);
const char *match_abbrev_expansion_words(int i);

/* Whether a lone C before word (lowercased, as the text writes it) reads
 * counter: C-UAS, C-IED, C-RAM; not C-130 or C-band. */
bool match_abbrev_counters(const char *word);

/* The stem of the thing that the two stems first, second (in a row;
 * synonyms already read) name ("unman", "aeri": "dron"), or NULL. */
const char *match_abbrev_phrase(const char *first, const char *second);

#endif
