/* dfnc check (see check.h): each kind's walk over the store, each stored
 * value through the rule the ways in apply to it. */
#include "app/check.h"
#include "app/auth.h"
#include "app/event.h"
#include "app/fields.h"
#include "app/glossary.h"
#include "app/import.h"
#include "app/interpreting.h"
#include "app/outcomes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "core/utf8.h"
#include "store/check.h"
#include "store/procure.h"
#include "store/store.h"

enum kind {
    K_DATABASE, K_ORG, K_PERSON, K_CAPABILITY, K_EVENT, K_SESSION, K_SLOT, K_TABLE,
    K_INTERPRETER, K_REQUEST, K_MEETING, K_OUTCOME, K_DEMAND, K_SUPPLY, K_USER, K_GLOSSARY, K_N
};

static const char *const kind_names[K_N] = {
    "database", "organisation", "person", "capability", "event", "session", "slot", "table",
    "interpreter", "request", "meeting", "outcome", "demand", "supply", "user", "glossary"};

_Static_assert(K_N == APP_CHECK_KINDS, "a count for every kind");

struct walk {
    const char *path;            /* the database's: the id of its own findings */
    struct store *s;
    struct app_check_report *r;
    struct df_err why;           /* the sentence of the rule that refused */
    struct strmap orgs;          /* organisation id -> its index in countries */
    char (*countries)[3];
    int countries_n, countries_cap;
    struct strmap people;        /* person id -> their organisation's index */
    struct strmap emails;        /* a person's address, letter case folded -> its holder */
    const char **holders;        /* by that index: the first person stored with it */
    int holders_n, holders_cap;
    int oom;
};

/* ---- findings ------------------------------------------------------------------ */

/* s as a terminal and a reader may be shown it: bytes that are not UTF-8,
 * controls (C0, DEL, C1) as \xNN, invisible format characters (bidi
 * controls, zero-width spaces) as <U+NNNN>. In a. */
static const char *shown(struct arena *a, const char *s)
{
    struct buf b = BUF_INIT(64 * 1024);
    const char *p = s ? s : "", *end = p + strlen(p);
    while (p < end) {
        const char *at = p;
        long c = utf8_decode(&p, end);
        if (c < 0) {
            buf_printf(&b, "\\x%02X", (unsigned char)*at);
            p = at + 1;
        } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            buf_printf(&b, "\\x%02lX", c);
        } else if (utf8_is_format(c)) {
            buf_printf(&b, "<U+%04lX>", c);
        } else {
            buf_append(&b, at, (size_t)(p - at));
        }
    }
    char *out = arena_strndup(a, buf_str(&b), b.len);
    buf_free(&b);
    return out;
}

/* Records the finding whose sentence is in w->why; 0 (the walk goes on), -1
 * when memory ran out. */
static int found(struct walk *w, enum kind k, const char *id, const char *field, bool warning)
{
    struct app_check_report *r = w->r;
    if (df_grow((void **)&r->findings, &r->findings_cap, r->findings_n, sizeof *r->findings) < 0)
        return w->oom = -1;
    struct app_check_finding *f = &r->findings[r->findings_n];
    *f = (struct app_check_finding){kind_names[k], shown(&r->a, id), field,
                                    shown(&r->a, w->why.msg), warning};
    if (!f->id || !f->message)
        return w->oom = -1;
    r->findings_n++;
    if (warning) {
        r->warnings++;
        r->counts[k].warnings++;
    } else {
        r->problems++;
        r->counts[k].problems++;
    }
    df_err_clear(&w->why);
    return 0;
}

/* The result of a rule (rc, its sentence in w->why): a refusal recorded
 * as a problem of id's field. A store error (DF_ERR_RUNTIME) stops the walk. */
static int judged(struct walk *w, int rc, enum kind k, const char *id, const char *field)
{
    if (rc == 0)
        return 0;
    if (w->why.kind == DF_ERR_RUNTIME)
        return -1;
    return found(w, k, id, field, false);
}

/* A text people read, as every way in takes it: UTF-8, without a bidi
 * control or a control character (utf8_text_check: one stored before that
 * rule is named here); when long (a description, a message) at most
 * APP_TEXT_MAX bytes, else one line (utf8_line_check: a name, a title). */
