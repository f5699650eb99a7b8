/* Unit tests of the server's procurement plans (app/procure_cache.h): a plan
 * asked again is the one kept, a change by another connection makes the next
 * ask plan again, a full cache lets the least recently asked plan go, and
 * threads asking the same missing plan at once plan it once. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/procure_cache.h"
#include "scratch_db.h"
#include "store/api.h"
#include "store/procure.h"

static char path[64];
static struct store *s;
static struct df_err err;

static void demand(struct store *db, const char *id, const char *buyer, const char *country,
                   int64_t quantity)
{
    struct store_demand d = {.id = id, .buyer = buyer, .country = country, .cpv = "35613000-4",
                             .unit = "drone", .deliver_by = "2031-12-01", .funders = "",
                             .quantity = quantity, .max_unit_price_eur = 50000};
    cr_assert_eq(store_demand_upsert(db, &d, NULL, &err), 0, "%s", err.msg);
}

/* A file database (the cache keeps plans of databases with a path): two
 * ministries' drone demands and one supplier. */
static void open_forum(void)
{
    snprintf(path, sizeof path, "/tmp/dfnc-test-proccache-%ld.db", (long)getpid());
    scratch_db_remove(path);
    cr_assert_eq(store_open(&s, path, &err), 0, "%s", err.msg);
    const struct store_org orgs[] = {
        {.id = "mod-pl", .name = "MON", .country = "PL", .kind = "government"},
        {.id = "mod-fr", .name = "DGA", .country = "FR", .kind = "government"},
        {.id = "acme", .name = "Acme", .country = "FR", .kind = "company"},
    };
    for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++)
        cr_assert_eq(store_org_upsert(s, &orgs[i], NULL, &err), 0, "%s", err.msg);
    demand(s, "d-pl", "mod-pl", "PL", 10);
    demand(s, "d-fr", "mod-fr", "FR", 5);
    struct store_supply x = {.id = "x-acme", .org = "acme", .cpv = "35613000-4",
                             .production_country = "FR", .capacity_per_month = 10,
                             .unit_price_eur = 30000, .lead_time_days = 30,
                             .eu_content_pct = 100};
    cr_assert_eq(store_supply_upsert(s, &x, NULL, &err), 0, "%s", err.msg);
}

static void close_forum(void)
{
    store_close(s);
    scratch_db_remove(path);
}

TestSuite(procure_cache, .init = open_forum, .fini = close_forum);

Test(procure_cache, a_plan_asked_again_is_the_one_kept)
{
    struct app_procure_cache *c = app_procure_cache_new(4);
    const struct app_procure_plan *a = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_not_null(a, "%s", err.msg);
    cr_assert_eq(a->problem.demands_n, 2);
    cr_assert_str_eq(a->as_of, "2030-01-01");
    /* the instrument's name in any case is the same plan */
    const struct app_procure_plan *b = app_procure_cache_get(c, s, "SAFE", "2030-01-01", &err);
    cr_assert_eq(b, a);
    cr_assert_eq(app_procure_cache_builds(c), 1);
    /* another date or instrument is another plan */
    const struct app_procure_plan *d = app_procure_cache_get(c, s, "safe", "2030-01-02", &err);
    const struct app_procure_plan *e = app_procure_cache_get(c, s, "edip", "2030-01-01", &err);
    cr_assert(d && e && d != a && e != a && e != d);
    cr_assert_str_eq(e->inst.rules.name, "edip");
    cr_assert_eq(app_procure_cache_builds(c), 3);
    app_procure_cache_release(a);
    app_procure_cache_release(b);
    app_procure_cache_release(d);
    app_procure_cache_release(e);
    app_procure_cache_free(c);
}

Test(procure_cache, a_change_by_another_connection_plans_again)
{
    struct app_procure_cache *c = app_procure_cache_new(4);
    const struct app_procure_plan *a = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_not_null(a, "%s", err.msg);
    struct store *other;
    cr_assert_eq(store_open(&other, path, &err), 0, "%s", err.msg);
    int64_t g = store_api_procure_generation(other);
    demand(other, "d-de", "mod-fr", "DE", 3);      /* as dfnc import demands would */
    cr_assert_gt(store_api_procure_generation(s), g, "the trigger raises the counter");
    const struct app_procure_plan *b = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_not_null(b, "%s", err.msg);
    cr_assert_neq(b, a);
    cr_assert_eq(b->problem.demands_n, 3);
    cr_assert_eq(a->problem.demands_n, 2, "a holder keeps reading the plan it has");
    cr_assert_eq(app_procure_cache_builds(c), 2);
    app_procure_cache_release(a);    /* the old plan goes with its last holder (ASan sees it) */
    /* a rename of an organisation moves it too (the views show names); a
     * change the plan does not read (a description) does not */
    const struct app_procure_plan *x = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_eq(x, b);
    app_procure_cache_release(x);
    struct store_org o = {.id = "acme", .name = "Acme", .country = "FR", .kind = "company",
                          .description = "drones"};
    cr_assert_eq(store_org_upsert(other, &o, NULL, &err), 0, "%s", err.msg);
    x = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_eq(x, b, "a description is not in the plan");
    app_procure_cache_release(x);
    o.name = "Acme Drones";
    cr_assert_eq(store_org_upsert(other, &o, NULL, &err), 0, "%s", err.msg);
    x = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_neq(x, b, "a name is");
    cr_assert_eq(app_procure_cache_builds(c), 3);
    app_procure_cache_release(x);
    app_procure_cache_release(b);
    store_close(other);
    app_procure_cache_free(c);
}

