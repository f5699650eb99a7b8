/* Unit tests of src/app/cordis.c and src/app/match.c over a real store: the
 * CORDIS import (country codes, kinds, FILE:LINE on bad rows, one transaction),
 * partners from the imported track record, meeting suggestions for a person
 * with requests excluded, and the errors for unknown names and empty text. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/cordis.h"
#include "app/import.h"
#include "app/glossary.h"
#include "app/match.h"
#include "app/org_search.h"
#include "engine/match/text.h"
#include "store/glossary.h"
#include "store/projects.h"
#include "store/store.h"

static char dir[64], db[96], projects[96], parts[96];
static struct store *s;
static struct df_err err;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    cr_assert(mkdtemp(strcpy(dir, "/tmp/dfnc-test-match-XXXXXX")) != NULL);
    snprintf(db, sizeof db, "%s/t.db", dir);
    snprintf(projects, sizeof projects, "%s/projects.csv", dir);
    snprintf(parts, sizeof parts, "%s/parts.csv", dir);
    write_file(projects,
               "projectID,acronym,title,objective,startDate,endDate,programme\n"
               "1,FLOOD,Flood crisis management,\"Crisis management,\nwith a quoted newline\","
               "2012-01-01,2014-01-01,FP7-SECURITY\n"
               "2,RADAR,Counter-drone radar,Detecting small drones with radar at airports,"
               "2014-05-01,2016-01-01,H2020\n");
    write_file(parts,
               "projectID,role,orgID,name,activityType,country,city\n"
               "1,coordinator,100,Lead Institute,REC,EL,Athens\n"
               "1,participant,200,Old Friend Ltd,PRC,UK,London\n"
               "2,coordinator,300,Radar University,HES,DE,Berlin\n"
               "2,participant,400,Ministry,PUB,FR,Paris\n");
    cr_assert_eq(store_open(&s, db, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
    store_close(s);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

/* Saves the hand-made organisations of a test. */
static void seed_orgs(const struct store_org *orgs, int n)
{
    for (int i = 0; i < n; i++)
        cr_assert_eq(store_org_upsert(s, &orgs[i], NULL, &err), 0, "%s", err.msg);
}

TestSuite(match_app, .init = setup, .fini = teardown);

Test(match_app, cordis_import_maps_codes_and_kinds)
{
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), 0, "%s", err.msg);
    cr_assert_eq(r.projects, 2);
    cr_assert_eq(r.participations, 4);
    cr_assert_eq(r.organisations_added, 4);
    struct arena a;
    arena_init(&a, 0);
    struct store_org o;
    cr_assert_eq(store_org_get(s, "100", &a, &o, &err), 0);
    cr_assert_str_eq(o.country, "GR", "CORDIS EL is Greece");
    cr_assert_str_eq(o.kind, "research");
    cr_assert_eq(store_org_get(s, "200", &a, &o, &err), 0);
    cr_assert_str_eq(o.country, "GB");
    cr_assert_str_eq(o.kind, "company");
    cr_assert_eq(store_org_get(s, "400", &a, &o, &err), 0);
    cr_assert_str_eq(o.kind, "government");
    cr_assert_eq(store_project_count(s, &err), 2);
    arena_free(&a);
    cr_assert_str_eq(app_cordis_kind("OTH"), "other");
    cr_assert_null(app_cordis_kind("XYZ"));
}

Test(match_app, a_bad_row_names_its_line_and_writes_nothing)
{
    write_file(parts, "projectID,role,orgID,name,activityType,country\n"
                      "1,coordinator,100,Lead,REC,EL\n"
                      "1,participant,200,Friend,PRC,QQ\n");
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    char want[200];
    snprintf(want, sizeof want, "%s:3: country \"QQ\"", parts);
    cr_assert(strstr(err.msg, want), "%s", err.msg);
    cr_assert_eq(store_project_count(s, &err), 0, "one transaction: nothing was kept");
    cr_assert_eq(store_org_exists(s, "100", &err), 0);

    write_file(parts, "projectID,role,orgID,name,activityType,country\n"
                      "9,coordinator,100,Lead,REC,EL\n");
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert(strstr(err.msg, ":2: project \"9\" does not exist"), "%s", err.msg);
}

/* orgID becomes an organisation's id: CORDIS's numbers pass, what the API
 * could not address is refused by its line. */
Test(match_app, an_org_id_that_is_no_api_path_segment_is_refused)
{
    write_file(parts, "projectID,role,orgID,name,activityType,country\n"
                      "1,coordinator,100,Lead,REC,EL\n"
                      "1,participant,org/zz,Friend,PRC,DE\n");
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    char want[200];
    snprintf(want, sizeof want, "%s:3: orgID \"org/zz\" must be letters", parts);
    cr_assert(strstr(err.msg, want), "%s", err.msg);
    cr_assert_eq(store_org_exists(s, "100", &err), 0, "nothing was kept");
}

/* CORDIS writes websites as bare hosts: read as http://; one the UI may not
 * link (a script, two addresses, a user name before '@') is left out and
 * counted, the organisation kept. A bidi control in a name refuses its row. */
Test(match_app, cordis_websites_are_links_the_ui_may_show)
{
    write_file(parts, "projectID,role,orgID,name,activityType,country,organizationUrl\n"
                      "1,coordinator,100,Lead,REC,EL,www.lead.eu\n"
                      "1,participant,200,Friend,PRC,DE,javascript:alert(1)\n"
                      "2,coordinator,300,Radar,HES,DE,https://evil.eu@x.eu\n"
                      "2,participant,400,Ministry,PUB,FR,www.a.fr; www.b.fr\n");
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), 0, "%s", err.msg);
    cr_assert_eq(r.organisations_added, 4);
    cr_assert_eq(r.websites_left_out, 3);
    struct arena a;
    arena_init(&a, 0);
    struct store_org o;
    cr_assert_eq(store_org_get(s, "100", &a, &o, &err), 0);
    cr_assert_str_eq(o.website, "http://www.lead.eu");
    const char *none[] = {"200", "300", "400"};
    for (size_t i = 0; i < 3; i++) {
        cr_assert_eq(store_org_get(s, none[i], &a, &o, &err), 0);
        cr_assert_null(o.website, "%s kept %s", none[i], o.website);
    }
    arena_free(&a);

    write_file(parts, "projectID,role,orgID,name,activityType,country\n"
                      "1,participant,500,Acme \u202Egnp.exe,PRC,DE\n");
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert(strstr(err.msg, ":2: name holds a Unicode bidirectional control"), "%s", err.msg);
}

/* A file with several mistakes is mended in one pass: each bad row named in
 * line order, the good ones between them read, and nothing kept. */
