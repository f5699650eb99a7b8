/* Joint procurement for the web and the API (procure_view.h): the plan of
 * app_procure_plan cut to what each caller may see, with the CPV labels in
 * both languages and the organisations' names the pages show. */
#include "app/procure_view.h"

#include <string.h>

#include "app/procure_cache.h"
#include "store/procure.h"

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* A supply's unit as its rows show it: "unit" as typed, "unit_name" the
 * canonical name ("sets") or the unit as typed (procure_unit_key), both null
 * when it states none. 0, or -1 when out of memory. */
static int set_supply_unit(json_t *row, const char *unit, struct arena *a)
{
    const char *name = NULL;
    const char *key = unit ? procure_unit_key(a, unit, &name) : "";
    if (!key)
        return -1;
    if (!*key)
        unit = name = NULL;
    return json_object_set_new(row, "unit", str_or_null(unit)) < 0 ||
                   json_object_set_new(row, "unit_name", str_or_null(name)) < 0
               ? -1
               : 0;
}

json_t *app_procure_instruments(struct df_err *err)
{
    json_error_t je;
    json_t *root = json_loads(app_procure_instruments_json, 0, &je), *out = json_array();
    struct arena a;
    arena_init(&a, 0);
    size_t i;
    json_t *o;
    if (!root) {
        df_err_set(err, DF_ERR_RUNTIME, "the embedded instruments: %s", je.text);
        goto fail;
    }
    json_array_foreach(json_object_get(root, "instruments"), i, o) {
        const char *name = json_string_value(json_object_get(o, "name"));
        struct app_instrument in;
        if (!name)     /* as app_procure_instrument, which finds none by it */
            continue;
        if (app_procure_instrument(NULL, name, &a, &in, err) < 0)
            goto fail;
        json_t *copy = json_deep_copy(o);
        json_object_set_new(copy, "rules", json_string(in.citations));
        json_array_append_new(out, copy);
    }
    json_decref(root);
    arena_free(&a);
    return json_pack("{so}", "instruments", out);
fail:
    json_decref(root);
    json_decref(out);
    arena_free(&a);
    return NULL;
}

const struct app_procure_plan *app_procure_plan_asked(struct store *s, const char *instrument,
                                                      const char *as_of, struct df_err *err)
{
    const struct app_procure_plan *p =
        app_procure_cache_get(app_procure_cache_shared(), s, instrument, as_of, err);
    if (!p && err->kind == DF_ERR_USAGE)   /* the only usage error left: no such instrument */
        err->kind = DF_ERR_NOT_FOUND;
    return p;
}

/* {"en","uk"} of code into labels, once per code (null for a label the
 * classifier lacks, or when no classifier is loaded). */
static int add_label(struct store *s, json_t *labels, const char *code, struct arena *a)
{
    if (json_object_get(labels, code))
        return 0;
    return json_object_set_new(
        labels, code,
        json_pack("{so so}", "en", str_or_null(store_cpv_label(s, code, "en", a)), "uk",
                  str_or_null(store_cpv_label(s, code, "uk", a))));
}

/* {"id","name","name_uk","country"} of organisation id (its name the id when gone). */
static json_t *org_json(struct store *s, const char *id, struct arena *a)
{
    struct store_org o;
    struct df_err err = {0};
    if (store_org_get(s, id, a, &o, &err) < 0)
        return json_pack("{ss ss sn sn}", "id", id, "name", id, "name_uk", "country");
    return json_pack("{ss ss so ss}", "id", id, "name", o.name, "name_uk", str_or_null(o.name_uk),
                     "country", o.country);
}

/* Adds organisation id to orgs once: 0, or -1 when out of memory. */
static int add_org(struct store *s, json_t *orgs, const char *id, struct arena *a)
{
    return json_object_get(orgs, id) ? 0 : json_object_set_new(orgs, id, org_json(s, id, a));
}

/* The whole plan, every row or none: a row that cannot be written (out of
 * memory) fails the request rather than going out without it. */
