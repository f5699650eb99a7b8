/* Unit tests of src/io/csv: the reader over what spreadsheets write (the
 * delimiter of the header line, header names folded, empty rows skipped,
 * other encodings refused with what to do). The command-line side, with
 * files in those encodings, is tests/cli/spreadsheet_test.py. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

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
    o.r = csv_reader_open_stream(o.f, "t.csv", required, &o.err);
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

Test(csv, other_encodings_say_what_to_do)
{
    static const struct {
        const char *text;
        const char *want;
    } cases[] = {
        {"\xFF\xFEi\0d\0", "t.csv:1: the file is UTF-16"},
        {"\xFE\xFF\0i\0d", "t.csv:1: the file is UTF-16"},
        {"id,name\nx,\xCA\xE8\xBF\xE2\n", "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at "
                                          "offset 0): the file looks like 8-bit Cyrillic"},
        {"id,name\nx,Soci\xE9t\xE9\n", "t.csv:2: column \"name\" is not UTF-8 (byte 0xE9 at offset "
                                      "4): the file looks like 8-bit Western European"},
        {"id,name\nx,\xD0\x9A\xD0\xB8\xCA\n", "t.csv:2: column \"name\" is not UTF-8 (byte 0xCA at "
                                              "offset 4); save it as CSV UTF-8"},
        {"id,name\nx,a\xEF\xBF\xBD" "b\n", "t.csv:2: column \"name\" holds U+FFFD"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        size_t n = i < 2 ? 6 : strlen(t);
        FILE *f = fmemopen((void *)t, n, "rb");
        struct df_err err = {0};
        struct csv_reader *r = csv_reader_open_stream(f, "t.csv", NULL, &err);
        struct csv_row row;
        int got = r ? csv_reader_next(r, &row, &err) : -1;
        cr_expect_eq(got, -1, "case %zu", i);
        cr_expect(strncmp(err.msg, cases[i].want, strlen(cases[i].want)) == 0, "case %zu: %s", i,
                  err.msg);
        cr_expect(strstr(err.msg, "save it as CSV UTF-8"), "case %zu: %s", i, err.msg);
        csv_reader_close(r);
        fclose(f);
    }
}
