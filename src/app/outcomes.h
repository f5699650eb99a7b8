/* What meetings led to (DESIGN.md's cooperation pipeline): after a meeting
 * each of its people may say how far it went, with a note for themselves;
 * organisers see how many meetings went how far, never anyone's note. */
#ifndef DFNC_APP_OUTCOMES_H
#define DFNC_APP_OUTCOMES_H

#include <jansson.h>

#include "core/err.h"
#include "store/outcomes.h"
#include "store/store.h"

/* The outcomes, from "it did not happen" to "an agreement", in that order
 * (the codes the API and the database take). */
#define APP_OUTCOMES_N 6
extern const char *const app_outcomes[APP_OUTCOMES_N];
/* code's index in app_outcomes, or -1 when it is none of them (or NULL). */
int app_outcome_index(const char *code);

/* What a set of meetings led to: how many meetings, how many of them someone
 * reported on, and under each outcome the meetings at least one of their
 * people said led to it (a meeting its sides judged differently counts
 * under both). The outcome figures and the report both add up so. */
struct app_outcome_tally {
    long long meetings, reported, by_outcome[APP_OUTCOMES_N];
};
/* Meetings of one pair of countries (their requester's and addressee's
 * organisations'): with outcome NULL, how many and how many of them have
 * any outcome; else how many of them someone said led to outcome. */
struct app_outcome_count {
    const char *outcome;
    const char *from_country, *to_country;
    long long meetings, reported;   /* reported: only where outcome is NULL */
};
/* Adds c to t: its meetings and those reported when it names no outcome,
 * else its meetings under its outcome (a code the schema does not allow
 * adds nothing). */
void app_outcome_tally_add(struct app_outcome_tally *t, const struct app_outcome_count *c);

/* A note's bytes at most (some 2,000 Cyrillic letters). */
#define APP_OUTCOME_NOTE_MAX 4000

/* The rules an outcome and its note are taken by (here, and by dfnc check
 * of those stored): 0, or -1 with DF_ERR_INPUT saying what is wrong (an
 * unknown outcome; a note too long, or with a control or bidi character). */
int app_outcome_kind_check(const char *outcome, struct df_err *err);
int app_outcome_note_check(const char *note, struct df_err *err);

/* person (signed in as actor) says request's meeting led to outcome, with
 * note (NULL or "" for none), replacing what they said before; one
 * transaction with its audit line (the outcome, never the note). 0, or -1:
 * DF_ERR_INPUT for an unknown outcome or a note too long, DF_ERR_NOT_FOUND
 * when person is not one of the meeting's people (or there is no such
 * request), DF_ERR_CONFLICT when it has no meeting (not scheduled, or
 * cancelled since); APP_OUTCOME_NOT_BEGUN with DF_ERR_CONFLICT when its
 * meeting has not begun by now (the caller's clock, Unix seconds: nothing,
 * not even not_held, is said of a meeting before its start). */
#define APP_OUTCOME_NOT_BEGUN (-2)
int app_outcome_set(struct store *s, const char *actor, const char *person, const char *request,
                    const char *outcome, const char *note, int64_t now, struct df_err *err);
/* Takes it back: 0, or -1 with DF_ERR_NOT_FOUND when person had said none. */
int app_outcome_remove(struct store *s, const char *actor, const char *person,
                       const char *request, struct df_err *err);

/* {"person", "outcomes": [{"request","outcome","note","updated_at"}]} of the
 * meetings person has now; a new reference, NULL with err. */
json_t *app_outcomes_of(struct store *s, const char *person, struct df_err *err);

/* The organisers' figures of an event: {"event", "meetings", "reported",
 * "eu_ua": {"meetings","reported"}, "outcomes": [{"outcome","meetings",
 * "eu_ua"}] (every outcome, in order)}: "meetings" of an outcome counts those
 * of which at least one of their people said it (a meeting its two sides
 * judged differently counts under both); "eu_ua" the meetings between an
 * organisation of the EU or EEA and a Ukrainian one. DF_ERR_NOT_FOUND for an
 * unknown event. */
json_t *app_outcome_figures(struct store *s, const char *event, struct df_err *err);

#endif
