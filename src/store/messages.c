/* Messages between the people of a meeting request (store/messages.h). */
#include "store/messages.h"

#include <stdio.h>

#include "store/store_internal.h"

/* The requests whose people include the person ?1 (requester, addressee or
 * attendee), each found through its own index. */
#define MINE_SQL                                                                        \
    "WITH me(rid) AS (SELECT rid FROM people WHERE id = ?1),"                           \
    " mine(rid) AS (SELECT r.rid FROM requests r, me WHERE r.from_rid = me.rid"          \
    "  UNION SELECT r.rid FROM requests r, me WHERE r.to_rid = me.rid"                    \
    "  UNION SELECT a.request_rid FROM request_attendees a, me WHERE a.person_rid = me.rid)"

/* Messages of request rid R others than person rid P wrote after P's mark. */
#define UNREAD_SQL(R, P)                                                                \
    "(SELECT count(*) FROM request_messages m WHERE m.request_rid = " R                  \
    " AND m.author_rid IS NOT " P " AND m.rid > coalesce((SELECT x.last_rid"             \
    "  FROM request_message_reads x WHERE x.request_rid = " R " AND x.person_rid = " P "), 0))"

int store_message_side(struct store *s, const char *request, const char *person,
                       struct store_message_side *out, struct df_err *err)
{
    static const char sql[] =
        "SELECT CASE WHEN r.from_rid = p.rid THEN 1 WHEN r.to_rid = p.rid THEN 2 ELSE 3 END,"
        " r.status,"
        " (SELECT count(*) FROM request_messages m WHERE m.request_rid = r.rid"
        "   AND m.author_rid = r.from_rid),"
        " (SELECT count(*) FROM request_messages m WHERE m.request_rid = r.rid"
        "   AND m.author_rid = r.to_rid)"
        " FROM requests r JOIN people p ON p.id = ?2 WHERE r.id = ?1"
        " AND (r.from_rid = p.rid OR r.to_rid = p.rid OR EXISTS (SELECT 1 FROM request_attendees a"
        "  WHERE a.request_rid = r.rid AND a.person_rid = p.rid))";
    *out = (struct store_message_side){.party = STORE_MSG_NOT_PARTY};
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    int rc = sqlite3_step(st), out_rc = 0;
    if (rc == SQLITE_ROW) {
        int party = sqlite3_column_int(st, 0);
        out->party = party == 1   ? STORE_MSG_REQUESTER
                     : party == 2 ? STORE_MSG_ADDRESSEE
                                  : STORE_MSG_ATTENDEE;
        const char *status = store_col(st, 1);
        snprintf(out->status, sizeof out->status, "%s", status ? status : "");
        out->by_requester = sqlite3_column_int64(st, 2);
        out->by_addressee = sqlite3_column_int64(st, 3);
    } else if (rc != SQLITE_DONE) {
        out_rc = store_fail(s, err, "reading a request's people");
    }
    sqlite3_reset(st);
    return out_rc;
}

long long store_messages_last_hour(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(*) FROM request_messages m JOIN people p ON p.rid = m.author_rid"
        " WHERE p.id = ? AND m.created_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 hour')";
    return store_rid(s, sql, person, err);
}

int store_message_add(struct store *s, const char *request, const char *person,
                      const char *text, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO request_messages(request_rid, author_rid, text)"
        " SELECT r.rid, p.rid, ?3 FROM requests r, people p WHERE r.id = ?1 AND p.id = ?2";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    store_bind_text(st, 3, text);
    if (store_step_done(s, st, err, "keeping a message") < 0)
        return -1;
    if (sqlite3_changes(s->db) != 1)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\" of yours", request);
    return store_message_mark_read(s, request, person, sqlite3_last_insert_rowid(s->db), err);
}

int store_message_each(struct store *s, const char *request, store_message_fn fn, void *ud,
                       struct df_err *err)
{
    static const char sql[] =
        "SELECT m.rid, p.id, p.name, m.text, m.created_at FROM request_messages m"
        " JOIN requests r ON r.rid = m.request_rid AND r.id = ?1"
        " LEFT JOIN people p ON p.rid = m.author_rid ORDER BY m.rid";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_message m = {.seq = sqlite3_column_int64(st, 0), .author = store_col(st, 1),
                                  .author_name = store_col(st, 2), .text = store_col(st, 3),
                                  .created_at = store_col(st, 4)};
        stop = fn(ud, &m);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading messages");
    sqlite3_reset(st);
    return stop;
}

