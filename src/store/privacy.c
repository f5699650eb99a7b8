/* A person's data read and erased (store/privacy.h). Each query takes her
 * row's rid as ?1 (her copy's requests also the words of a made_way reason
 * as ?2); her addresses are her row's and her logins'. */
#include "store/privacy.h"

#include <string.h>

#include "store/store_internal.h"

static const char person_rid_sql[] = "SELECT rid FROM people WHERE id = ?";

/* Her addresses, for the tables that key on one (logins, failed sign-ins,
 * mail, applications, the audit trail), compared ignoring letter case as
 * logins are. */
#define ADDR                                                                             \
    "WITH addr(a) AS (SELECT email FROM people WHERE rid = ?1 AND email IS NOT NULL"      \
    " UNION SELECT email FROM users WHERE person_rid = ?1) "
#define IS_ADDR(col) "EXISTS (SELECT 1 FROM addr WHERE a = " col " COLLATE NOCASE)"
/* Her requests: hers to or from, or one she attends. */
#define MINE                                                                             \
    "mine(rid) AS (SELECT rid FROM requests WHERE from_rid = ?1 OR to_rid = ?1"           \
    " UNION SELECT request_rid FROM request_attendees WHERE person_rid = ?1)"
/* An audit line (l) by her, p: by her person's id or one of her addresses. */
#define BY_HER "(l.actor = p.id OR l.actor = 'person:' || p.id OR " IS_ADDR("l.actor") ")"
/* Who wrote audit line l, as her copy says it: an actor that is an address
 * not hers is another login's, named as the pages name people: a
 * participant's as person:ID, an organiser's as organiser, any other (a
 * login gone) null. An id (p-..., cli, organiser) stays as written. */
#define AUDIT_ACTOR                                                                       \
    "(CASE WHEN " BY_HER " OR instr(l.actor, '@') = 0 THEN l.actor"                       \
    " ELSE (SELECT iif(u.role = 'organiser', 'organiser', 'person:' || x.id)"             \
    " FROM users u LEFT JOIN people x ON x.rid = u.person_rid"                            \
    " WHERE u.email = l.actor COLLATE NOCASE) END)"
#define BOOL(x) "json(iif(" x ", 'true', 'false'))"
#define UNIX_TIME(x) "strftime('%Y-%m-%dT%H:%M:%SZ', " x ", 'unixepoch')"
/* A list of the rows an inner query gives as j, in its order (a JSON value
 * read from a subquery is text again: json() makes it JSON). */
#define LIST(inner) "json((SELECT json_group_array(json(j)) FROM (" inner ")))"

