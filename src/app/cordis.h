/* Importing CORDIS open data (projects and participations CSV, the columns of
 * ../shared/data/cordis): organisations (id = orgID) and their track record of
 * projects, in one transaction. Every bad row is named (FILE:LINE: what, in
 * problems; the participations file is read only when every project was
 * taken) and then nothing is kept: -1 with DF_ERR_INPUT and the first of them
 * in err. */
#ifndef DFNC_APP_CORDIS_H
#define DFNC_APP_CORDIS_H

#include "core/err.h"
#include "store/store.h"

struct app_cordis_result {
    int projects, participations, organisations_added;
    int websites_left_out;       /* of the organisations added: no web address, even as http://HOST */
    struct df_problems problems; /* the rows refused */
};

int app_import_cordis(struct store *s, const char *projects_path,
                      const char *participations_path, struct app_cordis_result *res,
                      struct df_err *err);

/* The dfnc kind of a CORDIS activityType (PRC company, REC/HES research, PUB
 * government, OTH other); NULL when unknown. */
const char *app_cordis_kind(const char *activity_type);

#endif
