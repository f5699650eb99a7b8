/* CSV imports of the forum's data (organisations, people, capabilities,
 * requests) and of the CPV classifier: validation of each row, one transaction
 * per file, FILE:LINE on every row refused. */
#include "app/attendees.h"
#include "app/import.h"
#include "app/availability.h"
#include "app/event.h"
#include "app/fields.h"
#include "app/interpreting.h"
#include "app/interpreting_day.h"
#include "app/mail_meetings.h"
#include "app/procure_import.h"
#include "app/programme_import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/file.h"
#include "core/cpv.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "core/strset.h"
#include "core/utf8.h"

/* ---- field checks shared by the row functions ------------------------------ */

/* A required, non-empty field. */
static const char *need(const struct csv_reader *r, const struct csv_row *row, const char *col,
                        struct df_err *err)
{
    const char *v = csv_get(r, row, col);
    if (!v || !*v) {
        df_err_set(err, DF_ERR_INPUT, "column \"%s\" is empty", col);
        df_err_code(err, "required", "col", col, NULL);
        return NULL;
    }
    return v;
}

/* An optional field: NULL when empty or absent. */
static const char *opt(const struct csv_reader *r, const struct csv_row *row, const char *col)
{
    const char *v = csv_get(r, row, col);
    return v && *v ? v : NULL;
}

/* A required id (one this row creates or one it names): an API path segment. */
static const char *need_id(const struct csv_reader *r, const struct csv_row *row,
                           const char *col, struct df_err *err)
{
    const char *v = need(r, row, col, err);
    return v && app_id_check(col, v, err) == 0 ? v : NULL;
}

/* A yes-or-no column (app_yes_no_word; empty means dflt): 0 or 1, or -1
 * with an error listing the words it takes. */
static int flag(const struct csv_reader *r, const struct csv_row *row, const char *col,
                int dflt, struct df_err *err)
{
    const char *v = opt(r, row, col);
    if (!v)
        return dflt;
    int yes = app_yes_no_word(v);
    if (yes < 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "%s \"%s\" is not yes or no: write " APP_YES_NO_WORDS " (any letter case)",
                   col, v);
        df_err_code(err, "yes_no", "col", col, "value", v, NULL);
        return -1;
    }
    return yes;
}

/* The word of allowed that v is in any letter case (a spreadsheet's
 * "Accepted"), as dfnc stores it; NULL with an error naming them when none. */
static const char *one_of(const char *col, const char *v, const char *const *allowed,
                          struct df_err *err)
{
    for (int i = 0; allowed[i]; i++)
        if (strcasecmp(v, allowed[i]) == 0)
            return allowed[i];
    char list[256] = "";
    for (int i = 0; allowed[i]; i++) {
        strncat(list, allowed[i], sizeof list - strlen(list) - 2);
        if (allowed[i + 1])
            strncat(list, "|", sizeof list - strlen(list) - 1);
    }
    df_err_set(err, DF_ERR_INPUT, "%s \"%s\" is not one of %s", col, v, list);
    df_err_code(err, "not_one_of", "col", col, "value", v, "list", list, NULL);
    return NULL;
}

/* ---- notes ------------------------------------------------------------------------ */

void app_import_note_add(struct app_import_result *res, int line, const char *msg,
                         const char *code, const char *const *pairs)
{
    int named = res->notes.named;
    df_problems_add(&res->notes, line, msg);
    if (res->notes.named == named)   /* past the first DF_PROBLEMS_NAMED */
        return;
    struct app_import_note *c = &res->coded[named];
    *c = (struct app_import_note){.code = code};
    size_t used = 0;
    for (int i = 0; pairs[i] && c->values_n < APP_NOTE_VALUES_MAX; i += 2) {
        const char *v = pairs[i + 1];
        if (!v)
            continue;
        size_t n = utf8_prefix(v, strlen(v), sizeof c->text - used - 1);
        memcpy(c->text + used, v, n);
        c->text[used + n] = '\0';
        c->name[c->values_n] = pairs[i];
        c->value[c->values_n++] = c->text + used;
        used += n + 1;
        if (used >= sizeof c->text)
            break;
    }
}

/* ---- a row's checks ----------------------------------------------------------- */

void app_row_checks_begin(struct app_row_checks *c, const struct csv_reader *r,
                          const struct csv_row *row, struct app_import_result *res,
                          struct df_err *err)
{
    *c = (struct app_row_checks){.r = r, .row = row, .res = res, .err = err};
}

/* bad, having counted the problem c->e says when it is true. */
static bool failed(struct app_row_checks *c, bool bad)
{
    if (!bad || c->broken)
        return bad;
    if (c->e.kind == DF_ERR_RUNTIME) {
        *c->err = c->e;
        c->broken = true;
        return bad;
    }
    /* an input problem: refused as any row's, so never the machine's (-1) */
    if (c->n++ > 0)
        (void)df_problems_refuse(&c->res->problems, c->err, csv_reader_name(c->r), c->row->line);
    *c->err = c->e;
    df_err_clear(&c->e);
    return bad;
}

