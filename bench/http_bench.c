/* HTTP benchmark (bench/README.md): a generated forum of N participants with
 * logins and scheduled agendas, served in-process on an ephemeral port.
 * Reads: wrk on GET /api/v1/me/agenda rotating N session cookies, beside a
 * static file from the same server (the ceiling). Writes: C clients sending
 * and accepting meeting requests for S seconds; afterwards the database's
 * counts must equal the successful responses, and no 5xx may have been seen.
 * usage: http_bench [--people N] [--clients C] [--seconds S] [--wrk-seconds S] [--threads T]
 *                   [--keep] (keeps the database and the wrk script in /tmp) */
#include <arpa/inet.h>
#include <getopt.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "app/auth.h"
#include "app/schedule.h"
#include "http/cache.h"
#include "http/server.h"
#include "store/store.h"

static int keep;
static int people_n = 500, clients_n = 100, write_seconds = 30, wrk_seconds = 10, threads = 2;
static char dir[64];
static int port;

static void die(const struct df_err *err, const char *what)
{
    fprintf(stderr, "http_bench: %s: %s\n", what, err ? err->msg : "failed");
    exit(1);
}

/* ---- the forum ------------------------------------------------------------------- */

static void build_forum(const char *db)
{
    struct store *s;
    struct df_err err = {0};
    struct arena a;
    arena_init(&a, 0);
    if (store_open(&s, db, &err) < 0 || store_begin(s, &err) < 0)
        die(&err, "opening the database");
    char id[64], id2[64], name[64];
    int orgs = people_n / 5;
    for (int i = 0; i < orgs; i++) {
        snprintf(id, sizeof id, "org-%04d", i);
        snprintf(name, sizeof name, "Organisation %d", i);
        struct store_org o = {.id = id, .name = name, .country = i % 4 ? "FR" : "UA",
                              .kind = "company"};
        if (store_org_upsert(s, &o, NULL, &err) < 0)
            die(&err, "organisations");
    }
    for (int i = 0; i < people_n; i++) {
        snprintf(id, sizeof id, "p-%04d", i);
        snprintf(id2, sizeof id2, "org-%04d", i % orgs);
        snprintf(name, sizeof name, "Person %d", i);
        struct store_person p = {.id = id, .org = id2, .name = name, .languages = "en"};
        if (store_person_upsert(s, &p, NULL, &err) < 0)
            die(&err, "people");
    }
    struct store_event e = {.id = "ev", .name = "Bench forum", .starts_on = "2025-11-04",
                            .ends_on = "2025-11-05", .request_cap = 1000};
    if (store_event_upsert(s, &e, NULL, &err) < 0)
        die(&err, "event");
    for (int d = 0; d < 2; d++) {
        char sid[16], day[16], st[40], en[40];
        snprintf(sid, sizeof sid, "s-%d", d);
        snprintf(day, sizeof day, "2025-11-%02d", 4 + d);
        snprintf(st, sizeof st, "%sT09:00:00+01:00", day);
        snprintf(en, sizeof en, "%sT15:00:00+01:00", day);
        struct store_session ss = {.id = sid, .event = "ev", .day = day, .name = "B2B",
                                   .kind = "b2b", .starts_at = st, .ends_at = en};
        if (store_session_upsert(s, &ss, &err) < 0)
            die(&err, "sessions");
        for (int k = 0; k < 12; k++) {
            char tid[16];
            snprintf(tid, sizeof tid, "t-%02d", d * 12 + k);
            snprintf(st, sizeof st, "%sT%02d:%02d:00+01:00", day, 9 + k / 2, k % 2 * 30);
            snprintf(en, sizeof en, "%sT%02d:%02d:00+01:00", day, 9 + (k + 1) / 2,
                     (k + 1) % 2 * 30);
            struct store_slot sl = {.id = tid, .session = sid, .seq = d * 12 + k + 1,
                                    .starts_at = st, .ends_at = en};
            if (store_slot_upsert(s, &sl, &err) < 0)
                die(&err, "slots");
        }
    }
    for (int t = 0; t < people_n / 2; t++) {
        snprintf(id, sizeof id, "table-%d", t);
        struct store_location l = {.id = id, .event = "ev", .name = id, .kind = "table",
                                   .seats = 4};
        if (store_location_upsert(s, &l, &err) < 0)
            die(&err, "tables");
    }
    /* About 10 meetings each: person i meets i+1 .. i+5 (mod N). */
    for (int i = 0; i < people_n; i++)
        for (int k = 1; k <= 5; k++) {
            snprintf(id, sizeof id, "r-%04d-%d", i, k);
            snprintf(id2, sizeof id2, "p-%04d", i);
            snprintf(name, sizeof name, "p-%04d", (i + k) % people_n);
            struct store_request r = {.id = id, .event = "ev", .from = id2, .to = name,
                                      .status = "accepted", .priority = 1};
            if (store_request_upsert(s, &r, NULL, &err) < 0)
                die(&err, "requests");
        }
    for (int i = 0; i < people_n; i++) {
        snprintf(id, sizeof id, "u%d@bench.test", i);
        snprintf(id2, sizeof id2, "p-%04d", i);
        if (app_user_add(s, id, "participant", id2, "bench-password", true, &err) < 0)
            die(&err, "logins");
    }
    if (store_commit(s, &err) < 0)
        die(&err, "commit");
    struct app_schedule_opts o = {.event = "ev", .time_limit = 5, .seed = 1};
    struct app_schedule_report rep;
    if (app_schedule_event(s, &o, &a, &rep, &err) < 0)
        die(&err, "scheduling");
    printf("forum: %d participants, %d accepted requests, %d meetings scheduled\n", people_n,
           rep.accepted, rep.scheduled);
    store_close(s);
    arena_free(&a);
}

