/* The CORDIS partner-recommendation benchmark (../shared/data/README.md):
 * profiles from projects before a cut-off, queries = later projects with 3+
 * members, lead = coordinator, targets = the other members that had a profile.
 * Prints recall@10, recall@20, MRR and ms/query for dfnc, SQLite FTS5 bm25 and
 * popularity, measured in the same run; the hold-out ratio dfnc/BM25; and the
 * latency at 20,000 synthetic organisations. --tune searches weights on the
 * development split only. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/cordis.h"
#include "app/match.h"
#include "core/buf.h"
#include "engine/match/match.h"
#include "engine/match/text.h"
#include "store/projects.h"

static int isalnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

#define TOP 20

struct member {
    char *project, *org, *role;
};

struct project {
    char *id, *start, *text;
    int year;
};

struct world {
    struct project *p;
    int pn, pcap;
    struct member *m;
    int mn, mcap;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int on_project(void *ud, const struct store_project *p)
{
    struct world *w = ud;
    if (w->pn == w->pcap) {
        w->pcap = w->pcap ? 2 * w->pcap : 1024;
        w->p = realloc(w->p, (size_t)w->pcap * sizeof *w->p);
    }
    char *text = malloc(strlen(p->title) + strlen(p->objective ? p->objective : "") + 3);
    sprintf(text, "%s. %s", p->title, p->objective ? p->objective : "");
    w->p[w->pn++] = (struct project){strdup(p->id), strdup(p->start_date), text,
                                     atoi(p->start_date)};
    return 0;
}

static int on_member(void *ud, const struct store_project_member *m)
{
    struct world *w = ud;
    if (w->mn == w->mcap) {
        w->mcap = w->mcap ? 2 * w->mcap : 4096;
        w->m = realloc(w->m, (size_t)w->mcap * sizeof *w->m);
    }
    w->m[w->mn++] = (struct member){strdup(m->project), strdup(m->org), strdup(m->role)};
    return 0;
}

struct query {
    const char *text;
    int lead;          /* profile index or -1 */
    int targets[128];
    int targets_n;
};

struct metrics {
    double r10, r20, mrr, ms;
    int n;
};

static void add_ranking(struct metrics *m, const struct query *q, const int *ranked, int n)
{
    int hit10 = 0, hit20 = 0;
    double rr = 0;
    for (int i = 0; i < n && i < TOP; i++)
        for (int t = 0; t < q->targets_n; t++)
            if (ranked[i] == q->targets[t]) {
                if (i < 10)
                    hit10++;
                hit20++;
                if (rr == 0)
                    rr = 1.0 / (i + 1);
            }
    m->r10 += (double)hit10 / q->targets_n;
    m->r20 += (double)hit20 / q->targets_n;
    m->mrr += rr;
    m->n++;
}

static void print_metrics(const char *name, const struct metrics *m)
{
    printf("  %-12s recall@10 %.3f  recall@20 %.3f  MRR %.3f  %8.3f ms/query  (%d queries)\n",
           name, m->r10 / m->n, m->r20 / m->n, m->mrr / m->n, m->ms / m->n, m->n);
}

struct split {
    const char *name, *before;
    int from_year, to_year;
};

static int build_queries(const struct world *w, const struct app_match_data *d,
                         const struct split *sp, struct query **out)
{
    struct query *qs = calloc((size_t)w->pn + 1, sizeof *qs);
    int qn = 0;
    for (int i = 0; i < w->pn; i++) {
        if (w->p[i].year < sp->from_year || w->p[i].year > sp->to_year)
            continue;
        int members = 0, lead = -1;
        const char *lead_id = NULL;
        struct query *q = &qs[qn];
        q->targets_n = 0;
        for (int k = 0; k < w->mn; k++) {
            if (strcmp(w->m[k].project, w->p[i].id) != 0)
                continue;
            members++;
            if (strcmp(w->m[k].role, "coordinator") == 0 && !lead_id)
                lead_id = w->m[k].org;
        }
        if (members < 3 || !lead_id)
            continue;
        lead = match_index_find(d->ix, lead_id);
        for (int k = 0; k < w->mn; k++) {
            if (strcmp(w->m[k].project, w->p[i].id) != 0 || strcmp(w->m[k].org, lead_id) == 0)
                continue;
            int o = match_index_find(d->ix, w->m[k].org);
            if (o >= 0 && q->targets_n < 128)
                q->targets[q->targets_n++] = o;
        }
        if (q->targets_n == 0)
            continue;
        q->text = w->p[i].text;
        q->lead = lead;
        qn++;
    }
    *out = qs;
    return qn;
}

