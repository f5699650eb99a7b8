/* Unit tests of the CPV lookup (src/app/cpv.c): codes by their digits,
 * labels by where the text starts a word, by the words the partner engine
 * reads, and in the other language when the page's has nothing. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/cpv.h"
#include "store/store.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-cpv-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(store_open(&s, db_path, &err), 0, "%s", err.msg);
    static const char *const rows[][3] = {
        {"35000000-4", "Security, fire-fighting, police and defence equipment",
         "Охоронне, протипожежне, поліцейське та оборонне обладнання"},
        {"35600000-0", "Military aircrafts, missiles and spacecraft",
         "Військові літальні апарати, ракети та космічні кораблі"},
        {"35613000-4", "Unmanned aerial vehicles", "Безпілотні літальні апарати"},
        {"35300000-5", "Weapons, ammunition and associated parts",
         "Зброя, боєприпаси та супутні деталі"},
        {"35330000-4", "Ammunition", "Боєприпаси"},
        {"44000000-0", "Construction structures; unmanned gates", NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        cr_assert_eq(store_cpv_upsert(s, rows[i][0], rows[i][1], rows[i][2], NULL, &err), 0,
                     "%s", err.msg);
    arena_init(&a, 0);
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    unlink(db_path);
}

/* The codes of a lookup, space-separated, into out; and its count. */
static int lookup(const char *q, bool uk, int limit, char *out, size_t cap)
{
    struct app_cpv_hit *hits;
    int n, found;
    cr_assert_eq(app_cpv_lookup(s, q, uk, limit, &a, &hits, &n, &found, &err), 0, "%s: %s", q,
                 err.msg);
    cr_assert_leq(n, limit);
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? " " : "", hits[i].code);
    return found;
}

Test(app_cpv, digits_find_codes_broader_first, .init = setup, .fini = teardown)
{
    char got[256];
    cr_assert_eq(lookup("35", false, 20, got, sizeof got), 5);
    cr_assert_str_eq(got, "35000000-4 35300000-5 35600000-0 35330000-4 35613000-4");
    cr_assert_eq(lookup("3533-", false, 20, got, sizeof got), 1);
    cr_assert_str_eq(got, "35330000-4");
    cr_assert_eq(lookup("35", false, 2, got, sizeof got), 5, "the count is of all found");
    cr_assert_str_eq(got, "35000000-4 35300000-5", "the limit cuts the list");
}

Test(app_cpv, a_label_where_a_word_starts, .init = setup, .fini = teardown)
{
    char got[256];
    /* at the label's start before inside it, then broader first */
    cr_assert_eq(lookup("AMMUN", false, 20, got, sizeof got), 2);
    cr_assert_str_eq(got, "35330000-4 35300000-5");
    /* not inside a word: "munition" is in "ammunition" only */
    cr_assert_eq(lookup("munition", false, 20, got, sizeof got), 0);
    /* case folded in Cyrillic too; the page's language only while it finds */
    cr_assert_eq(lookup("БОЄПРИПАСИ", true, 20, got, sizeof got), 2);
    cr_assert_str_eq(got, "35330000-4 35300000-5");
    /* a code without a Ukrainian label is read by its English one */
    cr_assert_eq(lookup("gates", true, 20, got, sizeof got), 1);
    cr_assert_str_eq(got, "44000000-0");
}

Test(app_cpv, the_engines_words_and_the_other_language, .init = setup, .fini = teardown)
{
    char got[256];
    struct app_cpv_hit *hits;
    int n, found;
    /* "UAV" is in no label: the engine reads it as what the label names */
    cr_assert_eq(lookup("UAV", false, 20, got, sizeof got), 1);
    cr_assert_str_eq(got, "35613000-4");
    /* "дрон" in the English picker: the Ukrainian labels, both labels back */
    cr_assert_eq(app_cpv_lookup(s, "дрон", false, 20, &a, &hits, &n, &found, &err), 0);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(hits[0].code, "35613000-4");
    cr_assert_str_eq(hits[0].label_en, "Unmanned aerial vehicles");
    cr_assert_str_eq(hits[0].label_uk, "Безпілотні літальні апарати");
    /* the page's language found something: the other is not read */
    cr_assert_eq(lookup("unmanned", false, 20, got, sizeof got), 2);
    cr_assert_str_eq(got, "35613000-4 44000000-0");
    /* punctuation alone has no word: nothing, and no error */
    cr_assert_eq(lookup("!!?", true, 20, got, sizeof got), 0);
}

Test(app_cpv, a_text_too_long_is_refused, .init = setup, .fini = teardown)
{
    char q[600];
    memset(q, 'x', sizeof q - 1);
    q[sizeof q - 1] = '\0';
    struct app_cpv_hit *hits;
    int n, found;
    cr_assert_eq(app_cpv_lookup(s, q, false, 20, &a, &hits, &n, &found, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_str_eq(err.msg, "q is too long");
}
