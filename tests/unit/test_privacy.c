/* Unit tests of a person's data on request and her erasure
 * (src/app/privacy.c, src/store/privacy.c) over a database file: her copy
 * holds what is hers and her threads, not others'; after erasure no table,
 * and no byte of the file, holds her name, addresses, words or notes, while
 * the other side's request stays, cancelled; a second erasure and an import
 * of her id are refused; dfnc check sees no problem in her empty row; and
 * every table of the schema that names a person or holds an address is read
 * by her copy and written by erasure. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/auth.h"
#include "app/check.h"
#include "app/messages.h"
#include "app/follow_up.h"
#include "app/outcomes.h"
#include "app/privacy.h"
#include "app/report.h"
#include "app/requests.h"
#include "app/schedule.h"
#include "store/mail.h"
#include "store/privacy.h"
#include "store/store.h"
#include "scratch_db.h"

#define NAME "Olena Neverforgotten"
#define EMAIL "olena.unique@ua.test"
#define LOGIN "olena.login@ua.test"

static struct store *s;
static struct df_err err;
static char path[128];

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* Unix seconds: before the setup's forum (1 January 2031), and during its
 * first slot (16 February 2031, 09:15 in Brussels), r1's meeting held by
 * then, the second slot's still to come. */
#define BEFORE 1924992000LL
#define DURING_T1 1928996100LL

/* Erases olena for actor (herself or an organiser) at now; the counts into
 * *done (may be NULL). */
static int erase(const char *actor, bool herself, long long now, struct app_erasure *done)
{
    struct arena a;
    arena_init(&a, 1u << 20);
    const struct app_erasure_by by = {.actor = actor, .herself = herself, .now = now};
    int rc = app_person_erase(s, &by, "olena", &a, done, &err);
    arena_free(&a);
    return rc;
}
static void sql(const char *q) { ok(store_exec_for_tests(s, q, &err)); }

static void person(const char *id, const char *org, const char *name, const char *email)
{
    struct store_person p = {.id = id, .org = org, .name = name, .email = email,
                             .title = "Engineer", .languages = "uk;en"};
    ok(store_person_upsert(s, &p, NULL, &err));
}

/* olena (UA) met anna (DE) in r1 (accepted, placed, both wrote in its
 * thread, anna's request words name her); olena asked karl in r2
 * (pending); karl and anna's r3 is not hers. She has a login with a
 * session, a device, an invitation and failed sign-ins, a feed, a
 * check-in, an away slot, an outcome with a note, mail to her and mail to
 * anna naming her, an application and audit lines. */
