/* Unit tests of app/procure_edit.c and the reading it shares with the
 * importer: who may state, change and withdraw a demand or a supply, the
 * server's ids, the refused field named, one audit line per change. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/procure_edit.h"
#include "app/procure_view.h"
#include "store/procure.h"

static struct store *s;
static struct df_err err;
static struct arena a;

/* The fields of a body: name, value pairs ended by NULL. */
static const char *pairs_get(void *ud, const char *name)
{
    for (const char *const *p = ud; *p; p += 2)
        if (strcmp(p[0], name) == 0)
            return p[1];
    return NULL;
}

static const char *shells[] = {"cpv", "35331200-5", "quantity", "2000", "unit", "shell",
                               "deliver_by", "2999-06-30", "max_unit_price_eur", "3500",
                               "funder_countries", "de;SE", NULL};

static const struct app_procure_actor pl_buyer = {"buyer@mod.pl", "pl-mod", false};
static const struct app_procure_actor fr_maker = {"ceo@acme.fr", "fr-acme", false};
static const struct app_procure_actor no_org = {"ghost@forum.test", NULL, false};
static const struct app_procure_actor organiser = {"organiser@forum.test", NULL, true};

static void open_fresh(void)
{
    cr_assert_eq(store_open(&s, ":memory:", &err), 0, "%s", err.msg);
    arena_init(&a, 0);
    struct store_org o[] = {
        {.id = "pl-mod", .name = "MoD", .country = "PL", .kind = "government"},
        {.id = "fr-acme", .name = "Acme", .country = "FR", .kind = "company"},
    };
    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
        cr_assert_eq(store_org_upsert(s, &o[i], NULL, &err), 0, "%s", err.msg);
}

static void close_store(void)
{
    arena_free(&a);
    store_close(s);
}

static int save(const struct app_procure_actor *who, enum app_procure_kind kind, const char *id,
                const char **body, const char **out, const char **bad)
{
    struct app_procure_in in = {.get = pairs_get, .ud = (void *)body};
    int rc = app_procure_save(s, who, kind, id, &in, (long long)time(NULL), &a, out, &err);
    *bad = in.bad;
    return rc;
}

static int keep_demand(void *ud, const struct store_demand *d)
{
    snprintf(ud, 96, "%s|%s|%lld|%s", d->buyer, d->country, (long long)d->quantity, d->funders);
    return 0;
}

Test(procure_edit, a_buyer_states_its_demand_with_a_server_id_and_an_audit_line,
     .init = open_fresh, .fini = close_store)
{
    const char *id = NULL, *bad = NULL;
    int64_t audited = store_audit_count(s, &err);
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, shells, &id, &bad), 0, "%s", err.msg);
    cr_assert_eq(strlen(id), 4 + 16, "%s", id);
    cr_assert_eq(strncmp(id, "dem-", 4), 0);
    cr_assert_eq(strspn(id + 4, "0123456789abcdef"), 16);
    char got[96] = "";
    cr_assert_eq(store_demand_each(s, keep_demand, got, &err), 0);
    cr_assert_str_eq(got, "pl-mod|PL|2000|DE;SE", "the buyer's country, the funders upper-cased");
    cr_assert_eq(store_audit_count(s, &err), audited + 1);
    /* a second one gets another id */
    const char *id2 = NULL;
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, shells, &id2, &bad), 0, "%s", err.msg);
    cr_assert_str_neq(id, id2);
}

