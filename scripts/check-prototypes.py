#!/usr/bin/env python3
"""api-prototypes: every public function has libvirt 9.0.0's exact type.

1. Preprocess Debian's public headers (cc -E -P) and nuvirt's the same way,
   and collect every top-level function (and extern variable) declaration whose
   name starts with "vir".  The two name sets must be identical, and must cover every
   <function> of libvirt's API descriptions.
2. Rewrite each of Debian's declarations into a pointer typedef
       RET NAME(PARAMS);   ->   typedef RET (*deb_NAME)(PARAMS);
   and compile, against nuvirt's headers only,
       typedef ...; deb_NAME p_NAME = NAME;
   with incompatible pointer types and discarded qualifiers as errors.
   Each compile error maps back to its line, i.e. to a function name.

Usage: check-prototypes.py --nuvirt-include DIR [--debian-include DIR]
                           [--api-dir DIR] [--cc "CC ARGS"]
"""

import argparse
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
ERROR_FLAGS = ['-Werror=incompatible-pointer-types',
               '-Werror=discarded-qualifiers', '-Werror=int-conversion',
               '-Wno-deprecated-declarations', '-fmax-errors=0']
IDENT_CALL = re.compile(r'\b([A-Za-z_]\w*)\s*\(')


def api_functions(api_dir):
    names = set()
    for fname in API_FILES:
        root = ET.parse(os.path.join(api_dir, fname)).getroot()
        names |= {f.get('name') for f in root.find('symbols').iter('function')}
    return names


def strip_attributes(text):
    """Remove __attribute__((...)) groups, balancing parentheses."""
    out = []
    i = 0
    while True:
        j = text.find('__attribute__', i)
        if j < 0:
            out.append(text[i:])
            return ''.join(out)
        out.append(text[i:j])
        k = text.index('(', j)
        depth = 0
        while True:
            if text[k] == '(':
                depth += 1
            elif text[k] == ')':
                depth -= 1
                if depth == 0:
                    break
            k += 1
        i = k + 1


def declarations(cc, incdir, workdir, tag):
    """{function name: declaration text} from the preprocessed headers."""
    src = os.path.join(workdir, tag + '-pp.c')
    with open(src, 'w') as fh:
        fh.write(''.join('#include <%s>\n' % h for h in HEADERS))
    res = subprocess.run(cc + ['-E', '-P', '-DVIR_ENUM_SENTINELS',
                               '-I', incdir, src],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError('preprocessing %s headers failed:\n%s'
                           % (tag, res.stderr))
    decls = {}
    depth = 0
    stmt = []
    for ch in res.stdout:
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
        if ch == ';' and depth == 0:
            text = ' '.join(''.join(stmt).split())
            stmt = []
            if '{' in text or re.match(r'(typedef|extern\s+typedef)\b',
                                       text):
                continue
            text = strip_attributes(text).strip()
            is_extern = text.startswith('extern ')
            text = re.sub(r'^extern\s+', '', text)
            m = IDENT_CALL.search(text)
            if not m and is_extern:         # a variable, e.g. an auth table
                m = re.search(r'\b(\w+)\s*(\[[^\]]*\]\s*)?$', text)
            if m and m.group(1).startswith('vir'):
                decls[m.group(1)] = text
        else:
            stmt.append(ch)
    return decls


def foreign_headers(cc, incdir, workdir):
    """libvirt headers the compiler takes from outside incdir."""
    src = os.path.join(workdir, 'deps.c')
    with open(src, 'w') as fh:
        fh.write(''.join('#include <%s>\n' % h for h in HEADERS))
    res = subprocess.run(cc + ['-DVIR_ENUM_SENTINELS', '-I', incdir, '-M',
                               src], capture_output=True, text=True)
    deps = res.stdout.replace('\\\n', ' ').split()
    return [d for d in deps if '/libvirt/' in d and d.endswith('.h')
            and not os.path.abspath(d).startswith(incdir + os.sep)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--nuvirt-include', required=True)
    ap.add_argument('--debian-include', default='/usr/include')
    ap.add_argument('--api-dir', default='/usr/share/libvirt/api')
    ap.add_argument('--cc', default=os.environ.get('CC', 'cc'))
    args = ap.parse_args()
    cc = shlex.split(args.cc)
    nuv_inc = os.path.abspath(args.nuvirt_include)
    failures = 0

    with tempfile.TemporaryDirectory(prefix='nuvirt-proto-') as workdir:
        leaked = foreign_headers(cc, nuv_inc, workdir)
        if leaked:
            print('api-prototypes: FAIL: nuvirt build picks up foreign '
                  'headers: ' + ' '.join(leaked))
            return 1
        deb = declarations(cc, args.debian_include, workdir, 'debian')
        nuv = declarations(cc, nuv_inc, workdir, 'nuvirt')
        xml = api_functions(args.api_dir)

        for name in sorted(xml - set(deb)):
            print('api-prototypes: note: %s is in the API description but '
                  'not declared by Debian\'s headers' % name)
        reference = set(deb)
        missing = sorted(reference - set(nuv))
        extra = sorted(set(nuv) - reference)
        for name in missing:
            print('api-prototypes: missing in nuvirt headers: ' + name)
        for name in extra:
            print('api-prototypes: not in libvirt 9.0.0 headers: ' + name)
        failures += len(missing) + len(extra)

        lines = ['#include <%s>' % h for h in HEADERS]
        owner = {}
        for name in sorted(reference & set(nuv)):
            decl = re.sub(r'\b%s\b' % name, '(*deb_%s)' % name, deb[name],
                          count=1)
            lines.append('typedef %s; deb_%s p_%s = &%s;'
                         % (decl, name, name, name))
            owner[len(lines)] = name
        src = os.path.join(workdir, 'prototypes.c')
        with open(src, 'w') as fh:
            fh.write('\n'.join(lines) + '\n')
        res = subprocess.run(cc + ['-std=gnu11', '-DVIR_ENUM_SENTINELS',
                                   '-fsyntax-only', '-I', nuv_inc]
                             + ERROR_FLAGS + [src],
                             capture_output=True, text=True)
        bad = {}
        for m in re.finditer(r'^%s:(\d+):\d+: error: (.*)$'
                             % re.escape(src), res.stderr, re.M):
            name = owner.get(int(m.group(1)))
            if name:
                bad.setdefault(name, m.group(2))
        for name in sorted(bad):
            print('api-prototypes: type mismatch: %s: %s' % (name, bad[name]))
            print('    libvirt 9.0.0: ' + deb[name])
            print('    nuvirt:        ' + nuv[name])
        failures += len(bad)
        if res.returncode != 0 and not bad:
            print('api-prototypes: compile failed outside the checks:')
            print('\n'.join(res.stderr.splitlines()[:40]))
            failures += 1

    checked = len(reference & set(nuv))
    if failures:
        print('api-prototypes: FAIL: %d declarations in libvirt 9.0.0, %d '
              'missing, %d extra, %d of %d checked differ'
              % (len(reference), len(missing), len(extra), len(bad),
                 checked))
        return 1
    print('api-prototypes: OK: %d functions and variables, identical names '
          'and types'
          % checked)
    return 0


if __name__ == '__main__':
    sys.exit(main())
