/* Reading the forum's programme from CSV files (`dfnc import events` and
 * `dfnc import sessions`): each row becomes an edit of its event, saved by
 * app_event_apply inside the import's transaction, so that a file is checked
 * as PUT /api/v1/events checks a body and tells what an API change tells (the
 * meetings it moved or unscheduled; each published one moved is a note for
 * the organiser). The row functions are registered in app/import.c's kinds
 * table, which runs the transaction and adds FILE:LINE. */
#ifndef DFNC_APP_PROGRAMME_IMPORT_H
#define DFNC_APP_PROGRAMME_IMPORT_H

#include "app/import.h"

/* id,name,starts_on,ends_on required; venue, timezone, request_cap, name_uk,
 * venue_uk optional (a column left out keeps the stored value; one present
 * and empty means none, or for timezone and request_cap the stored value,
 * and Europe/Brussels and 20 for a new event); published_at is read by no
 * one (publishing is its own act). */
extern const char *const app_event_columns[];
int app_event_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                  int *added, struct app_import_result *res, struct df_err *err);

/* event,id,day,start,end,kind,name required; name_uk, slot_minutes,
 * slot_pause, slots optional. A b2b session is cut into slots of
 * slot_minutes with slot_pause between them from start to end (the
 * event's wall clock, HH:MM), as the console cuts them; slots, when given,
 * names them in time order (`;`-separated ids), else each stored slot's id
 * goes to the new slot that takes its place (the console's rule). The
 * session's slots are those and no others. */
extern const char *const app_session_columns[];
int app_session_row(struct store *s, const struct csv_reader *r, const struct csv_row *row,
                    int *added, struct app_import_result *res, struct df_err *err);

#endif
