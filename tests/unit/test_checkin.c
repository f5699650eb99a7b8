/* Unit tests of app/checkin: a check-in and its undo are written with their
 * audit line or not at all. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/checkin.h"
#include "store/web.h"
#include "scratch_db.h"
#include "store/store_internal.h"

/* The forum's two days, 16 and 17 February 2031 in Brussels, and the desk's
 * mornings: 08:30 there each day (07:30 UTC), and 00:30 of the 17th there
 * (23:30 UTC of the 16th): Brussels' day, not UTC's. */
#define NOW ((long long)1928993400)       /* 2031-02-16T08:30:00+01:00 */
#define DAY_TWO ((long long)1929079800)   /* 2031-02-17T08:30:00+01:00 */
#define MIDNIGHT ((long long)1929051000)  /* 2031-02-17T00:30:00+01:00 */

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
    struct store_event e = {.id = "ev", .name = "DFNC2", .timezone = "Europe/Brussels",
                            .starts_on = "2031-02-16", .ends_on = "2031-02-17"};
    ok(store_event_upsert(s, &e, NULL, &err));
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

static const char *arrival_on(const char *day, char at[32])
{
    struct store_web_people_query q = {.q = "p-ua", .day = day, .limit = -1};
    at[0] = '\0';
    ok(store_web_people_page(s, &q, keep_arrival, at, NULL, NULL, &err));
    return at[0] ? at : NULL;
}

/* p-ua's arrival on any day (her last). */
static const char *arrival(char at[32]) { return arrival_on(NULL, at); }

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
    ok(app_checkin(s, "desk@forum.test", "p-ua", NOW, &a, &when, &err));
    cr_assert_not_null(when);
    cr_assert_str_eq(arrival(at), when);
    cr_assert_eq(store_audit_count(s, &err), lines + 1);
    ok(app_checkin_undo(s, "desk@forum.test", "p-ua", NOW, &err));
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
    cr_assert_eq(app_checkin(s, "desk@forum.test", "p-ua", NOW, &a, &when, &err), -1);
    cr_assert(strstr(err.msg, "disk is full"), "%s", err.msg);
    cr_assert_null(arrival(at), "not arrived: the check-in went with its audit line");
    cr_assert_eq(store_audit_count(s, &err), lines);
}

