/* CSV reading through libcsv, fed one physical line at a time so that every
 * row knows the line it starts on; the delimiter is the one the header line
 * uses (Excel writes ';' in most continental locales); a file in Windows-1251
 * or Windows-1252 is read through its lines in UTF-8 (io/codepage.c), so its
 * lines keep their numbers; writing with RFC 4180 quoting. */
#include "io/csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/file.h"
#include "core/utf8.h"
#include "io/codepage.h"

/* A row (all its fields) may not exceed this many bytes: longer input is
 * refused as it arrives instead of being buffered. */
#define CSV_ROW_MAX (CSV_FIELD_MAX * 4)

/* What a person does about a file in another encoding, said in every such
 * message (Excel's plain "CSV" is the Windows code page, its "Unicode Text"
 * UTF-16; both have a UTF-8 choice beside them). */
#define SAVE_AS_UTF8                                                                    \
    "save it as CSV UTF-8 (Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; "            \
    "LibreOffice: Save As, Text CSV, character set \"Unicode (UTF-8)\")"

struct csv_reader {
    FILE *f;
    int owns_f;
    char *name;
    struct csv_parser parser;
    int line;                 /* physical lines fed so far */
    int row_start;            /* line where the row being parsed began; 0 between rows */
    size_t row_bytes;         /* bytes fed since the row began */
    struct buf linebuf;
    char in[65536];           /* read-ahead: lines are cut from it with memchr */
    size_t in_pos, in_len;
    /* fields of the row being parsed */
    char **cur;
    int cur_n;
    /* a completed row waiting to be handed out */
    char **ready;
    int ready_n, ready_line, has_ready;
    /* header */
    char **header;
    char **folded;            /* header names case-folded, for lookups */
    int header_n;
    int named_n;              /* columns up to the last one with a name */
    char delim;               /* ',' ';' or '\t', from the header line; 0 before it */
    /* the first error met inside a callback */
    struct df_err *err;
    int failed, eof;
    /* the encoding: asked (CODEPAGE_AUTO to guess) and read as; why says
     * how the guess went, for the messages (codepage_sniff_verdict) */
    enum codepage asked, enc;
    char why[256];
    struct codepage_why why_coded;
    struct codepage_conv conv;   /* when enc is an 8-bit code page */
};

static void free_fields(char **f, int n)
{
    for (int i = 0; i < n; i++)
        free(f[i]);
}

/* "column \"name\"" for the field being read when the header names it,
 * else "field N". */
static void field_name(const struct csv_reader *r, char *out, size_t cap)
{
    const char *col = r->header && r->cur_n < r->header_n ? r->header[r->cur_n] : NULL;
    if (col && *col)
        snprintf(out, cap, "column \"%.60s\"", col);
    else
        snprintf(out, cap, "field %d", r->cur_n + 1);
}

/* The name of the column being read, or its number (in num) when it has none. */
static const char *column_of(const struct csv_reader *r, char num[24])
{
    const char *col = r->header && r->cur_n < r->header_n ? r->header[r->cur_n] : NULL;
    return col && *col ? col : df_num(num, r->cur_n + 1);
}

