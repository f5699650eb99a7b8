/* Taking items back out of an event's programme: a session with its slots, a
 * location, an interpreter. Nothing published is lost: a session or location
 * where a published (locked) meeting sits is refused, and so are a session an
 * interpreter works only in and a booth someone hosts at. Meetings not yet
 * published there are removed: the next schedule run places them again. Each
 * runs inside the caller's transaction. */
#ifndef DFNC_STORE_PROGRAMME_H
#define DFNC_STORE_PROGRAMME_H

#include "store/store.h"

/* *unscheduled gets the number of unpublished meetings removed. Errors:
 * DF_ERR_NOT_FOUND (no such session in that event), DF_ERR_CONFLICT. */
int store_session_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                         struct df_err *err);
int store_location_remove(struct store *s, const char *event, const char *id, int *unscheduled,
                          struct df_err *err);
/* A slot of session (not of an event: the NOT_FOUND names the session) with
 * the unpublished meetings in it, and the people's "away" marks of it;
 * DF_ERR_CONFLICT while a published meeting sits in it. */
int store_slot_remove(struct store *s, const char *session, const char *id, int *unscheduled,
                      struct df_err *err);
/* The published (locked) meetings in the slots of session id, if it is a
 * session of event (0 when it is not, or is new), -1 on error: a session
 * where they sit stays a b2b session, since a break or a talk would take
 * their slot from under them. */
int store_session_published_n(struct store *s, const char *event, const char *id,
                              struct df_err *err);

/* Meetings the interpreter joined keep their slot without one (their
 * SEQUENCE is raised, so calendars update); *orphaned counts them. */
int store_interpreter_remove(struct store *s, const char *event, const char *id, int *orphaned,
                             struct df_err *err);

#endif
