/* Agendas (see agenda.h): one store query, grouped by meeting, rendered. */
#include "app/agenda.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "app/mail.h"
#include "core/arena.h"
#include "core/country.h"
#include "core/date.h"
#include "core/grow.h"
#include "io/agenda_pdf.h"
#include "io/ics.h"
#include "io/vcard.h"
#include "store/agenda.h"

struct collect {
    json_t *meetings; /* array of meeting objects, in time order */
    json_t *last;     /* the meeting being filled */
    struct df_err *err;
};

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static int collect_row(void *ud, const struct store_agenda_row *r)
{
    struct collect *c = ud;
    const char *last_id = c->last ? json_string_value(json_object_get(c->last, "id")) : NULL;
    if (!last_id || strcmp(last_id, r->meeting) != 0) {
        /* start and end are the wall clock calendars show (DTSTART;TZID=)
         * with the event's offset then, whatever offset a slot was stored
         * with (an older dfnc kept what it was sent); the instant orders */
        char start[32], end[32];
        long long at;
        if (ics_zoned_time(r->timezone, r->starts_at, start, &at) < 0 ||
            ics_zoned_time(r->timezone, r->ends_at, end, NULL) < 0)
            return df_err_set(c->err, DF_ERR_RUNTIME, "meeting %s: time \"%s\" in zone %s",
                              r->meeting, r->starts_at, r->timezone);
        c->last = json_pack("{ss ss ss ss ss ss ss so so si sb sb s[] sI}", "id", r->meeting,
                            "request", r->request, "event", r->event, "event_name",
                            r->event_name, "start", start, "end", end, "timezone",
                            r->timezone, "location", jstr(r->location), "message",
                            jstr(r->message), "sequence", r->sequence, "locked", r->locked,
                            "published", r->published, "people", "at", (json_int_t)at);
        json_object_set_new(c->last, "interpreter", jstr(r->interpreter));
        json_object_set_new(c->last, "event_name_uk", jstr(r->event_name_uk));
        json_object_set_new(c->last, "session_name", jstr(r->session_name));
        json_object_set_new(c->last, "session_name_uk", jstr(r->session_name_uk));
        json_object_set_new(c->last, "venue", jstr(r->venue));
        json_object_set_new(c->last, "venue_uk", jstr(r->venue_uk));
        json_t *moved = json_null();
        char was[32];
        if (r->moved_from_start && ics_zoned_time(r->timezone, r->moved_from_start, was, NULL) == 0)
            moved = json_pack("{ss so sb}", "start", was, "location", jstr(r->moved_from_location),
                              "online", r->moved_from_online);
        json_object_set_new(c->last, "moved_from", moved);
        /* the organisers made its request: a meeting they booked for her */
        json_object_set_new(c->last, "introduced", json_boolean(r->introduced));
        /* held by video (someone takes part online): its room, no table */
        json_object_set_new(c->last, "online", json_boolean(r->online));
        json_object_set_new(c->last, "video_url", jstr(r->video_url));
        /* she joins a colleague's meeting: its request is not hers to cancel */
        json_object_set_new(c->last, "attending", json_boolean(r->attending));
        if (r->withdrawn) {
            json_object_set_new(c->last, "withdrawn", json_true());
            json_object_set_new(c->last, "status", jstr(r->status));
            json_object_set_new(c->last, "cancelled_by", jstr(r->cancelled_by));
            json_object_set_new(c->last, "withdrawn_at", jstr(r->withdrawn_at));
        }
        json_array_append_new(c->meetings, c->last);
    }
    json_array_append_new(json_object_get(c->last, "people"),
                          json_pack("{ss ss ss ss so ss}", "id", r->person, "name", r->person_name,
                                    "organisation", r->org, "organisation_name", r->org_name,
                                    "organisation_name_uk", jstr(r->org_name_uk), "country",
                                    r->org_country));
    return 0;
}

