/* `dfnc check`: every stored row judged by today's input rules, the very
 * functions the imports and the API refuse input with (app/fields.h and
 * their kin), since a row an older dfnc stored was never judged again; and
 * the store's integrity. It only reads, while a server may serve. */
#ifndef DFNC_APP_CHECK_H
#define DFNC_APP_CHECK_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"

/* One stored value today's rules refuse (a problem), or one they let pass
 * that an organiser would want to know of (a warning: a request between
 * colleagues, a schema older than this dfnc's). kind is the row's kind in
 * an organiser's words (organisation, person, capability, event, session,
 * slot, table, interpreter, request, meeting, outcome, demand, supply,
 * user, glossary or database), id its id (a capability's is
 * ORG/DIRECTION/CPV, an outcome's REQUEST/PERSON, a user's the e-mail, a glossary line's "line N"), field the column, message the sentence an import or the API
 * gives for it. Control, invisible and non-UTF-8 bytes of stored values are
 * shown escaped (\x1B, <U+202E>), so a hostile row cannot drive a terminal
 * or hide. */
struct app_check_finding {
    const char *kind, *id, *field, *message;
    bool warning;
};

/* Rows read and findings per kind, in the order of APP_CHECK_KINDS. */
struct app_check_count {
    const char *kind;
    long long rows;
    int problems, warnings;
};

#define APP_CHECK_KINDS 16

struct app_check_report {
    int schema_version;     /* the file's */
    int latest_version;     /* this dfnc's; the rows were read as migrated to it */
    bool integrity_ok, foreign_keys_ok;
    struct app_check_count counts[APP_CHECK_KINDS];
    struct app_check_finding *findings;   /* in the order found: by kind, then id */
    int findings_n, findings_cap;
    long long rows;
    int problems, warnings;
    struct arena a;         /* the findings' strings */
};

/* Checks the database at path, opened read-only (store_open_read_only):
 * fills *r (free it with app_check_report_free, also after a failure).
 * 0 when it could be read, whatever it found; -1 with err when not. */
int app_check(const char *path, struct app_check_report *r, struct df_err *err);
void app_check_report_free(struct app_check_report *r);

#endif
