/* The joint-procurement planner (see procure.h): eligibility and lots first,
 * then the allocation as one min-cost flow per CPV group, whose network carries
 * each supplier's capacity through a chain of deadline buckets so that what it
 * delivers by any deadline never exceeds what it can make by then. */
#include "engine/procure/procure.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/country.h"
#include "core/cpv.h"
#include "core/date.h"
#include "engine/procure/mcf.h"

#define DEFAULT_WINDOW_DAYS 183
#define MAX_LOT_COUNTRIES 64

/* ---- dates -------------------------------------------------------------- */

int procure_date_parse(const char *s, int *day)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    y = atoi(s);
    m = atoi(s + 5);
    d = atoi(s + 8);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return -1;
    *day = date_days_from_civil(y, m, d);
    return 0;
}

void procure_date_format(int day, char out[11])
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

/* ---- rules -------------------------------------------------------------- */

static enum procure_role role_of(const struct procure_rules *r, const char *country)
{
    if (country_is_eu_member(country))
        return r->eu;
    if (country_is_eea_efta(country))
        return r->eea_efta;
    if (country_is_ukraine(country))
        return r->ukraine;
    if (country_is_moldova(country))
        return r->moldova;
    return PROCURE_ROLE_NONE;
}

bool procure_country_counts(const struct procure_rules *r, const char *country)
{
    return role_of(r, country) == PROCURE_ROLE_COUNTS;
}

static bool contractor_allowed(const struct procure_rules *r, const char *country)
{
    if (!r->contractors_restricted)
        return true;
    return (r->contractor_eu && country_is_eu_member(country)) ||
           (r->contractor_eea_efta && country_is_eea_efta(country)) ||
           (r->contractor_ukraine && country_is_ukraine(country));
}

/* Where the rules restrict contractors (SAFE Art. 16(3)), both where the
 * supplier is established and where it makes the product must be allowed. */
static bool contractor_is_eligible(const struct procure_rules *r, const struct procure_supply *x)
{
    return contractor_allowed(r, x->country) &&
           (!x->established || contractor_allowed(r, x->established));
}

int64_t procure_capacity_by(const struct procure_supply *x, int as_of, int deadline)
{
    int64_t days = (int64_t)deadline - as_of - x->lead_days;
    if (days <= 0 || x->capacity_per_month <= 0)
        return 0;
    /* A month is 30.4375 days: cap * days / 30.4375 = cap * days * 16 / 487. */
    return x->capacity_per_month * days * 16 / 487;
}

/* Whether x offers what d asks: one code must contain the other, so a generic
 * "ammunition" offer serves a shells demand, a cartridges offer does not. */
static bool cpv_matches(const struct procure_demand *d, const struct procure_supply *x)
{
    return strncmp(d->cpv, x->cpv, 5) == 0 &&
           (cpv_is_within(d->cpv, x->cpv) || cpv_is_within(x->cpv, d->cpv));
}

static double eligible_content(const struct procure_rules *r, const struct procure_supply *x)
{
    return x->content_pct + (r->content_ukraine_counts ? x->ua_content_pct : 0);
}

/* procure_pair_is_eligible but for units, which the planner compares by
 * keys it makes once (struct work). */
static bool rules_allow(const struct procure_rules *r, const struct procure_demand *d,
                        const struct procure_supply *x)
{
    return cpv_matches(d, x) && x->price_cents <= d->max_price_cents &&
           eligible_content(r, x) >= r->min_content_pct && contractor_is_eligible(r, x);
}

bool procure_pair_is_eligible(const struct procure_rules *r, const struct procure_demand *d,
                              const struct procure_supply *x)
{
    return rules_allow(r, d, x) && procure_unit_fits(d->unit, x->unit);
}

/* ---- lots --------------------------------------------------------------- */

struct country_set {
    char codes[MAX_LOT_COUNTRIES][3];
    int n, counting, member_states;
};

static void set_add(struct country_set *cs, const struct procure_rules *r, const char *c,
                    bool only_if_counts)
{
    enum procure_role role = role_of(r, c);
    if (role == PROCURE_ROLE_NONE || (only_if_counts && role != PROCURE_ROLE_COUNTS))
        return;
    for (int i = 0; i < cs->n; i++)
        if (strncmp(cs->codes[i], c, 2) == 0)
            return;
    if (cs->n == MAX_LOT_COUNTRIES)
        return;
    memcpy(cs->codes[cs->n++], c, 2);
    cs->codes[cs->n - 1][2] = '\0';
    if (role == PROCURE_ROLE_COUNTS) {
        cs->counting++;
        cs->member_states += country_is_eu_member(c);
    }
}

static int cmp_code(const void *a, const void *b) { return strcmp(a, b); }

struct work {
    const struct procure_problem *p;
    struct procure_solution *sol;
    int *order;                  /* candidate demands by (group, unit, deadline, index) */
    int order_n;
    int *lot_of;                 /* lot per demand, -1 = unplaced */
    const struct procure_why **reason;   /* per demand, when unplaced */
    const char **unit_key, **unit_name;  /* per demand (procure_unit_key) */
    const char **sunit_key, **sunit_name;  /* per supply; NULL: it states none */
    int lots_cap;
    /* allocation per demand: a short list of (supply, quantity) */
    struct procure_alloc *pairs;
    int pairs_n, pairs_cap;
};

/* qsort_r comparators take their context as an argument: the engine keeps no
 * global state, so plans may run in several threads at once. */
