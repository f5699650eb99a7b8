/* The .dzn reader (see dzn.h): a small tokenizer and a parser for the subset of
 * MiniZinc data the JAIR instances use (integers, 1-D arrays of integers or of
 * integer sets, 2-D arrays written [| a, b | c, d |]), then the checks that make
 * the instance safe for the scheduler (ids in range, array lengths). */
#include "io/dzn.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"

enum tok { T_END, T_IDENT, T_INT, T_PUNCT, T_DOTDOT, T_BAD };

struct lex {
    const char *name, *p, *end;
    int line;
    enum tok t;
    int tline;
    long ival;
    char punct;
    char ident[64];
};

static void lex_next(struct lex *x)
{
    for (;;) {
        while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\r' || *x->p == '\n')) {
            if (*x->p == '\n')
                x->line++;
            x->p++;
        }
        if (x->p < x->end && *x->p == '%') {
            while (x->p < x->end && *x->p != '\n')
                x->p++;
            continue;
        }
        break;
    }
    x->tline = x->line;
    if (x->p >= x->end) {
        x->t = T_END;
        return;
    }
    char c = *x->p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        size_t n = 0;
        while (x->p < x->end && ((*x->p >= 'a' && *x->p <= 'z') || (*x->p >= 'A' && *x->p <= 'Z') ||
                                 (*x->p >= '0' && *x->p <= '9') || *x->p == '_')) {
            if (n + 1 >= sizeof x->ident) {
                x->t = T_BAD;
                return;
            }
            x->ident[n++] = *x->p++;
        }
        x->ident[n] = '\0';
        x->t = T_IDENT;
        return;
    }
    if ((c >= '0' && c <= '9') || c == '-') {
        bool neg = c == '-';
        if (neg)
            x->p++;
        if (x->p >= x->end || *x->p < '0' || *x->p > '9') {
            x->t = T_BAD;
            return;
        }
        long v = 0;
        while (x->p < x->end && *x->p >= '0' && *x->p <= '9') {
            v = v * 10 + (*x->p++ - '0');
            if (v > 1000000000L) {
                x->t = T_BAD;
                return;
            }
        }
        x->ival = neg ? -v : v;
        x->t = T_INT;
        return;
    }
    if (c == '.' && x->p + 1 < x->end && x->p[1] == '.') {
        x->p += 2;
        x->t = T_DOTDOT;
        return;
    }
    if (strchr("=;[]{}|,", c)) {
        x->p++;
        x->punct = c;
        x->t = T_PUNCT;
        return;
    }
    x->t = T_BAD;
}

static bool is_punct(const struct lex *x, char c)
{
    return x->t == T_PUNCT && x->punct == c;
}

/* A parsed value: ints (with their lines), grouped into elements (a set is one
 * element; an integer of a 1-D array is one element), rows for 2-D arrays. */
struct val {
    bool seen;
    int kind;          /* 0 scalar, 1 array (of ints or sets), 2 two-dimensional */
    bool has_sets;
    int line;
    int n, cap;
    int *v, *vline;
    int n_elem, cap_elem;
    int *elem_off;     /* n_elem + 1 offsets into v */
    int rows, cols;
};

static void val_free(struct val *v)
{
    free(v->v);
    free(v->vline);
    free(v->elem_off);
    memset(v, 0, sizeof *v);
}

static int val_push(struct val *v, long x, int line)
{
    if (v->n == v->cap) {
        int nc = v->cap ? v->cap * 2 : 64;
        int *a = realloc(v->v, (size_t)nc * sizeof *a);
        if (!a)
            return -1;
        v->v = a;
        int *b = realloc(v->vline, (size_t)nc * sizeof *b);
        if (!b)
            return -1;
        v->vline = b;
        v->cap = nc;
    }
    v->v[v->n] = (int)x;
    v->vline[v->n++] = line;
    return 0;
}

/* Closes an element: the ints pushed since the previous one. */
static int val_elem(struct val *v)
{
    if (v->n_elem + 2 > v->cap_elem) {
        int nc = v->cap_elem ? v->cap_elem * 2 : 64;
        int *a = realloc(v->elem_off, (size_t)nc * sizeof *a);
        if (!a)
            return -1;
        v->elem_off = a;
        v->cap_elem = nc;
    }
    if (v->n_elem == 0)
        v->elem_off[0] = 0;
    v->elem_off[++v->n_elem] = v->n;
    return 0;
}

#define SYNTAX(x, what) df_err_set(err, DF_ERR_INPUT, "%s:%d: %s", (x)->name, (x)->tline, what)
#define NOMEM() df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", x->name)

