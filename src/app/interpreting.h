/* Which interpreters the meetings of an event need: a meeting whose people
 * share no language needs an interpreter of a pair that covers everyone in it
 * (each person speaks one of the two languages), and each booked interpreter
 * adds one to their pair's capacity in the B2B slots they work. Feeds the
 * scheduler's meet_pair and pair_cap. */
#ifndef DFNC_APP_INTERPRETING_H
#define DFNC_APP_INTERPRETING_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

struct app_interpreting {
    int n_pairs;
    const char **pair_name;   /* "uk-en", as the organiser booked it */
    int *meet_pair;           /* per meeting: a pair index, or -1 when none is needed */
    int *pair_cap;            /* n_pairs * n_slots: interpreters of the pair free per slot */
    unsigned char *held;      /* n_iv * n_slots: interpreters taken outside the solve */
    int n_iv, n_slots;
};

/* langs[q]: person q's languages ("uk;en"; "" or NULL = not known, never
 * needs an interpreter). Meeting m's people are people[off[m] .. off[m+1]).
 * A meeting that needs a pair nobody booked gets a pair of capacity 0, the
 * covering pair of the languages most spoken among the n_people. Everything is allocated in a; -1 when it runs out. */
int app_interpreting_plan(const struct store_interpreter *iv, int n_iv,
                          const struct store_slot *slots, int n_slots,
                          const char *const *langs, int n_people, const int *off,
                          const int *people, int n_meetings, struct arena *a,
                          struct app_interpreting *out);

/* Interpreter `id` (of iv, as planned) is taken in slot k by a meeting
 * outside the solve (a published one kept where it is): their pair has one
 * fewer free then, and app_interpreting_assign gives them to no one else.
 * Nothing for an id not in iv or a slot they no longer work. */
void app_interpreting_hold(struct app_interpreting *ip, const struct store_interpreter *iv,
                           const struct store_slot *slots, const char *id, int k);

/* Locked meetings keep their slot whatever happened since: those of a pair
 * beyond the pair's capacity in their slot (its interpreter moved to another
 * session, say) lose the need (meet_pair -1) so that the scheduler keeps them
 * rather than drops them; the earlier ones in meeting order keep it, and so
 * their interpreter. needs[m] gets every meeting's pair as planned, for
 * telling the organiser. Returns how many lost their interpreter, -1 when
 * memory ran out. */
int app_interpreting_keep_locked(struct app_interpreting *ip, const int *locked_slot,
                                 int n_slots, int n_meetings, int *needs);

/* A copy of x into *c, its strings in a (a store row lives for its callback
 * only): 0, or -1 when memory ran out. */
int app_interpreter_copy(struct arena *a, struct store_interpreter *c,
                         const struct store_interpreter *x);

/* "uk-en": two different two-letter lower-case language codes into a and b;
 * -1 with DF_ERR_INPUT otherwise. */
int app_language_pair(const char *v, char a[3], char b[3], struct df_err *err);

/* Can interpreter iv interpret pair ("uk-en", either way round) in slot k
 * (a b2b slot of the session they are booked for, or any when none)? */
bool app_interpreter_serves(const struct store_interpreter *iv, const char *pair,
                            const struct store_slot *k);

/* Names the interpreter of each scheduled meeting that needs one: in each
 * slot, the meetings of a pair take that pair's interpreters free then, in
 * meeting order (the scheduler kept them within capacity), those held
 * (app_interpreting_hold) left out. who[m] gets an
 * index into iv, or -1 when none is free then (a locked meeting whose
 * interpreter went, see app_interpreting_keep_locked). -1 when memory ran out. */
int app_interpreting_assign(const struct app_interpreting *ip,
                            const struct store_interpreter *iv, int n_iv,
                            const struct store_slot *slots, int n_slots, const int *slot_of,
                            int n_meetings, int *who);

#endif
