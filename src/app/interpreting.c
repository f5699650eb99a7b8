/* Interpreter needs and capacities of an event's meetings (see interpreting.h). */
#include "app/interpreting.h"
#include "app/fields.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does the ';'-separated list speak the two-letter code lang? */
static bool speaks(const char *list, const char *lang)
{
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && strncmp(p, lang, 2) == 0)
            return true;
        p = e ? e + 1 : p + n;
    }
    return false;
}

/* The i-th two-letter code of a list into out[3]; false past the end. */
static bool nth_lang(const char *list, int i, char out[3])
{
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && i-- == 0) {
            memcpy(out, p, 2);
            out[2] = '\0';
            return true;
        }
        p = e ? e + 1 : p + n;
    }
    return false;
}

/* A language everyone in the meeting speaks? (The first person's are tried.) */
static bool common_language(const char *const *langs, const int *who, int n)
{
    char l[3];
    for (int i = 0; nth_lang(langs[who[0]], i, l); i++) {
        bool all = true;
        for (int k = 1; k < n && all; k++)
            all = speaks(langs[who[k]], l);
        if (all)
            return true;
    }
    return false;
}

static bool covers(const char *const *langs, const int *who, int n, const char *a, const char *b)
{
    for (int k = 0; k < n; k++)
        if (!speaks(langs[who[k]], a) && !speaks(langs[who[k]], b))
            return false;
    return true;
}

/* An index for a two-letter code in a 26 x 26 table (0 for anything else). */
static int lang_slot(const char *l)
{
    if (l[0] < 'a' || l[0] > 'z' || l[1] < 'a' || l[1] > 'z')
        return 0;
    return (l[0] - 'a') * 26 + (l[1] - 'a');
}

/* Can interpreter i work in slot k? */
static bool works(const struct store_interpreter *i, const struct store_slot *k)
{
    return !i->session || strcmp(i->session, k->session) == 0;
}

static int find_pair(const struct app_interpreting *o, const char *a, const char *b)
{
    for (int i = 0; i < o->n_pairs; i++) {
        const char *x = o->pair_name[i];
        if ((!strncmp(x, a, 2) && !strncmp(x + 3, b, 2)) ||
            (!strncmp(x, b, 2) && !strncmp(x + 3, a, 2)))
            return i;
    }
    return -1;
}

int app_interpreting_plan(const struct store_interpreter *iv, int n_iv,
                          const struct store_slot *slots, int n_slots,
                          const char *const *langs, int n_people, const int *off,
                          const int *people, int n_meetings, struct arena *a,
                          struct app_interpreting *out)
{
    memset(out, 0, sizeof *out);
    /* at most one pair per interpreter plus one made up per meeting */
    size_t max_pairs = (size_t)n_iv + (size_t)n_meetings + 1;
    out->pair_name = arena_alloc(a, max_pairs * sizeof *out->pair_name);
    out->meet_pair = arena_alloc(a, ((size_t)n_meetings + 1) * sizeof *out->meet_pair);
    int *total = arena_alloc(a, max_pairs * sizeof *total);
    if (!out->pair_name || !out->meet_pair || !total)
        return -1;
    for (int i = 0; i < n_iv; i++)
        if (find_pair(out, iv[i].lang_a, iv[i].lang_b) < 0 &&
            !(out->pair_name[out->n_pairs++] =
                  arena_printf(a, "%s-%s", iv[i].lang_a, iv[i].lang_b)))
            return -1;
    int booked = out->n_pairs;
    for (int i = 0; i < n_iv; i++)
        for (int k = 0; k < n_slots; k++)
            total[find_pair(out, iv[i].lang_a, iv[i].lang_b)] += works(&iv[i], &slots[k]);
    static const int n_codes = 26 * 26;
    int *freq = arena_alloc(a, (size_t)n_codes * sizeof *freq);
    if (!freq)
        return -1;
    char l[3];
    for (int q = 0; q < n_people; q++)
        for (int i = 0; nth_lang(langs[q], i, l); i++)
            freq[lang_slot(l)]++;
    for (int m = 0; m < n_meetings; m++) {
        const int *who = people + off[m];
        int n = off[m + 1] - off[m];
        out->meet_pair[m] = -1;
        bool known = n >= 2;
        for (int k = 0; k < n && known; k++)
            known = langs[who[k]] && *langs[who[k]];
        if (!known || common_language(langs, who, n))
            continue;
        int best = -1;
        for (int i = 0; i < booked; i++)
            if (covers(langs, who, n, out->pair_name[i], out->pair_name[i] + 3) &&
                (best < 0 || total[i] > total[best]))
                best = i;
        if (best < 0) {
            /* nobody booked covers it: name the covering pair of the languages
             * most spoken at the event (uk-en rather than uk-fr for a French
             * visitor who also speaks English) */
            char x[3] = "", y[3] = "", l1[3], l2[3];
            int score = -1;
            for (int k1 = 0; k1 < n; k1++)
                for (int i1 = 0; nth_lang(langs[who[k1]], i1, l1); i1++)
                    for (int k2 = 0; k2 < n; k2++)
                        for (int i2 = 0; nth_lang(langs[who[k2]], i2, l2); i2++) {
                            int sc = freq[lang_slot(l1)] + freq[lang_slot(l2)];
                            if (strcmp(l1, l2) && sc > score && covers(langs, who, n, l1, l2)) {
                                score = sc;
                                memcpy(x, l1, 3);
                                memcpy(y, l2, 3);
                            }
                        }
            if (!*x)
                continue;   /* no two-letter codes to name a pair by: left free */
            best = find_pair(out, x, y);
            if (best < 0) {
                best = out->n_pairs;
                if (!(out->pair_name[out->n_pairs++] = arena_printf(a, "%s-%s", x, y)))
                    return -1;
            }
        }
        out->meet_pair[m] = best;
    }
    out->pair_cap = arena_alloc(a, ((size_t)out->n_pairs * (size_t)n_slots + 1) * sizeof(int));
    out->held = arena_alloc(a, (size_t)n_iv * (size_t)n_slots + 1);
    if (!out->pair_cap || !out->held)
        return -1;
    out->n_iv = n_iv;
    out->n_slots = n_slots;
    for (int i = 0; i < n_iv; i++) {
        int pi = find_pair(out, iv[i].lang_a, iv[i].lang_b);
        for (int k = 0; k < n_slots; k++)
            out->pair_cap[(size_t)pi * n_slots + k] += works(&iv[i], &slots[k]);
    }
    return 0;
}

