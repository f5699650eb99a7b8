/* The partner engine's glossary, dfnc's and the organiser's (glossary.h). */
#include "app/glossary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/utf8.h"
#include "store/glossary.h"

extern const char app_match_glossary_tsv[];   /* data/glossary_en_uk.tsv, compiled in */

/* A glossary being gathered: the engine's arrays, grown in the arena. */
struct gathered {
    struct arena *a;
    const char **en, **uk, **source;
    bool *drop;
    int *line;
    int n, cap;
};

static int gather(struct gathered *g, const char *source, int line, const char *en,
                  const char *uk, bool drop)
{
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 512;
        const char **e = arena_alloc(g->a, (size_t)cap * sizeof *e);
        const char **u = arena_alloc(g->a, (size_t)cap * sizeof *u);
        const char **s = arena_alloc(g->a, (size_t)cap * sizeof *s);
        bool *d = arena_alloc(g->a, (size_t)cap * sizeof *d);
        int *l = arena_alloc(g->a, (size_t)cap * sizeof *l);
        if (!e || !u || !s || !d || !l)
            return -1;
        if (g->n) {
            memcpy(e, g->en, (size_t)g->n * sizeof *e);
            memcpy(u, g->uk, (size_t)g->n * sizeof *u);
            memcpy(s, g->source, (size_t)g->n * sizeof *s);
            memcpy(d, g->drop, (size_t)g->n * sizeof *d);
            memcpy(l, g->line, (size_t)g->n * sizeof *l);
        }
        g->en = e, g->uk = u, g->source = s, g->drop = d, g->line = l, g->cap = cap;
    }
    g->en[g->n] = arena_strdup(g->a, en);
    g->uk[g->n] = arena_strdup(g->a, uk);
    if (!g->en[g->n] || !g->uk[g->n])
        return -1;
    g->source[g->n] = source;
    g->drop[g->n] = drop;
    g->line[g->n++] = line;
    return 0;
}

/* A word's character refused (utf8_text_check's code) said by the
 * glossary's own code: its "col" ("the English word") is English that a
 * Ukrainian page would show as it is, and the line names the word. */
static void word_recode(struct df_err *why)
{
    char cp[sizeof why->value[0]] = "";
    for (int i = 0; i < why->values_n; i++)
        if (strcmp(why->name[i], "cp") == 0)
            memcpy(cp, why->value[i], sizeof cp);
    df_err_code(why, strcmp(why->code, "bidi_control") == 0 ? "word_bidi" : "word_control", "cp",
                cp, NULL);
}

/* Reads the glossary text (NUL-terminated, modified in place) into g. A
 * line of the wrong form is an error, or, where pr is given, counted there
 * and skipped. */
static int parse(char *text, const char *source, struct gathered *g,
                 struct df_problems *pr, struct df_err *err)
{
    int line = 0;
    struct df_err why = {0};
    for (char *next, *l = text; l; l = next) {
        line++;
        next = strchr(l, '\n');
        if (next)
            *next++ = '\0';
        size_t len = strlen(l);
        if (len > 0 && l[len - 1] == '\r')
            l[--len] = '\0';
        if (*l == '\0' || *l == '#')
            continue;
        char *tab = strchr(l, '\t');
        char *third = tab ? strchr(tab + 1, '\t') : NULL;
        if (third)
            *third++ = '\0';
        if (tab)
            *tab = '\0';
        if (!tab || tab == l || tab[1] == '\0' || (third && strcmp(third, "not") != 0)) {
            df_err_set(&why, DF_ERR_INPUT,
                       "%s:%d: expected an English word, a tab, a Ukrainian word "
                       "(then a tab and \"not\" if they do not translate each other)",
                       source, line);
            df_err_code(&why, "glossary_line", NULL);
        } else if (strlen(l) > APP_GLOSSARY_WORD_MAX || strlen(tab + 1) > APP_GLOSSARY_WORD_MAX) {
            df_err_set(&why, DF_ERR_INPUT, "%s:%d: a word is longer than %d bytes", source, line,
                       APP_GLOSSARY_WORD_MAX);
            df_err_code(&why, "word_long", "max", DF_NUM(APP_GLOSSARY_WORD_MAX), NULL);
        } else if (utf8_text_check("the English word", l, &why) < 0 ||
                   utf8_text_check("the Ukrainian word", tab + 1, &why) < 0) {
            df_err_prefix(&why, "%s:%d", source, line);
            word_recode(&why);
        } else if (gather(g, source, line, l, tab + 1, third != NULL) < 0) {
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", source);
        } else {
            continue;
        }
        if (!pr) {
            *err = why;
            return -1;
        }
        df_problems_add_coded(pr, line, why.msg, &why);
    }
    return 0;
}

