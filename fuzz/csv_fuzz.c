/* libFuzzer harness for the CSV reader: any bytes in, rows or a clean error out,
 * never a crash, a leak or undefined behaviour. Build and run: make fuzz-csv */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const required[] = {"id", NULL};
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    struct df_err err = {0};
    /* every encoding: the guess (which reads the whole file first), UTF-8
     * and the two code pages asked for */
    enum codepage enc = (enum codepage)(size / 2 % 4);
    struct csv_reader *r = csv_reader_open_stream(f, "fuzz.csv", size % 2 ? required : NULL, enc,
                                                  &err);
    if (r) {
        struct csv_row row;
        while (csv_reader_next(r, &row, &err) > 0) {
            const char *id = csv_get(r, &row, "id");
            if (id && row.line < 1)
                __builtin_trap(); /* every row knows its line */
            for (int i = 0; i < row.fields_n; i++)   /* whatever it was read as, UTF-8 out */
                if (!utf8_is_valid(row.fields[i], strlen(row.fields[i]), NULL))
                    __builtin_trap();
        }
        csv_reader_close(r);
    }
    fclose(f);
    return 0;
}
