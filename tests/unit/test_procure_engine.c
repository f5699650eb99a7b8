/* Unit tests of src/engine/procure: min-cost flow, lots under instrument rules,
 * capacity over time, and a case where a greedy allocation strands capacity. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "engine/procure/lp.h"
#include "engine/procure/mcf.h"
#include "engine/procure/procure.h"

static const struct procure_rules edip = {
    .name = "edip", .min_states = 3, .min_member_states = 2,
    .eu = PROCURE_ROLE_COUNTS, .eea_efta = PROCURE_ROLE_COUNTS, .ukraine = PROCURE_ROLE_JOINS,
    .funders_participate = true, .min_content_pct = 65,
};
static const struct procure_rules safe = {
    .name = "safe", .min_states = 2, .min_member_states = 1,
    .eu = PROCURE_ROLE_COUNTS, .eea_efta = PROCURE_ROLE_COUNTS, .ukraine = PROCURE_ROLE_COUNTS,
    .funders_participate = true, .min_content_pct = 65, .content_ukraine_counts = true,
};

static int day(const char *s)
{
    int d = 0;
    cr_assert_eq(procure_date_parse(s, &d), 0, "%s", s);
    return d;
}

Test(procure_mcf, finds_the_cheapest_maximum_flow)
{
    /* s=0 t=3; two routes, the cheap one has room for 5 of the 8 units. */
    struct mcf *g = mcf_new(4);
    int a = mcf_add_edge(g, 0, 1, 5, 1);
    int b = mcf_add_edge(g, 0, 2, 10, 4);
    mcf_add_edge(g, 1, 3, 10, 0);
    mcf_add_edge(g, 2, 3, 3, 0);
    mcf_add_edge(g, 1, 2, 10, 0);
    int64_t flow = 0, cost = 0;
    cr_assert_eq(mcf_solve(g, 0, 3, &flow, &cost), 0);
    cr_assert_eq(flow, 8);
    cr_assert_eq(cost, 5 * 1 + 3 * 4);
    cr_assert_eq(mcf_edge_flow(g, a), 5);
    cr_assert_eq(mcf_edge_flow(g, b), 3);
    mcf_free(g);
}

/* SAFE counts Ukrainian components as eligible content (Art. 16(10)), EDIP
 * does not (Art. 10(3)): 30% EU and 70% Ukrainian passes one and not the other. */
/* The search for a path walks as deep as the path is long: a chain of a
 * million nodes is a million steps, which recursion would take on the stack
 * (some 80 bytes a step, 8 MB a thread: the server's plan for everyone). */
Test(procure_mcf, a_path_longer_than_the_stack_is_deep)
{
    enum { N = 1000000 };
    struct mcf *g = mcf_new(N);
    cr_assert_not_null(g);
    int first = mcf_add_edge(g, 0, 2, 3, 1), last = -1;
    for (int v = 2; v + 1 < N; v++)
        mcf_add_edge(g, v, v + 1, 2, 0);
    last = mcf_add_edge(g, N - 1, 1, 5, 2);
    int64_t flow = 0, cost = 0;
    cr_assert_eq(mcf_solve(g, 0, 1, &flow, &cost), 0);
    cr_assert_eq(flow, 2);
    cr_assert_eq(cost, 6);
    cr_assert_eq(mcf_edge_flow(g, first), 2);
    cr_assert_eq(mcf_edge_flow(g, last), 2);
    mcf_free(g);
}

Test(procure_plan, ukrainian_content_counts_where_the_rules_say)
{
    const char *none[] = {NULL};
    struct procure_demand d = {"d", "DE", "35331200-5", none, 0, 10, day("2027-06-30"), 400000, "pcs"};
    struct procure_supply x = {"x", "35331200-5", "UA", 100, 300000, 10, 30, 70, "UA", NULL};
    cr_assert(procure_pair_is_eligible(&safe, &d, &x));
    cr_assert_not(procure_pair_is_eligible(&edip, &d, &x));
    x.ua_content_pct = 34;
    cr_assert_not(procure_pair_is_eligible(&safe, &d, &x), "30 + 34 is under 65");
}

