/* The meeting-request workflow (see requests.h). Each change is one IMMEDIATE
 * transaction, so two concurrent sends cannot both pass the pair and cap checks. */
#include "app/requests.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/event.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "app/move.h"
#include "app/schedule.h"
#include "core/log.h"
#include "store/api.h"
#include "store/web.h"

/* Why request r's people cannot place its meeting themselves at event ev:
 * NULL when they can (published). */
static const char *not_theirs_to_place(const struct store_event *ev)
{
    return ev->published_at ? NULL
                            : "the agendas are not published yet: the organisers' scheduler "
                              "places the meeting";
}

/* Whether request r (pending, or about to be sent) may propose slot at
 * event ev at `now`: published, a b2b slot of it, free for its people as
 * app_request_free_times judges. 0, or -1 with err naming what is in the
 * way (DF_ERR_CONFLICT, each thing in whys when not NULL; DF_ERR_INPUT for
 * a slot not of its event). */
static int check_proposal(struct store *s, const struct store_event *ev,
                          const struct store_request *r, const char *slot, long long now,
                          struct arena *a, struct app_whys *whys, struct df_err *err)
{
    const char *why = not_theirs_to_place(ev);
    if (why) {
        df_err_set(err, DF_ERR_CONFLICT, "%s: propose no time", why);
        df_err_code(err, "not_published", NULL);
        return -1;
    }
    struct app_move_place at;
    /* said to its requester, who proposes it */
    int rc = app_request_slot_state(s, r, slot, r->from, now, a, &at, &why, whys, err);
    if (rc < 0)
        return -1;
    if (rc > 0)
        return df_err_set(err, DF_ERR_CONFLICT, "slot %s is not free: %s", slot, why);
    return 0;
}

/* In the open transaction: request id's proposal set to slot (NULL none),
 * the audit line (action by actor, detail), *out read, and the commit. */
static int propose_and_commit(struct store *s, const char *actor, const char *action,
                              const char *id, const char *slot, const char *detail,
                              struct arena *a, struct store_request *out, struct df_err *err)
{
    if (store_request_set_proposal(s, id, slot, err) < 0 ||
        store_audit(s, actor, action, "request", id, detail, err) < 0 ||
        store_request_get(s, id, a, out, err) < 0)
        return -1;
    return store_commit(s, err);
}

void app_request_new_id(char id[APP_REQUEST_ID_SIZE])
{
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    snprintf(id, APP_REQUEST_ID_SIZE, "req-%02x%02x%02x%02x%02x%02x%02x%02x", raw[0], raw[1],
             raw[2], raw[3], raw[4], raw[5], raw[6], raw[7]);
}

