/* Unit tests of the messages between a meeting request's people
 * (src/app/messages.c) over an in-memory store: who reads and writes (its
 * requester, addressee and attendees, no one else), the refusals that keep
 * nothing (a text out of bounds, a request declined or cancelled, a
 * requester's third word before an answer, the hourly limit), the unread
 * threads of each side, and what stays when a person goes. */
#include <criterion/criterion.h>
#include <string.h>

#include "app/messages.h"
#include "store/messages.h"
#include "store/store.h"

static struct store *s;
static struct df_err err;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void person(const char *id, const char *org)
{
    struct store_person p = {.id = id, .org = org, .name = id};
    ok(store_person_upsert(s, &p, NULL, &err));
}

static void request(const char *id, const char *from, const char *to, const char *status)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = status, .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
}

/* anna (DE) asked olena (UA) in r1, accepted, with karl attending; anna
 * asked nils in r2, pending; r3 (nils to olena) declined, r4 (olena to
 * karl) cancelled. */
static void setup(void)
{
    ok(store_open(&s, ":memory:", &err));
    struct store_org de = {.id = "de", .name = "de", .country = "DE", .kind = "company"};
    struct store_org ua = {.id = "ua", .name = "ua", .country = "UA", .kind = "company"};
    ok(store_org_upsert(s, &de, NULL, &err));
    ok(store_org_upsert(s, &ua, NULL, &err));
    person("anna", "de");
    person("karl", "de");
    person("nils", "de");
    person("olena", "ua");
    struct store_event e = {.id = "ev", .name = "DFNC2", .starts_on = "2031-02-16",
                            .ends_on = "2031-02-16"};
    ok(store_event_upsert(s, &e, NULL, &err));
    request("r1", "anna", "olena", "accepted");
    ok(store_request_add_attendee(s, "r1", "karl", &err));
    request("r2", "anna", "nils", "pending");
    request("r3", "nils", "olena", "declined");
    request("r4", "olena", "karl", "cancelled");
}

static void teardown(void) { store_close(s); }

TestSuite(messages, .init = setup, .fini = teardown);

static int send(const char *person, const char *request, const char *text)
{
    memset(&err, 0, sizeof err);
    return app_message_send(s, "login@test", person, request, text, &err);
}

/* The thread as person reads it (which marks it read); fails the test when
 * she may not. */
static json_t *thread(const char *person, const char *request)
{
    json_t *j = app_message_thread(s, person, request, &err);
    cr_assert_not_null(j, "%s", err.msg);
    return j;
}

/* How many messages request's thread holds, read by one of its people. */
static size_t kept(const char *reader, const char *request)
{
    json_t *j = thread(reader, request);
    size_t n = json_array_size(json_object_get(j, "messages"));
    json_decref(j);
    return n;
}

static int unread(const char *person)
{
    int n = store_messages_unread(s, person, &err);
    cr_assert_geq(n, 0, "%s", err.msg);
    return n;
}

Test(messages, the_parties_and_an_attendee_write_and_read)
{
    ok(send("anna", "r1", "Could we meet at our stand instead?"));
    ok(send("olena", "r1", "Yes.\nHall B?"));
    ok(send("karl", "r1", "I will come too"));
    json_t *j = thread("olena", "r1");
    json_t *m = json_object_get(j, "messages");
    cr_assert_eq(json_array_size(m), 3);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(m, 0), "author")), "anna");
    cr_assert(json_is_false(json_object_get(json_array_get(m, 0), "mine")));
    cr_assert(json_is_true(json_object_get(json_array_get(m, 1), "mine")));
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(m, 1), "text")),
                     "Yes.\nHall B?");
    cr_assert(json_is_true(json_object_get(j, "can_write")));
    json_decref(j);
}

Test(messages, a_stranger_neither_reads_nor_writes)
{
    ok(send("anna", "r1", "Hello"));
    cr_assert_eq(send("nils", "r1", "Me too"), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_null(app_message_thread(s, "nils", "r1", &err));
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(send("anna", "r-none", "Anyone?"), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(kept("anna", "r1"), 1);
}

Test(messages, a_text_out_of_bounds_is_refused_and_not_kept)
{
    char big[APP_MESSAGE_MAX + 2];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    const char *bad[] = {NULL, "", " \n\t ", big, "ring \a ring", "invoice \xE2\x80\xAEtxt.exe"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(send("anna", "r1", bad[i]), -1, "text %zu taken", i);
        cr_assert_eq(err.kind, DF_ERR_INPUT, "text %zu: %s", i, err.msg);
    }
    cr_assert_eq(kept("anna", "r1"), 0);
    big[APP_MESSAGE_MAX] = '\0';   /* 2000 bytes: the most */
    ok(send("anna", "r1", big));
    cr_assert_eq(kept("anna", "r1"), 1);
}

Test(messages, a_declined_or_cancelled_thread_is_read_only)
{
    cr_assert_eq(send("olena", "r3", "Why not?"), APP_MESSAGE_READ_ONLY);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "declined"), "%s", err.msg);
    cr_assert_eq(send("nils", "r3", "Sorry"), APP_MESSAGE_READ_ONLY);
    cr_assert_eq(send("karl", "r4", "Pity"), APP_MESSAGE_READ_ONLY);
    json_t *j = thread("karl", "r4");
    cr_assert(json_is_false(json_object_get(j, "can_write")));
    cr_assert_str_eq(json_string_value(json_object_get(j, "why_not")), "read_only");
    cr_assert_eq(json_array_size(json_object_get(j, "messages")), 0);
    json_decref(j);
}