/* SAFE Art. 16(3): contractors established in the Union, EEA-EFTA or Ukraine.
 * A Swiss company making in Germany is not one; EDIP does not restrict them. */
Test(procure_plan, safe_contractors_are_established_where_it_allows)
{
    const char *none[] = {NULL};
    struct procure_rules safe_restricted = safe;
    safe_restricted.contractors_restricted = true;
    safe_restricted.contractor_eu = safe_restricted.contractor_eea_efta = true;
    safe_restricted.contractor_ukraine = true;
    struct procure_demand d = {"d", "DE", "35331200-5", none, 0, 10, day("2027-06-30"), 400000, "pcs"};
    struct procure_supply x = {"x", "35331200-5", "DE", 100, 300000, 10, 100, 0, "CH", NULL};
    cr_assert_not(procure_pair_is_eligible(&safe_restricted, &d, &x));
    cr_assert(procure_pair_is_eligible(&edip, &d, &x));
    x.established = "NO";
    cr_assert(procure_pair_is_eligible(&safe_restricted, &d, &x));
}

Test(procure_dates, parse_and_format_round_trip)
{
    char out[11];
    cr_assert_eq(day("1970-01-01"), 0);
    cr_assert_eq(day("2026-03-01") - day("2026-02-28"), 1);
    procure_date_format(day("2028-02-29"), out);
    cr_assert_str_eq(out, "2028-02-29");
    int d;
    cr_assert_lt(procure_date_parse("2027-02-29", &d), 0);
    cr_assert_lt(procure_date_parse("2027-13-01", &d), 0);
    cr_assert_lt(procure_date_parse("27-01-01", &d), 0);
}

/* Two shells demands and two producers. Greedy serves d1 (first in input) from
 * the cheap producer A, which is the only one able to serve d2: d2 goes unmet.
 * The flow gives d1 to B and d2 to A and meets both. */
Test(procure_plan, the_flow_meets_what_greedy_strands)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"d1", "PL", "35331200-5", none, 0, 300, day("2027-01-01"), 500000, "pcs"},
        {"d2", "DE", "35331200-5", none, 0, 300, day("2027-01-01"), 400000, "pcs"},
        {"d3", "FR", "35331200-5", none, 0, 1, day("2027-01-01"), 1, "pcs"},
    };
    struct procure_supply x[] = {
        {"A", "35331200-5", "CZ", 100, 300000, 0, 80, 0, NULL, NULL},
        {"B", "35331200-5", "SE", 100, 450000, 0, 90, 0, NULL, NULL},   /* too dear for d2 */
    };
    struct procure_problem p = {.rules = &edip, .as_of = day("2026-10-03"), .demands = d,
                                .demands_n = 3, .supplies = x, .supplies_n = 2};
    /* A makes 295 units in the 90 days (100 a month of 30.4375 days): ask for that. */
    int64_t cap = procure_capacity_by(&x[0], p.as_of, d[0].deadline);
    cr_assert_eq(cap, 295);
    d[0].quantity = d[1].quantity = cap;
    struct procure_solution s;
    struct df_err err = {0};
    p.method = PROCURE_GREEDY;
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1);
    cr_assert_eq(s.unmet[1], cap, "greedy strands d2");
    procure_solution_free(&s);
    p.method = PROCURE_FLOW;
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.unmet[0], 0);
    cr_assert_eq(s.unmet[1], 0);
    cr_assert_eq(s.unmet[2], 1, "nobody sells at 0.01 EUR");
    cr_assert_eq(s.total_cost_cents, cap * 450000LL + cap * 300000LL);
    procure_solution_free(&s);
}

/* Capacity is cumulative over deadlines: 100 a month, a 3-month and a 6-month
 * deadline. By the first deadline at most ~300 in total, by the second ~600. */
