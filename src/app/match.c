/* Matchmaking use-cases (match.h): store -> engine profiles -> ranked JSON. */
#include "app/match.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/glossary.h"
#include "core/country.h"
#include "core/grow.h"
#include "core/log.h"
#include "engine/match/text.h"
#include "store/projects.h"

#define ORGS_MAX 1000000
#define PROFILE_TEXT_MAX (256 * 1024)

struct org_row {
    char *id, *name, *name_uk, *country, *city, *kind, *text, *languages;
    bool sme;
    int caps_from, caps_n, needs_n;   /* into the capability list: needs first */
    int projects;
    int new_index;
};

struct cap_row {
    int org;
    bool need;
    char *cpv, *title, *description;
    char *label_en, *label_uk;   /* the classifier's labels, NULL when not loaded */
};

struct loader {
    struct arena *a;
    struct org_row *orgs;
    int orgs_n, orgs_cap;
    struct cap_row *caps;
    int caps_n, caps_cap;
    struct match_project *projects;
    char **project_ids;
    int projects_n, projects_cap, ids_cap;
    int *members;                 /* (project, org) pairs */
    int members_n, members_cap;
    const char *before;
    int oom;
};

static int find_org(const struct loader *L, const char *id)
{
    int lo = 0, hi = L->orgs_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(L->orgs[mid].id, id);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int on_org(void *ud, const struct store_org *o)
{
    struct loader *L = ud;
    if (L->orgs_n >= ORGS_MAX ||
        df_grow((void **)&L->orgs, &L->orgs_cap, L->orgs_n, sizeof *L->orgs))
        return L->oom = 1;
    struct org_row *r = &L->orgs[L->orgs_n++];
    *r = (struct org_row){
        .id = arena_strdup(L->a, o->id), .name = arena_strdup(L->a, o->name),
        .name_uk = o->name_uk ? arena_strdup(L->a, o->name_uk) : NULL,
        .country = arena_strdup(L->a, o->country), .kind = arena_strdup(L->a, o->kind),
        .city = o->city ? arena_strdup(L->a, o->city) : NULL, .sme = o->sme != 0,
        .text = arena_printf(L->a, "%s %s", o->description ? o->description : "",
                             o->description_uk ? o->description_uk : ""),
    };
    if (!r->id || !r->name || !r->country || !r->kind || !r->text ||
        (o->name_uk && !r->name_uk) || (o->city && !r->city))
        return L->oom = 1;
    return 0;
}

static int on_cap(void *ud, const struct store_capability *c)
{
    struct loader *L = ud;
    int o = find_org(L, c->org);
    if (o < 0 || c->confidential)
        return 0;
    if (df_grow((void **)&L->caps, &L->caps_cap, L->caps_n, sizeof *L->caps))
        return L->oom = 1;
    struct cap_row *r = &L->caps[L->caps_n++];
    *r = (struct cap_row){
        .org = o, .need = strcmp(c->direction, "need") == 0, .cpv = arena_strdup(L->a, c->cpv),
        .title = arena_strdup(L->a, c->title), .description = arena_strdup(L->a, c->description),
        /* the code's labels in both languages: a Ukrainian text finds an
         * English-only profile through the codes it offers or needs */
        .label_en = arena_strdup(L->a, c->label_en), .label_uk = arena_strdup(L->a, c->label_uk),
    };
    return r->cpv && r->title ? 0 : (L->oom = 1);
}

/* Whether the ';'-separated list has the code (len bytes), in any case. */
static bool has_code(const char *list, const char *code, size_t len)
{
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ";");
        if (n == len && strncasecmp(p, code, len) == 0)
            return true;
        p += n + (p[n] != '\0');
    }
    return false;
}

/* An organisation speaks what its people speak: each code once, so that
 * thirty colleagues with "uk;en" leave room for the one who speaks Polish. */
static int on_person(void *ud, const struct store_person *p)
{
    struct loader *L = ud;
    int o = find_org(L, p->org);
    if (o < 0 || !p->languages)
        return 0;
    struct org_row *r = &L->orgs[o];
    for (const char *c = p->languages; *c;) {
        size_t n = strcspn(c, ";, ");
        if (n > 0 && n < 8 && !has_code(r->languages, c, n) &&
            (!r->languages || strlen(r->languages) + n < 64)) {
            r->languages = r->languages ? arena_printf(L->a, "%s;%.*s", r->languages, (int)n, c)
                                        : arena_strndup(L->a, c, n);
            if (!r->languages)
                return L->oom = 1;
        }
        c += n + (c[n] != '\0');
    }
    return 0;
}

