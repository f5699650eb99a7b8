/* Exports (see export.h). JSON goes through jansson; CSV through io/csv;
 * spreadsheets through io/xlsx. */
#include "app/export.h"
#include "app/event.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "io/csv.h"
#include "io/xlsx.h"
#include "store/outcomes.h"
#include "store/procure.h"
#include "store/web.h"

struct export_ctx {
    FILE *out;
    enum app_export_format format;
    json_t *array;
    struct xlsx_book *book;   /* APP_EXPORT_XLSX */
    int rows;
    struct store *s;
    struct df_err *err;
};

/* Writes one record of n fields as a CSV line or a spreadsheet row: 0, or
 * -1 with c->err. */
static int record(struct export_ctx *c, const char *const *fields, int n)
{
    if (c->format == APP_EXPORT_XLSX)
        return xlsx_row(c->book, fields, n, c->err);
    csv_write_record(c->out, fields, n);
    return 0;
}

/* A JSON string or null. */
static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static int export_org(void *ud, const struct store_org *o)
{
    struct export_ctx *c = ud;
    c->rows++;
    if (c->format != APP_EXPORT_JSON) {
        const char *f[] = {o->id, o->name, o->country, o->kind, o->sme ? "1" : "0", o->city,
                           o->website, o->description, o->name_uk, o->description_uk};
        return record(c, f, 10);
    }
    json_array_append_new(c->array,
                          json_pack("{ss so ss ss sb so so so so so}", "id", o->id, "name",
                                    jstr(o->name), "country", o->country, "kind", o->kind,
                                    "sme", o->sme, "city", jstr(o->city), "website",
                                    jstr(o->website), "description", jstr(o->description),
                                    "name_uk", jstr(o->name_uk), "description_uk",
                                    jstr(o->description_uk)));
    return 0;
}

static int export_person(void *ud, const struct store_person *p)
{
    struct export_ctx *c = ud;
    if (p->erased_at) /* she asked to be gone: no row of hers leaves the forum */
        return 0;
    c->rows++;
    if (c->format != APP_EXPORT_JSON) {
        const char *f[] = {p->id, p->org, p->name, p->email, p->title, p->languages};
        return record(c, f, 6);
    }
    json_array_append_new(c->array,
                          json_pack("{ss ss ss so so ss}", "id", p->id, "organisation", p->org,
                                    "name", p->name, "email", jstr(p->email), "title",
                                    jstr(p->title), "languages", p->languages ? p->languages : ""));
    return 0;
}

/* ---- events: with their sessions, slots and locations in JSON ----------------- */

static int add_session(void *ud, const struct store_session *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss so ss ss ss so so so so}", "id", x->id, "day",
                                        x->day, "name", x->name, "name_uk", jstr(x->name_uk),
                                        "kind", x->kind, "start", x->starts_at, "end", x->ends_at,
                                        "place", jstr(x->place), "place_uk", jstr(x->place_uk),
                                        "description", jstr(x->description), "description_uk",
                                        jstr(x->description_uk)));
    return 0;
}

static int add_slot(void *ud, const struct store_slot *x)
{
    json_array_append_new(ud, json_pack("{ss ss si ss ss}", "id", x->id, "session", x->session,
                                        "seq", x->seq, "start", x->starts_at, "end", x->ends_at));
    return 0;
}

static int add_location(void *ud, const struct store_location *x)
{
    json_array_append_new(ud, json_pack("{ss ss ss si}", "id", x->id, "name", x->name, "kind",
                                        x->kind, "seats", x->seats));
    return 0;
}

