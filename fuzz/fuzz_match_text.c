/* libFuzzer harness for the partner engine's text path (src/engine/match): any
 * bytes as the text of POST /me/partners. The tokeniser must refuse invalid
 * UTF-8 and otherwise hand out stems, words and compounds that are valid
 * UTF-8, shorter than MATCH_TOKEN_MAX, with each compound holding its word and
 * a hyphen; a query over a small fixed index must answer (or refuse an empty
 * text) with readable reasons that are valid UTF-8. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "core/utf8.h"
#include "engine/match/match.h"
#include "engine/match/text.h"

static int check_token(void *ud, const char *stem, const char *word, const char *compound)
{
    (*(int *)ud)++;
    assert(strlen(stem) < MATCH_TOKEN_MAX && strlen(word) < MATCH_TOKEN_MAX);
    assert(utf8_is_valid(stem, strlen(stem), NULL) && utf8_is_valid(word, strlen(word), NULL));
    if (compound) {
        assert(strlen(compound) < MATCH_TOKEN_MAX && strchr(compound, '-'));
        assert(utf8_is_valid(compound, strlen(compound), NULL));
        assert(strstr(compound, word));
    }
    return 0;
}

static const struct match_cap uav[] = {{.cpv = "35613000-4", .label = "Unmanned aerial vehicles"}};
static const struct match_profile profiles[] = {
    {.id = "ua", .name = "Sokil Drones", .country = "UA", .kind = "company",
     .text = "Ударні дрони, long-range FPV drones, counter-drone radar", .offers = uav,
     .offers_n = 1},
    {.id = "pl", .name = "Polish procurement agency", .country = "PL", .kind = "government",
     .text = "Border surveillance: unmanned aerial vehicles, state-of-the-art radar",
     .needs = uav, .needs_n = 1},
    {.id = "de", .name = "Shield GmbH", .country = "DE", .kind = "company",
     .text = "Counter-terrorism, військово-технічна співпраця, radar"},
};
static const int members[] = {0, 1, 2};
static const struct match_project projects[] = {
    {.id = "p1", .text = "Counter-drone radar for airports", .members = members,
     .members_n = 3, .year = 2020, .coordinator = 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct match_index *ix;
    struct df_err err = {0};
    if (!ix)
        ix = match_index_build(profiles, 3, projects, 1, &err);
    assert(ix);
    const char *text = (const char *)data;
    int tokens = 0;
    int rc = match_tokenize(text, size, check_token, &tokens);
    bool valid = utf8_is_valid(text, size, NULL);
    assert(rc == (valid ? 0 : -1));
    if (!valid || memchr(text, 0, size))
        return 0;
    char buf[4096];
    if (size >= sizeof buf)
        return 0;
    memcpy(buf, text, size);
    buf[size] = '\0';
    struct arena a;
    arena_init(&a, 0);
    struct match_hit *h;
    int n;
    for (int mode = 0; mode < 2; mode++) {
        struct match_query q = {.mode = mode ? MATCH_MEET : MATCH_PARTNERS, .lead = mode ? 1 : 0,
                                .text = buf, .top = 5};
        if (match_query_run(ix, &q, &a, &h, &n, &err) < 0) {
            assert(err.kind == DF_ERR_USAGE);   /* an empty text, for partners */
            continue;
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < h[i].why_n; k++)
                assert(h[i].why[k] && utf8_is_valid(h[i].why[k], strlen(h[i].why[k]), NULL));
    }
    arena_free(&a);
    return 0;
}