int app_row_checks_end(const struct app_row_checks *c)
{
    return c->n > 0 || c->broken ? -1 : 0;
}

/* An organisation the row names (when it names one, id not NULL) exists. */
static void org_known(struct store *s, struct app_row_checks *c, const char *id)
{
    if (!id)
        return;
    int exists = store_org_exists(s, id, &c->e);
    if (exists == 0) {
        df_err_set(&c->e, DF_ERR_INPUT, "organisation \"%s\" is unknown (import organisations "
                   "first)", id);
        df_err_code(&c->e, "unknown_org", "value", id, NULL);
    }
    failed(c, exists <= 0);
}

/* ---- organisations --------------------------------------------------------- */

static const char *const org_columns[] = {"id", "name", "country", "kind", NULL};

bool app_row_check_failed(void *ud, const char *field, bool bad)
{
    (void)field; /* the problem's sentence names it */
    return failed(ud, bad);
}

bool app_first_problem_keep(void *ud, const char *field, bool bad)
{
    struct app_first_problem *f = ud;
    if (bad && f->first.kind == DF_OK) {
        f->first = f->scratch;
        f->first_prefix = f->prefix ? f->prefix : "";
        f->first_field = field;
    }
    df_err_clear(&f->scratch);
    return bad;
}

static int org_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                   int *added, struct app_import_result *res, struct df_err *err)
{
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    const struct app_value_checks vc = {app_row_check_failed, &c, &c.e, APP_EMPTY_COLUMN};
    struct store_org o = {0};
    char country[3], website[APP_WEBSITE_MAX + sizeof "http://"];
    failed(&c, !(o.id = need_id(r, row, "id", &c.e)));
    o.name = opt(r, row, "name");
    o.country = opt(r, row, "country");
    o.kind = opt(r, row, "kind");
    app_org_values_check(&o, country, &vc);
    int sme = flag(r, row, "sme", 0, &c.e);
    failed(&c, sme < 0);
    o.sme = sme > 0;
    o.name_uk = opt(r, row, "name_uk");
    o.city = opt(r, row, "city");
    o.website = opt(r, row, "website");
    o.description = opt(r, row, "description");
    o.description_uk = opt(r, row, "description_uk");
    app_org_more_values_check(&o, website, sizeof website, &vc);
    if (app_row_checks_end(&c) < 0)
        return -1;
    return store_org_upsert(s, &o, added, err);
}

/* Whether required value v is there; if not, said as vc->empty says it
 * (when vc says none, its caller refused it before). */
static bool present(const struct app_value_checks *vc, const char *field, const char *v)
{
    if (v)
        return true;
    if (vc->empty) {
        df_err_set(vc->e, DF_ERR_INPUT, vc->empty, field);
        df_err_code(vc->e, "required", "col", field, NULL);
        vc->failed(vc->ud, field, true);
    }
    return false;
}

void app_org_values_check(struct store_org *o, char country[3], const struct app_value_checks *vc)
{
    if (present(vc, "name", o->name))
        vc->failed(vc->ud, "name", utf8_line_check("name", o->name, vc->e) < 0);
    if (present(vc, "country", o->country))
        vc->failed(vc->ud, "country",
                   app_country_check("country", o->country = app_country_upper(o->country, country),
                                     vc->e) < 0);
    if (present(vc, "kind", o->kind))
        vc->failed(vc->ud, "kind", app_org_kind_check(o->kind = app_org_kind_word(o->kind), vc->e) < 0);
}

void app_org_more_values_check(struct store_org *o, char *website, size_t website_cap,
                               const struct app_value_checks *vc)
{
    vc->failed(vc->ud, "name_uk", utf8_line_check("name_uk", o->name_uk, vc->e) < 0);
    vc->failed(vc->ud, "city", utf8_line_check("city", o->city, vc->e) < 0);
    vc->failed(vc->ud, "website",
               o->website && !(o->website = app_website_read(o->website, website, website_cap,
                                                             vc->e)));
    vc->failed(vc->ud, "description",
               app_text_length_check("description", o->description, vc->e) < 0);
    vc->failed(vc->ud, "description_uk",
               app_text_length_check("description_uk", o->description_uk, vc->e) < 0);
}

/* ---- people -------------------------------------------------------------------- */

static const char *const person_columns[] = {"id", "organisation", "name", NULL};

