#!/usr/bin/env bash
# The command line's own contract beyond each command: an option that takes
# one value, given twice, is a usage error naming it (never the last one
# quietly), in every command; a flag may repeat; `dfnc export KIND FILE`
# replaces FILE whole or leaves it as it was.
# usage: options_test.sh DFNC_BINARY   (run by meson test; TAP on stdout)
set -u
DFNC=$(realpath "$1")
. "$(dirname "$0")/tap.sh"
# t NAME WANT_EXIT PATTERN -- ARGS...: dfnc ARGS, its exit and stderr
t() {
    local name=$1 want=$2 pattern=$3
    shift 4
    ${LIMIT:+sh -c "trap '' XFSZ; ulimit -f $LIMIT; exec \"\$0\" \"\$@\""} "$DFNC" "$@" </dev/null >out.txt 2>err.txt
    local got=$?
    if [ "$got" != "$want" ] || { [ -n "$pattern" ] && ! grep -qE -- "$pattern" err.txt; }; then
        fail "$name" "exit $got (wanted $want)"; sed 's/^/#   /' err.txt | head -3
    else
        pass "$name"
    fi
}

# ---- a single value given twice ---------------------------------------------------
twice() { t "$1 given twice" 2 "^dfnc: --$1 given twice: it takes one value" -- "${@:2}"; }
twice email --db u.db user add --email a@x.eu --email b@x.eu --role organiser --password-stdin
check "... and no login was made, nor a database" [ ! -e u.db ]
twice role --db u.db user add --email a@x.eu --role organiser --role participant --password-stdin
twice person --db u.db user add --email a@x.eu --role participant --person p-1 --person p-2 --password-stdin
twice top --db t.db partners --lead org-1 --text drones --top 3 --top 5
twice lead --db t.db partners --lead org-1 --lead org-2 --text drones
twice region --db t.db partners --lead org-1 --text drones --region eu --region ua
twice top --db t.db recommend p-1 --top 3 --top 5
twice event --db t.db recommend p-1 --event a --event b
twice time-limit --db t.db schedule --time-limit 1 --time-limit 2
twice event --db t.db schedule --event a --event b
twice fairness --db t.db schedule --dzn x.dzn --fairness 1 --fairness 2
twice seed --db t.db schedule --dzn x.dzn --seed 1 --seed 2
twice threads --db t.db schedule --dzn x.dzn --threads 1 --threads 2
twice seed --db t.db demo --seed 1 --seed 2 --no-serve
twice people --db t.db demo --people 60 --people 70 --no-serve
# (the second values would fail on their own, so that a dfnc which took them
# would stop rather than serve)
twice port --db t.db demo --port 18501 --port 70000 --people 10
twice port --db t.db serve --port 18501 --port 70000
twice listen --db t.db serve --listen 127.0.0.1 --listen 256.0.0.1 --port 70000
twice format --db t.db agenda p-1 --format text --format ics
twice format --db t.db export people - --format csv --format json
twice format --db t.db export --format csv people - --format json
twice as-of --db t.db procure plan --instrument edip --as-of 2026-01-01 --as-of 2026-06-01
twice instrument --db t.db procure plan --instrument edip --instrument safe
twice projects --db t.db import cordis --projects a.csv --projects b.csv --participations c.csv
twice db --db t.db --db other.db stats
check "... no command ran: no database was made" [ ! -e t.db ] && [ ! -e other.db ]
# a flag says the same again: it may repeat
"$DFNC" --db t.db init >/dev/null
t "a flag given twice is the flag" 0 "" -- --db t.db stats --json --json
check "... its JSON printed once" python3 -c 'import json; json.load(open("out.txt"))'

# ---- a value no command could use is named, not taken ---------------------------------
# (--port 70000 after it fails too, so that a dfnc which took the value would stop
# rather than serve)
t "--public-url that is no http(s) address is refused, named" 2 \
  '^dfnc: --public-url "ftp://forum.example.eu" is not an http:// or https:// address' \
  -- --db t.db serve --public-url ftp://forum.example.eu --port 70000
t "--public-url over 256 bytes is refused, as feed URLs would be cut" 2 \
  '^dfnc: --public-url is 278 bytes long, over the limit of 256' \
  -- --db t.db serve --public-url "https://forum.example.eu/$(printf 'a%.0s' $(seq 1 253))" --port 70000
t "--public-url without a scheme is refused" 2 '^dfnc: --public-url "forum.example.eu" is not' \
  -- --db t.db serve --public-url forum.example.eu --port 70000
t "--public-url with a query, which the feed path would land in, is refused" 2 \
  '^dfnc: --public-url "https://forum.example.eu/\?a=1" is not' \
  -- --db t.db serve --public-url 'https://forum.example.eu/?a=1' --port 70000
t "--web of a folder that is not there is refused, named" 2 \
  '^dfnc: --web "/nonexistent/web": No such file or directory' \
  -- --db t.db serve --web /nonexistent/web --port 70000
t "--web of a file, not a folder, is refused, named" 2 '^dfnc: --web "t.db" is not a folder' \
  -- --db t.db serve --web t.db --port 70000
t "--backup-dir of a folder that is not there is refused before serving, named" 2 \
  '^dfnc: --backup-dir /nonexistent/bk: No such file or directory' \
  -- --db t.db serve --backup-dir /nonexistent/bk --port 18599
t "--backup-dir of a file is refused, named" 2 '^dfnc: --backup-dir t.db is not a folder' \
  -- --db t.db serve --backup-dir t.db --port 18599
t "--backup-every without --backup-dir, which it would not change, is refused" 2 \
  '^dfnc: --backup-every and --backup-keep need --backup-dir' -- --db t.db serve --backup-every 5 --port 18599
