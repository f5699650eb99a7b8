/* The HTTP server: libmicrohttpd with epoll and a thread pool, one store
 * connection per worker thread, limits on connections, time, headers and
 * bodies, a structured access log, graceful shutdown. `dfnc serve` and
 * `dfnc demo` call http_serve; tests and benches use start/port/stop. */
#ifndef DFNC_HTTP_SERVER_H
#define DFNC_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "app/auth.h"
#include "app/backups.h"
#include "core/err.h"
#include "http/peers.h"

struct http_options {
    const char *db_path;
    const char *listen;           /* IPv4 or IPv6 address; NULL = 127.0.0.1 */
    int port;                     /* 0 = an ephemeral port (http_server_port tells) */
    int threads;                  /* worker threads; 0 = 2 */
    size_t body_max;              /* request body cap; 0 = 1 MiB (then 413) */
    size_t anon_body_max;         /* the cap without a session (the login's body); 0 = 16 KiB */
    size_t import_body_max;       /* the console's CSV imports' cap; 0 = 64 MiB (a
                                     forum's 25,000 requests are 2.4 MB) */
    size_t header_max;            /* per-connection memory (holds the headers); 0 = 32 KiB */
    unsigned conn_limit;          /* 0 = 1024 */
    unsigned per_ip_limit;        /* connections per client (an IPv6 one per /64); 0 = 256 */
    unsigned timeout;             /* idle seconds; 0 = 30 */
    bool tls;                     /* served over TLS (by a terminator): Secure cookies */
    struct http_proxies proxies;  /* X-Forwarded-For and X-Forwarded-Proto are believed
                                     from these peers only (none: from nobody) */
    bool access_log;              /* one log line per request */
    const char *web_dir;          /* static files served outside /api/ (may be NULL) */
    const char *public_url;       /* base of feed URLs; NULL = http://LISTEN:PORT */
    struct app_auth_limits limits;
    /* The forum's clock that every "has it begun, is it over, is it to come"
     * and every "today" of the server and its pages reads (GET /me's "now"):
     * a rehearsal's, which starts at forum_clock (Unix seconds) when the
     * server starts and runs on at real speed (dfnc serve --forum-clock), or
     * with forum_clock_still stands at it (--forum-clock-still: a test's);
     * forum_clock 0: the real clock. */
    long long forum_clock;
    bool forum_clock_still;
    /* http_serve's: called once the server listens, before it says so
     * (NULL: none); a -1 (with err) stops it and http_serve fails. What must
     * not happen for a server that never started (serve --smtp's mail turned
     * on) happens here. */
    int (*on_started)(void *ud, struct df_err *err);
    void *on_started_ud;
    /* serve --backup-dir's copies as GET /console/backups tells them (NULL:
     * the server takes none) */
    struct app_backups_status *backups;
};

struct http_server;

/* Starts listening; *out is the running server. Opens no database yet (each
 * worker opens its own on its first request) but checks db_path opens. */
int http_server_start(const struct http_options *o, struct http_server **out,
                      struct df_err *err);
int http_server_port(const struct http_server *srv);
/* The forum's wall clock now, Unix seconds: the real time, or a rehearsal's
 * (the options' forum_clock plus the seconds since the server started, or
 * forum_clock alone when it stands still). */
long long http_server_forum_now(const struct http_server *srv);
/* serve --backup-dir's status (NULL: no backups). */
struct app_backups_status *http_server_backups(const struct http_server *srv);
/* Graceful: stops accepting, lets requests in flight finish (up to 10 s),
 * closes the workers' databases, frees srv. */
void http_server_stop(struct http_server *srv);

/* One route of the API as the server takes it, for `dfnc serve --routes`
 * (the access matrix's test reads that list): its method, its pattern
 * ("/api/v1/requests/{id}/accept"), and who may call it before its handler
 * decides more: anyone (is_public), organisers only (organiser), and whether
 * a signed-in call must send the session's X-CSRF-Token (csrf). */
struct http_route_desc {
    const char *method;
    const char *pattern;
    bool is_public;
    bool organiser;
    bool csrf;
};

/* Route i of the server's tables (the API's, then the web pages' own), in
 * the order they are tried: true, or false past the last. */
bool http_route_describe(int i, struct http_route_desc *out);

/* Starts, prints "dfnc serving http://ADDR:PORT", blocks until SIGINT or
 * SIGTERM, then stops gracefully. Returns 0 or -1 with err. */
int http_serve(const struct http_options *o, struct df_err *err);

#endif
