/* Checks of the fields that every way in makes, the CSV imports (import.c,
 * which adds FILE:LINE), the HTTP API and `dfnc check` (check.c, which
 * judges stored rows by them) alike, so a value one refuses the others
 * cannot store or pass: ids, countries, an organisation's kind and website,
 * e-mails, a person's languages, CPV codes, time zones, texts' lengths. */
#ifndef DFNC_APP_FIELDS_H
#define DFNC_APP_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

struct arena;
struct store;

#define APP_ID_MAX 128            /* bytes */
#define APP_TEXT_MAX (16 * 1024)  /* bytes of a description or a message */
#define APP_WEBSITE_MAX 500        /* bytes of an organisation's website read bare */
#define APP_PUBLIC_URL_MAX 256    /* bytes of serve's and invite's --public-url: feed URLs
                                     and invitation links begin with it */

/* An id a way in creates or names (an organisation, a person, a request, an
 * event and its programme, an interpreter...) is a path segment of the API
 * (/events/{id}/sessions/{session}): 1 to APP_ID_MAX letters A-Z and a-z,
 * digits, '.', '_' and '-', and not "." or "..". What the API could never
 * address is refused wherever it comes in. 0, or -1 with DF_ERR_INPUT naming
 * what (such as "sessions[2].id" or "organisation") and the id. */
int app_id_check(const char *what, const char *id, struct df_err *err);

/* A session's slots are named after it, "SESSION-01" (up to "-999"): its id
 * leaves them room within APP_ID_MAX. */
#define APP_SESSION_ID_MAX (APP_ID_MAX - 4)
/* A session's id: app_id_check, and at most APP_SESSION_ID_MAX bytes. */
int app_session_id_check(const char *what, const char *id, struct df_err *err);

/* A website the web UI may link: an http:// or https:// URL (scheme case
 * aside) with a host; no user name before an '@' (https://evil.eu@x.eu shows
 * one host and goes to another); a host of ASCII letters, digits, '.', '-'
 * and a port (no '%' escape, no other script: xn-- form); and no space,
 * control or invisible format character (bidi controls, zero-width spaces)
 * anywhere. javascript:, data: and the like never pass. 0, or -1 with
 * DF_ERR_INPUT. */
int app_website_check(const char *v, struct df_err *err);

/* A website as a person or a spreadsheet writes it, in the form stored: a
 * bare host (www.acme.de, acme.de/en) is read as http:// (written into buf,
 * which holds cap bytes), as CORDIS writes most of its own; one with a
 * scheme is taken as it is (javascript:, mailto: stay refused). Then
 * app_website_check judges it. The form to store (v or buf), or NULL with
 * DF_ERR_INPUT. Every way in that takes a website from a file reads it so. */
const char *app_website_read(const char *v, char *buf, size_t cap, struct df_err *err);

/* Whether the two letters at code are an ISO 639-1 language code. */
bool app_language_is_known(const char *code);

/* A person's languages: ISO 639-1 codes (from the standard's list), two
 * lower-case letters, each once, separated by single ';' ("en;uk;fr"); ""
 * is none known. They drive meeting suggestions and interpreter needs. 0,
 * or -1 with DF_ERR_INPUT. */
int app_languages_check(const char *v, struct df_err *err);

/* An ISO 3166 alpha-2 code as dfnc stores it: upper case ("DE", not "de":
 * the ways in upper-case what they are sent first, app_country_upper). what
 * names the field ("country", "production_country"). 0, or -1 with
 * DF_ERR_INPUT. */
int app_country_check(const char *what, const char *v, struct df_err *err);

/* v upper-cased into out when it has two bytes (the form app_country_check
 * judges), returning out; v itself otherwise, for the check to refuse. */
const char *app_country_upper(const char *v, char out[3]);

/* An organisation's kind: company, research, government, association or
 * other. */
int app_org_kind_check(const char *v, struct df_err *err);
/* How a person takes part: app_attendance_word folds the words a spreadsheet
 * may use ("On site", "remote", "онлайн") to "onsite" or "online" (static
 * strings; anything else is returned as given), and app_attendance_check
 * refuses anything but those two, naming field. */
