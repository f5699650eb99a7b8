/* The desk's walk-in: checks, then the organisation, the person, her
 * invitation and check-in in one transaction (see walkin.h). */
#include "app/walkin.h"

#include <stdio.h>
#include <sodium.h>
#include <string.h>

#include "app/checkin.h"
#include "app/fields.h"
#include "app/import.h"
#include "core/translit.h"
#include "core/utf8.h"

#define PERSON_NUMBER_MAX 100000  /* ORG-N tried before giving up: never reached */

/* The imports' checks of w's values: 0, or -1 with the first problem and
 * its field. */
static int values_check(struct app_walkin *w, char country[3], char *website, size_t cap,
                        struct app_walkin_made *made, struct arena *a, struct df_err *err)
{
    struct app_first_problem f = {0};
    const struct app_value_checks vc = {app_first_problem_keep, &f, &f.scratch, NULL};
    app_first_problem_keep(&f, "id",
                           w->person.id && app_id_check("id", w->person.id, &f.scratch) < 0);
    app_first_problem_keep(&f, "organisation",
                           app_id_check("organisation", w->person.org, &f.scratch) < 0);
    app_person_values_check(&w->person, &vc);
    if (w->org.name) {
        f.prefix = "organisation_";
        app_org_values_check(&w->org, country, &vc);
        app_org_more_values_check(&w->org, website, cap, &vc);
    }
    if (f.first.kind == DF_OK)
        return 0;
    made->field = arena_printf(a, "%s%s", f.first_prefix, f.first_field);
    *err = f.first;
    return -1;
}

/* The organisation she joins: made when new (its id free), else it exists. */
static int org_ready(struct store *s, struct app_walkin *w, struct app_walkin_made *made,
                     struct df_err *err)
{
    int exists = store_org_exists(s, w->person.org, err);
    if (exists < 0)
        return -1;
    if (w->org.name && exists) {
        made->field = "organisation";
        df_err_set(err, DF_ERR_CONFLICT, "organisation \"%s\" exists: choose it, or give the new "
                   "one another id", w->person.org);
        return df_err_code(err, "id_taken", "value", w->person.org, NULL);
    }
    if (!w->org.name && !exists) {
        made->field = "organisation";
        df_err_set(err, DF_ERR_INPUT, "organisation \"%s\" is unknown", w->person.org);
        return df_err_code(err, "unknown_org", "value", w->person.org, NULL);
    }
    w->org.id = w->person.org;
    return w->org.name ? store_org_upsert(s, &w->org, NULL, err) : 0;
}

/* Her id: the one given when free, else the first free ORG-N. */
static int person_id(struct store *s, struct app_walkin *w, struct app_walkin_made *made,
                     struct arena *a, struct df_err *err)
{
    if (w->person.id) {
        int exists = store_person_exists(s, w->person.id, err);
        if (exists <= 0)
            return exists;
        made->field = "id";
        df_err_set(err, DF_ERR_CONFLICT, "person \"%s\" exists", w->person.id);
        return df_err_code(err, "id_taken", "value", w->person.id, NULL);
    }
    for (int n = 1; n <= PERSON_NUMBER_MAX; n++) {
        const char *id = arena_printf(a, "%s-%d", w->person.org, n);
        if (!id)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        int exists = store_person_exists(s, id, err);
        if (exists < 0)
            return -1;
        /* the org id is at most APP_ID_MAX: a suffix may pass it */
        if (!exists && app_id_check("id", id, err) < 0)
            return -1;
        if (!exists) {
            w->person.id = id;
            return 0;
        }
    }
    return df_err_set(err, DF_ERR_RUNTIME, "no free person id for \"%s\"", w->person.org);
}

/* Her invitation (a login made, her organisation's contact when it had
 * none), then her check-in when asked. */
static int invite_and_check_in(struct store *s, const char *actor, const struct app_walkin *w,
                               struct arena *a, struct app_walkin_made *made, struct df_err *err)
{
    if (app_invite_one(s, actor, w->person.id, (int64_t)w->days * 86400, w->now, w->base,
                       made->link, &made->expires_at, &made->contact, a, err) < 0)
        return -1;
    return w->check_in ? app_checkin_in(s, actor, w->person.id, w->forum_now ? w->forum_now : w->now,
                                        a, &made->checked_in_at, err)
                       : 0;
}

/* The walk-in's writes, in the caller's transaction: 0, or -1 with err and
 * made->link wiped (the caller rolls back). */
static int walkin_write(struct store *s, const char *actor, struct app_walkin *w,
                        struct arena *a, struct app_walkin_made *made, struct df_err *err)
{
    char detail[300];
    snprintf(detail, sizeof detail, "%s, %s organisation \"%.200s\"",
             w->how ? w->how : "registered at the desk", w->org.name ? "new" : "of",
             w->person.org);
    if (org_ready(s, w, made, err) < 0 || person_id(s, w, made, a, err) < 0)
        goto fail;
    made->field = "email";
    if (app_person_email_free(s, w->person.email, w->person.id, a, err) < 0)
        goto fail;
    made->field = NULL;
    if (store_person_upsert(s, &w->person, NULL, err) < 0 ||
        store_audit(s, actor, "person.walkin", "person", w->person.id, detail, err) < 0 ||
        invite_and_check_in(s, actor, w, a, made, err) < 0)
        goto fail;
    made->person = w->person.id;
    return 0;
fail:
    sodium_memzero(made->link, sizeof made->link);
    return -1;
}

int app_walkin(struct store *s, const char *actor, struct app_walkin *w, struct arena *a,
               struct app_walkin_made *made, struct df_err *err)
{
    if (store_begin(s, err) < 0) {
        memset(made, 0, sizeof *made);
        return -1;
    }
    if (app_walkin_in(s, actor, w, a, made, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        sodium_memzero(made->link, sizeof made->link);
        return -1;
    }
    return 0;
}

int app_walkin_in(struct store *s, const char *actor, struct app_walkin *w, struct arena *a,
                  struct app_walkin_made *made, struct df_err *err)
{
    memset(made, 0, sizeof *made);
    char country[3], website[APP_WEBSITE_MAX + sizeof "http://"];
    if (values_check(w, country, website, sizeof website, made, a, err) < 0)
        return -1;
    return walkin_write(s, actor, w, a, made, err);
}

#define ORG_NAME_READ_MAX 300   /* bytes of a name read: the API's limit */

size_t app_walkin_org_id(const char *name, char *out)
{
    char latin[2 * ORG_NAME_READ_MAX + 1];
    size_t len = 0;
    bool gap = false;
    translit_uk_latin(name, utf8_prefix(name, strlen(name), ORG_NAME_READ_MAX), latin);
    for (const char *p = latin; *p && len < APP_ORG_ID_PROPOSED_MAX; p++) {
        bool kept = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
        if (!kept) {
            gap = len > 0;
            continue;
        }
        if (gap && len + 2 > APP_ORG_ID_PROPOSED_MAX)
            break;
        if (gap)
            out[len++] = '-';
        gap = false;
        out[len++] = *p;
    }
    out[len] = '\0';
    return len;
}
