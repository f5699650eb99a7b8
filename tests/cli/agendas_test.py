#!/usr/bin/env python3
"""`dfnc agendas`: participants' agendas on paper, read back as a printer
would by poppler's pdfinfo and pdftotext: each person's from a page of its
own (the footer of every page names one person), everyone by name; her
meetings in time order with the times at the event's clock, the table or
"Online" and the link, everyone else at it (an attendee too) with their
organisation and country, the interpreter; the forum's talks and breaks
of her days between them, marked as the programme's; a Ukrainian reader's in
Ukrainian (Cyrillic); a long agenda going on to a second page; someone
without a meeting gets a page saying so, or none with --skip-empty. Nothing
before the agendas are published; an unknown person or event exits 3 and
leaves the file as it was. Over HTTP a participant's own (GET /me/agenda.pdf)
is hers only, and the desk's named ones theirs.
Usage: agendas_test.py DFNC_BINARY   (TAP on stdout)"""
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
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


def page_text(path, page):
    return tool('pdftotext', '-layout', '-f', str(page), '-l', str(page), path, '-').stdout


FOOT = re.compile(r'^\s*(.+?) · (?:Page|Сторінка) (\d+) (?:of|з) (\d+)\s*$', re.M)


def footers(path):
    """Each page's footer: (name, page of hers, her pages), or None."""
    out = []
    for i in range(1, pages(path) + 1):
        f = FOOT.findall(page_text(path, i))
        out.append((f[0][0], int(f[0][1]), int(f[0][2])) if len(f) == 1 else None)
    return out


def text_of(path, name):
    """The text of the pages whose footers name name, joined."""
    return '\n'.join(page_text(path, i + 1) for i, f in enumerate(footers(path)) if f and f[0] == name)


scratch()
p = dfnc('demo', '--people', '120', '--seed', '5', '--no-serve')
if p.returncode != 0:
    print('Bail out! demo: %s' % p.stderr.decode())
    sys.exit(1)
logins = re.findall(r'(participant\d@demo\.dfnc)\s+(\S+)\s+(p-\d+)', p.stdout.decode())
db = sqlite3.connect(DB)
everyone = db.execute('SELECT id, name FROM people WHERE erased_at IS NULL ORDER BY name, id').fetchall()
name_of = dict(everyone)


def meetings(person):
    """person's meetings: (start, end, table or None, video room, interpreter, [others' ids])."""
    rows = db.execute(
        'SELECT m.id, t.starts_at, t.ends_at, l.name, m.video_room, i.name FROM meetings m'
        ' JOIN requests r ON r.rid = m.request_rid JOIN slots t ON t.rid = m.slot_rid'
        ' LEFT JOIN locations l ON l.rid = m.location_rid'
        ' LEFT JOIN interpreters i ON i.rid = m.interpreter_rid'
        ' JOIN people p ON p.id = ? WHERE r.status = \'accepted\' AND (r.from_rid = p.rid'
        '  OR r.to_rid = p.rid OR p.rid IN (SELECT person_rid FROM request_attendees'
        '  WHERE request_rid = r.rid)) ORDER BY t.starts_at', (person,)).fetchall()
    out = []
    for mid, s, e, table, room, interp in rows:
        others = [x[0] for x in db.execute(
            'SELECT p.id FROM meetings m JOIN requests r ON r.rid = m.request_rid JOIN people p'
            ' ON p.rid = r.from_rid OR p.rid = r.to_rid OR p.rid IN (SELECT person_rid FROM'
            ' request_attendees WHERE request_rid = r.rid) WHERE m.id = ? AND p.id <> ?',
            (mid, person))]
        out.append((s, e, table, room, interp, others))
    return out


def org_of(person):
    return db.execute('SELECT o.name, o.name_uk, o.country FROM people p JOIN organisations o'
                      ' ON o.rid = p.org_rid WHERE p.id = ?', (person,)).fetchone()


# ---- nothing before the agendas are published ---------------------------------------------
u = dfnc('agendas', '--output', 'all.pdf')
ok(u.returncode == 3 and 'not published' in u.stderr.decode() and not os.path.exists('all.pdf'),
   'unpublished: exit 3, no file', u.stderr.decode())