static int person_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                      int *added, struct app_import_result *res, struct df_err *err)
{
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_person p = {0};
    failed(&c, !(p.id = need_id(r, row, "id", &c.e)));
    if (!failed(&c, !(p.org = need_id(r, row, "organisation", &c.e))))
        org_known(s, &c, p.org);
    p.name = opt(r, row, "name");
    p.email = opt(r, row, "email");
    p.title = opt(r, row, "title");
    p.languages = opt(r, row, "languages");
    /* an empty or missing attendance keeps what the person has (on site when new) */
    const char *attendance = opt(r, row, "attendance");
    if (attendance)
        failed(&c, app_attendance_check("attendance", p.attendance = app_attendance_word(attendance),
                                        &c.e) < 0);
    app_person_values_check(&p, &(const struct app_value_checks){app_row_check_failed, &c, &c.e,
                                                                 APP_EMPTY_COLUMN});
    if (app_row_checks_end(&c) < 0)
        return -1;
    return store_person_upsert(s, &p, added, err);
}

void app_person_values_check(const struct store_person *p, const struct app_value_checks *vc)
{
    if (present(vc, "name", p->name))
        vc->failed(vc->ud, "name", utf8_line_check("name", p->name, vc->e) < 0);
    vc->failed(vc->ud, "title", utf8_line_check("title", p->title, vc->e) < 0);
    vc->failed(vc->ud, "email", p->email && (utf8_line_check("email", p->email, vc->e) < 0 ||
                                             app_email_check("email", p->email, vc->e) < 0));
    vc->failed(vc->ud, "languages", p->languages && app_languages_check(p->languages, vc->e) < 0);
}

/* Another person whose address email is (people's unique column): one per
 * person, as logins and invitations key on it. */
static int email_holder(struct store *s, const char *email, const char *person, struct arena *a,
                        const char **who, const char **holder, const char **code,
                        struct df_err *err)
{
    bool is_login;
    int found = store_person_email_holder(s, email, person, a, holder, &is_login, err);
    if (found <= 0)
        return found;
    *who = arena_printf(a, is_login ? "the login of person \"%s\"" : "person \"%s\"'s",
                         *holder);
    *code = is_login ? "email_login" : "email_stored";
    return *who ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
}

int app_person_email_free(struct store *s, const char *email, const char *person,
                          struct arena *a, struct df_err *err)
{
    const char *who, *holder, *code;
    int held = email_holder(s, email, person, a, &who, &holder, &code, err);
    if (held <= 0)
        return held;
    df_err_set(err, DF_ERR_CONFLICT, "email \"%s\" is already %s: %s", email, who,
               APP_EMAIL_WHY);
    df_err_code(err, code, "value", email, "id", holder, NULL);
    return -1;
}

/* ---- capabilities ------------------------------------------------------------- */

static const char *const capability_columns[] = {"organisation", "direction", "cpv", "title",
                                                 NULL};
static const char *const directions[] = {"offer", "need", NULL};

static int capability_row(struct store *s, const struct csv_reader *r,
                          const struct csv_row *row, int *added,
                          struct app_import_result *res, struct df_err *err)
{
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_capability cap = {0};
    if (!failed(&c, !(cap.org = need_id(r, row, "organisation", &c.e))))
        org_known(s, &c, cap.org);
    if (!failed(&c, !(cap.direction = need(r, row, "direction", &c.e))))
        failed(&c, !(cap.direction = one_of("direction", cap.direction, directions, &c.e)));
    failed(&c, !(cap.cpv = need(r, row, "cpv", &c.e)) || app_cpv_check(s, cap.cpv, &c.e) < 0);
    failed(&c, !(cap.title = need(r, row, "title", &c.e)) ||
                   utf8_line_check("title", cap.title, &c.e) < 0);
    int confidential = flag(r, row, "confidential", 0, &c.e);
    failed(&c, confidential < 0);
    cap.confidential = confidential > 0;
    cap.description = opt(r, row, "description");
    failed(&c, app_text_length_check("description", cap.description, &c.e) < 0);
    if (app_row_checks_end(&c) < 0)
        return -1;
    return store_capability_upsert(s, &cap, added, err);
}

/* ---- requests -------------------------------------------------------------------- */

/* What an existing request would change that it may not: its event, its
 * people ("" when nothing). */
static void moved(const struct store_request *old, const struct store_request *q, char *out,
                  size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    const char *what[] = {"event", "from", "to"};
    const char *was[] = {old->event, old->from, old->to}, *now[] = {q->event, q->from, q->to};
    for (int i = 0; i < 3; i++)
        if (strcmp(was[i], now[i]) != 0 && n < cap)
            n += (size_t)snprintf(out + n, cap - n, "%s%s to \"%.60s\"", n ? ", " : "", what[i],
                                  now[i]);
}

/* An accepted request the row takes out of "accepted" loses its meeting now,
 * as a participant's cancel does (a meeting whose request is not accepted
 * would still show in agendas and feeds until the next schedule run); a
 * published one is named in res->notes, for the organiser to tell the two. */
