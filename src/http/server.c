/* The libmicrohttpd server (see server.h): request lifecycle, limits, the
 * dispatcher (routing, sessions, roles, CSRF), replies and the access log.
 * Handlers live in handlers*.c (api.h); the request target reader in url.c. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/fields.h"
#include "app/move.h"
#include "core/forum_clock.h"
#include "core/log.h"
#include "core/utf8.h"
#include "http/cache.h"
#include "http/headers.h"
#include "http/internal.h"
#include "http/web.h"
#include "store/store.h"

#define COOKIE_NAME "dfnc_session"

struct http_server {
    struct http_options o;
    struct MHD_Daemon *d;
    pthread_key_t store_key;
    int port;
    char base_url[APP_PUBLIC_URL_MAX + 64];   /* or http://[IPv6]:PORT */
    bool https;                    /* reached over TLS: --tls, or an https:// --public-url */
    atomic_int in_flight;
    atomic_int running[HTTP_SLOTS_N]; /* per slot: one of its handlers runs (0 or 1) */
    atomic_int background_threads; /* their threads still touching the server */
    atomic_bool stopping;          /* http_server_stop has begun: no background run starts */
    struct http_peer_counts peers; /* open connections per client (IPv6 per /64) */
    struct forum_clock clock;      /* the options' forum clock, set as the server starts */
};

const struct http_options *http_server_options(const struct http_server *srv) { return &srv->o; }
struct app_backups_status *http_server_backups(const struct http_server *srv)
{
    return srv->o.backups;
}

long long http_server_forum_now(const struct http_server *srv)
{
    return forum_clock_now(&srv->clock);
}

const char *http_server_base_url(const struct http_server *srv) { return srv->base_url; }
bool http_server_links_reach_others(const struct http_server *srv)
{
    if (srv->o.public_url)
        return true;
    /* http://0.0.0.0:P is nobody's address, and behind a proxy the listening
     * one is the proxy's to reach, not the people's */
    struct in_addr v4;
    struct in6_addr v6;
    bool wildcard = (inet_pton(AF_INET, srv->o.listen, &v4) == 1 && v4.s_addr == INADDR_ANY) ||
                    (inet_pton(AF_INET6, srv->o.listen, &v6) == 1 &&
                     IN6_IS_ADDR_UNSPECIFIED(&v6));
    return !wildcard && srv->o.proxies.n == 0;
}
int http_server_port(const struct http_server *srv) { return srv->port; }

/* Runs in each worker thread as it exits (MHD_stop_daemon joins them). */
static void store_key_close(void *p)
{
    http_cache_free();
    app_board_cache_free();
    store_close(p);
}

/* This worker thread's database connection, opened on its first request. */
static struct store *thread_store(struct http_server *srv)
{
    struct store *s = pthread_getspecific(srv->store_key);
    if (s)
        return s;
    struct df_err err = {0};
    if (store_open(&s, srv->o.db_path, &err) < 0) {
        log_msg(LOG_ERROR, "event=db_open_failed msg=\"%s\"", err.msg);
        return NULL;
    }
    pthread_setspecific(srv->store_key, s);
    return s;
}

/* ---- replies ------------------------------------------------------------- */

static void reply_set(struct http_req *r, int status, char *body, size_t len, const char *ctype)
{
    free(r->reply); /* a later reply replaces an earlier one */
    r->reply = NULL;
    r->reply_static = NULL;
    if (r->reply_fd >= 0)
        close(r->reply_fd);
    r->reply_fd = -1;
    r->status = status;
    r->reply = body;
    r->reply_len = len;
    r->ctype = ctype;
    r->responded = true;
}

void http_reply_json(struct http_req *r, int status, json_t *j)
{
    char *txt = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(j);
    if (!txt) {
        txt = strdup("{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}");
        status = 500;
    }
    reply_set(r, status, txt, txt ? strlen(txt) : 0, HTTP_JSON_CTYPE);
}

void http_reply_error(struct http_req *r, int status, const char *code, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    http_reply_field_error(r, status, code, NULL, msg);
}

/* {"error": {"code", "message", "field"?, key?: more}}; more stolen. */
static void reply_error_with(struct http_req *r, int status, const char *code, const char *field,
                             const char *message, const char *key, json_t *more)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", message);
    size_t bad;
    if (!utf8_is_valid(msg, strlen(msg), &bad))
        msg[bad] = '\0'; /* cut where a bounded copy split a character */
    json_t *e = json_pack("{ss ss}", "code", code, "message", msg);
    if (e && field)
        json_object_set_new(e, "field", json_string(field));
    if (e && key && more)
        json_object_set(e, key, more);
    json_decref(more);
    http_reply_json(r, status, e ? json_pack("{so}", "error", e) : NULL);
}

void http_reply_field_error(struct http_req *r, int status, const char *code, const char *field,
                            const char *message)
{
    reply_error_with(r, status, code, field, message, NULL, NULL);
}

/* A coded refusal's one reason, [{"code","values","message"}] (docs/api.md
 * "Words for a page"); NULL for one without a code. */
static json_t *coded_reasons(const struct df_err *err)
{
    if (!err->code)
        return NULL;
    json_t *values = json_object();
    for (int i = 0; values && i < err->values_n; i++)
        json_object_set_new(values, err->name[i], json_string(err->value[i]));
    return json_pack("[{ss so ss}]", "code", err->code, "values", values, "message", err->msg);
}

