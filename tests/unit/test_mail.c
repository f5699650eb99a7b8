/* Unit tests of the mail dfnc sends (io/mailmsg, app/mail): the message's
 * headers (a Ukrainian subject as encoded-words, no header from a line
 * break, lines within 78 characters), the language chosen, a meeting's
 * time at its event's zone, and the outbox's tries. */
#include <criterion/criterion.h>
#include <sodium.h>
#include <sqlite3.h>
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

/* The From's display name: in quotes when plain, encoded-words when not,
 * the address folded onto its own line when the name's has no room. */
Test(mailmsg, the_from_carries_a_display_name)
{
    char *msg = message(&(struct mailmsg){
        .from = "forum@dfnc.example.eu", .from_name = "DFNC2 Brussels", .to = "hans@de.example",
        .subject = "x", .body = "x\n", .message_id = "mail-1", .date = 0});
    cr_assert(strstr(msg, "\r\nFrom: \"DFNC2 Brussels\" <forum@dfnc.example.eu>\r\nTo: "), "%s",
              msg);
    free(msg);
    msg = message(&(struct mailmsg){
        .from = "forum@dfnc.example.eu", .from_name = "Форум \"DFNC\"\r\nBcc: x@evil.example",
        .to = "hans@de.example", .subject = "x", .body = "x\n", .message_id = "mail-1"});
    char *h = headers_of(msg);
    cr_assert_null(strstr(h, "\r\nBcc:"), "%s", h);
    cr_assert(strstr(h, "\r\nFrom: =?UTF-8?B?"), "%s", h);
    cr_assert(strstr(h, " <forum@dfnc.example.eu>\r\nTo: "), "%s", h);
    assert_lines_within_78(msg);
    free(h);
    free(msg);
    char name[256], addr[256];
    bool named;
    cr_assert_eq(mailmsg_from_parse("Форум DFNC <forum@x.eu>", name, addr, sizeof name, &named),
                 0);
    cr_assert(named);
    cr_assert_str_eq(name, "Форум DFNC");
    cr_assert_str_eq(addr, "forum@x.eu");
    cr_assert_eq(mailmsg_from_parse("\"DFNC, Kyiv\" <forum@x.eu>", name, addr, sizeof name,
                                    &named), 0);
    cr_assert_str_eq(name, "DFNC, Kyiv");
    cr_assert_eq(mailmsg_from_parse("forum@x.eu", name, addr, sizeof name, &named), 0);
    cr_assert(!named);
    cr_assert_str_eq(addr, "forum@x.eu");
    cr_assert_eq(mailmsg_from_parse("Forum\r\nBcc: y@z.eu <forum@x.eu>", name, addr, sizeof name,
                                    &named), -1, "a line break");
    cr_assert_eq(mailmsg_from_parse("Forum <forum@x.eu", name, addr, sizeof name, &named), -1);
    cr_assert_eq(mailmsg_from_parse("Forum <forum@x.eu> more", name, addr, sizeof name, &named),
                 -1);
    cr_assert_eq(mailmsg_from_parse("Forum <not an address>", name, addr, sizeof name, &named),
                 -1);
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

/* The one rule mail, invitations and the follow-up list share. */
Test(mail, the_language_chosen_else_her_list_else_her_country)
{
    /* the language she chose for the pages, whatever she speaks */
    cr_assert_str_eq(app_person_language("uk", "de;en", "DE"), "uk");
    cr_assert_str_eq(app_person_language("en", "uk", "UA"), "en");
    /* else the first of uk and en in her list, each a whole item */
    cr_assert_str_eq(app_person_language(NULL, "uk;en", "DE"), "uk");
    cr_assert_str_eq(app_person_language(NULL, "de;uk", "DE"), "uk");
    cr_assert_str_eq(app_person_language(NULL, "en;uk", "UA"), "en",
                     "her list before her country");
    cr_assert_str_eq(app_person_language(NULL, "fr;en;uk", NULL), "en");
    cr_assert_str_eq(app_person_language(NULL, "ukr;de", "DE"), "en", "a whole item only");
    /* else Ukrainian for a Ukrainian organisation's people, else English */
    cr_assert_str_eq(app_person_language(NULL, "", "UA"), "uk");
    cr_assert_str_eq(app_person_language(NULL, "de;pl", "UA"), "uk");
    cr_assert_str_eq(app_person_language(NULL, NULL, "PL"), "en");
    cr_assert_str_eq(app_person_language(NULL, NULL, NULL), "en");
    cr_assert_str_eq(app_person_language("fr", "uk", "DE"), "uk", "no language dfnc writes");
}

static const char *URL = "https://forum.example.eu";

/* A published agenda: one mail listing her meetings, at the event's zone. */
Test(mail, the_agenda_lists_her_meetings_in_en_and_uk)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_item items[] = {
        {.other = "Hans Weber", .other_org = "Rhein Armour", .starts_at = "2027-06-03T10:00",
         .ends_at = "2027-06-03T10:20", .table = "T3"},
        {.other = "Anna Nowak", .other_org = "Vistula Optics", .starts_at = "2027-06-04T14:00",
         .ends_at = "2027-06-04T14:20"}};
    struct app_mail_facts f = {.kind = "agenda", .lang = "en", .event = "DFNC2 Brussels",
                               .timezone = "Europe/Brussels", .items = items, .items_n = 2,
                               .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your meetings at DFNC2 Brussels");
    cr_assert(strstr(body, "published the agendas of DFNC2 Brussels. Your meetings (2):\n\n"
                           "- Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, UTC+02:00), "
                           "table T3\n  with Hans Weber (Rhein Armour)\n"
                           "- Friday 4 June 2027, 14:00–14:20 (Europe/Brussels, UTC+02:00)\n"
                           "  with Anna Nowak (Vistula Optics)\n"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/agenda\n"), "%s", body);
    f.lang = "uk";
    f.event = "DFNC2 Брюссель";
    f.timezone = "Europe/Kyiv";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Ваші зустрічі на заході «DFNC2 Брюссель»");
    cr_assert(strstr(body, "Ваші зустрічі (2):\n\n- четвер, 3 червня 2027, 10:00–10:20 "
                           "(Europe/Kyiv, UTC+03:00), стіл T3\n  з Hans Weber (Rhein Armour)\n"),
              "%s", body);
    f.items_n = 0;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "an agenda of nothing");
    arena_free(&a);
}

/* The organisers' reminder of requests to answer: the first twenty named,
 * the rest counted, the count in each language's grammar. */
Test(mail, a_reminder_names_twenty_who_ask_and_counts_the_rest)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_item items[20];
    for (int i = 0; i < 20; i++)
        items[i] = (struct app_mail_item){.other = arena_printf(&a, "Asker %d", i + 1),
                                          .other_org = i % 2 ? "Rhein Armour" : NULL};
    struct app_mail_facts f = {.kind = "to_answer", .lang = "en", .event = "DFNC2 Brussels",
                               .items = items, .items_n = 20, .items_more = 2,
                               .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "22 meeting requests wait for your answer: DFNC2 Brussels");
    cr_assert(strstr(body, "At DFNC2 Brussels, 22 meeting requests wait for your answer:\n\n"
                           "- Asker 1\n- Asker 2 (Rhein Armour)\n"), "%s", body);
    cr_assert(strstr(body, "- Asker 20 (Rhein Armour)\n- and 2 more\n"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/requests\n"), "%s", body);
    f.lang = "uk";
    f.event = "DFNC2 Брюссель";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Запити на зустріч чекають на вашу відповідь: «DFNC2 Брюссель»");
    cr_assert(strstr(body, "ви ще не відповіли на 22 запити на зустріч:"), "%s", body);
    cr_assert(strstr(body, "- і ще 2\n"), "%s", body);
    f.items_more = 5;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "на 25 запитів на зустріч:"), "%s", body);
    f.items_n = 1;
    f.items_more = 0;
    f.lang = "en";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "A meeting request waits for your answer: DFNC2 Брюссель");
    cr_assert(!strstr(body, "- and "), "%s", body);
    cr_assert(strstr(body, "Accept or decline it on your requests page"), "%s", body);
    f.items_n = 0;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "a reminder of nothing");
    arena_free(&a);
}

