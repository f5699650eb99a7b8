/* Unit tests of agendas (src/app/agenda.c, src/store/agenda.c, src/io/ics.c):
 * who sees which meeting, JSON fields, and iCalendar that calendar apps accept. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/agenda.h"
#include "app/export.h"
#include "store/programme.h"
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
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
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
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "UID:m1@dfnc"), "the UID survives a move");
    cr_assert(strstr(ics, "SEQUENCE:1"), "%s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T110000"), "%s", ics);
    buf_free(&b);
}

/* A person who reads the web UI in Ukrainian gets a Ukrainian calendar: its
 * words, and the organisations' Ukrainian names where they have one. */
/* A calendar entry names the session the meeting is part of under the
 * event, in the reader's language where the session has a Ukrainian name. */
Test(agenda, ics_description_names_the_event_and_the_session)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    const char *ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "DESCRIPTION:DFNC2 test\\nB2B\\n"), "%s", ics);
    struct store_session x = {.id = "s1", .event = "ev", .day = "2027-02-16",
                              .name = "B2B meetings I", .name_uk = "Зустрічі B2B I",
                              .kind = "b2b", .starts_at = "2027-02-16T10:40:00+01:00",
                              .ends_at = "2027-02-16T11:20:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    ok(store_person_ui_language_set(s, "olena", "uk", &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "DESCRIPTION:DFNC2 test\\nЗустрічі B2B I\\n"), "%s", ics);
    buf_free(&b);
}