static void run_dfnc(const struct app_match_data *d, const struct query *qs, int qn,
                     const struct match_weights *wt, struct metrics *m)
{
    *m = (struct metrics){0};
    struct arena a;
    for (int i = 0; i < qn; i++) {
        arena_init(&a, 0);
        struct match_query q = {.mode = MATCH_PARTNERS, .lead = qs[i].lead, .text = qs[i].text,
                                .top = TOP, .w = wt};
        struct match_hit *h;
        int n;
        struct df_err err = {0};
        double t0 = now_ms();
        if (match_query_run(d->ix, &q, &a, &h, &n, &err) < 0) {
            fprintf(stderr, "query %d: %s\n", i, err.msg);
            n = 0;
        }
        m->ms += now_ms() - t0;
        int ranked[TOP];
        for (int k = 0; k < n; k++)
            ranked[k] = h[k].org;
        add_ranking(m, &qs[i], ranked, n);
        arena_free(&a);
    }
}

static void run_popularity(const struct app_match_data *d, const struct query *qs, int qn,
                           struct metrics *m)
{
    *m = (struct metrics){0};
    int n = match_index_size(d->ix);
    for (int i = 0; i < qn; i++) {
        double t0 = now_ms();
        int ranked[TOP], rn = 0;
        char *used = calloc((size_t)n + 1, 1);
        for (; rn < TOP; rn++) {
            int best = -1;
            for (int o = 0; o < n; o++)
                if (!used[o] && o != qs[i].lead &&
                    (best < 0 || match_index_projects_of(d->ix, o) >
                                     match_index_projects_of(d->ix, best)))
                    best = o;
            if (best < 0)
                break;
            used[best] = 1;
            ranked[rn] = best;
        }
        free(used);
        m->ms += now_ms() - t0;
        add_ranking(m, &qs[i], ranked, rn);
    }
}

struct fts_ctx {
    const struct app_match_data *d;
    int lead;
    int ranked[TOP];
    int n;
};

static int on_fts(void *ud, const char *key, double rank)
{
    (void)rank;
    struct fts_ctx *c = ud;
    int o = match_index_find(c->d->ix, key);
    if (o >= 0 && o != c->lead && c->n < TOP)
        c->ranked[c->n++] = o;
    return 0;
}

/* "word" OR "word" ... over the query's distinct words (letters and digits),
 * stop words left out: FTS5 slows down sharply with long OR chains. */
static void fts_expression(const char *text, struct buf *b)
{
    buf_reset(b);
    struct buf seen = BUF_INIT(0);
    buf_putc(&seen, ' ');
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        while (*p && !(isalnum_ascii(*p) || *p >= 0x80))
            p++;
        const unsigned char *s = p;
        while (*p && (isalnum_ascii(*p) || *p >= 0x80))
            p++;
        char word[80];
        size_t n = (size_t)(p - s);
        if (n < 2 || n >= sizeof word)
            continue;
        for (size_t i = 0; i < n; i++)
            word[i] = (char)(s[i] < 0x80 ? tolower(s[i]) : s[i]);
        word[n] = '\0';
        char key[84];
        snprintf(key, sizeof key, " %s ", word);
        if (match_is_stopword(word) || strstr(buf_str(&seen), key))
            continue;
        buf_puts(&seen, key + 1);
        if (b->len)
            buf_puts(b, " OR ");
        buf_putc(b, '"');
        buf_puts(b, word);
        buf_putc(b, '"');
    }
    buf_free(&seen);
}

