/* Abbreviations and synonyms read as one term (abbrev.h). The synonym and
 * phrase tables hold stems as the tokeniser makes them (unmanned: unman,
 * aerial: aeri); the tests tokenise each entry's words and fail when a
 * stemmer change moves one. */
#include "engine/match/abbrev.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- synonyms: one stem for one thing ------------------------------------ */

struct synonym {
    const char *stem, *as;
};

static struct synonym synonyms[] = {
    /* UAV, UAS, RPAS and small UAS are drones */
    {"uav", "dron"},
    {"uas", "dron"},
    {"rpa", "dron"},
    {"sua", "dron"},
    /* БПЛА, БпАК and дрон are безпілотник */
    {"бпл", "безпілотник"},
    {"бпак", "безпілотник"},
    {"дрон", "безпілотник"},
};
#define SYNONYMS_N (sizeof synonyms / sizeof synonyms[0])

/* ---- abbreviations spelled out ------------------------------------------ */

struct expansion {
    const char *stem;
    const char *words;   /* what it stands for, as a text writes it */
};

static struct expansion expansions[] = {
    {"ew", "electronic warfare"},
    {"ied", "improvised explosive device"},
    {"c2", "command and control"},
    {"isr", "intelligence, surveillance and reconnaissance"},
    {"ugv", "unmanned ground vehicle"},
    {"usv", "unmanned surface vessel"},
    {"uuv", "unmanned underwater vehicle"},
    {"eod", "explosive ordnance disposal"},
    {"uxo", "unexploded ordnance"},
    {"atgm", "anti-tank guided missile"},
    {"shorad", "short-range air defence"},
    {"gbad", "ground-based air defence"},
    {"fpv", "first-person view"},
    {"gnss", "global navigation satellite system"},
    {"ppe", "personal protective equipment"},
    {"реб", "радіоелектронна боротьба"},
    {"свп", "саморобний вибуховий пристрій"},
    {"ппо", "протиповітряна оборона"},
    {"нрк", "наземний робототехнічний комплекс"},
    {"птрк", "протитанковий ракетний комплекс"},
};
#define EXPANSIONS_N (sizeof expansions / sizeof expansions[0])

/* ---- phrases that name a synonym's thing --------------------------------- */

struct phrase {
    const char *stem[MATCH_ABBREV_PHRASE_MAX];   /* in order; NULL after the last */
    const char *as;
    int len;                                     /* set at init */
};

static struct phrase phrases[] = {
    /* unmanned aerial (vehicle, system), unmanned aircraft, remotely piloted */
    {{"unman", "aeri"}, "dron", 0},
    {{"unman", "aircraft"}, "dron", 0},
    {{"remot", "pilot"}, "dron", 0},
    /* безпілотний літальний апарат, безпілотний авіаційний комплекс */
    {{"безпілотн", "літальн"}, "безпілотник", 0},
    {{"безпілотн", "авіаційн"}, "безпілотник", 0},
};
#define PHRASES_N (sizeof phrases / sizeof phrases[0])

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int cmp_synonym(const void *a, const void *b)
{
    return strcmp(((const struct synonym *)a)->stem, ((const struct synonym *)b)->stem);
}

static const char *last_stem(const struct phrase *p)
{
    return p->stem[p->len - 1];
}

/* By last stem, then longest first: a longer phrase before a shorter one
 * that ends alike. */
static int cmp_phrase(const void *a, const void *b)
{
    const struct phrase *x = a, *y = b;
    int c = strcmp(last_stem(x), last_stem(y));
    return c ? c : y->len - x->len;
}

static int cmp_expansion(const void *a, const void *b)
{
    return strcmp(((const struct expansion *)a)->stem, ((const struct expansion *)b)->stem);
}

static void tables_init(void)
{
    qsort(synonyms, SYNONYMS_N, sizeof synonyms[0], cmp_synonym);
    qsort(expansions, EXPANSIONS_N, sizeof expansions[0], cmp_expansion);
    for (size_t i = 0; i < PHRASES_N; i++) {
        int n = 0;
        while (n < MATCH_ABBREV_PHRASE_MAX && phrases[i].stem[n])
            n++;
        phrases[i].len = n;
    }
    qsort(phrases, PHRASES_N, sizeof phrases[0], cmp_phrase);
}

const char *match_abbrev_synonym(const char *stem)
{
    pthread_once(&tables_once, tables_init);
    struct synonym key = {.stem = stem};
    const struct synonym *s = bsearch(&key, synonyms, SYNONYMS_N, sizeof synonyms[0], cmp_synonym);
    return s ? s->as : NULL;
}

const char *match_abbrev_expansion(const char *stem)
{
    pthread_once(&tables_once, tables_init);
    struct expansion key = {.stem = stem};
    const struct expansion *e =
        bsearch(&key, expansions, EXPANSIONS_N, sizeof expansions[0], cmp_expansion);
    return e ? e->words : NULL;
}

const char *match_abbrev_phrase(const char *const *recent, int n, int *len)
{
    pthread_once(&tables_once, tables_init);
    if (n < 2)
        return NULL;
    const char *last = recent[n - 1];
    /* the first phrase ending in last: a binary search for its lower bound */
    size_t lo = 0, hi = PHRASES_N;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(last_stem(&phrases[mid]), last) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < PHRASES_N && strcmp(last_stem(&phrases[i]), last) == 0; i++) {
        const struct phrase *p = &phrases[i];
        if (p->len > n)
            continue;
        bool same = true;
        for (int k = 0; k < p->len - 1 && same; k++)
            same = strcmp(p->stem[k], recent[n - p->len + k]) == 0;
        if (same) {
            *len = p->len;
            return p->as;
        }
    }
    return NULL;
}
