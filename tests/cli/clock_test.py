#!/usr/bin/env python3
"""The forum's clock of `dfnc serve`: --forum-clock TIME starts at TIME and
runs on at real speed (a rehearsal of the day), --forum-clock-still TIME
stands at TIME (tests), as GET /api/v1/me's "now" says; one of the two, once.
Usage: clock_test.py DFNC_BINARY   (TAP on stdout)"""
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import datetime

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'clock.db'
AT = '2027-02-16T10:50:00+01:00'
AT_UTC = datetime.fromisoformat(AT).timestamp()


def dfnc(*args, stdin=None):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True,
                          input=stdin)


def nows(clock_option):
    """GET /me's "now" twice, two seconds apart, from a server started with
    clock_option AT: the two instants, Unix seconds."""
    server = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--no-access-log',
                               clock_option, AT],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        port = re.search(r'127\.0\.0\.1:(\d+)', line).group(1)
        base = 'http://127.0.0.1:%s/api/v1' % port
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        login = urllib.request.Request(base + '/session', method='POST',
                                       data=json.dumps({'email': 'org@clock.test',
                                                        'password': 'clock-pass-1'}).encode(),
                                       headers={'Content-Type': 'application/json'})
        opener.open(login).read()
        out = []
        for i in range(2):
            if i:
                time.sleep(2.2)
            me = json.loads(opener.open(base + '/me').read())
            out.append(datetime.fromisoformat(me['now'].replace('Z', '+00:00')).timestamp())
        return out
    finally:
        server.terminate()
        server.wait(timeout=30)


ok(dfnc('init').returncode == 0, 'a database')
ok(dfnc('user', 'add', '--email', 'org@clock.test', '--role', 'organiser', '--password-stdin',
        stdin='clock-pass-1\n').returncode == 0, 'an organiser')

# a published event whose day's mail would go by itself at 07:00 that
# morning, the forum's mail on: a rehearsal at 10:50 must not mail it
db = sqlite3.connect(DB)
db.execute("INSERT INTO events(id, name, timezone, starts_on, ends_on, published_at,"
           " day_mail_on, day_mail_at) VALUES ('ev-reh', 'Rehearsed', 'Europe/Brussels',"
           " '2027-02-16', '2027-02-16', '2027-02-01T10:00:00Z', 'morning', '07:00')")
db.execute("INSERT INTO mail_config(one, public_url) VALUES (1, 'http://forum.test')")
db.commit()
db.close()

first, second = nows('--forum-clock')
ok(AT_UTC <= first < AT_UTC + 10, '--forum-clock: the clock starts at the time named',
   '%s, wanted %s' % (first, AT_UTC))
ok(second - first >= 2, '--forum-clock: ... and runs on at real speed', second - first)

db = sqlite3.connect(DB)
sent = db.execute("SELECT count(*) FROM day_mails").fetchone()[0]
db.close()
ok(sent == 0, '--forum-clock: a rehearsal sends no day\'s mail by itself (it would go for real)',
   sent)

first, second = nows('--forum-clock-still')
ok(first == AT_UTC and second == AT_UTC, '--forum-clock-still: the clock stands at the time named',
   '%s %s, wanted %s' % (first, second, AT_UTC))

for args, name in ((['--forum-clock', AT, '--forum-clock-still', AT], 'both clocks'),
                   (['--forum-clock', '2027-02-16T10:50:00'], 'a time without its offset'),
                   (['--forum-clock-still', 'tomorrow'], 'not a time')):
    p = dfnc('serve', '--port', '0', *args)
    ok(p.returncode == 2 and 'forum-clock' in p.stderr, name + ' is a usage error', p.stderr)
end()
