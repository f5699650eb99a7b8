/* The bilingual lexicon (src/engine/match/lexicon.h) measured on the CPV
 * classifier it learns from: 5 folds of the 9,454 codes (code index mod 5);
 * the lexicon learns from four, and each code of the fifth is looked for by
 * its Ukrainian label among the fifth's English labels (and the reverse),
 * ranked by the partner engine with the lexicon and, in the same run,
 * without it, and with dfnc's glossary (data/glossary_en_uk.tsv) added to it:
 * the glossary is written for defence words the classifier lacks, and
 * replaces the learned translations of the words it lists, so this shows what
 * that costs on the classifier's own words; then with cognates (cognate.h)
 * as well, as dfnc runs, and cognates alone. A code counts as found when a
 * returned code has its label (the classifier repeats labels). Prints
 * recall@1, recall@10, MRR@10. Then a forum's two languages: the odd codes
 * of each fold (every other one) as dfnc runs, then the same codes again
 * with the even codes' profiles in both languages (their label and its
 * translation, as a forum's Ukrainian firms write), which should not crowd
 * the odd ones out; and again with every tenth code's profile (of the even
 * ones) in the asking language only, as a forum's few Ukrainian firms write
 * that did not translate theirs: their words, in few profiles, should not
 * count as rare.
 *
 *   make && ninja -C build bench/bench_lexicon && ./build/bench/bench_lexicon
 *   ./build/bench/bench_lexicon --cognate 0.5   # cognates at another weight than dfnc's
 *   ./build/bench/bench_lexicon --show радари безпілотні radar   # translations (glossary in)
 *
 * Then real project titles across the languages: 89 CORDIS security
 * projects' titles put into Ukrainian here (bench/data/cordis_titles_uk.tsv),
 * each looked for among all 712 projects' English titles and objectives:
 * without a lexicon, with cognates alone, with the classifier's, with the
 * glossary alone, with both, with both and cognates, and the English title
 * itself as the bound.
 *
 * Reads ../shared/data/cpv and cordis (or --data DIR, or $DFNC_SHARED_DATA). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/cordis.h"
#include "app/import.h"
#include "app/glossary.h"
#include "app/match.h"
#include "engine/match/lexicon.h"
#include "engine/match/match.h"
#include "engine/match/text.h"
#include "store/projects.h"
#include "store/store.h"

#define FOLDS 5
#define TOP 10

struct labels {
    char **code, **en, **uk;
    int n, cap;
};

static int on_label(void *ud, const char *code, const char *en, const char *uk)
{
    struct labels *l = ud;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->code = realloc(l->code, (size_t)l->cap * sizeof *l->code);
        l->en = realloc(l->en, (size_t)l->cap * sizeof *l->en);
        l->uk = realloc(l->uk, (size_t)l->cap * sizeof *l->uk);
        if (!l->code || !l->en || !l->uk)
            return 1;
    }
    l->code[l->n] = strdup(code);
    l->en[l->n] = strdup(en);
    l->uk[l->n] = strdup(uk);
    l->n++;
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

struct score {
    double r1, r10, mrr;
    int n;
};

/* How a fold's even codes' profiles are written. */
enum mix {
    MIX_NONE,       /* in the target language, as the others */
    MIX_BOTH,       /* in both: the label and its translation */
    MIX_MINORITY,   /* every tenth in the source language only */
};

/* One direction of one fold: the fold's codes as profiles whose text is the
 * target language's label, each looked for by its source label. With even
 * non-NULL, every other code of the fold (the even ones) is scored into
 * *even, the others into *sc; mix says how the even ones' profiles are
 * written. */
static void run_fold(const struct labels *l, int fold, char *const *target, char *const *source,
                     const struct match_lexicon *lx, double cognate, struct score *sc,
                     struct score *even, enum mix mix)
{
    struct match_weights w;
    match_weights_default(&w);
    w.cognate = cognate;
    int n = 0;
    for (int i = fold; i < l->n; i += FOLDS)
        n++;
    struct match_profile *p = calloc((size_t)n, sizeof *p);
    int *of = calloc((size_t)n, sizeof *of);
    char **both = calloc((size_t)n, sizeof *both);
    int k = 0;
    for (int i = fold; i < l->n; i += FOLDS, k++) {
        of[k] = i;
        if (mix == MIX_BOTH && k % 2 == 0 &&
            asprintf(&both[k], "%s %s", target[i], source[i]) < 0) {
            fprintf(stderr, "bench_lexicon: out of memory\n");
            exit(1);
        }
        const char *text = both[k]                                ? both[k]
                           : mix == MIX_MINORITY && k % 10 == 0 ? source[i]
                                                                 : target[i];
        p[k] = (struct match_profile){.id = l->code[i], .name = l->code[i], .country = "BE",
                                      .kind = "other", .text = text};
    }
    struct df_err err = {0};
    struct match_index *ix = match_index_build(p, n, NULL, 0, &err);
    if (!ix) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg);
        exit(1);
    }
    for (k = 0; k < n; k++) {
        struct arena a;
        arena_init(&a, 0);
        struct match_hit *h;
        int hn = 0;
        struct match_query q = {.mode = MATCH_PARTNERS, .lead = -1, .text = source[of[k]],
                                .top = TOP, .lexicon = lx, .w = &w};
        if (match_query_run(ix, &q, &a, &h, &hn, &err) < 0)
            hn = 0;
        struct score *into = even && k % 2 == 0 ? even : sc;
        for (int r = 0; r < hn; r++)
            if (strcmp(target[of[h[r].org]], target[of[k]]) == 0) {
                into->r1 += r == 0;
                into->r10 += 1;
                into->mrr += 1.0 / (r + 1);
                break;
            }
        into->n++;
        arena_free(&a);
    }
    match_index_free(ix);
    for (k = 0; k < n; k++)
        free(both[k]);
    free(both);
    free(p);
    free(of);
}

