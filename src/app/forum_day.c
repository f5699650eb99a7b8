/* The forum's day, in each event's own zone (see forum_day.h). */
#include "app/forum_day.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "io/ics.h"

void app_forum_day_in(const char *tzid, long long now, char out[11])
{
    if (ics_zone_day(tzid, now, out) == 0)
        return;
    char utc[DATE_UTC_TEXT_SIZE];
    date_utc_text(now, utc);
    snprintf(out, 11, "%.10s", utc);
}

/* Every event with its day now, walked once. */
struct walk {
    long long now;
    struct arena *a;
    const char *next, *next_starts;   /* under way or to come: the first to start */
    const char *begun, *begun_on;     /* under way: the first to start */
    const char *ended, *ended_on;     /* over: the last to end */
    json_t *open;                     /* NULL: not wanted */
    struct df_err *err;
};

static bool before(const char *day, const char *id, const char *day2, const char *id2)
{
    int c = strcmp(day, day2);
    return c < 0 || (c == 0 && strcmp(id, id2) < 0);
}

static int on_event(void *ud, const struct store_event *e)
{
    struct walk *w = ud;
    char today[11];
    app_forum_day_in(e->timezone, w->now, today);
    bool open = strcmp(e->ends_on, today) >= 0;
    if (open && w->open && json_array_append_new(w->open, json_string(e->id)) < 0)
        return df_err_set(w->err, DF_ERR_RUNTIME, "out of memory");
    if (open && strcmp(e->starts_on, today) <= 0 &&
        (!w->begun || before(e->starts_on, e->id, w->begun_on, w->begun))) {
        w->begun = arena_strdup(w->a, e->id);
        w->begun_on = arena_strdup(w->a, e->starts_on);
        if (!w->begun || !w->begun_on)
            return df_err_set(w->err, DF_ERR_RUNTIME, "out of memory");
    }
    const char **id = open ? &w->next : &w->ended, **day = open ? &w->next_starts : &w->ended_on;
    const char *mine = open ? e->starts_on : e->ends_on;
    bool better = !*id || (open ? before(mine, e->id, *day, *id) : before(*day, e->id, mine, *id));
    if (!better)
        return 0;
    *id = arena_strdup(w->a, e->id);
    *day = arena_strdup(w->a, mine);
    return !*id || !*day ? df_err_set(w->err, DF_ERR_RUNTIME, "out of memory") : 0;
}

/* The events walked: NULL with err when the walk failed or found none. */
static bool walk_events(struct store *s, struct walk *w)
{
    if (store_event_each(s, on_event, w, w->err) != 0)
        return false;
    if (!w->next && !w->ended) {
        df_err_set(w->err, DF_ERR_NOT_FOUND, "the database has no event yet");
        return false;
    }
    return true;
}

const char *app_forum_event(struct store *s, long long now, struct arena *a, struct df_err *err)
{
    struct walk w = {.now = now, .a = a, .err = err};
    if (!walk_events(s, &w))
        return NULL;
    return w.next ? w.next : w.ended;
}

const char *app_forum_event_held(struct store *s, long long now, struct arena *a,
                                 struct df_err *err)
{
    struct walk w = {.now = now, .a = a, .err = err};
    if (!walk_events(s, &w))
        return NULL;
    return w.begun ? w.begun : w.ended ? w.ended : w.next;
}

int app_forum_today(struct store *s, long long now, char out[11], struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct store_event e;
    const char *id = app_forum_event(s, now, &a, err);
    int rc = 0;
    if (id && store_event_get(s, id, &a, &e, err) == 0) {
        app_forum_day_in(e.timezone, now, out);
    } else if (!id && err->kind == DF_ERR_NOT_FOUND) {   /* no event: UTC's day */
        app_forum_day_in(NULL, now, out);
        df_err_clear(err);
    } else {
        rc = -1;
    }
    arena_free(&a);
    return rc;
}

const char *app_forum_open_events(struct store *s, long long now, struct arena *a,
                                  struct df_err *err)
{
    struct walk w = {.now = now, .a = a, .err = err, .open = json_array()};
    const char *out = NULL;
    if (!w.open) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    if (store_event_each(s, on_event, &w, err) == 0) {
        char *text = json_dumps(w.open, JSON_COMPACT);
        out = text ? arena_strdup(a, text) : NULL;
        if (!out)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        free(text);
    }
    json_decref(w.open);
    return out;
}
