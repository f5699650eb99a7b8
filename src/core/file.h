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

/* Writing a named file whole or not at all: what is written goes to a
 * temporary file beside it (".NAME.XXXXXX" in its directory, so that the
 * rename is atomic) and replaces it only once every byte is on disk; a
 * failure midway leaves the file as it was. The new file has the old one's
 * permissions, or 0666 less the umask; a symbolic link is written through. */
struct file_replace {
    FILE *f;      /* where to write, between open and commit or abort */
    char *path;   /* the file replaced (a link's target) */
    char *tmp;    /* the temporary file */
};

/* Opens w->f for writing ("wb"). NULL with DF_ERR_RUNTIME "PATH: cannot
 * write: REASON". Then file_replace_commit or file_replace_abort, always. */
FILE *file_replace_open(struct file_replace *w, const char *path, struct df_err *err);
/* The same for a file that holds secrets (sign-in links): 0600 whatever the
 * old file's permissions or the umask, so no other user of the machine can
 * read it. */
FILE *file_replace_open_private(struct file_replace *w, const char *path, struct df_err *err);
/* Flushes, syncs and closes w->f, then renames the temporary file over the
 * path: 0, or -1 with DF_ERR_RUNTIME and the temporary file removed. */
int file_replace_commit(struct file_replace *w, struct df_err *err);
/* For a file that must be in place exactly when another change is (a
 * database transaction): file_replace_sync flushes, syncs and closes w->f,
 * so the temporary file is whole on disk and the path still as it was; the
 * caller then commits its change and calls file_replace_commit (which then
 * only renames), or fails it and calls file_replace_abort. 0, or -1 with
 * DF_ERR_RUNTIME and the temporary file removed (w as after abort). A
 * rename that then fails keeps the temporary file and names it in err:
 * what it holds, the other change made, may be nowhere else. */
int file_replace_sync(struct file_replace *w, struct df_err *err);
/* Closes w->f and removes the temporary file; the path is as it was. */
void file_replace_abort(struct file_replace *w);

#endif
