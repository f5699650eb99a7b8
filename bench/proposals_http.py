#!/usr/bin/env python3
"""What GET /requests costs when the waiting requests propose times, two
binaries side by side (say main's and a branch's), over HTTP.

usage: bench/proposals_http.py BEFORE AFTER DB [--counts 0,15,30] [--reps R]

DB is a demo forum (dfnc --db DB demo --no-serve --people N). Each binary
serves a copy of its own, prepared as bench/requests_http.py prepares it
(the event published, the busiest addressee topped up to 30 waiting
requests, a login). For each count, that many of the waiting requests
propose one of the event's B2B slots (set in both copies alike), and GET
/api/v1/requests is asked of the two servers in turn, R times each (default
5): their medians in ms, and the ratio of BEFORE's to AFTER's, measured in
the same run on the same machine load.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import requests_http as rh  # noqa: E402  (the preparation and the calls)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("db")
    ap.add_argument("--counts", default="0,15,30")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--port", type=int, default=8470)
    o = ap.parse_args()
    work = tempfile.mkdtemp(prefix="dfnc-proposals-")
    side = {}
    try:
        for i, (name, dfnc) in enumerate((("before", o.before), ("after", o.after))):
            db = os.path.join(work, f"{name}.db")
            shutil.copy(o.db, db)
            person, _, _ = rh.prepare(dfnc, db, 30)
            port = o.port + i
            srv = subprocess.Popen([dfnc, "--db", db, "serve", "--port", str(port),
                                    "--no-access-log"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            side[name] = {"db": db, "person": person, "port": port, "srv": srv}
        for s in side.values():
            for _ in range(100):
                try:
                    rh.request(s["port"], "/api/v1/health", None)
                    break
                except OSError:
                    time.sleep(0.1)
            s["me"] = rh.login(s["port"], "bench@demo.dfnc", rh.PASSWORD)
        print(f"GET /api/v1/requests, {os.path.basename(o.db)}, medians of {o.reps}, "
              f"the two servers asked in turn")
        for n in [int(x) for x in o.counts.split(",") if x]:
            ms = {name: [] for name in side}
            for s in side.values():
                rh.set_proposals(s["db"], s["person"], n)
            for _ in range(o.reps):
                for name, s in side.items():
                    st, t, data, _ = rh.request(s["port"], "/api/v1/requests", s["me"])
                    if st != 200:
                        sys.exit(f"{name}: GET /requests with {n} proposals: {st} {data[:200]!r}")
                    ms[name].append(t)
            b, a = statistics.median(ms["before"]), statistics.median(ms["after"])
            print(f"  {n:3d} proposing a time: before {b:9.1f} ms  after {a:9.1f} ms  "
                  f"before/after {b / a:6.1f}")
    finally:
        for s in side.values():
            s["srv"].terminate()
            s["srv"].wait()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
