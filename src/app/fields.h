/* Checks of the fields that every way in makes, the CSV imports (import.c,
 * which adds FILE:LINE) and the HTTP API alike, so a value one refuses the
 * other cannot store: ids, an organisation's website, a person's languages. */
#ifndef DFNC_APP_FIELDS_H
#define DFNC_APP_FIELDS_H

#include <stdbool.h>

#include "core/err.h"

#define APP_ID_MAX 128   /* bytes */

/* An id a way in creates or names (an organisation, a person, a request, an
 * event and its programme, an interpreter...) is a path segment of the API
 * (/events/{id}/sessions/{session}): 1 to APP_ID_MAX letters A-Z and a-z,
 * digits, '.', '_' and '-', and not "." or "..". What the API could never
 * address is refused wherever it comes in. 0, or -1 with DF_ERR_INPUT naming
 * what (such as "sessions[2].id" or "organisation") and the id. */
int app_id_check(const char *what, const char *id, struct df_err *err);

/* A website the web UI may link: an http:// or https:// URL (scheme case
 * aside) with a host; no user name before an '@' (https://evil.eu@x.eu shows
 * one host and goes to another); a host of ASCII letters, digits, '.', '-'
 * and a port (no '%' escape, no other script: xn-- form); and no space,
 * control or invisible format character (bidi controls, zero-width spaces)
 * anywhere. javascript:, data: and the like never pass. 0, or -1 with
 * DF_ERR_INPUT. */
int app_website_check(const char *v, struct df_err *err);

/* Whether the two letters at code are an ISO 639-1 language code. */
bool app_language_is_known(const char *code);

/* A person's languages: ISO 639-1 codes (from the standard's list), two
 * lower-case letters, each once, separated by single ';' ("en;uk;fr"); ""
 * is none known. They drive meeting suggestions and interpreter needs. 0,
 * or -1 with DF_ERR_INPUT. */
int app_languages_check(const char *v, struct df_err *err);

#endif
