#!/usr/bin/env python3
"""The requests a forum day makes most, timed over HTTP at forum scale, for
one release binary or for two side by side (BEFORE and AFTER).

usage: bench/requests_bench.py DFNC [BEFORE_DFNC] (--db DB | --people N) [--reps R]
                               [--before-db DB2] [--forum-clock TIME | --no-forum-clock]
                               [--day]

DB is a demo forum (dfnc --db DB demo --no-serve --people N); with --people
one is built by the first binary in a temporary folder. Each binary serves
its own copy (never the file given), with the demo event published, as on
the forum's days. Signed in as the demo's organiser and as participant1 (a
Ukrainian drone maker), each request is asked R times (default 7) of each
server in turn, and its median in ms is printed, with BEFORE's median over
DFNC's when two binaries are given (above 1: DFNC is faster). Beside each
median, the server's own CPU time per request (user + system, from
/proc/PID/stat over the R runs): on a machine others share, the wall time
waits for a core and the CPU time does not. --before-db serves BEFORE a
copy of another database (the same binary twice: a database with SQLite's
statistics beside one without, say). The servers run on a forum clock
(--forum-clock, default: the demo event's first day at 14:00, its own
zone), as the organisers' dashboard refreshes only while the event runs and
the report then counts the meetings begun and held; --no-forum-clock serves
on the real clock. --day makes each copy the forum's first afternoon
(DAY_SQL: check-ins, outcomes, absences, messages, which the demo has
none of), as the dashboard's figures count them.

The requests: a participant's /me (the header's counts are in it), agenda,
requests, free times (one request's and the requests page's batch),
organisations searched; the organisers' /me, the people list and its
search, the dashboard's count of arrivals and its report, the desk's person
page with her agenda, and the moves list of one of her meetings. Then the
dashboard's whole refresh (the seven requests the console's dashboard
makes each minute, one after another), twice: as it is asked again with
nothing changed (several organisers with it open), and after a check-in at
the desk each time (a busy day: the figures it shows have changed); and
its report, summary and outcome figures each after a check-in (counted
afresh, where the rows above may be answered from what the server kept;
since fix-speed2 the summary and the outcome figures are kept through a
check-in);
and the participant's requests (the proposed times' states), requests page
free times and one request's times, each after a check-in (the pages that
read the event's whole board, at the forum day's pace). Then the forum's
morning: the participant's agenda and calendar file, and the agendas of
60 people with meetings in a row (the desk's GET /console/people/{id}/agenda,
which a phone's /me/agenda answers the same way), each asked 3 times
untimed first and then after a check-in each time, and the 60 again with
nothing changed. --day also has the pending requests propose a time, as the
requests page then judges it.
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import json

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from requests_http import request, must, login  # noqa: E402


TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
AGENDAS = 60   # people whose agendas are asked in a row
WARM = 3       # untimed asks of an agenda before its runs


def cpu_ms(pid):
    """The process's CPU time so far (user + system, all its threads), ms."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def build(dfnc, people, work):
    db = os.path.join(work, "demo.db")
    subprocess.run([dfnc, "--db", db, "demo", "--people", str(people), "--no-serve"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def first_afternoon(db):
    """The demo event's first day at 14:00 in its own zone (the meetings
    of the morning begun), from its first slot's start."""
    start = sqlite3.connect(db).execute("SELECT min(starts_at) FROM slots").fetchone()[0]
    return start[:10] + "T14:00:00" + start[19:]


# The forum's first afternoon as the bench's --day makes it (the demo has no
# check-in, outcome or message): 7 in 10 people checked in, a quarter of the
# morning's meetings with an outcome from one side (follow-up, no fit or not
# held), one in 50 with a partner reported absent, a message in one request
# in five.
DAY_SQL = [
    "INSERT INTO arrivals(person_rid, day, at) SELECT rid, '2027-02-16', '2027-02-16T08:30:00Z'"
    " FROM people WHERE rid % 10 < 7",
    "INSERT INTO meeting_outcomes(request_rid, person_rid, outcome)"
    " SELECT r.rid, r.from_rid, CASE r.rid % 3 WHEN 0 THEN 'follow_up' WHEN 1 THEN 'no_fit'"
    " ELSE 'not_held' END FROM requests r JOIN meetings m ON m.request_rid = r.rid"
    " JOIN slots s ON s.rid = m.slot_rid WHERE s.starts_at < ?1 AND r.rid % 4 = 0",
    "INSERT INTO absence_reports(request_rid, reporter_rid) SELECT r.rid, r.to_rid"
    " FROM requests r JOIN meetings m ON m.request_rid = r.rid JOIN slots s ON s.rid = m.slot_rid"
    " WHERE s.starts_at < ?1 AND r.rid % 50 = 1",
    "INSERT INTO request_messages(request_rid, author_rid, text)"
    " SELECT rid, from_rid, 'hello' FROM requests WHERE rid % 5 = 0",
    # the pending requests propose a time, the day's last b2b slot (the
    # requests page judges each: its event's board)
    "UPDATE requests SET proposed_slot_rid = (SELECT t.rid FROM slots t"
    " JOIN sessions x ON x.rid = t.session_rid WHERE x.kind = 'b2b'"
    " AND t.starts_at < substr(?1, 1, 10) || 'T23' ORDER BY t.starts_at DESC LIMIT 1)"
    " WHERE status = 'pending'",
]


def serve(dfnc, src, work, port, clock, day):
    db = os.path.join(work, f"serve-{port}.db")
    shutil.copy(src, db)
    con = sqlite3.connect(db)
    con.execute("UPDATE events SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')")
    if day:
        noon = con.execute("SELECT substr(min(starts_at), 1, 10) || 'T13' FROM slots").fetchone()[0]
        for sql in DAY_SQL:
            con.execute(sql, (noon,) if "?1" in sql else ())
    con.commit()
    con.close()
    server = subprocess.Popen([dfnc, "--db", db, "serve", "--port", str(port),
                               "--no-access-log"] + (["--forum-clock", clock] if clock else []),
                              stdout=subprocess.DEVNULL,
                              stderr=open(os.environ.get("BENCH_LOG", os.devnull), "w"))
    for _ in range(300):
        try:
            request(port, "/api/v1/health", None)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit(f"{dfnc} did not answer on port {port}")


def paths(port, org, me):
    """The requests to time, as (name, who, path), with ids read from the
    forum served on port."""
    _, data, _ = must(port, "/api/v1/me", me)
    person = json.loads(data)["person"]["id"]
    _, data, _ = must(port, "/api/v1/events", org)
    event = json.loads(data)["events"][0]["id"]
    _, data, _ = must(port, "/api/v1/me/agenda", me)
    meeting = json.loads(data)["meetings"][0]["id"]
    _, data, _ = must(port, "/api/v1/requests", me)
    waiting = [x["id"] for x in json.loads(data)["requests"]
               if x["to"] == person and x["status"] == "pending"]
    out = [("participant /me", "me", "/api/v1/me"),
           ("participant /me/agenda", "me", "/api/v1/me/agenda"),
           ("participant /requests", "me", "/api/v1/requests"),
           ("participant /me/request-times", "me", "/api/v1/me/request-times")]
    if waiting:
        out.append(("participant /requests/{id}/times", "me",
                    f"/api/v1/requests/{waiting[0]}/times"))
    out += [("participant /me/messages", "me", "/api/v1/me/messages"),
            ("participant /announcements", "me", "/api/v1/announcements"),
            ("participant /search/organisations", "me", "/api/v1/search/organisations"),
            ("participant search q=drone", "me", "/api/v1/search/organisations?q=drone"),
            ("participant /organisations?q=drone", "me", "/api/v1/organisations?q=drone"),
            ("organiser /me", "org", "/api/v1/me"),
            ("organiser /console/people", "org", "/api/v1/console/people?limit=50"),
            ("organiser people q=anna", "org", "/api/v1/console/people?q=anna&limit=50"),
            ("organiser people limit=0 (dash)", "org", "/api/v1/console/people?limit=0"),
            ("organiser requests q=drone", "org", "/api/v1/requests?q=drone&limit=50"),
            ("organiser dashboard report", "org", f"/api/v1/console/events/{event}/report"),
            ("organiser dashboard summary", "org", f"/api/v1/console/events/{event}/summary"),
            ("organiser desk person", "org", f"/api/v1/console/people/{person}"),
            ("organiser desk person agenda", "org", f"/api/v1/console/people/{person}/agenda"),
            ("organiser meeting moves", "org", f"/api/v1/console/meetings/{meeting}/moves"),
            ("organiser dashboard outcomes", "org", f"/api/v1/console/events/{event}/outcomes")]
    return out


def dashboard(port, event):
    """The requests of one refresh of the console's dashboard
    (web/js/pages/dashboard.js, drawDashboard)."""
    return ["/api/v1/stats", f"/api/v1/console/events/{event}/summary",
            f"/api/v1/console/events/{event}/outcomes", "/api/v1/console/people?limit=0",
            "/api/v1/console/absences?open=1&limit=0",
            f"/api/v1/console/events/{event}/report", "/api/v1/console/backups"]


def agenda_page(event):
    """What the agenda page asks beside the agenda (web/js/pages/agenda.js)."""
    return ["/api/v1/events", f"/api/v1/events/{event}", "/api/v1/me/agenda/cancelled",
            "/api/v1/me/met", f"/api/v1/me/availability?event={event}", "/api/v1/requests",
            "/api/v1/me/outcomes"]


def agenda_people(db, n):
    """n people with meetings, spread over the register: whose agendas the
    desk and the phones ask on the forum's morning."""
    return [r[0] for r in sqlite3.connect(db).execute(
        "SELECT p.id FROM people p WHERE EXISTS (SELECT 1 FROM requests r"
        " JOIN meetings m ON m.request_rid = r.rid WHERE r.from_rid = p.rid OR r.to_rid = p.rid)"
        " ORDER BY (p.rid * 7919) % 10007 LIMIT ?", (n,))]


def checkin_people(db, n):
    """n people's ids not checked in, to check in one before each refresh."""
    return [r[0] for r in sqlite3.connect(db).execute(
        "SELECT id FROM people WHERE NOT EXISTS (SELECT 1 FROM arrivals"
        " WHERE person_rid = people.rid) ORDER BY rid LIMIT ?", (n,))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfnc")
    ap.add_argument("before", nargs="?")
    ap.add_argument("--db")
    ap.add_argument("--people", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--port", type=int, default=8470)
    ap.add_argument("--before-db")
    ap.add_argument("--forum-clock")
    ap.add_argument("--no-forum-clock", action="store_true")
    ap.add_argument("--day", action="store_true")
    o = ap.parse_args()
    work = tempfile.mkdtemp(prefix="dfnc-speed-")
    src = o.db or build(o.dfnc, o.people, work)
    bins = [o.dfnc] + ([o.before] if o.before else [])
    clock = None if o.no_forum_clock else (o.forum_clock or first_afternoon(src))
    servers, who = [], []
    try:
        for i, b in enumerate(bins):
            servers.append(serve(b, o.before_db if i and o.before_db else src, work, o.port + i,
                                 clock, o.day))
            who.append({"org": login(o.port + i, "organiser@demo.dfnc", "demo-organiser"),
                        "me": login(o.port + i, "participant1@demo.dfnc", "demo-participant-1")})
        people = sqlite3.connect(src).execute("SELECT count(*) FROM people").fetchone()[0]
        cases = paths(o.port, who[0]["org"], who[0]["me"])
        print(f"{people} people, {o.reps} runs each, medians in ms, forum clock {clock or 'off'}")
        head = f"{'request':40s}{'DFNC':>10s}{'cpu':>8s}"
        if o.before:
            head += f"{'BEFORE':>10s}{'cpu':>8s}{'before/after':>14s}"
        print(head)
        event = cases[-1][2].split("/")[-2]
        refresh = dashboard(o.port, event)
        counted = [("report", f"/api/v1/console/events/{event}/report"),
                   ("summary", f"/api/v1/console/events/{event}/summary"),
                   ("outcomes", f"/api/v1/console/events/{event}/outcomes")]
        cases += [(f"dashboard {n} after a check-in", "org+checkin", p) for n, p in counted]
        # the participant's pages that read the event's board (free times,
        # proposals' states), each after a desk check-in: the forum day's pace
        cases += [(f"{n} after a check-in", "me+checkin", p) for n, w, p in list(cases)
                  if n in ("participant /requests", "participant /me/request-times",
                           "participant /requests/{id}/times")]
        cases += [("dashboard refresh, nothing changed", "org", refresh),
                  ("dashboard refresh after a check-in", "org+checkin", refresh)]
        # the forum's morning: agendas asked again and again (phones, the
        # desk) while the desk checks people in; each asked WARM times
        # before the runs, so that each server thread has rendered it once
        agendas = [f"/api/v1/console/people/{p}/agenda"
                   for p in agenda_people(os.path.join(work, f"serve-{o.port}.db"), AGENDAS)]
        cases += [("participant /me/agenda after a check-in", "me+checkin+warm",
                   "/api/v1/me/agenda"),
                  ("participant /me/agenda.ics after a check-in", "me+checkin+warm",
                   "/api/v1/me/agenda.ics"),
                  (f"{AGENDAS} people's agendas after a check-in", "org+checkin+warm", agendas),
                  ("the agenda page's other calls after a check-in", "me+checkin+warm",
                   agenda_page(event))]
        cases += [(f"  agenda page {p.split('/api/v1')[1]} after a check-in", "me+checkin+warm", p)
                  for p in agenda_page(event)]
        cases += [(f"{AGENDAS} people's agendas, nothing changed", "org+warm", agendas)]
        arrivals = iter(checkin_people(os.path.join(work, f"serve-{o.port}.db"),
                                       sum("+checkin" in w for _, w, _ in cases)
                                       * o.reps * len(bins)))
        for name, w, path in cases:
            times = [[] for _ in bins]
            cpu = [0.0 for _ in bins]
            failed = [None for _ in bins]
            for _ in range(WARM if "+warm" in w else 0):
                for i in range(len(bins)):
                    for p in ([path] if isinstance(path, str) else path):
                        request(o.port + i, p, who[i][w.split("+")[0]])
            for _ in range(o.reps):
                for i in range(len(bins)):
                    if "+checkin" in w:   # the desk's write, not timed
                        must(o.port + i, f"/api/v1/console/people/{next(arrivals)}/checkin",
                             who[i]["org"], "POST")
                    c0 = cpu_ms(servers[i].pid)
                    ms = 0.0
                    for p in ([path] if isinstance(path, str) else path):
                        st, one, data, _ = request(o.port + i, p, who[i][w.split("+")[0]])
                        ms += one
                        if st != 200:
                            failed[i] = st   # an older binary's 500, say: shown, not timed
                    cpu[i] += cpu_ms(servers[i].pid) - c0
                    times[i].append(ms)
            med = [statistics.median(t) for t in times]
            cell = [f"{'(' + str(failed[i]) + ')':>18s}" if failed[i] else
                    f"{med[i]:10.1f}{cpu[i] / o.reps:8.1f}" for i in range(len(bins))]
            row = f"{name:40s}{cell[0]}"
            if o.before:
                ratio = f"{med[1] / med[0]:14.2f}" if not any(failed) else f"{'':14s}"
                row += f"{cell[1]}{ratio}"
            print(row, flush=True)
    finally:
        for s in servers:
            s.terminate()
            s.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
