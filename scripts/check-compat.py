#!/usr/bin/env python3
"""compat: a scenario prints the same against libvirt 9.0.0 and nuvirt.

Each scenario of tests/compat is built twice from one source: against
Debian's libvirt (the reference) and against nuvirt.  This runs both
builds and compares their standard output, standard error (libvirt's
default error handler prints there) and exit code line by line.

Allow file: differences that are accepted, one rule a line:

    SCENARIO-REGEX | SIDE | LINE-REGEX | REASON

SIDE is 'ref' (a line only the reference prints), 'ours' (a line only
nuvirt prints) or 'both'.  A rule applies when SCENARIO-REGEX matches the
scenario name (re.search) and LINE-REGEX the whole differing line.  Every
rule needs a reason.  Exit codes must always match.

Usage:
  check-compat.py --name NAME --ref REF-EXE --ours OURS-EXE
                  [--allow FILE] [--data DIR] [-v]
  check-compat.py --coverage [--floor N] --syms SYMS FILE.c...
      count the public functions the scenario sources call
"""

import argparse
import difflib
import os
import re
import subprocess
import sys


class Rule:
    def __init__(self, where, scenario, side, line, reason):
        self.where = where
        self.scenario = re.compile(scenario)
        self.side = side
        self.line = re.compile(line)
        self.reason = reason

    def allows(self, name, side, line):
        return (self.scenario.search(name) and
                self.side in (side, 'both') and self.line.fullmatch(line))


def load_rules(path):
    rules = []
    if not path or not os.path.exists(path):
        return rules
    with open(path, encoding='utf-8') as f:
        for num, raw in enumerate(f, 1):
            text = raw.rstrip('\n')
            if not text.strip() or text.lstrip().startswith('#'):
                continue
            parts = [p.strip() for p in text.split(' | ')]
            where = '%s:%d' % (path, num)
            if len(parts) != 4 or not parts[3]:
                sys.exit('%s: want SCENARIO | SIDE | LINE | REASON' % where)
            if parts[1] not in ('ref', 'ours', 'both'):
                sys.exit('%s: side must be ref, ours or both' % where)
            rules.append(Rule(where, *parts))
    return rules


def run(exe, data, ref):
    env = {'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL': 'C',
           'HOME': os.environ.get('HOME', '/tmp')}
    for name in ('ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS'):
        if name in os.environ:
            env[name] = os.environ[name]
    if ref:
        # Debian's library is not ours to fix: its leaks at exit are no
        # finding of this test.
        env['ASAN_OPTIONS'] = 'detect_leaks=0'
    try:
        res = subprocess.run([exe, data], capture_output=True, env=env,
                             timeout=300)
        return res.stdout, res.stderr, res.returncode
    except subprocess.TimeoutExpired:
        return b'', b'<timeout>\n', -1


def compare(name, ref, ours, rules):
    a = ref.decode('utf-8', 'replace').split('\n')
    b = ours.decode('utf-8', 'replace').split('\n')
    bad = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            continue
        ctx = a[i1 - 1] if i1 > 0 else '(start)'
        lines = []
        for line in a[i1:i2]:
            if not any(r.allows(name, 'ref', line) for r in rules):
                lines.append('  -ref:  %s' % line)
        for line in b[j1:j2]:
            if not any(r.allows(name, 'ours', line) for r in rules):
                lines.append('  +ours: %s' % line)
        if lines:
            bad.append('  after: %s' % ctx)
            bad.extend(lines)
    return bad


def coverage(args):
    public = set()
    with open(args.syms, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'\s*(vir\w+);', line)
            if m:
                public.add(m.group(1))
    used = set()
    for path in args.files:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        used.update(w for w in re.findall(r'\b(vir\w+)\s*\(', text)
                    if w in public)
    print('compat scenarios call %d public functions' % len(used))
    if args.verbose:
        print('\n'.join(sorted(used)))
    if args.floor and len(used) < args.floor:
        print('FAIL: fewer than the floor of %d' % args.floor)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--name')
    ap.add_argument('--ref')
    ap.add_argument('--ours')
    ap.add_argument('--allow')
    ap.add_argument('--data', default='.')
    ap.add_argument('--coverage', action='store_true')
    ap.add_argument('--floor', type=int, default=0)
    ap.add_argument('--syms')
    ap.add_argument('files', nargs='*')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    if args.coverage:
        return coverage(args)
    if not (args.name and args.ref and args.ours):
        ap.error('--name, --ref and --ours are required')
    rules = load_rules(args.allow)
    ref = run(args.ref, args.data, True)
    ours = run(args.ours, args.data, False)
    bad = compare(args.name, ref[0], ours[0], rules)
    errs = compare(args.name, ref[1], ours[1], rules)
    if errs:
        bad += ['  (standard error)'] + errs
    if ref[2] != ours[2]:
        bad.append('  exit code: ref %d, ours %d' % (ref[2], ours[2]))
    if args.verbose or bad:
        sys.stdout.write(ours[0].decode('utf-8', 'replace'))
    if bad:
        print('FAIL: compat %s differs from libvirt 9.0.0:' % args.name)
        print('\n'.join(bad))
        return 1
    print('compat %s: identical to libvirt 9.0.0 (%d lines)' %
          (args.name, ours[0].count(b'\n')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
