/* Unit tests of app/attendees: who may bring a colleague to a meeting and
 * take her off, the cap, the check that she is free at a published
 * meeting's time, and what each change leaves (SEQUENCE, mail, audit). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/attendees.h"
#include "app/import.h"
#include "app/mail.h"
#include "app/schedule.h"
#include "store/mail.h"
#include "scratch_db.h"
#include "store/store_internal.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* The first column of sql's first row as an integer. */
static int number(const char *sql)
{
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Event "ev" (published, far ahead), slots t1 and t2, tables A and B;
 * organisations X (x1 the requester, x2-x6 her colleagues) and Y (y1 the
 * addressee, y2 and y3 hers); r1 x1 -> y1 accepted, its meeting in t1 at
 * A; r2 x2 -> y3 accepted, its meeting in t1 at B; x3 away in t1. */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-attendees-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    const char *orgs[] = {"X", "Y"};
    for (int i = 0; i < 2; i++) {
        struct store_org o = {.id = orgs[i], .name = orgs[i], .country = "DE", .kind = "company"};
        ok(store_org_upsert(s, &o, NULL, &err));
    }
    const char *people[][2] = {{"x1", "X"}, {"x2", "X"}, {"x3", "X"}, {"x4", "X"}, {"x5", "X"},
                               {"x6", "X"}, {"y1", "Y"}, {"y2", "Y"}, {"y3", "Y"}};
    for (int i = 0; i < 9; i++) {
        char email[32];
        snprintf(email, sizeof email, "%s@org.test", people[i][0]);
        struct store_person p = {.id = people[i][0], .org = people[i][1], .name = people[i][0],
                                 .email = email, .languages = "en"};
        ok(store_person_upsert(s, &p, NULL, &err));
    }
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2031-06-05",
                            .ends_on = "2031-06-05", .timezone = "Europe/Brussels",
                            .request_cap = 20};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session d = {.id = "s1", .event = "ev", .day = "2031-06-05", .name = "B2B",
                              .kind = "b2b", .starts_at = "2031-06-05T09:00:00+02:00",
                              .ends_at = "2031-06-05T10:00:00+02:00"};
    ok(store_session_upsert(s, &d, &err));
    struct store_slot t1 = {.id = "t1", .session = "s1", .seq = 1,
                            .starts_at = "2031-06-05T09:00:00+02:00",
                            .ends_at = "2031-06-05T09:30:00+02:00"};
    struct store_slot t2 = {.id = "t2", .session = "s1", .seq = 2,
                            .starts_at = "2031-06-05T09:30:00+02:00",
                            .ends_at = "2031-06-05T10:00:00+02:00"};
    ok(store_slot_upsert(s, &t1, &err));
    ok(store_slot_upsert(s, &t2, &err));
    const char *tables[] = {"A", "B"};
    for (int i = 0; i < 2; i++) {
        struct store_location l = {.id = tables[i], .event = "ev", .name = tables[i],
                                   .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    const char *reqs[][4] = {{"r1", "x1", "y1", "A"}, {"r2", "x2", "y3", "B"}};
    for (int i = 0; i < 2; i++) {
        struct store_request r = {.id = reqs[i][0], .event = "ev", .from = reqs[i][1],
                                  .to = reqs[i][2], .status = "accepted", .priority = 1};
        ok(store_request_upsert(s, &r, NULL, &err));
        struct store_meeting m = {.request = reqs[i][0], .slot = "t1", .location = reqs[i][3],
                                  .locked = 1};
        ok(store_meeting_upsert(s, &m, &err));
    }
    ok(store_unavailable_add(s, "x3", "t1", NULL, &err));
    ok(store_event_set_published(s, "ev", true, &err));
    ok(store_mail_config_set(s, "http://forum.test", &err));
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

static const struct app_request_actor requester = {.person = "x1", .now = 1};
static const struct app_request_actor addressee = {.person = "y1", .now = 1};
static const struct app_request_actor desk = {.login = "desk@forum.test", .organiser = true,
                                              .now = 1};

static int add(const struct app_request_actor *who, const char *person, struct app_whys *why)
{
    struct store_request out;
    err = (struct df_err){0};
    return app_attendee_add(s, who, "r1", person, &a, &out, why, &err);
}

/* What the last take_off warned of. */
static struct app_whys warned;

static int take_off(const struct app_request_actor *who, const char *person)
{
    struct store_request out;
    err = (struct df_err){0};
    warned.n = -1;
    return app_attendee_remove(s, who, "r1", person, &a, &out, &warned, &err);
}

Test(app_attendees, each_side_brings_its_own_organisations_people, .init = setup,
     .fini = teardown)
{
    ok(add(&requester, "x4", NULL));
    cr_assert_eq(add(&requester, "y2", NULL), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_str_eq(err.code, "attendee_org");
    ok(add(&addressee, "y2", NULL));
    cr_assert_eq(add(&requester, "y1", NULL), -1, "a party is no colleague");
    cr_assert_str_eq(err.code, "attendee_party");
    cr_assert_eq(add(&requester, "x4", NULL), -1);
    cr_assert_str_eq(err.code, "attendee_twice");
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 2);
}

Test(app_attendees, strangers_get_not_found_and_an_attendee_only_herself, .init = setup,
     .fini = teardown)
{
    const struct app_request_actor stranger = {.person = "x5", .now = 1};
    cr_assert_eq(add(&stranger, "x4", NULL), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND, "as if there were no such request");
    ok(add(&requester, "x4", NULL));
    const struct app_request_actor x4 = {.person = "x4", .now = 1};
    cr_assert_eq(add(&x4, "x5", NULL), -1);
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    ok(add(&desk, "x5", NULL));
    cr_assert_eq(take_off(&x4, "x5"), -1, "not another");
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    cr_assert_eq(take_off(&addressee, "x5"), -1, "not the other side's");
    cr_assert_eq(err.kind, DF_ERR_FORBIDDEN);
    ok(take_off(&x4, "x4"));
    cr_assert_eq(take_off(&x4, "x4"), -1, "gone: a stranger now");
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    ok(take_off(&desk, "x5"));
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0);
}

Test(app_attendees, four_colleagues_at_most, .init = setup, .fini = teardown)
{
    ok(add(&requester, "x4", NULL));
    ok(add(&requester, "x5", NULL));
    ok(add(&requester, "x6", NULL));
    ok(add(&addressee, "y2", NULL));
    cr_assert_eq(add(&desk, "x2", NULL), -1);
    cr_assert_str_eq(err.code, "attendee_cap");
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
}

Test(app_attendees, at_a_published_meeting_she_must_be_free_then, .init = setup,
     .fini = teardown)
{
    struct app_whys why = {.n = 0};
    /* x2 meets y2 in t1 (r2): said to x1 without naming r2 */
    cr_assert_eq(add(&requester, "x2", &why), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(why.n, 1);
    cr_assert_str_eq(why.v[0].code, "person_meets");
    cr_assert_null(strstr(err.msg, "r2"), "%s", err.msg);
    /* to the desk it is named */
    cr_assert_eq(add(&desk, "x2", &why), -1);
    cr_assert_not_null(strstr(err.msg, "r2"), "%s", err.msg);
    /* x3 is away then */
    cr_assert_eq(add(&requester, "x3", &why), -1);
    cr_assert_str_eq(why.v[0].code, "person_away");
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0, "nothing kept");
    /* once begun, nobody joins */
    const struct app_request_actor late = {.person = "x1", .now = 1938409800LL};
    cr_assert_eq(add(&late, "x4", &why), -1);
    cr_assert_str_eq(why.v[0].code, "slot_begun");
}

/* Person id's languages set to langs. */
static void speaks(const char *id, const char *org, const char *langs)
{
    char email[32];
    snprintf(email, sizeof email, "%s@org.test", id);
    struct store_person p = {.id = id, .org = org, .name = id, .email = email, .languages = langs};
    ok(store_person_upsert(s, &p, NULL, &err));
}

/* Interpreter id of uk and lang_b booked for the event. */
static void interpreter_of(const char *id, const char *lang_b)
{
    struct store_interpreter iv = {.id = id, .event = "ev", .name = id, .lang_a = "uk",
                                   .lang_b = lang_b};
    ok(store_interpreter_upsert(s, &iv, NULL, &err));
}

/* Interpreter id (uk-en) booked for the event. */
static void interpreter(const char *id) { interpreter_of(id, "en"); }

/* How many of r1's meetings have interpreter id (NULL: none). */
static int r1_interpreter(const char *id)
{
    char sql[256];
    if (!id)
        return number("SELECT count(*) FROM meetings WHERE id = 'r1' AND interpreter_rid IS NULL");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM meetings m JOIN interpreters i"
             " ON i.rid = m.interpreter_rid WHERE m.id = 'r1' AND i.id = '%s'", id);
    return number(sql);
}

