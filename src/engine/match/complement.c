/* CPV codes against each other (match.h, match_internal.h): how near two
 * codes are in the hierarchy, how well one side's needs meet the other's
 * offers, and EU-Ukraine pairs. */
#include <string.h>

#include "core/country.h"
#include "core/cpv.h"
#include "engine/match/match_internal.h"

double match_cpv_affinity(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    int sa = cpv_level_digits(a), sb = cpv_level_digits(b);
    if (!sa || !sb)
        return 0;
    int l = 0;
    while (l < 8 && a[l] == b[l])
        l++;
    if (l >= (sa < sb ? sa : sb))
        return 1.0;
    static const double by_prefix[] = {0, 0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0};
    return by_prefix[l];
}

bool match_is_eu_ua_pair(const char *a, const char *b)
{
    return country_is_eu_ua_pair(a, b);
}

/* Whether two codes are one: the same significant digits. */
static bool same_code(const char *a, const char *b)
{
    int sa = cpv_level_digits(a), sb = cpv_level_digits(b);
    return sa > 0 && sa == sb && memcmp(a, b, (size_t)sa) == 0;
}

double match_cpv_best(const struct match_cap *mine, int mine_n, const struct match_cap *theirs,
                      int theirs_n, int *best_i, int *best_j, double *best_v)
{
    double sum = 0;
    *best_v = 0;
    for (int i = 0; i < mine_n; i++) {
        double b = 0;
        int bj = -1;
        for (int j = 0; j < theirs_n; j++) {
            double v = match_cpv_affinity(mine[i].cpv, theirs[j].cpv);
            if (v >= 1 && !same_code(mine[i].cpv, theirs[j].cpv))
                v = CPV_WITHIN;
            if (v > b)
                b = v, bj = j;
        }
        sum += b;
        if (b > *best_v)
            *best_v = b, *best_i = i, *best_j = bj;
    }
    return sum;
}
