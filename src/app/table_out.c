/* A table out of use on the forum's day (table_out.h): its window kept,
 * its meetings moved as the desk moves one (app/move.h), in one go. */
#include "app/table_out.h"

#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "app/idmap.h"
#include "app/mail_meetings.h"
#include "core/date.h"
#include "io/ics.h"
#include "store/table_out.h"

/* Times the desk types are short: a longer one is a mistake. */
#define TIME_TEXT_MAX 40

int app_table_out_time(const char *tz, const char *field, const char *text, long long now,
                       long long *at, struct df_err *err)
{
    char wall[32], zoned[32];
    size_t n = strlen(text);
    if (n == 5 && text[2] == ':' && text[0] >= '0' && text[0] <= '2' && text[1] >= '0' &&
        text[1] <= '9' && text[3] >= '0' && text[3] <= '5' && text[4] >= '0' && text[4] <= '9' &&
        (text[0] - '0') * 10 + (text[1] - '0') < 24) {
        /* a time alone: today, where the event is */
        char day[11];
        if (ics_zone_day(tz, now, day) < 0)
            return df_err_set(err, DF_ERR_INPUT, "the event's time zone \"%s\" is unknown", tz);
        snprintf(wall, sizeof wall, "%sT%s:00", day, text);
    } else if (n <= TIME_TEXT_MAX && date_time_is_valid(text)) {
        int offset;
        if (date_time_offset(text, &offset))
            return date_time_instant(text, at) ? 0
                   : df_err_set(err, DF_ERR_INPUT, "%s: \"%s\" is not a time", field, text);
        snprintf(wall, sizeof wall, "%.19s", text);
    } else {
        return df_err_set(err, DF_ERR_INPUT, "%s: \"%.*s\" is not a time: write \"14:00\" (today) "
                          "or \"2027-02-16T14:00\"", field, TIME_TEXT_MAX, text);
    }
    if (ics_zoned_time(tz, wall, zoned, at) < 0)
        return df_err_set(err, DF_ERR_INPUT, "%s: \"%s\" is not a time in %s", field, text, tz);
    return 0;
}

/* Instant utc in zone tz as agendas say it ("2027-02-16T14:00:00+01:00"), in a. */
static const char *zoned_text(const char *tz, long long utc, struct arena *a)
{
    char wall[20], zoned[32];
    if (ics_zone_wall_time(tz, utc, wall) < 0 || ics_zoned_time(tz, wall, zoned, NULL) < 0)
        return NULL;
    return arena_strdup(a, zoned);
}

/* The table's meetings the window takes: not begun, their slot in it. */
struct taken {
    const char *location, *tz;
    long long from, until, now;
    struct arena *a;
    struct idmap_vec request;   /* their requests' ids (const char *), in time order */
    int oom;
};

static int on_meeting(void *ud, const struct store_meeting *m)
{
    struct taken *k = ud;
    char zoned[32];
    long long start = 0, end = 0;
    if (!m->location || strcmp(m->location, k->location) != 0 ||
        ics_zoned_time(k->tz, m->starts_at, zoned, &start) < 0 ||
        ics_zoned_time(k->tz, m->ends_at, zoned, &end) < 0)
        return 0;
    if (start <= k->now || end <= k->from || (k->until && start >= k->until))
        return 0;   /* begun (it stays), or outside the window */
    const char **r = idmap_vec_push(&k->request, k->a);
    if (!r || !(*r = arena_strdup(k->a, m->request)))
        return k->oom = 1;
    return 0;
}

/* Where meeting mv goes in its own slot: the first free table (options come
 * at its time, its own table first, then the programme's order; its own is
 * out of use), else online; NULL when neither. */
static const struct app_move_place *same_time(const struct app_meeting_moves *mv)
{
    const struct app_move_place *online = NULL;
    for (int i = 0; i < mv->options_n; i++) {
        const struct app_move_place *p = mv->options + i;
        if (strcmp(p->slot, mv->at.slot) != 0)
            continue;
        if (!p->online)
            return p;
        if (!online)
            online = p;
    }
    return online;
}

/* p's strings copied into a; false when out of memory. */
static bool place_keep(struct app_move_place *p, struct arena *a)
{
    const char **text[] = {&p->slot, &p->start, &p->end, &p->location, &p->location_name};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (*text[i] && !(*text[i] = arena_strdup(a, *text[i])))
            return false;
    return true;
}

/* x's strings and people copied into a, out of the move's scratch arena;
 * false when out of memory. */
static bool move_keep(struct app_table_out_move *x, struct arena *a)
{
    return (x->meeting = arena_strdup(a, x->meeting)) && place_keep(&x->was, a) &&
           place_keep(&x->to, a) && (x->people = app_move_people_copy(x->people, x->people_n, a));
}

