/* The demo forum generator (see demo.h). Everything comes from one seeded
 * generator, so a seed always gives the same forum. The vocabulary below is
 * the demo's own: capability areas with real CPV 2008 codes, name parts, cities.
 * Sizes scale with the participants asked for, from DFNC2's 520: the pools a
 * forum of 520 draws from stay as they are (the same seed gives the same
 * forum), and a bigger forum's names come from the wider pools after them. */
#include "app/demo.h"

#include "app/procure_demo.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/country.h"

/* ---- a seeded generator (splitmix64) ------------------------------------------ */

struct rng {
    uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int rng_below(struct rng *r, int n) { return (int)(rng_next(r) % (uint64_t)n); }

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r) { return (double)(rng_next(r) >> 11) / 9007199254740992.0; }

#define PICK(r, array) (array[rng_below(r, (int)(sizeof array / sizeof array[0]))])
#define COUNT(array) ((int)(sizeof array / sizeof array[0]))

/* ---- capability areas -------------------------------------------------------- */

struct area {
    const char *key, *en, *uk;      /* "drones", what it is in English and Ukrainian */
    const char *words;              /* keywords for descriptions */
    const char *name_part;          /* for company names */
    const char *cpv[3], *cpv_en[3]; /* codes with their CPV 2008 labels */
    int ua_weight, eu_weight;       /* how common among Ukrainian / EU companies */
};

static const struct area areas[] = {
    {"drones", "unmanned aerial systems", "безпілотні авіаційні системи",
     "long-range reconnaissance drones, FPV strike drones and ground control stations", "Aero",
     {"35613000-4", "35613100-5", "34711200-6"},
     {"Unmanned aerial vehicles", "Unmanned combat aerial vehicles", "Non-piloted aircraft"}, 9, 4},
    {"ugv", "unmanned ground vehicles", "наземні роботизовані комплекси",
     "unmanned ground vehicles for logistics, casualty evacuation and mine laying", "Robotics",
     {"35400000-8", "38820000-9", "73423000-3"},
     {"Military vehicles and associated parts", "Remote-control equipment",
      "Development of military vehicles"}, 5, 2},
    {"counter-drone", "counter-drone systems", "системи протидії дронам",
     "counter-UAV detection, RF jamming and drone interception", "Shield",
     {"35730000-0", "35722000-1", "35125000-6"},
     {"Electronic warfare systems and counter measures", "Radar", "Surveillance system"}, 6, 4},
    {"air-defence", "air defence", "протиповітряна оборона",
     "short-range air defence, radar and fire control", "Sky",
     {"35722000-1", "35600000-0", "35710000-4"},
     {"Radar", "Military aircrafts, missiles and spacecrafts",
      "Command, control, communication and computer systems"}, 3, 4},
    {"ammunition", "ammunition", "боєприпаси",
     "155 mm artillery shells, propellant charges, fuzes and mortar rounds", "Munitions",
     {"35331000-3", "35330000-6", "35340000-9"},
     {"Ammunition for firearms and warfare", "Ammunition", "Parts of firearms and ammunition"}, 5, 4},
    {"demining", "humanitarian demining", "гуманітарне розмінування",
     "mine detection, clearance robotics and explosive ordnance disposal", "Demining",
     {"31642200-0", "35331400-7", "24600000-0"},
     {"Detection apparatus for mines", "Land mines", "Explosives"}, 5, 2},
    {"ew", "electronic warfare", "радіоелектронна боротьба",
     "electronic warfare, SIGINT and spectrum monitoring", "Spectrum",
     {"35730000-0", "35721000-4", "35720000-7"},
     {"Electronic warfare systems and counter measures", "Electronic intelligence system",
      "Intelligence, surveillance, target acquisition and reconnaissance"}, 6, 3},
    {"armour", "armoured vehicles", "броньована техніка",
     "armoured vehicles, protection kits and field repair of combat vehicles", "Armour",
     {"35410000-1", "35412000-5", "35420000-4"},
     {"Armoured military vehicles", "Armoured combat vehicles", "Parts of military vehicles"}, 3, 4},
    {"medical", "tactical medicine", "тактична медицина",
     "tactical medical kits, field hospitals and casualty evacuation", "Medica",
     {"33100000-1", "33140000-3", "35113400-3"},
     {"Medical equipments", "Medical consumables", "Protective and safety clothing"}, 2, 3},
    {"logistics", "military logistics", "військова логістика",
     "military logistics, special-purpose vehicles and maintenance", "Logistics",
     {"34144000-8", "35820000-8", "50600000-1"},
     {"Special-purpose motor vehicles", "Support equipment",
      "Repair and maintenance services of security and defence materials"}, 2, 3},
    {"cyber", "cyber defence", "кібероборона",
     "cyber defence, secure communications and security software", "Cyber",
     {"48730000-4", "72212730-5", "35711000-1"},
     {"Security software package", "Security software development services",
      "Command, control, communication systems"}, 3, 4},
    {"space", "space and satellite services", "космічні та супутникові послуги",
     "small satellites, satellite communications and Earth observation", "Orbital",
     {"34712200-3", "32531000-4", "38112100-4"},
     {"Satellites", "Satellite communications equipment",
      "Global navigation and positioning systems (GPS or equivalent)"}, 1, 2},
    {"c4isr", "command and control", "системи управління",
     "battlefield management, tactical radios and situational awareness", "Command",
     {"35712000-8", "35710000-4", "32500000-8"},
     {"Tactical command, control and communication systems",
      "Command, control, communication and computer systems",
      "Telecommunications equipment and supplies"}, 3, 4},
    {"training", "training and simulation", "навчання та симуляція",
     "battle simulators and training of operators", "Sim",
     {"35740000-3", "80600000-0", "35810000-5"},
     {"Battle simulators", "Training services in defence and security materials",
      "Individual equipment"}, 1, 2},
};

/* ---- countries, cities, legal forms, languages ----------------------------------- */

struct demo_country {
    const char *code, *lang, *form; /* ISO code, main language, company legal form */
    const char *capital;
    const char *cities[3];
    int weight;                      /* share of the European organisations */
};

static const struct demo_country eu_countries[] = {
    {"DE", "de", "GmbH", "Berlin", {"Munich", "Bremen", "Kassel"}, 12},
    {"FR", "fr", "SAS", "Paris", {"Toulouse", "Bourges", "Paris"}, 11},
    {"PL", "pl", "Sp. z o.o.", "Warsaw", {"Warsaw", "Rzeszów", "Gliwice"}, 11},
    {"IT", "it", "S.p.A.", "Rome", {"Turin", "Rome", "La Spezia"}, 7},
    {"ES", "es", "S.L.", "Madrid", {"Madrid", "Seville", "Bilbao"}, 5},
    {"NL", "nl", "B.V.", "The Hague", {"Delft", "Eindhoven", "The Hague"}, 5},
    {"BE", "fr", "SA", "Brussels", {"Brussels", "Liège", "Antwerp"}, 6},
    {"SE", "sv", "AB", "Stockholm", {"Linköping", "Karlskoga", "Stockholm"}, 5},
    {"FI", "fi", "Oy", "Helsinki", {"Tampere", "Helsinki", "Oulu"}, 4},
    {"CZ", "cs", "s.r.o.", "Prague", {"Prague", "Brno", "Ostrava"}, 5},
    {"RO", "ro", "SRL", "Bucharest", {"Bucharest", "Brașov", "Cluj-Napoca"}, 4},
    {"LT", "lt", "UAB", "Vilnius", {"Vilnius", "Kaunas", "Klaipėda"}, 4},
    {"LV", "lv", "SIA", "Riga", {"Riga", "Daugavpils", "Liepāja"}, 3},
    {"EE", "et", "OÜ", "Tallinn", {"Tallinn", "Tartu", "Narva"}, 4},
    {"DK", "da", "ApS", "Copenhagen", {"Copenhagen", "Aarhus", "Odense"}, 3},
    {"AT", "de", "GmbH", "Vienna", {"Vienna", "Graz", "Linz"}, 2},
    {"PT", "pt", "Lda.", "Lisbon", {"Lisbon", "Porto", "Braga"}, 2},
    {"SK", "sk", "s.r.o.", "Bratislava", {"Bratislava", "Košice", "Žilina"}, 3},
    {"GR", "el", "S.A.", "Athens", {"Athens", "Thessaloniki", "Patras"}, 2},
    {"BG", "bg", "EOOD", "Sofia", {"Sofia", "Plovdiv", "Kazanlak"}, 2},
};

/* Partners from beyond the Union: EEA-EFTA and the United Kingdom. */
static const struct demo_country other_countries[] = {
    {"NO", "no", "AS", "Oslo", {"Oslo", "Kongsberg", "Raufoss"}, 1},
    {"GB", "en", "Ltd", "London", {"London", "Bristol", "Farnborough"}, 1},
};

struct ua_city {
    const char *en, *uk;
};

static const struct ua_city ua_cities[] = {
    {"Kyiv", "Київ"},           {"Kharkiv", "Харків"},       {"Dnipro", "Дніпро"},
    {"Lviv", "Львів"},          {"Zaporizhzhia", "Запоріжжя"}, {"Odesa", "Одеса"},
    {"Mykolaiv", "Миколаїв"},   {"Vinnytsia", "Вінниця"},    {"Zhytomyr", "Житомир"},
    {"Chernihiv", "Чернігів"},
};

