/* Profile field checks shared by the imports and the API (see fields.h). */
#include "app/fields.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/country.h"
#include "core/cpv.h"
#include "core/utf8.h"
#include "engine/procure/procure.h"
#include "io/ics.h"
#include "store/store.h"

int app_id_check(const char *what, const char *id, struct df_err *err)
{
    static const char allowed[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                  "0123456789._-";
    size_t n = strspn(id, allowed);
    if (n > APP_ID_MAX) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.20s...\" is longer than %d bytes", what, id,
                   APP_ID_MAX);
        df_err_code(err, "too_long", "max", DF_NUM(APP_ID_MAX), "col", what, NULL);
        return -1;
    }
    if (n == 0 || id[n] != '\0' || strcmp(id, ".") == 0 || strcmp(id, "..") == 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s \"%.200s\" must be letters A-Z a-z, digits, '.', '_' or '-', and not "
                   "\".\" or \"..\" (ids are parts of the API's paths)", what, id);
        df_err_code(err, "id_chars", "col", what, "value", id, NULL);
        return -1;
    }
    return 0;
}

int app_session_id_check(const char *what, const char *id, struct df_err *err)
{
    if (app_id_check(what, id, err) < 0)
        return -1;
    if (strlen(id) > APP_SESSION_ID_MAX) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s \"%.20s...\" is longer than %d bytes: its slots are named after it "
                   "(\"%.20s...-01\"), and an id is at most %d bytes",
                   what, id, APP_SESSION_ID_MAX, id, APP_ID_MAX);
        df_err_code(err, "session_id_long", "col", what, "max", DF_NUM(APP_SESSION_ID_MAX),
                    "id_max", DF_NUM(APP_ID_MAX), NULL);
        return -1;
    }
    return 0;
}

/* ---- websites ------------------------------------------------------------------ */

/* What a website may not hold anywhere: a space or control (C0, DEL, C1), a
 * space that is not ASCII's or an invisible format character (a bidi
 * control, a zero-width space): each makes the link read otherwise than
 * where it goes. */
static bool is_unseen(long c)
{
    return c <= ' ' || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           utf8_is_format(c);
}

/* A host (and port) as a link shows it: ASCII letters, digits, '.', '-',
 * '_', and for [IPv6]:port the brackets and ':'. No '%' escape, '\', '@' or
 * a letter of another script that could pass for a Latin one: a host not in
 * ASCII is written in its xn-- (punycode) form. */
static bool is_host_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
}

int app_website_check(const char *v, struct df_err *err)
{
    size_t scheme = strncasecmp(v, "https://", 8) == 0   ? 8
                    : strncasecmp(v, "http://", 7) == 0 ? 7
                                                         : 0;
    /* the authority: what comes before the first '/', '?' or '#' after the scheme */
    size_t host = scheme ? strcspn(v + scheme, "/?#") : 0;
    long cp;
    const char *code = NULL;
    if (!scheme || !host || utf8_find(v, strlen(v), is_unseen, &cp) >= 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "website \"%.200s\" is not an http:// or https:// address (like "
                   "https://example.eu) without spaces or invisible characters", v);
        code = "website_form";
    } else if (memchr(v + scheme, '@', host)) {
        df_err_set(err, DF_ERR_INPUT,
                   "website \"%.200s\" holds a user name before '@': the link would show one "
                   "host and go to the one after the '@'", v);
        code = "website_user";
    } else {
        for (size_t i = 0; !code && i < host; i++)
            if (!is_host_byte((unsigned char)v[scheme + i])) {
                df_err_set(err, DF_ERR_INPUT,
                           "website \"%.200s\": its host may hold only ASCII letters, digits, "
                           "'.', '-' and a :port (a host in another script in its xn-- form)",
                           v);
                code = "website_host";
            }
    }
    if (!code)
        return 0;
    df_err_code(err, code, "value", v, NULL);
    return -1;
}

/* Whether v begins with a URI scheme and its ':' ("javascript:", "mailto:",
 * "https:"), not a host and its port ("acme.de:8080"). */
static bool has_scheme(const char *v)
{
    size_t n = strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-");
    return n > 0 && v[n] == ':' && !isdigit((unsigned char)v[n + 1]);
}

