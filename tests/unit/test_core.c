/* Unit tests of src/core: buffers, arenas, UTF-8, countries, CPV form, dates, errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/country.h"
#include "core/cpv.h"
#include "core/date.h"
#include "core/err.h"
#include "core/file.h"
#include "core/forum_clock.h"
#include "core/translit.h"
#include "core/utf8.h"

Test(buf, appends_and_refuses_past_its_cap)
{
    struct buf b = BUF_INIT(8);
    cr_assert_eq(buf_puts(&b, "abcd"), 0);
    cr_assert_eq(buf_printf(&b, "%d", 123), 0);
    cr_assert_str_eq(buf_str(&b), "abcd123");
    cr_assert_eq(buf_puts(&b, "xy"), -1, "9 bytes exceed a cap of 8");
    cr_assert_str_eq(buf_str(&b), "abcd123", "a refused append keeps the contents");
    cr_assert_eq(buf_putc(&b, 'z'), 0);
    cr_assert_eq(b.len, 8);
    buf_free(&b);
}

Test(arena, strings_survive_until_free_and_limit_holds)
{
    struct arena a;
    arena_init(&a, 100000);
    char *s = arena_strdup(&a, "Київ");
    char *t = arena_printf(&a, "%s-%d", "org", 42);
    cr_assert_str_eq(s, "Київ");
    cr_assert_str_eq(t, "org-42");
    cr_assert_null(arena_alloc(&a, 200000), "past the limit gives NULL");
    for (int i = 0; i < 1000; i++)
        cr_assert_not_null(arena_alloc(&a, 64));
    cr_assert_str_eq(s, "Київ", "earlier allocations are not moved by later blocks");
    arena_free(&a);
}

Test(utf8, accepts_ukrainian_and_refuses_malformed_bytes)
{
    const char *uk = "Укроборонпром: ґ є і ї";
    size_t bad = 99;
    cr_assert(utf8_is_valid(uk, strlen(uk), NULL));
    cr_assert_eq(utf8_length("Київ", strlen("Київ")), 4);
    cr_assert_not(utf8_is_valid("ab\xff", 3, &bad));
    cr_assert_eq(bad, 2);
    cr_assert_not(utf8_is_valid("\xc0\xaf", 2, NULL), "overlong slash");
    cr_assert_not(utf8_is_valid("\xed\xa0\x80", 3, NULL), "UTF-16 surrogate");
    cr_assert_not(utf8_is_valid("\xd0", 1, NULL), "truncated sequence");
    cr_assert_not(utf8_is_valid("\xf4\x90\x80\x80", 4, NULL), "beyond U+10FFFF");
}

Test(utf8, finds_bidi_controls_and_invisible_format_characters)
{
    const long bidi[] = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069};
    for (size_t i = 0; i < sizeof bidi / sizeof *bidi; i++) {
        cr_assert(utf8_is_bidi_control(bidi[i]), "U+%04lX", bidi[i]);
        cr_assert(utf8_is_format(bidi[i]), "U+%04lX", bidi[i]);
    }
    const long format[] = {0x00AD, 0x061C, 0x200B, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF,
                           0xE0041};
    for (size_t i = 0; i < sizeof format / sizeof *format; i++) {
        cr_assert(utf8_is_format(format[i]), "U+%04lX", format[i]);
        cr_assert_not(utf8_is_bidi_control(format[i]), "U+%04lX", format[i]);
    }
    const long seen[] = {'a', ' ', 0x0416, 0x0491, 0x2029, 0x2070, 0x2065 + 0x10, 0xFFFD};
    for (size_t i = 0; i < sizeof seen / sizeof *seen; i++)
        cr_assert_not(utf8_is_format(seen[i]), "U+%04lX", seen[i]);

    const char *s = "Acme \u202Egnp.exe";
    long cp = 0;
    cr_assert_eq(utf8_find(s, strlen(s), utf8_is_bidi_control, &cp), 5);
    cr_assert_eq(cp, 0x202E);
    cr_assert_eq(utf8_find("Київ", strlen("Київ"), utf8_is_format, NULL), -1);

    struct df_err err = {0};
    cr_assert_eq(utf8_text_check("name", "Укроборонпром \u200F (LRM/RLM marks pass)", &err), 0);
    cr_assert_eq(utf8_text_check("name", NULL, &err), 0);
    cr_assert_eq(utf8_text_check("name", s, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    cr_assert(strstr(err.msg, "name holds a Unicode bidirectional control (U+202E at byte 5)"),
              "%s", err.msg);
    cr_assert_eq(utf8_text_check("title", "a\u2067b", &err), -1, "an isolate too");
}

Test(utf8, refuses_control_characters_but_tabs_and_line_breaks)
{
    struct df_err err = {0};
    cr_assert_eq(utf8_text_check("message", "Зустріч?\tТак.\r\nДо зустрічі\n", &err), 0);
    const char *bad[] = {"Eve\x1b[31m", "a\x07", "a\x7f", "a\xc2\x85" "b", "a\xc2\x9f" "b", "\x01",
                         "a\x0b", "a\x0c"};
    const long cp[] = {0x1B, 0x07, 0x7F, 0x85, 0x9F, 0x01, 0x0B, 0x0C};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cr_assert_eq(utf8_text_check("name", bad[i], &err), -1, "U+%04lX", cp[i]);
        char want[64];
        snprintf(want, sizeof want, "name holds a control character (U+%04lX at byte", cp[i]);
        cr_assert(strstr(err.msg, want), "%s", err.msg);
    }
    cr_assert_eq(utf8_text_check("name", "a\u00a0b", &err), 0, "a no-break space is text");
}

/* A refused text says itself by code for a page (src/core/codes.h): what
 * as col, the code point's hex digits and its byte. */
