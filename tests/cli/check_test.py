#!/usr/bin/env python3
"""`dfnc check`: rows an older dfnc stored before today's input rules, written
here straight into the database as it would have left them (a website
of another scheme (ftp:), a time zone that does not exist, a bidi override in a
name, a demand whose country is not its buyer's and whose quantity is over
what an import takes, a CPV code not in the classifier, a meeting in another
event's slot, one of a declined request, a person in two meetings at once,
a minimum-cost password hash, a dangling foreign key), each reported with
its kind, id and field in the importer's own sentence, exit 3; a request
between colleagues is a warning; --json carries the same facts; the
database file is byte-identical after; a clean demo forum reports nothing
and exits 0, also while a server serves it and a writer holds its lock; an
older schema is read from a copy migrated in memory.
Usage: check_test.py DFNC_BINARY   (TAP on stdout)"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])


def dfnc(db, *args, stdin=None):
    return subprocess.run([DFNC, '--db', db] + list(args), capture_output=True, text=True,
                          input=stdin)


def write(name, text):
    with open(name, 'w', encoding='utf-8') as f:
        f.write(text)
    return name


def digest(path):
    """The bytes of the database and of its WAL, when there is one."""
    h = hashlib.sha256()
    for p in (path, path + '-wal'):
        if os.path.exists(p):
            with open(p, 'rb') as f:
                h.update(f.read())
    return h.hexdigest()


def must(p, what):
    if p.returncode != 0:
        print('Bail out! %s: exit %d: %s' % (what, p.returncode, p.stderr.strip()))
        sys.exit(1)


scratch()

# ---- a forum today's dfnc stores, then rows an older one would have left -----------------
DB = 'old.db'
must(dfnc(DB, 'init'), 'init')
write('cpv.json', json.dumps({'35613000-4': 'Unmanned aerial vehicles',
                              '35000000-4': 'Security, fire-fighting, police and defence equipment'}))
must(dfnc(DB, 'import', 'cpv', 'cpv.json', '--lang', 'en'), 'import cpv')
write('orgs.csv', 'id,name,country,kind,website\n'
      'org-de,Acme Drones,DE,company,https://acme.example\n'
      'org-ua,Kyiv Optics,UA,company,\n')
write('people.csv', 'id,organisation,name,email,languages\n'
      'p-1,org-de,Anna,anna@acme.example,en;de\n'
      'p-2,org-de,Bernd,bernd@acme.example,de\n'
      'p-3,org-ua,Olena,olena@optics.example,uk;en\n')
write('caps.csv', 'organisation,direction,cpv,title\norg-de,offer,35613000-4,Drones\n')
write('demands.csv', 'id,buyer,country,cpv,description,quantity,unit,deliver_by,'
      'max_unit_price_eur,funder_countries\n'
      'dem-1,org-de,DE,35613000-4,recon drones,10,piece,2027-06-30,5000,\n')
for kind, f in [('organisations', 'orgs.csv'), ('people', 'people.csv'),
                ('capabilities', 'caps.csv'), ('demands', 'demands.csv')]:
    must(dfnc(DB, 'import', kind, f), 'import ' + kind)
must(dfnc(DB, 'user', 'add', '--email', 'olena@optics.example', '--role', 'participant',
          '--person', 'p-3', '--password-stdin', stdin='a long enough secret\n'), 'user add')

# what an older version left (libsodium's form at its minimum cost, as demo
# databases before 1531f7e hold; the salt and hash are made up: only the form
# and the cost are read)
WEAK = '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo'
c = sqlite3.connect(DB)
c.executescript("""
UPDATE organisations SET website = 'ftp://acme.example' WHERE id = 'org-de';
UPDATE organisations SET name = 'Kyiv ' || char(0x202E) || 'scitpO' WHERE id = 'org-ua';
UPDATE people SET title = 'CEO' || char(27) || ']0;pwned' || char(7) WHERE id = 'p-1';
UPDATE people SET name = 'Bernd' || char(13) || char(10) || 'END:VEVENT' WHERE id = 'p-2';
UPDATE people SET email = 'ANNA@acme.example' WHERE id = 'p-2';
UPDATE capabilities SET cpv = '35999999-9';
UPDATE demands SET country = 'FR', quantity = 2000000000, max_unit_price_eur = 0,
  unit = 'pieces of equipment as the supplier may see fit to deliver them, boxed' WHERE id = 'dem-1';