static int export_event(void *ud, const struct store_event *e)
{
    struct export_ctx *c = ud;
    c->rows++;
    if (c->format != APP_EXPORT_JSON) {
        char cap[16];
        snprintf(cap, sizeof cap, "%d", e->request_cap);
        const char *f[] = {e->id,       e->name,    e->venue,        e->timezone, e->starts_on,
                           e->ends_on, cap,        e->published_at, e->name_uk,  e->venue_uk,
                           e->video_url, e->requests_close, e->day_mail_on, e->day_mail_at};
        return record(c, f, 14);
    }
    json_t *sessions = json_array(), *slots = json_array(), *locations = json_array();
    struct df_err err = {0};
    if (store_session_each(c->s, e->id, add_session, sessions, &err) ||
        store_slot_each(c->s, e->id, add_slot, slots, &err) ||
        store_location_each(c->s, e->id, add_location, locations, &err)) {
        json_decref(sessions);
        json_decref(slots);
        json_decref(locations);
        return -1;
    }
    json_array_append_new(c->array,
                          json_pack("{ss ss so so so ss ss ss si so so so so so so so so}", "id", e->id,
                                    "name", e->name, "name_uk", jstr(e->name_uk), "venue",
                                    jstr(e->venue), "venue_uk", jstr(e->venue_uk), "timezone",
                                    e->timezone,
                                    "starts_on", e->starts_on, "ends_on", e->ends_on,
                                    "request_cap", e->request_cap, "published_at",
                                    jstr(e->published_at), "video_url", jstr(e->video_url),
                                    "requests_close", jstr(e->requests_close),
                                    "day_mail_on", jstr(e->day_mail_on),
                                    "day_mail_at", jstr(e->day_mail_at),
                                    "sessions", sessions, "slots", slots, "locations", locations));
    return 0;
}

/* ---- sessions: the columns `dfnc import sessions` reads ---------------------- */

/* The slots of one event (copied: the store's rows live for a call). */
struct event_slots {
    struct arena a;
    struct store_slot *slot;
    int n, cap;
    int oom;
};

static int keep_slot(void *ud, const struct store_slot *y)
{
    struct event_slots *k = ud;
    return k->oom = app_slot_append(&k->a, &k->slot, &k->n, &k->cap, y) < 0;
}

/* Minutes from one wall-clock time of a day to another ("...THH:MM..."). */
static int minutes_between(const char *from, const char *to)
{
    return (atoi(to + 11) - atoi(from + 11)) * 60 + atoi(to + 14) - atoi(from + 14);
}

struct session_ctx {
    struct export_ctx *c;
    struct event_slots *slots;
};

/* A session as its import row: its slots' length and the pause between
 * them from its first two (the import cuts them so again), and their ids
 * in order, which an availability file names. */
static int export_session(void *ud, const struct store_session *x)
{
    struct session_ctx *k = ud;
    struct export_ctx *c = k->c;
    const struct store_slot *first = NULL, *second = NULL;
    struct buf ids = BUF_INIT(0);
    json_t *list = json_array();
    int bad = 0;
    /* only a b2b session is cut into slots by its row; another kind's slots
     * (a plenary's) are not in it, and an import keeps them */
    bool b2b = strcmp(x->kind, "b2b") == 0;
    for (int i = 0; b2b && i < k->slots->n; i++) {
        const struct store_slot *y = &k->slots->slot[i];
        if (strcmp(y->session, x->id) != 0)
            continue;
        if (!first)
            first = y;
        else if (!second)
            second = y;
        bad |= (ids.len && buf_putc(&ids, ';') < 0) || buf_puts(&ids, y->id) < 0;
        json_array_append_new(list, json_string(y->id));
    }
    char minutes[16] = "", pause[16] = "", start[6], end[6];
    if (first)
        snprintf(minutes, sizeof minutes, "%d", minutes_between(first->starts_at, first->ends_at));
    if (first)
        snprintf(pause, sizeof pause, "%d",
                 second ? minutes_between(first->ends_at, second->starts_at) : 0);
    snprintf(start, sizeof start, "%.5s", x->starts_at + 11);
    snprintf(end, sizeof end, "%.5s", x->ends_at + 11);
    c->rows++;
    int rc = bad ? 1 : 0;
    if (!bad && c->format != APP_EXPORT_JSON) {
        const char *f[] = {x->event,   x->id,       x->day,         start,
                           end,        x->kind,     x->name,        x->name_uk,
                           minutes,    pause,       ids.len ? buf_str(&ids) : "",
                           x->place,   x->place_uk, x->description, x->description_uk};
        rc = record(c, f, 15);
    } else if (!bad) {
        json_t *j = json_pack("{ss ss ss ss ss ss ss so so so so so so so so}", "event", x->event,
                              "id", x->id, "day", x->day, "start", start, "end", end, "kind",
                              x->kind, "name", x->name, "name_uk", jstr(x->name_uk),
                              "slot_minutes", first ? json_integer(atoi(minutes)) : json_null(),
                              "slot_pause", first ? json_integer(atoi(pause)) : json_null(),
                              "slots", list, "place", jstr(x->place), "place_uk",
                              jstr(x->place_uk), "description", jstr(x->description),
                              "description_uk", jstr(x->description_uk));
        json_array_append_new(c->array, j);
        list = NULL;
    }
    json_decref(list);
    buf_free(&ids);
    return rc;
}

