/* Unit tests of a person's availability (src/app/availability.c) over an
 * in-memory store: setting, replacing and clearing the away slots, the
 * meetings a save leaves in them, the refusals (another event's slot, an
 * unknown person or event) that change nothing, and the audit line. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/availability.h"
#include "app/forum_day.h"
#include "store/store.h"

static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void slot(const char *id, const char *session, int seq, const char *from, const char *to)
{
    struct store_slot t = {.id = id, .session = session, .seq = seq, .starts_at = from, .ends_at = to};
    ok(store_slot_upsert(s, &t, &err));
}

static void session(const char *id, const char *event, const char *kind, const char *day)
{
    struct store_session x = {.id = id, .event = event, .day = day, .name = id, .kind = kind,
                              .starts_at = "2027-02-16T09:00:00+01:00",
                              .ends_at = "2027-02-16T12:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
}

/* Event ev: B2B slots t1, t2 (day one), t3 (day two) and a plenary slot p1;
 * event ev2: B2B slot u1. anna meets olena in t1 (request r1). */
static void setup(void)
{
    arena_init(&a, 0);
    ok(store_open(&s, ":memory:", &err));
    struct store_org o = {.id = "eu", .name = "Acme GmbH", .country = "DE", .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    const char *people[][2] = {{"anna", "Anna"}, {"olena", "Олена"}};
    for (int i = 0; i < 2; i++) {
        struct store_person p = {.id = people[i][0], .org = "eu", .name = people[i][1]};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "DFNC2", .starts_on = "2027-02-16",
                            .ends_on = "2027-02-17"};
    struct store_event e2 = {.id = "ev2", .name = "Follow-up", .starts_on = "2027-05-11",
                             .ends_on = "2027-05-11"};
    ok(store_event_upsert(s, &e, NULL, &err));
    ok(store_event_upsert(s, &e2, NULL, &err));
    session("s1", "ev", "b2b", "2027-02-16");
    session("s2", "ev", "conference", "2027-02-17");
    session("s3", "ev", "b2b", "2027-02-17");
    session("s9", "ev2", "b2b", "2027-05-11");
    slot("t1", "s1", 1, "2027-02-16T10:00:00+01:00", "2027-02-16T10:20:00+01:00");
    slot("t2", "s1", 2, "2027-02-16T10:20:00+01:00", "2027-02-16T10:40:00+01:00");
    slot("p1", "s2", 3, "2027-02-17T09:00:00+01:00", "2027-02-17T10:00:00+01:00");
    slot("t3", "s3", 4, "2027-02-17T11:00:00+01:00", "2027-02-17T11:20:00+01:00");
    slot("u1", "s9", 1, "2027-05-11T10:00:00+01:00", "2027-05-11T10:20:00+01:00");
    struct store_location l = {.id = "l1", .event = "ev", .name = "Table 1"};
    ok(store_location_upsert(s, &l, &err));
    struct store_request r = {.id = "r1", .event = "ev", .from = "anna", .to = "olena",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    struct store_meeting m = {.id = "m1", .request = "r1", .slot = "t1", .location = "l1"};
    ok(store_meeting_upsert(s, &m, &err));
}

static void teardown(void)
{
    store_close(s);
    arena_free(&a);
}

TestSuite(availability, .init = setup, .fini = teardown);

/* The person's away slots at event, as "t1,t3" (the slots in time order). */
static const char *away_at(const char *person, const char *event)
{
    static char out[128];
    struct app_availability av;
    ok(app_availability_get(s, person, event, &a, &av, &err));
    out[0] = '\0';
    for (int i = 0; i < av.slots_n; i++)
        if (!av.slots[i].available)
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", *out ? "," : "",
                     av.slots[i].id);
    return out;
}

static int set(const char *actor, const char *person, const char *event,
               const char *const *away, int n, struct app_availability *out)
{
    memset(&err, 0, sizeof err);
    return app_availability_set(s, actor, APP_AVAIL_BY_PERSON, person, event, away, n, &a, out,
                                &err);
}

/* Who set each of person's away slots at ev, as "t1=person,t3=organiser". */
static const char *setters(const char *person)
{
    static char out[128];
    struct app_availability av;
    ok(app_availability_get(s, person, "ev", &a, &av, &err));
    out[0] = '\0';
    for (int i = 0; i < av.slots_n; i++) {
        cr_assert(av.slots[i].available == !av.slots[i].set_by, "%s: set_by with away only",
                  av.slots[i].id);
        if (!av.slots[i].available)
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s=%s", *out ? "," : "",
                     av.slots[i].id, av.slots[i].set_by);
    }
    return out;
}

