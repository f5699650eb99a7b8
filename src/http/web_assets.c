/* Lookup in the embedded web UI (web_assets.h): binary search by path, then the
 * language variant if there is one. */
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