Test(procure_plan, capacity_holds_by_every_deadline)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"early-pl", "PL", "35331200-5", none, 0, 250, day("2026-04-01"), 900000, "pcs"},
        {"early-de", "DE", "35331200-5", none, 0, 250, day("2026-04-01"), 900000, "pcs"},
        {"late-fr", "FR", "35331200-5", none, 0, 500, day("2026-07-01"), 900000, "pcs"},
    };
    struct procure_supply x[] = {{"A", "35331200-5", "PL", 100, 100000, 0, 80, 0, NULL, NULL}};
    struct procure_problem p = {.rules = &edip, .as_of = day("2026-01-01"), .demands = d,
                                .demands_n = 3, .supplies = x, .supplies_n = 1};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    int64_t c1 = procure_capacity_by(&x[0], p.as_of, d[0].deadline);
    int64_t c2 = procure_capacity_by(&x[0], p.as_of, d[2].deadline);
    cr_assert_eq(s.delivered, c2, "everything the supplier makes by the last deadline");
    cr_assert_eq(500 - s.unmet[0] - s.unmet[1], c1, "no more than it makes by the first");
    procure_solution_free(&s);
}

Test(procure_plan, lots_follow_the_instrument_and_explain_the_rest)
{
    const char *dk[] = {"DK"};
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"ua-drones", "UA", "35613000-4", dk, 1, 100, day("2027-01-01"), 100000, "pcs"},
        {"radar", "LT", "35722000-1", none, 0, 2, day("2027-01-01"), 900000000, "pcs"},
        {"old", "PL", "35722000-1", none, 0, 2, day("2025-01-01"), 900000000, "pcs"},
        {"us", "US", "35722000-1", none, 0, 2, day("2027-01-01"), 900000000, "pcs"},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-01-01"), .demands = d,
                                .demands_n = 4};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1, "the Danish-funded Ukrainian demand makes a SAFE lot");
    cr_assert_eq(s.lots[0].countries_n, 2);
    cr_assert_str_eq(s.lots[0].countries[0], "DK");
    cr_assert_eq(s.unplaced_n, 3);
    cr_assert_str_eq(s.unplaced[0].reason, "only 1 participating state; safe needs 2");
    cr_assert_str_eq(s.unplaced[1].reason, "deadline 2025-01-01 is before as-of 2026-01-01");
    cr_assert_str_eq(s.unplaced[2].reason, "buyer country US cannot take part in safe");
    procure_solution_free(&s);
    p.rules = &edip;
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 0, "Ukraine does not count under EDIP");
    cr_assert_str_eq(s.unplaced[0].reason, "only 1 participating state; edip needs 3");
    procure_solution_free(&s);
}

/* Cutting lots greedily from the earliest deadline gives [PL, DE] and [FR, EE],
 * both short of three states. The planner finds [DE, FR, EE] within six months
 * and explains PL. */
Test(procure_plan, lots_are_chosen_to_place_the_most_demands)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 10, day("2027-01-01"), 500000, "pcs"},
        {"de", "DE", "35331200-5", none, 0, 10, day("2027-05-01"), 500000, "pcs"},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2027-08-01"), 500000, "pcs"},
        {"ee", "EE", "35331200-5", none, 0, 10, day("2027-08-15"), 500000, "pcs"},
    };
    struct procure_problem p = {.rules = &edip, .as_of = day("2026-10-01"), .demands = d,
                                .demands_n = 4};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1);
    cr_assert_eq(s.lots[0].demands_n, 3);
    cr_assert_eq(s.lots[0].demands[0], 1, "the lot starts with DE");
    cr_assert_eq(s.unplaced_n, 1);
    cr_assert_eq(s.unplaced[0].demand, 0);
    cr_assert_str_eq(s.unplaced[0].reason, "only 1 participating state; edip needs 3");
    cr_assert_eq(s.unmet[1], 10, "no supplier: the lot's demand is unmet");
    procure_solution_free(&s);
}

/* A supplier given nothing is told why: the rule that keeps it from every
 * demand, or what kept each demand of its CPV from it. */