static int on_project(void *ud, const struct store_project *p)
{
    struct loader *L = ud;
    if (L->before && (!p->start_date || strcmp(p->start_date, L->before) >= 0))
        return 0;
    if (df_grow((void **)&L->projects, &L->projects_cap, L->projects_n, sizeof *L->projects) ||
        df_grow((void **)&L->project_ids, &L->ids_cap, L->projects_n, sizeof *L->project_ids))
        return L->oom = 1;
    L->project_ids[L->projects_n] = arena_strdup(L->a, p->id);
    L->projects[L->projects_n] = (struct match_project){
        .id = L->project_ids[L->projects_n],
        .text = arena_printf(L->a, "%s. %s", p->title ? p->title : "",
                             p->objective ? p->objective : ""),
        .year = p->start_date ? atoi(p->start_date) : 0, .coordinator = -1,
    };
    if (!L->project_ids[L->projects_n] || !L->projects[L->projects_n].text)
        return L->oom = 1;
    L->projects_n++;
    return 0;
}

static const struct loader *sort_ctx;
static int cmp_project_id(const void *a, const void *b)
{
    return strcmp(sort_ctx->project_ids[*(const int *)a], sort_ctx->project_ids[*(const int *)b]);
}

struct member_ctx {
    struct loader *L;
    int *by_id;   /* project indices sorted by id */
};

static int on_member(void *ud, const struct store_project_member *m)
{
    struct member_ctx *c = ud;
    struct loader *L = c->L;
    int lo = 0, hi = L->projects_n - 1, p = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, k = strcmp(L->project_ids[c->by_id[mid]], m->project);
        if (k == 0) {
            p = c->by_id[mid];
            break;
        }
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    int o = find_org(L, m->org);
    if (p < 0 || o < 0)
        return 0;
    if (df_grow((void **)&L->members, &L->members_cap, L->members_n + 1, sizeof *L->members))
        return L->oom = 1;
    L->members[L->members_n++] = p;
    L->members[L->members_n++] = o;
    if (m->role && strcmp(m->role, "coordinator") == 0 && L->projects[p].coordinator < 0)
        L->projects[p].coordinator = o;   /* an index among all organisations, remapped later */
    L->orgs[o].projects++;
    return 0;
}

/* The CPV classifier's label pairs, for the bilingual lexicon. */
struct label_pairs {
    struct arena a;
    const char **en, **uk;
    int n, en_cap, uk_cap, oom;
};

static int on_cpv_pair(void *ud, const char *code, const char *label_en, const char *label_uk)
{
    (void)code;
    struct label_pairs *p = ud;
    if (df_grow((void **)&p->en, &p->en_cap, p->n, sizeof *p->en) ||
        df_grow((void **)&p->uk, &p->uk_cap, p->n, sizeof *p->uk))
        return p->oom = 1;
    p->en[p->n] = arena_strdup(&p->a, label_en);
    p->uk[p->n] = arena_strdup(&p->a, label_uk);
    if (!p->en[p->n] || !p->uk[p->n])
        return p->oom = 1;
    p->n++;
    return 0;
}

/* The lexicon from the classifier's labels (when loaded) and the glossary,
 * dfnc's and the organiser's. The organiser's lines that no longer fit
 * beside dfnc's (a newer dfnc gives a word its three translations) are left
 * out with a warning rather than taking matchmaking down. */
