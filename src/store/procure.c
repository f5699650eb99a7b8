/* Demands, their funders and supplies (migration 4). */
#include "store/procure.h"

#include <string.h>

#include "store/store_internal.h"

static const char org_rid_sql[] = "SELECT rid FROM organisations WHERE id = ?";
static const char demand_rid_sql[] = "SELECT rid FROM demands WHERE id = ?";
static const char supply_rid_sql[] = "SELECT rid FROM supplies WHERE id = ?";

/* The organisation's rid, or DF_ERR_NOT_FOUND naming it. */
static sqlite3_int64 org_rid(struct store *s, const char *id, const char *role,
                             struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, org_rid_sql, id, err);
    if (rid == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "%s \"%.128s\" is not a known organisation", role,
                          id ? id : "");
    return rid;
}

/* Replaces the demand's funders with the ';'-separated list (blanks skipped). */
static int set_funders(struct store *s, sqlite3_int64 demand, const char *list,
                       struct df_err *err)
{
    static const char del_sql[] = "DELETE FROM demand_funders WHERE demand_rid = ?";
    static const char ins_sql[] =
        "INSERT OR IGNORE INTO demand_funders(demand_rid, country) VALUES (?, ?)";
    sqlite3_stmt *st = store_stmt(s, del_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, demand);
    if (store_step_done(s, st, err, "clearing a demand's funders") < 0)
        return -1;
    for (const char *p = list ? list : ""; *p;) {
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0) {
            if (!(st = store_stmt(s, ins_sql, err)))
                return -1;
            sqlite3_bind_int64(st, 1, demand);
            sqlite3_bind_text(st, 2, p, (int)n, SQLITE_TRANSIENT);
            if (store_step_done(s, st, err, "saving a funder") < 0)
                return -1;
        }
        p += n + (end != NULL);
    }
    return 0;
}

