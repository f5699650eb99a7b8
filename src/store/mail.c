/* The mail outbox, the forum's mail switch and a person's opt-out
 * (store/mail.h). */
#include "store/mail.h"

#include "store/store_internal.h"

/* STORE_REMINDED_HOURS, STORE_OUTCOMES_ASKED_HOURS as SQL text */
#define STR_OF(x) #x
#define TEXT_OF(x) STR_OF(x)
#define STORE_REMINDED_HOURS_TEXT TEXT_OF(STORE_REMINDED_HOURS)
#define STORE_OUTCOMES_ASKED_HOURS_TEXT TEXT_OF(STORE_OUTCOMES_ASKED_HOURS)

/* The people of the requests of a CTE rq(rrid, f, t) (rid, requester's
 * and addressee's rids) as their mail reaches them, each once, into the
 * CTE who(rrid, person, partner, role): the requester (role 0) and the
 * addressee (1), each the other's partner, then each attendee (2) who is
 * neither, her partner the side not of her organisation: the requester
 * when she is the addressee's colleague and not the requester's, else
 * the addressee (she came with the requester, as most attendees do). */
#define WHO_SQL                                                                           \
    " who(rrid, person, partner, role) AS (SELECT rrid, f, t, 0 FROM rq"                    \
    "  UNION ALL SELECT rrid, t, f, 1 FROM rq"                                              \
    "  UNION ALL SELECT rq.rrid, a.person_rid, CASE WHEN pa.org_rid = pt.org_rid"           \
    "   AND pa.org_rid <> pf.org_rid THEN rq.f ELSE rq.t END, 2"                            \
    "  FROM rq JOIN request_attendees a ON a.request_rid = rq.rrid"                         \
    "  JOIN people pa ON pa.rid = a.person_rid JOIN people pf ON pf.rid = rq.f"             \
    "  JOIN people pt ON pt.rid = rq.t WHERE a.person_rid NOT IN (rq.f, rq.t))"

int store_mail_config_get(struct store *s, struct arena *a, const char **url,
                          struct df_err *err)
{
    static const char sql[] = "SELECT public_url FROM mail_config WHERE one = 1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    *url = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *url = arena_strdup(a, store_col(st, 0));
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "reading whether the forum sends mail");
    if (rc == SQLITE_ROW && !*url)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the mail settings");
    return rc == SQLITE_ROW;
}

int store_mail_config_set(struct store *s, const char *url, struct df_err *err)
{
    static const char put[] =
        "INSERT INTO mail_config(one, public_url) VALUES (1, ?1) ON CONFLICT(one) DO UPDATE"
        " SET public_url = excluded.public_url, set_at = excluded.set_at";
    static const char off[] = "DELETE FROM mail_config";
    sqlite3_stmt *st = store_stmt(s, url ? put : off, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, url);
    return store_step_done(s, st, err, "keeping the mail settings");
}

int store_mail_notify_get(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] = "SELECT mail_off FROM people WHERE id = ?1";
    sqlite3_stmt *st = store_row_by_id(s, sql, person, "person", err);
    if (!st)
        return -1;
    int off = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return !off;
}

int store_mail_readers_each(struct store *s, store_mail_reader_fn fn, void *ud,
                            struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.email, p.ui_language, p.languages, o.country FROM people p"
        " JOIN organisations o ON o.rid = p.org_rid"
        " WHERE p.email IS NOT NULL AND p.email <> '' AND NOT p.mail_off AND p.erased_at IS NULL"
        " ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_mail_reader r = {store_col(st, 0), store_col(st, 1), store_col(st, 2),
                                      store_col(st, 3), store_col(st, 4)};
        stop = fn(ud, &r);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing whom to mail");
    sqlite3_reset(st);
    return stop;
}

