/* dfnc check: the stored rows today's input rules would refuse, as text or
 * JSON; exit 3 when there is one. */
#include <stdio.h>

#include <jansson.h>

#include "app/check.h"
#include "cli/cli.h"

/* 0, or -1 when the report cannot be JSON (a path that is not UTF-8). */
static int print_json(const char *path, const struct app_check_report *r)
{
    json_t *kinds = json_object(), *findings = json_array();
    for (int k = 0; k < APP_CHECK_KINDS; k++) {
        const struct app_check_count *c = &r->counts[k];
        json_object_set_new(kinds, c->kind,
                            json_pack("{sIsisi}", "rows", (json_int_t)c->rows, "problems",
                                      c->problems, "warnings", c->warnings));
    }
    for (int i = 0; i < r->findings_n; i++) {
        const struct app_check_finding *f = &r->findings[i];
        json_array_append_new(findings,
                              json_pack("{ssssssssss}", "severity",
                                        f->warning ? "warning" : "problem", "kind", f->kind,
                                        "id", f->id, "field", f->field, "message", f->message));
    }
    json_t *o = json_pack("{sssisisssssIsisisoso}", "database", path, "schema_version",
                          r->schema_version, "latest_schema_version", r->latest_version,
                          "integrity", r->integrity_ok ? "ok" : "damaged", "foreign_keys",
                          r->foreign_keys_ok ? "ok" : "broken", "rows", (json_int_t)r->rows,
                          "problems", r->problems, "warnings", r->warnings, "kinds", kinds,
                          "findings", findings);
    if (!o)
        return -1;
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(o);
    return 0;
}

/* " (organisation 2, demand 1)": the kinds with a count of what (rows,
 * problems or warnings). */
static void print_by_kind(const struct app_check_report *r, int what)
{
    const char *sep = " (";
    for (int k = 0; k < APP_CHECK_KINDS; k++) {
        const struct app_check_count *c = &r->counts[k];
        long long n = what == 0 ? c->rows : what == 1 ? c->problems : c->warnings;
        if (n) {
            printf("%s%s %lld", sep, c->kind, n);
            sep = ", ";
        }
    }
    printf("%s\n", *sep == ',' ? ")" : "");
}

static void print_text(const char *path, const struct app_check_report *r)
{
    for (int i = 0; i < r->findings_n; i++) {
        const struct app_check_finding *f = &r->findings[i];
        printf("%s%s %s: %s: %s\n", f->warning ? "warning: " : "", f->kind, f->id, f->field,
               f->message);
    }
    if (r->findings_n)
        putchar('\n');
    printf("%s: schema version %d (this dfnc's: %d), integrity %s, foreign keys %s\n", path,
           r->schema_version, r->latest_version, r->integrity_ok ? "ok" : "damaged",
           r->foreign_keys_ok ? "ok" : "broken");
    printf("rows read: %lld", r->rows);
    print_by_kind(r, 0);
    printf("problems: %d", r->problems);
    print_by_kind(r, 1);
    printf("warnings: %d", r->warnings);
    print_by_kind(r, 2);
}

int cli_cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
    int as_json, usage = cli_json_only("check", argc, argv, &as_json);
    if (usage)
        return usage;
    struct df_err err = {0};
    struct app_check_report r;
    if (app_check(ctx->db_path, &r, &err) < 0) {
        app_check_report_free(&r);
        return cli_fail(&err);
    }
    if (as_json && print_json(ctx->db_path, &r) < 0) {
        app_check_report_free(&r);
        fprintf(stderr, "dfnc: the report cannot be written as JSON: is the path %s UTF-8?\n",
                ctx->db_path);
        return 1;
    }
    if (!as_json)
        print_text(ctx->db_path, &r);
    int rc = r.problems ? 3 : 0;   /* bad input data, stored (DESIGN.md's exit codes) */
    app_check_report_free(&r);
    return rc;
}
