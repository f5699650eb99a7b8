/* Joint procurement planning as a use-case (see procure.h): rules from JSON,
 * demands and supplies from the store, the engine in between, JSON out. */
#include "app/procure.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/rule_text.h"
#include "core/file.h"
#include "store/procure.h"

/* ---- instruments ------------------------------------------------------------ */

static int role(json_t *participants, const char *cls, enum procure_role *out,
                struct df_err *err)
{
    const char *v = json_string_value(json_object_get(participants, cls));
    if (!v || strcmp(v, "none") == 0)
        *out = PROCURE_ROLE_NONE;
    else if (strcmp(v, "counts") == 0)
        *out = PROCURE_ROLE_COUNTS;
    else if (strcmp(v, "joins") == 0)
        *out = PROCURE_ROLE_JOINS;
    else
        return df_err_set(err, DF_ERR_INPUT, "participants.%s \"%s\" is not counts|joins|none",
                          cls, v);
    return 0;
}

/* Whether list is "" or two-letter codes separated by ';' ("UA;MD"). */
static bool is_code_list(const char *list)
{
    for (const char *p = list; *p; p += 3) {
        if (!isupper((unsigned char)p[0]) || !isupper((unsigned char)p[1]))
            return false;
        if (p[2] != ';')
            return p[2] == '\0';
        if (!p[3])
            return false;
    }
    return true;
}

/* The support ceiling sup ({"value", "raised_value"?, "raised_for"?}; absent:
 * none) into out. A ceiling raised for no one, or raised_value left out,
 * stays the same for every lot. */
static int support(json_t *sup, struct arena *a, struct app_instrument *out, struct df_err *err)
{
    out->support_pct = out->support_raised_pct = 0;
    out->support_raised_for = "";
    if (!sup)
        return 0;
    json_t *v = json_object_get(sup, "value"), *raised = json_object_get(sup, "raised_value");
    json_t *raised_for = json_object_get(sup, "raised_for");
    if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 100)
        return df_err_set(err, DF_ERR_INPUT, "max_support_pct.value is not a number from 0 to 100");
    out->support_pct = out->support_raised_pct = json_number_value(v);
    if (raised && (!json_is_number(raised) || json_number_value(raised) < out->support_pct ||
                   json_number_value(raised) > 100))
        return df_err_set(err, DF_ERR_INPUT, "max_support_pct.raised_value is not a number from "
                          "its value (%g) to 100", out->support_pct);
    if (raised)
        out->support_raised_pct = json_number_value(raised);
    if (raised_for && (!json_is_string(raised_for) || !is_code_list(json_string_value(raised_for))))
        return df_err_set(err, DF_ERR_INPUT, "max_support_pct.raised_for is not a list of "
                          "country codes like \"UA;MD\"");
    out->support_raised_for = arena_strdup(a, raised_for ? json_string_value(raised_for) : "");
    return out->support_raised_for ? 0 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
}

