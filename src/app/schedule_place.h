/* Placing a schedule run's late requests around its new schedule, inside
 * the write transaction: those accepted meanwhile and its own meetings that
 * no longer fit what changed (schedule_merge.h finds them). */
#ifndef DFNC_APP_SCHEDULE_PLACE_H
#define DFNC_APP_SCHEDULE_PLACE_H

#include "app/schedule_merge.h"

/* The new schedule of b (sol, with who[m] its interpreters; still[m] the
 * requests still accepted) stands, but for its meetings in mg->merged; the
 * late requests (those too) are placed around it, inside the write
 * transaction: each keeps the meeting it had when that shares no person's
 * slot, table's slot or interpreter with the new schedule (nor with a late one
 * kept before it), sits at its host's booth if one hosts, and its people are
 * available then (at a published event, one already in its people's agendas
 * also when the meetings the new schedule placed fresh there can make way:
 * each goes to the free slot adding the fewest idle gaps to its people's days,
 * the earliest of equals); the others are placed by the engine where everybody
 * and a table (and an interpreter, when needed) are free, all else held; left
 * out otherwise. A meeting of the new schedule placed fresh (not a published
 * one held) whose people's languages now ask for another interpreter, or for
 * one none is left for, joins the late ones (late has room for b->M more;
 * *late_n counts). accepted: the requests accepted now. Writes the late
 * meetings, leaves the others to the caller with their interpreters in who
 * (changed where the languages did); the warnings, as of the merged schedule,
 * replace *w (*wn counts). */
int schedule_place_late(struct store *s, const struct app_schedule_opts *o, struct schedule_load *l,
                        const struct schedule_build *b, const struct sched_solution *sol, int *who,
                        const unsigned char *still, const struct idmap *accepted,
                        struct schedule_merge *mg, struct schedule_merge_late *late, int *late_n,
                        struct arena *a, struct app_schedule_warning **w, int *wn,
                        struct df_err *err);

#endif
