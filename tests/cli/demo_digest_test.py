#!/usr/bin/env python3
"""The demo is deterministic per seed (DESIGN.md, "The demo forum"): `dfnc demo
--seed N --no-serve` run twice gives the same forum, every table's every row,
its schedule included, and another seed gives another forum. Only what is
drawn from the clock (timestamps) or at random on purpose (a password's salted
hash, a session or feed token's hash) is left out of the comparison.

usage: demo_digest_test.py DFNC   (run by meson test; TAP on stdout)
"""
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile

DFNC = sys.argv[1]
PEOPLE = '60'   # small, to stay fast; the schedule, logins and procurement come at every size
# Columns written from the clock or from a random source, whatever their table.
NOT_COMPARED = {'created_at', 'updated_at', 'at', 'checked_in_at', 'published_at', 'expires_at',
                'password_hash', 'token_hash',
                'ran_at', 'seconds',   # a schedule run's (schedule_runs)
                'video_room'}   # an online meeting's room: a random name on purpose

cases = 0
failures = 0


def check(name, ok, detail=''):
    global cases, failures
    cases += 1
    print(f"{'ok' if ok else 'not ok'} {cases} - {name}")
    if not ok:
        failures += 1
        for line in str(detail).splitlines()[:20]:
            print(f'#   {line}')


def demo(db, seed):
    r = subprocess.run([DFNC, '--db', db, 'demo', '--seed', str(seed), '--people', PEOPLE,
                        '--no-serve'], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'dfnc demo --seed {seed} failed ({r.returncode}): {r.stderr}')


def table_digests(db):
    """{table: (rows, sha256 of its rows)}: every table of the database (the
    full-text indexes' own tables too), its rows in rowid order (the order they
    were written in) where it has one, each row's compared columns."""
    c = sqlite3.connect(db)
    out = {}
    tables = [t for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for t in tables:
        cols = [r[1] for r in c.execute(f'PRAGMA table_info("{t}")') if r[1] not in NOT_COMPARED]
        picked = ', '.join(f'"{n}"' for n in cols)
        try:
            rows = c.execute(f'SELECT rowid, {picked} FROM "{t}" ORDER BY rowid').fetchall()
        except sqlite3.OperationalError:   # WITHOUT ROWID or virtual: by its values
            rows = sorted(c.execute(f'SELECT {picked} FROM "{t}"').fetchall(), key=repr)
        out[t] = (len(rows), hashlib.sha256(repr((cols, rows)).encode()).hexdigest())
    c.close()
    return out


def differing(a, b):
    return sorted(t for t in a.keys() | b.keys() if a.get(t) != b.get(t))


with tempfile.TemporaryDirectory() as tmp:
    dbs = {name: os.path.join(tmp, f'{name}.db') for name in ('first', 'again', 'other')}
    demo(dbs['first'], 5)
    demo(dbs['again'], 5)
    demo(dbs['other'], 6)
    first, again, other = (table_digests(dbs[n]) for n in ('first', 'again', 'other'))

rows = sum(n for n, _ in first.values())
check(f'the digest reads the whole forum ({len(first)} tables, {rows} rows)',
      len(first) >= 20 and rows > 500 and all(first[t][0] > 0 for t in
          ('organisations', 'people', 'capabilities', 'requests', 'slots', 'locations',
           'meetings', 'interpreters', 'users', 'demands', 'supplies')),
      {t: n for t, (n, _) in first.items()})
check('the same seed gives the same forum, every table (schedule included)',
      first == again, 'tables that differ: ' + ', '.join(differing(first, again)))
apart = differing(first, other)
check('another seed gives another forum',
      {'organisations', 'people', 'requests', 'meetings'} <= set(apart), 'tables that differ: ' + ', '.join(apart))

print(f'1..{cases}')
sys.exit(1 if failures else 0)
