/* The mail dfnc sends people (app/mail.h): the texts in English and
 * Ukrainian, the outbox filled in the action's transaction, the sender. */
#include "app/mail.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/forum_day.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/log.h"
#include "core/ticker.h"
#include "io/ics.h"
#include "io/mailmsg.h"
#include "store/mail.h"
#include "store/messages.h"

/* The most mails one take leases, and how long: one whose sender died
 * mid-way is due again after the lease. */
enum { TAKE_MAX = 20, LEASE_SECONDS = 600, MAIL_MAX = 256 * 1024 };

const char *app_person_language(const char *ui_language, const char *languages,
                                const char *country)
{
    if (ui_language && (strcmp(ui_language, "uk") == 0 || strcmp(ui_language, "en") == 0))
        return ui_language;
    /* the first of "uk" and "en" in the list, each a whole item */
    for (const char *p = languages ? languages : ""; *p;) {
        size_t n = strcspn(p, ";, ");
        if (n == 2 && strncmp(p, "uk", 2) == 0)
            return "uk";
        if (n == 2 && strncmp(p, "en", 2) == 0)
            return "en";
        p += n;
        p += strspn(p, ";, ");
    }
    return country && strcmp(country, "UA") == 0 ? "uk" : "en";
}

const char *app_mail_day(const char *starts_at, const char *lang, struct arena *a)
{
    static const char *days_en[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday"};
    static const char *days_uk[] = {"неділя", "понеділок", "вівторок", "середа",
                                    "четвер", "пʼятниця",  "субота"};
    static const char *months_en[] = {"January", "February", "March",     "April",
                                      "May",     "June",     "July",      "August",
                                      "September", "October", "November", "December"};
    /* the genitive a date takes: 5 червня */
    static const char *months_uk[] = {"січня",  "лютого",  "березня",  "квітня",
                                      "травня", "червня",  "липня",    "серпня",
                                      "вересня", "жовтня", "листопада", "грудня"};
    int y, mo, d;
    char day[11];
    if (!starts_at || sscanf(starts_at, "%4d-%2d-%2d", &y, &mo, &d) != 3)
        return NULL;
    snprintf(day, sizeof day, "%.10s", starts_at);
    if (!date_is_valid(day))
        return NULL;
    int wd = ((date_days_from_civil(y, mo, d) % 7) + 11) % 7;   /* 1970-01-01 a Thursday */
    bool uk = strcmp(lang, "uk") == 0;
    return arena_printf(a, "%s%s %d %s %d", uk ? days_uk[wd] : days_en[wd], uk ? "," : "", d,
                        uk ? months_uk[mo - 1] : months_en[mo - 1], y);
}

const char *app_mail_when(const char *timezone, const char *starts_at, const char *ends_at,
                          const char *lang, struct arena *a)
{
    int y, mo, d, h, mi, eh = 0, emi = 0;
    if (!starts_at || sscanf(starts_at, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 ||
        (ends_at && sscanf(ends_at + (strlen(ends_at) > 11 ? 11 : 0), "%2d:%2d", &eh, &emi) != 2))
        return NULL;
    const char *day = app_mail_day(starts_at, lang, a);
    if (!day)
        return NULL;
    char zoned[32], zone[80] = "";
    if (timezone && ics_zoned_time(timezone, starts_at, zoned, NULL) == 0)
        snprintf(zone, sizeof zone, " (%s, UTC%s)", timezone, zoned + 19);
    char until[16] = "";   /* an instant (ends_at NULL) has none */
    if (ends_at)
        snprintf(until, sizeof until, "–%02d:%02d", eh, emi);
    return arena_printf(a, "%s, %02d:%02d%s%s", day, h, mi, until, zone);
}

/* The closing lines of every mail: who sent it, how to stop them. */
static const char *closing(const struct app_mail_facts *f, struct arena *a, bool uk)
{
    return uk ? arena_printf(a,
                             "\n-- \nЦей лист надіслано автоматично від імені організаторів "
                             "форуму.\nНе бажаєте отримувати такі листи? Вимкніть їх на "
                             "сторінці профілю:\n%s/profile\n",
                             f->public_url)
              : arena_printf(a,
                             "\n-- \nThis message was sent automatically for the forum's "
                             "organisers.\nTo receive no more of them, turn them off on your "
                             "profile page:\n%s/profile\n",
                             f->public_url);
}

/* "Name (Organisation)" of a partner, or the name alone. */
static const char *name_org(struct arena *a, const char *name, const char *org)
{
    return org && *org ? arena_printf(a, "%s (%s)", name, org) : name;
}

static const char *who(const struct app_mail_facts *f, struct arena *a)
{
    return name_org(a, f->other, f->other_org);
}

/* The text quoted after a line that says what it is, each line indented. */
static const char *quoted(const char *text, const char *said, struct arena *a)
{
    if (!text || !*text)
        return "";
    struct buf b = BUF_INIT(0);
    buf_printf(&b, "\n%s\n", said);
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        buf_puts(&b, "  ");
        buf_append(&b, p, n);
        buf_putc(&b, '\n');
        p += n + (p[n] == '\n');
    }
    const char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}

/* The request's message, after a line that says it. */
static const char *quoted_message(const struct app_mail_facts *f, struct arena *a, bool uk)
{
    return quoted(f->message, uk ? "Повідомлення:" : "Their message:", a);
}

static int compose_request(const struct app_mail_facts *f, struct arena *a, bool uk,
                           const char **subject, const char **body)
{
    const char *w = who(f, a);
    *subject = uk ? arena_printf(a, "Запит на зустріч: %s", w)
                  : arena_printf(a, "%s asks to meet you", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\n%s просить про зустріч із вами на заході "
                              "«%s».\n%s\nПрийняти або відхилити запит можна на сторінці "
                              "ваших запитів:\n%s/requests\n%s",
                              w, f->event, quoted_message(f, a, true), f->public_url,
                              closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\n%s asks to meet you at %s.\n%s\nAccept or decline the "
                              "request on your requests page:\n%s/requests\n%s",
                              w, f->event, quoted_message(f, a, false), f->public_url,
                              closing(f, a, false));
    return 0;
}

/* "Thursday 3 June 2027, 10:00–10:20 (Europe/Brussels, UTC+02:00), table T3",
 * or "..., online: LINK" for one held by video, in lang; NULL when starts_at
 * is none. */
static const char *when_where(const struct app_mail_facts *f, const char *starts_at,
                              const char *ends_at, const char *table, const char *video_url,
                              struct arena *a)
{
    bool uk = strcmp(f->lang, "uk") == 0;
    const char *when = starts_at ? app_mail_when(f->timezone, starts_at, ends_at, f->lang, a)
                                 : NULL;
    if (!when)
        return NULL;
    if (!table && video_url)
        return arena_printf(a, "%s, %s: %s", when, uk ? "онлайн" : "online", video_url);
    return table ? arena_printf(a, "%s, %s %s", when, uk ? "стіл" : "table", table) : when;
}

/* The line an accept or a booking says of its meeting: when and where, or
 * that the agenda will say it. */
static const char *meeting_line(const struct app_mail_facts *f, struct arena *a, bool uk)
{
    const char *at = when_where(f, f->starts_at, f->ends_at, f->table, f->video_url, a);
    if (at)
        return arena_printf(a, uk ? "Зустріч: %s.\n" : "Your meeting: %s.\n", at);
    return uk ? "Час і стіл зустрічі зʼявляться у вашому розкладі, щойно організатори "
                "їх призначать.\n"
              : "Its time and table will be on your agenda once the organisers place "
                "the meeting.\n";
}

/* An accept or a booking, to one who attends the meeting: which meeting
 * it is (the party she joins and her partner), and its time. */
static int compose_attendee(const struct app_mail_facts *f, struct arena *a, bool uk,
                            const char *meeting, const char **subject, const char **body)
{
    const char *w = who(f, a), *side = name_org(a, f->joins, f->joins_org);
    if (strcmp(f->kind, "booked") == 0) {
        *subject = uk ? arena_printf(a, "Організатори призначили вам зустріч: %s", w)
                      : arena_printf(a, "The organisers booked your meeting with %s", w);
        *body = uk ? arena_printf(a,
                                  "Добрий день!\n\nОрганізатори форуму призначили зустріч на "
                                  "заході «%s», у якій ви берете участь.\nСторони зустрічі: %s "
                                  "і %s.\n%s\nВаш розклад:\n%s/agenda\n%s",
                                  f->event, side, w, meeting, f->public_url, closing(f, a, true))
                   : arena_printf(a,
                                  "Hello,\n\nThe forum's organisers booked a meeting you take "
                                  "part in at %s: %s with %s.\n%s\nYour agenda:\n%s/agenda\n%s",
                                  f->event, side, w, meeting, f->public_url, closing(f, a, false));
        return 0;
    }
    *subject = uk ? arena_printf(a, "Зустріч погоджено: %s", w)
                  : arena_printf(a, "Your meeting with %s is agreed", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\nЗапит на зустріч на заході «%s», у якій ви "
                              "берете участь, прийнято.\nСторони зустрічі: %s і %s.\n%s\nВаш "
                              "розклад:\n%s/agenda\n%s",
                              f->event, side, w, meeting, f->public_url, closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\nA meeting you take part in at %s is agreed: its "
                              "request was accepted. It is %s with %s.\n%s\nYour agenda:\n"
                              "%s/agenda\n%s",
                              f->event, side, w, meeting, f->public_url, closing(f, a, false));
    return 0;
}

/* A colleague added to a meeting ("attendee") or taken off it
 * ("attendee_off"): which meeting (the party she joins and her partner),
 * who did it (by; NULL the organisers), its time when placed. */
static int compose_attendee_change(const struct app_mail_facts *f, struct arena *a, bool uk,
                                   const char **subject, const char **body)
{
    const char *w = who(f, a), *side = name_org(a, f->joins, f->joins_org);
    const char *by = f->by ? f->by : uk ? "Організатори форуму" : "The forum's organisers";
    const char *at = when_where(f, f->starts_at, f->ends_at, f->table, f->video_url, a);
    if (strcmp(f->kind, "attendee_off") == 0) {
        const char *was = !at ? "" : arena_printf(a, uk ? "Її час: %s.\n" : "It was: %s.\n", at);
        *subject = uk ? arena_printf(a, "Вас знято із зустрічі з %s", w)
                      : arena_printf(a, "You no longer join the meeting with %s", w);
        *body = uk ? arena_printf(a,
                                  "Добрий день!\n\n%s: вас знято зі складу учасників "
                                  "зустрічі на заході «%s».\nСторони зустрічі: %s і %s.\n%s"
                                  "Її більше немає у вашому розкладі:\n%s/agenda\n%s",
                                  by, f->event, side, w, was, f->public_url, closing(f, a, true))
                   : arena_printf(a,
                                  "Hello,\n\n%s took you off a meeting at %s: %s with %s.\n%s"
                                  "It is no longer on your agenda:\n%s/agenda\n%s",
                                  by, f->event, side, w, was, f->public_url,
                                  closing(f, a, false));
        return 0;
    }
    const char *meeting =
        at ? arena_printf(a, uk ? "Зустріч: %s.\n" : "Your meeting: %s.\n", at)
        : f->pending
            ? (uk ? "Запит ще не прийнято: щойно його приймуть, час і стіл зʼявляться у "
                    "вашому розкладі.\n"
                  : "The request is not answered yet: once it is accepted, its time and "
                    "table will be on your agenda.\n")
            : meeting_line(f, a, uk);
    *subject = uk ? arena_printf(a, "Вас додано до зустрічі з %s", w)
                  : arena_printf(a, "You are added to a meeting with %s", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\n%s: вас додано до зустрічі на заході «%s».\n"
                              "Сторони зустрічі: %s і %s.\n%s\nЯкщо ви не зможете прийти, "
                              "скажіть про це на сторінці ваших запитів:\n%s/requests\n%s",
                              by, f->event, side, w, meeting, f->public_url,
                              closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\n%s added you to a meeting at %s: %s with %s.\n%s\n"
                              "If you cannot come, say so on your requests page:\n"
                              "%s/requests\n%s",
                              by, f->event, side, w, meeting, f->public_url,
                              closing(f, a, false));
    return 0;
}

static int compose_answer(const struct app_mail_facts *f, struct arena *a, bool uk,
                          const char **subject, const char **body)
{
    const char *w = who(f, a);
    if (strcmp(f->kind, "declined") == 0) {
        *subject = uk ? arena_printf(a, "Запит на зустріч відхилено: %s", w)
                      : arena_printf(a, "%s declined your meeting request", w);
        *body = uk ? arena_printf(a,
                                  "Добрий день!\n\nНа жаль, ваш запит на зустріч із %s на "
                                  "заході «%s» відхилено.\nІнших партнерів для зустрічей "
                                  "можна знайти серед пропозицій:\n%s/suggestions\n%s",
                                  w, f->event, f->public_url, closing(f, a, true))
                   : arena_printf(a,
                                  "Hello,\n\n%s declined your request to meet at %s.\nYou "
                                  "will find other partners to meet among your suggestions:\n"
                                  "%s/suggestions\n%s",
                                  w, f->event, f->public_url, closing(f, a, false));
        return 0;
    }
    const char *meeting = meeting_line(f, a, uk);
    if (f->joins)
        return compose_attendee(f, a, uk, meeting, subject, body);
    if (strcmp(f->kind, "booked") == 0) {
        *subject = uk ? arena_printf(a, "Організатори призначили вам зустріч: %s", w)
                      : arena_printf(a, "The organisers booked your meeting with %s", w);
        *body = uk ? arena_printf(a,
                                  "Добрий день!\n\nОрганізатори форуму призначили вам "
                                  "зустріч із %s на заході «%s», як ви домовилися.\n%s\nВаш "
                                  "розклад:\n%s/agenda\n%s",
                                  w, f->event, meeting, f->public_url, closing(f, a, true))
                   : arena_printf(a,
                                  "Hello,\n\nThe forum's organisers booked your meeting with "
                                  "%s at %s, as you agreed.\n%s\nYour agenda:\n%s/agenda\n%s",
                                  w, f->event, meeting, f->public_url, closing(f, a, false));
        return 0;
    }
    *subject = uk ? arena_printf(a, "Запит на зустріч прийнято: %s", w)
                  : arena_printf(a, "%s accepted your meeting request", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\nВаш запит на зустріч із %s на заході «%s» "
                              "прийнято.\n%s\nВаш розклад:\n%s/agenda\n%s",
                              w, f->event, meeting, f->public_url, closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\n%s accepted your request to meet at %s.\n%s\nYour "
                              "agenda:\n%s/agenda\n%s",
                              w, f->event, meeting, f->public_url, closing(f, a, false));
    return 0;
}

static int compose_introduced(const struct app_mail_facts *f, struct arena *a, bool uk,
                              const char **subject, const char **body)
{
    const char *w = who(f, a);
    const char *words = quoted(f->message, uk ? "Слова організаторів:" : "The organisers' words:",
                               a);
    const char *next = f->to_addressee
                           ? (uk ? "Прийняти або відхилити запит можна на сторінці ваших "
                                   "запитів:"
                                 : "Accept or decline it on your requests page:")
                           : (uk ? "Запит надіслано від вашого імені; відповідь зʼявиться на "
                                   "сторінці ваших запитів:"
                                 : "The request is sent in your name; its answer will be on "
                                   "your requests page:");
    *subject = uk ? arena_printf(a, "Організатори знайомлять вас: %s", w)
                  : arena_printf(a, "The organisers introduce you to %s", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\nОрганізатори форуму радять вам зустрітися з %s "
                              "на заході «%s» і надіслали запит на зустріч.\n%s\n%s\n"
                              "%s/requests\n%s",
                              w, f->event, words, next, f->public_url, closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\nThe forum's organisers think you should meet %s at %s, "
                              "and made a meeting request between you.\n%s\n%s\n%s/requests\n%s",
                              w, f->event, words, next, f->public_url, closing(f, a, false));
    return 0;
}

static int compose_message(const struct app_mail_facts *f, struct arena *a, bool uk,
                           const char **subject, const char **body)
{
    const char *w = who(f, a);
    const char *text = quoted(f->message, uk ? "Повідомлення:" : "The message:", a);
    *subject = uk ? arena_printf(a, "Нове повідомлення: %s", w)
                  : arena_printf(a, "New message from %s", w);
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\nВам нове повідомлення від %s щодо зустрічі на "
                              "заході «%s».\n%s\nВідповісти можна на сторінці ваших запитів (поки ви "
                              "не прочитаєте розмову, нових листів про неї не буде):\n"
                              "%s/requests\n%s",
                              w, f->event, text, f->public_url, closing(f, a, true))
               : arena_printf(a,
                              "Hello,\n\n%s wrote to you about your meeting at %s.\n%s\nAnswer "
                              "on your requests page (until you read the conversation, no "
                              "more mail about it):\n%s/requests\n%s",
                              w, f->event, text, f->public_url, closing(f, a, false));
    return 0;
}

