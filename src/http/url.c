/* Request target parsing (see url.h). */
#include "http/url.h"

#include <assert.h>
#include <string.h>

#include "core/utf8.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into a fresh arena string; plus_space turns '+' into ' '
 * (query strings only). NULL with err on malformed input. */
static char *decode(const char *s, size_t n, int plus_space, struct arena *a, struct df_err *err)
{
    char *out = arena_alloc(a, n + 1);
    size_t o = 0;
    if (!out) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%') {
            int hi = i + 1 < n ? hexval(s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                df_err_set(err, DF_ERR_USAGE, "a bad percent escape in the request target");
                return NULL;
            }
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_space) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f) {
            df_err_set(err, DF_ERR_USAGE, "a control character in the request target");
            return NULL;
        }
        out[o++] = (char)c;
    }
    out[o] = '\0';
    if (!utf8_is_valid(out, o, NULL)) {
        df_err_set(err, DF_ERR_USAGE, "the request target is not UTF-8");
        return NULL;
    }
    return out;
}

static int parse_query(const char *q, size_t n, struct arena *a, struct http_url *out,
                       struct df_err *err)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && q[j] != '&')
            j++;
        if (j > i) {
            if (out->params_n >= HTTP_URL_PARAMS)
                return df_err_set(err, DF_ERR_USAGE, "more than %d query parameters",
                                  HTTP_URL_PARAMS);
            const char *eq = memchr(q + i, '=', j - i);
            size_t klen = eq ? (size_t)(eq - (q + i)) : j - i;
            struct http_param *p = &out->params[out->params_n];
            if (!(p->key = decode(q + i, klen, 1, a, err)))
                return -1;
            p->value = eq ? decode(eq + 1, (size_t)(q + j - eq - 1), 1, a, err)
                          : arena_strdup(a, "");
            if (!p->value)
                return -1;
            out->params_n++;
        }
        i = j + 1;
    }
    return 0;
}

int http_url_parse(const char *raw, size_t n, struct arena *a, struct http_url *out,
                   struct df_err *err)
{
    memset(out, 0, sizeof *out);
    if (n == 0 || raw[0] != '/')
        return df_err_set(err, DF_ERR_USAGE, "the request target does not start with /");
    if (n > HTTP_URL_MAX)
        return df_err_set(err, DF_ERR_USAGE, "the request target is longer than %d bytes",
                          HTTP_URL_MAX);
    const char *qm = memchr(raw, '?', n);
    size_t plen = qm ? (size_t)(qm - raw) : n;
    const char *hash = memchr(raw, '#', n);
    if (hash)
        return df_err_set(err, DF_ERR_USAGE, "a fragment in the request target");
    char *path = arena_alloc(a, plen + 2);
    if (!path)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    size_t plen_out = 0;
    for (size_t i = 0; i < plen;) {
        while (i < plen && raw[i] == '/')
            i++;
        size_t j = i;
        while (j < plen && raw[j] != '/')
            j++;
        if (j > i) {
            if (out->segs_n >= HTTP_URL_SEGMENTS)
                return df_err_set(err, DF_ERR_USAGE, "more than %d path segments",
                                  HTTP_URL_SEGMENTS);
            char *seg = decode(raw + i, j - i, 0, a, err);
            if (!seg)
                return -1;
            if (strcmp(seg, ".") == 0 || strcmp(seg, "..") == 0 || strchr(seg, '/'))
                return df_err_set(err, DF_ERR_USAGE, "a \".\", \"..\" or encoded / in the path");
            out->segs[out->segs_n++] = seg;
            path[plen_out++] = '/';
            size_t sl = strlen(seg);
            memcpy(path + plen_out, seg, sl);
            plen_out += sl;
        }
        i = j;
    }
    if (plen_out == 0)
        path[plen_out++] = '/';
    path[plen_out] = '\0';
    out->path = path;
    if (qm && parse_query(qm + 1, n - plen - 1, a, out, err) < 0)
        return -1;
    return 0;
}

const char *http_url_param(const struct http_url *u, const char *key)
{
    for (int i = 0; i < u->params_n; i++)
        if (strcmp(u->params[i].key, key) == 0)
            return u->params[i].value;
    return NULL;
}

int http_url_param_int(const struct http_url *u, const char *key, int min, int max, int dflt,
                       int *out)
{
    assert(min >= 0 && min <= max);
    const char *v = http_url_param(u, key);
    if (!v) {
        *out = dflt;
        return 0;
    }
    /* digits only: no sign, space or trailing byte, and no more of them than
     * max has, so the value cannot wrap */
    long long n = 0;
    size_t len = strlen(v);
    if (len == 0 || len > 10)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (v[i] < '0' || v[i] > '9')
            return -1;
        n = n * 10 + (v[i] - '0');
    }
    if (n < min || n > max)
        return -1;
    *out = (int)n;
    return 0;
}