static const char *value_of(const struct df_err *err, const char *name)
{
    for (int i = 0; i < err->values_n; i++)
        if (strcmp(err->name[i], name) == 0)
            return err->value[i];
    return NULL;
}

Test(utf8, a_refused_text_is_coded)
{
    static const struct {
        const char *text;
        int one_line;
        const char *code, *cp, *n;
    } cases[] = {
        {"Acme \u202Egnp.exe", 0, "bidi_control", "202E", "5"},
        {"Eve\x1b[31m", 0, "control_char", "001B", "3"},
        {"a\xc2\x85" "b", 0, "control_char", "0085", "1"},
        {"CEO\nCTO", 1, "line_break", NULL, "3"},
        {"CEO\rCTO", 1, "line_break", NULL, "3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct df_err err = {0};
        cr_assert_eq((cases[i].one_line ? utf8_line_check : utf8_text_check)("title",
                                                                             cases[i].text, &err),
                     -1, "case %zu", i);
        cr_assert_str_eq(err.code ? err.code : "(none)", cases[i].code, "case %zu", i);
        cr_expect_str_eq(value_of(&err, "col"), "title", "case %zu", i);
        cr_expect_str_eq(value_of(&err, "n"), cases[i].n, "case %zu", i);
        if (cases[i].cp)
            cr_expect_str_eq(value_of(&err, "cp"), cases[i].cp, "case %zu", i);
        else
            cr_expect_null(value_of(&err, "cp"), "case %zu", i);
    }
}

Test(utf8, folds_case_in_latin_and_cyrillic_keeping_the_length)
{
    const char *s = "ҐЄІЇ Київ ЯЮ ЀЏ Radar Ґ\xd0";   /* a truncated letter at the end */
    char out[64];
    size_t n = strlen(s);
    utf8_fold_case(s, n, out);
    out[n] = '\0';
    cr_assert_str_eq(out, "ґєії київ яю ѐџ radar ґ\xd0");
    /* Latin-1, Latin Extended-A and Greek too, in place; ß, İ and ſ stay
     * (their foldings change the length), and so do other scripts' */
    char more[] = "MÜLLER ŁUKASZ ŹDŹBŁO ŸVES ÀÉÎÕ ΩΜΈΓΑ ΟΔΥΣΣΕΎΣ ΆΛΦΑ ς ßİſ ӁӀ Ⴀ";
    utf8_fold_case(more, strlen(more), more);
    cr_assert_str_eq(more, "müller łukasz źdźbło ÿves àéîõ ωμέγα οδυσσεύσ άλφα σ ßİſ ӂӏ Ⴀ");
}

Test(utf8, replaces_a_word_in_any_case_keeping_the_rest)
{
    static const struct {
        const char *s, *word, *want;
    } cases[] = {
        {"Dear ANNA Kowalska, anna kowalska and Anna Kowalska", "anna kowalska",
         "Dear ***, *** and ***"},
        {"Лист від ГАННИ ЩЕРБИ: ганна щерба", "ганна щерба", "Лист від ГАННИ ЩЕРБИ: ***"},
        {"ŁUKASZ ŻÓŁW wrote to łukasz żółw@pl.test", "łukasz żółw", "*** wrote to ***@pl.test"},
        {"nothing here", "anna", "nothing here"},
        {"annaanna", "anna", "******"},
        {"anna", "anna", "***"},
        {"ann", "anna", "ann"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].s);
        char out[128], folded[128];
        size_t len = utf8_replace_folded(cases[i].s, n, cases[i].word, strlen(cases[i].word),
                                         "***", out, folded);
        cr_expect_str_eq(out, cases[i].want, "case %zu", i);
        cr_expect_eq(len, strlen(cases[i].want), "case %zu", i);
    }
}

