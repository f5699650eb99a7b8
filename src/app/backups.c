#include "app/backups.h"
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/clock.h"
#include "core/date.h"
#include "core/grow.h"
#include "core/log.h"
#include "core/ticker.h"
#include "core/utf8.h"

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

/* Whether name is a copy's file left half-written: a copy's name, then
 * ".partial-" and mkstemp's six letters (store_backup's own shape). */
static bool is_partial_name(const char *name)
{
    static const char tail[] = ".partial-XXXXXX";
    size_t copy = sizeof "dfnc-DDDDDDDDTDDDDDDZ.db" - 1;
    if (strlen(name) != copy + sizeof tail - 1 || strncmp(name + copy, tail, 9) != 0)
        return false;
    char head[sizeof "dfnc-DDDDDDDDTDDDDDDZ.db"];
    memcpy(head, name, copy);
    head[copy] = '\0';
    return is_backup_name(head);
}

/* A copy being written is touched all along; one untouched for an hour
 * was left by a process that died mid-copy. */
enum { PARTIAL_STALE_SECONDS = 3600 };

static int by_name_newest_first(const void *x, const void *y)
{
    return strcmp(*(char *const *)y, *(char *const *)x);
}

/* Removes dir's copies beyond the newest keep, and half-written ones a
 * crash left (stale by the file's own clock); how many went, or -1. */
static int prune(const char *dir, int keep, struct arena *a, struct df_err *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return df_err_set(err, DF_ERR_RUNTIME, "cannot read %s: %s", dir, strerror(errno));
    char **names = NULL;
    int n = 0, cap = 0, rc = 0, removed = 0;
    time_t wall = time(NULL);
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (is_partial_name(e->d_name)) {
            const char *p = arena_printf(a, "%s/%s", dir, e->d_name);
            struct stat st;
            if (p && stat(p, &st) == 0 && wall - st.st_mtime > PARTIAL_STALE_SECONDS &&
                unlink(p) == 0)
                removed++;   /* one that cannot go is tried again at the next copy */
            continue;
        }
        if (!is_backup_name(e->d_name))
            continue;
        if (df_grow((void **)&names, &cap, n, sizeof *names) < 0 ||
            !(names[n++] = arena_strdup(a, e->d_name)))
            rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    closedir(d);
    if (rc == 0 && n) {
        qsort(names, (size_t)n, sizeof *names, by_name_newest_first);
        for (int i = keep; i < n; i++) {
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

struct app_backups_status {
    pthread_mutex_t lock;
    struct app_backups_opts o;
    long long last_at, failed_at;   /* 0: none */
    char last_file[APP_BACKUP_NAME_LEN];
    double last_mib;
    char failed[256];
};

struct app_backups_status *app_backups_status_new(const struct app_backups_opts *o)
{
    struct app_backups_status *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    pthread_mutex_init(&st->lock, NULL);
    st->o = *o;
    return st;
}

void app_backups_status_free(struct app_backups_status *st)
{
    if (!st)
        return;
    pthread_mutex_destroy(&st->lock);
    free(st);
}

/* A copy written (path NULL: a failure, why), at now. */
static void status_tell(struct app_backups_status *st, long long now, const char *path,
                        double mib, const char *why)
{
    if (!st)
        return;
    pthread_mutex_lock(&st->lock);
    if (path) {
        const char *slash = strrchr(path, '/');
        snprintf(st->last_file, sizeof st->last_file, "%.24s", slash ? slash + 1 : path);
        st->last_at = now;
        st->last_mib = mib;
        st->failed_at = 0;
    } else {
        const char *w = why ? why : "";
        size_t k = utf8_prefix(w, strlen(w), sizeof st->failed - 1);   /* whole characters */
        memcpy(st->failed, w, k);
        st->failed[k] = '\0';
        st->failed_at = now;
    }
    pthread_mutex_unlock(&st->lock);
}

json_t *app_backups_status_json(struct app_backups_status *st)
{
    if (!st)
        return json_pack("{sb}", "on", 0);
    char at[DATE_UTC_TEXT_SIZE], failed_at[DATE_UTC_TEXT_SIZE];
    pthread_mutex_lock(&st->lock);
    date_utc_text(st->last_at, at);
    date_utc_text(st->failed_at, failed_at);
    json_t *last = st->last_at ? json_pack("{ss ss sf}", "at", at, "file", st->last_file, "mib",
                                           st->last_mib)
                               : json_null();
    /* an error's text may carry a path's bytes as they are: not UTF-8, none */
    json_t *failed = st->failed_at ? json_pack("{ss ss}", "at", failed_at, "error",
                                               utf8_is_valid(st->failed, strlen(st->failed), NULL)
                                                   ? st->failed
                                                   : "(not UTF-8)")
                                   : json_null();
    json_t *j = json_pack("{sb ss si si so* so*}", "on", 1, "dir", st->o.dir, "every_minutes",
                          st->o.every / 60, "keep", st->o.keep, "last", last, "failed", failed);
    pthread_mutex_unlock(&st->lock);
    return j;
}

struct app_backups {
    struct ticker *ticker;
    struct store *s;
    struct app_backups_opts o;
    struct app_backups_status *status;
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
    time_t now = time(NULL);
    if (app_backup_take(b->s, &b->o, now, &a, &path, &removed, &err) < 0) {
        log_msg(LOG_ERROR, "event=backup_failed error=\"%s\"", err.msg);
        status_tell(b->status, now, NULL, 0, err.msg);
    } else {
        struct stat st;
        double mib = stat(path, &st) == 0 ? st.st_size / 1048576.0 : 0;
        log_msg(LOG_INFO, "event=backup_written file=\"%s\" mib=%.1f ms=%.0f removed=%d", path,
                mib, 1000 * (clock_seconds() - start), removed);
        status_tell(b->status, now, path, mib, NULL);
    }
    arena_free(&a);
}

int app_backups_start(const char *db_path, const struct app_backups_opts *o,
                      struct app_backups_status *status, struct app_backups **out,
                      struct df_err *err)
{
    struct app_backups *b = calloc(1, sizeof *b);
    if (!b)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the backups");
    b->o = *o;
    b->status = status;
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
