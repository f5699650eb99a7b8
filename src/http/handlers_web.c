/* The endpoints only the web pages use (the JSON API proper is api.h's):
 * the public forum header, CPV lookup for the picker, organisation search with
 * every filter, and the organiser console's participants, check-in, CSV import
 * and meetings. Also the embedded file server. Conventions as in handlers.c. */
#include <ctype.h>
#include <sodium.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

#include "app/agenda_pdf.h"
#include "app/badges.h"
#include "app/checkin.h"
#include "app/cpv.h"
#include "app/export.h"
#include "app/fields.h"
#include "app/forum_day.h"
#include "app/follow_up.h"
#include "app/glossary.h"
#include "app/import.h"
#include "app/invite.h"
#include "app/match.h"
#include "app/org_search.h"
#include "app/people_list.h"
#include "app/report.h"
#include "core/country.h"
#include "http/api.h"
#include "http/cache.h"
#include "http/headers.h"
#include "http/web.h"
#include "http/web_assets.h"
#include "store/web.h"

/* ---- the public forum header ------------------------------------------------------ */

/* GET /forum: the forum's event now (app_forum_event, by the forum's clock) */
static void h_forum(struct http_req *r)
{
    struct df_err err = {0};
    struct store_event e;
    const char *id = app_forum_event(r->s, http_server_forum_now(r->srv), &r->a, &err);
    if (!id || store_event_get(r->s, id, &r->a, &e, &err) < 0) {
        if (err.kind == DF_ERR_NOT_FOUND)
            http_reply_json(r, 200, json_pack("{s o}", "event", json_null()));
        else
            http_reply_df_err(r, &err);
        return;
    }
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(e.id));
    json_object_set_new(j, "name", json_string(e.name));
    json_object_set_new(j, "venue", api_str_or_null(e.venue));
    json_object_set_new(j, "timezone", api_str_or_null(e.timezone));
    json_object_set_new(j, "starts_on", json_string(e.starts_on));
    json_object_set_new(j, "ends_on", json_string(e.ends_on));
    json_object_set_new(j, "published", json_boolean(e.published_at != NULL));
    json_object_set_new(j, "name_uk", api_str_or_null(e.name_uk));
    json_object_set_new(j, "venue_uk", api_str_or_null(e.venue_uk));
    http_reply_json(r, 200, json_pack("{s o}", "event", j));
}

/* ---- CPV lookup -------------------------------------------------------------------- */

/* GET /api/v1/cpv?q=&lang=&limit=: the codes app_cpv_lookup finds, with both labels. */
static void h_cpv(struct http_req *r)
{
    const char *q = http_url_param(&r->url, "q");
    const char *lang = http_url_param(&r->url, "lang");
    int limit;
    if (!q || strlen(q) < 1 || strlen(q) > 200) {
        http_reply_error(r, 422, "invalid", "q must have 1 to 200 bytes");
        return;
    }
    if (!api_int_param(r, "limit", 1, 100, 20, &limit))
        return;
    if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "uk") != 0) {
        http_reply_error(r, 422, "invalid", "lang must be en or uk");
        return;
    }
    struct df_err err = {0};
    struct app_cpv_hit *hits;
    int n, found;
    if (app_cpv_lookup(r->s, q, lang && strcmp(lang, "uk") == 0, limit, &r->a, &hits, &n, &found,
                       &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *list = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(list, json_pack("{ss so so}", "code", hits[i].code, "label_en",
                                              api_str_or_null(hits[i].label_en), "label_uk",
                                              api_str_or_null(hits[i].label_uk)));
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)found, "cpv", list));
}

/* ---- organisation search with every filter ------------------------------------------ */

/* The most a search answers. */
#define ORG_SEARCH_MAX 500

/* The words met, as the partner pages say them (not the projects "like
 * this one": a search is no project idea), as o's "why". */
