/* The JSON API's handlers, split by resource (handlers.c: sessions and the
 * caller's own pages, and the route table; handlers_orgs.c, handlers_events.c,
 * handlers_requests.c), and the pieces they share (api.c). src/http only. */
#ifndef DFNC_HTTP_API_H
#define DFNC_HTTP_API_H

#include <jansson.h>
#include <stdbool.h>

#include "app/move.h"
#include "http/cache.h"
#include "http/internal.h"
#include "store/api.h"
#include "store/programme.h"
#include "store/web.h"

/* Longest id and free text an API body may carry. */
#define API_ID_MAX 128
#define API_TEXT_MAX 4000

/* Whether the caller is signed in as an organiser. */
bool api_is_organiser(const struct http_req *r);
/* Whether the login has a participant profile (a person); else replies 404
 * no_person. */
bool api_need_person(struct http_req *r);
/* Replies 200 with j (taking it), or, when j is NULL, err's error. */
void api_reply_json_or_error(struct http_req *r, json_t *j, struct df_err *err);
/* A reply kept while what kind says it reads is unchanged (http/cache.h),
 * for figures that are costly to count and asked again and again (the
 * dashboard's, each minute): api_reply_kept replies 200 with the text kept
 * under key and says true, or says false (none kept: the caller counts);
 * then api_reply_json_keeping replies as api_reply_json_or_error does,
 * keeping a 200's text under key. key names everything the reply depends
 * on beside what kind watches (the event, the clock's mark, other
 * generations): a NULL key keeps nothing. */
bool api_reply_kept(struct http_req *r, enum http_cache_kind kind, const char *key);
void api_reply_json_keeping(struct http_req *r, enum http_cache_kind kind, const char *key,
                            json_t *j, struct df_err *err);
/* Whether the caller's person is organisation org's contact. */
bool api_is_contact_of(struct http_req *r, const char *org);
/* The query parameter name as an integer from min to max (dflt when
 * absent; http_url_param_int's strict digits); false after replying 422
 * naming the parameter. */
bool api_int_param(struct http_req *r, const char *name, int min, int max, int dflt, int *out);
/* An organiser's list comes a page at a time: limit rows (API_PAGE_DEFAULT
 * unless asked, at most API_PAGE_MAX) from the offset-th (at most
 * API_OFFSET_MAX), beside the count of all that match. */
#define API_PAGE_DEFAULT 200
#define API_PAGE_MAX 1000
#define API_OFFSET_MAX 1000000
/* The query's limit (0 to API_PAGE_MAX; dflt when absent) and offset; false
 * after replying 422 naming the parameter. */
bool api_page_params(struct http_req *r, int dflt, int *limit, int *offset);
/* The query's text filter name into *out (NULL when absent or empty); false
 * after replying 422 when it is longer than API_QUERY_MAX bytes. */
#define API_QUERY_MAX 200
bool api_text_param(struct http_req *r, const char *name, const char **out);
/* The query parameter name as a yes/no filter: absent or "0" false, "1"
 * true; anything else 422 naming it (false returned, replied). */
bool api_flag_param(struct http_req *r, const char *name, bool *on);
/* Whether v is one of set's strings (set ends with NULL). */
bool api_is_one_of(const char *v, const char *const *set);

/* JSON shapes (new references). jansson refuses NULL strings in "s":
 * api_str_or_null gives JSON null instead. A person's email only with_email
 * (organisers and the person themself). */
json_t *api_str_or_null(const char *s);
/* Words for a page (docs/api.md): the values of name/value pairs (NULL
 * ends them; a NULL value is left out) as {"name": "value", ...}. */
json_t *api_values_json(const char *const *pairs);
/* One coded sentence (app/words.h) as {"code","values","message"}; what
 * is in the way (app/move.h) as a list of them. */
json_t *api_why_json(const struct app_why *y);
json_t *api_whys_json(const struct app_whys *w);
/* A kept schedule run's reason's code and values (the store's JSON object
 * text; none or a broken one is {}) set as "code" and "values" in j, beside
 * its "reason"; nothing for a reason kept without a code. */
void api_reason_code_set(json_t *j, const char *code, const char *values);
json_t *api_org_json(const struct store_org *o);
json_t *api_person_json(const struct store_person *p, bool with_email);
json_t *api_request_json(const struct store_request *q);
json_t *api_event_json(const struct store_event *e);
/* A meeting's or request's party: {"id","name","org","org_name","org_name_uk","country"}. */
json_t *api_party_json(const struct store_web_party *p);
/* j's "attendees": the array attendees_json holds (store_request_attendees_json's,
 * store.h), an empty one when NULL or unreadable. */
void api_attendees_set(json_t *j, const char *attendees_json);
/* A request of a list: Request plus "people": [from, to] as api_party_json,
 * and its "attendees". */
json_t *api_request_row_json(const struct store_web_request *w);

/* handlers_orgs.c */
void api_orgs(struct http_req *r);
void api_org(struct http_req *r);
void api_org_put(struct http_req *r);
void api_org_caps_put(struct http_req *r);
void api_person(struct http_req *r);

/* handlers_events.c */
void api_events(struct http_req *r);
void api_event(struct http_req *r);
void api_event_post(struct http_req *r);
void api_event_put(struct http_req *r);
void api_session_delete(struct http_req *r);
void api_location_delete(struct http_req *r);
void api_interpreter_delete(struct http_req *r);
void api_schedule(struct http_req *r);
void api_publish(struct http_req *r);
void api_unscheduled(struct http_req *r);
/* GET /events/{id}/schedule: the event's last schedule run and what changed since. */
void api_schedule_last(struct http_req *r);

