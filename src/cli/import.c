/* dfnc import KIND FILE: CSV imports, the CPV classifier, the glossary. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/glossary.h"
#include "app/import.h"
#include "cli/cli.h"
#include "store/store.h"

/* The figures on stdout, and the encoding when the file was not UTF-8 (a
 * guess is said to be one, so a wrong one is seen); the published meetings
 * the import removed on stderr, each by its line, as warnings to act on
 * (tell the two people). */
static void print_result(const char *path, const struct app_import_result *res, bool guessed)
{
    printf("%s: %d row%s: %d added, %d updated", path, res->rows, res->rows == 1 ? "" : "s",
           res->added, res->updated);
    if (res->encoding == CODEPAGE_CP1251 || res->encoding == CODEPAGE_CP1252)
        printf(", read as %s%s", codepage_label(res->encoding),
               guessed ? " (guessed from its words; --encoding names another)" : "");
    putchar('\n');
    if (res->meetings_removed)
        printf("%s: %d meeting%s removed: %s no longer accepted\n", path, res->meetings_removed,
               res->meetings_removed == 1 ? "" : "s",
               res->meetings_removed == 1 ? "its request is" : "their requests are");
    if (res->meetings_moved)
        printf("%s: %d meeting%s moved with the programme\n", path, res->meetings_moved,
               res->meetings_moved == 1 ? "" : "s");
    if (res->meetings_unscheduled)
        printf("%s: %d meeting%s unscheduled: %s slot went (the next schedule run places %s "
               "again)\n",
               path, res->meetings_unscheduled, res->meetings_unscheduled == 1 ? "" : "s",
               res->meetings_unscheduled == 1 ? "its" : "their",
               res->meetings_unscheduled == 1 ? "it" : "them");
    if (res->video_mailed)
        printf("%s: %d %s with online meetings %s sent the link to join them\n", path,
               res->video_mailed, res->video_mailed == 1 ? "person" : "people",
               res->video_mailed == 1 ? "was" : "were");
    if (res->interpreters_given || res->interpreters_lacking)
        printf("%s: %d published meeting%s got an interpreter; %d still need%s one and have "
               "none (none of their pair is free in their slot)\n",
               path, res->interpreters_given, res->interpreters_given == 1 ? "" : "s",
               res->interpreters_lacking, res->interpreters_lacking == 1 ? "s" : "");
    for (int i = 0; i < res->notes.named; i++)
        fprintf(stderr, "warning: %s\n", res->notes.msg[i]);
    if (res->notes.n > res->notes.named)
        fprintf(stderr, "warning: %s: %d more published meetings removed or moved\n", path,
                res->notes.n - res->notes.named);
}

int cli_cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "cordis") == 0)
        return cli_import_cordis(ctx, argc - 1, argv + 1);
    const char *lang = NULL, *encoding = NULL;
    static const struct option opts[] = {{"lang", required_argument, NULL, 'l'},
                                         {"encoding", required_argument, NULL, 'e'},
                                         {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "", opts, &seen)) != -1;) {
        if (c == 'l')
            lang = optarg;
        else if (c == 'e')
            encoding = optarg;
        else
            return cli_usage("import");
    }
    if (optind != argc - 2)
        return cli_usage("import");
    const char *kind = argv[optind], *path = argv[optind + 1];
    bool glossary = strcmp(kind, "glossary") == 0, cpv = strcmp(kind, "cpv") == 0;
    if (lang && !cpv) {
        fprintf(stderr, "dfnc: --lang is for import cpv\n");
        return cli_usage("import");
    }
    if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0) {
        fprintf(stderr, "dfnc: --lang must be en or uk\n");
        return cli_usage("import");
    }
    enum codepage enc = CODEPAGE_AUTO;
    if (encoding && (glossary || cpv)) {
        fprintf(stderr, "dfnc: --encoding is for CSV files; the %s file is UTF-8\n", kind);
        return cli_usage("import");
    }
    if (encoding && codepage_parse(encoding, &enc) < 0) {
        fprintf(stderr, "dfnc: --encoding must be auto, " CODEPAGE_NAMES ", not \"%s\"\n",
                encoding);
        return cli_usage("import");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    struct app_import_result res = {0};
    if (store_open(&s, ctx->db_path, &err) < 0)
        return cli_fail(&err);
    struct app_glossary_result gloss = {0};
    int rc = glossary ? app_import_glossary(s, path, &gloss, &err)
             : cpv    ? app_import_cpv_json(s, path, lang, &res, &err)
                      : app_import_csv(s, kind, path, enc, (int64_t)time(NULL), &res, &err);
    store_close(s);
    if (rc < 0) {
        if (err.kind == DF_ERR_USAGE) {
            fprintf(stderr, "dfnc: %s\n", err.msg);
            return cli_usage("import");
        }
        int code = cli_fail_input(&err, glossary ? &gloss.problems : &res.problems);
        /* its rows were read, in a code page: the names above are that reading's */
        if (res.encoding == CODEPAGE_CP1251 || res.encoding == CODEPAGE_CP1252)
            fprintf(stderr, "dfnc: %s was read as %s%s\n", path, codepage_label(res.encoding),
                    enc == CODEPAGE_AUTO ? " (guessed from its words; --encoding names another)"
                                         : "");
        return code;
    }
    if (glossary)
        printf("%s: %d pair%s (%d of them \"not\"), read after dfnc's own glossary\n", path,
               gloss.pairs, gloss.pairs == 1 ? "" : "s", gloss.nots);
    else
        print_result(path, &res, enc == CODEPAGE_AUTO);
    return 0;
}
