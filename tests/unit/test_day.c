/* Unit tests of the forum's day: when a participant may say her partner is
 * not here (app/absence), and the interpreters given on the day to the
 * published meetings still to come (app/interpreting_day). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/absence.h"
#include "app/interpreting_day.h"
#include "scratch_db.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* Unix seconds of a UTC wall-clock time. */
static int64_t utc(int y, int mo, int d, int h, int mi, int sec)
{
    struct tm t = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
                   .tm_min = mi, .tm_sec = sec};
    return (int64_t)timegm(&t);
}

/* A meeting from 09:00 to 09:30 in Brussels (07:00-07:30 UTC). */
static int window_at(int64_t now)
{
    err = (struct df_err){0};
    return app_absence_window_check("2031-10-01T09:00:00+02:00", "2031-10-01T09:30+02:00", now,
                                    &err);
}

Test(absence, said_from_the_start_to_a_few_minutes_after_the_end)
{
    cr_assert_eq(window_at(utc(2031, 10, 1, 6, 59, 59)), -1, "a second before its start");
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "has not started"), "%s", err.msg);
    cr_assert_eq(window_at(utc(2031, 10, 1, 7, 0, 0)), 0, "%s", err.msg);
    cr_assert_eq(window_at(utc(2031, 10, 1, 7, 30, 0)), 0, "at its end");
    int grace_end = 30 + APP_ABSENCE_GRACE_MINUTES;
    cr_assert_eq(window_at(utc(2031, 10, 1, 7 + grace_end / 60, grace_end % 60, 0)), 0,
                 "at the grace's end");
    cr_assert_eq(window_at(utc(2031, 10, 1, 7 + grace_end / 60, grace_end % 60, 1)), -1,
                 "a second after it");
    cr_assert(strstr(err.msg, "is over"), "%s", err.msg);
}

