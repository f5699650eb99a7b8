/* The JSON body reader: parses a request body with jansson (duplicate keys
 * refused, NUL refused, object at the top) and checks it against a field list:
 * unknown fields, missing required ones, wrong types, strings over their cap
 * or holding a Unicode bidi control or a control character (utf8_text_check:
 * every text the API takes is one people may read), a line break outside a
 * text of lines, integers out of range. Malformed JSON is DF_ERR_USAGE (HTTP 400); a valid
 * document of the wrong shape is DF_ERR_INPUT (HTTP 422). Fuzzed by
 * fuzz/fuzz_json_in.c. */
#ifndef DFNC_HTTP_JSON_IN_H
#define DFNC_HTTP_JSON_IN_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

enum http_jtype {
    HJ_STRING, HJ_INT, HJ_BOOL, HJ_ARRAY_OF_OBJECTS, HJ_ARRAY_OF_STRINGS,
    HJ_NUMBER,   /* an integer or a real, its range checked by the reader's caller */
    HJ_OBJECT,   /* an object checked against `of` */
};

struct http_field {
    const char *name;
    enum http_jtype type;
    bool required;
    bool nullable;              /* null accepted (and means "none") */
    long long min, max;         /* string: byte length (max 0 = 4096); int: range;
                                   array: element count (max 0 = 1000) */
    const struct http_field *of; /* the fields of HJ_OBJECT, of HJ_ARRAY_OF_OBJECTS
                                    elements ({NULL} ends) */
    bool unread;                /* a string no one reads (a password): bidi controls pass */
    bool lines;                 /* a text of lines (a message, a description): line breaks
                                   pass; every other string is one line */
    const char *why;            /* a string: why its max is what it is, said after
                                   "is longer than N bytes" (NULL: nothing) */
};

#define HTTP_JSON_DEPTH 8       /* nesting deeper than this is refused */

/* Parses data[0..n) into *out (caller json_decref's it) and checks it against
 * fields (ended by a {NULL} row). */
int http_json_read(const char *data, size_t n, const struct http_field *fields, json_t **out,
                   struct df_err *err);
/* Checks an already parsed object (used for array elements too); path names
 * the place in messages ("sessions[2]"). */
int http_json_check(json_t *obj, const struct http_field *fields, const char *path,
                    int depth, struct df_err *err);

/* Convenience getters after a successful check: NULL / dflt when absent or null. */
const char *http_json_str(json_t *obj, const char *key);
long long http_json_int(json_t *obj, const char *key, long long dflt);

#endif
