/* dfnc agenda PERSON [--format text|json|ics] */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/agenda.h"
#include "app/forum_day.h"
#include "cli/cli.h"

int cli_cmd_agenda(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *format = "text";
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "", opts, &seen)) != -1;) {
        if (c == 'f' && (!strcmp(optarg, "text") || !strcmp(optarg, "json") || !strcmp(optarg, "ics")))
            format = optarg;
        else
            return cli_usage("agenda");
    }
    if (optind != argc - 1)
        return cli_usage("agenda");
    const char *person = argv[optind];
    struct df_err err = {0};
    struct store *s = NULL;
    struct buf out = BUF_INIT(0);
    struct arena a;
    arena_init(&a, 0);
    int rc = store_open(&s, ctx->db_path, &err);
    /* the calendar holds the forum's programme, as the feed does */
    const char *forum = NULL;
    if (rc == 0 && !strcmp(format, "ics") &&
        !(forum = app_forum_event(s, (long long)time(NULL), &a, &err)) &&
        err.kind != DF_ERR_NOT_FOUND)
        rc = -1;
    if (rc == 0)
        rc = !strcmp(format, "json") ? app_agenda_json(s, person, &out, &err)
             : !strcmp(format, "ics") ? app_agenda_ics(s, person, forum, true, &out, &err)
                                      : app_agenda_text(s, person, &out, &err);
    store_close(s);
    arena_free(&a);
    if (rc < 0) {
        buf_free(&out);
        return cli_fail(&err);
    }
    fputs(buf_str(&out), stdout);
    if (!strcmp(format, "json"))
        putchar('\n');
    buf_free(&out);
    return 0;
}
