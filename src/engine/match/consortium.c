/* Consortium rules (consortium.h): counting eligible entities and their
 * countries, and completing a consortium from ranked candidates. */
#include "engine/match/consortium.h"

#include <string.h>

#include "core/country.h"

enum consortium_where consortium_class(const char *country)
{
    if (!country || !*country)
        return CONSORTIUM_OTHER;
    if (country_is_eu_member(country))
        return CONSORTIUM_EU;
    if (country_is_eea_efta(country))
        return CONSORTIUM_EEA_EFTA;
    if (country_is_ukraine(country))
        return CONSORTIUM_UKRAINE;
    if (country_is_moldova(country))
        return CONSORTIUM_MOLDOVA;
    return CONSORTIUM_OTHER;
}

bool consortium_counts(const struct consortium_rules *r, const char *country)
{
    return (r->established & consortium_class(country)) != 0;
}

static bool same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* Whether id is among the first n members. */
static bool has_id(const struct consortium_member *m, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (same(m[i].id, id))
            return true;
    return false;
}

/* Whether an eligible member among the first n is established in country. */
static bool has_country(const struct consortium_rules *r, const struct consortium_member *m, int n,
                        const char *country)
{
    for (int i = 0; i < n; i++)
        if (same(m[i].country, country) && consortium_counts(r, m[i].country))
            return true;
    return false;
}

void consortium_judge(const struct consortium_rules *r, const struct consortium_member *members,
                      int n, struct consortium_verdict *v)
{
    memset(v, 0, sizeof *v);
    for (int i = 0; i < n; i++) {
        if (!consortium_counts(r, members[i].country) || has_id(members, i, members[i].id))
            continue;
        v->entities++;
        if (!has_country(r, members, i, members[i].country))
            v->countries++;
    }
    v->entities_missing = v->entities < r->min_entities ? r->min_entities - v->entities : 0;
    v->countries_missing = v->countries < r->min_countries ? r->min_countries - v->countries : 0;
    v->meets = v->entities_missing == 0 && v->countries_missing == 0;
}

/* Each pick lowers max(entities missing, countries missing) by one: a
 * candidate from a new country while countries are missing, another eligible
 * one only while more entities than countries are missing. So the picks are
 * as few as can be, and a candidate passed over is never one a later step
 * would have wanted. */
int consortium_complete(const struct consortium_rules *r, const struct consortium_member *members,
                        int n, const struct consortium_member *candidates, int cands_n, int *pick)
{
    struct consortium_verdict v;
    consortium_judge(r, members, n, &v);
    int em = v.entities_missing, cm = v.countries_missing, picked = 0;
    for (int i = 0; i < cands_n && (em > 0 || cm > 0); i++) {
        const struct consortium_member *c = &candidates[i];
        if (!consortium_counts(r, c->country) || has_id(members, n, c->id) ||
            has_id(candidates, i, c->id))
            continue;
        bool fresh = !has_country(r, members, n, c->country);
        for (int k = 0; k < picked && fresh; k++)
            fresh = !same(candidates[pick[k]].country, c->country);
        if (fresh && cm > 0) {
            cm--;
            if (em > 0)
                em--;
        } else if (em > cm) {
            em--;
        } else {
            continue;
        }
        pick[picked++] = i;
    }
    return em > 0 || cm > 0 ? -1 : picked;
}
