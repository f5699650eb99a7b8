/* Request header values judged before dispatch (see headers.h). */
#include "http/headers.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static bool is_ows(char c) { return c == ' ' || c == '\t'; }

bool http_media_type_is(const char *value, const char *type)
{
    if (!value)
        return false;
    while (is_ows(*value))
        value++;
    size_t n = strcspn(value, "; \t");
    if (n != strlen(type) || strncasecmp(value, type, n) != 0)
        return false;
    const char *rest = value + n;
    while (is_ows(*rest))
        rest++;
    return *rest == '\0' || *rest == ';';
}

void http_framing_see(struct http_framing *f, const char *name, const char *value)
{
    if (!name || !value)
        return;
    if (strcasecmp(name, "Content-Length") == 0) {
        if (f->lengths_n++ == 0)
            f->length = value;
        else if (strcmp(f->length, value) != 0)
            f->lengths_differ = true;
    } else if (strcasecmp(name, "Transfer-Encoding") == 0) {
        if (f->codings_n++ == 0)
            f->coding = value;
    }
}

int http_framing_refusal(const struct http_framing *f, const char **why)
{
    if (f->lengths_differ) {
        *why = "the request has Content-Length fields that differ";
        return 400;
    }
    if (f->codings_n > 0 && f->lengths_n > 0) {
        *why = "the request has both Content-Length and Transfer-Encoding";
        return 400;
    }
    /* exactly the test libmicrohttpd makes before it reads chunks: anything
     * else it would read until the connection closes */
    if (f->codings_n > 1 || (f->codings_n == 1 && strcasecmp(f->coding, "chunked") != 0)) {
        *why = "the only transfer coding taken is chunked";
        return 501;
    }
    return 0;
}

/* 1 for a qvalue above 0 ("1", "0.5"), 0 for one of 0 ("0", "0.000"), -1
 * for what is not a qvalue: "0" or "1", then "." and at most three digits
 * (after a "1" only zeros). */
static int qvalue_sign(const char *p, size_t n)
{
    if (n == 0 || (p[0] != '0' && p[0] != '1'))
        return -1;
    bool nonzero = p[0] == '1';
    if (n > 1 && (p[1] != '.' || n > 5))
        return -1;
    for (size_t i = 2; i < n; i++) {
        if (p[i] < '0' || p[i] > '9' || (p[0] == '1' && p[i] != '0'))
            return -1;
        nonzero |= p[i] != '0';
    }
    return nonzero ? 1 : 0;
}

/* The text of [p, end) without leading and trailing spaces and tabs. */
static void trim(const char **p, const char **end)
{
    while (*p < *end && is_ows(**p))
        (*p)++;
    while (*end > *p && is_ows((*end)[-1]))
        (*end)--;
}

/* The weight of one list element [p, end) ("gzip;q=0.5"): 1 above 0, 0, or
 * -1 for a weight that is not a qvalue. Its coding into *coding, *coding_n. */
static int element_weight(const char *p, const char *end, const char **coding, size_t *coding_n)
{
    const char *semi = memchr(p, ';', (size_t)(end - p));
    const char *c_end = semi ? semi : end, *c = p;
    trim(&c, &c_end);
    *coding = c;
    *coding_n = (size_t)(c_end - c);
    int weight = 1;
    while (semi) {
        const char *param = semi + 1, *next = memchr(param, ';', (size_t)(end - param));
        const char *param_end = next ? next : end;
        trim(&param, &param_end);
        if (param_end - param >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=')
            weight = qvalue_sign(param + 2, (size_t)(param_end - param - 2));
        semi = next;
    }
    return weight;
}

bool http_accepts_gzip(const char *accept_encoding)
{
    if (!accept_encoding)
        return false;
    int gzip = -2, star = -2;   /* -2: not listed */
    for (const char *p = accept_encoding; *p;) {
        const char *end = p + strcspn(p, ",");
        const char *coding;
        size_t n;
        int w = element_weight(p, end, &coding, &n);
        if ((n == 4 && strncasecmp(coding, "gzip", 4) == 0) ||
            (n == 6 && strncasecmp(coding, "x-gzip", 6) == 0))
            gzip = gzip == -2 ? w : (w < gzip ? w : gzip);
        else if (n == 1 && *coding == '*')
            star = w;
        p = *end ? end + 1 : end;
    }
    return gzip != -2 ? gzip == 1 : star == 1;
}
