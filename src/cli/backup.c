/* dfnc backup: a consistent copy of the database, while a server serves it. */
#include <stdio.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "store/store.h"

int cli_cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return cli_usage("backup");
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    int version = store_schema_version(s);
    int rc = store_backup(s, argv[1], &err);
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    struct stat st;
    double mib = stat(argv[1], &st) == 0 ? st.st_size / 1048576.0 : 0;
    printf("%s: a copy of %s (schema version %d, %.1f MiB), integrity checked\n", argv[1],
           ctx->db_path, version, mib);
    return 0;
}