static int parse_set(struct lex *x, struct val *v, struct df_err *err)
{
    lex_next(x);   /* past '{' */
    if (is_punct(x, '}')) {
        lex_next(x);
        return val_elem(v) < 0 ? NOMEM() : 0;
    }
    for (;;) {
        if (x->t != T_INT)
            return SYNTAX(x, "expected an integer in a set");
        long lo = x->ival;
        int line = x->tline;
        lex_next(x);
        if (x->t == T_DOTDOT) {
            lex_next(x);
            if (x->t != T_INT)
                return SYNTAX(x, "expected an integer after '..'");
            long hi = x->ival;
            if (hi - lo > 100000)
                return SYNTAX(x, "range too large");
            for (long k = lo; k <= hi; k++)
                if (val_push(v, k, line) < 0)
                    return NOMEM();
            lex_next(x);
        } else if (val_push(v, lo, line) < 0) {
            return NOMEM();
        }
        if (is_punct(x, ',')) {
            lex_next(x);
            continue;
        }
        if (is_punct(x, '}')) {
            lex_next(x);
            return val_elem(v) < 0 ? NOMEM() : 0;
        }
        return SYNTAX(x, "expected ',' or '}' in a set");
    }
}

static int parse_2d(struct lex *x, struct val *v, struct df_err *err)
{
    v->kind = 2;
    lex_next(x);   /* past the first '|' */
    if (is_punct(x, ']')) {
        lex_next(x);
        return 0;
    }
    int col = 0;
    for (;;) {
        if (x->t == T_INT) {
            if (val_push(v, x->ival, x->tline) < 0 || val_elem(v) < 0)
                return NOMEM();
            col++;
            lex_next(x);
            if (is_punct(x, ','))
                lex_next(x);
            else if (!is_punct(x, '|'))
                return SYNTAX(x, "expected ',' or '|' in a 2-D array");
            continue;
        }
        if (is_punct(x, '|')) {
            if (v->rows == 0)
                v->cols = col;
            else if (col != v->cols)
                return SYNTAX(x, "rows of a 2-D array differ in length");
            v->rows++;
            col = 0;
            lex_next(x);
            if (is_punct(x, ']')) {
                lex_next(x);
                return 0;
            }
            continue;
        }
        return SYNTAX(x, "expected an integer or '|' in a 2-D array");
    }
}

static int parse_value(struct lex *x, struct val *v, struct df_err *err)
{
    v->line = x->tline;
    if (x->t == T_INT) {
        v->kind = 0;
        if (val_push(v, x->ival, x->tline) < 0 || val_elem(v) < 0)
            return NOMEM();
        lex_next(x);
        return 0;
    }
    if (!is_punct(x, '['))
        return SYNTAX(x, "expected a value");
    lex_next(x);
    if (is_punct(x, '|'))
        return parse_2d(x, v, err);
    v->kind = 1;
    if (is_punct(x, ']')) {
        lex_next(x);
        return 0;
    }
    for (;;) {
        if (x->t == T_INT) {
            if (val_push(v, x->ival, x->tline) < 0 || val_elem(v) < 0)
                return NOMEM();
            lex_next(x);
        } else if (is_punct(x, '{')) {
            v->has_sets = true;
            if (parse_set(x, v, err) < 0)
                return -1;
        } else {
            return SYNTAX(x, "expected an integer or a set in an array");
        }
        if (is_punct(x, ',')) {
            lex_next(x);
            if (is_punct(x, ']')) {
                lex_next(x);
                return 0;
            }
            continue;
        }
        if (is_punct(x, ']')) {
            lex_next(x);
            return 0;
        }
        return SYNTAX(x, "expected ',' or ']' in an array");
    }
}

enum { V_NB, V_NM, V_NT, V_NS, V_NMORN, V_REQ, V_FIXED, V_FORB, V_PREC, V_N };
static const char *const val_names[V_N] = {"nBusiness", "nMeetings",   "nTables",
                                           "nTotalSlots", "nMorningSlots", "requested",
                                           "fixed",     "forbidden",   "precedences"};

static int scalar(const char *name, struct val *vals, int k, int lo, int hi, int *out,
                  struct df_err *err)
{
    struct val *v = &vals[k];
    if (!v->seen)
        return df_err_set(err, DF_ERR_INPUT, "%s:1: %s is missing", name, val_names[k]);
    if (v->kind != 0)
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s must be an integer", name, v->line,
                          val_names[k]);
    if (v->v[0] < lo || v->v[0] > hi)
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s = %d is outside %d..%d", name, v->line,
                          val_names[k], v->v[0], lo, hi);
    *out = v->v[0];
    return 0;
}

