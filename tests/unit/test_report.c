/* Unit tests of the organisers' report (src/app/report.c) over a small
 * hand-made forum in memory: participants by country, side (Norway on the
 * EU/EEA side), kind and SME; check-ins; requests by status; meetings and
 * EU-Ukraine ones; outcomes by country pair, a cancelled meeting's left
 * out, a meeting judged differently counted under both; meetings by
 * capability area (one side offers what the other needs) and by pair of
 * kinds; the CSV rows, which name no one and hold no note; and the
 * store's numbering of the rows it gives (store/report.h). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "app/checkin.h"
#include "app/outcomes.h"
#include "app/report.h"
#include "core/arena.h"
#include "store/day.h"
#include "store/report.h"
#include "store/store.h"

static struct store *s;
static struct df_err err;
/* When outcomes are said, Unix seconds: 2025-02-16T16:00+01:00, after the B2B. */
#define SAID_AT ((int64_t)1739718000)
/* The report's now: after the forum's day (2025-02-16) unless a test says. */
static long long now = 1740000000;   /* 2025-02-19T21:20:00Z */

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void org(const char *id, const char *country, const char *kind, bool sme)
{
    struct store_org o = {.id = id, .name = id, .country = country, .kind = kind, .sme = sme};
    ok(store_org_upsert(s, &o, NULL, &err));
}

static void person(const char *id, const char *org_id)
{
    struct store_person p = {.id = id, .org = org_id, .name = id};
    ok(store_person_upsert(s, &p, NULL, &err));
}

static void request(const char *id, const char *from, const char *to, const char *status,
                    const char *slot)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = status, .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    if (slot) {
        char mid[16];
        snprintf(mid, sizeof mid, "m-%s", id);
        struct store_meeting m = {.id = mid, .request = id, .slot = slot};
        ok(store_meeting_upsert(s, &m, &err));
    }
}

/* pl (Poland, an SME), de (Germany, research), no (Norway), ua (Ukraine,
 * an SME), us (the United States). anna (PL) meets olena (UA) in r1 and
 * r5 (asked the other way round), nils (NO) meets olena in r2, anna meets
 * karl (DE) in r3, joe (US) meets olena in r4; r6 pending, r7 declined. */
static void setup(void)
{
    ok(store_open(&s, ":memory:", &err));
    org("pl", "PL", "company", true);
    org("de", "DE", "research", false);
    org("no", "NO", "company", false);
    org("ua", "UA", "company", true);
    org("us", "US", "government", false);
    person("anna", "pl");
    person("piotr", "pl");
    person("karl", "de");
    person("nils", "no");
    person("olena", "ua");
    person("joe", "us");
    struct store_event e = {.id = "ev", .name = "DFNC2", .starts_on = "2025-02-16",
                            .ends_on = "2025-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s1", .event = "ev", .day = "2025-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2025-02-16T09:00:00+01:00",
                              .ends_at = "2025-02-16T15:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    for (int i = 0; i < 5; i++) {
        char id[8], from[32], to[32];
        snprintf(id, sizeof id, "t%d", i + 1);
        snprintf(from, sizeof from, "2025-02-16T1%d:00:00+01:00", i);
        snprintf(to, sizeof to, "2025-02-16T1%d:20:00+01:00", i);
        struct store_slot t = {.id = id, .session = "s1", .seq = i + 1, .starts_at = from,
                               .ends_at = to};
        ok(store_slot_upsert(s, &t, &err));
    }
    request("r1", "anna", "olena", "accepted", "t1");
    request("r2", "nils", "olena", "accepted", "t2");
    request("r3", "anna", "karl", "accepted", "t3");
    request("r4", "joe", "olena", "accepted", "t4");
    request("r5", "olena", "anna", "accepted", "t5");
    request("r6", "karl", "nils", "pending", NULL);
    request("r7", "piotr", "nils", "declined", NULL);
    struct arena a;
    arena_init(&a, 0);
    const char *at;
    /* at the desk on the forum's morning, 2025-02-16T08:30+01:00 */
    ok(app_checkin(s, "desk@x", "anna", 1739691000, &a, &at, &err));
    ok(app_checkin(s, "desk@x", "olena", 1739691000, &a, &at, &err));
    arena_free(&a);
}

static void teardown(void) { store_close(s); }

TestSuite(report, .init = setup, .fini = teardown);