static int drop_meeting(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                        const struct store_request *q, struct arena *a,
                        struct app_import_result *res, struct df_err *err)
{
    struct store_meeting m;
    if (store_meeting_of_request(s, q->id, a, &m, err) < 0) {
        if (err->kind != DF_ERR_NOT_FOUND)
            return -1;
        df_err_clear(err);
        return 0;
    }
    if (store_meeting_delete_for_request(s, q->id, err) < 0)
        return -1;
    res->meetings_removed++;
    if (m.locked) {
        char note[512], starts[17];
        snprintf(note, sizeof note,
                 "%s:%d: request \"%.60s\" (%.60s to %.60s) is now %s: its published meeting, "
                 "%.16s %s%.60s, is removed from their agendas and calendar feeds; tell them",
                 csv_reader_name(r), row->line, q->id, q->from, q->to, q->status, m.starts_at,
                 m.location_name || !m.online ? "at " : "",
                 m.location_name ? m.location_name : m.online ? "online" : "no table");
        snprintf(starts, sizeof starts, "%.16s", m.starts_at);
        const char *const values[] = {"request", q->id, "from", q->from, "to", q->to, "status",
                                      q->status, "starts", starts, "table", m.location_name,
                                      "online", m.online ? "1" : NULL, NULL};
        app_import_note_add(res, row->line, note, "meeting_removed", values);
    }
    return 0;
}

static const char *const request_columns[] = {"id", "event", "from", "to", NULL};
static const char *const statuses[] = {"pending", "accepted", "declined", "cancelled", NULL};

static int request_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                       int *added, struct app_import_result *res, struct df_err *err)
{
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_request q = {0};
    failed(&c, !(q.id = need_id(r, row, "id", &c.e)));
    failed(&c, !(q.event = need_id(r, row, "event", &c.e)));
    failed(&c, !(q.from = need_id(r, row, "from", &c.e)));
    failed(&c, !(q.to = need_id(r, row, "to", &c.e)));
    const char *priority = opt(r, row, "priority");
    q.priority = 1;
    if (priority && (strlen(priority) != 1 || !isdigit((unsigned char)priority[0]))) {
        df_err_set(&c.e, DF_ERR_INPUT, "priority \"%s\" must be 0-9 (9 = must meet)", priority);
        df_err_code(&c.e, "priority", "value", priority, NULL);
        failed(&c, true);
    } else if (priority)
        q.priority = priority[0] - '0';
    q.status = opt(r, row, "status");
    failed(&c, !(q.status = one_of("status", q.status ? q.status : "pending", statuses, &c.e)));
    q.message = opt(r, row, "message");
    failed(&c, app_text_length_check("message", q.message, &c.e) < 0);
    if (q.from && q.to && strcmp(q.from, q.to) == 0) {
        df_err_set(&c.e, DF_ERR_INPUT, "from and to are the same person \"%s\"", q.from);
        df_err_code(&c.e, "same_person", "value", q.from, NULL);
        failed(&c, true);
    }
    if (app_row_checks_end(&c) < 0)
        return -1;
    int rc = -1;
    struct arena a;
    arena_init(&a, 0);
    struct store_request old;
    if (store_request_get(s, q.id, &a, &old, err) == 0) {
        /* a request never moves: its meeting lies in its event's slots, and
         * its people answered it */
        char change[256];
        moved(&old, &q, change, sizeof change);
        if (*change) {
            df_err_set(err, DF_ERR_CONFLICT,
                       "request \"%s\" belongs to event \"%s\", from \"%s\" to \"%s\": an "
                       "import may change its status, priority and message, not move its %s "
                       "(a new request needs a new id)",
                       q.id, old.event, old.from, old.to, change);
            df_err_code(err, "request_moved", "value", q.id, "event", old.event, "from", old.from,
                        "to", old.to, NULL);
            goto out;
        }
        if (strcmp(old.status, "accepted") == 0 && strcmp(q.status, "accepted") != 0 &&
            drop_meeting(s, r, row, &q, &a, res, err) < 0)
            goto out;
    } else if (err->kind != DF_ERR_NOT_FOUND) {
        goto out;
    }
    df_err_clear(err);
    /* a new request's event (an existing one keeps its own: a move is refused above) */
    if (app_event_known_check(s, q.event, err) < 0)
        goto out;
    if (store_request_upsert(s, &q, added, err) < 0) {
        if (err->kind == DF_ERR_NOT_FOUND)
            err->kind = DF_ERR_INPUT;
        goto out;
    }
    /* colleagues who join its meeting, checked as POST /requests/{id}/attendees */
    const char *attendees = opt(r, row, "attendees");
    if (attendees && app_attendees_import(s, q.id, attendees, res->now, err) < 0)
        goto out;
    rc = 0;
out:
    arena_free(&a);
    return rc;
}

/* ---- interpreters ---------------------------------------------------------------- */

static const char *const interpreter_columns[] = {"id", "event", "name", "pair", NULL};

/* An interpreter booked on the day goes at once to the published meetings
 * of event still to come that need one (app/interpreting_day.h): counted in
 * res, with those still without one after this row. */
