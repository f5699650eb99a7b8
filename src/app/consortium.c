/* Consortium checks (consortium.h): the programme's rule from JSON, the
 * organisations from the store, the engine's verdict out as JSON. */
#include "app/consortium.h"

#include <string.h>
#include <strings.h>

#include "app/fields.h"
#include "app/rule_text.h"

static const char *const class_names[] = {
    [CONSORTIUM_EU] = "eu", [CONSORTIUM_EEA_EFTA] = "eea_efta", [CONSORTIUM_UKRAINE] = "ukraine",
    [CONSORTIUM_MOLDOVA] = "moldova", [CONSORTIUM_OTHER] = "other",
};

/* The classes rules.established names true into bits. */
static unsigned established_bits(json_t *where)
{
    unsigned bits = 0;
    for (unsigned b = CONSORTIUM_EU; b <= CONSORTIUM_OTHER; b <<= 1)
        if (json_is_true(json_object_get(where, class_names[b])))
            bits |= b;
    return bits;
}

/* "in an EU Member State or an EEA-EFTA state" for the classes that count. */
static const char *where_in_words(unsigned bits, struct arena *a)
{
    static const char *const words[] = {
        [CONSORTIUM_EU] = "an EU Member State", [CONSORTIUM_EEA_EFTA] = "an EEA-EFTA state",
        [CONSORTIUM_UKRAINE] = "Ukraine", [CONSORTIUM_MOLDOVA] = "Moldova",
        [CONSORTIUM_OTHER] = "any other country",
    };
    const char *s = "established in ";
    int said = 0;
    for (unsigned b = CONSORTIUM_EU; b <= CONSORTIUM_OTHER && s; b <<= 1)
        if (bits & b)
            s = arena_printf(a, "%s%s%s", s, said++ ? " or " : "", words[b]);
    return said ? s : "established nowhere";
}

static int parse_programme(json_t *o, struct arena *a, struct app_programme *out,
                           struct df_err *err)
{
    double entities = 0, countries = 0;
    if (app_rule_figure(o, "min_entities", &entities, err) < 0 ||
        app_rule_figure(o, "min_countries", &countries, err) < 0)
        return -1;
    if (entities < 1 || entities > 50 || countries < 0 || countries > entities)
        return df_err_set(err, DF_ERR_INPUT, "figures out of range (entities %g, countries %g)",
                          entities, countries);
    struct consortium_rules *r = &out->rules;
    r->min_entities = (int)entities;
    r->min_countries = (int)countries;
    r->established = established_bits(json_object_get(o, "established"));
    r->name = arena_strdup(a, json_string_value(json_object_get(o, "name")));
    out->title = arena_strdup(a, json_string_value(json_object_get(o, "title")));
    out->regulation = arena_strdup(a, json_string_value(json_object_get(o, "regulation")));
    out->url = arena_strdup(a, json_string_value(json_object_get(o, "url")));
    json_t *control = json_object_get(o, "not_controlled");
    const char *note = json_string_value(json_object_get(control, "note"));
    out->not_checked = arena_strdup(a, note ? note : "");
    const char *what[2] = {
        arena_printf(a, "at least %d eligible entit%s", r->min_entities,
                     r->min_entities == 1 ? "y" : "ies"),
        arena_printf(a, "established in at least %d Member State%s or associated countr%s",
                     r->min_countries, r->min_countries == 1 ? "" : "s",
                     r->min_countries == 1 ? "y" : "ies"),
    };
    if (!what[0] || !what[1])
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    out->citations = arena_printf(a, "%s%s%s%s", app_rule_cite(o, "min_entities", what[0], a),
                                  app_rule_cite(o, "min_countries", what[1], a),
                                  app_rule_cite(o, "established",
                                                where_in_words(r->established, a), a),
                                  app_rule_cite(o, "not_controlled",
                                                "not controlled by each other: not checked", a));
    if (!r->name || !out->citations || !out->not_checked)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    size_t len = strlen(out->citations);
    if (len >= 2)
        ((char *)out->citations)[len - 2] = '\0';     /* the last "; " */
    return 0;
}

static json_t *load_rules(struct df_err *err)
{
    json_error_t je;
    json_t *root = json_loads(app_consortia_json, 0, &je);
    if (!root)
        df_err_set(err, DF_ERR_RUNTIME, "data/consortia.json (embedded):%d: %s", je.line, je.text);
    return root;
}

