/* dfnc serve: the web UI and JSON API over HTTP until SIGINT or SIGTERM. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/backups.h"
#include "app/fields.h"
#include "app/mail.h"
#include "app/reminders.h"
#include "core/date.h"
#include "core/forum_clock.h"
#include "cli/cli.h"
#include "http/server.h"

static int int_arg(const char *name, const char *s, int lo, int hi, int *out)
{
    long long v;
    if (cli_whole_arg(name, s, lo, hi, &v) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* --web DIR: a folder to serve; one that is not there would serve a 404 for
 * every page, and the server would run as if all were well. */
static int web_dir_arg(const char *s)
{
    struct stat st;
    if (stat(s, &st) < 0) {
        fprintf(stderr, "dfnc: --web \"%s\": %s: every page would be 404\n", s,
                strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "dfnc: --web \"%s\" is not a folder: every page would be 404\n", s);
        return -1;
    }
    return 0;
}

/* --login-failures A:I, two whole numbers from 1 to INT_MAX (sscanf's %d
 * took "5:5junk", and a number past an int is undefined there). */
static int failures_arg(const char *s, int *per_account, int *per_ip)
{
    char *end = NULL;
    long long a = 0, i = 0;
    errno = 0;
    if (isdigit((unsigned char)*s))
        a = strtoll(s, &end, 10);
    if (end && *end == ':' && isdigit((unsigned char)end[1]))
        i = strtoll(end + 1, &end, 10);
    if (!end || *end || errno || a < 1 || a > INT_MAX || i < 1 || i > INT_MAX) {
        fprintf(stderr, "dfnc: --login-failures takes A:I, two whole numbers from 1 to %d, "
                        "not \"%s\"\n", INT_MAX, s);
        return -1;
    }
    *per_account = (int)a;
    *per_ip = (int)i;
    return 0;
}

/* --forum-clock TIME or --forum-clock-still TIME (still true): an instant
 * with its offset ("2027-02-16T10:50:00+01:00" or "...Z"), where the clock
 * the server and its pages read starts (a rehearsal) or stands (a test).
 * One of the two, once. */
static int forum_clock_arg(const char *s, bool still, struct http_options *o)
{
    const char *name = still ? "--forum-clock-still" : "--forum-clock";
    if (o->forum_clock) {
        fprintf(stderr, "dfnc: --forum-clock and --forum-clock-still: one of them, once\n");
        return -1;
    }
    if (!date_time_instant(s, &o->forum_clock) || !o->forum_clock) {
        fprintf(stderr, "dfnc: %s takes a time with its offset, such as "
                        "2027-02-16T10:50:00+01:00, not \"%s\"\n", name, s);
        return -1;
    }
    o->forum_clock_still = still;
    return 0;
}

/* --routes: the API's routes, one a line, "METHOD PATTERN WHO CSRF" (WHO
 * anyone, user or organiser; CSRF csrf or no-csrf), as the server takes
 * them; the access matrix's test (tests/api/run.py) reads it. */
static int print_routes(void)
{
    struct http_route_desc d;
    for (int i = 0; http_route_describe(i, &d); i++)
        printf("%s %s %s %s\n", d.method, d.pattern,
               d.is_public ? "anyone" : d.organiser ? "organiser" : "user",
               d.csrf ? "csrf" : "no-csrf");
    return 0;
}

/* What starts once the server listens: serve --smtp's mail (a server that
 * never starts, its port taken, leaves the forum's mail as it was),
 * --backup-dir's copies and each day's mail by itself. */
struct on_start {
    const struct http_options *o;
    const struct app_mail_sender *mail;   /* NULL: no --smtp */
    struct app_mail_thread *sender;
    const struct app_backups_opts *backups;   /* NULL: no --backup-dir */
    struct app_backups *backing_up;
    struct app_day_mail_thread *day_mails;   /* each day's mail by itself */
};

static int start_threads(void *ud, struct df_err *err)
{
    struct on_start *m = ud;
    if (m->mail && (cli_mail_turn_on(m->o->db_path, m->o->public_url, err) < 0 ||
                    app_mail_thread_start(m->o->db_path, m->mail, 10, &m->sender, err) < 0))
        return -1;
    if (m->backups &&
        app_backups_start(m->o->db_path, m->backups, m->o->backups, &m->backing_up, err) < 0)
        return -1;
    /* a minute apart, by the real clock: an event's day mails
     * go while the forum sends mail (queued for serve --smtp, or for
     * `dfnc mail send` from cron). Not in a rehearsal (--forum-clock): it
     * would mail everyone their day for real, and mark the day as sent
     * before the real one */
    if (m->o->forum_clock)
        return 0;
    return app_day_mail_thread_start(m->o->db_path,
                                     forum_clock_set(m->o->forum_clock, m->o->forum_clock_still),
                                     60, &m->day_mails, err);
}