int store_demand_upsert(struct store *s, const struct store_demand *d, int *added,
                        struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO demands(id, buyer_rid, country, cpv, description, quantity, unit,"
        " deliver_by, max_unit_price_eur) VALUES (?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET buyer_rid=excluded.buyer_rid,"
        " country=excluded.country, cpv=excluded.cpv, description=excluded.description,"
        " quantity=excluded.quantity, unit=excluded.unit, deliver_by=excluded.deliver_by,"
        " max_unit_price_eur=excluded.max_unit_price_eur";
    sqlite3_int64 buyer = org_rid(s, d->buyer, "buyer", err);
    if (buyer < 0)
        return -1;
    sqlite3_int64 old = store_rid(s, demand_rid_sql, d->id, err);
    if (old < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, d->id);
    sqlite3_bind_int64(st, 2, buyer);
    store_bind_text(st, 3, d->country);
    store_bind_text(st, 4, d->cpv);
    store_bind_text(st, 5, d->description);
    sqlite3_bind_int64(st, 6, d->quantity);
    store_bind_text(st, 7, d->unit);
    store_bind_text(st, 8, d->deliver_by);
    sqlite3_bind_double(st, 9, d->max_unit_price_eur);
    if (store_step_done(s, st, err, "saving a demand") < 0)
        return -1;
    sqlite3_int64 rid = store_rid(s, demand_rid_sql, d->id, err);
    if (rid <= 0 || set_funders(s, rid, d->funders, err) < 0)
        return -1;
    if (added)
        *added = old == 0;
    return 0;
}

/* A demand's columns as demand_row reads them; the WHERE or ORDER follows. */
#define DEMAND_SELECT                                                                   \
    "SELECT d.id, o.id, d.country, d.cpv, d.description, d.unit, d.deliver_by,"         \
    " coalesce((SELECT group_concat(country, ';') FROM"                                 \
    "   (SELECT country FROM demand_funders f WHERE f.demand_rid = d.rid"              \
    "    ORDER BY country)), ''),"                                                      \
    " d.quantity, d.max_unit_price_eur"                                                 \
    " FROM demands d JOIN organisations o ON o.rid = d.buyer_rid"

/* The row st stands on (its text valid until st steps or resets). */
static struct store_demand demand_row(sqlite3_stmt *st)
{
    return (struct store_demand){
        .id = store_col(st, 0), .buyer = store_col(st, 1), .country = store_col(st, 2),
        .cpv = store_col(st, 3), .description = store_col(st, 4), .unit = store_col(st, 5),
        .deliver_by = store_col(st, 6), .funders = store_col(st, 7),
        .quantity = sqlite3_column_int64(st, 8),
        .max_unit_price_eur = sqlite3_column_double(st, 9),
    };
}

int store_demand_each(struct store *s, store_demand_fn fn, void *ud, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, DEMAND_SELECT " ORDER BY d.id", err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_demand d = demand_row(st);
        stop = fn(ud, &d);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing demands");
    sqlite3_reset(st);
    return stop;
}

int store_supply_upsert(struct store *s, const struct store_supply *x, int *added,
                        struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO supplies(id, org_rid, cpv, description, capacity_per_month,"
        " unit_price_eur, lead_time_days, production_country, eu_content_pct, ua_content_pct,"
        " unit) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET org_rid=excluded.org_rid, cpv=excluded.cpv,"
        " description=excluded.description, capacity_per_month=excluded.capacity_per_month,"
        " unit_price_eur=excluded.unit_price_eur, lead_time_days=excluded.lead_time_days,"
        " production_country=excluded.production_country,"
        " eu_content_pct=excluded.eu_content_pct, ua_content_pct=excluded.ua_content_pct,"
        " unit=excluded.unit";
    sqlite3_int64 org = org_rid(s, x->org, "organisation", err);
    if (org < 0)
        return -1;
    sqlite3_int64 old = store_rid(s, supply_rid_sql, x->id, err);
    if (old < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, x->id);
    sqlite3_bind_int64(st, 2, org);
    store_bind_text(st, 3, x->cpv);
    store_bind_text(st, 4, x->description);
    sqlite3_bind_int64(st, 5, x->capacity_per_month);
    sqlite3_bind_double(st, 6, x->unit_price_eur);
    sqlite3_bind_int(st, 7, x->lead_time_days);
    store_bind_text(st, 8, x->production_country);
    sqlite3_bind_double(st, 9, x->eu_content_pct);
    sqlite3_bind_double(st, 10, x->ua_content_pct);
    store_bind_text(st, 11, x->unit && *x->unit ? x->unit : NULL);
    if (store_step_done(s, st, err, "saving a supply") < 0)
        return -1;
    if (added)
        *added = old == 0;
    return 0;
}

/* A supply's columns as supply_row reads them; the WHERE or ORDER follows. */
#define SUPPLY_SELECT                                                                   \
    "SELECT x.id, o.id, x.cpv, x.description, x.production_country, o.country,"         \
    " x.capacity_per_month, x.unit_price_eur, x.eu_content_pct, x.lead_time_days,"      \
    " x.ua_content_pct, x.unit"                                                         \
    " FROM supplies x JOIN organisations o ON o.rid = x.org_rid"

static struct store_supply supply_row(sqlite3_stmt *st)
{
    return (struct store_supply){
        .id = store_col(st, 0), .org = store_col(st, 1), .cpv = store_col(st, 2),
        .description = store_col(st, 3), .production_country = store_col(st, 4),
        .org_country = store_col(st, 5), .capacity_per_month = sqlite3_column_int64(st, 6),
        .unit_price_eur = sqlite3_column_double(st, 7),
        .eu_content_pct = sqlite3_column_double(st, 8),
        .lead_time_days = sqlite3_column_int(st, 9),
        .ua_content_pct = sqlite3_column_double(st, 10), .unit = store_col(st, 11),
    };
}

int store_supply_each(struct store *s, store_supply_fn fn, void *ud, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, SUPPLY_SELECT " ORDER BY x.id", err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_supply x = supply_row(st);
        stop = fn(ud, &x);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing supplies");
    sqlite3_reset(st);
    return stop;
}

/* Steps st, a query of one row, and reads its first n columns into out. */
static int read_counts(struct store *s, sqlite3_stmt *st, int64_t *const *out, int n,
                       const char *what, struct df_err *err)
{
    int rc = 0;
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = store_fail(s, err, what);
    for (int k = 0; rc == 0 && k < n; k++)
        *out[k] = sqlite3_column_int64(st, k);
    sqlite3_reset(st);
    return rc;
}

int store_procure_counts(struct store *s, int64_t *demands, int64_t *supplies,
                         int64_t *demanded_units, struct df_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM demands), (SELECT count(*) FROM supplies),"
        " (SELECT coalesce(sum(quantity), 0) FROM demands)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    return st ? read_counts(s, st, (int64_t *const[]){demands, supplies, demanded_units}, 3,
                            "counting demands and supplies", err)
              : -1;
}

