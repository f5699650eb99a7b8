#!/usr/bin/env python3
"""Static checks of web/: every string the pages use is in web/i18n/en.json and
uk.json, the two files have the same keys (Ukrainian with its own plural forms),
every Ukrainian string is written in Ukrainian, no file names another host
(no CDN, no remote font), every code the server says a sentence by
(src/core/codes.h) has its words in both languages, and so has every code
src/http gives an error ("apierr.CODE"). Usage: check_web.py
WEB_DIR (its sources are WEB_DIR/../src). Exit 1 on a problem."""
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


def code_lists(header):
    """The lists of src/core/codes.h: {"DF_CODES_IMPORT": [codes], ...}."""
    text = open(header, encoding='utf-8').read().replace('\\\n', ' ')
    return {m.group(1): re.findall(r'"([a-z0-9_]+)"', m.group(2))
            for m in re.finditer(r'#define (DF_CODES_\w+)\s+(.*)', text)}


def call_args(text, start):
    """The arguments of the call whose '(' is at start, split at depth 0."""
    depth, args, cur, i, quoted = 0, [], '', start + 1, False
    while i < len(text):
        c = text[i]
        if quoted:
            cur += c
            if c == '\\':
                cur += text[i + 1]
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            cur += c
        elif c in '([{':
            depth += 1
            cur += c
        elif c in ')]}':
            if depth == 0:
                args.append(cur)
                return args
            depth -= 1
            cur += c
        elif c == ',' and depth == 0:
            args.append(cur)
            cur = ''
        else:
            cur += c
        i += 1
    return args


# Where the schedule's, the moves' and the accepts' codes are made, and the
# calls that take one: (function, the argument that is the code).
SCHED_FILES = {os.path.join('app', f) for f in ('move.c', 'requests.c', 'event.c', 'import.c')} | \
    {os.path.join('http', 'handlers_events.c')}
SCHED_CALLS = (('why_add', 3), ('warning_part', 1), ('app_import_note_add', 3),
               ('api_reason_code_set', 1))
# The lists of such codes and the table of a page that says each: (file
# under web/js, the table's name).
TABLES = {'DF_CODES_IN_THE_WAY': ('words.js', 'WHY'),
          'DF_CODES_UNSCHEDULED': ('words.js', 'UNSCHEDULED'),
          'DF_CODES_ACCEPTED': ('words.js', 'ACCEPTED'),
          'DF_CODES_MOVED': (os.path.join('pages', 'console.js'), 'MOVED'),
          'DF_CODES_IMPORT_NOTES': (os.path.join('pages', 'console.js'), 'WARNINGS')}


def table_keys(path, name):
    """The keys of `const NAME = { key: ..., }` in a page's file (its lines
    at the table's first depth, two spaces in)."""
    text = open(path, encoding='utf-8').read()
    m = re.search(r'^const %s = \{\n(.*?)^\};' % name, text, re.S | re.M)
    return set(re.findall(r'^  ([a-z0-9_]+):', m.group(1), re.M)) if m else set()


# The calls that give a refusal its code: (function, the argument that is
# the code); the store's need_rid passes its own to df_err_code.
CODE_CALLS = (('df_err_code', 1), ('need_rid', 4))


def codes_made(src):
    """Every code the sources give a sentence: df_err_code's (and need_rid's,
    which hands its own to it), the importers'
    own (a repeated key's, a unique value's, the code page's guesses, a
    programme item's guards) and the procurement engine's reasons."""
    made = {}
    lit = lambda s: re.findall(r'"([a-z0-9_]+)"', s)
    for f in glob.glob(os.path.join(src, '**', '*.c'), recursive=True):
        text = open(f, encoding='utf-8').read()
        rel = os.path.relpath(f, src)
        for call, at in CODE_CALLS:
            for m in re.finditer(r'\b%s\(' % call, text):
                args = call_args(text, m.end() - 1)
                for c in lit(args[at]) if len(args) > at else []:
                    made.setdefault(c, rel)
        if rel.startswith('io/') or rel == os.path.join('app', 'import.c'):
            for m in re.finditer(r'(?:->|\*|\.)\w*code\s*=\s*([^;,}]+)', text):
                for c in lit(m.group(1)):
                    made.setdefault(c, rel)
            for m in re.finditer(r'codepage_why\)\{"([a-z0-9_]+)"', text):
                made.setdefault(m.group(1), rel)
        if rel == os.path.join('store', 'programme.c'):
            for m in re.finditer(r'"\s*,\s*"([a-z0-9_]+)"\}', text):
                made.setdefault(m.group(1), rel)
        if rel in SCHED_FILES or rel.startswith(os.path.join('app', 'schedule_')):
            for m in re.finditer(r'(?:\.|->)code\s*=\s*([^;,}]+)', text):
                for c in lit(m.group(1)):
                    made.setdefault('sched:' + c, rel)
            for m in re.finditer(r'\bIN_THE_WAY\(\s*"([a-z0-9_]+)"', text):
                made.setdefault('sched:' + m.group(1), rel)
            for m in re.finditer(r'\bcase SCHED_R_\w+: return "([a-z0-9_]+)"', text):
                made.setdefault('sched:' + m.group(1), rel)
            for call, at in SCHED_CALLS:
                for m in re.finditer(r'\b%s\(' % call, text):
                    args = call_args(text, m.end() - 1)
                    for c in lit(args[at]) if len(args) > at else []:
                        made.setdefault('sched:' + c, rel)
        if rel == os.path.join('engine', 'procure', 'plan.c'):
            for m in re.finditer(r'\bwhy_(?:new|part)\([^,]+, "([a-z0-9_]+)"', text):
                made.setdefault('procure:' + m.group(1), rel)
    return made


