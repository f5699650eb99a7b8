/* Organisations, people, capabilities and the CPV classifier. */
#include "store/store_internal.h"

#include <string.h>

static const char org_rid_sql[] = "SELECT rid FROM organisations WHERE id = ?";
static const char person_rid_sql[] = "SELECT rid FROM people WHERE id = ?";

/* The common shape of "does it exist, then insert or update": returns 1 when
 * the row was absent (so it will be added), 0 when present, -1 on error. */
static int is_new(struct store *s, const char *rid_sql, const char *id, struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, rid_sql, id, err);
    return rid < 0 ? -1 : rid == 0;
}

int store_org_upsert(struct store *s, const struct store_org *o, int *added, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO organisations(id, name, name_uk, country, kind, sme, city, website,"
        " description, description_uk) VALUES (?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(id) DO UPDATE SET name=excluded.name, name_uk=excluded.name_uk,"
        " country=excluded.country, kind=excluded.kind, sme=excluded.sme, city=excluded.city,"
        " website=excluded.website, description=excluded.description,"
        " description_uk=excluded.description_uk,"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    int fresh = is_new(s, org_rid_sql, o->id, err);
    if (fresh < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, o->id);
    store_bind_text(st, 2, o->name);
    store_bind_text(st, 3, o->name_uk);
    store_bind_text(st, 4, o->country);
    store_bind_text(st, 5, o->kind);
    sqlite3_bind_int(st, 6, o->sme ? 1 : 0);
    store_bind_text(st, 7, o->city);
    store_bind_text(st, 8, o->website);
    store_bind_text(st, 9, o->description);
    store_bind_text(st, 10, o->description_uk);
    if (store_step_done(s, st, err, "saving an organisation") < 0)
        return -1;
    if (added)
        *added = fresh;
    return 0;
}

int store_org_exists(struct store *s, const char *id, struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, org_rid_sql, id, err);
    return rid < 0 ? -1 : rid > 0;
}

#define ORG_COLUMNS \
    "o.id, o.name, o.name_uk, o.country, o.kind, o.sme, o.city, o.website, o.description," \
    " o.description_uk"

void store_org_from_row(sqlite3_stmt *st, struct store_org *o)
{
    o->id = store_col(st, 0);
    o->name = store_col(st, 1);
    o->name_uk = store_col(st, 2);
    o->country = store_col(st, 3);
    o->kind = store_col(st, 4);
    o->sme = sqlite3_column_int(st, 5);
    o->city = store_col(st, 6);
    o->website = store_col(st, 7);
    o->description = store_col(st, 8);
    o->description_uk = store_col(st, 9);
}

int store_org_get(struct store *s, const char *id, struct arena *a, struct store_org *o,
                  struct df_err *err)
{
    static const char sql[] = "SELECT " ORG_COLUMNS " FROM organisations o WHERE o.id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "organisation", err);
    if (!st)
        return -1;
    struct store_org row;
    store_org_from_row(st, &row);
    *o = row;
    o->id = arena_strdup(a, row.id);
    o->name = arena_strdup(a, row.name);
    o->name_uk = arena_strdup(a, row.name_uk);
    o->country = arena_strdup(a, row.country);
    o->kind = arena_strdup(a, row.kind);
    o->city = arena_strdup(a, row.city);
    o->website = arena_strdup(a, row.website);
    o->description = arena_strdup(a, row.description);
    o->description_uk = arena_strdup(a, row.description_uk);
    sqlite3_reset(st);
    return 0;
}

int store_org_each(struct store *s, store_org_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT " ORG_COLUMNS " FROM organisations o ORDER BY o.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_org o;
        store_org_from_row(st, &o);
        stop = fn(ud, &o);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing organisations");
    sqlite3_reset(st);
    return stop;
}

/* ---- people ----------------------------------------------------------- */

int store_person_upsert(struct store *s, const struct store_person *p, int *added,
                        struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO people(id, org_rid, name, email, title, languages, booth, attendance)"
        " VALUES (?1,?2,?3,?4,?5,coalesce(?6,''),?7,coalesce(?8,'onsite'))"
        " ON CONFLICT(id) DO UPDATE SET org_rid=excluded.org_rid, name=excluded.name,"
        " email=excluded.email, title=excluded.title, languages=excluded.languages,"
        " booth=excluded.booth, attendance=coalesce(?8, attendance),"
        " updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    sqlite3_int64 org = store_rid(s, org_rid_sql, p->org, err);
    if (org < 0)
        return -1;
    if (org == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "organisation \"%.128s\" does not exist", p->org);
    int fresh = is_new(s, person_rid_sql, p->id, err);
    if (fresh < 0)
        return -1;
    int erased = fresh ? 0 : store_person_is_erased(s, p->id, err);
    if (erased < 0)
        return -1;
    if (erased)
        return df_err_set(err, DF_ERR_CONFLICT,
                          "person id \"%.128s\" is taken by an erased person: give another id",
                          p->id);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, p->id);
    sqlite3_bind_int64(st, 2, org);
    store_bind_text(st, 3, p->name);
    store_bind_text(st, 4, p->email);
    store_bind_text(st, 5, p->title);
    store_bind_text(st, 6, p->languages);
    store_bind_text(st, 7, p->booth);
    store_bind_text(st, 8, p->attendance);
    if (store_step_done(s, st, err, "saving a person") < 0)
        return -1;
    if (added)
        *added = fresh;
    return 0;
}

