/* The organisers' announcements (app/announcements.h). */
#include "app/announcements.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/mail.h"
#include "core/date.h"
#include "io/mailmsg.h"
#include "store/announcements.h"
#include "store/mail.h"

struct listing {
    json_t *list;
    bool with_author;
};

static int add_row(void *ud, const struct store_announcement *a)
{
    struct listing *l = ud;
    char id[24];
    snprintf(id, sizeof id, "%" PRId64, a->id);
    json_t *j = json_pack("{ss ss ss? ss ss? ss?}", "id", id, "text", a->text, "text_uk",
                          a->text_uk, "created_at", a->created_at, "shows_from", a->shows_from,
                          "shows_until", a->shows_until);
    if (j && l->with_author &&
        json_object_set_new(j, "created_by", json_string(a->created_by)) < 0) {
        json_decref(j);
        j = NULL;
    }
    return j && json_array_append_new(l->list, j) == 0 ? 0 : -1;
}

/* The rows walk gives (shown now, or ahead) as a JSON array; NULL with err. */
static json_t *listed(struct store *s, const char *now, bool organiser, bool ahead,
                      struct df_err *err)
{
    struct listing l = {json_array(), organiser};
    if (!l.list) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    int rc = ahead ? store_announcement_each_ahead(s, now, APP_ANNOUNCEMENTS_AHEAD, add_row, &l, err)
                   : store_announcement_each(s, now, APP_ANNOUNCEMENTS_SHOWN, add_row, &l, err);
    if (rc != 0) {
        if (!err->msg[0])   /* add_row stopped the walk: out of memory */
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the announcements");
        json_decref(l.list);
        return NULL;
    }
    return l.list;
}

json_t *app_announcements_json(struct store *s, bool organiser, long long now,
                               struct df_err *err)
{
    char at[DATE_UTC_TEXT_SIZE];
    date_utc_text(now, at);
    json_t *shown = listed(s, at, organiser, false, err);
    json_t *ahead = shown && organiser ? listed(s, at, organiser, true, err) : NULL;
    if (!shown || (organiser && !ahead)) {
        json_decref(shown);
        return NULL;
    }
    json_t *j = json_pack("{so}", "announcements", shown);
    if (j && ahead && json_object_set_new(j, "ahead", ahead) < 0) {
        json_decref(j);
        j = NULL;
    }
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the announcements");
    return j;
}

/* in's time named field as UTC text into out (NULL: none given); *at its
 * instant. DF_ERR_INPUT naming the field for one that is not ISO 8601 with
 * its offset. */
static int when_given(const char *v, const char *field, char out[DATE_UTC_TEXT_SIZE],
                      long long *at, struct df_err *err)
{
    if (!v || !*v)
        return 0;
    if (!date_time_is_valid(v) || !date_time_instant(v, at)) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s \"%.40s\" is not a time with its offset, such as 2027-02-16T12:15+01:00",
                   field, v);
        return df_err_code(err, "invalid_time", "field", field, "value", v, NULL);
    }
    date_utc_text(*at, out);
    return 1;
}

/* What every announcement's mail shares, for the walk of its readers. */
struct mailing {
    struct store *s;
    const struct app_announcement_in *in;
    const char *url;
    const struct store_event *ev;   /* the forum's event; NULL: none */
    int queued;
    struct df_err *err;
};

/* Queues the announcement's mail to r, in her language, when her address
 * can carry one; composed in an arena of its own, freed at once. */
static int mail_one(void *ud, const struct store_mail_reader *r)
{
    struct mailing *m = ud;
    if (!mailmsg_address_ok(r->email))
        return 0;   /* no address a header could carry: no mail */
    const char *lang = app_person_language(r->ui_language, r->languages, r->country);
    bool uk = strcmp(lang, "uk") == 0;
    struct app_mail_to to = {.person = r->person, .email = r->email, .lang = lang,
                             .public_url = m->url};
    struct app_mail_facts f = {
        .kind = "announcement",
        .message = uk && m->in->text_uk ? m->in->text_uk : m->in->text,
        .event = m->ev ? app_mail_event_name(m->ev, lang) : NULL};
    struct arena one;
    arena_init(&one, 0);
    int rc = app_mail_queue(m->s, &to, &f, &one, m->err);
    arena_free(&one);
    m->queued += rc == 0;
    return rc;
}

