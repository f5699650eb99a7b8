/* The forum's day at the desk: a person's next meeting, for the check-in
 * desk to send her there. */
#ifndef DFNC_STORE_DAY_H
#define DFNC_STORE_DAY_H

#include <stdbool.h>

#include "core/arena.h"
#include "store/store.h"

/* Another person of a meeting. */
struct store_day_party {
    const char *id, *name, *org_name, *org_name_uk;   /* org_name_uk may be NULL */
};

#define STORE_DAY_PARTIES_MAX 8

/* A person's meeting not yet over (its slot ends after now), the first by
 * the instant it starts: its time in its event's zone, its table (NULL when
 * none) and the others in it (the first STORE_DAY_PARTIES_MAX by id; with_n
 * counts them all). */
struct store_day_meeting {
    const char *request, *event, *timezone, *starts_at, *ends_at, *location;
    int with_n;
    struct store_day_party with[STORE_DAY_PARTIES_MAX];
};

/* person's next meeting (accepted, scheduled) into *m, its strings in a;
 * *found false when they have none (or there is no such person). */
int store_day_next_meeting(struct store *s, const char *person, struct arena *a,
                           struct store_day_meeting *m, bool *found, struct df_err *err);

#endif
