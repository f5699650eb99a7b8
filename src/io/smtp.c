/* One message over SMTP with libcurl (io/smtp.h). */
#include "io/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
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

int smtp_send(const struct smtp_server *srv, const char *from, const char *to, const char *msg,
              size_t len, struct df_err *err)
{
    CURL *c = curl_easy_init();
    if (!c)
        return df_err_set(err, DF_ERR_RUNTIME, "libcurl: no handle (out of memory)");
    char said[CURL_ERROR_SIZE] = "";
    char from_arg[300], to_arg[300];
    snprintf(from_arg, sizeof from_arg, "<%s>", from);
    snprintf(to_arg, sizeof to_arg, "<%s>", to);
    struct curl_slist *rcpt = curl_slist_append(NULL, to_arg);
    struct reader r = {msg, len};
    long timeout = srv->timeout > 0 ? srv->timeout : 30;
    int rc = -1;
    if (!rcpt) {
        df_err_set(err, DF_ERR_RUNTIME, "libcurl: out of memory");
        goto out;
    }
    curl_easy_setopt(c, CURLOPT_URL, srv->url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_arg);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_part);
    curl_easy_setopt(c, CURLOPT_READDATA, &r);
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
    CURLcode cc = curl_easy_perform(c);
    if (cc != CURLE_OK) {
        long code = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        df_err_set(err, DF_ERR_RUNTIME, "%s%s%s", curl_easy_strerror(cc), *said ? ": " : "",
                   said);
        if (code)
            df_err_prefix(err, "SMTP %ld", code);
        goto out;
    }
    rc = 0;
out:
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    return rc;
}
