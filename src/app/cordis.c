/* CORDIS import (cordis.h): projects first, then participations, which create
 * the organisations they name (an organisation dfnc already has keeps its own
 * profile) and link them to the project. A bad row is named and the next one
 * read; nothing is kept when any was refused. */
#include "app/cordis.h"
#include "app/fields.h"
#include "app/import.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/country.h"
#include "io/csv.h"
#include "store/projects.h"

const char *app_cordis_kind(const char *t)
{
    static const char *const map[][2] = {
        {"PRC", "company"}, {"REC", "research"}, {"HES", "research"},
        {"PUB", "government"}, {"OTH", "other"},
    };
    for (size_t i = 0; t && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(t, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static const char *field(const struct csv_reader *r, const struct csv_row *row, const char *col)
{
    const char *v = csv_get(r, row, col);
    return v && *v ? v : NULL;
}

static int import_projects(struct store *s, const char *path, struct app_cordis_result *res,
                           struct df_err *err)
{
    static const char *const required[] = {"projectID", "title", "startDate", NULL};
    /* CORDIS publishes UTF-8: a file that is not was altered, and is refused */
    struct csv_reader *r = csv_reader_open(path, required, CODEPAGE_UTF8, err);
    if (!r)
        return -1;
    struct csv_row row;
    int got, rc = 0;
    while (rc == 0 && (got = csv_reader_next(r, &row, err)) == 1) {
        struct store_project p = {
            .id = field(r, &row, "projectID"), .acronym = field(r, &row, "acronym"),
            .title = field(r, &row, "title"), .objective = field(r, &row, "objective"),
            .programme = field(r, &row, "programme"), .start_date = field(r, &row, "startDate"),
            .end_date = field(r, &row, "endDate"),
        };
        if (app_import_row_text_check(r, &row, err) < 0)
            ;   /* named below */
        else if (!p.id || !p.title)
            df_err_set(err, DF_ERR_INPUT, "projectID and title must not be empty");
        else if (app_id_check("projectID", p.id, err) < 0)
            ;   /* named below */
        else if (strlen(p.start_date ? p.start_date : "") < 4)
            df_err_set(err, DF_ERR_INPUT, "startDate \"%s\" is not a date",
                       p.start_date ? p.start_date : "");
        else if (store_project_upsert(s, &p, NULL, err) == 0) {
            res->projects++;
            continue;
        }
        rc = df_problems_refuse(&res->problems, err, path, row.line);
    }
    if (rc == 0)
        rc = df_problems_end(&res->problems, err, path, got);
    csv_reader_close(r);
    return rc;
}

/* The website of a CORDIS organisation as the web UI may link it
 * (app_website_read: CORDIS writes most as a bare host, www.example.eu, read
 * as http://); one that is still no web address ("www.a.eu; www.b.eu") is
 * left out, and counted, not the row refused: the rest of the organisation
 * is good open data. */
static const char *website(const char *v, char *buf, size_t cap,
                           struct app_cordis_result *res)
{
    if (!v)
        return NULL;
    struct df_err ignored = {0};
    const char *url = app_website_read(v, buf, cap, &ignored);
    if (!url)
        res->websites_left_out++;
    return url;
}

/* One participation: the organisation made when dfnc lacks it, and linked
 * to its project. 0, or -1 with err (DF_ERR_INPUT for the row's fault). */
static int participation(struct store *s, const struct csv_reader *r,
                         const struct csv_row *row, struct app_cordis_result *res,
                         struct df_err *err)
{
    const char *project = field(r, row, "projectID"), *org = field(r, row, "orgID"),
               *name = field(r, row, "name"), *type = field(r, row, "activityType"),
               *ec = field(r, row, "country"), *role = field(r, row, "role");
    if (app_import_row_text_check(r, row, err) < 0)
        return -1;
    const char *country = ec ? country_from_ec_code(ec) : NULL;
    const char *kind = app_cordis_kind(type);
    char url[512];
    if (!project || !org || !name)
        return df_err_set(err, DF_ERR_INPUT, "projectID, orgID and name must not be empty");
    /* orgID becomes the organisation's id (numbers in CORDIS's files) */
    if (app_id_check("projectID", project, err) < 0 || app_id_check("orgID", org, err) < 0)
        return -1;
    if (!country)
        return df_err_set(err, DF_ERR_INPUT, "country \"%s\" is not a CORDIS code",
                          ec ? ec : "");
    if (!kind)
        return df_err_set(err, DF_ERR_INPUT,
                          "activityType \"%s\" is not PRC, REC, HES, PUB or OTH",
                          type ? type : "");
    int exists = store_org_exists(s, org, err);
    if (exists < 0)
        return -1;
    if (exists == 0) {
        struct store_org o = {
            .id = org, .name = name, .country = country, .kind = kind,
            .city = field(r, row, "city"),
            .website = website(field(r, row, "organizationUrl"), url, sizeof url, res),
        };
        if (store_org_upsert(s, &o, NULL, err) < 0)
            return -1;
    }
    if (store_project_member_upsert(s, project, org, role, err) < 0) {
        if (err->kind == DF_ERR_NOT_FOUND)
            err->kind = DF_ERR_INPUT;   /* the row names a project the file lacks */
        return -1;
    }
    res->organisations_added += exists == 0;
    return 0;
}

static int import_participations(struct store *s, const char *path,
                                 struct app_cordis_result *res, struct df_err *err)
{
    static const char *const required[] = {"projectID", "role", "orgID", "name",
                                           "activityType", "country", NULL};
    struct csv_reader *r = csv_reader_open(path, required, CODEPAGE_UTF8, err);
    if (!r)
        return -1;
    struct csv_row row;
    int got, rc = 0;
    while (rc == 0 && (got = csv_reader_next(r, &row, err)) == 1) {
        if (participation(s, r, &row, res, err) == 0)
            res->participations++;
        else
            rc = df_problems_refuse(&res->problems, err, path, row.line);
    }
    if (rc == 0)
        rc = df_problems_end(&res->problems, err, path, got);
    csv_reader_close(r);
    return rc;
}

int app_import_cordis(struct store *s, const char *projects_path,
                      const char *participations_path, struct app_cordis_result *res,
                      struct df_err *err)
{
    *res = (struct app_cordis_result){0};
    if (store_begin(s, err) < 0)
        return -1;
    /* every row of a file is read and each refused one named; the
     * participations only when every project was taken, since a refused
     * project's members would each be named again as an unknown project */
    if (import_projects(s, projects_path, res, err) < 0 ||
        (res->problems.n == 0 &&
         import_participations(s, participations_path, res, err) < 0))
        goto rollback;
    if (res->problems.n > 0) {
        df_err_set(err, DF_ERR_INPUT, "%s", res->problems.msg[0]);
        goto rollback;
    }
    return store_commit(s, err);
rollback:
    store_rollback(s);
    res->projects = res->participations = res->organisations_added = res->websites_left_out = 0;
    return -1;
}
