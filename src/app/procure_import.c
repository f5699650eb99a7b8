/* Validating demands and supplies before they reach the store, from a CSV row
 * or from an API body alike: every field a planner relies on (CPV,
 * quantities, prices, dates, countries, organisations) is checked here, by
 * app/fields.c's rules (which dfnc check judges stored rows by), so the
 * planner never meets malformed data. */
#include "app/procure_import.h"
#include "app/fields.h"

#include <errno.h>
#include <stdio.h>
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

/* The fields of one demand or supply being read: each check made whatever
 * the ones before it found, its problem (in vc->e) handed to vc->failed
 * with its field's name, so that an import names every problem of a row
 * and the API the first. */
struct fields {
    struct app_procure_in *in;
    const struct app_value_checks *vc;
    int n;   /* problems found */
};

/* The problem vc->e says, on field col: handed on, and NULL. */
static const char *refuse(struct fields *f, const char *col)
{
    f->n++;
    f->vc->failed(f->vc->ud, col, true);
    return NULL;
}

static const char *field(struct fields *f, const char *col, int required)
{
    const char *v = f->in->get(f->in->ud, col);
    if (v && !*v)
        v = NULL;
    if (!v && required) {
        df_err_set(f->vc->e, DF_ERR_INPUT, f->vc->empty, col);
        df_err_code(f->vc->e, "required", "col", col, NULL);
        return refuse(f, col);
    }
    if (app_text_length_check(col, v, f->vc->e) < 0)
        return refuse(f, col);
    return v;
}

static const char *ident(struct fields *f, const char *col)
{
    const char *v = field(f, col, 1);
    if (v && app_id_check(col, v, f->vc->e) < 0)
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
    if (app_whole_check(col, v, read ? &n : NULL, min, max, f->vc->e) < 0) {
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
    if (app_number_check(col, v, read_number(v, &x), min, max, f->vc->e) < 0) {
        refuse(f, col);
        return 0;
    }
    return x;
}

/* An ISO 3166 alpha-2 code (v NULL: already refused), upper-cased into out. */
static const char *country(struct fields *f, const char *col, const char *v, char out[3])
{
    if (!v)
        return NULL;
    v = app_country_upper(v, out);
    if (app_country_check(col, v, f->vc->e) < 0)
        return refuse(f, col);
    return v;
}

static const char *cpv(struct fields *f, struct store *s)
{
    const char *v = field(f, "cpv", 1);
    if (v && app_cpv_check(s, v, f->vc->e) < 0)
        return refuse(f, "cpv");
    return v;
}

static const char *organisation(struct fields *f, struct store *s, const char *col)
{
    const char *v = ident(f, col);
    if (!v)
        return NULL;
    int exists = store_org_exists(s, v, f->vc->e);
    if (exists == 0) {
        df_err_set(f->vc->e, DF_ERR_INPUT, "%s \"%s\" is not a known organisation%s", col, v,
                   f->in->csv ? " (import organisations first)" : "");
        df_err_code(f->vc->e, "unknown_org", "col", col, "value", v, NULL);
    }
    if (exists <= 0)
        return refuse(f, col);
    return v;
}

/* The demand's country is its buyer's (app_demand_country_check), when
 * both passed their own checks. */
static void buyers_country(struct fields *f, struct store *s, const char *buyer,
                           const char *country)
{
    if (!buyer || !country)
        return;
    struct arena a;
    struct store_org o;
    arena_init(&a, 0);
    if (store_org_get(s, buyer, &a, &o, f->vc->e) < 0 ||
        app_demand_country_check(country, buyer, o.country, f->vc->e) < 0)
        refuse(f, "country");
    arena_free(&a);
}

/* One funder's code of len bytes at p, upper-cased into code: 0, or -1
 * with the problem in e. */
static int funder(const char *p, size_t len, char code[3], struct df_err *e)
{
    char one[8];
    if (len >= sizeof one) { /* "Germany": a name, not a code */
        int shown = (int)utf8_prefix(p, len, 40);
        df_err_set(e, DF_ERR_INPUT,
                   "funder country \"%.*s\" is not an ISO 3166 alpha-2 code (like DE, PL, UA)",
                   shown, p);
        char name[48];
        snprintf(name, sizeof name, "%.*s", shown, p);
        df_err_code(e, "country_unknown", "country", name, NULL);
        return -1;
    }
    memcpy(one, p, len);
    one[len] = '\0';
    return app_country_check("funder country", app_country_upper(one, code), e);
}

/* "DK;SE" checked and normalised into out ("" when empty); NULL when refused. */
static const char *funders(struct fields *f, char *out, size_t cap)
{
    const char *col = "funder_countries", *v = field(f, col, 0);
    size_t used = 0;
    int n = 0;
    out[0] = '\0';
    for (const char *p = v ? v : ""; *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char code[3];
        if (len > 0) {
            if (++n > APP_FUNDERS_MAX || used + 3 >= cap) {
                df_err_set(f->vc->e, DF_ERR_INPUT,
                           "funder_countries must be at most %d codes like DK;SE", APP_FUNDERS_MAX);
                char max[16];
                snprintf(max, sizeof max, "%d", APP_FUNDERS_MAX);
                df_err_code(f->vc->e, "funders_max", "max", max, NULL);
                return refuse(f, col);
            }
            if (funder(p, len, code, f->vc->e) < 0)
                return refuse(f, col);
            used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? ";" : "", code);
        }
        p += len + (end != NULL);
    }
    return out;
}