static int show_stem(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    const struct match_lexicon *lx = ud;
    const struct match_translation *t;
    int n = match_lexicon_lookup(lx, stem, &t);
    printf("  %s (%s):", word, stem);
    for (int i = 0; i < n; i++)
        printf(" %s [%s] %.2f", t[i].word, t[i].stem, t[i].weight);
    printf("%s\n", n ? "" : " none");
    return 0;
}

/* The CORDIS projects: id, English text (title and objective), title. */
struct projects {
    char **id, **text, **title;
    int n, cap;
};

static int on_project(void *ud, const struct store_project *p)
{
    struct projects *ps = ud;
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 1024;
        ps->id = realloc(ps->id, (size_t)ps->cap * sizeof *ps->id);
        ps->text = realloc(ps->text, (size_t)ps->cap * sizeof *ps->text);
        ps->title = realloc(ps->title, (size_t)ps->cap * sizeof *ps->title);
        if (!ps->id || !ps->text || !ps->title)
            return 1;
    }
    size_t n = strlen(p->title ? p->title : "") + strlen(p->objective ? p->objective : "") + 3;
    char *text = malloc(n);
    if (!text)
        return 1;
    snprintf(text, n, "%s. %s", p->title ? p->title : "", p->objective ? p->objective : "");
    ps->id[ps->n] = strdup(p->id);
    ps->title[ps->n] = strdup(p->title ? p->title : "");
    ps->text[ps->n++] = text;
    return 0;
}

/* Looks each query up among the projects; query[i] is for project want[i]. */
static void run_titles(struct match_index *ix, const struct projects *ps, char **query,
                       const int *want, int n, const struct match_lexicon *lx, double cognate,
                       const char *name)
{
    struct match_weights w;
    match_weights_default(&w);
    w.cognate = cognate;
    struct score sc = {0};
    struct df_err err = {0};
    for (int i = 0; i < n; i++) {
        struct arena a;
        arena_init(&a, 0);
        struct match_hit *h;
        int hn = 0;
        struct match_query q = {.mode = MATCH_PARTNERS, .lead = -1, .text = query[i],
                                .top = TOP, .lexicon = lx, .w = &w};
        if (match_query_run(ix, &q, &a, &h, &hn, &err) < 0)
            hn = 0;
        for (int r = 0; r < hn; r++)
            if (h[r].org == want[i] || strcmp(ps->title[h[r].org], ps->title[want[i]]) == 0) {
                sc.r1 += r == 0;
                sc.r10 += 1;
                sc.mrr += 1.0 / (r + 1);
                break;
            }
        sc.n++;
        arena_free(&a);
    }
    printf("  %-34s recall@1 %.3f  recall@10 %.3f  MRR@10 %.3f\n", name, sc.r1 / sc.n,
           sc.r10 / sc.n, sc.mrr / sc.n);
}

