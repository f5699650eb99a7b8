/* The organisers' report (app/report.h): the tables of store/report.h read
 * once each in one read, joined and counted here, then given as JSON, CSV
 * or xlsx; and the outcome figures counted the same way. */
#include "app/report.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/areas.h"
#include "app/forum_day.h"
#include "app/outcomes.h"
#include "core/arena.h"
#include "core/country.h"
#include "core/grow.h"
#include "io/csv.h"
#include "io/xlsx.h"
#include "store/check.h"
#include "store/messages.h"
#include "store/outcomes.h"
#include "store/report.h"

/* Participants of one group: a side, a country, a kind. */
struct tally {
    char key[24];
    long long organisations, people, checked_in;
    long long organisations_met, people_met;   /* with a meeting at the event */
    long long organisations_held, people_held; /* with a meeting there that took place */
};

struct tallies {
    struct tally *v;
    int n, cap;
};

/* Meetings of one pair of countries ("PL-UA"), or of all pairs. */
struct pair {
    char key[8];
    struct app_outcome_tally n;
};

/* Meetings of one capability area ("356") or of one pair of organisation
 * kinds ("company-government"): how many, between the EU/EEA and Ukraine,
 * held, reported on, and led somewhere (a follow-up, a joint project, a
 * purchase or an agreement), with each outcome's count. */
struct group {
    char key[48];
    const char *en, *uk;   /* an area's names (NULL: none known) */
    long long meetings, eu_ua, held, held_eu_ua, reported, led, led_eu_ua;
    long long by_outcome[APP_OUTCOMES_N];
};

/* The outcomes that count as a meeting having led somewhere. */
static const char *const led_outcomes[] = {"follow_up", "joint_project", "purchase", "agreement"};
#define LED_OUTCOMES_N ((int)(sizeof led_outcomes / sizeof led_outcomes[0]))

/* The area index "other" takes among the areas: a meeting where no offer of
 * one side lies in the area of a need of the other. */
#define AREA_OTHER APP_AREAS_N

/* An organisation of the register, its people's counts gathered on it. */
struct r_org {
    const char *country, *kind;   /* in the report's arena */
    bool sme;
    int country_i;                /* its country's place among the countries, sorted */
    int kind_i;                   /* its kind's place among the kinds (count_areas) */
    const char *side;             /* side_of(country), there too */
    long long people, checked_in, people_met, people_held;
    uint64_t offers[2], needs[2];   /* bit i: an offer (a need) in area i (app/areas.h) */
};

/* A person of the register: her organisation (its index in orgs), and
 * whether she is in one of the event's meetings, or in one held. */
struct r_person {
    int org;
    bool checked_in, met, held;
};

/* A meeting of the event: its people (indexes in people), and what was
 * said of it. */
struct r_meeting {
    int from, to;
    bool begun;          /* its slot begun by now (the full report only) */
    bool both_arrived;   /* its requester and addressee came on its day */
    unsigned outcomes;   /* bit i: app_outcomes[i] reported by one of its people */
    bool reported, said_not_held, said_outcome, absence_reported;
    bool held;   /* begun, and held by meeting_held's rule */
};

struct report {
    struct arena *a;   /* the strings kept */
    struct store_event event;
    struct tally all, sme;
    struct tallies sides, countries, kinds;
    long long made, pending, accepted, declined, cancelled, scheduled;
    long long with_messages;   /* requests whose people wrote in their thread: a count, no word */
    long long begun, held, held_eu_ua;   /* meetings: app_report_json's rule */
    struct pair *pairs;
    int pairs_n, pairs_cap;
    struct app_outcome_tally total, eu_ua;
    /* the register and the event's meetings, read once (one pass each),
     * each at the index the store numbered it with (store/report.h), and
     * joined here by those */
    struct r_org *orgs;
    int orgs_n, orgs_cap;
    struct r_person *people;
    int people_n, people_cap;
    struct r_meeting *meetings;
    int meetings_n, meetings_cap;
    /* every check-in at the desk, by person then day, read once: who came
     * to the event, and which meetings' two sides came that day */
    struct r_came {
        int person;
        const char *day;
    } *came;
    int came_n, came_cap;
    /* the meetings by capability area (AREA_OTHER last) and by pair of
     * kinds, then as listed: those with meetings, most first */
    struct group *areas;   /* APP_AREAS_N + 1 */
    struct group *area_list;
    int area_list_n;
    struct group *kind_pairs;
    int kind_pairs_n, kind_pairs_cap;
    bool outcomes_only;   /* app_report_outcome_tallies: the outcomes' tallies alone */
    json_t *arrivals;     /* [{"day","people"}]: each of the event's days */
};

static const char *const sides[] = {"eu_eea", "ukraine", "other"};

static const char *side_of(const char *country)
{
    if (country_is_europe(country))
        return sides[0];
    return country_is_ukraine(country) ? sides[1] : sides[2];
}

/* ---- gathering ------------------------------------------------------------------ */

/* key's tally in t, added (zero) when it has none; NULL when out of memory. */
static struct tally *tally_of(struct tallies *t, const char *key)
{
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->v[i].key, key) == 0)
            return &t->v[i];
    if (df_grow((void **)&t->v, &t->cap, t->n, sizeof *t->v) < 0)
        return NULL;
    struct tally *x = &t->v[t->n++];
    *x = (struct tally){0};
    snprintf(x->key, sizeof x->key, "%s", key);
    return x;
}