static int give_interpreters(struct store *s, const char *event, struct app_import_result *res,
                             struct df_err *err)
{
    struct arena a;
    struct app_interpreting_day d;
    arena_init(&a, 0);
    int rc = app_interpreting_fill(s, event, res->now, &a, &d, err);
    if (rc == 0) {
        res->interpreters_given += d.given;
        res->interpreters_lacking = d.gaps_n;
    }
    arena_free(&a);
    return rc;
}

static int interpreter_row(struct store *s, const struct csv_reader *r,
                           const struct csv_row *row, int *added,
                           struct app_import_result *res, struct df_err *err)
{
    struct app_row_checks c;
    app_row_checks_begin(&c, r, row, res, err);
    struct store_interpreter x = {0};
    char a[3], b[3];
    const char *pair;
    failed(&c, !(x.id = need_id(r, row, "id", &c.e)));
    if (!failed(&c, !(x.event = need_id(r, row, "event", &c.e))))
        failed(&c, app_event_known_check(s, x.event, &c.e) < 0);
    failed(&c, !(x.name = need(r, row, "name", &c.e)) ||
                   app_text_length_check("name", x.name, &c.e) < 0 ||
                   utf8_line_check("name", x.name, &c.e) < 0);
    failed(&c, !(pair = need(r, row, "pair", &c.e)) || app_language_pair(pair, a, b, &c.e) < 0);
    x.lang_a = a;
    x.lang_b = b;
    x.session = opt(r, row, "session");
    failed(&c, x.session && app_id_check("session", x.session, &c.e) < 0);
    if (app_row_checks_end(&c) < 0)
        return -1;
    if (store_interpreter_upsert(s, &x, added, err) < 0) {
        if (err->kind == DF_ERR_NOT_FOUND)
            err->kind = DF_ERR_INPUT;
        return -1;
    }
    return give_interpreters(s, x.event, res, err);
}

/* ---- availability ---------------------------------------------------------------- */

static const char *const availability_columns[] = {"person", "event", "away", NULL};

/* person's away slots at event become the row's ';'-separated list (empty:
 * available in every slot), checked as the API checks them. */
static int availability_row(struct store *s, const struct csv_reader *r,
                            const struct csv_row *row, int *added,
                            struct app_import_result *res, struct df_err *err)
{
    (void)res;
    *added = 0;
    const char *person, *event, *away = opt(r, row, "away");
    if (!(person = need_id(r, row, "person", err)) || !(event = need_id(r, row, "event", err)))
        return -1;
    struct arena a;
    arena_init(&a, 0);
    const char **ids;
    int rc = -1, n = app_list_items(&a, away, &ids, err);
    if (n < 0)
        goto out;
    /* no audit line a row: the import writes one for its file */
    rc = app_availability_replace(s, NULL, APP_AVAIL_BY_IMPORT, person, event, ids, n, &a, err);
    if (rc < 0 && err->kind == DF_ERR_NOT_FOUND)
        err->kind = DF_ERR_INPUT;
out:
    arena_free(&a);
    return rc;
}

/* ---- the kinds and the driver ---------------------------------------------------- */

int app_import_row_text_check(const struct csv_reader *r, const struct csv_row *row,
                              struct df_err *err)
{
    /* a spreadsheet's trailing empty columns may come or not: a row as wide
     * as the named columns or as the whole header is whole */
    int want = csv_reader_columns_n(r), named = csv_reader_named_n(r);
    char delim = csv_reader_delimiter(r);
    const char *dname = delim == ';' ? "semicolon" : delim == '\t' ? "tab" : "comma";
    if (row->fields_n > want || row->fields_n < named) {
        char hint[64] = "";
        if (row->fields_n > want)
            snprintf(hint, sizeof hint, " (a %s in a field without quotes?)", dname);
        int header = row->fields_n < named ? named : want;
        df_err_set(err, DF_ERR_INPUT, "%d field%s where the header has %d%s", row->fields_n,
                   row->fields_n == 1 ? "" : "s", header, hint);
        df_err_code(err, *hint ? "fields_over" : "fields_count", "n", DF_NUM(row->fields_n),
                    "max", DF_NUM(header), "delimiter", dname, NULL);
        return -1;
    }
    for (int i = 0; i < row->fields_n; i++) {
        const char *col = csv_reader_header(r, i);
        char what[64];
        if (col && *col)
            snprintf(what, sizeof what, "%.60s", col);
        else if (*row->fields[i]) {   /* read by nobody: it would be lost without a word */
            df_err_set(err, DF_ERR_INPUT,
                       "field %d holds \"%.40s\" but its column has no name in the header: "
                       "name the column, or empty it",
                       i + 1, row->fields[i]);
            df_err_code(err, "unnamed", "n", DF_NUM(i + 1), "value", row->fields[i], NULL);
            return -1;
        } else
            continue;
        if (utf8_text_check(what, row->fields[i], err) < 0)
            return -1;
    }
    return 0;
}