t "--backup-every of 0 minutes is refused, named" 2 '^dfnc: --backup-every takes a whole number from 1 to 1440, not "0"' \
  -- --db t.db serve --backup-dir . --backup-every 0 --port 70000
twice backup-keep --db t.db serve --backup-dir . --backup-keep 2 --backup-keep 3 --port 70000
# the server takes a copy once it listens, says so in its log, and stops cleanly
mkdir -p bk.d
touch bk.d/keep-me.txt
"$DFNC" --db t.db serve --port 0 --backup-dir bk.d --backup-keep 1 >serve.out 2>serve.err &
served=$!
for _ in $(seq 1 100); do
    grep -q 'event=backup_written' serve.err && break
    sleep 0.1
done
kill -TERM $served; wait $served
check "serve --backup-dir: the server stops cleanly (exit 0)" [ $? = 0 ]
check "... after a copy logged, with its file" grep -qE 'event=backup_written file="bk\.d/dfnc-[0-9]{8}T[0-9]{6}Z\.db" mib=[0-9.]+ ms=[0-9]+ removed=0' serve.err
check "... a copy in the folder, beside the file that was there" \
  sh -c '[ "$(ls bk.d | grep -cE "^dfnc-[0-9]{8}T[0-9]{6}Z\.db$")" = 1 ] && [ -e bk.d/keep-me.txt ]'
check "... which is the forum's database, whole" \
  sh -c '"$0" --db "$(ls bk.d/dfnc-*Z.db)" stats --json | grep -q "\"organisations\""' "$DFNC"
t "--time-limit that is no number of seconds is named" 2 \
  '^dfnc: --time-limit takes seconds, more than 0 and at most 86400, not "0"' \
  -- --db t.db schedule --time-limit 0
t "--time-limit with trailing text is named" 2 '^dfnc: --time-limit takes seconds.*not "5s"' \
  -- --db t.db schedule --dzn x.dzn --time-limit 5s
t "--threads without --dzn, which it would not change, is refused, named" 2 \
  '^dfnc: --threads applies to --dzn only' -- --db t.db schedule --threads 1
t "--fairness without --dzn is refused, named" 2 '^dfnc: --fairness applies to --dzn only' \
  -- --db t.db schedule --fairness 1
t "--event with --dzn is refused, named" 2 '^dfnc: --event schedules .* not both' \
  -- --db t.db schedule --dzn x.dzn --event e

# ---- COMMAND --help is dfnc help COMMAND, as a newcomer types it ------------------------
t "import --help is dfnc help import" 0 "" -- --db t.db import --help
check "... its help printed" grep -q "^usage: dfnc import" out.txt
t "user add --email a@x.eu --help, anywhere after the command" 0 "" -- --db t.db user add --email a@x.eu --help
check "... user's help printed" grep -q "^usage: dfnc user add" out.txt

# ---- an input file that cannot be opened is bad input data: exit 3, named ------------
# (procure --instruments exited 1, as for a failure of dfnc's own)
mkdir -p in.d
for args in "import organisations missing.csv" "import glossary missing.tsv" \
            "import cordis --projects missing.csv --participations missing.csv" \
            "partners --lead org-1 --text-file missing.txt" "partners --queries missing.jsonl" \
            "schedule --dzn missing.dzn" "procure plan --instrument edip --instruments missing.json"; do
    t "a missing input file: $args" 3 "missing\.[a-z]+: cannot open: No such file or directory" \
      -- --db t.db $args
done
t "an input file that is a folder: procure --instruments" 3 "in\.d: cannot open: Is a directory" \
  -- --db t.db procure plan --instrument edip --instruments in.d

# ---- export replaces its file whole ----------------------------------------------
python3 - <<'PY'
import random
random.seed(1)
with open("big.csv", "w") as f:
    f.write("id,name,country,kind,description\n")
    for i in range(3000):
        f.write("org-%04d,Organisation %d,DE,company,%s\n" % (i, i, "drones and radars " * 6))
PY
"$DFNC" --db t.db import organisations big.csv >/dev/null
printf 'the organiser'"'"'s last good export\n' > orgs.csv
chmod 640 orgs.csv
# a write that fails midway (here: past a file size limit, as a full disk would)
LIMIT=64 t "an export that fails midway fails" 1 "orgs\.csv is as it was" -- --db t.db export organisations orgs.csv
check "... and leaves the file as it was, not cut short" grep -qx "the organiser's last good export" orgs.csv
check "... and no temporary file beside it" [ "$(ls -A | grep -c '^\.orgs\.csv\.')" = 0 ]
t "an export that succeeds" 0 "orgs\.csv: 3000 organisations" -- --db t.db export organisations orgs.csv
check "... replaces the file whole" [ "$(wc -l < orgs.csv)" = 3001 ]
check "... keeping its permissions" [ "$(stat -c %a orgs.csv)" = 640 ]
ln -s orgs.csv link.csv
t "an export through a symbolic link" 0 "" -- --db t.db export organisations link.csv --format json
check "... writes the file it points to and keeps the link" sh -c '[ -L link.csv ] && head -c1 orgs.csv | grep -q "\["'
mkdir adir
t "an export onto a directory" 1 "adir: cannot write" -- --db t.db export organisations adir
t "an export into a missing directory" 1 "nodir/x\.csv: cannot write" -- --db t.db export organisations nodir/x.csv
rm orgs.csv link.csv
( umask 027; "$DFNC" --db t.db export people new.csv 2>/dev/null )
check "a new export file has the umask's permissions" [ "$(stat -c %a new.csv)" = 640 ]

tap_end