/* The closing lines of a mail she asked for, which no switch of hers stops. */
static const char *closing_asked(bool uk)
{
    return uk ? "\n-- \nЦей лист надіслано автоматично від імені організаторів форуму.\n"
              : "\n-- \nThis message was sent automatically for the forum's organisers.\n";
}

/* n with the Ukrainian noun form a number takes: one (1, 21), few (2-4,
 * 22-24), many (5-20, 25-30, ...). */
static const char *uk_count(struct arena *a, long long n, const char *one, const char *few,
                            const char *many)
{
    long long d = n % 10, h = n % 100;
    const char *w = d == 1 && h != 11 ? one : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few : many;
    return arena_printf(a, "%lld %s", n, w);
}

/* How long a link works, in lang: "one hour", "3 hours", "14 days". */
static const char *link_life(const struct app_mail_facts *f, struct arena *a, bool uk)
{
    long long hours = (f->link_seconds + 1800) / 3600;
    if (hours <= 1)
        return uk ? "одну годину" : "one hour";
    if (hours % 24)
        return uk ? uk_count(a, hours, "годину", "години", "годин")
                  : arena_printf(a, "%lld hours", hours);
    long long days = hours / 24;
    if (days == 1)
        return uk ? "один день" : "one day";
    return uk ? uk_count(a, days, "день", "дні", "днів") : arena_printf(a, "%lld days", days);
}