int store_person_is_erased(struct store *s, const char *id, struct df_err *err)
{
    static const char sql[] = "SELECT 1 FROM people WHERE id = ? AND erased_at IS NOT NULL";
    sqlite3_int64 one = store_rid(s, sql, id, err);
    return one < 0 ? -1 : one > 0;
}

int store_person_exists(struct store *s, const char *id, struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, person_rid_sql, id, err);
    return rid < 0 ? -1 : rid > 0;
}

int store_person_email_holder(struct store *s, const char *email, const char *except,
                              struct arena *a, const char **holder, bool *is_login,
                              struct df_err *err)
{
    static const char sql[] =
        "SELECT id, 0 FROM people WHERE email = ?1 COLLATE NOCASE AND id <> ?2"
        " UNION ALL SELECT p.id, 1 FROM users u JOIN people p ON p.rid = u.person_rid"
        "  WHERE u.email = ?1 AND p.id <> ?2"   /* users.email is COLLATE NOCASE */
        " ORDER BY 2, 1 LIMIT 1";
    *holder = NULL;
    *is_login = false;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, email);
    store_bind_text(st, 2, except);
    int rc = sqlite3_step(st), result = 0;
    if (rc == SQLITE_ROW) {
        *holder = arena_strdup(a, store_col(st, 0));
        *is_login = sqlite3_column_int(st, 1) != 0;
        result = *holder ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    } else if (rc != SQLITE_DONE) {
        result = store_fail(s, err, "finding who has an e-mail address");
    }
    sqlite3_reset(st);
    return result;
}

#define PERSON_COLUMNS \
    "p.id, o.id, p.name, p.email, p.title, p.languages, p.booth, v.at," \
    " p.attendance, p.erased_at, v.day FROM people p JOIN organisations o ON o.rid = p.org_rid" \
    " LEFT JOIN arrivals v ON v.person_rid = p.rid AND v.day = (SELECT max(day)" \
    "  FROM arrivals WHERE person_rid = p.rid)"

static void person_from_row(sqlite3_stmt *st, struct store_person *p)
{
    p->id = store_col(st, 0);
    p->org = store_col(st, 1);
    p->name = store_col(st, 2);
    p->email = store_col(st, 3);
    p->title = store_col(st, 4);
    p->languages = store_col(st, 5);
    p->booth = store_col(st, 6);
    p->checked_in_at = store_col(st, 7);
    p->attendance = store_col(st, 8);
    p->erased_at = store_col(st, 9);
    p->checked_in_day = store_col(st, 10);
}

int store_person_get(struct store *s, const char *id, struct arena *a, struct store_person *p,
                     struct df_err *err)
{
    static const char sql[] = "SELECT " PERSON_COLUMNS " WHERE p.id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "person", err);
    if (!st)
        return -1;
    struct store_person row;
    person_from_row(st, &row);
    p->id = arena_strdup(a, row.id);
    p->org = arena_strdup(a, row.org);
    p->name = arena_strdup(a, row.name);
    p->email = arena_strdup(a, row.email);
    p->title = arena_strdup(a, row.title);
    p->languages = arena_strdup(a, row.languages);
    p->booth = arena_strdup(a, row.booth);
    p->checked_in_at = arena_strdup(a, row.checked_in_at);
    p->attendance = arena_strdup(a, row.attendance);
    p->erased_at = arena_strdup(a, row.erased_at);
    p->checked_in_day = arena_strdup(a, row.checked_in_day);
    sqlite3_reset(st);
    return 0;
}

int store_person_each(struct store *s, store_person_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT " PERSON_COLUMNS " ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_person p;
        person_from_row(st, &p);
        stop = fn(ud, &p);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing people");
    sqlite3_reset(st);
    return stop;
}

int store_person_ui_language(struct store *s, const char *id, struct arena *a, const char **lang,
                             struct df_err *err)
{
    static const char sql[] = "SELECT ui_language FROM people WHERE id = ?";
    sqlite3_stmt *st = store_row_by_id(s, sql, id, "person", err);
    if (!st)
        return -1;
    *lang = arena_strdup(a, store_col(st, 0));
    sqlite3_reset(st);
    return 0;
}

int store_person_ui_language_set(struct store *s, const char *id, const char *lang,
                                 struct df_err *err)
{
    static const char sql[] = "UPDATE people SET ui_language = ?2 WHERE id = ?1";
    if (!lang || (strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0))
        return df_err_set(err, DF_ERR_INPUT, "the interface language is \"en\" or \"uk\"");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, lang);
    if (store_step_done(s, st, err, "saving a person's interface language") < 0)
        return -1;
    if (sqlite3_changes(s->db) == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", id);
    return 0;
}

