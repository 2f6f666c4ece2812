#!/usr/bin/env python3
"""import-protocol: write nuvirt's RPC protocol descriptions (.x) from
libvirt 9.0.0's.

This script documents where nuvirt's wire facts come from.  It was run
once to create the committed files; from then on the .x files are edited
by hand, and the 'wire-abi' test (scripts/check-wire-abi.py) keeps their
layout equal to libvirt's.

What is taken from libvirt's .x files -- the wire, nothing else:

* constants, enums, typedefs, structs and unions, with members in the
  same order and with the same XDR types;
* program numbers, versions and procedure numbers;
* per procedure, libvirt's facts about it: whether its marshalling is
  generated on each side (@generate), its access rules (@acl,
  @aclfilter), its priority (@priority) and its stream (@readstream,
  @writestream, @sparseflag).

Comments and layout are nuvirt's own: constants first, then the shared
types, then each procedure's structs in procedure-number order (moved up
where a later procedure's struct is used earlier), then the procedure
numbers.  Each procedure gets one explicit annotation for the RPC
generator, so that nothing is guessed from names later (STYLE.md A5):

    /* @proc: api=virDomainSuspend kind=generate priority=high
     *        acl=domain:suspend args=remote_domain_suspend_args ret=void */

The C API of a procedure is resolved here, once: its name in words
(REMOTE_PROC_NODE_GET_CPU_STATS -> node get cpu stats) must match exactly
one function of the public symbol files (src/libvirt*.syms) or of
INTERNAL_APIS, ignoring case; API_OVERRIDES and NO_API name the rest.
The script fails on any procedure it cannot resolve.

Usage: import-protocol.py [--libvirt DIR] [--root DIR] [--check]
  --libvirt  libvirt's unpacked source (default /tmp/lvsrc/libvirt-9.0.0)
  --root     nuvirt's top directory (default: this script's parent)
  --check    write nothing; fail if a committed file differs
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xdrlang  # noqa: E402

# (libvirt's file, nuvirt's file, procedure prefix, struct prefix, C API
# prefix, symbol files, headers rpcgen's output includes, what it is)
FILES = [
    ('src/rpc/virnetprotocol.x', 'src/rpc/virnetprotocol.x',
     None, None, None, [],
     ['<libvirt/libvirt.h>'],
     'the message header and error shared by all programs'),
    ('src/rpc/virkeepaliveprotocol.x', 'src/rpc/virkeepaliveprotocol.x',
     'KEEPALIVE_PROC_', 'keepalive_', None, [],
     [],
     'the keepalive program (ping/pong, answered by the RPC layer)'),
    ('src/remote/remote_protocol.x', 'src/remote/remote_protocol.x',
     'REMOTE_PROC_', 'remote_', 'vir', ['libvirt_public'],
     ['<libvirt/libvirt.h>'],
     'the remote program: the public API over the wire'),
    ('src/remote/qemu_protocol.x', 'src/remote/qemu_protocol.x',
     'QEMU_PROC_', 'qemu_', 'vir', ['libvirt_qemu'],
     ['"remote_protocol.h"'],
     'the QEMU program: libvirt-qemu.h over the wire'),
    ('src/remote/lxc_protocol.x', 'src/remote/lxc_protocol.x',
     'LXC_PROC_', 'lxc_', 'vir', ['libvirt_lxc'],
     ['"remote_protocol.h"'],
     'the LXC program: libvirt-lxc.h over the wire'),
    ('src/admin/admin_protocol.x', 'src/admin/admin_protocol.x',
     'ADMIN_PROC_', 'admin_', 'virAdm', ['libvirt_admin'],
     ['<libvirt/libvirt.h>'],
     'the admin program: libvirt-admin.h over the wire'),
]

# libvirt's driver-level entry points that are not public API
# (libvirt_internal.h): the migration protocol steps and feature probing.
INTERNAL_APIS = {
    'virConnectSupportsFeature',
    'virDomainMigratePrepare', 'virDomainMigratePerform',
    'virDomainMigrateFinish', 'virDomainMigratePrepare2',
    'virDomainMigrateFinish2', 'virDomainMigratePrepareTunnel',
    'virDomainMigrateBegin3', 'virDomainMigratePrepare3',
    'virDomainMigratePrepareTunnel3', 'virDomainMigratePerform3',
    'virDomainMigrateFinish3', 'virDomainMigrateConfirm3',
    'virDomainMigrateBegin3Params', 'virDomainMigratePrepare3Params',
    'virDomainMigratePrepareTunnel3Params', 'virDomainMigratePerform3Params',
    'virDomainMigrateFinish3Params', 'virDomainMigrateConfirm3Params',
}

# Procedures whose name does not spell their C API.
API_OVERRIDES = {
    # The callback variants replaced the older registration procedures;
    # both serve the same public calls.
    'REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY':
        'virConnectDomainEventRegisterAny',
    'REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY':
        'virConnectDomainEventDeregisterAny',
    'QEMU_PROC_DOMAIN_MONITOR_COMMAND': 'virDomainQemuMonitorCommand',
    'QEMU_PROC_DOMAIN_MONITOR_COMMAND_WITH_FILES':
        'virDomainQemuMonitorCommandWithFiles',
    'QEMU_PROC_DOMAIN_ATTACH': 'virDomainQemuAttach',
    'QEMU_PROC_DOMAIN_AGENT_COMMAND': 'virDomainQemuAgentCommand',
    'QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_REGISTER':
        'virConnectDomainQemuMonitorEventRegister',
    'QEMU_PROC_CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER':
        'virConnectDomainQemuMonitorEventDeregister',
    'LXC_PROC_DOMAIN_OPEN_NAMESPACE': 'virDomainLxcOpenNamespace',
}

# Procedures that serve no C API: the RPC layer or the daemon core
# answers them (authentication, keepalive).
NO_API = {
    'REMOTE_PROC_AUTH_LIST', 'REMOTE_PROC_AUTH_SASL_INIT',
    'REMOTE_PROC_AUTH_SASL_START', 'REMOTE_PROC_AUTH_SASL_STEP',
    'REMOTE_PROC_AUTH_POLKIT',
    'KEEPALIVE_PROC_PING', 'KEEPALIVE_PROC_PONG',
}

# libvirt's @generate -> nuvirt's kind (which side is hand-written).
KINDS = {
    'both': 'generate',
    'none': 'special',
    'server': 'special-client',
    'client': 'special-server',
}

HEADER = '''\
/* nuvirt RPC: {what}.
 *
 * The wire layout is libvirt 9.0.0's: scripts/import-protocol.py wrote
 * this file from libvirt's description.  Edit it by hand; any change of
 * layout must also be made in src/remote/remote_protocol-structs
 * (scripts/check-wire-abi.py --regenerate), which the 'wire-abi' test
 * compares.{procs}
 */
'''

PROCS_DOC = '''
 *
 * Each procedure has one annotation, read by the RPC generator:
 *   api=       the C function the procedure serves; none: answered by the
 *              RPC layer or daemon core, or an event message
 *   kind=      generate: client stub and server dispatcher are generated;
 *              special: both are hand-written; special-client or
 *              special-server: that side is hand-written; event: a
 *              message from server to client
 *   priority=  high: may run on the high-priority workers (never blocks
 *              on a hypervisor); low: the ordinary workers
 *   acl=       an access rule object:permission[:flag], repeated; none
 *   aclfilter= a filter applied to returned object lists, repeated
 *   args=      the call's struct, or void; ret= the reply's struct, or void
 *   stream=    read:N or write:N, the stream's position in the C call
 *   sparse=    the flag that makes the stream sparse'''


def read_syms(root, names):
    syms = set()
    for n in names:
        with open(os.path.join(root, 'src', n + '.syms'), encoding='utf-8') as f:
            syms |= set(re.findall(r'^\s+(vir\w+);', f.read(), re.M))
    return syms


def libvirt_notes(note):
    """libvirt's '@key: value' lines before a procedure, as a dict of lists."""
    out = {}
    for key, val in re.findall(r'@(\w+):\s*(\S+)', note or ''):
        out.setdefault(key, []).append(val)
    return out