static json_t *report(void)
{
    json_t *j = app_report_json(s, "ev", now, &err);
    cr_assert_not_null(j, "%s", err.msg);
    return j;
}

/* The element of list whose member key is value. */
static json_t *find(json_t *list, const char *key, const char *value)
{
    size_t i;
    json_t *x;
    json_array_foreach(list, i, x)
        if (strcmp(json_string_value(json_object_get(x, key)), value) == 0)
            return x;
    cr_assert_fail("no %s %s", key, value);
    return NULL;
}

static long long n(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_integer(v), "no figure %s", key);
    return (long long)json_integer_value(v);
}

Test(report, who_came_by_country_side_kind_and_sme)
{
    json_t *j = report(), *p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "organisations"), 5);
    cr_assert_eq(n(p, "people"), 6);
    cr_assert_eq(n(p, "checked_in"), 2);
    json_t *sme = json_object_get(p, "sme");
    cr_assert_eq(n(sme, "organisations"), 2);
    cr_assert_eq(n(sme, "people"), 3);
    /* Norway is on the EU/EEA side, as in the outcome figures */
    json_t *eu = find(json_object_get(p, "by_side"), "side", "eu_eea");
    cr_assert_eq(n(eu, "organisations"), 3);
    cr_assert_eq(n(eu, "people"), 4);
    cr_assert_eq(n(eu, "checked_in"), 1);
    cr_assert_eq(n(find(json_object_get(p, "by_side"), "side", "ukraine"), "people"), 1);
    cr_assert_eq(n(find(json_object_get(p, "by_side"), "side", "other"), "organisations"), 1);
    json_t *no = find(json_object_get(p, "by_country"), "country", "NO");
    cr_assert_str_eq(json_string_value(json_object_get(no, "side")), "eu_eea");
    cr_assert_eq(n(find(json_object_get(p, "by_country"), "country", "PL"), "people"), 2);
    cr_assert_eq(n(find(json_object_get(p, "by_kind"), "kind", "company"), "organisations"), 3);
    cr_assert_eq(n(find(json_object_get(p, "by_kind"), "kind", "research"), "people"), 1);
    json_decref(j);
}

/* Those with a meeting at the event: requester, addressee or attendee of an
 * accepted request with a meeting; piotr asked only to be declined. */
Test(report, who_met_at_the_event)
{
    json_t *j = report(), *p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "people_met"), 5);
    cr_assert_eq(n(p, "organisations_met"), 5);
    json_t *pl = find(json_object_get(p, "by_country"), "country", "PL");
    cr_assert_eq(n(pl, "people"), 2);
    cr_assert_eq(n(pl, "people_met"), 1);
    cr_assert_eq(n(pl, "organisations_met"), 1);
    json_decref(j);
    /* piotr joins anna's meeting; joe's is cancelled */
    ok(store_request_add_attendee(s, "r1", "piotr", &err));
    ok(store_request_set_status(s, "r4", "cancelled", &err));
    ok(store_meeting_delete_for_request(s, "r4", &err));
    j = report(), p = json_object_get(j, "participants");
    cr_assert_eq(n(find(json_object_get(p, "by_country"), "country", "PL"), "people_met"), 2);
    json_t *us = find(json_object_get(p, "by_country"), "country", "US");
    cr_assert_eq(n(us, "people_met"), 0);
    cr_assert_eq(n(us, "organisations_met"), 0);
    cr_assert_eq(n(p, "people_met"), 5);
    cr_assert_eq(n(json_object_get(p, "sme"), "people_met"), 3, "anna, piotr, olena");
    json_decref(j);
}

Test(report, requests_and_meetings)
{
    ok(store_request_cancel(s, "r4", "requester", &err));
    json_t *j = report(), *q = json_object_get(j, "requests"), *m = json_object_get(j, "meetings");
    cr_assert_eq(n(q, "made"), 7);
    cr_assert_eq(n(q, "accepted"), 4);
    cr_assert_eq(n(q, "pending"), 1);
    cr_assert_eq(n(q, "declined"), 1);
    cr_assert_eq(n(q, "cancelled"), 1);
    /* r4's meeting, if it stayed, is no meeting of a cancelled request */
    cr_assert_eq(n(m, "scheduled"), 4);
    cr_assert_eq(n(m, "published"), 0);
    cr_assert_eq(n(m, "eu_ua"), 3);   /* r1, r5 (PL-UA), r2 (NO-UA) */
    json_decref(j);
    ok(store_event_set_published(s, "ev", true, &err));
    j = report();
    cr_assert_eq(n(json_object_get(j, "meetings"), "published"), 4);
    cr_assert(json_is_true(json_object_get(json_object_get(j, "event"), "published")));
    json_decref(j);
}

