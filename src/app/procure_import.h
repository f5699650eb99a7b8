/* Reading a demand or a supply, from a CSV row of `dfnc import
 * demands|supplies` (the row functions, registered in the kinds table of
 * app/import.c, which runs the transaction and adds FILE:LINE; every problem
 * of a row is said, as the other imports say them) or from an API body
 * (app/procure_edit.c; the first problem is said, naming its field): one
 * set of checks for both. */
#ifndef DFNC_APP_PROCURE_IMPORT_H
#define DFNC_APP_PROCURE_IMPORT_H

#include <stdbool.h>

#include "app/import.h"
#include "store/procure.h"

#define APP_FUNDERS_MAX 32   /* funder countries of one demand */

/* Where a demand's or supply's fields come from: get(ud, name) gives a
 * field's text (NULL or "" when absent), valid until the read returns or,
 * for what the record points at, as long as ud's data. */
struct app_procure_in {
    const char *(*get)(void *ud, const char *name);
    void *ud;
    bool csv;            /* a CSV row: messages say "column", as the importer's do */
    const char *today;   /* "YYYY-MM-DD": a deliver_by before it is refused; NULL: not
                            checked (an import may hold past demands, for plans as of
                            a past date) */
    const char *bad;     /* out of the _read functions: the field of the first problem
                            (its name), NULL when none */
    char country[3];     /* the country upper-cased, which the record points at */
    char funders[APP_FUNDERS_MAX * 3 + 1];   /* the funders normalised, alike */
};

/* Reads and checks a demand (its fields named as the CSV columns below;
 * funder_countries ';'-separated) into *d, which points into in and ud's
 * data. 0, or -1 with err, the first problem met (DF_ERR_INPUT naming the
 * field, in->bad set to it; or the store's error). Prices above 0. */
int app_procure_demand_read(struct store *s, struct app_procure_in *in, struct store_demand *d,
                            struct df_err *err);
/* The same for a supply. */
int app_procure_supply_read(struct store *s, struct app_procure_in *in, struct store_supply *x,
                            struct df_err *err);

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