static void run_bm25(struct store *s, const struct app_match_data *d, const struct query *qs,
                     int qn, struct metrics *m)
{
    struct df_err err = {0};
    *m = (struct metrics){0};
    /* profile text = own words + every past project's title and objective */
    int n = match_index_size(d->ix);
    struct buf *texts = calloc((size_t)n + 1, sizeof *texts);
    for (int o = 0; o < n; o++)
        buf_init(&texts[o], 0);
    for (int p = 0; p < d->projects_n; p++)
        for (int k = 0; k < d->projects[p].members_n; k++) {
            struct buf *b = &texts[d->projects[p].members[k]];
            buf_puts(b, d->projects[p].text);
            buf_putc(b, '\n');
        }
    if (store_textindex_reset(s, &err) < 0)
        fprintf(stderr, "%s\n", err.msg);
    store_begin(s, &err);
    for (int o = 0; o < n; o++) {
        const struct match_profile *pr = match_index_profile(d->ix, o);
        buf_puts(&texts[o], pr->text ? pr->text : "");
        store_textindex_add(s, pr->id, buf_str(&texts[o]), &err);
        buf_free(&texts[o]);
    }
    store_commit(s, &err);
    free(texts);
    struct buf expr = BUF_INIT(0);
    for (int i = 0; i < qn; i++) {
        struct fts_ctx c = {.d = d, .lead = qs[i].lead};
        double t0 = now_ms();
        fts_expression(qs[i].text, &expr);
        if (store_textindex_query(s, buf_str(&expr), TOP + 1, on_fts, &c, &err) < 0)
            fprintf(stderr, "fts: %s\n", err.msg);
        m->ms += now_ms() - t0;
        add_ranking(m, &qs[i], c.ranked, c.n);
    }
    buf_free(&expr);
}

/* ---- synthetic latency ------------------------------------------------------ */

static unsigned long long rng_state = 42;
static unsigned rnd(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng_state >> 33);
}

/* A Zipf-ish word: small indices far more often. */
static void synth_text(struct buf *b, int words, int vocab)
{
    buf_reset(b);
    for (int i = 0; i < words; i++) {
        double u = (rnd() % 1000000 + 1) / 1e6;
        int w = (int)(pow(vocab, u)) - 1;
        buf_printf(b, "w%xq%s ", w, i % 12 == 11 ? "." : "");
    }
}

static void synthetic(int n, int queries)
{
    int pn = n / 3, members = 8, vocab = 20000;
    struct match_profile *pr = calloc((size_t)n, sizeof *pr);
    struct match_project *pj = calloc((size_t)pn, sizeof *pj);
    int *mem = malloc((size_t)pn * members * sizeof *mem);
    struct buf b = BUF_INIT(0);
    for (int i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "org-%05d", i);
        synth_text(&b, 30, vocab);
        pr[i] = (struct match_profile){.id = strdup(id), .name = strdup(id), .country = "DE",
                                       .kind = "company", .text = buf_take(&b)};
    }
    for (int p = 0; p < pn; p++) {
        for (int k = 0; k < members; k++)
            mem[p * members + k] = (int)(pow(n, (rnd() % 1000000 + 1) / 1e6)) - 1;
        synth_text(&b, 180, vocab);
        char id[32];
        snprintf(id, sizeof id, "p-%d", p);
        pj[p] = (struct match_project){.id = strdup(id), .text = buf_take(&b),
                                       .members = mem + p * members, .members_n = members,
                                       .coordinator = mem[p * members]};
        /* a member twice in a project is harmless but unrealistic */
        for (int k = 1; k < members; k++)
            for (int j = 0; j < k; j++)
                if (mem[p * members + k] == mem[p * members + j])
                    mem[p * members + k] = (int)(rnd() % (unsigned)n);
    }
    struct df_err err = {0};
    double t0 = now_ms();
    struct match_index *ix = match_index_build(pr, n, pj, pn, &err);
    double build = now_ms() - t0;
    if (!ix) {
        fprintf(stderr, "synthetic: %s\n", err.msg);
        return;
    }
    double total = 0, worst = 0;
    for (int i = 0; i < queries; i++) {
        synth_text(&b, 200, vocab);
        struct arena a;
        arena_init(&a, 0);
        struct match_query q = {.mode = MATCH_PARTNERS, .lead = (int)(rnd() % (unsigned)n),
                                .text = buf_str(&b), .top = TOP};
        struct match_hit *h;
        int hn;
        t0 = now_ms();
        match_query_run(ix, &q, &a, &h, &hn, &err);
        double dt = now_ms() - t0;
        total += dt;
        if (dt > worst)
            worst = dt;
        arena_free(&a);
    }
    printf("synthetic: %d organisations, %d projects of %d members, 200-word queries\n", n, pn,
           members);
    printf("  index built in %.0f ms; top %d: %.2f ms/query on average, %.2f ms worst "
           "(%d queries; bound 50 ms: %.1fx under)\n",
           build, TOP, total / queries, worst, queries, 50.0 / (total / queries));
    match_index_free(ix);
    buf_free(&b);
    for (int i = 0; i < n; i++) {
        free((char *)pr[i].id);
        free((char *)pr[i].name);
        free((char *)pr[i].text);
    }
    for (int p = 0; p < pn; p++) {
        free((char *)pj[p].id);
        free((char *)pj[p].text);
    }
    free(pr);
    free(pj);
    free(mem);
}

