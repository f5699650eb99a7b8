/* Error values shared by every layer (see err.h). */
#include "core/err.h"

#include "core/buf.h"
#include "core/utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int df_err_vset(struct df_err *err, enum df_err_kind kind, const char *fmt, va_list ap)
{
    if (err) {
        err->kind = kind;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        err->code = NULL;
        err->values_n = 0;
    }
    return -1;
}

int df_err_code(struct df_err *err, const char *code, ...)
{
    if (!err)
        return -1;
    err->code = code;
    err->values_n = 0;
    va_list ap;
    va_start(ap, code);
    const char *name;
    while ((name = va_arg(ap, const char *))) {
        const char *value = va_arg(ap, const char *);
        if (!value || err->values_n == DF_ERR_VALUES)
            continue;
        char *to = err->value[err->values_n];
        snprintf(to, sizeof err->value[0], "%s", value);
        size_t bad;
        if (!utf8_is_valid(to, strlen(to), &bad))
            to[bad] = '\0';   /* cut where the bounded copy split a character */
        err->name[err->values_n++] = name;
    }
    va_end(ap);
    return -1;
}

int df_err_set(struct df_err *err, enum df_err_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    df_err_vset(err, kind, fmt, ap);
    va_end(ap);
    return -1;
}

void df_err_prefix(struct df_err *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[512];
    char old[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    /* Truncation keeps the start, which holds the FILE:LINE a person needs. */
    struct buf b = BUF_INIT(sizeof err->msg - 1);
    buf_printf(&b, "%s: ", prefix);
    buf_append(&b, old, strnlen(old, sizeof err->msg - 1 - b.len));
    memcpy(err->msg, buf_str(&b), b.len + 1);
    buf_free(&b);
}

void df_err_clear(struct df_err *err)
{
    if (err) {
        err->kind = DF_OK;
        err->msg[0] = '\0';
        err->code = NULL;
        err->values_n = 0;
    }
}

int df_err_exit_code(const struct df_err *err)
{
    switch (err->kind) {
    case DF_OK: return 0;
    case DF_ERR_USAGE: return 2;
    case DF_ERR_INPUT:
    case DF_ERR_NOT_FOUND:
    case DF_ERR_CONFLICT:
    case DF_ERR_FORBIDDEN: return 3;
    case DF_ERR_RUNTIME: break;
    }
    return 1;
}

int df_err_line_of(const char *msg, const char *file, const char **what)
{
    size_t fl = strlen(file);
    long line = 0;
    const char *rest = msg;
    if (strncmp(msg, file, fl) == 0 && msg[fl] == ':') {
        char *end;
        line = strtol(msg + fl + 1, &end, 10);
        rest = *end == ':' ? end + 1 : msg + fl + 1;
        while (*rest == ' ')
            rest++;
    }
    if (what)
        *what = rest;
    return line > 0 && line <= INT_MAX ? (int)line : 0;
}

const char *df_num(char buf[24], long long v)
{
    snprintf(buf, 24, "%lld", v);
    return buf;
}

/* Copies src into to (cap bytes), cut on a character's boundary. */
static void copy_cut(char *to, size_t cap, const char *src)
{
    size_t n = utf8_prefix(src, strlen(src), cap - 1);
    memcpy(to, src, n);
    to[n] = '\0';
}

void df_err_code_of(struct df_err *err, const struct df_problem_code *c)
{
    if (!err)
        return;
    err->code = c->code;
    err->values_n = c->values_n;
    for (int i = 0; i < c->values_n; i++) {
        err->name[i] = c->name[i];
        copy_cut(err->value[i], sizeof err->value[i], c->value[i]);
    }
}

void df_problems_add(struct df_problems *p, int line, const char *msg)
{
    df_problems_add_coded(p, line, msg, NULL);
}

void df_problems_add_coded(struct df_problems *p, int line, const char *msg,
                           const struct df_err *err)
{
    p->n++;
    int k = p->named;
    if (k == DF_PROBLEMS_NAMED) {
        if (line >= p->line[k - 1])
            return;
        k--;   /* the last kept gives way */
    } else {
        p->named++;
    }
    for (; k > 0 && p->line[k - 1] > line; k--) {
        p->line[k] = p->line[k - 1];
        memcpy(p->msg[k], p->msg[k - 1], sizeof p->msg[k]);
        p->coded[k] = p->coded[k - 1];
    }
    p->line[k] = line;
    copy_cut(p->msg[k], sizeof p->msg[k], msg);
    struct df_problem_code *c = &p->coded[k];
    c->code = err ? err->code : NULL;
    c->values_n = c->code ? err->values_n : 0;
    for (int i = 0; i < c->values_n; i++) {
        c->name[i] = err->name[i];
        copy_cut(c->value[i], sizeof c->value[i], err->value[i]);
    }
}

int df_problems_refuse(struct df_problems *p, struct df_err *err, const char *file, int line)
{
    if (err->kind == DF_ERR_RUNTIME)
        return -1;
    if (df_err_line_of(err->msg, file, NULL) != line)
        df_err_prefix(err, "%s:%d", file, line);
    err->kind = DF_ERR_INPUT;
    df_problems_add_coded(p, line, err->msg, err);
    return 0;
}

int df_problems_end(struct df_problems *p, const struct df_err *err, const char *file, int got)
{
    if (got >= 0)
        return 0;
    if (err->kind != DF_ERR_INPUT)
        return -1;
    df_problems_add_coded(p, df_err_line_of(err->msg, file, NULL), err->msg, err);
    return 0;
}
