/* Unit tests of the mail dfnc sends (io/mailmsg, app/mail): the message's
 * headers (a Ukrainian subject as encoded-words, no header from a line
 * break, lines within 78 characters), the language chosen, a meeting's
 * time at its event's zone, and the outbox's tries. */
#include <criterion/criterion.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/mail.h"
#include "io/mailmsg.h"
#include "scratch_db.h"
#include "store/mail.h"

static char *message(const struct mailmsg *m)
{
    struct buf b = BUF_INIT(0);
    struct df_err err = {0};
    cr_assert_eq(mailmsg_write(m, &b, &err), 0, "%s", err.msg);
    return buf_take(&b);
}

/* The header block of msg (up to the empty line), as its own string. */
static char *headers_of(const char *msg)
{
    const char *end = strstr(msg, "\r\n\r\n");
    cr_assert_not_null(end);
    return strndup(msg, (size_t)(end - msg) + 2);
}

static void assert_lines_within_78(const char *msg)
{
    for (const char *p = msg; *p;) {
        const char *eol = strstr(p, "\r\n");
        cr_assert_not_null(eol, "every line ends in CRLF");
        cr_assert_leq(eol - p, 78, "a line of %d: %.*s", (int)(eol - p), (int)(eol - p), p);
        for (const char *q = p; q < eol; q++)
            cr_assert(*q != '\r' && *q != '\n', "a bare CR or LF");
        p = eol + 2;
    }
}

/* The subject an encoded-word header spells, decoded (words joined). */
static char *decoded_subject(const char *headers)
{
    const char *p = strstr(headers, "Subject:");
    cr_assert_not_null(p);
    char *out = calloc(1, 1024);
    size_t n = 0;
    while ((p = strstr(p, "=?UTF-8?B?")) && p < strstr(headers, "Message-ID:")) {
        p += 10;
        const char *q = strstr(p, "?=");
        size_t got = 0;
        cr_assert_eq(sodium_base642bin((unsigned char *)out + n, 1023 - n, p, (size_t)(q - p),
                                       NULL, &got, NULL, sodium_base64_VARIANT_ORIGINAL),
                     0);
        n += got;
        cr_assert_leq(q + 2 - (p - 10), 75, "an encoded-word over 75 characters");
        p = q + 2;
    }
    return out;
}

static const char *subject_uk =
    "Запит на зустріч: Олена Коваль-Шевченко (ТОВ «Крила Аеро Системи»), Київ";

Test(mailmsg, a_ukrainian_subject_as_encoded_words_within_78)
{
    char *msg = message(&(struct mailmsg){
        .from = "forum@dfnc.example.eu", .to = "hans@de.example", .subject = subject_uk,
        .body = "Добрий день!\n", .message_id = "mail-00ff", .date = 1812614400});
    char *h = headers_of(msg);
    cr_assert(strstr(h, "Date: Thu, 10 Jun 2027 08:00:00 +0000\r\n"), "%s", h);
    cr_assert(strstr(h, "\r\nFrom: forum@dfnc.example.eu\r\nTo: hans@de.example\r\n"), "%s", h);
    cr_assert(strstr(h, "\r\nMessage-ID: <mail-00ff@dfnc.example.eu>\r\n"), "%s", h);
    cr_assert(strstr(h, "\r\nMIME-Version: 1.0\r\n"));
    cr_assert(strstr(h, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));
    cr_assert(strstr(h, "\r\nContent-Transfer-Encoding: quoted-printable\r\n"));
    cr_assert(strstr(h, "\r\nAuto-Submitted: auto-generated\r\n"));
    char *s = decoded_subject(h);
    cr_assert_str_eq(s, subject_uk);
    assert_lines_within_78(msg);
    free(s);
    free(h);
    free(msg);
}

Test(mailmsg, a_line_break_in_a_subject_makes_no_header)
{
    char *msg = message(&(struct mailmsg){
        .from = "forum@dfnc.example.eu", .to = "hans@de.example",
        .subject = "Eve\r\nBcc: victim@evil.example\nX-Evil: 1 asks to meet you",
        .body = "Hello\n", .message_id = "mail-1", .date = 0});
    char *h = headers_of(msg);
    cr_assert_null(strstr(h, "\r\nBcc:"), "%s", h);
    cr_assert_null(strstr(h, "\r\nX-Evil:"), "%s", h);
    cr_assert(strstr(h, "\r\nSubject: Eve  Bcc: victim@evil.example X-Evil: 1 asks to meet "
                        "you\r\n"), "%s", h);
    assert_lines_within_78(msg);
    free(h);
    free(msg);
}

