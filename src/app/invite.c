/* Invitations in bulk (see invite.h). */
#include "app/invite.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/fields.h"
#include "app/mail.h"
#include "core/date.h"
#include "io/csv.h"
#include "io/mailmsg.h"
#include "store/invite.h"

/* t (unix seconds) as ISO 8601 in UTC into out. */
int app_invitations_prune(struct store *s, const char *actor, const unsigned char *hash,
                          int64_t now, struct arena *a, struct df_err *err)
{
    struct store_expired_invitation *gone;
    int n;
    if (store_invitation_prune(s, hash, now, a, &gone, &n, err) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        char at[DATE_UTC_TEXT_SIZE], detail[64];
        date_utc_text(gone[i].expires_at, at);
        snprintf(detail, sizeof detail, "unused, expired %s", at);
        if (store_audit(s, actor, "user.invitation_expire", "user", gone[i].email, detail, err) < 0)
            return -1;
    }
    return 0;
}

/* Why p gets no invitation in a run over everyone (a counter of sum to
 * raise), or NULL when they get one. */
static int *skipped(const struct store_invitee *p, int64_t now, struct app_invite_summary *sum)
{
    if (p->user && p->has_password)
        return &sum->has_password;
    if (p->user && p->invite_expires > now)
        return &sum->pending;
    struct df_err ignored = {0};
    if (!p->user && (!p->email || app_email_check("email", p->email, &ignored) < 0))
        return &sum->no_email;
    return NULL;
}

/* An organisation without a contact would have nobody but the organisers
 * to state its offers and needs: the first of its people invited becomes
 * it (the organisers may name another at the help desk, PUT
 * /organisations/{id}). 0, or -1 with err. */
static int claim_contact(struct store *s, const char *actor, const char *person,
                         struct app_invite_summary *sum, struct df_err *err)
{
    int made = store_org_contact_claim(s, person, err);
    if (made <= 0)
        return made;
    sum->contacts++;
    return store_audit(s, actor, "org.contact", "person", person,
                       "made their organisation's contact at invitation: it had none", err);
}

/* Queues inv's mail (made at now) in the run's transaction, or counts it
 * not mailed when its address can carry none. Its text is composed in an
 * arena of its own, freed at once: a run of thousands stays within the
 * caller's. 0, or -1 with err. */
static int mail_invitation(struct store *s, const struct app_mail_forum *m,
                           const struct app_invitation *inv, int64_t now,
                           struct app_invite_summary *sum, struct df_err *err)
{
    if (!mailmsg_address_ok(inv->email)) {
        sum->not_mailed++;
        return 0;
    }
    char link[APP_INVITE_LINK_MAX];
    struct arena one;
    arena_init(&one, 0);
    struct app_mail_to to = {.person = inv->person, .email = inv->email,
                             .lang = inv->language,
                             .public_url = arena_strndup(&one, m->url, (size_t)m->url_n)};
    struct app_mail_facts f = {
        .kind = "invitation", .link = link, .link_seconds = inv->expires_at - now,
        .link_expires_at = inv->expires_at,
        .event = m->has_event ? app_mail_event_name(&m->ev, inv->language) : NULL,
        .timezone = m->has_event ? m->ev.timezone : NULL};
    int rc = !to.public_url
                 ? df_err_set(err, DF_ERR_RUNTIME, "out of memory writing an invitation")
             : app_invite_link(m->url, m->url_n, inv->token, link, err) < 0 ||
                     app_mail_queue(s, &to, &f, &one, err) < 0
                 ? -1
                 : 0;
    sodium_memzero(link, sizeof link);
    arena_free(&one);
    if (rc == 0)
        sum->mailed++;
    return rc;
}

/* Invites p (the checks made): a login if they have none, then a new
 * invitation handed to emit (unless NULL) and mailed when m is not NULL.
 * 0; 1 when their e-mail is another login's; -1 with err. */
static int invite_one(struct store *s, const char *actor, const struct app_invite_opts *o,
                      const struct store_invitee *p, app_invitation_fn emit, void *ud,
                      const struct app_mail_forum *m, struct app_invite_summary *sum,
                      struct df_err *err)
{
    int64_t user = p->user;
    if (!user) {
        struct df_err taken = {0};
        /* no password: "" is no argon2id hash, so none signs in with it */
        if (store_user_add(s, p->email, "", "participant", p->person, &user, &taken) < 0) {
            if (taken.kind == DF_ERR_CONFLICT)
                return 1;
            *err = taken;
            return -1;
        }
        sum->new_logins++;
    } else {
        sum->renewed++;
    }
    struct app_invitation inv = {
        .person = p->person, .name = p->name, .org = p->org_name,
        .email = p->user ? p->user_email : p->email,
        .language = app_person_language(p->ui_language, p->languages, p->country),
        .expires_at = o->now + (o->seconds ? o->seconds : (int64_t)o->days * 86400)};
    unsigned char hash[STORE_TOKEN_HASH_LEN];
    app_token_new(inv.token);
    store_auth_token_hash(inv.token, hash);
    int rc = store_invitation_set(s, user, hash, o->now, inv.expires_at, err) < 0 ||
                     (emit && emit(ud, &inv, err) < 0) ||
                     (m && mail_invitation(s, m, &inv, o->now, sum, err) < 0)
                 ? -1
                 : 0;
    sodium_memzero(inv.token, sizeof inv.token);
    if (rc == 0)
        sum->invited++;
    return rc < 0 ? -1 : o->no_contact ? 0 : claim_contact(s, actor, p->person, sum, err);
}

