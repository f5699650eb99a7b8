/* The demo forum: a generated forum shaped like DFNC2: EU Edition (Brussels),
 * deterministic for a seed: 500+ participants, 100+ European and 30+ Ukrainian
 * organisations from 20+ countries, capabilities over CPV division 35 and
 * related codes, a two-day programme of B2B sessions with tables, and meeting
 * requests shaped like real ones. */
#ifndef DFNC_APP_DEMO_H
#define DFNC_APP_DEMO_H

#include "core/err.h"
#include "store/store.h"

#define APP_DEMO_EVENT "dfnc2-eu-2027"

#define APP_DEMO_SHOWCASE 5

struct app_demo_summary {
    int organisations, eu_organisations, ua_organisations, countries;
    int people, capabilities, requests, accepted, slots, tables;
    /* People worth signing in as, each the main contact of their organisation:
     * a Ukrainian drone maker, an EU ministry, an EU counter-drone SME, Ukraine's
     * ministry of defence, an EU prime. */
    char showcase[APP_DEMO_SHOWCASE][16];
    const char *showcase_what[APP_DEMO_SHOWCASE];
};

/* Fills an EMPTY database (DF_ERR_CONFLICT if it already has organisations) in
 * one transaction. */
int app_demo_fill(struct store *s, unsigned long long seed, struct app_demo_summary *out,
                  struct df_err *err);

#endif