/* The organisers' question of what meetings led to: each meeting with its
 * time and whom she met, the count in each language's grammar, where to
 * say it and whose note it is. */
Test(mail, asking_outcomes_lists_the_meetings_and_counts_them)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_item items[] = {
        {.other = "Hans Weber", .other_org = "Rhein Armour", .starts_at = "2027-06-03T10:00",
         .ends_at = "2027-06-03T10:20"},
        {.other = "Олена Бондар", .other_org = NULL, .starts_at = "2027-06-03T11:00",
         .ends_at = "2027-06-03T11:20"}};
    struct app_mail_facts f = {.kind = "outcomes", .lang = "en", .event = "DFNC2 Brussels",
                               .timezone = "Europe/Brussels", .items = items, .items_n = 2,
                               .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "How did your meetings at DFNC2 Brussels go?");
    cr_assert(strstr(body, "You have not said yet what these 2 led to:\n\n"
                           "- Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, UTC+02:00)\n"
                           "  with Hans Weber (Rhein Armour)\n"
                           "- Thursday 3 June 2027, 11:00–11:20 (Europe/Brussels, UTC+02:00)\n"
                           "  with Олена Бондар\n\n"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/agenda\n"), "%s", body);
    cr_assert(strstr(body, "Your note is yours alone"), "%s", body);
    cr_assert(strstr(body, "never your name"), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Як минули ваші зустрічі на заході «DFNC2 Brussels»?");
    cr_assert(strstr(body, "до чого привели 2 зустрічі:\n\n- четвер, 3 червня 2027, 10:00–10:20 "
                           "(Europe/Brussels, UTC+02:00)\n  з Hans Weber (Rhein Armour)\n"),
              "%s", body);
    cr_assert(strstr(body, "Ваша нотатка — лише ваша"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/agenda\n"), "%s", body);
    f.items_more = 3;   /* five: many */
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "до чого привели 5 зустрічей:"), "%s", body);
    cr_assert(strstr(body, "- і ще 3\n"), "%s", body);
    f.items_more = 19;   /* twenty-one: one */
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "до чого привела 21 зустріч:"), "%s", body);
    f.lang = "en";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "what these 21 led to:"), "%s", body);
    cr_assert(strstr(body, "- and 19 more\n"), "%s", body);
    f.items_n = 1;
    f.items_more = 0;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "How did your meeting at DFNC2 Brussels go?");
    cr_assert(strstr(body, "You have not said yet what it led to:\n\n- Thursday"), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Як минула ваша зустріч на заході «DFNC2 Brussels»?");
    cr_assert(strstr(body, "до чого вона привела:\n\n- четвер"), "%s", body);
    f.items_n = 0;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "a question of nothing");
    arena_free(&a);
}

