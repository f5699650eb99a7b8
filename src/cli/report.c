/* dfnc report: the organisers' report of an event (app/report.h) as text,
 * JSON, CSV or an .xlsx workbook, to standard output or a file. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "app/forum_day.h"
#include "app/report.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/country.h"
#include "core/file.h"

enum { FORMAT_TEXT = -1 };

/* --format's value: an app_export_format or FORMAT_TEXT; -2 after saying
 * what is wrong. */
static int parse_format(const char *v)
{
    static const struct {
        const char *name;
        int format;
    } formats[] = {{"text", FORMAT_TEXT},
                   {"json", APP_EXPORT_JSON},
                   {"csv", APP_EXPORT_CSV},
                   {"xlsx", APP_EXPORT_XLSX}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(v, formats[i].name) == 0)
            return formats[i].format;
    fprintf(stderr, "dfnc: --format is text, json, csv or xlsx, not \"%s\"\n", v);
    return -2;
}

static long long n_of(json_t *o, const char *key)
{
    return (long long)json_integer_value(json_object_get(o, key));
}

static const char *str_of(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? v : "";
}

/* ---- text ----------------------------------------------------------------------- */

static void print_tally(const char *label, json_t *t)
{
    printf("  %-24s %13lld %7lld %11lld %16lld %7lld %16lld %7lld\n", label,
           n_of(t, "organisations"), n_of(t, "people"), n_of(t, "checked_in"),
           n_of(t, "organisations_met"), n_of(t, "people_met"), n_of(t, "organisations_held"),
           n_of(t, "people_held"));
}

static void print_who_came(json_t *p)
{
    static const struct {
        const char *side, *label;
    } sides[] = {{"eu_eea", "EU/EEA"}, {"ukraine", "Ukraine"}, {"other", "other countries"}};
    printf("Who came                   organisations  people  checked in    met at the event"
           "   met in a meeting held\n"
           "%64s%s\n", "", "organisations  people     organisations  people");
    print_tally("all", p);
    print_tally("SMEs", json_object_get(p, "sme"));
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(p, "by_side"), i, x)
        for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++)
            if (strcmp(str_of(x, "side"), sides[k].side) == 0)
                print_tally(sides[k].label, x);
    printf("By country\n");
    json_array_foreach(json_object_get(p, "by_country"), i, x) {
        char label[64];
        snprintf(label, sizeof label, "%s %s", str_of(x, "country"),
                 country_name_en(str_of(x, "country")));
        print_tally(label, x);
    }
    printf("By kind\n");
    json_array_foreach(json_object_get(p, "by_kind"), i, x)
        print_tally(str_of(x, "kind"), x);
    printf("Checked in each day of the event\n");
    json_array_foreach(json_object_get(p, "arrivals"), i, x)
        printf("  %-24s %7lld\n", str_of(x, "day"), n_of(x, "people"));
}

static const char *outcome_label(const char *code)
{
    static const char *const labels[][2] = {
        {"not_held", "did not take place"}, {"no_fit", "no fit for now"},
        {"follow_up", "a follow-up"},       {"joint_project", "a joint project"},
        {"purchase", "a purchase"},         {"agreement", "an agreement"}};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strcmp(labels[i][0], code) == 0)
            return labels[i][1];
    return code;
}

static void print_pairs(json_t *pairs, json_t *by_outcome, bool any)
{
    printf("\nMeetings by country pair       meetings%s", any ? "  reported" : "");
    size_t i, k;
    json_t *x, *o;
    json_array_foreach(by_outcome, k, o)
        if (any)
            printf(" %s", str_of(o, "outcome"));
    putchar('\n');
    json_array_foreach(pairs, i, x) {
        printf("  %-5s %-22s %8lld", str_of(x, "pair"),
               json_is_true(json_object_get(x, "eu_ua")) ? "(EU-Ukraine)" : "",
               n_of(x, "meetings"));
        if (any)
            printf("  %8lld", n_of(x, "reported"));
        json_array_foreach(by_outcome, k, o)
            if (any)
                printf(" %*lld", (int)strlen(str_of(o, "outcome")),
                       n_of(x, str_of(o, "outcome")));
        putchar('\n');
    }
}

/* Meetings by group (a capability area, a pair of kinds): meetings, EU-Ukraine,
 * held, and once any outcome is reported how many were reported on, led
 * somewhere, and each outcome that did. */
static void print_groups(const char *title, const char *note, json_t *groups, const char *key,
                         bool any)
{
    static const char *const led[] = {"follow_up", "joint_project", "purchase", "agreement"};
    printf("\n%s\n  %-48s meetings  EU-Ukraine  held", title, note);
    if (any) {
        printf("  reported  led");
        for (size_t k = 0; k < sizeof led / sizeof led[0]; k++)
            printf(" %s", led[k]);
    }
    putchar('\n');
    size_t i;
    json_t *x;
    json_array_foreach(groups, i, x) {
        const char *id = str_of(x, key), *name = str_of(x, "name_en");
        char label[128];
        if (strcmp(key, "area") != 0)
            snprintf(label, sizeof label, "%s", id);
        else if (strcmp(id, "other") == 0)
            snprintf(label, sizeof label, "other: no offer met a need");
        else
            snprintf(label, sizeof label, "%-4s %s", id, *name ? name : "(no CPV label)");
        printf("  %-48.48s %8lld %11lld %5lld", label, n_of(x, "meetings"),
               n_of(json_object_get(x, "eu_ua"), "meetings"), n_of(x, "held"));
        if (any) {
            printf("  %8lld %4lld", n_of(x, "reported"), n_of(x, "led"));
            for (size_t k = 0; k < sizeof led / sizeof led[0]; k++)
                printf(" %*lld", (int)strlen(led[k]), n_of(x, led[k]));
        }
        putchar('\n');
    }
}