/* Adds organisation o (its people's counts) to t. */
static void tally_add(struct tally *t, const struct r_org *o)
{
    t->organisations++;
    t->people += o->people;
    t->checked_in += o->checked_in;
    t->organisations_met += o->people_met > 0;
    t->people_met += o->people_met;
    t->organisations_held += o->people_held > 0;
    t->people_held += o->people_held;
}

/* Counts organisation o in its groups: all, SMEs, its side, country and kind. */
static int org_count(struct report *r, const struct r_org *o)
{
    struct tally *side = tally_of(&r->sides, side_of(o->country)),
                 *country = tally_of(&r->countries, o->country),
                 *kind = tally_of(&r->kinds, o->kind);
    if (!side || !country || !kind)
        return 1;
    tally_add(&r->all, o);
    if (o->sme)
        tally_add(&r->sme, o);
    tally_add(side, o);
    tally_add(country, o);
    tally_add(kind, o);
    return 0;
}

static int requests_row(void *ud, const struct store_report_requests *q)
{
    struct report *r = ud;
    r->made += q->requests;
    if (strcmp(q->status, "accepted") == 0) {
        r->accepted += q->requests;
        r->scheduled += q->meetings;   /* only an accepted request's meeting is one */
    } else if (strcmp(q->status, "pending") == 0) {
        r->pending += q->requests;
    } else if (strcmp(q->status, "declined") == 0) {
        r->declined += q->requests;
    } else {
        r->cancelled += q->requests;   /* the schema allows no other */
    }
    return 0;
}

/* "PL-UA": the two codes in alphabetical order, but Ukraine's last, so that
 * an EU-Ukraine pair reads as one whoever asked for the meeting. */
static void pair_key(const char *a, const char *b, char out[8])
{
    bool swap = country_is_ukraine(a) ? !country_is_ukraine(b)
                                      : !country_is_ukraine(b) && strcmp(a, b) > 0;
    snprintf(out, 8, "%.2s-%.2s", swap ? b : a, swap ? a : b);
}

static struct pair *pair_of(struct report *r, const char *key)
{
    for (int i = 0; i < r->pairs_n; i++)
        if (strcmp(r->pairs[i].key, key) == 0)
            return &r->pairs[i];
    if (df_grow((void **)&r->pairs, &r->pairs_cap, r->pairs_n, sizeof *r->pairs) < 0)
        return NULL;
    struct pair *p = &r->pairs[r->pairs_n++];
    *p = (struct pair){0};
    snprintf(p->key, sizeof p->key, "%s", key);
    return p;
}

/* Adds c (app_outcome_tally_add's row) to its pair's tally and the totals. */
static int count_row(struct report *r, const struct app_outcome_count *c)
{
    char key[8];
    pair_key(c->from_country ? c->from_country : "", c->to_country ? c->to_country : "", key);
    struct pair *p = pair_of(r, key);
    if (!p)
        return 1;
    app_outcome_tally_add(&p->n, c);
    app_outcome_tally_add(&r->total, c);
    if (country_is_eu_ua_pair(c->from_country, c->to_country))
        app_outcome_tally_add(&r->eu_ua, c);
    return 0;
}

/* Whether a meeting that has begun took place, by what dfnc knows: nobody
 * said it was not held, and either one of its people said what it led to,
 * or both sides checked in on its day and nobody told the desk the other was
 * not there. */
static bool meeting_held(const struct r_meeting *m)
{
    return !m->said_not_held && (m->said_outcome || (m->both_arrived && !m->absence_reported));
}

/* Adds meeting m (eu_ua: between the EU/EEA and Ukraine) to g; led_mask
 * has the bits of r_meeting.outcomes that led somewhere. */
static void group_add(struct group *g, const struct r_meeting *m, bool eu_ua, unsigned led_mask)
{
    bool led = (m->outcomes & led_mask) != 0;
    g->meetings++;
    g->eu_ua += eu_ua;
    g->held += m->held;
    g->held_eu_ua += m->held && eu_ua;
    g->reported += m->reported;
    g->led += led;
    g->led_eu_ua += led && eu_ua;
    for (int k = 0; k < APP_OUTCOMES_N; k++)
        g->by_outcome[k] += (m->outcomes >> k) & 1u;
}

/* Numbers the organisations' kinds (each org's kind_i) into kinds, NULL
 * when out of memory; *n gets how many. The caller frees. Each org's side
 * is set on the way, for count_areas to judge a pair by two pointers. */
static const char **kinds_numbered(struct report *r, int *n)
{
    const char **kinds = malloc(((size_t)r->orgs_n + 1) * sizeof *kinds);
    *n = 0;
    for (int i = 0; kinds && i < r->orgs_n; i++) {
        int k = 0;
        while (k < *n && strcmp(kinds[k], r->orgs[i].kind) != 0)
            k++;
        if (k == *n)
            kinds[(*n)++] = r->orgs[i].kind;
        r->orgs[i].kind_i = k;
        r->orgs[i].side = side_of(r->orgs[i].country);
    }
    return kinds;
}

/* The pairs of kinds with meetings from cells (nk x nk, by the two kinds'
 * numbers, either way round) into r->kind_pairs, keyed "company-government":
 * the two in alphabetical order. 0, or 1 when out of memory. */
