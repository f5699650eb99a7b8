/* vCard 4.0 writer (see vcard.h). */
#include "io/vcard.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* RFC 6350 3.2: a line longer than 75 octets goes on in a line that starts
 * with a space. */
#define FOLD_AT 75

/* A content line being written: its octets so far, for folding. */
struct line {
    struct buf *out;
    size_t len;
    int bad;
};

static void put(struct line *l, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* fold before a character's first byte, never inside it */
        bool starts = ((unsigned char)s[i] & 0xC0) != 0x80;
        if (starts && l->len >= FOLD_AT) {
            l->bad |= buf_puts(l->out, "\r\n ") < 0;
            l->len = 1;
        }
        l->bad |= buf_putc(l->out, s[i]) < 0;
        l->len++;
    }
}

static void put_str(struct line *l, const char *s) { put(l, s, strlen(s)); }

/* A text value, escaped: backslash, comma, semicolon and line breaks
 * (RFC 6350 3.4); other control characters dropped. */
static void put_text(struct line *l, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == ',' || *s == ';') {
            char esc[2] = {'\\', *s};
            put(l, esc, 2);
        } else if (*s == '\n') {
            put_str(l, "\\n");
        } else if ((unsigned char)*s >= 0x20 && *s != 0x7f) {
            put(l, s, 1);
        }
    }
}

static void end_line(struct line *l)
{
    l->bad |= buf_puts(l->out, "\r\n") < 0;
    l->len = 0;
}

/* NAME:VALUE, the value escaped as text; nothing for an empty value. */
static void property(struct line *l, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    put_str(l, name);
    put_str(l, ":");
    put_text(l, value);
    end_line(l);
}

/* A language tag as LANG takes it: letters and hyphens, 2 to 35 of them. */
static bool is_tag(const char *s, size_t n)
{
    if (n < 2 || n > 35)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-'))
            return false;
    return true;
}

static void languages(struct line *l, const char *list)
{
    int pref = 0;
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ";");
        if (is_tag(p, n) && pref < 9) {
            char head[24];
            snprintf(head, sizeof head, "LANG;PREF=%d:", ++pref);
            put_str(l, head);
            put(l, p, n);
            end_line(l);
        }
        p += n + (p[n] == ';');
    }
}

int vcard_append(struct buf *out, const struct vcard_contact *c)
{
    struct line l = {.out = out};
    put_str(&l, "BEGIN:VCARD");
    end_line(&l);
    put_str(&l, "VERSION:4.0");
    end_line(&l);
    put_str(&l, "KIND:individual");
    end_line(&l);
    put_str(&l, "FN:");
    put_text(&l, c->name ? c->name : "");
    end_line(&l);
    property(&l, "TITLE", c->title);
    property(&l, "ORG", c->org);
    if (c->url && *c->url) {   /* a URI: not escaped as text, no control character */
        put_str(&l, "URL:");
        for (const char *p = c->url; *p; p++)
            if ((unsigned char)*p > 0x20 && *p != 0x7f)
                put(&l, p, 1);
        end_line(&l);
    }
    languages(&l, c->languages);
    property(&l, "NOTE", c->note);
    put_str(&l, "END:VCARD");
    end_line(&l);
    return l.bad ? -1 : 0;
}
