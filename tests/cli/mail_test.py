#!/usr/bin/env python3
"""The mail dfnc sends people, received by a real SMTP listener on
127.0.0.1: a request sent over the API queues "X asks to meet you" for its
addressee (in Ukrainian: her languages put uk first), `dfnc mail send`
hands it to the server once, the accept queues the requester's mail (in
English); nothing is queued while mail is off, nor for someone who turned
it off; a server that refuses or is not there leaves the mail queued with
its try and error. At a published event: the publication mails each
person her meetings once, a move by the organisers both people the new
time, a cancel the other side, an introduction both, an accept the run
places its time, a booking both; two messages one mail until the thread is
read; an import moving the session one mail each. The From's display name
arrives encoded; serve --smtp on a port in use leaves the mail off. The
organisers' reminder, day's mail and question of outcomes from the command
line (dfnc mail remind, dfnc mail day, dfnc mail outcomes): counts, dry runs,
audit lines by cli, refusals by exit code.
Usage: mail_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import email
import email.policy
import http.cookiejar
import json
import os
import re
import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime, timedelta, timezone

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
scratch()
DB = 'mail.db'
URL = 'https://forum.example.eu'


def dfnc(*args, stdin=None, env=None):
    return subprocess.run([DFNC, '--db', DB] + list(args), capture_output=True, text=True,
                          input=stdin, env=env, timeout=60)


class Receiver(socketserver.ThreadingTCPServer):
    """A tiny SMTP server (RFC 5321's happy path): each message kept whole
    with its envelope; refuse=True answers every RCPT with 550."""
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, refuse=False, one_each=False):
        self.got, self.refuse, self.one_each, self.connections = [], refuse, one_each, 0
        super().__init__(('127.0.0.1', 0), Session)


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write(line.encode() + b'\r\n')

    def handle(self):
        self.server.connections += 1
        self.say('220 test ESMTP')
        envelope = {'rcpt': []}
        while True:
            line = self.rfile.readline().decode('ascii', 'replace').strip()
            verb = line[:4].upper()
            if not line or verb == 'QUIT':
                self.say('221 bye')
                return
            if verb in ('EHLO', 'HELO'):
                self.say('250 test')
            elif verb == 'MAIL':
                envelope = {'from': line[10:], 'rcpt': []}
                self.say('250 ok')
            elif verb == 'RCPT':
                if self.server.refuse:
                    self.say('550 no such user here')
                else:
                    envelope['rcpt'].append(line[8:])
                    self.say('250 ok')
            elif verb == 'DATA':
                self.say('354 go on')
                data = b''
                while not data.endswith(b'\r\n.\r\n'):
                    part = self.rfile.readline()
                    if not part:
                        return
                    data += part
                envelope['data'] = data[:-3]
                self.server.got.append(envelope)
                self.say('250 queued')
                if self.server.one_each:   # a server that takes one message a connection
                    return
            else:
                self.say('250 ok')


def listening(refuse=False, one_each=False):
    srv = Receiver(refuse, one_each)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def send(srv_or_port):
    port = srv_or_port if isinstance(srv_or_port, int) else srv_or_port.server_address[1]
    return dfnc('mail', 'send', '--smtp', 'smtp://127.0.0.1:%d' % port,
                '--mail-from', 'forum@dfnc.example.eu', '--timeout', '5')


def outbox():
    c = sqlite3.connect(DB)
    rows = c.execute('SELECT to_addr, kind, status, attempts, last_error, next_try_at, subject'
                     ' FROM mail_outbox ORDER BY rid').fetchall()
    c.close()
    return rows


def write(name, text):
    with open(name, 'w', encoding='utf-8') as f:
        f.write(text)


write('orgs.csv', 'id,name,country,kind,sme,city,website,description,name_uk\n'
      'o-ua,Drone Works,UA,company,1,Kyiv,,,Дрон Воркс\n'
      'o-de,Rhein Armour,DE,company,0,Bonn,,,\n')
write('people.csv', 'id,organisation,name,email,title,languages\n'
      'p-olena,o-ua,Олена Коваль,olena@ua.example,CEO,uk;en\n'
      'p-hans,o-de,Hans Weber,hans@de.example,CTO,de;en;uk\n'
      'p-nomail,o-de,Nina Ohne,,Buyer,en\n')
write('events.csv', 'id,name,starts_on,ends_on,venue,timezone,name_uk\n'
      'ev,DFNC2 Brussels,2027-06-03,2027-06-04,Brussels,Europe/Brussels,DFNC2 Брюссель\n')
for args in (['init'], ['import', 'organisations', 'orgs.csv'], ['import', 'people', 'people.csv'],
             ['import', 'events', 'events.csv']):
    p = dfnc(*args)
    ok(p.returncode == 0, ' '.join(args), p.stdout + p.stderr)
for who, person in (('olena', 'p-olena'), ('hans', 'p-hans'), ('nina', 'p-nomail')):
    p = dfnc('user', 'add', '--email', who + '@login.example', '--role', 'participant',
             '--person', person, '--password-stdin', stdin='mail-pass-12345\n')
    ok(p.returncode == 0, 'a login for ' + who, p.stderr)


class Client:
    def __init__(self, base, login):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        r = self.call('POST', '/session', {'email': login, 'password': 'mail-pass-12345'})
        self.csrf = r['csrf_token']

    def call(self, method, path, body=None):
        req = urllib.request.Request(self.base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={'Content-Type': 'application/json',
                                              'X-CSRF-Token': getattr(self, 'csrf', '')})
        try:
            with self.opener.open(req) as resp:
                return json.loads(resp.read() or b'{}')
        except urllib.error.HTTPError as e:
            return {'status': e.code, 'body': e.read().decode()}


def serving():
    server = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--no-access-log'],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    port = re.search(r'127\.0\.0\.1:(\d+)', line).group(1)
    return server, 'http://127.0.0.1:%s/api/v1' % port


server, base = serving()
try:
    hans, olena, nina = (Client(base, w + '@login.example') for w in ('hans', 'olena', 'nina'))
    # mail off: a request queues nothing
    r = nina.call('POST', '/requests', {'event': 'ev', 'to': 'p-olena', 'message': 'Hallo'})
    ok('id' in r, 'a request while mail is off', r)
    ok(outbox() == [], '... queues nothing: the forum has no mail set up', outbox())
    p = dfnc('mail', 'setup', '--public-url', URL + '/')
    ok(p.returncode == 0 and 'on' in p.stdout, 'dfnc mail setup --public-url', p.stderr)
    r = hans.call('POST', '/requests',
                  {'event': 'ev', 'to': 'p-olena',
                   'message': 'Counter-drone sensors?\r\nBcc: victim@evil.example'})
    ok('id' in r, 'hans asks olena', r)
    req = r.get('id')
    rows = outbox()
    ok(len(rows) == 1 and rows[0][:4] == ('olena@ua.example', 'request', 'queued', 0),
       '... one mail queued for olena, in the request\'s transaction', rows)
    # olena answers nina's request: nina has no address, so no mail
    mine = [x for x in olena.call('GET', '/requests')['requests'] if x['from'] == 'p-nomail']
    olena.call('POST', '/requests/%s/decline' % mine[0]['id'])
    ok(len(outbox()) == 1, 'a decline to someone without an address queues nothing', outbox())
finally:
    server.terminate()
    server.wait(timeout=30)

srv = listening()
p = send(srv)
ok(p.returncode == 0 and 'sent: 1\nfailed: 0' in p.stdout, 'dfnc mail send: sent 1',
   p.stdout + p.stderr)
ok(len(srv.got) == 1 and srv.got[0]['rcpt'] == ['<olena@ua.example>'] and
   srv.got[0]['from'] == '<forum@dfnc.example.eu>', '... to olena, from --mail-from', srv.got)
raw = srv.got[0]['data'] if srv.got else b''
msg = email.message_from_bytes(raw, policy=email.policy.default)
ok(msg['Subject'] == 'Запит на зустріч: Hans Weber (Rhein Armour)',
   '... its subject in Ukrainian (uk before en in her languages)', msg['Subject'])
ok(raw.startswith(b'Date: ') and b'\r\nSubject: =?UTF-8?B?' in raw,
   '... the subject as RFC 2047 encoded-words', raw[:300])
body = msg.get_content() if srv.got else ''
ok(URL + '/requests' in body and 'Counter-drone sensors?' in body and '«DFNC2 Брюссель»' in body,
   '... the link to her requests page, the message, the event in Ukrainian', body)
headers = raw.split(b'\r\n\r\n', 1)[0]
ok(b'Bcc' not in headers and b'victim' not in raw.split(b'\r\n\r\n', 1)[0],
   'a line break in the message makes no header', headers)
ok(all(len(line) <= 78 for line in raw.split(b'\r\n')), 'every line within 78 characters',
   max(raw.split(b'\r\n'), key=len))
for h in ('Message-ID', 'MIME-Version', 'Content-Transfer-Encoding', 'Auto-Submitted', 'To'):
    ok(msg[h], '... a %s header' % h, headers)
p = send(srv)
ok(p.returncode == 0 and 'sent: 0' in p.stdout and len(srv.got) == 1,
   'a second run sends nothing more', p.stdout + str(len(srv.got)))
ok(outbox()[0][2:4] == ('sent', 1), '... the mail kept as sent', outbox())

# olena accepts: hans hears it, in English; then olena turns her mail off
server, base = serving()
try:
    olena = Client(base, 'olena@login.example')
    r = olena.call('POST', '/requests/%s/accept' % req)
    ok(r.get('status') == 'accepted', 'olena accepts', r)
    rows = outbox()
    ok(len(rows) == 2 and rows[1][:3] == ('hans@de.example', 'accepted', 'queued') and
       rows[1][6] == 'Олена Коваль (Drone Works) accepted your meeting request',
       '... hans\'s mail queued, in English (en before uk in his)', rows)
    ok(olena.call('GET', '/me/mail') == {'notify': True}, 'GET /me/mail: notify by default')
    r = olena.call('PUT', '/me/mail', {'notify': 'no'})
    ok(r.get('status') == 422, 'PUT /me/mail with a notify not true or false: 422', r)
    r = olena.call('PUT', '/me/mail', {'notify': False})
    ok(r == {'notify': False}, 'olena turns her mail off', r)
    nina = Client(base, 'nina@login.example')
    r = nina.call('POST', '/requests', {'event': 'ev', 'to': 'p-olena'})
    ok('id' in r and len(outbox()) == 2, '... a new request to her queues none', outbox())
finally:
    server.terminate()
    server.wait(timeout=30)

# a server that refuses the address, then one that is not there: queued, tried once
refusing = listening(refuse=True)
p = send(refusing)
rows = outbox()
ok(p.returncode == 1 and 'failed: 1' in p.stdout, 'a refusing server: failed 1, exit 1',
   p.stdout + p.stderr)
ok(rows[1][2:4] == ('queued', 1) and rows[1][4] and '550' in rows[1][4],
   '... the mail stays queued with attempts 1 and the server\'s error', rows)
soon = (datetime.now(timezone.utc) + timedelta(seconds=50)).strftime('%Y-%m-%dT%H:%M:%SZ')
ok(rows[1][5] > soon, '... due again a minute later', (rows[1][5], soon))
c = sqlite3.connect(DB)
c.execute("UPDATE mail_outbox SET next_try_at = '2000-01-01T00:00:00Z' WHERE status = 'queued'")
c.commit()
c.close()
with socket.socket() as s:
    s.bind(('127.0.0.1', 0))
    closed = s.getsockname()[1]
p = send(closed)
rows = outbox()
ok(p.returncode == 1 and rows[1][2:4] == ('queued', 2) and rows[1][4],
   'nobody listening: still queued, a second try and its error', rows)
p = dfnc('mail', 'status')
ok(p.returncode == 0 and 'queued: 1' in p.stdout and 'sent: 1' in p.stdout and
   'last error: ' in p.stdout, 'dfnc mail status', p.stdout + p.stderr)

# serve --smtp: its own thread sends what is due, at once on start, and stops with the server
c = sqlite3.connect(DB)
c.execute("UPDATE mail_outbox SET next_try_at = '2000-01-01T00:00:00Z' WHERE status = 'queued'")
c.commit()
c.close()
before = len(srv.got)
server = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--no-access-log',
                           '--public-url', URL, '--smtp', 'smtp://127.0.0.1:%d' % srv.server_address[1],
                           '--mail-from', 'forum@dfnc.example.eu'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    for _ in range(100):
        if len(srv.got) > before:
            break
        time.sleep(0.1)
finally:
    server.terminate()
    rc = server.wait(timeout=30)
ok(len(srv.got) == before + 1 and srv.got[-1]['rcpt'] == ['<hans@de.example>'],
   'serve --smtp sends the mail due from its own thread', srv.got[before:])
ok(rc == 0 and outbox()[1][2] == 'sent', '... marks it sent and stops with the server',
   (rc, outbox()))

for args, name in ((['send', '--smtp', 'http://x', '--mail-from', 'a@b.eu'], 'an http URL'),
                   (['send', '--smtp', 'smtp://x:25'], '--smtp without --mail-from'),
                   (['send', '--smtp', 'smtp://x:25', '--mail-from', 'a@b.eu\r\nBcc: c@d.eu'],
                    'a --mail-from with a line break'),
                   (['send', '--smtp', 'smtp://x:25', '--mail-from', 'a@b.eu', '--smtp-user', 'u'],
                    '--smtp-user without DFNC_SMTP_PASSWORD'),
                   (['setup'], 'setup without --public-url or --off')):
    env = dict(os.environ)
    env.pop('DFNC_SMTP_PASSWORD', None)
    p = dfnc('mail', *args, env=env)
    ok(p.returncode == 2, name + ' is a usage error', p.stderr)
p = subprocess.run([DFNC, '--db', DB, 'serve', '--port', '0', '--smtp', 'smtp://127.0.0.1:1',
                    '--mail-from', 'a@b.eu'], capture_output=True, text=True, timeout=30)
ok(p.returncode == 2 and '--public-url' in p.stderr, 'serve --smtp without --public-url: usage',
   p.stderr)
# hans reads the pages in Ukrainian: the language he chose wins over his list's order
server, base = serving()
try:
    olena = Client(base, 'olena@login.example')
    hans = Client(base, 'hans@login.example')
    r = hans.call('PUT', '/me', {'ui_language': 'uk'})
    ok(r.get('id') == 'p-hans', 'hans chooses Ukrainian for the pages', r)
    r = olena.call('POST', '/requests/%s/cancel' % req)
    ok(r.get('status') == 'cancelled', 'olena cancels their meeting', r)
    r = hans.call('POST', '/requests', {'event': 'ev', 'to': 'p-olena'})
    ok('id' in r, 'hans asks again', r)
    r = olena.call('POST', '/requests/%s/accept' % r.get('id'))
    last = outbox()[-1]
    ok(r.get('status') == 'accepted' and last[:3] == ('hans@de.example', 'accepted', 'queued') and
       'Олена Коваль (Дрон Воркс)' in last[6] and 'accepted' not in last[6],
       '... his mail now in Ukrainian, the language he chose for the pages', last)
finally:
    server.terminate()
    server.wait(timeout=30)

# ---- a published event: each person's agenda, then each change to it, by mail ----------------
write('more-orgs.csv', 'id,name,country,kind,sme,city,website,description\n'
      'o-pl,Vistula Optics,PL,company,1,Gdansk,,\n')
write('more-people.csv', 'id,organisation,name,email,title,languages\n'
      'p-anna,o-pl,Anna Nowak,anna@pl.example,CEO,pl;en\n')
for args in (['import', 'organisations', 'more-orgs.csv'], ['import', 'people', 'more-people.csv']):
    p = dfnc(*args)
    ok(p.returncode == 0, ' '.join(args), p.stdout + p.stderr)
for who, person, role in (('anna', 'p-anna', 'participant'), ('org', None, 'organiser')):
    p = dfnc('user', 'add', '--email', who + '@login.example', '--role', role,
             *(['--person', person] if person else []), '--password-stdin',
             stdin='mail-pass-12345\n')
    ok(p.returncode == 0, 'a login for ' + who, p.stderr)


def mark():
    c = sqlite3.connect(DB)
    n = c.execute('SELECT coalesce(max(rid), 0) FROM mail_outbox').fetchone()[0]
    c.close()
    return n


def mails(since):
    """The mails queued after rid since: {address: [(kind, subject, body)]}."""
    c = sqlite3.connect(DB)
    rows = c.execute('SELECT to_addr, kind, subject, body FROM mail_outbox WHERE rid > ?'
                     ' ORDER BY rid', (since,)).fetchall()
    c.close()
    got = {}
    for to, kind, subject, body in rows:
        got.setdefault(to, []).append((kind, subject, body))
    return got


KYIV = {'id': 'ev-kyiv', 'name': 'Kyiv Defence Days', 'name_uk': 'Дні оборони в Києві',
        'venue': 'Kyiv', 'timezone': 'Europe/Kyiv', 'starts_on': '2027-06-10',
        'ends_on': '2027-06-10',
        'sessions': [{'id': 'k-b2b', 'day': '2027-06-10', 'name': 'B2B', 'kind': 'b2b',
                      'starts_at': '2027-06-10T10:00:00+03:00',
                      'ends_at': '2027-06-10T11:30:00+03:00',
                      'slots': [{'id': 'k-%d' % i, 'seq': i,
                                 'starts_at': '2027-06-10T%s:00+03:00' % a,
                                 'ends_at': '2027-06-10T%s:00+03:00' % b}
                                for i, (a, b) in enumerate((('10:00', '10:30'), ('10:30', '11:00'),
                                                            ('11:00', '11:30')), 1)]}],
        'locations': [{'id': 'k-t1', 'name': 'Стіл 1'}, {'id': 'k-t2', 'name': 'Стіл 2'}]}
server, base = serving()
try:
    org = Client(base, 'org@login.example')
    hans, olena, anna = (Client(base, w + '@login.example') for w in ('hans', 'olena', 'anna'))
    r = org.call('POST', '/events', KYIV)
    ok(r.get('id') == 'ev-kyiv', 'the organisers make an event in Kyiv', r)
    ok(olena.call('PUT', '/me/mail', {'notify': True}) == {'notify': True},
       'olena turns her mail on again')
    ho = hans.call('POST', '/requests', {'event': 'ev-kyiv', 'to': 'p-olena'}).get('id')
    ao = anna.call('POST', '/requests', {'event': 'ev-kyiv', 'to': 'p-olena'}).get('id')
    for rq in (ho, ao):
        r = olena.call('POST', '/requests/%s/accept' % rq)
        ok(r.get('status') == 'accepted', 'olena accepts ' + str(rq), r)
    p = dfnc('schedule', '--event', 'ev-kyiv')
    ok(p.returncode == 0, 'the organisers schedule it', p.stdout + p.stderr)

    # the publication: one mail each, listing her meetings at the event's zone
    m = mark()
    r = org.call('POST', '/events/ev-kyiv/publish')
    got = mails(m)
    ok(sorted(got) == ['anna@pl.example', 'hans@de.example', 'olena@ua.example'] and
       all(len(v) == 1 and v[0][0] == 'agenda' for v in got.values()),
       'publishing: each of its three people gets one mail, her agenda', got)
    kind, subject, body = got.get('olena@ua.example', [('', '', '')])[0]
    ok(subject == 'Ваші зустрічі на заході «Дні оборони в Києві»' and
       'Ваші зустрічі (2):' in body and 'з Hans Weber (Rhein Armour)' in body and
       'з Anna Nowak (Vistula Optics)' in body and '10 червня 2027' in body and
       '(Europe/Kyiv, UTC+03:00)' in body and 'стіл Стіл ' in body and URL + '/agenda' in body,
       '... olena\'s, in Ukrainian: both meetings, partners, times at Kyiv, tables, the link',
       (subject, body))
    kind, subject, body = got.get('anna@pl.example', [('', '', '')])[0]
    ok(subject == 'Your meetings at Kyiv Defence Days' and 'Your meetings (1):' in body and
       'with Олена Коваль (Drone Works)' in body and 'Thursday 10 June 2027' in body,
       '... anna\'s, in English: her one meeting', (subject, body))

    # the organisers move hans and olena's meeting: both hear the new time
    mv = org.call('GET', '/console/meetings/%s/moves' % ho)
    to = (mv.get('options') or [{}])[0]
    m = mark()
    r = org.call('POST', '/console/meetings/%s/move' % ho,
                 {'slot': to.get('slot'), 'location': to.get('location')})
    got = mails(m)
    new_time = (to.get('start') or 'T??:??')[11:16]
    ok(sorted(got) == ['hans@de.example', 'olena@ua.example'] and
       all(len(v) == 1 and v[0][0] == 'changed' for v in got.values()),
       'a move by the organisers: one mail to each of its two people', (r, got))
    kind, subject, body = got.get('olena@ua.example', [('', '', '')])[0]
    ok(subject == 'Зустріч перенесено: Hans Weber (Rhein Armour)' and
       ('тепер: четвер, 10 червня 2027, %s–' % new_time) in body and 'було: ' in body,
       '... olena\'s says its new time and the old one', (new_time, subject, body))

    # hans cancels it: olena hears it, hans (who did it) does not
    m = mark()
    r = hans.call('POST', '/requests/%s/cancel' % ho)
    got = mails(m)
    ok(r.get('status') == 'cancelled' and list(got) == ['olena@ua.example'] and
       got['olena@ua.example'][0][:2] == ('changed', 'Зустріч скасовано: Hans Weber (Rhein Armour)')
       and 'ініціатор змін: Hans Weber' in got['olena@ua.example'][0][2],
       'hans cancels: olena\'s mail says so and who, none to hans', got)

    # the organisers introduce hans to anna: both hear it, each naming the other
    m = mark()
    r = org.call('POST', '/console/requests', {'event': 'ev-kyiv', 'from': 'p-hans',
                                               'to': 'p-anna', 'message': 'Sensors meet optics'})
    intro = r.get('id')
    got = mails(m)
    ok(sorted(got) == ['anna@pl.example', 'hans@de.example'] and
       got['anna@pl.example'][0][:2] == ('introduced',
                                         'The organisers introduce you to Hans Weber (Rhein Armour)')
       and 'Sensors meet optics' in got['anna@pl.example'][0][2] and
       URL + '/requests' in got['anna@pl.example'][0][2] and
       got['hans@de.example'][0][1] == 'Організатори знайомлять вас: Anna Nowak (Vistula Optics)',
       'an introduction: both get a mail naming the other, the organisers\' words, the link', got)

    # anna accepts at the published event: the run places it, and hans's mail says when
    m = mark()
    r = anna.call('POST', '/requests/%s/accept' % intro)
    got = mails(m)
    body = got.get('hans@de.example', [('', '', '')])[0][2]
    ok(r.get('status') == 'accepted' and list(got) == ['hans@de.example'] and
       'Зустріч: четвер, 10 червня 2027, ' in body and 'UTC+03:00' in body and
       'зʼявляться у вашому розкладі' not in body,
       'an accept the run places just after: the mail says its time', (r, got))

    # messages: two in a row make one mail; after she reads the thread, a new one another
    m = mark()
    for text in ('We are at stand 12', 'Or at the café?'):
        r = anna.call('POST', '/requests/%s/messages' % ao, {'text': text})
    got = mails(m)
    ok(list(got) == ['olena@ua.example'] and len(got['olena@ua.example']) == 1 and
       got['olena@ua.example'][0][:2] == ('message', 'Нове повідомлення: Anna Nowak (Vistula Optics)')
       and 'We are at stand 12' in got['olena@ua.example'][0][2],
       'two messages in a row: one mail to olena, with the first', got)
    olena.call('GET', '/requests/%s/messages' % ao)
    m = mark()
    anna.call('POST', '/requests/%s/messages' % ao, {'text': 'See you at ten'})
    got = mails(m)
    ok(len(got.get('olena@ua.example', [])) == 1 and
       'See you at ten' in got['olena@ua.example'][0][2],
       'after she read the thread, a new message: a new mail', got)
finally:
    server.terminate()
    server.wait(timeout=30)

# an import moves the B2B session an hour later: each person one mail, all her moves in it
p = dfnc('export', 'sessions', 'sessions.csv')
rows = list(csv.DictReader(open('sessions.csv', encoding='utf-8')))
for x in rows:
    if x['event'] == 'ev-kyiv':
        for k in ('start', 'end'):
            x[k] = '%02d%s' % (int(x[k][:2]) + 1, x[k][2:])
with open('later.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
m = mark()
p = dfnc('import', 'sessions', 'later.csv')
got = mails(m)
anna_mail = got.get('anna@pl.example', [('', '', '')])
ok(p.returncode == 0 and sorted(got) == ['anna@pl.example', 'hans@de.example', 'olena@ua.example']
   and all(len(v) == 1 and v[0][0] == 'changed' for v in got.values()) and
   anna_mail[0][1] == 'Changes to your meetings at Kyiv Defence Days' and
   anna_mail[0][2].count('- Moved: ') == 2,
   'a sessions import moving the session: one mail each, anna\'s with her two meetings',
   (p.stdout, p.stderr, got))

# the organisers book hans and olena at the desk, no time given: the run places it, both hear when
server, base = serving()
try:
    org = Client(base, 'org@login.example')
    m = mark()
    r = org.call('POST', '/console/requests', {'event': 'ev-kyiv', 'from': 'p-hans',
                                               'to': 'p-olena', 'agreed': True})
    got = mails(m)
    ok(r.get('status') == 'accepted' and sorted(got) == ['hans@de.example', 'olena@ua.example']
       and all(len(v) == 1 and v[0][0] == 'booked' for v in got.values()) and
       got['olena@ua.example'][0][1] == 'Організатори призначили вам зустріч: Hans Weber '
                                        '(Rhein Armour)' and
       'Зустріч: четвер, 10 червня 2027, ' in got['olena@ua.example'][0][2],
       'a booking by the organisers: both hear it, with the time its run gave it', (r, got))
finally:
    server.terminate()
    server.wait(timeout=30)

# the From header: a display name given, encoded; else the forum's first event's name
srv2 = listening()
port = srv2.server_address[1]
p = dfnc('mail', 'send', '--smtp', 'smtp://127.0.0.1:%d' % port, '--mail-from',
         'Форум DFNC <forum@dfnc.example.eu>', '--timeout', '5')
raw = srv2.got[0]['data'] if srv2.got else b''
frm = email.message_from_bytes(raw, policy=email.policy.default)['From'] if raw else None
ok(p.returncode == 0 and b'\r\nFrom: =?UTF-8?B?' in raw and frm is not None and
   frm.addresses[0].display_name == 'Форум DFNC' and
   frm.addresses[0].addr_spec == 'forum@dfnc.example.eu' and
   srv2.got[0]['from'] == '<forum@dfnc.example.eu>',
   '--mail-from "Name <addr>": the name arrives as encoded-words', (p.stdout, p.stderr, raw[:300]))
c = sqlite3.connect(DB)
c.execute("UPDATE mail_outbox SET status = 'queued', next_try_at = '2000-01-01T00:00:00Z'"
          " WHERE rid = (SELECT max(rid) FROM mail_outbox)")
c.commit()
c.close()
p = send(srv2)
frm = email.message_from_bytes(srv2.got[-1]['data'], policy=email.policy.default)['From']
ok(p.returncode == 0 and frm.addresses[0].display_name == 'DFNC2 Brussels' and
   b'From: "DFNC2 Brussels" <forum@dfnc.example.eu>\r\n' in srv2.got[-1]['data'],
   'a bare --mail-from: the name of the forum\'s first event', srv2.got[-1]['data'][:200])
p = dfnc('mail', 'send', '--smtp', 'smtp://127.0.0.1:%d' % port, '--mail-from',
         'Forum\r\nBcc: x@evil.example <forum@dfnc.example.eu>')
ok(p.returncode == 2, 'a --mail-from name with a line break is refused', p.stderr)

def anon(base, method, path, body=None):
    """A call without a session (the sign-in page's, the application form's)."""
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(req) as resp:
            return json.loads(resp.read() or b'{}')
    except urllib.error.HTTPError as e:
        return {'status': e.code, 'body': e.read().decode()}


def outbox_row(kind):
    """The newest mail of kind: (to, status, body, last_error)."""
    c = sqlite3.connect(DB)
    row = c.execute('SELECT to_addr, status, body, last_error FROM mail_outbox WHERE kind = ?'
                    ' ORDER BY rid DESC LIMIT 1', (kind,)).fetchone()
    c.close()
    return row or ('', '', '', '')


def holding(token):
    """How many rows of the outbox hold token anywhere."""
    c = sqlite3.connect(DB)
    n = c.execute("SELECT count(*) FROM mail_outbox WHERE instr(body, ?) OR instr(subject, ?)",
                  (token, token)).fetchone()[0]
    c.close()
    return n


def link_in(msg_or_body):
    m = re.search(r'/welcome#([A-Za-z0-9_-]{20,})', msg_or_body)
    return m.group(1) if m else None


# "forgot your password?": olena asks the sign-in page; the link comes in
# Ukrainian even with her mail turned off, works, and leaves the outbox
server, base = serving()
srv3 = listening()
try:
    olena = Client(base, 'olena@login.example')
    ok(olena.call('PUT', '/me/mail', {'notify': False}) == {'notify': False},
       'olena turns her mail off')
    ok(anon(base, 'GET', '/session/reset') == {'available': True, 'expires_in': 3600},
       'the sign-in page may offer a link by mail: the forum sends mail')
    m = mark()
    r = anon(base, 'POST', '/session/reset', {'email': 'olena@login.example'})
    r2 = anon(base, 'POST', '/session/reset', {'email': 'nobody@login.example'})
    r3 = anon(base, 'POST', '/session/reset', {'email': 'org@login.example'})
    got = mails(m)
    ok(r == r2 == r3 == {'status': 'asked', 'expires_in': 3600} and list(got) ==
       ['olena@login.example'] and [x[0] for x in got['olena@login.example']] == ['reset'],
       'hers, nobody\'s and an organiser\'s address: one answer, one mail, hers', (r, r2, r3, got))
    p = send(srv3)
    msg = email.message_from_bytes(srv3.got[-1]['data'], policy=email.policy.default) \
        if srv3.got else {}
    body = msg.get_content() if srv3.got else ''
    token = link_in(body)
    ok(p.returncode == 0 and srv3.got and srv3.got[-1]['rcpt'] == ['<olena@login.example>'] and
       msg['Subject'] == 'Нове посилання для входу на сторінки форуму' and
       (URL + '/welcome#') in body and 'діє одну годину' in body and 'Вимкніть' not in body,
       'the reset mail arrives, in Ukrainian, with her link of one hour (no opt-out line)',
       (p.stdout, p.stderr, body))
    row = outbox_row('reset')
    ok(token and row[1] == 'sent' and row[2] == '' and holding(token) == 0,
       '... once sent, the outbox no longer holds the token', row)
    r = anon(base, 'GET', '/invitations/%s' % token)
    ok(r.get('name') == 'Олена Коваль', 'the link greets her', r)
    r = anon(base, 'POST', '/invitations/%s' % token, {'password': 'olena-new-pass-2'})
    ok('csrf_token' in r, '... sets her new password and signs her in', r)
    ok(olena.call('GET', '/me').get('status') == 401, '... her other session has ended')

    # a link mail not sent before its link expires is never sent, and wiped
    anon(base, 'POST', '/session/reset', {'email': 'hans@login.example'})
    c = sqlite3.connect(DB)
    c.execute("UPDATE mail_outbox SET link_expires_at = '2000-01-01T00:00:00Z'"
              " WHERE rid = (SELECT max(rid) FROM mail_outbox)")
    c.commit()
    c.close()
    before = len(srv3.got)
    p = send(srv3)
    row = outbox_row('reset')
    ok(p.returncode == 0 and len(srv3.got) == before and row[0] == 'hans@login.example' and
       row[1] == 'failed' and row[2] == '' and 'expired' in (row[3] or ''),
       'a link mail whose link expired is given up, not sent, its body wiped', (p.stdout, row))

    # a failed try whose next would come after the link expires: given up, wiped
    anon(base, 'POST', '/session/reset', {'email': 'hans@login.example'})
    soon = (datetime.now(timezone.utc) + timedelta(seconds=30)).strftime('%Y-%m-%dT%H:%M:%SZ')
    c = sqlite3.connect(DB)
    c.execute("UPDATE mail_outbox SET link_expires_at = ? WHERE rid = (SELECT max(rid)"
              " FROM mail_outbox)", (soon,))
    c.commit()
    c.close()
    refusing = listening(refuse=True)
    p = send(refusing)
    row = outbox_row('reset')
    ok(row[1] == 'failed' and row[2] == '' and '550' in (row[3] or ''),
       'a link mail that failed, its link expiring before a retry: given up, body wiped',
       (p.stdout, row))

    # the desk sends hans his new link: shown once, and mailed
    org = Client(base, 'org@login.example')
    m = mark()
    r = org.call('POST', '/console/people/p-hans/invitation', {'mail': True})
    got = mails(m)
    desk = link_in(r.get('link') or '')
    ok(r.get('mailed') is True and desk and list(got) == ['hans@login.example'] and
       got['hans@login.example'][0][0] == 'signin' and desk in got['hans@login.example'][0][2]
       and 'стійці допомоги' in got['hans@login.example'][0][2],
       'the desk\'s link mailed to hans, in Ukrainian, the one the desk shows', (r, got))

    # applications: an approval mails her first link, a decline a short note
    org.call('PUT', '/console/applications/open', {'open': True})
    for who, name in (('iryna', 'Ірина Шевчук'), ('marek', 'Marek Novak')):
        r = anon(base, 'POST', '/applications',
                 {'name': name, 'email': '%s@apply.example' % who,
                  'languages': 'uk' if who == 'iryna' else 'cs;en',
                  'organisation_name': 'Shield %s' % who,
                  'organisation_country': 'UA' if who == 'iryna' else 'CZ',
                  'organisation_kind': 'company'})
        ok('id' in r, '%s applies' % who, r)
        if who == 'iryna':
            iryna = r.get('id')
        else:
            marek = r.get('id')
    m = mark()
    r = org.call('POST', '/console/applications/%s/approve' % iryna)
    got = mails(m)
    first = link_in(r.get('link') or '')
    mail = got.get('iryna@apply.example', [('', '', '')])[0]
    ok(r.get('mailed') is True and first and mail[0] == 'approved' and first in mail[2] and
       mail[1] == 'Вашу заявку на участь у форумі схвалено' and '14 днів' in mail[2],
       'approving iryna mails her, in Ukrainian, the link the console shows once', (r, got))
    m = mark()
    r = org.call('POST', '/console/applications/%s/decline' % marek)
    got = mails(m)
    mail = got.get('marek@apply.example', [('', '', '')])[0]
    ok(r.get('mailed') is True and mail[0] == 'not_approved' and
       mail[1] == 'Your application to take part in the forum' and
       'cannot offer you a place' in mail[2] and '/welcome' not in mail[2],
       'declining marek mails him a short note in English, no link, no reason', (r, got))
    p = send(srv3)
    ok(p.returncode == 0 and holding(first) == 0 and holding(desk) == 0,
       'once sent, neither link is in the outbox', p.stdout)
finally:
    server.terminate()
    server.wait(timeout=30)

# serve --smtp on a port in use: the server never starts, and the forum's mail stays off
p = dfnc('mail', 'setup', '--off')
ok(p.returncode == 0, 'mail setup --off', p.stderr)
with socket.socket() as taken:
    taken.bind(('127.0.0.1', 0))
    taken.listen()
    p = subprocess.run([DFNC, '--db', DB, 'serve', '--port', str(taken.getsockname()[1]),
                        '--public-url', URL, '--smtp', 'smtp://127.0.0.1:%d' % port,
                        '--mail-from', 'forum@dfnc.example.eu'],
                       capture_output=True, text=True, timeout=30)
c = sqlite3.connect(DB)
config = c.execute('SELECT count(*) FROM mail_config').fetchone()[0]
c.close()
ok(p.returncode != 0 and config == 0,
   'serve --smtp on a port in use fails and leaves the forum\'s mail off', (p.returncode, config,
                                                                            p.stderr))
# ---- invitations by mail (dfnc user invite --mail) ----------------------------------------------
write('invitees.csv', 'id,organisation,name,email,title,languages\n'
      'p-ivan,o-ua,Іван Новий,ivan@ua.example,CTO,\n'
      'p-eve,o-de,Eve Neu,eve@de.example,Buyer,de;en\n')
p = dfnc('import', 'people', 'invitees.csv')
ok(p.returncode == 0, 'two people with no login yet', p.stderr)


def count(sql):
    c = sqlite3.connect(DB)
    n = c.execute(sql).fetchone()[0]
    c.close()
    return n


LOGINS = "SELECT count(*) FROM users WHERE email IN ('ivan@ua.example', 'eve@de.example')"
INVITATIONS = "SELECT count(*) FROM mail_outbox WHERE kind = 'invitation'"
p = dfnc('user', 'invite', '--all', '--mail')
ok(p.returncode == 3 and 'sends no mail' in p.stderr and 'mail setup' in p.stderr and
   count(LOGINS) == 0 and count(INVITATIONS) == 0,
   'user invite --mail while mail is off: refused (exit 3), nobody invited, nothing queued',
   (p.returncode, p.stderr))
p = dfnc('mail', 'setup', '--public-url', URL)
ok(p.returncode == 0, 'mail setup again', p.stderr)
p = dfnc('user', 'invite', '--all', '--mail', '--public-url', 'https://elsewhere.example')
ok(p.returncode == 3 and 'not the address the forum\'s mail links to' in p.stderr and
   count(LOGINS) == 0, 'a --public-url other than the mail\'s: refused, nobody invited', p.stderr)
m = mark()
p = dfnc('user', 'invite', '--all', '--mail')
got = mails(m)
ok(p.returncode == 0 and 'invited 2 ' in p.stderr and 'mailed 2' in p.stderr and
   sorted(got) == ['eve@de.example', 'ivan@ua.example'] and
   all(len(v) == 1 and v[0][0] == 'invitation' for v in got.values()),
   'user invite --all --mail (no --out): one invitation mail per person invited',
   (p.stderr, got))
ivan = got.get('ivan@ua.example', [('', '', '')])[0]
eve = got.get('eve@de.example', [('', '', '')])[0]
ok(ivan[1] == 'Запрошення на захід «DFNC2 Брюссель»: задайте пароль' and
   'Організатори заходу «DFNC2 Брюссель» запрошують вас' in ivan[2] and
   '(Europe/Brussels, UTC+' in ivan[2] and 'Hello' not in ivan[2],
   '... ivan\'s in Ukrainian (a Ukrainian organisation\'s, no languages), the forum\'s '
   'Ukrainian name, until when at the event\'s zone', ivan)
ok(eve[1] == 'Your invitation to DFNC2 Brussels: choose your password' and
   'It works once, for 14 days: until ' in eve[2] and 'not meant for you' in eve[2],
   '... eve\'s in English', eve)
audit = count("SELECT detail FROM audit_log WHERE action = 'user.invite' ORDER BY rowid DESC")
ok('2 mailed' in audit, 'the run\'s audit line says how many were mailed', audit)
srv4 = listening()
p = send(srv4)
delivered = {e['rcpt'][0]: email.message_from_bytes(e['data'], policy=email.policy.default)
             for e in srv4.got}
body = delivered['<ivan@ua.example>'].get_content() if '<ivan@ua.example>' in delivered else ''
token = link_in(body)
ok(p.returncode == 0 and sorted(delivered) == ['<eve@de.example>', '<ivan@ua.example>'] and
   token and (URL + '/welcome#' + token) in body and
   delivered['<ivan@ua.example>']['Subject'] == ivan[1],
   'dfnc mail send delivers both, ivan\'s with his link', (p.stdout, p.stderr, sorted(delivered)))
ok(srv4.connections == 1,
   '... both over one connection: a batch pays the connection, TLS and login once',
   srv4.connections)
ok(count("SELECT count(*) FROM mail_outbox WHERE kind = 'invitation' AND status = 'sent'"
         " AND body = ''") == 2 and holding(token) == 0,
   '... once sent, both bodies wiped: the outbox holds no link', token)
server, base = serving()
try:
    r = anon(base, 'GET', '/invitations/%s' % token)
    ok(r.get('name') == 'Іван Новий', 'the mailed link greets ivan at /welcome', r)
    r = anon(base, 'POST', '/invitations/%s' % token, {'password': 'ivan-pass-12345'})
    ok('csrf_token' in r and r.get('user', {}).get('person') == 'p-ivan',
       '... and sets his password, signing him in', r)
finally:
    server.terminate()
    server.wait(timeout=30)
# one whose address no mail can carry: invited, its link in the CSV only
write('kyr.csv', 'id,organisation,name,email,title,languages\n'
      'p-kyr,o-ua,Кирило Адреса,кирило@ua.example,,uk\n')
p = dfnc('import', 'people', 'kyr.csv')
m = mark()
p = dfnc('user', 'invite', 'p-kyr', '--mail', '--out', '-')
ok(p.returncode == 0 and 'p-kyr,Кирило Адреса,кирило@ua.example' in p.stdout and
   (URL + '/welcome#') in p.stdout and 'not mailed 1' in p.stderr and mails(m) == {},
   '--mail --out -: an address no mail can carry is not mailed, its link in the CSV',
   (p.stdout, p.stderr, mails(m)))
# a server that takes one message a connection and closes it: the kept
# connection is found gone and opened again, every mail delivered once
server, base = serving()
try:
    org = Client(base, 'org@login.example')
    r = org.call('POST', '/console/announcements', {'text': 'Day two starts at 10:00', 'mail': True})
finally:
    server.terminate()
    server.wait(timeout=30)
queued = count("SELECT count(*) FROM mail_outbox WHERE status = 'queued'")
srv5 = listening(one_each=True)
p = send(srv5)
ok(p.returncode == 0 and queued >= 2 and len(srv5.got) == queued and
   len({e['rcpt'][0] for e in srv5.got}) == queued and srv5.connections == queued and
   count("SELECT count(*) FROM mail_outbox WHERE status = 'queued'") == 0,
   'a server closing each connection after one message: each mail delivered once, '
   'a new connection for each', (r, queued, len(srv5.got), srv5.connections, p.stdout, p.stderr))
# ---- the organisers' reminder and day's mail from the command line (cron, a terminal) ----------
c = sqlite3.connect(DB)
c.execute("INSERT INTO requests(id, event_rid, from_rid, to_rid, status, created_at)"
          " SELECT 'cli-rm', (SELECT rid FROM events WHERE id = 'ev-kyiv'),"
          " (SELECT rid FROM people WHERE id = 'p-anna'), (SELECT rid FROM people WHERE id = 'p-hans'),"
          " 'pending', '2027-01-01T10:00:00Z'")
c.commit()
c.close()
pending = count("SELECT count(*) FROM requests r JOIN events e ON e.rid = r.event_rid"
                " WHERE e.id = 'ev-kyiv' AND r.status = 'pending'")
m = mark()
p = dfnc('mail', 'remind', 'ev-kyiv', '--dry-run')
ok(p.returncode == 0 and p.stdout.startswith('dry run: nothing queued') and
   'event: ev-kyiv\npeople: 1\nrequests: %d\nmailed: 1\nreminded lately: 0\nnot mailed: 0\n'
   % pending in p.stdout and mails(m) == {} and
   count("SELECT count(*) FROM audit_log WHERE action = 'reminders.to_answer'") == 0,
   'dfnc mail remind EVENT --dry-run: hans would be mailed; nothing queued, no audit line',
   (pending, p.stdout, p.stderr, mails(m)))
p = dfnc('mail', 'remind', 'ev-kyiv')
got = mails(m)
ok(p.returncode == 0 and 'dry run' not in p.stdout and 'mailed: 1\n' in p.stdout and
   sorted(got) == ['hans@de.example'] and got['hans@de.example'][0][0] == 'to_answer' and
   'Anna Nowak (Vistula Optics)' in got['hans@de.example'][0][2],
   'dfnc mail remind EVENT: hans is mailed who asks him', (p.stdout, p.stderr, got))
audit = count("SELECT coalesce((SELECT actor || ' ' || entity_id || ': ' || detail"
              " FROM audit_log WHERE action = 'reminders.to_answer'), '')")
ok(audit == 'cli ev-kyiv: mailed 1 of 1 (0 reminded lately, 0 without mail)',
   '... its audit line by cli, as the CLI\'s other writes', audit)
m = mark()
p = dfnc('mail', '--dry-run', 'remind', 'ev-kyiv')
ok(p.returncode == 2 and 'usage' in p.stderr, 'an option before the subcommand: usage (2)', p.stderr)
p = dfnc('mail', 'remind', 'ev-kyiv')
ok(p.returncode == 0 and 'mailed: 0\nreminded lately: 1\n' in p.stdout and mails(m) == {},
   '... again within the hour: hans reminded lately, not mailed twice', p.stdout)
p = dfnc('mail', 'day', 'ev-kyiv', '2027-06-10', '--dry-run')
figures = dict(line.split(': ', 1) for line in p.stdout.splitlines() if ': ' in line)
ok(p.returncode == 0 and p.stdout.startswith('dry run: nothing queued') and
   figures.get('day') == '2027-06-10' and int(figures.get('people', 0)) >= 2 and
   int(figures.get('meetings', 0)) >= 1 and
   1 <= int(figures.get('mailed', 0)) <= int(figures.get('people', 0)) and
   figures.get('sent before') == 'never' and mails(m) == {},
   'dfnc mail day EVENT DAY --dry-run: the day\'s people and meetings, nothing queued, '
   'never sent before', (p.stdout, p.stderr))
p = dfnc('mail', 'day', 'ev-kyiv', '2027-06-10')
got = mails(m)
sent = dict(line.split(': ', 1) for line in p.stdout.splitlines() if ': ' in line)
ok(p.returncode == 0 and 'dry run' not in p.stdout and sent.get('mailed') == figures.get('mailed')
   and len(got) == int(sent.get('mailed', -1)) and
   all(len(v) == 1 and v[0][0] == 'day' for v in got.values()),
   'dfnc mail day EVENT DAY: each of the day\'s people mailed her meetings once',
   (p.stdout, p.stderr, got))
audit = count("SELECT coalesce((SELECT actor || ' ' || entity_id || ': ' || detail"
              " FROM audit_log WHERE action = 'agendas.day_mail'), '')")
ok(audit == 'cli ev-kyiv: 2027-06-10: mailed %s of %s' % (sent.get('mailed'), sent.get('people')),
   '... its audit line by cli', audit)
p = dfnc('mail', 'day', 'ev-kyiv', '2027-06-10', '--dry-run')
ok(p.returncode == 0 and re.search(r'\nsent before: 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ by cli, %s mailed\n'
                                   % sent.get('mailed'), p.stdout),
   '... a second says the send before: when, by whom, to how many', p.stdout)
m = mark()
for args, code, said, name in (
        (['remind'], 2, 'usage', 'remind without an event'),
        (['remind', 'ev-kyiv', 'more'], 2, 'usage', 'remind with two events'),
        (['day', 'ev-kyiv'], 2, 'usage', 'day without a day'),
        (['remind', 'ev-kyiv', '--now'], 2, 'usage', 'an unknown option'),
        (['remind', 'no-such-event'], 3, 'no-such-event', 'remind an unknown event'),
        (['day', 'no-such-event', '2027-06-10'], 3, 'no-such-event', 'day of an unknown event'),
        (['day', 'ev-kyiv', '2027-06-11'], 3, 'is not a day of event ev-kyiv', 'a day not of the event'),
        (['day', 'ev-kyiv', '10.06.2027'], 3, 'is not a day of event ev-kyiv', 'a day not a date'),
        (['day', 'ev', '2027-06-03'], 3, 'not published', 'an event not published')):
    p = dfnc('mail', *args)
    ok(p.returncode == code and said in p.stderr, 'dfnc mail %s: %s, exit %d' % (' '.join(args), name, code),
       (p.returncode, p.stderr))
ok(mails(m) == {}, '... none queued anything', mails(m))
p = dfnc('help', 'mail')
ok(p.returncode == 0 and 'remind EVENT [--dry-run]' in p.stdout and 'day EVENT DAY' in p.stdout,
   'dfnc help mail names remind and day', p.stdout)
m = mark()
p = dfnc('mail', 'day-due')
ok(p.returncode == 0 and p.stdout == 'sent: 0\nfailed: 0\n' and mails(m) == {},
   'dfnc mail day-due: no event set to mail its days by itself, nothing sent', (p.stdout, p.stderr))
p = dfnc('mail', 'day-due', 'ev-kyiv')
ok(p.returncode == 2 and 'usage' in p.stderr, 'dfnc mail day-due takes no argument (2)', p.stderr)
p = dfnc('help', 'mail')
ok(p.returncode == 0 and 'day-due' in p.stdout, 'dfnc help mail names day-due', p.stdout)
# ---- what meetings led to, asked from the command line (dfnc mail outcomes) ----------------
def move_kyiv_slots(year_from, year_to):
    c = sqlite3.connect(DB)
    c.execute("UPDATE slots SET starts_at = replace(starts_at, ?1, ?2),"
              " ends_at = replace(ends_at, ?1, ?2) WHERE session_rid IN (SELECT s.rid"
              " FROM sessions s JOIN events e ON e.rid = s.event_rid WHERE e.id = 'ev-kyiv')",
              (year_from + '-', year_to + '-'))
    c.commit()
    c.close()


m = mark()
move_kyiv_slots('2027', '2099')   # its meetings to come whatever the machine's clock says
p = dfnc('mail', 'outcomes', 'ev-kyiv', '--dry-run')
ok(p.returncode == 3 and 'has begun' in p.stderr and mails(m) == {},
   'dfnc mail outcomes EVENT before its meetings (by the machine\'s clock): refused, exit 3',
   (p.returncode, p.stderr))
move_kyiv_slots('2099', '2025')   # the forum a year and more earlier: its meetings have begun
p = dfnc('mail', 'outcomes', 'ev-kyiv', '--dry-run')
asked = dict(line.split(': ', 1) for line in p.stdout.splitlines() if ': ' in line)
ok(p.returncode == 0 and p.stdout.startswith('dry run: nothing queued') and
   asked.get('event') == 'ev-kyiv' and int(asked.get('people', 0)) >= 2 and
   int(asked.get('meetings', 0)) >= 1 and
   1 <= int(asked.get('mailed', 0)) <= int(asked.get('people', 0)) and
   asked.get('asked lately') == '0' and 'not mailed' in asked and mails(m) == {} and
   count("SELECT count(*) FROM audit_log WHERE action = 'outcomes.ask'") == 0,
   'dfnc mail outcomes EVENT --dry-run: the people of meetings begun, nothing queued',
   (p.stdout, p.stderr))
p = dfnc('mail', 'outcomes', 'ev-kyiv')
got = mails(m)
sent = dict(line.split(': ', 1) for line in p.stdout.splitlines() if ': ' in line)
ok(p.returncode == 0 and 'dry run' not in p.stdout and sent.get('mailed') == asked.get('mailed')
   and len(got) == int(sent.get('mailed', -1)) and
   all(len(v) == 1 and v[0][0] == 'outcomes' and (URL + '/agenda') in v[0][2]
       for v in got.values()),
   'dfnc mail outcomes EVENT: each mailed once, with the link to her agenda',
   (p.stdout, p.stderr, got))
audit = count("SELECT coalesce((SELECT actor || ' ' || entity_id || ': ' || detail"
              " FROM audit_log WHERE action = 'outcomes.ask'), '')")
ok(audit == 'cli ev-kyiv: mailed %s of %s (0 asked lately, %s without mail)'
   % (sent.get('mailed'), sent.get('people'), sent.get('not mailed')),
   '... its audit line by cli', audit)
m = mark()
p = dfnc('mail', 'outcomes', 'ev-kyiv')
ok(p.returncode == 0 and 'mailed: 0\nasked lately: %s\n' % sent.get('mailed') in p.stdout and
   mails(m) == {}, '... again: nobody asked twice', p.stdout)
for args, code, said, name in (
        (['outcomes'], 2, 'usage', 'outcomes without an event'),
        (['outcomes', 'ev-kyiv', 'more'], 2, 'usage', 'outcomes with two events'),
        (['outcomes', 'no-such-event'], 3, 'no-such-event', 'outcomes of an unknown event')):
    p = dfnc('mail', *args)
    ok(p.returncode == code and said in p.stderr, 'dfnc mail %s: %s, exit %d' % (' '.join(args), name, code),
       (p.returncode, p.stderr))
p = dfnc('help', 'mail')
ok(p.returncode == 0 and 'outcomes EVENT [--dry-run]' in p.stdout, 'dfnc help mail names outcomes',
   p.stdout)
p = dfnc('mail', 'setup', '--off')
p = dfnc('mail', 'remind', 'ev-kyiv', '--dry-run')
q = dfnc('mail', 'day', 'ev-kyiv', '2027-06-10', '--dry-run')
r = dfnc('mail', 'outcomes', 'ev-kyiv', '--dry-run')
ok(p.returncode == 3 and q.returncode == 3 and r.returncode == 3 and 'mail' in p.stderr and
   'mail' in q.stderr and 'mail' in r.stderr,
   'while the forum sends no mail: all three refused, exit 3', (p.stderr, q.stderr, r.stderr))
end()