/* A mail that carries a sign-in link: one she asked for on the sign-in
 * page ("reset"), one the help desk sent her ("signin"), her first after
 * her application was approved ("approved"). */
static int compose_link(const struct app_mail_facts *f, struct arena *a, bool uk,
                        const char **subject, const char **body)
{
    if (!f->link)
        return -1;
    const char *life = link_life(f, a, uk);
    const char *why, *after;
    if (strcmp(f->kind, "approved") == 0) {
        *subject = uk ? "Вашу заявку на участь у форумі схвалено"
                      : "Your application to take part in the forum is approved";
        why = uk ? "Організатори схвалили вашу заявку на участь у форумі. Відкрийте це "
                   "посилання, щоб задати пароль і увійти:"
                 : "The organisers have approved your application to take part in the forum. "
                   "Open this link to choose your password and sign in:";
        after = uk ? arena_printf(a, "Посилання одноразове і діє %s. Після входу ви зможете "
                                     "доповнити профіль своєї організації, знайти партнерів і "
                                     "запросити їх на зустрічі.\n", life)
                   : arena_printf(a, "It works once, for %s. Once signed in, you can complete "
                                     "your organisation's profile, find partners and ask them "
                                     "to meet.\n", life);
    } else {
        bool desk = strcmp(f->kind, "signin") == 0;
        *subject = uk ? "Нове посилання для входу на сторінки форуму"
                      : "Your new sign-in link for the forum's pages";
        why = desk ? (uk ? "Як ви просили на стійці допомоги форуму, надсилаємо нове посилання "
                           "для входу. Відкрийте його, щоб задати пароль:"
                         : "As you asked at the forum's help desk, here is a new sign-in link. "
                           "Open it to choose your password:")
                   : (uk ? "Ви попросили нове посилання для входу на сторінки форуму. "
                           "Відкрийте його, щоб задати новий пароль:"
                         : "You asked for a new sign-in link for the forum's pages. Open it "
                           "to choose a new password:");
        after = uk ? arena_printf(a, "Посилання одноразове і діє %s. Доки ви ним не "
                                     "скористаєтеся, ваш пароль (якщо він є) залишається "
                                     "чинним, а надіслане раніше посилання більше не діє.\n%s",
                                  life, desk ? "" : "Якщо ви не просили посилання, просто не "
                                                    "зважайте на цей лист: нічого не "
                                                    "зміниться.\n")
                   : arena_printf(a, "It works once, for %s. Until you use it, your password "
                                     "(if you have one) stays as it was; a link sent before no "
                                     "longer works.\n%s",
                                  life, desk ? "" : "If you did not ask for it, ignore this "
                                                    "message: nothing changes.\n");
    }
    *body = arena_printf(a, "%s\n\n%s\n%s\n\n%s%s", uk ? "Добрий день!" : "Hello,", why,
                         f->link, after, closing_asked(uk));
    return 0;
}

/* When a link stops working, as its mail says it: the wall clock at the
 * event's zone with its offset, as a meeting's time is said; UTC's without
 * an event (or a zone dfnc does not know). */
static const char *link_until(const struct app_mail_facts *f, struct arena *a)
{
    char wall[20];
    if (f->timezone && ics_zone_wall_time(f->timezone, f->link_expires_at, wall) == 0)
        return app_mail_when(f->timezone, wall, NULL, f->lang, a);
    char utc[DATE_UTC_TEXT_SIZE];
    date_utc_text(f->link_expires_at, utc);
    const char *when = app_mail_when(NULL, utc, NULL, f->lang, a);
    return when ? arena_printf(a, "%s (UTC)", when) : NULL;
}

/* The organisers' invitation (dfnc user invite with mail, the console's
 * "invite everyone" with mail): the forum, what she may do there, her link
 * to choose her password and until when it works, and whom to tell if it
 * was not meant for her. No opt-out line: she has no account to turn mail
 * off in yet, and this is the one mail that makes it. */
