#!/usr/bin/env python3
"""`dfnc report`: the organisers' report of a demo forum in each format.
Its figures are counted here again from the tables (the EU/EEA and
Ukrainian sides, the country pairs of meetings, an outcome two sides judged
differently counted under both); before any outcome it says "no outcomes
reported yet" instead of empty tables; CSV, JSON and the xlsx sheet (read
back as Excel reads it) hold the same rows, no note and no person's name;
--output replaces a file whole; an unknown event exits 3, bad options 2.
Usage: report_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import datetime
import io
import json
import os
import pty
import sqlite3
import subprocess
import sys
import threading
from collections import Counter

from tap import end, ok, scratch
from xlsx_read import read_book

DFNC = os.path.realpath(sys.argv[1])
DB = 'demo.db'
EUROPE = set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES '
             'SE NO IS LI'.split())


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True)


def pair_of(a, b):
    """The report's pair: alphabetical, Ukraine's code last."""
    x, y = sorted((a, b))
    return '%s-%s' % ((y, x) if x == 'UA' and y != 'UA' else (x, y))


scratch()
p = dfnc('demo', '--people', '50', '--seed', '7', '--no-serve')
if p.returncode != 0:
    print('Bail out! demo: %s' % p.stderr.decode())
    sys.exit(1)
db = sqlite3.connect(DB)
event = db.execute('SELECT id FROM events ORDER BY starts_on, id LIMIT 1').fetchone()[0]

# ---- before any outcome -------------------------------------------------------------------
t = dfnc('report')
text = t.stdout.decode()
ok(t.returncode == 0 and 'What the meetings led to: no outcomes reported yet' in text
   and 'did not take place' not in text, 'no outcome yet: said, no empty table', text[-800:])
c = dfnc('report', '--format', 'csv')
rows = list(csv.reader(io.StringIO(c.stdout.decode())))
ok(['outcomes', 'all', 'reported', '0'] in rows and not [r for r in rows if r[0] == 'outcome'],
   'the CSV says so in one row, without outcome rows', rows[-5:])

# ---- outcomes, written as the API keeps them ----------------------------------------------
meetings = db.execute(
    "SELECT r.rid, r.id, fp.rid, tp.rid, fo.country, tor.country FROM requests r"
    " JOIN meetings m ON m.request_rid = r.rid JOIN people fp ON fp.rid = r.from_rid"
    " JOIN organisations fo ON fo.rid = fp.org_rid JOIN people tp ON tp.rid = r.to_rid"
    " JOIN organisations tor ON tor.rid = tp.org_rid WHERE r.status = 'accepted'"
    " ORDER BY r.id").fetchall()
said = {}   # request rid -> the outcomes said of it
for i, (rid, _, frm, to, _, _) in enumerate(meetings[:40]):
    kinds = ['follow_up', 'agreement'] if i % 4 == 0 else ['no_fit' if i % 3 else 'purchase']
    for person, kind in zip((frm, to), kinds):
        db.execute("INSERT INTO meeting_outcomes(request_rid, person_rid, outcome, note)"
                   " VALUES (?, ?, ?, 'SECRET-NOTE')", (rid, person, kind))
    said[rid] = set(kinds)
db.commit()
names = [n for (n,) in db.execute('SELECT name FROM people')]

j = dfnc('report', '--format', 'json', '--event', event)
doc = json.loads(j.stdout) if j.returncode == 0 else {}
part = doc.get('participants', {})
orgs = db.execute('SELECT country, (SELECT count(*) FROM people p WHERE p.org_rid = o.rid)'
                  ' FROM organisations o').fetchall()
sides = {s['side']: s for s in part.get('by_side', [])}
ok(part.get('people') == sum(n for _, n in orgs) and part.get('organisations') == len(orgs),
   'json: people and organisations of the forum', part)
ok(sides.get('eu_eea', {}).get('people') == sum(n for c, n in orgs if c in EUROPE) and
   sides.get('ukraine', {}).get('organisations') == sum(1 for c, _ in orgs if c == 'UA') and
   sides.get('other', {}).get('organisations') ==
   sum(1 for c, _ in orgs if c not in EUROPE and c != 'UA'),
   'json: the EU/EEA, Ukrainian and other sides', sides)
# those with a meeting at the event, recounted: requester, addressee or attendee
met = db.execute(
    "WITH held AS (SELECT r.rid FROM requests r JOIN meetings m ON m.request_rid = r.rid"
    "   JOIN events e ON e.rid = r.event_rid WHERE e.id = ? AND r.status = 'accepted'),"
    " who AS (SELECT from_rid AS p FROM requests WHERE rid IN held"
    "   UNION SELECT to_rid FROM requests WHERE rid IN held"
    "   UNION SELECT person_rid FROM request_attendees WHERE request_rid IN held)"
    " SELECT o.rid, o.country FROM who JOIN people p ON p.rid = who.p"
    " JOIN organisations o ON o.rid = p.org_rid", (event,)).fetchall()
ok(part.get('people_met') == len(met) and part.get('organisations_met') == len({o for o, _ in met})
   and 0 < len(met) < part.get('people'), 'json: people and organisations with a meeting at the event',
   (part.get('people_met'), len(met)))
ok(sides.get('ukraine', {}).get('organisations_met') == len({o for o, c in met if c == 'UA'}),
   'json: Ukrainian organisations with a meeting', sides.get('ukraine'))
pairs = Counter(pair_of(a, b) for _, _, _, _, a, b in meetings)
got = {x['pair']: x for x in doc.get('pairs', [])}
ok({k: v['meetings'] for k, v in got.items()} == dict(pairs), 'json: meetings by country pair',
   sorted(pairs.items())[:8])
eu_ua = sum(1 for *_, a, b in meetings if {a in EUROPE, b in EUROPE} == {True, False}
            and 'UA' in (a, b))
ok(doc.get('meetings', {}).get('eu_ua') == eu_ua and
   doc.get('meetings', {}).get('scheduled') == len(meetings), 'json: EU-Ukraine meetings', doc.get('meetings'))
by = {o['outcome']: o['meetings'] for o in doc.get('outcomes', {}).get('by_outcome', [])}
want = Counter(k for ks in said.values() for k in ks)
ok(doc.get('outcomes', {}).get('reported') == len(said) and all(by[k] == want[k] for k in by),
   'json: a meeting its two sides judged differently counts under both', (by, want))
first = meetings[0]
key = pair_of(first[4], first[5])
in_pair = [m for m in meetings[:40] if pair_of(m[4], m[5]) == key]
ok(got.get(key, {}).get('follow_up') == sum('follow_up' in said[m[0]] for m in in_pair),
   "json: a pair's outcomes", got.get(key))

# ---- text ----------------------------------------------------------------------------------
t = dfnc('report', '--event', event)
text = t.stdout.decode()
ok(t.returncode == 0 and 'What the meetings led to: %d of %d meetings reported' % (len(said), len(meetings))
   in text and 'an agreement' in text and '\n  %s ' % key in text,
   'text: the outcomes and the pairs', text[-1500:])

# ---- capability areas, recounted: one side offers, the other needs a code in the area -------
def area(code):
    """A CPV code's area: its division, or in division 35 its group."""
    return code[:3] if code.startswith('35') else code[:2]


