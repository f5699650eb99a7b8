/* Joint procurement as the web and the API show it: the instruments a person
 * may pick, and a plan seen as each caller may see it: an organiser the whole
 * of it, a person of a buyer or supplier organisation only that
 * organisation's demands and supplies (other buyers' quantities and prices,
 * other suppliers' prices stay out). */
#ifndef DFNC_APP_PROCURE_VIEW_H
#define DFNC_APP_PROCURE_VIEW_H

#include <jansson.h>

#include "app/procure.h"
#include "store/procure.h"

/* The embedded instruments, each its data object (figures with their
 * article and status) plus "rules", the figures in words as `dfnc procure
 * plan` prints them: {"instruments": [...]}, a new reference; NULL with err. */
json_t *app_procure_instruments(struct df_err *err);

/* The plan for a request's parameters, from the server's shared cache
 * (procure_cache.h): read-only, released with app_procure_cache_release. An
 * unknown instrument is DF_ERR_NOT_FOUND (the message names the known ones),
 * an as_of that is not a date YYYY-MM-DD from APP_PROCURE_AS_OF_FIRST to
 * APP_PROCURE_AS_OF_LAST is DF_ERR_INPUT (as_of NULL: today); NULL then. */
const struct app_procure_plan *app_procure_plan_asked(struct store *s, const char *instrument,
                                                      const char *as_of, struct df_err *err);

/* The whole plan, as app_procure_plan_json, with "demands" and "supplies"
 * (each row with its organisation's id, named in "organisations"; a supply
 * with "allocated", the quantity the plan gives it) and "cpv_labels" ({code: {"en",
 * "uk"}} for every demand's and supply's code): for organisers only. A new
 * reference; NULL with err. */
json_t *app_procure_whole_view(struct store *s, const struct app_procure_plan *p,
                               struct df_err *err);

/* What a person of organisation org sees (org NULL: a login without one): the
 * plan's instrument, rules and date, its own demands, each with its lot
 * (id, CPV group, countries) or the reason it is unplaced and the
 * allocations to it (supplier's name and country, quantity, unit price),
 * and its own supplies, each with what the plan allocates to it (the
 * demand's country, CPV, quantity, unit price, deliver-by). An organisation
 * with neither gets both lists empty. A new reference; NULL with err. */
json_t *app_procure_org_view(struct store *s, const struct app_procure_plan *p, const char *org,
                             struct df_err *err);

/* A demand (d) or supply (x; d NULL) as stored, under the names the API's
 * POST and PUT take, so that a form filled from it and sent back changes
 * only what was changed: a demand's "buyer", "country", "cpv",
 * "description", "quantity", "unit", "deliver_by", "max_unit_price_eur",
 * "funder_countries"; a supply's "organisation", "cpv", "description",
 * "capacity_per_month", "unit_price_eur", "lead_time_days",
 * "production_country", "eu_content_pct", "ua_content_pct"; each with its
 * "id". A new reference. */
json_t *app_procure_item_json(const struct store_demand *d, const struct store_supply *x);

/* Whether org's people (kind: the organisation's, or NULL) have the joint
 * procurement page: one that buys or sells (a government's ministry or
 * agency, a company) may state its first demand or offer there, and any
 * other that has demands or supplies sees them. False for no org. */
int app_procure_org_takes_part(struct store *s, const char *org, const char *kind, bool *out,
                               struct df_err *err);

#endif
