/* Saving an event and its programme (see event.h): checks, then the store's
 * upserts in one transaction. */
#include "app/event.h"
#include "app/fields.h"
#include "app/mail_meetings.h"
#include "app/reminders.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/grow.h"
#include "core/strmap.h"
#include "io/ics.h"
#include "store/programme.h"

/* The ids the edit adds or names. */
static int check_ids(const struct app_event_edit *in, struct df_err *err)
{
    char what[64];
    if (in->create && app_id_check("id", in->id, err) < 0)
        return -1;
    for (int i = 0; i < in->sessions_n; i++) {
        snprintf(what, sizeof what, "sessions[%d].id", i);
        if (app_session_id_check(what, in->sessions[i].session.id, err) < 0)
            return -1;
        for (int k = 0; k < in->sessions[i].slots_n; k++) {
            snprintf(what, sizeof what, "sessions[%d].slots[%d].id", i, k);
            if (app_id_check(what, in->sessions[i].slots[k].id, err) < 0)
                return -1;
        }
    }
    for (int i = 0; i < in->locations_n; i++) {
        snprintf(what, sizeof what, "locations[%d].id", i);
        if (app_id_check(what, in->locations[i].id, err) < 0)
            return -1;
    }
    for (int i = 0; i < in->interpreters_n; i++) {
        snprintf(what, sizeof what, "interpreters[%d].id", i);
        if (app_id_check(what, in->interpreters[i].id, err) < 0)
            return -1;
    }
    return 0;
}

/* The day mail's setting an edit gives: none, or "eve" or "morning" at a
 * time of day. */
static int day_mail_check(const struct app_event_edit *in, struct df_err *err)
{
    const char *on = in->day_mail_on;
    if (on && strcmp(on, "eve") != 0 && strcmp(on, "morning") != 0) {
        df_err_set(err, DF_ERR_INPUT, "day_mail_on \"%.20s\" is none of null, \"eve\" "
                                      "(the day before) and \"morning\" (the day itself)", on);
        return df_err_code(err, "not_one_of", "field", "day_mail_on", "col", "day_mail_on",
                           "value", on, "list", "eve|morning", NULL);
    }
    if (on && !app_day_mail_at_ok(in->day_mail_at)) {
        const char *at = in->day_mail_at ? in->day_mail_at : "";
        df_err_set(err, DF_ERR_INPUT, "day_mail_at \"%.20s\" is not a time of day HH:MM "
                                      "(00:00 to 23:59) at which each day's mail goes", at);
        return df_err_code(err, "day_mail_at", "field", "day_mail_at", "value", at, NULL);
    }
    return 0;
}

/* A day mail's time given alone changes the time of the stored setting,
 * not the setting itself (a client that sends only day_mail_at would else
 * turn the mail off). */
static void keep_day_mail_on(struct app_event_edit *in, const struct store_event *old)
{
    if (in->day_mail_given && !in->day_mail_on_given)
        in->day_mail_on = old->id ? old->day_mail_on : NULL;
}

/* The edit's time zone, when it gives one: a stored one is not judged again
 * (dfnc check judges it). */
static int check_zone(const struct app_event_edit *in, struct df_err *err)
{
    if (in->video_url && app_video_url_check(in->video_url, err) < 0)
        return -1;
    if (in->day_mail_given && day_mail_check(in, err) < 0)
        return -1;
    return in->timezone ? app_timezone_check(in->timezone, err) : 0;
}

/* A change leaves what it does not send as it is (event.h). */
static void keep_unsent(const struct app_event_edit *in, const struct store_event *old,
                        struct store_event *e)
{
    if (!in->name)
        e->name = old->name;
    if (!in->venue && !in->venue_given)
        e->venue = old->venue;
    if (!in->name_uk_given)
        e->name_uk = old->name_uk;
    if (!in->venue_uk_given)
        e->venue_uk = old->venue_uk;
    if (!in->timezone)
        e->timezone = old->timezone;
    if (!in->starts_on)
        e->starts_on = old->starts_on;
    if (!in->ends_on)
        e->ends_on = old->ends_on;
    if (!in->requests_close_given)
        e->requests_close = old->requests_close;
    if (in->request_cap <= 0)
        e->request_cap = old->request_cap;
}

static const char day_form[] = "a date YYYY-MM-DD";
static const char time_form[] =
    "an ISO 8601 time YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM], its offset from -12:00 to +14:00";
static const char wall_minute_form[] = "a time YYYY-MM-DDTHH:MM at the event's clock";

/* The refusal of a date or time (what: "starts_on", "sessions[0].day") that
 * is not valid: a year out of range said as such, else the form it needs. */
static int refuse_when(struct df_err *err, const char *what, const char *v, const char *form)
{
    int y = date_year(v);
    if (y >= 0 && (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.40s\": the year must be from %d to %d", what, v,
                   DATE_YEAR_MIN, DATE_YEAR_MAX);
        return df_err_code(err, "year", "col", what, "value", v, "a", DF_NUM(DATE_YEAR_MIN), "b",
                           DF_NUM(DATE_YEAR_MAX), NULL);
    }
    df_err_set(err, DF_ERR_INPUT, "%s \"%.40s\" is not %s", what, v ? v : "", form);
    return df_err_code(err, form == day_form ? "date" : "time", "col", what, "value",
                       v ? v : "", NULL);
}


