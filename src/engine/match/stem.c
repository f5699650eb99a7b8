/* The light stemmers (stem.h): English, with British spellings read as
 * American ones; Ukrainian, a suffix stripper with the other stems an
 * ambiguous ending may give, which the index joins where its texts agree. */
#include "engine/match/stem.h"

#include <stdbool.h>
#include <string.h>

#include "core/utf8.h"

/* ---- English --------------------------------------------------------------- */

static bool ends(const char *w, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* How many runs of vowels w[0..n) has: its syllables, near enough. */
static int vowel_groups(const char *w, size_t n)
{
    int g = 0;
    for (size_t i = 0; i < n; i++)
        g += is_vowel(w[i]) && (i == 0 || !is_vowel(w[i - 1]));
    return g;
}

/* A British l doubled before an ending (modelling, travelled, signalling,
 * and controlled in both spellings) is one l, as the bare word has it: a
 * stem of two or more syllables ending in ll loses one (install and
 * installed alike; shell and skill keep theirs). */
static void single_l(const char *w, size_t *n)
{
    if (*n > 4 && ends(w, *n, "ll") && vowel_groups(w, *n - 2) >= 2)
        (*n)--;
}

/* British spellings read as American ones, in place, so that a buyer's
 * "defense" meets a maker's "defence" (w is lowercased ASCII, n its length;
 * returns the new length): -our as -or after three letters or more
 * (armour, armoured, labour, behaviour; not hour, tour or flour), -tre and
 * -bre as -ter and -ber (centre, metre, fibre, calibre), -yse as -yze
 * (analyse), and a few words whole (defence, offence, licence, programme). */
static size_t american_spelling(char *w, size_t n)
{
    /* every English word passes here: most leave after a few letters' tests */
    static const struct { const char *uk, *us; } whole[] = {
        {"defence", "defense"}, {"defences", "defenses"}, {"offence", "offense"},
        {"offences", "offenses"}, {"licence", "license"}, {"licences", "licenses"},
        {"programme", "program"}, {"programmes", "programs"}, {"manoeuvre", "maneuver"},
        {"manoeuvres", "maneuvers"}, {"aluminium", "aluminum"}, {"grey", "gray"},
        {"tyre", "tire"}, {"tyres", "tires"}, {"sulphur", "sulfur"},
    };
    char last = w[n - 1];
    if (n <= 10 && (last == 'e' || last == 's' || last == 'm' || last == 'y' || last == 'r'))
        for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
            if (w[0] == whole[i].uk[0] && strcmp(w, whole[i].uk) == 0) {
                size_t k = strlen(whole[i].us);
                memcpy(w, whole[i].us, k + 1);
                return k;
            }
    /* -our, and the endings it takes, after three letters or more */
    static const struct { const char *s; size_t n; } our_tails[] = {
        {"", 0},    {"s", 1},    {"y", 1},    {"ed", 2},   {"er", 2},    {"al", 2},   {"ing", 3},
        {"ers", 3}, {"ful", 3},  {"ite", 3},  {"able", 4}, {"ites", 4},  {"less", 4}, {"ably", 4},
    };
    const char *our = n >= 6 ? strstr(w + 3, "our") : NULL;
    for (size_t i = 0; our && i < sizeof our_tails / sizeof our_tails[0]; i++) {
        size_t t = our_tails[i].n;
        if (n < t + 6)
            break;   /* the tails come shortest first */
        size_t at = n - t - 3;
        if (w[at] == 'o' && w[at + 1] == 'u' && w[at + 2] == 'r' &&
            memcmp(w + n - t, our_tails[i].s, t) == 0) {
            memmove(w + at + 1, w + at + 2, t + 2);   /* drop the u (and move the NUL) */
            return n - 1;
        }
    }
    /* -tre and -bre, and their plurals: centre, fibre (the r and e trade places) */
    size_t e = last == 's' ? n - 1 : n;   /* past the e */
    if (e >= 5 && w[e - 1] == 'e' && w[e - 2] == 'r' && (w[e - 3] == 't' || w[e - 3] == 'b')) {
        w[e - 2] = 'e';
        w[e - 1] = 'r';
        return n;
    }
    /* -yse: analyse, analysed, analysing (not analyses: the plural of analysis) */
    static const char *const yse_tails[] = {"yse", "ysed", "ysing"};
    for (size_t i = 0; i < sizeof yse_tails / sizeof yse_tails[0]; i++) {
        size_t k = strlen(yse_tails[i]);
        if (n >= k + 3 && w[n - k] == 'y' && ends(w, n, yse_tails[i])) {
            w[n - k + 1] = 'z';
            return n;
        }
    }
    return n;
}

size_t match_stem_en(char *w)
{
    size_t n = strlen(w);
    if (n <= 3)
        return n;
    n = american_spelling(w, n);
    /* plurals */
    if (ends(w, n, "sses"))
        n -= 2;
    else if (ends(w, n, "ies") && n > 4)
        w[n - 3] = 'y', n -= 2;
    else if (w[n - 1] == 's' && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is"))
        n -= 1;
    single_l(w, &n);
    /* derivational and inflectional endings, at most two rounds: "operational" ->
     * "operation" -> "operat" */
    /* syllables: how many the stem must keep (-al: medical, tactical, but
     * signal, portal and global stay whole, not sign, port, glob); not_after:
     * a letter the ending is no ending after (-ly after p: supply, apply) */
    static const struct {
        const char *suf, *rep;
        int syllables;
        char not_after;
    } rules[] = {
        {"ization", "iz", 0, 0}, {"isation", "iz", 0, 0}, {"ational", "at", 0, 0},
        {"ation", "at", 0, 0},   {"ition", "it", 0, 0},   {"ution", "ut", 0, 0},
        {"ction", "ct", 0, 0},   {"ssion", "ss", 0, 0},   {"sion", "s", 0, 0},
        {"ement", "", 0, 0},     {"ment", "", 0, 0},      {"ness", "", 0, 0},
        {"ability", "abl", 0, 0}, {"ibility", "ibl", 0, 0}, {"ity", "", 0, 0},
        {"ive", "", 0, 0},       {"ing", "", 0, 0},       {"ed", "", 0, 0},
        {"ly", "", 0, 'p'},      {"al", "", 2, 0},        {"ise", "iz", 0, 0},
        {"ize", "iz", 0, 0},     {"er", "", 0, 0},
    };
    for (int round = 0; round < 2; round++) {
        bool changed = false;
        for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
            size_t k = strlen(rules[i].suf), r = strlen(rules[i].rep);
            if (!ends(w, n, rules[i].suf) || n - k + r < 4)
                continue;
            /* the stem keeps a vowel, so "red" or "bring" stay whole */
            bool vowel = false;
            for (size_t j = 0; j < n - k; j++)
                vowel |= is_vowel(w[j]);
            if (!vowel)
                continue;
            if ((rules[i].syllables && vowel_groups(w, n - k) < rules[i].syllables) ||
                (rules[i].not_after && w[n - k - 1] == rules[i].not_after))
                continue;
            memcpy(w + n - k, rules[i].rep, r);
            n = n - k + r;
            single_l(w, &n);
            changed = true;
            break;
        }
        if (!changed)
            break;
    }
    /* "planning" -> "plann" -> "plan", "jamming" -> "jamm" -> "jam"; "secure"
     * and "securing" meet at "secur" */
    if (n >= 4 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) && w[n - 1] != 'l' &&
        w[n - 1] != 's')
        n--;
    if (n > 4 && w[n - 1] == 'e')
        n--;
    /* a y after a consonant is the i its other forms have: supply, supplier
     * and supplies meet at "suppli" */
    if (n > 3 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        w[n - 1] = 'i';
    w[n] = '\0';
    return n;
}

/* ---- Ukrainian ------------------------------------------------------------- */

/* Does w[0..n) end in a Ukrainian vowel? */
static bool ends_in_vowel_uk(const char *w, size_t n)
{
    static const char *const vowels[] = {"а", "е", "є", "и", "і", "ї", "о", "у", "ю", "я"};
    for (size_t i = 0; i < sizeof vowels / sizeof vowels[0]; i++)
        if (ends(w, n, vowels[i]))
            return true;
    return false;
}

/* An ending that starts with [j]: я, ю, є, ї, й (зброя, героєм, країв). */
static bool iotated(const char *ending)
{
    static const char *const j[] = {"я", "ю", "є", "ї", "й"};
    for (size_t i = 0; i < sizeof j / sizeof j[0]; i++)
        if (strncmp(ending, j[i], strlen(j[i])) == 0)
            return true;
    return false;
}

/* Strips a reflexive ending, then the longest noun or adjective ending that
 * leaves three letters, then a soft sign; returns the new length, and the
 * ending in *stripped (NULL for none). Verb endings (-ати, -ла, -ли, -ть
 * ...) are left out on purpose: they are also the ends of nouns (гранати,
 * сигнали, можливість), and a forum's texts name things far more than they
 * conjugate. Not even -ємо and -ють, which end no noun: a firm writes
 * "шукаємо партнерів" of itself, and the demo forum's Ukrainian descriptions
 * say "шукає". Even now that such a word counts as common among the
 * profiles in its script (text_score.c's word_df), the present tense's persons
 * stripped (-ємо, -ють, -имо, -ить ...) lifted every Ukrainian partner of the
 * demo's drone maker a little and cost it one European one in its best 20:
 * what a firm does it says in nouns, and its verbs are everyone's. -ові is
 * left out for the plural of -овий adjectives (військові); -ем is stripped
 * only after a hushing consonant. */
static size_t strip_ending(const char *w, size_t n, const char **stripped)
{
    static const char *const reflexive[] = {"ся", "сь"};
    static const char *const endings[] = {
        "ього", "ьому", "ння", "ами", "ями", "ого", "ому", "ими", "іми",
        "ах", "ях", "ою", "ею", "єю", "ів", "їв", "ей", "ям", "ам", "ом", "єм",
        "ім", "им", "их", "іх", "ий", "ій", "ої", "ую", "юю", "ая",
        "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й",
    };
    for (size_t i = 0; i < 2; i++)
        if (ends(w, n, reflexive[i]) && utf8_length(w, n) > 5) {
            n -= strlen(reflexive[i]);
            break;
        }
    *stripped = NULL;
    size_t best = 0;
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t k = strlen(endings[i]);
        if (k > best && ends(w, n, endings[i]) && utf8_length(w, n - k) >= 3) {
            best = k;
            *stripped = endings[i];
        }
    }
    /* -ами and -ам after гр are a -грама noun's own м (програми, програм:
     * програма; діаграми), not a plural's ending */
    if (*stripped && (strcmp(*stripped, "ами") == 0 || strcmp(*stripped, "ам") == 0) &&
        ends(w, n - best, "гр")) {
        best = strcmp(*stripped, "ами") == 0 ? strlen("и") : 0;
        *stripped = best ? "и" : NULL;
    }
    /* -ем only after a hushing consonant or ц (виконавцем, користувачем):
     * after others it is more often a plural's end (систем, проблем) */
    static const char *const hushing[] = {"цем", "жем", "чем", "шем", "щем"};
    for (size_t i = 0; best == 0 && i < sizeof hushing / sizeof hushing[0]; i++)
        if (ends(w, n, hushing[i]) && utf8_length(w, n) > 5)
            best = strlen("ем");
    n -= best;
    if (ends(w, n, "ь") && utf8_length(w, n) > 3)
        n -= strlen("ь");
    return n;
}

