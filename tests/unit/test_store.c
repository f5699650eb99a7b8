/* Unit tests of src/store: migrations, upserts by id, references, meetings, figures. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/api.h"
#include "store/glossary.h"
#include "store/invite.h"
#include "store/migrations.h"
#include "store/store.h"

/* Migration 57 taken out, before an older version's columns are: its
 * counter and the triggers that raise it (SQLite checks every trigger when
 * a column is dropped). */
#define BOARD_TRIGGERS_DROPPED(t)                                                    \
    "DROP TRIGGER IF EXISTS " t "_board_insert; DROP TRIGGER IF EXISTS " t "_board_delete;" \
    "DROP TRIGGER IF EXISTS " t "_board_update;"
#define UNDO_MIGRATION_57                                                            \
    BOARD_TRIGGERS_DROPPED("events") BOARD_TRIGGERS_DROPPED("sessions")              \
    BOARD_TRIGGERS_DROPPED("slots") BOARD_TRIGGERS_DROPPED("locations")              \
    BOARD_TRIGGERS_DROPPED("location_out_of_use") BOARD_TRIGGERS_DROPPED("interpreters") \
    BOARD_TRIGGERS_DROPPED("requests") BOARD_TRIGGERS_DROPPED("request_attendees")   \
    BOARD_TRIGGERS_DROPPED("people") BOARD_TRIGGERS_DROPPED("unavailability")        \
    BOARD_TRIGGERS_DROPPED("meetings") "DROP TABLE board_generation;"
/* Migration 58 taken out: the sessions' SEQUENCE, the talks and attendance
 * withdrawn, and their triggers (dropped before the column they read). */
#define UNDO_MIGRATION_58                                                            \
    "DROP TRIGGER sessions_changed; DROP TRIGGER sessions_left_programme;"           \
    "DROP TRIGGER sessions_withdrawn; DROP TRIGGER sessions_back_in_programme;"      \
    "DROP TRIGGER sessions_made_programme; DROP TRIGGER events_changed_sessions;"    \
    "DROP TRIGGER attendee_withdrawn; DROP TRIGGER attendee_back;"                   \
    "DROP TABLE withdrawn_sessions; DROP TABLE withdrawn_attendance;"                \
    "ALTER TABLE sessions DROP COLUMN sequence;"
/* Migration 60's tables taken out (its outbox copy leaves nothing to undo). */
#define UNDO_MIGRATION_60 "DROP TABLE day_mails; DROP TABLE answer_reminders;"
/* Migration 62's columns taken out: when each day's mail goes by itself. */
#define UNDO_MIGRATION_62                                                            \
    "ALTER TABLE events DROP COLUMN day_mail_on; ALTER TABLE events DROP COLUMN day_mail_at;"
/* Migration 64's column taken out. */
#define UNDO_MIGRATION_64 "ALTER TABLE events DROP COLUMN requests_close;"
/* Migration 61's table taken out (its outbox copy leaves nothing to undo). */
#define UNDO_MIGRATION_61 "DROP TABLE outcome_asks;"
/* Migration 63 taken out (first: its triggers read tables and columns that
 * older versions lack): the agenda and outcome counters and their triggers. */
#define AGENDA_TRIGGERS_DROPPED(t)                                                   \
    "DROP TRIGGER IF EXISTS " t "_agenda_insert; DROP TRIGGER IF EXISTS " t "_agenda_delete;" \
    "DROP TRIGGER IF EXISTS " t "_agenda_update;"
#define UNDO_MIGRATION_63                                                            \
    AGENDA_TRIGGERS_DROPPED("requests") AGENDA_TRIGGERS_DROPPED("request_attendees") \
    AGENDA_TRIGGERS_DROPPED("meetings") AGENDA_TRIGGERS_DROPPED("withdrawn_meetings") \
    AGENDA_TRIGGERS_DROPPED("withdrawn_attendance")                                  \
    AGENDA_TRIGGERS_DROPPED("withdrawn_sessions") AGENDA_TRIGGERS_DROPPED("people")   \
    AGENDA_TRIGGERS_DROPPED("organisations") AGENDA_TRIGGERS_DROPPED("events")       \
    AGENDA_TRIGGERS_DROPPED("sessions") AGENDA_TRIGGERS_DROPPED("slots")             \
    AGENDA_TRIGGERS_DROPPED("locations") AGENDA_TRIGGERS_DROPPED("interpreters")     \
    "DROP TRIGGER meeting_outcomes_figures_insert;"                                  \
    "DROP TRIGGER meeting_outcomes_figures_delete;"                                  \
    "DROP TRIGGER meeting_outcomes_figures_update;"                                  \
    "DROP TABLE agenda_generation; DROP TABLE outcome_generation;"
/* Migration 65's table taken out (its outbox kinds may stay: a kind more). */
#define UNDO_MIGRATION_65 "DROP TABLE people_mailings;"
/* Migration 66's column taken out. */
#define UNDO_MIGRATION_66 "ALTER TABLE events DROP COLUMN day_mail_from;"
#include "store/store_internal.h"
#include "scratch_db.h"

static char db_path[64];
static struct store *s;
static struct df_err err;