Test(procure_edit, another_organisations_demand_is_not_found_and_stays_as_it_was,
     .init = open_fresh, .fini = close_store)
{
    const char *id = NULL, *bad = NULL, *out = NULL;
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, shells, &id, &bad), 0, "%s", err.msg);
    int64_t audited = store_audit_count(s, &err);
    const char *more[] = {"cpv", "35331200-5", "quantity", "1", "unit", "shell", "deliver_by",
                          "2999-06-30", "max_unit_price_eur", "1", NULL};
    cr_assert_lt(save(&fr_maker, APP_PROCURE_DEMAND, id, more, &out, &bad), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "%s", err.msg);
    cr_assert_lt(app_procure_remove(s, &fr_maker, APP_PROCURE_DEMAND, id, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    /* as an id that does not exist, word for word but the id */
    cr_assert_lt(app_procure_remove(s, &fr_maker, APP_PROCURE_DEMAND, "dem-0", &err), 0);
    cr_assert_str_eq(err.msg, "no demand \"dem-0\"");
    cr_assert_lt(app_procure_remove(s, &no_org, APP_PROCURE_DEMAND, id, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    char got[96] = "";
    cr_assert_eq(store_demand_each(s, keep_demand, got, &err), 0);
    cr_assert_str_eq(got, "pl-mod|PL|2000|DE;SE");
    cr_assert_eq(store_audit_count(s, &err), audited, "a refusal writes no audit line");
    /* the organiser may; then it is gone */
    cr_assert_eq(app_procure_remove(s, &organiser, APP_PROCURE_DEMAND, id, &err), 0, "%s", err.msg);
    cr_assert_eq(store_audit_count(s, &err), audited + 1);
    cr_assert_lt(app_procure_remove(s, &pl_buyer, APP_PROCURE_DEMAND, id, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

Test(procure_edit, a_participant_names_no_other_organisation, .init = open_fresh,
     .fini = close_store)
{
    const char *body[] = {"organisation", "pl-mod", "cpv", "35331200-5", "capacity_per_month",
                          "10", "unit_price_eur", "3000", "lead_time_days", "30",
                          "production_country", "FR", "eu_content_pct", "80", NULL};
    const char *id = NULL, *bad = NULL;
    cr_assert_lt(save(&fr_maker, APP_PROCURE_SUPPLY, NULL, body, &id, &bad), 0);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    body[1] = "fr-acme";
    cr_assert_eq(save(&fr_maker, APP_PROCURE_SUPPLY, NULL, body, &id, &bad), 0, "%s", err.msg);
    cr_assert_eq(strncmp(id, "sup-", 4), 0);
}

/* Each field refused is named; nothing is written. */
Test(procure_edit, the_refused_field_is_named, .init = open_fresh, .fini = close_store)
{
    static const struct {
        const char *field, *value, *words;
    } cases[] = {
        {"quantity", "0", "quantity \"0\" must be a whole number from 1"},
        {"max_unit_price_eur", "0", "max_unit_price_eur must be a number above 0"},
        {"deliver_by", "2001-01-01", "deliver_by 2001-01-01 is in the past"},
        {"deliver_by", "2999-02-30", "is not a date"},
        {"funder_countries", "DE;XX", "funder country \"XX\""},
        {"cpv", "3533120-5", "cpv"},
        {"country", "DE", "country"},
        {"unit", NULL, "unit is required"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *body[] = {"cpv", "35331200-5", "quantity", "5", "unit", "shell",
                              "deliver_by", "2999-06-30", "max_unit_price_eur", "10",
                              "funder_countries", "", "country", "PL", NULL};
        for (const char **p = body; *p; p += 2)
            if (strcmp(p[0], cases[i].field) == 0)
                p[1] = cases[i].value;
        const char *id = NULL, *bad = NULL;
        cr_assert_lt(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, body, &id, &bad), 0,
                     "%s accepted", cases[i].field);
        cr_assert_eq(err.kind, DF_ERR_INPUT, "%s: %s", cases[i].field, err.msg);
        cr_assert_str_eq(bad ? bad : "", cases[i].field, "%s", err.msg);
        cr_assert(strstr(err.msg, cases[i].words), "%s: %s", cases[i].field, err.msg);
    }
    int64_t n = -1;
    cr_assert_eq(store_procure_counts(s, &n, &(int64_t){0}, &(int64_t){0}, &err), 0);
    cr_assert_eq(n, 0);
}

/* The importer reads a past deliver_by (plans as of a past date); the API
 * (in.today set) does not. */
Test(procure_edit, only_the_api_refuses_a_past_deadline, .init = open_fresh, .fini = close_store)
{
    const char *body[] = {"id", "d-old", "buyer", "pl-mod", "country", "pl", "cpv", "35331200-5",
                          "quantity", "5", "unit", "shell", "deliver_by", "2001-01-01",
                          "max_unit_price_eur", "10", NULL};
    struct app_procure_in in = {.get = pairs_get, .ud = body, .csv = true};
    struct store_demand d;
    cr_assert_eq(app_procure_demand_read(s, &in, &d, &err), 0, "%s", err.msg);
    cr_assert_str_eq(d.country, "PL");
    in.today = "2026-01-01";
    cr_assert_lt(app_procure_demand_read(s, &in, &d, &err), 0);
    cr_assert_str_eq(in.bad, "deliver_by");
}

/* Who has the page (GET /me's "procurement"): a ministry or a company with
 * nothing stated yet, to state its first; a research institute only once
 * it has a demand or a supply; nobody without an organisation. */
Test(procure_edit, buyers_and_makers_have_the_page_before_their_first_demand,
     .init = open_fresh, .fini = close_store)
{
    struct store_org lab = {.id = "de-lab", .name = "Lab", .country = "DE", .kind = "research"};
    cr_assert_eq(store_org_upsert(s, &lab, NULL, &err), 0, "%s", err.msg);
    static const struct {
        const char *org, *kind;
        bool has;
    } cases[] = {
        {"pl-mod", "government", true}, {"fr-acme", "company", true},
        {"de-lab", "research", false},  {NULL, NULL, false},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        bool has = !cases[c].has;
        cr_assert_eq(app_procure_org_takes_part(s, cases[c].org, cases[c].kind, &has, &err), 0,
                     "%s", err.msg);
        cr_assert_eq(has, cases[c].has, "%s", cases[c].kind ? cases[c].kind : "no organisation");
    }
    const struct app_procure_actor lab_buyer = {"head@lab.de", "de-lab", false};
    const char *id, *bad;
    cr_assert_eq(save(&lab_buyer, APP_PROCURE_DEMAND, NULL, shells, &id, &bad), 0, "%s", err.msg);
    bool has = false;
    cr_assert_eq(app_procure_org_takes_part(s, "de-lab", "research", &has, &err), 0, "%s",
                 err.msg);
    cr_assert(has, "a research institute with a demand has the page");
}

/* Every plan reads every demand: one participant's script adding 20,000
 * made each plan, for everyone, take 9 s instead of 0.2 s. */
Test(procure_edit, an_organisation_states_at_most_its_share_of_new_demands,
     .init = open_fresh, .fini = close_store)
{
    for (int i = 0; i < APP_PROCURE_ORG_MAX; i++) {
        char id[16];
        snprintf(id, sizeof id, "d-%d", i);
        struct store_demand d = {.id = id, .buyer = "pl-mod", .country = "PL",
                                 .cpv = "35331200-5", .unit = "shell",
                                 .deliver_by = "2999-06-30", .funders = "",
                                 .quantity = 1, .max_unit_price_eur = 1};
        int added;
        cr_assert_eq(store_demand_upsert(s, &d, &added, &err), 0, "%s", err.msg);
    }
    const char *id = NULL, *bad = NULL;
    int64_t audited = store_audit_count(s, &err), n[2];
    cr_assert_lt(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, shells, &id, &bad), 0);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT, "%s", err.msg);
    cr_assert(strstr(err.msg, "pl-mod has 500 demands, the most one organisation states here"),
              "%s", err.msg);
    cr_assert_eq(store_procure_org_counts(s, "pl-mod", &n[0], &n[1], &err), 0);
    cr_assert_eq(n[0], APP_PROCURE_ORG_MAX, "nothing written");
    cr_assert_eq(store_audit_count(s, &err), audited, "nor audited");
    /* a change is no new one; an organiser is not counted; supplies are counted apart */
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_DEMAND, "d-7", shells, &id, &bad), 0, "%s", err.msg);
    const char *named[] = {"buyer", "pl-mod", "cpv", "35331200-5", "quantity", "1", "unit",
                           "shell", "deliver_by", "2999-06-30", "max_unit_price_eur", "1", NULL};
    cr_assert_eq(save(&organiser, APP_PROCURE_DEMAND, NULL, named, &id, &bad), 0, "%s", err.msg);
    const char *offer[] = {"cpv", "35331200-5", "capacity_per_month", "10", "unit_price_eur", "9",
                           "lead_time_days", "30", "production_country", "PL",
                           "eu_content_pct", "80", NULL};
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_SUPPLY, NULL, offer, &id, &bad), 0, "%s", err.msg);
}

