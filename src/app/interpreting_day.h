/* An interpreter booked on the day (console programme, PUT /api/v1/events,
 * dfnc import interpreters) goes at once to the published meetings still to
 * come that need one, rather than waiting for a schedule run that would not
 * move them anyway: each such meeting, nearest first, gets an interpreter of
 * its pair (interpreting.h decides the need) free in its slot, and its
 * calendar SEQUENCE rises. */
#ifndef DFNC_APP_INTERPRETING_DAY_H
#define DFNC_APP_INTERPRETING_DAY_H

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

/* A published meeting still to come that needs an interpreter and has none. */
struct app_interpreting_gap {
    const char *request, *starts_at;
    const char *pair;   /* the pair it needs, "uk-en" */
};

struct app_interpreting_day {
    int given;                           /* meetings that got an interpreter now */
    int gaps_n;
    struct app_interpreting_gap *gaps;   /* those still without one, nearest first */
};

/* Gives event's published meetings still to come (starting after now, the
 * caller's clock in Unix seconds: the forum's in the server) that need an
 * interpreter one free in their slot, inside the caller's transaction; what
 * it did into *out, its strings in a. -1 with err (the store's, or out of
 * memory): the caller rolls back. */
int app_interpreting_fill(struct store *s, const char *event, int64_t now, struct arena *a,
                          struct app_interpreting_day *out, struct df_err *err);

#endif