static void org_why(json_t *o, const struct match_hit *h)
{
    json_t *why = json_array();
    for (int i = 0; i < h->why_n; i++)
        if (strncmp(h->why[i], "text: ", 6) == 0 || strncmp(h->why[i], "looks for: ", 11) == 0)
            json_array_append_new(why, json_string(h->why[i]));
    json_object_set_new(o, "why", why);
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

static void h_search_orgs(struct http_req *r)
{
    struct store_web_org_query q = {.q = nonempty(http_url_param(&r->url, "q")),
                                    .country = nonempty(http_url_param(&r->url, "country")),
                                    .kind = nonempty(http_url_param(&r->url, "kind")),
                                    .sme = -1, .limit = INT_MAX};
    /* every organisation the filters let through is counted, the first
     * ORG_SEARCH_MAX listed (app_org_search). A confidential need must not make its organisation findable by its code:
     * only organisers search through them. */
    q.confidential_too = strcmp(r->user.role, "organiser") == 0;
    const char *sme = nonempty(http_url_param(&r->url, "sme"));
    const char *region = nonempty(http_url_param(&r->url, "region"));
    const char *cpv = nonempty(http_url_param(&r->url, "cpv"));
    /* a buyer looks for those that offer a code, a supplier for those that need it */
    q.direction = nonempty(http_url_param(&r->url, "direction"));
    if (q.direction && strcmp(q.direction, "offer") && strcmp(q.direction, "need")) {
        http_reply_field_error(r, 422, "invalid", "direction", "direction must be offer or need");
        return;
    }
    if (q.q && strlen(q.q) > 200) {
        http_reply_error(r, 422, "invalid", "q must have at most 200 bytes");
        return;
    }
    if (q.country && !country_is_known(q.country)) {
        http_reply_error(r, 422, "invalid", "country must be an ISO 3166 alpha-2 code");
        return;
    }
    struct df_err why = {0};
    if (q.kind && app_org_kind_check(q.kind, &why) < 0) {
        http_reply_error(r, 422, "invalid", "kind must be company, research, government, "
                                            "association or other");
        return;
    }
    if (sme) {
        if (strcmp(sme, "0") && strcmp(sme, "1")) {
            http_reply_error(r, 422, "invalid", "sme must be 0 or 1");
            return;
        }
        q.sme = sme[0] - '0';
    }
    if (region) {
        if (strcmp(region, "eu") && strcmp(region, "ua")) {
            http_reply_error(r, 422, "invalid", "region must be eu or ua");
            return;
        }
        q.region = region[0] == 'e' ? 1 : 2;
    }
    if (cpv) {
        /* Leading digits of a code; trailing zeros of a broad code match its subtree. */
        size_t n = 0;
        while (isdigit((unsigned char)cpv[n]) && n < 8)
            n++;
        if (n < 2 || (cpv[n] && cpv[n] != '-')) {
            http_reply_error(r, 422, "invalid", "cpv must start with 2 to 8 digits");
            return;
        }
        while (n > 2 && cpv[n - 1] == '0')
            n--;
        q.cpv = arena_strndup(&r->a, cpv, n);
    }
    struct df_err err = {0};
    const struct app_match_data *d = q.q ? http_cache_match(r->s, &err) : NULL;
    struct app_org_search found;
    if ((q.q && !d) || app_org_search(r->s, d, &q, ORG_SEARCH_MAX, &r->a, &found, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    json_t *list = json_array();
    for (int i = 0; i < found.n; i++) {
        const struct app_org_found *o = &found.list[i];
        json_t *j = json_object();
        json_object_set_new(j, "id", json_string(o->id));
        json_object_set_new(j, "name", json_string(o->name));
        json_object_set_new(j, "name_uk", api_str_or_null(o->name_uk));
        json_object_set_new(j, "country", json_string(o->country));
        json_object_set_new(j, "eu", json_boolean(country_is_eu_member(o->country)));
        json_object_set_new(j, "kind", json_string(o->kind));
        json_object_set_new(j, "sme", json_boolean(o->sme));
        json_object_set_new(j, "city", api_str_or_null(o->city));
        if (o->hit)
            org_why(j, o->hit);
        if (q.q)   /* said apart, after those that have every word */
            json_object_set_new(j, "all_words", json_boolean(!o->some_words));
        json_array_append_new(list, j);
    }
    http_reply_json(r, 200, json_pack("{sI so}", "count", (json_int_t)found.total,
                                      "organisations", list));
}

/* ---- the organiser console -------------------------------------------------------------- */

/* The console's list being built, and the request its next meetings are
 * read in. */
struct people_reply {
    struct http_req *r;
    json_t *list;
    bool with_next;   /* next=1: each row's next meeting (the check-in desk's) */
    struct df_err *err;
};

static int person_cb(void *ud, const struct store_web_person *p)
{
    struct people_reply *out = ud;
    /* the check-in desk sends an arrival to it */
    json_t *next = out->with_next ? api_next_meeting_json(out->r, p->id, out->err) : NULL;
    if (out->with_next && !next)
        return -1;
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(p->id));
    json_object_set_new(j, "name", json_string(p->name));
    json_object_set_new(j, "title", api_str_or_null(p->title));
    json_object_set_new(j, "email", api_str_or_null(p->email));
    json_object_set_new(j, "organisation", json_string(p->org));
    json_object_set_new(j, "organisation_name", json_string(p->org_name));
    json_object_set_new(j, "country", json_string(p->country));
    json_object_set_new(j, "checked_in_at", api_str_or_null(p->checked_in_at));
    json_object_set_new(j, "offers", json_integer(p->offers));
    json_object_set_new(j, "needs", json_integer(p->needs));
    json_object_set_new(j, "organisation_name_uk", api_str_or_null(p->org_name_uk));
    json_object_set_new(j, "to_answer", json_integer(p->to_answer));
    json_object_set_new(j, "meetings", json_integer(p->meetings));
    if (next)
        json_object_set_new(j, "next_meeting", next);
    json_array_append_new(out->list, j);
    return 0;
}

static void people_download(struct http_req *r, const struct store_web_people_query *q);


/* GET /console/people?event=&q=&no_capabilities=1&to_answer=1&not_arrived=1&no_meetings=1&next=1
 * &limit=&offset= */
static void h_people(struct http_req *r)
{
    struct store_web_people_query q = {0};
    bool with_next;
    if (!api_text_param(r, "q", &q.q) ||
        !api_page_params(r, API_PAGE_DEFAULT, &q.limit, &q.offset) ||
        !api_flag_param(r, "no_capabilities", &q.no_capabilities) ||
        !api_flag_param(r, "to_answer", &q.to_answer) ||
        !api_flag_param(r, "not_arrived", &q.not_arrived) ||
        !api_flag_param(r, "no_meetings", &q.no_meetings) ||
        !api_flag_param(r, "next", &with_next))
        return;
    struct df_err err = {0};
    if (app_people_list_query(r->s, http_url_param(&r->url, "event"),
                              http_server_forum_now(r->srv), &r->a, &q, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    if (http_url_param(&r->url, "format")) {
        people_download(r, &q);
        return;
    }
    json_t *list = json_array();
    int64_t total = 0, checked_in = 0;
    struct people_reply out = {r, list, with_next, &err};
    if (store_web_people_page(r->s, &q, person_cb, &out, &total, &checked_in, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{sI sI so so}", "count", (json_int_t)total, "checked_in",
                                      (json_int_t)checked_in, "day",
                                      q.day ? json_string(q.day) : json_null(), "people", list));
}

/* POST .../checkin, body optional {"day"}: she arrived today, or on an
 * earlier day of the forum the desk forgot (README "Arrivals by day"). */
static void h_checkin(struct http_req *r)
{
    static const struct http_field f[] = {
        {"day", HJ_STRING, .nullable = true, .min = 1, .max = 10}, {NULL}};
    struct df_err err = {0};
    const char *at = NULL;
    json_t *b = NULL, *next = NULL;
    if (r->body.len && !(b = http_body(r, f)))
        return;
    int rc = app_checkin_on(r->s, r->user.email, r->params[0], http_json_str(b, "day"),
                            http_server_forum_now(r->srv), &r->a, &at, &err);
    json_decref(b);
    if (rc < 0 || !(next = api_next_meeting_json(r, r->params[0], &err))) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss ss so}", "id", r->params[0], "checked_in_at", at,
                                      "next_meeting", next));
}

/* DELETE .../checkin[?day=]: a check-in given to the wrong person is taken
 * back (today's, or that day's: her other days' arrivals stay). */
static void h_checkin_undo(struct http_req *r)
{
    struct df_err err = {0};
    if (app_checkin_undo_on(r->s, r->user.email, r->params[0], http_url_param(&r->url, "day"),
                            http_server_forum_now(r->srv), &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sn}", "id", r->params[0], "checked_in_at"));
}

/* The console's "invite everyone": dfnc user invite --all, the CSV in the
 * reply for the page to offer as a download. The links are in that reply
 * only (and, with mail, in the mails queued in the same transaction): it is
 * committed once the CSV is whole, and a reply lost on the way leaves those
 * people invited (the CLI can name them for new links). 409 mail_off for
 * mail while the forum sends none, nothing made. */
static void h_invite(struct http_req *r)
{
    int days;
    bool mail;
    if (!api_invitation_ask(r, &days, &mail))
        return;
    struct app_invite_opts o = {.days = days, .mail = mail, .now = (int64_t)time(NULL),
                                .forum_now = http_server_forum_now(r->srv)};
    struct df_err err = {0};
    struct app_invite_summary sum;
    struct app_invite_csv out;
    char *csv = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&csv, &len);
    int rc = mem ? 0 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (rc == 0) {
        app_invite_csv_open(&out, mem, http_server_base_url(r->srv));
        rc = store_begin(r->s, &err);
    }
    if (rc == 0) {
        rc = app_invite(r->s, r->user.email, &o, app_invite_csv_row, &out, &sum, &r->a, &err);
        if (fclose(mem) != 0 && rc == 0)
            rc = df_err_set(&err, DF_ERR_RUNTIME, "out of memory writing the invitations");
        mem = NULL;
        if (rc == 0)
            rc = store_commit(r->s, &err);
        if (rc < 0)
            store_rollback(r->s);
    }
    if (mem)
        fclose(mem);
    if (rc < 0) {
        free(csv);
        if (mail && err.kind == DF_ERR_CONFLICT)   /* the forum sends no mail: nothing made */
            http_reply_field_error(r, 409, "mail_off", "mail", err.msg);
        else
            http_reply_df_err(r, &err);
        return;
    }
    json_t *taken = json_array();
    for (int i = 0; taken && i < sum.taken_named; i++)
        json_array_append_new(taken, json_pack("{ss ss}", "person", sum.taken[i].person,
                                               "email", sum.taken[i].email));
    json_t *j = json_pack("{si si si s{si si si si} so* si si si ss}", "invited", sum.invited,
                          "new_logins", sum.new_logins, "renewed", sum.renewed, "skipped",
                          "pending", sum.pending, "has_password", sum.has_password, "no_email",
                          sum.no_email, "email_taken", sum.email_taken, "email_taken_people",
                          taken, "contacts", sum.contacts, "mailed", sum.mailed, "not_mailed",
                          sum.not_mailed, "csv", csv);
    sodium_memzero(csv, len);
    free(csv);
    http_reply_json(r, 201, j);
}

static int meeting_cb(void *ud, const struct store_web_meeting *m)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", json_string(m->id));
    json_object_set_new(j, "request", json_string(m->request));
    json_object_set_new(j, "slot", json_string(m->slot));
    json_object_set_new(j, "starts_at", json_string(m->starts_at));
    json_object_set_new(j, "ends_at", json_string(m->ends_at));
    json_object_set_new(j, "location", api_str_or_null(m->location));
    json_object_set_new(j, "location_name", api_str_or_null(m->location_name));
    json_object_set_new(j, "online", json_boolean(m->online));
    json_object_set_new(j, "people", json_pack("[oo]", api_party_json(&m->a), api_party_json(&m->b)));
    json_object_set_new(j, "cpv", api_str_or_null(m->cpv));
    json_object_set_new(j, "cpv_label_en", api_str_or_null(m->cpv_label_en));
    json_object_set_new(j, "cpv_label_uk", api_str_or_null(m->cpv_label_uk));
    json_object_set_new(j, "interpreter", api_str_or_null(m->interpreter));
    json_array_append_new(ud, j);
    return 0;
}

