/* iCalendar (RFC 5545) agendas through libical: one VEVENT per meeting with a
 * stable UID and a SEQUENCE that rises when the meeting moves or is confirmed,
 * times in its own event's time zone with that zone's VTIMEZONE, so calendar
 * apps place them right even when a person's events lie in several zones. */
#ifndef DFNC_IO_ICS_H
#define DFNC_IO_ICS_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

struct ics_event {
    const char *uid;          /* stable across re-schedules: "meeting-id@dfnc" */
    const char *summary, *description, *location;
    const char *start, *end;  /* ISO 8601 with offset: "2027-02-16T10:40:00+01:00" */
    const char *tzid;         /* the IANA zone start and end are in: "Europe/Brussels" */
    int sequence;
    bool tentative;           /* not published yet: STATUS:TENTATIVE, else CONFIRMED */
    bool cancelled;           /* withdrawn from the agenda: STATUS:CANCELLED, whatever tentative */
};

/* Whether tzid is a zone ics_write_calendar can write: one of libical's
 * built-in (IANA) zones such as "Europe/Kyiv". */
bool ics_timezone_is_known(const char *tzid);

/* A programme time in its event's zone: the wall-clock digits of iso
 * ("YYYY-MM-DDTHH:MM[:SS]", what follows them ignored) read in zone tzid,
 * written to out as "YYYY-MM-DDTHH:MM:SS+HH:MM" with the zone's UTC offset
 * at that time, the instant (seconds since 1970 UTC) in *utc unless NULL.
 * This is the time calendars show (DTSTART;TZID=tzid), so JSON and the
 * order of meetings agree with them. -1 for an unknown zone or a bad time. */
int ics_zoned_time(const char *tzid, const char *iso, char out[32], long long *utc);

/* The calendar day ("YYYY-MM-DD") in zone tzid at instant utc (seconds since
 * 1970 UTC) into out: "today" where an event is (Europe/Kyiv's day begins two
 * or three hours before UTC's, America/New_York's four or five after). -1 for
 * an unknown zone. */
int ics_zone_day(const char *tzid, long long utc, char out[11]);

/* The wall clock ("YYYY-MM-DDTHH:MM:SS") in zone tzid at instant utc into
 * out: when a link stops working, as the event's people read their clocks
 * there. -1 for an unknown zone. */
int ics_zone_wall_time(const char *tzid, long long utc, char out[20]);

/* Appends a VCALENDAR (METHOD:PUBLISH) holding the events to out. Each event's
 * DTSTART/DTEND carry TZID=its tzid, and the calendar carries one VTIMEZONE per
 * zone used, in order of first use. X-WR-TIMEZONE (the zone Apple and Google
 * calendars give the whole calendar) is written only when every event is in
 * the same zone: with several, none is the calendar's, and naming one would
 * invite clients to show the others' times in it. calname names the calendar
 * in apps. DF_ERR_INPUT for a zone libical does not know. */
int ics_write_calendar(struct buf *out, const char *calname, const struct ics_event *events,
                       int events_n, struct df_err *err);

#endif
