/* The follow-up list (see follow_up.h): the store's rows, one per person,
 * meeting and partner, folded into one per person. */
#include "app/follow_up.h"

#include <stdbool.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "app/forum_day.h"
#include "app/invite.h"
#include "app/mail.h"
#include "core/arena.h"
#include "core/buf.h"
#include "io/csv.h"
#include "io/xlsx.h"
#include "store/outcomes.h"

static const char *const columns[] = {"person",         "name",
                                      "email",          "organisation_name",
                                      "language",       "arrived",
                                      "meetings",       "meetings_held",
                                      "partners",       "partner_organisations",
                                      "partner_emails", "outcomes"};
enum { COLUMNS = sizeof columns / sizeof columns[0] };

/* The person being folded: their fields (copied: a store row lives for one
 * call), their meetings so far and their partners, as lists in step (CSV,
 * xlsx) or a JSON array. */
enum { PERSON, NAME, EMAIL, ORG_NAME, LANGUAGE, LAST_REQUEST, PARTNERS, PARTNER_ORGS,
       PARTNER_EMAILS, OUTCOMES, ROW_BUFS };
struct person_row {
    struct buf b[ROW_BUFS];
    bool arrived;
    int meetings, held, partners_n;
    json_t *partner_list;   /* JSON only */
};

struct follow_ctx {
    enum app_export_format format;
    FILE *out;
    struct xlsx_book *book;
    json_t *array;
    int rows;
    bool open;   /* row holds a person not yet written */
    struct person_row row;
    struct df_err *err;
};

/* Empties r for the next person, keeping its buffers' memory. */
static void row_clear(struct person_row *r)
{
    for (int i = 0; i < ROW_BUFS; i++)
        buf_reset(&r->b[i]);
    json_decref(r->partner_list);
    r->partner_list = NULL;
    r->arrived = false;
    r->meetings = r->held = r->partners_n = 0;
}

static void row_free(struct person_row *r)
{
    for (int i = 0; i < ROW_BUFS; i++)
        buf_free(&r->b[i]);
    json_decref(r->partner_list);
    r->partner_list = NULL;
}

static const char *or_empty(const char *s) { return s ? s : ""; }

/* Writes the person folded so far: 0, or nonzero when it could not. */
static int row_write(struct follow_ctx *c)
{
    const struct person_row *r = &c->row;
    const struct buf *b = r->b;
    char meetings[16], held[16];
    snprintf(meetings, sizeof meetings, "%d", r->meetings);
    snprintf(held, sizeof held, "%d", r->held);
    c->rows++;
    if (c->format != APP_EXPORT_JSON) {
        const char *f[COLUMNS] = {buf_str(&b[PERSON]),       buf_str(&b[NAME]),
                                  buf_str(&b[EMAIL]),        buf_str(&b[ORG_NAME]),
                                  buf_str(&b[LANGUAGE]),     r->arrived ? "1" : "0",
                                  meetings,                  held,
                                  buf_str(&b[PARTNERS]),     buf_str(&b[PARTNER_ORGS]),
                                  buf_str(&b[PARTNER_EMAILS]), buf_str(&b[OUTCOMES])};
        if (c->format == APP_EXPORT_XLSX)
            return xlsx_row(c->book, f, COLUMNS, c->err) < 0;
        csv_write_record(c->out, f, COLUMNS);
        return 0;
    }
    json_t *j = json_pack("{ss ss so ss ss sb si si sO}", "person", buf_str(&b[PERSON]), "name",
                          buf_str(&b[NAME]), "email",
                          b[EMAIL].len ? json_string(buf_str(&b[EMAIL])) : json_null(),
                          "organisation_name", buf_str(&b[ORG_NAME]), "language",
                          buf_str(&b[LANGUAGE]), "arrived", r->arrived, "meetings", r->meetings,
                          "meetings_held", r->held, "partners", r->partner_list);
    return !j || json_array_append_new(c->array, j) < 0;
}

