/* dfnc partners and dfnc recommend: partner suggestions for a project idea (one
 * query or a JSON-lines batch) and whom to meet at a forum, as text or JSON. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/match.h"
#include "cli/cli.h"
#include "core/file.h"
#include "store/store.h"

#define TEXT_FILE_MAX (1024 * 1024)
#define LINE_MAX_BYTES (1024 * 1024)

static int parse_top(const char *s, int *top)
{
    long long v;
    if (cli_whole_arg("top", s, 1, 1000, &v) < 0)
        return -1;
    *top = (int)v;
    return 0;
}

static char *read_text_file(const char *path, struct df_err *err)
{
    FILE *f = file_open_read(path, err);
    if (!f)
        return NULL;
    struct buf b = BUF_INIT(TEXT_FILE_MAX);
    char chunk[8192];
    size_t n;
    int bad = 0;
    while (!bad && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        bad = buf_append(&b, chunk, n) < 0;
    fclose(f);
    if (bad) {
        buf_free(&b);
        df_err_set(err, DF_ERR_INPUT, "%s: longer than %d bytes", path, TEXT_FILE_MAX);
        return NULL;
    }
    char *t = buf_take(&b);
    return t ? t : strdup("");
}

/* Prints a JSON array of suggestions as a readable list. */
static void print_hits(json_t *arr)
{
    size_t i;
    json_t *h;
    json_array_foreach(arr, i, h) {
        printf("%2zu. %-14s %.3f  %s (%s%s)\n", i + 1, json_string_value(json_object_get(h, "org")),
               json_real_value(json_object_get(h, "score")),
               json_string_value(json_object_get(h, "name")),
               json_string_value(json_object_get(h, "country")),
               json_is_true(json_object_get(h, "sme")) ? ", SME" : "");
        size_t j;
        json_t *w;
        json_array_foreach(json_object_get(h, "why"), j, w)
            printf("      - %s\n", json_string_value(w));
    }
    if (json_array_size(arr) == 0)
        printf("no suggestions\n");
}

static int print_answer(json_t *arr, int as_json)
{
    if (as_json) {
        json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        putchar('\n');
    } else {
        print_hits(arr);
    }
    return 0;
}

