/* Check-ins and their undo with their audit lines, one transaction each
 * (see checkin.h). */
#include "app/checkin.h"

#include <string.h>

#include "app/forum_day.h"
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

int app_checkin_in(struct store *s, const char *actor, const char *person, long long now,
                   struct arena *a, const char **at, struct df_err *err)
{
    char today[11];
    bool within;
    if (app_checkin_day(s, NULL, now, today, &within, err) < 0 ||
        store_web_checkin(s, person, today, now, a, at, err) < 0)
        return -1;
    return store_audit(s, actor, "person.checkin", "person", person, today, err);
}

int app_checkin(struct store *s, const char *actor, const char *person, long long now,
                struct arena *a, const char **at, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (app_checkin_in(s, actor, person, now, a, at, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_checkin_undo(struct store *s, const char *actor, const char *person, long long now,
                     struct df_err *err)
{
    char today[11];
    bool within;
    if (store_begin(s, err) < 0)
        return -1;
    int rc = app_checkin_day(s, NULL, now, today, &within, err);
    if (rc == 0)
        rc = store_web_checkin_undo(s, person, today, err);
    return audit_and_commit(s, rc, actor, "person.checkin_undo", person, today, err);
}
