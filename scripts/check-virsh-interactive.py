#!/usr/bin/env python3
"""virsh-interactive: the interactive shell behaves as libvirt 9.0.0's.

Each case starts the reference virsh (Debian's /usr/bin/virsh) and
nuvirt's on a pseudo-terminal (80x24, TERM=dumb, a fresh HOME), types
the same keys -- lines, Tab, arrows -- and compares what the terminal
shows (with escape sequences and carriage returns taken out), the exit
code and the history file each shell leaves behind
(~/.cache/virsh/history).

A case is a name, the program arguments and a list of key chunks.  After
each chunk the script waits until the shell has been quiet for a moment;
when the transcripts differ the case is run again with a longer wait, so
a slow machine does not make a difference appear.

Usage: check-virsh-interactive.py --virsh BUILD/tools/virsh
                                  [--reference PATH] [-v]
Exits 77 (skip) when the reference virsh is missing.
"""

import argparse
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import time
import fcntl
import termios

TAB = '\t'
UP = '\x1b[A'
DOWN = '\x1b[B'
CTRL_D = '\x04'
ENTER = '\n'
URI = ['-c', 'test:///default']

# name, arguments, key chunks[, history file the session starts with]
CASES = [
    ('banner and quit', URI, ['quit' + ENTER]),
    ('end of input', URI, [CTRL_D]),
    ('history: up arrow runs the line before',
     URI, ['echo one' + ENTER, 'echo two' + ENTER, UP + UP + ENTER,
           'quit' + ENTER]),
    ('history: down arrow comes back',
     URI, ['echo one' + ENTER, 'echo two' + ENTER, UP + UP + DOWN + ENTER,
           'exit' + ENTER]),
    ('history kept across sessions', URI,
     [UP + ENTER, 'hostname' + ENTER, 'quit' + ENTER],
     'echo from-before\nuri\n'),
    ('command name completes', URI, ['hostn' + TAB + ENTER, 'quit' + ENTER]),
    ('command names listed', URI,
     ['snapshot-cre' + TAB + TAB, ENTER, 'quit' + ENTER]),
    ('checkpoint commands listed', URI,
     ['checkpoint-' + TAB + TAB, '\x15' + 'quit' + ENTER]),
    ('option completes', URI,
     ['snapshot-list test --tr' + TAB + ENTER, 'quit' + ENTER]),
    ('options listed', URI,
     ['snapshot-delete test --' + TAB + TAB, '\x15' + 'quit' + ENTER]),
    ('domain name completes', URI,
     ['domstate te' + TAB + ENTER, 'quit' + ENTER]),
    ('snapshot names complete', URI,
     ['snapshot-create-as test first' + ENTER,
      'snapshot-create-as test second' + ENTER,
      'snapshot-info test --snapshotname f' + TAB + ENTER,
      'snapshot-parent test --snapshotname ' + TAB + TAB,
      '\x15' + 'quit' + ENTER]),
    ('checkpoint names complete', URI,
     ['checkpoint-create-as test only' + ENTER,
      'checkpoint-info test --checkpointname o' + TAB + ENTER,
      'quit' + ENTER]),
    ('completion after a semicolon', URI,
     ['echo a; versi' + TAB + ENTER, 'quit' + ENTER]),
    ('unknown command and error', URI,
     ['bogus' + ENTER, 'snapshot-info test' + ENTER, 'quit' + ENTER]),
    ('read-only prompt', ['-r'] + URI, ['uri' + ENTER, 'quit' + ENTER]),
]

ESCAPES = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x07|\r')


def clean(data):
    return ESCAPES.sub(b'', data).decode('utf-8', 'replace')


def read_quiet(fd, quiet, limit=20.0):
    """Output of @fd until it has been silent for @quiet seconds."""
    out = b''
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def run(program, args, chunks, quiet, history=None):
    home = tempfile.mkdtemp(prefix='virsh-pty-')
    hist = os.path.join(home, '.cache', 'virsh', 'history')
    if history is not None:
        os.makedirs(os.path.dirname(hist))
        with open(hist, 'w') as f:
            f.write(history)
    env = {'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'HOME': home,
           'LC_ALL': 'C', 'TERM': 'dumb'}
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(home)
        os.execve(program, [program] + args, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    out = read_quiet(fd, quiet)
    for chunk in chunks:
        os.write(fd, chunk.encode())
        out += read_quiet(fd, quiet)
    status = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = os.waitstatus_to_exitcode(st)
            break
        out += read_quiet(fd, 0.1, 0.2)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        status = 'hung'
    os.close(fd)
    saved = open(hist, 'rb').read() if os.path.exists(hist) else None
    shutil.rmtree(home, ignore_errors=True)
    return clean(out), status, saved


def compare(ref, ours):
    bad = []
    if ref[0] != ours[0]:
        bad.append('  screen ref:  %r\n  screen ours: %r' % (ref[0], ours[0]))
    if ref[1] != ours[1]:
        bad.append('  exit code: ref %s, ours %s' % (ref[1], ours[1]))
    if ref[2] != ours[2]:
        bad.append('  history ref: %r\n  history ours: %r' % (ref[2], ours[2]))
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--virsh', required=True)
    ap.add_argument('--reference', default='/usr/bin/virsh')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()
    if not os.access(args.reference, os.X_OK):
        print('no reference virsh at %s' % args.reference)
        return 77
    ours_prog = os.path.abspath(args.virsh)
    failed = 0
    for case in CASES:
        name, argv, chunks = case[:3]
        history = case[3] if len(case) > 3 else None
        for quiet in (0.4, 1.5):
            ref = run(args.reference, argv, chunks, quiet, history)
            ours = run(ours_prog, argv, chunks, quiet, history)
            bad = compare(ref, ours)
            if not bad:
                break
        if bad:
            failed += 1
            print('FAIL: %s' % name)
            print('\n'.join(bad))
        elif args.verbose:
            print('ok: %s\n%s' % (name, ref[0]))
    print('%d/%d interactive cases match' % (len(CASES) - failed, len(CASES)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
