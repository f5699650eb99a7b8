/* The meeting scheduler: a pure engine. A struct sched_problem in (people,
 * meetings of two or more people, slots grouped in sessions, tables, interpreters,
 * locked meetings, priorities, fairness), a struct sched_solution out (slot and
 * table per meeting, or why it is unscheduled). No I/O, no SQL, no JSON.
 *
 * Objectives, in order: (1) scheduled meetings weighted by priority; (2) nobody
 * with meetings left with none; (3) fewest breaks (idle gaps between a person's
 * meetings inside one session) with the spread of break counts bounded by the
 * fairness d; (4) few table changes between a person's consecutive meetings.
 * Given its effort in moves (max_moves), the search is deterministic for a
 * seed: the time limit only cuts it short on a slow machine. Left to its
 * default effort, it also paces itself by the clock to finish within the time
 * limit, and its schedule then depends on the machine's speed and load. */
#ifndef DFNC_ENGINE_SCHED_SCHED_H
#define DFNC_ENGINE_SCHED_SCHED_H

#include <stdbool.h>

/* The problem. Every array is owned by the caller and only read. Indices are
 * 0-based; slots are in time order. Optional arrays may be NULL. */
struct sched_problem {
    int n_people, n_meetings, n_slots;
    const int *slot_session;      /* session index per slot (non-decreasing); NULL = one session */
    bool breaks_span_sessions;    /* an idle gap between sessions counts as a break (JAIR) */
    /* participants of meeting m: people[people_off[m] .. people_off[m+1]), 2 or more */
    const int *people_off, *people;
    const int *session;           /* per meeting: allowed session, -1 any; NULL = any */
    const int *fixed;             /* per meeting: fixed slot, -1 free; NULL = none */
    /* meetings that must end before meeting m starts: prec[prec_off[m] .. prec_off[m+1]) */
    const int *prec_off, *prec;
    const int *priority;          /* per meeting, >= 1 (a "must" meeting is heavier); NULL = 1 */
    const unsigned char *unavail; /* n_people * n_slots, 1 = person p cannot meet in slot s */
    /* tables: n_tables tables, table_kind[t] >= 0 a kind (a closed room...), -1 plain */
    int n_tables;
    const int *table_kind;        /* NULL = all plain */
    const int *table_need;        /* per meeting: the kind it needs, -1 any table; NULL = any */
    /* n_tables * n_slots, 1 = table t is out of use in slot s (broken, the
     * venue shut its part of the hall): nothing is seated there, a locked
     * meeting neither; NULL = every table in every slot */
    const unsigned char *table_off;
    int n_kinds;                  /* kinds are 0 .. n_kinds-1 */
    /* per meeting, 1 = held online (a party takes part from afar): it needs no
     * table (its table in the solution is -1) but keeps its people's time;
     * NULL = every meeting at a table */
    const unsigned char *online;
    /* interpreters: per meeting the language pair it needs (-1 none); pair_cap[i * n_slots + s]
     * interpreters of pair i available in slot s */
    int n_pairs;
    const int *meet_pair;
    const int *pair_cap;
    /* locked meetings keep their slot and table: locked_slot[m] >= 0 (then locked_table[m]) */
    const int *locked_slot, *locked_table;
    int fairness;                 /* max difference between two people's breaks; -1 = none */
    bool must_all;                /* every meeting must be scheduled (the JAIR problem) */
    unsigned seed;
    double time_limit;            /* seconds; <= 0 means 10 */
    long max_moves;               /* search effort; 0 = a default that grows with the size,
                                     paced by the clock (see above) */
    bool local_only;              /* skip the exact SAT search (benchmarks compare the two) */
    /* searches the exact phase runs at once: 2 adds one on another core that
     * only improves schedules (then results depend on timing); 0 or 1: one */
    int threads;
};

enum sched_status {
    SCHED_UNKNOWN = 0,     /* no schedule meeting every requirement was found */
    SCHED_FEASIBLE,        /* a valid schedule, not proven best */
    SCHED_OPTIMAL,         /* proven best (lower bound reached) */
    SCHED_INFEASIBLE,      /* proven that no valid schedule exists (must_all only) */
};

/* Why a meeting stayed unscheduled. */
enum sched_reason {
    SCHED_R_NONE = 0,
    SCHED_R_NO_COMMON_SLOT,   /* no slot where every participant is free (and the session fits) */
    SCHED_R_PEOPLE_BUSY,      /* common free slots exist; a participant meets someone else then */
    SCHED_R_TABLES_FULL,      /* common free slots exist; every table is taken in them */
    SCHED_R_INTERPRETER,      /* no interpreter of the pair left in the common free slots */
    SCHED_R_PRECEDENCE,       /* only slots that break a precedence are left */
};

struct sched_solution {
    enum sched_status status;
    int *slot;            /* per meeting: slot or -1 */
    int *table;           /* per meeting: table or -1 (always -1 when online) */
    int *reason;          /* per meeting: enum sched_reason */
    int *reason_lo, *reason_hi;   /* the common free slots the reason speaks of (or -1) */
    int scheduled;        /* meetings with a slot */
    int breaks, spread;   /* total breaks; max - min breaks over people with meetings */
    int table_changes;    /* consecutive meetings of a person at different tables */
    int lower_bound;      /* on breaks when every meeting is scheduled; -1 unknown */
    int upper_bound;      /* on the number of meetings that can be scheduled */
    double seconds;
    long moves;           /* search effort, for benchmarks */
};

/* Solves p into *out. Allocates out's arrays with malloc: free with
 * sched_solution_free. Returns 0, or -1 on bad problem data (msg gets why,
 * msg_n bytes at most) or out of memory. */
int sched_solve(const struct sched_problem *p, struct sched_solution *out, char *msg,
                int msg_n);
void sched_solution_free(struct sched_solution *s);

/* A proven upper bound on how many meetings can be scheduled: a fractional
 * b-matching over people (each person's capacity is the most of their meetings
 * that fit into distinct common free slots), capped by the table-slots. */
int sched_upper_bound(const struct sched_problem *p);

/* Breaks of one person given occupancy occ[s] (non-zero = in a meeting). */
int sched_person_breaks(const struct sched_problem *p, const unsigned char *occ);

const char *sched_reason_name(enum sched_reason r);

#endif
