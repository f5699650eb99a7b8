#!/bin/sh
# Command-line cases of matchmaking (issue 4): CORDIS import with FILE:LINE
# errors, partners (single, JSON, batch with a bad line), recommend on the demo
# forum for a Ukrainian drone maker. TAP output.
set -u
DFNC=$1
DATA=${DFNC_SHARED_DATA:?}/cordis
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0; fail=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
no() { n=$((n+1)); fail=1; echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }

"$DFNC" --db "$T/c.db" import cordis --projects "$DATA/security_projects_fp7_h2020.csv" \
    --participations "$DATA/security_participations_fp7_h2020.csv" > "$T/out" 2>&1
check "cordis import succeeds" "[ $? -eq 0 ] && grep -q '712 projects, 8366 participations' '$T/out'"

printf 'projectID,role,orgID,name,activityType,country\n1,coordinator,5,X,ZZZ,DE\n' > "$T/bad.csv"
"$DFNC" --db "$T/c.db" import cordis --projects "$DATA/security_projects_fp7_h2020.csv" \
    --participations "$T/bad.csv" > "$T/out" 2>&1
check "a bad activityType exits 3 with FILE:LINE" "[ $? -eq 3 ] && grep -q 'bad.csv:2: activityType' '$T/out'"
printf 'projectID,role,orgID,name,activityType,country\n284851,coordinator,5,X,ZZZ,DE\n284851,participant,6,Y,PRC,DE\n284851,participant,7,Z,PRC,QQ\n' > "$T/bad2.csv"
"$DFNC" --db "$T/c.db" import cordis --projects "$DATA/security_projects_fp7_h2020.csv" \
    --participations "$T/bad2.csv" > "$T/out" 2>&1
check "every bad row is named, not only the first" \
    "[ $? -eq 3 ] && grep -q 'bad2.csv:2: activityType' '$T/out' && grep -q 'bad2.csv:4: country \"QQ\"' '$T/out' && [ \$(wc -l < '$T/out') -eq 2 ]"

"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "counter-drone radar" --top 3 --json > "$T/out"
check "partners --json gives 3 suggestions with reasons" \
    "[ $? -eq 0 ] && [ \$(grep -c '\"org\"' '$T/out') -eq 3 ] && grep -q 'worked with you on' '$T/out'"

# a Ukrainian text reaches the English track records through loanwords, with no
# classifier and no glossary word: біометричні is biometric, сенсори sensor
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "Біометричні сенсори" --top 5 --json \
    > "$T/out"
check "cognates carry a Ukrainian text to English profiles, and say so" \
    "[ $? -eq 0 ] && grep -q 'біометричні (biometric' '$T/out' && grep -q 'сенсори (sensor' '$T/out'"

# the organiser's glossary: checked whole before anything is kept, read after dfnc's
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "гіперспектральна розвідка" --json > "$T/before"
printf '# our words\nhyperspectral\tгіперспектральний\n' > "$T/g.tsv"
printf 'hyperspectral\tгіперспектральний\nelectronic warfare\tРЕБ\nradar\n' > "$T/g-bad.tsv"
"$DFNC" --db "$T/c.db" import glossary "$T/g-bad.tsv" > "$T/out" 2>&1
check "a glossary exits 3 naming every bad line by FILE:LINE, not only the first" \
    "[ $? -eq 3 ] && grep -q 'g-bad.tsv:2: \"electronic warfare\" is not one word' '$T/out' && grep -q 'g-bad.tsv:3: expected an English word' '$T/out'"
printf 'radar\t\342\200\256радар\n' > "$T/g-bidi.tsv"
"$DFNC" --db "$T/c.db" import glossary "$T/g-bidi.tsv" > "$T/out" 2>&1
check "a glossary word with a bidi control is refused by FILE:LINE" \
    "[ $? -eq 3 ] && grep -q 'g-bidi.tsv:1: the Ukrainian word holds a Unicode bidirectional control (U+202E' '$T/out'"
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "гіперспектральна розвідка" --json > "$T/after-bad"
check "the refused glossary left nothing behind" "cmp -s '$T/before' '$T/after-bad'"
"$DFNC" --db "$T/c.db" import glossary "$T/g.tsv" > "$T/out" 2>&1
check "a glossary imports" "[ $? -eq 0 ] && grep -q '1 pair (0 of them \"not\")' '$T/out'"
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "гіперспектральна розвідка" --json > "$T/out"
check "its word reaches the English track records, and says so" \
    "! grep -q '(hyperspectral)' '$T/before' && grep -q 'гіперспектральна (hyperspectral)' '$T/out'"
