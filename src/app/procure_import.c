/* Validating demands and supplies before they reach the store, from a CSV row
 * or from an API body alike: every field a planner relies on (CPV,
 * quantities, prices, dates, countries, organisations) is checked here, by
 * app/fields.c's rules (which dfnc check judges stored rows by), so the
 * planner never meets malformed data. */
#include "app/procure_import.h"
#include "app/fields.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "store/procure.h"

const char *const app_procure_demand_columns[] = {
    "id", "buyer", "country", "cpv", "quantity", "unit", "deliver_by", "max_unit_price_eur", NULL};
const char *const app_procure_supply_columns[] = {
    "id", "organisation", "cpv", "capacity_per_month", "unit_price_eur", "lead_time_days",
    "production_country", "eu_content_pct", NULL};

/* The fields of one row being read, and the first problem met (in->bad
 * names its field). */
struct fields {
    struct app_procure_in *in;
    struct df_err *err;
    int failed;
};

/* The field col found wrong (err says why): remembered, and NULL. */
static const char *refuse(struct fields *f, const char *col)
{
    f->failed = -1;
    f->in->bad = col;
    return NULL;
}

static const char *field(struct fields *f, const char *col, int required)
{
    if (f->failed)
        return NULL;
    const char *v = f->in->get(f->in->ud, col);
    if (v && !*v)
        v = NULL;
    if (!v && required) {
        if (f->in->csv)
            df_err_set(f->err, DF_ERR_INPUT, "column \"%s\" is empty", col);
        else
            df_err_set(f->err, DF_ERR_INPUT, "%s is required", col);
        return refuse(f, col);
    }
    if (app_text_length_check(col, v, f->err) < 0)
        return refuse(f, col);
    return v;
}

static const char *ident(struct fields *f, const char *col)
{
    const char *v = field(f, col, 1);
    if (!v)
        return NULL;
    if (app_id_check(col, v, f->err) < 0)
        return refuse(f, col);
    return v;
}

/* A whole number in [min, max]. */
static int64_t whole(struct fields *f, const char *col, long long min, long long max)
{
    const char *v = field(f, col, 1);
    if (!v)
        return 0;
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    bool read = !errno && !*end && end != v;
    if (app_whole_check(col, v, read ? &n : NULL, min, max, f->err) < 0) {
        refuse(f, col);
        return 0;
    }
    return n;
}

/* v read as a number into *x: x, or NULL when v is none. */
static const double *read_number(const char *v, double *x)
{
    char *end;
    errno = 0;
    *x = strtod(v, &end);
    return !errno && !*end && end != v ? x : NULL;
}

/* A number in [min, max]; 0 when an optional column is empty or absent. */
static double number(struct fields *f, const char *col, double min, double max, int required)
{
    const char *v = field(f, col, required);
    double x;
    if (!v)
        return 0;
    if (app_number_check(col, v, read_number(v, &x), min, max, f->err) < 0) {
        refuse(f, col);
        return 0;
    }
    return x;
}

/* An ISO 3166 alpha-2 code, upper-cased into out. */
static const char *country(struct fields *f, const char *col, const char *v, char out[3])
{
    if (f->failed || !v)
        return NULL;
    v = app_country_upper(v, out);
    if (app_country_check(col, v, f->err) < 0)
        return refuse(f, col);
    return v;
}

static const char *cpv(struct fields *f, struct store *s)
{
    const char *v = field(f, "cpv", 1);
    if (v && app_cpv_check(s, v, f->err) < 0)
        return refuse(f, "cpv");
    return v;
}

static const char *organisation(struct fields *f, struct store *s, const char *col)
{
    const char *v = ident(f, col);
    if (!v)
        return NULL;
    int exists = store_org_exists(s, v, f->err);
    if (exists == 0)
        df_err_set(f->err, DF_ERR_INPUT, "%s \"%s\" is not a known organisation%s", col, v,
                   f->in->csv ? " (import organisations first)" : "");
    if (exists <= 0)
        return refuse(f, col);
    return v;
}

/* The demand's country is its buyer's (app_demand_country_check). */
static void buyers_country(struct fields *f, struct store *s, const char *buyer,
                           const char *country)
{
    if (f->failed || !buyer || !country)
        return;
    struct arena a;
    struct store_org o;
    arena_init(&a, 0);
    if (store_org_get(s, buyer, &a, &o, f->err) < 0 ||
        app_demand_country_check(country, buyer, o.country, f->err) < 0)
        refuse(f, "country");
    arena_free(&a);
}

