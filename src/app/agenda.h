/* A person's agenda as JSON, iCalendar or text: what the CLI (`dfnc agenda`),
 * the HTTP API (/api/v1/me/agenda, .ics and the private feed) all serve. */
#ifndef DFNC_APP_AGENDA_H
#define DFNC_APP_AGENDA_H

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
/* Appends an iCalendar (RFC 5545) of the same meetings to out: each in its
 * event's zone, TENTATIVE until the event is published (ics.h); then each
 * meeting withdrawn from the agenda (cancelled, or left out by a later run)
 * as CANCELLED, its SEQUENCE raised and "Cancelled: " before its summary, so
 * that a calendar holding it from an earlier file or fetch marks it so. */
int app_agenda_ics(struct store *s, const char *person, struct buf *out, struct df_err *err);
/* Appends a plain-text agenda (one line a meeting, "(provisional)" at the end of
 * an unpublished one's; the zone after the times when there are several) to out. */
int app_agenda_text(struct store *s, const char *person, struct buf *out, struct df_err *err);

#endif