static void setup(void)
{
    snprintf(path, sizeof path, "/tmp/dfnc-test-privacy-%d.db", (int)getpid());
    scratch_db_remove(path);
    ok(app_auth_init(&err));
    ok(store_open(&s, path, &err));
    struct store_org de = {.id = "de", .name = "Deutsche Drohnen", .country = "DE",
                           .kind = "company"};
    struct store_org ua = {.id = "ua", .name = "Ukr Shield", .country = "UA", .kind = "company"};
    ok(store_org_upsert(s, &de, NULL, &err));
    ok(store_org_upsert(s, &ua, NULL, &err));
    person("olena", "ua", NAME, EMAIL);
    person("anna", "de", "Anna Schmidt", "anna@de.test");
    person("karl", "de", "Karl Braun", "karl@de.test");
    sql("INSERT INTO events(id,name,starts_on,ends_on,published_at) VALUES"
        " ('ev','DFNC2','2031-02-16','2031-02-16','2031-01-01T00:00:00Z');"
        "INSERT INTO sessions(id,event_rid,day,name,kind,starts_at,ends_at) VALUES"
        " ('s1',1,'2031-02-16','B2B','b2b','2031-02-16T09:00:00+01:00','2031-02-16T10:00:00+01:00');"
        "INSERT INTO slots(id,session_rid,seq,starts_at,ends_at) VALUES"
        " ('t1',1,1,'2031-02-16T09:00:00+01:00','2031-02-16T09:30:00+01:00'),"
        " ('t2',1,2,'2031-02-16T09:30:00+01:00','2031-02-16T10:00:00+01:00');"
        "INSERT INTO locations(id,event_rid,name) VALUES ('l1',1,'Table 1');"
        "INSERT INTO requests(id,event_rid,from_rid,to_rid,status,message) VALUES"
        " ('r1',1,2,1,'accepted','Dear " NAME ", shall we meet?'),"
        " ('r2',1,1,3,'pending','OLENA-ASKS-KARL'),"
        " ('r3',1,3,2,'accepted','KARL-ANNA-ONLY');"
        "INSERT INTO meetings(id,request_rid,slot_rid,location_rid) VALUES ('r1',1,1,1);"
        "INSERT INTO unavailability(person_rid,slot_rid,reason,set_by) VALUES"
        " (1,2,'OLENA-AWAY-REASON','person');"
        "INSERT INTO meeting_outcomes(request_rid,person_rid,outcome,note) VALUES"
        " (1,1,'follow_up','OLENA-NOTE'),(1,2,'follow_up','anna on " NAME "');"
        "INSERT INTO arrivals(person_rid,day,at) VALUES (1,'2031-02-16','2031-02-16T08:00:00Z');"
        "INSERT INTO feed_tokens(person_rid,token_hash,created_at) VALUES (1,x'0102',1);"
        "INSERT INTO mail_outbox(id,to_addr,person_rid,kind,subject,body,next_try_at) VALUES"
        " ('m1','" EMAIL "',1,'request','Anna asks to meet you','Hello " NAME "','2031'),"
        " ('m2','anna@de.test',2,'accepted','" NAME " accepted','" NAME " (" EMAIL ") said yes','2031');"
        "INSERT INTO applications(id,name,email,org) VALUES ('ap1','" NAME "','" EMAIL "','ua');"
        "INSERT INTO audit_log(actor,action,entity,entity_id,detail) VALUES"
        " ('" LOGIN "','person.update','person','olena','renamed " NAME "'),"
        " ('cli','user.add','user','" LOGIN "','participant');");
    ok(app_user_add(s, LOGIN, "participant", "olena", "olena-pass-1", true, &err));
    sql("INSERT INTO user_sessions(token_hash,user_rid,csrf,created_at,expires_at) VALUES"
        " (x'0a0b',1,'csrf',1,4102444800);"
        "INSERT INTO device_tokens(token_hash,user_rid,created_at,expires_at) VALUES"
        " (x'0c0d',1,1,4102444800);"
        "INSERT INTO invitations(user_rid,token_hash,created_at,expires_at) VALUES"
        " (1,x'0e0f',1,4102444800);"
        "INSERT INTO login_failures(key,at) VALUES ('acct:" LOGIN "',1);");
    ok(app_message_send(s, LOGIN, "olena", "r1", "OLENA-WORDS in the thread", &err));
    ok(app_message_send(s, "anna@de.test", "anna", "r1", "ANNA-WORDS in the thread", &err));
}

static void teardown(void)
{
    store_close(s);
    scratch_db_remove(path);
}

TestSuite(privacy, .init = setup, .fini = teardown);

/* Every row of every table of the database at path, as text, into a
 * malloc'd string (each table's rows through SQLite's own quote()). */
static char *all_rows(void)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *t;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &t, NULL);
    size_t cap = 1 << 20, len = 0;
    char *out = calloc(1, cap);
    while (sqlite3_step(t) == SQLITE_ROW) {
        char q[256];
        snprintf(q, sizeof q, "SELECT * FROM \"%s\"", (const char *)sqlite3_column_text(t, 0));
        sqlite3_stmt *r;
        cr_assert_eq(sqlite3_prepare_v2(db, q, -1, &r, NULL), SQLITE_OK, "%s", q);
        while (sqlite3_step(r) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(r); c++) {
                const char *v = (const char *)sqlite3_column_text(r, c);
                size_t n = v ? strlen(v) : 0;
                if (len + n + 2 > cap)
                    out = realloc(out, cap = 2 * (cap + n));
                memcpy(out + len, v ? v : "", n);
                len += n;
                out[len++] = '|';
                out[len] = '\0';
            }
        sqlite3_finalize(r);
    }
    sqlite3_finalize(t);
    sqlite3_close(db);
    return out;
}