static int by_instant(const void *x, const void *y)
{
    json_t *a = *(json_t *const *)x, *b = *(json_t *const *)y;
    json_int_t p = json_integer_value(json_object_get(a, "at"));
    json_int_t q = json_integer_value(json_object_get(b, "at"));
    if (p != q)
        return p < q ? -1 : 1;
    return strcmp(json_string_value(json_object_get(a, "id")),
                  json_string_value(json_object_get(b, "id")));
}

typedef int (*agenda_walk_fn)(struct store *s, const char *person, store_agenda_fn fn,
                              void *ud, struct df_err *err);

/* The person's meetings walk gives (store/agenda.h) as a JSON array (a new
 * reference) in time order (the instant, across zones), NULL on error; the
 * meetings withdrawn from the agenda with "withdrawn": true and their
 * "status", "cancelled_by" and "withdrawn_at". */
static json_t *collect(struct store *s, const char *person, agenda_walk_fn walk,
                       struct collect *c, struct df_err *err)
{
    memset(c, 0, sizeof *c);
    c->err = err;
    c->meetings = json_array();
    if (walk(s, person, collect_row, c, err) != 0) {
        json_decref(c->meetings);
        return NULL;
    }
    size_t n = json_array_size(c->meetings);
    json_t **v = malloc((n ? n : 1) * sizeof *v);
    json_t *sorted = json_array();
    if (!v || !sorted) {
        free(v);
        json_decref(sorted);
        json_decref(c->meetings);
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(c->meetings, i);
    qsort(v, n, sizeof *v, by_instant);
    for (size_t i = 0; i < n; i++) {
        json_object_del(v[i], "at");
        json_array_append(sorted, v[i]);
    }
    free(v);
    json_decref(c->meetings);
    return c->meetings = sorted;
}

/* Appends the meetings walk gives to out as a JSON array. */
static int agenda_json(struct store *s, const char *person, agenda_walk_fn walk, struct buf *out,
                       struct df_err *err)
{
    struct collect c;
    json_t *meetings = collect(s, person, walk, &c, err);
    if (!meetings)
        return -1;
    char *text = json_dumps(meetings, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(meetings);
    int rc = text && buf_puts(out, text) == 0 ? 0
             : df_err_set(err, DF_ERR_RUNTIME, "the agenda is too large");
    free(text);
    return rc;
}

int app_agenda_json(struct store *s, const char *person, struct buf *out, struct df_err *err)
{
    return agenda_json(s, person, store_agenda_each, out, err);
}

int app_agenda_cancelled_json(struct store *s, const char *person, struct buf *out,
                              struct df_err *err)
{
    return agenda_json(s, person, store_agenda_withdrawn_each, out, err);
}

/* What a calendar says, in the language the person reads the web UI in. */
struct ics_words {
    const char *meeting, *interpreter, *calendar;
    const char *cancelled; /* before a withdrawn meeting's summary: not every app shows STATUS */
    const char *table;   /* "Table 12", the demo's and most imports' name of a table */
    const char *online;  /* where an online meeting is held, before its link */
    const char *programme; /* a talk or break's, under its event's name: not one of hers */
    bool uk;   /* organisations by their Ukrainian names where they have one */
};

static const struct ics_words ics_en = {"B2B meeting: ", "Interpreter: ", "dfnc agenda",
                                        "Cancelled: ", "Table ", "Online",
                                        "On the forum's programme", false};
static const struct ics_words ics_uk = {"Зустріч B2B: ", "Перекладач: ", "Зустрічі dfnc",
                                        "Скасовано: ", "Стіл ", "Онлайн",
                                        "У програмі форуму", true};

/* A table's name in w's words when it is "Table " and a number or a short
 * code (as the web page's agenda says it, web/js/people.js tableName);
 * any other name as the organisers wrote it. */
static void table_name(const char *location, const struct ics_words *w, struct buf *b)
{
    const char *k = location + 6;
    bool numbered = strncasecmp(location, "Table ", 6) == 0 && *k;
    for (const char *c = k; numbered && *c; c++)
        numbered = isalnum((unsigned char)*c) || *c == '_';
    buf_printf(b, "%s%s", numbered ? w->table : "", numbered ? k : location);
}

/* Text in w's language: the Ukrainian for a Ukrainian reader where it is
 * given, else the English; the other where the one is missing (a venue given
 * in Ukrainian only). NULL when neither is. */
static const char *local_text(const char *en, const char *uk, const struct ics_words *w)
{
    return (w->uk && uk) || !en ? uk : en;
}

/* Meeting m's text key in w's language: key_uk for a Ukrainian reader where
 * it is given, else key (local_text). */
static const char *in_language(json_t *m, const char *key, const struct ics_words *w)
{
    char key_uk[32];
    snprintf(key_uk, sizeof key_uk, "%s_uk", key);
    return local_text(json_string_value(json_object_get(m, key)),
                      json_string_value(json_object_get(m, key_uk)), w);
}

/* "Olena Koval (Sokil Aero LLC), Jan Nowak (...)": everyone but the person. */
static void others(json_t *people, const char *person, bool uk, struct buf *b)
{
    size_t i;
    json_t *p;
    int n = 0;
    json_array_foreach(people, i, p) {
        if (strcmp(json_string_value(json_object_get(p, "id")), person) == 0)
            continue;
        const char *org_uk = json_string_value(json_object_get(p, "organisation_name_uk"));
        buf_printf(b, "%s%s (%s)", n++ ? ", " : "", json_string_value(json_object_get(p, "name")),
                   uk && org_uk ? org_uk
                                : json_string_value(json_object_get(p, "organisation_name")));
    }
}

/* The talks and breaks of a calendar (store_programme_calendar_each) as
 * its entries, in w's words, their texts in a. */
struct programme_entry {
    struct ics_event e;
    const char *event_name;   /* in w's language: the calendar's name when all share it */
};
struct programme_entries {
    struct programme_entry *v;
    int n, cap;
    const struct ics_words *w;
    struct arena *a;
};

static int on_programme(void *ud, const struct store_programme_row *x)
{
    struct programme_entries *p = ud;
    if (df_grow((void **)&p->v, &p->cap, p->n, sizeof *p->v) < 0)
        return 1;
    const struct ics_words *w = p->w;
    const char *place = local_text(x->place, x->place_uk, w);
    const char *venue = local_text(x->venue, x->venue_uk, w);
    const char *about = local_text(x->description, x->description_uk, w);
    struct programme_entry *entry = &p->v[p->n++];
    struct ics_event *e = &entry->e;
    entry->event_name = local_text(x->event_name, x->event_name_uk, w);
    /* "session-": a request's id (a meeting's UID) may be a session's too */
    *e = (struct ics_event){
        .uid = arena_printf(p->a, "session-%s@dfnc", x->session),
        .summary = arena_printf(p->a, "%s%s", x->withdrawn ? w->cancelled : "",
                                local_text(x->name, x->name_uk, w)),
        .location = place || venue ? arena_printf(p->a, "%s%s%s", place ? place : "",
                                                  place && venue ? ", " : "",
                                                  venue ? venue : "")
                                   : NULL,
        .description = arena_printf(p->a, "%s\n%s%s%s", entry->event_name, w->programme,
                                    about ? "\n\n" : "", about ? about : ""),
        .start = arena_strdup(p->a, x->starts_at),
        .end = arena_strdup(p->a, x->ends_at),
        .tzid = arena_strdup(p->a, x->timezone),
        .sequence = x->sequence,
        .cancelled = x->withdrawn,
        /* as the meetings: the programme is provisional until published */
        .tentative = !x->published && !x->withdrawn,
    };
    entry->event_name = arena_strdup(p->a, entry->event_name);
    return !e->uid || !e->summary || ((place || venue) && !e->location) || !e->description ||
           !e->start || !e->end || !e->tzid || !entry->event_name;
}

int app_agenda_ics(struct store *s, const char *person, const char *event, bool programme,
                   struct buf *out, struct df_err *err)
{
    struct collect c;
    json_t *meetings = collect(s, person, store_agenda_calendar_each, &c, err);
    if (!meetings)
        return -1;
    const char *ui_language = NULL;
    struct arena a;
    arena_init(&a, 0);
    size_t n = json_array_size(meetings);
    struct ics_event *events = NULL;
    struct buf *texts = NULL;
    struct programme_entries talks = {0};
    int rc = -1;
    if (store_person_ui_language(s, person, &a, &ui_language, err) < 0)
        goto out;
    const struct ics_words *w = ui_language && strcmp(ui_language, "uk") == 0 ? &ics_uk : &ics_en;
    talks.w = w;
    talks.a = &a;
    int got = programme
                  ? store_programme_calendar_each(s, person, event, on_programme, &talks, err)
                  : 0;
    if (got != 0) {
        if (got > 0)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    events = calloc(n + (size_t)talks.n + 1, sizeof *events);
    texts = calloc(n ? n * 4 : 1, sizeof *texts);
    if (!events || !texts) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    /* the calendar is named after the event when all its meetings are at one */
    const char *calname = n ? in_language(json_array_get(meetings, 0), "event_name", w) : NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *m = json_array_get(meetings, i);
        const char *event_name = in_language(m, "event_name", w);
        if (calname && (!event_name || strcmp(event_name, calname) != 0))
            calname = NULL;
        struct buf *uid = &texts[i * 4], *summary = uid + 1, *where = uid + 2, *desc = uid + 3;
        const char *location = json_string_value(json_object_get(m, "location"));
        const char *venue = in_language(m, "venue", w);
        const char *message = json_string_value(json_object_get(m, "message"));
        buf_printf(uid, "%s@dfnc", json_string_value(json_object_get(m, "id")));
        bool withdrawn = json_is_true(json_object_get(m, "withdrawn"));
        buf_printf(summary, "%s%s", withdrawn ? w->cancelled : "", w->meeting);
        others(json_object_get(m, "people"), person, w->uk, summary);
        const char *video = json_string_value(json_object_get(m, "video_url"));
        if (json_is_true(json_object_get(m, "online")))
            /* by video: the link is where it is held (calendars make it one to click) */
            buf_printf(where, "%s", video ? video : w->online);
        else {
            if (location)
                table_name(location, w, where);
            buf_printf(where, "%s%s", location && venue ? ", " : "", venue ? venue : "");
        }
        const char *interpreter = json_string_value(json_object_get(m, "interpreter"));
        /* the session the meeting is part of, which SUMMARY (its people)
         * leaves out: a withdrawn meeting's slot may be gone, and has none */
        const char *session = in_language(m, "session_name", w);
        buf_printf(desc, "%s", event_name);
        if (session)
            buf_printf(desc, "\n%s", session);
        if (interpreter)
            buf_printf(desc, "\n%s%s", w->interpreter, interpreter);
        if (json_is_true(json_object_get(m, "online")))
            buf_printf(desc, "\n%s%s%s", w->online, video ? ": " : "", video ? video : "");
        if (message)
            buf_printf(desc, "\n\n%s", message);
        events[i] = (struct ics_event){
            .uid = buf_str(uid), .summary = buf_str(summary), .location = buf_str(where),
            .description = buf_str(desc),
            .start = json_string_value(json_object_get(m, "start")),
            .end = json_string_value(json_object_get(m, "end")),
            .tzid = json_string_value(json_object_get(m, "timezone")),
            .sequence = (int)json_integer_value(json_object_get(m, "sequence")),
            .tentative = !json_is_true(json_object_get(m, "published")),
            .cancelled = withdrawn,
        };
    }
    /* the programme after her meetings: an entry's place in the file says nothing */
    for (int i = 0; i < talks.n; i++) {
        if (n == 0 && i == 0)
            calname = talks.v[i].event_name;
        else if (calname && strcmp(calname, talks.v[i].event_name) != 0)
            calname = NULL;
        events[n + (size_t)i] = talks.v[i].e;
    }
    rc = ics_write_calendar(out, calname ? calname : w->calendar, events, (int)n + talks.n,
                            err);
out:
    for (size_t i = 0; texts && i < n * 4; i++)
        buf_free(&texts[i]);
    free(texts);
    free(events);
    free(talks.v);
    arena_free(&a);
    json_decref(meetings);
    return rc;
}

int app_agenda_text(struct store *s, const char *person, struct buf *out, struct df_err *err)
{
    struct collect c;
    json_t *meetings = collect(s, person, store_agenda_each, &c, err);
    if (!meetings)
        return -1;
    size_t i;
    json_t *m;
    if (json_array_size(meetings) == 0)
        buf_printf(out, "%s has no scheduled meetings.\n", person);
    /* Times are each event's wall clock; they name their zone when the events
     * lie in more than one. */
    const char *zone = NULL;
    bool zones = false;
    json_array_foreach(meetings, i, m) {
        const char *tz = json_string_value(json_object_get(m, "timezone"));
        zones = zones || (zone && strcmp(zone, tz) != 0);
        zone = tz;
    }
    json_array_foreach(meetings, i, m) {
        const char *start = json_string_value(json_object_get(m, "start"));
        const char *end = json_string_value(json_object_get(m, "end"));
        const char *location = json_string_value(json_object_get(m, "location"));
        /* "2027-02-16 10:40-11:00  Table 12  with ..." */
        buf_printf(out, "%.10s %.5s-%.5s", start, start + 11, end + 11);
        if (zones)
            buf_printf(out, " %s", json_string_value(json_object_get(m, "timezone")));
        bool online = json_is_true(json_object_get(m, "online"));
        buf_printf(out, "  %-10s  with ", online ? "online" : location ? location : "(no table)");
        others(json_object_get(m, "people"), person, false, out);
        const char *interpreter = json_string_value(json_object_get(m, "interpreter"));
        if (interpreter)
            buf_printf(out, "  interpreter: %s", interpreter);
        const char *video = json_string_value(json_object_get(m, "video_url"));
        if (online && video)
            buf_printf(out, "  %s", video);
        /* scheduled, but the organiser may still move it: not published yet */
        if (!json_is_true(json_object_get(m, "published")))
            buf_puts(out, "  (provisional)");
        buf_putc(out, '\n');
    }
    json_decref(meetings);
    return 0;
}

/* What an agenda on paper says beside the calendar's words, in each language. */
struct paper_words {
    const char *heading, *empty, *page, *of, *no_table, *link_to_come;
    const char *talks, *a_break, *programme;   /* a programme's talk or break between hers */
};
static const struct paper_words paper_en = {
    "Your B2B meetings", "You have no B2B meetings at this event.", "Page", "of",
    "Table to be given", "the link to join comes from the organisers",
    "Talks", "Break", "On the forum's programme"};
static const struct paper_words paper_uk = {
    "Ваші зустрічі B2B", "У вас немає зустрічей B2B на цьому заході.", "Сторінка", "з",
    "Стіл ще не призначено", "посилання для приєднання надішлють організатори",
    "Виступи", "Перерва", "У програмі форуму"};

/* The event's days and venue in lang: "Tuesday 16 February 2027 – Wednesday
 * 17 February 2027 · Brussels Expo", in a (NULL when out of memory). */
static const char *event_line(const struct store_event *e, const char *lang, struct arena *a)
{
    bool uk = strcmp(lang, "uk") == 0;
    const char *venue = uk && e->venue_uk ? e->venue_uk : e->venue ? e->venue : e->venue_uk;
    const char *first = app_mail_day(e->starts_on, lang, a);
    const char *last = app_mail_day(e->ends_on, lang, a);
    if (!first || !last)
        return NULL;
    return arena_printf(a, "%s%s%s%s%s", first, strcmp(e->starts_on, e->ends_on) ? " \xe2\x80\x93 " : "",
                        strcmp(e->starts_on, e->ends_on) ? last : "", venue ? " \xc2\xb7 " : "",
                        venue ? venue : "");
}

/* The people of meeting m but person, their organisations and countries in
 * w's language, into a; *n how many. NULL when out of memory. */
static struct agenda_pdf_partner *partners(json_t *m, const char *person,
                                           const struct ics_words *w, struct arena *a, size_t *n)
{
    json_t *people = json_object_get(m, "people"), *q;
    struct agenda_pdf_partner *v = arena_alloc(a, (json_array_size(people) + 1) * sizeof *v);
    size_t i;
    *n = 0;
    json_array_foreach(people, i, q) {
        if (!v || strcmp(json_string_value(json_object_get(q, "id")), person) == 0)
            continue;
        const char *org_uk = json_string_value(json_object_get(q, "organisation_name_uk"));
        const char *country = json_string_value(json_object_get(q, "country"));
        const char *named = w->uk ? country_name_uk(country) : country_name_en(country);
        v[(*n)++] = (struct agenda_pdf_partner){
            .name = json_string_value(json_object_get(q, "name")),
            .organisation = w->uk && org_uk ? org_uk
                                            : json_string_value(json_object_get(q, "organisation_name")),
            .country = named ? named : country};
    }
    return v;
}

/* Meeting m as its lines on paper, in w's (and pw's) language, into a.
 * -1 when out of memory. */
static int paper_meeting(json_t *m, const char *person, const struct ics_words *w,
                         const struct paper_words *pw, struct arena *a,
                         struct agenda_pdf_meeting *out)
{
    const char *start = json_string_value(json_object_get(m, "start"));
    const char *end = json_string_value(json_object_get(m, "end"));
    const char *location = json_string_value(json_object_get(m, "location"));
    const char *video = json_string_value(json_object_get(m, "video_url"));
    const char *interpreter = json_string_value(json_object_get(m, "interpreter"));
    bool online = json_is_true(json_object_get(m, "online"));
    const char *place = online ? w->online : pw->no_table;
    struct buf b = BUF_INIT(0);
    if (!online && location) {
        table_name(location, w, &b);
        place = arena_strdup(a, buf_str(&b));
    }
    buf_free(&b);
    /* start and end are the event's wall clock: "2027-02-16T10:40:00+01:00" */
    *out = (struct agenda_pdf_meeting){
        .day = app_mail_day(start, w->uk ? "uk" : "en", a),
        .time = arena_printf(a, "%.5s\xe2\x80\x93%.5s", start + 11, end + 11),
        .place = place,
        .link = online ? (video ? video : pw->link_to_come) : NULL,
        .interpreter = interpreter ? arena_printf(a, "%s%s", w->interpreter, interpreter) : NULL,
        .session = in_language(m, "session_name", w),
    };
    out->partners = partners(m, person, w, a, &out->partners_n);
    return out->day && out->time && out->place && out->partners &&
                   (!interpreter || out->interpreter)
               ? 0
               : -1;
}

/* A line of her paper: a meeting or a programme's talk or break, with the
 * instant it starts and which comes first at the same instant (a talk). */
struct paper_line {
    long long at;
    int order;   /* a talk 0, a meeting 1; then as gathered (meetings in time order) */
    size_t i;
    struct agenda_pdf_meeting m;
};

struct paper_lines {
    struct paper_line *v;
    int n, cap;
};

/* The event's talks and breaks that fall on the days of her meetings there,
 * gathered into paper lines in pw's language (store_session_each). */
struct talks {
    struct paper_lines *lines;
    const char *zone, *lang;
    const struct paper_words *pw;
    json_t *days;   /* object: her meetings' days at the event, "2027-02-16" */
    struct arena *a;
};

static int on_session(void *ud, const struct store_session *x)
{
    struct talks *t = ud;
    char start[32], end[32], day[11];
    long long at;
    /* its day is its wall clock's, the digits the store keeps (ics_zoned_time
     * keeps them too): a talk of another day is passed over before its zone
     * is read, which a forum's thousands of agendas would each pay for */
    snprintf(day, sizeof day, "%.10s", x->starts_at);
    if (strcmp(x->kind, "b2b") == 0 || !json_object_get(t->days, day))
        return 0;
    /* the store keeps only times its checks took: one its zone cannot read
     * is left off her paper rather than refusing the whole agenda */
    if (ics_zoned_time(t->zone, x->starts_at, start, &at) < 0 ||
        ics_zoned_time(t->zone, x->ends_at, end, NULL) < 0)
        return 0;
    struct paper_lines *l = t->lines;
    if (df_grow((void **)&l->v, &l->cap, l->n, sizeof *l->v) < 0)
        return 1;
    bool uk = strcmp(t->lang, "uk") == 0;
    const char *kind = strcmp(x->kind, "break") == 0 ? t->pw->a_break : t->pw->talks;
    /* each text in her language, the other where hers is not given */
    const char *place = uk && x->place_uk ? x->place_uk : x->place ? x->place : x->place_uk;
    const char *about = uk && x->description_uk ? x->description_uk
                        : x->description        ? x->description
                                                : x->description_uk;
    struct agenda_pdf_meeting *m = &l->v[l->n].m;
    *m = (struct agenda_pdf_meeting){
        .day = app_mail_day(start, t->lang, t->a),
        .time = arena_printf(t->a, "%.5s\xe2\x80\x93%.5s", start + 11, end + 11),
        .place = uk && x->name_uk ? arena_strdup(t->a, x->name_uk) : arena_strdup(t->a, x->name),
        .programme = arena_printf(t->a, "%s%s%s \xc2\xb7 %s", kind, place ? " \xc2\xb7 " : "",
                                  place ? place : "", t->pw->programme),
        .about = about ? arena_strdup(t->a, about) : NULL};
    l->v[l->n].at = at;
    l->v[l->n].order = 0;
    l->v[l->n].i = (size_t)l->n;
    l->n++;
    return !m->day || !m->time || !m->place || !m->programme || (about && !m->about);
}

static int by_time(const void *x, const void *y)
{
    const struct paper_line *a = x, *b = y;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    if (a->order != b->order)
        return a->order - b->order;
    return a->i < b->i ? -1 : a->i > b->i;
}

int app_agenda_pdf_add(struct store *s, const char *person, const struct store_event *event,
                       bool skip_empty, struct agenda_pdf *d, int *meetings, int *pages,
                       struct df_err *err)
{
    struct collect c;
    json_t *all = collect(s, person, store_agenda_each, &c, err);
    if (!all)
        return -1;
    struct arena a;
    arena_init(&a, 0);
    struct store_person p;
    struct store_org o;
    const char *ui = NULL;
    size_t total = json_array_size(all), n = 0;
    struct agenda_pdf_meeting *v = NULL;
    struct paper_lines lines = {0};
    json_t *days = json_object();
    int rc = -1;
    *meetings = *pages = 0;
    if (!days) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory drawing an agenda");
        goto out;
    }
    if (store_person_get(s, person, &a, &p, err) < 0 ||
        store_person_ui_language(s, person, &a, &ui, err) < 0 ||
        store_org_get(s, p.org, &a, &o, err) < 0)
        goto out;
    const char *lang = app_person_language(ui, p.languages, o.country);
    bool uk = strcmp(lang, "uk") == 0;
    const struct ics_words *w = uk ? &ics_uk : &ics_en;
    const struct paper_words *pw = uk ? &paper_uk : &paper_en;
    for (size_t i = 0; i < total; i++) {
        json_t *m = json_array_get(all, i);
        /* the event's meetings as she sees them once the agendas are published */
        if (strcmp(json_string_value(json_object_get(m, "event")), event->id) != 0 ||
            !json_is_true(json_object_get(m, "published")))
            continue;
        char day[11];
        snprintf(day, sizeof day, "%.10s", json_string_value(json_object_get(m, "start")));
        if (df_grow((void **)&lines.v, &lines.cap, lines.n, sizeof *lines.v) < 0 ||
            json_object_set_new(days, day, json_true()) < 0 ||
            paper_meeting(m, person, w, pw, &a, &lines.v[lines.n].m) < 0) {
            df_err_set(err, DF_ERR_RUNTIME, "out of memory drawing an agenda");
            goto out;
        }
        /* the instant it starts: its start carries its zone's offset then
         * (collect wrote it with ics_zoned_time) */
        long long at = 0;
        date_time_instant(json_string_value(json_object_get(m, "start")), &at);
        lines.v[lines.n].at = at;
        lines.v[lines.n].order = 1;
        lines.v[lines.n].i = (size_t)lines.n;
        lines.n++;
        n++;
    }
    /* the forum's talks and breaks of her days, between her meetings */
    struct talks t = {&lines, event->timezone, lang, pw, days, &a};
    int got = n > 0 ? store_session_each(s, event->id, on_session, &t, err) : 0;
    if (got != 0) {
        if (got > 0)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory drawing an agenda");
        goto out;
    }
    if (lines.n > 1)
        qsort(lines.v, (size_t)lines.n, sizeof *lines.v, by_time);
    v = calloc(lines.n ? (size_t)lines.n : 1, sizeof *v);
    if (!v) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory drawing an agenda");
        goto out;
    }
    for (int i = 0; i < lines.n; i++)
        v[i] = lines.v[i].m;
    if (n > 0 || !skip_empty) {
        struct agenda_pdf_person page = {
            .event = uk && event->name_uk ? event->name_uk : event->name,
            .event_line = event_line(event, lang, &a),
            .name = p.name,
            .organisation = uk && o.name_uk ? o.name_uk : o.name,
            .heading = pw->heading, .empty = pw->empty, .page = pw->page, .of = pw->of,
            .m = v, .n = (size_t)lines.n};
        agenda_pdf_add(d, &page, pages);
        *meetings = (int)n;
    }
    rc = 0;
out:
    free(v);
    free(lines.v);
    json_decref(days);
    arena_free(&a);
    json_decref(all);
    return rc;
}