static int collate(const char *a, const char *b)
{
    return utf8_collate_names(a, strlen(a), b, strlen(b));
}

Test(utf8, names_sort_in_the_ukrainian_alphabets_order)
{
    /* by code point Є, І, Ї and Ґ come after Я */
    const char *in_order[] = {"anna", "Bob", "zoe", "Андрій", "Галина", "Ґанна", "Євген",
                              "Жанна", "Ігор", "Їжак", "Йосип", "Яна"};
    size_t n = sizeof in_order / sizeof *in_order;
    for (size_t i = 0; i + 1 < n; i++) {
        cr_assert_lt(collate(in_order[i], in_order[i + 1]), 0, "%s < %s", in_order[i],
                     in_order[i + 1]);
        cr_assert_gt(collate(in_order[i + 1], in_order[i]), 0);
    }
    cr_assert_eq(collate("ОЛЕНА", "олена"), 0, "case folded");
    cr_assert_lt(collate("Олена", "Олена Коваль"), 0, "a prefix first");
    cr_assert_neq(collate("a\xff", "a\xfe"), 0, "bytes that are not UTF-8 still order");
}

Test(country, knows_iso_codes_eu_members_and_cordis_codes)
{
    cr_assert(country_is_known("UA"));
    cr_assert(country_is_known("BE"));
    cr_assert_not(country_is_known("XX"));
    cr_assert_not(country_is_known("ua"), "codes are upper case");
    cr_assert_not(country_is_known("UKR"));
    cr_assert(country_is_eu_member("PL"));
    cr_assert_not(country_is_eu_member("UA"));
    cr_assert_not(country_is_eu_member("GB"));
    cr_assert_not(country_is_eu_member("NO"));
    cr_assert(country_is_eea_efta("NO"));
    int eu = 0;
    const char *all[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
                         "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
                         "PL", "PT", "RO", "SK", "SI", "ES", "SE", "UA", "GB", "CH"};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        eu += country_is_eu_member(all[i]);
    cr_assert_eq(eu, 27);
    cr_assert_str_eq(country_from_ec_code("EL"), "GR");
    cr_assert_str_eq(country_from_ec_code("UK"), "GB");
    cr_assert_str_eq(country_from_ec_code("DE"), "DE");
    cr_assert_null(country_from_ec_code("ZZ"));
    /* Kosovo: no ISO code; the EU and CORDIS write XK, and dfnc takes what it imports */
    cr_assert(country_is_known("XK"));
    cr_assert_str_eq(country_from_ec_code("XK"), "XK");
    cr_assert_not(country_is_europe("XK"));
    cr_assert_str_eq(country_name_uk("UA"), "Україна");
}

