/* Opening a file a person named on the command line or in a request for
 * reading. fopen takes a directory on Linux and only the first read fails, so
 * each reader said something else ("read error", "empty", nothing at all);
 * here a missing file and a directory alike are "PATH: cannot open: why". */
#ifndef DFNC_CORE_FILE_H
#define DFNC_CORE_FILE_H

#include <stdio.h>

#include "core/err.h"

/* Opens path for reading ("rb"). NULL with DF_ERR_INPUT "PATH: cannot open:
 * REASON" when it is missing, unreadable or a directory. The caller fcloses. */
FILE *file_open_read(const char *path, struct df_err *err);

#endif