Test(procure_plan, a_supply_given_nothing_is_told_why)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"de", "DE", "35331200-5", none, 0, 10, day("2027-04-01"), 300000, "pcs"},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2026-10-25"), 900000, "pcs"},
        {"pl", "PL", "35331200-5", none, 0, 10, day("2027-04-01"), 900000, "pcs"},
        {"ee", "EE", "35331200-5", none, 0, 10, day("2027-04-01"), 900000, "pcs"},
    };
    struct procure_supply x[] = {
        {"cheap", "35331200-5", "DE", 1000, 100000, 5, 90, 0, "DE", NULL},
        {"dear", "35331200-5", "FR", 1000, 500000, 30, 90, 0, "FR", NULL},
        {"drones", "35613000-4", "FR", 1000, 500000, 5, 90, 0, "FR", NULL},
        {"foreign", "35331200-5", "US", 1000, 100000, 5, 90, 0, "US", NULL},
        {"thin", "35331200-5", "DE", 1000, 100000, 5, 40, 0, "DE", NULL},
    };
    struct procure_rules safe_restricted = safe;
    safe_restricted.contractors_restricted = true;
    safe_restricted.contractor_eu = safe_restricted.contractor_ukraine = true;
    struct procure_problem p = {.rules = &safe_restricted, .as_of = day("2026-10-01"),
                                .demands = d, .demands_n = 4, .supplies = x, .supplies_n = 5};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_null(s.idle_reason[0], "the cheap one delivers: no reason");
    cr_assert_str_eq(s.idle_reason[1], "4 demands of this CPV: 1 with a lower maximum price, "
                                       "1 due before it can deliver, 2 served by other offers");
    cr_assert_str_eq(s.idle_reason[2], "no demand of this CPV");
    cr_assert_str_eq(s.idle_reason[3], "made or established where safe allows no contractor");
    cr_assert_str_eq(s.idle_reason[4], "under 65% eligible content");
    procure_solution_free(&s);
    p.rules = &edip;   /* Ukraine does not count, a lot needs three states: DE FR PL EE make one */
    p.demands_n = 2;   /* DE and FR alone make none */
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 0);
    cr_assert_str_eq(s.idle_reason[0], "2 demands of this CPV: 2 in no lot");
    procure_solution_free(&s);
}

/* Random small instances: the flow must deliver exactly the LP's most units at
 * the LP's least cost, keep every supplier within its capacity by every
 * deadline, and never pay above a demand's maximum; the greedy never does better. */
Test(procure_plan, the_flow_equals_the_lp_optimum_on_random_instances, .timeout = 120)
{
    static const char *const cpv[] = {"35331200-5", "35331000-3", "35613000-4"};
    static const char *const country[] = {"PL", "DE", "FR", "UA", "EE", "NO"};
    const char *none[] = {NULL};
    unsigned long long r = 12345;
#define RND(n) ((int)((r = r * 6364136223846793005ULL + 1442695040888963407ULL) >> 33) % (n))
    for (int round = 0; round < 40; round++) {
        struct procure_demand d[14];
        struct procure_supply x[6];
        int dn = 4 + RND(10), sn = 1 + RND(6);
        int as_of = day("2026-12-01");
        for (int i = 0; i < dn; i++)
            d[i] = (struct procure_demand){"d", country[RND(6)], cpv[RND(2) * 2], none, 0,
                                           1 + RND(400), as_of + 30 + RND(200),
                                           300000 + RND(200000), "pcs"};
        for (int j = 0; j < sn; j++)
            x[j] = (struct procure_supply){"x", cpv[RND(3)], country[RND(6)], 1 + RND(150),
                                           280000 + RND(4) * 50000, RND(60),
                                           RND(2) ? 90 : 60, 0, NULL, NULL};
        struct procure_problem p = {.rules = &safe, .as_of = as_of, .demands = d,
                                    .demands_n = dn, .supplies = x, .supplies_n = sn};
        struct procure_solution s, g;
        struct df_err err = {0};
        cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
        p.method = PROCURE_GREEDY;
        cr_assert_eq(procure_plan(&p, &g, &err), 0, "%s", err.msg);
        double units = 0, cost = 0;
        cr_assert_eq(procure_lp_optimum(&p, &s, &units, &cost, &err), 0, "%s", err.msg);
        cr_assert_eq(s.delivered, (int64_t)(units + 0.5), "round %d: units %lld, LP %.1f", round,
                     (long long)s.delivered, units);
        cr_assert_lt(fabs((double)s.total_cost_cents / 100 - cost), 1e-6 * (1 + cost), "round %d: cost %.2f, LP %.2f (units %lld)", round, (double)s.total_cost_cents / 100, cost, (long long)s.delivered);
        cr_assert_leq(g.delivered, s.delivered);
        if (g.delivered == s.delivered)
            cr_assert_geq(g.total_cost_cents, s.total_cost_cents);
        for (int j = 0; j < sn; j++)
            for (int t = 0; t < dn; t++) {
                int64_t by = 0;
                for (int k = 0; k < s.allocs_n; k++)
                    if (s.allocs[k].supply == j && d[s.allocs[k].demand].deadline <= d[t].deadline)
                        by += s.allocs[k].quantity;
                cr_assert_leq(by, procure_capacity_by(&x[j], as_of, d[t].deadline));
            }
        for (int k = 0; k < s.allocs_n; k++)
            cr_assert_leq(x[s.allocs[k].supply].price_cents, d[s.allocs[k].demand].max_price_cents);
        procure_solution_free(&s);
        procure_solution_free(&g);
    }
#undef RND
}

