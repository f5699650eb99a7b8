/* CPV 2008 codes (Regulation (EC) 213/2008): "35613000-4" is eight digits, a dash
 * and a check digit. The hierarchy is in the digits: trailing zeros end a level,
 * so 35613000 lies inside 35610000, 35600000 and division 35000000.
 *
 * The check digit cannot be recomputed: the formula the EU publishes does not
 * reproduce the digits of CPV 2008 itself (OP-TED/ePO discussion #589). dfnc
 * therefore checks the form here and the digit against the loaded classifier
 * (store: cpv table, filled by `dfnc import cpv`). */
#ifndef DFNC_CORE_CPV_H
#define DFNC_CORE_CPV_H

#include <stdbool.h>

/* "DDDDDDDD-D". */
bool cpv_is_well_formed(const char *code);
/* Number of significant leading digits (2 = division ... 8 = most specific);
 * 0 when malformed. */
int cpv_level_digits(const char *code);
/* True when `inner` lies inside `outer` (or equals it), by the digits alone. */
bool cpv_is_within(const char *inner, const char *outer);
/* Copies the first n digits of code into out (n+1 bytes). */
void cpv_prefix(const char *code, int n, char *out);

#endif
