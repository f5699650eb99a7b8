/* libFuzzer harness for the JSON body reader (src/http/json_in.c) against the
 * field lists of real endpoints (a flat one and a nested one): any bytes in,
 * and an accepted body must really satisfy its field list. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "http/json_in.h"

static const struct http_field slot[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = 128},
    {"seq", HJ_INT, .required = true, .min = 1, .max = 100000},
    {NULL}};
static const struct http_field session[] = {
    {"id", HJ_STRING, .required = true, .min = 1, .max = 128},
    {"kind", HJ_STRING, .nullable = true, .max = 10},
    {"slots", HJ_ARRAY_OF_OBJECTS, .max = 20, .of = slot},
    {"tags", HJ_ARRAY_OF_STRINGS, .max = 5},
    {NULL}};
static const struct http_field request[] = {
    {"event", HJ_STRING, .min = 1, .max = 128},
    {"to", HJ_STRING, .required = true, .min = 1, .max = 128},
    {"message", HJ_STRING, .nullable = true, .max = 2000},
    {"priority", HJ_INT, .min = 0, .max = 9},
    {"sessions", HJ_ARRAY_OF_OBJECTS, .max = 10, .of = session},
    {"flag", HJ_BOOL, .required = false},
    {NULL}};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *j = NULL;
    struct df_err err = {0};
    if (http_json_read((const char *)data, size, request, &j, &err) == 0) {
        assert(json_is_object(j));
        const char *to = http_json_str(j, "to");
        assert(to && strlen(to) >= 1 && strlen(to) <= 128);
        long long p = http_json_int(j, "priority", 0);
        assert(p >= 0 && p <= 9);
        json_t *ss = json_object_get(j, "sessions");
        assert(!ss || json_is_null(ss) || json_array_size(ss) <= 10);
        json_decref(j);
    } else {
        assert(!j && (err.kind == DF_ERR_USAGE || err.kind == DF_ERR_INPUT) && err.msg[0]);
    }
    return 0;
}