static void finish(const struct gathered *g, struct match_glossary *out)
{
    *out = (struct match_glossary){.en = g->en, .uk = g->uk, .drop = g->drop,
                                   .source = g->source, .line = g->line, .n = g->n};
}

static int parse_shipped(struct gathered *g, struct df_err *err)
{
    char *text = arena_strdup(g->a, app_match_glossary_tsv);
    if (!text)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the glossary");
    return parse(text, APP_GLOSSARY_SHIPPED, g, NULL, err);
}

int app_glossary_shipped(struct arena *a, struct match_glossary *out, struct df_err *err)
{
    struct gathered g = {.a = a};
    *out = (struct match_glossary){0};
    if (parse_shipped(&g, err) < 0)
        return -1;
    finish(&g, out);
    return 0;
}


static int on_stored(void *ud, const struct store_glossary_line *l)
{
    return gather(ud, APP_GLOSSARY_ORGANISERS, l->line, l->en, l->uk, l->negated) < 0;
}

/* Takes pair i out of g. */
static void take_out(struct gathered *g, int i)
{
    size_t rest = (size_t)(g->n - i - 1);
    memmove(g->en + i, g->en + i + 1, rest * sizeof *g->en);
    memmove(g->uk + i, g->uk + i + 1, rest * sizeof *g->uk);
    memmove(g->source + i, g->source + i + 1, rest * sizeof *g->source);
    memmove(g->drop + i, g->drop + i + 1, rest * sizeof *g->drop);
    memmove(g->line + i, g->line + i + 1, rest * sizeof *g->line);
    g->n--;
}

/* Moves pair from to place to of g (to <= from). */
static void move_pair(struct gathered *g, int from, int to)
{
    g->en[to] = g->en[from];
    g->uk[to] = g->uk[from];
    g->source[to] = g->source[from];
    g->drop[to] = g->drop[from];
    g->line[to] = g->line[from];
}

/* Leaves out of g the organiser's lines (from pair first on) that do not fit
 * beside dfnc's and the organiser's earlier ones, counting them in pr. The
 * whole is checked once, which is all it takes when every line fits; else
 * each line alone (one word a side, not itself), in one sweep, then the
 * whole again (a word's translations), a line at a time. -1 with err when
 * what fails is no organiser's line (out of memory, or dfnc's own glossary:
 * a build defect). */
static int fit(struct gathered *g, int first, struct df_problems *pr, struct df_err *err)
{
    struct match_glossary all;
    struct df_err why = {0};
    int pair;
    finish(g, &all);
    if (match_glossary_check(&all, &pair, &why) == 0)
        return 0;
    int kept = first;
    for (int i = first; i < g->n && why.kind == DF_ERR_INPUT; i++) {
        struct match_glossary one = {.en = g->en + i, .uk = g->uk + i, .drop = g->drop + i,
                                     .source = g->source + i, .line = g->line + i, .n = 1};
        if (match_glossary_check(&one, &pair, &why) == 0)
            move_pair(g, i, kept++);
        else if (why.kind == DF_ERR_INPUT)
            df_problems_add_coded(pr, g->line[i], why.msg, &why);
    }
    if (why.kind != DF_ERR_INPUT) {
        *err = why;
        return -1;
    }
    g->n = kept;
    for (;;) {
        finish(g, &all);
        if (match_glossary_check(&all, &pair, &why) == 0)
            return 0;
        if (why.kind != DF_ERR_INPUT || pair < first) {
            *err = why;
            return -1;
        }
        df_problems_add_coded(pr, g->line[pair], why.msg, &why);
        take_out(g, pair);
    }
}

