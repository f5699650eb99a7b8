/* Unit tests of what meetings led to (src/app/outcomes.c) over an in-memory
 * store: who may say it (the requester, the addressee, an attendee; a
 * meeting that exists), the refusals that keep nothing, one row a person and
 * meeting, and the organisers' figures by outcome and for EU-Ukraine pairs. */
#include <criterion/criterion.h>
#include <string.h>

#include "app/outcomes.h"
#include "app/reminders.h"
#include "store/mail.h"
#include "store/outcomes.h"
#include "store/store.h"

static struct store *s;
static struct df_err err;
/* The caller's clock, Unix seconds: 2025-02-16T16:00+01:00, after the B2B. */
#define NOW ((int64_t)1739718000)

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void org(const char *id, const char *country)
{
    struct store_org o = {.id = id, .name = id, .country = country, .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
}

static void person(const char *id, const char *org_id)
{
    struct store_person p = {.id = id, .org = org_id, .name = id};
    ok(store_person_upsert(s, &p, NULL, &err));
}

static void request(const char *id, const char *from, const char *to, const char *slot)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    if (slot) {
        char mid[16];
        snprintf(mid, sizeof mid, "m-%s", id);
        struct store_meeting m = {.id = mid, .request = id, .slot = slot};
        ok(store_meeting_upsert(s, &m, &err));
    }
}

/* Organisations in Germany, Norway (EEA-EFTA), Ukraine; anna (DE) meets
 * olena (UA) in r1 with her colleague karl (DE) attending; nils (NO) meets
 * olena in r2; anna meets karl in r3; r4 (anna, nils) is accepted with no
 * meeting. The forum lies in the past: its meetings have begun. */
static void setup(void)
{
    ok(store_open(&s, ":memory:", &err));
    org("de", "DE");
    org("no", "NO");
    org("ua", "UA");
    person("anna", "de");
    person("karl", "de");
    person("nils", "no");
    person("olena", "ua");
    struct store_event e = {.id = "ev", .name = "DFNC2", .starts_on = "2025-02-16",
                            .ends_on = "2025-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session x = {.id = "s1", .event = "ev", .day = "2025-02-16", .name = "B2B",
                              .kind = "b2b", .starts_at = "2025-02-16T09:00:00+01:00",
                              .ends_at = "2025-02-16T12:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    const char *slots[] = {"t1", "t2", "t3"};
    for (int i = 0; i < 3; i++) {
        char from[32], to[32];
        snprintf(from, sizeof from, "2025-02-16T1%d:00:00+01:00", i);
        snprintf(to, sizeof to, "2025-02-16T1%d:20:00+01:00", i);
        struct store_slot t = {.id = slots[i], .session = "s1", .seq = i + 1, .starts_at = from,
                               .ends_at = to};
        ok(store_slot_upsert(s, &t, &err));
    }
    request("r1", "anna", "olena", "t1");
    ok(store_request_add_attendee(s, "r1", "karl", &err));
    request("r2", "nils", "olena", "t2");
    request("r3", "anna", "karl", "t3");
    request("r4", "anna", "nils", NULL);
}

static void teardown(void) { store_close(s); }

TestSuite(outcomes, .init = setup, .fini = teardown);

static long long figure(json_t *j, const char *outcome, const char *key)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(j, "outcomes"), i, x)
        if (strcmp(json_string_value(json_object_get(x, "outcome")), outcome) == 0)
            return json_integer_value(json_object_get(x, key));
    cr_assert_fail("no figure for %s", outcome);
    return -1;
}

static size_t said_by(const char *who)
{
    json_t *j = app_outcomes_of(s, who, &err);
    cr_assert_not_null(j, "%s", err.msg);
    size_t n = json_array_size(json_object_get(j, "outcomes"));
    json_decref(j);
    return n;
}

Test(outcomes, the_requester_the_addressee_and_an_attendee_may_say)
{
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", "samples", NOW, &err));
    ok(app_outcome_set(s, "o@x", "olena", "r1", "purchase", NULL, NOW, &err));
    ok(app_outcome_set(s, "k@x", "karl", "r1", "joint_project", "", NOW, &err));
    cr_assert_eq(said_by("anna"), 1);
    cr_assert_eq(said_by("karl"), 1);
    /* saying again replaces */
    ok(app_outcome_set(s, "a@x", "anna", "r1", "agreement", NULL, NOW, &err));
    json_t *j = app_outcomes_of(s, "anna", &err);
    json_t *row = json_array_get(json_object_get(j, "outcomes"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(row, "outcome")), "agreement");
    cr_assert_str_eq(json_string_value(json_object_get(row, "note")), "");
    json_decref(j);
}

