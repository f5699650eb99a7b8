/* Unit tests of app/table_out: a table out of use on the forum's day, its
 * meetings moved in one go, and the window kept from the desk's moves,
 * the free times and schedule runs until the table is given back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/move.h"
#include "app/schedule.h"
#include "app/table_out.h"
#include "scratch_db.h"
#include "store/table_out.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* Unix seconds of a UTC time "YYYY-MM-DDTHH:MM:SSZ". */
static long long at(const char *utc)
{
    struct tm tm = {0};
    cr_assert_not_null(strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm));
    return (long long)timegm(&tm);
}

/* 09:20 in Brussels: t1 has begun, t2-t4 have not. */
#define NOW at("2025-06-05T07:20:00Z")

static void add_slot(const char *id, int seq, const char *st, const char *en)
{
    struct store_slot t = {.id = id, .session = "s1", .seq = seq, .starts_at = st, .ends_at = en};
    ok(store_slot_upsert(s, &t, &err));
}

static void add_meeting(const char *id, const char *from, const char *to, const char *slot,
                        const char *table)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    if (!slot)
        return;
    struct store_meeting m = {.request = id, .slot = slot, .location = table, .locked = 1};
    ok(store_meeting_upsert(s, &m, &err));
}

/* Event "ev" (Brussels, +02:00 in June), quarters t1-t4 from 09:00 on
 * 2025-06-05; tables A, B, C; people a-h, all speaking English. At B: a b
 * in t1 (r1, begun at NOW), c d in t2 (r2), e f in t3 (r3); A and C taken
 * in t3 (r4 a c, r5 b d). g h agreed to meet (r6), not placed yet. */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-tableout-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    struct store_org o = {.id = "org", .name = "Org", .country = "DE", .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    const char *people[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    for (int i = 0; i < 8; i++) {
        char email[32];
        snprintf(email, sizeof email, "%s@x.test", people[i]);
        struct store_person p = {.id = people[i], .org = "org", .name = people[i],
                                 .email = email, .languages = "en"};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2025-06-05",
                            .ends_on = "2025-06-05"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session d1 = {.id = "s1", .event = "ev", .day = "2025-06-05", .name = "B2B",
                               .kind = "b2b", .starts_at = "2025-06-05T09:00:00+02:00",
                               .ends_at = "2025-06-05T10:00:00+02:00"};
    ok(store_session_upsert(s, &d1, &err));
    add_slot("t1", 1, "2025-06-05T09:00:00+02:00", "2025-06-05T09:15:00+02:00");
    add_slot("t2", 2, "2025-06-05T09:30:00+02:00", "2025-06-05T09:45:00+02:00");
    add_slot("t3", 3, "2025-06-05T09:45:00+02:00", "2025-06-05T10:00:00+02:00");
    add_slot("t4", 4, "2025-06-05T10:00:00+02:00", "2025-06-05T10:15:00+02:00");
    const char *tables[] = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
        struct store_location l = {.id = tables[i], .event = "ev", .name = tables[i],
                                   .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    add_meeting("r1", "a", "b", "t1", "B");
    add_meeting("r2", "c", "d", "t2", "B");
    add_meeting("r3", "e", "f", "t3", "B");
    add_meeting("r4", "a", "c", "t3", "A");
    add_meeting("r5", "b", "d", "t3", "C");
    add_meeting("r6", "g", "h", NULL, NULL);
}

static void setup_video(void)
{
    setup();
    ok(store_event_video_set(s, "ev", "https://meet.example.org", &err));
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* request's meeting as "slot/table#sequence" (table "-" when none, "online"). */
static const char *where(const char *request)
{
    struct store_meeting m;
    ok(store_meeting_of_request(s, request, &a, &m, &err));
    return arena_printf(&a, "%s/%s#%d", m.slot,
                        m.location ? m.location : m.online ? "online" : "-", m.sequence);
}

/* The desk's options for request as "slot/table ..." at NOW. */
static const char *options(const char *request)
{
    struct app_meeting_moves m;
    ok(app_meeting_moves(s, request, NOW, &a, &m, &err));
    char out[512] = "";
    for (int i = 0; i < m.options_n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s/%s", i ? " " : "",
                 m.options[i].slot, m.options[i].location ? m.options[i].location : "online");
    return arena_strdup(&a, out);
}

Test(app_table_out, its_meetings_go_to_free_tables_at_their_times_else_to_no_table,
     .init = setup, .fini = teardown)
{
    struct app_table_out o;
    int64_t audits = store_audit_count(s, &err);
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &a, &o, &err));
    cr_assert_eq(o.moves_n, 2, "r1 has begun: it stays");
    cr_assert_str_eq(o.moves[0].meeting, "r2");
    cr_assert_str_eq(o.moves[0].to.location, "A", "the first table free then");
    cr_assert_str_eq(o.moves[1].meeting, "r3");
    cr_assert(!o.moves[1].placed, "A and C are taken in t3, and no video service");
    cr_assert_null(o.moves[1].to.location);
    cr_assert_eq(o.moves[1].people_n, 2, "the desk calls e and f");
    cr_assert_eq(o.to_tables, 1);
    cr_assert_eq(o.unplaced, 1);
    cr_assert_str_eq(o.from, "2025-06-05T09:00:00+02:00");
    cr_assert_null(o.until);
    cr_assert_str_eq(o.location_name, "B");
    cr_assert_str_eq(where("r1"), "t1/B#0");
    cr_assert_str_eq(where("r2"), "t2/A#1");
    cr_assert_str_eq(where("r3"), "t3/-#1");
    cr_assert_eq(store_audit_count(s, &err), audits + 3, "one a meeting, one the table");
}

Test(app_table_out, the_event_is_read_once_each_move_kept_on_its_board, .init = setup,
     .fini = teardown)
{
    /* two meetings at B in t2 (a desk's slip): one to A, the next to C,
     * not A again, as the board is told of the first move */
    add_meeting("r7", "g", "h", "t2", "B");
    struct app_table_out o;
    unsigned long loads = app_board_loads();
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, true, NOW, &a, &o, &err));
    cr_assert_eq(app_board_loads(), loads + 1, "a dry run reads it once");
    cr_assert_eq(o.moves_n, 3);
    loads = app_board_loads();
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &a, &o, &err));
    cr_assert_eq(app_board_loads(), loads + 1, "once for its three meetings");
    cr_assert_eq(o.moves_n, 3);
    cr_assert_str_eq(where("r2"), "t2/A#1");
    cr_assert_str_eq(where("r7"), "t2/C#1");
    cr_assert_str_eq(where("r3"), "t3/-#1");
    cr_assert_eq(o.to_tables, 2);
    cr_assert_eq(o.unplaced, 1);
}

