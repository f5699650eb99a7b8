#!/usr/bin/env bash
# `dfnc user add` and `dfnc user password`: exit codes and what the users
# table then holds (issue 5).
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
t "not an email address" 3 $'long-password\n' "not an e-mail address" -- user add --email nobody --role organiser --password-stdin
t "a short password" 3 $'short\n' "the password is shorter than 8 bytes" -- user add --email t@x.test --role organiser --password-stdin
t "no password on stdin" 3 "" "no password" -- user add --email u@x.test --role organiser --password-stdin
t "without --password-stdin, which is named (no prompt: it waits for nothing)" 2 "" \
  "^dfnc: the password is read from standard input: give --password-stdin" \
  -- user add --email v@x.test --role organiser
t "without --email, named" 2 "" "^dfnc: user add needs --email" -- user add --role organiser --password-stdin
t "without --role, named" 2 "" "^dfnc: user add needs --role organiser or participant" \
  -- user add --email v@x.test --password-stdin
t "--contact without --person, named" 2 "" "^dfnc: --contact makes --person the contact" \
  -- user add --email v@x.test --role organiser --contact --password-stdin
t "password with --role, named" 2 "" "^dfnc: user password takes --email and --password-stdin only" \
  -- user password --email org@x.test --role organiser --password-stdin
t "without add" 2 "" "usage" -- user --email v@x.test
hashes=$(python3 -c "import sqlite3;print('|'.join(r[0] for r in sqlite3.connect('u.db').execute('SELECT password_hash FROM users ORDER BY rid')))")
if [[ "$hashes" == '$argon2id$'*'|$argon2id$'* ]] && [[ "$hashes" != *long-password* ]]; then
    pass "two logins, stored as argon2id hashes only"
else
    fail "stored hashes" "$hashes"
fi
contact=$(python3 -c "import sqlite3;print(sqlite3.connect('u.db').execute('SELECT count(*) FROM org_contacts').fetchone()[0])")
if [ "$contact" = 1 ]; then pass "--contact made p the contact of o"; else fail "contacts" "$contact"; fi

# a login an older demo hashed at the minimum cost, signed in: dfnc check names
# it; a new password rehashes it and signs the old session out
python3 - <<'PY'
import sqlite3
c = sqlite3.connect("u.db")
c.execute("UPDATE users SET password_hash = '$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA'"
          " WHERE email = 'org@x.test'")
c.execute("INSERT INTO user_sessions(token_hash, user_rid, csrf, created_at, expires_at)"
          " SELECT x'00', rid, 'c', 0, 9999999999 FROM users WHERE email = 'org@x.test'")
c.commit()
PY
t "dfnc check names the cheap hash" 3 "" "^user org@x.test: password_hash: .*dfnc user password" -- check
t "a new password" 0 $'another-password\n' "new password set, its sessions ended" -- user password --email ORG@x.test --password-stdin
t "dfnc check is then content" 0 "" "^problems: 0" -- check
left=$(python3 -c "import sqlite3;print(sqlite3.connect('u.db').execute('SELECT count(*) FROM user_sessions').fetchone()[0])")
if [ "$left" = 0 ]; then pass "the new password ended the login's session"; else fail "sessions" "$left"; fi
t "a new password for no login" 3 $'another-password\n' 'no login for "nobody@x.test"' -- user password --email nobody@x.test --password-stdin
t "a short new password" 3 $'short\n' "shorter than 8 bytes" -- user password --email org@x.test --password-stdin
t "password takes no --role" 2 $'another-password\n' "usage" -- user password --email org@x.test --role organiser --password-stdin
tap_end
