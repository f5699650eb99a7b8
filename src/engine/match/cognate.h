/* Cognates across English and Ukrainian: technical Ukrainian borrows its words
 * (технології and technology, платформа and platform, детектори and detectors),
 * and a word the bilingual lexicon never learned may still be spelled alike.
 * Both scripts are mapped to one skeleton: Cyrillic letters to their Latin
 * counterparts as loanwords carry them (х and ч to k, as in technology and
 * optical; г to g, as in hybrid), English digraphs folded (ph f, th t, ch k,
 * sh, and zh ж and kh х as Ukrainian names are transliterated: Zhytomyr),
 * c and z merged into k and s, vowels into three classes, doubled letters
 * once. Two stems of different scripts are cognates when one skeleton is the
 * other's beginning, at most MATCH_COGNATE_SLACK letters shorter (a suffix
 * the two languages spell apart). Short skeletons say too little, so only
 * those of MATCH_COGNATE_MIN consonants and MATCH_COGNATE_MIN_LETTERS letters
 * or more count. Pure. */
#ifndef DFNC_ENGINE_MATCH_COGNATE_H
#define DFNC_ENGINE_MATCH_COGNATE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/strmap.h"

/* A skeleton counts with this many consonants or more (радар, центр and
 * контр have three: too few to tell one word from another) ... */
#define MATCH_COGNATE_MIN 4
/* ... and this many letters, vowels counted (кристали is no crest, програм
 * no progress). */
#define MATCH_COGNATE_MIN_LETTERS 6
/* A longer skeleton gives none (a word of 60 letters is no loanword). */
#define MATCH_COGNATE_KEY_MAX 64

enum match_script { MATCH_SCRIPT_NONE, MATCH_SCRIPT_LATIN, MATCH_SCRIPT_CYRILLIC };

/* Writes the skeleton of a stem (lowercase, as the tokeniser makes it) into
 * key (cap bytes, NUL-terminated) and returns the stem's script; NONE, with
 * key empty, when the stem mixes scripts, has a digit or a letter outside
 * English and Ukrainian, or its skeleton is too short or too long for cap. */
enum match_script match_cognate_key(const char *stem, char *key, size_t cap);

/* How many letters longer than the other a matching skeleton may be
 * (технолог and technology: tiknolog, tiknologi). Two let in too many false
 * friends for a reason to show (презервативи and preservation). */
#define MATCH_COGNATE_SLACK 1

/* An index's vocabulary by skeleton. */
struct match_cognates {
    struct strmap bucket;    /* script and skeleton up to its MATCH_COGNATE_MIN-th consonant ->
                                bucket */
    int *first;              /* per bucket: its first term */
    int *next;               /* per term: the next term in its bucket, -1 at the end */
    const char **skeleton;   /* per term: its skeleton, NULL for none */
    int n;
    struct arena a;
};

/* Fills c from the n stems of a vocabulary (stems[i] is term i). 0, or -1
 * when out of memory (c then holds nothing to free). */
int match_cognates_build(struct match_cognates *c, const char *const *stems, int n);
void match_cognates_free(struct match_cognates *c);

/* Calls fn for each term of the other script whose skeleton matches stem's
 * (a stem of either script; none for a stem without a skeleton) until fn
 * returns nonzero, which it returns; 0 otherwise. */
int match_cognates_each(const struct match_cognates *c, const char *stem,
                        int (*fn)(void *ud, int term), void *ud);

#endif
