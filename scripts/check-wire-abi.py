#!/usr/bin/env python3
"""wire-abi: the layout of nuvirt's RPC programs changes only on purpose.

Reads nuvirt's protocol descriptions (PROTOCOL_FILES), lists their wire
layout -- every constant, enum, typedef, struct and union with its
members in order and their XDR types, and every procedure number (see
scripts/xdrlang.py) -- and compares the listing with the committed
snapshot src/remote/remote_protocol-structs.  A difference fails with a
diff: either the edit was a mistake, or it is a deliberate change of the
wire, made by regenerating the snapshot and reviewing its diff.

Also checks every procedure's '@proc:' annotation (keys, values, structs
it names), which the RPC generator relies on.

With --libvirt DIR, compares nuvirt's listing with the listing of
libvirt's own .x files under DIR (same paths), made by the same code:
they must be identical.  As a check of that code, it also runs rpcgen
(when installed) on both sets of files: every xdr_* routine, every
struct, union and enum definition and every #define must come out the
same.  Exits 77 (skipped) when DIR does not exist.

Usage: check-wire-abi.py [--root DIR]              check against the snapshot
       check-wire-abi.py [--root DIR] --regenerate write the snapshot
       check-wire-abi.py [--root DIR] --libvirt DIR
       check-wire-abi.py --self-test
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xdrlang  # noqa: E402

PROTOCOL_FILES = [
    'src/rpc/virnetprotocol.x',
    'src/rpc/virkeepaliveprotocol.x',
    'src/remote/remote_protocol.x',
    'src/remote/qemu_protocol.x',
    'src/remote/lxc_protocol.x',
    'src/admin/admin_protocol.x',
]
SNAPSHOT = 'src/remote/remote_protocol-structs'

REQUIRED_KEYS = ('api', 'kind', 'priority', 'args', 'ret')
KNOWN_KEYS = set(REQUIRED_KEYS) | {'acl', 'aclfilter', 'stream', 'sparse', 'auth'}
KINDS = {'generate', 'special', 'special-client', 'special-server', 'event'}
PRIORITIES = {'high', 'low'}
# Programs without access rules: the admin socket's permission is all.
ACL_FREE_FILES = {'src/admin/admin_protocol.x'}


def read_modules(root):
    return [(f, xdrlang.parse_file(os.path.join(root, f))) for f in PROTOCOL_FILES]


def check_annotations(files):
    """Problems with the procedures' annotations, as strings."""
    problems = []
    structs = set()
    for _, m in files:
        structs |= {d.name for d in m.named('struct')}
    for label, m in files:
        for enum in m.procedure_enums():
            for e in enum.members:
                where = '%s: %s' % (label, e.name)
                try:
                    ann = xdrlang.proc_annotation(e.note)
                except xdrlang.XdrError as err:
                    problems.append('%s: %s' % (where, err))
                    continue
                if ann is None:
                    problems.append('%s: no /* @proc: ... */ annotation' % where)
                    continue
                for k in REQUIRED_KEYS:
                    if k not in ann:
                        problems.append('%s: annotation lacks %s=' % (where, k))
                for k in ann:
                    if k not in KNOWN_KEYS:
                        problems.append('%s: unknown annotation key %s=' % (where, k))
                if not ann['acl'] and label not in ACL_FREE_FILES:
                    problems.append('%s: no acl= (acl=none if none applies)' % where)
                if ann.get('kind', 'generate') not in KINDS:
                    problems.append('%s: kind=%s' % (where, ann['kind']))
                if ann.get('priority', 'low') not in PRIORITIES:
                    problems.append('%s: priority=%s' % (where, ann['priority']))
                api = ann.get('api', 'none')
                if api != 'none' and not api.startswith('vir'):
                    problems.append('%s: api=%s is no C API name' % (where, api))
                if ann.get('kind') == 'event' and api != 'none':
                    problems.append('%s: an event serves no api' % where)
                for k in ('args', 'ret'):
                    v = ann.get(k, 'void')
                    if v != 'void' and v not in structs:
                        problems.append('%s: %s=%s is no struct' % (where, k, v))
                if ann.get('auth', 'before') != 'before':
                    problems.append('%s: auth=%s' % (where, ann['auth']))
                stream = ann.get('stream')
                if stream:
                    d, _, n = stream.partition(':')
                    if d not in ('read', 'write') or not n.isdigit():
                        problems.append('%s: stream=%s' % (where, stream))
    return problems


C_ITEMS = re.compile(r'^(?:bool_t\n(xdr_\w+) \(.*?^}$'
                     r'|(?:struct|union|enum) (\w+) \{.*?^};$'
                     r'|#define (\w+) .*?$)', re.S | re.M)


