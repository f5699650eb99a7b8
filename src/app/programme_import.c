/* dfnc import events|sessions (see programme_import.h): a CSV row read into
 * an app_event_edit of one event, saved by app_event_apply in a part of the
 * import's transaction of its own, so that a row refused halfway leaves
 * nothing for the rows after it to trip on. */
#include "app/programme_import.h"
#include "app/event.h"
#include "app/fields.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/strset.h"
#include "core/utf8.h"

/* The API's limits on the programme's texts (src/http/handlers_events.c). */
#define EVENT_TEXT_MAX 300     /* bytes of an event's name or venue */
#define SESSION_NAME_MAX 200   /* bytes of a session's name */
#define SESSION_PLACE_MAX 200  /* bytes of where it takes place, "Hall A" */
#define SESSION_ABOUT_MAX 500  /* bytes of its short description */
#define TIMEZONE_MAX 64
#define REQUEST_CAP_MAX 1000
#define SLOT_MINUTES_MIN 5     /* as the console's form allows */
#define SLOT_MINUTES_MAX 240
#define SLOT_PAUSE_MAX 120
#define SESSION_SLOTS_MAX 200  /* slots of one session, as PUT /events takes */

/* ---- fields ------------------------------------------------------------------ */

/* A field's text, NULL when the column is absent or the field empty. */
static const char *field(const struct csv_reader *r, const struct csv_row *row, const char *col)
{
    const char *v = csv_get(r, row, col);
    return v && *v ? v : NULL;
}

static bool has_column(const struct csv_reader *r, const char *col)
{
    return csv_reader_column(r, col) >= 0;
}

/* A required field; NULL with an error when empty. */
static const char *required(const struct csv_reader *r, const struct csv_row *row,
                            const char *col, struct df_err *err)
{
    const char *v = field(r, row, col);
    if (!v) {
        df_err_set(err, DF_ERR_INPUT, "column \"%s\" is empty", col);
        df_err_code(err, "required", "col", col, NULL);
    }
    return v;
}

/* A name or a venue: one line of at most max bytes (NULL passes). */
static int line_check(const char *col, const char *v, size_t max, struct df_err *err)
{
    if (v && strlen(v) > max) {
        df_err_set(err, DF_ERR_INPUT, "%s is longer than %zu bytes", col, max);
        return df_err_code(err, "too_long", "max", DF_NUM((long long)max), "col", col, NULL);
    }
    return utf8_line_check(col, v, err);
}