/* Ukrainian titles of CORDIS projects against the English projects. */
static int cordis_titles(struct store *s, const char *data, const struct match_lexicon *cpv,
                         const struct match_lexicon *gloss, const struct match_lexicon *both,
                         double cognate)
{
    char projects_path[1200], parts_path[1200];
    snprintf(projects_path, sizeof projects_path, "%s/cordis/security_projects_fp7_h2020.csv",
             data);
    snprintf(parts_path, sizeof parts_path, "%s/cordis/security_participations_fp7_h2020.csv",
             data);
    struct df_err err = {0};
    struct app_cordis_result r;
    struct projects ps = {0};
    if (app_import_cordis(s, projects_path, parts_path, &r, &err) < 0 ||
        store_project_each(s, on_project, &ps, &err) != 0) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg[0] ? err.msg : "out of memory");
        return -1;
    }
    FILE *f = fopen(BENCH_DATA_DIR "/cordis_titles_uk.tsv", "r");
    if (!f) {
        perror(BENCH_DATA_DIR "/cordis_titles_uk.tsv");
        return -1;
    }
    char *uk[256], *en[256], *line = NULL;
    int want[256], n = 0;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0 && n < 256) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int k = 0;
        while (k < ps.n && strcmp(ps.id[k], line) != 0)
            k++;
        if (k == ps.n) {
            fprintf(stderr, "bench_lexicon: no project %s in CORDIS\n", line);
            return -1;
        }
        want[n] = k;
        en[n] = ps.title[k];
        uk[n++] = strdup(tab + 1);
    }
    free(line);
    fclose(f);
    struct match_profile *p = calloc((size_t)ps.n, sizeof *p);
    for (int i = 0; i < ps.n; i++)
        p[i] = (struct match_profile){.id = ps.id[i], .name = ps.id[i], .country = "BE",
                                      .kind = "other", .text = ps.text[i]};
    struct match_index *ix = match_index_build(p, ps.n, NULL, 0, &err);
    if (!ix) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg);
        return -1;
    }
    printf("CORDIS titles in Ukrainian (%d, bench/data/cordis_titles_uk.tsv) -> the %d projects' "
           "English titles and objectives:\n", n, ps.n);
    run_titles(ix, &ps, uk, want, n, NULL, 0, "no lexicon");
    run_titles(ix, &ps, uk, want, n, NULL, cognate, "cognates alone");
    run_titles(ix, &ps, uk, want, n, cpv, 0, "the classifier's lexicon");
    run_titles(ix, &ps, uk, want, n, gloss, 0, "the glossary alone");
    run_titles(ix, &ps, uk, want, n, both, 0, "both");
    run_titles(ix, &ps, uk, want, n, both, cognate, "both + cognates (as dfnc runs)");
    run_titles(ix, &ps, en, want, n, NULL, 0, "bound: the English title itself");
    match_index_free(ix);
    free(p);
    for (int i = 0; i < n; i++)
        free(uk[i]);
    for (int i = 0; i < ps.n; i++) {
        free(ps.id[i]);
        free(ps.text[i]);
        free(ps.title[i]);
    }
    free(ps.id);
    free(ps.text);
    free(ps.title);
    return 0;
}

