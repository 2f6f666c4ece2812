#!/usr/bin/env python3
"""debian-clients-load: Debian's libvirt clients run on nuvirt's libraries.

With LD_LIBRARY_PATH=<builddir>/src:

1. python3-libvirt: /usr/bin/python3 imports libvirt (and libvirt_qemu,
   libvirt_lxc), prints libvirt.getVersion(), which must be 9000000, and
   /proc/self/maps must show that every libvirt*.so it mapped is nuvirt's.
2. virsh linkage: `ldd -r /usr/bin/virsh` must resolve libvirt*.so.0 into
   the build dir, with no "not found", no missing version node and no
   undefined symbol.
3. `virsh -c test:///default version`: success, or a clean libvirt-style
   error (exit 1 with "error:" on stderr) is accepted for now; a dynamic
   linker error, a crash (signal) or a hang fails.

Exit 0 when all pass, 1 on any failure, 77 (skip) when neither client is
installed.

Usage: check-debian-clients.py --libdir BUILDDIR/src
         [--python /usr/bin/python3] [--virsh /usr/bin/virsh]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import textwrap

LINKER_ERRORS = re.compile(r"symbol lookup error|undefined symbol|"
                           r"version `[^']*' not found|"
                           r"error while loading shared libraries")
PY_PROBE = r'''
import sys
try:
    import libvirt
    print("VERSION", libvirt.getVersion())
    for mod in ("libvirt_qemu", "libvirt_lxc"):
        __import__(mod)
        print("IMPORTED", mod)
except BaseException as e:
    print("EXCEPTION", type(e).__name__, e)
with open("/proc/self/maps") as fh:
    for line in fh:
        parts = line.split()
        if len(parts) >= 6 and "/libvirt" in parts[5] and ".so" in parts[5]:
            print("MAP", parts[5])
'''


def is_ours(path, libdir):
    return os.path.realpath(path).startswith(os.path.realpath(libdir) + '/')


def check_python(python, env, libdir):
    res = subprocess.run([python, '-c', PY_PROBE], env=env,
                         capture_output=True, text=True, timeout=120)
    problems = []
    version = None
    maps = set()
    for line in res.stdout.splitlines():
        key, _, rest = line.partition(' ')
        if key == 'VERSION':
            version = rest
        elif key == 'EXCEPTION':
            problems.append('import failed: ' + rest)
        elif key == 'MAP':
            maps.add(rest)
    if res.returncode != 0:
        problems.append('python exited with %d: %s'
                        % (res.returncode, res.stderr.strip()[-2000:]))
    if version is not None and version != '9000000':
        problems.append('getVersion() returned %s, not 9000000' % version)
    core = [m for m in maps if os.path.basename(m).startswith('libvirt.so')]
    if not core:
        problems.append('libvirt.so.0 not mapped into the python process')
    for m in sorted(maps):
        if 'libvirtmod' in m:
            continue
        if not is_ours(m, libdir):
            problems.append('loaded a foreign library: ' + m)
    ok = ('getVersion() = %s from %s' % (version, ', '.join(
        sorted(os.path.basename(m) for m in maps if is_ours(m, libdir)))))
    return problems, ok


def check_ldd(virsh, env, libdir):
    res = subprocess.run(['ldd', '-r', virsh], env=env,
                         capture_output=True, text=True, timeout=60)
    problems = []
    undefined = {}
    for line in (res.stdout + res.stderr).splitlines():
        line = line.strip()
        m = re.match(r'(libvirt[\w.-]*\.so\.\d+) => (\S+)', line)
        if m and not is_ours(m.group(2), libdir):
            problems.append('%s resolves to %s' % (m.group(1), m.group(2)))
        u = re.match(r'undefined symbol: (\S+?),? (?:version (\S+))?', line)
        if u:
            node = re.sub(r'_\d+\.\d+\.\d+$', '_*',
                          u.group(2) or '(unversioned)')
            undefined.setdefault(node, []).append(u.group(1))
        elif 'not found' in line:
            problems.append(line)
    for node in sorted(undefined):
        names = sorted(set(undefined[node]))
        problems.append('%d undefined symbols at %s:' % (len(names), node))
        problems += textwrap.wrap(' '.join(names), 72,
                                  initial_indent='  ',
                                  subsequent_indent='  ')
    return problems, 'virsh links against nuvirt only'


def check_virsh_run(virsh, env):
    try:
        res = subprocess.run([virsh, '-c', 'test:///default', 'version'],
                             env=env, capture_output=True, text=True,
                             timeout=60)
    except subprocess.TimeoutExpired:
        return ['virsh hung (no exit within 60s)'], None
    out = (res.stdout + res.stderr).strip()
    if res.returncode < 0:
        return ['virsh killed by signal %d: %s'
                % (-res.returncode, out[-2000:])], None
    if LINKER_ERRORS.search(res.stderr):
        lines = [l for l in res.stderr.splitlines()
                 if LINKER_ERRORS.search(l)]
        return ['dynamic linker error: ' + l for l in lines[:20]], None
    # the test driver answers these: the output must be libvirt's
    if res.returncode == 0 and 'Using API: TEST 9.0.0' in res.stdout and \
            'Running hypervisor: TEST 0.0.2' in res.stdout and not res.stderr:
        return [], 'virsh version succeeded: ' + ' | '.join(
            res.stdout.strip().splitlines())
    return ['virsh exited with %d: %s' % (res.returncode, out[-2000:])], None


def sanitizer_runtimes(lib):
    """Paths of the sanitizer runtimes @lib links against (ldd)."""
    res = subprocess.run(['ldd', lib], capture_output=True, text=True)
    found = []
    for line in res.stdout.splitlines():
        parts = line.split()
        if parts and parts[0].startswith(('libasan.so', 'libubsan.so')) \
                and '=>' in parts and len(parts) > 2:
            found.append(parts[2])
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--libdir', required=True,
                    help='directory holding nuvirt\'s libvirt.so.0')
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('--virsh', default='/usr/bin/virsh')
    args = ap.parse_args()
    libdir = os.path.abspath(args.libdir)
    if not os.path.exists(os.path.join(libdir, 'libvirt.so.0')):
        print('debian-clients-load: FAIL: no libvirt.so.0 in ' + libdir)
        return 1

    with tempfile.TemporaryDirectory(prefix='nuvirt-clients-') as home:
        env = dict(os.environ)
        env['LD_LIBRARY_PATH'] = libdir
        env['HOME'] = home
        for var in ('XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR'):
            env[var] = os.path.join(home, var.lower())
        for var in ('LIBVIRT_DEFAULT_URI', 'VIRSH_DEFAULT_CONNECT_URI',
                    'LD_PRELOAD'):
            env.pop(var, None)

        # An ASan/UBSan build of the library needs the sanitizer runtimes
        # loaded first into these uninstrumented programs.
        preload = sanitizer_runtimes(os.path.join(libdir, 'libvirt.so.0'))
        if preload:
            env['LD_PRELOAD'] = ' '.join(preload)
            env['ASAN_OPTIONS'] = 'detect_leaks=0'

        checks = []
        # whether python3-libvirt is installed, asked without nuvirt's
        # library in the way
        has_py = subprocess.run([args.python, '-c', 'import libvirt'],
                                capture_output=True,
                                env={k: v for k, v in env.items()
                                     if k not in ('LD_LIBRARY_PATH', 'LD_PRELOAD')}
                                ).returncode == 0
        if has_py:
            checks.append(('python3-libvirt',
                           lambda: check_python(args.python, env, libdir)))
        else:
            print('debian-clients-load: skip python3-libvirt: not installed')
        if os.access(args.virsh, os.X_OK):
            checks.append(('virsh ldd', lambda: check_ldd(args.virsh, env,
                                                          libdir)))
            checks.append(('virsh version',
                           lambda: check_virsh_run(args.virsh, env)))
        else:
            print('debian-clients-load: skip virsh: %s not found'
                  % args.virsh)
        if not checks:
            print('debian-clients-load: SKIP: no Debian client installed')
            return 77

        failed = []
        for name, fn in checks:
            problems, ok = fn()
            if problems:
                failed.append(name)
                print('debian-clients-load: %s: FAIL' % name)
                for p in problems:
                    print('    ' + p)
            else:
                print('debian-clients-load: %s: OK: %s' % (name, ok))

    if failed:
        print('debian-clients-load: FAIL: %d of %d checks failed (%s)'
              % (len(failed), len(checks), ', '.join(failed)))
        return 1
    print('debian-clients-load: OK: %d checks passed' % len(checks))
    return 0


if __name__ == '__main__':
    sys.exit(main())