int app_person_known(struct store *s, const char *id, struct df_err *err)
{
    /* an erased person's tombstone is gone from the directory (GET
     * /people/{id} is 404): nobody asks her, nor is she introduced */
    int ex = store_person_exists(s, id, err);
    if (ex > 0 && (ex = store_person_is_erased(s, id, err)) >= 0)
        ex = !ex;
    if (ex == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", id);
    return ex > 0 ? 0 : -1;
}

/* A request to oneself, refused by code (the imports' same_person) for a
 * page's words, the body's "to" named: -1 with err (422). */
static int same_person(const char *person, struct df_err *err)
{
    df_err_set(err, DF_ERR_INPUT, "a meeting request to oneself");
    char cut[129];   /* an id is at most 128 bytes */
    snprintf(cut, sizeof cut, "%.128s", person);
    return df_err_code(err, "same_person", "value", cut, "field", "to", NULL);
}

int app_request_send(struct store *s, const char *from, const char *event, const char *to,
                     const char *message, int priority, const char *slot, long long now,
                     struct arena *a, struct store_request *out, struct app_whys *why,
                     struct df_err *err)
{
    if (why)
        why->n = 0;
    if (!from)
        return df_err_set(err, DF_ERR_FORBIDDEN, "only participants send meeting requests");
    if (strcmp(from, to) == 0)
        return same_person(from, err);
    if (priority < 0 || priority > 9)
        return df_err_set(err, DF_ERR_INPUT, "priority %d is not between 0 and 9", priority);
    char id[APP_REQUEST_ID_SIZE];
    app_request_new_id(id);
    if (store_begin(s, err) < 0)
        return -1;
    struct store_event ev;
    if (store_event_get(s, event, a, &ev, err) < 0 || app_person_known(s, to, err) < 0 ||
        app_requests_open_check(&ev, now, err) < 0)
        goto fail;
    int open = store_api_pair_is_open(s, event, from, to, err);
    if (open < 0)
        goto fail;
    if (open) {
        df_err_set(err, DF_ERR_CONFLICT, "an open request between you and \"%s\" exists already",
                   to);
        df_err_code(err, "request_open", "person", to, NULL);
        goto fail;
    }
    int64_t sent = store_api_open_sent(s, event, from, err);
    if (sent < 0)
        goto fail;
    if (sent >= ev.request_cap) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "you have %lld pending requests at this event, the most it allows",
                   (long long)sent);
        char n[24];
        snprintf(n, sizeof n, "%lld", (long long)sent);
        df_err_code(err, "request_cap", "n", n, NULL);
        goto fail;
    }
    struct store_request r = {.id = id, .event = event, .from = from, .to = to,
                              .status = "pending", .message = message, .priority = priority};
    if (slot && check_proposal(s, &ev, &r, slot, now, a, why, err) < 0)
        goto fail;
    const char *proposes = slot ? arena_printf(a, "proposing slot %s", slot) : NULL;
    if (slot && !proposes) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory sending a request");
        goto fail;
    }
    if (store_request_upsert(s, &r, NULL, err) < 0 ||
        app_mail_on_request(s, &r, "request", a, err) < 0 ||
        propose_and_commit(s, from, "request.send", id, slot, proposes, a, out, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

/* Whether person is one of request r's people, who read it (GET
 * /requests/{id}) and write in its thread: its requester, its addressee or
 * one of its attendees. 1, 0, or -1 with err. */
static int is_its_person(struct store *s, const struct store_request *r, const char *person,
                         struct df_err *err)
{
    if (!person)
        return 0;
    if (strcmp(person, r->from) == 0 || strcmp(person, r->to) == 0)
        return 1;
    return store_request_is_attendee(s, r->id, person, err);
}

/* The refusal of person, who may not do what she asked of request r: 403
 * (`why`) to one of its people, who know it is there, and to an organiser
 * when reads_all (who reads every request); 404 to anyone else, as to an
 * id that is none, so that no answer tells whether another's request
 * exists. -1 with err. */
static int refuse_act(struct store *s, const struct store_request *r, const char *person,
                      bool reads_all, const char *why, struct df_err *err)
{
    int its = reads_all ? 1 : is_its_person(s, r, person, err);
    if (its < 0)
        return -1;
    if (!its)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\"", r->id);
    return df_err_set(err, DF_ERR_FORBIDDEN, "%s", why);
}

int app_request_read(struct store *s, const char *person, bool organiser, const char *id,
                     struct arena *a, struct store_request *out, struct df_err *err)
{
    if (store_request_get(s, id, a, out, err) < 0)
        return -1;
    int its = organiser ? 1 : is_its_person(s, out, person, err);
    if (its < 0)
        return -1;
    return its ? 0 : df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\"", id);
}

static bool is_pending_or_accepted(const struct store_request *r)
{
    return strcmp(r->status, "pending") == 0 || strcmp(r->status, "accepted") == 0;
}

/* The role in which who cancels r: "requester", "addressee" (an agreed meeting
 * only: a pending request is declined) or "organiser"; NULL with err when
 * who may not (403: an attendee; 404: no person of it nor an organiser, as
 * for an id that is none; 409: the status forbids it). A
 * party cancels as that party even when an organiser, so the other sees who. */