/* In the caller's transaction: queues in's mail to everyone a mail may go
 * to now (store_mail_readers_each), naming the forum's event at now; how
 * many, or -1 with err (app_mail_forum_open's mail_off while the forum
 * sends none). */
static int mail_everyone(struct store *s, const struct app_announcement_in *in, long long now,
                         struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_forum f;
    struct mailing m = {.s = s, .in = in, .err = err};
    int rc = -1;
    if (app_mail_forum_open(s, now, &a, &f, err) == 0 &&
        (m.url = arena_strndup(&a, f.url, (size_t)f.url_n))) {
        m.ev = f.has_event ? &f.ev : NULL;
        rc = store_mail_readers_each(s, mail_one, &m, err) == 0 ? m.queued : -1;
    } else if (!err->msg[0]) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    arena_free(&a);
    return rc;
}

json_t *app_announcement_add(struct store *s, const char *actor,
                             const struct app_announcement_in *in, long long now,
                             struct df_err *err)
{
    const char *text_uk = in->text_uk && *in->text_uk ? in->text_uk : NULL;
    char from[DATE_UTC_TEXT_SIZE], until[DATE_UTC_TEXT_SIZE];
    long long from_at = now, until_at = 0;
    int has_from = when_given(in->shows_from, "shows_from", from, &from_at, err);
    int has_until = has_from < 0 ? -1 : when_given(in->shows_until, "shows_until", until, &until_at, err);
    if (has_from < 0 || has_until < 0)
        return NULL;
    if (has_until && until_at <= (from_at > now ? from_at : now)) {
        df_err_set(err, DF_ERR_INPUT, "shows_until must come after %s: it would never be shown",
                   from_at > now ? "shows_from" : "now, by the forum's clock");
        df_err_code(err, "ends_before_shown", "field", "shows_until", NULL);
        return NULL;
    }
    if (in->mail && from_at > now) {
        df_err_set(err, DF_ERR_INPUT, "an announcement written ahead is not mailed: mail goes "
                                      "at once, before it shows; mail it once it shows");
        df_err_code(err, "mail_ahead", "field", "mail", NULL);
        return NULL;
    }
    int64_t id = 0;
    char idtext[24], said[48];
    if (store_begin(s, err) < 0)
        return NULL;
    int rc = store_announcement_add(s, in->text, text_uk, actor, has_from ? from : NULL,
                                    has_until ? until : NULL, &id, err);
    snprintf(idtext, sizeof idtext, "%" PRId64, id);
    int mailed = rc < 0 || !in->mail ? 0 : mail_everyone(s, &(struct app_announcement_in){
                                                             .text = in->text, .text_uk = text_uk},
                                                         now, err);
    snprintf(said, sizeof said, "mailed to %d", mailed);
    if (rc < 0 || mailed < 0 ||
        store_audit(s, actor, "announcement.add", "announcement", idtext,
                    in->mail ? said : NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return NULL;
    }
    json_t *all = app_announcements_json(s, true, now, err), *x, *out = NULL;
    size_t i;
    json_array_foreach(json_object_get(all, "announcements"), i, x)
        if (!out && strcmp(json_string_value(json_object_get(x, "id")), idtext) == 0)
            out = json_incref(x);
    json_array_foreach(json_object_get(all, "ahead"), i, x)
        if (!out && strcmp(json_string_value(json_object_get(x, "id")), idtext) == 0)
            out = json_incref(x);
    json_decref(all);
    if (!out && all)
        df_err_set(err, DF_ERR_RUNTIME, "the announcement was kept but could not be read back");
    if (out && in->mail && json_object_set_new(out, "mailed", json_integer(mailed)) < 0) {
        json_decref(out);
        out = NULL;
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    }
    return out;
}

int app_announcement_withdraw(struct store *s, const char *actor, const char *id,
                              struct df_err *err)
{
    char *end = NULL;
    long long n = id && *id >= '0' && *id <= '9' ? strtoll(id, &end, 10) : -1;
    if (n <= 0 || !end || *end)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no announcement \"%.32s\" is shown", id);
    if (store_begin(s, err) < 0)
        return -1;
    int gone = store_announcement_withdraw(s, n, err);
    if (gone == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "no announcement \"%.32s\" is shown", id);
    if (gone <= 0 ||
        store_audit(s, actor, "announcement.withdraw", "announcement", id, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}
