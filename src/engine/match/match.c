/* The matchmaking engine's ranking (match.h): a question's text and graph
 * scores (text_score.c, graph.c) mixed by the weights, the forum's needs and
 * pairs added, the best kept, and each given its reasons (reason.c). The
 * index it reads is index.c's. */
#include "engine/match/match.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "engine/match/match_internal.h"

#define WHY_MAX 6

void match_weights_default(struct match_weights *w)
{
    /* Linear weights: a logistic regression of "is a member of the query's
     * consortium" on each signal's value for every candidate (read back from
     * the engine, match_query.signals), fit on the CORDIS development split
     * only (`bench_match --learn --set profile_k1=0.5 --drop country_pair
     * --drop kind_pair`, "pointwise, weights >= 0, whole development split";
     * signals whose weight came out negative, collinear with others, are
     * dropped and the rest refit). Cross-validated over 5 folds of the
     * queries it gives recall@20 0.221, against 0.216 for the same fit with
     * profile_k1 1.2. A low profile_k1 makes the profile text count how many
     * of the query's words an organisation has used at all rather than how
     * often (alone: recall@20 0.200 against 0.156 at 1.2). The other shape
     * parameters (text_recency, doc_top, profile_b, text_beta) are the
     * coordinate ascent's.
     * named (the text names the organisation) is rare and nearly always
     * right: 6 puts it above any mix of the others. stand_in (no lead: the
     * first pass's 5 best matches stand in for it and their partners rise)
     * lifts the development queries without a lead. Both were checked on a
     * second split before the development years (`bench_match --early`,
     * profiles < 2014, queries 2014-2015): recall@20 0.251 without them,
     * 0.250 with them, 0.232 -> 0.234 on development.
     * cognate (a word counts in the other script's words spelled alike) is
     * 0.3 by the CPV classifier's cross-validation (bench_lexicon --cognate:
     * 0.2, 0.3 and 0.5 within 0.002 of recall@10; 1.0 lower); it changes no
     * English query against English profiles.
     * Measured and left out: end_user (a government body's projects beyond
     * its first; development 0.227 -> 0.235 but early 0.251 -> 0.242) and a
     * listwise refit of every weight with it (development 0.248, early
     * 0.245): both fitted the development years rather than consortia. */
    *w = (struct match_weights){
        .text = 0.809, .text_profile = 4.906, .text_recency = 0.6, .text_beta = 0.0,
        .doc_top = 80, .partner = 0.450, .two_hop = 0.661, .popularity = 0.308,
        .partner_recent = 0.0, .popularity_recent = 0.0, .partner_text = 0.0,
        .same_country = 0.827, .walk = 0.0, .chosen = 0.661, .circle = 0.237, .ppr = 0.870,
        .end_user = 0.0, .named = 6.0, .stand_in = 1.0, .profile_b = 0.75,
        .profile_k1 = 0.5, .cpv = 1.0, .eu_ua = 0.3, .cognate = 0.3,
    };
}

void match_weights_meet(struct match_weights *w)
{
    /* set by hand on the demo forum and the unit tests: a need met by an offer
     * (either way) is the reason to meet; EU-Ukraine pairs are what the forum is for */
    *w = (struct match_weights){
        .text = 0.3, .text_profile = 0.2, .text_beta = 0.05, .doc_top = 80, .profile_b = 0.75,
        .partner = 0.2,
        .two_hop = 0.1, .popularity = 0.1, .cpv = 1.0, .eu_ua = 0.5, .language = 0.2,
        .cognate = 0.3,
    };
}

/* 1 when two masks share a language, -1 when both are known and share none,
 * 0 when either is unknown. */
static int shared_language(uint64_t x, uint64_t y)
{
    if (!x || !y)
        return 0;
    return x & y & ~LANG_OTHER ? 1 : -1;
}

static void heap_down(struct cand *h, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && h[l].score < h[m].score)
            m = l;
        if (r < n && h[r].score < h[m].score)
            m = r;
        if (m == i)
            return;
        struct cand t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Keeps the k best (org, s) seen in a min-heap of hn entries. */
static void heap_push(struct cand *heap, int *hn, int k, int o, double s)
{
    struct cand c = {o, s};
    if (*hn < k) {
        heap[(*hn)++] = c;
        if (*hn == k)
            for (int i = k / 2 - 1; i >= 0; i--)
                heap_down(heap, k, i);
    } else if (s > heap[0].score || (s == heap[0].score && o < heap[0].org)) {
        heap[0] = c;
        heap_down(heap, k, 0);
    }
}

#define STAND_INS 5