Test(agenda, ics_speaks_the_language_the_person_reads_the_ui_in)
{
    struct store_org eu = {.id = "eu", .name = "Acme GmbH", .name_uk = "Акме", .country = "DE",
                           .kind = "company"};
    ok(store_org_upsert(s, &eu, NULL, &err));
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    const char *ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "SUMMARY:B2B meeting: Anna (Acme GmbH)"), "%s", ics);
    ok(store_person_ui_language_set(s, "olena", "uk", &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "SUMMARY:Зустріч B2B: Anna (Акме)"), "%s", ics);
    cr_assert_not(strstr(ics, "B2B meeting"), "%s", ics);
    /* the demo's "Table 7" in Ukrainian, as the agenda page says it */
    cr_assert(strstr(ics, "LOCATION:Стіл 7\\, Brussels"), "%s", ics);
    /* any other name as the organisers wrote it */
    struct store_location round = {.id = "l7", .event = "ev", .name = "Table ronde A"};
    ok(store_location_upsert(s, &round, &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "LOCATION:Table ronde A\\, Brussels"), "%s", ics);
    /* and anna, who never said, keeps English, with Сокіл Аеро as it is named */
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    ics = ics_parse_ok(buf_str(&b));
    cr_assert(strstr(ics, "SUMMARY:B2B meeting: "), "%s", ics);
    cr_assert_neq(store_person_ui_language_set(s, "olena", "fr", &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    buf_free(&b);
}

/* The VEVENT of uid in ics (its lines up to END:VEVENT, as a new string), or
 * NULL when the calendar has none. */
static char *vevent_of(const char *ics, const char *uid)
{
    char line[128];
    snprintf(line, sizeof line, "UID:%s\r\n", uid);
    const char *u = strstr(ics, line);
    if (!u)
        return NULL;
    const char *from = u;
    while (from > ics && strncmp(from, "BEGIN:VEVENT", 12) != 0)
        from--;
    const char *to = strstr(u, "END:VEVENT");
    cr_assert_not_null(to);
    cr_assert_null(strstr(to + 1, line), "one VEVENT for %s:\n%s", uid, ics);
    return strndup(from, (size_t)(to - from));
}

/* A meeting that leaves the agenda stays in the calendar as cancelled, its
 * SEQUENCE raised, for every one of its people, so that a calendar holding
 * it from an earlier download marks it so; the JSON agenda leaves it out. */
Test(agenda, a_cancelled_meeting_stays_in_the_calendar_as_cancelled)
{
    struct store_meeting moved = {.id = "m1", .request = "r1", .slot = "t2", .location = "l7"};
    ok(store_meeting_upsert(s, &moved, &err)); /* SEQUENCE 1 */
    ok(store_request_set_status(s, "r1", "cancelled", &err));
    ok(store_meeting_delete_for_request(s, "r1", &err));
    const char *people[] = {"anna", "olena", "taras"};
    struct buf b = BUF_INIT(0);
    for (int i = 0; i < 3; i++) {
        buf_reset(&b);
        ok(app_agenda_ics(s, people[i], NULL, true, &b, &err));
        char *ev = vevent_of(ics_parse_ok(buf_str(&b)), "m1@dfnc");
        cr_assert_not_null(ev, "%s's calendar keeps it: %s", people[i], buf_str(&b));
        cr_assert(strstr(ev, "STATUS:CANCELLED"), "%s", ev);
        cr_assert(strstr(ev, "SEQUENCE:2"), "raised above the move's: %s", ev);
        cr_assert(strstr(ev, "DTSTART;TZID=Europe/Brussels:20270216T110000"), "%s", ev);
        cr_assert(strstr(ev, "LOCATION:Table 7\\, Brussels"), "%s", ev);
        cr_assert(strstr(ev, "SUMMARY:Cancelled: B2B meeting: "), "%s", ev);
        cr_assert_not(strstr(ev, "STATUS:TENTATIVE"), "%s", ev);
        free(ev);
        buf_reset(&b);
        ok(app_agenda_json(s, people[i], &b, &err));
        cr_assert_str_eq(buf_str(&b), "[]", "the agenda itself leaves it out");
    }
    /* someone not at it has nothing; in Ukrainian it says so in Ukrainian */
    buf_reset(&b);
    ok(app_agenda_ics(s, "idle", NULL, true, &b, &err));
    cr_assert_not(strstr(buf_str(&b), "m1@dfnc"), "%s", buf_str(&b));
    ok(store_person_ui_language_set(s, "olena", "uk", &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "olena", NULL, true, &b, &err));
    cr_assert(strstr(buf_str(&b), "SUMMARY:Скасовано: Зустріч B2B: "), "%s", buf_str(&b));
    buf_free(&b);
}

/* Placed again (accepted anew, or a later run finding it room), the meeting
 * is back with a SEQUENCE above its withdrawal's, which calendars need to
 * take the revival, and no longer cancelled. */
Test(agenda, a_meeting_placed_again_takes_up_its_calendar_s_sequence)
{
    ok(store_meeting_delete_for_request(s, "r1", &err)); /* a run left it out */
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    char *ev = vevent_of(ics_parse_ok(buf_str(&b)), "m1@dfnc");
    cr_assert_not_null(ev);
    cr_assert(strstr(ev, "STATUS:CANCELLED") && strstr(ev, "SEQUENCE:1"), "%s", ev);
    free(ev);
    struct store_meeting back = {.id = "m1", .request = "r1", .slot = "t1", .location = "l7"};
    ok(store_meeting_upsert(s, &back, &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    ev = vevent_of(ics_parse_ok(buf_str(&b)), "m1@dfnc");
    cr_assert_not_null(ev);
    cr_assert(strstr(ev, "SEQUENCE:2"), "above the withdrawal's 1: %s", ev);
    cr_assert(strstr(ev, "STATUS:TENTATIVE"), "%s", ev);
    cr_assert_not(strstr(ev, "CANCELLED"), "%s", ev);
    free(ev);
    /* and its next move raises it as any move does */
    struct store_meeting moved = {.id = "m1", .request = "r1", .slot = "t2", .location = "l7"};
    ok(store_meeting_upsert(s, &moved, &err));
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    cr_assert(strstr(buf_str(&b), "SEQUENCE:3"), "%s", buf_str(&b));
    buf_free(&b);
}

/* The page's list of cancelled meetings: each at its last time and table
 * with what became of its request (left out by a run: still accepted,
 * waiting; declined by an import), and nothing once it is placed again. */
Test(agenda, the_cancelled_list_says_what_became_of_each_meeting)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_cancelled_json(s, "olena", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]", "nothing cancelled yet");
    ok(store_meeting_delete_for_request(s, "r1", &err)); /* a run left it out */
    buf_reset(&b);
    ok(app_agenda_cancelled_json(s, "olena", &b, &err));
    json_t *a = json_loads(buf_str(&b), 0, NULL);
    cr_assert_eq(json_array_size(a), 1, "%s", buf_str(&b));
    json_t *m = json_array_get(a, 0);
    cr_assert_str_eq(json_string_value(json_object_get(m, "request")), "r1");
    cr_assert_str_eq(json_string_value(json_object_get(m, "status")), "accepted");
    cr_assert(json_is_null(json_object_get(m, "cancelled_by")));
    cr_assert_str_eq(json_string_value(json_object_get(m, "start")), "2027-02-16T10:40:00+01:00");
    cr_assert_str_eq(json_string_value(json_object_get(m, "location")), "Table 7");
    cr_assert(json_is_true(json_object_get(m, "withdrawn")));
    cr_assert_eq(json_array_size(json_object_get(m, "people")), 3, "everyone of it");
    cr_assert_eq(strlen(json_string_value(json_object_get(m, "withdrawn_at"))), 20);
    json_decref(a);
    buf_reset(&b);
    ok(app_agenda_cancelled_json(s, "idle", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]", "someone not at it");
    struct store_meeting back = {.id = "m1", .request = "r1", .slot = "t2", .location = "l7"};
    ok(store_meeting_upsert(s, &back, &err));
    buf_reset(&b);
    ok(app_agenda_cancelled_json(s, "anna", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]", "placed again, no longer cancelled");
    ok(store_request_set_status(s, "r1", "declined", &err));
    ok(store_meeting_delete_for_request(s, "r1", &err));
    buf_reset(&b);
    ok(app_agenda_cancelled_json(s, "taras", &b, &err));
    cr_assert(strstr(buf_str(&b), "\"status\":\"declined\""), "%s", buf_str(&b));
    cr_assert(strstr(buf_str(&b), "\"start\":\"2027-02-16T11:00:00+01:00\""), "its last time: %s",
              buf_str(&b));
    cr_assert_eq(app_agenda_cancelled_json(s, "nobody", &b, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    buf_free(&b);
}

/* A request removed with its person (the store has no such call; a database
 * tool or a later feature might) takes its withdrawn meeting with it, and
 * its meeting's own deletion by the cascade does not fail on the trigger. */
Test(agenda, a_removed_request_takes_its_withdrawn_meeting_with_it)
{
    ok(store_request_add_attendee(s, "r1", "idle", &err));
    struct store_request r2 = {.id = "r2", .event = "ev", .from = "olena", .to = "idle",
                               .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r2, NULL, &err));
    struct store_meeting m2 = {.id = "m2", .request = "r2", .slot = "t2", .location = "l7"};
    ok(store_meeting_upsert(s, &m2, &err));
    ok(store_meeting_delete_for_request(s, "r1", &err));
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db,
                              "PRAGMA foreign_keys = ON;"
                              "DELETE FROM people WHERE id = 'olena'",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "idle", NULL, true, &b, &err));
    cr_assert_not(strstr(buf_str(&b), "m1@dfnc"), "%s", buf_str(&b));
    cr_assert_not(strstr(buf_str(&b), "m2@dfnc"), "%s", buf_str(&b));
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

Test(agenda, text_says_online_for_a_meeting_in_a_room_and_no_table_for_one_without)
{
    /* held by video (no table, a room): online; its room gone too (as when
     * its table was removed): no table, not online */
    struct store_meeting m = {.id = "m1", .request = "r1", .slot = "t1",
                              .video_room = "room-0123456789abcdef"};
    ok(store_meeting_upsert(s, &m, &err));
    struct buf b = BUF_INIT(0);
    ok(app_agenda_text(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "10:40-11:00  online "), "%s", buf_str(&b));
    buf_free(&b);
    ok(store_meeting_delete_for_request(s, "r1", &err));
    struct store_meeting bare = {.id = "m1", .request = "r1", .slot = "t1"};
    ok(store_meeting_upsert(s, &bare, &err));
    b = (struct buf)BUF_INIT(0);
    ok(app_agenda_text(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "10:40-11:00  (no table)"), "%s", buf_str(&b));
    buf_free(&b);
}

/* A second event in New York on the same day: its meeting m2 (anna with
 * taras) starts at 09:00 New York time, 14:00 UTC, after m1 (10:40 Brussels,
 * 09:40 UTC) although its wall-clock digits sort first. */
static void add_new_york_meeting(void)
{
    struct store_event e = {.id = "ny", .name = "Transatlantic day", .venue = "New York",
                            .timezone = "America/New_York", .starts_on = "2027-02-16",
                            .ends_on = "2027-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "ny-s", .event = "ny", .day = "2027-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2027-02-16T09:00:00-05:00",
                              .ends_at = "2027-02-16T09:30:00-05:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t = {.id = "ny-t1", .session = "ny-s", .seq = 1,
                           .starts_at = "2027-02-16T09:00:00-05:00",
                           .ends_at = "2027-02-16T09:30:00-05:00"};
    ok(store_slot_upsert(s, &t, &err));
    struct store_location l = {.id = "ny-l1", .event = "ny", .name = "Table 1"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r = {.id = "r2", .event = "ny", .from = "anna", .to = "taras",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    struct store_meeting m = {.id = "m2", .request = "r2", .slot = "ny-t1", .location = "ny-l1"};
    ok(store_meeting_upsert(s, &m, &err));
}

/* The calendar's VTIMEZONE whose TZID is tzid, NULL if none. (libical's own
 * reading would fall back on its built-in zones: a client may not.) An
 * external iterator: the caller walks the calendar's VEVENTs with its own. */
static icalcomponent *vtimezone_named(icalcomponent *cal, const char *tzid)
{
    for (icalcompiter it = icalcomponent_begin_component(cal, ICAL_VTIMEZONE_COMPONENT);
         icalcompiter_deref(&it); icalcompiter_next(&it)) {
        icalcomponent *z = icalcompiter_deref(&it);
        icalproperty *id = icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY);
        if (id && strcmp(icalproperty_get_tzid(id), tzid) == 0)
            return z;
    }
    return NULL;
}

/* The UTC instant of a VEVENT's DTSTART or DTEND as libical reads it: the
 * property's TZID resolved against the calendar's own VTIMEZONE. */
static time_t utc_of(icalcomponent *ev, icalproperty_kind kind, const char **tzid)
{
    icalproperty *p = icalcomponent_get_first_property(ev, kind);
    cr_assert_not_null(p);
    icalparameter *tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    cr_assert_not_null(tz, "every time carries a TZID");
    *tzid = icalparameter_get_tzid(tz);
    cr_assert_not_null(vtimezone_named(icalcomponent_get_parent(ev), *tzid),
                       "no VTIMEZONE has TZID:%s", *tzid);
    struct icaltimetype t = kind == ICAL_DTSTART_PROPERTY ? icalcomponent_get_dtstart(ev)
                                                          : icalcomponent_get_dtend(ev);
    cr_assert_not_null(t.zone, "TZID %s has no VTIMEZONE in the calendar", *tzid);
    return icaltime_as_timet_with_zone(t, t.zone);
}

Test(agenda, ics_gives_each_meeting_the_time_zone_of_its_event)
{
    add_new_york_meeting();
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    const char *ics = buf_str(&b);
    icalcomponent *cal = icalparser_parse_string(ics);
    cr_assert_not_null(cal);
    cr_assert_eq(icalcomponent_count_errors(cal), 0, "libical found errors in:\n%s", ics);
    cr_assert_eq(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 2, "%s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=America/New_York:20270216T090000"), "%s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T104000"), "%s", ics);
    cr_assert_null(strstr(ics, "X-WR-TIMEZONE"), "two zones: the calendar has none\n%s", ics);
    const struct { const char *uid, *tzid; time_t start, end; } want[] = {
        {"m1@dfnc", "Europe/Brussels", 1802770800, 1802772000},   /* 09:40Z-10:00Z */
        {"m2@dfnc", "America/New_York", 1802786400, 1802788200},  /* 14:00Z-14:30Z */
    };
    int seen = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const char *uid = icalcomponent_get_uid(ev), *tz_start, *tz_end;
        time_t start = utc_of(ev, ICAL_DTSTART_PROPERTY, &tz_start);
        time_t end = utc_of(ev, ICAL_DTEND_PROPERTY, &tz_end);
        for (int i = 0; i < 2; i++) {
            if (strcmp(uid, want[i].uid) != 0)
                continue;
            seen |= 1 << i;
            cr_assert_str_eq(tz_start, want[i].tzid, "%s", uid);
            cr_assert_str_eq(tz_end, want[i].tzid, "%s", uid);
            cr_assert_eq(start, want[i].start, "%s starts at %ld, not %ld", uid, (long)start,
                         (long)want[i].start);
            cr_assert_eq(end, want[i].end, "%s ends at %ld", uid, (long)end);
        }
    }
    cr_assert_eq(seen, 3, "both meetings are in the calendar:\n%s", ics);
    icalcomponent_free(cal);
    buf_free(&b);
}

Test(agenda, one_zone_names_the_calendar_s_zone)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    cr_assert(strstr(buf_str(&b), "X-WR-TIMEZONE:Europe/Brussels"), "%s", buf_str(&b));
    cr_assert(strstr(buf_str(&b), "X-WR-CALNAME:DFNC2 test"), "%s", buf_str(&b));
    buf_free(&b);
}

Test(agenda, json_and_text_keep_time_order_across_zones_and_name_them)
{
    add_new_york_meeting();
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "anna", &b, &err));
    const char *j = buf_str(&b);
    const char *m1 = strstr(j, "\"id\":\"m1\""), *m2 = strstr(j, "\"id\":\"m2\"");
    cr_assert(m1 && m2 && m1 < m2, "09:40 UTC before 14:00 UTC: %s", j);
    cr_assert(strstr(m2, "\"start\":\"2027-02-16T09:00:00-05:00\""), "%s", j);
    cr_assert(strstr(m2, "\"timezone\":\"America/New_York\""), "%s", j);
    cr_assert(strstr(m1, "\"timezone\":\"Europe/Brussels\""), "%s", j);
    buf_reset(&b);
    ok(app_agenda_text(s, "anna", &b, &err));
    const char *t = buf_str(&b);
    const char *l1 = strstr(t, "2027-02-16 10:40-11:00 Europe/Brussels");
    const char *l2 = strstr(t, "2027-02-16 09:00-09:30 America/New_York");
    cr_assert(l1 && l2 && l1 < l2, "each line names its zone, in time order:\n%s", t);
    buf_free(&b);
}