int store_to_answer_each(struct store *s, const char *event, store_to_answer_fn fn, void *ud,
                         struct df_err *err)
{
    static const char sql[] =
        "SELECT p.id, p.email, p.ui_language, p.languages, o.country,"
        " p.mail_off OR p.erased_at IS NOT NULL,"
        " EXISTS (SELECT 1 FROM answer_reminders ar WHERE ar.person_rid = p.rid"
        "   AND ar.event_rid = e.rid AND ar.reminded_at >= strftime('%Y-%m-%dT%H:%M:%SZ',"
        "   'now', '-" STORE_REMINDED_HOURS_TEXT " hours')),"
        " r.id, f.name, fo.name, fo.name_uk"
        " FROM requests r JOIN events e ON e.rid = r.event_rid"
        " JOIN people p ON p.rid = r.to_rid JOIN organisations o ON o.rid = p.org_rid"
        " JOIN people f ON f.rid = r.from_rid JOIN organisations fo ON fo.rid = f.org_rid"
        " WHERE e.id = ?1 AND r.status = 'pending'"
        " ORDER BY p.id, r.created_at, r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_to_answer t = {
            .person = store_col(st, 0), .email = store_col(st, 1),
            .ui_language = store_col(st, 2), .languages = store_col(st, 3),
            .country = store_col(st, 4), .mail_off = sqlite3_column_int(st, 5) != 0,
            .reminded_lately = sqlite3_column_int(st, 6) != 0, .request = store_col(st, 7),
            .from = store_col(st, 8), .from_org = store_col(st, 9),
            .from_org_uk = store_col(st, 10)};
        stop = fn(ud, &t);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing the requests to answer");
    sqlite3_reset(st);
    return stop;
}

/* Runs sql, an INSERT OR REPLACE into a table of who was mailed at an
 * event (answer_reminders, outcome_asks: its time defaults to now) with
 * event as ?1 and person as ?2; what says it when the database fails. */
static int keep_mailed(struct store *s, const char *sql, const char *event, const char *person,
                       const char *what, struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, person);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, what);
}

int store_answer_reminded(struct store *s, const char *event, const char *person,
                          struct df_err *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO answer_reminders(event_rid, person_rid)"
        " SELECT e.rid, p.rid FROM events e, people p WHERE e.id = ?1 AND p.id = ?2";
    return keep_mailed(s, sql, event, person, "keeping who was reminded", err);
}

int store_unsaid_each(struct store *s, const char *event, int64_t now, store_unsaid_fn fn,
                      void *ud, struct df_err *err)
{
    static const char sql[] =
        "WITH rq(rrid, f, t) AS (SELECT r.rid, r.from_rid, r.to_rid FROM requests r"
        "  JOIN events e ON e.rid = r.event_rid JOIN meetings m ON m.request_rid = r.rid"
        "  JOIN slots sl ON sl.rid = m.slot_rid WHERE e.id = ?1 AND r.status = 'accepted'"
        "  AND julianday(sl.starts_at) <= julianday(?2, 'unixepoch')),"
        WHO_SQL
        " SELECT p.id, p.email, p.ui_language, p.languages, o.country,"
        " p.mail_off OR p.erased_at IS NOT NULL,"
        " EXISTS (SELECT 1 FROM outcome_asks oa WHERE oa.person_rid = p.rid"
        "   AND oa.event_rid = r.event_rid AND oa.asked_at >= strftime('%Y-%m-%dT%H:%M:%SZ',"
        "   'now', '-" STORE_OUTCOMES_ASKED_HOURS_TEXT " hours')),"
        " r.id, sl.starts_at, sl.ends_at, q.name, qo.name, qo.name_uk"
        " FROM who JOIN requests r ON r.rid = who.rrid JOIN meetings m ON m.request_rid = r.rid"
        " JOIN slots sl ON sl.rid = m.slot_rid"
        " JOIN people p ON p.rid = who.person LEFT JOIN organisations o ON o.rid = p.org_rid"
        " JOIN people q ON q.rid = who.partner LEFT JOIN organisations qo ON qo.rid = q.org_rid"
        " WHERE NOT EXISTS (SELECT 1 FROM meeting_outcomes mo WHERE mo.request_rid = r.rid"
        "  AND mo.person_rid = p.rid)"
        /* someone whose data was erased is not someone to ask */
        "  AND p.erased_at IS NULL"
        " ORDER BY p.id, sl.starts_at, r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    sqlite3_bind_int64(st, 2, now);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_unsaid u = {
            .person = store_col(st, 0), .email = store_col(st, 1),
            .ui_language = store_col(st, 2), .languages = store_col(st, 3),
            .country = store_col(st, 4), .mail_off = sqlite3_column_int(st, 5) != 0,
            .asked_lately = sqlite3_column_int(st, 6) != 0, .request = store_col(st, 7),
            .starts_at = store_col(st, 8), .ends_at = store_col(st, 9),
            .partner = store_col(st, 10), .partner_org = store_col(st, 11),
            .partner_org_uk = store_col(st, 12)};
        stop = fn(ud, &u);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "listing the meetings whose outcome is not said");
    sqlite3_reset(st);
    return stop;
}

