#!/usr/bin/env python3
"""A table out of use at forum scale: the desk's one POST that moves a
table's meetings in one transaction (while check-ins wait for it), timed
for one release binary or two side by side (BEFORE and AFTER).

usage: bench/table_out_bench.py DFNC [BEFORE_DFNC] --db DB [--reps R]

DB is a demo forum (dfnc --db DB demo --no-serve --people N), never
written: each binary serves its own copy, its event published, on a forum
clock an hour before the first B2B slot (none begun). The table with the
most meetings is taken out of use from the first slot to the event's end
(POST /api/v1/console/events/{id}/locations/{loc}/out-of-use), first as a
dry run (R times: nothing kept), then for real once. Printed per binary:
the meetings moved, the wall ms (median of the dry runs) and the server's
CPU ms (user + system from /proc/PID/stat).
"""
import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from requests_bench import cpu_ms, serve  # noqa: E402
from requests_http import request, login  # noqa: E402


def busiest(db):
    """(event, table, first b2b slot's start) of the table with most meetings."""
    con = sqlite3.connect(db)
    event, table = con.execute(
        "SELECT e.id, l.id FROM meetings m JOIN locations l ON l.rid = m.location_rid"
        " JOIN events e ON e.rid = l.event_rid GROUP BY l.rid ORDER BY count(*) DESC, l.rid"
        " LIMIT 1").fetchone()
    first = con.execute("SELECT min(t.starts_at) FROM slots t JOIN sessions x"
                        " ON x.rid = t.session_rid WHERE x.kind = 'b2b'").fetchone()[0]
    return event, table, first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfnc")
    ap.add_argument("before", nargs="?")
    ap.add_argument("--db", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--port", type=int, default=8490)
    o = ap.parse_args()
    event, table, first = busiest(o.db)
    # an hour before the first slot, its own zone: "2027-02-16T09:00:00+01:00"
    clock = first[:11] + "%02d" % (int(first[11:13]) - 1) + first[13:]
    work = tempfile.mkdtemp(prefix="dfnc-tableout-")
    print(f"table {table} of {event} out of use from {first[:16]}, forum clock {clock}")
    print(f"{'binary':14s}{'moved':>7s}{'dry ms':>9s}{'cpu':>8s}{'real ms':>9s}{'cpu':>8s}")
    try:
        for i, b in enumerate([o.dfnc] + ([o.before] if o.before else [])):
            port = o.port + i
            server = serve(b, o.db, work, port, clock, False)
            try:
                org = login(port, "organiser@demo.dfnc", "demo-organiser")
                path = f"/api/v1/console/events/{event}/locations/{table}/out-of-use"
                dry, cpu = [], 0.0
                for _ in range(o.reps):
                    c0 = cpu_ms(server.pid)
                    st, ms, data, _ = request(port, path, org, "POST",
                                              {"from": first[:16], "dry_run": True})
                    cpu += cpu_ms(server.pid) - c0
                    if st != 200:
                        sys.exit(f"{b}: dry run {st} {data[:300]!r}")
                    dry.append(ms)
                c0 = cpu_ms(server.pid)
                st, real, data, _ = request(port, path, org, "POST", {"from": first[:16]})
                real_cpu = cpu_ms(server.pid) - c0
                if st != 200:
                    sys.exit(f"{b}: {st} {data[:300]!r}")
                moved = len(json.loads(data).get("moves", []))
                name = "DFNC" if i == 0 else "BEFORE"
                print(f"{name:14s}{moved:7d}{statistics.median(dry):9.0f}{cpu / o.reps:8.0f}"
                      f"{real:9.0f}{real_cpu:8.0f}", flush=True)
            finally:
                server.terminate()
                server.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
