/* Unit tests of src/app/check.c (dfnc check) and the rules it shares:
 * stored rows written through the store, which judges nothing, as an older
 * dfnc would have left them; each judged by the importers' sentence, shown
 * without its control or invisible characters; password hashes judged by
 * their cost, never shown. */
#include <criterion/criterion.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/auth.h"
#include "app/check.h"
#include "app/fields.h"
#include "store/procure.h"
#include "store/store.h"
#include "scratch_db.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct app_check_report rep;

static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-check-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(store_open(&s, db_path, &err), 0, "%s", err.msg);
    cr_assert_eq(app_auth_init(&err), 0);
    struct store_org o = {.id = "org-de", .name = "Acme", .country = "DE", .kind = "company",
                          .website = "https://acme.example"};
    cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
    app_check_report_free(&rep);
    store_close(s);
    scratch_db_remove(db_path);
}

/* The finding of kind id field, or NULL. */
static const struct app_check_finding *finding(const char *kind, const char *id,
                                               const char *field)
{
    for (int i = 0; i < rep.findings_n; i++)
        if (!strcmp(rep.findings[i].kind, kind) && !strcmp(rep.findings[i].id, id) &&
            !strcmp(rep.findings[i].field, field))
            return &rep.findings[i];
    return NULL;
}

TestSuite(check, .init = setup, .fini = teardown);

Test(check, a_sound_forum_has_nothing_to_say)
{
    cr_assert_eq(app_check(db_path, &rep, &err), 0, "%s", err.msg);
    cr_assert_eq(rep.problems, 0, "%s", rep.findings_n ? rep.findings[0].message : "");
    cr_assert_eq(rep.rows, 1);
    cr_assert(rep.integrity_ok && rep.foreign_keys_ok);
    cr_assert_eq(rep.schema_version, store_latest_version());
}

Test(check, a_stored_value_is_refused_in_the_importers_sentence_and_shown_escaped)
{
    /* an ESC sequence and a bidi override in a stored website: refused, and
     * the sentence quoting it shows neither as it is */
    struct store_org o = {.id = "org-x", .name = "X", .country = "de", .kind = "company",
                          .website = "www.x.example\x1b[2J\u202E"};
    cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(app_check(db_path, &rep, &err), 0, "%s", err.msg);
    const struct app_check_finding *f = finding("organisation", "org-x", "website");
    cr_assert_not_null(f);
    cr_assert_eq(app_website_check(o.website, &err), -1);
    cr_assert(strstr(f->message, "is not an http:// or https:// address"), "%s", f->message);
    cr_assert(strstr(f->message, "www.x.example\\x1B[2J<U+202E>\""), "%s", f->message);
    cr_assert_null(strchr(f->message, '\x1b'));
    /* a lower-case country is not how dfnc stores one */
    f = finding("organisation", "org-x", "country");
    cr_assert(f && strstr(f->message, "country \"de\" is not an ISO 3166 alpha-2 code"));
    cr_assert_eq(rep.problems, 2);
    cr_assert_eq(rep.counts[1].problems, 2, "by kind: %s", rep.counts[1].kind);
}

