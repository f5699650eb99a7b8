/* What meetings led to, as each of their people says (migration 22): one
 * outcome per person and meeting, kept by the meeting's request. */
#ifndef DFNC_STORE_OUTCOMES_H
#define DFNC_STORE_OUTCOMES_H

#include "store/store.h"

/* Whether person is one of the people of request's meeting: the requester,
 * the addressee or an attendee of an accepted request. */
enum store_attendance {
    STORE_NOT_THEIRS,       /* no such request or person, or not one of its people */
    STORE_NOT_SCHEDULED,    /* theirs and accepted, but it has no meeting now */
    STORE_ATTENDS,          /* theirs, with a meeting that has begun by now */
    STORE_NOT_BEGUN,        /* theirs, with a meeting that has not begun by now */
};
/* One of the above, or -1 with err; now is the caller's clock (Unix
 * seconds: the forum's in the server). */
int store_outcome_attendance(struct store *s, const char *request, const char *person,
                             int64_t now, struct df_err *err);

/* How many meetings of event (accepted requests placed in a slot) have
 * begun by now (Unix seconds, as store_outcome_attendance), or -1 with err. */
int store_outcome_begun_n(struct store *s, const char *event, int64_t now, struct df_err *err);

/* Sets person's outcome of request's meeting (replacing theirs), the note ""
 * for none. */
int store_outcome_set(struct store *s, const char *request, const char *person,
                      const char *outcome, const char *note, struct df_err *err);
/* Removes it: 1 when there was one, 0 when not, -1 with err. */
int store_outcome_remove(struct store *s, const char *request, const char *person,
                         struct df_err *err);

struct store_outcome {
    const char *request, *outcome, *note, *updated_at;
    const char *person;   /* whose it is */
};
typedef int (*store_outcome_fn)(void *ud, const struct store_outcome *o);
/* person's outcomes of the meetings they have now, by request id; a non-zero
 * return from fn stops the walk and is returned. */
int store_outcome_each(struct store *s, const char *person, store_outcome_fn fn, void *ud,
                       struct df_err *err);

/* Every outcome said of a meeting there is now, of any event, by request
 * then person: what the meetings export shows beside each side. A non-zero
 * return from fn stops the walk and is returned. */
int store_outcome_each_meeting(struct store *s, store_outcome_fn fn, void *ud,
                               struct df_err *err);

/* One partner a person met at an event, for the organisers' follow-up list:
 * a row per person of a meeting, meeting and other person of it from
 * another organisation. */
struct store_follow_up {
    const char *person, *name, *email, *org_name, *country, *ui_language, *checked_in_at;
    const char *languages;   /* what person speaks, like "uk;en" */
    const char *request;
    const char *partner, *partner_name, *partner_email, *partner_org_name;
    const char *outcome;   /* what person said it led to, or NULL */
    bool not_held;         /* one of its people said it did not take place */
};
typedef int (*store_follow_up_fn)(void *ud, const struct store_follow_up *f);
/* The event's meetings' people with their partners, by person's name and id,
 * then the meeting's start and the partner's name. A person whose meetings
 * had nobody of another organisation still comes, once, partner NULL. A
 * person erased (her meetings held stay) comes only as a partner, nameless
 * ("Erased participant", no address): nobody writes to her.
 * DF_ERR_NOT_FOUND for an unknown event; fn's non-zero return stops the walk
 * and is returned. */
int store_follow_up_each(struct store *s, const char *event, store_follow_up_fn fn, void *ud,
                         struct df_err *err);

#endif
