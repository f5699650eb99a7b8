/* STUB until the scheduler (branch sched) is in main: the exact signature of
 * app/schedule.h with a plain greedy placement behind it. Delete this file and
 * stub_sched.c after merging, and include app/schedule.h instead. */
#ifndef DFNC_APP_STUB_SCHED_H
#define DFNC_APP_STUB_SCHED_H

#include <stdbool.h>

#include "core/arena.h"
#include "store/store.h"

struct app_schedule_opts {
    const char *event;
    double time_limit;
    unsigned seed;
    bool reschedule_locked;
};
struct app_unscheduled {
    const char *request;
    const char *reason;
};
struct app_schedule_report {
    const char *event;
    int accepted, scheduled, upper_bound, breaks;
    double seconds;
    int unscheduled_n;
    struct app_unscheduled *unscheduled;
};

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err);

#endif
