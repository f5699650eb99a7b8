#!/usr/bin/env python3
"""CSV files as Excel and LibreOffice write them (`dfnc import KIND FILE`):
semicolon and tab delimiters, a byte order mark and CRLF, header names with
spaces and capitals, empty rows and trailing empty columns are read;
Windows-1251 and Windows-1252 files (Excel's plain "CSV") are read as such,
guessed or named by --encoding; UTF-16, text that lost letters to U+FFFD,
files no guess is sure of, two columns of one name and a value in a column
without a name are refused by FILE:LINE, saying what to do, and leave the
database as it was.
Usage: spreadsheet_test.py DFNC_BINARY   (TAP on stdout)"""
import csv
import io
import os
import sqlite3
import subprocess
import sys

from tap import end, ok, scratch

DFNC = os.path.realpath(sys.argv[1])


def dfnc(*args):
    return subprocess.run([DFNC, '--db', 't.db'] + list(args), capture_output=True)


def write(name, text, encoding='utf-8'):
    with open(name, 'wb') as f:
        f.write(text.encode(encoding) if isinstance(text, str) else text)
    return name


def orgs():
    """The organisations as the database holds them, by id."""
    c = sqlite3.connect('t.db')
    rows = c.execute('select id, name, country, kind, city, description from organisations')
    out = {r[0]: r[1:] for r in rows}
    c.close()
    return out


def imports(name, kind, path, rows, stdout_has=None, *opts):
    p = dfnc('import', kind, path, *opts)
    out = p.stdout.decode()
    ok(p.returncode == 0 and ('%d row' % rows) in out and (not stdout_has or stdout_has in out),
       name, p.stdout.decode() + p.stderr.decode())


def refuses(name, kind, path, *wants, opts=()):
    """Exit 3, every text of wants on stderr, and nothing written."""
    before = orgs()
    p = dfnc('import', kind, path, *opts)
    err = p.stderr.decode('utf-8', 'replace')
    missing = [w for w in wants if w not in err]
    ok(p.returncode == 3 and not missing, name,
       'exit %d; lacks %r\n%s' % (p.returncode, missing, err))
    ok(orgs() == before, name + ': the database is unchanged')


scratch()
subprocess.run([DFNC, '--db', 't.db', 'init'], capture_output=True, check=True)

# ---- delimiters --------------------------------------------------------------------
# Excel in a Ukrainian, German or French locale: ';', a field holding commas
# left unquoted (it is no delimiter here), one holding a ';' quoted, a BOM, CRLF
write('semi.csv', '\ufeffid;name;country;kind;city;description\r\n'
      'ua-1;Мотор Січ, АТ;UA;company;Запоріжжя;Двигуни, БПЛА, ремонт\r\n'
      'de-1;"Acme; Söhne GmbH";DE;company;München;"Radar; ""C-UAS"", sensors"\r\n')
imports('a semicolon-separated file with a BOM and CRLF imports', 'organisations', 'semi.csv', 2)
o = orgs()
ok(o.get('ua-1') == ('Мотор Січ, АТ', 'UA', 'company', 'Запоріжжя', 'Двигуни, БПЛА, ремонт'),
   '... commas inside its fields survive, unquoted as Excel writes them', o.get('ua-1'))
ok(o.get('de-1') == ('Acme; Söhne GmbH', 'DE', 'company', 'München', 'Radar; "C-UAS", sensors'),
   '... and a quoted semicolon and quote too', o.get('de-1'))
# a comma-separated file keeps its semicolons (people's languages are en;uk)
write('orgs_c.csv', 'id,name,country,kind\norg-x,"X, Y; Z",PL,company\n')
imports('a comma file with a semicolon in a field', 'organisations', 'orgs_c.csv', 1)
ok(orgs().get('org-x', ('',))[0] == 'X, Y; Z', '... keeps it', orgs().get('org-x'))
write('people_c.csv', 'id,organisation,name,email,title,languages\np-1,org-x,Anna,a@x.eu,CEO,en;uk;pl\n')
imports('languages like en;uk;pl in a comma file', 'people', 'people_c.csv', 1)
c = sqlite3.connect('t.db')
langs = c.execute("select languages from people where id = 'p-1'").fetchone()
c.close()
ok(langs and langs[0] == 'en;uk;pl', '... come through whole', langs)
write('people_s.csv', 'id;organisation;name;email;title;languages\n'
      'p-2;org-x;Olena;o@x.ua;Director, R&D;"uk;en"\n')
