/* Unit tests of the organisers' mail to the people their list shows
 * (app/people_mail.h): the mail in English and Ukrainian by the language
 * rule, the people it picks the very ones GET /console/people lists with
 * the same filters (every page), and a second identical send refused. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/mail.h"
#include "app/people_list.h"
#include "app/people_mail.h"
#include "core/date.h"
#include "scratch_db.h"
#include "store/mail.h"

#define URL "https://forum.example.eu"

Test(people_mail, the_mail_in_en_and_uk_says_who_writes_not_why)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "organisers", .lang = "uk", .public_url = URL,
                               .subject = "Стіл знайомств о 14:00",
                               .message = "Добрий день!\n\nПриходьте о 14:00.",
                               .event = "DFNC2 Брюссель"};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Стіл знайомств о 14:00", "their subject as they wrote it");
    cr_assert(strncmp(body, "Добрий день!\n\nПриходьте о 14:00.\n\n-- \n", 55) == 0, "%s", body);
    cr_assert(strstr(body, "Цей лист написали вам організатори заходу «DFNC2 Брюссель».\n"),
              "%s", body);
    cr_assert(strstr(body, URL "/profile\n"), "the opt-out line: %s", body);
    f.lang = "en";
    f.event = NULL;
    f.subject = "Lunch moved";
    f.message = "Lunch is at 13:30.";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Lunch moved");
    cr_assert(strstr(body, "Lunch is at 13:30.\n\n-- \nThe forum's organisers wrote you this "
                           "message.\nThe forum's pages:\n" URL "/\n"),
              "%s", body);
    cr_assert_null(strstr(body, "meeting"), "no word of why she is written to: %s", body);
    f.subject = NULL;
    cr_assert_lt(app_mail_compose(&f, &a, &subject, &body), 0, "no subject, no mail");
    arena_free(&a);
}

static char db_path[64];
static struct store *s;
static struct df_err err;
static struct arena a;

static void ok(int rc) { cr_assert_eq(rc, 0, "%s", err.msg); }

/* 2031-06-05 09:00 in Brussels: the forum's day of "ev" */
static long long now_at(void)
{
    long long t;
    cr_assert(date_time_instant("2031-06-05T09:00:00+02:00", &t));
    return t;
}

/* Event "ev" in Brussels on 2031-06-05; at Drone Works (UA) Olena (reads
 * Ukrainian), Taras (no address) and Ivan (mail off), at Rhein Armour (DE)
 * Hans (German, English: reads English) and Greta, who meets Hans there
 * (r1, accepted), and 230 more people of Rhein Armour (more than a page of
 * the list); the forum's mail on. */
static void forum(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-people-mail-%d.db", (int)getpid());
    scratch_db_remove(db_path);
    ok(store_open(&s, db_path, &err));
    arena_init(&a, 0);
    struct store_org de = {.id = "o-de", .name = "Rhein Armour", .country = "DE",
                           .kind = "company"};
    struct store_org ua = {.id = "o-ua", .name = "Drone Works", .country = "UA",
                           .kind = "company"};
    ok(store_org_upsert(s, &de, NULL, &err));
    ok(store_org_upsert(s, &ua, NULL, &err));
    struct store_person p[] = {
        {.id = "olena", .org = "o-ua", .name = "Олена Коваль", .email = "olena@mail.example",
         .languages = "uk;en"},
        {.id = "taras", .org = "o-ua", .name = "Тарас Без", .languages = "uk"},
        {.id = "ivan", .org = "o-ua", .name = "Іван Тихий", .email = "ivan@mail.example",
         .languages = "uk"},
        {.id = "hans", .org = "o-de", .name = "Hans Weber", .email = "hans@mail.example",
         .languages = "de;en"},
        {.id = "greta", .org = "o-de", .name = "Greta Held", .email = "greta@mail.example",
         .languages = "de;en"}};
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
        ok(store_person_upsert(s, &p[i], NULL, &err));
    for (int i = 0; i < 230; i++) {
        char id[16], name[32];
        snprintf(id, sizeof id, "x%03d", i);
        snprintf(name, sizeof name, "Zed %03d", i);
        struct store_person x = {.id = id, .org = "o-de", .name = name, .languages = "en"};
        ok(store_person_upsert(s, &x, NULL, &err));
    }
    ok(store_mail_notify_set(s, "ivan", false, &err));
    struct store_event e = {.id = "ev", .name = "DFNC2 Brussels", .name_uk = "DFNC2 Брюссель",
                            .timezone = "Europe/Brussels", .starts_on = "2031-06-05",
                            .ends_on = "2031-06-05"};
    ok(store_event_upsert(s, &e, NULL, &err));
    struct store_request r = {.id = "r1", .event = "ev", .from = "hans", .to = "greta",
                              .status = "accepted", .priority = 1};
    ok(store_request_upsert(s, &r, NULL, &err));
    ok(store_mail_config_set(s, URL, &err));
}

static void teardown(void)
{
    arena_free(&a);
    store_close(s);
    scratch_db_remove(db_path);
}

