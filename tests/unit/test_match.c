/* Unit tests of src/engine/match: the tokeniser and stemmers (English and
 * Ukrainian), CPV affinity, a small deterministic ranking with its reasons,
 * meeting suggestions for a Ukrainian drone maker, and bad queries. */
#include <criterion/criterion.h>
#include <string.h>

#include "engine/match/match.h"
#include "engine/match/text.h"

struct toks {
    char s[32][MATCH_TOKEN_MAX];
    int n;
};

static int keep(void *ud, const char *stem, const char *word)
{
    (void)word;
    struct toks *t = ud;
    if (t->n < 32)
        strcpy(t->s[t->n++], stem);
    return 0;
}

static struct toks tok(const char *s)
{
    struct toks t = {0};
    cr_assert_eq(match_tokenize(s, strlen(s), keep, &t), 0, "tokenising \"%s\"", s);
    return t;
}

/* The one stem of s, in a rotating buffer so two calls can be compared. */
static const char *stem1(const char *s)
{
    static struct toks t[4];
    static int next;
    struct toks *x = &t[next++ % 4];
    *x = tok(s);
    cr_assert_eq(x->n, 1, "\"%s\" is one token (got %d)", s, x->n);
    return x->s[0];
}

Test(match_text, english_forms_meet_at_one_stem)
{
    cr_assert_str_eq(stem1("detection"), stem1("detecting"));
    cr_assert_str_eq(stem1("detected"), stem1("detect"));
    cr_assert_str_eq(stem1("Drones"), stem1("drone"));
    cr_assert_str_eq(stem1("UAVs"), "uav");
    cr_assert_str_eq(stem1("securing"), stem1("secure"));
    cr_assert_str_eq(stem1("planning"), stem1("plan"));
    cr_assert_str_eq(stem1("technologies"), stem1("technology"));
    cr_assert_str_neq(stem1("radar"), stem1("border"));
}

Test(match_text, ukrainian_is_lowercased_and_stripped)
{
    cr_assert_str_eq(stem1("ДРОНИ"), "дрон");
    cr_assert_str_eq(stem1("дронів"), "дрон");
    cr_assert_str_eq(stem1("дронами"), "дрон");
    cr_assert_str_eq(stem1("Безпілотні"), stem1("безпілотний"));
    cr_assert_str_eq(stem1("радіолокаційна"), stem1("радіолокаційного"));
    cr_assert_str_eq(stem1("Ґрунт"), "ґрунт", "Ґ lowercases to ґ");
    cr_assert_str_eq(stem1("Їжак"), stem1("їжака"));
    /* the stripper leaves at least three letters */
    cr_assert_eq(strlen(stem1("ліс")), strlen("ліс"));
}

Test(match_text, stop_words_hyphens_and_apostrophes)
{
    struct toks t = tok("The counter-drone systems and the radar of the border");
    cr_assert_eq(t.n, 5, "counter, drone, systems, radar, border (got %d)", t.n);
    t = tok("та для об'єкта і захисту");
    cr_assert_eq(t.n, 2, "stop words go, об'єкта stays one word (got %d)", t.n);
    cr_assert_str_eq(t.s[0], stem1("об’єкт"), "both apostrophes join the word");
    t = tok("2024 5G 35613000");
    cr_assert_eq(t.n, 1, "numbers alone are dropped, 5g kept (got %d)", t.n);
}

Test(match_text, invalid_utf8_is_refused)
{
    struct toks t = {0};
    cr_assert_eq(match_tokenize("abc \xff\xfe", 6, keep, &t), -1);
    cr_assert_eq(match_tokenize("\xd0", 1, keep, &t), -1, "a truncated Cyrillic letter");
}

Test(match_cpv, hierarchy_gives_affinity)
{
    cr_assert_float_eq(match_cpv_affinity("35613000-4", "35613000"), 1.0, 1e-9);
    cr_assert_float_eq(match_cpv_affinity("35613000-4", "35600000-8"), 1.0, 1e-9,
                       "35613000 lies inside 35600000");
    cr_assert_float_eq(match_cpv_affinity("35600000-8", "35613000-4"), 1.0, 1e-9);
    double sibling = match_cpv_affinity("35613000-4", "35611100-1");
    cr_assert(sibling > 0 && sibling < 1, "siblings are related, not equal (%f)", sibling);
    cr_assert(match_cpv_affinity("35613000-4", "35330000-6") < sibling);
    cr_assert_float_eq(match_cpv_affinity("35613000-4", "03000000-1"), 0.0, 1e-9);
    cr_assert_float_eq(match_cpv_affinity("bad", "35613000-4"), 0.0, 1e-9);
}

/* ---- a hand-made forum ------------------------------------------------------ */

static const struct match_cap uav_offer[] = {{"35613000-4", "Unmanned aerial vehicles"}};
static const struct match_cap uav_need[] = {{"35613000-4", "Unmanned aerial vehicles"}};
static const struct match_cap counter_uav_need[] = {
    {"35730000-0", "Electronic warfare systems and counter measures"},
    {"35600000-8", "Military aircrafts, missiles and spacecraft"}};