int store_outcomes_asked(struct store *s, const char *event, const char *person,
                         struct df_err *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO outcome_asks(event_rid, person_rid)"
        " SELECT e.rid, p.rid FROM events e, people p WHERE e.id = ?1 AND p.id = ?2";
    return keep_mailed(s, sql, event, person, "keeping who was asked what meetings led to", err);
}

int store_day_mail_get(struct store *s, const char *event, const char *day, struct arena *a,
                       struct store_day_mail *m, struct df_err *err)
{
    static const char sql[] =
        "SELECT d.mailed_at, d.mailed_by, d.people FROM day_mails d"
        " JOIN events e ON e.rid = d.event_rid WHERE e.id = ?1 AND d.day = ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, day);
    int rc = sqlite3_step(st);
    *m = (struct store_day_mail){0};
    if (rc == SQLITE_ROW) {
        m->mailed_at = arena_strdup(a, store_col(st, 0));
        m->mailed_by = arena_strdup(a, store_col(st, 1));
        m->people = sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return m->mailed_at && m->mailed_by ? 1 : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "reading when a day's mail went");
}

int store_day_mail_put(struct store *s, const char *event, const char *day, const char *by,
                       int people, struct df_err *err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO day_mails(event_rid, day, mailed_by, people)"
        " SELECT rid, ?2, ?3, ?4 FROM events WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, day);
    store_bind_text(st, 3, by);
    sqlite3_bind_int(st, 4, people);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "keeping when a day's mail went");
}

int store_people_mailing_recent(struct store *s, const char *digest, int seconds,
                                struct df_err *err)
{
    static const char sql[] =
        "SELECT EXISTS (SELECT 1 FROM people_mailings WHERE digest = ?1"
        " AND mailed_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', printf('-%d seconds', ?2)))";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    sqlite3_bind_int(st, 2, seconds);
    int rc = sqlite3_step(st);
    int recent = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) != 0 : -1;
    sqlite3_reset(st);
    return recent < 0 ? store_fail(s, err, "reading the organisers' mails to people") : recent;
}

int store_people_mailing_put(struct store *s, const char *digest, int people,
                             struct df_err *err)
{
    static const char sql[] = "INSERT INTO people_mailings(digest, people) VALUES (?1, ?2)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, digest);
    sqlite3_bind_int(st, 2, people);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, err, "keeping the organisers' mail to people");
}

int store_mail_notify_set(struct store *s, const char *person, bool notify, struct df_err *err)
{
    static const char sql[] = "UPDATE people SET mail_off = ?2 WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    sqlite3_bind_int(st, 2, !notify);
    if (store_step_done(s, st, err, "keeping whether a person wants mail") < 0)
        return -1;
    if (sqlite3_changes(s->db) == 0)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no person \"%.128s\"", person);
    return 0;
}

int store_mail_enqueue(struct store *s, const struct store_mail *m, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO mail_outbox(id, to_addr, person_rid, kind, subject, body, next_try_at,"
        " link_expires_at, message_rid) VALUES (?1, ?2, (SELECT rid FROM people WHERE id = ?3),"
        " ?4, ?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?7,"
        " (SELECT max(m.rid) FROM request_messages m JOIN requests r ON r.rid = m.request_rid"
        "  WHERE r.id = ?8))";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, m->id);
    store_bind_text(st, 2, m->to);
    store_bind_text(st, 3, m->person);
    store_bind_text(st, 4, m->kind);
    store_bind_text(st, 5, m->subject);
    store_bind_text(st, 6, m->body);
    store_bind_text(st, 7, m->link_expires_at);
    store_bind_text(st, 8, m->thread);
    return store_step_done(s, st, err, "queueing a mail");
}

