/* Unit tests of app/move: where an organiser may move one meeting on the
 * forum's day, in what order, and the move with what it keeps. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/introduce.h"
#include "app/move.h"
#include "app/requests.h"
#include "app/schedule.h"
#include "store/api.h"
#include "store/agenda.h"
#include "store/day.h"
#include "store/mail.h"
#include "store/messages.h"
#include "store/outcomes.h"
#include "store/web.h"
#include "scratch_db.h"

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

static void add_slot(const char *id, const char *session, int seq, const char *st,
                     const char *en)
{
    struct store_slot t = {.id = id, .session = session, .seq = seq, .starts_at = st,
                           .ends_at = en};
    ok(store_slot_upsert(s, &t, &err));
}

/* Event "ev" (Brussels, +02:00 in June): quarters t1-t4 from 09:00 on
 * 2025-06-05, t5 at 09:00 the next day; tables A and B; people a-d; a
 * meets b in t2 at A (r1), c meets d in t3 at B (r2), both with
 * interpreter iv. */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-move-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    struct store_org o = {.id = "org", .name = "Org", .country = "DE", .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    const char *people[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) {
        struct store_person p = {.id = people[i], .org = "org", .name = people[i]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2025-06-05",
                            .ends_on = "2025-06-06"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session d1 = {.id = "s1", .event = "ev", .day = "2025-06-05", .name = "B2B",
                               .kind = "b2b", .starts_at = "2025-06-05T09:00:00+02:00",
                               .ends_at = "2025-06-05T10:00:00+02:00"};
    struct store_session d2 = {.id = "s2", .event = "ev", .day = "2025-06-06", .name = "B2B",
                               .kind = "b2b", .starts_at = "2025-06-06T09:00:00+02:00",
                               .ends_at = "2025-06-06T09:15:00+02:00"};
    ok(store_session_upsert(s, &d1, &err));
    ok(store_session_upsert(s, &d2, &err));
    add_slot("t1", "s1", 1, "2025-06-05T09:00:00+02:00", "2025-06-05T09:15:00+02:00");
    add_slot("t2", "s1", 2, "2025-06-05T09:15:00+02:00", "2025-06-05T09:30:00+02:00");
    add_slot("t3", "s1", 3, "2025-06-05T09:30:00+02:00", "2025-06-05T09:45:00+02:00");
    add_slot("t4", "s1", 4, "2025-06-05T09:45:00+02:00", "2025-06-05T10:00:00+02:00");
    add_slot("t5", "s2", 1, "2025-06-06T09:00:00+02:00", "2025-06-06T09:15:00+02:00");
    const char *tables[] = {"A", "B"};
    for (int i = 0; i < 2; i++) {
        struct store_location l = {.id = tables[i], .event = "ev", .name = tables[i],
                                   .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    struct store_interpreter iv = {.id = "iv", .event = "ev", .name = "Iryna", .lang_a = "uk",
                                   .lang_b = "en"};
    ok(store_interpreter_upsert(s, &iv, NULL, &err));
    const char *reqs[][5] = {{"r1", "a", "b", "t2", "A"}, {"r2", "c", "d", "t3", "B"}};
    for (int i = 0; i < 2; i++) {
        struct store_request r = {.id = reqs[i][0], .event = "ev", .from = reqs[i][1],
                                  .to = reqs[i][2], .status = "accepted", .priority = 1};
        ok(store_request_upsert(s, &r, NULL, &err));
        struct store_meeting m = {.request = reqs[i][0], .slot = reqs[i][3],
                                  .location = reqs[i][4], .interpreter = "iv", .locked = 1};
        ok(store_meeting_upsert(s, &m, &err));
    }
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* The options of r1 at now as "slot/table ..." into out. */
static void options_of(long long now, char *out, size_t n)
{
    struct app_meeting_moves m;
    ok(app_meeting_moves(s, "r1", now, &a, &m, &err));
    out[0] = '\0';
    for (int i = 0; i < m.options_n; i++)
        snprintf(out + strlen(out), n - strlen(out), "%s%s/%s", i ? " " : "",
                 m.options[i].slot,
                 m.options[i].location ? m.options[i].location
                 : m.options[i].online ? "online" : "none");
}

Test(app_move, the_nearest_first_a_later_one_before_an_earlier_its_own_table_first,
     .init = setup, .fini = teardown)
{
    char got[256];
    /* 08:00 in Brussels: nothing has begun; t3 is out, as iv interprets r2 then */
    options_of(at("2025-06-05T06:00:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "t2/B t1/A t1/B t4/A t4/B t5/A t5/B");
}

Test(app_move, a_slot_that_has_begun_is_no_option, .init = setup, .fini = teardown)
{
    char got[256];
    /* 09:05: t1 has begun */
    options_of(at("2025-06-05T07:05:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "t2/B t4/A t4/B t5/A t5/B");
    /* 09:20: r1 itself has begun, and goes nowhere */
    options_of(at("2025-06-05T07:20:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "");
}

Test(app_move, a_big_event_takes_only_the_list_from_the_callers_arena, .init = setup,
     .fini = teardown)
{
    /* 600 accepted requests more (no meeting): the event's board is far more
     * than r1's options. An HTTP request's arena has a limit (8 MiB), which
     * the board of a forum of 10,000 went past (500, "out of memory
     * scheduling"), and the desk could move no meeting */
    for (int i = 0; i < 600; i++) {
        char x[16], y[16], id[16];
        snprintf(x, sizeof x, "x%03d", i);
        snprintf(y, sizeof y, "y%03d", i);
        snprintf(id, sizeof id, "rx%03d", i);
        struct store_person px = {.id = x, .org = "org", .name = x};
        struct store_person py = {.id = y, .org = "org", .name = y};
        ok(store_person_upsert(s, &px, NULL, &err));
        ok(store_person_upsert(s, &py, NULL, &err));
        struct store_request r = {.id = id, .event = "ev", .from = x, .to = y,
                                  .status = "accepted", .priority = 1};
        ok(store_request_upsert(s, &r, NULL, &err));
    }
    struct arena small;
    arena_init(&small, 16384);
    struct app_meeting_moves m;
    int rc = app_meeting_moves(s, "r1", at("2025-06-05T06:00:00Z"), &small, &m, &err);
    cr_expect_eq(rc, 0, "%s", err.msg);
    cr_expect_eq(m.options_n, 7);
    cr_expect_eq(m.people_n, 2);
    if (rc == 0 && m.people_n == 2)
        cr_expect_str_eq(m.people[1].name, "b");
    /* the move itself reads the same board */
    rc = app_meeting_move(s, "org@x", "r1", "t4", "B", false, at("2025-06-05T06:00:00Z"),
                          &small, &m, NULL, &err);
    cr_expect_eq(rc, 0, "%s", err.msg);
    if (rc == 0)
        cr_expect_str_eq(m.at.slot, "t4");
    arena_free(&small);
}

Test(app_move, the_desks_list_reads_the_board_again_once_anything_changed, .init = setup,
     .fini = teardown)
{
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/B t1/A t1/B t4/A t4/B t5/A t5/B");
    unsigned long loads = app_board_loads();
    options_of(now, got, sizeof got);
    cr_assert_eq(app_board_loads(), loads, "nothing changed: the board kept is read");
    /* another connection (another server thread) seats r2 at A in t4 */
    struct store *other;
    ok(store_open(&other, db_path, &err));
    struct store_meeting m = {.request = "r2", .slot = "t4", .location = "A",
                              .interpreter = "iv", .locked = 1};
    ok(store_meeting_upsert(other, &m, &err));
    store_close(other);
    options_of(now, got, sizeof got);
    /* t3 is free of iv now; t4 is not */
    cr_assert_str_eq(got, "t2/B t3/A t3/B t1/A t1/B t5/A t5/B");
    /* this connection moves it back */
    m.slot = "t3";
    m.location = "B";
    ok(store_meeting_upsert(s, &m, &err));
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/B t1/A t1/B t4/A t4/B t5/A t5/B");
    app_board_cache_free();
}

/* r1's row of a's agenda: where it was moved from into was ("" for none). */
static int moved_from(void *ud, const struct store_agenda_row *r)
{
    char *was = ud;
    if (strcmp(r->meeting, "r1") == 0)
        snprintf(was, 64, "%s %s%s", r->moved_from_start ? r->moved_from_start : "",
                 r->moved_from_location ? r->moved_from_location : "",
                 r->moved_from_online ? "online" : "");
    return 0;
}

Test(app_move, a_move_raises_the_sequence_keeps_where_it_was_and_a_run_forgets_it,
     .init = setup, .fini = teardown)
{
    long long now = at("2025-06-05T06:00:00Z");
    struct app_meeting_moves m;
    struct app_whys why;
    cr_assert_eq(app_meeting_move(s, "org@x", "r1", "t3", "A", false, now, &a, &m, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "its interpreter iv interprets r2 then"), "%s", err.msg);
    /* the same for a page to say in its language: by code and values */
    cr_assert_eq(why.n, 1);
    cr_assert_str_eq(why.v[0].code, "interpreter_busy");
    cr_assert_eq(why.v[0].values_n, 2);
    cr_assert_str_eq(why.v[0].name[0], "interpreter");
    cr_assert_str_eq(why.v[0].value[0], "iv");
    cr_assert_str_eq(why.v[0].name[1], "request");
    cr_assert_str_eq(why.v[0].value[1], "r2");
    cr_assert_str_eq(why.v[0].message, "its interpreter iv interprets r2 then");
    err = (struct df_err){0};
    ok(app_meeting_move(s, "org@x", "r1", "t4", "A", false, now, &a, &m, &why, &err));
    cr_assert_eq(why.n, 0, "nothing in the way of a move made");
    cr_assert_str_eq(m.at.slot, "t4");
    cr_assert_str_eq(m.was.slot, "t2");
    cr_assert_eq(m.sequence, 1);
    cr_assert_eq(m.people_n, 2);
    char was[64] = "";
    ok(store_agenda_each(s, "a", moved_from, was, &err));
    cr_assert_str_eq(was, "2025-06-05T09:15:00+02:00 A");
    /* a later run that moves it again: the note no longer says what changed */
    struct store_meeting again = {.request = "r1", .slot = "t5", .location = "A",
                                  .interpreter = "iv", .locked = 1};
    ok(store_meeting_upsert(s, &again, &err));
    ok(store_agenda_each(s, "a", moved_from, was, &err));
    cr_assert_str_eq(was, " ");
}

/* ---- a hybrid forum: a meeting held online, by video (no table) ---- */

Test(app_move, online_is_a_place_only_when_the_event_names_a_video_service, .init = setup,
     .fini = teardown)
{
    char got[512];
    long long now = at("2025-06-05T06:00:00Z");
    options_of(now, got, sizeof got);
    cr_assert_null(strstr(got, "online"), "%s", got);
    struct app_meeting_moves m;
    struct app_whys why;
    cr_assert_eq(app_meeting_move(s, "org@x", "r1", "t4", NULL, true, now, &a, &m, &why, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_str_eq(err.code, "no_video_service");
    cr_assert(strstr(err.msg, "names no video service"), "%s", err.msg);
    err = (struct df_err){0};
    ok(store_event_video_set(s, "ev", "https://meet.example.org", &err));
    /* online after the tables of each slot, its own slot too; t3 stays out
     * (its interpreter is busy then), online or not */
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/B t2/online t1/A t1/B t1/online t4/A t4/B t4/online t5/A t5/B "
                          "t5/online");
}

/* setup's event naming its video service (a hybrid forum's) */
static void setup_video(void)
{
    setup();
    ok(store_event_video_set(s, "ev", "https://meet.example.org", &err));
}

/* r1 as the store has it: its table (or "-") and whether it is online. */
static void r1_is(const char *table, int online)
{
    struct store_meeting m;
    ok(store_meeting_of_request(s, "r1", &a, &m, &err));
    cr_assert_str_eq(m.location ? m.location : "-", table);
    cr_assert_eq(m.online, online);
    /* its link: the event's service and a room of 43 characters */
    if (online)
        cr_assert(m.video_url && strncmp(m.video_url, "https://meet.example.org/", 25) == 0 &&
                  strlen(m.video_url) == 25 + 43, "%s", m.video_url ? m.video_url : "none");
    else
        cr_assert_null(m.video_url);
}

Test(app_move, a_meeting_at_a_table_goes_online_and_back_to_a_free_table, .init = setup_video,
     .fini = teardown)
{
    long long now = at("2025-06-05T06:00:00Z");
    struct app_meeting_moves m;
    struct app_whys why;
    /* neither a table nor online: refused, as both at once */
    cr_assert_eq(app_meeting_move(s, "org@x", "r1", "t4", NULL, false, now, &a, &m, &why, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "held at a table"), "%s", err.msg);
    cr_assert_eq(app_meeting_move(s, "org@x", "r1", "t4", "A", true, now, &a, &m, &why, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    err = (struct df_err){0};
    /* online at its own time: table A is free then for another meeting */
    ok(app_meeting_move(s, "org@x", "r1", "t2", NULL, true, now, &a, &m, &why, &err));
    cr_assert(m.online && m.at.online && !m.at.location, "now online");
    cr_assert(!m.was.online && m.was.location && strcmp(m.was.location, "A") == 0);
    cr_assert_eq(m.sequence, 1);
    r1_is("-", 1);
    /* a's and b's agendas hold it online, with its link */
    char was[64] = "";
    ok(store_agenda_each(s, "a", moved_from, was, &err));
    cr_assert_str_eq(was, "2025-06-05T09:15:00+02:00 A");
    /* online, nobody in it online: the tables are offered, its own slot
     * first, then at each time online (as it is held) before the tables */
    char got[512];
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/A t2/B t1/online t1/A t1/B t4/online t4/A t4/B t5/online t5/A "
                          "t5/B");
    /* its interpreter stays judged: t3 is no place, online neither */
    cr_assert_null(strstr(got, "t3/"), "%s", got);
    cr_assert_eq(app_meeting_move(s, "org@x", "r1", "t3", NULL, true, now, &a, &m, &why, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_str_eq(why.v[0].code, "interpreter_busy");
    err = (struct df_err){0};
    /* back to a table free then: seated, its room gone */
    ok(app_meeting_move(s, "org@x", "r1", "t2", "B", false, now, &a, &m, &why, &err));
    cr_assert(!m.online && !m.at.online && strcmp(m.at.location, "B") == 0);
    cr_assert(m.was.online && !m.was.location);
    r1_is("B", 0);
    /* its people's agendas say it was online */
    ok(store_agenda_each(s, "a", moved_from, was, &err));
    cr_assert_str_eq(was, "2025-06-05T09:15:00+02:00 online");
}

Test(app_move, an_online_meeting_with_someone_online_is_offered_the_free_tables_too,
     .init = setup_video, .fini = teardown)
{
    long long now = at("2025-06-05T06:00:00Z");
    struct app_meeting_moves m;
    struct app_whys why;
    ok(app_meeting_move(s, "org@x", "r1", "t2", NULL, true, now, &a, &m, &why, &err));
    struct store_person b = {.id = "b", .org = "org", .name = "b", .attendance = "online"};
    ok(store_person_upsert(s, &b, NULL, &err));
    /* she may come after all: the desk's list offers the tables the move
     * takes, its own slot's first, then at each time online (as it is
     * held) before the tables; t3 stays out (its interpreter is busy) */
    char got[512];
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/A t2/B t1/online t1/A t1/B t4/online t4/A t4/B t5/online t5/A "
                          "t5/B");
    /* each one offered is one the move takes */
    ok(app_meeting_move(s, "org@x", "r1", "t4", "A", false, now, &a, &m, &why, &err));
    r1_is("A", 0);
}

Test(app_move, a_meeting_that_lost_its_table_is_not_online, .init = setup, .fini = teardown)
{
    /* no table and no room (its table removed): a table meeting without one;
     * it goes to a table, or online only when asked */
    struct store_meeting none = {.request = "r1", .slot = "t2", .interpreter = "iv", .locked = 1};
    ok(store_meeting_upsert(s, &none, &err));
    r1_is("-", 0);
    long long now = at("2025-06-05T06:00:00Z");
    struct app_meeting_moves m;
    ok(app_meeting_moves(s, "r1", now, &a, &m, &err));
    cr_assert(!m.online && !m.at.online && !m.at.location);
    char got[512];
    options_of(now, got, sizeof got);
    cr_assert_str_eq(got, "t2/A t2/B t1/A t1/B t4/A t4/B t5/A t5/B");
}

Test(app_move, a_move_online_is_mailed_with_its_link, .init = setup_video, .fini = teardown)
{
    const char *people[][2] = {{"a", "a@x.example"}, {"b", "b@x.example"}};
    for (int i = 0; i < 2; i++) {
        struct store_person p = {.id = people[i][0], .org = "org", .name = people[i][0],
                                 .email = people[i][1]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    ok(store_event_set_published(s, "ev", true, &err));
    ok(store_mail_config_set(s, "https://forum.example", &err));
    struct app_meeting_moves m;
    struct app_whys why;
    ok(app_meeting_move(s, "org@x", "r1", "t2", NULL, true, at("2025-06-05T06:00:00Z"), &a, &m,
                        &why, &err));
    struct store_mail *out;
    int n;
    ok(store_mail_take_due(s, "2099-01-01T00:00:00Z", "2099-01-01T00:10:00Z", 10, &a, &out, &n,
                           &err));
    cr_assert_eq(n, 2, "a mail to each of its two people");
    for (int i = 0; i < n; i++)
        cr_assert(strstr(out[i].body, "online: https://meet.example.org/"), "%s", out[i].body);
}

/* ---- a request's free times and its placing (move.h) ---- */

/* People e (Ukrainian), f (Ukrainian, hosting at booth B) and g (English);
 * pending requests r3, e to f with a along, and r4, e to g. */
static void setup_requests(void)
{
    setup();
    const char *people[][3] = {{"e", "uk", NULL}, {"f", "uk", "B"}, {"g", "en", NULL}};
    for (int i = 0; i < 3; i++) {
        struct store_person p = {.id = people[i][0], .org = "org", .name = people[i][0],
                                 .languages = people[i][1], .booth = people[i][2]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    const char *reqs[][3] = {{"r3", "e", "f"}, {"r4", "e", "g"}};
    for (int i = 0; i < 2; i++) {
        struct store_request r = {.id = reqs[i][0], .event = "ev", .from = reqs[i][1],
                                  .to = reqs[i][2], .status = "pending", .priority = 1};
        ok(store_request_upsert(s, &r, NULL, &err));
    }
    ok(store_request_add_attendee(s, "r3", "a", &err));
}

/* The free times of request id at now as "slot/table ..." into out. */
static void times_of(const char *id, long long now, char *out, size_t n)
{
    struct store_request r;
    struct app_move_place *t;
    int tn;
    ok(store_request_get(s, id, &a, &r, &err));
    cr_assert_geq(app_request_free_times(s, &r, now, 50, &a, &t, &tn, &err), 0, "%s", err.msg);
    out[0] = '\0';
    for (int i = 0; i < tn; i++)
        snprintf(out + strlen(out), n - strlen(out), "%s%s/%s", i ? " " : "", t[i].slot,
                 t[i].location);
}

Test(app_request_times, every_person_free_the_hosts_booth_in_time_order,
     .init = setup_requests, .fini = teardown)
{
    char got[256];
    /* t2: a (along) meets b; t3: f's booth B holds r2; A free then is no option */
    times_of("r3", at("2025-06-05T06:00:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
}

Test(app_request_times, no_common_language_only_when_an_interpreter_is_free,
     .init = setup_requests, .fini = teardown)
{
    char got[256];
    /* iv interprets r1 in t2 and r2 in t3, with tables and people free then */
    times_of("r4", at("2025-06-05T06:00:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "t1/A t4/A t5/A");
    /* 09:05 in Brussels: t1 has begun */
    times_of("r4", at("2025-06-05T07:05:00Z"), got, sizeof got);
    cr_assert_str_eq(got, "t4/A t5/A");
    /* the next morning: every slot has begun, and that is told */
    struct store_request r;
    struct app_move_place *t;
    int tn;
    ok(store_request_get(s, "r4", &a, &r, &err));
    cr_assert_eq(app_request_free_times(s, &r, at("2025-06-06T08:00:00Z"), 50, &a, &t, &tn,
                                        &err), 0);
    cr_assert_eq(tn, 0);
}

/* Request r6 of two new people x and y, accepted, met in slot at table B. */
static void meet_at_b(struct store *on, const char *slot)
{
    const char *people[] = {"x", "y"};
    for (int i = 0; i < 2; i++) {
        struct store_person p = {.id = people[i], .org = "org", .name = people[i]};
        ok(store_person_upsert(on, &p, NULL, &err));
    }
    struct store_request r = {.id = "r6", .event = "ev", .from = "x", .to = "y",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(on, &r, NULL, &err));
    struct store_meeting m = {.request = "r6", .slot = slot, .location = "B", .locked = 1};
    ok(store_meeting_upsert(on, &m, &err));
}

Test(app_request_times, the_events_board_is_read_again_once_anything_changed,
     .init = setup_requests, .fini = teardown)
{
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    unsigned long loads = app_board_loads();
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
    cr_assert_eq(app_board_loads(), loads + 1);
    /* nothing changed: the board kept is read */
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
    cr_assert_eq(app_board_loads(), loads + 1);
    /* this connection writes: table B is taken in t1 */
    meet_at_b(s, "t1");
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t4/B t5/B");
    cr_assert_eq(app_board_loads(), loads + 2);
    /* another connection (another server thread) moves that meeting to t4 */
    struct store *other;
    ok(store_open(&other, db_path, &err));
    struct store_meeting m = {.request = "r6", .slot = "t4", .location = "B", .locked = 1};
    ok(store_meeting_upsert(other, &m, &err));
    store_close(other);
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t5/B");
    /* a transaction's reads are not kept: what it wrote may be undone */
    ok(store_begin(s, &err));
    ok(store_meeting_upsert(s, &(struct store_meeting){.request = "r6", .slot = "t5",
                                                       .location = "B", .locked = 1}, &err));
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B");
    store_rollback(s);
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t5/B");
    app_board_cache_free();
}

/* sql run by another connection to the file (a server's other thread, or
 * dfnc's CLI), as a statement of its own: committed. */
static void other_writes(const char *sql)
{
    struct store *other;
    ok(store_open(&other, db_path, &err));
    ok(store_exec_for_tests(other, sql, &err));
    store_close(other);
}

Test(app_board, a_check_in_a_message_an_outcome_an_absence_leave_the_kept_board,
     .init = setup_requests, .fini = teardown)
{
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    ok(store_unavailable_add(s, "b", "t5", "a train", &err));   /* not one of r3's people */
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
    unsigned long loads = app_board_loads();
    /* the forum day's writes, by this connection: none is on a board */
    const char *when, *id;
    ok(store_web_checkin(s, "a", "2025-06-05", now, &a, &when, &err));
    ok(store_message_add(s, "r3", "e", "hello", &err));
    ok(store_outcome_set(s, "r1", "a", "follow_up", NULL, &err));
    ok(store_absence_report(s, "r1", "a", &a, &id, &err));
    ok(store_meeting_bump(s, "r1", &err));   /* its calendar SEQUENCE */
    struct store_request r = {.id = "r7", .event = "ev", .from = "b", .to = "c",
                              .status = "pending", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));   /* a request sent, not yet accepted */
    /* and by another connection: a walk-in registered, a check-in, words
     * changed where a board reads none (names and languages are read for
     * each request, not kept; an absence's reason), a pending request
     * declined */
    other_writes("INSERT INTO people(id, org_rid, name) SELECT 'w', rid, 'Walk-in'"
                 " FROM organisations WHERE id = 'org';"
                 "INSERT INTO arrivals(person_rid, day, at) SELECT rid, '2025-06-05',"
                 " '2025-06-05T07:00:00Z' FROM people WHERE id = 'b';"
                 "UPDATE people SET name = 'Bee', title = 'CEO', languages = 'en;uk'"
                 " WHERE id = 'b';"
                 "UPDATE requests SET message = 'see you' WHERE id = 'r1';"
                 "UPDATE requests SET status = 'declined' WHERE id = 'r7';"
                 "UPDATE meetings SET sequence = sequence + 1 WHERE id = 'r2';"
                 "UPDATE unavailability SET reason = 'late', set_by = 'organiser';"
                 "UPDATE events SET schedule_version = schedule_version + 1;");
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
    cr_assert_eq(app_board_loads(), loads, "the kept board is read: nothing on it changed");
    app_board_cache_free();
}

/* Writes to what a board reads, each by another connection (a server's
 * other thread, or dfnc's CLI on the same file): one per table the board
 * generation's triggers watch (migration 57). */
static const char *const board_writes[] = {
    "UPDATE events SET timezone = 'Europe/Kyiv' WHERE id = 'ev'",
    "UPDATE events SET video_url = 'https://meet.example.org' WHERE id = 'ev'",
    "UPDATE sessions SET kind = 'conference' WHERE id = 's2'",
    "UPDATE slots SET starts_at = '2025-06-05T09:50:00+02:00' WHERE id = 't4'",
    "INSERT INTO locations(id, event_rid, name) SELECT 'C', rid, 'C' FROM events",
    "INSERT INTO location_out_of_use(location_rid, from_at, set_by)"
    " SELECT rid, 0, 'desk' FROM locations WHERE id = 'B'",
    "DELETE FROM interpreters WHERE id = 'iv'",
    "UPDATE requests SET status = 'cancelled' WHERE id = 'r1'",
    "INSERT INTO request_attendees(request_rid, person_rid) SELECT r.rid, p.rid"
    " FROM requests r, people p WHERE r.id = 'r2' AND p.id = 'e'",
    "UPDATE people SET id = 'a2' WHERE id = 'a'",
    "INSERT INTO unavailability(person_rid, slot_rid) SELECT p.rid, t.rid"
    " FROM people p, slots t WHERE p.id = 'e' AND t.id = 't1'",
    "UPDATE meetings SET location_rid = NULL WHERE id = 'r2'",
};

/* Each test its write by index: the test runs in a process of its own,
 * where the array's pointers are not the parent's. */
static int board_write_ix[sizeof board_writes / sizeof board_writes[0]];

ParameterizedTestParameters(app_board, a_change_to_what_it_reads_drops_it)
{
    size_t n = sizeof board_writes / sizeof board_writes[0];
    for (size_t i = 0; i < n; i++)
        board_write_ix[i] = (int)i;
    return cr_make_param_array(int, board_write_ix, n);
}

ParameterizedTest(int *ix, app_board, a_change_to_what_it_reads_drops_it,
                  .init = setup_requests, .fini = teardown)
{
    const char *sql = board_writes[*ix];
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    times_of("r3", now, got, sizeof got);
    unsigned long loads = app_board_loads();
    times_of("r3", now, got, sizeof got);
    cr_assert_eq(app_board_loads(), loads, "nothing changed yet");
    other_writes(sql);
    times_of("r3", now, got, sizeof got);
    cr_assert_eq(app_board_loads(), loads + 1, "read again after %s", sql);
    app_board_cache_free();
}

Test(app_board, an_absence_marked_drops_it_and_is_seen, .init = setup_requests,
     .fini = teardown)
{
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B");
    ok(store_unavailable_add(s, "e", "t4", "late", &err));
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t5/B", "e is away in t4");
    app_board_cache_free();
}

Test(app_board, a_transaction_that_changed_none_of_it_reads_the_kept_one,
     .init = setup_requests, .fini = teardown)
{
    char got[256];
    long long now = at("2025-06-05T06:00:00Z");
    times_of("r3", now, got, sizeof got);
    unsigned long loads = app_board_loads();
    ok(store_begin(s, &err));
    ok(store_message_add(s, "r3", "e", "hello", &err));
    times_of("r3", now, got, sizeof got);
    cr_assert_eq(app_board_loads(), loads, "a message is on no board");
    ok(store_unavailable_add(s, "e", "t4", "late", &err));
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t5/B");
    cr_assert_eq(app_board_loads(), loads + 1, "its own absence: loaded for it");
    store_rollback(s);
    times_of("r3", now, got, sizeof got);
    cr_assert_str_eq(got, "t1/B t4/B t5/B", "undone: the kept one, still true");
    cr_assert_eq(app_board_loads(), loads + 1);
    app_board_cache_free();
}

Test(app_request_times, placing_refuses_what_is_in_the_way_and_takes_the_interpreter,
     .init = setup_requests, .fini = teardown)
{
    struct store_request r;
    struct app_move_place p;
    long long now = at("2025-06-05T06:00:00Z");
    ok(store_request_get(s, "r4", &a, &r, &err));
    ok(store_begin(s, &err));
    struct app_whys why;
    cr_assert_eq(app_request_place(s, &r, "t3", NULL, now, &a, &p, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "no uk-en interpreter is free then"), "%s", err.msg);
    /* by code: the pair as a value, every English thing once */
    bool pair = false;
    for (int i = 0; i < why.n; i++) {
        cr_assert(strstr(err.msg, why.v[i].message), "%s not in %s", why.v[i].message, err.msg);
        if (strcmp(why.v[i].code, "no_interpreter_free") == 0) {
            cr_assert_str_eq(why.v[i].name[0], "pair");
            cr_assert_str_eq(why.v[i].value[0], "uk-en");
            pair = true;
        }
    }
    cr_assert(pair, "no_interpreter_free among %d reasons", why.n);
    err = (struct df_err){0};
    cr_assert_eq(app_request_place(s, &r, "nope", NULL, now, &a, &p, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_eq(why.n, 0, "not a slot: nothing in the way to say");
    err = (struct df_err){0};
    ok(app_request_place(s, &r, "t4", NULL, now, &a, &p, NULL, &err));
    ok(store_commit(s, &err));
    cr_assert_str_eq(p.slot, "t4");
    cr_assert_str_eq(p.location, "A");
    struct store_meeting m;
    ok(store_meeting_of_request(s, "r4", &a, &m, &err));
    cr_assert_str_eq(m.slot, "t4");
    cr_assert_str_eq(m.interpreter, "iv");
    cr_assert_eq(m.locked, 1);
}

/* The free times of fs[0..n) at now, each as "slot/table ..." after "id:", one
 * after another into out. */
static void all_times(struct app_request_free *fs, int n, long long now, char *out, size_t len)
{
    ok(app_requests_free_times(s, fs, n, now, 50, &a, &err));
    out[0] = '\0';
    for (int j = 0; j < n; j++) {
        snprintf(out + strlen(out), len - strlen(out), "%s%s:", j ? " " : "", fs[j].request->id);
        for (int i = 0; i < fs[j].times_n; i++)
            snprintf(out + strlen(out), len - strlen(out), "%s%s/%s", i ? "," : "",
                     fs[j].times[i].slot, fs[j].times[i].location);
    }
}

Test(app_request_times, many_at_once_each_as_alone, .init = setup_requests, .fini = teardown)
{
    /* r3 hosted at f's booth with a along, r4 needing the interpreter: the
     * board is loaded once and each is judged on its own people */
    struct store_request r3, r4;
    ok(store_request_get(s, "r3", &a, &r3, &err));
    ok(store_request_get(s, "r4", &a, &r4, &err));
    const char *nows[] = {"2025-06-05T06:00:00Z", "2025-06-05T07:05:00Z"};
    for (int k = 0; k < 2; k++) {
        char got[512], one[256], want[512];
        struct app_request_free fs[] = {{.request = &r4}, {.request = &r3}, {.request = &r4}};
        all_times(fs, 3, at(nows[k]), got, sizeof got);
        times_of("r4", at(nows[k]), one, sizeof one);
        snprintf(want, sizeof want, "r4:%s", one);
        times_of("r3", at(nows[k]), one, sizeof one);
        snprintf(want + strlen(want), sizeof want - strlen(want), " r3:%s", one);
        times_of("r4", at(nows[k]), one, sizeof one);
        snprintf(want + strlen(want), sizeof want - strlen(want), " r4:%s", one);
        for (char *c = want; *c; c++)   /* times_of puts a space between times */
            if (*c == ' ' && c[1] != 'r')
                *c = ',';
        cr_assert_str_eq(got, want);
        cr_assert_eq(fs[0].to_come, k == 0 ? 5 : 4);
    }
}

/* n tables more at ev, T000 on: a board far bigger than what is said of it. */
static void add_tables(int n)
{
    for (int t = 0; t < n; t++) {
        char id[16];
        snprintf(id, sizeof id, "T%03d", t);
        struct store_location l = {.id = id, .event = "ev", .name = id, .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
}

Test(app_request_times, a_big_event_takes_only_the_times_from_the_callers_arena,
     .init = setup_requests, .fini = teardown)
{
    /* 400 tables more: the event's board is far more than r4's times. An
     * HTTP request's arena has a limit (8 MiB), which the board of a forum of
     * 5,000 went past (500, "out of memory listing free times") */
    add_tables(400);
    struct store_request r;
    ok(store_request_get(s, "r4", &a, &r, &err));
    struct arena small;
    arena_init(&small, 4096);
    struct app_move_place *t;
    int tn;
    int rc = app_request_free_times(s, &r, at("2025-06-05T06:00:00Z"), 50, &small, &t, &tn,
                                    &err);
    cr_expect_eq(rc, 5, "%s", err.msg);
    cr_expect_eq(tn, 3);
    for (int i = 0; rc == 5 && i < tn; i++)
        cr_expect_str_eq(t[i].location, "A");
    arena_free(&small);
}

/* ---- a time the requester proposes (app/requests.h) ---------------------- */

/* setup_requests with its event's agendas published. */
static void setup_published(void)
{
    setup_requests();
    ok(store_begin(s, &err));
    ok(store_event_set_published(s, "ev", true, &err));
    ok(store_commit(s, &err));
}

Test(app_request_proposal, a_send_proposes_only_a_free_time_of_a_published_event,
     .init = setup_requests, .fini = teardown)
{
    struct store_request r;
    long long now = at("2025-06-05T06:00:00Z");
    /* before publication: the organisers' scheduler places it */
    cr_assert_eq(app_request_send(s, "g", "ev", "a", NULL, 1, "t1", now, &a, &r, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "not published"), "%s", err.msg);
    ok(store_begin(s, &err));
    ok(store_event_set_published(s, "ev", true, &err));
    ok(store_commit(s, &err));
    /* a meets b in t2 (r1); t1 has begun by 09:05 */
    err = (struct df_err){0};
    cr_assert_eq(app_request_send(s, "g", "ev", "a", NULL, 1, "t2", now, &a, &r, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    /* r1 is a's and b's, not g's: said to g, its id is not (session 39's audit) */
    cr_assert(strstr(err.msg, "slot t2 is not free: a meets in another meeting then"), "%s",
              err.msg);
    cr_assert_null(strstr(err.msg, "r1"), "%s", err.msg);
    err = (struct df_err){0};
    cr_assert_eq(app_request_send(s, "g", "ev", "a", NULL, 1, "t1", at("2025-06-05T07:05:00Z"),
                                  &a, &r, NULL, &err), -1);
    cr_assert(strstr(err.msg, "slot t1 has begun"), "%s", err.msg);
    err = (struct df_err){0};
    cr_assert_eq(app_request_send(s, "g", "ev", "a", NULL, 1, "nope", now, &a, &r, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    err = (struct df_err){0};
    cr_assert_eq(store_api_open_sent(s, "ev", "g", &err), 0, "the refusals wrote nothing");
    ok(app_request_send(s, "g", "ev", "a", NULL, 1, "t1", now, &a, &r, NULL, &err));
    cr_assert_str_eq(r.proposed_slot, "t1");
    cr_assert_str_eq(r.proposed_event, "ev");
}

Test(app_request_proposal, a_time_taken_meanwhile_stays_said_not_free_with_why,
     .init = setup_published, .fini = teardown)
{
    struct store_request r;
    struct app_request_proposal p;
    long long now = at("2025-06-05T06:00:00Z");
    ok(app_request_send(s, "g", "ev", "a", NULL, 1, "t4", now, &a, &r, NULL, &err));
    cr_assert_eq(app_request_proposal(s, &r, NULL, now, &a, &p, &err), 0, "%s", err.msg);
    cr_assert(p.free);
    cr_assert_str_eq(p.at.slot, "t4");
    cr_assert_str_eq(p.at.location, "A");
    cr_assert_str_eq(p.at.start, "2025-06-05T09:45:00+02:00");
    /* a meets c in t4 now */
    struct store_request r5 = {.id = "r5", .event = "ev", .from = "a", .to = "c",
                               .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r5, NULL, &err));
    struct store_meeting m = {.request = "r5", .slot = "t4", .location = "B", .locked = 1};
    ok(store_meeting_upsert(s, &m, &err));
    cr_assert_eq(app_request_proposal(s, &r, NULL, now, &a, &p, &err), 0, "%s", err.msg);
    cr_assert_not(p.free);
    cr_assert_str_eq(p.at.slot, "t4");
    cr_assert_null(p.at.location);
    cr_assert_str_eq(p.reason, "a meets in r5 then");
}

/* What keeps a proposed time names another meeting only to one of its
 * people, or to organisers: to anyone else a request id of others is none
 * of hers (session 39's audit: the 409 of a chosen time named them). */
Test(app_request_proposal, another_persons_meeting_in_the_way_is_not_named_to_her,
     .init = setup_published, .fini = teardown)
{
    struct store_request r;
    struct app_request_proposal p;
    long long now = at("2025-06-05T06:00:00Z");
    ok(app_request_send(s, "g", "ev", "a", NULL, 1, "t4", now, &a, &r, NULL, &err));
    /* a meets c in t4 now, at table A, r4's */
    struct store_request r5 = {.id = "r5", .event = "ev", .from = "a", .to = "c",
                               .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r5, NULL, &err));
    struct store_meeting m = {.request = "r5", .slot = "t4", .location = "A", .locked = 1};
    ok(store_meeting_upsert(s, &m, &err));
    /* to g, who is not in r5: another meeting, no id in words or values */
    cr_assert_eq(app_request_proposal(s, &r, "g", now, &a, &p, &err), 0, "%s", err.msg);
    cr_assert_not(p.free);
    cr_assert_str_eq(p.reason, "a meets in another meeting then");
    for (int i = 0; i < p.whys.n; i++) {
        cr_assert_null(strstr(p.whys.v[i].message, "r5"), "%s", p.whys.v[i].message);
        for (int j = 0; j < p.whys.v[i].values_n; j++)
            cr_assert_str_neq(p.whys.v[i].name[j], "request", "%s names a request",
                              p.whys.v[i].code);
    }
    /* to a, whose meeting it is: named, for her page to link it */
    cr_assert_eq(app_request_proposal(s, &r, "a", now, &a, &p, &err), 0, "%s", err.msg);
    cr_assert_str_eq(p.reason, "a meets in r5 then");
    bool named = false;
    for (int i = 0; i < p.whys.n; i++)
        for (int j = 0; j < p.whys.v[i].values_n; j++)
            named |= strcmp(p.whys.v[i].name[j], "request") == 0 &&
                     strcmp(p.whys.v[i].value[j], "r5") == 0;
    cr_assert(named, "her own meeting is named by code too");
    /* the addressee accepting at that time reads her own meeting named */
    struct store_request got;
    struct app_move_place at_;
    struct app_whys why;
    struct app_request_actor to = {.person = "a", .now = now};
    err = (struct df_err){0};
    cr_assert_eq(app_request_accept_at(s, &to, r.id, "t4", &a, &got, &at_, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "a meets in r5 then"), "to a, her own: %s", err.msg);
}

Test(app_request_proposal, an_accept_without_a_time_takes_the_one_proposed_while_free,
     .init = setup_published, .fini = teardown)
{
    struct store_request r, got;
    long long now = at("2025-06-05T06:00:00Z");
    ok(app_request_send(s, "g", "ev", "a", NULL, 1, "t4", now, &a, &r, NULL, &err));
    struct app_request_actor to = {.person = "a", .now = now};
    int rescheduled = -1;
    struct app_accept_warning warning = {.text = "unset", .n = 1};
    ok(app_request_act(s, &to, r.id, APP_REQUEST_ACCEPT, &a, &got, &rescheduled, &warning,
                       &err));
    cr_assert_str_eq(got.status, "accepted");
    cr_assert_eq(rescheduled, 0, "placed as proposed: no schedule run");
    cr_assert_null(warning.text);
    cr_assert_eq(warning.n, 0);
    cr_assert_null(got.proposed_slot, "an answer ends the proposal");
    struct store_meeting m;
    ok(store_meeting_of_request(s, r.id, &a, &m, &err));
    cr_assert_str_eq(m.slot, "t4");
    cr_assert_str_eq(m.location, "A");
    cr_assert_eq(m.locked, 1);
}

Test(app_request_proposal, only_its_requester_changes_it_while_pending,
     .init = setup_published, .fini = teardown)
{
    struct store_request r, got;
    long long now = at("2025-06-05T06:00:00Z");
    ok(app_request_send(s, "g", "ev", "a", NULL, 1, NULL, now, &a, &r, NULL, &err));
    cr_assert_null(r.proposed_slot);
    struct app_request_actor from = {.person = "g", .now = now}, to = {.person = "a", .now = now},
                             other = {.person = "b", .now = now};
    cr_assert_eq(app_request_propose(s, &to, r.id, "t4", &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    cr_assert_eq(app_request_propose(s, &other, r.id, "t4", &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(app_request_propose(s, &from, r.id, "t2", &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    ok(app_request_propose(s, &from, r.id, "t4", &a, &got, NULL, &err));
    cr_assert_str_eq(got.proposed_slot, "t4");
    ok(app_request_propose(s, &from, r.id, NULL, &a, &got, NULL, &err));
    cr_assert_null(got.proposed_slot);
    ok(app_request_act(s, &to, r.id, APP_REQUEST_DECLINE, &a, &got, NULL, NULL, &err));
    cr_assert_eq(app_request_propose(s, &from, r.id, "t4", &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
}

Test(app_request_proposal, the_times_of_a_pair_before_the_request_are_the_requests,
     .init = setup_published, .fini = teardown)
{
    struct app_request_time_list l;
    long long now = at("2025-06-05T06:00:00Z");
    struct app_request_actor e = {.person = "e", .now = now};
    /* as r3 (e to f, a along) lists them without a: f's booth B */
    ok(app_pair_times(s, &e, "ev", "f", &a, &l, &err));
    cr_assert(l.published);
    cr_assert_eq(l.times_n, 4, "t1, t2, t4, t5 (t3: r2 at B)");
    cr_assert_str_eq(l.times[1].slot, "t2");
    cr_assert_str_eq(l.times[1].location, "B");
    cr_assert_eq(app_pair_times(s, &e, "ev", "e", &a, &l, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_eq(app_pair_times(s, &e, "ev", "nobody", &a, &l, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    struct app_request_actor organiser = {.now = now};
    cr_assert_eq(app_pair_times(s, &organiser, "ev", "f", &a, &l, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
}

Test(app_request_proposal, a_list_of_proposals_each_as_alone_its_event_read_once,
     .init = setup_published, .fini = teardown)
{
    /* r3 (e to f, a along) proposes t4, r4 (e to g) t2, which a second
     * event's request beside them does not change; one not pending says none */
    long long now = at("2025-06-05T06:00:00Z");
    struct store_event e2 = {.id = "ev2", .name = "Other", .starts_on = "2025-06-05",
                             .ends_on = "2025-06-05"};
    ok(store_event_upsert(s, &e2, NULL, &err));
    struct store_session s2 = {.id = "s9", .event = "ev2", .day = "2025-06-05", .name = "B2B",
                               .kind = "b2b", .starts_at = "2025-06-05T09:00:00+02:00",
                               .ends_at = "2025-06-05T10:00:00+02:00"};
    ok(store_session_upsert(s, &s2, &err));
    add_slot("u1", "s9", 1, "2025-06-05T09:30:00+02:00", "2025-06-05T09:45:00+02:00");
    struct store_location l = {.id = "C", .event = "ev2", .name = "C", .kind = "table"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r3, r4, r6 = {.id = "r6", .event = "ev2", .from = "e", .to = "f",
                                       .status = "pending", .proposed_slot = "u1"};
    ok(store_request_get(s, "r3", &a, &r3, &err));
    ok(store_request_get(s, "r4", &a, &r4, &err));
    r3.proposed_slot = "t4";
    r4.proposed_slot = "t2";
    struct store_request r1 = r4;
    r1.status = "declined";
    const struct store_request *rs[] = {&r3, &r6, &r4, &r1, &r4};
    struct app_request_proposal ps[5];
    ok(app_request_proposals(s, rs, 5, NULL, now, &a, ps, &err));
    for (int i = 0; i < 5; i++) {
        struct app_request_proposal one;
        int rc = app_request_proposal(s, rs[i], NULL, now, &a, &one, &err);
        cr_assert_eq(rc, i == 3 ? 1 : 0, "%s", err.msg);
        cr_assert_eq(ps[i].free, one.free, "proposal %d", i);
        cr_assert_eq(!ps[i].at.slot, !one.at.slot, "proposal %d", i);
        if (one.at.slot) {
            cr_assert_str_eq(ps[i].at.slot, one.at.slot);
            cr_assert_str_eq(ps[i].at.start, one.at.start);
        }
    }
    cr_assert(ps[0].free);
    cr_assert_str_eq(ps[0].at.location, "B", "f's booth");
    cr_assert(ps[1].free);
    cr_assert_str_eq(ps[1].at.location, "C", "its own event's table, f's booth not of it");
    /* t2: no uk-en interpreter is free (iv interprets r1) */
    cr_assert_not(ps[2].free);
    cr_assert_null(ps[2].at.location);
    cr_assert_str_eq(ps[2].reason, "no uk-en interpreter is free then");
    cr_assert_eq(ps[2].whys.n, 1);
    cr_assert_str_eq(ps[2].whys.v[0].code, "no_interpreter_free");
    cr_assert_null(ps[3].at.slot, "an answer ends a proposal");
}

Test(app_request_proposal, a_big_event_takes_only_what_is_said_from_the_callers_arena,
     .init = setup_published, .fini = teardown)
{
    /* 400 tables more: each board is far more than a proposal's words. A
     * list of fifteen proposals, each reading its event into the HTTP
     * request's arena (8 MiB), once went past it at a forum of 520 (500) */
    add_tables(400);
    struct store_request r;
    ok(store_request_get(s, "r4", &a, &r, &err));
    r.proposed_slot = "t4";
    const struct store_request *rs[15];
    for (int i = 0; i < 15; i++)
        rs[i] = &r;
    struct app_request_proposal ps[15];
    struct arena small;
    arena_init(&small, 16384);
    int rc = app_request_proposals(s, rs, 15, NULL, at("2025-06-05T06:00:00Z"), &small, ps, &err);
    cr_expect_eq(rc, 0, "%s", err.msg);
    for (int i = 0; rc == 0 && i < 15; i++) {
        cr_expect(ps[i].free);
        cr_expect_str_eq(ps[i].at.location, "A");
    }
    struct app_request_proposal one;
    cr_expect_eq(app_request_proposal(s, &r, NULL, at("2025-06-05T06:00:00Z"), &small, &one, &err), 0,
                 "%s", err.msg);
    arena_free(&small);
}

/* ---- a meeting two people agreed, booked by an organiser (app/introduce.h) ---- */

/* b->from and b->to at "ev" by the organiser, at slot (NULL none). */
static struct app_booking booking(const char *from, const char *to, const char *slot)
{
    return (struct app_booking){.login = "org@forum.test", .event = "ev", .from = from,
                                .to = to, .slot = slot, .now = at("2025-06-05T06:00:00Z")};
}

Test(app_request_book, a_new_pair_at_a_free_slot_is_accepted_placed_and_the_organisers,
     .init = setup_published, .fini = teardown)
{
    struct app_booking bk = booking("b", "c", "t4");
    struct app_booked got;
    struct app_whys why;
    ok(app_request_book(s, &bk, &a, &got, &why, &err));
    cr_assert(got.created);
    cr_assert(got.placed);
    cr_assert_str_eq(got.request.status, "accepted");
    cr_assert(got.request.introduced, "both read that the organisers booked it");
    cr_assert_str_eq(got.request.from, "b");
    cr_assert_str_eq(got.at.slot, "t4");
    cr_assert_str_eq(got.at.location, "A");
    cr_assert_eq(got.rescheduled, 0, "placed where asked: no run");
    struct store_meeting m;
    ok(store_meeting_of_request(s, got.request.id, &a, &m, &err));
    cr_assert_str_eq(m.slot, "t4");
    cr_assert_eq(m.locked, 1);
    /* booked twice: they meet already, and the request is named */
    struct app_booking again = booking("c", "b", NULL);
    cr_assert_eq(app_request_book(s, &again, &a, &got, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, m.request), "%s", err.msg);
}

Test(app_request_book, a_time_taken_says_why_by_code_and_writes_nothing,
     .init = setup_published, .fini = teardown)
{
    struct app_booking bk = booking("b", "c", "t2");   /* b meets a in t2 (r1) */
    struct app_booked got;
    struct app_whys why;
    cr_assert_eq(app_request_book(s, &bk, &a, &got, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    bool meets = false;
    for (int i = 0; i < why.n; i++)
        meets = meets || strcmp(why.v[i].code, "person_meets") == 0;
    cr_assert(meets, "person_meets among %d reasons: %s", why.n, err.msg);
    err = (struct df_err){0};
    cr_assert_eq(store_api_pair_is_open(s, "ev", "b", "c", &err), 0, "no request was made");
    cr_assert_eq(store_audit_count(s, &err), 0, "nor an audit line");
    bk.slot = "nope";
    cr_assert_eq(app_request_book(s, &bk, &a, &got, &why, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
}

Test(app_request_book, the_pairs_pending_request_is_accepted_at_the_time_it_proposed,
     .init = setup_published, .fini = teardown)
{
    ok(store_request_set_proposal(s, "r4", "t4", &err));   /* e asks g, proposing t4 */
    struct app_booking bk = booking("g", "e", NULL);      /* either way round */
    struct app_booked got;
    ok(app_request_book(s, &bk, &a, &got, NULL, &err));
    cr_assert_not(got.created, "no second request: the one waiting is accepted");
    cr_assert_str_eq(got.request.id, "r4");
    cr_assert_str_eq(got.request.from, "e", "its requester kept");
    cr_assert_str_eq(got.request.status, "accepted");
    cr_assert(got.request.introduced);
    cr_assert(got.placed);
    cr_assert_str_eq(got.at.slot, "t4");
    cr_assert_eq(got.rescheduled, 0);
}

Test(app_request_book, the_organisers_words_on_a_pending_request_are_kept_after_its_own,
     .init = setup_published, .fini = teardown)
{
    struct store_request r4;
    ok(store_request_get(s, "r4", &a, &r4, &err));
    r4.message = "Shall we talk drones?";
    ok(store_request_upsert(s, &r4, NULL, &err));
    struct app_booking bk = booking("g", "e", NULL);
    bk.message = "Agreed at the desk: table by the window";
    struct app_booked got;
    ok(app_request_book(s, &bk, &a, &got, NULL, &err));
    cr_assert_not(got.created);
    cr_assert_str_eq(got.request.message,
                     "Shall we talk drones?\n\nAgreed at the desk: table by the window",
                     "the requester's words first, the organisers' after");
    /* a request with no message takes the organisers' as its own */
    struct app_booking bare = booking("f", "e", NULL);   /* r3, e to f, no message */
    bare.message = "Met at the stand";
    ok(app_request_book(s, &bare, &a, &got, NULL, &err));
    cr_assert_str_eq(got.request.id, "r3");
    cr_assert_str_eq(got.request.message, "Met at the stand");
}

Test(app_request_book, without_a_time_the_accepts_run_places_it,
     .init = setup_published, .fini = teardown)
{
    struct app_booking bk = booking("b", "d", NULL);
    struct app_booked got;
    ok(app_request_book(s, &bk, &a, &got, NULL, &err));
    cr_assert_not(got.placed);
    cr_assert_eq(got.rescheduled, 1);
    cr_assert_null(got.warning, "%s", got.warning);
    struct store_meeting m;
    ok(store_meeting_of_request(s, got.request.id, &a, &m, &err));
}

Test(app_request_book, before_publication_it_waits_for_the_schedulers_run,
     .init = setup_requests, .fini = teardown)
{
    struct app_booking bk = booking("b", "c", "t4");
    struct app_booked got;
    cr_assert_eq(app_request_book(s, &bk, &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT, "no slot chosen before publication");
    err = (struct df_err){0};
    cr_assert_eq(store_api_pair_is_open(s, "ev", "b", "c", &err), 0);
    bk.slot = NULL;
    ok(app_request_book(s, &bk, &a, &got, NULL, &err));
    cr_assert_str_eq(got.request.status, "accepted");
    cr_assert_not(got.placed);
    cr_assert_eq(got.rescheduled, 0);
    struct store_meeting m;
    cr_assert_eq(store_meeting_of_request(s, got.request.id, &a, &m, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

Test(app_request_book, the_pair_rules_as_an_introductions, .init = setup_published,
     .fini = teardown)
{
    struct app_booked got;
    struct app_booking self = booking("b", "b", NULL), nobody = booking("b", "nobody", NULL);
    struct app_booking elsewhere = booking("b", "c", NULL);
    elsewhere.event = "ev-none";
    cr_assert_eq(app_request_book(s, &self, &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_eq(app_request_book(s, &nobody, &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "nobody"), "%s", err.msg);
    cr_assert_eq(app_request_book(s, &elsewhere, &a, &got, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    /* an introduction to a pair with a request waiting names it */
    struct store_request r;
    cr_assert_eq(app_request_introduce(s, "org@forum.test", "ev", "g", "e", NULL, &a, &r, &err),
                 -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "r4"), "%s", err.msg);
}

/* ---- what an accept's warning names ---------------------------------------- */

/* A run that left the accepted request r1 without a meeting because a merge
 * made it make way for another request already in agendas (made_way,
 * naming "req-other"): the participant who accepted reads why without the
 * other request's id; an organiser (a booking at the desk) reads the id. */
Test(app_request_warning, a_participant_reads_no_other_requests_id_an_organiser_does)
{
    struct app_unscheduled u = {
        .request = "r1",
        .why = {.code = "made_way", .values_n = 1, .name = {"request"}, .value = {"req-other"},
                .message = "made way for request req-other, already in its people's agendas, "
                           "and then found no free slot: run Schedule again"}};
    struct app_schedule_report rep = {.unscheduled_n = 1, .unscheduled = &u};
    struct store_request r = {.id = "r1", .event = "ev", .from = "p1", .to = "p2"};
    struct arena a;
    arena_init(&a, 0);
    struct app_accept_warning w = {.n = 0};
    const char *said = app_request_unplaced_warning(NULL, &rep, &r, false, 0, &a, &w);
    cr_assert_not_null(said);
    cr_assert_null(strstr(said, "req-other"), "%s", said);
    cr_assert_null(strstr(said, "run Schedule"), "a participant runs nothing: %s", said);
    cr_assert(strstr(said, "made way for another meeting"), "%s", said);
    cr_assert_eq(w.n, 1);
    cr_assert_str_eq(w.part[0].code, "not_placed");
    cr_assert_eq(w.reasons[0].n, 1);
    cr_assert_str_eq(w.reasons[0].v[0].code, "made_way");
    cr_assert_eq(w.reasons[0].v[0].values_n, 0, "no value names the other request");
    cr_assert_null(strstr(w.reasons[0].v[0].message, "req-other"));
    /* the organiser's booking at the desk: the id, to look it up */
    struct app_accept_warning o = {.n = 0};
    said = app_request_unplaced_warning(NULL, &rep, &r, true, 0, &a, &o);
    cr_assert(said && strstr(said, "req-other"), "%s", said);
    cr_assert_str_eq(o.reasons[0].v[0].value[0], "req-other");
    /* a request the run placed: nothing to say */
    r.id = "r2";
    cr_assert_null(app_request_unplaced_warning(NULL, &rep, &r, false, 0, &a, &w));
    arena_free(&a);
}