/* err's refusal with field (may be NULL) and key: more (stolen), or its
 * coded reasons when key is NULL. */
static void reply_df_err(struct http_req *r, const struct df_err *err, const char *field,
                         const char *key, json_t *more)
{
    if (!key && (more = coded_reasons(err)))
        key = "reasons";
    /* a coded refusal that names the body's field it is about ("field"
     * among its values) says it as the shape checks do, for the page to
     * mark it */
    for (int i = 0; !field && err->code && i < err->values_n; i++)
        if (strcmp(err->name[i], "field") == 0)
            field = err->value[i];
    static const struct {
        enum df_err_kind kind;
        int status;
        const char *code;
    } map[] = {{DF_ERR_USAGE, 400, "bad_request"}, {DF_ERR_INPUT, 422, "invalid"},
               {DF_ERR_NOT_FOUND, 404, "not_found"}, {DF_ERR_CONFLICT, 409, "conflict"},
               {DF_ERR_FORBIDDEN, 403, "forbidden"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].kind == err->kind) {
            reply_error_with(r, map[i].status, map[i].code, field, err->msg, key, more);
            return;
        }
    json_decref(more);
    log_msg(LOG_ERROR, "event=http_error msg=\"%s\"", err->msg);
    http_reply_error(r, 500, "internal", "the server failed; the error is logged");
}

void http_reply_coded_error(struct http_req *r, int status, const char *code, const char *field,
                            const struct df_err *err)
{
    json_t *reasons = coded_reasons(err);
    reply_error_with(r, status, code, field, err->msg, reasons ? "reasons" : NULL, reasons);
}

void http_reply_df_err_with(struct http_req *r, const struct df_err *err, const char *key,
                            json_t *more)
{
    reply_df_err(r, err, NULL, key, more);
}

void http_reply_df_err_field(struct http_req *r, const struct df_err *err, const char *field)
{
    reply_df_err(r, err, field, NULL, NULL);
}

void http_reply_df_err(struct http_req *r, const struct df_err *err)
{
    http_reply_df_err_with(r, err, NULL, NULL);
}

void http_reply_header(struct http_req *r, const char *name, const char *value)
{
    if (value && r->headers_n < HTTP_EXTRA_HEADERS) {
        r->headers[r->headers_n][0] = name;
        r->headers[r->headers_n][1] = value;
        r->headers_n++;
    }
}

void http_reply_buf(struct http_req *r, int status, const char *ctype, struct buf *b)
{
    size_t len = b->len;
    reply_set(r, status, buf_take(b), len, ctype);
}

void http_reply_owned(struct http_req *r, int status, const char *ctype, char *data, size_t len)
{
    reply_set(r, status, data, len, ctype);
}

void http_reply_fd(struct http_req *r, int status, const char *ctype, int fd, size_t len)
{
    reply_set(r, status, NULL, len, ctype);
    r->reply_fd = fd;
    r->reply_fd_len = len;
}

void http_reply_static(struct http_req *r, int status, const char *ctype, const void *data,
                       size_t len)
{
    reply_set(r, status, NULL, len, ctype);
    r->reply_static = data;
}

/* The body's own field a refusal names (its code's "col", a top-level key
 * of fields), for a page to mark it; NULL when it names none. */
static const char *field_at_fault(const struct df_err *err, const struct http_field *fields)
{
    for (int i = 0; err->code && i < err->values_n; i++)
        for (const struct http_field *f = fields; strcmp(err->name[i], "col") == 0 && f->name; f++)
            if (strcmp(f->name, err->value[i]) == 0)
                return f->name;
    return NULL;
}

json_t *http_body(struct http_req *r, const struct http_field *fields)
{
    struct df_err err = {0};
    json_t *j = NULL;
    /* A cross-site HTML form can post text/plain that happens to be JSON; it
     * cannot send application/json without a CORS preflight, which we never grant. */
    const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
    if (!http_media_type_is(ct, "application/json")) {
        http_reply_error(r, 400, "bad_request", "the body must be sent as application/json");
        return NULL;
    }
    if (http_json_read(r->body.data ? r->body.data : "", r->body.len, fields, &j, &err) < 0) {
        http_reply_df_err_field(r, &err, field_at_fault(&err, fields));
        return NULL;
    }
    return j;
}

/* ---- static files (the web UI; the benchmark's ceiling) --------------------- */

static const char *content_type(const char *path)
{
    static const struct { const char *ext, *type; } types[] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"}};
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* Whether a segment of the path is hidden (starts with a dot): a folder
 * served may hold a checkout's .git or a .env beside the site. */
static bool path_is_hidden(const struct http_url *u)
{
    for (int i = 0; i < u->segs_n; i++)
        if (u->segs[i][0] == '.')
            return true;
    return false;
}

static void serve_static(struct http_req *r)
{
    char path[1024];
    http_web_csp(r);   /* on a 404 too, as the embedded files' */
    if (path_is_hidden(&r->url)) {
        http_reply_error(r, 404, "not_found", "no such page");
        return;
    }
    const char *rel = http_web_is_page(r->url.path) ? "/index.html" : r->url.path;
    int n = snprintf(path, sizeof path, "%s%s", r->srv->o.web_dir, rel);
    struct stat st;
    int fd = n > 0 && (size_t)n < sizeof path ? open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                                              : -1;
    if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        http_reply_error(r, 404, "not_found", "no such page");
        return;
    }
    http_reply_fd(r, 200, content_type(path), fd, (size_t)st.st_size);
}