static int text(struct walk *w, enum kind k, const char *id, const char *field, const char *v,
                bool is_long)
{
    if (!v)
        return 0;
    size_t bad, n = strlen(v);
    if (!utf8_is_valid(v, n, &bad)) {
        df_err_set(&w->why, DF_ERR_INPUT, "%s is not UTF-8 (byte 0x%02X at offset %zu)", field,
                   (unsigned char)v[bad], bad);
        return found(w, k, id, field, false);
    }
    if (judged(w, (is_long ? utf8_text_check : utf8_line_check)(field, v, &w->why), k, id,
               field) < 0)
        return -1;
    return is_long ? judged(w, app_text_length_check(field, v, &w->why), k, id, field) : 0;
}

/* A name a row must have ("" is none, as an import's empty column). */
static int named(struct walk *w, enum kind k, const char *id, const char *field, const char *v)
{
    if (v && *v)
        return text(w, k, id, field, v, false);
    df_err_set(&w->why, DF_ERR_INPUT, "column \"%s\" is empty", field);
    return found(w, k, id, field, false);
}

static int ident(struct walk *w, enum kind k, const char *id)
{
    return judged(w, app_id_check("id", id ? id : "", &w->why), k, id, "id");
}

/* ---- the forum's profiles ------------------------------------------------------ */

static int org_row(void *ud, const struct store_org *o)
{
    struct walk *w = ud;
    w->r->counts[K_ORG].rows++;
    int i = w->countries_n;
    if (df_grow((void **)&w->countries, &w->countries_cap, i, sizeof *w->countries) < 0 ||
        strmap_put(&w->orgs, o->id, i) < 0)
        return w->oom = -1;
    snprintf(w->countries[i], sizeof w->countries[i], "%.2s", o->country);
    w->countries_n++;
    if (ident(w, K_ORG, o->id) || named(w, K_ORG, o->id, "name", o->name) ||
        text(w, K_ORG, o->id, "name_uk", o->name_uk, false) ||
        judged(w, app_country_check("country", o->country, &w->why), K_ORG, o->id, "country") ||
        judged(w, app_org_kind_check(o->kind, &w->why), K_ORG, o->id, "kind") ||
        text(w, K_ORG, o->id, "city", o->city, false) ||
        text(w, K_ORG, o->id, "description", o->description, true) ||
        text(w, K_ORG, o->id, "description_uk", o->description_uk, true))
        return -1;
    if (o->website && *o->website)
        return judged(w, app_website_check(o->website, &w->why), K_ORG, o->id, "website");
    return 0;
}

/* One address per person (app_person_email_free): a person stored with
 * another's address, letter case aside (before that rule), named with the
 * first person who has it. */
static int email_shared(struct walk *w, const struct store_person *p)
{
    if (!p->email || !*p->email)
        return 0;
    size_t n = strlen(p->email) + 1;
    char *folded = arena_alloc(&w->r->a, n);
    if (!folded)
        return w->oom = -1;
    utf8_fold_str(p->email, folded, n);
    int at = strmap_put(&w->emails, folded, w->holders_n);
    if (at == -2 ||
        df_grow((void **)&w->holders, &w->holders_cap, w->holders_n, sizeof *w->holders) < 0)
        return w->oom = -1;
    if (at == w->holders_n) {
        if (!(w->holders[w->holders_n++] = arena_strdup(&w->r->a, p->id)))
            return w->oom = -1;
        return 0;
    }
    df_err_set(&w->why, DF_ERR_INPUT, "email \"%s\" is also person \"%s\"'s: %s", p->email,
               w->holders[at], APP_EMAIL_WHY);
    return found(w, K_PERSON, p->id, "email", false);
}

static int person_row(void *ud, const struct store_person *p)
{
    struct walk *w = ud;
    w->r->counts[K_PERSON].rows++;
    int org = strmap_get(&w->orgs, p->org);
    if (strmap_put(&w->people, p->id, org) < 0)
        return w->oom = -1;
    if (p->erased_at)   /* her fields are empty because she asked: no problem */
        return 0;
    if (ident(w, K_PERSON, p->id) || named(w, K_PERSON, p->id, "name", p->name) ||
        text(w, K_PERSON, p->id, "title", p->title, false) ||
        text(w, K_PERSON, p->id, "email", p->email, false))
        return -1;
    if (p->email && *p->email &&
        judged(w, app_email_check("email", p->email, &w->why), K_PERSON, p->id, "email"))
        return -1;
    if (email_shared(w, p) < 0)
        return -1;
    return judged(w, app_languages_check(p->languages ? p->languages : "", &w->why), K_PERSON,
                  p->id, "languages");
}

