/* Unit tests of each day's mail by itself (app/reminders.h): the rule of
 * when a day's mail is due (its time on the eve or the morning, read in the
 * event's zone across a change of the clocks and far east and west of UTC;
 * late is still due that day, never after it), and the server's pass that
 * sends it once, not for an unpublished event, not while mail is off, not
 * a day the organisers sent by hand. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/event.h"
#include "app/reminders.h"
#include "core/date.h"
#include "scratch_db.h"
#include "store/mail.h"

/* Instant of "YYYY-MM-DDTHH:MM:SSZ" (or with an offset). */
static long long at(const char *iso)
{
    long long t;
    cr_assert(date_time_instant(iso, &t), "not a time: %s", iso);
    return t;
}

/* app_day_mail_time's instant and wall clock of day by on/at in tz. */
static void sends_at(const char *day, const char *on, const char *hhmm, const char *tz,
                     const char *utc, const char *wall)
{
    long long when;
    char w[32];
    cr_assert_eq(app_day_mail_time(day, on, hhmm, tz, &when, w), 0, "%s %s %s %s", day, on,
                 hhmm, tz);
    cr_assert_eq(when, at(utc), "%s %s %s in %s: %lld, not %s", day, on, hhmm, tz, when, utc);
    cr_assert_str_eq(w, wall);
}

Test(day_mail_due, the_eve_at_18_is_the_day_before_at_18_there)
{
    sends_at("2031-06-06", "eve", "18:00", "Europe/Brussels", "2031-06-05T16:00:00Z",
             "2031-06-05T18:00:00+02:00");
    sends_at("2031-06-06", "morning", "07:00", "Europe/Brussels", "2031-06-06T05:00:00Z",
             "2031-06-06T07:00:00+02:00");
    /* the eve of the 1st is the last day of the month before */
    sends_at("2031-03-01", "eve", "18:00", "Europe/Kyiv", "2031-02-28T16:00:00Z",
             "2031-02-28T18:00:00+02:00");
}

Test(day_mail_due, across_a_change_of_the_clocks_each_day_keeps_its_own_offset)
{
    /* Brussels goes to summer time on Sunday 28 March 2027 at 02:00 */
    sends_at("2027-03-28", "eve", "18:00", "Europe/Brussels", "2027-03-27T17:00:00Z",
             "2027-03-27T18:00:00+01:00");
    sends_at("2027-03-29", "eve", "18:00", "Europe/Brussels", "2027-03-28T16:00:00Z",
             "2027-03-28T18:00:00+02:00");
    sends_at("2027-03-28", "morning", "07:00", "Europe/Brussels", "2027-03-28T05:00:00Z",
             "2027-03-28T07:00:00+02:00");
    /* and back to winter time on Sunday 31 October 2027 */
    sends_at("2027-10-31", "morning", "07:00", "Europe/Brussels", "2027-10-31T06:00:00Z",
             "2027-10-31T07:00:00+01:00");
    /* a time the clocks skip takes the summer offset; one they pass twice,
     * the winter one */
    sends_at("2027-03-28", "morning", "02:30", "Europe/Brussels", "2027-03-28T00:30:00Z",
             "2027-03-28T02:30:00+02:00");
    sends_at("2027-10-31", "morning", "02:30", "Europe/Brussels", "2027-10-31T01:30:00Z",
             "2027-10-31T02:30:00+01:00");
    cr_assert(!app_day_mail_due("2027-03-29", "eve", "18:00", "Europe/Brussels", 0,
                                at("2027-03-28T15:59:59Z")));
    cr_assert(app_day_mail_due("2027-03-29", "eve", "18:00", "Europe/Brussels", 0,
                               at("2027-03-28T16:00:00Z")));
}

Test(day_mail_due, due_from_its_time_until_the_day_is_over_there)
{
    const char *d = "2031-06-06", *tz = "Europe/Brussels";
    cr_assert(!app_day_mail_due(d, "eve", "18:00", tz, 0, at("2031-06-05T15:59:59Z")));
    cr_assert(app_day_mail_due(d, "eve", "18:00", tz, 0, at("2031-06-05T16:00:00Z")));
    /* the server down at 18:00 and up at 20:00 still sends it */
    cr_assert(app_day_mail_due(d, "eve", "18:00", tz, 0, at("2031-06-05T20:00:00+02:00")));
    /* up on the day itself, late: still that day's */
    cr_assert(app_day_mail_due(d, "eve", "18:00", tz, 0, at("2031-06-06T23:59:59+02:00")));
    /* up only after the day ended: never */
    cr_assert(!app_day_mail_due(d, "eve", "18:00", tz, 0, at("2031-06-07T00:00:00+02:00")));
    cr_assert(!app_day_mail_due(d, "morning", "07:00", tz, 0, at("2031-06-06T06:59:59+02:00")));
    cr_assert(app_day_mail_due(d, "morning", "07:00", tz, 0, at("2031-06-06T07:00:00+02:00")));
}