static const struct app_import_kind app_import_kinds[] = {
    {.kind = "organisations", .required = org_columns, .key = {"id"}, .row = org_row},
    {.kind = "people", .required = person_columns, .key = {"id"}, .row = person_row,
     .unique = "email", .unique_holder = email_holder,
     .unique_why = APP_EMAIL_WHY, .unique_code = "email_twice"},
    /* one offer and one need per organisation and CPV code (the store's key):
     * a second product under one code would replace the first */
    {.kind = "capabilities", .required = capability_columns,
     .key = {"organisation", "direction", "cpv"}, .row = capability_row,
     .key_hint = "an organisation states one offer and one need per CPV code: put both in one "
                 "row's title and description, or give one a more precise code",
     .key_code = "duplicate_capability", .key_any_case = 1u << 1},
    {.kind = "requests", .required = request_columns, .key = {"id"}, .row = request_row,
     .moves_meetings = true},
    {.kind = "interpreters", .required = interpreter_columns, .key = {"id"},
     .row = interpreter_row},
    {.kind = "availability", .required = availability_columns, .key = {"person", "event"},
     .row = availability_row, .key_code = "duplicate_pair"},
    /* the programme: an event's own fields, then its sessions, cut into slots */
    {.kind = "events", .required = app_event_columns, .key = {"id"}, .row = app_event_row,
     .moves_meetings = true},
    {.kind = "sessions", .required = app_session_columns, .key = {"id"}, .row = app_session_row,
     .moves_meetings = true},
    {.kind = "demands", .required = app_procure_demand_columns, .key = {"id"},
     .row = app_procure_demand_row},
    {.kind = "supplies", .required = app_procure_supply_columns, .key = {"id"},
     .row = app_procure_supply_row},
};

int app_import_csv(struct store *s, const char *kind, const char *path, enum codepage enc,
                   int64_t now, struct app_import_result *res, struct df_err *err)
{
    for (size_t i = 0; i < sizeof app_import_kinds / sizeof app_import_kinds[0]; i++)
        if (strcmp(app_import_kinds[i].kind, kind) == 0)
            return app_import_csv_kind(s, &app_import_kinds[i], path, enc, now, res, err);
    return df_err_set(err, DF_ERR_USAGE, "cannot import \"%s\"", kind);
}

/* A row's key (k->key's values, space-separated: ids and the values keyed
 * with them hold no space) into key, and its columns' names ("id", "person
 * and event", "organisation, direction and cpv") into names. 0 when the row
 * has no key (the kind has none, or one of its values is empty: the row's own
 * checks refuse that), 1 when it has. */
static int row_key(const struct csv_reader *r, const struct csv_row *row,
                   const struct app_import_kind *k, char *key, size_t key_size, char *names,
                   size_t names_size)
{
    size_t n = 0;
    while (n < APP_IMPORT_KEY_MAX && k->key[n])
        n++;
    size_t key_len = 0, names_len = 0;
    key[0] = names[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *v = csv_get(r, row, k->key[i]);
        if (!v || !*v)
            return 0;
        const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
        size_t from = key_len;
        key_len += (size_t)snprintf(key + key_len, key_len < key_size ? key_size - key_len : 0,
                                    "%s%.*s", i ? " " : "", APP_ID_MAX, v);
        for (size_t j = from; (k->key_any_case >> i & 1u) && j < key_len && j < key_size; j++)
            key[j] = (char)tolower((unsigned char)key[j]);   /* "Offer" is "offer" */
        names_len += (size_t)snprintf(names + names_len,
                                      names_len < names_size ? names_size - names_len : 0, "%s%s",
                                      sep, k->key[i]);
    }
    return n > 0;
}

/* Whether row repeats an earlier row's key in this file (seen holds those):
 * 0 no, 1 yes (said in err), -1 out of memory. */
static int repeated_key(const struct csv_reader *r, const struct csv_row *row,
                        const struct app_import_kind *k, const char *path, struct strset *seen,
                        struct df_err *err)
{
    char key[APP_IMPORT_KEY_MAX * (APP_ID_MAX + 1) + 1], names[128];
    if (!row_key(r, row, k, key, sizeof key, names, sizeof names))
        return 0;
    int fresh = strset_add(seen, key);
    if (fresh < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return -1;
    }
    if (fresh)
        return 0;
    if (!k->key[1])
        df_err_set(err, DF_ERR_INPUT, "%s:%d: duplicate %s \"%s\" in this file", path, row->line,
                   names, key);
    else if (!k->key_hint)
        df_err_set(err, DF_ERR_INPUT, "%s:%d: duplicate %s \"%s\" in this file: one row each",
                   path, row->line, names, key);
    else
        df_err_set(err, DF_ERR_INPUT,
                   "%s:%d: duplicate %s \"%s\" in this file: one row each (%s)", path,
                   row->line, names, key, k->key_hint);
    df_err_code(err, k->key_code ? k->key_code : "duplicate", "col", names, "value", key, NULL);
    return 1;
}