const struct store_privacy_part store_privacy_parts[] = {
    /* with the days she came to the forum (the desk's check-ins) and when
     * the organisers last reminded her of requests to answer, and last
     * asked her what her meetings led to, each event */
    {"person", "people arrivals answer_reminders outcome_asks",
     "SELECT json_object('id', p.id, 'name', p.name, 'email', p.email, 'title', p.title,"
     " 'languages', p.languages, 'booth', p.booth, 'arrivals', " LIST(
         "SELECT json_object('day', v.day, 'at', v.at) AS j FROM arrivals v"
         " WHERE v.person_rid = ?1 ORDER BY v.day") ","
     " 'reminded_to_answer', " LIST(
         "SELECT json_object('event', e.id, 'at', ar.reminded_at) AS j FROM answer_reminders ar"
         " JOIN events e ON e.rid = ar.event_rid WHERE ar.person_rid = ?1 ORDER BY e.id") ","
     " 'asked_outcomes', " LIST(
         "SELECT json_object('event', e.id, 'at', oa.asked_at) AS j FROM outcome_asks oa"
         " JOIN events e ON e.rid = oa.event_rid WHERE oa.person_rid = ?1 ORDER BY e.id") ","
     " 'ui_language', p.ui_language, 'mail_off', " BOOL("p.mail_off") ","
     " 'created_at', p.created_at, 'updated_at', p.updated_at, 'erased_at', p.erased_at)"
     " FROM people p WHERE p.rid = ?1"},
    /* her logins, their live sessions and devices (when, never a token), an
     * invitation not used yet, and the failed sign-ins counted against her */
    {"logins", "users user_sessions device_tokens invitations login_failures",
     "SELECT " LIST(
         "SELECT json_object('email', u.email, 'role', u.role, 'created_at', u.created_at,"
         " 'sessions', " LIST("SELECT json_object('signed_in_at', " UNIX_TIME("x.created_at")
                              ", 'expires_at', " UNIX_TIME("x.expires_at") ") AS j"
                              " FROM user_sessions x WHERE x.user_rid = u.rid"
                              " AND x.expires_at > unixepoch('now') ORDER BY x.created_at") ","
         " 'devices', " LIST("SELECT json_object('first_signed_in_at', " UNIX_TIME("d.created_at")
                             ", 'expires_at', " UNIX_TIME("d.expires_at") ") AS j"
                             " FROM device_tokens d WHERE d.user_rid = u.rid"
                             " AND d.expires_at > unixepoch('now') ORDER BY d.created_at") ","
         " 'invitation', json((SELECT json_object('made_at', " UNIX_TIME("i.created_at")
         "  , 'expires_at', " UNIX_TIME("i.expires_at") ") FROM invitations i"
         "  WHERE i.user_rid = u.rid)),"
         " 'failed_sign_ins', " LIST("SELECT json_quote(" UNIX_TIME("f.at") ") AS j"
                                     " FROM login_failures f"
                                     " WHERE f.key = 'acct:' || lower(u.email) ORDER BY f.at")
         ") AS j FROM users u WHERE u.person_rid = ?1 ORDER BY u.rid")},
    {"organisation", "organisations capabilities org_contacts",
     "SELECT json_object('id', o.id, 'name', o.name, 'name_uk', o.name_uk,"
     " 'country', o.country, 'kind', o.kind, 'sme', " BOOL("o.sme") ", 'city', o.city,"
     " 'website', o.website, 'description', o.description,"
     " 'description_uk', o.description_uk,"
     " 'her_organisation_contact', " BOOL("EXISTS (SELECT 1 FROM org_contacts c"
                                          " WHERE c.org_rid = o.rid AND c.person_rid = ?1)") ","
     " 'capabilities', " LIST("SELECT json_object('direction', c.direction, 'cpv', c.cpv,"
                              " 'title', c.title, 'description', c.description,"
                              " 'confidential', " BOOL("c.confidential") ") AS j"
                              " FROM capabilities c WHERE c.org_rid = o.rid"
                              " ORDER BY c.direction, c.cpv") ")"
     " FROM people p JOIN organisations o ON o.rid = p.org_rid WHERE p.rid = ?1"},
    /* the requests she sent, received or attends, each with its whole thread
     * (hers and the other side's words), how far she read it, and why the
     * last schedule run left it without a meeting */
    {"requests",
     "requests request_attendees request_messages request_message_reads unscheduled_reasons",
     "WITH " MINE " SELECT " LIST(
         "SELECT json_object('id', r.id, 'event', e.id, 'from', f.id, 'from_name', f.name,"
         " 'to', t.id, 'to_name', t.name,"
         " 'she_attends', " BOOL("r.from_rid <> ?1 AND r.to_rid <> ?1") ","
         " 'status', r.status, 'cancelled_by', r.cancelled_by, 'priority', r.priority,"
         " 'introduced', " BOOL("r.introduced") ", 'message', r.message,"
         " 'created_at', r.created_at, 'updated_at', r.updated_at,"
         /* one that made way for another request names it, not hers to
          * read: the words the app gives (?2) instead */
         " 'unscheduled_reason', (SELECT CASE u.code WHEN 'made_way' THEN ?2 ELSE u.reason END"
         "  FROM unscheduled_reasons u WHERE u.request_rid = r.rid),"
         " 'messages', " LIST("SELECT json_object('author', a.id, 'author_name', a.name,"
                              " 'text', m.text, 'sent_at', m.created_at) AS j"
                              " FROM request_messages m LEFT JOIN people a ON a.rid = m.author_rid"
                              " WHERE m.request_rid = r.rid ORDER BY m.rid") ","
         " 'messages_read', (SELECT count(*) FROM request_messages m JOIN request_message_reads x"
         "  ON x.request_rid = m.request_rid AND x.person_rid = ?1"
         "  WHERE m.request_rid = r.rid AND m.rid <= x.last_rid)) AS j"
         " FROM mine JOIN requests r ON r.rid = mine.rid JOIN events e ON e.rid = r.event_rid"
         " JOIN people f ON f.rid = r.from_rid JOIN people t ON t.rid = r.to_rid"
         " ORDER BY r.created_at, r.id")},
    /* the meetings of her requests, where and when, and those withdrawn */
    {"meetings", "meetings",
     "WITH " MINE " SELECT " LIST(
         "SELECT json_object('id', m.id, 'request', r.id, 'event', e.id,"
         " 'session', se.name, 'starts_at', sl.starts_at, 'ends_at', sl.ends_at,"
         " 'table', l.name, 'interpreter', i.name) AS j"
         " FROM mine JOIN requests r ON r.rid = mine.rid JOIN meetings m ON m.request_rid = r.rid"
         " JOIN events e ON e.rid = r.event_rid JOIN slots sl ON sl.rid = m.slot_rid"
         " JOIN sessions se ON se.rid = sl.session_rid"
         " LEFT JOIN locations l ON l.rid = m.location_rid"
         " LEFT JOIN interpreters i ON i.rid = m.interpreter_rid ORDER BY sl.starts_at, m.id")},
    /* and those she was taken off as a colleague, as she last had them */
    {"withdrawn_meetings", "withdrawn_meetings withdrawn_attendance",
     "WITH " MINE " SELECT " LIST(
         "SELECT json_object('id', w.meeting_id, 'request', r.id, 'starts_at', w.starts_at,"
         " 'ends_at', w.ends_at, 'table', w.location, 'withdrawn_at', w.withdrawn_at,"
         " 'taken_off', json('false')) AS j, w.starts_at AS at"
         " FROM mine JOIN requests r ON r.rid = mine.rid"
         " JOIN withdrawn_meetings w ON w.request_rid = r.rid"
         " UNION ALL SELECT json_object('id', w.meeting_id, 'request', r.id,"
         " 'starts_at', w.starts_at, 'ends_at', w.ends_at, 'table', w.location,"
         " 'withdrawn_at', w.withdrawn_at, 'taken_off', json('true')), w.starts_at"
         " FROM withdrawn_attendance w JOIN requests r ON r.rid = w.request_rid"
         " WHERE w.person_rid = ?1 ORDER BY at")},
    {"outcomes", "meeting_outcomes",
     "SELECT " LIST("SELECT json_object('request', r.id, 'outcome', o.outcome, 'note', o.note,"
                    " 'updated_at', o.updated_at) AS j"
                    " FROM meeting_outcomes o JOIN requests r ON r.rid = o.request_rid"
                    " WHERE o.person_rid = ?1 ORDER BY r.id")},
    {"unavailability", "unavailability",
     "SELECT " LIST("SELECT json_object('slot', t.id, 'starts_at', t.starts_at,"
                    " 'ends_at', t.ends_at, 'reason', u.reason, 'set_by', u.set_by) AS j"
                    " FROM unavailability u JOIN slots t ON t.rid = u.slot_rid"
                    " WHERE u.person_rid = ?1 ORDER BY t.starts_at")},
    {"absence_reports", "absence_reports",
     "SELECT " LIST("SELECT json_object('id', x.id, 'request', r.id,"
                    " 'reported_at', x.reported_at, 'dealt_at', x.dealt_at) AS j"
                    " FROM absence_reports x JOIN requests r ON r.rid = x.request_rid"
                    " WHERE x.reporter_rid = ?1 ORDER BY x.reported_at")},
    {"calendar_feed", "feed_tokens",
     "SELECT json((SELECT json_object('made_at', " UNIX_TIME("created_at") ")"
     " FROM feed_tokens WHERE person_rid = ?1))"},
    /* the mail queued or sent to her: what and when, never its links */
    {"mail", "mail_outbox",
     ADDR "SELECT " LIST("SELECT json_object('id', id, 'kind', kind, 'subject', subject,"
                         " 'to', to_addr, 'status', status, 'queued_at', created_at,"
                         " 'sent_at', sent_at) AS j FROM mail_outbox"
                         " WHERE person_rid = ?1 OR " IS_ADDR("to_addr") " ORDER BY rid")},
    {"applications", "applications",
     ADDR "SELECT " LIST("SELECT json_object('id', id, 'status', status, 'created_at', created_at,"
                         " 'name', name, 'email', email, 'title', title, 'languages', languages,"
                         " 'organisation', org, 'organisation_name', org_name,"
                         " 'organisation_country', org_country, 'message', message,"
                         " 'decided_at', decided_at) AS j FROM applications"
                         " WHERE person = (SELECT id FROM people WHERE rid = ?1)"
                         " OR " IS_ADDR("email") " ORDER BY created_at")},
    /* the audit lines by her or about her: her person, her logins, her
     * requests. A line by someone else names them without their address
     * (AUDIT_ACTOR), and another's outcome of a meeting of hers is theirs
     * (each side says its own), not a line of her copy. */
    {"audit", "audit_log",
     ADDR ", " MINE " SELECT " LIST(
         "SELECT json_object('at', l.at, 'actor', " AUDIT_ACTOR ", 'action', l.action,"
         " 'entity', l.entity, 'entity_id', l.entity_id, 'detail', l.detail) AS j"
         " FROM audit_log l, people p WHERE p.rid = ?1"
         " AND (" BY_HER
         "  OR (l.entity = 'person' AND l.entity_id = p.id)"
         "  OR (l.entity = 'user' AND (" IS_ADDR("l.entity_id")
         "   OR l.entity_id = 'person:' || p.id))"
         "  OR (l.entity = 'request' AND l.action NOT LIKE 'outcome.%' AND l.entity_id IN"
         "   (SELECT r.id FROM mine JOIN requests r ON r.rid = mine.rid)))"
         " ORDER BY l.rid")},
};
const int store_privacy_parts_n = sizeof store_privacy_parts / sizeof store_privacy_parts[0];