/* The bytes of the file at p (its pages, free ones too), NUL-ended; *n its size. */
static char *file_bytes(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    *n = 0;
    if (!f)
        return calloc(1, 1);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = calloc(1, (size_t)size + 1);
    *n = fread(b, 1, (size_t)size, f);
    fclose(f);
    return b;
}

static const char *const traces[] = {NAME, EMAIL, LOGIN, "OLENA-WORDS", "OLENA-NOTE",
                                     "OLENA-AWAY-REASON", "OLENA-ASKS-KARL"};

Test(privacy, after_erasure_no_table_holds_her_name_addresses_words_or_notes)
{
    char *before = all_rows();
    for (size_t i = 0; i < sizeof traces / sizeof *traces; i++)
        cr_assert(strstr(before, traces[i]), "the setup holds %s", traces[i]);
    free(before);
    struct app_erasure done = {-1, -1};
    ok(erase("organiser@forum.test", false, BEFORE, &done));
    cr_assert_eq(done.cancelled, 2, "r1 and r2 withdrawn: %d", done.cancelled);
    cr_assert_eq(done.held, 0);
    char *after = all_rows();
    for (size_t i = 0; i < sizeof traces / sizeof *traces; i++)
        cr_assert_null(strstr(after, traces[i]), "a table still holds %s", traces[i]);
    /* the others' words stay */
    cr_assert(strstr(after, "ANNA-WORDS in the thread"));
    cr_assert(strstr(after, "KARL-ANNA-ONLY"));
    cr_assert(strstr(after, "Dear ***, shall we meet?"), "anna's request scrubbed of her name");
    free(after);
    /* nor the file's bytes, free pages and the log included, once checkpointed */
    store_close(s);
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL),
                 SQLITE_OK);
    sqlite3_close(db);
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", path);
    const char *files[] = {path, wal};
    for (int f = 0; f < 2; f++) {
        size_t n;
        char *bytes = file_bytes(files[f], &n);
        for (size_t i = 0; i < sizeof traces / sizeof *traces; i++)
            cr_assert_null(memmem(bytes, n, traces[i], strlen(traces[i])),
                           "%s still holds %s", files[f], traces[i]);
        free(bytes);
    }
    ok(store_open(&s, path, &err));
}

static int count(const char *q)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK, "%s", q);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Whether request id's status and who cancelled it (NULL: nobody) are these. */
static bool request_is(const char *id, const char *status, const char *cancelled_by)
{
    char q[256];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM requests WHERE id = '%s' AND status = '%s'"
             " AND cancelled_by IS %s%s%s",
             id, status, cancelled_by ? "'" : "", cancelled_by ? cancelled_by : "NULL",
             cancelled_by ? "'" : "");
    return count(q) == 1;
}

Test(privacy, her_row_stays_a_tombstone_and_the_other_side_sees_her_requests_cancelled)
{
    struct arena a;
    arena_init(&a, 1u << 20);
    ok(erase("cli", false, BEFORE, NULL));
    struct store_person p;
    ok(store_person_get(s, "olena", &a, &p, &err));
    cr_assert_str_eq(p.name, STORE_ERASED_NAME);
    cr_assert_null(p.email);
    cr_assert_null(p.title);
    cr_assert_str_eq(p.languages, "");
    cr_assert_str_eq(p.checked_in_at, "2031-02-16T08:00:00Z",
                     "her check-in stays, nameless: the report counts who came");
    cr_assert_not_null(p.erased_at);
    arena_free(&a);
    cr_assert(request_is("r1", "cancelled", "organiser"), "a request by letter: theirs");
    cr_assert(request_is("r2", "cancelled", "organiser"));
    cr_assert(request_is("r3", "accepted", NULL), "karl and anna's is not hers");
    cr_assert_eq(count("SELECT count(*) FROM meetings WHERE id = 'r1'"), 0);
    cr_assert_eq(count("SELECT count(*) FROM withdrawn_meetings WHERE meeting_id = 'r1'"), 1,
                 "anna's calendar marks it cancelled");
    cr_assert_eq(count("SELECT count(*) FROM users"), 0);
    cr_assert_eq(count("SELECT count(*) FROM meeting_outcomes WHERE note = 'anna on ***'"), 1);
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE action = 'person.erase'"
                       " AND actor = 'cli' AND entity_id = 'olena' AND detail IS NULL"), 1);
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE actor = 'person:olena'"), 2,
                 "her login's lines (person.update, message.send) name her by id");
}