static int compose_invitation(const struct app_mail_facts *f, struct arena *a, bool uk,
                              const char **subject, const char **body)
{
    const char *until = f->link ? link_until(f, a) : NULL;
    if (!until)
        return -1;
    const char *life = link_life(f, a, uk);
    const char *forum = f->event ? arena_printf(a, uk ? "заходу «%s»" : "%s", f->event)
                                 : (uk ? "форуму" : "the forum");
    *subject = f->event ? arena_printf(a, uk ? "Запрошення на захід «%s»: задайте пароль"
                                             : "Your invitation to %s: choose your password",
                                       f->event)
                        : (uk ? "Запрошення на форум: задайте пароль"
                              : "Your invitation to the forum: choose your password");
    *body = uk ? arena_printf(a,
                              "Добрий день!\n\nОрганізатори %s запрошують вас узяти в ньому "
                              "участь. На сторінках форуму ви зможете:\n"
                              "- заповнити свій профіль;\n"
                              "- переглянути партнерів, яких вам пропонують, і чому саме їх;\n"
                              "- надсилати запити на зустрічі й відповідати на них;\n"
                              "- стежити за своїм розкладом зустрічей.\n\n"
                              "Відкрийте це посилання, щоб задати пароль і увійти:\n%s\n\n"
                              "Посилання одноразове і діє %s, до такого часу: %s. Не "
                              "пересилайте його: хто його відкриє, увійде від вашого імені.\n\n"
                              "Якщо запрошення надійшло вам помилково, повідомте про це "
                              "організаторів %s (відповівши на цей лист) і не відкривайте "
                              "посилання.\n%s",
                              forum, f->link, life, until, forum, closing_asked(true))
               : arena_printf(a,
                              "Hello,\n\nThe organisers of %s invite you to take part in it. "
                              "On the forum's pages you can:\n"
                              "- complete your profile;\n"
                              "- see the partners suggested for you, and why;\n"
                              "- send meeting requests and answer those you receive;\n"
                              "- follow your agenda of meetings.\n\n"
                              "Open this link to choose your password and sign in:\n%s\n\n"
                              "It works once, for %s: until %s. Do not pass it on: whoever "
                              "opens it signs in as you.\n\n"
                              "If this invitation was not meant for you, tell the organisers of "
                              "%s (reply to this message) and do not open the link.\n%s",
                              forum, f->link, life, until, forum, closing_asked(false));
    return 0;
}

/* The organisers' announcement (POST /console/announcements with mail): its
 * words in her language where they gave them, and that every page of the
 * forum shows it too. f->message: the words; f->event: the forum's event. */
static int compose_announcement(const struct app_mail_facts *f, struct arena *a, bool uk,
                                const char **subject, const char **body)
{
    if (!f->message)
        return -1;
    *subject = f->event ? arena_printf(a, uk ? "Оголошення організаторів заходу «%s»"
                                             : "Announcement from the organisers of %s",
                                       f->event)
                        : (uk ? "Оголошення організаторів форуму"
                              : "Announcement from the forum's organisers");
    *body = arena_printf(a, uk ? "Добрий день!\n\nОрганізатори оголошують:\n\n    %s\n\n"
                                 "Це оголошення є й на кожній сторінці форуму:\n%s/\n%s"
                               : "Hello,\n\nThe organisers announce:\n\n    %s\n\n"
                                 "Every page of the forum shows it too:\n%s/\n%s",
                         f->message, f->public_url, closing(f, a, uk));
    return *subject && *body ? 0 : -1;
}

/* The organisers' own mail to some of the people (POST /console/people/mail):
 * their subject and words as they wrote them, in her language where they
 * gave it, then who writes and that it comes through the forum. Why she is
 * among those they write to is not said: that is the organisers' to word.
 * f->subject, f->message: theirs; f->event: the forum's event or NULL. */
static int compose_organisers(const struct app_mail_facts *f, struct arena *a, bool uk,
                              const char **subject, const char **body)
{
    if (!f->subject || !f->message)
        return -1;
    const char *from =
        f->event ? arena_printf(a, uk ? "Цей лист написали вам організатори заходу «%s»."
                                      : "The organisers of %s wrote you this message.",
                                f->event)
                 : (uk ? "Цей лист написали вам організатори форуму."
                       : "The forum's organisers wrote you this message.");
    *subject = arena_strdup(a, f->subject);
    *body = from ? arena_printf(a, uk ? "%s\n\n-- \n%s\nСторінки форуму:\n%s/\n"
                                         "Не бажаєте отримувати листи форуму? Вимкніть їх на "
                                         "сторінці профілю:\n%s/profile\n"
                                       : "%s\n\n-- \n%s\nThe forum's pages:\n%s/\n"
                                         "To receive no more mail from the forum, turn it off on "
                                         "your profile page:\n%s/profile\n",
                                f->message, from, f->public_url, f->public_url)
                 : NULL;
    return *subject && *body ? 0 : -1;
}

/* An application declined: a short, polite note, no reason given. */
static int compose_not_approved(const struct app_mail_facts *f, struct arena *a, bool uk,
                                const char **subject, const char **body)
{
    (void)f;
    *subject = uk ? "Ваша заявка на участь у форумі" : "Your application to take part in the forum";
    *body = arena_printf(a, "%s%s",
                         uk ? "Добрий день!\n\nДякуємо за інтерес до форуму та за вашу заявку. "
                              "На жаль, цього разу організатори не можуть запропонувати вам "
                              "участь.\n\nЗ повагою,\nорганізатори форуму\n"
                            : "Hello,\n\nThank you for your interest in the forum and for your "
                              "application. We regret that the organisers cannot offer you a "
                              "place this time.\n\nWith kind regards,\nThe forum's organisers\n",
                         closing_asked(uk));
    return 0;
}

/* One meeting of an agenda or a change, as lines into b: 0, -1 when b is full. */
static int item_lines(const struct app_mail_facts *f, const struct app_mail_item *it,
                      struct arena *a, bool uk, struct buf *b)
{
    const char *with = name_org(a, it->other, it->other_org);
    const char *now = when_where(f, it->starts_at, it->ends_at, it->table, it->video_url, a);
    now = now ? now : "";
    if (!it->change)
        return buf_printf(b, "- %s\n  %s %s\n", now, uk ? "з" : "with", with);
    if (strcmp(it->change, "moved") == 0) {
        const char *was = when_where(f, it->was_starts, it->was_ends, it->was_table, NULL, a);
        return buf_printf(b,
                          uk ? "- Перенесено: зустріч із %s\n  тепер: %s\n  було: %s\n"
                             : "- Moved: your meeting with %s\n  now: %s\n  was: %s\n",
                          with, now, was ? was : "");
    }
    if (strcmp(it->change, "removed") == 0)
        return buf_printf(b,
                          uk ? "- Поки що знято з розкладу: зустріч із %s\n  мала бути: %s\n"
                               "  (організатори призначать їй новий час)\n"
                             : "- Off your agenda for now: your meeting with %s\n  was to be: "
                               "%s\n  (the organisers will give it a new time)\n",
                          with, now);
    if (strcmp(it->change, "cancelled") == 0 && !it->starts_at)
        return buf_printf(b, uk ? "- Скасовано: зустріч із %s\n"
                                : "- Cancelled: your meeting with %s\n", with);
    if (strcmp(it->change, "cancelled") == 0)
        return buf_printf(b,
                          uk ? "- Скасовано: зустріч із %s\n  мала бути: %s\n"
                             : "- Cancelled: your meeting with %s\n  was to be: %s\n",
                          with, now);
    return buf_printf(b, uk ? "- Нова зустріч із %s\n  %s\n" : "- New: your meeting with %s\n  %s\n",
                      with, now);
}