struct ua_name {
    const char *en, *uk;
};

static const struct ua_name ua_stems[] = {
    {"Sokil", "Сокіл"},   {"Vektor", "Вектор"}, {"Zenit", "Зеніт"},   {"Obrii", "Обрій"},
    {"Shtorm", "Шторм"},  {"Iskra", "Іскра"},   {"Kryla", "Крила"},   {"Tytan", "Титан"},
    {"Dnipro", "Дніпро"}, {"Bereh", "Берег"},   {"Strila", "Стріла"}, {"Polissia", "Полісся"},
    {"Yastrub", "Яструб"}, {"Svitanok", "Світанок"}, {"Hranit", "Граніт"}, {"Karpaty", "Карпати"},
};

/* Ukrainian renderings of the area name parts used in company names. */
static const char *ua_area_part(const char *part)
{
    static const char *const map[][2] = {
        {"Aero", "Аеро"},       {"Shield", "Щит"},        {"Sky", "Небо"},
        {"Munitions", "Боєприпаси"}, {"Demining", "Розмінування"}, {"Spectrum", "Спектр"},
        {"Armour", "Броня"},    {"Medica", "Медика"},     {"Logistics", "Логістика"},
        {"Cyber", "Кібер"},     {"Orbital", "Орбіта"},    {"Command", "Командні системи"},
        {"Sim", "Симуляція"},
    };
    for (int i = 0; i < COUNT(map); i++)
        if (strcmp(map[i][0], part) == 0)
            return map[i][1];
    return part;
}

/* Name stems that belong to no country, so a Swedish firm is not "Iberia ...". */
static const char *const eu_stems[] = {
    "Aquila", "Borealis", "Lynx", "Falco", "Helios", "Vega", "Orion", "Sentinel",
    "Aegis", "Atlas", "Arcus", "Polaris", "Meridian", "Argo", "Corvus", "Fenix",
    "Kestrel", "Lumen", "Nova", "Quantum", "Stratos", "Cygnus", "Draco", "Lyra",
    "Talon", "Vector", "Zephyr", "Halo", "Apex", "Nimbus", "Onyx", "Altair",
};

static const char *const eu_tails[] = {"Systems", "Technologies", "Dynamics", "Defence",
                                       "Industries", "Solutions", "Labs", "Engineering"};

static const char *const first_names[] = {
    "Anna", "Marek", "Sophie", "Lukas", "Elena", "Jan", "Marta", "Pierre", "Giulia", "Tomas",
    "Ingrid", "Mikael", "Laura", "Pablo", "Eva", "Andrei", "Katarzyna", "Jonas", "Claire",
    "Matteo", "Petra", "Henrik", "Ieva", "Karl", "Ana", "Stefan", "Lena", "Rui", "Nikos", "Maria",
};
static const char *const last_names[] = {
    "Schneider", "Kowalski", "Martin", "Rossi", "Garcia", "de Vries", "Peeters", "Lindqvist",
    "Virtanen", "Novak", "Popescu", "Kazlauskas", "Berzins", "Tamm", "Jensen", "Gruber",
    "Silva", "Horvath", "Papadopoulos", "Ivanov", "Dubois", "Bauer", "Nowak", "Ricci",
    "Moreno", "Janssens", "Nilsson", "Korhonen", "Svoboda", "Andersen",
};
static const struct ua_name ua_first[] = {
    {"Olena", "Олена"},   {"Andrii", "Андрій"}, {"Iryna", "Ірина"},   {"Oleksandr", "Олександр"},
    {"Nataliia", "Наталія"}, {"Serhii", "Сергій"}, {"Oksana", "Оксана"}, {"Dmytro", "Дмитро"},
    {"Yuliia", "Юлія"},   {"Taras", "Тарас"},   {"Kateryna", "Катерина"}, {"Bohdan", "Богдан"},
    {"Halyna", "Галина"}, {"Mykola", "Микола"}, {"Svitlana", "Світлана"}, {"Yevhen", "Євген"},
};
static const struct ua_name ua_last[] = {
    {"Shevchenko", "Шевченко"}, {"Kovalenko", "Коваленко"}, {"Bondarenko", "Бондаренко"},
    {"Tkachenko", "Ткаченко"},  {"Kravchenko", "Кравченко"}, {"Melnyk", "Мельник"},
    {"Oliinyk", "Олійник"},     {"Lysenko", "Лисенко"},     {"Marchenko", "Марченко"},
    {"Rudenko", "Руденко"},     {"Savchenko", "Савченко"},  {"Petrenko", "Петренко"},
    {"Hnatiuk", "Гнатюк"},      {"Boiko", "Бойко"},         {"Pavlenko", "Павленко"},
};

static const char *const titles_company[] = {
    "CEO", "Business Development Manager", "Chief Technology Officer", "Export Director",
    "Head of Partnerships", "Programme Manager", "Sales Director", "Founder",
};
static const char *const titles_government[] = {
    "Head of Procurement", "Capability Planner", "Director of Armaments", "Liaison Officer",
};
static const char *const titles_research[] = {"Research Director", "Senior Researcher",
                                              "Head of Technology Transfer"};

/* ---- wider pools for bigger forums -----------------------------------------------------
 * Drawn from only once the pools above have no free name left (a forum of
 * 520 never gets here), so they never change what a seed gives at that size. */

static const char *const more_first_names[] = {
    "Sara", "Lars", "Julia", "Miguel", "Hanna", "Tobias", "Chiara", "Viktor", "Agnieszka",
    "Filip", "Camille", "Jakub", "Emma", "Dimitris", "Paula", "Mateusz", "Louise", "Erik",
    "Ines", "Bartosz", "Alice", "Jens", "Zofia", "Antoine", "Elisa", "Oskar", "Beatriz",
    "Kristian", "Ewa", "Luca",
};
static const char *const more_last_names[] = {
    "Müller", "Lefebvre", "Wiśniewski", "Esposito", "Fernández", "Bakker", "Claes", "Johansson",
    "Mäkinen", "Dvořák", "Ionescu", "Petrauskas", "Ozols", "Kask", "Nielsen", "Huber", "Santos",
    "Kováč", "Georgiou", "Dimitrov", "Moreau", "Weber", "Lewandowski", "Romano", "Navarro",
    "Maes", "Larsson", "Lehtonen", "Procházka", "Hansen",
};
/* Women and men alternate, as in ua_first: a patronymic agrees with the first name. */
static const struct ua_name more_ua_first[] = {
    {"Mariia", "Марія"},     {"Ivan", "Іван"},          {"Tetiana", "Тетяна"},
    {"Petro", "Петро"},      {"Liudmyla", "Людмила"},   {"Vasyl", "Василь"},
    {"Anastasiia", "Анастасія"}, {"Volodymyr", "Володимир"}, {"Khrystyna", "Христина"},
    {"Yurii", "Юрій"},       {"Viktoriia", "Вікторія"}, {"Oleh", "Олег"},
    {"Larysa", "Лариса"},    {"Viktor", "Віктор"},      {"Sofiia", "Софія"},
    {"Stepan", "Степан"},
};
static const struct ua_name more_ua_last[] = {
    {"Kovalchuk", "Ковальчук"}, {"Polishchuk", "Поліщук"},   {"Moroz", "Мороз"},
    {"Kravets", "Кравець"},     {"Hrytsenko", "Гриценко"},   {"Tkachuk", "Ткачук"},
    {"Romanenko", "Романенко"}, {"Kuzmenko", "Кузьменко"},   {"Ponomarenko", "Пономаренко"},
    {"Shevchuk", "Шевчук"},     {"Zinchenko", "Зінченко"},   {"Levchenko", "Левченко"},
    {"Karpenko", "Карпенко"},   {"Vasylenko", "Василенко"},  {"Klymenko", "Клименко"},
    {"Yurchenko", "Юрченко"},   {"Panchenko", "Панченко"},   {"Sydorenko", "Сидоренко"},
    {"Honcharenko", "Гончаренко"}, {"Mazur", "Мазур"},       {"Kostenko", "Костенко"},
    {"Demchenko", "Демченко"},  {"Prykhodko", "Приходько"},  {"Bilyk", "Білик"},
    {"Hordiienko", "Гордієнко"},
};
/* Patronymics: a man's form, a woman's form. */
static const char *const ua_patronymics[][2] = {
    {"Андрійович", "Андріївна"},   {"Олександрович", "Олександрівна"}, {"Сергійович", "Сергіївна"},
    {"Дмитрович", "Дмитрівна"},    {"Тарасович", "Тарасівна"},         {"Богданович", "Богданівна"},
    {"Миколайович", "Миколаївна"}, {"Євгенович", "Євгенівна"},         {"Іванович", "Іванівна"},
    {"Петрович", "Петрівна"},      {"Васильович", "Василівна"},        {"Володимирович", "Володимирівна"},
    {"Юрійович", "Юріївна"},       {"Олегович", "Олегівна"},           {"Вікторович", "Вікторівна"},
    {"Степанович", "Степанівна"},
};