/* ---- the dispatcher -------------------------------------------------------- */

/* The address the connection comes from: known before any header is read,
 * so that every request is logged with it, one refused early as well. */
static void peer_address(struct http_req *r)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(r->ip, sizeof r->ip, "-");
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, r->ip, sizeof r->ip);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, r->ip,
                      sizeof r->ip);
    }
}

/* Every X-Forwarded-For line of a request, in order, joined by commas (as
 * RFC 9110 reads repeated fields): a proxy may add a line of its own (HAProxy's
 * option forwardfor does) below the one the client sent, and the first line
 * alone would then be the client's word. */
struct xff_lines {
    struct arena *a;
    const char *all;
};

static enum MHD_Result join_xff(void *cls, enum MHD_ValueKind kind, const char *key,
                                const char *value)
{
    (void)kind;
    struct xff_lines *x = cls;
    if (!value || strcasecmp(key, "X-Forwarded-For") != 0)
        return MHD_YES;
    /* out of memory: the lines from here on, still the proxies' end of it */
    const char *all = x->all ? arena_printf(x->a, "%s,%s", x->all, value) : NULL;
    x->all = all ? all : value;
    return MHD_YES;
}

/* Once the headers are read: behind a proxy, the client it names. Only a
 * peer named by --behind-proxy is believed: a client reaching the server
 * directly would otherwise choose the address it is logged and limited by. */
static void client_facts(struct http_req *r)
{
    r->secure = r->srv->https;
    if (r->srv->o.proxies.n == 0)
        return;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !http_proxies_has(&r->srv->o.proxies, ci->client_addr))
        return;
    /* Each proxy appends the address it saw: the client is the last one no
     * trusted proxy holds. */
    struct xff_lines xff = {.a = &r->a};
    MHD_get_connection_values(r->conn, MHD_HEADER_KIND, join_xff, &xff);
    if (xff.all)
        http_proxies_client(&r->srv->o.proxies, xff.all, r->ip, sizeof r->ip);
    const char *proto =
        MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-Forwarded-Proto");
    if (proto && strcmp(proto, "https") == 0)
        r->secure = true;
}

static bool is_state_changing(const char *m)
{
    return strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0;
}

static void load_session(struct http_req *r)
{
    const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, COOKIE_NAME);
    if (!tok || !app_token_is_well_formed(tok))
        return;
    struct df_err err = {0};
    if (app_session_find(r->s, tok, (int64_t)time(NULL), &r->a, &r->user, &err) == 0) {
        r->has_user = true;
        r->session_token = arena_strdup(&r->a, tok);
    } else if (err.kind != DF_ERR_NOT_FOUND) {
        log_msg(LOG_ERROR, "event=session_lookup_failed msg=\"%s\"", err.msg);
    }
}

static bool csrf_ok(struct http_req *r)
{
    const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-CSRF-Token");
    size_t n = h ? strlen(h) : 0;
    return h && r->user.csrf && n == strlen(r->user.csrf) && n > 0 &&
           sodium_memcmp(h, r->user.csrf, n) == 0;
}

static const struct http_route *route_at(int i)
{
    return i < http_routes_n ? &http_routes[i] : &http_web_routes[i - http_routes_n];
}

/* Whether a call of rt must carry the session's X-CSRF-Token. */
static bool needs_csrf(const struct http_route *rt)
{
    return is_state_changing(rt->method) && !(rt->flags & ROUTE_NO_CSRF);
}

bool http_route_describe(int i, struct http_route_desc *out)
{
    if (i < 0 || i >= http_routes_n + http_web_routes_n)
        return false;
    const struct http_route *rt = route_at(i);
    *out = (struct http_route_desc){
        .method = rt->method,
        .pattern = rt->pattern,
        .is_public = rt->flags & ROUTE_PUBLIC,
        .organiser = rt->flags & ROUTE_ORGANISER,
        .csrf = needs_csrf(rt),
    };
    return true;
}

/* A 405 says which methods the path takes (RFC 9110 section 15.5.6): the
 * Allow header, in the route table's order, HEAD after GET. */
static void reply_not_allowed(struct http_req *r)
{
    struct buf allow = BUF_INIT(256);
    for (int i = 0; i < http_routes_n + http_web_routes_n; i++) {
        const struct http_route *rt = route_at(i);
        const char *params[HTTP_ROUTE_PARAMS] = {0};
        if (!http_route_match(rt->pattern, r->url.segs, r->url.segs_n, params))
            continue;
        buf_printf(&allow, "%s%s%s", allow.len ? ", " : "", rt->method,
                   strcmp(rt->method, "GET") == 0 ? ", HEAD" : "");
    }
    if (allow.len)
        http_reply_header(r, "Allow", arena_strdup(&r->a, buf_str(&allow)));
    buf_free(&allow);
    http_reply_error(r, 405, "method_not_allowed", "%s is not allowed here", r->method);
}

/* ---- handlers that run for seconds ------------------------------------------------ */

/* Each slot's refusal while one of its kind runs, and which of a route's
 * calls run as it (NULL: every call). */