/* The subject of a change of one meeting. */
static const char *one_change_subject(const struct app_mail_item *it, struct arena *a, bool uk)
{
    const char *with = name_org(a, it->other, it->other_org);
    if (strcmp(it->change, "moved") == 0)
        return arena_printf(a, uk ? "Зустріч перенесено: %s" : "Your meeting with %s has moved",
                            with);
    if (strcmp(it->change, "cancelled") == 0)
        return arena_printf(a, uk ? "Зустріч скасовано: %s" : "Your meeting with %s is cancelled",
                            with);
    if (strcmp(it->change, "removed") == 0)
        return arena_printf(a, uk ? "Зустріч знято з розкладу: %s"
                                  : "Your meeting with %s is off your agenda for now",
                            with);
    return arena_printf(a, uk ? "Нова зустріч: %s" : "New meeting with %s", with);
}

static int compose_meetings(const struct app_mail_facts *f, struct arena *a, bool uk,
                            const char **subject, const char **body)
{
    if (f->items_n < 1)
        return -1;
    struct buf b = BUF_INIT(0);
    bool agenda = strcmp(f->kind, "agenda") == 0;
    if (strcmp(f->kind, "day") == 0) {
        /* a day's meetings, the organisers' mail on its eve or morning */
        const char *day = app_mail_day(f->items[0].starts_at, uk ? "uk" : "en", a);
        if (!day)
            return -1;
        *subject = arena_printf(a, uk ? "Ваші зустрічі на заході «%s»: %s"
                                      : "Your meetings on %s: %s",
                                uk ? f->event : day, uk ? day : f->event);
        buf_printf(&b, uk ? "Добрий день!\n\nВаші зустрічі на заході «%s», %s (%d):\n\n"
                          : "Hello,\n\nYour meetings at %s on %s (%d):\n\n",
                   f->event, day, f->items_n);
    } else if (agenda) {
        *subject = arena_printf(a, uk ? "Ваші зустрічі на заході «%s»" : "Your meetings at %s",
                                f->event);
        buf_printf(&b, uk ? "Добрий день!\n\nОрганізатори оприлюднили розклад заходу «%s». "
                            "Ваші зустрічі (%d):\n\n"
                          : "Hello,\n\nThe organisers have published the agendas of %s. Your "
                            "meetings (%d):\n\n",
                   f->event, f->items_n);
    } else {
        *subject = f->items_n == 1
                       ? one_change_subject(&f->items[0], a, uk)
                       : arena_printf(a, uk ? "Зміни у ваших зустрічах на заході «%s»"
                                            : "Changes to your meetings at %s",
                                      f->event);
        if (f->by)
            buf_printf(&b, uk ? "Добрий день!\n\nЗміни у ваших зустрічах на заході «%s» "
                                "(ініціатор змін: %s):\n\n"
                              : "Hello,\n\nChanges to your meetings at %s, made by %s:\n\n",
                       f->event, f->by);
        else if (f->replanned)
            buf_printf(&b, uk ? "Добрий день!\n\nРозклад заходу «%s» переплановано, щоб "
                                "вмістити нові погоджені зустрічі, і ваші зустрічі "
                                "змінилися:\n\n"
                              : "Hello,\n\nThe schedule of %s was re-planned to fit in newly "
                                "agreed meetings, and yours changed:\n\n",
                       f->event);
        else
            buf_printf(&b, uk ? "Добрий день!\n\nОрганізатори форуму змінили ваші зустрічі на "
                                "заході «%s»:\n\n"
                              : "Hello,\n\nThe forum's organisers have changed your meetings "
                                "at %s:\n\n",
                       f->event);
        /* one edit that moved her meetings and named the video service: one mail */
        if (f->video && f->relinked)
            buf_puts(&b, uk ? "Вони також змінили відеосервіс онлайн-зустрічей: посилання, "
                              "надіслані раніше, більше не діють; кожна онлайн-зустріч нижче "
                              "має нове посилання.\n\n"
                            : "They have also changed the video service of its online meetings: "
                              "the links sent before no longer work; each online meeting below "
                              "has its new link.\n\n");
        else if (f->video)
            buf_puts(&b, uk ? "Вони також назвали відеосервіс онлайн-зустрічей: кожна "
                              "онлайн-зустріч нижче має посилання, щоб приєднатися.\n\n"
                            : "They have also named the video service of its online meetings: "
                              "each online meeting below has its link to join.\n\n");
    }
    int bad = b.len == 0;
    for (int i = 0; i < f->items_n; i++)
        bad |= item_lines(f, &f->items[i], a, uk, &b) < 0;
    if (strcmp(f->kind, "day") == 0)
        bad |= buf_puts(&b, uk ? "\nЯкщо не зможете прийти на якусь із них, повідомте партнера "
                                 "й стійку організаторів: вас чекатимуть.\n"
                               : "\nIf you cannot come to one of them, tell your partner and "
                                 "the organisers' desk: they will be waiting for you.\n") < 0;
    bad |= buf_printf(&b, uk ? "\nВаш розклад, завжди актуальний:\n%s/agenda\n%s"
                             : "\nYour agenda, always up to date:\n%s/agenda\n%s",
                      f->public_url, closing(f, a, uk)) < 0;
    *body = bad ? NULL : arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return 0;
}

/* The link to join her online meetings, once the organisers named the
 * event's video service or changed it (relinked): each with its time,
 * partner and link, as an agenda lists it. */
static int compose_video_link(const struct app_mail_facts *f, struct arena *a, bool uk,
                              const char **subject, const char **body)
{
    if (f->items_n < 1)
        return -1;
    *subject = arena_printf(a, uk ? "Посилання на ваші онлайн-зустрічі на заході «%s»"
                            : f->items_n == 1 ? "The link to join your online meeting at %s"
                                              : "The links to join your online meetings at %s",
                            f->event);
    struct buf b = BUF_INIT(0);
    int bad = buf_puts(&b, uk ? "Добрий день!\n\n" : "Hello,\n\n") < 0;
    if (f->relinked)
        bad |= buf_printf(&b, uk ? "Організатори заходу «%s» змінили відеосервіс "
                                   "онлайн-зустрічей: посилання, надіслані раніше, більше не "
                                   "діють. Нові посилання на ваші онлайн-зустрічі (%d):\n\n"
                                 : "The organisers of %s have changed the video service of its "
                                   "online meetings: the links sent before no longer work. The "
                                   "new links to join your online meetings (%d):\n\n",
                          f->event, f->items_n) < 0;
    else
        bad |= buf_printf(&b, uk ? "Організатори заходу «%s» назвали відеосервіс "
                                   "онлайн-зустрічей. Посилання, щоб приєднатися до ваших "
                                   "онлайн-зустрічей (%d):\n\n"
                                 : "The organisers of %s have named the video service of its "
                                   "online meetings. The links to join your online meetings "
                                   "(%d):\n\n",
                          f->event, f->items_n) < 0;
    for (int i = 0; i < f->items_n; i++)
        bad |= item_lines(f, &f->items[i], a, uk, &b) < 0;
    bad |= buf_printf(&b, uk ? "\nВаш розклад і календар теж містять ці посилання:\n%s/agenda\n%s"
                             : "\nYour agenda and calendar carry these links too:\n%s/agenda\n%s",
                      f->public_url, closing(f, a, uk)) < 0;
    *body = bad ? NULL : arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return *subject && *body ? 0 : -1;
}

/* The organisers' reminder (POST /console/events/{id}/remind-to-answer):
 * who asks her, and that a request nobody answers gets no meeting. */
