/* Joint-procurement planner at forum scale: 2,000 demands and 500 supplies
 * (generated, deterministic per seed) planned by dfnc's min-cost flow, beside
 * the greedy baseline and the LP optimum of the same allocation (GLPK simplex:
 * first the most units delivered, then the least cost), all in one run.
 * Usage: procure_bench [DEMANDS SUPPLIES SEED] */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/procure/lp.h"
#include "engine/procure/procure.h"

struct code {
    const char *cpv;
    double price_eur;
};

/* Division 35 codes by CPV group; supplies may offer the group's generic code. */
static const struct code codes[] = {
    {"35331200-5", 3500},   {"35331500-8", 2},       {"35331300-3", 40},
    {"35331000-3", 900},    {"35613000-4", 20000},   {"35613100-5", 90000},
    {"35622700-7", 400000}, {"35622600-6", 90000},   {"35722000-1", 3e6},
    {"35723000-8", 9e6},    {"35730000-0", 250000},  {"35412100-6", 4e6},
    {"35412200-7", 1.5e6},  {"35813000-6", 400},     {"35815100-1", 900},
    {"35322500-2", 3e6},
};
#define CODES_N (int)(sizeof codes / sizeof codes[0])

static const char *const states[] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO"};
static const char *const donors[] = {"DK", "NL", "SE", "DE"};

static unsigned long long rng;
static double uniform(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) / 9007199254740992.0;
}
static int pick(int n) { return (int)(uniform() * n); }

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
/* CPU time of this process: what the machine's other load does not inflate. */
static double cpu(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }

int main(int argc, char **argv)
{
    int dn = argc > 1 ? atoi(argv[1]) : 2000, sn = argc > 2 ? atoi(argv[2]) : 500;
    rng = argc > 3 ? strtoull(argv[3], NULL, 10) * 2654435761ULL + 1 : 88172645463325252ULL;
    glp_term_out(GLP_OFF);
    static const struct procure_rules safe = {
        .name = "safe", .min_states = 2, .min_member_states = 1,
        .eu = PROCURE_ROLE_COUNTS, .eea_efta = PROCURE_ROLE_COUNTS,
        .ukraine = PROCURE_ROLE_COUNTS, .funders_participate = true, .min_content_pct = 65,
        .contractors_restricted = true, .contractor_eu = true, .contractor_eea_efta = true,
        .contractor_ukraine = true,
    };
    int as_of;
    procure_date_parse("2026-12-01", &as_of);
    struct procure_demand *d = calloc((size_t)dn, sizeof *d);
    struct procure_supply *x = calloc((size_t)sn, sizeof *x);
    char (*ids)[16] = calloc((size_t)(dn + sn), sizeof *ids);
    const char **funders = calloc((size_t)dn, sizeof *funders);
    for (int i = 0; i < dn; i++) {
        const struct code *c = &codes[pick(CODES_N)];
        int ua = uniform() < 0.25;
        snprintf(ids[i], sizeof ids[i], "d%04d", i);
        funders[i] = donors[pick(4)];
        d[i] = (struct procure_demand){
            .id = ids[i], .country = ua ? "UA" : states[pick(28)], .cpv = c->cpv,
            .funders = &funders[i], .funders_n = ua && uniform() < 0.5,
            .quantity = 1 + (int64_t)(uniform() * (c->price_eur > 1e5 ? 20 : 4000)),
            .deadline = as_of + 60 + pick(480),
            .max_price_cents = (int64_t)(c->price_eur * 100 * (0.9 + 0.5 * uniform())),
        };
    }
    for (int j = 0; j < sn; j++) {
        const struct code *c = &codes[pick(CODES_N)];
        snprintf(ids[dn + j], sizeof ids[dn + j], "s%03d", j);
        int ua = uniform() < 0.3;
        x[j] = (struct procure_supply){
            .id = ids[dn + j], .cpv = c->cpv, .country = ua ? "UA" : states[pick(28)],
            .capacity_per_month = 1 + (int64_t)(uniform() * (c->price_eur > 1e5 ? 3 : 900)),
            .price_cents = (int64_t)(c->price_eur * 100 * (0.8 + 0.5 * uniform())),
            .lead_days = 14 + pick(150), .content_pct = 50 + 50 * uniform(),
        };
    }
    struct procure_problem p = {.rules = &safe, .as_of = as_of, .demands = d, .demands_n = dn,
                                .supplies = x, .supplies_n = sn};
    struct procure_solution flow, greedy;
    struct df_err err = {0};
    double t0 = now(), c0 = cpu();
    if (procure_plan(&p, &flow, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    double t_flow = now() - t0, c_flow = cpu() - c0;
    p.method = PROCURE_GREEDY;
    t0 = now();
    c0 = cpu();
    if (procure_plan(&p, &greedy, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    double t_greedy = now() - t0, c_greedy = cpu() - c0;
    p.method = PROCURE_FLOW;
    double lp_units = 0, lp_cost = 0;
    t0 = now();
    c0 = cpu();
    if (procure_lp_optimum(&p, &flow, &lp_units, &lp_cost, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    double t_lp = now() - t0, c_lp = cpu() - c0;
    double fc = (double)flow.total_cost_cents / 100, gc = (double)greedy.total_cost_cents / 100;
    printf("procure_bench: %d demands, %d supplies, %d lots, %d unplaced\n", dn, sn, flow.lots_n,
           flow.unplaced_n);
    printf("                      wall (cpu) s       units  cost\n");
    printf("  dfnc min-cost flow  %7.3f (%7.3f)  %10lld  %16.2f EUR\n", t_flow, c_flow,
           (long long)flow.delivered, fc);
    printf("  GLPK LP optimum     %7.3f (%7.3f)  %10.0f  %16.2f EUR\n", t_lp, c_lp, lp_units,
           lp_cost);
    printf("  greedy baseline     %7.3f (%7.3f)  %10lld  %16.2f EUR\n", t_greedy, c_greedy,
           (long long)greedy.delivered, gc);
    printf("  flow/LP: units %.6f, cost %.6f; greedy/LP units %.4f\n",
           (double)flow.delivered / lp_units, fc / lp_cost, (double)greedy.delivered / lp_units);
    printf("  flow under 2 s: wall %s, cpu %s (wall counts other processes' load)\n",
           t_flow < 2 ? "yes" : "no", c_flow < 2 ? "yes" : "no");
    procure_solution_free(&flow);
    procure_solution_free(&greedy);
    free(d);
    free(x);
    free(ids);
    free(funders);
    return 0;
}
