/* One message over SMTP with libcurl (io/smtp.h). */
#include "io/smtp.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int smtp_url_check(const char *url, struct df_err *err)
{
    const char *host = NULL;
    if (url && strncasecmp(url, "smtp://", 7) == 0)
        host = url + 7;
    else if (url && strncasecmp(url, "smtps://", 8) == 0)
        host = url + 8;
    if (!host || !*host || *host == '/' || *host == ':' || strpbrk(url, " \r\n\t"))
        return df_err_set(err, DF_ERR_USAGE,
                          "--smtp takes smtp://HOST:PORT or smtps://HOST:PORT, not \"%.200s\"",
                          url ? url : "");
    return 0;
}

int smtp_global_init(struct df_err *err)
{
    CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (rc != CURLE_OK)
        return df_err_set(err, DF_ERR_RUNTIME, "libcurl: %s", curl_easy_strerror(rc));
    return 0;
}

/* What libcurl reads the message from. */
struct reader {
    const char *at;
    size_t left;
};

static size_t read_part(char *dest, size_t size, size_t nmemb, void *ud)
{
    struct reader *r = ud;
    size_t n = size * nmemb < r->left ? size * nmemb : r->left;
    memcpy(dest, r->at, n);
    r->at += n;
    r->left -= n;
    return n;
}

/* A connection kept open from one message to the next: libcurl keeps the
 * connection of an easy handle in its cache and reuses it while the
 * server keeps it open, so a batch pays the TCP, TLS and AUTH rounds once
 * rather than once a message. */
struct smtp_client {
    CURL *c;
    const struct smtp_server *srv;
    int sent;   /* messages this handle has sent: its connection may be reused */
};

struct smtp_client *smtp_client_new(const struct smtp_server *srv, struct df_err *err)
{
    struct smtp_client *k = calloc(1, sizeof *k);
    if (!k || !(k->c = curl_easy_init())) {
        free(k);
        df_err_set(err, DF_ERR_RUNTIME, "libcurl: no handle (out of memory)");
        return NULL;
    }
    k->srv = srv;
    return k;
}

void smtp_client_free(struct smtp_client *k)
{
    if (!k)
        return;
    curl_easy_cleanup(k->c);   /* says QUIT on a connection still open */
    free(k);
}

/* Whether cc may say the connection broke (with no reply from the server:
 * a refused recipient is a send error too, with its code). */
static bool connection_broke(CURLcode cc)
{
    return cc == CURLE_SEND_ERROR || cc == CURLE_RECV_ERROR || cc == CURLE_GOT_NOTHING;
}

int smtp_client_send(struct smtp_client *k, const char *from, const char *to, const char *msg,
                     size_t len, struct df_err *err)
{
    const struct smtp_server *srv = k->srv;
    CURL *c = k->c;
    char said[CURL_ERROR_SIZE] = "";
    char from_arg[300], to_arg[300];
    snprintf(from_arg, sizeof from_arg, "<%s>", from);
    snprintf(to_arg, sizeof to_arg, "<%s>", to);
    struct curl_slist *rcpt = curl_slist_append(NULL, to_arg);
    long timeout = srv->timeout > 0 ? srv->timeout : 30;
    if (!rcpt)
        return df_err_set(err, DF_ERR_RUNTIME, "libcurl: out of memory");
    curl_easy_setopt(c, CURLOPT_URL, srv->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_arg);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_part);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, said);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   /* threads: no SIGALRM for the timeouts */
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout / 3 > 0 ? timeout / 3 : 1);
    /* STARTTLS whenever the server offers it; smtps:// is TLS from the start */
    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
    if (srv->user) {
        curl_easy_setopt(c, CURLOPT_USERNAME, srv->user);
        curl_easy_setopt(c, CURLOPT_PASSWORD, srv->password ? srv->password : "");
    }
    struct reader r = {msg, len};
    curl_easy_setopt(c, CURLOPT_READDATA, &r);
    curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 0L);
    CURLcode cc = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (connection_broke(cc) && code == 0 && k->sent > 0) {
        /* a kept connection the server dropped in between (an idle
         * timeout, a cap of messages a connection): once more on a new one */
        r = (struct reader){msg, len};
        *said = '\0';
        curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L);
        cc = curl_easy_perform(c);
    }
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, NULL);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, NULL);
    curl_slist_free_all(rcpt);
    if (cc != CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        df_err_set(err, DF_ERR_RUNTIME, "%s%s%s", curl_easy_strerror(cc), *said ? ": " : "",
                   said);
        if (code)
            df_err_prefix(err, "SMTP %ld", code);
        return -1;
    }
    k->sent++;
    return 0;
}

int smtp_send(const struct smtp_server *srv, const char *from, const char *to, const char *msg,
              size_t len, struct df_err *err)
{
    struct smtp_client *k = smtp_client_new(srv, err);
    if (!k)
        return -1;
    int rc = smtp_client_send(k, from, to, msg, len, err);
    smtp_client_free(k);
    return rc;
}