def resolve_api(proc, prefix, api_prefix, known):
    if proc in NO_API:
        return 'none'
    if proc in API_OVERRIDES:
        api = API_OVERRIDES[proc]
        if api not in known:
            sys.exit('%s: override %s is no known API' % (proc, api))
        return api
    words = proc[len(prefix):].replace('_', '').lower()
    found = [k for k in known if k.lower() == api_prefix.lower() + words]
    if len(found) != 1:
        sys.exit('%s: no single C API matches (%s); add it to API_OVERRIDES '
                 'or NO_API' % (proc, ', '.join(found) or 'none'))
    return found[0]


def annotate(proc, note, spec, module, known):
    """The nuvirt annotation words of one procedure."""
    _, _, prefix, sprefix, api_prefix, _, _, _ = spec
    lv = libvirt_notes(note)
    base = sprefix + proc[len(prefix):].lower()
    structs = {d.name for d in module.named('struct')}
    msg = base + '_msg'
    if msg in structs:
        api, kind = 'none', 'event'
        args, ret = msg, 'void'
    else:
        api = resolve_api(proc, prefix, api_prefix or 'vir', known)
        gen = lv.get('generate', ['none'])
        kind = KINDS[gen[0]]
        args = base + '_args' if base + '_args' in structs else 'void'
        ret = base + '_ret' if base + '_ret' in structs else 'void'
    if prefix == 'KEEPALIVE_PROC_':
        # Answered by the RPC layer itself, ahead of any worker.
        kind, prio, acl = 'special', 'high', ['none']
    else:
        prio = lv.get('priority', ['low'])[0]
        acl = lv.get('acl', [])
    words = ['api=' + api, 'kind=' + kind, 'priority=' + prio]
    words += ['acl=' + a for a in acl]
    words += ['aclfilter=' + a for a in lv.get('aclfilter', [])]
    words += ['args=' + args, 'ret=' + ret]
    for d in ('read', 'write'):
        for n in lv.get(d + 'stream', []):
            words.append('stream=%s:%s' % (d, n))
    words += ['sparse=' + s for s in lv.get('sparseflag', [])]
    if not acl and prefix in ('REMOTE_PROC_', 'QEMU_PROC_', 'LXC_PROC_'):
        sys.exit('%s: libvirt gives no @acl' % proc)
    return words