json_t *app_procure_whole_view(struct store *s, const struct app_procure_plan *p,
                               struct df_err *err)
{
    json_t *j = app_procure_plan_json(p), *demands = json_array(), *supplies = json_array();
    json_t *labels = json_object(), *orgs = json_object();
    struct arena a;
    arena_init(&a, 0);
    /* what each supply delivers in the plan, the organiser's to see before
     * withdrawing it */
    int64_t *allocated = arena_alloc(&a, ((size_t)p->problem.supplies_n + 1) * sizeof *allocated);
    bool lost = !j || !demands || !supplies || !labels || !orgs || !allocated;
    if (allocated) {
        memset(allocated, 0, ((size_t)p->problem.supplies_n + 1) * sizeof *allocated);
        for (int k = 0; k < p->sol.allocs_n; k++)
            allocated[p->sol.allocs[k].supply] += p->sol.allocs[k].quantity;
    }
    for (int i = 0; !lost && i < p->problem.demands_n; i++) {
        const struct procure_demand *d = &p->demands[i];
        const struct app_procure_demand_info *in = &p->dinfo[i];
        lost = add_label(s, labels, d->cpv, &a) < 0 || add_org(s, orgs, in->buyer, &a) < 0 ||
               json_array_append_new(
                   demands, json_pack("{ss ss ss ss sI ss ss sf}", "id", d->id, "buyer",
                                      in->buyer, "country", d->country, "cpv", d->cpv,
                                      "quantity", (json_int_t)d->quantity, "unit", in->unit,
                                      "deliver_by", in->deliver_by, "max_unit_price_eur",
                                      in->max_unit_price_eur)) < 0;
    }
    for (int k = 0; !lost && k < p->problem.supplies_n; k++) {
        const struct procure_supply *x = &p->supplies[k];
        const struct app_procure_supply_info *in = &p->sinfo[k];
        json_t *row = json_pack("{ss ss ss ss sI sf si sI}", "id", x->id, "organisation",
                                in->org, "cpv", x->cpv, "production_country", x->country,
                                "capacity_per_month", (json_int_t)x->capacity_per_month,
                                "unit_price_eur", in->unit_price_eur, "lead_time_days",
                                x->lead_days, "allocated", (json_int_t)allocated[k]);
        lost = !row || set_supply_unit(row, x->unit, &a) < 0 ||
               add_label(s, labels, x->cpv, &a) < 0 || add_org(s, orgs, in->org, &a) < 0 ||
               json_array_append_new(supplies, json_incref(row)) < 0;
        json_decref(row);
    }
    arena_free(&a);
    if (!lost) {
        json_t *parts[4] = {demands, supplies, orgs, labels};
        demands = supplies = orgs = labels = NULL;   /* j takes them, whatever happens */
        lost = json_object_set_new(j, "demands", parts[0]) < 0;
        lost |= json_object_set_new(j, "supplies", parts[1]) < 0;
        lost |= json_object_set_new(j, "organisations", parts[2]) < 0;
        lost |= json_object_set_new(j, "cpv_labels", parts[3]) < 0;
    }
    if (lost) {
        json_decref(j);
        json_decref(demands);
        json_decref(supplies);
        json_decref(labels);
        json_decref(orgs);
        df_err_set(err, DF_ERR_RUNTIME, "out of memory writing the plan");
        return NULL;
    }
    return j;
}

/* What one organisation's view reads from the store once, however many rows
 * name it: the organisations' names ({id: org_json}) and the CPV labels
 * ({code: [en, uk]}), asked of SQLite once each instead of per allocation. */
struct view_memo {
    struct store *s;
    struct arena a;
    json_t *orgs, *labels;
};

/* org_json of id, kept in m: a new reference, NULL when out of memory. */
static json_t *memo_org(struct view_memo *m, const char *id)
{
    json_t *o = json_object_get(m->orgs, id);
    if (!o && (!(o = org_json(m->s, id, &m->a)) || json_object_set_new(m->orgs, id, o) < 0))
        return NULL;
    return json_incref(o);
}

/* A row's CPV code with its labels in both languages: 0, -1 when out of memory. */
static int set_cpv(struct view_memo *m, json_t *row, const char *code)
{
    json_t *l = json_object_get(m->labels, code);
    if (!l) {
        l = json_pack("[oo]", str_or_null(store_cpv_label(m->s, code, "en", &m->a)),
                      str_or_null(store_cpv_label(m->s, code, "uk", &m->a)));
        if (!l || json_object_set_new(m->labels, code, l) < 0)
            return -1;
    }
    return json_object_set_new(row, "cpv", json_string(code)) < 0 ||
                   json_object_set(row, "cpv_label_en", json_array_get(l, 0)) < 0 ||
                   json_object_set(row, "cpv_label_uk", json_array_get(l, 1)) < 0
               ? -1
               : 0;
}

/* NULL when out of memory, as every row builder below. */
static json_t *lot_json(const struct app_procure_plan *p, const struct procure_lot *lot)
{
    json_t *countries = json_array(), *counting = json_array();
    for (int c = 0; countries && counting && c < lot->countries_n; c++)
        if (json_array_append_new(countries, json_string(lot->countries[c])) < 0 ||
            (procure_country_counts(&p->inst.rules, lot->countries[c]) &&
             json_array_append_new(counting, json_string(lot->countries[c])) < 0)) {
            json_decref(countries);
            json_decref(counting);
            return NULL;
        }
    return json_pack("{ss ss ss so so}", "id", lot->id, "cpv", lot->cpv_group, "unit",
                     lot->unit, "countries", countries, "participating", counting);
}