Test(procure_edit, one_item_is_read_as_stored_by_whom_it_is_and_organisers,
     .init = open_fresh, .fini = close_store)
{
    const char *id = NULL, *bad = NULL;
    cr_assert_eq(save(&pl_buyer, APP_PROCURE_DEMAND, NULL, shells, &id, &bad), 0, "%s", err.msg);
    struct store_demand d;
    struct store_supply x;
    /* the buyer's and an organiser's: every field, the funders too */
    const struct app_procure_actor *may[] = {&pl_buyer, &organiser};
    for (size_t k = 0; k < 2; k++) {
        memset(&d, 0, sizeof d);
        cr_assert_eq(app_procure_get(s, may[k], APP_PROCURE_DEMAND, id, &a, &d, &x, &err), 0,
                     "%s", err.msg);
        cr_assert_str_eq(d.id, id);
        cr_assert_str_eq(d.buyer, "pl-mod");
        cr_assert_str_eq(d.country, "PL");
        cr_assert_str_eq(d.unit, "shell");
        cr_assert_str_eq(d.funders, "DE;SE");
        cr_assert_eq(d.quantity, 2000);
        cr_assert_float_eq(d.max_unit_price_eur, 3500, 1e-9);
    }
    /* another organisation's, or none: not found, as an unknown id */
    cr_assert_lt(app_procure_get(s, &fr_maker, APP_PROCURE_DEMAND, id, &a, &d, &x, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_lt(app_procure_get(s, &no_org, APP_PROCURE_DEMAND, id, &a, &d, &x, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_lt(app_procure_get(s, &organiser, APP_PROCURE_DEMAND, "dem-0", &a, &d, &x, &err), 0);
    cr_assert_str_eq(err.msg, "no demand \"dem-0\"");
    /* a demand's id is no supply's */
    cr_assert_lt(app_procure_get(s, &organiser, APP_PROCURE_SUPPLY, id, &a, &d, &x, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    /* a supply with its content shares, which the plan's view leaves out */
    const char *offer[] = {"cpv", "35331200-5", "capacity_per_month", "40", "unit_price_eur", "2900",
                           "lead_time_days", "20", "production_country", "fr", "eu_content_pct",
                           "30", "ua_content_pct", "60", NULL};
    cr_assert_eq(save(&fr_maker, APP_PROCURE_SUPPLY, NULL, offer, &id, &bad), 0, "%s", err.msg);
    cr_assert_eq(app_procure_get(s, &fr_maker, APP_PROCURE_SUPPLY, id, &a, &d, &x, &err), 0,
                 "%s", err.msg);
    cr_assert_str_eq(x.org, "fr-acme");
    cr_assert_str_eq(x.production_country, "FR");
    cr_assert_float_eq(x.ua_content_pct, 60, 1e-9);
    cr_assert_eq(x.lead_time_days, 20);
    cr_assert_lt(app_procure_get(s, &pl_buyer, APP_PROCURE_SUPPLY, id, &a, &d, &x, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    /* as the API says it: under the names PUT takes */
    json_t *j = app_procure_item_json(NULL, &x);
    char *text = json_dumps(j, JSON_COMPACT);
    cr_assert(strstr(text, "\"organisation\":\"fr-acme\"") && strstr(text, "\"ua_content_pct\":60.0"),
              "%s", text);
    free(text);
    json_decref(j);
}