static int export_event_sessions(void *ud, const struct store_event *e)
{
    struct export_ctx *c = ud;
    struct event_slots slots = {0};
    struct session_ctx k = {c, &slots};
    arena_init(&slots.a, 0);
    int rc = store_slot_each(c->s, e->id, keep_slot, &slots, c->err);
    if (rc == 0)
        rc = store_session_each(c->s, e->id, export_session, &k, c->err);
    free(slots.slot);
    arena_free(&slots.a);
    return rc;
}

/* ---- meetings: the people come from the request and its extra attendees ------ */

/* An accepted request's people: from, to, then its extra attendees in the
 * store's order (by person id). */
struct request_people {
    const char *request;
    const char **people;      /* in the index's arena */
    int n, cap;
    const char *outcome[2];   /* the requester's and the addressee's, or NULL */
};

/* The accepted requests, sorted by id once all are in: a binary search per
 * attendee and per meeting. (A jansson object of arrays did the same job
 * with a string and an array object per person.) */
struct people_index {
    struct arena a;
    struct request_people *r; /* malloc'd */
    int n, cap;
};

/* Appends person to x's list: 0, or -1 when out of memory. */
static int people_add(struct people_index *ix, struct request_people *x, const char *person)
{
    if (x->n == x->cap) {
        int cap = x->cap ? 2 * x->cap : 4;
        const char **grown = arena_alloc(&ix->a, (size_t)cap * sizeof *grown);
        if (!grown)
            return -1;
        if (x->n)
            memcpy(grown, x->people, (size_t)x->n * sizeof *grown);
        x->people = grown;
        x->cap = cap;
    }
    if (!(x->people[x->n] = arena_strdup(&ix->a, person)))
        return -1;
    x->n++;
    return 0;
}

static int index_request(void *ud, const struct store_request *r)
{
    struct people_index *ix = ud;
    if (df_grow((void **)&ix->r, &ix->cap, ix->n, sizeof *ix->r) < 0)
        return 1;   /* out of memory: the export fails, nobody is dropped */
    struct request_people *x = &ix->r[ix->n++];
    *x = (struct request_people){.request = arena_strdup(&ix->a, r->id)};
    if (!x->request || people_add(ix, x, r->from) < 0 || people_add(ix, x, r->to) < 0)
        return 1;   /* out of memory: the export fails, nobody is dropped */
    return 0;
}

static int by_request(const void *a, const void *b)
{
    return strcmp(((const struct request_people *)a)->request,
                  ((const struct request_people *)b)->request);
}

/* The accepted request of id in the sorted index, or NULL. */
static struct request_people *request_find(struct people_index *ix, const char *id)
{
    struct request_people key = {.request = id};
    return ix->n ? bsearch(&key, ix->r, (size_t)ix->n, sizeof *ix->r, by_request) : NULL;
}

static int index_attendee(void *ud, const char *request, const char *person)
{
    struct people_index *ix = ud;
    struct request_people *x = request_find(ix, request);
    if (x && people_add(ix, x, person) < 0)
        return 1;   /* out of memory: the export fails, nobody is dropped */
    return 0;
}

/* An outcome said of a meeting, beside the side (requester or addressee)
 * that said it; an attendee's is not a side's. */