/* A price (app_price_check). */
static double price(struct fields *f, const char *col)
{
    const char *v = field(f, col, 1);
    double x = 0;
    if (v && app_price_check(col, v, read_number(v, &x), f->vc->e) < 0)
        refuse(f, col);
    return x;
}

/* A delivery date (app_deliver_by_check), not before in->today when set. */
static const char *deliver_by(struct fields *f)
{
    const char *col = "deliver_by", *v = field(f, col, 1);
    if (!v)
        return NULL;
    if (app_deliver_by_check(v, f->vc->e) < 0)
        return refuse(f, col);
    if (f->in->today && strcmp(v, f->in->today) < 0) {
        df_err_set(f->vc->e, DF_ERR_INPUT, "deliver_by %s is in the past (today is %s)", v,
                   f->in->today);
        df_err_code(f->vc->e, "date_past", "today", f->in->today, NULL);
        return refuse(f, col);
    }
    return v;
}

/* Reads a demand into *d, every problem handed to vc: 0, or -1 when one was. */
static int demand_read(struct store *s, struct app_procure_in *in, struct store_demand *d,
                       const struct app_value_checks *vc)
{
    struct fields f = {in, vc, 0};
    memset(d, 0, sizeof *d);
    d->id = ident(&f, "id");
    d->buyer = organisation(&f, s, "buyer");
    d->country = country(&f, "country", field(&f, "country", 1), in->country);
    buyers_country(&f, s, d->buyer, d->country);
    d->cpv = cpv(&f, s);
    d->description = field(&f, "description", 0);
    d->quantity = whole(&f, "quantity", 1, APP_QUANTITY_MAX);
    d->unit = field(&f, "unit", 1);
    if (d->unit && app_unit_check(d->unit, vc->e) < 0)
        d->unit = refuse(&f, "unit");
    d->deliver_by = deliver_by(&f);
    d->max_unit_price_eur = price(&f, "max_unit_price_eur");
    d->funders = funders(&f, in->funders, sizeof in->funders);
    return f.n ? -1 : 0;
}

/* The same for a supply. */
static int supply_read(struct store *s, struct app_procure_in *in, struct store_supply *x,
                       const struct app_value_checks *vc)
{
    struct fields f = {in, vc, 0};
    memset(x, 0, sizeof *x);
    x->id = ident(&f, "id");
    x->org = organisation(&f, s, "organisation");
    x->cpv = cpv(&f, s);
    x->description = field(&f, "description", 0);
    x->capacity_per_month = whole(&f, "capacity_per_month", 1, APP_QUANTITY_MAX);
    /* optional: a supply that states none serves any unit of its CPV */
    x->unit = field(&f, "unit", 0);
    if (x->unit && app_unit_check(x->unit, vc->e) < 0)
        x->unit = refuse(&f, "unit");
    x->unit_price_eur = price(&f, "unit_price_eur");
    x->lead_time_days = (int)whole(&f, "lead_time_days", 0, APP_LEAD_TIME_MAX);
    x->production_country = country(&f, "production_country",
                                     field(&f, "production_country", 1), in->country);
    int before = f.n;
    x->eu_content_pct = number(&f, "eu_content_pct", 0, 100, 1);
    x->ua_content_pct = number(&f, "ua_content_pct", 0, 100, 0);
    if (f.n == before && app_content_pct_check(x->eu_content_pct, x->ua_content_pct, vc->e) < 0)
        refuse(&f, "eu_content_pct");
    return f.n ? -1 : 0;
}

/* An API body's read: its first problem in err, its field in in->bad. */
static int read_first(struct store *s, struct app_procure_in *in, struct store_demand *d,
                      struct store_supply *x, struct df_err *err)
{
    struct app_first_problem first = {0};
    const struct app_value_checks vc = {app_first_problem_keep, &first, &first.scratch,
                                        in->csv ? APP_EMPTY_COLUMN : "%s is required"};
    in->bad = NULL;
    if ((d ? demand_read(s, in, d, &vc) : supply_read(s, in, x, &vc)) == 0)
        return 0;
    *err = first.first;
    in->bad = first.first_field;
    return -1;
}

int app_procure_demand_read(struct store *s, struct app_procure_in *in, struct store_demand *d,
                            struct df_err *err)
{
    return read_first(s, in, d, NULL, err);
}

int app_procure_supply_read(struct store *s, struct app_procure_in *in, struct store_supply *x,
                            struct df_err *err)
{
    return read_first(s, in, NULL, x, err);
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
    struct csv_at at = {r, row};
    struct app_procure_in in = {.get = csv_field, .ud = &at, .csv = true};
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_demand d;
    demand_read(s, &in, &d, &(const struct app_value_checks){app_row_check_failed, &c, &c.e,
                                                             APP_EMPTY_COLUMN});
    if (app_row_checks_end(&c) < 0)
        return -1;
    return store_demand_upsert(s, &d, added, err);
}

int app_procure_supply_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err)
{
    struct csv_at at = {r, row};
    struct app_procure_in in = {.get = csv_field, .ud = &at, .csv = true};
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_supply x;
    supply_read(s, &in, &x, &(const struct app_value_checks){app_row_check_failed, &c, &c.e,
                                                             APP_EMPTY_COLUMN});
    if (app_row_checks_end(&c) < 0)
        return -1;
    return store_supply_upsert(s, &x, added, err);
}
