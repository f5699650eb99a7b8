/* Unit tests of src/engine/match/lexicon.c: what it links from parallel
 * labels (words repeated together, one-word labels), what it refuses to link
 * (a word seen once in a longer label, a word's frequent neighbour, a word
 * both languages spell alike), lookups both ways, and a label that is not
 * UTF-8. The labels are written here in the classifier's manner, not copied
 * from it. */
#include <criterion/criterion.h>
#include <string.h>

#include "engine/match/lexicon.h"
#include "engine/match/text.h"

static const char *en[] = {
    "Radar",
    "Equipment",
    "Radar equipment",
    "Parts of radar equipment",
    "Unmanned aerial vehicles",
    "Unmanned ground vehicles",
    "Armoured vehicles",
    "GPS receivers",
    "Explosives",
    NULL,
    "Spare parts",
};
static const char *uk[] = {
    "Радари",
    "Обладнання",
    "Радарне обладнання",
    "Частини радарного обладнання",
    "Безпілотні літальні апарати",
    "Безпілотні наземні транспортні засоби",
    "Броньовані машини",
    "Приймачі GPS",
    "Вибухівка",
    "Тільки українською",
    "",
};
#define PAIRS ((int)(sizeof en / sizeof en[0]))

/* The stem the tokeniser makes of one word. */
static int first_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    strcpy(ud, stem);
    return 1;
}

static const char *stem_of(const char *word)
{
    static char s[4][MATCH_TOKEN_MAX];
    static int next;
    char *out = s[next++ % 4];
    out[0] = '\0';
    match_tokenize(word, strlen(word), first_stem, out);
    cr_assert(out[0], "\"%s\" has a stem", word);
    return out;
}

/* The translations of a word, or none. */
static int lookup(const struct match_lexicon *lx, const char *word,
                  const struct match_translation **t)
{
    return match_lexicon_lookup(lx, stem_of(word), t);
}

static bool translates(const struct match_lexicon *lx, const char *from, const char *to)
{
    const struct match_translation *t;
    int n = lookup(lx, from, &t);
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].stem, stem_of(to)) == 0)
            return true;
    return false;
}

