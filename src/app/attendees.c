/* A request's attendees added and taken off (see attendees.h). Each change
 * is one IMMEDIATE transaction, so two adds cannot both pass the cap. */
#include "app/attendees.h"

#include <stdio.h>
#include <string.h>

#include "app/mail.h"
#include "app/move.h"

/* How who stands to request r: which side's people she may bring or take
 * off (her organisation's), or all of both (an organiser). */
struct standing {
    bool organiser;           /* acts as an organiser: both sides' people */
    const char *org;          /* else the organisation whose people she may bring */
    bool attendee;            /* one of its attendees (not a party) */
    const char *actor;        /* the audit line's name: her person, an organiser's login */
    const char *by;           /* the person her mail names as who did it; NULL organisers */
};

/* who's standing to r into *st, reading the parties' people into *from
 * and *to: 0, or -1 with err DF_ERR_NOT_FOUND for who is none of its
 * people nor an organiser (as for an id that is none). */
static int standing_of(struct store *s, const struct app_request_actor *who,
                       const struct store_request *r, struct arena *a, struct store_person *from,
                       struct store_person *to, struct standing *st, struct df_err *err)
{
    memset(st, 0, sizeof *st);
    if (store_person_get(s, r->from, a, from, err) < 0 ||
        store_person_get(s, r->to, a, to, err) < 0)
        return -1;
    bool is_from = who->person && strcmp(who->person, r->from) == 0;
    bool is_to = who->person && strcmp(who->person, r->to) == 0;
    /* a party acts as that party even when an organiser, so its mail names her */
    if (is_from || is_to) {
        st->org = is_from ? from->org : to->org;
        st->actor = st->by = who->person;
        return 0;
    }
    if (who->organiser) {
        st->organiser = true;
        st->actor = who->login ? who->login : "organiser";
        return 0;
    }
    int att = who->person ? store_request_is_attendee(s, r->id, who->person, err) : 0;
    if (att < 0)
        return -1;
    if (!att)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\"", r->id);
    st->attendee = true;
    st->actor = st->by = who->person;
    return 0;
}

/* Whether st may bring (or take off) a person of organisation org, one of
 * r's parties' (from, to) organisations. */
static bool may_bring(const struct standing *st, const struct store_person *from,
                      const struct store_person *to, const char *org)
{
    if (st->organiser)
        return strcmp(org, from->org) == 0 || strcmp(org, to->org) == 0;
    return st->org && strcmp(org, st->org) == 0;
}

static int check_status(const struct store_request *r, struct df_err *err)
{
    if (strcmp(r->status, "pending") == 0 || strcmp(r->status, "accepted") == 0)
        return 0;
    df_err_set(err, DF_ERR_CONFLICT, "the request is %s: its attendees no longer change",
               r->status);
    return df_err_code(err, "request_status", "status", r->status, NULL);
}

/* Queues the mail of kind ("attendee", "attendee_off") to person about
 * request r (from, to its parties), by_person (NULL: the organisers) the
 * one who did it: which meeting, whom she joins, its time when published.
 * Nothing when she gets no mail. -1 with err. */
static int mail_her(struct store *s, const struct store_request *r, const char *kind,
                    const struct store_person *her, const struct store_person *from,
                    const struct store_person *to, const char *by_person, struct arena *a,
                    struct df_err *err)
{
    struct app_mail_to mt;
    int goes = app_mail_to_get(s, her->id, a, &mt, err);
    if (goes <= 0)
        return goes;
    struct store_event ev;
    struct store_person by;
    if (store_event_get(s, r->event, a, &ev, err) < 0 ||
        (by_person && store_person_get(s, by_person, a, &by, err) < 0))
        return -1;
    /* she joins her own organisation's party (the requester's when both are) */
    bool joins_from = strcmp(her->org, from->org) == 0;
    const struct store_person *side = joins_from ? from : to, *other = joins_from ? to : from;
    struct app_mail_facts f = {
        .kind = kind, .other = other->name, .joins = side->name,
        .other_org = app_mail_org_name(s, other->org, mt.lang, a, err),
        .joins_org = app_mail_org_name(s, side->org, mt.lang, a, err),
        .by = by_person ? by.name : NULL, .event = app_mail_event_name(&ev, mt.lang),
        .timezone = ev.timezone, .pending = strcmp(r->status, "pending") == 0};
    if (!f.other_org || !f.joins_org)
        return -1;
    struct store_meeting m;
    struct df_err none = {0};
    /* a time only once the agendas are published: before, it may move */
    if (ev.published_at && store_meeting_of_request(s, r->id, a, &m, &none) == 0) {
        f.starts_at = m.starts_at;
        f.ends_at = m.ends_at;
        f.table = m.location_name;
        f.video_url = m.video_url;
    } else if (none.kind && none.kind != DF_ERR_NOT_FOUND) {
        *err = none;
        return -1;
    }
    return app_mail_queue(s, &mt, &f, a, err);
}

