/* dfnc init: create or migrate the database. */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"

int cli_cmd_init(struct cli_ctx *ctx, int argc, char **argv)
{
    (void)argv;
    if (argc != 1)
        return cli_usage("init");
    struct df_err err = {0};
    struct store *s = NULL;
    int applied = 0;
    if (store_open_raw(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    int before = store_schema_version(s);
    if (store_migrate(s, &applied, &err) < 0) {
        store_close(s);
        return cli_fail(&err);
    }
    if (applied && before == 0)
        printf("%s: created, schema version %d\n", ctx->db_path, store_schema_version(s));
    else if (applied)
        printf("%s: schema version %d -> %d (%d migration%s applied)\n", ctx->db_path, before,
               store_schema_version(s), applied, applied == 1 ? "" : "s");
    else
        printf("%s: schema version %d, up to date\n", ctx->db_path, store_schema_version(s));
    store_close(s);
    return 0;
}