static const char *cancel_role(struct store *s, const struct app_request_actor *who,
                               const struct store_request *r, struct df_err *err)
{
    bool is_from = who->person && strcmp(who->person, r->from) == 0;
    bool is_to = who->person && strcmp(who->person, r->to) == 0;
    if (!is_from && !is_to && !who->organiser) {
        refuse_act(s, r, who->person, false, "only the request's two people or an organiser "
                                             "may cancel it", err);
        return NULL;
    }
    if (!is_pending_or_accepted(r)) {
        df_err_set(err, DF_ERR_CONFLICT, "the request is %s; it cannot be cancelled", r->status);
        df_err_code(err, "request_status", "status", r->status, NULL);
        return NULL;
    }
    if (is_from)
        return "requester";
    if (is_to && strcmp(r->status, "accepted") == 0)
        return "addressee";
    if (who->organiser && !is_to)
        return "organiser";
    df_err_set(err, DF_ERR_CONFLICT,
               "the request is pending: its addressee declines it rather than cancel it");
    return NULL;
}

/* Whether who may answer r (accept, decline): its addressee, while pending
 * (403 to its other people and organisers, 404 to anyone else: refuse_act). */
static int check_answer(struct store *s, const struct app_request_actor *who,
                        const struct store_request *r, enum app_request_action act,
                        struct df_err *err)
{
    static const char *verbs[] = {"only the addressee may accept this request",
                                  "only the addressee may decline this request"};
    static const char *done[] = {"accepted", "declined"};
    if (!who->person || strcmp(who->person, r->to) != 0)
        return refuse_act(s, r, who->person, who->organiser, verbs[act], err);
    if (strcmp(r->status, "pending") != 0) {
        df_err_set(err, DF_ERR_CONFLICT, "the request is %s; it cannot be %s", r->status,
                   done[act]);
        df_err_code(err, "request_status", "status", r->status, NULL);
        return -1;
    }
    return 0;
}

/* Writes act on request r (checked), its audit line and, for an answer,
 * the requester's mail (app_mail_on_request: an accept's later when
 * mail_later, the run that places its meeting queues it with its time), in
 * the open transaction; place (may be NULL) says where an accept put its
 * meeting, or why a cancel was made (its audit line's "by ROLE (why)"). A
 * cancel of an agreed meeting mails its other people (all, when the
 * organisers cancel it): a published one as a change of the agendas (by
 * the caller's watch over its event when watched, one mail a person for
 * the caller's whole action), else without a time. */
static int request_apply(struct store *s, const struct app_request_actor *who,
                         const struct store_request *r, enum app_request_action act,
                         const char *cancelled_by, const char *place, bool mail_later,
                         bool watched, struct arena *a, struct df_err *err)
{
    static const char *to_status[] = {"accepted", "declined"};
    static const char *audit[] = {"request.accept", "request.decline", "request.cancel"};
    /* an organiser acting for someone is named by login; a party by person */
    const char *actor = cancelled_by && strcmp(cancelled_by, "organiser") == 0 && who->login
                            ? who->login : who->person;
    if (act == APP_REQUEST_CANCEL) {
        struct app_mail_watch *w = NULL;
        if (!watched && app_mail_watch_begin(s, r->event, r->id, &w, err) < 0)
            return -1;
        /* an agreed meeting in no published agenda: its people were told
         * of the accept, and hear of its end without a time */
        bool told = watched || app_mail_watch_holds(w);
        bool organisers = strcmp(cancelled_by, "organiser") == 0;
        const char *by = organisers ? NULL : who->person;
        if (store_request_cancel(s, r->id, cancelled_by, err) < 0 ||
            store_meeting_delete_for_request(s, r->id, err) < 0) {
            app_mail_watch_free(w);
            return -1;
        }
        if (app_mail_watch_end(s, w, organisers ? APP_MAIL_BY_ORGANISERS : APP_MAIL_BY_PERSON, by,
                               NULL, err) < 0 ||
            (!told && strcmp(r->status, "accepted") == 0 &&
             app_mail_on_cancel(s, r, by, a, err) < 0))
            return -1;
    } else if (store_request_set_status(s, r->id, to_status[act], err) < 0 ||
               (!mail_later && app_mail_on_request(s, r, to_status[act], a, err) < 0)) {
        return -1;
    }
    char detail[64];
    if (cancelled_by)
        snprintf(detail, sizeof detail, "by %s%s%s%s", cancelled_by, place ? " (" : "",
                 place ? place : "", place ? ")" : "");
    return store_audit(s, actor ? actor : "organiser", audit[act], "request", r->id,
                       cancelled_by ? detail : place, err);
}

