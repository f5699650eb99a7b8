/* Monotonic time in seconds, for time limits and durations (never wall-clock
 * dates: use time(2) for those). */
#ifndef DFNC_CORE_CLOCK_H
#define DFNC_CORE_CLOCK_H

/* Seconds on CLOCK_MONOTONIC: only differences and deadlines mean anything. */
double clock_seconds(void);

#endif
