/* The joint-procurement planner: demands grouped into joint lots that satisfy an
 * EU instrument's rules, then allocated to suppliers by a min-cost flow that
 * respects each supplier's capacity over time. Pure: structs in, structs out;
 * no I/O. Dates are day numbers (days since 1970-01-01). */
#ifndef DFNC_ENGINE_PROCURE_PROCURE_H
#define DFNC_ENGINE_PROCURE_PROCURE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

/* What a country of a class (EU Member State, EEA-EFTA state, Ukraine, Moldova)
 * may do in a common procurement under an instrument. */
enum procure_role {
    PROCURE_ROLE_NONE = 0,     /* cannot take part */
    PROCURE_ROLE_JOINS = 1,    /* may be in a lot (e.g. receive quantities) but does not count */
    PROCURE_ROLE_COUNTS = 2,   /* counts toward the minimum number of participating states */
};

/* An instrument's rules as figures (loaded from data/instruments.json). */
struct procure_rules {
    const char *name;               /* "edip" */
    int min_states;                 /* participating states per lot, at least */
    int min_member_states;          /* of which EU Member States, at least */
    enum procure_role eu, eea_efta, ukraine, moldova;
    bool funders_participate;       /* funder countries count like buyers */
    double min_content_pct;         /* a supply's eligible content share, at least */
    bool content_ukraine_counts;    /* Ukrainian components are eligible content */
    bool contractors_restricted;    /* the supplier's country (where it is established) and
                                       the production country must be in an allowed class */
    bool contractor_eu, contractor_eea_efta, contractor_ukraine;
};

struct procure_demand {
    const char *id, *country, *cpv;     /* cpv "DDDDDDDD-D" */
    const char *const *funders;         /* funder countries */
    int funders_n;
    int64_t quantity;                   /* > 0 */
    int deadline;                       /* day number of deliver_by */
    int64_t max_price_cents;            /* per unit */
    const char *unit;                   /* as typed ("шт.", "sets"); NULL: none. A lot
                                           joins only demands of one unit
                                           (procure_unit_key) */
};

struct procure_supply {
    const char *id, *cpv, *country;     /* country: production country */
    int64_t capacity_per_month;
    int64_t price_cents;
    int lead_days;
    double content_pct;                 /* components from the EU and associated countries, % */
    double ua_content_pct;              /* components from Ukraine, % */
    const char *established;            /* the supplier's country, or NULL */
    const char *unit;                   /* what capacity and price count, as typed
                                           ("sets"); NULL or "": unstated, and then it
                                           serves any unit of its CPV (an allocation
                                           says so: unit_unstated) */
};

enum procure_method {
    PROCURE_FLOW = 0,      /* min-cost flow: the optimum */
    PROCURE_GREEDY = 1,    /* cheapest supplier first, demands in input order (a baseline) */
};

struct procure_problem {
    const struct procure_rules *rules;
    int as_of;                          /* day number */
    int window_days;                    /* deadlines in one lot lie within this; 0 = 183 */
    const struct procure_demand *demands;
    int demands_n;
    const struct procure_supply *supplies;
    int supplies_n;
    enum procure_method method;
};

struct procure_alloc {
    int demand, supply;                 /* indices into the problem's arrays */
    int64_t quantity;
    bool unit_unstated;                 /* the supply states no unit: its capacity and
                                           price may count another unit than the lot's */
};

struct procure_lot {
    char id[32];                        /* "LOT-35331-1" */
    char cpv_group[6];                  /* first five digits */
    char (*countries)[3];               /* participating and joining countries, sorted */
    int countries_n;
    int *demands;                       /* indices, by deadline */
    int demands_n;
    int allocs_first, allocs_n;         /* range in solution.allocs */
    int64_t unmet;
    const char *unit;                   /* its demands' unit: the canonical name
                                           ("pieces"), or as its first demand typed
                                           it when the canon knows none; "" none */
};

/* A reason by code, for a page to say it in its language (the codes and
 * their values: core/codes.h, docs/api.md "Words for a page"); the English
 * reason is made from it (procure_why_text). A count's reason ("3 offers
 * of this CPV: 1 above the maximum price, 2 ...") has its parts, each
 * counted more than zero, in the English's order. */
