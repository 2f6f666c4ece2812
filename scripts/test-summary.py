#!/usr/bin/env python3
"""test-summary.py [--fuzz RESULTS] BUILDDIR...: count test results across builds.

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
args = sys.argv[1:]
if args[:1] == ['--fuzz']:
    # lines 'fuzz CATEGORY: ok (...)' or 'fuzz CATEGORY: FAILED'
    fuzzlog, args = args[1], args[2:]
    lines = open(fuzzlog).read().splitlines() if os.path.exists(fuzzlog) else []
    results = [l for l in lines if re.match(r'fuzz \S+: (ok|FAILED)', l)]
    if not results:
        failed += 1
        failures.append('fuzz: no fuzz results')
    for l in results:
        if ': ok' in l:
            passed += 1
        else:
            failed += 1
            failures.append(l)
for build in args:
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