Test(day_mail_due, far_east_and_far_west_of_utc)
{
    /* Kiritimati (UTC+14): the morning of the 6th at 07:00 is the 5th at
     * 17:00 in UTC, and its day is over at 10:00 UTC on the 6th */
    const char *east = "Pacific/Kiritimati";
    sends_at("2031-06-06", "morning", "07:00", east, "2031-06-05T17:00:00Z",
             "2031-06-06T07:00:00+14:00");
    cr_assert(!app_day_mail_due("2031-06-06", "morning", "07:00", east, 0,
                                at("2031-06-05T16:59:59Z")));
    cr_assert(app_day_mail_due("2031-06-06", "morning", "07:00", east, 0, at("2031-06-06T09:59:59Z")));
    cr_assert(!app_day_mail_due("2031-06-06", "morning", "07:00", east, 0,
                                at("2031-06-06T10:00:00Z")));
    /* Honolulu (UTC-10): the eve of the 6th at 18:00 is 04:00 UTC on the
     * 6th, when UTC's day is the 6th already; its day ends at 10:00 UTC on
     * the 7th */
    const char *west = "Pacific/Honolulu";
    sends_at("2031-06-06", "eve", "18:00", west, "2031-06-06T04:00:00Z",
             "2031-06-05T18:00:00-10:00");
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "18:00", west, 0, at("2031-06-06T03:59:59Z")));
    cr_assert(app_day_mail_due("2031-06-06", "eve", "18:00", west, 0, at("2031-06-07T09:59:59Z")));
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "18:00", west, 0, at("2031-06-07T10:00:00Z")));
}

Test(day_mail_due, no_setting_or_a_bad_one_is_never_due)
{
    long long late = at("2031-06-06T12:00:00Z");
    const char *tz = "Europe/Brussels";
    cr_assert(!app_day_mail_due("2031-06-06", NULL, NULL, tz, 0, late));
    cr_assert(!app_day_mail_due("2031-06-06", "noon", "12:00", tz, 0, late));
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "24:00", tz, 0, late));
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "7:00", tz, 0, late));
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "18:60", tz, 0, late));
    cr_assert(!app_day_mail_due("2031-02-30", "eve", "18:00", tz, 0, late));
    cr_assert(!app_day_mail_due("2031-06-06", "eve", "18:00", "Mars/Olympus", 0, late));
    cr_assert(app_day_mail_at_ok("00:00") && app_day_mail_at_ok("23:59"));
    cr_assert(!app_day_mail_at_ok("24:00") && !app_day_mail_at_ok(""));
    cr_assert(!app_day_mail_at_ok(NULL));
}

/* ---- the server's pass ---------------------------------------------- */

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* Event "ev" in Brussels on 2031-06-05 with one slot (09:00) and table A,
 * Hans (Rhein Armour) meeting Olena (Drone Works) there (r1, accepted),
 * the forum's mail on, the day's mail set for the eve at 18:00; published
 * when publish. */