/* One line of the batch: {"id","lead","text"} -> {"id","partners":[...]}. */
static int batch_line(const struct app_match_data *d, const char *line, int top,
                      struct df_err *err)
{
    json_error_t je;
    json_t *in = json_loads(line, JSON_REJECT_DUPLICATES, &je), *out = NULL, *hits = NULL;
    int rc = -1;
    if (!in || !json_is_object(in)) {
        df_err_set(err, DF_ERR_INPUT, "not a JSON object%s%s", in ? "" : ": ",
                   in ? "" : je.text);
        goto out;
    }
    json_t *id = json_object_get(in, "id");
    const char *lead = json_string_value(json_object_get(in, "lead"));
    const char *text = json_string_value(json_object_get(in, "text"));
    if (!id || (!json_is_string(id) && !json_is_integer(id)) || !lead || !text) {
        df_err_set(err, DF_ERR_INPUT, "needs \"id\", \"lead\" and \"text\" (strings)");
        goto out;
    }
    json_t *rj = json_object_get(in, "region"), *sj = json_object_get(in, "sme");
    int region = rj && !json_is_string(rj) && !json_is_null(rj)
                     ? -1
                     : app_region_parse(json_string_value(rj));
    if (region < 0) {
        df_err_set(err, DF_ERR_INPUT, "\"region\" is \"eu\" or \"ua\" when given");
        goto out;
    }
    if (sj && !json_is_boolean(sj) && !json_is_null(sj)) {
        df_err_set(err, DF_ERR_INPUT, "\"sme\" is true or false when given");
        goto out;
    }
    struct app_match_filter filter = {.region = region, .sme_only = json_is_true(sj)};
    hits = app_match_partners_json(d, lead, text, top, &filter, err);
    if (!hits)
        goto out;
    out = json_pack("{sO so}", "id", id, "partners", hits);
    hits = NULL;
    if (!out) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    json_dumpf(out, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    putchar('\n');
    rc = 0;
out:
    json_decref(in);
    json_decref(hits);
    json_decref(out);
    return rc;
}

static int run_batch(const struct app_match_data *d, const char *path, int top)
{
    struct df_err err = {0};
    FILE *f = strcmp(path, "-") == 0 ? stdin : file_open_read(path, &err);
    if (!f) {
        fprintf(stderr, "%s\n", err.msg);
        return 3;
    }
    /* Lines are read into a fixed buffer: a longer one is skipped, not buffered. */
    char *line = malloc(LINE_MAX_BYTES + 2);
    if (!line) {
        fprintf(stderr, "dfnc: out of memory\n");
        if (f != stdin)
            fclose(f);
        return 1;
    }
    int lineno = 0, bad = 0;
    while (fgets(line, LINE_MAX_BYTES + 2, f)) {
        lineno++;
        size_t len = strlen(line);
        struct df_err err = {0};
        if (len == LINE_MAX_BYTES + 1 && line[len - 1] != '\n') {
            int c;
            while ((c = getc(f)) != EOF && c != '\n')
                ;
            df_err_set(&err, DF_ERR_INPUT, "line longer than %d bytes", LINE_MAX_BYTES);
        } else {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            if (len == 0 || batch_line(d, line, top, &err) == 0)
                continue;
        }
        fprintf(stderr, "%s:%d: %s\n", path, lineno, err.msg);
        bad++;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    fflush(stdout);
    return bad ? 3 : 0;
}

/* --lang: the reasons' page language (app_match_filter); -1 for another. */
static int parse_lang(const char *s, struct app_match_filter *f)
{
    f->in_english = strcmp(s, "en") == 0;
    f->in_ukrainian = strcmp(s, "uk") == 0;
    if (f->in_english || f->in_ukrainian)
        return 0;
    fprintf(stderr, "dfnc: --lang is en or uk\n");
    return -1;
}

int cli_cmd_partners(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *lead = NULL, *text = NULL, *text_file = NULL, *queries = NULL;
    int top = 20, as_json = 0, region = APP_REGION_ANY;
    bool sme_only = false;
    struct app_match_filter page = {0};
    static const struct option opts[] = {
        {"lead", required_argument, NULL, 'l'}, {"text", required_argument, NULL, 't'},
        {"region", required_argument, NULL, 'r'}, {"sme", no_argument, NULL, 's'},
        {"lang", required_argument, NULL, 'g'},
        {"text-file", required_argument, NULL, 'f'}, {"queries", required_argument, NULL, 'q'},
        {"top", required_argument, NULL, 'k'}, {"json", no_argument, NULL, 'j'},
        {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        switch (c) {
        case 'l': lead = optarg; break;
        case 't': text = optarg; break;
        case 'f': text_file = optarg; break;
        case 'q': queries = optarg; break;
        case 'j': as_json = 1; break;
        case 's': sme_only = true; break;
        case 'g':
            if (parse_lang(optarg, &page) < 0)
                return cli_usage("partners");
            break;
        case 'r':
            if ((region = app_region_parse(optarg)) <= APP_REGION_ANY) {
                fprintf(stderr, "dfnc: --region is eu (EU and EEA) or ua\n");
                return cli_usage("partners");
            }
            break;
        case 'k':
            if (parse_top(optarg, &top) < 0)
                return cli_usage("partners");
            break;
        default: return cli_usage("partners");
        }
    }
    bool paged = page.in_english || page.in_ukrainian;   /* (not a batch's) */
    if (optind != argc || (queries && (lead || text || text_file || region || sme_only || paged)) ||
        (!queries && (!lead || !!text == !!text_file)))
        return cli_usage("partners");

    struct df_err err = {0};
    struct store *s = NULL;
    struct app_match_data d = {0};
    char *owned = NULL;
    json_t *hits = NULL;
    int code;
    if (text_file && !(text = owned = read_text_file(text_file, &err))) {
        code = cli_fail_input(&err, NULL);
        goto out;
    }
    if (store_open(&s, ctx->db_path, &err) < 0 || app_match_load(s, NULL, &d, &err) < 0) {
        code = cli_fail(&err);
        goto out;
    }
    if (queries) {
        code = run_batch(&d, queries, top);
        goto out;
    }
    struct app_match_filter filter = {.region = region, .sme_only = sme_only,
                                      .in_ukrainian = page.in_ukrainian,
                                      .in_english = page.in_english};
    hits = app_match_partners_json(&d, lead, text, top, &filter, &err);
    code = hits ? print_answer(hits, as_json) : cli_fail(&err);
out:
    json_decref(hits);
    free(owned);
    app_match_data_free(&d);
    store_close(s);
    return code;
}

int cli_cmd_recommend(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *who = NULL, *event = NULL;
    int top = 20, as_json = 0, region = APP_REGION_ANY;
    bool sme_only = false;
    struct app_match_filter filter = {0};
    static const struct option opts[] = {
        {"event", required_argument, NULL, 'e'}, {"top", required_argument, NULL, 'k'},
        {"region", required_argument, NULL, 'r'}, {"sme", no_argument, NULL, 's'},
        {"lang", required_argument, NULL, 'g'},
        {"json", no_argument, NULL, 'j'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (;;) {
        int c = cli_getopt(argc, argv, "+", opts, &seen);
        if (c == -1) {
            if (optind >= argc)
                break;
            if (who)
                return cli_usage("recommend");
            who = argv[optind++];   /* the one positional argument, anywhere */
            continue;
        }
        if (c == 'e')
            event = optarg;
        else if (c == 'j')
            as_json = 1;
        else if (c == 's')
            sme_only = true;
        else if (c == 'k' && parse_top(optarg, &top) == 0)
            continue;
        else if (c == 'g' && parse_lang(optarg, &filter) == 0)
            continue;
        else if (c == 'r' && (region = app_region_parse(optarg)) > APP_REGION_ANY)
            continue;
        else {
            if (c == 'r')
                fprintf(stderr, "dfnc: --region is eu (EU and EEA) or ua\n");
            return cli_usage("recommend");
        }
    }
    if (!who)
        return cli_usage("recommend");
    filter.region = region;
    filter.sme_only = sme_only;
    struct df_err err = {0};
    struct store *s = NULL;
    struct buf out = BUF_INIT(0);
    json_t *arr = NULL;
    int code = 0;
    if (store_open(&s, ctx->db_path, &err) < 0 ||
        app_recommend(s, who, event, top, &filter, &out, &err) < 0) {
        code = cli_fail(&err);
        goto done;
    }
    arr = json_loads(buf_str(&out), 0, NULL);
    code = arr ? print_answer(arr, as_json) : 1;
done:
    json_decref(arr);
    buf_free(&out);
    store_close(s);
    return code;
}