int app_event_dates_check(const struct store_event *e, struct df_err *err)
{
    if (!date_is_valid(e->starts_on))
        return refuse_when(err, "starts_on", e->starts_on, day_form);
    if (!date_is_valid(e->ends_on))
        return refuse_when(err, "ends_on", e->ends_on, day_form);
    if (strcmp(e->starts_on, e->ends_on) > 0) {
        df_err_set(err, DF_ERR_INPUT, "starts_on is after ends_on");
        return df_err_code(err, "starts_after", NULL);
    }
    return 0;
}

int app_requests_close_check(const char *v, struct df_err *err)
{
    if (v && strlen(v) == 16 && date_time_is_valid(v))
        return 0;
    return refuse_when(err, "requests_close", v, wall_minute_form);
}

int app_requests_close_at(const struct store_event *e, char out[32], long long *utc)
{
    long long at = 0;
    if (!e->requests_close)
        return 0;
    if (ics_zoned_time(e->timezone, e->requests_close, out, &at) < 0) {
        char z[24];
        snprintf(z, sizeof z, "%.16sZ", e->requests_close);
        if (!date_time_instant(z, &at))
            at = 0;
        snprintf(out, 32, "%.16s:00+00:00", e->requests_close);
    }
    if (utc)
        *utc = at;
    return 1;
}

int app_requests_open_check(const struct store_event *e, long long now, struct df_err *err)
{
    char at[32];
    long long utc;
    if (!app_requests_close_at(e, at, &utc) || now < utc)
        return 0;
    df_err_set(err, DF_ERR_CONFLICT,
               "event %s took meeting requests until %s: the organisers can still arrange a "
               "meeting", e->id, at);
    return df_err_code(err, "requests_closed", "event", e->id, "at", at, NULL);
}

/* Checks the event's dates (e: the edit's, or the stored ones it keeps) and
 * the form of the edit's times (real days and times) before anything is
 * written; how they fit together is checked on the stored programme
 * (check_stored). */
static int check_times(const struct store_event *e, const struct app_event_edit *in,
                       struct df_err *err)
{
    char what[64];
    if (app_event_dates_check(e, err) < 0)
        return -1;
    if (in->requests_close && app_requests_close_check(in->requests_close, err) < 0)
        return -1;
    for (int i = 0; i < in->sessions_n; i++) {
        const struct store_session *x = &in->sessions[i].session;
        const char *bad = !date_is_valid(x->day)             ? "day"
                          : !date_time_is_valid(x->starts_at) ? "starts_at"
                          : !date_time_is_valid(x->ends_at)   ? "ends_at"
                                                              : NULL;
        if (bad) {
            snprintf(what, sizeof what, "sessions[%d].%s", i, bad);
            return refuse_when(err, what,
                               bad[0] == 'd' ? x->day : bad[0] == 's' ? x->starts_at : x->ends_at,
                               bad[0] == 'd' ? day_form : time_form);
        }
        for (int k = 0; k < in->sessions[i].slots_n; k++) {
            const struct store_slot *y = &in->sessions[i].slots[k];
            bool starts = !date_time_is_valid(y->starts_at);
            if (starts || !date_time_is_valid(y->ends_at)) {
                snprintf(what, sizeof what, "sessions[%d].slots[%d].%s", i, k,
                         starts ? "starts_at" : "ends_at");
                return refuse_when(err, what, starts ? y->starts_at : y->ends_at, time_form);
            }
        }
    }
    return 0;
}

/* The stored programme of an event, walked after the edit's upserts: what
 * the edit did not resend (a session's slots, the sessions of an event whose
 * dates moved) must still fit. Times are local to the event and a session
 * lies within its day, so "YYYY-MM-DDTHH:MM" prefixes compare as times. */
struct stored {
    const struct store_event *ev;
    struct strmap index;               /* session id -> its place in bounds */
    struct bounds {
        char starts_at[17], ends_at[17];
        bool b2b;
    } *bounds;
    int bounds_n, bounds_cap;
    struct b2b_slot {                  /* the b2b slots, to find two at once */
        char starts_at[17], ends_at[17];
        char *id, *session;
    } *b2b;
    int b2b_n, b2b_cap;
    app_programme_fault_fn fault;      /* NULL: the first refusal stops the walk */
    void *ud;
    struct df_err *err;
};

/* A refusal (err set) of the session or slot id's field: the walk stops
 * (-1) unless the caller's fault says to go on (0). */
static int refused(struct stored *k, const char *kind, const char *id, const char *field)
{
    return k->fault ? k->fault(k->ud, kind, id, field, k->err) : -1;
}

static int stored_session(void *ud, const struct store_session *x)
{
    struct stored *k = ud;
    const char *day = x->day, *s0 = x->starts_at, *s1 = x->ends_at;
    if (strcmp(day, k->ev->starts_on) < 0 || strcmp(day, k->ev->ends_on) > 0) {
        df_err_set(k->err, DF_ERR_INPUT,
                   "session \"%s\" on %s is outside the event's dates (%s to %s)", x->id, day,
                   k->ev->starts_on, k->ev->ends_on);
        df_err_code(k->err, "session_outside", "value", x->id, "day", day, "from",
                    k->ev->starts_on, "to", k->ev->ends_on, NULL);
        return refused(k, "session", x->id, "day");
    }
    if (strncmp(s0, day, 10) || strncmp(s1, day, 10)) {
        df_err_set(k->err, DF_ERR_INPUT, "session \"%s\" must start and end on its day %s",
                   x->id, day);
        df_err_code(k->err, "session_day", "value", x->id, "day", day, NULL);
        return refused(k, "session", x->id, "starts_at");
    }
    if (strncmp(s1, s0, 16) <= 0) {
        df_err_set(k->err, DF_ERR_INPUT, "session \"%s\" ends before it starts", x->id);
        df_err_code(k->err, "session_ends_first", "value", x->id, NULL);
        return refused(k, "session", x->id, "ends_at");
    }
    if (df_grow((void **)&k->bounds, &k->bounds_cap, k->bounds_n, sizeof *k->bounds) < 0 ||
        strmap_put(&k->index, x->id, k->bounds_n) < 0)
        return df_err_set(k->err, DF_ERR_RUNTIME, "out of memory checking the programme");
    struct bounds *b = &k->bounds[k->bounds_n++];
    snprintf(b->starts_at, sizeof b->starts_at, "%.16s", s0);
    snprintf(b->ends_at, sizeof b->ends_at, "%.16s", s1);
    b->b2b = strcmp(x->kind, "b2b") == 0;
    return 0;
}