Test(app_table_out, a_big_event_takes_only_what_is_said_from_the_callers_arena, .init = setup,
     .fini = teardown)
{
    /* 300 tables more: each meeting's places at every time are far more
     * than what is said of its move; at 10,000 people the lists of a
     * table's meetings went past an HTTP request's arena (500, "out of
     * memory moving a meeting") and no table could be taken out */
    for (int i = 0; i < 300; i++) {
        char id[16];
        snprintf(id, sizeof id, "T%03d", i);
        struct store_location l = {.id = id, .event = "ev", .name = id, .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    struct arena small;
    arena_init(&small, 32768);
    struct app_table_out o;
    int rc = app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &small, &o,
                           &err);
    cr_expect_eq(rc, 0, "%s", err.msg);
    if (rc == 0) {
        cr_expect_eq(o.moves_n, 2);
        cr_expect_str_eq(o.moves[0].to.location, "A");
        cr_expect_str_eq(o.moves[1].to.location, "T000", "C is taken: the next in order");
        cr_expect_str_eq(o.moves[1].people[1].name, "f");
    }
    arena_free(&small);
    cr_assert_str_eq(where("r3"), "t3/T000#1");
}

Test(app_table_out, online_when_the_event_names_a_video_service_and_no_table_is_free,
     .init = setup_video, .fini = teardown)
{
    struct app_table_out o;
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &a, &o, &err));
    cr_assert_eq(o.to_tables, 1);
    cr_assert_eq(o.to_online, 1);
    cr_assert_eq(o.unplaced, 0);
    cr_assert_str_eq(where("r2"), "t2/A#1", "a free table before online");
    cr_assert_str_eq(where("r3"), "t3/online#1");
}