/* A country's further government bodies, "BODY of COUNTRY". */
static const char *const eu_bodies[] = {
    "Ministry of Defence", "Defence Procurement Agency", "Army Materiel Command",
    "Air Force Logistics Command", "Navy Procurement Office", "Armed Forces Medical Service",
    "Cyber Defence Command", "Defence Research Directorate", "Border Guard",
    "Civil Protection Agency", "Territorial Defence Command", "Special Operations Command",
    "Joint Support Command", "Defence Infrastructure Agency",
    "Armed Forces Communications Command", "Defence Logistics Agency",
};
/* A country's further associations, "COUNTRY THEME". */
static const char *const eu_assoc_themes[] = {
    "Defence and Security Industry Association", "Aerospace and Defence Industries Association",
    "Drone Industry Association", "Defence SME Network", "Space Industry Association",
    "Cyber Security Cluster", "Defence Innovation Cluster", "Ammunition Manufacturers' Association",
};
/* A city's further research bodies, "CITY KIND". */
static const char *const eu_research_kinds[] = {
    "Institute of Defence Technology", "Defence Research Centre", "Applied Physics Laboratory",
    "Aerospace Research Institute", "Centre for Autonomous Systems",
    "Institute of Materials Research", "Security Research Institute",
    "University of Technology",
};
/* Ukraine's further government bodies (ministries, then agencies and services). */
static const struct ua_name ua_bodies[] = {
    {"Ministry of Defence of Ukraine", "Міністерство оборони України"},
    {"Ministry of Strategic Industries of Ukraine",
     "Міністерство з питань стратегічних галузей промисловості України"},
    {"Defence Procurement Agency of Ukraine", "Агенція оборонних закупівель України"},
    {"Ministry of Digital Transformation of Ukraine", "Міністерство цифрової трансформації України"},
    {"Ministry of Economy of Ukraine", "Міністерство економіки України"},
    {"State Logistics Operator", "Державний оператор тилу"},
    {"State Special Communications Service of Ukraine",
     "Державна служба спеціального зв'язку та захисту інформації України"},
    {"State Emergency Service of Ukraine", "Державна служба України з надзвичайних ситуацій"},
    {"National Guard of Ukraine", "Національна гвардія України"},
    {"State Border Guard Service of Ukraine", "Державна прикордонна служба України"},
    {"Support Forces Command of the Armed Forces of Ukraine",
     "Командування Сил підтримки Збройних Сил України"},
    {"Unmanned Systems Forces of Ukraine", "Сили безпілотних систем Збройних Сил України"},
    {"Air Force of Ukraine", "Повітряні сили Збройних Сил України"},
    {"Naval Forces of Ukraine", "Військово-морські сили Збройних Сил України"},
    {"Medical Forces Command of Ukraine", "Командування Медичних сил Збройних Сил України"},
    {"State Service for Export Control of Ukraine", "Державна служба експортного контролю України"},
};
static const struct ua_name ua_assocs[] = {
    {"Association of Ukrainian Defence Manufacturers",
     "Асоціація українських виробників оборонної продукції"},
    {"National Association of Defence Industries of Ukraine",
     "Національна асоціація оборонної промисловості України"},
    {"Ukrainian Council of Gunsmiths", "Українська рада зброярів"},
    {"Ukrainian Drone Industry Association", "Асоціація виробників дронів України"},
    {"Defence Tech Cluster of Ukraine", "Кластер оборонних технологій України"},
};
static const struct ua_name ua_research_kinds[] = {
    {"Institute of Defence Technologies", "Інститут оборонних технологій"},
    {"Research Institute of Armament", "Науково-дослідний інститут озброєння"},
    {"Institute of Radio Engineering", "Інститут радіотехніки"},
    {"Centre for Unmanned Systems", "Центр безпілотних систем"},
    {"Materials Science Laboratory", "Лабораторія матеріалознавства"},
};

/* ---- the generator's own records ---------------------------------------------------- */

enum org_size { SIZE_SME, SIZE_PRIME, SIZE_MINISTRY, SIZE_AGENCY, SIZE_RESEARCH, SIZE_ASSOC };

struct gen_org {
    char *id, *country, *name;
    enum org_size size;
    int area, area2;          /* indices into areas[]; area2 may equal area */
    int offers[4], offers_n;  /* (area*3 + code) */
    int needs[4], needs_n;
    int first_person, people_n;
    double pull;              /* how much others want to meet it */
    bool is_ua, is_eu;
};

struct gen_person {
    char *id, *name;
    int org;
    int accepted; /* meeting requests it sent or received that were accepted */
};

/* A set of names (open addressing; the strings are the arena's). Sized once
 * for every name a forum can hold, so it never grows. */
struct name_set {
    const char **slot;
    size_t mask;
};

struct gen {
    struct rng rng;
    struct arena *a;
    struct store *s;
    struct df_err *err;
    int people_target;          /* the participants asked for (APP_DEMO_PEOPLE by default) */
    struct gen_org *orgs;
    int orgs_n, orgs_cap;
    struct gen_person *people;
    int people_n, people_cap;
    struct name_set org_names, person_names;
    struct arena scratch;       /* names tried (see keep_name) */
    struct app_demo_summary *sum;
};

/* base, a figure of the 520-participant forum, at this forum's size (rounded;
 * base itself at 520). */
static int scaled(const struct gen *g, int base)
{
    return (int)(((long long)base * g->people_target + APP_DEMO_PEOPLE / 2) / APP_DEMO_PEOPLE);
}

static uint64_t name_hash(const char *name)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        h = (h ^ *c) * 1099511628211ULL;
    return h;
}

static int name_set_init(struct name_set *set, int most)
{
    size_t n = 16;
    while (n < 2 * (size_t)most)
        n *= 2;
    set->slot = calloc(n, sizeof *set->slot);
    set->mask = n - 1;
    return set->slot ? 0 : -1;
}

static bool name_set_has(const struct name_set *set, const char *name)
{
    for (size_t i = name_hash(name) & set->mask; set->slot[i]; i = (i + 1) & set->mask)
        if (strcmp(set->slot[i], name) == 0)
            return true;
    return false;
}

/* name must outlive the set (the arena's). The set has room: see name_set_init. */
static void name_set_add(struct name_set *set, const char *name)
{
    size_t i = name_hash(name) & set->mask;
    while (set->slot[i] && strcmp(set->slot[i], name) != 0)
        i = (i + 1) & set->mask;
    set->slot[i] = name;
}

/* Visits each of 0..n-1 once, from a drawn start in steps coprime to n, so a
 * whole pool of names is tried, not always in the same order; walk_few stops
 * after NAME_DRAWS, for a pool nearly spent that a wider one follows. */
struct walk {
    int n, at, step, left;
};

static void walk_start(struct gen *g, struct walk *w, int n)
{
    w->n = n;
    w->left = n;
    w->at = rng_below(&g->rng, n);
    w->step = n * 5 / 8 + 1;
    for (;;) { /* the first step from n*5/8 that shares no factor with n */
        int a = w->step, b = n;
        while (b) {
            int r = a % b;
            a = b;
            b = r;
        }
        if (a == 1)
            break;
        w->step++;
    }
}

enum { NAME_DRAWS = 50 };

static void walk_few(struct gen *g, struct walk *w, int n)
{
    walk_start(g, w, n);
    w->left = n < NAME_DRAWS ? n : NAME_DRAWS;
}

static bool walk_next(struct walk *w, int *x)
{
    if (w->left == 0)
        return false;
    *x = w->at;
    w->at = (int)(((long long)w->at + w->step) % w->n);
    w->left--;
    return true;
}

/* Weighted choice over weights[0..n). */
static int pick_weighted(struct rng *r, const int *weights, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += weights[i];
    int x = rng_below(r, total);
    for (int i = 0; i < n; i++)
        if ((x -= weights[i]) < 0)
            return i;
    return n - 1;
}

static int pick_area(struct gen *g, bool ua)
{
    int w[COUNT(areas)];
    for (int i = 0; i < COUNT(areas); i++)
        w[i] = ua ? areas[i].ua_weight : areas[i].eu_weight;
    return pick_weighted(&g->rng, w, COUNT(areas));
}

/* Whether list holds code's CPV code: areas share some (radar is air
 * defence's and counter-drone's), and an organisation states each once. */
static bool has_code(const int *list, int n, int code)
{
    const char *cpv = areas[code / 3].cpv[code % 3];
    for (int i = 0; i < n; i++)
        if (strcmp(areas[list[i] / 3].cpv[list[i] % 3], cpv) == 0)
            return true;
    return false;
}

/* Offers from the organisation's own areas; needs from other areas, with
 * buyers (ministries, agencies) needing the most. */
