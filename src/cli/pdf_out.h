/* Where a command writes the PDF it draws (dfnc badges, dfnc agendas):
 * --output FILE, replaced whole once every page is drawn and never cut
 * short, or - for standard output, which may not be a terminal. */
#ifndef DFNC_CLI_PDF_OUT_H
#define DFNC_CLI_PDF_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/err.h"
#include "core/file.h"

struct cli_pdf_out {
    const char *path;
    bool to_stdout;
    struct file_replace w;
};

/* Checks --output's path for command: 0, or the usage error's exit code
 * after saying what is wrong (none given, or a terminal for -). */
int cli_pdf_out_check(struct cli_pdf_out *o, const char *command, const char *path);
/* The stream to draw into: standard output, or FILE's temporary twin. NULL
 * with err. */
FILE *cli_pdf_out_open(struct cli_pdf_out *o, struct df_err *err);
/* Ends the drawing whose result was rc: FILE put in place (or left as it
 * was when rc < 0), standard output flushed; what (the badges) names it in
 * a failure. The final rc. */
int cli_pdf_out_close(struct cli_pdf_out *o, int rc, const char *what, struct df_err *err);

#endif
