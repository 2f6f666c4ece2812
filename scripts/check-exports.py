#!/usr/bin/env python3
"""abi-exports: nuvirt's libraries export libvirt 9.0.0's public symbols.

For each nuvirt library given (libvirt.so.0, libvirt-qemu.so.0, ...) the
library of the same SONAME in Debian's libdir is the reference:

* every symbol Debian's library defines in a public version node
  (LIBVIRT_x.y.z, LIBVIRT_QEMU_x.y.z, LIBVIRT_LXC_x.y.z, LIBVIRT_ADMIN_x.y.z)
  must be DEFINED by nuvirt's library at the same node, with the same
  default-version marker (@@) and the same symbol type (FUNC / OBJECT);
* every public version node Debian defines must be defined by nuvirt;
* nuvirt must define nothing else, except symbols in ALLOWED_EXTRA_NODES:
  LIBVIRT_PRIVATE_9.0.0 is the compat node Debian's own virsh and nuvirt's
  sibling libraries (libvirt-qemu/-lxc/-admin) link against.

Symbols are read with `readelf --dyn-syms --wide`.

Usage: check-exports.py [--debian-libdir DIR] NUVIRT_LIB...
"""

import argparse
import glob
import os
import re
import subprocess
import sys

PUBLIC_NODE = re.compile(r'^LIBVIRT_(QEMU_|LXC_|ADMIN_)?\d+\.\d+\.\d+$')
ALLOWED_EXTRA_NODES = {'LIBVIRT_PRIVATE_9.0.0'}
SYM_LINE = re.compile(r'^\s*\d+:\s+[0-9a-fA-F]+\s+\d+\s+(\w+)\s+(\w+)\s+'
                      r'(\w+)\s+(\w+)\s+(\S+)(?:\s+\(\d+\))?\s*$')


def default_libdir():
    for cand in sorted(glob.glob('/usr/lib/*-linux-gnu/libvirt.so.0')):
        return os.path.dirname(cand)
    return '/usr/lib'


def soname(path):
    out = subprocess.run(['readelf', '-d', '--wide', path],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r'\(SONAME\)\s+Library soname: \[([^\]]+)\]', out)
    return m.group(1) if m else None


def dyn_symbols(path):
    """Return (defined, nodes): {name: (node, is_default, type)}, {node}."""
    out = subprocess.run(['readelf', '--dyn-syms', '--wide', path],
                         capture_output=True, text=True, check=True).stdout
    defined = {}
    nodes = set()
    for line in out.splitlines():
        m = SYM_LINE.match(line)
        if not m:
            continue
        stype, bind, _vis, ndx, name = m.groups()
        if ndx == 'UND' or bind == 'LOCAL':
            continue
        if '@' in name:
            base, _, node = name.partition('@')
            is_default = node.startswith('@')
            node = node.lstrip('@')
        else:
            base, node, is_default = name, None, True
        if ndx == 'ABS' and (node is None or node == base):
            nodes.add(base)         # version definition marker
            continue
        defined[base] = (node, is_default, stype)
    return defined, nodes


def describe(entry):
    node, is_default, stype = entry
    if node is None:
        return '%s (unversioned)' % stype
    return '%s %s%s' % (stype, '@@' if is_default else '@', node)


def check_library(nuv_path, deb_libdir):
    """Return (number of problems, summary text)."""
    tag = os.path.basename(nuv_path)
    if not os.path.isfile(nuv_path):
        print('abi-exports: %s: not built (%s)' % (tag, nuv_path))
        return 1, tag + ': not built'
    name = soname(nuv_path)
    if name is None:
        print('abi-exports: %s: no SONAME' % tag)
        return 1, tag
    deb_path = os.path.join(deb_libdir, name)
    if not os.path.exists(deb_path):
        print('abi-exports: %s: no reference library %s' % (name, deb_path))
        return 1, name
    if os.path.basename(os.path.realpath(nuv_path)).split('.so')[0] != \
            name.split('.so')[0]:
        print('abi-exports: %s: unexpected SONAME %s' % (tag, name))
        return 1, name

    deb_syms, deb_nodes = dyn_symbols(deb_path)
    nuv_syms, nuv_nodes = dyn_symbols(nuv_path)
    problems = 0

    public = {s: e for s, e in deb_syms.items()
              if e[0] and PUBLIC_NODE.match(e[0])}
    missing, mismatched = [], []
    for sym in sorted(public):
        if sym not in nuv_syms:
            missing.append(sym)
        elif nuv_syms[sym] != public[sym]:
            mismatched.append(sym)
    for sym in missing:
        print('abi-exports: %s: missing %s (%s)'
              % (name, sym, describe(public[sym])))
    for sym in mismatched:
        print('abi-exports: %s: mismatched %s: libvirt %s, nuvirt %s'
              % (name, sym, describe(public[sym]), describe(nuv_syms[sym])))
    problems += len(missing) + len(mismatched)

    for node in sorted(n for n in deb_nodes - nuv_nodes
                       if PUBLIC_NODE.match(n)):
        print('abi-exports: %s: version node %s not defined' % (name, node))
        problems += 1

    extra, private = [], 0
    for sym, entry in sorted(nuv_syms.items()):
        if sym in public:
            continue
        if entry[0] in ALLOWED_EXTRA_NODES:
            private += 1
            continue
        extra.append(sym)
    for sym in extra:
        print('abi-exports: %s: exports %s (%s), not public in libvirt '
              '9.0.0' % (name, sym, describe(nuv_syms[sym])))
    for node in sorted(nuv_nodes - deb_nodes - ALLOWED_EXTRA_NODES):
        print('abi-exports: %s: defines version node %s, unknown to '
              'libvirt 9.0.0' % (name, node))
        problems += 1
    problems += len(extra)

    summary = ('%s: %d/%d public symbols, %d missing, %d mismatched, '
               '%d extra, %d in %s'
               % (name, len(public) - len(missing) - len(mismatched),
                  len(public), len(missing), len(mismatched), len(extra),
                  private, '/'.join(sorted(ALLOWED_EXTRA_NODES))))
    return problems, summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--debian-libdir', default=default_libdir())
    ap.add_argument('libs', nargs='+', help="nuvirt's built libraries")
    args = ap.parse_args()

    total = 0
    summaries = []
    for lib in args.libs:
        problems, summary = check_library(lib, args.debian_libdir)
        total += problems
        summaries.append(summary)
    for s in summaries:
        print('abi-exports: ' + s)
    if total:
        print('abi-exports: FAIL: %d problems in %d libraries'
              % (total, len(args.libs)))
        return 1
    print('abi-exports: OK: %d libraries export exactly libvirt 9.0.0\'s '
          'public symbols' % len(args.libs))
    return 0


if __name__ == '__main__':
    sys.exit(main())