Test(outcomes, refusals_keep_nothing)
{
    char long_note[APP_OUTCOME_NOTE_MAX + 2];
    memset(long_note, 'x', sizeof long_note - 1);
    long_note[sizeof long_note - 1] = '\0';
    cr_assert_lt(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", long_note, NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    long_note[APP_OUTCOME_NOTE_MAX] = '\0';   /* at the limit it passes */
    ok(app_outcome_set(s, "a@x", "anna", "r3", "follow_up", long_note, NOW, &err));
    cr_assert_lt(app_outcome_set(s, "a@x", "anna", "r1", "won", NULL, NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_lt(app_outcome_set(s, "a@x", "anna", "r1", "no_fit", "a\x1b[2Jb", NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_INPUT, "a terminal escape in the note");
    cr_assert_lt(app_outcome_set(s, "n@x", "nils", "r1", "no_fit", NULL, NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "nils was not at r1");
    cr_assert_lt(app_outcome_set(s, "a@x", "anna", "r9", "no_fit", NULL, NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_lt(app_outcome_set(s, "a@x", "anna", "r4", "no_fit", NULL, NOW, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT, "r4 has no meeting");
    cr_assert_lt(app_outcome_remove(s, "n@x", "nils", "r2", &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "nils said nothing of r2");
    cr_assert_eq(said_by("anna"), 1, "only r3's, at the limit");
    cr_assert_eq(said_by("nils"), 0);
}

Test(outcomes, figures_count_meetings_by_outcome_and_eu_ukraine_pairs)
{
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", NULL, NOW, &err));
    ok(app_outcome_set(s, "k@x", "karl", "r1", "follow_up", NULL, NOW, &err)); /* one meeting */
    ok(app_outcome_set(s, "o@x", "olena", "r1", "purchase", NULL, NOW, &err)); /* and under both */
    ok(app_outcome_set(s, "o@x", "olena", "r2", "follow_up", NULL, NOW, &err)); /* Norway-Ukraine */
    ok(app_outcome_set(s, "a@x", "anna", "r3", "not_held", NULL, NOW, &err)); /* Germany-Germany */
    json_t *j = app_outcome_figures(s, "ev", &err);
    cr_assert_not_null(j, "%s", err.msg);
    cr_assert_eq(json_integer_value(json_object_get(j, "meetings")), 3, "r4 has no meeting");
    cr_assert_eq(json_integer_value(json_object_get(j, "reported")), 3);
    json_t *pair = json_object_get(j, "eu_ua");
    cr_assert_eq(json_integer_value(json_object_get(pair, "meetings")), 2);
    cr_assert_eq(json_integer_value(json_object_get(pair, "reported")), 2);
    cr_assert_eq(figure(j, "follow_up", "meetings"), 2);
    cr_assert_eq(figure(j, "follow_up", "eu_ua"), 2);
    cr_assert_eq(figure(j, "purchase", "meetings"), 1);
    cr_assert_eq(figure(j, "not_held", "meetings"), 1);
    cr_assert_eq(figure(j, "not_held", "eu_ua"), 0);
    cr_assert_eq(figure(j, "agreement", "meetings"), 0);
    cr_assert_eq(json_array_size(json_object_get(j, "outcomes")), APP_OUTCOMES_N);
    json_decref(j);

    /* one side takes theirs back: the meeting is still reported by the other */
    ok(app_outcome_remove(s, "o@x", "olena", "r1", &err));
    j = app_outcome_figures(s, "ev", &err);
    cr_assert_eq(figure(j, "purchase", "meetings"), 0);
    cr_assert_eq(json_integer_value(json_object_get(j, "reported")), 3);
    json_decref(j);

    cr_assert_null(app_outcome_figures(s, "ev-none", &err));
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* Nothing is said of a meeting before it begins, not even that it did not
 * take place: r5 (anna, nils) meets in 2099. */
Test(outcomes, nothing_is_said_before_the_meeting_begins)
{
    struct store_session x = {.id = "s2", .event = "ev", .day = "2025-02-16", .name = "B2B later",
                              .kind = "b2b", .starts_at = "2025-02-16T13:00:00+01:00",
                              .ends_at = "2025-02-16T14:00:00+01:00"};
    ok(store_session_upsert(s, &x, &err));
    struct store_slot t = {.id = "t9", .session = "s2", .seq = 9,
                           .starts_at = "2099-02-16T13:00:00+01:00",
                           .ends_at = "2099-02-16T13:20:00+01:00"};
    ok(store_slot_upsert(s, &t, &err));
    request("r5", "anna", "nils", "t9");
    for (int i = 0; i < APP_OUTCOMES_N; i++) {
        cr_assert_eq(app_outcome_set(s, "a@x", "anna", "r5", app_outcomes[i], NULL, NOW, &err),
                     APP_OUTCOME_NOT_BEGUN, "%s", app_outcomes[i]);
        cr_assert_eq(err.kind, DF_ERR_CONFLICT);
        cr_assert(strstr(err.msg, "has not begun yet"), "%s", err.msg);
    }
    cr_assert_eq(said_by("anna"), 0, "nothing kept");
    ok(app_outcome_set(s, "n@x", "nils", "r2", "not_held", NULL, NOW, &err));   /* r2 has begun */
}

Test(outcomes, begun_by_the_callers_clock)
{
    /* r1's slot starts at 10:00 in Brussels, 09:00 UTC: 1739696400 */
    cr_assert_eq(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", NULL, 1739696399, &err),
                 APP_OUTCOME_NOT_BEGUN, "a second before, whatever the machine's clock");
    ok(app_outcome_set(s, "a@x", "anna", "r1", "follow_up", NULL, 1739696400, &err));
}

/* store_unsaid_each's rows as "person:request:partner", space-separated. */
static int keep_unsaid(void *ud, const struct store_unsaid *u)
{
    char *out = ud;
    snprintf(out + strlen(out), 256 - strlen(out), "%s%s:%s:%s", *out ? " " : "", u->person,
             u->request, u->partner);
    return 0;
}

static const char *unsaid_at(const char *event, int64_t now)
{
    static char out[256];
    out[0] = '\0';
    ok(store_unsaid_each(s, event, now, keep_unsaid, out, &err));
    return out;
}

/* 11:10 in Brussels: r1 (10:00) and r2 (11:00) have begun, r3 (12:00) not. */
#define AT_1110 ((int64_t)1739700600)

/* Who is asked what her meetings led to: each person of a meeting begun
 * (an attendee too, her partner the other side) who has said nothing of
 * it; not of a meeting to come, nor one cancelled, nor one she has said. */
Test(outcomes, who_is_asked_what_meetings_led_to)
{
    request("r5", "anna", "nils", "t2");
    ok(store_exec_for_tests(s, "UPDATE requests SET status = 'cancelled' WHERE id = 'r5'", &err));
    ok(app_outcome_set(s, "o@x", "olena", "r1", "follow_up", "mine", AT_1110, &err));
    cr_assert_str_eq(unsaid_at("ev", AT_1110),
                     "anna:r1:olena karl:r1:olena nils:r2:olena olena:r2:nils");
    cr_assert_str_eq(unsaid_at("ev", NOW),
                     "anna:r1:olena anna:r3:karl karl:r1:olena karl:r3:anna nils:r2:olena "
                     "olena:r2:nils", "r3 once begun");
    cr_assert_str_eq(unsaid_at("ev", 1739696399), "", "a second before the first");
    cr_assert_eq(store_outcome_begun_n(s, "ev", 1739696399, &err), 0);
    cr_assert_eq(store_outcome_begun_n(s, "ev", AT_1110, &err), 2, "r1, r2: not r5, cancelled");
}

/* Someone whose data was erased is nobody to ask, nor to count as one to
 * ask at the desk: her rows stay, nameless, for the others' history. */
Test(outcomes, an_erased_person_is_not_asked)
{
    ok(store_exec_for_tests(s, "UPDATE people SET erased_at = '2025-02-16T10:30:00Z'"
                               " WHERE id = 'nils'", &err));
    cr_assert_str_eq(unsaid_at("ev", AT_1110),
                     "anna:r1:olena karl:r1:olena olena:r1:anna olena:r2:nils", "not nils:r2");
}

/* The mail asking it: refused before anything began; one per person with
 * an address, counted apart without one; not twice for one event, while
 * another event's question goes. */
Test(outcomes, asked_once_an_event_and_each_event_apart)
{
    struct app_ask_outcomes o;
    ok(store_mail_config_set(s, "https://forum.example.eu", &err));
    cr_assert_eq(app_ask_outcomes(s, "org@x", "ev", false, 1739696399, &o, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_str_eq(err.code, "nothing_begun");
    err = (struct df_err){0};
    ok(store_exec_for_tests(s, "UPDATE people SET email = id || '@example.eu'"
                               " WHERE id <> 'nils'", &err));
    struct store_event e2 = {.id = "ev2", .name = "DFNC3", .starts_on = "2025-02-16",
                             .ends_on = "2025-02-16"};
    ok(store_event_upsert(s, &e2, NULL, &err));
    struct store_request r6 = {.id = "r6", .event = "ev2", .from = "anna", .to = "olena",
                               .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r6, NULL, &err));
    struct store_meeting m6 = {.id = "m-r6", .request = "r6", .slot = "t1"};
    ok(store_meeting_upsert(s, &m6, &err));
    ok(app_ask_outcomes(s, "org@x", "ev", true, AT_1110, &o, &err));
    cr_assert_eq(o.people, 4, "anna, karl, nils, olena");
    cr_assert_eq(o.meetings, 2, "r1 and r2, each once");
    cr_assert_eq(o.mailed, 3);
    cr_assert_eq(o.not_mailed, 1, "nils has no address");
    ok(app_ask_outcomes(s, "org@x", "ev", false, AT_1110, &o, &err));
    cr_assert_eq(o.mailed, 3);
    ok(app_ask_outcomes(s, "org@x", "ev", false, NOW, &o, &err));
    cr_assert_eq(o.people, 4);
    cr_assert_eq(o.mailed, 0, "not twice, even with r3 begun since");
    cr_assert_eq(o.asked_lately, 3);
    ok(app_ask_outcomes(s, "org@x", "ev2", true, AT_1110, &o, &err));
    cr_assert_eq(o.mailed, 2, "anna and olena at the other event: %d", o.mailed);
    cr_assert_eq(o.asked_lately, 0);
}
