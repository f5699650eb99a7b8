/* Unit tests of src/app/backups: the server's own copies of the database
 * (serve --backup-dir): their names, the oldest beyond a number removed
 * and nothing else touched, a copy that never overwrites, the folder
 * checked before the server starts, and the thread that takes one at once
 * and stops cleanly. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/backups.h"
#include "core/clock.h"

#define ok(call) cr_assert_geq((call), 0, "%s", err.msg)

static struct store *s;
static struct df_err err;
static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/dfnc-backups-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    char db[96];
    snprintf(db, sizeof db, "%s/forum.db.src", dir);   /* not a copy's name */
    ok(store_open(&s, db, &err));
    ok(store_exec_for_tests(s, "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('Київ')", &err));
}

static void teardown(void)
{
    store_close(s);
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[384];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

static bool exists(const char *name)
{
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return access(p, F_OK) == 0;
}

static void touch(const char *name)
{
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs("not a database", f);
    fclose(f);
}

/* How many of dir's entries are copies by their names. */
static int copies(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));)
        n += strncmp(e->d_name, "dfnc-", 5) == 0 && strlen(e->d_name) == 24 &&
             strcmp(e->d_name + 20, "Z.db") == 0;
    closedir(d);
    return n;
}

Test(backups, names_sort_as_their_times_in_utc)
{
    char name[APP_BACKUP_NAME_LEN];
    app_backup_name(0, name);
    cr_assert_str_eq(name, "dfnc-19700101T000000Z.db");
    app_backup_name(1802770200, name);   /* 2027-02-16 09:30:00 UTC */
    cr_assert_str_eq(name, "dfnc-20270216T093000Z.db");
}

Test(backups, the_oldest_beyond_keep_go_and_nothing_else, .init = setup, .fini = teardown)
{
    touch("notes.txt");
    touch("dfnc-before-the-forum.db");
    touch("dfnc-20000101T000000Z.db.partial-abcdef");
    struct app_backups_opts o = {.dir = dir, .every = 60, .keep = 2};
    struct arena a;
    arena_init(&a, 0);
    const char *path = NULL;
    int removed = -1;
    time_t t0 = 1802770200;
    ok(app_backup_take(s, &o, t0, &a, &path, &removed, &err));
    cr_assert_eq(removed, 0);
    cr_assert(strstr(path, "/dfnc-20270216T093000Z.db") != NULL, "%s", path);
    ok(app_backup_take(s, &o, t0 + 1800, &a, &path, &removed, &err));
    cr_assert_eq(removed, 0);
    ok(app_backup_take(s, &o, t0 + 3600, &a, &path, &removed, &err));
    cr_assert_eq(removed, 1, "the third beyond keep 2 removes one");
    cr_assert(!exists("dfnc-20270216T093000Z.db"), "the oldest went");
    cr_assert(exists("dfnc-20270216T100000Z.db") && exists("dfnc-20270216T103000Z.db"));
    cr_assert_eq(copies(), 2);
    cr_assert(exists("notes.txt") && exists("dfnc-before-the-forum.db") &&
                  exists("dfnc-20000101T000000Z.db.partial-abcdef"),
              "files not named as copies stay");
    /* the newest is a whole database with what was committed */
    struct store *c = NULL;
    ok(store_open(&c, path, &err));
    ok(store_exec_for_tests(c, "CREATE TABLE seen AS SELECT v FROM kept WHERE v = 'Київ'", &err));
    store_close(c);
    arena_free(&a);
}

/* name's modification time set back by seconds. */
static void age(const char *name, int seconds)
{
    char p[160];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct timespec t[2] = {{.tv_sec = time(NULL) - seconds}, {.tv_sec = time(NULL) - seconds}};
    cr_assert_eq(utimensat(AT_FDCWD, p, t, 0), 0);
}

Test(backups, a_half_written_copy_a_crash_left_goes_a_fresh_one_stays, .init = setup,
     .fini = teardown)
{
    touch("dfnc-20270216T080000Z.db.partial-Ab12xY");   /* a crash two hours ago */
    age("dfnc-20270216T080000Z.db.partial-Ab12xY", 7200);
    touch("dfnc-20270216T090000Z.db.partial-Qz98kL");   /* being written now */
    touch("notes.db.partial-Ab12xY");                   /* not a copy's */
    age("notes.db.partial-Ab12xY", 7200);
    touch("dfnc-20270216T080000Z.db.partial-toolong1"); /* not mkstemp's shape */
    age("dfnc-20270216T080000Z.db.partial-toolong1", 7200);
    struct app_backups_opts o = {.dir = dir, .every = 60, .keep = 5};
    struct arena a;
    arena_init(&a, 0);
    const char *path = NULL;
    int removed = -1;
    ok(app_backup_take(s, &o, 1802770200, &a, &path, &removed, &err));
    cr_assert_eq(removed, 1, "the stale half-written copy, and only it");
    cr_assert(!exists("dfnc-20270216T080000Z.db.partial-Ab12xY"));
    cr_assert(exists("dfnc-20270216T090000Z.db.partial-Qz98kL"), "one being written stays");
    cr_assert(exists("notes.db.partial-Ab12xY") &&
                  exists("dfnc-20270216T080000Z.db.partial-toolong1"),
              "files not of a copy's shape stay, however old");
    arena_free(&a);
}

