#!/usr/bin/env python3
"""fuzz-regressions: inputs the fuzzers once broke stay fixed.

Every file tests/fuzz/regressions/CATEGORY/NAME.xml is an input a fuzz
target (tests/fuzz/xmlfuzz.c) found a fault with.  Each is run through
xml2xml the way the fuzz target runs it: when the document is accepted,
its formatted output must be accepted again and format to the same
bytes.  A run that hangs is stopped by the test's timeout.

Usage: check-fuzz-regressions.py XML2XML REGRESSIONS-DIR
"""

import os
import subprocess
import sys


def roundtrip(xml2xml, cat, path):
    res = subprocess.run([xml2xml, cat, path], capture_output=True, timeout=60)
    return res.returncode, res.stdout, res.stderr


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    xml2xml, top = sys.argv[1:]
    failed = total = 0
    for cat in sorted(os.listdir(top)):
        folder = os.path.join(top, cat)
        for name in sorted(os.listdir(folder)):
            if not name.endswith('.xml'):
                continue
            total += 1
            path = os.path.join(folder, name)
            rc, out, err = roundtrip(xml2xml, cat, path)
            if rc != 0:
                print('ok   %s/%s: refused (%s)' % (cat, name,
                                                   err.decode().strip()))
                continue
            again = os.path.join(os.environ.get('TMPDIR', '/tmp'),
                                 'fuzzreg-%d.xml' % os.getpid())
            with open(again, 'wb') as f:
                f.write(out)
            rc2, out2, err2 = roundtrip(xml2xml, cat, again)
            os.unlink(again)
            if rc2 != 0 or out2 != out:
                failed += 1
                print('FAIL %s/%s: formatted output %s' % (
                    cat, name, 'refused: ' + err2.decode().strip() if rc2
                    else 'formats differently'))
            else:
                print('ok   %s/%s: round trip stable' % (cat, name))
    print('%d of %d regression inputs pass' % (total - failed, total))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