/* "DK;SE" as ["DK","SE"]: what the buyer's people change on the page. */
static json_t *funders_json(const char *list)
{
    json_t *out = json_array();
    for (const char *p = list ? list : ""; out && *p;) {
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 0 && json_array_append_new(out, json_stringn(p, n)) < 0) {
            json_decref(out);
            return NULL;
        }
        p += n + (end != NULL);
    }
    return out;
}

/* Demand i as its buyer sees it: the lot, or why it has none, and who
 * delivers. NULL when out of memory. */
static json_t *own_demand(struct view_memo *m, const struct app_procure_plan *p, int i,
                          const int *lot_of)
{
    const struct procure_solution *sol = &p->sol;
    const struct procure_demand *d = &p->demands[i];
    const struct app_procure_demand_info *in = &p->dinfo[i];
    json_t *allocs = json_array(), *row = NULL;
    if (!allocs)
        return NULL;
    for (int k = 0; k < sol->allocs_n; k++) {
        const struct procure_alloc *al = &sol->allocs[k];
        if (al->demand != i)
            continue;
        if (json_array_append_new(allocs, json_pack("{so sI sf sb}", "supplier",
                                                    memo_org(m, p->sinfo[al->supply].org),
                                                    "quantity", (json_int_t)al->quantity,
                                                    "unit_price_eur",
                                                    p->sinfo[al->supply].unit_price_eur,
                                                    "unit_unstated", al->unit_unstated)) < 0)
            goto fail;
    }
    const char *reason = NULL;
    const struct procure_why *why = NULL;
    for (int k = 0; k < sol->unplaced_n; k++)
        if (sol->unplaced[k].demand == i) {
            reason = sol->unplaced[k].reason;
            why = sol->unplaced[k].why;
        }
    row = json_pack("{ss ss so sI ss ss sf}", "id", d->id, "country", d->country,
                    "description", str_or_null(in->description), "quantity",
                    (json_int_t)d->quantity, "unit", in->unit, "deliver_by", in->deliver_by,
                    "max_unit_price_eur", in->max_unit_price_eur);
    if (!row || set_cpv(m, row, d->cpv) < 0 ||
        json_object_set_new(row, "lot", lot_of[i] >= 0 ? lot_json(p, &sol->lots[lot_of[i]])
                                                       : json_null()) < 0 ||
        json_object_set_new(row, "unplaced_reason", str_or_null(reason)) < 0 ||
        json_object_set_new(row, "unplaced_why", app_procure_why_json(why, reason)) < 0 ||
        json_object_set_new(row, "unmet", json_integer(sol->unmet[i])) < 0 ||
        json_object_set_new(row, "unmet_reason", str_or_null(sol->unmet_reason[i])) < 0 ||
        json_object_set_new(row, "unmet_why",
                            app_procure_why_json(sol->unmet_why[i], sol->unmet_reason[i])) < 0 ||
        json_object_set(row, "allocations", allocs) < 0 ||
        json_object_set_new(row, "funder_countries", funders_json(in->funders)) < 0)
        goto fail;
    json_decref(allocs);
    return row;
fail:
    json_decref(allocs);
    json_decref(row);
    return NULL;
}

/* Supply k as its supplier sees it: what the plan gives it to deliver. NULL
 * when out of memory. */
static json_t *own_supply(struct view_memo *m, const struct app_procure_plan *p, int k,
                          const int *lot_of)
{
    const struct procure_solution *sol = &p->sol;
    const struct procure_supply *x = &p->supplies[k];
    const struct app_procure_supply_info *in = &p->sinfo[k];
    json_t *allocs = json_array(), *row = NULL;
    if (!allocs)
        return NULL;
    for (int n = 0; n < sol->allocs_n; n++) {
        const struct procure_alloc *al = &sol->allocs[n];
        if (al->supply != k)
            continue;
        int i = al->demand;
        const struct procure_lot *lot = &sol->lots[lot_of[i]];
        json_t *a = json_pack("{ss ss sI ss sf ss sb}", "lot", lot->id, "country",
                              p->demands[i].country, "quantity", (json_int_t)al->quantity,
                              "unit", lot->unit, "unit_price_eur", in->unit_price_eur,
                              "deliver_by", p->dinfo[i].deliver_by, "unit_unstated",
                              al->unit_unstated);
        if (!a || set_cpv(m, a, p->demands[i].cpv) < 0) {
            json_decref(a);
            goto fail;
        }
        if (json_array_append_new(allocs, a) < 0)
            goto fail;
    }
    row = json_pack("{ss so ss sI sf si}", "id", x->id, "description",
                    str_or_null(in->description), "production_country", x->country,
                    "capacity_per_month", (json_int_t)x->capacity_per_month, "unit_price_eur",
                    in->unit_price_eur, "lead_time_days", x->lead_days);
    if (!row || set_supply_unit(row, x->unit, &m->a) < 0 ||
        json_object_set_new(row, "eu_content_pct", json_real(x->content_pct)) < 0 ||
        json_object_set_new(row, "ua_content_pct", json_real(x->ua_content_pct)) < 0 ||
        set_cpv(m, row, x->cpv) < 0 || json_object_set(row, "allocations", allocs) < 0 ||
        json_object_set_new(row, "idle_reason", str_or_null(sol->idle_reason[k])) < 0 ||
        json_object_set_new(row, "idle_why",
                            app_procure_why_json(sol->idle_why[k], sol->idle_reason[k])) < 0)
        goto fail;
    json_decref(allocs);
    return row;
fail:
    json_decref(allocs);
    json_decref(row);
    return NULL;
}

