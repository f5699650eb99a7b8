/* The tokeniser for English and Ukrainian (text.h): words, stop words,
 * abbreviations, hyphenated and glued compounds, each word stemmed by
 * stem.h. */
#include "engine/match/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "engine/match/abbrev.h"
#include "engine/match/stem.h"

/* ---- stop words ---------------------------------------------------------- */

static const char *stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "etc",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "may", "me",
    "more", "most", "must", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
    "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "very",
    "via", "was", "we", "well", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "within", "would", "you", "your",
    /* Ukrainian */
    "а", "або", "але", "б", "без", "би", "був", "була", "були", "було", "бути", "в", "вже", "ви",
    "від", "він", "вона", "вони", "воно", "де", "для", "до", "є", "з", "за", "зі", "і", "із",
    "її", "їх", "й", "його", "к", "коли", "лише", "між", "ми", "на", "над", "наш", "наша",
    "наші", "не", "ні", "о", "от", "по", "під", "після", "перед", "при", "про", "свій", "свої",
    "своє", "свою", "та", "так", "також", "те", "ті", "то", "той", "тому", "тощо", "у", "це",
    "цей", "ці", "ця", "через", "чи", "що", "щодо", "який", "яка", "яке", "які", "як", "ще",
    /* their other cases, and the words a Ukrainian text uses as English uses
     * "also", "such", "other" or "can" */
    "яких", "якого", "якої", "якому", "якій", "яким", "якими", "яку", "цього", "цієї", "цих",
    "цьому", "цій", "цим", "цими", "цю", "того", "тієї", "тих", "тій", "тим", "тими",
    "ту", "наше", "нашого", "нашої", "наших", "нашому", "нашим", "нашими", "нашу", "ваш",
    "ваша", "ваше", "ваші", "вашого", "вашої", "ваших", "вашим", "вашими", "вашу", "свого",
    "своєї", "своїх", "своєму", "своїм", "своїми", "своя", "нас", "нам", "нами", "вас", "вам",
    "вами", "них", "ним", "ними", "нею", "неї", "нього", "йому", "їм", "їй", "себе", "собі",
    "собою", "всі", "усі", "всіх", "усіх", "весь", "вся", "все", "усе", "інші", "інших",
    "інший", "інша", "інше", "іншого", "іншої", "кожен", "кожна", "кожне", "кожного", "може",
    "можуть", "можна", "буде", "будуть", "має", "мають", "щоб", "тобто", "саме", "зокрема",
    "однак", "проте", "тут", "там", "дуже", "більш", "більше", "менше", "серед", "біля",
    "протягом", "понад", "згідно", "відповідно", "ніж", "якщо", "аби", "бо", "адже", "хоча",
    "нашою", "вашою", "своєю", "цією", "тією", "якою",
};
static const char *stop_sorted[sizeof stopwords / sizeof stopwords[0]];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void stop_init(void)
{
    memcpy(stop_sorted, stopwords, sizeof stopwords);
    qsort(stop_sorted, sizeof stopwords / sizeof stopwords[0], sizeof stop_sorted[0], cmp_str);
}

bool match_is_stopword(const char *w)
{
    pthread_once(&stop_once, stop_init);
    return bsearch(&w, stop_sorted, sizeof stopwords / sizeof stopwords[0], sizeof stop_sorted[0],
                   cmp_str) != NULL;
}

/* ---- tokeniser -------------------------------------------------------------- */

/* Whether w[0..n) has a Cyrillic letter, and whether it is ASCII only. */
static void script_of(const char *w, size_t n, bool *cyrillic, bool *latin_only)
{
    *cyrillic = false;
    *latin_only = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)w[i];
        *cyrillic |= b >= 0xd0 && b <= 0xd3;   /* the lead byte of U+0400-U+04FF */
        *latin_only &= b < 0x80;
    }
}

static long lower_cp(long c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) || (c >= 0x460 && c <= 0x481) ||
         (c >= 0x48A && c <= 0x4BF)) && c % 2 == 0)
        return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1)
        return c + 1;
    return c;
}

static bool is_word_cp(long c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x4FF);
}

static bool is_apostrophe(long c)
{
    return c == '\'' || c == 0x2019 || c == 0x2BC;
}