/* Slots an older dfnc stored as it was sent, without an offset: the agenda
 * still gives each start its event's offset, and orders by the instant the
 * calendar shows (before, "09:00" New York was read as 09:00 UTC by the
 * store's ORDER BY julianday and came first, and "start" had no offset). */
Test(agenda, json_gives_the_zone_s_offset_and_order_whatever_the_slot_kept)
{
    add_new_york_meeting();
    struct store_slot t1 = {.id = "t1", .session = "s1", .seq = 1,
                            .starts_at = "2027-02-16T10:40", .ends_at = "2027-02-16T11:00"};
    struct store_slot ny = {.id = "ny-t1", .session = "ny-s", .seq = 1,
                            .starts_at = "2027-02-16T09:00", .ends_at = "2027-02-16T09:30+02:00"};
    ok(store_slot_upsert(s, &t1, &err));
    ok(store_slot_upsert(s, &ny, &err));
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "anna", &b, &err));
    const char *j = buf_str(&b);
    const char *m1 = strstr(j, "\"id\":\"m1\""), *m2 = strstr(j, "\"id\":\"m2\"");
    cr_assert(m1 && m2 && m1 < m2, "09:40 UTC before 14:00 UTC: %s", j);
    cr_assert(strstr(m1, "\"start\":\"2027-02-16T10:40:00+01:00\",\"end\":\"2027-02-16T11:00:00+01:00\""),
              "%s", j);
    cr_assert(strstr(m2, "\"start\":\"2027-02-16T09:00:00-05:00\",\"end\":\"2027-02-16T09:30:00-05:00\""),
              "the calendar's 09:30 New York, not the stray offset: %s", j);
    buf_free(&b);
}

