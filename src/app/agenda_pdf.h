/* Agendas on paper (io/agenda_pdf.h): the personal agendas of the people
 * asked for, or of everyone, at one event, each in its person's language,
 * for the desk to hand out at check-in or a participant to print her own. */
#ifndef DFNC_APP_AGENDA_PDF_H
#define DFNC_APP_AGENDA_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"
#include "store/store.h"

struct app_agendas_count {
    size_t agendas;   /* people with pages */
    size_t skipped;   /* people left out with skip_empty: no meeting at the event */
    size_t pages;
};

/* The agendas at event (NULL: the forum's event at now, app_forum_event)
 * of the n people ids in that order (n 0: everyone not erased, by name),
 * each from a page of its own (app_agenda_pdf_add), as a PDF written to out
 * as each page is drawn: a forum's thousands never sit whole in memory.
 * skip_empty leaves out the people without a meeting there; a PDF with no
 * agenda is one blank page. Refused before anything is written: an unknown
 * (or erased) person or event is DF_ERR_NOT_FOUND, an event whose agendas
 * are not published DF_ERR_CONFLICT with code "not_published" (what a
 * participant does not see yet is not printed). *count (may be NULL) gets
 * the figures. 0, or -1 with err. */
int app_agendas_pdf(struct store *s, const char *event, const char *const *ids, size_t n,
                    bool skip_empty, long long now, FILE *out, struct app_agendas_count *count,
                    struct df_err *err);

#endif