imports('a semicolon file: the quoted languages and a comma in the title', 'people', 'people_s.csv', 1)
write('tab.csv', 'id\tname\tcountry\tkind\tcity\tdescription\n'
      'fr-1\tThales, SA\tFR\tcompany\t\t"Radars; sensors, ""EW"""\n')
imports('a tab-separated file', 'organisations', 'tab.csv', 1)
ok(orgs().get('fr-1') == ('Thales, SA', 'FR', 'company', None, 'Radars; sensors, "EW"'),
   '... its empty field stays empty and its commas and semicolons survive', orgs().get('fr-1'))
# "sep=;" before the header names the delimiter (Excel reads it; some programs write it)
write('sep.csv', 'sep=;\r\nid;name;country;kind\r\nnl-1;Damen, Naval;NL;company\r\n')
imports('a "sep=;" line before the header', 'organisations', 'sep.csv', 1)
ok(orgs().get('nl-1', ('',))[0] == 'Damen, Naval', '... is the delimiter, not a row', orgs().get('nl-1'))
# a semicolon row with a field that should have been quoted: refused, not shifted
write('semi_bad.csv', 'id;name;country;kind\nbad-1;A;B;DE;company\n')
refuses('a row wider than a semicolon header', 'organisations', 'semi_bad.csv',
        'semi_bad.csv:2: 5 fields where the header has 4 (a semicolon in a field without quotes?)')
# a name with quotes typed by hand, not quoted as a spreadsheet would: says how
write('quote_bad.csv', 'id;name;country;kind\nua-7;ТОВ "Дніпро Дрон";UA;company\n')
refuses('a quote inside a field without quotes says how to quote it', 'organisations',
        'quote_bad.csv', 'quote_bad.csv:2: a quote where CSV allows none', '"TOV ""Dnipro"""')

# ---- encodings -----------------------------------------------------------------------
text = 'id,name,country,kind\nua-9,Київ Дрон,UA,company\n'
write('utf16.csv', text.replace('\n', '\r\n'), 'utf-16')   # Excel's "Unicode Text": BOM FF FE
refuses('UTF-16 with its byte order mark', 'organisations', 'utf16.csv',
        'utf16.csv:1: the file is UTF-16', 'save it as CSV UTF-8')
write('utf16be.csv', b'\xfe\xff' + text.encode('utf-16-be'))
refuses('UTF-16 big-endian', 'organisations', 'utf16be.csv', 'utf16be.csv:1: the file is UTF-16')
write('utf16nobom.csv', text.encode('utf-16-le'))
refuses('UTF-16 without a byte order mark', 'organisations', 'utf16nobom.csv',
        'utf16nobom.csv:1:', 'UTF-16', 'save it as CSV UTF-8')
# Excel's plain "CSV" on a Ukrainian Windows: Windows-1251 and semicolons,
# every Ukrainian letter outside А-я (Ґ ґ Є є І і Ї ї), « », an apostrophe
UA_ORGS = [('ua-9', 'Київ Дрон', 'Київ', 'БПЛА, ремонт; навчання'),
           ('ua-10', 'ТОВ «Мотор Січ», АТ', 'Запоріжжя', 'Двигуни Ґрунт Єдність Їжак'),
           ('ua-11', 'Прем’єр Оборона', 'Ірпінь', 'ґудзики, єноти, іній, їжа')]
write('cp1251.csv', 'id;name;country;kind;city;description\r\n' + ''.join(
    '%s;%s;UA;company;%s;"%s"\r\n' % r for r in UA_ORGS), 'cp1251')
imports('Windows-1251 with semicolons (plain "CSV" on a Ukrainian Windows) imports',
        'organisations', 'cp1251.csv', 3, 'read as Windows-1251 (guessed from its words')
o = orgs()
ok(all(o.get(i) == (name, 'UA', 'company', city, d) for i, name, city, d in UA_ORGS),
   '... with its Cyrillic names, letter for letter', [o.get(r[0]) for r in UA_ORGS])
c = sqlite3.connect('t.db')
audit = c.execute("select detail from audit_log where action = 'import' order by rid desc limit 1").fetchone()
c.close()
ok(audit and 'windows-1251' in audit[0], '... and the audit trail says what it was read as', audit)
write('people1251.csv', 'id;organisation;name;email;title;languages\r\n'
      'p-ua-1;ua-9;Олена Ковальчук;o@kyiv-dron.ua;Директорка з розвитку;uk;en\r\n'.replace(';uk;en', ';"uk;en"'),
      'cp1251')