/* handlers_requests.c */
void api_requests(struct http_req *r);
void api_request_post(struct http_req *r);
/* POST /console/requests: the organisers' introduction (app/introduce.h). */
void api_console_introduce(struct http_req *r);
void api_request_get(struct http_req *r);
void api_request_accept(struct http_req *r);
void api_request_times(struct http_req *r);
void api_me_request_times(struct http_req *r);
void api_request_proposal_put(struct http_req *r);
void api_person_times(struct http_req *r);
void api_console_pair_times(struct http_req *r);
void api_request_decline(struct http_req *r);
void api_request_cancel(struct http_req *r);
void api_request_attendee_post(struct http_req *r);
void api_request_attendee_delete(struct http_req *r);

/* The help desk's view of one participant (handlers_desk.c); organisers only. */
void api_console_person(struct http_req *r);
void api_console_person_agenda(struct http_req *r);
void api_console_person_data(struct http_req *r);
void api_console_person_erase(struct http_req *r);
/* handlers.c: person's whole data (app_person_data) as a file to keep. */
void api_reply_person_data(struct http_req *r, const char *person);
/* POST /console/people: a walk-in registered at the desk, with her link. */
void api_console_walkin(struct http_req *r);
void api_console_person_invitation(struct http_req *r);
void api_console_org_id(struct http_req *r);
struct app_walkin_made;
/* Replies status with the person made (her e-mail too) and her link, once;
 * made->link wiped. */
void api_reply_walkin_made(struct http_req *r, int status, struct app_walkin_made *made);
/* handlers_applications.c: applications to take part (app/applications.h) */
void api_applications_open(struct http_req *r);
void api_application_post(struct http_req *r);
void api_console_applications(struct http_req *r);
void api_console_applications_open_put(struct http_req *r);
void api_console_application_approve(struct http_req *r);
void api_console_application_decline(struct http_req *r);
/* handlers_move.c: an organiser moves one meeting */
void api_console_meeting_moves(struct http_req *r);
void api_console_meeting_move(struct http_req *r);
/* handlers_move.c: a table out of use, its meetings moved in one go */
void api_console_table_out(struct http_req *r);
void api_console_table_back(struct http_req *r);
void api_console_tables_out(struct http_req *r);
/* Whether invitation links reach people elsewhere; false having replied 409
 * no_public_url when they would not. */
bool api_invitation_links_reach(struct http_req *r);
/* An ask for invitation links (POST /console/invitations, POST
 * /console/people/{id}/invitation): links that reach people, and the
 * optional body's {"days", "mail"} (1 to APP_INVITE_DAYS_MAX, default
 * APP_INVITE_DAYS; whether to mail them too, default false) into *days and
 * *mail; false having replied when not. */
bool api_invitation_ask(struct http_req *r, int *days, bool *mail);
/* Replies with person's agenda, as JSON {"person","meetings"} or iCalendar
 * (handlers.c): 404 for an unknown person. */
void api_reply_agenda(struct http_req *r, const char *person, bool ics);

/* handlers_availability.c */
void api_me_availability(struct http_req *r);
void api_me_availability_put(struct http_req *r);
void api_person_availability(struct http_req *r);
void api_person_availability_put(struct http_req *r);
/* POST /me/day-off, /console/people/{id}/day-off: a day she cannot come. */
void api_me_day_off(struct http_req *r);
void api_console_person_day_off(struct http_req *r);

/* handlers_consortium.c */
void api_me_outcomes(struct http_req *r);
void api_me_outcome_put(struct http_req *r);
void api_me_outcome_delete(struct http_req *r);
void api_event_outcomes(struct http_req *r);

/* handlers_messages.c: messages between the people of a meeting request */
void api_request_messages(struct http_req *r);
void api_request_message_post(struct http_req *r);
void api_me_messages(struct http_req *r);

void api_consortium_programmes(struct http_req *r);
void api_consortium_check(struct http_req *r);

/* handlers_procure.c */
void api_procure_instruments(struct http_req *r);
void api_procure_plan(struct http_req *r);
void api_procure_ocds(struct http_req *r);
void api_procure_demand_get(struct http_req *r);
void api_procure_supply_get(struct http_req *r);
void api_procure_demand_post(struct http_req *r);
void api_procure_demand_put(struct http_req *r);
void api_procure_demand_delete(struct http_req *r);
void api_procure_supply_post(struct http_req *r);
void api_procure_supply_put(struct http_req *r);
void api_procure_supply_delete(struct http_req *r);

/* handlers_announcements.c */
/* GET and PUT /me/mail, GET /console/mail (handlers_mail.c). */
void api_me_mail(struct http_req *r);
void api_me_mail_put(struct http_req *r);
void api_console_mail(struct http_req *r);
void api_console_remind(struct http_req *r);
void api_console_day_mail(struct http_req *r);
void api_console_ask_outcomes(struct http_req *r);
void api_console_people_mail(struct http_req *r);
void api_console_backups(struct http_req *r);
void api_announcements(struct http_req *r);
void api_announcement_post(struct http_req *r);
void api_announcement_delete(struct http_req *r);
/* handlers_day.c: the forum's day */
/* person's next meeting not yet over as the check-in desk shows it:
 * {"request","event","timezone","starts_at","ends_at","location","with_n",
 * "with":[{"id","name","organisation_name","organisation_name_uk"}]}, JSON
 * null when they have none; NULL with err on the store's error. */
json_t *api_next_meeting_json(struct http_req *r, const char *person, struct df_err *err);
void api_me_absent(struct http_req *r);
void api_console_absences(struct http_req *r);
void api_console_absence_dealt(struct http_req *r);

#endif