static int index_outcome(void *ud, const struct store_outcome *o)
{
    struct people_index *ix = ud;
    struct request_people *x = request_find(ix, o->request);
    for (int side = 0; x && side < 2 && side < x->n; side++)
        if (strcmp(x->people[side], o->person) == 0 &&
            !(x->outcome[side] = arena_strdup(&ix->a, o->outcome)))
            return 1;   /* out of memory: the export fails */
    return 0;
}

/* Each person's name and organisation's name by person id, and the days
 * people arrived: the meetings' names, organisations and arrived columns (an
 * arrival on the meeting's day), for a desk list printed from the export and
 * the follow-up after it. */
struct person_names {
    const char *name, *org_name;
};
struct names_index {
    struct arena a;
    struct strmap org_ids, person_ids;   /* id -> index into the arrays below */
    struct strmap arrivals;              /* "person\x1fday" -> 1 */
    const char **org_names;              /* malloc'd */
    int orgs_n, orgs_cap;
    struct person_names *people;         /* malloc'd */
    int people_n, people_cap;
};

static int index_org_name(void *ud, const struct store_org *o)
{
    struct names_index *nx = ud;
    if (df_grow((void **)&nx->org_names, &nx->orgs_cap, nx->orgs_n, sizeof *nx->org_names) < 0 ||
        !(nx->org_names[nx->orgs_n] = arena_strdup(&nx->a, o->name)) ||
        strmap_put(&nx->org_ids, o->id, nx->orgs_n) < 0)
        return 1;   /* out of memory: the export fails */
    nx->orgs_n++;
    return 0;
}

static int index_person_name(void *ud, const struct store_person *p)
{
    struct names_index *nx = ud;
    int org = strmap_get(&nx->org_ids, p->org);
    if (df_grow((void **)&nx->people, &nx->people_cap, nx->people_n, sizeof *nx->people) < 0)
        return 1;   /* out of memory: the export fails */
    struct person_names *x = &nx->people[nx->people_n];
    *x = (struct person_names){.name = arena_strdup(&nx->a, p->name),
                               .org_name = org >= 0 ? nx->org_names[org] : ""};
    if (!x->name || strmap_put(&nx->person_ids, p->id, nx->people_n) < 0)
        return 1;
    nx->people_n++;
    return 0;
}

/* The key of person's arrival on day: the two with a separator neither holds. */
static const char *arrival_key(char *out, size_t size, const char *person, const char *day)
{
    int n = snprintf(out, size, "%s\x1f%.10s", person, day);
    return n > 0 && (size_t)n < size ? out : NULL;
}

static int index_arrival(void *ud, const char *person, const char *day)
{
    struct names_index *nx = ud;
    char key[256];
    const char *k = arrival_key(key, sizeof key, person, day);
    return k && strmap_put(&nx->arrivals, k, 1) < 0;   /* out of memory: the export fails */
}

static int names_load(struct store *s, struct names_index *nx, struct df_err *err)
{
    arena_init(&nx->a, 0);
    int rc = store_org_each(s, index_org_name, nx, err);
    if (!rc)
        rc = store_person_each(s, index_person_name, nx, err);
    return rc ? rc : store_arrival_each(s, index_arrival, nx, err);
}

/* Whether person came on day (the first ten bytes of a meeting's start in
 * its event's wall clock: its day there). */
static bool arrived_on(const struct names_index *nx, const char *person, const char *day)
{
    char key[256];
    const char *k = day ? arrival_key(key, sizeof key, person, day) : NULL;
    return k && strmap_get(&nx->arrivals, k) >= 0;
}

static void names_free(struct names_index *nx)
{
    strmap_free(&nx->org_ids);
    strmap_free(&nx->person_ids);
    strmap_free(&nx->arrivals);
    free(nx->org_names);
    free(nx->people);
    arena_free(&nx->a);
}

/* person's name and organisation's name ("" for one the store lost meanwhile). */
static struct person_names names_of(const struct names_index *nx, const char *person)
{
    int i = strmap_get(&nx->person_ids, person);
    return i >= 0 ? nx->people[i] : (struct person_names){"", ""};
}

struct meeting_ctx {
    struct export_ctx *c;
    struct people_index *ix;
    const struct names_index *names;
};

/* The meeting's attendees' ids (";" between), names and organisations' names
 * ("; " between) appended to ids, names and orgs: 0, or -1 when out of memory. */