static int cmp_cand(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->score != y->score)
        return (x->score < y->score) - (x->score > y->score);
    return (x->org > y->org) - (x->org < y->org);
}

/* The organisation's own words (text) with its names blanked out: a
 * description that opens "Obrii Aero LLC is an SME from Zhytomyr" says
 * nothing about whom to meet, and would find Obrii Munitions by its name.
 * The same length, so the words around keep their places. NULL when out of
 * memory. */
static const char *without_own_name(const struct match_profile *p, const char *text,
                                    struct arena *a)
{
    char *t = arena_strdup(a, text);
    if (!t)
        return NULL;
    const char *names[] = {p->name, p->name_other};
    for (int i = 0; i < 2; i++) {
        size_t n = names[i] ? strlen(names[i]) : 0;
        if (n == 0)
            continue;
        for (char *at = strstr(t, names[i]); at; at = strstr(at + n, names[i]))
            memset(at, ' ', n);
    }
    return t;
}

int match_query_run(const struct match_index *ix, const struct match_query *q, struct arena *a,
                    struct match_hit **hits, int *hits_n, struct df_err *err)
{
    struct match_weights def;
    const struct match_weights *w = q->w;
    if (!w) {
        if (q->mode == MATCH_MEET)
            match_weights_meet(&def);
        else
            match_weights_default(&def);
        w = &def;
    }
    *hits = NULL;
    *hits_n = 0;
    if (q->top < 1 || q->top > 1000)
        return df_err_set(err, DF_ERR_USAGE, "top must be between 1 and 1000, not %d", q->top);
    if (q->lead < -1 || q->lead >= ix->n)
        return df_err_set(err, DF_ERR_USAGE, "the lead is not a known organisation");
    if (q->mode == MATCH_MEET && q->lead < 0)
        return df_err_set(err, DF_ERR_USAGE, "meeting suggestions need an organisation");
    /* without a text, meeting suggestions ask with the organisation's own
     * words and its codes' labels */
    const char *text = q->text, *labels = NULL;
    bool own_words = q->mode == MATCH_MEET && !text;
    if (own_words) {
        text = ix->profiles[q->lead].text;
        labels = ix->profiles[q->lead].labels;
    }
    size_t text_len = text ? strlen(text) : 0;
    if (text && !utf8_is_valid(text, text_len, NULL))
        return df_err_set(err, DF_ERR_USAGE, "the text is not valid UTF-8");
    if (own_words && text && !(text = without_own_name(&ix->profiles[q->lead], text, a)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory ranking partners");

    struct qctx qc = {.ix = ix, .lx = q->lexicon, .cognate = w->cognate, .last_own = -1};
    int rc = -1;
    if (((text && match_qterms_read(&qc, text, text_len) != 0) ||
         (labels && match_qterms_read(&qc, labels, strlen(labels)) != 0)) &&
        qc.oom) {
        df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the query");
        goto out;
    }
    if (q->mode == MATCH_PARTNERS) {
        bool blank = true;
        for (size_t i = 0; i < text_len && blank; i++)
            blank = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (blank) {
            df_err_set(err, DF_ERR_USAGE, "the project text is empty");
            goto out;
        }
    }

    size_t n = (size_t)ix->n + 1;
    double *tx = arena_alloc(a, n * sizeof *tx), *pp = arena_alloc(a, n * sizeof *pp),
           *pr = arena_alloc(a, n * sizeof *pr), *tp = arena_alloc(a, n * sizeof *tp),
           *wk = arena_alloc(a, n * sizeof *wk), *seed = NULL,
           *pc = arena_alloc(a, n * sizeof *pc),
           *th = arena_alloc(a, n * sizeof *th), *score = arena_alloc(a, n * sizeof *score),
           *cc = arena_alloc(a, n * sizeof *cc), *pg = arena_alloc(a, n * sizeof *pg),
           *si = arena_alloc(a, n * sizeof *si);
    int *common = arena_alloc(a, n * sizeof *common);
    char *banned = arena_alloc(a, n), *circle = arena_alloc(a, n), *named = arena_alloc(a, n);
    if (!tx || !tp || !wk || !si || !pc || !pp || !pr || !th || !score || !common || !banned ||
        !cc || !pg || !circle || !named)
        goto oom;
    if (q->mode == MATCH_PARTNERS)
        match_find_names(ix, qc.seq.v, (int)qc.seq.n, named);
    bool want_all = q->signals != NULL;
    struct concepts things;
    if (qc.n > 0 && (match_concepts_of(qc.t, qc.n, a, &things) < 0 ||
                     match_score_text(ix, qc.t, qc.n, &things, w, a, tx, &seed) < 0 ||
                     ((w->text_profile > 0 || want_all) &&
                      match_score_profiles(ix, qc.t, qc.n, &things, w, a, tp) < 0)))
        goto oom;
    if ((w->walk > 0 || want_all) && match_score_walk(ix, seed, q->lead, a, wk) < 0)
        goto oom;
    if ((w->ppr > 0 || want_all) && match_score_ppr(ix, seed, q->lead, a, pg) < 0)
        goto oom;
    match_qterms_sort(qc.t, qc.n);

    /* the collaboration graph around the lead */
    double th_best = 0;
    if (q->lead >= 0) {
        int L = q->lead;
        for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++) {
            int p = ix->adj_to[k];
            pp[p] = ix->adj_w[k];
            pr[p] = ix->adj_rw[k];
            pc[p] = ix->adj_cw[k];
            int deg = ix->adj_off[p + 1] - ix->adj_off[p];
            double aa = 1.0 / log(2.0 + deg);
            for (int j = ix->adj_off[p]; j < ix->adj_off[p + 1]; j++) {
                int o = ix->adj_to[j];
                th[o] += aa;
                common[o]++;
            }
        }
        for (int o = 0; o < ix->n; o++)
            if (o != L && th[o] > th_best)
                th_best = th[o];
        banned[L] = 1;
        if (seed && (w->circle > 0 || want_all)) {
            circle[L] = 1;
            for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++)
                circle[ix->adj_to[k]] = 1;
            match_score_circle(ix, seed, circle, cc);
        }
    }
    for (int i = 0; i < q->exclude_n; i++)
        if (q->exclude[i] >= 0 && q->exclude[i] < ix->n)
            banned[q->exclude[i]] = 1;

