/* An organisation's offers and needs replaced as a whole, as its profile page
 * saves them. */
#ifndef DFNC_APP_CAPABILITIES_H
#define DFNC_APP_CAPABILITIES_H

#include <stdbool.h>

#include "core/err.h"
#include "store/store.h"

/* Makes caps[0..n) (their org fields ignored: org's) the capabilities of org,
 * in one transaction with an audit line by actor; one per direction and
 * code, the last given. A list that would store what is stored, field by
 * field, writes nothing: no partner index in any server thread is then
 * rebuilt for it (a profile page saved without a change). *changed (may be
 * NULL) says which. */
int app_capabilities_replace(struct store *s, const char *actor, const char *org,
                             const struct store_capability *caps, int n, bool *changed,
                             struct df_err *err);

#endif