static int load_lexicon(struct store *s, struct match_lexicon **lx, struct df_err *err)
{
    struct label_pairs p = {.n = 0};
    arena_init(&p.a, 0);
    int rc = -1;
    *lx = NULL;
    struct match_glossary g;
    struct app_glossary_status st;
    if (app_glossary_load(s, &p.a, &g, &st, err) < 0)
        goto out;
    if (st.left_out.n > 0)
        log_msg(LOG_WARN, "%d of the organiser's %d glossary lines left out, the first: %s "
                          "(correct them and import the glossary again)",
                st.left_out.n, st.pairs, st.left_out.msg[0]);
    if (store_cpv_each(s, on_cpv_pair, &p, err) != 0) {
        if (p.oom)
            df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the CPV labels");
        goto out;
    }
    if (!(*lx = match_lexicon_build(p.en, p.uk, p.n, &g, err)))
        goto out;
    rc = 0;
out:
    free(p.en);
    free(p.uk);
    arena_free(&p.a);
    return rc;
}

void app_match_data_free(struct app_match_data *d)
{
    match_lexicon_free(d->lexicon);
    match_index_free(d->ix);
    arena_free(&d->arena);
    *d = (struct app_match_data){0};
}

/* What this reads (through on_org, on_cap, on_person, on_project, on_member
 * and load_lexicon's CPV labels and glossary) must be what the triggers of
 * migrations 6 and 7 watch (store/migrations.c): a server keeps the index
 * until they raise the match generation, so a column read here and not
 * watched there would leave it stale. */
int app_match_load(struct store *s, const struct app_match_opts *opts, struct app_match_data *d,
                   struct df_err *err)
{
    *d = (struct app_match_data){0};
    arena_init(&d->arena, 0);
    struct loader L = {.a = &d->arena, .before = opts ? opts->before : NULL};
    int *by_id = NULL, rc = -1;
    if (store_org_each(s, on_org, &L, err) || store_capability_each(s, NULL, on_cap, &L, err) ||
        store_person_each(s, on_person, &L, err) || store_project_each(s, on_project, &L, err))
        goto fail;
    by_id = malloc(((size_t)L.projects_n + 1) * sizeof *by_id);
    if (!by_id)
        goto oom;
    for (int i = 0; i < L.projects_n; i++)
        by_id[i] = i;
    sort_ctx = &L;
    qsort(by_id, (size_t)L.projects_n, sizeof *by_id, cmp_project_id);
    struct member_ctx mc = {&L, by_id};
    if (store_project_member_each(s, NULL, on_member, &mc, err))
        goto fail;

