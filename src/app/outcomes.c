/* What meetings led to (app/outcomes.h). */
#include "app/outcomes.h"
#include "app/report.h"

#include <string.h>

#include "core/country.h"
#include "core/utf8.h"
#include "store/outcomes.h"

const char *const app_outcomes[APP_OUTCOMES_N] = {
    "not_held",       /* the meeting did not take place */
    "no_fit",         /* met; no fit for now */
    "follow_up",      /* a next step agreed: a call, a visit, samples, a demonstration */
    "joint_project",  /* a joint project, a consortium or a joint bid planned */
    "purchase",       /* a purchase or supply under discussion */
    "agreement",      /* an NDA, MoU or contract signed or agreed */
};

int app_outcome_index(const char *code)
{
    for (int i = 0; i < APP_OUTCOMES_N; i++)
        if (code && strcmp(code, app_outcomes[i]) == 0)
            return i;
    return -1;
}

int app_outcome_kind_check(const char *outcome, struct df_err *err)
{
    if (app_outcome_index(outcome) >= 0)
        return 0;
    return df_err_set(err, DF_ERR_INPUT,
                      "outcome \"%.40s\" is not one of not_held, no_fit, follow_up, "
                      "joint_project, purchase, agreement",
                      outcome ? outcome : "");
}

int app_outcome_note_check(const char *note, struct df_err *err)
{
    if (note && strlen(note) > APP_OUTCOME_NOTE_MAX)
        return df_err_set(err, DF_ERR_INPUT, "note is longer than %d bytes",
                          APP_OUTCOME_NOTE_MAX);
    return utf8_text_check("note", note, err);
}

static int check_input(const char *outcome, const char *note, struct df_err *err)
{
    return app_outcome_kind_check(outcome, err) < 0 || app_outcome_note_check(note, err) < 0
               ? -1
               : 0;
}

/* That person may speak of request's meeting now: one of its people, and it
 * has a meeting that has begun by now. 0, -1 with err, or
 * APP_OUTCOME_NOT_BEGUN. */
static int check_attends(struct store *s, const char *person, const char *request,
                         int64_t now, struct df_err *err)
{
    int at = store_outcome_attendance(s, request, person, now, err);
    if (at < 0)
        return -1;
    if (at == STORE_NOT_THEIRS)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no meeting of yours for request \"%.128s\"",
                          request);
    if (at == STORE_NOT_SCHEDULED) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "request \"%.128s\" has no meeting in the agendas (not scheduled yet, or "
                   "removed): an outcome is said of a meeting",
                   request);
        df_err_code(err, "no_meeting", NULL);
        return -1;
    }
    if (at == STORE_NOT_BEGUN) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "the meeting of request \"%.128s\" has not begun yet: say what it led to "
                   "once it has",
                   request);
        return APP_OUTCOME_NOT_BEGUN;
    }
    return 0;
}

int app_outcome_set(struct store *s, const char *actor, const char *person, const char *request,
                    const char *outcome, const char *note, int64_t now, struct df_err *err)
{
    if (check_input(outcome, note, err) < 0 || store_begin(s, err) < 0)
        return -1;
    int may = check_attends(s, person, request, now, err);
    if (may < 0) {
        store_rollback(s);
        return may;
    }
    if (store_outcome_set(s, request, person, outcome, note, err) < 0 ||
        store_audit(s, actor, "outcome.set", "request", request, outcome, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

int app_outcome_remove(struct store *s, const char *actor, const char *person,
                       const char *request, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    int gone = store_outcome_remove(s, request, person, err);
    if (gone == 0)
        df_err_set(err, DF_ERR_NOT_FOUND, "you have said no outcome of request \"%.128s\"",
                   request);
    if (gone <= 0 || store_audit(s, actor, "outcome.remove", "request", request, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

static int add_outcome(void *ud, const struct store_outcome *o)
{
    json_t *j = json_pack("{ss ss ss ss}", "request", o->request, "outcome", o->outcome, "note",
                          o->note ? o->note : "", "updated_at", o->updated_at);
    return j && json_array_append_new(ud, j) == 0 ? 0 : -1;
}

json_t *app_outcomes_of(struct store *s, const char *person, struct df_err *err)
{
    json_t *list = json_array();
    int rc = list ? store_outcome_each(s, person, add_outcome, list, err) : -1;
    if (rc != 0) {
        if (rc > 0 || !list)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing outcomes");
        json_decref(list);
        return NULL;
    }
    json_t *j = json_pack("{ss so}", "person", person, "outcomes", list);
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing outcomes");
    return j;
}

void app_outcome_tally_add(struct app_outcome_tally *t, const struct app_outcome_count *c)
{
    if (!c->outcome) {
        t->meetings += c->meetings;
        t->reported += c->reported;
        return;
    }
    int i = app_outcome_index(c->outcome);
    if (i >= 0)   /* the schema allows no other */
        t->by_outcome[i] += c->meetings;
}

json_t *app_outcome_figures(struct store *s, const char *event, struct df_err *err)
{
    struct {
        struct app_outcome_tally all, eu_ua;
    } f = {0};
    if (app_report_outcome_tallies(s, event, &f.all, &f.eu_ua, err) != 0)
        return NULL;
    json_t *list = json_array();
    for (int i = 0; list && i < APP_OUTCOMES_N; i++)
        if (json_array_append_new(list, json_pack("{ss sI sI}", "outcome", app_outcomes[i],
                                                  "meetings", (json_int_t)f.all.by_outcome[i],
                                                  "eu_ua",
                                                  (json_int_t)f.eu_ua.by_outcome[i])) < 0) {
            json_decref(list);
            list = NULL;
        }
    json_t *j = list ? json_pack("{ss sI sI s{sI sI} so}", "event", event, "meetings",
                                 (json_int_t)f.all.meetings, "reported", (json_int_t)f.all.reported,
                                 "eu_ua", "meetings", (json_int_t)f.eu_ua.meetings, "reported",
                                 (json_int_t)f.eu_ua.reported, "outcomes", list)
                     : NULL;
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory counting outcomes");
    return j;
}
