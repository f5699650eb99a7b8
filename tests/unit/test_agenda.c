/* Unit tests of agendas (src/app/agenda.c, src/store/agenda.c, src/io/ics.c):
 * who sees which meeting, JSON fields, and iCalendar that calendar apps accept. */
#include <criterion/criterion.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/agenda.h"
#include "store/store.h"

static char path[64];
static struct store *s;
static struct df_err err;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void setup(void)
{
    snprintf(path, sizeof path, "/tmp/dfnc-test-agenda-%d.db", (int)getpid());
    unlink(path);
    ok(store_open(&s, path, &err));
    const char *orgs[][3] = {{"eu", "Acme GmbH", "DE"}, {"ua", "Сокіл Аеро", "UA"}};
    for (int i = 0; i < 2; i++) {
        struct store_org o = {.id = orgs[i][0], .name = orgs[i][1], .country = orgs[i][2],
                              .kind = "company"};
        ok(store_org_upsert(s, &o, NULL, &err));
    }
    const char *people[][3] = {{"anna", "eu", "Anna"}, {"olena", "ua", "Олена"},
                               {"taras", "ua", "Тарас"}, {"idle", "eu", "Idle"}};
    for (int i = 0; i < 4; i++) {
        struct store_person p = {.id = people[i][0], .org = people[i][1], .name = people[i][2]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "DFNC2 test", .venue = "Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s1", .event = "ev", .day = "2027-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2027-02-16T10:40:00+01:00",
                              .ends_at = "2027-02-16T11:20:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t1 = {.id = "t1", .session = "s1", .seq = 1,
                            .starts_at = "2027-02-16T10:40:00+01:00",
                            .ends_at = "2027-02-16T11:00:00+01:00"};
    struct store_slot t2 = {.id = "t2", .session = "s1", .seq = 2,
                            .starts_at = "2027-02-16T11:00:00+01:00",
                            .ends_at = "2027-02-16T11:20:00+01:00"};
    ok(store_slot_upsert(s, &t1, &err));
    ok(store_slot_upsert(s, &t2, &err));
    struct store_location l = {.id = "l7", .event = "ev", .name = "Table 7"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r = {.id = "r1", .event = "ev", .from = "anna", .to = "olena",
                              .status = "accepted", .priority = 1, .message = "Дрони; DROP"};
    ok(store_request_upsert(s, &r, NULL, &err));
    ok(store_request_add_attendee(s, "r1", "taras", &err));
    struct store_meeting m = {.id = "m1", .request = "r1", .slot = "t1", .location = "l7"};
    ok(store_meeting_upsert(s, &m, &err));
}

static void teardown(void)
{
    store_close(s);
    unlink(path);
}

TestSuite(agenda, .init = setup, .fini = teardown);

Test(agenda, json_lists_the_meeting_with_everyone_attending)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "olena", &b, &err));
    const char *j = buf_str(&b);
    cr_assert(strstr(j, "\"id\":\"m1\""), "%s", j);
    cr_assert(strstr(j, "\"start\":\"2027-02-16T10:40:00+01:00\""), "%s", j);
    cr_assert(strstr(j, "\"location\":\"Table 7\""), "%s", j);
    cr_assert(strstr(j, "\"name\":\"Тарас\""), "the third party is listed: %s", j);
    cr_assert(strstr(j, "\"organisation_name\":\"Acme GmbH\""), "%s", j);
    buf_free(&b);
}

Test(agenda, the_third_party_sees_it_and_others_do_not)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "taras", &b, &err));
    cr_assert(strstr(buf_str(&b), "\"m1\""));
    buf_reset(&b);
    ok(app_agenda_json(s, "idle", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]");
    cr_assert_eq(app_agenda_json(s, "nobody", &b, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    buf_free(&b);
}

Test(agenda, a_declined_request_leaves_the_agenda)
{
    ok(store_request_set_status(s, "r1", "declined", &err));
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "anna", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]");
    buf_free(&b);
}

/* Parses ICS text with libical and returns its first VEVENT's property value. */
static const char *ics_parse_ok(const char *text)
{
    icalcomponent *cal = icalparser_parse_string(text);
    cr_assert_not_null(cal);
    cr_assert_eq(icalcomponent_count_errors(cal), 0, "libical found errors in:\n%s", text);
    cr_assert_not_null(icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT));
    icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
    cr_assert_not_null(ev);
    icalcomponent_free(cal);
    return text;
}

Test(agenda, ics_has_a_stable_uid_the_time_zone_and_a_rising_sequence)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "anna", &b, &err));
    const char *ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "UID:m1@dfnc"), "%s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T104000"), "%s", ics);
    cr_assert(strstr(ics, "DTEND;TZID=Europe/Brussels:20270216T110000"), "%s", ics);
    cr_assert(strstr(ics, "TZID:Europe/Brussels"), "%s", ics);
    cr_assert(strstr(ics, "SEQUENCE:0"), "%s", ics);
    cr_assert(strstr(ics, "LOCATION:Table 7\\, Brussels"), "%s", ics);
    cr_assert(strstr(ics, "Олена (Сокіл Аеро)"), "%s", ics);

    struct store_meeting moved = {.id = "m1", .request = "r1", .slot = "t2", .location = "l7"};
    ok(store_meeting_upsert(s, &moved, &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "UID:m1@dfnc"), "the UID survives a move");
    cr_assert(strstr(ics, "SEQUENCE:1"), "%s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T110000"), "%s", ics);
    buf_free(&b);
}

Test(agenda, text_names_the_other_party)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_text(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "2027-02-16 10:40-11:00"), "%s", buf_str(&b));
    cr_assert(strstr(buf_str(&b), "Олена (Сокіл Аеро), Тарас (Сокіл Аеро)"), "%s", buf_str(&b));
    buf_free(&b);
}