Test(app_table_out, a_dry_run_says_the_same_plan_and_writes_nothing, .init = setup,
     .fini = teardown)
{
    struct app_table_out o;
    int64_t audits = store_audit_count(s, &err);
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, true, NOW, &a, &o, &err));
    cr_assert(o.dry_run);
    cr_assert_eq(o.moves_n, 2);
    cr_assert_str_eq(o.moves[0].to.location, "A");
    cr_assert(!o.moves[1].placed);
    cr_assert_str_eq(where("r2"), "t2/B#0");
    cr_assert_str_eq(where("r3"), "t3/B#0");
    cr_assert_eq(store_audit_count(s, &err), audits);
    struct app_table_window *ws;
    int n = -1;
    ok(app_tables_out(s, "ev", &a, &ws, &n, &err));
    cr_assert_eq(n, 0, "no window kept");
    cr_assert_str_eq(options("r2"), "t2/A t2/C t4/B t4/A t4/C", "B offered still");
}

Test(app_table_out, until_a_time_only_the_slots_it_covers, .init = setup, .fini = teardown)
{
    struct app_table_out o;
    /* 09:40 falls inside t2 (09:30-09:45): t2 is covered, t3 not */
    ok(app_table_out(s, "desk@x.test", "ev", "B", "2025-06-05T09:20", "2025-06-05T09:40", false,
                     NOW, &a, &o, &err));
    cr_assert_eq(o.moves_n, 1);
    cr_assert_str_eq(o.moves[0].meeting, "r2");
    cr_assert_str_eq(o.until, "2025-06-05T09:40:00+02:00");
    cr_assert_str_eq(where("r3"), "t3/B#0");
    /* B is offered again after the window */
    cr_assert_str_eq(options("r2"), "t2/C t4/A t4/B t4/C", "B out in t2 only");
}

