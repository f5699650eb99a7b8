/* Consortium rules over the API: the programmes (any signed-in user: the rules
 * are public law) and a check of a consortium the caller puts together (its
 * members and the partners suggested to it, which the organisations' public
 * fields already show to every user). The judging is app/consortium.c's. */
#include "app/consortium.h"
#include "http/api.h"

void api_consortium_programmes(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = app_consortium_programmes(&err);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}

/* The strings of array a (checked by the body's fields) in the request's arena. */
static const char **ids_of(struct http_req *r, json_t *a, int *n)
{
    *n = (int)json_array_size(a);
    const char **ids = arena_alloc(&r->a, (*n ? (size_t)*n : 1) * sizeof *ids);
    for (int i = 0; ids && i < *n; i++)
        if (!(ids[i] = arena_strdup(&r->a, json_string_value(json_array_get(a, (size_t)i)))))
            return NULL;
    return ids;
}

void api_consortium_check(struct http_req *r)
{
    static const struct http_field f[] = {
        {"programme", HJ_STRING, .required = true, .min = 1, .max = 32},
        {"members", HJ_ARRAY_OF_STRINGS, .required = true, .min = 1, .max = APP_CONSORTIUM_MAX},
        {"candidates", HJ_ARRAY_OF_STRINGS, .max = APP_CONSORTIUM_MAX},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    int n = 0, cands_n = 0;
    const char **members = ids_of(r, json_object_get(b, "members"), &n);
    const char **cands = ids_of(r, json_object_get(b, "candidates"), &cands_n);
    const char *programme = arena_strdup(&r->a, http_json_str(b, "programme"));
    json_decref(b);
    json_t *j = NULL;
    if (!members || !cands || !programme)
        df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    else
        j = app_consortium_check(r->s, programme, members, n, cands, cands_n, &err);
    if (!j) {
        if (err.kind == DF_ERR_USAGE)
            err.kind = DF_ERR_INPUT;
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}