static int capability_row(void *ud, const struct store_capability *c)
{
    struct walk *w = ud;
    w->r->counts[K_CAPABILITY].rows++;
    const char *id = arena_printf(&w->r->a, "%s/%s/%s", c->org, c->direction, c->cpv);
    if (!id)
        return w->oom = -1;
    if (judged(w, app_cpv_check(w->s, c->cpv, &w->why), K_CAPABILITY, id, "cpv") ||
        named(w, K_CAPABILITY, id, "title", c->title))
        return -1;
    return text(w, K_CAPABILITY, id, "description", c->description, true);
}

/* ---- events and their programmes ------------------------------------------------ */

static int programme_fault(void *ud, const char *kind, const char *id, const char *field,
                           struct df_err *err)
{
    struct walk *w = ud;
    w->why = *err;
    return found(w, strcmp(kind, "slot") == 0 ? K_SLOT : K_SESSION, id, field, false);
}

static int event_row(void *ud, const struct store_event *e)
{
    struct walk *w = ud;
    w->r->counts[K_EVENT].rows++;
    if (ident(w, K_EVENT, e->id) || named(w, K_EVENT, e->id, "name", e->name) ||
        text(w, K_EVENT, e->id, "venue", e->venue, false) ||
        text(w, K_EVENT, e->id, "name_uk", e->name_uk, false) ||
        text(w, K_EVENT, e->id, "venue_uk", e->venue_uk, false) ||
        judged(w, app_timezone_check(e->timezone, &w->why), K_EVENT, e->id, "timezone") ||
        (e->video_url &&
         judged(w, app_video_url_check(e->video_url, &w->why), K_EVENT, e->id, "video_url")) ||
        (e->requests_close && judged(w, app_requests_close_check(e->requests_close, &w->why),
                                     K_EVENT, e->id, "requests_close")))
        return -1;
    if (app_event_dates_check(e, &w->why) < 0)   /* its sessions are judged by its dates */
        return judged(w, -1, K_EVENT, e->id, "starts_on");
    struct df_err err = {0};
    if (app_event_programme_check(w->s, e, programme_fault, w, &err) < 0) {
        if (w->oom)
            return -1;
        w->why = err;
        return judged(w, -1, K_EVENT, e->id, "programme");
    }
    return 0;
}

/* A row of kind k counted, and judged by its id and its name. */
static int id_and_name(struct walk *w, enum kind k, const char *id, const char *name)
{
    w->r->counts[k].rows++;
    return ident(w, k, id) || named(w, k, id, "name", name) ? -1 : 0;
}

/* A session's id is shorter than others: its slots are named after it. */
static int session_row(void *ud, const struct store_session *x)
{
    struct walk *w = ud;
    w->r->counts[K_SESSION].rows++;
    if (judged(w, app_session_id_check("id", x->id ? x->id : "", &w->why), K_SESSION, x->id,
               "id") ||
        named(w, K_SESSION, x->id, "name", x->name))
        return -1;
    return text(ud, K_SESSION, x->id, "name_uk", x->name_uk, false) ||
                   text(ud, K_SESSION, x->id, "place", x->place, false) ||
                   text(ud, K_SESSION, x->id, "place_uk", x->place_uk, false) ||
                   text(ud, K_SESSION, x->id, "description", x->description, false) ||
                   text(ud, K_SESSION, x->id, "description_uk", x->description_uk, false)
               ? -1
               : 0;
}

static int slot_row(void *ud, const struct store_slot *y)
{
    struct walk *w = ud;
    w->r->counts[K_SLOT].rows++;
    return ident(w, K_SLOT, y->id);
}

static int table_row(void *ud, const struct store_location *l)
{
    return id_and_name(ud, K_TABLE, l->id, l->name);
}

static int interpreter_row(void *ud, const struct store_interpreter *x)
{
    struct walk *w = ud;
    w->r->counts[K_INTERPRETER].rows++;
    char pair[16], a[3], b[3];
    snprintf(pair, sizeof pair, "%.6s-%.6s", x->lang_a, x->lang_b);
    if (ident(w, K_INTERPRETER, x->id) || named(w, K_INTERPRETER, x->id, "name", x->name) ||
        judged(w, app_language_pair(pair, a, b, &w->why), K_INTERPRETER, x->id, "pair"))
        return -1;
    return 0;
}

