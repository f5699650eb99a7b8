/* Joint procurement in the demo forum: plausible demands of the forum's
 * ministries and agencies (EU Member States' and Ukraine's, some Ukrainian ones
 * funded by donors) and supplies of its companies, and the figures `stats`
 * reports about them. */
#ifndef DFNC_APP_PROCURE_DEMO_H
#define DFNC_APP_PROCURE_DEMO_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* Inserts demands for the government organisations in the store and supplies
 * for its companies (from their division-35 offers), deterministic for seed.
 * Opens no transaction: call it inside the demo's. Does nothing without
 * government organisations or companies. */
int app_procure_demo_fill(struct store *s, unsigned seed, struct df_err *err);

struct procure_stats {
    int64_t demands, supplies, demanded_units;
    int64_t ua_demands, funded_demands, ua_supplies;
    const char *instrument;          /* the instrument of the plan below: "safe" */
    char as_of[11];                  /* today, UTC */
    int64_t lots, placed_demands, unplaced_demands;
    int64_t planned_units, unmet_units;
    double planned_value_eur;        /* sum of allocated quantity x unit price */
};

/* The figures, with a plan under SAFE as of today. */
int app_procure_stats(struct store *s, struct procure_stats *out, struct df_err *err);

#endif
