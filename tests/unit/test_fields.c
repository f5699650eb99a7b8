/* Unit tests of src/app/fields.c: the field checks the imports and the API
 * share. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "app/fields.h"
#include "app/interpreting.h"

static struct df_err err;

Test(fields, websites_are_web_addresses_only)
{
    const char *good[] = {"https://acme.example", "http://acme.example/about?a=1#x",
                          "HTTPS://Acme.example", "https://xn--80ak6aa92e.example",
                          "http://[2001:db8::1]:8080/"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_assert_eq(app_website_check(good[i], &err), 0, "refused %s: %s", good[i], err.msg);
    const char *bad[] = {"javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,x",
                         "vbscript:x", "//acme.example", "acme.example", "https://", "http:///x",
                         "https://a b", "https://a\tb", "https://a\x01", " https://a", "",
                         "ftp://acme.example",
                         /* a link that reads otherwise than where it goes */
                         "https://evil.eu@x.eu", "https://user:pw@x.eu/", "https://a.eu\\@b.eu",
                         "https://\u202Ex.eu", "https://x.eu/\u2066a", "https://x\u200B.eu",
                         "https://x.eu/\u00ADa", "https://x.eu/\uFEFF", "https://x.eu\u00A0/",
                         "https://x.eu/\u2028", "https://\xc2\x85x.eu", "https://%00",
                         "https://x%2Eeu", "https://\u0430pple.com", "https://b\u00fccher.de"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(app_website_check(bad[i], &err), -1, "took \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
    }
    cr_assert(strstr(err.msg, "its host may hold only ASCII letters"), "%s", err.msg);
    cr_assert_eq(app_website_check("https://evil.eu@x.eu", &err), -1);
    cr_assert(strstr(err.msg, "user name before '@'"), "%s", err.msg);
    cr_assert_eq(app_website_check("https://x\u200B.eu", &err), -1);
    cr_assert(strstr(err.msg, "http:// or https://"), "%s", err.msg);
    cr_assert_eq(app_website_check("https://x.eu/about@us?to=a@b.eu#\u043a\u0438\u0457\u0432", &err),
                 0, "an '@' and letters of any script after the host are fine: %s", err.msg);
}

