/* The 8-bit Windows code pages a spreadsheet's plain "CSV" is written in:
 * Windows-1251 on a Ukrainian or Russian Windows, Windows-1252 on a Western
 * European one. Which one a file that is not UTF-8 is in is guessed from the
 * whole file's words, and only when they say so clearly; its lines are
 * converted to UTF-8 by glibc's iconv. The CSV reader (io/csv.c) drives both. */
#ifndef DFNC_IO_CODEPAGE_H
#define DFNC_IO_CODEPAGE_H

#include <iconv.h>
#include <stddef.h>

#include "core/err.h"

enum codepage {
    CODEPAGE_AUTO,     /* guess: UTF-8 when the file is, else one of the two below */
    CODEPAGE_UTF8,
    CODEPAGE_CP1251,   /* Cyrillic */
    CODEPAGE_CP1252,   /* Western European */
};

/* The name a person gives and an API returns: "auto", "utf-8",
 * "windows-1251", "windows-1252". */
const char *codepage_name(enum codepage cp);
/* As a message names it: "UTF-8", "Windows-1251", "Windows-1252". */
const char *codepage_label(enum codepage cp);
/* The encoding that name (codepage_name's, letter case aside; also "utf8",
 * "cp1251", "cp1252") names: 0, or -1 for a name it does not know. */
int codepage_parse(const char *name, enum codepage *out);
/* "utf-8, windows-1251 or windows-1252", for a refusal of another name. */
#define CODEPAGE_NAMES "utf-8, windows-1251 or windows-1252"

/* What a file's lines say about its encoding, fed one physical line at a
 * time (with its newline), from the first. */
struct codepage_sniff {
    int lines;
    int bom;             /* line 1 begins with UTF-8's byte order mark */
    int nul;             /* a NUL byte somewhere: UTF-16 or binary */
    int bad_line;        /* the first line that is not UTF-8; 0: the file is */
    int utf8_line;       /* the first line that is UTF-8 and holds more than ASCII */
    /* of the lines that are not UTF-8 (the others are read as they are): */
    size_t high;         /* bytes over 0x7F */
    size_t in_utf8;      /* of them, bytes of well-formed UTF-8 sequences */
    size_t unshared;     /* of them, bytes the two code pages read otherwise */
    size_t cyrillic;     /* words that read as Cyrillic in Windows-1251 */
    size_t odd_case;     /* of them, words with a capital after a small letter */
    size_t western;      /* words that read as accented Latin in Windows-1252 */
};

void codepage_sniff_line(struct codepage_sniff *s, const char *line, size_t n);
/* The encoding to read the file in: CODEPAGE_UTF8 when it is UTF-8 or when
 * no other reading is sure (then why, of cap bytes, says why not, as a
 * clause beginning ": ", to follow a "... is not UTF-8" message; "" when the
 * file is UTF-8), or CODEPAGE_CP1251 or CODEPAGE_CP1252, its words clearly of
 * that code page (why then says so: ", its words being Cyrillic"). */
/* The why by code (app/import_codes.h), for a page to say it: code NULL
 * when the file is read in a code page or is UTF-8 throughout; n and a
 * the figures it names. */
struct codepage_why {
    const char *code;
    long long n, a;
};
enum codepage codepage_sniff_verdict(const struct codepage_sniff *s, char *why, size_t cap,
                                     struct codepage_why *coded);

/* Which 8-bit encoding one field that is not UTF-8 was most likely written
 * in, from its own bytes, as a clause for its message (": the file looks
 * like 8-bit Cyrillic (...)"); "" when the bytes before the first bad one
 * hold UTF-8 letters (a UTF-8 file with a broken byte). What a file read as
 * UTF-8 because it was asked to be says. */
const char *codepage_field_guess(const void *data, size_t len, size_t bad,
                                 struct codepage_why *coded);

/* A converter of one code page's lines to UTF-8. */
struct codepage_conv {
    iconv_t cd;
    char *out;        /* the last line converted (malloc'd, grown as needed) */
    size_t out_cap;
};

/* Opens a converter from cp (CODEPAGE_CP1251 or CODEPAGE_CP1252): 0, or -1
 * with DF_ERR_RUNTIME when iconv has no such code page. Close it with
 * codepage_conv_close (also after a failed open). */
int codepage_conv_open(struct codepage_conv *c, enum codepage cp, struct df_err *err);
/* Converts in[0..n) into UTF-8: 0 with *out (owned by c, valid until the next
 * call) and *out_n set; -1 when byte *bad of in is no character of the code
 * page (Windows-1251 leaves 0x98 undefined, Windows-1252 five bytes); -2 when
 * out of memory. */
int codepage_convert(struct codepage_conv *c, const char *in, size_t n, const char **out,
                     size_t *out_n, size_t *bad);
void codepage_conv_close(struct codepage_conv *c);

#endif
