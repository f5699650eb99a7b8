/* placeholder while the foundation is written (replaced in this session) */
#include <stdio.h>
#include "cli/cli.h"
int cli_cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx; (void)argc; (void)argv;
    fprintf(stderr, "dfnc: export is being written\n");
    return 1;
}