/* The database's one number sql counts. */
static long long count(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

struct listed {
    const char *ids[400];
    int n;
};

static int list_cb(void *ud, const struct store_web_person *p)
{
    struct listed *l = ud;
    cr_assert_lt(l->n, 400);
    l->ids[l->n++] = arena_strdup(&a, p->id);
    return 0;
}

/* What GET /console/people?FILTERS&limit=&offset= lists, page by page. */
static void list_pages(const struct store_web_people_query *q, struct listed *l)
{
    struct store_web_people_query page = *q;
    page.limit = 200;
    for (page.offset = 0;; page.offset += page.limit) {
        int before = l->n;
        ok(store_web_people_page(s, &page, list_cb, l, NULL, NULL, &err));
        if (l->n - before < page.limit)
            break;
    }
}

Test(people_mail, the_filters_pick_the_very_people_the_list_shows_every_page, .init = forum,
     .fini = teardown)
{
    const struct store_web_people_query sets[] = {
        {.no_meetings = true}, {.no_meetings = true, .q = "drone"}, {.q = "zed 1"}, {0},
        {.not_arrived = true}};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        /* the list's query as GET /console/people reads it, at the forum's
         * event (none named), then the mail's pick from the same filters */
        struct store_web_people_query q = sets[i];
        ok(app_people_list_query(s, NULL, now_at(), &a, &q, &err));
        cr_assert_str_eq(q.event, "ev", "the forum's event");
        cr_assert_str_eq(q.day, "2031-06-05", "its day's arrivals");
        struct listed l = {0};
        list_pages(&q, &l);
        const char **ids;
        int n;
        q.limit = 1;   /* a page's size is the list's business, not the mail's */
        ok(app_people_pick(s, &q, &a, &ids, &n, &err));
        cr_assert_eq(n, l.n, "filter set %zu: %d picked, %d listed", i, n, l.n);
        for (int k = 0; k < n; k++)
            cr_assert_str_eq(ids[k], l.ids[k], "filter set %zu, #%d", i, k);
    }
    struct store_web_people_query q = {.no_meetings = true};
    ok(app_people_list_query(s, NULL, now_at(), &a, &q, &err));
    const char **ids;
    int n;
    ok(app_people_pick(s, &q, &a, &ids, &n, &err));
    cr_assert_eq(n, 233, "all but the two who meet: more than a page");
    q = (struct store_web_people_query){0};
    cr_assert_lt(app_people_list_query(s, "no-such", now_at(), &a, &q, &err), 0);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
}

/* Mails in to those of Drone Works with no meeting at ev. */
static int send(struct app_people_mail_in in, struct app_people_mail *out)
{
    struct store_web_people_query q = {.no_meetings = true, .q = "drone"};
    ok(app_people_list_query(s, "ev", now_at(), &a, &q, &err));
    err = (struct df_err){0};
    return app_people_mail(s, "org@x", &q, &in, now_at(), out, &err);
}

Test(people_mail, each_in_her_language_once_a_dry_run_first, .init = forum, .fini = teardown)
{
    struct app_people_mail_in in = {.subject = "Desk at 14:00", .text = "Come at 14:00.",
                                    .subject_uk = "Стіл о 14:00", .text_uk = "Приходьте о 14:00.",
                                    .dry_run = true};
    struct app_people_mail o;
    ok(send(in, &o));
    cr_assert_eq(o.people, 3);
    cr_assert_eq(o.mailed, 1, "olena; taras has no address, ivan's mail is off");
    cr_assert_eq(o.not_mailed, 2);
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox"), 0, "a dry run writes nothing");
    cr_assert_eq(count("SELECT count(*) FROM people_mailings"), 0);
    in.dry_run = false;
    ok(send(in, &o));
    cr_assert_eq(o.mailed, 1);
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox WHERE kind = 'organisers' AND "
                       "to_addr = 'olena@mail.example' AND subject = 'Стіл о 14:00' AND "
                       "body LIKE 'Приходьте о 14:00.%«DFNC2 Брюссель»%'"),
                 1, "in Ukrainian, naming the event in Ukrainian");
    cr_assert_eq(count("SELECT count(*) FROM audit_log WHERE action = 'people.mail' AND detail ="
                       " 'mailed 1 of 3 (2 without mail); event=ev no_meetings q=\"drone\"'"),
                 1);
    /* the same again at once: a double click */
    cr_assert_lt(send(in, &o), 0);
    cr_assert_eq(err.kind, DF_ERR_CONFLICT);
    cr_assert_str_eq(err.code, "sent_just_now");
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox"), 1, "nothing queued");
    in.again = true;
    ok(send(in, &o));
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox"), 2, "meant again: sent again");
    /* no Ukrainian given: she gets the English */
    in = (struct app_people_mail_in){.subject = "Lunch moved", .text = "Lunch is at 13:30."};
    ok(send(in, &o));
    cr_assert_eq(count("SELECT count(*) FROM mail_outbox WHERE to_addr = 'olena@mail.example'"
                       " AND subject = 'Lunch moved' AND body LIKE 'Lunch is at 13:30.%'"),
                 1);
    /* mail off: refused, a dry run too */
    ok(store_mail_config_set(s, NULL, &err));
    in.dry_run = true;
    cr_assert_lt(send(in, &o), 0);
    cr_assert_str_eq(err.code, "mail_off");
}
