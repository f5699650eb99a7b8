/* What every PDF dfnc draws with cairo shares (badges.h, agenda_pdf.h): an
 * A4 document written to a stream as each page is drawn, its fonts found
 * through fontconfig (DejaVu, so that Cyrillic renders), and the width of a
 * text as set. Lengths are PostScript points (1/72 inch). */
#ifndef DFNC_IO_PDF_H
#define DFNC_IO_PDF_H

#include <cairo.h>
#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

#define PDF_A4_W 595.276
#define PDF_A4_H 841.890
#define PDF_FONT "DejaVu Sans"

/* A context drawing an A4 PDF titled title into out, each page written as
 * it is shown (cairo_show_page). Never NULL: a failure shows in
 * pdf_end's answer. The caller ends it with pdf_end. */
cairo_t *pdf_begin(FILE *out, const char *title);

/* Ends cr's document (after its last cairo_show_page) and frees cr: 0, or
 * -1 with err naming what ("drawing the badges: out of memory"). */
int pdf_end(cairo_t *cr, const char *what, struct df_err *err);

/* The advance of s in cr's current font and size. */
double pdf_text_width(cairo_t *cr, const char *s);

/* n backed off to the start of the UTF-8 character of s that byte n is in. */
size_t pdf_char_start(const char *s, size_t n);

#endif
