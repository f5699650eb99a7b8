/* Readers of the request header values the server judges before any handler
 * runs: the media type of a body, and how the body is framed (RFC 9112
 * section 6: Content-Length and Transfer-Encoding, repeated fields counted);
 * and whether a reply may be sent gzip-compressed (Accept-Encoding).
 * Pure functions over strings, so tests and fuzzers drive them directly. */
#ifndef DFNC_HTTP_HEADERS_H
#define DFNC_HTTP_HEADERS_H

#include <stdbool.h>

/* Whether a Content-Type value names media type `type` ("application/json"):
 * the type, compared without regard to case, ends at ';', whitespace or the
 * end, and only whitespace may come before a ';'. "application/jsonfoo" and
 * "application/json x" are not application/json. */
bool http_media_type_is(const char *value, const char *type);

/* The framing fields of a request, gathered one header field at a time. */
struct http_framing {
    int lengths_n;                /* Content-Length fields */
    const char *length;           /* the first one's value */
    bool lengths_differ;          /* two of them say different things */
    int codings_n;                /* Transfer-Encoding fields */
    const char *coding;           /* the first one's value */
};

/* Notes one header field, every repeated one too (name case aside). The
 * values must outlive f. */
void http_framing_see(struct http_framing *f, const char *name, const char *value);

/* The status a request so framed must get before its body is read, with why
 * (static text): 400 for Content-Length fields that differ, or one beside a
 * Transfer-Encoding (a proxy in front may frame the body otherwise: request
 * smuggling); 501 for a transfer coding other than one "chunked". 0 when the
 * body can be read. */
int http_framing_refusal(const struct http_framing *f, const char **why);

/* Whether an Accept-Encoding value (RFC 9110 section 12.5.3) takes gzip:
 * "gzip" or "x-gzip", or else "*", listed with a weight above 0 (none is 1;
 * "gzip;q=0" refuses it, as does a weight that is not a qvalue). Codings
 * are compared without regard to case. NULL (no header) takes none: the
 * reply goes as it is. */
bool http_accepts_gzip(const char *accept_encoding);

#endif