Test(messages, a_requester_says_two_things_before_an_answer)
{
    ok(send("anna", "r2", "One"));
    ok(send("anna", "r2", "Two"));
    cr_assert_eq(send("anna", "r2", "Three"), APP_MESSAGE_AWAIT_ANSWER);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    json_t *j = thread("anna", "r2");
    cr_assert_str_eq(json_string_value(json_object_get(j, "why_not")), "await_answer");
    json_decref(j);
    /* the addressee may write while it waits, and then the requester again */
    ok(send("nils", "r2", "Tell me more"));
    ok(send("anna", "r2", "Three"));
    cr_assert_eq(kept("nils", "r2"), 4);
}

Test(messages, an_answer_lifts_the_requesters_cap)
{
    ok(send("anna", "r2", "One"));
    ok(send("anna", "r2", "Two"));
    ok(store_request_set_status(s, "r2", "accepted", &err));
    ok(send("anna", "r2", "Three"));
}

Test(messages, thirty_an_hour_a_person_over_every_thread)
{
    ok(store_request_set_status(s, "r2", "accepted", &err));
    for (int i = 0; i < APP_MESSAGES_PER_HOUR; i++)
        ok(send("anna", i % 2 ? "r1" : "r2", "Bring the price list"));
    cr_assert_eq(send("anna", "r1", "And the samples"), APP_MESSAGE_LIMITED);
    cr_assert_eq(send("anna", "r2", "And the samples"), APP_MESSAGE_LIMITED);
    cr_assert_eq(kept("anna", "r1") + kept("anna", "r2"), APP_MESSAGES_PER_HOUR);
    ok(send("olena", "r1", "Others still write"));
}

Test(messages, unread_threads_for_each_side)
{
    ok(send("anna", "r1", "Hello"));
    ok(send("anna", "r2", "Hello"));
    cr_assert_eq(unread("anna"), 0, "her own messages are no news to her");
    cr_assert_eq(unread("olena"), 1);
    cr_assert_eq(unread("karl"), 1, "an attendee reads the thread too");
    cr_assert_eq(unread("nils"), 1);
    ok(send("anna", "r1", "Again"));
    cr_assert_eq(unread("olena"), 1, "one thread, however many messages");
    json_decref(thread("olena", "r1"));
    cr_assert_eq(unread("olena"), 0, "read once opened");
    cr_assert_eq(unread("karl"), 1, "each her own mark");
    ok(send("olena", "r1", "Answer"));
    cr_assert_eq(unread("anna"), 1);
    cr_assert_eq(unread("olena"), 0);
    json_t *t = app_message_threads(s, "karl", &err);
    cr_assert_not_null(t, "%s", err.msg);
    cr_assert_eq(json_integer_value(json_object_get(t, "unread")), 1);
    json_t *r1 = json_array_get(json_object_get(t, "threads"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(r1, "request")), "r1");
    cr_assert_eq(json_integer_value(json_object_get(r1, "messages")), 3);
    cr_assert_eq(json_integer_value(json_object_get(r1, "new")), 3);
    json_decref(t);
}

Test(messages, an_attendee_removed_leaves_her_words_unsigned)
{
    ok(send("karl", "r1", "I will come too"));
    ok(send("anna", "r1", "Good"));
    ok(store_exec_for_tests(s, "DELETE FROM people WHERE id = 'karl'", &err));
    json_t *j = thread("olena", "r1");
    json_t *m = json_array_get(json_object_get(j, "messages"), 0);
    cr_assert(json_is_null(json_object_get(m, "author")));
    cr_assert(json_is_null(json_object_get(m, "author_name")));
    cr_assert_str_eq(json_string_value(json_object_get(m, "text")), "I will come too");
    json_decref(j);
    /* an addressee removed takes the request and its thread with her */
    ok(store_exec_for_tests(s, "DELETE FROM people WHERE id = 'olena'", &err));
    cr_assert_null(app_message_thread(s, "anna", "r1", &err));
    cr_assert_eq(store_message_thread_count(s, "ev", &err), 0);
}

Test(messages, the_organisers_count_threads_not_words)
{
    ok(send("anna", "r1", "Hello"));
    ok(send("olena", "r1", "Hi"));
    ok(send("anna", "r2", "Hello"));
    cr_assert_eq(store_message_thread_count(s, "ev", &err), 2);
}
