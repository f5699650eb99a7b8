/* Reading CSV files (RFC 4180, through libcsv) row by row with their line
 * numbers, so every complaint can say FILE:LINE. The file is what Excel and
 * LibreOffice write: the delimiter is the one the header line uses (',', ';'
 * or tab), a UTF-8 byte order mark is passed over, rows that hold nothing
 * (blank lines, ",,,,,") are skipped. The first row that holds anything is the
 * header; columns are looked up by name, letter case and surrounding spaces
 * aside; extra columns are allowed. A file in Windows-1251 or Windows-1252
 * is read in UTF-8, asked for or guessed (io/codepage.h). Input is bounded
 * and checked: a field over CSV_FIELD_MAX bytes, bytes that are not UTF-8
 * nor of a code page read (UTF-16 named as such), U+FFFD or an unterminated
 * quote is an error naming the line and what to do. */
#ifndef DFNC_IO_CSV_H
#define DFNC_IO_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"
#include "io/codepage.h"

#define CSV_FIELD_MAX (64 * 1024)
#define CSV_COLUMNS_MAX 256

struct csv_reader;

/* The current row: valid until the next csv_reader_next or csv_reader_close. */
struct csv_row {
    int line;                 /* 1-based line where the row starts (the header is line 1) */
    int fields_n;
    const char *const *fields;
};

/* Opens path and reads its header row. The header must name every column in
 * required (a NULL-terminated list, may be NULL): else DF_ERR_INPUT
 * "FILE:1: missing required column \"x\""; two columns whose names fold to
 * one are refused. enc is the file's encoding, or CODEPAGE_AUTO: the file is
 * read once first, and read as Windows-1251 or Windows-1252 when it is not
 * UTF-8 and its words clearly say which (codepage_sniff_verdict); otherwise
 * as UTF-8, its first bad line refused saying why no guess was taken.
 * Caller closes. */
struct csv_reader *csv_reader_open(const char *path, const char *const *required,
                                   enum codepage enc, struct df_err *err);
/* Same over an already open stream (not closed by the reader); name is used
 * in messages. CODEPAGE_AUTO reads a stream that cannot seek back as UTF-8. */
struct csv_reader *csv_reader_open_stream(FILE *f, const char *name, const char *const *required,
                                          enum codepage enc, struct df_err *err);
/* What the file is read as: CODEPAGE_UTF8, CODEPAGE_CP1251 or CODEPAGE_CP1252. */
enum codepage csv_reader_encoding(const struct csv_reader *r);
/* 1 with *row filled, 0 at end of file, -1 on error ("FILE:LINE: ..."). Blank
 * lines and rows whose fields are all empty are skipped. */
int csv_reader_next(struct csv_reader *r, struct csv_row *row, struct df_err *err);
/* Index of a header column (letter case aside), or -1. */
int csv_reader_column(const struct csv_reader *r, const char *name);
/* The name of header column i, or NULL past the header's end. */
const char *csv_reader_header(const struct csv_reader *r, int i);
/* How many columns the header has (trailing ones without a name too). */
int csv_reader_columns_n(const struct csv_reader *r);
/* How many columns up to the last one with a name: a spreadsheet's trailing
 * empty columns are the difference. */
int csv_reader_named_n(const struct csv_reader *r);
/* The delimiter the file uses (',' ';' or '\t'). */
char csv_reader_delimiter(const struct csv_reader *r);
/* The field of the named column in row ("" when the row is short), or NULL when
 * the header has no such column. */
const char *csv_get(const struct csv_reader *r, const struct csv_row *row, const char *name);
/* The file name given at open, for messages. */
const char *csv_reader_name(const struct csv_reader *r);
void csv_reader_close(struct csv_reader *r);

/* Whether a spreadsheet opening the field would read it as a formula: it
 * begins with = + - @, a tab or a carriage return, after any apostrophes
 * (OWASP's "CSV injection": a participant's name "=HYPERLINK(...)" in the
 * organiser's export). */
bool csv_field_is_formula(const char *value, size_t n);
/* Writes one field with RFC 4180 quoting when needed (comma, quote, CR/LF,
 * leading/trailing space), and an apostrophe before a field that
 * csv_field_is_formula, which spreadsheets show as text; the reader drops
 * that apostrophe again, so an export imports back unchanged. */
void csv_write_field(FILE *out, const char *value);
/* Writes one record: the n fields as csv_write_field writes them (NULL as
 * empty), commas between, a newline after. */
void csv_write_record(FILE *out, const char *const *fields, int n);

#endif