Test(cpv, form_and_hierarchy)
{
    cr_assert(cpv_is_well_formed("35613000-4"));
    cr_assert_not(cpv_is_well_formed("35613000"));
    cr_assert_not(cpv_is_well_formed("3561300-4"));
    cr_assert_not(cpv_is_well_formed("35613000-X"));
    cr_assert_not(cpv_is_well_formed("35a13000-4"));
    cr_assert_eq(cpv_level_digits("35613000-4"), 5);
    cr_assert_eq(cpv_level_digits("35000000-4"), 2);
    cr_assert(cpv_is_within("35613000-4", "35600000-8"));
    cr_assert(cpv_is_within("35613000-4", "35000000-4"));
    cr_assert_not(cpv_is_within("35613000-4", "35700000-9"));
    char g[6];
    cpv_prefix("35613000-4", 5, g);
    cr_assert_str_eq(g, "35613");
}

Test(err, exit_codes_follow_the_contract)
{
    struct df_err e = {0};
    df_err_set(&e, DF_ERR_INPUT, "country \"%s\" is not an ISO 3166 code", "XX");
    df_err_prefix(&e, "%s:%d", "bad.csv", 3);
    cr_assert_str_eq(e.msg, "bad.csv:3: country \"XX\" is not an ISO 3166 code");
    cr_assert_eq(df_err_exit_code(&e), 3);
    df_err_set(&e, DF_ERR_USAGE, "x");
    cr_assert_eq(df_err_exit_code(&e), 2);
    df_err_set(&e, DF_ERR_RUNTIME, "x");
    cr_assert_eq(df_err_exit_code(&e), 1);
}

/* A file's problems: all counted, the lowest lines kept in line order
 * whatever order they come in, a long message cut on a character. */
/* An importer's refused row is named FILE:LINE once, whatever its kind; the
 * machine's error stops the import; a file malformed at a line is named. */
Test(err, a_refused_row_is_named_once_and_the_machines_error_stops)
{
    static struct df_problems p;
    memset(&p, 0, sizeof p);
    struct df_err e = {0};
    df_err_set(&e, DF_ERR_NOT_FOUND, "project \"9\" does not exist");
    cr_assert_eq(df_problems_refuse(&p, &e, "parts.csv", 4), 0);
    cr_assert_eq(e.kind, DF_ERR_INPUT);
    cr_assert_str_eq(p.msg[0], "parts.csv:4: project \"9\" does not exist");
    df_err_set(&e, DF_ERR_INPUT, "parts.csv:6: duplicate id");
    cr_assert_eq(df_problems_refuse(&p, &e, "parts.csv", 6), 0);
    cr_assert_str_eq(p.msg[1], "parts.csv:6: duplicate id", "not prefixed twice");
    df_err_set(&e, DF_ERR_RUNTIME, "disk I/O error");
    cr_assert_eq(df_problems_refuse(&p, &e, "parts.csv", 7), -1);
    cr_assert_eq(p.n, 2, "the machine's error is no row's");
    cr_assert_eq(df_problems_end(&p, &e, "parts.csv", 0), 0, "the rows ended well");
    cr_assert_eq(df_problems_end(&p, &e, "parts.csv", -1), -1);
    df_err_set(&e, DF_ERR_INPUT, "parts.csv:9: unterminated quote");
    cr_assert_eq(df_problems_end(&p, &e, "parts.csv", -1), 0);
    cr_assert_eq(p.n, 3);
    cr_assert_eq(p.line[2], 9);
}

/* A problem keeps its code and values (a page says it by them) beside its
 * message, wherever its line puts it among the others; a problem without
 * a code has none, and a refused row's code outlives its FILE:LINE prefix. */
