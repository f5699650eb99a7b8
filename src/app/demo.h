/* The demo forum: a generated forum shaped like DFNC2: EU Edition (Brussels),
 * deterministic for a seed and a size: by default 500+ participants, 100+
 * European and 30+ Ukrainian organisations from 20+ countries, capabilities
 * over CPV division 35 and related codes, a two-day programme of B2B sessions
 * with tables, and meeting requests shaped like real ones; at another size, as
 * many of each in proportion. */
#ifndef DFNC_APP_DEMO_H
#define DFNC_APP_DEMO_H

#include "core/err.h"
#include "store/store.h"

#define APP_DEMO_EVENT "dfnc2-eu-2027"

#define APP_DEMO_SHOWCASE 5

/* Participants: DFNC2's 520 by default; another size scales the forum in
 * proportion (organisations, tables, interpreters; requests follow people). */
#define APP_DEMO_PEOPLE 520
#define APP_DEMO_PEOPLE_MIN 50
#define APP_DEMO_PEOPLE_MAX 10000

/* The demo's schedule: a search effort fixed per accepted request (about 0.6 s
 * at 520 participants on one core, 5.5 s at 10,000), so that a seed gives one
 * schedule however loaded the machine is; the time limit, far above it, is
 * only a guard. */
#define APP_DEMO_SCHEDULE_MOVES_PER_MEETING 2000L
#define APP_DEMO_SCHEDULE_TIME_LIMIT 60.0

struct app_demo_summary {
    int organisations, eu_organisations, ua_organisations, countries;
    int people, capabilities, requests, accepted, slots, tables;
    /* People worth signing in as, each the main contact of their organisation:
     * a Ukrainian drone maker, an EU ministry, an EU counter-drone SME, Ukraine's
     * ministry of defence, an EU prime. */
    char showcase[APP_DEMO_SHOWCASE][16];
    const char *showcase_what[APP_DEMO_SHOWCASE];
};

/* Fills an EMPTY database (DF_ERR_CONFLICT if it already has organisations) in
 * one transaction with a forum of about `people` participants (at least that
 * many; more when the organisations every forum has bring more: up to about
 * 63 at 50, a few more at larger sizes; DF_ERR_USAGE
 * outside APP_DEMO_PEOPLE_MIN..MAX). APP_DEMO_PEOPLE gives the forum a seed
 * always gave. */
int app_demo_fill(struct store *s, unsigned long long seed, int people,
                  struct app_demo_summary *out, struct df_err *err);

#endif
