/* An Internet message for a plain UTF-8 text (io/mailmsg.h): RFC 5322
 * headers, RFC 2047 encoded-words for the subject, RFC 2045
 * quoted-printable for the body. */
#include "io/mailmsg.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/utf8.h"

/* Raw bytes per encoded-word: 39 make 52 base64 characters, a word of 64
 * ("=?UTF-8?B?" and "?="), within the 75 RFC 2047 allows, and a first line
 * "Subject: " + word of 73, within 78. */
enum { WORD_BYTES = 39, QP_LINE = 76 };

bool mailmsg_address_ok(const char *addr)
{
    if (!addr)
        return false;
    size_t n = strlen(addr);
    const char *at = strchr(addr, '@');
    if (n < 3 || n > 254 || !at || at == addr || strchr(at + 1, '@') || !at[1] ||
        !strchr(at + 1, '.') || at[strlen(at) - 1] == '.')
        return false;
    for (const char *p = addr; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c >= 127 || strchr("<>()[]\\,;:\"", c))
            return false;
    }
    return true;
}

/* Whether s is printable ASCII only (a header may carry it as it is). */
static bool is_plain(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < ' ' || (unsigned char)*s >= 127)
            return false;
    return true;
}

/* How many bytes of s (at most max) end on a UTF-8 character's boundary. */
static size_t whole_chars(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* "Subject: " and s, one line: a line break or control becomes a space;
 * plain ASCII as it is when it fits, else encoded-words folded one a line. */
static int put_subject(struct buf *out, const char *subject)
{
    size_t len = strlen(subject);
    char *s = malloc(len + 1);
    if (!s)
        return -1;
    for (size_t i = 0; i <= len; i++)
        s[i] = i < len && ((unsigned char)subject[i] < ' ' || subject[i] == 127) ? ' '
                                                                                 : subject[i];
    int rc = 0;
    if (is_plain(s) && len + sizeof "Subject: " - 1 <= 78) {
        rc = buf_printf(out, "Subject: %s\r\n", s);
        goto out;
    }
    rc = buf_puts(out, "Subject:");
    for (size_t at = 0; rc == 0 && at < len;) {
        size_t n = whole_chars(s + at, len - at, WORD_BYTES);
        if (n == 0)
            n = 1;   /* not UTF-8: the caller checked; a byte at a time */
        char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        rc = buf_printf(out, "%s =?UTF-8?B?%s?=", at ? "\r\n" : "", b64);
        at += n;
    }
    if (rc == 0)
        rc = buf_puts(out, "\r\n");
out:
    free(s);
    return rc;
}

/* body as quoted-printable: \n becomes CRLF; a line is cut by soft breaks
 * ("=" at its end) within QP_LINE, never inside an escape; a space or tab
 * before a line's end, and a dot at a line's start, escaped. */
static int put_quoted_printable(struct buf *out, const char *body)
{
    size_t col = 0;
    int rc = 0;
    for (const unsigned char *p = (const unsigned char *)body; *p && rc == 0; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue;
        if (*p == '\n') {
            rc = buf_puts(out, "\r\n");
            col = 0;
            continue;
        }
        bool at_end = !p[1] || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
        bool plain = (*p >= 33 && *p <= 126 && *p != '=' && !(*p == '.' && col == 0)) ||
                     ((*p == ' ' || *p == '\t') && !at_end);
        char piece[4];
        size_t n = plain ? 1 : 3;
        if (plain)
            piece[0] = (char)*p;
        else
            snprintf(piece, sizeof piece, "=%02X", *p);
        /* room for the piece and, unless the line ends after it, a soft break */
        if (col + n > QP_LINE - (at_end ? 0 : 1)) {
            rc = buf_puts(out, "=\r\n");
            col = 0;
            if (rc == 0 && *p == '.') {   /* a dot now at a line's start */
                n = 3;
                snprintf(piece, sizeof piece, "=%02X", *p);
            }
        }
        if (rc == 0)
            rc = buf_append(out, piece, n);
        col += n;
    }
    if (rc == 0 && col > 0)
        rc = buf_puts(out, "\r\n");
    return rc;
}

/* The Date header's text for utc: "Wed, 02 Dec 2026 05:23:41 +0000". */
static void rfc5322_date(long long utc, char out[40])
{
    static const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = (time_t)utc;
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
             months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int mailmsg_write(const struct mailmsg *m, struct buf *out, struct df_err *err)
{
    if (!mailmsg_address_ok(m->from))
        return df_err_set(err, DF_ERR_INPUT, "the sender's address \"%.128s\" is not one to "
                                             "mail from", m->from ? m->from : "");
    if (!mailmsg_address_ok(m->to))
        return df_err_set(err, DF_ERR_INPUT, "\"%.128s\" is not an address to mail to",
                          m->to ? m->to : "");
    char id[320];
    snprintf(id, sizeof id, "%s%s", m->message_id ? m->message_id : "", strchr(m->from, '@'));
    if (!m->message_id || !*m->message_id || !mailmsg_address_ok(id))
        return df_err_set(err, DF_ERR_INPUT, "a message id \"%.64s\" a header cannot carry",
                          m->message_id ? m->message_id : "");
    if (!utf8_is_valid(m->subject, strlen(m->subject), NULL) ||
        !utf8_is_valid(m->body, strlen(m->body), NULL))
        return df_err_set(err, DF_ERR_INPUT, "a mail's text is not UTF-8");
    char date[40];
    rfc5322_date(m->date, date);
    if (buf_printf(out, "Date: %s\r\nFrom: %s\r\nTo: %s\r\n", date, m->from, m->to) < 0 ||
        put_subject(out, m->subject) < 0 ||
        buf_printf(out, "Message-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                        "Content-Type: text/plain; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: quoted-printable\r\n"
                        "Auto-Submitted: auto-generated\r\n\r\n", id) < 0 ||
        put_quoted_printable(out, m->body) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "a mail too long to write");
    return 0;
}
