/* Messages between the people of a meeting request (app/messages.h). */
#include "app/messages.h"

#include <string.h>

#include "app/mail.h"
#include "core/utf8.h"
#include "store/messages.h"

int app_message_text_check(const char *text, struct df_err *err)
{
    if (!text || !text[strspn(text, " \t\r\n")])
        return df_err_set(err, DF_ERR_INPUT, "text is empty: write a message");
    if (strlen(text) > APP_MESSAGE_MAX)
        return df_err_set(err, DF_ERR_INPUT, "text is longer than %d bytes", APP_MESSAGE_MAX);
    return utf8_text_check("text", text, err);
}

/* Why side may not write in its thread now: 0 when she may, else one of
 * app_message_send's codes. */
static int why_not(const struct store_message_side *side)
{
    if (strcmp(side->status, "pending") != 0 && strcmp(side->status, "accepted") != 0)
        return APP_MESSAGE_READ_ONLY;
    if (strcmp(side->status, "pending") == 0 && side->party == STORE_MSG_REQUESTER &&
        side->by_addressee == 0 && side->by_requester >= APP_MESSAGES_BEFORE_ANSWER)
        return APP_MESSAGE_AWAIT_ANSWER;
    return 0;
}

static int refuse(int code, const struct store_message_side *side, const char *request,
                  struct df_err *err)
{
    if (code == APP_MESSAGE_READ_ONLY)
        df_err_set(err, DF_ERR_CONFLICT,
                   "request \"%.128s\" is %s: its messages are kept to read, not to answer",
                   request, side->status);
    else
        df_err_set(err, DF_ERR_CONFLICT,
                   "request \"%.128s\" waits for its answer: %d messages are the most before "
                   "the addressee answers or writes",
                   request, APP_MESSAGES_BEFORE_ANSWER);
    return code;
}

/* 0 when person may write in request's thread now, else -1 or a code with err. */
static int check_may_write(struct store *s, const char *person, const char *request,
                           struct df_err *err)
{
    struct store_message_side side;
    if (store_message_side(s, request, person, &side, err) < 0)
        return -1;
    if (side.party == STORE_MSG_NOT_PARTY)
        return df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\" of yours", request);
    int code = why_not(&side);
    if (code)
        return refuse(code, &side, request, err);
    long long sent = store_messages_last_hour(s, person, err);
    if (sent < 0)
        return -1;
    if (sent >= APP_MESSAGES_PER_HOUR) {
        df_err_set(err, DF_ERR_CONFLICT,
                   "%d messages in an hour are the most: write again later",
                   APP_MESSAGES_PER_HOUR);
        return APP_MESSAGE_LIMITED;
    }
    return 0;
}

int app_message_send(struct store *s, const char *actor, const char *person,
                     const char *request, const char *text, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    /* who may write before what is written: to anyone else a request is 404
     * whatever the body, so no fault of the body tells that it exists */
    int may = check_may_write(s, person, request, err);
    if (may == 0 && app_message_text_check(text, err) < 0)
        may = -1;
    if (may != 0) {
        store_rollback(s);
        return may;
    }
    struct arena a;
    arena_init(&a, 0);
    int rc = store_message_add(s, request, person, text, err) < 0 ||
             app_mail_on_message(s, request, person, text, &a, err) < 0;
    arena_free(&a);
    if (rc || store_audit(s, actor, "message.send", "request", request, NULL, err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

struct thread_ctx {
    json_t *list;
    const char *me;
    long long last;   /* the newest message listed */
};

static int add_message(void *ud, const struct store_message *m)
{
    struct thread_ctx *k = ud;
    json_t *author = m->author ? json_string(m->author) : json_null();
    json_t *name = m->author_name ? json_string(m->author_name) : json_null();
    bool mine = m->author && strcmp(m->author, k->me) == 0;
    json_t *j = json_pack("{so so sb ss ss}", "author", author, "author_name", name, "mine", mine,
                          "text", m->text, "created_at", m->created_at);
    k->last = m->seq;
    return j && json_array_append_new(k->list, j) == 0 ? 0 : -1;
}

static const char *why_not_code(int code)
{
    return code == APP_MESSAGE_READ_ONLY      ? "read_only"
           : code == APP_MESSAGE_AWAIT_ANSWER ? "await_answer"
                                              : NULL;
}

/* Lists the thread into k and marks it read up to its newest message, in
 * one transaction: what she read is what is marked. */
static int read_thread(struct store *s, const char *person, const char *request,
                       struct thread_ctx *k, struct store_message_side *side, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    int rc = store_message_side(s, request, person, side, err);
    if (rc == 0 && side->party == STORE_MSG_NOT_PARTY)
        rc = df_err_set(err, DF_ERR_NOT_FOUND, "no request \"%.128s\" of yours", request);
    if (rc == 0 && (rc = store_message_each(s, request, add_message, k, err)) > 0)
        rc = df_err_set(err, DF_ERR_RUNTIME, "out of memory listing messages");
    if (rc == 0 && k->last > 0)
        rc = store_message_mark_read(s, request, person, k->last, err);
    if (rc < 0 || store_commit(s, err) < 0) {
        store_rollback(s);
        return -1;
    }
    return 0;
}

json_t *app_message_thread(struct store *s, const char *person, const char *request,
                           struct df_err *err)
{
    struct thread_ctx k = {json_array(), person, 0};
    struct store_message_side side;
    if (!k.list || read_thread(s, person, request, &k, &side, err) < 0) {
        if (!k.list)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing messages");
        json_decref(k.list);
        return NULL;
    }
    const char *why = why_not_code(why_not(&side));
    json_t *j = json_pack("{ss ss sb so so}", "request", request, "status", side.status,
                          "can_write", why == NULL, "why_not",
                          why ? json_string(why) : json_null(), "messages", k.list);
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing messages");
    return j;
}

static int add_thread(void *ud, const struct store_message_thread *t)
{
    json_t *j = json_pack("{ss sI sI}", "request", t->request, "messages",
                          (json_int_t)t->messages, "new", (json_int_t)t->unread);
    return j && json_array_append_new(ud, j) == 0 ? 0 : -1;
}

json_t *app_message_threads(struct store *s, const char *person, struct df_err *err)
{
    json_t *list = json_array();
    int rc = list ? store_message_threads(s, person, add_thread, list, err) : 1;
    long long unread = 0;
    for (size_t i = 0; rc == 0 && i < json_array_size(list); i++)
        unread += json_integer_value(json_object_get(json_array_get(list, i), "new")) > 0;
    if (rc != 0) {
        if (rc > 0)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory listing message threads");
        json_decref(list);
        return NULL;
    }
    json_t *j = json_pack("{sI so}", "unread", (json_int_t)unread, "threads", list);
    if (!j)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory listing message threads");
    return j;
}