db.execute("UPDATE events SET published_at = '2027-01-10T09:00:00Z'")
# a third person at one meeting (an attendee), and a Ukrainian reader who chose Ukrainian
busy = db.execute('SELECT p.id, count(*) c FROM people p JOIN requests r ON r.from_rid = p.rid'
                  ' OR r.to_rid = p.rid JOIN meetings m ON m.request_rid = r.rid JOIN organisations o'
                  " ON o.rid = p.org_rid WHERE o.country <> 'UA' GROUP BY p.id ORDER BY c DESC, p.id"
                  ' LIMIT 1').fetchone()[0]
ua = db.execute("SELECT p.id FROM people p JOIN organisations o ON o.rid = p.org_rid JOIN requests r"
                " ON r.from_rid = p.rid OR r.to_rid = p.rid JOIN meetings m ON m.request_rid = r.rid"
                " WHERE o.country = 'UA' GROUP BY p.id ORDER BY p.id LIMIT 1").fetchone()[0]
db.execute("UPDATE people SET ui_language = 'en' WHERE id = ?", (busy,))
# the talks' place and description, in both languages (migration 55)
db.execute("UPDATE sessions SET place = 'Hall A', place_uk = 'Зала A', description = 'Ministers"
           " on joint procurement', description_uk = 'Міністри про спільні закупівлі'"
           " WHERE kind = 'conference'")
db.execute("UPDATE people SET ui_language = 'uk' WHERE id = ?", (ua,))
idle = [x for x in everyone if not meetings(x[0])]
ua_meeting = db.execute('SELECT r.rid FROM requests r JOIN meetings m ON m.request_rid = r.rid'
                        ' JOIN people p ON p.rid = r.from_rid OR p.rid = r.to_rid WHERE p.id = ?'
                        ' ORDER BY m.id LIMIT 1', (ua,)).fetchone()[0]
attendee = idle[0][0]
db.execute('INSERT INTO request_attendees VALUES (?, (SELECT rid FROM people WHERE id = ?))',
           (ua_meeting, attendee))
db.commit()
idle = [x for x in everyone if not meetings(x[0])]

# ---- everyone: one person's agenda from a page of its own, by name --------------------------
a = dfnc('agendas', '--output', 'all.pdf')
foot = footers('all.pdf')
said = re.match(r'all\.pdf: (\d+) agendas on (\d+) pages', a.stderr.decode())
ok(a.returncode == 0 and said and int(said.group(1)) == len(everyone)
   and int(said.group(2)) == pages('all.pdf'), 'everyone: the count of agendas and pages said',
   a.stderr.decode())
ok('595.276 x 841.89' in tool('pdfinfo', 'all.pdf').stdout, 'A4 pages')
ok(all(foot), "every page's footer names one person", [i for i, f in enumerate(foot) if not f])
firsts = [f[0] for f in foot if f and f[1] == 1]
ok(firsts == [x[1] for x in everyone], "each person's first page, by name, everyone once",
   (firsts[:5], [x[1] for x in everyone][:5]))
ok(all(f[1] == (foot[i - 1][1] + 1 if f[1] > 1 else 1) and f[1] <= f[2] and
       (f[1] == 1 or foot[i - 1][0] == f[0]) for i, f in enumerate(foot) if f),
   "a person's pages follow each other, counted 1 of N to N of N", foot[:6])

# ---- a busy participant's: times in order, tables, partners, organisations, countries -------
mine = meetings(busy)
text = text_of('all.pdf', name_of[busy])
times = ['%s–%s' % (s[11:16], e[11:16]) for s, e, *_ in mine]
at = [text.find(x) for x in times]
ok(len(mine) >= 10 and all(x >= 0 for x in at) and at == sorted(at),
   'her meetings, each start–end at the event\'s clock, in time order', (times, at))
ok(all((table or '') in text for _, _, table, *_ in mine) and re.search(r'Table \d+', text),
   'each table named', text[:600])
partners = {q for *_, others in mine for q in others}
ok(all(name_of[q] in text and org_of(q)[0] in text for q in partners),
   "each partner's name and organisation", [name_of[q] for q in partners if name_of[q] not in text])
country = {'UA': 'Ukraine', 'DE': 'Germany', 'PL': 'Poland', 'FR': 'France'}
named = [org_of(q)[2] for q in partners if org_of(q)[2] in country]
ok(named and all(country[c] in text for c in named), "partners' countries by name", named)
ok('Your B2B meetings' in text and 'Tuesday 16 February 2027' in text,
   'in English: the heading and the day', text[:400])
