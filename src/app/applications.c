/* Applications sent, approved and declined (app/applications.h). */
#include "app/applications.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/auth.h"
#include "app/fields.h"
#include "app/import.h"
#include "app/mail.h"
#include "core/utf8.h"
#include "store/auth.h"

#define ORG_SUFFIX_MAX 1000   /* -N tried for a new organisation's free id */

/* The imports' checks of ap's values (as a walk-in's) and of its message:
 * 0, or -1 with the first problem and its field. */
static int values_check(struct store_application *ap, const char **field, struct arena *a,
                        struct df_err *err)
{
    struct app_first_problem f = {0};
    const struct app_value_checks vc = {app_first_problem_keep, &f, &f.scratch, NULL};
    struct store_person p = {.name = ap->name, .email = ap->email, .title = ap->title,
                             .languages = ap->languages};
    app_person_values_check(&p, &vc);
    app_first_problem_keep(&f, "organisation",
                           ap->org && app_id_check("organisation", ap->org, &f.scratch) < 0);
    if (ap->org_name) {
        struct store_org o = {.name = ap->org_name, .country = ap->org_country,
                              .kind = ap->org_kind, .sme = ap->org_sme};
        char *country = arena_alloc(a, 3);   /* the upper-cased code kept */
        if (!country)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        f.prefix = "organisation_";
        app_org_values_check(&o, country, &vc);
        ap->org_country = o.country;
        ap->org_kind = o.kind;
        f.prefix = NULL;
    }
    app_first_problem_keep(&f, "message",
                           utf8_text_check("message", ap->message, &f.scratch) < 0 ||
                           (ap->message && strlen(ap->message) > APP_APPLY_MESSAGE_MAX &&
                            app_too_long(&f.scratch, "message", APP_APPLY_MESSAGE_MAX) < 0));
    if (f.first.kind == DF_OK)
        return 0;
    *field = arena_printf(a, "%s%s", f.first_prefix ? f.first_prefix : "", f.first_field);
    *err = f.first;
    return -1;
}

/* Whether the client (its key) may send one more: 1 yes, 0 no, -1 error. */
static int client_may_send(struct store *s, const char *key, int64_t now, struct df_err *err)
{
    int64_t n = store_auth_failure_count(s, key, now - APP_APPLY_WINDOW, err);
    return n < 0 ? -1 : n < APP_APPLY_PER_CLIENT;
}

/* Whether email is a person's, a login's or a pending application's: 1, 0,
 * or -1 with err. Which of them is never said. */
static int email_known(struct store *s, const char *email, struct arena *a, struct df_err *err)
{
    const char *holder;
    bool is_login;
    int held = store_person_email_holder(s, email, "", a, &holder, &is_login, err);
    if (held != 0)
        return held;
    int64_t n = store_applications_pending_n(s, email, err);
    return n < 0 ? -1 : n > 0;
}

/* A new application's id: "app-" and 16 hex digits (in a). */
static const char *application_id(struct arena *a)
{
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    char hex[2 * sizeof raw + 1];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    return arena_printf(a, "app-%s", hex);
}

/* The checks a send passes once in the transaction: 0 go on, -1 refused
 * (*why, err). The client's send is counted before the e-mail is judged. */
static int send_admitted(struct store *s, const struct store_application *ap, const char *key,
                         int64_t now, struct arena *a, enum app_apply_refusal *why,
                         struct df_err *err)
{
    int rc = client_may_send(s, key, now, err);
    if (rc == 0) {
        *why = APP_APPLY_LIMITED;
        return df_err_set(err, DF_ERR_FORBIDDEN,
                          "too many applications from this address; try again in an hour");
    }
    int64_t pending = rc < 0 ? -1 : store_applications_pending_n(s, NULL, err);
    if (pending >= APP_APPLY_PENDING_MAX) {
        *why = APP_APPLY_FULL;
        return df_err_set(err, DF_ERR_CONFLICT,
                          "the organisers have too many applications to read; try again later");
    }
    if (pending < 0 || store_auth_failure_add(s, key, now, err) < 0)
        return -1;
    rc = email_known(s, ap->email, a, err);
    if (rc > 0) {
        *why = APP_APPLY_EMAIL_TAKEN;
        return df_err_set(err, DF_ERR_CONFLICT,
                          "this e-mail address is known to the forum already (a participant's "
                          "or an application's): ask the organisers if you cannot sign in");
    }
    return rc;
}

