#!/usr/bin/env python3
"""How long `dfnc mail send` takes to hand a forum's invitations to an SMTP
server whose every reply comes a network round trip late.

Usage: bench/mail_send.py DFNC [BEFORE_DFNC] [--people N] [--rtt-ms D]

Builds a demo forum of N people (default 1,000) with mail on, queues one
invitation mail each (`dfnc user invite --all --mail`), then times `dfnc
mail send` against a local SMTP sink that waits D ms (default 20: a provider
in another EU country) before each line it says, as a round trip over the
network would. Prints the mails sent, the connections the sink saw, the
round trips (replies) it waited, the seconds, and, given a second binary,
the same for it on a copy of the same database and the ratio between them.
No TLS: a real provider's STARTTLS and login cost more round trips a
connection, so the gain measured here is the smaller one."""
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time


class Sink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, rtt):
        self.rtt, self.mails, self.connections, self.replies = rtt, 0, 0, 0
        self.lock = threading.Lock()
        super().__init__(('127.0.0.1', 0), SinkSession)


class SinkSession(socketserver.StreamRequestHandler):
    def say(self, line):
        time.sleep(self.server.rtt)
        with self.server.lock:
            self.server.replies += 1
        self.wfile.write(line.encode() + b'\r\n')

    def handle(self):
        with self.server.lock:
            self.server.connections += 1
        self.say('220 sink ESMTP')
        while True:
            line = self.rfile.readline().decode('ascii', 'replace').strip()
            verb = line[:4].upper()
            if not line or verb == 'QUIT':
                self.say('221 bye')
                return
            if verb == 'DATA':
                self.say('354 go on')
                while True:
                    part = self.rfile.readline()
                    if not part or part == b'.\r\n':
                        break
                with self.server.lock:
                    self.server.mails += 1
                self.say('250 queued')
            else:
                self.say('250 ok')


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit('%s: exit %d\n%s%s' % (' '.join(cmd), p.returncode, p.stdout, p.stderr))
    return p


def measure(dfnc, db, rtt):
    sink = Sink(rtt)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    t0 = time.monotonic()
    run([dfnc, '--db', db, 'mail', 'send', '--smtp', 'smtp://127.0.0.1:%d' % sink.server_address[1],
         '--mail-from', 'forum@dfnc.example.eu', '--timeout', '30'])
    seconds = time.monotonic() - t0
    sink.shutdown()
    return sink.mails, sink.connections, sink.replies, seconds


def main():
    args = sys.argv[1:]
    people, rtt_ms = 1000, 20.0
    for flag in ('--people', '--rtt-ms'):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i:i + 2]
            if flag == '--people':
                people = int(value)
            else:
                rtt_ms = float(value)
    if not 1 <= len(args) <= 2:
        sys.exit(__doc__)
    binaries = [os.path.realpath(b) for b in args]
    work = tempfile.mkdtemp(prefix='dfnc-mail-bench-')
    try:
        db = os.path.join(work, 'forum.db')
        run([binaries[0], '--db', db, 'demo', '--people', str(people), '--no-serve'])
        run([binaries[0], '--db', db, 'mail', 'setup', '--public-url', 'https://forum.example.eu'])
        run([binaries[0], '--db', db, 'user', 'invite', '--all', '--mail'])
        results = []
        for n, dfnc in enumerate(binaries):
            copy = os.path.join(work, 'copy%d.db' % n)
            shutil.copyfile(db, copy)
            results.append(measure(dfnc, copy, rtt_ms / 1000))
        print('people %d, round trip %.0f ms (the sink waits before each reply), no TLS'
              % (people, rtt_ms))
        for label, dfnc, (mails, conns, replies, secs) in zip(('this', 'before'), binaries,
                                                                 results):
            print('%-6s %s: %d mails, %d connections, %d replies waited, %.2f s, %.1f mails/s'
                  % (label, dfnc, mails, conns, replies, secs, mails / secs if secs else 0))
        if len(results) == 2:
            print('before/this: %.2fx the time' % (results[1][3] / results[0][3]))
    finally:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
