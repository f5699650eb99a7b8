/* Scheduling a forum event from the store (see schedule.h): the accepted
 * requests become meetings of their people (sender, addressee and named
 * attendees), the event's b2b slots and tables the resources; the engine's
 * answer replaces the unlocked meetings in one transaction, what changed
 * while it solved merged in. The steps: schedule_load (read), schedule_build
 * (the engine's problem), schedule_merge (what changed), schedule_place (the
 * late ones placed), schedule_report. */
#include "app/schedule.h"

#include "app/auth.h"
#include "app/forum_day.h"
#include "app/mail.h"
#include "app/mail_meetings.h"
#include "app/schedule_place.h"
#include "app/schedule_report.h"
#include "core/clock.h"
#include "core/log.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Why each request the run left out is out, and the run's figures and who
 * ran it, kept beside the schedule in the write transaction (the console
 * says them after a restart too): 0, or -1 with err. */
static int keep_run(struct store *s, const struct app_schedule_opts *o, const char *event,
                    const struct app_schedule_report *out, struct arena *a, struct df_err *err)
{
    size_t n = (size_t)out->unscheduled_n + 1;
    const char **req = arena_alloc(a, n * sizeof *req), **why = arena_alloc(a, n * sizeof *why),
               **code = arena_alloc(a, n * sizeof *code), **vals = arena_alloc(a, n * sizeof *vals);
    if (!req || !why || !code || !vals)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
    for (int i = 0; i < out->unscheduled_n; i++) {
        const struct app_why *y = &out->unscheduled[i].why;
        req[i] = out->unscheduled[i].request;
        why[i] = y->message;
        code[i] = y->code;
        /* its values as a JSON object, for a page to say it by code */
        json_t *v = json_object();
        for (int k = 0; v && k < y->values_n; k++)
            json_object_set_new(v, y->name[k], json_string(y->value[k]));
        char *text = v ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
        json_decref(v);
        vals[i] = text ? arena_strdup(a, text) : NULL;
        free(text);
        if (!vals[i])
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
    }
    struct store_schedule_run run = {
        .event = event, .via = o->via ? o->via : "cli", .ran_by = o->ran_by,
        .accepted = out->accepted, .scheduled = out->scheduled, .upper_bound = out->upper_bound,
        .breaks = out->breaks, .seconds = out->seconds, .unscheduled = out->unscheduled_n};
    if (store_unscheduled_reasons_replace(s, event, req, why, code, vals, out->unscheduled_n,
                                          err) < 0 ||
        (o->audit &&
         store_audit(s, o->ran_by, "event.schedule", "event", event, NULL, err) < 0))
        return -1;
    return store_schedule_run_replace(s, &run, err);
}

/* In the run's write transaction, before its figures are kept: the mail
 * of what it changed in the published agendas (watch, freed here) and the
 * mail of the request an accept or a booking left it to place. The
 * organisers' own run is theirs; an accept's or a booking's re-plans the
 * schedule around its meeting, which no one moved the others by hand. */
static int mail_run(struct store *s, const struct app_schedule_opts *o,
                    struct app_mail_watch *watch, struct arena *a, struct df_err *err)
{
    const struct store_request *r = o->mail_request;
    if (app_mail_watch_end(s, watch, r ? APP_MAIL_BY_RUN : APP_MAIL_BY_ORGANISERS, NULL,
                           r ? r->id : NULL, err) < 0)
        return -1;
    return r && o->mail_kind ? app_mail_on_request(s, r, o->mail_kind, a, err) : 0;
}

/* app_schedule_event's work, all of it in a, but the report, which is copied
 * into `into` before the write commits. */
