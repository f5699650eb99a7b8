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

/* The LP optimum of the allocation of the lots' demands: x (pair flows) and, per
 * supplier and deadline, y = units delivered by then (chain rows), y <= capacity.
 * Phase 1 maximises units; phase 2 fixes them and minimises cost in EUR. */
static double lp_optimum(const struct procure_problem *p, const struct procure_solution *s,
                         double *units)
{
    char *in_lot = calloc((size_t)p->demands_n, 1);
    for (int l = 0; l < s->lots_n; l++)
        for (int k = 0; k < s->lots[l].demands_n; k++)
            in_lot[s->lots[l].demands[k]] = 1;
    glp_prob *lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    /* Rows 1..D: demand caps. Then chain rows per (supplier, deadline). */
    glp_add_rows(lp, p->demands_n);
    for (int i = 0; i < p->demands_n; i++)
        glp_set_row_bnds(lp, i + 1, GLP_UP, 0, in_lot[i] ? (double)p->demands[i].quantity : 0);
    int cap = 1 << 16, nz = 0;
    int *ia = malloc(sizeof *ia * (size_t)cap), *ja = malloc(sizeof *ja * (size_t)cap);
    double *ar = malloc(sizeof *ar * (size_t)cap);
    int *dl = malloc(sizeof *dl * (size_t)p->demands_n);
    double *cost = NULL;
    int cost_cap = 0;
#define NZ(r, c, v)                                                                  \
    do {                                                                             \
        if (nz + 2 >= cap) {                                                         \
            cap *= 2;                                                                \
            ia = realloc(ia, sizeof *ia * (size_t)cap);                              \
            ja = realloc(ja, sizeof *ja * (size_t)cap);                              \
            ar = realloc(ar, sizeof *ar * (size_t)cap);                              \
        }                                                                            \
        nz++;                                                                        \
        ia[nz] = (r);                                                                \
        ja[nz] = (c);                                                                \
        ar[nz] = (v);                                                                \
    } while (0)
    for (int j = 0; j < p->supplies_n; j++) {
        const struct procure_supply *x = &p->supplies[j];
        int n = 0;
        for (int i = 0; i < p->demands_n; i++)
            if (in_lot[i] && procure_pair_is_eligible(p->rules, &p->demands[i], x) &&
                procure_capacity_by(x, p->as_of, p->demands[i].deadline) > 0) {
                int d = p->demands[i].deadline, k = 0;
                while (k < n && dl[k] != d)
                    k++;
                if (k == n)
                    dl[n++] = d;
            }
        for (int a = 1; a < n; a++)         /* insertion sort: few deadlines */
            for (int b = a; b > 0 && dl[b - 1] > dl[b]; b--) {
                int t = dl[b];
                dl[b] = dl[b - 1];
                dl[b - 1] = t;
            }
        if (n == 0)
            continue;
        int row0 = glp_add_rows(lp, n), ycol0 = glp_add_cols(lp, n);
        for (int t = 0; t < n; t++) {
            /* y_t - y_{t-1} - sum x(deadline t) = 0, 0 <= y_t <= C(t) */
            glp_set_row_bnds(lp, row0 + t, GLP_FX, 0, 0);
            glp_set_col_bnds(lp, ycol0 + t, GLP_DB, 0,
                             (double)procure_capacity_by(x, p->as_of, dl[t]));
            NZ(row0 + t, ycol0 + t, 1);
            if (t > 0)
                NZ(row0 + t, ycol0 + t - 1, -1);
        }
        for (int i = 0; i < p->demands_n; i++) {
            const struct procure_demand *d = &p->demands[i];
            if (!in_lot[i] || !procure_pair_is_eligible(p->rules, d, x) ||
                procure_capacity_by(x, p->as_of, d->deadline) <= 0)
                continue;
            int t = 0;
            while (dl[t] != d->deadline)
                t++;
            int c = glp_add_cols(lp, 1);
            glp_set_col_bnds(lp, c, GLP_LO, 0, 0);
            glp_set_obj_coef(lp, c, 1);
            if (c >= cost_cap) {
                cost_cap = 2 * c + 1024;
                cost = realloc(cost, sizeof *cost * (size_t)cost_cap);
            }
            cost[c] = (double)x->price_cents / 100.0;
            NZ(i + 1, c, 1);
            NZ(row0 + t, c, -1);
        }
        /* y columns carry no cost; mark them so phase 2 leaves them at zero cost */
        for (int t = 0; t < n; t++) {
            if (ycol0 + t >= cost_cap) {
                cost_cap = 2 * (ycol0 + t) + 1024;
                cost = realloc(cost, sizeof *cost * (size_t)cost_cap);
            }
            cost[ycol0 + t] = -1;   /* -1: not an x column */
        }
    }
    glp_load_matrix(lp, nz, ia, ja, ar);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    glp_simplex(lp, &parm);
    double best_units = glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : -1;
    *units = best_units;
    /* Phase 2: keep the units, minimise the cost. */
    int r = glp_add_rows(lp, 1);
    int ncols = glp_get_num_cols(lp);
    int *ind = malloc(sizeof *ind * ((size_t)ncols + 1));
    double *val = malloc(sizeof *val * ((size_t)ncols + 1));
    int k = 0;
    for (int c = 1; c <= ncols; c++)
        if (cost[c] >= 0) {
            k++;
            ind[k] = c;
            val[k] = 1;
            glp_set_obj_coef(lp, c, cost[c]);
        } else {
            glp_set_obj_coef(lp, c, 0);
        }
    glp_set_mat_row(lp, r, k, ind, val);
    glp_set_row_bnds(lp, r, GLP_LO, best_units - 1e-6, 0);   /* phase 1 is integral */
    glp_set_obj_dir(lp, GLP_MIN);
    parm.presolve = GLP_OFF;
    glp_simplex(lp, &parm);
    double best_cost = glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : -1;
    glp_delete_prob(lp);
    free(ind);
    free(val);
    free(ia);
    free(ja);
    free(ar);
    free(dl);
    free(cost);
    free(in_lot);
    return best_cost;
}

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
    double lp_units = 0;
    t0 = now();
    c0 = cpu();
    double lp_cost = lp_optimum(&p, &flow, &lp_units);
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