const char *app_website_read(const char *v, char *buf, size_t cap, struct df_err *err)
{
    if (!has_scheme(v)) {
        int n = snprintf(buf, cap, "http://%s", v);
        if (n < 0 || (size_t)n >= cap) {
            df_err_set(err, DF_ERR_INPUT, "website \"%.60s...\" is longer than %zu bytes", v,
                       cap - sizeof "http://");
            df_err_code(err, "too_long", "max", DF_NUM((long long)(cap - sizeof "http://")),
                        "col", "website", NULL);
            return NULL;
        }
        v = buf;
    }
    return app_website_check(v, err) == 0 ? v : NULL;
}

/* ---- languages ------------------------------------------------------------------ */

/* ISO 639-1, every two-letter code (184, as Debian's iso-codes 4.15 lists
 * them in iso_639-2.json), by first letter. */
static const char iso_639_1[] =
    "aaabaeafakamanarasavayaz"
    "babebgbhbibmbnbobrbs"
    "cacechcocrcscucvcy"
    "dadedvdz"
    "eeeleneoeseteu"
    "fafffifjfofrfy"
    "gagdglgngugv"
    "hahehihohrhthuhyhz"
    "iaidieigiiikioisitiu"
    "jajv"
    "kakgkikjkkklkmknkokrkskukvkwky"
    "lalblglilnloltlulv"
    "mgmhmimkmlmnmrmsmtmy"
    "nanbndnengnlnnnonrnvny"
    "ocojomoros"
    "papiplpspt"
    "qu"
    "rmrnrorurw"
    "sascsdsesgsiskslsmsnsosqsrssstsusvsw"
    "tatetgthtitktltntotrtstttwty"
    "ugukuruz"
    "vevivo"
    "wawo"
    "xh"
    "yiyo"
    "zazhzu";

bool app_language_is_known(const char *code)
{
    if (!code || !code[0] || !code[1])
        return false;
    for (const char *p = iso_639_1; *p; p += 2)
        if (p[0] == code[0] && p[1] == code[1])
            return true;
    return false;
}

int app_languages_check(const char *v, struct df_err *err)
{
    for (const char *p = v; *p; p += 3) {
        bool code = p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' && p[1] <= 'z';
        /* after a code: the end, or ';' and another code */
        if (!code || (p[2] && (p[2] != ';' || !p[3]))) {
            df_err_set(err, DF_ERR_INPUT,
                       "languages \"%.200s\" must be ISO 639-1 codes separated by ';' "
                       "(like en;uk;fr)", v);
            df_err_code(err, "languages_malformed", "value", v, NULL);
            return -1;
        }
        char two[3] = {p[0], p[1], '\0'};
        if (!app_language_is_known(p)) {
            df_err_set(err, DF_ERR_INPUT,
                       "languages \"%.200s\": \"%.2s\" is not an ISO 639-1 language code", v, p);
            df_err_code(err, "language_unknown", "code", two, "value", v, NULL);
            return -1;
        }
        for (const char *q = v; q < p; q += 3)
            if (q[0] == p[0] && q[1] == p[1]) {
                df_err_set(err, DF_ERR_INPUT, "languages \"%.200s\" names \"%.2s\" twice", v, p);
                df_err_code(err, "language_twice", "code", two, "value", v, NULL);
                return -1;
            }
        if (!p[2])
            break;
    }
    return 0;
}

/* ---- countries, kinds, e-mails, texts ------------------------------------------- */

int app_country_check(const char *what, const char *v, struct df_err *err)
{
    if (!v || strlen(v) != 2 || !country_is_known(v)) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s \"%.40s\" is not an ISO 3166 alpha-2 code (like DE, PL, UA)", what,
                   v ? v : "");
        df_err_code(err, "country_unknown", "country", v ? v : "", "col", what, NULL);
        return -1;
    }
    return 0;
}

const char *app_country_upper(const char *v, char out[3])
{
    if (!v || strlen(v) != 2)
        return v;
    out[0] = (char)toupper((unsigned char)v[0]);
    out[1] = (char)toupper((unsigned char)v[1]);
    out[2] = '\0';
    return out;
}

static const char *const org_kinds[] = {"company", "research", "government", "association",
                                        "other"};

const char *app_org_kind_word(const char *v)
{
    for (size_t i = 0; i < sizeof org_kinds / sizeof org_kinds[0]; i++)
        if (strcasecmp(v, org_kinds[i]) == 0)
            return org_kinds[i];
    return v;
}