static int parse_instrument(json_t *o, struct arena *a, struct app_instrument *out,
                            struct df_err *err)
{
    double states = 0, members = 0, content = 0;
    json_t *part = json_object_get(o, "participants");
    json_t *contr = json_object_get(o, "contractors");
    struct procure_rules *r = &out->rules;
    if (app_rule_figure(o, "min_participating_states", &states, err) < 0 ||
        app_rule_figure(o, "min_member_states", &members, err) < 0 ||
        app_rule_figure(o, "min_eligible_content_pct", &content, err) < 0)
        return -1;
    if (!json_is_object(part))
        return df_err_set(err, DF_ERR_INPUT, "participants is missing");
    if (role(part, "eu", &r->eu, err) < 0 || role(part, "eea_efta", &r->eea_efta, err) < 0 ||
        role(part, "ukraine", &r->ukraine, err) < 0 || role(part, "moldova", &r->moldova, err) < 0)
        return -1;
    if (states < 1 || states > 50 || members < 0 || members > states || content < 0 ||
        content > 100)
        return df_err_set(err, DF_ERR_INPUT, "figures out of range (states %g, Member States "
                          "%g, content %g%%)", states, members, content);
    r->min_states = (int)states;
    r->min_member_states = (int)members;
    r->min_content_pct = content;
    r->funders_participate =
        json_is_true(json_object_get(json_object_get(o, "funders_participate"), "value"));
    r->content_ukraine_counts =
        json_is_true(json_object_get(json_object_get(o, "content_ukraine_counts"), "value"));
    r->contractors_restricted = json_is_true(json_object_get(contr, "restricted"));
    r->contractor_eu = json_is_true(json_object_get(contr, "eu"));
    r->contractor_eea_efta = json_is_true(json_object_get(contr, "eea_efta"));
    r->contractor_ukraine = json_is_true(json_object_get(contr, "ukraine"));
    if (support(json_object_get(o, "max_support_pct"), a, out, err) < 0)
        return -1;
    r->name = arena_strdup(a, json_string_value(json_object_get(o, "name")));
    out->title = arena_strdup(a, json_string_value(json_object_get(o, "title")));
    out->regulation = arena_strdup(a, json_string_value(json_object_get(o, "regulation")));
    out->url = arena_strdup(a, json_string_value(json_object_get(o, "url")));
    char what[4][96];
    snprintf(what[0], sizeof what[0], "at least %d participating state%s", r->min_states,
             r->min_states == 1 ? "" : "s");
    snprintf(what[1], sizeof what[1], "at least %d Member State%s", r->min_member_states,
             r->min_member_states == 1 ? "" : "s");
    snprintf(what[2], sizeof what[2], "eligible content (EU and associated origin) at least %g%%", content);
    if (*out->support_raised_for)
        snprintf(what[3], sizeof what[3], "EU support up to %g%% of a lot, %g%% with %s",
                 out->support_pct, out->support_raised_pct, out->support_raised_for);
    else
        snprintf(what[3], sizeof what[3], "EU support up to %g%% of a lot", out->support_pct);
    const char *paying = r->funders_participate
                             ? "a state paying for another's demand counts"
                             : "a state paying for another's demand does not count";
    const char *ua_content = r->content_ukraine_counts
                                 ? "Ukrainian components count as eligible content"
                                 : "Ukrainian components do not count as eligible content";
    const char *contractors = "suppliers established and producing only where contractors "
                              "may be established";
    out->citations = arena_printf(
        a, "%s%s%s%s%s%s%s%s", app_rule_cite(o, "min_participating_states", what[0], a),
        app_rule_cite(o, "min_member_states", what[1], a),
        app_rule_cite(o, "participants", "who counts as participating", a),
        app_rule_cite(o, "funders_participate", paying, a),
        app_rule_cite(o, "min_eligible_content_pct", what[2], a),
        app_rule_cite(o, "content_ukraine_counts", ua_content, a),
        r->contractors_restricted ? app_rule_cite(o, "contractors", contractors, a) : "",
        app_rule_cite(o, "max_support_pct", what[3], a));
    if (!r->name || !out->citations)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    size_t len = strlen(out->citations);
    if (len >= 2)
        ((char *)out->citations)[len - 2] = '\0';     /* the last "; " */
    return 0;
}

int app_procure_instrument(const char *path, const char *name, struct arena *a,
                           struct app_instrument *out, struct df_err *err)
{
    json_error_t je;
    int rc = -1;
    const char *where = path ? path : "data/instruments.json (embedded)";
    memset(out, 0, sizeof *out);
    /* a file that cannot be opened is bad input (exit 3), as for every file
     * dfnc reads */
    FILE *f = path ? file_open_read(path, err) : NULL;
    if (path && !f)
        return -1;
    json_t *root = f ? json_loadf(f, 0, &je) : json_loads(app_procure_instruments_json, 0, &je);
    if (f)
        fclose(f);
    if (!root && je.line < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "cannot read %s: %s", where, je.text);
    if (!root)
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s", where, je.line, je.text);
    json_t *list = json_object_get(root, "instruments");
    char known[256] = "";
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o) {
        const char *n = json_string_value(json_object_get(o, "name"));
        if (!n)
            continue;
        if (strcasecmp(n, name) == 0) {    /* the regulations write EDIP */
            rc = parse_instrument(o, a, out, err);
            if (rc < 0)
                df_err_prefix(err, "%s: instrument %s", where, name);
            goto out;
        }
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", *known ? ", " : "",
                 n);
    }
    df_err_set(err, DF_ERR_USAGE, "no instrument \"%s\" in %s (known: %s)", name, where,
               *known ? known : "none");