int app_request_withdraw(struct store *s, const char *person, const char *organiser,
                         const char *id, struct arena *a, struct df_err *err)
{
    struct store_request r;
    if (store_request_get(s, id, a, &r, err) < 0)
        return -1;
    const struct app_request_actor who = {.person = organiser ? NULL : person,
                                          .login = organiser, .organiser = organiser != NULL};
    const char *role = organiser                   ? "organiser"
                       : strcmp(r.from, person) == 0 ? "requester"
                                                    : "addressee";
    return request_apply(s, &who, &r, APP_REQUEST_CANCEL, role, "erasure", false, false, a, err);
}

int app_request_cancel_in(struct store *s, const struct app_request_actor *who, const char *id,
                          const char *why, bool watched, struct arena *a, struct df_err *err)
{
    struct store_request r;
    const char *role;
    if (store_request_get(s, id, a, &r, err) < 0 || !(role = cancel_role(s, who, &r, err)))
        return -1;
    return request_apply(s, who, &r, APP_REQUEST_CANCEL, role, why, false, watched, a, err);
}

/* Why no meeting can be placed when the whole event's slots have begun. */
#define ALL_BEGUN "every B2B slot of the event has begun: no meeting can be placed any more"

/* One more part of an accept's warning w: its code and English, what it
 * names (reason, may be NULL) its reasons; the part itself. */
static struct app_why *warning_part(struct app_accept_warning *w, const char *code,
                                    const char *message, const struct app_why *reason)
{
    int i = w->n++;
    w->part[i] = (struct app_why){.code = code, .message = message};
    w->reasons[i].n = 0;
    if (reason)
        w->reasons[i].v[w->reasons[i].n++] = *reason;
    return &w->part[i];
}

const char app_request_made_way_said[] = "made way for another meeting, already in its "
                                         "people's agendas, and then found no free slot";

/* Why the run left a request without a meeting, as a participant may
 * read it: a made_way reason names the request it made way for, which is
 * another's (organisers read it on the unscheduled list); hers says
 * "another meeting", by the same code without the value. */
static const struct app_why *for_reader(const struct app_why *why, bool organiser,
                                        struct app_why *scratch)
{
    if (organiser || strcmp(why->code, "made_way") != 0)
        return why;
    *scratch = (struct app_why){.code = why->code, .message = app_request_made_way_said};
    return scratch;
}

const char *app_request_unplaced_warning(struct store *s, const struct app_schedule_report *rep,
                                         const struct store_request *r, bool organiser,
                                         long long now, struct arena *a,
                                         struct app_accept_warning *w)
{
    for (int i = 0; i < rep->unscheduled_n; i++) {
        if (strcmp(rep->unscheduled[i].request, r->id) != 0)
            continue;
        struct df_err why = {0};
        if (now && app_event_slots_to_come(s, r->event, now, a, &why) == 0)
            return warning_part(w, "all_begun", "the request is accepted, but " ALL_BEGUN, NULL)
                ->message;
        struct app_why scratch;
        const struct app_why *reason = for_reader(&rep->unscheduled[i].why, organiser, &scratch);
        return warning_part(w, "not_placed",
                            arena_printf(a, "the request is accepted, but its meeting is not "
                                            "placed yet (%s): the organisers place it",
                                         reason->message),
                            reason)
            ->message;
    }
    return NULL;
}

/* An accept at published event ev of request r (pending, checked) with a
 * time proposed: its meeting placed there when it is still free, in the open
 * transaction, *place (in a) saying where; else *place NULL and *lost (in
 * a) why the proposal could not be taken. -1 with err on a runtime error. */
