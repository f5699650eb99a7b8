/* Unit tests of app/checkin: a check-in and its undo are written with their
 * audit line or not at all. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/checkin.h"
#include "store/web.h"
#include "scratch_db.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-checkin-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    struct store_org o = {.id = "org-ua", .name = "Kyiv Drones", .country = "UA",
                          .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    struct store_person p = {.id = "p-ua", .org = "org-ua", .name = "Олена"};
    ok(store_person_upsert(s, &p, NULL, &err));
    arena_init(&a, 0);
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* p-ua's arrival time as the console's list reads it, NULL when not arrived. */
static int keep_arrival(void *ud, const struct store_web_person *p)
{
    char *at = ud;
    snprintf(at, 32, "%s", p->checked_in_at ? p->checked_in_at : "");
    return 0;
}

static const char *arrival(char at[32])
{
    struct store_web_people_query q = {.q = "p-ua", .limit = -1};
    at[0] = '\0';
    ok(store_web_people_page(s, &q, keep_arrival, at, NULL, NULL, &err));
    return at[0] ? at : NULL;
}

/* Every audit line from now on refused, as a full disk would. */
static void refuse_audit_lines(void)
{
    ok(store_exec_for_tests(s, "CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log"
                               " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
                            &err));
}

Test(app_checkin, a_check_in_and_its_undo_each_write_their_audit_line, .init = setup,
     .fini = teardown)
{
    char at[32];
    const char *when = NULL;
    int64_t lines = store_audit_count(s, &err);
    ok(app_checkin(s, "desk@forum.test", "p-ua", &a, &when, &err));
    cr_assert_not_null(when);
    cr_assert_str_eq(arrival(at), when);
    cr_assert_eq(store_audit_count(s, &err), lines + 1);
    ok(app_checkin_undo(s, "desk@forum.test", "p-ua", &err));
    cr_assert_null(arrival(at));
    cr_assert_eq(store_audit_count(s, &err), lines + 2);
}

Test(app_checkin, a_check_in_whose_audit_line_fails_is_not_kept, .init = setup,
     .fini = teardown)
{
    char at[32];
    const char *when = NULL;
    int64_t lines = store_audit_count(s, &err);
    refuse_audit_lines();
    cr_assert_eq(app_checkin(s, "desk@forum.test", "p-ua", &a, &when, &err), -1);
    cr_assert(strstr(err.msg, "disk is full"), "%s", err.msg);
    cr_assert_null(arrival(at), "not arrived: the check-in went with its audit line");
    cr_assert_eq(store_audit_count(s, &err), lines);
}

Test(app_checkin, an_undo_whose_audit_line_fails_leaves_the_check_in_as_it_was,
     .init = setup, .fini = teardown)
{
    char at[32], before[32];
    const char *when = NULL;
    ok(app_checkin(s, "desk@forum.test", "p-ua", &a, &when, &err));
    snprintf(before, sizeof before, "%s", arrival(at));
    int64_t lines = store_audit_count(s, &err);
    refuse_audit_lines();
    cr_assert_eq(app_checkin_undo(s, "desk@forum.test", "p-ua", &err), -1);
    cr_assert(strstr(err.msg, "disk is full"), "%s", err.msg);
    cr_assert_not_null(arrival(at), "still arrived");
    cr_assert_str_eq(at, before, "at the same time");
    cr_assert_eq(store_audit_count(s, &err), lines);
}

Test(app_checkin, an_unknown_person_is_not_found_and_writes_nothing, .init = setup,
     .fini = teardown)
{
    const char *when = NULL;
    int64_t lines = store_audit_count(s, &err);
    cr_assert_eq(app_checkin(s, "desk@forum.test", "p-nobody", &a, &when, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    err = (struct df_err){0};
    cr_assert_eq(app_checkin_undo(s, "desk@forum.test", "p-nobody", &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(store_audit_count(s, &err), lines);
}