int store_mail_take_due(struct store *s, const char *now, const char *lease_until, int max,
                        struct arena *a, struct store_mail **out, int *n, struct df_err *err)
{
    static const char sql[] =
        "UPDATE mail_outbox SET next_try_at = ?2 WHERE rid IN (SELECT rid FROM mail_outbox"
        "  WHERE status = 'queued' AND next_try_at <= ?1"
        "  ORDER BY kind IN ('invitation', 'announcement'), next_try_at, rid LIMIT ?3)"
        " RETURNING id, to_addr, (SELECT id FROM people WHERE rid = person_rid), kind,"
        " subject, body, created_at, attempts, link_expires_at";
    /* a link that no longer works is never sent, and its mail holds no token */
    static const char lapsed[] =
        "UPDATE mail_outbox SET status = 'failed', body = '', tried_at = ?1,"
        " last_error = 'its sign-in link expired before it could be sent'"
        " WHERE status = 'queued' AND link_expires_at IS NOT NULL AND link_expires_at <= ?1";
    *n = 0;
    *out = arena_alloc(a, (size_t)(max > 0 ? max : 1) * sizeof **out);
    if (!*out)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory taking the mail due");
    if (store_begin(s, err) < 0)
        return -1;
    sqlite3_stmt *st = store_stmt(s, lapsed, err);
    if (!st)
        goto fail;
    store_bind_text(st, 1, now);
    if (store_step_done(s, st, err, "giving up the mail whose link expired") < 0 ||
        !(st = store_stmt(s, sql, err)))
        goto fail;
    store_bind_text(st, 1, now);
    store_bind_text(st, 2, lease_until);
    sqlite3_bind_int(st, 3, max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        struct store_mail *m = &(*out)[(*n)++];
        const char **f[] = {&m->id, &m->to, &m->person, &m->kind, &m->subject, &m->body,
                            &m->created_at};
        for (int i = 0; i < 7; i++)
            *f[i] = arena_strdup(a, store_col(st, i));
        m->attempts = sqlite3_column_int(st, 7);
        m->link_expires_at = arena_strdup(a, store_col(st, 8));
        if (!m->id || !m->to || !m->subject || !m->body) {
            sqlite3_reset(st);
            df_err_set(err, DF_ERR_RUNTIME, "out of memory taking the mail due");
            goto fail;
        }
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        store_fail(s, err, "taking the mail due");
        sqlite3_reset(st);
        goto fail;
    }
    sqlite3_reset(st);
    return store_commit(s, err);
fail:
    store_rollback(s);
    *n = 0;
    return -1;
}

int store_mail_mark_sent(struct store *s, const char *id, const char *now, struct df_err *err)
{
    static const char sql[] =
        "UPDATE mail_outbox SET status = 'sent', sent_at = ?2, tried_at = ?2,"
        " attempts = attempts + 1, last_error = NULL,"
        " body = CASE WHEN link_expires_at IS NULL THEN body ELSE '' END WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, now);
    return store_step_done(s, st, err, "marking a mail sent");
}

int store_mail_mark_failed(struct store *s, const char *id, const char *now,
                           const char *next_try, const char *error, struct df_err *err)
{
    static const char sql[] =
        "UPDATE mail_outbox SET attempts = attempts + 1, tried_at = ?2, last_error = ?4,"
        " status = CASE WHEN ?3 IS NULL OR ?3 >= link_expires_at THEN 'failed' ELSE 'queued' END,"
        " body = CASE WHEN link_expires_at IS NOT NULL AND (?3 IS NULL OR ?3 >= link_expires_at)"
        "  THEN '' ELSE body END,"
        " next_try_at = coalesce(?3, next_try_at) WHERE id = ?1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, now);
    store_bind_text(st, 3, next_try);
    store_bind_text(st, 4, error);
    return store_step_done(s, st, err, "marking a mail's failed try");
}

