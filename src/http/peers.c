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

int http_proxies_parse(const char *list, struct http_proxies *out, struct df_err *err)
{
    memset(out, 0, sizeof *out);
    const char *p = list;
    for (;;) {
        size_t n = strcspn(p, ",");
        char one[INET6_ADDRSTRLEN + 1];
        if (n == 0 || n >= sizeof one)
            return df_err_set(err, DF_ERR_USAGE,
                              "--behind-proxy takes the proxies' addresses, ADDR[,ADDR...] "
                              "(IPv4 or IPv6), not \"%s\"", list);
        memcpy(one, p, n);
        one[n] = '\0';
        if (out->n == HTTP_PROXIES_MAX)
            return df_err_set(err, DF_ERR_USAGE, "--behind-proxy takes at most %d addresses",
                              HTTP_PROXIES_MAX);
        if (!addr_parse(one, &out->addr[out->n]))
            return df_err_set(err, DF_ERR_USAGE,
                              "--behind-proxy: \"%s\" is not an IPv4 or IPv6 address (the "
                              "proxies' addresses are required: ADDR[,ADDR...])", one);
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

bool http_proxies_has(const struct http_proxies *p, const struct sockaddr *sa)
{
    struct in6_addr a;
    if (!sockaddr_addr(sa, &a))
        return false;
    for (int i = 0; i < p->n; i++)
        if (memcmp(&p->addr[i], &a, sizeof a) == 0)
            return true;
    return false;
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
