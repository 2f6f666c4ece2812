#!/usr/bin/env python3
"""virsh-golden: nuvirt's virsh behaves as libvirt 9.0.0's, byte for byte.

Each invocation in the cases file runs twice -- with the reference virsh
(Debian's /usr/bin/virsh on Debian's own library) and with nuvirt's --
and stdout, stderr and the exit code are compared.

Cases file: one invocation per line, as shell words (comments '#' and blank
lines are skipped).  Leading words may be:

    NAME=VALUE      set an environment variable for that invocation
    @stdin=TEXT     feed TEXT (with \\n escapes) on standard input
    @nuvirt-lib     run the reference virsh on nuvirt's library too
                    (--libdir), for commands whose API nuvirt's drivers
                    lack so far: both shells must then fail alike.  The
                    run says when such a case also matches on Debian's
                    library, so the tag can go.
    @pending        a case that needs an API nuvirt's test driver lacks
                    and that cannot run on nuvirt's library either (the
                    reference virsh itself hangs there: its job commands
                    lose a wake-up when the job fails at once); it runs,
                    a difference is counted as pending, not failed, and
                    the run says when it matches, so the tag can go.

    @daemon         run against a fresh nuvirt daemon of its own (--daemon):
                    '@URI@' in a word is its test+unix URI.  With
    @wait=N         ... once the daemon has seen N event registrations,
    @then=COMMAND   run the reference virsh with COMMAND (one shell
                    word, may be given more than once) on that URI,
                    output ignored: it makes the events an 'event'
                    command waits for, so both shells get the same ones.

Both programs run with a minimal environment, in a fresh HOME that is
also the working directory (the same path for both), without
LD_LIBRARY_PATH or LIBVIRT_DEFAULT_URI unless the case sets them.  HOME
starts with a copy of the data directory (tests/virsh-golden/data), so
cases name its files relatively ('define dom.xml'); '@HOME@' in a word
stands for HOME's absolute path ('-c test://@HOME@/node.xml').

Allow file: differences that are accepted, one rule a line:

    CASE-REGEX | STREAM | SIDE | LINE-REGEX | REASON

STREAM is stdout or stderr; SIDE is 'ref' (a reference line we may lack),
'ours' (a line only we print) or 'both'.  A rule applies when CASE-REGEX
matches the case line (re.search) and LINE-REGEX the whole differing line.
Every rule needs a reason.  Exit codes must always match.

Usage: check-virsh-golden.py --virsh BUILD/tools/virsh [--reference PATH]
                             [--libdir BUILD/src] [--daemon LIBVIRTD]
                             [--data DIR]
                             [--cases FILE] [--allow FILE] [-v]
Exits 77 (skip) when the reference virsh is missing.
"""

import argparse
import codecs
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
DEFAULT_CASES = os.path.join(TOP, 'tests', 'virsh-golden', 'cases.txt')
DEFAULT_ALLOW = os.path.join(TOP, 'tests', 'virsh-golden', 'allow.txt')
DEFAULT_DATA = os.path.join(TOP, 'tests', 'virsh-golden', 'data')
ENV_WORD = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*=')


class Rule:
    def __init__(self, where, case, stream, side, line, reason):
        self.where = where
        self.case = re.compile(case)
        self.stream = stream
        self.side = side
        self.line = re.compile(line)
        self.reason = reason

    def allows(self, case, stream, side, line):
        return (self.case.search(case) and self.stream == stream and
                self.side in (side, 'both') and self.line.fullmatch(line))


def load_rules(path):
    rules = []
    if not os.path.exists(path):
        return rules
    with open(path, encoding='utf-8') as f:
        for num, raw in enumerate(f, 1):
            text = raw.rstrip('\n')
            if not text.strip() or text.lstrip().startswith('#'):
                continue
            parts = [p.strip() for p in text.split(' | ')]
            where = '%s:%d' % (path, num)
            if len(parts) != 5 or not parts[4]:
                sys.exit('%s: want CASE | STREAM | SIDE | LINE | REASON' % where)
            if parts[1] not in ('stdout', 'stderr'):
                sys.exit('%s: stream must be stdout or stderr' % where)
            if parts[2] not in ('ref', 'ours', 'both'):
                sys.exit('%s: side must be ref, ours or both' % where)
            rules.append(Rule(where, *parts))
    return rules


