/* Interpreters given on the day: the published meetings still to come that
 * have none, with the languages of their people, which interpreter is taken
 * in which slot, and a meeting given one. */
#ifndef DFNC_STORE_INTERPRETING_H
#define DFNC_STORE_INTERPRETING_H

#include "store/store.h"

/* One person of a published (locked) meeting of an accepted request whose
 * slot starts after now (the caller's clock, Unix seconds) and which has no
 * interpreter: the rows of a meeting come together, meetings nearest first
 * (by the instant their slot starts), then by request id; people by id.
 * languages "" when not known. */
struct store_uninterpreted {
    const char *request, *slot, *session, *starts_at, *person, *languages;
};
typedef int (*store_uninterpreted_fn)(void *ud, const struct store_uninterpreted *x);
/* A non-zero return from fn stops the walk and is returned. */
int store_uninterpreted_each(struct store *s, const char *event, int64_t now,
                             store_uninterpreted_fn fn, void *ud, struct df_err *err);

/* Each interpreter of event taken by a meeting, with that meeting's slot. */
typedef int (*store_interpreter_taken_fn)(void *ud, const char *slot, const char *interpreter);
int store_interpreter_taken_each(struct store *s, const char *event,
                                 store_interpreter_taken_fn fn, void *ud, struct df_err *err);

/* The meeting of request gets interpreter (an id of its event) and its
 * calendar SEQUENCE rises, so that calendars show who joins. */
int store_meeting_give_interpreter(struct store *s, const char *request, const char *interpreter,
                                   struct df_err *err);

#endif
