/* Unit tests of the demo forum generator (src/app/demo.c): DFNC2's figures at
 * the default size, and a forum of another size scaled in proportion, every
 * name once, with the five showcase people and their logins. */
#include <criterion/criterion.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "app/demo.h"
#include "core/arena.h"
#include "store/auth.h"

static struct store *s;
static struct df_err err;

static void open_fresh(void)
{
    cr_assert_eq(store_open(&s, ":memory:", &err), 0, "%s", err.msg);
}

static void close_store(void) { store_close(s); }

/* Names seen, to count the ones met twice. */
struct names {
    char **v;
    int n, cap, twice;
    int ua, sme, government, research, association, tables;
};

static void names_add(struct names *x, const char *name)
{
    if (!name || !*name)
        return;
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 256;
        x->v = realloc(x->v, (size_t)x->cap * sizeof *x->v);
        cr_assert_not_null(x->v);
    }
    x->v[x->n++] = strdup(name);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The number of names that are some earlier one's; frees the names. */
static int names_twice(struct names *x)
{
    qsort(x->v, (size_t)x->n, sizeof *x->v, by_string);
    int twice = 0;
    for (int i = 1; i < x->n; i++)
        twice += strcmp(x->v[i - 1], x->v[i]) == 0;
    for (int i = 0; i < x->n; i++)
        free(x->v[i]);
    free(x->v);
    x->v = NULL;
    x->n = x->cap = 0;
    return twice;
}

struct org_names {
    struct names en, uk;
};

static int count_org(void *ud, const struct store_org *o)
{
    struct org_names *x = ud;
    names_add(&x->en, o->name);
    names_add(&x->uk, o->name_uk);
    x->en.ua += strcmp(o->country, "UA") == 0;
    x->en.sme += o->sme;
    x->en.government += strcmp(o->kind, "government") == 0;
    x->en.research += strcmp(o->kind, "research") == 0;
    x->en.association += strcmp(o->kind, "association") == 0;
    return 0;
}

static int count_person(void *ud, const struct store_person *p)
{
    names_add(ud, p->name);
    return 0;
}

static int count_table(void *ud, const struct store_location *l)
{
    (void)l;
    ((struct names *)ud)->tables++;
    return 0;
}

/* Pairs of people asked, a byte each, by the numbers in their ids. */
struct pairs {
    unsigned char *seen;
    int people, twice;
};

static int count_pair(void *ud, const struct store_request *r)
{
    struct pairs *x = ud;
    int i = atoi(r->from + 2), j = atoi(r->to + 2);
    size_t k = (size_t)(i < j ? i : j) * (size_t)(x->people + 1) + (size_t)(i < j ? j : i);
    x->twice += x->seen[k]++ > 0;
    return 0;
}

/* Accepted meetings per person, by the number in the id p-NNNN. */
static int count_accepted(void *ud, const struct store_request *r)
{
    int *accepted = ud;
    accepted[atoi(r->from + 2)]++;
    accepted[atoi(r->to + 2)]++;
    return 0;
}

Test(demo, the_default_size_is_dfnc2s_forum_as_seed_7_always_gave, .init = open_fresh,
     .fini = close_store, .timeout = 120)
{
    struct app_demo_summary sum;
    cr_assert_eq(app_demo_fill(s, 7, APP_DEMO_PEOPLE, &sum, &err), 0, "%s", err.msg);
    /* The figures bench/README.md and the e2e test quote. */
    cr_assert_eq(sum.people, 520);
    cr_assert_eq(sum.organisations, 156);
    cr_assert_eq(sum.eu_organisations, 118);
    cr_assert_eq(sum.ua_organisations, 34);
    cr_assert_eq(sum.capabilities, 424);
    cr_assert_eq(sum.requests, 1247);
    cr_assert_eq(sum.accepted, 957);
    cr_assert_eq(sum.slots, 31);
    cr_assert_eq(sum.tables, 60);
    const char *showcase[] = {"p-0437", "p-0001", "p-0140", "p-0395", "p-0111"};
    for (int k = 0; k < APP_DEMO_SHOWCASE; k++)
        cr_assert_str_eq(sum.showcase[k], showcase[k], "%s", sum.showcase_what[k]);
}

