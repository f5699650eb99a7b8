/* An Internet message (RFC 5322, MIME) for a plain UTF-8 text: what dfnc
 * hands the SMTP server. Headers are only ever written from what is checked
 * here, so no name or text a person typed can add one (a CR or LF in a
 * subject becomes a space; an address holding one is refused). */
#ifndef DFNC_IO_MAILMSG_H
#define DFNC_IO_MAILMSG_H

#include <stdbool.h>

#include "core/buf.h"
#include "core/err.h"

/* A message to write. Addresses are bare addr-specs (local@domain). */
struct mailmsg {
    const char *from, *to;
    /* the sender's display name, UTF-8 (NULL: none): in quotes when plain
     * ASCII, else as encoded-words; a line break in it becomes a space */
    const char *from_name;
    const char *subject;      /* UTF-8, one line (line breaks become spaces) */
    const char *body;         /* UTF-8, lines ending in \n */
    const char *message_id;   /* its left part; the right is from's domain */
    long long date;           /* Unix seconds */
};

/* Whether addr is an address dfnc mails: ASCII local@domain, no space,
 * control, quote or bracket, 3-254 bytes, one '@' with something either
 * side and a dot in the domain. */
bool mailmsg_address_ok(const char *addr);

/* Splits a --mail-from value, "forum@example.eu" or "DFNC Forum
 * <forum@example.eu>", into its display name (NULL when none; in name,
 * size bytes) and address (in addr, size bytes): 0, or -1 when it holds a
 * CR or LF, is longer than size, or its address is not one
 * mailmsg_address_ok takes. */
int mailmsg_from_parse(const char *value, char *name, char *addr, size_t size, bool *has_name);

/* Appends m to out: Date, From, To, Subject (RFC 2047 encoded-words when
 * not plain ASCII or too long), Message-ID, MIME-Version, Content-Type
 * text/plain; charset=utf-8, Content-Transfer-Encoding quoted-printable,
 * Auto-Submitted: auto-generated, then the body; CRLF line ends, every line
 * within 78 characters. -1 with err (DF_ERR_INPUT) for an address or id
 * mailmsg_address_ok refuses, or not UTF-8; DF_ERR_RUNTIME when out is full. */
int mailmsg_write(const struct mailmsg *m, struct buf *out, struct df_err *err);

#endif