/* A day's meetings, mailed on its eve: the day in the subject, each in the
 * page's grammar, and what to do when she cannot come. */
Test(mail, a_days_meetings_name_the_day)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_item items[] = {
        {.other = "Hans Weber", .other_org = "Rhein Armour", .starts_at = "2027-06-03T10:00",
         .ends_at = "2027-06-03T10:20", .table = "T3"}};
    struct app_mail_facts f = {.kind = "day", .lang = "en", .event = "DFNC2 Brussels",
                               .timezone = "Europe/Brussels", .items = items, .items_n = 1,
                               .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your meetings on Thursday 3 June 2027: DFNC2 Brussels");
    cr_assert(strstr(body, "Your meetings at DFNC2 Brussels on Thursday 3 June 2027 (1):\n\n"
                           "- Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, UTC+02:00), "
                           "table T3\n  with Hans Weber (Rhein Armour)\n"), "%s", body);
    cr_assert(strstr(body, "tell your partner and the organisers' desk"), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Ваші зустрічі на заході «DFNC2 Brussels»: четвер, 3 червня 2027");
    cr_assert(strstr(body, "повідомте партнера й стійку організаторів"), "%s", body);
    f.items_n = 0;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "a day of nothing");
    arena_free(&a);
}

/* A change: one meeting's says what in its subject; several, the event. */
Test(mail, a_change_says_the_new_time_or_the_cancellation)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_item moved = {.change = "moved", .other = "Hans Weber",
                                  .other_org = "Rhein Armour", .starts_at = "2027-06-03T11:00",
                                  .ends_at = "2027-06-03T11:20", .table = "T5",
                                  .was_starts = "2027-06-03T10:00",
                                  .was_ends = "2027-06-03T10:20", .was_table = "T3"};
    struct app_mail_facts f = {.kind = "changed", .lang = "en", .event = "DFNC2 Brussels",
                               .timezone = "Europe/Brussels", .items = &moved, .items_n = 1,
                               .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your meeting with Hans Weber (Rhein Armour) has moved");
    cr_assert(strstr(body, "The forum's organisers have changed your meetings at DFNC2 "
                           "Brussels:\n\n- Moved: your meeting with Hans Weber (Rhein Armour)\n"
                           "  now: Thursday 3 June 2027, 11:00–11:20 (Europe/Brussels, "
                           "UTC+02:00), table T5\n  was: Thursday 3 June 2027, 10:00–10:20 "
                           "(Europe/Brussels, UTC+02:00), table T3\n"), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Зустріч перенесено: Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "  тепер: четвер, 3 червня 2027, 11:00–11:20 (Europe/Brussels, "
                           "UTC+02:00), стіл T5\n"), "%s", body);
    struct app_mail_item two[] = {moved, moved};
    two[1].change = "cancelled";
    two[1].other = "Олена Коваль";
    two[1].other_org = "Дрон Воркс";
    f.items = two;
    f.items_n = 2;
    f.by = "Олена Коваль";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Зміни у ваших зустрічах на заході «DFNC2 Brussels»");
    cr_assert(strstr(body, "(ініціатор змін: Олена Коваль)"), "%s", body);
    cr_assert(strstr(body, "- Скасовано: зустріч із Олена Коваль (Дрон Воркс)\n  мала бути: "
                           "четвер, 3 червня 2027, 11:00–11:20"), "%s", body);
    f.lang = "en";
    f.items = two + 1;
    f.items_n = 1;
    f.by = "Olena Koval";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your meeting with Олена Коваль (Дрон Воркс) is cancelled");
    cr_assert(strstr(body, "made by Olena Koval:\n\n- Cancelled: your meeting with"), "%s",
              body);
    two[1].change = "removed";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "the organisers will give it a new time"), "%s", body);
    arena_free(&a);
}

