#!/usr/bin/env python3
"""The forum's CSV imports as an organiser writes the files in Excel: the
words a spreadsheet user types are read, and a file that cannot go in is
refused by FILE:LINE saying exactly what to change, leaving the database as
it was.
Usage: import_test.py DFNC_BINARY   (TAP on stdout)"""
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])


def dfnc(*args, db='t.db'):
    return subprocess.run([DFNC, '--db', db] + list(args), capture_output=True)


def write(name, text):
    with open(name, 'w', encoding='utf-8') as f:
        f.write(text)
    return name


def rows(sql, *args, db='t.db'):
    c = sqlite3.connect(db)
    out = c.execute(sql, args).fetchall()
    c.close()
    return out


def imports(name, kind, text, want_rows, db='t.db'):
    p = dfnc('import', kind, write(kind + '.csv', text), db=db)
    out = p.stdout.decode()
    ok(p.returncode == 0 and ('%d row' % want_rows) in out, name,
       out + p.stderr.decode())


def refuses(name, kind, text, *wants, db='t.db'):
    """Exit 3, every text of wants a line of stderr (in that order), nothing
    written; the lines of stderr returned."""
    before = rows('SELECT count(*) FROM audit_log', db=db)
    p = dfnc('import', kind, write(kind + '.csv', text), db=db)
    lines = p.stderr.decode('utf-8', 'replace').splitlines()
    missing = [w for w in wants if not any(w in line for line in lines)]
    ok(p.returncode == 3 and not missing, name,
       'exit %d; lacks %r\n%s' % (p.returncode, missing, '\n'.join(lines)))
    ok(rows('SELECT count(*) FROM audit_log', db=db) == before, name + ': nothing is written')
    return lines


scratch()
dfnc('init')

# ---- sme and confidential: the words a spreadsheet user writes -------------------
ORGS = 'id,name,country,kind,sme\n'
imports('sme as Excel and people write it, in English and Ukrainian, any case', 'organisations',
        ORGS + 'y-1,A,DE,company,Yes\ny-2,B,UA,company,так\ny-3,C,UA,company,НІ\n'
        'y-4,D,PL,company,TRUE\ny-5,E,PL,company,false\ny-6,F,FR,company,n\n'
        'y-7,G,FR,company,Y\ny-8,H,UA,company,Ні\ny-9,I,UA,company,1\ny-10,J,UA,company,\n', 10)
ok(dict(rows("SELECT id, sme FROM organisations WHERE id LIKE 'y-%'")) ==
   {'y-1': 1, 'y-2': 1, 'y-3': 0, 'y-4': 1, 'y-5': 0, 'y-6': 0, 'y-7': 1, 'y-8': 0, 'y-9': 1,
    'y-10': 0}, '... each stored as it says', rows("SELECT id, sme FROM organisations"))
refuses('an sme that is no yes or no lists the words it takes', 'organisations',
        ORGS + 'y-11,K,DE,company,maybe\n',
        'organisations.csv:2: sme "maybe" is not yes or no: write yes/no, true/false, y/n, '
        '1/0 or так/ні (any letter case)')
imports('a confidential capability marked Так', 'capabilities',
        'organisation,direction,cpv,title,confidential\ny-1,offer,35613000-4,UAV,Так\n', 1)
ok(rows("SELECT confidential FROM capabilities") == [(1,)], '... is confidential',
   rows("SELECT confidential FROM capabilities"))

# ---- websites: a bare host is read as http://, as the CORDIS import reads it ---------
WEB = 'id,name,country,kind,website\n'
imports('a bare website in organisations.csv', 'organisations',
        WEB + 'w-1,A,DE,company,www.acme.de\nw-2,B,DE,company,acme.de:8080/en\n'
        'w-3,C,DE,company,HTTPS://c.example\n', 3)
ok(dict(rows("SELECT id, website FROM organisations WHERE id LIKE 'w-%'")) ==
   {'w-1': 'http://www.acme.de', 'w-2': 'http://acme.de:8080/en', 'w-3': 'HTTPS://c.example'},
   '... is stored as http://, one with a scheme as it is',
   rows("SELECT id, website FROM organisations WHERE id LIKE 'w-%'"))
refuses('another scheme, and two hosts in one field, stay refused', 'organisations',
        WEB + 'w-4,D,DE,company,javascript:alert(1)\nw-5,E,DE,company,www.a.eu; www.b.eu\n',
        'organisations.csv:2: website "javascript:alert(1)" is not an http:// or https:// address',
        'organisations.csv:3: website "http://www.a.eu; www.b.eu" is not an http:// or https:// address')

