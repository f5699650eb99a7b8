/* The server's own backups while it serves (dfnc serve --backup-dir): a
 * consistent copy of the database at start and then every so often, in a
 * folder, each named by the time it was taken, the oldest beyond a number
 * removed. A forum's laptop that dies, or an import regretted at noon,
 * costs at most the minutes since the last one. */
#ifndef DFNC_APP_BACKUPS_H
#define DFNC_APP_BACKUPS_H

#include <jansson.h>
#include <time.h>
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

struct app_backups_opts {
    const char *dir;   /* an existing folder the server may write in */
    int every;         /* seconds from one copy's end to the next one */
    int keep;          /* how many of its copies the folder keeps, at least 1 */
};

/* The name of a copy taken at now: dfnc-YYYYMMDDTHHMMSSZ.db (UTC), which
 * sorts as the times do. APP_BACKUP_NAME_LEN bytes with its NUL. */
#define APP_BACKUP_NAME_LEN 25
void app_backup_name(time_t now, char name[APP_BACKUP_NAME_LEN]);

/* Checks dir for --backup-dir before the server starts: a folder that
 * exists and that this process may write in. */
int app_backups_dir_check(const char *dir, struct df_err *err);

/* One copy of s into o->dir under app_backup_name(now) (store_backup:
 * checked whole, never over a file there), then the folder's copies so
 * named beyond the newest o->keep removed; any other file stays. *path:
 * the copy's path (in a); *removed: how many old copies went. */
int app_backup_take(struct store *s, const struct app_backups_opts *o, time_t now,
                    struct arena *a, const char **path, int *removed, struct df_err *err);

/* What the console says of the backups (GET /console/backups): written by
 * their thread after each copy, read by the server's; thread-safe. */
struct app_backups_status;
/* NULL when out of memory. o->dir is kept as given: it must outlive it. */
struct app_backups_status *app_backups_status_new(const struct app_backups_opts *o);
void app_backups_status_free(struct app_backups_status *st);
/* {"on":true,"dir","every_minutes","keep","last":{"at","file","mib"} or
 * null,"failed":{"at","error"} or null} (failed: the newest failure since
 * the last copy written; times UTC); st NULL: {"on":false}. NULL when out
 * of memory. */
json_t *app_backups_status_json(struct app_backups_status *st);

/* A thread that takes a copy of the database at db_path at once, then
 * every o->every seconds, logging each (event=backup_written, or
 * event=backup_failed: a failure does not stop the server or the next
 * copy) and telling status (may be NULL). o->dir is kept as given: it must
 * outlive the thread. */
struct app_backups;
int app_backups_start(const char *db_path, const struct app_backups_opts *o,
                      struct app_backups_status *status, struct app_backups **out,
                      struct df_err *err);
/* Stops it once the copy under way, if any, is written; NULL: nothing. */
void app_backups_stop(struct app_backups *b);

#endif