/* Starts folding f's person: 0, or -1 when out of memory. */
static int row_start(struct follow_ctx *c, const struct store_follow_up *f)
{
    struct person_row *r = &c->row;
    struct buf *b = r->b;
    row_clear(r);
    r->arrived = f->checked_in_at != NULL;
    if (c->format == APP_EXPORT_JSON && !(r->partner_list = json_array()))
        return -1;
    return buf_puts(&b[PERSON], f->person) < 0 || buf_puts(&b[NAME], f->name) < 0 ||
                   buf_puts(&b[EMAIL], or_empty(f->email)) < 0 ||
                   buf_puts(&b[ORG_NAME], f->org_name) < 0 ||
                   buf_puts(&b[LANGUAGE], app_person_language(f->ui_language, f->languages, f->country)) < 0
               ? -1
               : 0;
}

/* Adds f's partner to the row (f's meeting took place, as far as anyone said). */
static int partner_add(struct person_row *r, const struct store_follow_up *f)
{
    if (r->partner_list)
        return json_array_append_new(
            r->partner_list,
            json_pack("{ss ss ss so so}", "person", f->partner, "name", f->partner_name,
                      "organisation_name", f->partner_org_name, "email",
                      f->partner_email ? json_string(f->partner_email) : json_null(), "outcome",
                      f->outcome ? json_string(f->outcome) : json_null()));
    const char *sep = r->partners_n++ ? "; " : "";
    struct buf *b = r->b;
    return buf_printf(&b[PARTNERS], "%s%s", sep, f->partner_name) < 0 ||
                   buf_printf(&b[PARTNER_ORGS], "%s%s", sep, f->partner_org_name) < 0 ||
                   buf_printf(&b[PARTNER_EMAILS], "%s%s", sep, or_empty(f->partner_email)) < 0 ||
                   buf_printf(&b[OUTCOMES], "%s%s", sep, or_empty(f->outcome)) < 0
               ? -1
               : 0;
}

static int fold(void *ud, const struct store_follow_up *f)
{
    struct follow_ctx *c = ud;
    struct person_row *r = &c->row;
    struct buf *last = &r->b[LAST_REQUEST];
    if (!c->open || strcmp(buf_str(&r->b[PERSON]), f->person) != 0) {
        if (c->open && row_write(c) != 0)
            return 1;
        c->open = true;
        if (row_start(c, f) < 0)
            return 1;   /* out of memory: the list fails */
    }
    if (strcmp(buf_str(last), f->request) != 0) {   /* the person's next meeting */
        r->meetings++;
        r->held += !f->not_held;
        buf_reset(last);
        if (buf_puts(last, f->request) < 0)
            return 1;
    }
    return f->partner && !f->not_held && partner_add(r, f) < 0 ? 1 : 0;
}

int app_follow_up_write(struct store *s, const char *event, enum app_export_format format,
                        FILE *out, int *rows, struct df_err *err)
{
    struct follow_ctx c = {.format = format, .out = out, .err = err};
    *rows = 0;
    if (format == APP_EXPORT_CSV)
        csv_write_record(out, columns, COLUMNS);
    else if (format == APP_EXPORT_JSON && !(c.array = json_array()))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    else if (format == APP_EXPORT_XLSX &&
             !(c.book = xlsx_open("follow-up", columns, COLUMNS, err)))
        return -1;
    struct arena a;
    arena_init(&a, 0);
    if (!event)   /* the command line's: the event held, by the real clock */
        event = app_forum_event_held(s, (long long)time(NULL), &a, err);
    int rc = event ? store_follow_up_each(s, event, fold, &c, err) : -1;
    if (rc == 0 && c.open)
        rc = row_write(&c);
    row_free(&c.row);
    arena_free(&a);
    if (app_export_finish(rc, c.array, c.book, out, "the follow-up list", err) < 0)
        return -1;
    *rows = c.rows;
    return 0;
}
