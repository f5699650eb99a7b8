/* dfnc badges: the name badges of the forum's people (app/badges.h) as a
 * PDF, four A6 badges to an A4 page, for the desk to print and cut. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/badges.h"
#include "cli/cli.h"
#include "core/file.h"

int cli_cmd_badges(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"event", required_argument, NULL, 'e'},
                                         {"output", required_argument, NULL, 'o'},
                                         {0, 0, 0, 0}};
    const char *event = NULL, *path = NULL;
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'e')
            event = optarg;
        else if (c == 'o')
            path = optarg;
        else
            return cli_usage("badges");
    }
    if (!path || !*path) {
        fprintf(stderr, "dfnc: --output needs a file name, or - for standard output\n");
        return cli_usage("badges");
    }
    bool to_stdout = strcmp(path, "-") == 0;
    if (to_stdout && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "dfnc: a PDF is not for a terminal: --output FILE, or pipe it\n");
        return cli_usage("badges");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    size_t count = 0;
    int rc = store_open(&s, ctx->db_path, &err);
    /* a file is replaced whole once the badges are drawn, never cut short;
     * they are written as each page is drawn, never held whole */
    struct file_replace w = {0};
    FILE *out = rc < 0 ? NULL : to_stdout ? stdout : file_replace_open(&w, path, &err);
    if (out) {
        rc = app_badges_pdf(s, event, (const char *const *)argv + optind, (size_t)(argc - optind),
                            (long long)time(NULL), out, &count, &err);
        if (out != stdout)
            rc = rc == 0 ? file_replace_commit(&w, &err) : (file_replace_abort(&w), -1);
        else if (fflush(stdout) != 0 && rc == 0)
            rc = df_err_set(&err, DF_ERR_RUNTIME, "writing the badges to standard output failed");
    } else {
        rc = -1;
    }
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    size_t pages = count ? (count + 3) / 4 : 1;   /* no one: one blank page */
    if (!to_stdout)
        fprintf(stderr, "%s: %zu badge%s on %zu page%s\n", path, count, count == 1 ? "" : "s",
                pages, pages == 1 ? "" : "s");
    return 0;
}