/* An organiser's erasure is the organisers' doing: each cancel is theirs
 * (cancelled_by "organiser", the audit line naming the organiser's login
 * and the cause), and the other side's mail says the organisers changed
 * her meetings, not that she cancelled. */
Test(privacy, an_organisers_erasure_cancels_as_the_organisers_not_as_her)
{
    ok(store_mail_config_set(s, "https://forum.test", &err));
    ok(erase("organiser@forum.test", false, BEFORE, NULL));
    cr_assert(request_is("r1", "cancelled", "organiser"),
              "anna's page says the organisers cancelled it");
    cr_assert(request_is("r2", "cancelled", "organiser"));
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE action = 'request.cancel'"
                       " AND actor = 'organiser@forum.test'"
                       " AND detail = 'by organiser (erasure)'"), 2);
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE action = 'request.cancel'"
                       " AND actor IN ('olena', 'person:olena')"), 0, "no cancel is hers");
    /* anna reads Ukrainian (her interface's language is not set) */
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox WHERE to_addr = 'anna@de.test'"
                       " AND kind = 'changed'"
                       " AND body LIKE '%Організатори форуму змінили ваші зустрічі%'"), 1,
                 "anna is told the organisers changed her meetings");
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox WHERE body LIKE '%ініціатор змін%'"
                       " OR body LIKE '%made by%'"), 0, "no mail says somebody else made it");
}

/* Her own erasure: the cancels are hers, as a cancel of hers is. */
Test(privacy, her_own_erasure_cancels_as_her)
{
    ok(erase("olena", true, BEFORE, NULL));
    cr_assert(request_is("r1", "cancelled", "addressee"));
    cr_assert(request_is("r2", "cancelled", "requester"));
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE action = 'request.cancel'"
                       " AND actor = 'olena'"
                       " AND detail IN ('by requester (erasure)', 'by addressee (erasure)')"), 2);
}

/* The figure section.key of the report's JSON object rep. */
static long long figure(json_t *rep, const char *section, const char *key)
{
    json_t *v = json_object_get(json_object_get(rep, section), key);
    cr_assert(json_is_integer(v), "%s.%s", section, key);
    return (long long)json_integer_value(v);
}

/* During the forum: her meeting with anna (r1) and karl and anna's that
 * she attends (r3) are held, karl's with her (r4) and anna and karl's
 * second (r5, she attends) are to come; she told the desk anna was not at
 * r1's table. */
static void meetings_held_and_to_come(void)
{
    sql("INSERT INTO locations(id,event_rid,name) VALUES ('l2',1,'Table 2');"
        "INSERT INTO requests(id,event_rid,from_rid,to_rid,status) VALUES"
        " ('r4',1,3,1,'accepted'),('r5',1,2,3,'accepted');"
        "INSERT INTO meetings(id,request_rid,slot_rid,location_rid) VALUES"
        " ('r3',3,1,2),('r4',4,2,1),('r5',5,2,2);"
        "INSERT INTO request_attendees(request_rid,person_rid) VALUES (3,1),(5,1);"
        "INSERT INTO absence_reports(request_rid,reporter_rid) VALUES (1,1);");
}

/* Her erasure cancels what is to come and keeps what was held: the
 * report's and the outcomes' figures of the meetings held are what they
 * were. */