    /* which organisations become profiles, and their new indices */
    bool only = opts && opts->with_projects_only;
    int n = 0;
    for (int o = 0; o < L.orgs_n; o++)
        L.orgs[o].new_index = (!only || L.orgs[o].projects > 0) ? n++ : -1;
    d->profiles = arena_alloc(&d->arena, ((size_t)n + 1) * sizeof *d->profiles);
    struct match_cap *caps = arena_alloc(&d->arena, ((size_t)L.caps_n + 1) * sizeof *caps);
    int *counts = arena_alloc(&d->arena, ((size_t)L.projects_n + 1) * sizeof *counts);
    int *members = arena_alloc(&d->arena, ((size_t)L.members_n / 2 + 1) * sizeof *members);
    if (!d->profiles || !caps || !counts || !members)
        goto oom;
    /* capabilities arrive grouped by organisation; each profile gets its needs,
     * then its offers, as one run of caps[] */
    for (int i = 0; i < L.caps_n; i++) {
        struct org_row *r = &L.orgs[L.caps[i].org];
        if (r->caps_n == 0)
            r->caps_from = i;
        r->caps_n++;
        r->needs_n += L.caps[i].need;
    }
    for (int o = 0; o < L.orgs_n; o++) {
        struct org_row *r = &L.orgs[o];
        int nd = 0, of = 0;
        for (int i = r->caps_from; i < r->caps_from + r->caps_n; i++) {
            int at = L.caps[i].need ? r->caps_from + nd++ : r->caps_from + r->needs_n + of++;
            const struct cap_row *c = &L.caps[i];
            /* the profile text carries the classifier's labels too: a reason
             * naming the code should not leave their words to the text reason */
            const char *aliases = c->label_en || c->label_uk
                                      ? arena_printf(&d->arena, "%s %s", c->label_en ? c->label_en : "",
                                                     c->label_uk ? c->label_uk : "")
                                      : NULL;
            if ((c->label_en || c->label_uk) && !aliases)
                goto oom;
            caps[at] = (struct match_cap){c->cpv, c->title, aliases};
        }
    }
    /* its own words and its offers' are what it is; its needs' words what
     * it looks for (match_profile.wants) */
    struct buf text[2], labels[2];
    for (int k = 0; k < 2; k++) {
        buf_init(&text[k], PROFILE_TEXT_MAX);
        buf_init(&labels[k], PROFILE_TEXT_MAX);
    }
    int rc_profiles = 0;
    for (int o = 0; o < L.orgs_n && rc_profiles == 0; o++) {
        struct org_row *r = &L.orgs[o];
        if (r->new_index < 0)
            continue;
        for (int k = 0; k < 2; k++) {
            buf_reset(&text[k]);
            buf_reset(&labels[k]);
        }
        buf_puts(&text[0], r->text);
        for (int i = r->caps_from; i < r->caps_from + r->caps_n; i++) {
            int k = L.caps[i].need ? 1 : 0;
            /* a line each: a title and the description after it, or two
             * labels, are not one phrase (the reasons' words in a row) */
            buf_printf(&text[k], "\n%s\n%s", L.caps[i].title,
                       L.caps[i].description ? L.caps[i].description : "");
            buf_printf(&labels[k], "\n%s\n%s", L.caps[i].label_en ? L.caps[i].label_en : "",
                       L.caps[i].label_uk ? L.caps[i].label_uk : "");
        }
        char *t = arena_strdup(&d->arena, buf_str(&text[0]));
        char *l = arena_strdup(&d->arena, buf_str(&labels[0]));
        /* most organisations state no needs: no copy for them */
        char *wt = text[1].len ? arena_strdup(&d->arena, buf_str(&text[1])) : NULL;
        char *wl = labels[1].len ? arena_strdup(&d->arena, buf_str(&labels[1])) : NULL;
        if (!t || !l || (text[1].len && !wt) || (labels[1].len && !wl)) {
            rc_profiles = -1;
            break;
        }
        d->profiles[r->new_index] = (struct match_profile){
            .id = r->id, .name = r->name, .name_other = r->name_uk, .country = r->country,
            .city = r->city, .kind = r->kind, .sme = r->sme, .languages = r->languages,
            .text = t, .labels = l, .wants = wt, .wants_labels = wl,
            .needs = caps + r->caps_from, .needs_n = r->needs_n,
            .offers = caps + r->caps_from + r->needs_n, .offers_n = r->caps_n - r->needs_n,
        };
    }
    for (int k = 0; k < 2; k++) {
        buf_free(&text[k]);
        buf_free(&labels[k]);
    }
    if (rc_profiles < 0)
        goto oom;
    d->profiles_n = n;

    /* members of each project, as profile indices */
    for (int i = 0; i < L.members_n; i += 2)
        if (L.orgs[L.members[i + 1]].new_index >= 0)
            counts[L.members[i]]++;
    int at = 0;
    for (int p = 0; p < L.projects_n; p++) {
        L.projects[p].members = members + at;
        at += counts[p];
        counts[p] = 0;
    }
    for (int i = 0; i < L.members_n; i += 2) {
        int p = L.members[i], o = L.orgs[L.members[i + 1]].new_index;
        if (o >= 0)
            ((int *)L.projects[p].members)[L.projects[p].members_n++] = o;
    }
    for (int p = 0; p < L.projects_n; p++)
        if (L.projects[p].coordinator >= 0)
            L.projects[p].coordinator = L.orgs[L.projects[p].coordinator].new_index;
    d->projects = arena_alloc(&d->arena, ((size_t)L.projects_n + 1) * sizeof *d->projects);
    if (!d->projects)
        goto oom;
    if (L.projects_n) /* L.projects is NULL in a forum without track records */
        memcpy(d->projects, L.projects, (size_t)L.projects_n * sizeof *d->projects);
    d->projects_n = L.projects_n;
    d->ix = match_index_build(d->profiles, d->profiles_n, d->projects, d->projects_n, err);
    if (!d->ix || load_lexicon(s, &d->lexicon, err) < 0)
        goto fail;
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory loading profiles");
    goto fail;
fail:
    if (L.oom && err && err->kind == DF_OK)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory loading profiles");
out:
    free(by_id);
    free(L.orgs);
    free(L.caps);
    free(L.projects);
    free(L.project_ids);
    free(L.members);
    return rc;
}