static void forum(bool publish)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-day-mail-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    struct store_org de = {.id = "o-de", .name = "Rhein Armour", .country = "DE",
                           .kind = "company"};
    struct store_org ua = {.id = "o-ua", .name = "Drone Works", .country = "UA",
                           .kind = "company"};
    ok(store_org_upsert(s, &de, NULL, &err));
    ok(store_org_upsert(s, &ua, NULL, &err));
    struct store_person hans = {.id = "hans", .org = "o-de", .name = "Hans Weber",
                                .email = "hans@mail.example", .languages = "de;en"};
    struct store_person olena = {.id = "olena", .org = "o-ua", .name = "Олена Коваль",
                                 .email = "olena@mail.example", .languages = "uk;en"};
    ok(store_person_upsert(s, &hans, NULL, &err));
    ok(store_person_upsert(s, &olena, NULL, &err));
    struct store_event e = {.id = "ev", .name = "DFNC2 Brussels", .timezone = "Europe/Brussels",
                            .starts_on = "2031-06-05", .ends_on = "2031-06-05"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session b2b = {.id = "s1", .event = "ev", .day = "2031-06-05", .name = "B2B",
                                .kind = "b2b", .starts_at = "2031-06-05T09:00:00+02:00",
                                .ends_at = "2031-06-05T10:00:00+02:00"};
    ok(store_session_upsert(s, &b2b, &err));
    struct store_slot t = {.id = "t1", .session = "s1", .seq = 1,
                           .starts_at = "2031-06-05T09:00:00+02:00",
                           .ends_at = "2031-06-05T09:20:00+02:00"};
    ok(store_slot_upsert(s, &t, &err));
    struct store_location l = {.id = "A", .event = "ev", .name = "A", .kind = "table"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r = {.id = "r1", .event = "ev", .from = "hans", .to = "olena",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    struct store_meeting m = {.request = "r1", .slot = "t1", .location = "A"};
    ok(store_meeting_upsert(s, &m, &err));
    ok(store_mail_config_set(s, "https://forum.example.eu", &err));
    ok(store_event_day_mail_set(s, "ev", "eve", "18:00", 0, &err));
    if (publish)
        ok(app_event_publish(s, "org@x", "ev", &a, &err));
}

static void published(void) { forum(true); }

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* The database's one number sql counts. */
static long long count(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

static long long day_mails(void)
{
    return count("SELECT count(*) FROM mail_outbox WHERE kind = 'day'");
}

/* A pass at iso: how many days it sent. */
static int pass(const char *iso)
{
    struct app_day_mail_pass run;
    ok(app_day_mail_pass(s, at(iso), &run, &err));
    cr_assert_eq(run.failed, 0);
    return run.sent;
}

TestSuite(day_mail_pass, .init = published, .fini = teardown);

Test(day_mail_pass, sends_the_day_once_from_its_time_with_auto_as_its_actor)
{
    cr_assert_eq(pass("2031-06-04T17:59:00+02:00"), 0, "not before 18:00 on the eve");
    cr_assert_eq(day_mails(), 0);
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 1, "the server up at 20:00 sends it");
    cr_assert_eq(day_mails(), 2, "one mail each to Hans and Olena");
    cr_assert_eq(count("SELECT count(*) FROM day_mails WHERE mailed_by = 'auto' AND people = 2"),
                 1);
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE actor = 'auto'"
                       " AND action = 'agendas.day_mail' AND entity_id = 'ev'"), 1);
    cr_assert_eq(pass("2031-06-04T20:01:00+02:00"), 0, "not twice");
    cr_assert_eq(pass("2031-06-05T08:00:00+02:00"), 0, "nor on the day");
    cr_assert_eq(day_mails(), 2);
}

Test(day_mail_pass, a_day_sent_by_hand_is_not_sent_again)
{
    struct app_day_mail o;
    ok(app_day_mail(s, "org@x", "ev", "2031-06-05", false, at("2031-06-04T12:00:00Z"), &a, &o,
                    &err));
    cr_assert_eq(day_mails(), 2);
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 0);
    cr_assert_eq(day_mails(), 2);
}

/* Another process (the organiser's "Send", a cron job's pass) sends the
 * day while this pass runs: it read "not sent" before the other committed,
 * and must not send it again once it gets the write lock. */
struct racing_pass {
    struct store *s;
    int sent;
    int rc;
};

static void *run_pass(void *arg)
{
    struct racing_pass *r = arg;
    struct app_day_mail_pass run;
    struct df_err e = {0};
    r->rc = app_day_mail_pass(r->s, at("2031-06-04T20:00:00+02:00"), &run, &e);
    r->sent = run.sent;
    return NULL;
}

Test(day_mail_pass, a_day_sent_by_another_while_it_runs_is_not_sent_twice)
{
    struct store *other;
    ok(store_open(&other, db_path, &err));
    /* the other sends the day: its write transaction open (its mails are
     * not the point: only that it went), committed while the pass waits */
    ok(store_begin(other, &err));
    ok(store_day_mail_put(other, "ev", "2031-06-05", "org@x", 2, &err));
    struct racing_pass r = {.s = s};
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, run_pass, &r), 0);
    usleep(300 * 1000);
    ok(store_commit(other, &err));
    cr_assert_eq(pthread_join(t, NULL), 0);
    cr_assert_eq(r.rc, 0);
    cr_assert_eq(r.sent, 0, "sent by the other: not again");
    cr_assert_eq(day_mails(), 0, "the pass queued nothing");
    store_close(other);
}

