/* An EU programme's consortium rule (data/consortia.json, RULES.md): at least
 * so many eligible entities, established in at least so many countries, and
 * where an eligible entity may be established. The lead of a project idea puts
 * partners together; this says whether they make up an eligible consortium and
 * which of the suggested partners, fewest first, would complete it. Pure. */
#ifndef DFNC_ENGINE_MATCH_CONSORTIUM_H
#define DFNC_ENGINE_MATCH_CONSORTIUM_H

#include <stdbool.h>

/* Classes of country where an eligible entity may be established (bits). */
enum consortium_where {
    CONSORTIUM_EU = 1,
    CONSORTIUM_EEA_EFTA = 2,
    CONSORTIUM_UKRAINE = 4,
    CONSORTIUM_MOLDOVA = 8,
    CONSORTIUM_OTHER = 16,
};

struct consortium_rules {
    const char *name;           /* "edf" */
    int min_entities;           /* eligible entities, at least */
    int min_countries;          /* distinct countries among them, at least */
    unsigned established;       /* consortium_where bits that count */
};

struct consortium_member {
    const char *id;             /* one entity; the same id twice is one entity */
    const char *country;        /* ISO 3166 alpha-2, or NULL / "" when unknown */
};

struct consortium_verdict {
    int entities;               /* eligible entities among the members */
    int countries;              /* distinct countries of those */
    int entities_missing;       /* how many more the rule needs (0: enough) */
    int countries_missing;
    bool meets;
};

/* The class (one consortium_where bit) of a country; CONSORTIUM_OTHER for any
 * other or an unknown one. */
enum consortium_where consortium_class(const char *country);
/* Whether an entity established in country counts toward the rule. */
bool consortium_counts(const struct consortium_rules *r, const char *country);
/* Judges members[0..n). */
void consortium_judge(const struct consortium_rules *r, const struct consortium_member *members,
                      int n, struct consortium_verdict *v);
/* The fewest of candidates[0..cands_n) (in the order given: the best first)
 * that members would need to meet the rule: their indexes into pick (room for
 * cands_n), how many as the result; 0 when members already meet it; -1 when
 * even all the candidates would not. A candidate already among the members, or
 * twice among the candidates, is taken at most once. Of the fewest, the earliest
 * in the order are taken. */
int consortium_complete(const struct consortium_rules *r, const struct consortium_member *members,
                        int n, const struct consortium_member *candidates, int cands_n, int *pick);

#endif
