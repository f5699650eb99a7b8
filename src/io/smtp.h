/* Sending one Internet message over SMTP with libcurl (smtp:// with
 * STARTTLS when the server offers it, smtps:// over TLS): no SMTP client of
 * dfnc's own. Blocking, with timeouts; call it with no database lock held. */
#ifndef DFNC_IO_SMTP_H
#define DFNC_IO_SMTP_H

#include <stddef.h>

#include "core/err.h"

/* Where and how to send. */
struct smtp_server {
    const char *url;        /* smtp://host:port or smtps://host:port */
    const char *user;       /* NULL: no login */
    const char *password;   /* with user; never logged */
    long timeout;           /* seconds for a whole message (connect: a third of it); 0 = 30 */
};

/* Whether url is one smtp_send takes: smtp:// or smtps:// and a host. */
int smtp_url_check(const char *url, struct df_err *err);

/* Once per process, before any thread sends (libcurl's global init). */
int smtp_global_init(struct df_err *err);

/* Sends msg (len bytes, CRLF lines, as mailmsg_write makes it) from `from`
 * to `to` (bare addresses). 0, or -1 with err (DF_ERR_RUNTIME) saying what
 * the server or the network said, without the password. */
int smtp_send(const struct smtp_server *srv, const char *from, const char *to, const char *msg,
              size_t len, struct df_err *err);

/* A connection to srv kept from one message to the next (a batch pays
 * the connection, TLS and login once); NULL with err when out of memory.
 * Connects on the first send. Not for two threads at once. */
struct smtp_client;
struct smtp_client *smtp_client_new(const struct smtp_server *srv, struct df_err *err);
/* smtp_send's message on k's connection: a connection the server dropped
 * since the last message is opened again once. srv must outlive k. */
int smtp_client_send(struct smtp_client *k, const char *from, const char *to, const char *msg,
                     size_t len, struct df_err *err);
/* Says QUIT and closes; NULL does nothing. */
void smtp_client_free(struct smtp_client *k);

#endif