static int kind_pairs_list(struct report *r, struct group *cells, const char **kinds, int nk)
{
    for (int x = 0; x < nk; x++)
        for (int y = 0; y < nk; y++) {
            struct group *c = &cells[x * nk + y];
            if (strcmp(kinds[x], kinds[y]) > 0)   /* kinds are distinct: x == y is 0 */
                continue;
            if (x != y) {   /* the other way round is the same pair */
                const struct group *d = &cells[y * nk + x];
                c->meetings += d->meetings, c->eu_ua += d->eu_ua, c->held += d->held;
                c->held_eu_ua += d->held_eu_ua, c->reported += d->reported, c->led += d->led;
                c->led_eu_ua += d->led_eu_ua;
                for (int k = 0; k < APP_OUTCOMES_N; k++)
                    c->by_outcome[k] += d->by_outcome[k];
            }
            if (!c->meetings)
                continue;
            if (df_grow((void **)&r->kind_pairs, &r->kind_pairs_cap, r->kind_pairs_n,
                        sizeof *r->kind_pairs) < 0)
                return 1;
            struct group *g = &r->kind_pairs[r->kind_pairs_n++];
            *g = *c;
            snprintf(g->key, sizeof g->key, "%s-%s", kinds[x], kinds[y]);
        }
    return 0;
}