int app_consortium_programme(const char *name, struct arena *a, struct app_programme *out,
                             struct df_err *err)
{
    memset(out, 0, sizeof *out);
    json_t *root = load_rules(err);
    if (!root)
        return -1;
    char known[256] = "";
    size_t i;
    json_t *o;
    int rc = -1;
    json_array_foreach(json_object_get(root, "programmes"), i, o) {
        const char *n = json_string_value(json_object_get(o, "name"));
        if (!n)
            continue;
        if (name && strcasecmp(n, name) == 0) {     /* the regulation writes EDF */
            rc = parse_programme(o, a, out, err);
            if (rc < 0)
                df_err_prefix(err, "data/consortia.json (embedded): programme %s", n);
            goto out;
        }
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", *known ? ", " : "",
                 n);
    }
    df_err_set(err, DF_ERR_NOT_FOUND, "no programme \"%.64s\" (known: %s)", name ? name : "",
               *known ? known : "none");
out:
    json_decref(root);
    return rc;
}

json_t *app_consortium_programmes(struct df_err *err)
{
    json_t *root = load_rules(err), *out = json_array();
    struct arena a;
    arena_init(&a, 0);
    size_t i;
    json_t *o;
    if (!root || !out)
        goto fail;
    json_array_foreach(json_object_get(root, "programmes"), i, o) {
        struct app_programme p;
        json_t *copy = json_deep_copy(o);
        if (!copy || json_array_append_new(out, copy) < 0 || parse_programme(o, &a, &p, err) < 0 ||
            json_object_set_new(copy, "rules", json_string(p.citations)) < 0)
            goto fail;
    }
    json_decref(root);
    arena_free(&a);
    return json_pack("{so}", "programmes", out);
fail:
    if (!err->kind)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    json_decref(root);
    json_decref(out);
    arena_free(&a);
    return NULL;
}

/* members[i] of organisations ids[0..n) from the store, and their JSON. */
static int read_orgs(struct store *s, const char *const *ids, int n,
                     const struct consortium_rules *r, struct arena *a,
                     struct consortium_member *members, json_t *list, struct df_err *err)
{
    for (int i = 0; i < n; i++) {
        struct store_org o;
        if (!ids[i] || store_org_get(s, ids[i], a, &o, err) < 0) {
            if (!ids[i] || err->kind == DF_ERR_NOT_FOUND)
                return df_err_set(err, DF_ERR_NOT_FOUND, "no organisation \"%.*s\"",
                                  APP_ID_MAX, ids[i] ? ids[i] : "");
            return -1;
        }
        members[i] = (struct consortium_member){o.id, o.country};
        json_t *m = json_pack("{ss ss so ss ss sb}", "org", o.id, "name", o.name, "name_uk",
                              o.name_uk ? json_string(o.name_uk) : json_null(), "country",
                              o.country, "class", class_names[consortium_class(o.country)],
                              "counts", consortium_counts(r, o.country));
        if (!m || json_array_append_new(list, m) < 0)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    return 0;
}

json_t *app_consortium_check(struct store *s, const char *programme, const char *const *members,
                             int n, const char *const *candidates, int cands_n,
                             struct df_err *err)
{
    if (n < 1 || n > APP_CONSORTIUM_MAX || cands_n < 0 || cands_n > APP_CONSORTIUM_MAX) {
        df_err_set(err, DF_ERR_USAGE, "a consortium check takes 1 to %d members and at most %d "
                   "candidates", APP_CONSORTIUM_MAX, APP_CONSORTIUM_MAX);
        return NULL;
    }
    struct arena a;
    arena_init(&a, 0);
    struct app_programme p;
    struct consortium_member m[APP_CONSORTIUM_MAX], c[APP_CONSORTIUM_MAX];
    int pick[APP_CONSORTIUM_MAX];
    json_t *out = NULL, *mj = json_array(), *cj = json_array();
    if (!mj || !cj) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (app_consortium_programme(programme, &a, &p, err) < 0 ||
        read_orgs(s, members, n, &p.rules, &a, m, mj, err) < 0 ||
        read_orgs(s, candidates, cands_n, &p.rules, &a, c, cj, err) < 0)
        goto out;
    struct consortium_verdict v;
    consortium_judge(&p.rules, m, n, &v);
    int k = consortium_complete(&p.rules, m, n, c, cands_n, pick);
    json_t *with = k < 0 ? json_null() : json_array();
    for (int i = 0; i < k; i++)
        json_array_append_new(with, json_string(c[pick[i]].id));
    out = json_pack("{s{ss ss ss ss ss ss} sb si si si si sO sO so}", "programme", "name",
                    p.rules.name, "title", p.title ? p.title : "", "regulation",
                    p.regulation ? p.regulation : "", "url", p.url ? p.url : "", "rules",
                    p.citations, "not_checked", p.not_checked, "meets", v.meets, "entities",
                    v.entities, "countries", v.countries, "entities_missing", v.entities_missing,
                    "countries_missing", v.countries_missing, "members", mj, "candidates", cj,
                    "complete_with", with);
    if (!out)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
out:
    json_decref(mj);
    json_decref(cj);
    arena_free(&a);
    return out;
}