int store_procure_org_counts(struct store *s, const char *org, int64_t *demands,
                             int64_t *supplies, struct df_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM demands d JOIN organisations o ON o.rid = d.buyer_rid"
        "        WHERE o.id = ?1),"
        " (SELECT count(*) FROM supplies x JOIN organisations o ON o.rid = x.org_rid"
        "  WHERE o.id = ?1)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, org);
    return read_counts(s, st, (int64_t *const[]){demands, supplies}, 2,
                       "counting an organisation's demands and supplies", err);
}

/* Steps st (id bound) once: 1 with the row's text copied into a by copy,
 * 0 when there is none, -1 with err. */
static int one_row(struct store *s, sqlite3_stmt *st, int (*copy)(sqlite3_stmt *, struct arena *,
                                                                   void *),
                   struct arena *a, void *out, const char *what, struct df_err *err)
{
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW)
        found = copy(st, a, out) == 0 ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    else if (rc != SQLITE_DONE)
        found = store_fail(s, err, what);
    sqlite3_reset(st);
    return found;
}

/* *p's text, copied into a: 0, or -1 when memory ran out. */
static int keep(struct arena *a, const char **p)
{
    if (*p && !(*p = arena_strdup(a, *p)))
        return -1;
    return 0;
}

static int copy_demand(sqlite3_stmt *st, struct arena *a, void *out)
{
    struct store_demand *d = out;
    *d = demand_row(st);
    const char **text[] = {&d->id, &d->buyer, &d->country, &d->cpv, &d->description,
                           &d->unit, &d->deliver_by, &d->funders};
    for (size_t k = 0; k < sizeof text / sizeof *text; k++)
        if (keep(a, text[k]) < 0)
            return -1;
    return 0;
}

static int copy_supply(sqlite3_stmt *st, struct arena *a, void *out)
{
    struct store_supply *x = out;
    *x = supply_row(st);
    const char **text[] = {&x->id, &x->org, &x->cpv, &x->description, &x->production_country,
                           &x->org_country, &x->unit};
    for (size_t k = 0; k < sizeof text / sizeof *text; k++)
        if (keep(a, text[k]) < 0)
            return -1;
    return 0;
}

int store_demand_get(struct store *s, const char *id, struct arena *a, struct store_demand *d,
                     struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, DEMAND_SELECT " WHERE d.id = ?", err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    return one_row(s, st, copy_demand, a, d, "reading a demand", err);
}

int store_supply_get(struct store *s, const char *id, struct arena *a, struct store_supply *x,
                     struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, SUPPLY_SELECT " WHERE x.id = ?", err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    return one_row(s, st, copy_supply, a, x, "reading a supply", err);
}

/* The organisation (its id, into a) of the row that sql finds by id: 1, 0
 * when there is none, -1 with err. */
static int owner(struct store *s, const char *sql, const char *id, struct arena *a,
                 const char **org, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    int rc = sqlite3_step(st);
    int found = 0;
    if (rc == SQLITE_ROW) {
        found = (*org = arena_strdup(a, store_col(st, 0))) ? 1
                : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    } else if (rc != SQLITE_DONE) {
        found = store_fail(s, err, "finding a demand's or supply's organisation");
    }
    sqlite3_reset(st);
    return found;
}

int store_demand_buyer(struct store *s, const char *id, struct arena *a, const char **buyer,
                       struct df_err *err)
{
    static const char sql[] = "SELECT o.id FROM demands d JOIN organisations o"
                              " ON o.rid = d.buyer_rid WHERE d.id = ?";
    return owner(s, sql, id, a, buyer, err);
}

int store_supply_org(struct store *s, const char *id, struct arena *a, const char **org,
                     struct df_err *err)
{
    static const char sql[] = "SELECT o.id FROM supplies x JOIN organisations o"
                              " ON o.rid = x.org_rid WHERE x.id = ?";
    return owner(s, sql, id, a, org, err);
}

/* Runs the DELETE sql for id: 1 when a row went, 0 when there was none. */
static int delete_by_id(struct store *s, const char *sql, const char *id, const char *what,
                        struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    if (store_step_done(s, st, err, what) < 0)
        return -1;
    return sqlite3_changes(s->db) > 0;
}

int store_demand_delete(struct store *s, const char *id, struct df_err *err)
{
    /* demand_funders go with it (ON DELETE CASCADE) */
    return delete_by_id(s, "DELETE FROM demands WHERE id = ?", id, "removing a demand", err);
}

int store_supply_delete(struct store *s, const char *id, struct df_err *err)
{
    return delete_by_id(s, "DELETE FROM supplies WHERE id = ?", id, "removing a supply", err);
}