static int compose_to_answer(const struct app_mail_facts *f, struct arena *a, bool uk,
                             const char **subject, const char **body)
{
    int n = f->items_n + f->items_more;
    if (f->items_n < 1 || !f->event)
        return -1;
    *subject = uk ? arena_printf(a, n == 1 ? "Запит на зустріч чекає на вашу відповідь: «%s»"
                                           : "Запити на зустріч чекають на вашу відповідь: «%s»",
                                 f->event)
                  : n == 1 ? arena_printf(a, "A meeting request waits for your answer: %s", f->event)
                           : arena_printf(a, "%d meeting requests wait for your answer: %s", n,
                                          f->event);
    struct buf b = BUF_INIT(0);
    int bad = buf_printf(&b, uk ? "Добрий день!\n\nНа заході «%s» ви ще не відповіли на %s:\n\n"
                                : "Hello,\n\nAt %s, %s your answer:\n\n",
                         f->event,
                         uk ? uk_count(a, n, "запит на зустріч", "запити на зустріч",
                                       "запитів на зустріч")
                            : n == 1 ? "a meeting request waits for"
                                     : arena_printf(a, "%d meeting requests wait for", n)) < 0;
    for (int i = 0; i < f->items_n; i++)
        bad |= buf_printf(&b, "- %s\n", name_org(a, f->items[i].other, f->items[i].other_org)) < 0;
    if (f->items_more > 0)
        bad |= buf_printf(&b, uk ? "- і ще %d\n" : "- and %d more\n", f->items_more) < 0;
    bad |= buf_printf(&b, uk ? "\nПрийняти або відхилити %s можна на сторінці ваших запитів:\n"
                               "%s/requests\n\nОрганізатори вносять до розкладу лише прийняті "
                               "зустрічі: запит без відповіді зустрічі не отримає.\n%s"
                             : "\nAccept or decline %s on your requests page:\n%s/requests\n\n"
                               "The organisers place only accepted meetings in the agendas: a "
                               "request left unanswered gets no meeting.\n%s",
                      n == 1 ? (uk ? "його" : "it") : (uk ? "їх" : "them"), f->public_url,
                      closing(f, a, uk)) < 0;
    *body = bad ? NULL : arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return *subject && *body ? 0 : -1;
}

/* The organisers' question after meetings (POST /console/events/{id}/
 * ask-outcomes): those she has said nothing of, where she says it, and
 * that her note is hers and the funders see counts only. */
static int compose_outcomes(const struct app_mail_facts *f, struct arena *a, bool uk,
                            const char **subject, const char **body)
{
    int n = f->items_n + f->items_more;
    if (f->items_n < 1 || !f->event)
        return -1;
    bool one = n == 1;
    *subject = arena_printf(a, uk ? (one ? "Як минула ваша зустріч на заході «%s»?"
                                         : "Як минули ваші зустрічі на заході «%s»?")
                                  : (one ? "How did your meeting at %s go?"
                                         : "How did your meetings at %s go?"),
                            f->event);
    struct buf b = BUF_INIT(0);
    int bad = buf_puts(&b, uk ? "Добрий день!\n\n" : "Hello,\n\n") < 0;
    if (one)
        bad |= buf_printf(&b, uk ? "Як минула ваша зустріч на заході «%s»? Ви ще не сказали, "
                                   "до чого вона привела:\n\n"
                                 : "How did your meeting at %s go? You have not said yet what "
                                   "it led to:\n\n",
                          f->event) < 0;
    else if (uk)   /* "привела 21 зустріч", "привели 2 зустрічі", "привели 5 зустрічей" */
        bad |= buf_printf(&b, "Як минули ваші зустрічі на заході «%s»? Ви ще не сказали, до "
                              "чого %s %s:\n\n",
                          f->event, n % 10 == 1 && n % 100 != 11 ? "привела" : "привели",
                          uk_count(a, n, "зустріч", "зустрічі", "зустрічей")) < 0;
    else
        bad |= buf_printf(&b, "How did your meetings at %s go? You have not said yet what "
                              "these %d led to:\n\n",
                          f->event, n) < 0;
    for (int i = 0; i < f->items_n; i++)
        bad |= item_lines(f, &f->items[i], a, uk, &b) < 0;
    if (f->items_more > 0)
        bad |= buf_printf(&b, uk ? "- і ще %d\n" : "- and %d more\n", f->items_more) < 0;
    bad |= buf_printf(&b, uk ? "\nВідповісти можна одним дотиком у вашому розкладі, біля "
                               "кожної зустрічі:\n%s/agenda\n\nВаша нотатка — лише ваша: її "
                               "не бачить ніхто інший. Донори форуму бачать лише, скільки "
                               "зустрічей до чого привели, і ніколи — вашого імені.\n%s"
                             : "\nSay it with one tap on your agenda, beside each meeting:\n"
                               "%s/agenda\n\nYour note is yours alone: nobody else sees it. "
                               "The forum's funders see only how many meetings led to what, "
                               "never your name.\n%s",
                      f->public_url, closing(f, a, uk)) < 0;
    *body = bad ? NULL : arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return *subject && *body ? 0 : -1;
}

int app_mail_compose(const struct app_mail_facts *f, struct arena *a, const char **subject,
                     const char **body)
{
    static const struct {
        const char *kind;
        int (*fn)(const struct app_mail_facts *, struct arena *, bool, const char **,
                  const char **);
    } kinds[] = {{"request", compose_request},       {"accepted", compose_answer},
                 {"declined", compose_answer},       {"booked", compose_answer},
                 {"introduced", compose_introduced}, {"message", compose_message},
                 {"agenda", compose_meetings},       {"changed", compose_meetings},
                 {"reset", compose_link},            {"signin", compose_link},
                 {"approved", compose_link},         {"not_approved", compose_not_approved},
                 {"invitation", compose_invitation},   {"announcement", compose_announcement},
                 {"video_link", compose_video_link}, {"attendee", compose_attendee_change},
                 {"attendee_off", compose_attendee_change}, {"to_answer", compose_to_answer},
                 {"day", compose_meetings}, {"outcomes", compose_outcomes},
                 {"organisers", compose_organisers}};
    bool uk = f->lang && strcmp(f->lang, "uk") == 0;
    *subject = *body = NULL;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (f->kind && strcmp(f->kind, kinds[i].kind) == 0 &&
            kinds[i].fn(f, a, uk, subject, body) < 0)
            return -1;
    return *subject && *body ? 0 : -1;
}

const char *app_mail_org_name(struct store *s, const char *id, const char *lang,
                              struct arena *a, struct df_err *err)
{
    struct store_org o;
    if (store_org_get(s, id, a, &o, err) < 0)
        return NULL;
    return strcmp(lang, "uk") == 0 && o.name_uk && *o.name_uk ? o.name_uk : o.name;
}

const char *app_mail_event_name(const struct store_event *ev, const char *lang)
{
    return strcmp(lang, "uk") == 0 && ev->name_uk && *ev->name_uk ? ev->name_uk : ev->name;
}

int app_mail_forum_open(struct store *s, long long now, struct arena *a,
                        struct app_mail_forum *m, struct df_err *err)
{
    *m = (struct app_mail_forum){0};
    int on = store_mail_config_get(s, a, &m->url, err);
    if (on < 0)
        return -1;
    if (!on) {
        df_err_set(err, DF_ERR_CONFLICT, "the forum sends no mail: turn it on (dfnc mail setup "
                                         "--public-url URL, or serve --smtp)");
        return df_err_code(err, "mail_off", "field", "mail", NULL);
    }
    m->url_n = (int)strlen(m->url);
    while (m->url_n > 0 && m->url[m->url_n - 1] == '/')
        m->url_n--;
    struct df_err none = {0};
    const char *ev = app_forum_event(s, now, a, &none);
    if (!ev && none.kind != DF_ERR_NOT_FOUND) {
        *err = none;
        return -1;
    }
    m->has_event = ev != NULL;
    return ev ? store_event_get(s, ev, a, &m->ev, err) : 0;
}