Test(report, outcomes_by_country_pair)
{
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", "a private note", SAID_AT, &err));
    /* r1's two sides judged it differently: it counts under both */
    ok(app_outcome_set(s, "o@x", "olena", "r1", "agreement", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r5", "follow_up", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "n@x", "nils", "r2", "no_fit", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "j@x", "joe", "r4", "purchase", NULL, SAID_AT, &err));
    /* r4 cancelled since: its outcome is no longer counted */
    ok(store_request_cancel(s, "r4", "organiser", &err));
    json_t *j = report(), *o = json_object_get(j, "outcomes");
    cr_assert_eq(n(o, "meetings"), 4);
    cr_assert_eq(n(o, "reported"), 3);
    cr_assert_eq(n(json_object_get(o, "eu_ua"), "reported"), 3);
    json_t *by = json_object_get(o, "by_outcome");
    cr_assert_eq(n(find(by, "outcome", "follow_up"), "meetings"), 2);
    cr_assert_eq(n(find(by, "outcome", "agreement"), "meetings"), 1);
    cr_assert_eq(n(find(by, "outcome", "no_fit"), "eu_ua"), 1);
    cr_assert_eq(n(find(by, "outcome", "purchase"), "meetings"), 0);
    /* r1 (PL to UA) and r5 (UA to PL) are one pair, Ukraine's code last */
    json_t *pairs = json_object_get(j, "pairs"), *pl = find(pairs, "pair", "PL-UA");
    cr_assert_eq(json_array_get(pairs, 0), pl, "the pair with the most meetings first");
    cr_assert(json_is_true(json_object_get(pl, "eu_ua")));
    cr_assert_eq(n(pl, "meetings"), 2);
    cr_assert_eq(n(pl, "reported"), 2);
    cr_assert_eq(n(pl, "follow_up"), 2);
    cr_assert_eq(n(pl, "agreement"), 1);
    cr_assert(json_is_true(json_object_get(find(pairs, "pair", "NO-UA"), "eu_ua")));
    cr_assert(json_is_false(json_object_get(find(pairs, "pair", "DE-PL"), "eu_ua")));
    cr_assert_eq(json_array_size(pairs), 3, "US-UA's only meeting was cancelled");
    json_decref(j);
}

/* Meetings that took place: begun by the report's now, and held by what
 * dfnc knows. anna and olena checked in (setup): r1 (10:00) and r5 (14:00)
 * are theirs; nils, karl and joe never came to the desk. */
Test(report, meetings_held_by_who_came_and_what_was_said)
{
    now = 1739694600;   /* 2025-02-16T09:30:00+01:00: none has begun */
    json_t *j = report(), *m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "begun"), 0);
    cr_assert_eq(n(m, "held"), 0);
    json_decref(j);
    now = 1739709000;   /* 13:30: r1, r2, r3 and r4 have begun */
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "begun"), 4);
    cr_assert_eq(n(m, "held"), 1, "r1 alone: both its sides checked in");
    cr_assert_eq(n(m, "held_eu_ua"), 1);
    json_decref(j);
    now = 1740000000;   /* days after */
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "begun"), 5);
    cr_assert_eq(n(m, "held"), 2, "r1 and r5");
    json_decref(j);
    /* nils never checked in, but says what r2 led to: it took place */
    ok(app_outcome_set(s, "n@x", "nils", "r2", "follow_up", NULL, SAID_AT, &err));
    /* anna told the desk olena was not at r5's table */
    struct arena a;
    arena_init(&a, 0);
    const char *id;
    ok(store_absence_report(s, "r5", "anna", &a, &id, &err));
    arena_free(&a);
    /* olena says r1 was not held, though anna says it led somewhere */
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r1", "not_held", NULL, SAID_AT, &err));
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "held"), 1, "r2 alone");
    cr_assert_eq(n(m, "held_eu_ua"), 1, "NO-UA");
    json_decref(j);
    /* olena, at the desk late, says r5 led to a purchase: it took place after all */
    ok(app_outcome_set(s, "o@x", "olena", "r5", "purchase", NULL, SAID_AT, &err));
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "held"), 2);
    cr_assert_eq(n(m, "scheduled"), 5, "held is of the scheduled, which stay");
    json_decref(j);
}

