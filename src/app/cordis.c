/* CORDIS import (cordis.h): projects first, then participations, which create
 * the organisations they name (an organisation dfnc already has keeps its own
 * profile) and link them to the project. */
#include "app/cordis.h"

#include <string.h>

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
    struct csv_reader *r = csv_reader_open(path, required, err);
    if (!r)
        return -1;
    struct csv_row row;
    int rc;
    while ((rc = csv_reader_next(r, &row, err)) == 1) {
        struct store_project p = {
            .id = field(r, &row, "projectID"), .acronym = field(r, &row, "acronym"),
            .title = field(r, &row, "title"), .objective = field(r, &row, "objective"),
            .programme = field(r, &row, "programme"), .start_date = field(r, &row, "startDate"),
            .end_date = field(r, &row, "endDate"),
        };
        if (!p.id || !p.title) {
            rc = df_err_set(err, DF_ERR_INPUT, "%s:%d: projectID and title must not be empty",
                            path, row.line);
            break;
        }
        if (strlen(p.start_date ? p.start_date : "") < 4) {
            rc = df_err_set(err, DF_ERR_INPUT, "%s:%d: startDate \"%s\" is not a date", path,
                            row.line, p.start_date ? p.start_date : "");
            break;
        }
        if (store_project_upsert(s, &p, NULL, err) < 0) {
            df_err_prefix(err, "%s:%d", path, row.line);
            rc = -1;
            break;
        }
        res->projects++;
    }
    csv_reader_close(r);
    return rc < 0 ? -1 : 0;
}

static int import_participations(struct store *s, const char *path,
                                 struct app_cordis_result *res, struct df_err *err)
{
    static const char *const required[] = {"projectID", "role", "orgID", "name",
                                           "activityType", "country", NULL};
    struct csv_reader *r = csv_reader_open(path, required, err);
    if (!r)
        return -1;
    struct csv_row row;
    int rc;
    while ((rc = csv_reader_next(r, &row, err)) == 1) {
        const char *project = field(r, &row, "projectID"), *org = field(r, &row, "orgID"),
                   *name = field(r, &row, "name"), *type = field(r, &row, "activityType"),
                   *ec = field(r, &row, "country"), *role = field(r, &row, "role");
        const char *country = ec ? country_from_ec_code(ec) : NULL;
        if (!country && ec && strcmp(ec, "XK") == 0)
            country = "XK";   /* Kosovo: the code the EU uses, not yet in ISO 3166 */
        const char *kind = app_cordis_kind(type);
        if (!project || !org || !name) {
            rc = df_err_set(err, DF_ERR_INPUT,
                            "%s:%d: projectID, orgID and name must not be empty", path, row.line);
            break;
        }
        if (!country) {
            rc = df_err_set(err, DF_ERR_INPUT, "%s:%d: country \"%s\" is not a CORDIS code",
                            path, row.line, ec ? ec : "");
            break;
        }
        if (!kind) {
            rc = df_err_set(err, DF_ERR_INPUT,
                            "%s:%d: activityType \"%s\" is not PRC, REC, HES, PUB or OTH", path,
                            row.line, type ? type : "");
            break;
        }
        int exists = store_org_exists(s, org, err);
        if (exists == 0) {
            struct store_org o = {
                .id = org, .name = name, .country = country, .kind = kind,
                .city = field(r, &row, "city"), .website = field(r, &row, "organizationUrl"),
            };
            if (store_org_upsert(s, &o, NULL, err) < 0)
                exists = -1;
            else
                res->organisations_added++;
        }
        if (exists < 0 || store_project_member_upsert(s, project, org, role, err) < 0) {
            df_err_prefix(err, "%s:%d", path, row.line);
            err->kind = err->kind == DF_ERR_NOT_FOUND ? DF_ERR_INPUT : err->kind;
            rc = -1;
            break;
        }
        res->participations++;
    }
    csv_reader_close(r);
    return rc < 0 ? -1 : 0;
}

int app_import_cordis(struct store *s, const char *projects_path,
                      const char *participations_path, struct app_cordis_result *res,
                      struct df_err *err)
{
    *res = (struct app_cordis_result){0};
    if (store_begin(s, err) < 0)
        return -1;
    if (import_projects(s, projects_path, res, err) < 0 ||
        import_participations(s, participations_path, res, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return store_commit(s, err);
}
