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
t "a short password" 3 $'short\n' "the password is shorter than 8 characters" -- user add --email t@x.test --role organiser --password-stdin
# characters, not bytes: the welcome page counts so too (web/js/forms.js)
t "six Cyrillic letters (12 bytes) are too short" 3 $'пароль\n' "^dfnc: the password is shorter than 8 characters" -- user add --email t@x.test --role organiser --password-stdin
t "seven Cyrillic letters (14 bytes) are too short" 3 $'паролик\n' "shorter than 8 characters" -- user add --email t@x.test --role organiser --password-stdin
t "eight Cyrillic letters are enough" 0 $'джмелині\n' "added" -- user add --email cyr@x.test --role organiser --password-stdin
t "a password that is not UTF-8, named" 3 $'pass\xffword-1\n' "^dfnc: the password is not valid UTF-8 \(byte 5\)" -- user add --email t@x.test --role organiser --password-stdin
# (a shell variable cannot hold a NUL byte: piped straight in)
printf 'long-pass\0word\n' | "$DFNC" --db u.db user add --email t@x.test --role organiser --password-stdin >out.txt 2>&1
got=$?
[ "$got" = 3 ] && grep -q "^dfnc: the password holds a NUL byte (byte 10)" out.txt \
    && pass "a NUL byte is refused, not taken for the password's end" \
    || fail "a NUL byte in the password" "exit $got: $(head -1 out.txt)"
t "1024 bytes are allowed (512 Cyrillic letters)" 0 "$(printf 'ж%.0s' $(seq 1 512))"$'\r\n' "added" -- user add --email big@x.test --role organiser --password-stdin
t "1025 bytes are not" 3 "$(printf 'ж%.0s' $(seq 1 512))x" "longer than 1024 bytes" -- user add --email t@x.test --role organiser --password-stdin
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
t "a short new password" 3 $'short\n' "shorter than 8 characters" -- user password --email org@x.test --password-stdin
t "a new password of six Cyrillic letters" 3 $'пароль\n' "shorter than 8 characters" -- user password --email org@x.test --password-stdin
t "password takes no --role" 2 $'another-password\n' "usage" -- user password --email org@x.test --role organiser --password-stdin
# dfnc user invite: logins without a password and one-time links, as a CSV
python3 - <<'PY'
import sqlite3
c = sqlite3.connect("u.db")
c.executescript("""INSERT INTO organisations(id,name,country,kind) VALUES ('e','Euro, "Co"','BE','company');
INSERT INTO people(id,org_rid,name,email) VALUES ('i1',1,'Ірина','i1@x.test'),('i2',2,'Anna','anna@x.test'),
 ('i3',2,'No Mail',NULL),('i4',2,'Same Mail','ORG@x.test');""")
c.commit()
PY
t "invite needs --out, named" 2 "" "^dfnc: user invite needs --out" -- user invite --all --public-url https://forum.eu
t "invite needs --public-url, named" 2 "" "^dfnc: user invite needs --public-url" -- user invite --all --out inv.csv
t "invite takes --all or ids, not both" 2 "" "not both" -- user invite i1 --all --public-url https://forum.eu --out inv.csv
t "invite refuses a --public-url with a #fragment" 2 "" "is not an http:// or https:// address" -- user invite --all --public-url 'https://forum.eu/#x' --out inv.csv
t "invite refuses --days 0" 2 "" "days takes a whole number from 1 to 365" -- user invite --all --days 0 --public-url https://forum.eu --out inv.csv
# a --public-url so long that a link would cut its token: refused, nothing kept
long="https://forum.eu/$(printf 'a%.0s' $(seq 1 560))"
t "invite refuses a --public-url over its bound" 2 "" "public-url is 577 bytes long, over the limit of 256" \
  -- user invite --all --public-url "$long" --out inv.csv
