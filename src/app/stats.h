/* The forum figures as JSON, for `dfnc stats --json` and GET /api/v1/stats. */
#ifndef DFNC_APP_STATS_H
#define DFNC_APP_STATS_H

#include <jansson.h>
#include <stdbool.h>

#include "core/err.h"
#include "store/store.h"

/* {"participants","organisations","countries","eu_organisations","ua_organisations",
 * "requests","accepted","pending","declined","scheduled","events","capabilities"}
 * and, when with_procurement, "procurement": {...} (the planned joint lots under
 * SAFE; not for the anonymous public: it speaks of governments' demands).
 * A new reference (caller decrefs), NULL with err filled. */
json_t *app_stats_json(struct store *s, bool with_procurement, struct df_err *err);

#endif
