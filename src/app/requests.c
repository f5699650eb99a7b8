/* The meeting-request workflow (see requests.h). Each change is one IMMEDIATE
 * transaction, so two concurrent sends cannot both pass the pair and cap checks. */
#include "app/requests.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/schedule.h"
#include "core/log.h"
#include "store/api.h"

int app_request_send(struct store *s, const char *from, const char *event, const char *to,
                     const char *message, int priority, struct arena *a,
                     struct store_request *out, struct df_err *err)
{
    if (!from)
        return df_err_set(err, DF_ERR_FORBIDDEN, "only participants send meeting requests");
    if (strcmp(from, to) == 0)
        return df_err_set(err, DF_ERR_INPUT, "a meeting request to oneself");
    if (priority < 0 || priority > 9)
        return df_err_set(err, DF_ERR_INPUT, "priority %d is not between 0 and 9", priority);
    unsigned char raw[8];
    char id[32];
    randombytes_buf(raw, sizeof raw);
    snprintf(id, sizeof id, "req-%02x%02x%02x%02x%02x%02x%02x%02x", raw[0], raw[1], raw[2],
             raw[3], raw[4], raw[5], raw[6], raw[7]);
    if (store_begin(s, err) < 0)
        return -1;
    struct store_event ev;
    if (store_event_get(s, event, a, &ev, err) < 0)
        goto fail;
    int ex = store_person_exists(s, to, err);
    if (ex < 0)
        goto fail;
    if (ex == 0) {
        df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%s\"", to);
        goto fail;
    }
    int open = store_api_pair_is_open(s, event, from, to, err);
    if (open < 0)
        goto fail;
    if (open) {
        df_err_set(err, DF_ERR_CONFLICT, "an open request between you and \"%s\" exists already",
                   to);
        goto fail;
    }
    int64_t sent = store_api_open_sent(s, event, from, err);
    if (sent < 0)
        goto fail;
    if (sent >= ev.request_cap) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "you have %lld pending requests at this event, the most it allows",
                   (long long)sent);
        goto fail;
    }
    struct store_request r = {.id = id, .event = event, .from = from, .to = to,
                              .status = "pending", .message = message, .priority = priority};
    if (store_request_upsert(s, &r, NULL, err) < 0 ||
        store_audit(s, from, "request.send", "request", id, NULL, err) < 0 ||
        store_request_get(s, id, a, out, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

int app_request_act(struct store *s, const char *actor, const char *id,
                    enum app_request_action act, struct arena *a, struct store_request *out,
                    int *rescheduled, const char **warning, struct df_err *err)
{
    static const char *verbs[] = {"accept", "decline", "cancel"};
    static const char *to_status[] = {"accepted", "declined", "cancelled"};
    static const char *audit[] = {"request.accept", "request.decline", "request.cancel"};
    struct store_request r;
    struct store_event ev;
    if (rescheduled)
        *rescheduled = 0;
    if (warning)
        *warning = NULL;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_request_get(s, id, a, &r, err) < 0)
        goto fail;
    bool is_from = actor && strcmp(actor, r.from) == 0;
    bool is_to = actor && strcmp(actor, r.to) == 0;
    if ((act == APP_REQUEST_CANCEL && !is_from) || (act != APP_REQUEST_CANCEL && !is_to)) {
        df_err_set(err, DF_ERR_FORBIDDEN, "only the %s may %s this request",
                   act == APP_REQUEST_CANCEL ? "requester" : "addressee", verbs[act]);
        goto fail;
    }
    bool allowed = strcmp(r.status, "pending") == 0 ||
                   (act == APP_REQUEST_CANCEL && strcmp(r.status, "accepted") == 0);
    if (!allowed) {
        df_err_set(err, DF_ERR_CONFLICT, "the request is %s; it cannot be %s", r.status,
                   to_status[act]);
        goto fail;
    }
    if (store_request_set_status(s, id, to_status[act], err) < 0 ||
        (act == APP_REQUEST_CANCEL && store_meeting_delete_for_request(s, id, err) < 0) ||
        store_audit(s, actor, audit[act], "request", id, NULL, err) < 0 ||
        store_event_get(s, r.event, a, &ev, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    if (act == APP_REQUEST_ACCEPT && ev.published_at) {
        /* Published agendas stay: only the new meeting is placed around them
         * (the engine tries each of its slots when so few meetings are free,
         * and stops; the limit bounds the rare run with many still free) */
        struct app_schedule_opts o = {.event = r.event, .time_limit = 0.5, .seed = 1,
                                      .reschedule_locked = false,
                                      /* another accept's run may write first */
                                      .retries = 3,
                                      .via = "accept", .ran_by = actor};
        struct app_schedule_report rep;
        struct df_err why = {0};
        /* The answer is committed: a re-schedule that fails does not undo
         * it, and the caller hears that it stands, unplaced for now. */
        if (app_schedule_event(s, &o, a, &rep, &why) < 0) {
            log_msg(LOG_WARN, "event=reschedule_failed request=\"%s\" schedule=\"%s\" error=\"%s\"",
                    id, r.event, why.msg);
            if (warning)
                *warning = arena_printf(a, "the request is accepted, but placing its meeting "
                                           "in the published agendas failed (%s): the "
                                           "organiser's next schedule run places it", why.msg);
        } else if (rescheduled) {
            *rescheduled = 1;
        }
    }
    return store_request_get(s, id, a, out, err);
fail:
    store_rollback(s);
    return -1;
}
