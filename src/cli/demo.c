/* dfnc demo: fill an empty database with the demo forum, schedule it, serve it. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/demo.h"
#include "app/schedule.h"
#include "app/auth.h"
#include "cli/cli.h"
#include "core/clock.h"
#include "http/server.h"

int cli_cmd_demo(struct cli_ctx *ctx, int argc, char **argv)
{
    unsigned long long seed = 7;
    int serve = 1, port = 8080, people = APP_DEMO_PEOPLE;
    static const struct option opts[] = {{"seed", required_argument, NULL, 's'},
                                         {"people", required_argument, NULL, 'P'},
                                         {"no-serve", no_argument, NULL, 'n'},
                                         {"port", required_argument, NULL, 'p'},
                                         {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        char *end = NULL;
        if (c == 's') {
            /* strtoull takes "-1" as ULLONG_MAX and " 7" as 7: digits only */
            errno = 0;
            seed = isdigit((unsigned char)*optarg) ? strtoull(optarg, &end, 10) : 0;
            if (!isdigit((unsigned char)*optarg) || *end || errno) {
                fprintf(stderr, "dfnc: --seed takes a whole number from 0 to %llu, not \"%s\"\n",
                        ULLONG_MAX, optarg);
                return cli_usage("demo");
            }
        } else if (c == 'p') {
            long long p;
            if (cli_whole_arg("port", optarg, 1, 65535, &p) < 0)
                return cli_usage("demo");
            port = (int)p;
        } else if (c == 'P') {
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < APP_DEMO_PEOPLE_MIN || n > APP_DEMO_PEOPLE_MAX) {
                fprintf(stderr, "dfnc demo: --people takes %d to %d participants, not \"%s\"\n",
                        APP_DEMO_PEOPLE_MIN, APP_DEMO_PEOPLE_MAX, optarg);
                return cli_usage("demo");
            }
            people = (int)n;
        } else if (c == 'n') {
            serve = 0;
        } else {
            return cli_usage("demo");
        }
    }
    if (optind != argc)
        return cli_usage("demo");

    struct df_err err = {0};
    struct store *s = NULL;
    struct app_demo_summary sum;
    double t0 = clock_seconds();
    if (store_open(&s, ctx->db_path, &err) < 0 || app_demo_fill(s, seed, people, &sum, &err) < 0) {
        store_close(s);
        return cli_fail(&err);
    }
    double filled = clock_seconds() - t0;
    printf("demo forum (seed %llu) in %s, filled in %.2f s:\n", seed, ctx->db_path, filled);
    printf("  %d participants from %d organisations (%d EU, %d Ukrainian) in %d countries\n",
           sum.people, sum.organisations, sum.eu_organisations, sum.ua_organisations,
           sum.countries);
    printf("  %d capabilities; %d meeting requests, %d accepted; %d slots, %d tables\n",
           sum.capabilities, sum.requests, sum.accepted, sum.slots, sum.tables);
    /* Schedule the accepted requests, as an organiser would before publishing. */
    struct arena a;
    arena_init(&a, 0);
    struct app_schedule_opts so = {
        .event = APP_DEMO_EVENT, .time_limit = APP_DEMO_SCHEDULE_TIME_LIMIT,
        .seed = (unsigned)seed, .max_moves = APP_DEMO_SCHEDULE_MOVES_PER_MEETING * sum.accepted,
        .via = "cli", .ran_by = "dfnc demo"};
    struct app_schedule_report rep;
    if (app_schedule_event(s, &so, &a, &rep, &err) < 0) {
        arena_free(&a);
        store_close(s);
        return cli_fail(&err);
    }
    printf("  scheduled %d of %d accepted meetings (upper bound %d, %.1f%%) in %.2f s; "
           "%d unscheduled with reasons (dfnc schedule --json lists them)\n",
           rep.scheduled, rep.accepted, rep.upper_bound,
           rep.upper_bound ? 100.0 * rep.scheduled / rep.upper_bound : 100.0, rep.seconds,
           rep.unscheduled_n);
    arena_free(&a);
    store_close(s);
    struct stat st;
    if (stat(ctx->db_path, &st) == 0)
        printf("  database: %.1f MiB\n", st.st_size / 1048576.0);
    /* Logins with printed passwords (a local demo only): the organiser and the
     * showcase participants, each the contact of their organisation. */
    struct app_demo_login logins[APP_DEMO_SHOWCASE + 1];
    const char *persons[APP_DEMO_SHOWCASE];
    int logins_n = 0, persons_n = 0;
    for (int i = 0; i < APP_DEMO_SHOWCASE; i++)
        if (sum.showcase[i][0])
            persons[persons_n++] = sum.showcase[i];
    arena_init(&a, 0);
    if (app_auth_init(&err) < 0 || store_open(&s, ctx->db_path, &err) < 0 ||
        app_demo_logins(s, persons, persons_n, &a, logins, &logins_n, &err) < 0) {
        store_close(s);
        arena_free(&a);
        return cli_fail(&err);
    }
    store_close(s);
    printf("demo logins (a local demo only; sign in at http://127.0.0.1:%d/):\n", port);
    for (int i = 0, k = 0; i < logins_n; i++) {
        const char *what = "organiser: console, scheduler, publishing";
        if (logins[i].person) {
            while (k < APP_DEMO_SHOWCASE && !sum.showcase[k][0])
                k++;
            what = k < APP_DEMO_SHOWCASE ? sum.showcase_what[k++] : "participant";
        }
        printf("  %-26s %-20s %-7s %s\n", logins[i].email, logins[i].password,
               logins[i].person ? logins[i].person : "", what);
    }
    arena_free(&a);
    if (serve) {
        struct http_options o = {.db_path = ctx->db_path, .listen = "127.0.0.1", .port = port,
                                 .access_log = true};
        if (http_serve(&o, &err) < 0)
            return cli_fail(&err);
    }
    return 0;
}