kept=$(python3 -c "import sqlite3;print(sqlite3.connect('u.db').execute('SELECT (SELECT count(*) FROM invitations)+(SELECT count(*) FROM users WHERE password_hash = \'\')').fetchone()[0])")
[ "$kept" = 0 ] && [ ! -e inv.csv ] && pass "a refused invite run keeps no login, invitation or file" \
    || fail "a refused invite run kept $kept logins or invitations, or its file"
t "invite everyone" 0 "" "^invited 2 \(2 new logins, 0 renewed\); skipped 3: 0 invited and not signed in yet, 1 with a password, 1 without a valid e-mail, 1 whose e-mail another login has" \
  -- user invite --all --days 3 --public-url https://forum.eu/ --out inv.csv
grep -q "^not invited: person i4, whose e-mail ORG@x.test another login has$" out.txt \
    && pass "invite names whom another login's e-mail leaves out" || fail "invite: who is left out unnamed"
cp inv.csv inv1.csv
# an organisation nobody may edit but the organisers gets the first of its
# people invited as its contact; one that has a contact keeps it
grep -q "^1 made their organisation's contact, who may edit its profile, offers and needs: it had none" out.txt \
    && pass "invite says whom it made their organisation's contact" || fail "invite: no word of contacts made"
python3 - <<'PY' && pass "... Anna for Euro, the first of its people, and O keeps Petro" || fail "contacts after the invitations"
import sqlite3
c = sqlite3.connect("u.db")
contacts = dict(c.execute("SELECT o.id, p.id FROM org_contacts k JOIN organisations o ON o.rid = k.org_rid JOIN people p ON p.rid = k.person_rid"))
assert contacts == {"o": "p", "e": "i2"}, contacts
audit = list(c.execute("SELECT actor, entity_id FROM audit_log WHERE action = 'org.contact'"))
assert audit == [("cli", "i2")], audit
PY
# the links sign in: nobody else on the machine reads them, whatever the umask
[ "$(stat -c %a inv.csv)" = 600 ] && pass "the invitations' file is the owner's alone (0600)" \
    || fail "the invitations' file is $(stat -c %a inv.csv), not 0600"
