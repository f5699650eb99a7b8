/* Consortium checks as a use-case: an EU programme's rule (the embedded
 * data/consortia.json), the organisations' countries from the store, the
 * engine's verdict (engine/match/consortium.h) and the fewest of a ranked list
 * of partners that would complete the consortium, as JSON for the CLI and
 * the API. */
#ifndef DFNC_APP_CONSORTIUM_H
#define DFNC_APP_CONSORTIUM_H

#include <jansson.h>

#include "core/arena.h"
#include "core/err.h"
#include "engine/match/consortium.h"
#include "store/store.h"

/* The embedded data/consortia.json (NUL-terminated). */
extern const char app_consortia_json[];

/* Members and candidates a check takes, at most (a consortium of 50 is
 * already beyond any call's). */
#define APP_CONSORTIUM_MAX 100

struct app_programme {
    struct consortium_rules rules;     /* rules.name points into the arena */
    const char *title, *regulation, *url;
    /* "at least 3 eligible entities (Art. 10, secondary); ...": each figure
     * with its article and status */
    const char *citations;
    const char *not_checked;           /* what the rule asks that dfnc cannot know, or "" */
};

/* Finds programme name (case aside) in the embedded rules into *out (strings in
 * a); DF_ERR_NOT_FOUND naming the known ones when there is none. */
int app_consortium_programme(const char *name, struct arena *a, struct app_programme *out,
                             struct df_err *err);

/* {"programmes": [each programme as written, with "rules": its citations]}; a
 * new reference (caller decrefs), NULL with err. */
json_t *app_consortium_programmes(struct df_err *err);

/* Judges the consortium of organisations members[0..n) under programme, and
 * which of candidates[0..cands_n) (the best first) would complete it, fewest
 * first: {"programme": {"name","title","regulation","url","rules","not_checked"},
 * "meets", "entities", "countries", "entities_missing", "countries_missing",
 * "members": [{"org","name","name_uk","country","class","counts"}],
 * "candidates": [the same], "complete_with": [org ids] or null when even all
 * the candidates would not}. "class" is eu, eea_efta, ukraine, moldova or
 * other. A new reference (caller decrefs), NULL with err: DF_ERR_NOT_FOUND
 * for an unknown programme or organisation (named), DF_ERR_USAGE for no
 * members or more than APP_CONSORTIUM_MAX of either list. */
json_t *app_consortium_check(struct store *s, const char *programme, const char *const *members,
                             int n, const char *const *candidates, int cands_n,
                             struct df_err *err);

#endif
