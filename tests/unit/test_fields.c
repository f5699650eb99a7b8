/* Unit tests of src/app/fields.c: the field checks the imports and the API
 * share. */
#include <criterion/criterion.h>
#include <string.h>

#include "app/fields.h"

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
                         "ftp://acme.example"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(app_website_check(bad[i], &err), -1, "took \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
    }
    cr_assert(strstr(err.msg, "http:// or https://"), "%s", err.msg);
}

Test(fields, languages_are_iso_639_1_codes)
{
    const char *good[] = {"en", "en;uk", "en;uk;fr", ""};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        cr_assert_eq(app_languages_check(good[i], &err), 0, "refused %s: %s", good[i], err.msg);
    const char *bad[] = {"klingon;;;<script>", "en;", ";en", "en;;uk", "e", "eng", "EN",
                         "en,uk", "en; uk", "en;u", "ук"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.kind = DF_OK;
        cr_assert_eq(app_languages_check(bad[i], &err), -1, "took \"%s\"", bad[i]);
        cr_assert_eq(err.kind, DF_ERR_INPUT);
    }
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