/* ---- units ---------------------------------------------------------------- */

/* The canon reads a unit's common spellings, English and Ukrainian, case and
 * trailing dots folded, as one unit; others stay their own, case folded. */
Test(procure_unit, common_spellings_are_one_unit)
{
    static const struct {
        const char *typed, *key, *name;
    } cases[] = {
        {"pcs", "pieces", "pieces"},   {" PCS. ", "pieces", "pieces"},
        {"шт.", "pieces", "pieces"},   {"ШТ", "pieces", "pieces"},
        {"штуки", "pieces", "pieces"}, {"Each", "pieces", "pieces"},
        {"units", "pieces", "pieces"}, {"компл.", "sets", "sets"},
        {"Kits", "sets", "sets"},      {"комплектів", "sets", "sets"},
        {"кг", "kg", "kg"},            {"tonnes", "t", "t"},
        {"Т.", "t", "t"},              {"litres", "l", "l"},
        {"л", "l", "l"},               {"metres", "m", "m"},
        {"км", "km", "km"},            {"rds", "rounds", "rounds"},
        {"пострілів", "rounds", "rounds"},
        {" Shell. ", "shell", "Shell."}, {"Снаряд", "снаряд", "Снаряд"},
        {"", "", ""},
        /* a simple English plural outside the canon is folded */
        {"Shells", "shell", "Shells"}, {"boxes", "box", "boxes"},
        {"box", "box", "box"},         {"batches", "batch", "batches"},
        {"dishes", "dish", "dishes"},  {"cases", "cas", "cases"},
        {"case", "cas", "case"},       {"glasses", "glass", "glasses"},
        {"glass", "glass", "glass"},   {"chassis", "chassis", "chassis"},
        {"gas", "gas", "gas"},         {"ammo boxes", "ammo box", "ammo boxes"},
        {"155mm shells", "155mm shell", "155mm shells"},
        {"drones.", "drone", "drones."},
        /* Cyrillic words beyond the canon are not: снаряди stays apart */
        {"снаряди", "снаряди", "снаряди"}, {"boxes2", "boxes2", "boxes2"},
    };
    struct arena a;
    arena_init(&a, 0);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *name = NULL, *key = procure_unit_key(&a, cases[k].typed, &name);
        cr_assert_str_eq(key, cases[k].key, "%s", cases[k].typed);
        cr_assert_str_eq(name, cases[k].name, "%s", cases[k].typed);
    }
    const char *name = NULL;
    cr_assert_str_eq(procure_unit_key(&a, NULL, &name), "");
    cr_assert_str_eq(procure_unit_code("pieces"), "H87");
    cr_assert_str_eq(procure_unit_code("t"), "TNE");
    cr_assert_null(procure_unit_code("rounds"), "UN/CEFACT has no round");
    cr_assert_null(procure_unit_code("shell"));
    arena_free(&a);
}