static int read_counts(struct store *s, struct arena *a, struct store_mail_counts *c,
                       struct df_err *err)
{
    static const char counts[] =
        "SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'sent'),"
        " count(*) FILTER (WHERE status = 'failed') FROM mail_outbox";
    static const char last[] =
        "SELECT last_error FROM mail_outbox WHERE status <> 'sent' AND last_error IS NOT NULL"
        " ORDER BY tried_at DESC, rid DESC LIMIT 1";
    sqlite3_stmt *st = store_stmt(s, counts, err);
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW) {
        store_fail(s, err, "counting the mail");
        sqlite3_reset(st);
        return -1;
    }
    c->queued = sqlite3_column_int64(st, 0);
    c->sent = sqlite3_column_int64(st, 1);
    c->failed = sqlite3_column_int64(st, 2);
    sqlite3_reset(st);
    if (!(st = store_stmt(s, last, err)))
        return -1;
    int rc = sqlite3_step(st);
    c->last_error = rc == SQLITE_ROW ? arena_strdup(a, store_col(st, 0)) : NULL;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "reading the mail's last error");
    return 0;
}

/* The one number sql reads, its ?1 (if it has one) arg; -1 with err. */
static int64_t one_number(struct store *s, const char *sql, int64_t arg, const char *doing,
                          struct df_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    if (sqlite3_bind_parameter_count(st) > 0)
        sqlite3_bind_int64(st, 1, arg);
    int rc = sqlite3_step(st);
    int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return n >= 0 ? n : store_fail(s, err, doing);
}

int64_t store_mail_mark(struct store *s, struct df_err *err)
{
    return one_number(s, "SELECT coalesce(max(rid), 0) FROM mail_outbox", 0,
                      "reading the outbox", err);
}

int64_t store_mail_people_since(struct store *s, int64_t mark, struct df_err *err)
{
    return one_number(s, "SELECT count(DISTINCT lower(to_addr)) FROM mail_outbox WHERE rid > ?1",
                      mark, "counting the people mailed", err);
}

int store_mail_counts(struct store *s, struct arena *a, struct store_mail_counts *c,
                      struct df_err *err)
{
    IN_ONE_READ(s, err, read_counts(s, a, c, err));
}

int store_mail_meeting_each(struct store *s, const char *event, const char *request,
                            store_mail_meeting_fn fn, void *ud, struct df_err *err)
{
    static const char sql[] =
        "WITH rq(rrid, f, t) AS (SELECT r.rid, r.from_rid, r.to_rid FROM meetings m"
        "  JOIN requests r ON r.rid = m.request_rid JOIN events e ON e.rid = r.event_rid"
        "  WHERE (e.id = ?1 OR (?1 IS NULL AND e.published_at IS NOT NULL))"
        "  AND (?2 IS NULL OR r.id = ?2)),"
        WHO_SQL
        " SELECT r.id, p.id, q.id, t.starts_at, t.ends_at, l.name, e.id,"
        " CASE WHEN m.location_rid IS NULL AND m.video_room IS NOT NULL"
        "  THEN rtrim(e.video_url, '/') || '/' || m.video_room END"
        " FROM who JOIN requests r ON r.rid = who.rrid JOIN meetings m ON m.request_rid = r.rid"
        " JOIN events e ON e.rid = r.event_rid JOIN slots t ON t.rid = m.slot_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " JOIN people p ON p.rid = who.person JOIN people q ON q.rid = who.partner"
        " ORDER BY p.id, t.starts_at, r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, request);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_mail_meeting m = {
            .request = store_col(st, 0), .person = store_col(st, 1), .partner = store_col(st, 2),
            .starts_at = store_col(st, 3), .ends_at = store_col(st, 4), .table = store_col(st, 5),
            .event = store_col(st, 6), .video_url = store_col(st, 7)};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the meetings to mail");
    sqlite3_reset(st);
    return stop;
}

