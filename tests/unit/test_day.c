/* Unit tests of the forum's day: when a participant may say her partner is
 * not here (app/absence), and the interpreters given on the day to the
 * published meetings still to come (app/interpreting_day), and "today" and the
 * forum's event in each event's own zone (app/forum_day). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/absence.h"
#include "app/forum_day.h"
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

/* ---- the forum's day, in each event's own zone (app/forum_day) ---- */

/* Three events: one a year before (Brussels), one in New York on
 * 2031-10-01 alone, one in Kyiv from 2031-10-05; p1 has a request to answer
 * at each. */
static void zones_setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-zones-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    ok(store_exec_for_tests(
        s,
        "INSERT INTO organisations(id,name,country,kind) VALUES ('o','O','DE','company');"
        "INSERT INTO people(id,org_rid,name) VALUES ('p1',1,'P1'),('p2',1,'P2');"
        "INSERT INTO events(id,name,timezone,starts_on,ends_on) VALUES"
        " ('ev-old','Old','Europe/Brussels','2030-10-01','2030-10-02'),"
        " ('ev-ny','NY','America/New_York','2031-10-01','2031-10-01'),"
        " ('ev-kyiv','Kyiv','Europe/Kyiv','2031-10-05','2031-10-06');"
        "INSERT INTO requests(id,event_rid,from_rid,to_rid,status) VALUES"
        " ('q-old',1,2,1,'pending'),('q-ny',2,2,1,'pending'),('q-kyiv',3,2,1,'pending'),"
        " ('q-done',3,2,1,'declined');",
        &err));
    arena_init(&a, 0);
}

Test(forum_day, today_is_the_day_where_the_event_is)
{
    char day[11];
    int64_t late = utc(2031, 10, 1, 22, 30, 0);   /* 01:30 on the 2nd in Kyiv, 18:30 in New York */
    app_forum_day_in("Europe/Kyiv", late, day);
    cr_assert_str_eq(day, "2031-10-02");
    app_forum_day_in("America/New_York", late, day);
    cr_assert_str_eq(day, "2031-10-01");
    app_forum_day_in("America/New_York", utc(2031, 10, 2, 3, 59, 59), day);
    cr_assert_str_eq(day, "2031-10-01", "EDT is UTC-4: the 2nd begins at 04:00 UTC");
    app_forum_day_in("America/New_York", utc(2031, 10, 2, 4, 0, 0), day);
    cr_assert_str_eq(day, "2031-10-02");
    app_forum_day_in("Europe/Kyiv", utc(2032, 1, 1, 21, 59, 59), day);
    cr_assert_str_eq(day, "2032-01-01", "EET is UTC+2 in winter");
    app_forum_day_in(NULL, late, day);
    cr_assert_str_eq(day, "2031-10-01", "no zone: UTC's day");
    app_forum_day_in("Mars/Olympus_Mons", late, day);
    cr_assert_str_eq(day, "2031-10-01", "an unknown zone: UTC's day");
}

/* The event id pick finds at instant t. */
static const char *event_at(const char *(*pick)(struct store *, long long, struct arena *,
                                                struct df_err *),
                            int64_t t)
{
    const char *id = pick(s, t, &a, &err);
    cr_assert(id, "%s", err.msg);
    return id;
}

/* The event id the forum is at, at instant t. */
static const char *forum_event_at(int64_t t) { return event_at(app_forum_event, t); }