json_t *app_procure_item_json(const struct store_demand *d, const struct store_supply *x)
{
    if (d)
        return json_pack("{ss ss ss ss so sI ss ss sf so}", "id", d->id, "buyer", d->buyer,
                         "country", d->country, "cpv", d->cpv, "description",
                         str_or_null(d->description), "quantity", (json_int_t)d->quantity,
                         "unit", d->unit, "deliver_by", d->deliver_by, "max_unit_price_eur",
                         d->max_unit_price_eur, "funder_countries", funders_json(d->funders));
    return json_pack("{ss ss ss so sI so sf si ss sf sf}", "id", x->id, "organisation", x->org,
                     "cpv", x->cpv, "description", str_or_null(x->description),
                     "capacity_per_month", (json_int_t)x->capacity_per_month, "unit",
                     str_or_null(x->unit), "unit_price_eur", x->unit_price_eur,
                     "lead_time_days", x->lead_time_days, "production_country",
                     x->production_country, "eu_content_pct", x->eu_content_pct,
                     "ua_content_pct", x->ua_content_pct);
}

json_t *app_procure_org_view(struct store *s, const struct app_procure_plan *p, const char *org,
                             struct df_err *err)
{
    const struct procure_solution *sol = &p->sol;
    struct view_memo m = {.s = s, .orgs = json_object(), .labels = json_object()};
    arena_init(&m.a, 0);
    int n = p->problem.demands_n;
    int *lot_of = arena_alloc(&m.a, ((size_t)n + 1) * sizeof *lot_of);
    json_t *demands = json_array(), *supplies = json_array(), *j = NULL;
    if (!lot_of || !m.orgs || !m.labels || !demands || !supplies)
        goto out;
    for (int i = 0; i < n; i++)
        lot_of[i] = -1;
    for (int l = 0; l < sol->lots_n; l++)
        for (int k = 0; k < sol->lots[l].demands_n; k++)
            lot_of[sol->lots[l].demands[k]] = l;
    /* a row that cannot be written fails the whole view: a buyer shown a
     * plan without one of its demands would take it as not planned */
    for (int i = 0; org && i < n; i++)
        if (strcmp(p->dinfo[i].buyer, org) == 0 &&
            json_array_append_new(demands, own_demand(&m, p, i, lot_of)) < 0)
            goto out;
    for (int k = 0; org && k < p->problem.supplies_n; k++)
        if (strcmp(p->sinfo[k].org, org) == 0 &&
            json_array_append_new(supplies, own_supply(&m, p, k, lot_of)) < 0)
            goto out;
    j = json_pack("{ss ss ss ss so sO sO}", "instrument", p->inst.rules.name, "regulation",
                  p->inst.regulation ? p->inst.regulation : "", "rules", p->inst.citations,
                  "as_of", p->as_of, "organisation", org ? memo_org(&m, org) : json_null(),
                  "demands", demands, "supplies", supplies);
out:
    json_decref(demands);
    json_decref(supplies);
    json_decref(m.orgs);
    json_decref(m.labels);
    arena_free(&m.a);
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory writing the plan");
    return j;
}

int app_procure_org_takes_part(struct store *s, const char *org, const char *kind, bool *out,
                               struct df_err *err)
{
    int64_t d = 0, x = 0;
    *out = false;
    if (!org)
        return 0;
    if (kind && (strcmp(kind, "government") == 0 || strcmp(kind, "company") == 0)) {
        *out = true;
        return 0;
    }
    if (store_procure_org_counts(s, org, &d, &x, err) < 0)
        return -1;
    *out = d > 0 || x > 0;
    return 0;
}
