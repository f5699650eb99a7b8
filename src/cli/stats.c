/* dfnc stats: the forum figures, as text or JSON. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "app/procure_demo.h"
#include "app/stats.h"
#include "cli/cli.h"
#include "store/store.h"

int cli_cmd_stats(struct cli_ctx *ctx, int argc, char **argv)
{
    int as_json, usage = cli_json_only("stats", argc, argv, &as_json);
    if (usage)
        return usage;

    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    if (as_json) {
        json_t *o = app_stats_json(s, true, &err);
        store_close(s);
        if (!o)
            return cli_fail(&err);
        json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
        return 0;
    }
    struct store_stats st = {0};
    struct procure_stats ps = {0};
    int rc = store_stats_get(s, &st, &err) < 0 || app_procure_stats(s, &ps, &err) < 0 ? -1 : 0;
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
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
    return 0;
}
