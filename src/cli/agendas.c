/* dfnc agendas: participants' agendas on paper (app/agenda_pdf.h) as one
 * PDF, each person's from a page of its own, for the desk to hand out. */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "app/agenda_pdf.h"
#include "cli/cli.h"
#include "cli/pdf_out.h"

int cli_cmd_agendas(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"event", required_argument, NULL, 'e'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"skip-empty", no_argument, NULL, 's'},
                                         {0, 0, 0, 0}};
    const char *event = NULL, *path = NULL;
    bool skip_empty = false;
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'e')
            event = optarg;
        else if (c == 'o')
            path = optarg;
        else if (c == 's')
            skip_empty = true;
        else
            return cli_usage("agendas");
    }
    struct cli_pdf_out o;
    int usage = cli_pdf_out_check(&o, "agendas", path);
    if (usage)
        return usage;
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_agendas_count count = {0};
    int rc = store_open(&s, ctx->db_path, &err);
    FILE *out = rc < 0 ? NULL : cli_pdf_out_open(&o, &err);
    if (out) {
        rc = app_agendas_pdf(s, event, (const char *const *)argv + optind, (size_t)(argc - optind),
                             skip_empty, (long long)time(NULL), out, &count, &err);
        rc = cli_pdf_out_close(&o, rc, "agendas", &err);
    } else {
        rc = -1;
    }
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    size_t pages = count.pages ? count.pages : 1;   /* no agenda: one blank page */
    if (!o.to_stdout) {
        fprintf(stderr, "%s: %zu agenda%s on %zu page%s", path, count.agendas,
                count.agendas == 1 ? "" : "s", pages, pages == 1 ? "" : "s");
        if (skip_empty)
            fprintf(stderr, "; %zu %s no meeting, left out", count.skipped,
                    count.skipped == 1 ? "person with" : "people with");
        fputc('\n', stderr);
    }
    return 0;
}
