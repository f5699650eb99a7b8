/* dfnc badges: the name badges of the forum's people (app/badges.h) as a
 * PDF, four A6 badges to an A4 page, for the desk to print and cut. */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "app/badges.h"
#include "cli/cli.h"
#include "cli/pdf_out.h"

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
    struct cli_pdf_out o;
    int usage = cli_pdf_out_check(&o, "badges", path);
    if (usage)
        return usage;
    struct df_err err = {0};
    struct store *s = NULL;
    size_t count = 0;
    int rc = store_open(&s, ctx->db_path, &err);
    /* written as each page is drawn, never held whole */
    FILE *out = rc < 0 ? NULL : cli_pdf_out_open(&o, &err);
    if (out) {
        rc = app_badges_pdf(s, event, (const char *const *)argv + optind, (size_t)(argc - optind),
                            (long long)time(NULL), out, &count, &err);
        rc = cli_pdf_out_close(&o, rc, "badges", &err);
    } else {
        rc = -1;
    }
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    size_t pages = count ? (count + 3) / 4 : 1;   /* no one: one blank page */
    if (!o.to_stdout)
        fprintf(stderr, "%s: %zu badge%s on %zu page%s\n", path, count, count == 1 ? "" : "s",
                pages, pages == 1 ? "" : "s");
    return 0;
}