int main(int argc, char **argv)
{
    const char *data = getenv("DFNC_SHARED_DATA");
    char dir[1024];
    int show_from = argc;
    struct match_weights dw;
    match_weights_default(&dw);
    double cognate = dw.cognate;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) {
            data = argv[++i];
        } else if (strcmp(argv[i], "--cognate") == 0 && i + 1 < argc) {
            cognate = atof(argv[++i]);
        } else if (strcmp(argv[i], "--show") == 0) {
            show_from = i + 1;
            break;
        } else {
            fprintf(stderr,
                    "usage: bench_lexicon [--data DIR] [--cognate WEIGHT] [--show WORD ...]\n");
            return 2;
        }
    }
    snprintf(dir, sizeof dir, "%s/cpv", data ? data : "../shared/data");
    struct store *s = NULL;
    struct df_err err = {0};
    struct app_import_result res;
    char en_path[1200], uk_path[1200];
    snprintf(en_path, sizeof en_path, "%s/cpv_en.json", dir);
    snprintf(uk_path, sizeof uk_path, "%s/cpv_uk.json", dir);
    struct labels l = {0};
    if (store_open(&s, ":memory:", &err) < 0 ||
        app_import_cpv_json(s, en_path, "en", &res, &err) < 0 ||
        app_import_cpv_json(s, uk_path, "uk", &res, &err) < 0 ||
        store_cpv_each(s, on_label, &l, &err) != 0) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg[0] ? err.msg : "out of memory");
        return 1;
    }

    struct arena ga;
    arena_init(&ga, 0);
    struct match_glossary gloss;
    if (app_glossary_shipped(&ga, &gloss, &err) < 0) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg);
        return 1;
    }
    double best = 1e9;
    struct match_lexicon *lx = NULL;
    for (int r = 0; r < 5; r++) {
        match_lexicon_free(lx);
        double t0 = now();
        lx = match_lexicon_build((const char *const *)l.en, (const char *const *)l.uk, l.n, NULL,
                                 &err);
        if (!lx) {
            fprintf(stderr, "bench_lexicon: %s\n", err.msg);
            return 1;
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    printf("CPV classifier: %d codes with both labels; lexicon of all: %d stems with a "
           "translation, built in %.1f ms (best of 5)\n", l.n, match_lexicon_size(lx),
           best * 1e3);
    if (show_from < argc) {
        match_lexicon_free(lx);
        lx = match_lexicon_build((const char *const *)l.en, (const char *const *)l.uk, l.n,
                                 &gloss, &err);
        if (!lx) {
            fprintf(stderr, "bench_lexicon: %s\n", err.msg);
            return 1;
        }
        for (int i = show_from; i < argc; i++)
            (void)match_tokenize(argv[i], strlen(argv[i]), show_stem, lx);
        match_lexicon_free(lx);
        store_close(s);
        return 0;
    }

    struct score with[2] = {{0}}, glossed[2] = {{0}}, cognates[2] = {{0}}, all[2] = {{0}},
                 without[2] = {{0}}, one_odd[2] = {{0}}, one_even[2] = {{0}},
                 mixed_odd[2] = {{0}}, mixed_even[2] = {{0}}, minor_odd[2] = {{0}},
                 minor_even[2] = {{0}};
    const char **en = malloc((size_t)l.n * sizeof *en), **uk = malloc((size_t)l.n * sizeof *uk);
    for (int f = 0; f < FOLDS; f++) {
        int m = 0;
        for (int i = 0; i < l.n; i++)
            if (i % FOLDS != f) {
                en[m] = l.en[i];
                uk[m] = l.uk[i];
                m++;
            }
        struct match_lexicon *fx = match_lexicon_build(en, uk, m, NULL, &err);
        struct match_lexicon *gx = fx ? match_lexicon_build(en, uk, m, &gloss, &err) : NULL;
        if (!fx || !gx) {
            fprintf(stderr, "bench_lexicon: %s\n", err.msg);
            return 1;
        }
        for (int d = 0; d < 2; d++) {
            char *const *target = d == 0 ? l.en : l.uk, *const *source = d == 0 ? l.uk : l.en;
            run_fold(&l, f, target, source, fx, 0, &with[d], NULL, MIX_NONE);
            run_fold(&l, f, target, source, gx, 0, &glossed[d], NULL, MIX_NONE);
            run_fold(&l, f, target, source, gx, cognate, &all[d], NULL, MIX_NONE);
            run_fold(&l, f, target, source, NULL, cognate, &cognates[d], NULL, MIX_NONE);
            run_fold(&l, f, target, source, NULL, 0, &without[d], NULL, MIX_NONE);
            run_fold(&l, f, target, source, gx, cognate, &one_odd[d], &one_even[d], MIX_NONE);
            run_fold(&l, f, target, source, gx, cognate, &mixed_odd[d], &mixed_even[d], MIX_BOTH);
            run_fold(&l, f, target, source, gx, cognate, &minor_odd[d], &minor_even[d],
                     MIX_MINORITY);
        }
        match_lexicon_free(fx);
        match_lexicon_free(gx);
    }
    static const char *dir_name[2] = {"Ukrainian label -> English labels",
                                      "English label -> Ukrainian labels"};
    for (int d = 0; d < 2; d++) {
        printf("%s (%d codes, %d folds):\n", dir_name[d], with[d].n, FOLDS);
        const struct {
            const char *name;
            const struct score *s;
        } row[] = {{"with the lexicon", &with[d]},
                   {"+ the glossary", &glossed[d]},
                   {"+ cognates (as dfnc runs)", &all[d]},
                   {"cognates alone", &cognates[d]},
                   {"none (same run)", &without[d]},
                   {"as dfnc runs, odd codes", &one_odd[d]},
                   {"... even codes in both", &mixed_odd[d]},
                   {"... a tenth in its own", &minor_odd[d]}};
        for (size_t r = 0; r < sizeof row / sizeof row[0]; r++)
            printf("  %-26s recall@1 %.3f  recall@10 %.3f  MRR@10 %.3f\n", row[r].name,
                   row[r].s->r1 / row[r].s->n, row[r].s->r10 / row[r].s->n,
                   row[r].s->mrr / row[r].s->n);
    }
    free(en);
    free(uk);

    struct match_lexicon *glx = match_lexicon_build(NULL, NULL, 0, &gloss, &err);
    struct match_lexicon *both = glx ? match_lexicon_build((const char *const *)l.en,
                                                           (const char *const *)l.uk, l.n,
                                                           &gloss, &err)
                                     : NULL;
    printf("(cognate weight %.2f)\n", cognate);
    if (!glx || !both ||
        cordis_titles(s, data ? data : "../shared/data", lx, glx, both, cognate) < 0) {
        fprintf(stderr, "bench_lexicon: %s\n", err.msg);
        return 1;
    }
    match_lexicon_free(lx);
    match_lexicon_free(glx);
    match_lexicon_free(both);
    store_close(s);
    arena_free(&ga);
    for (int i = 0; i < l.n; i++) {
        free(l.code[i]);
        free(l.en[i]);
        free(l.uk[i]);
    }
    free(l.code);
    free(l.en);
    free(l.uk);
    return 0;
}