/* A forum of two days checks its people in each morning: a meeting of the
 * second day was held when its people came that day, whatever the first. */
Test(report, a_meeting_is_held_when_its_people_came_on_its_day)
{
    struct store_event e = {.id = "ev", .name = "DFNC2", .starts_on = "2025-02-16",
                            .ends_on = "2025-02-17"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s2", .event = "ev", .day = "2025-02-17", .name = "B2B 2",
                              .kind = "b2b", .starts_at = "2025-02-17T09:00:00+01:00",
                              .ends_at = "2025-02-17T15:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t = {.id = "d2", .session = "s2", .seq = 6,
                           .starts_at = "2025-02-17T10:00:00+01:00",
                           .ends_at = "2025-02-17T10:20:00+01:00"};
    ok(store_slot_upsert(s, &t, &err));
    request("r8", "olena", "anna", "accepted", "d2");
    json_t *j = report(), *m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "begun"), 6);
    cr_assert_eq(n(m, "held"), 2, "r1 and r5 of day one; not r8: nobody came on day two");
    cr_assert_eq(n(json_object_get(j, "participants"), "checked_in"), 2);
    json_t *days = json_object_get(json_object_get(j, "participants"), "arrivals");
    cr_assert_eq(n(json_array_get(days, 1), "people"), 0, "a day nobody came is said 0");
    json_decref(j);
    struct arena a;
    arena_init(&a, 0);
    const char *at;
    ok(app_checkin(s, "desk@x", "anna", 1739777400, &a, &at, &err));   /* 17th, 08:30 */
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "held"), 2, "olena did not come on day two");
    json_decref(j);
    ok(app_checkin(s, "desk@x", "olena", 1739777400, &a, &at, &err));
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "held"), 3, "r8 too: both came on its day");
    json_t *p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "checked_in"), 2, "people who came, each once whatever the days");
    days = json_object_get(p, "arrivals");
    cr_assert_eq(json_array_size(days), 2, "each of the event's days");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(days, 1), "day")),
                     "2025-02-17");
    cr_assert_eq(n(json_array_get(days, 0), "people"), 2);
    cr_assert_eq(n(json_array_get(days, 1), "people"), 2);
    json_decref(j);
    /* anna's day-one arrival taken back: day one's meetings of hers were not held */
    ok(app_checkin_undo(s, "desk@x", "anna", 1739694600, &err));
    j = report(), m = json_object_get(j, "meetings");
    cr_assert_eq(n(m, "held"), 1, "r8 alone");
    json_decref(j);
    arena_free(&a);
}

/* The report's event counts who came on its days: karl, checked in at last
 * year's forum (kept in the same database), did not come to this one. */
Test(report, who_checked_in_is_of_the_events_days)
{
    struct arena a;
    arena_init(&a, 0);
    const char *at;
    ok(app_checkin(s, "desk@x", "karl", 1708068600, &a, &at, &err));   /* 2024-02-16 */
    arena_free(&a);
    json_t *j = report(), *p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "checked_in"), 2, "anna and olena; not karl's day of another year");
    cr_assert_eq(n(find(json_object_get(p, "by_country"), "country", "DE"), "checked_in"), 0,
                 "karl's Germany");
    json_decref(j);
}

/* Who met in a meeting that took place, by person and organisation, each
 * once however many such meetings they had. Days after the forum, r1 and r5
 * (anna and olena, both checked in) were held, r2, r3 and r4 not (nils,
 * karl and joe never came to the desk). */