Test(match_app, every_bad_row_is_named_and_nothing_is_kept)
{
    write_file(parts, "projectID,role,orgID,name,activityType,country\n"
                      "1,coordinator,100,Lead,REC,EL\n"
                      "1,participant,200,Friend,PRC,QQ\n"
                      "2,coordinator,300,Radar University,HES,DE\n"
                      "7,participant,400,Ministry,PUB,FR\n"
                      "2,participant,500,Somebody,XYZ,FR\n");
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert_eq(r.problems.n, 3, "%d", r.problems.n);
    cr_assert_eq(r.problems.named, 3);
    const int lines[] = {3, 5, 6};
    const char *what[] = {"country \"QQ\"", "project \"7\" does not exist",
                          "activityType \"XYZ\""};
    for (int i = 0; i < 3; i++) {
        char want[200];
        snprintf(want, sizeof want, "%s:%d: %s", parts, lines[i], what[i]);
        cr_assert_eq(r.problems.line[i], lines[i]);
        cr_assert(strstr(r.problems.msg[i], want), "%s", r.problems.msg[i]);
    }
    cr_assert(strstr(err.msg, ":3: country"), "the first in err: %s", err.msg);
    cr_assert_eq(r.projects + r.participations + r.organisations_added, 0);
    cr_assert_eq(store_project_count(s, &err), 0, "one transaction: nothing was kept");
    cr_assert_eq(store_org_exists(s, "300", &err), 0, "nor the good rows' organisations");

    /* bad projects are named, and their members not named again */
    write_file(projects, "projectID,title,startDate\n"
                         "1,Flood,2012-01-01\n"
                         ",No id,2013-01-01\n"
                         "2,Radar,x\n");
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), -1);
    cr_assert_eq(r.problems.n, 2, "%d: %s", r.problems.n, r.problems.msg[0]);
    cr_assert(strstr(r.problems.msg[0], "projects.csv:3: projectID and title"), "%s",
              r.problems.msg[0]);
    cr_assert(strstr(r.problems.msg[1], "projects.csv:4: startDate \"x\""), "%s",
              r.problems.msg[1]);
    cr_assert_eq(store_project_count(s, &err), 0);
}

Test(match_app, partners_from_the_track_record)
{
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), 0, "%s", err.msg);
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_partners(s, "100", "Radar for drone detection", 5, &out, &err), 0, "%s",
                 err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert(json_is_array(j), "%s", buf_str(&out));
    cr_assert_eq(json_array_size(j), 3, "%s", buf_str(&out));
    const char *first = json_string_value(json_object_get(json_array_get(j, 0), "org"));
    cr_assert_str_eq(first, "300", "the radar project's coordinator: %s", buf_str(&out));
    cr_assert(strstr(buf_str(&out), "worked with you on 1 project"), "%s", buf_str(&out));
    json_decref(j);

    buf_reset(&out);
    cr_assert_eq(app_partners(s, "nobody", "radar", 5, &out, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert(strstr(err.msg, "unknown lead organisation \"nobody\""), "%s", err.msg);
    cr_assert_eq(app_partners(s, "100", "", 5, &out, &err), -1);
    cr_assert(strstr(err.msg, "empty"), "%s", err.msg);
    cr_assert_eq(app_partners(s, "100", "\xe2\x82", 5, &out, &err), -1);
    cr_assert(strstr(err.msg, "UTF-8"), "%s", err.msg);
    buf_free(&out);
}

Test(match_app, recommend_for_a_person_skips_requested_organisations)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Drone maker", .country = "UA", .kind = "company"},
        {.id = "pl", .name = "PL buyer", .country = "PL", .kind = "government"},
        {.id = "de", .name = "DE buyer", .country = "DE", .kind = "company"},
    };
    seed_orgs(orgs, 3);
    struct store_capability caps[] = {
        {.org = "ua", .direction = "offer", .cpv = "35613000-4", .title = "Unmanned aerial vehicles"},
        {.org = "pl", .direction = "need", .cpv = "35613000-4", .title = "Unmanned aerial vehicles"},
        {.org = "de", .direction = "need", .cpv = "35600000-8", .title = "Military aircrafts"},
    };
    for (int i = 0; i < 3; i++)
        cr_assert_eq(store_capability_upsert(s, &caps[i], NULL, &err), 0, "%s", err.msg);
    struct store_person people[] = {
        {.id = "p-ua", .org = "ua", .name = "Olena", .languages = "uk;en"},
        {.id = "p-pl", .org = "pl", .name = "Jan", .languages = "pl;en"},
    };
    for (int i = 0; i < 2; i++)
        cr_assert_eq(store_person_upsert(s, &people[i], NULL, &err), 0, "%s", err.msg);

    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_recommend(s, "p-ua", NULL, 5, NULL, &out, &err), 0, "%s", err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert_eq(json_array_size(j), 2, "%s", buf_str(&out));
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 0), "org")), "pl");
    cr_assert(strstr(buf_str(&out), "needs 35613000 Unmanned aerial vehicles, which you offer"),
              "%s", buf_str(&out));
    json_decref(j);

    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2025-06-01",
                            .ends_on = "2025-06-02"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct store_request rq = {.id = "r1", .event = "ev", .from = "p-pl", .to = "p-ua",
                               .status = "declined", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &rq, NULL, &err), 0, "%s", err.msg);
    buf_reset(&out);
    cr_assert_eq(app_recommend(s, "ua", "ev", 5, NULL, &out, &err), 0, "%s", err.msg);
    cr_assert_null(strstr(buf_str(&out), "\"pl\""), "declined: not suggested again: %s",
                   buf_str(&out));
    cr_assert(strstr(buf_str(&out), "\"de\""), "%s", buf_str(&out));

    cr_assert_eq(app_recommend(s, "ghost", NULL, 5, NULL, &out, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_NOT_FOUND);
    cr_assert_eq(app_recommend(s, "ua", "no-event", 5, NULL, &out, &err), -1);
    buf_free(&out);
}

/* A Ukrainian drone maker ("ua") offering UAVs and a Polish buyer ("pl")
 * needing them, without people. */
static void seed_uav_pair(void)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Drone maker", .country = "UA", .kind = "company"},
        {.id = "pl", .name = "PL buyer", .country = "PL", .kind = "government"},
    };
    seed_orgs(orgs, 2);
    struct store_capability caps[] = {
        {.org = "ua", .direction = "offer", .cpv = "35613000-4", .title = "UAVs"},
        {.org = "pl", .direction = "need", .cpv = "35613000-4", .title = "UAVs"},
    };
    for (int i = 0; i < 2; i++)
        cr_assert_eq(store_capability_upsert(s, &caps[i], NULL, &err), 0, "%s", err.msg);
}

/* A person meets in their own languages: the colleague who speaks only
 * Ukrainian is told that the Polish buyer needs an interpreter; asked for the
 * organisation (whose people speak English too), nothing is said. */
Test(match_app, recommend_tells_a_person_who_needs_an_interpreter)
{
    seed_uav_pair();
    struct store_person people[] = {
        {.id = "p-olena", .org = "ua", .name = "Olena", .languages = "uk;en"},
        {.id = "p-taras", .org = "ua", .name = "Taras", .languages = "uk"},
        {.id = "p-jan", .org = "pl", .name = "Jan", .languages = "pl;en"},
    };
    for (int i = 0; i < 3; i++)
        cr_assert_eq(store_person_upsert(s, &people[i], NULL, &err), 0, "%s", err.msg);
    static const char needed[] = "no language in common: an interpreter is needed";
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_recommend(s, "p-taras", NULL, 5, NULL, &out, &err), 0, "%s",
                 err.msg);
    cr_assert(strstr(buf_str(&out), needed), "%s", buf_str(&out));
    buf_reset(&out);
    cr_assert_eq(app_recommend(s, "p-olena", NULL, 5, NULL, &out, &err), 0, "%s",
                 err.msg);
    cr_assert_null(strstr(buf_str(&out), needed), "%s", buf_str(&out));
    buf_reset(&out);
    cr_assert_eq(app_recommend(s, "ua", NULL, 5, NULL, &out, &err), 0, "%s", err.msg);
    cr_assert_null(strstr(buf_str(&out), needed), "%s", buf_str(&out));
    buf_free(&out);
}

/* An organisation speaks what any of its people speak: thirty colleagues
 * with "uk;en" do not crowd out the one who speaks Polish. */