static void set_by(enum app_avail_setter by, const char *person, const char *const *away, int n)
{
    struct app_availability av;
    memset(&err, 0, sizeof err);
    ok(app_availability_set(s, "someone@x.test", by, person, "ev", away, n, &a, &av, &err));
    for (int i = 0; i < av.slots_n; i++)
        cr_assert(av.slots[i].available || av.slots[i].set_by, "the reply says who too");
}

/* Each away slot keeps who set it: the person's stay the person's when an
 * organiser adds one, an import's new ones are the import's, and a slot
 * freed and set again is the new setter's. */
Test(availability, each_away_slot_says_who_set_it)
{
    const char *t2[] = {"t2"}, *t2t3[] = {"t2", "t3"}, *t1t3[] = {"t1", "t3"};
    set_by(APP_AVAIL_BY_PERSON, "anna", t2, 1);
    cr_assert_str_eq(setters("anna"), "t2=person");
    set_by(APP_AVAIL_BY_ORGANISER, "anna", t2t3, 2);
    cr_assert_str_eq(setters("anna"), "t2=person,t3=organiser");
    set_by(APP_AVAIL_BY_IMPORT, "anna", t1t3, 2);
    cr_assert_str_eq(setters("anna"), "t1=import,t3=organiser", "t2 freed, t1 the import's");
    set_by(APP_AVAIL_BY_PERSON, "anna", t2t3, 2);
    cr_assert_str_eq(setters("anna"), "t2=person,t3=organiser");
    /* another person's slots are their own */
    set_by(APP_AVAIL_BY_ORGANISER, "olena", t2, 1);
    cr_assert_str_eq(setters("olena"), "t2=organiser");
    cr_assert_str_eq(setters("anna"), "t2=person,t3=organiser");
}

Test(availability, lists_the_events_b2b_slots_in_time_order_all_free_at_first)
{
    struct app_availability av;
    ok(app_availability_get(s, "anna", "ev", &a, &av, &err));
    cr_assert_str_eq(av.person, "anna");
    cr_assert_str_eq(av.event, "ev");
    cr_assert_not(av.published);
    cr_assert_eq(av.slots_n, 3, "the plenary slot is no B2B slot: %d", av.slots_n);
    const char *want[] = {"t1", "t2", "t3"};
    for (int i = 0; i < 3; i++) {
        cr_assert_str_eq(av.slots[i].id, want[i]);
        cr_assert(av.slots[i].available, "%s", want[i]);
    }
    cr_assert_str_eq(av.slots[2].day, "2027-02-17");
    cr_assert_str_eq(av.slots[2].session, "s3");
    cr_assert_str_eq(av.slots[0].starts_at, "2027-02-16T10:00:00+01:00");
    cr_assert_str_eq(av.slots[0].ends_at, "2027-02-16T10:20:00+01:00");
}

/* The API names the forum's event (app_forum_event) when the caller names none. */
Test(availability, no_event_named_is_the_forums_event)
{
    struct app_availability av;
    const char *event = app_forum_event(s, (long long)time(NULL), &a, &err);
    cr_assert_str_eq(event, "ev", "%s", err.msg);
    ok(app_availability_get(s, "anna", event, &a, &av, &err));
    cr_assert_str_eq(av.event, "ev");
    const char *away[] = {"t2"};
    ok(set(NULL, "anna", event, away, 1, &av));
    cr_assert_str_eq(away_at("anna", "ev"), "t2");
}

Test(availability, set_then_replace_then_clear)
{
    struct app_availability av;
    const char *first[] = {"t2", "t3", "t2"};   /* a duplicate collapses */
    ok(set("org@dfnc.test", "anna", "ev", first, 3, &av));
    cr_assert_str_eq(away_at("anna", "ev"), "t2,t3");
    cr_assert_eq(av.conflicts_n, 0, "no meeting of anna's in t2 or t3");
    /* a new set replaces the old one whole */
    const char *second[] = {"t1"};
    ok(set("org@dfnc.test", "anna", "ev", second, 1, &av));
    cr_assert_str_eq(away_at("anna", "ev"), "t1");
    cr_assert_str_eq(away_at("olena", "ev"), "", "another person's availability is their own");
    /* the meeting already in t1 stays there, named in the reply */
    cr_assert_eq(av.conflicts_n, 1);
    cr_assert_str_eq(av.conflicts[0].request, "r1");
    cr_assert_str_eq(av.conflicts[0].slot, "t1");
    cr_assert_str_eq(av.conflicts[0].with, "olena");
    cr_assert_str_eq(av.conflicts[0].with_name, "Олена");
    cr_assert_str_eq(av.conflicts[0].starts_at, "2027-02-16T10:00:00+01:00");
    ok(set("org@dfnc.test", "anna", "ev", NULL, 0, &av));
    cr_assert_str_eq(away_at("anna", "ev"), "");
    cr_assert_eq(av.conflicts_n, 0);
}

