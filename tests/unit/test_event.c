/* Unit tests of an event edit (src/app/event.c) over an in-memory store: a
 * session edited in place under its id, its slots matched by id (a kept
 * slot's meeting moves with it, an unlisted one goes with replace_slots),
 * a dry run that reports and keeps nothing, and the refusal of a dropped
 * slot where a published meeting sits. */
#include <criterion/criterion.h>
#include <string.h>

#include "app/event.h"
#include "core/date.h"
#include "store/store.h"

static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* Event ev: session s1 09:00-10:00 with half-hour slots t1 and t2, table l1;
 * anna meets olena in t2 (request r1), not published. */
static void setup(void)
{
    arena_init(&a, 0);
    ok(store_open(&s, ":memory:", &err));
    struct store_org o = {.id = "eu", .name = "Acme GmbH", .country = "DE", .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    const char *people[] = {"anna", "olena"};
    for (int i = 0; i < 2; i++) {
        struct store_person p = {.id = people[i], .org = "eu", .name = people[i]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "DFNC2", .timezone = "Europe/Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s1", .event = "ev", .day = "2027-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2027-02-16T09:00:00+01:00",
                              .ends_at = "2027-02-16T10:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t1 = {.id = "t1", .session = "s1", .seq = 1,
                            .starts_at = "2027-02-16T09:00:00+01:00",
                            .ends_at = "2027-02-16T09:30:00+01:00"};
    struct store_slot t2 = {.id = "t2", .session = "s1", .seq = 2,
                            .starts_at = "2027-02-16T09:30:00+01:00",
                            .ends_at = "2027-02-16T10:00:00+01:00"};
    ok(store_slot_upsert(s, &t1, &err));
    ok(store_slot_upsert(s, &t2, &err));
    struct store_location l = {.id = "l1", .event = "ev", .name = "Table 1"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r = {.id = "r1", .event = "ev", .from = "anna", .to = "olena",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    struct store_meeting m = {.id = "m1", .request = "r1", .slot = "t2", .location = "l1"};
    ok(store_meeting_upsert(s, &m, &err));
}

static void teardown(void)
{
    store_close(s);
    arena_free(&a);
}

TestSuite(event, .init = setup, .fini = teardown);

/* An edit of session s1 alone, from..to on 2027-02-16, with the slots
 * given as "HH:MM" pairs named t1, t2, ... */
struct edit {
    struct app_event_edit in;
    struct app_event_session x;
    struct store_slot slots[4];
};

static const char *at(const char *hhmm)
{
    return arena_printf(&a, "2027-02-16T%s:00+01:00", hhmm);
}

static void session_edit(struct edit *e, const char *from, const char *to, int n,
                         const char *const times[][2], bool replace)
{
    static const char *ids[] = {"t1", "t2", "t3", "t4"};
    *e = (struct edit){0};
    for (int k = 0; k < n; k++)
        e->slots[k] = (struct store_slot){.id = ids[k], .seq = k + 1,
                                          .starts_at = at(times[k][0]),
                                          .ends_at = at(times[k][1])};
    e->x = (struct app_event_session){
        .session = {.id = "s1", .day = "2027-02-16", .name = "B2B late", .kind = "b2b",
                    .starts_at = at(from), .ends_at = at(to)},
        .slots = e->slots, .slots_n = n, .replace_slots = replace};
    e->in = (struct app_event_edit){.id = "ev", .sessions = &e->x, .sessions_n = 1};
}

struct found {
    const char *slot, *starts_at;
    int n;
};

static int meeting_cb(void *ud, const struct store_meeting *m)
{
    struct found *f = ud;
    f->n++;
    f->slot = arena_strdup(&a, m->slot);
    f->starts_at = arena_strdup(&a, m->starts_at);
    return 0;
}

/* The event's meetings: how many, and the last one's slot and start. */
static struct found meetings(void)
{
    struct found f = {0};
    ok(store_meeting_each(s, "ev", NULL, meeting_cb, &f, &err));
    return f;
}

static int slot_cb(void *ud, const struct store_slot *t)
{
    (void)t;
    ++*(int *)ud;
    return 0;
}

static int slots_n(void)
{
    int n = 0;
    ok(store_slot_each(s, "ev", slot_cb, &n, &err));
    return n;
}

Test(event, a_moved_session_keeps_its_slots_and_their_meetings)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:30", "10:00"}, {"10:00", "10:30"}};
    session_edit(&e, "09:30", "10:30", 2, times, false);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_moved, 1);
    cr_assert_eq(rep.meetings_unscheduled, 0);
    cr_assert_eq(rep.warnings_n, 0, "not published: no one to tell");
    struct found f = meetings();
    cr_assert_eq(f.n, 1);
    cr_assert_str_eq(f.slot, "t2");
    cr_assert_str_eq(f.starts_at, "2027-02-16T10:00:00+01:00");
}

Test(event, replace_slots_drops_an_unlisted_slot_with_its_unpublished_meeting)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:00", "10:00"}};
    session_edit(&e, "09:00", "10:00", 1, times, true);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_unscheduled, 1);
    cr_assert_eq(meetings().n, 0);
    cr_assert_eq(slots_n(), 1);
}