Test(day_mail_pass, nothing_while_mail_is_off_or_once_the_day_is_over)
{
    ok(store_mail_config_set(s, NULL, &err));
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 0);
    ok(store_mail_config_set(s, "https://forum.example.eu", &err));
    cr_assert_eq(pass("2031-06-06T00:00:00+02:00"), 0, "the day is over");
    cr_assert_eq(day_mails(), 0);
    cr_assert_eq(count("SELECT count(*) FROM day_mails"), 0);
}

Test(day_mail_pass, no_setting_sends_nothing)
{
    ok(store_event_day_mail_set(s, "ev", NULL, "18:00", 0, &err));
    struct store_event e;
    ok(store_event_get(s, "ev", &a, &e, &err));
    cr_assert_null(e.day_mail_on);
    cr_assert_null(e.day_mail_at, "none keeps no time");
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 0);
    cr_assert_eq(day_mails(), 0);
}

Test(day_mail_pass, the_next_send_is_said_until_it_went)
{
    struct store_event e;
    const char *day, *when;
    ok(store_event_get(s, "ev", &a, &e, &err));
    ok(app_day_mail_next(s, &e, at("2031-06-04T12:00:00Z"), &a, &day, &when, &err));
    cr_assert_str_eq(day, "2031-06-05");
    cr_assert_str_eq(when, "2031-06-04T18:00:00+02:00");
    cr_assert_eq(pass("2031-06-04T18:00:00+02:00"), 1);
    ok(app_day_mail_next(s, &e, at("2031-06-04T18:00:00+02:00"), &a, &day, &when, &err));
    cr_assert_null(day, "no day left to send");
    cr_assert_null(when);
}

/* A setting saved after a day's time: that day is not mailed by itself the
 * minute after (everyone mailed unasked), nor said to be next; saved again
 * unchanged it keeps the days it covers, changed it covers those to come. */
Test(day_mail_pass, a_setting_saved_after_a_days_time_leaves_that_day_to_a_hand)
{
    long long late = at("2031-06-04T20:00:00+02:00");
    ok(store_event_day_mail_set(s, "ev", NULL, NULL, 0, &err));   /* none, then */
    ok(store_event_day_mail_set(s, "ev", "eve", "18:00", late, &err));
    cr_assert_not(app_day_mail_due("2031-06-05", "eve", "18:00", "Europe/Brussels", late,
                                   late + 60));
    cr_assert_eq(pass("2031-06-04T20:01:00+02:00"), 0, "not mailed unasked");
    cr_assert_eq(day_mails(), 0);
    struct store_event e;
    const char *day, *when;
    ok(store_event_get(s, "ev", &a, &e, &err));
    cr_assert_eq(e.day_mail_from, late);
    ok(app_day_mail_next(s, &e, late + 60, &a, &day, &when, &err));
    cr_assert_null(day, "its only day goes by hand");
    ok(store_event_day_mail_set(s, "ev", "eve", "18:00", late + 3600, &err));
    ok(store_event_get(s, "ev", &a, &e, &err));
    cr_assert_eq(e.day_mail_from, late, "the same setting again keeps its start");
    ok(store_event_day_mail_set(s, "ev", "eve", "21:00", late + 60, &err));
    ok(store_event_get(s, "ev", &a, &e, &err));
    cr_assert_eq(e.day_mail_from, late + 60, "another time starts again");
    cr_assert_eq(pass("2031-06-04T21:00:00+02:00"), 1, "21:00 was still to come");
    cr_assert_eq(day_mails(), 2);
}

/* An event whose stored dates are no dates (an older version's row, dfnc
 * check names it) is passed over, not counted through for ever. */
Test(day_mail_pass, an_event_whose_dates_are_no_dates_is_passed_over, .timeout = 20)
{
    struct store *raw;
    ok(store_open(&raw, db_path, &err));
    ok(store_exec_for_tests(raw, "UPDATE events SET starts_on = '2031-06-31',"
                                 " ends_on = '2031-07-01' WHERE id = 'ev'", &err));
    store_close(raw);
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 0);
    struct store_event e;
    const char *day, *when;
    ok(store_event_get(s, "ev", &a, &e, &err));
    ok(app_day_mail_next(s, &e, at("2031-06-04T20:00:00+02:00"), &a, &day, &when, &err));
    cr_assert_null(day);
}

static void unpublished(void) { forum(false); }

Test(day_mail_unpublished, an_unpublished_event_sends_nothing, .init = unpublished,
     .fini = teardown)
{
    cr_assert_eq(pass("2031-06-04T20:00:00+02:00"), 0);
    cr_assert_eq(day_mails(), 0);
    cr_assert_eq(count("SELECT count(*) FROM day_mails"), 0);
}
