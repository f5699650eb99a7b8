/* "My partner is not here" (app/absence.h). */
#include "app/absence.h"

#include <stdio.h>

#include "core/date.h"
#include "store/day.h"
#include "store/outcomes.h"

/* Unix seconds of a valid ISO 8601 time with a UTC offset; false when it is
 * not one (a local time alone names no instant). */
static bool instant_of(const char *iso, int64_t *out)
{
    int y, mo, d, h, mi, sec = 0, off;
    if (!date_time_is_valid(iso) || !date_time_offset(iso, &off) ||
        sscanf(iso, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
        return false;
    if (iso[16] == ':')
        sscanf(iso + 17, "%2d", &sec);
    *out = ((int64_t)date_days_from_civil(y, mo, d) * 1440 + h * 60 + mi - off) * 60 + sec;
    return true;
}

int app_absence_window_check(const char *starts_at, const char *ends_at, int64_t now,
                             struct df_err *err)
{
    int64_t from, to;
    if (!instant_of(starts_at, &from) || !instant_of(ends_at, &to))
        return df_err_set(err, DF_ERR_CONFLICT, "the meeting's time names no instant");
    if (now < from) {
        df_err_set(err, DF_ERR_CONFLICT, "the meeting has not started: say so once it has begun");
        df_err_code(err, "meeting_not_started", NULL);
        return -1;
    }
    if (now > to + APP_ABSENCE_GRACE_MINUTES * 60) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "the meeting is over: say so from its start to %d minutes after its end",
                   APP_ABSENCE_GRACE_MINUTES);
        char minutes[16];
        snprintf(minutes, sizeof minutes, "%d", APP_ABSENCE_GRACE_MINUTES);
        df_err_code(err, "meeting_over", "minutes", minutes, NULL);
        return -1;
    }
    return 0;
}

/* request's meeting when person is one of its people: its times into *m. */
static int her_meeting(struct store *s, const char *person, const char *request, int64_t now,
                       struct arena *a, struct store_meeting *m, struct df_err *err)
{
    int who = store_outcome_attendance(s, request, person, now, err);
    if (who < 0)
        return -1;
    /* begun or not: the window check below says "not yet" by the forum's clock */
    if (who != STORE_ATTENDS && who != STORE_NOT_BEGUN)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no meeting \"%.128s\" in your agenda",
                          request);
    return store_meeting_of_request(s, request, a, m, err);
}

int app_absence_report(struct store *s, const char *actor, const char *person,
                       const char *request, int64_t now, struct arena *a, const char **id,
                       struct df_err *err)
{
    struct store_meeting m;
    if (store_begin(s, err) < 0)
        return -1;
    if (her_meeting(s, person, request, now, a, &m, err) < 0 ||
        app_absence_window_check(m.starts_at, m.ends_at, now, err) < 0 ||
        store_absence_report(s, request, person, a, id, err) < 0 ||
        store_audit(s, actor, "absence.report", "request", request, *id, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_absence_deal(struct store *s, const char *actor, const char *id, struct arena *a,
                     const char **at, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (store_absence_deal(s, id, actor, a, at, err) < 0 ||
        store_audit(s, actor, "absence.deal", "absence", id, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}
