/* dfnc consortium: whether organisations make up an eligible consortium under
 * an EU programme's rule, and which candidates would complete it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/consortium.h"
#include "cli/cli.h"
#include "store/store.h"

static const char *class_words(const char *cls)
{
    static const char *const words[][2] = {
        {"eu", "an EU Member State"}, {"eea_efta", "an EEA-EFTA state"}, {"ukraine", "Ukraine"},
        {"moldova", "Moldova"}, {"other", "a country outside the EU and the EEA-EFTA states"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i][0], cls) == 0)
            return words[i][1];
    return cls;
}

static void print_org(json_t *o)
{
    printf("    %-16s %s (%s): %s %s\n", json_string_value(json_object_get(o, "org")),
           json_string_value(json_object_get(o, "name")),
           json_string_value(json_object_get(o, "country")),
           json_is_true(json_object_get(o, "counts")) ? "counts, established in"
                                                      : "does not count, established in",
           class_words(json_string_value(json_object_get(o, "class"))));
}

static json_t *find_org(json_t *list, const char *id)
{
    size_t i;
    json_t *o;
    json_array_foreach(list, i, o)
        if (strcmp(json_string_value(json_object_get(o, "org")), id) == 0)
            return o;
    return NULL;
}

static void print_verdict(json_t *v)
{
    json_t *p = json_object_get(v, "programme");
    json_int_t em = json_integer_value(json_object_get(v, "entities_missing"));
    json_int_t cm = json_integer_value(json_object_get(v, "countries_missing"));
    printf("%s, %s: ", json_string_value(json_object_get(p, "title")),
           json_string_value(json_object_get(p, "regulation")));
    if (json_is_true(json_object_get(v, "meets")))
        printf("the rule's figures are met (%lld eligible entities in %lld countries)\n",
               (long long)json_integer_value(json_object_get(v, "entities")),
               (long long)json_integer_value(json_object_get(v, "countries")));
    else
        printf("not met: %lld more eligible entit%s, from %lld more countr%s\n", (long long)em,
               em == 1 ? "y" : "ies", (long long)cm, cm == 1 ? "y" : "ies");
    printf("  rules: %s\n  members:\n", json_string_value(json_object_get(p, "rules")));
    size_t i;
    json_t *o;
    json_array_foreach(json_object_get(v, "members"), i, o)
        print_org(o);
    json_t *with = json_object_get(v, "complete_with");
    if (json_is_null(with)) {
        printf("  the candidates given cannot complete it\n");
    } else if (json_array_size(with) > 0) {
        printf("  to complete it, add:\n");
        json_array_foreach(with, i, o)
            print_org(find_org(json_object_get(v, "candidates"), json_string_value(o)));
    }
    const char *note = json_string_value(json_object_get(p, "not_checked"));
    if (note && *note)
        printf("  not checked: %s\n", note);
}

/* Splits "a,b,c" (a copy the caller frees) into at most max ids. */
static int split_ids(char *list, const char **ids, int max)
{
    int n = 0;
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        if (n == max)
            return -1;
        ids[n++] = t;
    }
    return n;
}

int cli_cmd_consortium(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *programme = NULL;
    char *candidates = NULL;
    int as_json = 0, list = 0;
    static const struct option opts[] = {
        {"programme", required_argument, NULL, 'p'}, {"candidates", required_argument, NULL, 'c'},
        {"list", no_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "", opts, &seen)) != -1;) {
        switch (c) {
        case 'p': programme = optarg; break;
        case 'c': candidates = optarg; break;
        case 'l': list = 1; break;
        case 'j': as_json = 1; break;
        default: return cli_usage("consortium");
        }
    }
    int members_n = argc - optind;
    if (list ? (programme || candidates || members_n) : (!programme || members_n < 1))
        return cli_usage("consortium");
    if (members_n > APP_CONSORTIUM_MAX) {
        fprintf(stderr, "dfnc: at most %d members\n", APP_CONSORTIUM_MAX);
        return cli_usage("consortium");
    }
    const char *cands[APP_CONSORTIUM_MAX];
    char *cands_copy = candidates ? strdup(candidates) : NULL;
    int cands_n = cands_copy ? split_ids(cands_copy, cands, APP_CONSORTIUM_MAX) : 0;
    if (cands_n < 0 || (candidates && !cands_copy)) {
        free(cands_copy);
        fprintf(stderr, "dfnc: --candidates takes at most %d ids\n", APP_CONSORTIUM_MAX);
        return cli_usage("consortium");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    json_t *v = NULL;
    int code = 0;
    if (list) {
        v = app_consortium_programmes(&err);
    } else if (store_open(&s, ctx->db_path, &err) == 0) {
        v = app_consortium_check(s, programme, (const char *const *)argv + optind, members_n,
                                 cands, cands_n, &err);
    }
    if (!v) {
        code = cli_fail(&err);
    } else if (as_json || list) {
        json_dumpf(v, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
    } else {
        print_verdict(v);
    }
    json_decref(v);
    store_close(s);
    free(cands_copy);
    return code;
}
