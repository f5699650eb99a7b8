/* The mail dfnc sends people (app/mail.h): the texts in English and
 * Ukrainian, the outbox filled in the action's transaction, the sender. */
#include "app/mail.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/log.h"
#include "io/ics.h"
#include "io/mailmsg.h"
#include "store/mail.h"

/* The most mails one take leases, and how long: one whose sender died
 * mid-way is due again after the lease. */
enum { TAKE_MAX = 20, LEASE_SECONDS = 600, MAIL_MAX = 256 * 1024 };

const char *app_mail_language(const char *languages)
{
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
    return "en";
}

const char *app_mail_when(const char *timezone, const char *starts_at, const char *ends_at,
                          const char *lang, struct arena *a)
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
    int y, mo, d, h, mi, eh, emi;
    if (!starts_at || !ends_at ||
        sscanf(starts_at, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 ||
        sscanf(ends_at + (strlen(ends_at) > 11 ? 11 : 0), "%2d:%2d", &eh, &emi) != 2)
        return NULL;
    char day[11];
    snprintf(day, sizeof day, "%.10s", starts_at);
    if (!date_is_valid(day))
        return NULL;
    int wd = ((date_days_from_civil(y, mo, d) % 7) + 11) % 7;   /* 1970-01-01 a Thursday */
    char zoned[32], zone[80] = "";
    if (timezone && ics_zoned_time(timezone, starts_at, zoned, NULL) == 0)
        snprintf(zone, sizeof zone, " (%s, UTC%s)", timezone, zoned + 19);
    bool uk = strcmp(lang, "uk") == 0;
    return arena_printf(a, "%s%s %d %s %d, %02d:%02d–%02d:%02d%s",
                        uk ? days_uk[wd] : days_en[wd], uk ? "," : "", d,
                        uk ? months_uk[mo - 1] : months_en[mo - 1], y, h, mi, eh, emi, zone);
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

/* "Name (Organisation)", or the name alone. */
static const char *who(const struct app_mail_facts *f, struct arena *a)
{
    return f->other_org && *f->other_org ? arena_printf(a, "%s (%s)", f->other, f->other_org)
                                         : f->other;
}

/* The request's message, each line indented, after a line that says it. */
static const char *quoted_message(const struct app_mail_facts *f, struct arena *a, bool uk)
{
    if (!f->message || !*f->message)
        return "";
    struct buf b = BUF_INIT(0);
    buf_puts(&b, uk ? "\nПовідомлення:\n" : "\nTheir message:\n");
    for (const char *p = f->message; *p;) {
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
    const char *when = f->starts_at ? app_mail_when(f->timezone, f->starts_at, f->ends_at,
                                                    f->lang, a)
                                    : NULL;
    const char *meeting =
        when ? (uk ? arena_printf(a, "Зустріч: %s%s%s.\n", when, f->table ? ", стіл " : "",
                                  f->table ? f->table : "")
                   : arena_printf(a, "Your meeting: %s%s%s.\n", when,
                                  f->table ? ", table " : "", f->table ? f->table : ""))
             : (uk ? "Час і стіл зустрічі зʼявляться у вашому розкладі, щойно організатори "
                     "їх призначать.\n"
                   : "Its time and table will be on your agenda once the organisers place "
                     "the meeting.\n");
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

int app_mail_compose(const struct app_mail_facts *f, struct arena *a, const char **subject,
                     const char **body)
{
    bool uk = f->lang && strcmp(f->lang, "uk") == 0;
    *subject = *body = NULL;
    if (strcmp(f->kind, "request") == 0)
        compose_request(f, a, uk, subject, body);
    else if (strcmp(f->kind, "accepted") == 0 || strcmp(f->kind, "declined") == 0)
        compose_answer(f, a, uk, subject, body);
    return *subject && *body ? 0 : -1;
}

/* The name of organisation id in lang (its Ukrainian one when it has it). */
static const char *org_name(struct store *s, const char *id, const char *lang, struct arena *a,
                            struct df_err *err)
{
    struct store_org o;
    if (store_org_get(s, id, a, &o, err) < 0)
        return NULL;
    return strcmp(lang, "uk") == 0 && o.name_uk && *o.name_uk ? o.name_uk : o.name;
}

int app_mail_on_request(struct store *s, const struct store_request *r, const char *kind,
                        struct arena *a, struct df_err *err)
{
    const char *url;
    int on = store_mail_config_get(s, a, &url, err);
    if (on <= 0)
        return on;
    bool to_addressee = strcmp(kind, "request") == 0;
    struct store_person to, other;
    if (store_person_get(s, to_addressee ? r->to : r->from, a, &to, err) < 0 ||
        store_person_get(s, to_addressee ? r->from : r->to, a, &other, err) < 0)
        return -1;
    if (!mailmsg_address_ok(to.email))
        return 0;   /* no address (or none a header could carry): no mail */
    int wants = store_mail_notify_get(s, to.id, err);
    if (wants <= 0)
        return wants;
    struct store_event ev;
    if (store_event_get(s, r->event, a, &ev, err) < 0)
        return -1;
    /* the language she chose for the pages, else the first of uk and en she speaks */
    const char *ui;
    if (store_person_ui_language(s, to.id, a, &ui, err) < 0)
        return -1;
    const char *lang = ui ? ui : app_mail_language(to.languages);
    struct app_mail_facts f = {
        .kind = kind, .lang = lang, .other = other.name,
        .other_org = org_name(s, other.org, lang, a, err), .message = r->message,
        .event = strcmp(lang, "uk") == 0 && ev.name_uk && *ev.name_uk ? ev.name_uk : ev.name,
        .timezone = ev.timezone, .public_url = url};
    if (!f.other_org)
        return -1;
    if (strcmp(kind, "accepted") == 0) {
        struct store_meeting m;
        struct df_err none = {0};
        if (store_meeting_of_request(s, r->id, a, &m, &none) == 0) {
            f.starts_at = m.starts_at;
            f.ends_at = m.ends_at;
            f.table = m.location_name;
        } else if (none.kind != DF_ERR_NOT_FOUND) {
            *err = none;
            return -1;
        }
    }
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    char id[24];
    snprintf(id, sizeof id, "mail-%02x%02x%02x%02x%02x%02x%02x%02x", raw[0], raw[1], raw[2],
             raw[3], raw[4], raw[5], raw[6], raw[7]);
    struct store_mail m = {.id = id, .to = to.email, .person = to.id, .kind = kind};
    if (app_mail_compose(&f, a, &m.subject, &m.body) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory writing a mail");
    return store_mail_enqueue(s, &m, err);
}

long long app_mail_retry_after(int attempts)
{
    static const long long after[] = {60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600};
    return attempts >= 1 && attempts <= 5 ? after[attempts - 1] : -1;
}

/* Sends mail m at now; 0 sent, -1 with why. */
static int send_one(const struct app_mail_sender *o, const struct store_mail *m, long long now,
                    struct df_err *why)
{
    struct buf msg = BUF_INIT(MAIL_MAX);
    struct mailmsg mm = {.from = o->from, .to = m->to, .subject = m->subject, .body = m->body,
                         .message_id = m->id, .date = now};
    int rc = mailmsg_write(&mm, &msg, why);
    if (rc == 0)
        rc = smtp_send(&o->smtp, o->from, m->to, buf_str(&msg), msg.len, why);
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
    for (;;) {
        struct arena a;
        arena_init(&a, 0);
        struct store_mail *due;
        int n = 0;
        if (store_mail_take_due(s, at, lease, TAKE_MAX, &a, &due, &n, err) < 0) {
            arena_free(&a);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            struct df_err why = {0};
            int rc;
            if (send_one(o, &due[i], now, &why) == 0) {
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
            if (rc < 0) {
                arena_free(&a);
                return -1;
            }
        }
        arena_free(&a);
        if (n < TAKE_MAX)
            return 0;
    }
}

struct app_mail_thread {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    int every;
    struct store *s;
    struct app_mail_sender o;
};

static void *sender_main(void *ud)
{
    struct app_mail_thread *t = ud;
    pthread_mutex_lock(&t->lock);
    while (!t->stop) {
        pthread_mutex_unlock(&t->lock);
        struct app_mail_run run;
        struct df_err err = {0};
        if (app_mail_send_due(t->s, &t->o, (long long)time(NULL), &run, &err) < 0)
            log_msg(LOG_ERROR, "event=mail_sender_failed error=\"%s\"", err.msg);
        pthread_mutex_lock(&t->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += t->every;
        while (!t->stop && pthread_cond_timedwait(&t->wake, &t->lock, &until) == 0) {
        }
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

int app_mail_thread_start(const char *db_path, const struct app_mail_sender *o, int every,
                          struct app_mail_thread **out, struct df_err *err)
{
    struct app_mail_thread *t = calloc(1, sizeof *t);
    if (!t)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory starting the mail sender");
    t->o = *o;
    t->every = every > 0 ? every : 10;
    if (store_open(&t->s, db_path, err) < 0) {
        free(t);
        return -1;
    }
    pthread_mutex_init(&t->lock, NULL);
    pthread_cond_init(&t->wake, NULL);
    if (pthread_create(&t->thread, NULL, sender_main, t) != 0) {
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
    pthread_mutex_lock(&t->lock);
    t->stop = true;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->thread, NULL);
    store_close(t->s);
    pthread_mutex_destroy(&t->lock);
    pthread_cond_destroy(&t->wake);
    free(t);
}
