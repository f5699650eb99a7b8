#!/usr/bin/env python3
"""What a participant's requests page and the organisers' lists cost at
forum scale, over HTTP against the release binary.

usage: bench/requests_http.py DFNC DB [--pending N] [--reps R] [--port P]

DB is a demo forum (dfnc --db DB demo --no-serve --people N); it is copied,
never written (BENCH_LOG=FILE keeps the server's log). On the copy the demo event is published (as an organiser does
in the console: the free times are read only then), the person with the most
pending received requests is picked, and requests from other people are
imported (dfnc import requests) until N are waiting for their answer
(default 30: a popular drone maker's), and a login is made for them.

Then, served with two worker threads (the default), each figure is the
median of R runs (default 5), in ms and as a ratio to GET /api/v1/me, the
cheapest call a page makes, timed in the same run, and (after the first
figure) to one request's free times, which load the event's board once:
- the requests page as it draws: /requests, /me/agenda, /me/messages, and
  the free times of every pending received request, one call each
  (/requests/{id}/times, 6 at a time as a browser sends them), or the one
  call /me/request-times when the binary has it; also the server's cost of
  the times alone, one call after another;
- the organisers' lists: requests and meetings found by a word, the desk's
  people with their next meeting, the dashboard's report;
- GET /requests when P of the waiting requests propose a time (--proposals
  15,30: each proposes one of the event's B2B slots, set in the copy), each
  proposal judged by the server as the page reads it.
"""
import argparse
import concurrent.futures
import csv
import http.client
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

PASSWORD = "bench-pass-1"


