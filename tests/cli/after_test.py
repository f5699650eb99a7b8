#!/usr/bin/env python3
"""The week after the forum, on a small demo forum with check-ins and
outcomes written as the desk and the API keep them: `dfnc export meetings`
gives each side's arrival and outcome after its older columns (no note);
`dfnc export follow-up --event ID` gives one row per person with a meeting,
recounted here from the tables (meetings, those held, the partners of other
organisations met at those, what the person said of each), the same in
CSV, JSON and xlsx; its options' mistakes exit 2, an unknown event 3.
Usage: after_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch
from xlsx_read import read_book

DFNC = os.path.realpath(sys.argv[1])
DB = 'demo.db'


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True)


scratch()
p = dfnc('demo', '--people', '50', '--seed', '7', '--no-serve')
if p.returncode != 0:
    print('Bail out! demo: %s' % p.stderr.decode())
    sys.exit(1)
db = sqlite3.connect(DB)
event = db.execute('SELECT id FROM events ORDER BY starts_on, id LIMIT 1').fetchone()[0]
db.execute('DELETE FROM meeting_outcomes')   # whatever the demo said: this test says its own

# ---- arrivals and outcomes, as the desk and PUT /me/outcomes keep them ----------------------
meetings = db.execute(
    "SELECT r.rid, r.id, r.from_rid, r.to_rid FROM requests r JOIN meetings m ON m.request_rid = r.rid"
    " WHERE r.status = 'accepted' ORDER BY r.id").fetchall()
ok(len(meetings) > 20, 'the demo has meetings', len(meetings))
kinds = ['follow_up', 'not_held', 'agreement', 'no_fit', 'purchase']
for i, (rid, _, frm, to) in enumerate(meetings[:30]):
    db.execute("INSERT INTO meeting_outcomes(request_rid, person_rid, outcome, note)"
               " VALUES (?, ?, ?, 'SECRET-NOTE')", (rid, frm, kinds[i % 5]))
    if i % 3 == 0:
        db.execute("INSERT INTO meeting_outcomes(request_rid, person_rid, outcome, note)"
                   " VALUES (?, ?, 'follow_up', 'SECRET-NOTE')", (rid, to))
# the forum's two days: half its people come on the first, a third on the second
db.execute("INSERT INTO arrivals(person_rid, day, at) SELECT rid, '2027-02-16',"
           " '2027-02-16T08:30:00Z' FROM people WHERE rid % 2 = 0")
db.execute("INSERT INTO arrivals(person_rid, day, at) SELECT rid, '2027-02-17',"
           " '2027-02-17T08:30:00Z' FROM people WHERE rid % 3 = 0")
db.commit()

said = {(r, p): o for r, p, o in db.execute(
    'SELECT r.id, p.id, o.outcome FROM meeting_outcomes o JOIN requests r ON r.rid = o.request_rid'
    ' JOIN people p ON p.rid = o.person_rid')}
person = {rid: (pid, arrived) for rid, pid, arrived in db.execute(
    'SELECT rid, id, EXISTS (SELECT 1 FROM arrivals v WHERE v.person_rid = people.rid)'
    ' FROM people')}
came = set(db.execute('SELECT person_rid, day FROM arrivals').fetchall())
start_of = dict(db.execute('SELECT m.request_rid, s.starts_at FROM meetings m'
                           ' JOIN slots s ON s.rid = m.slot_rid').fetchall())
days = {s[:10] for s in start_of.values()}
ok(days >= {'2027-02-16', '2027-02-17'}, 'the demo meets on both its days', sorted(days))

# ---- the meetings export ------------------------------------------------------------------
rows = list(csv.reader(io.StringIO(dfnc('export', 'meetings', '-').stdout.decode())))
ok(rows[0][:12] == ['id', 'request', 'event', 'start', 'end', 'location', 'people', 'locked',
                    'names', 'organisations', 'event_name', 'session_name']
   and rows[0][12:] == ['requester_arrived', 'addressee_arrived', 'requester_outcome',
                        'addressee_outcome'],
   'meetings: the older columns in their order, then each side\'s arrival and outcome', rows[0])
want = {}
for req, rid, frm, to in meetings:
    # arrived: on the meeting's day, not on the other
    day = start_of[req][:10]
    f, t = person[frm][0], person[to][0]
    want[rid] = [str(int((frm, day) in came)), str(int((to, day) in came)),
                 said.get((rid, f), ''), said.get((rid, t), '')]
got = {r[1]: r[12:] for r in rows[1:]}
ok(got == want, 'meetings: each side\'s arrival and outcome as the tables hold them',
   [(k, got.get(k), v) for k, v in want.items() if got.get(k) != v][:3])
ok(b'SECRET-NOTE' not in dfnc('export', 'meetings', '-', '--format', 'json').stdout,
   'meetings: no one\'s note, in JSON either')

# ---- the follow-up list, recounted --------------------------------------------------------
people_rows = db.execute(
    "WITH held AS (SELECT r.rid, s.starts_at FROM requests r JOIN meetings m ON m.request_rid = r.rid"
    "   JOIN slots s ON s.rid = m.slot_rid JOIN events e ON e.rid = r.event_rid"
    "   WHERE e.id = ? AND r.status = 'accepted'),"
    " mp AS (SELECT h.rid AS req, h.starts_at, r.from_rid AS p FROM held h JOIN requests r ON r.rid = h.rid"
    "   UNION SELECT h.rid, h.starts_at, r.to_rid FROM held h JOIN requests r ON r.rid = h.rid"
    "   UNION SELECT h.rid, h.starts_at, a.person_rid FROM held h"
    "   JOIN request_attendees a ON a.request_rid = h.rid)"
    " SELECT mp.p, mp.req, mp.starts_at FROM mp", (event,)).fetchall()
info = {rid: (pid, name, email, org, oname) for rid, pid, name, email, org, oname in db.execute(
    'SELECT p.rid, p.id, p.name, p.email, o.rid, o.name FROM people p'
    ' JOIN organisations o ON o.rid = p.org_rid')}
req_id = {rid: rid_text for rid, rid_text in db.execute('SELECT rid, id FROM requests')}
not_held = {req_id[r] for (r,) in db.execute(
    "SELECT request_rid FROM meeting_outcomes WHERE outcome = 'not_held'")}
by_person = {}
for p, req, start in people_rows:
    by_person.setdefault(p, []).append((start, req_id[req], req))
expected = {}
for p, ms in by_person.items():
    pid, name, email, org, _ = info[p]
    partners = []
    for start, rid, req in sorted(ms):
        if rid in not_held:
            continue
        others = sorted((info[q][1], info[q][0]) for q, r2, _ in people_rows
                        if r2 == req and q != p and info[q][3] != org)
        partners += [(info_pid, said.get((rid, pid))) for _, info_pid in others]
    expected[pid] = {'meetings': len(ms), 'meetings_held': len([m for m in ms if m[1] not in not_held]),
                     'partners': partners, 'email': email, 'arrived': bool(person[p][1])}

j = dfnc('export', 'follow-up', '-', '--format', 'json', '--event', event)
doc = json.loads(j.stdout) if j.returncode == 0 else []
got = {x['person']: {'meetings': x['meetings'], 'meetings_held': x['meetings_held'],
                     'partners': [(y['person'], y['outcome']) for y in x['partners']],
                     'email': x['email'], 'arrived': x['arrived']} for x in doc}
ok(j.returncode == 0 and got == expected,
   'follow-up: one row per person with a meeting, their meetings, those held, partners met',
   [(k, got.get(k), v) for k, v in expected.items() if got.get(k) != v][:2] or j.stderr)
ok(any(x['meetings_held'] < x['meetings'] for x in doc) and any(
   y['outcome'] for x in doc for y in x['partners']), 'follow-up: the case has both to show')
ok([x['name'] for x in doc] == sorted((x['name'] for x in doc), key=lambda n: n.encode()),
   'follow-up: by name')
ok(all(x['language'] in ('en', 'uk') for x in doc) and any(x['language'] == 'uk' for x in doc),
   'follow-up: the language to write in')
ok(b'SECRET-NOTE' not in j.stdout, 'follow-up: no one\'s note')

c = dfnc('export', 'follow-up', '-', '--event', event)
rows = list(csv.reader(io.StringIO(c.stdout.decode())))
ok(rows[0] == ['person', 'name', 'email', 'organisation_name', 'language', 'arrived', 'meetings',
               'meetings_held', 'partners', 'partner_organisations', 'partner_emails', 'outcomes'],
   'follow-up CSV: its header', rows[0])
byid = {x['person']: x for x in doc}


def csv_row(x):
    ps = x['partners']
    return [x['person'], x['name'], x['email'] or '', x['organisation_name'], x['language'],
            '1' if x['arrived'] else '0', str(x['meetings']), str(x['meetings_held']),
            '; '.join(y['name'] for y in ps), '; '.join(y['organisation_name'] for y in ps),
            '; '.join(y['email'] or '' for y in ps), '; '.join(y['outcome'] or '' for y in ps)]


ok([r for r in rows[1:]] == [csv_row(x) for x in doc], 'follow-up CSV: the JSON\'s rows, lists in step',
   rows[1:3])
book = read_book(dfnc('export', 'follow-up', '-', '--format', 'xlsx', '--event', event).stdout)[0]
cells = [[v for _, v in r] + [''] * (len(rows[0]) - len(r)) for r in book]   # empty cells unwritten
ok(cells == rows, 'follow-up xlsx: the CSV\'s rows', cells[:2])

x = dfnc('export', 'follow-up', 'list.csv')
ok(x.returncode == 0 and open('list.csv', encoding='utf-8').read() == c.stdout.decode()
   and b'people to follow up' in x.stderr, 'follow-up: the first event without --event, to a file',
   x.stderr)

# ---- mistakes -----------------------------------------------------------------------------
e = dfnc('export', 'follow-up', '-', '--event', 'ev-none')
ok(e.returncode == 3 and b'no event' in e.stderr, 'an unknown event exits 3', e.stderr)
e = dfnc('export', 'people', '-', '--event', event)
ok(e.returncode == 2 and b'--event is for the follow-up list' in e.stderr,
   '--event with another table is a usage error', e.stderr)
e = dfnc('export', 'follow-up', '-', '--event', event, '--event', event)
ok(e.returncode == 2, '--event twice is a usage error', e.stderr)
end()