out:
    json_decref(root);
    return rc;
}

/* ---- loading ---------------------------------------------------------------- */

struct loader {
    struct app_procure_plan *p;
    int dn, dcap, sn, scap;
    struct df_err *err;
};

static int64_t cents(double eur) { return (int64_t)llround(eur * 100.0); }

/* Grows an arena array to hold one more element (the arena keeps the old copy). */
static void *grow(struct arena *a, void *arr, int n, int *cap, size_t size)
{
    if (n < *cap)
        return arr;
    int c = *cap ? 2 * *cap : 64;
    void *fresh = arena_alloc(a, (size_t)c * size);
    if (!fresh)
        return NULL;
    if (n)
        memcpy(fresh, arr, (size_t)n * size);
    *cap = c;
    return fresh;
}

static int load_demand(void *ud, const struct store_demand *d)
{
    struct loader *L = ud;
    struct app_procure_plan *p = L->p;
    struct arena *a = &p->arena;
    int cap = L->dcap;
    p->demands = grow(a, p->demands, L->dn, &L->dcap, sizeof *p->demands);
    p->dinfo = grow(a, p->dinfo, L->dn, &cap, sizeof *p->dinfo);
    if (!p->demands || !p->dinfo)
        return df_err_set(L->err, DF_ERR_RUNTIME, "out of memory loading demands");
    struct procure_demand *e = &p->demands[L->dn];
    struct app_procure_demand_info *info = &p->dinfo[L->dn];
    int day = 0;
    if (procure_date_parse(d->deliver_by, &day) < 0)
        return df_err_set(L->err, DF_ERR_INPUT, "demand %s: deliver_by \"%s\" is not a date",
                          d->id, d->deliver_by);
    /* Funders: split "DK;SE" into an array of codes. */
    int fn = *d->funders ? 1 : 0;
    for (const char *c = d->funders; *c; c++)
        fn += *c == ';';
    const char **funders = arena_alloc(a, ((size_t)fn + 1) * sizeof *funders);
    char *copy = arena_strdup(a, d->funders);
    if (!funders || !copy)
        return df_err_set(L->err, DF_ERR_RUNTIME, "out of memory loading demands");
    int k = 0;
    char *save = NULL;   /* strtok_r: the server plans on whichever thread asks */
    for (char *tok = strtok_r(copy, ";", &save); tok && k < fn; tok = strtok_r(NULL, ";", &save))
        funders[k++] = tok;
    *e = (struct procure_demand){
        .id = arena_strdup(a, d->id), .country = arena_strdup(a, d->country),
        .cpv = arena_strdup(a, d->cpv), .funders = funders, .funders_n = k,
        .quantity = d->quantity, .deadline = day, .max_price_cents = cents(d->max_unit_price_eur),
        .unit = arena_strdup(a, d->unit),
    };
    *info = (struct app_procure_demand_info){
        .buyer = arena_strdup(a, d->buyer), .description = arena_strdup(a, d->description),
        .unit = arena_strdup(a, d->unit), .deliver_by = arena_strdup(a, d->deliver_by),
        .funders = arena_strdup(a, d->funders), .max_unit_price_eur = d->max_unit_price_eur,
    };
    if (!e->id || !e->country || !e->cpv || !e->unit || !info->buyer || !info->unit)
        return df_err_set(L->err, DF_ERR_RUNTIME, "out of memory loading demands");
    L->dn++;
    return 0;
}