static const struct match_cap ammo_need[] = {{"35330000-6", "Ammunition"}};
static const struct match_cap radar_offer[] = {{"35722000-1", "Radar"}};

static struct match_profile forum[] = {
    {.id = "ua-drones", .name = "Sokil Drones", .country = "UA", .kind = "company", .sme = true,
     .text = "Розробка та виробництво безпілотних літальних апаратів. Ударні дрони, "
             "UAV for reconnaissance.",
     .offers = uav_offer, .offers_n = 1},
    {.id = "pl-army", .name = "Polish procurement agency", .country = "PL", .kind = "government",
     .text = "We buy unmanned aerial vehicles for border surveillance.",
     .needs = uav_need, .needs_n = 1},
    {.id = "de-shield", .name = "Shield GmbH", .country = "DE", .kind = "company",
     .text = "Counter-drone protection of airports and critical infrastructure.",
     .needs = counter_uav_need, .needs_n = 2, .offers = radar_offer, .offers_n = 1},
    {.id = "fr-ammo", .name = "Munitions SA", .country = "FR", .kind = "company",
     .text = "Artillery shells.", .needs = ammo_need, .needs_n = 1},
    {.id = "ua-buyer", .name = "UA buyer", .country = "UA", .kind = "government",
     .text = "Procurement.", .needs = uav_need, .needs_n = 1},
};

Test(match_meet, a_ukrainian_drone_maker_meets_eu_organisations_needing_uavs)
{
    struct df_err err = {0};
    struct match_index *ix = match_index_build(forum, 5, NULL, 0, &err);
    cr_assert_not_null(ix, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    struct match_query q = {.mode = MATCH_MEET, .lead = 0, .top = 10};
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), 0, "%s", err.msg);
    cr_assert_geq(n, 3);
    cr_assert_str_eq(forum[h[0].org].id, "pl-army", "exact need of an EU buyer comes first");
    cr_assert_str_eq(forum[h[1].org].id, "de-shield", "counter-UAV need (35600000) next");
    cr_assert_str_eq(h[0].why[0], "needs 35613000 Unmanned aerial vehicles, which you offer");
    bool eu_ua = false;
    for (int i = 0; i < h[0].why_n; i++)
        eu_ua |= strstr(h[0].why[i], "EU-Ukraine") != NULL;
    cr_assert(eu_ua, "the EU-Ukraine pair is a reason");
    for (int i = 0; i < n; i++)
        cr_assert_str_neq(forum[h[i].org].id, "ua-drones", "never the own organisation");
    int ammo = -1, ua_buyer = -1;
    for (int i = 0; i < n; i++) {
        if (strcmp(forum[h[i].org].id, "fr-ammo") == 0)
            ammo = i;
        if (strcmp(forum[h[i].org].id, "ua-buyer") == 0)
            ua_buyer = i;
    }
    cr_assert(ua_buyer > 1, "a Ukrainian buyer comes after the EU ones (at %d)", ua_buyer);
    cr_assert(ammo == -1 || ammo > ua_buyer, "no UAV interest ranks last");

    /* already requested: excluded */
    int ex = 1;
    q.exclude = &ex;
    q.exclude_n = 1;
    arena_free(&a);
    arena_init(&a, 0);
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), 0);
    cr_assert_str_eq(forum[h[0].org].id, "de-shield");

    /* the other way: the German counter-drone buyer is told about the drone maker */
    q = (struct match_query){.mode = MATCH_MEET, .lead = 2, .top = 2};
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), 0);
    cr_assert_str_eq(forum[h[0].org].id, "ua-drones");
    cr_assert(strstr(h[0].why[0], "offers 35613000 Unmanned aerial vehicles, which you need"),
              "%s", h[0].why[0]);
    arena_free(&a);
    match_index_free(ix);
}

/* ---- partners for a project idea ---------------------------------------------- */

static struct match_profile orgs[] = {
    {.id = "lead", .name = "Lead", .country = "BE", .kind = "research"},
    {.id = "old-friend", .name = "Old friend", .country = "FR", .kind = "company"},
    {.id = "radar-lab", .name = "Radar lab", .country = "IT", .kind = "research"},
    {.id = "friend-of-friend", .name = "FoF", .country = "ES", .kind = "company"},
    {.id = "stranger", .name = "Stranger", .country = "SE", .kind = "company"},
};
static const int p1[] = {0, 1}, p2[] = {0, 1}, p3[] = {2}, p4[] = {1, 3};
static const struct match_project history[] = {
    {.id = "p1", .text = "Crisis management for floods", .members = p1, .members_n = 2,
     .year = 2012},
    {.id = "p2", .text = "Cyber security of water utilities", .members = p2, .members_n = 2,
     .year = 2014},
    {.id = "p3", .text = "Counter-drone radar detection of small UAVs at airports",
     .members = p3, .members_n = 1, .year = 2013},
    {.id = "p4", .text = "Port logistics", .members = p4, .members_n = 2, .year = 2011},
};

