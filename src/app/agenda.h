/* A person's agenda as JSON, iCalendar or text: what the CLI (`dfnc agenda`),
 * the HTTP API (/api/v1/me/agenda, .ics and the private feed) all serve. */
#ifndef DFNC_APP_AGENDA_H
#define DFNC_APP_AGENDA_H

#include <jansson.h>
#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

/* Appends a JSON array to out: [{"id","request","event","start","end","timezone",
 * "location","message","sequence","locked","published","people":[{"id","name",
 * "organisation","organisation_name","country"}],"interpreter"}], in time order.
 * start and end are the event's wall clock with its offset, timezone its zone;
 * published is false while the event's agendas are not (the meeting may still
 * move). DF_ERR_NOT_FOUND for an unknown person. */
int app_agenda_json(struct store *s, const char *person, struct buf *out, struct df_err *err);
/* Appends a JSON array to out of the person's meetings that left the agenda
 * (their request cancelled, declined or made pending again, or left out by a
 * later run) and were not placed again, at their last time and table: each
 * as app_agenda_json gives one, with "withdrawn": true, "status" (the
 * request's now: "cancelled", "declined", "pending", or "accepted": waiting
 * for a new slot), "cancelled_by" ("requester", "addressee", "organiser" or
 * null) and "withdrawn_at" (UTC); no interpreter or session. In time order;
 * DF_ERR_NOT_FOUND for an unknown person. */
int app_agenda_cancelled_json(struct store *s, const char *person, struct buf *out,
                              struct df_err *err);
/* Appends an iCalendar (RFC 5545) of the same meetings to out: each in its
 * event's zone, TENTATIVE until the event is published (ics.h); then each
 * meeting withdrawn from the agenda (cancelled, or left out by a later run)
 * or that she was taken off as a colleague attending it, as CANCELLED, its
 * SEQUENCE raised and "Cancelled: " before its summary, so that a calendar
 * holding it from an earlier file or fetch marks it so. With programme, then
 * the talks and breaks of the events of her calendar and of event (NULL:
 * none; the forum's, app_forum_event, which the programme page shows her),
 * each an entry of its own (UID "session-ID@dfnc", CONFIRMED, its place and
 * the venue as LOCATION, its event's name, "On the forum's programme" and
 * its description as DESCRIPTION), and those removed from the programme as
 * CANCELLED the same way (store_programme_calendar_each). */
int app_agenda_ics(struct store *s, const char *person, const char *event, bool programme,
                   struct buf *out, struct df_err *err);
/* Appends a plain-text agenda (one line a meeting, "(provisional)" at the end of
 * an unpublished one's; the zone after the times when there are several) to out. */
int app_agenda_text(struct store *s, const char *person, struct buf *out, struct df_err *err);

/* person's agenda on paper at event (io/agenda_pdf.h), added to d from a new
 * page: her meetings there in time order, with the event's talks and breaks
 * (its sessions not of B2B meetings) of the days she has meetings between
 * them, marked as the programme's, in her language (the one her mail is in:
 * app_person_language), once the event's agendas are published (an
 * unpublished one's meetings are left out: the caller refuses it). A person
 * without a meeting there gets a page saying so (no programme), or none when
 * skip_empty. *meetings (talks not counted) and *pages get how many. 0, or -1 with err (DF_ERR_NOT_FOUND
 * for an unknown person). */
struct agenda_pdf;
int app_agenda_pdf_add(struct store *s, const char *person, const struct store_event *event,
                       bool skip_empty, struct agenda_pdf *d, int *meetings, int *pages,
                       struct df_err *err);

/* {"person", "people": [{"id","name","title","organisation",
 * "organisation_name","organisation_name_uk","country","website",
 * "description","description_uk","event_name","start"}]}: the people person
 * met (store_met_each), by name, each with their organisation's profile and
 * their first meeting's event and start; what the contacts file holds. A new
 * reference, or NULL with err (DF_ERR_NOT_FOUND for an unknown person).
 * now: the caller's clock, Unix seconds (which meetings have begun). */
json_t *app_met_json(struct store *s, const char *person, int64_t now, struct df_err *err);

/* Appends to out a vCard 4.0 file (RFC 6350) of the people person met
 * (store_met_each: of other organisations, at meetings begun by now and
 * that nobody said did not take place), one card each with their name,
 * title, organisation, its website, their languages and a note naming the
 * event and the day and time of their first meeting. No e-mail address: a
 * participant sees only her own. *cards gets how many. 0, or -1 with err. */
int app_contacts_vcard(struct store *s, const char *person, int64_t now, struct buf *out,
                       int *cards, struct df_err *err);

#endif