Test(absence, a_time_without_its_offset_names_no_instant)
{
    err = (struct df_err){0};
    cr_assert_eq(app_absence_window_check("2031-10-01T09:00", "2031-10-01T09:30", 0, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
}

/* An event with a slot long past and two in 2031; people who speak only
 * German or only English; published meetings needing a de-en interpreter:
 * r-a at 09:30, r-b and r-c both at 09:00, r-old in the past; r-en in
 * English alone. */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-day-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    ok(store_exec_for_tests(
        s,
        "INSERT INTO organisations(id,name,country,kind) VALUES ('o','O','DE','company');"
        "INSERT INTO people(id,org_rid,name,languages) VALUES"
        " ('p1',1,'P1','de'),('p2',1,'P2','en'),('p3',1,'P3','de'),('p4',1,'P4','en'),"
        " ('p5',1,'P5','de'),('p6',1,'P6','en');"
        "INSERT INTO events(id,name,starts_on,ends_on) VALUES ('ev','Ev','2020-01-01','2031-10-01');"
        "INSERT INTO sessions(id,event_rid,day,name,kind,starts_at,ends_at) VALUES"
        " ('s-old',1,'2020-01-01','Old','b2b','2020-01-01T09:00:00+01:00','2020-01-01T10:00:00+01:00'),"
        " ('s',1,'2031-10-01','Day','b2b','2031-10-01T09:00:00+02:00','2031-10-01T10:00:00+02:00');"
        "INSERT INTO slots(id,session_rid,seq,starts_at,ends_at) VALUES"
        " ('t-old',1,1,'2020-01-01T09:00:00+01:00','2020-01-01T09:30:00+01:00'),"
        " ('t-1',2,2,'2031-10-01T09:00:00+02:00','2031-10-01T09:30:00+02:00'),"
        " ('t-2',2,3,'2031-10-01T09:30:00+02:00','2031-10-01T10:00:00+02:00');"
        "INSERT INTO requests(id,event_rid,from_rid,to_rid,status) VALUES"
        " ('r-a',1,1,2,'accepted'),('r-b',1,3,4,'accepted'),('r-c',1,5,6,'accepted'),"
        " ('r-old',1,1,4,'accepted'),('r-en',1,2,4,'accepted');"
        "INSERT INTO meetings(id,request_rid,slot_rid,locked) VALUES"
        " ('r-a',1,3,1),('r-b',2,2,1),('r-c',3,2,1),('r-old',4,1,1),('r-en',5,3,1);"
        "INSERT INTO interpreters(id,event_rid,name,lang_a,lang_b) VALUES ('i1',1,'I1','de','en');",
        &err));
    arena_init(&a, 0);
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

struct given {
    char who[5][8];
    int sequence[5];
};

static int keep_given(void *ud, const struct store_meeting *m)
{
    struct given *g = ud;
    int i = m->request[2] == 'o' ? 3 : m->request[2] == 'e' ? 4 : m->request[2] - 'a';
    snprintf(g->who[i], sizeof g->who[i], "%s", m->interpreter ? m->interpreter : "-");
    g->sequence[i] = m->sequence;
    return 0;
}

/* The interpreter of r-a, r-b, r-c, r-old, r-en, and their SEQUENCE. */
static struct given given_now(void)
{
    struct given g = {0};
    ok(store_meeting_each(s, "ev", NULL, keep_given, &g, &err));
    return g;
}

/* A clock between the old session (2020) and the day's (2031). */
#define BEFORE_THE_DAY utc(2026, 1, 1, 0, 0, 0)

Test(interpreting_day, the_nearest_first_where_free_the_past_left_alone, .init = setup,
     .fini = teardown)
{
    struct app_interpreting_day d;
    ok(app_interpreting_fill(s, "ev", BEFORE_THE_DAY, &a, &d, &err));
    cr_assert_eq(d.given, 2, "r-b at 09:00 and r-a at 09:30");
    cr_assert_eq(d.gaps_n, 1);
    cr_assert_str_eq(d.gaps[0].request, "r-c", "09:00's second meeting: i1 is taken then");
    cr_assert_str_eq(d.gaps[0].pair, "de-en");
    struct given g = given_now();
    const char *want[] = {"i1", "i1", "-", "-", "-"};
    const int seq[] = {1, 1, 0, 0, 0};
    for (int i = 0; i < 5; i++) {
        cr_assert_str_eq(g.who[i], want[i], "meeting %d", i);
        cr_assert_eq(g.sequence[i], seq[i], "meeting %d's SEQUENCE", i);
    }
    /* a second interpreter: the one still without gets her, nobody else changes */
    ok(store_exec_for_tests(s, "INSERT INTO interpreters(id,event_rid,name,lang_a,lang_b)"
                               " VALUES ('i2',1,'I2','en','de');", &err));
    ok(app_interpreting_fill(s, "ev", BEFORE_THE_DAY, &a, &d, &err));
    cr_assert_eq(d.given, 1);
    cr_assert_eq(d.gaps_n, 0);
    g = given_now();
    cr_assert_str_eq(g.who[2], "i2");
    cr_assert_eq(g.sequence[0], 1);
    cr_assert_eq(g.sequence[2], 1);
}

Test(interpreting_day, begun_by_the_callers_clock_is_left_alone, .init = setup,
     .fini = teardown)
{
    struct app_interpreting_day d;
    /* 09:15 in Brussels: the 09:00 meetings have begun, 09:30's is to come */
    ok(app_interpreting_fill(s, "ev", utc(2031, 10, 1, 7, 15, 0), &a, &d, &err));
    cr_assert_eq(d.given, 1, "r-a at 09:30 alone");
    cr_assert_eq(d.gaps_n, 0, "r-c at 09:00 has begun: no longer a gap");
    struct given g = given_now();
    const char *want[] = {"i1", "-", "-", "-", "-"};
    for (int i = 0; i < 5; i++)
        cr_assert_str_eq(g.who[i], want[i], "meeting %d", i);
}

Test(interpreting_day, unpublished_meetings_wait_for_the_scheduler, .init = setup,
     .fini = teardown)
{
    ok(store_exec_for_tests(s, "UPDATE meetings SET locked = 0;", &err));
    struct app_interpreting_day d;
    ok(app_interpreting_fill(s, "ev", BEFORE_THE_DAY, &a, &d, &err));
    cr_assert_eq(d.given, 0);
    cr_assert_eq(d.gaps_n, 0);
}
