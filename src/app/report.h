/* The organisers' report of an event for the forum's funders: who came (by
 * country, by side: EU/EEA, Ukraine, other; by kind; SMEs), the meeting
 * requests and meetings, who checked in, and what the meetings led to, also
 * by country pair. Counts only, read in one state of the database: no
 * person is named and no one's note is read (app/outcomes.h). */
#ifndef DFNC_APP_REPORT_H
#define DFNC_APP_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "app/export.h"
#include "app/outcomes.h"
#include "core/err.h"
#include "store/store.h"

/* The report of event (NULL: the event held at now, app_forum_event_held) as
 * {"event": {"id","name","starts_on","ends_on","published"},
 *  "participants": {"organisations","people","checked_in","organisations_met","people_met",
 *    "organisations_held","people_held",
 *    "sme": {the same seven},
 *    "by_side": [{"side": "eu_eea"|"ukraine"|"other", the same seven}],
 *    "by_country": [{"country","side", the same seven}],
 *    "by_kind": [{"kind", the same seven}],
 *    "arrivals": [{"day","people"}]},
 *  "requests": {"made","pending","accepted","declined","cancelled"},
 *  "meetings": {"scheduled","published","eu_ua","begun","held","held_eu_ua"},
 *  "outcomes": {"meetings","reported","eu_ua": {"meetings","reported"},
 *    "by_outcome": [{"outcome","meetings","eu_ua"}]},
 *  "pairs": [{"pair": "PL-UA","eu_ua","meetings","reported", and one count
 *    per outcome}],
 *  "areas": [{"area": "356"|"33"|"other","name_en","name_uk","meetings","held",
 *    "reported","led","follow_up","joint_project","purchase","agreement",
 *    "eu_ua": {"meetings","held","led"}}],
 *  "kind_pairs": [{"kinds": "company-government", the same but the names}]}
 * People and organisations are the forum's (dfnc keeps one register for
 * all its events); "people_met" and "organisations_met" count those of them
 * with at least one meeting at this event (requester, addressee or
 * attendee), "people_held" and "organisations_held" those of them in at
 * least one meeting "held" by the rule below (each counted once); requests,
 * meetings and outcomes are the event's. Meetings
 * are those of its accepted requests; "published" counts them once the
 * event's agendas are published (0 before). "begun" counts the meetings
 * whose slot has begun by now (seconds since 1970: the server's forum clock,
 * the command line's time), "held" those of them that took place by what
 * dfnc knows: nobody said it was not held (an outcome "not_held"), and
 * either one of its people said what it led to, or its requester and
 * addressee both checked in at the desk on its day (its session's) and
 * nobody told the desk the other was not there (POST
 * /me/meetings/{id}/absent); "held_eu_ua" those of them between EU/EEA and
 * Ukraine. "checked_in" counts the people who came on any of the event's
 * days (each once; last year's forum in the same database is not counted), "arrivals"
 * how many came on each of the event's days (0 for a day nobody did), for a
 * forum of several days checks its people in each morning. A meeting
 * is of a pair of its requester's and its addressee's organisations'
 * countries, the two codes in alphabetical order but Ukraine's last; an
 * outcome counts the meetings at least one of their people said it of, as
 * app_outcome_figures does (a meeting judged differently counts under
 * both). Pairs by meetings, most first. A meeting is in a capability area
 * (app/areas.h) when one side's organisation offers and the other's needs a
 * code of it (either way round; a confidential need makes none), in several
 * as they match, and in "other" when in none; an area's names are
 * app_area_name's, else the classifier's labels, else null (always for
 * "other"); "led" counts its meetings someone said led to a follow-up, a
 * joint project, a purchase or an agreement. Areas by meetings, most first,
 * "other" last; "kind_pairs" likewise by the two organisations' kinds in
 * alphabetical order. A new reference, NULL with err
 * (DF_ERR_NOT_FOUND for an unknown event). */
json_t *app_report_json(struct store *s, const char *event, long long now, struct df_err *err);

/* What event's meetings led to, in all and between the EU/EEA and Ukraine
 * (app_outcome_figures'), counted as the report counts its outcomes, in one
 * read. 0, or -1 with err (DF_ERR_NOT_FOUND for an unknown event). */
int app_report_outcome_tallies(struct store *s, const char *event, struct app_outcome_tally *all,
                               struct app_outcome_tally *eu_ua, struct df_err *err);

/* What of now the report of any event depends on (only which meetings have
 * begun): equal for two times, the report read at one is the report at the
 * other while nothing is committed in between (a reply may be kept so).
 * -1 with err. */
long long app_report_clock_mark(struct store *s, long long now, struct df_err *err);

/* The report written to out as JSON (app_report_json), or as rows of
 * section,key,figure,value in CSV (a value a spreadsheet would run as a
 * formula behind an apostrophe, as exports write it) or in an .xlsx sheet of
 * those columns; *rows gets how many rows. While no outcome is reported the
 * outcome and pair-outcome rows are left out and the row
 * outcomes,all,reported,0 says so. 0, or -1 with err. */
int app_report_write(struct store *s, const char *event, long long now,
                     enum app_export_format format, FILE *out, int *rows, struct df_err *err);

#endif