static int stored_slot(void *ud, const struct store_slot *y)
{
    struct stored *k = ud;
    /* a slot's session is of the same event (store_slot_upsert); one not in
     * the index was refused above, and the walk went on (a fault said so) */
    int i = strmap_get(&k->index, y->session);
    assert(i >= 0 || k->fault);
    if (i < 0)
        return 0;
    const struct bounds *b = &k->bounds[i];
    const char *t0 = y->starts_at, *t1 = y->ends_at;
    if (strncmp(t1, t0, 16) <= 0 || strncmp(t0, b->starts_at, 16) < 0 ||
        strncmp(t1, b->ends_at, 16) > 0) {
        df_err_set(k->err, DF_ERR_INPUT,
                   "slot \"%s\" (%.16s to %.16s) must end after it starts and lie within its "
                   "session \"%s\" (%s to %s)",
                   y->id, t0, t1, y->session, b->starts_at, b->ends_at);
        df_err_code(k->err, "slot_outside", "value", y->id, "start", t0, "end", t1, "session",
                    y->session, "from", b->starts_at, "to", b->ends_at, NULL);
        return refused(k, "slot", y->id, "starts_at");
    }
    if (!b->b2b)
        return 0;   /* a talk may run beside the meetings: people choose */
    if (df_grow((void **)&k->b2b, &k->b2b_cap, k->b2b_n, sizeof *k->b2b) < 0)
        return df_err_set(k->err, DF_ERR_RUNTIME, "out of memory checking the programme");
    struct b2b_slot *z = &k->b2b[k->b2b_n];
    snprintf(z->starts_at, sizeof z->starts_at, "%.16s", t0);
    snprintf(z->ends_at, sizeof z->ends_at, "%.16s", t1);
    z->id = strdup(y->id);
    z->session = strdup(y->session);
    k->b2b_n++;   /* counted before the check, so that it is freed */
    if (!z->id || !z->session)
        return df_err_set(k->err, DF_ERR_RUNTIME, "out of memory checking the programme");
    return 0;
}

static int by_start(const void *x, const void *y)
{
    const struct b2b_slot *a = x, *b = y;
    int c = strcmp(a->starts_at, b->starts_at);
    if (!c)
        c = strcmp(a->ends_at, b->ends_at);
    if (!c)
        c = strcmp(a->session, b->session);
    return c ? c : strcmp(a->id, b->id);   /* the same refusal every time */
}

/* B2B slots are the scheduler's units: it gives a person one meeting a
 * slot, so two slots at once (two b2b sessions over each other, or slots of
 * one) would give her two meetings at the same time. Each slot that starts
 * before an earlier one ends is refused, naming that one. */
static int b2b_overlaps(struct stored *k)
{
    if (k->b2b_n > 1)
        qsort(k->b2b, (size_t)k->b2b_n, sizeof *k->b2b, by_start);
    int latest = 0;   /* the slot ending last of those before i */
    for (int i = 1; i < k->b2b_n; i++) {
        const struct b2b_slot *y = &k->b2b[i], *o = &k->b2b[latest];
        if (strcmp(y->starts_at, o->ends_at) < 0) {
            df_err_set(k->err, DF_ERR_INPUT,
                       "slot \"%s\" of session \"%s\" (%s to %s) overlaps slot \"%s\" of "
                       "session \"%s\" (%s to %s): a person would be given two meetings at "
                       "once; b2b sessions and their slots must not overlap",
                       y->id, y->session, y->starts_at, y->ends_at, o->id, o->session,
                       o->starts_at, o->ends_at);
            df_err_code(k->err, "slots_overlap", "value", y->id, "session", y->session, "start",
                        y->starts_at, "end", y->ends_at, "other", o->id, "other_session",
                        o->session, "from", o->starts_at, "to", o->ends_at, NULL);
            if (refused(k, "slot", y->id, "starts_at") < 0)
                return -1;
        }
        if (strcmp(y->ends_at, o->ends_at) > 0)
            latest = i;
    }
    return 0;
}

int app_event_programme_check(struct store *s, const struct store_event *ev,
                              app_programme_fault_fn fault, void *ud, struct df_err *err)
{
    struct stored k = {.ev = ev, .fault = fault, .ud = ud, .err = err};
    int rc = store_session_each(s, ev->id, stored_session, &k, err);
    if (rc == 0)
        rc = store_slot_each(s, ev->id, stored_slot, &k, err);
    if (rc == 0)
        rc = b2b_overlaps(&k);
    strmap_free(&k.index);
    free(k.bounds);
    for (int i = 0; i < k.b2b_n; i++) {
        free(k.b2b[i].id);
        free(k.b2b[i].session);
    }
    free(k.b2b);
    return rc == 0 ? 0 : -1;
}