Test(app_checkin, an_undo_whose_audit_line_fails_leaves_the_check_in_as_it_was,
     .init = setup, .fini = teardown)
{
    char at[32], before[32];
    const char *when = NULL;
    ok(app_checkin(s, "desk@forum.test", "p-ua", NOW, &a, &when, &err));
    snprintf(before, sizeof before, "%s", arrival(at));
    int64_t lines = store_audit_count(s, &err);
    refuse_audit_lines();
    cr_assert_eq(app_checkin_undo(s, "desk@forum.test", "p-ua", NOW, &err), -1);
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
    cr_assert_eq(app_checkin(s, "desk@forum.test", "p-nobody", NOW, &a, &when, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    err = (struct df_err){0};
    cr_assert_eq(app_checkin_undo(s, "desk@forum.test", "p-nobody", NOW, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(store_audit_count(s, &err), lines);
}

/* A forum of two days checks its people in each morning: the second day's
 * desk sees who came that day, not the day before; its undo takes back that
 * day's arrival alone. */
Test(app_checkin, each_day_of_the_forum_has_its_own_arrivals, .init = setup, .fini = teardown)
{
    char at[32], today[11];
    const char *one = NULL, *two = NULL;
    bool within;
    ok(app_checkin_day(s, NULL, NOW, today, &within, &err));
    cr_assert_str_eq(today, "2031-02-16");
    cr_assert(within);
    ok(app_checkin_day(s, NULL, MIDNIGHT, today, &within, &err));
    cr_assert_str_eq(today, "2031-02-17", "the day in Brussels, not in UTC");
    ok(app_checkin_day(s, NULL, DAY_TWO + 86400, today, &within, &err));
    cr_assert_not(within, "the day after the forum is none of its days");

    ok(app_checkin(s, "desk@forum.test", "p-ua", NOW, &a, &one, &err));
    cr_assert_str_eq(one, "2031-02-16T07:30:00Z", "the forum's clock, not the machine's");
    cr_assert_str_eq(arrival_on("2031-02-16", at), one);
    cr_assert_null(arrival_on("2031-02-17", at), "not arrived on day two yet");
    ok(app_checkin(s, "desk@forum.test", "p-ua", DAY_TWO, &a, &two, &err));
    cr_assert_str_eq(two, "2031-02-17T07:30:00Z");
    cr_assert_str_eq(arrival_on("2031-02-16", at), one, "day one's stays");
    cr_assert_str_eq(arrival(at), two, "her last arrival");
    const char *again = NULL;
    ok(app_checkin(s, "desk@forum.test", "p-ua", DAY_TWO + 3600, &a, &again, &err));
    cr_assert_str_eq(again, two, "the day's first time stays");

    struct store_person p;
    ok(store_person_get(s, "p-ua", &a, &p, &err));
    cr_assert_str_eq(p.checked_in_at, two);
    cr_assert_str_eq(p.checked_in_day, "2031-02-17");

    ok(app_checkin_undo(s, "desk@forum.test", "p-ua", DAY_TWO, &err));
    cr_assert_null(arrival_on("2031-02-17", at), "day two's taken back");
    cr_assert_str_eq(arrival_on("2031-02-16", at), one, "day one's stays");
    ok(store_person_get(s, "p-ua", &a, &p, &err));
    cr_assert_str_eq(p.checked_in_day, "2031-02-16");

    struct store_web_people_query q = {.day = "2031-02-17", .not_arrived = true, .limit = -1};
    int64_t total = 0, came = 0;
    ok(store_web_people_page(s, &q, keep_arrival, at, &total, &came, &err));
    cr_assert_eq(total, 1, "not arrived on day two: she is the desk's to find");
    cr_assert_eq(came, 0);
    q.day = NULL;
    ok(store_web_people_page(s, &q, keep_arrival, at, &total, &came, &err));
    cr_assert_eq(total, 0, "over the forum, she came");
}

/* How many audit lines of action on p-ua say detail (the day). */
static int audit_lines(const char *action, const char *detail)
{
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM audit_log WHERE action = ?1"
                                           " AND entity_id = 'p-ua' AND detail = ?2",
                                    -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, detail, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The desk on day two records the arrival it forgot on day one, and takes
 * one given to the wrong person back: only the forum's days up to today. */
Test(app_checkin, the_desk_records_an_arrival_for_an_earlier_day_of_the_forum, .init = setup,
     .fini = teardown)
{
    char at[32];
    const char *when = NULL;
    ok(app_checkin(s, "desk@forum.test", "p-ua", DAY_TWO, &a, &when, &err));
    ok(app_checkin_on(s, "desk@forum.test", "p-ua", "2031-02-16", DAY_TWO + 60, &a, &when,
                      &err));
    cr_assert_str_eq(when, "2031-02-17T07:31:00Z", "recorded when the desk wrote it");
    cr_assert_str_eq(arrival_on("2031-02-16", at), when);
    cr_assert_not_null(arrival_on("2031-02-17", at), "today's stays");
    struct store_person p;
    ok(store_person_get(s, "p-ua", &a, &p, &err));
    cr_assert_str_eq(p.checked_in_day, "2031-02-17", "her last day is still today");
    cr_assert_eq(audit_lines("person.checkin", "2031-02-16"), 1);

    /* none of the forum's days, a day to come, no date at all: refused, nothing written */
    int64_t lines = store_audit_count(s, &err);
    const char *bad[][2] = {{"2031-02-15", "before"}, {"2031-02-18", "after"},
                            {"yesterday", "no date"}};
    for (int i = 0; i < 3; i++) {
        err = (struct df_err){0};
        cr_assert_eq(app_checkin_on(s, "desk@forum.test", "p-ua", bad[i][0], DAY_TWO, &a, &when,
                                    &err), -1, "%s", bad[i][1]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
        cr_assert_str_eq(err.code, "checkin_day");
    }
    err = (struct df_err){0};
    cr_assert_eq(app_checkin_on(s, "desk@forum.test", "p-ua", "2031-02-17", NOW, &a, &when,
                                &err), -1, "day two is not yet on day one");
    cr_assert_str_eq(err.code, "checkin_day");
    cr_assert_eq(store_audit_count(s, &err), lines);

    /* what the desk's page offers: day one, from day two on only */
    char yesterday[11];
    cr_assert_eq(app_checkin_yesterday(s, DAY_TWO, yesterday, &err), 1);
    cr_assert_str_eq(yesterday, "2031-02-16");
    cr_assert_eq(app_checkin_yesterday(s, NOW, yesterday, &err), 0, "the first day has none");
    cr_assert_str_eq(yesterday, "");
    cr_assert_eq(app_checkin_yesterday(s, DAY_TWO + 86400, yesterday, &err), 0,
                 "after the forum: not the desk's day");

    /* the undo of day one's alone */
    ok(app_checkin_undo_on(s, "desk@forum.test", "p-ua", "2031-02-16", DAY_TWO, &err));
    cr_assert_null(arrival_on("2031-02-16", at));
    cr_assert_not_null(arrival_on("2031-02-17", at), "today's stays");
    cr_assert_eq(audit_lines("person.checkin_undo", "2031-02-16"),
                 1);
    err = (struct df_err){0};
    cr_assert_eq(app_checkin_undo_on(s, "desk@forum.test", "p-ua", "2031-02-18", DAY_TWO, &err),
                 -1);
    cr_assert_str_eq(err.code, "checkin_day");
}