static int take_proposal(struct store *s, const struct app_request_actor *who,
                         const struct store_request *r, struct arena *a, const char **place,
                         const char **lost, struct app_accept_warning *w, struct df_err *err)
{
    struct app_move_place at;
    struct df_err why = {0};
    struct app_whys whys = {.n = 0};
    *place = *lost = NULL;
    if (app_request_place(s, r, r->proposed_slot, who->person, who->now, a, &at, &whys, &why) <
        0) {
        if (why.kind == DF_ERR_RUNTIME) {
            *err = why;
            return -1;
        }
        *lost = arena_printf(a, "the time proposed is not free any more (%s)", why.msg);
        warning_part(w, "proposal_not_free", *lost, NULL);
        w->reasons[0] = whys;
    } else {
        *place = arena_printf(a, "in slot %s at %s, as proposed", at.slot, at.location);
    }
    if (!*place && !*lost)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory accepting a request");
    return 0;
}

/* The mail of request r's kind (accepted, booked) when the run that was to
 * place its meeting failed: without its time, in a transaction of its own
 * (the answer is committed); a failure is logged, the answer stands. */
static void mail_unplaced(struct store *s, const struct store_request *r, const char *kind,
                          struct arena *a)
{
    struct df_err why = {0};
    if (store_begin(s, &why) < 0)
        goto failed;
    if (app_mail_on_request(s, r, kind, a, &why) < 0 || store_commit(s, &why) < 0) {
        store_rollback(s);
        goto failed;
    }
    return;
failed:
    log_msg(LOG_WARN, "event=mail_not_queued request=\"%s\" kind=%s error=\"%s\"", r->id, kind,
            why.msg);
}

const char *app_request_run_place(struct store *s, const struct store_request *r,
                                  const char *ran_by, bool organiser, const char *mail_kind,
                                  long long now, struct arena *a, int *rescheduled,
                                  struct app_accept_warning *w)
{
    /* Published agendas stay: only the new meeting is placed around them
     * (the engine tries each of its slots when so few meetings are free,
     * and stops; the limit bounds the rare run with many still free) */
    struct app_schedule_opts o = {.event = r->event, .time_limit = 0.5, .seed = 1,
                                  .reschedule_locked = false,
                                  /* another accept's run may write first */
                                  .retries = 3,
                                  .via = "accept", .ran_by = ran_by,
                                  .now = now, .mail_request = r, .mail_kind = mail_kind};
    struct app_schedule_report rep;
    struct df_err why = {0};
    if (rescheduled)
        *rescheduled = 0;
    /* The answer is committed: a re-schedule that fails does not undo
     * it, and the caller hears that it stands, unplaced for now. */
    if (app_schedule_event(s, &o, a, &rep, &why) < 0) {
        log_msg(LOG_WARN, "event=reschedule_failed request=\"%s\" schedule=\"%s\" error=\"%s\"",
                r->id, r->event, why.msg);
        mail_unplaced(s, r, mail_kind, a);
        return warning_part(w, "placing_failed",
                            arena_printf(a, "the request is accepted, but placing its meeting "
                                            "in the published agendas failed (%s): the "
                                            "organiser's next schedule run places it",
                                         why.msg),
                            NULL)
            ->message;
    }
    if (rescheduled)
        *rescheduled = 1;
    return app_request_unplaced_warning(s, &rep, r, organiser, now, a, w);
}