/* ---- requests and meetings ------------------------------------------------------ */

static int request_row(void *ud, const struct store_request *q)
{
    struct walk *w = ud;
    w->r->counts[K_REQUEST].rows++;
    if (ident(w, K_REQUEST, q->id) || text(w, K_REQUEST, q->id, "message", q->message, true))
        return -1;
    int from = strmap_get(&w->people, q->from), to = strmap_get(&w->people, q->to);
    if (from >= 0 && from == to) {
        /* the API and imports let it pass; a forum's meetings are between
         * organisations, and recommend never proposes one's own */
        df_err_set(&w->why, DF_ERR_INPUT,
                   "from \"%s\" and to \"%s\" are of one organisation: the meeting would take "
                   "a slot and a table from the forum's business meetings",
                   q->from, q->to);
        return found(w, K_REQUEST, q->id, "to", true);
    }
    /* a proposal is set only at its own event's slots, and the status
     * trigger of migration 29 ends it with the request's pending */
    if (q->proposed_slot && q->proposed_event && strcmp(q->proposed_event, q->event) != 0) {
        df_err_set(&w->why, DF_ERR_INPUT,
                   "slot \"%s\" is of event \"%s\", not of the request's event \"%s\": "
                   "its addressee could never accept that time",
                   q->proposed_slot, q->proposed_event, q->event);
        return found(w, K_REQUEST, q->id, "proposed_slot", false);
    }
    if (q->proposed_slot && strcmp(q->status, "pending") != 0) {
        df_err_set(&w->why, DF_ERR_INPUT,
                   "the request is %s, yet it still proposes slot \"%s\": a proposal ends "
                   "with the answer", q->status, q->proposed_slot);
        return found(w, K_REQUEST, q->id, "proposed_slot", false);
    }
    return 0;
}

/* The meeting's slot or table (what, id) is of its_event (NULL when the
 * link is broken: the foreign key check says so), which must be the
 * request's event. */
static int of_its_event(struct walk *w, const struct store_meeting_place *m, const char *what,
                        const char *id, const char *its_event, const char *field)
{
    const char *event = m->event ? m->event : "?";
    if (!its_event || strcmp(its_event, event) == 0)
        return 0;
    df_err_set(&w->why, DF_ERR_INPUT,
               "%s \"%s\" is of event \"%s\", not of the request's event \"%s\": the meeting "
               "lies outside its event", what, id, its_event, event);
    return found(w, K_MEETING, m->meeting, field, false);
}

static int meeting_row(void *ud, const struct store_meeting_place *m)
{
    struct walk *w = ud;
    w->r->counts[K_MEETING].rows++;
    if (ident(w, K_MEETING, m->meeting) ||
        of_its_event(w, m, "slot", m->slot, m->slot_event, "slot") ||
        of_its_event(w, m, "table", m->location, m->location_event, "location"))
        return -1;
    if (m->status && strcmp(m->status, "accepted") != 0) {
        /* a cancel and an import taking a request out of accepted remove its
         * meeting at once today (app/requests.c, app/import.c) */
        df_err_set(&w->why, DF_ERR_INPUT,
                   "request \"%s\" is %s, yet its meeting stays in agendas and calendar "
                   "feeds: the next schedule run removes it", m->request, m->status);
        return found(w, K_MEETING, m->meeting, "request", false);
    }
    return 0;
}

/* One person or one table in two meetings at once, which no schedule run
 * places. */
static int clash_row(void *ud, const char *what, const char *id, const char *slot,
                     const char *meetings)
{
    struct walk *w = ud;
    df_err_set(&w->why, DF_ERR_INPUT, "meetings %s are all in slot \"%s\"", meetings, slot);
    return found(w, strcmp(what, "table") == 0 ? K_TABLE : K_PERSON, id, "meetings", false);
}

/* A meeting outcome as the API takes it (app/outcomes.h), of a request that
 * is there, said by one of its people. Its id is REQUEST/PERSON, a row that
 * is gone named by its rowid; the note is judged, never shown. */