static int export_parts(struct store *s, const char *id, const char *made_way, struct buf *out,
                        struct df_err *err)
{
    sqlite3_int64 rid = store_rid(s, person_rid_sql, id, err);
    if (rid <= 0)
        return rid < 0 ? -1 : df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", id);
    if (buf_putc(out, '{') < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < store_privacy_parts_n; i++) {
        const struct store_privacy_part *p = &store_privacy_parts[i];
        sqlite3_stmt *st = store_stmt(s, p->sql, err);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, rid);
        if (sqlite3_bind_parameter_count(st) >= 2)
            store_bind_text(st, 2, made_way);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            sqlite3_reset(st);
            return store_fail(s, err, "reading a person's data");
        }
        const char *v = store_col(st, 0);
        int w = buf_printf(out, "%s\"%s\":%s", i ? "," : "", p->key, v ? v : "null");
        sqlite3_reset(st);
        if (w < 0)
            return df_err_set(err, DF_ERR_RUNTIME, "a person's data is too large");
    }
    return buf_putc(out, '}') < 0 ? df_err_set(err, DF_ERR_RUNTIME, "out of memory") : 0;
}

int store_privacy_export(struct store *s, const char *id, const char *made_way, struct buf *out,
                         struct df_err *err)
{
    IN_ONE_READ(s, err, export_parts(s, id, made_way, out, err));
}