Test(backups, a_copy_never_overwrites, .init = setup, .fini = teardown)
{
    touch("dfnc-20270216T093000Z.db");
    struct app_backups_opts o = {.dir = dir, .every = 60, .keep = 5};
    struct arena a;
    arena_init(&a, 0);
    const char *path = NULL;
    int removed = 0;
    cr_assert_lt(app_backup_take(s, &o, 1802770200, &a, &path, &removed, &err), 0);
    cr_assert(strstr(err.msg, "dfnc-20270216T093000Z.db") != NULL, "%s", err.msg);
    char p[160];
    snprintf(p, sizeof p, "%s/dfnc-20270216T093000Z.db", dir);
    struct stat st;
    cr_assert_eq(stat(p, &st), 0);
    cr_assert_eq(st.st_size, (off_t)strlen("not a database"), "the file there is as it was");
    arena_free(&a);
}

Test(backups, the_folder_is_checked_before_serving, .init = setup, .fini = teardown)
{
    char p[160];
    snprintf(p, sizeof p, "%s/missing", dir);
    cr_assert_lt(app_backups_dir_check(p, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_USAGE);
    cr_assert(strstr(err.msg, "No such file") != NULL, "%s", err.msg);
    touch("a-file");
    snprintf(p, sizeof p, "%s/a-file", dir);
    err = (struct df_err){0};
    cr_assert_lt(app_backups_dir_check(p, &err), 0);
    cr_assert(strstr(err.msg, "is not a folder") != NULL, "%s", err.msg);
    err = (struct df_err){0};
    ok(app_backups_dir_check(dir, &err));
}

Test(backups, the_thread_takes_one_at_once_and_none_after_it_stops, .init = setup,
     .fini = teardown)
{
    char db[96];
    snprintf(db, sizeof db, "%s/forum.db.src", dir);
    struct app_backups_opts o = {.dir = dir, .every = 3600, .keep = 5};
    struct app_backups *b = NULL;
    struct app_backups_status *st = app_backups_status_new(&o);
    cr_assert_not_null(st);
    json_t *none = app_backups_status_json(st);
    cr_assert(json_is_null(json_object_get(none, "last")), "no copy yet");
    json_decref(none);
    ok(app_backups_start(db, &o, st, &b, &err));
    double until = clock_seconds() + 10;
    while (copies() == 0 && clock_seconds() < until)
        usleep(20000);
    cr_assert_eq(copies(), 1, "one copy once it starts");
    double before = clock_seconds();
    app_backups_stop(b);   /* wakes it from its hour's wait */
    cr_assert_lt(clock_seconds() - before, 2.0, "stopping does not wait out the hour");
    cr_assert_eq(copies(), 1);
    /* the console is told of it: when, which file, none failed */
    json_t *j = app_backups_status_json(st);
    cr_assert(json_is_true(json_object_get(j, "on")));
    cr_assert_eq(json_integer_value(json_object_get(j, "every_minutes")), 60);
    const char *file = json_string_value(json_object_get(json_object_get(j, "last"), "file"));
    cr_assert(file && strncmp(file, "dfnc-", 5) == 0 && strlen(file) == 24, "%s", file ? file : "none");
    cr_assert(json_is_null(json_object_get(j, "failed")));
    json_decref(j);
    app_backups_status_free(st);
    j = app_backups_status_json(NULL);
    cr_assert(json_is_false(json_object_get(j, "on")), "no backups: off");
    json_decref(j);
}

Test(backups, a_failed_copy_is_told_with_why, .init = setup, .fini = teardown)
{
    char db[96];
    snprintf(db, sizeof db, "%s/forum.db.src", dir);
    /* the folder gone under the running server: the copy fails, and says why */
    char gone[96];
    snprintf(gone, sizeof gone, "%s/gone", dir);
    cr_assert_eq(mkdir(gone, 0700), 0);
    struct app_backups_opts o = {.dir = gone, .every = 3600, .keep = 5};
    cr_assert_eq(rmdir(gone), 0);
    struct app_backups_status *st = app_backups_status_new(&o);
    struct app_backups *b = NULL;
    ok(app_backups_start(db, &o, st, &b, &err));
    json_t *j = NULL;
    double until = clock_seconds() + 10;
    do {
        json_decref(j);
        usleep(20000);
        j = app_backups_status_json(st);
    } while (json_is_null(json_object_get(j, "failed")) && clock_seconds() < until);
    app_backups_stop(b);
    const char *why = json_string_value(json_object_get(json_object_get(j, "failed"), "error"));
    cr_assert(why && strstr(why, "gone") != NULL, "%s", why ? why : "no failure told");
    cr_assert(json_is_null(json_object_get(j, "last")));
    json_decref(j);
    app_backups_status_free(st);
}
