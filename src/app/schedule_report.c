/* A schedule run's report (see schedule_report.h). */
#include "app/schedule_report.h"

#include "core/log.h"

#include <string.h>

void schedule_report_forget_gone(struct app_schedule_report *out,
                                 const struct schedule_report_still *k, const int *slot, int M)
{
    int n = 0;
    for (int m = 0; m < M; m++)
        if (!k->accepted[m]) {
            out->accepted--;
            out->scheduled -= slot[m] >= 0;
            n++;
        }
    if (out->upper_bound > out->accepted)
        out->upper_bound = out->accepted;
    int j = 0;
    for (int i = 0; i < out->unscheduled_n; i++) {
        int m = idmap_get(k->req_ix, out->unscheduled[i].request);
        if (m < 0 || k->accepted[m])
            out->unscheduled[j++] = out->unscheduled[i];
    }
    out->unscheduled_n = j;
    j = 0;
    for (int i = 0; i < out->warnings_n; i++) {
        int m = idmap_get(k->req_ix, out->warnings[i].request);
        if (m < 0 || k->accepted[m])
            out->warnings[j++] = out->warnings[i];
    }
    out->warnings_n = j;
    log_msg(LOG_INFO, "event=schedule_requests_gone schedule=\"%s\" requests=%d", out->event, n);
}

/* The code of the engine's reason r (struct app_unscheduled's). */
static const char *reason_code(enum sched_reason r)
{
    switch (r) {
    case SCHED_R_NO_COMMON_SLOT: return "no_common_slot";
    case SCHED_R_PEOPLE_BUSY: return "people_busy";
    case SCHED_R_TABLES_FULL: return "tables_full";
    case SCHED_R_INTERPRETER: return "no_interpreter_left";
    case SCHED_R_PRECEDENCE: return "precedence";
    case SCHED_R_NONE: break;
    }
    return "unknown";
}

int schedule_report_reason(struct arena *a, const struct sched_solution *sol,
                           const struct app_interpreting *ip, int m, struct app_why *why)
{
    enum sched_reason r = (enum sched_reason)sol->reason[m];
    *why = (struct app_why){.code = reason_code(r), .message = sched_reason_name(r)};
    if (r == SCHED_R_INTERPRETER && ip->meet_pair[m] >= 0) {
        const char *pair = ip->pair_name[ip->meet_pair[m]];
        why->name[why->values_n] = "pair";
        why->value[why->values_n++] = pair;
        why->message =
            arena_printf(a, "no %s interpreter left in the common free slots", pair);
    }
    int lo = sol->reason_lo[m], hi = sol->reason_hi[m];
    if (why->message && r != SCHED_R_NO_COMMON_SLOT && lo >= 0) {
        const char *slots = lo == hi ? arena_printf(a, "%d", lo + 1)
                                     : arena_printf(a, "%d-%d", lo + 1, hi + 1);
        why->name[why->values_n] = "slots";
        why->value[why->values_n++] = slots;
        why->message = slots ? arena_printf(a, "%s (slot%s %s)", why->message,
                                            lo == hi ? "" : "s", slots)
                             : NULL;
    }
    return why->message ? 0 : -1;
}