static int load_supply(void *ud, const struct store_supply *x)
{
    struct loader *L = ud;
    struct app_procure_plan *p = L->p;
    struct arena *a = &p->arena;
    int cap = L->scap;
    p->supplies = grow(a, p->supplies, L->sn, &L->scap, sizeof *p->supplies);
    p->sinfo = grow(a, p->sinfo, L->sn, &cap, sizeof *p->sinfo);
    if (!p->supplies || !p->sinfo)
        return df_err_set(L->err, DF_ERR_RUNTIME, "out of memory loading supplies");
    p->supplies[L->sn] = (struct procure_supply){
        .id = arena_strdup(a, x->id), .cpv = arena_strdup(a, x->cpv),
        .country = arena_strdup(a, x->production_country),
        .capacity_per_month = x->capacity_per_month, .price_cents = cents(x->unit_price_eur),
        .lead_days = x->lead_time_days, .content_pct = x->eu_content_pct,
        .ua_content_pct = x->ua_content_pct, .established = arena_strdup(a, x->org_country),
        .unit = arena_strdup(a, x->unit),
    };
    p->sinfo[L->sn] = (struct app_procure_supply_info){
        .org = arena_strdup(a, x->org), .description = arena_strdup(a, x->description),
        .unit_price_eur = x->unit_price_eur,
    };
    if (!p->supplies[L->sn].id || !p->sinfo[L->sn].org || (x->unit && !p->supplies[L->sn].unit))
        return df_err_set(L->err, DF_ERR_RUNTIME, "out of memory loading supplies");
    L->sn++;
    return 0;
}

int app_procure_as_of(const char *name, const char *as_of, int *day, struct df_err *err)
{
    int first, last;
    procure_date_parse(APP_PROCURE_AS_OF_FIRST, &first);
    procure_date_parse(APP_PROCURE_AS_OF_LAST, &last);
    if (procure_date_parse(as_of, day) < 0)
        return df_err_set(err, DF_ERR_INPUT, "%s \"%.20s\" is not a date YYYY-MM-DD", name,
                          as_of);
    if (*day < first || *day > last)
        return df_err_set(err, DF_ERR_INPUT,
                          "%s %s is not from " APP_PROCURE_AS_OF_FIRST " to " APP_PROCURE_AS_OF_LAST
                          ": no instrument's rules or forum's deliveries are judged so far off",
                          name, as_of);
    return 0;
}

int app_procure_plan(struct store *s, const char *instrument, const char *instruments_path,
                     const char *as_of, struct app_procure_plan *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->arena, 0);
    if (app_procure_instrument(instruments_path, instrument, &out->arena, &out->inst, err) < 0)
        return -1;
    int day;
    if (as_of) {
        if (app_procure_as_of("--as-of", as_of, &day, err) < 0) {
            err->kind = DF_ERR_USAGE;
            return -1;
        }
    } else {
        day = (int)(time(NULL) / 86400);
    }
    procure_date_format(day, out->as_of);
    struct loader L = {.p = out, .err = err};
    if (store_demand_each(s, load_demand, &L, err) != 0 ||
        store_supply_each(s, load_supply, &L, err) != 0)
        return -1;
    out->problem = (struct procure_problem){
        .rules = &out->inst.rules, .as_of = day, .demands = out->demands, .demands_n = L.dn,
        .supplies = out->supplies, .supplies_n = L.sn, .method = PROCURE_FLOW,
    };
    return procure_plan(&out->problem, &out->sol, err);
}

void app_procure_plan_free(struct app_procure_plan *p)
{
    procure_solution_free(&p->sol);
    arena_free(&p->arena);
    memset(p, 0, sizeof *p);
}

/* ---- the plan as JSON ---------------------------------------------------------- */

double app_procure_lot_support(const struct app_instrument *in, const struct procure_lot *lot)
{
    /* support_raised_for is a checked list of codes (is_code_list) */
    for (int c = 0; c < lot->countries_n; c++)
        for (const char *p = in->support_raised_for; *p; p += p[2] ? 3 : 2)
            if (strncmp(p, lot->countries[c], 2) == 0)
                return in->support_raised_pct;
    return in->support_pct;
}

/* Appends v (stolen) to arr: true when it could not be (out of memory). */
static bool lost_adding(json_t *arr, json_t *v)
{
    return json_array_append_new(arr, v) < 0;
}

json_t *app_procure_why_json(const struct procure_why *y, const char *message)
{
    if (!y)
        return json_null();
    json_t *values = json_object(), *parts = y->parts_n ? json_array() : NULL;
    bool lost = !values || (y->parts_n && !parts);
    for (int i = 0; !lost && i < y->values_n; i++)
        lost = json_object_set_new(values, y->name[i], json_string(y->value[i])) < 0;
    for (int k = 0; !lost && k < y->parts_n; k++) {
        const struct procure_why_part *pt = &y->part[k];
        char n[24];
        snprintf(n, sizeof n, "%d", pt->n);
        json_t *pv = pt->value ? json_pack("{ss ss}", "n", n, pt->name, pt->value)
                               : json_pack("{ss}", "n", n);
        lost = lost_adding(parts, json_pack("{ss so*}", "code", pt->code, "values", pv));
    }
    if (lost) {
        json_decref(values);
        json_decref(parts);
        return NULL;
    }
    return json_pack("{ss so ss? so*}", "code", y->code, "values", values, "message", message,
                     "parts", parts);
}

