/* A growable byte buffer with a cap, like curl's dynbuf: every buffer fed by
 * outside input has a maximum, and going over it is an error, not a realloc. */
#ifndef DFNC_CORE_BUF_H
#define DFNC_CORE_BUF_H

#include <stddef.h>

struct buf {
    char *data;   /* NUL-terminated whenever len > 0 */
    size_t len;
    size_t cap;
    size_t max;   /* appends that would exceed max fail; 0 means no cap */
};

#define BUF_INIT(max_) { NULL, 0, 0, (max_) }

void buf_init(struct buf *b, size_t max);
/* Appends n bytes; returns 0, or -1 when the cap would be exceeded or memory ran out
 * (the buffer keeps what it had). */
int buf_append(struct buf *b, const void *data, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* The contents as a C string ("" when empty); owned by the buffer. */
const char *buf_str(const struct buf *b);
/* Gives the caller the malloc'd string (caller frees) and empties the buffer. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
