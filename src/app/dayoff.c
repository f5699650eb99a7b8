/* A day given up in one step (app/dayoff.h): her meetings of the day read
 * from her agenda, each given up by the single action's own code in one
 * transaction under one mail watch, then her slots of the day marked away;
 * a dry run rolls it all back after reading what it did. */
#include "app/dayoff.h"

#include <stdlib.h>
#include <string.h>

#include "app/attendees.h"
#include "app/availability.h"
#include "app/forum_day.h"
#include "app/mail_meetings.h"
#include "core/date.h"
#include "core/grow.h"
#include "store/agenda.h"
#include "store/mail.h"

/* Her meetings of the day, as her agenda's rows walk them. */
struct day_walk {
    const char *person, *event, *day;
    long long now;
    struct arena *a;
    struct app_dayoff *out;
    int cancelled_cap, left_cap, kept_cap;
    const char *last;   /* the meeting of the last row seen: one entry a meeting */
    int oom;
};

static int add_meeting(struct day_walk *w, struct app_dayoff_meeting **v, int *n, int *cap,
                       const struct store_agenda_row *row, const char *as)
{
    if (df_grow((void **)v, cap, *n, sizeof **v) < 0)
        return w->oom = 1;
    (*v)[(*n)++] = (struct app_dayoff_meeting){
        .request = arena_strdup(w->a, row->request),
        .starts_at = arena_strdup(w->a, row->starts_at),
        .ends_at = arena_strdup(w->a, row->ends_at),
        .table = row->location ? arena_strdup(w->a, row->location) : NULL, .as = as};
    const struct app_dayoff_meeting *m = &(*v)[*n - 1];
    w->oom |= !m->request || !m->starts_at || !m->ends_at || (row->location && !m->table);
    return w->oom;
}

static int on_row(void *ud, const struct store_agenda_row *row)
{
    struct day_walk *w = ud;
    /* a slot's start carries its event's offset: its first ten are its day there */
    if (strcmp(row->event, w->event) != 0 || strncmp(row->starts_at, w->day, 10) != 0 ||
        (w->last && strcmp(w->last, row->meeting) == 0))
        return 0;
    if (!(w->last = arena_strdup(w->a, row->meeting)))
        return w->oom = 1;
    struct app_dayoff *o = w->out;
    long long at;
    if (!date_time_instant(row->starts_at, &at) || at <= w->now)
        return add_meeting(w, &o->kept, &o->kept_n, &w->kept_cap, row,
                           row->attending ? "attendee" : "party");
    if (row->attending)
        return add_meeting(w, &o->left, &o->left_n, &w->left_cap, row, "attendee");
    return add_meeting(w, &o->cancelled, &o->cancelled_n, &w->cancelled_cap, row, "party");
}

/* m's role and the party she meets, read from its request (for person). */
static int name_partner(struct store *s, const char *person, struct app_dayoff_meeting *m,
                        struct arena *a, struct df_err *err)
{
    struct store_request r;
    struct store_person her, from, with;
    if (store_request_get(s, m->request, a, &r, err) < 0)
        return -1;
    const char *other;
    if (strcmp(m->as, "attendee") != 0) {
        bool is_from = strcmp(r.from, person) == 0;
        if (is_from || strcmp(r.to, person) == 0)
            m->as = is_from ? "requester" : "addressee";
        else
            m->as = "attendee";
    }
    if (strcmp(m->as, "attendee") != 0) {
        other = strcmp(m->as, "requester") == 0 ? r.to : r.from;
    } else {
        /* she sits on her organisation's side (the requester's when both) */
        if (store_person_get(s, person, a, &her, err) < 0 ||
            store_person_get(s, r.from, a, &from, err) < 0)
            return -1;
        other = strcmp(her.org, from.org) == 0 ? r.to : r.from;
    }
    if (store_person_get(s, other, a, &with, err) < 0)
        return -1;
    m->with = with.id;
    m->with_name = with.name;
    return 0;
}

/* Checks day: a day of event ev, today or later in its zone at now. */
static int check_day(const struct store_event *ev, const char *day, long long now,
                     struct df_err *err)
{
    char today[11];
    app_forum_day_in(ev->timezone, now, today);
    /* ISO dates compare as text */
    if (date_is_valid(day) && strcmp(day, ev->starts_on) >= 0 && strcmp(day, ev->ends_on) <= 0 &&
        strcmp(day, today) >= 0)
        return 0;
    df_err_set(err, DF_ERR_INPUT,
               "day \"%.32s\" is not a day of the forum (%s to %s) from today (%s) on", day,
               ev->starts_on, ev->ends_on, today);
    return df_err_code(err, "day_off_day", "day", day, "from", ev->starts_on, "to", ev->ends_on,
                       "field", "day", NULL);
}

/* Her away slots now, with those of the day not begun at now added:
 * app_availability_replace's list; *added how many were not away. */