/* ---- tuning (development split only) ------------------------------------------ */

/* Coordinate ascent over the weights, scored by recall@20 (+ a tenth of MRR)
 * on the development split. */
static void tune(const struct app_match_data *d, const struct query *qs, int qn)
{
    struct match_weights w;
    match_weights_default(&w);
    if (getenv("TUNE_FROM_WALK")) {
        /* a second starting point: the walk as the main signal */
        w = (struct match_weights){.text = 1, .text_profile = 1, .walk = 2, .doc_top = 80,
                                   .popularity_recent = 1, .partner_recent = 0.3};
    }
    double *params[] = {&w.text, &w.text_profile, &w.text_recency, &w.text_beta, &w.partner, &w.two_hop, &w.popularity, &w.partner_recent,
                        &w.popularity_recent, &w.partner_text, &w.same_country, &w.walk, &w.chosen, &w.country_spread, &w.profile_b};
    const char *names[] = {"text", "text_profile", "text_recency", "text_beta", "partner", "two_hop", "popularity", "partner_recent",
                           "popularity_recent", "partner_text", "same_country", "walk", "chosen", "country_spread", "profile_b"};
    static const double values[] = {0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0, 4.5};
    static const int tops[] = {0, 5, 10, 20, 40, 80, 160};
    struct metrics m;
    run_dfnc(d, qs, qn, &w, &m);
    double best = m.r20 / m.n + 0.1 * m.mrr / m.n;
    printf("  start: recall@20 %.3f MRR %.3f\n", m.r20 / m.n, m.mrr / m.n);
    for (int round = 0; round < 3; round++) {
        for (size_t k = 0; k <= sizeof params / sizeof params[0]; k++) {
            size_t nv = k < sizeof params / sizeof params[0] ? sizeof values / sizeof values[0]
                                                             : sizeof tops / sizeof tops[0];
            for (size_t v = 0; v < nv; v++) {
                struct match_weights keep = w;
                if (k < sizeof params / sizeof params[0])
                    *params[k] = values[v];
                else
                    w.doc_top = tops[v];
                run_dfnc(d, qs, qn, &w, &m);
                double score = m.r20 / m.n + 0.1 * m.mrr / m.n;
                if (score > best + 1e-9) {
                    best = score;
                    printf("  %s -> recall@20 %.3f MRR %.3f\n",
                           k < sizeof params / sizeof params[0] ? names[k] : "doc_top",
                           m.r20 / m.n, m.mrr / m.n);
                } else {
                    w = keep;
                }
            }
        }
    }
    printf("best on the development split: text %.2f text_profile %.2f text_recency %.2f text_beta %.2f doc_top %d partner %.2f "
           "two_hop %.2f popularity %.2f partner_recent %.2f popularity_recent %.2f "
           "partner_text %.2f same_country %.2f walk %.2f chosen %.2f country_spread %.2f "
           "profile_b %.2f\n",
           w.text, w.text_profile, w.text_recency, w.text_beta, w.doc_top, w.partner, w.two_hop, w.popularity, w.partner_recent,
           w.popularity_recent, w.partner_text, w.same_country, w.walk, w.chosen,
           w.country_spread, w.profile_b);
}