Test(app_attendees, one_who_shares_no_language_gets_an_interpreter_or_is_refused,
     .init = setup, .fini = teardown)
{
    struct app_whys why = {.n = 0};
    speaks("x4", "X", "uk");
    /* x1 and y1 speak English alone: none booked, so she cannot join */
    cr_assert_eq(add(&requester, "x4", &why), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_eq(why.n, 1);
    cr_assert_str_eq(why.v[0].code, "interpreter_needed");
    cr_assert_str_eq(why.v[0].value[0], "x4");
    /* no pair booked: the covering pair named by the languages most spoken */
    cr_assert_str_eq(why.v[0].value[1], "en-uk");
    cr_assert_not_null(strstr(err.msg, "no en-uk interpreter"), "%s", err.msg);
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0, "nothing kept");
    /* the one booked interprets r2 then: still none free */
    interpreter("iv1");
    struct store_meeting m2 = {.request = "r2", .slot = "t1", .location = "B", .locked = 1,
                               .interpreter = "iv1"};
    ok(store_meeting_upsert(s, &m2, &err));
    cr_assert_eq(add(&requester, "x4", &why), -1);
    cr_assert_str_eq(why.v[0].code, "interpreter_needed");
    cr_assert_str_eq(why.v[0].value[1], "uk-en", "the pair as booked");
    /* a second one is free: booked for r1, its SEQUENCE risen */
    interpreter("iv2");
    int seq = number("SELECT sequence FROM meetings WHERE id = 'r1'");
    ok(add(&requester, "x4", &why));
    cr_assert_eq(r1_interpreter("iv2"), 1);
    cr_assert_gt(number("SELECT sequence FROM meetings WHERE id = 'r1'"), seq);
    /* another colleague who speaks English changes nothing */
    ok(add(&requester, "x5", &why));
    cr_assert_eq(r1_interpreter("iv2"), 1);
    /* x5 leaving: x4 still needs one; x4 leaving: the interpreter is free again */
    ok(take_off(&requester, "x5"));
    cr_assert_eq(r1_interpreter("iv2"), 1);
    ok(take_off(&requester, "x4"));
    cr_assert_eq(r1_interpreter(NULL), 1);
}