/* A meeting held: one whose slot has begun by ?2 (Unix seconds), as the
 * report counts a meeting begun (store/report.c). */
#define BEGUN(request_rid)                                                                  \
    "EXISTS (SELECT 1 FROM meetings m JOIN slots sl ON sl.rid = m.slot_rid"                 \
    " WHERE m.request_rid = " request_rid                                                   \
    " AND julianday(sl.starts_at) <= julianday(?2, 'unixepoch'))"

int store_privacy_open_requests(struct store *s, const char *id, long long now, struct arena *a,
                                const char ***ids, int *n, int *held, struct df_err *err)
{
    static const char sql[] =
        "SELECT r.id, r.status = 'accepted' AND " BEGUN("r.rid")
        " FROM requests r JOIN people p ON p.id = ?1"
        " WHERE (r.from_rid = p.rid OR r.to_rid = p.rid)"
        " AND r.status IN ('pending', 'accepted') ORDER BY r.id";
    *ids = NULL;
    *n = *held = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    sqlite3_bind_int64(st, 2, now);
    int rc, cap = 0, result = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 1)) {
            ++*held;
            continue;
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            const char **grown = arena_alloc(a, (size_t)cap * sizeof *grown);
            if (!grown) {
                result = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
                break;
            }
            if (*n)
                memcpy(grown, *ids, (size_t)*n * sizeof *grown);
            *ids = grown;
        }
        if (!((*ids)[(*n)++] = arena_strdup(a, store_col(st, 0)))) {
            result = df_err_set(err, DF_ERR_RUNTIME, "out of memory");
            break;
        }
    }
    if (!result && rc != SQLITE_DONE)
        result = store_fail(s, err, "listing a person's open requests");
    sqlite3_reset(st);
    return result;
}