static int away_with_day(struct store *s, const char *person, const char *event, const char *day,
                         long long now, struct arena *a, const char ***list, int *n,
                         int *added, struct df_err *err)
{
    struct app_availability av;
    if (app_availability_get(s, person, event, a, &av, err) < 0)
        return -1;
    const char **v = arena_alloc(a, (size_t)(av.slots_n ? av.slots_n : 1) * sizeof *v);
    if (!v)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    *n = *added = 0;
    for (int i = 0; i < av.slots_n; i++) {
        const struct app_avail_slot *x = &av.slots[i];
        long long at;
        bool to_come = strcmp(x->day, day) == 0 && date_time_instant(x->starts_at, &at) &&
                       at > now;
        if (!x->available || to_come)
            v[(*n)++] = x->id;
        *added += x->available && to_come;
    }
    *list = v;
    return 0;
}

/* The work in the open transaction. */
static int give_up(struct store *s, const struct app_request_actor *who, struct app_dayoff *o,
                   struct arena *a, struct df_err *err)
{
    struct day_walk w = {.person = o->person, .event = o->event, .day = o->day,
                         .now = who->now, .a = a, .out = o};
    int rc = store_agenda_each(s, o->person, on_row, &w, err);
    /* the lists grew by malloc: kept in a from here, as *o says */
    struct app_dayoff_meeting **grown[] = {&o->cancelled, &o->left, &o->kept};
    int counts[] = {o->cancelled_n, o->left_n, o->kept_n};
    for (int l = 0; l < 3; l++) {
        struct app_dayoff_meeting *v = *grown[l];
        *grown[l] = counts[l] ? arena_alloc(a, (size_t)counts[l] * sizeof *v) : NULL;
        if (counts[l] && *grown[l])
            memcpy(*grown[l], v, (size_t)counts[l] * sizeof *v);
        w.oom |= counts[l] && !*grown[l];
        free(v);
    }
    if (rc > 0 || w.oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the day's meetings");
    if (rc < 0)
        return -1;
    struct app_dayoff_meeting *lists[] = {o->cancelled, o->left, o->kept};
    int ns[] = {o->cancelled_n, o->left_n, o->kept_n};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < ns[l]; i++)
            if (name_partner(s, o->person, &lists[l][i], a, err) < 0)
                return -1;
    struct app_mail_watch *mw;
    int64_t mark = store_mail_mark(s, err);
    if (mark < 0 || app_mail_watch_begin(s, o->event, NULL, &mw, err) < 0)
        return -1;
    bool watched = mw != NULL;
    for (int i = 0; i < o->cancelled_n; i++)
        if (app_request_cancel_in(s, who, o->cancelled[i].request, "day off", watched, a, err) < 0)
            goto fail;
    for (int i = 0; i < o->left_n; i++)
        /* the watch's one mail tells her, when the desk acts: not one more
         * a meeting (with no watch, before publication, each tells her) */
        if (app_attendee_remove_in(s, who, o->left[i].request, o->person, !watched, a,
                                   &o->left[i].warnings, err) < 0)
            goto fail;
    const char **away = NULL;
    int away_n = 0;
    enum app_avail_setter by = who->person ? APP_AVAIL_BY_PERSON : APP_AVAIL_BY_ORGANISER;
    if (away_with_day(s, o->person, o->event, o->day, who->now, a, &away, &away_n, &o->away_n,
                      err) < 0 ||
        (o->away_n > 0 &&
         app_availability_replace(s, who->login ? who->login : who->person, by, o->person,
                                  o->event, away, away_n, a, err) < 0))
        goto fail;
    if (app_mail_watch_end(s, mw, who->person ? APP_MAIL_BY_PERSON : APP_MAIL_BY_ORGANISERS,
                           who->person, NULL, err) < 0)
        return -1;
    int64_t told = store_mail_people_since(s, mark, err);   /* people, not mails */
    if (told < 0)
        return -1;
    o->mailed = (int)told;
    return 0;
fail:
    app_mail_watch_free(mw);
    return -1;
}

int app_dayoff(struct store *s, const struct app_request_actor *who, const char *person,
               const char *event, const char *day, bool dry_run, struct arena *a,
               struct app_dayoff *out, struct df_err *err)
{
    *out = (struct app_dayoff){.person = person, .day = day, .dry_run = dry_run};
    struct store_event ev;
    if (!event && !(event = app_forum_event(s, who->now, a, err)))
        return -1;
    if (store_begin(s, err) < 0)
        return -1;
    if (app_person_known(s, person, err) < 0 || store_event_get(s, event, a, &ev, err) < 0 ||
        check_day(&ev, day, who->now, err) < 0)
        goto fail;
    out->event = ev.id;
    out->person = arena_strdup(a, person);
    out->day = arena_strdup(a, day);   /* the caller's may go before *out */
    if (!out->person || !out->day) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto fail;
    }
    if (give_up(s, who, out, a, err) < 0)
        goto fail;
    /* a dry run has done it all to say what it would do: none of it stays */
    if (dry_run) {
        store_rollback(s);
        return 0;
    }
    if (store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}