/* "DK;SE" checked and normalised into out ("" when empty). */
static const char *funders(struct fields *f, char *out, size_t cap)
{
    const char *v = field(f, "funder_countries", 0);
    size_t used = 0;
    int n = 0;
    out[0] = '\0';
    for (const char *p = v ? v : ""; *p && !f->failed;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char one[8], code[3];
        if (len > 0) {
            if (++n > APP_FUNDERS_MAX || used + 3 >= cap) {
                df_err_set(f->err, DF_ERR_INPUT,
                           "funder_countries must be at most %d codes like DK;SE", APP_FUNDERS_MAX);
                refuse(f, "funder_countries");
                break;
            }
            if (len >= sizeof one) {   /* "Germany": a name, not a code */
                df_err_set(f->err, DF_ERR_INPUT,
                           "funder country \"%.*s\" is not an ISO 3166 alpha-2 code (like DE, PL, UA)",
                           (int)utf8_prefix(p, len, 40), p);
                refuse(f, "funder_countries");
                break;
            }
            memcpy(one, p, len);
            one[len] = '\0';
            if (!country(f, "funder country", one, code)) {
                f->in->bad = "funder_countries";
                break;
            }
            used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? ";" : "", code);
        }
        p += len + (end != NULL);
    }
    return f->failed ? NULL : out;
}

/* A price (app_price_check). */
static double price(struct fields *f, const char *col)
{
    const char *v = field(f, col, 1);
    double x = 0;
    if (v && app_price_check(col, v, read_number(v, &x), f->err) < 0)
        refuse(f, col);
    return x;
}

int app_procure_demand_read(struct store *s, struct app_procure_in *in, struct store_demand *d,
                            struct df_err *err)
{
    struct fields f = {in, err, 0};
    memset(d, 0, sizeof *d);
    in->bad = NULL;
    d->id = ident(&f, "id");
    d->buyer = organisation(&f, s, "buyer");
    d->country = country(&f, "country", field(&f, "country", 1), in->country);
    buyers_country(&f, s, d->buyer, d->country);
    d->cpv = cpv(&f, s);
    d->description = field(&f, "description", 0);
    d->quantity = whole(&f, "quantity", 1, APP_QUANTITY_MAX);
    d->unit = field(&f, "unit", 1);
    if (!f.failed && d->unit && app_unit_check(d->unit, err) < 0)
        refuse(&f, "unit");
    d->deliver_by = field(&f, "deliver_by", 1);
    if (!f.failed && d->deliver_by && app_deliver_by_check(d->deliver_by, err) < 0)
        refuse(&f, "deliver_by");
    if (!f.failed && d->deliver_by && in->today && strcmp(d->deliver_by, in->today) < 0) {
        df_err_set(err, DF_ERR_INPUT, "deliver_by %s is in the past (today is %s)",
                   d->deliver_by, in->today);
        refuse(&f, "deliver_by");
    }
    d->max_unit_price_eur = price(&f, "max_unit_price_eur");
    d->funders = funders(&f, in->funders, sizeof in->funders);
    return f.failed ? -1 : 0;
}

int app_procure_supply_read(struct store *s, struct app_procure_in *in, struct store_supply *x,
                            struct df_err *err)
{
    struct fields f = {in, err, 0};
    memset(x, 0, sizeof *x);
    in->bad = NULL;
    x->id = ident(&f, "id");
    x->org = organisation(&f, s, "organisation");
    x->cpv = cpv(&f, s);
    x->description = field(&f, "description", 0);
    x->capacity_per_month = whole(&f, "capacity_per_month", 1, APP_QUANTITY_MAX);
    x->unit_price_eur = price(&f, "unit_price_eur");
    x->lead_time_days = (int)whole(&f, "lead_time_days", 0, APP_LEAD_TIME_MAX);
    x->production_country = country(&f, "production_country",
                                     field(&f, "production_country", 1), in->country);
    x->eu_content_pct = number(&f, "eu_content_pct", 0, 100, 1);
    x->ua_content_pct = number(&f, "ua_content_pct", 0, 100, 0);
    if (!f.failed && app_content_pct_check(x->eu_content_pct, x->ua_content_pct, err) < 0)
        refuse(&f, "eu_content_pct");
    return f.failed ? -1 : 0;
}

/* A CSV row's field by its column. */
struct csv_at {
    const struct csv_reader *r;
    const struct csv_row *row;
};

static const char *csv_field(void *ud, const char *col)
{
    const struct csv_at *at = ud;
    return csv_get(at->r, at->row, col);
}

int app_procure_demand_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err)
{
    (void)res;
    struct csv_at at = {r, row};
    struct app_procure_in in = {.get = csv_field, .ud = &at, .csv = true};
    struct store_demand d;
    if (app_procure_demand_read(s, &in, &d, err) < 0)
        return -1;
    return store_demand_upsert(s, &d, added, err);
}

int app_procure_supply_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err)
{
    (void)res;
    struct csv_at at = {r, row};
    struct app_procure_in in = {.get = csv_field, .ud = &at, .csv = true};
    struct store_supply x;
    if (app_procure_supply_read(s, &in, &x, err) < 0)
        return -1;
    return store_supply_upsert(s, &x, added, err);
}