# ---- an event a requests file names that does not exist ----------------------------
imports('two people for the requests', 'people',
        'id,organisation,name,email\np-1,y-1,Anna,anna@a.example\np-2,y-2,Bohdan,bohdan@b.example\n', 2)
REQ = 'id,event,from,to\nr-1,forum-x,p-1,p-2\n'
refuses('no event yet: the refusal says so, and where one is made', 'requests', REQ,
        'requests.csv:2: event "forum-x" does not exist: there are no events yet (make it on '
        "the console's Event page first)")


def add_event(eid, day):
    c = sqlite3.connect('t.db')
    c.execute("INSERT INTO events(id, name, timezone, starts_on, ends_on) "
              "VALUES (?, 'Forum', 'Europe/Brussels', ?, ?)", (eid, day, day))
    c.commit()
    c.close()


add_event('ev-kyiv', '2031-01-01')
refuses('one event: the refusal names it', 'requests', REQ,
        'requests.csv:2: event "forum-x" does not exist: the only event is ev-kyiv')
for i, eid in enumerate(['ev-brussels', 'ev-lviv', 'ev-warsaw', 'ev-paris']):
    add_event(eid, '2031-02-0%d' % (i + 1))
refuses('five events: the refusal names three by date, how many more, and the command',
        'requests', REQ,
        'requests.csv:2: event "forum-x" does not exist: the events are ev-kyiv, ev-brussels, '
        'ev-lviv and 2 more (dfnc export events - lists them all)')
refuses('an interpreters file naming an unknown event names them too', 'interpreters',
        'id,event,name,pair\ni-1,forum-x,Olena,uk-en\n',
        'interpreters.csv:2: event "forum-x" does not exist: the events are ev-kyiv')
imports('... and the event named, the request goes in', 'requests',
        'id,event,from,to\nr-1,ev-lviv,p-1,p-2\n', 1)

# ---- two people, one e-mail address -----------------------------------------------
PEOPLE = 'id,organisation,name,email\n'
WHY = ('one address per person, as logins and invitations key on it (one person under two ids '
       'or in two rows: keep one; two people: give one another address)')
refuses('one address on two rows of one file: the later row names the earlier', 'people',
        PEOPLE + 'p-3,y-1,Olena,olena@c.example\np-4,y-1,Olena K.,Olena@C.example\n',
        'people.csv:3: email "Olena@C.example" is also on line 2 (id "p-3"): ' + WHY)
refuses('an address stored under another person id: the row names that person', 'people',
        PEOPLE + 'p-5,y-2,Anna M.,ANNA@a.example\n',
        'people.csv:2: email "ANNA@a.example" is already person "p-1"\'s: ' + WHY)
imports('a person again with their own address, in another letter case', 'people',
        PEOPLE + 'p-1,y-1,Anna,Anna@A.example\n', 1)
imports('two people swapping their addresses in one file', 'people',
        PEOPLE + 'p-1,y-1,Anna,bohdan@b.example\np-2,y-2,Bohdan,anna@a.example\n', 2)
ok(dict(rows("SELECT id, email FROM people WHERE id IN ('p-1', 'p-2')")) ==
   {'p-1': 'bohdan@b.example', 'p-2': 'anna@a.example'}, '... both kept',
   rows("SELECT id, email FROM people"))
subprocess.run([DFNC, '--db', 't.db', 'user', 'add', '--email', 'desk@c.example', '--role',
                'participant', '--person', 'p-2', '--password-stdin'], input=b'desk-pass-1\n',
               capture_output=True)
refuses("an address another person's login has: the row names that person", 'people',
        PEOPLE + 'p-6,y-1,Desk,desk@c.example\n',
        'people.csv:2: email "desk@c.example" is already the login of person "p-2": ' + WHY)
imports('people without an address are many', 'people', PEOPLE + 'p-7,y-1,A,\np-8,y-1,B,\n', 2)

# ---- every problem of a row, each on its own line ----------------------------------
lines = refuses('a row with a bad kind and a bad sme says both, in one round', 'organisations',
                'id,name,country,kind,sme,website\nz-1,Zed,XX,startup,maybe,javascript:x\n'
                'z-2,Fine,DE,company,1,\n',
                'organisations.csv:2: country "XX" is not an ISO 3166 alpha-2 code',
                'organisations.csv:2: kind "startup" is not one of',
                'organisations.csv:2: sme "maybe" is not yes or no',
                'organisations.csv:2: website "javascript:x" is not')
ok(len(lines) == 4, '... four lines, one a problem, in the order of the columns', lines)
lines = refuses('a person: an unknown organisation, no name, a bad address and languages',
                'people', 'id,organisation,name,email,languages\nq-1,nobody,,no-at,xx\n',
                'people.csv:2: organisation "nobody" is unknown', 'people.csv:2: column "name" is empty',
                'people.csv:2: email "no-at" is not an e-mail address',
                'people.csv:2: languages "xx": "xx" is not an ISO 639-1 language code')
