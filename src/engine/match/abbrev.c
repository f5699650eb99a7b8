/* Abbreviations and synonyms read as one term (abbrev.h). The synonym and
 * phrase tables hold stems as the tokeniser makes them (unmanned: unman,
 * aerial: aeri); the tests tokenise each entry's words and fail when a
 * stemmer change moves one. */
#include "engine/match/abbrev.h"

#include <pthread.h>
#include <stdint.h>
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
    /* anti-drone is counter-drone (and anti-terrorism counter-terrorism) */
    {"anti", "count"},
    /* БПЛА, БпАК and дрон are безпілотник */
    {"бпл", "безпілотник"},
    {"бпак", "безпілотник"},
    {"дрон", "безпілотник"},
    /* medicine is what the medical make (tactical medicine, tactical medical
     * kits), and медицина what the медичні make */
    {"medicin", "medic"},
    {"медицин", "медичн"},
    /* БТР is бронетранспортер */
    {"бтр", "бронетранспортер"},
    /* Ukraine's places as many a European text still spells them, from
     * Russian (Kiev, Kharkov) or German (Kiew, Charkiw), read as Ukraine
     * spells them in Latin letters, so a buyer's Kiev finds a maker's Kyiv */
    {"kiev", "kyiv"},
    {"kiew", "kyiv"},
    {"kharkov", "kharkiv"},
    {"charkiw", "kharkiv"},
    {"odessa", "odesa"},
    {"nikolaev", "mykolaiv"},
    {"nikolayev", "mykolaiv"},
    {"lvov", "lviv"},
    {"lwiw", "lviv"},
    {"zaporozhi", "zaporizhzhia"},
    {"zaporizhia", "zaporizhzhia"},
    {"dnepr", "dnipro"},
    {"dnepropetrovsk", "dnipro"},
    {"dnipropetrovsk", "dnipro"},
    {"chernigov", "chernihiv"},
    {"rovno", "rivn"},
    {"lugansk", "luhansk"},
};
#define SYNONYMS_N (sizeof synonyms / sizeof synonyms[0])

/* ---- C- for counter ------------------------------------------------------- */

/* The words a lone C before them reads counter for (C-UAS, C-IED, C-RAM),
 * as a text writes them, lowercased: not C-130 or C-band. */
static const char *countered[] = {"drone", "drones", "ied", "ieds", "ram", "rpas",
                                  "suas", "uas", "uav", "uavs", "uxs"};

bool match_abbrev_counters(const char *word)
{
    for (size_t i = 0; i < sizeof countered / sizeof countered[0]; i++)
        if (strcmp(countered[i], word) == 0)
            return true;
    return false;
}

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
    {"apc", "armoured personnel carrier"},
    {"ifv", "infantry fighting vehicle"},
    {"mbt", "main battle tank"},
    {"mlr", "multiple launch rocket system"},
    {"mrap", "mine-resistant ambush-protected vehicle"},
    {"nvg", "night vision goggles"},
    {"satcom", "satellite communications"},
    {"osint", "open-source intelligence"},
    {"c4isr", "command, control, communications, computers, intelligence, surveillance and "
              "reconnaissance"},
    {"cua", "counter-drone"},
    {"ifak", "individual first aid kit"},
    {"реб", "радіоелектронна боротьба"},
    {"свп", "саморобний вибуховий пристрій"},
    {"ппо", "протиповітряна оборона"},
    {"нрк", "наземний роботизований комплекс"},   /* as the ministry writes it */
    {"птрк", "протитанковий ракетний комплекс"},
    {"бмп", "бойова машина піхоти"},
    {"рсзв", "реактивна система залпового вогню"},
    {"пнб", "прилад нічного бачення"},
    {"зрк", "зенітний ракетний комплекс"},
    {"сау", "самохідна артилерійська установка"},
    /* one word for counter-drone, as a text writes it in Ukrainian */
    {"протидронов", "протидія дронам"},
    {"антидронов", "протидія дронам"},
};
#define EXPANSIONS_N (sizeof expansions / sizeof expansions[0])

