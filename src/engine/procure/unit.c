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
    char *as_typed = arena_alloc(a, (size_t)(end - b) + 1);
    if (!as_typed)
        return NULL;
    memcpy(as_typed, b, (size_t)(end - b));
    as_typed[end - b] = '\0';
    *name = as_typed;
    return key;
}

const char *procure_unit_code(const char *name)
{
    for (size_t u = 0; u < CANON_N; u++)
        if (strcmp(canon[u].name, name) == 0)
            return canon[u].code;
    return NULL;
}