Test(match_app, an_organisation_speaks_every_language_of_its_people)
{
    seed_uav_pair();
    char id[32];
    for (int i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "p-ua-%02d", i);
        struct store_person p = {.id = id, .org = "ua", .name = "Colleague", .languages = "uk;en"};
        cr_assert_eq(store_person_upsert(s, &p, NULL, &err), 0, "%s", err.msg);
    }
    struct store_person people[] = {
        {.id = "p-ua-zz", .org = "ua", .name = "Marta", .languages = "uk, PL"},
        {.id = "p-jan", .org = "pl", .name = "Jan", .languages = "pl"},
    };
    for (int i = 0; i < 2; i++)
        cr_assert_eq(store_person_upsert(s, &people[i], NULL, &err), 0, "%s", err.msg);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    const struct match_profile *ua = match_index_profile(d.ix, match_index_find(d.ix, "ua"));
    cr_assert_str_eq(ua->languages, "uk;en;PL", "each code once");
    app_match_data_free(&d);
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_recommend(s, "ua", NULL, 5, NULL, &out, &err), 0, "%s", err.msg);
    cr_assert(strstr(buf_str(&out), "\"pl\""), "%s", buf_str(&out));
    cr_assert_null(strstr(buf_str(&out), "no language in common"), "Marta speaks Polish: %s",
                   buf_str(&out));
    buf_free(&out);
}

/* A ministry looking for Ukrainian suppliers: meeting suggestions from one
 * region, the requests' exclusions still in force. */
Test(match_app, recommend_from_one_region)
{
    struct store_org orgs[] = {
        {.id = "pl", .name = "PL ministry", .country = "PL", .kind = "government"},
        {.id = "ua1", .name = "Drone maker 1", .country = "UA", .kind = "company"},
        {.id = "ua2", .name = "Drone maker 2", .country = "UA", .kind = "company"},
        {.id = "fr", .name = "FR drones", .country = "FR", .kind = "company"},
        {.id = "no", .name = "NO drones", .country = "NO", .kind = "company"},
    };
    seed_orgs(orgs, 5);
    const char *sellers[] = {"ua1", "ua2", "fr", "no"};
    struct store_capability need = {.org = "pl", .direction = "need", .cpv = "35613000-4",
                                    .title = "Unmanned aerial vehicles"};
    cr_assert_eq(store_capability_upsert(s, &need, NULL, &err), 0, "%s", err.msg);
    for (int i = 0; i < 4; i++) {
        struct store_capability offer = {.org = sellers[i], .direction = "offer",
                                         .cpv = "35613000-4", .title = "UAVs"};
        cr_assert_eq(store_capability_upsert(s, &offer, NULL, &err), 0, "%s", err.msg);
    }
    struct store_person people[] = {{.id = "p-pl", .org = "pl", .name = "Jan"},
                                    {.id = "p-ua1", .org = "ua1", .name = "Olena"}};
    for (int i = 0; i < 2; i++)
        cr_assert_eq(store_person_upsert(s, &people[i], NULL, &err), 0, "%s", err.msg);
    struct store_event e = {.id = "ev", .name = "Forum", .starts_on = "2025-06-01",
                            .ends_on = "2025-06-02"};
    cr_assert_eq(store_event_upsert(s, &e, NULL, &err), 0, "%s", err.msg);
    struct store_request rq = {.id = "r1", .event = "ev", .from = "p-pl", .to = "p-ua1",
                               .status = "pending", .priority = 1};
    cr_assert_eq(store_request_upsert(s, &rq, NULL, &err), 0, "%s", err.msg);

    struct buf out = BUF_INIT(0);
    const char *want[][4] = {{"ua2", NULL}, {"fr", "no", NULL}, {"ua2", "fr", "no", NULL}};
    enum app_region regions[] = {APP_REGION_UKRAINE, APP_REGION_EUROPE, APP_REGION_ANY};
    for (int k = 0; k < 3; k++) {
        buf_reset(&out);
        struct app_match_filter f = {.region = regions[k]};
        cr_assert_eq(app_recommend(s, "p-pl", "ev", 10, &f, &out, &err), 0, "%s", err.msg);
        json_t *j = json_loads(buf_str(&out), 0, NULL);
        size_t n = 0;
        while (want[k][n])
            n++;
        cr_assert_eq(json_array_size(j), n, "region %d: %s", k, buf_str(&out));
        for (size_t i = 0; i < n; i++) {
            bool seen = false;
            for (size_t h = 0; h < n; h++)
                seen |= strcmp(json_string_value(json_object_get(json_array_get(j, h), "org")),
                               want[k][i]) == 0;
            cr_assert(seen, "region %d: %s in %s", k, want[k][i], buf_str(&out));
        }
        json_decref(j);
    }
    buf_free(&out);
}

Test(match_app, a_ukrainian_text_finds_an_english_profile_through_its_cpv_labels)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Kyiv drone maker", .country = "UA", .kind = "company"},
        {.id = "fr", .name = "Paris radar SME", .country = "FR", .kind = "company",
         .description = "Airspace radar"},
        {.id = "de", .name = "Munich trucks", .country = "DE", .kind = "company",
         .description = "Logistics trucks"},
    };
    seed_orgs(orgs, 3);
    /* the offer's own title says nothing the glossary knows (a drone would:
     * a_ukrainian_text_finds_an_english_profile_through_the_glossary) */
    struct store_capability caps[] = {
        {.org = "fr", .direction = "offer", .cpv = "35613000-4", .title = "Airborne platforms"},
        {.org = "de", .direction = "offer", .cpv = "34100000-8", .title = "Trucks"},
    };
    for (int i = 0; i < 2; i++)
        cr_assert_eq(store_capability_upsert(s, &caps[i], NULL, &err), 0, "%s", err.msg);
    const char *text = "Безпілотні літальні апарати для розвідки";
    struct buf out = BUF_INIT(0);
    /* no classifier loaded: nothing in the profiles is Ukrainian */
    cr_assert_eq(app_partners(s, "ua", text, 5, &out, &err), 0, "%s", err.msg);
    cr_assert_null(strstr(buf_str(&out), "\"fr\""), "%s", buf_str(&out));

    cr_assert_eq(store_cpv_upsert(s, "35613000-4", "Unmanned aerial vehicles",
                                  "Безпілотні літальні апарати", NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_cpv_upsert(s, "34100000-8", "Motor vehicles", "Мототранспортні засоби",
                                  NULL, &err), 0, "%s", err.msg);
    buf_reset(&out);
    cr_assert_eq(app_partners(s, "ua", text, 5, &out, &err), 0, "%s", err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert(json_array_size(j) >= 1, "%s", buf_str(&out));
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 0), "org")), "fr",
                     "the UAV offer's Ukrainian label matches: %s", buf_str(&out));
    cr_assert_null(strstr(buf_str(&out), "\"de\""), "trucks share no word: %s", buf_str(&out));
    json_decref(j);
    buf_free(&out);
}

/* The classifier's labels reach the engine beside a profile's own words,
 * not in them: an English firm with a code is matched by the code's
 * Ukrainian label, but does not count as one that writes in Ukrainian. */
