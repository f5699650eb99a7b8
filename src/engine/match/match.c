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
#include "core/country.h"
#include "core/utf8.h"
#include "engine/match/match_internal.h"

#define WHY_MAX 6

/* A profile's words about its needs against its own (match_weights.needs_text),
 * set by hand on the demo forum: a firm that needs armoured vehicles is no
 * partner for a question about them, though its profile says "armoured
 * vehicles" as often as a maker's. CORDIS profiles have no needs. */
#define NEEDS_TEXT 0.25

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
        .profile_k1 = 0.5, .cpv = 1.0, .eu_ua = 0.3, .cognate = 0.3, .needs_text = NEEDS_TEXT,
    };
}

void match_weights_search(struct match_weights *w)
{
    /* the partner question's text signals and their shape, and nothing
     * else: a directory's search answers what the words meet, not whom the
     * record favours */
    struct match_weights d;
    match_weights_default(&d);
    *w = (struct match_weights){
        .text = d.text, .text_profile = d.text_profile, .text_recency = d.text_recency,
        .text_beta = d.text_beta, .doc_top = d.doc_top, .profile_b = d.profile_b,
        .profile_k1 = d.profile_k1, .doc_k1 = d.doc_k1, .named = d.named, .cognate = d.cognate,
        .needs_text = d.needs_text,
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
        .cognate = 0.3, .needs_text = NEEDS_TEXT,
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

/* Whether byte c may be part of a word: an ASCII letter or digit, or any
 * byte of a multi-byte character. */
static bool word_byte(char c)
{
    unsigned char b = (unsigned char)c, lower = (unsigned char)(b | 0x20);
    return (lower >= 'a' && lower <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
}

/* The organisation's own words (text) with its names blanked out where they
 * stand as words: a description that opens "Obrii Aero LLC is an SME from
 * Zhytomyr" says nothing about whom to meet, and would find Obrii Munitions
 * by its name. The same length, so the words around keep their places. NULL
 * when out of memory. */
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
            if ((at == t || !word_byte(at[-1])) && !word_byte(at[n]))
                memset(at, ' ', n);
    }
    return t;
}

/* Where p is: its country's names in English and Ukrainian, and its city. A
 * meeting question is asked with the asker's description, which names them
 * ("Tampere, Finland"), and two Finnish organisations share those words as
 * any two do: no reason to meet. NULL when out of memory. */
static const char *own_place(const struct match_profile *p, struct arena *a)
{
    const char *en = p->country ? country_name_en(p->country) : NULL;
    const char *uk = p->country ? country_name_uk(p->country) : NULL;
    return arena_printf(a, "%s %s %s", en ? en : "", uk ? uk : "", p->city ? p->city : "");
}

/* One question being ranked: its words, each signal per profile, and the
 * collaboration graph around the lead. */
struct run {
    const struct match_index *ix;
    const struct match_query *q;
    const struct match_weights *w;
    struct arena *a;
    const struct match_profile *lead;   /* NULL: none */
    uint64_t lead_langs;   /* the asking person's languages, else all of the lead's people's */
    struct qctx qc;
    double *tx, *tp;       /* text over single projects, over whole profiles */
    bool text_found;       /* the text found some profile */
    double *wk, *pg, *cc;  /* walk, personalised PageRank, circle */
    double *si;            /* stand-ins' partners (no lead) */
    double *pp, *pr, *pc;  /* with the lead: joint projects, by recency, chosen by it */
    double *th, th_best;   /* partners of its partners (Adamic-Adar), and the best of them */
    int *common;           /* partners shared with the lead */
    double *seed;          /* per project: how like the question it is (NULL: no text) */
    double *score;         /* each candidate's, before the stand-ins */
    double pop_norm;       /* log1p of the most projects any profile has (1 when none) */
    char *banned, *circle, *named;
    int stand[STAND_INS], ns;   /* the stand-ins, when there is no lead */
    struct spelled_run *runs;   /* the abbreviations the question spells out */
    int runs_n;
    const char *quiet;          /* words no text reason says (match_text_reasons) */
    const char *asked[4];       /* the question's texts as read */
    struct asked_pair *pairs;   /* their words in a row (match_asked_pairs) */
    int pairs_n;
};

/* Reads the question's words: the text (meeting suggestions without one ask
 * with the lead's own words and its codes' labels). -1 with err filled. */
static int read_question(struct run *r, struct df_err *err)
{
    const struct match_query *q = r->q;
    const char *text = q->text, *labels = NULL;
    bool own_words = q->mode == MATCH_MEET && !text;
    if (own_words) {
        text = r->ix->profiles[q->lead].text;
        labels = r->ix->profiles[q->lead].labels;
    }
    size_t text_len = text ? strlen(text) : 0;
    if (text && !utf8_is_valid(text, text_len, NULL))
        return df_err_set(err, DF_ERR_USAGE, "the text is not valid UTF-8");
    if (own_words && text && !(text = without_own_name(&r->ix->profiles[q->lead], text, r->a)))
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory ranking partners");
    r->asked[0] = text;
    r->asked[1] = labels;
    if (((text && match_qterms_read(&r->qc, text, text_len) != 0) ||
         (labels && match_qterms_read(&r->qc, labels, strlen(labels)) != 0)) &&
        r->qc.oom)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the query");
    /* and the lead's needs, which a maker's words meet in full and another
     * buyer's at needs_text (text_score.c) */
    const struct match_profile *lead = own_words ? &r->ix->profiles[q->lead] : NULL;
    if (lead) {
        r->asked[2] = lead->wants;
        r->asked[3] = lead->wants_labels;
        r->qc.reading_wants = true;
        if (((lead->wants && match_qterms_read(&r->qc, lead->wants, strlen(lead->wants)) != 0) ||
             (lead->wants_labels && match_qterms_read(&r->qc, lead->wants_labels,
                                                      strlen(lead->wants_labels)) != 0)) &&
            r->qc.oom)
            return df_err_set(err, DF_ERR_RUNTIME, "out of memory reading the query");
        r->qc.reading_wants = false;
    }
    if (q->mode == MATCH_PARTNERS) {
        bool blank = true;
        for (size_t i = 0; i < text_len && blank; i++)
            blank = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
        if (blank)
            return df_err_set(err, DF_ERR_USAGE, "the project text is empty");
    }
    return 0;
}

/* The text and graph signals of every profile, the names the text spells
 * out, and the question's words sorted heaviest first. -1 when out of
 * memory. */
static int score_signals(struct run *r)
{
    const struct match_index *ix = r->ix;
    const struct match_weights *w = r->w;
    struct arena *a = r->a;
    size_t n = (size_t)ix->n + 1;
    double **per_profile[] = {&r->tx, &r->pp, &r->pr, &r->tp, &r->wk, &r->pc,
                              &r->th, &r->score, &r->cc, &r->pg, &r->si};
    for (size_t i = 0; i < sizeof per_profile / sizeof per_profile[0]; i++)
        if (!(*per_profile[i] = arena_alloc(a, n * sizeof **per_profile[i])))
            return -1;
    r->common = arena_alloc(a, n * sizeof *r->common);
    r->banned = arena_alloc(a, n);
    r->circle = arena_alloc(a, n);
    r->named = arena_alloc(a, n);
    if (!r->common || !r->banned || !r->circle || !r->named)
        return -1;
    if (r->q->mode == MATCH_PARTNERS)
        match_find_names(ix, r->qc.seq.v, (int)r->qc.seq.n, r->named);
    bool want_all = r->q->signals != NULL;
    /* a word a profile has only among its needs: a maker's word to a meeting
     * question that offers it, needs_text's otherwise */
    for (int i = 0; i < r->qc.n; i++)
        r->qc.t[i].on_needs =
            r->q->mode == MATCH_MEET && !r->qc.t[i].want ? 1.0 : w->needs_text;
    struct concepts things;
    if (r->qc.n > 0 &&
        (match_concepts_of(r->qc.t, r->qc.n, a, &things) < 0 ||
         match_score_text(ix, r->qc.t, r->qc.n, &things, w, a, r->tx, &r->seed) < 0 ||
         ((w->text_profile > 0 || want_all) &&
          match_score_profiles(ix, r->qc.t, r->qc.n, &things, w, a, r->tp) < 0)))
        return -1;
    for (int o = 0; o < ix->n && !r->text_found; o++)
        r->text_found = r->tx[o] > 0 || r->tp[o] > 0;
    if ((w->walk > 0 || want_all) && match_score_walk(ix, r->seed, r->q->lead, a, r->wk) < 0)
        return -1;
    if ((w->ppr > 0 || want_all) && match_score_ppr(ix, r->seed, r->q->lead, a, r->pg) < 0)
        return -1;
    match_qterms_sort(r->qc.t, r->qc.n);
    return 0;
}

/* Marks the lead and its past partners in r->circle. */
static void mark_circle(struct run *r)
{
    const struct match_index *ix = r->ix;
    int L = r->q->lead;
    r->circle[L] = 1;
    for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++)
        r->circle[ix->adj_to[k]] = 1;
}

