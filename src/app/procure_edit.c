/* Demands and supplies stated over the API (see procure_edit.h): the caller's
 * organisation decides what they may touch; the fields are read and checked
 * by the importer's code; the store writes them. */
#include "app/procure_edit.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/fields.h"
#include "app/forum_day.h"
#include "store/procure.h"

#define ID_RANDOM_BYTES 8

static const char *const kind_names[] = {"demand", "supply"};
static const char *const kind_plurals[] = {"demands", "supplies"};
static const char *const org_fields[] = {"buyer", "organisation"};

/* The fields as saved: the server's id and, for a participant, their own
 * organisation and (a demand's) its country unless one is given. */
struct fixed {
    struct app_procure_in *in;
    const char *id, *org_field, *org, *country;
};

static const char *fixed_field(void *ud, const char *name)
{
    const struct fixed *x = ud;
    if (strcmp(name, "id") == 0)
        return x->id;
    if (x->org && strcmp(name, x->org_field) == 0)
        return x->org;
    const char *v = x->in->get(x->in->ud, name);
    if ((!v || !*v) && x->country && strcmp(name, "country") == 0)
        return x->country;
    return v;
}

/* The organisation of kind id: 1 (*org set), 0 when there is none. */
static int owner_of(struct store *s, enum app_procure_kind kind, const char *id,
                    struct arena *a, const char **org, struct df_err *err)
{
    return kind == APP_PROCURE_DEMAND ? store_demand_buyer(s, id, a, org, err)
                                      : store_supply_org(s, id, a, org, err);
}

/* A new id no row has (an upsert onto another's row would take it over,
 * however unlikely 64 random bits make that). */
static const char *new_id(struct store *s, enum app_procure_kind kind, struct arena *a,
                          struct df_err *err)
{
    unsigned char raw[ID_RANDOM_BYTES];
    char hex[2 * ID_RANDOM_BYTES + 1];
    if (sodium_init() < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "libsodium could not initialise");
        return NULL;
    }
    for (int tries = 0; tries < 4; tries++) {
        randombytes_buf(raw, sizeof raw);
        sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
        const char *id = arena_printf(a, "%s-%s", kind == APP_PROCURE_DEMAND ? "dem" : "sup", hex);
        const char *org;
        if (!id) {
            df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            return NULL;
        }
        int taken = owner_of(s, kind, id, a, &org, err);
        if (taken <= 0)
            return taken == 0 ? id : NULL;
    }
    df_err_set(err, DF_ERR_RUNTIME, "no free %s id after 4 draws", kind_names[kind]);
    return NULL;
}

/* Whether who may touch id (kind): 0 when they may, -1 with err otherwise
 * (another organisation's is not found, as one that does not exist). */
static int may_touch(struct store *s, const struct app_procure_actor *who,
                     enum app_procure_kind kind, const char *id, struct arena *a,
                     struct df_err *err)
{
    const char *org = NULL;
    int found = owner_of(s, kind, id, a, &org, err);
    if (found < 0)
        return -1;
    if (found == 0 || (!who->organiser && (!who->org || strcmp(org, who->org) != 0)))
        return df_err_set(err, DF_ERR_NOT_FOUND, "no %s \"%.*s\"", kind_names[kind],
                          APP_ID_MAX, id);
    return 0;
}

/* Whether who may state kind at all: an organiser, or a participant of an
 * organisation. */
static int may_state(const struct app_procure_actor *who, enum app_procure_kind kind,
                     struct df_err *err)
{
    if (!who->organiser && !who->org)
        return df_err_set(err, DF_ERR_FORBIDDEN,
                          "only the people of an organisation state its %s",
                          kind_plurals[kind]);
    return 0;
}

/* Whether who's organisation may state one more of kind: a participant's
 * organisation states at most APP_PROCURE_ORG_MAX of each over the API
 * (every plan reads every demand and supply, and a script adding thousands
 * would make each plan, for everyone, take seconds); organisers are not
 * counted. 0, or -1 with err (DF_ERR_CONFLICT). */
static int may_add(struct store *s, const struct app_procure_actor *who,
                   enum app_procure_kind kind, struct df_err *err)
{
    int64_t n[2];
    if (who->organiser)
        return 0;
    if (store_procure_org_counts(s, who->org, &n[APP_PROCURE_DEMAND], &n[APP_PROCURE_SUPPLY],
                                 err) < 0)
        return -1;
    if (n[kind] >= APP_PROCURE_ORG_MAX) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "%s has %lld %s, the most one organisation states here (%d): withdraw one, "
                   "or ask the organisers to import more",
                   who->org, (long long)n[kind], kind_plurals[kind], APP_PROCURE_ORG_MAX);
        char max[16];
        snprintf(max, sizeof max, "%d", APP_PROCURE_ORG_MAX);
        df_err_code(err, "org_max", "kind", kind_plurals[kind], "max", max, NULL);
        return -1;
    }
    return 0;
}

/* The country of organisation org (NULL when org is NULL or unknown: the
 * read then names the organisation). */
static int org_country(struct store *s, const char *org, struct arena *a, const char **country,
                       struct df_err *err)
{
    *country = NULL;
    int exists = org ? store_org_exists(s, org, err) : 0;
    if (exists <= 0)
        return exists;
    struct store_org o;
    if (store_org_get(s, org, a, &o, err) < 0)
        return -1;
    *country = o.country;
    return 0;
}