Test(report, who_met_in_a_meeting_held)
{
    json_t *j = report(), *p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "people_met"), 5, "scheduled: anna, olena, nils, karl, joe");
    cr_assert_eq(n(p, "people_held"), 2, "anna and olena, once each for r1 and r5");
    cr_assert_eq(n(p, "organisations_held"), 2, "pl and ua");
    cr_assert_eq(n(json_object_get(p, "sme"), "people_held"), 2);
    json_t *by = json_object_get(p, "by_side");
    cr_assert_eq(n(find(by, "side", "ukraine"), "people_held"), 1);
    cr_assert_eq(n(find(by, "side", "eu_eea"), "organisations_held"), 1);
    cr_assert_eq(n(find(json_object_get(p, "by_country"), "country", "NO"), "people_held"), 0);
    json_decref(j);
    /* piotr joins anna and olena's r1; nils says what r2 led to: it took place */
    ok(store_request_add_attendee(s, "r1", "piotr", &err));
    ok(app_outcome_set(s, "n@x", "nils", "r2", "follow_up", NULL, SAID_AT, &err));
    j = report(), p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "people_held"), 4, "anna, piotr, olena, nils");
    cr_assert_eq(n(p, "organisations_held"), 3, "pl once for anna and piotr, ua, no");
    json_t *pl = find(json_object_get(p, "by_country"), "country", "PL");
    cr_assert_eq(n(pl, "people_held"), 2);
    cr_assert_eq(n(pl, "organisations_held"), 1);
    cr_assert_eq(n(find(json_object_get(p, "by_kind"), "kind", "company"), "organisations_held"), 3);
    json_decref(j);
    /* olena says r1 and r5 were not held: only nils and olena's r2 is left */
    ok(app_outcome_set(s, "o@x", "olena", "r1", "not_held", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r5", "not_held", NULL, SAID_AT, &err));
    j = report(), p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "people_held"), 2, "nils and olena");
    cr_assert_eq(n(find(json_object_get(p, "by_country"), "country", "PL"), "people_held"), 0);
    json_decref(j);
    /* before any meeting began nobody met in one held */
    now = 1739694600;
    j = report(), p = json_object_get(j, "participants");
    cr_assert_eq(n(p, "people_held"), 0);
    cr_assert_eq(n(p, "organisations_held"), 0);
    json_decref(j);
    now = 1740000000;
}

/* The report as one string, for comparing two (caller frees). */
static char *report_text(long long at)
{
    json_t *j = app_report_json(s, "ev", at, &err);
    cr_assert_not_null(j, "%s", err.msg);
    char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(j);
    return text;
}

/* The clock's mark, by which the server keeps a report between two asks:
 * the same while no slot begins (and then the same report), another once
 * one does (and the report's begun moves with it), with no commit between. */
Test(report, clock_mark_moves_when_a_meeting_begins)
{
    /* 11:30 and 11:59:59 (+01:00): t1 and t2 begun; 12:00: t3 (r3) begins */
    long long half_past = 1739701800, just_before = 1739703599, t3 = 1739703600;
    long long m1 = app_report_clock_mark(s, half_past, &err);
    cr_assert_geq(m1, 0, "%s", err.msg);
    cr_assert_eq(app_report_clock_mark(s, just_before, &err), m1, "no slot begins meanwhile");
    char *a = report_text(half_past), *b = report_text(just_before);
    cr_assert_str_eq(a, b, "the same mark, the same report");
    free(b);
    cr_assert_neq(app_report_clock_mark(s, t3, &err), m1, "t3 begins");
    b = report_text(t3);
    cr_assert_str_neq(a, b, "and the report counts it begun");
    free(a);
    free(b);
}

/* The report written as CSV into a string (caller frees). */
static char *csv(void)
{
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    int rows = 0;
    ok(app_report_write(s, "ev", now, APP_EXPORT_CSV, out, &rows, &err));
    fclose(out);
    cr_assert_gt(rows, 20);
    return data;
}

Test(report, csv_rows_count_and_name_no_one)
{
    char *text = csv();
    cr_assert(strstr(text, "outcomes,all,reported,0\n"), "%s", text);
    cr_assert_null(strstr(text, "outcome,follow_up"), "no empty outcome rows yet");
    free(text);
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", "=HYPERLINK(\"x\") secret", SAID_AT, &err));
    text = csv();
    cr_assert(strncmp(text, "section,key,figure,value\n", 25) == 0, "%s", text);
    cr_assert(strstr(text, "\npair,PL-UA,meetings,2\n"), "%s", text);
    cr_assert(strstr(text, "\npair,PL-UA,follow_up,1\n"), "%s", text);
    cr_assert(strstr(text, "\nside,eu_eea,organisations,3\n"), "%s", text);
    cr_assert(strstr(text, "\nrequests,all,made,7\n"), "%s", text);
    cr_assert_null(strstr(text, "secret"));
    cr_assert_null(strstr(text, "anna"));
    cr_assert_null(strstr(text, "olena"));
    free(text);
}

static void capability(const char *org_id, const char *direction, const char *cpv,
                       int confidential)
{
    struct store_capability c = {.org = org_id, .direction = direction, .cpv = cpv,
                                 .title = cpv, .confidential = confidential};
    ok(store_capability_upsert(s, &c, NULL, &err));
}