Test(match_app, the_classifiers_labels_are_kept_apart_from_a_profiles_words)
{
    struct store_org orgs[] = {
        {.id = "fr", .name = "Paris radar SME", .country = "FR", .kind = "company",
         .description = "Counter-drone radar"},
    };
    seed_orgs(orgs, 1);
    struct store_capability cap = {.org = "fr", .direction = "offer", .cpv = "35613000-4",
                                   .title = "UAV detection"};
    cr_assert_eq(store_capability_upsert(s, &cap, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(store_cpv_upsert(s, "35613000-4", "Unmanned aerial vehicles",
                                  "Безпілотні літальні апарати", NULL, &err), 0, "%s", err.msg);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    cr_assert_eq(d.profiles_n, 1);
    const struct match_profile *p = &d.profiles[0];
    cr_assert(strstr(p->text, "Counter-drone radar") && strstr(p->text, "UAV detection"),
              "its own words: %s", p->text);
    cr_assert_null(strstr(p->text, "Безпілотні"), "no label in its words: %s", p->text);
    cr_assert_not_null(p->labels);
    cr_assert(strstr(p->labels, "Unmanned aerial vehicles") &&
                  strstr(p->labels, "Безпілотні літальні апарати"),
              "both labels: %s", p->labels);
    app_match_data_free(&d);
}

/* The classifier's label pairs teach the loader a lexicon: a Ukrainian
 * project idea then finds the English track record of a radar project. */
Test(match_app, a_ukrainian_text_finds_an_english_track_record_through_the_lexicon)
{
    struct app_cordis_result r;
    cr_assert_eq(app_import_cordis(s, projects, parts, &r, &err), 0, "%s", err.msg);
    const char *text = "Радари для виявлення малих дронів";
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_partners(s, "100", text, 5, &out, &err), 0, "%s", err.msg);
    cr_assert_null(strstr(buf_str(&out), "(radar)"), "no classifier, no lexicon: %s",
                   buf_str(&out));

    struct app_match_data d;
    cr_assert_eq(store_cpv_upsert(s, "35722000-1", "Radar", "Радари", NULL, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(store_cpv_upsert(s, "38112000-3", "Small drones", NULL, NULL, &err), 0);
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    cr_assert_not_null(d.lexicon, "a label pair is loaded");
    const struct match_translation *t;
    cr_assert_eq(match_lexicon_lookup(d.lexicon, "радар", &t), 1);
    cr_assert_str_eq(t[0].word, "radar");
    app_match_data_free(&d);

    buf_reset(&out);
    cr_assert_eq(app_partners(s, "100", text, 5, &out, &err), 0, "%s", err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert(json_array_size(j) >= 1, "%s", buf_str(&out));
    json_t *first = json_array_get(j, 0);
    cr_assert_str_eq(json_string_value(json_object_get(first, "org")), "300",
                     "the radar project's coordinator: %s", buf_str(&out));
    char *why = json_dumps(json_object_get(first, "why"), 0);
    cr_assert(strstr(why, "радари (radar)"), "%s", buf_str(&out));
    free(why);
    json_decref(j);
    buf_free(&out);
}

/* dfnc's glossary reaches where the classifier does not: with no classifier
 * loaded at all, a Ukrainian idea about drones at the border finds the
 * English counter-drone company, and the reasons say through which words. */
Test(match_app, a_ukrainian_text_finds_an_english_profile_through_the_glossary)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Kyiv drone maker", .country = "UA", .kind = "company"},
        {.id = "ee", .name = "Tallinn sensors", .country = "EE", .kind = "company",
         .description = "Counter-drone systems for border surveillance"},
        {.id = "pt", .name = "Porto olive oil", .country = "PT", .kind = "company",
         .description = "Olive oil for export"},
    };
    seed_orgs(orgs, 3);
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_partners(s, "ua", "Протидія дронам на кордоні", 5, &out, &err), 0, "%s",
                 err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert_eq(json_array_size(j), 1, "only the counter-drone company: %s", buf_str(&out));
    json_t *first = json_array_get(j, 0);
    cr_assert_str_eq(json_string_value(json_object_get(first, "org")), "ee");
    char *why = json_dumps(json_object_get(first, "why"), 0);
    /* the two words in a row said as the compound the profile writes */
    cr_assert(strstr(why, "протидія дронам (counter-drone)") && strstr(why, "кордоні (border)"),
              "%s", why);
    free(why);
    json_decref(j);
    buf_free(&out);
}

/* A city a profile writes in one script is found by a question that names
 * it in the other, in any case (the shipped glossary's places). */
Test(match_app, a_city_is_found_across_the_scripts)
{
    struct store_org orgs[] = {
        {.id = "pl", .name = "Warsaw integrator", .country = "PL", .kind = "company",
         .description = "Systems integration"},
        {.id = "ua-kh", .name = "Дрони Схід", .country = "UA", .kind = "company",
         .description = "Виробник дронів у Харкові"},
        {.id = "ua-lv", .name = "Дрони Захід", .country = "UA", .kind = "company",
         .description = "Виробник дронів у Львові"},
        {.id = "en-mk", .name = "Black Sea Drones", .country = "UA", .kind = "company",
         .description = "Drone maker based in Mykolaiv"},
        {.id = "en-od", .name = "Odesa Drones", .country = "UA", .kind = "company",
         .description = "Drone maker based in Odesa"},
    };
    seed_orgs(orgs, 5);
    const struct {
        const char *text, *first, *says;
    } cases[] = {
        {"Drone makers in Kharkiv", "ua-kh", "kharkiv (харк"},
        {"Drone makers in Lviv", "ua-lv", "lviv (льв"},
        {"Виробники дронів з Миколаєва", "en-mk", "миколаєва (mykolaiv)"},
        {"Виробники дронів, Миколаїв", "en-mk", "миколаїв (mykolaiv)"},
        {"Виробники дронів в Одесі", "en-od", "одесі (odesa)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct buf out = BUF_INIT(0);
        cr_assert_eq(app_partners(s, "pl", cases[i].text, 5, &out, &err), 0, "%s", err.msg);
        json_t *j = json_loads(buf_str(&out), 0, NULL);
        json_t *first = json_array_get(j, 0);
        cr_assert_str_eq(json_string_value(json_object_get(first, "org")), cases[i].first,
                         "%s: %s", cases[i].text, buf_str(&out));
        char *why = json_dumps(json_object_get(first, "why"), 0);
        cr_assert(strstr(why, cases[i].says), "%s: %s", cases[i].text, why);
        free(why);
        json_decref(j);
        buf_free(&out);
    }
}

/* A Ukrainian firm's own words for what it makes and needs, which the
 * classifier's labels do not teach (тепловізори, РЕБ, ППО, бронежилети),
 * find the English profiles that offer them, through the shipped glossary. */
Test(match_app, a_ukrainian_firms_own_words_find_english_profiles)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Kyiv drone maker", .country = "UA", .kind = "company"},
        {.id = "de", .name = "Berlin optics", .country = "DE", .kind = "company",
         .description = "Thermal imagers and night vision cameras"},
        {.id = "fr", .name = "Paris protection", .country = "FR", .kind = "company",
         .description = "Body armour and ballistic helmets"},
        {.id = "dk", .name = "Aarhus spectrum", .country = "DK", .kind = "company",
         .description = "Electronic warfare and jamming"},
        {.id = "nl", .name = "Delft shield", .country = "NL", .kind = "company",
         .description = "Air defence systems, short range"},
        {.id = "fi", .name = "Helsinki comms", .country = "FI", .kind = "company",
         .description = "Tactical radio networks"},
        {.id = "be", .name = "Brussels sights", .country = "BE", .kind = "company",
         .description = "Optical sights and laser rangefinders"},
        {.id = "pt", .name = "Porto olive oil", .country = "PT", .kind = "company",
         .description = "Olive oil for export"},
        {.id = "ie", .name = "Cork electronics", .country = "IE", .kind = "company",
         .description = "Electronic assemblies"},
        {.id = "gb", .name = "Bristol medics", .country = "GB", .kind = "company",
         .description = "Tactical medical kits for the front line"},
    };
    seed_orgs(orgs, 10);
    static const struct {
        const char *text, *org, *why;
    } asks[] = {
        {"Потрібні тепловізори", "de", "тепловізори (thermal)"},
        {"Закуповуємо бронежилети", "fr", "бронежилети (body)"},
        {"Засоби РЕБ", "dk", "реб (electronic warfare)"},
        {"РЕБ для кораблів", "dk", "реб (electronic warfare)"},
        {"Закуповуємо аптечки", "gb", "аптечки (medkit)"},
        {"Протиповітряна оборона", "nl", "протиповітряна (air)"},
        {"Радіостанції для підрозділів", "fi", "радіостанції (radio)"},
        {"Приціли і далекоміри", "be", "далекоміри (rangefinder)"},
    };
    for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
        struct buf out = BUF_INIT(0);
        cr_assert_eq(app_partners(s, "ua", asks[i].text, 3, &out, &err), 0, "%s", err.msg);
        json_t *j = json_loads(buf_str(&out), 0, NULL);
        json_t *first = json_array_get(j, 0);
        cr_assert_not_null(first, "%s: nobody", asks[i].text);
        cr_assert_str_eq(json_string_value(json_object_get(first, "org")), asks[i].org, "%s: %s",
                         asks[i].text, buf_str(&out));
        char *why = json_dumps(json_object_get(first, "why"), 0);
        cr_assert(strstr(why, asks[i].why), "%s: %s", asks[i].text, why);
        free(why);
        json_decref(j);
        buf_free(&out);
    }
    /* an abbreviation said whole only where all its words matched: the
     * electronics firm shares one of РЕБ's two */
    struct buf out = BUF_INIT(0);
    cr_assert_eq(app_partners(s, "ua", "РЕБ", 5, &out, &err), 0, "%s", err.msg);
    json_t *j = json_loads(buf_str(&out), 0, NULL);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(j, 0), "org")), "dk", "%s",
                     buf_str(&out));
    bool seen = false;
    for (size_t i = 0; i < json_array_size(j); i++) {
        json_t *hit = json_array_get(j, i);
        if (strcmp(json_string_value(json_object_get(hit, "org")), "ie") != 0)
            continue;
        char *why = json_dumps(json_object_get(hit, "why"), 0);
        cr_assert(strstr(why, "text: радіоелектронна (electronic)") && !strstr(why, "реб"), "%s",
                  why);
        free(why);
        seen = true;
    }
    cr_assert(seen, "the electronics firm is found by its one word: %s", buf_str(&out));
    json_decref(j);
    buf_free(&out);
}