def wrap_note(words, indent='    ', width=88):
    lines = []
    cur = indent + '/* @proc:'
    for w in words:
        if len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = indent + ' *       '
        cur += ' ' + w
    lines.append(cur + ' */')
    return lines


def type_deps(d):
    decls = []
    if d.kind == 'typedef':
        decls = [d.decl]
    elif d.kind == 'struct':
        decls = d.members
    elif d.kind == 'union':
        decls = [d.disc] + [a[1] for a in d.arms] + ([d.default] if d.default else [])
    return [x.type for x in decls]


def order_types(module, spec):
    """The type definitions in nuvirt's order: shared types as libvirt
    lists them, then each procedure's structs by procedure number; a
    type always follows the types it uses."""
    _, _, prefix, sprefix, _, _, _, _ = spec
    types = [d for d in module.defs if d.kind in ('enum', 'typedef', 'struct', 'union')
             and not d.name.endswith('_procedure')]
    by_name = {d.name: d for d in types}
    owner = {}
    for e in (module.procedure_enums()[0].members if module.procedure_enums() else []):
        base = sprefix + e.name[len(prefix):].lower()
        for suffix in ('_args', '_ret', '_msg'):
            if base + suffix in by_name:
                owner[base + suffix] = e
    shared = [d for d in types if d.name not in owner]
    per_proc = sorted((d for d in types if d.name in owner),
                      key=lambda d: (owner[d.name].value,
                                     ('_args', '_ret', '_msg').index(d.name[d.name.rfind('_'):])))
    out = []
    done = set()

    def emit(d, stack=()):
        if d.name in done:
            return
        if d.name in stack:
            sys.exit('type cycle through %s' % d.name)
        for dep in type_deps(d):
            if dep in by_name:
                emit(by_name[dep], stack + (d.name,))
        done.add(d.name)
        out.append((owner.get(d.name), d))

    for d in shared + per_proc:
        emit(d)
    return out