/* What erasure deletes or clears, in order, each with her row's rid as ?1
 * and now as ?2: the rows of her logins go after the audit trail and the
 * organisers' own columns forget her addresses ("person:ID" instead). A
 * meeting held stays a fact of the forum: that she attended it, and her
 * word that her partner was not there, stay with her nameless row, so the
 * report counts it as before. */
#define AS_PERSON "'person:' || (SELECT id FROM people WHERE rid = ?1)"
#define FORGET_ADDR(table, col) \
    ADDR "UPDATE " table " SET " col " = " AS_PERSON " WHERE " IS_ADDR(col)
#define OF_HER_LOGINS "user_rid IN (SELECT rid FROM users WHERE person_rid = ?1)"
static const char *const erase_sql[] = {
    "DELETE FROM request_messages WHERE author_rid = ?1",
    "UPDATE requests SET message = NULL WHERE from_rid = ?1 AND message IS NOT NULL",
    "UPDATE meeting_outcomes SET note = '' WHERE person_rid = ?1 AND note <> ''",
    "DELETE FROM request_message_reads WHERE person_rid = ?1",
    "DELETE FROM unavailability WHERE person_rid = ?1",
    "DELETE FROM answer_reminders WHERE person_rid = ?1",
    "DELETE FROM outcome_asks WHERE person_rid = ?1",
    "DELETE FROM absence_reports WHERE reporter_rid = ?1"
    " AND NOT " BEGUN("absence_reports.request_rid"),
    "DELETE FROM request_attendees WHERE person_rid = ?1"
    " AND NOT " BEGUN("request_attendees.request_rid"),
    /* after the line above, whose taking her off keeps such a record */
    "DELETE FROM withdrawn_attendance WHERE person_rid = ?1",
    "DELETE FROM feed_tokens WHERE person_rid = ?1",
    "DELETE FROM org_contacts WHERE person_rid = ?1",
    ADDR "DELETE FROM login_failures WHERE key IN (SELECT 'acct:' || lower(a) FROM addr)",
    ADDR "DELETE FROM mail_outbox WHERE person_rid = ?1 OR " IS_ADDR("to_addr"),
    ADDR "DELETE FROM applications WHERE person = (SELECT id FROM people WHERE rid = ?1)"
    " OR " IS_ADDR("email"),
    FORGET_ADDR("audit_log", "actor"),
    ADDR "UPDATE audit_log SET entity_id = " AS_PERSON
    " WHERE entity = 'user' AND " IS_ADDR("entity_id"),
    FORGET_ADDR("schedule_runs", "ran_by"),
    FORGET_ADDR("announcements", "created_by"),
    FORGET_ADDR("absence_reports", "dealt_by"),
    FORGET_ADDR("applications", "decided_by"),
    FORGET_ADDR("location_out_of_use", "set_by"),
    FORGET_ADDR("day_mails", "mailed_by"),
    "DELETE FROM user_sessions WHERE " OF_HER_LOGINS,
    "DELETE FROM device_tokens WHERE " OF_HER_LOGINS,
    "DELETE FROM invitations WHERE " OF_HER_LOGINS,
    "DELETE FROM users WHERE person_rid = ?1",
};

/* The free text others keep that may name her: each occurrence of her name
 * or an address of hers, in any case (ANNA, anna@DE.test, ҐАННА, ŁUKASZ:
 * dfnc_fold's folding), becomes "***" (never longer: no CHECK on a length
 * fails), ?1 the words, in every column here. */
#define SCRUB(table, col)                                                                   \
    "UPDATE " table " SET " col " = dfnc_replace_nocase(" col ", ?1, '***')"                 \
    " WHERE instr(dfnc_fold(" col "), dfnc_fold(?1)) > 0"