static void print_text(json_t *j)
{
    json_t *e = json_object_get(j, "event"), *q = json_object_get(j, "requests"),
           *m = json_object_get(j, "meetings"), *o = json_object_get(j, "outcomes");
    printf("%s (%s), %s to %s, agendas %s\n\n", str_of(e, "name"), str_of(e, "id"),
           str_of(e, "starts_on"), str_of(e, "ends_on"),
           json_is_true(json_object_get(e, "published")) ? "published" : "not published yet");
    print_who_came(json_object_get(j, "participants"));
    printf("\nMeeting requests  %lld made: %lld accepted, %lld declined, %lld cancelled, %lld "
           "pending\n", n_of(q, "made"), n_of(q, "accepted"), n_of(q, "declined"),
           n_of(q, "cancelled"), n_of(q, "pending"));
    printf("Message threads   %lld requests whose people wrote to each other\n",
           n_of(q, "with_messages"));
    printf("Meetings          %lld scheduled, %lld published, %lld EU-Ukraine\n",
           n_of(m, "scheduled"), n_of(m, "published"), n_of(m, "eu_ua"));
    if (n_of(m, "begun"))
        printf("Held              %lld of the %lld begun, %lld EU-Ukraine (both sides checked in "
               "or one said what it led to; nobody said it was not held)\n",
               n_of(m, "held"), n_of(m, "begun"), n_of(m, "held_eu_ua"));
    json_t *eu_ua = json_object_get(o, "eu_ua"), *by_outcome = json_object_get(o, "by_outcome");
    bool any = n_of(o, "reported") > 0;
    if (!any) {
        printf("\nWhat the meetings led to: no outcomes reported yet\n");
    } else {
        printf("\nWhat the meetings led to: %lld of %lld meetings reported (EU-Ukraine: %lld "
               "of %lld)\n", n_of(o, "reported"), n_of(o, "meetings"), n_of(eu_ua, "reported"),
               n_of(eu_ua, "meetings"));
        printf("                            meetings  EU-Ukraine\n");
        size_t i;
        json_t *x;
        json_array_foreach(by_outcome, i, x)
            printf("  %-24s %10lld %11lld\n", outcome_label(str_of(x, "outcome")),
                   n_of(x, "meetings"), n_of(x, "eu_ua"));
    }
    print_pairs(json_object_get(j, "pairs"), by_outcome, any);
    print_groups("Meetings by capability area: one side offers, the other needs a CPV code in it",
                 "(CPV division; 35's by group)", json_object_get(j, "areas"), "area", any);
    print_groups("Meetings by kinds of organisation", "", json_object_get(j, "kind_pairs"),
                 "kinds", any);
}

/* ---- the command ---------------------------------------------------------------- */

static int write_report(struct store *s, const char *event, long long now, int format,
                        FILE *out, struct df_err *err)
{
    int rows = 0;
    if (format != FORMAT_TEXT)
        return app_report_write(s, event, now, (enum app_export_format)format, out, &rows, err);
    json_t *j = app_report_json(s, event, now, err);
    if (!j)
        return -1;
    print_text(j);   /* to stdout: cli_cmd_report refuses --output for text */
    json_decref(j);
    return 0;
}

int cli_cmd_report(struct cli_ctx *ctx, int argc, char **argv)
{
    static const struct option opts[] = {{"event", required_argument, NULL, 'e'},
                                         {"format", required_argument, NULL, 'f'},
                                         {"output", required_argument, NULL, 'o'},
                                         {0, 0, 0, 0}};
    const char *event = NULL, *path = NULL;
    int format = FORMAT_TEXT;
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        if (c == 'e')
            event = optarg;
        else if (c == 'o')
            path = optarg;
        else if (c != 'f' || (format = parse_format(optarg)) == -2)
            return cli_usage("report");
    }
    if (optind != argc)
        return cli_usage("report");
    if (format == FORMAT_TEXT && path) {
        fprintf(stderr, "dfnc: --output takes the report as json, csv or xlsx (--format)\n");
        return cli_usage("report");
    }
    if (path && !*path) {   /* a shell variable left empty: not a file, nor stdout */
        fprintf(stderr, "dfnc: --output needs a file name, or - for standard output\n");
        return cli_usage("report");
    }
    if (format == APP_EXPORT_XLSX && !path && isatty(STDOUT_FILENO)) {
        /* a workbook's bytes would only garble the terminal */
        fprintf(stderr, "dfnc: an xlsx workbook is not for a terminal: --output FILE, or "
                        "--output - to pipe it\n");
        return cli_usage("report");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    /* the event held, found once, so that what is said of it names it */
    long long now = (long long)time(NULL);
    struct arena a;
    arena_init(&a, 0);
    if (!event && !(event = app_forum_event_held(s, now, &a, &err))) {
        arena_free(&a);
        store_close(s);
        return cli_fail(&err);
    }
    /* a file is replaced whole once the report is written, never cut short */
    struct file_replace w = {0};
    FILE *out = !path || strcmp(path, "-") == 0 ? stdout : file_replace_open(&w, path, &err);
    int rc = out ? write_report(s, event, now, format, out, &err) : -1;
    store_close(s);
    if (out && out != stdout)
        rc = rc == 0 ? file_replace_commit(&w, &err) : (file_replace_abort(&w), -1);
    if (rc == 0 && out != stdout)
        fprintf(stderr, "%s: the report of %s\n", path, event);
    arena_free(&a);
    return rc < 0 ? cli_fail(&err) : 0;
}