static int attendee_lists(const struct meeting_ctx *mc, const struct request_people *x,
                          struct buf *ids, struct buf *names, struct buf *orgs)
{
    int bad = 0;
    for (int i = 0; x && i < x->n; i++) {
        struct person_names p = names_of(mc->names, x->people[i]);
        bad |= (i && (buf_putc(ids, ';') < 0 || buf_puts(names, "; ") < 0 ||
                      buf_puts(orgs, "; ") < 0)) ||
               buf_puts(ids, x->people[i]) < 0 || buf_puts(names, p.name) < 0 ||
               buf_puts(orgs, p.org_name) < 0;
    }
    return bad ? -1 : 0;
}

/* The requester's (side 0) or the addressee's (1) arrival on the meeting's
 * day (that of its start, day) and outcome. */
struct side {
    bool arrived;
    const char *outcome;   /* NULL: none said */
};
static struct side side_of(const struct meeting_ctx *mc, const struct request_people *x, int side,
                           const char *day)
{
    if (!x || side >= x->n)
        return (struct side){false, NULL};
    return (struct side){arrived_on(mc->names, x->people[side], day), x->outcome[side]};
}

static int export_meeting(void *ud, const struct store_meeting *m)
{
    struct meeting_ctx *mc = ud;
    struct export_ctx *c = mc->c;
    const struct request_people *x = request_find(mc->ix, m->request);
    int n = x ? x->n : 0;
    struct side from = side_of(mc, x, 0, m->starts_at), to = side_of(mc, x, 1, m->starts_at);
    c->rows++;
    if (c->format != APP_EXPORT_JSON) {
        /* every attendee, however large the delegation */
        struct buf ids = BUF_INIT(0), names = BUF_INIT(0), orgs = BUF_INIT(0);
        int rc = 1;   /* out of memory: "the export of meetings failed" */
        if (attendee_lists(mc, x, &ids, &names, &orgs) == 0) {
            const char *f[] = {m->id, m->request, m->event, m->starts_at, m->ends_at,
                               m->location_name ? m->location_name : m->location,
                               ids.len ? buf_str(&ids) : "", m->locked ? "1" : "0",
                               names.len ? buf_str(&names) : "", orgs.len ? buf_str(&orgs) : "",
                               m->event_name, m->session_name, from.arrived ? "1" : "0",
                               to.arrived ? "1" : "0", from.outcome ? from.outcome : "",
                               to.outcome ? to.outcome : ""};
            rc = record(c, f, 16);
        }
        buf_free(&ids);
        buf_free(&names);
        buf_free(&orgs);
        return rc;
    }
    json_t *people = json_array(), *names = json_array(), *orgs = json_array();
    for (int i = 0; i < n; i++) {
        struct person_names p = names_of(mc->names, x->people[i]);
        json_array_append_new(people, json_string(x->people[i]));
        json_array_append_new(names, json_string(p.name));
        json_array_append_new(orgs, json_string(p.org_name));
    }
    json_array_append_new(c->array,
                          json_pack("{ss ss ss ss ss so so sb si so so ss ss sb sb so so}",
                                    "id", m->id,
                                    "request", m->request, "event", m->event, "start",
                                    m->starts_at, "end", m->ends_at, "location",
                                    jstr(m->location_name ? m->location_name : m->location),
                                    "people", people, "locked", m->locked, "sequence",
                                    m->sequence, "names", names, "organisations", orgs,
                                    "event_name", m->event_name, "session_name",
                                    m->session_name, "requester_arrived", from.arrived,
                                    "addressee_arrived", to.arrived, "requester_outcome",
                                    jstr(from.outcome), "addressee_outcome", jstr(to.outcome)));
    return 0;
}

