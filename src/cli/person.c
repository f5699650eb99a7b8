/* dfnc person: a participant's data on request, for a request that
 * arrives by letter (GDPR Arts. 15 and 20), and her erasure (Art. 17);
 * app/privacy.h does the work. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/privacy.h"
#include "cli/cli.h"

#define DATA_MAX (64u << 20)   /* one person's document: far past any forum's */

static int person_data(struct store *s, const char *id, const char *path, struct df_err *err)
{
    struct buf out = BUF_INIT(DATA_MAX);
    int rc = app_person_data(s, id, (long long)time(NULL), &out, err);
    if (rc == 0 && buf_putc(&out, '\n') < 0)
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    FILE *f = rc < 0 ? NULL : !path || strcmp(path, "-") == 0 ? stdout : fopen(path, "w");
    if (rc == 0 && !f)
        rc = df_err_set(err, DF_ERR_RUNTIME, "cannot write %s", path);
    if (f && (fwrite(out.data, 1, out.len, f) != out.len || (f != stdout ? fclose(f) : fflush(f))))
        rc = df_err_set(err, DF_ERR_RUNTIME, "cannot write %s", path ? path : "stdout");
    buf_free(&out);
    return rc;
}

int cli_cmd_person(struct cli_ctx *ctx, int argc, char **argv)
{
    bool data = argc >= 3 && strcmp(argv[1], "data") == 0 && argc <= 4;
    bool erase = argc == 3 && strcmp(argv[1], "erase") == 0;
    if (!data && !erase)
        return cli_usage("person");
    struct df_err err = {0};
    struct store *s = NULL;
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    struct arena a;
    arena_init(&a, 16u << 20);
    /* a request by letter: the organisers erase her, at the machine's time */
    const struct app_erasure_by by = {.actor = "cli", .now = (long long)time(NULL)};
    struct app_erasure done = {0, 0};
    int rc = data ? person_data(s, argv[2], argc == 4 ? argv[3] : NULL, &err)
                  : app_person_erase(s, &by, argv[2], &a, &done, &err);
    arena_free(&a);
    store_close(s);
    if (rc < 0)
        return cli_fail(&err);
    if (erase)
        printf("erased %s: %d open request%s cancelled, %d meeting%s held kept\n", argv[2],
               done.cancelled, done.cancelled == 1 ? "" : "s", done.held,
               done.held == 1 ? "" : "s");
    return 0;
}