Test(app_attendees, a_need_the_meeting_had_before_her_keeps_no_one_out, .init = setup,
     .fini = teardown)
{
    /* y1 speaks Ukrainian alone: r1 needed an interpreter and has none */
    speaks("y1", "Y", "uk");
    ok(add(&requester, "x4", NULL));
    cr_assert_eq(r1_interpreter(NULL), 1);
    /* once one is booked, the next colleague's add books it */
    interpreter("iv1");
    ok(add(&requester, "x5", NULL));
    cr_assert_eq(r1_interpreter("iv1"), 1);
    /* someone leaving while they still need it keeps it */
    ok(take_off(&requester, "x5"));
    cr_assert_eq(r1_interpreter("iv1"), 1);
}

Test(app_attendees, one_leaving_books_the_pair_the_rest_need_or_says_none_is_free,
     .init = setup, .fini = teardown)
{
    /* x1 speaks English and German, y1 Ukrainian alone, x4 German alone:
     * a uk-de interpreter serves the three, booked as she joins */
    speaks("x1", "X", "en;de");
    speaks("y1", "Y", "uk");
    speaks("x4", "X", "de");
    interpreter_of("iv-de", "de");
    ok(add(&requester, "x4", NULL));
    cr_assert_eq(r1_interpreter("iv-de"), 1);
    /* x1 now speaks English alone: once x4 leaves, x1 and y1 need uk-en,
     * which iv-de does not serve; the one of that pair booked elsewhere
     * then: x4 is off all the same, iv-de kept, and the reply says so */
    speaks("x1", "X", "en");
    interpreter("iv-en");
    struct store_meeting m2 = {.request = "r2", .slot = "t1", .location = "B", .locked = 1,
                               .interpreter = "iv-en"};
    ok(store_meeting_upsert(s, &m2, &err));
    ok(take_off(&requester, "x4"));
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0, "she is off");
    cr_assert_eq(r1_interpreter("iv-de"), 1);
    cr_assert_eq(warned.n, 1);
    cr_assert_str_eq(warned.v[0].code, "no_interpreter_free");
    cr_assert_str_eq(warned.v[0].name[0], "pair");
    cr_assert_str_eq(warned.v[0].value[0], "uk-en");
    cr_assert_not_null(strstr(warned.v[0].message, "needs an interpreter for uk-en, and none is "
                                                    "free"),
                       "%s", warned.v[0].message);
    /* again, with a uk-en interpreter free: booked in iv-de's place */
    speaks("x1", "X", "en;de");
    ok(add(&requester, "x4", NULL));
    cr_assert_eq(r1_interpreter("iv-de"), 1);
    speaks("x1", "X", "en");
    interpreter("iv-en2");
    int seq = number("SELECT sequence FROM meetings WHERE id = 'r1'");
    ok(take_off(&requester, "x4"));
    cr_assert_eq(r1_interpreter("iv-en2"), 1);
    cr_assert_eq(warned.n, 0, "nothing to see to");
    cr_assert_gt(number("SELECT sequence FROM meetings WHERE id = 'r1'"), seq);
}