def load_cases(path):
    cases = []
    with open(path, encoding='utf-8') as f:
        for raw in f:
            text = raw.strip()
            if text and not text.startswith('#'):
                cases.append(text)
    return cases


def split_case(text, home=''):
    words = shlex.split(text)
    env = {}
    stdin = ''
    while words:
        if words[0] in ('@nuvirt-lib', '@pending', '@daemon') or \
                words[0].startswith(('@wait=', '@then=')):
            words.pop(0)
        elif words[0].startswith('@stdin='):
            stdin = codecs.decode(words.pop(0)[len('@stdin='):],
                                  'unicode_escape')
        elif ENV_WORD.match(words[0]):
            name, value = words.pop(0).split('=', 1)
            env[name] = value
        else:
            break
    words = [w.replace('@HOME@', home) for w in words]
    env = {k: v.replace('@HOME@', home) for k, v in env.items()}
    return env, stdin, words


def tag_values(text, name):
    """The values of the NAME=VALUE tags of a case, in order."""
    words = shlex.split(text)
    found = []
    while words and (words[0].startswith('@') or ENV_WORD.match(words[0])):
        word = words.pop(0)
        if word.startswith(name + '='):
            found.append(word[len(name) + 1:])
    return found


def has_tag(text, tag):
    words = shlex.split(text)
    while words and (words[0].startswith('@') or ENV_WORD.match(words[0])):
        if words.pop(0) == tag:
            return True
    return False


def sanitizer_runtimes(lib):
    """The sanitizer runtimes @lib links against, to preload into an
    uninstrumented program that loads it."""
    res = subprocess.run(['ldd', lib], capture_output=True, text=True)
    found = []
    for line in res.stdout.splitlines():
        parts = line.split()
        if parts and parts[0].startswith(('libasan.so', 'libubsan.so')) \
                and '=>' in parts and len(parts) > 2:
            found.append(parts[2])
    return found


def lib_env(libdir):
    """Environment that makes Debian's virsh load nuvirt's library."""
    env = {'LD_LIBRARY_PATH': libdir}
    preload = sanitizer_runtimes(os.path.join(libdir, 'libvirt.so.0'))
    if preload:
        env['LD_PRELOAD'] = ' '.join(preload)
        env['ASAN_OPTIONS'] = 'detect_leaks=0'
    return env


