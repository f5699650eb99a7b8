#!/usr/bin/env python3
"""dfnc applications: the public form's switch (closed until opened, each
switch an audit line) and the applications sent, newest first, the pending
ones unless --status says; a status that is none is a usage error.
Usage: applications_test.py DFNC_BINARY   (TAP on stdout)"""
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'applications.db'


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True,
                          timeout=60)


r = dfnc('init')
ok(r.returncode == 0, 'init', r.stderr)
r = dfnc('applications', 'list')
ok(r.returncode == 0 and r.stdout == 'applications: closed\n', 'closed until opened', r.stdout + r.stderr)

db = sqlite3.connect(DB)
db.executescript(
    "INSERT INTO applications(id, created_at, name, email, org_name, org_country, org_kind)"
    " VALUES ('app-1', '2026-11-01T10:00:00Z', 'Iryna Koval', 'iryna@shield.test',"
    " 'Shield Systems', 'UA', 'company');"
    "INSERT INTO applications(id, created_at, name, email, org)"
    " VALUES ('app-2', '2026-11-02T10:00:00Z', 'Ed Acme', 'ed@acme.test', 'org-acme');"
    "INSERT INTO applications(id, created_at, status, name, email, org, decided_at, decided_by)"
    " VALUES ('app-3', '2026-11-03T10:00:00Z', 'declined', 'Spam Bot', 'bot@spam.test',"
    " 'org-acme', '2026-11-04T10:00:00Z', 'organiser@forum.test');")
db.commit()

r = dfnc('applications', 'open')
ok(r.returncode == 0 and r.stdout == 'applications: open\n', 'open', r.stdout + r.stderr)
r = dfnc('applications', 'list')
lines = r.stdout.splitlines()
ok(r.returncode == 0 and lines == [
    'applications: open',
    'app-2\t2026-11-02T10:00:00Z\tpending\tEd Acme\ted@acme.test\torg-acme',
    'app-1\t2026-11-01T10:00:00Z\tpending\tIryna Koval\tiryna@shield.test\tShield Systems'],
   'the pending ones, newest first: a new organisation by its name, a registered one by its id',
   r.stdout + r.stderr)
r = dfnc('applications', 'list', '--status', 'all')
ok([x.split('\t')[0] for x in r.stdout.splitlines()[1:]] == ['app-3', 'app-2', 'app-1'],
   '--status all', r.stdout)
r = dfnc('applications', 'list', '--status', 'declined')
ok(r.stdout.splitlines()[1:] == ['app-3\t2026-11-03T10:00:00Z\tdeclined\tSpam Bot\tbot@spam.test\torg-acme'],
   '--status declined', r.stdout)
r = dfnc('applications', 'list', '--status', 'maybe')
ok(r.returncode == 2 and 'usage: dfnc applications' in r.stderr, 'a status that is none: usage, exit 2',
   r.stdout + r.stderr)
r = dfnc('applications', 'close', 'now')
ok(r.returncode == 2, 'close takes nothing more', r.stdout + r.stderr)
r = dfnc('applications', 'close')
ok(r.returncode == 0 and r.stdout == 'applications: closed\n', 'close', r.stdout + r.stderr)
r = dfnc('applications', 'list')
ok(r.stdout.splitlines()[0] == 'applications: closed' and len(r.stdout.splitlines()) == 3,
   'closed: those sent stay', r.stdout)
audit = [a for (a,) in sqlite3.connect(DB).execute(
    "SELECT actor || ' ' || action FROM audit_log WHERE action LIKE 'applications.%' ORDER BY rid")]
ok(audit == ['cli applications.open', 'cli applications.close'], 'each switch an audit line', audit)
end()