def fmt_value(v, hexa=False):
    if isinstance(v, int) and hexa:
        return '0x%08x' % v
    return str(v)


def fmt_def(d):
    if d.kind == 'typedef':
        return ['typedef %s;' % d.decl.source()]
    if d.kind == 'enum':
        lines = ['enum %s {' % d.name]
        for i, e in enumerate(d.members):
            sep = ',' if i + 1 < len(d.members) else ''
            lines.append('    %s = %s%s' % (e.name, fmt_value(e.value), sep))
        return lines + ['};']
    if d.kind == 'struct':
        return (['struct %s {' % d.name]
                + ['    %s;' % m.source() for m in d.members] + ['};'])
    if d.kind == 'union':
        lines = ['union %s switch (%s) {' % (d.name, d.disc.source())]
        for labels, decl in d.arms:
            lines += ['case %s:' % fmt_value(v) for v in labels]
            lines.append('    %s;' % decl.source())
        if d.default:
            lines += ['default:', '    %s;' % d.default.source()]
        return lines + ['};']
    raise ValueError(d.kind)


def convert(spec, module, known):
    includes, what = spec[6], spec[7]
    procs = module.procedure_enums()
    out = HEADER.format(what=what, procs=PROCS_DOC if procs else '').splitlines()
    out.append('')
    for inc in includes:
        out.append('%%#include %s' % inc)
    if includes:
        out.append('')
    consts = module.named('const')
    for c in consts:
        hexa = c.name.endswith('_PROGRAM')
        out.append('const %s = %s;' % (c.name, fmt_value(c.value, hexa)))
    out.append('')
    last_owner = None
    for owner, d in order_types(module, spec):
        if owner is not None and owner is not last_owner:
            out.append('/* %d: %s */' % (owner.value, owner.name))
        last_owner = owner
        out += fmt_def(d)
        out.append('')
    for p in procs:
        out.append('enum %s {' % p.name)
        for i, e in enumerate(p.members):
            words = annotate(e.name, e.note, spec, module, known)
            out += wrap_note(words)
            sep = ',' if i + 1 < len(p.members) else ''
            out.append('    %s = %s%s' % (e.name, e.value, sep))
            if sep:
                out.append('')
        out.append('};')
    return '\n'.join(out) + '\n'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--libvirt', default='/tmp/lvsrc/libvirt-9.0.0')
    ap.add_argument('--root', default=os.path.dirname(here))
    ap.add_argument('--check', action='store_true')
    args = ap.parse_args()

    failed = False
    for spec in FILES:
        src, dst = spec[0], spec[1]
        module = xdrlang.parse_file(os.path.join(args.libvirt, src))
        known = read_syms(args.root, spec[5]) | INTERNAL_APIS
        text = convert(spec, module, known)
        # What was written must read back with the same wire layout.
        back = xdrlang.parse(text)
        if xdrlang.listing([(dst, back)]) != xdrlang.listing([(dst, module)]):
            sys.exit('%s: the written file lists differently' % dst)
        path = os.path.join(args.root, dst)
        if args.check:
            with open(path, encoding='utf-8') as f:
                if f.read() != text:
                    print('%s differs from a fresh import' % dst)
                    failed = True
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        n = sum(len(p.members) for p in module.procedure_enums())
        print('%s: %d procedures' % (dst, n))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