/* The rows taken by their unique column's value (app_import_kind.unique),
 * letter case folded: for a later row of another key that gives it again,
 * and, once every row is in, for a stored row of another key holding it. */
struct unique_rows {
    struct strmap index;   /* folded value -> its entry in row[] */
    struct unique_row {
        int line;
        const char *value, *key;
        bool again;   /* a later row gave it: said so, and not judged against the store */
    } *row;
    int n, cap;
    struct arena a;
};

static void unique_rows_free(struct unique_rows *u)
{
    strmap_free(&u->index);
    free(u->row);
    arena_free(&u->a);
}

/* Records row's unique value, taken (it is the kind's unique column's, not
 * empty). 0, or 1 when a row before it of another key gave it (said in
 * err, naming that line), or -1 out of memory. */
static int unique_taken(const struct csv_reader *r, const struct csv_row *row,
                        const struct app_import_kind *k, const char *path,
                        struct unique_rows *u, struct df_err *err)
{
    const char *v = k->unique ? csv_get(r, row, k->unique) : NULL, *key = csv_get(r, row, k->key[0]);
    if (!v || !*v || !key)
        return 0;
    char *folded = arena_alloc(&u->a, strlen(v) + 1);
    if (!folded || df_grow((void **)&u->row, &u->cap, u->n, sizeof *u->row) < 0)
        goto oom;
    utf8_fold_str(v, folded, strlen(v) + 1);
    int at = strmap_put(&u->index, folded, u->n);
    if (at == -2)
        goto oom;
    if (at != u->n) {
        struct unique_row *first = &u->row[at];
        first->again = true;
        df_err_set(err, DF_ERR_INPUT, "%s:%d: %s \"%s\" is also on line %d (%s \"%s\"): %s",
                   path, row->line, k->unique, v, first->line, k->key[0], first->key,
                   k->unique_why);
        df_err_code(err, k->unique_code, "value", v, "n", DF_NUM(first->line), "id", first->key,
                    NULL);
        return 1;
    }
    u->row[u->n] = (struct unique_row){row->line, arena_strdup(&u->a, v),
                                       arena_strdup(&u->a, key), false};
    if (!u->row[u->n].value || !u->row[u->n].key)
        goto oom;
    u->n++;
    return 0;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    return -1;
}

/* Every unique value of the file that a stored row of another key holds
 * once the file is in, counted in bad by its line. 0, or -1 with err. */
static int unique_stored(struct store *s, const struct app_import_kind *k, const char *path,
                         struct unique_rows *u, struct df_problems *bad, struct df_err *err)
{
    for (int i = 0; i < u->n; i++) {
        const char *who, *holder, *code;
        if (u->row[i].again)
            continue;
        int held = k->unique_holder(s, u->row[i].value, u->row[i].key, &u->a, &who, &holder,
                                    &code, err);
        if (held < 0)
            return -1;
        if (!held)
            continue;
        char msg[512];
        snprintf(msg, sizeof msg, "%s:%d: %s \"%.200s\" is already %s: %s", path,
                 u->row[i].line, k->unique, u->row[i].value, who, k->unique_why);
        struct df_err coded = {0};
        df_err_code(&coded, code, "value", u->row[i].value, "id", holder, NULL);
        df_problems_add_coded(bad, u->row[i].line, msg, &coded);
    }
    return 0;
}

