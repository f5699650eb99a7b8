/* A participant's data on request (GDPR Arts. 15 and 20: her copy, one JSON
 * document) and its erasure (Art. 17), shared by `dfnc person`, the
 * organisers' desk and her own profile page. What is read and erased, table
 * by table, is store/privacy.h's. */
#ifndef DFNC_APP_PRIVACY_H
#define DFNC_APP_PRIVACY_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/buf.h"
#include "store/store.h"

/* The format's name and version, the document's "format". */
#define APP_PRIVACY_FORMAT "dfnc-personal-data/1"

/* Person id's data as one JSON object appended to out: "format",
 * "exported_at" (now, Unix seconds) and store_privacy_parts' keys, read in
 * one read. DF_ERR_NOT_FOUND for no such person. */
int app_person_data(struct store *s, const char *id, long long now, struct buf *out,
                    struct df_err *err);

/* Who erases a person, and when. */
struct app_erasure_by {
    const char *actor;   /* the audit line's name: an organiser's login, "cli", or her id */
    bool herself;        /* she asked on her own page: her cancels are hers */
    long long now;       /* Unix seconds: a meeting whose slot has begun by now is held */
};

/* What an erasure did: the requests it cancelled, the meetings held it kept. */
struct app_erasure {
    int cancelled, held;
};

/* Erases person id for by, in one transaction: her pending requests
 * withdrawn and her accepted meetings to come cancelled as a cancel does
 * (the other side's agenda and mail say so: by her when she erases
 * herself, by the organisers when they erase her, never that she
 * cancelled what they did), then store_privacy_erase, and an audit line
 * "person.erase" naming by->actor and her id only. Her meetings held (their
 * slot begun by by->now) stay, with her nameless row: the report's and the
 * outcomes' figures stay true. DF_ERR_NOT_FOUND for no such person,
 * DF_ERR_CONFLICT when she is erased already; nothing written on an error.
 * *done (may be NULL) gets the counts. */
int app_person_erase(struct store *s, const struct app_erasure_by *by, const char *id,
                     struct arena *a, struct app_erasure *done, struct df_err *err);

#endif
