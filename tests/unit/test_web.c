/* Unit tests of the web interface's server side: the embedded files
 * (http/web_assets) and the store queries of its pages (store/web). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "http/web_assets.h"
#include "store/store.h"
#include "store/web.h"
#include "scratch_db.h"

Test(web_assets, every_page_file_is_embedded_with_its_type_and_etag)
{
    const struct web_asset *a = web_asset_find("/js/app.js", NULL);
    cr_assert_not_null(a);
    cr_assert_str_eq(a->mime, "text/javascript; charset=utf-8");
    cr_assert_gt(a->len, 100);
    cr_assert_eq(a->etag[0], '"');
    cr_assert_eq(a->data[a->len], '\0', "the bytes are NUL-terminated beyond len");
    cr_assert_not_null(web_asset_find("/i18n/uk.json", NULL));
    cr_assert_not_null(web_asset_find("/css/app.css", "uk"), "a language falls back to the file");
    cr_assert_null(web_asset_find("/js/nothing.js", NULL));
    cr_assert_null(web_asset_find("/meson.build", NULL));
    for (int i = 1; i < web_assets_n; i++)
        cr_assert_leq(strcmp(web_assets[i - 1].path, web_assets[i].path), 0,
                      "sorted for the binary search");
}

Test(web_assets, index_html_has_a_ukrainian_variant)
{
    const struct web_asset *en = web_asset_find("/index.html", NULL);
    const struct web_asset *uk = web_asset_find("/index.html", "uk");
    const struct web_asset *fr = web_asset_find("/index.html", "fr");
    cr_assert(en && uk && fr);
    cr_assert_not_null(strstr((const char *)en->data, "<html lang=\"en\">"));
    cr_assert_not_null(strstr((const char *)uk->data, "<html lang=\"uk\">"));
    cr_assert_eq(fr, en, "an unknown language gets English");
    cr_assert_str_neq(en->etag, uk->etag, "the variants have their own ETag");
}

static char db_path[64];
static struct store *s;
static struct df_err err;

static void setup(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/dfnc-test-web-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(store_open(&s, db_path, &err), 0, "%s", err.msg);
    struct store_org orgs[] = {
        {.id = "org-ua", .name = "Kyiv Drones", .name_uk = "Київські дрони", .country = "UA",
         .kind = "company", .sme = 1},
        {.id = "org-pl", .name = "Warsaw Radar", .country = "PL", .kind = "company", .sme = 0},
        {.id = "org-be", .name = "Brussels Ministry", .country = "BE", .kind = "government"},
    };
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(store_org_upsert(s, &orgs[i], NULL, &err), 0, "%s", err.msg);
    struct store_person people[] = {
        {.id = "p-ua", .org = "org-ua", .name = "Олена", .languages = "uk"},
        {.id = "p-pl", .org = "org-pl", .name = "Jan", .languages = "pl"},
    };
    for (size_t i = 0; i < 2; i++)
        cr_assert_eq(store_person_upsert(s, &people[i], NULL, &err), 0, "%s", err.msg);
    struct store_capability caps[] = {
        {.org = "org-ua", .direction = "offer", .cpv = "35613000-4", .title = "UAV"},
        {.org = "org-pl", .direction = "need", .cpv = "35612000-7", .title = "Unmanned vehicles"},
        {.org = "org-pl", .direction = "offer", .cpv = "35722000-1", .title = "Radar"},
    };
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(store_capability_upsert(s, &caps[i], NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_cpv_upsert(s, "35600000-0", "Military aircrafts", "Військові літаки",
                                  NULL, &err), 0);
    cr_assert_eq(store_cpv_upsert(s, "35613000-4", "Unmanned aerial vehicles",
                                  "Безпілотні літальні апарати", NULL, &err), 0);
}

static void teardown(void)
{
    store_close(s);
    scratch_db_remove(db_path);
}

struct ids {
    char v[8][32];
    int n;
};

static int org_id_cb(void *ud, const struct store_org *o)
{
    struct ids *k = ud;
    if (k->n < 8)
        snprintf(k->v[k->n++], sizeof k->v[0], "%s", o->id);
    return 0;
}

Test(store_web, organisation_search_applies_every_filter, .init = setup, .fini = teardown)
{
    struct ids k = {0};
    struct store_web_org_query q = {.sme = -1};
    cr_assert_eq(store_web_org_search(s, &q, org_id_cb, &k, &err), 0, "%s", err.msg);
    cr_assert_eq(k.n, 3);
    k.n = 0;
    q = (struct store_web_org_query){.sme = 1};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1);
    cr_assert_str_eq(k.v[0], "org-ua");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .cpv = "3561"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 2, "an offer or a need under the CPV prefix");
    k.n = 0;
    /* a buyer after suppliers: the Polish need of unmanned vehicles is no offer */
    q = (struct store_web_org_query){.sme = -1, .cpv = "3561", .direction = "offer"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1, "only the offer under the prefix");
    cr_assert_str_eq(k.v[0], "org-ua");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .direction = "need"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1, "without a code, those stating a need");
    cr_assert_str_eq(k.v[0], "org-pl");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .kind = "government", .country = "BE"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1);
    cr_assert_str_eq(k.v[0], "org-be");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .q = "радар"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 0);
    q = (struct store_web_org_query){.sme = -1, .q = "дрони"};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1, "the Ukrainian name is searched too");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .region = 2};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 1, "Ukraine's side");
    cr_assert_str_eq(k.v[0], "org-ua");
    k.n = 0;
    q = (struct store_web_org_query){.sme = -1, .region = 1};
    store_web_org_search(s, &q, org_id_cb, &k, &err);
    cr_assert_eq(k.n, 2, "the European side: the others");
    for (int i = 0; i < k.n; i++)
        cr_assert_str_neq(k.v[i], "org-ua");
}

