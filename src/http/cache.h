/* A per-worker-thread cache of rendered replies (agendas, the dashboard's
 * figures), and the partner engine's index over the whole store
 * (suggestions, partners), so the hot paths skip the queries, the indexing
 * and the JSON rendering while nothing they read changed. Each thread keeps
 * its own replies, without locks, in a table for each kind of what they read
 * (enum http_cache_kind): the agendas and what else reads only what they
 * read, kept while the store's agenda generation (migration 63) stands,
 * whoever writes: a check-in, a message, an outcome, mail sent or a login
 * leaves them, on the forum's morning as much as any other time; the rest
 * (the report, which counts the arrivals and what was said of the meetings)
 * while SQLite's data_version of the thread's connection is unchanged (no
 * other connection committed) and this thread wrote nothing (the dispatcher
 * clears them after every state-changing request). A reply read inside a
 * transaction is never kept. The index is one snapshot shared by all
 * threads, valid while the store's match generation stands: a change to a
 * profile, by anyone, moves it; the forum's other writes (meeting requests,
 * check-ins, schedules) do not. After a change the first thread to ask
 * builds the next snapshot and the others that ask wait for it (never read
 * one older than their connection's view: a participant who has just saved
 * a profile is answered from it); a reader that already holds the one
 * before keeps it to the end of its request. A snapshot is freed when its
 * last reader lets go.
 *
 * The agendas are not keyed on the board generation (store_board_mark,
 * migration 57), which moves only with what an event's board reads: an
 * agenda also says its people's and organisations' names, the meeting's
 * calendar SEQUENCE, where it was moved from, the interpreter's name and
 * the event's and sessions' names, none of which moves it; and a board
 * reads absences and tables out of use, which no agenda says. */
#ifndef DFNC_HTTP_CACHE_H
#define DFNC_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "app/match.h"
#include "core/err.h"
#include "store/store.h"

/* What a kind of reply reads, which says how long it is kept. */
enum http_cache_kind {
    /* anything: kept until a commit by another connection, or a write by
     * this thread (http_cache_clear) */
    HTTP_CACHE_COMMITS,
    /* what an agenda reads, or part of it (the dashboard's meeting counts
     * and outcome figures, their keys naming the match and outcome
     * generations for what else they read): kept while the agenda
     * generation stands (store_api_agenda_generation) */
    HTTP_CACHE_AGENDAS,
    HTTP_CACHE_KINDS
};

/* A malloc'd copy of the reply of that kind kept for key (caller frees), or
 * NULL. Reads what the kind's replies are kept by (before the reply is
 * made: a change committed meanwhile only costs a miss), and whether a reply
 * made now may be kept (not inside a transaction). */
char *http_cache_get(struct store *s, enum http_cache_kind kind, const char *key, size_t *len);
/* Keeps data[0..len) under key (copied), unless this thread's last
 * http_cache_get of that kind was inside a transaction (or failed to read
 * its stamp). Large replies are not kept. */
void http_cache_put(enum http_cache_kind kind, const char *key, const char *data, size_t len);
/* The matchmaking data of the whole store, loaded and indexed on first use and
 * shared until the match generation moves (built for the call alone when
 * caching is off); read-only, owned by the cache, valid until this thread's
 * next http_cache_match, http_cache_match_release or http_cache_free. NULL
 * with err on failure. */
const struct app_match_data *http_cache_match(struct store *s, struct df_err *err);
/* Lets go of what this thread's http_cache_match returned (the server calls
 * it once each request's reply is out, so that an idle thread keeps no old
 * index alive). */
void http_cache_match_release(void);
/* How many times the process has loaded and indexed the matchmaking data. */
unsigned long http_cache_match_loads(void);
/* How many indexes are in memory (the shared one, older ones still read,
 * and one being built). */
int http_cache_match_snapshots(void);
/* Forgets this thread's replies kept until a commit (after it wrote to the
 * database; those kept on a generation see its own writes move it). */
void http_cache_clear(void);
/* Frees this thread's cache and lets go of its index (at thread exit). */
void http_cache_free(void);
/* Turns caching off process-wide (for measuring without it). */
void http_cache_disable(bool off);

#endif