/* GET /console/events/{id}/meetings?q=&slot=&location=&limit=&offset= */
static void h_meetings(struct http_req *r)
{
    struct store_web_meeting_query q = {.event = r->params[0],
                                        .slot = nonempty(http_url_param(&r->url, "slot")),
                                        .location =
                                            nonempty(http_url_param(&r->url, "location"))};
    if (!api_text_param(r, "q", &q.q) ||
        !api_page_params(r, API_PAGE_DEFAULT, &q.limit, &q.offset))
        return;
    json_t *list = json_array();
    struct df_err err = {0};
    struct store_event e;
    int64_t total = 0;
    if (store_event_get(r->s, r->params[0], &r->a, &e, &err) < 0 ||
        store_web_meeting_page(r->s, &q, meeting_cb, list, &total, &err) != 0) {
        json_decref(list);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sI so}", "event", e.id, "count", (json_int_t)total,
                                      "meetings", list));
}

static int count_cb(void *ud, const struct store_web_count *c)
{
    json_t **lists = ud;
    json_t *j = c->kind == STORE_WEB_PAIR
                    ? json_pack("{so so sI}", "a", api_str_or_null(c->a), "b",
                                api_str_or_null(c->b), "n", (json_int_t)c->n)
                : c->kind == STORE_WEB_HOUR
                    ? json_pack("{so sI}", "hour", api_str_or_null(c->a), "n", (json_int_t)c->n)
                    : json_pack("{so so so sI}", "group", api_str_or_null(c->a), "label_en",
                                api_str_or_null(c->label_en), "label_uk",
                                api_str_or_null(c->label_uk), "n", (json_int_t)c->n);
    json_array_append_new(lists[c->kind], j);
    return 0;
}

