/* A PDF's --output (cli/pdf_out.h). */
#include "cli/pdf_out.h"

#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int cli_pdf_out_check(struct cli_pdf_out *o, const char *command, const char *path)
{
    *o = (struct cli_pdf_out){.path = path};
    if (!path || !*path) {
        fprintf(stderr, "dfnc: --output needs a file name, or - for standard output\n");
        return cli_usage(command);
    }
    o->to_stdout = strcmp(path, "-") == 0;
    if (o->to_stdout && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "dfnc: a PDF is not for a terminal: --output FILE, or pipe it\n");
        return cli_usage(command);
    }
    return 0;
}

FILE *cli_pdf_out_open(struct cli_pdf_out *o, struct df_err *err)
{
    return o->to_stdout ? stdout : file_replace_open(&o->w, o->path, err);
}

int cli_pdf_out_close(struct cli_pdf_out *o, int rc, const char *what, struct df_err *err)
{
    if (!o->to_stdout)
        return rc == 0 ? file_replace_commit(&o->w, err) : (file_replace_abort(&o->w), -1);
    if (fflush(stdout) != 0 && rc == 0)
        return df_err_set(err, DF_ERR_RUNTIME, "writing the %s to standard output failed", what);
    return rc;
}