Test(mailmsg, an_address_or_id_with_a_line_break_is_refused)
{
    struct buf b = BUF_INIT(0);
    struct df_err err = {0};
    struct mailmsg m = {.from = "forum@dfnc.example.eu", .to = "a@b.eu\r\nBcc: c@d.eu",
                        .subject = "x", .body = "", .message_id = "mail-1"};
    cr_assert_eq(mailmsg_write(&m, &b, &err), -1);
    cr_assert_eq(err.kind, DF_ERR_INPUT);
    m.to = "a@b.eu";
    m.from = "forum@dfnc.example.eu\nX: y";
    cr_assert_eq(mailmsg_write(&m, &b, &err), -1);
    m.from = "forum@dfnc.example.eu";
    m.message_id = "x>\r\nBcc: c@d.eu";
    cr_assert_eq(mailmsg_write(&m, &b, &err), -1);
    cr_assert_eq(b.len, 0, "nothing written");
    cr_assert(!mailmsg_address_ok("Олена@ua.example"));
    cr_assert(!mailmsg_address_ok("a b@c.eu"));
    cr_assert(!mailmsg_address_ok("@c.eu"));
    cr_assert(!mailmsg_address_ok("a@localhost"));
    cr_assert(mailmsg_address_ok("first.last+forum@sub.example.co.uk"));
    buf_free(&b);
}

Test(mailmsg, the_body_quoted_printable_with_soft_breaks)
{
    char long_line[400] = "";
    for (int i = 0; i < 20; i++)
        strcat(long_line, "слово=ok ");
    char body[600];
    snprintf(body, sizeof body, "%s\n.leading dot \nend", long_line);
    char *msg = message(&(struct mailmsg){.from = "f@x.eu", .to = "t@x.eu", .subject = "s",
                                          .body = body, .message_id = "mail-2", .date = 0});
    assert_lines_within_78(msg);
    const char *b = strstr(msg, "\r\n\r\n") + 4;
    cr_assert(strstr(b, "=D1=81=D0=BB=D0=BE=D0=B2=D0=BE=3Dok"), "%s", b);
    cr_assert(strstr(b, "=\r\n"), "a soft break");
    cr_assert(strstr(b, "\r\n=2Eleading dot=20\r\nend\r\n"), "a dot at a line's start and a "
                                                               "space at its end escaped: %s", b);
    /* decoded, it is the body again */
    char *out = calloc(1, strlen(b) + 1), *o = out;
    for (const char *p = b; *p;) {
        if (p[0] == '=' && p[1] == '\r') {
            p += 3;
        } else if (p[0] == '=') {
            unsigned v;
            sscanf(p + 1, "%2X", &v);
            *o++ = (char)v;
            p += 3;
        } else if (p[0] == '\r') {
            p++;
        } else {
            *o++ = *p++;
        }
    }
    char want[620];
    snprintf(want, sizeof want, "%s\n", body);
    cr_assert_str_eq(out, want);
    free(out);
    free(msg);
}

Test(mail, the_language_uk_when_before_en)
{
    cr_assert_str_eq(app_mail_language("uk;en"), "uk");
    cr_assert_str_eq(app_mail_language("de;uk"), "uk");
    cr_assert_str_eq(app_mail_language("en;uk"), "en");
    cr_assert_str_eq(app_mail_language("fr;en;uk"), "en");
    cr_assert_str_eq(app_mail_language("ukr;de"), "en", "a whole item only");
    cr_assert_str_eq(app_mail_language(""), "en");
    cr_assert_str_eq(app_mail_language(NULL), "en");
}