"$DFNC" --db "$T/c.db" export glossary "$T/g-out.tsv" 2> "$T/err"
"$DFNC" --db "$T/c.db" import glossary "$T/g-out.tsv" > /dev/null 2>&1
"$DFNC" --db "$T/c.db" export glossary - > "$T/g-again.tsv"
check "the glossary exports in its import format, and imports back to the same" \
    "grep -q '1 glossary pairs' '$T/err' && [ \"\$(grep -v '^#' '$T/g-out.tsv')\" = \"\$(printf 'hyperspectral\tгіперспектральний')\" ] && cmp -s '$T/g-out.tsv' '$T/g-again.tsv'"
"$DFNC" --db "$T/c.db" export glossary - --format json > "$T/out" 2> "$T/err"
check "the glossary refuses a --format it does not have" \
    "[ $? -eq 2 ] && [ ! -s '$T/out' ] && grep -q 'format does not apply' '$T/err'"
printf 'counter\tпротидія\tnot\n' > "$T/g-not.tsv"
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "протидія тероризму" --json > "$T/before"
"$DFNC" --db "$T/c.db" import glossary "$T/g-not.tsv" > /dev/null 2>&1
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "протидія тероризму" --json > "$T/out"
check "a \"not\" line takes back a translation of dfnc's own glossary; the import replaced the last" \
    "grep -q 'протидія (counter)' '$T/before' && ! grep -q '(counter)' '$T/out' && grep -q 'тероризму (terrorism)' '$T/out'"
: > "$T/empty.tsv"
"$DFNC" --db "$T/c.db" import glossary "$T/empty.tsv" > /dev/null 2>&1
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "протидія тероризму" --json > "$T/out"
check "an empty glossary file clears the organiser's" "cmp -s '$T/before' '$T/out'"
# one an older dfnc took (electronic has електронний and радіоелектронний in
# dfnc's own: a fourth translation is one too many): that line is left out,
# its export says why, and partner questions read the other lines
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO glossary(line, en, uk, negated) VALUES (1, 'electronic', 'коптер', 0), (2, 'electronic', 'птах', 0), (3, 'counter', 'протидія', 1)\"); c.commit()" "$T/c.db"
"$DFNC" --db "$T/c.db" export glossary - > "$T/out" 2> "$T/err"
check "a stored glossary line that no longer fits is exported with a warning naming it" \
    "[ $? -eq 0 ] && grep -q 'electronic	птах' '$T/out' && grep -q 'leave 1 of these 3 lines out' '$T/err' && grep -qx 'the organiser.s glossary:2: \"electronic\" has more than 3 translations' '$T/err'"
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "протидія тероризму" --json > "$T/out" 2> "$T/err"
check "partner questions read the lines that fit (line 3 takes back counter), and warn of the other" \
    "! grep -q '(counter)' '$T/out' && grep -q 'тероризму (terrorism)' '$T/out' && grep -q '1 of the organiser.s 3 glossary lines left out' '$T/err'"
: > "$T/empty.tsv"
"$DFNC" --db "$T/c.db" import glossary "$T/empty.tsv" > /dev/null 2>&1
"$DFNC" --db "$T/c.db" export glossary - > /dev/null 2> "$T/err"
check "an empty glossary exports with no warning" "[ ! -s '$T/err' ]"

"$DFNC" --db "$T/c.db" partners --lead nobody --text "radar" > "$T/out" 2>&1
check "an unknown lead exits 3" "[ $? -eq 3 ] && grep -q 'unknown lead' '$T/out'"
printf '\377\376' > "$T/bad.txt"
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text-file "$T/bad.txt" > "$T/out" 2>&1
check "invalid UTF-8 is a usage error" "[ $? -eq 2 ] && grep -q 'UTF-8' '$T/out'"