/* A whole number from min to max into *out; an empty field leaves *out. */
static int whole(const char *col, const char *v, int min, int max, int *out,
                 struct df_err *err)
{
    if (!v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (!isdigit((unsigned char)v[0]) || *end || n < min || n > max) {
        df_err_set(err, DF_ERR_INPUT, "%s \"%.40s\" must be a whole number from %d to %d", col,
                   v, min, max);
        return df_err_code(err, "whole_range", "min", DF_NUM(min), "max", DF_NUM(max), "col",
                           col, "value", v, NULL);
    }
    *out = (int)n;
    return 0;
}

/* "9:00", "09:00" or "09:00:00" (a spreadsheet's time) as minutes after
 * midnight, -1 when it is none of them. */
static int clock_minutes(const char *v)
{
    int h, m, n = 0;
    if (!isdigit((unsigned char)v[0]) || sscanf(v, "%2d:%2d%n", &h, &m, &n) != 2 ||
        v[n - 3] != ':' || !isdigit((unsigned char)v[n - 2]) || h > 23 || m > 59)
        return -1;
    if (v[n] && strcmp(v + n, ":00") != 0)
        return -1;
    return h * 60 + m;
}

/* The published meetings an edit moved (rep's warnings) as notes naming the
 * row, for the organiser to tell their people; its counts added to res. */
static void tell(const struct csv_reader *r, const struct csv_row *row, const char *what,
                 const char *id, const struct app_event_report *rep,
                 struct app_import_result *res)
{
    res->meetings_moved += rep->meetings_moved;
    res->meetings_unscheduled += rep->meetings_unscheduled;
    res->video_mailed += rep->video_mailed;
    for (int i = 0; i < rep->warnings_n; i++) {
        const struct app_event_warning *w = &rep->warnings[i];
        char note[640], sequence[16];
        snprintf(note, sizeof note, "%s:%d: %s \"%.60s\": request \"%.60s\": %s; tell its people",
                 csv_reader_name(r), row->line, what, id, w->request, w->warning);
        /* the row's kind and id, then the edit's own values */
        const char *values[4 + APP_EVENT_WARNING_PAIRS] = {"what", what, "id", id};
        app_event_warning_values(w, sequence, values + 4);
        app_import_note_add(res, row->line, note, w->code, values);
    }
}

/* Saves the edit in a part of the import's transaction of its own: kept
 * when it is saved, undone whole when it is refused. */
static int save(struct store *s, struct app_event_edit *in, struct arena *a,
                struct app_event_report *rep, struct df_err *err)
{
    if (store_part_begin(s, err) < 0)
        return -1;
    int rc = app_event_apply(s, in, a, rep, err);
    if (rc == 0 && in->sessions_n)
        rc = store_slot_renumber(s, in->id, err);
    store_part_end(s, rc == 0);
    if (rc < 0 && err->kind == DF_ERR_NOT_FOUND)
        err->kind = DF_ERR_INPUT;
    return rc;
}

/* ---- events ------------------------------------------------------------------ */

const char *const app_event_columns[] = {"id", "name", "starts_on", "ends_on", NULL};

/* A text column the row may leave out (kept) or give empty (none). */
static const char *given_text(const struct csv_reader *r, const struct csv_row *row,
                              const char *col, bool *given)
{
    *given = has_column(r, col);
    return field(r, row, col);
}

int app_event_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                  int *added, struct app_import_result *res, struct df_err *err)
{
    struct app_event_edit in = {0};
    if (!(in.id = required(r, row, "id", err)) || app_id_check("id", in.id, err) < 0 ||
        !(in.name = required(r, row, "name", err)) ||
        !(in.starts_on = required(r, row, "starts_on", err)) ||
        !(in.ends_on = required(r, row, "ends_on", err)))
        return -1;
    in.venue = given_text(r, row, "venue", &in.venue_given);
    in.name_uk = given_text(r, row, "name_uk", &in.name_uk_given);
    in.venue_uk = given_text(r, row, "venue_uk", &in.venue_uk_given);
    in.timezone = field(r, row, "timezone");
    /* the video service of its online meetings (a hybrid forum): judged as
     * PUT /events judges it, by app_event_apply */
    in.video_url = given_text(r, row, "video_url", &in.video_url_given);
    /* when it stops taking meeting requests, at its own clock: judged by
     * app_event_apply, kept when the file has no such column */
    in.requests_close = given_text(r, row, "requests_close", &in.requests_close_given);
    /* when each day's mail goes by itself: the two columns together, as
     * PUT /events takes them (either given sets both; day_mail_on empty is
     * none), kept when the file has neither */
    bool on_given, at_given;
    in.day_mail_on = given_text(r, row, "day_mail_on", &on_given);
    in.day_mail_at = given_text(r, row, "day_mail_at", &at_given);
    in.day_mail_given = on_given || at_given;
    in.day_mail_on_given = on_given;
    in.mail_watch = res->mail_watch;
    if (line_check("name", in.name, EVENT_TEXT_MAX, err) < 0 ||
        line_check("name_uk", in.name_uk, EVENT_TEXT_MAX, err) < 0 ||
        line_check("venue", in.venue, EVENT_TEXT_MAX, err) < 0 ||
        line_check("venue_uk", in.venue_uk, EVENT_TEXT_MAX, err) < 0 ||
        line_check("timezone", in.timezone, TIMEZONE_MAX, err) < 0 ||
        whole("request_cap", field(r, row, "request_cap"), 1, REQUEST_CAP_MAX, &in.request_cap,
              err) < 0)
        return -1;
    struct arena a;
    arena_init(&a, 0);
    struct store_event old;
    int rc = -1;
    if (store_event_get(s, in.id, &a, &old, err) < 0) {
        if (err->kind != DF_ERR_NOT_FOUND)
            goto out;
        df_err_clear(err);
        in.create = true;
    }
    struct app_event_report rep;
    if (save(s, &in, &a, &rep, err) < 0)
        goto out;
    *added = in.create;
    tell(r, row, "event", in.id, &rep, res);
    rc = 0;
out:
    arena_free(&a);
    return rc;
}