static const struct slot_kind {
    int status;
    const char *message;
    const char *retry_after;                      /* NULL: no Retry-After */
    bool (*applies)(const struct http_req *r);
} slot_kinds[HTTP_SLOTS_N] = {
    [HTTP_SLOT_SCHEDULE] = {409, "a schedule run is under way; try again when it has finished",
                            NULL, NULL},
    [HTTP_SLOT_BADGES] = {503, "everyone's badges are being drawn for another ask: ask again "
                          "in a minute", "30", http_web_pdf_is_everyones},
    [HTTP_SLOT_AGENDAS] = {503, "everyone's agendas are being drawn for another ask: ask again "
                           "in a minute", "30", http_web_pdf_is_everyones},
    [HTTP_SLOT_IMPORT] = {409, "another import is under way; nothing was imported: send the "
                          "file again when it has finished", NULL, NULL},
};

/* The slot r's call runs as, or HTTP_SLOT_NONE. */
static enum http_slot slot_of(const struct http_req *r)
{
    enum http_slot k = ROUTE_SLOT_OF(r->route->flags);
    if (k == HTTP_SLOT_NONE || (slot_kinds[k].applies && !slot_kinds[k].applies(r)))
        return HTTP_SLOT_NONE;
    return k;
}

/* Runs a slot's handler with a database connection of its own, then hands
 * the connection back to its worker thread, which sends the reply. Its
 * writes commit on that connection, so every worker's reply cache sees the
 * database's data_version move (cache.h) and forgets what they change. */
static void *background_main(void *arg)
{
    struct http_req *r = arg;
    struct http_server *srv = r->srv;
    struct MHD_Connection *conn = r->conn;
    enum http_slot slot = ROUTE_SLOT_OF(r->route->flags);
    struct df_err err = {0};
    if (store_open(&r->s, srv->o.db_path, &err) < 0) {
        log_msg(LOG_ERROR, "event=db_open_failed msg=\"%s\"", err.msg);
        http_reply_error(r, 500, "internal", "the database is not available");
    } else {
        r->route->fn(r);
        store_close(r->s);
        r->s = NULL;
    }
    http_cache_free();
    app_board_cache_free();
    if (!r->responded)
        http_reply_error(r, 500, "internal", "no reply");
    while (!atomic_load(&r->suspended))
        usleep(1000); /* the worker suspends the connection just after starting us */
    atomic_store(&r->background, BACKGROUND_DONE);
    atomic_store(&srv->running[slot], 0); /* before the reply: the client may ask again at once */
    MHD_resume_connection(conn);           /* r may be gone from here on */
    atomic_fetch_sub(&srv->background_threads, 1); /* last: the server may be stopped now */
    return NULL;
}

enum background_outcome {
    BACKGROUND_STARTED,   /* the handler runs in a thread of its own */
    BACKGROUND_REFUSED,   /* r has its refusal: one of its kind runs, or the server stops */
    BACKGROUND_INLINE,    /* no thread could start: the caller runs it, holding the slot */
};

/* Starts r's handler in a thread of its own as slot, or refuses it because
 * one of its kind already runs or the server is stopping: a schedule run
 * holds a core for up to a minute, and the worker thread it would hold
 * serves its share of the clients' keep-alive connections. */
/* r's refusal as slot's kind says it while one of its kind runs. */
static void reply_busy(struct http_req *r, enum http_slot slot)
{
    const struct slot_kind *k = &slot_kinds[slot];
    http_reply_header(r, "Retry-After", k->retry_after);
    http_reply_error(r, k->status, "busy", "%s", k->message);
}

/* Whether r, just admitted, is refused at once because one of its slot's
 * kind runs: before its body is read (an import's is up to 64 MiB), as the
 * request line and headers decide it. One that finds the slot free here
 * may still find it taken once its body is read (background_start). */
static bool busy_refused(struct http_req *r)
{
    enum http_slot slot = r->route ? slot_of(r) : HTTP_SLOT_NONE;
    if (slot == HTTP_SLOT_NONE || !atomic_load(&r->srv->running[slot]))
        return false;
    reply_busy(r, slot);
    return true;
}

static enum background_outcome background_start(struct http_req *r, enum http_slot slot)
{
    int none = 0;
    if (!atomic_compare_exchange_strong(&r->srv->running[slot], &none, 1)) {
        reply_busy(r, slot);
        return BACKGROUND_REFUSED;
    }
    /* A stopping server still serves its open connections, and stops once
     * its background runs are done: counted before stopping is read, as
     * http_server_stop sets stopping before it reads the count, so that one
     * of the two sees the other. A run started after that wait would hold
     * its connection suspended under MHD_stop_daemon, which aborts. */
    atomic_fetch_add(&r->srv->background_threads, 1);
    if (atomic_load(&r->srv->stopping)) {
        atomic_fetch_sub(&r->srv->background_threads, 1);
        atomic_store(&r->srv->running[slot], 0);
        http_reply_error(r, 503, "unavailable",
                         "the server is stopping; try again when it is back");
        return BACKGROUND_REFUSED;
    }
    /* The thread is started before the connection is suspended, so that a
     * thread that cannot start leaves nothing suspended (the worker then
     * runs the handler itself); the thread resumes it only once suspended. */
    pthread_t t;
    atomic_store(&r->background, BACKGROUND_RUNNING);
    if (pthread_create(&t, NULL, background_main, r) != 0) {
        atomic_store(&r->background, BACKGROUND_NONE);
        atomic_fetch_sub(&r->srv->background_threads, 1);
        return BACKGROUND_INLINE;
    }
    pthread_detach(t);
    MHD_suspend_connection(r->conn);
    atomic_store(&r->suspended, true);
    return BACKGROUND_STARTED;
}