static int export_meetings(struct export_ctx *c, struct df_err *err)
{
    struct people_index ix = {0};
    struct names_index names = {0};
    struct meeting_ctx mc = {c, &ix, &names};
    arena_init(&ix.a, 0);
    int rc = names_load(c->s, &names, err);
    if (!rc)
        rc = store_request_each(c->s, NULL, "accepted", index_request, &ix, err);
    if (!rc && ix.n)
        qsort(ix.r, (size_t)ix.n, sizeof *ix.r, by_request);
    if (!rc)
        rc = store_attendee_each(c->s, NULL, index_attendee, &ix, err);
    if (!rc)
        rc = store_outcome_each_meeting(c->s, index_outcome, &ix, err);
    if (!rc)
        rc = store_meeting_each(c->s, NULL, NULL, export_meeting, &mc, err);
    free(ix.r);
    arena_free(&ix.a);
    names_free(&names);
    return rc;
}

/* ---- joint procurement: demands and supplies in their import columns ------------ */

/* v as the shortest decimal text strtod reads back as v ("1250.5", not
 * "1250.500000"; "30000000", not "3e+07", for a person to edit), into out. */
static const char *number_text(double v, char out[32])
{
    for (int decimals = 0; decimals <= 9; decimals++) {
        if (snprintf(out, 32, "%.*f", decimals, v) < 32 && strtod(out, NULL) == v)
            return out;
    }
    snprintf(out, 32, "%.17g", v);
    return out;
}

static int export_demand(void *ud, const struct store_demand *d)
{
    struct export_ctx *c = ud;
    c->rows++;
    char quantity[24], price[32];
    snprintf(quantity, sizeof quantity, "%lld", (long long)d->quantity);
    number_text(d->max_unit_price_eur, price);
    if (c->format != APP_EXPORT_JSON) {
        const char *f[] = {d->id,       d->buyer, d->country,    d->cpv,
                           d->description, quantity, d->unit,    d->deliver_by,
                           price,       d->funders};
        return record(c, f, 10);
    }
    json_t *funders = json_array();
    /* "DK;SE", as the store joins them */
    for (const char *p = d->funders; p && *p;) {
        size_t n = strcspn(p, ";");
        json_array_append_new(funders, json_stringn(p, n));
        p += n + (p[n] == ';');
    }
    json_array_append_new(c->array,
                          json_pack("{ss ss ss ss so sI ss ss sf so}", "id", d->id, "buyer",
                                    d->buyer, "country", d->country, "cpv", d->cpv,
                                    "description", jstr(d->description), "quantity",
                                    (json_int_t)d->quantity, "unit", d->unit, "deliver_by",
                                    d->deliver_by, "max_unit_price_eur", d->max_unit_price_eur,
                                    "funder_countries", funders));
    return 0;
}

static int export_supply(void *ud, const struct store_supply *x)
{
    struct export_ctx *c = ud;
    c->rows++;
    char capacity[24], price[32], lead[16], eu[32], ua[32];
    snprintf(capacity, sizeof capacity, "%lld", (long long)x->capacity_per_month);
    snprintf(lead, sizeof lead, "%d", x->lead_time_days);
    number_text(x->unit_price_eur, price);
    number_text(x->eu_content_pct, eu);
    number_text(x->ua_content_pct, ua);
    if (c->format != APP_EXPORT_JSON) {
        const char *f[] = {x->id,  x->org, x->cpv, x->description, capacity, price,
                           lead,   x->production_country, eu, x->unit ? x->unit : "", ua};
        return record(c, f, 11);
    }
    json_array_append_new(
        c->array,
        json_pack("{ss ss ss so sI sf si ss sf so sf}", "id", x->id, "organisation", x->org,
                  "cpv", x->cpv, "description", jstr(x->description), "capacity_per_month",
                  (json_int_t)x->capacity_per_month, "unit_price_eur", x->unit_price_eur,
                  "lead_time_days", x->lead_time_days, "production_country",
                  x->production_country, "eu_content_pct", x->eu_content_pct, "unit",
                  jstr(x->unit), "ua_content_pct", x->ua_content_pct));
    return 0;
}