printf '%s\n' '{"id":"a","lead":"999984059","text":"border surveillance"}' 'not json' \
    '{"id":"c","lead":"999984059","text":""}' '{"id":"d","lead":"999984059","text":"drones"}' > "$T/q.jsonl"
"$DFNC" --db "$T/c.db" partners --queries "$T/q.jsonl" --top 2 > "$T/out" 2> "$T/err"
check "batch: bad lines named, others answered" \
    "[ $? -eq 3 ] && grep -q 'q.jsonl:2:' '$T/err' && grep -q 'q.jsonl:3:' '$T/err' && [ \$(wc -l < '$T/out') -eq 2 ] && grep -q '\"id\":\"d\"' '$T/out'"

python3 -c "
import sys
print('{\"id\":\"a\",\"lead\":\"999984059\",\"text\":\"radar\"}')
print('{\"id\":\"big\",\"lead\":\"999984059\",\"text\":\"' + 'x' * (3 << 20) + '\"}')
print('{\"id\":\"z\",\"lead\":\"999984059\",\"text\":\"drones\"}')" > "$T/long.jsonl"
"$DFNC" --db "$T/c.db" partners --queries "$T/long.jsonl" --top 2 > "$T/out" 2> "$T/err"
check "batch: a 3 MiB line is refused by its number, the lines around it answered" \
    "[ $? -eq 3 ] && grep -q 'long.jsonl:2: line longer than' '$T/err' && [ \$(wc -l < '$T/out') -eq 2 ] && grep -q '\"id\":\"z\"' '$T/out'"

"$DFNC" --db "$T/d.db" demo --no-serve --seed 7 > /dev/null 2>&1
cat > "$T/ua.py" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "select o.id from organisations o join capabilities c on c.org_rid = o.rid"
    " where o.country = 'UA' and c.direction = 'offer' and c.cpv like '35613%'"
    " order by o.id limit 1").fetchone()
print(row[0] if row else "")
PY
UA=$(python3 "$T/ua.py" "$T/d.db")
if [ -n "$UA" ]; then
    "$DFNC" --db "$T/d.db" recommend "$UA" --top 5 --json > "$T/out"
    check "demo: a Ukrainian drone maker is told of EU organisations needing UAVs" \
        "[ $? -eq 0 ] && grep -q 'needs 3561[0-9]* .*which you offer' '$T/out' && grep -q 'EU-Ukraine pair' '$T/out'"
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --region eu --top 5 --json \
        --text "Спільне виробництво безпілотників з європейськими партнерами" > "$T/out"
    check "demo: --region eu gives a Ukrainian text EU partners by their needs, no Ukrainian one" \
        "[ $? -eq 0 ] && grep -q 'which you offer' '$T/out' && grep -q 'EU-Ukraine pair' '$T/out' && ! grep -q '\"country\": \"UA\"' '$T/out'"
    cat > "$T/region.py" <<'PY'
