/* Forum figures (see stats.h). */
#include "app/stats.h"

#include "app/procure_demo.h"

json_t *app_stats_json(struct store *s, bool with_procurement, struct df_err *err)
{
    struct store_stats st = {0};
    if (store_stats_get(s, &st, err) < 0)
        return NULL;
    json_t *o = json_pack("{sI sI sI sI sI sI sI sI sI sI sI sI}",
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
                          "events", (json_int_t)st.events,
                          "capabilities", (json_int_t)st.capabilities);
    if (!with_procurement)
        return o;
    struct procure_stats ps = {0};
    if (app_procure_stats(s, &ps, err) < 0) {
        json_decref(o);
        return NULL;
    }
    json_object_set_new(
        o, "procurement",
        json_pack("{sI sI sI sI sI ss ss sI sI sI sI sI sf}", "demands", (json_int_t)ps.demands,
                  "supplies", (json_int_t)ps.supplies, "ua_demands", (json_int_t)ps.ua_demands,
                  "funded_demands", (json_int_t)ps.funded_demands, "ua_supplies",
                  (json_int_t)ps.ua_supplies, "instrument", ps.instrument ? ps.instrument : "",
                  "as_of", ps.as_of, "lots", (json_int_t)ps.lots, "placed_demands",
                  (json_int_t)ps.placed_demands, "unplaced_demands",
                  (json_int_t)ps.unplaced_demands, "planned_units", (json_int_t)ps.planned_units,
                  "unmet_units", (json_int_t)ps.unmet_units, "planned_value_eur",
                  ps.planned_value_eur));
    return o;
}
