#!/usr/bin/env bash
# Partner questions through the web API: a demo forum (seed 7) with the CORDIS
# track record imported (../shared/data/cordis, or $DFNC_SHARED_DATA), served
# with two worker threads, one participant logged in. N requests each, one at
# a time with curl, in the same run:
#   - GET /api/v1/health: the floor (curl, HTTP and the session check);
#   - POST /api/v1/me/partners and GET /api/v1/me/suggestions: the server keeps
#     the engine's index per thread while nothing changes (http/cache.c);
#   - `dfnc partners` from the command line: loads and indexes the store on
#     every call, as the server did before it kept the index;
#   - the forum's traffic between questions: a meeting request made and
#     cancelled (two writes), then /health or /me/partners; the difference is
#     what a partner question costs right after writes that change no profile
#     (the index is kept through them: the store's match generation).
# Prints ms per request and each one's ratio to the floor.
# usage: bench/match_http.sh [N]   (default 50; builds build/ first: make)
#        CPV=1 bench/match_http.sh [N]   also loads the CPV classifier (labels in
#        both languages and the bilingual lexicon in every index)
set -euo pipefail
N=${1:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DFNC=$ROOT/build/dfnc
DATA=${DFNC_SHARED_DATA:-$ROOT/../shared/data}
[ -x "$DFNC" ] || { echo "build first: make" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl (apt-get install curl)" >&2; exit 1; }
W=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$W"' EXIT
DB=$W/forum.db
"$DFNC" --db "$DB" demo --no-serve --seed 7 >/dev/null
"$DFNC" --db "$DB" import cordis --projects "$DATA/cordis/security_projects_fp7_h2020.csv" \
    --participations "$DATA/cordis/security_participations_fp7_h2020.csv" >/dev/null
if [ "${CPV:-0}" = 1 ]; then
    "$DFNC" --db "$DB" import cpv "$DATA/cpv/cpv_en.json" --lang en >/dev/null
    "$DFNC" --db "$DB" import cpv "$DATA/cpv/cpv_uk.json" --lang uk >/dev/null
fi
PERSON=$("$DFNC" --db "$DB" export people - --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
ORG=$("$DFNC" --db "$DB" export people - --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["organisation"])')
echo "bench-pass-12345" | "$DFNC" --db "$DB" user add --email bench@forum.test \
    --role participant --person "$PERSON" --password-stdin >/dev/null
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$DFNC" --db "$DB" serve --port "$PORT" --threads 2 --no-access-log >/dev/null 2>&1 &
SERVER=$!
URL=http://127.0.0.1:$PORT/api/v1
for _ in $(seq 50); do curl -sf "$URL/health" >/dev/null && break; sleep 0.1; done
CSRF=$(curl -sf -c "$W/cookies" -H 'Content-Type: application/json' \
    -d '{"email":"bench@forum.test","password":"bench-pass-12345"}' "$URL/session" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])')
TEXT="Counter-drone radar and electronic warfare for the protection of critical infrastructure"
BODY="{\"text\":\"$TEXT\"}"

health() { curl -sf -o /dev/null -b "$W/cookies" "$URL/health"; }
partners() {
    curl -sf -o /dev/null -b "$W/cookies" -H "X-CSRF-Token: $CSRF" \
        -H 'Content-Type: application/json' -d "$BODY" "$URL/me/partners"
}
suggestions() { curl -sf -o /dev/null -b "$W/cookies" "$URL/me/suggestions"; }
cli() { "$DFNC" --db "$DB" partners --lead "$ORG" --text "$TEXT" >/dev/null; }
# people of other organisations to send meeting requests to, in turn
mapfile -t OTHERS < <("$DFNC" --db "$DB" export people - --format json |
    python3 -c 'import json, sys; [print(p["id"]) for p in json.load(sys.stdin) if p["organisation"] != sys.argv[1]]' "$ORG")
TURN=0
request_and_cancel() {
    local to=${OTHERS[$((TURN % ${#OTHERS[@]}))]} id
    TURN=$((TURN + 1))
    id=$(curl -sf -b "$W/cookies" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
        -d "{\"to\":\"$to\"}" "$URL/requests" | sed 's/^{"id":"\([^"]*\)".*/\1/')
    curl -sf -o /dev/null -b "$W/cookies" -H "X-CSRF-Token: $CSRF" -X POST "$URL/requests/$id/cancel"
}
writes_then_health() { request_and_cancel; health; }
writes_then_partners() { request_and_cancel; partners; }
# ms per call of $1, after 4 unmeasured calls (each worker thread builds its index once)
per_call() {
    for _ in 1 2 3 4; do "$1"; done
    local s e
    s=$(date +%s%N)
    for _ in $(seq "$N"); do "$1"; done
    e=$(date +%s%N)
    echo "scale=2; ($e - $s) / 1000000 / $N" | bc
}
orgs=$("$DFNC" --db "$DB" stats --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["organisations"])')
echo "demo forum (seed 7) + CORDIS: $orgs organisations; $N requests each, one at a time"
floor=$(per_call health)
printf '  %-38s %8s ms/request\n' "GET /health (floor)" "$floor"
for f in partners suggestions cli; do
    ms=$(per_call "$f")
    case $f in
    partners) name="POST /me/partners (index kept)" ;;
    suggestions) name="GET /me/suggestions (index kept)" ;;
    cli) name="dfnc partners (index built per call)" ;;
    esac
    printf '  %-38s %8s ms/request  %6.1fx the floor\n' "$name" "$ms" "$(echo "$ms / $floor" | bc -l)"
done
base=$(per_call writes_then_health)
with=$(per_call writes_then_partners)
printf '  %-38s %8s ms/request\n' "request + cancel, then GET /health" "$base"
printf '  %-38s %8s ms/request  %6.2f ms for the partners\n' "request + cancel, then partners" "$with" \
    "$(echo "$with - $base" | bc -l)"
