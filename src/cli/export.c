/* dfnc export KIND FILE|- [--format csv|json] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app/export.h"
#include "cli/cli.h"

int cli_cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
    enum app_export_format format = APP_EXPORT_CSV;
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'}, {0, 0, 0, 0}};
    optind = 0;
    for (int c; (c = getopt_long(argc, argv, "+", opts, NULL)) != -1;) {
        if (c == 'f' && strcmp(optarg, "csv") == 0)
            format = APP_EXPORT_CSV;
        else if (c == 'f' && strcmp(optarg, "json") == 0)
            format = APP_EXPORT_JSON;
        else
            return cli_usage("export");
    }
    /* options may also follow the operands: dfnc export people - --format csv */
    char *operands[2];
    int n = 0;
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            if (strcmp(argv[i + 1], "csv") == 0)
                format = APP_EXPORT_CSV;
            else if (strcmp(argv[i + 1], "json") == 0)
                format = APP_EXPORT_JSON;
            else
                return cli_usage("export");
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
    if (strcmp(kind, "organisations") && strcmp(kind, "people") && strcmp(kind, "events") &&
        strcmp(kind, "meetings")) {
        fprintf(stderr, "dfnc: cannot export \"%s\"\n", kind);
        return cli_usage("export");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    FILE *out = strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (!out) {
        store_close(s);
        df_err_set(&err, DF_ERR_RUNTIME, "cannot write %s: %m", path);
        return cli_fail(&err);
    }
    int rows = 0;
    int rc = app_export(s, kind, format, out, &rows, &err);
    store_close(s);
    if (out != stdout && fclose(out) != 0 && rc == 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "cannot write %s: %m", path);
    if (rc < 0)
        return cli_fail(&err);
    if (out != stdout)
        fprintf(stderr, "%s: %d %s\n", path, rows, kind);
    return 0;
}
