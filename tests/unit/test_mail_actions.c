/* Unit tests of the outbox after each action that mails a meeting's people
 * (app/mail.c, app/mail_meetings.c): a request's attendees hear of its
 * accept, its booking, the published agendas and each change as its two
 * parties do, once each, in their own language, unless they turned mail
 * off; a schedule run an accept started says the schedule was re-planned;
 * a message mails her when no mail told her of one she has not read, mail
 * off meanwhile or not; an accepted meeting cancelled before publication
 * is told to its other people. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/event.h"
#include "app/introduce.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "app/messages.h"
#include "app/move.h"
#include "app/requests.h"
#include "scratch_db.h"
#include "store/mail.h"

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

static void person(const char *id, const char *org, const char *name, const char *languages)
{
    char email[64];
    snprintf(email, sizeof email, "%s@mail.example", id);
    struct store_person p = {.id = id, .org = org, .name = name, .email = email,
                             .languages = languages};
    ok(store_person_upsert(s, &p, NULL, &err));
}

static void request(const char *id, const char *from, const char *to, const char *status)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = status, .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
}

/* Event "ev" in Brussels (2031-06-05, four slots from 09:00, tables A and
 * B), the forum's mail on. Hans (Rhein Armour, English) asks Olena (Drone
 * Works, Ukrainian) in r1, pending, with two attendees: Karl, Hans's
 * colleague (English), and Iryna, Olena's (Ukrainian first). */