Test(privacy, the_meetings_held_stay_and_the_report_keeps_counting_them)
{
    meetings_held_and_to_come();
    json_t *before = app_report_json(s, "ev", DURING_T1, &err);
    cr_assert_not_null(before, "%s", err.msg);
    json_t *outcomes_before = app_outcome_figures(s, "ev", &err);
    cr_assert_not_null(outcomes_before, "%s", err.msg);
    cr_assert_eq(figure(before, "meetings", "scheduled"), 4);
    cr_assert_eq(figure(before, "meetings", "begun"), 2);
    cr_assert_eq(figure(before, "meetings", "held"), 1, "r1: its people said what it led to");

    struct app_erasure done = {-1, -1};
    ok(erase("organiser@forum.test", false, DURING_T1, &done));
    cr_assert_eq(done.cancelled, 2, "r2 (pending) and r4 (to come): %d", done.cancelled);
    cr_assert_eq(done.held, 1, "r1 held, kept");

    json_t *after = app_report_json(s, "ev", DURING_T1, &err);
    cr_assert_not_null(after, "%s", err.msg);
    cr_assert_eq(figure(after, "meetings", "scheduled"), 3, "r4 only is gone");
    static const char *const same[][2] = {
        {"meetings", "begun"}, {"meetings", "held"}, {"meetings", "held_eu_ua"},
        {"participants", "people"}, {"participants", "checked_in"},
        {"participants", "people_met"}, {"participants", "organisations_met"},
        {"participants", "people_held"}, {"participants", "organisations_held"},
        {"requests", "made"}};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        cr_assert_eq(figure(after, same[i][0], same[i][1]),
                     figure(before, same[i][0], same[i][1]), "%s.%s", same[i][0], same[i][1]);
    /* what the meetings led to, as their people said: r4 leaves the
     * meetings counted, not one outcome */
    json_t *ob = json_object_get(before, "outcomes"), *oa = json_object_get(after, "outcomes");
    cr_assert_eq(figure(before, "outcomes", "reported"), 1);
    cr_assert_eq(figure(after, "outcomes", "reported"), 1);
    cr_assert(json_equal(json_object_get(oa, "by_outcome"), json_object_get(ob, "by_outcome")));
    cr_assert(json_equal(json_object_get(json_object_get(oa, "eu_ua"), "reported"),
                         json_object_get(json_object_get(ob, "eu_ua"), "reported")));
    json_t *outcomes_after = app_outcome_figures(s, "ev", &err);
    cr_assert_not_null(outcomes_after, "%s", err.msg);
    cr_assert(json_equal(json_object_get(outcomes_after, "outcomes"),
                         json_object_get(outcomes_before, "outcomes")));
    cr_assert(json_equal(json_object_get(outcomes_after, "reported"),
                         json_object_get(outcomes_before, "reported")));
    json_decref(before);
    json_decref(after);
    json_decref(outcomes_before);
    json_decref(outcomes_after);

    cr_assert(request_is("r1", "accepted", NULL), "a meeting held is a fact of the forum");
    cr_assert(request_is("r4", "cancelled", "organiser"));
    cr_assert_eq(count("SELECT count(*) FROM meetings WHERE id IN ('r1', 'r3', 'r5')"), 3);
    cr_assert_eq(count("SELECT count(*) FROM request_attendees WHERE person_rid = 1"), 1,
                 "she stays at r3, held, and leaves r5, to come");
    cr_assert_eq(count("SELECT count(*) FROM request_attendees WHERE request_rid = 3"), 1);
    cr_assert_eq(count("SELECT count(*) FROM absence_reports WHERE request_rid = 1"), 1);
    /* nameless: the meeting held names her tombstone, her words and notes gone */
    cr_assert_eq(count("SELECT count(*) FROM people WHERE id = 'olena'"
                       " AND name = '" STORE_ERASED_NAME "' AND email IS NULL"), 1);
    cr_assert_eq(count("SELECT count(*) FROM request_messages WHERE text LIKE 'OLENA%'"), 0);
    cr_assert_eq(count("SELECT count(*) FROM meeting_outcomes WHERE note = 'OLENA-NOTE'"), 0);
    cr_assert_eq(count("SELECT count(*) FROM meeting_outcomes WHERE request_rid = 1"), 2,
                 "both outcomes of r1 stay");
}

/* The follow-up list after her erasure: nobody writes to her; anna met a
 * nameless partner at the meeting held. */
