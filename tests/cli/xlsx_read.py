"""Reading an .xlsx workbook as Excel reads it (the OOXML parts in the zip,
with Python's own zipfile and XML, not the library that wrote it), for the
command-line tests of export and report."""
import io
import re
import zipfile
from xml.etree import ElementTree

NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}


def column_index(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord('A') + 1
    return n - 1


def read_book(data):
    """The one sheet's rows as lists of (kind, text): kind is 's' for a
    shared string, 'n' a number, 'f' a formula; and the sheet's XML."""
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ElementTree.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    sheets = [n for n in z.namelist() if n.startswith('xl/worksheets/sheet')]
    xml = z.read(sheets[0])
    rows = []
    for row in ElementTree.fromstring(xml).find('m:sheetData', NS).findall('m:row', NS):
        cells = {}
        for c in row.findall('m:c', NS):
            if c.find('m:f', NS) is not None:
                cells[column_index(c.get('r'))] = ('f', '')
                continue
            v = c.find('m:v', NS)
            if c.get('t') == 's':
                cells[column_index(c.get('r'))] = ('s', shared[int(v.text)])
            elif c.get('t') == 'inlineStr':
                cells[column_index(c.get('r'))] = ('s', ''.join(
                    t.text or '' for t in c.iter('{%s}t' % NS['m'])))
            else:
                cells[column_index(c.get('r'))] = ('n', v.text)
        width = max(cells) + 1 if cells else 0
        rows.append([cells.get(i, ('', '')) for i in range(width)])
    return rows, xml.decode('utf-8'), len(sheets)