# The replies that give an error its own code, {"error": {"code", ...}}:
# (function, the argument that is the code). A page says such a code by
# errorText or refusalText, words "apierr.CODE", else (on a Ukrainian page)
# the server's English or no more than "Something went wrong".
REPLY_CALLS = (('http_reply_error', 2), ('http_reply_field_error', 2),
               ('http_reply_coded_error', 2))


def error_codes(src):
    """Every code src/http gives an error of its reply: {code: file}."""
    made = {}
    for f in sorted(glob.glob(os.path.join(src, 'http', '*.c'))):
        text = open(f, encoding='utf-8').read()
        for call, at in REPLY_CALLS:
            for m in re.finditer(r'\b%s\(' % call, text):
                args = call_args(text, m.end() - 1)
                # the literals the argument may be, not those it compares
                # with (strcmp(field, "email") == 0 ? "email_taken" : ...)
                arg = args[at] if len(args) > at else ''
                while re.search(r'\([^()]*\)', arg):
                    arg = re.sub(r'\([^()]*\)', '', arg)
                for c in re.findall(r'"([a-z0-9_]+)"', arg):
                    made.setdefault(c, os.path.relpath(f, src))
    return made


def check_codes(web, en_bases, uk_bases, problems):
    src = os.path.join(web, '..', 'src')
    header = os.path.join(src, 'core', 'codes.h')
    if not os.path.exists(header):
        return
    lists = code_lists(header)
    keys = {'DF_CODES_IMPORT': 'import.err_%s', 'DF_CODES_PROCURE': 'proc.why.%s',
            'DF_CODES_PROCURE_PARTS': 'proc.part.%s'}
    for name, key in keys.items():
        for c in lists.get(name, []):
            for lang, bases in (('en', en_bases), ('uk', uk_bases)):
                if key % c not in bases:
                    problems.append('%s.json lacks "%s" for the code %s (%s)' % (lang, key % c, c, name))
    for c, where in sorted(error_codes(src).items()):
        for lang, bases in (('en', en_bases), ('uk', uk_bases)):
            if 'apierr.' + c not in bases:
                problems.append('%s.json lacks "apierr.%s" for the error code src/%s replies with'
                                % (lang, c, where))
    # a refusal's code: a key of words.js's REFUSED or FIELD, or a code
    # people.js's sendError or walkin.js's taken compare with ('CODE')
    words = os.path.join(web, 'js', 'words.js')
    said = table_keys(words, 'REFUSED') | table_keys(words, 'FIELD')
    for f in ('people.js', os.path.join('pages', 'walkin.js')):
        said |= set(re.findall(r"'([a-z0-9_]+)'", open(os.path.join(web, 'js', f), encoding='utf-8').read()))
    for c in lists.get('DF_CODES_REFUSAL', []):
        if c not in said:
            problems.append('web/js/words.js says nothing of the refusal code %s' % c)
    sched = set()
    for name, (f, table) in TABLES.items():
        keys = table_keys(os.path.join(web, 'js', f), table)
        for c in lists.get(name, []):
            sched.add(c)
            if c not in keys:
                problems.append('web/js/%s\'s %s says nothing of the code %s (%s)' % (f, table, c, name))
    known = set(lists.get('DF_CODES_IMPORT', []) + lists.get('DF_CODES_REFUSAL', []))
    procure = set(lists.get('DF_CODES_PROCURE', []) + lists.get('DF_CODES_PROCURE_PARTS', []))
    for c, where in sorted(codes_made(src).items()):
        if c.startswith('sched:'):
            if c[6:] not in sched:
                problems.append('src/%s makes the code %s, which no list of src/core/codes.h '
                                'a page reads has' % (where, c[6:]))
        elif c.startswith('procure:'):
            if c[8:] not in procure:
                problems.append('src/%s makes the reason %s, which src/core/codes.h lacks' % (where, c[8:]))
        elif c not in known:
            problems.append('src/%s makes the code %s, which src/core/codes.h lacks' % (where, c))


def main():
    web = sys.argv[1] if len(sys.argv) > 1 else 'web'
    problems = []

    def strings(lang):
        # a key written twice: JSON keeps the last, so the first's words
        # are never shown (both were meant for a page)
        def pairs(kv):
            seen = {}
            for k, v in kv:
                if k in seen:
                    problems.append('%s.json has "%s" twice: the first is never shown' % (lang, k))
                seen[k] = v
            return seen
        return json.load(open(os.path.join(web, 'i18n', lang + '.json'), encoding='utf-8'),
                         object_pairs_hook=pairs)
    en = strings('en')
    uk = strings('uk')
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
    check_codes(web, en_bases, uk_bases, problems)
    for p in problems:
        print('check_web:', p)
    print('%d passed, %d failed' % (1 if not problems else 0, 1 if problems else 0))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