json_t *app_procure_plan_json(const struct app_procure_plan *p)
{
    const struct procure_solution *sol = &p->sol;
    json_t *lots = json_array(), *unplaced = json_array(), *idle = json_array();
    bool lost = !lots || !unplaced || !idle;
    for (int l = 0; !lost && l < sol->lots_n; l++) {
        const struct procure_lot *lot = &sol->lots[l];
        json_t *countries = json_array(), *demands = json_array(), *allocs = json_array();
        json_t *short_of = json_array(), *counting = json_array();
        for (int c = 0; c < lot->countries_n; c++) {
            lost |= lost_adding(countries, json_string(lot->countries[c]));
            if (procure_country_counts(&p->inst.rules, lot->countries[c]))
                lost |= lost_adding(counting, json_string(lot->countries[c]));
        }
        for (int k = 0; k < lot->demands_n; k++) {
            int i = lot->demands[k];
            lost |= lost_adding(demands, json_string(p->demands[i].id));
            if (sol->unmet[i] > 0)
                lost |= lost_adding(
                    short_of, json_pack("{s:s, s:I, s:s, s:o*}", "id", p->demands[i].id, "unmet",
                                        (json_int_t)sol->unmet[i], "reason",
                                        sol->unmet_reason[i], "why",
                                        app_procure_why_json(sol->unmet_why[i],
                                                             sol->unmet_reason[i])));
        }
        for (int k = 0; k < lot->allocs_n; k++) {
            const struct procure_alloc *al = &sol->allocs[lot->allocs_first + k];
            lost |= lost_adding(
                allocs, json_pack("{s:s, s:s, s:I, s:f, s:b}", "demand", p->demands[al->demand].id,
                                  "supply", p->supplies[al->supply].id, "quantity",
                                  (json_int_t)al->quantity, "unit_price_eur",
                                  p->sinfo[al->supply].unit_price_eur, "unit_unstated",
                                  al->unit_unstated));
        }
        /* json_pack takes the five lists, also when it fails */
        json_t *jl = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:o}", "id", lot->id,
                               "cpv", lot->cpv_group, "unit", lot->unit, "countries", countries,
                               "participating", counting, "demands", demands, "allocations",
                               allocs, "unmet", (json_int_t)lot->unmet, "unmet_demands",
                               short_of);
        if (jl && p->inst.support_pct > 0)
            lost |= json_object_set_new(jl, "max_support_pct",
                                        json_real(app_procure_lot_support(&p->inst, lot))) < 0;
        lost |= lost_adding(lots, jl);
    }
    for (int k = 0; !lost && k < sol->unplaced_n; k++)
        lost = lost_adding(unplaced,
                           json_pack("{s:s, s:s, s:o*}", "id",
                                     p->demands[sol->unplaced[k].demand].id, "reason",
                                     sol->unplaced[k].reason, "why",
                                     app_procure_why_json(sol->unplaced[k].why,
                                                          sol->unplaced[k].reason)));
    for (int j = 0; !lost && j < p->problem.supplies_n; j++)
        if (sol->idle_reason[j])
            lost = lost_adding(idle, json_pack("{s:s, s:s, s:o*}", "id", p->supplies[j].id,
                                               "reason", sol->idle_reason[j], "why",
                                               app_procure_why_json(sol->idle_why[j],
                                                                    sol->idle_reason[j])));
    if (lost) {
        json_decref(lots);
        json_decref(unplaced);
        json_decref(idle);
        return NULL;
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "instrument", p->inst.rules.name,
                     "regulation", p->inst.regulation ? p->inst.regulation : "", "rules",
                     p->inst.citations, "as_of", p->as_of, "lots", lots, "unplaced_demands",
                     unplaced, "idle_supplies", idle);
}