static void publish(const char *event)
{
    ok(store_begin(s, &err));
    ok(store_meeting_lock_all(s, event, true, &err));
    ok(store_event_set_published(s, event, true, &err));
    ok(store_commit(s, &err));
}

Test(agenda, meetings_are_provisional_until_their_event_is_published)
{
    add_new_york_meeting();
    struct buf b = BUF_INIT(0);
    ok(app_agenda_json(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "\"published\":false"), "%s", buf_str(&b));
    cr_assert_null(strstr(buf_str(&b), "\"published\":true"), "%s", buf_str(&b));
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    cr_assert(strstr(buf_str(&b), "STATUS:TENTATIVE"), "%s", buf_str(&b));
    cr_assert_null(strstr(buf_str(&b), "STATUS:CONFIRMED"), "%s", buf_str(&b));
    cr_assert_null(strstr(buf_str(&b), "SEQUENCE:1"), "%s", buf_str(&b));
    buf_reset(&b);
    ok(app_agenda_text(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "10:40-11:00 Europe/Brussels  Table 7"), "%s", buf_str(&b));
    cr_assert(strstr(buf_str(&b), "(provisional)\n"), "%s", buf_str(&b));

    /* Brussels publishes: its meeting is confirmed, a change calendars must
     * take (RFC 5545 3.8.7.4), so its SEQUENCE rises; New York's stays. */
    publish("ev");
    buf_reset(&b);
    ok(app_agenda_json(s, "anna", &b, &err));
    const char *j = buf_str(&b), *m2 = strstr(j, "\"id\":\"m2\"");
    cr_assert(m2, "%s", j);
    cr_assert(strstr(j, "\"sequence\":1,\"locked\":true,\"published\":true"), "%s", j);
    cr_assert(strstr(m2, "\"sequence\":0,\"locked\":false,\"published\":false"), "%s", j);
    buf_reset(&b);
    ok(app_agenda_ics(s, "anna", NULL, true, &b, &err));
    const char *ics = ics_parse_ok(buf_str(&b));
    const char *v2 = strstr(ics, "UID:m2@dfnc");
    cr_assert(v2, "%s", ics);
    /* VEVENTs in time order: m1's properties come before m2's UID */
    const char *confirmed = strstr(ics, "STATUS:CONFIRMED"), *seq1 = strstr(ics, "SEQUENCE:1");
    cr_assert(confirmed && confirmed < v2 && seq1 && seq1 < v2, "%s", ics);
    cr_assert(strstr(v2, "STATUS:TENTATIVE") && strstr(v2, "SEQUENCE:0"), "%s", ics);
    buf_reset(&b);
    ok(app_agenda_text(s, "anna", &b, &err));
    const char *line2 = strstr(buf_str(&b), "09:00-09:30");
    cr_assert(line2, "%s", buf_str(&b));
    cr_assert_null(memmem(buf_str(&b), (size_t)(line2 - buf_str(&b)), "provisional", 11),
                   "%s", buf_str(&b));
    cr_assert(strstr(line2, "(provisional)"), "%s", buf_str(&b));

    /* publishing again changes nothing a calendar shows: no new SEQUENCE */
    publish("ev");
    buf_reset(&b);
    ok(app_agenda_json(s, "anna", &b, &err));
    cr_assert(strstr(buf_str(&b), "\"sequence\":1,\"locked\":true,\"published\":true"), "%s",
              buf_str(&b));
    buf_free(&b);
}