/* A booking, an introduction and a message, each in both languages. */
Test(mail, a_booking_an_introduction_and_a_message)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "booked", .lang = "en", .other = "Hans Weber",
                               .other_org = "Rhein Armour", .event = "DFNC2 Brussels",
                               .timezone = "Europe/Brussels", .starts_at = "2027-06-03T10:00",
                               .ends_at = "2027-06-03T10:20", .table = "T3", .public_url = URL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "The organisers booked your meeting with Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "Your meeting: Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, "
                           "UTC+02:00), table T3.\n"), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Організатори призначили вам зустріч: Hans Weber (Rhein Armour)");
    f.kind = "introduced";
    f.message = "Ви обоє працюєте над протидронним захистом.";
    f.to_addressee = true;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Організатори знайомлять вас: Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "Слова організаторів:\n  Ви обоє працюєте над протидронним "
                           "захистом.\n"), "%s", body);
    cr_assert(strstr(body, "Прийняти або відхилити запит"), "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/requests\n"), "%s", body);
    f.lang = "en";
    f.to_addressee = false;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "The organisers introduce you to Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "The request is sent in your name"), "%s", body);
    f.kind = "message";
    f.message = "Running ten minutes late.\nSorry!";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "New message from Hans Weber (Rhein Armour)");
    cr_assert(strstr(body, "The message:\n  Running ten minutes late.\n  Sorry!\n"), "%s",
              body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Нове повідомлення: Hans Weber (Rhein Armour)");
    f.kind = "nonsense";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1);
    arena_free(&a);
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
    cr_assert_str_eq(app_mail_when("Europe/Kyiv", "2027-06-16T09:40:00", NULL, "en", &a),
                     "Wednesday 16 June 2027, 09:40 (Europe/Kyiv, UTC+03:00)",
                     "an instant: no end");
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

/* A sign-in link's mail says it and how long it works, in her language
 * (Ukrainian counts as Ukrainian does), without the opt-out line: she asked. */