Test(event, without_replace_slots_an_unlisted_slot_stays)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:00", "09:30"}};
    session_edit(&e, "09:00", "10:00", 1, times, false);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_unscheduled, 0);
    cr_assert_eq(slots_n(), 2);
    cr_assert_eq(meetings().n, 1);
}

Test(event, a_dry_run_reports_and_keeps_nothing)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:00", "10:00"}};
    session_edit(&e, "09:00", "10:00", 1, times, true);
    e.in.dry_run = true;
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_unscheduled, 1);
    cr_assert_eq(slots_n(), 2);
    struct found f = meetings();
    cr_assert_eq(f.n, 1);
    cr_assert_str_eq(f.starts_at, "2027-02-16T09:30:00+01:00");
}

Test(event, a_published_meeting_keeps_its_slot_from_replace_slots)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:00", "10:00"}};
    ok(app_event_publish(s, "test", "ev", &a, &err));
    session_edit(&e, "09:00", "10:00", 1, times, true);
    cr_assert_eq(app_event_save(s, "test", &e.in, &a, &rep, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "slot \"t2\": 1 published meeting(s)"), "%s", err.msg);
    cr_assert_eq(slots_n(), 2);
    cr_assert_eq(meetings().n, 1);
}

Test(event, a_published_meeting_moved_with_its_slot_is_named)
{
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:30", "10:00"}, {"10:00", "10:30"}};
    ok(app_event_publish(s, "test", "ev", &a, &err));
    session_edit(&e, "09:30", "10:30", 2, times, true);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_moved, 1);
    cr_assert_eq(rep.warnings_n, 1);
    cr_assert_str_eq(rep.warnings[0].request, "r1");
    cr_assert(strstr(rep.warnings[0].warning, "moved from 2027-02-16T09:30 to 2027-02-16T10:00 "
                                              "at Table 1 to 2027-02-16T10:00 to "
                                              "2027-02-16T10:30 at Table 1"),
              "%s", rep.warnings[0].warning);
}

/* A published meeting's warning value by name, or NULL. */
static const char *warning_value(const struct app_event_warning *w, const char *name)
{
    const char *v[APP_EVENT_WARNING_PAIRS];
    char seq[16];
    app_event_warning_values(w, seq, v);
    for (int i = 0; v[i]; i += 2)
        if (strcmp(v[i], name) == 0)
            return v[i + 1];
    return NULL;
}

Test(event, a_published_meeting_held_online_is_said_online_and_one_without_a_room_at_no_table)
{
    /* r1 held by video (a hybrid forum): no table, a room of its own */
    struct store_meeting m = {.id = "m1", .request = "r1", .slot = "t2",
                              .video_room = "room-0123456789abcdef"};
    ok(store_meeting_upsert(s, &m, &err));
    ok(app_event_publish(s, "test", "ev", &a, &err));
    struct edit e;
    struct app_event_report rep;
    const char *const times[][2] = {{"09:30", "10:00"}, {"10:00", "10:30"}};
    session_edit(&e, "09:30", "10:30", 2, times, true);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.warnings_n, 1);
    cr_assert(strstr(rep.warnings[0].warning, "moved from 2027-02-16T09:30 to 2027-02-16T10:00 "
                                              "online to 2027-02-16T10:00 to 2027-02-16T10:30 "
                                              "online"),
              "%s", rep.warnings[0].warning);
    cr_assert_str_eq(warning_value(&rep.warnings[0], "from_online"), "1");
    cr_assert_str_eq(warning_value(&rep.warnings[0], "to_online"), "1");
    cr_assert_null(warning_value(&rep.warnings[0], "to_table"));

    /* its room gone too (as a meeting whose table was removed): no table */
    ok(store_meeting_delete_for_request(s, "r1", &err));
    struct store_meeting bare = {.id = "m1", .request = "r1", .slot = "t2", .locked = 1};
    ok(store_meeting_upsert(s, &bare, &err));
    const char *const back[][2] = {{"09:00", "09:30"}, {"09:30", "10:00"}};
    session_edit(&e, "09:00", "10:00", 2, back, true);
    ok(app_event_save(s, "test", &e.in, &a, &rep, &err));
    cr_assert_eq(rep.warnings_n, 1);
    cr_assert(strstr(rep.warnings[0].warning, "at no table to 2027-02-16T09:30 to "
                                              "2027-02-16T10:00 at no table"),
              "%s", rep.warnings[0].warning);
    cr_assert_null(warning_value(&rep.warnings[0], "to_online"));
}