Test(privacy, the_follow_up_list_has_no_row_for_her_and_names_her_not_as_a_partner)
{
    meetings_held_and_to_come();
    ok(erase("organiser@forum.test", false, DURING_T1, NULL));
    char *list = NULL;
    size_t list_n = 0;
    FILE *f = open_memstream(&list, &list_n);
    int rows = 0;
    ok(app_follow_up_write(s, "ev", APP_EXPORT_JSON, f, &rows, &err));
    fclose(f);
    json_t *people = json_loadb(list, list_n, 0, NULL);
    cr_assert(json_is_array(people), "%s", list);
    cr_assert_eq(rows, 2, "anna and karl: %s", list);
    int met_her = 0;
    for (size_t i = 0; i < json_array_size(people); i++) {
        json_t *row = json_array_get(people, i), *partners = json_object_get(row, "partners");
        cr_assert_str_neq(json_string_value(json_object_get(row, "person")), "olena", "%s", list);
        for (size_t k = 0; k < json_array_size(partners); k++) {
            json_t *q = json_array_get(partners, k);
            if (strcmp(json_string_value(json_object_get(q, "person")), "olena") == 0) {
                cr_assert_str_eq(json_string_value(json_object_get(q, "name")), STORE_ERASED_NAME);
                cr_assert(json_is_null(json_object_get(q, "email")), "%s", list);
                met_her++;
            }
        }
    }
    cr_assert_geq(met_her, 1, "anna met her at r1: %s", list);
    json_decref(people);
    free(list);
}

/* Others' text names her in any case: each is scrubbed (the letters of
 * other scripts fold as test_core's utf8 tests show). */
Test(privacy, her_name_and_addresses_are_scrubbed_in_any_case)
{
    sql("INSERT INTO request_messages(request_rid,author_rid,text) VALUES"
        " (3,2,'OLENA NEVERFORGOTTEN: write to Olena.Unique@UA.TEST, olena neverforgotten'),"
        " (3,3,'Ask Olena about it');"
        "INSERT INTO audit_log(actor,action,entity,entity_id,detail) VALUES"
        " ('cli','person.update','person','anna','met OLENA.LOGIN@ua.test');");
    ok(erase("cli", false, BEFORE, NULL));
    cr_assert_eq(count("SELECT count(*) FROM request_messages"
                       " WHERE text = '***: write to ***, ***'"), 1);
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE detail = 'met ***'"), 1);
    cr_assert_eq(count("SELECT count(*) FROM request_messages WHERE text = 'Ask Olena about it'"),
                 1, "a part of her name is not her name: no fuzzy matching");
}