/* A fleeting vowel: закупівель and закупівлі, виконавець and виконавця,
 * зразок and зразка; a stem whose vowel stays (модель, моделі) loses it in
 * every case alike. Returns the stem w[0..n)'s new length. */
static size_t drop_fleeting_vowel(char *w, size_t n)
{
    static const char *const fleeting[] = {"ел", "ец", "ок"};
    for (size_t i = 0; i < sizeof fleeting / sizeof fleeting[0]; i++)
        if (ends(w, n, fleeting[i]) && utf8_length(w, n) > 4 &&
            !ends_in_vowel_uk(w, n - strlen(fleeting[i]))) {
            size_t k = strlen(fleeting[i]); /* two letters of two bytes */
            memmove(w + n - k, w + n - k / 2, k / 2);
            return n - k / 2;
        }
    return n;
}

/* Brings the stem w[0..n) that stripping left to the one the word's other
 * cases leave, where the ending changed the stem (a vowel that comes and
 * goes, a consonant that alternates); returns the new length. */
static size_t mend_stem(char *w, size_t n, const char *stripped)
{
    /* -ка nouns turn к into ц before -і: безпеці, техніці, логістиці (-тиці:
     * -тика nouns outnumber -тиця ones, частиці), розробці, розвідці; not after
     * another consonant, where -ці is more often -ець's plural (виконавці,
     * фахівці, українці, німці), nor after и elsewhere (столиці, одиниці) */
    bool locative_i = stripped && strcmp(stripped, "і") == 0;
    if (locative_i &&
        (ends(w, n, "ец") || ends(w, n, "іц") || ends(w, n, "тиц") || ends(w, n, "бц") ||
         ends(w, n, "дц")) &&
        utf8_length(w, n) > 4)
        memcpy(w + n - strlen("ц"), "к", strlen("к"));
    /* and always after у, ю or о, where no noun ends in ц (науці, руці,
     * блоці, потоці); not after а or я (праці, місяці) */
    if (locative_i && (ends(w, n, "уц") || ends(w, n, "юц") || ends(w, n, "оц")) &&
        utf8_length(w, n) >= 3)
        memcpy(w + n - strlen("ц"), "к", strlen("к"));
    /* a -ь noun doubles its consonant before the instrumental's -ю: моделлю,
     * ціллю, міццю, ніччю, галуззю, сумішшю (not тт, нн, жж, дд or сс, which
     * -ття, -ння, -жжя, -ддя and -сся nouns keep in every case: укриття,
     * укриттю; знаряддя, знаряддю) */
    static const char *const doubled[] = {"лл", "цц", "чч", "зз", "шш"};
    bool instrumental = stripped && strcmp(stripped, "ю") == 0;
    for (size_t i = 0; instrumental && i < sizeof doubled / sizeof doubled[0]; i++)
        if (ends(w, n, doubled[i]) && utf8_length(w, n) > 3) {
            n -= strlen(doubled[i]) / 2;
            break;
        }
    n = drop_fleeting_vowel(w, n);
    /* a fleeting о no rule can tell from a kept one: вогонь and вогню, посол
     * and посла (not долонь, долоня; вагон, вагона) */
    static const char *const fleeting_o[] = {"вогон", "посол"};
    for (size_t i = 0; i < sizeof fleeting_o / sizeof fleeting_o[0]; i++)
        if (n == strlen(fleeting_o[i]) && memcmp(w, fleeting_o[i], n) == 0) {
            memmove(w + n - strlen("ол"), w + n - strlen("л"), strlen("л"));
            n -= strlen("о");
            break;
        }
    /* -ень and -ань after a consonant: after в, д, с or т mostly a -ень
     * noun's fleeting vowel (рівень, рівня; водень; вересень), as the genitive
     * plural of a -ня noun puts one in (пісень, пісня); elsewhere mostly a
     * verbal noun's genitive plural (рішень, рішення; досліджень;
     * випробувань, випробування), which loses its н, as -інь does after any
     * (управлінь, управління; насінь). Not -онь, which is also a -оня noun's
     * (долонь, долоня). */
    bool soft_sign = stripped && strcmp(stripped, "ь") == 0;
    if (soft_sign && (ends(w, n, "ен") || ends(w, n, "ан") || ends(w, n, "ін")) &&
        utf8_length(w, n) > 4 &&
        !ends_in_vowel_uk(w, n - strlen("ен")) && !ends(w, n - strlen("ен"), "ь")) {
        size_t before = n - strlen("ен");
        if (ends(w, n, "ен") &&
            (ends(w, before, "в") || ends(w, before, "д") || ends(w, before, "с") ||
             ends(w, before, "т"))) {
            memmove(w + before, w + n - strlen("н"), strlen("н"));
            n -= strlen("е");
        } else {
            n -= strlen("н");
        }
    }
    /* the stem's own vowel before [j]: зброя and зброї, армія and армій,
     * герой and героїв all meet without it */
    if (stripped && iotated(stripped) && ends_in_vowel_uk(w, n) && utf8_length(w, n) > 3)
        n -= strlen("а"); /* every Ukrainian vowel is two bytes */
    /* a verbal noun's other cases (розмінуванню, розмінуванням) down to the
     * stem its nominative leaves (розмінування: розмінува) */
    static const char *const verbal[] = {"анн", "янн", "енн", "єнн", "інн"};
    for (size_t i = 0; i < sizeof verbal / sizeof verbal[0]; i++)
        if (ends(w, n, verbal[i]) && utf8_length(w, n) > 5) {
            n -= strlen("нн");
            break;
        }
    /* a short word left whole that ends in -їв, a place's name whose other
     * cases turn ї into є (Київ, Києва, Києві) */
    if (!stripped && ends(w, n, "їв") && utf8_length(w, n) > 3)
        memcpy(w + n - strlen("їв"), "єв", strlen("єв"));
    /* -ість nouns change і to о in their other cases: можливість, можливості */
    if (ends(w, n, "іст") && utf8_length(w, n) > 5)
        memcpy(w + n - strlen("іст"), "ост", strlen("ост"));
    return n;
}

