#!/usr/bin/env python3
"""`dfnc badges`: the name badges of a demo forum as a PDF, read back as a
printer and a scanner would: poppler's pdfinfo and pdftotext find four
badges to each A4 page with each person's name (Cyrillic too), position,
organisation and side, in the order asked; zbar's zbarimg reads each QR code
off the page drawn by pdftoppm as the person's id, which the check-in desk
searches by. An unknown person or event exits 3 and leaves the file as it
was; bad options exit 2.
Usage: badges_test.py DFNC_BINARY   (TAP on stdout)"""
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
DB = 'demo.db'


def dfnc(*args):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True)


def tool(*args):
    return subprocess.run(list(args), capture_output=True, text=True)


def pages(path):
    m = re.search(r'^Pages:\s+(\d+)', tool('pdfinfo', path).stdout, re.M)
    return int(m.group(1)) if m else -1


def codes(path, page):
    """The QR codes on one page, top left first, as zbarimg reads them."""
    tool('pdftoppm', '-f', str(page), '-l', str(page), '-r', '150', '-png', '-singlefile',
         path, 'page')
    out = tool('zbarimg', '-q', '--raw', 'page.png').stdout.split('\n')
    return [x for x in out if x]


scratch()
p = dfnc('demo', '--people', '50', '--seed', '5', '--no-serve')
if p.returncode != 0:
    print('Bail out! demo: %s' % p.stderr.decode())
    sys.exit(1)
db = sqlite3.connect(DB)
people = db.execute('SELECT p.id, p.name, p.title, o.name, o.country FROM people p'
                    ' JOIN organisations o ON o.rid = p.org_rid ORDER BY p.name, p.id').fetchall()
ua = [x for x in people if x[4] == 'UA']
eu = [x for x in people if x[4] in ('PL', 'DE', 'FR', 'BE', 'NL', 'LT', 'EE', 'CZ', 'IT', 'ES')]