/* GET /console/events/{id}/summary: the dashboard's figures of the scheduled
 * meetings, counted in SQL (a forum's 8,700 meetings are 5 MB as a list). */
static void h_summary(struct http_req *r)
{
    /* the dashboard's, each minute: kept while the meetings, their people,
     * organisations and slots (the agenda generation) and the capabilities
     * and CPV labels (the match generation's) are unchanged; a check-in, a
     * message, an outcome leave it */
    long long match = store_api_match_generation(r->s);
    const char *key = match >= 0 ? arena_printf(&r->a, "summary:%lld:%s", match, r->params[0])
                                 : NULL;
    if (api_reply_kept(r, HTTP_CACHE_AGENDAS, key))
        return;
    struct df_err err = {0};
    struct store_event e;
    json_t *lists[3] = {json_array(), json_array(), json_array()};
    if (store_event_get(r->s, r->params[0], &r->a, &e, &err) < 0 ||
        store_web_meeting_counts(r->s, e.id, count_cb, lists, &err) != 0) {
        for (int i = 0; i < 3; i++)
            json_decref(lists[i]);
        http_reply_df_err(r, &err);
        return;
    }
    json_int_t total = 0;
    size_t i;
    json_t *x;
    json_array_foreach(lists[STORE_WEB_HOUR], i, x)
        total += json_integer_value(json_object_get(x, "n"));
    api_reply_json_keeping(r, HTTP_CACHE_AGENDAS, key,
                           json_pack("{ss sI so so so}", "event", e.id, "meetings", total, "pairs",
                                     lists[STORE_WEB_PAIR], "hours", lists[STORE_WEB_HOUR],
                                     "capabilities", lists[STORE_WEB_CPV]),
                           &err);
}

/* GET /console/glossary: the organiser's glossary in its import format, to
 * read or to edit and import again. */
