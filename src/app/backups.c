#include "app/backups.h"
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/clock.h"
#include "core/log.h"
#include "core/ticker.h"

void app_backup_name(time_t now, char name[APP_BACKUP_NAME_LEN])
{
    struct tm tm;
    gmtime_r(&now, &tm);
    if (strftime(name, APP_BACKUP_NAME_LEN, "dfnc-%Y%m%dT%H%M%SZ.db", &tm) == 0)
        strcpy(name, "dfnc-00000000T000000Z.db"); /* a year past 9999 */
}

/* Whether name is one of ours: dfnc-, 8 digits, T, 6 digits, Z.db. */
static bool is_backup_name(const char *name)
{
    static const char shape[] = "dfnc-DDDDDDDDTDDDDDDZ.db";
    if (strlen(name) != sizeof shape - 1)
        return false;
    for (size_t i = 0; shape[i]; i++)
        if (shape[i] == 'D' ? name[i] < '0' || name[i] > '9' : name[i] != shape[i])
            return false;
    return true;
}

int app_backups_dir_check(const char *dir, struct df_err *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return df_err_set(err, DF_ERR_USAGE, "--backup-dir %s: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return df_err_set(err, DF_ERR_USAGE, "--backup-dir %s is not a folder", dir);
    if (access(dir, W_OK | X_OK) != 0)
        return df_err_set(err, DF_ERR_USAGE, "--backup-dir %s: this process may not write there",
                          dir);
    return 0;
}

static int by_name_newest_first(const void *x, const void *y)
{
    return strcmp(*(char *const *)y, *(char *const *)x);
}

/* Removes dir's copies beyond the newest keep; how many went, or -1. */
static int prune(const char *dir, int keep, struct arena *a, struct df_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return df_err_set(err, DF_ERR_RUNTIME, "cannot read %s: %s", dir, strerror(errno));
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    int rc = names ? 0 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (!is_backup_name(e->d_name))
            continue;
        if (n == cap) {
            char **more = realloc(names, 2 * cap * sizeof *names);
            if (!more) {
                rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
                break;
            }
            names = more;
            cap *= 2;
        }
        if (!(names[n++] = arena_strdup(a, e->d_name)))
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    closedir(d);
    int removed = 0;
    if (rc == 0) {
        qsort(names, n, sizeof *names, by_name_newest_first);
        for (size_t i = (size_t)keep; i < n; i++) {
            const char *p = arena_printf(a, "%s/%s", dir, names[i]);
            if (!p || unlink(p) != 0) {
                rc = df_err_set(err, DF_ERR_RUNTIME, "cannot remove the old backup %s/%s: %s",
                                dir, names[i], p ? strerror(errno) : "out of memory");
                break;
            }
            removed++;
        }
    }
    free(names);
    return rc < 0 ? -1 : removed;
}

int app_backup_take(struct store *s, const struct app_backups_opts *o, time_t now,
                    struct arena *a, const char **path, int *removed, struct df_err *err)
{
    char name[APP_BACKUP_NAME_LEN];
    app_backup_name(now, name);
    const char *p = arena_printf(a, "%s/%s", o->dir, name);
    if (!p)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (store_backup(s, p, err) < 0)
        return -1;
    *path = p;
    int gone = prune(o->dir, o->keep > 0 ? o->keep : 1, a, err);
    if (gone < 0)
        return -1;
    *removed = gone;
    return 0;
}

struct app_backups {
    struct ticker *ticker;
    struct store *s;
    struct app_backups_opts o;
};

static void take_tick(void *ud)
{
    struct app_backups *b = ud;
    struct arena a;
    arena_init(&a, 0);
    struct df_err err = {0};
    const char *path = NULL;
    int removed = 0;
    double start = clock_seconds();
    if (app_backup_take(b->s, &b->o, time(NULL), &a, &path, &removed, &err) < 0) {
        log_msg(LOG_ERROR, "event=backup_failed error=\"%s\"", err.msg);
    } else {
        struct stat st;
        double mib = stat(path, &st) == 0 ? st.st_size / 1048576.0 : 0;
        log_msg(LOG_INFO, "event=backup_written file=\"%s\" mib=%.1f ms=%.0f removed=%d", path,
                mib, 1000 * (clock_seconds() - start), removed);
    }
    arena_free(&a);
}

int app_backups_start(const char *db_path, const struct app_backups_opts *o,
                      struct app_backups **out, struct df_err *err)
{
    struct app_backups *b = calloc(1, sizeof *b);
    if (!b)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the backups");
    b->o = *o;
    if (store_open(&b->s, db_path, err) < 0) {
        free(b);
        return -1;
    }
    b->ticker = ticker_start(o->every, take_tick, b);
    if (!b->ticker) {
        store_close(b->s);
        free(b);
        return df_err_set(err, DF_ERR_RUNTIME, "could not start the backups' thread");
    }
    *out = b;
    return 0;
}

void app_backups_stop(struct app_backups *b)
{
    if (!b)
        return;
    ticker_stop(b->ticker);
    store_close(b->s);
    free(b);
}
