/* Route patterns: "/api/v1/requests/{id}/accept" matches segment by segment;
 * "{x}" takes one whole segment, "{x}.ics" one that ends in ".ics" (the
 * parameter is what comes before the suffix). And what the access log writes
 * for a path that may hold a secret. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

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

/* The number of leading segments of pattern before its first parameter. */
static int fixed_segments(const char *pattern)
{
    int n = 0;
    for (const char *p = pattern; *p;) {
        while (*p == '/')
            p++;
        if (!*p || *p == '{')
            break;
        n++;
        p += strcspn(p, "/");
    }
    return n;
}

/* Whether segs[0..n) are pattern's first n segments, case aside. */
static bool starts_with_segments(const char *pattern, const char *const *segs, int n)
{
    const char *p = pattern;
    for (int k = 0; k < n; k++) {
        while (*p == '/')
            p++;
        size_t len = strcspn(p, "/");
        if (strlen(segs[k]) != len || strncasecmp(p, segs[k], len) != 0)
            return false;
        p += len;
    }
    return true;
}

bool http_route_redact(const struct http_route *routes, int routes_n, const char *const *segs,
                       int segs_n, char *out, size_t cap)
{
    for (int i = 0; i < routes_n; i++) {
        const struct http_route *rt = &routes[i];
        int fixed = fixed_segments(rt->pattern);
        if (!(rt->flags & ROUTE_SECRET_PATH) || segs_n <= fixed ||
            !starts_with_segments(rt->pattern, segs, fixed))
            continue;
        const char *params[HTTP_ROUTE_PARAMS] = {0};
        if (http_route_match(rt->pattern, segs, segs_n, params)) {
            snprintf(out, cap, "%s", rt->pattern);
        } else {
            /* a near miss (another case or suffix, more segments): the fixed
             * part, then a mark where the secret was */
            size_t k = 0;
            out[0] = '\0';
            for (int s = 0; s < fixed && k < cap; s++)
                k += (size_t)snprintf(out + k, cap - k, "/%s", segs[s]);
            if (k < cap)
                snprintf(out + k, cap - k, "/{redacted}");
        }
        return true;
    }
    /* A feed URL or an invitation behind another prefix (a proxy that
     * strips /api/v1, a copied relative link, another version:
     * /feeds/TOKEN.ics) holds a token all the same: any "feeds" or
     * "invitations" segment with more after it. */
    for (int k = 0; k + 1 < segs_n; k++) {
        if (strcasecmp(segs[k], "feeds") != 0 && strcasecmp(segs[k], "invitations") != 0)
            continue;
        size_t n = 0;
        out[0] = '\0';
        for (int s = 0; s <= k && n < cap; s++)
            n += (size_t)snprintf(out + n, cap - n, "/%s", segs[s]);
        if (n < cap)
            snprintf(out + n, cap - n, "/{redacted}");
        return true;
    }
    return false;
}