static void choose_capabilities(struct gen *g, struct gen_org *o)
{
    bool supplier = o->size == SIZE_SME || o->size == SIZE_PRIME || o->size == SIZE_RESEARCH;
    if (supplier) {
        int n = o->size == SIZE_PRIME ? 3 : 1 + rng_below(&g->rng, 2);
        for (int i = 0; i < n && o->offers_n < 4; i++) {
            int area = i == 0 || rng_unit(&g->rng) < 0.6 ? o->area : o->area2;
            int code = area * 3 + rng_below(&g->rng, i == 0 ? 1 : 3);
            if (!has_code(o->offers, o->offers_n, code))
                o->offers[o->offers_n++] = code;
        }
    }
    int needs = o->size == SIZE_MINISTRY || o->size == SIZE_AGENCY ? 3 + rng_below(&g->rng, 2)
                : o->size == SIZE_ASSOC ? 1 : 1 + rng_below(&g->rng, 2);
    for (int i = 0; i < needs && o->needs_n < 4; i++) {
        int area = pick_area(g, !o->is_ua); /* EU buyers want what Ukraine makes, and back */
        if (supplier && area == o->area)
            continue;
        int code = area * 3 + rng_below(&g->rng, 2);
        if (!has_code(o->needs, o->needs_n, code) && !has_code(o->offers, o->offers_n, code))
            o->needs[o->needs_n++] = code;
    }
}

static int save_org(struct gen *g, struct gen_org *o, const char *name_uk, const char *city,
                    const char *description, const char *description_uk)
{
    static const char *const kinds[] = {"company", "company", "government", "government",
                                        "research", "association"};
    struct store_org rec = {
        .id = o->id, .name = o->name, .name_uk = name_uk, .country = o->country,
        .kind = kinds[o->size], .sme = o->size == SIZE_SME, .city = city,
        .website = arena_printf(g->a, "https://%s.example", o->id),
        .description = description, .description_uk = description_uk,
    };
    if (store_org_upsert(g->s, &rec, NULL, g->err) < 0)
        return -1;
    name_set_add(&g->org_names, o->name);
    for (int i = 0; i < o->offers_n + o->needs_n; i++) {
        bool offer = i < o->offers_n;
        int code = offer ? o->offers[i] : o->needs[i - o->offers_n];
        const struct area *ar = &areas[code / 3];
        struct store_capability c = {
            .org = o->id, .direction = offer ? "offer" : "need", .cpv = ar->cpv[code % 3],
            .title = ar->cpv_en[code % 3],
            .description = offer ? arena_printf(g->a, "We supply %s.", ar->words)
                                 : arena_printf(g->a, "Looking for %s.", ar->words),
            .confidential = !offer && o->size == SIZE_MINISTRY && rng_unit(&g->rng) < 0.3,
        };
        if (store_capability_upsert(g->s, &c, NULL, g->err) < 0)
            return -1;
        g->sum->capabilities++;
    }
    return 0;
}

static const char *size_word(enum org_size size)
{
    switch (size) {
    case SIZE_SME: return "an SME";
    case SIZE_PRIME: return "a prime contractor";
    case SIZE_MINISTRY: return "a ministry";
    case SIZE_AGENCY: return "a procurement agency";
    case SIZE_RESEARCH: return "a research institute";
    case SIZE_ASSOC: return "an industry association";
    }
    return "an organisation";
}

/* A forum lists each organisation and each person by name, and two of the
 * same name confuse everyone, so a drawn name that is taken is drawn again;
 * when its pool is spent (a big forum), the name comes from a wider pool
 * (two stems, a double surname, a patronymic, a city's office), and in the
 * end from a numbered branch: never a name twice. */
/* Candidate names are written in g->scratch; the one taken is copied into
 * g->a and the scratch freed, so a big forum's many tries cost no memory. */
static char *keep_name(struct gen *g, const char *name)
{
    char *kept = arena_strdup(g->a, name);
    arena_free(&g->scratch);
    arena_init(&g->scratch, 0);
    return kept;
}

/* Whether an organisation made before the newest one has this name. */
static bool org_name_taken(const struct gen *g, const char *name)
{
    return name_set_has(&g->org_names, name);
}

/* Whether a person made before the newest one has this name. */
static bool person_name_taken(const struct gen *g, const char *name)
{
    return name_set_has(&g->person_names, name);
}

/* The last resort: "NAME, branch K" (and "NAME_UK, філія K" into *branch_uk
 * when name_uk is given) for the first K from 2 that no organisation has. */
static char *org_branch_name(struct gen *g, const char *name, const char *name_uk,
                             const char **branch_uk)
{
    for (int k = 2;; k++) {
        char *x = arena_printf(&g->scratch, "%s, branch %d", name, k);
        if (!org_name_taken(g, x)) {
            if (name_uk)
                *branch_uk = arena_printf(g->a, "%s, філія %d", name_uk, k);
            return keep_name(g, x);
        }
    }
}

/* "CITY Institute of Defence Technology", the drawn *city first, then the
 * country's other cities (*city becomes the one named), then a research
 * centre's name; a big forum's further institutes are other kinds in the
 * country's cities. */
static char *eu_institute_name(struct gen *g, const struct demo_country *c, const char **city)
{
    int first = 0;
    while (first < COUNT(c->cities) - 1 && strcmp(c->cities[first], *city) != 0)
        first++;
    for (int k = 0; k < COUNT(c->cities); k++) {
        const char *at = c->cities[(first + k) % COUNT(c->cities)];
        char *name = arena_printf(&g->scratch, "%s Institute of Defence Technology", at);
        if (!org_name_taken(g, name)) {
            *city = at;
            return keep_name(g, name);
        }
    }
    char *name = arena_printf(&g->scratch, "%s Defence Research Centre", *city);
    if (!org_name_taken(g, name))
        return keep_name(g, name);
    struct walk w;
    walk_start(g, &w, COUNT(eu_research_kinds) * COUNT(c->cities));
    for (int x; walk_next(&w, &x);) {
        const char *at = c->cities[x / COUNT(eu_research_kinds)];
        name = arena_printf(&g->scratch, "%s %s", at, eu_research_kinds[x % COUNT(eu_research_kinds)]);
        if (!org_name_taken(g, name)) {
            *city = at;
            return keep_name(g, name);
        }
    }
    return org_branch_name(g, name, NULL, NULL);
}

/* A further government body or association of a country: "BODY of COUNTRY"
 * or "COUNTRY THEME" (of_country says which) from pool, then the same with
 * ", CITY office" (word) in one of the country's cities. */
static char *eu_pool_name(struct gen *g, const struct demo_country *c, const char *const *pool,
                          int n, bool of_country, const char *word)
{
    const char *country = country_name_en(c->code);
    char *name = NULL;
    struct walk w;
    walk_start(g, &w, n);
    for (int x; walk_next(&w, &x);) {
        name = of_country ? arena_printf(&g->scratch, "%s of %s", pool[x], country)
                          : arena_printf(&g->scratch, "%s %s", country, pool[x]);
        if (!org_name_taken(g, name))
            return keep_name(g, name);
    }
    walk_start(g, &w, n * COUNT(c->cities));
    for (int x; walk_next(&w, &x);) {
        const char *at = c->cities[x / n];
        name = of_country ? arena_printf(&g->scratch, "%s of %s, %s %s", pool[x % n], country, at, word)
                          : arena_printf(&g->scratch, "%s %s, %s %s", country, pool[x % n], at, word);
        if (!org_name_taken(g, name))
            return keep_name(g, name);
    }
    return org_branch_name(g, name, NULL, NULL);
}

/* A further Ukrainian body from pool, then the same in one of Ukraine's cities
 * ("..., Lviv office", "... (Львів)"); its Ukrainian name into *name_uk. */
static char *ua_pool_name(struct gen *g, const struct ua_name *pool, int n, const char *word,
                          const char **name_uk)
{
    char *name = NULL;
    struct walk w;
    walk_start(g, &w, n);
    for (int x; walk_next(&w, &x);)
        if (!org_name_taken(g, pool[x].en)) {
            *name_uk = pool[x].uk;
            return keep_name(g, pool[x].en);
        }
    walk_start(g, &w, n * COUNT(ua_cities));
    for (int x; walk_next(&w, &x);) {
        const struct ua_city *at = &ua_cities[x / n];
        name = arena_printf(&g->scratch, "%s, %s %s", pool[x % n].en, at->en, word);
        if (!org_name_taken(g, name)) {
            *name_uk = arena_printf(g->a, "%s (%s)", pool[x % n].uk, at->uk);
            return keep_name(g, name);
        }
    }
    return org_branch_name(g, pool[0].en, pool[0].uk, name_uk);
}

static struct gen_org *new_org(struct gen *g, const char *country, enum org_size size, bool ua,
                               int area)
{
    assert(g->orgs_n < g->orgs_cap);
    struct gen_org *o = &g->orgs[g->orgs_n];
    o->id = arena_printf(g->a, "org-%04d", g->orgs_n + 1);
    o->country = arena_strdup(g->a, country);
    o->size = size;
    o->is_ua = ua;
    o->is_eu = country_is_eu_member(country);
    o->area = pick_area(g, ua);
    o->area2 = rng_unit(&g->rng) < 0.5 ? pick_area(g, ua) : o->area;
    if (area >= 0) /* a showcase organisation the draws did not give */
        o->area = area;
    static const double pull[] = {1.0, 6.0, 4.0, 3.0, 1.5, 0.8};
    o->pull = pull[size] * (0.5 + rng_unit(&g->rng));
    g->orgs_n++;
    return o;
}

/* "STEM AREA TAIL FORM", drawn again while taken; then two stems
 * ("Aquila-Lynx Aero Systems GmbH"). */
