/* Who is at the other end of a connection: the proxies whose
 * X-Forwarded-For is believed (--behind-proxy ADDR[/BITS][,...]), and the
 * count of open connections per client, with an IPv6 client counted per /64
 * (one home line owns a whole /64; libmicrohttpd's own per-IP limit counts
 * each of its addresses apart). */
#ifndef DFNC_HTTP_PEERS_H
#define DFNC_HTTP_PEERS_H

#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "core/err.h"

#define HTTP_PROXIES_MAX 16

/* Addresses or ranges as IPv6 (IPv4 ones mapped, ::ffff:a.b.c.d), so that
 * a proxy named 10.0.0.1 is found when a dual-stack socket reports it
 * mapped; bits[i] is how many leading bits of addr[i] must match (128 for
 * one address; an IPv4 /24 is 96 + 24). */
struct http_proxies {
    int n;
    struct in6_addr addr[HTTP_PROXIES_MAX];
    unsigned char bits[HTTP_PROXIES_MAX];
};

/* list is "ADDR[/BITS][,...]": IPv4 or IPv6 addresses, or ranges such as
 * 10.0.0.0/8 or 2001:db8::/32 (a load balancer's pool); DF_ERR_USAGE naming
 * the part that is not one, or a range with bits set past its length. */
int http_proxies_parse(const char *list, struct http_proxies *out, struct df_err *err);
/* True when sa (AF_INET or AF_INET6) lies in one of p's ranges. */
bool http_proxies_has(const struct http_proxies *p, const struct sockaddr *sa);
/* The client a chain of proxies names. xff is X-Forwarded-For as received
 * from a peer p trusts; each proxy appends the address it saw. Read from the
 * right, addresses of trusted proxies are skipped and the first other one is
 * the client; an entry that is no address stops the walk (the one before it,
 * which a trusted proxy wrote, is taken). Writes it to out and returns true,
 * or false when xff names nobody. */
bool http_proxies_client(const struct http_proxies *p, const char *xff, char *out, size_t size);

/* The key a client is counted under: an IPv4 address (or one mapped into
 * IPv6) whole, an IPv6 address's first 64 bits. False for other families. */
bool http_peer_key(const struct sockaddr *sa, struct in6_addr *key);

/* Open connections per key, at most `limit` each; thread-safe. */
struct http_peer_counts {
    pthread_mutex_t mu;
    unsigned limit;
    int n, cap;
    struct http_peer_count {
        struct in6_addr key;
        unsigned open;
    } *v;
};
/* cap: how many distinct keys may be open at once (the connection limit). */
int http_peer_counts_init(struct http_peer_counts *c, unsigned limit, int cap,
                          struct df_err *err);
void http_peer_counts_free(struct http_peer_counts *c);
/* Whether one more connection of key may open (its count is below limit). */
bool http_peer_counts_admits(struct http_peer_counts *c, const struct in6_addr *key);
/* A connection of key opened / closed. open returns false (nothing counted)
 * when the table is full. */
bool http_peer_counts_open(struct http_peer_counts *c, const struct in6_addr *key);
void http_peer_counts_close(struct http_peer_counts *c, const struct in6_addr *key);
/* The open connections counted under key (tests). */
unsigned http_peer_counts_of(struct http_peer_counts *c, const struct in6_addr *key);

#endif
