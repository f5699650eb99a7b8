/* Exporting the forum's tables as CSV (the import columns, so an export can be
 * imported again), JSON, or an .xlsx spreadsheet of the CSV's columns. */
#ifndef DFNC_APP_EXPORT_H
#define DFNC_APP_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "core/err.h"
#include "store/store.h"

enum app_export_format { APP_EXPORT_CSV, APP_EXPORT_JSON, APP_EXPORT_XLSX };

/* kind: organisations, people, events, sessions, meetings, demands,
 * supplies. Writes to out; *rows gets the number of records written. */
int app_export(struct store *s, const char *kind, enum app_export_format format, FILE *out,
               int *rows, struct df_err *err);
/* Whether app_export writes kind. */
bool app_export_kind_known(const char *kind);

struct xlsx_book;

/* Ends a table written row by row: rc the rows' walk's (0, or nonzero when it
 * failed or stopped), array the JSON rows (written to out, then freed; NULL
 * unless JSON), book the spreadsheet (closed into out, or dropped when rc
 * failed; NULL unless xlsx). 0, or -1 with err (what names the table: "the
 * export of people"). */
int app_export_finish(int rc, json_t *array, struct xlsx_book *book, FILE *out,
                      const char *what, struct df_err *err);

#endif
