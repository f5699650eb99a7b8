"""Imported by the Python command-line tests, as tap.sh is sourced by the
shell ones: they print TAP. `ok(COND, NAME, DETAIL)` counts one case
(DETAIL's first lines shown when it fails); `scratch()` moves into a new
scratch directory (after the script has read its paths); `end()` prints the
plan and exits with the result."""
import os
import sys
import tempfile

_n = 0
_failures = 0


def ok(cond, name, detail=''):
    global _n, _failures
    _n += 1
    print('%s %d - %s' % ('ok' if cond else 'not ok', _n, name))
    if not cond:
        _failures += 1
        for line in str(detail).splitlines()[:12]:
            print('#   ' + line)


def end():
    print('1..%d' % _n)
    sys.exit(1 if _failures else 0)


def scratch():
    os.chdir(tempfile.mkdtemp())
