/* Demands and supplies stated at the forum (the API's POST, PUT and DELETE
 * under /api/v1/procurement): who may, the server's ids, the importer's
 * checks (app/procure_import.c) and one audit line per change. */
#ifndef DFNC_APP_PROCURE_EDIT_H
#define DFNC_APP_PROCURE_EDIT_H

#include <stdbool.h>

#include "app/procure_import.h"
#include "core/arena.h"

enum app_procure_kind { APP_PROCURE_DEMAND, APP_PROCURE_SUPPLY };

/* The demands, and the supplies, a participant's organisation may have when
 * it states a new one (organisers and imports are not held to it). */
#define APP_PROCURE_ORG_MAX 500

/* Who asks: their login's e-mail (the audit's actor), their organisation
 * (NULL: none) and whether they are an organiser. */
struct app_procure_actor {
    const char *email, *org;
    bool organiser;
};

/* Creates (id NULL) or replaces demand or supply id with the fields of in
 * (all but "id", which the server makes: "dem-" or "sup-" and 16 random hex
 * digits, so that an id says nothing of how many there are or whose). An
 * organiser names the organisation ("buyer", "organisation"); a participant's
 * is their own (another named: DF_ERR_FORBIDDEN; no organisation:
 * DF_ERR_FORBIDDEN) and a demand's country defaults to it. A deliver_by
 * before the forum's day at instant now is refused: the day in the zone of
 * the forum's event (app_forum_today; a demand names no event, and its buyer's
 * country is no zone), UTC's without an event. A participant's organisation that has
 * APP_PROCURE_ORG_MAX of kind already states no new one (DF_ERR_CONFLICT;
 * changes pass). id another organisation's, for a
 * participant, is DF_ERR_NOT_FOUND as an unknown id is. One transaction with
 * its audit line. *out_id (in a) is the id saved. 0, or -1 with err
 * (DF_ERR_INPUT with in->bad the field). */
int app_procure_save(struct store *s, const struct app_procure_actor *who,
                     enum app_procure_kind kind, const char *id, struct app_procure_in *in,
                     long long now, struct arena *a, const char **out_id, struct df_err *err);

/* Demand (into *d) or supply (into *x) id as stored, its text in a, for
 * who to fill a form to change it: an organiser reads any, a participant
 * only their organisation's (another's, or none, is DF_ERR_NOT_FOUND as an
 * unknown id is, as app_procure_save says). 0, or -1 with err. */
int app_procure_get(struct store *s, const struct app_procure_actor *who,
                    enum app_procure_kind kind, const char *id, struct arena *a,
                    struct store_demand *d, struct store_supply *x, struct df_err *err);

/* Withdraws demand or supply id, alike: who may, DF_ERR_NOT_FOUND, the audit
 * line. */
int app_procure_remove(struct store *s, const struct app_procure_actor *who,
                       enum app_procure_kind kind, const char *id, struct df_err *err);

#endif
