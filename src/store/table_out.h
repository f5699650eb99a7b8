/* A table out of use for a while (migration 56): when it is, so that no
 * schedule run, accept or desk's move seats a meeting there then. */
#ifndef DFNC_STORE_TABLE_OUT_H
#define DFNC_STORE_TABLE_OUT_H

#include "store/store.h"

/* One window of a table out of use: instants in Unix seconds. */
struct store_table_out {
    const char *location, *location_name;
    long long from;
    long long until;   /* 0: to the event's end */
    const char *set_by;
};

/* Location (an id; one of event's) out of use from `from` until `until` (0:
 * to the end), set by login. DF_ERR_NOT_FOUND when event has no such
 * location (code no_location). */
int store_table_out_add(struct store *s, const char *event, const char *location,
                        long long from, long long until, const char *set_by,
                        struct df_err *err);

/* Gives location (one of event's) back: its windows removed, their number
 * in *n. DF_ERR_NOT_FOUND as store_table_out_add. */
int store_table_out_clear(struct store *s, const char *event, const char *location, int *n,
                          struct df_err *err);

/* Gives one window of location (one of event's) back: those starting at
 * `from` and, when until is not -1, ending at until (0: to the end), their
 * number in *n (0 when none is). DF_ERR_NOT_FOUND as store_table_out_add. */
int store_table_out_remove(struct store *s, const char *event, const char *location,
                           long long from, long long until, int *n, struct df_err *err);

typedef int (*store_table_out_fn)(void *ud, const struct store_table_out *w);
/* Event's windows, by table in the programme's order, then by start; the
 * strings live until fn returns (non-zero stops). */
int store_table_out_each(struct store *s, const char *event, store_table_out_fn fn, void *ud,
                         struct df_err *err);

#endif