int schedule_report_late(struct arena *a, const struct schedule_build *b,
                         const struct schedule_merge_late *late, int late_n,
                         struct app_schedule_report *out)
{
    struct app_unscheduled *u =
        arena_alloc(a, ((size_t)out->unscheduled_n + (size_t)late_n + 1) * sizeof *u);
    out->late = arena_alloc(a, ((size_t)late_n + 1) * sizeof *out->late);
    if (!u || !out->late)
        return -1;
    int un = 0;
    for (int i = 0; i < out->unscheduled_n; i++) {
        bool said = false;
        for (int j = 0; j < late_n && !said; j++)
            said = late[j].ours >= 0 &&
                   (late[j].slot >= 0 || strcmp(late[j].cause, "placed_meanwhile") != 0) &&
                   strcmp(late[j].req->id, out->unscheduled[i].request) == 0;
        if (!said)
            u[un++] = out->unscheduled[i];
    }
    for (int i = 0; i < late_n; i++) {
        const struct schedule_merge_late *x = late + i;
        bool placed = x->slot >= 0;
        /* the solve's placed ones count as scheduled already */
        out->scheduled += x->solved ? -!placed : placed;
        if (x->ours < 0) {
            out->accepted++;
            out->late_accepted++;
            out->upper_bound++;
        }
        bool own_reason = x->ours < 0 || strcmp(x->cause, "placed_meanwhile") != 0;
        if (!placed && own_reason)
            u[un++] = (struct app_unscheduled){.request = x->req->id, .why = x->why};
        const char *slot = placed ? b->slots[x->slot].id : NULL;
        const char *table = placed && x->table >= 0 ? b->tabs[x->table].id : NULL; /* online */
        bool stayed = placed && x->had && idmap_str_same(x->had->slot, slot) &&
                      idmap_str_same(x->had->location, table);
        out->late_unscheduled += !placed;
        out->late_placed += placed && !x->had;
        out->late_kept += stayed;
        out->late_moved += placed && x->had && !stayed;
        out->late_displaced += x->ours >= 0 && strcmp(x->cause, "placed_meanwhile") != 0;
        out->late[i] = (struct app_schedule_late){
            .request = x->req->id, .slot = slot, .table = table, .cause = x->cause,
            .reason = placed ? NULL : own_reason ? x->why.message : NULL,
            .outcome = !placed ? "unscheduled" : !x->had ? "placed" : stayed ? "kept" : "moved"};
    }
    out->late_n = late_n;
    out->unscheduled = u;
    out->unscheduled_n = un;
    if (out->upper_bound < out->scheduled)
        out->upper_bound = out->scheduled;
    if (out->upper_bound > out->accepted)
        out->upper_bound = out->accepted;
    return 0;
}

/* A copy of s in a (NULL stays NULL); false when out of memory. */
static bool copy_str(struct arena *a, const char **s)
{
    return !*s || (*s = arena_strdup(a, *s)) != NULL;
}

int schedule_report_copy(struct app_schedule_report *r, struct arena *a)
{
    struct app_unscheduled *u = arena_alloc(a, ((size_t)r->unscheduled_n + 1) * sizeof *u);
    struct app_schedule_warning *w =
        arena_alloc(a, ((size_t)r->warnings_n + 1) * sizeof *w);
    struct app_schedule_late *l = arena_alloc(a, ((size_t)r->late_n + 1) * sizeof *l);
    if (!u || !w || !l || !copy_str(a, &r->event))
        return -1;
    for (int i = 0; i < r->late_n; i++) {
        l[i] = r->late[i];
        if (!copy_str(a, &l[i].request) || !copy_str(a, &l[i].slot) ||
            !copy_str(a, &l[i].table) || !copy_str(a, &l[i].reason))
            return -1;   /* outcome and cause: string constants */
    }
    for (int i = 0; i < r->unscheduled_n; i++) {
        u[i] = r->unscheduled[i];
        if (!copy_str(a, &u[i].request) || !copy_str(a, &u[i].why.message))
            return -1;   /* code and names: string constants */
        for (int v = 0; v < u[i].why.values_n; v++)
            if (!copy_str(a, &u[i].why.value[v]))
                return -1;
    }
    for (int i = 0; i < r->warnings_n; i++) {
        w[i] = r->warnings[i];
        if (!copy_str(a, &w[i].request) || !copy_str(a, &w[i].warning))
            return -1;
    }
    r->unscheduled = u;
    r->warnings = w;
    r->late = l;
    return 0;
}

json_t *app_schedule_late_json(const struct app_schedule_report *r)
{
    json_t *list = json_array();
    for (int i = 0; i < r->late_n; i++) {
        const struct app_schedule_late *x = r->late + i;
        json_t *one = json_pack("{ss ss ss? ss? ss}", "request", x->request, "outcome",
                                x->outcome, "slot", x->slot, "table", x->table, "cause",
                                x->cause);
        if (x->reason)
            json_object_set_new(one, "reason", json_string(x->reason));
        json_array_append_new(list, one);
    }
    return json_pack("{si si si si si si so}", "accepted", r->late_accepted, "displaced",
                     r->late_displaced, "kept", r->late_kept, "moved", r->late_moved, "placed",
                     r->late_placed, "unscheduled", r->late_unscheduled, "requests", list);
}
