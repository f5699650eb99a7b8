/* dfnc mail: whether the forum sends mail, sending what is due (for cron
 * and tests), the outbox's figures, the organisers' reminder, day's mail
 * and question of outcomes (app/reminders.h, as the console sends them);
 * and the sender options serve shares. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/mail.h"
#include "app/reminders.h"
#include "cli/cli.h"
#include "io/mailmsg.h"
#include "store/mail.h"

int cli_mail_sender_opt(int c, const char *arg, struct app_mail_sender *o)
{
    switch (c) {
    case CLI_OPT_SMTP: {
        struct df_err err = {0};
        if (smtp_url_check(arg, &err) < 0) {
            fprintf(stderr, "dfnc: %s\n", err.msg);
            return -1;
        }
        o->smtp.url = arg;
        return 0;
    }
    case CLI_OPT_MAIL_FROM: {
        bool named;
        if (mailmsg_from_parse(arg, o->from_name, o->from, sizeof o->from, &named) < 0) {
            fprintf(stderr, "dfnc: --mail-from takes an address like forum@example.eu, or "
                            "\"DFNC Forum <forum@example.eu>\" (one line), not \"%s\"\n", arg);
            o->from[0] = o->from_name[0] = '\0';
            return -1;
        }
        return 0;
    }
    case CLI_OPT_SMTP_USER:
        o->smtp.user = arg;
        return 0;
    default:
        return -1;
    }
}

int cli_mail_sender_check(struct app_mail_sender *o)
{
    if (!o->smtp.url && !o->from[0] && !o->smtp.user)
        return 1;
    if (!o->smtp.url || !o->from[0]) {
        fprintf(stderr, "dfnc: --smtp URL and --mail-from ADDR go together\n");
        return -1;
    }
    if (o->smtp.user) {
        o->smtp.password = getenv("DFNC_SMTP_PASSWORD");
        if (!o->smtp.password) {
            fprintf(stderr, "dfnc: --smtp-user: set the password in the environment variable "
                            "DFNC_SMTP_PASSWORD (never on the command line)\n");
            return -1;
        }
    }
    return 0;
}

/* The public URL without its trailing slashes, in out. */
static void strip_slashes(const char *url, char *out, size_t size)
{
    size_t n = strlen(url);
    while (n > 0 && url[n - 1] == '/')
        n--;
    snprintf(out, size, "%.*s", (int)n, url);
}

int cli_mail_turn_on(const char *db_path, const char *public_url, struct df_err *err)
{
    char url[600];
    strip_slashes(public_url, url, sizeof url);
    struct store *s = NULL;
    if (store_open(&s, db_path, err) < 0)
        return -1;
    int rc = store_mail_config_set(s, url, err);
    store_close(s);
    return rc;
}

static int mail_setup(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"public-url", required_argument, NULL, 'u'},
                                         {"off", no_argument, NULL, 'o'}, {0, 0, 0, 0}};
    const char *url = NULL;
    bool off = false;
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'u' && cli_public_url_arg(optarg) == 0)
            url = optarg;
        else if (c == 'o')
            off = true;
        else
            return cli_usage("mail");
    }
    if (optind != argc || !url == !off)
        return cli_usage("mail");
    struct df_err err = {0};
    if (off) {
        struct store *s = NULL;
        int rc = store_open(&s, ctx->db_path, &err) < 0 ? -1 : store_mail_config_set(s, NULL, &err);
        store_close(s);
        if (rc < 0)
            return cli_fail(&err);
        printf("mail: off (nothing more is queued; what is queued stays)\n");
        return 0;
    }
    if (cli_mail_turn_on(ctx->db_path, url, &err) < 0)
        return cli_fail(&err);
    printf("mail: on, links to %s\n", url);
    return 0;
}

static int mail_send(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"smtp", required_argument, NULL, CLI_OPT_SMTP},
                                         {"mail-from", required_argument, NULL, CLI_OPT_MAIL_FROM},
                                         {"smtp-user", required_argument, NULL, CLI_OPT_SMTP_USER},
                                         {"timeout", required_argument, NULL, 't'},
                                         {0, 0, 0, 0}};
    struct app_mail_sender o = {0};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        long long v;
        if (c == 't') {
            if (cli_whole_arg("timeout", optarg, 1, 600, &v) < 0)
                return cli_usage("mail");
            o.smtp.timeout = (long)v;
        } else if (cli_mail_sender_opt(c, optarg, &o) < 0) {
            return cli_usage("mail");
        }
    }
    if (optind != argc || cli_mail_sender_check(&o) != 0 || !o.smtp.url)
        return cli_usage("mail");
    struct df_err err = {0};
    struct store *s = NULL;
    if (smtp_global_init(&err) < 0 || store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    struct app_mail_run run;
    int rc = app_mail_send_due(s, &o, (long long)time(NULL), &run, &err);
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    printf("sent: %d\nfailed: %d\n", run.sent, run.failed);
    if (run.given_up)
        printf("given up: %d (kept as failed)\n", run.given_up);
    return run.failed ? 1 : 0;
}