/* A singular beyond the canon and its English plural are one unit, also
 * when the singular ends in "s" itself (lens, lenses) and when the plural
 * adds "es" after s, x, z, ch or sh; the canon's own stay its own. */
Test(procure_unit, a_singular_and_its_plural_meet)
{
    static const char *const pairs[][2] = {
        {"lens", "lenses"},   {"Lens", "LENSES."}, {"box", "boxes"},    {"inch", "inches"},
        {"glass", "glasses"}, {"fuze", "fuzes"},   {"bus", "buses"},    {"atlas", "atlases"},
        {"dish", "dishes"},   {"case", "cases"},   {"drone", "drones"}, {"status", "statuses"},
        {"optical lens", "optical lenses"}, {"battery", "batteries"}, {"Battery", "BATTERIES"},
        {"lorry", "lorries"},
    };
    struct arena a;
    arena_init(&a, 0);
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        const char *n1, *n2;
        const char *one = procure_unit_key(&a, pairs[k][0], &n1);
        const char *many = procure_unit_key(&a, pairs[k][1], &n2);
        cr_assert_str_eq(one, many, "%s and %s", pairs[k][0], pairs[k][1]);
        cr_assert(procure_unit_fits(pairs[k][0], pairs[k][1]), "%s", pairs[k][0]);
        cr_assert_str_eq(n2, pairs[k][1], "named as typed");
    }
    /* the canon's and distinct words stay apart */
    const char *n;
    cr_assert_str_eq(procure_unit_key(&a, "pieces", &n), "pieces");
    cr_assert_str_eq(procure_unit_key(&a, "sets", &n), "sets");
    cr_assert(!procure_unit_fits("lens", "lenses kit"));
    cr_assert(!procure_unit_fits("pieces", "sets"));
    cr_assert(!procure_unit_fits("glass", "gas"));
    arena_free(&a);
}

/* Poland's 100 pcs and Lithuania's 10 sets of one CPV are two lots, each in
 * its unit; a supplier of the CPV (it states no unit) serves both. */
Test(procure_plan, two_units_of_one_cpv_are_two_lots)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 100, day("2027-06-01"), 500000, "pcs"},
        {"lt", "LT", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "sets"},
        {"de", "DE", "35331200-5", none, 0, 100, day("2027-06-01"), 500000, "Pieces"},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "kit"},
    };
    struct procure_supply x[] = {{"A", "35331200-5", "CZ", 1000, 300000, 0, 80, 0, NULL, NULL}};
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 4, .supplies = x, .supplies_n = 1};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 2);
    cr_assert_str_eq(s.lots[0].unit, "pieces");
    cr_assert_str_eq(s.lots[1].unit, "sets");
    cr_assert_str_neq(s.lots[0].id, s.lots[1].id, "the CPV's lots are numbered on");
    cr_assert_eq(s.lots[0].demands_n, 2);
    cr_assert_eq(s.lots[0].demands[0], 0);
    cr_assert_eq(s.lots[0].demands[1], 2);
    cr_assert_eq(s.lots[1].demands[0], 1);
    cr_assert_eq(s.lots[1].demands[1], 3);
    cr_assert_eq(s.unplaced_n, 0);
    cr_assert_eq(s.unmet_total, 0, "the unitless supply serves both lots");
    cr_assert_eq(s.lots[0].allocs_n, 2);
    cr_assert_eq(s.lots[1].allocs_n, 2);
    procure_solution_free(&s);
}

/* "200 шт." and "200 pcs" are the same thing: one lot. */
Test(procure_plan, pieces_in_ukrainian_and_english_are_one_lot)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"ua", "UA", "35613000-4", none, 0, 200, day("2027-06-01"), 3000000, "шт."},
        {"pl", "PL", "35613000-4", none, 0, 200, day("2027-06-01"), 3000000, "pcs"},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 2};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1);
    cr_assert_eq(s.lots[0].demands_n, 2);
    cr_assert_str_eq(s.lots[0].unit, "pieces");
    cr_assert_eq(s.unplaced_n, 0);
    procure_solution_free(&s);
}