/* pl offers drones (356) and medical consumables (33), needs ammunition
 * (353); ua offers ammunition parts and needs combat drones; de needs
 * medical equipment (33, another group than pl's offer); no needs EW (357)
 * nobody offers; us needs ammunition parts, but in confidence. So r1 and r5
 * (PL-UA) count in 353 and 356, r3 (PL-DE) in 33, r2 (NO-UA) and r4
 * (US-UA) under "other". */
static void capabilities(void)
{
    capability("pl", "offer", "35613000-4", 0);
    capability("pl", "offer", "33140000-3", 0);
    capability("pl", "need", "35331000-3", 0);
    capability("ua", "offer", "35340000-9", 0);
    capability("ua", "need", "35613100-5", 0);
    capability("de", "need", "33100000-1", 0);
    capability("de", "offer", "35613000-4", 0);   /* pl offers it too: no match */
    capability("no", "need", "35730000-0", 0);
    capability("us", "need", "35340000-9", 1);
}

Test(report, meetings_by_capability_area)
{
    capabilities();
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r1", "agreement", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r5", "purchase", NULL, SAID_AT, &err));
    ok(app_outcome_set(s, "n@x", "nils", "r2", "no_fit", NULL, SAID_AT, &err));
    json_t *j = report(), *areas = json_object_get(j, "areas");
    cr_assert_eq(json_array_size(areas), 4, "353, 356, 33 and other");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(areas, 0), "area")), "353");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(areas, 3), "area")),
                     "other", "other comes last");
    json_t *drones = find(areas, "area", "356");
    cr_assert_str_eq(json_string_value(json_object_get(drones, "name_en")),
                     "military aircraft, drones and missiles");
    cr_assert_str_eq(json_string_value(json_object_get(drones, "name_uk")),
                     "військові літаки, дрони та ракети");
    cr_assert_eq(n(drones, "meetings"), 2, "r1 and r5, whoever asked");
    cr_assert_eq(n(drones, "held"), 2, "anna and olena came");
    cr_assert_eq(n(drones, "reported"), 2);
    cr_assert_eq(n(drones, "led"), 2);
    cr_assert_eq(n(drones, "follow_up"), 1);
    cr_assert_eq(n(drones, "agreement"), 1);
    cr_assert_eq(n(drones, "purchase"), 1);
    cr_assert_eq(n(drones, "joint_project"), 0);
    json_t *eu_ua = json_object_get(drones, "eu_ua");
    cr_assert_eq(n(eu_ua, "meetings"), 2);
    cr_assert_eq(n(eu_ua, "held"), 2);
    cr_assert_eq(n(eu_ua, "led"), 2);
    cr_assert_eq(n(find(areas, "area", "353"), "meetings"), 2, "the same meetings, also here");
    json_t *medical = find(areas, "area", "33");
    cr_assert_eq(n(medical, "meetings"), 1, "r3: 33140000 lies in 33100000's division");
    cr_assert_eq(n(json_object_get(medical, "eu_ua"), "meetings"), 0, "PL-DE");
    cr_assert_eq(n(medical, "led"), 0);
    json_t *other = find(areas, "area", "other");
    cr_assert_eq(n(other, "meetings"), 2, "r2: nobody offers EW; r4: a confidential need");
    cr_assert_eq(n(json_object_get(other, "eu_ua"), "meetings"), 1, "NO-UA, not US-UA");
    cr_assert_eq(n(other, "held"), 1, "r2: nils said how it went");
    cr_assert_eq(n(other, "reported"), 1);
    cr_assert_eq(n(other, "led"), 0, "no fit leads nowhere");
    cr_assert(json_is_null(json_object_get(other, "name_en")));
    json_t *kinds = json_object_get(j, "kind_pairs");
    cr_assert_eq(json_array_size(kinds), 3);
    cr_assert_eq(n(find(kinds, "kinds", "company-company"), "meetings"), 3);
    cr_assert_eq(n(find(kinds, "kinds", "company-company"), "led"), 2);
    cr_assert_eq(n(find(kinds, "kinds", "company-research"), "meetings"), 1);
    cr_assert_eq(n(find(kinds, "kinds", "company-government"), "meetings"), 1,
                 "government-company reads as one");
    json_decref(j);
}

