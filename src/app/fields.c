/* Profile field checks shared by the imports and the API (see fields.h). */
#include "app/fields.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

int app_website_check(const char *v, struct df_err *err)
{
    size_t scheme = strncasecmp(v, "https://", 8) == 0   ? 8
                    : strncasecmp(v, "http://", 7) == 0 ? 7
                                                         : 0;
    /* the host: what comes before the first '/', '?' or '#' after the scheme */
    size_t host = scheme ? strcspn(v + scheme, "/?#") : 0;
    bool clean = true;
    for (const unsigned char *p = (const unsigned char *)v; *p && clean; p++)
        clean = *p > ' ' && *p != 0x7F;
    if (!scheme || !host || !clean)
        return df_err_set(err, DF_ERR_INPUT,
                          "website \"%.200s\" is not an http:// or https:// address "
                          "(like https://example.eu)", v);
    return 0;
}

int app_languages_check(const char *v, struct df_err *err)
{
    for (const char *p = v; *p; p += 3) {
        bool code = p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z';
        /* after a code: the end, or ';' and another code */
        if (!code || (p[2] && (p[2] != ';' || !p[3])))
            return df_err_set(err, DF_ERR_INPUT,
                              "languages \"%.200s\" must be ISO 639-1 codes separated by ';' "
                              "(like en;uk;fr)", v);
        if (!p[2])
            break;
    }
    return 0;
}
