/* Proxies believed and connections counted per client (see peers.h). */
#include "http/peers.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An IPv4 address as IPv6 writes it mapped (::ffff:a.b.c.d), so that one
 * comparison serves both families. */
static void v4_mapped(const struct in_addr *v4, struct in6_addr *out)
{
    memset(out, 0, sizeof *out);
    out->s6_addr[10] = out->s6_addr[11] = 0xff;
    memcpy(out->s6_addr + 12, v4, 4);
}

/* text as an IPv6 address, IPv4 mapped: true when it is one or the other. */
static bool addr_parse(const char *text, struct in6_addr *out)
{
    struct in_addr v4;
    if (inet_pton(AF_INET, text, &v4) == 1) {
        v4_mapped(&v4, out);
        return true;
    }
    return inet_pton(AF_INET6, text, out) == 1;
}

/* "ADDR" or "ADDR/BITS" into an address and its prefix length (IPv4 bits
 * counted as mapped); false when it is neither, or bits are set past BITS. */
static bool range_parse(const char *text, struct in6_addr *addr, unsigned char *bits)
{
    char a[INET6_ADDRSTRLEN + 1];
    const char *slash = strchr(text, '/');
    size_t n = slash ? (size_t)(slash - text) : strlen(text);
    if (n == 0 || n >= sizeof a)
        return false;
    memcpy(a, text, n);
    a[n] = '\0';
    if (!addr_parse(a, addr))
        return false;
    bool v4 = strchr(a, ':') == NULL;
    unsigned max = v4 ? 32 : 128, len = max;
    if (slash) {
        char *end;
        unsigned long v = strtoul(slash + 1, &end, 10);
        if (!slash[1] || *end || slash[1] < '0' || slash[1] > '9' || v > max)
            return false;
        len = (unsigned)v;
    }
    *bits = (unsigned char)(len + (v4 ? 96 : 0));
    for (unsigned b = *bits; b < 128; b++)
        if (addr->s6_addr[b / 8] & (0x80 >> (b % 8)))
            return false;
    return true;
}