static char *eu_company_name(struct gen *g, const struct demo_country *c, int area)
{
    char *name = NULL;
    for (int draw = 0; draw < NAME_DRAWS; draw++) {
        name = arena_printf(&g->scratch, "%s %s %s %s", PICK(&g->rng, eu_stems),
                            areas[area].name_part, PICK(&g->rng, eu_tails), c->form);
        if (!org_name_taken(g, name))
            return keep_name(g, name);
    }
    const int stems = COUNT(eu_stems);
    struct walk w;
    walk_start(g, &w, stems * stems * COUNT(eu_tails));
    for (int x; walk_next(&w, &x);) {
        int a = x % stems, b = x / stems % stems;
        if (a == b)
            continue;
        name = arena_printf(&g->scratch, "%s-%s %s %s %s", eu_stems[a], eu_stems[b],
                            areas[area].name_part, eu_tails[x / (stems * stems)], c->form);
        if (!org_name_taken(g, name))
            return keep_name(g, name);
    }
    return org_branch_name(g, name, NULL, NULL);
}

/* extra: a government body or association beyond a country's first (their
 * names come from the wider pools; a forum of 520 has none). area: the
 * showcase area to give it, or -1 to draw. */
static int gen_eu_org(struct gen *g, const struct demo_country *c, enum org_size size, bool extra,
                      int area)
{
    struct gen_org *o = new_org(g, c->code, size, false, area);
    bool public_body = size == SIZE_MINISTRY || size == SIZE_AGENCY || size == SIZE_ASSOC;
    const char *city = public_body ? c->capital : PICK(&g->rng, c->cities);
    const char *country = country_name_en(c->code);
    const char *what = size_word(size);
    switch (size) {
    case SIZE_MINISTRY:
    case SIZE_AGENCY:
        if (extra) {
            o->name = eu_pool_name(g, c, eu_bodies, COUNT(eu_bodies), true, "office");
            what = "a government body";
        } else {
            o->name = arena_printf(g->a, size == SIZE_MINISTRY ? "Ministry of Defence of %s"
                                                               : "Defence Procurement Agency of %s",
                                   country);
        }
        break;
    case SIZE_RESEARCH:
        o->name = eu_institute_name(g, c, &city);
        break;
    case SIZE_ASSOC:
        o->name = extra ? eu_pool_name(g, c, eu_assoc_themes, COUNT(eu_assoc_themes), false, "chapter")
                        : arena_printf(g->a, "%s Defence and Security Industry Association", country);
        break;
    default:
        o->name = eu_company_name(g, c, o->area);
    }
    choose_capabilities(g, o);
    const char *desc = arena_printf(
        g->a, "%s is %s from %s, %s, working on %s. It wants partners in Ukraine and across "
              "Europe for %s.",
        o->name, what, city, country, areas[o->area].words, areas[o->area2].en);
    return save_org(g, o, NULL, city, desc, NULL);
}

/* "STEM AREA LLC", drawn again while taken; then two stems ("Sokil-Vektor
 * Aero LLC"); its Ukrainian name into *name_uk. */
static char *ua_company_name(struct gen *g, const char *part, const char **name_uk)
{
    const struct ua_name *stem = NULL;
    char *name = NULL;
    for (int draw = 0; draw < NAME_DRAWS; draw++) {
        stem = &PICK(&g->rng, ua_stems);
        name = arena_printf(&g->scratch, "%s %s LLC", stem->en, part);
        if (!org_name_taken(g, name)) {
            *name_uk = arena_printf(g->a, "ТОВ «%s %s»", stem->uk, ua_area_part(part));
            return keep_name(g, name);
        }
    }
    const int stems = COUNT(ua_stems);
    struct walk w;
    walk_start(g, &w, stems * stems);
    for (int x; walk_next(&w, &x);) {
        const struct ua_name *a = &ua_stems[x % stems], *b = &ua_stems[x / stems];
        if (a == b)
            continue;
        name = arena_printf(&g->scratch, "%s-%s %s LLC", a->en, b->en, part);
        if (!org_name_taken(g, name)) {
            *name_uk = arena_printf(g->a, "ТОВ «%s-%s %s»", a->uk, b->uk, ua_area_part(part));
            return keep_name(g, name);
        }
    }
    return org_branch_name(g, arena_printf(g->a, "%s %s LLC", stem->en, part),
                           arena_printf(g->a, "ТОВ «%s %s»", stem->uk, ua_area_part(part)), name_uk);
}

/* area: the showcase area to give it, or -1 to draw. */
static int gen_ua_org(struct gen *g, enum org_size size, int area)
{
    struct gen_org *o = new_org(g, "UA", size, true, area);
    const struct ua_city *city = &PICK(&g->rng, ua_cities);
    if (size == SIZE_MINISTRY || size == SIZE_AGENCY || size == SIZE_ASSOC)
        city = &ua_cities[0]; /* Kyiv */
    const char *name_uk;
    const char *what = size_word(size);
    switch (size) {
    case SIZE_MINISTRY: {
        int k = 0;
        for (int i = 0; i < g->orgs_n - 1; i++)
            k += g->orgs[i].is_ua && g->orgs[i].size == SIZE_MINISTRY;
        if (k < 2) { /* the two ministries; a big forum's further bodies next */
            o->name = arena_strdup(g->a, ua_bodies[k].en);
            name_uk = ua_bodies[k].uk;
        } else {
            o->name = ua_pool_name(g, ua_bodies, COUNT(ua_bodies), "office", &name_uk);
            what = "a government body";
        }
        break;
    }
    case SIZE_AGENCY:
        if (!org_name_taken(g, ua_bodies[2].en)) {
            o->name = arena_strdup(g->a, ua_bodies[2].en);
            name_uk = ua_bodies[2].uk;
        } else {
            o->name = ua_pool_name(g, ua_bodies, COUNT(ua_bodies), "office", &name_uk);
            what = "a government body";
        }
        break;
    case SIZE_RESEARCH: {
        int first = (int)(city - ua_cities);
        bool named = false;
        for (int k = 0; k < COUNT(ua_cities) && !named; k++) {
            city = &ua_cities[(first + k) % COUNT(ua_cities)];
            o->name = arena_printf(g->a, "%s Institute of Defence Technologies", city->en);
            named = !org_name_taken(g, o->name);
        }
        if (named) {
            name_uk = arena_printf(g->a, "Інститут оборонних технологій (%s)", city->uk);
            break;
        }
        const int kinds = COUNT(ua_research_kinds);
        struct walk w;
        walk_start(g, &w, kinds * COUNT(ua_cities));
        for (int x; walk_next(&w, &x) && !named;) {
            city = &ua_cities[x / kinds];
            o->name = arena_printf(&g->scratch, "%s %s", city->en, ua_research_kinds[x % kinds].en);
            if ((named = !org_name_taken(g, o->name))) {
                name_uk = arena_printf(g->a, "%s (%s)", ua_research_kinds[x % kinds].uk, city->uk);
                o->name = keep_name(g, o->name);
            }
        }
        if (!named)
            o->name = org_branch_name(g, "Kyiv Institute of Defence Technologies",
                                      "Інститут оборонних технологій (Київ)", &name_uk);
        break;
    }
    case SIZE_ASSOC:
        if (!org_name_taken(g, ua_assocs[0].en)) {
            o->name = arena_strdup(g->a, ua_assocs[0].en);
            name_uk = ua_assocs[0].uk;
        } else {
            o->name = ua_pool_name(g, ua_assocs, COUNT(ua_assocs), "chapter", &name_uk);
        }
        break;
    default:
        o->name = ua_company_name(g, areas[o->area].name_part, &name_uk);
    }
    choose_capabilities(g, o);
    const char *desc = arena_printf(
        g->a, "%s is %s from %s, Ukraine, working on %s, combat-proven since 2022. It seeks "
              "European partners for joint production and %s.",
        o->name, what, city->en, areas[o->area].words, areas[o->area2].en);
    bool buyer = size == SIZE_MINISTRY || size == SIZE_AGENCY;
    const char *desc_uk = arena_printf(
        g->a, buyer ? "%s — %s, %s. Закуповує: %s; шукає європейських виробників і "
                      "спільні закупівлі; напрям: %s."
                    : "%s — %s з міста %s: %s. Шукає європейських партнерів для спільного "
                      "виробництва; напрям: %s.",
        name_uk,
        size == SIZE_SME         ? "українське МСП"
        : size == SIZE_PRIME     ? "провідний український виробник"
        : size == SIZE_RESEARCH  ? "науково-дослідна установа"
        : size == SIZE_ASSOC     ? "галузева асоціація"
                                 : "державний орган",
        city->uk, areas[o->area].uk, areas[o->area2].uk);
    return save_org(g, o, name_uk, city->en, desc, desc_uk);
}

/* The wider pools of names: i-th first or last name over both lists. */
static const char *eu_first(int i)
{
    return i < COUNT(first_names) ? first_names[i] : more_first_names[i - COUNT(first_names)];
}
static const char *eu_last(int i)
{
    return i < COUNT(last_names) ? last_names[i] : more_last_names[i - COUNT(last_names)];
}
static const struct ua_name *ua_first_at(int i)
{
    return i < COUNT(ua_first) ? &ua_first[i] : &more_ua_first[i - COUNT(ua_first)];
}
static const struct ua_name *ua_last_at(int i)
{
    return i < COUNT(ua_last) ? &ua_last[i] : &more_ua_last[i - COUNT(ua_last)];
}

