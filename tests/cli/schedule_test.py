#!/usr/bin/env python3
"""Command-line tests of scheduling (issue 3): `schedule --dzn` on a tiny
instance (JSON shape, a valid schedule), bad .dzn input (exit 3, FILE:LINE),
usage errors (exit 2); then the demo forum: `schedule --json` figures, every
unscheduled request explained, and the exported meetings checked for double
bookings of people and tables.
Usage: schedule_test.py DFNC_BINARY SOURCE_ROOT"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

DFNC, ROOT = sys.argv[1], sys.argv[2]
TINY = os.path.join(ROOT, 'tests', 'unit', 'data', 'tiny-b2b.txt')
failures = []


def check(cond, what):
    print(('ok - ' if cond else 'FAIL: ') + what)
    if not cond:
        failures.append(what)


def run(*args, db=None):
    cmd = [DFNC] + (['--db', db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


with tempfile.TemporaryDirectory() as tmp:
    r = run('schedule', '--dzn', TINY, '--fairness', '2', '--time-limit', '2', '--json')
    check(r.returncode == 0, 'schedule --dzn exits 0')
    ans = json.loads(r.stdout)
    check(set(ans) == {'status', 'meetings', 'scheduled', 'breaks', 'spread', 'lower_bound',
                       'seconds', 'assignment'}, 'the JSON has exactly the keys of DESIGN.md')
    a = ans['assignment']
    check(ans['status'] == 'optimal' and ans['breaks'] == ans['lower_bound'],
          'tiny instance solved to proven optimality')
    check(len(a) == 4 and all(1 <= s <= 4 for s in a), 'every meeting has a slot')
    check(a[3] == 4, 'the fixed meeting is in slot 4')
    check(a[0] < a[1], 'precedence: meeting 1 before meeting 2')
    check(a[0] <= 2 and a[2] >= 3, 'sessions: morning-only and afternoon-only meetings')
    check(a[2] == 3 and ans['breaks'] == 1, 'participant 2 is away in slot 4: one break is forced')
    check(len({a[0], a[1]}) == 2 and len({a[1], a[2], a[3]}) == 3, 'nobody double-booked')

    bad = os.path.join(tmp, 'bad.dzn')
    with open(bad, 'w') as f:
        f.write('nBusiness = 2;\nnMeetings = 1;\nnTables = 1;\nnTotalSlots = 2;\n'
                'nMorningSlots = 1;\nrequested = [|1, 3, 3|];\n')
    r = run('schedule', '--dzn', bad, '--json')
    check(r.returncode == 3 and r.stderr.startswith(bad + ':6:'),
          'participant beyond nBusiness: exit 3 with FILE:LINE (%s)' % r.stderr.strip())
    with open(bad, 'w') as f:
        f.write('nBusiness = 2;\nnMeetings = 1\n')
    r = run('schedule', '--dzn', bad)
    check(r.returncode == 3 and r.stderr.startswith(bad + ':3:'), 'syntax error: exit 3 with FILE:LINE')
    r = run('schedule', '--dzn', os.path.join(tmp, 'missing.dzn'))
    check(r.returncode == 3, 'a missing file is bad input')
    r = run('schedule', '--fairness', 'x', '--dzn', TINY)
    check(r.returncode == 2, 'a bad option value is a usage error')
    r = run('schedule', '--event', 'e', '--dzn', TINY)
    check(r.returncode == 2, '--event and --dzn together is a usage error')

    db = os.path.join(tmp, 'demo.db')
    r = run('demo', '--no-serve', '--seed', '7', db=db)
    check(r.returncode == 0, 'demo fills a database')
    r = run('schedule', '--time-limit', '5', '--json', db=db)
    check(r.returncode == 0, 'schedule --event (default event) exits 0: ' + r.stderr.strip())
    rep = json.loads(r.stdout) if r.returncode == 0 else {}
    for k in ('accepted', 'scheduled', 'upper_bound', 'breaks', 'seconds', 'unscheduled'):
        check(k in rep, 'report has ' + k)
    if rep:
        check(rep['scheduled'] <= rep['upper_bound'] <= rep['accepted'], 'scheduled <= bound <= accepted')
        check(rep['scheduled'] >= 0.99 * rep['upper_bound'],
              'scheduled %d >= 99%% of the upper bound %d' % (rep['scheduled'], rep['upper_bound']))
        un = rep['unscheduled']
        check(len(un) == rep['accepted'] - rep['scheduled'], 'each unscheduled request listed')
        check(all(u['reason'] for u in un), 'each has a reason')
    r = run('export', 'meetings', '-', '--format', 'json', db=db)
    check(r.returncode == 0, 'export meetings')
    if r.returncode == 0 and rep:
        ms = json.loads(r.stdout)
        check(len(ms) == rep['scheduled'], 'exported meetings = scheduled')
        seen_people, seen_tables = set(), set()
        double = 0
        for m in ms:
            key_t = (m['start'], m['location'])
            if m['location'] is not None:   # one held online takes no table
                double += key_t in seen_tables
                seen_tables.add(key_t)
            for p in m['people']:
                pid = p['id'] if isinstance(p, dict) else p
                double += (m['start'], pid) in seen_people
                seen_people.add((m['start'], pid))
        check(double == 0, 'no person and no table double-booked')
        held_online = sum(m['location'] is None for m in ms)
        check(held_online > 0 and rep.get('online') == held_online,
              'the report counts the %d meetings held online (%s)' % (held_online, rep.get('online')))
        check(rep.get('video_service') is True, 'the demo event names its video service')
    # again: the same figures (deterministic for a seed), nothing doubled in the store
    r2 = run('schedule', '--time-limit', '5', '--json', db=db)
    rep2 = json.loads(r2.stdout) if r2.returncode == 0 else {}
    check(rep2.get('accepted') == rep.get('accepted'), 're-scheduling sees the same requests')
    r = run('schedule', '--time-limit', '5', db=db)
    said = re.search(r'^online       (\d+) held by video$', r.stdout, re.M)
    # the solver's result depends on timing: counted against what this run wrote
    e = run('export', 'meetings', '-', '--format', 'json', db=db)
    written = sum(m['location'] is None for m in json.loads(e.stdout)) if e.returncode == 0 else -1
    check(r.returncode == 0 and said is not None and int(said.group(1)) == written > 0,
          'the summary says how many are held by video (%s, %d written)' % (said and said.group(1), written))
    # the event's video service gone: the summary says their agendas give no link
    with sqlite3.connect(db) as con:
        con.execute('UPDATE events SET video_url = NULL')
    con.close()
    r = run('schedule', '--time-limit', '5', db=db)
    check(r.returncode == 0 and 'held by video, but the event has no video service: their agendas '
          'give no link to join (set its video_url)' in r.stdout,
          'without a video service the summary says what to set: ' + r.stdout[-300:])

    # publishing from the command line, as the scheduler page's Publish
    r = run('publish', 'extra', db=db)
    check(r.returncode == 2, 'publish takes no argument: usage (%d)' % r.returncode)
    r = run('publish', '--event', 'no-such-event', db=db)
    check(r.returncode == 3 and 'does not exist' in r.stderr, 'an unknown event: exit 3, said')
    r = run('publish', db=db)
    with sqlite3.connect(db) as con:
        published, unlocked = con.execute(
            "SELECT e.published_at, (SELECT count(*) FROM meetings m JOIN requests q ON q.rid = m.request_rid"
            " WHERE q.event_rid = e.rid AND NOT m.locked) FROM events e").fetchone()
        audit = con.execute("SELECT count(*) FROM audit_log WHERE action = 'event.publish'"
                            " AND actor = 'cli'").fetchone()[0]
    con.close()
    check(r.returncode == 0 and 'published the agendas of dfnc2-eu-2027' in r.stdout and
          published and unlocked == 0 and audit == 1,
          'dfnc publish: the forum\'s event published, every meeting locked, one audit line (%s)'
          % (r.stdout + r.stderr).strip())
    r = run('publish', db=db)
    check(r.returncode == 3 and 'published since ' + (published or '?') in r.stderr,
          'publishing again: exit 3 saying since when (%s)' % r.stderr.strip())

print('%d failure(s)' % len(failures))
sys.exit(1 if failures else 0)
