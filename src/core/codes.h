/* Every code the server says a sentence by (docs/api.md "Words for a
 * page"), one list per family, for a page to say each in its own language.
 * tools/check_web.py reads this file: each code of a list must have its
 * words in web/i18n/en.json and uk.json (under the key the list names), and
 * each code the sources give (df_err_code, the procurement engine's
 * reasons, the code page's guesses) must be in a list, so that a new code
 * cannot reach a page unsaid. The lists are not compiled into dfnc. (An
 * error's own code, {"error": {"code"}}, is not listed here: the check
 * reads src/http's replies and holds each to its words "apierr.CODE".) */
#ifndef DFNC_CORE_CODES_H
#define DFNC_CORE_CODES_H

/* A file's problems (an import's rows, its header and encoding; the
 * glossary's lines; the checks an import shares with the API's fields; the
 * store's references not there, need_rid's): words "import.err_CODE". */
#define DF_CODES_IMPORT                                                                         \
    "missing_column", "column_twice", "columns_fold", "no_header", "utf16", "bom_asked",        \
        "stray_quote", "undefined_byte", "nul", "fffd", "not_utf8", "cyrillic", "western",      \
        "bom_utf8", "mixed", "damaged", "not_cp1251", "undecided", "fields_count",              \
        "fields_over", "unnamed", "required", "too_long", "yes_no", "not_one_of",               \
        "email_invalid", "country_unknown", "languages_malformed", "language_unknown",          \
        "language_twice", "unknown_org", "cpv_malformed", "cpv_unknown", "priority",            \
        "same_person", "duplicate", "duplicate_pair", "duplicate_capability", "email_twice",    \
        "email_stored", "email_login", "id_chars", "session_id_long", "website_form",           \
        "website_user", "website_host", "timezone_unknown", "whole_range", "not_b2b_slot",      \
        "not_b2b_slot_one", "no_b2b_slots", "too_many_slots", "no_person", "no_event",          \
        "event_none", "event_only", "event_more", "event_list", "unknown_event", "clock",       \
        "date", "time", "year", "starts_after", "end_before", "slot_minutes", "b2b_only",       \
        "no_slot_fits", "too_many_cut", "slots_count", "slots_twice", "session_outside",        \
        "slot_published", "kind_published", "session_published", "session_interpreters",       \
        "location_published", "booth_hosts", "belongs", "belongs_session", "glossary_line",     \
        "word_long", "word_missing_en", "word_missing_uk", "abbreviation", "glued",             \
        "not_one_word", "itself", "translations", "bidi_control", "control_char", "line_break",   \
        "field_long", "columns_max", "bare_cr", "line_long", "row_long", "quote_open",           \
        "csv_malformed", "request_moved", "session_day", "session_ends_first", "slot_outside",   \
        "slots_overlap",                                                                        \
        "pair_malformed", "pair_language", "file_long", "not_text", "word_bidi", "word_control",  \
        "times_unzoned", "video_url", "person_erased", "no_session", "no_slot", "no_location", "no_interpreter", \
        "no_request", "session_not_event", "day_mail_at"

/* Refusals a page says in its own words (web/js/words.js: the tables
 * REFUSED and FIELD, people.js's sendError, walkin.js's taken): each must
 * be named there. */
#define DF_CODES_REFUSAL                                                                        \
    "request_status", "not_published", "request_open", "request_cap", "meeting_not_started",    \
        "meeting_over", "no_meeting", "no_words", "org_max", "number_range", "price_range",     \
        "date_invalid", "date_past", "country_not_buyers", "funders_max", "shares_over",       \
        "id_taken", "no_video_service", "no_email", "email_other_login", "invalid_time",        \
        "ends_before_shown", "mail_ahead", "mail_off", "attendee_party", "attendee_org",        \
        "attendee_twice", "attendee_cap", "event_over", "checkin_day", "day_off_day",        \
        "requests_closed", "nothing_begun", "sent_just_now"

/* The procurement engine's reasons (src/engine/procure/plan.c): words
 * "proc.why.CODE", counted by "n" where the reason counts. */
#define DF_CODES_PROCURE                                                                        \
    "few_states", "few_members", "no_lot_window", "deadline_past", "country_excluded",          \
        "no_offer", "offers_of_cpv", "under_content", "place_excluded", "no_demand",            \
        "demands_of_cpv", "unit_apart", "unit_no_lot"

/* The parts of a counted procurement reason ("1 above the maximum price"):
 * words "proc.part.CODE", each counted by "n". */
#define DF_CODES_PROCURE_PARTS                                                                  \
    "above_max_price", "under_content", "place_excluded", "cannot_deliver_by",                  \
        "no_capacity_by", "in_no_lot", "lower_max_price", "due_too_early", "served_by_others",  \
        "other_unit"

/* What is in the way of a chosen time or a desk's move (src/app/move.c,
 * a 409's "reasons"): each a key of web/js/words.js's table WHY. */
#define DF_CODES_IN_THE_WAY                                                                     \
    "slot_begun", "table_taken", "person_meets", "person_away", "no_interpreter_free",          \
        "interpreter_busy", "interpreter_off", "no_table", "no_table_free", "table_out",        \
        "interpreter_needed"

/* Why a schedule run left an accepted request without a meeting (GET
 * /events/{id}/unscheduled, an accept's not_placed): keys of words.js's
 * table UNSCHEDULED. */
#define DF_CODES_UNSCHEDULED                                                                    \
    "not_yet", "no_common_slot", "people_busy", "tables_full", "precedence",                    \
        "no_interpreter_left", "no_b2b_slots", "no_tables", "accepted_during_run",              \
        "away_during_run", "availability_during_run", "languages_changed_during_run",           \
        "booth_during_run", "made_way", "languages_during_run"

/* An accept's warning by its parts (src/app/requests.c): keys of
 * words.js's table ACCEPTED. */
#define DF_CODES_ACCEPTED                                                                       \
    "proposal_not_free", "placed_elsewhere", "not_placed", "all_begun", "placing_failed"

/* A published meeting a programme's change moved (PUT /events's warnings,
 * src/app/event.c): keys of web/js/pages/console.js's table MOVED. */
#define DF_CODES_MOVED "meeting_moved", "meeting_venue"

/* An import's notes (the meetings a file moved or removed): keys of
 * console.js's table WARNINGS. */
#define DF_CODES_IMPORT_NOTES "meeting_moved", "meeting_venue", "meeting_removed"

#endif