/* The one stem of a word, into out. */
static int take_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    snprintf(ud, MATCH_TOKEN_MAX + 1, "%s", stem);
    return 1;
}

static void stem_one(const char *word, char *out)
{
    out[0] = '\0';
    match_tokenize(word, strlen(word), take_stem, out);
    cr_assert(out[0], "\"%s\" has a stem", word);
}

static bool lexicon_has(const struct match_lexicon *lx, const char *from, const char *to)
{
    const struct match_translation *t;
    int n = match_lexicon_lookup(lx, from, &t);
    for (int i = 0; i < n; i++)
        if (strcmp(t[i].stem, to) == 0)
            return true;
    return false;
}

/* The classifier's label pairs, as the loader reads them. */
struct labels {
    const char *en[10000], *uk[10000];
    int n;
};

static int on_label(void *ud, const char *code, const char *en, const char *uk)
{
    (void)code;
    struct labels *l = ud;
    if (l->n == 10000)
        return 1;
    l->en[l->n] = strdup(en);
    l->uk[l->n++] = strdup(uk);
    return 0;
}

/* The glossary as shipped: every pair translates both ways, alone and beside
 * the real classifier (none lost to the three-translation cap or to the
 * tokeniser); every "not" pair names a link the classifier teaches, and that
 * link is gone. */
Test(match_app, the_shipped_glossary_holds_every_pair)
{
    struct arena a;
    arena_init(&a, 0);
    struct match_glossary g;
    cr_assert_eq(app_glossary_shipped(&a, &g, &err), 0, "%s", err.msg);
    cr_assert_gt(g.n, 200);
    struct match_lexicon *alone = match_lexicon_build(NULL, NULL, 0, &g, &err);
    cr_assert_not_null(alone, "%s", err.msg);

    const char *shared = getenv("DFNC_SHARED_DATA");
    cr_assert_not_null(shared, "the tests' environment names the shared data");
    char path[512];
    struct app_import_result res;
    snprintf(path, sizeof path, "%s/cpv/cpv_en.json", shared);
    cr_assert_eq(app_import_cpv_json(s, path, "en", &res, &err), 0, "%s", err.msg);
    snprintf(path, sizeof path, "%s/cpv/cpv_uk.json", shared);
    cr_assert_eq(app_import_cpv_json(s, path, "uk", &res, &err), 0, "%s", err.msg);
    struct labels *l = calloc(1, sizeof *l);
    cr_assert_eq(store_cpv_each(s, on_label, l, &err), 0, "%s", err.msg);
    struct match_lexicon *learned = match_lexicon_build(l->en, l->uk, l->n, NULL, &err);
    cr_assert_not_null(learned, "%s", err.msg);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);

    int drops = 0;
    for (int i = 0; i < g.n; i++) {
        char e[MATCH_TOKEN_MAX + 1], u[MATCH_TOKEN_MAX + 1];
        stem_one(g.en[i], e);
        stem_one(g.uk[i], u);
        if (g.drop[i]) {
            drops++;
            cr_assert(lexicon_has(learned, e, u) || lexicon_has(learned, u, e),
                      "%s / %s: the classifier teaches this link", g.en[i], g.uk[i]);
            cr_assert(!lexicon_has(d.lexicon, e, u) && !lexicon_has(d.lexicon, u, e),
                      "%s / %s: gone", g.en[i], g.uk[i]);
            continue;
        }
        cr_assert(lexicon_has(alone, e, u) && lexicon_has(alone, u, e), "%s / %s", g.en[i],
                  g.uk[i]);
        cr_assert(lexicon_has(d.lexicon, e, u) && lexicon_has(d.lexicon, u, e),
                  "%s / %s beside the classifier", g.en[i], g.uk[i]);
    }
    cr_assert_gt(drops, 0);
    for (int i = 0; i < l->n; i++) {
        free((char *)l->en[i]);
        free((char *)l->uk[i]);
    }
    free(l);
    match_lexicon_free(learned);
    match_lexicon_free(alone);
    app_match_data_free(&d);
    arena_free(&a);
}

/* An organiser's glossary file: refused whole, named by FILE:LINE, when a
 * line is malformed, too long, or gives a word a fourth translation beside
 * dfnc's; refused when too big or not text; nothing kept in any case. */