/* ---- answers ---------------------------------------------------------------- */

static json_t *hits_json(const struct app_match_data *d, const struct match_hit *h, int n)
{
    json_t *arr = json_array();
    for (int i = 0; arr && i < n; i++) {
        const struct match_profile *p = match_index_profile(d->ix, h[i].org);
        json_t *why = json_array();
        for (int j = 0; why && j < h[i].why_n; j++)
            json_array_append_new(why, json_string(h[i].why[j]));
        json_array_append_new(arr, json_pack("{ss ss ss? ss ss sb sf so}", "org", p->id, "name",
                                             p->name, "name_uk", p->name_other,
                                             "country", p->country, "kind", p->kind,
                                             "sme", p->sme, "score", h[i].score,
                                             "why", why ? why : json_array()));
    }
    return arr;
}

int app_region_parse(const char *s)
{
    if (!s || !*s)
        return APP_REGION_ANY;
    if (strcmp(s, "eu") == 0)
        return APP_REGION_EUROPE;
    if (strcmp(s, "ua") == 0)
        return APP_REGION_UKRAINE;
    return -1;
}

static bool in_region(const char *country, enum app_region region)
{
    switch (region) {
    case APP_REGION_EUROPE: return country_is_europe(country);
    case APP_REGION_UKRAINE: return country_is_ukraine(country);
    default: return true;
    }
}

/* The engine's exclusion list: the given ones (n of them) and every profile
 * filter keeps out, in arena a; *out_n their count. NULL when out of memory. */
static int *exclusions(const struct match_index *ix, const int *given, int n,
                       const struct app_match_filter *filter, struct arena *a, int *out_n)
{
    static const struct app_match_filter any = {.region = APP_REGION_ANY};
    const struct app_match_filter *f = filter ? filter : &any;
    bool filtering = f->region != APP_REGION_ANY || f->sme_only;
    int size = match_index_size(ix);
    int *v = arena_alloc(a, ((size_t)n + (filtering ? (size_t)size : 0) + 1) * sizeof *v);
    if (!v)
        return NULL;
    if (n > 0)
        memcpy(v, given, (size_t)n * sizeof *v);
    for (int o = 0; filtering && o < size; o++) {
        const struct match_profile *p = match_index_profile(ix, o);
        if (!in_region(p->country, f->region) || (f->sme_only && !p->sme))
            v[n++] = o;
    }
    *out_n = n;
    return v;
}

static int stop_at_first(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)ud, (void)stem, (void)word, (void)compound;
    return 1;
}

/* Whether the engine reads at least one word from text: "!!!???", or only
 * words like "the", ask nothing, and the answer would be the lead's circle
 * whatever it asked. Invalid UTF-8 counts as words: the engine says what is
 * wrong with it. */
static bool has_words(const char *text)
{
    return text && match_tokenize(text, strlen(text), stop_at_first, NULL) != 0;
}

json_t *app_match_partners_json(const struct app_match_data *d, const char *lead,
                                const char *text, int top,
                                const struct app_match_filter *filter, struct df_err *err)
{
    int L = match_index_find(d->ix, lead);
    if (L < 0) {
        df_err_set(err, DF_ERR_NOT_FOUND, "unknown lead organisation \"%.128s\"", lead ? lead : "");
        return NULL;
    }
    if (!has_words(text)) {
        df_err_set(err, DF_ERR_USAGE, "the project text is empty: it has no word to match");
        df_err_code(err, "no_words", NULL);
        return NULL;
    }
    struct arena a;
    arena_init(&a, 0);
    /* those the filter keeps out: the engine ranks only the others */
    int outside_n = 0;
    int *outside = exclusions(d->ix, NULL, 0, filter, &a, &outside_n);
    struct match_hit *hits;
    int n;
    struct match_query q = {.mode = MATCH_PARTNERS, .lead = L, .text = text ? text : "",
                            .exclude = outside, .exclude_n = outside_n, .top = top,
                            .lexicon = d->lexicon,
                            .say_ukrainian = filter && filter->in_ukrainian,
                            .say_english = filter && filter->in_english};
    json_t *out = NULL;
    if (!outside)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    else if (match_query_run(d->ix, &q, &a, &hits, &n, err) == 0 && !(out = hits_json(d, hits, n)))
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    arena_free(&a);
    return out;
}