int main(int argc, char **argv)
{
    const char *data = getenv("DFNC_SHARED_DATA");
    int do_tune = 0, synth_n = 20000, show_signals = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tune") == 0)
            do_tune = 1;
        else if (strcmp(argv[i], "--signals") == 0)
            show_signals = 1;
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data = argv[++i];
        else if (strcmp(argv[i], "--synthetic") == 0 && i + 1 < argc)
            synth_n = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: bench_match [--data DIR] [--tune] [--signals] [--synthetic N]\n");
            return 2;
        }
    }
    char def[1024], pp[1200], pa[1200];
    if (!data) {
        snprintf(def, sizeof def, "%s/../shared/data", DFNC_SOURCE_ROOT);
        data = def;
    }
    snprintf(pp, sizeof pp, "%s/cordis/security_projects_fp7_h2020.csv", data);
    snprintf(pa, sizeof pa, "%s/cordis/security_participations_fp7_h2020.csv", data);
    struct df_err err = {0};
    struct store *s;
    struct app_cordis_result cr;
    if (store_open(&s, ":memory:", &err) < 0 || app_import_cordis(s, pp, pa, &cr, &err) < 0) {
        fprintf(stderr, "bench_match: %s\n", err.msg);
        return 1;
    }
    struct world w = {0};
    store_project_each(s, on_project, &w, &err);
    store_project_member_each(s, NULL, on_member, &w, &err);
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("CORDIS: %d projects, %d participations (machine shared and loaded: times are noisy)\n",
           cr.projects, cr.participations);

    static const struct split splits[] = {
        {"development (profiles < 2016, queries 2016-2017)", "2016-01-01", 2016, 2017},
        {"hold-out (profiles < 2018, queries 2018-2020; never tuned on)", "2018-01-01", 2018, 2020},
    };
    for (int k = 0; k < 2; k++) {
        const struct split *sp = &splits[k];
        struct app_match_data d;
        struct app_match_opts o = {.before = sp->before, .with_projects_only = true};
        if (app_match_load(s, &o, &d, &err) < 0) {
            fprintf(stderr, "bench_match: %s\n", err.msg);
            return 1;
        }
        struct query *qs;
        int qn = build_queries(&w, &d, sp, &qs);
        printf("%s: %d profiles, %d queries\n", sp->name, d.profiles_n, qn);
        if (do_tune && k == 0) {
            tune(&d, qs, qn);
            free(qs);
            app_match_data_free(&d);
            break;
        }
        struct metrics md, mb, mp;
        run_dfnc(&d, qs, qn, NULL, &md);
        run_bm25(s, &d, qs, qn, &mb);
        run_popularity(&d, qs, qn, &mp);
        print_metrics("dfnc", &md);
        if (show_signals) {
            /* each signal alone, for the record (not tuned here) */
            static const char *names[] = {"docs text", "profile text", "partners",
                                          "2-hop", "recent pop.", "walk"};
            for (int g = 0; g < 6; g++) {
                struct match_weights one = {.text_beta = 0.05, .doc_top = 80, .profile_b = 0.75};
                double *v[] = {&one.text, &one.text_profile, &one.partner, &one.two_hop,
                               &one.popularity_recent, &one.walk};
                *v[g] = 1;
                struct metrics mo;
                run_dfnc(&d, qs, qn, &one, &mo);
                print_metrics(names[g], &mo);
            }
        }
        print_metrics("BM25 (FTS5)", &mb);
        print_metrics("popularity", &mp);
        printf("  recall@20 dfnc/BM25 = %.2f  (acceptance on the hold-out: >= 1.5)\n",
               (md.r20 / md.n) / (mb.r20 / mb.n));
        free(qs);
        app_match_data_free(&d);
    }
    if (!do_tune && synth_n > 0)
        synthetic(synth_n, 200);
    store_close(s);
    return 0;
}
