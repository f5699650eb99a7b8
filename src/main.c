/* dfnc's entry point: global options, then the command from src/cli/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
    struct cli_ctx ctx = {.db_path = getenv("DFNC_DB"), .prog = argv[0]};
    if (!ctx.db_path || !*ctx.db_path)
        ctx.db_path = "dfnc.db";
    int i = 1, db_given = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--version") == 0) {
            printf("dfnc %s\n", DFNC_VERSION);
            return 0;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return cli_cmd_help(&ctx, 1, argv);
        } else if (strcmp(argv[i], "--db") == 0 || strncmp(argv[i], "--db=", 5) == 0) {
            if (db_given++) {   /* which one was meant? an import into the other is lost */
                fprintf(stderr, "dfnc: --db given twice: it takes one value\n");
                return cli_usage(NULL);
            }
            /* SQLite reads an empty path as a temporary database, gone at exit */
            ctx.db_path = argv[i][4] == '=' ? argv[i] + 5 : i + 1 < argc ? argv[++i] : "";
            if (!*ctx.db_path) {
                fprintf(stderr, "dfnc: --db needs a PATH\n");
                return cli_usage(NULL);
            }
        } else {
            fprintf(stderr, "dfnc: unknown option %s\n", argv[i]);
            return cli_usage(NULL);
        }
    }
    if (strcmp(ctx.db_path, ":memory:") == 0) { /* SQLite's own, gone at exit; $DFNC_DB too */
        fprintf(stderr, "dfnc: --db :memory: keeps nothing; give a file (./:memory: names a "
                        "file of that name)\n");
        return cli_usage(NULL);
    }
    if (i >= argc)
        return cli_usage(NULL);
    const struct cli_command *c = cli_find(argv[i]);
    if (!c) {
        fprintf(stderr, "dfnc: no command \"%s\"; `dfnc help` lists them\n", argv[i]);
        return cli_usage(NULL);
    }
    /* `dfnc import --help`, `dfnc user add --help`: what a newcomer types first */
    for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0; j++)
        if (strcmp(argv[j], "--help") == 0)
            return cli_cmd_help(&ctx, 2, (char *[]){"help", argv[i], NULL});
    return c->run(&ctx, argc - i, argv + i);
}
