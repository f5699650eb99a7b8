/* dfnc procure plan|export: joint lots and allocations under an EU instrument's
 * rules, as text, JSON or an OCDS release package. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "app/procure.h"
#include "cli/cli.h"
#include "store/store.h"

/* beside an allocation from a supply that states no unit */
#define UNIT_UNSTATED "  unit not stated: its price may be per another unit"

static void print_text(const struct app_procure_plan *p)
{
    const struct procure_solution *sol = &p->sol;
    printf("instrument %s (%s), as of %s: %d lot%s, %d unplaced demand%s\n",
           p->inst.rules.name, p->inst.regulation ? p->inst.regulation : "", p->as_of,
           sol->lots_n, sol->lots_n == 1 ? "" : "s", sol->unplaced_n,
           sol->unplaced_n == 1 ? "" : "s");
    printf("rules: %s\n", p->inst.citations);
    for (int l = 0; l < sol->lots_n; l++) {
        const struct procure_lot *lot = &sol->lots[l];
        printf("\n%s  CPV %s  unit %s  countries", lot->id, lot->cpv_group, lot->unit);
        for (int c = 0; c < lot->countries_n; c++)   /* (UA): receives, does not count */
            printf(procure_country_counts(&p->inst.rules, lot->countries[c]) ? " %s" : " (%s)",
                   lot->countries[c]);
        printf("  unmet %lld", (long long)lot->unmet);
        if (p->inst.support_pct > 0)
            printf("  EU support up to %g%%", app_procure_lot_support(&p->inst, lot));
        putchar('\n');
        for (int k = 0; k < lot->demands_n; k++) {
            int i = lot->demands[k];
            printf("  %-24s %s %10lld %-8s by %s  max %.2f EUR\n", p->demands[i].id,
                   p->demands[i].country, (long long)p->demands[i].quantity, p->dinfo[i].unit,
                   p->dinfo[i].deliver_by, p->dinfo[i].max_unit_price_eur);
            for (int a = 0; a < lot->allocs_n; a++) {
                const struct procure_alloc *al = &sol->allocs[lot->allocs_first + a];
                if (al->demand == i)
                    printf("    <- %-20s %10lld at %.2f EUR (%s)%s\n", p->supplies[al->supply].id,
                           (long long)al->quantity, p->sinfo[al->supply].unit_price_eur,
                           p->supplies[al->supply].country,
                           al->unit_unstated ? UNIT_UNSTATED : "");
            }
            if (sol->unmet[i] > 0)
                printf("    unmet %lld: %s\n", (long long)sol->unmet[i], sol->unmet_reason[i]);
        }
    }
    if (sol->unplaced_n)
        printf("\nunplaced demands:\n");
    for (int k = 0; k < sol->unplaced_n; k++)
        printf("  %-24s %s\n", p->demands[sol->unplaced[k].demand].id, sol->unplaced[k].reason);
    bool heading = false;
    for (int j = 0; j < p->problem.supplies_n; j++)
        if (sol->idle_reason[j]) {
            if (!heading)
                printf("\nsupplies given nothing:\n");
            heading = true;
            printf("  %-24s %s\n", p->supplies[j].id, sol->idle_reason[j]);
        }
    printf("\ndelivered %lld units, unmet %lld, total cost %.2f EUR\n",
           (long long)sol->delivered, (long long)sol->unmet_total,
           (double)sol->total_cost_cents / 100.0);
}

int cli_cmd_procure(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *instrument = NULL, *as_of = NULL, *rules_file = NULL, *format = NULL;
    int as_json = 0;
    static const struct option opts[] = {
        {"instrument", required_argument, NULL, 'i'}, {"as-of", required_argument, NULL, 'a'},
        {"json", no_argument, NULL, 'j'},            {"format", required_argument, NULL, 'f'},
        {"instruments", required_argument, NULL, 'r'}, {0, 0, 0, 0}};
    if (argc < 2)
        return cli_usage("procure");
    const char *sub = argv[1];
    bool is_plan = strcmp(sub, "plan") == 0, is_export = strcmp(sub, "export") == 0;
    if (!is_plan && !is_export)
        return cli_usage("procure");
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc - 1, argv + 1, "+", opts, &seen)) != -1;) {
        switch (c) {
        case 'i': instrument = optarg; break;   /* given twice: refused by cli_getopt */
        case 'a': as_of = optarg; break;
        case 'j': as_json = 1; break;
        case 'f': format = optarg; break;
        case 'r': rules_file = optarg; break;
        default: return cli_usage("procure");
        }
    }
    if (optind != argc - 1 || !instrument || (is_export && (!format || strcmp(format, "ocds"))) ||
        (is_plan && format) || (is_export && as_json))
        return cli_usage("procure");

    struct df_err err = {0};
    struct store *s = NULL;
    struct app_procure_plan plan;
    int rc = 0;
    memset(&plan, 0, sizeof plan);
    if (store_open(&s, ctx->db_path, &err) < 0 ||
        app_procure_plan(s, instrument, rules_file, as_of, &plan, &err) < 0) {
        rc = err.kind == DF_ERR_USAGE ? (fprintf(stderr, "dfnc: %s\n", err.msg),
                                         cli_usage("procure"))
                                      : cli_fail(&err);
        goto out;
    }
    if (is_plan && !as_json) {
        print_text(&plan);
        goto out;
    }
    json_t *doc = is_plan ? app_procure_plan_json(&plan) : app_procure_ocds(s, &plan, &err);
    if (!doc) {
        if (is_plan)
            df_err_set(&err, DF_ERR_RUNTIME, "out of memory writing the plan");
        rc = cli_fail(&err);
        goto out;
    }
    json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
    putchar('\n');
    if (is_export && plan.sol.lots_n == 0)   /* OCDS asks a package for one or more releases */
        fprintf(stderr, "dfnc: no lot meets %s's rules: the package holds no release "
                        "(dfnc procure plan says why)\n", plan.inst.rules.name);
    json_decref(doc);
out:
    app_procure_plan_free(&plan);
    store_close(s);
    return rc;
}
