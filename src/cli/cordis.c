/* dfnc import cordis --projects F --participations F: CORDIS track records. */
#include <getopt.h>
#include <stdio.h>

#include "app/cordis.h"
#include "cli/cli.h"
#include "store/store.h"

int cli_import_cordis(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *projects = NULL, *parts = NULL;
    static const struct option opts[] = {{"projects", required_argument, NULL, 'p'},
                                         {"participations", required_argument, NULL, 'a'},
                                         {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'p')
            projects = optarg;
        else if (c == 'a')
            parts = optarg;
        else
            return cli_usage("import");
    }
    if (optind != argc || !projects || !parts)
        return cli_usage("import");
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_cordis_result res = {0};
    if (store_open(&s, ctx->db_path, &err) < 0 ||
        app_import_cordis(s, projects, parts, &res, &err) < 0) {
        store_close(s);
        return cli_fail_input(&err, &res.problems);
    }
    store_close(s);
    printf("cordis: %d projects, %d participations, %d organisations added\n", res.projects,
           res.participations, res.organisations_added);
    if (res.websites_left_out)
        printf("cordis: %d organisationUrl value%s left out: not a web address the UI may link, "
               "even as http://HOST\n", res.websites_left_out,
               res.websites_left_out == 1 ? "" : "s");
    return 0;
}