int app_org_kind_check(const char *v, struct df_err *err)
{
    for (size_t i = 0; i < sizeof org_kinds / sizeof org_kinds[0]; i++)
        if (strcmp(v, org_kinds[i]) == 0)
            return 0;
    df_err_set(err, DF_ERR_INPUT,
               "kind \"%.60s\" is not one of company|research|government|association|other", v);
    df_err_code(err, "not_one_of", "col", "kind", "value", v, "list",
                "company|research|government|association|other", NULL);
    return -1;
}

int app_video_url_check(const char *v, struct df_err *err)
{
    size_t n = strlen(v);
    bool ok = n > 8 && n <= 200 && strncmp(v, "https://", 8) == 0 && v[8] != '/';
    for (size_t i = 0; ok && i < n; i++)   /* a room's name is added after a '/' */
        ok = v[i] > ' ' && v[i] < 0x7f && !strchr("\"'<>\\?#`", v[i]);
    if (ok)
        return 0;
    df_err_set(err, DF_ERR_INPUT,
               "video_url \"%.60s\" is not an https:// address of a video service whose "
               "rooms are named in the path (https://meet.jit.si, say): no query, no spaces", v);
    df_err_code(err, "video_url", "value", v, NULL);
    return -1;
}

/* "onsite" or "online", letter case aside, and the Ukrainian words an
 * organiser's spreadsheet may hold; anything else comes back as it is. */
const char *app_attendance_word(const char *v)
{
    static const char *const onsite[] = {"onsite", "on site", "on-site", "in person", "очно",
                                         "особисто"};
    static const char *const online[] = {"online", "remote", "онлайн", "дистанційно"};
    for (size_t i = 0; i < sizeof onsite / sizeof onsite[0]; i++)
        if (strcasecmp(v, onsite[i]) == 0)
            return "onsite";
    for (size_t i = 0; i < sizeof online / sizeof online[0]; i++)
        if (strcasecmp(v, online[i]) == 0)
            return "online";
    return v;
}

int app_attendance_check(const char *field, const char *v, struct df_err *err)
{
    if (strcmp(v, "onsite") == 0 || strcmp(v, "online") == 0)
        return 0;
    df_err_set(err, DF_ERR_INPUT, "%s \"%.60s\" is not one of onsite|online", field, v);
    df_err_code(err, "not_one_of", "col", field, "value", v, "list", "onsite|online", NULL);
    return -1;
}

int app_yes_no_word(const char *v)
{
    static const char *const yes[] = {"1", "yes", "y", "true", "так"};
    static const char *const no[] = {"0", "no", "n", "false", "ні"};
    char folded[16];
    if (!utf8_fold_str(v, folded, sizeof folded))
        return -1;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(folded, yes[i]) == 0)
            return 1;
        if (strcmp(folded, no[i]) == 0)
            return 0;
    }
    return -1;
}

int app_email_check(const char *what, const char *v, struct df_err *err)
{
    if (!strchr(v, '@') || strlen(v) > 254) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.254s\" is not an e-mail address", what, v);
        df_err_code(err, "email_invalid", "col", what, "value", v, NULL);
        return -1;
    }
    return 0;
}

int app_too_long(struct df_err *err, const char *what, int max)
{
    df_err_set(err, DF_ERR_INPUT, "%s is longer than %d bytes", what, max);
    df_err_code(err, "too_long", "max", DF_NUM(max), "col", what, NULL);
    return -1;
}

int app_text_length_check(const char *what, const char *v, struct df_err *err)
{
    if (v && strlen(v) > APP_TEXT_MAX)
        return app_too_long(err, what, APP_TEXT_MAX);
    return 0;
}

/* ---- CPV codes, time zones, procurement ------------------------------------------ */

int app_cpv_check(struct store *s, const char *code, struct df_err *err)
{
    if (!cpv_is_well_formed(code)) {
        df_err_set(err, DF_ERR_INPUT,
                   "cpv \"%.40s\" is not a CPV code (eight digits, a dash and a check digit, "
                   "like 35613000-4)", code);
        df_err_code(err, "cpv_malformed", "cpv", code, "col", "cpv", NULL);
        return -1;
    }
    int known = store_cpv_accepts(s, code, err);
    if (known < 0)
        return -1;
    if (!known) {
        df_err_set(err, DF_ERR_INPUT,
                   "cpv \"%s\" is not in the CPV classifier (wrong check digit?)", code);
        df_err_code(err, "cpv_unknown", "cpv", code, "col", "cpv", NULL);
        return -1;
    }
    return 0;
}