/* When an event stops taking meeting requests: its wall clock read in its
 * own zone, DST and all, the last second before it still open. */
static long long utc_of(const char *iso)
{
    long long t = 0;
    cr_assert(date_time_instant(iso, &t), "%s", iso);
    return t;
}

Test(requests_close, read_at_the_events_own_clock)
{
    struct df_err e = {0};
    char at[32];
    long long utc = 0;
    struct store_event open = {.id = "ev", .timezone = "Europe/Kyiv"};
    cr_assert_eq(app_requests_close_at(&open, at, &utc), 0, "no close: open");
    cr_assert_eq(app_requests_open_check(&open, utc_of("2099-01-01T00:00:00Z"), &e), 0);

    /* Kyiv in summer (+03:00) and in winter (+02:00): the same wall clock is
     * another instant */
    struct store_event summer = {.id = "ev", .timezone = "Europe/Kyiv",
                                 .requests_close = "2027-07-01T18:00"};
    cr_assert_eq(app_requests_close_at(&summer, at, &utc), 1);
    cr_assert_str_eq(at, "2027-07-01T18:00:00+03:00");
    cr_assert_eq(utc, utc_of("2027-07-01T15:00:00Z"));
    struct store_event winter = {.id = "ev", .timezone = "Europe/Kyiv",
                                 .requests_close = "2027-02-01T18:00"};
    cr_assert_eq(app_requests_close_at(&winter, at, &utc), 1);
    cr_assert_str_eq(at, "2027-02-01T18:00:00+02:00");
    cr_assert_eq(app_requests_open_check(&winter, utc_of("2027-02-01T15:59:59Z"), &e), 0,
                 "a second before: open");
    cr_assert_eq(app_requests_open_check(&winter, utc_of("2027-02-01T16:00:00Z"), &e), -1,
                 "at the minute: closed");
    cr_assert_eq(e.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(e.msg, "2027-02-01T18:00:00+02:00"), "%s", e.msg);

    /* far west: 18:00 in New York is 23:00 UTC in February */
    struct store_event west = {.id = "ev", .timezone = "America/New_York",
                               .requests_close = "2027-02-15T18:00"};
    struct df_err w = {0};
    cr_assert_eq(app_requests_open_check(&west, utc_of("2027-02-15T22:59:00Z"), &w), 0);
    cr_assert_eq(app_requests_open_check(&west, utc_of("2027-02-15T23:00:00Z"), &w), -1);

    /* a zone dfnc does not know (an old row: dfnc check names it): UTC's clock */
    struct store_event lost = {.id = "ev", .timezone = "Mars/Olympus",
                               .requests_close = "2027-02-15T18:00"};
    cr_assert_eq(app_requests_close_at(&lost, at, &utc), 1);
    cr_assert_str_eq(at, "2027-02-15T18:00:00+00:00");
    cr_assert_eq(utc, utc_of("2027-02-15T18:00:00Z"));
}

/* An edit sets it, keeps it when not given, opens it again with null, and
 * refuses a time that is not the event's wall clock to the minute. */
Test(requests_close, an_edit_sets_keeps_and_clears, .init = setup, .fini = teardown)
{
    struct app_event_report rep;
    struct app_event_edit set = {.id = "ev", .requests_close = "2027-02-15T18:00",
                                 .requests_close_given = true};
    ok(app_event_apply(s, &set, &a, &rep, &err));
    struct store_event got;
    ok(store_event_get(s, "ev", &a, &got, &err));
    cr_assert_str_eq(got.requests_close, "2027-02-15T18:00");

    struct app_event_edit rename = {.id = "ev", .name = "DFNC2 2027"};
    ok(app_event_apply(s, &rename, &a, &rep, &err));
    ok(store_event_get(s, "ev", &a, &got, &err));
    cr_assert_str_eq(got.requests_close, "2027-02-15T18:00", "kept when not given");

    const char *bad[] = {"2027-02-15T18:00:00", "2027-02-15T18:00Z", "2027-02-15 18:00",
                         "2027-02-30T18:00", "tomorrow"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct app_event_edit no = {.id = "ev", .requests_close = bad[i],
                                    .requests_close_given = true};
        cr_assert_eq(app_event_apply(s, &no, &a, &rep, &err), -1, "%s", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT, "%s", bad[i]);
        df_err_clear(&err);
    }
    ok(store_event_get(s, "ev", &a, &got, &err));
    cr_assert_str_eq(got.requests_close, "2027-02-15T18:00", "a refusal changes nothing");

    struct app_event_edit clear = {.id = "ev", .requests_close_given = true};
    ok(app_event_apply(s, &clear, &a, &rep, &err));
    ok(store_event_get(s, "ev", &a, &got, &err));
    cr_assert_null(got.requests_close);
}