static int cmp_candidate(const void *a, const void *b, void *ctx)
{
    const struct work *w = ctx;
    int i = *(const int *)a, j = *(const int *)b;
    const struct procure_demand *x = &w->p->demands[i];
    const struct procure_demand *y = &w->p->demands[j];
    int c = strncmp(x->cpv, y->cpv, 5);
    if (c)
        return c;
    if ((c = strcmp(w->unit_key[i], w->unit_key[j])))
        return c;
    if (x->deadline != y->deadline)
        return x->deadline < y->deadline ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

static int fail_oom(struct df_err *err)
{
    return df_err_set(err, DF_ERR_RUNTIME, "procure: out of memory");
}

/* Whether supply j counts in demand i's unit, or states none
 * (procure_unit_fits, by the keys made once). */
static bool unit_fits(const struct work *w, int i, int j)
{
    return !w->sunit_key[j] || strcmp(w->unit_key[i], w->sunit_key[j]) == 0;
}

/* Whether supply j may serve demand i (procure_pair_is_eligible). */
static bool serves(const struct work *w, int i, int j)
{
    return unit_fits(w, i, j) && rules_allow(w->p->rules, &w->p->demands[i], &w->p->supplies[j]);
}

/* ---- reasons by code ------------------------------------------------------------------ */

/* A new reason of code with values (name, value, ... NULL; the values
 * copied into a), no parts; NULL when out of memory. */
static struct procure_why *why_new(struct arena *a, const char *code, ...)
{
    struct procure_why *y = arena_alloc(a, sizeof *y);
    if (!y)
        return NULL;
    *y = (struct procure_why){.code = code};
    va_list ap;
    va_start(ap, code);
    const char *name;
    while ((name = va_arg(ap, const char *)) && y->values_n < PROCURE_WHY_VALUES) {
        const char *v = arena_strdup(a, va_arg(ap, const char *));
        if (!v) {
            y = NULL;
            break;
        }
        y->name[y->values_n] = name;
        y->value[y->values_n++] = v;
    }
    va_end(ap);
    return y;
}

/* y's part code counted n (none when n is 0), with its one value or none. */
static void why_part(struct procure_why *y, const char *code, int n, const char *name,
                     const char *value)
{
    assert(y->parts_n < PROCURE_WHY_PARTS);
    if (n > 0)
        y->part[y->parts_n++] = (struct procure_why_part){code, n, name, value};
}

/* The English of each code: a printf format over its values in order, and
 * for counted ones the plural's "s" after the first value. */
static const struct {
    const char *code, *fmt;
    bool counted;
} why_words[] = {
    {"few_states", "only %s participating state%s; %s needs %s", true},
    {"few_members", "only %s Member State%s; %s needs %s", true},
    {"no_lot_window", "no lot of deadlines within %s days meets %s's rules", false},
    {"deadline_past", "deadline %s is before as-of %s", false},
    {"country_excluded", "buyer country %s cannot take part in %s", false},
    {"no_offer", "no offer of this CPV", false},
    {"offers_of_cpv", "%s offer%s of this CPV:", true},
    {"above_max_price", "above the maximum price", false},
    {"under_content", "under %s%% eligible content", false},
    {"place_excluded", "made or established where %s allows no contractor", false},
    {"cannot_deliver_by", "unable to deliver by %s", false},
    {"no_capacity_by", "with no capacity left by %s", false},
    {"no_demand", "no demand of this CPV", false},
    {"demands_of_cpv", "%s demand%s of this CPV:", true},
    {"in_no_lot", "in no lot", false},
    {"lower_max_price", "with a lower maximum price", false},
    {"due_too_early", "due before it can deliver", false},
    {"served_by_others", "served by other offers", false},
    {"unit_apart", "%s demand%s of this CPV in a unit other than %s cannot join; with the "
                   "other units %s's rules would be met", true},
    {"unit_no_lot", "no lot of this CPV is in its unit, %s", false},
    {"other_unit", "in another unit", false},
};

/* code's English with its values v (at most three, "" beyond n). */
static const char *why_words_of(struct arena *a, const char *code, const char *const *v, int n)
{
    const char *x[PROCURE_WHY_VALUES] = {"", "", ""};
    for (int i = 0; i < n && i < PROCURE_WHY_VALUES; i++)
        x[i] = v[i];
    for (size_t k = 0; k < sizeof why_words / sizeof why_words[0]; k++) {
        if (strcmp(why_words[k].code, code) != 0)
            continue;
        if (why_words[k].counted)
            return arena_printf(a, why_words[k].fmt, x[0], strcmp(x[0], "1") ? "s" : "", x[1],
                                x[2]);
        return arena_printf(a, why_words[k].fmt, x[0], x[1], x[2]);
    }
    assert(!"a reason's code without words");
    return arena_strdup(a, code);
}

const char *procure_why_text(struct arena *a, const struct procure_why *y)
{
    const char *out = why_words_of(a, y->code, y->value, y->values_n);
    for (int k = 0; out && k < y->parts_n; k++) {
        const struct procure_why_part *pt = &y->part[k];
        const char *what = why_words_of(a, pt->code, &pt->value, pt->value ? 1 : 0);
        out = what ? arena_printf(a, "%s%s %d %s", out, k ? "," : "", pt->n, what) : NULL;
    }
    return out;
}

/* A number as a reason's value, in a. */
static const char *num(struct arena *a, long long v) { return arena_printf(a, "%lld", v); }

/* Explains why a lot of those countries does not meet the rules; NULL if it
 * does (or out of memory: *oom set). */
static const struct procure_why *lot_shortfall(struct work *w, const struct country_set *cs,
                                               bool *oom)
{
    const struct procure_rules *r = w->p->rules;
    struct arena *a = &w->sol->arena;
    const struct procure_why *y = NULL;
    if (cs->counting < r->min_states)
        y = why_new(a, "few_states", "n", num(a, cs->counting), "inst", r->name, "min",
                    num(a, r->min_states), NULL);
    else if (cs->member_states < r->min_member_states)
        y = why_new(a, "few_members", "n", num(a, cs->member_states), "inst", r->name, "min",
                    num(a, r->min_member_states), NULL);
    else
        return NULL;
    *oom = !y;
    return y;
}

static void add_countries(struct country_set *cs, const struct procure_rules *r,
                          const struct procure_demand *d)
{
    set_add(cs, r, d->country, false);
    if (r->funders_participate)
        for (int f = 0; f < d->funders_n; f++)
            set_add(cs, r, d->funders[f], true);
}

static bool meets_rules(const struct procure_rules *r, const struct country_set *cs)
{
    return cs->counting >= r->min_states && cs->member_states >= r->min_member_states;
}

/* Makes demands order[from .. to) (one CPV group and unit, deadlines within
 * the window, meeting the rules) a lot; *cpv_lots numbers the CPV group's lots. */
static int make_lot(struct work *w, int from, int to, int *cpv_lots, struct df_err *err)
{
    const struct procure_problem *p = w->p;
    struct procure_solution *sol = w->sol;
    struct country_set cs = {0};
    for (int k = from; k < to; k++)
        add_countries(&cs, p->rules, &p->demands[w->order[k]]);
    if (sol->lots_n == w->lots_cap) {
        int n = w->lots_cap ? 2 * w->lots_cap : 16;
        struct procure_lot *l = arena_alloc(&sol->arena, (size_t)n * sizeof *l);
        if (!l)
            return fail_oom(err);
        if (sol->lots_n)
            memcpy(l, sol->lots, (size_t)sol->lots_n * sizeof *l);
        sol->lots = l;
        w->lots_cap = n;
    }
    struct procure_lot *lot = &sol->lots[sol->lots_n];
    memset(lot, 0, sizeof *lot);
    const struct procure_demand *first = &p->demands[w->order[from]];
    memcpy(lot->cpv_group, first->cpv, 5);
    snprintf(lot->id, sizeof lot->id, "LOT-%s-%d", lot->cpv_group, ++*cpv_lots);
    lot->unit = w->unit_name[w->order[from]];
    qsort(cs.codes, (size_t)cs.n, sizeof cs.codes[0], cmp_code);
    lot->countries = arena_alloc(&sol->arena, (size_t)cs.n * sizeof *lot->countries + 1);
    lot->demands = arena_alloc(&sol->arena, (size_t)(to - from) * sizeof *lot->demands);
    if (!lot->countries || !lot->demands)
        return fail_oom(err);
    memcpy(lot->countries, cs.codes, (size_t)cs.n * sizeof cs.codes[0]);
    lot->countries_n = cs.n;
    for (int k = from; k < to; k++) {
        lot->demands[lot->demands_n++] = w->order[k];
        w->lot_of[w->order[k]] = sol->lots_n;
    }
    sol->lots_n++;
    return 0;
}

/* Why demand i (at k of the run g0 .. g1 of its unit, whose unplaced
 * neighbours within the window are cs and fall short by y) has no lot, when
 * the CPV group's demands in other units, order[c0 .. c1) outside the run,
 * would have made up the shortfall: they cannot join it (unit_apart). y
 * otherwise; NULL when out of memory. */
static const struct procure_why *apart_by_unit(struct work *w, int c0, int c1, int g0, int g1,
                                               int k, int window, const struct country_set *cs,
                                               const struct procure_why *y)
{
    const struct procure_problem *p = w->p;
    struct country_set all = *cs;
    int dl = p->demands[w->order[g0 + k]].deadline, others = 0;
    for (int o = c0; o < c1; o++) {
        int gap = p->demands[w->order[o]].deadline - dl;
        if ((o >= g0 && o < g1) || gap > window || gap < -window)
            continue;
        add_countries(&all, p->rules, &p->demands[w->order[o]]);
        others++;
    }
    if (!y || others == 0 || !meets_rules(p->rules, &all))
        return y;
    /* the unit as its buyer typed it: the words around it may be Ukrainian */
    const char *unit = p->demands[w->order[g0 + k]].unit;
    struct arena *a = &w->sol->arena;
    return why_new(a, "unit_apart", "n", num(a, others), "unit", unit ? unit : "", "inst",
                   p->rules->name, NULL);
}

/* One CPV group's candidates in one unit, order[g0 .. g1) of the group's
 * order[c0 .. c1), by deadline. Lots are runs of
 * consecutive demands whose deadlines lie within the window; a dynamic program
 * over the runs places as many demands as possible in lots that meet the rules
 * (then prefers fewer, larger lots). Greedy cutting would lose demands: PL in
 * January and DE in May fail alone but may pass with FR in August. */
static int group_lots(struct work *w, int c0, int c1, int g0, int g1, int window,
                      int *cpv_lots, struct df_err *err)
{
    const struct procure_problem *p = w->p;
    const struct procure_rules *r = p->rules;
    int n = g1 - g0, rc = -1;
    int *placed = malloc(((size_t)n + 1) * sizeof *placed);
    int *nlots = malloc(((size_t)n + 1) * sizeof *nlots);
    int *from = malloc(((size_t)n + 1) * sizeof *from);
    if (!placed || !nlots || !from) {
        fail_oom(err);
        goto out;
    }
#define DL(k) (p->demands[w->order[g0 + (k)]].deadline)
    placed[0] = nlots[0] = 0;
    for (int i = 1; i <= n; i++) {
        placed[i] = placed[i - 1];      /* demand i-1 left out */
        nlots[i] = nlots[i - 1];
        from[i] = -1;
        struct country_set cs = {0};
        for (int j = i - 1; j >= 0 && DL(i - 1) - DL(j) <= window; j--) {
            add_countries(&cs, r, &p->demands[w->order[g0 + j]]);
            if (!meets_rules(r, &cs))
                continue;
            int pl = placed[j] + (i - j), nl = nlots[j] + 1;
            if (pl > placed[i] || (pl == placed[i] && nl < nlots[i])) {
                placed[i] = pl;
                nlots[i] = nl;
                from[i] = j;
            }
        }
    }
    /* Walk back to find the lots, then number them by deadline. */
    int *starts = nlots;                /* reused: lot boundaries, latest first */
    int lots_n = 0;
    for (int i = n; i > 0;)
        if (from[i] < 0) {
            i--;
        } else {
            starts[lots_n++] = i;
            i = from[i];
        }
    for (int k = lots_n - 1; k >= 0; k--)
        if (make_lot(w, g0 + from[starts[k]], g0 + starts[k], cpv_lots, err) < 0)
            goto out;
    /* Explain the rest by what their compatible, unplaced neighbours lack. */
    for (int k = 0; k < n; k++) {
        int i = w->order[g0 + k];
        if (w->lot_of[i] >= 0)
            continue;
        struct country_set cs = {0};
        for (int j = 0; j < n; j++) {
            int o = w->order[g0 + j];
            int gap = DL(j) > DL(k) ? DL(j) - DL(k) : DL(k) - DL(j);
            if (w->lot_of[o] < 0 && gap <= window)
                add_countries(&cs, r, &p->demands[o]);
        }
        bool oom = false;
        w->reason[i] = lot_shortfall(w, &cs, &oom);
        if (w->reason[i])
            w->reason[i] = apart_by_unit(w, c0, c1, g0, g1, k, window, &cs, w->reason[i]);
        else if (!oom)
            w->reason[i] = why_new(&w->sol->arena, "no_lot_window", "days",
                                   num(&w->sol->arena, window), "inst", r->name, NULL);
        if (!w->reason[i]) {
            fail_oom(err);
            goto out;
        }
    }
#undef DL
    rc = 0;
out:
    free(placed);
    free(nlots);
    free(from);
    return rc;
}

static int form_lots(struct work *w, struct df_err *err)
{
    const struct procure_problem *p = w->p;
    int window = p->window_days > 0 ? p->window_days : DEFAULT_WINDOW_DAYS;
    char a[11], b[11];
    for (int i = 0; i < p->demands_n; i++) {
        const struct procure_demand *d = &p->demands[i];
        w->lot_of[i] = -1;
        if (d->deadline < p->as_of) {
            procure_date_format(d->deadline, a);
            procure_date_format(p->as_of, b);
            w->reason[i] = why_new(&w->sol->arena, "deadline_past", "date", a, "as_of", b, NULL);
        } else if (role_of(p->rules, d->country) == PROCURE_ROLE_NONE) {
            w->reason[i] = why_new(&w->sol->arena, "country_excluded", "country", d->country,
                                   "inst", p->rules->name, NULL);
        } else {
            w->order[w->order_n++] = i;
            continue;
        }
        if (!w->reason[i])
            return fail_oom(err);
    }
    qsort_r(w->order, (size_t)w->order_n, sizeof *w->order, cmp_candidate, w);
    /* Each CPV group, then each unit within it: lots never join two units. */
    for (int c = 0; c < w->order_n;) {
        const char *grp = p->demands[w->order[c]].cpv;
        int c_end = c + 1, cpv_lots = 0;
        while (c_end < w->order_n && strncmp(p->demands[w->order[c_end]].cpv, grp, 5) == 0)
            c_end++;
        for (int k = c; k < c_end;) {
            const char *key = w->unit_key[w->order[k]];
            int end = k + 1;
            while (end < c_end && strcmp(w->unit_key[w->order[end]], key) == 0)
                end++;
            if (group_lots(w, c, c_end, k, end, window, &cpv_lots, err) < 0)
                return -1;
            k = end;
        }
        c = c_end;
    }
    return 0;
}

/* ---- allocation ----------------------------------------------------------- */

static int add_pair(struct work *w, int demand, int supply, int64_t q)
{
    if (w->pairs_n == w->pairs_cap) {
        int n = w->pairs_cap ? 2 * w->pairs_cap : 256;
        struct procure_alloc *a = realloc(w->pairs, (size_t)n * sizeof *a);
        if (!a)
            return -1;
        w->pairs = a;
        w->pairs_cap = n;
    }
    w->pairs[w->pairs_n++] = (struct procure_alloc){demand, supply, q, false};
    return 0;
}

/* The cost of a unit from x to d: price first; within the same price, a
 * Ukrainian demand prefers Ukrainian production (penalty 1 otherwise). scale
 * exceeds the total penalty any solution can collect, so cost stays first. */
static int64_t unit_cost(const struct procure_demand *d, const struct procure_supply *x,
                         int64_t scale)
{
    int pen = country_is_ukraine(d->country) && !country_is_ukraine(x->country);
    return x->price_cents * scale + pen;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Solves one CPV group: lot demands dem[0..dn), supplies sup[0..sn). */
static int flow_group(struct work *w, const int *dem, int dn, const int *sup, int sn)
{
    const struct procure_problem *p = w->p;
    int rc = -1;
    int64_t ua = 0;
    for (int i = 0; i < dn; i++)
        if (country_is_ukraine(p->demands[dem[i]].country))
            ua += p->demands[dem[i]].quantity;
    /* scale > the Ukrainian units makes price strictly first; it is capped so
     * that price x scale stays far from overflow (then the preference among
     * equal prices is approximate). */
    int64_t max_price = 1;
    for (int j = 0; j < sn; j++)
        if (p->supplies[sup[j]].price_cents > max_price)
            max_price = p->supplies[sup[j]].price_cents;
    int64_t scale = ua + 1 > (1 << 20) ? (1 << 20) : ua + 1;
    if (scale > (INT64_C(1) << 58) / max_price)
        scale = (INT64_C(1) << 58) / max_price > 0 ? (INT64_C(1) << 58) / max_price : 1;

    /* Nodes: 0 source, 1 sink, 2.. demands, then each supplier's buckets. */
    int *dl = malloc(((size_t)dn + 1) * sizeof *dl);
    int *edge_of = NULL, *pair_d = NULL, *pair_s = NULL;
    int pairs_n = 0, pairs_cap = 0, nodes = 2 + dn;
    struct mcf *g = NULL;
    if (!dl)
        goto out;
    /* Count bucket nodes first: one per distinct eligible deadline per supplier. */
    int *bucket_base = malloc(((size_t)sn + 1) * sizeof *bucket_base);
    int *bucket_n = calloc((size_t)sn + 1, sizeof *bucket_n);
    int **bucket_dl = calloc((size_t)sn + 1, sizeof *bucket_dl);
    if (!bucket_base || !bucket_n || !bucket_dl)
        goto out_b;
    for (int j = 0; j < sn; j++) {
        const struct procure_supply *x = &p->supplies[sup[j]];
        int n = 0;
        for (int i = 0; i < dn; i++) {
            const struct procure_demand *d = &p->demands[dem[i]];
            if (serves(w, dem[i], sup[j]) && procure_capacity_by(x, p->as_of, d->deadline) > 0)
                dl[n++] = d->deadline;
        }
        qsort(dl, (size_t)n, sizeof *dl, cmp_int);
        int u = 0;
        for (int k = 0; k < n; k++)
            if (u == 0 || dl[u - 1] != dl[k])
                dl[u++] = dl[k];
        bucket_dl[j] = malloc(((size_t)u + 1) * sizeof **bucket_dl);
        if (!bucket_dl[j])
            goto out_b;
        memcpy(bucket_dl[j], dl, (size_t)u * sizeof *dl);
        bucket_n[j] = u;
        bucket_base[j] = nodes;
        nodes += u;
    }
    g = mcf_new(nodes);
    if (!g)
        goto out_b;
    for (int i = 0; i < dn; i++)
        if (mcf_add_edge(g, 2 + i, 1, p->demands[dem[i]].quantity, 0) < 0)
            goto out_b;
    for (int j = 0; j < sn; j++) {
        const struct procure_supply *x = &p->supplies[sup[j]];
        int u = bucket_n[j], *bd = bucket_dl[j];
        if (u == 0)
            continue;
        /* source -> latest bucket -> ... -> earliest: the edge into bucket t
         * carries everything delivered by deadline t, capped by the capacity
         * made by then. */
        if (mcf_add_edge(g, 0, bucket_base[j] + u - 1,
                         procure_capacity_by(x, p->as_of, bd[u - 1]), 0) < 0)
            goto out_b;
        for (int t = u - 1; t > 0; t--)
            if (mcf_add_edge(g, bucket_base[j] + t, bucket_base[j] + t - 1,
                             procure_capacity_by(x, p->as_of, bd[t - 1]), 0) < 0)
                goto out_b;
        for (int i = 0; i < dn; i++) {
            const struct procure_demand *d = &p->demands[dem[i]];
            if (!serves(w, dem[i], sup[j]) || procure_capacity_by(x, p->as_of, d->deadline) <= 0)
                continue;
            int t = 0;
            while (bd[t] != d->deadline)
                t++;
            if (pairs_n == pairs_cap) {
                pairs_cap = pairs_cap ? 2 * pairs_cap : 64;
                int *a = realloc(edge_of, (size_t)pairs_cap * sizeof *a);
                if (!a)
                    goto out_b;
                edge_of = a;
                if (!(a = realloc(pair_d, (size_t)pairs_cap * sizeof *a)))
                    goto out_b;
                pair_d = a;
                if (!(a = realloc(pair_s, (size_t)pairs_cap * sizeof *a)))
                    goto out_b;
                pair_s = a;
            }
            int e = mcf_add_edge(g, bucket_base[j] + t, 2 + i, d->quantity,
                                 unit_cost(d, x, scale));
            if (e < 0)
                goto out_b;
            edge_of[pairs_n] = e;
            pair_d[pairs_n] = dem[i];
            pair_s[pairs_n++] = sup[j];
        }
    }
    if (mcf_solve(g, 0, 1, NULL, NULL) < 0)
        goto out_b;
    for (int k = 0; k < pairs_n; k++) {
        int64_t f = mcf_edge_flow(g, edge_of[k]);
        if (f > 0 && add_pair(w, pair_d[k], pair_s[k], f) < 0)
            goto out_b;
    }
    rc = 0;
out_b:
    for (int j = 0; j < sn; j++)
        free(bucket_dl[j]);
    free(bucket_dl);
    free(bucket_n);
    free(bucket_base);
out:
    mcf_free(g);
    free(edge_of);
    free(pair_d);
    free(pair_s);
    free(dl);
    return rc;
}

/* What supply j can still add by deadline dl, given what w->pairs already gives
 * it: the least slack over every deadline at or after dl. */
static int64_t greedy_room(struct work *w, int j, int dl)
{
    const struct procure_problem *p = w->p;
    const struct procure_supply *x = &p->supplies[j];
    int64_t room = INT64_MAX;
    for (int k = -1; k < w->pairs_n; k++) {
        int D = k < 0 ? dl : p->demands[w->pairs[k].demand].deadline;
        if ((k >= 0 && w->pairs[k].supply != j) || D < dl)
            continue;
        int64_t used = 0;
        for (int q = 0; q < w->pairs_n; q++)
            if (w->pairs[q].supply == j && p->demands[w->pairs[q].demand].deadline <= D)
                used += w->pairs[q].quantity;
        int64_t slack = procure_capacity_by(x, p->as_of, D) - used;
        if (slack < room)
            room = slack;
    }
    return room > 0 ? room : 0;
}

/* Orders supplies for one demand (ctx) by unit cost. */
struct greedy_ctx {
    const struct procure_problem *p;
    const struct procure_demand *d;
};

static int cmp_greedy(const void *a, const void *b, void *ctx)
{
    const struct greedy_ctx *g = ctx;
    const struct procure_supply *x = &g->p->supplies[*(const int *)a];
    const struct procure_supply *y = &g->p->supplies[*(const int *)b];
    int64_t cx = unit_cost(g->d, x, 2), cy = unit_cost(g->d, y, 2);
    if (cx != cy)
        return cx < cy ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

/* The baseline: demands in input order, each takes its cheapest suppliers'
 * remaining capacity. It strands capacity a later demand needed. */
static int greedy(struct work *w)
{
    const struct procure_problem *p = w->p;
    int *cand = malloc(((size_t)p->supplies_n + 1) * sizeof *cand);
    if (!cand)
        return -1;
    for (int i = 0; i < p->demands_n; i++) {
        if (w->lot_of[i] < 0)
            continue;
        const struct procure_demand *d = &p->demands[i];
        int n = 0;
        for (int j = 0; j < p->supplies_n; j++)
            if (serves(w, i, j))
                cand[n++] = j;
        struct greedy_ctx gc = {p, d};
        qsort_r(cand, (size_t)n, sizeof *cand, cmp_greedy, &gc);
        int64_t left = d->quantity;
        for (int k = 0; k < n && left > 0; k++) {
            int64_t q = greedy_room(w, cand[k], d->deadline);
            q = q < left ? q : left;
            if (q > 0) {
                if (add_pair(w, i, cand[k], q) < 0) {
                    free(cand);
                    return -1;
                }
                left -= q;
            }
        }
    }
    free(cand);
    return 0;
}

static int allocate(struct work *w)
{
    const struct procure_problem *p = w->p;
    if (p->method == PROCURE_GREEDY)
        return greedy(w);
    int rc = -1;
    int *dem = malloc(((size_t)w->order_n + 1) * sizeof *dem);
    int *sup = malloc(((size_t)p->supplies_n + 1) * sizeof *sup);
    if (!dem || !sup)
        goto out;
    /* w->order is sorted by CPV group: solve each group's network on its own. */
    for (int k = 0; k < w->order_n;) {
        const char *grp = p->demands[w->order[k]].cpv;
        int dn = 0, end = k;
        for (; end < w->order_n && strncmp(p->demands[w->order[end]].cpv, grp, 5) == 0; end++)
            if (w->lot_of[w->order[end]] >= 0)
                dem[dn++] = w->order[end];
        int sn = 0;
        for (int j = 0; j < p->supplies_n; j++)
            if (strncmp(p->supplies[j].cpv, grp, 5) == 0)
                sup[sn++] = j;
        if (dn > 0 && sn > 0 && flow_group(w, dem, dn, sup, sn) < 0)
            goto out;
        k = end;
    }
    rc = 0;
out:
    free(dem);
    free(sup);
    return rc;
}

/* ---- the plan ------------------------------------------------------------- */

static int cmp_pair(const void *a, const void *b)
{
    const struct procure_alloc *x = a, *y = b;
    if (x->demand != y->demand)
        return x->demand - y->demand;
    return x->supply - y->supply;
}

/* Why demand i got less than it asked: what kept each offer of its CPV away
 * (the first rule it fails), or that those able to serve it have no capacity
 * left by its deadline. NULL only when out of memory. */
static const struct procure_why *unmet_reason(struct work *w, int i)
{
    const struct procure_problem *p = w->p;
    const struct procure_rules *r = p->rules;
    const struct procure_demand *d = &p->demands[i];
    struct arena *a = &w->sol->arena;
    int offers = 0, apart = 0, dear = 0, content = 0, place = 0, late = 0, taken = 0;
    for (int j = 0; j < p->supplies_n; j++) {
        const struct procure_supply *x = &p->supplies[j];
        if (!cpv_matches(d, x))
            continue;
        offers++;
        if (!unit_fits(w, i, j))
            apart++;
        else if (x->price_cents > d->max_price_cents)
            dear++;
        else if (eligible_content(r, x) < r->min_content_pct)
            content++;
        else if (!contractor_is_eligible(r, x))
            place++;
        else if (procure_capacity_by(x, p->as_of, d->deadline) <= 0)
            late++;
        else
            taken++;
    }
    if (offers == 0)
        return why_new(a, "no_offer", NULL);
    char by[11];
    procure_date_format(d->deadline, by);
    struct procure_why *y = why_new(a, "offers_of_cpv", "n", num(a, offers), NULL);
    const char *pct = arena_printf(a, "%g", r->min_content_pct), *date = arena_strdup(a, by);
    if (!y || !pct || !date)
        return NULL;
    why_part(y, "other_unit", apart, NULL, NULL);
    why_part(y, "above_max_price", dear, NULL, NULL);
    why_part(y, "under_content", content, "pct", pct);
    why_part(y, "place_excluded", place, "inst", r->name);
    why_part(y, "cannot_deliver_by", late, "date", date);
    why_part(y, "no_capacity_by", taken, "date", date);
    return y;
}

/* Why supply j was given nothing: the rule that keeps it from every demand
 * (content, where it is made), or what kept each demand of its CPV from it,
 * the first that applies. "served by other offers" is a demand met by others,
 * or (only the greedy baseline leaves one so) not met at all. NULL only when
 * out of memory. */
static const struct procure_why *idle_reason(struct work *w, int j)
{
    const struct procure_problem *p = w->p;
    const struct procure_rules *r = p->rules;
    const struct procure_supply *x = &p->supplies[j];
    struct arena *a = &w->sol->arena;
    if (eligible_content(r, x) < r->min_content_pct)
        return why_new(a, "under_content", "pct", arena_printf(a, "%g", r->min_content_pct),
                       NULL);
    if (!contractor_is_eligible(r, x))
        return why_new(a, "place_excluded", "inst", r->name, NULL);
    int demands = 0, apart = 0, lotless = 0, cheap = 0, early = 0, served = 0;
    int in_lots = 0, in_lots_fit = 0;
    for (int i = 0; i < p->demands_n; i++) {
        const struct procure_demand *d = &p->demands[i];
        if (!cpv_matches(d, x))
            continue;
        demands++;
        in_lots += w->lot_of[i] >= 0;
        in_lots_fit += w->lot_of[i] >= 0 && unit_fits(w, i, j);
        if (!unit_fits(w, i, j))
            apart++;
        else if (w->lot_of[i] < 0)
            lotless++;
        else if (x->price_cents > d->max_price_cents)
            cheap++;
        else if (procure_capacity_by(x, p->as_of, d->deadline) <= 0)
            early++;
        else
            served++;
    }
    if (demands == 0)
        return why_new(a, "no_demand", NULL);
    /* lots of its CPV there are, in other units only: its unit alone kept it out */
    if (in_lots > 0 && in_lots_fit == 0)
        return why_new(a, "unit_no_lot", "unit", w->sunit_name[j], NULL);
    struct procure_why *y = why_new(a, "demands_of_cpv", "n", num(a, demands), NULL);
    if (!y)
        return NULL;
    why_part(y, "other_unit", apart, NULL, NULL);
    why_part(y, "in_no_lot", lotless, NULL, NULL);
    why_part(y, "lower_max_price", cheap, NULL, NULL);
    why_part(y, "due_too_early", early, NULL, NULL);
    why_part(y, "served_by_others", served, NULL, NULL);
    return y;
}

/* Fills idle_reason for each supply the allocations leave out. */
static int explain_idle(struct work *w, struct df_err *err)
{
    const struct procure_problem *p = w->p;
    struct procure_solution *sol = w->sol;
    for (int k = 0; k < sol->allocs_n; k++)
        sol->idle_reason[sol->allocs[k].supply] = "";
    for (int j = 0; j < p->supplies_n; j++) {
        if (sol->idle_reason[j]) {
            sol->idle_reason[j] = NULL;
            continue;
        }
        if (!(sol->idle_why[j] = idle_reason(w, j)) ||
            !(sol->idle_reason[j] = procure_why_text(&sol->arena, sol->idle_why[j])))
            return fail_oom(err);
    }
    return 0;
}

/* Copies the pairs into the solution grouped by lot, then demand; fills unmet. */
static int collect(struct work *w, struct df_err *err)
{
    const struct procure_problem *p = w->p;
    struct procure_solution *sol = w->sol;
    if (w->pairs_n > 0)
        qsort(w->pairs, (size_t)w->pairs_n, sizeof *w->pairs, cmp_pair);
    int *first = malloc(((size_t)p->demands_n + 1) * sizeof *first);
    sol->allocs = arena_alloc(&sol->arena, ((size_t)w->pairs_n + 1) * sizeof *sol->allocs);
    if (!first || !sol->allocs) {
        free(first);
        return fail_oom(err);
    }
    for (int i = 0; i <= p->demands_n; i++)
        first[i] = w->pairs_n;
    for (int k = w->pairs_n - 1; k >= 0; k--)
        first[w->pairs[k].demand] = k;
    __int128 cost = 0;        /* a billion units at a billion euros would overflow */
    for (int l = 0; l < sol->lots_n; l++) {
        struct procure_lot *lot = &sol->lots[l];
        lot->allocs_first = sol->allocs_n;
        for (int k = 0; k < lot->demands_n; k++) {
            int i = lot->demands[k];
            int64_t got = 0;
            for (int q = first[i]; q < w->pairs_n && w->pairs[q].demand == i; q++) {
                w->pairs[q].unit_unstated = !w->sunit_key[w->pairs[q].supply];
                sol->allocs[sol->allocs_n++] = w->pairs[q];
                got += w->pairs[q].quantity;
                cost += (__int128)w->pairs[q].quantity *
                        p->supplies[w->pairs[q].supply].price_cents;
            }
            sol->unmet[i] = p->demands[i].quantity - got;
            if (sol->unmet[i] > 0 &&
                (!(sol->unmet_why[i] = unmet_reason(w, i)) ||
                 !(sol->unmet_reason[i] = procure_why_text(&sol->arena, sol->unmet_why[i])))) {
                free(first);
                return fail_oom(err);
            }
            lot->unmet += sol->unmet[i];
            sol->delivered += got;
            sol->unmet_total += sol->unmet[i];
        }
        lot->allocs_n = sol->allocs_n - lot->allocs_first;
    }
    sol->total_cost_cents = cost > INT64_MAX ? INT64_MAX : (int64_t)cost;
    free(first);
    return 0;
}

int procure_plan(const struct procure_problem *p, struct procure_solution *out,
                 struct df_err *err)
{
    int rc = -1;
    memset(out, 0, sizeof *out);
    arena_init(&out->arena, 0);
    struct work w = {.p = p, .sol = out};
    size_t n = (size_t)p->demands_n + 1;
    w.order = malloc(n * sizeof *w.order);
    w.lot_of = malloc(n * sizeof *w.lot_of);
    w.reason = calloc(n, sizeof *w.reason);
    w.unit_key = arena_alloc(&out->arena, n * sizeof *w.unit_key);
    w.unit_name = arena_alloc(&out->arena, n * sizeof *w.unit_name);
    out->unmet = arena_alloc(&out->arena, n * sizeof *out->unmet);
    out->unmet_reason = arena_alloc(&out->arena, n * sizeof *out->unmet_reason);
    out->unplaced = arena_alloc(&out->arena, n * sizeof *out->unplaced);
    size_t sn = (size_t)p->supplies_n + 1;
    out->idle_reason = arena_alloc(&out->arena, sn * sizeof *out->idle_reason);
    out->unmet_why = arena_alloc(&out->arena, n * sizeof *out->unmet_why);
    out->idle_why = arena_alloc(&out->arena, sn * sizeof *out->idle_why);
    w.sunit_key = arena_alloc(&out->arena, sn * sizeof *w.sunit_key);
    w.sunit_name = arena_alloc(&out->arena, sn * sizeof *w.sunit_name);
    if (!w.order || !w.lot_of || !w.reason || !out->unmet || !out->unmet_reason ||
        !out->unplaced || !out->idle_reason || !out->unmet_why || !out->idle_why ||
        !w.unit_key || !w.unit_name || !w.sunit_key || !w.sunit_name) {
        fail_oom(err);
        goto out;
    }
    for (int i = 0; i < p->demands_n; i++)
        if (!(w.unit_key[i] = procure_unit_key(&out->arena, p->demands[i].unit,
                                               &w.unit_name[i]))) {
            fail_oom(err);
            goto out;
        }
    for (int j = 0; j < p->supplies_n; j++) {
        if (!(w.sunit_key[j] = procure_unit_key(&out->arena, p->supplies[j].unit,
                                                &w.sunit_name[j]))) {
            fail_oom(err);
            goto out;
        }
        if (!*w.sunit_key[j])
            w.sunit_key[j] = w.sunit_name[j] = NULL;
    }
    memset(out->unmet_reason, 0, n * sizeof *out->unmet_reason);
    memset(out->idle_reason, 0, sn * sizeof *out->idle_reason);
    memset(out->unmet_why, 0, n * sizeof *out->unmet_why);
    memset(out->idle_why, 0, sn * sizeof *out->idle_why);
    if (form_lots(&w, err) < 0)
        goto out;
    if (allocate(&w) < 0) {
        fail_oom(err);
        goto out;
    }
    if (collect(&w, err) < 0 || explain_idle(&w, err) < 0)
        goto out;
    for (int i = 0; i < p->demands_n; i++) {
        if (w.lot_of[i] >= 0)
            continue;
        const char *text = procure_why_text(&out->arena, w.reason[i]);
        if (!text) {
            fail_oom(err);
            goto out;
        }
        out->unplaced[out->unplaced_n++] = (struct procure_unplaced){i, text, w.reason[i]};
    }
    rc = 0;
out:
    free(w.order);
    free(w.lot_of);
    free(w.reason);
    free(w.pairs);
    return rc;
}

void procure_solution_free(struct procure_solution *sol)
{
    arena_free(&sol->arena);
    memset(sol, 0, sizeof *sol);
}
