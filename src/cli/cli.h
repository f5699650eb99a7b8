/* The command line: one file per command group, each translating arguments
 * into an app/ call and its result into text or JSON. Nothing here decides. */
#ifndef DFNC_CLI_CLI_H
#define DFNC_CLI_CLI_H

#include "core/err.h"

struct cli_ctx {
    const char *db_path;    /* --db, $DFNC_DB or ./dfnc.db */
    const char *prog;       /* argv[0] for messages */
};

/* A command's entry point: argv[0] is the command name. Returns the exit code. */
typedef int (*cli_run_fn)(struct cli_ctx *ctx, int argc, char **argv);

struct cli_command {
    const char *name;
    cli_run_fn run;
    const char *usage;   /* one line: "dfnc import KIND FILE.csv" */
    const char *help;    /* a paragraph for `dfnc help COMMAND` */
};

extern const struct cli_command cli_commands[];
extern const int cli_commands_n;

const struct cli_command *cli_find(const char *name);
/* Prints "usage: ..." of the named command to stderr; returns 2 (usage error). */
int cli_usage(const char *command);
/* Prints an error ("dfnc: message") and returns its exit code. */
int cli_fail(const struct df_err *err);
/* An import's failure: an input error's lines as they are, FILE:LINE: what,
 * every refused one that bad names (may be NULL) and how many more, exit 3;
 * any other error as cli_fail. */
int cli_fail_input(const struct df_err *err, const struct df_problems *bad);
/* The value s of option --name as a whole number in [lo, hi] into *out: 0, or
 * -1 after "dfnc: --name takes a whole number from lo to hi, not "s"" on
 * stderr (an empty value, trailing text and a value past a long are refused,
 * never cut down into range). */
int cli_whole_arg(const char *name, const char *s, long long lo, long long hi, long long *out);

/* Checks a --public-url value (serve, user invite): 0, or -1 after saying
 * on stderr what is wrong with it. */
int cli_public_url_arg(const char *s);

struct option;
/* getopt_long(argc, argv, optstring, opts, ...) with one refusal more: an
 * option that takes a value given twice (--email a --email b, --top 3 --top 5)
 * would quietly be its last value, so it is a usage error, "dfnc: --top given
 * twice: it takes one value" on stderr and '?' returned, as getopt_long
 * returns for an unknown option. A flag (no value) may repeat: it says the
 * same again. *seen (0 before the first call) marks the options met; opts
 * has at most 64. */
int cli_getopt(int argc, char **argv, const char *optstring, const struct option *opts,
               unsigned long long *seen);

/* The options of a command that takes only --json (argv[0] its name): 0 with
 * *as_json set, or the usage error's exit code (2) after its usage line. */
int cli_json_only(const char *command, int argc, char **argv, int *as_json);

/* The command entry points (one per row of the table in cli.c). */
int cli_cmd_init(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_help(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_import(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_export(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_backup(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_check(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_stats(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_report(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_badges(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_agendas(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_publish(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_demo(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_schedule(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_user(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_serve(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_agenda(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_procure(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_partners(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_consortium(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_recommend(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_mail(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_applications(struct cli_ctx *ctx, int argc, char **argv);
int cli_cmd_person(struct cli_ctx *ctx, int argc, char **argv);

/* The SMTP sender's options, shared by mail send and serve (getopt codes). */
enum { CLI_OPT_SMTP = 1000, CLI_OPT_MAIL_FROM, CLI_OPT_SMTP_USER };
struct app_mail_sender;
/* Takes option c's value arg into o: 0, or -1 after saying on stderr what
 * is wrong with it. */
int cli_mail_sender_opt(int c, const char *arg, struct app_mail_sender *o);
/* After the options: 1 when none was given, 0 when whole (--smtp and
 * --mail-from; with --smtp-user the password read from DFNC_SMTP_PASSWORD),
 * -1 after saying on stderr what is missing. */
int cli_mail_sender_check(struct app_mail_sender *o);
/* Turns the forum's mail on with links to public_url (its trailing slashes
 * aside). */
int cli_mail_turn_on(const char *db_path, const char *public_url, struct df_err *err);

/* `import cordis` (argv[0] = "cordis"). */
int cli_import_cordis(struct cli_ctx *ctx, int argc, char **argv);

#endif