/* Checks the event's whole stored programme against ev, inside the caller's
 * transaction. */
static int check_stored(struct store *s, const struct store_event *ev, struct df_err *err)
{
    return app_event_programme_check(s, ev, NULL, NULL, err);
}

static int check_kinds(const struct app_event_edit *in, struct df_err *err)
{
    for (int i = 0; i < in->sessions_n; i++) {
        const char *kind = in->sessions[i].session.kind;
        if (strcmp(kind, "b2b") && strcmp(kind, "conference") && strcmp(kind, "break"))
            return df_err_set(err, DF_ERR_INPUT,
                              "sessions[%d].kind must be b2b, conference or break", i);
    }
    for (int i = 0; i < in->locations_n; i++) {
        const char *kind = in->locations[i].kind;
        if (kind && strcmp(kind, "table") && strcmp(kind, "room") && strcmp(kind, "booth"))
            return df_err_set(err, DF_ERR_INPUT, "locations[%d].kind must be table, room or booth",
                              i);
    }
    return 0;
}

static int out_of_memory(struct df_err *err)
{
    return df_err_set(err, DF_ERR_RUNTIME, "out of memory saving an event");
}

/* A time of the edit is the event's wall-clock time: an offset it carries
 * must be the one the event's zone has then, else the time is ambiguous
 * (the organiser meant the instant, or the wall clock calendars will show?). */
static int check_offset(const char *zone, const char *what, const char *iso,
                        struct df_err *err)
{
    int given;
    char zoned[32];
    if (!date_time_offset(iso, &given))
        return 0;
    if (ics_zoned_time(zone, iso, zoned, NULL) < 0)
        return df_err_set(err, DF_ERR_INPUT, "%s \"%s\" cannot be read in time zone %s", what,
                          iso, zone);
    int sign = zoned[19] == '-' ? -1 : 1;
    int in_zone = sign * (((zoned[20] - '0') * 10 + zoned[21] - '0') * 60 +
                          (zoned[23] - '0') * 10 + zoned[24] - '0');
    if (given != in_zone)
        return df_err_set(err, DF_ERR_INPUT,
                          "%s \"%s\": the event's time zone %s is at UTC%s then; send the "
                          "event's local time with that offset, or with none", what, iso, zone,
                          zoned + 19);
    return 0;
}

