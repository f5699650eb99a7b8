/* The forum's clock as dfnc reads it (the server's pages, the day mails'
 * thread): the real clock, or a rehearsal's (serve --forum-clock) that
 * starts at an instant and runs on from when it was set, or stands at it
 * (--forum-clock-still: a test's). One value, one rule for all who read it. */
#ifndef DFNC_CORE_FORUM_CLOCK_H
#define DFNC_CORE_FORUM_CLOCK_H

#include <stdbool.h>

/* A value: copied freely, read by many threads at once (nothing in it moves). */
struct forum_clock {
    long long start;   /* the rehearsal's first instant, Unix seconds; 0: the real clock */
    bool still;        /* the rehearsal stands at start */
    double set_at;     /* clock_seconds() when it was set: a running rehearsal moves from it */
};

/* A clock set now: the real one (start 0), or a rehearsal from start,
 * standing there when still. */
struct forum_clock forum_clock_set(long long start, bool still);

/* The forum's now, Unix seconds: time(2) for the real clock; start for a
 * still one; start plus the seconds since it was set for a running one, on
 * the monotonic clock (the machine's clock set meanwhile moves no
 * rehearsal). */
long long forum_clock_now(const struct forum_clock *c);

#endif