static void open_fresh(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-store-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(store_open(&s, db_path, &err), 0, "%s", err.msg);
}

static void close_and_remove(void)
{
    store_close(s);
    s = NULL;
    scratch_db_remove(db_path);
}

static void add_org(const char *id, const char *country)
{
    struct store_org o = {.id = id, .name = id, .country = country, .kind = "company"};
    cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
}

Test(store_migrations, an_older_schema_is_migrated_keeping_its_rows)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-mig-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(store_open_raw(&s, db_path, &err), 0, "%s", err.msg);
    /* Build the version-1 schema by hand, as an older dfnc would have left it. */
    cr_assert_eq(store_exec_for_tests(s, store_migrations[0].sql, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(s, "PRAGMA user_version=1;"
                                         "INSERT INTO organisations(id,name,country,kind)"
                                         " VALUES ('org-1','Old','UA','company');", &err), 0);
    cr_assert_eq(store_schema_version(s), 1);
    int applied = 0;
    cr_assert_eq(store_migrate(s, &applied, &err), 0, "%s", err.msg);
    cr_assert_eq(applied, store_migrations_n - 1);
    cr_assert_eq(store_schema_version(s), store_latest_version());
    cr_assert_eq(store_org_exists(s, "org-1", &err), 1, "rows survive the migration");
    cr_assert_eq(store_cpv_upsert(s, "35613000-4", "Unmanned aerial vehicles", NULL, NULL, &err),
                 0, "the table of migration 2 exists: %s", err.msg);
    cr_assert_eq(store_migrate(s, &applied, &err), 0);
    cr_assert_eq(applied, 0, "migrating twice does nothing");
    /* version 11's triggers, which version 14 drops: their names are free */
    static const char *const gone[] = {"meetings_placed_version", "meetings_gone_version",
                                       "meetings_moved_version", "events_published_version"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        char sql[160];
        snprintf(sql, sizeof sql, "CREATE TRIGGER %s AFTER INSERT ON meetings"
                                  " BEGIN SELECT 1; END;", gone[i]);
        cr_assert_eq(store_exec_for_tests(s, sql, &err), 0, "%s is still there: %s", gone[i],
                     err.msg);
    }
    close_and_remove();
}

/* The versions only go up (a database's version is its last migration's,
 * so a number below it would never run), and the board's generation has
 * its three triggers on each table the board reads: a migration that
 * rebuilds such a table must make them again, or kept boards go stale. */