imports('a Windows-1251 people file', 'people', 'people1251.csv', 1, 'read as Windows-1251')
c = sqlite3.connect('t.db')
person = c.execute("select name, title from people where id = 'p-ua-1'").fetchone()
c.close()
ok(person == ('Олена Ковальчук', 'Директорка з розвитку'), '... its names intact', person)
write('cp1252.csv', 'id;name;country;kind;city\nfr-9;Société Générale;FR;company;Orléans\n'
      'de-9;Müller & Söhne GmbH;DE;company;Düsseldorf\n', 'cp1252')
imports('Windows-1252 (plain "CSV" on a French or German Windows) imports', 'organisations',
        'cp1252.csv', 2, 'read as Windows-1252')
o = orgs()
ok(o.get('fr-9', ())[:4] == ('Société Générale', 'FR', 'company', 'Orléans')
   and o.get('de-9', ())[:4] == ('Müller & Söhne GmbH', 'DE', 'company', 'Düsseldorf'),
   '... with its accents', (o.get('fr-9'), o.get('de-9')))
# English names with Excel's typographic apostrophe and dash: no word tells
# the code page, but both read them alike
write('quotes.csv', 'id,name,country,kind\nie-9,O’Brien – “Defence” Ltd,IE,company\n', 'cp1252')
imports('Windows-1252 punctuation alone (O’Brien, a dash, quotes) imports', 'organisations',
        'quotes.csv', 1, 'read as Windows-1252')
ok(orgs().get('ie-9', ('',))[0] == 'O’Brien – “Defence” Ltd', '... as written', orgs().get('ie-9'))
write('cp1251_bad.csv', 'id;name;country;kind\nua-12;Львів Дрон;UA;company\nua-13;Харків;XX;company\n',
      'cp1251')
refuses('a Windows-1251 file with a bad row: nothing kept', 'organisations', 'cp1251_bad.csv',
        'cp1251_bad.csv:3: country "XX"', 'cp1251_bad.csv was read as Windows-1251')
# --encoding names it, over the guess
refuses('--encoding utf-8 on a Windows-1251 file: the refusal by line', 'organisations',
        'cp1251.csv', 'cp1251.csv:2: column "name" is not UTF-8', 'Windows-1251',
        'save it as CSV UTF-8', opts=('--encoding', 'utf-8'))
write('lone.csv', 'id;name;country;kind\nua-14;Ї Ж;UA;company\n', 'cp1251')
refuses('letters alone do not tell the code page', 'organisations', 'lone.csv',
        'lone.csv:2: column "name" is not UTF-8', 'do not tell Windows-1251 from Windows-1252')
imports('... --encoding windows-1251 reads them', 'organisations', 'lone.csv', 1,
        'read as Windows-1251\n', '--encoding', 'windows-1251')
ok(orgs().get('ua-14', ('',))[0] == 'Ї Ж', '... as Cyrillic', orgs().get('ua-14'))
imports('... --encoding windows-1252 as Latin letters', 'organisations', 'lone.csv', 1,
        'read as Windows-1252\n', '--encoding', 'windows-1252')
ok(orgs().get('ua-14', ('',))[0] == '¯ Æ', '... the file as asked', orgs().get('ua-14'))
p = dfnc('import', 'organisations', 'lone.csv', '--encoding', 'koi8-u')
ok(p.returncode == 2 and b'--encoding must be auto, utf-8, windows-1251 or windows-1252' in p.stderr,
   'an encoding it does not read is a usage error', p.stderr)
p = dfnc('import', 'organisations', 'lone.csv', '--encoding', 'windows-1251', '--encoding', 'utf-8')
ok(p.returncode == 2 and b'--encoding given twice' in p.stderr, '--encoding given twice', p.stderr)
p = dfnc('import', 'glossary', 'lone.csv', '--encoding', 'windows-1251')
ok(p.returncode == 2 and b'--encoding is for CSV files' in p.stderr, '... and not for the glossary',
   p.stderr)
write('undefined.csv', 'id;name;country;kind\nua-15;Київ;UA;company\nua-16;Льв'.encode('cp1251')
      + b'\x98' + 'ів;UA;company\n'.encode('cp1251'))
refuses('a byte Windows-1251 lacks is refused by its line', 'organisations', 'undefined.csv',
        'undefined.csv:3: byte 0x98 (at offset 9 of the line) is no character of Windows-1251')
