#!/usr/bin/env python3
"""`dfnc import availability`: a row per person and event replaces their away
B2B slots there (an empty list clears them), and the next `dfnc schedule`
keeps their meetings out of them; a bad row (a slot of another event, a
plenary's, an unknown person, an id no API path could hold, a pair twice)
is named FILE:LINE, every one of them, exit 3, and nothing of the file is
kept.
Usage: availability_test.py DFNC_BINARY   (TAP on stdout)"""
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'a.db'


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True)


def write(name, text):
    with open(name, 'w', encoding='utf-8') as f:
        f.write(text)
    return name


def away_of(person):
    c = sqlite3.connect(DB)
    rows = c.execute('SELECT t.id FROM unavailability u JOIN people p ON p.rid = u.person_rid'
                     ' JOIN slots t ON t.rid = u.slot_rid WHERE p.id = ? ORDER BY t.id',
                     (person,)).fetchall()
    c.close()
    return [r[0] for r in rows]


ok(dfnc('init').returncode == 0, 'init')
c = sqlite3.connect(DB)
c.executescript("""
INSERT INTO organisations(id,name,country,kind,sme) VALUES ('o-1','One','FR','company',1),
  ('o-2','Two','UA','company',1);
INSERT INTO people(id,org_rid,name,languages) VALUES ('p-a',1,'Ann','en'),('p-b',2,'Bohdan','en'),
  ('p-c',2,'Clara','en');
INSERT INTO events(id,name,starts_on,ends_on) VALUES ('ev-1','One','2030-03-04','2030-03-04'),
  ('ev-2','Two','2030-05-06','2030-05-06');
INSERT INTO sessions(id,event_rid,day,name,kind,starts_at,ends_at) VALUES
  ('s-1',1,'2030-03-04','B2B','b2b','2030-03-04T09:00:00+01:00','2030-03-04T10:30:00+01:00'),
  ('s-2',1,'2030-03-04','Plenary','conference','2030-03-04T11:00:00+01:00','2030-03-04T12:00:00+01:00'),
  ('s-3',2,'2030-05-06','B2B','b2b','2030-05-06T09:00:00+02:00','2030-05-06T09:30:00+02:00');
INSERT INTO slots(id,session_rid,seq,starts_at,ends_at) VALUES
  ('t-1',1,1,'2030-03-04T09:00:00+01:00','2030-03-04T09:30:00+01:00'),
  ('t-2',1,2,'2030-03-04T09:30:00+01:00','2030-03-04T10:00:00+01:00'),
  ('t-3',1,3,'2030-03-04T10:00:00+01:00','2030-03-04T10:30:00+01:00'),
  ('t-plenary',2,4,'2030-03-04T11:00:00+01:00','2030-03-04T12:00:00+01:00'),
  ('u-1',3,1,'2030-05-06T09:00:00+02:00','2030-05-06T09:30:00+02:00');
INSERT INTO locations(id,event_rid,name) VALUES ('l-1',1,'Table 1');
INSERT INTO requests(id,event_rid,from_rid,to_rid,status) VALUES ('r-1',1,1,2,'accepted');
""")
c.commit()
c.close()

r = dfnc('import', 'availability', write('ok.csv',
         'person,event,away\np-a,ev-1,t-1; t-2\np-a,ev-2,u-1\np-c,ev-1,\n'))
ok(r.returncode == 0 and 'ok.csv: 3 rows' in r.stdout, 'a file of three rows is taken', r.stdout + r.stderr)
ok(away_of('p-a') == ['t-1', 't-2', 'u-1'], "ann is away in t-1 and t-2 at ev-1, u-1 at ev-2", away_of('p-a'))
c = sqlite3.connect(DB)
audit = c.execute("SELECT action, entity FROM audit_log WHERE action IN ('import',"
                  " 'availability.set') ORDER BY rid").fetchall()
c.close()
ok(audit.count(('import', 'availability')) == 1 and ('availability.set', 'person') not in audit,
   'one audit line for the file, not one a row', audit)

r = dfnc('schedule', '--event', 'ev-1', '--json')
ok(r.returncode == 0, 'the schedule runs', r.stderr)
c = sqlite3.connect(DB)
slot = c.execute('SELECT t.id FROM meetings m JOIN slots t ON t.rid = m.slot_rid'
                 ' JOIN requests q ON q.rid = m.request_rid WHERE q.id = ?', ('r-1',)).fetchall()
c.close()
ok(slot == [('t-3',)], "ann's meeting is in t-3, the one slot she is free", slot)

r = dfnc('import', 'availability', write('again.csv', 'person,event,away\np-a,ev-1,t-3\n'))
ok(r.returncode == 0, 'a row again replaces, at its event only', r.stderr)
ok(away_of('p-a') == ['t-3', 'u-1'], "ann: t-3 now, and u-1 at ev-2 still", away_of('p-a'))