static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-mail-actions-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    struct store_org de = {.id = "o-de", .name = "Rhein Armour", .country = "DE",
                           .kind = "company"};
    struct store_org ua = {.id = "o-ua", .name = "Drone Works", .name_uk = "Дрон Воркс",
                           .country = "UA", .kind = "company"};
    ok(store_org_upsert(s, &de, NULL, &err));
    ok(store_org_upsert(s, &ua, NULL, &err));
    person("hans", "o-de", "Hans Weber", "de;en");
    person("karl", "o-de", "Karl Roth", "en");
    person("olena", "o-ua", "Олена Коваль", "uk;en");
    person("iryna", "o-ua", "Ірина Шевчук", "uk;en");
    struct store_event e = {.id = "ev", .name = "DFNC2 Brussels", .name_uk = "DFNC2 Брюссель",
                            .timezone = "Europe/Brussels", .starts_on = "2031-06-05",
                            .ends_on = "2031-06-05"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_session b2b = {.id = "s1", .event = "ev", .day = "2031-06-05", .name = "B2B",
                                .kind = "b2b", .starts_at = "2031-06-05T09:00:00+02:00",
                                .ends_at = "2031-06-05T10:00:00+02:00"};
    ok(store_session_upsert(s, &b2b, &err));
    const char *slots[][3] = {{"t1", "09:00", "09:15"}, {"t2", "09:15", "09:30"},
                              {"t3", "09:30", "09:45"}, {"t4", "09:45", "10:00"}};
    for (int i = 0; i < 4; i++) {
        char st[32], en[32];
        snprintf(st, sizeof st, "2031-06-05T%s:00+02:00", slots[i][1]);
        snprintf(en, sizeof en, "2031-06-05T%s:00+02:00", slots[i][2]);
        struct store_slot t = {.id = slots[i][0], .session = "s1", .seq = i + 1, .starts_at = st,
                               .ends_at = en};
        ok(store_slot_upsert(s, &t, &err));
    }
    const char *tables[] = {"A", "B"};
    for (int i = 0; i < 2; i++) {
        struct store_location l = {.id = tables[i], .event = "ev", .name = tables[i],
                                   .kind = "table"};
        ok(store_location_upsert(s, &l, &err));
    }
    request("r1", "hans", "olena", "pending");
    ok(store_request_add_attendee(s, "r1", "karl", &err));
    ok(store_request_add_attendee(s, "r1", "iryna", &err));
    ok(store_mail_config_set(s, "https://forum.example.eu", &err));
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

TestSuite(mail_actions, .init = setup, .fini = teardown);

/* The outbox's newest rid: what an action queues comes after it. */
static long long mark(void)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT coalesce(max(rid), 0) FROM mail_outbox", -1, &st,
                                    NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* The mails queued after rid since, by address: "to kind subject" lines
 * (malloc'd); *body the body of the first to `body_to` (malloc'd, ""
 * none). */
static char *mails(long long since, const char *body_to, char **body)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT to_addr, kind, subject, body FROM mail_outbox"
                                        " WHERE rid > ?1 ORDER BY to_addr, rid",
                                    -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, since);
    char *out = calloc(1, 1);
    if (body)
        *body = strdup("");
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *to = (const char *)sqlite3_column_text(st, 0);
        char line[512];
        int k = snprintf(line, sizeof line, "%s %s %s\n", to, sqlite3_column_text(st, 1),
                         sqlite3_column_text(st, 2));
        out = realloc(out, n + (size_t)k + 1);
        memcpy(out + n, line, (size_t)k + 1);
        n += (size_t)k;
        if (body && body_to && strcmp(to, body_to) == 0 && !**body) {
            free(*body);
            *body = strdup((const char *)sqlite3_column_text(st, 3));
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

/* Asserts that the first mail to `to` after rid since holds text. */
static void body_has(long long since, const char *to, const char *text)
{
    char *body;
    free(mails(since, to, &body));
    cr_assert(strstr(body, text), "%s has no\n%s\n---\n%s", to, text, body);
    free(body);
}

static void accept(const char *who, const char *id)
{
    struct app_request_actor actor = {.person = who};
    struct store_request out;
    ok(app_request_act(s, &actor, id, APP_REQUEST_ACCEPT, &a, &out, NULL, NULL, &err));
}

static void cancel(const char *who, const char *id)
{
    struct app_request_actor actor = {.person = who};
    struct store_request out;
    ok(app_request_act(s, &actor, id, APP_REQUEST_CANCEL, &a, &out, NULL, NULL, &err));
}

/* r1 placed at t2, table A (as the organisers' run would), and the agendas published. */
static void place_and_publish(void)
{
    struct store_meeting m = {.request = "r1", .slot = "t2", .location = "A"};
    ok(store_meeting_upsert(s, &m, &err));
    ok(app_event_publish(s, "org@x", "ev", &a, &err));
}

Test(mail_actions, an_accept_tells_the_requester_and_each_attendee_in_her_language)
{
    long long m = mark();
    accept("olena", "r1");
    char *body;
    char *got = mails(m, "iryna@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example accepted Олена Коваль (Drone Works) accepted your "
                     "meeting request\n"
                     "iryna@mail.example accepted Зустріч погоджено: Hans Weber (Rhein Armour)\n"
                     "karl@mail.example accepted Your meeting with Олена Коваль (Drone Works) "
                     "is agreed\n",
                     "the requester and both attendees, none to olena who accepted:\n%s", got);
    cr_assert(strstr(body, "Запит на зустріч на заході «DFNC2 Брюссель», у якій ви берете "
                           "участь, прийнято.\nСторони зустрічі: Олена Коваль (Дрон Воркс) і "
                           "Hans Weber (Rhein Armour).\n"), "%s", body);
    cr_assert(strstr(body, "зʼявляться у вашому розкладі"), "not placed yet:\n%s", body);
    free(body);
    free(got);
    body_has(m, "karl@mail.example",
             "A meeting you take part in at DFNC2 Brussels is agreed: its request was accepted. "
             "It is Hans Weber (Rhein Armour) with Олена Коваль (Drone Works).\n");
}

Test(mail_actions, an_attendee_who_is_also_a_party_or_wants_no_mail_gets_one_or_none)
{
    ok(store_request_add_attendee(s, "r1", "hans", &err));
    ok(store_mail_notify_set(s, "karl", false, &err));
    long long m = mark();
    accept("olena", "r1");
    char *got = mails(m, NULL, NULL);
    cr_assert_str_eq(got,
                     "hans@mail.example accepted Олена Коваль (Drone Works) accepted your "
                     "meeting request\n"
                     "iryna@mail.example accepted Зустріч погоджено: Hans Weber (Rhein Armour)\n",
                     "hans once, as the requester; karl turned mail off:\n%s", got);
    free(got);
}

Test(mail_actions, a_booking_tells_both_parties_and_the_attendees)
{
    long long m = mark();
    struct app_booking b = {.login = "org@x", .event = "ev", .from = "hans", .to = "olena"};
    struct app_booked out;
    ok(app_request_book(s, &b, &a, &out, NULL, &err));
    cr_assert(!out.created, "r1, their pending request, is the one booked");
    char *body;
    char *got = mails(m, "karl@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example booked The organisers booked your meeting with Олена "
                     "Коваль (Drone Works)\n"
                     "iryna@mail.example booked Організатори призначили вам зустріч: Hans Weber "
                     "(Rhein Armour)\n"
                     "karl@mail.example booked The organisers booked your meeting with Олена "
                     "Коваль (Drone Works)\n"
                     "olena@mail.example booked Організатори призначили вам зустріч: Hans Weber "
                     "(Rhein Armour)\n", "%s", got);
    cr_assert(strstr(body, "booked a meeting you take part in at DFNC2 Brussels: Hans Weber "
                           "(Rhein Armour) with Олена Коваль (Drone Works).\n"), "%s", body);
    free(body);
    free(got);
}

Test(mail_actions, the_agendas_a_move_and_a_cancel_reach_the_attendees_once_each)
{
    accept("olena", "r1");
    long long m = mark();
    place_and_publish();
    char *body;
    char *got = mails(m, "iryna@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example agenda Your meetings at DFNC2 Brussels\n"
                     "iryna@mail.example agenda Ваші зустрічі на заході «DFNC2 Брюссель»\n"
                     "karl@mail.example agenda Your meetings at DFNC2 Brussels\n"
                     "olena@mail.example agenda Ваші зустрічі на заході «DFNC2 Брюссель»\n",
                     "%s", got);
    cr_assert(strstr(body, "- четвер, 5 червня 2031, 09:15–09:30 (Europe/Brussels, UTC+02:00), "
                           "стіл A\n  з Hans Weber (Rhein Armour)\n"),
              "iryna, olena's colleague, meets hans:\n%s", body);
    free(body);
    free(got);

    m = mark();
    struct app_meeting_moves mv;
    struct app_whys why;
    ok(app_meeting_move(s, "org@x", "r1", "t4", "B", false, 0, &a, &mv, &why, &err));
    got = mails(m, "karl@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "has moved\n"
                     "iryna@mail.example changed Зустріч перенесено: Hans Weber (Rhein Armour)\n"
                     "karl@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "has moved\n"
                     "olena@mail.example changed Зустріч перенесено: Hans Weber (Rhein Armour)\n",
                     "%s", got);
    cr_assert(strstr(body, "The forum's organisers have changed your meetings"), "%s", body);
    cr_assert(strstr(body, "  now: Thursday 5 June 2031, 09:45–10:00 (Europe/Brussels, "
                           "UTC+02:00), table B\n"), "%s", body);
    free(body);
    free(got);

    m = mark();
    cancel("hans", "r1");
    got = mails(m, "iryna@mail.example", &body);
    cr_assert_str_eq(got,
                     "iryna@mail.example changed Зустріч скасовано: Hans Weber (Rhein Armour)\n"
                     "karl@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "is cancelled\n"
                     "olena@mail.example changed Зустріч скасовано: Hans Weber (Rhein Armour)\n",
                     "none to hans, who cancelled:\n%s", got);
    cr_assert(strstr(body, "(ініціатор змін: Hans Weber)") &&
              strstr(body, "  мала бути: четвер, 5 червня 2031, 09:45–10:00"), "%s", body);
    free(body);
    free(got);
}

/* At the published event, olena's accept of a second request starts a run
 * that places, besides it, r2 (accepted, its meeting not placed yet):
 * nobody's hand placed r2, the schedule was re-planned around the accept. */
Test(mail_actions, a_run_an_accept_started_says_the_schedule_was_re_planned)
{
    accept("olena", "r1");
    place_and_publish();
    request("r2", "karl", "iryna", "accepted");
    request("r3", "iryna", "hans", "pending");
    long long m = mark();
    struct app_request_actor actor = {.person = "hans"};
    struct store_request out;
    int rescheduled = 0;
    struct app_accept_warning w;
    ok(app_request_act(s, &actor, "r3", APP_REQUEST_ACCEPT, &a, &out, &rescheduled, &w, &err));
    cr_assert_eq(rescheduled, 1);
    char *body;
    char *got = mails(m, "karl@mail.example", &body);
    cr_assert_str_eq(got,
                     "iryna@mail.example changed Нова зустріч: Karl Roth (Rhein Armour)\n"
                     "iryna@mail.example accepted Запит на зустріч прийнято: Hans Weber (Rhein "
                     "Armour)\n"
                     "karl@mail.example changed New meeting with Ірина Шевчук (Drone Works)\n",
                     "%s", got);
    cr_assert(strstr(body, "Hello,\n\nThe schedule of DFNC2 Brussels was re-planned to fit in "
                           "newly agreed meetings, and yours changed:\n\n- New: your meeting "
                           "with Ірина Шевчук (Drone Works)\n"), "%s", body);
    cr_assert(!strstr(body, "organisers have"), "nobody's hand: %s", body);
    free(body);
    free(got);
    body_has(m, "iryna@mail.example",
             "Розклад заходу «DFNC2 Брюссель» переплановано, щоб вмістити нові погоджені "
             "зустрічі, і ваші зустрічі змінилися:\n\n- Нова зустріч із Karl Roth (Rhein "
             "Armour)\n");
}

static void say(const char *who, const char *request, const char *text)
{
    ok(app_message_send(s, "login@x", who, request, text, &err));
}

static void read_thread(const char *who, const char *request)
{
    json_t *j = app_message_thread(s, who, request, &err);
    cr_assert_not_null(j, "%s", err.msg);
    json_decref(j);
}

/* How many "message" mails went to person's address after rid since. */
static int message_mails(long long since, const char *who)
{
    char *got = mails(since, NULL, NULL), want[64];
    snprintf(want, sizeof want, "%s@mail.example message ", who);
    int n = 0;
    for (const char *p = got; (p = strstr(p, want)); p++)
        n++;
    free(got);
    return n;
}

Test(mail_actions, a_message_mails_her_unless_a_mail_told_her_of_one_still_unread)
{
    accept("olena", "r1");
    ok(store_mail_config_set(s, NULL, &err));   /* the forum's mail off */
    say("hans", "r1", "Hall B at nine?");
    ok(store_mail_config_set(s, "https://forum.example.eu", &err));
    long long m = mark();
    say("hans", "r1", "Or at our stand?");
    cr_assert_eq(message_mails(m, "olena"), 1,
                 "the first message since mail is on, though an older one is unread");
    cr_assert_eq(message_mails(m, "karl"), 1, "an attendee as the others");
    m = mark();
    say("hans", "r1", "Either suits us.");
    cr_assert_eq(message_mails(m, "olena"), 0, "she was told of one she has not read");
    read_thread("olena", "r1");
    m = mark();
    say("hans", "r1", "See you then.");
    cr_assert_eq(message_mails(m, "olena"), 1, "she read the thread since");
    /* her own switch: off while a message comes, then on */
    read_thread("olena", "r1");
    ok(store_mail_notify_set(s, "olena", false, &err));
    m = mark();
    say("hans", "r1", "One more thing.");
    cr_assert_eq(message_mails(m, "olena"), 0, "she wants none");
    ok(store_mail_notify_set(s, "olena", true, &err));
    m = mark();
    say("hans", "r1", "And the samples?");
    cr_assert_eq(message_mails(m, "olena"), 1, "no mail told her of the unread one before");
    cr_assert_eq(message_mails(m, "karl"), 0, "karl was told of one he has not read");
}

Test(mail_actions, a_cancel_before_publication_tells_the_others_without_a_time)
{
    accept("olena", "r1");
    struct store_meeting mt = {.request = "r1", .slot = "t2", .location = "A"};
    ok(store_meeting_upsert(s, &mt, &err));   /* scheduled, not published */
    long long m = mark();
    cancel("olena", "r1");
    char *body;
    char *got = mails(m, "hans@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "is cancelled\n"
                     "iryna@mail.example changed Зустріч скасовано: Hans Weber (Rhein Armour)\n"
                     "karl@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "is cancelled\n",
                     "none to olena, who cancelled:\n%s", got);
    cr_assert(strstr(body, "Changes to your meetings at DFNC2 Brussels, made by Олена Коваль:\n\n"
                           "- Cancelled: your meeting with Олена Коваль (Drone Works)\n\n"),
              "no time, none was published:\n%s", body);
    cr_assert(!strstr(body, "09:15"), "the unpublished time is not told: %s", body);
    free(body);
    free(got);
    /* a pending request withdrawn: nobody had agreed to anything */
    request("r4", "karl", "iryna", "pending");
    m = mark();
    cancel("karl", "r4");
    got = mails(m, NULL, NULL);
    cr_assert_str_eq(got, "", "%s", got);
    free(got);
}

/* ---- a hybrid forum: the link to join online meetings, mailed once named ---- */

/* r1 accepted and held online in a room of its own at t2; r2, hans and
 * anna (English), at table A in t3: the agendas published. */
static void online_and_published(void)
{
    accept("olena", "r1");
    person("anna", "o-de", "Anna Berg", "en");
    request("r2", "hans", "anna", "accepted");
    struct store_meeting online = {.request = "r1", .slot = "t2",
                                   .video_room = "room-0123456789abcdef"};
    struct store_meeting table = {.request = "r2", .slot = "t3", .location = "A"};
    ok(store_meeting_upsert(s, &online, &err));
    ok(store_meeting_upsert(s, &table, &err));
    ok(app_event_publish(s, "org@x", "ev", &a, &err));
}

/* The organisers' edit of ev giving (or, url NULL, removing) its video
 * service: how many the reply says were mailed. */
static int name_video(const char *url, bool dry_run)
{
    struct app_event_edit in = {.id = "ev", .video_url = url, .video_url_given = true,
                                .dry_run = dry_run};
    struct app_event_report rep;
    ok(app_event_save(s, "org@x", &in, &a, &rep, &err));
    return rep.video_mailed;
}

/* r1's calendar SEQUENCE. */
static int r1_sequence(void)
{
    struct store_meeting m;
    ok(store_meeting_of_request(s, "r1", &a, &m, &err));
    return m.sequence;
}

Test(mail_actions, a_video_service_named_after_publication_mails_each_online_meetings_people)
{
    online_and_published();
    ok(store_mail_notify_set(s, "karl", false, &err));
    int seq = r1_sequence();
    long long m = mark();
    cr_assert_eq(name_video("https://meet.example.org/", true), 3, "a dry run counts them");
    char *got = mails(m, NULL, NULL);
    cr_assert_str_eq(got, "", "and queues none: %s", got);
    free(got);
    cr_assert_eq(name_video("https://meet.example.org/", false), 3,
                 "hans, olena and iryna: karl turned mail off, anna meets at a table");
    char *body;
    got = mails(m, "hans@mail.example", &body);
    cr_assert_str_eq(got,
                     "hans@mail.example video_link The link to join your online meeting at "
                     "DFNC2 Brussels\n"
                     "iryna@mail.example video_link Посилання на ваші онлайн-зустрічі на заході "
                     "«DFNC2 Брюссель»\n"
                     "olena@mail.example video_link Посилання на ваші онлайн-зустрічі на заході "
                     "«DFNC2 Брюссель»\n", "one mail each:\n%s", got);
    cr_assert(strstr(body, "The organisers of DFNC2 Brussels have named the video service of its "
                           "online meetings. The links to join your online meetings (1):\n\n"
                           "- Thursday 5 June 2031, 09:15–09:30 (Europe/Brussels, UTC+02:00), "
                           "online: https://meet.example.org/room-0123456789abcdef\n"
                           "  with Олена Коваль (Drone Works)\n"), "%s", body);
    cr_assert(!strstr(body, "Anna"), "her meeting at a table is not listed: %s", body);
    cr_assert(strstr(body, "/profile\n"), "the line on turning mail off: %s", body);
    free(body);
    free(got);
    body_has(m, "iryna@mail.example",
             "- четвер, 5 червня 2031, 09:15–09:30 (Europe/Brussels, UTC+02:00), онлайн: "
             "https://meet.example.org/room-0123456789abcdef\n  з Hans Weber (Rhein Armour)\n");
    cr_assert_eq(r1_sequence(), seq + 1, "calendars take the link");

    /* the same service written with no trailing slash: the same links */
    m = mark();
    cr_assert_eq(name_video("https://meet.example.org", false), 0);
    cr_assert_eq(r1_sequence(), seq + 1);

    /* another service: the links sent before no longer work */
    cr_assert_eq(name_video("https://video.example.eu", false), 3);
    body_has(m, "olena@mail.example",
             "змінили відеосервіс онлайн-зустрічей: посилання, надіслані раніше, більше не "
             "діють");
    body_has(m, "hans@mail.example", "https://video.example.eu/room-0123456789abcdef\n");
    cr_assert_eq(r1_sequence(), seq + 2);

    /* removed: nothing to join by, nothing mailed; calendars drop the link */
    m = mark();
    cr_assert_eq(name_video(NULL, false), 0);
    got = mails(m, NULL, NULL);
    cr_assert_str_eq(got, "", "%s", got);
    free(got);
    cr_assert_eq(r1_sequence(), seq + 3);

    /* named again from none: mailed again, as named */
    m = mark();
    cr_assert_eq(name_video("https://meet.example.org", false), 3);
    body_has(m, "hans@mail.example", "have named the video service");
}

/* One edit that moves the B2B session half an hour later (every slot with
 * it) and names the video service: each person hears both in one mail. */
Test(mail_actions, an_edit_that_moves_online_meetings_and_names_the_service_mails_once)
{
    online_and_published();
    static const char *const ids[] = {"t1", "t2", "t3", "t4"},
                             *const from[] = {"09:30", "09:45", "10:00", "10:15"},
                             *const to[] = {"09:45", "10:00", "10:15", "10:30"};
    struct store_slot slots[4];
    for (int i = 0; i < 4; i++)
        slots[i] = (struct store_slot){
            .id = ids[i], .seq = i + 1,
            .starts_at = arena_printf(&a, "2031-06-05T%s:00+02:00", from[i]),
            .ends_at = arena_printf(&a, "2031-06-05T%s:00+02:00", to[i])};
    struct app_event_session x = {
        .session = {.id = "s1", .day = "2031-06-05", .name = "B2B", .kind = "b2b",
                    .starts_at = "2031-06-05T09:30:00+02:00",
                    .ends_at = "2031-06-05T10:30:00+02:00"},
        .slots = slots, .slots_n = 4};
    struct app_event_edit in = {.id = "ev", .video_url = "https://meet.example.org",
                                .video_url_given = true, .sessions = &x, .sessions_n = 1};
    struct app_event_report rep;
    long long m = mark();
    ok(app_event_save(s, "org@x", &in, &a, &rep, &err));
    cr_assert_eq(rep.meetings_moved, 2);
    cr_assert_eq(rep.video_mailed, 4, "hans, olena, karl and iryna have the online meeting");
    char *body;
    char *got = mails(m, "hans@mail.example", &body);
    cr_assert_str_eq(got,
                     "anna@mail.example changed Your meeting with Hans Weber (Rhein Armour) "
                     "has moved\n"
                     "hans@mail.example changed Changes to your meetings at DFNC2 Brussels\n"
                     "iryna@mail.example changed Зустріч перенесено: Hans Weber (Rhein Armour)\n"
                     "karl@mail.example changed Your meeting with Олена Коваль (Drone Works) "
                     "has moved\n"
                     "olena@mail.example changed Зустріч перенесено: Hans Weber (Rhein Armour)\n",
                     "one mail each, not a second with the link:\n%s", got);
    cr_assert(strstr(body, "They have also named the video service of its online meetings: "
                           "each online meeting below has its link to join.\n\n"),
              "%s", body);
    cr_assert(strstr(body, "- Moved: your meeting with Олена Коваль (Drone Works)\n"
                           "  now: Thursday 5 June 2031, 09:45–10:00 (Europe/Brussels, "
                           "UTC+02:00), online: https://meet.example.org/room-0123456789abcdef\n"),
              "the moved online meeting with its link:\n%s", body);
    cr_assert(strstr(body, "- Moved: your meeting with Anna Berg"), "%s", body);
    free(body);
    free(got);
    body_has(m, "iryna@mail.example", "Вони також назвали відеосервіс онлайн-зустрічей");
    char *anna;
    free(mails(m, "anna@mail.example", &anna));
    cr_assert(!strstr(anna, "video"), "her meeting is at a table: %s", anna);
    free(anna);
}

Test(mail_actions, a_video_service_named_before_publication_mails_nobody)
{
    accept("olena", "r1");
    struct store_meeting online = {.request = "r1", .slot = "t2",
                                   .video_room = "room-0123456789abcdef"};
    ok(store_meeting_upsert(s, &online, &err));
    long long m = mark();
    cr_assert_eq(name_video("https://meet.example.org", false), 0);
    char *got = mails(m, NULL, NULL);
    cr_assert_str_eq(got, "", "the agendas' mail will carry the links: %s", got);
    free(got);
    /* publishing then lists the link */
    ok(app_event_publish(s, "org@x", "ev", &a, &err));
    body_has(m, "hans@mail.example", "online: https://meet.example.org/room-0123456789abcdef\n");
}

Test(mail_actions, a_video_service_named_while_the_forum_sends_no_mail_mails_nobody)
{
    online_and_published();
    ok(store_mail_config_set(s, NULL, &err));
    long long m = mark();
    int seq = r1_sequence();
    cr_assert_eq(name_video("https://meet.example.org", false), 0);
    char *got = mails(m, NULL, NULL);
    cr_assert_str_eq(got, "", "%s", got);
    free(got);
    cr_assert_eq(r1_sequence(), seq + 1, "calendars take the link all the same");
}

/* While the forum sends no mail, the video mail reads nothing but that:
 * not the event (an unset struct of it was read: df52ae93), nor its
 * meetings. The read of the unset struct is seen by no sanitizer, so it is
 * made to show: the call just before, from the same frame, leaves the
 * event it read (published) where the second call's unset one lies, and
 * the second call's forum (another database, mail off) has lost a table
 * that reading its meetings needs. */
Test(mail_actions, the_video_mail_reads_no_meeting_while_the_forum_sends_no_mail)
{
    char off_path[64];
    snprintf(off_path, sizeof off_path, "/tmp/dfnc-test-mail-off-%d.db", (int)getpid());
    scratch_db_remove(off_path);
    struct store *off;
    ok(store_open(&off, off_path, &err));
    ok(store_exec_for_tests(off, "PRAGMA foreign_keys = OFF; DROP TABLE locations;", &err));
    online_and_published();
    ok(store_exec_for_tests(s, "UPDATE events SET video_url = 'https://meet.example.org'", &err));
    struct df_err on_err = {0};
    int on_mailed = -1, off_mailed = -1;
    /* nothing between the two calls: the second's frame is the first's */
    int on_rc = app_mail_video(s, "ev", false, NULL, &on_mailed, &on_err);
    int off_rc = app_mail_video(off, "ev", false, NULL, &off_mailed, &err);
    cr_assert_eq(on_rc, 0, "%s", on_err.msg);
    cr_assert_eq(on_mailed, 4, "hans, olena, karl and iryna: %d", on_mailed);
    cr_assert_eq(off_rc, 0, "%s", err.msg);
    cr_assert_eq(off_mailed, 0);
    store_close(off);
    scratch_db_remove(off_path);
}