Test(availability, another_events_availability_stays)
{
    struct app_availability av;
    const char *there[] = {"u1"}, *here[] = {"t3"};
    ok(set(NULL, "anna", "ev2", there, 1, &av));
    ok(set(NULL, "anna", "ev", here, 1, &av));
    ok(set(NULL, "anna", "ev", NULL, 0, &av));
    cr_assert_str_eq(away_at("anna", "ev2"), "u1", "clearing ev left ev2's");
}

Test(availability, a_slot_of_another_event_is_refused_and_nothing_changes)
{
    struct app_availability av;
    const char *before[] = {"t3"};
    ok(set(NULL, "anna", "ev", before, 1, &av));
    const char *bad[] = {"t2", "u1"};
    cr_assert_eq(set("org@dfnc.test", "anna", "ev", bad, 2, &av), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "\"u1\" is not a B2B slot of event \"ev\""), "%s", err.msg);
    cr_assert_str_eq(away_at("anna", "ev"), "t3", "the refused set wrote nothing, not even t2");
    /* nor is a plenary slot of the event itself one to be away from */
    const char *plenary[] = {"p1"};
    cr_assert_eq(set(NULL, "anna", "ev", plenary, 1, &av), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "\"p1\""), "%s", err.msg);
    /* more ids than the event has slots: said before any is looked at */
    const char *many[] = {"t1", "t2", "t3", "t1"};
    cr_assert_eq(set(NULL, "anna", "ev", many, 4, &av), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "4 slot ids, but event \"ev\" has 3 B2B slots"), "%s", err.msg);
    cr_assert_str_eq(away_at("anna", "ev"), "t3");
}

Test(availability, an_unknown_person_or_event_is_not_found)
{
    struct app_availability av;
    const char *away[] = {"t1"};
    cr_assert_eq(set("org@dfnc.test", "nobody", "ev", away, 1, &av), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "nobody"), "the message names the person: %s", err.msg);
    cr_assert_eq(set("org@dfnc.test", "anna", "ev-none", away, 1, &av), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "ev-none"), "%s", err.msg);
    memset(&err, 0, sizeof err);
    cr_assert_eq(app_availability_get(s, "nobody", "ev", &a, &av, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(store_audit_count(s, &err), 0, "a refusal writes no audit line");
}

/* How many audit lines say exactly this (each removed as it is counted). */
static int64_t audit_lines(const char *actor, const char *person, const char *detail)
{
    int64_t before = store_audit_count(s, &err);
    char sql[512];
    snprintf(sql, sizeof sql,
             "DELETE FROM audit_log WHERE actor = '%s' AND action = 'availability.set'"
             " AND entity = 'person' AND entity_id = '%s' AND detail = '%s'",
             actor, person, detail);
    ok(store_exec_for_tests(s, sql, &err));
    return before - store_audit_count(s, &err);
}

Test(availability, a_save_writes_one_audit_line_naming_who_and_what)
{
    struct app_availability av;
    const char *away[] = {"t1", "t3", "t1"};
    ok(set("org@dfnc.test", "anna", "ev", away, 3, &av));
    cr_assert_eq(store_audit_count(s, &err), 1);
    cr_assert_eq(audit_lines("org@dfnc.test", "anna", "event ev: away in 2 of 3 B2B slots"), 1);
    ok(set("olena@dfnc.test", "olena", "ev", NULL, 0, &av));
    cr_assert_eq(audit_lines("olena@dfnc.test", "olena", "event ev: away in 0 of 3 B2B slots"), 1);
    /* no actor (an import, which writes one line for its file): none */
    ok(set(NULL, "anna", "ev", away, 1, &av));
    cr_assert_eq(store_audit_count(s, &err), 0);
}