int app_mail_to_get(struct store *s, const char *person, struct arena *a,
                    struct app_mail_to *to, struct df_err *err)
{
    const char *url;
    int on = store_mail_config_get(s, a, &url, err);
    if (on <= 0)
        return on;
    struct store_person p;
    if (store_person_get(s, person, a, &p, err) < 0)
        return -1;
    if (!mailmsg_address_ok(p.email))
        return 0;   /* no address (or none a header could carry): no mail */
    int wants = store_mail_notify_get(s, p.id, err);
    if (wants <= 0)
        return wants;
    const char *ui;
    struct store_org o;
    if (store_person_ui_language(s, p.id, a, &ui, err) < 0 ||
        store_org_get(s, p.org, a, &o, err) < 0)
        return -1;
    *to = (struct app_mail_to){.person = p.id, .email = p.email, .public_url = url,
                               .lang = app_person_language(ui, p.languages, o.country)};
    return 1;
}

int app_mail_to_of_row(struct app_mail_to *to, const char *person, const char *email,
                       const char *ui_language, const char *languages, const char *country,
                       const char *public_url, struct arena *a)
{
    const char *lang = app_person_language(ui_language, languages, country);
    *to = (struct app_mail_to){.person = person, .email = arena_strdup(a, email),
                               .public_url = public_url,
                               /* app_person_language may answer with ui_language itself */
                               .lang = strcmp(lang, "uk") == 0 ? "uk" : "en"};
    return to->email ? 0 : -1;
}

int app_mail_to_asked(struct store *s, const char *person, const char *email,
                      const char *languages, const char *country, struct arena *a,
                      struct app_mail_to *to, struct df_err *err)
{
    const char *url;
    int on = store_mail_config_get(s, a, &url, err);
    if (on <= 0 || !mailmsg_address_ok(email))
        return on < 0 ? -1 : 0;
    const char *ui = NULL;
    if (person) {
        struct store_person p;
        struct store_org o;
        if (store_person_get(s, person, a, &p, err) < 0 ||
            store_person_ui_language(s, p.id, a, &ui, err) < 0 ||
            store_org_get(s, p.org, a, &o, err) < 0)
            return -1;
        languages = p.languages;
        country = o.country;
    }
    *to = (struct app_mail_to){.person = person, .email = email, .public_url = url,
                               .lang = app_person_language(ui, languages, country)};
    return 1;
}

int app_mail_queue(struct store *s, const struct app_mail_to *to, struct app_mail_facts *f,
                   struct arena *a, struct df_err *err)
{
    f->lang = to->lang;
    f->public_url = to->public_url;
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    char id[24];
    snprintf(id, sizeof id, "mail-%02x%02x%02x%02x%02x%02x%02x%02x", raw[0], raw[1], raw[2],
             raw[3], raw[4], raw[5], raw[6], raw[7]);
    char expires[DATE_UTC_TEXT_SIZE];
    struct store_mail m = {.id = id, .to = to->email, .person = to->person, .kind = f->kind,
                           .thread = f->thread};
    if (f->link) {
        date_utc_text(f->link_expires_at, expires);
        m.link_expires_at = expires;
    }
    int rc = app_mail_compose(f, a, &m.subject, &m.body) < 0
                 ? df_err_set(err, DF_ERR_RUNTIME, "out of memory writing a mail")
                 : store_mail_enqueue(s, &m, err);
    /* the arena's copy of a link's body would outlive the mail's row */
    if (f->link && m.body)
        sodium_memzero((char *)m.body, strlen(m.body));
    return rc;
}

int app_mail_link(struct store *s, const struct app_mail_to *to, const char *kind,
                  const char *link, int64_t now, int64_t expires_at, struct arena *a,
                  struct df_err *err)
{
    struct app_mail_facts f = {.kind = kind, .link = link, .link_seconds = expires_at - now,
                               .link_expires_at = expires_at};
    return app_mail_queue(s, to, &f, a, err);
}

/* Queues the mail of request r's kind to its person p (about p's partner;
 * an attendee's also names the party she joins). */
static int request_mail_to(struct store *s, const struct store_request *r, const char *kind,
                           const struct store_mail_person *p, struct arena *a,
                           struct df_err *err)
{
    struct app_mail_to to;
    int goes = app_mail_to_get(s, p->person, a, &to, err);
    if (goes <= 0)
        return goes;
    struct store_person other, joins;
    struct store_event ev;
    bool attendee = p->role == STORE_MAIL_ATTENDEE;
    if (store_person_get(s, p->partner, a, &other, err) < 0 ||
        (attendee && store_person_get(s, strcmp(p->partner, r->to) == 0 ? r->from : r->to, a,
                                      &joins, err) < 0) ||
        store_event_get(s, r->event, a, &ev, err) < 0)
        return -1;
    struct app_mail_facts f = {
        .kind = kind, .other = other.name, .message = r->message,
        .other_org = app_mail_org_name(s, other.org, to.lang, a, err),
        .event = app_mail_event_name(&ev, to.lang), .timezone = ev.timezone,
        .to_addressee = p->role == STORE_MAIL_ADDRESSEE};
    if (!f.other_org)
        return -1;
    if (attendee) {
        f.joins = joins.name;
        if (!(f.joins_org = app_mail_org_name(s, joins.org, to.lang, a, err)))
            return -1;
    }
    if (strcmp(kind, "accepted") == 0 || strcmp(kind, "booked") == 0) {
        struct store_meeting m;
        struct df_err none = {0};
        if (store_meeting_of_request(s, r->id, a, &m, &none) == 0) {
            f.starts_at = m.starts_at;
            f.ends_at = m.ends_at;
            f.table = m.location_name;
            f.video_url = m.video_url;
        } else if (none.kind != DF_ERR_NOT_FOUND) {
            *err = none;
            return -1;
        }
    }
    return app_mail_queue(s, &to, &f, a, err);
}

/* Whether the mail of kind goes to a request's person of role: a request
 * sent to its addressee; an answer to its requester, and an accept to its
 * attendees too (their meeting is agreed); a booking to all its people; an
 * introduction to its two (nobody attends a request the organisers make). */
static bool request_mail_reaches(const char *kind, enum store_mail_role role)
{
    if (strcmp(kind, "request") == 0)
        return role == STORE_MAIL_ADDRESSEE;
    if (strcmp(kind, "declined") == 0)
        return role == STORE_MAIL_REQUESTER;
    if (strcmp(kind, "accepted") == 0)
        return role != STORE_MAIL_ADDRESSEE;
    if (strcmp(kind, "introduced") == 0)
        return role != STORE_MAIL_ATTENDEE;
    return true;   /* booked */
}

/* Request r's people into *people (in a), as store_mail_request_people
 * reads them, while the forum sends mail: how many (0 when it sends none),
 * or -1 with err. */
static int request_people(struct store *s, const struct store_request *r, struct arena *a,
                          struct store_mail_person **people, struct df_err *err)
{
    const char *url;
    int on = store_mail_config_get(s, a, &url, err);
    return on <= 0 ? on : store_mail_request_people(s, r->id, a, people, err);
}

int app_mail_on_request(struct store *s, const struct store_request *r, const char *kind,
                        struct arena *a, struct df_err *err)
{
    struct store_mail_person *people;
    int n = request_people(s, r, a, &people, err);
    for (int i = 0; i < n; i++)
        if (request_mail_reaches(kind, people[i].role) &&
            request_mail_to(s, r, kind, &people[i], a, err) < 0)
            return -1;
    return n < 0 ? -1 : 0;
}

