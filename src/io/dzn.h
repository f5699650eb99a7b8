/* Reader of the B2B meeting-scheduling instances of Bofill et al. (JAIR 74, 2022)
 * in their MiniZinc data format (.dzn). Outside input: sizes are capped and every
 * error names FILE:LINE. The engine never sees this struct: src/app or the CLI
 * turn it into a struct sched_problem. */
#ifndef DFNC_IO_DZN_H
#define DFNC_IO_DZN_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"

#define DZN_MAX_BYTES (8u << 20)   /* a file larger than this is refused */
#define DZN_MAX_BUSINESS 100000
#define DZN_MAX_MEETINGS 1000000
#define DZN_MAX_SLOTS 10000

/* One instance. Participants, slots and meetings are 1-based as in the file;
 * arrays are indexed from 0 (meeting m is meet_a[m-1]). */
struct dzn_b2b {
    int n_business, n_meetings, n_tables, n_slots, n_morning;
    int *meet_a, *meet_b;     /* the two participants of each meeting */
    int *meet_session;        /* 1 morning, 2 afternoon, 3 any */
    int *fixed;               /* slot or 0 = free */
    /* forbidden slots of participant p (1-based): forbid[forbid_off[p-1] .. forbid_off[p]) */
    int *forbid_off, *forbid;
    /* meetings that must come before meeting m: prec[prec_off[m-1] .. prec_off[m]) */
    int *prec_off, *prec;
};

/* Parses text (len bytes, need not be NUL-terminated); name is used in messages.
 * Everything is allocated in the arena. DF_ERR_INPUT "NAME:LINE: ..." on bad input. */
int dzn_parse(const char *name, const char *text, size_t len, struct arena *a,
              struct dzn_b2b *out, struct df_err *err);
/* Reads and parses a file (at most DZN_MAX_BYTES). */
int dzn_read_file(const char *path, struct arena *a, struct dzn_b2b *out, struct df_err *err);

#endif
