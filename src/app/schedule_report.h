/* The report of a schedule run (struct app_schedule_report): reasons for
 * what stayed unscheduled, the requests gone meanwhile taken out, the late
 * ones said, and the whole copied into the caller's arena. */
#ifndef DFNC_APP_SCHEDULE_REPORT_H
#define DFNC_APP_SCHEDULE_REPORT_H

#include "app/schedule_merge.h"

/* Marks the requests still accepted when the schedule is written. */
struct schedule_report_still {
    const struct idmap *req_ix;
    unsigned char *accepted;
};

/* The report speaks of the requests still accepted when the schedule was
 * written: the others are neither accepted nor scheduled, and their reasons
 * and warnings are moot. */
void schedule_report_forget_gone(struct app_schedule_report *out,
                                 const struct schedule_report_still *k, const int *slot, int M);

/* Why the solve left meeting m out, into *why (its strings in a or
 * static): "slots 3-7" in the English, 1-based like a printed programme, and
 * its slots value "3-7"; a missing interpreter is named by its pair ("no
 * uk-en interpreter left ..."). Codes as struct app_unscheduled's. -1 when
 * out of memory. */
int schedule_report_reason(struct arena *a, const struct sched_solution *sol,
                           const struct app_interpreting *ip, int m, struct app_why *why);

/* The report once the late requests went where schedule_place_late put them: those
 * accepted meanwhile count as accepted, the placed ones as scheduled, the
 * others are unscheduled with their reason (the solve's own reason dropped,
 * but for one an accept's run had placed); out->late says where each went. */
int schedule_report_late(struct arena *a, const struct schedule_build *b,
                         const struct schedule_merge_late *late, int late_n,
                         struct app_schedule_report *out);

/* The report's strings and arrays, from the run's arena into a. */
int schedule_report_copy(struct app_schedule_report *r, struct arena *a);

#endif