int app_mail_on_cancel(struct store *s, const struct store_request *r, const char *by_person,
                       struct arena *a, struct df_err *err)
{
    struct store_mail_person *people;
    struct store_person by;
    struct store_event ev;
    int n = request_people(s, r, a, &people, err);
    if (n <= 0)
        return n;
    if (store_event_get(s, r->event, a, &ev, err) < 0 ||
        (by_person && store_person_get(s, by_person, a, &by, err) < 0))
        return -1;
    for (int i = 0; i < n; i++) {
        struct app_mail_to to;
        int goes = by_person && strcmp(people[i].person, by_person) == 0
                       ? 0 : app_mail_to_get(s, people[i].person, a, &to, err);
        if (goes < 0)
            return -1;
        if (!goes)
            continue;
        struct store_person other;
        if (store_person_get(s, people[i].partner, a, &other, err) < 0)
            return -1;
        struct app_mail_item item = {.change = "cancelled", .other = other.name,
                                     .other_org = app_mail_org_name(s, other.org, to.lang, a,
                                                                    err)};
        struct app_mail_facts f = {.kind = "changed", .event = app_mail_event_name(&ev, to.lang),
                                   .timezone = ev.timezone, .by = by_person ? by.name : NULL,
                                   .items = &item, .items_n = 1};
        if (!item.other_org || app_mail_queue(s, &to, &f, a, err) < 0)
            return -1;
    }
    return 0;
}

/* A thread's people besides its author: its requester, addressee and a
 * few attendees. */
enum { READERS_MAX = 16 };

int app_mail_on_message(struct store *s, const char *request, const char *person,
                        const char *text, struct arena *a, struct df_err *err)
{
    const char *url;
    int on = store_mail_config_get(s, a, &url, err);
    if (on <= 0)
        return on;
    const char *ids[READERS_MAX];
    bool told[READERS_MAX];
    int n = store_message_readers(s, request, person, a, ids, told, READERS_MAX, err);
    if (n < 0)
        return -1;
    struct store_request r;
    struct store_event ev;
    struct store_person author;
    if (n && (store_request_get(s, request, a, &r, err) < 0 ||
              store_event_get(s, r.event, a, &ev, err) < 0 ||
              store_person_get(s, person, a, &author, err) < 0))
        return -1;
    for (int i = 0; i < n; i++) {
        /* a mail told her of a message she has not read yet: one mail per
         * thread until she reads it (however many came while mail was off,
         * the forum's or hers: those told her nothing) */
        if (told[i])
            continue;
        struct app_mail_to to;
        int goes = app_mail_to_get(s, ids[i], a, &to, err);
        if (goes < 0)
            return -1;
        if (!goes)
            continue;
        struct app_mail_facts f = {.kind = "message", .thread = request,
                                   .other = author.name, .message = text,
                                   .other_org = app_mail_org_name(s, author.org, to.lang, a,
                                                                  err),
                                   .event = app_mail_event_name(&ev, to.lang)};
        if (!f.other_org || app_mail_queue(s, &to, &f, a, err) < 0)
            return -1;
    }
    return 0;
}

long long app_mail_retry_after(int attempts)
{
    static const long long after[] = {60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600};
    return attempts >= 1 && attempts <= 5 ? after[attempts - 1] : -1;
}

/* Sends mail m at now, from_name the From's display name (NULL: none); 0
 * sent, -1 with why. */
static int send_one(const struct app_mail_sender *o, struct smtp_client *k,
                    const char *from_name, const struct store_mail *m, long long now,
                    struct df_err *why)
{
    struct buf msg = BUF_INIT(MAIL_MAX);
    struct mailmsg mm = {.from = o->from, .from_name = from_name, .to = m->to,
                         .subject = m->subject, .body = m->body, .message_id = m->id,
                         .date = now};
    int rc = mailmsg_write(&mm, &msg, why);
    if (rc == 0)
        rc = smtp_client_send(k, o->from, m->to, buf_str(&msg), msg.len, why);
    if (m->link_expires_at && msg.data)   /* its copy of a working link */
        sodium_memzero(msg.data, msg.cap);
    buf_free(&msg);
    return rc;
}

int app_mail_send_due(struct store *s, const struct app_mail_sender *o, long long now,
                      struct app_mail_run *run, struct df_err *err)
{
    char at[DATE_UTC_TEXT_SIZE], lease[DATE_UTC_TEXT_SIZE];
    date_utc_text(now, at);
    date_utc_text(now + LEASE_SECONDS, lease);
    *run = (struct app_mail_run){0};
    struct smtp_client *k = NULL;   /* one connection for the whole run */
    int rc = 0;
    for (;;) {
        struct arena a;
        arena_init(&a, 0);
        struct store_mail *due;
        int n = 0;
        const char *name = o->from_name;
        if (store_mail_take_due(s, at, lease, TAKE_MAX, &a, &due, &n, err) < 0 ||
            (!*name && n && store_mail_sender_name(s, &a, &name, err) < 0) ||
            (n && !k && !(k = smtp_client_new(&o->smtp, err)))) {
            arena_free(&a);
            rc = -1;
            break;
        }
        for (int i = 0; i < n && rc == 0; i++) {
            struct df_err why = {0};
            if (send_one(o, k, name, &due[i], now, &why) == 0) {
                run->sent++;
                log_msg(LOG_INFO, "event=mail_sent mail=%s kind=%s", due[i].id, due[i].kind);
                rc = store_mail_mark_sent(s, due[i].id, at, err);
            } else {
                /* an address refused as such is never worth a second try */
                long long wait = why.kind == DF_ERR_INPUT
                                     ? -1 : app_mail_retry_after(due[i].attempts + 1);
                char next[DATE_UTC_TEXT_SIZE];
                if (wait >= 0)
                    date_utc_text(now + wait, next);
                run->failed++;
                run->given_up += wait < 0;
                log_msg(LOG_WARN, "event=mail_failed mail=%s attempt=%d error=\"%s\"",
                        due[i].id, due[i].attempts + 1, why.msg);
                rc = store_mail_mark_failed(s, due[i].id, at, wait >= 0 ? next : NULL, why.msg,
                                            err);
            }
        }
        arena_free(&a);
        if (rc < 0 || n < TAKE_MAX)
            break;
    }
    smtp_client_free(k);
    return rc < 0 ? -1 : 0;
}

struct app_mail_thread {
    struct ticker *ticker;
    struct store *s;
    struct app_mail_sender o;
};

static void send_due_tick(void *ud)
{
    struct app_mail_thread *t = ud;
    struct app_mail_run run;
    struct df_err err = {0};
    if (app_mail_send_due(t->s, &t->o, (long long)time(NULL), &run, &err) < 0)
        log_msg(LOG_ERROR, "event=mail_sender_failed error=\"%s\"", err.msg);
}

int app_mail_thread_start(const char *db_path, const struct app_mail_sender *o, int every,
                          struct app_mail_thread **out, struct df_err *err)
{
    struct app_mail_thread *t = calloc(1, sizeof *t);
    if (!t)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the mail sender");
    t->o = *o;
    if (store_open(&t->s, db_path, err) < 0) {
        free(t);
        return -1;
    }
    t->ticker = ticker_start(every > 0 ? every : 10, send_due_tick, t);
    if (!t->ticker) {
        store_close(t->s);
        free(t);
        return df_err_set(err, DF_ERR_RUNTIME, "could not start the mail sender's thread");
    }
    *out = t;
    return 0;
}

void app_mail_thread_stop(struct app_mail_thread *t)
{
    if (!t)
        return;
    ticker_stop(t->ticker);
    store_close(t->s);
    free(t);
}
