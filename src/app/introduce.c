/* The organisers' introductions and bookings (see introduce.h). */
#include "app/introduce.h"

#include <stdio.h>
#include <string.h>

#include "app/mail.h"
#include "app/requests.h"
#include "store/api.h"

/* The pair's rules at event (not oneself, the event and both people known)
 * checked in a transaction begun here, and the open request between them:
 * its id into *open, its status into *status (NULL when none). 0 with the
 * transaction open, or -1 with err and none. */
static int pair_begin(struct store *s, const char *event, const char *from, const char *to,
                      struct arena *a, struct store_event *ev, const char **open,
                      const char **status, struct df_err *err)
{
    *open = *status = NULL;
    if (strcmp(from, to) == 0)
        return df_err_set(err, DF_ERR_INPUT, "a person cannot be introduced to herself");
    if (store_begin(s, err) < 0)
        return -1;
    if (store_event_get(s, event, a, ev, err) < 0 || app_person_known(s, from, err) < 0 ||
        app_person_known(s, to, err) < 0 ||
        store_api_pair_open(s, event, from, to, a, open, status, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

static int open_conflict(const char *from, const char *to, const char *open,
                         struct df_err *err)
{
    return df_err_set(err, DF_ERR_CONFLICT,
                      "an open request between \"%s\" and \"%s\" exists already: %s", from, to,
                      open);
}

int app_request_introduce(struct store *s, const char *login, const char *event, const char *from,
                          const char *to, const char *message, struct arena *a,
                          struct store_request *out, struct df_err *err)
{
    struct store_event ev;
    const char *open, *status;
    if (pair_begin(s, event, from, to, a, &ev, &open, &status, err) < 0)
        return -1;
    char id[APP_REQUEST_ID_SIZE];
    app_request_new_id(id);
    if (open) {
        open_conflict(from, to, open, err);
        goto fail;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "from %.64s to %.64s", from, to);
    struct store_request r = {.id = id, .event = event, .from = from, .to = to,
                              .status = "pending", .message = message, .priority = 1};
    if (store_request_upsert(s, &r, NULL, err) < 0 || store_request_introduce(s, id, err) < 0 ||
        app_mail_on_request(s, &r, "introduced", a, err) < 0 ||
        store_audit(s, login ? login : "organiser", "request.introduce", "request", id, detail,
                    err) < 0 ||
        store_request_get(s, id, a, out, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

/* Pending request r's meeting at published event ev, in the open
 * transaction: at slot when one is asked (an error when it is not free);
 * else at the time r proposes while it is free (nothing placed when it is
 * not: the run places it). out->placed and out->at say where. */
static int place_booked(struct store *s, const struct app_booking *b,
                        const struct store_request *r, struct arena *a, struct app_booked *out,
                        struct app_whys *why, struct df_err *err)
{
    if (b->slot) {
        if (app_request_place(s, r, b->slot, NULL, b->now, a, &out->at, why, err) < 0)
            return -1;
        out->placed = true;
        return 0;
    }
    if (!r->proposed_slot)
        return 0;
    struct df_err taken = {0};
    if (app_request_place(s, r, r->proposed_slot, NULL, b->now, a, &out->at, NULL, &taken) == 0) {
        out->placed = true;
    } else if (taken.kind == DF_ERR_RUNTIME) {
        *err = taken;
        return -1;
    }
    return 0;
}

int app_request_book(struct store *s, const struct app_booking *b, struct arena *a,
                     struct app_booked *out, struct app_whys *why, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    if (why)
        why->n = 0;
    struct store_event ev;
    struct store_request r;
    const char *open, *status;
    if (pair_begin(s, b->event, b->from, b->to, a, &ev, &open, &status, err) < 0)
        return -1;
    char id[APP_REQUEST_ID_SIZE];
    app_request_new_id(id);
    if (open && strcmp(status, "accepted") == 0) {
        df_err_set(err, DF_ERR_CONFLICT, "\"%s\" and \"%s\" have agreed to meet already: %s",
                   b->from, b->to, open);
        goto fail;
    }
    if (b->slot && !ev.published_at) {
        df_err_set(err, DF_ERR_CONFLICT, "the agendas are not published yet: the organisers' "
                                         "scheduler places the meeting: book without a slot");
        goto fail;
    }
    out->created = !open;
    if (!open) {
        r = (struct store_request){.id = id, .event = b->event, .from = b->from, .to = b->to,
                                   .status = "pending", .message = b->message, .priority = 1};
        if (store_request_upsert(s, &r, NULL, err) < 0)
            goto fail;
        open = id;
    }
    /* placed while pending (its people and table checked), accepted below */
    if (store_request_get(s, open, a, &r, err) < 0 ||
        (ev.published_at && place_booked(s, b, &r, a, out, why, err) < 0))
        goto fail;
    const char *detail = arena_printf(
        a, "from %.64s to %.64s, %s%s%s%s", r.from, r.to,
        out->created ? "agreed" : "their pending request accepted",
        out->placed ? ", in slot " : "", out->placed ? out->at.slot : "",
        out->placed ? arena_printf(a, " at %s", out->at.location) : "");
    if (!detail) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory booking a meeting");
        goto fail;
    }
    /* its mail says the time when it has one (placed here, or not
     * published yet); else the run that places it just after queues it */
    bool run_places = ev.published_at && !out->placed;
    if (store_request_set_status(s, r.id, "accepted", err) < 0 ||
        store_request_introduce(s, r.id, err) < 0 ||
        (!out->created && store_request_add_note(s, r.id, b->message, err) < 0) ||
        (!run_places && app_mail_on_request(s, &r, "booked", a, err) < 0) ||
        store_audit(s, b->login ? b->login : "organiser", "request.book", "request", r.id,
                    detail, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    if (run_places) {
        struct app_accept_warning said = {.n = 0};   /* the desk reads the sentence */
        out->warning = app_request_run_place(s, &r, b->login, true, "booked", b->now, a,
                                             &out->rescheduled, &said);
    }
    return store_request_get(s, r.id, a, &out->request, err);
fail:
    store_rollback(s);
    return -1;
}
