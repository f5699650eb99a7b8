/* Shared by the files of src/http only: the per-request context, the reply
 * helpers and the route table. A request owns an arena freed when it completes. */
#ifndef DFNC_HTTP_INTERNAL_H
#define DFNC_HTTP_INTERNAL_H

#include <jansson.h>
#include <microhttpd.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "http/json_in.h"
#include "http/server.h"
#include "http/url.h"
#include "store/auth.h"

#define HTTP_ROUTE_PARAMS 4
#define HTTP_EXTRA_HEADERS 6
#define DEVICE_COOKIE "dfnc_device"   /* app_login's device cookie */
/* The Content-Type of every JSON reply of the API (http_reply_json's, and
 * those the handlers write themselves); a download's is its own. */
#define HTTP_JSON_CTYPE "application/json; charset=utf-8"

struct http_req {
    struct http_server *srv;
    struct MHD_Connection *conn;
    struct store *s;                  /* this worker thread's connection */
    struct arena a;
    const char *raw_target;           /* as received: never logged (may hold secrets) */
    const char *method;
    struct http_url url;
    bool started, url_ok, too_big, responded;
    atomic_int background;            /* BACKGROUND_*: a handler run off the worker thread */
    atomic_bool suspended;            /* its connection is suspended while it runs */
    struct buf body;
    size_t discarded;                 /* bytes dropped past the body cap */
    size_t body_max;                  /* this request's body cap (server.c body_cap) */
    const char *params[HTTP_ROUTE_PARAMS];
    const struct http_route *route;
    struct store_user user;
    bool has_user;
    const char *session_token;        /* the cookie value, when the session is live */
    char ip[64];
    bool secure;
    struct timespec t0;
    /* the reply */
    int status;
    char *reply;                      /* malloc'd body */
    const void *reply_static;         /* or static bytes (the embedded web UI's) */
    size_t reply_len;
    const char *ctype;
    const char *set_cookie;           /* in the arena */
    int reply_fd;                     /* static file, or -1 */
    size_t reply_fd_len;
    const char *headers[HTTP_EXTRA_HEADERS][2];  /* more reply headers (static or arena) */
    int headers_n;
};

/* Route flags. */
enum {
    ROUTE_PUBLIC = 1,        /* no session needed */
    ROUTE_ORGANISER = 2,     /* organisers only (403 for participants) */
    ROUTE_SECRET_PATH = 4,   /* the path holds a secret: log the pattern */
    ROUTE_NO_CSRF = 8,       /* a state change without a session yet (login) */
    ROUTE_NO_WRITE = 16,     /* a POST that only asks (a query with a body): the
                                thread's caches stay */
    ROUTE_CSV_IMPORT = 64,   /* an organiser's CSV import ({kind} a CSV kind): a whole
                                forum's file, up to import_body_max */
};

/* The kinds of handler that run for seconds at a large forum (a route's
 * slot). Each runs in a thread of its own with a database connection of its
 * own while its connection waits suspended, so that the worker thread goes
 * on serving its other connections (each keep-alive connection belongs to
 * one worker: a handler held there holds all of them). One of each kind at
 * a time, server-wide, so at most HTTP_SLOTS_N - 1 such threads at once
 * whatever the clients ask; one asked for while another of its kind runs is
 * refused with its kind's own busy reply (server.c). */
enum http_slot {
    HTTP_SLOT_NONE,          /* on the worker thread, as most routes */
    HTTP_SLOT_SCHEDULE,      /* a schedule run: up to a minute */
    HTTP_SLOT_BADGES,        /* everyone's badges: 5 s at 5,000 people (named ones stay) */
    HTTP_SLOT_IMPORT,        /* a CSV import or the glossary's: 1 s for 5,000 people */
    HTTP_SLOT_AGENDAS,       /* everyone's agendas on paper: 4 s at 5,000 people (named ones stay) */
    HTTP_SLOTS_N
};
/* A route's flag that runs its calls as slot k (HTTP_SLOT_*), and the slot
 * of a route's flags (HTTP_SLOT_NONE for most). */
#define ROUTE_SLOT(k) ((unsigned)(k) << 8)
#define ROUTE_SLOT_OF(flags) ((enum http_slot)(((flags) >> 8) & 0xffu))

