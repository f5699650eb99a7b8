/* dfnc user add: creates a login; dfnc user password: gives one a new
 * password. The password comes on standard input so it never shows in the
 * process list or the shell history. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app/auth.h"
#include "cli/cli.h"
#include "store/auth.h"

/* Reads one line (the password) from stdin without its newline. */
static int read_password(char *pw, size_t cap, struct df_err *err)
{
    if (!fgets(pw, (int)cap, stdin))
        return df_err_set(err, DF_ERR_INPUT, "no password on standard input");
    size_t n = strlen(pw);
    if (n == cap - 1 && pw[n - 1] != '\n')
        return df_err_set(err, DF_ERR_INPUT, "the password is longer than %d bytes",
                          APP_PASSWORD_MAX);
    while (n && (pw[n - 1] == '\n' || pw[n - 1] == '\r'))
        pw[--n] = '\0';
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

int cli_cmd_user(struct cli_ctx *ctx, int argc, char **argv)
{
    const char *email = NULL, *role = NULL, *person = NULL;
    int from_stdin = 0, contact = 0;
    static const struct option opts[] = {
        {"email", required_argument, NULL, 'e'}, {"role", required_argument, NULL, 'r'},
        {"person", required_argument, NULL, 'p'}, {"password-stdin", no_argument, NULL, 's'},
        {"contact", no_argument, NULL, 'c'}, {0, 0, 0, 0}};
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
