#!/usr/bin/env python3
"""The organisers' two mailings at a forum's size: the reminder of requests
to answer (`dfnc mail remind`) and each day's meetings (`dfnc mail day`),
each as a dry run and sent, timed as the process's CPU, beside the
organisers' report of the same event measured in the same run (`dfnc
report --format json`, the reference: a walk over the same meetings that
nobody waits for long).

    bench/mailings_bench.py DFNC DB [--reps N]

DB is copied first (a demo made with `dfnc --db DB demo --people 10000
--no-serve`); the copy's agendas are published, its mail turned on and
its reminders forgotten before each send, so each rep mails as the first
did. Prints ms of CPU (median of N) and each figure as a ratio of the
report's."""
import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile


def cpu_ms(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {out.stderr.strip()}")
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used * 1000, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dfnc")
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=5)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="dfnc-mailings-")
    db = os.path.join(tmp, "forum.db")
    shutil.copy(a.db, db)
    run = lambda *args: cpu_ms([a.dfnc, "--db", db, *args])
    run("mail", "setup", "--public-url", "https://forum.example.eu/")
    c = sqlite3.connect(db)
    event, day, published = c.execute(
        "SELECT id, starts_on, published_at FROM events ORDER BY starts_on LIMIT 1").fetchone()
    people = c.execute("SELECT count(*) FROM people").fetchone()[0]
    c.close()
    if not published:   # the day's mail waits for published agendas
        run("publish", "--event", event)

    def forget():
        c = sqlite3.connect(db)
        c.execute("DELETE FROM answer_reminders")
        c.execute("DELETE FROM day_mails")
        c.execute("DELETE FROM mail_outbox WHERE kind IN ('to_answer', 'day')")
        c.commit()
        c.close()

    cases = {
        "report (reference)": lambda: run("report", "--event", event, "--format", "json"),
        "remind, dry run": lambda: run("mail", "remind", event, "--dry-run"),
        "remind, sent": lambda: (forget(), run("mail", "remind", event))[1],
        "day, dry run": lambda: run("mail", "day", event, day, "--dry-run"),
        "day, sent": lambda: (forget(), run("mail", "day", event, day))[1],
    }
    times = {k: [] for k in cases}
    said = {}
    for _ in range(a.reps):
        for k, f in cases.items():
            ms, out = f()
            times[k].append(ms)
            said[k] = out
    ref = statistics.median(times["report (reference)"])
    print(f"{people} people, event {event}, day {day}, {a.reps} reps, CPU ms (median)")
    for k in cases:
        m = statistics.median(times[k])
        print(f"  {k:20} {m:8.0f} ms  {m / ref:5.2f}x the report")
    for k in ("remind, sent", "day, sent"):
        print(f"  {k}: " + "; ".join(l.strip() for l in said[k].splitlines() if l.strip()))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
