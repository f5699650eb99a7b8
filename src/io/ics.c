/* iCalendar writing (see ics.h). */
#include "io/ics.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

/* The rules of Central European Time since 1996 (EU summer time: last Sunday of
 * March to last Sunday of October at 01:00 UTC): a compact VTIMEZONE for the
 * zones that follow them, instead of libical's full history since 1880. */
static const char *const cet_zones[] = {
    "Europe/Brussels", "Europe/Amsterdam", "Europe/Berlin", "Europe/Paris", "Europe/Warsaw",
    "Europe/Rome", "Europe/Madrid", "Europe/Vienna", "Europe/Prague", "Europe/Stockholm",
    "Europe/Copenhagen", "Europe/Oslo", "Europe/Luxembourg", "Europe/Bratislava",
    "Europe/Budapest", "Europe/Ljubljana", "Europe/Zagreb", "Europe/Malta", NULL,
};

static const char cet_vtimezone[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:%s\r\n"
    "X-LIC-LOCATION:%s\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
    "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
    "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* A VTIMEZONE component for tzid (caller frees), NULL if unknown. libical names
 * its built-in zones "/freeassociation.sourceforge.net/America/New_York" (an
 * empty icaltimezone_set_tzid_prefix() means its default), so the copy is
 * renamed to the TZID the events' DTSTART and DTEND carry: a VTIMEZONE nobody
 * refers to leaves clients guessing the zone. */
static icalcomponent *vtimezone(const char *tzid)
{
    for (int i = 0; cet_zones[i]; i++)
        if (strcmp(cet_zones[i], tzid) == 0) {
            char text[sizeof cet_vtimezone + 128];
            snprintf(text, sizeof text, cet_vtimezone, tzid, tzid);
            return icalparser_parse_string(text);
        }
    icaltimezone *zone = icaltimezone_get_builtin_timezone(tzid);
    icalcomponent *tz = zone ? icalcomponent_new_clone(icaltimezone_get_component(zone)) : NULL;
    icalproperty *id = tz ? icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY) : NULL;
    if (id)
        icalproperty_set_tzid(id, tzid);
    return tz;
}

bool ics_timezone_is_known(const char *tzid)
{
    return tzid && icaltimezone_get_builtin_timezone(tzid) != NULL;
}

/* The wall-clock time of an ISO 8601 string ("2027-02-16T10:40:00+01:00"): slots
 * are stored in the event's local time, so the digits are already local. */
static int local_time(const char *iso, struct icaltimetype *out)
{
    int y, mo, d, h, mi, s = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 5)
        return -1;
    struct icaltimetype t = icaltime_null_time();
    t.year = y, t.month = mo, t.day = d, t.hour = h, t.minute = mi, t.second = s;
    t.is_date = 0;
    *out = t;
    return 0;
}

int ics_zoned_time(const char *tzid, const char *iso, char out[32], long long *utc)
{
    struct icaltimetype t;
    icaltimezone *zone = tzid ? icaltimezone_get_builtin_timezone(tzid) : NULL;
    if (!zone || local_time(iso, &t) < 0)
        return -1;
    int dst = 0;
    int off = icaltimezone_get_utc_offset(zone, &t, &dst);
    int a = off < 0 ? -off : off;
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month, t.day,
             t.hour, t.minute, t.second, off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    if (utc)
        *utc = (long long)icaltime_as_timet_with_zone(t, zone);
    return 0;
}

int ics_zone_wall_time(const char *tzid, long long utc, char out[20])
{
    icaltimezone *zone = tzid ? icaltimezone_get_builtin_timezone(tzid) : NULL;
    if (!zone)
        return -1;
    struct icaltimetype t = icaltime_from_timet_with_zone((time_t)utc, 0, zone);
    if (t.year < 0 || t.year > 9999)
        return -1;
    snprintf(out, 20, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
             t.minute, t.second);
    return 0;
}