ok(name_of[busy] in text[:400] and org_of(busy)[0] in text[:400],
   'her name and organisation at the top', text[:400])
ok(len(mine) >= 12 and any(f and f[0] == name_of[busy] and f[2] >= 2 for f in foot),
   'a long agenda goes on to a second page', (len(mine), [f for f in foot if f and f[0] == name_of[busy]]))

# ---- the forum's talks and breaks between her meetings (fix-programme) ----------------------
def talks_of(person):
    """The event's talks and breaks on the days of person's meetings: (start, end, name, name_uk, kind)."""
    days = {s[:10] for s, *_ in meetings(person)}
    return [x for x in db.execute("SELECT starts_at, ends_at, name, name_uk, kind FROM sessions"
                                  " WHERE kind <> 'b2b' ORDER BY starts_at") if x[0][:10] in days]


talks = talks_of(busy)
flat = re.sub(r'\s+', ' ', text)
ok(talks and all(re.sub(r'\s+', ' ', n) in flat for _, _, n, _, _ in talks)
   and flat.count("On the forum's programme") == len(talks),
   "her days' talks and breaks, each named and marked as the programme's", (talks, flat[:800]))
ok(all(('Break · ' if k == 'break' else 'Talks · Hall A · ') + "On the forum's programme" in flat
       for *_, k in talks), 'each said a talk (with its place) or a break', talks)
ok(flat.count('Ministers on joint procurement') == len([x for x in talks if x[4] == 'conference']),
   "each talk's description", flat[:800])
every = ['%s–%s' % (s[11:16], e[11:16])
         for s, e in sorted([(s, e) for s, e, *_ in mine] + [(s, e) for s, e, *_ in talks])]
lines = re.findall(r'\d\d:\d\d–\d\d:\d\d', text)
ok(lines == every, 'meetings and the programme in one time order', (lines, every))
# ---- online meetings with their links; interpreters -----------------------------------------
online = db.execute('SELECT p.id, m.video_room FROM meetings m JOIN requests r ON r.rid = m.request_rid'
                    " JOIN people p ON p.rid = r.from_rid WHERE m.video_room IS NOT NULL"
                    " AND p.ui_language IS NOT 'uk' LIMIT 1").fetchone()
t = text_of('all.pdf', name_of[online[0]]).replace('\n', ' ')
ok('Online' in t and online[1] in re.sub(r'\s+', '', t), 'an online meeting: "Online" and its link',
   t[:800])
interp = db.execute('SELECT p.id, i.name FROM meetings m JOIN requests r ON r.rid = m.request_rid'
                    ' JOIN interpreters i ON i.rid = m.interpreter_rid JOIN people p'
                    " ON p.rid = r.from_rid WHERE p.ui_language IS NOT 'uk' LIMIT 1").fetchone()
ok(interp and re.search(r'Interpreter: %s \(\w\w-\w\w\)' % re.escape(interp[1]),
                        text_of('all.pdf', name_of[interp[0]])),
   'the interpreter booked, with the pair', interp)

# ---- a Ukrainian reader's agenda in Ukrainian, an attendee's -----------------------------------
t = text_of('all.pdf', name_of[ua])
ok('Ваші зустрічі B2B' in t and re.search(r'Стіл \d+|Онлайн', t) and 'лютого 2027' in t
   and 'Сторінка 1 з' in t, 'in Ukrainian: heading, tables, days, footer in Cyrillic', t[:500])
org = org_of(ua)
ok(org[1] and org[1] in t, "her organisation by its Ukrainian name", (org, t[:300]))
ok(name_of[attendee] in t, 'an attendee at her meeting named on it', t[:800])
t = text_of('all.pdf', name_of[attendee])
ok(name_of[ua] in t, "the attendee's own agenda has the meeting", t[:600])

t = re.sub(r'\s+', ' ', text_of('all.pdf', name_of[ua]))
ok(all(re.sub(r'\s+', ' ', nu or n) in t for _, _, n, nu, _ in talks_of(ua))
   and 'У програмі форуму' in t and "forum's programme" not in t
   and 'Виступи · Зала A · У програмі форуму' in t and 'Міністри про спільні закупівлі' in t,
   "a Ukrainian reader's talks and breaks by their Ukrainian names, marked in Ukrainian", t[:900])