static int by_group_meetings(const void *a, const void *b)
{
    const struct group *x = a, *y = b;
    if (x->meetings != y->meetings)
        return x->meetings > y->meetings ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Each meeting (judged held or not by count_meetings) in every capability
 * area where one side offers and the other needs a code (AREA_OTHER when
 * none), and in its pair of kinds; then the lists, most meetings first,
 * "other" last. */
static int count_areas(struct report *r)
{
    for (int i = 0; i < APP_AREAS_N; i++)
        app_area_key(i, r->areas[i].key);
    snprintf(r->areas[AREA_OTHER].key, sizeof r->areas[AREA_OTHER].key, "other");
    unsigned led_mask = 0;
    for (int k = 0; k < LED_OUTCOMES_N; k++)
        led_mask |= 1u << app_outcome_index(led_outcomes[k]);
    /* one cell per ordered pair of kinds (five in the schema) */
    int nk;
    const char **kinds = kinds_numbered(r, &nk);
    struct group *cells = kinds ? calloc((size_t)nk * (size_t)nk + 1, sizeof *cells) : NULL;
    if (!cells) {
        free(kinds);
        return 1;
    }
    for (int i = 0; i < r->meetings_n; i++) {
        const struct r_meeting *m = &r->meetings[i];
        const struct r_org *a = &r->orgs[r->people[m->from].org],
                           *b = &r->orgs[r->people[m->to].org];
        bool eu_ua = (a->side == sides[0] && b->side == sides[1]) ||
                     (a->side == sides[1] && b->side == sides[0]);
        bool any = false;
        for (int w = 0; w < 2; w++) {
            uint64_t both = (a->offers[w] & b->needs[w]) | (b->offers[w] & a->needs[w]);
            for (; both; both &= both - 1) {   /* each set bit, lowest first */
                group_add(&r->areas[w * 64 + __builtin_ctzll(both)], m, eu_ua, led_mask);
                any = true;
            }
        }
        if (!any)
            group_add(&r->areas[AREA_OTHER], m, eu_ua, led_mask);
        group_add(&cells[a->kind_i * nk + b->kind_i], m, eu_ua, led_mask);
    }
    int rc = kind_pairs_list(r, cells, kinds, nk);
    free(cells);
    free(kinds);
    if (rc || !(r->area_list = malloc((APP_AREAS_N + 1) * sizeof *r->area_list)))
        return 1;
    for (int i = 0; i < APP_AREAS_N; i++)
        if (r->areas[i].meetings) {
            struct group *g = &r->area_list[r->area_list_n++];
            *g = r->areas[i];
            if (app_area_name(i, "en")) {
                g->en = app_area_name(i, "en");
                g->uk = app_area_name(i, "uk");
            }
        }
    if (r->area_list_n > 1)
        qsort(r->area_list, (size_t)r->area_list_n, sizeof *r->area_list, by_group_meetings);
    if (r->areas[AREA_OTHER].meetings)
        r->area_list[r->area_list_n++] = r->areas[AREA_OTHER];
    if (r->kind_pairs_n > 1)
        qsort(r->kind_pairs, (size_t)r->kind_pairs_n, sizeof *r->kind_pairs, by_group_meetings);
    return 0;
}

/* ---- reading: one pass over each table, joined by the store's numbers -------- */

static int org_read(void *ud, const struct store_report_org *o)
{
    struct report *r = ud;
    assert(o->i == r->orgs_n);   /* numbered in the order given */
    if (df_grow((void **)&r->orgs, &r->orgs_cap, r->orgs_n, sizeof *r->orgs) < 0)
        return 1;
    struct r_org x = {.country = arena_strdup(r->a, o->country ? o->country : ""),
                      .kind = arena_strdup(r->a, o->kind ? o->kind : ""), .sme = o->sme};
    if (!x.country || !x.kind)
        return 1;
    r->orgs[r->orgs_n++] = x;
    return 0;
}

static int person_read(void *ud, const struct store_report_person *p)
{
    struct report *r = ud;
    assert(p->i == r->people_n && p->org >= 0 && p->org < r->orgs_n);
    if (df_grow((void **)&r->people, &r->people_cap, r->people_n, sizeof *r->people) < 0)
        return 1;
    r->people[r->people_n++] = (struct r_person){.org = p->org};
    r->orgs[p->org].people++;
    return 0;
}

static int came_read(void *ud, int person, const char *day)
{
    struct report *r = ud;
    if (df_grow((void **)&r->came, &r->came_cap, r->came_n, sizeof *r->came) < 0)
        return 1;
    r->came[r->came_n] = (struct r_came){person, arena_strdup(r->a, day ? day : "")};
    return !r->came[r->came_n++].day;
}

static int by_person(const void *key, const void *elem)
{
    int k = *(const int *)key, e = ((const struct r_came *)elem)->person;
    return (k > e) - (k < e);
}

/* Whether person (her index in people) checked in on day, or, day NULL, on
 * one of the event's days (last year's forum, in the same database, is not
 * this year's). */
static bool came_on(const struct report *r, int person, const char *day)
{
    const struct r_came *at =
        r->came_n ? bsearch(&person, r->came, (size_t)r->came_n, sizeof *r->came, by_person)
                  : NULL;
    if (!at)
        return false;
    int i = (int)(at - r->came);
    while (i > 0 && r->came[i - 1].person == person)
        i--;
    for (; i < r->came_n && r->came[i].person == person; i++)
        if (day ? strcmp(r->came[i].day, day) == 0
                : strcmp(r->came[i].day, r->event.starts_on) >= 0 &&
                      strcmp(r->came[i].day, r->event.ends_on) <= 0)
            return true;
    return false;
}

static int meeting_read(void *ud, const struct store_report_meeting *m)
{
    struct report *r = ud;
    assert(m->i == r->meetings_n && m->from >= 0 && m->from < r->people_n && m->to >= 0 &&
           m->to < r->people_n);
    if (df_grow((void **)&r->meetings, &r->meetings_cap, r->meetings_n, sizeof *r->meetings) < 0)
        return 1;
    r->meetings[r->meetings_n++] = (struct r_meeting){
        .from = m->from, .to = m->to, .begun = m->begun && !r->outcomes_only,
        .both_arrived = m->day && came_on(r, m->from, m->day) && came_on(r, m->to, m->day)};
    r->people[m->from].met = r->people[m->to].met = true;
    return 0;
}

static int capability_read(void *ud, const struct store_report_capability *c)
{
    struct report *r = ud;
    int area = app_area_of(c->cpv);
    if (area >= 0) {
        uint64_t *bits = c->offer ? r->orgs[c->org].offers : r->orgs[c->org].needs;
        bits[area / 64] |= UINT64_C(1) << (area % 64);
    }
    return 0;
}

/* The classifier's label of a division or of one of 35's groups: an area's
 * name where dfnc has none of its own. */
static int area_label_read(void *ud, const char *code, const char *en, const char *uk)
{
    struct report *r = ud;
    int area = app_area_of(code);
    if (area < 0 || app_area_name(area, "en"))
        return 0;
    struct group *g = &r->areas[area];
    g->en = en ? arena_strdup(r->a, en) : NULL;
    g->uk = uk ? arena_strdup(r->a, uk) : NULL;
    return (en && !g->en) || (uk && !g->uk);
}

static int outcome_read(void *ud, int meeting, int other, const char *outcome)
{
    struct report *r = ud;
    struct r_meeting *m = &r->meetings[meeting];
    int i = app_outcome_index(outcome);
    (void)other;
    m->reported = true;
    if (i >= 0)
        m->outcomes |= 1u << i;
    if (outcome && strcmp(outcome, "not_held") == 0)
        m->said_not_held = true;
    else
        m->said_outcome = true;
    return 0;
}

static int absence_read(void *ud, int meeting, int other, const char *text)
{
    struct report *r = ud;
    (void)other, (void)text;
    r->meetings[meeting].absence_reported = true;
    return 0;
}

/* An attendee: met at the event, and met in a meeting held when hers was
 * (read once count_meetings has judged every meeting). */
static int attendee_read(void *ud, int meeting, int person, const char *text)
{
    struct report *r = ud;
    (void)text;
    r->people[person].met = true;
    r->people[person].held |= r->meetings[meeting].held;
    return 0;
}

static int by_country_kind_sme(const void *a, const void *b)
{
    const struct r_org *x = *(struct r_org *const *)a, *y = *(struct r_org *const *)b;
    int c = strcmp(x->country, y->country);
    if (!c)
        c = strcmp(x->kind, y->kind);
    return c ? c : (int)x->sme - (int)y->sme;
}

/* The meetings' figures: begun and held, each country pair's meetings and
 * outcomes (as rows of app_outcome_count, one per pair of countries, then
 * one per outcome and pair), and who met and who met in a meeting held. */
static int count_meetings(struct report *r, struct r_org **sorted, int countries)
{
    /* one cell per ordered pair of countries: a forum's 20-40 countries */
    struct cell {
        long long meetings, reported, by_outcome[APP_OUTCOMES_N];
    } *cells = calloc((size_t)countries * (size_t)countries + 1, sizeof *cells);
    if (!cells)
        return 1;
    for (int i = 0; i < r->meetings_n; i++) {
        struct r_meeting *m = &r->meetings[i];
        const struct r_org *a = &r->orgs[r->people[m->from].org],
                           *b = &r->orgs[r->people[m->to].org];
        struct cell *c = &cells[a->country_i * countries + b->country_i];
        c->meetings++;
        c->reported += m->reported;
        for (int k = 0; k < APP_OUTCOMES_N; k++)
            c->by_outcome[k] += (m->outcomes >> k) & 1u;
        if (!m->begun)
            continue;
        r->begun++;
        if ((m->held = meeting_held(m))) {
            r->held++;
            r->held_eu_ua += country_is_eu_ua_pair(a->country, b->country);
            r->people[m->from].held = r->people[m->to].held = true;
        }
    }
    /* the rows: the pairs', then each outcome's */
    int rc = 0;
    const char **names = malloc(((size_t)countries + 1) * sizeof *names);
    if (!names)
        rc = 1;
    for (int i = 0, k = -1; !rc && i < r->orgs_n; i++)
        if (sorted[i]->country_i != k)
            names[k = sorted[i]->country_i] = sorted[i]->country;
    for (int k = -1; !rc && k < APP_OUTCOMES_N; k++)
        for (int x = 0; !rc && x < countries; x++)
            for (int y = 0; !rc && y < countries; y++) {
                const struct cell *c = &cells[x * countries + y];
                long long n = k < 0 ? c->meetings : c->by_outcome[k];
                if (n)
                    rc = count_row(r, &(struct app_outcome_count){
                                          .outcome = k < 0 ? NULL : app_outcomes[k],
                                          .from_country = names[x], .to_country = names[y],
                                          .meetings = n, .reported = k < 0 ? c->reported : 0});
            }
    free(names);
    free(cells);
    return rc;
}

/* One day's arrivals: 0, or 1 when out of memory (gather's convention). */
static int arrival_row(void *ud, const char *day, long long people)
{
    struct report *r = ud;
    return json_array_append_new(r->arrivals, json_pack("{ss sI}", "day", day, "people",
                                                        (json_int_t)people)) != 0;
}

static int gather_read(struct store *s, const char *event, long long now, struct arena *a,
                       struct report *r, struct df_err *err)
{
    if (store_event_get(s, event, a, &r->event, err) < 0)
        return -1;
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
        if (!tally_of(&r->sides, sides[i]))
            return 1;
    struct store_report_ids *ids = store_report_ids_new();
    if (!ids)
        return 1;
    int rc = store_report_orgs_each(s, ids, org_read, r, err);
    if (!rc)
        rc = store_report_people_each(s, ids, person_read, r, err);
    if (!rc && !r->outcomes_only)   /* before the meetings, which are judged by it */
        rc = store_report_came_each(s, ids, came_read, r, err);
    for (int i = 0; !rc && i < r->people_n; i++)
        if (came_on(r, i, NULL)) {
            r->people[i].checked_in = true;
            r->orgs[r->people[i].org].checked_in++;
        }
    if (!rc)
        rc = store_report_meetings_each(s, ids, r->event.id, now, meeting_read, r, err);
    if (!rc)
        rc = store_report_marks_each(s, ids, STORE_REPORT_OUTCOME, outcome_read, r, err);
    if (!rc && !r->outcomes_only)
        rc = store_report_marks_each(s, ids, STORE_REPORT_ABSENCE, absence_read, r, err);
    if (!rc && !r->outcomes_only)
        rc = store_report_requests_each(s, r->event.id, requests_row, r, err);
    if (!rc && !r->outcomes_only && !(r->areas = calloc(APP_AREAS_N + 1, sizeof *r->areas)))
        rc = 1;
    if (!rc && !r->outcomes_only)
        rc = store_report_capabilities_each(s, ids, capability_read, r, err);
    if (!rc && !r->outcomes_only)
        rc = store_report_area_labels_each(s, area_label_read, r, err);
    if (!rc && !r->outcomes_only &&
        (r->with_messages = store_message_thread_count(s, r->event.id, err)) < 0)
        rc = -1;
    /* the organisations by country, kind and size: the groups in order, and
     * each country's place for the pairs' table */
    struct r_org **sorted = rc ? NULL : malloc(((size_t)r->orgs_n + 1) * sizeof *sorted);
    if (!rc && !sorted)
        rc = 1;
    if (rc) {
        store_report_ids_free(ids);
        return rc;
    }
    for (int i = 0; i < r->orgs_n; i++)
        sorted[i] = &r->orgs[i];
    if (r->orgs_n > 1)
        qsort(sorted, (size_t)r->orgs_n, sizeof *sorted, by_country_kind_sme);
    int countries = 0;
    for (int i = 0; i < r->orgs_n; i++)
        sorted[i]->country_i = i && strcmp(sorted[i]->country, sorted[i - 1]->country) == 0
                                   ? countries - 1
                                   : countries++;
    rc = count_meetings(r, sorted, countries);
    if (r->outcomes_only) {
        free(sorted);
        store_report_ids_free(ids);
        return rc;
    }
    if (!rc)
        rc = count_areas(r);
    if (!rc)
        rc = store_report_marks_each(s, ids, STORE_REPORT_ATTENDEE, attendee_read, r, err);
    store_report_ids_free(ids);
    for (int i = 0; !rc && i < r->people_n; i++) {
        r->orgs[r->people[i].org].people_met += r->people[i].met;
        r->orgs[r->people[i].org].people_held += r->people[i].held;
    }
    for (int i = 0; !rc && i < r->orgs_n; i++)
        rc = org_count(r, sorted[i]);
    free(sorted);
    if (!rc && !(r->arrivals = json_array()))
        rc = 1;
    if (!rc)
        rc = store_report_arrivals_each(s, r->event.id, arrival_row, r, err);
    return rc;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct tally *)a)->key, ((const struct tally *)b)->key);
}