Test(forum_day, the_forum_is_at_the_event_under_way_or_next_else_the_last_one_over,
     .init = zones_setup, .fini = teardown)
{
    cr_assert_str_eq(forum_event_at(utc(2029, 1, 1, 12, 0, 0)), "ev-old", "all to come: the first");
    cr_assert_str_eq(forum_event_at(utc(2030, 10, 2, 21, 59, 0)), "ev-old",
                     "its last day, 23:59 in Brussels");
    cr_assert_str_eq(forum_event_at(utc(2030, 10, 2, 22, 0, 0)), "ev-ny",
                     "over in Brussels: the next one, not the first ever made");
    cr_assert_str_eq(forum_event_at(utc(2031, 10, 2, 3, 0, 0)), "ev-ny",
                     "23:00 in New York: still its day, though UTC's is the 2nd");
    cr_assert_str_eq(forum_event_at(utc(2031, 10, 2, 4, 0, 0)), "ev-kyiv");
    cr_assert_str_eq(forum_event_at(utc(2033, 1, 1, 0, 0, 0)), "ev-kyiv",
                     "all over: the one that ended last");
    teardown();
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    ok(store_exec_for_tests(s, "DELETE FROM events", &err));
    cr_assert_null(app_forum_event(s, utc(2031, 1, 1, 0, 0, 0), &a, &err));
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* The event a report is about at instant t. */
static const char *held_at(int64_t t) { return event_at(app_forum_event_held, t); }

Test(forum_day, a_report_is_about_the_event_under_way_else_the_last_one_held_not_next_years,
     .init = zones_setup, .fini = teardown)
{
    cr_assert_str_eq(held_at(utc(2029, 1, 1, 12, 0, 0)), "ev-old", "nothing held yet: the next");
    cr_assert_str_eq(held_at(utc(2030, 10, 1, 8, 0, 0)), "ev-old", "under way");
    cr_assert_str_eq(held_at(utc(2031, 3, 1, 12, 0, 0)), "ev-old",
                     "between two: the one that was held, though the forum's is the next");
    cr_assert_str_eq(forum_event_at(utc(2031, 3, 1, 12, 0, 0)), "ev-ny");
    cr_assert_str_eq(held_at(utc(2031, 10, 2, 3, 0, 0)), "ev-ny",
                     "23:00 in New York: under way there");
    cr_assert_str_eq(held_at(utc(2031, 10, 3, 12, 0, 0)), "ev-ny",
                     "ended, Kyiv's still to come");
    cr_assert_str_eq(held_at(utc(2031, 10, 4, 22, 0, 0)), "ev-kyiv",
                     "00:00 on the 5th in Kyiv: begun there");
    cr_assert_str_eq(held_at(utc(2033, 1, 1, 0, 0, 0)), "ev-kyiv", "all over: the last");
    ok(store_exec_for_tests(s, "DELETE FROM requests; DELETE FROM events", &err));
    cr_assert_null(app_forum_event_held(s, utc(2031, 1, 1, 0, 0, 0), &a, &err));
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* How many requests wait for p1's answer at instant t. */
static int to_answer_at(int64_t t)
{
    const char *open = app_forum_open_events(s, t, &a, &err);
    cr_assert(open, "%s", err.msg);
    int n = store_requests_to_answer(s, "p1", open, &err);
    cr_assert_geq(n, 0, "%s", err.msg);
    return n;
}

Test(forum_day, a_request_waits_while_its_events_day_has_not_ended_where_it_is,
     .init = zones_setup, .fini = teardown)
{
    cr_assert_eq(to_answer_at(utc(2030, 1, 1, 0, 0, 0)), 3);
    cr_assert_eq(to_answer_at(utc(2030, 10, 2, 21, 59, 0)), 3, "Brussels: the last day's 23:59");
    cr_assert_eq(to_answer_at(utc(2030, 10, 2, 22, 0, 0)), 2, "Brussels: the day after");
    cr_assert_eq(to_answer_at(utc(2031, 10, 2, 3, 59, 0)), 2,
                 "New York: 23:59 on its day, UTC's the day after");
    cr_assert_eq(to_answer_at(utc(2031, 10, 2, 4, 0, 0)), 1);
    cr_assert_eq(to_answer_at(utc(2031, 10, 6, 20, 59, 0)), 1, "Kyiv (EEST): 23:59 on its last day");
    cr_assert_eq(to_answer_at(utc(2031, 10, 6, 21, 0, 0)), 0,
                 "Kyiv: its day over at 21:00 UTC, though UTC's is not");
}

Test(forum_day, a_demand_is_judged_by_the_day_of_the_forums_event,
     .init = zones_setup, .fini = teardown)
{
    char day[11];
    ok(app_forum_today(s, utc(2031, 10, 2, 3, 0, 0), day, &err));
    cr_assert_str_eq(day, "2031-10-01", "at the New York event, its day");
    ok(app_forum_today(s, utc(2031, 10, 4, 22, 30, 0), day, &err));
    cr_assert_str_eq(day, "2031-10-05", "at the Kyiv event, its day");
    ok(store_exec_for_tests(s, "DELETE FROM events", &err));
    ok(app_forum_today(s, utc(2031, 10, 4, 22, 30, 0), day, &err));
    cr_assert_str_eq(day, "2031-10-04", "no event: UTC's");
}
