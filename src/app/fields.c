/* Profile field checks shared by the imports and the API (see fields.h). */
#include "app/fields.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

int app_id_check(const char *what, const char *id, struct df_err *err)
{
    static const char allowed[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789._-";
    size_t n = strspn(id, allowed);
    if (n > APP_ID_MAX)
        return df_err_set(err, DF_ERR_INPUT, "%s \"%.20s...\" is longer than %d bytes", what,
                          id, APP_ID_MAX);
    if (n == 0 || id[n] != '\0' || strcmp(id, ".") == 0 || strcmp(id, "..") == 0)
        return df_err_set(err, DF_ERR_INPUT,
                          "%s \"%.200s\" must be letters A-Z a-z, digits, '.', '_' or '-', and "
                          "not \".\" or \"..\" (ids are parts of the API's paths)", what, id);
    return 0;
}

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
