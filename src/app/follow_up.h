/* The organisers' follow-up list after a forum: one row per person of an
 * event with at least one meeting, with the partners they met, for a thank-
 * you and follow-up mail merged in the organisers' own mail program (dfnc
 * mails only meeting requests and their answers: app/mail.h). */
#ifndef DFNC_APP_FOLLOW_UP_H
#define DFNC_APP_FOLLOW_UP_H

#include <stdio.h>

#include "app/export.h"
#include "core/err.h"
#include "store/store.h"

/* event's people (NULL: the event held by the real clock,
 * app_forum_event_held) with a meeting there, by name, as CSV or an .xlsx sheet of
 * the columns person,name,email,organisation_name,language,arrived,meetings,
 * meetings_held,partners,partner_organisations,partner_emails,outcomes (a CSV
 * value a spreadsheet would run as a formula behind an apostrophe, as the
 * exports write it), or as a JSON array of objects with the keys person,
 * name, email, organisation_name, language, arrived (true/false), meetings,
 * meetings_held and partners: [{"person","name","organisation_name","email",
 * "outcome"}]. language is the one to write to them in (app_person_language);
 * arrived whether they checked in; meetings_held their meetings nobody of
 * which said did not take place (not_held); the partners are the people of
 * other organisations at those, in time order, each with what this person
 * said the meeting led to ("" or null for nothing said; never a note). In
 * CSV and xlsx the four partner columns are lists in step, "; " between.
 * *rows gets how many people. 0, or -1 with err (DF_ERR_NOT_FOUND for an
 * unknown event). */
int app_follow_up_write(struct store *s, const char *event, enum app_export_format format,
                        FILE *out, int *rows, struct df_err *err);

#endif
