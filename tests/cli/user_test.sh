#!/usr/bin/env bash
# `dfnc user add`: exit codes and what the users table then holds (issue 5).
# usage: user_test.sh DFNC_BINARY   (run by meson test; TAP on stdout)
set -u
DFNC=$(realpath "$1")
. "$(dirname "$0")/tap.sh"
# t NAME WANT_EXIT STDIN_TEXT PATTERN -- ARGS...
t() {
    local name=$1 want=$2 input=$3 pattern=$4
    shift 5
    printf '%s' "$input" | "$DFNC" --db u.db "$@" >out.txt 2>&1
    local got=$?
    if [ "$got" != "$want" ] || { [ -n "$pattern" ] && ! grep -qE -- "$pattern" out.txt; }; then
        fail "$name" "exit $got (wanted $want)"; sed 's/^/#   /' out.txt | head -3
    else
        pass "$name"
    fi
}
"$DFNC" --db u.db init >/dev/null
python3 - <<'PY'
import sqlite3
c = sqlite3.connect("u.db")
c.executescript("""INSERT INTO organisations(id,name,country,kind) VALUES ('o','O','UA','company');
INSERT INTO people(id,org_rid,name) VALUES ('p',1,'Петро');""")
c.commit()
PY

t "an organiser login" 0 $'long-password\n' "added" -- user add --email org@x.test --role organiser --password-stdin
t "a participant who is the contact" 0 $'long-password\n' "person p" -- user add --email p@x.test --role participant --person p --contact --password-stdin
t "the same email again, other case" 3 $'long-password\n' "exists already" -- user add --email ORG@x.test --role organiser --password-stdin
t "an unknown person" 3 $'long-password\n' "does not exist" -- user add --email q@x.test --role participant --person nobody --password-stdin
t "a participant without a person" 2 $'long-password\n' "needs --person" -- user add --email r@x.test --role participant --password-stdin
t "an unknown role" 2 $'long-password\n' "neither" -- user add --email s@x.test --role admin --password-stdin
t "not an email address" 2 $'long-password\n' "not an email address" -- user add --email nobody --role organiser --password-stdin
t "a short password" 3 $'short\n' "the password is shorter than 8 bytes" -- user add --email t@x.test --role organiser --password-stdin
t "no password on stdin" 3 "" "no password" -- user add --email u@x.test --role organiser --password-stdin
t "without --password-stdin" 2 "" "usage" -- user add --email v@x.test --role organiser
t "without add" 2 "" "usage" -- user --email v@x.test
hashes=$(python3 -c "import sqlite3;print('|'.join(r[0] for r in sqlite3.connect('u.db').execute('SELECT password_hash FROM users ORDER BY rid')))")
if [[ "$hashes" == '$argon2id$'*'|$argon2id$'* ]] && [[ "$hashes" != *long-password* ]]; then
    pass "two logins, stored as argon2id hashes only"
else
    fail "stored hashes" "$hashes"
fi
contact=$(python3 -c "import sqlite3;print(sqlite3.connect('u.db').execute('SELECT count(*) FROM org_contacts').fetchone()[0])")
if [ "$contact" = 1 ]; then pass "--contact made p the contact of o"; else fail "contacts" "$contact"; fi
tap_end