Test(match_lexicon, words_repeated_together_translate_each_other_both_ways)
{
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(en, uk, PAIRS, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert(translates(lx, "radar", "радари"));
    cr_assert(translates(lx, "радарне", "radar"), "the other way too");
    cr_assert(translates(lx, "unmanned", "безпілотні"));
    cr_assert(translates(lx, "безпілотні", "unmanned"));
    cr_assert(translates(lx, "equipment", "обладнання"));
    const struct match_translation *t;
    int n = lookup(lx, "unmanned", &t);
    cr_assert_eq(n, 1, "only безпілотні shares both of unmanned's labels");
    cr_assert_float_eq(t[0].weight, 1.0, 1e-9, "two labels each, two together: Dice 1");
    cr_assert_str_eq(t[0].word, "безпілотні", "the surface form, for reasons");
    /* radar: in three labels, linked to радарн- in two (Dice 2x2/(3+2) =
     * 0.8) and to радар- in the one-word pair (2x1/(3+1) = 0.5) */
    n = lookup(lx, "radar", &t);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(t[0].stem, stem_of("радарне"));
    cr_assert_float_eq(t[0].weight, 0.8, 1e-9);
    cr_assert_str_eq(t[1].stem, stem_of("радари"));
    cr_assert_float_eq(t[1].weight, 0.5, 1e-9, "strongest first");
    /* vehicles shares two label pairs with безпілотні, but there unmanned
     * takes безпілотні first (one to one): a frequent neighbour is no
     * translation */
    cr_assert(!translates(lx, "vehicles", "безпілотні"));
    cr_assert(!translates(lx, "безпілотні", "vehicles"));
    match_lexicon_free(lx);
}

Test(match_lexicon, a_word_seen_once_links_only_in_a_one_word_label)
{
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(en, uk, PAIRS, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert(translates(lx, "explosives", "вибухівка"), "one word each side: linked");
    cr_assert(!translates(lx, "armoured", "броньовані"),
              "once, in a two-word label: could be either word");
    cr_assert(!translates(lx, "armoured", "машини"));
    const struct match_translation *t;
    cr_assert_eq(lookup(lx, "gps", &t), 0, "spelled alike in both: not a translation");
    cr_assert_eq(lookup(lx, "тільки", &t), 0, "a pair with an English side missing is skipped");
    cr_assert_eq(lookup(lx, "spare", &t), 0, "and one with an empty Ukrainian side");
    cr_assert_eq(match_lexicon_lookup(NULL, "radar", &t), 0, "no lexicon: no translations");
    match_lexicon_free(lx);
}

Test(match_lexicon, sizes_and_an_empty_lexicon)
{
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(en, uk, 0, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert_eq(match_lexicon_size(lx), 0);
    const struct match_translation *t;
    cr_assert_eq(match_lexicon_lookup(lx, "radar", &t), 0);
    match_lexicon_free(lx);
    lx = match_lexicon_build(en, uk, PAIRS, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    /* radar, equipment, unmanned, explosives and their Ukrainian sides */
    cr_assert_geq(match_lexicon_size(lx), 9);
    match_lexicon_free(lx);
}

/* A side over MATCH_LEXICON_LABEL_MAX bytes is text, not a label: the pair is
 * skipped (its words multiplied would be the cost), the same pair short is
 * learnt. */
Test(match_lexicon, a_pair_too_long_to_be_a_label_is_skipped)
{
    static char padded[MATCH_LEXICON_LABEL_MAX + 16];
    memset(padded, ' ', sizeof padded - 1);
    memcpy(padded, "Sonar", 5);
    const char *long_en[] = {padded}, *short_en[] = {"Sonar"}, *uk1[] = {"Сонари"};
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(short_en, uk1, 1, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert(translates(lx, "sonar", "сонари"));
    match_lexicon_free(lx);
    lx = match_lexicon_build(long_en, uk1, 1, NULL, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert_eq(match_lexicon_size(lx), 0);
    match_lexicon_free(lx);
}

Test(match_lexicon, a_label_that_is_not_utf8_is_named)
{
    const char *bad_en[] = {"Radar", "Sonar \xc3\x28"};
    const char *bad_uk[] = {"Радари", "Сонари"};
    struct df_err err = {0};
    cr_assert_null(match_lexicon_build(bad_en, bad_uk, 2, NULL, &err));
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "label 2 (English)"), "%s", err.msg);
}

/* The glossary: a pair the labels never showed translates both ways at
 * weight 1, beside what the labels taught; a "not" pair removes a learned
 * link both ways and nothing else. */
Test(match_lexicon, the_glossary_adds_and_removes_translations)
{
    const char *gen[] = {"border", "drone", "radar", "equipment"};
    const char *guk[] = {"кордону", "дрони", "радіолокатор", "обладнання"};
    const bool drop[] = {false, false, false, true};
    struct match_glossary g = {.en = gen, .uk = guk, .drop = drop, .n = 4};
    struct df_err err = {0};
    struct match_lexicon *plain = match_lexicon_build(en, uk, PAIRS, NULL, &err);
    struct match_lexicon *lx = match_lexicon_build(en, uk, PAIRS, &g, &err);
    cr_assert_not_null(plain, "%s", err.msg);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert(!translates(plain, "кордон", "border"));
    cr_assert(translates(lx, "кордонів", "border"), "any inflection of the listed word");
    cr_assert(translates(lx, "borders", "кордоні"));
    const struct match_translation *t;
    cr_assert_eq(lookup(lx, "дрон", &t), 1);
    cr_assert_float_eq(t[0].weight, 1.0, 1e-9);
    cr_assert_str_eq(t[0].word, "drone", "the reason names the glossary's word");
    /* added beside the learned one, first for its weight */
    cr_assert(translates(plain, "radar", "радари"));
    cr_assert_geq(lookup(lx, "radar", &t), 2);
    cr_assert_str_eq(t[0].stem, stem_of("радіолокатор"));
    cr_assert(translates(lx, "radar", "радари"));
    /* removed both ways; the others stay */
    cr_assert(translates(plain, "equipment", "обладнання"));
    cr_assert(!translates(lx, "equipment", "обладнання"));
    cr_assert(!translates(lx, "обладнання", "equipment"));
    cr_assert(translates(lx, "unmanned", "безпілотні"));
    cr_assert_eq(match_lexicon_size(lx), match_lexicon_size(plain) + 5 - 2,
                 "кордон, border, дрон, drone and радіолокатор join (%d against %d); equipment "
                 "and обладнання lose their only translation",
                 match_lexicon_size(lx), match_lexicon_size(plain));
    match_lexicon_free(plain);
    match_lexicon_free(lx);
}

/* A glossary alone (no classifier loaded) is a lexicon too. */
Test(match_lexicon, a_glossary_without_labels_is_a_lexicon)
{
    const char *gen[] = {"demining"}, *guk[] = {"розмінування"};
    struct match_glossary g = {.en = gen, .uk = guk, .drop = NULL, .n = 1};
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert_eq(match_lexicon_size(lx), 2);
    cr_assert(translates(lx, "розмінування", "demining"));
    match_lexicon_free(lx);
}

/* What the glossary may not say, each named by its pair. */
Test(match_lexicon, a_glossary_pair_that_is_not_one_word_a_side_is_refused)
{
    struct df_err err = {0};
    const char *two_en[] = {"border", "electronic warfare"}, *two_uk[] = {"кордон", "РЕБ"};
    struct match_glossary g = {.en = two_en, .uk = two_uk, .drop = NULL, .n = 2};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "pair 2") && strstr(err.msg, "not one word"), "%s", err.msg);

    /* an abbreviation dfnc spells out is no one word, and the error says why */
    const char *abbr_en[] = {"jammer"}, *abbr_uk[] = {"РЕБ"};
    g = (struct match_glossary){.en = abbr_en, .uk = abbr_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "pair 1: \"РЕБ\" is an abbreviation dfnc reads as the 2 words "
                              "it stands for: translate those"),
              "%s", err.msg);
    /* IFAK's words end with the thing a phrase of them names (medkit) */
    const char *kit_en[] = {"IFAK"}, *kit_uk[] = {"аптечка"};
    g = (struct match_glossary){.en = kit_en, .uk = kit_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "\"IFAK\" is an abbreviation"), "%s", err.msg);
    /* a combining form glued to a word is two words too (cyber security) */
    const char *glued_en[] = {"security"}, *glued_uk[] = {"Кібербезпека"};
    g = (struct match_glossary){.en = glued_en, .uk = glued_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "\"Кібербезпека\" is read as the 2 words it joins"), "%s",
              err.msg);
    /* two words joined by a mark are two words, whatever the mark, and an
     * abbreviation beside another word is no abbreviation alone */
    const char *joined_en[] = {"radar+sonar", "EW jammers"}, *joined_uk[] = {"радар", "РЕБ"};
    for (int i = 0; i < 2; i++) {
        g = (struct match_glossary){.en = joined_en + i, .uk = joined_uk + i, .n = 1};
        cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
        cr_assert(strstr(err.msg, "is not one word"), "%s", err.msg);
    }

    const char *stop_en[] = {"the"}, *stop_uk[] = {"кордон"};
    g = (struct match_glossary){.en = stop_en, .uk = stop_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "pair 1") && strstr(err.msg, "(0 stems)"), "%s", err.msg);

    const char *same_en[] = {"gps"}, *same_uk[] = {"GPS"};
    g = (struct match_glossary){.en = same_en, .uk = same_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "translates to itself"), "%s", err.msg);

    const char *many_en[] = {"drone", "drone", "drone", "drone"};
    const char *many_uk[] = {"безпілотник", "коптер", "квадрокоптер", "мультикоптер"};
    g = (struct match_glossary){.en = many_en, .uk = many_uk, .n = 4};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "pair 4") && strstr(err.msg, "more than 3"), "%s", err.msg);
    g.n = 3;
    struct match_lexicon *lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    cr_assert_not_null(lx, "three are allowed: %s", err.msg);
    match_lexicon_free(lx);

    const char *bad_en[] = {"radar"}, *bad_uk[] = {"\xd0"};
    g = (struct match_glossary){.en = bad_en, .uk = bad_uk, .n = 1};
    cr_assert_null(match_lexicon_build(NULL, NULL, 0, &g, &err));
    cr_assert(strstr(err.msg, "Ukrainian word is missing or not UTF-8"), "%s", err.msg);
}