struct contacts {
    struct buf *out;
    int cards;
};

static int add_contact(void *ud, const struct store_met *m)
{
    struct contacts *k = ud;
    char note[320];
    /* the event and the wall-clock day and time of the slot, as the agenda shows it */
    snprintf(note, sizeof note, "%s, %.10s %.5s", m->event_name, m->starts_at,
             strlen(m->starts_at) > 11 ? m->starts_at + 11 : "");
    struct vcard_contact c = {.name = m->name, .title = m->title, .org = m->org_name,
                              .url = m->org_website, .languages = m->languages, .note = note};
    k->cards++;
    return vcard_append(k->out, &c) < 0;
}

int app_contacts_vcard(struct store *s, const char *person, int64_t now, struct buf *out,
                       int *cards, struct df_err *err)
{
    struct contacts k = {out, 0};
    int rc = store_met_each(s, person, now, add_contact, &k, err);
    if (rc > 0)
        return df_err_set(err, DF_ERR_RUNTIME, "the contacts file is too large");
    if (rc < 0)
        return -1;
    *cards = k.cards;
    return 0;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static int add_met(void *ud, const struct store_met *m)
{
    json_t *j = json_pack("{ss ss so ss ss so ss so so so ss ss}", "id", m->person, "name",
                          m->name, "title", str_or_null(m->title), "organisation", m->org,
                          "organisation_name", m->org_name, "organisation_name_uk",
                          str_or_null(m->org_name_uk), "country", m->org_country, "website",
                          str_or_null(m->org_website), "description",
                          str_or_null(m->org_description), "description_uk",
                          str_or_null(m->org_description_uk), "event_name", m->event_name,
                          "start", m->starts_at);
    return !j || json_array_append_new(ud, j) < 0;
}

json_t *app_met_json(struct store *s, const char *person, int64_t now, struct df_err *err)
{
    json_t *people = json_array();
    int rc = people ? store_met_each(s, person, now, add_met, people, err) : 1;
    json_t *j = rc == 0 ? json_pack("{ss so}", "person", person, "people", people) : NULL;
    if (rc != 0)
        json_decref(people);
    if (!j && rc >= 0)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing the people met");
    return j;
}
