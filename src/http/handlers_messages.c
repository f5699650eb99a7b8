/* Messages between the people of a meeting request over the API (GET and
 * POST /requests/{id}/messages, GET /me/messages): its people only, 404 for
 * anyone else, organisers too. app/messages.c decides; the text is never
 * logged (the access log has the path, the audit line no text). */
#include "app/messages.h"
#include "http/api.h"

void api_request_messages(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    api_reply_json_or_error(r, app_message_thread(r->s, r->user.person, r->params[0], &err), &err);
}

void api_request_message_post(struct http_req *r)
{
    static const struct http_field f[] = {
        {"text", HJ_STRING, .required = true, .min = 1, .max = APP_MESSAGE_MAX, .lines = true},
        {NULL}};
    if (!api_need_person(r))
        return;
    json_t *b = http_body(r, f);
    if (!b)
        return;
    struct df_err err = {0};
    int rc = app_message_send(r->s, r->user.email, r->user.person, r->params[0],
                              http_json_str(b, "text"), &err);
    json_decref(b);
    /* their own codes: the page says each in its language */
    if (rc == APP_MESSAGE_READ_ONLY)
        http_reply_error(r, 409, "read_only", "%s", err.msg);
    else if (rc == APP_MESSAGE_AWAIT_ANSWER)
        http_reply_error(r, 409, "await_answer", "%s", err.msg);
    else if (rc == APP_MESSAGE_LIMITED)
        http_reply_error(r, 429, "rate_limited", "%s", err.msg);
    else if (rc < 0)
        http_reply_df_err(r, &err);
    else
        api_reply_json_or_error(r, app_message_thread(r->s, r->user.person, r->params[0], &err),
                            &err);
}

void api_me_messages(struct http_req *r)
{
    if (!api_need_person(r))
        return;
    struct df_err err = {0};
    api_reply_json_or_error(r, app_message_threads(r->s, r->user.person, &err), &err);
}