static size_t put_utf8(char *out, long c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

struct word {
    char text[MATCH_TOKEN_MAX];
    size_t len, cps;
    bool cyrillic, latin_only, has_letter;
    bool glued;   /* a part that follows the one before with no hyphen (cyber|security) */
};

/* The walk's state: the callback, and the stem and word emitted last since
 * the last phrase, for match_abbrev_phrase. */
struct walk {
    match_token_fn fn;
    void *ud;
    char stem[MATCH_TOKEN_MAX], word[MATCH_TOKEN_MAX];
    bool has_last;
};

/* After a phrase's second word (stem, word), the stem of the thing it names,
 * spelled as the phrase was ("unmanned aerial"; the stem itself when that
 * does not fit). */
static int emit_phrase(struct walk *w, const char *stem, const char *word)
{
    const char *as = w->has_last ? match_abbrev_phrase(w->stem, stem) : NULL;
    size_t sn = strlen(stem), wn = strlen(word);
    if (!as) {   /* this one may start the next */
        memcpy(w->stem, stem, sn + 1);
        memcpy(w->word, word, wn + 1);
        w->has_last = true;
        return 0;
    }
    w->has_last = false;   /* a phrase's words start no other */
    char spelled[MATCH_TOKEN_MAX], as_stem[MATCH_TOKEN_MAX];
    size_t ln = strlen(w->word);
    bool fits = ln + 1 + wn < sizeof spelled;
    if (fits) {
        memcpy(spelled, w->word, ln);
        spelled[ln] = ' ';
        memcpy(spelled + ln + 1, word, wn + 1);
    }
    memcpy(as_stem, as, strlen(as) + 1);   /* the table's: short */
    return w->fn(w->ud, as_stem, fits ? spelled : as_stem, NULL);
}

/* An abbreviation's words, each passed on as a part of the abbreviation,
 * its compound ("electronic" and "warfare" of "ew"), so the reasons say
 * "ew" where a profile has them all. */
struct spelled_out {
    struct walk *w;
    const char *abbrev;
};

static int emit_spelled(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct spelled_out *o = ud;   /* a phrase's thing (IFAK's medkit) keeps none */
    return o->w->fn(o->w->ud, stem, word, strchr(word, ' ') ? NULL : o->abbrev);
}

/* Stems a lowercased word in place by its script: Ukrainian's stemmer for a
 * word with Cyrillic letters, English's for one of ASCII only, none for
 * others (Latin letters with diacritics: names, other languages). */
static void stem_word(char *w, bool cyrillic, bool latin_only)
{
    if (cyrillic)
        match_stem_uk(w);
    else if (latin_only)
        match_stem_en(w);
}

static int emit(const struct word *wd, const char *compound, struct walk *w)
{
    if (wd->cps < 2 || !wd->has_letter || match_is_stopword(wd->text))
        return 0;
    char stem[MATCH_TOKEN_MAX];
    memcpy(stem, wd->text, wd->len + 1);
    stem_word(stem, wd->cyrillic, wd->latin_only);
    if (!match_abbrev_known(stem)) {
        w->has_last = false;
        return w->fn(w->ud, stem, wd->text, compound);
    }
    const char *words = match_abbrev_expansion(stem);
    if (words) {   /* the table's words: valid UTF-8, and no abbreviation in them */
        struct spelled_out o = {w, wd->text};
        w->has_last = false;
        return match_tokenize(words, strlen(words), emit_spelled, &o);
    }
    const char *same = match_abbrev_synonym(stem);
    if (same)
        memcpy(stem, same, strlen(same) + 1);   /* the table's: short */
    int rc = w->fn(w->ud, stem, wd->text, compound);
    return rc ? rc : emit_phrase(w, stem, wd->text);
}

const char *match_abbreviation_words(const char *word)
{
    char stem[MATCH_TOKEN_MAX];
    size_t n = strlen(word);
    if (n >= sizeof stem)
        return NULL;
    memcpy(stem, word, n + 1);
    bool cyrillic, latin_only;
    script_of(word, n, &cyrillic, &latin_only);
    stem_word(stem, cyrillic, latin_only);
    return match_abbrev_known(stem) ? match_abbrev_expansion(stem) : NULL;
}

/* Marks that a pasted text may carry inside a word and that are no part of
 * it: the soft hyphen of a PDF's line breaks, joiners, a byte-order mark, and
 * combining accents (a stress mark: дро́н). */
static bool is_invisible(long c)
{
    return c == 0xAD || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
           (c >= 0x300 && c <= 0x36F);
}

static bool is_hyphen(long c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* The words of one hyphenated compound ("counter-drone", "state-of-the-art";
 * a lone word is a compound of one), emitted together once it ends. */
#define COMPOUND_PARTS 8
struct compound {
    struct word part[COMPOUND_PARTS];
    int n;
};

/* Combining forms that make one word with what follows ("cybersecurity",
 * кібероборона) as often as they stand apart ("cyber security", "кібер
 * оборона") or take a hyphen ("cyber-security"). A word that begins with one
 * is read as a compound of two parts, as if hyphenated, so the three
 * spellings give the same stems. The rest must be a word of 3 or more
 * letters of the form's script (no digit; no stop word), and not the one
 * word the form does not make ("cybernetics", кібернетика). */
static const struct combining_form {
    const char *form, *not_before;
    bool cyrillic;
} combining_forms[] = {
    {"cyber", "net", false},
    {"кібер", "нет", true},
};

/* The byte length of the combining form word (lowercased) begins with, or 0. */
static size_t combining_form_len(const char *word)
{
    for (size_t i = 0; i < sizeof combining_forms / sizeof combining_forms[0]; i++) {
        const struct combining_form *f = &combining_forms[i];
        size_t n = strlen(f->form);
        if (strncmp(word, f->form, n) != 0)
            continue;
        const char *rest = word + n;
        size_t letters = 0;
        bool script = true;
        for (const unsigned char *q = (const unsigned char *)rest; *q && script; q++) {
            bool lead = (*q & 0xC0) != 0x80;
            letters += lead;
            script = f->cyrillic ? !lead || (*q >= 0xd0 && *q <= 0xd3) : *q >= 'a' && *q <= 'z';
        }
        if (script && letters >= 3 && strncmp(rest, f->not_before, strlen(f->not_before)) != 0 &&
            !match_is_stopword(rest))
            return n;
    }
    return 0;
}

bool match_compound_has_parts(const char *compound)
{
    return strchr(compound, '-') || combining_form_len(compound) > 0;
}

/* A word's flags and length in code points, from its text. */
static void word_measure(struct word *wd)
{
    wd->cps = utf8_length(wd->text, wd->len);
    script_of(wd->text, wd->len, &wd->cyrillic, &wd->latin_only);
    wd->has_letter = false;
    for (size_t i = 0; i < wd->len; i++)
        wd->has_letter |= !(wd->text[i] >= '0' && wd->text[i] <= '9');
}

/* Adds a word to the compound, as two parts where it begins with a
 * combining form and there is room for both. */
static void compound_add(struct compound *cp, const struct word *wd)
{
    size_t at = combining_form_len(wd->text);
    if (!at || cp->n + 2 > COMPOUND_PARTS) {
        cp->part[cp->n++] = *wd;
        return;
    }
    struct word *head = &cp->part[cp->n++], *tail = &cp->part[cp->n++];
    *head = (struct word){.len = at, .glued = wd->glued};
    memcpy(head->text, wd->text, at);
    head->text[at] = '\0';
    *tail = (struct word){.len = wd->len - at, .glued = true};
    memcpy(tail->text, wd->text + at, tail->len + 1);
    word_measure(head);
    word_measure(tail);
}

/* A lone "c" before a part it counters reads "counter": C-UAS, C-IED
 * (abbrev.h). */
static const struct word counter_word = {"counter", 7, 7, false, true, true, false};

static int flush(struct compound *cp, struct walk *w)
{
    char joined[MATCH_TOKEN_MAX];
    size_t len = 0;
    bool fits = cp->n > 1;
    for (int i = 0; i < cp->n && fits; i++) {
        fits = len + (i > 0) + cp->part[i].len < sizeof joined;
        if (fits) {
            if (i > 0 && !cp->part[i].glued)
                joined[len++] = '-';
            memcpy(joined + len, cp->part[i].text, cp->part[i].len);
            len += cp->part[i].len;
        }
    }
    joined[len] = '\0';
    int rc = 0;
    for (int i = 0; i < cp->n && !rc; i++) {
        const struct word *part = &cp->part[i];
        if (i + 1 < cp->n && part->len == 1 && part->text[0] == 'c' &&
            match_abbrev_counters(cp->part[i + 1].text))
            part = &counter_word;
        rc = emit(part, fits ? joined : NULL, w);
    }
    cp->n = 0;
    return rc;
}

int match_tokenize(const char *s, size_t n, match_token_fn fn, void *ud)
{
    const char *p = s, *end = s + n;
    struct compound cp = {.n = 0};
    struct word wd = {.latin_only = true};
    struct walk w = {.fn = fn, .ud = ud, .has_last = false};
    while (p < end) {
        long c = utf8_decode(&p, end);
        if (c < 0)
            return -1;
        if (is_invisible(c))
            continue;
        if (is_apostrophe(c) && wd.len > 0 && p < end) {
            const char *q = p;
            long next = utf8_decode(&q, end);
            if (next >= 0 && is_word_cp(next))
                continue;   /* "об'єкт": keep one word */
        }
        if (is_word_cp(c)) {
            long lc = lower_cp(c);
            char tmp[4];
            size_t k = put_utf8(tmp, lc);
            if (wd.len + k < MATCH_TOKEN_MAX) {
                memcpy(wd.text + wd.len, tmp, k);
                wd.len += k;
                wd.text[wd.len] = '\0';
                wd.cps++;
            }
            if (lc >= 0x400)
                wd.cyrillic = true;
            if (lc > 'z')
                wd.latin_only = false;
            if (!(lc >= '0' && lc <= '9'))
                wd.has_letter = true;
            continue;
        }
        if (wd.len > 0) {
            compound_add(&cp, &wd);
            bool joins = false;
            if (is_hyphen(c) && p < end && cp.n < COMPOUND_PARTS) {
                const char *q = p;
                long next = utf8_decode(&q, end);
                joins = next >= 0 && is_word_cp(next);
            }
            if (!joins) {
                int rc = flush(&cp, &w);
                if (rc)
                    return rc;
            }
        } else if (cp.n > 0) {
            int rc = flush(&cp, &w);
            if (rc)
                return rc;
        }
        wd = (struct word){.latin_only = true};
    }
    if (wd.len > 0)
        compound_add(&cp, &wd);
    return cp.n > 0 ? flush(&cp, &w) : 0;
}