/* Logs everybody in (in-process: the hashes are cheap demo ones) and writes the
 * cookies for wrk's Lua script. */
static void login_all(const char *db, char (*tokens)[APP_TOKEN_LEN], char (*csrfs)[APP_TOKEN_LEN])
{
    struct store *s;
    struct df_err err = {0};
    struct arena a;
    struct app_auth_limits l = {.per_account = 1000, .per_ip = 100000};
    app_auth_limits_default(&l);
    arena_init(&a, 0);
    if (store_open(&s, db, &err) < 0)
        die(&err, "opening");
    char path[128];
    snprintf(path, sizeof path, "%s/cookies.txt", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < people_n; i++) {
        char email[64];
        struct store_user u;
        snprintf(email, sizeof email, "u%d@bench.test", i);
        if (app_login(s, &l, email, "bench-password", "127.0.0.1", (int64_t)time(NULL),
                      tokens[i], csrfs[i], &a, &u, NULL, &err) != APP_LOGIN_OK)
            die(&err, "login");
        fprintf(f, "%s\n", tokens[i]);
    }
    fclose(f);
    store_close(s);
    arena_free(&a);
}

/* ---- reads with wrk -------------------------------------------------------------- */

struct wrk_result {
    double rps, p99_ms;
};

static double to_ms(const char *v)
{
    double x = atof(v);
    if (strstr(v, "us"))
        return x / 1000;
    if (strstr(v, "ms"))
        return x;
    if (strstr(v, "s"))
        return x * 1000;
    return x;
}

/* Runs wrk for `seconds` on path; a first 2-second run warms the server up
 * (the reply cache, SQLite's page cache) and is not counted. */
static struct wrk_result run_wrk(const char *script, const char *path)
{
    char cmd[512], line[512];
    snprintf(cmd, sizeof cmd, "wrk -t2 -c100 -d2s %s%s http://127.0.0.1:%d%s >/dev/null 2>&1",
             script ? "-s " : "", script ? script : "", port, path);
    if (system(cmd) != 0)
        fprintf(stderr, "http_bench: the warm-up run of wrk failed\n");
    snprintf(cmd, sizeof cmd, "wrk -t2 -c100 -d%ds --latency %s%s http://127.0.0.1:%d%s 2>&1",
             wrk_seconds, script ? "-s " : "", script ? script : "", port, path);
    struct wrk_result r = {0};
    FILE *p = popen(cmd, "r");
    while (p && fgets(line, sizeof line, p)) {
        char v[64];
        if (sscanf(line, " Requests/sec: %lf", &r.rps) == 1)
            continue;
        if (sscanf(line, " 99%% %63s", v) == 1)
            r.p99_ms = to_ms(v);
        if (strstr(line, "Non-2xx") || strstr(line, "Socket errors"))
            printf("  wrk: %s", line);
    }
    if (p)
        pclose(p);
    return r;
}

/* ---- writes: C clients over keep-alive sockets --------------------------------------- */

struct counters {
    atomic_long sent_201, accepted_200, conflict_409, other_4xx, errors_5xx, failures;
};
static struct counters cnt;
static char (*g_tokens)[APP_TOKEN_LEN], (*g_csrfs)[APP_TOKEN_LEN];
static atomic_int stop_writes;