int app_import_csv_kind(struct store *s, const struct app_import_kind *k, const char *path,
                        enum codepage enc, int64_t now, struct app_import_result *res,
                        struct df_err *err)
{
    int result = -1;
    struct strset seen;
    strset_init(&seen);
    struct unique_rows unique = {0};
    arena_init(&unique.a, 0);
    memset(res, 0, sizeof *res);
    res->now = now;
    struct df_problems *bad = &res->problems;
    struct csv_reader *r = csv_reader_open(path, k->required, enc, err);
    if (!r)
        return -1;
    res->encoding = csv_reader_encoding(r);
    struct app_mail_watch *watch = NULL;
    if (store_begin(s, err) < 0)
        goto out;
    if (k->moves_meetings && app_mail_watch_begin(s, NULL, NULL, &watch, err) < 0)
        goto rollback;
    res->mail_watch = watch;
    struct csv_row row;
    int got;
    /* every row is read: a refused one is named and the next one read, so
     * that the file is mended in one pass; nothing is kept if one is refused */
    while ((got = csv_reader_next(r, &row, err)) > 0) {
        /* a row cut or shifted by a delimiter is said so before its key is read */
        int whole = app_import_row_text_check(r, &row, err) == 0;
        int repeated = whole ? repeated_key(r, &row, k, path, &seen, err) : 0;
        if (repeated < 0)
            goto rollback;
        if (repeated) {
            df_problems_add_coded(bad, row.line, err->msg, err);
            continue;
        }
        int added = 0;
        if (!whole || k->row(s, r, &row, &added, res, err) < 0) {
            if (df_problems_refuse(bad, err, path, row.line) < 0)
                goto rollback;
            continue;
        }
        int again = unique_taken(r, &row, k, path, &unique, err);
        if (again < 0)
            goto rollback;
        if (again)
            df_problems_add_coded(bad, row.line, err->msg, err);
        res->rows++;
        if (added)
            res->added++;
        else
            res->updated++;
    }
    if (df_problems_end(bad, err, path, got) < 0)   /* malformed there: read no further */
        goto rollback;
    if (got == 0 && k->unique && unique_stored(s, k, path, &unique, bad, err) < 0)
        goto rollback;
    if (bad->n > 0) {
        df_err_set(err, DF_ERR_INPUT, "%s", bad->msg[0]);
        df_err_code_of(err, &bad->coded[0]);
        goto rollback;
    }
    char detail[128];
    snprintf(detail, sizeof detail, "%s: %d added, %d updated (%s)", k->kind, res->added,
             res->updated, codepage_name(res->encoding));
    /* frees it */
    int told = app_mail_watch_end(s, watch, APP_MAIL_BY_ORGANISERS, NULL, NULL, err);
    watch = res->mail_watch = NULL;
    if (told < 0 || store_audit(s, "cli", "import", k->kind, path, detail, err) < 0 ||
        store_commit(s, err) < 0)
        goto rollback;
    result = 0;
    goto out;
rollback:
    store_rollback(s);
    res->rows = res->added = res->updated = res->meetings_removed = 0;
    res->meetings_moved = res->meetings_unscheduled = res->video_mailed = 0;
    res->interpreters_given = res->interpreters_lacking = 0;
    res->notes = (struct df_problems){0};   /* nothing of them happened */
out:
    app_mail_watch_free(watch);
    res->mail_watch = NULL;
    csv_reader_close(r);
    strset_free(&seen);
    unique_rows_free(&unique);
    return result;
}

/* ---- the CPV classifier ---------------------------------------------------------- */

#define CPV_JSON_MAX (16 * 1024 * 1024)
#define CPV_LABEL_MAX 1000   /* bytes; the classifier's longest label has 319 */

int app_import_cpv_json(struct store *s, const char *path, const char *lang,
                        struct app_import_result *res, struct df_err *err)
{
    memset(res, 0, sizeof *res);
    res->encoding = CODEPAGE_UTF8;   /* JSON is */
    json_error_t jerr;
    FILE *f = file_open_read(path, err);
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    if (size > CPV_JSON_MAX) {
        fclose(f);
        return df_err_set(err, DF_ERR_INPUT, "%s: %ld bytes, over the limit of %d", path, size,
                          CPV_JSON_MAX);
    }
    json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    if (!root)
        return df_err_set(err, DF_ERR_INPUT, "%s:%d: %s", path, jerr.line, jerr.text);
    int result = -1;
    if (!json_is_object(root)) {
        df_err_set(err, DF_ERR_INPUT, "%s:1: expected an object {\"code\": \"label\"}", path);
        goto out;
    }
    if (!lang) {
        /* Guess the language from the labels: Cyrillic means Ukrainian. */
        const char *key;
        json_t *v;
        lang = "en";
        json_object_foreach(root, key, v) {
            const char *t = json_string_value(v);
            if (t && (unsigned char)t[0] >= 0xD0)
                lang = "uk";
            break;
        }
    }
    if (store_begin(s, err) < 0)
        goto out;
    const char *code;
    json_t *label;
    json_object_foreach(root, code, label) {
        if (!cpv_is_well_formed(code) || !json_is_string(label)) {
            df_err_set(err, DF_ERR_INPUT, "%s: entry \"%.40s\" is not a CPV code with a label",
                       path, code);
            store_rollback(s);
            goto out;
        }
        int added = 0;
        const char *text = json_string_value(label);
        if (strlen(text) > CPV_LABEL_MAX) {
            df_err_set(err, DF_ERR_INPUT, "%s: the label of %s is longer than %d bytes", path,
                       code, CPV_LABEL_MAX);
            store_rollback(s);
            goto out;
        }
        int is_uk = strcmp(lang, "uk") == 0;
        if (store_cpv_upsert(s, code, is_uk ? NULL : text, is_uk ? text : NULL, &added, err) < 0) {
            store_rollback(s);
            goto out;
        }
        res->rows++;
        res->added += added;
        res->updated += !added;
    }
    if (store_audit(s, "cli", "import", "cpv", path, lang, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        goto out;
    }
    result = 0;
out:
    json_decref(root);
    return result;
}
