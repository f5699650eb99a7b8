/* Lookup in the embedded web UI (web_assets.h): binary search by path, then the
 * language variant if there is one; and the version prefix of a path. */
#include "http/web_assets.h"

#include <string.h>

const struct web_asset *web_asset_find(const char *path, const char *lang)
{
    int lo = 0, hi = web_assets_n - 1, at = -1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(web_assets[mid].path, path);
        if (c == 0) {
            at = mid;
            hi = mid - 1; /* the first of the path's variants */
        } else if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (at < 0)
        return NULL;
    const struct web_asset *neutral = NULL;
    for (int i = at; i < web_assets_n && strcmp(web_assets[i].path, path) == 0; i++) {
        if (!web_assets[i].lang[0])
            neutral = &web_assets[i];
        else if (lang && strcmp(web_assets[i].lang, lang) == 0)
            return &web_assets[i];
    }
    return neutral;
}

const char *web_asset_unversioned(const char *path, bool *current)
{
    *current = false;
    if (strncmp(path, "/v/", 3) != 0)
        return path;
    const char *rest = strchr(path + 3, '/');
    if (!rest)
        return path;
    size_t n = (size_t)(rest - (path + 3));
    *current = n == strlen(web_assets_version) && memcmp(path + 3, web_assets_version, n) == 0;
    return rest;
}