/* ---- sessions ---------------------------------------------------------------- */

const char *const app_session_columns[] = {"event", "id", "day", "start", "end", "kind", "name",
                                           NULL};
static const char *const session_kinds[] = {"b2b", "conference", "break", NULL};

/* The stored slots of one session (in time order) and the ids of the other
 * sessions' slots of its event. */
struct stored_slots {
    const char *session;
    struct arena *a;
    struct store_slot *mine;
    int mine_n, mine_cap;
    struct strset others;
    int oom;
};

static int keep_stored(void *ud, const struct store_slot *y)
{
    struct stored_slots *k = ud;
    if (strcmp(y->session, k->session) != 0)
        return strset_add(&k->others, y->id) < 0 ? (k->oom = 1) : 0;
    return k->oom = app_slot_append(k->a, &k->mine, &k->mine_n, &k->mine_cap, y) < 0;
}

static int by_start(const void *x, const void *y)
{
    long a = date_wall_minutes(((const struct store_slot *)x)->starts_at),
         b = date_wall_minutes(((const struct store_slot *)y)->starts_at);
    return (a > b) - (a < b);
}

/* Whether the fresh slots are the stored ones moved by one time, as many
 * and each as long: the session moved whole, its meetings with it. */
static bool moved_whole(const struct store_slot *was, const struct store_slot *now, int n)
{
    long shift = n ? date_wall_minutes(now[0].starts_at) - date_wall_minutes(was[0].starts_at) : 0;
    for (int k = 0; k < n; k++)
        if (date_wall_minutes(now[k].starts_at) - date_wall_minutes(was[k].starts_at) != shift ||
            date_wall_minutes(now[k].ends_at) - date_wall_minutes(was[k].ends_at) != shift)
            return false;
    return n > 0;
}

/* The ids of the fresh slots (n of them, in time order), as the console's
 * programme.js reslot gives them: a session moved whole keeps its slots' ids
 * in order; else a fresh slot that starts when a stored one did takes its id
 * (its meetings stay at their time), the other stored ids go to the other
 * fresh slots in time order, and the rest get SESSION-NN, an id no other
 * slot of the event has. */
static int name_slots(struct stored_slots *k, const char *session, struct store_slot *fresh,
                      int n, struct df_err *err)
{
    struct store_slot *was = k->mine;
    int was_n = k->mine_n, left_n = 0;
    const char **left = arena_alloc(k->a, (size_t)(was_n + 1) * sizeof *left);
    if (!left)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
    if (was_n > 1)
        qsort(was, (size_t)was_n, sizeof *was, by_start);
    for (int i = 0; i < n; i++)
        fresh[i].id = NULL;
    if (was_n == n && moved_whole(was, fresh, n)) {
        for (int i = 0; i < n; i++)
            fresh[i].id = was[i].id;
    } else {
        for (int j = 0; j < was_n; j++) {
            int i = 0;
            long start = date_wall_minutes(was[j].starts_at);
            while (i < n && (fresh[i].id || date_wall_minutes(fresh[i].starts_at) != start))
                i++;
            if (i < n)
                fresh[i].id = was[j].id;
            else
                left[left_n++] = was[j].id;
        }
        for (int i = 0, l = 0; i < n && l < left_n; i++)
            if (!fresh[i].id)
                fresh[i].id = left[l++];
    }
    for (int i = 0; i < n; i++)
        if (fresh[i].id && strset_add(&k->others, fresh[i].id) < 0)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
    for (int i = 0, next = 1; i < n; i++) {
        while (!fresh[i].id) {
            char *id = arena_printf(k->a, "%s-%02d", session, next++);
            int added = id ? strset_add(&k->others, id) : -1;
            if (added < 0)
                return df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
            if (added)
                fresh[i].id = id;
        }
    }
    return 0;
}

