/* libFuzzer harness for the request header readers (src/http/headers.c):
 * the input is header lines "Name: value"; the framing verdict is one of
 * 0, 400 and 501 with a reason, never 0 for lengths that differ, and a
 * media type that matches begins, spaces aside, with the type itself. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/headers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* header values never hold a NUL: the lines end at the first one */
    char *text = strndup((const char *)data, size);
    if (!text)
        return 0;
    struct http_framing f = {0};
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        const char *value = colon + 1 + strspn(colon + 1, " \t");
        http_framing_see(&f, line, value);
        if (http_media_type_is(value, "application/json"))
            assert(strncasecmp(value, "application/json", 16) == 0);
    }
    const char *why = NULL;
    int status = http_framing_refusal(&f, &why);
    assert(status == 0 || status == 400 || status == 501);
    assert(status == 0 || (why && *why));
    assert(!f.lengths_differ || status == 400);
    free(text);
    return 0;
}