python3 - <<'PY' && pass "the CSV: one row each, the links' tokens stored as hashes only, logins without a password" || fail "the CSV and the stored invitations"
import csv, hashlib, sqlite3, sys, time
rows = list(csv.DictReader(open("inv.csv", encoding="utf-8")))
assert [r["person"] for r in rows] == ["i1", "i2"], rows
assert list(rows[0]) == ["person", "name", "email", "organisation", "language", "link", "expires"]
assert rows[0]["name"] == "Ірина" and rows[0]["language"] == "uk" and rows[1]["language"] == "en", rows
assert rows[1]["organisation"] == 'Euro, "Co"' and rows[1]["email"] == "anna@x.test", rows
c = sqlite3.connect("u.db")
stored = {bytes(h) for (h,) in c.execute("SELECT token_hash FROM invitations")}
for r in rows:
    base, token = r["link"].split("#")
    assert base == "https://forum.eu/welcome" and len(token) == 43, r["link"]
    assert hashlib.blake2b(token.encode(), digest_size=32).digest() in stored
    exp = time.mktime(time.strptime(r["expires"], "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
    assert abs(exp - (time.time() + 3 * 86400)) < 600, r["expires"]
dump = "\n".join(c.iterdump())
assert not any(r["link"].split("#")[1] in dump for r in rows)
hashes = dict(c.execute("SELECT email, password_hash FROM users WHERE role = 'participant' AND email IN ('i1@x.test','anna@x.test')"))
assert hashes == {"i1@x.test": "", "anna@x.test": ""}, hashes
PY
t "invite everyone again: nobody new" 0 "" "^invited 0 .*skipped 5: 2 invited and not signed in yet, 1 with a password, 1 without a valid e-mail, 1 whose e-mail another login has" \
  -- user invite --all --public-url https://forum.eu --out -
t "dfnc check: a login without a password yet is no weak hash" 0 "" "^problems: 0" -- check
python3 -c "import sqlite3;c=sqlite3.connect('u.db');c.execute(\"UPDATE invitations SET expires_at = 1 WHERE user_rid = (SELECT rid FROM users WHERE email = 'anna@x.test')\");c.commit()"
chmod 644 inv.csv
t "invite everyone: an expired link is renewed" 0 "" "^invited 1 \(0 new logins, 1 renewed\)" -- user invite --all --public-url https://forum.eu --out inv.csv
[ "$(stat -c %a inv.csv)" = 600 ] && pass "... and so is a file written over one others could read" \
    || fail "the invitations' file written over a 0644 one is $(stat -c %a inv.csv)"
t "invite one by name: a new link replaces the old" 0 "" "^invited 1 \(0 new logins, 1 renewed\)" -- user invite i1 i1 --public-url https://forum.eu --out inv.csv
python3 - <<'PY' && pass "the re-invited person's old link is forgotten, the new one stored" || fail "re-invitation"
import csv, hashlib, sqlite3
h = lambda f: [hashlib.blake2b(r["link"].split("#")[1].encode(), digest_size=32).digest() for r in csv.DictReader(open(f, encoding="utf-8"))]
old, new = h("inv1.csv")[0], h("inv.csv")
stored = {bytes(x) for (x,) in sqlite3.connect("u.db").execute("SELECT token_hash FROM invitations")}
assert len(new) == 1 and new[0] in stored and old not in stored
PY
t "invite a person without an e-mail, named" 3 "" 'person "i3" has no e-mail address' -- user invite i3 --public-url https://forum.eu --out inv.csv
t "invite a person whose e-mail another login has, named" 3 "" 'another login has the e-mail' -- user invite i4 --public-url https://forum.eu --out inv.csv
t "invite an unknown person" 3 "" 'person "nobody" does not exist' -- user invite i1 nobody --public-url https://forum.eu --out inv.csv
python3 - <<'PY' && pass "a refused invitation changes nothing: the file and the stored links stay" || fail "refused invitation"
import csv, sqlite3
rows = list(csv.DictReader(open("inv.csv", encoding="utf-8")))
assert [r["person"] for r in rows] == ["i1"], rows
c = sqlite3.connect("u.db")
assert c.execute("SELECT count(*) FROM invitations").fetchone()[0] == 2
audit = [r[0] for r in c.execute("SELECT detail FROM audit_log WHERE action = 'user.invite' ORDER BY rid")]
assert audit == ["2 invited (2 new logins, 0 renewed), 3 skipped", "0 invited (0 new logins, 0 renewed), 5 skipped",
                 "1 invited (0 new logins, 1 renewed), 4 skipped", "1 invited (0 new logins, 1 renewed), 0 skipped"], audit
PY
# an invitation that lapsed unused goes at the next run, whoever it names:
# the table holds no link nobody can use
python3 -c "import sqlite3;c=sqlite3.connect('u.db');c.execute(\"UPDATE invitations SET expires_at = 1 WHERE user_rid = (SELECT rid FROM users WHERE email = 'anna@x.test')\");c.commit()"
t "a run prunes the links that expired" 0 "" "^invited 1 " -- user invite i1 --public-url https://forum.eu --out -
python3 - <<'PY' && pass "... with a line in the audit trail; the login stays for a new link" || fail "pruning expired invitations"
import sqlite3
c = sqlite3.connect("u.db")
left = [r[0] for r in c.execute("SELECT u.email FROM invitations i JOIN users u ON u.rid = i.user_rid")]
assert left == ["i1@x.test"], left
audit = c.execute("SELECT actor, entity, entity_id, detail FROM audit_log WHERE action = 'user.invitation_expire'").fetchall()
# twice: the run that renewed her expired link above pruned it first too
assert audit == [("cli", "user", "anna@x.test", "unused, expired 1970-01-01T00:00:01Z")] * 2, audit
assert c.execute("SELECT password_hash FROM users WHERE email = 'anna@x.test'").fetchone() == ("",)
PY
# A run whose commit fails after the links are written: no file of links to
# invitations never made, a file there before left as it was (a previous
# run's links are still live then), and the database as it was. The fault
# is the database's own: a row that breaks a deferred foreign key, put in by
# a trigger on the run's audit line, is refused at COMMIT only.
python3 - <<'PY'
import sqlite3
c = sqlite3.connect("u.db")
c.executescript("""INSERT INTO people(id,org_rid,name,email) VALUES ('i5',2,'Late Comer','late@x.test');
CREATE TABLE commit_trap(person_rid INTEGER REFERENCES people(rid) DEFERRABLE INITIALLY DEFERRED);
CREATE TRIGGER commit_trap_on_invite AFTER INSERT ON audit_log WHEN NEW.action = 'user.invite'
BEGIN INSERT INTO commit_trap VALUES (-1); END;""")
c.commit()
PY
state() {
    python3 -c "import sqlite3;c=sqlite3.connect('u.db');print([c.execute(q).fetchall() for q in ('SELECT * FROM users ORDER BY rid','SELECT * FROM invitations ORDER BY user_rid','SELECT * FROM audit_log ORDER BY rid','SELECT * FROM commit_trap')])"
}
before=$(state)
t "a run whose commit fails says why" 1 "" "^dfnc: database error while committing: FOREIGN KEY constraint failed" \
  -- user invite --all --public-url https://forum.eu --out failed.csv
ls -A | grep -q '^\.failed\.csv\.' && fail "the failed run left its temporary file" || pass "... leaves no temporary file"
[ ! -e failed.csv ] && pass "... and writes no file of links" || fail "the failed run left failed.csv"
[ "$(state)" = "$before" ] && pass "... and the database is as it was: no login, invitation or audit line" \
    || fail "the failed run changed the database"
cp inv.csv kept.csv
t "a failed run over a previous run's file" 1 "" "FOREIGN KEY constraint failed" \
  -- user invite --all --public-url https://forum.eu --out kept.csv
cmp -s inv.csv kept.csv && pass "... leaves that file as it was: its links are still live" \
    || fail "the failed run changed or removed the previous run's file"
# through a symbolic link: the file it points to as it was, the link too
mkdir -p links && echo old >links/target.csv && ln -s links/target.csv via-link.csv
t "a failed run through a symbolic link" 1 "" "FOREIGN KEY constraint failed" \
  -- user invite --all --public-url https://forum.eu --out via-link.csv
[ "$(cat links/target.csv)" = old ] && [ -L via-link.csv ] && pass "... leaves the link and its target as they were" \
    || fail "through a link: target $(ls links) link $(ls -l via-link.csv)"
# the trap gone, the same run succeeds: the failure was the commit's alone
python3 -c "import sqlite3;c=sqlite3.connect('u.db');c.execute('DROP TRIGGER commit_trap_on_invite');c.commit()"
t "without the fault the run invites" 0 "" "^invited 2 \(1 new login, 1 renewed\)" -- user invite --all --public-url https://forum.eu --out failed.csv
[ -s failed.csv ] && pass "... and keeps its file" || fail "the run without the fault left no file"
# one rule for the language to write in, as mail's: Anna (of a German organisation) speaks
# uk before en, Ірина (of a Ukrainian one) en before uk; her list wins over her country
python3 -c "import sqlite3;c=sqlite3.connect('u.db');c.execute(\"UPDATE people SET languages = CASE id WHEN 'i2' THEN 'de;uk;en' ELSE 'en;uk' END WHERE id IN ('i1','i2')\");c.commit()"
t "invite Anna and Ірина again" 0 "" "^invited 2" -- user invite i1 i2 --public-url https://forum.eu --out lang.csv
python3 - <<'PY' && pass "... each in the first of uk and en she speaks" || fail "the invitations' language"
import csv
rows = {r["person"]: r["language"] for r in csv.DictReader(open("lang.csv", encoding="utf-8"))}
assert rows == {"i1": "en", "i2": "uk"}, rows
PY
tap_end
