#!/usr/bin/env python3
"""What runs for seconds runs off the worker threads: `dfnc serve --threads 1`
on a demo forum big enough that everyone's badges take seconds to draw.
While the drawing runs, the one worker thread serves everyone else: a new
client's health check, a participant's agenda on her kept-alive connection,
and the drawing organiser's own second kept-alive connection, each answered
long before the badges (judged by the order and a margin: an ask answered
only once the drawing ended waited for all of it, whatever the machine's
speed). The drawing's connection is served again after its reply. A second
import while one runs is told 409 busy, from its headers before its body
is read, and the import too leaves the worker free. A server told to stop during a drawing sends it whole and exits 0.
Usage: long_test.py DFNC_BINARY   (TAP on stdout)"""
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])
DB = 'long.db'
BADGES = '/api/v1/console/badges.pdf'

scratch()
p = subprocess.run([DFNC, '--db', DB, 'demo', '--people', '1500', '--seed', '5', '--no-serve'],
                   capture_output=True)
if p.returncode != 0:
    print('Bail out! demo: %s' % p.stderr.decode())
    sys.exit(1)


def serve():
    srv = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--threads', '1',
                            '--no-access-log'],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    port = int(re.search(r'127\.0\.0\.1:(\d+)', srv.stderr.readline()).group(1))
    return srv, port


def connect(port):
    return http.client.HTTPConnection('127.0.0.1', port, timeout=120)


def ask(conn, method, path, headers=None, body=None):
    """(status, headers, body, when the reply was read whole)."""
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    return r.status, dict(r.getheaders()), data, time.monotonic()


def login(conn, email, password):
    conn.request('POST', '/api/v1/session', json.dumps({'email': email, 'password': password}),
                 {'Content-Type': 'application/json'})
    r = conn.getresponse()
    body = r.read()
    session = [c.split(';')[0] for c in r.msg.get_all('Set-Cookie') or []
               if c.startswith('dfnc_session=')]
    if r.status != 200 or not session:
        print('Bail out! login %s: %d %s' % (email, r.status, body[:200]))
        sys.exit(1)
    return {'Cookie': session[0], 'X-CSRF-Token': json.loads(body)['csrf_token']}


def in_thread(into, conn, method, path, headers, body=None):
    def run():
        into['sent'] = time.monotonic()
        into['reply'] = ask(conn, method, path, headers, body)
    t = threading.Thread(target=run)
    t.start()
    return t


def answered_beside(sent, reply, long_done):
    """Whether an ask sent at `sent` while a long run went on was answered
    without waiting for it: before the long run's reply, in less than half
    the time the run still took (an ask that waited for the run takes all
    of it, however slow the machine)."""
    return reply[0] == 200 and reply[3] < long_done and reply[3] - sent < (long_done - sent) / 2


srv, port = serve()
try:
    org = connect(port)
    org_h = login(org, 'organiser@demo.dfnc', 'demo-organiser')
    part = connect(port)
    part_h = login(part, 'participant1@demo.dfnc', 'demo-participant-1')
    # both kept alive, each asked once before the drawing starts
    ok(ask(org, 'GET', '/api/v1/me', org_h)[0] == 200
       and ask(part, 'GET', '/api/v1/me/agenda', part_h)[0] == 200, 'two kept-alive clients')

    # ---- everyone's badges drawn beside the others --------------------------------------------
    drawing = connect(port)
    got = {}
    t = in_thread(got, drawing, 'GET', BADGES, org_h)
    time.sleep(0.3)   # the drawing has begun
    # each at once, on its own connection: one that waited would hold up no other
    asks = [(name, {}, conn, path, h) for name, conn, path, h in (
        ("a new client's health check", connect(port), '/api/v1/health', {}),
        ("a participant's agenda on her kept-alive connection", part, '/api/v1/me/agenda', part_h),
        ("the drawing organiser's own second kept-alive connection", org, '/api/v1/me', org_h),
        ('a page of the web UI', connect(port), '/agenda', {}))]
    for th in [in_thread(into, conn, 'GET', path, h) for _, into, conn, path, h in asks]:
        th.join()
    t.join()
    st, hd, pdf, done = got['reply']
    ok(st == 200 and pdf.startswith(b'%PDF-') and int(hd.get('Content-Length', -1)) == len(pdf)
       and done - got['sent'] > 0.6,
       "everyone's badges: the whole PDF, drawn for long enough to judge the rest",
       (st, hd, pdf[:20], done - got['sent']))
    for name, into, _, _, _ in asks:
        sent, reply = into['sent'], into['reply']
        ok(answered_beside(sent, reply, done), name + ' is answered while the badges are drawn',
           (reply[0], 'answered after %.3f s; the badges came %.3f s after it was sent'
            % (reply[3] - sent, done - sent)))
    ok(ask(drawing, 'GET', '/api/v1/health')[0] == 200,
       "the drawing's own connection is served again after its reply")

    # ---- two at once: the second drawing is told to come back ------------------------------
    first, second = {}, {}
    t1 = in_thread(first, connect(port), 'GET', BADGES, org_h)
    time.sleep(0.3)
    t2 = in_thread(second, connect(port), 'GET', BADGES, org_h)
    t2.join()
    t1.join()
    s2 = second['reply']
    ok(first['reply'][0] == 200 and s2[0] == 503 and s2[1].get('Retry-After') == '30'
       and json.loads(s2[2])['error']['code'] == 'busy' and s2[3] < first['reply'][3],
       "a second drawing of everyone's badges meanwhile: 503 busy, Retry-After 30, at once",
       (first['reply'][0], s2[:2], s2[2][:200]))

    # ---- stopped while drawing: the PDF whole, then exit 0 -----------------------------------
    last = {}
    t = in_thread(last, connect(port), 'GET', BADGES, org_h)
    time.sleep(0.3)
    srv.send_signal(signal.SIGTERM)
    t.join()
    rc = srv.wait(timeout=60)
    errors = srv.stderr.read()
    st, hd, pdf, _ = last['reply']
    ok(st == 200 and pdf.startswith(b'%PDF-') and int(hd.get('Content-Length', -1)) == len(pdf),
       'a server told to stop during a drawing sends it whole', (st, hd))
    ok(rc == 0 and 'Sanitizer' not in errors and 'runtime error' not in errors,
       'then exits 0, cleanly', (rc, errors[-2000:]))
