/* dfnc user add: creates a login; dfnc user password: gives one a new
 * password. The password comes on standard input so it never shows in the
 * process list or the shell history. dfnc user invite: logins without a
 * password and one-time links to choose one, as a CSV for a mail merge,
 * or mailed by dfnc itself (--mail). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/auth.h"
#include "app/invite.h"
#include "cli/cli.h"
#include "core/file.h"
#include "store/auth.h"
#include "store/mail.h"

/* Reads one line (the password) from stdin without its line end, into pw
 * (cap bytes). A NUL byte is refused, not taken for the password's end: the
 * password set would be shorter than the one typed. */
static int read_password(char *pw, size_t cap, struct df_err *err)
{
    size_t n = 0;
    int c;
    while ((c = getchar()) != EOF && c != '\n') {
        if (c == '\0')
            return df_err_set(err, DF_ERR_INPUT, "the password holds a NUL byte (byte %zu)",
                              n + 1);
        if (n == cap - 1)
            return df_err_set(err, DF_ERR_INPUT, "the password is longer than %d bytes",
                              APP_PASSWORD_MAX);
        pw[n++] = (char)c;
    }
    if (n == 0 && c == EOF)
        return df_err_set(err, DF_ERR_INPUT, "no password on standard input");
    while (n && pw[n - 1] == '\r')
        n--;
    pw[n] = '\0';
    return 0;
}

/* Whether the options leave out what the subcommand needs or give what it
 * does not take; if so, says which on stderr (a usage line alone had left a
 * newcomer guessing, and no prompt asks for the password). */
static bool refused(bool add, const char *email, const char *role, const char *person,
                    int contact, int from_stdin)
{
    const char *why =
        !email && add         ? "user add needs --email"
        : !email              ? "user password needs --email"
        : !from_stdin         ? "the password is read from standard input: give --password-stdin"
        : add && !role        ? "user add needs --role organiser or participant"
        : contact && !person  ? "--contact makes --person the contact: give --person"
        : !add && (role || person || contact)
            ? "user password takes --email and --password-stdin only"
            : NULL;
    if (why)
        fprintf(stderr, "dfnc: %s\n", why);
    return why != NULL;
}

/* Length of url without its trailing slashes. */
static size_t url_len(const char *url)
{
    size_t n = strlen(url);
    while (n > 0 && url[n - 1] == '/')
        n--;
    return n;
}

/* With --mail, the links' base: the address the forum's mail links to
 * (dfnc mail setup's, or serve --smtp's), which every mail's links begin
 * with; a --public-url given must be that one, so the CSV and the mail hand
 * a person the same link. *base in a; 0, or -1 with err (DF_ERR_CONFLICT:
 * mail off, or another address). */
static int mail_base(struct store *s, const char *public_url, struct arena *a,
                     const char **base, struct df_err *err)
{
    int on = store_mail_config_get(s, a, base, err);
    if (on < 0)
        return -1;
    if (!on)
        return df_err_set(err, DF_ERR_CONFLICT,
                          "--mail: the forum sends no mail; turn it on first (dfnc mail setup "
                          "--public-url URL), or leave out --mail and mail the CSV's links "
                          "yourself: nobody was invited");
    if (public_url && (url_len(public_url) != url_len(*base) ||
                       strncmp(public_url, *base, url_len(*base)) != 0))
        return df_err_set(err, DF_ERR_CONFLICT,
                          "--public-url %s is not the address the forum's mail links to (%s, "
                          "dfnc mail setup's): leave it out, or change that first: nobody was "
                          "invited", public_url, *base);
    return 0;
}

