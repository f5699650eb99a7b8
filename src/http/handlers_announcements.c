/* The organisers' announcements over the API: GET /announcements for
 * everyone signed in, POST and DELETE /console/announcements for organisers.
 * app/announcements.c decides. */
#include <string.h>

#include "app/announcements.h"
#include "http/api.h"

void api_announcements(struct http_req *r)
{
    struct df_err err = {0};
    json_t *j = app_announcements_json(r->s, api_is_organiser(r), http_server_forum_now(r->srv),
                                       &err);
    if (!j) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, j);
}

void api_announcement_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"text", HJ_STRING, .required = true, .min = 1, .max = APP_ANNOUNCEMENT_MAX},
        {"text_uk", HJ_STRING, .nullable = true, .max = APP_ANNOUNCEMENT_MAX},
        {"shows_from", HJ_STRING, .nullable = true, .max = 40},
        {"shows_until", HJ_STRING, .nullable = true, .max = 40},
        {"mail", HJ_BOOL, .required = false},
        {NULL}};
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    struct app_announcement_in in = {.text = http_json_str(b, "text"),
                                     .text_uk = http_json_str(b, "text_uk"),
                                     .shows_from = http_json_str(b, "shows_from"),
                                     .shows_until = http_json_str(b, "shows_until"),
                                     .mail = json_is_true(json_object_get(b, "mail"))};
    json_t *j = app_announcement_add(r->s, r->user.email, &in, http_server_forum_now(r->srv), &err);
    json_decref(b);
    if (!j) {
        if (err.kind == DF_ERR_CONFLICT && err.code && strcmp(err.code, "mail_off") == 0)
            http_reply_field_error(r, 409, "mail_off", "mail", err.msg);   /* as the invitations' */
        else
            http_reply_df_err(r, &err);   /* a refused time names its field */
        return;
    }
    http_reply_json(r, 201, j);
}

void api_announcement_delete(struct http_req *r)
{
    struct df_err err = {0};
    if (app_announcement_withdraw(r->s, r->user.email, r->params[0], &err) < 0) {
        http_reply_df_err(r, &err);
        return;
    }
    http_reply_json(r, 200, json_pack("{ss sb}", "id", r->params[0], "withdrawn", 1));
}