Test(procure_cache, a_full_cache_lets_the_least_recently_asked_go)
{
    struct app_procure_cache *c = app_procure_cache_new(2);
    const char *days[] = {"2030-01-01", "2030-01-02", "2030-01-03"};
    const struct app_procure_plan *p;
    for (int i = 0; i < 2; i++) {
        cr_assert_not_null(p = app_procure_cache_get(c, s, "safe", days[i], &err), "%s", err.msg);
        app_procure_cache_release(p);
    }
    p = app_procure_cache_get(c, s, "safe", days[0], &err);   /* 01 now the more recent */
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_builds(c), 2);
    p = app_procure_cache_get(c, s, "safe", days[2], &err);   /* takes 02's place */
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_builds(c), 3);
    p = app_procure_cache_get(c, s, "safe", days[0], &err);
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_builds(c), 3, "01 stayed");
    p = app_procure_cache_get(c, s, "safe", days[1], &err);
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_builds(c), 4, "02 went");
    app_procure_cache_free(c);
}

Test(procure_cache, plans_of_an_older_generation_go_with_the_next_plan_kept)
{
    struct app_procure_cache *c = app_procure_cache_new(4);
    const struct app_procure_plan *p = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    app_procure_cache_release(p);
    const struct app_procure_plan *held = app_procure_cache_get(c, s, "safe", "2030-01-02", &err);
    cr_assert_eq(app_procure_cache_kept(c), 2);
    demand(s, "d-de", "mod-fr", "DE", 3);   /* both plans of the old generation now */
    p = app_procure_cache_get(c, s, "safe", "2030-01-03", &err);
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_kept(c), 1, "never asked again: they go, free slots or not");
    cr_assert_eq(held->problem.demands_n, 2, "one still held is read to the end");
    app_procure_cache_release(held);
    p = app_procure_cache_get(c, s, "safe", "2030-01-01", &err);
    cr_assert_eq(p->problem.demands_n, 3, "planned again, with the new demand");
    app_procure_cache_release(p);
    cr_assert_eq(app_procure_cache_builds(c), 4);
    app_procure_cache_free(c);
}

struct asker {
    struct app_procure_cache *c;
    pthread_barrier_t *go;
    const struct app_procure_plan *got;
};

static void *ask(void *ud)
{
    struct asker *a = ud;
    struct store *own;
    struct df_err e = {0};
    if (store_open(&own, path, &e) < 0)
        return NULL;
    pthread_barrier_wait(a->go);
    a->got = app_procure_cache_get(a->c, own, "safe", "2030-01-01", &e);
    store_close(own);
    return NULL;
}

Test(procure_cache, threads_asking_the_same_missing_plan_plan_it_once)
{
    /* enough demands that planning takes longer than the threads take to start */
    char id[16];
    for (int i = 0; i < 400; i++) {
        snprintf(id, sizeof id, "d-%03d", i);
        demand(s, id, i % 2 ? "mod-pl" : "mod-fr", i % 2 ? "PL" : "FR", 1 + i % 7);
    }
    struct app_procure_cache *c = app_procure_cache_new(4);
    enum { N = 4 };
    pthread_t t[N];
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, N);
    struct asker a[N];
    for (int i = 0; i < N; i++) {
        a[i] = (struct asker){.c = c, .go = &go};
        cr_assert_eq(pthread_create(&t[i], NULL, ask, &a[i]), 0);
    }
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&go);
    for (int i = 0; i < N; i++) {
        cr_assert_not_null(a[i].got);
        cr_assert_eq(a[i].got, a[0].got);
    }
    cr_assert_eq(app_procure_cache_builds(c), 1);
    for (int i = 0; i < N; i++)
        app_procure_cache_release(a[i].got);
    app_procure_cache_free(c);
}

Test(procure_cache, as_of_is_a_date_from_2020_to_2099)
{
    int day;
    cr_assert_eq(app_procure_as_of("as_of", "2020-01-01", &day, &err), 0, "%s", err.msg);
    cr_assert_eq(app_procure_as_of("as_of", "2099-12-31", &day, &err), 0, "%s", err.msg);
    cr_assert_lt(app_procure_as_of("as_of", "1900-01-01", &day, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_str_eq(err.msg, "as_of 1900-01-01 is not from 2020-01-01 to 2099-12-31: no "
                              "instrument's rules or forum's deliveries are judged so far off");
    cr_assert_lt(app_procure_as_of("as_of", "2019-12-31", &day, &err), 0);
    cr_assert_lt(app_procure_as_of("as_of", "2100-01-01", &day, &err), 0);
    cr_assert_lt(app_procure_as_of("--as-of", "2031-02-30", &day, &err), 0);
    cr_assert_str_eq(err.msg, "--as-of \"2031-02-30\" is not a date YYYY-MM-DD");
    /* and the plan refuses it too, as dfnc procure plan's usage error */
    struct app_procure_plan p;
    cr_assert_lt(app_procure_plan(s, "safe", NULL, "1900-01-01", &p, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    app_procure_plan_free(&p);
}
