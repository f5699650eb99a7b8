/* Strict JSON request bodies (see json_in.h). */
#include "http/json_in.h"

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

static const struct http_field *find(const struct http_field *f, const char *key)
{
    for (; f->name; f++)
        if (strcmp(f->name, key) == 0)
            return f;
    return NULL;
}

static const char *type_name(enum http_jtype t)
{
    switch (t) {
    case HJ_STRING: return "a string";
    case HJ_INT: return "an integer";
    case HJ_BOOL: return "true or false";
    case HJ_ARRAY_OF_OBJECTS: return "an array of objects";
    case HJ_ARRAY_OF_STRINGS: return "an array of strings";
    case HJ_NUMBER: return "a number";
    case HJ_OBJECT: return "an object";
    }
    return "?";
}

static int check_string(json_t *v, const struct http_field *f, const char *at,
                        struct df_err *err)
{
    long long max = f->max ? f->max : 4096;
    long long len = (long long)json_string_length(v);
    if (len > max) {
        df_err_set(err, DF_ERR_INPUT, "%s is longer than %lld bytes%s%s", at, max,
                   f->why ? ": " : "", f->why ? f->why : "");
        char n[24];
        snprintf(n, sizeof n, "%lld", max);
        df_err_code(err, "too_long", "max", n, "col", at, NULL);
        return -1;
    }
    if (len == 0 && f->min > 0 && f->required) {   /* as missing, said so for its field */
        df_err_set(err, DF_ERR_INPUT, "%s is empty: it is required", at);
        return df_err_code(err, "required", "col", at, NULL);
    }
    if (len < f->min)
        return df_err_set(err, DF_ERR_INPUT, "%s is shorter than %lld bytes", at, f->min);
    if (f->unread)
        return 0;
    const char *s = json_string_value(v);
    return f->lines ? utf8_text_check(at, s, err) : utf8_line_check(at, s, err);
}

static int check_value(json_t *v, const struct http_field *f, const char *at, int depth,
                       struct df_err *err)
{
    if (json_is_null(v)) {
        if (f->nullable && !f->required)
            return 0;
        return df_err_set(err, DF_ERR_INPUT, "%s must be %s, not null", at, type_name(f->type));
    }
    switch (f->type) {
    case HJ_STRING:
        if (!json_is_string(v))
            break;
        return check_string(v, f, at, err);
    case HJ_INT:
        if (!json_is_integer(v))
            break;
        if (json_integer_value(v) < f->min || json_integer_value(v) > f->max) {
            df_err_set(err, DF_ERR_INPUT, "%s must be between %lld and %lld", at, f->min, f->max);
            char lo[24], hi[24];
            snprintf(lo, sizeof lo, "%lld", f->min);
            snprintf(hi, sizeof hi, "%lld", f->max);
            df_err_code(err, "whole_range", "min", lo, "max", hi, NULL);
            return -1;
        }
        return 0;
    case HJ_BOOL:
        if (!json_is_boolean(v))
            break;
        return 0;
    case HJ_NUMBER:
        if (!json_is_number(v))
            break;
        return 0;
    case HJ_OBJECT:
        if (!json_is_object(v))
            break;
        return http_json_check(v, f->of, at, depth + 1, err);
    case HJ_ARRAY_OF_OBJECTS:
    case HJ_ARRAY_OF_STRINGS: {
        if (!json_is_array(v))
            break;
        long long max = f->max ? f->max : 1000;
        if ((long long)json_array_size(v) > max)
            return df_err_set(err, DF_ERR_INPUT, "%s has more than %lld elements", at, max);
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            char sub[256];
            snprintf(sub, sizeof sub, "%.200s[%zu]", at, i);
            if (f->type == HJ_ARRAY_OF_STRINGS) {
                struct http_field sf = {.name = f->name, .type = HJ_STRING, .max = 512};
                if (!json_is_string(e))
                    return df_err_set(err, DF_ERR_INPUT, "%s must be a string", sub);
                if (check_string(e, &sf, sub, err) < 0)
                    return -1;
            } else if (!json_is_object(e)) {
                return df_err_set(err, DF_ERR_INPUT, "%s must be an object", sub);
            } else if (http_json_check(e, f->of, sub, depth + 1, err) < 0) {
                return -1;
            }
        }
        return 0;
    }
    }
    return df_err_set(err, DF_ERR_INPUT, "%s must be %s", at, type_name(f->type));
}

int http_json_check(json_t *obj, const struct http_field *fields, const char *path, int depth,
                    struct df_err *err)
{
    if (depth > HTTP_JSON_DEPTH)
        return df_err_set(err, DF_ERR_INPUT, "%s is nested too deeply", path);
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        const struct http_field *f = find(fields, key);
        char at[256];
        /* Keys are user input: a bounded prefix only (replies trim broken UTF-8). */
        snprintf(at, sizeof at, "%.150s%s%.60s", path, *path ? "." : "", key);
        if (!f)
            return df_err_set(err, DF_ERR_INPUT, "unknown field %s", at);
        if (check_value(v, f, at, depth, err) < 0)
            return -1;
    }
    for (const struct http_field *f = fields; f->name; f++)
        if (f->required && !json_object_get(obj, f->name)) {
            df_err_set(err, DF_ERR_INPUT, "%s%s%s is required", path, *path ? "." : "",
                       f->name);
            df_err_code(err, "required", "col", *path ? NULL : f->name, NULL);
            return -1;
        }
    return 0;
}

int http_json_read(const char *data, size_t n, const struct http_field *fields, json_t **out,
                   struct df_err *err)
{
    json_error_t je;
    *out = NULL;
    if (n == 0)
        return df_err_set(err, DF_ERR_USAGE, "the request has no JSON body");
    json_t *root = json_loadb(data, n, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return df_err_set(err, DF_ERR_USAGE, "malformed JSON at line %d, column %d: %.120s",
                          je.line, je.column, je.text);
    if (!json_is_object(root)) {
        json_decref(root);
        return df_err_set(err, DF_ERR_INPUT, "the body must be a JSON object");
    }
    if (http_json_check(root, fields, "", 0, err) < 0) {
        json_decref(root);
        return -1;
    }
    *out = root;
    return 0;
}

const char *http_json_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

long long http_json_int(json_t *obj, const char *key, long long dflt)
{
    json_t *v = json_object_get(obj, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : dflt;
}