/* "FIRST LAST" over the wider European pools: the first of walk w that
 * nobody has, or NULL. */
static char *eu_plain_name(struct gen *g, struct walk *w)
{
    const int f = COUNT(first_names) + COUNT(more_first_names);
    for (int x; walk_next(w, &x);) {
        char *name = arena_printf(&g->scratch, "%s %s", eu_first(x % f), eu_last(x / f));
        if (!person_name_taken(g, name))
            return keep_name(g, name);
    }
    return NULL;
}

/* A European name once the drawn ones are spent: a few tries of the wider
 * pools, then double surnames ("Anna Müller-Rossi"), then the wider pools
 * whole. NULL when all are spent (not at 10,000 people: 200,000 names). */
static char *eu_person_name_wider(struct gen *g)
{
    const int f = COUNT(first_names) + COUNT(more_first_names);
    const int l = COUNT(last_names) + COUNT(more_last_names);
    struct walk w;
    walk_few(g, &w, f * l);
    char *name = eu_plain_name(g, &w);
    if (name)
        return name;
    walk_start(g, &w, f * l * l);
    for (int x; walk_next(&w, &x);) {
        int a = x / f % l, b = x / f / l;
        if (a == b)
            continue;
        name = arena_printf(&g->scratch, "%s %s-%s", eu_first(x % f), eu_last(a), eu_last(b));
        if (!person_name_taken(g, name))
            return keep_name(g, name);
    }
    walk_start(g, &w, f * l);
    return eu_plain_name(g, &w);
}

/* "ІМ'Я ПРІЗВИЩЕ" over the wider Ukrainian pools: the first of walk w that
 * nobody has, or NULL. */
static char *ua_plain_name(struct gen *g, struct walk *w)
{
    const int f = COUNT(ua_first) + COUNT(more_ua_first);
    for (int x; walk_next(w, &x);) {
        char *name = arena_printf(&g->scratch, "%s %s", ua_first_at(x % f)->uk, ua_last_at(x / f)->uk);
        if (!person_name_taken(g, name))
            return keep_name(g, name);
    }
    return NULL;
}

/* A Ukrainian name once the drawn ones are spent: a few tries of the wider
 * pools, then with a patronymic that agrees with the first name ("Олена
 * Андріївна Мазур"), then the wider pools whole. NULL when all are spent
 * (not at 10,000 people: 20,000 names). */
static char *ua_person_name_wider(struct gen *g)
{
    const int f = COUNT(ua_first) + COUNT(more_ua_first);
    const int l = COUNT(ua_last) + COUNT(more_ua_last);
    struct walk w;
    walk_few(g, &w, f * l);
    char *name = ua_plain_name(g, &w);
    if (name)
        return name;
    walk_start(g, &w, f * l * COUNT(ua_patronymics));
    for (int x; walk_next(&w, &x);) {
        int first = x % f, woman = first % 2 == 0; /* both lists start with a woman, then alternate */
        name = arena_printf(&g->scratch, "%s %s %s", ua_first_at(first)->uk,
                            ua_patronymics[x / f / l][woman], ua_last_at(x / f % l)->uk);
        if (!person_name_taken(g, name))
            return keep_name(g, name);
    }
    walk_start(g, &w, f * l);
    return ua_plain_name(g, &w);
}

static int gen_people(struct gen *g, int org_index)
{
    struct gen_org *o = &g->orgs[org_index];
    static const int base[] = {2, 6, 4, 3, 2, 1};
    int n = base[o->size] + rng_below(&g->rng, o->size == SIZE_PRIME ? 4 : 2);
    o->first_person = g->people_n;
    o->people_n = n;
    const struct demo_country *c = NULL;
    for (int i = 0; i < COUNT(eu_countries); i++)
        if (strcmp(eu_countries[i].code, o->country) == 0)
            c = &eu_countries[i];
    for (int i = 0; i < COUNT(other_countries); i++)
        if (strcmp(other_countries[i].code, o->country) == 0)
            c = &other_countries[i];
    for (int i = 0; i < n && g->people_n < g->people_cap; i++) {
        struct gen_person *p = &g->people[g->people_n];
        p->id = arena_printf(g->a, "p-%04d", g->people_n + 1);
        p->org = org_index;
        char *name = NULL;
        const char *languages, *title;
        if (o->is_ua) {
            for (int draw = 0; draw < NAME_DRAWS && !name; draw++) {
                const struct ua_name *f = &PICK(&g->rng, ua_first), *l = &PICK(&g->rng, ua_last);
                char *x = arena_printf(&g->scratch, "%s %s", f->uk, l->uk);
                if (!person_name_taken(g, x))
                    name = keep_name(g, x);
            }
            if (!name)
                name = ua_person_name_wider(g);
            double x = rng_unit(&g->rng);
            /* one Ukrainian in five speaks no English: interpreters are needed */
            languages = x < 0.2 ? "uk" : x < 0.35 ? "uk;en;pl" : "uk;en";
        } else {
            for (int draw = 0; draw < NAME_DRAWS && !name; draw++) {
                char *x = arena_printf(&g->scratch, "%s %s", PICK(&g->rng, first_names),
                                       PICK(&g->rng, last_names));
                if (!person_name_taken(g, x))
                    name = keep_name(g, x);
            }
            if (!name)
                name = eu_person_name_wider(g);
            languages = strcmp(c->lang, "en") == 0 ? "en" : arena_printf(g->a, "%s;en", c->lang);
        }
        if (!name)
            return df_err_set(g->err, DF_ERR_RUNTIME, "the demo's names are spent at %d people",
                              g->people_n);
        title = o->size == SIZE_MINISTRY || o->size == SIZE_AGENCY ? PICK(&g->rng, titles_government)
                : o->size == SIZE_RESEARCH ? PICK(&g->rng, titles_research)
                                           : PICK(&g->rng, titles_company);
        char *email = arena_printf(g->a, "%s@%s.example", p->id, o->id);
        /* about a third of the Ukrainian organisations' people, never their
         * first contact, take part online (leaving the country needs
         * permission): their meetings are held by video */
        bool online = o->is_ua && i > 0 && g->people_n % 3 == 0;
        struct store_person rec = {.id = p->id, .org = o->id, .name = name, .email = email,
                                   .title = title, .languages = languages,
                                   .attendance = online ? "online" : "onsite"};
        if (store_person_upsert(g->s, &rec, NULL, g->err) < 0)
            return -1;
        p->name = name;
        name_set_add(&g->person_names, name);
        g->people_n++;
    }
    return 0;
}

/* ---- the programme: two days of B2B sessions in Brussels ------------------------------ */

struct session_plan {
    const char *day, *name, *kind, *start, *end;
    int slots; /* 20-minute B2B slots from start */
    const char *name_uk;
    const char *place, *place_uk;   /* where in the venue */
};

static const struct session_plan programme[] = {
    {"2027-02-16", "Opening plenary: EU-Ukraine defence industrial cooperation", "conference",
     "09:00", "10:30", 0,
     "Відкриття форуму, пленарне засідання: оборонно-промислова співпраця ЄС і України",
     "Main hall", "Головна зала"},
    {"2027-02-16", "B2B meetings I", "b2b", "10:40", "12:40", 6, "Зустрічі B2B I", "Hall B",
     "Зала B"},
    {"2027-02-16", "Lunch", "break", "12:40", "14:00", 0, "Обід", "Foyer", "Фоє"},
    {"2027-02-16", "B2B meetings II", "b2b", "14:00", "17:00", 9, "Зустрічі B2B II", "Hall B",
     "Зала B"},
    {"2027-02-17", "B2B meetings III", "b2b", "09:00", "12:20", 10, "Зустрічі B2B III", "Hall B",
     "Зала B"},
    {"2027-02-17", "Panel: joint procurement and the Danish model", "conference", "12:20",
     "13:30", 0, "Панельна дискусія: спільні закупівлі та данська модель", "Main hall",
     "Головна зала"},
    {"2027-02-17", "B2B meetings IV", "b2b", "13:40", "15:40", 6, "Зустрічі B2B IV", "Hall B",
     "Зала B"},
};

/* DFNC2's 60 tables for 520 participants; a forum of another size has tables
 * in proportion (about one for nine people), as many meetings a slot. */
enum { TABLES = 60, INTERPRETERS = 3 };

static char *at(struct arena *a, const char *day, int minutes)
{
    /* Brussels is at UTC+01:00 in February (no summer time). */
    return arena_printf(a, "%sT%02d:%02d:00+01:00", day, minutes / 60, minutes % 60);
}

static int minutes_of(const char *hhmm) { return atoi(hhmm) * 60 + atoi(hhmm + 3); }

