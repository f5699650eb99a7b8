/* The figures of EU rules as data/instruments.json and data/consortia.json
 * write them, {"value": 3, "article": "Art. 10", "status": "secondary", ...},
 * read as numbers and cited in words. */
#ifndef DFNC_APP_RULE_TEXT_H
#define DFNC_APP_RULE_TEXT_H

#include <jansson.h>

#include "core/arena.h"
#include "core/err.h"

/* The "value" of rules[key]; DF_ERR_INPUT naming the key when it is missing or
 * not a number. */
int app_rule_figure(json_t *rules, const char *key, double *out, struct df_err *err);
/* "what (article, status); " for rules[key], "" when the figure is absent;
 * in arena a (NULL when it runs out). */
const char *app_rule_cite(json_t *rules, const char *key, const char *what, struct arena *a);

#endif