static int check_offsets(const struct app_event_edit *in, const char *zone, struct df_err *err)
{
    char what[64];
    for (int i = 0; i < in->sessions_n; i++) {
        const struct store_session *x = &in->sessions[i].session;
        for (int j = 0; j < 2; j++) {
            snprintf(what, sizeof what, "sessions[%d].%s", i, j ? "ends_at" : "starts_at");
            if (check_offset(zone, what, j ? x->ends_at : x->starts_at, err) < 0)
                return -1;
        }
        for (int k = 0; k < in->sessions[i].slots_n; k++) {
            const struct store_slot *y = &in->sessions[i].slots[k];
            for (int j = 0; j < 2; j++) {
                snprintf(what, sizeof what, "sessions[%d].slots[%d].%s", i, k,
                         j ? "ends_at" : "starts_at");
                if (check_offset(zone, what, j ? y->ends_at : y->starts_at, err) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* The event's stored programme, read before it is rewritten. */
struct programme {
    struct arena *a;
    struct store_session *sessions;
    struct store_slot *slots;
    int sessions_n, sessions_cap, slots_n, slots_cap;
    int oom;
};

static int keep_session(void *ud, const struct store_session *x)
{
    struct programme *p = ud;
    if (df_grow((void **)&p->sessions, &p->sessions_cap, p->sessions_n, sizeof *p->sessions) < 0)
        return p->oom = 1;
    struct store_session *c = &p->sessions[p->sessions_n++];
    *c = (struct store_session){.id = arena_strdup(p->a, x->id), .event = arena_strdup(p->a, x->event),
                                .day = arena_strdup(p->a, x->day), .name = arena_strdup(p->a, x->name),
                                .kind = arena_strdup(p->a, x->kind),
                                .starts_at = arena_strdup(p->a, x->starts_at),
                                .ends_at = arena_strdup(p->a, x->ends_at),
                                .name_uk = arena_strdup(p->a, x->name_uk),
                                /* rewritten for its times alone: the rest stays */
                                .keep_place = true, .keep_place_uk = true,
                                .keep_description = true, .keep_description_uk = true};
    return p->oom = !c->id || !c->event || !c->day || !c->name || !c->kind || !c->starts_at ||
                    !c->ends_at || (x->name_uk && !c->name_uk);
}

int app_slot_append(struct arena *a, struct store_slot **v, int *n, int *cap,
                    const struct store_slot *y)
{
    if (df_grow((void **)v, cap, *n, sizeof **v) < 0)
        return -1;
    struct store_slot *c = &(*v)[(*n)++];
    *c = (struct store_slot){.id = arena_strdup(a, y->id), .session = arena_strdup(a, y->session),
                             .seq = y->seq, .starts_at = arena_strdup(a, y->starts_at),
                             .ends_at = arena_strdup(a, y->ends_at)};
    return c->id && c->session && c->starts_at && c->ends_at ? 0 : -1;
}

static int keep_slot(void *ud, const struct store_slot *y)
{
    struct programme *p = ud;
    return p->oom = app_slot_append(p->a, &p->slots, &p->slots_n, &p->slots_cap, y) < 0;
}

/* *iso rewritten as the zone's wall-clock time with its offset then; *changed
 * set when that is other text. */
static int zone_one(struct arena *a, const char *zone, const char **iso, bool *changed)
{
    char zoned[32];
    if (ics_zoned_time(zone, *iso, zoned, NULL) < 0)
        return -1;
    if (strcmp(zoned, *iso) == 0)
        return 0;
    *changed = true;
    return (*iso = arena_strdup(a, zoned)) ? 0 : -1;
}

/* The two times of a session or slot (what, id) through zone_one: 1 when
 * either changed, 0 when neither, -1 with err set. */
static int zone_times(struct arena *a, const char *zone, const char *what, const char *id,
                      const char **starts_at, const char **ends_at, struct df_err *err)
{
    bool changed = false;
    if (zone_one(a, zone, starts_at, &changed) < 0 || zone_one(a, zone, ends_at, &changed) < 0) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%s\": its times cannot be read in time zone %s",
                   what, id, zone);
        return df_err_code(err, "times_unzoned", "value", id, "zone", zone, NULL);
    }
    return changed;
}

/* Every stored time of the event's programme carries the offset its zone has
 * then ("2027-02-16T10:40:00+01:00"), whatever form it was sent in, and
 * after a change of zone the new one's: the wall clock stays, as calendars
 * read it (DTSTART;TZID=), so the agenda's JSON, its order and the .ics
 * agree. Rewriting a time to the same wall clock raises no SEQUENCE
 * (migration 10). */
static int zone_programme(struct store *s, const struct store_event *ev, struct arena *a,
                          struct df_err *err)
{
    struct programme p = {.a = a};
    int rc = -1;
    if (store_session_each(s, ev->id, keep_session, &p, err) != 0 ||
        store_slot_each(s, ev->id, keep_slot, &p, err) != 0) {
        if (p.oom)
            out_of_memory(err);
        goto out;
    }
    for (int i = 0; i < p.sessions_n; i++) {
        struct store_session *x = &p.sessions[i];
        int changed = zone_times(a, ev->timezone, "session", x->id, &x->starts_at, &x->ends_at,
                                 err);
        if (changed < 0 || (changed && store_session_upsert(s, x, err) < 0))
            goto out;
    }
    for (int i = 0; i < p.slots_n; i++) {
        struct store_slot *y = &p.slots[i];
        int changed = zone_times(a, ev->timezone, "slot", y->id, &y->starts_at, &y->ends_at, err);
        if (changed < 0 || (changed && store_slot_upsert(s, y, err) < 0))
            goto out;
    }
    rc = 0;
out:
    free(p.sessions);
    free(p.slots);
    return rc;
}

/* A session where published meetings sit stays a b2b session: as a break or
 * a talk, the next schedule run could no longer hold them in their slots
 * (DELETE of the session is refused alike, store/programme.h). */
static int check_published_kinds(struct store *s, const struct app_event_edit *in,
                                 struct df_err *err)
{
    for (int i = 0; i < in->sessions_n; i++) {
        const struct store_session *x = &in->sessions[i].session;
        if (strcmp(x->kind, "b2b") == 0)
            continue;
        int n = store_session_published_n(s, in->id, x->id, err);
        if (n < 0)
            return -1;
        if (n > 0) {
            df_err_set(err, DF_ERR_CONFLICT,
                       "session \"%s\": %d published meeting(s) sit in its slots; it stays a b2b "
                       "session while they do (a %s would take their slots from under them)",
                       x->id, n, x->kind);
            return df_err_code(err, "kind_published", "value", x->id, "n", DF_NUM(n), "kind",
                               x->kind, NULL);
        }
    }
    return 0;
}

/* The ids of the slots the edit's replace_slots sessions list (each mapped
 * to its session's place in the edit). */
static int index_listed(const struct app_event_edit *in, struct strmap *listed)
{
    for (int i = 0; i < in->sessions_n; i++) {
        const struct app_event_session *x = &in->sessions[i];
        for (int k = 0; x->replace_slots && k < x->slots_n; k++)
            if (strmap_put(listed, x->slots[k].id, i) < 0)
                return -1;
    }
    return 0;
}

/* Whether the edit sends session id with replace_slots. */
static bool replaces_slots_of(const struct app_event_edit *in, const char *id)
{
    for (int i = 0; i < in->sessions_n; i++)
        if (in->sessions[i].replace_slots && strcmp(in->sessions[i].session.id, id) == 0)
            return true;
    return false;
}

/* A stored slot of a replace_slots session that the edit does not list goes
 * (store_slot_remove), before the upserts; *unscheduled counts the meetings
 * that went with them. A listed slot stays, whatever its new times: its
 * meetings move with it. */
static int drop_unlisted_slots(struct store *s, const struct app_event_edit *in, struct arena *a,
                               int *unscheduled, struct df_err *err)
{
    struct programme p = {.a = a};
    struct strmap listed = {0};
    int rc = -1;
    *unscheduled = 0;
    if (store_slot_each(s, in->id, keep_slot, &p, err) != 0) {
        if (p.oom)
            out_of_memory(err);
        goto out;
    }
    if (index_listed(in, &listed) < 0) {
        out_of_memory(err);
        goto out;
    }
    for (int i = 0; i < p.slots_n; i++) {
        const struct store_slot *y = &p.slots[i];
        int n = 0;
        if (!replaces_slots_of(in, y->session) || strmap_get(&listed, y->id) >= 0)
            continue;
        if (store_slot_remove(s, y->session, y->id, &n, err) < 0)
            goto out;
        *unscheduled += n;
    }
    rc = 0;
out:
    strmap_free(&listed);
    free(p.sessions);
    free(p.slots);
    return rc;
}

/* The upserts, inside the caller's transaction. */
static int write_programme(struct store *s, struct app_event_edit *in, struct df_err *err)
{
    for (int i = 0; i < in->sessions_n; i++) {
        struct app_event_session *x = &in->sessions[i];
        x->session.event = in->id;
        if (store_session_upsert(s, &x->session, err) < 0)
            return -1;
        for (int k = 0; k < x->slots_n; k++) {
            x->slots[k].session = x->session.id;
            if (store_slot_upsert(s, &x->slots[k], err) < 0)
                return -1;
        }
    }
    for (int i = 0; i < in->locations_n; i++) {
        in->locations[i].event = in->id;
        if (!in->locations[i].kind)
            in->locations[i].kind = "table";
        if (store_location_upsert(s, &in->locations[i], err) < 0)
            return -1;
    }
    for (int i = 0; i < in->interpreters_n; i++) {
        in->interpreters[i].event = in->id;
        if (store_interpreter_upsert(s, &in->interpreters[i], NULL, err) < 0)
            return -1;
    }
    return 0;
}

/* 0 when the event's existence is what the edit needs (absent to create,
 * present to change); *old gets the stored event, or zeroes. */
static int check_exists(struct store *s, const struct app_event_edit *in, struct arena *a,
                        struct store_event *old, struct df_err *err)
{
    if (store_event_get(s, in->id, a, old, err) == 0)
        return in->create ? df_err_set(err, DF_ERR_CONFLICT,
                                       "event \"%s\" exists already; PUT changes it", in->id)
                          : 0;
    *old = (struct store_event){0};
    if (err->kind != DF_ERR_NOT_FOUND || !in->create)
        return -1;
    df_err_clear(err);
    return 0;
}

/* The event's meetings before the edit, to tell the organiser which of them
 * the edit moves (their time, their table or, with the event's time zone,
 * every one of them): each published one by name, the others counted. */
struct before_edit {
    struct arena *a;
    struct strmap index;          /* request -> its place in was */
    struct app_event_place *was;  /* where and when each was before */
    int n, cap;
    const char *zone_was, *zone_now;
    const char *venue_was, *venue_now;   /* NULL: none */
    struct app_event_report *rep;
    struct df_err *err;
};

/* Whether two texts differ, NULL (none) differing from any text. */
static bool texts_differ(const char *a, const char *b)
{
    return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* The venues a published meeting's warning compares: the English ones when
 * the English venue changed, else the Ukrainian (a calendar's LOCATION names
 * one or the other, by its reader's language). */
static void venues_compared(struct before_edit *k, const struct store_event *old,
                            const struct store_event *now)
{
    bool english = texts_differ(old->venue, now->venue);
    k->venue_was = english ? old->venue : old->venue_uk;
    k->venue_now = english ? now->venue : now->venue_uk;
}

/* "2027-02-16T10:40", or "...T10:40:30" when the seconds are not 00: the
 * wall clock a calendar shows, however the time is written. */
static int wall_clock_n(const char *iso)
{
    return iso[16] == ':' && strncmp(iso + 16, ":00", 3) != 0 ? 19 : 16;
}

/* Where and when m is, in a. 0, or -1 out of memory. */
static int place_of(struct arena *a, const struct store_meeting *m, struct app_event_place *p)
{
    p->starts = arena_printf(a, "%.*s", wall_clock_n(m->starts_at), m->starts_at);
    p->ends = arena_printf(a, "%.*s", wall_clock_n(m->ends_at), m->ends_at);
    p->table = m->location_name ? arena_strdup(a, m->location_name) : NULL;
    p->online = m->online;
    return p->starts && p->ends && (p->table || !m->location_name) ? 0 : -1;
}

static bool places_differ(const struct app_event_place *x, const struct app_event_place *y)
{
    return strcmp(x->starts, y->starts) != 0 || strcmp(x->ends, y->ends) != 0 ||
           texts_differ(x->table, y->table) || x->online != y->online;
}

/* "FROM to TO at TABLE", or "FROM to TO online" for a meeting held by video,
 * as the command line says a place. */
static char *where_when(struct arena *a, const struct app_event_place *p)
{
    if (!p->table && p->online)
        return arena_printf(a, "%s to %s online", p->starts, p->ends);
    return arena_printf(a, "%s to %s at %s", p->starts, p->ends, p->table ? p->table : "no table");
}

static int meeting_before(void *ud, const struct store_meeting *m)
{
    struct before_edit *k = ud;
    if (df_grow((void **)&k->was, &k->cap, k->n, sizeof *k->was) < 0 ||
        place_of(k->a, m, &k->was[k->n]) < 0 || strmap_put(&k->index, m->request, k->n) < 0)
        return out_of_memory(k->err);
    k->n++;
    return 0;
}

/* w's English sentence, from its values. */
static char *warning_text(struct arena *a, const struct app_event_warning *w)
{
    /* a venue is what every calendar entry's LOCATION ends with */
    bool moved = strcmp(w->code, "meeting_moved") == 0;
    char *venue = w->venue_changed ? arena_printf(a, "%svenue changed from %s to %s",
                                                  moved ? "; its " : "published meeting's ",
                                                  w->venue_was ? w->venue_was : "none",
                                                  w->venue_now ? w->venue_now : "none")
                                   : "";
    char *was = where_when(a, &w->was), *now = where_when(a, &w->now);
    if (!venue || !was || !now)
        return NULL;
    if (!moved)
        return arena_printf(a, "%s; its calendar SEQUENCE is now %d", venue, w->sequence);
    if (w->zone_was)
        return arena_printf(a, "published meeting moved from %s (%s) to %s (%s)%s; its calendar "
                            "SEQUENCE is now %d", was, w->zone_was, now, w->zone_now, venue,
                            w->sequence);
    return arena_printf(a, "published meeting moved from %s to %s%s; its calendar SEQUENCE is "
                        "now %d", was, now, venue, w->sequence);
}

void app_event_warning_values(const struct app_event_warning *w, char seq[16],
                              const char **pairs)
{
    snprintf(seq, 16, "%d", w->sequence);
    const char *const v[APP_EVENT_WARNING_PAIRS] = {
        "request", w->request, "from_starts", w->was.starts, "from_ends", w->was.ends,
        "from_table", w->was.table, "to_starts", w->now.starts, "to_ends", w->now.ends,
        "to_table", w->now.table, "from_online", !w->was.table && w->was.online ? "1" : NULL,
        "to_online", !w->now.table && w->now.online ? "1" : NULL, "zone_from", w->zone_was, "zone_to", w->zone_now,
        "venue", w->venue_changed ? "changed" : NULL, "venue_from", w->venue_was,
        "venue_to", w->venue_now, "sequence", seq, NULL};
    memcpy(pairs, v, sizeof v);
}

static int meeting_after(void *ud, const struct store_meeting *m)
{
    struct before_edit *k = ud;
    int i = strmap_get(&k->index, m->request);
    if (i < 0)
        return 0;
    bool rezoned = strcmp(k->zone_was, k->zone_now) != 0;
    bool new_venue = texts_differ(k->venue_was, k->venue_now);
    struct app_event_warning w = {.was = k->was[i], .venue_changed = new_venue,
                                  .sequence = m->sequence};
    if (place_of(k->a, m, &w.now) < 0)
        return out_of_memory(k->err);
    bool moved = places_differ(&w.now, &w.was) || rezoned;
    k->rep->meetings_moved += moved;
    if (!m->locked || (!moved && !new_venue))
        return 0;
    w.code = moved ? "meeting_moved" : "meeting_venue";
    if (moved && rezoned) {
        w.zone_was = k->zone_was;
        w.zone_now = k->zone_now;
    }
    if (new_venue) {
        w.venue_was = k->venue_was;
        w.venue_now = k->venue_now;
    }
    w.request = arena_strdup(k->a, m->request);
    if (!w.request || !(w.warning = warning_text(k->a, &w)))
        return out_of_memory(k->err);
    k->rep->warnings[k->rep->warnings_n++] = w;
    return 0;
}

/* Fills rep with the meetings the edit moved, from the snapshot k took
 * before it. */
static int tell_moved(struct store *s, struct before_edit *k, const char *event,
                      struct df_err *err)
{
    k->rep->warnings = arena_alloc(k->a, ((size_t)k->n + 1) * sizeof *k->rep->warnings);
    if (!k->rep->warnings)
        return out_of_memory(err);
    return store_meeting_each(s, event, NULL, meeting_after, k, err);
}

/* Whether video services x and y (x may be NULL: none) give other links:
 * a room's link is the service's address, its trailing slashes dropped,
 * then "/" and the room. */
static bool services_differ(const char *x, const char *y)
{
    if (!x)
        return true;
    size_t xn = strlen(x), yn = strlen(y);
    while (xn && x[xn - 1] == '/')
        xn--;
    while (yn && y[yn - 1] == '/')
        yn--;
    return xn != yn || memcmp(x, y, xn) != 0;
}

int app_event_apply(struct store *s, struct app_event_edit *in, struct arena *a,
                    struct app_event_report *rep, struct df_err *err)
{
    struct store_event old;
    struct before_edit k = {.a = a, .rep = rep, .err = err};
    int rc = -1;
    *rep = (struct app_event_report){0};
    if (check_exists(s, in, a, &old, err) < 0 || check_ids(in, err) < 0)
        goto out;
    keep_day_mail_on(in, &old);
    if (check_zone(in, err) < 0)
        goto out;
    struct store_event e = {.id = in->id, .name = in->name, .venue = in->venue,
                            .name_uk = in->name_uk, .venue_uk = in->venue_uk,
                            .timezone = in->timezone, .starts_on = in->starts_on,
                            .ends_on = in->ends_on, .requests_close = in->requests_close,
                            .request_cap = in->request_cap > 0 ? in->request_cap : 20};
    if (old.id)
        keep_unsent(in, &old, &e);
    if (!e.name || !e.starts_on || !e.ends_on) {
        df_err_set(err, DF_ERR_INPUT, "a new event needs a name, starts_on and ends_on");
        goto out;
    }
    if (check_times(&e, in, err) < 0 || check_kinds(in, err) < 0)
        goto out;
    if (old.id && (check_published_kinds(s, in, err) < 0 ||
                   store_meeting_each(s, in->id, NULL, meeting_before, &k, err) < 0))
        goto out;
    struct store_event now;
    if (store_event_upsert(s, &e, NULL, err) < 0 ||
        store_event_get(s, in->id, a, &now, err) < 0 ||
        check_offsets(in, now.timezone, err) < 0 ||
        (in->video_url_given && store_event_video_set(s, in->id, in->video_url, err) < 0) ||
        (in->day_mail_given &&
         store_event_day_mail_set(s, in->id, in->day_mail_on, in->day_mail_at,
                                  in->now ? in->now : (int64_t)time(NULL), err) < 0) ||
        drop_unlisted_slots(s, in, a, &rep->meetings_unscheduled, err) < 0 ||
        write_programme(s, in, err) < 0 ||
        zone_programme(s, &now, a, err) < 0 || check_stored(s, &e, err) < 0)
        goto out;
    if (in->interpreters_n &&
        app_interpreting_fill(s, in->id, in->now, a, &rep->interpreting, err) < 0)
        goto out;
    if (old.id && in->video_url_given && in->video_url &&
        services_differ(old.video_url, in->video_url) &&
        app_mail_video(s, in->id, old.video_url != NULL, in->mail_watch, &rep->video_mailed,
                       err) < 0)
        goto out;
    if (k.n) {
        k.zone_was = old.timezone;
        k.zone_now = now.timezone;
        venues_compared(&k, &old, &now);
        if (tell_moved(s, &k, in->id, err) < 0)
            goto out;
    }
    rc = 0;
out:
    strmap_free(&k.index);
    free(k.was);
    if (rc < 0)
        *rep = (struct app_event_report){0};
    return rc;
}

int app_event_save(struct store *s, const char *actor, struct app_event_edit *in,
                   struct arena *a, struct app_event_report *rep, struct df_err *err)
{
    struct app_mail_watch *w = NULL;
    if (store_begin(s, err) < 0)
        return -1;
    /* a published meeting the edit moves or takes off is mailed to its people */
    in->mail_watch = NULL;
    if (!in->dry_run && in->id && app_mail_watch_begin(s, in->id, NULL, &w, err) < 0)
        goto fail;
    in->mail_watch = w;   /* the links of a service it names go in its one mail */
    if (app_event_apply(s, in, a, rep, err) < 0)
        goto fail;
    if (in->dry_run) {
        store_rollback(s);
        return 0;
    }
    int told = app_mail_watch_end(s, w, APP_MAIL_BY_ORGANISERS, NULL, NULL, err); /* frees w */
    w = NULL;
    if (told < 0 || store_audit(s, actor, "event.save", "event", in->id, NULL, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    app_mail_watch_free(w);
    store_rollback(s);
    *rep = (struct app_event_report){0};
    return -1;
}

int app_event_publish(struct store *s, const char *actor, const char *id, struct arena *a,
                      struct df_err *err)
{
    struct store_event ev;
    if (store_begin(s, err) < 0)
        return -1;
    /* read in the write transaction: two organisers publishing at once get
     * one publication and one refusal */
    if (store_event_get(s, id, a, &ev, err) < 0)
        goto fail;
    if (ev.published_at) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "the agendas of %s are published since %s: meetings placed since are "
                   "published as they are placed, so there is nothing to publish again",
                   id, ev.published_at);
        goto fail;
    }
    if (store_meeting_lock_all(s, id, true, err) < 0 ||
        store_event_set_published(s, id, true, err) < 0 || app_mail_agendas(s, id, err) < 0 ||
        store_audit(s, actor, "event.publish", "event", id, NULL, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

/* ---- an event a file names --------------------------------------------------- */

/* The events there are, as a refusal names them. */
struct events_named {
    char ids[APP_EVENTS_NAMED * (APP_ID_MAX + 2) + 1];
    int n;
};

static int name_event(void *ud, const struct store_event *e)
{
    struct events_named *en = ud;
    if (en->n++ < APP_EVENTS_NAMED) {
        size_t used = strlen(en->ids);
        snprintf(en->ids + used, sizeof en->ids - used, "%s%s", used ? ", " : "", e->id);
    }
    return 0;
}

int app_event_known_check(struct store *s, const char *id, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct store_event ev;
    int rc = store_event_get(s, id, &a, &ev, err);
    arena_free(&a);
    if (rc == 0 || err->kind != DF_ERR_NOT_FOUND)
        return rc;
    struct events_named en = {.n = 0};
    if (store_event_each(s, name_event, &en, err) < 0)
        return -1;
    if (en.n == 0) {
        df_err_set(err, DF_ERR_INPUT,
                   "event \"%s\" does not exist: there are no events yet (make it on the "
                   "console's Event page first)", id);
        return df_err_code(err, "event_none", "value", id, NULL);
    }
    if (en.n == 1) {
        df_err_set(err, DF_ERR_INPUT, "event \"%s\" does not exist: the only event is %s", id,
                   en.ids);
        return df_err_code(err, "event_only", "value", id, "id", en.ids, NULL);
    }
    char more[32] = "";
    if (en.n > APP_EVENTS_NAMED)
        snprintf(more, sizeof more, " and %d more", en.n - APP_EVENTS_NAMED);
    df_err_set(err, DF_ERR_INPUT,
               "event \"%s\" does not exist: the events are %s%s (dfnc export events - lists "
               "them all)", id, en.ids, more);
    if (en.n > APP_EVENTS_NAMED)
        return df_err_code(err, "event_more", "value", id, "ids", en.ids, "n",
                           DF_NUM(en.n - APP_EVENTS_NAMED), NULL);
    return df_err_code(err, "event_list", "value", id, "ids", en.ids, NULL);
}