import json, sys
lines = {j["id"]: j["partners"] for j in map(json.loads, open(sys.argv[1]))}
assert sorted(lines) == [1, 3], lines.keys()
assert lines[1] and all(p["country"] == "UA" for p in lines[1]), lines[1]
PY
    printf '%s\n' "{\"id\":1,\"lead\":\"$UA\",\"text\":\"drones\",\"region\":\"ua\"}" \
        "{\"id\":2,\"lead\":\"$UA\",\"text\":\"drones\",\"region\":\"eea\"}" \
        "{\"id\":3,\"lead\":\"$UA\",\"text\":\"drones\",\"region\":null}" > "$T/r.jsonl"
    "$DFNC" --db "$T/d.db" partners --queries "$T/r.jsonl" --top 3 > "$T/out" 2> "$T/err"
    check "batch: a line's region is checked, the others answered" \
        "[ $? -eq 3 ] && grep -q 'r.jsonl:2: \"region\" is' '$T/err' && python3 '$T/region.py' '$T/out'"
    # a phrase both write is said whole: "control" alone is too common a word
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --top 5 --json \
        --text "Fire control radars for short-range air defence" > "$T/out"
    check "demo: a phrase the question and a profile both write is said whole, not cut" \
        "[ $? -eq 0 ] && grep -q 'text: fire control' '$T/out' && ! grep -Eq 'fire(,|\")' '$T/out'"
    # an English page: the question's Ukrainian words in English first
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --top 3 --json \
        --text "Радари та засоби радіоелектронної боротьби" > "$T/as-written"
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --top 3 --json --lang en \
        --text "Радари та засоби радіоелектронної боротьби" > "$T/out"
    check "partners --lang en: a Ukrainian text's words are said in English first" \
        "[ $? -eq 0 ] && grep -q 'радіоелектронної боротьби (electronic warfare)' '$T/as-written' && grep -q 'electronic warfare (радіоелектронної боротьби)' '$T/out'"
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --lang de --text "drones" > "$T/out" 2>&1
    check "an unknown --lang is a usage error" "[ $? -eq 2 ] && grep -q 'lang is en or uk' '$T/out'"
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --region eea --text "drones" > "$T/out" 2>&1
    check "an unknown --region is a usage error" "[ $? -eq 2 ] && grep -q 'region is eu' '$T/out'"
    BUYER=$(python3 - "$T/d.db" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(
    "select o.id from organisations o join capabilities c on c.org_rid = o.rid"
    " where o.country <> 'UA' and o.kind = 'government' and c.direction = 'need'"
    " and c.cpv like '35613%' order by o.id limit 1").fetchone()[0])
PY
)
    cat > "$T/only.py" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))
hits = hits["suggestions"] if isinstance(hits, dict) else hits
assert hits and all((h["country"] == "UA") == (sys.argv[2] == "ua") for h in hits), hits
PY
    "$DFNC" --db "$T/d.db" recommend "$BUYER" --region ua --top 10 --json > "$T/out"
    check "recommend --region ua: an EU ministry meets Ukrainian suppliers only" \
        "[ $? -eq 0 ] && python3 '$T/only.py' '$T/out' ua && grep -q 'which you need' '$T/out'"
    "$DFNC" --db "$T/d.db" recommend "$BUYER" --region eu --top 10 --json > "$T/out"
    check "recommend --region eu: no Ukrainian one" "[ $? -eq 0 ] && python3 '$T/only.py' '$T/out' eu"
    "$DFNC" --db "$T/d.db" recommend "$BUYER" --region ru > "$T/out" 2>&1
    check "recommend with an unknown --region is a usage error" \
        "[ $? -eq 2 ] && grep -q 'region is eu' '$T/out'"
    cat > "$T/sme.py" <<'PY'
import json, sys
hits = json.load(open(sys.argv[1]))
assert hits and all(h["sme"] is True for h in hits), hits
PY
    "$DFNC" --db "$T/d.db" recommend "$BUYER" --region ua --sme --top 10 --json > "$T/out"
    check "recommend --region ua --sme: Ukrainian SMEs only, each marked" \
        "[ $? -eq 0 ] && python3 '$T/only.py' '$T/out' ua && python3 '$T/sme.py' '$T/out'"
    "$DFNC" --db "$T/d.db" recommend "$BUYER" --top 10 --json > "$T/out"
    check "recommend without --sme also suggests organisations that are no SME" \
        "[ $? -eq 0 ] && grep -q '\"sme\": false' '$T/out'"
    "$DFNC" --db "$T/d.db" partners --lead "$UA" --sme --text "drones" > "$T/out"
    check "partners --sme: the text list says SME on every line" \
        "[ $? -eq 0 ] && [ \$(grep -c '^ *[0-9]*\. ' '$T/out') -gt 0 ] && ! grep '^ *[0-9]*\. ' '$T/out' | grep -vq ', SME)'"
    printf '%s\n' "{\"id\":1,\"lead\":\"$UA\",\"text\":\"drones\",\"sme\":true}" \
        "{\"id\":2,\"lead\":\"$UA\",\"text\":\"drones\",\"sme\":\"yes\"}" > "$T/s.jsonl"
    "$DFNC" --db "$T/d.db" partners --queries "$T/s.jsonl" --top 3 > "$T/out" 2> "$T/err"
    check "batch: a line's sme is true or false, the others answered" \
        "[ $? -eq 3 ] && grep -q 's.jsonl:2: \"sme\" is' '$T/err' && grep -q '\"sme\":true' '$T/out' && ! grep -q '\"sme\":false' '$T/out'"