Test(app_attendees, one_leaving_a_meeting_that_lacked_an_interpreter_is_told_so, .init = setup,
     .fini = teardown)
{
    /* y1 speaks Ukrainian alone and none is booked: x4 joins all the same */
    speaks("y1", "Y", "uk");
    ok(add(&requester, "x4", NULL));
    const struct app_request_actor x4 = {.person = "x4", .now = 1};
    ok(take_off(&x4, "x4"));
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 0, "\"I won't come\" stands");
    cr_assert_eq(r1_interpreter(NULL), 1);
    cr_assert_eq(warned.n, 1);
    cr_assert_str_eq(warned.v[0].code, "no_interpreter_free");
    /* with people who share a language, nothing */
    speaks("y1", "Y", "en");
    ok(add(&requester, "x4", NULL));
    ok(take_off(&requester, "x4"));
    cr_assert_eq(warned.n, 0);
}

Test(app_attendees, a_change_raises_the_sequence_mails_her_and_is_audited, .init = setup,
     .fini = teardown)
{
    int seq = number("SELECT sequence FROM meetings WHERE id = 'r1'");
    ok(add(&requester, "x4", NULL));
    cr_assert_eq(number("SELECT sequence FROM meetings WHERE id = 'r1'"), seq + 1);
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox WHERE kind = 'attendee'"
                        " AND to_addr = 'x4@org.test' AND instr(body, 'x1 added you') > 0"
                        " AND instr(body, 'table A') > 0"),
                 1);
    ok(take_off(&requester, "x4"));
    cr_assert_eq(number("SELECT sequence FROM meetings WHERE id = 'r1'"), seq + 2);
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox WHERE kind = 'attendee_off'"), 1);
    /* she takes herself off: no mail to her */
    ok(add(&requester, "x4", NULL));
    const struct app_request_actor x4 = {.person = "x4", .now = 1};
    ok(take_off(&x4, "x4"));
    cr_assert_eq(number("SELECT count(*) FROM mail_outbox WHERE kind = 'attendee_off'"), 1);
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action = 'request.attendee_add'"
                        " AND actor = 'x1' AND detail = 'person x4'"),
                 2);
    cr_assert_eq(number("SELECT count(*) FROM audit_log WHERE action ="
                        " 'request.attendee_remove' AND actor = 'x4'"
                        " AND detail = 'person x4 (herself)'"),
                 1);
}

