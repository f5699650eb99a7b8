/* The CPV classifier's lookup, for the web pages' code picker: codes by
 * their leading digits, or by the words of their labels in English or
 * Ukrainian, as a person types them. */
#ifndef DFNC_APP_CPV_H
#define DFNC_APP_CPV_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* The most codes a lookup finds (the classifier has 9,454). */
#define APP_CPV_FOUND_MAX 20000

struct app_cpv_hit {
    const char *code, *label_en, *label_uk;   /* a label may be NULL */
};

/* The codes q finds, best first. Two to eight digits (and "-..." after)
 * find the codes starting with them, broader codes first; any other text
 * finds the labels in the language uk says (a code without one: its other
 * label) where a word starts with q, at the label's start first, then the
 * labels that have every word the partner engine reads in q ("дрон",
 * "UAV": "Безпілотні літальні апарати", app_terms_of); when no label there
 * finds it, the other language's labels ("дрон" in the English picker).
 * Ties by code. At most limit (>= 1) into *hits, in arena a (the labels
 * too); *found gets how many were found (at most APP_CPV_FOUND_MAX). 0, or
 * -1 with err (DF_ERR_INPUT for a q too long). */
int app_cpv_lookup(struct store *s, const char *q, bool uk, int limit, struct arena *a,
                   struct app_cpv_hit **hits, int *hits_n, int *found, struct df_err *err);

#endif