INSERT INTO events(id, name, timezone, starts_on, ends_on)
  VALUES ('ev-old', 'Old forum', 'Europe/Atlantis', '2027-02-16', '2027-02-17'),
         ('ev-other', 'Other forum', 'Europe/Brussels', '2027-03-01', '2027-03-01');
INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at)
  SELECT 'se-other', rid, '2027-03-01', 'B2B', 'b2b', '2027-03-01T10:00:00+01:00',
         '2027-03-01T12:00:00+01:00' FROM events WHERE id = 'ev-other';
UPDATE sessions SET name_uk = 'B2B ' || char(0x202E) || 'іхчіртсуз' WHERE id = 'se-other';
INSERT INTO sessions(id, event_rid, day, name, kind, starts_at, ends_at)
  SELECT 'se-long-' || substr(hex(zeroblob(60)), 1, 117), rid, '2027-03-01', 'Long', 'conference',
         '2027-03-01T13:00:00+01:00', '2027-03-01T14:00:00+01:00' FROM events WHERE id = 'ev-other';
UPDATE events SET venue_uk = 'Брюссель' || char(7) WHERE id = 'ev-old';
UPDATE events SET video_url = 'https://meet.example.org/?room=x' WHERE id = 'ev-other';
UPDATE events SET requests_close = '2027-02-30T18:00' WHERE id = 'ev-other';
INSERT INTO slots(id, session_rid, seq, starts_at, ends_at)
  SELECT 'sl-other', rid, 1, '2027-03-01T10:00:00+01:00', '2027-03-01T10:30:00+01:00'
  FROM sessions WHERE id = 'se-other';
INSERT INTO slots(id, session_rid, seq, starts_at, ends_at)
  SELECT 'sl-over', rid, 2, '2027-03-01T10:15:00+01:00', '2027-03-01T10:45:00+01:00'
  FROM sessions WHERE id = 'se-other';
INSERT INTO requests(id, event_rid, from_rid, to_rid, status)
  SELECT 'r-1', e.rid, a.rid, b.rid, 'accepted' FROM events e, people a, people b
  WHERE e.id = 'ev-old' AND a.id = 'p-1' AND b.id = 'p-3';
INSERT INTO requests(id, event_rid, from_rid, to_rid, status)
  SELECT 'r-colleagues', e.rid, a.rid, b.rid, 'pending' FROM events e, people a, people b
  WHERE e.id = 'ev-old' AND a.id = 'p-1' AND b.id = 'p-2';
INSERT INTO requests(id, event_rid, from_rid, to_rid, status)
  SELECT 'r-2', e.rid, a.rid, b.rid, 'declined' FROM events e, people a, people b
  WHERE e.id = 'ev-other' AND a.id = 'p-2' AND b.id = 'p-3';
INSERT INTO meetings(id, request_rid, slot_rid)
  SELECT 'm-1', r.rid, t.rid FROM requests r, slots t WHERE r.id = 'r-1' AND t.id = 'sl-other';
INSERT INTO meetings(id, request_rid, slot_rid)
  SELECT 'm-2', r.rid, t.rid FROM requests r, slots t WHERE r.id = 'r-2' AND t.id = 'sl-other';
INSERT INTO people(id, org_rid, name) VALUES ('p-orphan', 9999, 'Nobody');
UPDATE requests SET proposed_slot_rid = (SELECT rid FROM slots WHERE id = 'sl-other')
  WHERE id IN ('r-1', 'r-2');