/* What a search gives beside its hits (each may be NULL): every profile's
 * score, and how many of the text's words each has and the text has
 * (match_query.words_met). */
struct search_out {
    double *scores;
    int *words_met, *words_n;
};

/* A directory's search for text among d's profiles not excluded: the top
 * best into *hits, the rest into *got (NULL for none). */
static int search_run(const struct app_match_data *d, const char *text, int top,
                      const int *exclude, int exclude_n, const struct search_out *got,
                      struct arena *a, struct match_hit **hits, int *hits_n, struct df_err *err)
{
    struct match_weights w;
    match_weights_search(&w);
    struct match_query q = {.mode = MATCH_PARTNERS, .lead = -1, .text = text ? text : "",
                            .exclude = exclude, .exclude_n = exclude_n, .top = top, .w = &w,
                            .scores = got ? got->scores : NULL,
                            .words_met = got ? got->words_met : NULL,
                            .words_n = got ? got->words_n : NULL, .lexicon = d->lexicon,
                            .say_common_words = true};
    return match_query_run(d->ix, &q, a, hits, hits_n, err);
}

int app_match_search_text(const struct app_match_data *d, const char *text, int top,
                          struct arena *a, struct match_hit **hits, int *hits_n,
                          struct df_err *err)
{
    return search_run(d, text, top, NULL, 0, NULL, a, hits, hits_n, err);
}

/* The engine's reasons are for its top 1000 (match_query.top's bound). */
#define SEARCH_REASONS 1000

struct found {
    bool some;     /* it has some of the text's words, not all */
    int hit;       /* its place among the engine's hits, INT_MAX for none */
    double score;
    int org;
};

/* Those with every word first; then the engine's hits in its order, then
 * best first, ties by the lower index. */
static int found_cmp(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    if (x->some != y->some)
        return x->some - y->some;
    if (x->hit != y->hit)
        return (x->hit > y->hit) - (x->hit < y->hit);
    if (x->score != y->score)
        return (x->score < y->score) - (x->score > y->score);
    return (x->org > y->org) - (x->org < y->org);
}

int app_match_search_finds(const struct app_match_data *d, const char *text, double share,
                           struct arena *a, struct app_text_finds *f, struct df_err *err)
{
    int n = match_index_size(d->ix);
    *f = (struct app_text_finds){0};
    double *scores = arena_alloc(a, ((size_t)n + 1) * sizeof *scores);
    int *met = arena_alloc(a, ((size_t)n + 1) * sizeof *met);
    int *hit_at = arena_alloc(a, ((size_t)n + 1) * sizeof *hit_at);
    struct found *order = arena_alloc(a, ((size_t)n + 1) * sizeof *order);
    if (!(f->rank = arena_alloc(a, ((size_t)n + 1) * sizeof *f->rank)) || !scores || !met ||
        !hit_at || !order)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < n; i++)
        f->rank[i] = hit_at[i] = -1;
    if (n == 0)
        return 0;
    struct match_hit *hits;
    int hits_n;
    struct search_out got = {scores, met, &f->words};
    if (search_run(d, text, n < SEARCH_REASONS ? n : SEARCH_REASONS, NULL, 0, &got, a, &hits,
                   &hits_n, err) < 0)
        return -1;
    for (int k = 0; k < hits_n; k++)
        hit_at[hits[k].org] = k;
    /* a profile with every word of the text is found, however it scores;
     * one with some of them only where it scores share of the best at
     * least (a word of many profiles, or one met only among what a
     * profile needs beside a weak match, is a small share: left out) */
    double least = hits_n > 0 ? hits[0].score * share : 0;
    int found_n = 0;
    for (int i = 0; i < n; i++) {
        bool all = f->words > 0 && met[i] == f->words;
        if (scores[i] > 0 && (all || scores[i] >= least))
            order[found_n++] = (struct found){!all, hit_at[i] >= 0 ? hit_at[i] : INT_MAX,
                                              scores[i], i};
    }
    qsort(order, (size_t)found_n, sizeof *order, found_cmp);
    /* each place's hit with reasons where the engine's gave one; the others'
     * reasons, app_match_search_hits_of */
    if (!(f->hits = arena_alloc(a, ((size_t)found_n + 1) * sizeof *f->hits)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int r = 0; r < found_n; r++) {
        f->rank[order[r].org] = r;
        f->hits[r] = order[r].hit != INT_MAX ? hits[order[r].hit] : (struct match_hit){.org = -1};
        f->hits_n += order[r].hit != INT_MAX;
        if (!order[r].some)
            f->all_n = r + 1;
    }
    f->n = found_n;
    return 0;
}