Test(err, problems_keep_their_codes_in_line_order)
{
    static struct df_problems p;
    memset(&p, 0, sizeof p);
    struct df_err e = {0};
    df_err_set(&e, DF_ERR_INPUT, "email \"x\" is not an e-mail address");
    df_err_code(&e, "email_invalid", "col", "email", "value", "x", NULL);
    cr_assert_eq(df_problems_refuse(&p, &e, "p.csv", 9), 0);
    df_problems_add(&p, 2, "p.csv:2: no code");
    df_err_set(&e, DF_ERR_INPUT, "p.csv:5: %d fields where the header has %d", 5, 4);
    df_err_code(&e, "fields_over", "n", DF_NUM(5), "max", DF_NUM(4), NULL);
    df_problems_add_coded(&p, 5, e.msg, &e);
    cr_assert_eq(p.named, 3);
    cr_assert_eq(p.line[0], 2);
    cr_assert_null(p.coded[0].code);
    cr_assert_eq(p.coded[0].values_n, 0);
    cr_assert_str_eq(p.coded[1].code, "fields_over");
    cr_assert_str_eq(p.coded[1].name[1], "max");
    cr_assert_str_eq(p.coded[1].value[1], "4");
    cr_assert_str_eq(p.msg[2], "p.csv:9: email \"x\" is not an e-mail address");
    cr_assert_str_eq(p.coded[2].code, "email_invalid");
    cr_assert_eq(p.coded[2].values_n, 2);
    cr_assert_str_eq(p.coded[2].value[0], "email");
    cr_assert_str_eq(p.coded[2].value[1], "x");
    /* the first problem's code back on an error (the import's err) */
    struct df_err first = {0};
    df_err_set(&first, DF_ERR_INPUT, "%s", p.msg[1]);
    df_err_code_of(&first, &p.coded[1]);
    cr_assert_str_eq(first.code, "fields_over");
    cr_assert_str_eq(first.value[0], "5");
}

Test(err, problems_keep_the_lowest_lines_in_order)
{
    static struct df_problems p;
    memset(&p, 0, sizeof p);
    for (int line = 40; line >= 1; line--) {   /* from the last line up */
        char msg[32];
        snprintf(msg, sizeof msg, "f.csv:%d: bad", line);
        df_problems_add(&p, line, msg);
    }
    cr_assert_eq(p.n, 40);
    cr_assert_eq(p.named, DF_PROBLEMS_NAMED);
    for (int i = 0; i < DF_PROBLEMS_NAMED; i++) {
        cr_assert_eq(p.line[i], i + 1);
        cr_assert_eq(df_err_line_of(p.msg[i], "f.csv", NULL), i + 1, "%s", p.msg[i]);
    }
    df_problems_add(&p, 99, "f.csv:99: later");   /* counted, not kept */
    cr_assert_eq(p.n, 41);
    cr_assert_eq(p.line[DF_PROBLEMS_NAMED - 1], DF_PROBLEMS_NAMED);

    char longer[1200];
    memset(longer, 0, sizeof longer);
    for (size_t i = 0; i + 2 < sizeof longer; i += 2)
        memcpy(longer + i, "ї", 2);   /* two bytes a character: byte 511 is a second one */
    memset(&p, 0, sizeof p);
    df_problems_add(&p, 1, longer);
    cr_assert(utf8_is_valid(p.msg[0], strlen(p.msg[0]), NULL), "cut on a character");
    cr_assert_eq(strlen(p.msg[0]), sizeof p.msg[0] - 2);

    const char *what;
    cr_assert_eq(df_err_line_of("/tmp/up-1:7: country \"XX\"", "/tmp/up-1", &what), 7);
    cr_assert_str_eq(what, "country \"XX\"");
    cr_assert_eq(df_err_line_of("other.csv:7: x", "/tmp/up-1", &what), 0);
    cr_assert_str_eq(what, "other.csv:7: x", "a message about another file is whole");
}

