/* dfnc publish: an event's agendas published, as the scheduler page's
 * Publish does (app_event_publish), for an organiser who runs the forum
 * from the command line: schedule, publish, then agendas and badges. */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "app/event.h"
#include "app/forum_day.h"
#include "cli/cli.h"
#include "store/mail.h"

int cli_cmd_publish(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"event", required_argument, NULL, 'e'}, {0, 0, 0, 0}};
    const char *event = NULL;
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'e')
            event = optarg;
        else
            return cli_usage("publish");
    }
    if (optind != argc)
        return cli_usage("publish");
    struct df_err err = {0};
    struct store *s = NULL;
    struct arena a;
    arena_init(&a, 0);
    const char *url = NULL;
    int mail_on = 0;
    int rc = store_open(&s, ctx->db_path, &err);
    if (rc == 0 && !event && !(event = app_forum_event(s, (long long)time(NULL), &a, &err)))
        rc = -1;
    if (rc == 0 && event && app_event_known_check(s, event, &err) < 0)
        rc = -1;
    if (rc == 0)
        rc = app_event_publish(s, "cli", event, &a, &err);
    if (rc == 0 && (mail_on = store_mail_config_get(s, &a, &url, &err)) < 0)
        rc = -1;
    store_close(s);
    if (rc < 0) {
        arena_free(&a);
        return cli_fail(&err);
    }
    printf("published the agendas of %s: its meetings are confirmed where they are, and "
           "each placed from now on is published as it is placed\n", event);
    if (mail_on)
        printf("each person with meetings there is mailed their list (queued for dfnc mail "
               "send, or a server with --smtp)\n");
    arena_free(&a);
    return 0;
}
