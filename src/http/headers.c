/* Request header values judged before dispatch (see headers.h). */
#include "http/headers.h"

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