static int schedule_in(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct arena *into, struct app_schedule_report *out, struct df_err *err)
{
    struct schedule_load l, now;
    struct schedule_build b;
    struct sched_solution sol;
    char msg[256];
    int rc = -1;
    bool in_tx = false;
    struct app_mail_watch *watch = NULL;
    memset(&sol, 0, sizeof sol);
    memset(out, 0, sizeof *out);
    /* no event named (the command line): the forum's event by the real clock */
    const char *event = o->event ? arena_strdup(a, o->event)
                                 : app_forum_event(s, (long long)time(NULL), a, err);
    if (!event)
        goto out;
    schedule_load_init(&l, a, event);
    struct store_event ev;
    if (store_event_get(s, l.event, a, &ev, err) < 0 || schedule_load_event(s, &l, err) < 0)
        goto out;
    struct schedule_load was = l;   /* as loaded: build changes l's requests and people */
    if (schedule_build_problem(s, &l, o->reschedule_locked, a, &b, err) < 0)
        goto out;
    if (schedule_build_close_begun(&b, ev.timezone, o->now, a) < 0 ||
        schedule_build_close_tables(&b, &l, ev.timezone, a) < 0)
        goto oom;
    struct schedule_load_req *reqs = b.reqs;
    int M = b.M, S = b.S, T = b.T;
    struct store_slot *slots = b.slots;
    struct store_location *tabs = b.tabs;

    out->event = l.event;
    out->accepted = M + b.kept_n;
    out->warnings = b.warnings;
    out->warnings_n = b.warnings_n;
    if (S == 0 || T == 0) {
        /* nothing to schedule into: every request waits, said plainly */
        out->unscheduled = arena_alloc(a, ((size_t)M + 1) * sizeof *out->unscheduled);
        if (!out->unscheduled)
            goto oom;
        for (int m = 0; m < M; m++) {
            out->unscheduled[m] = (struct app_unscheduled){
                .request = reqs[m].id,
                .why = S == 0 ? (struct app_why){.code = "no_b2b_slots",
                                                 .message = "the event has no b2b slots"}
                              : (struct app_why){.code = "no_tables",
                                                 .message = "the event has no tables"}};
        }
        out->unscheduled_n = M;
        out->scheduled = out->upper_bound = b.kept_n;
        if (store_begin(s, err) < 0)
            goto out;
        in_tx = true;
        if (mail_run(s, o, NULL, a, err) < 0 || keep_run(s, o, l.event, out, a, err) < 0 ||
            store_commit(s, err) < 0)
            goto out;
        in_tx = false;
        if (schedule_report_copy(out, into) < 0)
            goto oom;
        rc = 0;
        goto out;
    }
    b.p.seed = o->seed;
    b.p.max_moves = o->max_moves;
    b.p.time_limit = o->time_limit > 0 ? o->time_limit : 10.0;
    if (sched_solve(&b.p, &sol, msg, sizeof msg) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "scheduling %s: %s", l.event, msg);
        goto out;
    }
    out->scheduled = sol.scheduled + b.kept_n;
    out->upper_bound = sol.upper_bound + b.kept_n;
    out->breaks = sol.breaks;
    out->seconds = sol.seconds;
    out->unscheduled = arena_alloc(a, ((size_t)(M - sol.scheduled) + 1) * sizeof *out->unscheduled);
    if (!out->unscheduled)
        goto oom;
    for (int m = 0; m < M; m++)
        if (sol.slot[m] < 0) {
            struct app_unscheduled *u = &out->unscheduled[out->unscheduled_n++];
            u->request = reqs[m].id;
            if (schedule_report_reason(a, &sol, &b.ip, m, &u->why) < 0)
                goto oom;
        }

    /* the interpreter who joins each interpreted meeting; a locked meeting
     * whose interpreter is no longer free then (moved to another session, say)
     * keeps its place with none, and the organiser is told */
    const struct store_interpreter *ivs = l.interp.data;
    int *interp_of = arena_alloc(a, ((size_t)M + 1) * sizeof(int));
    if (!interp_of)
        goto oom;
    if (app_interpreting_assign(&b.ip, ivs, l.interp.n, slots, S, sol.slot, M, interp_of) < 0 ||
        schedule_build_warn_interpreters(a, &b, &sol, interp_of, NULL, out->warnings,
                                         &out->warnings_n) < 0)
        goto oom;

    if (o->before_write)
        o->before_write(s, o->before_write_ud);
    if (store_begin(s, err) < 0)
        goto out;
    in_tx = true;
    double tx_start = clock_seconds();
    /* the published meetings as they stand, for the mail of what the run changes */
    if (app_mail_watch_begin(s, l.event, NULL, &watch, err) < 0)
        goto out;
    /* The solve ran outside any transaction, for up to a minute, while
     * participants kept accepting (each accept placing its meeting at a
     * published event) or cancelling, and changed their availability or
     * languages. Read again inside the write transaction, which no one else
     * writes into until it commits, what changed is merged into the new
     * schedule: the meetings of requests cancelled or declined go, requests
     * accepted meanwhile are placed around it, and so are its own meetings
     * that no longer fit someone's availability, booth or languages. A change
     * the solve's schedule may not stand beside (a publication, which locks
     * meetings; a slot, table or interpreter changed; a request's attendees;
     * a published meeting moved) writes nothing: the caller may run again
     * (app_schedule_opts.retries). */
    schedule_load_init(&now, a, l.event);
    struct store_event ev_now;
    struct schedule_merge_people pn;
    struct schedule_merge_avail av;
    struct schedule_merge_late *late = NULL;
    int late_n = 0;
    bool people_changed = false;
    struct schedule_merge mg = {
        .now = &now, .pn = &pn, .av = &av, .ev = &ev, .merged = arena_alloc(a, (size_t)M + 1)};
    if (store_event_get(s, l.event, a, &ev_now, err) < 0 || schedule_load_event(s, &now, err) < 0 ||
        schedule_merge_people_load(s, a, &pn, err) < 0 ||
        schedule_merge_check(&was, &now, &b, &pn, ev.published_at, ev_now.published_at,
                             &people_changed, err) < 0)
        goto out;
    const struct schedule_load_mtg *nm = now.meets.data;
    if (!mg.merged || idmap_init(&mg.now_mix, a, (size_t)now.meets.n) < 0 ||
        schedule_merge_avail_init(&av, a, &b, &was, &now) < 0)
        goto oom;
    for (int i = 0; i < now.meets.n; i++)
        idmap_put(&mg.now_mix, nm[i].request, i);
    double merge_start = clock_seconds();   /* the store read again: what changed, merged */
    if (schedule_merge_find_late(&was, &now, &l.req_ix, &b, &sol, &mg.now_mix, a, &late, &late_n,
                                 err) < 0)
        goto out;
    struct schedule_report_still still = {.req_ix = &l.req_ix,
                                          .accepted = arena_alloc(a, (size_t)M + 1)};
    if (!still.accepted)
        goto oom;
    for (int m = 0; m < M; m++)
        still.accepted[m] = idmap_get(&now.req_ix, reqs[m].id) >= 0;
    for (int i = 0; i < late_n; i++)
        if (late[i].ours >= 0)
            mg.merged[late[i].ours] = 1;
    if (people_changed &&
        schedule_merge_find_displaced(&b, &sol, still.accepted, &mg, a, late, &late_n) < 0)
        goto oom;
    /* the late ones first: schedule_place_late may move more of the solve's own (and
     * gives the others their interpreters anew when languages changed) */
    if ((late_n || people_changed) &&
        schedule_place_late(s, o, &l, &b, &sol, interp_of, still.accepted, &now.req_ix, &mg, late,
                            &late_n, a, &out->warnings, &out->warnings_n, err) < 0)
        goto out;
    /* each placed meeting is updated where it stands, so that one that moved
     * raises its calendar SEQUENCE (store_meeting_upsert) and one that did
     * not keeps it; deleting and inserting them again would start every one
     * at 0 */
    double merge_ms = 1000 * (clock_seconds() - merge_start);
    int gone = 0;
    for (int m = 0; m < M; m++) {
        if (!still.accepted[m]) {
            gone++;   /* its meeting, if it had one, goes below */
            continue;
        }
        if (mg.merged[m])
            continue;   /* placed by schedule_place_late */
        if (sol.slot[m] < 0) {
            /* no slot: an unlocked meeting, or a locked one the organiser
             * released (reschedule_locked), that no longer fits; a locked
             * one stays where it is */
            if (b.lslot[m] < 0 && store_meeting_delete_for_request(s, reqs[m].id, err) < 0)
                goto out;
            continue;
        }
        char room[APP_TOKEN_LEN];   /* a new video room, for an online one without */
        app_token_new(room);
        struct store_meeting mt = {.id = reqs[m].id, .request = reqs[m].id,
                                   .slot = slots[sol.slot[m]].id,
                                   .location = sol.table[m] >= 0 ? tabs[sol.table[m]].id : NULL,
                                   .video_room = room,
                                   .interpreter = interp_of[m] >= 0 ? ivs[interp_of[m]].id : NULL,
                                   /* once the agendas are published, a meeting
                                      placed since (an accept) is as final as
                                      the others: it reads "published" */
                                   .locked = b.lslot[m] >= 0 || ev.published_at != NULL};
        if (store_meeting_upsert(s, &mt, err) < 0)
            goto out;
    }
    /* meetings of requests no longer accepted, whenever they stopped being */
    if (store_meeting_clear_unaccepted(s, l.event, err) < 0)
        goto out;
    /* the report, in the caller's arena, before the commit: running out of
     * memory for it writes nothing, rather than answer an error for a
     * schedule that was written */
    if (gone)
        schedule_report_forget_gone(out, &still, sol.slot, M);
    if (late_n && schedule_report_late(a, &b, late, late_n, out) < 0)
        goto oom;
    if (schedule_report_copy(out, into) < 0) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reporting the schedule: nothing was "
                                        "written");
        goto out;
    }
    int mailed = mail_run(s, o, watch, a, err);   /* frees watch */
    watch = NULL;
    if (mailed < 0 || keep_run(s, o, l.event, out, a, err) < 0 || store_commit(s, err) < 0)
        goto out;
    in_tx = false;
    /* how long everyone else waited for the write (the merge's share) */
    double write_ms = 1000 * (clock_seconds() - tx_start);
    /* the meetings held online as written, read after the write lets the
     * others go: the run is written, so a read that fails says nothing */
    struct store_schedule_since since = {.video_service = true};
    struct df_err quiet = {0};
    if (store_schedule_since_get(s, l.event, &since, &quiet) < 0)
        since = (struct store_schedule_since){.video_service = true};
    out->online = since.online;
    out->video_service = since.video_service;
    if (late_n || people_changed)
        log_msg(LOG_INFO, "event=schedule_merged schedule=\"%s\" requests=%d accepted=%d "
                          "displaced=%d kept=%d moved=%d placed=%d unscheduled=%d "
                          "people_changed=%d merge_ms=%.1f write_ms=%.1f", l.event, late_n,
                out->late_accepted, out->late_displaced, out->late_kept, out->late_moved,
                out->late_placed, out->late_unscheduled, people_changed, merge_ms, write_ms);
    else
        log_msg(LOG_INFO, "event=schedule_written schedule=\"%s\" meetings=%d merge_ms=%.1f "
                          "write_ms=%.1f", l.event, out->scheduled, merge_ms, write_ms);
    if (out->warnings_n)
        log_msg(LOG_WARN, "event=schedule_warnings schedule=\"%s\" meetings=%d", l.event,
                out->warnings_n);
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory scheduling");
out:
    app_mail_watch_free(watch);
    if (in_tx)
        store_rollback(s);
    sched_solution_free(&sol);
    return rc;
}

/* The most a schedule run may take for its own data: the event, its people's
 * meetings by slot, the solver's problem. A 5,000-person forum with 15,000
 * accepted meetings takes about 10 MB; the cap only stops a runaway. It is
 * its own arena, not the caller's: an HTTP request's is capped at 8 MiB,
 * which a forum of some 4,000 people outgrew. */
#define SCHEDULE_WORK_MAX ((size_t)1 << 30)

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    struct arena work;
    arena_init(&work, SCHEDULE_WORK_MAX);
    int rc = schedule_in(s, o, &work, a, out, err);
    for (int again = 0; rc < 0 && err->kind == DF_ERR_CONFLICT && again < o->retries; again++) {
        arena_free(&work);
        arena_init(&work, SCHEDULE_WORK_MAX);
        *err = (struct df_err){0};
        rc = schedule_in(s, o, &work, a, out, err);
    }
    if (rc < 0)
        memset(out, 0, sizeof *out);   /* nothing pointing into the freed run */
    arena_free(&work);
    return rc;
}
