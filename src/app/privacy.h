/* A participant's data on request (GDPR Arts. 15 and 20: her copy, one JSON
 * document) and its erasure (Art. 17), shared by `dfnc person`, the
 * organisers' desk and her own profile page. What is read and erased, table
 * by table, is store/privacy.h's. */
#ifndef DFNC_APP_PRIVACY_H
#define DFNC_APP_PRIVACY_H

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

/* Erases person id for actor (an organiser's login, "cli", or her own id),
 * in one transaction: her pending requests withdrawn and her accepted
 * meetings cancelled as a cancel does (the other side's agenda and mail
 * say so), then store_privacy_erase, and an audit line "person.erase"
 * naming actor and her id only. DF_ERR_NOT_FOUND for no such person,
 * DF_ERR_CONFLICT when she is erased already; nothing written on an error.
 * *cancelled (may be NULL) counts the requests withdrawn. */
int app_person_erase(struct store *s, const char *actor, const char *id, struct arena *a,
                     int *cancelled, struct df_err *err);

#endif
