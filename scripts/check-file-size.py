#!/usr/bin/env python3
"""file-size: source files stay small enough to read.

Every tracked .c/.h/.py file under src/, tools/, tests/ and scripts/ (from
`git ls-files` in a git checkout, else by walking the tree) is counted:

* over WARN_LINES (3,000) lines: a warning -- split it by concern;
* over FAIL_LINES (4,000) lines: a failure, unless the file is listed in
  scripts/file-size-allow.txt with a reason, one per line:

      path/relative/to/top.c  # why it cannot be split (yet)

Allow-list entries without a reason, or naming files that no longer exist
or are no longer over the limit, are reported too (stale entries fail).
Build directories are never looked at.

Usage: check-file-size.py [--root DIR] [--allow FILE]
       check-file-size.py --self-test
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

WARN_LINES = 3000
FAIL_LINES = 4000
TOP_DIRS = ('src', 'tools', 'tests', 'scripts')
SUFFIXES = ('.c', '.h', '.py')


def tracked_files(root):
    """Candidate files, relative to root."""
    try:
        res = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--']
                             + list(TOP_DIRS),
                             capture_output=True, text=True, check=True)
        toplevel = subprocess.run(['git', '-C', root, 'rev-parse',
                                   '--show-toplevel'], capture_output=True,
                                  text=True, check=True).stdout.strip()
        if os.path.realpath(toplevel) == os.path.realpath(root):
            files = [f for f in res.stdout.split('\0') if f]
            # Files not committed yet count too, when git knows them not.
            res = subprocess.run(['git', '-C', root, 'ls-files', '-z', '-o',
                                  '--exclude-standard', '--']
                                 + list(TOP_DIRS),
                                 capture_output=True, text=True, check=True)
            files += [f for f in res.stdout.split('\0') if f]
            return sorted(f for f in set(files) if f.endswith(SUFFIXES))
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for top in TOP_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = [d for d in dirnames if not d.startswith('.')]
            files += [os.path.relpath(os.path.join(dirpath, f), root)
                      for f in filenames if f.endswith(SUFFIXES)]
    return sorted(files)


def read_allow(path):
    """{path: reason} plus a list of malformed lines."""
    allow, bad = {}, []
    if not os.path.exists(path):
        return allow, bad
    with open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            text = line.strip()
            if not text or text.startswith('#'):
                continue
            name, _, reason = text.partition('#')
            name, reason = name.strip(), reason.strip()
            if not name or not reason or len(name.split()) != 1:
                bad.append('%s:%d: expected "path  # reason": %s'
                           % (path, lineno, text))
                continue
            allow[name] = reason
    return allow, bad


def count_lines(path):
    with open(path, 'rb') as fh:
        return sum(1 for _ in fh)


def check(root, allow_path, quiet=False):
    """Return (failures, warnings) as lists of messages."""
    def say(msg):
        if not quiet:
            print(msg)
    allow, failures = read_allow(allow_path)
    warnings = []
    seen_allowed = set()
    files = tracked_files(root)
    for rel in files:
        full = os.path.join(root, rel)
        if not os.path.isfile(full):
            continue            # deleted in the work tree
        n = count_lines(full)
        if n > FAIL_LINES:
            if rel in allow:
                seen_allowed.add(rel)
                warnings.append('%s: %d lines (allowed: %s)'
                                % (rel, n, allow[rel]))
            else:
                failures.append('%s: %d lines, over the %d-line limit; '
                                'split it by concern' % (rel, n, FAIL_LINES))
        elif n > WARN_LINES:
            warnings.append('%s: %d lines, over %d: consider splitting'
                            % (rel, n, WARN_LINES))
    for rel in sorted(set(allow) - seen_allowed):
        failures.append('%s: stale entry in %s (file missing or no longer '
                        'over %d lines)' % (rel, os.path.basename(allow_path),
                                            FAIL_LINES))
    for w in warnings:
        say('file-size: warning: ' + w)
    for f in failures:
        say('file-size: error: ' + f)
    return failures, warnings, len(files)


def self_test():
    tmp = tempfile.mkdtemp(prefix='nuvirt-filesize-')
    try:
        def make(rel, n):
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as fh:
                fh.write('x\n' * n)
        make('src/small.c', 100)
        make('src/util/warn.c', WARN_LINES + 1)
        make('tools/big.c', FAIL_LINES + 1)
        make('tests/allowed.py', FAIL_LINES + 50)
        make('scripts/edge.h', FAIL_LINES)
        make('build/src/generated.c', FAIL_LINES * 3)   # never looked at
        make('src/notes.txt', FAIL_LINES * 3)           # not a source
        allow = os.path.join(tmp, 'allow.txt')
        with open(allow, 'w') as fh:
            fh.write('# comment\n'
                     'tests/allowed.py  # generated test table\n'
                     'src/gone.c  # removed long ago\n'
                     'src/small.c\n')
        failures, warnings, nfiles = check(tmp, allow, quiet=True)
    finally:
        shutil.rmtree(tmp)
    expect_fail = ['tools/big.c: ', 'src/gone.c: stale', 'expected "path']
    expect_warn = ['src/util/warn.c: ', 'tests/allowed.py: ',
                   'scripts/edge.h: ']
    errors = []
    for exp, got in ((expect_fail, failures), (expect_warn, warnings)):
        for e in exp:
            if not any(e in g for g in got):
                errors.append('missing "%s" in %s' % (e, got))
        if len(got) != len(exp):
            errors.append('expected %d messages, got %s' % (len(exp), got))
    if nfiles != 5:
        errors.append('expected 5 source files, walked %d' % nfiles)
    for e in errors:
        print('file-size self-test: ' + e)
    if errors:
        print('file-size self-test: FAIL: %d errors' % len(errors))
        return 1
    print('file-size self-test: OK: %d failures and %d warnings found as '
          'expected' % (len(failures), len(warnings)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default='.')
    ap.add_argument('--allow', help='default: ROOT/scripts/file-size-allow.txt')
    ap.add_argument('--self-test', action='store_true')
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    root = os.path.abspath(args.root)
    allow = args.allow or os.path.join(root, 'scripts', 'file-size-allow.txt')
    failures, warnings, nfiles = check(root, allow)
    if failures:
        print('file-size: FAIL: %d problems, %d warnings in %d files'
              % (len(failures), len(warnings), nfiles))
        return 1
    print('file-size: OK: %d files, %d warnings (warn > %d, fail > %d lines)'
          % (nfiles, len(warnings), WARN_LINES, FAIL_LINES))
    return 0


if __name__ == '__main__':
    sys.exit(main())
