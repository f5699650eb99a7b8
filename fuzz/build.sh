#!/bin/sh
# Builds the libFuzzer harnesses with clang into build-fuzz/ (the project's own
# build uses gcc, which has no libFuzzer). Run: fuzz/build.sh && \
#   mkdir -p /tmp/fz && cp fuzz/corpus/url/* /tmp/fz/ && \
#   build-fuzz/fuzz_url -max_total_time=600 /tmp/fz
# (a scratch copy: libFuzzer adds files to its corpus directory; the other
# harnesses, fuzz_headers, fuzz_json_in, fuzz_match_text, fuzz_glossary: fuzz/README.md)
set -eu
cd "$(dirname "$0")/.."
mkdir -p build-fuzz
CC="clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc"
CORE="src/core/arena.c src/core/buf.c src/core/err.c src/core/grow.c src/core/strmap.c src/core/utf8.c"
$CC fuzz/fuzz_url.c src/http/url.c $CORE -o build-fuzz/fuzz_url
$CC fuzz/fuzz_headers.c src/http/headers.c -o build-fuzz/fuzz_headers
$CC fuzz/fuzz_json_in.c src/http/json_in.c $CORE -ljansson -o build-fuzz/fuzz_json_in
# the whole engine, so that a file split out of it needs no change here
MATCH=$(echo src/engine/match/*.c)
$CC fuzz/fuzz_match_text.c $MATCH src/core/country.c src/core/cpv.c \
    $CORE -lm -lpthread -o build-fuzz/fuzz_match_text
$CC fuzz/fuzz_glossary.c $MATCH src/core/country.c src/core/cpv.c \
    $CORE -lm -lpthread -o build-fuzz/fuzz_glossary
echo "built build-fuzz/fuzz_url build-fuzz/fuzz_headers build-fuzz/fuzz_json_in build-fuzz/fuzz_match_text build-fuzz/fuzz_glossary"