write('mixed.csv', 'id,name,country,kind\nua-17,Київ Дрон,UA,company\n'.encode('cp1251')
      + 'ua-18,Львів Дрон,UA,company\n'.encode('utf-8'))
refuses('a Windows-1251 file with a row pasted in UTF-8', 'organisations', 'mixed.csv',
        'mixed.csv:2: column "name" is not UTF-8', 'line 3 holds UTF-8 text')
write('koi.csv', 'id,name,country,kind,description\nua-8,Dron,UA,company,Опис Дрона\n', 'koi8_u')
refuses('another 8-bit Cyrillic code page is not read as Windows-1251', 'organisations', 'koi.csv',
        'koi.csv:2: column "description" is not UTF-8', '8-bit Cyrillic, but not Windows-1251')
write('fffd.csv', 'id,name,country,kind\nua-7,\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd,UA,company\n')
refuses('letters already lost to U+FFFD', 'organisations', 'fffd.csv',
        'fffd.csv:2: column "name" holds U+FFFD', 'original file')
write('mac.csv', 'id,name,country,kind\rfr-8,Mac,FR,company\r')
refuses('CR alone ending lines (Excel\'s "CSV (Macintosh)")', 'organisations', 'mac.csv',
        'mac.csv:1: a bare carriage return', 'save it as CSV UTF-8')
write('bom8.csv', '\ufeffid,name,country,kind\nua-6,Харків,UA,company\n')
imports('UTF-8 with a byte order mark', 'organisations', 'bom8.csv', 1)
ok(orgs().get('ua-6', ('',))[0] == 'Харків', '... the first column is found and the name intact')

# ---- headers as spreadsheets write them ---------------------------------------------
write('hdr.csv', ' ID ;Name ;COUNTRY; Kind\u00a0;City\n'
      'be-1;Brussels Drone;be;company;Bruxelles\n')
imports('spaces, a no-break space and capitals around header names', 'organisations', 'hdr.csv', 1)
ok(orgs().get('be-1') == ('Brussels Drone', 'BE', 'company', 'Bruxelles', None), '... read by name',
   orgs().get('be-1'))
write('twice.csv', 'id,name,country,kind,Name\nx-1,A,DE,company,B\n')
refuses('two columns that fold to one name', 'organisations', 'twice.csv',
        'twice.csv:1: columns 2 ("name") and 5 ("Name") have one name', 'rename or delete one')
write('twice2.csv', 'id,name,country,kind,name \nx-1,A,DE,company,B\n')
refuses('two columns of one name but for a space', 'organisations', 'twice2.csv',
        'twice2.csv:1: column "name" appears twice in the header')
write('blank.csv', 'id,name,country,kind\n\n\r\norg-b1,B1,DE,company\n,,,\n'
      'org-b2,B2,PL,company\n,,,\n,,,\r\n\n')
imports('blank lines and ",,," rows after the header and at the end', 'organisations', 'blank.csv', 2)
write('blank_semi.csv', ';;;;\nid;name;country;kind;city\n;;;;\norg-b3;B3;NL;company;\n;;;;\n')
imports('";;;;" rows before and after, semicolons', 'organisations', 'blank_semi.csv', 1)
write('trail.csv', 'id,name,country,kind,,,\norg-t1,T1,DE,company,,,\norg-t2,T2,FR,company\n')
imports("Excel's trailing empty columns, present or not", 'organisations', 'trail.csv', 2)
write('trail_bad.csv', 'id,name,country,kind,,\norg-t3,T3,DE,company,,lost note\n')
refuses('a value in a column with no name', 'organisations', 'trail_bad.csv',
        'trail_bad.csv:2: field 6 holds "lost note" but its column has no name')
write('mid_bad.csv', 'id,,name,country,kind\norg-t4,x,T4,DE,company\n')
refuses('... in the middle too', 'organisations', 'mid_bad.csv',
        'mid_bad.csv:2: field 2 holds "x" but its column has no name')

# ---- one transaction: a bad row late in a semicolon file keeps nothing ---------------
rows = ['id;name;country;kind'] + ['m-%03d;Org %d, Ltd;DE;company' % (i, i) for i in range(500)]
rows[400] = 'm-399;Org;XX;company'
write('many.csv', '\n'.join(rows) + '\n')
refuses('500 rows, one bad country: nothing kept', 'organisations', 'many.csv',
        'many.csv:401: country "XX"')

end()