/* A unit the canon does not know joins only its own spelling, case folded;
 * the lot is named as its first demand typed it. */
Test(procure_plan, an_unknown_unit_joins_only_itself)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "Shell"},
        {"de", "DE", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "shell "},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "round"},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 3};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1);
    cr_assert_str_eq(s.lots[0].unit, "Shell");
    cr_assert_eq(s.lots[0].demands_n, 2);
    cr_assert_eq(s.unplaced_n, 1);
    cr_assert_eq(s.unplaced[0].demand, 2);
    procure_solution_free(&s);
}

/* Under EDIP's three states, PL and DE in pieces and FR in sets would make
 * a lot if units were alike; they are not, and the plan says so. Where the
 * other unit would not have helped, the reason stays the shortfall. */
Test(procure_plan, demands_kept_apart_by_their_unit_are_told_so)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 100, day("2027-06-01"), 500000, "pcs"},
        {"de", "DE", "35331200-5", none, 0, 100, day("2027-06-01"), 500000, "шт"},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "sets"},
        {"ee", "EE", "35613000-4", none, 0, 10, day("2027-06-01"), 500000, "pcs"},
        {"lv", "LV", "35613000-4", none, 0, 10, day("2027-06-01"), 500000, "sets"},
    };
    struct procure_problem p = {.rules = &edip, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 5};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 0);
    cr_assert_eq(s.unplaced_n, 5);
    cr_assert_str_eq(s.unplaced[0].why->code, "unit_apart");
    cr_assert_str_eq(s.unplaced[0].reason, "1 demand of this CPV in a unit other than pcs "
                                           "cannot join; with the other units edip's rules "
                                           "would be met");
    cr_assert_str_eq(s.unplaced[1].why->value[1], "шт");
    cr_assert_str_eq(s.unplaced[2].reason, "2 demands of this CPV in a unit other than sets "
                                           "cannot join; with the other units edip's rules "
                                           "would be met");
    cr_assert_str_eq(s.unplaced[3].why->code, "few_states", "EE and LV are two states");
    cr_assert_str_eq(s.unplaced[4].why->code, "few_states");
    procure_solution_free(&s);
}

/* Units outside the canon join across a simple English plural. */
Test(procure_plan, shell_and_shells_are_one_lot)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "shell"},
        {"de", "DE", "35331200-5", none, 0, 10, day("2027-06-01"), 500000, "Shells"},
        {"fr", "FR", "35331300-3", none, 0, 10, day("2027-06-01"), 500000, "box"},
        {"ee", "EE", "35331300-3", none, 0, 10, day("2027-06-01"), 500000, "boxes"},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 4};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 2);
    cr_assert_eq(s.lots[0].demands_n, 2);
    cr_assert_eq(s.lots[1].demands_n, 2);
    cr_assert_eq(s.unplaced_n, 0);
    procure_solution_free(&s);
}

Test(procure_plan, a_supply_fits_a_demand_of_its_unit_or_states_none)
{
    const char *none[] = {NULL};
    struct procure_demand d = {"d", "DE", "35331200-5", none, 0, 10, day("2027-06-30"), 400000,
                               "rounds"};
    struct procure_supply x = {"x", "35331200-5", "DE", 100, 300000, 10, 90, 0, NULL, "sets"};
    cr_assert_not(procure_pair_is_eligible(&safe, &d, &x), "a set is not a round");
    x.unit = "пострілів";
    cr_assert(procure_pair_is_eligible(&safe, &d, &x));
    x.unit = NULL;
    cr_assert(procure_pair_is_eligible(&safe, &d, &x), "unstated: serves any unit");
    x.unit = " ";
    cr_assert(procure_pair_is_eligible(&safe, &d, &x));
    cr_assert(procure_unit_fits("pcs", "шт."));
    cr_assert(procure_unit_fits("shell", "Shells"));
    cr_assert_not(procure_unit_fits("shell", "box"));
}