/* Moves meeting request (at the table out of use) as same_time finds, or to
 * no table, with its audit line, judged on board b (the event's, loaded
 * once for every move and told of each); *x says where, in a (the places
 * at its time found in scratch: at 10,000 people thirty meetings' lists
 * went past an HTTP request's arena). -1 with err. */
static int move_one(struct store *s, struct app_board *b, const char *login, const char *request,
                    const char *table, long long now, struct arena *a, struct arena *scratch,
                    struct app_table_out_move *x, struct df_err *err)
{
    struct app_meeting_moves mv;
    if (app_board_meeting_moves(b, s, request, now, true, scratch, &mv, err) < 0)
        return -1;
    const struct app_move_place *to = same_time(&mv);
    *x = (struct app_table_out_move){.meeting = mv.meeting, .was = mv.at, .people = mv.people,
                                     .people_n = mv.people_n, .placed = to != NULL};
    x->to = to ? *to : (struct app_move_place){.slot = mv.at.slot, .start = mv.at.start,
                                               .end = mv.at.end};
    if (!move_keep(x, a))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a table's meetings");
    char room[APP_TOKEN_LEN];   /* its video room, when it goes online without one */
    app_token_new(room);
    const char *location = to && !to->online ? x->to.location : NULL;
    if (store_meeting_move(s, request, x->was.slot, location, to ? room : NULL, err) < 0 ||
        app_board_moved(b, s, request, err) < 0)
        return -1;
    const char *detail = arena_printf(scratch, "from %s at %s to %s %s%s (%s out of use)",
                                      x->was.slot, table, x->was.slot, location ? "at " : "",
                                      location ? location : to ? "online" : "at no table", table);
    if (!detail)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a table's meetings");
    return store_audit(s, login, "meeting.move", "meeting", x->meeting, detail, err);
}

/* The name of location (its id when not found: store_table_out_add checks it). */
struct named {
    const char *id, *name;
    struct arena *a;
};

static int on_location(void *ud, const struct store_location *x)
{
    struct named *k = ud;
    if (strcmp(x->id, k->id) != 0)
        return 0;
    k->name = arena_strdup(k->a, x->name);
    return 1;
}

/* The event's zone, and whether it exists: -1 with err (DF_ERR_NOT_FOUND). */
static int event_zone(struct store *s, const char *event, struct arena *a, const char **tz,
                      struct df_err *err)
{
    struct store_event ev;
    if (store_event_get(s, event, a, &ev, err) < 0)
        return -1;
    *tz = ev.timezone;
    return 0;
}

int app_table_out(struct store *s, const char *login, const char *event, const char *location,
                  const char *from, const char *until, bool dry_run, long long now,
                  struct arena *a, struct app_table_out *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    struct app_mail_watch *w = NULL;
    struct app_board *b = NULL;
    const char *tz;
    long long t0, t1 = 0;
    if (store_begin(s, err) < 0)
        return -1;
    if (event_zone(s, event, a, &tz, err) < 0 ||
        app_table_out_time(tz, "from", from, now, &t0, err) < 0 ||
        (until && app_table_out_time(tz, "until", until, now, &t1, err) < 0))
        goto fail;
    if (until && t1 <= t0) {
        df_err_set(err, DF_ERR_INPUT, "until (%s) must come after from (%s)", until, from);
        goto fail;
    }
    if (until && t1 <= now) {
        df_err_set(err, DF_ERR_INPUT, "until (%s) has passed: nothing to take out of use",
                   until);
        goto fail;
    }
    /* the window first: the moves below then see the table taken out */
    if (store_table_out_add(s, event, location, t0, t1, login, err) < 0)
        goto fail;
    struct taken k = {.location = location, .tz = tz, .from = t0, .until = t1, .now = now,
                      .request = {.size = sizeof(const char *)},
                      .a = a};
    if (store_meeting_each(s, event, NULL, on_meeting, &k, err) < 0)
        goto fail;
    const char **taken = k.request.data;
    out->moves = arena_alloc(a, ((size_t)k.request.n + 1) * sizeof *out->moves);
    if (k.oom || !out->moves) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a table's meetings");
        goto fail;
    }
    /* a dry run mails nobody: no watch of every meeting before and after */
    if (!dry_run && app_mail_watch_begin(s, event, NULL, &w, err) < 0)
        goto fail;
    /* the event's board once, with the window in (the moves see the table
     * out), each move written into it: a load per meeting was seconds at
     * 10,000 people, inside the transaction that check-ins wait for */
    if (k.request.n > 0 && app_board_open(s, event, &b, err) < 0)
        goto fail;
    for (int i = 0; i < k.request.n; i++) {
        struct app_table_out_move *x = out->moves + out->moves_n++;
        struct arena scratch;
        arena_init(&scratch, 0);
        int moved = move_one(s, b, login, taken[i], location, now, a, &scratch, x, err);
        arena_free(&scratch);
        if (moved < 0)
            goto fail;
        out->to_tables += x->placed && !x->to.online;
        out->to_online += x->placed && x->to.online;
        out->unplaced += !x->placed;
    }
    struct named nm = {.id = location, .name = location, .a = a};
    if (store_location_each(s, event, on_location, &nm, err) < 0)
        goto fail;
    out->location_name = nm.name;
    out->event = event;
    out->location = location;
    out->from = zoned_text(tz, t0, a);
    out->until = t1 ? zoned_text(tz, t1, a) : NULL;
    out->dry_run = dry_run;
    const char *detail = arena_printf(a, "from %s until %s: %d to other tables, %d online, "
                                      "%d at no table", out->from,
                                      out->until ? out->until : "the end", out->to_tables,
                                      out->to_online, out->unplaced);
    if (!out->from || (t1 && !out->until) || !detail) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory moving a table's meetings");
        goto fail;
    }
    if (store_audit(s, login, "location.out_of_use", "location", location, detail, err) < 0)
        goto fail;
    app_board_free(b);
    b = NULL;
    if (dry_run) {
        store_rollback(s);   /* the plan said, nothing kept */
        return 0;
    }
    int rc = app_mail_watch_end(s, w, APP_MAIL_BY_ORGANISERS, NULL, NULL, err);
    w = NULL;
    if (rc < 0 || store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    app_board_free(b);
    app_mail_watch_free(w);
    store_rollback(s);
    return -1;
}