/* Checks an array of n elements (sets when want_sets) whose ints lie in lo..hi,
 * and copies it into the arena as offsets + values (offsets NULL for plain arrays). */
static int array_in(const char *name, struct val *v, const char *what, int n, bool want_sets,
                    int lo, int hi, struct arena *a, int **off, int **vals, struct df_err *err)
{
    if (v->kind != 1 || (!want_sets && v->has_sets))
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s must be a 1-D array of %s", name,
                          v->line, what, want_sets ? "sets" : "integers");
    if (v->n_elem != n)
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s has %d elements, expected %d", name,
                          v->line, what, v->n_elem, n);
    for (int i = 0; i < v->n; i++)
        if (v->v[i] < lo || v->v[i] > hi)
            return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s holds %d, outside %d..%d", name,
                              v->vline[i], what, v->v[i], lo, hi);
    *vals = arena_alloc(a, (size_t)(v->n + 1) * sizeof **vals);
    if (!*vals)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
    if (v->n)
        memcpy(*vals, v->v, (size_t)v->n * sizeof **vals);
    if (off) {
        *off = arena_alloc(a, (size_t)(n + 1) * sizeof **off);
        if (!*off)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
        if (n)
            memcpy(*off, v->elem_off, (size_t)(n + 1) * sizeof **off);
    }
    return 0;
}

/* Drops zeros (the model's placeholder for "no slot") from a CSR set array. */
static void drop_zeros(int n, int *off, int *vals)
{
    int w = 0;
    for (int e = 0; e < n; e++) {
        int s = off[e], t = off[e + 1];
        off[e] = w;
        for (int i = s; i < t; i++)
            if (vals[i] != 0)
                vals[w++] = vals[i];
    }
    off[n] = w;
}

int dzn_parse(const char *name, const char *text, size_t len, struct arena *a,
              struct dzn_b2b *out, struct df_err *err)
{
    int rc = -1;
    struct val vals[V_N];
    struct val junk;
    memset(vals, 0, sizeof vals);
    memset(&junk, 0, sizeof junk);
    memset(out, 0, sizeof *out);
    if (len > DZN_MAX_BYTES) {
        df_err_set(err, DF_ERR_INPUT, "%s:1: larger than %u bytes", name, DZN_MAX_BYTES);
        goto out;
    }
    struct lex lx = {.name = name, .p = text, .end = text + len, .line = 1};
    struct lex *x = &lx;
    lex_next(x);
    while (x->t != T_END) {
        if (x->t == T_BAD) {
            SYNTAX(x, "unexpected character or a number out of range");
            goto out;
        }
        if (x->t != T_IDENT) {
            SYNTAX(x, "expected a name");
            goto out;
        }
        int k = 0;
        while (k < V_N && strcmp(val_names[k], x->ident) != 0)
            k++;
        struct val *v = k < V_N ? &vals[k] : &junk;
        if (v->seen) {
            df_err_set(err, DF_ERR_INPUT, "%s:%d: %s is assigned twice", name, x->tline,
                       x->ident);
            goto out;
        }
        lex_next(x);
        if (!is_punct(x, '=')) {
            SYNTAX(x, "expected '='");
            goto out;
        }
        lex_next(x);
        if (parse_value(x, v, err) < 0)
            goto out;
        v->seen = k < V_N;
        if (v == &junk)
            val_free(&junk);
        if (!is_punct(x, ';')) {
            SYNTAX(x, "expected ';'");
            goto out;
        }
        lex_next(x);
    }
    if (x->t == T_BAD) {
        SYNTAX(x, "unexpected character");
        goto out;
    }
    if (scalar(name, vals, V_NB, 1, DZN_MAX_BUSINESS, &out->n_business, err) < 0 ||
        scalar(name, vals, V_NM, 0, DZN_MAX_MEETINGS, &out->n_meetings, err) < 0 ||
        scalar(name, vals, V_NT, 1, DZN_MAX_MEETINGS, &out->n_tables, err) < 0 ||
        scalar(name, vals, V_NS, 1, DZN_MAX_SLOTS, &out->n_slots, err) < 0 ||
        scalar(name, vals, V_NMORN, 0, out->n_slots, &out->n_morning, err) < 0)
        goto out;
    int nm = out->n_meetings, nb = out->n_business;