/* Each kind and its CSV header. */
static const char *const headers[][2] = {
    {"organisations", "id,name,country,kind,sme,city,website,description,name_uk,description_uk"},
    {"people", "id,organisation,name,email,title,languages"},
    /* the Ukrainian texts, then the video service of its online
     * meetings, then when it stops taking requests, then when each day's
     * mail goes by itself, after the columns older exports had */
    {"events", "id,name,venue,timezone,starts_on,ends_on,request_cap,published_at,name_uk,"
               "venue_uk,video_url,requests_close,day_mail_on,day_mail_at"},
    /* where and what it is (fix-programme) after the columns older exports had */
    {"sessions", "event,id,day,start,end,kind,name,name_uk,slot_minutes,slot_pause,slots,"
                 "place,place_uk,description,description_uk"},
    /* names and organisations, then the event's and the session's names,
     * then whether each side arrived and what it said the meeting led to
     * (never its note: that is its writer's alone), after the columns
     * older exports had */
    {"meetings", "id,request,event,start,end,location,people,locked,names,organisations,"
                 "event_name,session_name,requester_arrived,addressee_arrived,"
                 "requester_outcome,addressee_outcome"},
    /* the import's columns, its optional ones last, as README lists them */
    {"demands", "id,buyer,country,cpv,description,quantity,unit,deliver_by,"
                "max_unit_price_eur,funder_countries"},
    {"supplies", "id,organisation,cpv,description,capacity_per_month,unit_price_eur,"
                 "lead_time_days,production_country,eu_content_pct,unit,ua_content_pct"},
};

/* kind's CSV header, or NULL when there is no such export. */
static const char *header_of(const char *kind)
{
    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
        if (strcmp(headers[i][0], kind) == 0)
            return headers[i][1];
    return NULL;
}

bool app_export_kind_known(const char *kind)
{
    return header_of(kind) != NULL;
}

int app_export(struct store *s, const char *kind, enum app_export_format format, FILE *out,
               int *rows, struct df_err *err)
{
    const char *header = header_of(kind);
    if (!header)
        return df_err_set(err, DF_ERR_USAGE, "cannot export \"%s\"", kind);

    struct export_ctx c = {.out = out, .format = format, .s = s, .err = err};
    if (format == APP_EXPORT_CSV) {
        fprintf(out, "%s\n", header);
    } else if (format == APP_EXPORT_JSON) {
        c.array = json_array();
    } else {
        /* the CSV's header, one column a name */
        char names[256];
        const char *cols[24];
        int n = 0;
        snprintf(names, sizeof names, "%s", header);
        for (char *save = NULL, *tok = strtok_r(names, ",", &save); tok && n < 24;
             tok = strtok_r(NULL, ",", &save))
            cols[n++] = tok;
        if (!(c.book = xlsx_open(kind, cols, n, err)))
            return -1;
    }
    int rc;
    if (strcmp(kind, "organisations") == 0)
        rc = store_org_each(s, export_org, &c, err);
    else if (strcmp(kind, "people") == 0)
        rc = store_person_each(s, export_person, &c, err);
    else if (strcmp(kind, "events") == 0)
        rc = store_event_each(s, export_event, &c, err);
    else if (strcmp(kind, "sessions") == 0)
        rc = store_event_each(s, export_event_sessions, &c, err);
    else if (strcmp(kind, "demands") == 0)
        rc = store_demand_each(s, export_demand, &c, err);
    else if (strcmp(kind, "supplies") == 0)
        rc = store_supply_each(s, export_supply, &c, err);
    else
        rc = export_meetings(&c, err);
    char what[48];
    snprintf(what, sizeof what, "the export of %s", kind);
    if (app_export_finish(rc, c.array, c.book, out, what, err) < 0)
        return -1;
    *rows = c.rows;
    return 0;
}

int app_export_finish(int rc, json_t *array, struct xlsx_book *book, FILE *out,
                      const char *what, struct df_err *err)
{
    if (rc == 0 && array) {
        json_dumpf(array, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putc('\n', out);
    }
    json_decref(array);
    if (book && rc == 0 && xlsx_close(book, out, err) < 0)
        return -1;
    if (book && rc != 0)
        xlsx_abort(book);
    if (rc)
        return rc < 0 || err->kind ? -1 : df_err_set(err, DF_ERR_RUNTIME, "%s failed", what);
    if (fflush(out) != 0 || ferror(out))
        return df_err_set(err, DF_ERR_RUNTIME, "writing %s failed: %m", what);
    return 0;
}
