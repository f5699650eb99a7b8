/* Capability areas of CPV codes (app/areas.h). */
#include "app/areas.h"

#include <stdio.h>
#include <string.h>

/* dfnc's own short names, in dfnc's words (not the classifier's labels),
 * of the areas where a defence forum's offers and needs fall. */
static const struct {
    const char *key, *en, *uk;
} names[] = {
    {"24", "explosives and chemicals", "вибухові речовини та хімія"},
    {"30", "computing equipment", "комп’ютерна техніка"},
    {"31", "electrical equipment and mine detectors", "електрообладнання та міношукачі"},
    {"32", "radio and telecommunications", "радіо та телекомунікації"},
    {"33", "medical equipment", "медичне обладнання"},
    {"34", "vehicles, aircraft and satellites", "транспорт, літальні апарати та супутники"},
    {"38", "optics, navigation and precision equipment",
     "оптика, навігація та точне обладнання"},
    {"42", "industrial machinery", "промислове обладнання"},
    {"48", "software", "програмне забезпечення"},
    {"50", "repair and maintenance", "ремонт і технічне обслуговування"},
    {"71", "engineering services", "інженерні послуги"},
    {"72", "IT services", "ІТ-послуги"},
    {"73", "research and development", "дослідження та розробки"},
    {"80", "training", "навчання"},
    {"350", "security and defence equipment, general", "охоронне та оборонне обладнання загалом"},
    {"351", "protection and safety equipment", "захисне та рятувальне обладнання"},
    {"352", "police equipment", "поліцейське обладнання"},
    {"353", "weapons and ammunition", "зброя та боєприпаси"},
    {"354", "military vehicles and armour", "військова техніка та броня"},
    {"355", "warships", "військові кораблі"},
    {"356", "military aircraft, drones and missiles", "військові літаки, дрони та ракети"},
    {"357", "military electronics: C4I, radar, EW", "військова електроніка: управління, радари, РЕБ"},
    {"358", "individual and support equipment", "індивідуальне та допоміжне спорядження"},
};

int app_area_of(const char *cpv)
{
    if (!cpv)
        return -1;
    for (int i = 0; i < 8; i++)
        if (cpv[i] < '0' || cpv[i] > '9')
            return -1;
    int division = (cpv[0] - '0') * 10 + (cpv[1] - '0');
    return division == 35 ? 100 + (cpv[2] - '0') : division;
}

void app_area_key(int i, char out[4])
{
    if (i >= 100)
        snprintf(out, 4, "35%d", (i - 100) % 10);
    else
        snprintf(out, 4, "%02d", (i % 100 + 100) % 100);
}

const char *app_area_name(int i, const char *lang)
{
    char key[4];
    app_area_key(i, key);
    bool uk = lang && strcmp(lang, "uk") == 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(names[k].key, key) == 0)
            return uk ? names[k].uk : names[k].en;
    return NULL;
}