int app_match_search_hits_of(const struct app_match_data *d, const char *text, const int *orgs,
                             int n, struct arena *a, struct match_hit *out, struct df_err *err)
{
    int size = match_index_size(d->ix), others_n = 0;
    char *wanted = arena_alloc(a, (size_t)size + 1);
    int *others = arena_alloc(a, ((size_t)size + 1) * sizeof *others);
    if (!wanted || !others)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    for (int i = 0; i < n; i++)
        wanted[orgs[i]] = 1;
    for (int i = 0; i < size; i++)
        if (!wanted[i])
            others[others_n++] = i;
    struct match_hit *hits;
    int hits_n;
    if (n == 0)
        return 0;
    if (search_run(d, text, n, others, others_n, NULL, a, &hits, &hits_n, err) < 0)
        return -1;
    for (int i = 0; i < n; i++) {
        out[i] = (struct match_hit){.org = orgs[i]};
        for (int j = 0; j < hits_n; j++)
            if (hits[j].org == orgs[i])
                out[i] = hits[j];
    }
    return 0;
}

static int dump(json_t *j, struct buf *out, struct df_err *err)
{
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    int rc = s && buf_puts(out, s) == 0 ? 0 : df_err_set(err, DF_ERR_RUNTIME, "answer too large");
    free(s);
    return rc;
}

int app_partners_in(const struct app_match_data *d, const char *lead, const char *text, int top,
                    const struct app_match_filter *filter, struct buf *json_out,
                    struct df_err *err)
{
    json_t *j = app_match_partners_json(d, lead, text, top, filter, err);
    int rc = j ? dump(j, json_out, err) : -1;
    json_decref(j);
    return rc;
}

int app_partners(struct store *s, const char *lead, const char *text, int top,
                 struct buf *json_out, struct df_err *err)
{
    struct app_match_data d;
    int rc = app_match_load(s, NULL, &d, err) == 0
                 ? app_partners_in(&d, lead, text, top, NULL, json_out, err)
                 : -1;
    app_match_data_free(&d);
    return rc;
}

/* ---- meeting suggestions ------------------------------------------------------ */

struct person_org {
    char *person, *org;
};

struct rec_ctx {
    struct arena *a;
    struct person_org *po;
    int po_n, po_cap;
    const char *my_org;
    const struct app_match_data *d;
    int *exclude;
    int exclude_n, exclude_cap;
    int oom;
};

static int on_person_org(void *ud, const struct store_person *p)
{
    struct rec_ctx *c = ud;
    if (df_grow((void **)&c->po, &c->po_cap, c->po_n, sizeof *c->po))
        return c->oom = 1;
    c->po[c->po_n] = (struct person_org){arena_strdup(c->a, p->id), arena_strdup(c->a, p->org)};
    if (!c->po[c->po_n].person || !c->po[c->po_n].org)
        return c->oom = 1;
    c->po_n++;
    return 0;
}

