/* dfnc serve: the web UI and JSON API over HTTP until SIGINT or SIGTERM. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "http/server.h"

static int int_arg(const char *name, const char *s, int lo, int hi, int *out)
{
    long long v;
    if (cli_whole_arg(name, s, lo, hi, &v) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

int cli_cmd_serve(struct cli_ctx *ctx, int argc, char **argv)
{
    struct http_options o = {.db_path = ctx->db_path, .listen = "127.0.0.1", .port = 8080,
                             .access_log = true};
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'}, {"port", required_argument, NULL, 'p'},
        {"threads", required_argument, NULL, 't'}, {"tls", no_argument, NULL, 'T'},
        {"behind-proxy", no_argument, NULL, 'P'}, {"web", required_argument, NULL, 'w'},
        {"no-access-log", no_argument, NULL, 'q'},
        {"session-ttl", required_argument, NULL, 's'},
        {"public-url", required_argument, NULL, 'u'},
        {"login-failures", required_argument, NULL, 'f'}, {0, 0, 0, 0}};
    unsigned long long seen = 0;
    optind = 0;
    for (int c; (c = cli_getopt(argc, argv, "+", opts, &seen)) != -1;) {
        int ok = 0;
        switch (c) {
        case 'l': o.listen = optarg; break;
        case 'p': ok = int_arg("port", optarg, 0, 65535, &o.port); break;
        case 't': ok = int_arg("threads", optarg, 1, 64, &o.threads); break;
        case 'T': o.tls = true; break;
        case 'P': o.behind_proxy = true; break;
        case 'w': o.web_dir = optarg; break;
        case 'q': o.access_log = false; break;
        case 's': ok = int_arg("session-ttl", optarg, 1, 30 * 24 * 3600, &o.limits.session_ttl); break;
        case 'u': o.public_url = optarg; break;
        case 'f':
            ok = sscanf(optarg, "%d:%d", &o.limits.per_account, &o.limits.per_ip) == 2 &&
                         o.limits.per_account > 0 && o.limits.per_ip > 0 ? 0 : -1;
            break;
        default: return cli_usage("serve");
        }
        if (ok < 0)
            return cli_usage("serve");
    }
    if (optind != argc)
        return cli_usage("serve");
    struct df_err err = {0};
    if (http_serve(&o, &err) < 0)
        return cli_fail(&err);
    return 0;
}
