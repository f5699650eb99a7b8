/* Messages between the people of a meeting request ("Could we meet at our
 * stand instead?"): its requester, its addressee and its attendees, no one
 * else (organisers included: like an outcome's note, a message is read by
 * its people alone). The rules of who may write when live here. */
#ifndef DFNC_APP_MESSAGES_H
#define DFNC_APP_MESSAGES_H

#include <jansson.h>

#include "core/err.h"
#include "store/store.h"

/* A message's bytes: at least 1, at most this. */
#define APP_MESSAGE_MAX 2000
/* While a request waits for its answer, the requester's messages before the
 * addressee answers or writes: a request is not a mailbox for pitches. */
#define APP_MESSAGES_BEFORE_ANSWER 2
/* A person's messages in any hour, over every thread. */
#define APP_MESSAGES_PER_HOUR 30

/* text as a message takes it: 1 to APP_MESSAGE_MAX bytes, not blank, line
 * breaks allowed, no control or bidi character. 0, or -1 with DF_ERR_INPUT. */
int app_message_text_check(const char *text, struct df_err *err);

/* Why a party may not write in a thread now (app_message_send's returns). */
#define APP_MESSAGE_READ_ONLY (-2)      /* the request is declined or cancelled */
#define APP_MESSAGE_AWAIT_ANSWER (-3)   /* pending, and the requester has said enough */
#define APP_MESSAGE_LIMITED (-4)        /* APP_MESSAGES_PER_HOUR reached */

/* person (signed in as actor, the audit line's name) writes text in
 * request's thread: one transaction with an audit line that holds no text.
 * 0, -1 with err (DF_ERR_INPUT for the text, DF_ERR_NOT_FOUND when person
 * is none of request's people or there is no such request), or one of the
 * codes above with DF_ERR_CONFLICT and a sentence saying why; nothing is
 * kept but on 0. */
int app_message_send(struct store *s, const char *actor, const char *person,
                     const char *request, const char *text, struct df_err *err);

/* request's thread as person reads it, marking it read up to its newest
 * message: {"request", "status", "can_write", "why_not" (null, "read_only"
 * or "await_answer"), "messages": [{"author", "author_name", "mine", "text",
 * "created_at"}]} (author and author_name null for a person removed since).
 * A new reference, or NULL with err (DF_ERR_NOT_FOUND when person is none of
 * its people). */
json_t *app_message_thread(struct store *s, const char *person, const char *request,
                           struct df_err *err);

/* {"unread": threads with news, "threads": [{"request", "messages", "new"}]}
 * of person's threads that have messages. A new reference, NULL with err. */
json_t *app_message_threads(struct store *s, const char *person, struct df_err *err);

#endif