Test(match_partners, ranking_and_reasons_are_deterministic)
{
    struct df_err err = {0};
    struct match_index *ix = match_index_build(orgs, 5, history, 4, &err);
    cr_assert_not_null(ix, "%s", err.msg);
    cr_assert_eq(match_index_find(ix, "radar-lab"), 2);
    cr_assert_eq(match_index_find(ix, "nobody"), -1);
    cr_assert_eq(match_index_projects_of(ix, 1), 3);
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    struct match_query q = {.mode = MATCH_PARTNERS, .lead = 0, .top = 10,
                            .text = "Detecting drones with radar near airports"};
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), 0, "%s", err.msg);
    cr_assert_eq(n, 3, "everyone with a signal but the lead (the stranger has none)");
    /* the only text match first, the lead's partner of two projects next */
    cr_assert_str_eq(orgs[h[0].org].id, "radar-lab", "the text match");
    cr_assert_str_eq(orgs[h[1].org].id, "old-friend", "two past projects with the lead");
    cr_assert_str_eq(h[1].why[0], "worked with you on 2 projects");
    bool text = false;
    for (int i = 0; i < h[0].why_n; i++)
        text |= strcmp(h[0].why[i], "text: detecting, drones, radar, airports") == 0;
    cr_assert(text, "the radar lab's reason names the words it matched");
    for (int i = 1; i < n; i++)
        cr_assert(h[i - 1].score >= h[i].score, "best first");
    int fof = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(orgs[h[i].org].id, "friend-of-friend") == 0)
            fof = i;
    cr_assert(fof >= 0);
    cr_assert_str_eq(h[fof].why[0], "worked with 1 of your past partners");

    /* same query twice, same answer */
    struct match_hit *h2;
    int n2;
    cr_assert_eq(match_query_run(ix, &q, &a, &h2, &n2, &err), 0);
    cr_assert_eq(n2, n);
    for (int i = 0; i < n; i++)
        cr_assert_eq(h2[i].org, h[i].org);
    arena_free(&a);
    match_index_free(ix);
}

Test(match_partners, bad_queries_get_clear_errors)
{
    struct df_err err = {0};
    struct match_index *ix = match_index_build(orgs, 5, history, 4, &err);
    cr_assert_not_null(ix);
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    struct match_query q = {.mode = MATCH_PARTNERS, .lead = 0, .top = 5, .text = "  \n"};
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    cr_assert(strstr(err.msg, "empty"), "%s", err.msg);
    q.text = "radar \xc3\x28";
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), -1);
    cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
    q.text = "radar";
    q.lead = 99;
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), -1);
    q.lead = 0;
    q.top = 0;
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), -1);
    arena_free(&a);
    match_index_free(ix);

    /* a project naming a profile that does not exist */
    static const int bad_members[] = {0, 7};
    struct match_project bad = {.id = "x", .text = "t", .members = bad_members, .members_n = 2};
    cr_assert_null(match_index_build(orgs, 5, &bad, 1, &err));
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    struct match_profile twice[] = {{.id = "a"}, {.id = "a"}};
    cr_assert_null(match_index_build(twice, 2, NULL, 0, &err));
    cr_assert(strstr(err.msg, "twice"), "%s", err.msg);
}

Test(match_partners, ukrainian_text_finds_ukrainian_profiles)
{
    static struct match_profile ua[] = {
        {.id = "lead", .name = "Lead", .country = "UA", .text = "Логістика"},
        {.id = "drones", .name = "Дрони", .country = "UA",
         .text = "Виробництво ударних дронів і безпілотних комплексів"},
        {.id = "demining", .name = "Розмінування", .country = "UA",
         .text = "Гуманітарне розмінування територій"},
    };
    struct df_err err = {0};
    struct match_index *ix = match_index_build(ua, 3, NULL, 0, &err);
    cr_assert_not_null(ix, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    struct match_query q = {.mode = MATCH_PARTNERS, .lead = 0, .top = 5,
                            .text = "Потрібні ДРОНИ та безпілотні системи для розвідки"};
    cr_assert_eq(match_query_run(ix, &q, &a, &h, &n, &err), 0, "%s", err.msg);
    cr_assert_geq(n, 1);
    cr_assert_str_eq(ua[h[0].org].id, "drones", "the drone maker matches the words");
    cr_assert_str_eq(h[0].why[0], "text: дрони, безпілотні");
    for (int i = 1; i < n; i++)   /* the others only share the lead's country */
        cr_assert(h[i].why_n == 1 && strcmp(h[i].why[0], "based in UA, like you") == 0 &&
                  h[i].score < h[0].score / 2);
    arena_free(&a);
    match_index_free(ix);
}
