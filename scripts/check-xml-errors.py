#!/usr/bin/env python3
"""check-xml-errors.py XML2XML DIR: bad documents get libvirt's errors.

Every DIR/<category>/<case>.xml is given to `xml2xml <category>`, which
must refuse it (exit 1) with exactly the message in <case>.err (one
line, as virGetLastErrorMessage() gives it; a trailing newline in the
file is ignored).  Closes with 'N passed, N failed'.
"""
import os
import subprocess
import sys


def main():
    xml2xml, top = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for cat in sorted(os.listdir(top)):
        d = os.path.join(top, cat)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith('.xml'):
                continue
            case = os.path.join(d, f)
            want = open(case[:-4] + '.err').read().rstrip('\n')
            p = subprocess.run([xml2xml, cat, case], capture_output=True, text=True)
            got = p.stderr.rstrip('\n')
            if p.returncode == 1 and got == want:
                passed += 1
                continue
            failed += 1
            print('FAIL %s/%s: exit %d\n  expected: %s\n  got:      %s'
                  % (cat, f, p.returncode, want, got))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
