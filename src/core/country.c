/* ISO 3166 country facts (see country.h). */
#include "core/country.h"

#include <string.h>

/* Every officially assigned alpha-2 code, in ISO order. */
static const char iso_codes[][3] = {
    "AF", "AX", "AL", "DZ", "AS", "AD", "AO", "AI", "AQ", "AG", "AR", "AM", "AW", "AU",
    "AT", "AZ", "BS", "BH", "BD", "BB", "BY", "BE", "BZ", "BJ", "BM", "BT", "BO", "BQ",
    "BA", "BW", "BV", "BR", "IO", "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA", "KY",
    "CF", "TD", "CL", "CN", "CX", "CC", "CO", "KM", "CG", "CD", "CK", "CR", "CI", "HR",
    "CU", "CW", "CY", "CZ", "DK", "DJ", "DM", "DO", "EC", "EG", "SV", "GQ", "ER", "EE",
    "SZ", "ET", "FK", "FO", "FJ", "FI", "FR", "GF", "PF", "TF", "GA", "GM", "GE", "DE",
    "GH", "GI", "GR", "GL", "GD", "GP", "GU", "GT", "GG", "GN", "GW", "GY", "HT", "HM",
    "VA", "HN", "HK", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IM", "IL", "IT", "JM",
    "JP", "JE", "JO", "KZ", "KE", "KI", "KP", "KR", "KW", "KG", "LA", "LV", "LB", "LS",
    "LR", "LY", "LI", "LT", "LU", "MO", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MQ",
    "MR", "MU", "YT", "MX", "FM", "MD", "MC", "MN", "ME", "MS", "MA", "MZ", "MM", "NA",
    "NR", "NP", "NL", "NC", "NZ", "NI", "NE", "NG", "NU", "NF", "MK", "MP", "NO", "OM",
    "PK", "PW", "PS", "PA", "PG", "PY", "PE", "PH", "PN", "PL", "PT", "PR", "QA", "RE",
    "RO", "RU", "RW", "BL", "SH", "KN", "LC", "MF", "PM", "VC", "WS", "SM", "ST", "SA",
    "SN", "RS", "SC", "SL", "SG", "SX", "SK", "SI", "SB", "SO", "ZA", "GS", "SS", "ES",
    "LK", "SD", "SR", "SJ", "SE", "CH", "SY", "TW", "TJ", "TZ", "TH", "TL", "TG", "TK",
    "TO", "TT", "TN", "TR", "TM", "TC", "TV", "UG", "UA", "AE", "GB", "US", "UM", "UY",
    "UZ", "VU", "VE", "VN", "VG", "VI", "WF", "EH", "YE", "ZM", "ZW",
};

/* User-assigned codes that the EU writes for a country ISO 3166 has no code for. */
static const char eu_assigned_codes[][3] = {
    "XK",   /* Kosovo */
};

static const char eu_codes[][3] = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
};

static const char eea_efta_codes[][3] = {
    "NO", "IS", "LI",
};

struct country_name {
    const char *code, *en, *uk;
};

static const struct country_name names[] = {
    {"AT", "Austria", "Австрія"},        {"BE", "Belgium", "Бельгія"},
    {"BG", "Bulgaria", "Болгарія"},      {"HR", "Croatia", "Хорватія"},
    {"CY", "Cyprus", "Кіпр"},            {"CZ", "Czechia", "Чехія"},
    {"DK", "Denmark", "Данія"},          {"EE", "Estonia", "Естонія"},
    {"FI", "Finland", "Фінляндія"},      {"FR", "France", "Франція"},
    {"DE", "Germany", "Німеччина"},      {"GR", "Greece", "Греція"},
    {"HU", "Hungary", "Угорщина"},       {"IE", "Ireland", "Ірландія"},
    {"IT", "Italy", "Італія"},           {"LV", "Latvia", "Латвія"},
    {"LT", "Lithuania", "Литва"},        {"LU", "Luxembourg", "Люксембург"},
    {"MT", "Malta", "Мальта"},           {"NL", "Netherlands", "Нідерланди"},
    {"PL", "Poland", "Польща"},          {"PT", "Portugal", "Португалія"},
    {"RO", "Romania", "Румунія"},        {"SK", "Slovakia", "Словаччина"},
    {"SI", "Slovenia", "Словенія"},      {"ES", "Spain", "Іспанія"},
    {"SE", "Sweden", "Швеція"},          {"UA", "Ukraine", "Україна"},
    {"NO", "Norway", "Норвегія"},        {"IS", "Iceland", "Ісландія"},
    {"LI", "Liechtenstein", "Ліхтенштейн"}, {"GB", "United Kingdom", "Велика Британія"},
    {"CH", "Switzerland", "Швейцарія"},  {"US", "United States", "Сполучені Штати"},
    {"CA", "Canada", "Канада"},          {"MD", "Moldova", "Молдова"},
    {"TR", "Türkiye", "Туреччина"},      {"IL", "Israel", "Ізраїль"},
    {"JP", "Japan", "Японія"},           {"KR", "South Korea", "Південна Корея"},
    {"RS", "Serbia", "Сербія"},          {"GE", "Georgia", "Грузія"},
    {"XK", "Kosovo", "Косово"},
};

/* The entry of list equal to code, or NULL. */
static const char *find_code(const char (*list)[3], size_t n, const char *code)
{
    if (!code || strlen(code) != 2)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == code[0] && list[i][1] == code[1])
            return list[i];
    return NULL;
}

#define IN_LIST(list, code) (find_code(list, sizeof list / sizeof list[0], code) != NULL)

bool country_is_known(const char *alpha2)
{
    return IN_LIST(iso_codes, alpha2) || IN_LIST(eu_assigned_codes, alpha2);
}
bool country_is_eu_member(const char *alpha2) { return IN_LIST(eu_codes, alpha2); }
bool country_is_eea_efta(const char *alpha2) { return IN_LIST(eea_efta_codes, alpha2); }
bool country_is_europe(const char *alpha2)
{
    return country_is_eu_member(alpha2) || country_is_eea_efta(alpha2);
}
bool country_is_ukraine(const char *alpha2) { return alpha2 && strcmp(alpha2, "UA") == 0; }
bool country_is_eu_ua_pair(const char *a, const char *b)
{
    return a && b && ((country_is_europe(a) && country_is_ukraine(b)) ||
                      (country_is_ukraine(a) && country_is_europe(b)));
}
bool country_is_moldova(const char *alpha2) { return alpha2 && strcmp(alpha2, "MD") == 0; }

static const struct country_name *find_name(const char *alpha2)
{
    for (size_t i = 0; alpha2 && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].code, alpha2) == 0)
            return &names[i];
    return NULL;
}

const char *country_name_en(const char *alpha2)
{
    const struct country_name *n = find_name(alpha2);
    return n ? n->en : alpha2;
}

const char *country_name_uk(const char *alpha2)
{
    const struct country_name *n = find_name(alpha2);
    return n ? n->uk : alpha2;
}

const char *country_from_ec_code(const char *ec)
{
    if (!ec)
        return NULL;
    if (strcmp(ec, "EL") == 0)
        return "GR";
    if (strcmp(ec, "UK") == 0)
        return "GB";
    const char *iso = find_code(iso_codes, sizeof iso_codes / sizeof iso_codes[0], ec);
    return iso ? iso
               : find_code(eu_assigned_codes,
                           sizeof eu_assigned_codes / sizeof eu_assigned_codes[0], ec);
}
