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

/* "NAME: " and text, on one logical line: a line break or control
 * becomes a space; plain ASCII as it is when it fits (in quotes when
 * quoted: a display name; never one holding a quote or a backslash), else
 * encoded-words folded one a line. *col gets the last line's length. No
 * line end is written. */
static int put_words(struct buf *out, const char *name, const char *text, bool quoted,
                     size_t *col)
{
    size_t len = strlen(text);
    char *s = malloc(len + 1);
    if (!s)
        return -1;
    for (size_t i = 0; i <= len; i++)
        s[i] = i < len && ((unsigned char)text[i] < ' ' || text[i] == 127) ? ' ' : text[i];
    int rc = 0;
    size_t q = quoted ? 2 : 0;
    if (is_plain(s) && (!quoted || !strpbrk(s, "\"\\")) && strlen(name) + 2 + len + q <= 78) {
        rc = buf_printf(out, quoted ? "%s: \"%s\"" : "%s: %s", name, s);
        *col = strlen(name) + 2 + len + q;
        goto out;
    }
    rc = buf_printf(out, "%s:", name);
    *col = strlen(name) + 1;
    for (size_t at = 0; rc == 0 && at < len;) {
        size_t n = whole_chars(s + at, len - at, WORD_BYTES);
        if (n == 0)
            n = 1;   /* not UTF-8: the caller checked; a byte at a time */
        char b64[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, (const unsigned char *)s + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        rc = buf_printf(out, "%s =?UTF-8?B?%s?=", at ? "\r\n" : "", b64);
        *col = (at ? 0 : *col) + 1 + strlen(b64) + 12;
        at += n;
    }
out:
    free(s);
    return rc;
}

/* The From header: the address, after its display name when there is one
 * (folded onto a line of its own when the name's line has no room). */
static int put_from(struct buf *out, const struct mailmsg *m)
{
    if (!m->from_name || !*m->from_name)
        return buf_printf(out, "From: %s\r\n", m->from);
    size_t col;
    if (put_words(out, "From", m->from_name, true, &col) < 0)
        return -1;
    return buf_printf(out, "%s<%s>\r\n", col + 3 + strlen(m->from) <= 78 ? " " : "\r\n ",
                      m->from);
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

int mailmsg_from_parse(const char *value, char *name, char *addr, size_t size, bool *has_name)
{
    *has_name = false;
    name[0] = addr[0] = '\0';
    size_t n = strlen(value);
    if (n >= size || strpbrk(value, "\r\n"))
        return -1;
    const char *lt = strrchr(value, '<');
    if (!lt) {
        memcpy(addr, value, n + 1);
        return mailmsg_address_ok(addr) ? 0 : -1;
    }
    const char *gt = strchr(lt, '>');
    if (!gt || gt[1])
        return -1;
    snprintf(addr, size, "%.*s", (int)(gt - lt - 1), lt + 1);
    /* the name: trimmed, without the quotes around it */
    const char *b = value, *e = lt;
    while (b < e && (*b == ' ' || *b == '\t'))
        b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e - b >= 2 && *b == '"' && e[-1] == '"')
        b++, e--;
    snprintf(name, size, "%.*s", (int)(e - b), b);
    *has_name = *name != '\0';
    return mailmsg_address_ok(addr) && utf8_is_valid(name, strlen(name), NULL) ? 0 : -1;
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
    if ((m->from_name && !utf8_is_valid(m->from_name, strlen(m->from_name), NULL)) ||
        !utf8_is_valid(m->subject, strlen(m->subject), NULL) ||
        !utf8_is_valid(m->body, strlen(m->body), NULL))
        return df_err_set(err, DF_ERR_INPUT, "a mail's text is not UTF-8");
    char date[40];
    rfc5322_date(m->date, date);
    size_t col;
    if (buf_printf(out, "Date: %s\r\n", date) < 0 || put_from(out, m) < 0 ||
        buf_printf(out, "To: %s\r\n", m->to) < 0 ||
        put_words(out, "Subject", m->subject, false, &col) < 0 || buf_puts(out, "\r\n") < 0 ||
        buf_printf(out, "Message-ID: <%s>\r\nMIME-Version: 1.0\r\n"
                        "Content-Type: text/plain; charset=utf-8\r\n"
                        "Content-Transfer-Encoding: quoted-printable\r\n"
                        "Auto-Submitted: auto-generated\r\n\r\n", id) < 0 ||
        put_quoted_printable(out, m->body) < 0)
        return df_err_set(err, DF_ERR_RUNTIME, "a mail too long to write");
    return 0;
}