bad = write('bad.csv', 'person,event,away\n'
            'p-b,ev-1,t-1\n'          # fine, but the file is refused: not kept
            'p-b,ev-1,u-1\n'          # 3: duplicate pair (and another event's slot)
            'p-c,ev-1,u-1\n'          # 4: another event's slot
            'p-c,ev-2,t-plenary\n'    # 5: a plenary, and of another event
            'p-x,ev-1,t-1\n'          # 6: unknown person
            'p-a,ev-1,../t-1\n'       # 7: not an id
            'p-a,ev-9,t-1\n')         # 8: unknown event
r = dfnc('import', 'availability', bad)
ok(r.returncode == 3, 'a bad file exits 3', r.returncode)
for line, what in ((3, 'duplicate person and event "p-b ev-1"'),
                   (4, '"u-1" is not a B2B slot of event "ev-1"'),
                   (5, '"t-plenary" is not a B2B slot of event "ev-2"'),
                   (6, 'no person "p-x"'), (7, 'away'), (8, 'ev-9')):
    ok('bad.csv:%d: ' % line in r.stderr and what in r.stderr.split('bad.csv:%d: ' % line)[1].split('\n')[0],
       'bad.csv:%d names %s' % (line, what), r.stderr)
ok(away_of('p-b') == [] and away_of('p-a') == ['t-3', 'u-1'], 'nothing of the bad file is kept',
   (away_of('p-b'), away_of('p-a')))

# an organiser's file names slots as the programme shows them: by their start
r = dfnc('import', 'availability', write('times.csv',
         'person,event,away\np-c,ev-1,2030-03-04 09:30;2030-03-04T10:00\n'))
ok(r.returncode == 0, 'slots named by their start are taken', r.stdout + r.stderr)
ok(away_of('p-c') == ['t-2', 't-3'], 'clara is away in t-2 and t-3, named by their starts',
   away_of('p-c'))
r = dfnc('import', 'availability', write('times_bad.csv',
         'person,event,away\np-c,ev-1,2030-03-04 11:00\np-b,ev-1,s1\n'))
ok(r.returncode == 3 and
   'times_bad.csv:2: away: "2030-03-04 11:00" is not a B2B slot of event "ev-1"' in r.stderr and
   'times_bad.csv:3: away: "s1" is not a B2B slot of event "ev-1": name a slot by its id or its '
   'start, e.g. t-1 or 2030-03-04 09:00, t-2 or 2030-03-04 09:30' in r.stderr,
   "a plenary's start is no B2B slot; the refusal shows how slots are named", r.stderr)
ok(away_of('p-c') == ['t-2', 't-3'], 'nothing of the bad file is kept', away_of('p-c'))

# the examples a refusal gives are the slots nearest to what was written
# (same day, nearest start), not the event's first two; an event with one
# B2B slot names it once
r = dfnc('import', 'availability', write('near.csv',
         'person,event,away\np-c,ev-1,2030-03-04 10:20\np-b,ev-1,t-plenary\np-a,ev-2,t-9\n'))
ok(r.returncode == 3 and
   'near.csv:2: away: "2030-03-04 10:20" is not a B2B slot of event "ev-1": name a slot by its '
   'id or its start, e.g. t-2 or 2030-03-04 09:30, t-3 or 2030-03-04 10:00 (' in r.stderr,
   'a start that is no slot is shown the two slots nearest to it', r.stderr)
ok('near.csv:3: away: "t-plenary" is not a B2B slot of event "ev-1": name a slot by its id or '
   'its start, e.g. t-2 or 2030-03-04 09:30, t-3 or 2030-03-04 10:00 (' in r.stderr,
   "a plenary slot's id is shown the B2B slots nearest to the plenary", r.stderr)
ok('near.csv:4: away: "t-9" is not a B2B slot of event "ev-2": name a slot by its id or its '
   'start, e.g. u-1 or 2030-05-06 09:00 (`dfnc export events' in r.stderr,
   'an event with one B2B slot names it once', r.stderr)

r = dfnc('import', 'availability', write('many.csv', 'person,event,away\np-a,ev-2,u-1;u-1\n'))
ok(r.returncode == 3 and 'many.csv:2: away: 2 slot ids, but event "ev-2" has 1 B2B slots' in r.stderr,
   'more ids than the event has B2B slots', r.stderr)
r = dfnc('import', 'availability', write('cols.csv', 'person,away\np-a,t-1\n'))
ok(r.returncode == 3 and 'event' in r.stderr, 'the event column is required', r.stderr)
end()