/* The brief's case: 500 sets a month at 20,000 EUR a set offered beside a lot
 * of 5,000 rounds. The sets serve nothing and say why; the rounds' unmet
 * part says an offer of its CPV is in another unit; a supply in rounds and
 * one that states no unit serve the lot, the latter marked. */
Test(procure_plan, a_supply_serves_only_lots_of_its_unit)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 2500, day("2027-06-01"), 3000000, "rounds"},
        {"de", "DE", "35331200-5", none, 0, 2500, day("2027-06-01"), 3000000, "постріли"},
    };
    struct procure_supply x[] = {
        {"sets", "35331200-5", "CZ", 500, 2000000, 0, 80, 0, NULL, "sets"},
        {"rounds", "35331200-5", "SE", 100, 2500000, 0, 90, 0, NULL, "rds"},
        {"unstated", "35331200-5", "FR", 100, 2600000, 0, 90, 0, NULL, NULL},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 2, .supplies = x, .supplies_n = 3};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 1);
    cr_assert_str_eq(s.lots[0].unit, "rounds");
    bool rounds = false, unstated = false;
    for (int k = 0; k < s.allocs_n; k++) {
        cr_assert_neq(s.allocs[k].supply, 0, "the sets serve no round");
        if (s.allocs[k].supply == 1) {
            rounds = true;
            cr_assert_not(s.allocs[k].unit_unstated);
        } else {
            unstated = true;
            cr_assert(s.allocs[k].unit_unstated, "its price may be per another unit");
        }
    }
    cr_assert(rounds && unstated);
    cr_assert_not_null(s.idle_why[0]);
    cr_assert_str_eq(s.idle_why[0]->code, "unit_no_lot");
    cr_assert_str_eq(s.idle_why[0]->value[0], "sets");
    cr_assert_str_eq(s.idle_reason[0], "no lot of this CPV is in its unit, sets");
    /* 6 months of 100 + 100 a month is 1200 of the 5000 */
    cr_assert_gt(s.unmet[0] + s.unmet[1], 0);
    int i = s.unmet[0] > 0 ? 0 : 1;
    cr_assert_str_eq(s.unmet_why[i]->code, "offers_of_cpv");
    cr_assert_str_eq(s.unmet_why[i]->part[0].code, "other_unit");
    cr_assert_eq(s.unmet_why[i]->part[0].n, 1);
    cr_assert(strstr(s.unmet_reason[i], "3 offers of this CPV: 1 in another unit, 2 with no "
                                        "capacity left by") == s.unmet_reason[i],
              "%s", s.unmet_reason[i]);
    procure_solution_free(&s);
}

/* A supply whose unit some lot of its CPV has, left out for other reasons,
 * counts the demands in other units among them. */
Test(procure_plan, an_idle_supply_counts_demands_in_other_units)
{
    const char *none[] = {NULL};
    struct procure_demand d[] = {
        {"pl", "PL", "35331200-5", none, 0, 10, day("2027-06-01"), 100000, "sets"},
        {"de", "DE", "35331200-5", none, 0, 10, day("2027-06-01"), 100000, "kits"},
        {"fr", "FR", "35331200-5", none, 0, 10, day("2027-06-01"), 900000, "pcs"},
        {"ee", "EE", "35331200-5", none, 0, 10, day("2027-06-01"), 900000, "pcs"},
    };
    struct procure_supply x[] = {
        {"sets", "35331200-5", "CZ", 500, 200000, 0, 80, 0, NULL, "компл."},
    };
    struct procure_problem p = {.rules = &safe, .as_of = day("2026-12-01"), .demands = d,
                                .demands_n = 4, .supplies = x, .supplies_n = 1};
    struct procure_solution s;
    struct df_err err = {0};
    cr_assert_eq(procure_plan(&p, &s, &err), 0, "%s", err.msg);
    cr_assert_eq(s.lots_n, 2);
    cr_assert_eq(s.allocs_n, 0);
    cr_assert_str_eq(s.idle_reason[0], "4 demands of this CPV: 2 in another unit, 2 with a "
                                       "lower maximum price");
    procure_solution_free(&s);
}