/* The row's slots column: n ids, `;`-separated, spaces around each one
 * aside, each once, into fresh in time order. */
static int listed_slots(struct arena *a, const char *list, struct store_slot *fresh, int n,
                        struct df_err *err)
{
    const char **ids;
    int listed = app_list_items(a, list, &ids, err);
    struct strset seen;
    int rc = -1;
    strset_init(&seen);
    if (listed < 0)
        goto out;
    for (int k = 0; k < listed; k++) {
        const char *id = ids[k];
        if (app_id_check("slots", id, err) < 0)
            goto out;
        int fresh_id = strset_add(&seen, id);
        if (fresh_id <= 0) {
            if (fresh_id == 0) {
                df_err_set(err, DF_ERR_INPUT, "slots names \"%.60s\" twice", id);
                df_err_code(err, "slots_twice", "value", id, NULL);
            } else
                df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            goto out;
        }
        if (k < n)
            fresh[k].id = id;
    }
    if (listed != n) {
        df_err_set(err, DF_ERR_INPUT,
                   "slots names %d slot%s, but the session is cut into %d: one id a slot, in "
                   "time order, or leave slots empty",
                   listed, listed == 1 ? "" : "s", n);
        df_err_code(err, "slots_count", "n", DF_NUM(listed), "a", DF_NUM(n), NULL);
        goto out;
    }
    rc = 0;
out:
    strset_free(&seen);
    return rc;
}

/* A session's shape as the row gives it. */
struct session_shape {
    int start, end;             /* minutes after midnight */
    int minutes, pause;         /* of its slots, b2b only */
};

/* start and end (HH:MM) and, for a b2b session, slot_minutes and
 * slot_pause; other kinds have no slots, and a row giving them is refused
 * rather than read half. */
static int read_shape(const struct csv_reader *r, const struct csv_row *row, const char *kind,
                      struct session_shape *sh, struct df_err *err)
{
    const char *start = field(r, row, "start"), *end = field(r, row, "end");
    if ((sh->start = clock_minutes(start)) < 0) {
        df_err_set(err, DF_ERR_INPUT, "start \"%.40s\" is not a time HH:MM", start);
        return df_err_code(err, "clock", "col", "start", "value", start, NULL);
    }
    if ((sh->end = clock_minutes(end)) < 0) {
        df_err_set(err, DF_ERR_INPUT, "end \"%.40s\" is not a time HH:MM", end);
        return df_err_code(err, "clock", "col", "end", "value", end, NULL);
    }
    if (sh->end <= sh->start) {
        df_err_set(err, DF_ERR_INPUT, "end %s is not after start %s", end, start);
        return df_err_code(err, "end_before", "end", end, "start", start, NULL);
    }
    const char *minutes = field(r, row, "slot_minutes"), *pause = field(r, row, "slot_pause"),
               *slots = field(r, row, "slots");
    if (strcmp(kind, "b2b") != 0) {
        const char *extra = minutes ? "slot_minutes" : pause ? "slot_pause" : slots ? "slots" : NULL;
        if (!extra)
            return 0;
        df_err_set(err, DF_ERR_INPUT, "%s is for b2b sessions; a %s has no slots: empty it",
                   extra, kind);
        return df_err_code(err, "b2b_only", "col", extra, "kind", kind, NULL);
    }
    if (!minutes) {
        df_err_set(err, DF_ERR_INPUT,
                   "column \"slot_minutes\" is empty: a b2b session is cut into slots of that "
                   "many minutes");
        return df_err_code(err, "slot_minutes", NULL);
    }
    sh->pause = 0;
    return whole("slot_minutes", minutes, SLOT_MINUTES_MIN, SLOT_MINUTES_MAX, &sh->minutes,
                 err) < 0 ||
                   whole("slot_pause", pause, 0, SLOT_PAUSE_MAX, &sh->pause, err) < 0
               ? -1
               : 0;
}