size_t match_stem_uk(char *w)
{
    const char *stripped;
    size_t n = strip_ending(w, strlen(w), &stripped);
    n = mend_stem(w, n, stripped);
    w[n] = '\0';
    return n;
}

/* A genitive plural in -ень (мішень, рішень, лікарень) or a dative in
 * -енню (мішенню, рішенню), whose stem the stemmer left as a verbal noun's
 * (міше, ріше) or a -ня noun's (лікаре): the length of the word's part
 * before е (міш), or 0 for another word. */
static size_t genitive_en_prefix(const char *stem, const char *word)
{
    size_t n = strlen(stem), wn = strlen(word);
    static const char *const tails[] = {"ень", "енню"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t k = strlen(tails[i]);
        if (wn > k && ends(word, wn, tails[i]) && n == wn - k + strlen("е") &&
            strncmp(word, stem, wn - k) == 0 && utf8_length(stem, n) >= 4 &&
            (i == 0 || ends(stem, n, "е")))
            return wn - k;
    }
    return 0;
}

/* Where the closed і of stem, the whole of word (n bytes), is: an і before
 * its last consonant or two, after a consonant (засіб, причіп, міст; not
 * досвіду or мій). Its byte offset, or 0 for none. */
static size_t closed_i_at(const char *stem, const char *word, size_t n)
{
    if (strcmp(stem, word) != 0 || utf8_length(stem, n) < 4 || n < 6 ||
        (unsigned char)stem[n - 1] < 0x80 || ends_in_vowel_uk(stem, n) || ends(stem, n, "ь") ||
        ends(stem, n, "й"))
        return 0;
    size_t at = ends(stem, n - 2, "і") ? n - 4 : 0;
    if (!at && n >= 8 && ends(stem, n - 4, "і") && !ends_in_vowel_uk(stem, n - 2) &&
        !ends(stem, n - 2, "ь") && !ends(stem, n - 2, "й"))
        at = n - 6;   /* і before two consonants: міст, моста */
    if (!at || at < 2 || ends_in_vowel_uk(stem, at) || ends(stem, at, "ь") ||
        (unsigned char)stem[at - 1] < 0x80)
        return 0;
    return at;
}

