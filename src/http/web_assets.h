/* The web UI's files, embedded in the binary at build time by tools/embed_web.py
 * (a meson custom_target over web/): bytes, MIME type and ETag per URL path,
 * and a gzip-compressed copy of the text ones. The files share a version (a
 * hash of them all): index.html names them under /v/VERSION/, which lets a
 * browser keep them until the next build. The table is static data: nothing
 * to free. */
#ifndef DFNC_HTTP_WEB_ASSETS_H
#define DFNC_HTTP_WEB_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

struct web_asset {
    const char *path;              /* "/index.html", "/js/app.js" */
    const char *lang;              /* "" for every language; "uk": a variant */
    const char *mime;
    const char *etag;              /* quoted, as sent in the ETag header */
    const unsigned char *data;     /* NUL-terminated beyond len */
    size_t len;
    const char *gz_etag;           /* the compressed copy's ETag, or NULL: none */
    const unsigned char *gz;       /* the same bytes gzip-compressed, or NULL */
    size_t gz_len;
};

/* Sorted by (path, lang). Defined in the generated web_assets_data.c. */
extern const struct web_asset web_assets[];
extern const int web_assets_n;
extern const char web_assets_version[];   /* 16 hex digits */

/* The asset at path in lang (falling back to the language-neutral one), or NULL. */
const struct web_asset *web_asset_find(const char *path, const char *lang);

/* path without a leading "/v/VERSION" (any version: a page an older build
 * served may still ask), and whether VERSION is this build's, the only one
 * whose files may be kept for good; path itself and false when it has none. */
const char *web_asset_unversioned(const char *path, bool *current);

#endif