/* What the request line and the headers decide, before any body is read:
 * the route, the session, the role and the CSRF token. False when r has its
 * reply (a refusal), which then goes out at once, the body unread: a client
 * without a session cannot make the server hold a body only to refuse it. */
static bool admit(struct http_req *r)
{
    struct df_err err = {0};
    /* parsed as it arrived (on_uri); again for the message when it failed */
    if (!r->url_ok) {
        if (!r->raw_target ||
            http_url_parse(r->raw_target, strlen(r->raw_target), &r->a, &r->url, &err) == 0)
            df_err_set(&err, DF_ERR_RUNTIME, "out of memory reading a request target");
        http_reply_df_err(r, &err);
        return false;
    }
    bool api = r->url.segs_n > 0 && strcmp(r->url.segs[0], "api") == 0;
    /* a parameter given twice is read once by one program and otherwise by
     * another (a proxy or a cache in front): the API takes neither */
    for (int i = 0; api && i < r->url.params_n; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(r->url.params[i].key, r->url.params[j].key) == 0) {
                http_reply_error(r, 400, "bad_request", "query parameter \"%.100s\" is given twice",
                                 r->url.params[i].key);
                return false;
            }
    /* HEAD is GET without the body: libmicrohttpd sends the headers only. */
    bool head = strcmp(r->method, "HEAD") == 0;
    const char *method = head ? "GET" : r->method;
    bool path_known = false;
    for (int i = 0; i < http_routes_n + http_web_routes_n && !r->route; i++) {
        const struct http_route *rt = route_at(i);
        const char *params[HTTP_ROUTE_PARAMS] = {0};
        if (!http_route_match(rt->pattern, r->url.segs, r->url.segs_n, params))
            continue;
        path_known = true;
        if (strcmp(rt->method, method) == 0) {
            r->route = rt;
            for (int j = 0; j < HTTP_ROUTE_PARAMS; j++)
                r->params[j] = arena_strdup(&r->a, params[j]);
        }
    }
    if (!r->route) {
        if (path_known)
            reply_not_allowed(r);
        else if (api || (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0))
            http_reply_error(r, 404, "not_found", "no such endpoint");
        return !r->responded; /* a file of the web UI: served once the request is read */
    }
    if (!(r->s = thread_store(r->srv))) {
        http_reply_error(r, 500, "internal", "the database is not available");
        return false;
    }
    unsigned f = r->route->flags;
    if (!(f & ROUTE_SECRET_PATH))
        load_session(r);
    if (!(f & ROUTE_PUBLIC) && !r->has_user) {
        http_reply_error(r, 401, "unauthenticated", "log in first (POST /api/v1/session)");
        return false;
    }
    if ((f & ROUTE_ORGANISER) && strcmp(r->user.role, "organiser") != 0) {
        http_reply_error(r, 403, "forbidden", "organisers only");
        return false;
    }
    if (needs_csrf(r->route) && !csrf_ok(r)) {
        http_reply_error(r, 403, "csrf", "missing or wrong X-CSRF-Token header");
        return false;
    }
    return true;
}

/* Once the whole request is read: its handler, or a file of the web UI. */
static void dispatch(struct http_req *r)
{
    if (!r->route) {
        if (r->srv->o.web_dir)
            serve_static(r);
        else
            http_web_serve(r); /* the UI embedded in the binary */
        return;
    }
    unsigned f = r->route->flags;
    enum http_slot slot = slot_of(r);
    if (slot != HTTP_SLOT_NONE && background_start(r, slot) != BACKGROUND_INLINE)
        return;
    r->route->fn(r);
    if (slot != HTTP_SLOT_NONE)
        atomic_store(&r->srv->running[slot], 0); /* run here, one of its kind all the same */
    if (is_state_changing(r->method) && !(f & ROUTE_NO_WRITE))
        http_cache_clear(); /* this thread may have written: its cached replies may be stale */
    if (!r->responded)
        http_reply_error(r, 500, "internal", "no reply");
}

/* ---- the request lifecycle -------------------------------------------------- */

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    struct http_server *srv = cls;
    struct http_req *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->srv = srv;
    r->conn = conn;
    r->reply_fd = -1;
    arena_init(&r->a, 8u << 20);
    buf_init(&r->body, srv->o.body_max);
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    r->raw_target = arena_strndup(&r->a, uri ? uri : "", HTTP_URL_MAX + 1);
    /* who and what, for the log, before anything can be refused (framing,
     * size, libmicrohttpd's own replies) */
    peer_address(r);
    struct df_err ignored = {0};
    r->url_ok = r->raw_target &&
                http_url_parse(r->raw_target, strlen(r->raw_target), &r->a, &r->url,
                               &ignored) == 0;
    atomic_fetch_add(&srv->in_flight, 1);
    return r;
}

