/* The console's people list as a file (see people_list.h). */
#include "app/people_list.h"

#include <jansson.h>

#include "app/checkin.h"
#include "app/forum_day.h"
#include "io/csv.h"
#include "io/xlsx.h"

static const char *const columns[] = {"id",        "name",    "email", "organisation",
                                      "organisation_name", "country", "offers", "needs",
                                      "to_answer", "checked_in_at", "meetings"};
enum { COLUMNS = sizeof columns / sizeof columns[0] };

struct list_ctx {
    enum app_export_format format;
    FILE *out;
    struct xlsx_book *book;
    json_t *array;
    int rows;
    struct df_err *err;
};

static int person_row(void *ud, const struct store_web_person *p)
{
    struct list_ctx *c = ud;
    char offers[16], needs[16], to_answer[16], meetings[16];
    snprintf(offers, sizeof offers, "%d", p->offers);
    snprintf(needs, sizeof needs, "%d", p->needs);
    snprintf(to_answer, sizeof to_answer, "%d", p->to_answer);
    snprintf(meetings, sizeof meetings, "%d", p->meetings);
    const char *f[COLUMNS] = {p->id,      p->name, p->email,  p->org,
                              p->org_name, p->country, offers, needs,
                              to_answer,  p->checked_in_at, meetings};
    c->rows++;
    if (c->format == APP_EXPORT_XLSX)
        return xlsx_row(c->book, f, COLUMNS, c->err) < 0;
    if (c->format == APP_EXPORT_CSV) {
        csv_write_record(c->out, f, COLUMNS);
        return 0;
    }
    json_t *j = json_pack("{ss ss so ss ss ss si si si so si}", "id", p->id, "name", p->name,
                          "email", p->email ? json_string(p->email) : json_null(),
                          "organisation", p->org, "organisation_name", p->org_name, "country",
                          p->country, "offers", p->offers, "needs", p->needs, "to_answer",
                          p->to_answer, "checked_in_at",
                          p->checked_in_at ? json_string(p->checked_in_at) : json_null(),
                          "meetings", p->meetings);
    return !j || json_array_append_new(c->array, j) < 0;
}

int app_people_list_write(struct store *s, const struct store_web_people_query *q,
                          enum app_export_format format, FILE *out, int *rows,
                          struct df_err *err)
{
    struct store_web_people_query all = *q;
    all.limit = -1;
    all.offset = 0;
    struct list_ctx c = {.format = format, .out = out, .err = err};
    *rows = 0;
    if (format == APP_EXPORT_CSV)
        csv_write_record(out, columns, COLUMNS);
    else if (format == APP_EXPORT_JSON && !(c.array = json_array()))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    else if (format == APP_EXPORT_XLSX && !(c.book = xlsx_open("people", columns, COLUMNS, err)))
        return -1;
    int rc = store_web_people_page(s, &all, person_row, &c, NULL, NULL, err);
    if (app_export_finish(rc, c.array, c.book, out, "the people list", err) < 0)
        return -1;
    *rows = c.rows;
    return 0;
}

int app_people_list_query(struct store *s, const char *event, long long now, struct arena *a,
                          struct store_web_people_query *q, struct df_err *err)
{
    struct store_event ev;
    if (event && store_event_get(s, event, a, &ev, err) < 0)
        return -1;
    if (!event && !(event = app_forum_event(s, now, a, err))) {
        if (err->kind != DF_ERR_NOT_FOUND)
            return -1;
        *err = (struct df_err){0};   /* no event: nobody meets */
    }
    char today[11];
    bool within = false;
    q->event = event;
    if (!(q->open_events = app_forum_open_events(s, now, a, err)) ||
        (event && app_checkin_day(s, event, now, today, &within, err) < 0))
        return -1;
    /* the forum's days: who came today; before and after it, who came at all */
    q->day = within ? arena_strdup(a, today) : NULL;
    if (within && !q->day)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    return 0;
}