static int gen_programme(struct gen *g, char **slot_ids, int *slots_n)
{
    struct store_event e = {.id = APP_DEMO_EVENT, .name = "DFNC2: EU Edition (demo)",
                            .name_uk = "DFNC2: EU Edition (демо)",
                            .venue = "Brussels", .venue_uk = "Брюссель",
                            .timezone = "Europe/Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-17",
                            .request_cap = 20};
    /* its online meetings in rooms of Jitsi Meet's public service */
    if (store_event_upsert(g->s, &e, NULL, g->err) < 0 ||
        store_event_video_set(g->s, e.id, "https://meet.jit.si", g->err) < 0)
        return -1;
    int seq = 0;
    for (int i = 0; i < COUNT(programme); i++) {
        const struct session_plan *p = &programme[i];
        char *sid = arena_printf(g->a, "%s-s%d", APP_DEMO_EVENT, i + 1);
        struct store_session x = {.id = sid, .event = APP_DEMO_EVENT, .day = p->day,
                                  .name = p->name, .name_uk = p->name_uk, .kind = p->kind,
                                  .place = p->place, .place_uk = p->place_uk,
                                  .starts_at = at(g->a, p->day, minutes_of(p->start)),
                                  .ends_at = at(g->a, p->day, minutes_of(p->end))};
        if (store_session_upsert(g->s, &x, g->err) < 0)
            return -1;
        for (int k = 0; k < p->slots; k++) {
            int start = minutes_of(p->start) + 20 * k;
            slot_ids[seq] = arena_printf(g->a, "%s-t%02d", APP_DEMO_EVENT, seq + 1);
            struct store_slot t = {.id = slot_ids[seq], .session = sid, .seq = seq + 1,
                                   .starts_at = at(g->a, p->day, start),
                                   .ends_at = at(g->a, p->day, start + 20)};
            if (store_slot_upsert(g->s, &t, g->err) < 0)
                return -1;
            seq++;
        }
    }
    *slots_n = seq;
    g->sum->tables = scaled(g, TABLES);
    for (int i = 0; i < g->sum->tables; i++) {
        struct store_location l = {.id = arena_printf(g->a, "%s-table-%02d", APP_DEMO_EVENT, i + 1),
                                   .event = APP_DEMO_EVENT,
                                   .name = arena_printf(g->a, "Table %d", i + 1), .kind = "table",
                                   .seats = 4};
        if (store_location_upsert(g->s, &l, g->err) < 0)
            return -1;
    }
    /* Some Ukrainian guests speak only Ukrainian: Ukrainian-English
     * interpreters work every B2B slot, three for 520 people, in proportion
     * for another size (at least one); the further ones are named from the
     * Ukrainian pools, each name once. */
    static const char *interpreters[INTERPRETERS] = {"Iryna Savchuk", "Taras Melnyk",
                                                     "Sophie Laurent"};
    int n = scaled(g, INTERPRETERS);
    n = n < 1 ? 1 : n;
    struct walk w = {0};
    if (n > INTERPRETERS)
        walk_start(g, &w, COUNT(ua_first) * COUNT(ua_last));
    for (int i = 0, x = 0; i < n; i++) {
        const char *name = i < INTERPRETERS ? interpreters[i] : NULL;
        while (!name && walk_next(&w, &x)) {
            name = arena_printf(g->a, "%s %s", ua_first[x % COUNT(ua_first)].en,
                                ua_last[x / COUNT(ua_first)].en);
            for (int k = 0; k < INTERPRETERS && name; k++)
                if (strcmp(name, interpreters[k]) == 0)
                    name = NULL;
        }
        if (!name) /* 240 names for at most 58 interpreters */
            return df_err_set(g->err, DF_ERR_RUNTIME, "the demo's interpreter names are spent");
        struct store_interpreter x_rec = {
            .id = arena_printf(g->a, "%s-interpreter-%d", APP_DEMO_EVENT, i + 1),
            .event = APP_DEMO_EVENT, .name = name, .lang_a = "uk", .lang_b = "en"};
        if (store_interpreter_upsert(g->s, &x_rec, NULL, g->err) < 0)
            return -1;
    }
    return 0;
}

/* Partial availability: late arrivals, early departures, speakers. */
static int gen_availability(struct gen *g, char **slot_ids, int slots_n)
{
    for (int i = 0; i < g->people_n; i++) {
        double x = rng_unit(&g->rng);
        int from = 0, to = -1;
        const char *reason = NULL;
        if (x < 0.12) {
            from = 0, to = 14, reason = "arrives on the second day";
        } else if (x < 0.24) {
            from = 15 + rng_below(&g->rng, 6), to = slots_n - 1, reason = "leaves early";
        } else if (x < 0.36) {
            from = rng_below(&g->rng, slots_n - 3);
            to = from + 1 + rng_below(&g->rng, 3);
            reason = "speaks at a session";
        } else if (x < 0.40) {
            from = 0, to = 5, reason = "arrives after the opening morning";
        }
        for (int t = from; t <= to && t < slots_n; t++)
            if (store_unavailable_add(g->s, g->people[i].id, slot_ids[t], reason, g->err) < 0)
                return -1;
    }
    return 0;
}

/* How much org a would like to meet org b: complementarity of needs and offers,
 * EU-Ukraine pairs, and b's pull. */
static double attraction(const struct gen_org *a, const struct gen_org *b)
{
    double w = b->pull;
    int fit = 0;
    for (int i = 0; i < a->needs_n; i++)
        for (int k = 0; k < b->offers_n; k++)
            fit += a->needs[i] / 3 == b->offers[k] / 3;
    for (int i = 0; i < a->offers_n; i++)
        for (int k = 0; k < b->needs_n; k++)
            fit += a->offers[i] / 3 == b->needs[k] / 3;
    w *= 1.0 + 3.0 * fit;
    if (a->is_ua != b->is_ua)
        w *= 3.0;
    return w;
}

/* The most meetings a demo person accepts: the most popular makers would
 * otherwise be asked into nearly every one of the 31 slots, which no one at a
 * forum accepts, and which leaves them no slot for a late request. */
enum { ACCEPT_MAX = 16 };