/* Whether r's meeting is one its people's changes are judged at once: r
 * accepted at a published event (before, the next schedule run places
 * them all, interpreters too). 1 yes, 0 no, -1 with err. */
static int is_placed_now(struct store *s, const struct store_request *r, struct arena *a,
                         struct df_err *err)
{
    if (strcmp(r->status, "accepted") != 0)
        return 0;   /* a pending request has no meeting yet */
    struct store_event ev;
    if (store_event_get(s, r->event, a, &ev, err) < 0)
        return -1;
    return ev.published_at != NULL;
}

/* Whether person her, just added to r's attendees, is free at r's meeting
 * when it is placed at a published event at now, and an interpreter booked
 * when she shares no language with the others, as an accept's placing
 * books one (app_meeting_interpreter_fit): 0 (or no such meeting), -1 with
 * err (DF_ERR_CONFLICT naming what is in the way, as said to viewer, each
 * thing in why). */
static int check_free(struct store *s, const struct store_request *r,
                      const struct store_person *her, const char *viewer, long long now,
                      struct arena *a, struct app_whys *why, struct df_err *err)
{
    int placed = is_placed_now(s, r, a, err);
    if (placed <= 0)
        return placed;
    const char *words;
    struct df_err none = {0};
    int rc = app_meeting_person_fits(s, r->id, her->id, viewer, now, a, &words, why, &none);
    if (rc == 0)
        rc = app_meeting_interpreter_fit(s, r->id, her->id, now, a, &words, why, &none);
    if (rc < 0 && none.kind == DF_ERR_NOT_FOUND)
        return 0;   /* no meeting yet: the run that places it counts her */
    if (rc < 0) {
        *err = none;
        return -1;
    }
    if (rc > 0)
        return df_err_set(err, DF_ERR_CONFLICT, "%s cannot join the meeting: %s", her->name,
                          words);
    return 0;
}

/* After someone left r's meeting: its interpreter let go when its people
 * now share a language, one of the pair they now need booked when theirs
 * serves another (app_meeting_interpreter_fit); none free: the removal
 * stands, and why (may be NULL) says the meeting lacks one. 0, -1 with err. */
static int fit_interpreter(struct store *s, const struct store_request *r, long long now,
                           struct arena *a, struct app_whys *why, struct df_err *err)
{
    int placed = is_placed_now(s, r, a, err);
    if (placed <= 0)
        return placed;
    const char *words;
    struct df_err none = {0};
    if (app_meeting_interpreter_fit(s, r->id, NULL, now, a, &words, why, &none) < 0 &&
        none.kind != DF_ERR_NOT_FOUND) {
        *err = none;
        return -1;
    }
    return 0;
}

/* In the caller's transaction: person joins request r (its parties from
 * and to) as st brings her, checked (attendee.h's rules) and added, its
 * meeting's SEQUENCE raised; *her read. Said to viewer at now when she is
 * not free. 1 when she joins it already and twice_ok (nothing done), 0
 * added, -1 with err. */
static int join(struct store *s, const struct store_request *r, const struct store_person *from,
                const struct store_person *to, const struct standing *st, const char *person,
                bool twice_ok, const char *viewer, long long now, struct arena *a,
                struct store_person *her, struct app_whys *why, struct df_err *err)
{
    if (check_status(r, err) < 0 || app_person_known(s, person, err) < 0 ||
        store_person_get(s, person, a, her, err) < 0)
        return -1;
    if (strcmp(person, r->from) == 0 || strcmp(person, r->to) == 0) {
        df_err_set(err, DF_ERR_INPUT, "%s is a party to the request, not a colleague to add",
                   her->name);
        return df_err_code(err, "attendee_party", "person", her->name, "field", "person", NULL);
    }
    if (!may_bring(st, from, to, her->org)) {
        df_err_set(err, DF_ERR_INPUT, st->organiser
                       ? "%s is of neither organisation of the request"
                       : "%s is not of your organisation: each side brings its own colleagues",
                   her->name);
        return df_err_code(err, "attendee_org", "person", her->name, "field", "person", NULL);
    }
    int n = store_request_is_attendee(s, r->id, person, err);
    if (n < 0)
        return -1;
    if (n && twice_ok)
        return 1;
    if (n) {
        df_err_set(err, DF_ERR_CONFLICT, "%s joins the meeting already", her->name);
        return df_err_code(err, "attendee_twice", "person", her->name, NULL);
    }
    if ((n = store_request_attendees_n(s, r->id, err)) < 0)
        return -1;
    if (n >= APP_ATTENDEES_MAX) {
        df_err_set(err, DF_ERR_CONFLICT, "the meeting has %d colleagues already, the most a "
                   "table seats besides its two people", n);
        return df_err_code(err, "attendee_cap", "n", DF_NUM(n), NULL);
    }
    if (store_request_add_attendee(s, r->id, person, err) < 0 ||
        check_free(s, r, her, viewer, now, a, why, err) < 0)
        return -1;
    return store_meeting_bump(s, r->id, err);
}

