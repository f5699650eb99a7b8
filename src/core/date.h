/* Calendar dates and local times as the programme writes them (ISO 8601
 * text): checked for being real days and times, not only for their shape. */
#ifndef DFNC_CORE_DATE_H
#define DFNC_CORE_DATE_H

#include <stdbool.h>

/* The years a forum's dates may name: year 0000 or 9999 is a typing slip
 * (and no calendar client shows it). */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2200

/* "YYYY-MM-DD" naming a day that exists (2028-02-29 does, 2030-02-30 not) in
 * a year from DATE_YEAR_MIN to DATE_YEAR_MAX. */
bool date_is_valid(const char *s);

/* The year the four digits at the start of s spell, or -1 (for a message
 * that says why a date was refused). */
int date_year(const char *s);

/* "YYYY-MM-DDTHH:MM", optionally ":SS" and a fraction, then optionally "Z" or
 * an offset "+HH:MM" (or "+HHMM", "+HH", "-" alike): a real day (its year
 * within the range above), hours 00-23, minutes and seconds 00-59, an offset
 * from -12:00 to +14:00. */
bool date_time_is_valid(const char *s);

/* The UTC offset a valid date_time (above) carries, in minutes east of UTC
 * ("Z" is 0): true when it carries one, false for a local time alone. */
bool date_time_offset(const char *s, int *minutes);

/* The instant a valid date_time (above) that carries its offset names, in
 * seconds since 1970-01-01T00:00Z, into *utc; false for a local time alone
 * or an invalid one. */
bool date_time_instant(const char *s, long long *utc);

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1-12):
 * H. Hinnant's days_from_civil. */
int date_days_from_civil(int y, int m, int d);

#define DATE_UTC_TEXT_SIZE 32
/* Instant utc (seconds since 1970-01-01T00:00Z) as ISO 8601 in UTC,
 * "YYYY-MM-DDTHH:MM:SSZ", into out. */
void date_utc_text(long long utc, char out[DATE_UTC_TEXT_SIZE]);

/* The wall-clock time s begins with ("YYYY-MM-DD HH:MM" or
 * "YYYY-MM-DDTHH:MM", anything after it aside) as minutes since 0000-03-01
 * 00:00 of the same clock, never negative, so that minutes / 1440 is its
 * day; -1 when s begins otherwise. How far apart two times of one clock
 * lie, whatever their zone's offset. */
long date_wall_minutes(const char *s);

#endif