static void on_field(void *data, size_t len, void *ud)
{
    struct csv_reader *r = ud;
    if (r->failed)
        return;
    int line = r->row_start ? r->row_start : r->line;
    if (len > CSV_FIELD_MAX) {
        r->failed = 1;
        df_err_set(r->err, DF_ERR_INPUT, "%s:%d: field %d is %zu bytes long, over the limit of %d",
                   r->name, line, r->cur_n + 1, len, CSV_FIELD_MAX);
        df_err_code(r->err, "field_long", "col", column_of(r, (char[24]){0}), "n",
                    DF_NUM((long long)len), "max", DF_NUM(CSV_FIELD_MAX), NULL);
        return;
    }
    /* a C string ends at a NUL: "p-0437\0junk" would be read as p-0437 */
    const char *nul = data ? memchr(data, '\0', len) : NULL;
    if (nul) {
        r->failed = 1;
        df_err_set(r->err, DF_ERR_INPUT,
                   "%s:%d: field %d holds a NUL byte (at offset %zu); is the file UTF-16 "
                   "(Excel's \"Unicode Text\") or binary? " SAVE_AS_UTF8,
                   r->name, line, r->cur_n + 1, (size_t)(nul - (const char *)data));
        df_err_code(r->err, "nul", "n", DF_NUM(r->cur_n + 1), NULL);
        return;
    }
    size_t bad;
    if (!utf8_is_valid(data ? data : "", len, &bad)) {
        r->failed = 1;
        char what[96];
        field_name(r, what, sizeof what);
        /* why the guess, when one was made, did not read the file otherwise;
         * else what the field's own bytes look like */
        struct codepage_why coded = r->why_coded;
        const char *why = r->why[0] ? r->why : codepage_field_guess(data, len, bad, &coded);
        df_err_set(r->err, DF_ERR_INPUT, "%s:%d: %s is not UTF-8 (byte 0x%02X at offset %zu)%s; "
                   SAVE_AS_UTF8, r->name, line, what, ((unsigned char *)data)[bad], bad, why);
        df_err_code(r->err, coded.code ? coded.code : "not_utf8",
                    "col", column_of(r, (char[24]){0}), "n",
                    coded.code ? DF_NUM(coded.n) : NULL, "a", coded.code ? DF_NUM(coded.a) : NULL,
                    NULL);
        return;
    }
    /* U+FFFD stands where a program that read the file in the wrong encoding
     * lost a letter: the text is garbled already, and would be kept so */
    const char *lost = data && len >= 3 ? memmem(data, len, "\xEF\xBF\xBD", 3) : NULL;
    if (lost) {
        r->failed = 1;
        char what[96];
        field_name(r, what, sizeof what);
        df_err_set(r->err, DF_ERR_INPUT,
                   "%s:%d: %s holds U+FFFD, the replacement character (at offset %zu): letters "
                   "were lost when the file was read in another encoding; open the original "
                   "file and " SAVE_AS_UTF8,
                   r->name, line, what, (size_t)(lost - (const char *)data));
        df_err_code(r->err, "fffd", "col", column_of(r, (char[24]){0}), NULL);
        return;
    }
    if (r->cur_n >= CSV_COLUMNS_MAX) {
        r->failed = 1;
        df_err_set(r->err, DF_ERR_INPUT, "%s:%d: more than %d columns", r->name, line,
                   CSV_COLUMNS_MAX);
        df_err_code(r->err, "columns_max", "max", DF_NUM(CSV_COLUMNS_MAX), NULL);
        return;
    }
    /* what csv_write_field guarded against a spreadsheet's formulas is read
     * back as it was: its one apostrophe dropped */
    if (len > 1 && *(const char *)data == '\'' && csv_field_is_formula(data, len)) {
        data = (char *)data + 1;
        len--;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        r->failed = 1;
        df_err_set(r->err, DF_ERR_RUNTIME, "out of memory");
        return;
    }
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    r->cur[r->cur_n++] = copy;
}

static void on_row(int c, void *ud)
{
    (void)c;
    struct csv_reader *r = ud;
    if (r->failed)
        return;
    /* Hand the row out; the reader feeds line by line and stops at the first
     * completed row, so at most one row waits, unless a bare CR split a line. */
    if (r->has_ready) {
        r->failed = 1;
        df_err_set(r->err, DF_ERR_INPUT, "%s:%d: a bare carriage return (CR without LF) "
                   "ends a row inside a line, as in Excel's \"CSV (Macintosh)\"; "
                   SAVE_AS_UTF8, r->name, r->line);
        df_err_code(r->err, "bare_cr", NULL);
        return;
    }
    char **tmp = r->ready;
    free_fields(r->ready, r->ready_n);
    r->ready = r->cur;
    r->ready_n = r->cur_n;
    r->ready_line = r->row_start ? r->row_start : r->line;
    r->has_ready = 1;
    r->cur = tmp;
    r->cur_n = 0;
    r->row_start = 0;
    r->row_bytes = 0;
}

