#!/usr/bin/env python3
"""test-summary.py BUILDDIR...: count test results across builds.

Reads each build's meson-logs/testlog.json.  A TAP program counts each of
its cases ("ok N" / "not ok N"); any other test counts once.  A program
that crashed or timed out counts as one failure beyond its cases.  Prints
the failures by name, then the closing line "N passed, N failed".
"""
import json
import os
import re
import sys

passed = failed = 0
failures = []
for build in sys.argv[1:]:
    log = os.path.join(build, 'meson-logs', 'testlog.json')
    if not os.path.exists(log):
        failed += 1
        failures.append('%s: no test log (build failed?)' % build)
        continue
    for line in open(log):
        t = json.loads(line)
        name = '%s: %s' % (build, t['name'])
        out = t.get('stdout') or ''
        oks = re.findall(r'^ok \d+', out, re.M)
        bad = re.findall(r'^not ok \d+.*$', out, re.M)
        if oks or bad:
            passed += len(oks)
            failed += len(bad)
            failures += ['%s: %s' % (name, b) for b in bad]
            if t['result'] not in ('OK', 'EXPECTEDFAIL', 'SKIP') and not bad:
                failed += 1
                failures.append('%s: %s' % (name, t['result']))
        elif t['result'] in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif t['result'] == 'SKIP':
            pass
        else:
            failed += 1
            failures.append('%s: %s' % (name, t['result']))
for f in failures:
    print('FAILED', f)
print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