Test(store_migrations, versions_rise_and_the_board_triggers_stand)
{
    for (int i = 1; i < store_migrations_n; i++)
        cr_assert_gt(store_migrations[i].version, store_migrations[i - 1].version,
                     "migration %d after %d", store_migrations[i].version,
                     store_migrations[i - 1].version);
    open_fresh();
    static const char *const watched[] = {"events", "sessions", "slots", "locations",
                                          "location_out_of_use", "interpreters", "requests",
                                          "request_attendees", "people", "unavailability",
                                          "meetings"};
    for (size_t i = 0; i < sizeof watched / sizeof watched[0]; i++) {
        sqlite3_stmt *st;
        cr_assert_eq(sqlite3_prepare_v2(s->db,
                                        "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                        " AND tbl_name = ?1 AND name IN (?1 || '_board_insert',"
                                        " ?1 || '_board_update', ?1 || '_board_delete')",
                                        -1, &st, NULL),
                     SQLITE_OK);
        sqlite3_bind_text(st, 1, watched[i], -1, SQLITE_STATIC);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        /* a new person is on no board until a request names her */
        int want = strcmp(watched[i], "people") == 0 ? 2 : 3;
        cr_assert_eq(sqlite3_column_int(st, 0), want, "%s's board triggers", watched[i]);
        sqlite3_finalize(st);
    }
    close_and_remove();
}

Test(store_migrations, refuses_a_newer_schema)
{
    open_fresh();
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d;", store_latest_version() + 1);
    cr_assert_eq(store_exec_for_tests(s, sql, &err), 0);
    cr_assert_eq(store_migrate(s, NULL, &err), -1);
    cr_assert(strstr(err.msg, "newer") != NULL, "%s", err.msg);
    close_and_remove();
}

Test(store_orgs, upsert_reports_added_then_updated_and_keeps_cyrillic, .init = open_fresh,
     .fini = close_and_remove)
{
    struct store_org o = {.id = "ua-1", .name = "Укроборонпром", .country = "UA",
                          .kind = "company", .sme = 0, .description = "'; DROP TABLE x; --"};
    int added = -1;
    cr_assert_eq(store_org_upsert(s, &o, &added, &err), 0, "%s", err.msg);
    cr_assert_eq(added, 1);
    o.city = "Київ";
    cr_assert_eq(store_org_upsert(s, &o, &added, &err), 0);
    cr_assert_eq(added, 0);
    struct arena a;
    arena_init(&a, 0);
    struct store_org got;
    cr_assert_eq(store_org_get(s, "ua-1", &a, &got, &err), 0);
    cr_assert_str_eq(got.name, "Укроборонпром");
    cr_assert_str_eq(got.city, "Київ");
    cr_assert_str_eq(got.description, "'; DROP TABLE x; --");
    cr_assert_eq(store_org_get(s, "nope", &a, &got, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    arena_free(&a);
}

Test(store_people, a_person_needs_an_existing_organisation, .init = open_fresh,
     .fini = close_and_remove)
{
    struct store_person p = {.id = "p-1", .org = "missing", .name = "Олена"};
    cr_assert_eq(store_person_upsert(s, &p, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "missing") != NULL);
    add_org("org-1", "PL");
    p.org = "org-1";
    cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_person_exists(s, "p-1", &err), 1);
}

/* The people to invite, read into an arena that runs out midway: an error,
 * not people whose e-mail reads as none (they would be counted "without an
 * e-mail" and never invited). */
Test(store_invite, an_arena_that_runs_out_is_an_error, .init = open_fresh,
     .fini = close_and_remove)
{
    add_org("org-1", "PL");
    char id[16], email[32];
    for (int i = 0; i < 3; i++) {
        snprintf(id, sizeof id, "p-%d", i);
        snprintf(email, sizeof email, "person-%d@x.test", i);
        struct store_person p = {.id = id, .org = "org-1", .name = "Олена", .email = email};
        cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    }
    struct arena roomy, tight;
    arena_init(&roomy, 0);
    struct store_invitee *all;
    int n = 0;
    cr_assert_eq(store_invitees(s, NULL, &roomy, &all, &n, &err), 0, "%s", err.msg);
    cr_assert_eq(n, 3);
    cr_assert_str_eq(all[2].email, "person-2@x.test");
    /* room for the list and a few copies, not all of them */
    arena_init(&tight, 3 * sizeof *all + 24);
    cr_assert_eq(store_invitees(s, NULL, &tight, &all, &n, &err), -1);
    cr_assert(strstr(err.msg, "out of memory"), "%s", err.msg);
    arena_free(&roomy);
    arena_free(&tight);
}

static void add_event_with_slots(void)
{
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2025-06-05",
                            .ends_on = "2025-06-06"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct store_session x = {.id = "ev-s1", .event = "ev", .day = "2025-06-05", .name = "B2B",
                              .kind = "b2b", .starts_at = "2025-06-05T09:00:00+02:00",
                              .ends_at = "2025-06-05T10:00:00+02:00"};
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    const char *starts[] = {"2025-06-05T09:00:00+02:00", "2025-06-05T09:20:00+02:00"};
    const char *ends[] = {"2025-06-05T09:20:00+02:00", "2025-06-05T09:40:00+02:00"};
    for (int i = 0; i < 2; i++) {
        char id[16];
        snprintf(id, sizeof id, "ev-t%d", i + 1);
        struct store_slot t = {.id = id, .session = "ev-s1", .seq = i + 1,
                               .starts_at = starts[i], .ends_at = ends[i]};
        cr_assert_eq(store_slot_upsert(s, &t, &err), 0, "%s", err.msg);
    }
    struct store_location l = {.id = "ev-l1", .event = "ev", .name = "Table 1"};
    cr_assert_eq(store_location_upsert(s, &l, &err), 0, "%s", err.msg);
}

/* People a (of organisation eu, DE) and b (of ua, UA). */
static void add_two_people(void)
{
    add_org("eu", "DE");
    add_org("ua", "UA");
    struct store_person a = {.id = "a", .org = "eu", .name = "A"};
    struct store_person b = {.id = "b", .org = "ua", .name = "B"};
    cr_assert_eq(store_person_upsert(s, &a, NULL, &err), 0);
    cr_assert_eq(store_person_upsert(s, &b, NULL, &err), 0);
}

static int count_meeting(void *ud, const struct store_meeting *m)
{
    int *n = ud;
    (*n)++;
    cr_assert_str_eq(m->location_name, "Table 1");
    return 0;
}

static int grab_sequence(void *ud, const struct store_meeting *m)
{
    *(int *)ud = m->sequence;
    return 0;
}

/* err holds code, its one value "value" being value. */
static void assert_coded(const char *code, const char *value)
{
    cr_assert_str_eq(err.code ? err.code : "(none)", code, "%s", err.msg);
    cr_assert_eq(err.values_n, 1, "%s", err.msg);
    cr_assert_str_eq(err.name[0], "value");
    cr_assert_str_eq(err.value[0], value);
}

/* A reference not there is refused by code as well as in English, for an
 * import's page to say it in its language (src/core/codes.h); an id from
 * outside is named cut at 128 bytes, in its value too. */
Test(store_requests, a_reference_not_there_is_said_by_code, .init = open_fresh,
     .fini = close_and_remove)
{
    add_two_people();
    add_event_with_slots();
    struct store_request r = {.id = "r1", .event = "ev", .from = "a", .to = "nobody"};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_str_eq(err.msg, "person \"nobody\" does not exist");
    assert_coded("no_person", "nobody");
    r.to = "a";
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), -1, "no request to oneself");
    assert_coded("same_person", "a");
    char long_id[201];
    memset(long_id, 'x', 200);
    long_id[200] = '\0';
    r.to = "b";
    r.event = long_id;
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), -1);
    cr_assert_eq(strlen(err.value[0]), 128, "the value cut as the message names it");
    cr_assert_str_eq(err.code, "no_event");
    struct store_meeting m = {.request = "r-none", .slot = "ev-t1"};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), -1);
    assert_coded("no_request", "r-none");
    struct store_event e2 = {.id = "ev2", .name = "Other", .starts_on = "2025-07-01",
                             .ends_on = "2025-07-01"};
    cr_assert_eq(store_event_upsert(s, &e2, NULL, &err), 0, "%s", err.msg);
    struct store_interpreter x = {.id = "iv", .event = "ev2", .name = "I", .lang_a = "uk",
                                  .lang_b = "en", .session = "ev-s9"};
    cr_assert_eq(store_interpreter_upsert(s, &x, NULL, &err), -1);
    assert_coded("no_session", "ev-s9");
    x.session = "ev-s1";
    cr_assert_eq(store_interpreter_upsert(s, &x, NULL, &err), -1);
    cr_assert_str_eq(err.code, "session_not_event", "%s", err.msg);
    cr_assert_eq(err.values_n, 2);
    cr_assert_str_eq(err.value[1], "ev2", "the event it is not part of");
}