caps = {}   # org rid -> (offer areas, need areas), confidential needs left out
for org, direction, code in db.execute('SELECT org_rid, direction, cpv FROM capabilities'
                                       ' WHERE confidential = 0'):
    caps.setdefault(org, (set(), set()))[direction == 'need'].add(area(code))
org_of = dict(db.execute('SELECT rid, org_rid FROM people'))
areas = Counter()
for rid, _, frm, to, _, _ in meetings:
    (ao, an), (bo, bn) = (caps.get(org_of[frm], (set(), set())),
                          caps.get(org_of[to], (set(), set())))
    areas.update((ao & bn) | (bo & an) or {'other'})
got_areas = {a['area']: a['meetings'] for a in doc.get('areas', [])}
ok(got_areas == dict(areas) and len(areas) > 3, 'json: meetings by capability area',
   (sorted(got_areas.items()), sorted(areas.items())))
top = doc['areas'][0] if doc.get('areas') else {}
ok('\n  %-4s %-43s %8d' % (top.get('area'), top.get('name_en'), top.get('meetings', -1)) in text
   and 'Meetings by capability area' in text and '\n  company-company ' in text,
   'text: the areas, named, and the kinds', text[-1500:])

# ---- CSV, xlsx: the same rows; no note, no name ----------------------------------------------
c = dfnc('report', '--format', 'csv', '--event', event)
out = c.stdout.decode()
rows = list(csv.reader(io.StringIO(out)))
ok(c.returncode == 0 and rows[0] == ['section', 'key', 'figure', 'value'], 'csv: the header', rows[:1])
ok(['participants', 'all', 'people_met', str(len(met))] in rows, 'csv: the people with a meeting',
   [r for r in rows if r[:2] == ['participants', 'all']])
ok(['pair', key, 'meetings', str(pairs[key])] in rows and
   ['pair', key, 'follow_up', str(got[key]['follow_up'])] in rows, "csv: a pair's rows", key)
ok('SECRET-NOTE' not in out and not any(n in out for n in names), 'csv: no note, no name')
x = dfnc('report', '--format', 'xlsx', '--output', 'report.xlsx', '--event', event)
book, sheet, nsheets = read_book(open('report.xlsx', 'rb').read()) if x.returncode == 0 else ([], '', 0)
ok(nsheets == 1 and [[t for _, t in r] for r in book] == rows, 'xlsx: the CSV rows, cell for cell',
   x.stderr.decode())