void app_interpreting_hold(struct app_interpreting *ip, const struct store_interpreter *iv,
                           const struct store_slot *slots, const char *id, int k)
{
    if (!id || k < 0 || k >= ip->n_slots)
        return;
    for (int i = 0; i < ip->n_iv; i++) {
        unsigned char *h = &ip->held[(size_t)i * ip->n_slots + k];
        if (strcmp(iv[i].id, id) != 0 || !works(&iv[i], &slots[k]) || *h)
            continue;
        *h = 1;
        ip->pair_cap[(size_t)find_pair(ip, iv[i].lang_a, iv[i].lang_b) * ip->n_slots + k]--;
    }
}

bool app_interpreter_serves(const struct store_interpreter *iv, const char *pair,
                            const struct store_slot *k)
{
    const char *la = iv->lang_a, *lb = iv->lang_b;
    bool of_pair = (!strncmp(la, pair, 2) && !strncmp(lb, pair + 3, 2)) ||
                   (!strncmp(lb, pair, 2) && !strncmp(la, pair + 3, 2));
    return of_pair && works(iv, k);
}

int app_interpreting_assign(const struct app_interpreting *ip,
                            const struct store_interpreter *iv, int n_iv,
                            const struct store_slot *slots, int n_slots, const int *slot_of,
                            int n_meetings, int *who)
{
    unsigned char *busy = calloc((size_t)n_iv * (size_t)n_slots + 1, 1);
    if (!busy)
        return -1;
    if (ip->held && ip->n_iv == n_iv && ip->n_slots == n_slots)
        memcpy(busy, ip->held, (size_t)n_iv * (size_t)n_slots);
    for (int m = 0; m < n_meetings; m++) {
        who[m] = -1;
        int k = slot_of[m], pi = ip->meet_pair[m];
        if (k < 0 || k >= n_slots || pi < 0)
            continue;
        const char *pair = ip->pair_name[pi];
        /* the first interpreter of the pair, free in k, not yet taken in k */
        for (int i = 0; i < n_iv && who[m] < 0; i++) {
            unsigned char *b = &busy[(size_t)i * n_slots + k];
            if (app_interpreter_serves(&iv[i], pair, &slots[k]) && !*b) {
                *b = 1;
                who[m] = i;
            }
        }
    }
    free(busy);
    return 0;
}

int app_interpreting_keep_locked(struct app_interpreting *ip, const int *locked_slot,
                                 int n_slots, int n_meetings, int *needs)
{
    int *taken = calloc((size_t)ip->n_pairs * (size_t)n_slots + 1, sizeof(int));
    if (!taken)
        return -1;
    int released = 0;
    for (int m = 0; m < n_meetings; m++) {
        needs[m] = ip->meet_pair[m];
        int k = locked_slot[m], pi = ip->meet_pair[m];
        if (pi < 0 || k < 0 || k >= n_slots)
            continue;
        size_t at = (size_t)pi * n_slots + k;
        if (taken[at] < ip->pair_cap[at]) {
            taken[at]++;
        } else {
            ip->meet_pair[m] = -1;
            released++;
        }
    }
    free(taken);
    return released;
}

int app_interpreter_copy(struct arena *a, struct store_interpreter *c,
                         const struct store_interpreter *x)
{
    *c = (struct store_interpreter){.id = arena_strdup(a, x->id),
                                    .lang_a = arena_strdup(a, x->lang_a),
                                    .lang_b = arena_strdup(a, x->lang_b),
                                    .session = x->session ? arena_strdup(a, x->session) : NULL};
    return !c->id || !c->lang_a || !c->lang_b || (x->session && !c->session) ? -1 : 0;
}

int app_language_pair(const char *v, char a[3], char b[3], struct df_err *err)
{
    bool ok = v && strlen(v) == 5 && v[2] == '-';
    for (int i = 0; ok && i < 2; i++)
        ok = v[i] >= 'a' && v[i] <= 'z' && v[3 + i] >= 'a' && v[3 + i] <= 'z';
    if (!ok || (v[0] == v[3] && v[1] == v[4])) {
        df_err_set(err, DF_ERR_INPUT, "pair \"%s\" must be two different language codes like "
                   "uk-en", v ? v : "");
        return df_err_code(err, "pair_malformed", "value", v, NULL);
    }
    if (!app_language_is_known(v) || !app_language_is_known(v + 3)) {
        const char *unknown = app_language_is_known(v) ? v + 3 : v;
        df_err_set(err, DF_ERR_INPUT, "pair \"%s\": \"%.2s\" is not an ISO 639-1 language code",
                   v, unknown);
        char code[3];
        snprintf(code, sizeof code, "%.2s", unknown);
        return df_err_code(err, "pair_language", "value", v, "code", code, NULL);
    }
    memcpy(a, v, 2);
    memcpy(b, v + 3, 2);
    a[2] = b[2] = '\0';
    return 0;
}