static int outcome_row(void *ud, const struct store_outcome_row *o)
{
    struct walk *w = ud;
    w->r->counts[K_OUTCOME].rows++;
    const char *request = o->request ? o->request
                                     : arena_printf(&w->r->a, "(request row %lld)", o->request_rid),
               *person = o->person ? o->person
                                   : arena_printf(&w->r->a, "(person row %lld)", o->person_rid),
               *id = request && person ? arena_printf(&w->r->a, "%s/%s", request, person) : NULL;
    if (!id)
        return w->oom = -1;
    if (judged(w, app_outcome_kind_check(o->outcome, &w->why), K_OUTCOME, id, "outcome") ||
        judged(w, app_outcome_note_check(o->note, &w->why), K_OUTCOME, id, "note"))
        return -1;
    if (!o->request) {
        df_err_set(&w->why, DF_ERR_INPUT, "request row %lld is not there: the outcome is of no "
                   "meeting", o->request_rid);
        return found(w, K_OUTCOME, id, "request", false);
    }
    if (o->person && !o->attends) {
        df_err_set(&w->why, DF_ERR_INPUT, "%s is not one of request \"%s\"'s people (its "
                   "requester, addressee or an attendee): only they may say what it led to",
                   o->person, o->request);
        return found(w, K_OUTCOME, id, "person", false);
    }
    return 0;
}

/* ---- joint procurement ---------------------------------------------------------- */

/* A stored number in the range the importer reads its column in. */
static int whole_in(struct walk *w, enum kind k, const char *id, const char *field, long long v,
                    long long min, long long max)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", v);
    return judged(w, app_whole_check(field, text, &v, min, max, &w->why), k, id, field);
}

static int number_in(struct walk *w, enum kind k, const char *id, const char *field, double v,
                     double min, double max)
{
    char text[32];
    snprintf(text, sizeof text, "%g", v);
    return judged(w, app_number_check(field, text, &v, min, max, &w->why), k, id, field);
}

static int price_in(struct walk *w, enum kind k, const char *id, const char *field, double v)
{
    char text[32];
    snprintf(text, sizeof text, "%g", v);
    return judged(w, app_price_check(field, text, &v, &w->why), k, id, field);
}

/* A procurement unit as the importers take it (UTF-8, app_unit_check: one
 * line, not too long), one finding at most; a demand must have one. */
static int unit_in(struct walk *w, enum kind k, const char *id, const char *v, bool required)
{
    size_t bad;
    if (!v || !*v)
        return required ? named(w, k, id, "unit", v) : 0;
    if (!utf8_is_valid(v, strlen(v), &bad))   /* text() says where, and only that */
        return text(w, k, id, "unit", v, false);
    return judged(w, app_unit_check(v, &w->why), k, id, "unit");
}

static int demand_row(void *ud, const struct store_demand *d)
{
    struct walk *w = ud;
    w->r->counts[K_DEMAND].rows++;
    int buyer = strmap_get(&w->orgs, d->buyer);
    if (ident(w, K_DEMAND, d->id) ||
        judged(w, app_country_check("country", d->country, &w->why), K_DEMAND, d->id, "country") ||
        (buyer >= 0 &&
         judged(w, app_demand_country_check(d->country, d->buyer, w->countries[buyer], &w->why),
                K_DEMAND, d->id, "country")) ||
        judged(w, app_cpv_check(w->s, d->cpv, &w->why), K_DEMAND, d->id, "cpv") ||
        text(w, K_DEMAND, d->id, "description", d->description, true) ||
        unit_in(w, K_DEMAND, d->id, d->unit, true) ||
        whole_in(w, K_DEMAND, d->id, "quantity", d->quantity, 1, APP_QUANTITY_MAX) ||
        price_in(w, K_DEMAND, d->id, "max_unit_price_eur", d->max_unit_price_eur) ||
        judged(w, app_deliver_by_check(d->deliver_by, &w->why), K_DEMAND, d->id, "deliver_by"))
        return -1;
    /* "DK;SE", as the store joins them */
    for (const char *p = d->funders; p && *p;) {
        size_t n = strcspn(p, ";");
        char code[8];
        snprintf(code, sizeof code, "%.*s", (int)(n < 7 ? n : 7), p);
        if (judged(w, app_country_check("funder country", code, &w->why), K_DEMAND, d->id,
                   "funder_countries"))
            return -1;
        p += n + (p[n] == ';');
    }
    return 0;
}

