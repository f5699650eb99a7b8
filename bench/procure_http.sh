#!/bin/sh
# Times GET /api/v1/procurement/plan on a running copy of a database made with
# bench/procure_csv.py (bench/README.md, "The procurement plan cached"):
# cold (a date not asked before), warm (the same date again), as an organiser
# and as a buyer's person, then the server's CPU for N requests from C
# clients at once. Usage: bench/procure_http.sh DFNC DB PORT [N C [BUYER]]
# (BUYER: the person the buyer signs in as, p-mod-pl of procure_csv.py's
# forum by default; a demo's is any person of a ministry with demands.)
set -eu
bin=$1 db=$2 port=$3 n=${4:-50} c=${5:-4} buyer=${6:-p-mod-pl}
work=$(mktemp -d)
cp "$db" "$work/db"
for who in organiser buyer; do
  if [ $who = organiser ]; then
    echo bench-pass-1 | "$bin" --db "$work/db" user add --email org@bench.test --role organiser --password-stdin >/dev/null
  else
    echo bench-pass-1 | "$bin" --db "$work/db" user add --email buyer@bench.test --role participant --person "$buyer" --password-stdin >/dev/null
  fi
done
"$bin" --db "$work/db" serve --port "$port" >"$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port/api/v1/procurement/plan?instrument=safe"
for who in organiser buyer; do
  email=$([ $who = organiser ] && echo org@bench.test || echo buyer@bench.test)
  curl -sf -c "$work/$who.jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench-pass-1\"}" "http://127.0.0.1:$port/api/v1/session" >/dev/null
done
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f ms", m*1000}'; }
t() { curl -s -o /dev/null -w '%{time_total}\n' -b "$work/$1.jar" "$base&as_of=$2"; }
for who in organiser buyer; do
  day=$([ $who = organiser ] && echo 1 || echo 2)
  cold=$(for m in 01 02 03 04 05 06 07; do t $who 2027-$m-0$day; done | median)
  warm=$(for i in $(seq 15); do t $who 2027-01-0$day; done | median)
  echo "$who: cold $cold, warm $warm (medians of 7 and 15)"
done
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
for mode in same distinct; do
  before=$(cpu); t0=$(date +%s.%N)
  seq "$n" | xargs -P "$c" -I{} sh -c "
    if [ $mode = same ]; then d=2027-01-01; else d=\$(date -d \"2028-01-01 + {} days\" +%F); fi
    curl -s -o /dev/null -b '$work/organiser.jar' '$base&as_of='\$d"
  t1=$(date +%s.%N); after=$(cpu)
  echo "$n requests, $c clients, $mode as_of: server CPU $(echo "($after - $before) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.2f') s, wall $(echo "$t1 - $t0" | bc -l | xargs printf '%.2f') s"
done
