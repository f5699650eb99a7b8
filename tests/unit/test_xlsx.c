/* Unit tests of src/io/xlsx: Excel's limits refused by their row, nothing
 * left in the temporary folder whether the workbook is written or dropped.
 * The workbook's content, read back as Excel reads it: tests/cli/xlsx_test.py. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/xlsx.h"

static char dir[] = "/tmp/dfnc-test-xlsx-XXXXXX";

static void use_own_tmpdir(void)
{
    cr_assert(mkdtemp(dir));
    setenv("TMPDIR", dir, 1);
}

static int files_left(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void remove_tmpdir(void) { rmdir(dir); }

TestSuite(xlsx, .init = use_own_tmpdir, .fini = remove_tmpdir);

Test(xlsx, a_cell_past_excels_limit_is_refused_by_its_row)
{
    struct df_err err = {0};
    const char *header[] = {"id", "people"};
    struct xlsx_book *b = xlsx_open("meetings", header, 2, &err);
    cr_assert(b, "%s", err.msg);
    const char *first[] = {"m-1", "a;b"};
    cr_assert_eq(xlsx_row(b, first, 2, &err), 0, "%s", err.msg);
    /* 32,768 characters of two bytes: a cell holds 32,767 */
    size_t n = 32768;
    char *big = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + 2 * i, "д", 2);
    big[2 * n] = '\0';
    const char *second[] = {"m-2", big};
    cr_assert_eq(xlsx_row(b, second, 2, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "row 3") && strstr(err.msg, "column 2") &&
              strstr(err.msg, "32768 characters"), "%s", err.msg);
    big[2 * (n - 1)] = '\0';   /* 32,767 fit */
    cr_assert_eq(xlsx_row(b, second, 2, &err), 0, "%s", err.msg);
    free(big);
    cr_assert_eq(files_left(), 1, "the workbook is written to one temporary file");
    xlsx_abort(b);
    cr_assert_eq(files_left(), 0, "dropped, it leaves nothing behind");
}

Test(xlsx, closing_copies_the_workbook_and_removes_its_file)
{
    struct df_err err = {0};
    const char *header[] = {"id"};
    struct xlsx_book *b = xlsx_open("people", header, 1, &err);
    cr_assert(b, "%s", err.msg);
    const char *row[] = {"p-1"};
    cr_assert_eq(xlsx_row(b, row, 1, &err), 0, "%s", err.msg);
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    cr_assert_eq(xlsx_close(b, out, &err), 0, "%s", err.msg);
    fclose(out);
    cr_assert(len > 1000 && memcmp(data, "PK", 2) == 0, "a zip container: %zu bytes", len);
    free(data);
    cr_assert_eq(files_left(), 0);
}