static int by_meetings(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    if (x->n.meetings != y->n.meetings)
        return x->n.meetings > y->n.meetings ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* Fills r (its strings in a) from one state of the database. */
static int gather(struct store *s, const char *event, long long now, struct arena *a,
                  struct report *r, struct df_err *err)
{
    r->a = a;
    if (store_snapshot_begin(s, err) < 0)
        return -1;
    if (!event)
        event = app_forum_event_held(s, now, a, err);
    int rc = event ? gather_read(s, event, now, a, r, err) : -1;
    store_snapshot_end(s);
    if (rc > 0)
        return df_err_set(err, DF_ERR_RUNTIME, "out of memory counting the report");
    if (rc < 0)
        return -1;
    /* an event without people or meetings has no arrays: qsort takes no NULL */
    if (r->kinds.n > 1)
        qsort(r->kinds.v, (size_t)r->kinds.n, sizeof *r->kinds.v, by_key);
    if (r->pairs_n > 1)
        qsort(r->pairs, (size_t)r->pairs_n, sizeof *r->pairs, by_meetings);
    return 0;
}

static void report_free(struct report *r)
{
    free(r->sides.v);
    free(r->countries.v);
    free(r->kinds.v);
    free(r->pairs);
    free(r->orgs);
    free(r->people);
    free(r->meetings);
    free(r->came);
    free(r->areas);
    free(r->area_list);
    free(r->kind_pairs);
    json_decref(r->arrivals);
}

/* ---- JSON ----------------------------------------------------------------------- */

static json_t *tally_json(const struct tally *t, const char *name)
{
    json_t *j = json_pack("{sI sI sI sI sI sI sI}", "organisations",
                          (json_int_t)t->organisations, "people", (json_int_t)t->people,
                          "checked_in", (json_int_t)t->checked_in, "organisations_met",
                          (json_int_t)t->organisations_met, "people_met",
                          (json_int_t)t->people_met, "organisations_held",
                          (json_int_t)t->organisations_held, "people_held",
                          (json_int_t)t->people_held);
    if (j && name && json_object_set_new(j, name, json_string(t->key)) < 0) {
        json_decref(j);
        return NULL;
    }
    return j;
}

/* Appends j to list (which takes it); false (j freed) when either is
 * missing or memory ran out. */
static bool append(json_t *list, json_t *j)
{
    if (!list || !j) {
        json_decref(j);
        return false;
    }
    return json_array_append_new(list, j) == 0;   /* which frees j when it fails */
}

static json_t *tallies_json(const struct tallies *t, const char *name, bool with_side)
{
    json_t *list = json_array();
    for (int i = 0; list && i < t->n; i++) {
        json_t *j = tally_json(&t->v[i], name);
        if (j && with_side && json_object_set_new(j, "side", json_string(side_of(t->v[i].key))))
            json_decref(j), j = NULL;
        if (!append(list, j))
            json_decref(list), list = NULL;
    }
    return list;
}

static json_t *participants_json(const struct report *r)
{
    json_t *j = tally_json(&r->all, NULL);
    if (j && json_object_set_new(j, "sme", tally_json(&r->sme, NULL)) == 0 &&
        json_object_set_new(j, "by_side", tallies_json(&r->sides, "side", false)) == 0 &&
        json_object_set_new(j, "by_country", tallies_json(&r->countries, "country", true)) == 0 &&
        json_object_set_new(j, "by_kind", tallies_json(&r->kinds, "kind", false)) == 0 &&
        json_object_set(j, "arrivals", r->arrivals) == 0)
        return j;
    json_decref(j);
    return NULL;
}

static json_t *outcomes_json(const struct report *r)
{
    json_t *list = json_array();
    for (int i = 0; list && i < APP_OUTCOMES_N; i++)
        if (!append(list, json_pack("{ss sI sI}", "outcome", app_outcomes[i], "meetings",
                                    (json_int_t)r->total.by_outcome[i], "eu_ua",
                                    (json_int_t)r->eu_ua.by_outcome[i])))
            json_decref(list), list = NULL;
    return list ? json_pack("{sI sI s{sI sI} so}", "meetings", (json_int_t)r->total.meetings,
                            "reported", (json_int_t)r->total.reported, "eu_ua", "meetings",
                            (json_int_t)r->eu_ua.meetings, "reported",
                            (json_int_t)r->eu_ua.reported, "by_outcome", list)
                : NULL;
}

static json_t *pairs_json(const struct report *r)
{
    json_t *list = json_array();
    for (int i = 0; list && i < r->pairs_n; i++) {
        const struct pair *p = &r->pairs[i];
        char a[3] = {p->key[0], p->key[1], 0};
        json_t *j = json_pack("{ss sb sI sI}", "pair", p->key, "eu_ua",
                              country_is_eu_ua_pair(a, p->key + 3), "meetings",
                              (json_int_t)p->n.meetings, "reported", (json_int_t)p->n.reported);
        for (int k = 0; j && k < APP_OUTCOMES_N; k++)
            if (json_object_set_new(j, app_outcomes[k], json_integer(p->n.by_outcome[k])) < 0)
                json_decref(j), j = NULL;
        if (!append(list, j))
            json_decref(list), list = NULL;
    }
    return list;
}

/* The figures of n groups, each under name ("area", "kinds"): an area's
 * names (null when unknown), its meetings, held, reported and led
 * somewhere, with the four outcomes that led somewhere, and "eu_ua" the same
 * among those between the EU/EEA and Ukraine. */
static json_t *groups_json(const struct group *v, int n, const char *name, bool named)
{
    json_t *list = json_array();
    for (int i = 0; list && i < n; i++) {
        const struct group *g = &v[i];
        json_t *j = json_pack("{ss sI sI sI s{sI sI sI}}", name, g->key, "meetings",
                              (json_int_t)g->meetings, "held", (json_int_t)g->held,
                              "reported", (json_int_t)g->reported, "eu_ua", "meetings",
                              (json_int_t)g->eu_ua, "held", (json_int_t)g->held_eu_ua, "led",
                              (json_int_t)g->led_eu_ua);
        if (j && named &&
            (json_object_set_new(j, "name_en", g->en ? json_string(g->en) : json_null()) < 0 ||
             json_object_set_new(j, "name_uk", g->uk ? json_string(g->uk) : json_null()) < 0))
            json_decref(j), j = NULL;
        if (j && json_object_set_new(j, "led", json_integer(g->led)) < 0)
            json_decref(j), j = NULL;
        for (int k = 0; j && k < LED_OUTCOMES_N; k++)
            if (json_object_set_new(
                    j, led_outcomes[k],
                    json_integer(g->by_outcome[app_outcome_index(led_outcomes[k])])) < 0)
                json_decref(j), j = NULL;
        if (!append(list, j))
            json_decref(list), list = NULL;
    }
    return list;
}

static json_t *report_json(const struct report *r)
{
    const struct store_event *e = &r->event;
    bool published = e->published_at != NULL;
    return json_pack("{s{ss ss ss ss sb} so* s{sI sI sI sI sI sI} s{sI sI sI sI sI sI} so* so*"
                     " so* so*}",
                     "event",
                     "id", e->id, "name", e->name, "starts_on", e->starts_on, "ends_on",
                     e->ends_on, "published", published, "participants", participants_json(r),
                     "requests", "made", (json_int_t)r->made, "pending", (json_int_t)r->pending,
                     "accepted", (json_int_t)r->accepted, "declined", (json_int_t)r->declined,
                     "cancelled", (json_int_t)r->cancelled, "with_messages",
                     (json_int_t)r->with_messages, "meetings", "scheduled",
                     (json_int_t)r->scheduled, "published",
                     (json_int_t)(published ? r->scheduled : 0), "eu_ua",
                     (json_int_t)r->eu_ua.meetings, "begun", (json_int_t)r->begun, "held",
                     (json_int_t)r->held, "held_eu_ua", (json_int_t)r->held_eu_ua, "outcomes",
                     outcomes_json(r), "pairs", pairs_json(r), "areas",
                     groups_json(r->area_list, r->area_list_n, "area", true), "kind_pairs",
                     groups_json(r->kind_pairs, r->kind_pairs_n, "kinds", false));
}

json_t *app_report_json(struct store *s, const char *event, long long now, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct report r = {0};
    json_t *j = gather(s, event, now, &a, &r, err) == 0 ? report_json(&r) : NULL;
    /* a section that could not be built leaves a report without it */
    if (j && json_object_size(j) != 8)
        json_decref(j), j = NULL;
    if (!j && !err->kind)
        df_err_set(err, DF_ERR_RUNTIME, "out of memory writing the report");
    report_free(&r);
    arena_free(&a);
    return j;
}

int app_report_outcome_tallies(struct store *s, const char *event, struct app_outcome_tally *all,
                               struct app_outcome_tally *eu_ua, struct df_err *err)
{
    struct arena a;
    arena_init(&a, 0);
    struct report r = {.outcomes_only = true};
    int rc = gather(s, event, 0, &a, &r, err);
    if (rc == 0) {
        *all = r.total;
        *eu_ua = r.eu_ua;
    }
    report_free(&r);
    arena_free(&a);
    return rc;
}

long long app_report_clock_mark(struct store *s, long long now, struct df_err *err)
{
    return store_report_begun_n(s, now, err);
}

/* ---- rows: CSV and xlsx --------------------------------------------------------- */

struct rows {
    enum app_export_format format;
    FILE *out;
    struct xlsx_book *book;
    int n;
    struct df_err *err;
};

/* One row section,key,figure,value: 0, or -1 with w->err. */
static int row(struct rows *w, const char *section, const char *key, const char *figure,
               const char *value)
{
    const char *f[] = {section, key, figure, value};
    w->n++;
    if (w->format == APP_EXPORT_XLSX)
        return xlsx_row(w->book, f, 4, w->err);
    csv_write_record(w->out, f, 4);
    return 0;
}

static int row_n(struct rows *w, const char *section, const char *key, const char *figure,
                 long long n)
{
    char v[24];
    snprintf(v, sizeof v, "%lld", n);
    return row(w, section, key, figure, v);
}

static int tally_rows(struct rows *w, const char *section, const struct tally *t,
                      const char *key)
{
    return row_n(w, section, key, "organisations", t->organisations) ||
                   row_n(w, section, key, "people", t->people) ||
                   row_n(w, section, key, "checked_in", t->checked_in) ||
                   row_n(w, section, key, "organisations_met", t->organisations_met) ||
                   row_n(w, section, key, "people_met", t->people_met) ||
                   row_n(w, section, key, "organisations_held", t->organisations_held) ||
                   row_n(w, section, key, "people_held", t->people_held)
               ? -1
               : 0;
}

static int tallies_rows(struct rows *w, const char *section, const struct tallies *t)
{
    for (int i = 0; i < t->n; i++)
        if (tally_rows(w, section, &t->v[i], t->v[i].key) < 0)
            return -1;
    return 0;
}

static int who_came_rows(struct rows *w, const struct report *r)
{
    const struct store_event *e = &r->event;
    if (row(w, "event", e->id, "name", e->name) ||
        row(w, "event", e->id, "starts_on", e->starts_on) ||
        row(w, "event", e->id, "ends_on", e->ends_on) ||
        row_n(w, "event", e->id, "published", e->published_at != NULL) ||
        tally_rows(w, "participants", &r->all, "all") ||
        tally_rows(w, "participants", &r->sme, "sme") || tallies_rows(w, "side", &r->sides) ||
        tallies_rows(w, "country", &r->countries) || tallies_rows(w, "kind", &r->kinds))
        return -1;
    size_t i;
    json_t *x;
    json_array_foreach(r->arrivals, i, x)
        if (row_n(w, "arrivals", json_string_value(json_object_get(x, "day")), "people",
                  (long long)json_integer_value(json_object_get(x, "people"))))
            return -1;
    return 0;
}

static int meeting_rows(struct rows *w, const struct report *r)
{
    bool published = r->event.published_at != NULL;
    return row_n(w, "requests", "all", "made", r->made) ||
                   row_n(w, "requests", "all", "pending", r->pending) ||
                   row_n(w, "requests", "all", "accepted", r->accepted) ||
                   row_n(w, "requests", "all", "declined", r->declined) ||
                   row_n(w, "requests", "all", "cancelled", r->cancelled) ||
                   row_n(w, "requests", "all", "with_messages", r->with_messages) ||
                   row_n(w, "meetings", "all", "scheduled", r->scheduled) ||
                   row_n(w, "meetings", "all", "published", published ? r->scheduled : 0) ||
                   row_n(w, "meetings", "eu_ua", "scheduled", r->eu_ua.meetings) ||
                   row_n(w, "meetings", "all", "begun", r->begun) ||
                   row_n(w, "meetings", "all", "held", r->held) ||
                   row_n(w, "meetings", "eu_ua", "held", r->held_eu_ua)
               ? -1
               : 0;
}

/* The outcomes, all and EU-Ukraine, then each pair's meetings and (once any
 * is reported) outcomes. */
static int outcome_rows(struct rows *w, const struct report *r)
{
    bool any = r->total.reported > 0;
    if (row_n(w, "outcomes", "all", "reported", r->total.reported) ||
        (any && row_n(w, "outcomes", "eu_ua", "reported", r->eu_ua.reported)))
        return -1;
    for (int i = 0; any && i < APP_OUTCOMES_N; i++)
        if (row_n(w, "outcome", app_outcomes[i], "meetings", r->total.by_outcome[i]) ||
            row_n(w, "outcome", app_outcomes[i], "eu_ua", r->eu_ua.by_outcome[i]))
            return -1;
    for (int i = 0; i < r->pairs_n; i++) {
        const struct pair *p = &r->pairs[i];
        if (row_n(w, "pair", p->key, "meetings", p->n.meetings) ||
            (any && row_n(w, "pair", p->key, "reported", p->n.reported)))
            return -1;
        for (int k = 0; any && k < APP_OUTCOMES_N; k++)
            if (row_n(w, "pair", p->key, app_outcomes[k], p->n.by_outcome[k]))
                return -1;
    }
    return 0;
}

/* Each group's rows under section: an area's names, its meetings (all and
 * EU-Ukraine, held), and once any outcome is reported how many were
 * reported on and led somewhere and each outcome that led somewhere. */
static int group_rows(struct rows *w, const struct report *r, const char *section,
                      const struct group *v, int n)
{
    bool any = r->total.reported > 0;
    for (int i = 0; i < n; i++) {
        const struct group *g = &v[i];
        if ((g->en && row(w, section, g->key, "name_en", g->en)) ||
            (g->uk && row(w, section, g->key, "name_uk", g->uk)) ||
            row_n(w, section, g->key, "meetings", g->meetings) ||
            row_n(w, section, g->key, "eu_ua", g->eu_ua) ||
            row_n(w, section, g->key, "held", g->held) ||
            row_n(w, section, g->key, "held_eu_ua", g->held_eu_ua))
            return -1;
        if (any && (row_n(w, section, g->key, "reported", g->reported) ||
                    row_n(w, section, g->key, "led", g->led) ||
                    row_n(w, section, g->key, "led_eu_ua", g->led_eu_ua)))
            return -1;
        for (int k = 0; any && k < LED_OUTCOMES_N; k++)
            if (row_n(w, section, g->key, led_outcomes[k],
                      g->by_outcome[app_outcome_index(led_outcomes[k])]))
                return -1;
    }
    return 0;
}

static int write_rows(const struct report *r, enum app_export_format format, FILE *out,
                      int *rows, struct df_err *err)
{
    static const char *const header[] = {"section", "key", "figure", "value"};
    struct rows w = {.format = format, .out = out, .err = err};
    if (format == APP_EXPORT_CSV)
        csv_write_record(out, header, 4);
    else if (!(w.book = xlsx_open("report", header, 4, err)))
        return -1;
    int rc = who_came_rows(&w, r) || meeting_rows(&w, r) || outcome_rows(&w, r) ||
                     group_rows(&w, r, "area", r->area_list, r->area_list_n) ||
                     group_rows(&w, r, "kind_pair", r->kind_pairs, r->kind_pairs_n)
                 ? -1
                 : 0;
    if (w.book && rc == 0)
        rc = xlsx_close(w.book, out, err);
    else if (w.book)
        xlsx_abort(w.book);
    *rows = w.n;
    return rc;
}

int app_report_write(struct store *s, const char *event, long long now,
                     enum app_export_format format, FILE *out, int *rows, struct df_err *err)
{
    *rows = 0;
    if (format == APP_EXPORT_JSON) {
        json_t *j = app_report_json(s, event, now, err);
        if (!j)
            return -1;
        json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putc('\n', out);
        json_decref(j);
        *rows = 1;
    } else {
        struct arena a;
        arena_init(&a, 0);
        struct report r = {0};
        int rc = gather(s, event, now, &a, &r, err);
        if (rc == 0)
            rc = write_rows(&r, format, out, rows, err);
        report_free(&r);
        arena_free(&a);
        if (rc < 0)
            return -1;
    }
    if (fflush(out) != 0 || ferror(out))
        return df_err_set(err, DF_ERR_RUNTIME, "writing the report failed: %m");
    return 0;
}
