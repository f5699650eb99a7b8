/* dfnc import KIND FILE: CSV imports, the CPV classifier, the glossary. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/glossary.h"
#include "app/import.h"
#include "cli/cli.h"
#include "store/store.h"

/* The figures on stdout; the published meetings the import removed on
 * stderr, each by its line, as warnings to act on (tell the two people). */
static void print_result(const char *path, const struct app_import_result *res)
{
    printf("%s: %d row%s: %d added, %d updated\n", path, res->rows, res->rows == 1 ? "" : "s",
           res->added, res->updated);
    if (res->meetings_removed)
        printf("%s: %d meeting%s removed: %s no longer accepted\n", path, res->meetings_removed,
               res->meetings_removed == 1 ? "" : "s",
               res->meetings_removed == 1 ? "its request is" : "their requests are");
    for (int i = 0; i < res->notes.named; i++)
        fprintf(stderr, "warning: %s\n", res->notes.msg[i]);
    if (res->notes.n > res->notes.named)
        fprintf(stderr, "warning: %s: %d more published meetings removed\n", path,
                res->notes.n - res->notes.named);
}

int cli_cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *lang = NULL;
    if (argc >= 2 && strcmp(argv[1], "cordis") == 0)
        return cli_import_cordis(ctx, argc - 1, argv + 1);
    if (argc == 5 && strcmp(argv[1], "cpv") == 0 && strcmp(argv[3], "--lang") == 0)
        lang = argv[4];
    else if (argc != 3)
        return cli_usage("import");
    if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0) {
        fprintf(stderr, "dfnc: --lang must be en or uk\n");
        return cli_usage("import");
    }
    const char *kind = argv[1], *path = argv[2];
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_import_result res = {0};
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    struct app_glossary_result gloss = {0};
    bool glossary = strcmp(kind, "glossary") == 0;
    int rc = glossary                  ? app_import_glossary(s, path, &gloss, &err)
             : strcmp(kind, "cpv") == 0 ? app_import_cpv_json(s, path, lang, &res, &err)
                                        : app_import_csv(s, kind, path, &res, &err);
    store_close(s);
    if (rc < 0) {
        if (err.kind == DF_ERR_USAGE) {
            fprintf(stderr, "dfnc: %s\n", err.msg);
            return cli_usage("import");
        }
        return cli_fail_input(&err, glossary ? &gloss.problems : &res.problems);
    }
    if (glossary)
        printf("%s: %d pair%s (%d of them \"not\"), read after dfnc's own glossary\n", path,
               gloss.pairs, gloss.pairs == 1 ? "" : "s", gloss.nots);
    else
        print_result(path, &res);
    return 0;
}