static enum MHD_Result send_reply(struct http_req *r)
{
    struct MHD_Response *resp;
    if (r->reply_fd >= 0) {
        resp = MHD_create_response_from_fd(r->reply_fd_len, r->reply_fd);
        if (resp)
            r->reply_fd = -1; /* MHD closes it */
    } else if (r->reply_static) {
        resp = MHD_create_response_from_buffer(r->reply_len, (void *)r->reply_static,
                                               MHD_RESPMEM_PERSISTENT);
    } else {
        resp = MHD_create_response_from_buffer(r->reply_len, r->reply ? r->reply : (char *)"",
                                               r->reply ? MHD_RESPMEM_MUST_FREE
                                                        : MHD_RESPMEM_PERSISTENT);
        r->reply = NULL;
    }
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "text/plain");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    /* Only the web UI's own files may be kept: every API reply, and every
     * error (a 413 or a bad target comes before the path is known), not. */
    bool api = r->url_ok && r->url.segs_n > 0 && strcmp(r->url.segs[0], "api") == 0;
    if (api || !r->url_ok || r->status >= 400)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (r->set_cookie)
        MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
    for (int i = 0; i < r->headers_n; i++)
        MHD_add_response_header(resp, r->headers[i][0], r->headers[i][1]);
    enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result see_framing(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    http_framing_see(cls, key, value);
    return MHD_YES;
}

/* A body framed two ways, or in a way libmicrohttpd cannot read, is refused
 * before it is read (the reply, queued early, closes the connection). */
static bool framing_refused(struct http_req *r)
{
    struct http_framing f = {0};
    const char *why = NULL;
    MHD_get_connection_values(r->conn, MHD_HEADER_KIND, see_framing, &f);
    int status = http_framing_refusal(&f, &why);
    if (status == 501)
        http_reply_error(r, 501, "not_implemented", "%s", why);
    else if (status)
        http_reply_error(r, status, "bad_request", "%s", why);
    return status != 0;
}

/* The body cap of an admitted request: an organiser's CSV import takes a
 * whole forum's file (one transaction, so it cannot be split without losing
 * that); every other body with a session is a form's; without one the only
 * body taken is the login's, a few hundred bytes. */
static size_t body_cap(const struct http_req *r)
{
    if (!r->has_user)
        return r->srv->o.anon_body_max;
    if (r->route && (r->route->flags & ROUTE_CSV_IMPORT) && r->params[0] &&
        http_web_is_csv_import(r->params[0]) && strcmp(r->user.role, "organiser") == 0)
        return r->srv->o.import_body_max;
    return r->srv->o.body_max;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)cls, (void)url, (void)version;
    struct http_req *r = *con_cls;
    if (!r)
        return MHD_NO;
    if (!r->started) {
        r->started = true;
        r->method = arena_strdup(&r->a, method);
        client_facts(r);
        if (framing_refused(r) || !admit(r))
            return send_reply(r);
        r->body_max = body_cap(r);
        buf_free(&r->body);
        buf_init(&r->body, r->body_max);
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > r->body_max) {
            http_reply_error(r, 413, "too_large", "the body is larger than %zu bytes",
                             r->body_max);
            return send_reply(r);
        }
        if (busy_refused(r))
            return send_reply(r);
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!r->too_big && buf_append(&r->body, upload_data, *upload_data_size) < 0) {
            r->too_big = true;
            buf_free(&r->body);
        }
        /* Past the cap the body is read and dropped, so the client gets its 413;
         * one that keeps streaming far beyond it is cut off. */
        if (r->too_big && (r->discarded += *upload_data_size) > 16 * r->body_max)
            return MHD_NO;
        *upload_data_size = 0;
        return MHD_YES;
    }
    int background = atomic_load(&r->background);
    if (background == BACKGROUND_DONE) {
        atomic_store(&r->background, BACKGROUND_NONE);
        return send_reply(r); /* resumed: its handler has replied */
    }
    if (r->responded || background == BACKGROUND_RUNNING)
        return MHD_YES; /* the 413 went out already, or the handler still runs */
    if (r->too_big)
        http_reply_error(r, 413, "too_large", "the body is larger than %zu bytes", r->body_max);
    else
        dispatch(r);
    if (atomic_load(&r->background) != BACKGROUND_NONE)
        return MHD_YES; /* running, or already done: sent when it is resumed */
    return send_reply(r);
}

/* s as the log writes a field the client chose (a path, a method): spaces,
 * quotes and backslashes replaced so a line stays parseable. */
static void log_word(const char *s, char *out, size_t cap)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        out[i] = (s[i] == ' ' || s[i] == '"' || s[i] == '\\') ? '_' : s[i];
    out[i] = '\0';
}

/* libmicrohttpd's own messages (a port it cannot bind, a request it could
 * not parse) into dfnc's log, one line each, instead of bare lines on
 * stderr beside it; quotes, backslashes and control characters replaced,
 * as the client may have chosen some of the words. */
