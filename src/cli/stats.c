/* dfnc stats: the forum figures, as text or JSON. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "app/procure_demo.h"
#include "cli/cli.h"
#include "store/store.h"

int cli_cmd_stats(struct cli_ctx *ctx, int argc, char **argv)
{
    int as_json = 0;
    static const struct option opts[] = {{"json", no_argument, NULL, 'j'}, {0, 0, 0, 0}};
    optind = 0;
    for (int c; (c = getopt_long(argc, argv, "+", opts, NULL)) != -1;) {
        if (c == 'j')
            as_json = 1;
        else
            return cli_usage("stats");
    }
    if (optind != argc)
        return cli_usage("stats");

    struct df_err err = {0};
    struct store *s = NULL;
    struct store_stats st = {0};
    struct procure_stats ps = {0};
    if (store_open(&s, ctx->db_path, &err) < 0 || store_stats_get(s, &st, &err) < 0 ||
        app_procure_stats(s, &ps, &err) < 0) {
        store_close(s);
        return cli_fail(&err);
    }
    store_close(s);
    if (as_json) {
        json_t *o = json_pack("{sI sI sI sI sI sI sI sI sI sI sI}",
                              "participants", (json_int_t)st.participants,
                              "organisations", (json_int_t)st.organisations,
                              "countries", (json_int_t)st.countries,
                              "eu_organisations", (json_int_t)st.eu_organisations,
                              "ua_organisations", (json_int_t)st.ua_organisations,
                              "requests", (json_int_t)st.requests,
                              "accepted", (json_int_t)st.accepted,
                              "pending", (json_int_t)st.pending,
                              "declined", (json_int_t)st.declined,
                              "scheduled", (json_int_t)st.scheduled,
                              "capabilities", (json_int_t)st.capabilities);
        json_object_set_new(
            o, "procurement",
            json_pack("{sI sI sI sI sI ss ss sI sI sI sI sI sf}", "demands", (json_int_t)ps.demands,
                      "supplies", (json_int_t)ps.supplies, "ua_demands",
                      (json_int_t)ps.ua_demands, "funded_demands", (json_int_t)ps.funded_demands,
                      "ua_supplies", (json_int_t)ps.ua_supplies, "instrument",
                      ps.instrument ? ps.instrument : "", "as_of", ps.as_of, "lots",
                      (json_int_t)ps.lots, "placed_demands", (json_int_t)ps.placed_demands,
                      "unplaced_demands", (json_int_t)ps.unplaced_demands, "planned_units",
                      (json_int_t)ps.planned_units, "unmet_units", (json_int_t)ps.unmet_units,
                      "planned_value_eur", ps.planned_value_eur));
        json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
    } else {
        printf("participants        %lld\n", (long long)st.participants);
        printf("organisations       %lld (EU %lld, Ukraine %lld)\n", (long long)st.organisations,
               (long long)st.eu_organisations, (long long)st.ua_organisations);
        printf("countries           %lld\n", (long long)st.countries);
        printf("capabilities        %lld\n", (long long)st.capabilities);
        printf("meeting requests    %lld (accepted %lld, pending %lld, declined %lld)\n",
               (long long)st.requests, (long long)st.accepted, (long long)st.pending,
               (long long)st.declined);
        printf("meetings scheduled  %lld\n", (long long)st.scheduled);
        if (ps.demands || ps.supplies) {
            printf("joint procurement   %lld demands (%lld Ukrainian, %lld donor-funded), "
                   "%lld supplies (%lld Ukrainian)\n", (long long)ps.demands,
                   (long long)ps.ua_demands, (long long)ps.funded_demands, (long long)ps.supplies,
                   (long long)ps.ua_supplies);
            printf("  under %s as of %s: %lld joint lots, %lld demands placed, %lld unplaced; "
                   "%lld units planned (EUR %.0f), %lld unmet\n", ps.instrument, ps.as_of,
                   (long long)ps.lots, (long long)ps.placed_demands,
                   (long long)ps.unplaced_demands, (long long)ps.planned_units,
                   ps.planned_value_eur, (long long)ps.unmet_units);
        }
    }
    return 0;
}