/* dfnc user invite (argv[0] "invite"). */
static int user_invite(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *out_path = NULL, *public_url = NULL;
    long long days = APP_INVITE_DAYS;
    int all = 0, mail = 0;
    static const struct option opts[] = {
        {"all", no_argument, NULL, 'a'}, {"days", required_argument, NULL, 'd'},
        {"public-url", required_argument, NULL, 'u'}, {"out", required_argument, NULL, 'o'},
        {"mail", no_argument, NULL, 'm'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    /* options and person ids in any order (getopt moves the ids last) */
    for (int c; (c = cli_getopt(argc, argv, "", opts, &seen)) != -1;) {
        switch (c) {
        case 'a': all = 1; break;
        case 'd':
            if (cli_whole_arg("days", optarg, 1, APP_INVITE_DAYS_MAX, &days) < 0)
                return cli_usage("user");
            break;
        case 'u':
            if (cli_public_url_arg(optarg) < 0)
                return cli_usage("user");
            public_url = optarg;
            break;
        case 'o': out_path = optarg; break;
        case 'm': mail = 1; break;
        default: return cli_usage("user");
        }
    }
    int named = argc - optind;
    const char *why = !out_path && !mail       ? "user invite needs --out FILE.csv (or - for "
                                                 "stdout), or --mail"
                      : !public_url && !mail   ? "user invite needs --public-url URL, the forum's "
                                                 "address the links begin with"
                      : all && named           ? "user invite takes --all or person ids, not both"
                      : !all && !named         ? "user invite needs --all or person ids"
                                               : NULL;
    if (why) {
        fprintf(stderr, "dfnc: %s\n", why);
        return cli_usage("user");
    }
    struct df_err err = {0};
    struct store *s = NULL;
    struct arena a;
    arena_init(&a, 0);
    struct file_replace w = {0};
    struct app_invite_csv o = {0};
    struct app_invite_opts io = {.persons = named ? (const char *const *)argv + optind : NULL,
                                 .persons_n = named, .days = (int)days, .mail = mail,
                                 .now = (int64_t)time(NULL)};
    struct app_invite_summary sum;
    bool to_stdout = out_path && strcmp(out_path, "-") == 0;
    int rc = -1;
    if (app_auth_init(&err) < 0 || store_open(&s, ctx->db_path, &err) < 0 ||
        (mail && mail_base(s, public_url, &a, &public_url, &err) < 0))
        goto out;
    if (out_path) {
        if (!(o.f = to_stdout ? stdout : file_replace_open_private(&w, out_path, &err)))
            goto out;
        app_invite_csv_open(&o, o.f, public_url);
    }
    /* the file holds live sign-in links: only its owner may read it (0600).
     * The links are whole on disk before the commit and in place only after
     * it: a run that cannot write them leaves no invitation behind that
     * nobody holds a link to, and a commit that fails leaves the file as it
     * was (a previous run's links, still live then, among them). */
    if (store_begin(s, &err) < 0 ||
        app_invite(s, "cli", &io, out_path ? app_invite_csv_row : NULL, &o, &sum, &a, &err) < 0)
        goto out;
    /* without --out, the mail alone carries the links */
    if (out_path && (to_stdout ? fflush(stdout) != 0 || ferror(stdout)
                               : file_replace_sync(&w, &err) < 0)) {
        if (to_stdout)
            df_err_set(&err, DF_ERR_RUNTIME, "cannot write the invitations: %m");
        o.f = NULL;
        goto out;
    }
    o.f = NULL;
    if (store_commit(s, &err) < 0) {
        if (out_path && !to_stdout)
            file_replace_abort(&w);
        goto out;
    }
    if (out_path && !to_stdout && file_replace_commit(&w, &err) < 0)
        goto out;   /* the invitations are made: err names where their links are */
    fprintf(stderr,
            "invited %d (%d new login%s, %d renewed); skipped %d: %d invited and not signed in "
            "yet, %d with a password, %d without a valid e-mail, %d whose e-mail another login "
            "has\n",
            sum.invited, sum.new_logins, sum.new_logins == 1 ? "" : "s", sum.renewed,
            sum.pending + sum.has_password + sum.no_email + sum.email_taken, sum.pending,
            sum.has_password, sum.no_email, sum.email_taken);
    for (int i = 0; i < sum.taken_named; i++)
        fprintf(stderr, "not invited: person %s, whose e-mail %s another login has\n",
                sum.taken[i].person, sum.taken[i].email);
    if (sum.email_taken > sum.taken_named)
        fprintf(stderr, "... and %d more whose e-mail another login has\n",
                sum.email_taken - sum.taken_named);
    if (mail)
        fprintf(stderr,
                "mailed %d: queued in the outbox (serve --smtp or dfnc mail send sends them)\n",
                sum.mailed);
    if (sum.not_mailed > 0)
        fprintf(stderr,
                "not mailed %d: an address no mail can carry (not ASCII); %s\n", sum.not_mailed,
                out_path ? "their links are in the CSV only"
                         : "not invited: with --out FILE.csv, a run gives you their links");
    if (sum.contacts > 0)
        fprintf(stderr,
                "%d made their organisation's contact, who may edit its profile, offers and "
                "needs: it had none (the console's help-desk page of a person names another)\n",
                sum.contacts);
    rc = 0;
out:
    if (o.f && !to_stdout)
        file_replace_abort(&w);
    if (s)
        store_rollback(s);
    store_close(s);
    arena_free(&a);
    return rc ? cli_fail(&err) : 0;
}

int cli_cmd_user(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *email = NULL, *role = NULL, *person = NULL;
    int from_stdin = 0, contact = 0;
    static const struct option opts[] = {
        {"email", required_argument, NULL, 'e'}, {"role", required_argument, NULL, 'r'},
        {"person", required_argument, NULL, 'p'}, {"password-stdin", no_argument, NULL, 's'},
        {"contact", no_argument, NULL, 'c'}, {0, 0, 0, 0}};
    if (argc >= 2 && strcmp(argv[1], "invite") == 0)
        return user_invite(ctx, argc - 1, argv + 1);
    if (argc < 2 || (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "password") != 0))
        return cli_usage("user");
    bool add = strcmp(argv[1], "add") == 0;
    unsigned long long seen = 0;
    optind = 0;
    argc--, argv++;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        switch (c) {
        case 'e': email = optarg; break;
        case 'r': role = optarg; break;
        case 'p': person = optarg; break;
        case 's': from_stdin = 1; break;
        case 'c': contact = 1; break;
        default: return cli_usage("user");
        }
    }
    if (optind != argc || refused(add, email, role, person, contact, from_stdin))
        return cli_usage("user");

    struct df_err err = {0};
    struct store *s = NULL;
    struct arena a;
    arena_init(&a, 0);
    char pw[APP_PASSWORD_MAX + 2];
    struct app_new_login login;
    struct app_new_password np;
    int rc = 1;
    /* hashed before the transaction begins: a running server's writers wait
     * for the write only, not for argon2id's 70 ms */
    if (app_auth_init(&err) < 0 || read_password(pw, sizeof pw, &err) < 0 ||
        store_open(&s, ctx->db_path, &err) < 0 ||
        (add ? app_user_prepare(email, role, person, pw, false, &login, &err)
             : app_password_prepare(pw, &np, &err)) < 0 ||
        store_begin(s, &err) < 0)
        goto out;
    if (!add) {
        if (app_user_store_password(s, email, &np, &err) < 0 ||
            store_audit(s, "cli", "user.password", "user", email, NULL, &err) < 0 ||
            store_commit(s, &err) < 0)
            goto out;
        printf("login %s: new password set, its sessions ended\n", email);
        rc = 0;
        goto out;
    }
    if (app_user_store(s, &login, &err) < 0)
        goto out;
    if (contact) {
        struct store_person p;
        if (store_person_get(s, person, &a, &p, &err) < 0 ||
            store_org_contact_set(s, p.org, person, &err) < 0)
            goto out;
    }
    if (store_audit(s, "cli", "user.add", "user", email, role, &err) < 0 ||
        store_commit(s, &err) < 0)
        goto out;
    printf("login %s (%s%s%s) added\n", email, role, person ? ", person " : "",
           person ? person : "");
    rc = 0;
out:
    memset(pw, 0, sizeof pw);
    if (s)
        store_rollback(s);
    store_close(s);
    arena_free(&a);
    return rc ? cli_fail(&err) : 0;
}
