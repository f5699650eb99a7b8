# dfnc: the two commands a newcomer needs are `make demo` and `make test`.
# Both install missing Debian packages first (apt-get; run as root or with sudo).

BUILD      ?= build
TEST_BUILD ?= build-test
DEMO_DB    ?= demo.db
DEMO_PORT  ?= 8080
SEED       ?= 7
PEOPLE     ?= 520
# The CPV classifier in English and Ukrainian, loaded into the demo when present
# (where the tests look for the shared data, tests/meson.build): label search in
# both languages and the matchmaking's bilingual lexicon.
CPV_DIR    ?= $(patsubst %/cpv_en.json,%,$(firstword $(wildcard $(DFNC_SHARED_DATA)/cpv/cpv_en.json \
                ../shared/data/cpv/cpv_en.json /work/shared/data/cpv/cpv_en.json)))

# Debian 12 packages dfnc builds and tests with.
# (g++ brings the libstdc++ that CaDiCaL's static library needs; python3 runs
# the build's embedding scripts and the CLI/API tests; tzdata gives libical its zones;
# cairo and libqrencode draw the name badges in DejaVu's letters, and the badge test
# reads them back with poppler's pdftotext and pdftoppm and zbar's zbarimg.)
DEB_PACKAGES = gcc g++ make pkg-config meson ninja-build libsqlite3-dev libjansson-dev \
               libcsv-dev libsodium-dev libcriterion-dev libmicrohttpd-dev libical-dev \
               libxlsxwriter-dev libglpk-dev libcadical-dev coinor-libcbc-dev python3 \
               python3-jsonschema tzdata libcurl4-openssl-dev libcairo2-dev libqrencode-dev fonts-dejavu-core \
               poppler-utils zbar-tools

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps demo test e2e bench clean fuzz-csv fuzz-dzn

all: $(BUILD)/dfnc

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "installing missing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

$(BUILD)/build.ninja: | deps
	meson setup $(BUILD) --buildtype=release -Db_ndebug=if-release

$(BUILD)/dfnc: deps $(BUILD)/build.ninja FORCE
	ninja -C $(BUILD) dfnc

FORCE:

# Fills a fresh demo forum (deterministic for SEED) and serves it.
demo: $(BUILD)/dfnc
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@if [ -f $(CPV_DIR)/cpv_en.json ] && [ -f $(CPV_DIR)/cpv_uk.json ]; then \
	  ./$(BUILD)/dfnc --db $(DEMO_DB) import cpv $(CPV_DIR)/cpv_en.json --lang en && \
	  ./$(BUILD)/dfnc --db $(DEMO_DB) import cpv $(CPV_DIR)/cpv_uk.json --lang uk; \
	else echo "no CPV classifier found (set CPV_DIR=DIR with cpv_en.json and cpv_uk.json): the demo runs without it"; fi
	./$(BUILD)/dfnc --db $(DEMO_DB) demo --seed $(SEED) --people $(PEOPLE) --port $(DEMO_PORT)

$(TEST_BUILD)/build.ninja: | deps
	meson setup $(TEST_BUILD) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

# Every test: unit (Criterion), command line, API; with address and undefined sanitizers.
test: deps $(TEST_BUILD)/build.ninja
	ninja -C $(TEST_BUILD)
	meson test -C $(TEST_BUILD) --print-errorlogs --num-processes 2

# Browser tests of the web UI (tests/e2e/run.mjs): Debian's Chromium driven by
# npm's playwright-core, with axe-core's accessibility rules (both pinned in
# tests/e2e/package-lock.json), against
# `dfnc serve` on a demo forum; screenshots land in tests/e2e/artifacts/.
E2E_DEB = chromium nodejs npm
e2e: deps $(TEST_BUILD)/build.ninja
	ninja -C $(TEST_BUILD) dfnc
	@missing=$$(for p in $(E2E_DEB); do \
	    command -v $$p >/dev/null 2>&1 || dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	      grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "installing missing Debian packages:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	cd tests/e2e && DFNC_BIN=$(CURDIR)/$(TEST_BUILD)/dfnc node --test-reporter=spec run.mjs

bench: $(BUILD)/dfnc
	ninja -C $(BUILD)
	@echo "benchmarks live in bench/; see bench/README.md"

clean:
	rm -rf $(BUILD) $(TEST_BUILD)

# libFuzzer harnesses (clang): make fuzz-csv FUZZ_SECONDS=600
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -g -O1 -std=c17 -D_GNU_SOURCE -DDFNC_VERSION='"fuzz"' -Isrc \
              -fsanitize=fuzzer,address,undefined
CORE_SOURCES = $(wildcard src/core/*.c)

build-fuzz/csv_fuzz: fuzz/csv_fuzz.c src/io/csv.c src/io/codepage.c $(CORE_SOURCES) | deps
	mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -o $@ $^ -lcsv -lm

fuzz-csv: build-fuzz/csv_fuzz
	mkdir -p build-fuzz/csv-corpus
	cp tests/cli/data/*.csv build-fuzz/csv-corpus/
	./build-fuzz/csv_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/csv-corpus

# The dzn reader and, for small instances, the scheduler: make fuzz-dzn FUZZ_SECONDS=600
SCHED_SOURCES = src/io/dzn.c src/app/schedule_dzn.c $(wildcard src/engine/sched/*.c)
build-fuzz/dzn_fuzz: fuzz/dzn_fuzz.c $(SCHED_SOURCES) $(CORE_SOURCES) | deps
	mkdir -p build-fuzz
	clang $(FUZZ_CFLAGS) -o $@ $^ -lcadical -lstdc++ -lm

fuzz-dzn: build-fuzz/dzn_fuzz
	mkdir -p build-fuzz/dzn-corpus
	cp tests/unit/data/tiny-b2b.txt build-fuzz/dzn-corpus/ 2>/dev/null || true
	./build-fuzz/dzn_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build-fuzz/dzn-corpus
