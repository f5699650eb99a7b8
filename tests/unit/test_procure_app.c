/* Unit tests of joint procurement above the engine: the store's demand and
 * supply tables, the embedded instrument rules, the demo's demands,
 * supplies and figures, and an organisation's view of the plan. */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/demo.h"
#include "app/procure.h"
#include "app/procure_demo.h"
#include "app/procure_view.h"
#include "core/country.h"
#include "store/procure.h"

static struct store *s;
static struct df_err err;

/* Each test gets its own in-memory database. */
static void open_fresh(void)
{
    cr_assert_eq(store_open(&s, ":memory:", &err), 0, "%s", err.msg);
}

static void close_store(void) { store_close(s); }

static int keep_funders(void *ud, const struct store_demand *d)
{
    snprintf(ud, 32, "%s|%lld|%s", d->funders, (long long)d->quantity, d->buyer);
    return 0;
}

Test(procure_store, demands_keep_their_funders_and_update_by_id, .init = open_fresh,
     .fini = close_store)
{
    struct store_org o = {.id = "ua-dpa", .name = "DPA", .country = "UA", .kind = "government"};
    cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
    struct store_demand d = {.id = "d1", .buyer = "ua-dpa", .country = "UA", .cpv = "35613000-4",
                             .unit = "system", .deliver_by = "2027-01-31", .funders = "SE;DK",
                             .quantity = 10, .max_unit_price_eur = 1};
    int added = -1;
    cr_assert_eq(store_demand_upsert(s, &d, &added, &err), 0, "%s", err.msg);
    cr_assert_eq(added, 1);
    d.quantity = 20;
    d.funders = "DK";
    cr_assert_eq(store_demand_upsert(s, &d, &added, &err), 0, "%s", err.msg);
    cr_assert_eq(added, 0);
    char got[32] = "";
    cr_assert_eq(store_demand_each(s, keep_funders, got, &err), 0);
    cr_assert_str_eq(got, "DK|20|ua-dpa");
    d.id = "d2";
    d.buyer = "nobody";
    cr_assert_lt(store_demand_upsert(s, &d, NULL, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    struct store_supply x = {.id = "x", .org = "ghost", .cpv = "35613000-4",
                             .production_country = "UA", .capacity_per_month = 1};
    cr_assert_lt(store_supply_upsert(s, &x, NULL, &err), 0);
}

Test(procure_rules, the_embedded_instruments_carry_the_figures)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_instrument in;
    cr_assert_eq(app_procure_instrument(NULL, "edip", &a, &in, &err), 0, "%s", err.msg);
    cr_assert_eq(in.rules.min_states, 3);
    cr_assert_eq(in.rules.min_member_states, 2);
    cr_assert_eq(in.rules.ukraine, PROCURE_ROLE_JOINS, "EDIP Art. 11(2): Ukraine does not count");
    cr_assert_float_eq(in.rules.min_content_pct, 65, 1e-9);
    cr_assert_not(in.rules.funders_participate, "EDIP Art. 11(3): a funder is no authority");
    cr_assert_not(in.rules.content_ukraine_counts, "EDIP Art. 10(3)");
    cr_assert_str_eq(in.regulation, "Regulation (EU) 2025/2643");
    cr_assert_eq(app_procure_instrument(NULL, "safe", &a, &in, &err), 0, "%s", err.msg);
    cr_assert_eq(in.rules.min_states, 2);
    cr_assert_eq(in.rules.ukraine, PROCURE_ROLE_COUNTS);
    cr_assert(in.rules.contractors_restricted && in.rules.contractor_ukraine);
    cr_assert(in.rules.content_ukraine_counts, "SAFE Art. 16(10)");
    cr_assert_eq(app_procure_instrument(NULL, "edirpa", &a, &in, &err), 0, "%s", err.msg);
    cr_assert_eq(in.rules.min_member_states, 3);
    cr_assert_eq(in.rules.moldova, PROCURE_ROLE_JOINS, "EDIRPA Art. 9(3): Moldova receives");
    cr_assert_lt(app_procure_instrument(NULL, "nato", &a, &in, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    cr_assert(strstr(err.msg, "edirpa, edip, safe"), "%s", err.msg);
    /* An override file replaces the embedded rules. */
    char path[64];
    snprintf(path, sizeof path, "/tmp/dfnc-instr-%d.json", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("{\"instruments\":[{\"name\":\"pilot\",\"min_participating_states\":{\"value\":4},"
          "\"min_member_states\":{\"value\":1},\"min_eligible_content_pct\":{\"value\":50},"
          "\"participants\":{\"eu\":\"counts\",\"ukraine\":\"counts\"}}]}", f);
    fclose(f);
    cr_assert_eq(app_procure_instrument(path, "pilot", &a, &in, &err), 0, "%s", err.msg);
    cr_assert_eq(in.rules.min_states, 4);
    cr_assert_eq(in.rules.eea_efta, PROCURE_ROLE_NONE);
    f = fopen(path, "w");
    fputs("{\"instruments\":[{\"name\":\"pilot\",\"min_participating_states\":{\"value\":4},"
          "\"min_member_states\":{\"value\":1},\"min_eligible_content_pct\":{\"value\":50},"
          "\"participants\":{\"eu\":\"maybe\"}}]}", f);
    fclose(f);
    cr_assert_lt(app_procure_instrument(path, "pilot", &a, &in, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    unlink(path);
    arena_free(&a);
}

Test(procure_demo, the_demo_forum_gets_demands_supplies_and_figures, .init = open_fresh,
     .fini = close_store, .timeout = 120)
{
    struct app_demo_summary sum;
    /* The demo calls app_procure_demo_fill inside its transaction. */
    cr_assert_eq(app_demo_fill(s, 7, APP_DEMO_PEOPLE, &sum, &err), 0, "%s", err.msg);
    struct procure_stats st;
    cr_assert_eq(app_procure_stats(s, &st, &err), 0, "%s", err.msg);
    cr_assert_geq(st.demands, 30, "every ministry and agency asks: %lld", (long long)st.demands);
    cr_assert_geq(st.supplies, 24, "%lld", (long long)st.supplies);
    cr_assert_gt(st.ua_demands, 0);
    cr_assert_gt(st.funded_demands, 0);
    cr_assert_gt(st.ua_supplies, 0);
    cr_assert_gt(st.lots, 0);
    cr_assert_gt(st.planned_units, 0);
    cr_assert_eq(st.placed_demands + st.unplaced_demands, st.demands);
    cr_assert_eq(st.planned_units + st.unmet_units <= st.demanded_units, 1);
    cr_assert_gt(st.planned_value_eur, 0);
}

/* An instruments file of one's own (--instruments) with a support ceiling:
 * one not raised says so by leaving raised_value out, and a lot that
 * Ukraine receives keeps the ceiling rather than dropping to 0%; a raised
 * value below the ceiling, or raised_for that is no list of country codes,
 * is refused rather than read as something else. */
Test(procure_rules, a_support_ceiling_of_ones_own_is_read_whole)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_instrument in;
    char path[64];
    snprintf(path, sizeof path, "/tmp/dfnc-support-%d.json", (int)getpid());
    const char *head = "{\"instruments\":[{\"name\":\"pilot\",\"min_participating_states\":"
                       "{\"value\":2},\"min_member_states\":{\"value\":1},"
                       "\"min_eligible_content_pct\":{\"value\":50},"
                       "\"participants\":{\"eu\":\"counts\",\"ukraine\":\"joins\"},"
                       "\"max_support_pct\":";
    char ua_lot_countries[2][3] = {"DE", "UA"};
    struct procure_lot lot = {.countries = ua_lot_countries, .countries_n = 2};
    FILE *f = fopen(path, "w");
    fprintf(f, "%s{\"value\":15,\"raised_for\":\"UA\"}}]}", head);
    fclose(f);
    cr_assert_eq(app_procure_instrument(path, "pilot", &a, &in, &err), 0, "%s", err.msg);
    cr_assert_float_eq(app_procure_lot_support(&in, &lot), 15, 1e-9,
                       "a ceiling not raised stays 15%%, not %g%%",
                       app_procure_lot_support(&in, &lot));
    const char *bad[] = {"{\"value\":15,\"raised_value\":10,\"raised_for\":\"UA\"}",
                         "{\"value\":15,\"raised_value\":20,\"raised_for\":\"UA, MD\"}",
                         "{\"value\":15,\"raised_value\":20,\"raised_for\":\"XUAY\"}",
                         "{\"value\":\"15\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f = fopen(path, "w");
        fprintf(f, "%s%s}]}", head, bad[i]);
        fclose(f);
        cr_assert_lt(app_procure_instrument(path, "pilot", &a, &in, &err), 0, "%s read", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
        cr_assert(strstr(err.msg, "max_support_pct"), "%s", err.msg);
    }
    unlink(path);
    arena_free(&a);
}

/* ---- a view that cannot be written whole is not written -------------------- */

/* Jansson's allocations through a counter: the fail_at-th one (counting from
 * 1) fails, the others are malloc's. Blocks stay on a list while they live, so
 * what a failed json_pack leaves behind is not reported as a leak of the test. */
struct blk {
    struct blk *prev, *next;
    max_align_t align;
};
static struct blk blocks = {&blocks, &blocks, {0}};
static long allocs_n, fail_at;

static void *counted_malloc(size_t n)
{
    if (++allocs_n == fail_at)
        return NULL;
    struct blk *b = malloc(sizeof *b + n);
    if (!b)
        return NULL;
    b->next = blocks.next;
    b->prev = &blocks;
    blocks.next->prev = b;
    blocks.next = b;
    return b + 1;
}

static void counted_free(void *p)
{
    if (!p)
        return;
    struct blk *b = (struct blk *)p - 1;
    b->prev->next = b->next;
    b->next->prev = b->prev;
    free(b);
}

/* Two ministries buy shells of one maker, which has two offers: each
 * demand's row has allocations, the maker's rows name the demands' lot. */
static void fill_shells(void)
{
    struct store_org o[] = {
        {.id = "pl-mod", .name = "MoD PL", .country = "PL", .kind = "government"},
        {.id = "de-mod", .name = "MoD DE", .country = "DE", .kind = "government"},
        {.id = "fr-acme", .name = "Acme", .country = "FR", .kind = "company"},
    };
    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
        cr_assert_eq(store_org_upsert(s, &o[i], NULL, &err), 0, "%s", err.msg);
    struct store_demand d[] = {
        {.id = "d-pl", .buyer = "pl-mod", .country = "PL", .cpv = "35331200-5",
         .description = "shells", .unit = "shell", .deliver_by = "2027-12-31", .funders = "DK",
         .quantity = 4000, .max_unit_price_eur = 4000},
        {.id = "d-de", .buyer = "de-mod", .country = "DE", .cpv = "35331200-5",
         .description = "shells", .unit = "shell", .deliver_by = "2027-10-31", .funders = "",
         .quantity = 3000, .max_unit_price_eur = 4000},
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
        cr_assert_eq(store_demand_upsert(s, &d[i], NULL, &err), 0, "%s", err.msg);
    struct store_supply x[] = {
        {.id = "x-1", .org = "fr-acme", .cpv = "35331200-5", .description = "155 mm",
         .production_country = "FR", .capacity_per_month = 200, .unit_price_eur = 3500,
         .eu_content_pct = 90, .lead_time_days = 30},
        {.id = "x-2", .org = "fr-acme", .cpv = "35331000-3", .description = "ammunition",
         .production_country = "FR", .capacity_per_month = 300, .unit_price_eur = 3900,
         .eu_content_pct = 80, .lead_time_days = 10},
    };
    for (size_t i = 0; i < sizeof x / sizeof x[0]; i++)
        cr_assert_eq(store_supply_upsert(s, &x[i], NULL, &err), 0, "%s", err.msg);
}

/* Every allocation of the org's view fails in turn: the view is then NULL
 * with an error, never a document short of a row or a field (a buyer shown
 * its plan without a demand would take that demand as not planned). */
static void org_view_is_whole_or_none(const struct app_procure_plan *p, const char *org)
{
    fail_at = 0;
    json_t *whole = app_procure_org_view(s, p, org, &err);
    cr_assert_not_null(whole, "%s", err.msg);
    char *want = json_dumps(whole, JSON_SORT_KEYS);
    json_decref(whole);
    cr_assert_not_null(want);
    long failed = 0;
    for (fail_at = 1;; fail_at++) {
        allocs_n = 0;
        struct df_err e = {0};
        json_t *j = app_procure_org_view(s, p, org, &e);
        bool hit = allocs_n >= fail_at;
        long at = fail_at;
        fail_at = 0;
        if (!j) {
            cr_assert(hit, "%s: NULL with no allocation failed", org);
            cr_assert_eq(e.kind, DF_ERR_RUNTIME, "%s", e.msg);
            failed++;
        } else {
            char *got = json_dumps(j, JSON_SORT_KEYS);
            json_decref(j);
            cr_assert_str_eq(got, want, "%s: allocation %ld failed, and the view went out "
                             "without what it lost", org, at);
            counted_free(got);   /* json_dumps allocates as Jansson does */
            if (!hit)
                break;      /* every allocation has failed once */
        }
        fail_at = at;
    }
    cr_assert_gt(failed, 10, "%s: %ld", org, failed);
    counted_free(want);
}

Test(procure_view, a_view_short_of_memory_fails_rather_than_drops_a_row, .init = open_fresh,
     .fini = close_store)
{
    json_set_alloc_funcs(counted_malloc, counted_free);   /* before any other json_t */
    fill_shells();
    struct app_procure_plan p;
    cr_assert_eq(app_procure_plan(s, "safe", NULL, "2026-01-15", &p, &err), 0, "%s", err.msg);
    cr_assert_eq(p.sol.lots_n, 1);
    cr_assert_geq(p.sol.allocs_n, 3, "both offers serve the demands: %d", p.sol.allocs_n);
    org_view_is_whole_or_none(&p, "pl-mod");
    org_view_is_whole_or_none(&p, "fr-acme");
    app_procure_plan_free(&p);
}
