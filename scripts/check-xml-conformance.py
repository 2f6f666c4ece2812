#!/usr/bin/env python3
"""Run libvirt 9.0.0's XML conformance corpus through nuvirt.

    check-xml-conformance.py XML2XML CORPUS [--floor FILE] [--category C]...
                             [--show-diffs N]

For every row of CORPUS/xml/<category>/MANIFEST.tsv (see its README):
  ok           xml2xml must print exactly the expected bytes, and the
               output must validate against the row's RelaxNG schema;
  parse-error  xml2xml must refuse the input (exit 1, message on stderr);
  schema-only  in FORMAT_ONLY (documents libvirt formats but never parses,
               so the corpus file is libvirt's own output) and known to
               xml2xml: run like an ok row whose expected output is the
               input itself; otherwise skipped (hand-written documents
               of other categories are not libvirt's output; the
               hand-written capabilities of capabilityschemadata must
               parse and their output validate);
  invalid      rows that only exercise the schemas: counted as skipped.
A failure names the case and shows a diff.  The last lines give passed /
failed per category.

With --floor FILE ("category passed" lines), the run fails when a
category passes fewer rows than its floor: a ratchet that keeps what
works working while the rest is written.  Categories without a floor are
reported, not judged.
"""
import argparse
import difflib
import os
import subprocess
import sys

SKIP = 'skip'

# categories whose byte-exact output depends on a driver's defaults
DRIVER_DEFAULTS = {'domain/qemu'}

# documents libvirt only formats: xml2xml reads them with a test-only
# reader, and formatting must give the input back
FORMAT_ONLY = {'capabilities', 'domaincaps', 'storagepoolcaps'}
# ... except the corpus folders whose documents were written by hand for
# the schema tests: their element order is not libvirt's, so the output
# must only parse and validate
HAND_WRITTEN = {'capabilityschemadata'}


def manifests(corpus, wanted):
    base = os.path.join(corpus, 'xml')
    for root, dirs, files in sorted(os.walk(base)):
        if 'MANIFEST.tsv' not in files:
            continue
        cat = os.path.relpath(root, base)
        if wanted and cat not in wanted:
            continue
        lines = open(os.path.join(root, 'MANIFEST.tsv')).read().splitlines()
        header = lines[1].split('\t')
        rows = [dict(zip(header, l.split('\t'))) for l in lines[2:] if l.strip()]
        yield cat, root, rows


def xmllint_ok(schema, path=None, data=None):
    cmd = ['xmllint', '--noout', '--relaxng', schema, path or '-']
    p = subprocess.run(cmd, input=data, capture_output=True, text=True)
    return p.returncode == 0, p.stderr


def row_params(row):
    params = row.get('params', '')
    return dict(p.split('=', 1) if '=' in p else (p, '') for p in params.split(';') if p)


def xml2xml_args(cat, root, row):
    params = row.get('params', '')
    args = []
    keys = row_params(row)
    if cat.startswith('domain'):
        if 'inactive' in keys:
            args += ['--inactive']
        args += ['--secure']
    if keys.get('flags') == 'VIR_NETWORK_XML_INACTIVE':
        args += ['--inactive']
    if 'pool' in keys:
        args += ['--pool', os.path.join(root, keys['pool'])]
    args += ['--params', params]
    return args


_known = {}


def category_known(xml2xml, name):
    """Whether xml2xml has category @name (exit code 2 means it has not)."""
    if name not in _known:
        p = subprocess.run([xml2xml, name, os.devnull], capture_output=True)
        _known[name] = p.returncode != 2
    return _known[name]


def run_row(xml2xml, corpus, cat, root, row):
    """Return None if the row passes, else a description of the failure."""
    schema = os.path.join(corpus, 'schemas', row['schema'])
    inp = os.path.join(root, row['input'])
    expect = row['expect']
    name = cat.split('/')[0]
    if expect == 'invalid':
        return SKIP
    if expect == 'schema-only':
        if cat not in FORMAT_ONLY or not category_known(xml2xml, name):
            return SKIP
        expect = 'ok'
        row = dict(row, expected='=input')
        if row_params(row).get('source') in HAND_WRITTEN:
            row['expected'] = '-'

    p = subprocess.run([xml2xml, name, inp] + xml2xml_args(cat, root, row),
                       capture_output=True, text=True)
    if expect == 'parse-error':
        if p.returncode != 1 or not p.stderr.strip():
            return 'expected a parse error, got exit %d' % p.returncode
        if 'not supported' in p.stderr:
            # refusing a whole document type is not refusing this input
            return 'refused as unsupported, not as invalid: %s' % p.stderr.strip()
        return None
    if p.returncode != 0:
        return 'refused: %s' % p.stderr.strip()
    ok, err = xmllint_ok(schema, data=p.stdout)
    if not ok:
        return 'output does not validate against %s:\n%s' % (row['schema'], err)
    if cat in DRIVER_DEFAULTS or row['expected'] == '-':
        return None
    want_path = inp if row['expected'] == '=input' else os.path.join(root, row['expected'])
    want = open(want_path).read()
    if p.stdout != want:
        diff = difflib.unified_diff(want.splitlines(True), p.stdout.splitlines(True),
                                    'expected', 'nuvirt')
        return 'output differs:\n' + ''.join(diff)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('xml2xml')
    ap.add_argument('corpus')
    ap.add_argument('--floor')
    ap.add_argument('--category', action='append', default=[])
    ap.add_argument('--show-diffs', type=int, default=5,
                    help='failures shown in full per category')
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.corpus, 'xml')):
        print('no corpus at %s' % a.corpus)
        return 77
    floors = {}
    if a.floor:
        for line in open(a.floor):
            line = line.split('#')[0].split()
            if len(line) == 2:
                floors[line[0]] = int(line[1])
    results = []
    for cat, root, rows in manifests(a.corpus, set(a.category)):
        passed = failed = skipped = 0
        for row in rows:
            why = run_row(a.xml2xml, a.corpus, cat, root, row)
            if why is None:
                passed += 1
                continue
            if why is SKIP:
                skipped += 1
                continue
            failed += 1
            if failed <= a.show_diffs:
                print('FAIL %s/%s: %s' % (cat, row['case'], why))
        results.append((cat, passed, failed, skipped))
    status = 0
    print()
    total_p = total_f = 0
    for cat, passed, failed, skipped in results:
        total_p += passed
        total_f += failed
        floor = floors.get(cat)
        mark = ''
        if floor is not None and passed < floor:
            mark = '  BELOW FLOOR %d' % floor
            status = 1
        print('%-18s %4d passed, %4d failed, %3d skipped%s'
              % (cat, passed, failed, skipped, mark))
    print('xml-conformance: %d of %d rows pass' % (total_p, total_p + total_f))
    return status


if __name__ == '__main__':
    sys.exit(main())