Test(demo, a_size_out_of_range_is_refused_and_nothing_written, .init = open_fresh,
     .fini = close_store)
{
    struct app_demo_summary sum;
    cr_assert_lt(app_demo_fill(s, 7, APP_DEMO_PEOPLE_MIN - 1, &sum, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    cr_assert_not_null(strstr(err.msg, "50 to 10000"), "%s", err.msg);
    cr_assert_lt(app_demo_fill(s, 7, APP_DEMO_PEOPLE_MAX + 1, &sum, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    struct store_stats st;
    cr_assert_eq(store_stats_get(s, &st, &err), 0, "%s", err.msg);
    cr_assert_eq(st.organisations, 0);
}

/* A forum of n people: its figures in proportion to DFNC2's, every name once,
 * the five showcase people of their kinds with their logins. */
static void check_size(int n)
{
    struct app_demo_summary sum;
    cr_assert_eq(app_demo_fill(s, 7, n, &sum, &err), 0, "%s", err.msg);
    /* as many people as asked, a few more when the last organisation brings several */
    cr_assert(sum.people >= n && sum.people < n + 10, "%d people for %d", sum.people, n);
    /* DFNC2's shares: 156 organisations, 34 Ukrainian, 100 SMEs, 23 government
     * bodies, 10 research bodies and 5 associations for 520 people; 424
     * capabilities, 1,247 requests, 957 accepted, 60 tables. */
    double k = n / 520.0, slack = n < 500 ? 0.35 : 0.12;
#define ABOUT(got, base)                                                                     \
    cr_assert((got) >= (base) * k * (1 - slack) && (got) <= (base) * k * (1 + slack),        \
              "%s: %d, DFNC2's %d in proportion is %.0f", #got, (int)(got), (int)(base),       \
              (base) * k)
    ABOUT(sum.organisations, 156);
    ABOUT(sum.ua_organisations, 34);
    ABOUT(sum.capabilities, 424);
    ABOUT(sum.requests, 1247);
    ABOUT(sum.accepted, 957);
    cr_assert_eq(sum.tables, (60 * n + 260) / 520, "about one table for nine people");
    cr_assert_eq(sum.slots, 31, "the meetings fit the programme: %d slots", sum.slots);
    struct org_names orgs = {0};
    cr_assert_eq(store_org_each(s, count_org, &orgs, &err), 0, "%s", err.msg);
    if (n >= 500) {
        ABOUT(orgs.en.sme, 100);
        ABOUT(orgs.en.government, 23);
        ABOUT(orgs.en.research + orgs.en.association, 15);
    }
    cr_assert_eq(names_twice(&orgs.en), 0, "no two organisations share a name");
    cr_assert_eq(names_twice(&orgs.uk), 0, "nor a Ukrainian name");
    struct names people = {0};
    cr_assert_eq(store_person_each(s, count_person, &people, &err), 0, "%s", err.msg);
    cr_assert_eq(people.n, sum.people);
    cr_assert_eq(names_twice(&people), 0, "no two people share a name");
    struct names tables = {0};
    cr_assert_eq(store_location_each(s, APP_DEMO_EVENT, count_table, &tables, &err), 0);
    cr_assert_eq(tables.tables, sum.tables);
    /* nobody accepts more than 16 meetings, at any size */
    int *accepted = calloc((size_t)sum.people + 1, sizeof *accepted);
    cr_assert_eq(store_request_each(s, APP_DEMO_EVENT, "accepted", count_accepted, accepted, &err),
                 0, "%s", err.msg);
    for (int i = 1; i <= sum.people; i++)
        cr_assert_leq(accepted[i], 16, "p-%04d accepted %d", i, accepted[i]);
    free(accepted);
    /* no pair of people has two requests: they would meet twice, and their
     * mail name the partner twice */
    struct pairs pairs = {calloc((size_t)(sum.people + 1) * (size_t)(sum.people + 1), 1),
                          sum.people, 0};
    cr_assert_not_null(pairs.seen);
    cr_assert_eq(store_request_each(s, APP_DEMO_EVENT, NULL, count_pair, &pairs, &err), 0,
                 "%s", err.msg);
    cr_assert_eq(pairs.twice, 0, "%d pairs asked twice", pairs.twice);
    free(pairs.seen);
#undef ABOUT

    /* The five showcase people, each of their kind, and their logins. */
    struct arena a;
    arena_init(&a, 0);
    const char *persons[APP_DEMO_SHOWCASE];
    for (int i = 0; i < APP_DEMO_SHOWCASE; i++) {
        cr_assert(sum.showcase[i][0], "%s at %d people", sum.showcase_what[i], n);
        persons[i] = sum.showcase[i];
        struct store_person p;
        struct store_org o;
        cr_assert_eq(store_person_get(s, persons[i], &a, &p, &err), 0, "%s", err.msg);
        cr_assert_eq(store_org_get(s, p.org, &a, &o, &err), 0, "%s", err.msg);
        bool ua = strcmp(o.country, "UA") == 0;
        const char *kind = i == 1 || i == 3 ? "government" : "company";
        cr_assert_eq(ua, i == 0 || i == 3, "%s: %s", sum.showcase_what[i], o.name);
        cr_assert_str_eq(o.kind, kind, "%s: %s", sum.showcase_what[i], o.name);
        cr_assert_eq(o.sme, i == 0 || i == 2, "%s: %s", sum.showcase_what[i], o.name);
        if (i == 1 || i == 3)
            cr_assert_eq(strncmp(o.name, "Ministry of Defence of ", 23), 0, "%s", o.name);
    }
    struct app_demo_login logins[APP_DEMO_SHOWCASE + 1];
    int logins_n = 0;
    cr_assert_eq(app_auth_init(&err), 0, "%s", err.msg);
    cr_assert_eq(app_demo_logins(s, persons, APP_DEMO_SHOWCASE, &a, logins, &logins_n, &err), 0,
                 "%s", err.msg);
    cr_assert_eq(logins_n, APP_DEMO_SHOWCASE + 1, "the organiser and five participants");
    for (int i = 1; i < logins_n; i++)
        cr_assert_str_eq(logins[i].person, persons[i - 1]);
    /* A wrong password must cost what an unknown email costs (the dummy
     * hash's interactive argon2id), or the time of a refusal says which
     * demo emails have logins. */
    char cost[64];
    snprintf(cost, sizeof cost, "$argon2id$v=19$m=%zu,t=%llu,p=1$",
             (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024,
             (unsigned long long)crypto_pwhash_OPSLIMIT_INTERACTIVE);
    for (int i = 0; i < logins_n; i++) {
        struct store_user u;
        cr_assert_eq(store_user_by_email(s, logins[i].email, &a, &u, &err), 0, "%s", err.msg);
        cr_assert(strncmp(u.password_hash, cost, strlen(cost)) == 0,
                  "%s is hashed as %.40s, not at the interactive cost %s", logins[i].email,
                  u.password_hash, cost);
    }
    arena_free(&a);
}

/* The smallest; a few times DFNC2, where the name pools of 520 are spent and
 * the wider ones name the rest; the largest. */
Test(demo, the_smallest_forum_scales_down, .init = open_fresh, .fini = close_store)
{
    check_size(APP_DEMO_PEOPLE_MIN);
}

Test(demo, a_forum_of_2000_scales_up, .init = open_fresh, .fini = close_store, .timeout = 300)
{
    check_size(2000);
}

Test(demo, the_largest_forum_scales_up, .init = open_fresh, .fini = close_store, .timeout = 600)
{
    check_size(APP_DEMO_PEOPLE_MAX);
}
