#!/usr/bin/env python3
"""layering: #include lines respect the layers of ARCHITECTURE.md.

Reads every #include of the .c/.h files under src/ and tools/ and fails on

* src/util including src/conf, a driver directory or a top-level src/
  header other than internal.h (UTIL_MAY_INCLUDE);
* src/conf including a driver directory;
* one driver directory including another (except ALLOWED_EDGES);
* tools/ including anything but <libvirt/...> public headers, system
  headers and tools/' own headers (except TOOLS_ALLOW).

A driver directory is any directory directly under src/ that is not in
SHARED_DIRS (util, conf, ...): src/test, src/qemu, src/remote, src/rpc,
src/daemon, src/storage, src/network, ...

An include is resolved like the compiler would: next to the including
file, then from src/, include/, the top dir and tools/, and finally by
file name anywhere under src/ (when the name is unique).

Usage: check-layers.py [--root DIR]      check the tree (default: cwd)
       check-layers.py --self-test       check a synthetic tree
"""

import argparse
import os
import re
import shutil
import sys
import tempfile

SHARED_DIRS = {
    'util': 'GLib-based helpers, below everything',
    'conf': 'XML <-> structs, below the drivers',
    'access': 'access control, called by every driver',
    'compat': 'private symbols for Debian\'s virsh, not a driver',
}
# (from driver dir, to driver dir): reason.
ALLOWED_EDGES = {
    ('remote', 'rpc'): 'the remote driver is an RPC client',
    ('daemon', 'rpc'): 'the daemon is an RPC server',
    ('daemon', 'remote'): 'the daemon dispatches the remote protocol',
}
# Top-level src/ headers below src/util (the rest of src/*.h is the core
# layer above it: driver tables, public objects).
UTIL_MAY_INCLUDE = {'src/internal.h'}
# Headers from src/ that tools/ may include: {path under src/: reason}.
TOOLS_ALLOW = {
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def tree_files(root, top):
    base = os.path.join(root, top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
        for f in sorted(filenames):
            if f.endswith(('.c', '.h')):
                yield os.path.relpath(os.path.join(dirpath, f), root)


def basename_index(root):
    index = {}
    for rel in tree_files(root, 'src'):
        index.setdefault(os.path.basename(rel), []).append(rel)
    return index


def resolve(root, including, quote, name, index):
    """Path of the included file relative to root, or None (system/gen)."""
    cands = []
    if quote == '"':
        cands.append(os.path.join(os.path.dirname(including), name))
    cands += [os.path.join(d, name) for d in ('src', 'include', '.', 'tools')]
    for c in cands:
        c = os.path.normpath(c)
        if os.path.isfile(os.path.join(root, c)):
            return c
    hits = index.get(os.path.basename(name), [])
    if len(hits) == 1 and hits[0].endswith(name):
        return hits[0]
    if quote == '"' and len(hits) == 1:
        return hits[0]
    return None


def layer(path):
    """('src', subdir) / ('src', None) for src/*.c / ('tools',) / other."""
    parts = path.split(os.sep)
    if parts[0] == 'src':
        return ('src', parts[1] if len(parts) > 2 else None)
    return (parts[0],)


def is_driver(sub):
    return sub is not None and sub not in SHARED_DIRS


def violation(src, dst, quote, name):
    """Return a reason string if src including dst breaks a rule."""
    sl, dl = layer(src), (layer(dst) if dst else None)
    if sl[0] == 'tools':
        if quote == '<' and name.startswith('libvirt/'):
            return None
        if dst is None:
            return None                      # system or generated header
        if dl[0] == 'tools':
            return None
        if dl[0] == 'include' and name.startswith('libvirt/'):
            return None
        if dst.startswith('src' + os.sep) and \
                os.path.relpath(dst, 'src') in TOOLS_ALLOW:
            return None
        return 'tools/ may include only the public API headers'
    if sl[0] != 'src' or dl is None or dl[0] != 'src':
        return None
    s, d = sl[1], dl[1]
    if s == d and s is not None:
        return None
    if s == 'util' and (d == 'conf' or is_driver(d)):
        return 'src/util may not include src/%s' % d
    if s == 'util' and d is None and dst not in UTIL_MAY_INCLUDE:
        return 'src/util may not include the core layer above it'
    if s == 'conf' and is_driver(d):
        return 'src/conf may not include a driver (src/%s)' % d
    if is_driver(s) and is_driver(d) and (s, d) not in ALLOWED_EDGES:
        return 'driver src/%s may not include driver src/%s' % (s, d)
    return None


def check(root):
    index = basename_index(root)
    found = []
    nfiles = 0
    for top in ('src', 'tools'):
        for rel in tree_files(root, top):
            nfiles += 1
            with open(os.path.join(root, rel), errors='replace') as fh:
                for lineno, line in enumerate(fh, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    quote, name = m.groups()
                    dst = resolve(root, rel, quote, name, index)
                    why = violation(rel, dst, quote, name)
                    if why:
                        found.append((rel, lineno, '%s%s%s' % (
                            quote, name, '>' if quote == '<' else '"'),
                            dst, why))
    return found, nfiles


def report(found, nfiles):
    for rel, lineno, inc, dst, why in found:
        print('%s:%d: #include %s%s: %s'
              % (rel, lineno, inc, ' (= %s)' % dst if dst else '', why))
    if found:
        print('layering: FAIL: %d layering violations in %d files'
              % (len(found), nfiles))
        return 1
    print('layering: OK: %d files respect the layers' % nfiles)
    return 0


SELF_TEST_TREE = {
    # path: (content, expected violation substring or None)
    'src/internal.h': ('', None),
    'src/util/virbuf.h': ('#include "internal.h"\n', None),
    'src/util/virfile.c': ('#include "util/virbuf.h"\n#include <stdio.h>\n',
                           None),
    'src/util/bad_conf.c': ('#include "conf/domain_conf.h"\n',
                            'src/util may not include src/conf'),
    'src/util/bad_drv.c': ('#include "qemu/qemu_conf.h"\n',
                           'src/util may not include src/qemu'),
    'src/util/bad_core.c': ('#include "driver.h"\n',
                            'src/util may not include the core layer'),
    'src/conf/domain_conf.h': ('#include "util/virbuf.h"\n', None),
    'src/conf/bad.c': ('#include "test/test_driver.h"\n',
                       'src/conf may not include a driver (src/test)'),
    'src/conf/bad_bare.c': ('#include "storage_backend.h"\n',
                            'src/conf may not include a driver '
                            '(src/storage)'),
    'src/storage/storage_backend.h': ('', None),
    'src/test/test_driver.h': ('#include "conf/domain_conf.h"\n', None),
    'src/qemu/qemu_conf.h': ('#include "driver.h"\n', None),
    'src/qemu/bad.c': ('#include "network/bridge.h"\n',
                       'driver src/qemu may not include driver '
                       'src/network'),
    'src/network/bridge.h': ('', None),
    'src/rpc/virnetclient.h': ('', None),
    'src/rpc/bad.c': ('# include "remote/remote_driver.h"\n',
                      'driver src/rpc may not include driver src/remote'),
    'src/remote/remote_driver.h': ('#include "rpc/virnetclient.h"\n', None),
    'src/driver.h': ('#include "internal.h"\n', None),
    'include/libvirt/libvirt.h': ('', None),
    'tools/virsh/virsh.h': ('#include <libvirt/libvirt.h>\n'
                            '#include <glib.h>\n#include "vsh.h"\n', None),
    'tools/virsh/vsh.h': ('', None),
    'tools/virsh/bad.c': ('#include "internal.h"\n',
                          'tools/ may include only the public API'),
    'tools/virsh/bad_angle.c': ('#include <util/virbuf.h>\n',
                                'tools/ may include only the public API'),
}


def self_test():
    tmp = tempfile.mkdtemp(prefix='nuvirt-layers-')
    try:
        for rel, (content, _) in SELF_TEST_TREE.items():
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as fh:
                fh.write(content)
        found, nfiles = check(tmp)
    finally:
        shutil.rmtree(tmp)
    got = {f[0]: f[4] for f in found}
    errors = []
    for rel, (_, expect) in sorted(SELF_TEST_TREE.items()):
        if expect and (rel not in got or expect not in got[rel]):
            errors.append('%s: expected "%s", got %s'
                          % (rel, expect, got.get(rel)))
        if not expect and rel in got:
            errors.append('%s: false positive: %s' % (rel, got[rel]))
    if len(found) != len(got):
        errors.append('more than one violation per file: %s' % found)
    for e in errors:
        print('layering self-test: ' + e)
    nexp = sum(1 for _, e in SELF_TEST_TREE.values() if e)
    if errors:
        print('layering self-test: FAIL: %d errors' % len(errors))
        return 1
    print('layering self-test: OK: %d violations caught, no false '
          'positives in %d files' % (nexp, nfiles))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--root', default='.')
    ap.add_argument('--self-test', action='store_true')
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    return report(*check(os.path.abspath(args.root)))


if __name__ == '__main__':
    sys.exit(main())
