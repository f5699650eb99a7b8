/* Unit tests of app/dayoff: "I can't come that day". Her meetings of the
 * day given up in one go (cancelled as a party, left as a colleague, a
 * begun one kept, another day's untouched), her slots of the day marked
 * away, each partner one mail, a dry run that writes nothing, and the
 * refusals (a day not of the event, a person unknown or erased). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/dayoff.h"
#include "app/privacy.h"
#include "store/mail.h"
#include "scratch_db.h"
#include "store/store_internal.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* The first column of sql's first row as an integer. */
static int number(const char *sql)
{
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* 09:10 in Brussels on the event's first day: t1 (09:00) has begun. */
#define DURING_T1 1938409800LL
/* The day before the event, the same time. */
#define DAY_BEFORE 1938323400LL

/* Event "ev" (published, 2031-06-05 and 06, Brussels), day one's slots t1
 * 09:00, t2 09:30, t3 10:00, t4 10:30, day two's u1 09:00; tables A-D.
 * Organisations X (x1, she; x2 her colleague), Y (y1, y2, y3), Z (z1).
 * Her meetings: r1 x1 -> y1 in t1 (begun at DURING_T1), r2 y2 -> x1 in t2
 * (she the addressee), r6 x1 -> z1 in t4, r3 x2 -> z1 in t3 with x1 as
 * attendee, r4 x1 -> y3 in u1 (day two); r5 y1 -> z1 in t2, not hers. */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-dayoff-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    const char *orgs[] = {"X", "Y", "Z"};
    for (int i = 0; i < 3; i++) {
        struct store_org o = {.id = orgs[i], .name = orgs[i], .country = "DE", .kind = "company"};
        ok(store_org_upsert(s, &o, NULL, &err));
    }
    const char *people[][2] = {{"x1", "X"}, {"x2", "X"}, {"y1", "Y"}, {"y2", "Y"},
                               {"y3", "Y"}, {"z1", "Z"}};
    for (int i = 0; i < 6; i++) {
        char email[32];
        snprintf(email, sizeof email, "%s@org.test", people[i][0]);
        struct store_person p = {.id = people[i][0], .org = people[i][1], .name = people[i][0],
                                 .email = email, .languages = "en"};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2031-06-05",
                            .ends_on = "2031-06-06", .timezone = "Europe/Brussels",
                            .request_cap = 20};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session d1 = {.id = "s1", .event = "ev", .day = "2031-06-05", .name = "B2B",
                               .kind = "b2b", .starts_at = "2031-06-05T09:00:00+02:00",
                               .ends_at = "2031-06-05T11:00:00+02:00"};
    struct store_session d2 = {.id = "s2", .event = "ev", .day = "2031-06-06", .name = "B2B",
                               .kind = "b2b", .starts_at = "2031-06-06T09:00:00+02:00",
                               .ends_at = "2031-06-06T09:30:00+02:00"};
    ok(store_session_upsert(s, &d1, &err));
    ok(store_session_upsert(s, &d2, &err));
    const char *slots[][4] = {{"t1", "s1", "2031-06-05T09:00:00+02:00", "2031-06-05T09:30:00+02:00"},
                              {"t2", "s1", "2031-06-05T09:30:00+02:00", "2031-06-05T10:00:00+02:00"},
                              {"t3", "s1", "2031-06-05T10:00:00+02:00", "2031-06-05T10:30:00+02:00"},
                              {"t4", "s1", "2031-06-05T10:30:00+02:00", "2031-06-05T11:00:00+02:00"},
                              {"u1", "s2", "2031-06-06T09:00:00+02:00", "2031-06-06T09:30:00+02:00"}};
    for (int i = 0; i < 5; i++) {
        struct store_slot t = {.id = slots[i][0], .session = slots[i][1], .seq = i + 1,
                               .starts_at = slots[i][2], .ends_at = slots[i][3]};
        ok(store_slot_upsert(s, &t, &err));
    }
    const char *tables[] = {"A", "B", "C", "D"};
    for (int i = 0; i < 4; i++) {
        struct store_location l = {.id = tables[i], .event = "ev", .name = tables[i],
                                   .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    const char *reqs[][5] = {{"r1", "x1", "y1", "t1", "A"}, {"r2", "y2", "x1", "t2", "A"},
                             {"r3", "x2", "z1", "t3", "B"}, {"r4", "x1", "y3", "u1", "A"},
                             {"r5", "y1", "z1", "t2", "C"}, {"r6", "x1", "z1", "t4", "D"}};
    for (int i = 0; i < 6; i++) {
        struct store_request r = {.id = reqs[i][0], .event = "ev", .from = reqs[i][1],
                                  .to = reqs[i][2], .status = "accepted", .priority = 1};
        ok(store_request_upsert(s, &r, NULL, &err));
        struct store_meeting m = {.request = reqs[i][0], .slot = reqs[i][3],
                                  .location = reqs[i][4], .locked = 1};
        ok(store_meeting_upsert(s, &m, &err));
    }
    ok(store_exec_for_tests(s, "INSERT INTO request_attendees(request_rid, person_rid)"
                               " SELECT r.rid, p.rid FROM requests r, people p"
                               " WHERE r.id = 'r3' AND p.id = 'x1'", &err));
    ok(store_event_set_published(s, "ev", true, &err));
    ok(store_mail_config_set(s, "http://forum.test", &err));
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

static const struct app_request_actor her = {.person = "x1", .login = "x1@org.test",
                                             .now = DURING_T1};
static const struct app_request_actor desk = {.login = "desk@forum.test", .organiser = true,
                                              .now = DURING_T1};

static struct app_dayoff done;

static int day_off(const struct app_request_actor *who, const char *person, const char *day,
                   bool dry_run)
{
    err = (struct df_err){0};
    return app_dayoff(s, who, person, "ev", day, dry_run, &a, &done, &err);
}

static const char *status_of(const char *id)
{
    struct store_request r;
    ok(store_request_get(s, id, &a, &r, &err));
    return r.status;
}

/* How many mails wait for person. */
static int mails_to(const char *person)
{
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM mail_outbox WHERE person_rid ="
             " (SELECT rid FROM people WHERE id = '%s')", person);
    return number(sql);
}

#define HER_AWAY                                                                                \
    "SELECT count(*) FROM unavailability WHERE person_rid ="                                    \
    " (SELECT rid FROM people WHERE id = 'x1')"

Test(app_dayoff, her_meetings_of_the_day_cancelled_left_or_kept_in_one_go, .init = setup,
     .fini = teardown)
{
    ok(day_off(&her, "x1", "2031-06-05", false));
    cr_assert_eq(done.cancelled_n, 2);
    cr_assert_str_eq(done.cancelled[0].request, "r2");
    cr_assert_str_eq(done.cancelled[0].as, "addressee");
    cr_assert_str_eq(done.cancelled[0].with, "y2");
    cr_assert_str_eq(done.cancelled[1].request, "r6");
    cr_assert_str_eq(done.cancelled[1].as, "requester");
    cr_assert_eq(done.left_n, 1);
    cr_assert_str_eq(done.left[0].request, "r3");
    cr_assert_str_eq(done.left[0].as, "attendee");
    cr_assert_str_eq(done.left[0].with, "z1", "she sits on x2's side: she meets z1");
    cr_assert_eq(done.kept_n, 1, "the begun meeting is left alone and said");
    cr_assert_str_eq(done.kept[0].request, "r1");

    cr_assert_str_eq(status_of("r2"), "cancelled");
    cr_assert_str_eq(status_of("r6"), "cancelled");
    struct store_request r;
    ok(store_request_get(s, "r2", &a, &r, &err));
    cr_assert_str_eq(r.cancelled_by, "addressee");
    ok(store_request_get(s, "r6", &a, &r, &err));
    cr_assert_str_eq(r.cancelled_by, "requester");
    cr_assert_str_eq(status_of("r1"), "accepted", "begun: kept");
    cr_assert_str_eq(status_of("r4"), "accepted", "another day's: kept");
    cr_assert_str_eq(status_of("r3"), "accepted", "she leaves it; it stays");
    cr_assert_str_eq(status_of("r5"), "accepted");
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0);
    cr_assert_eq(number("SELECT count(*) FROM meetings m JOIN requests r ON r.rid ="
                        " m.request_rid WHERE r.id IN ('r2', 'r6')"), 0);
    cr_assert_eq(number("SELECT count(*) FROM meetings"), 4);
    /* the single actions' audit lines, the cancels saying why */
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action = 'request.cancel'"
                        " AND actor = 'x1' AND detail LIKE '% (day off)'"), 2);
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action ="
                        " 'request.attendee_remove' AND entity_id = 'r3'"), 1);
}

