/* The request target reader: splits a raw request target ("/api/v1/x?q=a%20b")
 * into percent-decoded path segments and query parameters, with caps on every
 * length, and refuses what is not UTF-8 after decoding. Everything it returns
 * lives in the arena passed in. Fuzzed by fuzz/fuzz_url.c. */
#ifndef DFNC_HTTP_URL_H
#define DFNC_HTTP_URL_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

#define HTTP_URL_MAX 4096        /* a longer target is refused (414-like: 400) */
#define HTTP_URL_SEGMENTS 16
#define HTTP_URL_PARAMS 16

struct http_param {
    const char *key, *value;
};

struct http_url {
    const char *path;                      /* decoded, '/'-joined: for logs and routing */
    const char *segs[HTTP_URL_SEGMENTS];   /* decoded segments, no empty ones */
    int segs_n;
    struct http_param params[HTTP_URL_PARAMS];
    int params_n;
};

/* Parses raw[0..n). DF_ERR_USAGE (HTTP 400) with a message on malformed input:
 * no leading '/', bad percent escapes, NUL or control bytes, invalid UTF-8, "."
 * or ".." segments, too long or too many parts. */
int http_url_parse(const char *raw, size_t n, struct arena *a, struct http_url *out,
                   struct df_err *err);

/* The value of a query parameter (the first if repeated), or NULL. */
const char *http_url_param(const struct http_url *u, const char *key);

/* A query parameter as an integer in [min, max] (0 <= min): plain decimal
 * digits and nothing else (no sign, space, '+' or trailing byte; leading
 * zeros allowed); *out = dflt when the parameter is absent. -1 when it is
 * present but not such a number (empty included); *out is then untouched. */
int http_url_param_int(const struct http_url *u, const char *key, int min, int max, int dflt,
                       int *out);

#endif
