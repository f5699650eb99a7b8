/* Errors a person can act on: every function that can fail fills a struct
 * df_err with one message ("bad.csv:3: country \"XX\" is not an ISO 3166 code")
 * and a kind that the CLI maps to its exit code. */
#ifndef DFNC_CORE_ERR_H
#define DFNC_CORE_ERR_H

#include <stdarg.h>

enum df_err_kind {
    DF_OK = 0,
    DF_ERR_RUNTIME = 1,   /* I/O, database, out of memory: exit 1 */
    DF_ERR_USAGE = 2,     /* the caller asked for something malformed: exit 2 */
    DF_ERR_INPUT = 3,     /* bad input data (FILE:LINE: ...): exit 3 */
    DF_ERR_NOT_FOUND = 4, /* a named thing does not exist (HTTP 404; CLI exit 3) */
    DF_ERR_CONFLICT = 5,  /* the state forbids it (HTTP 409; CLI exit 3) */
    DF_ERR_FORBIDDEN = 6, /* the caller may not (HTTP 403; CLI exit 3) */
};

/* A refusal may also say itself by code for a page (docs/api.md "Words for
 * a page"): code a static string, NULL when none; its values by (static)
 * name, copied. Every df_err_set forgets the code: df_err_code after it. */
#define DF_ERR_VALUES 7
struct df_err {
    enum df_err_kind kind;
    char msg[1024];
    const char *code;
    int values_n;
    const char *name[DF_ERR_VALUES];
    char value[DF_ERR_VALUES][256];
};

/* Sets kind and a printf-formatted message; returns -1 so callers can write
 * `return df_err_set(err, ...)`. err may be NULL. */
int df_err_set(struct df_err *err, enum df_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int df_err_vset(struct df_err *err, enum df_err_kind kind, const char *fmt, va_list ap);

/* Prefixes the existing message with "prefix: " (for FILE:LINE context). */
void df_err_prefix(struct df_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void df_err_clear(struct df_err *err);

/* Gives err (set already) its code and values: name, value, ... NULL (at
 * most DF_ERR_VALUES; a NULL value is left out, a long one cut on a
 * character's boundary). err may be NULL. Returns -1, as df_err_set. */
int df_err_code(struct df_err *err, const char *code, ...);

/* v as decimal digits in buf, for a value of df_err_code; DF_NUM(v) gives
 * one a buffer that lives to the end of the enclosing block. */
const char *df_num(char buf[24], long long v);
#define DF_NUM(v) df_num((char[24]){0}, (v))

/* The process exit code the CLI uses for an error of this kind. */
int df_err_exit_code(const struct df_err *err);

/* A file's input errors ("FILE:LINE: what is wrong"), one or more a line:
 * all counted, the DF_PROBLEMS_NAMED of the lowest lines kept in line order
 * (a line's own in the order they came), so a person mends a file in one
 * pass. */
#define DF_PROBLEMS_NAMED 20
/* A problem's code and values as its df_err had them (code NULL: none),
 * each value cut to fit on a character's boundary. */
struct df_problem_code {
    const char *code;
    int values_n;
    const char *name[DF_ERR_VALUES];
    char value[DF_ERR_VALUES][160];
};
struct df_problems {
    int n;       /* problems */
    int named;   /* of them in line[], msg[] and coded[] */
    int line[DF_PROBLEMS_NAMED];
    char msg[DF_PROBLEMS_NAMED][512];
    struct df_problem_code coded[DF_PROBLEMS_NAMED];
};

/* The LINE of a message "FILE:LINE: what" about file, or 0 when it names
 * none; *what (may be NULL) gets the message after "FILE:LINE: " (the whole
 * message when it names no line of file). */
int df_err_line_of(const char *msg, const char *file, const char **what);

/* Counts the problem of line (msg, cut on a character's boundary to fit),
 * and keeps it when it is among the lowest lines. */
void df_problems_add(struct df_problems *p, int line, const char *msg);
/* The same, msg keeping err's code and values (err may be NULL: none). */
void df_problems_add_coded(struct df_problems *p, int line, const char *msg,
                           const struct df_err *err);
/* Gives err (set already) the code and values of a problem kept. */
void df_err_code_of(struct df_err *err, const struct df_problem_code *c);

/* An importer's row refused: err's input problem (any kind but
 * DF_ERR_RUNTIME) becomes DF_ERR_INPUT, "FILE:LINE: " before it unless it
 * names that line already, and is counted in p; 0, so the next row is read.
 * -1 for the machine's error, which stops the import. */
int df_problems_refuse(struct df_problems *p, struct df_err *err, const char *file, int line);

/* A reader's last return got: < 0 with DF_ERR_INPUT is the file malformed
 * there (its FILE:LINE message counted in p, the file read no further), 0;
 * -1 for any other error; 0 when got >= 0. */
int df_problems_end(struct df_problems *p, const struct df_err *err, const char *file, int got);

#endif
