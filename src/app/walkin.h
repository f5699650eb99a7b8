/* A walk-in (POST /api/v1/console/people): a person who comes to the forum's
 * help desk unregistered is made there, with her organisation when it is
 * new, checked by the imports' own rules (app_*_values_check), and invited
 * at once (app_invite): the desk shows or reads her the link, and she
 * chooses her password on her phone. One transaction, one audit line. */
#ifndef DFNC_APP_WALKIN_H
#define DFNC_APP_WALKIN_H

#include <stdbool.h>
#include <stdint.h>

#include "app/invite.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

struct app_walkin {
    /* id NULL: the first free ORG-N of her organisation; email required */
    struct store_person person;
    /* org.name NULL: person.org is an existing organisation; else a new one
     * of id person.org, with its name, country and kind (sme optional) */
    struct store_org org;
    bool check_in;                /* marked arrived in the same transaction */
    int days;                     /* the link's life, 1 to APP_INVITE_DAYS_MAX */
    int64_t now;
    int64_t forum_now;            /* the forum's clock, whose day check_in marks (a
                                     rehearsal's); 0: now */
    const char *base;             /* the forum's public address, for the link */
    const char *how;              /* the audit line's words for it; NULL: "registered
                                     at the desk" */
};

struct app_walkin_made {
    const char *person;           /* her id (in the arena) */
    char link[APP_INVITE_LINK_MAX];
    int64_t expires_at;
    bool contact;                 /* made her organisation's contact: it had none */
    const char *checked_in_at;    /* NULL unless check_in */
    bool mailed;                  /* the link was mailed to her too (an application
                                     approved while the forum sends mail) */
    const char *field;            /* on DF_ERR_INPUT or _CONFLICT: the body field refused
                                     ("email", "id", "organisation"), or NULL */
};

/* Registers w as actor (w's strings may be changed to their stored forms).
 * 0 with *made filled (wipe made->link once shown: it holds the token); -1
 * with err and nothing written: DF_ERR_INPUT (made->field names the field;
 * an organisation's fields are "organisation_NAME"), DF_ERR_CONFLICT for an
 * e-mail another person has or an id taken, DF_ERR_NOT_FOUND never (an
 * unknown organisation is DF_ERR_INPUT on "organisation"). */
int app_walkin(struct store *s, const char *actor, struct app_walkin *w, struct arena *a,
               struct app_walkin_made *made, struct df_err *err);

/* app_walkin in a transaction the caller holds (an application approved
 * with its mark): the same checks and writes, no BEGIN or COMMIT; on -1
 * the caller rolls back. */
int app_walkin_in(struct store *s, const char *actor, struct app_walkin *w, struct arena *a,
                  struct app_walkin_made *made, struct df_err *err);

#define APP_ORG_ID_PROPOSED_MAX 64   /* bytes of an id proposed from a name */

/* The id a new organisation's name proposes, as the console proposes one
 * from a Latin name (its event form's rule: lower-case letters and digits,
 * a '-' for what comes between, at most APP_ORG_ID_PROPOSED_MAX bytes), its
 * Cyrillic spelled in Latin letters as a passport spells them
 * (translit_uk_latin: "Укрзброя" is ukrzbroia), into out (at least
 * APP_ORG_ID_PROPOSED_MAX + 1 bytes). Returns its length: 0 when the name
 * holds no letter or digit dfnc can spell. */
size_t app_walkin_org_id(const char *name, char *out);

#endif
