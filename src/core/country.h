/* Countries as ISO 3166-1 alpha-2 codes, with what the forum needs to know of
 * them: EU membership, EEA-EFTA association, and names in English and Ukrainian
 * for the countries a DFNC forum sees most. */
#ifndef DFNC_CORE_COUNTRY_H
#define DFNC_CORE_COUNTRY_H

#include <stdbool.h>

/* True for any of the 249 officially assigned ISO 3166-1 alpha-2 codes (upper case),
 * and for XK, Kosovo: no ISO code is assigned, and the EU (CORDIS among its data)
 * writes XK. */
bool country_is_known(const char *alpha2);
/* The 27 EU Member States. */
bool country_is_eu_member(const char *alpha2);
/* Norway, Iceland, Liechtenstein: associated with the EU defence programmes. */
bool country_is_eea_efta(const char *alpha2);
/* Either of the two: the European side of an EU-Ukraine pair. */
bool country_is_europe(const char *alpha2);
bool country_is_ukraine(const char *alpha2);
/* Whether two organisations' countries make an EU-Ukraine pair: one of the
 * EU or EEA-EFTA (country_is_europe), the other Ukraine, in either order. */
bool country_is_eu_ua_pair(const char *a, const char *b);
/* Moldova, to which EDIRPA may extend quantities as to Ukraine. */
bool country_is_moldova(const char *alpha2);
/* English / Ukrainian name, or the code itself when dfnc has no name for it. */
const char *country_name_en(const char *alpha2);
const char *country_name_uk(const char *alpha2);
/* CORDIS writes Greece as EL and the United Kingdom as UK; this gives the ISO
 * code for a CORDIS code (or the input when it already is one), NULL if unknown. */
const char *country_from_ec_code(const char *ec);

#endif
