/* Check-ins and their undo with their audit lines, one transaction each
 * (see checkin.h). */
#include "app/checkin.h"

#include <stdio.h>
#include <string.h>

#include "app/forum_day.h"
#include "core/date.h"
#include "store/web.h"

int app_checkin_day(struct store *s, const char *event, long long now, char today[11],
                    bool *within, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    *within = false;
    if (!event && !(event = app_forum_event(s, now, &a, err))) {
        int rc = err->kind == DF_ERR_NOT_FOUND ? 0 : -1;   /* no event: UTC's day */
        if (rc == 0) {
            df_err_clear(err);
            app_forum_day_in(NULL, now, today);
        }
        arena_free(&a);
        return rc;
    }
    struct store_event e;
    int rc = store_event_get(s, event, &a, &e, err);
    if (rc == 0) {
        app_forum_day_in(e.timezone, now, today);
        *within = strcmp(today, e.starts_on) >= 0 && strcmp(today, e.ends_on) <= 0;
    }
    arena_free(&a);
    return rc;
}

/* The audit line of what the open transaction did to person, then the
 * commit; the transaction rolled back when either fails. rc is what the
 * change returned: a failed change is rolled back at once. */
static int audit_and_commit(struct store *s, int rc, const char *actor, const char *action,
                            const char *person, const char *day, struct df_err *err)
{
    if (rc < 0 || store_audit(s, actor, action, "person", person, day, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

/* The day the desk records an arrival for at now into out: day (checkin.h:
 * one of the forum's event's days, not after today there), or today when
 * NULL. 0, or -1 with err (DF_ERR_INPUT, code checkin_day, for a day the
 * desk may not give). */
static int desk_day(struct store *s, const char *day, long long now, char out[11],
                    struct df_err *err)
{
    bool within;
    if (app_checkin_day(s, NULL, now, out, &within, err) < 0)
        return -1;
    if (!day)
        return 0;
    struct arena a;
    arena_init(&a, 0);
    struct store_event e = {0};
    const char *event = date_is_valid(day) ? app_forum_event(s, now, &a, err) : NULL;
    int rc = event ? store_event_get(s, event, &a, &e, err) : 0;
    /* no event at all is no day of the forum; a failure to read is itself */
    if ((event && rc < 0) || (!event && date_is_valid(day) && err->kind != DF_ERR_NOT_FOUND)) {
        rc = -1;
        goto out;
    }
    df_err_clear(err);
    /* an event's day not after today (ISO dates compare as text) */
    if (!event || strcmp(day, e.starts_on) < 0 || strcmp(day, e.ends_on) > 0 ||
        strcmp(day, out) > 0) {
        if (event)
            df_err_set(err, DF_ERR_INPUT, "day \"%.32s\" is not a day of the forum (%s to %s) "
                       "up to today (%s)", day, e.starts_on, e.ends_on, out);
        else
            df_err_set(err, DF_ERR_INPUT, "day \"%.32s\" is not a day of the forum", day);
        rc = df_err_code(err, "checkin_day", "day", day, "field", "day", NULL);
        goto out;
    }
    snprintf(out, 11, "%s", day);
out:
    arena_free(&a);
    return rc;
}

/* person's arrival on day (desk_day's) and its audit line, in the
 * caller's transaction. */
static int checkin_in(struct store *s, const char *actor, const char *person, const char *day,
                      long long now, struct arena *a, const char **at, struct df_err *err)
{
    char on[11];
    if (desk_day(s, day, now, on, err) < 0 ||
        store_web_checkin(s, person, on, now, a, at, err) < 0)
        return -1;
    return store_audit(s, actor, "person.checkin", "person", person, on, err);
}

int app_checkin_in(struct store *s, const char *actor, const char *person, long long now,
                   struct arena *a, const char **at, struct df_err *err)
{
    return checkin_in(s, actor, person, NULL, now, a, at, err);
}

int app_checkin(struct store *s, const char *actor, const char *person, long long now,
                struct arena *a, const char **at, struct df_err *err)
{
    return app_checkin_on(s, actor, person, NULL, now, a, at, err);
}

int app_checkin_on(struct store *s, const char *actor, const char *person, const char *day,
                   long long now, struct arena *a, const char **at, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (checkin_in(s, actor, person, day, now, a, at, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_checkin_undo(struct store *s, const char *actor, const char *person, long long now,
                     struct df_err *err)
{
    return app_checkin_undo_on(s, actor, person, NULL, now, err);
}

int app_checkin_undo_on(struct store *s, const char *actor, const char *person,
                        const char *day, long long now, struct df_err *err)
{
    char on[11];
    if (store_begin(s, err) < 0)
        return -1;
    int rc = desk_day(s, day, now, on, err);
    if (rc == 0)
        rc = store_web_checkin_undo(s, person, on, err);
    return audit_and_commit(s, rc, actor, "person.checkin_undo", person, on, err);
}

int app_checkin_yesterday(struct store *s, long long now, char yesterday[11],
                          struct df_err *err)
{
    char today[11], text[DATE_UTC_TEXT_SIZE];
    bool within;
    int y, m, d;
    yesterday[0] = '\0';
    if (app_checkin_day(s, NULL, now, today, &within, err) < 0)
        return -1;
    if (!within || sscanf(today, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    date_utc_text(((long long)date_days_from_civil(y, m, d) - 1) * 86400, text);
    text[10] = '\0';
    struct df_err no = {0};
    if (desk_day(s, text, now, yesterday, &no) == 0)
        return 1;
    yesterday[0] = '\0';
    if (no.kind == DF_ERR_INPUT)
        return 0;   /* today is the forum's first day */
    *err = no;
    return -1;
}