int app_request_act(struct store *s, const struct app_request_actor *who, const char *id,
                    enum app_request_action act, struct arena *a, struct store_request *out,
                    int *rescheduled, struct app_accept_warning *warning, struct df_err *err)
{
    struct store_request r;
    struct store_event ev;
    const char *cancelled_by = NULL, *place = NULL, *lost = NULL;
    struct app_accept_warning said_by = {.n = 0};
    if (rescheduled)
        *rescheduled = 0;
    if (warning)
        warning->text = NULL, warning->n = 0;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_request_get(s, id, a, &r, err) < 0 || store_event_get(s, r.event, a, &ev, err) < 0)
        goto fail;
    if (act == APP_REQUEST_CANCEL ? !(cancelled_by = cancel_role(s, who, &r, err))
                                  : check_answer(s, who, &r, act, err) < 0)
        goto fail;
    /* an accept with no time takes the one proposed while it is free: the
     * requester asked for it, and the addressee agreed to her request */
    if (act == APP_REQUEST_ACCEPT && ev.published_at && r.proposed_slot &&
        take_proposal(s, who, &r, a, &place, &lost, &said_by, err) < 0)
        goto fail;
    /* an accept whose meeting the run places just after: the run's
     * transaction queues its mail, with the time it found */
    bool run_places = act == APP_REQUEST_ACCEPT && ev.published_at && !place;
    if (request_apply(s, who, &r, act, cancelled_by, place, run_places, false, a, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    if (run_places) {
        const char *said = app_request_run_place(s, &r, who->person, who->organiser, "accepted",
                                                 who->now, a, rescheduled, &said_by);
        if (lost && !said)
            warning_part(&said_by, "placed_elsewhere", "the meeting is placed at another time",
                         NULL);
        if (warning) {
            *warning = said_by;
            warning->text = !lost ? said
                            : said ? arena_printf(a, "%s; %s", lost, said)
                                   : arena_printf(a, "%s: the meeting is placed at another time",
                                                  lost);
        }
    }
    return store_request_get(s, id, a, out, err);
fail:
    store_rollback(s);
    return -1;
}

int app_request_propose(struct store *s, const struct app_request_actor *who, const char *id,
                        const char *slot, struct arena *a, struct store_request *out,
                        struct app_whys *why, struct df_err *err)
{
    struct store_request r;
    struct store_event ev;
    if (why)
        why->n = 0;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_request_get(s, id, a, &r, err) < 0)
        goto fail;
    if (!who->person || strcmp(who->person, r.from) != 0) {
        refuse_act(s, &r, who->person, false, "only the requester proposes a time: the "
                                              "addressee chooses one when accepting", err);
        goto fail;
    }
    if (strcmp(r.status, "pending") != 0) {
        df_err_set(err, DF_ERR_CONFLICT, "the request is %s; its time is no longer proposed",
                   r.status);
        df_err_code(err, "request_status", "status", r.status, NULL);
        goto fail;
    }
    if (slot && (store_event_get(s, r.event, a, &ev, err) < 0 ||
                 check_proposal(s, &ev, &r, slot, who->now, a, why, err) < 0))
        goto fail;
    const char *detail = slot ? arena_printf(a, "slot %s", slot) : "cleared";
    if (!detail) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory proposing a time");
        goto fail;
    }
    if (propose_and_commit(s, who->person, "request.propose", id, slot, detail, a, out, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

int app_request_proposals(struct store *s, const struct store_request *const *rs, int n,
                          const char *viewer, long long now, struct arena *a,
                          struct app_request_proposal *ps, struct df_err *err)
{
    /* the slots judged on the heap: only what each says goes into a */
    struct app_request_slot *ss = calloc((size_t)n + 1, sizeof *ss);
    int *of = calloc((size_t)n + 1, sizeof *of);
    int rc = -1;
    if (!ss || !of) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a proposed time");
        goto out;
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
        memset(ps + i, 0, sizeof ps[i]);
        /* an answer ends it */
        if (rs[i]->proposed_slot && strcmp(rs[i]->status, "pending") == 0) {
            ss[m] = (struct app_request_slot){.request = rs[i], .slot = rs[i]->proposed_slot,
                                              .viewer = viewer};
            of[m++] = i;
        }
    }
    if (app_requests_slot_states(s, ss, m, now, a, err) < 0)
        goto out;
    /* a slot taken, begun or no longer of its event stays, not free, with why */
    for (int j = 0; j < m; j++)
        ps[of[j]] = (struct app_request_proposal){.at = ss[j].at, .free = ss[j].state == 0,
                                                  .reason = ss[j].why, .whys = ss[j].whys};
    rc = 0;
out:
    free(ss);
    free(of);
    return rc;
}

int app_request_proposal(struct store *s, const struct store_request *r, const char *viewer,
                         long long now, struct arena *a, struct app_request_proposal *p,
                         struct df_err *err)
{
    if (app_request_proposals(s, &r, 1, viewer, now, a, p, err) < 0)
        return -1;
    return p->at.slot ? 0 : 1;
}

/* Whether out->request's free times at event ev are to be read: 1, or 0
 * with out->reason saying why none (before publication, not pending). */
static int times_to_read(const struct store_event *ev, struct arena *a,
                         struct app_request_time_list *out)
{
    const struct store_request *r = &out->request;
    out->published = ev->published_at != NULL;
    if ((out->reason = not_theirs_to_place(ev)))
        return 0;
    if (strcmp(r->status, "pending") != 0) {
        out->reason = arena_printf(a, "the request is %s", r->status);
        return 0;
    }
    return 1;
}

/* The free times f found into out, with the reason when there are none. */
static void times_said(struct app_request_time_list *out, const struct app_request_free *f)
{
    out->times = f->times;
    out->times_n = f->times_n;
    if (f->to_come == 0)
        out->reason = ALL_BEGUN;
    else if (out->times_n == 0)
        out->reason = "no time to come has every one of its people, a table and, if they "
                      "need one, an interpreter free";
}

/* out->request's free times at `now` into out, with the reason when there
 * are none: 0, or -1 with err. */
static int read_times(struct store *s, long long now, struct arena *a,
                      struct app_request_time_list *out, struct df_err *err)
{
    struct app_request_free f = {.request = &out->request};
    if (app_requests_free_times(s, &f, 1, now, APP_REQUEST_TIMES_MAX, a, err) < 0)
        return -1;
    times_said(out, &f);
    return 0;
}

/* out->request's free times at event ev at `now` into out, or the reason
 * there are none: 0, or -1 with err. */
static int list_times(struct store *s, const struct store_event *ev, long long now,
                      struct arena *a, struct app_request_time_list *out, struct df_err *err)
{
    return times_to_read(ev, a, out) ? read_times(s, now, a, out, err) : 0;
}

/* The checks of app_request_times before its free times are read: its
 * request into out, the caller one of its people. 1 when the times are to
 * be read, 0 when out->reason says why none, -1 with err. */
static int times_wanted(struct store *s, const struct app_request_actor *who, const char *id,
                        struct arena *a, struct app_request_time_list *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    struct store_event ev;
    if (store_request_get(s, id, a, &out->request, err) < 0)
        return -1;
    const struct store_request *r = &out->request;
    if (!who->person || (strcmp(who->person, r->from) != 0 && strcmp(who->person, r->to) != 0))
        return refuse_act(s, r, who->person, false,
                          "only its requester and addressee choose its time", err);
    if (store_event_get(s, r->event, a, &ev, err) < 0)
        return -1;
    return times_to_read(&ev, a, out);
}

int app_request_times(struct store *s, const struct app_request_actor *who, const char *id,
                      struct arena *a, struct app_request_time_list *out, struct df_err *err)
{
    int want = times_wanted(s, who, id, a, out, err);
    return want <= 0 ? want : read_times(s, who->now, a, out, err);
}

/* The ids of the pending requests a person received, in a. */
struct received_ids {
    const char *me;
    const char **ids;
    int n, cap;
    struct arena *a;
    int oom;
};

static int on_received(void *ud, const struct store_web_request *w)
{
    struct received_ids *k = ud;
    if (strcmp(w->r.to, k->me) != 0)
        return 0;
    if (k->n == k->cap) {
        int cap = k->cap ? 2 * k->cap : 16;
        const char **ids = arena_alloc(k->a, (size_t)cap * sizeof *ids);
        if (!ids)
            return k->oom = 1;
        if (k->n)
            memcpy(ids, k->ids, (size_t)k->n * sizeof *ids);
        k->ids = ids;
        k->cap = cap;
    }
    if (!(k->ids[k->n] = arena_strdup(k->a, w->r.id)))
        return k->oom = 1;
    k->n++;
    return 0;
}

int app_request_times_received(struct store *s, const struct app_request_actor *who,
                               struct arena *a, struct app_request_time_list **out, int *n,
                               struct df_err *err)
{
    *out = NULL;
    *n = 0;
    if (!who->person)
        return df_err_set(err, DF_ERR_FORBIDDEN, "only participants receive meeting requests");
    struct received_ids k = {.me = who->person, .a = a};
    struct store_web_request_query q = {.person = who->person, .status = "pending",
                                        .limit = -1};
    if (store_web_request_page(s, &q, on_received, &k, NULL, err) != 0)
        return -1;
    struct app_request_time_list *list = arena_alloc(a, ((size_t)k.n + 1) * sizeof *list);
    struct app_request_free *fs = arena_alloc(a, ((size_t)k.n + 1) * sizeof *fs);
    int *of = arena_alloc(a, ((size_t)k.n + 1) * sizeof *of);
    if (k.oom || !list || !fs || !of)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory listing free times");
    int m = 0;
    for (int i = 0; i < k.n; i++) {
        int want = times_wanted(s, who, k.ids[i], a, list + i, err);
        if (want < 0)
            return -1;
        if (want) {
            fs[m] = (struct app_request_free){.request = &list[i].request};
            of[m++] = i;
        }
    }
    if (app_requests_free_times(s, fs, m, who->now, APP_REQUEST_TIMES_MAX, a, err) < 0)
        return -1;
    for (int j = 0; j < m; j++)
        times_said(list + of[j], fs + j);
    *out = list;
    *n = k.n;
    return 0;
}

int app_pair_times(struct store *s, const struct app_request_actor *who, const char *event,
                   const char *to, struct arena *a, struct app_request_time_list *out,
                   struct df_err *err)
{
    memset(out, 0, sizeof *out);
    struct store_event ev;
    if (!who->person)
        return df_err_set(err, DF_ERR_FORBIDDEN, "only participants send meeting requests");
    if (store_event_get(s, event, a, &ev, err) < 0 || app_person_known(s, to, err) < 0)
        return -1;
    if (strcmp(who->person, to) == 0)
        return same_person(to, err);
    /* the request she may send: no id, no attendees, nothing to skip */
    out->request = (struct store_request){.id = "", .event = ev.id, .from = who->person,
                                          .to = to, .status = "pending"};
    return list_times(s, &ev, who->now, a, out, err);
}

int app_request_accept_at(struct store *s, const struct app_request_actor *who, const char *id,
                          const char *slot, struct arena *a, struct store_request *out,
                          struct app_move_place *at, struct app_whys *why,
                          struct df_err *err)
{
    struct store_request r;
    struct store_event ev;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_request_get(s, id, a, &r, err) < 0 ||
        check_answer(s, who, &r, APP_REQUEST_ACCEPT, err) < 0 ||
        store_event_get(s, r.event, a, &ev, err) < 0)
        goto fail;
    const char *not_yet = not_theirs_to_place(&ev);
    if (not_yet) {
        df_err_set(err, DF_ERR_CONFLICT, "%s: accept without a slot", not_yet);
        df_err_code(err, "not_published", NULL);
        goto fail;
    }
    /* placed while pending (its people and table checked), accepted below */
    if (app_request_place(s, &r, slot, who->person, who->now, a, at, why, err) < 0)
        goto fail;
    const char *place = arena_printf(a, "in slot %s at %s", at->slot, at->location);
    if (!place) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory accepting a request");
        goto fail;
    }
    if (request_apply(s, who, &r, APP_REQUEST_ACCEPT, NULL, place, false, false, a, err) < 0 ||
        store_commit(s, err) < 0)
        goto fail;
    return store_request_get(s, id, a, out, err);
fail:
    store_rollback(s);
    return -1;
}