/* The collaboration graph around the lead (its partners, theirs, its
 * circle in the projects like the question), and who is never suggested. */
static void graph_around_lead(struct run *r)
{
    const struct match_index *ix = r->ix;
    const struct match_query *q = r->q;
    r->th_best = 0;
    if (q->lead >= 0) {
        int L = q->lead;
        for (int k = ix->adj_off[L]; k < ix->adj_off[L + 1]; k++) {
            int p = ix->adj_to[k];
            r->pp[p] = ix->adj_w[k];
            r->pr[p] = ix->adj_rw[k];
            r->pc[p] = ix->adj_cw[k];
            int deg = ix->adj_off[p + 1] - ix->adj_off[p];
            double aa = 1.0 / log(2.0 + deg);
            for (int j = ix->adj_off[p]; j < ix->adj_off[p + 1]; j++) {
                int o = ix->adj_to[j];
                r->th[o] += aa;
                r->common[o]++;
            }
        }
        for (int o = 0; o < ix->n; o++)
            if (o != L && r->th[o] > r->th_best)
                r->th_best = r->th[o];
        r->banned[L] = 1;
        if (r->seed && (r->w->circle > 0 || q->signals)) {
            mark_circle(r);
            match_score_circle(ix, r->seed, r->circle, r->cc);
        }
    }
    for (int i = 0; i < q->exclude_n; i++)
        if (q->exclude[i] >= 0 && q->exclude[i] < ix->n)
            r->banned[q->exclude[i]] = 1;
}