Test(privacy, a_second_erasure_and_an_import_of_her_id_are_refused)
{
    ok(erase("cli", false, BEFORE, NULL));
    cr_assert_eq(erase("cli", false, BEFORE, NULL), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT, "%s", err.msg);
    cr_assert(strstr(err.msg, "already erased"), "%s", err.msg);
    struct arena a;
    arena_init(&a, 1u << 20);
    const struct app_erasure_by by = {.actor = "cli", .now = BEFORE};
    cr_assert_eq(app_person_erase(s, &by, "nobody", &a, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    arena_free(&a);
    struct store_person back = {.id = "olena", .org = "ua", .name = NAME};
    cr_assert_eq(store_person_upsert(s, &back, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert(strstr(err.msg, "erased"), "%s", err.msg);
}

Test(privacy, dfnc_check_finds_no_problem_in_her_empty_row)
{
    ok(erase("cli", false, DURING_T1, NULL));   /* r1 held: her tombstone in a meeting */
    struct app_check_report r;
    ok(app_check(path, &r, &err));
    for (int i = 0; i < r.findings_n; i++)
        cr_assert(strcmp(r.findings[i].id, "olena") != 0, "%s %s: %s", r.findings[i].kind,
                  r.findings[i].field, r.findings[i].message);
    app_check_report_free(&r);
}

Test(privacy, her_copy_holds_her_data_and_her_threads_and_not_others)
{
    struct buf out = BUF_INIT(8u << 20);
    ok(app_person_data(s, "olena", 1000, &out, &err));
    json_error_t je;
    json_t *doc = json_loads(out.data, 0, &je);
    cr_assert_not_null(doc, "%s: %s", je.text, out.data);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "format")), APP_PRIVACY_FORMAT);
    json_t *d = json_object_get(doc, "data");
    for (int i = 0; i < store_privacy_parts_n; i++)
        cr_assert(json_object_get(d, store_privacy_parts[i].key), "no %s",
                  store_privacy_parts[i].key);
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(d, "person"), "name")),
                     NAME);
    cr_assert_eq(json_array_size(json_object_get(d, "requests")), 2);
    cr_assert_eq(json_array_size(json_object_get(d, "meetings")), 1);
    json_t *login = json_array_get(json_object_get(d, "logins"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(login, "email")), LOGIN);
    cr_assert_eq(json_array_size(json_object_get(login, "sessions")), 1);
    cr_assert_eq(json_array_size(json_object_get(login, "devices")), 1);
    cr_assert_eq(json_array_size(json_object_get(login, "failed_sign_ins")), 1);
    const char *text = out.data;
    const char *has[] = {"OLENA-WORDS in the thread", "ANNA-WORDS in the thread", "OLENA-NOTE",
                         "OLENA-AWAY-REASON", "Anna asks to meet you", "\"ap1\"",
                         "\"person.update\"", "\"user.add\"", "Table 1"};
    for (size_t i = 0; i < sizeof has / sizeof *has; i++)
        cr_assert(strstr(text, has[i]), "her copy lacks %s", has[i]);
    /* not karl and anna's thread, not the mail to anna, never a token or hash */
    const char *lacks[] = {"KARL-ANNA-ONLY", "said yes", "password", "token", "csrf",
                           "argon2"};
    for (size_t i = 0; i < sizeof lacks / sizeof *lacks; i++)
        cr_assert_null(strstr(text, lacks[i]), "her copy holds %s", lacks[i]);
    json_decref(doc);
    buf_free(&out);
    cr_assert_eq(app_person_data(s, "nobody", 1000, &out, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    buf_free(&out);
}

/* A request the last run left out because it made way for another's
 * (made_way: its own words name that request) is said in her copy as her
 * accept's warning says it to her (app_request_unplaced_warning), naming
 * no other request; another reason in its own words. */
Test(privacy, her_copy_says_made_way_as_her_accept_does)
{
    sql("INSERT INTO unscheduled_reasons(request_rid, reason, code, vals) VALUES"
        " (1, 'made way for request r3, already in its people''s agendas, and then found no"
        " free slot: run Schedule again', 'made_way', '{\"request\":\"r3\"}'),"
        " (2, 'OLENA-BUSY-REASON', 'people_busy', NULL);");
    struct buf out = BUF_INIT(8u << 20);
    ok(app_person_data(s, "olena", 1000, &out, &err));
    json_t *doc = json_loads(out.data, 0, NULL);
    cr_assert_not_null(doc, "%s", out.data);
    json_t *reqs = json_object_get(json_object_get(doc, "data"), "requests");
    const char *copy = NULL, *other = NULL;
    for (size_t i = 0; i < json_array_size(reqs); i++) {
        json_t *r = json_array_get(reqs, i);
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *why = json_string_value(json_object_get(r, "unscheduled_reason"));
        if (strcmp(id, "r1") == 0)
            copy = why;
        else if (strcmp(id, "r2") == 0)
            other = why;
    }
    /* what her accept's warning says of the same reason */
    struct app_unscheduled u = {
        .request = "r1",
        .why = {.code = "made_way", .values_n = 1, .name = {"request"}, .value = {"r3"},
                .message = "made way for request r3, already in its people's agendas, and then "
                           "found no free slot: run Schedule again"}};
    struct app_schedule_report rep = {.unscheduled_n = 1, .unscheduled = &u};
    struct store_request r1 = {.id = "r1", .event = "ev", .from = "anna", .to = "olena"};
    struct arena a;
    arena_init(&a, 0);
    struct app_accept_warning w = {.n = 0};
    cr_assert_not_null(app_request_unplaced_warning(NULL, &rep, &r1, false, 0, &a, &w));
    cr_assert_eq(w.reasons[0].n, 1);
    cr_assert_not_null(copy, "%s", out.data);
    cr_assert_str_eq(copy, w.reasons[0].v[0].message);
    cr_assert_str_eq(copy, "made way for another meeting, already in its people's agendas, and "
                           "then found no free slot", "her copy as it was");
    cr_assert_not_null(other, "%s", out.data);
    cr_assert_str_eq(other, "OLENA-BUSY-REASON");
    arena_free(&a);
    json_decref(doc);
    buf_free(&out);
}

/* A meeting she was taken off as a colleague is in her copy, marked so, as
 * her calendar holds it cancelled (not the request's words: no longer hers);
 * erasure leaves no such record. */
Test(privacy, her_copy_holds_a_meeting_she_was_taken_off)
{
    sql("INSERT INTO meetings(id,request_rid,slot_rid,location_rid) VALUES ('r3',3,2,1);"
        "INSERT INTO request_attendees(request_rid,person_rid) VALUES (3,1);"
        "DELETE FROM request_attendees WHERE request_rid = 3 AND person_rid = 1;");
    struct buf out = BUF_INIT(8u << 20);
    ok(app_person_data(s, "olena", 1000, &out, &err));
    json_t *doc = json_loads(out.data, 0, NULL);
    cr_assert_not_null(doc, "%s", out.data);
    json_t *w = json_object_get(json_object_get(doc, "data"), "withdrawn_meetings");
    cr_assert_eq(json_array_size(w), 1, "%s", out.data);
    json_t *m = json_array_get(w, 0);
    cr_assert_str_eq(json_string_value(json_object_get(m, "request")), "r3");
    cr_assert(json_is_true(json_object_get(m, "taken_off")), "%s", out.data);
    cr_assert_str_eq(json_string_value(json_object_get(m, "table")), "Table 1");
    cr_assert_null(strstr(out.data, "KARL-ANNA-ONLY"), "not the request's words");
    json_decref(doc);
    buf_free(&out);
    ok(erase("organiser@forum.test", false, BEFORE, NULL));
    cr_assert_eq(count("SELECT count(*) FROM withdrawn_attendance"), 0);
}

/* Whether word is one of the space-separated words of list. */
static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)); p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

