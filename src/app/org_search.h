/* The directory's search (GET /search/organisations): the organisations the
 * filters let through, and with a text those whose name holds it or whose
 * words meet it (in either language, as the partner pages read words):
 * names first, then those with every word of the text, then those with
 * some of them (app_text_finds), each the words' best first; all counted,
 * the first `limit` listed. */
#ifndef DFNC_APP_ORG_SEARCH_H
#define DFNC_APP_ORG_SEARCH_H

#include <stdbool.h>

#include "app/match.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"
#include "store/web.h"

struct app_org_found {
    const char *id, *name, *name_uk, *country, *kind, *city;
    bool sme;
    /* found by its words: their hit, whose why says what they met; NULL when
     * found by its name, or when the search has no text */
    const struct match_hit *hit;
    /* found by its words, but by some of the text's words only: listed
     * after every one found by its name or by all of them */
    bool some_words;
};

struct app_org_search {
    struct app_org_found *list;   /* the first `limit`, in the arena */
    int n;
    int total;                    /* every organisation the search finds */
};

/* q's filters, and q->q as the text (d: the partner engine's data, needed
 * with a text only). DF_ERR_INPUT for a text with no word to match. */
int app_org_search(struct store *s, const struct app_match_data *d,
                   const struct store_web_org_query *q, int limit, struct arena *a,
                   struct app_org_search *out, struct df_err *err);

#endif
