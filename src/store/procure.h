/* The store's joint-procurement tables: demands (with their funder countries)
 * and supplies. Records given to *_each callbacks point into SQLite's memory and
 * are valid only during the call; copy what you keep. */
#ifndef DFNC_STORE_PROCURE_H
#define DFNC_STORE_PROCURE_H

#include <stdint.h>

#include "core/arena.h"
#include "store/store.h"

struct store_demand {
    const char *id, *buyer, *country, *cpv, *description, *unit, *deliver_by;
    const char *funders;            /* funder countries joined by ';', "" when none */
    int64_t quantity;
    double max_unit_price_eur;
};

struct store_supply {
    const char *id, *org, *cpv, *description, *production_country;
    const char *org_country;        /* joined in by store_supply_each */
    const char *unit;               /* what capacity and price count; NULL: not stated */
    int64_t capacity_per_month;
    double unit_price_eur, eu_content_pct;
    double ua_content_pct;          /* components from Ukraine, 0 when not given */
    int lead_time_days;
};

/* Inserts or updates by id (funders are replaced). The buyer organisation must
 * exist: DF_ERR_NOT_FOUND otherwise. *added (may be NULL) is 1 when inserted. */
int store_demand_upsert(struct store *s, const struct store_demand *d, int *added,
                        struct df_err *err);
typedef int (*store_demand_fn)(void *ud, const struct store_demand *d);
/* In id order; a non-zero return from fn stops the walk and is returned. */
int store_demand_each(struct store *s, store_demand_fn fn, void *ud, struct df_err *err);

/* The organisation must exist: DF_ERR_NOT_FOUND otherwise. */
int store_supply_upsert(struct store *s, const struct store_supply *x, int *added,
                        struct df_err *err);
typedef int (*store_supply_fn)(void *ud, const struct store_supply *x);
int store_supply_each(struct store *s, store_supply_fn fn, void *ud, struct df_err *err);

/* Demand or supply id, its text copied into a: 1, 0 when there is no such
 * row, -1 with err. */
int store_demand_get(struct store *s, const char *id, struct arena *a, struct store_demand *d,
                     struct df_err *err);
int store_supply_get(struct store *s, const char *id, struct arena *a, struct store_supply *x,
                     struct df_err *err);

/* The organisation of demand id (its buyer's id) or of supply id, copied
 * into a: 1, 0 when there is no such demand or supply, -1 with err. */
int store_demand_buyer(struct store *s, const char *id, struct arena *a, const char **buyer,
                       struct df_err *err);
int store_supply_org(struct store *s, const char *id, struct arena *a, const char **org,
                     struct df_err *err);
/* Removes demand id (its funders with it) or supply id: 1, 0 when there was
 * none, -1 with err. */
int store_demand_delete(struct store *s, const char *id, struct df_err *err);
int store_supply_delete(struct store *s, const char *id, struct df_err *err);

/* Counts of demands and supplies, and the summed demanded quantity. */
int store_procure_counts(struct store *s, int64_t *demands, int64_t *supplies,
                         int64_t *demanded_units, struct df_err *err);
/* Counts of organisation org's demands (as their buyer) and supplies: what
 * decides whether its people have a joint-procurement page. */
int store_procure_org_counts(struct store *s, const char *org, int64_t *demands,
                             int64_t *supplies, struct df_err *err);

#endif
