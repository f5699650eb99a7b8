/* Unit tests of the web interface's server side: the embedded files
 * (http/web_assets) and the store queries of its pages (store/web). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "http/web_assets.h"
#include "store/store.h"
#include "store/web.h"

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
    char p[80];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
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
    cr_assert_eq(store_web_checkin(s, "p-pl", &a, &at1, &err), 0, "%s", err.msg);
    cr_assert_not_null(at1);
    cr_assert_eq(store_web_checkin(s, "p-pl", &a, &at2, &err), 0);
    cr_assert_str_eq(at1, at2);
    cr_assert_eq(store_web_checkin(s, "p-nobody", &a, &at2, &err), -1);
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

Test(store_web, meetings_carry_both_parties_and_their_common_capability, .init = setup,
     .fini = teardown)
{
    struct store_event e = {.id = "ev", .name = "Forum", .timezone = "Europe/Brussels",
                            .starts_on = "2027-02-16", .ends_on = "2027-02-16"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct store_session ss = {.id = "s1", .event = "ev", .day = "2027-02-16", .name = "B2B",
                               .kind = "b2b", .starts_at = "2027-02-16T09:00:00+01:00",
                               .ends_at = "2027-02-16T12:00:00+01:00"};
    cr_assert_eq(store_session_upsert(s, &ss, &err), 0, "%s", err.msg);
    struct store_slot sl = {.id = "slot-1", .session = "s1", .seq = 1,
                            .starts_at = "2027-02-16T09:00:00+01:00",
                            .ends_at = "2027-02-16T09:20:00+01:00"};
    cr_assert_eq(store_slot_upsert(s, &sl, &err), 0, "%s", err.msg);
    struct store_location lo = {.id = "t1", .event = "ev", .name = "Table 1", .kind = "table",
                                .seats = 4};
    cr_assert_eq(store_location_upsert(s, &lo, &err), 0, "%s", err.msg);
    struct store_request r = {.id = "r1", .event = "ev", .from = "p-ua", .to = "p-pl",
                              .status = "accepted", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &r, NULL, &err), 0, "%s", err.msg);
    struct store_meeting m = {.id = "m1", .request = "r1", .event = "ev", .slot = "slot-1",
                              .location = "t1"};
    cr_assert_eq(store_meeting_upsert(s, &m, &err), 0, "%s", err.msg);
    struct meet k = {0};
    struct store_web_meeting_query all = {.event = "ev", .limit = -1};
    cr_assert_eq(store_web_meeting_page(s, &all, meeting_cb, &k, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(k.n, 1);
    cr_assert_str_eq(k.line, "slot-1 UA-PL Table 1 35613000-4 Військові літаки");
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
