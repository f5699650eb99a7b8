/* Joint procurement use-cases shared by the CLI and HTTP: load an instrument's
 * rules (embedded data/instruments.json or a file), load demands and supplies
 * from the store, plan with the engine, and render the plan as the JSON of
 * `dfnc procure plan --json` or as an OCDS release package. */
#ifndef DFNC_APP_PROCURE_H
#define DFNC_APP_PROCURE_H

#include <jansson.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "engine/procure/procure.h"
#include "store/store.h"

/* The embedded data/instruments.json (NUL-terminated). */
extern const char app_procure_instruments_json[];

struct app_instrument {
    struct procure_rules rules;        /* rules.name points into the arena */
    const char *title, *regulation, *url;
    /* "at least 3 participating states (Art. 11(3), legal text); ...": each
     * figure with its article and status, for people and OCDS descriptions */
    const char *citations;
    /* the EU's support ceiling per lot, in % of its value (0: the data states
     * none), raised when a lot has a demand of a country in raised_for */
    double support_pct, support_raised_pct;
    const char *support_raised_for;    /* "UA;MD" */
};

/* Finds instrument name in the JSON text of an instruments file (path NULL: the
 * embedded one). Strings go into a. DF_ERR_USAGE for an unknown name (the
 * message lists the known ones), DF_ERR_INPUT for a malformed file. */
int app_procure_instrument(const char *path, const char *name, struct arena *a,
                           struct app_instrument *out, struct df_err *err);

/* What the planner saw beside the engine's structs, for output. */
struct app_procure_demand_info {
    const char *buyer, *description, *unit, *deliver_by, *funders;  /* funders "DK;SE" */
    double max_unit_price_eur;
};
struct app_procure_supply_info {
    const char *org, *description;
    double unit_price_eur;
};

struct app_procure_plan {
    struct app_instrument inst;
    char as_of[11];
    struct procure_problem problem;
    struct procure_demand *demands;
    struct app_procure_demand_info *dinfo;
    struct procure_supply *supplies;
    struct app_procure_supply_info *sinfo;
    struct procure_solution sol;
    struct arena arena;
};

/* The EU support ceiling of a lot in % of its value (0 when the instrument's
 * data states none). */
double app_procure_lot_support(const struct app_instrument *in, const struct procure_lot *lot);

/* The dates a plan may be asked as of: none of the instruments existed
 * before 2020 (EDIRPA, the first, is Regulation (EU) 2023/2418), and a plan
 * a lifetime ahead plans nothing anyone has stated; the bounds also keep a
 * caller from asking for plans of endless dates. */
#define APP_PROCURE_AS_OF_FIRST "2020-01-01"
#define APP_PROCURE_AS_OF_LAST "2099-12-31"
/* as_of ("YYYY-MM-DD" within the bounds above) into its day number;
 * DF_ERR_INPUT naming what is wrong (the parameter by name) otherwise. */
int app_procure_as_of(const char *name, const char *as_of, int *day, struct df_err *err);

/* Plans the store's demands and supplies under instrument (instruments_path
 * NULL: embedded rules) as of as_of (app_procure_as_of; a bad one is
 * DF_ERR_USAGE, naming --as-of; NULL: today, UTC). Free with
 * app_procure_plan_free, also after an error. */
int app_procure_plan(struct store *s, const char *instrument, const char *instruments_path,
                     const char *as_of, struct app_procure_plan *out, struct df_err *err);
void app_procure_plan_free(struct app_procure_plan *p);

/* {"instrument","as_of","lots":[...],"unplaced_demands":[...]}: a new reference
 * the caller decrefs; NULL when out of memory (every row, or none). */
json_t *app_procure_plan_json(const struct app_procure_plan *p);
/* A reason by code as JSON, {"code","values","message"} and for a count's
 * reason "parts": [{"code","values"}] (its count the value "n"; docs/api.md
 * "Words for a page"): new, or json null for y NULL; NULL when out of memory. */
json_t *app_procure_why_json(const struct procure_why *y, const char *message);
/* An OCDS 1.1.5 release package: one release per joint lot's tender. Reads
 * organisation names from s. A new reference, NULL with err filled. */
json_t *app_procure_ocds(struct store *s, const struct app_procure_plan *p, struct df_err *err);

#endif