/* An area dfnc has no name of is named by the classifier's labels, once
 * imported; a meeting without any offer or need is "other". */
Test(report, an_area_named_by_the_classifier)
{
    json_t *j = report(), *areas = json_object_get(j, "areas");
    cr_assert_eq(json_array_size(areas), 1);
    cr_assert_eq(n(find(areas, "area", "other"), "meetings"), 5, "no offers, no needs");
    json_decref(j);
    capability("pl", "offer", "45210000-2", 0);
    capability("de", "need", "45000000-7", 0);
    j = report();
    json_t *building = find(json_object_get(j, "areas"), "area", "45");
    cr_assert(json_is_null(json_object_get(building, "name_en")), "no classifier loaded");
    json_decref(j);
    ok(store_cpv_upsert(s, "45000000-7", "Construction work", "Будівельні роботи", NULL, &err));
    j = report();
    building = find(json_object_get(j, "areas"), "area", "45");
    cr_assert_str_eq(json_string_value(json_object_get(building, "name_en")), "Construction work");
    cr_assert_str_eq(json_string_value(json_object_get(building, "name_uk")), "Будівельні роботи");
    cr_assert_eq(n(building, "meetings"), 1);
    json_decref(j);
}

Test(report, csv_rows_of_the_areas)
{
    capabilities();
    char *text = csv();
    cr_assert(strstr(text, "\narea,353,name_en,weapons and ammunition\n"), "%s", text);
    cr_assert(strstr(text, "\narea,353,name_uk,зброя та боєприпаси\n"), "%s", text);
    cr_assert(strstr(text, "\narea,356,meetings,2\n"), "%s", text);
    cr_assert(strstr(text, "\narea,356,eu_ua,2\n"), "%s", text);
    cr_assert(strstr(text, "\narea,other,meetings,2\n"), "%s", text);
    cr_assert(strstr(text, "\nkind_pair,company-company,meetings,3\n"), "%s", text);
    cr_assert_null(strstr(text, "area,356,led"), "no outcome rows before any outcome");
    free(text);
    ok(app_outcome_set(s, "o@x", "olena", "r5", "purchase", NULL, SAID_AT, &err));
    text = csv();
    cr_assert(strstr(text, "\narea,356,led,1\n"), "%s", text);
    cr_assert(strstr(text, "\narea,356,led_eu_ua,1\n"), "%s", text);
    cr_assert(strstr(text, "\narea,356,purchase,1\n"), "%s", text);
    cr_assert(strstr(text, "\narea,33,led,0\n"), "%s", text);
    cr_assert(strstr(text, "\nkind_pair,company-company,purchase,1\n"), "%s", text);
    free(text);
}

Test(report, an_unknown_event)
{
    cr_assert_null(app_report_json(s, "nope", now, &err));
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "no event \"nope\""), "%s", err.msg);
}

/* ---- the store's numbering (store/report.h): no rowid reaches the app ---------- */

struct walked {
    int orgs[8], orgs_n;          /* each organisation's number, as given */
    int people[8][2], people_n;   /* each person's number and her organisation's */
    int meetings[8][3], meetings_n;   /* each meeting's number, requester's, addressee's */
    int came[8], came_n;          /* each check-in's person */
    int marks[8][2], marks_n;     /* each mark's meeting and person */
};

static int walked_org(void *ud, const struct store_report_org *o)
{
    struct walked *w = ud;
    w->orgs[w->orgs_n++] = o->i;
    return 0;
}

static int walked_person(void *ud, const struct store_report_person *p)
{
    struct walked *w = ud;
    w->people[w->people_n][0] = p->i;
    w->people[w->people_n++][1] = p->org;
    return 0;
}

static int walked_came(void *ud, int person, const char *day)
{
    struct walked *w = ud;
    (void)day;
    w->came[w->came_n++] = person;
    return 0;
}

static int walked_meeting(void *ud, const struct store_report_meeting *m)
{
    struct walked *w = ud;
    w->meetings[w->meetings_n][0] = m->i;
    w->meetings[w->meetings_n][1] = m->from;
    w->meetings[w->meetings_n++][2] = m->to;
    return 0;
}

static int walked_mark(void *ud, int meeting, int other, const char *text)
{
    struct walked *w = ud;
    (void)text;
    w->marks[w->marks_n][0] = meeting;
    w->marks[w->marks_n++][1] = other;
    return 0;
}

