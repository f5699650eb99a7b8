/* dfnc applications: whether the forum takes applications on its site, and
 * those sent (app/applications.h); deciding them is the console's, where
 * the approved person's link is shown. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "app/applications.h"
#include "cli/cli.h"

#define LIST_MAX 100000   /* rows a list prints: far past the pending cap */

static int print_row(void *ud, const struct store_application *ap)
{
    (void)ud;
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", ap->id, ap->created_at, ap->status, ap->name, ap->email,
           ap->org_name ? ap->org_name : ap->org);
    return 0;
}

static int applications_list(struct store *s, int argc, char **argv, struct df_err *err)
{
    static const struct option opts[] = {{"status", required_argument, NULL, 's'}, {0, 0, 0, 0}};
    static const char *const statuses[] = {"pending", "approved", "declined", "all"};
    const char *status = "pending";
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c != 's')
            return 2;
        status = optarg;
    }
    bool known = false;
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        known = known || strcmp(status, statuses[i]) == 0;
    if (optind != argc || !known)
        return 2;
    int open = store_applications_open_get(s, err);
    int64_t total = 0;
    if (open < 0)
        return -1;
    printf("applications: %s\n", open ? "open" : "closed");
    return store_application_page(s, strcmp(status, "all") == 0 ? NULL : status, LIST_MAX, 0,
                                   print_row, NULL, &total, err) == 0 ? 0 : -1;
}

int cli_cmd_applications(struct cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage("applications");
    bool list = strcmp(argv[1], "list") == 0;
    bool open = strcmp(argv[1], "open") == 0;
    if (!list && !open && strcmp(argv[1], "close") != 0)
        return cli_usage("applications");
    if (!list && argc != 2)
        return cli_usage("applications");
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    int rc = list ? applications_list(s, argc - 1, argv + 1, &err)
                  : app_applications_open_set(s, "cli", open, &err);
    store_close(s);
    if (rc == 2)
        return cli_usage("applications");
    if (rc < 0)
        return cli_fail(&err);
    if (!list)
        printf("applications: %s\n", open ? "open" : "closed");
    return 0;
}