Test(date, days_that_exist)
{
    const char *good[] = {"2030-01-01", "2028-02-29", "2000-02-29", "2030-12-31", "1900-01-01",
                          "2200-12-31"};
    const char *bad[] = {"2030-02-30", "2030-13-45", "2030-00-10", "2030-01-00", "1900-02-29",
                         "2030-04-31", "12/05/2026", "2030-1-01", "2030-01-01T", "2030",
                         "2030-01-0", "", "0000-01-01", "1899-12-31", "2201-01-01",
                         "9999-12-31"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_assert(date_is_valid(good[i]), "%s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_not(date_is_valid(bad[i]), "%s", bad[i]);
    cr_assert_not(date_is_valid(NULL));
    cr_assert_eq(date_year("0000-01-01"), 0, "the year, for a message");
    cr_assert_eq(date_year("2031-09-01T10:00"), 2031);
    cr_assert_eq(date_year("20"), -1);
    cr_assert_eq(date_year(NULL), -1);
}

Test(date, times_that_exist)
{
    const char *good[] = {"2030-01-01T00:00", "2030-01-01T23:59", "2030-01-01T10:00:00+01:00",
                          "2030-01-01T10:00:59.250Z", "2030-01-01T10:00-0330",
                          "2030-01-01T10:00:00+03", "2028-02-29T12:00:00Z",
                          "2030-01-01T10:00:00+14:00", "2030-01-01T10:00:00-12:00",
                          "2030-01-01T10:00:00+05:45", "2030-01-01T10:00:00-09:30"};
    const char *bad[] = {"2030-01-01T25:99", "2030-01-01T24:00", "2030-01-01T10:60",
                         "2030-02-30T10:00", "2030-01-01T10:00:61", "2030-01-01T10:00:00+25:00",
                         "2030-01-01T10:00:00+01:60", "2030-01-01T10:00:00.Z",
                         "2030-01-01T10:00 o'clock", "2030-01-01T10:00:00+01:00x",
                         "2030-01-01 10:00", "2030-01-01T1", "2030-01-01T10:0", "ten o'clock",
                         /* no clock on Earth keeps these offsets */
                         "2030-01-01T10:00+23", "2030-01-01T10:30-23:59",
                         "2030-01-01T10:00:00+14:30", "2030-01-01T10:00:00-12:01",
                         "2030-01-01T10:00:00+15:00", "2030-01-01T10:00:00-13",
                         "0000-01-01T10:00", "2201-01-01T10:00Z"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_assert(date_time_is_valid(good[i]), "%s", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_not(date_time_is_valid(bad[i]), "%s", bad[i]);
}

Test(date, an_instant_reads_its_offset_and_seconds)
{
    long long at = 0;
    cr_assert(date_time_instant("2025-10-01T09:40:00+02:00", &at));
    cr_assert_eq(at, 1759304400LL);
    cr_assert(date_time_instant("2027-02-16T09:50:30Z", &at));
    cr_assert_eq(at, 1802771430LL);
    cr_assert(date_time_instant("2025-10-01T02:40-05:00", &at));
    cr_assert_eq(at, 1759304400LL);
    /* a local time alone names no instant; nor does a time that is none */
    cr_assert_not(date_time_instant("2025-10-01T09:40:00", &at));
    cr_assert_not(date_time_instant("2025-10-01T25:40:00Z", &at));
}

Test(date, an_instant_is_written_in_utc_and_read_back)
{
    char text[DATE_UTC_TEXT_SIZE];
    date_utc_text(1759304400LL, text);
    cr_assert_str_eq(text, "2025-10-01T07:40:00Z");
    long long at = 0;
    cr_assert(date_time_instant(text, &at));
    cr_assert_eq(at, 1759304400LL);
    date_utc_text(1802771430LL, text);
    cr_assert_str_eq(text, "2027-02-16T09:50:30Z");
}

Test(date, wall_minutes_count_whole_days_and_minutes)
{
    long a = date_wall_minutes("2031-03-04T09:30:00+01:00"),
         b = date_wall_minutes("2031-03-04 10:40");
    cr_assert_eq(b - a, 70);
    /* across a month's and a leap year's end, and a zone's offset aside */
    cr_assert_eq(date_wall_minutes("2028-03-01T00:10+02:00") -
                     date_wall_minutes("2028-02-28T23:50Z"), 1440 + 20);
    cr_assert_eq(date_wall_minutes("2031-03-04T23:59") / 1440,
                 date_wall_minutes("2031-03-04T00:00") / 1440);
    cr_assert_eq(date_wall_minutes("1900-01-01T00:00") / 1440 + 1,
                 date_wall_minutes("1900-01-02T00:00") / 1440);
    const char *bad[] = {"2031-03-04", "2031-03-04T9:30", "2031/03/04 09:30", "t-1",
                         "2031-13-04T09:30", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_assert_eq(date_wall_minutes(bad[i]), -1, "%s", bad[i]);
}

/* The whole of a small file, or "" when it cannot be read (into out). */
static void slurp(const char *path, char *out, size_t cap)
{
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(out, 1, cap - 1, f) : 0;
    out[n] = '\0';
    if (f)
        fclose(f);
}

/* file_replace_sync then the caller's own commit: the path keeps its old
 * contents until file_replace_commit, and an abort after the sync leaves it
 * as it was, the temporary file gone. */
Test(file, a_synced_replacement_is_in_place_only_once_committed)
{
    char dir[] = "/tmp/dfnc-file-XXXXXX", path[64], got[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/links.csv", dir);
    FILE *f = fopen(path, "w");
    fputs("old", f);
    fclose(f);
    struct file_replace w;
    struct df_err err = {0};
    for (int commit = 0; commit < 2; commit++) {
        cr_assert_not_null(file_replace_open_private(&w, path, &err));
        fputs(commit ? "new" : "lost", w.f);
        cr_assert_eq(file_replace_sync(&w, &err), 0, "%s", err.msg);
        slurp(path, got, sizeof got);
        cr_assert_str_eq(got, "old", "synced, not yet in place");
        char *tmp = strdup(w.tmp);
        if (commit) {
            cr_assert_eq(file_replace_commit(&w, &err), 0, "%s", err.msg);
        } else {
            file_replace_abort(&w);
        }
        cr_assert_neq(access(tmp, F_OK), 0, "the temporary file %s is gone", tmp);
        free(tmp);
        slurp(path, got, sizeof got);
        cr_assert_str_eq(got, commit ? "new" : "old");
    }
    unlink(path);
    rmdir(dir);
}

/* A rename that fails after the sync (the caller's change is made) keeps
 * the temporary file and says where it is: its contents are nowhere else. */
Test(file, a_rename_that_fails_after_the_sync_keeps_the_written_file)
{
    char dir[] = "/tmp/dfnc-file-XXXXXX", path[64], got[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/links.csv", dir);
    struct file_replace w;
    struct df_err err = {0};
    cr_assert_not_null(file_replace_open_private(&w, path, &err));
    fputs("links", w.f);
    cr_assert_eq(file_replace_sync(&w, &err), 0, "%s", err.msg);
    char *tmp = strdup(w.tmp);
    cr_assert_eq(mkdir(path, 0700), 0);   /* a directory now stands where the file goes */
    cr_assert_eq(file_replace_commit(&w, &err), -1);
    cr_assert(strstr(err.msg, tmp), "the message names the file written: %s", err.msg);
    slurp(tmp, got, sizeof got);
    cr_assert_str_eq(got, "links");
    unlink(tmp);
    free(tmp);
    rmdir(path);
    rmdir(dir);
}

/* A value quoted in a message is cut between characters, never inside one. */
Test(utf8, a_prefix_never_ends_inside_a_character)
{
    static const char s[] = "XНім";   /* X, then three letters of two bytes */
    size_t n = strlen(s);
    cr_assert_eq(utf8_prefix(s, n, 100), n, "a short value is whole");
    cr_assert_eq(utf8_prefix(s, n, 3), 3, "X and Н");
    cr_assert_eq(utf8_prefix(s, n, 4), 3, "not inside і");
    cr_assert_eq(utf8_prefix(s, n, 5), 5);
    cr_assert_eq(utf8_prefix(s, n, 0), 0);
}

/* the passport's spelling of a Ukrainian name, lower case, for the desk's
 * search (fix-walk9) */
static void assert_latin(const char *cyrillic, const char *latin)
{
    size_t n = strlen(cyrillic);
    char out[256];
    cr_assert_lt(2 * n + 1, sizeof out);
    size_t len = translit_uk_latin(cyrillic, n, out);
    cr_assert_str_eq(out, latin, "%s", cyrillic);
    cr_assert_eq(len, strlen(latin));
    cr_assert_leq(len, 2 * n);
}

Test(translit, spells_ukrainian_names_as_passports_do)
{
    /* the resolution's own examples */
    assert_latin("Алушта", "alushta");
    assert_latin("Згорани", "zghorany");
    assert_latin("Розгон", "rozghon");
    assert_latin("Єнакієве", "yenakiieve");
    assert_latin("Їжакевич", "yizhakevych");
    assert_latin("Кадиївка", "kadyivka");
    assert_latin("Йосипівка", "yosypivka");
    assert_latin("Стрий", "stryi");
    assert_latin("Юрій", "yurii");
    assert_latin("Корюківка", "koriukivka");
    assert_latin("Яготин", "yahotyn");
    assert_latin("Костянтин", "kostiantyn");
    assert_latin("Щербухи", "shcherbukhy");
    assert_latin("Згурський", "zghurskyi");
    assert_latin("Знам'янка", "znamianka");
    assert_latin("Мар\u2019яна", "mariana");
    assert_latin("Ґалаґан", "galagan");
    assert_latin("Шевченко", "shevchenko");
    /* a word's start is after a space or a hyphen too */
    assert_latin("Євген Марченко", "yevhen marchenko");
    assert_latin("Ярошенко-Юрченко", "yaroshenko-yurchenko");
    /* Latin and other text lower-cased or kept */
    assert_latin("Jan KOWALSKI", "jan kowalski");
    assert_latin("Łukasz", "Łukasz");
    assert_latin("", "");
}

Test(translit, copies_malformed_bytes_and_stays_within_twice_the_length)
{
    char out[16];
    const char bad[] = "\xd0M\xff";
    cr_assert_eq(translit_uk_latin(bad, 3, out), 3);
    cr_assert_eq(memcmp(out, "\xd0m\xff", 4), 0);
    /* щ, two bytes, is four letters: the worst case */
    cr_assert_eq(translit_uk_latin("щщщ", 6, out), 12);
    cr_assert_str_eq(out, "shchshchshch");
}

/* 2027-02-16T13:00:00Z: a forum's first afternoon, far from the machine's now */
#define REHEARSAL 1802782800LL

Test(forum_clock, a_still_rehearsal_stands_at_its_start)
{
    struct forum_clock c = forum_clock_set(REHEARSAL, true);
    c.set_at -= 3600;   /* set an hour ago: it has not moved */
    cr_assert_eq(forum_clock_now(&c), REHEARSAL);
}

Test(forum_clock, a_running_rehearsal_moves_with_the_real_clock)
{
    struct forum_clock c = forum_clock_set(REHEARSAL, false);
    long long first = forum_clock_now(&c);
    cr_assert(first >= REHEARSAL && first <= REHEARSAL + 1, "%lld", first);
    c.set_at = clock_seconds() - 90.5;   /* set a minute and a half ago */
    long long later = forum_clock_now(&c);
    cr_assert(later >= REHEARSAL + 90 && later <= REHEARSAL + 92, "%lld", later);
    /* the copy reads the same clock: a value, not a place */
    struct forum_clock copy = c;
    cr_assert(forum_clock_now(&copy) - later <= 1);
}

Test(forum_clock, no_rehearsal_reads_the_real_clock)
{
    struct forum_clock c = forum_clock_set(0, false);
    long long before = (long long)time(NULL);
    long long now = forum_clock_now(&c);
    cr_assert(now >= before && now <= (long long)time(NULL), "%lld", now);
    c.still = true;   /* still means nothing without a rehearsal */
    now = forum_clock_now(&c);
    cr_assert(now >= before && now <= (long long)time(NULL), "%lld", now);
}