static int gen_requests(struct gen *g)
{
    static const char *const messages[] = {
        "We would like to discuss joint production in Ukraine.",
        "Interested in your products for our upcoming procurement.",
        "Could we explore a partnership for an EDF call?",
        "Let us talk about integrating our systems with yours.",
        "Хотіли б обговорити спільне виробництво та постачання.",
        "We are looking for a supplier with combat-proven experience.",
        "Пропонуємо співпрацю щодо локалізації виробництва в ЄС.",
    };
    double *weights = calloc((size_t)g->orgs_n, sizeof *weights);
    /* a bit per pair of people, so no pair is asked twice (it was a bool per
     * byte, which kept one bit of eight: pairs were asked twice, and met twice) */
    unsigned char *asked = calloc((size_t)g->people_n * (size_t)g->people_n / 8 + 1, 1);
    double total = 0;
    int next_id = 1, result = -1;
    if (!weights || !asked) {
        df_err_set(g->err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    for (int i = 0; i < g->people_n; i++) {
        const struct gen_org *mine = &g->orgs[g->people[i].org];
        /* 1-6 requests a person, about 2.3 on average; buyers send more */
        int n = 1 + (rng_unit(&g->rng) < 0.6) + (rng_unit(&g->rng) < 0.4) +
                (rng_unit(&g->rng) < 0.2) + 2 * (mine->size == SIZE_MINISTRY);
        /* the weights are an organisation's: its people come one after another */
        if (i == 0 || g->people[i].org != g->people[i - 1].org) {
            total = 0;
            for (int k = 0; k < g->orgs_n; k++) {
                weights[k] = k == g->people[i].org ? 0 : attraction(mine, &g->orgs[k]);
                total += weights[k];
            }
        }
        for (int r = 0; r < n; r++) {
            double x = rng_unit(&g->rng) * total;
            int k = 0;
            while (k < g->orgs_n - 1 && (x -= weights[k]) >= 0)
                k++;
            const struct gen_org *theirs = &g->orgs[k];
            /* the first person of an organisation is its main contact */
            int to = theirs->first_person +
                     (rng_unit(&g->rng) < 0.5 ? 0 : rng_below(&g->rng, theirs->people_n));
            size_t pair = (size_t)(i < to ? i : to) * (size_t)g->people_n + (size_t)(i < to ? to : i);
            if (to == i)
                continue;
            /* a pair asked before still draws what its request would have,
             * so that which pairs repeat never shifts the draws after it (the
             * ids, statuses and every later part of the demo) */
            bool again = asked[pair / 8] & (1 << (pair % 8));
            asked[pair / 8] |= (unsigned char)(1 << (pair % 8));
            double y = rng_unit(&g->rng);
            const char *status = y < 0.80 ? "accepted" : y < 0.90 ? "pending" : "declined";
            /* a full agenda declines: nobody takes more than ACCEPT_MAX meetings */
            struct gen_person *me = &g->people[i], *them = &g->people[to];
            if (y < 0.80 && (me->accepted >= ACCEPT_MAX || them->accepted >= ACCEPT_MAX))
                status = "declined";
            int priority = rng_unit(&g->rng) < 0.08 ? 9 : rng_unit(&g->rng) < 0.3 ? 2 : 1;
            const char *message = PICK(&g->rng, messages);
            int id = next_id++;
            if (again)
                continue;
            if (strcmp(status, "accepted") == 0) {
                me->accepted++;
                them->accepted++;
            }
            struct store_request q = {
                .id = arena_printf(g->a, "req-%05d", id), .event = APP_DEMO_EVENT,
                .from = g->people[i].id, .to = g->people[to].id, .status = status,
                .priority = priority, .message = message,
            };
            if (store_request_upsert(g->s, &q, NULL, g->err) < 0)
                goto out;
            g->sum->requests++;
            g->sum->accepted += strcmp(status, "accepted") == 0;
        }
    }
    result = 0;
out:
    free(weights);
    free(asked);
    return result;
}

/* Whether o is of showcase kind k: a Ukrainian drone maker, an EU ministry, an
 * EU counter-drone SME, a Ukrainian ministry (the first is of defence), an EU prime. */
static bool is_showcase(const struct gen_org *o, int k)
{
    return k == 0   ? o->is_ua && o->size == SIZE_SME && strcmp(areas[o->area].key, "drones") == 0
           : k == 1 ? o->is_eu && o->size == SIZE_MINISTRY
           : k == 2 ? o->is_eu && o->size == SIZE_SME &&
                          strcmp(areas[o->area].key, "counter-drone") == 0
           : k == 3 ? o->is_ua && o->size == SIZE_MINISTRY
                    : o->is_eu && o->size == SIZE_PRIME;
}

static bool has_showcase(const struct gen *g, int k)
{
    for (int i = 0; i < g->orgs_n; i++)
        if (is_showcase(&g->orgs[i], k))
            return true;
    return false;
}

/* Picks the showcase people (see demo.h): the main contact of the first
 * organisation of each kind the demo should be explored from. */
static void choose_showcase(struct gen *g)
{
    static const char *const what[APP_DEMO_SHOWCASE] = {
        "a Ukrainian drone maker", "an EU ministry of defence", "an EU counter-drone SME",
        "Ukraine's ministry of defence", "an EU prime contractor"};
    for (int k = 0; k < APP_DEMO_SHOWCASE; k++) {
        g->sum->showcase_what[k] = what[k];
        for (int i = 0; i < g->orgs_n; i++) {
            const struct gen_org *o = &g->orgs[i];
            if (is_showcase(o, k) && o->people_n > 0) {
                snprintf(g->sum->showcase[k], sizeof g->sum->showcase[k], "%s",
                         g->people[o->first_person].id);
                break;
            }
        }
    }
}

/* ---- the driver -------------------------------------------------------------------------- */

static int area_index(const char *key)
{
    for (int i = 0; i < COUNT(areas); i++)
        if (strcmp(areas[i].key, key) == 0)
            return i;
    assert(!"no such area");
    return 0;
}

static int fill(struct gen *g)
{
    /* Europe: 108 organisations for 520 people over 20 Member States, weighted
     * like DFNC2's delegations; every country has its ministry or agency
     * present. Each figure here is DFNC2's, in proportion at another size;
     * the first of each list is a showcase's (a ministry, a prime). */
    int eu_weights[COUNT(eu_countries)];
    for (int i = 0; i < COUNT(eu_countries); i++)
        eu_weights[i] = eu_countries[i].weight;
    int public_n = scaled(g, COUNT(eu_countries));
    for (int i = 0; i < (public_n < 1 ? 1 : public_n); i++) {
        bool extra = i >= COUNT(eu_countries); /* a country's further bodies */
        const struct demo_country *c =
            extra ? &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))]
                  : &eu_countries[i];
        if (gen_eu_org(g, c, i % 3 == 2 ? SIZE_AGENCY : SIZE_MINISTRY, extra, -1) < 0)
            return -1;
    }
    for (int i = 0; i < scaled(g, 4); i++) {
        bool extra = i >= 4;
        const struct demo_country *c =
            extra ? &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))]
                  : &eu_countries[i * 3];
        if (gen_eu_org(g, c, SIZE_ASSOC, extra, -1) < 0)
            return -1;
    }
    for (int i = 0; i < scaled(g, 8); i++)
        if (gen_eu_org(g, &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))],
                       SIZE_RESEARCH, false, -1) < 0)
            return -1;
    int firms_n = scaled(g, 76);
    for (int i = 0; i < (firms_n < 1 ? 1 : firms_n); i++) {
        const struct demo_country *c =
            &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))];
        if (gen_eu_org(g, c, i % 6 == 0 ? SIZE_PRIME : SIZE_SME, false, -1) < 0)
            return -1;
    }
    /* From beyond the Union, a prime and an SME each (Norway's, then Britain's). */
    for (int i = 0; i < scaled(g, 2 * COUNT(other_countries)); i++)
        if (gen_eu_org(g, &other_countries[i / 2 % COUNT(other_countries)],
                       i % 2 == 0 ? SIZE_PRIME : SIZE_SME, false, -1) < 0)
            return -1;
    /* Ukraine: 34 organisations, mostly SMEs, with ministries, an agency,
     * research and an association. */
    const struct {
        enum org_size size;
        int n;
    } ua_plan[] = {{SIZE_MINISTRY, 2}, {SIZE_AGENCY, 1}, {SIZE_ASSOC, 1}, {SIZE_RESEARCH, 2},
                   {SIZE_PRIME, 3},    {SIZE_SME, 25}};
    for (int k = 0; k < COUNT(ua_plan); k++) {
        int n = scaled(g, ua_plan[k].n);
        if (k == 0 && n < 1) /* the ministry of defence is a showcase */
            n = 1;
        for (int i = 0; i < n; i++)
            if (gen_ua_org(g, ua_plan[k].size, -1) < 0)
                return -1;
    }
    /* A small forum may have drawn no Ukrainian drone maker or European
     * counter-drone SME to show: one comes. */
    if (!has_showcase(g, 0) && gen_ua_org(g, SIZE_SME, area_index("drones")) < 0)
        return -1;
    if (!has_showcase(g, 2) &&
        gen_eu_org(g, &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))],
                   SIZE_SME, false, area_index("counter-drone")) < 0)
        return -1;
    for (int i = 0; i < g->orgs_n; i++)
        if (gen_people(g, i) < 0)
            return -1;
    /* DFNC2 had 500+ participants: more European SMEs come until there are
     * as many as asked for. */
    while (g->people_n < g->people_target && g->orgs_n < g->orgs_cap) {
        const struct demo_country *c =
            &eu_countries[pick_weighted(&g->rng, eu_weights, COUNT(eu_countries))];
        if (gen_eu_org(g, c, SIZE_SME, false, -1) < 0 || gen_people(g, g->orgs_n - 1) < 0)
            return -1;
    }
    char *slot_ids[64];
    int slots_n = 0;
    if (gen_programme(g, slot_ids, &slots_n) < 0 || gen_availability(g, slot_ids, slots_n) < 0 ||
        gen_requests(g) < 0)
        return -1;
    g->sum->slots = slots_n;
    choose_showcase(g);
    /* Joint procurement: the ministries' demands and the companies' supplies. */
    return app_procure_demo_fill(g->s, (unsigned)rng_next(&g->rng), g->err);
}

int app_demo_fill(struct store *s, unsigned long long seed, int people,
                  struct app_demo_summary *out, struct df_err *err)
{
    if (people < APP_DEMO_PEOPLE_MIN || people > APP_DEMO_PEOPLE_MAX)
        return df_err_set(err, DF_ERR_USAGE, "the demo forum has %d to %d participants, not %d",
                          APP_DEMO_PEOPLE_MIN, APP_DEMO_PEOPLE_MAX, people);
    struct store_stats st;
    if (store_stats_get(s, &st, err) < 0)
        return -1;
    if (st.organisations > 0 || st.events > 0)
        return df_err_set(err, DF_ERR_CONFLICT,
                          "the database already holds a forum (%lld organisations); the demo "
                          "fills an empty one: use --db NEW.db",
                          (long long)st.organisations);
    struct arena a;
    arena_init(&a, 0);
    struct gen *g = calloc(1, sizeof *g);
    if (!g)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    memset(out, 0, sizeof *out);
    g->rng.state = seed * 0x2545F4914F6CDD1DULL + 1;
    g->a = &a;
    g->s = s;
    g->err = err;
    g->sum = out;
    g->people_target = people;
    arena_init(&g->scratch, 0);
    /* Each organisation has a person, and the plan's before the top-up are
     * fewer than asked for (at worst a few more at the smallest size). */
    g->orgs_cap = people + 64;
    g->people_cap = 2 * people + 64;
    int rc = -1;
    g->orgs = calloc((size_t)g->orgs_cap, sizeof *g->orgs);
    g->people = calloc((size_t)g->people_cap, sizeof *g->people);
    if (!g->orgs || !g->people || name_set_init(&g->org_names, g->orgs_cap) < 0 ||
        name_set_init(&g->person_names, g->people_cap) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (store_begin(s, err) < 0)
        goto out;
    if (fill(g) < 0 || store_audit(s, "demo", "demo.fill", "event", APP_DEMO_EVENT, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        goto out;
    }
    if (store_stats_get(s, &st, err) < 0)
        goto out;
    out->organisations = (int)st.organisations;
    out->eu_organisations = (int)st.eu_organisations;
    out->ua_organisations = (int)st.ua_organisations;
    out->countries = (int)st.countries;
    out->people = (int)st.participants;
    rc = 0;
out:
    free(g->orgs);
    free(g->people);
    free(g->org_names.slot);
    free(g->person_names.slot);
    arena_free(&g->scratch);
    free(g);
    arena_free(&a);
    return rc;
}