/* ---- phrases that name one thing ----------------------------------------- */

struct phrase {
    const char *first, *second, *as;
};

static struct phrase phrases[] = {
    /* unmanned aerial (vehicle, system), unmanned aircraft, remotely piloted */
    {"unman", "aeri", "dron"},
    {"unman", "aircraft", "dron"},
    {"remot", "pilot", "dron"},
    /* unmanned ground, surface, underwater (vehicle, vessel, system): the
     * thing its abbreviation names, which no drone's "ground control
     * station" or "unmanned ... vehicles" is */
    {"unman", "ground", "ugv"},
    {"unman", "surfac", "usv"},
    {"unman", "underwat", "uuv"},
    /* наземний роботизований комплекс: the same thing, so a Ukrainian НРК
     * and an English UGV meet */
    {"наземн", "роботизован", "ugv"},
    /* medical kit, first aid kit: a medkit, which the glossary gives as аптечка */
    {"medic", "kit", "medkit"},
    {"aid", "kit", "medkit"},
    /* безпілотний літальний апарат, безпілотний авіаційний комплекс */
    {"безпілотн", "літальн", "безпілотник"},
    {"безпілотн", "авіаційн", "безпілотник"},
    /* броньована техніка is бронетехніка (armoured vehicles) */
    {"броньован", "технік", "бронетехнік"},
};
#define PHRASES_N (sizeof phrases / sizeof phrases[0])

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* A filter of every stem the tables hold, so that most words pass after one
 * hash (a few others, by chance, go on to the searches). */
#define FILTER_BITS 1024
static uint64_t filter[FILTER_BITS / 64];

static unsigned filter_slot(const char *s)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % FILTER_BITS;
}

static void filter_add(const char *s)
{
    unsigned k = filter_slot(s);
    filter[k / 64] |= (uint64_t)1 << (k % 64);
}

static int cmp_synonym(const void *a, const void *b)
{
    return strcmp(((const struct synonym *)a)->stem, ((const struct synonym *)b)->stem);
}

/* By second stem, then first. */
static int cmp_phrase(const void *a, const void *b)
{
    const struct phrase *x = a, *y = b;
    int c = strcmp(x->second, y->second);
    return c ? c : strcmp(x->first, y->first);
}

static int cmp_expansion(const void *a, const void *b)
{
    return strcmp(((const struct expansion *)a)->stem, ((const struct expansion *)b)->stem);
}

static void tables_init(void)
{
    qsort(synonyms, SYNONYMS_N, sizeof synonyms[0], cmp_synonym);
    qsort(expansions, EXPANSIONS_N, sizeof expansions[0], cmp_expansion);
    qsort(phrases, PHRASES_N, sizeof phrases[0], cmp_phrase);
    for (size_t i = 0; i < SYNONYMS_N; i++)
        filter_add(synonyms[i].stem);
    for (size_t i = 0; i < EXPANSIONS_N; i++)
        filter_add(expansions[i].stem);
    for (size_t i = 0; i < PHRASES_N; i++) {
        filter_add(phrases[i].first);
        filter_add(phrases[i].second);
    }
}

bool match_abbrev_known(const char *stem)
{
    pthread_once(&tables_once, tables_init);
    unsigned k = filter_slot(stem);
    return filter[k / 64] >> (k % 64) & 1;
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

int match_abbrev_expansions_n(void)
{
    return (int)EXPANSIONS_N;
}

const char *match_abbrev_expansion_words(int i)
{
    pthread_once(&tables_once, tables_init);   /* sorted in place once: never mid-sort */
    return i >= 0 && i < (int)EXPANSIONS_N ? expansions[i].words : NULL;
}

const char *match_abbrev_phrase(const char *first, const char *second)
{
    pthread_once(&tables_once, tables_init);
    struct phrase key = {.first = first, .second = second};
    const struct phrase *p = bsearch(&key, phrases, PHRASES_N, sizeof phrases[0], cmp_phrase);
    return p ? p->as : NULL;
}
