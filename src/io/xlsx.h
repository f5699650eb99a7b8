/* Spreadsheets for organisers (.xlsx, through libxlsxwriter): one sheet of
 * rows under a bold, frozen header row with a filter, every value written as
 * text or a number, never a formula, in UTF-8 that Excel reads as it is (a
 * CSV file opened in Excel on a Ukrainian Windows is read as Windows-1251). */
#ifndef DFNC_IO_XLSX_H
#define DFNC_IO_XLSX_H

#include <stdio.h>

#include "core/err.h"

/* Excel's own limits, refused by their row rather than cut */
#define XLSX_CELL_MAX 32767     /* characters in a cell */
#define XLSX_ROWS_MAX 1048575   /* data rows under the header */

struct xlsx_book;

/* A workbook of one sheet named sheet (at most 31 characters, none of
 * []:*?/\), its header row the n names; written to a temporary file until
 * xlsx_close. NULL with err. */
struct xlsx_book *xlsx_open(const char *sheet, const char *const *header, int n,
                            struct df_err *err);
/* One row of n values (NULL or "" leaves the cell empty); a value of digits
 * alone (no leading zero, at most 15) is written as a number. -1 with err
 * (DF_ERR_INPUT naming the row and column for a value past Excel's limit). */
int xlsx_row(struct xlsx_book *b, const char *const *values, int n, struct df_err *err);
/* Finishes the workbook, copies it to out and frees b (also on failure). */
int xlsx_close(struct xlsx_book *b, FILE *out, struct df_err *err);
/* Frees b without writing anything. */
void xlsx_abort(struct xlsx_book *b);

#endif
