/* The organisers write, by mail, to the people the console's list shows
 * (POST /console/people/mail): those its filters pick, every page, each
 * one mail (kind "organisers") in her language with their own subject and
 * words, a dry run first to count them. */
#ifndef DFNC_APP_PEOPLE_MAIL_H
#define DFNC_APP_PEOPLE_MAIL_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"
#include "store/web.h"

/* A subject is one line a mail program shows whole; the words a note, not
 * a newsletter. In bytes, either language. */
#define APP_PEOPLE_MAIL_SUBJECT_MAX 200
#define APP_PEOPLE_MAIL_TEXT_MAX 4000
/* The same send again within this many seconds is taken for a double
 * click and refused (sent_just_now) unless asked for again. */
#define APP_PEOPLE_MAIL_AGAIN_SECONDS 60

/* What the organisers write: subject and text the English (or only) words,
 * subject_uk and text_uk the Ukrainian (NULL or "": none; a Ukrainian
 * reader gets each in English where none is given). The caller has checked
 * their lengths and characters. */
struct app_people_mail_in {
    const char *subject, *text, *subject_uk, *text_uk;
    bool dry_run;   /* counts, writes nothing */
    bool again;     /* the same send within APP_PEOPLE_MAIL_AGAIN_SECONDS is meant */
};

/* What a send did (a dry run: would do). */
struct app_people_mail {
    int people;       /* whom the filters pick */
    int mailed;       /* those a mail goes to */
    int not_mailed;   /* the rest: no usable address, mail turned off */
};

/* The ids of everyone q picks (its limit and offset ignored: every page),
 * as the list orders them, into *ids (in a), *n how many. 0, or -1 with
 * err. */
int app_people_pick(struct store *s, const struct store_web_people_query *q, struct arena *a,
                    const char ***ids, int *n, struct df_err *err);

/* Mails in's words to everyone q picks (q completed by
 * app_people_list_query), in one transaction with an audit line by actor
 * that names the filters and counts, not the words (the mails keep them).
 * -1 with err: DF_ERR_CONFLICT mail_off while the forum sends no mail (a
 * dry run too), sent_just_now for the same filters and words sent within
 * APP_PEOPLE_MAIL_AGAIN_SECONDS (by the machine's clock) unless in->again;
 * nothing written then. now is the forum's clock. */
int app_people_mail(struct store *s, const char *actor, const struct store_web_people_query *q,
                    const struct app_people_mail_in *in, long long now,
                    struct app_people_mail *out, struct df_err *err);

#endif
