/* Opening a named file for reading (see file.h). */
#include "core/file.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

FILE *file_open_read(const char *path, struct df_err *err)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    int why = f ? 0 : errno;
    if (f && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
        why = EISDIR;
    if (!why)
        return f;
    if (f)
        fclose(f);
    df_err_set(err, DF_ERR_INPUT, "%s: cannot open: %s", path, strerror(why));
    return NULL;
}