Test(check, a_session_outside_its_events_dates_is_named_by_its_id)
{
    struct store_event e = {.id = "ev", .name = "Forum", .timezone = "Europe/Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-17",
                            .request_cap = 20};
    struct store_session x = {.id = "se-late", .event = "ev", .day = "2027-03-01", .name = "B2B",
                              .kind = "b2b", .starts_at = "2027-03-01T10:00:00+01:00",
                              .ends_at = "2027-03-01T12:00:00+01:00"};
    struct store_slot y = {.id = "sl-late", .session = "se-late", .seq = 1,
                           .starts_at = "2027-03-01T10:00:00+01:00",
                           .ends_at = "2027-03-01T10:30:00+01:00"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    cr_assert_eq(store_slot_upsert(s, &y, &err), 0, "%s", err.msg);
    cr_assert_eq(app_check(db_path, &rep, &err), 0, "%s", err.msg);
    const struct app_check_finding *f = finding("session", "se-late", "day");
    cr_assert(f && strstr(f->message, "is outside the event's dates (2027-02-16 to 2027-02-17)"),
              "%s", f ? f->message : "none");
    /* its slot is not judged against a session refused already */
    cr_assert_eq(rep.problems, 1);
    cr_assert_eq(rep.rows, 4);
}

Test(check, password_hashes_are_judged_by_their_cost_and_never_shown)
{
    cr_assert_eq(app_user_add(s, "cheap@x.example", "organiser", NULL, "password-1", true, &err),
                 0, "%s", err.msg);
    cr_assert_eq(app_check(db_path, &rep, &err), 0, "%s", err.msg);
    const struct app_check_finding *f = finding("user", "cheap@x.example", "password_hash");
    cr_assert(f && strstr(f->message, "rehash by resetting the password"));
    cr_assert_null(strstr(f->message, "$argon2"), "%s", f->message);

    char hash[crypto_pwhash_STRBYTES];
    cr_assert_eq(crypto_pwhash_str(hash, "x", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
    cr_assert_eq(app_password_hash_check(hash, &err), 0, "%s", err.msg);
    cr_assert_eq(crypto_pwhash_str(hash, "x", 1, crypto_pwhash_OPSLIMIT_MIN,
                                   crypto_pwhash_MEMLIMIT_MIN), 0);
    cr_assert_eq(app_password_hash_check(hash, &err), -1);
    cr_assert_eq(app_password_hash_check("plain text", &err), -1);
    cr_assert(strstr(err.msg, "not an argon2id hash"), "%s", err.msg);
    cr_assert_eq(app_password_hash_check("$argon2i$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", &err), -1);
}

Test(check, a_missing_database_is_said_and_not_made)
{
    struct df_err e = {0};
    cr_assert_eq(app_check("/tmp/dfnc-test-check-none/nothing.db", &rep, &e), -1);
    cr_assert(strstr(e.msg, "there is no database"), "%s", e.msg);
    cr_assert_neq(access("/tmp/dfnc-test-check-none/nothing.db", F_OK), 0);
}

/* The number of findings of kind id field. */
static int findings_of(const char *kind, const char *id, const char *field)
{
    int n = 0;
    for (int i = 0; i < rep.findings_n; i++)
        n += !strcmp(rep.findings[i].kind, kind) && !strcmp(rep.findings[i].id, id) &&
             !strcmp(rep.findings[i].field, field);
    return n;
}

/* A demand's unit with a line break or a terminal escape is one problem,
 * said once: not once as a name and again as a unit. */
Test(check, a_demands_bad_unit_is_said_once)
{
    struct store_demand d = {.id = "d-1", .buyer = "org-de", .country = "DE",
                             .cpv = "35613000-4", .description = "drones",
                             .unit = "pcs\nor sets", .deliver_by = "2027-06-01", .funders = "",
                             .quantity = 10, .max_unit_price_eur = 1000};
    cr_assert_eq(store_demand_upsert(s, &d, NULL, &err), 0, "%s", err.msg);
    d.id = "d-2";
    d.unit = "pcs\x1b[2J";
    cr_assert_eq(store_demand_upsert(s, &d, NULL, &err), 0, "%s", err.msg);
    d.id = "d-3";
    d.unit = "";
    cr_assert_eq(store_demand_upsert(s, &d, NULL, &err), 0, "%s", err.msg);
    d.id = "d-4";
    d.unit = "pcs\xff\x1b";
    cr_assert_eq(store_demand_upsert(s, &d, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(app_check(db_path, &rep, &err), 0, "%s", err.msg);
    cr_assert_eq(findings_of("demand", "d-4", "unit"), 1);
    cr_assert(strstr(finding("demand", "d-4", "unit")->message, "is not UTF-8"));
    cr_assert_eq(findings_of("demand", "d-1", "unit"), 1);
    const struct app_check_finding *f = finding("demand", "d-1", "unit");
    cr_assert(strstr(f->message, "holds a line break"), "%s", f->message);
    cr_assert_eq(findings_of("demand", "d-2", "unit"), 1);
    cr_assert_eq(findings_of("demand", "d-3", "unit"), 1);
    f = finding("demand", "d-3", "unit");
    cr_assert(strstr(f->message, "column \"unit\" is empty"), "%s", f->message);
}