int app_application_send(struct store *s, struct store_application *ap, const char *ip,
                         int64_t now, struct arena *a, enum app_apply_refusal *why,
                         const char **field, struct df_err *err)
{
    *why = APP_APPLY_ERROR;
    *field = NULL;
    int open = store_applications_open_get(s, err);
    if (open <= 0) {
        if (open == 0)
            *why = APP_APPLY_CLOSED;
        return open < 0 ? -1
                        : df_err_set(err, DF_ERR_CONFLICT,
                                     "the forum takes no applications now");
    }
    if (values_check(ap, field, a, err) < 0) {
        *why = APP_APPLY_INVALID;
        return -1;
    }
    char ip_key[80], key[96];
    app_auth_ip_key(ip, ip_key, sizeof ip_key);
    snprintf(key, sizeof key, "apply:%s", ip_key);
    if (!(ap->id = application_id(a)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    if (store_begin(s, err) < 0)
        return -1;
    /* a refusal keeps the client's count: it is what bounds the tries */
    struct df_err refused = {0};
    int rc = send_admitted(s, ap, key, now, a, why, &refused);
    if (rc < 0 && *why != APP_APPLY_ERROR) {
        bool counted = *why == APP_APPLY_EMAIL_TAKEN;
        if (counted ? store_commit(s, err) < 0 : (store_rollback(s), 0)) {
            store_rollback(s);
            *why = APP_APPLY_ERROR;
            return -1;
        }
        *err = refused;
        return -1;
    }
    char detail[200];
    snprintf(detail, sizeof detail, "sent on the forum's site, %s organisation",
             ap->org ? "an existing" : "a new");
    if (rc < 0 || store_application_add(s, ap, &refused) < 0 ||
        store_audit(s, "anonymous", "application.send", "application", ap->id, detail,
                    &refused) < 0 ||
        store_commit(s, &refused) < 0) {
        store_rollback(s);
        /* two sends of one address at once: the second meets the first's row */
        if (refused.kind == DF_ERR_CONFLICT)
            *why = APP_APPLY_EMAIL_TAKEN;
        *err = refused;
        return -1;
    }
    if (randombytes_uniform(64) == 0)
        store_auth_prune(s, now, now - APP_AUTH_KEEP_FAILURES, err); /* best effort */
    return 0;
}

/* The organisation a new one's name leads to: the existing one of the id
 * its name proposes when it bears that name (letter case aside), else a new
 * one under the first free id of name, name-2, ... Fills w. */
static int org_of_name(struct store *s, const struct store_application *ap,
                       struct app_walkin *w, struct arena *a, struct df_err *err)
{
    char base[APP_ORG_ID_PROPOSED_MAX + 1];
    if (app_walkin_org_id(ap->org_name, base) == 0)
        snprintf(base, sizeof base, "org");
    for (int n = 1; n <= ORG_SUFFIX_MAX; n++) {
        const char *id = n == 1 ? arena_strdup(a, base) : arena_printf(a, "%s-%d", base, n);
        if (!id)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        struct store_org o;
        struct df_err lookup = {0};
        if (store_org_get(s, id, a, &o, &lookup) < 0) {
            if (lookup.kind != DF_ERR_NOT_FOUND) {
                *err = lookup;
                return -1;
            }
            w->person.org = id;
            w->org = (struct store_org){.name = ap->org_name, .country = ap->org_country,
                                        .kind = ap->org_kind, .sme = ap->org_sme};
            return 0;
        }
        if (strcasecmp(o.name, ap->org_name) == 0) {
            w->person.org = id;
            return 0;
        }
    }
    return df_err_set(err, DF_ERR_RUNTIME, "no free organisation id for \"%s\"", base);
}

/* Pending application id into *ap: 0, or -1 (DF_ERR_NOT_FOUND, or
 * DF_ERR_CONFLICT when decided already). */
static int pending_get(struct store *s, const char *id, struct arena *a,
                       struct store_application *ap, struct df_err *err)
{
    if (store_application_get(s, id, a, ap, err) < 0)
        return -1;
    if (strcmp(ap->status, "pending") != 0)
        return df_err_set(err, DF_ERR_CONFLICT, "application \"%s\" is %s already", id,
                          ap->status);
    return 0;
}

/* When the forum sends mail, queues ap's applicant the mail of kind
 * ("approved" with made's link, to her new person; "not_approved", to the
 * address she gave) in the caller's transaction: *mailed says whether. */
static int mail_applicant(struct store *s, const struct store_application *ap,
                          const char *person, const char *kind,
                          const struct app_walkin_made *made, int64_t now, struct arena *a,
                          bool *mailed, struct df_err *err)
{
    struct app_mail_to to;
    const char *country = ap->org_country;
    struct store_org o;
    struct df_err lookup = {0};
    if (!person && ap->org) {
        /* the organisation she named; gone since, her languages decide */
        if (store_org_get(s, ap->org, a, &o, &lookup) == 0)
            country = o.country;
        else if (lookup.kind != DF_ERR_NOT_FOUND) {
            *err = lookup;
            return -1;
        }
    }
    int goes = app_mail_to_asked(s, person, ap->email, ap->languages, country, a, &to, err);
    *mailed = goes > 0;
    if (goes <= 0)
        return goes;
    if (!made) {
        struct app_mail_facts f = {.kind = kind};
        return app_mail_queue(s, &to, &f, a, err);
    }
    return app_mail_link(s, &to, kind, made->link, now, made->expires_at, a, err);
}

int app_application_approve(struct store *s, const char *actor, const char *id,
                            const char *base, int64_t now, struct arena *a,
                            struct app_walkin_made *made, struct df_err *err)
{
    memset(made, 0, sizeof *made);
    struct store_application ap;
    if (store_begin(s, err) < 0)
        return -1;
    struct app_walkin w = {.days = APP_INVITE_DAYS, .now = now, .base = base,
                           .how = "approved on her application"};
    if (pending_get(s, id, a, &ap, err) < 0)
        goto fail;
    w.person = (struct store_person){.org = ap.org, .name = ap.name, .email = ap.email,
                                     .title = ap.title, .languages = ap.languages};
    if (!ap.org && org_of_name(s, &ap, &w, a, err) < 0)
        goto fail;
    if (app_walkin_in(s, actor, &w, a, made, err) < 0 ||
        mail_applicant(s, &ap, made->person, "approved", made, now, a, &made->mailed,
                       err) < 0)
        goto fail;
    int done = store_application_decide(s, id, "approved", actor, made->person, err);
    if (done <= 0) {
        if (done == 0)
            df_err_set(err, DF_ERR_CONFLICT, "application \"%s\" is decided already", id);
        goto fail;
    }
    if (store_audit(s, actor, "application.approve", "application", id, made->person, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    sodium_memzero(made->link, sizeof made->link);
    return -1;
}

int app_application_decline(struct store *s, const char *actor, const char *id, bool *mailed,
                            struct df_err *err)
{
    struct store_application ap;
    struct arena a;
    arena_init(&a, 64u << 10);
    int rc = -1;
    bool sent = false;
    if (store_begin(s, err) < 0)
        goto out;
    if (pending_get(s, id, &a, &ap, err) < 0 ||
        store_application_decide(s, id, "declined", actor, NULL, err) <= 0 ||
        mail_applicant(s, &ap, NULL, "not_approved", NULL, 0, &a, &sent, err) < 0 ||
        store_audit(s, actor, "application.decline", "application", id, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        goto out;
    }
    rc = 0;
    if (mailed)
        *mailed = sent;
out:
    arena_free(&a);
    return rc;
}

int app_applications_open_set(struct store *s, const char *actor, bool open, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (store_applications_open_set(s, open, err) < 0 ||
        store_audit(s, actor, open ? "applications.open" : "applications.close", "forum",
                    "applications", NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}
