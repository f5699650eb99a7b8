/* dfnc export KIND FILE|- [--format csv|json|xlsx]; dfnc export follow-up FILE|-
 * [--event ID] [--format ...]; dfnc export glossary FILE|- */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/export.h"
#include "app/follow_up.h"
#include "app/glossary.h"
#include "cli/cli.h"
#include "core/file.h"

/* The organiser's glossary, in its import format (tab-separated, not CSV). */
static int export_glossary(struct cli_ctx *ctx, const char *path)
{
    struct df_err err = {0};
    struct store *s = NULL;
    struct buf b = BUF_INIT(0);
    int pairs = 0;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    int rc = app_export_glossary(s, &b, &pairs, &err);
    /* and whether partner questions read it all: after an upgrade some lines
     * may no longer fit beside dfnc's own (a status that cannot be read is
     * no reason to withhold the export) */
    struct app_glossary_status st;
    struct df_err status_err = {0};
    bool left_out = rc == 0 && app_glossary_status(s, &st, &status_err) == 0 && st.left_out.n > 0;
    store_close(s);
    struct file_replace w = {0};
    FILE *out = rc < 0 ? NULL : strcmp(path, "-") == 0 ? stdout : file_replace_open(&w, path, &err);
    if (rc == 0 && !out)
        rc = -1;
    if (out && fwrite(buf_str(&b), 1, b.len, out) != b.len && rc == 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "%s: cannot write: %m", path);
    if (out && out != stdout) {
        if (rc == 0)
            rc = file_replace_commit(&w, &err);
        else
            file_replace_abort(&w);
    }
    buf_free(&b);
    if (rc < 0)
        return cli_fail(&err);
    if (out != stdout)
        fprintf(stderr, "%s: %d glossary pairs\n", path, pairs);
    if (left_out) {
        fprintf(stderr,
                "dfnc: partner questions leave %d of these %d lines out (correct them and "
                "import the glossary again):\n",
                st.left_out.n, st.pairs);
        for (int i = 0; i < st.left_out.named; i++)
            fprintf(stderr, "%s\n", st.left_out.msg[i]);
        if (st.left_out.n > st.left_out.named)
            fprintf(stderr, "... and %d more\n", st.left_out.n - st.left_out.named);
    }
    return 0;
}

/* --format's value into *format; a usage error naming it otherwise. */
static int parse_format(const char *v, enum app_export_format *format)
{
    if (strcmp(v, "csv") == 0)
        *format = APP_EXPORT_CSV;
    else if (strcmp(v, "json") == 0)
        *format = APP_EXPORT_JSON;
    else if (strcmp(v, "xlsx") == 0)
        *format = APP_EXPORT_XLSX;
    else {
        fprintf(stderr, "dfnc: --format is csv, json or xlsx, not \"%s\"\n", v);
        return -1;
    }
    return 0;
}

/* The table KIND names, or the follow-up list of event (NULL: the first). */
static int export_kind(struct store *s, const char *kind, const char *event,
                       enum app_export_format format, FILE *out, int *rows, struct df_err *err)
{
    if (strcmp(kind, "follow-up") == 0)
        return app_follow_up_write(s, event, format, out, rows, err);
    return app_export(s, kind, format, out, rows, err);
}

int cli_cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
    enum app_export_format format = APP_EXPORT_CSV;
    bool format_given = false;
    const char *event = NULL;
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"event", required_argument, NULL, 'e'},
                                         {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'e') {
            event = optarg;
            continue;
        }
        if (c != 'f' || parse_format(optarg, &format) < 0)
            return cli_usage("export");
        format_given = true;
    }
    /* options may also follow the operands: dfnc export people - --format csv */
    char *operands[2];
    int n = 0;
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "--event") == 0 && i + 1 < argc) {
            if (event) {   /* as cli_getopt refuses it before the operands */
                fprintf(stderr, "dfnc: --event given twice: it takes one value\n");
                return cli_usage("export");
            }
            event = argv[++i];
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (format_given) {   /* as cli_getopt refuses it before the operands */
                fprintf(stderr, "dfnc: --format given twice: it takes one value\n");
                return cli_usage("export");
            }
            if (parse_format(argv[i + 1], &format) < 0)
                return cli_usage("export");
            format_given = true;
            i++;
        } else if (n < 2) {
            operands[n++] = argv[i];
        } else {
            return cli_usage("export");
        }
    }
    if (n != 2)
        return cli_usage("export");
    const char *kind = operands[0], *path = operands[1];
    bool follow_up = strcmp(kind, "follow-up") == 0;
    if (event && !follow_up) {
        fprintf(stderr, "dfnc: --event is for the follow-up list; \"%s\" holds every event's\n",
                kind);
        return 2;
    }
    if (strcmp(kind, "glossary") == 0 && format_given) {
        fprintf(stderr, "dfnc: the glossary is exported in its import format (tab-separated); "
                        "--format does not apply\n");
        return 2;
    }
    if (strcmp(kind, "glossary") == 0)
        return export_glossary(ctx, path);
    if (!app_export_kind_known(kind) && !follow_up) {
        fprintf(stderr, "dfnc: cannot export \"%s\"\n", kind);
        return cli_usage("export");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    /* a file is replaced whole once the export is: a failure midway (a full
     * disk, a database error) leaves it as it was, never cut short */
    struct file_replace w = {0};
    FILE *out = strcmp(path, "-") == 0 ? stdout : file_replace_open(&w, path, &err);
    if (!out) {
        store_close(s);
        return cli_fail(&err);
    }
    int rows = 0;
    int rc = export_kind(s, kind, event, format, out, &rows, &err);
    store_close(s);
    if (out != stdout) {
        if (rc == 0) {
            rc = file_replace_commit(&w, &err);
        } else {
            file_replace_abort(&w);
            char msg[sizeof err.msg];
            snprintf(msg, sizeof msg, "%s", err.msg);
            df_err_set(&err, err.kind, "%s (%s is as it was)", msg, path);
        }
    }
    if (rc < 0)
        return cli_fail(&err);
    if (out != stdout)
        fprintf(stderr, "%s: %d %s\n", path, rows, follow_up ? "people to follow up" : kind);
    return 0;
}