static void on_library_message(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (msg[i] == '"' || msg[i] == '\\' || (unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
            msg[i] = '_';
    log_msg(LOG_WARN, "event=http_library msg=\"%s\"", msg);
}

/* The path for the log: a path under a secret route is redacted whatever
 * the method or outcome (a 405 or a near miss holds the secret as well). */
static void log_path(const struct http_req *r, char *out, size_t cap)
{
    char redacted[256];
    const char *p = !r->url_ok ? "(unparsed)" : r->url.path;
    if (r->url_ok &&
        (http_route_redact(http_routes, http_routes_n, r->url.segs, r->url.segs_n, redacted,
                           sizeof redacted) ||
         http_route_redact(http_web_routes, http_web_routes_n, r->url.segs, r->url.segs_n,
                           redacted, sizeof redacted)))
        p = redacted;
    log_word(p, out, cap);
}

static void on_done(void *cls, struct MHD_Connection *conn, void **con_cls,
                    enum MHD_RequestTerminationCode toe)
{
    (void)conn;
    struct http_server *srv = cls;
    struct http_req *r = *con_cls;
    if (!r)
        return;
    if (srv->o.access_log) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (double)(t1.tv_sec - r->t0.tv_sec) * 1e3 +
                    (double)(t1.tv_nsec - r->t0.tv_nsec) / 1e6;
        char path[256], method[32];
        log_path(r, path, sizeof path);
        log_word(r->method ? r->method : "-", method, sizeof method);
        log_msg(LOG_INFO, "event=http method=%s path=\"%s\" status=%d ms=%.2f ip=%s user=%lld%s",
                method, path, r->status, ms, r->ip[0] ? r->ip : "-",
                r->has_user ? (long long)r->user.id : 0LL,
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted=1");
    }
    /* The reply is out: the index it read may go now, if it is an old one
     * that no other request reads (freeing it holds no client up). */
    http_cache_match_release();
    if (r->reply_fd >= 0)
        close(r->reply_fd);
    free(r->reply);
    buf_free(&r->body);
    arena_free(&r->a);
    free(r);
    *con_cls = NULL;
    atomic_fetch_sub(&srv->in_flight, 1);
}

/* ---- connections per client ----------------------------------------------------- */

/* libmicrohttpd counts connections per address, and an IPv6 client owns a
 * /64: these count it per /64. The accept policy only looks; a connection
 * is counted once started and uncounted when closed, so one refused after
 * the policy (the global limit) is never counted. Accepts racing in the
 * pool's threads may pass the limit by at most the number of threads. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
    struct http_server *srv = cls;
    struct in6_addr key;
    (void)len;
    if (!http_peer_key(addr, &key) || http_peer_counts_admits(&srv->peers, &key))
        return MHD_YES;
    return MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    struct http_server *srv = cls;
    if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
        if (*socket_context)
            http_peer_counts_close(&srv->peers, *socket_context);
        free(*socket_context);
        *socket_context = NULL;
        return;
    }
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    struct in6_addr *key = malloc(sizeof *key);
    if (key && ci && http_peer_key(ci->client_addr, key) &&
        http_peer_counts_open(&srv->peers, key)) {
        *socket_context = key;
        return;
    }
    free(key);
    *socket_context = NULL;
}

/* ---- start and stop ------------------------------------------------------------- */

int http_server_start(const struct http_options *o, struct http_server **out,
                      struct df_err *err)
{
    struct http_server *srv = calloc(1, sizeof *srv);
    if (!srv)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    srv->o = *o;
    srv->clock = forum_clock_set(o->forum_clock, o->forum_clock_still);
    if (!srv->o.listen)
        srv->o.listen = "127.0.0.1";
    if (!srv->o.threads)
        srv->o.threads = 2;
    if (!srv->o.body_max)
        srv->o.body_max = 1u << 20;
    if (!srv->o.anon_body_max)
        srv->o.anon_body_max = 16u << 10;
    if (!srv->o.import_body_max)
        srv->o.import_body_max = (size_t)64 << 20;
    if (!srv->o.header_max)
        srv->o.header_max = 32u << 10;
    if (!srv->o.conn_limit)
        srv->o.conn_limit = 1024;
    if (!srv->o.per_ip_limit)
        srv->o.per_ip_limit = 256;
    if (!srv->o.timeout)
        srv->o.timeout = 30;
    app_auth_limits_default(&srv->o.limits);
    /* the base of feed URLs and invitation links, which base_url holds whole */
    if (srv->o.public_url && strlen(srv->o.public_url) > APP_PUBLIC_URL_MAX) {
        df_err_set(err, DF_ERR_USAGE, "--public-url is over %d bytes long", APP_PUBLIC_URL_MAX);
        goto fail;
    }
    if (app_auth_init(err) < 0)
        goto fail;
    /* room for every connection's client, and for the few racing accepts */
    if (http_peer_counts_init(&srv->peers, srv->o.per_ip_limit, (int)srv->o.conn_limit + 64,
                              err) < 0)
        goto fail;
    struct store *s = NULL; /* migrate once, here, and fail early on a bad path */
    if (store_open(&s, srv->o.db_path, err) < 0)
        goto fail;
    store_close(s);

    struct sockaddr_storage ss = {0};
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, srv->o.listen, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)srv->o.port);
    } else if (inet_pton(AF_INET6, srv->o.listen, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)srv->o.port);
        flags |= MHD_USE_IPv6;
    } else {
        df_err_set(err, DF_ERR_USAGE, "--listen %s is not an IPv4 or IPv6 address",
                   srv->o.listen);
        goto fail;
    }
    if (pthread_key_create(&srv->store_key, store_key_close) != 0) {
        df_err_set(err, DF_ERR_RUNTIME, "cannot create a thread key");
        goto fail;
    }
    /* A pool of one is no pool: the internal thread serves alone, and the
     * option is left out (libmicrohttpd warns about a size of 0 or 1). */
    struct MHD_OptionItem pool[] = {
        {srv->o.threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END,
         (intptr_t)srv->o.threads, NULL},
        {MHD_OPTION_END, 0, NULL}};
    srv->d = MHD_start_daemon(
        flags, (uint16_t)srv->o.port, on_accept, srv, on_request, srv,
        /* first, or libmicrohttpd says so through its own logger */
        MHD_OPTION_EXTERNAL_LOGGER, on_library_message, srv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_ARRAY, pool,
        MHD_OPTION_CONNECTION_LIMIT, srv->o.conn_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, srv->o.per_ip_limit,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
        MHD_OPTION_CONNECTION_TIMEOUT, srv->o.timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, srv->o.header_max,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
        MHD_OPTION_NOTIFY_COMPLETED, on_done, srv,
        MHD_OPTION_END);
    /* No MHD_OPTION_LISTENING_ADDRESS_REUSE: its SO_REUSEPORT let a second
     * server bind a busy port and the kernel split the clients between the
     * two (old and new data, sessions valid on one only). Without it the
     * bind fails with EADDRINUSE, as it should. */
    if (!srv->d) {
        int why = errno;
        pthread_key_delete(srv->store_key);
        if (why == EADDRINUSE)
            df_err_set(err, DF_ERR_RUNTIME,
                       "cannot listen on %s port %d: the port is in use (another dfnc serve? "
                       "stop it or choose another --port)", srv->o.listen, srv->o.port);
        else
            df_err_set(err, DF_ERR_RUNTIME, "cannot listen on %s port %d%s%s", srv->o.listen,
                       srv->o.port, why ? ": " : "", why ? strerror(why) : "");
        goto fail;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv->d, MHD_DAEMON_INFO_LISTEN_FD);
    struct sockaddr_storage bound;
    socklen_t blen = sizeof bound;
    srv->port = srv->o.port;
    if (di && getsockname(di->listen_fd, (struct sockaddr *)&bound, &blen) == 0)
        srv->port = ntohs(bound.ss_family == AF_INET6
                              ? ((struct sockaddr_in6 *)&bound)->sin6_port
                              : ((struct sockaddr_in *)&bound)->sin_port);
    /* A forum whose public address is https:// is reached over TLS, whether
     * or not --tls says so: its cookie must never go over plain http. */
    srv->https = srv->o.tls ||
                 (srv->o.public_url && strncasecmp(srv->o.public_url, "https://", 8) == 0);
    if (srv->o.public_url) {
        /* feed URLs add /api/v1/...: https://forum.eu/ would give //api */
        size_t n = strlen(srv->o.public_url);
        while (n > 0 && srv->o.public_url[n - 1] == '/')
            n--;
        snprintf(srv->base_url, sizeof srv->base_url, "%.*s", (int)n, srv->o.public_url);
    } else
        snprintf(srv->base_url, sizeof srv->base_url, strchr(srv->o.listen, ':')
                 ? "http://[%s]:%d" : "http://%s:%d", srv->o.listen, srv->port);
    *out = srv;
    return 0;