    struct val *r = &vals[V_REQ];
    if (!r->seen) {
        df_err_set(err, DF_ERR_INPUT, "%s:1: requested is missing", name);
        goto out;
    }
    if (r->kind != 2 || (r->rows > 0 && r->cols != 3)) {
        df_err_set(err, DF_ERR_INPUT, "%s:%d: requested must be a 2-D array of 3 columns",
                   name, r->line);
        goto out;
    }
    if (r->rows != nm) {
        df_err_set(err, DF_ERR_INPUT, "%s:%d: requested has %d rows, nMeetings is %d", name,
                   r->line, r->rows, nm);
        goto out;
    }
    out->meet_a = arena_alloc(a, (size_t)(nm + 1) * sizeof(int));
    out->meet_b = arena_alloc(a, (size_t)(nm + 1) * sizeof(int));
    out->meet_session = arena_alloc(a, (size_t)(nm + 1) * sizeof(int));
    if (!out->meet_a || !out->meet_b || !out->meet_session) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
        goto out;
    }
    for (int m = 0; m < nm; m++) {
        int pa = r->v[3 * m], pb = r->v[3 * m + 1], ss = r->v[3 * m + 2];
        int line = r->vline[3 * m];
        if (pa < 1 || pa > nb || pb < 1 || pb > nb) {
            df_err_set(err, DF_ERR_INPUT,
                       "%s:%d: meeting %d names participant %d, outside 1..nBusiness (%d)", name,
                       line, m + 1, (pa < 1 || pa > nb) ? pa : pb, nb);
            goto out;
        }
        if (pa == pb) {
            df_err_set(err, DF_ERR_INPUT, "%s:%d: meeting %d has participant %d twice", name,
                       line, m + 1, pa);
            goto out;
        }
        if (ss < 1 || ss > 3) {
            df_err_set(err, DF_ERR_INPUT,
                       "%s:%d: meeting %d has session %d (1 morning, 2 afternoon, 3 any)", name,
                       r->vline[3 * m + 2], m + 1, ss);
            goto out;
        }
        out->meet_a[m] = pa;
        out->meet_b[m] = pb;
        out->meet_session[m] = ss;
    }

    if (vals[V_FIXED].seen) {
        if (array_in(name, &vals[V_FIXED], "fixed", nm, false, 0, out->n_slots, a, NULL,
                     &out->fixed, err) < 0)
            goto out;
    } else if (!(out->fixed = arena_alloc(a, (size_t)(nm + 1) * sizeof(int)))) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
        goto out;
    }
    if (vals[V_FORB].seen) {
        if (array_in(name, &vals[V_FORB], "forbidden", nb, true, 0, out->n_slots, a,
                     &out->forbid_off, &out->forbid, err) < 0)
            goto out;
        drop_zeros(nb, out->forbid_off, out->forbid);
    } else {
        out->forbid_off = arena_alloc(a, (size_t)(nb + 1) * sizeof(int));
        out->forbid = arena_alloc(a, sizeof(int));
        if (!out->forbid_off || !out->forbid) {
            df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
            goto out;
        }
    }
    if (vals[V_PREC].seen) {
        if (array_in(name, &vals[V_PREC], "precedences", nm, true, 1, nm, a, &out->prec_off,
                     &out->prec, err) < 0)
            goto out;
        for (int m = 0; m < nm; m++)
            for (int i = out->prec_off[m]; i < out->prec_off[m + 1]; i++)
                if (out->prec[i] == m + 1) {
                    df_err_set(err, DF_ERR_INPUT, "%s:%d: meeting %d must precede itself",
                               name, vals[V_PREC].vline[i], m + 1);
                    goto out;
                }
    } else {
        out->prec_off = arena_alloc(a, (size_t)(nm + 1) * sizeof(int));
        out->prec = arena_alloc(a, sizeof(int));
        if (!out->prec_off || !out->prec) {
            df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", name);
            goto out;
        }
    }
    rc = 0;
out:
    for (int k = 0; k < V_N; k++)
        val_free(&vals[k]);
    val_free(&junk);
    return rc;
}

int dzn_read_file(const char *path, struct arena *a, struct dzn_b2b *out, struct df_err *err)
{
    int rc = -1;
    char *text = NULL;
    FILE *f = file_open_read(path, err);
    if (!f)
        return -1;
    text = malloc(DZN_MAX_BYTES + 1);
    if (!text) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", path);
        goto out;
    }
    size_t n = fread(text, 1, DZN_MAX_BYTES + 1, f);
    if (ferror(f)) {
        df_err_set(err, DF_ERR_RUNTIME, "%s: read error", path);
        goto out;
    }
    if (n > DZN_MAX_BYTES) {
        df_err_set(err, DF_ERR_INPUT, "%s:1: larger than %u bytes", path, DZN_MAX_BYTES);
        goto out;
    }
    rc = dzn_parse(path, text, n, a, out, err);
out:
    free(text);
    fclose(f);
    return rc;
}