Test(mail, a_meeting_time_at_its_event_zone)
{
    struct arena a;
    arena_init(&a, 0);
    cr_assert_str_eq(app_mail_when("Europe/Brussels", "2027-06-03T10:00:00", "2027-06-03T10:20:00",
                                   "en", &a),
                     "Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, UTC+02:00)");
    cr_assert_str_eq(app_mail_when("Europe/Kyiv", "2027-02-16T09:40", "2027-02-16T10:00", "uk",
                                   &a),
                     "вівторок, 16 лютого 2027, 09:40–10:00 (Europe/Kyiv, UTC+02:00)");
    cr_assert_str_eq(app_mail_when("Europe/Kyiv", "2027-06-16T09:40", "2027-06-16T10:00", "uk",
                                   &a),
                     "середа, 16 червня 2027, 09:40–10:00 (Europe/Kyiv, UTC+03:00)");
    cr_assert_null(app_mail_when("Europe/Kyiv", "2027-02-30T09:40", "2027-02-30T10:00", "en", &a));
    arena_free(&a);
}

Test(mail, an_accept_tells_the_time_and_table_in_her_language)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "accepted", .lang = "uk", .other = "Hans Weber",
                               .other_org = "Rhein Armour", .event = "DFNC2 Брюссель",
                               .timezone = "Europe/Brussels", .starts_at = "2027-06-03T10:00",
                               .ends_at = "2027-06-03T10:20", .table = "Стіл 12",
                               .public_url = "https://forum.example.eu"};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Запит на зустріч прийнято: Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "Зустріч: четвер, 3 червня 2027, 10:00–10:20 (Europe/Brussels, "
                           "UTC+02:00), стіл Стіл 12.\n"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/agenda\n"), "%s", body);
    f.lang = "en";
    f.starts_at = NULL;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Hans Weber (Rhein Armour) accepted your meeting request");
    cr_assert(strstr(body, "once the organisers place the meeting"), "%s", body);
    f.kind = "request";
    f.message = "Line one\nLine two";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Hans Weber (Rhein Armour) asks to meet you");
    cr_assert(strstr(body, "\n  Line one\n  Line two\n"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/requests\n"), "%s", body);
    arena_free(&a);
}

Test(mail, the_tries_back_off_then_give_up)
{
    cr_assert_eq(app_mail_retry_after(1), 60);
    cr_assert_eq(app_mail_retry_after(2), 300);
    cr_assert_eq(app_mail_retry_after(3), 1800);
    cr_assert_eq(app_mail_retry_after(5), 6 * 3600);
    cr_assert_eq(app_mail_retry_after(6), -1);

    char path[64];
    snprintf(path, sizeof path, "/tmp/dfnc-test-mail-%d.db", (int)getpid());
    scratch_db_remove(path);
    struct store *s = NULL;
    struct df_err err = {0};
    cr_assert_eq(store_open(&s, path, &err), 0, "%s", err.msg);
    struct store_mail m = {.id = "mail-a", .to = "a@b.eu", .kind = "request", .subject = "S",
                           .body = "B\n"};
    cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    m.id = "mail-b";
    cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(s, "UPDATE mail_outbox SET attempts = 5,"
                                         " next_try_at = '2000-01-01T00:00:00Z' WHERE id = 'mail-a'",
                                      &err), 0, "%s", err.msg);
    /* nobody listens on port 1 of this machine: each try fails at once */
    struct app_mail_sender o = {.smtp = {.url = "smtp://127.0.0.1:1", .timeout = 3},
                                .from = "forum@x.eu"};
    struct app_mail_run run;
    cr_assert_eq(app_mail_send_due(s, &o, 4102444800LL /* 2100 */, &run, &err), 0, "%s", err.msg);
    cr_assert_eq(run.sent, 0);
    cr_assert_eq(run.failed, 2, "one failure does not stop the others");
    cr_assert_eq(run.given_up, 1, "the sixth try was the last");
    struct arena a;
    arena_init(&a, 0);
    struct store_mail_counts c;
    cr_assert_eq(store_mail_counts(s, &a, &c, &err), 0, "%s", err.msg);
    cr_assert_eq(c.queued, 1);
    cr_assert_eq(c.failed, 1);
    cr_assert_not_null(c.last_error);
    /* a second run at the same time: the one left is due a minute later */
    cr_assert_eq(app_mail_send_due(s, &o, 4102444800LL, &run, &err), 0, "%s", err.msg);
    cr_assert_eq(run.failed, 0);
    arena_free(&a);
    store_close(s);
    scratch_db_remove(path);
}
