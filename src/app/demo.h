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

struct app_demo_summary {
    int organisations, eu_organisations, ua_organisations, countries;
    int people, capabilities, requests, accepted, slots, tables;
};

/* Fills an EMPTY database (DF_ERR_CONFLICT if it already has organisations) in
 * one transaction. */
int app_demo_fill(struct store *s, unsigned long long seed, struct app_demo_summary *out,
                  struct df_err *err);

#endif
