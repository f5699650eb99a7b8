/* The profiles' attributes in the matchmaking index (match_internal.h):
 * countries and kinds as small ids, the lifts between a coordinator's and a
 * member's in past consortia, government bodies, and the languages their
 * people speak as bit masks. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strmap.h"
#include "engine/match/match_internal.h"

/* The next code of a list ("en;uk", also split at commas and spaces) into
 * code (lowercased; "" when too long), advancing *p; false at the end. */
static bool next_language(const char **p, char code[8])
{
    while (**p == ';' || **p == ',' || **p == ' ')
        (*p)++;
    if (!**p)
        return false;
    size_t len = strcspn(*p, ";, ");
    code[0] = '\0';
    if (len < 8) {
        for (size_t k = 0; k < len; k++)
            code[k] = (char)((*p)[k] >= 'A' && (*p)[k] <= 'Z' ? (*p)[k] + 32 : (*p)[k]);
        code[len] = '\0';
    }
    *p += len;
    return true;
}

static int language_bit(const struct lang_table *t, const char *code)
{
    for (int bit = 0; bit < t->n; bit++)
        if (strcmp(t->code[bit], code) == 0)
            return bit;
    return -1;
}

/* Gives the list's new codes bits while there are bits left. */
static void languages_add(struct lang_table *t, const char *p)
{
    char code[8];
    while (p && next_language(&p, code))
        if (code[0] && t->n < LANG_CODES && language_bit(t, code) < 0)
            memcpy(t->code[t->n++], code, strlen(code) + 1);
}

uint64_t match_languages_mask(const struct lang_table *t, const char *p)
{
    uint64_t mask = 0;
    char code[8];
    while (p && next_language(&p, code)) {
        int bit = code[0] ? language_bit(t, code) : -1;
        mask |= bit >= 0 ? (uint64_t)1 << bit : LANG_OTHER;
    }
    return mask;
}

/* Small ids for a string attribute of the profiles (country or kind). */
static int attribute_ids(const struct match_profile *profiles, int n, bool kind, int *of)
{
    struct strmap m = {0};
    for (int i = 0; i < n; i++) {
        const char *v = kind ? profiles[i].kind : profiles[i].country;
        of[i] = v && *v ? strmap_put(&m, v, (int)m.n) : -1;
        if (of[i] == -2) {
            strmap_free(&m);
            return -1;
        }
    }
    int k = (int)m.n;
    strmap_free(&m);
    return k;
}

/* How much more often than on average consortia whose coordinator has
 * attribute a take members with attribute b: (count + 10 x base share) /
 * (row + 10) / base share, smoothed toward 1, squashed to lift / (1 + lift). */
static float *attribute_lift(const struct match_project *projects, int projects_n, const int *of,
                             int k)
{
    size_t kk = (size_t)k * (size_t)k;
    double *cnt = calloc(kk + 1, sizeof *cnt), *row = calloc((size_t)k + 1, sizeof *row),
           *col = calloc((size_t)k + 1, sizeof *col);
    float *lift = malloc((kk + 1) * sizeof *lift);
    if (!cnt || !row || !col || !lift) {
        free(lift);
        lift = NULL;
        goto out;
    }
    double total = 0;
    for (int p = 0; p < projects_n; p++) {
        int c = projects[p].coordinator;
        if (c < 0 || of[c] < 0)
            continue;
        for (int i = 0; i < projects[p].members_n; i++) {
            int m = projects[p].members[i];
            if (m == c || of[m] < 0)
                continue;
            cnt[(size_t)of[c] * k + of[m]]++;
            row[of[c]]++;
            col[of[m]]++;
            total++;
        }
    }
    for (int a = 0; a < k; a++)
        for (int b = 0; b < k; b++) {
            double base = total > 0 ? (col[b] + 0.5) / (total + 0.5 * k) : 1.0 / k;
            double l = (cnt[(size_t)a * k + b] + 10 * base) / (row[a] + 10) / base;
            lift[(size_t)a * k + b] = (float)(l / (1 + l));
        }
out:
    free(cnt);
    free(row);
    free(col);
    return lift;
}

/* The profiles' countries and kinds as small ids with the lifts between a
 * coordinator's and a member's, government bodies, and the languages their
 * people speak as masks. -1 when out of memory. */
int match_index_build_attributes(struct match_index *ix)
{
    const struct match_profile *profiles = ix->profiles;
    int profiles_n = ix->n;
    ix->country_of = malloc(((size_t)profiles_n + 1) * sizeof *ix->country_of);
    ix->kind_of = malloc(((size_t)profiles_n + 1) * sizeof *ix->kind_of);
    ix->end_user = calloc((size_t)profiles_n + 1, 1);
    ix->lang_mask = calloc((size_t)profiles_n + 1, sizeof *ix->lang_mask);
    if (!ix->country_of || !ix->kind_of || !ix->end_user || !ix->lang_mask)
        return -1;
    for (int i = 0; i < profiles_n; i++)
        ix->end_user[i] = profiles[i].kind && strcmp(profiles[i].kind, "government") == 0;
    for (int i = 0; i < profiles_n; i++) {
        languages_add(&ix->langs, profiles[i].languages);
        ix->lang_mask[i] = match_languages_mask(&ix->langs, profiles[i].languages);
    }
    ix->countries_n = attribute_ids(profiles, profiles_n, false, ix->country_of);
    ix->kinds_n = attribute_ids(profiles, profiles_n, true, ix->kind_of);
    if (ix->countries_n < 0 || ix->kinds_n < 0)
        return -1;
    ix->country_lift =
        attribute_lift(ix->projects, ix->projects_n, ix->country_of, ix->countries_n);
    ix->kind_lift = attribute_lift(ix->projects, ix->projects_n, ix->kind_of, ix->kinds_n);
    return ix->country_lift && ix->kind_lift ? 0 : -1;
}