#define PROCURE_WHY_VALUES 3
#define PROCURE_WHY_PARTS 5
struct procure_why_part {
    const char *code;                   /* "above_max_price" ... */
    int n;
    const char *name, *value;           /* its one value, or NULL: "pct" "65" */
};
struct procure_why {
    const char *code;                   /* "few_states" ... */
    int values_n;
    const char *name[PROCURE_WHY_VALUES];
    const char *value[PROCURE_WHY_VALUES];
    int parts_n;
    struct procure_why_part part[PROCURE_WHY_PARTS];
};

/* The English of y, in a; NULL when out of memory. */
const char *procure_why_text(struct arena *a, const struct procure_why *y);

struct procure_unplaced {
    int demand;
    const char *reason;                 /* "only 2 participating states; edip needs 3" */
    const struct procure_why *why;      /* the same by code */
};

struct procure_solution {
    struct procure_lot *lots;
    int lots_n;
    struct procure_alloc *allocs;       /* grouped by lot, then demand */
    int allocs_n;
    struct procure_unplaced *unplaced;  /* in demand order */
    int unplaced_n;
    int64_t *unmet;                     /* per demand (0 for unplaced ones) */
    const char **unmet_reason;          /* per demand with unmet > 0: why no more came
                                           ("1 offer of this CPV: 1 above the maximum
                                           price"); NULL otherwise */
    const char **idle_reason;           /* per supply given nothing: why no demand took
                                           it ("2 demands of this CPV: 1 with a lower
                                           maximum price, 1 in no lot"); NULL otherwise */
    const struct procure_why **unmet_why, **idle_why;   /* the same two by code */
    int64_t total_cost_cents, delivered, unmet_total;
    struct arena arena;                 /* owns everything above */
};

/* Plans p into *out. The solution's strings point into p (ids) or its arena.
 * Free with procure_solution_free, also after an error. */
int procure_plan(const struct procure_problem *p, struct procure_solution *out,
                 struct df_err *err);
void procure_solution_free(struct procure_solution *sol);

/* Units a supplier can deliver by deadline in total: capacity per month times
 * the months (of 365.25/12 days) from as_of + lead time to the deadline. */
int64_t procure_capacity_by(const struct procure_supply *x, int as_of, int deadline);
/* Whether supply x may serve demand d under rules (CPV, price, content, country)
 * and units (procure_unit_fits), ignoring capacity. Content is the EU and
 * associated share, plus the Ukrainian share where the rules count it. */
bool procure_pair_is_eligible(const struct procure_rules *r, const struct procure_demand *d,
                              const struct procure_supply *x);

/* Whether a state of that country counts toward the rules' minimum of states (a
 * lot's other countries only receive quantities). */
bool procure_country_counts(const struct procure_rules *r, const char *country);

/* The unit canon: common spellings in English and Ukrainian of pieces, sets,
 * kg, t, l, m, km and rounds (unit.c lists them), their case and trailing
 * dots folded. The key two demands' units are compared by, in a: the
 * canonical name ("шт." and "PCS" -> "pieces"), or for a unit the canon does
 * not know the unit case folded, trimmed, without trailing dots, and a
 * simple English plural of its last word folded ("Shells." -> "shell",
 * "boxes" -> "box", "lens" and "lenses" -> "len"; Cyrillic words are not:
 * README "Units"); *name is then
 * the canonical name or the unit as typed (trimmed).
 * typed NULL is "". NULL when out of memory. */
const char *procure_unit_key(struct arena *a, const char *typed, const char **name);
/* Whether a supply counting in supply_unit may serve a demand in
 * demand_unit: the same key (procure_unit_key), or the supply states none
 * (NULL or blank). */
bool procure_unit_fits(const char *demand_unit, const char *supply_unit);
/* The UN/CEFACT Recommendation 20 code of a canonical name ("pieces" ->
 * "H87"); NULL for other names and for rounds, which have none. */
const char *procure_unit_code(const char *name);

/* "YYYY-MM-DD" to a day number; -1 when malformed or not a real date. */
int procure_date_parse(const char *s, int *day);
/* A day number as "YYYY-MM-DD" into out (11 bytes). */
void procure_date_format(int day, char out[11]);

#endif
