/* Importing CORDIS open data (projects and participations CSV, the columns of
 * ../shared/data/cordis): organisations (id = orgID) and their track record of
 * projects, in one transaction; the first bad row aborts with FILE:LINE. */
#ifndef DFNC_APP_CORDIS_H
#define DFNC_APP_CORDIS_H

#include "core/err.h"
#include "store/store.h"

struct app_cordis_result {
    int projects, participations, organisations_added;
};

int app_import_cordis(struct store *s, const char *projects_path,
                      const char *participations_path, struct app_cordis_result *res,
                      struct df_err *err);

/* The dfnc kind of a CORDIS activityType (PRC company, REC/HES research, PUB
 * government, OTH other); NULL when unknown. */
const char *app_cordis_kind(const char *activity_type);

#endif
