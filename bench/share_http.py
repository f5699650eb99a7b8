#!/usr/bin/env python3
"""The partner engine's index in a server with several worker threads: its
memory, and what a partner question costs right after a profile changed.

usage: bench/share_http.py DFNC DB [--threads N] [--port P] [--changes K]

DB is a demo forum (dfnc --db DB demo --people 10000 --no-serve; its demo
logins); it is copied, never written. The copy is served with N worker threads
(default 2). Partner questions (POST /api/v1/me/partners, participant1) go out
in rounds of 4N at once, each on a connection of its own, so that every worker
thread answers some; then the server's resident memory (VmRSS, /proc) is read.
Then K times (default 5): the organiser changes an organisation's description
(the match generation moves), one partner question is timed alone, and then
2N more at once. Prints the memory and the latencies (ms).
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TEXT = "Counter-drone radar and electronic warfare for the protection of critical infrastructure"


def request(port, method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    h = dict(headers or {})
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
    if r.status >= 300:
        sys.exit(f"{method} {path}: {r.status} {data[:200]!r}")
    return ms, data, cookie


def login(port, email, password):
    _, data, cookie = request(port, "POST", "/api/v1/session",
                              {"email": email, "password": password})
    return {"Cookie": cookie.split(";")[0], "X-CSRF-Token": json.loads(data)["csrf_token"]}


def partners(port, who):
    return request(port, "POST", "/api/v1/me/partners", {"text": TEXT}, who)[0]


def at_once(port, who, n):
    times = [0.0] * n

    def one(i):
        times[i] = partners(port, who)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfnc")
    ap.add_argument("db")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--port", type=int, default=8440)
    ap.add_argument("--changes", type=int, default=5)
    o = ap.parse_args()
    work = tempfile.mkdtemp(prefix="dfnc-share-")
    db = os.path.join(work, "forum.db")
    shutil.copy(o.db, db)
    server = subprocess.Popen([o.dfnc, "--db", db, "serve", "--port", str(o.port), "--threads",
                               str(o.threads), "--no-access-log"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                request(o.port, "GET", "/api/v1/health")
                break
            except OSError:
                time.sleep(0.1)
        print(f"{os.path.basename(o.dfnc)}, {o.threads} threads: idle {rss_mib(server.pid):.0f} MiB")
        who = login(o.port, "participant1@demo.dfnc", "demo-participant-1")
        organiser = login(o.port, "organiser@demo.dfnc", "demo-organiser")
        for _ in range(5):
            at_once(o.port, who, 4 * o.threads)
        print(f"  after {20 * o.threads} partner questions, {4 * o.threads} at a time: "
              f"{rss_mib(server.pid):.0f} MiB")
        first, rest, slowest = [], [], []
        for k in range(o.changes):
            request(o.port, "PUT", "/api/v1/organisations/org-0001",
                    {"description": f"Ministry of defence; procurement round {k}"}, organiser)
            first.append(partners(o.port, who))
            t = at_once(o.port, who, 2 * o.threads)
            rest += t
            slowest.append(max(t))
        print(f"  after {o.changes} changes: {rss_mib(server.pid):.0f} MiB")
        print(f"  first question after a change: median {statistics.median(first):.0f} ms "
              f"(min {min(first):.0f}, max {max(first):.0f})")
        print(f"  then {2 * o.threads} at once: median {statistics.median(rest):.0f} ms, "
              f"slowest of each batch median {statistics.median(slowest):.0f} ms")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