/* The meetings export lists every attendee of a delegation's meeting: 120
 * attendees of 24 bytes each are about 3 KB, where the list was once cut at
 * 1 KB without a word. */
Test(agenda, the_meetings_export_lists_a_whole_delegation)
{
    char ids[120][32];
    for (int i = 0; i < 120; i++) {
        snprintf(ids[i], sizeof ids[i], "delegate-%03d-of-the-mod", i);
        struct store_person p = {.id = ids[i], .org = "ua", .name = "Делегат"};
        ok(store_person_upsert(s, &p, NULL, &err));
        ok(store_request_add_attendee(s, "r1", ids[i], &err));
    }
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    int rows = 0;
    ok(app_export(s, "meetings", APP_EXPORT_CSV, out, &rows, &err));
    fclose(out);
    cr_assert_eq(rows, 1);
    for (int i = 0; i < 120; i++)
        cr_assert(strstr(text, ids[i]), "%s is missing from the export", ids[i]);
    cr_assert(strstr(text, "anna;olena;"), "%s", text);
    free(text);
}

/* What app_export writes for kind in format, NUL-terminated (caller frees). */
static char *exported(const char *kind, enum app_export_format format)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    int rows = 0;
    ok(app_export(s, kind, format, out, &rows, &err));
    fclose(out);
    return text;
}