int app_table_back(struct store *s, const char *login, const char *event, const char *location,
                   const char *from, const char *until, long long now, int *n,
                   struct df_err *err)
{
    *n = 0;
    if (until && !from)
        return df_err_set(err, DF_ERR_INPUT, "until names a window with its from: give both, "
                          "or neither to give every window back");
    struct arena a;
    arena_init(&a, 0);
    const char *tz;
    long long t0 = 0, t1 = -1;   /* -1: a window ending whenever */
    char detail[128];
    if (store_begin(s, err) < 0)
        goto out;
    if (!from) {
        if (store_table_out_clear(s, event, location, n, err) < 0)
            goto fail;
        snprintf(detail, sizeof detail, "%d window(s)", *n);
    } else {
        if (event_zone(s, event, &a, &tz, err) < 0 ||
            app_table_out_time(tz, "from", from, now, &t0, err) < 0 ||
            (until && app_table_out_time(tz, "until", until, now, &t1, err) < 0) ||
            store_table_out_remove(s, event, location, t0, t1, n, err) < 0)
            goto fail;
        const char *f = zoned_text(tz, t0, &a), *u = until ? zoned_text(tz, t1, &a) : NULL;
        if (*n == 0) {
            df_err_set(err, DF_ERR_NOT_FOUND, "table %.128s is out of use from no window "
                       "starting %s%s%s", location, f ? f : from, u ? " until " : "",
                       u ? u : "");
            goto fail;
        }
        snprintf(detail, sizeof detail, "window from %s%s%s", f ? f : from,
                 u ? " until " : "", u ? u : "");
    }
    if (*n > 0 && store_audit(s, login, "location.back_in_use", "location", location, detail,
                              err) < 0)
        goto fail;
    if (store_commit(s, err) < 0)
        goto fail;
    arena_free(&a);
    return 0;
fail:
    store_rollback(s);
out:
    arena_free(&a);
    return -1;
}

/* The windows read, their times said in the event's zone. */
struct windows {
    const char *tz;
    struct arena *a;
    struct idmap_vec v;   /* struct app_table_window */
    int oom;
};

static int on_window(void *ud, const struct store_table_out *w)
{
    struct windows *k = ud;
    struct app_table_window *x = idmap_vec_push(&k->v, k->a);
    if (!x)
        return k->oom = 1;
    *x = (struct app_table_window){
        .location = arena_strdup(k->a, w->location),
        .location_name = arena_strdup(k->a, w->location_name),
        .from = zoned_text(k->tz, w->from, k->a),
        .until = w->until ? zoned_text(k->tz, w->until, k->a) : NULL,
        .set_by = arena_strdup(k->a, w->set_by)};
    if (!x->location || !x->location_name || !x->from || (w->until && !x->until) || !x->set_by)
        return k->oom = 1;
    return 0;
}

int app_tables_out(struct store *s, const char *event, struct arena *a,
                   struct app_table_window **ws, int *n, struct df_err *err)
{
    struct windows k = {.a = a, .v = {.size = sizeof(struct app_table_window)}};
    *ws = NULL;
    *n = 0;
    if (event_zone(s, event, a, &k.tz, err) < 0 ||
        store_table_out_each(s, event, on_window, &k, err) < 0)
        return -1;
    if (k.oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing tables out of use");
    *ws = k.v.data;
    *n = k.v.n;
    return 0;
}
