/* libFuzzer harness for the request target reader (src/http/url.c): any bytes
 * in, and every successful parse must give decoded, valid UTF-8 segments with
 * no "/", ".", ".." and no control bytes, and a path no longer than the input;
 * a parameter read as an integer is all digits and within its range. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "core/utf8.h"
#include "http/url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena a;
    struct df_err err = {0};
    struct http_url u;
    arena_init(&a, 1 << 20);
    if (http_url_parse((const char *)data, size, &a, &u, &err) == 0) {
        assert(u.segs_n <= HTTP_URL_SEGMENTS && u.params_n <= HTTP_URL_PARAMS);
        assert(strlen(u.path) <= size + 1);
        for (int i = 0; i < u.segs_n; i++) {
            const char *s = u.segs[i];
            assert(*s && !strchr(s, '/') && strcmp(s, ".") && strcmp(s, ".."));
            assert(utf8_is_valid(s, strlen(s), NULL));
            for (const char *p = s; *p; p++)
                assert((unsigned char)*p >= 0x20 && *p != 0x7f);
        }
        for (int i = 0; i < u.params_n; i++) {
            assert(utf8_is_valid(u.params[i].key, strlen(u.params[i].key), NULL));
            assert(utf8_is_valid(u.params[i].value, strlen(u.params[i].value), NULL));
            assert(http_url_param(&u, u.params[i].key) != NULL);
            int n = -1;
            if (http_url_param_int(&u, u.params[i].key, 1, 100, 10, &n) == 0) {
                const char *v = http_url_param(&u, u.params[i].key);
                assert(n >= 1 && n <= 100 && *v && strspn(v, "0123456789") == strlen(v));
            } else {
                assert(n == -1);
            }
        }
    } else {
        assert(err.kind != DF_OK && err.msg[0]);
    }
    arena_free(&a);
    return 0;
}