const char *app_attendance_word(const char *v);
/* An event's video service, whose rooms are made by naming them after its
 * address (Jitsi Meet: https://meet.jit.si): https, at most 200 bytes, no
 * query, fragment, space or quote. 0, or -1 with DF_ERR_INPUT. */
int app_video_url_check(const char *v, struct df_err *err);
int app_attendance_check(const char *field, const char *v, struct df_err *err);

/* The kind v names in any letter case ("Company"), as dfnc stores it
 * ("company", static); v itself when it names none, for the check to refuse. */
const char *app_org_kind_word(const char *v);

/* The words a yes-or-no column takes, as a spreadsheet user writes them in
 * English or Ukrainian: said in the refusal. */
#define APP_YES_NO_WORDS "yes/no, true/false, y/n, 1/0 or так/ні"

/* A yes-or-no word (APP_YES_NO_WORDS) in any letter case, Cyrillic's too
 * (Excel writes TRUE, a person Yes or Так): 1 for yes, 0 for no, -1 when v
 * is none of them. */
int app_yes_no_word(const char *v);

/* An e-mail address as far as dfnc judges one: an '@' and at most 254 bytes
 * (RFC 5321's path limit). what names the field ("email"). */
int app_email_check(const char *what, const char *v, struct df_err *err);

/* "what is longer than max bytes" in err, coded too_long (max) for a page
 * (docs/api.md "Words for a page"); returns -1. */
int app_too_long(struct df_err *err, const char *what, int max);

/* A description or a message: at most APP_TEXT_MAX bytes (v NULL passes). */
int app_text_length_check(const char *what, const char *v, struct df_err *err);

/* A CPV code's form (eight digits, a dash, a check digit) and, once a
 * classifier is loaded (dfnc import cpv), that it is in it (the check digit
 * cannot be recomputed: core/cpv.h). 0, -1 with DF_ERR_INPUT, or -1 with the
 * store's error. */
int app_cpv_check(struct store *s, const char *code, struct df_err *err);

/* A time zone libical knows by its IANA name (Europe/Brussels). */
int app_timezone_check(const char *v, struct df_err *err);

/* A demand is its buyer's state's: the planner counts the demand's country
 * toward an instrument's minimum of states, so another one would count a
 * state that is not procuring. buyer and buyer_country are the buyer
 * organisation's id and country. */
int app_demand_country_check(const char *country, const char *buyer, const char *buyer_country,
                             struct df_err *err);

/* The ranges of a demand's and a supply's numbers. */
#define APP_QUANTITY_MAX 1000000000LL   /* a quantity, a capacity per month */
#define APP_PRICE_MAX 1e9               /* EUR per unit */
#define APP_LEAD_TIME_MAX 3650          /* days */

/* A whole number in [min, max]: text is the value as given (quoted in the
 * sentence), v the number read from it, NULL when it is none. */
int app_whole_check(const char *what, const char *text, const long long *v, long long min,
                    long long max, struct df_err *err);
/* A finite number in [min, max], alike. */
int app_number_check(const char *what, const char *text, const double *v, double min,
                     double max, struct df_err *err);

/* A price in EUR per unit: a cent at least (nothing is bought or sold for
 * nothing, and the planner counts cents: 0.004 would be planned as 0) and
 * at most APP_PRICE_MAX; text and v as for app_number_check. */
#define APP_PRICE_MIN 0.01
int app_price_check(const char *what, const char *text, const double *v, struct df_err *err);

/* A demand's unit ("shell", "drone", "шт."): one line of at most APP_UNIT_MAX
 * bytes. */
#define APP_UNIT_MAX 64
int app_unit_check(const char *v, struct df_err *err);

/* A demand's deliver_by: a real date YYYY-MM-DD. */
int app_deliver_by_check(const char *v, struct df_err *err);

/* A supply's EU and associated and Ukrainian content shares, each checked
 * 0-100 where it is read, together at most 100%. */
int app_content_pct_check(double eu, double ua, struct df_err *err);

/* The items of a `;`-separated list as a person types it ("t-1; t-2"): the
 * spaces around each aside, empty ones skipped, copied into a. *items gets
 * them in order; returns how many, or -1 (err) when out of memory. */
int app_list_items(struct arena *a, const char *list, const char ***items, struct df_err *err);

#endif