    const struct match_profile *lead = q->lead >= 0 ? &ix->profiles[q->lead] : NULL;
    /* the asking person's languages when given, else all of the lead's people's */
    uint64_t lead_langs = q->lead_languages && *q->lead_languages
                              ? match_languages_mask(&ix->langs, q->lead_languages)
                              : lead ? ix->lang_mask[q->lead] : 0;
    double pop_norm = ix->max_projects > 0 ? log1p(ix->max_projects) : 1.0;
    /* with a country spread wanted, rank a wider pool, then pick greedily */
    int k = w->country_spread > 0 ? (q->top * 3 < ix->n ? q->top * 3 : ix->n) : q->top;
    if (k < q->top)
        k = q->top;
    struct cand *heap = arena_alloc(a, (size_t)k * sizeof *heap);
    if (!heap)
        goto oom;
    int hn = 0;
    for (int o = 0; o < ix->n; o++) {
        if (banned[o])
            continue;
        double f[MATCH_SIGNALS] = {0};
        f[MATCH_SIG_TEXT] = tx[o];
        f[MATCH_SIG_TEXT_PROFILE] = tp[o];
        f[MATCH_SIG_WALK] = wk[o];
        if (pp[o] > 0) {
            double damped = log1p(pp[o]) / log(4.0);
            f[MATCH_SIG_PARTNER] = damped;
            f[MATCH_SIG_PARTNER_RECENT] = pr[o] < 1 ? pr[o] : 1;
            f[MATCH_SIG_PARTNER_TEXT] = tx[o] * (damped < 1 ? damped : 1);
        }
        if (pc[o] > 0)
            f[MATCH_SIG_CHOSEN] = (pc[o] < 2 ? pc[o] : 2) / 2;
        if (th_best > 0)
            f[MATCH_SIG_TWO_HOP] = th[o] / th_best;
        f[MATCH_SIG_POPULARITY] = log1p(ix->projects_of[o]) / pop_norm;
        if (ix->max_recent > 0)
            f[MATCH_SIG_POPULARITY_RECENT] = log1p(ix->recent_of[o]) / log1p(ix->max_recent);
        if (lead && lead->country && ix->profiles[o].country &&
            strcmp(lead->country, ix->profiles[o].country) == 0)
            f[MATCH_SIG_SAME_COUNTRY] = 1;
        f[MATCH_SIG_CIRCLE] = cc[o];
        f[MATCH_SIG_PPR] = pg[o];
        if (lead) {
            int lc = ix->country_of[q->lead], oc = ix->country_of[o];
            int lk = ix->kind_of[q->lead], ok = ix->kind_of[o];
            if (lc >= 0 && oc >= 0)
                f[MATCH_SIG_COUNTRY_PAIR] = ix->country_lift[(size_t)lc * ix->countries_n + oc];
            if (lk >= 0 && ok >= 0)
                f[MATCH_SIG_KIND_PAIR] = ix->kind_lift[(size_t)lk * ix->kinds_n + ok];
        }
        f[MATCH_SIG_NAMED] = named[o];
        if (ix->end_user[o] && ix->projects_of[o] > 1 && ix->max_projects > 1)
            f[MATCH_SIG_END_USER] = (log1p(ix->projects_of[o]) - log(2.0)) /
                                    (log1p(ix->max_projects) - log(2.0));
        if (q->signals)
            memcpy(q->signals + (size_t)o * MATCH_SIGNALS, f, sizeof f);
        double s = w->text * f[MATCH_SIG_TEXT] + w->text_profile * f[MATCH_SIG_TEXT_PROFILE] +
                   w->walk * f[MATCH_SIG_WALK] + w->partner * f[MATCH_SIG_PARTNER] +
                   w->partner_recent * f[MATCH_SIG_PARTNER_RECENT] +
                   w->partner_text * f[MATCH_SIG_PARTNER_TEXT] + w->chosen * f[MATCH_SIG_CHOSEN] +
                   w->two_hop * f[MATCH_SIG_TWO_HOP] + w->popularity * f[MATCH_SIG_POPULARITY] +
                   w->popularity_recent * f[MATCH_SIG_POPULARITY_RECENT] +
                   w->same_country * f[MATCH_SIG_SAME_COUNTRY] + w->circle * f[MATCH_SIG_CIRCLE] +
                   w->ppr * f[MATCH_SIG_PPR] + w->country_pair * f[MATCH_SIG_COUNTRY_PAIR] +
                   w->kind_pair * f[MATCH_SIG_KIND_PAIR] +
                   w->end_user * f[MATCH_SIG_END_USER] + w->named * f[MATCH_SIG_NAMED];
        if (lead) {
            /* needs met by offers either way, and EU-Ukraine pairs: the
             * forum's reasons to meet. For a project, a need met (CPV_MET, as
             * the reasons show it) finds an organisation on its own; a looser
             * CPV kinship or an EU-Ukraine pair only lifts one that the text
             * or the record found */
            const struct match_profile *c = &ix->profiles[o];
            int bi, bj;
            double bv;
            double cp = match_cpv_best(lead->needs, lead->needs_n, c->offers, c->offers_n, &bi, &bj,
                                  &bv);
            double best = bv;
            cp += match_cpv_best(lead->offers, lead->offers_n, c->needs, c->needs_n, &bi, &bj, &bv);
            if (bv > best)
                best = bv;
            if (q->mode == MATCH_MEET || s > 0 || best >= CPV_MET) {
                s += w->cpv * cp;
                if (match_is_eu_ua_pair(lead->country, c->country))
                    s += w->eu_ua;
                if (shared_language(lead_langs, ix->lang_mask[o]) > 0)
                    s += w->language;
            }
        }
        if (s <= 0)
            continue;
        score[o] = s;
        heap_push(heap, &hn, k, o, s);
    }
    qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    int stand[STAND_INS], ns = 0;
    if (q->lead < 0 && q->mode == MATCH_PARTNERS && (w->stand_in > 0 || q->signals) && hn > 0) {
        /* no lead: the best matches stand in for it, their partners rise */
        ns = hn < STAND_INS ? hn : STAND_INS;
        for (int i = 0; i < ns; i++)
            stand[i] = heap[i].org;
        match_stand_in_scores(ix, heap, ns, si);
        hn = 0;
        for (int o = 0; o < ix->n; o++) {
            if (q->signals)
                q->signals[(size_t)o * MATCH_SIGNALS + MATCH_SIG_STAND_IN] = si[o];
            double v = score[o] + w->stand_in * si[o];
            if (!banned[o] && v > 0)
                heap_push(heap, &hn, k, o, v);
        }
        qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    }
    if (w->country_spread > 0 && hn > 0) {
        /* consortia spread over countries: each already chosen organisation of
         * the same country costs country_spread */
        for (int i = 0; i < hn && i < q->top; i++) {
            int best = i;
            double best_v = -1e300;
            for (int j = i; j < hn; j++) {
                int same = 0;
                const char *cj = ix->profiles[heap[j].org].country;
                for (int m = 0; m < i && cj; m++) {
                    const char *cm = ix->profiles[heap[m].org].country;
                    same += cm && strcmp(cm, cj) == 0;
                }
                double v = heap[j].score - w->country_spread * same;
                if (v > best_v)
                    best_v = v, best = j;
            }
            struct cand t = heap[best];
            memmove(heap + i + 1, heap + i, (size_t)(best - i) * sizeof *heap);
            heap[i] = t;
        }
        if (hn > q->top)
            hn = q->top;
    }

