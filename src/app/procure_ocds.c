/* The plan as an OCDS 1.1.5 release package (with the lots extension): one
 * release per joint tender (a CPV group's lots under the instrument), items per
 * demand classified by CPV, parties with the buyer, interestedParty, supplier
 * and funder roles, and the allocation as pending (planned) awards, one per
 * lot and supplier.
 *
 * Who buys: the authority of a demand whose state counts toward the
 * instrument's minimum has the role "buyer". A state that only receives
 * quantities (Ukraine under EDIP and EDIRPA, Moldova under EDIRPA, whose
 * quantities the participating states' agreement adds) does not buy: its
 * authority is an "interestedParty" of the codelist (a party that expressed
 * an interest in the process, here by stating the demand), neither buyer,
 * payer nor procuring entity, and the lot's description names it after
 * "quantities also for". release.buyer holds one organisation in OCDS 1.1:
 * it is given when the release has one buyer, and left out when several buy
 * jointly (naming the first would say it alone concludes the contract); each
 * of them is in parties with the role "buyer". */
#include <stdio.h>
#include <string.h>

#include "app/procure.h"
#include "core/country.h"

#define OCID_PREFIX "ocds-dfnc00"
#define LOTS_EXTENSION \
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/" \
    "v1.1.5/extension.json"

/* A release's parties in order, and by id (the same objects) so that adding a
 * role to one already there does not read the list; the CPV labels by code,
 * read from the store once per package. */
struct ocds_index {
    json_t *parties, *party_by_id, *labels;
};