/* The time day at minutes after midnight, "YYYY-MM-DDTHH:MM" (the event's
 * wall clock: the save adds its zone's offset). */
static const char *at(struct arena *a, const char *day, int minutes)
{
    return arena_printf(a, "%.10sT%02d:%02d", day, minutes / 60, minutes % 60);
}

/* The b2b session's slots cut from start to end (a slot that would run past
 * the end is not made), into *out; their number, or -1 with err. */
static int cut_slots(struct arena *a, const char *day, const struct session_shape *sh,
                     struct store_slot **out, struct df_err *err)
{
    int n = 0;
    for (int t = sh->start; t + sh->minutes <= sh->end; t += sh->minutes + sh->pause)
        n++;
    if (n == 0) {
        df_err_set(err, DF_ERR_INPUT, "no slot of %d minutes fits between start and end",
                   sh->minutes);
        return df_err_code(err, "no_slot_fits", "n", DF_NUM(sh->minutes), NULL);
    }
    if (n > SESSION_SLOTS_MAX) {
        df_err_set(err, DF_ERR_INPUT,
                   "%d slots of %d minutes: a session holds at most %d (longer slots, or two "
                   "sessions)", n, sh->minutes, SESSION_SLOTS_MAX);
        return df_err_code(err, "too_many_cut", "n", DF_NUM(n), "a", DF_NUM(sh->minutes), "max",
                           DF_NUM(SESSION_SLOTS_MAX), NULL);
    }
    if (!(*out = arena_alloc(a, (size_t)n * sizeof **out)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
    for (int k = 0; k < n; k++) {
        int t = sh->start + k * (sh->minutes + sh->pause);
        (*out)[k] = (struct store_slot){.seq = k + 1, .starts_at = at(a, day, t),
                                        .ends_at = at(a, day, t + sh->minutes)};
        if (!(*out)[k].starts_at || !(*out)[k].ends_at)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
    }
    return n;
}

/* The slots of the b2b session x and their ids, from the row. */
static int session_slots(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                         struct arena *a, const struct session_shape *sh,
                         struct app_event_session *x, struct df_err *err)
{
    int n = cut_slots(a, x->session.day, sh, &x->slots, err);
    if (n < 0)
        return -1;
    x->slots_n = n;
    const char *list = field(r, row, "slots");
    if (list)
        return listed_slots(a, list, x->slots, n, err);
    struct stored_slots k = {.session = x->session.id, .a = a};
    strset_init(&k.others);
    int rc = store_slot_each(s, x->session.event, keep_stored, &k, err);
    if (rc != 0 && k.oom)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory cutting a session");
    if (rc == 0)
        rc = name_slots(&k, x->session.id, x->slots, n, err);
    free(k.mine);
    strset_free(&k.others);
    return rc == 0 ? 0 : -1;
}

/* The kind in any letter case, as dfnc writes it; NULL with an error. */
static const char *session_kind(const char *v, struct df_err *err)
{
    for (int i = 0; session_kinds[i]; i++)
        if (strcasecmp(v, session_kinds[i]) == 0)
            return session_kinds[i];
    df_err_set(err, DF_ERR_INPUT, "kind \"%.40s\" is not one of b2b|conference|break", v);
    df_err_code(err, "not_one_of", "col", "kind", "value", v, "list", "b2b|conference|break",
                NULL);
    return NULL;
}

struct session_lookup {
    const char *id;
    bool found, was_b2b;
};

static int find_session(void *ud, const struct store_session *x)
{
    struct session_lookup *k = ud;
    if (strcmp(x->id, k->id) == 0) {
        k->found = true;
        k->was_b2b = strcmp(x->kind, "b2b") == 0;
    }
    return 0;
}

/* Whether event has session id (into *k): 0, -1 with err. */
static int look_up_session(struct store *s, const char *event, struct session_lookup *k,
                           struct df_err *err)
{
    return store_session_each(s, event, find_session, k, err) != 0 ? -1 : 0;
}

int app_session_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                    int *added, struct app_import_result *res, struct df_err *err)
{
    struct app_event_session x = {0};
    struct store_session *se = &x.session;
    const char *kind;
    if (!(se->event = required(r, row, "event", err)) ||
        app_id_check("event", se->event, err) < 0 ||
        !(se->id = required(r, row, "id", err)) || app_session_id_check("id", se->id, err) < 0 ||
        !(se->day = required(r, row, "day", err)) || !required(r, row, "start", err) ||
        !required(r, row, "end", err) || !(kind = required(r, row, "kind", err)) ||
        !(se->name = required(r, row, "name", err)) || !(se->kind = session_kind(kind, err)))
        return -1;
    se->name_uk = field(r, row, "name_uk");
    se->keep_name_uk = !has_column(r, "name_uk");
    /* where it takes place and a short word on it: a file without the
     * column keeps what is stored, an empty cell removes it */
    se->place = field(r, row, "place");
    se->keep_place = !has_column(r, "place");
    se->place_uk = field(r, row, "place_uk");
    se->keep_place_uk = !has_column(r, "place_uk");
    se->description = field(r, row, "description");
    se->keep_description = !has_column(r, "description");
    se->description_uk = field(r, row, "description_uk");
    se->keep_description_uk = !has_column(r, "description_uk");
    if (!date_is_valid(se->day)) {
        df_err_set(err, DF_ERR_INPUT, "day \"%.40s\" is not a date YYYY-MM-DD", se->day);
        return df_err_code(err, "date", "col", "day", "value", se->day, NULL);
    }
    struct session_shape sh = {0};   /* read_shape fills it; zero for -O3's flow analysis */
    if (line_check("name", se->name, SESSION_NAME_MAX, err) < 0 ||
        line_check("name_uk", se->name_uk, SESSION_NAME_MAX, err) < 0 ||
        line_check("place", se->place, SESSION_PLACE_MAX, err) < 0 ||
        line_check("place_uk", se->place_uk, SESSION_PLACE_MAX, err) < 0 ||
        line_check("description", se->description, SESSION_ABOUT_MAX, err) < 0 ||
        line_check("description_uk", se->description_uk, SESSION_ABOUT_MAX, err) < 0 ||
        read_shape(r, row, se->kind, &sh, err) < 0)
        return -1;
    struct arena a;
    arena_init(&a, 0);
    int rc = -1;
    struct store_event ev;
    if (store_event_get(s, se->event, &a, &ev, err) < 0) {
        if (err->kind == DF_ERR_NOT_FOUND) {
            df_err_set(err, DF_ERR_INPUT, "event \"%s\" is unknown (import events first)",
                       se->event);
            df_err_code(err, "unknown_event", "value", se->event, NULL);
        }
        goto out;
    }
    if (!(se->starts_at = at(&a, se->day, sh.start)) || !(se->ends_at = at(&a, se->day, sh.end))) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    if (strcmp(se->kind, "b2b") == 0 && session_slots(s, r, row, &a, &sh, &x, err) < 0)
        goto out;
    struct session_lookup known = {.id = se->id};
    if (look_up_session(s, se->event, &known, err) < 0)
        goto out;
    /* a b2b session's slots are the row's; another kind's slots (a
     * plenary's, which PUT /events may give it and an availability file
     * may name) are not in its row, and stay, unless it was a b2b session */
    x.replace_slots = strcmp(se->kind, "b2b") == 0 || known.was_b2b;
    struct app_event_edit in = {.id = se->event, .sessions = &x, .sessions_n = 1};
    struct app_event_report rep;
    if (save(s, &in, &a, &rep, err) < 0)
        goto out;
    *added = !known.found;
    tell(r, row, "session", se->id, &rep, res);
    rc = 0;
out:
    arena_free(&a);
    return rc;
}