Test(app_dayoff, her_slots_of_the_day_to_come_are_marked_away_by_her, .init = setup,
     .fini = teardown)
{
    ok(day_off(&her, "x1", "2031-06-05", false));
    cr_assert_eq(done.away_n, 3, "t2, t3, t4: not t1 (begun), not day two's");
    cr_assert_eq(number(HER_AWAY), 3);
    cr_assert_eq(number(HER_AWAY " AND slot_rid IN (SELECT rid FROM slots WHERE id IN"
                        " ('t1', 'u1'))"), 0);
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action = 'availability.set'"), 1);
    ok(day_off(&her, "x1", "2031-06-05", false));
    cr_assert_eq(done.away_n, 0, "a second time: nothing more");
    cr_assert_eq(done.cancelled_n + done.left_n, 0);
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action = 'availability.set'"), 1);
}

Test(app_dayoff, each_partner_is_mailed_once_she_is_not, .init = setup, .fini = teardown)
{
    ok(day_off(&her, "x1", "2031-06-05", false));
    cr_assert_eq(mails_to("y2"), 1);
    cr_assert_eq(mails_to("z1"), 1, "r6 cancelled; r3 she left as a colleague: one mail");
    cr_assert_eq(mails_to("x1"), 0, "she did it");
    cr_assert_eq(mails_to("y1"), 0, "r1 has begun: kept");
    cr_assert_eq(mails_to("y3"), 0, "r4 is another day's");
    cr_assert_eq(done.mailed, 2);
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox"), 2);
}

