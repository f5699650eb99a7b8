/* The capability areas the organisers' report counts meetings in (app/report.h):
 * a CPV code's division ("33": medical equipment), except in division 35
 * ("security, fire-fighting, police and defence equipment"), where a forum's
 * codes concentrate, its group ("353": weapons and ammunition; "356":
 * military aircraft, drones and missiles; "357": military electronics). Each
 * area has a short name of dfnc's own in English and Ukrainian where the
 * forum's offers and needs fall (DESIGN.md's demo forum), else none: the
 * report then names it by the CPV classifier's label, if loaded. */
#ifndef DFNC_APP_AREAS_H
#define DFNC_APP_AREAS_H

#include <stdbool.h>

/* Areas are numbered 0..APP_AREAS_N-1: divisions 00-99 by their number
 * (35 itself unused), division 35's groups 350-359 as 100-109. */
#define APP_AREAS_N 110

/* The area of a CPV code ("35613000-4": 356's, "33140000-3": 33's), or -1
 * when its first eight characters are not digits. */
int app_area_of(const char *cpv);
/* Area i's key, the code's leading digits ("356", "33"), into out. */
void app_area_key(int i, char out[4]);
/* dfnc's own name of area i in lang ("en" or "uk"), or NULL when it has none. */
const char *app_area_name(int i, const char *lang);

#endif