ok(book and all(r[3][0] == 'n' for r in book[1:] if r[3][1].isdigit() and r[0] != 'event'),
   'xlsx: the counts are numbers')
ok('SECRET-NOTE' not in sheet and '<f>' not in sheet, 'xlsx: no note, no formula')
ok(json.dumps(doc).find('SECRET-NOTE') < 0 and not any(n in json.dumps(doc) for n in names),
   'json: no note, no name')

# ---- --output, errors ----------------------------------------------------------------------
with open('r.csv', 'w') as f:
    f.write('old')
p = dfnc('report', '--format', 'csv', '--event', 'no-such-event', '--output', 'r.csv')
ok(p.returncode == 3 and 'no event "no-such-event"' in p.stderr.decode() and
   open('r.csv').read() == 'old', 'an unknown event: exit 3, the file as it was', p.stderr)
p = dfnc('report', '--format', 'csv', '--output', 'r.csv')
ok(p.returncode == 0 and open('r.csv').read() == c.stdout.decode(), '--output writes the file')
ok(p.stderr.decode() == 'r.csv: the report of %s\n' % event,
   'without --event it names the event it is the report of', p.stderr)
for bad in (['--format', 'pdf'], ['--output', 'x.txt'], ['extra'], ['--event', 'a', '--event', 'b']):
    p = dfnc('report', *bad)
    ok(p.returncode == 2 and b'usage: dfnc report' in p.stderr, 'usage error: %s' % ' '.join(bad),
       p.stderr)
# --output's bad forms: said, exit 2 or 1, nothing written
p = dfnc('report', '--format', 'csv', '--output', '')
ok(p.returncode == 2 and b'--output needs a file name, or - for standard output' in p.stderr,
   '--output "": a usage error naming what it needs', p.stderr)
os.mkdir('a-folder')
p = dfnc('report', '--format', 'csv', '--output', 'a-folder')
ok(p.returncode == 1 and b'a-folder: cannot write: Is a directory' in p.stderr and
   os.listdir('a-folder') == [], '--output a folder: refused, nothing left in it', p.stderr)
p = dfnc('report', '--format', 'csv', '--output', 'no-such-folder/r.csv')
ok(p.returncode == 1 and b'no-such-folder/r.csv: cannot write' in p.stderr and
   not os.path.exists('no-such-folder'), '--output in a missing folder: refused', p.stderr)
# an xlsx workbook to a terminal would garble it: refused unless asked for with -
tty, term = pty.openpty()


def drain():
    """Reads what reaches the terminal, so that a write to it never blocks."""
    try:
        while os.read(tty, 65536):
            pass
    except OSError:
        pass


threading.Thread(target=drain, daemon=True).start()
for args, want in ((['--format', 'xlsx'], 2), (['--format', 'xlsx', '--output', '-'], 0)):
    p = subprocess.run([DFNC, '--db', DB, 'report'] + args, stdout=term, stderr=subprocess.PIPE)
    ok(p.returncode == want and (want == 0 or b'not for a terminal' in p.stderr),
       'xlsx to a terminal: exit %d (%s)' % (want, ' '.join(args)), p.stderr)
os.close(term)
p = dfnc('help', 'report')
ok(p.returncode == 0 and b'section,key,figure,value' in p.stdout, 'dfnc help report says the rows')

# ---- without --event: the event held, not next year's -------------------------------------
# one that ended ten days ago and one a year ahead, by today's date: the
# report is about the one under way, else the one that ended last, else the
# next; the forum's event (requests, the schedule) is the next
today = datetime.date.today()
day = lambda n: (today + datetime.timedelta(days=n)).isoformat()
with open('held.csv', 'w') as f:
    f.write('id,name,timezone,starts_on,ends_on\n'
            'ev-held-past,Held,Europe/Brussels,%s,%s\n'
            'ev-held-next,Next year,Europe/Brussels,%s,%s\n' % (day(-12), day(-10), day(400), day(401)))
p = dfnc('import', 'events', 'held.csv')
ok(p.returncode == 0, 'two more events', p.stderr)
evs = db.execute('SELECT id, starts_on, ends_on FROM events').fetchall()
under_way = sorted((s, i) for i, s, e in evs if s <= today.isoformat() <= e)
ended = sorted((e, i) for i, s, e in evs if e < today.isoformat())
held = under_way[0][1] if under_way else ended[-1][1]
j = dfnc('report', '--format', 'json')
ok(j.returncode == 0 and json.loads(j.stdout)['event']['id'] == held,
   'the report without --event: %s, the event held' % held, j.stdout[:200])
f = dfnc('export', 'follow-up', '-', '--format', 'json')
# the one held ten days ago has nobody's meeting; the demo's event has many
ok(f.returncode == 0 and (json.loads(f.stdout) == []) == (held == 'ev-held-past'),
   'the follow-up list without --event: the same', f.stderr)
end()