static int mail_status(struct cli_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    if (argc != 1)
        return cli_usage("mail");
    struct df_err err = {0};
    struct store *s = NULL;
    struct arena a;
    arena_init(&a, 0);
    struct store_mail_counts c;
    const char *url = NULL;
    int on = -1;
    if (store_open(&s, ctx->db_path, &err) == 0 &&
        (on = store_mail_config_get(s, &a, &url, &err)) >= 0 &&
        store_mail_counts(s, &a, &c, &err) == 0) {
        printf("mail: %s%s\nqueued: %lld\nsent: %lld\nfailed: %lld\n", on ? "on, links to " : "off",
               on ? url : "", (long long)c.queued, (long long)c.sent, (long long)c.failed);
        if (c.last_error)
            printf("last error: %s\n", c.last_error);
        on = 0;
    } else {
        on = -1;
    }
    store_close(s);
    arena_free(&a);
    return on < 0 ? cli_fail(&err) : 0;
}

/* The options of remind, day and outcomes: --dry-run alone, before or after the
 * arguments; want of them. 0 with *dry set, or the usage error's code. */
static int mail_dry_run_opts(int argc, char **argv, int want, bool *dry)
{
    static const struct option opts[] = {{"dry-run", no_argument, NULL, 'n'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    *dry = false;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "", opts, &seen)) != -1;) {
        if (c != 'n')
            return cli_usage("mail");
        *dry = true;
    }
    return argc - optind == want ? 0 : cli_usage("mail");
}

/* The line that opens a run's figures: a dry run says nothing went. */
static void mail_said_dry(bool dry)
{
    if (dry)
        printf("dry run: nothing queued, nothing kept (the figures are what a send would do)\n");
}

/* The two mailings of one event, EVENT [--dry-run]: the reminder of
 * requests to answer (remind) or the question of outcomes (outcomes), by
 * the machine's clock, their figures printed as the API gives them. */
static int mail_event(struct cli_ctx *ctx, int argc, char **argv, bool outcomes)
{
    bool dry;
    int usage = mail_dry_run_opts(argc, argv, 1, &dry);
    if (usage)
        return usage;
    const char *event = argv[optind];
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_remind r;
    struct app_ask_outcomes o;
    long long now = (long long)time(NULL);
    int rc = store_open(&s, ctx->db_path, &err);
    if (rc == 0)
        rc = outcomes ? app_ask_outcomes(s, "cli", event, dry, now, &o, &err)
                      : app_remind_to_answer(s, "cli", event, dry, now, &r, &err);
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    mail_said_dry(dry);
    if (outcomes)
        printf("event: %s\npeople: %d\nmeetings: %d\nmailed: %d\nasked lately: %d\n"
               "not mailed: %d\n", event, o.people, o.meetings, o.mailed, o.asked_lately,
               o.not_mailed);
    else
        printf("event: %s\npeople: %d\nrequests: %d\nmailed: %d\nreminded lately: %d\n"
               "not mailed: %d\n", event, r.people, r.requests, r.mailed, r.reminded_lately,
               r.not_mailed);
    return 0;
}

static int mail_day(struct cli_ctx *ctx, int argc, char **argv)
{
    bool dry;
    int usage = mail_dry_run_opts(argc, argv, 2, &dry);
    if (usage)
        return usage;
    const char *event = argv[optind], *day = argv[optind + 1];
    struct df_err err = {0};
    struct store *s = NULL;
    struct arena a;
    arena_init(&a, 0);
    struct app_day_mail o;
    int rc = store_open(&s, ctx->db_path, &err);
    if (rc == 0)
        rc = app_day_mail(s, "cli", event, day, dry, (long long)time(NULL), &a, &o, &err);
    store_close(s);
    if (rc == 0) {
        mail_said_dry(dry);
        printf("event: %s\nday: %s\npeople: %d\nmeetings: %d\nmailed: %d\n", event, day,
               o.people, o.meetings, o.mailed);
        if (o.before_at)
            printf("sent before: %s by %s, %d mailed\n", o.before_at, o.before_by,
                   o.before_people);
        else
            printf("sent before: never\n");
    }
    arena_free(&a);
    return rc < 0 ? cli_fail(&err) : 0;
}

/* day-due: one pass of the day mails by themselves (app_day_mail_pass) at
 * the machine's clock, for a cron job where no server runs its thread. */
static int mail_day_due(struct cli_ctx *ctx, int argc)
{
    if (argc != 1)
        return cli_usage("mail");
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_day_mail_pass run = {0};
    int rc = store_open(&s, ctx->db_path, &err);
    if (rc == 0)
        rc = app_day_mail_pass(s, (long long)time(NULL), &run, &err);
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    printf("sent: %d\nfailed: %d\n", run.sent, run.failed);
    return run.failed ? 1 : 0;
}

int cli_cmd_mail(struct cli_ctx *ctx, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage("mail");
    if (strcmp(argv[1], "setup") == 0)
        return mail_setup(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "send") == 0)
        return mail_send(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "status") == 0)
        return mail_status(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "remind") == 0)
        return mail_event(ctx, argc - 1, argv + 1, false);
    if (strcmp(argv[1], "day") == 0)
        return mail_day(ctx, argc - 1, argv + 1);
    if (strcmp(argv[1], "day-due") == 0)
        return mail_day_due(ctx, argc - 1);
    if (strcmp(argv[1], "outcomes") == 0)
        return mail_event(ctx, argc - 1, argv + 1, true);
    return cli_usage("mail");
}
