/* The PDF documents dfnc draws (see pdf.h). */
#include "io/pdf.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>

static cairo_status_t on_write(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

/* cairo keeps the fonts it found through fontconfig for the process's life;
 * both let go of them at its end (after the server's threads have stopped),
 * so that a leak checker sees only what is really lost. */
static void fonts_release(void)
{
    cairo_debug_reset_static_data();
    FcFini();
}

static void fonts_release_at_exit(void)
{
    atexit(fonts_release);
}

cairo_t *pdf_begin(FILE *out, const char *title)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fonts_release_at_exit);
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(on_write, out, PDF_A4_W, PDF_A4_H);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "dfnc");
    cairo_t *cr = cairo_create(surface);
    cairo_surface_destroy(surface);   /* cr holds it */
    return cr;
}

int pdf_end(cairo_t *cr, const char *what, struct df_err *err)
{
    cairo_surface_t *surface = cairo_surface_reference(cairo_get_target(cr));
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return df_err_set(err, DF_ERR_RUNTIME, "%s: %s", what, cairo_status_to_string(st));
    return 0;
}

double pdf_text_width(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

size_t pdf_char_start(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}
