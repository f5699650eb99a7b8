/* Name badges as a PDF (see badges.h): cairo draws, libqrencode makes the
 * codes. Lengths are PostScript points (1/72 inch). */
#include "io/badges.h"

#include <cairo.h>
#include <qrencode.h>
#include <stdlib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "io/pdf.h"

#define PAGE_W PDF_A4_W
#define PAGE_H PDF_A4_H
#define BADGE_W (PAGE_W / 2)   /* A6: four to a page */
#define BADGE_H (PAGE_H / 2)
#define MARGIN 20.0
#define BAND_H 44.0
#define QR_SIZE 104.0
#define FONT PDF_FONT

/* The colours of each side's band, and its words, with the text's colour. */
static const struct {
    double band[3], text[3];
    const char *label;
} sides[] = {
    [BADGE_EU] = {{0.0, 0.2, 0.6}, {1, 1, 1}, "EU / EEA"},
    [BADGE_UKRAINE] = {{1.0, 0.835, 0.0}, {0.0, 0.2, 0.45}, "UKRAINE \xc2\xb7 \xd0\xa3\xd0\x9a\xd0\xa0\xd0\x90\xd0\x87\xd0\x9d\xd0\x90"},
    [BADGE_OTHER] = {{0.35, 0.35, 0.35}, {1, 1, 1}, "INTERNATIONAL"},
};

/* s at the largest size from big down to small that fits width, and cut
 * short with an ellipsis when even small does not; drawn centred at
 * baseline y of a badge at x0. */
static void fitted(cairo_t *cr, const char *s, double x0, double y, double width, double big,
                   double small, bool bold)
{
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    double size = big;
    for (; size > small; size -= 1) {
        cairo_set_font_size(cr, size);
        if (pdf_text_width(cr, s) <= width)
            break;
    }
    cairo_set_font_size(cr, size);
    char cut[256];
    if (pdf_text_width(cr, s) > width) {
        size_t n = pdf_char_start(s, strlen(s) < sizeof cut - 4 ? strlen(s) : sizeof cut - 4);
        for (; n > 0; n = pdf_char_start(s, n - 1)) {
            snprintf(cut, sizeof cut, "%.*s\xe2\x80\xa6", (int)n, s);
            if (pdf_text_width(cr, cut) <= width)
                break;
        }
        s = cut;
    }
    cairo_move_to(cr, x0 + (BADGE_W - pdf_text_width(cr, s)) / 2, y);
    cairo_show_text(cr, s);
}

/* The name as large as fits on one line, else on two split at the space
 * that leaves the longer half shortest; the y below it. */
static double name_lines(cairo_t *cr, const char *name, double x0, double y)
{
    double width = BADGE_W - 2 * MARGIN;
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 22);
    const char *split = NULL;
    if (pdf_text_width(cr, name) > width) {
        double best = 0;
        for (const char *p = strchr(name, ' '); p; p = strchr(p + 1, ' ')) {
            char first[256];
            snprintf(first, sizeof first, "%.*s", (int)(p - name), name);
            double w1 = pdf_text_width(cr, first), w2 = pdf_text_width(cr, p + 1);
            double longer = w1 > w2 ? w1 : w2;
            if (!split || longer < best)
                split = p, best = longer;
        }
    }
    if (!split) {
        fitted(cr, name, x0, y + 30, width, 30, 14, true);
        return y + 44;
    }
    char first[256];
    snprintf(first, sizeof first, "%.*s", (int)(split - name), name);
    fitted(cr, first, x0, y + 28, width, 28, 14, true);
    fitted(cr, split + 1, x0, y + 60, width, 28, 14, true);
    return y + 74;
}

/* The QR code of text, size points square, its top left at x, y (its
 * quiet zone of four modules inside): -1 when it cannot be made. */
static int qr(cairo_t *cr, const char *text, double x, double y, double size)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return -1;
    double m = size / (q->width + 8);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int r = 0; r < q->width; r++)
        for (int c = 0; c < q->width; c++)
            if (q->data[r * q->width + c] & 1)
                cairo_rectangle(cr, x + (c + 4) * m, y + (r + 4) * m, m, m);
    cairo_fill(cr);
    QRcode_free(q);
    return 0;
}

/* One badge with its top left at x0, y0: -1 when its code cannot be made. */
static int badge(cairo_t *cr, const struct badge *b, const struct badge_event *ev, double x0,
                 double y0)
{
    double width = BADGE_W - 2 * MARGIN;
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    if (ev && ev->name)
        fitted(cr, ev->name, x0, y0 + MARGIN + 12, width, 12, 8, true);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    if (ev && ev->line)
        fitted(cr, ev->line, x0, y0 + MARGIN + 27, width, 9, 7, false);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = name_lines(cr, b->name ? b->name : "", x0, y0 + 70);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    if (b->title && *b->title)
        fitted(cr, b->title, x0, y + 8, width, 12, 8, false), y += 26;
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (b->organisation && *b->organisation)
        fitted(cr, b->organisation, x0, y + 10, width, 15, 9, true), y += 26;
    if (b->organisation_uk && *b->organisation_uk &&
        (!b->organisation || strcmp(b->organisation_uk, b->organisation) != 0))
        fitted(cr, b->organisation_uk, x0, y + 4, width, 12, 8, false), y += 18;
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    if (b->country && *b->country)
        fitted(cr, b->country, x0, y + 6, width, 11, 8, false);
    if (qr(cr, b->id, x0 + (BADGE_W - QR_SIZE) / 2, y0 + BADGE_H - BAND_H - QR_SIZE - 10,
           QR_SIZE) < 0)
        return -1;
    enum badge_side side = b->side <= BADGE_OTHER ? b->side : BADGE_OTHER;
    cairo_set_source_rgb(cr, sides[side].band[0], sides[side].band[1], sides[side].band[2]);
    cairo_rectangle(cr, x0, y0 + BADGE_H - BAND_H, BADGE_W, BAND_H);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, sides[side].text[0], sides[side].text[1], sides[side].text[2]);
    fitted(cr, sides[side].label, x0, y0 + BADGE_H - BAND_H / 2 + 5, width, 14, 9, true);
    return 0;
}

/* The page's cut lines between its four badges, dashed and light. */
static void cut_lines(cairo_t *cr)
{
    static const double dash[] = {4, 4};
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr, 0.5);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, BADGE_W, 0);
    cairo_line_to(cr, BADGE_W, PAGE_H);
    cairo_move_to(cr, 0, BADGE_H);
    cairo_line_to(cr, PAGE_W, BADGE_H);
    cairo_stroke(cr);
    cairo_restore(cr);
}

int badges_pdf(const struct badge *b, size_t n, const struct badge_event *ev, FILE *out,
               struct df_err *err)
{
    cairo_t *cr = pdf_begin(out, "Name badges");
    int rc = 0;
    for (size_t i = 0; rc == 0 && (i < n || i == 0); i++) {
        if (i > 0 && i % 4 == 0)
            cairo_show_page(cr);
        if (i % 4 == 0)
            cut_lines(cr);
        if (i < n && badge(cr, &b[i], ev, (double)(i % 2) * BADGE_W,
                           (double)(i % 4 / 2) * BADGE_H) < 0)
            rc = df_err_set(err, DF_ERR_INPUT, "person \"%s\": no QR code can hold the id",
                            b[i].id);
    }
    cairo_show_page(cr);
    struct df_err drawn = {0};   /* the code's error, when there was one, is the one said */
    if (pdf_end(cr, "drawing the badges", rc == 0 ? err : &drawn) < 0)
        rc = -1;
    return rc;
}