int app_timezone_check(const char *v, struct df_err *err)
{
    if (!ics_timezone_is_known(v)) {
        df_err_set(err, DF_ERR_INPUT,
                   "timezone \"%.100s\" is not a known time zone (an IANA name such as "
                   "Europe/Brussels)", v);
        df_err_code(err, "timezone_unknown", "value", v, NULL);
        return -1;
    }
    return 0;
}

int app_demand_country_check(const char *country, const char *buyer, const char *buyer_country,
                             struct df_err *err)
{
    if (strcmp(country, buyer_country) != 0) {
        df_err_set(err, DF_ERR_INPUT, "country \"%s\" is not the buyer's: %s is in %s",
                   country, buyer, buyer_country);
        df_err_code(err, "country_not_buyers", "country", country, "buyer_country",
                    buyer_country, NULL);
        return -1;
    }
    return 0;
}

int app_whole_check(const char *what, const char *text, const long long *v, long long min,
                    long long max, struct df_err *err)
{
    if (!v || *v < min || *v > max) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.40s\" must be a whole number from %lld to %lld",
                   what, text, min, max);
        df_err_code(err, "whole_range", "min", DF_NUM(min), "max", DF_NUM(max), "col", what,
                    "value", text, NULL);
        return -1;
    }
    return 0;
}

int app_number_check(const char *what, const char *text, const double *v, double min,
                     double max, struct df_err *err)
{
    if (!v || !isfinite(*v) || *v < min || *v > max) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.40s\" must be a number from %g to %g", what, text,
                   min, max);
        char lo[32], hi[32];
        snprintf(lo, sizeof lo, "%g", min);
        snprintf(hi, sizeof hi, "%g", max);
        df_err_code(err, "number_range", "min", lo, "max", hi, NULL);
        return -1;
    }
    return 0;
}

int app_price_check(const char *what, const char *text, const double *v, struct df_err *err)
{
    /* one sentence for every price refused, which says both bounds (the
     * value is not repeated: the page finds the sentence by its start) */
    (void)text;
    if (!v || !isfinite(*v) || *v < APP_PRICE_MIN || *v > APP_PRICE_MAX) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s must be a number above 0 (a cent at least) and at most %.0f", what,
                   APP_PRICE_MAX);
        char hi[32];
        snprintf(hi, sizeof hi, "%.0f", APP_PRICE_MAX);
        df_err_code(err, "price_range", "max", hi, NULL);
        return -1;
    }
    return 0;
}

int app_unit_check(const char *v, struct df_err *err)
{
    if (strlen(v) > APP_UNIT_MAX)
        return app_too_long(err, "unit", APP_UNIT_MAX);
    return utf8_line_check("unit", v, err);
}

int app_deliver_by_check(const char *v, struct df_err *err)
{
    int day;
    if (procure_date_parse(v, &day) < 0) {
        df_err_set(err, DF_ERR_INPUT, "deliver_by \"%.40s\" is not a date YYYY-MM-DD", v);
        df_err_code(err, "date_invalid", NULL);
        return -1;
    }
    return 0;
}

int app_content_pct_check(double eu, double ua, struct df_err *err)
{
    if (eu + ua > 100) {
        df_err_set(err, DF_ERR_INPUT,
                   "eu_content_pct and ua_content_pct add up to %g%%, over 100%%", eu + ua);
        char sum[32];
        snprintf(sum, sizeof sum, "%g", eu + ua);
        df_err_code(err, "shares_over", "sum", sum, NULL);
        return -1;
    }
    return 0;
}

int app_list_items(struct arena *a, const char *list, const char ***items, struct df_err *err)
{
    char *copy = arena_strdup(a, list ? list : "");
    /* no more items than one a character and its ';' */
    const char **v = copy ? arena_alloc(a, (strlen(copy) / 2 + 1) * sizeof *v) : NULL;
    if (!v)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    int n = 0;
    for (char *save = NULL, *it = strtok_r(copy, ";", &save); it; it = strtok_r(NULL, ";", &save)) {
        it += strspn(it, " ");
        for (char *e = it + strlen(it); e > it && e[-1] == ' ';)
            *--e = '\0';
        if (*it)
            v[n++] = it;
    }
    *items = v;
    return n;
}