    struct match_hit *out = arena_alloc(a, ((size_t)hn + 1) * sizeof *out);
    char *mark = arena_alloc(a, (size_t)ix->docs_n + 1);
    if (!out || !mark)
        goto oom;
    for (int i = 0; i < hn; i++) {
        int o = heap[i].org;
        const struct match_profile *c = &ix->profiles[o];
        out[i].org = o;
        out[i].score = heap[i].score;
        out[i].why = arena_alloc(a, WHY_MAX * sizeof *out[i].why);
        if (!out[i].why)
            goto oom;
        int m = 0;
        const char *forum[FORUM_REASONS];
        const struct match_cap *cited[2] = {NULL, NULL};
        int fn = lead ? match_forum_reasons(lead, c, forum, cited, a) : 0;
        if (q->mode == MATCH_MEET) {   /* complementarity is the reason to meet: first */
            for (int j = 0; j < fn && m < WHY_MAX; j++)
                out[i].why[m++] = forum[j];
            if (w->language > 0 && shared_language(lead_langs, ix->lang_mask[o]) < 0 &&
                m < WHY_MAX)
                out[i].why[m++] = arena_printf(a, "no language in common: an interpreter is needed");
        }
        if (named[o] && w->named > 0)
            out[i].why[m++] = arena_printf(a, "named in the text");
        if (pp[o] > 0 && m < WHY_MAX)
            out[i].why[m++] = arena_printf(a, "worked with you on %d project%s", (int)pp[o],
                                           pp[o] > 1 ? "s" : "");
        if (common[o] > 0 && m < WHY_MAX) {
            /* of them, how many it met on projects like this one */
            int near = 0;
            if (seed && q->mode == MATCH_PARTNERS) {
                if (!circle[q->lead]) {   /* marked only when its signal was asked for */
                    circle[q->lead] = 1;
                    for (int k2 = ix->adj_off[q->lead]; k2 < ix->adj_off[q->lead + 1]; k2++)
                        circle[ix->adj_to[k2]] = 1;
                }
                near = match_circle_count(ix, seed, circle, q->lead, o);
            }
            if (near > 0 && near >= common[o])
                out[i].why[m++] = arena_printf(a,
                                               "worked with %d of your past partners, all of "
                                               "them on projects like this one", common[o]);
            else if (near > 0)
                out[i].why[m++] = arena_printf(a,
                                               "worked with %d of your past partners, %d%s of "
                                               "them on projects like this one",
                                               common[o], near, near >= 64 ? "+" : "");
            else
                out[i].why[m++] = arena_printf(a, "worked with %d of your past partners",
                                               common[o]);
        }
        if (si[o] > 0 && w->stand_in > 0 && m < WHY_MAX) {
            int with = 0;
            for (int j = 0; j < ns; j++)
                with += stand[j] != o && match_worked_together(ix, stand[j], o);
            if (with > 0)
                out[i].why[m++] = arena_printf(a, "worked with %d of the other best matches",
                                               with);
        }
        if (seed && tx[o] > 0 && m < WHY_MAX) {
            const char *r = match_similar_reason(ix, seed, o, a);
            if (r)
                out[i].why[m++] = r;
        }
        if ((tx[o] > 0 || tp[o] > 0) && m < WHY_MAX) {
            const char *r = match_text_reason(ix, qc.t, qc.n, o, cited, mark, a);
            if (r)
                out[i].why[m++] = r;
        }
        if (ix->projects_of[o] >= 3 && m < WHY_MAX)
            out[i].why[m++] = arena_printf(a, "%s %d projects",
                                           ix->end_user[o] && w->end_user > 0
                                               ? "a public body (end user) that took part in"
                                               : "took part in",
                                           ix->projects_of[o]);
        if (q->mode == MATCH_PARTNERS)   /* the text and the track record first */
            for (int j = 0; j < fn && m < WHY_MAX; j++)
                out[i].why[m++] = forum[j];
        if (m == 0 && lead && lead->country && c->country && w->same_country > 0 &&
            strcmp(lead->country, c->country) == 0)
            out[i].why[m++] = arena_printf(a, "based in %s, like you", c->country);
        for (int j = 0; j < m; j++)
            if (!out[i].why[j])
                goto oom;
        out[i].why_n = m;
    }
    *hits = out;
    *hits_n = hn;
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory ranking partners");
out:
    free(qc.t);
    free(qc.seq.v);
    return rc;
}