ok(all("forum's programme" not in text_of('all.pdf', x[1]) and 'У програмі форуму' not in
       text_of('all.pdf', x[1]) for x in idle[:3]), 'no meeting: no programme either', idle[:3])

# ---- no meeting: a page saying so, or left out ----------------------------------------------
ok(idle and ('You have no B2B meetings at this event.' in text_of('all.pdf', idle[0][1])
            or 'У вас немає зустрічей B2B' in text_of('all.pdf', idle[0][1])),
   'someone without a meeting: a page saying so', idle[:1])
s = dfnc('agendas', '--skip-empty', '--output', 'busy.pdf')
firsts = [f[0] for f in footers('busy.pdf') if f and f[1] == 1]
ok(s.returncode == 0 and firsts == [x[1] for x in everyone if x not in idle]
   and ('; %d ' % len(idle)) in s.stderr.decode(), '--skip-empty: those without a meeting left out, counted',
   s.stderr.decode())

# ---- named, in the order asked; refusals leave the file as it was ---------------------------
n = dfnc('agendas', '--output', 'two.pdf', ua, busy)
firsts = [f[0] for f in footers('two.pdf') if f and f[1] == 1]
ok(n.returncode == 0 and firsts == [name_of[ua], name_of[busy]], 'the people named, in that order',
   (n.stderr.decode(), firsts))
before = open('two.pdf', 'rb').read()
x = dfnc('agendas', '--output', 'two.pdf', ua, 'nobody-here')
ok(x.returncode == 3 and 'no person "nobody-here"' in x.stderr.decode()
   and open('two.pdf', 'rb').read() == before, 'an unknown person: exit 3, the file untouched',
   x.stderr.decode())
e = dfnc('agendas', '--event', 'no-such-event', '--output', 'two.pdf')
ok(e.returncode == 3 and 'no-such-event' in e.stderr.decode() and open('two.pdf', 'rb').read() == before,
   'an unknown event: exit 3, the file untouched', e.stderr.decode())
ok(dfnc('agendas', ua).returncode == 2, 'no --output: usage, exit 2')
o = subprocess.run([DFNC, '--db', DB, 'agendas', '--output', '-', ua], capture_output=True)
ok(o.returncode == 0 and o.stdout.startswith(b'%PDF-'), '--output - writes the PDF to standard output',
   o.stderr.decode())

# ---- over HTTP: hers only; the desk's named ones ---------------------------------------------
server = subprocess.Popen([DFNC, '--db', DB, 'serve', '--port', '0', '--no-access-log'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    port = re.search(r'127\.0\.0\.1:(\d+)', server.stderr.readline()).group(1)
    base = 'http://127.0.0.1:%s/api/v1' % port

    def session(email, password):
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        opener.open(urllib.request.Request(
            base + '/session', method='POST', headers={'Content-Type': 'application/json'},
            data=json.dumps({'email': email, 'password': password}).encode()))
        return opener

    def get(opener, path, name):
        try:
            with opener.open(base + path, timeout=120) as resp:
                body = resp.read()
                st = resp.status
        except urllib.error.HTTPError as err:
            return err.code, []
        with open(name, 'wb') as f:
            f.write(body)
        return st, footers(name)

    email, password, her = logins[0]
    other = next(x[0] for x in everyone if x[0] != her)
    st, foot = get(session(email, password), '/me/agenda.pdf?person=%s' % other, 'mine.pdf')
    ok(st == 200 and foot and all(f and f[0] == name_of[her] for f in foot),
       "GET /me/agenda.pdf: her own pages only, whoever person= names", (st, foot))
    org = session('organiser@demo.dfnc', 'demo-organiser')
    st, foot = get(org, '/console/agendas.pdf?person=%s,%s' % (busy, ua), 'desk.pdf')
    ok(st == 200 and [f[0] for f in foot if f[1] == 1] == [name_of[busy], name_of[ua]],
       "GET /console/agendas.pdf: the people named, in that order", (st, foot))
    st, foot = get(org, '/console/agendas.pdf?skip_empty=1', 'desk-all.pdf')
    ok(st == 200 and len([f for f in foot if f[1] == 1]) == len(everyone) - len(idle),
       "everyone's with a meeting", (st, len(foot)))
finally:
    server.terminate()
    server.wait(timeout=30)
end()
