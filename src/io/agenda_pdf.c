/* Agendas on paper (see agenda_pdf.h). Each person's pages are laid out
 * twice: once measuring, to know how many pages the footer counts, then
 * drawing. Lengths are PostScript points. */
#include "io/agenda_pdf.h"

#include <cairo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/pdf.h"

#define MARGIN 50.0
#define WIDTH (PDF_A4_W - 2 * MARGIN)
#define BOTTOM (PDF_A4_H - 62.0)   /* the lowest baseline above the footer */
#define TIME_W 92.0                /* the column of times, left of the meetings */
#define LINE 1.3                   /* a line's height to its font's size */

struct agenda_pdf {
    cairo_t *cr;
    int pages;
};

/* Where one person's layout is: y the next line's top, page the page it is
 * on, draw false while only measuring. */
struct pen {
    cairo_t *cr;
    const struct agenda_pdf_person *p;
    double y;
    int page, pages;
    bool draw;
};

static void font(cairo_t *cr, double size, bool bold, bool italic)
{
    cairo_select_font_face(cr, PDF_FONT, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

/* Whether s's first n bytes fit width in the current font. */
static bool fits(cairo_t *cr, const char *s, size_t n, double width)
{
    char buf[1024];
    if (n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return pdf_text_width(cr, buf) <= width;
}

/* The bytes of s's first line at most width wide in the current font: all
 * of it when it fits (most lines: one measure), else up to the last space
 * that fits, else (one long word: a link) as many characters as fit, at
 * least one. */
static size_t line_end(cairo_t *cr, const char *s, double width)
{
    size_t n = strlen(s);
    if (fits(cr, s, n, width))
        return n;
    size_t cut = 0;
    for (const char *sp = strchr(s, ' '); sp && fits(cr, s, (size_t)(sp - s), width);
         sp = strchr(sp + 1, ' '))
        cut = (size_t)(sp - s);
    if (cut)
        return cut;
    size_t i = 0;
    for (size_t j = 1; j <= n; j++) {
        if (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
            continue;   /* inside a character */
        if (!fits(cr, s, j, width))
            break;
        i = j;
    }
    if (i == 0)   /* not even one character fits: it overflows, but the text goes on */
        for (i = 1; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* s wrapped to width at x from pen's y, in the current font of size; pen's
 * y moves below it. */
static void text(struct pen *pn, const char *s, double x, double width, double size)
{
    while (*s) {
        size_t n = line_end(pn->cr, s, width);
        pn->y += size * LINE;
        if (pn->draw) {
            cairo_move_to(pn->cr, x, pn->y - size * (LINE - 1) - 1);
            char line[1024];
            snprintf(line, sizeof line, "%.*s", (int)n, s);
            cairo_show_text(pn->cr, line);
        }
        s += n;
        s += strspn(s, " ");
    }
}

static void grey(struct pen *pn, double g)
{
    cairo_set_source_rgb(pn->cr, g, g, g);
}

/* The page's footer, its number of the person's pages, and the page shown. */
static void page_end(struct pen *pn)
{
    if (!pn->draw)
        return;
    char foot[256];
    snprintf(foot, sizeof foot, "%s \xc2\xb7 %s %d %s %d", pn->p->name, pn->p->page, pn->page,
             pn->p->of, pn->pages);
    font(pn->cr, 8.5, false, false);
    grey(pn, 0.45);
    cairo_move_to(pn->cr, MARGIN, PDF_A4_H - 36);
    cairo_show_text(pn->cr, foot);
    cairo_show_page(pn->cr);
}

/* The head of the person's first page (whole) or of a page it goes on to. */
static void page_head(struct pen *pn, bool first)
{
    const struct agenda_pdf_person *p = pn->p;
    pn->y = MARGIN - 12;
    grey(pn, 0.25);
    font(pn->cr, first ? 14 : 10, true, false);
    text(pn, p->event ? p->event : "", MARGIN, WIDTH, first ? 14 : 10);
    if (first && p->event_line) {
        font(pn->cr, 10, false, false);
        grey(pn, 0.4);
        text(pn, p->event_line, MARGIN, WIDTH, 10);
    }
    pn->y += first ? 14 : 4;
    grey(pn, 0);
    font(pn->cr, first ? 20 : 12, true, false);
    text(pn, p->name, MARGIN, WIDTH, first ? 20 : 12);
    if (first && p->organisation) {
        font(pn->cr, 12, false, false);
        text(pn, p->organisation, MARGIN, WIDTH, 12);
    }
    pn->y += 8;
    if (pn->draw) {
        grey(pn, 0.6);
        cairo_set_line_width(pn->cr, 0.8);
        cairo_move_to(pn->cr, MARGIN, pn->y);
        cairo_line_to(pn->cr, MARGIN + WIDTH, pn->y);
        cairo_stroke(pn->cr);
    }
    pn->y += 8;
    grey(pn, 0);
}

/* A new page for what is left of the person's agenda. */
static void page_turn(struct pen *pn)
{
    page_end(pn);
    pn->page++;
    page_head(pn, false);
}

/* A talk or break of the programme from pen's y: its time on the left,
 * its name and what it is, in grey: the forum's, not one of her meetings. */
static void programme_item(struct pen *pn, const struct agenda_pdf_meeting *m)
{
    double x = MARGIN + TIME_W, w = WIDTH - TIME_W;
    font(pn->cr, 11, false, false);
    grey(pn, 0.3);
    struct pen left = *pn;
    text(&left, m->time ? m->time : "", MARGIN, TIME_W - 6, 11);
    font(pn->cr, 11, false, true);
    text(pn, m->place ? m->place : "", x, w, 11);
    if (m->about) {
        font(pn->cr, 9.5, false, false);
        grey(pn, 0.2);
        text(pn, m->about, x, w, 9.5);
    }
    font(pn->cr, 9, false, false);
    grey(pn, 0.45);
    text(pn, m->programme, x, w, 9);
    grey(pn, 0);
    if (left.y > pn->y)
        pn->y = left.y;
    pn->y += 9;
}

/* Meeting m's lines from pen's y: its time on the left, then where, who,
 * the interpreter, the session (or a programme's talk or break). */
static void meeting(struct pen *pn, const struct agenda_pdf_meeting *m)
{
    if (m->programme) {
        programme_item(pn, m);
        return;
    }
    double x = MARGIN + TIME_W, w = WIDTH - TIME_W;
    font(pn->cr, 11, true, false);
    grey(pn, 0);
    struct pen left = *pn;
    text(&left, m->time ? m->time : "", MARGIN, TIME_W - 6, 11);
    text(pn, m->place ? m->place : "", x, w, 11);
    if (m->link) {
        font(pn->cr, 9.5, false, false);
        grey(pn, 0.1);
        text(pn, m->link, x, w, 9.5);
    }
    pn->y += 2;
    for (size_t i = 0; i < m->partners_n; i++) {
        const struct agenda_pdf_partner *q = &m->partners[i];
        char line[768];
        snprintf(line, sizeof line, "%s%s%s%s%s", q->name ? q->name : "",
                 q->organisation ? " \xe2\x80\x94 " : "", q->organisation ? q->organisation : "",
                 q->country ? ", " : "", q->country ? q->country : "");
        font(pn->cr, 10.5, false, false);
        grey(pn, 0);
        text(pn, line, x, w, 10.5);
    }
    if (m->interpreter) {
        font(pn->cr, 10, false, true);
        grey(pn, 0.15);
        text(pn, m->interpreter, x, w, 10);
    }
    if (m->session) {
        font(pn->cr, 9, false, false);
        grey(pn, 0.45);
        text(pn, m->session, x, w, 9);
    }
    if (left.y > pn->y)
        pn->y = left.y;
    pn->y += 9;
}

/* The height meeting m takes, measured without drawing. */
static double meeting_height(const struct pen *pn, const struct agenda_pdf_meeting *m)
{
    struct pen dry = *pn;
    dry.draw = false;
    dry.y = 0;
    meeting(&dry, m);
    return dry.y;
}

/* A day's heading: a light band with the day on it. */
static void day(struct pen *pn, const char *d)
{
    pn->y += 4;
    if (pn->draw) {
        cairo_set_source_rgb(pn->cr, 0.92, 0.93, 0.96);
        cairo_rectangle(pn->cr, MARGIN - 4, pn->y, WIDTH + 8, 20);
        cairo_fill(pn->cr);
    }
    font(pn->cr, 11.5, true, false);
    cairo_set_source_rgb(pn->cr, 0.0, 0.2, 0.45);
    pn->y += 3;
    text(pn, d, MARGIN, WIDTH, 11.5);
    pn->y += 8;
}

/* The person's whole agenda, measured (draw false) or drawn; how many pages. */
static int lay_out(cairo_t *cr, const struct agenda_pdf_person *p, int pages, bool draw)
{
    struct pen pn = {.cr = cr, .p = p, .page = 1, .pages = pages, .draw = draw};
    page_head(&pn, true);
    font(cr, 13, true, false);
    text(&pn, p->heading ? p->heading : "", MARGIN, WIDTH, 13);
    pn.y += 6;
    size_t meetings = 0;
    for (size_t i = 0; i < p->n; i++)
        meetings += !p->m[i].programme;
    if (meetings == 0) {
        font(cr, 11, false, false);
        grey(&pn, 0.2);
        text(&pn, p->empty ? p->empty : "", MARGIN, WIDTH, 11);
    }
    const char *last_day = NULL;
    int on_page = 0;   /* meetings on this page: a page never turns before its first */
    for (size_t i = 0; i < p->n; i++) {
        const struct agenda_pdf_meeting *m = &p->m[i];
        bool new_day = m->day && (!last_day || strcmp(m->day, last_day) != 0);
        bool turned = false;
        if (on_page > 0 && pn.y + meeting_height(&pn, m) + (new_day ? 37 : 0) > BOTTOM) {
            page_turn(&pn);
            turned = true, on_page = 0;
        }
        if (m->day && (new_day || turned))
            day(&pn, m->day);   /* a page it goes on to says the day again */
        last_day = m->day;
        meeting(&pn, m);
        on_page++;
    }
    page_end(&pn);
    return pn.page;
}

struct agenda_pdf *agenda_pdf_begin(FILE *out, const char *title)
{
    struct agenda_pdf *d = calloc(1, sizeof *d);
    if (d)
        d->cr = pdf_begin(out, title);
    return d;
}

void agenda_pdf_add(struct agenda_pdf *d, const struct agenda_pdf_person *p, int *pages)
{
    int n = lay_out(d->cr, p, 0, false);
    lay_out(d->cr, p, n, true);
    d->pages += n;
    if (pages)
        *pages = n;
}

int agenda_pdf_end(struct agenda_pdf *d, struct df_err *err)
{
    if (d->pages == 0)
        cairo_show_page(d->cr);
    int rc = pdf_end(d->cr, "drawing the agendas", err);
    free(d);
    return rc;
}