def rpcgen_items(rpcgen, root, path):
    """{name: text} of what rpcgen makes of one .x file: its routines,
    type definitions and constants."""
    items = {}
    for mode in ('-h', '-c'):
        res = subprocess.run([rpcgen, mode, '-i', '0', os.path.basename(path)],
                             cwd=os.path.join(root, os.path.dirname(path)),
                             capture_output=True, text=True, check=True)
        for m in C_ITEMS.finditer(res.stdout):
            name = next(g for g in m.groups() if g)
            if name.endswith('_H_RPCGEN'):
                continue
            items[(mode, name)] = m.group(0)
    return items


def compare_rpcgen(rpcgen, ours, theirs):
    problems = []
    for path in PROTOCOL_FILES:
        a = rpcgen_items(rpcgen, theirs, path)
        b = rpcgen_items(rpcgen, ours, path)
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                problems.append('%s: rpcgen %s: %s differs' % (path, key[0], key[1]))
        if not a:
            problems.append('%s: rpcgen made nothing' % path)
    return problems


def diff(a, b, a_name, b_name):
    return ''.join(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                        a_name, b_name))


def self_test():
    base = '''
const X_MAX = 16;
struct x_thing { string name<X_MAX>; unsigned hyper size; int *opt; };
enum x_procedure {
    /* @proc: api=virThing kind=generate priority=low acl=none
     *        args=x_thing ret=void */
    X_PROC_THING = 1
};
'''
    reordered = base.replace('const X_MAX = 16;', '') + 'const X_MAX = 16;\n'
    changed = base.replace('unsigned hyper size', 'hyper size')
    renum = base.replace('X_PROC_THING = 1', 'X_PROC_THING = 2')
    spelled = base.replace('unsigned hyper', 'unsigned  hyper').replace(
        '/* @proc', '/* comment */ /* @proc')
    lst = lambda t: xdrlang.listing([('x.x', xdrlang.parse(t))])  # noqa: E731
    ok = True

    def expect(cond, what):
        nonlocal ok
        print('%s - %s' % ('ok' if cond else 'FAIL', what))
        ok = ok and cond

    expect(lst(base) == lst(reordered), 'definition order does not matter')
    expect(lst(base) != lst(changed), 'a member type change is seen')
    expect(lst(base) != lst(renum), 'a procedure number change is seen')
    expect(lst(base) == lst(spelled), 'spacing does not matter')
    files = [('x.x', xdrlang.parse(base))]
    expect(check_annotations(files) == [], 'a good annotation passes')
    bad = base.replace('kind=generate', 'kind=maybe').replace(' ret=void', '')
    probs = check_annotations([('x.x', xdrlang.parse(bad))])
    expect(len(probs) == 2, 'a bad kind and a missing ret= are found')
    none = base.replace('/* @proc', '/* proc')
    probs = check_annotations([('x.x', xdrlang.parse(none))])
    expect(len(probs) == 1, 'a missing annotation is found')
    return 0 if ok else 1


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default=os.path.dirname(here))
    ap.add_argument('--regenerate', action='store_true')
    ap.add_argument('--libvirt')
    ap.add_argument('--self-test', action='store_true')
    args = ap.parse_args()

    if args.self_test:
        return self_test()

    files = read_modules(args.root)
    ours = xdrlang.listing(files)

    if args.libvirt:
        if not os.path.isdir(args.libvirt):
            print('SKIP: no libvirt source at %s' % args.libvirt)
            return 77
        theirs = xdrlang.listing(read_modules(args.libvirt))
        if ours != theirs:
            sys.stdout.write(diff(theirs, ours, 'libvirt', 'nuvirt'))
            print('FAIL: nuvirt\'s wire layout differs from libvirt\'s')
            return 1
        print('ok: %d files list the same as libvirt\'s' % len(files))
        rpcgen = shutil.which('rpcgen')
        if not rpcgen:
            print('no rpcgen: the C output was not compared')
            return 0
        problems = compare_rpcgen(rpcgen, args.root, args.libvirt)
        for p in problems:
            print('FAIL: ' + p)
        if problems:
            return 1
        print('ok: rpcgen makes the same XDR routines, types and constants')
        return 0

    problems = check_annotations(files)
    for p in problems:
        print('FAIL: ' + p)

    path = os.path.join(args.root, SNAPSHOT)
    if args.regenerate:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(ours)
        print('wrote %s' % SNAPSHOT)
        return 1 if problems else 0

    with open(path, encoding='utf-8') as f:
        snap = f.read()
    if snap != ours:
        sys.stdout.write(diff(snap, ours, SNAPSHOT, 'from the .x files'))
        print('FAIL: the wire layout differs from %s; if the change is '
              'deliberate, run %s --regenerate and review the diff'
              % (SNAPSHOT, 'scripts/check-wire-abi.py'))
        return 1
    nprocs = {label: sum(len(e.members) for e in m.procedure_enums())
              for label, m in files}
    print('ok: wire layout matches %s (%s)' % (
        SNAPSHOT, ', '.join('%s %d procedures' % (os.path.basename(k), v)
                            for k, v in nprocs.items() if v)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