Test(app_table_out, the_window_closes_the_table_to_the_desk_until_it_is_given_back,
     .init = setup, .fini = teardown)
{
    struct app_table_out o;
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &a, &o, &err));
    cr_assert_str_eq(options("r2"), "t2/C t4/A t4/C");
    struct app_meeting_moves m;
    struct app_whys why;
    cr_assert_eq(app_meeting_move(s, "desk@x.test", "r2", "t4", "B", false, NOW, &a, &m, &why,
                                  &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(why.n, 1);
    cr_assert_str_eq(why.v[0].code, "table_out");
    cr_assert_str_eq(why.v[0].message, "B is out of use then");
    /* the free times of a request not placed never name B */
    struct store_request r;
    ok(store_request_get(s, "r6", &a, &r, &err));
    struct app_move_place *times;
    int n;
    cr_assert_geq(app_request_free_times(s, &r, NOW, 10, &a, &times, &n, &err), 0, "%s", err.msg);
    for (int i = 0; i < n; i++)
        cr_assert_str_neq(times[i].location, "B", "%s", times[i].slot);
    /* given back */
    int back = 0;
    ok(app_table_back(s, "desk@x.test", "ev", "B", NULL, NULL, 0, &back, &err));
    cr_assert_eq(back, 1);
    cr_assert_str_eq(options("r2"), "t2/B t2/C t4/A t4/B t4/C", "its own table A first now");
    cr_assert_str_eq(where("r2"), "t2/A#1", "it stays where it went");
}

Test(app_table_out, a_schedule_run_seats_nobody_there_then, .init = setup, .fini = teardown)
{
    /* g and h are free in t2 and t4 only, and A and C are taken then */
    add_meeting("r7", "e", "g", "t2", "C");
    add_meeting("r8", "f", "h", "t4", "A");
    add_meeting("r9", "a", "b", "t4", "C");
    add_meeting("r10", "c", "d", "t2", "A");
    struct app_table_out o;
    ok(app_table_out(s, "desk@x.test", "ev", "B", "09:00", NULL, false, NOW, &a, &o, &err));
    cr_assert_eq(o.unplaced, 2, "r2 and r3: no table free then");
    struct app_schedule_report rep;
    struct app_schedule_opts run = {.event = "ev", .time_limit = 1, .seed = 1, .now = NOW};
    ok(app_schedule_event(s, &run, &a, &rep, &err));
    struct store_meeting m;
    cr_assert_eq(store_meeting_of_request(s, "r6", &a, &m, &err), -1, "r6 at %s/%s", m.slot,
                 m.location);
    /* given back, the next run seats it there */
    int back;
    ok(app_table_back(s, "desk@x.test", "ev", "B", NULL, NULL, 0, &back, &err));
    ok(app_schedule_event(s, &run, &a, &rep, &err));
    cr_assert_str_eq(where("r6") + 2, "/B#0");
}

Test(app_table_out, one_window_given_back_the_others_kept, .init = setup, .fini = teardown)
{
    /* B out of use 09:30-09:45 and from 10:00 on, A from 09:30 on */
    ok(store_table_out_add(s, "ev", "B", at("2025-06-05T07:30:00Z"), at("2025-06-05T07:45:00Z"),
                           "desk@x.test", &err));
    ok(store_table_out_add(s, "ev", "B", at("2025-06-05T08:00:00Z"), 0, "desk@x.test", &err));
    ok(store_table_out_add(s, "ev", "A", at("2025-06-05T07:30:00Z"), 0, "desk@x.test", &err));
    int back = 0;
    int64_t lines = store_audit_count(s, &err);
    /* none starts then, or none ends then: nothing given back */
    cr_assert_eq(app_table_back(s, "desk@x.test", "ev", "B", "09:35", NULL, NOW, &back, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "%s", err.msg);
    cr_assert_eq(app_table_back(s, "desk@x.test", "ev", "B", "09:30", "10:00", NOW, &back, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "%s", err.msg);
    cr_assert_eq(app_table_back(s, "desk@x.test", "ev", "B", NULL, "09:45", NOW, &back, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT, "until alone names no window");
    cr_assert_eq(store_audit_count(s, &err), lines);
    /* the first of B's, as the list gives its times */
    ok(app_table_back(s, "desk@x.test", "ev", "B", "2025-06-05T09:30:00+02:00",
                      "2025-06-05T09:45:00+02:00", NOW, &back, &err));
    cr_assert_eq(back, 1);
    cr_assert_eq(store_audit_count(s, &err), lines + 1);
    struct app_table_window *ws;
    int n;
    ok(app_tables_out(s, "ev", &a, &ws, &n, &err));
    cr_assert_eq(n, 2, "B from 10:00 and A stay");
    cr_assert_str_eq(ws[0].location, "A");
    cr_assert_str_eq(ws[1].location, "B");
    cr_assert_str_eq(ws[1].from, "2025-06-05T10:00:00+02:00");
    /* B's other by its start alone (a window to the end) */
    ok(app_table_back(s, "desk@x.test", "ev", "B", "10:00", NULL, NOW, &back, &err));
    cr_assert_eq(back, 1);
    ok(app_tables_out(s, "ev", &a, &ws, &n, &err));
    cr_assert_eq(n, 1);
    cr_assert_str_eq(ws[0].location, "A");
}

Test(app_table_out, the_times_the_desk_types, .init = setup, .fini = teardown)
{
    long long t;
    const char *tz = "Europe/Brussels";
    ok(app_table_out_time(tz, "from", "14:00", NOW, &t, &err));
    cr_assert_eq(t, at("2025-06-05T12:00:00Z"), "today where the event is");
    ok(app_table_out_time(tz, "from", "2025-06-06T09:30", NOW, &t, &err));
    cr_assert_eq(t, at("2025-06-06T07:30:00Z"));
    ok(app_table_out_time(tz, "from", "2025-06-06T09:30:00Z", NOW, &t, &err));
    cr_assert_eq(t, at("2025-06-06T09:30:00Z"), "an offset given is kept");
    cr_assert_eq(app_table_out_time(tz, "from", "24:00", NOW, &t, &err), -1);
    cr_assert_eq(app_table_out_time(tz, "until", "soon", NOW, &t, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "until: \"soon\" is not a time"), "%s", err.msg);
    struct app_table_out o;
    cr_assert_eq(app_table_out(s, "d", "ev", "Z", "09:00", NULL, false, NOW, &a, &o, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(app_table_out(s, "d", "ev", "B", "10:00", "09:50", false, NOW, &a, &o, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
}