/* Reads one physical line (with its newline) into linebuf; 0 at EOF, -1 on error. */
static int read_line(struct csv_reader *r)
{
    buf_reset(&r->linebuf);
    for (;;) {
        if (r->in_pos == r->in_len) {
            r->in_len = fread(r->in, 1, sizeof r->in, r->f);
            r->in_pos = 0;
            if (r->in_len == 0) {
                if (ferror(r->f))
                    return df_err_set(r->err, DF_ERR_RUNTIME, "%s: read error", r->name);
                return r->linebuf.len > 0;
            }
        }
        const char *start = r->in + r->in_pos;
        size_t avail = r->in_len - r->in_pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        if (buf_append(&r->linebuf, start, take) < 0) {
            df_err_set(r->err, DF_ERR_INPUT, "%s:%d: line longer than %d bytes", r->name,
                       r->line + 1, CSV_ROW_MAX);
            return df_err_code(r->err, "line_long", "max", DF_NUM(CSV_ROW_MAX), NULL);
        }
        r->in_pos += take;
        if (nl)
            return 1;
    }
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* The delimiter the header line uses: the most frequent of ',', ';' and tab
 * outside quotes (a tie goes to the earlier one; none, a one-column file, is
 * ','). The header decides, not the rows: a description may hold any number
 * of commas in a semicolon-separated file. */
static char sniff_delim(const char *s, size_t n)
{
    static const char cand[] = {',', ';', '\t'};
    size_t count[3] = {0};
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        for (int k = 0; !quoted && k < 3; k++)
            count[k] += s[i] == cand[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (count[k] > count[best])
            best = k;
    return cand[best];
}

static int is_space_only(unsigned char c) { return c == ' '; }

/* The line *data[0..*n) of an 8-bit file in UTF-8, in place of it: one line
 * in, one line out, so that rows keep their lines. 0, or -1 naming the byte
 * that is no character of the code page. */
static int convert_line(struct csv_reader *r, const char **data, size_t *n)
{
    size_t bad = 0;
    int got = codepage_convert(&r->conv, *data, *n, data, n, &bad);
    if (got == -2)
        return df_err_set(r->err, DF_ERR_RUNTIME, "out of memory");
    if (got < 0) {
        unsigned char byte = (unsigned char)(*data)[bad];
        df_err_set(r->err, DF_ERR_INPUT,
                   "%s:%d: byte 0x%02X (at offset %zu of the line) is no character of %s, which "
                   "the file is read as%s; name another encoding, or " SAVE_AS_UTF8,
                   r->name, r->line, byte, bad, codepage_label(r->enc),
                   r->asked == CODEPAGE_AUTO ? r->why : "");
        char hex[3];
        snprintf(hex, sizeof hex, "%02X", byte);
        return df_err_code(r->err, "undefined_byte", "byte", hex, "n", DF_NUM((long long)bad),
                           "cp", codepage_label(r->enc), NULL);
    }
    return 0;
}

/* Feeds lines until a row is ready or the file ends. 1 row ready, 0 EOF, -1 error. */
static int fill(struct csv_reader *r)
{
    while (!r->has_ready && !r->eof) {
        int got = read_line(r);
        if (got < 0)
            return -1;
        if (got == 0) {
            r->eof = 1;
            if (csv_fini(&r->parser, on_field, on_row, r) != 0) {
                int line = r->row_start ? r->row_start : r->line;
                df_err_set(r->err, DF_ERR_INPUT,
                           "%s:%d: unterminated quoted field (a \" opened here is never closed)",
                           r->name, line);
                return df_err_code(r->err, "quote_open", NULL);
            }
            break;
        }
        r->line++;
        const char *data = buf_str(&r->linebuf);
        size_t n = r->linebuf.len;
        if (r->line == 1 && n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
            if (r->enc != CODEPAGE_UTF8) {   /* asked so: a guess takes a BOM for UTF-8 */
                df_err_set(r->err, DF_ERR_INPUT,
                           "%s:1: the file begins with UTF-8's byte order mark: it is UTF-8, "
                           "not %s; read it as UTF-8", r->name, codepage_label(r->enc));
                return df_err_code(r->err, "bom_asked", "cp", codepage_label(r->enc), NULL);
            }
            data += 3; /* a UTF-8 byte order mark */
            n -= 3;
        }
        if (r->line == 1 && n >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 ||
                                       memcmp(data, "\xFE\xFF", 2) == 0)) {
            df_err_set(r->err, DF_ERR_INPUT,
                       "%s:1: the file is UTF-16 (its byte order mark says so: Excel's "
                       "\"Unicode Text\"), not UTF-8; " SAVE_AS_UTF8, r->name);
            return df_err_code(r->err, "utf16", NULL);
        }
        if (r->enc != CODEPAGE_UTF8 && convert_line(r, &data, &n) < 0)
            return -1;
        if (!r->delim && !is_blank(data, n)) {
            /* "sep=;" before the header, which Excel reads and some programs
             * write for it, names the delimiter; the line is no row */
            int named = n >= 5 && memcmp(data, "sep=", 4) == 0 && data[4] &&
                        strchr(",;\t", data[4]) &&
                        is_blank(data + 5, n - 5);
            r->delim = named ? data[4] : sniff_delim(data, n);
            csv_set_delim(&r->parser, (unsigned char)r->delim);
            if (r->delim == '\t')   /* libcsv trims tabs as spaces otherwise */
                csv_set_space_func(&r->parser, is_space_only);
            if (named)
                continue;
        }
        if (!r->row_start && !is_blank(data, n))
            r->row_start = r->line;
        r->row_bytes += n;
        if (r->row_bytes > CSV_ROW_MAX) {
            df_err_set(r->err, DF_ERR_INPUT, "%s:%d: row longer than %d bytes (an unclosed "
                       "quote?)", r->name, r->row_start, CSV_ROW_MAX);
            return df_err_code(r->err, "row_long", "max", DF_NUM(CSV_ROW_MAX), NULL);
        }
        if (csv_parse(&r->parser, data, n, on_field, on_row, r) != n) {
            int line = r->row_start ? r->row_start : r->line;
            int e = csv_error(&r->parser);
            if (e == CSV_EPARSE) {   /* strict mode's one refusal: a quote out of place */
                df_err_set(r->err, DF_ERR_INPUT,
                           "%s:%d: a quote where CSV allows none: a field that holds a quote is "
                           "put in quotes whole, its own quotes doubled (\"TOV \"\"Dnipro\"\"\"), "
                           "and only the delimiter or the line's end may follow a closing quote "
                           "(spreadsheets write it so when they save as CSV)", r->name, line);
                return df_err_code(r->err, "stray_quote", NULL);
            }
            df_err_set(r->err, DF_ERR_INPUT, "%s:%d: malformed CSV: %s", r->name, line,
                       csv_strerror(e));
            return df_err_code(r->err, "csv_malformed", NULL);
        }
        if (r->failed)
            return -1;
    }
    if (r->failed)
        return -1;
    return r->has_ready;
}

static int is_empty_row(char *const *f, int n)
{
    for (int i = 0; i < n; i++)
        if (f[i][0])
            return 0;
    return 1;
}

/* The next row that holds anything: a spreadsheet saves its empty rows as
 * ",,,,," (or ";;;;;"), which say nothing and are passed over as blank
 * lines are. 1, 0 at the end, -1 on error. */
static int next_row(struct csv_reader *r)
{
    for (;;) {
        int got = fill(r);
        if (got <= 0 || !is_empty_row(r->ready, r->ready_n))
            return got;
        free_fields(r->ready, r->ready_n);
        r->ready_n = 0;
        r->has_ready = 0;
    }
}

/* Takes spaces, tabs and no-break spaces (U+00A0, which a header copied
 * from a web page brings) off both ends of h, in place. */
static void trim_name(char *h)
{
    size_t len = strlen(h), lead = 0;
    for (;;) {
        if (len && (h[len - 1] == ' ' || h[len - 1] == '\t'))
            len--;
        else if (len >= 2 && memcmp(h + len - 2, "\xC2\xA0", 2) == 0)
            len -= 2;
        else
            break;
    }
    for (;;) {
        if (lead < len && (h[lead] == ' ' || h[lead] == '\t'))
            lead++;
        else if (lead + 2 <= len && memcmp(h + lead, "\xC2\xA0", 2) == 0)
            lead += 2;
        else
            break;
    }
    memmove(h, h + lead, len - lead);
    h[len - lead] = '\0';
}

/* Reads the whole file once to learn what it is in (io/codepage.h), then
 * goes back to where it began. A stream that cannot go back (a pipe) is read
 * as UTF-8, and so is a file with a line too long to read: the reading
 * proper refuses it. */
static int sniff(struct csv_reader *r)
{
    r->enc = CODEPAGE_UTF8;
    long at = ftell(r->f);
    if (at < 0)
        return 0;
    struct codepage_sniff s = {0};
    struct df_err *err = r->err, scratch = {0};
    r->err = &scratch;
    int got;
    while ((got = read_line(r)) > 0)
        codepage_sniff_line(&s, r->linebuf.data, r->linebuf.len);
    r->err = err;
    if (got == 0)
        r->enc = codepage_sniff_verdict(&s, r->why, sizeof r->why, &r->why_coded);
    clearerr(r->f);
    r->in_pos = r->in_len = 0;
    buf_reset(&r->linebuf);
    if (fseek(r->f, at, SEEK_SET) != 0)
        return df_err_set(err, DF_ERR_RUNTIME, "%s: cannot read it a second time", r->name);
    return 0;
}

static struct csv_reader *open_common(FILE *f, int owns, const char *name,
                                      const char *const *required, enum codepage enc,
                                      struct df_err *err)
{
    struct csv_reader *r = calloc(1, sizeof *r);
    if (!r) {
        if (owns)
            fclose(f);
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    r->f = f;
    r->owns_f = owns;
    r->name = strdup(name);
    r->err = err;
    buf_init(&r->linebuf, CSV_ROW_MAX);
    r->cur = calloc(CSV_COLUMNS_MAX, sizeof *r->cur);
    r->ready = calloc(CSV_COLUMNS_MAX, sizeof *r->ready);
    r->conv.cd = (iconv_t)-1;
    if (!r->name || !r->cur || !r->ready ||
        csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        csv_reader_close(r);
        return NULL;
    }
    r->asked = r->enc = enc;
    if ((enc == CODEPAGE_AUTO && sniff(r) < 0) ||
        (r->enc != CODEPAGE_UTF8 && codepage_conv_open(&r->conv, r->enc, err) < 0)) {
        csv_reader_close(r);
        return NULL;
    }
    int got = next_row(r);
    if (got <= 0) {
        if (got == 0) {
            df_err_set(err, DF_ERR_INPUT, "%s:1: empty file: a header row is required", name);
            df_err_code(err, "no_header", NULL);
        }
        csv_reader_close(r);
        return NULL;
    }
    /* The first row that holds anything is the header: take its fields over. */
    int at = r->ready_line;
    r->header = r->ready;
    r->header_n = r->ready_n;
    r->ready = calloc(CSV_COLUMNS_MAX, sizeof *r->ready);
    r->folded = calloc((size_t)r->header_n, sizeof *r->folded);
    r->ready_n = 0;
    r->has_ready = 0;
    if (!r->ready || !r->folded) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        csv_reader_close(r);
        return NULL;
    }
    for (int i = 0; i < r->header_n; i++) {
        /* "Name " and "EMAIL" as a spreadsheet's header row has them are
         * name and email; a name that folds like another is refused below */
        char *h = r->header[i];
        trim_name(h);
        size_t len = strlen(h);
        if (!(r->folded[i] = malloc(len + 1))) {
            df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            csv_reader_close(r);
            return NULL;
        }
        utf8_fold_case(h, len, r->folded[i]);
        r->folded[i][len] = '\0';
        if (len)
            r->named_n = i + 1;
        for (int j = 0; len && j < i; j++) {
            if (strcmp(r->folded[j], r->folded[i]) != 0)
                continue;
            if (strcmp(r->header[j], h) == 0) {
                df_err_set(err, DF_ERR_INPUT, "%s:%d: column \"%s\" appears twice in the header",
                           name, at, h);
                df_err_code(err, "column_twice", "col", h, NULL);
            } else {
                df_err_set(err, DF_ERR_INPUT,
                           "%s:%d: columns %d (\"%s\") and %d (\"%s\") have one name, letter "
                           "case aside: rename or delete one of them",
                           name, at, j + 1, r->header[j], i + 1, h);
                df_err_code(err, "columns_fold", "a", DF_NUM(j + 1), "col", r->header[j], "b",
                            DF_NUM(i + 1), "col2", h, NULL);
            }
            csv_reader_close(r);
            return NULL;
        }
    }
    for (int i = 0; required && required[i]; i++)
        if (csv_reader_column(r, required[i]) < 0) {
            df_err_set(err, DF_ERR_INPUT, "%s:%d: missing required column \"%s\"", name, at,
                       required[i]);
            df_err_code(err, "missing_column", "col", required[i], NULL);
            csv_reader_close(r);
            return NULL;
        }
    return r;
}

struct csv_reader *csv_reader_open(const char *path, const char *const *required,
                                   enum codepage enc, struct df_err *err)
{
    FILE *f = file_open_read(path, err);
    if (!f)
        return NULL;
    return open_common(f, 1, path, required, enc, err);
}

struct csv_reader *csv_reader_open_stream(FILE *f, const char *name, const char *const *required,
                                          enum codepage enc, struct df_err *err)
{
    return open_common(f, 0, name, required, enc, err);
}

enum codepage csv_reader_encoding(const struct csv_reader *r) { return r->enc; }

int csv_reader_next(struct csv_reader *r, struct csv_row *row, struct df_err *err)
{
    r->err = err;
    if (r->has_ready) {
        free_fields(r->ready, r->ready_n);
        r->ready_n = 0;
        r->has_ready = 0;
    }
    int got = next_row(r);
    if (got <= 0)
        return got;
    row->line = r->ready_line;
    row->fields_n = r->ready_n;
    row->fields = (const char *const *)r->ready;
    return 1;
}

int csv_reader_column(const struct csv_reader *r, const char *name)
{
    char key[128];
    size_t n = strlen(name);
    if (n == 0 || n >= sizeof key)
        return -1;
    utf8_fold_case(name, n, key);
    key[n] = '\0';
    for (int i = 0; i < r->header_n; i++)
        if (strcmp(r->folded[i], key) == 0)
            return i;
    return -1;
}

const char *csv_reader_header(const struct csv_reader *r, int i)
{
    return i >= 0 && i < r->header_n ? r->header[i] : NULL;
}

int csv_reader_columns_n(const struct csv_reader *r) { return r->header_n; }

int csv_reader_named_n(const struct csv_reader *r) { return r->named_n; }

char csv_reader_delimiter(const struct csv_reader *r) { return r->delim ? r->delim : ','; }

const char *csv_get(const struct csv_reader *r, const struct csv_row *row, const char *name)
{
    int i = csv_reader_column(r, name);
    if (i < 0)
        return NULL;
    return i < row->fields_n ? row->fields[i] : "";
}

const char *csv_reader_name(const struct csv_reader *r) { return r->name; }

void csv_reader_close(struct csv_reader *r)
{
    if (!r)
        return;
    if (r->cur)
        free_fields(r->cur, r->cur_n);
    if (r->ready)
        free_fields(r->ready, r->ready_n);
    if (r->header)
        free_fields(r->header, r->header_n);
    if (r->folded)
        free_fields(r->folded, r->header_n);
    free(r->folded);
    free(r->cur);
    free(r->ready);
    free(r->header);
    csv_free(&r->parser);
    codepage_conv_close(&r->conv);
    buf_free(&r->linebuf);
    if (r->owns_f && r->f)
        fclose(r->f);
    free(r->name);
    free(r);
}

bool csv_field_is_formula(const char *value, size_t n)
{
    size_t i = 0;
    while (i < n && value[i] == '\'')
        i++;
    return i < n && value[i] && strchr("=+-@\t\r", value[i]) != NULL;
}

void csv_write_field(FILE *out, const char *value)
{
    if (!value)
        return;
    size_t n = strlen(value);
    bool guard = csv_field_is_formula(value, n);
    int quote = n > 0 && (value[0] == ' ' || value[n - 1] == ' ');
    for (size_t i = 0; !quote && i < n; i++)
        quote = value[i] == ',' || value[i] == '"' || value[i] == '\n' || value[i] == '\r';
    if (!quote) {
        if (guard)
            putc('\'', out);
        fwrite(value, 1, n, out);
        return;
    }
    putc('"', out);
    if (guard)
        putc('\'', out);
    for (size_t i = 0; i < n; i++) {
        if (value[i] == '"')
            putc('"', out);
        putc(value[i], out);
    }
    putc('"', out);
}

void csv_write_record(FILE *out, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++) {
        if (i)
            putc(',', out);
        csv_write_field(out, fields[i]);
    }
    putc('\n', out);
}