static int supply_row(void *ud, const struct store_supply *x)
{
    struct walk *w = ud;
    w->r->counts[K_SUPPLY].rows++;
    if (ident(w, K_SUPPLY, x->id) ||
        judged(w, app_cpv_check(w->s, x->cpv, &w->why), K_SUPPLY, x->id, "cpv") ||
        text(w, K_SUPPLY, x->id, "description", x->description, true) ||
        judged(w, app_country_check("production_country", x->production_country, &w->why),
               K_SUPPLY, x->id, "production_country") ||
        whole_in(w, K_SUPPLY, x->id, "capacity_per_month", x->capacity_per_month, 1,
                 APP_QUANTITY_MAX) ||
        price_in(w, K_SUPPLY, x->id, "unit_price_eur", x->unit_price_eur) ||
        whole_in(w, K_SUPPLY, x->id, "lead_time_days", x->lead_time_days, 0, APP_LEAD_TIME_MAX) ||
        number_in(w, K_SUPPLY, x->id, "eu_content_pct", x->eu_content_pct, 0, 100) ||
        number_in(w, K_SUPPLY, x->id, "ua_content_pct", x->ua_content_pct, 0, 100) ||
        unit_in(w, K_SUPPLY, x->id, x->unit, false))
        return -1;
    return judged(w, app_content_pct_check(x->eu_content_pct, x->ua_content_pct, &w->why),
                  K_SUPPLY, x->id, "ua_content_pct");
}

/* ---- logins and the store itself ------------------------------------------------ */

static int user_row(void *ud, const struct store_login *l)
{
    struct walk *w = ud;
    w->r->counts[K_USER].rows++;
    if (judged(w, app_email_check("email", l->email, &w->why), K_USER, l->email, "email"))
        return -1;
    /* the hash's form and cost only: it is never shown */
    return judged(w, app_password_hash_check(l->password_hash, &w->why), K_USER, l->email,
                  "password_hash");
}

/* SQLite's report may hold several lines ("*** in database main ***\nOn
 * tree page 26 ..."): one finding each. */
static int integrity_row(void *ud, const char *problem)
{
    struct walk *w = ud;
    w->r->integrity_ok = false;
    for (const char *p = problem; *p;) {
        size_t n = strcspn(p, "\n");
        if (n && strncmp(p, "*** in database main ***", n) != 0) {
            df_err_set(&w->why, DF_ERR_INPUT, "PRAGMA integrity_check: %.*s", (int)n, p);
            if (found(w, K_DATABASE, w->path, "integrity", false) < 0)
                return -1;
        }
        p += n + (p[n] == '\n');
    }
    return 0;
}

/* The kind of a table's rows, K_DATABASE for a table of dfnc's own (its
 * sessions, feed tokens, the classifier...). */
static enum kind table_kind(const char *table)
{
    static const struct {
        const char *table;
        enum kind k;
    } kinds[] = {{"organisations", K_ORG}, {"people", K_PERSON}, {"capabilities", K_CAPABILITY},
                 {"events", K_EVENT}, {"sessions", K_SESSION}, {"slots", K_SLOT},
                 {"locations", K_TABLE}, {"interpreters", K_INTERPRETER},
                 {"requests", K_REQUEST}, {"meetings", K_MEETING}, {"demands", K_DEMAND},
                 {"supplies", K_SUPPLY}, {"users", K_USER}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].table, table) == 0)
            return kinds[i].k;
    return K_DATABASE;
}

static int foreign_key_row(void *ud, const char *table, const char *id, const char *parent)
{
    struct walk *w = ud;
    w->r->foreign_keys_ok = false;
    /* an outcome of a gone request: outcome_row says it, by the outcome */
    if (strcmp(table, "meeting_outcomes") == 0 && strcmp(parent, "requests") == 0)
        return 0;
    df_err_set(&w->why, DF_ERR_INPUT,
               "PRAGMA foreign_key_check: %s %s names a row of %s that is not there", table,
               *id ? id : "(without rowid)", parent);
    enum kind k = table_kind(table);
    return found(w, k, k == K_DATABASE ? w->path : id, "foreign key", false);
}

/* ---- the driver ------------------------------------------------------------------ */

/* The organiser's glossary lines partner questions leave out: an import
 * today refuses them (they no longer fit beside dfnc's own glossary, after
 * an upgrade), so each is a problem of its line, and the way out is said. */