/* The named person p, checked: 0, or -1 with err saying why they cannot be
 * invited. */
static int named_check(const struct store_invitee *p, struct df_err *err)
{
    if (p->user)
        return 0;
    if (!p->email) {
        df_err_set(err, DF_ERR_INPUT, "person \"%s\" has no e-mail address to invite",
                   p->person);
        return df_err_code(err, "no_email", "value", p->person, NULL);
    }
    struct df_err why = {0};
    if (app_email_check("email", p->email, &why) < 0) {
        /* the address's own code (email_invalid), for the desk's words */
        df_err_prefix(&why, "person \"%s\"", p->person);
        *err = why;
        return -1;
    }
    return 0;
}

int app_invite(struct store *s, const char *actor, const struct app_invite_opts *o,
               app_invitation_fn emit, void *ud, struct app_invite_summary *sum,
               struct arena *a, struct df_err *err)
{
    memset(sum, 0, sizeof *sum);
    struct app_mail_forum mail;
    /* the run is where links are made: the ones that lapsed go first */
    if ((o->mail && app_mail_forum_open(s, o->forum_now ? o->forum_now : o->now, a, &mail,
                                        err) < 0) ||
        app_invitations_prune(s, actor, NULL, o->now, a, err) < 0)
        return -1;
    int n_lists = o->persons ? o->persons_n : 1;
    for (int k = 0; k < n_lists; k++) {
        struct store_invitee *list;
        int n;
        bool again = false; /* named twice: one link, not two of which one works */
        for (int j = 0; o->persons && j < k && !again; j++)
            again = strcmp(o->persons[j], o->persons[k]) == 0;
        if (again)
            continue;
        if (store_invitees(s, o->persons ? o->persons[k] : NULL, a, &list, &n, err) < 0)
            return -1;
        for (int i = 0; i < n; i++) {
            int *why = NULL;
            if (o->persons ? named_check(&list[i], err) < 0
                           : (why = skipped(&list[i], o->now, sum)) != NULL) {
                if (!why)
                    return -1;
                (*why)++;
                continue;
            }
            if (o->mail && !emit &&
                !mailmsg_address_ok(list[i].user ? list[i].user_email : list[i].email)) {
                sum->not_mailed++;   /* the mail alone would carry a link that cannot go */
                continue;
            }
            int rc = invite_one(s, actor, o, &list[i], emit, ud, o->mail ? &mail : NULL, sum,
                                err);
            if (rc < 0)
                return -1;
            if (rc == 1 && o->persons) {
                df_err_set(err, DF_ERR_INPUT, "person \"%s\": another login has the e-mail %s",
                           list[i].person, list[i].email);
                return df_err_code(err, "email_other_login", "value", list[i].email, "id",
                                   list[i].person, NULL);
            }
            if (rc == 1 && sum->taken_named < APP_INVITE_TAKEN_NAMED)
                sum->taken[sum->taken_named++] =
                    (struct app_invite_taken){list[i].person, list[i].email};
            if (rc == 1)
                sum->email_taken++;
        }
    }
    char detail[240];
    int n = snprintf(detail, sizeof detail, "%d invited (%d new logins, %d renewed), %d skipped",
                     sum->invited, sum->new_logins, sum->renewed,
                     sum->pending + sum->has_password + sum->no_email + sum->email_taken);
    if (o->mail)
        snprintf(detail + n, sizeof detail - (size_t)n,
                 "; %d mailed, %d not (an address mail cannot carry)", sum->mailed,
                 sum->not_mailed);
    return store_audit(s, actor, "user.invite", "user", o->persons ? "named people" : "everyone",
                       detail, err);
}