def request(port, path, who, method="GET", body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    h = dict(who or {})
    if body is not None:
        body = json.dumps(body)
        h["Content-Type"] = "application/json"
    t0 = time.monotonic()
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    ms = (time.monotonic() - t0) * 1000
    cookie = r.getheader("Set-Cookie")
    c.close()
    return r.status, ms, data, cookie


def must(port, path, who, method="GET", body=None):
    st, ms, data, cookie = request(port, path, who, method, body)
    if st >= 300:
        sys.exit(f"{method} {path}: {st} {data[:300]!r}")
    return ms, data, cookie


def login(port, email, password):
    _, data, cookie = must(port, "/api/v1/session", None, "POST",
                           {"email": email, "password": password})
    return {"Cookie": cookie.split(";")[0], "X-CSRF-Token": json.loads(data)["csrf_token"]}


def median_ms(reps, fn):
    return statistics.median(fn() for _ in range(reps))


def prepare(dfnc, db, pending):
    """Publishes the event, tops the busiest addressee's pending requests up
    to `pending`, and makes their login: (person, event, pending before)."""
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')")
    event = con.execute("SELECT id FROM events ORDER BY rid LIMIT 1").fetchone()[0]
    person, had = con.execute(
        "SELECT p.id, count(*) FROM requests r JOIN people p ON p.rid = r.to_rid "
        "WHERE r.status = 'pending' GROUP BY p.rid ORDER BY 2 DESC, p.rid LIMIT 1").fetchone()
    senders = [x[0] for x in con.execute(
        "SELECT p.id FROM people p WHERE p.id != ? AND p.org_rid != "
        "(SELECT org_rid FROM people WHERE id = ?) AND p.rid NOT IN "
        "(SELECT from_rid FROM requests WHERE to_rid = (SELECT rid FROM people WHERE id = ?)) "
        "AND p.rid NOT IN (SELECT to_rid FROM requests WHERE from_rid = "
        "(SELECT rid FROM people WHERE id = ?)) ORDER BY p.rid LIMIT ?",
        (person, person, person, person, max(0, pending - had)))]
    con.commit()
    con.close()
    if senders:
        path = db + ".requests.csv"
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "event", "from", "to", "priority", "status", "message"])
            for i, s in enumerate(senders):
                w.writerow([f"bench-r{i}", event, s, person, 1, "pending",
                            "Counter-drone cooperation: could we meet?"])
        subprocess.run([dfnc, "--db", db, "import", "requests", path], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run([dfnc, "--db", db, "user", "add", "--email", "bench@demo.dfnc", "--role",
                    "participant", "--person", person, "--password-stdin"],
                   input=PASSWORD.encode(), check=True, stdout=subprocess.DEVNULL)
    return person, event, had


def set_proposals(db, person, n):
    """The first n pending requests person received propose a B2B slot of
    their event each (the next slot for the next one), the others none."""
    con = sqlite3.connect(db, timeout=30)
    con.execute("UPDATE requests SET proposed_slot_rid = NULL WHERE to_rid = "
                "(SELECT rid FROM people WHERE id = ?)", (person,))
    rows = con.execute(
        "SELECT r.rid, r.event_rid FROM requests r WHERE r.status = 'pending' AND r.to_rid = "
        "(SELECT rid FROM people WHERE id = ?) ORDER BY r.rid LIMIT ?", (person, n)).fetchall()
    for i, (rid, ev) in enumerate(rows):
        slots = [x[0] for x in con.execute(
            "SELECT s.rid FROM slots s JOIN sessions se ON se.rid = s.session_rid "
            "WHERE se.event_rid = ? AND se.kind = 'b2b' ORDER BY s.starts_at", (ev,))]
        con.execute("UPDATE requests SET proposed_slot_rid = ? WHERE rid = ?",
                    (slots[i % len(slots)], rid))
    con.commit()
    con.close()
    return len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfnc")
    ap.add_argument("db")
    ap.add_argument("--pending", type=int, default=30)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--port", type=int, default=8450)
    ap.add_argument("--proposals", default="15,30",
                    help="comma-separated counts of waiting requests proposing a time")
    o = ap.parse_args()
    work = tempfile.mkdtemp(prefix="dfnc-requests-")
    db = os.path.join(work, "forum.db")
    shutil.copy(o.db, db)
    person, event, had = prepare(o.dfnc, db, o.pending)
    people = sqlite3.connect(db).execute("SELECT count(*) FROM people").fetchone()[0]
    server = subprocess.Popen([o.dfnc, "--db", db, "serve", "--port", str(o.port),
                               "--no-access-log"],
                              stdout=subprocess.DEVNULL,
                              stderr=open(os.environ.get("BENCH_LOG", os.devnull), "w"))
    try:
        for _ in range(100):
            try:
                request(o.port, "/api/v1/health", None)
                break
            except OSError:
                time.sleep(0.1)
        me = login(o.port, "bench@demo.dfnc", PASSWORD)
        org = login(o.port, "organiser@demo.dfnc", "demo-organiser")
        _, data, _ = must(o.port, "/api/v1/requests", me)
        waiting = [x["id"] for x in json.loads(data)["requests"]
                   if x["to"] == person and x["status"] == "pending"]
        R = o.reps
        bound = median_ms(R * 4, lambda: must(o.port, "/api/v1/me", me)[0])
        print(f"{os.path.basename(o.dfnc)}: {people} people, {person} with {len(waiting)} "
              f"pending received requests ({had} in the demo), {R} runs, medians")
        print(f"  GET /me (the bound)                 {bound:8.1f} ms")

        board = [0.0]

        def line(name, ms):
            # against /me, and against one request's times: one load of the
            # event's board (the steadier bound on a loaded machine)
            per_board = f"  {ms / board[0]:6.2f} boards" if board[0] else ""
            print(f"  {name:36s}{ms:8.1f} ms  {ms / bound:8.1f} x /me{per_board}")

        failed = set()

        def times_of(rid):
            # an older binary ran out of its request's memory at 5,000 people (500)
            st, ms, data, _ = request(o.port, f"/api/v1/requests/{rid}/times", me)
            if st != 200:
                failed.add((rid, st, data[:80]))
            return ms

        def times_one_by_one():
            t0 = time.monotonic()
            for rid in waiting:
                times_of(rid)
            return (time.monotonic() - t0) * 1000

        batch = request(o.port, "/api/v1/me/request-times", me)[0] == 200

        def times_batch():
            return must(o.port, "/api/v1/me/request-times", me)[0]

        def page():
            # the page's first calls together, then the times 6 at a time
            t0 = time.monotonic()
            with concurrent.futures.ThreadPoolExecutor(6) as ex:
                first = [ex.submit(must, o.port, p, me) for p in
                         ("/api/v1/requests", "/api/v1/me/agenda", "/api/v1/me/messages")]
                if batch:
                    first.append(ex.submit(times_batch))
                for f in first:
                    f.result()
                if not batch:
                    list(ex.map(times_of, waiting))
            return (time.monotonic() - t0) * 1000

        one = median_ms(R, lambda: times_of(waiting[0]))
        line("one request's times", one)
        board[0] = one
        line(f"{len(waiting)} requests' times, one by one", median_ms(R, times_one_by_one))
        if batch:
            line("GET /me/request-times (all at once)", median_ms(R, times_batch))
        line("the requests page, as it draws", median_ms(R, page))
        if failed:
            print(f"  {len(failed)} of the {len(waiting)} requests' times FAILED, e.g. "
                  f"{sorted(failed)[0]}")
        line("  GET /requests", median_ms(R, lambda: must(o.port, "/api/v1/requests", me)[0]))
        line("  GET /me/agenda", median_ms(R, lambda: must(o.port, "/api/v1/me/agenda", me)[0]))
        # each proposal of the list judged as the page reads it (free, or why not)
        for n in [int(x) for x in o.proposals.split(",") if x]:
            got = set_proposals(db, person, n)
            st, _, data, _ = request(o.port, "/api/v1/requests", me)
            said = sum(1 for x in json.loads(data)["requests"] if x.get("proposed")) \
                if st == 200 else f"none: {st} {data[:80]!r}"
            line(f"  GET /requests, {got} proposing a time",
                 median_ms(R, lambda: request(o.port, "/api/v1/requests", me)[1]))
            print(f"    ({said} proposals said)")
        set_proposals(db, person, 0)
        q = urllib.parse.quote("drone")
        for name, path in (
                ("organisers: requests found by a word", f"/api/v1/requests?q={q}&limit=50"),
                ("organisers: meetings found by a word",
                 f"/api/v1/console/events/{event}/meetings?q={q}&limit=50"),
                ("desk: 50 people with next meeting", "/api/v1/console/people?next=1&limit=50"),
                ("desk: 50 people", "/api/v1/console/people?limit=50"),
                ("dashboard: the report", f"/api/v1/console/events/{event}/report")):
            line(name, median_ms(R, lambda: must(o.port, path, org)[0]))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