/* A desk list printed from the meetings export names each person and their
 * organisation, in columns after the ones older exports had (so what reads
 * those by position still does), in the order of the people column; then
 * the event and the session it is part of, for the venue's staff. */
Test(agenda, the_meetings_export_names_people_and_organisations_after_the_old_columns)
{
    /* then whether each side arrived and what each said (tests/cli/after_test.py) */
    static const char header[] = "id,request,event,start,end,location,people,locked,names,"
                                 "organisations,event_name,session_name,requester_arrived,"
                                 "addressee_arrived,requester_outcome,addressee_outcome\n";
    char *csv = exported("meetings", APP_EXPORT_CSV);
    cr_assert(strncmp(csv, header, strlen(header)) == 0, "%s", csv);
    cr_assert(strstr(csv, ",anna;olena;taras,0,Anna; Олена; Тарас,Acme GmbH; Сокіл Аеро; Сокіл Аеро,"
                          "DFNC2 test,B2B,0,0,,\n"),
              "%s", csv);
    free(csv);
    char *text = exported("meetings", APP_EXPORT_JSON);
    json_error_t jerr;
    json_t *j = json_loads(text, 0, &jerr);
    cr_assert_not_null(j, "%s", jerr.text);
    json_t *m = json_array_get(j, 0);
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(m, "people"), 1)), "olena");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(m, "names"), 1)), "Олена");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(m, "organisations"), 0)),
                     "Acme GmbH");
    cr_assert_eq(json_array_size(json_object_get(m, "organisations")), 3);
    cr_assert_str_eq(json_string_value(json_object_get(m, "event_name")), "DFNC2 test");
    cr_assert_str_eq(json_string_value(json_object_get(m, "session_name")), "B2B");
    json_decref(j);
    free(text);
}

/* What a calendar's entry shows, as libical reads it. */
struct entry {
    int seq;
    icalproperty_status st;
    char summary[128], where[128], about[256];
};