enum { BACKGROUND_NONE, BACKGROUND_RUNNING, BACKGROUND_DONE };

typedef void (*http_handler)(struct http_req *r);

struct http_route {
    const char *method;
    const char *pattern;     /* "/api/v1/requests/{id}/accept"; "{x}.ics" matches a suffix */
    http_handler fn;
    unsigned flags;          /* ROUTE_*, and ROUTE_SLOT(k) for a slot's route */
};

extern const struct http_route http_routes[];
extern const int http_routes_n;

/* Matches segs against a pattern, filling params; true on a match. */
bool http_route_match(const char *pattern, const char *const *segs, int segs_n,
                      const char *params[HTTP_ROUTE_PARAMS]);
/* Whether segs lie under a ROUTE_SECRET_PATH route of routes[0..routes_n):
 * its leading fixed segments (case aside) and at least one more, whatever
 * the method, suffix or further segments; or hold a "feeds" or
 * "invitations" segment (case aside) with at least one more after it,
 * whatever comes before (a feed URL or an invitation under another prefix). If so out (cap bytes) gets what the access log may
 * write instead: the route's pattern when segs match it, else the segments
 * up to the secret and "/{redacted}". */
bool http_route_redact(const struct http_route *routes, int routes_n, const char *const *segs,
                       int segs_n, char *out, size_t cap);

/* Replies (each sets the one response of the request). j is stolen. */
void http_reply_json(struct http_req *r, int status, json_t *j);
void http_reply_error(struct http_req *r, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Maps err's kind to a status (USAGE 400, INPUT 422, NOT_FOUND 404, CONFLICT
 * 409, FORBIDDEN 403, otherwise 500 with a generic message, the detail logged). */
void http_reply_df_err(struct http_req *r, const struct df_err *err);
/* http_reply_df_err with one more member of its "error" object (key:
 * more, stolen; more NULL: none), such as the coded reasons of a conflict
 * (docs/api.md "Words for a page"). */
void http_reply_df_err_with(struct http_req *r, const struct df_err *err, const char *key,
                            json_t *more);
/* http_reply_df_err naming the field found wrong ("field"), its coded
 * reasons kept. */
void http_reply_df_err_field(struct http_req *r, const struct df_err *err, const char *field);
/* {"error": {"code", "message", "field"}} (field left out when NULL), the
 * message cut to whole characters where a bounded copy split one. */
void http_reply_field_error(struct http_req *r, int status, const char *code, const char *field,
                            const char *message);
/* {"error": {"code", "message": err's, "field"?, "reasons"?: err's coded
 * reason}} with status: a refusal the endpoint names by its own code. */
void http_reply_coded_error(struct http_req *r, int status, const char *code, const char *field,
                            const struct df_err *err);
/* One more reply header (up to HTTP_EXTRA_HEADERS; NULL value: none). name
 * and value must live as long as the request (static or in its arena). */
void http_reply_header(struct http_req *r, const char *name, const char *value);
/* Takes the buffer's memory. */
void http_reply_buf(struct http_req *r, int status, const char *ctype, struct buf *b);
/* The same for len bytes of malloc'd data (open_memstream's), which the reply
 * takes and frees. */
void http_reply_owned(struct http_req *r, int status, const char *ctype, char *data, size_t len);
/* The same for the len bytes of the open file fd from its start, which the
 * reply takes and closes (sent from the file, never read into memory). */
void http_reply_fd(struct http_req *r, int status, const char *ctype, int fd, size_t len);
/* The same for len bytes that live as long as the program (sent uncopied). */
void http_reply_static(struct http_req *r, int status, const char *ctype, const void *data,
                       size_t len);

/* Reads the body against fields; on failure replies 400/422 and returns NULL. */
json_t *http_body(struct http_req *r, const struct http_field *fields);

/* Server facts the handlers need. */
const struct http_options *http_server_options(const struct http_server *srv);
const char *http_server_base_url(const struct http_server *srv);
/* Whether links built on http_server_base_url reach people elsewhere: serve
 * was given --public-url, or it listens on an address of its own (not
 * 0.0.0.0 or ::) and not behind a proxy (--behind-proxy), whose address
 * people reach instead. 127.0.0.1 counts: a local demo's links work there. */
bool http_server_links_reach_others(const struct http_server *srv);

#endif