int match_stem_uk_alt_second(const char *stem, const char *word, char *out, size_t size)
{
    size_t n = strlen(stem);
    unsigned char first = (unsigned char)stem[0];
    /* a -ень noun that keeps its е (мішень, мішені, мішенню), where the
     * stemmer read a verbal noun (рішень) */
    size_t en = first < 0xd0 || first > 0xd3 || !ends(stem, n, "е") || n + 3 > size
                    ? 0 : genitive_en_prefix(stem, word);
    if (en) {
        memcpy(out, stem, en);
        memcpy(out + en, "ен", strlen("ен") + 1);
        return 5;
    }
    size_t at = first < 0xd0 || first > 0xd3 || n + 1 > size ? 0 : closed_i_at(stem, word, n);
    if (!at)
        return 0;
    memcpy(out, stem, n + 1);
    memcpy(out + at, "е", strlen("е"));
    return 3;
}

int match_stem_uk_alt(const char *stem, const char *word, char *out, size_t size)
{
    /* Ukrainian only: the index asks of every word, and most are English */
    unsigned char first = (unsigned char)stem[0];
    if (first < 0xd0 || first > 0xd3)
        return 0;
    size_t n = strlen(stem), wn = strlen(word);
    if (n + 1 > size)
        return 0;
    /* a short word whose alternation no rule tells from the words like it
     * (вазі, вага's, beside базі, база's; піч and печі, beside ніч and
     * ночі, кіт and кота), listed */
    static const struct {
        const char *word, *other;
    } listed[] = {{"вазі", "ваг"}, {"піч", "печ"}, {"піччю", "печ"}};
    for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++)
        if (strcmp(word, listed[i].word) == 0 && strlen(listed[i].other) + 1 <= size) {
            memcpy(out, listed[i].other, strlen(listed[i].other) + 1);
            return 15;
        }
    /* к turned ц before -і (доставці), after a consonant: -иця and -іця
     * nouns (одиниці, столиці) keep their ц, and a soft sign says a -ьце
     * noun's (кільці: кільце, not кілька); after л a -лка noun's (голці,
     * спілці, гілці) */
    if (ends(word, wn, "ці") && ends(stem, n, "ц") && utf8_length(stem, n) >= 4) {
        size_t before = n - strlen("ц");
        if (ends_in_vowel_uk(stem, before) || ends(stem, before, "ь") ||
            (unsigned char)stem[before - 1] < 0x80)
            return 0;
        memcpy(out, stem, before);
        memcpy(out + before, "к", strlen("к") + 1);
        return 1;
    }
    /* г turned з before -і (вимозі, дорозі, послузі), where -за nouns'
     * datives end alike (загрозі, базі) */
    if (ends(word, wn, "зі") && ends(stem, n, "з") && utf8_length(stem, n) >= 4) {
        size_t before = n - strlen("з");
        memcpy(out, stem, before);
        memcpy(out + before, "г", strlen("г") + 1);
        return 2;
    }
    /* a bare word's і before its last consonant, which the other cases turn
     * into о (засіб, засоби; підхід, підходу), where nouns that keep it end
     * alike (досвід, досвіду; звіт, звіту); into ьо after a vowel and л
     * (політ, польоту; колір, кольору; but плід, плоду); е is the second
     * reading (match_stem_uk_alt_second) */
    size_t at = closed_i_at(stem, word, n);
    if (at) {
        const char *o = ends(stem, at, "л") && at >= 4 && ends_in_vowel_uk(stem, at - 2) ? "ьо" : "о";
        size_t on = strlen(o);
        if (n - 2 + on + 1 > size)
            return 0;
        memcpy(out, stem, at);
        memcpy(out + at, o, on);
        memcpy(out + at + on, stem + at + 2, n - at - 2 + 1);   /* the consonants, and the NUL */
        return 3;
    }
    /* a vowel that comes and goes before a last н: a bare nominative that
     * has it (човен, човна) or a genitive plural that gains it (суден,
     * судна; вікон, вікна), where the stemmer leaves it */
    if (strcmp(stem, word) == 0 && utf8_length(stem, n) >= 5 && ends(stem, n, "н") &&
        (ends(stem, n - 2, "е") || ends(stem, n - 2, "о")) && !ends_in_vowel_uk(stem, n - 4) &&
        !ends(stem, n - 4, "ь") && !ends(stem, n - 4, "й") &&
        (unsigned char)stem[n - 5] >= 0x80) {
        memcpy(out, stem, n - 4);
        memcpy(out + n - 4, "н", strlen("н") + 1);
        return 13;
    }
    /* the instrumental -ем of a soft stem after л, н or р (кораблем, рівнем,
     * морем), where -ема nouns' genitive plurals end alike (проблем, теорем) */
    if (ends(word, wn, "ем") && ends(stem, n, "ем") && utf8_length(stem, n) >= 5) {
        size_t before = n - strlen("ем");
        if (!ends(stem, before, "л") && !ends(stem, before, "н") && !ends(stem, before, "р"))
            return 0;
        memcpy(out, stem, before);
        /* as the other cases leave it: кабелем, кабелю (кабл) */
        out[drop_fleeting_vowel(out, before)] = '\0';
        return 4;
    }
    /* a genitive plural in -ень read the other way: a -ня noun's where the
     * stemmer took a verbal noun's (лікарень: лікарня, beside рішень:
     * рішення), or the reverse after в, д, с or т (внесень: внесення) */
    size_t en = genitive_en_prefix(stem, word);
    if (en) {
        memcpy(out, stem, en);
        memcpy(out + en, ends(stem, n, "е") ? "н" : "е", strlen("е") + 1);
        return 5;
    }
    /* the dative of a -лля or -ччя noun (довкіллю, обличчю), whose doubled
     * consonant the stemmer halved as a soft stem's instrumental's (моделлю:
     * модель): the stem the other cases leave keeps both */
    static const char *const doubled_dative[] = {"ллю", "ццю", "ччю", "ззю", "шшю"};
    for (size_t i = 0; i < sizeof doubled_dative / sizeof doubled_dative[0]; i++) {
        size_t k = strlen(doubled_dative[i]);
        if (!ends(word, wn, doubled_dative[i]) || n != wn - k + strlen("л") ||
            strncmp(word, stem, n) != 0 || utf8_length(stem, n) < 4)
            continue;
        if (wn - strlen("ю") + 1 > size)
            return 0;
        memcpy(out, word, wn - strlen("ю"));
        out[wn - strlen("ю")] = '\0';
        return 14;
    }
    /* a nominative that ends as an instrumental or a genitive plural does
     * (шолом, шоломи; Укроборонпром, Укроборонпрома; режим, режиму; успіх,
     * успіху), whose ending the stemmer strips as дроном's, новим's or
     * нових's; a kind for each ending, as each gives a stem its own other
     * stem (новим: новим, нових: нових) */
    static const char *const whole[] = {"ом", "им", "их", "іх"};
    static const int whole_kind[] = {6, 10, 11, 12};
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        if (wn != n + strlen(whole[i]) || !ends(word, wn, whole[i]) ||
            strncmp(word, stem, n) != 0 || utf8_length(stem, n) < 3)
            continue;
        if (wn + 1 > size)
            return 0;
        memcpy(out, word, wn + 1);
        return whole_kind[i];
    }
    /* a nominative in -ів that the stemmer took for a genitive plural, a
     * place's name whose other cases keep о (Харків, Харкова; Львів,
     * Львова; Чернігів) */
    if (wn == n + strlen("ів") && ends(word, wn, "ів") && strncmp(word, stem, n) == 0 &&
        utf8_length(stem, n) >= 3) {
        if (n + strlen("ов") + 1 > size)
            return 0;
        memcpy(out, stem, n);
        memcpy(out + n, "ов", strlen("ов") + 1);
        return 7;
    }
    /* a nominative in -їв that the stemmer took for a genitive plural, a
     * place's name whose other cases turn ї into є (Миколаїв, Миколаєва);
     * the stem may have lost the vowel before ї, as героїв's does */
    size_t jiv = strlen("їв");
    if (wn > jiv && ends(word, wn, "їв") && n <= wn - jiv && n + strlen("а") >= wn - jiv &&
        strncmp(word, stem, n) == 0 && utf8_length(stem, n) >= 3) {
        if (wn + 1 > size)
            return 0;
        memcpy(out, word, wn - jiv);
        memcpy(out + wn - jiv, "єв", strlen("єв") + 1);
        return 9;
    }
    /* a dative in -ові, -еві or -єві, whose ов, ев or єв the stemmer keeps,
     * as the plural of an adjective in -овий or -евий has it (партнерові,
     * кораблеві, героєві: партнер, корабл, гер; beside військові, мережеві) */
    if ((ends(word, wn, "ові") || ends(word, wn, "еві") || ends(word, wn, "єві")) &&
        n == wn - strlen("і") && utf8_length(stem, n) >= 6) {
        size_t before = n - strlen("ов");
        bool iotated_ev = ends(stem, n, "єв");
        memcpy(out, stem, before);
        if (iotated_ev && ends_in_vowel_uk(out, before))
            before -= strlen("а");   /* the stem's own vowel before [j], as героя's */
        else if (!iotated_ev)
            before = drop_fleeting_vowel(out, before);
        out[before] = '\0';
        return 8;
    }
    return 0;
}