/* ---- capabilities ------------------------------------------------------ */

int store_capability_upsert(struct store *s, const struct store_capability *c, int *added,
                            struct df_err *err)
{
    static const char exists_sql[] =
        "SELECT 1 FROM capabilities WHERE org_rid = ? AND direction = ? AND cpv = ?";
    static const char sql[] =
        "INSERT INTO capabilities(org_rid, direction, cpv, title, description, confidential)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(org_rid, direction, cpv) DO UPDATE SET"
        " title=excluded.title, description=excluded.description,"
        " confidential=excluded.confidential";
    sqlite3_int64 org = store_rid(s, org_rid_sql, c->org, err);
    if (org < 0)
        return -1;
    if (org == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "organisation \"%.128s\" does not exist", c->org);
    sqlite3_stmt *st = store_stmt(s, exists_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, org);
    store_bind_text(st, 2, c->direction);
    store_bind_text(st, 3, c->cpv);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "looking up a capability");
    if (added)
        *added = rc == SQLITE_DONE;
    if (!(st = store_stmt(s, sql, err)))
        return -1;
    sqlite3_bind_int64(st, 1, org);
    store_bind_text(st, 2, c->direction);
    store_bind_text(st, 3, c->cpv);
    store_bind_text(st, 4, c->title);
    store_bind_text(st, 5, c->description);
    sqlite3_bind_int(st, 6, c->confidential ? 1 : 0);
    return store_step_done(s, st, err, "saving a capability");
}

int store_capability_each(struct store *s, const char *org, store_capability_fn fn, void *ud,
                          struct df_err *err)
{
    static const char sql[] =
        "SELECT o.id, c.direction, c.cpv, c.title, c.description, c.confidential,"
        " k.label_en, k.label_uk"
        " FROM capabilities c JOIN organisations o ON o.rid = c.org_rid"
        " LEFT JOIN cpv k ON k.code = c.cpv"
        " WHERE ?1 IS NULL OR o.id = ?1 ORDER BY o.id, c.direction DESC, c.cpv";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, org);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_capability c = {
            .org = store_col(st, 0), .direction = store_col(st, 1), .cpv = store_col(st, 2),
            .title = store_col(st, 3), .description = store_col(st, 4),
            .confidential = sqlite3_column_int(st, 5),
            .label_en = store_col(st, 6), .label_uk = store_col(st, 7),
        };
        stop = fn(ud, &c);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing capabilities");
    sqlite3_reset(st);
    return stop;
}

/* ---- CPV ----------------------------------------------------------------- */

int store_cpv_upsert(struct store *s, const char *code, const char *label_en,
                     const char *label_uk, int *added, struct df_err *err)
{
    static const char exists_sql[] = "SELECT 1 FROM cpv WHERE code = ?";
    static const char sql[] =
        "INSERT INTO cpv(code, label_en, label_uk) VALUES (?1, ?2, ?3)"
        " ON CONFLICT(code) DO UPDATE SET label_en = coalesce(?2, label_en),"
        " label_uk = coalesce(?3, label_uk)";
    if (added) {
        sqlite3_int64 r = store_rid(s, exists_sql, code, err);
        if (r < 0)
            return -1;
        *added = r == 0;
    }
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, code);
    store_bind_text(st, 2, label_en);
    store_bind_text(st, 3, label_uk);
    return store_step_done(s, st, err, "saving a CPV code");
}

int store_cpv_accepts(struct store *s, const char *code, struct df_err *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT 1 FROM cpv WHERE code = ?) OR NOT EXISTS (SELECT 1 FROM cpv)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, code);
    int rc = sqlite3_step(st);
    int ok = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) != 0 : -1;
    sqlite3_reset(st);
    if (ok < 0)
        store_fail(s, err, "looking up a CPV code");
    return ok;
}

const char *store_cpv_label(struct store *s, const char *code, const char *lang,
                            struct arena *a)
{
    static const char sql[] =
        "SELECT CASE WHEN ?2 = 'uk' THEN coalesce(label_uk, label_en) ELSE label_en END"
        " FROM cpv WHERE code = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, NULL);
    if (!st)
        return NULL;
    store_bind_text(st, 1, code);
    store_bind_text(st, 2, lang);
    const char *label = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        label = arena_strdup(a, store_col(st, 0));
    sqlite3_reset(st);
    return label;
}

int store_cpv_each(struct store *s, store_cpv_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] = "SELECT code, label_en, label_uk FROM cpv"
                              " WHERE label_en IS NOT NULL AND label_uk IS NOT NULL ORDER BY code";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW)
        stop = fn(ud, store_col(st, 0), store_col(st, 1), store_col(st, 2));
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing CPV codes");
    sqlite3_reset(st);
    return stop;
}