fail:
    http_peer_counts_free(&srv->peers);
    free(srv);
    return -1;
}

void http_server_stop(struct http_server *srv)
{
    if (!srv)
        return;
    /* Stop accepting; let requests in flight finish; then close everything
     * (worker threads exit, and their thread-key destructors close the stores). */
    MHD_socket ls = MHD_quiesce_daemon(srv->d);
    atomic_store(&srv->stopping, true);    /* before the count is read: background_start */
    /* A background run is waited for whatever it takes (a schedule run's
     * time limit bounds it, the forum's size a drawing's or an import's):
     * its connection is suspended, and stopping the daemon under a
     * suspended connection is undefined. */
    if (atomic_load(&srv->background_threads) > 0)
        log_msg(LOG_INFO, "event=stopping_waits_for_background_run");
    while (atomic_load(&srv->background_threads) > 0)
        usleep(10000);
    for (int i = 0; i < 1000 && atomic_load(&srv->in_flight) > 0; i++)
        usleep(10000);
    MHD_stop_daemon(srv->d);
    if (ls != MHD_INVALID_SOCKET)
        close(ls);
    pthread_key_delete(srv->store_key);
    http_peer_counts_free(&srv->peers);
    free(srv);
}

int http_serve(const struct http_options *o, struct df_err *err)
{
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    /* Workers inherit the mask, so only sigwait below sees the signals. */
    pthread_sigmask(SIG_BLOCK, &set, &old);
    struct http_server *srv = NULL;
    if (http_server_start(o, &srv, err) < 0) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return -1;
    }
    if (o->on_started && o->on_started(o->on_started_ud, err) < 0) {
        http_server_stop(srv);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return -1;
    }
    printf(strchr(srv->o.listen, ':') ? "dfnc serving http://[%s]:%d (Ctrl-C stops)\n"
                                      : "dfnc serving http://%s:%d (Ctrl-C stops)\n",
           srv->o.listen, srv->port);
    fflush(stdout);
    log_msg(LOG_INFO, "event=listening url=%s threads=%d", srv->base_url, srv->o.threads);
    int sig = 0;
    sigwait(&set, &sig);
    log_msg(LOG_INFO, "event=stopping signal=%d in_flight=%d", sig,
            atomic_load(&srv->in_flight));
    http_server_stop(srv);
    log_msg(LOG_INFO, "event=stopped");
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return 0;
}
