/* The meeting-request workflow, shared by the CLI and the HTTP API: send,
 * accept, decline, cancel, with the forum's rules (no request to oneself, one
 * open request per pair, a per-event cap on a participant's open requests,
 * only the addressee answers, only the requester cancels). Accepting after the
 * agendas are published re-schedules the event keeping published meetings. */
#ifndef DFNC_APP_REQUESTS_H
#define DFNC_APP_REQUESTS_H

#include "core/arena.h"
#include "store/store.h"

enum app_request_action { APP_REQUEST_ACCEPT, APP_REQUEST_DECLINE, APP_REQUEST_CANCEL };

/* Sends a request from person `from`. Errors: DF_ERR_INPUT (to oneself: 422),
 * DF_ERR_NOT_FOUND (no such event or person), DF_ERR_CONFLICT (an open request
 * between the pair, or the cap reached: 409). *out is filled in a. */
int app_request_send(struct store *s, const char *from, const char *event, const char *to,
                     const char *message, int priority, struct arena *a,
                     struct store_request *out, struct df_err *err);

/* actor answers or cancels request id. DF_ERR_NOT_FOUND when the request does not
 * exist; DF_ERR_FORBIDDEN when actor is not the addressee (accept, decline) or
 * the requester (cancel); DF_ERR_CONFLICT when its status does not allow it. *out gets the request
 * after the change; *rescheduled (may be NULL) is 1 when a re-schedule ran. An
 * accept at a published event is committed before the re-schedule: when that
 * fails the accept still succeeds, *rescheduled is 0 and *warning (may be
 * NULL; else NULL or a string in a) says why. */
int app_request_act(struct store *s, const char *actor, const char *id,
                    enum app_request_action act, struct arena *a, struct store_request *out,
                    int *rescheduled, const char **warning, struct df_err *err);

#endif