finally:
    if srv.poll() is None:
        srv.kill()
        srv.wait()

# ---- imports: off the worker too, one at a time (4,000 new people: a second's import) ---------
srv, port = serve()
try:
    org_h = login(connect(port), 'organiser@demo.dfnc', 'demo-organiser')
    with sqlite3.connect(DB) as db:
        an_org = db.execute('SELECT id FROM organisations ORDER BY id LIMIT 1').fetchone()[0]
    people_csv = ('id,organisation,name,email,title,languages\n' + ''.join(
        'x-%d,%s,Person %d,x%d@example.org,,en\n' % (i, an_org, i, i) for i in range(4000))).encode()
    csv_h = dict(org_h, **{'Content-Type': 'text/csv'})
    for attempt in range(5):   # the big import may end before the second is sent: tried again
        big, small = {}, {}
        late = 'o-late-%d' % attempt   # one the refusal must not have written
        one_org = ('id,name,country,kind,sme,city,website,description\n'
                   '%s,Late Optics,PL,company,1,,,\n' % late).encode()
        t = in_thread(big, connect(port), 'POST', '/api/v1/console/import/people', csv_h,
                      people_csv)
        time.sleep(0.1)
        sent = time.monotonic()
        health = ask(connect(port), 'GET', '/api/v1/health')
        small['reply'] = ask(connect(port), 'POST', '/api/v1/console/import/organisations',
                             csv_h, one_org)
        t.join()
        if big['reply'][0] != 200 or small['reply'][3] < big['reply'][3]:
            break
    b, s = big['reply'], small['reply']
    err = json.loads(s[2]).get('error', {}) if s[0] != 200 else {}
    ok(b[0] == 200 and json.loads(b[2])['rows'] == 4000, 'a people import of 4,000 rows',
       b[:3])
    ok(answered_beside(sent, health, b[3]), 'a health check is answered while it imports',
       (health[0], health[3] - sent, b[3] - sent))
    ok(s[0] == 409 and err.get('code') == 'busy' and 'another import is under way' in
       err.get('message', ''), 'a second import meanwhile: 409 busy, nothing imported', s[:3])
    with sqlite3.connect(DB) as db:
        org_there = db.execute('SELECT count(*) FROM organisations WHERE id = ?',
                               (late,)).fetchone()[0]
    ok(org_there == 0, 'the refused import wrote nothing', org_there)
    st = ask(connect(port), 'POST', '/api/v1/console/import/organisations', csv_h, one_org)
    ok(st[0] == 200, 'once it has ended, the second import is taken', st[:3])

    # A second import is refused before its body is read: a client that sends
    # the headers of a 60 MB file and waits is answered at once, 409 busy
    # (before, the server waited for the 60 MB that never came).
    for attempt in range(5):   # the big import may end before the headers are sent
        big = {}
        t = in_thread(big, connect(port), 'POST', '/api/v1/console/import/people', csv_h,
                      people_csv)
        time.sleep(0.1)
        raw = socket.create_connection(('127.0.0.1', port), timeout=15)
        raw.sendall(('POST /api/v1/console/import/organisations HTTP/1.1\r\n'
                     'Host: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: 60000000\r\n'
                     'Cookie: %s\r\nX-CSRF-Token: %s\r\n\r\n'
                     % (org_h['Cookie'], org_h['X-CSRF-Token'])).encode())
        head = b''
        try:
            while b'under way' not in head:
                got = raw.recv(4096)
                if not got:
                    break
                head += got
        except socket.timeout:
            pass
        answered = time.monotonic()
        raw.close()
        t.join()
        if big['reply'][0] != 200 or answered < big['reply'][3]:
            break
    ok(head.startswith(b'HTTP/1.1 409') and b'another import is under way' in head
       and answered < big['reply'][3],
       'a second import meanwhile is refused from its headers, its 60 MB body never sent',
       head[:300])

    srv.terminate()
    rc = srv.wait(timeout=60)
    ok(rc == 0 and 'Sanitizer' not in srv.stderr.read(), 'and that server stops cleanly', rc)
finally:
    if srv.poll() is None:
        srv.kill()
        srv.wait()
end()
