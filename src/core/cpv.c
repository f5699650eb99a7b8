/* CPV code form and hierarchy (see cpv.h). */
#include "core/cpv.h"

#include <string.h>

bool cpv_is_well_formed(const char *code)
{
    if (!code || strlen(code) != 10 || code[8] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 8 && (code[i] < '0' || code[i] > '9'))
            return false;
    return true;
}

int cpv_level_digits(const char *code)
{
    if (!code || strlen(code) < 8)
        return 0;
    for (int i = 0; i < 8; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    int n = 8;
    while (n > 2 && code[n - 1] == '0')
        n--;
    return n;
}

bool cpv_is_within(const char *inner, const char *outer)
{
    int n = cpv_level_digits(outer);
    if (n == 0 || cpv_level_digits(inner) == 0)
        return false;
    return strncmp(inner, outer, (size_t)n) == 0;
}

void cpv_prefix(const char *code, int n, char *out)
{
    int i = 0;
    for (; i < n && code[i]; i++)
        out[i] = code[i];
    out[i] = '\0';
}