int app_glossary_load(struct store *s, struct arena *a, struct match_glossary *out,
                      struct app_glossary_status *st, struct df_err *err)
{
    struct gathered g = {.a = a};
    struct app_glossary_status ignored;
    if (!st)
        st = &ignored;
    *st = (struct app_glossary_status){0};
    *out = (struct match_glossary){0};
    if (parse_shipped(&g, err) < 0)
        return -1;
    int shipped = g.n;
    int rc = store_glossary_each(s, on_stored, &g, err);
    if (rc > 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the glossary");
    if (rc < 0)
        return -1;
    st->pairs = g.n - shipped;
    for (int i = shipped; i < g.n; i++)
        st->nots += g.drop[i];
    if (fit(&g, shipped, &st->left_out, err) < 0)
        return -1;
    finish(&g, out);
    return 0;
}

/* The file at path, whole, NUL-terminated, in a; refused over the limit. */
static char *read_file(struct arena *a, const char *path, struct df_err *err)
{
    FILE *f = file_open_read(path, err);
    if (!f)
        return NULL;
    char *text = arena_alloc(a, APP_GLOSSARY_FILE_MAX + 2);
    size_t n = text ? fread(text, 1, APP_GLOSSARY_FILE_MAX + 1, f) : 0;
    bool failed = ferror(f);
    fclose(f);
    if (!text) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", path);
        return NULL;
    }
    if (failed) {
        df_err_set(err, DF_ERR_INPUT, "%s: cannot read it", path);
        return NULL;
    }
    if (n > APP_GLOSSARY_FILE_MAX) {
        df_err_set(err, DF_ERR_INPUT, "%s: over the limit of %d bytes", path,
                   APP_GLOSSARY_FILE_MAX);
        df_err_code(err, "file_long", "max", DF_NUM(APP_GLOSSARY_FILE_MAX), NULL);
        return NULL;
    }
    if (memchr(text, '\0', n)) {
        df_err_set(err, DF_ERR_INPUT, "%s: a NUL byte: not a text file", path);
        df_err_code(err, "not_text", NULL);
        return NULL;
    }
    text[n] = '\0';
    return text;
}

int app_import_glossary(struct store *s, const char *path, struct app_glossary_result *r,
                        struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct gathered g = {.a = &a};
    struct store_glossary_line *lines = NULL;
    int rc = -1;
    *r = (struct app_glossary_result){0};
    char *text = read_file(&a, path, err);
    if (!text || parse_shipped(&g, err) < 0)
        goto out;
    int shipped = g.n;
    /* every line of the file, as the engine will read it: after dfnc's own */
    if (parse(text, path, &g, &r->problems, err) < 0 || fit(&g, shipped, &r->problems, err) < 0)
        goto out;
    if (r->problems.n > 0) {
        df_err_set(err, DF_ERR_INPUT, "%s", r->problems.msg[0]);
        goto out;
    }
    int n = g.n - shipped;
    lines = calloc((size_t)n + 1, sizeof *lines);
    if (!lines) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading %s", path);
        goto out;
    }
    for (int i = 0; i < n; i++) {
        int k = shipped + i;
        lines[i] = (struct store_glossary_line){g.line[k], g.en[k], g.uk[k], g.drop[k]};
        r->nots += g.drop[k];
    }
    if (store_glossary_replace(s, lines, n, err) < 0)
        goto out;
    r->pairs = n;
    rc = 0;
out:
    free(lines);
    arena_free(&a);
    return rc;
}

int app_glossary_status(struct store *s, struct app_glossary_status *st, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct match_glossary g;
    int rc = app_glossary_load(s, &a, &g, st, err);
    arena_free(&a);
    return rc;
}

struct export_ctx {
    struct buf *out;
    int pairs;
};

static int export_line(void *ud, const struct store_glossary_line *l)
{
    struct export_ctx *c = ud;
    c->pairs++;
    return buf_printf(c->out, "%s\t%s%s\n", l->en, l->uk, l->negated ? "\tnot" : "") < 0;
}

int app_export_glossary(struct store *s, struct buf *out, int *pairs, struct df_err *err)
{
    struct export_ctx c = {out, 0};
    if (buf_puts(out, "# the organiser's glossary, read after dfnc's own "
                      "(" APP_GLOSSARY_SHIPPED "): English TAB Ukrainian [TAB not]\n") < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory writing the glossary");
    int rc = store_glossary_each(s, export_line, &c, err);
    if (rc > 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory writing the glossary");
    if (rc < 0)
        return -1;
    *pairs = c.pairs;
    return 0;
}
