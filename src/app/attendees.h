/* Colleagues who join a meeting: a request's attendees, added and taken
 * off by its people and the organisers (POST and DELETE
 * /requests/{id}/attendees), with the forum's rules (each side brings its
 * own organisation's people, a table's seats cap them, a placed meeting at
 * a published event takes only a colleague free then) and the mail that
 * tells her. The scheduler, agendas, calendars and threads read them
 * already (request_attendees). */
#ifndef DFNC_APP_ATTENDEES_H
#define DFNC_APP_ATTENDEES_H

#include "app/requests.h"

/* The most attendees a request takes: a B2B table seats about six, its
 * two parties and four colleagues. */
enum { APP_ATTENDEES_MAX = 4 };

/* who adds person to request id's attendees, in one transaction. Who may:
 * its requester people of her organisation, its addressee people of hers,
 * an organiser people of either. DF_ERR_NOT_FOUND (no such request, or who
 * is none of its people nor an organiser: as if it were not there; person
 * unknown or erased), DF_ERR_FORBIDDEN (one of its attendees: she may only
 * take herself off), DF_ERR_INPUT (person is its requester or addressee:
 * code attendee_party; not of the organisation(s) who may bring her:
 * attendee_org), DF_ERR_CONFLICT (the request neither pending nor accepted:
 * request_status; she joins it already: attendee_twice; APP_ATTENDEES_MAX
 * reached: attendee_cap; its meeting is placed at a published event and
 * she is not free then at who->now: what is in the way in why, as the
 * moves say it to who->person). Done: its meeting's calendar SEQUENCE
 * raised (her name is now on it), an audit line "request.attendee_add",
 * and her mail ("attendee") when she gets mail. *out the request after. */
int app_attendee_add(struct store *s, const struct app_request_actor *who, const char *id,
                     const char *person, struct arena *a, struct store_request *out,
                     struct app_whys *why, struct df_err *err);

/* who takes person off request id's attendees, in one transaction: the
 * attendee herself ("I won't come"), its requester people of her
 * organisation, its addressee people of hers, an organiser anyone.
 * DF_ERR_NOT_FOUND as app_attendee_add, and for a person who is not one
 * of its attendees; DF_ERR_FORBIDDEN (one of its people who may not take
 * her off); DF_ERR_CONFLICT (neither pending nor accepted: request_status).
 * Done: its meeting's SEQUENCE raised, an audit line
 * "request.attendee_remove", and her mail ("attendee_off") when someone
 * else took her off. At a published event its interpreter follows the
 * people left, as app_meeting_interpreter_fit says: let go when they share
 * a language, one of the pair they now need booked when theirs serves
 * another; when none is free she is taken off all the same and warn (may
 * be NULL; emptied first) says so by code no_interpreter_free (pair),
 * for the desk to find one. *out the request after. */
int app_attendee_remove(struct store *s, const struct app_request_actor *who, const char *id,
                        const char *person, struct arena *a, struct store_request *out,
                        struct app_whys *warn, struct df_err *err);

/* app_attendee_remove in the caller's transaction (a day given up,
 * app/dayoff.h), without reading the request after; tell_her false leaves
 * her own mail, when someone else takes her off, to the caller (the day
 * off's one mail a person). */
int app_attendee_remove_in(struct store *s, const struct app_request_actor *who, const char *id,
                           const char *person, bool tell_her, struct arena *a,
                           struct app_whys *warn, struct df_err *err);

/* In the caller's transaction (`dfnc import requests`' attendees column):
 * each person of list (ids separated by ";", blanks around them ignored)
 * joins request id as an organiser brings her, checked as app_attendee_add
 * checks (free at a published meeting's time at now), those who join it
 * already kept as they are; no mail, no audit line (the import writes its
 * own). -1 with err (DF_ERR_INPUT for a person unknown or erased: the
 * file's), prefixed "attendees". */
int app_attendees_import(struct store *s, const char *id, const char *list, long long now,
                         struct df_err *err);

#endif
