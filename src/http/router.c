/* Route patterns: "/api/v1/requests/{id}/accept" matches segment by segment;
 * "{x}" takes one whole segment, "{x}.ics" one that ends in ".ics" (the
 * parameter is what comes before the suffix). */
#include <string.h>

#include "http/internal.h"

bool http_route_match(const char *pattern, const char *const *segs, int segs_n,
                      const char *params[HTTP_ROUTE_PARAMS])
{
    int k = 0, np = 0;
    const char *p = pattern;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (k >= segs_n)
            return false;
        const char *seg = segs[k++];
        size_t sl = strlen(seg);
        if (*p == '{') {
            const char *close = memchr(p, '}', len);
            size_t suffix = close ? len - (size_t)(close + 1 - p) : 0;
            if (!close || np >= HTTP_ROUTE_PARAMS || sl <= suffix ||
                memcmp(seg + sl - suffix, close + 1, suffix) != 0)
                return false;
            /* The parameter without its suffix: the caller reads it through
             * params, so cut it where the suffix starts. */
            params[np++] = suffix ? NULL : seg;
            if (suffix) {
                static __thread char cut[HTTP_ROUTE_PARAMS][512];
                if (sl - suffix >= sizeof cut[0])
                    return false;
                memcpy(cut[np - 1], seg, sl - suffix);
                cut[np - 1][sl - suffix] = '\0';
                params[np - 1] = cut[np - 1];
            }
        } else if (len != sl || memcmp(p, seg, len) != 0) {
            return false;
        }
        p += len;
    }
    return k == segs_n;
}
