/* The organisers' mail to the people their list shows (app/people_mail.h). */
#include "app/people_mail.h"

#include <sodium.h>
#include <string.h>

#include "app/mail.h"
#include "store/mail.h"

struct picking {
    struct arena *a;
    const char **ids;
    int n, cap;
};

static int pick_one(void *ud, const struct store_web_person *p)
{
    struct picking *k = ud;
    if (k->n == k->cap) {
        int cap = k->cap ? 2 * k->cap : 64;
        const char **ids = arena_alloc(k->a, (size_t)cap * sizeof *ids);
        if (!ids)
            return -1;
        if (k->n)
            memcpy(ids, k->ids, (size_t)k->n * sizeof *ids);
        k->ids = ids;
        k->cap = cap;
    }
    return !(k->ids[k->n++] = arena_strdup(k->a, p->id));
}

int app_people_pick(struct store *s, const struct store_web_people_query *q, struct arena *a,
                    const char ***ids, int *n, struct df_err *err)
{
    struct store_web_people_query all = *q;
    all.limit = -1;
    all.offset = 0;
    struct picking k = {.a = a};
    *ids = NULL;
    *n = 0;
    int rc = store_web_people_page(s, &all, pick_one, &k, NULL, NULL, err);
    if (rc != 0) {
        if (!err->msg[0])   /* pick_one stopped the walk */
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the people");
        return -1;
    }
    *ids = k.ids;
    *n = k.n;
    return 0;
}

/* "" for NULL: a field of the digest and the audit line. */
static const char *or_none(const char *v)
{
    return v ? v : "";
}

/* The filters q holds as the audit line says them ("event=ev-1
 * no_meetings q=\"drone\""), in a; NULL when out of memory. */
static const char *filters_said(const struct store_web_people_query *q, struct arena *a)
{
    return arena_printf(a, "event=%s%s%s%s%s%s%s%s", q->event ? q->event : "none",
                        q->no_capabilities ? " no_capabilities" : "",
                        q->to_answer ? " to_answer" : "", q->not_arrived ? " not_arrived" : "",
                        q->no_meetings ? " no_meetings" : "", q->q ? " q=\"" : "",
                        or_none(q->q), q->q ? "\"" : "");
}

/* The digest of a send (its filters, the day they read, its words) as 64
 * hex digits into hex: the same send twice has the same one. */
static void send_digest(const struct store_web_people_query *q, const char *filters,
                        const struct app_people_mail_in *in, char hex[65])
{
    const char *parts[] = {filters,         or_none(q->day), in->subject, in->text,
                           or_none(in->subject_uk), or_none(in->text_uk)};
    unsigned char d[32];
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, sizeof d);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)   /* each with its NUL */
        crypto_generichash_update(&st, (const unsigned char *)parts[i], strlen(parts[i]) + 1);
    crypto_generichash_final(&st, d, sizeof d);
    sodium_bin2hex(hex, 65, d, sizeof d);
}

int app_people_mail(struct store *s, const char *actor, const struct store_web_people_query *q,
                    const struct app_people_mail_in *in, long long now,
                    struct app_people_mail *out, struct df_err *err)
{
    *out = (struct app_people_mail){0};
    const char *subject_uk = in->subject_uk && *in->subject_uk ? in->subject_uk : NULL;
    const char *text_uk = in->text_uk && *in->text_uk ? in->text_uk : NULL;
    struct arena a;
    arena_init(&a, 0);
    struct app_mail_forum forum;
    struct store_event ev;
    const char **ids = NULL, *url = NULL, *filters = filters_said(q, &a);
    int n = 0, rc = -1;
    char digest[65];
    if (!filters) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto done;
    }
    send_digest(q, filters, &(struct app_people_mail_in){.subject = in->subject, .text = in->text,
                                                          .subject_uk = subject_uk,
                                                          .text_uk = text_uk},
                digest);
    if (store_begin(s, err) < 0)
        goto done;
    if (app_mail_forum_open(s, now, &a, &forum, err) < 0 ||
        !(url = arena_strndup(&a, forum.url, (size_t)forum.url_n)) ||
        (q->event && store_event_get(s, q->event, &a, &ev, err) < 0))
        goto undo;
    if (!in->dry_run && !in->again) {
        int recent = store_people_mailing_recent(s, digest, APP_PEOPLE_MAIL_AGAIN_SECONDS, err);
        if (recent < 0)
            goto undo;
        if (recent) {
            df_err_set(err, DF_ERR_CONFLICT,
                       "the same mail went to the same people less than a minute ago: "
                       "send it again only if that is meant (\"again\": true)");
            df_err_code(err, "sent_just_now", NULL);
            goto undo;
        }
    }
    if (app_people_pick(s, q, &a, &ids, &n, err) < 0)
        goto undo;
    out->people = n;
    for (int i = 0; i < n; i++) {
        /* each composed in an arena of its own, freed at once */
        struct arena one;
        arena_init(&one, 0);
        struct app_mail_to to;
        int goes = app_mail_to_get(s, ids[i], &one, &to, err);
        if (goes > 0 && !in->dry_run) {
            bool uk = strcmp(to.lang, "uk") == 0;
            to.public_url = url;
            struct app_mail_facts f = {
                .kind = "organisers",
                .subject = uk && subject_uk ? subject_uk : in->subject,
                .message = uk && text_uk ? text_uk : in->text,
                .event = q->event ? app_mail_event_name(&ev, to.lang) : NULL};
            goes = app_mail_queue(s, &to, &f, &one, err) < 0 ? -1 : 1;
        }
        arena_free(&one);
        if (goes < 0)
            goto undo;
        out->mailed += goes;
        out->not_mailed += !goes;
    }
    if (in->dry_run) {
        rc = 0;
        goto undo;
    }
    const char *said = arena_printf(&a, "mailed %d of %d (%d without mail); %s", out->mailed,
                                    out->people, out->not_mailed, filters);
    if (!said) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto undo;
    }
    if (store_people_mailing_put(s, digest, out->mailed, err) < 0 ||
        store_audit(s, actor, "people.mail", "people", q->event, said, err) < 0 ||
        store_commit(s, err) < 0)
        goto undo;
    rc = 0;
    goto done;
undo:
    store_rollback(s);
done:
    arena_free(&a);
    return rc;
}