int app_invite_link(const char *base, int base_n, const char *token,
                    char link[APP_INVITE_LINK_MAX], struct df_err *err)
{
    /* a public URL within its bound always fits (the CLI and the server refuse
     * longer ones); another caller's is refused below rather than cut */
    int n = snprintf(link, APP_INVITE_LINK_MAX, "%.*s/welcome#%s", base_n, base, token);
    if (n < 0 || (size_t)n >= APP_INVITE_LINK_MAX) {
        /* a cut link would cut its token: an invitation nobody can use */
        sodium_memzero(link, APP_INVITE_LINK_MAX);
        return df_err_set(err, DF_ERR_INPUT,
                          "the public URL is too long for an invitation link (%d bytes; at "
                          "most %zu)", base_n, APP_INVITE_LINK_MAX - sizeof "/welcome#" -
                          strlen(token));
    }
    return 0;
}

void app_invite_csv_open(struct app_invite_csv *c, FILE *f, const char *base)
{
    c->f = f;
    c->base = base;
    c->base_n = (int)strlen(base);
    while (c->base_n > 0 && base[c->base_n - 1] == '/')
        c->base_n--;
    fputs("person,name,email,organisation,language,link,expires\n", f);
}

int app_invite_csv_row(void *ud, const struct app_invitation *inv, struct df_err *err)
{
    struct app_invite_csv *c = ud;
    char link[APP_INVITE_LINK_MAX], expires[DATE_UTC_TEXT_SIZE];
    if (app_invite_link(c->base, c->base_n, inv->token, link, err) < 0)
        return -1;
    date_utc_text(inv->expires_at, expires);
    const char *fields[] = {inv->person, inv->name, inv->email, inv->org, inv->language,
                            link, expires};
    csv_write_record(c->f, fields, (int)(sizeof fields / sizeof fields[0]));
    sodium_memzero(link, sizeof link);
    if (ferror(c->f))
        return df_err_set(err, DF_ERR_RUNTIME, "cannot write the invitations: %m");
    return 0;
}

struct link_out {
    const char *base;
    int base_n;
    char *link;
    int64_t *expires_at;
};

static int keep_link(void *ud, const struct app_invitation *inv, struct df_err *err)
{
    struct link_out *o = ud;
    *o->expires_at = inv->expires_at;
    return app_invite_link(o->base, o->base_n, inv->token, o->link, err);
}

int app_invite_one(struct store *s, const char *actor, const char *person, int64_t life,
                   int64_t now, const char *base, char link[APP_INVITE_LINK_MAX],
                   int64_t *expires_at, bool *contact, struct arena *a, struct df_err *err)
{
    const char *const persons[] = {person};
    struct app_invite_opts o = {.persons = persons, .persons_n = 1, .seconds = life, .now = now,
                                .no_contact = !contact};
    struct link_out out = {.base = base, .base_n = (int)strlen(base), .link = link,
                           .expires_at = expires_at};
    while (out.base_n > 0 && base[out.base_n - 1] == '/')
        out.base_n--;
    struct app_invite_summary sum;
    if (app_invite(s, actor, &o, keep_link, &out, &sum, a, err) < 0) {
        sodium_memzero(link, APP_INVITE_LINK_MAX);
        return -1;
    }
    if (contact)
        *contact = sum.contacts > 0;
    return 0;
}

/* Mails person's new link (as app_invite_one made it, to expires_at) to
 * her login's address, in the caller's transaction. */
static int mail_link(struct store *s, const char *person, const char *link, int64_t now,
                     int64_t expires_at, struct arena *a, struct df_err *err)
{
    struct store_invitee *p;
    int n;
    struct app_mail_to to;
    if (store_invitees(s, person, a, &p, &n, err) < 0)
        return -1;
    int goes = n == 1 && p->user_email
                   ? app_mail_to_asked(s, person, p->user_email, NULL, NULL, a, &to, err)
                   : 0;
    if (goes == 0)
        return df_err_set(err, DF_ERR_CONFLICT,
                          "the forum sends no mail now, or her address can carry none: give "
                          "her the link");
    return goes < 0 ? -1 : app_mail_link(s, &to, "signin", link, now, expires_at, a, err);
}

int app_invite_person(struct store *s, const char *actor, const char *person, int days,
                      bool mail, int64_t now, const char *base, char link[APP_INVITE_LINK_MAX],
                      int64_t *expires_at, struct arena *a, struct df_err *err)
{
    if (store_begin(s, err) < 0)
        return -1;
    /* who gave whom a way into her account: a line naming her */
    bool contact;
    if (app_invite_one(s, actor, person, (int64_t)days * 86400, now, base, link, expires_at,
                       &contact, a, err) < 0 ||
        (mail && mail_link(s, person, link, now, *expires_at, a, err) < 0) ||
        store_audit(s, actor, "person.signin_link", "person", person,
                    mail ? "a new sign-in link made at the desk and mailed to her; their "
                           "earlier link no longer works"
                         : "a new sign-in link made at the desk; their earlier link no longer "
                           "works",
                    err) < 0 ||
        store_commit(s, err) < 0) {
        store_rollback(s);
        sodium_memzero(link, APP_INVITE_LINK_MAX);
        return -1;
    }
    return 0;
}