/* A column "..._by" names who did something, by login address (an
 * organiser's, who may be a participant too): each such table is one that
 * erasure writes, forgetting her address there. */
Test(privacy, every_table_naming_a_doer_by_address_is_erased)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT DISTINCT m.name FROM sqlite_master m"
                                    " JOIN pragma_table_info(m.name) c"
                                    " WHERE m.type = 'table' AND c.name LIKE '%\\_by' ESCAPE '\\'"
                                    /* a role, no address; a delivery date */
                                    " AND c.name NOT IN ('cancelled_by', 'deliver_by')",
                                    -1, &st, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        n++;
        cr_assert(has_word(store_privacy_erased_tables, t),
                  "table %s names who did something but erasure writes it not", t);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    cr_assert_geq(n, 7, "the schema's tables naming a doer: %d", n);
}

/* The schema's tables that hold a person's data: those with a foreign key
 * to people or users, or a column holding an address. A new one fails here
 * until store/privacy.c reads it into her copy and erasure writes it. */
Test(privacy, every_table_naming_people_is_in_her_copy_and_erased)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT DISTINCT m.name FROM sqlite_master m"
                                    " WHERE m.type = 'table' AND (EXISTS (SELECT 1 FROM"
                                    "  pragma_foreign_key_list(m.name) f"
                                    "  WHERE f.\"table\" IN ('people', 'users'))"
                                    " OR EXISTS (SELECT 1 FROM pragma_table_info(m.name) c"
                                    "  WHERE c.name IN ('email', 'to_addr'))"
                                    " OR m.name IN ('people', 'users'))",
                                    -1, &st, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        n++;
        bool read = false;
        for (int i = 0; i < store_privacy_parts_n; i++)
            read = read || has_word(store_privacy_parts[i].tables, t);
        cr_assert(read, "table %s names people but her copy reads it not", t);
        cr_assert(has_word(store_privacy_erased_tables, t),
                  "table %s names people but erasure writes it not", t);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    cr_assert_geq(n, 15, "the schema's tables naming people: %d", n);
    /* and each part reads the tables it says it reads */
    for (int i = 0; i < store_privacy_parts_n; i++) {
        char tables[512];
        snprintf(tables, sizeof tables, "%s", store_privacy_parts[i].tables);
        for (char *t = strtok(tables, " "); t; t = strtok(NULL, " "))
            cr_assert(strstr(store_privacy_parts[i].sql, t), "part %s does not read %s",
                      store_privacy_parts[i].key, t);
    }
}