Test(fields, languages_are_iso_639_1_codes)
{
    const char *good[] = {"en", "en;uk", "en;uk;fr", "", "uk;en;pl;de;cs;sv;lt;lv;et;fi;bh",
                          "aa", "zu"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_assert_eq(app_languages_check(good[i], &err), 0, "refused %s: %s", good[i], err.msg);
    const char *bad[] = {"klingon;;;<script>", "en;", ";en", "en;;uk", "e", "eng", "EN",
                         "en,uk", "en; uk", "en;u", "ук",
                         /* not in ISO 639-1, or named twice */
                         "zz", "en;zz", "xx;en", "ua", "en;en", "uk;en;uk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(app_languages_check(bad[i], &err), -1, "took \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
    }
    app_languages_check("en;zz", &err);
    cr_assert(strstr(err.msg, "\"zz\" is not an ISO 639-1 language code"), "%s", err.msg);
    app_languages_check("uk;en;uk", &err);
    cr_assert(strstr(err.msg, "names \"uk\" twice"), "%s", err.msg);
    cr_assert(app_language_is_known("uk"));
    cr_assert_not(app_language_is_known("ua"), "Ukraine's country code, not its language's");
}

Test(fields, interpreter_pairs_are_two_known_languages)
{
    char a[3], b[3];
    cr_assert_eq(app_language_pair("uk-en", a, b, &err), 0, "%s", err.msg);
    cr_assert_str_eq(a, "uk");
    cr_assert_str_eq(b, "en");
    cr_assert_eq(app_language_pair("zz-en", a, b, &err), -1);
    cr_assert(strstr(err.msg, "\"zz\" is not an ISO 639-1"), "%s", err.msg);
    cr_assert_eq(app_language_pair("uk-ua", a, b, &err), -1);
    cr_assert(strstr(err.msg, "\"ua\" is not"), "%s", err.msg);
    cr_assert_eq(app_language_pair("en-en", a, b, &err), -1);
}

Test(fields, ids_are_api_path_segments)
{
    char longest[APP_ID_MAX + 2];
    memset(longest, 'a', APP_ID_MAX);
    longest[APP_ID_MAX] = '\0';
    const char *good[] = {"org-0042", "p-0437", "999984059", "a.b_c-D", "..a", longest};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_assert_eq(app_id_check("id", good[i], &err), 0, "refused %s: %s", good[i], err.msg);
    longest[APP_ID_MAX] = 'a';
    longest[APP_ID_MAX + 1] = '\0';
    const char *bad[] = {"x/y", "org/zz", "", ".", "..", "a b", "p-1\t", "caf\xc3\xa9", "a%2Fb",
                         "a?b", "a#b", "a\\b", longest};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(app_id_check("organisation", bad[i], &err), -1, "took \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
        cr_assert(strncmp(err.msg, "organisation \"", 14) == 0, "names what: %s", err.msg);
    }
}

/* The rules dfnc check judges stored values by are the importers': a country
 * as dfnc stores it (upper case, as the ways in make it), a number in the
 * range its column is read in, given as text or as a stored number. */
Test(fields, countries_and_numbers_as_the_ways_in_take_them)
{
    char up[3];
    cr_assert_str_eq(app_country_upper("de", up), "DE");
    cr_assert_eq(app_country_check("country", app_country_upper("de", up), &err), 0);
    cr_assert_eq(app_country_check("country", "de", &err), -1, "stored lower case");
    cr_assert_str_eq(err.msg, "country \"de\" is not an ISO 3166 alpha-2 code (like DE, PL, UA)");
    cr_assert_str_eq(app_country_upper("DEU", up), "DEU");
    cr_assert_eq(app_country_check("production_country", "DEU", &err), -1);
    cr_assert(strncmp(err.msg, "production_country \"DEU\"", 24) == 0, "%s", err.msg);
    cr_assert_eq(app_country_check("country", "XX", &err), -1);

    long long n = APP_QUANTITY_MAX;
    cr_assert_eq(app_whole_check("quantity", "1000000000", &n, 1, APP_QUANTITY_MAX, &err), 0);
    n++;
    cr_assert_eq(app_whole_check("quantity", "1000000001", &n, 1, APP_QUANTITY_MAX, &err), -1);
    cr_assert_str_eq(err.msg, "quantity \"1000000001\" must be a whole number from 1 to 1000000000");
    cr_assert_eq(app_whole_check("quantity", "ten", NULL, 1, APP_QUANTITY_MAX, &err), -1);
    cr_assert(strstr(err.msg, "\"ten\" must be a whole number"), "%s", err.msg);
    double x = 100.5, nan = NAN;
    cr_assert_eq(app_number_check("eu_content_pct", "100.5", &x, 0, 100, &err), -1);
    cr_assert_eq(app_number_check("eu_content_pct", "nan", &nan, 0, 100, &err), -1);
    x = 100;
    cr_assert_eq(app_number_check("eu_content_pct", "100", &x, 0, 100, &err), 0);
    cr_assert_eq(app_content_pct_check(60, 41, &err), -1);
    cr_assert_eq(app_content_pct_check(60, 40, &err), 0);

    cr_assert_eq(app_org_kind_check("startup", &err), -1);
    cr_assert_str_eq(err.msg,
                     "kind \"startup\" is not one of company|research|government|association|other");
    cr_assert_eq(app_email_check("email", "nobody", &err), -1);
    cr_assert_eq(app_email_check("email", "a@b.example", &err), 0);
    cr_assert_eq(app_timezone_check("Europe/Kyiv", &err), 0, "%s", err.msg);
    cr_assert_eq(app_timezone_check("Europe/Atlantis", &err), -1);
    cr_assert_eq(app_deliver_by_check("2027-02-30", &err), -1);
    cr_assert_eq(app_demand_country_check("FR", "org-de", "DE", &err), -1);
    cr_assert_str_eq(err.msg, "country \"FR\" is not the buyer's: org-de is in DE");
}

Test(fields, yes_no_words_in_english_and_ukrainian_any_case)
{
    const char *yes[] = {"1", "yes", "YES", "Y", "true", "TRUE", "так", "Так", "ТАК"};
    const char *no[] = {"0", "no", "No", "n", "FALSE", "ні", "Ні", "НІ"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        cr_assert_eq(app_yes_no_word(yes[i]), 1, "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        cr_assert_eq(app_yes_no_word(no[i]), 0, "%s", no[i]);
    const char *neither[] = {"", "2", "maybe", "yess", "ja", "да", "нет", "so-long-a-word-it-does-not-fit"};
    for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++)
        cr_assert_eq(app_yes_no_word(neither[i]), -1, "%s", neither[i]);
}

Test(fields, a_bare_host_is_read_as_http)
{
    struct df_err err = {0};
    char buf[64];
    cr_assert_str_eq(app_website_read("www.acme.de", buf, sizeof buf, &err), "http://www.acme.de");
    cr_assert_str_eq(app_website_read("localhost:8080/x", buf, sizeof buf, &err),
                     "http://localhost:8080/x");
    const char *https = "https://acme.de";
    cr_assert_eq(app_website_read(https, buf, sizeof buf, &err), https, "taken as it is");
    cr_assert_null(app_website_read("javascript:alert(1)", buf, sizeof buf, &err));
    cr_assert_str_eq(err.msg, "website \"javascript:alert(1)\" is not an http:// or https:// "
                              "address (like https://example.eu) without spaces or invisible "
                              "characters");
    cr_assert_null(app_website_read("mailto:a@b.eu", buf, sizeof buf, &err));
    cr_assert_null(app_website_read("www.evil.eu@x.eu", buf, sizeof buf, &err));
    cr_assert_null(app_website_read("www.a-host-name-longer-than-the-buffer-can-hold.example.eu",
                                    buf, sizeof buf, &err));
    cr_assert(strstr(err.msg, "is longer than 56 bytes"), "%s", err.msg);
}

/* A hybrid forum: how a person takes part, as a spreadsheet writes it, and
 * the video service whose rooms hold the online meetings. */
Test(fields, attendance_and_video_service)
{
    cr_assert_str_eq(app_attendance_word("On site"), "onsite");
    cr_assert_str_eq(app_attendance_word("REMOTE"), "online");
    cr_assert_str_eq(app_attendance_word("онлайн"), "online");
    cr_assert_str_eq(app_attendance_word("очно"), "onsite");
    cr_assert_str_eq(app_attendance_word("hybrid"), "hybrid", "anything else as given");
    cr_assert_eq(app_attendance_check("attendance", "online", &err), 0);
    cr_assert_eq(app_attendance_check("attendance", "hybrid", &err), -1);
    cr_assert(strstr(err.msg, "onsite|online"), "%s", err.msg);

    const char *good[] = {"https://meet.jit.si", "https://video.forum.example/rooms/",
                          "https://meet.example:8443"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_assert_eq(app_video_url_check(good[i], &err), 0, "refused %s: %s", good[i], err.msg);
    const char *bad[] = {"http://meet.jit.si", "https://", "https:///x", "javascript:x",
                         "https://meet.jit.si/?room=", "https://meet.jit.si/#x",
                         "https://meet.jit.si/a b", "https://meet.jit.si/\"><script>",
                         "meet.jit.si"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_assert_eq(app_video_url_check(bad[i], &err), -1, "took %s", bad[i]);
        cr_assert_str_eq(err.code, "video_url");
    }
}