static int glossary_lines(struct walk *w, struct df_err *err)
{
    struct app_glossary_status st;
    if (app_glossary_status(w->s, &st, err) < 0)
        return -1;
    w->r->counts[K_GLOSSARY].rows = st.pairs;
    for (int i = 0; i < st.left_out.named; i++) {
        const char *what = st.left_out.msg[i];
        df_err_line_of(what, APP_GLOSSARY_ORGANISERS, &what);
        df_err_set(&w->why, DF_ERR_INPUT, "%s; partner questions leave this line out (dfnc "
                   "export glossary, mend it, dfnc import glossary)", what);
        char id[32];
        snprintf(id, sizeof id, "line %d", st.left_out.line[i]);
        if (found(w, K_GLOSSARY, id, "line", false) < 0)
            return -1;
    }
    if (st.left_out.n > st.left_out.named) {
        df_err_set(&w->why, DF_ERR_INPUT, "%d more lines left out as well",
                   st.left_out.n - st.left_out.named);
        if (found(w, K_GLOSSARY, "more lines", "line", false) < 0)
            return -1;
        w->r->counts[K_GLOSSARY].problems += st.left_out.n - st.left_out.named - 1;
        w->r->problems += st.left_out.n - st.left_out.named - 1;
    }
    return 0;
}

static int walk_all(struct walk *w, struct df_err *err)
{
    struct store *s = w->s;
    struct app_check_report *r = w->r;
    if (r->schema_version < r->latest_version) {
        df_err_set(&w->why, DF_ERR_INPUT,
                   "schema version %d is older than this dfnc's %d: the rows were read from a "
                   "copy migrated in memory; dfnc init migrates the file (dfnc backup first)",
                   r->schema_version, r->latest_version);
        if (found(w, K_DATABASE, w->path, "schema_version", true) < 0)
            return -1;
    }
    /* the organisations first: people, demands and requests are judged by
     * them (a buyer's country, colleagues) */
    int rc = store_integrity_each(s, integrity_row, w, err);
    if (!rc) rc = store_foreign_key_each(s, foreign_key_row, w, err);
    if (!rc) rc = store_org_each(s, org_row, w, err);
    if (!rc) rc = store_person_each(s, person_row, w, err);
    if (!rc) rc = store_capability_each(s, NULL, capability_row, w, err);
    if (!rc) rc = store_event_each(s, event_row, w, err);
    if (!rc) rc = store_session_each(s, NULL, session_row, w, err);
    if (!rc) rc = store_slot_each(s, NULL, slot_row, w, err);
    if (!rc) rc = store_location_each(s, NULL, table_row, w, err);
    if (!rc) rc = store_interpreter_each(s, NULL, interpreter_row, w, err);
    if (!rc) rc = store_request_each(s, NULL, NULL, request_row, w, err);
    if (!rc) rc = store_meeting_place_each(s, meeting_row, w, err);
    if (!rc) rc = store_meeting_clash_each(s, clash_row, w, err);
    if (!rc) rc = store_outcome_row_each(s, outcome_row, w, err);
    if (!rc) rc = store_demand_each(s, demand_row, w, err);
    if (!rc) rc = store_supply_each(s, supply_row, w, err);
    if (!rc) rc = store_login_each(s, user_row, w, err);
    if (!rc) rc = glossary_lines(w, err);
    if (w->oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory checking the database");
    if (rc && w->why.kind == DF_ERR_RUNTIME)   /* a rule's read of the store failed */
        *err = w->why;
    return rc ? -1 : 0;
}

int app_check(const char *path, struct app_check_report *r, struct df_err *err)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->a, 0);
    r->integrity_ok = r->foreign_keys_ok = true;
    r->latest_version = store_latest_version();
    for (int k = 0; k < K_N; k++)
        r->counts[k].kind = kind_names[k];
    struct store *s = NULL;
    if (store_open_read_only(&s, path, &r->schema_version, err) < 0)
        return -1;
    struct walk w = {.path = path, .s = s, .r = r};
    int rc = store_snapshot_begin(s, err);
    if (rc == 0) {
        rc = walk_all(&w, err);
        store_snapshot_end(s);
    }
    for (int k = 0; k < K_N; k++)
        r->rows += r->counts[k].rows;
    if (rc < 0 && err->kind == DF_ERR_RUNTIME)   /* a damaged file, most likely */
        df_err_prefix(err, "%s", path);
    strmap_free(&w.orgs);
    strmap_free(&w.people);
    strmap_free(&w.emails);
    free(w.holders);
    free(w.countries);
    store_close(s);
    return rc;
}

void app_check_report_free(struct app_check_report *r)
{
    free(r->findings);
    arena_free(&r->a);
    memset(r, 0, sizeof *r);
}