Test(mail, a_sign_in_link_and_a_declined_application)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "reset", .lang = "uk", .public_url = URL,
                               .link = "https://forum.example.eu/welcome#TOKEN",
                               .link_seconds = 3600,
                               .link_expires_at = 4102444800LL};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Нове посилання для входу на сторінки форуму");
    cr_assert(strstr(body, "\nhttps://forum.example.eu/welcome#TOKEN\n"), "%s", body);
    cr_assert(strstr(body, "діє одну годину"), "%s", body);
    cr_assert(strstr(body, "Якщо ви не просили"), "%s", body);
    cr_assert_null(strstr(body, "/profile"), "no opt-out: she asked for it: %s", body);
    static const struct {
        long long days;
        const char *uk, *en;
    } lives[] = {{1, "один день", "one day"}, {3, "3 дні", "3 days"}, {14, "14 днів", "14 days"},
                 {21, "21 день", "21 days"}, {22, "22 дні", "22 days"}, {12, "12 днів", "12 days"}};
    f.kind = "signin";
    for (size_t i = 0; i < sizeof lives / sizeof lives[0]; i++) {
        f.link_seconds = lives[i].days * 86400;
        f.lang = "uk";
        cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
        cr_assert(strstr(body, lives[i].uk), "%lld days: %s", lives[i].days, body);
        cr_assert(strstr(body, "стійці допомоги"), "%s", body);
        f.lang = "en";
        cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
        cr_assert(strstr(body, lives[i].en), "%lld days: %s", lives[i].days, body);
    }
    f.kind = "approved";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your application to take part in the forum is approved");
    f.link = NULL;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "a link mail without its link");
    f.kind = "not_approved";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "cannot offer you a place") && !strstr(body, "welcome#"), "%s", body);
    arena_free(&a);
}

/* The organisers' invitation, in her language: the forum's name (its
 * Ukrainian one the caller picked), what she may do there, her link, until
 * when it works at the event's clock (an instant: no "–HH:MM"), whom to
 * tell if it was not meant for her; no opt-out line (no account yet). */
Test(mail, an_invitation_in_en_and_uk)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "invitation", .lang = "uk", .public_url = URL,
                               .link = "https://forum.example.eu/welcome#TOKEN",
                               .link_seconds = 14 * 86400,
                               .link_expires_at = 1812009600LL,   /* 2027-06-03T08:00:00Z */
                               .event = "DFNC2 Брюссель", .timezone = "Europe/Brussels"};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Запрошення на захід «DFNC2 Брюссель»: задайте пароль");
    static const char *const uk[] = {
        "Організатори заходу «DFNC2 Брюссель» запрошують вас", "свій профіль",
        "партнерів, яких вам пропонують", "запити на зустрічі", "своїм розкладом",
        "\nhttps://forum.example.eu/welcome#TOKEN\n",
        "діє 14 днів, до такого часу: четвер, 3 червня 2027, 10:00 (Europe/Brussels, "
        "UTC+02:00).",
        "помилково, повідомте про це організаторів заходу «DFNC2 Брюссель»"};
    for (size_t i = 0; i < sizeof uk / sizeof uk[0]; i++)
        cr_assert(strstr(body, uk[i]), "%s: %s", uk[i], body);
    cr_assert_null(strstr(body, "/profile"), "no opt-out line: %s", body);
    cr_assert_null(strstr(body, "Hello"), "all in Ukrainian: %s", body);
    f.lang = "en";
    f.event = "DFNC2 Brussels";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your invitation to DFNC2 Brussels: choose your password");
    static const char *const en[] = {
        "The organisers of DFNC2 Brussels invite you", "your profile",
        "partners suggested for you", "meeting requests", "your agenda",
        "\nhttps://forum.example.eu/welcome#TOKEN\n",
        "It works once, for 14 days: until Thursday 3 June 2027, 10:00 (Europe/Brussels, "
        "UTC+02:00).",
        "not meant for you, tell the organisers of DFNC2 Brussels"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        cr_assert(strstr(body, en[i]), "%s: %s", en[i], body);
    /* a forum without an event: the forum, and UTC's clock */
    f.event = f.timezone = NULL;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Your invitation to the forum: choose your password");
    cr_assert(strstr(body, "until Thursday 3 June 2027, 08:00 (UTC)."), "%s", body);
    f.lang = "uk";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert(strstr(body, "Організатори форуму запрошують"), "%s", body);
    f.link = NULL;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), -1, "an invitation without its link");
    arena_free(&a);
}

