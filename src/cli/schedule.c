/* dfnc schedule: a forum event from the database, or a JAIR .dzn instance. */
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "app/schedule.h"
#include "cli/cli.h"
#include "core/log.h"

static const char *status_name(enum sched_status st)
{
    switch (st) {
    case SCHED_OPTIMAL: return "optimal";
    case SCHED_FEASIBLE: return "feasible";
    case SCHED_INFEASIBLE: return "infeasible";
    case SCHED_UNKNOWN: break;
    }
    return "unknown";
}

static int run_dzn(const char *path, int fairness, double limit, unsigned seed, int threads,
                   int as_json)
{
    struct df_err err = {0};
    struct app_dzn_result r;
    if (app_schedule_dzn(path, fairness, limit, seed, threads, &r, &err) < 0)
        return cli_fail_input(&err, NULL); /* FILE:LINE: what is wrong, as the importers */
    const struct sched_solution *s = &r.sol;
    if (as_json) {
        json_t *asg = json_array();
        for (int m = 0; m < r.meetings; m++)
            json_array_append_new(asg, json_integer(s->slot[m] + 1));
        json_t *o = json_pack("{ss si si si si so sf so}", "status", status_name(s->status),
                              "meetings", r.meetings, "scheduled", s->scheduled, "breaks",
                              s->breaks, "spread", s->spread, "lower_bound",
                              s->lower_bound >= 0 ? json_integer(s->lower_bound) : json_null(),
                              "seconds", s->seconds, "assignment", asg);
        json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
    } else {
        printf("status       %s\n", status_name(s->status));
        printf("meetings     %d (scheduled %d)\n", r.meetings, s->scheduled);
        printf("breaks       %d (spread %d", s->breaks, s->spread);
        if (s->lower_bound >= 0)
            printf(", lower bound %d", s->lower_bound);
        printf(")\nseconds      %.3f\n", s->seconds);
    }
    sched_solution_free(&r.sol);
    return 0;
}

