/* iCalendar (RFC 5545) agendas through libical: one VEVENT per meeting with a
 * stable UID and a SEQUENCE that rises when the meeting moves, times in the
 * event's time zone with its VTIMEZONE, so calendar apps place them right. */
#ifndef DFNC_IO_ICS_H
#define DFNC_IO_ICS_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

struct ics_event {
    const char *uid;          /* stable across re-schedules: "meeting-id@dfnc" */
    const char *summary, *description, *location;
    const char *start, *end;  /* ISO 8601 with offset: "2027-02-16T10:40:00+01:00" */
    int sequence;
};

/* Whether tzid is a zone ics_write_calendar can write: one of libical's
 * built-in (IANA) zones such as "Europe/Kyiv". */
bool ics_timezone_is_known(const char *tzid);

/* Appends a VCALENDAR (METHOD:PUBLISH) holding the events to out. tzid is an
 * IANA zone such as "Europe/Brussels": DTSTART/DTEND carry TZID=tzid and the
 * calendar carries its VTIMEZONE. calname names the calendar in apps. */
int ics_write_calendar(struct buf *out, const char *calname, const char *tzid,
                       const struct ics_event *events, int events_n, struct df_err *err);

#endif
