/* Reads words, one a line, and prints for each what the matching engine's
 * tokeniser makes of it: the word, its stem, and the other stem the index
 * may join it with (match_stem_uk_alt: its kind and stem; 0 and nothing when
 * there is none) and its second reading (match_stem_uk_alt_second, or
 * nothing), tab-separated. A stop word prints an empty stem. For
 * bench/stem_paradigms.py, which measures the Ukrainian stemmer on whole
 * paradigms. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/match/stem.h"
#include "engine/match/text.h"

struct first_token {
    char stem[MATCH_TOKEN_MAX], word[MATCH_TOKEN_MAX];
    int n;
};

static int keep_first(void *ud, const char *stem, const char *word, const char *compound)
{
    (void)compound;
    struct first_token *t = ud;
    if (t->n++ == 0) {
        snprintf(t->stem, sizeof t->stem, "%s", stem);
        snprintf(t->word, sizeof t->word, "%s", word);
    }
    return 0;
}

int main(void)
{
    char *line = NULL;   /* a line of any length, so that one word is one line out */
    size_t cap = 0;
    int rc = 0;
    while (getline(&line, &cap, stdin) >= 0) {
        line[strcspn(line, "\r\n")] = '\0';
        struct first_token t = {0};
        if (match_tokenize(line, strlen(line), keep_first, &t) < 0) {
            fprintf(stderr, "stem_words: not UTF-8: %s\n", line);
            rc = 1;
            break;
        }
        char other[MATCH_TOKEN_MAX + 8] = "", second[MATCH_TOKEN_MAX + 8] = "";
        int kind = t.n ? match_stem_uk_alt(t.stem, t.word, other, sizeof other) : 0;
        bool two = t.n && match_stem_uk_alt_second(t.stem, t.word, second, sizeof second);
        printf("%s\t%s\t%d\t%s\t%s\n", line, t.n ? t.stem : "", kind, kind ? other : "",
               two ? second : "");
    }
    free(line);
    return rc;
}