int app_attendee_add(struct store *s, const struct app_request_actor *who, const char *id,
                     const char *person, struct arena *a, struct store_request *out,
                     struct app_whys *why, struct df_err *err)
{
    struct store_request r;
    struct store_person from, to, her;
    struct standing st;
    if (why)
        why->n = 0;
    if (store_begin(s, err) < 0)
        return -1;
    if (store_request_get(s, id, a, &r, err) < 0 ||
        standing_of(s, who, &r, a, &from, &to, &st, err) < 0)
        goto fail;
    if (st.attendee) {
        df_err_set(err, DF_ERR_FORBIDDEN, "an attendee may take herself off a meeting, not "
                                          "bring others to it");
        goto fail;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "person %.128s", person);
    if (join(s, &r, &from, &to, &st, person, false, st.organiser ? NULL : who->person, who->now,
             a, &her, why, err) < 0 ||
        mail_her(s, &r, "attendee", &her, &from, &to, st.by, a, err) < 0 ||
        store_audit(s, st.actor, "request.attendee_add", "request", id, detail, err) < 0 ||
        store_request_get(s, id, a, out, err) < 0 || store_commit(s, err) < 0)
        goto fail;
    return 0;
fail:
    store_rollback(s);
    return -1;
}

int app_attendees_import(struct store *s, const char *id, const char *list, long long now,
                         struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct store_request r;
    struct store_person from, to, her;
    /* an import is the organisers': either organisation's people */
    const struct standing st = {.organiser = true};
    int rc = -1;
    if (store_request_get(s, id, &a, &r, err) < 0 ||
        store_person_get(s, r.from, &a, &from, err) < 0 ||
        store_person_get(s, r.to, &a, &to, err) < 0)
        goto out;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ";");
        char one[129];
        const char *b = p, *e = p + n;
        while (b < e && (*b == ' ' || *b == '\t'))
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        p += n + (p[n] == ';');
        if (b == e)
            continue;
        if ((size_t)(e - b) >= sizeof one) {
            df_err_set(err, DF_ERR_INPUT, "attendees: \"%.40s...\" is longer than an id",
                       b);
            goto out;
        }
        snprintf(one, sizeof one, "%.*s", (int)(e - b), b);
        struct app_whys why = {.n = 0};
        if (join(s, &r, &from, &to, &st, one, true, NULL, now, &a, &her, &why, err) < 0) {
            if (err->kind == DF_ERR_NOT_FOUND)
                err->kind = DF_ERR_INPUT;   /* a file's row names her */
            df_err_prefix(err, "attendees");
            goto out;
        }
    }
    rc = 0;
out:
    arena_free(&a);
    return rc;
}

int app_attendee_remove_in(struct store *s, const struct app_request_actor *who, const char *id,
                           const char *person, bool tell_her, struct arena *a,
                           struct app_whys *warn, struct df_err *err)
{
    struct store_request r;
    struct store_person from, to, her;
    struct standing st;
    if (warn)
        warn->n = 0;
    if (store_request_get(s, id, a, &r, err) < 0 ||
        standing_of(s, who, &r, a, &from, &to, &st, err) < 0)
        return -1;
    int is = store_request_is_attendee(s, id, person, err);
    if (is < 0)
        return -1;
    if (!is)
        return df_err_set(err, DF_ERR_NOT_FOUND, "\"%.128s\" is not an attendee of the request",
                          person);
    if (store_person_get(s, person, a, &her, err) < 0)
        return -1;
    bool herself = who->person && strcmp(who->person, person) == 0;
    /* organisers take anyone off; each side its own organisation's people */
    if (!herself && !st.organiser && !may_bring(&st, &from, &to, her.org))
        return df_err_set(err, DF_ERR_FORBIDDEN, st.attendee
                              ? "an attendee may take herself off a meeting, not others"
                              : "%s is not of your organisation: her own side takes her off",
                          her.name);
    if (check_status(&r, err) < 0)
        return -1;
    char detail[160];
    snprintf(detail, sizeof detail, "person %.128s%s", person, herself ? " (herself)" : "");
    if (store_request_remove_attendee(s, id, person, err) < 0 ||
        store_meeting_bump(s, id, err) < 0 ||
        fit_interpreter(s, &r, who->now, a, warn, err) < 0 ||
        (!herself && tell_her &&
         mail_her(s, &r, "attendee_off", &her, &from, &to, st.by, a, err) < 0) ||
        store_audit(s, herself ? person : st.actor, "request.attendee_remove", "request", id,
                    detail, err) < 0)
        return -1;
    return 0;
}

int app_attendee_remove(struct store *s, const struct app_request_actor *who, const char *id,
                        const char *person, struct arena *a, struct store_request *out,
                        struct app_whys *warn, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    if (app_attendee_remove_in(s, who, id, person, true, a, warn, err) < 0 ||
        store_request_get(s, id, a, out, err) < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}