static int run_event(struct cli_ctx *ctx, const char *event, double limit, unsigned seed,
                     int as_json)
{
    struct df_err err = {0};
    struct store *st = NULL;
    struct arena a;
    struct app_schedule_report rep;
    struct app_schedule_opts o = {.event = event, .time_limit = limit, .seed = seed,
                                  .via = "cli", .ran_by = "dfnc schedule"};
    int rc = 0;
    arena_init(&a, 0);
    /* the summary below says what the server's log lines say (what was
     * merged, how long the write took): here they would only repeat it */
    log_set_level(LOG_WARN);
    if (store_open(&st, ctx->db_path, &err) < 0 ||
        app_schedule_event(st, &o, &a, &rep, &err) < 0) {
        rc = cli_fail(&err);
        goto out;
    }
    if (as_json) {
        json_t *un = json_array();
        for (int i = 0; i < rep.unscheduled_n; i++)
            json_array_append_new(un, json_pack("{ss ss}", "request", rep.unscheduled[i].request,
                                                "reason", rep.unscheduled[i].why.message));
        json_t *warn = json_array();
        for (int i = 0; i < rep.warnings_n; i++)
            json_array_append_new(warn, json_pack("{ss ss}", "request", rep.warnings[i].request,
                                                  "warning", rep.warnings[i].warning));
        json_t *obj = json_pack("{ss si si si si sf so so so si sb}", "event", rep.event,
                                "accepted", rep.accepted, "scheduled", rep.scheduled,
                                "upper_bound", rep.upper_bound, "breaks", rep.breaks, "seconds",
                                rep.seconds, "unscheduled", un, "warnings", warn, "during_run",
                                app_schedule_late_json(&rep), "online", rep.online,
                                "video_service", rep.video_service);
        json_dumpf(obj, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(obj);
    } else {
        printf("event        %s\n", rep.event);
        printf("accepted     %d\n", rep.accepted);
        printf("scheduled    %d (upper bound %d)\n", rep.scheduled, rep.upper_bound);
        printf("breaks       %d\n", rep.breaks);
        printf("seconds      %.3f\n", rep.seconds);
        if (rep.online)
            printf("online       %d held by video%s\n", rep.online,
                   rep.video_service ? "" : ", but the event has no video service: their "
                                            "agendas give no link to join (set its video_url)");
        for (int i = 0; i < rep.unscheduled_n; i++)
            printf("unscheduled  %s: %s\n", rep.unscheduled[i].request, rep.unscheduled[i].why.message);
        for (int i = 0; i < rep.warnings_n; i++)
            printf("warning      %s: %s\n", rep.warnings[i].request, rep.warnings[i].warning);
        if (rep.late_n) {
            int meanwhile = rep.late_n - rep.late_accepted - rep.late_displaced;
            printf("during run   %d accepted while it solved", rep.late_accepted);
            if (meanwhile)
                printf(", %d more placed by an accept meanwhile", meanwhile);
            if (rep.late_displaced)
                printf(", %d of its own placed again (a change of availability, booth or "
                       "languages, or making way)", rep.late_displaced);
            printf(": %d kept where they were, %d moved, %d placed, %d unscheduled\n",
                   rep.late_kept, rep.late_moved, rep.late_placed, rep.late_unscheduled);
        }
        for (int i = 0; i < rep.late_n; i++) {
            const struct app_schedule_late *x = rep.late + i;
            if (x->slot)
                printf("during run   %s (%s): %s, slot %s at %s\n", x->request, x->cause,
                       x->outcome, x->slot, x->table);
            else
                printf("during run   %s (%s): unscheduled (run it again)\n", x->request,
                       x->cause);
        }
    }
out:
    store_close(st);
    arena_free(&a);
    return rc;
}

int cli_cmd_schedule(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *dzn = NULL, *event = NULL;
    int fairness = -1, as_json = 0;
    double limit = 10.0;
    unsigned seed = 1;
    /* a second search on a second core, when there is one */
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cores >= 2 ? 2 : 1;
    bool threads_set = false;
    static const struct option opts[] = {
        {"dzn", required_argument, NULL, 'd'},        {"event", required_argument, NULL, 'e'},
        {"fairness", required_argument, NULL, 'f'},   {"time-limit", required_argument, NULL, 't'},
        {"seed", required_argument, NULL, 's'},       {"json", no_argument, NULL, 'j'},
        {"threads", required_argument, NULL, 'T'},
        {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        char *end = NULL;
        long long v = 0;
        switch (c) {
        case 'd': dzn = optarg; break;
        case 'e': event = optarg; break;
        case 'j': as_json = 1; break;
        case 'f':
            if (cli_whole_arg("fairness", optarg, 0, 1000, &v) < 0)
                return cli_usage("schedule");
            fairness = (int)v;
            break;
        case 't':
            limit = strtod(optarg, &end);
            if (end == optarg || *end || !(limit > 0) || limit > 86400) {
                fprintf(stderr, "dfnc: --time-limit takes seconds, more than 0 and at most "
                                "86400, not \"%s\"\n", optarg);
                return cli_usage("schedule");
            }
            break;
        case 's':
            if (cli_whole_arg("seed", optarg, 0, UINT_MAX, &v) < 0)
                return cli_usage("schedule");
            seed = (unsigned)v;
            break;
        case 'T':
            if (cli_whole_arg("threads", optarg, 1, 2, &v) < 0)
                return cli_usage("schedule");
            threads = (int)v;
            threads_set = true;
            break;
        default: return cli_usage("schedule");
        }
    }
    /* an option of the other form would be ignored: the run is not the one asked for */
    if (dzn && event)
        fprintf(stderr, "dfnc: --event schedules a forum's event, --dzn an instance: not both\n");
    else if (!dzn && (fairness >= 0 || threads_set))
        fprintf(stderr, "dfnc: --%s applies to --dzn only\n", fairness >= 0 ? "fairness" : "threads");
    if (optind != argc || (dzn && event) || (!dzn && (fairness >= 0 || threads_set)))
        return cli_usage("schedule");
    if (dzn)
        return run_dzn(dzn, fairness, limit, seed, threads, as_json);
    return run_event(ctx, event, limit, seed, as_json);
}