Test(store_requests, requests_meetings_and_figures, .init = open_fresh,
     .fini = close_and_remove)
{
    add_two_people();
    add_event_with_slots();
    struct store_request self = {.id = "r0", .event = "ev", .from = "a", .to = "a"};
    cr_assert_eq(store_request_upsert(s, &self, NULL, &err), -1, "no request to oneself");
    struct store_request r = {.id = "r1", .event = "ev", .from = "a", .to = "b",
                              .status = "accepted", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
    struct store_meeting m = {.request = "r1", .slot = "ev-t1", .location = "ev-l1"};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0, "%s", err.msg);
    int n = 0;
    cr_assert_eq(store_meeting_each(s, "ev", "b", count_meeting, &n, &err), 0);
    cr_assert_eq(n, 1, "b sees the meeting on their agenda");
    m.slot = "ev-t2";
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0);
    int seq = -1;
    store_meeting_each(s, NULL, NULL, grab_sequence, &seq, &err);
    cr_assert_eq(seq, 1, "a moved meeting raises its SEQUENCE");
    struct arena ar;
    arena_init(&ar, 0);
    struct store_meeting got;
    cr_assert_eq(store_meeting_of_request(s, "r1", &ar, &got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got.slot, "ev-t2");
    cr_assert_str_eq(got.event, "ev");
    cr_assert_eq(store_meeting_of_request(s, "r-none", &ar, &got, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    /* a request never moves: its meeting lies in its event's slots */
    struct store_request swapped = r;
    swapped.from = "b";
    swapped.to = "a";
    swapped.status = "declined";
    cr_assert_eq(store_request_upsert(s, &swapped, NULL, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT, "%s", err.msg);
    struct store_request now;
    cr_assert_eq(store_request_get(s, "r1", &ar, &now, &err), 0);
    cr_assert_str_eq(now.from, "a", "nothing of the refused upsert was kept");
    cr_assert_str_eq(now.status, "accepted");
    arena_free(&ar);
    struct store_stats st;
    cr_assert_eq(store_stats_get(s, &st, &err), 0);
    cr_assert_eq(st.participants, 2);
    cr_assert_eq(st.eu_organisations, 1);
    cr_assert_eq(st.ua_organisations, 1);
    cr_assert_eq(st.countries, 2);
    cr_assert_eq(st.accepted, 1);
    cr_assert_eq(st.scheduled, 1);
    cr_assert_eq(store_meeting_clear_unaccepted(s, "ev", &err), 0);
    cr_assert_eq(store_stats_get(s, &st, &err), 0);
    cr_assert_eq(st.scheduled, 1, "an accepted request keeps its meeting");
    cr_assert_eq(store_exec_for_tests(s, "UPDATE requests SET status = 'declined'", &err), 0);
    cr_assert_eq(store_meeting_clear_unaccepted(s, "ev", &err), 0);
    cr_assert_eq(store_stats_get(s, &st, &err), 0);
    cr_assert_eq(st.scheduled, 0);
}

static int grab_session(void *ud, const struct store_session *x)
{
    struct store_session *got = ud;
    got->name = strdup(x->name);
    got->name_uk = x->name_uk ? strdup(x->name_uk) : NULL;
    return 0;
}

/* The session ev-s1's names as stored; the caller frees them. */
static struct store_session session_names(void)
{
    struct store_session got = {0};
    cr_assert_eq(store_session_each(s, "ev", grab_session, &got, &err), 0, "%s", err.msg);
    cr_assert_not_null(got.name, "the session is there");
    return got;
}

Test(store_programme, names_and_venue_kept_in_both_languages, .init = open_fresh,
     .fini = close_and_remove)
{
    add_event_with_slots();
    struct store_event e = {.id = "ev", .name = "Forum", .name_uk = "Форум",
                            .venue = "Brussels", .venue_uk = "Брюссель",
                            .starts_on = "2025-06-05", .ends_on = "2025-06-06"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct store_event got;
    cr_assert_eq(store_event_get(s, "ev", &a, &got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got.name, "Forum");
    cr_assert_str_eq(got.name_uk, "Форум");
    cr_assert_str_eq(got.venue, "Brussels");
    cr_assert_str_eq(got.venue_uk, "Брюссель");
    e.name_uk = e.venue_uk = NULL;
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_event_get(s, "ev", &a, &got, &err), 0, "%s", err.msg);
    cr_assert_null(got.name_uk, "an event written without a Ukrainian name has none");
    cr_assert_null(got.venue_uk);
    arena_free(&a);

    struct store_session x = {.id = "ev-s1", .event = "ev", .day = "2025-06-05",
                              .name = "B2B meetings", .name_uk = "Зустрічі B2B", .kind = "b2b",
                              .starts_at = "2025-06-05T09:00:00+02:00",
                              .ends_at = "2025-06-05T10:00:00+02:00"};
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    struct store_session n = session_names();
    cr_assert_str_eq(n.name, "B2B meetings");
    cr_assert_str_eq(n.name_uk, "Зустрічі B2B");
    free((char *)n.name);
    free((char *)n.name_uk);
    /* an update that keeps it (an edit that does not send one) changes the
     * rest, not the Ukrainian name */
    x.name = "B2B meetings, morning";
    x.name_uk = NULL;
    x.keep_name_uk = true;
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    n = session_names();
    cr_assert_str_eq(n.name, "B2B meetings, morning");
    cr_assert_str_eq(n.name_uk, "Зустрічі B2B");
    free((char *)n.name);
    free((char *)n.name_uk);
    x.keep_name_uk = false;
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    n = session_names();
    cr_assert_null(n.name_uk, "written NULL, it goes");
    free((char *)n.name);
}

/* A published meeting's calendar entry names the venue in its reader's
 * language: a new Ukrainian venue raises its SEQUENCE as a new venue does. */
Test(store_programme, a_new_ukrainian_venue_raises_the_sequence, .init = open_fresh,
     .fini = close_and_remove)
{
    add_two_people();
    add_event_with_slots();
    struct store_request r = {.id = "r1", .event = "ev", .from = "a", .to = "b",
                              .status = "accepted", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
    struct store_meeting m = {.request = "r1", .slot = "ev-t1", .location = "ev-l1"};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0, "%s", err.msg);
    int seq = -1;
    store_meeting_each(s, NULL, NULL, grab_sequence, &seq, &err);
    struct store_event e = {.id = "ev", .name = "Forum", .venue_uk = "Брюссель",
                            .starts_on = "2025-06-05", .ends_on = "2025-06-06"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    int now = -1;
    store_meeting_each(s, NULL, NULL, grab_sequence, &now, &err);
    cr_assert_eq(now, seq + 1, "SEQUENCE %d, was %d", now, seq);
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    store_meeting_each(s, NULL, NULL, grab_sequence, &seq, &err);
    cr_assert_eq(seq, now, "the same venue again raises nothing");
}

/* A database of version 52 kept one arrival a person, the first: 54 keeps
 * each as an arrival on the day its time names (UTC), and the column goes. */
Test(store_migrations, version_52_keeps_each_arrival_as_one_of_its_day, .init = open_fresh,
     .fini = close_and_remove)
{
    add_org("org-1", "UA");
    struct store_person p = {.id = "p-1", .org = "org-1", .name = "Olena"};
    cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    p = (struct store_person){.id = "p-2", .org = "org-1", .name = "Taras"};
    cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(s,
                                      UNDO_MIGRATION_63
                                      UNDO_MIGRATION_57
                                      UNDO_MIGRATION_58
                                      "DROP TABLE arrivals;"
                                      "ALTER TABLE people ADD COLUMN checked_in_at TEXT;"
                                      "UPDATE people SET checked_in_at = '2031-02-16T07:30:00Z'"
                                      " WHERE id = 'p-1';"
                                      "ALTER TABLE sessions DROP COLUMN place;"
                                      "ALTER TABLE sessions DROP COLUMN place_uk;"
                                      "ALTER TABLE sessions DROP COLUMN description;"
                                      "ALTER TABLE sessions DROP COLUMN description_uk;"
                                      "DROP TABLE location_out_of_use;"
                                      UNDO_MIGRATION_60 UNDO_MIGRATION_61 UNDO_MIGRATION_62
                                      UNDO_MIGRATION_64 UNDO_MIGRATION_65 UNDO_MIGRATION_66
                                      "PRAGMA user_version=52;",
                                      &err),
                 0, "%s", err.msg);
    int applied = 0;
    cr_assert_eq(store_migrate(s, &applied, &err), 0, "%s", err.msg);
    cr_assert_eq(applied, 13, "53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65 and 66");
    struct arena a;
    arena_init(&a, 0);
    struct store_person got;
    cr_assert_eq(store_person_get(s, "p-1", &a, &got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got.checked_in_at, "2031-02-16T07:30:00Z");
    cr_assert_str_eq(got.checked_in_day, "2031-02-16");
    cr_assert_eq(store_person_get(s, "p-2", &a, &got, &err), 0, "%s", err.msg);
    cr_assert_null(got.checked_in_at, "never came: no arrival");
    arena_free(&a);
    cr_assert_neq(store_exec_for_tests(s, "SELECT checked_in_at FROM people;", &err), 0,
                  "the column is gone: one place says who came");
}

/* A database of version 22 (before the programme had Ukrainian names) keeps
 * its events and sessions, which then have none, and takes them after. */
Test(store_migrations, version_22_gets_the_programme_in_ukrainian, .init = open_fresh,
     .fini = close_and_remove)
{
    add_event_with_slots();
    cr_assert_eq(store_exec_for_tests(s, UNDO_MIGRATION_63
                                         UNDO_MIGRATION_57
                                         UNDO_MIGRATION_58
                                         /* migration 54's */
                                         "DROP TABLE arrivals;"
                                         "ALTER TABLE people ADD COLUMN checked_in_at TEXT;"
                                         /* migration 51's */
                                         "ALTER TABLE supplies DROP COLUMN unit;"
                                         /* migration 41's */
                                         "ALTER TABLE meetings DROP COLUMN moved_from_online;"
                                         /* migration 40's */
                                         "ALTER TABLE people DROP COLUMN attendance;"
                                         "ALTER TABLE events DROP COLUMN video_url;"
                                         "ALTER TABLE meetings DROP COLUMN video_room;"
                                         /* migration 38's */
                                         "ALTER TABLE people DROP COLUMN erased_at;"
                                         /* migration 36's */
                                         "DROP TABLE applications;"
                                         "DROP TABLE applications_config;"
                                         /* migration 33's (34 and 37 rebuild its outbox) */
                                         "ALTER TABLE people DROP COLUMN mail_off;"
                                         "DROP TABLE mail_outbox;"
                                         "DROP TABLE mail_config;"
                                         /* migration 32's */
                                         "ALTER TABLE unscheduled_reasons DROP COLUMN code;"
                                         "ALTER TABLE unscheduled_reasons DROP COLUMN vals;"
                                         "DROP TRIGGER events_moved_venue_uk_meetings;"
                                         "ALTER TABLE events DROP COLUMN name_uk;"
                                         "ALTER TABLE events DROP COLUMN venue_uk;"
                                         "ALTER TABLE sessions DROP COLUMN name_uk;"
                                         "DROP TRIGGER meetings_withdrawn;"
                                         "DROP TRIGGER meetings_placed_again;"
                                         "DROP TABLE withdrawn_meetings;"
                                         /* version 25 */
                                         "ALTER TABLE meetings DROP COLUMN moved_from_start;"
                                         "ALTER TABLE meetings DROP COLUMN moved_from_location;"
                                         /* version 26 */
                                         "DROP TABLE announcements;"
                                         /* migration 27's */
                                         "DROP TABLE absence_reports;"
                                         /* migration 28's */
                                         "DROP TABLE request_messages;"
                                         "DROP TABLE request_message_reads;"
                                         /* migration 29's */
                                         "DROP TRIGGER requests_proposal_ends;"
                                         "DROP INDEX requests_proposed_slot;"
                                         "ALTER TABLE requests DROP COLUMN proposed_slot_rid;"
                                         /* migration 30's */
                                         "ALTER TABLE requests DROP COLUMN introduced;"
                                         /* migration 55's */
                                         "ALTER TABLE sessions DROP COLUMN place;"
                                         "ALTER TABLE sessions DROP COLUMN place_uk;"
                                         "ALTER TABLE sessions DROP COLUMN description;"
                                         "ALTER TABLE sessions DROP COLUMN description_uk;"
                                         /* migration 56's */
                                         "DROP TABLE location_out_of_use;"
                                         /* migrations 60 to 64's */
                                         UNDO_MIGRATION_60 UNDO_MIGRATION_61 UNDO_MIGRATION_62
                                         UNDO_MIGRATION_64 UNDO_MIGRATION_65 UNDO_MIGRATION_66
                                         "PRAGMA user_version=22;", &err), 0, "%s", err.msg);
    int applied = 0, after_22 = 0;
    cr_assert_eq(store_migrate(s, &applied, &err), 0, "%s", err.msg);
    for (int i = 0; i < store_migrations_n; i++)   /* numbers may skip (parallel branches) */
        after_22 += store_migrations[i].version > 22;
    cr_assert_eq(applied, after_22);
    struct arena a;
    arena_init(&a, 0);
    struct store_event got;
    cr_assert_eq(store_event_get(s, "ev", &a, &got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got.name, "Forum", "the old name stays the English one");
    cr_assert_null(got.name_uk);
    cr_assert_null(got.venue_uk);
    arena_free(&a);
    struct store_session n = session_names();
    cr_assert_str_eq(n.name, "B2B");
    cr_assert_null(n.name_uk);
    free((char *)n.name);
    cr_assert_eq(store_exec_for_tests(s, "UPDATE sessions SET name_uk = 'Зустрічі'", &err), 0,
                 "%s", err.msg);
}

Test(store_tx, rollback_leaves_nothing, .init = open_fresh, .fini = close_and_remove)
{
    cr_assert_eq(store_begin(s, &err), 0);
    add_org("x", "FR");
    store_rollback(s);
    cr_assert_eq(store_org_exists(s, "x", &err), 0);
}

static int collect_glossary(void *ud, const struct store_glossary_line *l)
{
    char *out = ud;
    char line[160];
    snprintf(line, sizeof line, "%d:%s=%s%s;", l->line, l->en, l->uk, l->negated ? "!" : "");
    strcat(out, line);
    return 0;
}

/* An import replaces the organiser's glossary whole, in file order, and
 * raises the match generation (a server rebuilds its lexicon); a line the
 * schema refuses leaves the previous glossary as it was. */
Test(store_glossary, replaced_whole_in_order_or_not_at_all, .init = open_fresh,
     .fini = close_and_remove)
{
    const struct store_glossary_line first[] = {{3, "drone", "дрон", false},
                                                {5, "counter", "лічильник", true}};
    int64_t g0 = store_api_match_generation(s);
    cr_assert_eq(store_glossary_replace(s, first, 2, &err), 0, "%s", err.msg);
    cr_assert_gt(store_api_match_generation(s), g0);
    char got[512] = "";
    cr_assert_eq(store_glossary_each(s, collect_glossary, got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got, "3:drone=дрон;5:counter=лічильник!;");

    const struct store_glossary_line bad[] = {{1, "border", "кордон", false}, {2, "", "x", false}};
    cr_assert_lt(store_glossary_replace(s, bad, 2, &err), 0);
    got[0] = '\0';
    cr_assert_eq(store_glossary_each(s, collect_glossary, got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got, "3:drone=дрон;5:counter=лічильник!;", "the previous glossary stays");

    cr_assert_eq(store_glossary_replace(s, NULL, 0, &err), 0, "%s", err.msg);
    got[0] = '\0';
    cr_assert_eq(store_glossary_each(s, collect_glossary, got, &err), 0, "%s", err.msg);
    cr_assert_str_eq(got, "", "an empty import clears it");
}

/* A server thread's connection meets every query of the store over its life,
 * and the store grows: the statement cache has no fixed size to run out of
 * (it held 160, and the 161st distinct query failed "cache full"). Each text
 * is prepared once and found again by its address. */
Test(store_stmt, every_distinct_query_is_prepared_once_and_kept, .init = open_fresh,
     .fini = close_and_remove)
{
    enum { N = 400 };
    static char sqls[N][32];
    sqlite3_stmt *first[N];
    for (int i = 0; i < N; i++) {
        snprintf(sqls[i], sizeof sqls[i], "SELECT %d", i);
        first[i] = store_stmt(s, sqls[i], &err);
        cr_assert_not_null(first[i], "query %d: %s", i, err.msg);
        cr_assert_eq(sqlite3_step(first[i]), SQLITE_ROW);
        cr_assert_eq(sqlite3_column_int(first[i], 0), i);
    }
    for (int i = 0; i < N; i++)
        cr_assert_eq(store_stmt(s, sqls[i], &err), first[i], "query %d prepared again", i);
}

/* The whole outbox as one string: every column of every row. */
static char *outbox_dump(void)
{
    sqlite3_stmt *st;
    /* each column quoted and joined: a NULL shows as NULL, a text as 'text' */
    cr_assert_eq(sqlite3_prepare_v2(s->db,
                                    "SELECT group_concat(quote(rid) || quote(id) || quote(to_addr)"
                                    " || quote(person_rid) || quote(kind) || quote(subject)"
                                    " || quote(body) || quote(status) || quote(created_at)"
                                    " || quote(sent_at) || quote(attempts) || quote(next_try_at)"
                                    " || quote(tried_at) || quote(last_error)"
                                    " || quote(link_expires_at) || quote(message_rid), ';')"
                                    " FROM (SELECT * FROM mail_outbox ORDER BY rid)",
                                    -1, &st, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(s->db));
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    char *dump = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return dump;
}

/* Version 44 copies the outbox whole (each row, its link's expiry, the
 * message a mail told of) into a table whose kinds take "invitation", an
 * invitation carrying its link's expiry as every link mail does. */
Test(store_migrations, version_44_keeps_the_outbox_and_takes_invitations, .init = open_fresh,
     .fini = close_and_remove)
{
    struct df_err err = {0};
    /* a message's rid that no row backs: the copy is checked, not the key */
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "PRAGMA foreign_keys=OFF;"
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-a', 'a@b.eu', 'request', 'S', 'B', '2000-01-01T00:00:00Z');"
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, status, sent_at,"
                     " attempts, next_try_at, tried_at, last_error, link_expires_at)"
                     " VALUES ('mail-r', 'r@b.eu', 'reset', 'S', '', 'sent',"
                     " '2001-01-01T00:00:00Z', 2, '2001-01-01T00:00:00Z', '2001-01-01T00:00:00Z',"
                     " 'first try: 451', '2100-01-01T00:00:00Z');"
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at,"
                     " message_rid) VALUES ('mail-m', 'm@b.eu', 'message', 'S', 'B',"
                     " '2000-01-01T00:00:00Z', 7);",
                     &err),
                 0, "%s", err.msg);
    char *before = outbox_dump();
    /* back at 43: what the migrations after it added, taken out again */
    cr_assert_eq(store_exec_for_tests(s,
                                      UNDO_MIGRATION_63
                                      UNDO_MIGRATION_57
                                      UNDO_MIGRATION_58
                                      "DROP TABLE arrivals;"
                                      "ALTER TABLE people ADD COLUMN checked_in_at TEXT;"
                                      "ALTER TABLE supplies DROP COLUMN unit;"
                                      "ALTER TABLE announcements DROP COLUMN shows_from;"
                                      "ALTER TABLE announcements DROP COLUMN shows_until;"
                                      "ALTER TABLE sessions DROP COLUMN place;"
                                      "ALTER TABLE sessions DROP COLUMN place_uk;"
                                      "ALTER TABLE sessions DROP COLUMN description;"
                                      "ALTER TABLE sessions DROP COLUMN description_uk;"
                                      "DROP TABLE location_out_of_use;"
                                      UNDO_MIGRATION_60 UNDO_MIGRATION_61 UNDO_MIGRATION_62
                                      UNDO_MIGRATION_64 UNDO_MIGRATION_65 UNDO_MIGRATION_66
                                      "PRAGMA user_version=43;",
                                      &err),
                 0, "%s", err.msg);
    int applied = 0;
    cr_assert_eq(store_migrate(s, &applied, &err), 0, "%s", err.msg);
    cr_assert_eq(applied, 18,
                 "44, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65 and 66");
    char *after = outbox_dump();
    cr_assert_str_eq(after, before, "every row and column kept");
    free(before);
    free(after);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at,"
                     " link_expires_at) VALUES ('mail-i', 'i@b.eu', 'invitation', 'S', 'B',"
                     " '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');",
                     &err),
                 0, "an invitation is a kind: %s", err.msg);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-j', 'j@b.eu', 'invitation', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 -1, "an invitation without its link's expiry is refused");
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-v', 'v@b.eu', 'video_link', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 0, "the link to join online meetings is a kind (52): %s", err.msg);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-att1', 'a@b.eu', 'attendee', 'S', 'B',"
                     " '2000-01-01T00:00:00Z'), ('mail-att2', 'o@b.eu', 'attendee_off', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 0, "a colleague added or taken off is a kind (53): %s", err.msg);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-rem', 'r@b.eu', 'to_answer', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 0, "a reminder of requests to answer is a kind (60): %s", err.msg);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-ask', 'q@b.eu', 'outcomes', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 0, "asking what meetings led to is a kind (61): %s", err.msg);
    cr_assert_eq(store_exec_for_tests(
                     s,
                     "INSERT INTO mail_outbox(id, to_addr, kind, subject, body, next_try_at)"
                     " VALUES ('mail-org', 'o@b.eu', 'organisers', 'S', 'B',"
                     " '2000-01-01T00:00:00Z');",
                     &err),
                 0, "the organisers' words to the people of their list are a kind (65): %s",
                 err.msg);
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(s->db,
                                    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND"
                                    " name IN ('mail_outbox_due', 'mail_outbox_message')",
                                    -1, &st, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    cr_assert_eq(sqlite3_column_int(st, 0), 2, "both indexes made again");
    sqlite3_finalize(st);
    store_exec_for_tests(s, "PRAGMA foreign_keys=ON;", &err);
}

/* fix-programme (migration 55): a session's place and short description in
 * both languages, stored and read back, kept by an update that does not give
 * them (keep_*), removed by one that gives none. */
struct about {
    char place[32], place_uk[32], description[32];
    bool description_uk;
};

static int read_about(void *ud, const struct store_session *x)
{
    struct about *g = ud;
    snprintf(g->place, sizeof g->place, "%s", x->place ? x->place : "");
    snprintf(g->place_uk, sizeof g->place_uk, "%s", x->place_uk ? x->place_uk : "");
    snprintf(g->description, sizeof g->description, "%s", x->description ? x->description : "");
    g->description_uk = x->description_uk != NULL;
    return 0;
}

Test(store_programme, a_session_keeps_its_place_and_description, .init = open_fresh,
     .fini = close_and_remove)
{
    cr_assert_eq(store_exec_for_tests(s,
                                      "INSERT INTO events(id, name, starts_on, ends_on)"
                                      " VALUES ('ev-p', 'P', '2031-05-06', '2031-05-06');",
                                      &err),
                 0, "%s", err.msg);
    struct store_session x = {.id = "sp-1", .event = "ev-p", .day = "2031-05-06",
                              .name = "Opening", .kind = "conference",
                              .starts_at = "2031-05-06T09:00:00+02:00",
                              .ends_at = "2031-05-06T10:00:00+02:00", .place = "Hall A",
                              .place_uk = "Зала A", .description = "Welcome",
                              .description_uk = "Вітання"};
    cr_assert_eq(store_session_upsert(s, &x, &err), 0, "%s", err.msg);
    struct store_session y = x;
    y.place = y.place_uk = y.description = y.description_uk = NULL;
    y.keep_place = y.keep_place_uk = y.keep_description = true;   /* description_uk: none */
    cr_assert_eq(store_session_upsert(s, &y, &err), 0, "%s", err.msg);
    struct about g = {0};
    cr_assert_eq(store_session_each(s, "ev-p", read_about, &g, &err), 0, "%s", err.msg);
    cr_assert_str_eq(g.place, "Hall A");
    cr_assert_str_eq(g.place_uk, "Зала A");
    cr_assert_str_eq(g.description, "Welcome");
    cr_assert_not(g.description_uk, "removed: the update gave none");
}