/* The entry uid of calendar text into *e; false when the calendar has none. */
static bool entry_of(const char *text, const char *uid, struct entry *e)
{
    icalcomponent *cal = icalparser_parse_string(text);
    cr_assert_not_null(cal);
    cr_assert_eq(icalcomponent_count_errors(cal), 0, "libical found errors in:\n%s", text);
    bool found = false;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         ev && !found; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        if (strcmp(icalcomponent_get_uid(ev), uid) != 0)
            continue;
        found = true;
        e->seq = icalcomponent_get_sequence(ev);
        e->st = icalcomponent_get_status(ev);
        snprintf(e->summary, sizeof e->summary, "%s", icalcomponent_get_summary(ev));
        const char *where = icalcomponent_get_location(ev);
        snprintf(e->where, sizeof e->where, "%s", where ? where : "");
        const char *about = icalcomponent_get_description(ev);
        snprintf(e->about, sizeof e->about, "%s", about ? about : "");
    }
    icalcomponent_free(cal);
    return found;
}

/* The opening keynote in Hall A, a talk of the event's programme. */
static void add_keynote(const char *starts_at)
{
    struct store_session k = {.id = "k1", .event = "ev", .day = "2027-02-16",
                              .name = "Opening keynote", .name_uk = "Відкриття форуму",
                              .kind = "conference", .starts_at = starts_at,
                              .ends_at = "2027-02-16T10:30:00+01:00", .place = "Hall A",
                              .place_uk = "Зала A", .description = "The commissioner opens",
                              .description_uk = "Відкриває комісар"};
    ok(store_session_upsert(s, &k, &err));
}

/* Her calendar (ICS) of person: with the programme of the events of her
 * meetings and of event. */
static char *calendar(const char *person, const char *event, bool programme)
{
    struct buf b = BUF_INIT(0);
    ok(app_agenda_ics(s, person, event, programme, &b, &err));
    return buf_take(&b);
}

/* The programme's talks are entries of her calendar, in her language, with
 * their place and the venue; the B2B session is not (her meetings are). */