""")
c.execute('UPDATE users SET password_hash = ?', (WEAK,))
c.commit()
c.close()

# ---- what the check says of them ----------------------------------------------------------
before = digest(DB)
p = dfnc(DB, 'check')
ok(p.returncode == 3, 'stored problems: exit 3, as for bad input', p.stdout + p.stderr)
ok(digest(DB) == before, 'the database is byte-identical after the check')
lines = p.stdout.splitlines()


def reported(name, prefix, *wants):
    hits = [l for l in lines if l.startswith(prefix)]
    ok(hits and all(w in hits[0] for w in wants), name, '\n'.join(lines))
    return hits[0] if hits else ''


website = reported('a website of another scheme, by organisation, id and field',
                   'organisation org-de: website: ',
                   'website "ftp://acme.example" is not an http:// or https:// address')
reported('a bidi override in a name', 'organisation org-ua: name: ',
         'holds a Unicode bidirectional control (U+202E')
reported('a terminal escape in a title', 'person p-1: title: ',
         'holds a control character (U+001B at byte 3)')
line_break = reported('a line break in a one-line field', 'person p-2: name: ',
                      'name holds a line break (at byte 5): it is one line')
reported("one address for two people, stored before the rule: both named", 'person p-2: email: ',
         'email "ANNA@acme.example" is also person "p-1"\'s: one address per person')
reported('a time zone that does not exist', 'event ev-old: timezone: ',
         'timezone "Europe/Atlantis" is not a known time zone')
reported("a bidi override in a session's Ukrainian name", 'session se-other: name_uk: ',
         'holds a Unicode bidirectional control (U+202E')
reported("a session id its slots' ids could not follow, stored before the rule",
         'session se-long-' + '0' * 117 + ': id: ', 'is longer than 124 bytes: its slots are named after it')
reported("a control character in an event's Ukrainian venue", 'event ev-old: venue_uk: ',
         'holds a control character (U+0007')
video = reported("a video service with a query, stored before the rule", 'event ev-other: video_url: ',
                 'video_url "https://meet.example.org/?room=x" is not an https:// address')
reported('a close of requests on a day that is none', 'event ev-other: requests_close: ',
         'requests_close "2027-02-30T18:00" is not a time YYYY-MM-DDTHH:MM at the event\'s clock')
reported("a demand whose country is not its buyer's", 'demand dem-1: country: ',
         'country "FR" is not the buyer\'s: org-de is in DE')
reported('a quantity over what an import takes', 'demand dem-1: quantity: ',
         'quantity "2000000000" must be a whole number from 1 to 1000000000')
reported('a price of nothing, as an import and the API refuse it', 'demand dem-1: max_unit_price_eur: ',
         'max_unit_price_eur must be a number above 0')
reported('a unit longer than an import and the API take', 'demand dem-1: unit: ',
         'unit is longer than 64 bytes')
reported('a CPV code not in the loaded classifier',
         'capability org-de/offer/35999999-9: cpv: ',
         'cpv "35999999-9" is not in the CPV classifier')
reported("a meeting in another event's slot", 'meeting m-1: slot: ',
         'slot "sl-other" is of event "ev-other", not of the request\'s event "ev-old"')
reported('a meeting whose request was declined', 'meeting m-2: request: ',
         'request "r-2" is declined, yet its meeting stays in agendas')
reported('one person in two meetings at once', 'person p-3: meetings: ',
         'meetings m-1, m-2 are all in slot "sl-other"')
reported("a request proposing another event's slot", 'request r-1: proposed_slot: ',
         'slot "sl-other" is of event "ev-other", not of the request\'s event "ev-old"')
reported('an answered request that still proposes a time', 'request r-2: proposed_slot: ',
         'the request is declined, yet it still proposes slot "sl-other"')
reported('a b2b slot over another, stored before the rule', 'slot sl-over: starts_at: ',
         'slot "sl-over" of session "se-other"', 'overlaps slot "sl-other"',
         'two meetings at once')
reported('a login hashed below the current argon2id cost',
         'user olena@optics.example: password_hash: ', 'rehash by resetting the password')
reported('a person naming an organisation that is not there', 'person p-orphan: foreign key: ',
         'people p-orphan names a row of organisations that is not there')
reported('a request between colleagues is a warning',
         'warning: request r-colleagues: to: ', 'of one organisation')
ok(WEAK not in p.stdout and '$argon2id$' not in p.stdout, 'no password hash is shown', p.stdout)
ok('\u202e' not in p.stdout, 'no bidi control is printed as it is', p.stdout)
ok('\x1b' not in p.stdout and '\x07' not in p.stdout, 'no control character either', p.stdout)
ok('foreign keys broken' in p.stdout and 'problems: 24 (' in p.stdout and
   'warnings: 1 (request 1)' in p.stdout, 'the summary counts them', p.stdout)
ok('rows read: ' in p.stdout and 'organisation 2, person 3, capability 1' in p.stdout,
   'the summary says how many rows of each kind were read', p.stdout)

# the importer refuses the value with the very sentence the check gives
write('web.csv', 'id,name,country,kind,website\norg-x,X,DE,company,ftp://acme.example\n')
imp = dfnc(DB, 'import', 'organisations', 'web.csv')
ok(imp.returncode == 3 and website.count(': ') >= 2 and website.split(': ', 2)[2] in imp.stderr,
   "the check's sentence is the importer's", imp.stderr + '\n' + website)
ok(digest(DB) == before, 'the refused import wrote nothing either')
write('events.csv', 'id,name,starts_on,ends_on,video_url\n'
      'ev-other,Other forum,2027-03-01,2027-03-01,https://meet.example.org/?room=x\n')
imp = dfnc(DB, 'import', 'events', 'events.csv')
ok(imp.returncode == 3 and 'events.csv:2: ' + video.split(': ', 2)[2] in imp.stderr,
   "a video service with a query: the events import refuses it by its line, in the check's "
   "sentence", imp.stderr + '\n' + video)
ok(digest(DB) == before, 'and writes nothing')
write('eve.csv', 'id,organisation,name\r\np-9,org-de,"Eve\r\nEND:VEVENT"\r\n')
imp = dfnc(DB, 'import', 'people', 'eve.csv')
ok(imp.returncode == 3 and line_break.split(': ', 2)[2].replace('at byte 5', 'at byte 3')
   in imp.stderr, "a line break in a name: the importer refuses it in the check's sentence",
   imp.stderr + '\n' + line_break)
ok(digest(DB) == before, 'that refused import wrote nothing either')

# ---- --json: the same facts --------------------------------------------------------------
j = dfnc(DB, 'check', '--json')
ok(j.returncode == 3, '--json: exit 3 too', j.stderr)
try:
    doc = json.loads(j.stdout)
except ValueError as e:
    doc = {}
    ok(False, '--json parses', e)
problems = [f for f in doc.get('findings', []) if f['severity'] == 'problem']
ok(doc.get('problems') == 24 and len(problems) == 24 and doc.get('warnings') == 1,
   '--json: the counts of the text', j.stdout[:2000])
text_findings = {l for l in lines if ': ' in l and not l.startswith(('rows', 'problems', 'warnings'))
                 and not l.startswith(DB)}
json_findings = {'%s%s %s: %s: %s' % ('warning: ' if f['severity'] == 'warning' else '', f['kind'],
                                      f['id'], f['field'], f['message'])
                 for f in doc.get('findings', [])}
ok(text_findings == json_findings, '--json: the findings of the text, one for one',
   text_findings ^ json_findings)
kinds = doc.get('kinds', {})
ok(kinds.get('organisation', {}).get('problems') == 2 and kinds.get('demand', {}).get('rows') == 1
   and sum(k['rows'] for k in kinds.values()) == doc.get('rows'),
   '--json: rows and problems by kind', kinds)
ok(doc.get('schema_version') == doc.get('latest_schema_version') and
   doc.get('integrity') == 'ok' and doc.get('foreign_keys') == 'broken',
   '--json: schema version and integrity', doc)
ok(digest(DB) == before, 'the database is byte-identical after --json')

# ---- an older schema: read as migrated, the file untouched --------------------------------
c = sqlite3.connect(DB)
# (version 30's, 29's, 25's and 23's columns first: SQLite checks every trigger when one is dropped)
c.executescript('ALTER TABLE events DROP COLUMN day_mail_from;'   # 66's
                'DROP TABLE people_mailings;' +   # 65's
                ''.join(f'DROP TRIGGER IF EXISTS {t}_agenda_{w};'   # 63's first
                        for t in ('requests', 'request_attendees', 'meetings',
                                  'withdrawn_meetings', 'withdrawn_attendance',
                                  'withdrawn_sessions', 'people', 'organisations', 'events',
                                  'sessions', 'slots', 'locations', 'interpreters')
                        for w in ('insert', 'delete', 'update')) +
                ''.join(f'DROP TRIGGER meeting_outcomes_figures_{w};'
                        for w in ('insert', 'delete', 'update')) +
                'DROP TABLE agenda_generation; DROP TABLE outcome_generation;'
                'ALTER TABLE events DROP COLUMN requests_close;'   # 64's
                'ALTER TABLE events DROP COLUMN day_mail_on;'   # 62's
                'ALTER TABLE events DROP COLUMN day_mail_at;'
                'DROP TABLE outcome_asks;'   # 61's
                'DROP TABLE day_mails; DROP TABLE answer_reminders;' +   # 60's
                ''.join(f'DROP TRIGGER IF EXISTS {t}_board_{w};'   # 57's
                        for t in ('events', 'sessions', 'slots', 'locations',
                                  'location_out_of_use', 'interpreters', 'requests',
                                  'request_attendees', 'people', 'unavailability', 'meetings')
                        for w in ('insert', 'delete', 'update')) +
                'DROP TABLE board_generation;'
                'DROP TRIGGER sessions_changed; DROP TRIGGER sessions_left_programme;'   # 58's
                'DROP TRIGGER sessions_withdrawn; DROP TRIGGER sessions_back_in_programme;'
                'DROP TRIGGER sessions_made_programme; DROP TRIGGER events_changed_sessions;'
                'DROP TRIGGER attendee_withdrawn; DROP TRIGGER attendee_back;'
                'DROP TABLE withdrawn_sessions; DROP TABLE withdrawn_attendance;'
                'ALTER TABLE sessions DROP COLUMN sequence;'
                'DROP TABLE location_out_of_use;'   # 56's
                'DROP TABLE arrivals;'   # 54's
                'ALTER TABLE people ADD COLUMN checked_in_at TEXT;'
                'ALTER TABLE supplies DROP COLUMN unit;'   # 51's
                'ALTER TABLE meetings DROP COLUMN moved_from_online;'   # 41's
                'ALTER TABLE people DROP COLUMN attendance;'   # 40's
                'ALTER TABLE events DROP COLUMN video_url;'
                'ALTER TABLE meetings DROP COLUMN video_room;'
                'ALTER TABLE people DROP COLUMN erased_at;'   # 38's
                'DROP TABLE applications; DROP TABLE applications_config;'   # 36's
                'ALTER TABLE people DROP COLUMN mail_off;'   # 33's (34 and 37 rebuild its outbox)
                'DROP TABLE mail_outbox; DROP TABLE mail_config;'
                'ALTER TABLE requests DROP COLUMN introduced;'   # 30's
                'DROP TRIGGER requests_proposal_ends; DROP INDEX requests_proposed_slot;'
                'ALTER TABLE requests DROP COLUMN proposed_slot_rid;'   # 29's
                'ALTER TABLE meetings DROP COLUMN moved_from_start;'
                'ALTER TABLE meetings DROP COLUMN moved_from_location;'
                'DROP TRIGGER events_moved_venue_uk_meetings;'
                'ALTER TABLE events DROP COLUMN name_uk; ALTER TABLE events DROP COLUMN venue_uk;'
                'ALTER TABLE sessions DROP COLUMN name_uk;'
                'ALTER TABLE sessions DROP COLUMN place; ALTER TABLE sessions DROP COLUMN place_uk;'
                'ALTER TABLE sessions DROP COLUMN description;'
                'ALTER TABLE sessions DROP COLUMN description_uk;'   # 55's
                'DROP TABLE invitations; DROP TABLE device_tokens;'
                'ALTER TABLE supplies DROP COLUMN ua_content_pct;'
                'ALTER TABLE unavailability DROP COLUMN set_by; DROP TABLE unscheduled_reasons;'
                'DROP TABLE meeting_outcomes; ALTER TABLE requests DROP COLUMN cancelled_by;'
                'DROP TABLE procure_generation; DROP INDEX demands_buyer; DROP INDEX supplies_org;'
                'DROP TABLE schedule_runs; DROP TABLE withdrawn_meetings;'
                'DROP TABLE announcements;'
                'DROP TRIGGER meetings_withdrawn; DROP TRIGGER meetings_placed_again;'
                'DROP TABLE absence_reports;' +   # migration 27's
                'DROP TABLE request_messages; DROP TABLE request_message_reads;' +   # 28's
                ''.join(f'DROP TRIGGER {t}_procure_{w};'
                        for t in ('demands', 'demand_funders', 'supplies', 'organisations', 'cpv')
                        for w in ('insert', 'delete', 'update')) +
                'PRAGMA user_version = 11;')
c.close()
before = digest(DB)
p = dfnc(DB, 'check')
ok(p.returncode == 3 and 'warning: database old.db: schema_version: schema version 11 is older' in p.stdout
   and 'organisation org-de: website: ' in p.stdout,
   'an older schema is checked from a copy migrated in memory, and said', p.stdout + p.stderr)
ok(digest(DB) == before and sqlite3.connect(DB).execute('PRAGMA user_version').fetchone()[0] == 11,
   'the older file is neither migrated nor written')

# ---- no database: said, not created --------------------------------------------------------
p = dfnc('missing.db', 'check')
ok(p.returncode == 1 and 'there is no database missing.db' in p.stderr and
   not os.path.exists('missing.db'), 'a missing database is said and not created', p.stderr)
p = dfnc(DB, 'check', 'extra')
ok(p.returncode == 2, 'an extra argument is a usage error', p.stderr)

# ---- a folder the reader may not write to (a backup on a read-only mount) -------------------
# SQLite reads a WAL database through its -shm file, which it makes when it
# is missing; where it cannot, the check says so instead of SQLite's "attempt
# to write a readonly database". Permissions bind a user other than root.
if os.geteuid() == 0:
    ro = tempfile.mkdtemp()
    shutil.copy(DB, os.path.join(ro, 'copy.db'))
    os.chmod(os.path.join(ro, 'copy.db'), 0o444)
    os.chmod(ro, 0o555)
    p = subprocess.run([DFNC, '--db', os.path.join(ro, 'copy.db'), 'check'], capture_output=True,
                       text=True, preexec_fn=lambda: (os.setgid(65534), os.setuid(65534)))
    ok(p.returncode == 1 and 'copy.db-shm beside it, which is missing and which this user may '
       'not make in that folder' in p.stderr and os.listdir(ro) == ['copy.db'],
       'a database in a folder the reader may not write to: the -shm SQLite needs is named',
       p.stdout + p.stderr)
    os.chmod(ro, 0o755)
    shutil.rmtree(ro)
else:
    ok(True, 'a database in a folder the reader may not write to # SKIP not run as root')

# ---- a clean demo forum ----------------------------------------------------------------------
DEMO = 'demo.db'
must(dfnc(DEMO, 'demo', '--people', '50', '--seed', '7', '--no-serve'), 'demo')
before = digest(DEMO)
p = dfnc(DEMO, 'check')
ok(p.returncode == 0 and 'problems: 0\n' in p.stdout and 'warnings: 0\n' in p.stdout and
   p.stdout.startswith(DEMO + ': schema version'), 'a demo forum reports nothing and exits 0',
   p.stdout + p.stderr)
j = dfnc(DEMO, 'check', '--json')
doc = json.loads(j.stdout) if j.returncode == 0 else {}
ok(doc.get('problems') == 0 and doc.get('findings') == [] and doc.get('rows', 0) > 300 and
   'rows read: %d (' % doc.get('rows', -1) in p.stdout,
   'the demo: --json says the same, rows counted alike', j.stdout[:1000])
ok(digest(DEMO) == before, 'the demo database is byte-identical after the checks')

# ---- meeting outcomes an older dfnc or a hand at the database left --------------------------
# (the API refuses each; the schema's CHECK the unknown outcome, so it is
# written here past it, as a database from before that rule would hold it)
with open(DEMO, 'rb') as f, open('outcomes.db', 'wb') as g:
    g.write(f.read())
c = sqlite3.connect('outcomes.db')
met = c.execute("SELECT r.rid, r.id, r.from_rid, f.id, r.to_rid, t.id FROM requests r"
                " JOIN meetings m ON m.request_rid = r.rid JOIN people f ON f.rid = r.from_rid"
                " JOIN people t ON t.rid = r.to_rid WHERE r.status = 'accepted' ORDER BY r.id"
                " LIMIT 4").fetchall()
stranger = c.execute("SELECT rid, id FROM people WHERE rid NOT IN (?, ?) AND rid NOT IN"
                     " (SELECT person_rid FROM request_attendees WHERE request_rid = ?) LIMIT 1",
                     (met[3][2], met[3][4], met[3][0])).fetchone()
c.execute('PRAGMA foreign_keys = OFF')
c.execute('PRAGMA ignore_check_constraints = ON')
rows = [(met[0][0], met[0][2], 'follow_up', 'all is well'),
        (met[0][0], met[0][4], 'signed_everything', ''),
        (met[1][0], met[1][2], 'agreement', 'SECRET ' + 'x' * 4000),
        (met[2][0], met[2][4], 'purchase', 'SECRET\x1b]0;pwned\x07'),
        (met[3][0], stranger[0], 'no_fit', 'SECRET'),
        (999999, met[1][4], 'follow_up', '')]
c.executemany('INSERT INTO meeting_outcomes(request_rid, person_rid, outcome, note)'
              ' VALUES (?, ?, ?, ?)', rows)
c.commit()
c.close()
p = dfnc('outcomes.db', 'check')
lines = p.stdout.splitlines()
ok(p.returncode == 3, 'stored outcomes the API refuses: exit 3', p.stdout + p.stderr)
reported('an outcome dfnc does not know', 'outcome %s/%s: outcome: ' % (met[0][1], met[0][5]),
         'outcome "signed_everything" is not one of not_held, no_fit, follow_up')
reported('a note too long', 'outcome %s/%s: note: ' % (met[1][1], met[1][3]),
         'note is longer than 4000 bytes')
reported('a terminal escape in a note', 'outcome %s/%s: note: ' % (met[2][1], met[2][5]),
         'holds a control character (U+001B')
reported('an outcome said by a person not at the meeting',
         'outcome %s/%s: person: ' % (met[3][1], stranger[1]),
         '%s is not one of request "%s"\'s people' % (stranger[1], met[3][1]))
reported('an outcome whose request is gone',
         'outcome (request row 999999)/%s: request: ' % met[1][5],
         'request row 999999 is not there')
ok(not [l for l in lines if 'meeting_outcomes' in l and 'requests' in l],
   'the gone request is said once, by its outcome, not again by the foreign key check',
   p.stdout)
ok(not [l for l in lines if l.startswith('outcome %s/%s:' % (met[0][1], met[0][3]))],
   'a sound outcome is no problem', p.stdout)
ok('SECRET' not in p.stdout and 'pwned' not in p.stdout, 'no note is shown', p.stdout)
doc = json.loads(dfnc('outcomes.db', 'check', '--json').stdout)
ok(doc['kinds'].get('outcome') == {'rows': 6, 'problems': 5, 'warnings': 0},
   '--json: the outcomes read and their problems', doc['kinds'].get('outcome'))

# ---- what today's importers store: CORDIS's Kosovo (XK) --------------------------------------
# CORDIS writes XK for Kosovo, the code the EU uses (no ISO 3166 one is assigned); the
# CORDIS import keeps it, so the organisations import, the API and the check take it too:
# a forum that imported CORDIS would otherwise fail its check on a row dfnc itself wrote.
KX = 'kosovo.db'
write('projects.csv', 'projectID,acronym,title,objective,startDate,endDate,programme\n'
      '1,BORDER,Border security,Sensors for border crossings,2015-01-01,2017-01-01,H2020\n')
write('parts.csv', 'projectID,role,orgID,name,activityType,country\n'
      '1,coordinator,100,Pristina Sensors,PRC,XK\n1,participant,200,Athens Lab,REC,EL\n')
must(dfnc(KX, 'import', 'cordis', '--projects', 'projects.csv', '--participations', 'parts.csv'),
     'import cordis')
p = dfnc(KX, 'check')
ok(p.returncode == 0 and 'problems: 0\n' in p.stdout,
   "a CORDIS organisation in Kosovo (XK), as today's import stores it, is no problem",
   p.stdout + p.stderr)
write('xk.csv', 'id,name,country,kind,sme,city,website,description\n'
      'xk-1,Prishtina Drone Works,XK,company,1,Prishtina,,Small drones\n')
p = dfnc(KX, 'import', 'organisations', 'xk.csv')
ok(p.returncode == 0 and dfnc(KX, 'check').returncode == 0,
   'the organisations import takes XK as CORDIS does, and the check agrees', p.stdout + p.stderr)

# ---- a damaged index: SQLite's integrity check, line by line --------------------------------
with open(DEMO, 'rb') as f, open('damaged.db', 'wb') as g:
    g.write(f.read())
c = sqlite3.connect('damaged.db')
c.execute('PRAGMA writable_schema = ON')   # the index now claims another column than it holds
c.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX organisations_country ON "
          "organisations(kind)' WHERE name = 'organisations_country'")
c.commit()
c.close()
p = dfnc('damaged.db', 'check')
ok(p.returncode == 3 and 'database damaged.db: integrity: PRAGMA integrity_check: row 1 missing '
   'from index organisations_country\n' in p.stdout and 'integrity damaged' in p.stdout,
   'a damaged index is reported by the integrity check, one line each', p.stdout + p.stderr)

# ---- an organiser's glossary an older dfnc took, two of whose lines no longer fit --------------
# electronic has електронний and радіоелектронний in dfnc's own glossary:
# line 2 gives it a third, line 3 a fourth, one too many
with open(DEMO, 'rb') as f, open('glossary.db', 'wb') as g:
    g.write(f.read())
c = sqlite3.connect('glossary.db')
c.execute('DELETE FROM glossary')
c.execute("INSERT INTO glossary(line, en, uk, negated) VALUES (1, 'radar', 'радіолокатор', 0), "
          "(2, 'electronic', 'коптер', 0), (3, 'electronic', 'птах', 0)")
c.commit()
c.close()
p = dfnc('glossary.db', 'check')
ok(p.returncode == 3 and 'glossary line 3: line: "electronic" has more than 3 translations; ' in p.stdout
   and 'glossary line 1:' not in p.stdout and 'glossary line 2:' not in p.stdout and 'partner questions leave this line out (dfnc export '
   'glossary, mend it, dfnc import glossary)' in p.stdout and "the organiser's glossary:" not in p.stdout,
   'a stored glossary line that no longer fits is a problem of its line, the way out said',
   p.stdout + p.stderr)
p = dfnc('glossary.db', 'check', '--json')
doc = json.loads(p.stdout) if p.stdout.startswith('{') else {}
ok(doc.get('kinds', {}).get('glossary') == {'rows': 3, 'problems': 1, 'warnings': 0},
   '--json: the glossary kind counts its lines and those left out', p.stdout[-600:])
ok(dfnc(DEMO, 'check', '--json').returncode == 0, 'the demo forum has no glossary problem')
c = sqlite3.connect('glossary.db')
c.executemany("INSERT INTO glossary(line, en, uk, negated) VALUES (?, 'electronic', ?, 0)",
              [(4 + i, 'слово%02d' % i) for i in range(30)])
c.commit()
c.close()
doc = json.loads(dfnc('glossary.db', 'check', '--json').stdout)
named = [f for f in doc['findings'] if f['kind'] == 'glossary']
ok(doc['kinds']['glossary'] == {'rows': 33, 'problems': 31, 'warnings': 0} and len(named) <= 21
   and named[-1]['message'] == '%d more lines left out as well' % (31 - len(named) + 1),
   'thirty-one lines left out: every one counted, the first named and the rest said as a number',
   json.dumps(named[-2:], ensure_ascii=False))

# ---- while a server serves it and a writer holds its write lock ------------------------------
server = subprocess.Popen([DFNC, '--db', DEMO, 'serve', '--port', '0', '--no-access-log'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    line = server.stderr.readline()
    writer = sqlite3.connect(DEMO, isolation_level=None)
    writer.execute('BEGIN IMMEDIATE')
    writer.execute("UPDATE organisations SET website = 'www.uncommitted.example'")
    p = dfnc(DEMO, 'check')
    ok('event=listening' in line and p.returncode == 0 and 'problems: 0' in p.stdout,
       'the check reads while a server serves and a writer holds the lock, and sees only '
       'what is committed', line + p.stdout + p.stderr)
    writer.execute('ROLLBACK')
    writer.close()
finally:
    server.terminate()
    server.wait(timeout=30)

end()