int http_proxies_parse(const char *list, struct http_proxies *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    const char *p = list;
    for (;;) {
        size_t n = strcspn(p, ",");
        char one[INET6_ADDRSTRLEN + 8];
        if (n == 0 || n >= sizeof one)
            return df_err_set(err, DF_ERR_USAGE,
                              "--behind-proxy takes the proxies' addresses or ranges, "
                              "ADDR[/BITS][,...] (IPv4 or IPv6), not \"%s\"", list);
        memcpy(one, p, n);
        one[n] = '\0';
        if (out->n == HTTP_PROXIES_MAX)
            return df_err_set(err, DF_ERR_USAGE, "--behind-proxy takes at most %d addresses",
                              HTTP_PROXIES_MAX);
        if (!range_parse(one, &out->addr[out->n], &out->bits[out->n]))
            return df_err_set(err, DF_ERR_USAGE,
                              "--behind-proxy: \"%s\" is not an IPv4 or IPv6 address or a "
                              "range such as 10.0.0.0/8 (the proxies' addresses are required: "
                              "ADDR[/BITS][,...]; a range's bits past its length are 0)", one);
        out->n++;
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

/* sa as an IPv6 address, IPv4 mapped. */
static bool sockaddr_addr(const struct sockaddr *sa, struct in6_addr *out)
{
    if (!sa)
        return false;
    if (sa->sa_family == AF_INET) {
        v4_mapped(&((const struct sockaddr_in *)sa)->sin_addr, out);
        return true;
    }
    if (sa->sa_family == AF_INET6) {
        *out = ((const struct sockaddr_in6 *)sa)->sin6_addr;
        return true;
    }
    return false;
}

static bool in_ranges(const struct http_proxies *p, const struct in6_addr *a)
{
    for (int i = 0; i < p->n; i++) {
        unsigned whole = p->bits[i] / 8, rest = p->bits[i] % 8;
        if (memcmp(&p->addr[i], a, whole) == 0 &&
            (!rest || ((p->addr[i].s6_addr[whole] ^ a->s6_addr[whole]) & (0xff00 >> rest)) == 0))
            return true;
    }
    return false;
}

bool http_proxies_has(const struct http_proxies *p, const struct sockaddr *sa)
{
    struct in6_addr a;
    return sockaddr_addr(sa, &a) && in_ranges(p, &a);
}

bool http_proxies_client(const struct http_proxies *p, const char *xff, char *out, size_t size)
{
    bool found = false;
    size_t end = strlen(xff);
    while (end > 0) {
        size_t start = end;
        while (start > 0 && xff[start - 1] != ',')
            start--;
        size_t a = start, b = end;
        while (a < b && (xff[a] == ' ' || xff[a] == '\t'))
            a++;
        while (b > a && (xff[b - 1] == ' ' || xff[b - 1] == '\t'))
            b--;
        char cand[INET6_ADDRSTRLEN + 1];
        struct in6_addr addr;
        if (b - a >= sizeof cand)
            break;
        memcpy(cand, xff + a, b - a);
        cand[b - a] = '\0';
        if (!addr_parse(cand, &addr))
            break;
        snprintf(out, size, "%s", cand);
        found = true;
        if (!in_ranges(p, &addr))
            break;
        end = start > 0 ? start - 1 : 0;
    }
    return found;
}

bool http_peer_key(const struct sockaddr *sa, struct in6_addr *key)
{
    if (!sockaddr_addr(sa, key))
        return false;
    if (!IN6_IS_ADDR_V4MAPPED(key))
        memset(key->s6_addr + 8, 0, 8);
    return true;
}

int http_peer_counts_init(struct http_peer_counts *c, unsigned limit, int cap,
                          struct df_err *err)
{
    memset(c, 0, sizeof *c);
    c->v = calloc((size_t)cap, sizeof *c->v);
    if (!c->v)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    c->limit = limit;
    c->cap = cap;
    pthread_mutex_init(&c->mu, NULL);
    return 0;
}

void http_peer_counts_free(struct http_peer_counts *c)
{
    if (!c->v)
        return;
    pthread_mutex_destroy(&c->mu);
    free(c->v);
    c->v = NULL;
}

/* The entry of key, or -1; under c->mu. The live keys are at most the
 * connection limit, a scan of a few thousand bytes. */
static int find(const struct http_peer_counts *c, const struct in6_addr *key)
{
    for (int i = 0; i < c->n; i++)
        if (memcmp(&c->v[i].key, key, sizeof *key) == 0)
            return i;
    return -1;
}

bool http_peer_counts_admits(struct http_peer_counts *c, const struct in6_addr *key)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, key);
    bool ok = i < 0 ? c->n < c->cap : c->v[i].open < c->limit;
    pthread_mutex_unlock(&c->mu);
    return ok;
}

bool http_peer_counts_open(struct http_peer_counts *c, const struct in6_addr *key)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, key);
    bool ok = true;
    if (i >= 0)
        c->v[i].open++;
    else if (c->n < c->cap)
        c->v[c->n++] = (struct http_peer_count){*key, 1};
    else
        ok = false;
    pthread_mutex_unlock(&c->mu);
    return ok;
}

void http_peer_counts_close(struct http_peer_counts *c, const struct in6_addr *key)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, key);
    if (i >= 0 && --c->v[i].open == 0)
        c->v[i] = c->v[--c->n];
    pthread_mutex_unlock(&c->mu);
}

unsigned http_peer_counts_of(struct http_peer_counts *c, const struct in6_addr *key)
{
    pthread_mutex_lock(&c->mu);
    int i = find(c, key);
    unsigned n = i < 0 ? 0 : c->v[i].open;
    pthread_mutex_unlock(&c->mu);
    return n;
}
