/* .xlsx sheets through libxlsxwriter (see xlsx.h). libxlsxwriter writes to
 * a file name, not a stream: the workbook goes to a temporary file first,
 * then into the caller's stream, so that `-` (stdout) and dfnc's whole-file
 * replacement work as for CSV. */
#include "io/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/utf8.h"

#define WIDTH_MIN 6
#define WIDTH_MAX 60

struct xlsx_book {
    char path[64];
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold;
    int columns;
    lxw_row_t rows;              /* data rows written */
    unsigned short width[64];    /* widest value per column, in characters */
};

/* Numbers Excel holds exactly: digits only, no leading zero but 0 itself. */
static int is_plain_number(const char *v, size_t n)
{
    if (n == 0 || n > 15 || (n > 1 && v[0] == '0'))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] < '0' || v[i] > '9')
            return 0;
    return 1;
}

static void note_width(struct xlsx_book *b, int col, size_t chars)
{
    if (col < (int)(sizeof b->width / sizeof b->width[0]) && chars > b->width[col])
        b->width[col] = chars > WIDTH_MAX ? WIDTH_MAX : (unsigned short)chars;
}

void xlsx_abort(struct xlsx_book *b)
{
    if (!b)
        return;
    if (b->wb) {
        /* libxlsxwriter frees a workbook only by closing it: its file goes */
        workbook_close(b->wb);
    }
    unlink(b->path);
    free(b);
}

struct xlsx_book *xlsx_open(const char *sheet, const char *const *header, int n,
                            struct df_err *err)
{
    struct xlsx_book *b = calloc(1, sizeof *b);
    if (!b) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    const char *dir = getenv("TMPDIR");
    snprintf(b->path, sizeof b->path, "%s/dfnc-xlsx-XXXXXX",
             dir && *dir && strlen(dir) < 40 ? dir : "/tmp");
    int fd = mkstemp(b->path);
    if (fd < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot make a temporary file for the workbook: %m");
        free(b);
        return NULL;
    }
    close(fd);
    b->columns = n;
    b->wb = workbook_new(b->path);
    b->ws = b->wb ? workbook_add_worksheet(b->wb, sheet) : NULL;
    b->bold = b->ws ? workbook_add_format(b->wb) : NULL;
    if (!b->bold) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot start the workbook");
        xlsx_abort(b);
        return NULL;
    }
    format_set_bold(b->bold);
    for (int c = 0; c < n; c++) {
        if (worksheet_write_string(b->ws, 0, (lxw_col_t)c, header[c], b->bold) != LXW_NO_ERROR) {
            df_err_set(err, DF_ERR_RUNTIME, "cannot write the workbook's header");
            xlsx_abort(b);
            return NULL;
        }
        note_width(b, c, utf8_length(header[c], strlen(header[c])) + 2);
    }
    worksheet_freeze_panes(b->ws, 1, 0);
    return b;
}

int xlsx_row(struct xlsx_book *b, const char *const *values, int n, struct df_err *err)
{
    if (b->rows >= XLSX_ROWS_MAX)
        return df_err_set(err, DF_ERR_INPUT, "more than %d rows: past what a spreadsheet holds",
                          XLSX_ROWS_MAX);
    lxw_row_t row = b->rows + 1;
    for (int c = 0; c < n && c < b->columns; c++) {
        const char *v = values[c];
        size_t len = v ? strlen(v) : 0;
        if (!len)
            continue;
        size_t chars = utf8_length(v, len);
        if (chars > XLSX_CELL_MAX)
            return df_err_set(err, DF_ERR_INPUT,
                              "row %u, column %d: %zu characters, past the %d a spreadsheet cell "
                              "holds (export as csv or json instead)",
                              (unsigned)row + 1, c + 1, chars, XLSX_CELL_MAX);
        lxw_error e = is_plain_number(v, len)
                          ? worksheet_write_number(b->ws, row, (lxw_col_t)c, strtod(v, NULL), NULL)
                          : worksheet_write_string(b->ws, row, (lxw_col_t)c, v, NULL);
        if (e != LXW_NO_ERROR)
            return df_err_set(err, DF_ERR_RUNTIME, "writing row %u of the workbook: %s",
                              (unsigned)row + 1, lxw_strerror(e));
        note_width(b, c, chars);
    }
    b->rows++;
    return 0;
}

int xlsx_close(struct xlsx_book *b, FILE *out, struct df_err *err)
{
    for (int c = 0; c < b->columns; c++)
        worksheet_set_column(b->ws, (lxw_col_t)c, (lxw_col_t)c,
                             b->width[c] < WIDTH_MIN ? WIDTH_MIN : b->width[c] + 1, NULL);
    if (b->columns > 0)
        worksheet_autofilter(b->ws, 0, 0, b->rows, (lxw_col_t)(b->columns - 1));
    lxw_error e = workbook_close(b->wb);
    b->wb = NULL;
    int rc = 0;
    FILE *in = e == LXW_NO_ERROR ? fopen(b->path, "rb") : NULL;
    if (!in) {
        rc = df_err_set(err, DF_ERR_RUNTIME, "writing the workbook failed: %s",
                        e != LXW_NO_ERROR ? lxw_strerror(e) : "its temporary file is gone");
    } else {
        char chunk[65536];
        size_t got;
        while (rc == 0 && (got = fread(chunk, 1, sizeof chunk, in)) > 0)
            if (fwrite(chunk, 1, got, out) != got)
                rc = df_err_set(err, DF_ERR_RUNTIME, "writing the workbook failed: %m");
        if (rc == 0 && ferror(in))
            rc = df_err_set(err, DF_ERR_RUNTIME, "reading the workbook back failed: %m");
        fclose(in);
    }
    xlsx_abort(b);
    return rc;
}
