#!/usr/bin/env python3
"""abi-layout: compare constant values and struct layouts with libvirt 9.0.0.

Reads libvirt's API descriptions (libvirt-api.xml and the qemu, lxc and admin
ones), generates ONE C program that prints

    enum constants          NAME <value as long long>
    integer macros          NAME <value as long long>
    string macros           NAME "<value>"
    public structs          sizeof / alignof / offsetof + sizeof of each field
                            (fields of a union inside a struct: the union
                            member's offset, e.g. value.l)

compiles it once against Debian's headers and once against nuvirt's (both
with -DVIR_ENUM_SENTINELS so the _LAST counts are compared too), runs both
and diffs the output.  Names nuvirt's headers lack are reported by name:
the generated line of every compile error is mapped back to its item, the
item is dropped and the program rebuilt.

Usage: check-abi.py --nuvirt-include DIR [--debian-include DIR]
                    [--api-dir DIR] [--cc "CC ARGS"] [--keep]
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

API_FILES = ['libvirt-api.xml', 'libvirt-qemu-api.xml',
             'libvirt-lxc-api.xml', 'libvirt-admin-api.xml']
HEADERS = ['libvirt/libvirt.h', 'libvirt/virterror.h',
           'libvirt/libvirt-qemu.h', 'libvirt/libvirt-lxc.h',
           'libvirt/libvirt-admin.h']
MAX_ROUNDS = 20


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def collect_items(api_dir):
    """Return a list of (name, [C statements]) in a stable order."""
    items = []
    seen = set()

    def add(name, stmts):
        if name not in seen:
            seen.add(name)
            items.append((name, stmts))

    for fname in API_FILES:
        root = ET.parse(os.path.join(api_dir, fname)).getroot()
        symbols = root.find('symbols')
        for enum in symbols.iter('enum'):
            name = enum.get('name')
            add(name, ['printf("%%s %%lld\\n", %s, (long long)(%s));'
                       % (c_string(name), name)])
        for macro in symbols.iter('macro'):
            name = macro.get('name')
            if macro.get('params') is not None or name.startswith('_'):
                continue        # function-like, or a struct-name alias
            if macro.get('string') is not None:
                add(name, ['printf("%%s \\"%%s\\"\\n", %s, %s);'
                           % (c_string(name), name)])
            elif macro.get('raw'):
                add(name, ['printf("%%s %%lld\\n", %s, (long long)(%s));'
                           % (c_string(name), name)])
        for struct in symbols.iter('struct'):
            ctype = struct.get('type')
            fields = struct.findall('field')
            if not fields or not ctype:
                continue
            label = ctype.replace('struct ', '')
            stmts = ['printf("%%s sizeof %%zu alignof %%zu\\n", %s, '
                     'sizeof(%s), _Alignof(%s));'
                     % (c_string(label), ctype, ctype)]
            members = []
            for f in fields:
                members.append(f.get('name'))
                union = f.find('union')
                if union is not None:
                    members += ['%s.%s' % (f.get('name'), u.get('name'))
                                for u in union.findall('field')]
            for m in members:
                stmts.append('printf("%%s.%%s offset %%zu size %%zu\\n", '
                             '%s, %s, offsetof(%s, %s), '
                             'sizeof(((%s *)0)->%s));'
                             % (c_string(label), c_string(m), ctype, m,
                                ctype, m))
            add(label, stmts)
    return items


def write_program(path, items):
    """Write the program; return {line number: item name}."""
    lines = ['#include <stddef.h>', '#include <stdio.h>']
    lines += ['#include <%s>' % h for h in HEADERS]
    lines += ['int main(void);', 'int main(void)', '{']
    owner = {}
    for name, stmts in items:
        for s in stmts:
            lines.append('    ' + s)
            owner[len(lines)] = name
    lines += ['    return 0;', '}', '']
    with open(path, 'w') as fh:
        fh.write('\n'.join(lines))
    return owner


def build(cc, incdir, items, workdir, tag):
    """Compile and run; returns (output, dropped names, fatal error text)."""
    src = os.path.join(workdir, tag + '.c')
    exe = os.path.join(workdir, tag)
    dropped = []
    for _ in range(MAX_ROUNDS):
        owner = write_program(src, items)
        cmd = cc + ['-std=gnu11', '-DVIR_ENUM_SENTINELS', '-I', incdir,
                    '-fmax-errors=0', '-o', exe, src]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode == 0:
            break
        bad = set()
        for m in re.finditer(r'^%s:(\d+):\d+: error' % re.escape(src),
                             res.stderr, re.M):
            line = int(m.group(1))
            if line in owner:
                bad.add(owner[line])
        if not bad:
            return None, dropped, res.stderr
        dropped += sorted(bad)
        items = [it for it in items if it[0] not in bad]
    else:
        return None, dropped, 'gave up after %d compile rounds' % MAX_ROUNDS
    run = subprocess.run([exe], capture_output=True, text=True)
    if run.returncode != 0:
        return None, dropped, '%s exited with %d' % (exe, run.returncode)
    return run.stdout.splitlines(), dropped, None


def headers_from(cc, incdir, workdir):
    """Paths of the libvirt headers the compiler really uses with incdir."""
    src = os.path.join(workdir, 'deps.c')
    with open(src, 'w') as fh:
        fh.write(''.join('#include <%s>\n' % h for h in HEADERS))
    res = subprocess.run(cc + ['-DVIR_ENUM_SENTINELS', '-I', incdir, '-M',
                               src], capture_output=True, text=True)
    deps = res.stdout.replace('\\\n', ' ').split()
    return [d for d in deps if '/libvirt/' in d and d.endswith('.h')]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--nuvirt-include', required=True)
    ap.add_argument('--debian-include', default='/usr/include')
    ap.add_argument('--api-dir', default='/usr/share/libvirt/api')
    ap.add_argument('--cc', default=os.environ.get('CC', 'cc'))
    ap.add_argument('--keep', action='store_true',
                    help='keep the temporary build directory')
    args = ap.parse_args()
    cc = shlex.split(args.cc)
    nuv_inc = os.path.abspath(args.nuvirt_include)

    items = collect_items(args.api_dir)
    workdir = tempfile.mkdtemp(prefix='nuvirt-abi-')
    try:
        leaked = [h for h in headers_from(cc, nuv_inc, workdir)
                  if not os.path.abspath(h).startswith(nuv_inc + os.sep)]
        if leaked:
            print('abi-layout: FAIL: nuvirt build picks up foreign headers:')
            for h in leaked:
                print('  ' + h)
            return 1
        deb, deb_drop, err = build(cc, args.debian_include, items, workdir,
                                   'debian')
        if err or deb_drop:
            print('abi-layout: ERROR: reference program does not build '
                  'against %s' % args.debian_include)
            print(err or 'dropped: ' + ', '.join(deb_drop))
            return 2
        nuv, nuv_drop, err = build(cc, nuv_inc, items, workdir, 'nuvirt')
        if err:
            print('abi-layout: FAIL: program does not build against nuvirt '
                  'headers:')
            print('\n'.join(err.splitlines()[:60]))
            return 1
    finally:
        if args.keep:
            print('abi-layout: build kept in ' + workdir)
        else:
            subprocess.run(['rm', '-rf', workdir])

    dropped = set(nuv_drop)
    for name in nuv_drop:
        print('abi-layout: missing or broken in nuvirt headers: ' + name)
    # Lines of dropped items are already reported; diff the rest.
    def keep(line):
        return line.split(' ', 1)[0].split('.', 1)[0] not in dropped
    deb = [l for l in deb if keep(l)]
    diff = list(difflib.unified_diff(deb, nuv, 'debian', 'nuvirt',
                                     lineterm='', n=0))
    for line in diff:
        print(line)
    ndiff = sum(1 for l in diff[2:] if l[:1] == '-')
    total = len(items)
    if dropped or ndiff:
        print('abi-layout: FAIL: %d items checked, %d missing in nuvirt, '
              '%d values differ' % (total, len(dropped), ndiff))
        return 1
    print('abi-layout: OK: %d enum/macro/struct items identical '
          '(%d output lines)' % (total, len(deb)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