/* A mail that carries a link is wiped once sent; the others keep their text. */
Test(mail, a_link_mail_is_wiped_once_sent)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dfnc-test-wipe-%d.db", (int)getpid());
    scratch_db_remove(path);
    struct store *s = NULL;
    struct df_err err = {0};
    cr_assert_eq(store_open(&s, path, &err), 0, "%s", err.msg);
    struct store_mail m = {.id = "mail-l", .to = "a@b.eu", .kind = "reset", .subject = "S",
                           .body = "secret link\n", .link_expires_at = "2100-01-01T01:00:00Z"};
    cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    m = (struct store_mail){.id = "mail-r", .to = "a@b.eu", .kind = "request", .subject = "S",
                            .body = "kept\n"};
    cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    cr_assert_eq(store_mail_mark_sent(s, "mail-l", "2100-01-01T00:00:00Z", &err), 0, "%s", err.msg);
    cr_assert_eq(store_mail_mark_sent(s, "mail-r", "2100-01-01T00:00:00Z", &err), 0, "%s", err.msg);
    store_close(s);
    sqlite3 *db;
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT id, body, status FROM mail_outbox ORDER BY id",
                                    -1, &st, NULL), SQLITE_OK);
    const char *want[][3] = {{"mail-l", "", "sent"}, {"mail-r", "kept\n", "sent"}};
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        for (int k = 0; k < 3; k++)
            cr_assert_str_eq((const char *)sqlite3_column_text(st, k), want[i][k],
                             "the link mail's body wiped, the other kept");
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    scratch_db_remove(path);
}

/* One person's mail does not wait behind a mail to everyone. */
Test(mail, a_meeting_mail_goes_before_the_invitations_queued_earlier)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dfnc-test-order-%d.db", (int)getpid());
    scratch_db_remove(path);
    struct store *s = NULL;
    struct df_err err = {0};
    cr_assert_eq(store_open(&s, path, &err), 0, "%s", err.msg);
    char id[32];
    for (int i = 0; i < 30; i++) {
        snprintf(id, sizeof id, "mail-inv-%02d", i);
        bool inv = i % 2;
        struct store_mail m = {.id = id, .to = "a@b.eu", .kind = inv ? "invitation" : "announcement",
                               .subject = "S", .body = "B\n",
                               .link_expires_at = inv ? "2100-02-01T00:00:00Z" : NULL};
        cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    }
    struct store_mail m = {.id = "mail-accepted", .to = "c@d.eu", .kind = "accepted",
                           .subject = "S", .body = "B\n"};
    cr_assert_eq(store_mail_enqueue(s, &m, &err), 0, "%s", err.msg);
    cr_assert_eq(store_exec_for_tests(s, "UPDATE mail_outbox SET next_try_at ="
                                         " '2000-01-01T00:00:0' || (rid % 10) || 'Z'", &err),
                 0, "%s", err.msg);   /* the last queued is not the oldest due either */
    struct arena a;
    arena_init(&a, 0);
    struct store_mail *due;
    int n = 0;
    cr_assert_eq(store_mail_take_due(s, "2100-01-01T00:00:00Z", "2100-01-01T00:10:00Z", 5, &a,
                                     &due, &n, &err), 0, "%s", err.msg);
    cr_assert_eq(n, 5);
    int accepted = 0;
    for (int i = 0; i < n; i++)
        accepted += strcmp(due[i].id, "mail-accepted") == 0;
    cr_assert_eq(accepted, 1, "the accept's mail in the first take, though due after 30 others");
    arena_free(&a);
    store_close(s);
    scratch_db_remove(path);
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

Test(mail, an_announcement_in_en_and_uk_with_the_opt_out_line)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_facts f = {.kind = "announcement", .lang = "uk", .public_url = URL,
                               .message = "Другий день починається о 10:00.",
                               .event = "DFNC2 Брюссель"};
    const char *subject, *body;
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Оголошення організаторів заходу «DFNC2 Брюссель»");
    cr_assert(strstr(body, "Організатори оголошують:\n\n    Другий день починається о 10:00.\n"),
              "%s", body);
    cr_assert(strstr(body, "https://forum.example.eu/profile"), "the opt-out line: %s", body);
    f.lang = "en";
    f.event = NULL;
    f.message = "Day two starts at 10:00.";
    cr_assert_eq(app_mail_compose(&f, &a, &subject, &body), 0);
    cr_assert_str_eq(subject, "Announcement from the forum's organisers");
    cr_assert(strstr(body, "The organisers announce:\n\n    Day two starts at 10:00.\n"), "%s", body);
    cr_assert(strstr(body, "Every page of the forum shows it too:\nhttps://forum.example.eu/\n"),
              "%s", body);
    f.message = NULL;
    cr_assert_lt(app_mail_compose(&f, &a, &subject, &body), 0, "no words, no mail");
    arena_free(&a);
}