int ics_zone_day(const char *tzid, long long utc, char out[11])
{
    char wall[20];
    if (ics_zone_wall_time(tzid, utc, wall) < 0)
        return -1;
    snprintf(out, 11, "%.10s", wall);
    return 0;
}

/* Adds a VTIMEZONE for every zone the events use, once each, in order of first
 * use; *one_zone gets the zone when they all share it, else NULL. */
static int add_zones(icalcomponent *cal, const struct ics_event *events, int events_n,
                     const char **one_zone, struct df_err *err)
{
    *one_zone = events_n > 0 ? events[0].tzid : NULL;
    for (int i = 0; i < events_n; i++) {
        const char *tzid = events[i].tzid;
        if (!tzid)
            return df_err_set(err, DF_ERR_INPUT, "meeting %s has no time zone", events[i].uid);
        if (*one_zone && strcmp(tzid, *one_zone) != 0)
            *one_zone = NULL;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(events[j].tzid, tzid) == 0;
        if (seen)
            continue;
        icalcomponent *tz = vtimezone(tzid);
        if (!tz)
            return df_err_set(err, DF_ERR_INPUT, "unknown time zone \"%s\"", tzid);
        icalcomponent_add_component(cal, tz);
    }
    return 0;
}

int ics_write_calendar(struct buf *out, const char *calname, const struct ics_event *events,
                       int events_n, struct df_err *err)
{
    int result = -1;
    icalcomponent *cal = icalcomponent_vanew(
        ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
        icalproperty_new_prodid("-//dfnc//dfnc " DFNC_VERSION "//EN"),
        icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
    icalproperty *name = icalproperty_new_x(calname ? calname : "dfnc");
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(cal, name);
    const char *one_zone;
    if (add_zones(cal, events, events_n, &one_zone, err) < 0)
        goto out;
    if (one_zone) {
        icalproperty *tzprop = icalproperty_new_x(one_zone);
        icalproperty_set_x_name(tzprop, "X-WR-TIMEZONE");
        icalcomponent_add_property(cal, tzprop);
    }
    struct icaltimetype stamp = icaltime_from_timet_with_zone(time(NULL), 0,
                                                              icaltimezone_get_utc_timezone());
    for (int i = 0; i < events_n; i++) {
        const struct ics_event *e = &events[i];
        struct icaltimetype start, end;
        if (local_time(e->start, &start) < 0 || local_time(e->end, &end) < 0) {
            df_err_set(err, DF_ERR_INPUT, "meeting %s: bad time \"%s\"", e->uid, e->start);
            goto out;
        }
        icalproperty *dtstart = icalproperty_new_dtstart(start);
        icalproperty *dtend = icalproperty_new_dtend(end);
        icalproperty_add_parameter(dtstart, icalparameter_new_tzid(e->tzid));
        icalproperty_add_parameter(dtend, icalparameter_new_tzid(e->tzid));
        icalcomponent *ev = icalcomponent_vanew(
            ICAL_VEVENT_COMPONENT, icalproperty_new_uid(e->uid), icalproperty_new_dtstamp(stamp),
            dtstart, dtend, icalproperty_new_sequence(e->sequence),
            icalproperty_new_status(e->cancelled    ? ICAL_STATUS_CANCELLED
                                    : e->tentative ? ICAL_STATUS_TENTATIVE
                                                   : ICAL_STATUS_CONFIRMED),
            icalproperty_new_summary(e->summary ? e->summary : "Meeting"), (void *)0);
        if (e->location)
            icalcomponent_add_property(ev, icalproperty_new_location(e->location));
        if (e->description)
            icalcomponent_add_property(ev, icalproperty_new_description(e->description));
        icalcomponent_add_component(cal, ev);
    }
    char *text = icalcomponent_as_ical_string_r(cal);
    int too_big = !text || buf_puts(out, text) < 0;
    icalmemory_free_buffer(text);
    if (too_big) {
        df_err_set(err, DF_ERR_RUNTIME, "the calendar is too large");
        goto out;
    }
    result = 0;
out:
    icalcomponent_free(cal);
    return result;
}