int cli_cmd_serve(struct cli_ctx *ctx, int argc, char **argv)
{
    struct http_options o = {.db_path = ctx->db_path, .listen = "127.0.0.1", .port = 8080,
                             .access_log = true};
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'}, {"port", required_argument, NULL, 'p'},
        {"threads", required_argument, NULL, 't'}, {"tls", no_argument, NULL, 'T'},
        {"behind-proxy", required_argument, NULL, 'P'}, {"web", required_argument, NULL, 'w'},
        {"no-access-log", no_argument, NULL, 'q'},
        {"session-ttl", required_argument, NULL, 's'},
        {"public-url", required_argument, NULL, 'u'},
        {"login-failures", required_argument, NULL, 'f'},
        {"forum-clock", required_argument, NULL, 'c'},
        {"forum-clock-still", required_argument, NULL, 'C'},
        {"smtp", required_argument, NULL, CLI_OPT_SMTP},
        {"mail-from", required_argument, NULL, CLI_OPT_MAIL_FROM},
        {"smtp-user", required_argument, NULL, CLI_OPT_SMTP_USER},
        {"backup-dir", required_argument, NULL, 'B'},
        {"backup-every", required_argument, NULL, 'E'},
        {"backup-keep", required_argument, NULL, 'K'},
        {"routes", no_argument, NULL, 'r'}, {0, 0, 0, 0}};
    struct app_mail_sender mail = {0};
    /* a copy every half hour, a day's worth kept */
    struct app_backups_opts backups = {.every = 30 * 60, .keep = 48};
    int every_minutes = 30;
    bool backup_option = false;
    bool routes = false;
    struct df_err err = {0};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        int ok = 0;
        switch (c) {
        case 'l': o.listen = optarg; break;
        case 'p': ok = int_arg("port", optarg, 0, 65535, &o.port); break;
        case 't': ok = int_arg("threads", optarg, 1, 64, &o.threads); break;
        case 'T': o.tls = true; break;
        case 'P':
            if (http_proxies_parse(optarg, &o.proxies, &err) < 0) {
                fprintf(stderr, "dfnc: %s\n", err.msg);
                ok = -1;
            }
            break;
        case 'w':
            ok = web_dir_arg(optarg);
            o.web_dir = optarg;
            break;
        case 'q': o.access_log = false; break;
        case 's': ok = int_arg("session-ttl", optarg, 1, 30 * 24 * 3600, &o.limits.session_ttl); break;
        case 'u':
            ok = cli_public_url_arg(optarg);
            o.public_url = optarg;
            break;
        case 'f':
            ok = failures_arg(optarg, &o.limits.per_account, &o.limits.per_ip);
            break;
        case 'c': ok = forum_clock_arg(optarg, false, &o); break;
        case 'C': ok = forum_clock_arg(optarg, true, &o); break;
        case 'r': routes = true; break;
        case 'B': backups.dir = optarg; break;
        case 'E':
            ok = int_arg("backup-every", optarg, 1, 24 * 60, &every_minutes);
            backup_option = true;
            break;
        case 'K':
            ok = int_arg("backup-keep", optarg, 1, 10000, &backups.keep);
            backup_option = true;
            break;
        case CLI_OPT_SMTP:
        case CLI_OPT_MAIL_FROM:
        case CLI_OPT_SMTP_USER: ok = cli_mail_sender_opt(c, optarg, &mail); break;
        default: return cli_usage("serve");
        }
        if (ok < 0)
            return cli_usage("serve");
    }
    if (optind != argc)
        return cli_usage("serve");
    if (routes)
        return print_routes();
    int sends = cli_mail_sender_check(&mail);
    if (sends < 0)
        return cli_usage("serve");
    if (sends == 0 && !o.public_url) {
        fprintf(stderr, "dfnc: --smtp needs --public-url: the mail's links must reach people\n");
        return cli_usage("serve");
    }
    if (backup_option && !backups.dir) {
        fprintf(stderr, "dfnc: --backup-every and --backup-keep need --backup-dir\n");
        return cli_usage("serve");
    }
    backups.every = every_minutes * 60;
    if (backups.dir && app_backups_dir_check(backups.dir, &err) < 0)
        return cli_fail(&err);
    struct on_start ms = {.o = &o, .backups = backups.dir ? &backups : NULL};
    if (sends == 0) {
        if (smtp_global_init(&err) < 0)
            return cli_fail(&err);
        ms.mail = &mail;
    }
    o.on_started = start_threads;
    o.on_started_ud = &ms;
    if (ms.backups && !(o.backups = app_backups_status_new(&backups))) {
        df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
        return cli_fail(&err);
    }
    int rc = http_serve(&o, &err);
    app_backups_stop(ms.backing_up);
    app_backups_status_free(o.backups);
    app_day_mail_thread_stop(ms.day_mails);
    app_mail_thread_stop(ms.sender);
    return rc < 0 ? cli_fail(&err) : 0;
}
