/* Messages between the people of a meeting request (migration 28): a thread
 * per request, each party's read mark in it. The rules of who may write what
 * are app/messages.c's; here the rows. */
#ifndef DFNC_STORE_MESSAGES_H
#define DFNC_STORE_MESSAGES_H

#include "store/store.h"

/* person's place in a request's thread. */
enum store_message_party {
    STORE_MSG_NOT_PARTY,   /* no such request or person, or not one of its people */
    STORE_MSG_REQUESTER,
    STORE_MSG_ADDRESSEE,
    STORE_MSG_ATTENDEE,    /* one of request_attendees */
};

/* What the rules read of a thread for one of its people. */
struct store_message_side {
    enum store_message_party party;
    char status[16];                 /* the request's: pending, accepted, ... */
    long long by_requester, by_addressee;   /* messages each has written in it */
};
/* Fills out (party STORE_MSG_NOT_PARTY, the rest zero, when person is none
 * of request's people): 0, or -1 with err. */
int store_message_side(struct store *s, const char *request, const char *person,
                       struct store_message_side *out, struct df_err *err);

/* The messages person has written in the last hour, in any thread. */
long long store_messages_last_hour(struct store *s, const char *person, struct df_err *err);

/* Adds person's message to request's thread and moves her read mark to it
 * (she has seen the thread she writes in). 0, or -1 with err. */
int store_message_add(struct store *s, const char *request, const char *person,
                      const char *text, struct df_err *err);

struct store_message {
    long long seq;             /* its place in the forum's messages: larger is newer */
    const char *author;        /* person id, NULL when she was removed since */
    const char *author_name;   /* NULL likewise */
    const char *text, *created_at;   /* created_at UTC, "...Z" */
};
typedef int (*store_message_fn)(void *ud, const struct store_message *m);
/* request's messages, oldest first; a non-zero return from fn stops the walk
 * and is returned. */
int store_message_each(struct store *s, const char *request, store_message_fn fn, void *ud,
                       struct df_err *err);

/* person has read request's thread up to the message seq (a mark never goes
 * back). 0, or -1 with err. */
int store_message_mark_read(struct store *s, const char *request, const char *person,
                            long long seq, struct df_err *err);

/* A thread of person's with messages: how many, and how many of them others
 * wrote after her read mark. */
struct store_message_thread {
    const char *request;
    long long messages, unread;
};
typedef int (*store_message_thread_fn)(void *ud, const struct store_message_thread *t);
/* person's threads that have messages, by request id. */
int store_message_threads(struct store *s, const char *person, store_message_thread_fn fn,
                          void *ud, struct df_err *err);
/* How many of person's threads have a message from someone else after her
 * read mark; -1 with err. */
int store_messages_unread(struct store *s, const char *person, struct df_err *err);

/* The people of request's thread but person (requester, addressee,
 * attendees), each with whether a mail of the outbox told her of a message
 * of it she has not read (one after her read mark: store_mail's thread),
 * into ids[] and told[] (at most max; ids in a): how many, or -1 with err. */
int store_message_readers(struct store *s, const char *request, const char *person,
                          struct arena *a, const char **ids, bool *told, int max,
                          struct df_err *err);

/* How many of event's requests have a thread (at least one message): the
 * organisers' figure, never the text. -1 with err. */
long long store_message_thread_count(struct store *s, const char *event, struct df_err *err);

#endif