/* Adds role to the party with that id (creating it). */
static int add_party(struct store *s, struct ocds_index *x, const char *id, const char *role,
                     const char *country, struct arena *a, struct df_err *err)
{
    json_t *p = json_object_get(x->party_by_id, id);
    if (p) {
        json_t *roles = json_object_get(p, "roles");
        size_t k;
        json_t *r;
        json_array_foreach(roles, k, r)
            if (strcmp(json_string_value(r), role) == 0)
                return 0;
        return json_array_append_new(roles, json_string(role));
    }
    const char *name;
    if (country) {
        name = arena_printf(a, "Government of %s", country_name_en(country));
    } else {
        struct store_org o;
        if (store_org_get(s, id, a, &o, err) < 0)
            return -1;
        name = o.name;
        country = o.country;
    }
    if (!name)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    p = json_pack("{s:s, s:s, s:{s:s}, s:[s]}", "id", id, "name", name, "address",
                  "countryName", country_name_en(country), "roles", role);
    if (!p || json_object_set(x->party_by_id, id, p) < 0) {
        json_decref(p);
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    return json_array_append_new(x->parties, p);
}

/* after an award item from a supply that states no unit: its price is set
 * beside the lot's unit, which may not be what the supplier counts */
#define UNIT_UNSTATED " (the supplier states no unit: its price may be per another unit)"

static json_t *value(double eur) { return json_pack("{s:f, s:s}", "amount", eur, "currency", "EUR"); }

/* An item's unit: the lot's (its demands' canonical unit, or as the first
 * typed it), the same for every item of the lot, with its UN/CEFACT
 * Recommendation 20 code where the canon has one; price the unit's value. */
static json_t *unit(const struct procure_lot *lot, double eur)
{
    const char *code = procure_unit_code(lot->unit);
    return code ? json_pack("{s:s, s:s, s:s, s:o}", "scheme", "UNCEFACT", "id", code, "name",
                            lot->unit, "value", value(eur))
                : json_pack("{s:s, s:o}", "name", lot->unit, "value", value(eur));
}

static json_t *classification(struct store *s, struct ocds_index *x, const char *cpv,
                              struct arena *a)
{
    json_t *label = json_object_get(x->labels, cpv);
    if (!label) {
        const char *l = store_cpv_label(s, cpv, "en", a);
        label = l ? json_string(l) : json_null();
        if (json_object_set_new(x->labels, cpv, label) < 0)
            return NULL;
    }
    json_t *c = json_pack("{s:s, s:s}", "scheme", "CPV", "id", cpv);
    if (c && json_is_string(label))
        json_object_set(c, "description", label);
    return c;
}

/* The release of one CPV group's lots [from, to). */
static json_t *release(struct store *s, const struct app_procure_plan *p, int from, int to,
                       json_t *labels, struct arena *a, struct df_err *err)
{
    const struct procure_solution *sol = &p->sol;
    const struct procure_lot *first = &sol->lots[from];
    const char *ocid = arena_printf(a, OCID_PREFIX "-%s-%s", p->inst.rules.name,
                                    first->cpv_group);
    json_t *parties = json_array(), *items = json_array(), *lots = json_array();
    json_t *awards = json_array(), *award_by_id = json_object();
    struct ocds_index x = {parties, json_object(), labels};
    double tender_value = 0;
    for (int l = from; l < to; l++) {
        const struct procure_lot *lot = &sol->lots[l];
        double lot_value = 0;
        for (int k = 0; k < lot->demands_n; k++) {
            int i = lot->demands[k];
            const struct procure_demand *d = &p->demands[i];
            const struct app_procure_demand_info *info = &p->dinfo[i];
            const char *role = procure_country_counts(&p->inst.rules, d->country)
                                   ? "buyer" : "interestedParty";
            if (add_party(s, &x, info->buyer, role, NULL, a, err) < 0)
                goto fail;
            for (int f = 0; f < d->funders_n; f++)
                if (add_party(s, &x, arena_printf(a, "funder-%s", d->funders[f]), "funder",
                              d->funders[f], a, err) < 0)
                    goto fail;
            lot_value += (double)d->quantity * info->max_unit_price_eur;
            json_t *item = json_pack(
                "{s:s, s:s, s:o, s:I, s:o, s:s}", "id", d->id, "description",
                info->description ? info->description : d->cpv, "classification",
                classification(s, &x, d->cpv, a), "quantity", (json_int_t)d->quantity, "unit",
                unit(lot, info->max_unit_price_eur), "relatedLot", lot->id);
            json_array_append_new(items, item);
        }
        tender_value += lot_value;
        /* the states that procure, then those that only receive quantities */
        char by[4 * 64 + 1] = "", also[4 * 64 + 1] = "";
        for (int c = 0; c < lot->countries_n; c++) {
            char *list = procure_country_counts(&p->inst.rules, lot->countries[c]) ? by : also;
            snprintf(list + strlen(list), sizeof by - strlen(list), "%s%s", *list ? ", " : "",
                     lot->countries[c]);
        }
        json_array_append_new(
            lots, json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", lot->id, "title",
                            arena_printf(a, "Joint lot %s (CPV %s, in %s)", lot->id,
                                         lot->cpv_group, lot->unit),
                            "description",
                            arena_printf(a, "Common procurement under %s by %s%s%s; %lld units "
                                         "unmet by the plan", p->inst.rules.name, by,
                                         *also ? "; quantities also for " : "", also,
                                         (long long)lot->unmet),
                            "status", "planned", "value", value(lot_value)));
        /* One planned award per supplier of the lot. */
        for (int k = 0; k < lot->allocs_n; k++) {
            const struct procure_alloc *al = &sol->allocs[lot->allocs_first + k];
            const char *award_id = arena_printf(a, "%s-%s", lot->id, p->supplies[al->supply].id);
            json_t *award = json_object_get(award_by_id, award_id);
            const struct app_procure_supply_info *si = &p->sinfo[al->supply];
            if (add_party(s, &x, si->org, "supplier", NULL, a, err) < 0)
                goto fail;
            if (!award) {
                award = json_pack("{s:s, s:s, s:s, s:[s], s:o, s:[{s:s}], s:[]}", "id", award_id,
                                  "title", arena_printf(a, "Planned award of %s", lot->id),
                                  "status", "pending", "relatedLots", lot->id, "value",
                                  value(0), "suppliers", "id", si->org, "items");
                json_object_set(award_by_id, award_id, award);
                json_array_append_new(awards, award);
            }
            double amount = (double)al->quantity * si->unit_price_eur;
            json_t *v = json_object_get(award, "value");
            json_object_set_new(v, "amount",
                                json_real(json_number_value(json_object_get(v, "amount")) +
                                          amount));
            const struct procure_demand *d = &p->demands[al->demand];
            json_array_append_new(
                json_object_get(award, "items"),
                json_pack("{s:s, s:s, s:o, s:I, s:o, s:s}", "id",
                          arena_printf(a, "%s-%s", d->id, p->supplies[al->supply].id),
                          "description", arena_printf(a, "%s for demand %s%s", si->description
                                                      ? si->description : d->cpv, d->id,
                                                      al->unit_unstated ? UNIT_UNSTATED : ""),
                          "classification", classification(s, &x, d->cpv, a), "quantity",
                          (json_int_t)al->quantity, "unit", unit(lot, si->unit_price_eur),
                          "relatedLot", lot->id));
        }
    }
    /* The supplier entries in awards carry the parties' names. */
    size_t ai;
    json_t *aw;
    json_array_foreach(awards, ai, aw) {
        json_t *sup = json_array_get(json_object_get(aw, "suppliers"), 0);
        json_t *party = json_object_get(x.party_by_id, json_string_value(json_object_get(sup, "id")));
        if (party)
            json_object_set(sup, "name", json_object_get(party, "name"));
    }
    /* release.buyer only when one party buys (see the top of the file) */
    json_t *buyer = NULL;
    int buyers_n = 0;
    size_t pi;
    json_t *party;
    json_array_foreach(parties, pi, party) {
        size_t k;
        json_t *r;
        json_array_foreach(json_object_get(party, "roles"), k, r)
            if (strcmp(json_string_value(r), "buyer") == 0 && buyers_n++ == 0)
                buyer = party;
    }
    json_t *rel = json_pack(
        "{s:s, s:s, s:s, s:[s,s], s:s, s:s, s:o, s:{s:s, s:s, s:s, s:s, s:s, "
        "s:s, s:o, s:o, s:o}, s:o}",
        "ocid", ocid, "id", arena_printf(a, "%s-plan-%s", ocid, p->as_of), "date",
        arena_printf(a, "%sT00:00:00Z", p->as_of), "tag", "tender", "award", "initiationType",
        "tender", "language", "en", "parties", parties, "tender", "id",
        arena_printf(a, "%s-tender", ocid), "title",
        arena_printf(a, "Joint procurement of CPV %s under %s (%s)", first->cpv_group,
                     p->inst.rules.name, p->inst.regulation ? p->inst.regulation : ""),
        "description", arena_printf(a, "Rules of %s applied: %s", p->inst.rules.name,
                                    p->inst.citations),
        "status", "planned", "mainProcurementCategory", "goods", "procurementMethod", "open",
        "value", value(tender_value), "items", items, "lots", lots, "awards", awards);
    if (rel && buyers_n == 1)
        json_object_set_new(rel, "buyer", json_pack("{s:O, s:O}", "id", json_object_get(buyer, "id"),
                                                     "name", json_object_get(buyer, "name")));
    json_decref(x.party_by_id);
    json_decref(award_by_id);
    return rel;
fail:
    json_decref(x.party_by_id);
    json_decref(award_by_id);
    json_decref(parties);
    json_decref(items);
    json_decref(lots);
    json_decref(awards);
    return NULL;
}