/* Candidate o's score: its signals (written to q->signals when asked)
 * weighted, then the forum's needs met, EU-Ukraine pair and shared
 * language. */
static double candidate_score(const struct run *r, int o)
{
    const struct match_index *ix = r->ix;
    const struct match_query *q = r->q;
    const struct match_weights *w = r->w;
    const struct match_profile *lead = r->lead;
    double f[MATCH_SIGNALS] = {0};
    f[MATCH_SIG_TEXT] = r->tx[o];
    f[MATCH_SIG_TEXT_PROFILE] = r->tp[o];
    f[MATCH_SIG_WALK] = r->wk[o];
    if (r->pp[o] > 0) {
        double damped = log1p(r->pp[o]) / log(4.0);
        f[MATCH_SIG_PARTNER] = damped;
        f[MATCH_SIG_PARTNER_RECENT] = r->pr[o] < 1 ? r->pr[o] : 1;
        f[MATCH_SIG_PARTNER_TEXT] = r->tx[o] * (damped < 1 ? damped : 1);
    }
    if (r->pc[o] > 0)
        f[MATCH_SIG_CHOSEN] = (r->pc[o] < 2 ? r->pc[o] : 2) / 2;
    if (r->th_best > 0)
        f[MATCH_SIG_TWO_HOP] = r->th[o] / r->th_best;
    f[MATCH_SIG_POPULARITY] = log1p(ix->projects_of[o]) / r->pop_norm;
    if (ix->max_recent > 0)
        f[MATCH_SIG_POPULARITY_RECENT] = log1p(ix->recent_of[o]) / log1p(ix->max_recent);
    if (lead && lead->country && ix->profiles[o].country &&
        strcmp(lead->country, ix->profiles[o].country) == 0)
        f[MATCH_SIG_SAME_COUNTRY] = 1;
    f[MATCH_SIG_CIRCLE] = r->cc[o];
    f[MATCH_SIG_PPR] = r->pg[o];
    if (lead) {
        int lc = ix->country_of[q->lead], oc = ix->country_of[o];
        int lk = ix->kind_of[q->lead], ok = ix->kind_of[o];
        if (lc >= 0 && oc >= 0)
            f[MATCH_SIG_COUNTRY_PAIR] = ix->country_lift[(size_t)lc * ix->countries_n + oc];
        if (lk >= 0 && ok >= 0)
            f[MATCH_SIG_KIND_PAIR] = ix->kind_lift[(size_t)lk * ix->kinds_n + ok];
    }
    f[MATCH_SIG_NAMED] = r->named[o];
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
               w->kind_pair * f[MATCH_SIG_KIND_PAIR] + w->end_user * f[MATCH_SIG_END_USER] +
               w->named * f[MATCH_SIG_NAMED];
    if (lead) {
        /* needs met by offers either way, and EU-Ukraine pairs: the forum's
         * reasons to meet. For a project, a need met (CPV_MET, as the reasons
         * show it) finds an organisation on its own; a looser CPV kinship or
         * an EU-Ukraine pair only lifts one that the text or the record found */
        const struct match_profile *c = &ix->profiles[o];
        int bi, bj;
        double bv;
        double cp = match_cpv_best(lead->needs, lead->needs_n, c->offers, c->offers_n, &bi, &bj,
                                   &bv);
        double best = bv;
        cp += match_cpv_best(lead->offers, lead->offers_n, c->needs, c->needs_n, &bi, &bj, &bv);
        if (bv > best)
            best = bv;
        double forum = w->cpv * cp;
        if (match_is_eu_ua_pair(lead->country, c->country))
            forum += w->eu_ua;
        if (shared_language(r->lead_langs, ix->lang_mask[o]) > 0)
            forum += w->language;
        if (q->mode == MATCH_MEET) {
            s += forum;
        } else if (r->text_found) {
            /* for a project they lift an organisation as far as the text
             * finds it: the lead's other needs say nothing of this project */
            double rel = r->tx[o] > r->tp[o] ? r->tx[o] : r->tp[o];
            s += forum * (rel < 1 ? rel : 1);
        } else if (s > 0 || best >= CPV_MET) {
            /* a text that finds nobody leaves the forum's own reasons: a need
             * met finds an organisation on its own, and a looser kinship or an
             * EU-Ukraine pair lifts one the record found */
            s += forum;
        }
    }
    return s;
}