Test(report, the_store_numbers_what_it_gives_and_refers_by_those)
{
    /* another event's meeting, with an attendee: none of this event's */
    struct store_event e = {.id = "ev0", .name = "DFNC1", .starts_on = "2024-02-16",
                            .ends_on = "2024-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s0", .event = "ev0", .day = "2024-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2024-02-16T09:00:00+01:00",
                              .ends_at = "2024-02-16T15:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t = {.id = "t0", .session = "s0", .seq = 1,
                           .starts_at = "2024-02-16T10:00:00+01:00",
                           .ends_at = "2024-02-16T10:20:00+01:00"};
    ok(store_slot_upsert(s, &t, &err));
    struct store_request q = {.id = "r0", .event = "ev0", .from = "karl", .to = "joe",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &q, NULL, &err));
    struct store_meeting m0 = {.id = "m-r0", .request = "r0", .slot = "t0"};
    ok(store_meeting_upsert(s, &m0, &err));
    ok(store_request_add_attendee(s, "r0", "piotr", &err));
    ok(store_request_add_attendee(s, "r3", "piotr", &err));

    struct store_report_ids *ids = store_report_ids_new();
    cr_assert_not_null(ids);
    struct walked w = {0};
    ok(store_report_orgs_each(s, ids, walked_org, &w, &err));
    ok(store_report_people_each(s, ids, walked_person, &w, &err));
    ok(store_report_came_each(s, ids, walked_came, &w, &err));
    ok(store_report_meetings_each(s, ids, "ev", 1739704200, walked_meeting, &w, &err));
    ok(store_report_marks_each(s, ids, STORE_REPORT_ATTENDEE, walked_mark, &w, &err));
    store_report_ids_free(ids);

    /* pl, de, no, ua, us: 0..4 in the order given */
    cr_assert_eq(w.orgs_n, 5);
    for (int i = 0; i < w.orgs_n; i++)
        cr_assert_eq(w.orgs[i], i);
    /* anna, piotr (pl), karl (de), nils (no), olena (ua), joe (us) */
    static const int people[][2] = {{0, 0}, {1, 0}, {2, 1}, {3, 2}, {4, 3}, {5, 4}};
    cr_assert_eq(w.people_n, 6);
    for (int i = 0; i < 6; i++)
        cr_assert(w.people[i][0] == people[i][0] && w.people[i][1] == people[i][1],
                  "person %d: %d of %d", i, w.people[i][0], w.people[i][1]);
    /* anna and olena checked in */
    cr_assert(w.came_n == 2 && w.came[0] == 0 && w.came[1] == 4);
    /* r1 anna-olena, r2 nils-olena, r3 anna-karl, r4 joe-olena, r5 olena-anna;
     * not r0 (ev0) */
    static const int meetings[][3] = {{0, 0, 4}, {1, 3, 4}, {2, 0, 2}, {3, 5, 4}, {4, 4, 0}};
    cr_assert_eq(w.meetings_n, 5);
    for (int i = 0; i < 5; i++)
        cr_assert(w.meetings[i][0] == meetings[i][0] && w.meetings[i][1] == meetings[i][1] &&
                      w.meetings[i][2] == meetings[i][2],
                  "meeting %d: %d, %d-%d", i, w.meetings[i][0], w.meetings[i][1],
                  w.meetings[i][2]);
    /* piotr attends r3 (meeting 2); his r0 is of ev0, left out */
    cr_assert_eq(w.marks_n, 1);
    cr_assert(w.marks[0][0] == 2 && w.marks[0][1] == 1);
}

static int begun_meeting(void *ud, const struct store_report_meeting *m)
{
    unsigned *begun = ud;
    *begun |= (unsigned)m->begun << m->i;
    return 0;
}

Test(report, a_meeting_is_begun_when_its_slot_is_by_now)
{
    struct store_report_ids *ids = store_report_ids_new();
    cr_assert_not_null(ids);
    struct walked w = {0};
    unsigned begun = 0;
    ok(store_report_orgs_each(s, ids, walked_org, &w, &err));
    ok(store_report_people_each(s, ids, walked_person, &w, &err));
    /* 2025-02-16T12:10+01:00: t1 to t3 begun (r1 to r3), t4 and t5 not */
    ok(store_report_meetings_each(s, ids, "ev", 1739704200, begun_meeting, &begun, &err));
    store_report_ids_free(ids);
    cr_assert_eq(begun, 0x7u, "%#x", begun);
}
