/* The unit canon of the joint-procurement planner (see procure.h): the
 * spellings buyers type for one unit, in English and Ukrainian, read as that
 * unit, so that "200 шт." and "200 pcs" join one lot and "10 sets" does not
 * join "100 pcs". Pure: a table and string work. */
#include "engine/procure/procure.h"

#include <stddef.h>
#include <string.h>

#include "core/utf8.h"

/* Each unit: its canonical name, its UN/CEFACT Recommendation 20 code (the
 * scheme OCDS names "UNCEFACT"; NULL where it has none that fits), and its
 * spellings, case folded, without trailing dots.
 * - "ton" is read as the metric tonne: EU and Ukrainian procurement weigh in
 *   metric units, and nobody at a European forum means 907 kg by it.
 * - Rounds stay apart from pieces: a supplier's "piece" of ammunition may be
 *   a box or a belt, so "1000 rounds" and "1000 pcs" are not known to be
 *   alike; a buyer who means the same writes the same.
 * - "unit(s)" and "одиниця" are pieces: one of the thing counted. */
static const struct {
    const char *name, *code;
    const char *const spellings[16];
} canon[] = {
    {"pieces", "H87", {"pcs", "pc", "piece", "pieces", "unit", "units", "ea", "each", "шт",
                       "штук", "штука", "штуки", "од", "одиниця", "одиниці", "одиниць"}},
    {"sets", "SET", {"set", "sets", "kit", "kits", "компл", "комплект", "комплекти",
                     "комплектів", "набір", "набори", "наборів"}},
    {"kg", "KGM", {"kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "кг",
                   "кілограм", "кілограми", "кілограмів"}},
    {"t", "TNE", {"t", "tonne", "tonnes", "ton", "tons", "т", "тонна", "тонни", "тонн"}},
    {"l", "LTR", {"l", "litre", "litres", "liter", "liters", "ltr", "л", "літр", "літри",
                  "літрів"}},
    {"m", "MTR", {"m", "metre", "metres", "meter", "meters", "м", "метр", "метри", "метрів"}},
    {"km", "KMT", {"km", "kilometre", "kilometres", "kilometer", "kilometers", "км",
                   "кілометр", "кілометри", "кілометрів"}},
    {"rounds", NULL, {"round", "rounds", "rd", "rds", "постріл", "постріли", "пострілів"}},
};
#define CANON_N (sizeof canon / sizeof canon[0])

/* typed without the white space around it: [*from, *to); *dots is where
 * the dots (and spaces) after it begin. */
static void trim(const char *typed, const char **from, const char **to, const char **dots)
{
    const char *b = typed, *e = typed + strlen(typed);
    while (b < e && (*b == ' ' || *b == '\t'))
        b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    *from = b;
    *to = e;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '.'))
        e--;
    *dots = e;
}

/* The canon's entry for folded[0..n), or -1. */
static int canon_of(const char *folded, size_t n)
{
    for (size_t u = 0; u < CANON_N; u++)
        for (int k = 0; k < 16 && canon[u].spellings[k]; k++)
            if (strlen(canon[u].spellings[k]) == n && memcmp(canon[u].spellings[k], folded, n) == 0)
                return (int)u;
    return -1;
}

static bool ends(const char *w, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n >= t && memcmp(w + n - t, tail, t) == 0;
}

/* The length of key[0..n) once a simple English plural of its last word is
 * folded: "shells" -> "shell", "boxes" -> "box", "batches" -> "batch". The
 * last word must be ASCII letters (a Cyrillic one is left: README "Units").
 * A trailing "s" goes from a word of 4 letters or more, except after "s",
 * "u" or "i" (glass, status, chassis); then an "e" after s, x, z, ch or sh,
 * from singular and plural alike, so that both sides meet: "boxes" and
 * "box" are "box", "cases" and "case" "cas"; and "ie" of a word of 4
 * letters or more is "y", so that "batteries" meets "battery" (its "ie"
 * rewritten in key). One step; the caller folds again until nothing goes,
 * for a singular ending in "s" of its own: "lens" -> "len" and "lenses" ->
 * "lens" -> "len". */
static size_t fold_plural(char *key, size_t n)
{
    size_t w = n;
    while (w > 0 && key[w - 1] >= 'a' && key[w - 1] <= 'z')
        w--;
    if (w == n || (w > 0 && key[w - 1] != ' ' && key[w - 1] != '-'))
        return n;
    char *word = key + w;
    size_t len = n - w;
    if (len >= 4 && word[len - 1] == 's' && !ends(word, len, "ss") && !ends(word, len, "us") &&
        !ends(word, len, "is"))
        len--;
    if (len >= 3 && (ends(word, len, "se") || ends(word, len, "xe") || ends(word, len, "ze") ||
                     ends(word, len, "che") || ends(word, len, "she")))
        len--;
    else if (len >= 4 && ends(word, len, "ie"))
        word[--len - 1] = 'y';
    return w + len;
}

const char *procure_unit_key(struct arena *a, const char *typed, const char **name)
{
    const char *b, *end, *e;
    trim(typed ? typed : "", &b, &end, &e);
    char *key = arena_alloc(a, (size_t)(e - b) + 1);
    if (!key)
        return NULL;
    utf8_fold_case(b, (size_t)(e - b), key);
    key[e - b] = '\0';
    int u = canon_of(key, (size_t)(e - b));
    if (u >= 0) {
        *name = canon[u].name;
        return canon[u].name;
    }
    /* not one the canon knows: its own unit, named as typed (white space trimmed) */
    size_t n = (size_t)(e - b), was;
    do {   /* each step shortens it, so this ends */
        was = n;
        n = fold_plural(key, n);
    } while (n < was);
    key[n] = '\0';
    char *as_typed = arena_alloc(a, (size_t)(end - b) + 1);
    if (!as_typed)
        return NULL;
    memcpy(as_typed, b, (size_t)(end - b));
    as_typed[end - b] = '\0';
    *name = as_typed;
    return key;
}

bool procure_unit_fits(const char *demand_unit, const char *supply_unit)
{
    const char *b, *end, *e;
    trim(supply_unit ? supply_unit : "", &b, &end, &e);
    if (e == b)
        return true;            /* unstated: serves any unit */
    struct arena a;
    arena_init(&a, 0);
    const char *n1, *n2, *k1 = procure_unit_key(&a, demand_unit, &n1),
                          *k2 = procure_unit_key(&a, supply_unit, &n2);
    /* out of memory: not known to fit */
    bool fits = k1 && k2 && strcmp(k1, k2) == 0;
    arena_free(&a);
    return fits;
}

const char *procure_unit_code(const char *name)
{
    for (size_t u = 0; u < CANON_N; u++)
        if (strcmp(canon[u].name, name) == 0)
            return canon[u].code;
    return NULL;
}
