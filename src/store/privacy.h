/* A person's data as the GDPR names it: all that dfnc holds about her, read
 * (Arts. 15 and 20: her copy) and erased (Art. 17), table by table. The
 * lists below are the one place that says which tables hold her data; a
 * unit test holds them against the schema, so a new table naming people
 * that neither reads fails it. */
#ifndef DFNC_STORE_PRIVACY_H
#define DFNC_STORE_PRIVACY_H

#include <stdbool.h>

#include "core/buf.h"
#include "store/store.h"

/* The name an erased person's row keeps (people.name is NOT NULL); the pages
 * say "Erased participant" in their own language instead. */
#define STORE_ERASED_NAME "Erased participant"

/* One part of her copy: its key in the document, the tables it reads
 * (space-separated) and the query giving its JSON value. */
struct store_privacy_part {
    const char *key, *tables, *sql;
};
extern const struct store_privacy_part store_privacy_parts[];
extern const int store_privacy_parts_n;

/* The tables erasure writes (space-separated): its deletes and its
 * clearings, and those it scrubs her name and addresses out of. */
extern const char store_privacy_erased_tables[];

/* The JSON object of person id's data, the parts in order, appended to out:
 * 0, or -1 with err (DF_ERR_NOT_FOUND for no such person); one read, for
 * one state of the database. A request a run left without a meeting
 * because it made way for another (reason code made_way, whose own words
 * name the other request, not hers to read) gives made_way as its
 * unscheduled_reason: the app's words. */
int store_privacy_export(struct store *s, const char *id, const char *made_way, struct buf *out,
                         struct df_err *err);

/* The open requests of person id that her erasure cancels (pending or
 * accepted, she its requester or addressee), their ids into *ids (in a), *n
 * of them; *held counts those it keeps: accepted, their meeting held (its
 * slot begun by now, Unix seconds), a fact of the forum the report counts. */
int store_privacy_open_requests(struct store *s, const char *id, long long now, struct arena *a,
                                const char ***ids, int *n, int *held, struct df_err *err);

/* Erases person id in the caller's transaction at now (Unix seconds), her
 * requests to come already cancelled: deletes what is hers alone (her
 * messages, availability, logins with their sessions, devices, invitations
 * and failed sign-ins, feed token, mail to her, applications with her
 * address, her read marks; her place at meetings to come and her reports
 * on them), clears her outcomes' notes, her request messages and her row's
 * personal fields (name STORE_ERASED_NAME, erased_at now; her check-in
 * stays), and scrubs her name and addresses, in any case, out of the text
 * others keep (their mail, their messages and notes, the audit trail: her
 * address as an actor becomes "person:ID"). The meetings held stay whole,
 * with her nameless row in them. DF_ERR_NOT_FOUND for no such person,
 * DF_ERR_CONFLICT when already erased. */
int store_privacy_erase(struct store *s, const char *id, long long now, struct df_err *err);

#endif
