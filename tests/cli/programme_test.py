#!/usr/bin/env python3
"""`dfnc import events|sessions`: the programme read back from the CSV files
`dfnc export events|sessions` write, unchanged (the round trip), a bad row
named FILE:LINE with nothing of the file kept (exit 3), and a session moved
under its published meetings said on stderr, each by its line.
Usage: programme_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import json
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'p.db'


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True)


def read(name):
    with open(name, encoding='utf-8') as f:
        return f.read()


def write(name, text, encoding='utf-8'):
    with open(name, 'w', encoding=encoding, newline='') as f:
        f.write(text)
    return name


def programme():
    """Every stored fact of the programme and of the meetings in it."""
    c = sqlite3.connect(DB)
    rows = [c.execute(q).fetchall() for q in (
        'SELECT * FROM events ORDER BY rid', 'SELECT * FROM sessions ORDER BY rid',
        'SELECT * FROM slots ORDER BY rid',
        'SELECT id, slot_rid, location_rid, sequence, locked FROM meetings ORDER BY id')]
    c.close()
    return rows


r = dfnc('demo', '--no-serve', '--seed', '3')
ok(r.returncode == 0, 'the demo forum', r.stderr)
# a plenary with a slot of its own, as PUT /events may give one (an
# availability file may name it), the event's slots numbered in time order
c = sqlite3.connect(DB)
plenary = c.execute("SELECT rid, id, starts_at, ends_at FROM sessions WHERE kind = 'conference'"
                    " ORDER BY starts_at LIMIT 1").fetchone()
c.execute("INSERT INTO slots(id, session_rid, seq, starts_at, ends_at) VALUES ('t-plenary', ?, 0, ?, ?)",
          (plenary[0], plenary[2], plenary[3]))
# the plenary's place and description, in both languages: the round trip keeps them
c.execute("UPDATE sessions SET place = 'Hall A, level 2', place_uk = 'Зала A, рівень 2',"
          " description = 'Ministers, \"joint\" procurement', description_uk = 'Міністри'"
          " WHERE rid = ?", (plenary[0],))
# a hybrid forum's video service, whatever the demo names
c.execute("UPDATE events SET video_url = 'https://meet.example.org/forum'")
c.execute("UPDATE slots SET seq = n FROM (SELECT rid AS r, row_number() OVER"
          " (ORDER BY starts_at, rid) AS n FROM slots) WHERE rid = r")
c.commit()
c.close()
ok(dfnc('export', 'events', 'events.csv').returncode == 0, 'events exported')
r = dfnc('export', 'sessions', 'sessions.csv')
ok(r.returncode == 0, 'sessions exported', r.stderr)
rows = list(csv.DictReader(open('sessions.csv', encoding='utf-8')))
b2b = [x for x in rows if x['kind'] == 'b2b']
ok(rows and list(rows[0].keys()) == ['event', 'id', 'day', 'start', 'end', 'kind', 'name',
                                     'name_uk', 'slot_minutes', 'slot_pause', 'slots', 'place',
                                     'place_uk', 'description', 'description_uk'],
   'the sessions export has the import columns', rows[:1])
ok([(x['place'], x['place_uk'], x['description'], x['description_uk']) for x in rows
    if x['id'] == plenary[1]] == [('Hall A, level 2', 'Зала A, рівень 2',
                                   'Ministers, "joint" procurement', 'Міністри')],
   "a session's place and description in both languages", rows)
ok(b2b and all(x['slot_minutes'] == '20' and x['slots'] for x in b2b),
   'each b2b session with its slots\' length and ids', b2b[:1])

ok([(x['slot_minutes'], x['slots']) for x in rows if x['id'] == plenary[1]] == [('', '')],
   'a plenary\'s row has no slots: the import cuts only a b2b session\'s', rows)

before = programme()
r = dfnc('import', 'events', 'events.csv')
ok(r.returncode == 0 and '0 added, 1 updated' in r.stdout, 'events import back', r.stdout + r.stderr)
r = dfnc('import', 'sessions', 'sessions.csv')
ok(r.returncode == 0 and '0 added, %d updated' % len(rows) in r.stdout,
   'sessions import back', r.stdout + r.stderr)
ok('moved' not in r.stdout and 'unscheduled' not in r.stdout and r.stderr == '',
   'and move no meeting', r.stdout + r.stderr)
ok(programme() == before, 'the programme and its meetings are as they were')
ok(dfnc('export', 'sessions', 'again.csv').returncode == 0 and
   read('again.csv') == read('sessions.csv'), 'and export the same file again')

r = dfnc('export', 'sessions', '-', '--format', 'json')
js = json.loads(r.stdout) if r.returncode == 0 else []
ok(js and js[0]['event'] == rows[0]['event'] and
   any(isinstance(x['slots'], list) and x['slot_minutes'] == 20 for x in js),
   'the JSON has the same keys, slots as a list', r.stdout[:300])

# a bad file: each row named, nothing of it kept
ev = rows[0]['event']
bad = write('bad.csv', 'event,id,day,start,end,kind,name,slot_minutes\n'
            '%s,new-1,2000-01-01,09:00,10:00,b2b,Early,20\n'
            '%s,new-2,%s,25:00,26:00,b2b,Late,20\n'
            '%s,new-3,%s,09:00,10:00,lecture,Talk,\n'
            '%s,new-4,%s,09:00,10:00,b2b,Fine,20\n' % (ev, ev, rows[0]['day'], ev,
                                                       rows[0]['day'], ev, rows[0]['day']))
r = dfnc('import', 'sessions', bad)
ok(r.returncode == 3, 'a bad sessions file: exit 3', r.stdout + r.stderr)
ok('bad.csv:2: session "new-1" on 2000-01-01 is outside the event\'s dates' in r.stderr and
   'bad.csv:3: start "25:00" is not a time HH:MM' in r.stderr and
   'bad.csv:4: kind "lecture" is not one of b2b|conference|break' in r.stderr,
   'every bad row named FILE:LINE', r.stderr)
ok(programme() == before, 'and nothing kept, the good row neither')
over = b2b[0]
r = dfnc('import', 'sessions', write('over.csv', 'event,id,day,start,end,kind,name,slot_minutes\n'
                                     '%s,new-over,%s,%s,%s,b2b,Second hall,20\n'
                                     % (over['event'], over['day'], over['start'], over['end'])))
ok(r.returncode == 3 and 'over.csv:2: slot "' in r.stderr and
   'of session "new-over"' in r.stderr and 'of session "%s"' % over['id'] in r.stderr and
   'two meetings at once' in r.stderr,
   'a b2b session over another refused by its line: a person would meet twice at once', r.stderr)
ok(programme() == before, 'and nothing kept')
r = dfnc('import', 'events', write('zone.csv', 'id,name,timezone,starts_on,ends_on\n'
                                   '%s,Forum,Mars/Olympus,2027-02-16,2027-02-17\n' % ev))
ok(r.returncode == 3 and 'zone.csv:2:' in r.stderr and 'Mars/Olympus' in r.stderr,
   'an unknown time zone refused by its line', r.stderr)

# the video service of a hybrid forum's online meetings: exported, read back,
# a bad one refused by its line with nothing kept, an empty one removing it
events = list(csv.DictReader(open('events.csv', encoding='utf-8')))
ok(events and events[0].get('video_url') == 'https://meet.example.org/forum',
   "the events export writes the event's video service", events[:1])
e0 = events[0]
video = lambda url: write('video.csv', 'id,name,starts_on,ends_on,video_url\n%s,%s,%s,%s,%s\n'
                          % (e0['id'], e0['name'], e0['starts_on'], e0['ends_on'], url))
r = dfnc('import', 'events', video('https://meet.example.org/room?x=1'))
ok(r.returncode == 3 and 'video.csv:2: video_url "https://meet.example.org/room?x=1" is not an '
   'https:// address' in r.stderr, 'a video service with a query refused by its line', r.stderr)
ok(programme() == before, 'and nothing kept')
r = dfnc('import', 'events', video('https://video.example.org/dfnc'))
c = sqlite3.connect(DB)
ok(r.returncode == 0 and c.execute('SELECT video_url FROM events WHERE id = ?', (e0['id'],))
   .fetchone() == ('https://video.example.org/dfnc',), 'another service read in', r.stderr)
r = dfnc('import', 'events', video(''))
ok(r.returncode == 0 and c.execute('SELECT video_url FROM events WHERE id = ?', (e0['id'],))
   .fetchone() == (None,), 'an empty video_url removes it', r.stderr)
c.close()
r = dfnc('import', 'events', 'events.csv')
# each change of the service changed the online meetings' links: their
# calendar SEQUENCE rose thrice (another service, none, the first again)
c = sqlite3.connect(DB)
online = {x[0] for x in c.execute('SELECT id FROM meetings WHERE location_rid IS NULL AND'
                                  ' video_room IS NOT NULL')}
c.close()
restored = before[:3] + [[x[:3] + (x[3] + 3 * (x[0] in online),) + x[4:] for x in before[3]]]
ok(r.returncode == 0 and programme() == restored and online,
   'the export read back restores it, the online meetings\' SEQUENCE raised', r.stderr)

# the agendas published: moving a session moves its meetings, each one said
c = sqlite3.connect(DB)
c.execute('UPDATE meetings SET locked = 1')
c.execute("UPDATE events SET published_at = '2027-01-01T00:00:00Z'")
c.commit()
c.close()
first = b2b[0]
line = rows.index(first) + 2
later = dict(first, start='%02d%s' % (int(first['start'][:2]) + 1, first['start'][2:]),
             end='%02d%s' % (int(first['end'][:2]) + 1, first['end'][2:]))
with open('moved.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(first.keys()))
    w.writeheader()
    for x in rows:
        w.writerow(later if x is first else x)
r = dfnc('import', 'sessions', 'moved.csv')
warned = [x for x in r.stderr.splitlines() if x.startswith('warning: moved.csv:%d: session "%s"'
                                                          % (line, first['id']))]
ok(r.returncode == 0 and 'meetings moved with the programme' in r.stdout,
   'a session moved an hour later moves its meetings', r.stdout + r.stderr)
ok(warned and all('published meeting moved from' in x and x.endswith('tell its people')
                  for x in warned), 'each published one named by its line', r.stderr)
after = list(csv.DictReader(open('moved.csv', encoding='utf-8')))
ok(dfnc('export', 'sessions', 'moved-out.csv').returncode == 0 and
   list(csv.DictReader(open('moved-out.csv', encoding='utf-8'))) == after,
   'its slots keep their ids, an hour later')

# published, the forum's mail on, one meeting held online: an events file
# that names another video service mails its people the new link, once
# each, and says how many; one that removes it mails nobody
c = sqlite3.connect(DB)
c.execute("UPDATE meetings SET location_rid = NULL, video_room = 'cli-room-0123456789'"
          " WHERE rid = (SELECT m.rid FROM meetings m JOIN requests r ON r.rid = m.request_rid"
          " JOIN events e ON e.rid = r.event_rid WHERE e.id = ? AND m.location_rid IS NOT NULL"
          " ORDER BY m.rid LIMIT 1)", (e0['id'],))
c.execute("INSERT INTO mail_config(one, public_url) VALUES (1, 'https://forum.example')")
c.commit()
r = dfnc('import', 'events', video('https://video.example.eu/dfnc'))
mails, people, linked, room = c.execute(
    "SELECT count(*), count(DISTINCT to_addr), sum(instr(body, 'https://video.example.eu/dfnc/')"
    " > 0), sum(instr(body, 'https://video.example.eu/dfnc/cli-room-0123456789') > 0)"
    " FROM mail_outbox WHERE kind = 'video_link'").fetchone()
said = 'video.csv: %d people with online meetings were sent the link to join them' % people
ok(r.returncode == 0 and mails == people == linked and people > 2 and room >= 2 and
   said in r.stdout, 'a service changed by the events file mails the people of its online '
   'meetings their links, once each, and says how many', (mails, people, linked, room, r.stdout))
r = dfnc('import', 'events', video(''))
ok(r.returncode == 0 and 'sent the link' not in r.stdout and
   c.execute("SELECT count(*) FROM mail_outbox WHERE kind = 'video_link'").fetchone()[0] == mails,
   'removed: nobody mailed', r.stdout)
c.close()
end()
