/* The command table and the help and usage texts. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

const struct cli_command cli_commands[] = {
    {"init", cli_cmd_init, "dfnc [--db PATH] init",
     "Creates the database, or migrates it to this version's schema. Every other\n"
     "command also migrates on open; init says what it did."},
    {"import", cli_cmd_import,
     "dfnc import organisations|people|capabilities|requests|cpv FILE",
     "Imports a CSV file (header row, UTF-8, RFC 4180 quoting) in one transaction:\n"
     "the first bad row aborts the import with FILE:LINE: what is wrong (exit 3) and\n"
     "the database is left as it was. Rows are matched by id: a second import\n"
     "updates them and says how many were added and updated.\n"
     "  organisations  id,name,country,kind,sme,city,website,description\n"
     "                 (country ISO 3166 alpha-2; kind company|research|government|\n"
     "                 association|other; sme 0|1; optional name_uk,description_uk)\n"
     "  people         id,organisation,name,email,title,languages (like en;uk;fr)\n"
     "  capabilities   organisation,direction,cpv,title,description (direction\n"
     "                 offer|need; cpv like 35613000-4; optional confidential 0|1)\n"
     "  requests       id,event,from,to,priority,status,message (from/to are people;\n"
     "                 status pending|accepted|declined|cancelled; priority 0-9)\n"
     "  cpv FILE.json  the Prozorro CPV classifier {\"code\": \"label\"}; run it with the\n"
     "                 English and the Ukrainian file to have both labels"},
    {"export", cli_cmd_export,
     "dfnc export organisations|people|events|meetings FILE|- [--format csv|json]",
     "Writes a table as CSV (the import columns) or JSON to FILE, or to standard\n"
     "output with -. Meetings carry start and end in ISO 8601 with a UTC offset."},
    {"stats", cli_cmd_stats, "dfnc stats [--json]",
     "Prints the forum figures: participants, organisations, countries, EU and\n"
     "Ukrainian organisations, requests, accepted and scheduled meetings."},
    {"demo", cli_cmd_demo, "dfnc demo [--seed N] [--no-serve] [--port P]",
     "Fills an empty database with a generated forum shaped like DFNC2: EU Edition\n"
     "(Brussels): 500+ participants from 130+ organisations in 20+ countries, two\n"
     "days of B2B sessions, meeting requests; then schedules it and serves it\n"
     "unless --no-serve. The same seed gives the same forum."},
    {"schedule", cli_cmd_schedule,
     "dfnc schedule [--event ID] [--time-limit S] [--seed N] [--json] | --dzn FILE [--fairness D] "
     "[--time-limit S] [--seed N] [--json]",
     "Schedules the accepted requests of an event into its B2B slots and tables\n"
     "(locked meetings stay where they are) and says why any request stayed\n"
     "unscheduled. With --dzn, solves a JAIR 2022 B2B instance (MiniZinc data):\n"
     "every meeting scheduled, fewest breaks, break counts differing by at most D.\n"
     "The search is deterministic for a seed; --time-limit (default 10 s) cuts it."},
    {"help", cli_cmd_help, "dfnc help [COMMAND]", "Explains a command."},
};

const int cli_commands_n = sizeof cli_commands / sizeof cli_commands[0];

const struct cli_command *cli_find(const char *name)
{
    for (int i = 0; i < cli_commands_n; i++)
        if (strcmp(cli_commands[i].name, name) == 0)
            return &cli_commands[i];
    return NULL;
}

int cli_usage(const char *command)
{
    const struct cli_command *c = cli_find(command);
    fprintf(stderr, "usage: %s\n", c ? c->usage : "dfnc [--db PATH] COMMAND ...");
    return 2;
}

int cli_fail(const struct df_err *err)
{
    fprintf(stderr, "dfnc: %s\n", err->msg);
    int code = df_err_exit_code(err);
    return code ? code : 1;
}

int cli_cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    if (argc > 2)
        return cli_usage("help");
    if (argc == 2) {
        const struct cli_command *c = cli_find(argv[1]);
        if (!c) {
            fprintf(stderr, "dfnc: no command \"%s\"; `dfnc help` lists them\n", argv[1]);
            return 2;
        }
        printf("usage: %s\n\n%s\n", c->usage, c->help);
        return 0;
    }
    printf("dfnc %s: software for defence-industry cooperation forums\n\n"
           "usage: dfnc [--db PATH] COMMAND ...   (database: --db, $DFNC_DB or ./dfnc.db)\n\n",
           DFNC_VERSION);
    for (int i = 0; i < cli_commands_n; i++)
        printf("  %s\n", cli_commands[i].usage);
    printf("\n`dfnc help COMMAND` explains one. Exit codes: 0 ok, 1 failure, 2 usage, "
           "3 bad input.\n");
    return 0;
}
