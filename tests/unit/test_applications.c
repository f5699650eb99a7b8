/* Unit tests of app/applications: the public side's bounds (closed, the
 * client's hour, the cap of pending ones, an address known), and approval's
 * organisation and its one transaction. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/applications.h"
#include "scratch_db.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-applications-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    struct store_org o = {.id = "shield-systems", .name = "Shield Systems", .country = "UA",
                          .kind = "company"};
    ok(store_org_upsert(s, &o, NULL, &err));
    struct store_org other = {.id = "acme", .name = "Acme Other", .country = "DE",
                              .kind = "company"};
    ok(store_org_upsert(s, &other, NULL, &err));
    struct store_person p = {.id = "p-bob", .org = "acme", .name = "Bob",
                             .email = "bob@acme.test"};
    ok(store_person_upsert(s, &p, NULL, &err));
    arena_init(&a, 0);
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* One number the database gives for sql. */
static long long one(const char *sql)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* A new organisation's application from email. */
static struct store_application of_new(const char *email, const char *org_name)
{
    return (struct store_application){.name = "Iryna Koval", .email = email,
                                      .org_name = org_name, .org_country = "ua",
                                      .org_kind = "company"};
}

static int send_from(struct store_application *ap, const char *ip, enum app_apply_refusal *why)
{
    const char *field;
    df_err_clear(&err);
    return app_application_send(s, ap, ip, 1000000, &a, why, &field, &err);
}

TestSuite(applications, .init = setup, .fini = teardown);

Test(applications, closed_by_default_keeps_nothing)
{
    enum app_apply_refusal why;
    struct store_application ap = of_new("iryna@shield.test", "Shield Systems");
    cr_assert_eq(send_from(&ap, "10.0.0.1", &why), -1);
    cr_assert_eq(why, APP_APPLY_CLOSED);
    cr_assert_eq(one("SELECT count(*) FROM applications"), 0);
    cr_assert_eq(one("SELECT count(*) FROM login_failures"), 0, "a closed form counts nothing");
}

Test(applications, a_client_sends_five_an_hour_known_addresses_counted)
{
    ok(app_applications_open_set(s, "org@forum.test", true, &err));
    enum app_apply_refusal why;
    char email[64];
    struct store_application known = of_new("BOB@acme.test", "Whatever");
    cr_assert_eq(send_from(&known, "2001:db8::1", &why), -1);
    cr_assert_eq(why, APP_APPLY_EMAIL_TAKEN);
    cr_assert_null(strstr(err.msg, "p-bob"), "names nobody: %s", err.msg);
    for (int i = 0; i < 4; i++) {
        snprintf(email, sizeof email, "a%d@x.test", i);
        struct store_application ap = of_new(email, "Shield Systems");
        cr_assert_eq(send_from(&ap, "2001:db8::1", &why), 0, "%s", err.msg);
    }
    /* another address of the same /64: the same client */
    struct store_application ap = of_new("late@x.test", "Shield Systems");
    cr_assert_eq(send_from(&ap, "2001:db8::ffff", &why), -1);
    cr_assert_eq(why, APP_APPLY_LIMITED);
    cr_assert_eq(send_from(&ap, "2001:db8:0:1::1", &why), 0, "another /64: %s", err.msg);
    cr_assert_eq(one("SELECT count(*) FROM applications WHERE status = 'pending'"), 5);
}

Test(applications, the_cap_of_pending_ones_refuses_more, .timeout = 120)
{
    ok(app_applications_open_set(s, "org@forum.test", true, &err));
    ok(store_begin(s, &err));
    char id[32], email[64];
    for (int i = 0; i < APP_APPLY_PENDING_MAX; i++) {
        snprintf(id, sizeof id, "app-%d", i);
        snprintf(email, sizeof email, "p%d@x.test", i);
        struct store_application ap = of_new(email, "Shield Systems");
        ap.id = id;
        ok(store_application_add(s, &ap, &err));
    }
    ok(store_commit(s, &err));
    enum app_apply_refusal why;
    struct store_application ap = of_new("one-more@x.test", "Shield Systems");
    cr_assert_eq(send_from(&ap, "10.0.0.9", &why), -1);
    cr_assert_eq(why, APP_APPLY_FULL);
    cr_assert_eq(one("SELECT count(*) FROM applications"), APP_APPLY_PENDING_MAX);
    /* one decided: room for one */
    ok(app_application_decline(s, "org@forum.test", "app-0", NULL, &err));
    cr_assert_eq(send_from(&ap, "10.0.0.9", &why), 0, "%s", err.msg);
}

/* Sends an application of org_name and approves it: the person made. */
static const char *approved(const char *email, const char *org_name)
{
    enum app_apply_refusal why;
    struct store_application ap = of_new(email, org_name);
    cr_assert_eq(send_from(&ap, "10.1.1.1", &why), 0, "%s", err.msg);
    struct app_walkin_made made;
    ok(app_application_approve(s, "org@forum.test", ap.id, "http://forum.test", 1000000, &a,
                               &made, &err));
    cr_assert(strstr(made.link, "http://forum.test/welcome#") == made.link, "%s", made.link);
    return made.person;
}

Test(applications, approval_joins_the_organisation_of_her_name_or_makes_one)
{
    ok(app_applications_open_set(s, "org@forum.test", true, &err));
    /* shield-systems exists with that name (letter case aside): she joins it */
    cr_assert_str_eq(approved("iryna@shield.test", "SHIELD systems"), "shield-systems-1");
    /* acme exists with another name: a new acme-2 */
    cr_assert_str_eq(approved("ed@acme-new.test", "Acme"), "acme-2-1");
    cr_assert_eq(one("SELECT count(*) FROM organisations WHERE id = 'acme-2' AND name = 'Acme'"
                     " AND country = 'UA'"), 1);
    cr_assert_eq(one("SELECT count(*) FROM organisations"), 3);
}

Test(applications, an_approval_that_fails_leaves_her_pending_and_nothing_made)
{
    ok(app_applications_open_set(s, "org@forum.test", true, &err));
    enum app_apply_refusal why;
    struct store_application ap = of_new("iryna@new.test", "New Org");
    cr_assert_eq(send_from(&ap, "10.1.1.2", &why), 0, "%s", err.msg);
    ok(store_exec_for_tests(s, "CREATE TEMP TRIGGER approve_refused BEFORE INSERT ON audit_log"
                               " WHEN NEW.action = 'application.approve'"
                               " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
                            &err));
    struct app_walkin_made made;
    cr_assert_eq(app_application_approve(s, "org@forum.test", ap.id, "http://forum.test",
                                         1000000, &a, &made, &err), -1);
    cr_assert_eq(made.link[0], '\0', "the link wiped");
    cr_assert_eq(one("SELECT count(*) FROM people WHERE email = 'iryna@new.test'"), 0);
    cr_assert_eq(one("SELECT count(*) FROM organisations WHERE name = 'New Org'"), 0);
    cr_assert_eq(one("SELECT count(*) FROM users WHERE email = 'iryna@new.test'"), 0);
    cr_assert_eq(one("SELECT count(*) FROM applications WHERE status = 'pending'"), 1);
    /* decided twice: refused */
    ok(store_exec_for_tests(s, "DROP TRIGGER approve_refused", &err));
    ok(app_application_decline(s, "org@forum.test", ap.id, NULL, &err));
    cr_assert_eq(app_application_decline(s, "org@forum.test", ap.id, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
}