int store_mail_day_each(struct store *s, const char *event, const char *day,
                           store_mail_day_fn fn, void *ud, struct df_err *err)
{
    /* a slot's start is its wall clock, "YYYY-MM-DDTHH:MM...": those of day
     * sort from day itself to day followed by '~', above every character a
     * time holds. The CROSS JOINs keep the order: the event's few sessions,
     * their slots (slots_session) of the day, those slots' meetings
     * (meetings_slot); left free, the planner walks the event's every
     * request (requests_event) and keeps the day's at the end. */
    static const char sql[] =
        "WITH rq(rrid, f, t) AS (SELECT r.rid, r.from_rid, r.to_rid FROM events e"
        "  CROSS JOIN sessions ss ON ss.event_rid = e.rid"
        "  CROSS JOIN slots t ON t.session_rid = ss.rid AND t.starts_at BETWEEN ?2 AND ?2 || '~'"
        "  CROSS JOIN meetings m ON m.slot_rid = t.rid"
        "  CROSS JOIN requests r ON r.rid = m.request_rid AND r.event_rid = e.rid"
        "  WHERE e.id = ?1),"
        WHO_SQL
        " SELECT r.id, p.id, q.id, t.starts_at, t.ends_at, l.name, e.id,"
        " CASE WHEN m.location_rid IS NULL AND m.video_room IS NOT NULL"
        "  THEN rtrim(e.video_url, '/') || '/' || m.video_room END,"
        " p.email, p.ui_language, p.languages, o.country, p.mail_off,"
        " q.name, qo.name, qo.name_uk"
        " FROM who JOIN requests r ON r.rid = who.rrid JOIN meetings m ON m.request_rid = r.rid"
        " JOIN events e ON e.rid = r.event_rid JOIN slots t ON t.rid = m.slot_rid"
        " LEFT JOIN locations l ON l.rid = m.location_rid"
        " JOIN people p ON p.rid = who.person JOIN organisations o ON o.rid = p.org_rid"
        " JOIN people q ON q.rid = who.partner JOIN organisations qo ON qo.rid = q.org_rid"
        " ORDER BY p.id, t.starts_at, r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, event);
    store_bind_text(st, 2, day);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_mail_day_row d = {
            .m = {.request = store_col(st, 0), .person = store_col(st, 1),
                  .partner = store_col(st, 2), .starts_at = store_col(st, 3),
                  .ends_at = store_col(st, 4), .table = store_col(st, 5),
                  .event = store_col(st, 6), .video_url = store_col(st, 7)},
            .email = store_col(st, 8), .ui_language = store_col(st, 9),
            .languages = store_col(st, 10), .country = store_col(st, 11),
            .is_mail_off = sqlite3_column_int(st, 12) != 0, .partner_name = store_col(st, 13),
            .partner_org = store_col(st, 14), .partner_org_uk = store_col(st, 15)};
        stop = fn(ud, &d);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading the day's meetings to mail");
    sqlite3_reset(st);
    return stop;
}

int store_mail_sender_name(struct store *s, struct arena *a, const char **name,
                           struct df_err *err)
{
    static const char sql[] = "SELECT name FROM events ORDER BY starts_on, rid LIMIT 1";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    *name = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && !(*name = arena_strdup(a, store_col(st, 0))))
        rc = SQLITE_NOMEM;
    sqlite3_reset(st);
    if (rc == SQLITE_NOMEM)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the forum's name");
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(s, err, "reading the forum's name");
}

int store_mail_request_people(struct store *s, const char *request, struct arena *a,
                              struct store_mail_person **out, struct df_err *err)
{
    static const char sql[] =
        "WITH rq(rrid, f, t) AS (SELECT rid, from_rid, to_rid FROM requests WHERE id = ?1),"
        WHO_SQL
        " SELECT p.id, q.id, who.role FROM who JOIN people p ON p.rid = who.person"
        " JOIN people q ON q.rid = who.partner ORDER BY who.role, p.id";
    enum { PEOPLE_MAX = 64 };   /* a request's people: two and a delegation at most */
    *out = arena_alloc(a, PEOPLE_MAX * sizeof **out);
    if (!*out)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a request's people");
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    int rc = SQLITE_DONE, n = 0;
    while (n < PEOPLE_MAX && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_mail_person *p = &(*out)[n++];
        p->person = arena_strdup(a, store_col(st, 0));
        p->partner = arena_strdup(a, store_col(st, 1));
        p->role = (enum store_mail_role)sqlite3_column_int(st, 2);
        if (!p->person || !p->partner) {
            sqlite3_reset(st);
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a request's people");
        }
    }
    if (n < PEOPLE_MAX && rc != SQLITE_DONE)
        n = store_fail(s, err, "reading a request's people");
    sqlite3_reset(st);
    return n;
}
