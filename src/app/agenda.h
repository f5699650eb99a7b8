/* A person's agenda as JSON, iCalendar or text: what the CLI (`dfnc agenda`),
 * the HTTP API (/api/v1/me/agenda, .ics and the private feed) all serve. */
#ifndef DFNC_APP_AGENDA_H
#define DFNC_APP_AGENDA_H

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

/* Appends a JSON array to out: [{"id","request","event","start","end","location",
 * "message","sequence","locked","people":[{"id","name","organisation",
 * "organisation_name","country"}]}], in time order. DF_ERR_NOT_FOUND for an
 * unknown person. */
int app_agenda_json(struct store *s, const char *person, struct buf *out, struct df_err *err);
/* Appends an iCalendar (RFC 5545) of the same meetings to out. */
int app_agenda_ics(struct store *s, const char *person, struct buf *out, struct df_err *err);
/* Appends a plain-text agenda (one line a meeting) to out. */
int app_agenda_text(struct store *s, const char *person, struct buf *out, struct df_err *err);

#endif
