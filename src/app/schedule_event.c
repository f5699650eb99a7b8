/* Scheduling a forum event from the store (see schedule.h). */
#include "app/schedule.h"

int app_schedule_event(struct store *s, const struct app_schedule_opts *o, struct arena *a,
                       struct app_schedule_report *out, struct df_err *err)
{
    (void)s; (void)o; (void)a; (void)out;
    return df_err_set(err, DF_ERR_RUNTIME, "not yet");
}
