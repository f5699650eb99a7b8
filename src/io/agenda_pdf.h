/* Participants' agendas on paper, for the desk to hand out at check-in or
 * for a participant to print before she comes: each person's one-to-one
 * meetings at an event in time order (the forum's talks and breaks between
 * them, marked as the programme's), under a heading for each day, starting
 * on an A4 page of their own and going on to more when long, drawn with
 * cairo into a PDF (DejaVu, so that Cyrillic renders). Every word comes from
 * the caller, in the person's language: this module only lays out. */
#ifndef DFNC_IO_AGENDA_PDF_H
#define DFNC_IO_AGENDA_PDF_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

/* Someone else at a meeting: the partner, or an attendee. */
struct agenda_pdf_partner {
    const char *name;
    const char *organisation, *country;   /* NULL leaves it out */
};

struct agenda_pdf_meeting {
    const char *day;          /* its day's heading, "Tuesday 16 February 2027": a meeting
                                 whose day differs from the one before's starts a heading */
    const char *time;         /* "10:40–11:00" */
    const char *place;        /* "Table 12", "Online" */
    const char *link;         /* the link to join it by video, or NULL */
    const char *interpreter;  /* the whole line, "Interpreter: Iryna Savchuk (uk-en)", or NULL */
    const char *session;      /* the programme's session it lies in, or NULL */
    const struct agenda_pdf_partner *partners;
    size_t partners_n;
    const char *programme;    /* not a meeting but a talk or break of the forum's programme
                                 between hers: its line under its name (place), "Talks ·
                                 Hall A · On the forum's programme", in grey; NULL for a meeting */
    const char *about;        /* a programme's talk's short description, or NULL */
};

/* One person's agenda and the words it is said in. */
struct agenda_pdf_person {
    const char *event, *event_line;   /* the event's name; its days and venue (or NULL) */
    const char *name, *organisation;  /* hers (organisation NULL leaves it out) */
    const char *heading;              /* above the meetings: "Your B2B meetings" */
    const char *empty;                /* said when none of m is a meeting */
    const char *page, *of;            /* a page's footer: "Page" 1 "of" 2 */
    const struct agenda_pdf_meeting *m;
    size_t n;
};

struct agenda_pdf;

/* A document titled title written to out as each page is drawn, so that a
 * forum's thousands of agendas never sit whole in memory; NULL when out of
 * memory. The caller ends it with agenda_pdf_end. */
struct agenda_pdf *agenda_pdf_begin(FILE *out, const char *title);

/* p's agenda added from a new page; *pages (may be NULL) gets how many it took. */
void agenda_pdf_add(struct agenda_pdf *d, const struct agenda_pdf_person *p, int *pages);

/* Ends d's document (one blank page when it holds no agenda) and frees d:
 * 0, or -1 with err (cairo's failure, a write that failed). */
int agenda_pdf_end(struct agenda_pdf *d, struct df_err *err);

#endif
