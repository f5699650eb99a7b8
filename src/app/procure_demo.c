/* Demo demands and supplies (see procure_demo.h): government buyers ask for the
 * products the forum is about, companies offer what their capabilities say. */
#include "app/procure_demo.h"

#include <stdio.h>
#include <string.h>

#include "app/procure.h"
#include "core/country.h"
#include "core/cpv.h"
#include "store/procure.h"

struct product {
    const char *cpv, *what, *unit;
    double price_eur;          /* typical unit price */
    int64_t qty_min, qty_max;  /* one country's demand */
    int64_t cap_min, cap_max;  /* one producer's monthly capacity */
    int weight;                /* how often buyers ask for it */
};

static const struct product products[] = {
    {"35331200-5", "155 mm artillery shells", "shell", 3500, 2000, 40000, 500, 5000, 6},
    {"35331500-8", "small-arms cartridges", "round", 1.2, 500000, 5000000, 200000, 2000000, 2},
    {"35613000-4", "reconnaissance UAV", "system", 20000, 100, 3000, 30, 600, 5},
    {"35613100-5", "strike UAV", "system", 120000, 20, 400, 5, 60, 3},
    {"35622700-7", "surface-to-air missiles", "missile", 450000, 20, 200, 2, 25, 3},
    {"35723000-8", "air defence radar", "system", 8000000, 1, 4, 1, 1, 2},
    {"35730000-0", "electronic warfare system", "system", 300000, 5, 60, 1, 12, 2},
    {"35815100-1", "bullet-proof vests", "vest", 900, 1000, 20000, 1000, 8000, 1},
};
#define PRODUCTS_N (int)(sizeof products / sizeof products[0])

static const char *const donors[] = {"DK", "NL", "SE", "DE", "NO"};

struct demo_org {
    const char *id, *country;
    int government;
    int offers[PRODUCTS_N];    /* 1 when the company offers the product's group */
};

struct demo {
    struct store *s;
    struct arena a;
    struct demo_org *orgs;
    int n, cap;
    uint64_t rng;
    struct df_err *err;
};

static uint64_t next(struct demo *g)
{
    g->rng ^= g->rng << 13;
    g->rng ^= g->rng >> 7;
    g->rng ^= g->rng << 17;
    return g->rng;
}
static int64_t between(struct demo *g, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(next(g) % (uint64_t)(hi - lo + 1));
}

static int collect_org(void *ud, const struct store_org *o)
{
    struct demo *g = ud;
    int gov = strcmp(o->kind, "government") == 0;
    if (!gov && strcmp(o->kind, "company") != 0)
        return 0;
    if (g->n == g->cap) {
        int c = g->cap ? 2 * g->cap : 64;
        struct demo_org *fresh = arena_alloc(&g->a, (size_t)c * sizeof *fresh);
        if (!fresh)
            return df_err_set(g->err, DF_ERR_RUNTIME, "out of memory");
        if (g->n)
            memcpy(fresh, g->orgs, (size_t)g->n * sizeof *fresh);
        g->orgs = fresh;
        g->cap = c;
    }
    struct demo_org *d = &g->orgs[g->n++];
    memset(d, 0, sizeof *d);
    d->id = arena_strdup(&g->a, o->id);
    d->country = arena_strdup(&g->a, o->country);
    d->government = gov;
    return d->id && d->country ? 0 : df_err_set(g->err, DF_ERR_RUNTIME, "out of memory");
}

static int collect_offer(void *ud, const struct store_capability *c)
{
    struct demo *g = ud;
    if (strcmp(c->direction, "offer") != 0)
        return 0;
    for (int i = 0; i < g->n; i++) {
        if (strcmp(g->orgs[i].id, c->org) != 0 || g->orgs[i].government)
            continue;
        /* An offer at the product's code or above it (e.g. "ammunition"). */
        for (int p = 0; p < PRODUCTS_N; p++)
            if (cpv_is_within(products[p].cpv, c->cpv) && cpv_level_digits(c->cpv) >= 4)
                g->orgs[i].offers[p] = 1;
    }
    return 0;
}

static int add_supply(struct demo *g, const struct demo_org *o, int p, int *n)
{
    const struct product *pr = &products[p];
    bool ua = country_is_ukraine(o->country);
    char id[32];
    snprintf(id, sizeof id, "sup-%04d", ++*n);
    struct store_supply x = {
        .id = id, .org = o->id, .cpv = pr->cpv, .description = pr->what,
        .unit = pr->unit,   /* capacity and price count in the product's unit */
        .production_country = o->country,
        .capacity_per_month = between(g, pr->cap_min, pr->cap_max),
        /* Ukrainian production is cheaper; EU content is lower for it. */
        .unit_price_eur = pr->price_eur * (double)between(g, ua ? 70 : 85, ua ? 105 : 125) / 100,
        .lead_time_days = (int)between(g, 30, 180),
        .eu_content_pct = (double)between(g, ua ? 55 : 70, 100),
    };
    return store_supply_upsert(g->s, &x, NULL, g->err);
}