class Daemon:
    """A nuvirt daemon on a private socket, logging event registrations."""

    def __init__(self, binary, top):
        self.dir = os.path.join(top, 'daemon')
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.log = os.path.join(self.dir, 'log')
        self.sock = os.path.join(self.dir, 'libvirt-sock')
        conf = os.path.join(self.dir, 'libvirtd.conf')
        with open(conf, 'w') as f:
            f.write('unix_sock_dir = "%s"\n'
                    'auth_unix_rw = "none"\nauth_unix_ro = "none"\n'
                    'listen_tcp = 0\nlisten_tls = 0\n'
                    'log_filters = "1:libvirt.events 4:*"\n'
                    'log_outputs = "1:file:%s"\n' % (self.dir, self.log))
        env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
               'HOME': self.dir, 'LC_ALL': 'C'}
        for name in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LD_LIBRARY_PATH'):
            if name in os.environ:
                env[name] = os.environ[name]
        self.proc = subprocess.Popen(
            [binary, '--config', conf, '--pid-file',
             os.path.join(self.dir, 'pid')], env=env, cwd=self.dir,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.uri = 'test+unix:///default?socket=%s' % self.sock
        deadline = time.monotonic() + 30
        while not os.path.exists(self.sock):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                sys.exit('nuvirt daemon %s did not start' % binary)
            time.sleep(0.02)

    def wait_registrations(self, count):
        """Until the daemon has been asked for @count event callbacks."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with open(self.log, errors='replace') as f:
                    seen = sum('EventRegisterAny:' in line for line in f)
            except FileNotFoundError:
                seen = 0
            if seen >= count:
                return True
            time.sleep(0.02)
        return False

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run(program, case, home, data, extra_env=None, daemon=None,
        reference=None):
    env_extra, stdin, words = split_case(case, home)
    shutil.rmtree(home, ignore_errors=True)
    if data and os.path.isdir(data):
        shutil.copytree(data, home, symlinks=True)
    else:
        os.makedirs(home)
    env = {'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'HOME': home,
           'LC_ALL': 'C'}
    env.update(extra_env or {})
    env.update(env_extra)
    if not has_tag(case, '@daemon'):
        try:
            res = subprocess.run([program] + words, input=stdin.encode(),
                                 capture_output=True, env=env, cwd=home,
                                 timeout=60)
            return res.stdout, res.stderr, res.returncode
        except subprocess.TimeoutExpired:
            return b'', b'<timeout>\n', -1
    if not daemon:
        sys.exit('case needs --daemon: %s' % case)
    d = Daemon(daemon, os.path.dirname(home))
    try:
        words = [w.replace('@URI@', d.uri) for w in words]
        proc = subprocess.Popen([program] + words, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, cwd=home)
        wait = tag_values(case, '@wait')
        if wait and not d.wait_registrations(int(wait[0])):
            proc.kill()
        ref_env = {'PATH': env['PATH'], 'HOME': home, 'LC_ALL': 'C'}
        for then in tag_values(case, '@then'):
            subprocess.run([reference, '-c', d.uri, then], env=ref_env,
                           cwd=home, capture_output=True, timeout=60)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return b'', b'<timeout>\n', -1
        return out, err, proc.returncode
    finally:
        d.stop()


def diff_stream(case, stream, ref, ours, rules):
    """Differences not covered by a rule, as printable lines."""
    a = ref.decode('utf-8', 'replace').split('\n')
    b = ours.decode('utf-8', 'replace').split('\n')
    bad = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            continue
        for line in a[i1:i2]:
            if not any(r.allows(case, stream, 'ref', line) for r in rules):
                bad.append('  %s -ref:  %r' % (stream, line))
        for line in b[j1:j2]:
            if not any(r.allows(case, stream, 'ours', line) for r in rules):
                bad.append('  %s +ours: %r' % (stream, line))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--virsh', required=True, help="nuvirt's virsh")
    ap.add_argument('--reference', default='/usr/bin/virsh')
    ap.add_argument('--libdir', help="nuvirt's library directory, for "
                    "cases tagged @nuvirt-lib")
    ap.add_argument('--daemon', help="nuvirt's libvirtd, for cases "
                    "tagged @daemon")
    ap.add_argument('--data', default=DEFAULT_DATA)
    ap.add_argument('--cases', default=DEFAULT_CASES)
    ap.add_argument('--allow', default=DEFAULT_ALLOW)
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    if not os.access(args.reference, os.X_OK):
        print('SKIP: no reference virsh at %s' % args.reference)
        return 77
    ours = os.path.abspath(args.virsh)
    rules = load_rules(args.allow)
    cases = load_cases(args.cases)
    libdir = os.path.abspath(args.libdir) if args.libdir else None
    failed = 0
    pending = 0
    with tempfile.TemporaryDirectory(prefix='virsh-golden-') as tmp:
        home = os.path.join(tmp, 'home')
        for case in cases:
            tagged = has_tag(case, '@nuvirt-lib')
            waiting = has_tag(case, '@pending')
            if tagged and not libdir:
                sys.exit('case needs --libdir: %s' % case)
            daemon = os.path.abspath(args.daemon) if args.daemon else None
            got = run(ours, case, home, args.data, None, daemon,
                      args.reference)
            if tagged:
                ref = run(args.reference, case, home, args.data,
                          lib_env(libdir), daemon, args.reference)
                debian = run(args.reference, case, home, args.data, None,
                             daemon, args.reference)
                if debian == got:
                    print('note: matches on Debian\'s library too, drop '
                          '@nuvirt-lib: %s' % case)
            else:
                ref = run(args.reference, case, home, args.data, None,
                          daemon, args.reference)
            bad = diff_stream(case, 'stdout', ref[0], got[0], rules)
            bad += diff_stream(case, 'stderr', ref[1], got[1], rules)
            if ref[2] != got[2]:
                bad.append('  exit code: ref %d, ours %d' % (ref[2], got[2]))
            if waiting:
                if bad:
                    pending += 1
                    if args.verbose:
                        print('pending: virsh %s' % case)
                else:
                    print('note: pending case matches, drop @pending: %s'
                          % case)
                continue
            if bad:
                failed += 1
                print('FAIL: virsh %s' % case)
                print('\n'.join(bad))
            elif args.verbose:
                print('ok:   virsh %s' % case)
    print('%d/%d invocations match (%d pending on the test driver)'
          % (len(cases) - failed - pending, len(cases), pending))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