/* "buyer org-gov, PL, 35300000-5, 2000 shell at most 3500 EUR by 2027-06-30":
 * every field whole (checked, so bounded: an id of APP_ID_MAX bytes, a unit
 * of APP_UNIT_MAX; a cut unit could end inside a letter, text that is not
 * UTF-8), prices to the cent (%g wrote 1234567.89 as 1.23457e+06). */
static void detail_of(enum app_procure_kind kind, const struct store_demand *d,
                      const struct store_supply *x, char *out, size_t cap)
{
    if (kind == APP_PROCURE_DEMAND)
        snprintf(out, cap, "buyer %s, %s, %s, %lld %s at most %.15g EUR by %s", d->buyer,
                 d->country, d->cpv, (long long)d->quantity, d->unit, d->max_unit_price_eur,
                 d->deliver_by);
    else
        snprintf(out, cap, "organisation %s, %s, %lld %s a month at %.15g EUR, made in %s",
                 x->org, x->cpv, (long long)x->capacity_per_month,
                 x->unit ? x->unit : "(unit not stated)", x->unit_price_eur,
                 x->production_country);
}

static int save(struct store *s, const struct app_procure_actor *who, enum app_procure_kind kind,
                const char *id, struct app_procure_in *in, long long now, struct arena *a,
                const char **out_id, struct df_err *err)
{
    if (may_state(who, kind, err) < 0)
        return -1;
    const char *named = in->get(in->ud, org_fields[kind]), *country = NULL;
    if (!who->organiser && named && *named && strcmp(named, who->org) != 0)
        return df_err_set(err, DF_ERR_FORBIDDEN, "%s: you state your own organisation's %s only",
                          org_fields[kind], kind_plurals[kind]);
    /* a demand is its buyer's state's: the country is the buyer's unless given */
    if (kind == APP_PROCURE_DEMAND &&
        org_country(s, who->organiser ? named : who->org, a, &country, err) < 0)
        return -1;
    if (id ? may_touch(s, who, kind, id, a, err) < 0
           : may_add(s, who, kind, err) < 0 || !(id = new_id(s, kind, a, err)))
        return -1;
    char today[11];
    if (app_forum_today(s, now, today, err) < 0)
        return -1;
    struct fixed x = {in, id, org_fields[kind], who->organiser ? NULL : who->org, country};
    struct app_procure_in fixed_in = {.get = fixed_field, .ud = &x, .today = today};
    struct store_demand d;
    struct store_supply sup;
    char detail[512];
    const char *action;
    int rc = kind == APP_PROCURE_DEMAND ? app_procure_demand_read(s, &fixed_in, &d, err)
                                        : app_procure_supply_read(s, &fixed_in, &sup, err);
    in->bad = fixed_in.bad;
    if (rc < 0)
        return -1;
    int added = 0;
    rc = kind == APP_PROCURE_DEMAND ? store_demand_upsert(s, &d, &added, err)
                                    : store_supply_upsert(s, &sup, &added, err);
    if (rc < 0)
        return -1;
    detail_of(kind, &d, &sup, detail, sizeof detail);
    action = kind == APP_PROCURE_DEMAND ? (added ? "demand.add" : "demand.change")
                                        : (added ? "supply.add" : "supply.change");
    if (store_audit(s, who->email, action, kind_names[kind], id, detail, err) < 0)
        return -1;
    *out_id = id;
    return 0;
}

int app_procure_save(struct store *s, const struct app_procure_actor *who,
                     enum app_procure_kind kind, const char *id, struct app_procure_in *in,
                     long long now, struct arena *a, const char **out_id, struct df_err *err)
{
    in->bad = NULL;
    if (store_begin(s, err) < 0)
        return -1;
    if (save(s, who, kind, id, in, now, a, out_id, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_procure_get(struct store *s, const struct app_procure_actor *who,
                    enum app_procure_kind kind, const char *id, struct arena *a,
                    struct store_demand *d, struct store_supply *x, struct df_err *err)
{
    if (may_touch(s, who, kind, id, a, err) < 0)
        return -1;
    int found = kind == APP_PROCURE_DEMAND ? store_demand_get(s, id, a, d, err)
                                           : store_supply_get(s, id, a, x, err);
    if (found == 0)   /* withdrawn between the two reads */
        return df_err_set(err, DF_ERR_NOT_FOUND, "no %s \"%.*s\"", kind_names[kind],
                          APP_ID_MAX, id);
    return found < 0 ? -1 : 0;
}

int app_procure_remove(struct store *s, const struct app_procure_actor *who,
                       enum app_procure_kind kind, const char *id, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    int rc = store_begin(s, err);
    if (rc == 0) {
        rc = may_state(who, kind, err) < 0 ||
                     may_touch(s, who, kind, id, &a, err) < 0 ||
                     (kind == APP_PROCURE_DEMAND ? store_demand_delete(s, id, err)
                                                 : store_supply_delete(s, id, err)) < 0 ||
                     store_audit(s, who->email, kind == APP_PROCURE_DEMAND ? "demand.withdraw"
                                                                           : "supply.withdraw",
                                 kind_names[kind], id, NULL, err) < 0 ||
                     store_commit(s, err) < 0
                 ? -1
                 : 0;
        if (rc < 0)
            store_rollback(s);
    }
    arena_free(&a);
    return rc;
}