Test(agenda, ics_carries_the_programme_in_her_language)
{
    add_keynote("2027-02-16T09:30:00+01:00");
    struct entry e;
    char *ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.st, ICAL_STATUS_TENTATIVE, "provisional until published, as meetings: %s", ics);
    int draft = e.seq;
    free(ics);
    publish("ev");
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_gt(e.seq, draft, "published: calendars take it as confirmed: %s", ics);
    cr_assert_str_eq(e.summary, "Opening keynote");
    cr_assert_str_eq(e.where, "Hall A, Brussels");
    cr_assert_eq(e.st, ICAL_STATUS_CONFIRMED);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T093000"), "%s", ics);
    cr_assert_str_eq(e.about, "DFNC2 test\nOn the forum's programme\n\nThe commissioner opens");
    cr_assert_not(entry_of(ics, "session-s1@dfnc", &e),
                  "a B2B session is her meetings, not an entry: %s", ics);
    cr_assert(entry_of(ics, "m1@dfnc", &e), "%s", ics);
    free(ics);
    ok(store_person_ui_language_set(s, "olena", "uk", &err));
    ics = calendar("olena", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_str_eq(e.summary, "Відкриття форуму");
    cr_assert_str_eq(e.where, "Зала A, Brussels");
    cr_assert_str_eq(e.about, "DFNC2 test\nУ програмі форуму\n\nВідкриває комісар");
    free(ics);
    /* left out when asked */
    ics = calendar("anna", NULL, false);
    cr_assert_not(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    free(ics);
    /* someone without a meeting there has it only when it is the forum's event */
    ics = calendar("idle", NULL, true);
    cr_assert_not(strstr(ics, "session-k1@dfnc"), "%s", ics);
    free(ics);
    ics = calendar("idle", "ev", true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert(strstr(ics, "X-WR-CALNAME:DFNC2 test"), "%s", ics);
    free(ics);
}

/* A talk changed in place keeps its UID with a higher SEQUENCE; the same
 * time written another way changes nothing; a talk removed stays as
 * CANCELLED above it, and back in the programme above that. */
Test(agenda, ics_programme_sequence_rises_and_a_removed_talk_is_cancelled)
{
    /* a draft talk taken out before publication leaves no entry at all */
    struct store_session draft = {.id = "k0", .event = "ev", .day = "2027-02-16",
                                  .name = "Draft panel", .kind = "conference",
                                  .starts_at = "2027-02-16T11:30:00+01:00",
                                  .ends_at = "2027-02-16T12:00:00+01:00"};
    ok(store_session_upsert(s, &draft, &err));
    int gone = 0;
    ok(store_session_remove(s, "ev", "k0", &gone, &err));
    publish("ev");
    add_keynote("2027-02-16T09:30:00+01:00");
    struct entry e0, e;
    char *ics = calendar("anna", NULL, true);
    cr_assert_not(strstr(ics, "session-k0@dfnc"), "a draft removed is no cancellation: %s", ics);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e0), "%s", ics);
    free(ics);
    add_keynote("2027-02-16T09:30");
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.seq, e0.seq, "the same wall clock written another way: %s", ics);
    free(ics);
    add_keynote("2027-02-16T09:45:00+01:00");
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_gt(e.seq, e0.seq, "moved: %s", ics);
    cr_assert(strstr(ics, "DTSTART;TZID=Europe/Brussels:20270216T094500"), "%s", ics);
    free(ics);
    int moved_seq = e.seq;
    struct store_event ev = {.id = "ev", .name = "DFNC2 test", .venue = "Brussels Expo",
                             .starts_on = "2027-02-16", .ends_on = "2027-02-16"};
    ok(store_event_upsert(s, &ev, NULL, &err));
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_gt(e.seq, moved_seq, "the venue its LOCATION names changed: %s", ics);
    cr_assert_str_eq(e.where, "Hall A, Brussels Expo");
    free(ics);
    int before = e.seq, unscheduled = 0;
    ok(store_session_remove(s, "ev", "k1", &unscheduled, &err));
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.st, ICAL_STATUS_CANCELLED, "%s", ics);
    cr_assert_gt(e.seq, before, "%s", ics);
    cr_assert_str_eq(e.summary, "Cancelled: Opening keynote");
    free(ics);
    int cancelled = e.seq;
    add_keynote("2027-02-16T09:45:00+01:00");
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.st, ICAL_STATUS_CONFIRMED, "%s", ics);
    cr_assert_gt(e.seq, cancelled, "back above its cancellation: %s", ics);
    free(ics);
    /* made a B2B session, it leaves the programme as a removal does */
    int back = e.seq;
    struct store_session b2b = {.id = "k1", .event = "ev", .day = "2027-02-16",
                                .name = "Opening keynote", .kind = "b2b",
                                .starts_at = "2027-02-16T09:45:00+01:00",
                                .ends_at = "2027-02-16T10:30:00+01:00"};
    ok(store_session_upsert(s, &b2b, &err));
    ics = calendar("anna", NULL, true);
    cr_assert(entry_of(ics, "session-k1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.st, ICAL_STATUS_CANCELLED, "%s", ics);
    cr_assert_gt(e.seq, back, "%s", ics);
    free(ics);
}

/* A colleague taken off a meeting gets it as CANCELLED above what she had;
 * its two people keep it; joining again takes it above the cancellation. */
Test(agenda, ics_a_colleague_taken_off_gets_the_meeting_cancelled)
{
    struct entry had, e;
    char *ics = calendar("taras", NULL, true);
    cr_assert(entry_of(ics, "m1@dfnc", &had), "%s", ics);
    free(ics);
    cr_assert_eq(store_request_remove_attendee(s, "r1", "taras", &err), 1, "%s", err.msg);
    ics = calendar("taras", NULL, true);
    cr_assert(entry_of(ics, "m1@dfnc", &e), "%s", ics);
    cr_assert_eq(e.st, ICAL_STATUS_CANCELLED, "%s", ics);
    cr_assert_gt(e.seq, had.seq, "%s", ics);
    cr_assert(strstr(e.summary, "Cancelled: B2B meeting: "), "%s", e.summary);
    cr_assert_str_eq(e.where, "Table 7, Brussels");
    free(ics);
    int cancelled = e.seq;
    const char *others[] = {"anna", "olena"};
    for (int i = 0; i < 2; i++) {
        ics = calendar(others[i], NULL, true);
        cr_assert(entry_of(ics, "m1@dfnc", &e), "%s", ics);
        cr_assert_neq(e.st, ICAL_STATUS_CANCELLED, "%s keeps it: %s", others[i], ics);
        free(ics);
    }
    /* not the agenda page's list of cancelled meetings: she is no longer of it */
    struct buf b = BUF_INIT(0);
    ok(app_agenda_cancelled_json(s, "taras", &b, &err));
    cr_assert_str_eq(buf_str(&b), "[]");
    buf_free(&b);
    ok(store_request_add_attendee(s, "r1", "taras", &err));
    ics = calendar("taras", NULL, true);
    cr_assert(entry_of(ics, "m1@dfnc", &e), "%s", ics);
    cr_assert_neq(e.st, ICAL_STATUS_CANCELLED, "%s", ics);
    cr_assert_gt(e.seq, cancelled, "back above its cancellation: %s", ics);
    const char *uid = strstr(ics, "UID:m1@dfnc");
    cr_assert_null(strstr(uid + 1, "UID:m1@dfnc"), "one entry, not two: %s", ics);
    free(ics);
}