static void h_glossary(struct http_req *r)
{
    struct buf b = BUF_INIT(0);
    struct df_err err = {0};
    int pairs = 0;
    if (app_export_glossary(r->s, &b, &pairs, &err) < 0) {
        buf_free(&b);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_buf(r, 200, "text/tab-separated-values; charset=utf-8", &b);
}

/* The formats a download comes in, by ?format= */
static const struct download_format {
    const char *name, *ext, *ctype;
    enum app_export_format format;
} download_formats[] = {
    {"csv", "csv", "text/csv; charset=utf-8", APP_EXPORT_CSV},
    {"xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     APP_EXPORT_XLSX},
    {"json", "json", "application/json", APP_EXPORT_JSON},
};

/* ?format='s entry (the first, csv, when there is none), or NULL after a 422
 * naming those allowed. */
static const struct download_format *download_format(struct http_req *r, const char *allowed)
{
    const char *asked = http_url_param(&r->url, "format");
    for (size_t i = 0; i < sizeof download_formats / sizeof download_formats[0]; i++)
        if (!asked || strcmp(asked, download_formats[i].name) == 0)
            return &download_formats[i];
    http_reply_error(r, 422, "invalid", "format must be %s", allowed);
    return NULL;
}

/* Writes what a download holds to out: 0, or -1 with err. */
typedef int (*download_fn)(struct http_req *r, const void *ud, enum app_export_format format,
                           FILE *out, struct df_err *err);

/* Replies what write writes in format f as the attachment "dfnc-STEM.EXT". */
static void reply_download(struct http_req *r, const char *stem,
                           const struct download_format *f, download_fn write, const void *ud)
{
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    struct df_err err = {0};
    int rc = out ? write(r, ud, f->format, out, &err)
                 : df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (out && fclose(out) != 0 && rc == 0)
        rc = df_err_set(&err, DF_ERR_RUNTIME, "out of memory");
    if (rc < 0) {
        free(data);
        http_reply_df_err(r, &err);
        return;
    }
    /* the header's value lives as long as the request: in its arena */
    http_reply_header(r, "Content-Disposition",
                      arena_printf(&r->a, "attachment; filename=\"dfnc-%s.%s\"", stem, f->ext));
    http_reply_owned(r, 200, f->ctype, data, len);
}

static int write_export(struct http_req *r, const void *ud, enum app_export_format format,
                        FILE *out, struct df_err *err)
{
    (void)ud;
    int rows = 0;
    return app_export(r->s, r->params[0], format, out, &rows, err);
}

/* GET /console/export/{kind}?format=csv|xlsx|json: what `dfnc export` writes,
 * as a download (organisers only: people come with their e-mails). */
static void h_export(struct http_req *r)
{
    const char *kind = r->params[0];
    if (!app_export_kind_known(kind)) {
        http_reply_error(r, 404, "not_found", "no export of \"%s\": organisations, people, "
                         "events, sessions, meetings, demands or supplies", kind);
        return;
    }
    const struct download_format *f = download_format(r, "csv, xlsx or json");
    if (f)
        reply_download(r, kind, f, write_export, NULL);
}

static int write_people_list(struct http_req *r, const void *ud,
                             enum app_export_format format, FILE *out, struct df_err *err)
{
    int rows = 0;
    return app_people_list_write(r->s, ud, format, out, &rows, err);
}

/* GET /console/people?format=csv|xlsx|json&...: the list the filters pick,
 * whole, as a download "dfnc-people-list.csv" to write to them. */
static void people_download(struct http_req *r, const struct store_web_people_query *q)
{
    const struct download_format *f = download_format(r, "csv, xlsx or json");
    if (f)
        reply_download(r, "people-list", f, write_people_list, q);
}

/* A download's stem for the event of the path: "WHAT-ID", where the id is
 * one as the API takes them (an older dfnc's may hold a quote: dfnc check
 * names it), else "WHAT". In the request's arena. */
static const char *event_stem(struct http_req *r, const char *what)
{
    const char *id = r->params[0];
    bool plain = app_id_check("id", id, &(struct df_err){0}) == 0;
    return plain ? arena_printf(&r->a, "%s-%s", what, id) : what;
}

static int write_report(struct http_req *r, const void *ud, enum app_export_format format,
                        FILE *out, struct df_err *err)
{
    (void)ud;
    int rows = 0;
    return app_report_write(r->s, r->params[0], http_server_forum_now(r->srv), format, out,
                            &rows, err);
}

/* GET /console/events/{id}/report[?format=csv|xlsx]: the organisers' report
 * (`dfnc report`) as JSON, or as a download "dfnc-report-EVENT.csv". Counts
 * only: no person's name, no one's note. */
static void h_report(struct http_req *r)
{
    const char *asked = http_url_param(&r->url, "format");
    if (!asked || strcmp(asked, "json") == 0) {
        /* the dashboard's, each minute: kept while nothing is committed and
         * no meeting begins */
        struct df_err err = {0}, no_mark = {0};
        long long now = http_server_forum_now(r->srv),
                  mark = app_report_clock_mark(r->s, now, &no_mark);
        const char *key = mark >= 0 ? arena_printf(&r->a, "report:%lld:%s", mark, r->params[0])
                                    : NULL;
        if (!api_reply_kept(r, HTTP_CACHE_COMMITS, key))
            api_reply_json_keeping(r, HTTP_CACHE_COMMITS, key,
                                   app_report_json(r->s, r->params[0], now, &err), &err);
        return;
    }
    const struct download_format *f = download_format(r, "csv, xlsx or json");
    if (f)
        reply_download(r, event_stem(r, "report"), f, write_report, NULL);
}

static int write_follow_up(struct http_req *r, const void *ud, enum app_export_format format,
                           FILE *out, struct df_err *err)
{
    (void)ud;
    int rows = 0;
    return app_follow_up_write(r->s, r->params[0], format, out, &rows, err);
}

/* GET /console/events/{id}/follow-up?format=csv|xlsx|json: the people of the
 * event with a meeting, each with the partners they met and what they said
 * it led to, as a download "dfnc-follow-up-EVENT.csv" for the organisers'
 * mail merge (organisers only: it holds e-mails; never a note). */
static void h_follow_up(struct http_req *r)
{
    const struct download_format *f = download_format(r, "csv, xlsx or json");
    if (f)
        reply_download(r, event_stem(r, "follow-up"), f, write_follow_up, NULL);
}

/* At most this many people's badges or agendas by name in one ask (a page's
 * worth of walk-ins, or a sheet re-printed); everyone's is the ask without names. */
#define PDF_NAMED_MAX 200

bool http_web_pdf_is_everyones(const struct http_req *r)
{
    return !http_url_param(&r->url, "person");
}

/* The people ids person=ID,ID names, into *ids (in r's arena), *n how
 * many (0 without person=: everyone). false when it replied 422 (none
 * named, too many) or 500. */
static bool named_people(struct http_req *r, const char ***ids, size_t *n)
{
    const char *named = http_url_param(&r->url, "person");
    char *list = named ? arena_strdup(&r->a, named) : NULL;
    *ids = arena_alloc(&r->a, (PDF_NAMED_MAX + 1) * sizeof **ids);
    *n = 0;
    if (!*ids || (named && !list)) {
        http_reply_error(r, 500, "internal", "out of memory");
        return false;
    }
    for (char *save = NULL, *id = list ? strtok_r(list, ",", &save) : NULL; id;
         id = strtok_r(NULL, ",", &save)) {
        if (*n == PDF_NAMED_MAX) {
            http_reply_error(r, 422, "invalid", "person names at most %d people (none: everyone)",
                             PDF_NAMED_MAX);
            return false;
        }
        (*ids)[(*n)++] = id;
    }
    if (named && *n == 0) {
        http_reply_error(r, 422, "invalid", "person must name people's ids, comma-separated");
        return false;
    }
    return true;
}

/* What a PDF route asks its app function to draw. */
struct pdf_ask {
    const char *event;            /* NULL: the forum's */
    const char *const *ids;
    size_t n;
    bool skip_empty;              /* agendas only */
};

typedef int (*pdf_draw_fn)(struct http_req *r, const struct pdf_ask *ask, FILE *out,
                           struct df_err *err);

/* A PDF draw makes, as the attachment filename: drawn into a file unnamed
 * on disk, page by page, and sent from it, so that thousands of pages
 * never sit whole in memory; draw's refusal as its error. */
static void reply_pdf(struct http_req *r, const char *filename, pdf_draw_fn draw,
                      const struct pdf_ask *ask)
{
    FILE *f = tmpfile();
    struct df_err err = {0};
    int rc = f ? draw(r, ask, f, &err)
               : df_err_set(&err, DF_ERR_RUNTIME, "cannot make a file for the PDF");
    int fd = rc == 0 && fflush(f) == 0 ? dup(fileno(f)) : -1;
    struct stat st;
    if (rc == 0 && (fd < 0 || fstat(fd, &st) < 0 || lseek(fd, 0, SEEK_SET) != 0))
        rc = df_err_set(&err, DF_ERR_RUNTIME, "cannot write the PDF's file");
    if (f)
        fclose(f);
    if (rc < 0) {
        if (fd >= 0)
            close(fd);
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_header(r, "Content-Disposition",
                      arena_printf(&r->a, "attachment; filename=\"%s\"", filename));
    http_reply_fd(r, 200, "application/pdf", fd, (size_t)st.st_size);
}

static int draw_badges(struct http_req *r, const struct pdf_ask *ask, FILE *out,
                       struct df_err *err)
{
    size_t count = 0;
    return app_badges_pdf(r->s, ask->event, ask->ids, ask->n, http_server_forum_now(r->srv), out,
                          &count, err);
}

/* GET /console/badges.pdf?event=&person=ID,ID: the name badges (`dfnc
 * badges`) of the people named, in that order, or of everyone by name, as
 * the attachment "dfnc-badges.pdf" to print and cut. Everyone's take
 * seconds at a large forum: the server draws them in a thread of their own,
 * one drawing at a time (HTTP_SLOT_BADGES: organisers pressing at once are
 * told to come back, 503 busy), while the worker serves its other clients. */
static void h_badges(struct http_req *r)
{
    const char *event = http_url_param(&r->url, "event");
    struct pdf_ask ask = {.event = event && *event ? event : NULL};
    const char **ids;
    if (!named_people(r, &ids, &ask.n))
        return;
    ask.ids = ids;
    reply_pdf(r, "dfnc-badges.pdf", draw_badges, &ask);
}

static int draw_agendas(struct http_req *r, const struct pdf_ask *ask, FILE *out,
                        struct df_err *err)
{
    return app_agendas_pdf(r->s, ask->event, ask->ids, ask->n, ask->skip_empty,
                           http_server_forum_now(r->srv), out, NULL, err);
}

/* GET /console/agendas.pdf?event=&person=ID,ID&skip_empty=1: the agendas on
 * paper (`dfnc agendas`) of the people named, in that order, or of everyone
 * by name (skip_empty=1: only those with a meeting at the event), as the
 * attachment "dfnc-agendas.pdf" for the desk. Everyone's take seconds at a
 * large forum: drawn one ask at a time in a thread of their own
 * (HTTP_SLOT_AGENDAS, 503 busy for another), as everyone's badges are. */
static void h_agendas(struct http_req *r)
{
    const char *event = http_url_param(&r->url, "event");
    const char *skip = http_url_param(&r->url, "skip_empty");
    if (skip && strcmp(skip, "1") != 0 && strcmp(skip, "0") != 0) {
        http_reply_error(r, 422, "invalid", "skip_empty is 1 or 0");
        return;
    }
    struct pdf_ask ask = {.event = event && *event ? event : NULL,
                          .skip_empty = skip && strcmp(skip, "1") == 0};
    const char **ids;
    if (!named_people(r, &ids, &ask.n))
        return;
    ask.ids = ids;
    reply_pdf(r, "dfnc-agendas.pdf", draw_agendas, &ask);
}

/* GET /me/agenda.pdf?event=: the signed-in participant's own agenda on
 * paper, to print before she comes (404 for a login without a person). */
static void h_my_agenda_pdf(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    const char *event = http_url_param(&r->url, "event");
    const char *ids[] = {r->user.person};
    struct pdf_ask ask = {.event = event && *event ? event : NULL, .ids = ids, .n = 1};
    reply_pdf(r, "agenda.pdf", draw_agendas, &ask);
}

/* A file's problem i as {"line","message","code","values"} (docs/web.md):
 * the message after "PATH:LINE: " (path NULL: whole), and when it has a
 * code, that and its values, for the page to say it in its language. */
static json_t *problem_json(const struct df_problems *p, int i, const char *path)
{
    const char *what = p->msg[i];
    int line = path ? df_err_line_of(p->msg[i], path, &what) : p->line[i];
    const struct df_problem_code *c = &p->coded[i];
    json_t *values = c->code ? json_object() : NULL;
    for (int k = 0; values && k < c->values_n; k++)
        json_object_set_new(values, c->name[k], json_string(c->value[k]));
    return json_pack("{si ss ss? so*}", "line", line, "message", what, "code", c->code,
                     "values", values);
}

/* GET /console/glossary/status: how many lines the organiser's glossary
 * holds and how many partner questions leave out (after a dfnc upgrade some
 * may no longer fit beside dfnc's own glossary), naming them. */
static void h_glossary_status(struct http_req *r)
{
    struct app_glossary_status st;
    struct df_err err = {0};
    if (app_glossary_status(r->s, &st, &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    const struct df_problems *out = &st.left_out;
    json_t *problems = json_array();
    for (int i = 0; problems && i < out->named; i++)
        json_array_append_new(problems, problem_json(out, i, NULL));
    http_reply_json(r, 200,
                    json_pack("{si si sb si ss? so}", "pairs", st.pairs, "nots", st.nots, "fits",
                              out->n == 0, "refused", out->n, "problem",
                              out->n ? out->msg[0] : NULL, "problems", problems));
}

bool http_web_is_csv_import(const char *kind)
{
    static const char *const kinds[] = {"organisations", "people", "capabilities", "requests",
                                        "interpreters", "availability", "events", "sessions"};
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i]) == 0)
            return true;
    return false;
}

/* A note of an import as {"line","message","code","values":{NAME: VALUE}}:
 * the message in English without the temporary path, the code and values
 * for the page to say it in its language. */
static json_t *import_warning(const char *msg, const struct app_import_note *c, const char *path)
{
    const char *what;
    int at = df_err_line_of(msg, path, &what);
    json_t *values = json_object();
    for (int i = 0; values && i < c->values_n; i++)
        json_object_set_new(values, c->name[i], json_string(c->value[i]));
    return json_pack("{si ss ss? so*}", "line", at, "message", what, "code", c->code, "values",
                     values);
}

/* CSV from the browser: written to a private temporary file and imported by the
 * same code as `dfnc import` (one transaction: nothing is kept when a line is
 * refused), in the encoding ?encoding= names (auto, the default, guesses as
 * the command does). The errors name every line refused, in the upload's
 * numbering; the reply says what the file was read as. */
static void h_import(struct http_req *r)
{
    const char *kind = r->params[0];
    if (!http_web_is_csv_import(kind) && strcmp(kind, "glossary") != 0) {
        http_reply_error(r, 404, "not_found", "no importer for \"%s\"", kind);
        return;
    }
    bool glossary = strcmp(kind, "glossary") == 0;
    const char *asked = http_url_param(&r->url, "encoding");
    enum codepage enc = CODEPAGE_AUTO;
    if (asked && (glossary || codepage_parse(asked, &enc) < 0)) {
        http_reply_error(r, 400, "bad_request",
                         glossary ? "encoding is for CSV files; the glossary is UTF-8"
                                  : "encoding must be auto, " CODEPAGE_NAMES);
        return;
    }
    /* an empty glossary is how the organiser clears it; an empty CSV is a mistake */
    if (r->body.len == 0 && !glossary) {
        http_reply_error(r, 422, "invalid", "the body is empty: send the file's text");
        return;
    }
    char path[] = "/tmp/dfnc-upload-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        http_reply_error(r, 500, "internal", "cannot store the upload");
        return;
    }
    size_t off = 0;
    while (off < r->body.len) {
        ssize_t w = write(fd, buf_str(&r->body) + off, r->body.len - off);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    close(fd);
    struct app_import_result res = {0};
    struct app_glossary_result gloss = {0};
    struct df_err err = {0};
    int rc = off != r->body.len ? df_err_set(&err, DF_ERR_RUNTIME, "cannot store the upload")
             : glossary         ? app_import_glossary(r->s, path, &gloss, &err)
                                : app_import_csv(r->s, kind, path, enc,
                                                 http_server_forum_now(r->srv), &res, &err);
    unlink(path);
    if (rc == 0) {
        store_audit(r->s, r->user.email, "import", kind, NULL, NULL, &err);
        if (glossary) {
            http_reply_json(r, 200, json_pack("{ss si si}", "kind", kind, "rows", gloss.pairs,
                                              "nots", gloss.nots));
            return;
        }
        /* the published meetings the import removed or moved, by the upload's line */
        json_t *warnings = json_array();
        for (int i = 0; warnings && i < res.notes.named; i++)
            json_array_append_new(warnings, import_warning(res.notes.msg[i], &res.coded[i], path));
        json_t *reply =
            json_pack("{ss si si si si so ss sb}", "kind", kind, "rows", res.rows, "added",
                      res.added, "updated", res.updated, "meetings_removed",
                      res.meetings_removed, "warnings", warnings, "encoding",
                      codepage_name(res.encoding), "encoding_guessed",
                      enc == CODEPAGE_AUTO && res.encoding != CODEPAGE_UTF8);
        /* a programme file's, as PUT /events says them */
        json_object_set_new(reply, "meetings_moved", json_integer(res.meetings_moved));
        json_object_set_new(reply, "meetings_unscheduled",
                            json_integer(res.meetings_unscheduled));
        /* an events file's that named the video service: the links mailed */
        json_object_set_new(reply, "video_mailed", json_integer(res.video_mailed));
        /* an interpreters file's, given at once to published meetings */
        json_object_set_new(reply, "interpreters_given", json_integer(res.interpreters_given));
        json_object_set_new(reply, "interpreters_lacking",
                            json_integer(res.interpreters_lacking));
        http_reply_json(r, 200, reply);
        return;
    }
    if (err.kind != DF_ERR_INPUT) {
        http_reply_df_err(r, &err);
        return;
    }
    /* "PATH:LINE: what" -> line and what, without the temporary path; every
     * line refused (a glossary's or a CSV's), or the one error */
    const char *msg;
    int line = df_err_line_of(err.msg, path, &msg);
    const struct df_problems *bad = glossary ? &gloss.problems : &res.problems;
    struct df_problems one = {0};
    if (bad->named == 0) {   /* the file refused whole (its header, its encoding) */
        df_problems_add_coded(&one, line, err.msg, &err);
        bad = &one;
    }
    json_t *errors = json_array();
    for (int i = 0; errors && i < bad->named; i++)
        json_array_append_new(errors, problem_json(bad, i, path));
    /* a file refused by its rows was read: in what, when not UTF-8 (its
     * names in the messages are that reading's) */
    bool legacy = !glossary && (res.encoding == CODEPAGE_CP1251 || res.encoding == CODEPAGE_CP1252);
    http_reply_json(r, 422, json_pack("{s{ss ss sI so si ss*}}", "error", "code",
                                      glossary ? "invalid_glossary" : "invalid_csv",
                                      "message", msg, "line", (json_int_t)line, "errors", errors,
                                      "refused", bad->n ? bad->n : 1, "encoding",
                                      legacy ? codepage_name(res.encoding) : NULL));
}

const struct http_route http_web_routes[] = {
    {"GET", "/api/v1/forum", h_forum, ROUTE_PUBLIC},
    {"GET", "/api/v1/cpv", h_cpv, 0},
    {"GET", "/api/v1/search/organisations", h_search_orgs, 0},
    {"GET", "/api/v1/console/people", h_people, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/people/{id}/checkin", h_checkin, ROUTE_ORGANISER},
    {"DELETE", "/api/v1/console/people/{id}/checkin", h_checkin_undo, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/invitations", h_invite, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/events/{id}/meetings", h_meetings, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/events/{id}/summary", h_summary, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/events/{id}/outcomes", api_event_outcomes, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/events/{id}/report", h_report, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/import/{kind}", h_import, ROUTE_ORGANISER | ROUTE_CSV_IMPORT |
     ROUTE_SLOT(HTTP_SLOT_IMPORT)},
    {"GET", "/api/v1/console/glossary", h_glossary, ROUTE_ORGANISER},
    /* the organisers' follow-up list after the forum */
    {"GET", "/api/v1/console/events/{id}/follow-up", h_follow_up, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/export/{kind}", h_export, ROUTE_ORGANISER},
    {"GET", "/api/v1/console/glossary/status", h_glossary_status, ROUTE_ORGANISER},
    /* name badges to print (dfnc badges) */
    {"GET", "/api/v1/console/badges.pdf", h_badges, ROUTE_ORGANISER | ROUTE_SLOT(HTTP_SLOT_BADGES)},
    /* agendas on paper (dfnc agendas): the desk's, and a participant's own */
    {"GET", "/api/v1/console/agendas.pdf", h_agendas, ROUTE_ORGANISER | ROUTE_SLOT(HTTP_SLOT_AGENDAS)},
    {"GET", "/api/v1/me/agenda.pdf", h_my_agenda_pdf, 0},
    /* the forum's day (handlers_day.c) */
    {"POST", "/api/v1/me/meetings/{id}/absent", api_me_absent, 0},
    {"GET", "/api/v1/console/absences", api_console_absences, ROUTE_ORGANISER},
    {"POST", "/api/v1/console/absences/{id}/dealt", api_console_absence_dealt, ROUTE_ORGANISER},
};
const int http_web_routes_n = sizeof http_web_routes / sizeof http_web_routes[0];

/* ---- the embedded files --------------------------------------------------------------- */

/* "uk" when Accept-Language ranks Ukrainian above English (q-values honoured),
 * otherwise NULL (English). */
static const char *preferred_lang(const char *al)
{
    double best_uk = -1, best_en = -1;
    for (const char *p = al; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *tag = p;
        while (*p && *p != ',' && *p != ';' && *p != ' ')
            p++;
        size_t tl = (size_t)(p - tag);
        double q = 1.0;
        while (*p && *p != ',') {
            if (strncmp(p, ";q=", 3) == 0)
                q = strtod(p + 3, NULL);
            p++;
        }
        if (tl >= 2 && strncasecmp(tag, "uk", 2) == 0 && (tl == 2 || tag[2] == '-'))
            best_uk = q > best_uk ? q : best_uk;
        else if (tl >= 2 && strncasecmp(tag, "en", 2) == 0 && (tl == 2 || tag[2] == '-'))
            best_en = q > best_en ? q : best_en;
    }
    return best_uk > 0 && best_uk > best_en ? "uk" : NULL;
}

/* The CSP allows only this origin: no inline script or style, no frames. */
static const char csp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

bool http_web_is_page(const char *path)
{
    const char *last = strrchr(path, '/');
    return !last || !strchr(last, '.');
}

void http_web_csp(struct http_req *r) { http_reply_header(r, "Content-Security-Policy", csp); }

/* Files under this build's /v/VERSION/ never change: a browser keeps them a
 * year without asking again. Any other name is asked again each time it is
 * used (a cheap 304). */
static const char *asset_cache_control(bool current_version)
{
    return current_version ? "public, max-age=31536000, immutable" : "no-cache";
}

void http_web_serve(struct http_req *r)
{
    bool current = false;
    const char *path = r->url.path && *r->url.path ? r->url.path : "/";
    bool is_index = http_web_is_page(path) || strcmp(path, "/index.html") == 0;
    const char *lang = NULL;
    if (is_index) {
        lang = preferred_lang(MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
                                                          "Accept-Language"));
        path = "/index.html";
    } else {
        path = web_asset_unversioned(path, &current);
    }
    const struct web_asset *a = web_asset_find(path, lang);
    http_web_csp(r);
    if (!a) {
        http_reply_error(r, 404, "not_found", "no such file");
        return;
    }
    bool gz = a->gz && http_accepts_gzip(MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
                                                                     "Accept-Encoding"));
    const char *etag = gz ? a->gz_etag : a->etag;
    http_reply_header(r, "ETag", etag);
    http_reply_header(r, "Cache-Control", asset_cache_control(current));
    if (is_index)
        http_reply_header(r, "Vary", a->gz ? "Accept-Language, Accept-Encoding" : "Accept-Language");
    else if (a->gz)
        http_reply_header(r, "Vary", "Accept-Encoding");
    if (gz)
        http_reply_header(r, "Content-Encoding", "gzip");
    const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-None-Match");
    if (inm && strstr(inm, etag))
        http_reply_static(r, 304, a->mime, "", 0);
    else
        http_reply_static(r, 200, a->mime, gz ? a->gz : a->data, gz ? a->gz_len : a->len);
}
