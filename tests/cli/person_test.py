#!/usr/bin/env python3
"""dfnc person: a participant's data as one JSON document (to a file or
standard output) and her erasure: her open requests cancelled (the
organisers' cancels: a request by letter), her meetings held kept, her login
and words gone, her row a tombstone that `dfnc export people` leaves out
and an import cannot take again; a second erasure exits 3, an unknown
person too, a wrong use is a usage error.
Usage: person_test.py DFNC_BINARY   (TAP on stdout)"""
import json
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'person.db'


def dfnc(*args, stdin=None):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True,
                          timeout=60, input=stdin)


r = dfnc('init')
ok(r.returncode == 0, 'init', r.stderr)
db = sqlite3.connect(DB)
db.executescript(
    "INSERT INTO organisations(id,name,country,kind) VALUES ('org-ua','Shield','UA','company'),"
    " ('org-de','Drohnen','DE','company');"
    "INSERT INTO people(id,org_rid,name,email,languages) VALUES"
    " ('p-oksana',1,'Оксана Стерта','oksana@shield.test','uk'),"
    " ('p-max',2,'Max Bleibt','max@drohnen.test','de');"
    "INSERT INTO events(id,name,starts_on,ends_on) VALUES ('ev','Forum','2031-02-16','2031-02-16');"
    "INSERT INTO requests(id,event_rid,from_rid,to_rid,status,message) VALUES"
    " ('r1',1,2,1,'pending','MAX-ASKS'),('r2',1,1,2,'accepted','OKSANA-ASKS');"
    # last year's forum, where they met: a meeting held
    "INSERT INTO events(id,name,starts_on,ends_on) VALUES ('ev0','Forum 0','2025-02-16','2025-02-16');"
    "INSERT INTO sessions(id,event_rid,day,name,kind,starts_at,ends_at) VALUES"
    " ('s0',2,'2025-02-16','B2B','b2b','2025-02-16T09:00:00+01:00','2025-02-16T10:00:00+01:00');"
    "INSERT INTO slots(id,session_rid,seq,starts_at,ends_at) VALUES"
    " ('t0',1,1,'2025-02-16T09:00:00+01:00','2025-02-16T09:30:00+01:00');"
    "INSERT INTO requests(id,event_rid,from_rid,to_rid,status,message) VALUES"
    " ('r0',2,2,1,'accepted','MET-LAST-YEAR');"
    "INSERT INTO meetings(id,request_rid,slot_rid) VALUES ('r0',3,1);")
db.commit()
r = dfnc('user', 'add', '--email', 'oksana@shield.test', '--role', 'participant', '--person',
         'p-oksana', '--password-stdin', stdin='oksana-pass-1\n')
ok(r.returncode == 0, 'her login', r.stderr)

r = dfnc('person', 'data', 'p-oksana')
doc = json.loads(r.stdout) if r.returncode == 0 else {}
data = doc.get('data', {})
ok(r.returncode == 0 and doc.get('format') == 'dfnc-personal-data/1' and
   data['person']['name'] == 'Оксана Стерта' and
   [q['id'] for q in data['requests']] == ['r0', 'r1', 'r2'] and
   data['logins'][0]['email'] == 'oksana@shield.test',
   'data: her person, requests and login on standard output', r.stdout[:600] + r.stderr)
r = dfnc('person', 'data', 'p-oksana', 'oksana.json')
ok(r.returncode == 0 and json.load(open('oksana.json'))['data']['person']['id'] == 'p-oksana',
   'data to a file', r.stderr)
r = dfnc('person', 'data', 'p-nobody')
ok(r.returncode == 3 and 'no person "p-nobody"' in r.stderr, 'data of no one: exit 3', r.stderr)

r = dfnc('person', 'erase', 'p-oksana')
ok(r.returncode == 0 and
   r.stdout == 'erased p-oksana: 2 open requests cancelled, 1 meeting held kept\n',
   'erase: her two open requests cancelled, last year\'s meeting kept', r.stdout + r.stderr)
row = db.execute("SELECT name, email, languages, erased_at IS NOT NULL FROM people"
                 " WHERE id = 'p-oksana'").fetchone()
ok(row == ('Erased participant', None, '', 1), 'her row a tombstone', row)
ok(db.execute("SELECT id, status, cancelled_by FROM requests ORDER BY id").fetchall()
   == [('r0', 'accepted', None), ('r1', 'cancelled', 'organiser'),
       ('r2', 'cancelled', 'organiser')],
   "max's requests with her to come cancelled, as the organisers' cancels; the one held kept")
ok(db.execute("SELECT count(*) FROM meetings WHERE id = 'r0'").fetchone()[0] == 1,
   'the meeting held stays')
ok(db.execute("SELECT count(*) FROM users").fetchone()[0] == 0, 'her login gone')
ok(db.execute("SELECT message FROM requests WHERE id = 'r2'").fetchone()[0] is None,
   'her words to max gone')
ok(db.execute("SELECT actor, entity_id FROM audit_log WHERE action = 'person.erase'").fetchall()
   == [('cli', 'p-oksana')], 'the audit line: cli and her id')
dump = '\n'.join(db.iterdump())
ok('Оксана' not in dump and 'oksana@shield.test' not in dump, 'no line of the dump holds her')

r = dfnc('person', 'erase', 'p-oksana')
ok(r.returncode == 3 and 'already erased' in r.stderr, 'a second erasure: exit 3', r.stderr)
r = dfnc('person', 'erase', 'p-nobody')
ok(r.returncode == 3 and 'no person' in r.stderr, 'no such person: exit 3', r.stderr)
r = dfnc('person', 'erase')
ok(r.returncode == 2 and 'usage: dfnc person' in r.stderr, 'no person named: usage', r.stderr)
r = dfnc('person', 'forget', 'p-max')
ok(r.returncode == 2, 'no such subcommand: usage', r.stderr)

r = dfnc('export', 'people', '-')
ok(r.returncode == 0 and 'p-max' in r.stdout and 'p-oksana' not in r.stdout,
   'export people leaves her out', r.stdout + r.stderr)
with open('people.csv', 'w') as f:
    f.write('id,organisation,name,email,title,languages\n'
            'p-oksana,org-ua,Оксана Знову,new@shield.test,,uk\n')
r = dfnc('import', 'people', 'people.csv')
ok(r.returncode == 3 and 'taken by an erased person' in r.stderr,
   'an import cannot take her id again', r.stderr)
r = dfnc('check')
ok('p-oksana' not in r.stdout, 'dfnc check finds nothing wrong with her empty row', r.stdout)
end()
