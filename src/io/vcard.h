/* vCard 4.0 (RFC 6350) contacts: a participant's people met, for her phone's
 * address book. Written by hand: a few properties, escaped and folded. */
#ifndef DFNC_IO_VCARD_H
#define DFNC_IO_VCARD_H

#include "core/buf.h"

/* One contact; NULL or "" leaves a property out, name aside (FN is required). */
struct vcard_contact {
    const char *name;        /* FN */
    const char *title;       /* TITLE */
    const char *org;         /* ORG, one component */
    const char *url;         /* URL: the organisation's website */
    const char *languages;   /* "uk;en": LANG;PREF=1:uk, LANG;PREF=2:en (a tag other than
                                letters and hyphens is left out) */
    const char *note;        /* NOTE */
};

/* Appends c as a vCard (BEGIN:VCARD ... END:VCARD, CRLF line ends, text
 * values escaped as RFC 6350 3.4 says, lines folded at 75 octets on a UTF-8
 * character's boundary) to out: 0, or -1 when out is full (out keeps what
 * it had before the card, as far as it went: the caller fails the file). */
int vcard_append(struct buf *out, const struct vcard_contact *c);

#endif