/* The check says which pair fails, so a caller can leave that one out. */
Test(match_lexicon, the_glossary_check_names_the_pair_that_fails)
{
    struct df_err err = {0};
    int pair = 99;
    const char *en[] = {"border", "drone", "drone", "electronic warfare", "drone", "drone"};
    const char *uk[] = {"кордон", "безпілотник", "коптер", "РЕБ", "квадрокоптер", "мультикоптер"};
    struct match_glossary g = {.en = en, .uk = uk, .n = 6};
    cr_assert_eq(match_glossary_check(&g, &pair, &err), -1);
    cr_assert_eq(pair, 3, "the pair that is no one word: %s", err.msg);
    /* without it, the fourth translation of drone */
    const char *en2[] = {"border", "drone", "drone", "drone", "drone"};
    const char *uk2[] = {"кордон", "безпілотник", "коптер", "квадрокоптер", "мультикоптер"};
    g = (struct match_glossary){.en = en2, .uk = uk2, .n = 5};
    cr_assert_eq(match_glossary_check(&g, &pair, &err), -1);
    cr_assert_eq(pair, 4, "%s", err.msg);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    g.n = 4;
    cr_assert_eq(match_glossary_check(&g, &pair, &err), 0, "%s", err.msg);
    cr_assert_eq(pair, -1);
    g.n = 0;
    cr_assert_eq(match_glossary_check(&g, &pair, &err), 0, "an empty glossary reads");
}

/* Lines are read in order: a later "not" takes back an earlier line of the
 * glossary (an organiser's file after dfnc's), and a later line brings it
 * back; a pair said twice counts once toward the three translations. */
Test(match_lexicon, a_later_glossary_line_overrides_an_earlier_one)
{
    const char *gen[] = {"drone", "drone", "drone", "drone", "border", "border"};
    const char *guk[] = {"дрон", "коптер", "дрон", "коптер", "кордон", "кордон"};
    const bool drop[] = {false, false, false, true, true, false};
    struct match_glossary g = {.en = gen, .uk = guk, .drop = drop, .n = 6};
    struct df_err err = {0};
    struct match_lexicon *lx = match_lexicon_build(NULL, NULL, 0, &g, &err);
    cr_assert_not_null(lx, "%s", err.msg);
    cr_assert(translates(lx, "drone", "дрон"));
    cr_assert(!translates(lx, "drone", "коптер"), "taken back");
    cr_assert(!translates(lx, "коптер", "drone"), "both ways");
    cr_assert(translates(lx, "border", "кордон"), "brought back");
    const struct match_translation *t;
    cr_assert_eq(lookup(lx, "drone", &t), 1);
    match_lexicon_free(lx);
}
