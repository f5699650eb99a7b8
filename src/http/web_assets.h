/* The web UI's files, embedded in the binary at build time by tools/embed_web.py
 * (a meson custom_target over web/): bytes, MIME type and ETag per URL path.
 * The table is static data: nothing to free. */
#ifndef DFNC_HTTP_WEB_ASSETS_H
#define DFNC_HTTP_WEB_ASSETS_H

#include <stddef.h>

struct web_asset {
    const char *path;              /* "/index.html", "/js/app.js" */
    const char *lang;              /* "" for every language; "uk": a variant */
    const char *mime;
    const char *etag;              /* quoted, as sent in the ETag header */
    const unsigned char *data;     /* NUL-terminated beyond len */
    size_t len;
};

/* Sorted by (path, lang). Defined in the generated web_assets_data.c. */
extern const struct web_asset web_assets[];
extern const int web_assets_n;

/* The asset at path in lang (falling back to the language-neutral one), or NULL. */
const struct web_asset *web_asset_find(const char *path, const char *lang);

#endif