static int http_connect(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* One request on a keep-alive connection; the body (NUL-terminated) into out.
 * Returns the status, or -1 when the connection failed (reconnects once). */
static int http_call(int *fd, const char *method, const char *path, int who, const char *body,
                     char *out, size_t cap)
{
    char req[2048];
    int n = snprintf(req, sizeof req,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: dfnc_session=%s\r\n"
                     "X-CSRF-Token: %s\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n%s",
                     method, path, g_tokens[who], g_csrfs[who], body ? strlen(body) : 0,
                     body ? body : "");
    for (int attempt = 0; attempt < 2; attempt++) {
        if (*fd < 0 && (*fd = http_connect()) < 0)
            return -1;
        if (write(*fd, req, (size_t)n) != n) {
            close(*fd);
            *fd = -1;
            continue;
        }
        size_t got = 0;
        char *hdr_end = NULL;
        long clen = -1;
        while (got + 1 < cap) {
            ssize_t k = read(*fd, out + got, cap - 1 - got);
            if (k <= 0)
                break;
            got += (size_t)k;
            out[got] = '\0';
            if (!hdr_end && (hdr_end = strstr(out, "\r\n\r\n"))) {
                char *cl = strcasestr(out, "Content-Length:");
                clen = cl && cl < hdr_end ? atol(cl + 15) : 0;
            }
            if (hdr_end && got >= (size_t)(hdr_end + 4 - out) + (size_t)clen)
                break;
        }
        if (!hdr_end) {
            close(*fd);
            *fd = -1;
            if (got == 0)
                continue; /* the server closed an idle connection: retry once */
            return -1;
        }
        int status = atoi(out + 9);
        memmove(out, hdr_end + 4, strlen(hdr_end + 4) + 1);
        return status;
    }
    return -1;
}

static void *writer(void *arg)
{
    int me = (int)(intptr_t)arg, fd = -1;
    unsigned seed = (unsigned)me * 7919u + 1;
    static __thread char buf[1 << 20];
    char body[256], path[256];
    while (!atomic_load(&stop_writes)) {
        /* To another client, so somebody is there to accept. */
        int to = (int)(rand_r(&seed) % (unsigned)clients_n);
        if (to == me)
            continue;
        snprintf(body, sizeof body, "{\"event\":\"ev\",\"to\":\"p-%04d\",\"message\":\"bench\"}",
                 to);
        int st = http_call(&fd, "POST", "/api/v1/requests", me, body, buf, sizeof buf);
        if (st == 201)
            atomic_fetch_add(&cnt.sent_201, 1);
        else if (st == 409)
            atomic_fetch_add(&cnt.conflict_409, 1);
        else if (st >= 500)
            atomic_fetch_add(&cnt.errors_5xx, 1);
        else if (st < 0)
            atomic_fetch_add(&cnt.failures, 1);
        else
            atomic_fetch_add(&cnt.other_4xx, 1);
        st = http_call(&fd, "GET", "/api/v1/requests?status=pending", me, NULL, buf, sizeof buf);
        if (st >= 500)
            atomic_fetch_add(&cnt.errors_5xx, 1);
        /* Accept the first pending request addressed to me. */
        char *p = buf, needle[32];
        snprintf(needle, sizeof needle, "\"to\":\"p-%04d\"", me);
        char *hit = st == 200 ? strstr(p, needle) : NULL;
        if (hit) {
            char *idp = hit;
            while (idp > buf && strncmp(idp, "{\"id\":\"", 7) != 0)
                idp--;
            char id[64] = {0};
            if (sscanf(idp, "{\"id\":\"%63[^\"]", id) == 1) {
                snprintf(path, sizeof path, "/api/v1/requests/%s/accept", id);
                st = http_call(&fd, "POST", path, me, NULL, buf, sizeof buf);
                if (st == 200)
                    atomic_fetch_add(&cnt.accepted_200, 1);
                else if (st >= 500)
                    atomic_fetch_add(&cnt.errors_5xx, 1);
                else if (st < 0)
                    atomic_fetch_add(&cnt.failures, 1);
                else
                    atomic_fetch_add(&cnt.other_4xx, 1);
            }
        }
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"people", required_argument, NULL, 'n'}, {"clients", required_argument, NULL, 'c'},
        {"seconds", required_argument, NULL, 's'}, {"wrk-seconds", required_argument, NULL, 'w'},
        {"threads", required_argument, NULL, 't'}, {"keep", no_argument, NULL, 'k'},
        {0, 0, 0, 0}};
    for (int c; (c = getopt_long(argc, argv, "", opts, NULL)) != -1;) {
        if (c == 'n') people_n = atoi(optarg);
        else if (c == 'c') clients_n = atoi(optarg);
        else if (c == 's') write_seconds = atoi(optarg);
        else if (c == 'w') wrk_seconds = atoi(optarg);
        else if (c == 't') threads = atoi(optarg);
        else if (c == 'k') keep = 1;
        else return 2;
    }
    if (people_n < 10 || clients_n < 1 || clients_n > people_n)
        return 2;
    struct df_err err = {0};
    if (app_auth_init(&err) < 0)
        die(&err, "sodium");
    snprintf(dir, sizeof dir, "/tmp/dfnc-http-bench-%d", (int)getpid());
    char db[128], cmd[256], web[128], path[160];
    snprintf(cmd, sizeof cmd, "rm -rf %s && mkdir -p %s/web", dir, dir);
    if (system(cmd) != 0)
        return 1;
    snprintf(db, sizeof db, "%s/bench.db", dir);
    snprintf(web, sizeof web, "%s/web", dir);
    build_forum(db);
    g_tokens = calloc((size_t)people_n, sizeof *g_tokens);
    g_csrfs = calloc((size_t)people_n, sizeof *g_csrfs);
    login_all(db, g_tokens, g_csrfs);

    /* The ceiling: a static file the size of a typical agenda reply. */
    snprintf(path, sizeof path, "%s/agenda.json", web);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 40; i++)
        fputs("{\"id\":\"r-0000-1\",\"slot\":\"t-00\",\"starts_at\":\"2025\"},", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/rotate.lua", dir);
    f = fopen(path, "w");
    fprintf(f, "local cookies = {}\n"
               "for line in io.lines(\"%s/cookies.txt\") do cookies[#cookies + 1] = line end\n"
               "local i = math.random(#cookies)\n"
               "request = function()\n"
               "  i = i %% #cookies + 1\n"
               "  return wrk.format(\"GET\", \"/api/v1/me/agenda\",\n"
               "                    {[\"Cookie\"] = \"dfnc_session=\" .. cookies[i]})\n"
               "end\n", dir);
    fclose(f);

    struct http_options o = {.db_path = db, .port = 0, .threads = threads, .web_dir = web,
                             .access_log = false};
    struct http_server *srv;
    if (http_server_start(&o, &srv, &err) < 0)
        die(&err, "server");
    port = http_server_port(srv);
    printf("server: 127.0.0.1:%d, %d worker threads; wrk -t2 -c100 -d%ds\n", port, threads,
           wrk_seconds);
    struct wrk_result st = run_wrk(NULL, "/agenda.json");
    struct wrk_result ag = run_wrk(path, "/api/v1/me/agenda");
    http_cache_disable(true);
    struct wrk_result nc = run_wrk(path, "/api/v1/me/agenda");
    http_cache_disable(false);
    printf("%-40s %12s %10s\n", "reads", "requests/s", "p99 ms");
    printf("%-40s %12.0f %10.2f\n", "static file (ceiling)", st.rps, st.p99_ms);
    printf("%-40s %12.0f %10.2f\n", "GET /api/v1/me/agenda", ag.rps, ag.p99_ms);
    printf("%-40s %12.0f %10.2f\n", "GET /api/v1/me/agenda, reply cache off", nc.rps,
           nc.p99_ms);
    printf("agenda / ceiling: %.2f of the requests/s (%.2f with the cache off)\n",
           st.rps > 0 ? ag.rps / st.rps : 0, st.rps > 0 ? nc.rps / st.rps : 0);

    /* Writes. */
    pthread_t *th = calloc((size_t)clients_n, sizeof *th);
    for (int i = 0; i < clients_n; i++)
        pthread_create(&th[i], NULL, writer, (void *)(intptr_t)i);
    sleep((unsigned)write_seconds);
    atomic_store(&stop_writes, 1);
    for (int i = 0; i < clients_n; i++)
        pthread_join(th[i], NULL);
    http_server_stop(srv);

    struct store *s;
    struct store_stats stats;
    if (store_open(&s, db, &err) < 0 || store_stats_get(s, &stats, &err) < 0)
        die(&err, "counting");
    store_close(s);
    long base = (long)people_n * 5; /* the accepted requests the forum started with */
    long sent = atomic_load(&cnt.sent_201), acc = atomic_load(&cnt.accepted_200);
    printf("writes: %d clients, %d s: %ld sent (201), %ld accepted (200), %ld refused by "
           "rules (409), %ld other 4xx, %ld 5xx, %ld transport failures; %.0f writes/s\n",
           clients_n, write_seconds, sent, acc, atomic_load(&cnt.conflict_409),
           atomic_load(&cnt.other_4xx), atomic_load(&cnt.errors_5xx),
           atomic_load(&cnt.failures), (double)(sent + acc) / write_seconds);
    int lost = stats.requests != base + sent || stats.accepted != base + acc;
    printf("database: %lld requests (expected %ld), %lld accepted (expected %ld): %s\n",
           (long long)stats.requests, base + sent, (long long)stats.accepted, base + acc,
           lost ? "MISMATCH" : "nothing lost");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (keep)
        printf("kept %s\n", dir);
    else if (system(cmd) != 0)
        return 1;
    return lost || atomic_load(&cnt.errors_5xx) ? 1 : 0;
}