int store_message_mark_read(struct store *s, const char *request, const char *person,
                            long long seq, struct df_err *err)
{
    static const char sql[] =
        "INSERT INTO request_message_reads(request_rid, person_rid, last_rid)"
        " SELECT r.rid, p.rid, ?3 FROM requests r, people p WHERE r.id = ?1 AND p.id = ?2"
        " ON CONFLICT (request_rid, person_rid)"
        " DO UPDATE SET last_rid = max(last_rid, excluded.last_rid)";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    sqlite3_bind_int64(st, 3, seq);
    return store_step_done(s, st, err, "marking messages read");
}

int store_message_threads(struct store *s, const char *person, store_message_thread_fn fn,
                          void *ud, struct df_err *err)
{
    static const char sql[] =
        MINE_SQL
        " SELECT r.id, (SELECT count(*) FROM request_messages m WHERE m.request_rid = r.rid),"
        "  " UNREAD_SQL("r.rid", "me.rid")
        " FROM mine JOIN requests r ON r.rid = mine.rid, me"
        " WHERE EXISTS (SELECT 1 FROM request_messages m WHERE m.request_rid = r.rid)"
        " ORDER BY r.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, person);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_message_thread t = {.request = store_col(st, 0),
                                         .messages = sqlite3_column_int64(st, 1),
                                         .unread = sqlite3_column_int64(st, 2)};
        stop = fn(ud, &t);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_fail(s, err, "reading message threads");
    sqlite3_reset(st);
    return stop;
}

int store_message_readers(struct store *s, const char *request, const char *person,
                          struct arena *a, const char **ids, bool *told, int max,
                          struct df_err *err)
{
    /* told: a mail of the outbox tells her of a message of the thread after
     * her read mark (each message's mails found through its own index) */
    static const char sql[] =
        "WITH r AS (SELECT rid, from_rid, to_rid FROM requests WHERE id = ?1),"
        " them(rid) AS (SELECT from_rid FROM r UNION SELECT to_rid FROM r"
        "  UNION SELECT a.person_rid FROM request_attendees a, r WHERE a.request_rid = r.rid)"
        " SELECT p.id, EXISTS (SELECT 1 FROM request_messages m JOIN mail_outbox o"
        "  ON o.message_rid = m.rid WHERE m.request_rid = r.rid AND o.person_rid = p.rid"
        "  AND m.rid > coalesce((SELECT x.last_rid FROM request_message_reads x"
        "   WHERE x.request_rid = r.rid AND x.person_rid = p.rid), 0))"
        " FROM them JOIN people p ON p.rid = them.rid, r WHERE p.id <> ?2 ORDER BY p.id";
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return -1;
    store_bind_text(st, 1, request);
    store_bind_text(st, 2, person);
    int rc = SQLITE_DONE, n = 0;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!(ids[n] = arena_strdup(a, store_col(st, 0)))) {
            sqlite3_reset(st);
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading a thread's people");
        }
        told[n++] = sqlite3_column_int(st, 1) != 0;
    }
    if (n < max && rc != SQLITE_DONE)
        n = store_fail(s, err, "reading a thread's people");
    sqlite3_reset(st);
    return n;
}

int store_messages_unread(struct store *s, const char *person, struct df_err *err)
{
    static const char sql[] =
        MINE_SQL " SELECT count(*) FROM mine, me WHERE " UNREAD_SQL("mine.rid", "me.rid") " > 0";
    sqlite3_int64 n = store_rid(s, sql, person, err);
    return n < 0 ? -1 : (int)n;
}

long long store_message_thread_count(struct store *s, const char *event, struct df_err *err)
{
    static const char sql[] =
        "SELECT count(DISTINCT m.request_rid) FROM request_messages m"
        " JOIN requests r ON r.rid = m.request_rid"
        " JOIN events e ON e.rid = r.event_rid WHERE e.id = ?";
    return store_rid(s, sql, event, err);
}