Test(app_attendees, the_mail_says_whom_she_joins_and_who_added_her, .init = setup,
     .fini = teardown)
{
    struct app_mail_facts f = {.kind = "attendee", .lang = "uk", .other = "Богдан",
                               .other_org = "Укрзброя", .joins = "Alice", .joins_org = "Acme",
                               .event = "Форум", .public_url = "http://forum.test",
                               .pending = true};
    const char *subject, *body;
    ok(app_mail_compose(&f, &a, &subject, &body));
    cr_assert_str_eq(subject, "Вас додано до зустрічі з Богдан (Укрзброя)");
    cr_assert_not_null(strstr(body, "Організатори форуму: вас додано"), "%s", body);
    cr_assert_not_null(strstr(body, "Запит ще не прийнято"), "%s", body);
    f.kind = "attendee_off";
    f.lang = "en";
    f.by = "Alice";
    ok(app_mail_compose(&f, &a, &subject, &body));
    cr_assert_str_eq(subject, "You no longer join the meeting with Богдан (Укрзброя)");
    cr_assert_not_null(strstr(body, "Alice took you off a meeting at Форум: Alice (Acme) with"),
                       "%s", body);
}

Test(app_attendees, before_publication_the_schedule_run_keeps_a_colleague_free, .init = setup,
     .fini = teardown)
{
    /* back before publication, the meetings unlocked for the run to place */
    ok(store_event_set_published(s, "ev", false, &err));
    char *msg = NULL;
    cr_assert_eq(sqlite3_exec(s->db, "UPDATE meetings SET locked = 0", NULL, NULL, &msg),
                 SQLITE_OK);
    /* x2 meets y3 (r2); added to r1, she cannot be in both in one slot */
    ok(add(&requester, "x2", NULL));
    struct app_schedule_opts o = {.event = "ev", .time_limit = 2, .seed = 1, .retries = 1};
    struct app_schedule_report rep;
    ok(app_schedule_event(s, &o, &a, &rep, &err));
    cr_assert_eq(number("SELECT count(*) FROM meetings"), 2, "both placed: two slots");
    cr_assert_eq(number("SELECT count(DISTINCT slot_rid) FROM meetings"), 2,
                 "r1 (x2 attending) and r2 (x2 its requester) in different slots");
}

/* A requests file with an attendees column: name.csv in /tmp, imported. */
static int import_requests(const char *rows, struct app_import_result *res)
{
    char path[96];
    snprintf(path, sizeof path, "/tmp/dfnc-test-attendees-%d.csv", (int)getpid());
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "id,event,from,to,status,attendees\n%s", rows);
    fclose(f);
    memset(res, 0, sizeof *res);
    res->now = 1;
    err = (struct df_err){0};
    int rc = app_import_csv(s, "requests", path, CODEPAGE_UTF8, 1, res, &err);
    unlink(path);
    return rc;
}

Test(app_attendees, an_import_brings_colleagues_checked_as_the_api_checks, .init = setup,
     .fini = teardown)
{
    struct app_import_result res;
    /* r3 new, x4 and y2 with it (either side's, as organisers bring them) */
    ok(import_requests("r3,ev,x5,y1,pending,x4; y2\n", &res));
    cr_assert_eq(number("SELECT count(*) FROM request_attendees a JOIN requests r"
                        " ON r.rid = a.request_rid WHERE r.id = 'r3'"),
                 2);
    /* again: the same file changes nothing, and is no error */
    ok(import_requests("r3,ev,x5,y1,pending,x4;y2\n", &res));
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 2);
    /* a party of it, someone unknown, x2 busy at r1's published meeting: refused, nothing kept */
    const char *bad[] = {"r3,ev,x5,y1,pending,y1\n", "r3,ev,x5,y1,pending,nobody\n",
                         "r1,ev,x1,y1,accepted,x2\n"};
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(import_requests(bad[i], &res), -1, "%s", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT, "%s: %s", bad[i], err.msg);
        cr_assert_not_null(strstr(err.msg, "attendees"), "%s", err.msg);
    }
    cr_assert_eq(number("SELECT count(*) FROM request_attendees"), 2);
}
