/* Opening a named file for reading, replacing one whole (see file.h). */
#include "core/file.h"

#include <errno.h>
#include <stdbool.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void replace_free(struct file_replace *w)
{
    free(w->path);
    free(w->tmp);
    *w = (struct file_replace){0};
}

/* mode: the new file's permissions, or -1 for the old file's (0666 less the
 * umask for a new one). */
static FILE *replace_open(struct file_replace *w, const char *path, int mode_asked,
                          struct df_err *err)
{
    *w = (struct file_replace){0};
    struct stat st;
    int why = 0;
    /* a link is written through, as fopen(path, "w") did, not replaced by a file */
    w->path = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? realpath(path, NULL) : strdup(path);
    if (!w->path) {
        why = errno;
        goto fail;
    }
    const char *slash = strrchr(w->path, '/');
    size_t dir_n = slash ? (size_t)(slash - w->path) + 1 : 0;
    size_t cap = strlen(w->path) + 16;
    if (!(w->tmp = malloc(cap))) {
        why = ENOMEM;
        goto fail;
    }
    snprintf(w->tmp, cap, "%.*s.%s.XXXXXX", (int)dir_n, w->path, w->path + dir_n);
    int fd = mkstemp(w->tmp);
    if (fd < 0) {
        why = errno;
        free(w->tmp);
        w->tmp = NULL;   /* nothing to remove */
        goto fail;
    }
    mode_t mode;
    if (stat(w->path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            why = EISDIR;
            close(fd);
            goto fail;
        }
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (mode_asked >= 0)
        mode = (mode_t)mode_asked;
    if (fchmod(fd, mode) != 0 || !(w->f = fdopen(fd, "wb"))) {
        why = errno;
        close(fd);
        goto fail;
    }
    return w->f;
fail:
    df_err_set(err, DF_ERR_RUNTIME, "%s: cannot write: %s", path, strerror(why));
    if (w->tmp)
        unlink(w->tmp);
    replace_free(w);
    return NULL;
}

FILE *file_replace_open(struct file_replace *w, const char *path, struct df_err *err)
{
    return replace_open(w, path, -1, err);
}

FILE *file_replace_open_private(struct file_replace *w, const char *path, struct df_err *err)
{
    return replace_open(w, path, 0600, err);
}

/* Flushes, syncs and closes w->f: 0, or the errno of what failed. */
static int replace_close(struct file_replace *w)
{
    int why = 0;
    errno = 0;
    if (fflush(w->f) != 0 || ferror(w->f) || fsync(fileno(w->f)) != 0)
        why = errno ? errno : EIO;
    if (fclose(w->f) != 0 && !why)
        why = errno;
    w->f = NULL;
    return why;
}

int file_replace_sync(struct file_replace *w, struct df_err *err)
{
    int why = replace_close(w);
    if (why) {
        df_err_set(err, DF_ERR_RUNTIME, "%s: cannot write: %s (the file is as it was)", w->path,
                   strerror(why));
        unlink(w->tmp);
        replace_free(w);
        return -1;
    }
    return 0;
}

int file_replace_commit(struct file_replace *w, struct df_err *err)
{
    bool synced = !w->f;   /* file_replace_sync ran: the other change is made */
    int why = synced ? 0 : replace_close(w);
    if (!why && rename(w->tmp, w->path) != 0)
        why = errno;
    if (why && synced) {
        df_err_set(err, DF_ERR_RUNTIME, "%s: cannot write: %s; it is written whole as %s",
                   w->path, strerror(why), w->tmp);
    } else if (why) {
        df_err_set(err, DF_ERR_RUNTIME, "%s: cannot write: %s (the file is as it was)", w->path,
                   strerror(why));
        unlink(w->tmp);
    }
    replace_free(w);
    return why ? -1 : 0;
}

void file_replace_abort(struct file_replace *w)
{
    if (w->f)
        fclose(w->f);
    if (w->tmp)
        unlink(w->tmp);
    replace_free(w);
}