static const char *org_of(const struct rec_ctx *c, const char *person)
{
    int lo = 0, hi = c->po_n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2, k = strcmp(c->po[mid].person, person);
        if (k == 0)
            return c->po[mid].org;
        if (k < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

static int on_request(void *ud, const struct store_request *r)
{
    struct rec_ctx *c = ud;
    if (strcmp(r->status, "cancelled") == 0)
        return 0;
    const char *from = org_of(c, r->from), *to = org_of(c, r->to), *other = NULL;
    if (from && strcmp(from, c->my_org) == 0)
        other = to;
    else if (to && strcmp(to, c->my_org) == 0)
        other = from;
    int o = other ? match_index_find(c->d->ix, other) : -1;
    if (o < 0)
        return 0;
    if (df_grow((void **)&c->exclude, &c->exclude_cap, c->exclude_n, sizeof *c->exclude))
        return c->oom = 1;
    c->exclude[c->exclude_n++] = o;
    return 0;
}

int app_recommend(struct store *s, const char *person_or_org, const char *event, int top,
                  const struct app_match_filter *filter, struct buf *json_out,
                  struct df_err *err)
{
    return app_recommend_in(s, NULL, person_or_org, event, top, filter, json_out, err);
}

int app_recommend_in(struct store *s, const struct app_match_data *built,
                     const char *person_or_org, const char *event, int top,
                     const struct app_match_filter *filter, struct buf *json_out,
                     struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct app_match_data own = {0};
    const struct app_match_data *d = built ? built : &own;
    struct rec_ctx c = {.a = &a, .d = d};
    int rc = -1;
    struct store_person p;
    if (!person_or_org || !*person_or_org) {
        df_err_set(err, DF_ERR_USAGE, "name a person or an organisation");
        goto out;
    }
    int is_org = store_org_exists(s, person_or_org, err);
    if (is_org < 0)
        goto out;
    if (is_org) {
        c.my_org = person_or_org;
    } else if (store_person_get(s, person_or_org, &a, &p, err) == 0) {
        c.my_org = p.org;
    } else {
        if (err->kind == DF_ERR_NOT_FOUND)
            df_err_set(err, DF_ERR_NOT_FOUND, "no person or organisation \"%.128s\"",
                       person_or_org);
        goto out;
    }
    if (event) {
        struct store_event e;
        if (store_event_get(s, event, &a, &e, err) < 0)
            goto out;
    }
    if (!built && app_match_load(s, NULL, &own, err) < 0)
        goto out;
    int me = match_index_find(d->ix, c.my_org);
    if (store_person_each(s, on_person_org, &c, err) || c.oom)
        goto fail_walk;
    /* people come in id order: org_of can search them */
    if (store_request_each(s, event, NULL, on_request, &c, err) || c.oom)
        goto fail_walk;
    struct match_hit *hits;
    int n, exclude_n;
    int *exclude = exclusions(d->ix, c.exclude, c.exclude_n, filter, &a, &exclude_n);
    if (!exclude) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory");
        goto out;
    }
    /* a person meets in the languages they speak, not their colleagues' */
    struct match_query q = {.mode = MATCH_MEET, .lead = me, .exclude = exclude,
                            .exclude_n = exclude_n, .top = top, .lexicon = d->lexicon,
                            .lead_languages = is_org ? NULL : p.languages,
                            .say_ukrainian = filter && filter->in_ukrainian,
                            .say_english = filter && filter->in_english};
    if (match_query_run(d->ix, &q, &a, &hits, &n, err) < 0)
        goto out;
    json_t *j = hits_json(d, hits, n);
    rc = j ? dump(j, json_out, err) : df_err_set(err, DF_ERR_RUNTIME, "out of memory");
    json_decref(j);
    goto out;
fail_walk:
    if (c.oom)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading requests");
out:
    free(c.po);
    free(c.exclude);
    app_match_data_free(&own);
    arena_free(&a);
    return rc;
}

_Static_assert(APP_TERM_BYTES >= MATCH_TOKEN_MAX, "a stem fits an app_terms slot");

static int collect_term(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)word;
    (void)compound;
    struct app_terms *t = ud;
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->stem[i], stem) == 0)
            return 0;
    if (t->n < APP_TERMS_MAX)
        snprintf(t->stem[t->n++], sizeof t->stem[0], "%s", stem);
    return 0;
}

void app_terms_of(const char *text, struct app_terms *t)
{
    t->n = 0;
    if (text && match_tokenize(text, strlen(text), collect_term, t) < 0)
        t->n = 0;   /* not UTF-8: no words */
}

bool app_terms_cover(const struct app_terms *t, const struct app_terms *q)
{
    for (int i = 0; i < q->n; i++) {
        bool found = false;
        for (int k = 0; k < t->n && !found; k++)
            found = strcmp(t->stem[k], q->stem[i]) == 0;
        if (!found)
            return false;
    }
    return q->n > 0;
}