else
    no "demo: no Ukrainian organisation offers UAVs "
fi
"$DFNC" --db "$T/d.db" recommend ghost > "$T/out" 2>&1
check "recommend for an unknown name exits 3" "[ $? -eq 3 ]"

# a consortium for the project idea: the CORDIS lead and its ranked partners
"$DFNC" --db "$T/c.db" partners --lead 999984059 --text "counter-drone radar" --top 20 --json \
    | python3 -c 'import json,sys; print(",".join(p["org"] for p in json.load(sys.stdin)))' > "$T/cands"
"$DFNC" --db "$T/c.db" consortium --programme edf 999984059 --candidates "$(cat "$T/cands")" --json > "$T/out"
cp "$T/out" "$T/out.json"
check "consortium: the lead alone falls short and the fewest ranked partners of new countries complete it" \
    "[ $? -eq 0 ] && python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
cands = {c[\"org\"]: c for c in v[\"candidates\"]}
lead = v[\"members\"][0]
picked = [cands[o] for o in v[\"complete_with\"]]
countries = {lead[\"country\"]} | {c[\"country\"] for c in picked}
assert not v[\"meets\"] and lead[\"counts\"] and v[\"entities_missing\"] == 2, v
assert len(picked) == 2 and all(c[\"counts\"] for c in picked) and len(countries) == 3, picked
order = list(cands)
first = next(o for o in order if cands[o][\"counts\"] and cands[o][\"country\"] != lead[\"country\"])
assert v[\"complete_with\"][0] == first, (first, v[\"complete_with\"])
' '$T/out'"
"$DFNC" --db "$T/c.db" consortium --programme edf 999984059 --candidates "$(cat "$T/cands")" > "$T/out"
check "consortium: the text says what is missing and whom to add" \
    "[ $? -eq 0 ] && grep -q 'not met: 2 more eligible entities, from 2 more countries' '$T/out' && grep -q 'to complete it, add:' '$T/out' && grep -q 'not checked: ' '$T/out'"
"$DFNC" --db "$T/c.db" consortium --programme edf 999984059 $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["complete_with"]))' "$T/out.json") > "$T/out"
check "consortium: a consortium that meets the figures is not said to meet the whole rule" \
    "[ $? -eq 0 ] && grep -q \"the rule's figures are met (3 eligible entities in 3 countries)\" '$T/out' && grep -q 'not checked: ' '$T/out' && ! grep -q 'the rule is met' '$T/out'"
"$DFNC" --db "$T/c.db" consortium --programme edip 999984059 > "$T/out" 2>&1
check "consortium: an unknown programme exits 3 naming the known ones" \
    "[ $? -eq 3 ] && grep -q 'no programme \"edip\" (known: edf)' '$T/out'"
"$DFNC" --db "$T/c.db" consortium --programme edf 999984059 nobody > "$T/out" 2>&1
check "consortium: an unknown organisation exits 3 naming it" \
    "[ $? -eq 3 ] && grep -q 'no organisation \"nobody\"' '$T/out'"
"$DFNC" --db "$T/c.db" consortium 999984059 > "$T/out" 2>&1
check "consortium: no programme is a usage error" "[ $? -eq 2 ]"
"$DFNC" --db "$T/c.db" consortium --programme edf 999984059 \
    --candidates "$(seq -s, 1 101)" > "$T/out" 2>&1
check "consortium: over 100 candidates is a usage error, said" \
    "[ $? -eq 2 ] && grep -q 'at most 100 ids' '$T/out'"
"$DFNC" consortium --list > "$T/out"
check "consortium --list: the rules with their articles" \
    "[ $? -eq 0 ] && grep -q '\"rules\": \"at least 3 eligible entities (Art. 10, secondary)' '$T/out'"
echo "1..$n"
exit $fail