static int person_cb(void *ud, const struct store_web_person *p)
{
    struct ids *k = ud;
    if (k->n < 8)
        snprintf(k->v[k->n++], sizeof k->v[0], "%s|%s|%s", p->id, p->country,
                 p->checked_in_at ? "in" : "-");
    return 0;
}

Test(store_web, check_in_keeps_the_first_arrival, .init = setup, .fini = teardown)
{
    struct arena a;
    arena_init(&a, 0);
    const char *at1 = NULL, *at2 = NULL;
    cr_assert_eq(store_web_checkin(s, "p-pl", "2026-12-01", 1764576000, &a, &at1, &err), 0, "%s", err.msg);
    cr_assert_not_null(at1);
    cr_assert_eq(store_web_checkin(s, "p-pl", "2026-12-01", 1764576000, &a, &at2, &err), 0);
    cr_assert_str_eq(at1, at2);
    cr_assert_eq(store_web_checkin(s, "p-nobody", "2026-12-01", 1764576000, &a, &at2, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    struct ids k = {0};
    struct store_web_people_query all = {.limit = -1};
    cr_assert_eq(store_web_people_page(s, &all, person_cb, &k, NULL, NULL, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(k.n, 2);
    cr_assert_str_eq(k.v[0], "p-pl|PL|in", "by name: Jan before Олена");
    cr_assert_str_eq(k.v[1], "p-ua|UA|-");
    arena_free(&a);
}

static int meetings_cb(void *ud, const struct store_web_person *p)
{
    struct ids *k = ud;
    if (k->n < 8)
        snprintf(k->v[k->n++], sizeof k->v[0], "%s:%d", p->id, p->meetings);
    return 0;
}

/* The people q picks as "id:meetings ..." into k. */
static void meetings_of(const struct store_web_people_query *q, struct ids *k)
{
    *k = (struct ids){0};
    cr_assert_eq(store_web_people_page(s, q, meetings_cb, k, NULL, NULL, &err), 0, "%s",
                 err.msg);
}

Test(store_web, meetings_are_counted_at_the_event_asked_only, .init = setup, .fini = teardown)
{
    const char *events[] = {"ev-a", "ev-b"};
    for (int i = 0; i < 2; i++) {
        struct store_event e = {.id = events[i], .name = "Forum", .starts_on = "2027-02-16",
                                .ends_on = "2027-02-16"};
        cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    }
    /* they agreed to meet at ev-a; at ev-b they have only asked */
    struct store_request r = {.id = "r-a", .event = "ev-a", .from = "p-ua", .to = "p-pl",
                              .status = "accepted", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
    r = (struct store_request){.id = "r-b", .event = "ev-b", .from = "p-ua", .to = "p-pl",
                               .status = "pending", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
    struct ids k;
    struct store_web_people_query q = {.event = "ev-a", .limit = -1};
    meetings_of(&q, &k);
    cr_assert_eq(k.n, 2);
    cr_assert_str_eq(k.v[0], "p-pl:1");
    cr_assert_str_eq(k.v[1], "p-ua:1");
    q.no_meetings = true;
    meetings_of(&q, &k);
    cr_assert_eq(k.n, 0, "both meet at ev-a");
    q.event = "ev-b";
    meetings_of(&q, &k);
    cr_assert_eq(k.n, 2, "neither meets at ev-b: both are whom to introduce there");
    cr_assert_str_eq(k.v[0], "p-pl:0");
    q = (struct store_web_people_query){.limit = -1};   /* no event: nobody meets */
    meetings_of(&q, &k);
    cr_assert_str_eq(k.v[1], "p-ua:0");
}

struct meet {
    int n;
    char line[256];
};

static int meeting_cb(void *ud, const struct store_web_meeting *m)
{
    struct meet *k = ud;
    k->n++;
    snprintf(k->line, sizeof k->line, "%s %s-%s %s %s %s", m->slot, m->a.country, m->b.country,
             m->location_name ? m->location_name : "-", m->cpv ? m->cpv : "-",
             m->cpv_label_uk ? m->cpv_label_uk : "-");
    return 0;
}

/* Event "ev" with one B2B session "s1" on 2027-02-16, 09:00-12:00 Brussels. */
static void add_event(void)
{
    struct store_event e = {.id = "ev", .name = "Forum", .timezone = "Europe/Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-16"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct store_session ss = {.id = "s1", .event = "ev", .day = "2027-02-16", .name = "B2B",
                               .kind = "b2b", .starts_at = "2027-02-16T09:00:00+01:00",
                               .ends_at = "2027-02-16T12:00:00+01:00"};
    cr_assert_eq(store_session_upsert(s, &ss, &err), 0, "%s", err.msg);
}

/* Slot id of s1, the seq-th, from starts to ends ("HH:MM" on 2027-02-16, Brussels). */
static void add_slot(const char *id, int seq, const char *starts, const char *ends)
{
    char a[32], b[32];
    snprintf(a, sizeof a, "2027-02-16T%s:00+01:00", starts);
    snprintf(b, sizeof b, "2027-02-16T%s:00+01:00", ends);
    struct store_slot sl = {.id = id, .session = "s1", .seq = seq, .starts_at = a, .ends_at = b};
    cr_assert_eq(store_slot_upsert(s, &sl, &err), 0, "%s", err.msg);
}

static void add_table(const char *id, const char *name)
{
    struct store_location lo = {.id = id, .event = "ev", .name = name, .kind = "table",
                                .seats = 4};
    cr_assert_eq(store_location_upsert(s, &lo, &err), 0, "%s", err.msg);
}

static void add_request(const char *id, const char *from, const char *to, const char *status)
{
    struct store_request r = {.id = id, .event = "ev", .from = from, .to = to,
                              .status = status, .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
}

/* Meeting id of request at slot and table (NULL: none yet). */
static void add_meeting(const char *id, const char *request, const char *slot,
                        const char *table)
{
    struct store_meeting m = {.id = id, .request = request, .event = "ev", .slot = slot,
                              .location = table};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0, "%s", err.msg);
}

Test(store_web, meetings_carry_both_parties_and_their_common_capability, .init = setup,
     .fini = teardown)
{
    add_event();
    add_slot("slot-1", 1, "09:00", "09:20");
    add_table("t1", "Table 1");
    add_request("r1", "p-ua", "p-pl", "accepted");
    add_meeting("m1", "r1", "slot-1", "t1");
    struct meet k = {0};
    struct store_web_meeting_query all = {.event = "ev", .limit = -1};
    cr_assert_eq(store_web_meeting_page(s, &all, meeting_cb, &k, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(k.n, 1);
    cr_assert_str_eq(k.line, "slot-1 UA-PL Table 1 35613000-4 Військові літаки");
}

struct groups {
    int n;
    char line[4][128];
};

static int group_cb(void *ud, const struct store_web_count *c)
{
    struct groups *k = ud;
    if (c->kind == STORE_WEB_CPV && k->n < 4)
        snprintf(k->line[k->n++], sizeof k->line[0], "\"%s\" %lld %s", c->a, c->n,
                 c->label_en ? c->label_en : "(none)");
    return 0;
}

/* docs/web.md: the dashboard's capability groups, "" for none; the labels are
 * the group's first code's, so none for "" nor for a group the classifier
 * lacks (they had the classifier's first code's and the next group's). */
Test(store_web, summary_groups_have_only_their_own_labels, .init = setup, .fini = teardown)
{
    cr_assert_eq(store_cpv_upsert(s, "35800000-5", "Individual and support equipment",
                                  "Індивідуальне та допоміжне обладнання", NULL, &err), 0);
    cr_assert_eq(store_cpv_upsert(s, "03000000-1", "Agricultural products",
                                  "Сільськогосподарська продукція", NULL, &err), 0);
    struct store_person be = {.id = "p-be", .org = "org-be", .name = "Anne", .languages = "fr"};
    cr_assert_eq(store_person_upsert(s, &be, NULL, &err), 0, "%s", err.msg);
    struct store_capability need = {.org = "org-be", .direction = "need", .cpv = "35722000-1",
                                    .title = "Radar"};
    cr_assert_eq(store_capability_upsert(s, &need, NULL, &err), 0, "%s", err.msg);
    add_event();
    add_slot("slot-1", 1, "09:00", "09:20");
    add_slot("slot-2", 2, "09:20", "09:40");
    add_table("t1", "Table 1");
    add_request("r1", "p-ua", "p-pl", "accepted");   /* 356: drones offered and needed */
    add_request("r2", "p-pl", "p-be", "accepted");   /* 357: radar, not in the classifier */
    add_request("r3", "p-ua", "p-be", "accepted");   /* nothing in common */
    add_meeting("m1", "r1", "slot-1", "t1");
    add_meeting("m2", "r2", "slot-2", "t1");
    add_meeting("m3", "r3", "slot-1", NULL);
    struct groups k = {0};
    cr_assert_eq(store_web_meeting_counts(s, "ev", group_cb, &k, &err), 0, "%s", err.msg);
    cr_assert_eq(k.n, 3);
    cr_assert_str_eq(k.line[0], "\"\" 1 (none)");
    cr_assert_str_eq(k.line[1], "\"356\" 1 Military aircrafts");
    cr_assert_str_eq(k.line[2], "\"357\" 1 (none)");
}

struct cpvs {
    int n;
};

static int cpv_cb(void *ud, const struct store_web_cpv *c)
{
    struct cpvs *k = ud;
    k->n++;
    cr_assert_not_null(c->label_uk);
    return 0;
}

Test(store_web, the_classifier_is_walked_in_code_order, .init = setup, .fini = teardown)
{
    struct cpvs k = {0};
    cr_assert_eq(store_web_cpv_each(s, cpv_cb, &k, &err), 0, "%s", err.msg);
    cr_assert_eq(k.n, 2);
}

struct seen_people {
    char id[32][16];
    char name[32][32];
    int n;
};

static int person_seen(void *ud, const struct store_web_person *p)
{
    struct seen_people *k = ud;
    cr_assert_lt(k->n, 32);
    snprintf(k->id[k->n], sizeof k->id[0], "%s", p->id);
    snprintf(k->name[k->n++], sizeof k->name[0], "%s", p->name);
    return 0;
}

/* Pages of people whose names tie (a namesake list, as a forum has) give
 * every person once, in one order, with the count of all beside each page;
 * and names sort as a reader expects: Є and І in the alphabet, not after Я. */
Test(store_web, pages_of_namesakes_give_everyone_once_in_the_alphabets_order, .init = setup,
     .fini = teardown)
{
    const char *names[] = {"Іван", "Олена", "Яна", "Євген", "Ґанна", "Дмитро", "Jan", "Олена"};
    for (int i = 0; i < 8; i++) {
        char id[16];
        snprintf(id, sizeof id, "p-n%d", i);
        struct store_person p = {.id = id, .org = "org-be", .name = names[i]};
        cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    }
    struct seen_people all = {0};
    int64_t total = -1;
    for (int offset = 0; offset < 12; offset += 3) {
        struct store_web_people_query q = {.limit = 3, .offset = offset};
        int before = all.n;
        cr_assert_eq(store_web_people_page(s, &q, person_seen, &all, &total, NULL, &err), 0);
        cr_assert_eq(total, 10, "the count is of everyone, beside each page");
        cr_assert_leq(all.n - before, 3);
    }
    cr_assert_eq(all.n, 10);
    for (int i = 0; i < all.n; i++)
        for (int j = 0; j < i; j++)
            cr_assert_str_neq(all.id[i], all.id[j], "%s on two pages", all.id[i]);
    /* Jan twice (p-pl, p-n6) first, then the Ukrainian alphabet: by code
     * point Є, І and Д would come before Ґ, which would follow Я */
    const char *order[] = {"Jan", "Jan", "Ґанна", "Дмитро", "Євген", "Іван", "Олена", "Олена",
                           "Олена", "Яна"};
    for (int i = 0; i < 10; i++)
        cr_assert_str_eq(all.name[i], order[i], "place %d: %s", i, all.name[i]);
}

/* People who share names: "Олена" three times, "Jan" twice (p-pl, p-n2). */
static void add_namesakes(void)
{
    const char *names[] = {"Олена", "Олена", "Jan"};
    for (int i = 0; i < 3; i++) {
        char id[16];
        snprintf(id, sizeof id, "p-n%d", i);
        struct store_person p = {.id = id, .org = "org-be", .name = names[i]};
        cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    }
}

struct seen_ids {
    char id[16][16];
    int n;
};

static void seen_add(struct seen_ids *k, const char *id)
{
    cr_assert_lt(k->n, 16);
    snprintf(k->id[k->n++], sizeof k->id[0], "%s", id);
}

static int meeting_seen(void *ud, const struct store_web_meeting *m)
{
    seen_add(ud, m->id);
    return 0;
}

static int request_seen(void *ud, const struct store_web_request *w)
{
    seen_add(ud, w->r.id);
    return 0;
}

/* Every id once, in the order expected. */
static void assert_seen_in_order(const struct seen_ids *k, const char *const *order, int n)
{
    cr_assert_eq(k->n, n, "%d rows, not %d", k->n, n);
    for (int i = 0; i < n; i++)
        cr_assert_str_eq(k->id[i], order[i], "place %d: %s, not %s", i, k->id[i], order[i]);
}

/* One page of a list (q a query of its kind) at limit and offset into k,
 * and in *total the count of all its rows. */
typedef int (*read_page_fn)(const void *q, int limit, int offset, struct seen_ids *k,
                            int64_t *total);

static int meeting_page(const void *q, int limit, int offset, struct seen_ids *k, int64_t *total)
{
    struct store_web_meeting_query page = *(const struct store_web_meeting_query *)q;
    page.limit = limit;
    page.offset = offset;
    return store_web_meeting_page(s, &page, meeting_seen, k, total, &err);
}

static int request_page(const void *q, int limit, int offset, struct seen_ids *k, int64_t *total)
{
    struct store_web_request_query page = *(const struct store_web_request_query *)q;
    page.limit = limit;
    page.offset = offset;
    return store_web_request_page(s, &page, request_seen, k, total, &err);
}

/* Reads pages of `limit` rows from offset 0 to two pages past the end,
 * checking the count of all (want) beside each page. */
static void page_through(read_page_fn read, const void *q, int limit, int64_t want,
                         struct seen_ids *k)
{
    for (int offset = 0; offset < want + 2 * limit; offset += limit) {
        int64_t total = -1;
        int before = k->n;
        cr_assert_eq(read(q, limit, offset, k, &total), 0, "%s", err.msg);
        cr_assert_eq(total, want, "the count of all beside the page at %d", offset);
        cr_assert_leq(k->n - before, limit);
    }
}

/* A slot's meetings at no table yet tie on time and table, and namesakes
 * meet in them: pages of two give every meeting once, in time order (not
 * the order the slots were set up in), tables in their set-up order (Table
 * 10 before Table 2, the tableless first), ties by id, and the count of all
 * beside each page, past the end too. */
Test(store_web, pages_of_meetings_give_each_once_in_time_then_table_order, .init = setup,
     .fini = teardown)
{
    add_event();
    add_namesakes();
    add_slot("slot-late", 2, "09:40", "10:00");
    add_slot("slot-early", 1, "09:00", "09:20");
    add_table("t-10", "Table 10");
    add_table("t-2", "Table 2");
    const char *req[][3] = {{"r-a", "p-n0", "p-n1"}, {"r-b", "p-ua", "p-n2"},
                            {"r-c", "p-n1", "p-n2"}, {"r-d", "p-n0", "p-pl"},
                            {"r-e", "p-ua", "p-pl"}, {"r-f", "p-pl", "p-n1"},
                            {"r-g", "p-n2", "p-n0"}};
    for (int i = 0; i < 7; i++)
        add_request(req[i][0], req[i][1], req[i][2], "accepted");
    add_meeting("m-1", "r-a", "slot-late", "t-10");
    add_meeting("m-2", "r-b", "slot-late", "t-2");
    add_meeting("m-9", "r-c", "slot-early", "t-2");
    add_meeting("m-8", "r-d", "slot-early", "t-10");
    add_meeting("m-7", "r-e", "slot-early", NULL);
    add_meeting("m-6", "r-f", "slot-early", NULL);
    add_meeting("m-5", "r-g", "slot-early", NULL);

    struct seen_ids all = {0};
    page_through(meeting_page, &(struct store_web_meeting_query){.event = "ev"}, 2, 7, &all);
    const char *order[] = {"m-5", "m-6", "m-7", "m-8", "m-9", "m-1", "m-2"};
    assert_seen_in_order(&all, order, 7);

    /* "JAN" finds the two namesakes' meetings, case folded */
    struct seen_ids jan = {0};
    page_through(meeting_page, &(struct store_web_meeting_query){.event = "ev", .q = "JAN"}, 2,
                 6, &jan);
    const char *his[] = {"m-5", "m-6", "m-7", "m-8", "m-9", "m-2"};
    assert_seen_in_order(&jan, his, 6);

    struct seen_ids late = {0};
    page_through(meeting_page,
                 &(struct store_web_meeting_query){.event = "ev", .slot = "slot-late"}, 1, 2,
                 &late);
    assert_seen_in_order(&late, order + 5, 2);
}

/* Requests between namesakes, their ids against the order they were made
 * in: pages of two give each once, oldest first (not by id), with the count
 * of all beside each page; a person's, a status's and the unscheduled ones
 * page alike. */
Test(store_web, pages_of_requests_give_each_once_oldest_first, .init = setup, .fini = teardown)
{
    add_event();
    add_namesakes();
    add_slot("slot-1", 1, "09:00", "09:20");
    const char *req[][4] = {{"r-z", "p-n0", "p-pl", "accepted"},
                            {"r-y", "p-ua", "p-n1", "pending"},
                            {"r-x", "p-n1", "p-n2", "accepted"},
                            {"r-w", "p-pl", "p-n0", "declined"},
                            {"r-v", "p-n2", "p-ua", "accepted"},
                            {"r-u", "p-n0", "p-n1", "pending"},
                            {"r-t", "p-pl", "p-ua", "cancelled"}};
    for (int i = 0; i < 7; i++)
        add_request(req[i][0], req[i][1], req[i][2], req[i][3]);
    add_meeting("m-x", "r-x", "slot-1", NULL);

    struct seen_ids all = {0};
    page_through(request_page, &(struct store_web_request_query){0}, 2, 7, &all);
    const char *order[] = {"r-z", "r-y", "r-x", "r-w", "r-v", "r-u", "r-t"};
    assert_seen_in_order(&all, order, 7);

    /* one of the namesakes (by id): sent or received */
    struct seen_ids n0 = {0};
    page_through(request_page, &(struct store_web_request_query){.person = "p-n0"}, 2, 3, &n0);
    const char *hers[] = {"r-z", "r-w", "r-u"};
    assert_seen_in_order(&n0, hers, 3);

    /* both namesakes called Jan (p-pl, p-n2) by name, case folded */
    struct seen_ids jan = {0};
    page_through(request_page, &(struct store_web_request_query){.q = "jAN", .event = "ev"}, 2,
                 5, &jan);
    const char *his[] = {"r-z", "r-x", "r-w", "r-v", "r-t"};
    assert_seen_in_order(&jan, his, 5);

    struct seen_ids waiting = {0};
    page_through(request_page,
                 &(struct store_web_request_query){.status = "accepted", .unscheduled = true}, 1,
                 2, &waiting);
    const char *unplaced[] = {"r-z", "r-v"};
    assert_seen_in_order(&waiting, unplaced, 2);
}
