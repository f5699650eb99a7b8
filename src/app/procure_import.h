/* Row functions of `dfnc import demands|supplies`, registered in the kinds table
 * of app/import.c (which runs the transaction and adds FILE:LINE). */
#ifndef DFNC_APP_PROCURE_IMPORT_H
#define DFNC_APP_PROCURE_IMPORT_H

#include "app/import.h"

/* id,buyer,country,cpv,description,quantity,unit,deliver_by,max_unit_price_eur,
 * funder_countries (funders separated by ';'). */
extern const char *const app_procure_demand_columns[];
int app_procure_demand_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err);

/* id,organisation,cpv,description,capacity_per_month,unit_price_eur,
 * lead_time_days,production_country,eu_content_pct */
extern const char *const app_procure_supply_columns[];
int app_procure_supply_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err);

#endif