static const char *const scrub_sql[] = {
    SCRUB("audit_log", "detail"),          SCRUB("mail_outbox", "subject"),
    SCRUB("mail_outbox", "body"),          SCRUB("requests", "message"),
    SCRUB("request_messages", "text"),     SCRUB("meeting_outcomes", "note"),
    SCRUB("unscheduled_reasons", "reason"), SCRUB("unscheduled_reasons", "vals"),
    SCRUB("announcements", "text"),        SCRUB("announcements", "text_uk"),
};
/* Words shorter than this are not scrubbed: "Li" would take every "Li" out
 * of everyone's text. */
enum { SCRUB_MIN = 3 };

/* arrivals: kept as they are (store_privacy_erase says why) */
const char store_privacy_erased_tables[] =
    "people arrivals request_messages requests meeting_outcomes request_message_reads unavailability"
    " absence_reports request_attendees withdrawn_attendance feed_tokens org_contacts"
    " login_failures mail_outbox applications audit_log schedule_runs announcements user_sessions device_tokens"
    " invitations users unscheduled_reasons location_out_of_use day_mails answer_reminders"
    " outcome_asks";

static int run_rid(struct store *s, const char *sql, sqlite3_int64 rid, long long now,
                   struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_int64(st, 2, now);
    return store_step_done(s, st, err, "erasing a person's data");
}

/* Her name and addresses, the words scrubbed out of others' text, into
 * words[0..*n) (in a). */
static int her_words(struct store *s, sqlite3_int64 rid, struct arena *a, const char **words,
                     int max, int *n, struct df_err *err)
{
    static const char sql[] =
        "SELECT name FROM people WHERE rid = ?1 UNION SELECT email FROM people WHERE rid = ?1"
        " UNION SELECT email FROM users WHERE person_rid = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *w = store_col(st, 0);
        if (w && strlen(w) >= SCRUB_MIN && *n < max && !(words[(*n)++] = arena_strdup(a, w))) {
            sqlite3_reset(st);
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        }
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "reading a person's name");
}

int store_privacy_erase(struct store *s, const char *id, long long now, struct df_err *err)
{
    /* her arrivals stay, a nameless row's days: the report counts who came,
     * and judges a meeting held by both its people's check-ins on its day */
    static const char tomb_sql[] =
        "UPDATE people SET name = ?2, email = NULL, title = NULL, languages = '', booth = NULL,"
        " ui_language = NULL, mail_off = 1,"
        " erased_at = strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE rid = ?1";
    sqlite3_int64 rid = store_rid(s, person_rid_sql, id, err);
    if (rid <= 0)
        return rid < 0 ? -1 : df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", id);
    int erased = store_person_is_erased(s, id, err);
    if (erased)
        return erased < 0 ? -1
                          : df_err_set(err, DF_ERR_CONFLICT,
                                       "person \"%.128s\" is already erased", id);
    /* what is deleted is overwritten in the file too, not only unlinked */
    if (sqlite3_exec(s->db, "PRAGMA secure_delete = ON", NULL, NULL, NULL) != SQLITE_OK)
        return store_fail(s, err, "asking for deleted data to be overwritten");
    struct arena a;
    arena_init(&a, 64u << 10);
    const char *words[8];
    int words_n = 0, rc = her_words(s, rid, &a, words, 8, &words_n, err);
    for (int i = 0; rc == 0 && i < (int)(sizeof erase_sql / sizeof *erase_sql); i++)
        rc = run_rid(s, erase_sql[i], rid, now, err);
    for (int w = 0; rc == 0 && w < words_n; w++)
        for (int i = 0; rc == 0 && i < (int)(sizeof scrub_sql / sizeof *scrub_sql); i++) {
            sqlite3_stmt *st = store_stmt(s, scrub_sql[i], err);
            if (!st) {
                rc = -1;
                break;
            }
            store_bind_text(st, 1, words[w]);
            rc = store_step_done(s, st, err, "scrubbing a person's name from others' text");
        }
    arena_free(&a);
    if (rc < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, tomb_sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rid);
    store_bind_text(st, 2, STORE_ERASED_NAME);
    return store_step_done(s, st, err, "clearing a person's fields");
}