static int pick_product(struct demo *g)
{
    int total = 0;
    for (int p = 0; p < PRODUCTS_N; p++)
        total += products[p].weight;
    int r = (int)(next(g) % (uint64_t)total);
    for (int p = 0; p < PRODUCTS_N; p++)
        if ((r -= products[p].weight) < 0)
            return p;
    return 0;
}

static int add_demand(struct demo *g, const struct demo_org *o, int p, int *n)
{
    const struct product *pr = &products[p];
    bool ua = country_is_ukraine(o->country);
    char id[32], date[11], funders[8] = "";
    snprintf(id, sizeof id, "dem-%04d", ++*n);
    int due;
    procure_date_parse("2027-03-01", &due);
    procure_date_format(due + (int)between(g, 60, 540), date);
    if (ua && next(g) % 2 == 0)
        snprintf(funders, sizeof funders, "%s", donors[next(g) % 5]);
    struct store_demand d = {
        .id = id, .buyer = o->id, .country = o->country, .cpv = pr->cpv,
        .description = pr->what, .unit = pr->unit, .deliver_by = date,
        .funders = funders,
        .quantity = between(g, pr->qty_min, pr->qty_max) * (ua ? 2 : 1),
        .max_unit_price_eur = pr->price_eur * (double)between(g, 95, 130) / 100,
    };
    return store_demand_upsert(g->s, &d, NULL, g->err);
}

int app_procure_demo_fill(struct store *s, unsigned seed, struct df_err *err)
{
    struct demo g = {.s = s, .rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)seed * 2654435761ULL),
                     .err = err};
    int rc = -1, demands = 0, supplies = 0;
    arena_init(&g.a, 0);
    if (store_org_each(s, collect_org, &g, err) != 0 ||
        store_capability_each(s, NULL, collect_offer, &g, err) != 0)
        goto out;
    for (int i = 0; i < g.n; i++) {
        const struct demo_org *o = &g.orgs[i];
        if (o->government) {
            /* Ukraine's ministries ask for more. */
            int k = country_is_ukraine(o->country) ? (int)between(&g, 3, 5) : (int)between(&g, 1, 3);
            for (int j = 0; j < k; j++)
                if (add_demand(&g, o, pick_product(&g), &demands) < 0)
                    goto out;
        } else {
            for (int p = 0; p < PRODUCTS_N; p++)
                if (o->offers[p] && add_supply(&g, o, p, &supplies) < 0)
                    goto out;
        }
    }
    /* Every product gets producers, from Ukraine and the EU, even when no
     * company's offers named it. */
    for (int p = 0; p < PRODUCTS_N; p++)
        for (int want = 0; want < 3; want++) {
            int tries = 0, i;
            do
                i = (int)(next(&g) % (uint64_t)(g.n ? g.n : 1));
            while (g.n && g.orgs[i].government && ++tries < 50);
            if (!g.n || g.orgs[i].government)
                break;
            if (want == 0) /* one Ukrainian producer when there is one */
                for (int j = 0; j < g.n; j++)
                    if (!g.orgs[j].government && country_is_ukraine(g.orgs[j].country) &&
                        next(&g) % 4 == 0) {
                        i = j;
                        break;
                    }
            if (add_supply(&g, &g.orgs[i], p, &supplies) < 0)
                goto out;
        }
    rc = 0;
out:
    arena_free(&g.a);
    return rc;
}

int app_procure_stats(struct store *s, struct procure_stats *out, struct df_err *err)
{
    struct app_procure_plan plan;
    memset(out, 0, sizeof *out);
    int rc = -1;
    if (store_procure_counts(s, &out->demands, &out->supplies, &out->demanded_units, err) < 0)
        return -1;
    out->instrument = "safe";
    if (app_procure_plan(s, out->instrument, NULL, NULL, &plan, err) < 0)
        goto out;
    memcpy(out->as_of, plan.as_of, sizeof out->as_of);
    for (int i = 0; i < plan.problem.demands_n; i++) {
        out->ua_demands += country_is_ukraine(plan.demands[i].country);
        out->funded_demands += plan.demands[i].funders_n > 0;
    }
    for (int j = 0; j < plan.problem.supplies_n; j++)
        out->ua_supplies += country_is_ukraine(plan.supplies[j].country);
    out->lots = plan.sol.lots_n;
    out->unplaced_demands = plan.sol.unplaced_n;
    out->placed_demands = plan.problem.demands_n - plan.sol.unplaced_n;
    out->planned_units = plan.sol.delivered;
    out->unmet_units = plan.sol.unmet_total;
    out->planned_value_eur = (double)plan.sol.total_cost_cents / 100.0;
    rc = 0;
out:
    app_procure_plan_free(&plan);
    return rc;
}
