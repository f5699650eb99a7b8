/* Name badges for the forum's desk: A6 badges, four to an A4 page with cut
 * marks, as a PDF drawn with cairo. Each badge bears the person's name as
 * large as fits, their position, organisation and country, a band of their
 * side's colour (EU/EEA, Ukraine, other), the event, and a QR code of their
 * id (libqrencode) that a scanner at the check-in desk types into its search. */
#ifndef DFNC_IO_BADGES_H
#define DFNC_IO_BADGES_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

enum badge_side { BADGE_EU, BADGE_UKRAINE, BADGE_OTHER };

struct badge {
    const char *id;             /* the QR code's text */
    const char *name;
    const char *title;          /* NULL or "" leaves it out */
    const char *organisation;
    const char *organisation_uk; /* its Ukrainian name, under it; NULL, "" or the
                                    same as organisation leaves it out */
    const char *country;        /* the country's name as printed, or NULL */
    enum badge_side side;
};

/* The event every badge names: its name, and a second line (its dates and
 * venue), either may be NULL. */
struct badge_event {
    const char *name, *line;
};

/* The n badges b as a PDF written to out as each page is drawn (n 0 makes
 * one blank page), so that a forum's thousands never sit whole in memory:
 * 0, or -1 with err (a QR code that cannot be made, cairo's failure, a
 * write that failed). */
int badges_pdf(const struct badge *b, size_t n, const struct badge_event *ev, FILE *out,
               struct df_err *err);

#endif
