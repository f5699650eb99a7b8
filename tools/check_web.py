#!/usr/bin/env python3
"""Static checks of web/: every string the pages use is in web/i18n/en.json and
uk.json, the two files have the same keys (Ukrainian with its own plural forms),
every Ukrainian string is written in Ukrainian, and no file names another host
(no CDN, no remote font). Usage: check_web.py WEB_DIR. Exit 1 on a problem."""
import glob
import json
import os
import re
import sys

PLURAL = re.compile(r'\.(one|few|many|other)$')
# Strings that are the same in both languages on purpose.
SAME_OK = {'app.name', 'lang.en', 'lang.uk', 'reason.other',
           'why.quoted',  # quotation marks only: the page's own («», “”)
           'import.warn_place'}  # a time span and a table's name: punctuation only
# Namespaces are names, not requests.
URL_OK = {'http://www.w3.org/2000/svg'}


def main():
    web = sys.argv[1] if len(sys.argv) > 1 else 'web'
    en = json.load(open(os.path.join(web, 'i18n', 'en.json'), encoding='utf-8'))
    uk = json.load(open(os.path.join(web, 'i18n', 'uk.json'), encoding='utf-8'))
    problems = []
    base = lambda k: PLURAL.sub('', k)
    en_bases = {base(k) for k in en}
    uk_bases = {base(k) for k in uk}
    for k in sorted(en_bases - uk_bases):
        problems.append('uk.json lacks "%s"' % k)
    for k in sorted(uk_bases - en_bases):
        problems.append('uk.json has "%s" that en.json lacks' % k)
    for k in en:
        if k.endswith('.one') and base(k) + '.other' in en:
            for form in ('one', 'few', 'many', 'other'):
                if '%s.%s' % (base(k), form) not in uk:
                    problems.append('uk.json lacks the plural form "%s.%s"' % (base(k), form))
    cyr = re.compile('[\u0400-\u04ff]')
    for k, v in uk.items():
        if k in SAME_OK:
            continue
        if not cyr.search(re.sub(r'\{\w+\}', '', v)):
            problems.append('uk.json "%s" is not Ukrainian: %r' % (k, v))
    code = ''
    for f in glob.glob(os.path.join(web, 'js', '**', '*.js'), recursive=True):
        code += open(f, encoding='utf-8').read()
    # Literal keys passed to t()/tn()/tx(), and 'a.b' strings in key tables (nav, lists).
    used = set(re.findall(r"\bt[nx]?\(\s*'([a-z0-9_]+\.[a-z0-9_.]+)'", code))
    used |= set(re.findall(r"\[\s*'/[^']*',\s*'([a-z0-9_]+\.[a-z0-9_]+)'\s*\]", code))
    for k in sorted(used):
        if k not in en and k not in en_bases:
            problems.append('the pages use "%s", which en.json lacks' % k)
    for f in sorted(glob.glob(os.path.join(web, '**', '*'), recursive=True)):
        if os.path.isdir(f) or f.endswith('.png'):
            continue
        text = open(f, encoding='utf-8').read()
        for m in re.finditer(r'(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\'")]*', text):
            url = m.group(0)
            if url in URL_OK or not url.startswith(('http', '//')):
                continue
            problems.append('%s names another host: %s' % (os.path.relpath(f, web), url))
    for p in problems:
        print('check_web:', p)
    print('%d passed, %d failed' % (1 if not problems else 0, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