/* The best k candidates into heap[0..*hn), best first: by their scores,
 * then, without a lead, with the stand-ins' partners risen; then, with a
 * country spread wanted, picked greedily so that countries alternate. */
static void rank(struct run *r, struct cand *heap, int k, int *hn_out)
{
    const struct match_index *ix = r->ix;
    const struct match_query *q = r->q;
    const struct match_weights *w = r->w;
    int hn = 0;
    for (int o = 0; o < ix->n; o++) {
        if (r->banned[o])
            continue;
        double s = candidate_score(r, o);
        if (s <= 0)
            continue;
        r->score[o] = s;
        heap_push(heap, &hn, k, o, s);
    }
    qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    r->ns = 0;
    if (q->lead < 0 && q->mode == MATCH_PARTNERS && (w->stand_in > 0 || q->signals) && hn > 0) {
        /* no lead: the best matches stand in for it, their partners rise */
        r->ns = hn < STAND_INS ? hn : STAND_INS;
        for (int i = 0; i < r->ns; i++)
            r->stand[i] = heap[i].org;
        match_stand_in_scores(ix, heap, r->ns, r->si);
        hn = 0;
        for (int o = 0; o < ix->n; o++) {
            if (q->signals)
                q->signals[(size_t)o * MATCH_SIGNALS + MATCH_SIG_STAND_IN] = r->si[o];
            double v = r->score[o] + w->stand_in * r->si[o];
            if (!r->banned[o] && v > 0)
                heap_push(heap, &hn, k, o, v);
        }
        qsort(heap, (size_t)hn, sizeof *heap, cmp_cand);
    }
    if (q->scores)
        for (int o = 0; o < ix->n; o++) {
            double v = r->banned[o] ? 0 : r->score[o] + (r->ns > 0 ? w->stand_in * r->si[o] : 0);
            q->scores[o] = v > 0 ? v : 0;
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
    *hn_out = hn;
}

/* Candidate o's reasons into hit (strongest first, at most WHY_MAX); mark:
 * ix->docs_n zeroed bytes for the text reason. -1 when out of memory. */
static int hit_reasons(struct run *r, int o, char *mark, struct match_hit *hit)
{
    const struct match_index *ix = r->ix;
    const struct match_query *q = r->q;
    const struct match_weights *w = r->w;
    struct arena *a = r->a;
    const struct match_profile *c = &ix->profiles[o];
    const char **why = arena_alloc(a, WHY_MAX * sizeof *why);
    if (!why)
        return -1;
    int m = 0;
    const char *forum[FORUM_REASONS];
    const struct match_cap *cited[2] = {NULL, NULL};
    int fn = r->lead ? match_forum_reasons(r->lead, c, forum, cited, a) : 0;
    if (q->mode == MATCH_MEET) {   /* complementarity is the reason to meet: first */
        for (int j = 0; j < fn && m < WHY_MAX; j++)
            why[m++] = forum[j];
        if (w->language > 0 && shared_language(r->lead_langs, ix->lang_mask[o]) < 0 &&
            m < WHY_MAX)
            why[m++] = arena_printf(a, "no language in common: an interpreter is needed");
    }
    if (r->named[o] && w->named > 0)
        why[m++] = arena_printf(a, "named in the text");
    if (r->pp[o] > 0 && m < WHY_MAX)
        why[m++] = arena_printf(a, "worked with you on %d project%s", (int)r->pp[o],
                                r->pp[o] > 1 ? "s" : "");
    if (r->common[o] > 0 && m < WHY_MAX) {
        /* of them, how many it met on projects like this one */
        int near = 0;
        if (r->seed && q->mode == MATCH_PARTNERS) {
            if (!r->circle[q->lead])   /* marked only when its signal was asked for */
                mark_circle(r);
            near = match_circle_count(ix, r->seed, r->circle, q->lead, o);
        }
        if (near > 0 && near >= r->common[o])
            why[m++] = arena_printf(a,
                                    "worked with %d of your past partners, all of them on "
                                    "projects like this one",
                                    r->common[o]);
        else if (near > 0)
            why[m++] = arena_printf(a,
                                    "worked with %d of your past partners, %d%s of them on "
                                    "projects like this one",
                                    r->common[o], near, near >= 64 ? "+" : "");
        else
            why[m++] = arena_printf(a, "worked with %d of your past partners", r->common[o]);
    }
    if (r->si[o] > 0 && w->stand_in > 0 && m < WHY_MAX) {
        int with = 0;
        for (int j = 0; j < r->ns; j++)
            with += r->stand[j] != o && match_worked_together(ix, r->stand[j], o);
        if (with > 0)
            why[m++] = arena_printf(a, "worked with %d of the other best matches", with);
    }
    if (r->seed && r->tx[o] > 0 && m < WHY_MAX) {
        const char *s = match_similar_reason(ix, r->seed, o, a);
        if (s)
            why[m++] = s;
    }
    if (r->tx[o] > 0 || r->tp[o] > 0) {
        const char *said[2];
        struct text_say say = {.quiet = r->quiet, .common_too = q->say_common_words,
                               .ukrainian = q->say_ukrainian, .english = q->say_english,
                               .lexicon = q->lexicon, .pairs = r->pairs,
                               .pairs_n = r->pairs_n};
        int n = match_text_reasons(ix, r->qc.t, r->qc.n, r->runs, r->runs_n, o, cited, &say,
                                   mark, a, said);
        if (n < 0)
            return -1;
        for (int k = 0; k < n && m < WHY_MAX; k++)
            why[m++] = said[k];
    }
    if (ix->projects_of[o] >= 3 && m < WHY_MAX)
        why[m++] = arena_printf(a, "%s %d projects",
                                ix->end_user[o] && w->end_user > 0
                                    ? "a public body (end user) that took part in"
                                    : "took part in",
                                ix->projects_of[o]);
    if (q->mode == MATCH_PARTNERS)   /* the text and the track record first */
        for (int j = 0; j < fn && m < WHY_MAX; j++)
            why[m++] = forum[j];
    if (m == 0 && r->lead && r->lead->country && c->country && w->same_country > 0 &&
        strcmp(r->lead->country, c->country) == 0)
        why[m++] = arena_printf(a, "based in %s, like you", c->country);
    for (int j = 0; j < m; j++)
        if (!why[j])
            return -1;
    hit->why = why;
    hit->why_n = m;
    return 0;
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

    const struct match_profile *lead = q->lead >= 0 ? &ix->profiles[q->lead] : NULL;
    struct run r = {
        .ix = ix, .q = q, .w = w, .a = a, .lead = lead,
        .lead_langs = q->lead_languages && *q->lead_languages
                          ? match_languages_mask(&ix->langs, q->lead_languages)
                          : lead ? ix->lang_mask[q->lead] : 0,
        .qc = {.ix = ix, .lx = q->lexicon, .cognate = w->cognate,
               .count_words = q->words_met != NULL},
        .pop_norm = ix->max_projects > 0 ? log1p(ix->max_projects) : 1.0,
    };
    int rc = -1;
    if (read_question(&r, err) < 0)
        goto out;
    int words_n = 0;
    if (q->words_met && match_qterms_words_met(&r.qc, a, q->words_met, &words_n) < 0)
        goto oom;
    if (q->words_n)
        *q->words_n = words_n;
    if (score_signals(&r) < 0)
        goto oom;
    graph_around_lead(&r);
    /* with a country spread wanted, rank a wider pool, then pick greedily */
    int k = w->country_spread > 0 ? (q->top * 3 < ix->n ? q->top * 3 : ix->n) : q->top;
    if (k < q->top)
        k = q->top;
    struct cand *heap = arena_alloc(a, (size_t)k * sizeof *heap);
    if (!heap)
        goto oom;
    int hn;
    rank(&r, heap, k, &hn);

    struct match_hit *out = arena_alloc(a, ((size_t)hn + 1) * sizeof *out);
    char *mark = arena_alloc(a, (size_t)ix->docs_n + 1);
    if (!out || !mark || (hn > 0 && (r.runs_n = match_qterms_runs(&r.qc, a, &r.runs)) < 0) ||
        (hn > 0 && (r.pairs_n = match_asked_pairs(ix, r.asked, q->say_common_words, a,
                                                   &r.pairs)) < 0))
        goto oom;
    if (q->mode == MATCH_MEET && !(r.quiet = own_place(lead, a)))
        goto oom;
    for (int i = 0; i < hn; i++) {
        out[i].org = heap[i].org;
        out[i].score = heap[i].score;
        if (hit_reasons(&r, heap[i].org, mark, &out[i]) < 0)
            goto oom;
    }
    *hits = out;
    *hits_n = hn;
    rc = 0;
    goto out;
oom:
    df_err_set(err, DF_ERR_RUNTIME, "out of memory ranking partners");
out:
    free(r.qc.t);
    free(r.qc.seq.v);
    free(r.qc.place_term.v);
    free(r.qc.brought.v);
    return rc;
}