Test(match_app, an_organisers_glossary_is_checked_whole_before_it_is_kept)
{
    char path[128];
    snprintf(path, sizeof path, "%s/g.tsv", dir);
    struct app_glossary_result r;
    struct {
        const char *text, *says;
    } bad[] = {
        {"border\tкордон\nradar\n", "g.tsv:2: expected an English word, a tab"},
        {"border\tкордон\tnope\n", "g.tsv:1: expected"},
        {"# electronic has електронний and радіоелектронний already\nelectronic\tкоптер\n"
         "electronic\tптах\n",
         "g.tsv:3: \"electronic\" has more than 3 translations"},
        {"border\tкордон\nthe\tкордон\n", "g.tsv:2: \"the\" is not one word (0 stems)"},
        {"radar\tрадар\xd0\n", "g.tsv:1: the Ukrainian word is missing or not UTF-8"},
        {"supercalifragilisticexpialidocioussupercalifragilisticexpialidocious\tслово\n",
         "g.tsv:1: a word is longer than 64 bytes"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(path, bad[i].text);
        cr_assert_eq(app_import_glossary(s, path, &r, &err), -1, "case %zu", i);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
        cr_assert(strstr(err.msg, bad[i].says), "case %zu: %s", i, err.msg);
        cr_assert_eq(r.problems.n, 1, "case %zu", i);
    }
    /* every line that does not fit is named, in file order, not only the first */
    write_file(path, "border\tкордон\nradar\nelectronic\tкоптер\nthe\tкордон\n"
                     "electronic\tптах\nsonar\tсонар\tnope\n");
    cr_assert_eq(app_import_glossary(s, path, &r, &err), -1);
    cr_assert(strstr(err.msg, "g.tsv:2: expected"), "the first: %s", err.msg);
    cr_assert_eq(r.problems.n, 4, "lines 2, 4, 5 and 6");
    cr_assert_eq(r.problems.named, 4);
    const int lines[] = {2, 4, 5, 6};
    const char *says[] = {"expected an English word", "\"the\" is not one word",
                          "\"electronic\" has more than 3 translations", "expected"};
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(r.problems.line[i], lines[i]);
        cr_assert(strstr(r.problems.msg[i], says[i]), "%d: %s", i, r.problems.msg[i]);
    }
    /* more than DF_PROBLEMS_NAMED: all counted, the lowest named */
    FILE *many = fopen(path, "w");
    for (int i = 0; i < 30; i++)
        fprintf(many, "word%d\n", 30 - i);
    fclose(many);
    cr_assert_eq(app_import_glossary(s, path, &r, &err), -1);
    cr_assert_eq(r.problems.n, 30);
    cr_assert_eq(r.problems.named, DF_PROBLEMS_NAMED);
    for (int i = 0; i < DF_PROBLEMS_NAMED; i++)
        cr_assert_eq(r.problems.line[i], i + 1);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 70000; i++)
        fputs("border\tкордон\n", f);
    fclose(f);
    cr_assert_eq(app_import_glossary(s, path, &r, &err), -1);
    cr_assert(strstr(err.msg, "over the limit of 1048576 bytes"), "%s", err.msg);
    f = fopen(path, "w");
    fwrite("border\t\0\n", 1, 9, f);
    fclose(f);
    cr_assert_eq(app_import_glossary(s, path, &r, &err), -1);
    cr_assert(strstr(err.msg, "NUL byte"), "%s", err.msg);
    cr_assert_eq(app_import_glossary(s, "/nonexistent/g.tsv", &r, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);

    struct arena a;
    arena_init(&a, 0);
    struct match_glossary shipped, loaded;
    cr_assert_eq(app_glossary_shipped(&a, &shipped, &err), 0, "%s", err.msg);
    cr_assert_eq(app_glossary_load(s, &a, &loaded, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(loaded.n, shipped.n, "nothing of the refused files was kept");

    write_file(path, "hyperspectral\tгіперспектральний\r\ncounter\tпротидія\tnot\r\n");
    cr_assert_eq(app_import_glossary(s, path, &r, &err), 0, "%s", err.msg);
    cr_assert_eq(r.pairs, 2);
    cr_assert_eq(r.nots, 1);
    cr_assert_eq(app_glossary_load(s, &a, &loaded, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(loaded.n, shipped.n + 2, "after dfnc's own lines");
    cr_assert_str_eq(loaded.uk[shipped.n], "гіперспектральний", "a CRLF file reads clean");
    cr_assert(loaded.drop[shipped.n + 1]);
    cr_assert_eq(loaded.line[shipped.n + 1], 2);
    arena_free(&a);
    struct app_glossary_status st;
    cr_assert_eq(app_glossary_status(s, &st, &err), 0, "%s", err.msg);
    cr_assert(st.left_out.n == 0 && st.left_out.named == 0 && st.pairs == 2 && st.nots == 1);
}

/* A stored glossary some of whose lines no longer fit beside dfnc's
 * (written here straight to the store, as an older import under an older
 * dfnc would have left it): those lines are left out, and matchmaking reads
 * the rest with dfnc's. */
Test(match_app, stored_glossary_lines_that_no_longer_fit_are_left_out_alone)
{
    const struct store_glossary_line lines[] = {
        {1, "electronic", "коптер", false},              /* a third translation: fits */
        {2, "electronic", "птах", false},                /* a fourth: does not */
        {3, "cybersecurity", "кібербезпека", false},     /* now read as two words */
        {4, "hyperspectral", "гіперспектральний", false},
        {5, "counter", "протидія", true},
        {6, "radar", "radars", false},                   /* one stem: itself */
    };
    cr_assert_eq(store_glossary_replace(s, lines, 6, &err), 0, "%s", err.msg);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    char e[MATCH_TOKEN_MAX + 1], u[MATCH_TOKEN_MAX + 1];
    stem_one("drone", e);
    stem_one("дрон", u);
    cr_assert(lexicon_has(d.lexicon, e, u), "dfnc's own glossary is there");
    stem_one("hyperspectral", e);
    stem_one("гіперспектральний", u);
    cr_assert(lexicon_has(d.lexicon, e, u), "a line after the misfits is read");
    stem_one("electronic", e);
    stem_one("коптер", u);
    cr_assert(lexicon_has(d.lexicon, e, u), "a line before them is read");
    stem_one("птах", u);
    cr_assert_not(lexicon_has(d.lexicon, e, u), "the fourth translation is not");
    app_match_data_free(&d);
    /* and the console can say so, naming the first line left out */
    struct app_glossary_status st;
    cr_assert_eq(app_glossary_status(s, &st, &err), 0, "%s", err.msg);
    cr_assert_eq(st.pairs, 6);
    cr_assert_eq(st.left_out.n, 3, "lines 2, 3 and 6: %s", st.left_out.msg[0]);
    cr_assert_eq(st.left_out.named, 3);
    const int out[] = {2, 3, 6};
    for (int i = 0; i < 3; i++)
        cr_assert_eq(st.left_out.line[i], out[i]);
    cr_assert(strstr(st.left_out.msg[0],
                     "the organiser's glossary:2: \"electronic\" has more than 3"),
              "%s", st.left_out.msg[0]);
    cr_assert(strstr(st.left_out.msg[1], "the organiser's glossary:3: \"cybersecurity\" is read as"),
              "%s", st.left_out.msg[1]);
    struct arena a;
    arena_init(&a, 0);
    struct match_glossary shipped, loaded;
    cr_assert_eq(app_glossary_shipped(&a, &shipped, &err), 0, "%s", err.msg);
    cr_assert_eq(app_glossary_load(s, &a, &loaded, NULL, &err), 0, "%s", err.msg);
    cr_assert_eq(loaded.n, shipped.n + 3);
    const int kept[] = {1, 4, 5};
    for (int i = 0; i < 3; i++)
        cr_assert_eq(loaded.line[shipped.n + i], kept[i], "in file order");
    arena_free(&a);
}

Test(match_app, partners_from_one_region)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Kyiv drone maker", .country = "UA", .kind = "company",
         .description = "Drone engines"},
        {.id = "ua2", .name = "Lviv drone lab", .country = "UA", .kind = "research",
         .description = "Drone engines and batteries"},
        {.id = "no", .name = "Oslo drone lab", .country = "NO", .kind = "research",
         .description = "Drone batteries"},
        {.id = "ch", .name = "Zurich drones", .country = "CH", .kind = "company",
         .description = "Drone engines"},
    };
    seed_orgs(orgs, 4);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    const char *ids[][4] = {{"ua2", "no", "ch"}, {"no"}, {"ua2"}};
    int counts[] = {3, 1, 1};
    for (int r = APP_REGION_ANY; r <= APP_REGION_UKRAINE; r++) {
        json_t *j = app_match_partners_json(&d, "ua", "drone engines, batteries", 10,
                                           &(struct app_match_filter){.region = r}, &err);
        cr_assert_not_null(j, "%s", err.msg);
        char *text = json_dumps(j, 0);
        cr_assert_eq((int)json_array_size(j), counts[r], "region %d: %s", r, text);
        for (int k = 0; k < counts[r]; k++)
            cr_assert(strstr(text, ids[r][k]), "region %d has %s: %s", r, ids[r][k], text);
        free(text);
        json_decref(j);
    }
    cr_assert_eq(app_region_parse("eu"), APP_REGION_EUROPE, "the EEA's Norway is in, Switzerland out");
    cr_assert_eq(app_region_parse(""), APP_REGION_ANY);
    cr_assert_eq(app_region_parse("EU"), -1);
    app_match_data_free(&d);
}

/* SMEs only, for partners and for whom to meet: a prime contractor or a
 * ministry looking for SME suppliers. Each answer says which are SMEs. */
Test(match_app, sme_only_keeps_smes_and_every_answer_says_which)
{
    struct store_org orgs[] = {
        {.id = "ua", .name = "Kyiv drone maker", .country = "UA", .kind = "company", .sme = 1,
         .description = "Drone engines"},
        {.id = "big", .name = "Prime contractor", .country = "FR", .kind = "company",
         .description = "Drone engines and batteries"},
        {.id = "sme", .name = "Battery SME", .country = "PL", .kind = "company", .sme = 1,
         .description = "Drone batteries"},
    };
    seed_orgs(orgs, 3);
    struct store_capability caps[] = {
        {.org = "ua", .direction = "need", .cpv = "31440000-2", .title = "Batteries"},
        {.org = "big", .direction = "offer", .cpv = "31440000-2", .title = "Batteries"},
        {.org = "sme", .direction = "offer", .cpv = "31440000-2", .title = "Batteries"},
    };
    for (int i = 0; i < 3; i++)
        cr_assert_eq(store_capability_upsert(s, &caps[i], NULL, &err), 0, "%s", err.msg);
    struct app_match_data d;
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    for (int sme_only = 0; sme_only < 2; sme_only++) {
        struct app_match_filter f = {.region = APP_REGION_ANY, .sme_only = sme_only};
        json_t *j = app_match_partners_json(&d, "ua", "drone engines, batteries", 10, &f, &err);
        cr_assert_not_null(j, "%s", err.msg);
        cr_assert_eq(json_array_size(j), sme_only ? 1u : 2u);
        size_t i;
        json_t *h;
        json_array_foreach(j, i, h) {
            const char *id = json_string_value(json_object_get(h, "org"));
            cr_assert_eq(json_is_true(json_object_get(h, "sme")), strcmp(id, "sme") == 0, "%s", id);
            cr_assert_str_eq(json_string_value(json_object_get(h, "kind")), "company");
            cr_assert(!sme_only || strcmp(id, "sme") == 0, "%s", id);
        }
        json_decref(j);

        struct buf out = BUF_INIT(0);
        cr_assert_eq(app_recommend_in(s, &d, "ua", NULL, 10, &f, &out, &err), 0, "%s", err.msg);
        cr_assert(strstr(buf_str(&out), "\"sme\""), "%s", buf_str(&out));
        cr_assert_eq(strstr(buf_str(&out), "\"big\"") == NULL, sme_only, "%s", buf_str(&out));
        buf_free(&out);
    }
    app_match_data_free(&d);
}

/* Companies PREFIX-FROM .. PREFIX-(FROM+n-1), "Works FROM" .., in Germany,
 * each describing itself as said[i % said_n]: in one transaction. */
static void seed_many(const char *prefix, int from, int n, const char *const *said, int said_n)
{
    char id[24], name[32];
    cr_assert_eq(store_begin(s, &err), 0);
    for (int i = from; i < from + n; i++) {
        snprintf(id, sizeof id, "%s-%04d", prefix, i);
        snprintf(name, sizeof name, "Works %04d", i);
        struct store_org o = {.id = id, .name = name, .country = "DE", .kind = "company",
                              .description = said[i % said_n]};
        cr_assert_eq(store_org_upsert(s, &o, NULL, &err), 0, "%s", err.msg);
    }
    cr_assert_eq(store_commit(s, &err), 0);
}

/* A directory's search finds every profile its words meet, past the
 * engine's 1,000 hits with reasons: each found in the engine's order, the
 * first 1,000 with their hits, any other's reasons asked for by name. */
Test(match_app, a_search_finds_past_the_engines_thousand)
{
    static const char *const said[] = {"Counter-drone radar for airports",
                                        "Radar and counter-drone systems, radar service",
                                        "Coastal radar"};
    static const char *const kitchens[] = {"Field kitchens"};
    seed_many("org", 0, 1150, said, 3);
    seed_many("org", 1150, 100, kitchens, 1);
    struct app_match_data d = {0};
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct app_text_finds f;
    cr_assert_eq(app_match_search_finds(&d, "radar", 0.125, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.n, 1150, "every radar maker, not the first 1000");
    cr_assert_eq(f.hits_n, 1000);
    for (int i = 0; i < f.hits_n; i++)
        cr_assert_eq(f.rank[f.hits[i].org], i, "the hits are the first places");
    char *seen = calloc(1150, 1);
    for (int i = 0; i < 1250; i++) {
        const char *pid = match_index_profile(d.ix, i)->id;
        bool radar = atoi(pid + 4) < 1150;
        cr_assert_eq(f.rank[i] >= 0, radar, "%s", pid);
        if (radar) {
            cr_assert_lt(f.rank[i], 1150);
            cr_assert_not(seen[f.rank[i]], "one place each");
            seen[f.rank[i]] = 1;
        }
    }
    free(seen);
    /* best first: a later place never scores more (the engine's order) */
    cr_assert_geq(f.hits[0].score, f.hits[999].score);

    /* the last place's reasons, and one among the hits' again */
    int last = -1, first = f.hits[0].org;
    for (int i = 0; i < 1250; i++)
        if (f.rank[i] == 1149)
            last = i;
    int wanted[] = {last, first};
    struct match_hit h[2];
    cr_assert_eq(app_match_search_hits_of(&d, "radar", wanted, 2, &a, h, &err), 0, "%s",
                 err.msg);
    cr_assert_eq(h[0].org, last);
    cr_assert_gt(h[0].why_n, 0);
    cr_assert_str_eq(h[0].why[h[0].why_n - 1], "text: radar");
    cr_assert_eq(h[1].org, first);
    cr_assert_eq(h[1].why_n, f.hits[0].why_n);
    cr_assert_str_eq(h[1].why[0], f.hits[0].why[0]);
    cr_assert_eq(h[1].score, f.hits[0].score, "the same score, whoever else is asked for");
    arena_free(&a);
    app_match_data_free(&d);
}

/* The directory's search: names that hold the text first (no reasons: the
 * name says it), then the profiles its words meet, best first, with what
 * they met; the filters apply to both; every find counted, `limit` listed;
 * without a text, every organisation the filters let through. */
Test(match_app, the_directory_lists_names_first_then_words_and_counts_all)
{
    static const struct store_org orgs[] = {
        {.id = "o-name", .name = "Radar Works", .country = "DE", .kind = "company",
         .description = "Field kitchens"},
        {.id = "o-words", .name = "Nordic Sensing", .country = "SE", .kind = "company",
         .description = "Coastal radar and radar service"},
        {.id = "o-few", .name = "Baltic Optics", .country = "LT", .kind = "company",
         .description = "Optics, and a radar mast"},
        {.id = "o-ua", .name = "Dnipro Radar", .country = "UA", .kind = "company",
         .description = "Radar repair"},
        {.id = "o-none", .name = "Kitchen Co", .country = "FR", .kind = "company",
         .description = "Field kitchens"},
    };
    seed_orgs(orgs, 5);
    struct app_match_data d = {0};
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct app_org_search f;
    struct store_web_org_query q = {.q = "radar", .sme = -1, .limit = 1 << 30};
    cr_assert_eq(app_org_search(s, &d, &q, 10, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.total, 4, "every radar find, Kitchen Co not");
    cr_assert_eq(f.n, 4);
    cr_assert(f.list[0].hit == NULL && f.list[1].hit == NULL, "names first, without reasons");
    cr_assert_str_eq(f.list[2].id, "o-words", "then words, best first");
    cr_assert_str_eq(f.list[3].id, "o-few");
    cr_assert(f.list[2].hit && f.list[2].hit->why_n > 0);
    cr_assert_str_eq(f.list[2].hit->why[f.list[2].hit->why_n - 1], "text: radar");
    /* a filter (Ukraine) and a limit: counted whole, listed to the limit */
    q.region = 1;
    cr_assert_eq(app_org_search(s, &d, &q, 2, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.total, 3, "Dnipro Radar is no EU find");
    cr_assert_eq(f.n, 2);
    cr_assert_str_eq(f.list[0].id, "o-name");
    /* no text: the filters alone, no engine needed */
    struct store_web_org_query all = {.sme = -1, .limit = 1 << 30};
    cr_assert_eq(app_org_search(s, NULL, &all, 3, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.total, 5);
    cr_assert_eq(f.n, 3);
    cr_assert_null(f.list[0].hit);
    arena_free(&a);
    app_match_data_free(&d);
}

/* The directory's search puts the organisations that have every word of
 * the text first, in either language ("протидія дронам радар" through the
 * glossary), however many times the others repeat one of them; those with
 * some of the words follow, said apart. A word no profile has leaves none
 * with every word. */
Test(match_app, the_directory_lists_every_word_before_some)
{
    static const struct store_org orgs[] = {
        {.id = "o-radar", .name = "Nordic Sensing", .country = "SE", .kind = "company",
         .description = "Counter-battery radar. Radar, radar service, radar repair"},
        {.id = "o-drone", .name = "Baltic Sky", .country = "LT", .kind = "company",
         .description = "Drone radar, drone radar, drone radar"},
        {.id = "o-all", .name = "Field Supply", .country = "DE", .kind = "company",
         .description = "Field kitchens, tents, generators, water tanks, fuel, spare parts, "
                        "uniforms, boots, blankets, stoves, lamps, rope, shovels, stretchers "
                        "and a counter measure against one drone by radar"},
        {.id = "o-none", .name = "Kitchen Co", .country = "FR", .kind = "company",
         .description = "Field kitchens"},
    };
    seed_orgs(orgs, 4);
    /* радар through the classifier's label pair, протидія and дрон the glossary's */
    cr_assert_eq(store_cpv_upsert(s, "35722000-1", "Radar", "Радари", NULL, &err), 0, "%s",
                 err.msg);
    struct app_match_data d = {0};
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct app_org_search f;
    static const char *const texts[] = {"counter drone radar", "протидія дронам радар"};
    for (int k = 0; k < 2; k++) {
        struct store_web_org_query q = {.q = texts[k], .sme = -1, .limit = 1 << 30};
        cr_assert_eq(app_org_search(s, &d, &q, 10, &a, &f, &err), 0, "%s", err.msg);
        cr_assert_eq(f.n, 3, "%s: every find with radar, Kitchen Co not", texts[k]);
        cr_assert_str_eq(f.list[0].id, "o-all", "%s: every word first", texts[k]);
        cr_assert_not(f.list[0].some_words, "%s", texts[k]);
        for (int i = 1; i < 3; i++)
            cr_assert(f.list[i].some_words && strcmp(f.list[i].id, "o-all") != 0,
                      "%s: %s has some of the words", texts[k], f.list[i].id);
    }
    /* one word: every find has it */
    struct store_web_org_query one = {.q = "radar", .sme = -1, .limit = 1 << 30};
    cr_assert_eq(app_org_search(s, &d, &one, 10, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.n, 3);
    for (int i = 0; i < f.n; i++)
        cr_assert_not(f.list[i].some_words, "%s", f.list[i].id);
    /* a word nobody has (robots): none has every word */
    struct store_web_org_query odd = {.q = "radar robots", .sme = -1, .limit = 1 << 30};
    cr_assert_eq(app_org_search(s, &d, &odd, 10, &a, &f, &err), 0, "%s", err.msg);
    cr_assert_eq(f.n, 3);
    for (int i = 0; i < f.n; i++)
        cr_assert(f.list[i].some_words, "%s", f.list[i].id);
    arena_free(&a);
    app_match_data_free(&d);
}

/* An organisation with every word first, even where the engine's 1,000
 * hits with reasons are all others that repeat some of them: its reasons
 * are asked for by name, and say every word. */
Test(match_app, every_word_first_past_the_engines_thousand)
{
    static const char *const some[] = {"Drone radar. Radar, drone service"},
                             *const kits[] = {"Counter measures kits"};   /* counter is common */
    seed_many("org", 0, 1050, some, 1);
    seed_many("kit", 0, 1100, kits, 1);
    struct store_org all = {
        .id = "org-all", .name = "Field Supply", .country = "PL", .kind = "company",
        .description = "Field kitchens, tents, generators, water tanks, fuel, spare parts, "
                       "uniforms, boots, blankets, stoves, lamps, rope, shovels, stretchers, "
                       "a counter measure against one drone by radar"};
    cr_assert_eq(store_org_upsert(s, &all, NULL, &err), 0, "%s", err.msg);
    struct app_match_data d = {0};
    cr_assert_eq(app_match_load(s, NULL, &d, &err), 0, "%s", err.msg);
    struct arena a;
    arena_init(&a, 0);
    struct app_text_finds f;
    cr_assert_eq(app_match_search_finds(&d, "counter drone radar", 0.125, &a, &f, &err), 0,
                 "%s", err.msg);
    int o = match_index_find(d.ix, "org-all");
    cr_assert_eq(f.words, 3);
    cr_assert_eq(f.all_n, 1);
    cr_assert_eq(f.rank[o], 0, "every word first");
    cr_assert_eq(f.hits[0].org, -1, "not among the engine's first 1000: %d", f.hits_n);
    cr_assert_eq(f.hits[1].org >= 0, true, "the next place has its hit");
    struct app_org_search found;
    struct store_web_org_query q = {.q = "counter drone radar", .sme = -1, .limit = 1 << 30};
    cr_assert_eq(app_org_search(s, &d, &q, 5, &a, &found, &err), 0, "%s", err.msg);
    cr_assert_str_eq(found.list[0].id, "org-all");
    cr_assert_not(found.list[0].some_words);
    cr_assert(found.list[1].some_words);
    const struct match_hit *h = found.list[0].hit;
    cr_assert(h && h->why_n > 0);
    cr_assert_str_eq(h->why[h->why_n - 1], "text: counter, drone, radar");
    arena_free(&a);
    app_match_data_free(&d);
}
