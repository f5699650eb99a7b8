/* Unit tests of src/engine/match/consortium: counting a consortium's eligible
 * entities and countries under EDF's rule, and completing it from ranked
 * candidates with as few as can be. */
#include <criterion/criterion.h>

#include "engine/match/consortium.h"

static const struct consortium_rules edf = {
    .name = "edf", .min_entities = 3, .min_countries = 3,
    .established = CONSORTIUM_EU | CONSORTIUM_EEA_EFTA,
};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

Test(consortium, counts_the_union_and_eea_efta_only)
{
    cr_assert(consortium_counts(&edf, "DE"));
    cr_assert(consortium_counts(&edf, "NO"));
    cr_assert_not(consortium_counts(&edf, "UA"));
    cr_assert_not(consortium_counts(&edf, "MD"));
    cr_assert_not(consortium_counts(&edf, "US"));
    cr_assert_not(consortium_counts(&edf, "GB"), "the United Kingdom left the Union");
    cr_assert_not(consortium_counts(&edf, ""));
    cr_assert_not(consortium_counts(&edf, NULL));
    cr_assert_eq(consortium_class("UA"), CONSORTIUM_UKRAINE);
    cr_assert_eq(consortium_class("IS"), CONSORTIUM_EEA_EFTA);
}

Test(consortium, three_entities_in_three_countries_meet_the_rule)
{
    const struct consortium_member m[] = {{"a", "DE"}, {"b", "FR"}, {"c", "NO"}};
    struct consortium_verdict v;
    consortium_judge(&edf, m, N(m), &v);
    cr_assert(v.meets);
    cr_assert_eq(v.entities, 3);
    cr_assert_eq(v.countries, 3);
    cr_assert_eq(v.entities_missing, 0);
    cr_assert_eq(v.countries_missing, 0);
}

Test(consortium, a_ukrainian_lead_and_two_countries_fall_short)
{
    /* the lead established in Ukraine takes part but does not count; two
     * German entities are one country */
    const struct consortium_member m[] = {{"ua", "UA"}, {"d1", "DE"}, {"d2", "DE"}, {"d1", "DE"}};
    struct consortium_verdict v;
    consortium_judge(&edf, m, N(m), &v);
    cr_assert_not(v.meets);
    cr_assert_eq(v.entities, 2, "d1 twice is one entity");
    cr_assert_eq(v.countries, 1);
    cr_assert_eq(v.entities_missing, 1);
    cr_assert_eq(v.countries_missing, 2);
}

Test(consortium, many_entities_of_one_country_still_miss_countries)
{
    const struct consortium_member m[] = {{"a", "PL"}, {"b", "PL"}, {"c", "PL"}, {"d", "PL"}};
    struct consortium_verdict v;
    consortium_judge(&edf, m, N(m), &v);
    cr_assert_not(v.meets);
    cr_assert_eq(v.entities_missing, 0);
    cr_assert_eq(v.countries_missing, 2);
}

Test(consortium, completes_with_the_fewest_the_best_ranked_first)
{
    const struct consortium_member lead[] = {{"ua", "UA"}};
    /* ranked: a Ukrainian partner (does not count), two Germans, a Pole, a
     * French and a Norwegian entity */
    const struct consortium_member c[] = {{"u2", "UA"}, {"d1", "DE"}, {"d2", "DE"},
                                          {"p1", "PL"}, {"f1", "FR"}, {"n1", "NO"}};
    int pick[N(c)];
    int k = consortium_complete(&edf, lead, N(lead), c, N(c), pick);
    cr_assert_eq(k, 3);
    cr_assert_eq(pick[0], 1, "d1, the best eligible");
    cr_assert_eq(pick[1], 3, "p1: d2 adds no country where all three are needed");
    cr_assert_eq(pick[2], 4, "f1");
}

Test(consortium, takes_a_second_entity_of_a_country_when_entities_lack_more)
{
    /* one eligible member and countries enough but for one: two more
     * entities, one of them of a new country */
    const struct consortium_rules four = {.min_entities = 4, .min_countries = 2,
                                          .established = CONSORTIUM_EU};
    const struct consortium_member m[] = {{"a", "IT"}};
    const struct consortium_member c[] = {{"b", "IT"}, {"x", "UA"}, {"c", "IT"}, {"d", "ES"}};
    int pick[N(c)];
    int k = consortium_complete(&four, m, N(m), c, N(c), pick);
    cr_assert_eq(k, 3);
    cr_assert_eq(pick[0], 0);
    cr_assert_eq(pick[1], 2);
    cr_assert_eq(pick[2], 3);
    /* all three taken: the rule met */
    const struct consortium_member all[] = {m[0], c[0], c[2], c[3]};
    struct consortium_verdict v;
    consortium_judge(&four, all, N(all), &v);
    cr_assert(v.meets);
}

Test(consortium, says_when_the_candidates_cannot_complete_it)
{
    const struct consortium_member m[] = {{"a", "DE"}};
    const struct consortium_member c[] = {{"a", "DE"}, {"b", "DE"}, {"u", "UA"}, {"f", "FR"},
                                          {"f", "FR"}};
    int pick[N(c)];
    cr_assert_eq(consortium_complete(&edf, m, N(m), c, N(c), pick), -1,
                 "a member again, a second German, a Ukrainian and one French entity twice "
                 "make two countries");
}

Test(consortium, nothing_to_add_to_a_consortium_that_meets_the_rule)
{
    const struct consortium_member m[] = {{"a", "DE"}, {"b", "FR"}, {"c", "IS"}};
    const struct consortium_member c[] = {{"d", "IT"}};
    int pick[1];
    cr_assert_eq(consortium_complete(&edf, m, N(m), c, N(c), pick), 0);
    cr_assert_eq(consortium_complete(&edf, m, N(m), NULL, 0, pick), 0);
}