ok(len(lines) == 4, '... four lines', lines)
lines = refuses('a capability: an unknown organisation, direction, code and confidential',
                'capabilities', 'organisation,direction,cpv,title,confidential\n'
                'nobody,sell,3561,UAV,perhaps\n',
                'capabilities.csv:2: organisation "nobody" is unknown',
                'capabilities.csv:2: direction "sell" is not one of offer|need',
                'capabilities.csv:2: cpv "3561" is not a CPV code',
                'capabilities.csv:2: confidential "perhaps" is not yes or no')
lines = refuses('a request: a priority, a status, and one person twice', 'requests',
                'id,event,from,to,priority,status\nr-9,ev-lviv,p-1,p-1,high,maybe\n',
                'requests.csv:2: priority "high" must be 0-9', 'requests.csv:2: status "maybe" is not one of',
                'requests.csv:2: from and to are the same person "p-1"')
ok(len(lines) == 3, '... three lines', lines)
lines = refuses('an interpreter: an unknown event and a bad pair', 'interpreters',
                'id,event,name,pair\ni-2,forum-y,Olena,uk\n',
                'interpreters.csv:2: event "forum-y" does not exist',
                'interpreters.csv:2: pair "uk"')
ok(len(lines) == 2, '... two lines', lines)
lines = refuses('twelve rows of two problems each: the first 20 by line, and how many more',
                'organisations', 'id,name,country,kind\n' +
                ''.join('z-%d,Z,XX,startup\n' % i for i in range(12)),
                'organisations.csv:2: country', 'organisations.csv:11: kind', '... and 4 more')
ok(len(lines) == 21 and lines[-2].startswith('organisations.csv:11: '), '... 20 lines of the lowest rows, then the count', lines)

# ---- demands and supplies: every problem of a row too, by the API's rules ------------
DEMANDS = 'id,buyer,country,cpv,quantity,unit,deliver_by,max_unit_price_eur,funder_countries\n'
lines = refuses('a demand: an unknown buyer, a bad code, quantity, date, price and funder',
                'demands', DEMANDS + 'd-1,nobody,XX,3561,many,shell,31/12/2027,-5,DK;Germany\n'
                'd-2,y-1,DE,35613000-4,10,shell,2027-12-31,100,\n',
                'demands.csv:2: buyer "nobody" is not a known organisation',
                'demands.csv:2: country "XX" is not an ISO 3166 alpha-2 code',
                'demands.csv:2: cpv "3561" is not a CPV code',
                'demands.csv:2: quantity "many"', 'demands.csv:2: deliver_by "31/12/2027"',
                'demands.csv:2: max_unit_price_eur must be a number above 0',
                'demands.csv:2: funder country "Germany" is not an ISO 3166 alpha-2 code')
ok(len(lines) == 7, '... seven lines, one a problem, the good row not among them', lines)
SUPPLIES = ('id,organisation,cpv,capacity_per_month,unit_price_eur,lead_time_days,'
            'production_country,eu_content_pct,ua_content_pct\n')
lines = refuses('a supply: an empty organisation, capacity, lead time and shares',
                'supplies', SUPPLIES + 's-1,,35613000-4,0,10,-1,ZZ,150,\n'
                's-2,y-2,35613000-4,5,10,3,UA,60,50\n',
                'supplies.csv:2: column "organisation" is empty',
                'supplies.csv:2: capacity_per_month "0"', 'supplies.csv:2: lead_time_days "-1"',
                'supplies.csv:2: production_country "ZZ"', 'supplies.csv:2: eu_content_pct "150"',
                'supplies.csv:3: ')
ok(len(lines) == 6 and '110' in lines[-1], '... five lines for row 2, and row 3\'s shares '
   'over 100%', lines)
lines = refuses('twelve demands of two problems each: the first 20 by line, and how many more',
                'demands', DEMANDS + ''.join('d-%d,y-1,DE,35613000-4,0,shell,2027-12-31,0,\n' % i
                                            for i in range(12)),
                'demands.csv:2: quantity', 'demands.csv:11: max_unit_price_eur', '... and 4 more')
ok(len(lines) == 21, '... 20 lines, then the count', lines)

# ---- the help says what the import reads --------------------------------------
says = dfnc('help', 'import').stdout.decode()
ok('sme 0|1' not in says and 'confidential 0|1' not in says and 'так/ні' in says,
   'dfnc help import gives the yes/no words sme and confidential take', says)
ok('www.acme.de read as http://' in says and 'no two ids share one' in says,
   '... a bare website read as http://, and one e-mail address per person', says)

end()