Test(app_dayoff, two_meetings_with_one_partner_are_one_mail, .init = setup, .fini = teardown)
{
    /* z1 also requested r7 with her, placed in t3 beside r3 (unlikely, but
     * a mail per meeting would show here) */
    struct store_request r = {.id = "r7", .event = "ev", .from = "z1", .to = "x1",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    ok(store_exec_for_tests(s, "DELETE FROM request_attendees", &err));
    struct store_meeting m = {.request = "r7", .slot = "t3", .location = "C", .locked = 1};
    ok(store_meeting_upsert(s, &m, &err));
    ok(day_off(&her, "x1", "2031-06-05", false));
    cr_assert_eq(done.cancelled_n, 3);
    cr_assert_eq(mails_to("z1"), 1);
}

Test(app_dayoff, a_dry_run_says_the_same_and_writes_nothing, .init = setup, .fini = teardown)
{
    int audits = number("SELECT count(*) FROM audit_log");
    ok(day_off(&her, "x1", "2031-06-05", true));
    cr_assert(done.dry_run);
    cr_assert_eq(done.cancelled_n, 2);
    cr_assert_eq(done.left_n, 1);
    cr_assert_eq(done.kept_n, 1);
    cr_assert_eq(done.away_n, 3);
    cr_assert_eq(done.mailed, 2);
    cr_assert_str_eq(status_of("r2"), "accepted");
    cr_assert_str_eq(status_of("r6"), "accepted");
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 1);
    cr_assert_eq(number("SELECT count(*) FROM meetings"), 6);
    cr_assert_eq(number(HER_AWAY), 0);
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox"), 0);
    cr_assert_eq(number("SELECT count(*) FROM audit_log"), audits);
}

Test(app_dayoff, an_organiser_gives_it_up_for_her_as_the_organisers, .init = setup,
     .fini = teardown)
{
    ok(day_off(&desk, "x1", "2031-06-05", false));
    cr_assert_eq(done.cancelled_n, 2);
    struct store_request r;
    ok(store_request_get(s, "r2", &a, &r, &err));
    cr_assert_str_eq(r.cancelled_by, "organiser");
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action = 'request.cancel'"
                        " AND actor = 'desk@forum.test'"), 2);
    cr_assert_eq(number("SELECT count(*) FROM unavailability WHERE set_by = 'organiser'"), 3);
}

/* The desk acting for her: she is told once, as each partner is (not once
 * more for the meeting she left as a colleague), and the figure counts
 * people, not mails. */
Test(app_dayoff, the_desk_tells_her_once_and_counts_people, .init = setup, .fini = teardown)
{
    ok(day_off(&desk, "x1", "2031-06-05", false));
    cr_assert_eq(done.left_n, 1);
    cr_assert_eq(mails_to("x1"), 1, "one mail of the whole action");
    cr_assert_eq(mails_to("y2"), 1);
    cr_assert_eq(mails_to("z1"), 1);
    cr_assert_eq(done.mailed, 3, "three people told");
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox"), 3);
}

Test(app_dayoff, a_day_not_of_the_event_or_gone_is_refused_by_code, .init = setup,
     .fini = teardown)
{
    const char *days[] = {"2031-06-07", "2031-06-04", "yesterday", "2031-02-30"};
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(day_off(&her, "x1", days[i], false), -1, "%s", days[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
        cr_assert_str_eq(err.code, "day_off_day");
    }
    /* the day after, the first day is gone */
    struct app_request_actor later = her;
    later.now = DURING_T1 + 86400;
    err = (struct df_err){0};
    cr_assert_eq(app_dayoff(s, &later, "x1", "ev", "2031-06-05", false, &a, &done, &err), -1);
    cr_assert_str_eq(err.code, "day_off_day");
    cr_assert_str_eq(status_of("r2"), "accepted");
    /* the day before the forum, its first day is to come: all of it goes */
    later.now = DAY_BEFORE;
    err = (struct df_err){0};
    ok(app_dayoff(s, &later, "x1", "ev", "2031-06-05", false, &a, &done, &err));
    cr_assert_eq(done.cancelled_n, 3);
    cr_assert_eq(done.kept_n, 0);
}

Test(app_dayoff, an_absent_or_erased_person_is_not_found, .init = setup, .fini = teardown)
{
    cr_assert_eq(day_off(&desk, "nobody", "2031-06-05", false), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    const struct app_erasure_by by = {.actor = "cli", .now = DURING_T1};
    ok(app_person_erase(s, &by, "x2", &a, NULL, &err));
    cr_assert_eq(day_off(&desk, "x2", "2031-06-05", false), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    err = (struct df_err){0};
    cr_assert_eq(app_dayoff(s, &her, "x1", "no-such-event", "2031-06-05", false, &a, &done,
                            &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}
