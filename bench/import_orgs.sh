#!/usr/bin/env bash
# Import speed: N organisations (default 100,000) from a generated CSV through
# `dfnc import organisations` (validation, upsert by id, one transaction),
# beside sqlite3's own .import of the same file into a bare table (the ceiling:
# parsing and inserting with no checks). Prints seconds and the ratio.
# usage: bench/import_orgs.sh [N]   (builds build/ first: make)
set -euo pipefail
N=${1:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DFNC=$ROOT/build/dfnc
[ -x "$DFNC" ] || { echo "build first: make" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 - "$N" > "$W/orgs.csv" <<'PY'
import random, sys
n = int(sys.argv[1])
rnd = random.Random(1)
countries = "DE FR PL IT ES NL BE SE FI CZ RO LT LV EE DK AT PT SK GR BG UA NO".split()
kinds = "company research government association other".split()
print("id,name,country,kind,sme,city,website,description")
for i in range(n):
    c = rnd.choice(countries)
    name = f"Організація {i}" if c == "UA" else f"Organisation {i} GmbH"
    desc = "Counter-drone radar, EW and \"quoted\" text, with a comma" if i % 3 == 0 else "Ammunition"
    print(f'org-{i:06d},{name},{c},{rnd.choice(kinds)},{i % 2},City {i % 97},https://o{i}.example,"{desc.replace(chr(34), chr(34)*2)}"')
PY
t() { local s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }
dfnc_s=$(t "$DFNC" --db "$W/d.db" import organisations "$W/orgs.csv")
again_s=$(t "$DFNC" --db "$W/d.db" import organisations "$W/orgs.csv")
sqlite_s=$(t sqlite3 "$W/s.db" -cmd ".mode csv" ".import $W/orgs.csv orgs")
rows=$("$DFNC" --db "$W/d.db" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["organisations"])')
printf "import of %d organisations (%s MiB CSV)\n" "$rows" "$(du -m "$W/orgs.csv" | cut -f1)"
printf "  dfnc import, new rows      %6.2f s\n" "$dfnc_s"
printf "  dfnc import, all updates   %6.2f s\n" "$again_s"
printf "  sqlite3 .import (ceiling)  %6.2f s\n" "$sqlite_s"
printf "  dfnc / ceiling             %6.2fx\n" "$(echo "$dfnc_s / $sqlite_s" | bc -l)"