json_t *app_procure_ocds(struct store *s, const struct app_procure_plan *p, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    json_t *releases = json_array(), *labels = json_object();
    const struct procure_solution *sol = &p->sol;
    for (int l = 0; l < sol->lots_n;) {
        int end = l + 1;
        while (end < sol->lots_n && strcmp(sol->lots[end].cpv_group, sol->lots[l].cpv_group) == 0)
            end++;
        json_t *r = release(s, p, l, end, labels, &a, err);
        if (!r) {
            json_decref(releases);
            json_decref(labels);
            arena_free(&a);
            return NULL;
        }
        json_array_append_new(releases, r);
        l = end;
    }
    json_t *pkg = json_pack("{s:s, s:s, s:s, s:{s:s}, s:[s], s:o}", "uri",
                            arena_printf(&a, "urn:dfnc:procure:%s:%s", p->inst.rules.name,
                                         p->as_of),
                            "version", "1.1", "publishedDate",
                            arena_printf(&a, "%sT00:00:00Z", p->as_of), "publisher", "name",
                            "dfnc", "extensions", LOTS_EXTENSION, "releases", releases);
    json_decref(labels);
    arena_free(&a);
    if (!pkg)
        df_err_set(err, DF_ERR_RUNTIME, "could not build the OCDS package");
    return pkg;
}
