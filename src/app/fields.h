/* Checks of the profile fields that every way in makes, the CSV imports
 * (import.c, which adds FILE:LINE) and the HTTP API alike, so a value one
 * refuses the other cannot store: an organisation's website, a person's
 * languages. */
#ifndef DFNC_APP_FIELDS_H
#define DFNC_APP_FIELDS_H

#include "core/err.h"

/* A website the web UI may link: an http:// or https:// URL (scheme case
 * aside) with a host, and no space or control byte anywhere. javascript:,
 * data: and the like never pass. 0, or -1 with DF_ERR_INPUT. */
int app_website_check(const char *v, struct df_err *err);

/* A person's languages: ISO 639-1 codes, two lower-case letters, separated
 * by single ';' ("en;uk;fr"); "" is none known. They drive meeting
 * suggestions and interpreter needs. 0, or -1 with DF_ERR_INPUT. */
int app_languages_check(const char *v, struct df_err *err);

#endif