# ---- everyone -----------------------------------------------------------------------------
a = dfnc('badges', '--output', 'all.pdf')
n = len(people)
ok(a.returncode == 0 and a.stderr.decode().startswith('all.pdf: %d badges on %d pages' % (n, (n + 3) // 4)),
   'everyone: the count of badges and pages said', a.stderr.decode())
ok(pages('all.pdf') == (n + 3) // 4, 'four badges to an A4 page', tool('pdfinfo', 'all.pdf').stdout)
ok('595.276 x 841.89' in tool('pdfinfo', 'all.pdf').stdout, 'A4 pages')
ok(codes('all.pdf', 1) and sorted(codes('all.pdf', 1)) == sorted(x[0] for x in people[:4]),
   'page 1 holds the first four by name, each QR code their id', (codes('all.pdf', 1), people[:4]))
last = (n - 1) // 4 * 4
ok(sorted(codes('all.pdf', pages('all.pdf'))) == sorted(x[0] for x in people[last:]),
   'the last page holds the rest', codes('all.pdf', pages('all.pdf')))

# ---- a few, in the order asked: a Ukrainian's Cyrillic name, an EU one ----------------------
pick = [ua[0], eu[0]]
b = dfnc('badges', '--output', 'two.pdf', pick[0][0], pick[1][0])
text = tool('pdftotext', '-layout', 'two.pdf', '-').stdout
ok(b.returncode == 0 and pages('two.pdf') == 1, 'two badges on one page', b.stderr.decode())
ok(all(x[1] in text and x[3] in text and (x[2] or '') in text for x in pick),
   'each name, position and organisation is on the page', text)
ok(re.search(r'[А-ЯІЇЄҐ][а-яіїєґ]+', text) is not None and pick[0][1] in text,
   'the Ukrainian name in Cyrillic', pick[0][1])
ok('UKRAINE · УКРАЇНА' in text and 'EU / EEA' in text, "each side's band", text)
org_uk = db.execute('SELECT o.name_uk FROM people p JOIN organisations o ON o.rid = p.org_rid'
                    ' WHERE p.id = ?', (pick[0][0],)).fetchone()[0]
ok(org_uk and re.search(r'[А-ЯІЇЄҐ]', org_uk) and org_uk in text,
   "the Ukrainian organisation's Ukrainian name under its English one", (org_uk, text))
event = db.execute('SELECT name FROM events ORDER BY starts_on LIMIT 1').fetchone()[0]
ok(event in text, 'the event named', event)
ok(codes('two.pdf', 1) == [pick[0][0], pick[1][0]], 'the codes in the order asked',
   codes('two.pdf', 1))
o = subprocess.run([DFNC, '--db', DB, 'badges', '--output', '-', pick[0][0]], capture_output=True)
ok(o.returncode == 0 and o.stdout.startswith(b'%PDF-'), '--output - writes the PDF to standard output',
   o.stderr.decode())

# ---- refusals leave the file as it was ----------------------------------------------------
before = open('two.pdf', 'rb').read()
u = dfnc('badges', '--output', 'two.pdf', pick[0][0], 'nobody-here')
ok(u.returncode == 3 and 'no person "nobody-here"' in u.stderr.decode()
   and open('two.pdf', 'rb').read() == before, 'an unknown person: exit 3, the file untouched',
   u.stderr.decode())
e = dfnc('badges', '--event', 'no-such-event', '--output', 'two.pdf')
ok(e.returncode == 3 and 'no-such-event' in e.stderr.decode() and open('two.pdf', 'rb').read() == before,
   'an unknown event: exit 3, the file untouched', e.stderr.decode())
ok(dfnc('badges', pick[0][0]).returncode == 2, 'no --output: usage, exit 2')
ok(dfnc('badges', '--output', '', pick[0][0]).returncode == 2, 'an empty --output: exit 2')
# ---- over HTTP: sent from a file; everyone's drawn one at a time ---------------------------
server = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--no-access-log'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    port = re.search(r'127\.0\.0\.1:(\d+)', server.stderr.readline()).group(1)
    base = 'http://127.0.0.1:%s/api/v1' % port
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.open(urllib.request.Request(
        base + '/session', method='POST', headers={'Content-Type': 'application/json'},
        data=json.dumps({'email': 'organiser@demo.dfnc', 'password': 'demo-organiser'}).encode()))

    def get(path):
        try:
            with opener.open(base + path, timeout=120) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    st, hd, body = get('/console/badges.pdf?person=' + pick[0][0])
    with open('one.pdf', 'wb') as f:
        f.write(body)
    ok(st == 200 and hd.get('Content-Type') == 'application/pdf'
       and int(hd.get('Content-Length', -1)) == len(body) and pages('one.pdf') == 1
       and codes('one.pdf', 1) == [pick[0][0]], "one person's badge, whole, with its length", (st, hd))
    # four asks for everyone's badges at once: one draws them, those that
    # come while it does are told to come back, not queued on a worker
    # (asks that happen not to overlap all draw: tried again, at most 5 times)
    for attempt in range(5):
        start, got = threading.Barrier(4), []

        def ask():
            start.wait()
            got.append(get('/console/badges.pdf'))
        asks = [threading.Thread(target=ask) for _ in range(4)]
        for t in asks:
            t.start()
        for t in asks:
            t.join()
        drawn = [x for x in got if x[0] == 200 and x[2].startswith(b'%PDF-')]
        busy = [x for x in got if x[0] == 503 and json.loads(x[2])['error']['code'] == 'busy'
                and x[1].get('Retry-After') == '30']
        if busy or len(drawn) != 4:
            break
    ok(drawn and busy and len(drawn) + len(busy) == 4,
       "everyone's badges asked four times at once: drawn, the others 503 busy, Retry-After",
       [x[:2] for x in got])
    with open('everyone.pdf', 'wb') as f:
        f.write(get('/console/badges.pdf')[2])
    ok(pages('everyone.pdf') == (len(people) + 3) // 4, "then everyone's badges again: every page",
       pages('everyone.pdf'))
finally:
    server.terminate()
    server.wait(timeout=30)

# ---- a forum with people but no event yet: badges that name none ----------------------------
with open('o.csv', 'w') as f:
    f.write('id,name,country,kind,sme,city,website,description\no-1,Kyiv Optics,UA,company,1,Kyiv,,\n')
with open('p.csv', 'w') as f:
    f.write('id,organisation,name,email,title,languages\np-1,o-1,Олена Бойко,o@k.example,CEO,uk\n')
early = [subprocess.run([DFNC, '--db', 'early.db'] + a, capture_output=True)
         for a in (['init'], ['import', 'organisations', 'o.csv'], ['import', 'people', 'p.csv'])]
n = subprocess.run([DFNC, '--db', 'early.db', 'badges', '--output', 'early.pdf'], capture_output=True)
text = tool('pdftotext', 'early.pdf', '-').stdout if n.returncode == 0 else ''
ok(all(x.returncode == 0 for x in early) and n.returncode == 0 and 'Олена Бойко' in text
   and codes('early.pdf', 1) == ['p-1'], 'no event yet: her badge, naming no event',
   n.stderr.decode() + text)
end()
